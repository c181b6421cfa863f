// Fuzz target: the value readers every field goes through (money, dates, billing codes, Medicare
// numbers), on text of any bytes. A value either parses to something well-formed or is refused.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/codes.hpp"
#include "pipeline/core/dates.hpp"
#include "pipeline/core/money.hpp"

namespace {

std::vector<std::string> Tokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::string token;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t') {
      if (!token.empty()) tokens.push_back(std::move(token));
      token.clear();
    } else {
      token += c;
    }
  }
  if (!token.empty()) tokens.push_back(std::move(token));
  return tokens;
}

void Require(bool holds) {
  if (!holds) std::abort();
}

bool IsIsoDate(const std::string& iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return false;
  return shoebox::IsValidDate(std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(8, 2)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  shoebox::ParseMoney(text);
  if (auto iso = shoebox::ParseDate(text)) {
    Require(IsIsoDate(*iso));
    Require(shoebox::DaysBetween(*iso, shoebox::AddDays(*iso, 45)) == 45);
  }
  shoebox::ParseProcedureCode(text);
  shoebox::ParseRevenueCode(text);
  shoebox::MendMedicareNumber(std::string(text));

  std::vector<std::string> words = Tokens(text);
  for (size_t start = 0; start < words.size(); ++start) {
    if (auto money = shoebox::FindMoney(words, start)) {
      Require(money->first_word >= start && money->first_word + money->word_count <= words.size());
    }
    if (auto date = shoebox::FindDate(words, start)) {
      Require(date->first_word >= start && date->first_word + date->word_count <= words.size());
      Require(IsIsoDate(date->iso));
    }
  }
  return 0;
}
