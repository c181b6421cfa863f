// R-duplicate-01: the same date, code and charge twice on one bill.
#include <map>
#include <tuple>

#include "pipeline/analysis/findings.hpp"
#include "pipeline/analysis/rules/rules.hpp"

namespace shoebox::findings {

void RaiseDuplicate(const RuleContext&, const StoredDocument* bill, const Claim*, std::vector<Finding>& found) {
  std::map<std::tuple<std::string, std::string, Cents>, int> seen;
  for (const LineItem& item : bill->document.line_items) {
    if (++seen[{item.date_of_service, item.code + "/" + item.revenue_code, item.charge_cents}] != 2) continue;
    found.push_back({FindingRule::kDuplicateCharge, "R-duplicate-01", Severity::kHigh, {bill->id}, item.charge_cents, "",
                     "The charge " + item.code + " \"" + item.description + "\" on " + item.date_of_service + " for " +
                         Money(item.charge_cents) + " appears twice on this bill.",
                     "Ask for an itemized bill and for the duplicate charge to be removed."});
  }
}

}  // namespace shoebox::findings
