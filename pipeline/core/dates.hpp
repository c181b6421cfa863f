// Dates as printed on US paperwork → ISO "YYYY-MM-DD". Month-first always ("03/04/2025" is
// March 4); never guess day-first. Two-digit years are 20xx.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shoebox {

std::optional<std::string> ParseDate(std::string_view text);

// Finds the first date in a run of words; returns it and how many words it used (from `first`).
struct DateMatch {
  std::string iso;
  size_t first_word = 0;
  size_t word_count = 0;
};
std::optional<DateMatch> FindDate(const std::vector<std::string>& words, size_t start = 0);

bool IsValidDate(int year, int month, int day);

// Calendar arithmetic on ISO dates (proleptic Gregorian), for deadlines and generated dates.
std::string AddDays(const std::string& iso, int days);
int DaysBetween(const std::string& from_iso, const std::string& to_iso);

}  // namespace shoebox
