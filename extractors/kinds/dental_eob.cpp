// A dental plan's Explanation of Benefits: an EOB (stored, matched and judged as one) whose service
// lines carry CDT codes (D0120–D9999, read as procedure codes) and the tooth each was done on (a
// text column, labels.tsv claim_column tooth_number), and which says how much of the year's
// maximum benefit is used and how much remains (labels.tsv scope dental_eob).
#include "extractors/kinds/kind.hpp"

namespace shoebox::extractors {

const KindSpec& DentalEobKind() {
  static const KindSpec kDental = [] {
    KindSpec dental = EobKind();
    dental.form = "dental";
    dental.cues = {{"dental", 3}, {"tooth", 3}, {"annual maximum", 3}};
    dental.fields.push_back({.reader = Reader::kLabels, .field = "dental_eob"});
    dental.identities.push_back({.check = "annual_maximum_equals_used_plus_remaining",
                                 .required = {{"annual_maximum_cents", +1},
                                              {"annual_maximum_used_cents", -1},
                                              {"annual_maximum_remaining_cents", -1}}});
    return dental;
  }();
  return kDental;
}

}  // namespace shoebox::extractors
