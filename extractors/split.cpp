#include "extractors/split.hpp"

#include <optional>
#include <string>

#include "extractors/extract.hpp"
#include "pipeline/core/text.hpp"
#include "extractors/classify.hpp"

namespace shoebox::split {
namespace {

struct PageMarker {
  int page = 0, of = 0;
};

// "Page 2 of 3" anywhere on the page.
std::optional<PageMarker> FindPageMarker(const std::vector<Line>& lines) {
  for (const Line& line : lines) {
    const auto& words = line.words;
    for (size_t i = 0; i + 3 < words.size(); ++i) {
      if (LabelToken(words[i].text) != "page" || LabelToken(words[i + 2].text) != "of") continue;
      try {
        int page = std::stoi(words[i + 1].text), of = std::stoi(words[i + 3].text);
        if (page >= 1 && page <= of && of <= 500) return PageMarker{page, of};
      } catch (const std::exception&) {
      }
    }
  }
  return std::nullopt;
}

struct PageCues {
  classify::Classification kind;
  std::optional<PageMarker> marker;
  std::string identifier;  // account number (bills, letters) or member id (EOB, MSN)
  bool has_table = false;
};

PageCues ReadCues(const std::vector<Line>& lines) {
  PageCues cues;
  cues.kind = classify::Classify(lines);
  cues.marker = FindPageMarker(lines);
  extractors::SplitCues read = extractors::ReadSplitCues(lines, cues.kind.kind);
  cues.identifier = read.identifier;
  cues.has_table = read.itemized;
  return cues;
}

}  // namespace

std::vector<PageRange> Split(const std::vector<std::vector<Line>>& lines_by_page, const std::vector<int>& page_numbers) {
  std::vector<PageRange> ranges;
  DocumentKind current_kind = DocumentKind::kOther;
  std::string current_identifier;
  for (size_t i = 0; i < lines_by_page.size(); ++i) {
    PageCues cues = ReadCues(lines_by_page[i]);
    bool starts = ranges.empty();
    if (!starts) {
      if (cues.marker) {
        starts = cues.marker->page == 1;
      } else if (cues.kind.kind == DocumentKind::kOther) {
        // A page that is none of the kinds continues a paper that is none either (an agreement is
        // not cut at its headings), a table, or the paper it is worded as (a bill's page of
        // figures alone, without the words of care); else it stands alone.
        starts = !(current_kind == DocumentKind::kOther || cues.kind.worded_as == current_kind ||
                   (cues.has_table && current_kind != DocumentKind::kOther));
      } else {
        starts = cues.kind.kind != current_kind ||
                 (!cues.identifier.empty() && !current_identifier.empty() && cues.identifier != current_identifier);
      }
    }
    if (starts) {
      ranges.push_back({page_numbers[i], page_numbers[i]});
      current_kind = cues.kind.kind;
      current_identifier = cues.identifier;
    } else {
      ranges.back().last_page = page_numbers[i];
      if (current_identifier.empty()) current_identifier = cues.identifier;
    }
  }
  return ranges;
}

}  // namespace shoebox::split
