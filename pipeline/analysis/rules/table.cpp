// The rules table (docs/RULES.md): one row per rule file, in the order the rules run.
#include "pipeline/analysis/rules/rules.hpp"

namespace shoebox::findings {

std::span<const Rule> Rules() {
  using enum RuleScope;
  constexpr DocumentKind kBill = DocumentKind::kBill, kEob = DocumentKind::kEob, kMsn = DocumentKind::kMsn,
                         kLetter = DocumentKind::kCollectionLetter;
  // What the money rules rest on: the figures they compare, and the bill's arithmetic over them.
  constexpr std::string_view kDueCloses = "amount_due_equals_charges_less_credits";
  constexpr std::string_view kLinesClose = "line_items_sum_to_total_charges";
  static const Rule kRules[] = {
      {"R-settled-01", kDatabase, {}, false, RaiseSettled, true, {"amount_due_cents"}, {kDueCloses}},
      {"R-arithmetic-01", kDocument, {}, false, RaiseArithmetic},
      {"R-premature-01 R-premature-02 R-premature-03 R-eob-missing-01", kDocument, {kBill}, true, RaisePremature},
      {"R-balance-01 R-balance-02", kDocument, {kBill}, true, RaiseBalance, true,
       {"amount_due_cents", "total_charges_cents"}, {kDueCloses}},
      {"R-duplicate-01", kDocument, {kBill}, true, RaiseDuplicate, true, {"total_charges_cents"}, {kLinesClose}},
      {"R-quantity-01", kDocument, {kBill}, true, RaiseQuantity, true, {}, {kLinesClose}},
      {"R-billed-not-on-eob-01", kDocument, {kBill}, true, RaiseBilledNotOnEob, true, {"total_charges_cents"},
       {kLinesClose}},
      {"R-assistance-01", kDocument, {kBill}, true, RaiseAssistance},
      {"R-denied-01", kClaim, {kEob, kMsn}, false, RaiseDenied},
      {"R-surprise-01", kClaim, {kEob, kMsn}, false, RaiseSurprise},
      {"R-validation-01", kDocument, {kLetter}, false, RaiseValidation},
      {"R-collection-insurance-01", kDocument, {kLetter}, false, RaiseCollectionBeforeInsurance, true, {}},
      {"R-collection-amount-01", kDocument, {kLetter}, false, RaiseCollectionAmount, true, {"current_amount_cents"}},
      {"R-account-increase-01", kDatabase, {}, false, RaiseAccountIncrease, true, {"amount_due_cents"}, {kDueCloses}},
  };
  return kRules;
}

}  // namespace shoebox::findings
