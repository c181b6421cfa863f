// Fuzz target: the understanding stage (the label and key-value reader, the table and claim
// readers, split and classify) on pages of any words. The input is a page as printed text: each
// line of it a line of the page, each character a 16 x 30 px cell on a 40 px line pitch, so runs of
// spaces are gaps between cells and columns, and a form feed starts the next page.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/classify.hpp"
#include "extractors/extract.hpp"
#include "extractors/split.hpp"
#include "pipeline/core/page.hpp"
#include "pipeline/reading/layout.hpp"

namespace {

constexpr int kCellWidthPx = 16, kLineHeightPx = 30, kLinePitchPx = 40;
constexpr std::size_t kLargestInput = 6000;

// The words of one page of printed text, each boxed by its characters' cells.
std::vector<shoebox::Word> PageWords(std::string_view text) {
  std::vector<shoebox::Word> words;
  int row = 0, column = 0;
  shoebox::Word word;
  auto finish = [&] {
    if (word.text.empty()) return;
    word.box_px.x1 = column * kCellWidthPx;
    word.box_px.y1 = word.box_px.y0 + kLineHeightPx;
    word.confidence = 0.9;
    words.push_back(std::move(word));
    word = {};
  };
  for (char c : text) {
    if (c == '\n' || c == ' ' || c == '\t') {
      finish();
      if (c == '\n') {
        ++row;
        column = 0;
      } else {
        ++column;
      }
      continue;
    }
    if (word.text.empty()) word.box_px = {column * kCellWidthPx, row * kLinePitchPx, 0, 0};
    word.text += c;
    ++column;
  }
  finish();
  return words;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace shoebox;
  // A page or two of print: longer inputs add time, not new ways of being read.
  if (size > kLargestInput) return 0;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::vector<Line>> lines_by_page;
  std::vector<int> page_numbers;
  for (size_t start = 0; start <= input.size();) {
    size_t end = std::min(input.find('\f', start), input.size());
    int number = static_cast<int>(page_numbers.size()) + 1;
    lines_by_page.push_back(layout::BuildLines(PageWords(input.substr(start, end - start)), number));
    page_numbers.push_back(number);
    start = end + 1;
  }
  for (const split::PageRange& range : split::Split(lines_by_page, page_numbers)) {
    std::vector<Line> lines;
    for (int page = range.first_page; page <= range.last_page; ++page) {
      const std::vector<Line>& page_lines = lines_by_page[page - 1];
      lines.insert(lines.end(), page_lines.begin(), page_lines.end());
    }
    classify::Classification classified = classify::Classify(lines);
    // Read as classified, and as one other kind (or form) chosen by the input's length, so that
    // mutations reach every kind's readers at a third of the cost of reading each as every kind.
    const std::pair<DocumentKind, const char*> others[] = {{DocumentKind::kBill, ""}, {DocumentKind::kEob, ""},
                                                           {DocumentKind::kEob, "dental"}, {DocumentKind::kMsn, ""},
                                                           {DocumentKind::kCollectionLetter, ""}};
    const auto& other = others[size % std::size(others)];
    for (const auto& [kind, form] : {std::pair{classified.kind, classified.form.c_str()}, other}) {
      Document document;
      document.first_page = range.first_page;
      document.last_page = range.last_page;
      document.kind = kind;
      document.form = form;
      extractors::Extract(lines, document);
      extractors::ReadSplitCues(lines, kind);
    }
  }
  return 0;
}
