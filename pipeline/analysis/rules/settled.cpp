// R-settled-01: a statement after an agreement the person logged asks for more than the agreement
// leaves, once the payments logged since are taken off.
#include <algorithm>

#include "pipeline/analysis/findings.hpp"
#include "pipeline/analysis/rules/rules.hpp"

namespace shoebox::findings {

void RaiseSettled(const RuleContext& context, const StoredDocument*, const Claim*, std::vector<Finding>& found) {
  for (const Account& account : context.accounts()) {
    const Note* agreement = context.AgreementOf(account);
    if (agreement == nullptr) continue;
    Cents paid = 0;
    for (const Note& note : context.notes()) {
      if (note.kind == NoteKind::kPayment && note.amount_cents && Key(note.account_number) == Key(account.account_number) &&
          note.noted_on >= agreement->noted_on) {
        paid += *note.amount_cents;
      }
    }
    Cents left = std::max<Cents>(0, *agreement->amount_cents - paid);
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
