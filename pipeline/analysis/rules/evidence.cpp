// The evidence gate: a finding that tells a person not to pay (or that a sum is wrong) must rest on
// figures read surely and on documents whose own arithmetic closes. Where they do not, the finding
// becomes a check item saying what to look at on which paper, in words that claim nothing.
#include <algorithm>
#include <cmath>
#include <filesystem>

#include "pipeline/analysis/findings.hpp"
#include "pipeline/analysis/rules/rules.hpp"
#include "pipeline/core/text.hpp"

namespace shoebox::findings {
namespace {

// What the rule would have said, in words that do not say it is so.
const char* WouldBe(FindingRule rule) {
  switch (rule) {
    case FindingRule::kPrematureBill: return "a bill sent before insurance finished";
    case FindingRule::kBalanceExceedsEob: return "a balance above what the plan says you owe";
    case FindingRule::kDuplicateCharge: return "a charge billed twice";
    case FindingRule::kQuantityAnomaly: return "more days billed than the stay";
    case FindingRule::kBilledNotOnEob: return "charges the plan's notice does not show";
    case FindingRule::kCollectionBeforeInsurance: return "a debt in collection while insurance has not finished";
    case FindingRule::kCollectionAmountMismatch: return "a collector asking for more than the plan says you owe";
    case FindingRule::kStatementAfterSettlement: return "a statement asking for more than you agreed";
    case FindingRule::kUnexplainedBalanceIncrease: return "a balance that went up without a reason";
    default: return "a problem with this paperwork";
  }
}

const Rule* RuleRaising(const std::string& rule_id) {
  for (const Rule& rule : Rules()) {
    size_t at = rule.ids.find(rule_id);
    if (at != std::string_view::npos && (at + rule_id.size() == rule.ids.size() || rule.ids[at + rule_id.size()] == ' ')) {
      return &rule;
    }
  }
  return nullptr;
}

// Why the document does not bear the finding out: its failed checks and its unsure figures.
std::vector<std::string> Doubts(const StoredDocument& stored, const Rule& rule) {
  std::vector<std::string> doubts;
  std::string file = std::filesystem::path(stored.path).filename().string();
  std::string where = std::string(ToString(stored.document.kind)) + " " + file + " (page " +
                      std::to_string(stored.document.first_page) + ")";
  for (const Check& check : stored.document.checks) {
    if (!check.ok) doubts.push_back(where + ": its figures do not add up (" + check.name + (check.detail.empty() ? "" : ", " + check.detail) + ")");
  }
  if (stored.document.kind == DocumentKind::kBill) {
    for (std::string_view name : rule.bill_checks) {
      // The lines' sum is asked of an itemized bill only.
      if (name == "line_items_sum_to_total_charges" && stored.document.line_items.empty()) continue;
      bool made = std::any_of(stored.document.checks.begin(), stored.document.checks.end(),
                              [&](const Check& check) { return check.name == name; });
      if (!made) doubts.push_back(where + ": its figures could not be checked (" + std::string(name) + ": not all read)");
    }
  }
  for (std::string_view name : rule.rests_on) {
    const Field* field = FieldOf(stored.document, std::string(name));
    if (field == nullptr || field->confidence >= kSureEnough) continue;
    doubts.push_back(where + ": the " + FieldWords(field->name) + " on page " + std::to_string(field->page) +
                     " was read only " + std::to_string(static_cast<int>(std::lround(100 * field->confidence))) +
                     "% surely");
  }
  return doubts;
}

}  // namespace

void ApplyEvidenceGate(const RuleContext& context, std::vector<Finding>& found) {
  for (Finding& finding : found) {
    if (finding.to_check) continue;
    const Rule* rule = RuleRaising(finding.rule_id);
    if (rule == nullptr || !rule->rests_on_figures) continue;
    std::vector<std::string> doubts;
    for (const std::string& id : finding.documents) {
      if (const StoredDocument* stored = context.DocumentOf(id)) {
        for (std::string& doubt : Doubts(*stored, *rule)) doubts.push_back(std::move(doubt));
      }
    }
    if (doubts.empty()) continue;
    finding.to_check = true;
    finding.what_to_check = Join(doubts, "; ");
    finding.summary = std::string("This may be ") + WouldBe(finding.rule) +
                      ", but the figures it rests on could not be confirmed from what was read.";
    finding.next_step = "Compare these figures with the paper before acting on them: " + finding.what_to_check + ".";
  }
}

}  // namespace shoebox::findings
