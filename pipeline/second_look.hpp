// The second look at an OCR page: Tesseract's sparse-text search, which reads forms well, drops
// small marks that stand alone (a lone "1" in a units column, a "+" before an amount). Marks the
// first reading left without a word are found (letter-sized ink outside every word's box), cut out
// in groups, set one under another on a clean strip and read once more as a block; figures and
// signs that read clearly there join the page's words, boxed where they stand on the page.
#pragma once

#include <vector>

#include "pipeline/image.hpp"
#include "pipeline/ocr.hpp"
#include "pipeline/page.hpp"

namespace shoebox::second_look {

// Groups of the page's letter-sized marks (prepare::FindMarks of this image) that no word's box
// touches, in reading order; neighbouring marks on one line form one group.
std::vector<BoxPx> UnreadMarks(const GrayImage& image, const std::vector<BoxPx>& marks, int dpi,
                               const std::vector<Word>& words);

// The words read in those groups (one reading of one strip), in page coordinates; empty when there
// is nothing left unread.
std::vector<Word> ReadUnreadMarks(const GrayImage& image, const std::vector<BoxPx>& marks, int dpi,
                                  const std::vector<Word>& words, ocr::Engine& engine);

}  // namespace shoebox::second_look
