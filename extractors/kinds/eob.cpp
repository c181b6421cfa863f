// A health plan's Explanation of Benefits: the letterhead names the plan; the member's details
// beside their labels; one or more claims, each with its service lines and the claim arithmetic.
// An EOB says "this is not a bill", which is why bill cues are weaker than EOB ones.
#include "extractors/kinds/kind.hpp"

namespace shoebox::extractors {

const KindSpec& EobKind() {
  static const KindSpec kEob{
      .kind = DocumentKind::kEob,
      .cues = {{"explanation of benefits", 8}, {"this is not a bill", 5}, {"claim number", 2}, {"member id", 2},
               {"plan paid", 2}, {"allowed", 1}, {"patient responsibility", 1}, {"what you owe", 1}},
      .fields = {{.reader = Reader::kLetterhead, .field = "payer_name"},
                 {.reader = Reader::kLabels, .field = "eob"},
                 {.reader = Reader::kSummaryTotals, .field = "eob"},
                 {.reader = Reader::kAddressee, .field = "member_name"},
                 {.reader = Reader::kMailingAddress, .field = "mailing_address"}},
      .claims = true,
  };
  return kEob;
}

}  // namespace shoebox::extractors
