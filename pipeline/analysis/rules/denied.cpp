// R-denied-01: a claim the plan denied (wholly or in part); an appeal is due within 180 days of
// the notice (120 for Medicare).
#include "pipeline/analysis/findings.hpp"
#include "pipeline/analysis/rules/rules.hpp"
#include "pipeline/core/dates.hpp"

namespace shoebox::findings {

void RaiseDenied(const RuleContext& context, const StoredDocument* notice, const Claim* claim,
                 std::vector<Finding>& found) {
  if (!IsDenied(*claim)) return;
  const Document& d = notice->document;
  int window = d.kind == DocumentKind::kMsn ? 120 : 180;
  std::string from = IsIso(claim->processed_date) ? claim->processed_date : TextOf(d, "notice_date");
  std::string deadline = IsIso(from) ? AddDays(from, window) : "";
  int days_left = deadline.empty() ? 0 : DaysBetween(context.today(), deadline);
  bool passed = !deadline.empty() && days_left < 0;
  std::string from_whom = claim->provider_name.empty() ? "" : " from " + claim->provider_name;
  std::optional<Cents> at_stake = claim->patient_responsibility_cents ? claim->patient_responsibility_cents : claim->billed_cents;
  if (passed) {
    // The usual window is gone, not every remedy: plans take late appeals for good cause, and an
    // external review or the provider's own appeal may still be open.
    found.push_back({FindingRule::kClaimDenied, "R-denied-01", Severity::kMedium, {notice->id}, at_stake, deadline,
                     "Your plan denied claim " + claim->claim_number + from_whom + "; the usual appeal deadline, " +
                         deadline + ", passed " + std::to_string(-days_left) + " days ago.",
                     "Call the plan: ask why it was denied and whether it will still take a late appeal for good cause "
                     "(illness, not receiving the notice) or reconsider the claim; ask the provider whether it can "
                     "appeal or rebill, and not to bill you meanwhile."});
    return;
  }
  found.push_back({FindingRule::kClaimDenied, "R-denied-01",
                   !deadline.empty() && days_left <= 30 ? Severity::kHigh : Severity::kMedium, {notice->id}, at_stake,
                   deadline,
                   "Your plan denied claim " + claim->claim_number + from_whom +
                       (deadline.empty() ? "." : "; an appeal is usually due by " + deadline + "."),
                   "Call the plan to ask why it was denied, then appeal in writing before the deadline; ask the "
                   "provider not to bill you while the appeal is open."});
}

}  // namespace shoebox::findings
