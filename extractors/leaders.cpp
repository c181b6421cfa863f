// Leader dots ("Amount Due ........ $640.00"), taken out of the words they are read into, so the
// label and its value stand apart as the cells they are (fields.hpp: RemoveLeaderDots).
#include <cctype>
#include <string>

#include "extractors/fields.hpp"

namespace shoebox::extractors {
namespace {

bool IsLeaderChar(unsigned char c) { return c == '.' || c == '_'; }

// The parts of a word between runs of three or more leader characters.
std::vector<Word> PartsBetweenLeaders(const Word& word) {
  const std::string& text = word.text;
  std::vector<Word> parts;
  size_t start = 0, i = 0;
  auto emit = [&](size_t from, size_t to) {
    if (to > from) parts.push_back(WordPart(word, from, to, text.size(), text.substr(from, to - from)));
  };
  while (i < text.size()) {
    if (!IsLeaderChar(text[i])) {
      ++i;
      continue;
    }
    size_t run = i;
    while (run < text.size() && IsLeaderChar(text[run])) ++run;
    if (run - i >= 3) {
      emit(start, i);
      start = run;
    }
    i = run;
  }
  emit(start, text.size());
  return parts;
}

}  // namespace

Word WordPart(const Word& word, size_t from, size_t to, size_t total, std::string text) {
  Word part = word;
  part.text = std::move(text);
  int width = word.box_px.width();
  part.box_px.x0 = word.box_px.x0 + static_cast<int>(width * from / total);
  part.box_px.x1 = word.box_px.x0 + static_cast<int>(width * to / total);
  return part;
}

std::vector<Line> RemoveLeaderDots(const std::vector<Line>& lines) {
  std::vector<Line> out = lines;
  for (Line& line : out) {
    std::vector<Word> words;
    bool letter_after_leaders = false;  // the last word is one letter the leaders ran into
    for (const Word& word : line.words) {
      // A text layer may keep the value's first letter with the leaders and the rest apart
      // ("........D" "akota"): the letter and the rest are one word.
      if (letter_after_leaders && std::islower(static_cast<unsigned char>(word.text[0]))) {
        words.back().text += word.text;
        words.back().box_px = Union(words.back().box_px, word.box_px);
        letter_after_leaders = false;
        continue;
      }
      letter_after_leaders = false;
      if (word.text.find("...") == std::string::npos && word.text.find("___") == std::string::npos) {
        words.push_back(word);
        continue;
      }
      std::vector<Word> parts = PartsBetweenLeaders(word);
      bool ends_in_letter = !parts.empty() && parts.back().text.size() == 1 && std::isalpha(static_cast<unsigned char>(parts.back().text[0])) &&
                            !IsLeaderChar(static_cast<unsigned char>(word.text.back())) && word.text.size() > 3;
      for (Word& part : parts) words.push_back(std::move(part));
      letter_after_leaders = ends_in_letter;
    }
    line.words = std::move(words);
  }
  return out;
}

}  // namespace shoebox::extractors
