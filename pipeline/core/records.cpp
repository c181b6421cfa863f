// The names of the records' enums, as the database and the export spell them.
#include "pipeline/core/records.hpp"

#include <array>
#include <utility>

namespace shoebox {
namespace {

constexpr std::array<std::pair<FindingRule, const char*>, 15> kRuleNames = {{
    {FindingRule::kPrematureBill, "premature_bill"},
    {FindingRule::kBalanceExceedsEob, "balance_exceeds_eob"},
    {FindingRule::kDuplicateCharge, "duplicate_charge"},
    {FindingRule::kQuantityAnomaly, "quantity_anomaly"},
    {FindingRule::kBilledNotOnEob, "billed_not_on_eob"},
    {FindingRule::kArithmeticMismatch, "arithmetic_mismatch"},
    {FindingRule::kFinancialAssistanceWindow, "financial_assistance_window"},
    {FindingRule::kClaimDenied, "claim_denied"},
    {FindingRule::kSurpriseBillProtection, "surprise_bill_protection"},
    {FindingRule::kCollectionValidationWindow, "collection_validation_window"},
    {FindingRule::kCollectionBeforeInsurance, "collection_before_insurance"},
    {FindingRule::kCollectionAmountMismatch, "collection_amount_mismatch"},
    {FindingRule::kStatementAfterSettlement, "statement_after_settlement"},
    {FindingRule::kUnexplainedBalanceIncrease, "unexplained_balance_increase"},
    {FindingRule::kEobMissing, "eob_missing"},
}};

constexpr std::array<std::pair<Severity, const char*>, 3> kSeverityNames = {{
    {Severity::kHigh, "high"}, {Severity::kMedium, "medium"}, {Severity::kInfo, "info"}}};

template <typename Enum, size_t N>
const char* NameOf(const std::array<std::pair<Enum, const char*>, N>& names, Enum value) {
  for (const auto& [entry, name] : names) {
    if (entry == value) return name;
  }
  return "";
}

template <typename Enum, size_t N>
std::optional<Enum> ValueOf(const std::array<std::pair<Enum, const char*>, N>& names, std::string_view name) {
  for (const auto& [entry, entry_name] : names) {
    if (entry_name == name) return entry;
  }
  return std::nullopt;
}

}  // namespace

const char* ToString(FindingRule rule) { return NameOf(kRuleNames, rule); }
std::optional<FindingRule> ParseFindingRule(std::string_view name) { return ValueOf(kRuleNames, name); }
const char* ToString(Severity severity) { return NameOf(kSeverityNames, severity); }
std::optional<Severity> ParseSeverity(std::string_view name) { return ValueOf(kSeverityNames, name); }

const char* ToString(NoteKind kind) {
  switch (kind) {
    case NoteKind::kCall: return "call";
    case NoteKind::kPayment: return "payment";
    case NoteKind::kAgreement: return "agreement";
    case NoteKind::kNote: return "note";
  }
  return "note";
}

std::optional<NoteKind> ParseNoteKind(const std::string& text) {
  for (NoteKind kind : {NoteKind::kCall, NoteKind::kPayment, NoteKind::kAgreement, NoteKind::kNote}) {
    if (text == ToString(kind)) return kind;
  }
  return std::nullopt;
}

}  // namespace shoebox
