// A plan's claims (EOB, MSN): a block of lines per claim (a block starts at each claim-number
// label), the claim's figures beside their labels (labels.tsv scope claim), its service lines
// (claim_lines.hpp), network and status from its words, and the claim arithmetic of DOMAIN.md §3:
// what the member owes is the member's shares, the allowed amount is what the plan paid plus them,
// and each figure column of the lines adds up to the claim's figure.
#pragma once

#include <vector>

#include "pipeline/core/page.hpp"

namespace shoebox::extractors {

// Appends the claims read from the document's lines, and their checks, to document.
void ReadClaims(const std::vector<Line>& lines, Document& document);

}  // namespace shoebox::extractors
