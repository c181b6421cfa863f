// The kinds table: every kind of paperwork shoebox reads, in DocumentKind order.
#include <array>

#include "extractors/kinds/kind.hpp"

namespace shoebox::extractors {

std::span<const KindSpec* const> Kinds() {
  static const std::array<const KindSpec*, 4> kKinds = {&BillKind(), &EobKind(), &MsnKind(), &CollectionLetterKind()};
  return kKinds;
}

const KindSpec* KindOf(DocumentKind kind) {
  for (const KindSpec* spec : Kinds()) {
    if (spec->kind == kind) return spec;
  }
  return nullptr;
}

}  // namespace shoebox::extractors
