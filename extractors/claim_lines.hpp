// The service lines of an EOB or MSN claim, rebuilt from word boxes: a header of claim_column
// labels names the figure each column holds, and every row under it with a date (or the row
// above's), a procedure or revenue code and at least two figures is a line. A row with a figure
// for every figure column takes them in the header's order; otherwise each figure goes to the
// column its box sits under, so a notice may order its columns as it likes and leave some out; a
// description wrapped onto the next line joins its row; remark codes ("PR-1", "CO-45", a plan's
// own "A3") are kept as printed. A header repeated on the next page continues the table.
#pragma once

#include <optional>
#include <vector>

#include "pipeline/core/page.hpp"

namespace shoebox::extractors {

struct ClaimTable {
  std::vector<ClaimLine> lines;
  std::vector<bool> in_table;  // per input line: part of a table (header, row, wrapped description, total)
  std::optional<ClaimLine> total;  // the table's total row, its figures under the table's columns
};

ClaimTable ExtractClaimLines(const std::vector<Line>& block);

}  // namespace shoebox::extractors
