// R-surprise-01: a claim processed out of network from clinicians the person could not choose
// (emergency, anesthesia, radiology, pathology): the No Surprises Act's in-network cost sharing.
#include "pipeline/analysis/findings.hpp"
#include "pipeline/analysis/rules/rules.hpp"

namespace shoebox::findings {

void RaiseSurprise(const RuleContext&, const StoredDocument* notice, const Claim* claim, std::vector<Finding>& found) {
  std::string provider = Key(claim->provider_name);
  bool unchosen = provider.find("EMERGENCY") != std::string::npos || provider.find("ANESTHESIA") != std::string::npos ||
                  provider.find("RADIOLOGY") != std::string::npos || provider.find("PATHOLOGY") != std::string::npos;
  if (claim->network_status != NetworkStatus::kOutOfNetwork || !unchosen) return;
  found.push_back({FindingRule::kSurpriseBillProtection, "R-surprise-01", Severity::kHigh, {notice->id},
                   claim->patient_responsibility_cents, "",
                   "Claim " + claim->claim_number + " from " + claim->provider_name +
                       " was processed out of network; for emergency care and for such clinicians at an in-network "
                       "facility, your cost sharing should be in-network.",
                   "Ask the plan to reprocess the claim at in-network cost sharing under the No Surprises Act."});
}

}  // namespace shoebox::findings
