// The collection letter's rules. R-validation-01: the window to dispute the debt in writing is
// still open. R-collection-insurance-01: in collections while the plan has not finished the claim.
// R-collection-amount-01: the collector asks for more than the EOBs say is owed.
#include <algorithm>

#include "pipeline/analysis/findings.hpp"
#include "pipeline/analysis/rules/rules.hpp"
#include "pipeline/core/dates.hpp"

namespace shoebox::findings {
namespace {

// The letter and the bills it comes from.
std::vector<std::string> LetterAndBills(const RuleContext& context, const StoredDocument& letter) {
  std::vector<std::string> docs = {letter.id};
  for (const std::string& bill : context.BillsOfLetter(letter.id)) docs.push_back(bill);
  return docs;
}

// How to dispute in writing: within the validation period while it is open, and after it still
// (a collector that reports the debt must investigate a dispute), saying when it ended. The period
// is explained where it is named: few people know the term.
std::string DisputeInWriting(const RuleContext& context, const StoredDocument& letter) {
  std::string end = TextOf(letter.document, "validation_end_date");
  if (!IsIso(end) || end >= context.today()) {
    return "Dispute the debt in writing within the validation period (the days after a collector's first letter in "
           "which a written dispute makes it stop collecting until it proves the debt" +
           (IsIso(end) ? ": until " + end : std::string()) + ")";
  }
  return "The validation period ended on " + end + " (the days after a collector's first letter in which a written "
         "dispute makes it stop collecting until it proves the debt); dispute the debt in writing anyway (a collector "
         "that reports it to credit bureaus must investigate a dispute) and keep proof of mailing";
}

}  // namespace

void RaiseValidation(const RuleContext& context, const StoredDocument* letter, const Claim*, std::vector<Finding>& found) {
  std::string end = TextOf(letter->document, "validation_end_date");
  if (!IsIso(end) || end < context.today()) return;
  int days = DaysBetween(context.today(), end);
  found.push_back({FindingRule::kCollectionValidationWindow, "R-validation-01",
                   days <= 30 ? Severity::kHigh : Severity::kMedium, {letter->id},
                   CentsOf(letter->document, "current_amount_cents"), end,
                   "You can dispute this debt in writing until " + end + " (" + std::to_string(days) +
                       " days); the collector must then stop collecting until it sends proof.",
                   "Send a written dispute and request for validation before " + end +
                       "; keep a copy and proof of mailing."});
}

void RaiseCollectionBeforeInsurance(const RuleContext& context, const StoredDocument* letter, const Claim*,
                                    std::vector<Finding>& found) {
  if (context.BillsOfLetter(letter->id).empty() || AnyFinished(context.ClaimsOfLetter(letter->id))) return;
  found.push_back({FindingRule::kCollectionBeforeInsurance, "R-collection-insurance-01", Severity::kHigh,
                   LetterAndBills(context, *letter), CentsOf(letter->document, "current_amount_cents"),
                   TextOf(letter->document, "validation_end_date"),
                   "This debt went to collections although insurance has not finished with the claim for these "
                   "services.",
                   DisputeInWriting(context, *letter) +
                       ", and ask the provider to recall it from collections until insurance has processed the claim."});
}

void RaiseCollectionAmount(const RuleContext& context, const StoredDocument* letter, const Claim*,
                           std::vector<Finding>& found) {
  std::optional<Cents> current = CentsOf(letter->document, "current_amount_cents");
  std::vector<const Claim*> claims = context.ClaimsOfLetter(letter->id);
  if (!current || !AnyFinished(claims)) return;
  Cents owed = 0;
  for (const Claim* claim : claims) owed += claim->patient_responsibility_cents.value_or(0);
  if (*current - owed <= 1) return;
  found.push_back({FindingRule::kCollectionAmountMismatch, "R-collection-amount-01", Severity::kHigh,
                   LetterAndBills(context, *letter), *current - owed, TextOf(letter->document, "validation_end_date"),
                   "The collector asks for " + Money(*current) + " but your plan's EOB says you owe " + Money(owed) + ".",
                   DisputeInWriting(context, *letter) + ", enclosing the EOB that shows what you owe."});
}

}  // namespace shoebox::findings
