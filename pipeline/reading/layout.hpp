// layout: words with boxes → lines in reading order, rebuilt from geometry (Tesseract's own reading
// order is not trusted for tables). A line is split into cells where the gap between two words is
// wide compared with the text height, so "Amount Due      $120.00" is two cells.
#pragma once

#include <vector>

#include "pipeline/core/page.hpp"

namespace shoebox::layout {

// Lines of one page, top to bottom; words in each line left to right.
std::vector<Line> BuildLines(const std::vector<Word>& words, int page_number);

// The cells of a line: runs of words separated by gaps wider than gap_factor × the smaller of the
// two words' heights, or by a change of type size.
std::vector<Line> SplitCells(const Line& line, double gap_factor = 1.6);

// A fax machine's transmission header: a line along the page's top edge (its top twentieth) that
// says when the page was sent (a time, hh:mm) and which page of how many it was ("P. 2/3", "PAGE 2
// OF 3") or who sent it ("FROM:", "FAX"). It is the sending machine's, no part of the document.
bool IsTransmissionHeader(const Line& line, int page_height_px);

// Whole-page text in reading order, one line per text line.
std::string PageText(const std::vector<Line>& lines);

}  // namespace shoebox::layout
