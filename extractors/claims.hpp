// A plan's claims (EOB, MSN): a block of lines per claim (a block starts at each claim-number
// label), the claim's figures beside their labels (labels.tsv scope claim), its service lines
// (claim_lines.hpp), network and status from its words, and the claim arithmetic of DOMAIN.md §3:
// what the member owes is the member's shares, the allowed amount is what the plan paid plus them,
// and each figure column of the lines adds up to the claim's figure.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/page.hpp"

namespace shoebox::extractors {

// Appends the claims read from the document's lines, and their checks, to document.
void ReadClaims(const std::vector<Line>& lines, Document& document);

// Per line: whether it is one of the notice's claims (from the first claim-number label to the
// summary after it, or the end).
std::vector<bool> LinesOfClaims(const std::vector<Line>& lines);

// Where a notice's summary begins at or after `from`: a heading that says "summary" with no
// amount on it; lines.size() where there is none.
size_t SummaryHeadingAt(const std::vector<Line>& lines, size_t from);

// A notice's summary (at its top or its end) in the claim's wording ("Amount Billed", "Plan
// Paid"): its figures are the document's totals, "total_" and the claim's field, where the
// document's label scope has such a field.
std::map<std::string, Field> ReadSummaryTotals(const std::vector<Line>& lines, std::string_view scope);

}  // namespace shoebox::extractors
