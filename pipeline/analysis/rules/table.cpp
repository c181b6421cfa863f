// The rules table (docs/RULES.md): one row per rule file, in the order the rules run.
#include "pipeline/analysis/rules/rules.hpp"

namespace shoebox::findings {

std::span<const Rule> Rules() {
  using enum RuleScope;
  constexpr DocumentKind kBill = DocumentKind::kBill, kEob = DocumentKind::kEob, kMsn = DocumentKind::kMsn,
                         kLetter = DocumentKind::kCollectionLetter;
  static const Rule kRules[] = {
      {"R-settled-01", kDatabase, {}, false, RaiseSettled},
      {"R-arithmetic-01", kDocument, {}, false, RaiseArithmetic},
      {"R-premature-01 R-premature-02 R-premature-03", kDocument, {kBill}, true, RaisePremature},
      {"R-balance-01 R-balance-02", kDocument, {kBill}, true, RaiseBalance},
      {"R-duplicate-01", kDocument, {kBill}, true, RaiseDuplicate},
      {"R-quantity-01", kDocument, {kBill}, true, RaiseQuantity},
      {"R-billed-not-on-eob-01", kDocument, {kBill}, true, RaiseBilledNotOnEob},
      {"R-assistance-01", kDocument, {kBill}, true, RaiseAssistance},
      {"R-denied-01", kClaim, {kEob, kMsn}, false, RaiseDenied},
      {"R-surprise-01", kClaim, {kEob, kMsn}, false, RaiseSurprise},
      {"R-validation-01", kDocument, {kLetter}, false, RaiseValidation},
      {"R-collection-insurance-01", kDocument, {kLetter}, false, RaiseCollectionBeforeInsurance},
      {"R-collection-amount-01", kDocument, {kLetter}, false, RaiseCollectionAmount},
      {"R-account-increase-01", kDatabase, {}, false, RaiseAccountIncrease},
  };
  return kRules;
}

}  // namespace shoebox::findings
