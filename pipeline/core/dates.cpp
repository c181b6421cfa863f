#include "pipeline/core/dates.hpp"

#include <array>
#include <cctype>
#include <cstdio>
#include <string>
#include <vector>

namespace shoebox {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

std::string Iso(int year, int month, int day) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

std::string Trimmed(std::string_view text) {
  auto is_trim = [](char c) { return c == ',' || c == '.' || c == ';' || c == ':' || c == '(' || c == ')'; };
  while (!text.empty() && is_trim(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_trim(text.back())) text.remove_suffix(1);
  return std::string(text);
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

int MonthFromName(std::string_view word) {
  std::string lower;
  for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.size() < 3) return 0;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (lower.compare(0, 3, kMonths[i]) == 0) return static_cast<int>(i) + 1;
  }
  return 0;
}

int FullYear(int year, size_t digits) { return digits == 2 ? 2000 + year : year; }

long long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  long long era = (y >= 0 ? y : y - 399) / 400;
  long long yoe = y - era * 400;
  long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

long long DaysOf(const std::string& iso) {
  return DaysFromCivil(std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(8, 2)));
}

}  // namespace

std::string AddDays(const std::string& iso, int days) {
  long long z = DaysOf(iso) + days + 719468;
  long long era = (z >= 0 ? z : z - 146096) / 146097;
  long long doe = z - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long long mp = (5 * doy + 2) / 153;
  long long d = doy - (153 * mp + 2) / 5 + 1;
  long long m = mp + (mp < 10 ? 3 : -9);
  return Iso(static_cast<int>(yoe + era * 400 + (m <= 2)), static_cast<int>(m), static_cast<int>(d));
}

int DaysBetween(const std::string& from_iso, const std::string& to_iso) {
  return static_cast<int>(DaysOf(to_iso) - DaysOf(from_iso));
}

bool IsValidDate(int year, int month, int day) {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return false;
  constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > kDays[month - 1]) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

std::optional<std::string> ParseDate(std::string_view raw) {
  std::string text = Trimmed(raw);
  // Numeric forms: M/D/YYYY, M/D/YY, M-D-YYYY, YYYY-MM-DD.
  for (char separator : {'/', '-', '.'}) {
    size_t a = text.find(separator);
    if (a == std::string::npos) continue;
    size_t b = text.find(separator, a + 1);
    if (b == std::string::npos || text.find(separator, b + 1) != std::string::npos) continue;
    std::string p1 = text.substr(0, a), p2 = text.substr(a + 1, b - a - 1), p3 = text.substr(b + 1);
    if (!AllDigits(p1) || !AllDigits(p2) || !AllDigits(p3)) return std::nullopt;
    int year, month, day;
    if (p1.size() == 4) {
      if (p2.size() > 2 || p3.size() > 2) return std::nullopt;
      year = std::stoi(p1), month = std::stoi(p2), day = std::stoi(p3);
    } else if (p3.size() == 4 || p3.size() == 2) {
      if (p1.size() > 2 || p2.size() > 2) return std::nullopt;
      month = std::stoi(p1), day = std::stoi(p2), year = FullYear(std::stoi(p3), p3.size());
    } else {
      return std::nullopt;
    }
    if (!IsValidDate(year, month, day)) return std::nullopt;
    return Iso(year, month, day);
  }
  return std::nullopt;
}

std::optional<DateMatch> FindDate(const std::vector<std::string>& words, size_t start) {
  for (size_t i = start; i < words.size(); ++i) {
    if (auto iso = ParseDate(words[i])) return DateMatch{*iso, i, 1};
    // "March 4, 2025" / "Mar. 4 2025"
    int month = MonthFromName(Trimmed(words[i]));
    if (month != 0 && i + 2 < words.size()) {
      std::string day = Trimmed(words[i + 1]), year = Trimmed(words[i + 2]);
      if (AllDigits(day) && day.size() <= 2 && AllDigits(year) && year.size() == 4 &&
          IsValidDate(std::stoi(year), month, std::stoi(day))) {
        return DateMatch{Iso(std::stoi(year), month, std::stoi(day)), i, 3};
      }
    }
    // "4 March 2025"
    if (i + 2 < words.size() && AllDigits(Trimmed(words[i])) && Trimmed(words[i]).size() <= 2) {
      int named = MonthFromName(Trimmed(words[i + 1]));
      std::string year = Trimmed(words[i + 2]);
      if (named != 0 && AllDigits(year) && year.size() == 4 &&
          IsValidDate(std::stoi(year), named, std::stoi(Trimmed(words[i])))) {
        return DateMatch{Iso(std::stoi(year), named, std::stoi(Trimmed(words[i]))), i, 3};
      }
    }
  }
  return std::nullopt;
}

namespace {

// A date's digits as OCR misreads them in letters.
std::string DigitsForLookalikes(std::string_view word) {
  std::string digits(word);
  for (char& c : digits) {
    if (c == 'o' || c == 'O') c = '0';
    if (c == 'l' || c == 'I' || c == '|') c = '1';
    if (c == 'S') c = '5';
    if (c == 'B') c = '8';
  }
  return digits;
}

}  // namespace

bool LooksLikeDate(std::string_view word) {
  size_t digits = 0, slashes = 0;
  for (char c : DigitsForLookalikes(word)) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      ++digits;
    } else if (c == '/') {
      ++slashes;
    } else if (c != '.' && c != ',') {
      return false;
    }
  }
  return slashes >= 1 && digits >= 4;
}

std::optional<std::string> ReadMisprintedDate(std::string_view word, const std::string& iso) {
  if (!LooksLikeDate(word)) return std::nullopt;
  std::string digits = DigitsForLookalikes(word);
  while (!digits.empty() && (digits.back() == '.' || digits.back() == ',')) digits.pop_back();
  if (auto date = ParseDate(digits)) return date;
  if (iso.size() != 10) return std::nullopt;
  std::string year = iso.substr(0, 4), month = iso.substr(5, 2), day = iso.substr(8, 2);
  auto unpadded = [](const std::string& two) { return two[0] == '0' ? two.substr(1) : two; };
  for (const std::string& m : {month, unpadded(month)}) {
    for (const std::string& d : {day, unpadded(day)}) {
      for (const std::string& y : {year, year.substr(2)}) {
        std::string printed = m + "/" + d + "/" + y;
        if (printed.size() != digits.size()) continue;
        size_t slips = 0;
        for (size_t i = 0; i < printed.size(); ++i) slips += printed[i] != digits[i] ? 1 : 0;
        if (slips <= 1) return iso;
      }
    }
  }
  return std::nullopt;
}

std::string DateInWords(const std::string& iso) {
  static const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};
  std::optional<std::string> parsed = ParseDate(iso);
  if (!parsed || *parsed != iso) return iso;
  int month = std::stoi(iso.substr(5, 2)), day = std::stoi(iso.substr(8, 2));
  return std::string(kMonths[month - 1]) + " " + std::to_string(day) + ", " + iso.substr(0, 4);
}

}  // namespace shoebox
