// Text normalisation shared by the classifier and the extractors.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace shoebox {

// Lowercase ASCII, whitespace collapsed to single spaces, colons dropped.
std::string NormalizeForMatch(std::string_view text);

// A word as labels are matched: lowercase, without the punctuation, quote marks and strokes around it.
std::string LabelToken(std::string_view word);

// Whether the text holds an ASCII digit; a letter.
bool HasDigit(std::string_view text);
bool HasLetter(std::string_view text);

// Whether a word is a piece of a separator row or of leaders rather than a word: three or more
// marks that are all dashes, equals signs, underscores, dots, stars, tildes or plus signs
// ("--------", "=====", "........"). A dash alone (a zero) and "$____" (a blank to fill) are words.
bool IsSeparator(std::string_view text);

// Whitespace collapsed and trimmed; the export's "strings are as printed".
std::string CollapseSpaces(std::string_view text);

// The parts with `separator` between them: Join({"a", "b"}, ",") is "a,b".
std::string Join(const std::vector<std::string>& parts, std::string_view separator);

// Levenshtein distance: insertions, deletions and substitutions of single bytes.
size_t EditDistance(std::string_view a, std::string_view b);

// EditDistance as OCR slips: one thin upright stroke read for another (i, l, t, f, j, 1, |, !:
// "iaiting" for "billing") costs half a slip.
double OcrSlips(std::string_view a, std::string_view b);

}  // namespace shoebox
