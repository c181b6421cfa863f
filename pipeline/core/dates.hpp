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

// A word printed as a date that did not read as one ("16/03/2025", "6/2125", "o4/o7/2025"): digits
// (or letters shaped like them) around a slash, four or more. A row that prints one has a date of
// its own, not the row above's.
bool LooksLikeDate(std::string_view word);

// Such a word read again: its letters as the digits they look like ("o4/o7/2025" is 2025-04-07),
// or, where that is no date either, `iso` when the word is one of the ways of printing it with one
// character misread ("97/02/2025" against 2025-07-02). Nothing otherwise.
std::optional<std::string> ReadMisprintedDate(std::string_view word, const std::string& iso);

bool IsValidDate(int year, int month, int day);

// Calendar arithmetic on ISO dates (proleptic Gregorian), for deadlines and generated dates.
std::string AddDays(const std::string& iso, int days);
int DaysBetween(const std::string& from_iso, const std::string& to_iso);

// An ISO date as a letter writes it ("December 1, 2025"); other text as it is.
std::string DateInWords(const std::string& iso);

}  // namespace shoebox
