// R-settled-01: a statement after an agreement the person logged asks for more than the agreement
// leaves, once the payments logged since are taken off.
#include "pipeline/analysis/accounts.hpp"
#include "pipeline/analysis/findings.hpp"
#include "pipeline/analysis/rules/rules.hpp"

namespace shoebox::findings {

void RaiseSettled(const RuleContext& context, const StoredDocument*, const Claim*, std::vector<Finding>& found) {
  for (const Account& account : context.accounts()) {
    Settlement settlement = SettlementOf(account.account_number, context.notes());
    const Note* agreement = settlement.agreement;
    if (agreement == nullptr) continue;
    Cents paid = settlement.paid, left = settlement.left;
    for (const Statement& statement : account.statements) {
      if (!IsIso(statement.statement_date) || statement.statement_date <= agreement->noted_on ||
          !statement.amount_due_cents || *statement.amount_due_cents - left <= 1) {
        continue;
      }
      found.push_back(
          {FindingRule::kStatementAfterSettlement, "R-settled-01", Severity::kHigh, {statement.document_id},
           *statement.amount_due_cents - left, "",
           "This statement (" + statement.statement_date + ") asks for " + Money(*statement.amount_due_cents) +
               " although on " + agreement->noted_on + " you agreed to settle account " + account.account_number +
               " for " + Money(*agreement->amount_cents) + (paid > 0 ? " and have paid " + Money(paid) + " since" : "") +
               ": " + Money(left) + " is what remains.",
           "Send the billing office a copy of the written agreement" +
               std::string(agreement->reference.empty() ? "" : " (reference " + agreement->reference + ")") +
               " and your payment records, and ask for a corrected statement; pay no more than the agreement."});
    }
  }
}

}  // namespace shoebox::findings
