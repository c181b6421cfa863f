// Money as printed → integer cents. Survives the ways statements print amounts and the ways OCR
// misreads them: "$1,840.00", "1 840.00", "(50.00)", "50.00 CR", "-$50", "$O.00" (O for 0).
#pragma once

#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include "pipeline/core/page.hpp"

namespace shoebox {

// Parses one token (or a few tokens joined with spaces) that is wholly an amount.
// An amount needs a "$" or a two-digit decimal part, so account numbers are not read as money.
std::optional<Cents> ParseMoney(std::string_view text);

// Money found in a run of words: a single token ("$1,840.00") or "$" followed by the number.
struct MoneyMatch {
  Cents cents = 0;
  size_t first_word = 0;
  size_t word_count = 0;
};
std::optional<MoneyMatch> FindMoney(const std::vector<std::string>& words, size_t start = 0);

}  // namespace shoebox
