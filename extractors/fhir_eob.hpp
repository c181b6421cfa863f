// Insurer-portal EOBs as FHIR R4: an ExplanationOfBenefit resource, or a Bundle of them (search
// results), each read into an EOB document (an MSN where CMS, Medicare, is the insurer) with its
// claim and claim lines, as a scanned notice is. Figures are the JSON's own, confidence 1; each
// field's `read_by` names the JSON path it came from.
#pragma once

#include <string_view>
#include <vector>

#include "pipeline/core/page.hpp"
#include "pipeline/core/result.hpp"

namespace shoebox::extractors {

// Whether the bytes are a FHIR JSON resource (an object naming its resourceType near the start).
bool LooksLikeFhirJson(std::string_view bytes);

// The documents of a FHIR file; an Error (one line) for malformed JSON, a resource of another type,
// or a bundle without an ExplanationOfBenefit. Nothing is returned half-read.
Result<std::vector<Document>> ReadFhirEobs(std::string_view json);

}  // namespace shoebox::extractors
