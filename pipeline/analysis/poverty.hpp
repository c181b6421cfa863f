// The financial-assistance pre-screen (issue 23): a household's income as a percent of the HHS
// poverty guideline for the year of a bill (pipeline/analysis/poverty_guidelines.tsv, with its
// source), and what nonprofit hospitals' policies commonly do at that percent, in words, never as a
// promise.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/records.hpp"

namespace shoebox::findings {

struct PovertyLine {
  int year = 0;        // the guideline's year: the bill's, or the newest the table has before it
  std::string region;  // "the 48 contiguous states and DC", "Alaska", "Hawaii"
  Cents cents = 0;     // the guideline for the household's size
};

// The guideline for a household of `size` in `state` ("" or two letters) for `year`; none where
// the table has no year at or before it or the size is below 1.
std::optional<PovertyLine> PovertyGuideline(int year, int size, const std::string& state);

// The household's income as a whole percent of the guideline (rounded down).
int PercentOfPoverty(Cents income, const PovertyLine& line);

// What hospitals' policies commonly do at this percent, as advice ("many nonprofit hospitals
// forgive bills in full at this income: ask for their policy and apply").
std::string TierWords(int percent);

// The pre-screen in one sentence for a bill of `year`: "Your household of 4 with $45,000.00 a year is
// at 140% of the 2025 federal poverty guideline ($32,150.00 for 4): many nonprofit hospitals forgive
// bills in full at this income; ask for their policy and apply." "" where no guideline applies.
std::string PreScreen(const Household& household, int year);

// A hospital account's financial-assistance window: nonprofit hospitals take applications until day
// 240 after the account's first statement (R-assistance-01).
struct AssistanceWindow {
  std::string provider_name, account_number;
  std::string first_statement, closes;  // ISO dates
  std::optional<Cents> due;             // what the latest statement asks
};
std::vector<AssistanceWindow> AssistanceWindows(const std::vector<StoredDocument>& documents);

}  // namespace shoebox::findings
