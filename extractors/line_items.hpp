// Itemized tables rebuilt from word boxes. A table starts at a header line (two or more column
// labels from the dictionary's bill_column scope) and runs until a line that is neither a charge
// row nor a wrapped description. Rows are read by type, not by column order (senders order columns
// differently): the date, a revenue code, a CPT/HCPCS code, the units under the units header, the
// charge (the rightmost amount), and the rest as the description. A header repeated on the next
// page continues the table.
#pragma once

#include <vector>

#include "pipeline/core/page.hpp"

namespace shoebox::extractors {

std::vector<LineItem> ExtractLineItems(const std::vector<Line>& lines);

}  // namespace shoebox::extractors
