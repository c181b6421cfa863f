// R-account-increase-01: an account's balance went up from one statement to the next with no new
// charges and no payment or adjustment taken back.
#include <cstdlib>

#include "pipeline/analysis/findings.hpp"
#include "pipeline/analysis/rules/rules.hpp"

namespace shoebox::findings {
namespace {

bool NotMore(const std::optional<Cents>& later, const std::optional<Cents>& earlier) {
  return later && earlier && *later <= *earlier;
}
bool NotLess(const std::optional<Cents>& later, const std::optional<Cents>& earlier) {
  return !later || !earlier || std::llabs(*later) >= std::llabs(*earlier);
}

}  // namespace

void RaiseAccountIncrease(const RuleContext& context, const StoredDocument*, const Claim*, std::vector<Finding>& found) {
  for (const Account& account : context.accounts()) {
    for (size_t i = 1; i < account.statements.size(); ++i) {
      const Statement &before = account.statements[i - 1], &after = account.statements[i];
      if (!before.amount_due_cents || !after.amount_due_cents ||
          *after.amount_due_cents <= *before.amount_due_cents + 1) {
        continue;
      }
      bool no_new_charges = NotMore(after.total_charges_cents, before.total_charges_cents);
      bool nothing_reversed = NotLess(after.insurance_paid_cents, before.insurance_paid_cents) &&
                              NotLess(after.patient_paid_cents, before.patient_paid_cents) &&
                              NotLess(after.adjustments_cents, before.adjustments_cents);
      if (!no_new_charges || !nothing_reversed) continue;
      Cents increase = *after.amount_due_cents - *before.amount_due_cents;
      found.push_back({FindingRule::kUnexplainedBalanceIncrease, "R-account-increase-01", Severity::kMedium,
                       {after.document_id, before.document_id}, increase, "",
                       "The balance of account " + account.account_number + " went from " +
                           Money(*before.amount_due_cents) + " (" + before.statement_date + ") to " +
                           Money(*after.amount_due_cents) + " (" + after.statement_date +
                           ") with no new charges and no payment taken back.",
                       "Ask the billing office in writing what the " + Money(increase) +
                           " increase is for (interest, fees, a reversed adjustment) and for an itemized statement."});
    }
  }
}

}  // namespace shoebox::findings
