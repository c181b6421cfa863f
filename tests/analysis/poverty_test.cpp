// The financial-assistance pre-screen: the HHS poverty guidelines as the table holds them, a
// household's percent of them, and the words for what hospitals commonly do there.
#include <gtest/gtest.h>

#include "pipeline/analysis/poverty.hpp"

namespace shoebox::findings {
namespace {

// The published figures for a household of four (Federal Register, each January).
TEST(PovertyGuideline, AHouseholdOfFourMatchesThePublishedTables) {
  struct Case {
    int year;
    const char* state;
    Cents dollars;
  };
  for (const Case& c : {Case{2022, "", 27750}, Case{2023, "", 30000}, Case{2024, "", 31200}, Case{2025, "OH", 32150},
                        Case{2024, "AK", 39000}, Case{2025, "AK", 40190}, Case{2024, "HI", 35880},
                        Case{2025, "HI", 36980}}) {
    auto line = PovertyGuideline(c.year, 4, c.state);
    ASSERT_TRUE(line) << c.year << c.state;
    EXPECT_EQ(line->cents, c.dollars * 100) << c.year << c.state;
    EXPECT_EQ(line->year, c.year);
  }
  EXPECT_EQ(PovertyGuideline(2025, 1, "")->cents, 1565000);
  EXPECT_EQ(PovertyGuideline(2025, 8, "")->cents, (15650 + 7 * 5500) * 100);
  // A bill of a year the table does not hold yet takes the newest year before it, and says so.
  EXPECT_EQ(PovertyGuideline(2026, 4, "")->year, 2025);
  EXPECT_FALSE(PovertyGuideline(2021, 4, ""));
  EXPECT_FALSE(PovertyGuideline(2025, 0, ""));
}

TEST(PovertyGuideline, APercentAndItsTierInWordsNeverAPromise) {
  auto line = *PovertyGuideline(2025, 4, "");
  EXPECT_EQ(PercentOfPoverty(6430000, line), 200);
  EXPECT_EQ(PercentOfPoverty(4500000, line), 139);
  EXPECT_NE(TierWords(200).find("forgive bills in full"), std::string::npos);
  EXPECT_NE(TierWords(201).find("discount bills at this income, often by half"), std::string::npos);
  EXPECT_NE(TierWords(400).find("some nonprofit hospitals discount"), std::string::npos);
  EXPECT_NE(TierWords(401).find("ask for their policy"), std::string::npos);
  EXPECT_EQ(PreScreen({4, 4500000, "", "2025-12-01"}, 2025),
            "Your household of 4 with $45,000.00 a year is at 139% of the 2025 federal poverty guideline ($32,150.00 "
            "for 4): many nonprofit hospitals forgive bills in full at this income; ask for their policy and apply.");
  EXPECT_NE(PreScreen({2, 9000000, "AK", "2026-02-01"}, 2026).find("($26,430.00 for 2 in Alaska; the newest shoebox has "
                                                                 "for a bill of 2026)"),
            std::string::npos);
}

}  // namespace
}  // namespace shoebox::findings
