// The kinds table: every kind of paperwork shoebox reads, in DocumentKind order, then the forms.
#include <array>

#include "extractors/kinds/kind.hpp"

namespace shoebox::extractors {

std::span<const KindSpec* const> Kinds() {
  static const std::array<const KindSpec*, 5> kKinds = {&BillKind(), &EobKind(), &MsnKind(), &CollectionLetterKind(),
                                                        &DentalEobKind()};
  return kKinds;
}

const KindSpec* KindOf(DocumentKind kind, std::string_view form) {
  for (const KindSpec* spec : Kinds()) {
    if (spec->kind == kind && spec->form == form) return spec;
  }
  return nullptr;
}

}  // namespace shoebox::extractors
