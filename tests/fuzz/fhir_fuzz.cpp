// Fuzz target: an insurer portal's FHIR JSON, as scan reads it. Any bytes give documents or a
// one-line reason, never a crash or an exception.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extractors/fhir_eob.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view json(reinterpret_cast<const char*>(data), size);
  shoebox::extractors::LooksLikeFhirJson(json);
  // Read whether or not it looks like FHIR: the reader must refuse anything, not only what passes.
  shoebox::extractors::ReadFhirEobs(json);
  return 0;
}
