// split: the pages of one file → the documents in it. A sheet-fed scan of twenty pages may hold
// eight documents. Page-level cues decide where one ends: "Page k of N" (k > 1 continues, 1 starts),
// a change of kind, a different account or member number, and a table that carries on.
#pragma once

#include <vector>

#include "pipeline/core/page.hpp"

namespace shoebox::split {

struct PageRange {
  int first_page = 0, last_page = 0;  // 1-based, inclusive
};

// lines_by_page[i] holds the lines of page number page_numbers[i].
std::vector<PageRange> Split(const std::vector<std::vector<Line>>& lines_by_page, const std::vector<int>& page_numbers);

}  // namespace shoebox::split
