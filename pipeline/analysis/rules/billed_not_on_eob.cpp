// R-billed-not-on-eob-01: the bill charges more than the claims the plan received and processed.
#include <algorithm>

#include "pipeline/analysis/findings.hpp"
#include "pipeline/analysis/rules/rules.hpp"

namespace shoebox::findings {
namespace {

// Which lines make up `extra`: where every claim itemizes, the bill lines none of their lines
// pair with (when those add up to it); else a line whose charge is the difference; else "".
std::string LinesNotClaimed(const RuleContext& context, const StoredDocument& bill,
                            const std::vector<const Claim*>& claims, Cents extra) {
  const Document& d = bill.document;
  std::string which;
  bool itemized = std::all_of(claims.begin(), claims.end(), [](const Claim* c) { return !c->lines.empty(); });
  if (itemized) {
    std::vector<bool> on_claim(d.line_items.size(), false);
    for (const Match* match : context.MatchesOf(bill.id)) {
      for (const auto& [bill_line, claim_line] : match->lines) on_claim[static_cast<size_t>(bill_line)] = true;
    }
    Cents unpaired = 0;
    std::string listed;
    for (size_t i = 0; i < d.line_items.size(); ++i) {
      if (on_claim[i]) continue;
      const LineItem& item = d.line_items[i];
      unpaired += item.charge_cents;
      listed += std::string(listed.empty() ? "" : "; ") + (item.code.empty() ? item.revenue_code : item.code) + " " +
                item.description + " on " + item.date_of_service + ", " + Money(item.charge_cents);
    }
    if (unpaired == extra) which = " (" + listed + ")";
  }
  for (const LineItem& item : d.line_items) {
    if (which.empty() && item.charge_cents == extra) {
      which = " (" + item.code + " " + item.description + " on " + item.date_of_service + ")";
    }
  }
  return which;
}

}  // namespace

void RaiseBilledNotOnEob(const RuleContext& context, const StoredDocument* bill, const Claim*,
                         std::vector<Finding>& found) {
  const std::vector<const Claim*>& claims = context.ClaimsOfBill(bill->id);
  std::optional<Cents> total = CentsOf(bill->document, "total_charges_cents");
  bool any_finished = AnyFinished(claims);
  if (!total || !any_finished) return;
  Cents claimed = 0;
  for (const Claim* claim : claims) claimed += claim->billed_cents.value_or(0);
  Cents extra = *total - claimed;
  if (claimed <= 0 || extra <= 0) return;
  found.push_back({FindingRule::kBilledNotOnEob, "R-billed-not-on-eob-01", Severity::kMedium, {bill->id}, extra, "",
                   Money(extra) + " of charges on this bill" + LinesNotClaimed(context, *bill, claims, extra) +
                       " are not on any claim your plan processed: they may never have been sent to insurance.",
                   "Ask the billing office to send these charges to your insurance before billing you."});
}

}  // namespace shoebox::findings
