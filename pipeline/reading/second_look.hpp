// The second look at an OCR page: Tesseract's sparse-text search, which reads forms well, drops
// small marks that stand alone (a lone "1" in a units column, a "+" before an amount). Marks the
// first reading left without a word are found (letter-sized ink outside every word's box), cut out
// in groups, set one under another on a clean strip and read once more as a block; figures and
// signs that read clearly there join the page's words, boxed where they stand on the page. Codes
// and numbers the first reading doubted are read again the same way, twice the size.
#pragma once

#include <vector>

#include "pipeline/core/image.hpp"
#include "pipeline/reading/ocr.hpp"
#include "pipeline/core/page.hpp"

namespace shoebox::second_look {

// Groups of the page's letter-sized marks (prepare::FindMarks of this image) that no word's box
// touches, in reading order; neighbouring marks on one line form one group.
std::vector<BoxPx> UnreadMarks(const GrayImage& image, const std::vector<BoxPx>& marks, int dpi,
                               const std::vector<Word>& words);

// The words read in those groups (one reading of one strip), in page coordinates; empty when there
// is nothing left unread.
std::vector<Word> ReadUnreadMarks(const GrayImage& image, const std::vector<BoxPx>& marks, int dpi,
                                  const std::vector<Word>& words, ocr::Engine& engine);

// Words with digits in them that the first reading was unsure of (codes, dates, member and account
// numbers) are read once more, each as a line of its own, enlarged twice: on 200 dpi faxes and
// photographs the sparse-text search reads "J1885" as "Jise5" or "80053" as "Bu0S3" where a line on
// its own, twice the size, reads them right. A second reading of one word, as long or a character
// shorter, more surely read, replaces the first's text and confidence. Amounts are
// left as read: twice the size, "51.12" read at 0.39 came back as "91.12" at 0.94, and an amount's
// misreadings are mended by the document's arithmetic instead. Returns how many words changed.
inline constexpr double kDoubtfulConfidence = 0.6;
int ReReadDoubtfulFigures(const GrayImage& image, int dpi, std::vector<Word>& words, ocr::Engine& engine);

}  // namespace shoebox::second_look
