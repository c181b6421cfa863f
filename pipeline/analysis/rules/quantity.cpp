// R-quantity-01: more days of room and board (revenue codes 010x–021x) than the stay spans,
// counting both the first and the last day of service (a stay of n nights bills n days).
#include <algorithm>

#include "pipeline/analysis/findings.hpp"
#include "pipeline/analysis/rules/rules.hpp"
#include "pipeline/core/dates.hpp"

namespace shoebox::findings {

void RaiseQuantity(const RuleContext&, const StoredDocument* bill, const Claim*, std::vector<Finding>& found) {
  std::string first, last;
  int room_days = 0;
  Cents per_day = 0;
  for (const LineItem& item : bill->document.line_items) {
    if (IsIso(item.date_of_service)) {
      if (first.empty() || item.date_of_service < first) first = item.date_of_service;
      if (last.empty() || item.date_of_service > last) last = item.date_of_service;
    }
    const std::string& rev = item.revenue_code;
    if (rev.size() == 4 && rev >= "0100" && rev <= "0219") {
      int units = std::max(1, item.units.value_or(1));
      room_days += units;
      if (per_day == 0) per_day = item.charge_cents / units;
    }
  }
  int span = first.empty() ? 0 : DaysBetween(first, last) + 1;
  if (room_days <= 0 || span <= 0 || room_days <= span) return;
  found.push_back({FindingRule::kQuantityAnomaly, "R-quantity-01", Severity::kMedium, {bill->id},
                   per_day * (room_days - span), "",
                   "This bill charges " + std::to_string(room_days) + " days of room and board for a stay from " +
                       first + " to " + last + " (" + std::to_string(span) + " days at most).",
                   "Ask for an itemized bill and for the room charges to match the nights you stayed."});
}

}  // namespace shoebox::findings
