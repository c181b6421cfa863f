// extract: a classified document's lines → its fields, claims and arithmetic checks.
// Labels come from the dictionary; a value is read after its label in the same cell, in the next
// cell of the line, or in the line below under the label (column-per-amount layouts). Every value
// keeps its page, box and confidence.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/page.hpp"

namespace shoebox::extractors {

// Money found in a run of words: a single token ("$1,840.00") or "$" followed by the number.
struct MoneyMatch {
  Cents cents = 0;
  size_t first_word = 0;
  size_t word_count = 0;
};
std::optional<MoneyMatch> FindMoney(const std::vector<std::string>& words, size_t start = 0);

// Fills document.fields, claims and checks for its kind from the document's lines (all pages).
void Extract(const std::vector<Line>& lines, Document& document);

}  // namespace shoebox::extractors
