// Tables rebuilt from word boxes: a header line names the columns (labels of one dictionary
// scope), and each column keeps the box of its header so row figures can be placed under it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/page.hpp"

namespace shoebox::extractors {

struct Column {
  std::string field;  // the dictionary's field name for the column
  BoxPx box_px;       // the header's words
};

// The columns named on `line` by labels of `scope`, left to right as printed; empty unless the
// line is mostly labels and names at least `min_columns` of them (a sentence that happens to say
// "date" and "amount" is not a header).
std::vector<Column> HeaderColumns(const Line& line, std::string_view scope, size_t min_columns = 3);

// A table's header band: one to three lines of header words stacked over the columns ("Amount" over
// "Billed", "What Your" over "Plan Paid"), right above the first row. The phrases of the upper lines
// are joined to the bottom line's words they stand over, so each column's header reads whole, then
// named by HeaderColumns. The band of one to three lines naming the most columns wins, the shorter
// on a tie; `rows` is 0 where none names `min_columns`. Every line of a band is mostly words of the
// scope's labels, with no amount or date.
struct HeaderBand {
  std::vector<Column> columns;
  size_t rows = 0;
};
HeaderBand ReadHeaderBand(const std::vector<Line>& lines, size_t first, std::string_view scope, size_t min_columns = 3);

// How many lines of no figures may stand between a table's header and its first row: a rule's
// remains read as specks, a band's sub-heading, the first row's description wrapped above it.
inline constexpr size_t kStrayLines = 2;

// How many amounts `line` prints: a row of figures has two or more, read or not.
size_t AmountsOn(const Line& line);

// The date of a row on which FindDate read none: the row above's (`above`) where the row leaves its
// date cell empty; a date it prints misread, read again (dates.hpp: ReadMisprintedDate: "o4/o7/2025",
// or "97/02/2025" under 07/02/2025); none where it prints one that does not read ("16/03/2025" under
// 06/02/2025: a date of its own, never the row above's). A word under the table's date column is
// the row's date cell, whatever it reads as.
std::string DateOfUndatedRow(const Line& line, const std::vector<Column>& columns, const std::string& above);

// Whether `line` is a row's description wrapped onto a line of its own: letters and no amount, on
// the row's page, closer below the row's box than the row's first line is tall (that height, not
// the box's, which grows with each wrapped line).
bool WrapsUnder(const Line& line, int row_page, const BoxPx& row_box, int row_height);

}  // namespace shoebox::extractors
