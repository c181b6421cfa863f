#include "pipeline/core/money.hpp"

#include <cctype>
#include <string>

namespace shoebox {
namespace {

// OCR confusions inside an amount: letters that stand for digits.
char DigitFor(char c) {
  switch (c) {
    case 'O': case 'o': case 'D': case 'Q': return '0';
    case 'l': case 'I': case '|': return '1';
    case 'S': case 's': return '5';
    case 'B': return '8';
    case 'Z': return '2';
    default: return c;
  }
}

}  // namespace

std::optional<Cents> ParseMoney(std::string_view text) {
  std::string s;
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) s += c;
  }
  if (s.empty()) return std::nullopt;
  bool negative = false;
  if (s.size() > 2 && (s.ends_with("CR") || s.ends_with("cr"))) {
    negative = true;
    s.resize(s.size() - 2);
  }
  if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
    negative = true;
    s = s.substr(1, s.size() - 2);
  }
  if (!s.empty() && (s.front() == '-' || s.back() == '-')) {
    negative = true;
    s.erase(s.front() == '-' ? 0 : s.size() - 1, 1);
  } else if (s.size() > 1 && s.front() == '+') {  // "+$25.00", printed so or a dash read as a plus
    s.erase(0, 1);
  }
  bool dollar = false;
  if (!s.empty() && s.front() == '$') {
    dollar = true;
    s.erase(0, 1);
  }
  if (!s.empty() && s.front() == '-') {  // "$-50.00"
    negative = true;
    s.erase(0, 1);
  }
  if (s.empty()) return std::nullopt;
  // A comma before the last two digits is a decimal point OCR misread ("130,41"): thousands are
  // grouped in threes, so it cannot be a separator.
  if (s.find('.') == std::string::npos && s.size() >= 4 && s[s.size() - 3] == ',') s[s.size() - 3] = '.';

  std::string digits;
  int decimals = -1;  // digits after the decimal point, -1 when there is none
  int real_digits = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ',' ) {
      if (decimals >= 0) return std::nullopt;
      continue;
    }
    if (c == '.') {
      if (decimals >= 0) return std::nullopt;
      decimals = 0;
      continue;
    }
    char digit = std::isdigit(static_cast<unsigned char>(c)) ? c : DigitFor(c);
    if (!std::isdigit(static_cast<unsigned char>(digit))) return std::nullopt;
    real_digits += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
    digits += digit;
    if (decimals >= 0) ++decimals;
  }
  if (digits.empty() || real_digits == 0) return std::nullopt;
  if (decimals > 2) return std::nullopt;
  if (decimals < 0 && !dollar) return std::nullopt;
  if (decimals == 1) return std::nullopt;
  if (digits.size() > 13) return std::nullopt;
  Cents value = std::stoll(digits);
  if (decimals <= 0) value *= 100;
  return negative ? -value : value;
}

std::optional<MoneyMatch> FindMoney(const std::vector<std::string>& words, size_t start) {
  for (size_t i = start; i < words.size(); ++i) {
    // A sign or "$" printed apart from the number: "+ $ 75.00", "– $ 50.00", "$ 2,234.56".
    if ((words[i] == "$") && i + 1 < words.size()) {
      if (auto cents = ParseMoney("$" + words[i + 1])) return MoneyMatch{*cents, i, 2};
    }
    std::string token = words[i];
    while (!token.empty() && (token.back() == ',' || token.back() == ';' || token.back() == '.')) {
      if (token.size() >= 3 && token[token.size() - 3] == '.' && token.back() != '.') break;
      token.pop_back();
    }
    if (auto cents = ParseMoney(token)) return MoneyMatch{*cents, i, 1};
  }
  return std::nullopt;
}


}  // namespace shoebox
