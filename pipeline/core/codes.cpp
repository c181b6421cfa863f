#include "pipeline/core/codes.hpp"

#include <cctype>
#include <map>
#include <vector>

namespace shoebox {
namespace {

std::string Trimmed(std::string_view text) {
  while (!text.empty() && (text.back() == ',' || text.back() == ';')) text.remove_suffix(1);
  return std::string(text);
}

// Inside a code, a letter O is a zero.
char Digit(char c) { return c == 'O' || c == 'o' ? '0' : c; }

bool IsDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(Digit(c)))) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> ParseProcedureCode(std::string_view raw) {
  std::string text = Trimmed(raw);
  std::string modifier;
  if (auto dash = text.find('-'); dash != std::string::npos) {
    modifier = text.substr(dash + 1);
    text = text.substr(0, dash);
    if (modifier.size() != 2 || !std::isalnum(static_cast<unsigned char>(modifier[0])) ||
        !std::isalnum(static_cast<unsigned char>(modifier[1]))) {
      return std::nullopt;
    }
  }
  if (text.size() != 5) return std::nullopt;
  std::string code;
  if (IsDigits(text)) {
    for (char c : text) code += Digit(c);
  } else if (std::isalpha(static_cast<unsigned char>(text[0])) && Digit(text[0]) != '0' && IsDigits(text.substr(1))) {
    // HCPCS letters are capitals; OCR reads some in lower case ("j2405").
    code += static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    for (char c : text.substr(1)) code += Digit(c);
  } else {
    return std::nullopt;
  }
  return modifier.empty() ? code : code + "-" + modifier;
}

std::optional<std::string> ParseRevenueCode(std::string_view raw) {
  std::string text = Trimmed(raw);
  if (text.size() != 4 || Digit(text[0]) != '0' || !IsDigits(text)) return std::nullopt;
  std::string code;
  for (char c : text) code += Digit(c);
  return code;
}

std::string MendMedicareNumber(const std::string& text) {
  std::string mended = text;
  std::vector<char*> characters;
  for (char& c : mended) {
    if (c != '-') characters.push_back(&c);
  }
  if (characters.size() != 11) return text;
  auto excluded = [](char c) { return std::string_view("SLOIBZ").find(c) != std::string_view::npos; };
  auto as_digit = [](char c) {
    switch (c) {
      case 'S': return '5';
      case 'O': return '0';
      case 'I': case 'L': case 'l': case '|': return '1';
      case 'B': return '8';
      case 'Z': return '2';
      default: return c;
    }
  };
  for (size_t i = 0; i < 11; ++i) {
    char& c = *characters[i];
    bool digit_only = i == 0 || i == 3 || i == 6 || i == 9 || i == 10;
    bool either = i == 2 || i == 5;
    if (digit_only || (either && excluded(c))) c = as_digit(c);
    bool is_digit = std::isdigit(static_cast<unsigned char>(c)) != 0;
    bool is_letter = std::isupper(static_cast<unsigned char>(c)) != 0 && !excluded(c);
    if (digit_only ? !is_digit : either ? !(is_digit || is_letter) : !is_letter) return text;
  }
  if (*characters[0] == '0') return text;
  return mended;
}

std::string AdjustmentReasonWords(const std::string& remark) {
  // The X12 claim adjustment reason codes plans give most often for what they did not pay.
  static const std::map<std::string, const char*> kWords = {
      {"4", "the procedure code does not fit its modifier"},
      {"5", "the procedure code does not fit the place of service"},
      {"11", "the diagnosis does not fit the procedure"},
      {"16", "the claim lacks information or has errors the provider must correct"},
      {"18", "the plan sees it as a duplicate of a claim or service already sent"},
      {"22", "the plan thinks another insurer should pay first (coordination of benefits)"},
      {"27", "the care was after the coverage ended"},
      {"29", "the claim was filed after the plan's time limit"},
      {"31", "the plan could not match the patient to its member"},
      {"45", "the charge is above the plan's allowed amount (a network provider writes that off)"},
      {"50", "the plan did not find it medically necessary"},
      {"96", "the plan does not cover this charge"},
      {"97", "the plan counts it as part of another service it paid"},
      {"109", "this plan does not cover it: the claim should go to another payer"},
      {"119", "the benefit's maximum has been reached"},
      {"197", "the plan's prior authorization was not obtained"},
      {"204", "the service is not covered by the current benefit plan"},
      {"242", "the provider is not in the plan's network"},
  };
  size_t dash = remark.find('-');
  std::string code = dash == std::string::npos ? remark : remark.substr(dash + 1);
  auto it = kWords.find(code);
  return it == kWords.end() ? "" : it->second;
}

}  // namespace shoebox
