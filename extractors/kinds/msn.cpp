// Original Medicare's Summary Notice: read as an EOB (the same fields, claims and arithmetic),
// told apart by Medicare's own wording.
#include "extractors/kinds/kind.hpp"

namespace shoebox::extractors {

const KindSpec& MsnKind() {
  static const KindSpec kMsn = [] {
    KindSpec msn = EobKind();
    msn.kind = DocumentKind::kMsn;
    msn.cues = {{"medicare summary notice", 10},
                {"maximum you may be billed", 4},
                {"medicare-approved amount", 3},
                {"claims processed between", 3}};
    return msn;
  }();
  return kMsn;
}

}  // namespace shoebox::extractors
