// R-assistance-01: nonprofit hospitals take financial-assistance applications until day 240 after
// the first statement of the account.
#include "pipeline/analysis/findings.hpp"
#include "pipeline/analysis/rules/rules.hpp"
#include "pipeline/core/dates.hpp"

namespace shoebox::findings {

void RaiseAssistance(const RuleContext& context, const StoredDocument* bill, const Claim*, std::vector<Finding>& found) {
  const Document& d = bill->document;
  std::string first = context.FirstStatementDate(bill->id);
  if (first.empty()) first = TextOf(d, "statement_date");
  if (!IsHospitalBill(d) || !IsIso(first)) return;
  std::string deadline = AddDays(first, 240);
  if (deadline < context.today()) return;
  int days = DaysBetween(context.today(), deadline);
  // Assistance matters by what it could forgive: a bill of $1,000 or more is worth applying for now.
  std::optional<Cents> due = CentsOf(d, "amount_due_cents");
  Severity severity = days <= 30 ? Severity::kHigh : due.value_or(0) >= 100000 ? Severity::kMedium : Severity::kInfo;
  found.push_back({FindingRule::kFinancialAssistanceWindow, "R-assistance-01", severity, {bill->id}, due, deadline,
                   "Hospitals that are nonprofits must accept financial-assistance applications until at least " +
                       deadline + " (240 days after the first statement); " + std::to_string(days) + " days left.",
                   "Ask the hospital for its financial-assistance application and apply before the deadline."});
}

}  // namespace shoebox::findings
