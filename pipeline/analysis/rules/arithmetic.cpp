// R-arithmetic-01: a document whose own figures do not add up; one check item naming every check that
// failed (an itemized claim may fail a line and two column totals over one figure). Whether the
// paper or its reading is wrong cannot be told from the figures, so it is never a finding.
#include "pipeline/analysis/findings.hpp"
#include "pipeline/analysis/rules/rules.hpp"

namespace shoebox::findings {

void RaiseArithmetic(const RuleContext&, const StoredDocument* document, const Claim*, std::vector<Finding>& found) {
  std::string failed;
  for (const Check& check : document->document.checks) {
    if (!check.ok) failed += (failed.empty() ? "" : "; ") + check.name + (check.detail.empty() ? "" : ": " + check.detail);
  }
  if (failed.empty()) return;
  found.push_back({FindingRule::kArithmeticMismatch, "R-arithmetic-01", Severity::kInfo, {document->id}, std::nullopt, "",
                   "The figures on this document do not add up (" + failed +
                       "). It may be a misreading of the page; check the printed figures.",
                   "Compare the figures with the paper; if they really do not add up, ask the sender for a corrected "
                   "statement.",
                   true, failed});
}

}  // namespace shoebox::findings
