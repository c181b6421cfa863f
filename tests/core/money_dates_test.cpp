#include <gtest/gtest.h>

#include "pipeline/core/codes.hpp"
#include "pipeline/core/dates.hpp"
#include "extractors/extract.hpp"
#include "pipeline/core/money.hpp"

namespace shoebox::extractors {
namespace {

TEST(ParseMoney, PrintedForms) {
  EXPECT_EQ(ParseMoney("$1,840.00"), 184000);
  EXPECT_EQ(ParseMoney("1,840.00"), 184000);
  EXPECT_EQ(ParseMoney("1 840.00"), 184000);
  EXPECT_EQ(ParseMoney("(50.00)"), -5000);
  EXPECT_EQ(ParseMoney("130,41"), 13041);  // OCR's comma for a decimal point: thousands come in threes
  EXPECT_EQ(ParseMoney("1,840,00"), 184000);
  EXPECT_EQ(ParseMoney("50.00 CR"), -5000);
  EXPECT_EQ(ParseMoney("-$50"), -5000);
  EXPECT_EQ(ParseMoney("$-96.60"), -9660);
  EXPECT_EQ(ParseMoney("$0.00"), 0);
  EXPECT_EQ(ParseMoney("+$4,277,23"), 427723);  // a plus sign says what it says
  EXPECT_FALSE(ParseMoney("+"));
}

TEST(ParseMoney, OcrConfusions) {
  EXPECT_EQ(ParseMoney("$1,O40.00"), 104000);
  EXPECT_EQ(ParseMoney("$l5.00"), 1500);
  EXPECT_EQ(ParseMoney("$S0.B0"), 5080);
}

TEST(ParseMoney, NotMoney) {
  EXPECT_EQ(ParseMoney("123456789"), std::nullopt);  // an account number: no $ and no cents
  EXPECT_EQ(ParseMoney("12.5"), std::nullopt);
  EXPECT_EQ(ParseMoney("ABC"), std::nullopt);
  EXPECT_EQ(ParseMoney("$"), std::nullopt);
  EXPECT_EQ(ParseMoney("03/04/2025"), std::nullopt);
}

TEST(FindMoney, SignAndDollarApart) {
  auto match = FindMoney({"interest:", "+", "$", "75.00"});
  ASSERT_TRUE(match);
  EXPECT_EQ(match->cents, 7500);
  EXPECT_EQ(match->first_word, 2u);
  EXPECT_EQ(match->word_count, 2u);
}

TEST(ParseDate, MonthFirstAlways) {
  EXPECT_EQ(ParseDate("03/04/2025"), "2025-03-04");
  EXPECT_EQ(ParseDate("3/4/25"), "2025-03-04");
  EXPECT_EQ(ParseDate("2025-03-04"), "2025-03-04");
  EXPECT_EQ(ParseDate("12-31-2024"), "2024-12-31");
  EXPECT_EQ(ParseDate("13/04/2025"), std::nullopt);  // never day-first
  EXPECT_EQ(ParseDate("02/30/2025"), std::nullopt);
  EXPECT_EQ(ParseDate("02/29/2024"), "2024-02-29");
}

// Found by the values fuzz target: a year first and a part too long for an int had thrown.
TEST(ParseDate, DigitRunsTooLongForADateAreNotOne) {
  EXPECT_EQ(ParseDate("3025-05666666666666666666-01"), std::nullopt);
  EXPECT_EQ(ParseDate("2025-003-04"), std::nullopt);
  EXPECT_EQ(ParseDate("99999999999/1/2025"), std::nullopt);
}

TEST(FindDate, LongForms) {
  auto long_form = FindDate({"by", "August", "28,", "2020,", "to", "dispute"});
  ASSERT_TRUE(long_form);
  EXPECT_EQ(long_form->iso, "2020-08-28");
  EXPECT_EQ(long_form->first_word, 1u);
  EXPECT_EQ(long_form->word_count, 3u);
  EXPECT_EQ(FindDate({"4", "March", "2025"})->iso, "2025-03-04");
  EXPECT_EQ(FindDate({"Mar.", "4", "2025"})->iso, "2025-03-04");
  EXPECT_FALSE(FindDate({"no", "date", "here"}));
}

TEST(ParseProcedureCode, CptHcpcsAndModifiers) {
  EXPECT_EQ(ParseProcedureCode("99284"), "99284");
  EXPECT_EQ(ParseProcedureCode("J1885,"), "J1885");
  EXPECT_EQ(ParseProcedureCode("99284-25"), "99284-25");
  EXPECT_EQ(ParseProcedureCode("8OO53"), "80053");
  EXPECT_EQ(ParseProcedureCode("j2405"), "J2405");  // a capital OCR read in lower case
  EXPECT_FALSE(ParseProcedureCode("Bu0S3"));
  EXPECT_FALSE(ParseProcedureCode("1234"));
}

TEST(ReadMisprintedDate, LookalikesReadAsDigitsAndOneSlipFromTheDateAbove) {
  EXPECT_EQ(ReadMisprintedDate("o4/o7/2025", ""), "2025-04-07");
  EXPECT_EQ(ReadMisprintedDate("97/02/2025", "2025-07-02"), "2025-07-02");  // 0 read as 9
  EXPECT_EQ(ReadMisprintedDate("4/3/2S", "2025-04-03"), "2025-04-03");      // S for 5
  EXPECT_FALSE(ReadMisprintedDate("16/03/2025", "2025-06-02"));             // two slips: a date of its own
  EXPECT_FALSE(ReadMisprintedDate("97/02/2025", ""));
  EXPECT_FALSE(ReadMisprintedDate("ROOM", "2025-06-02"));
  EXPECT_TRUE(LooksLikeDate("6/2125"));
  EXPECT_FALSE(LooksLikeDate("1/2"));
}

TEST(DateInWords, AsALetterWritesIt) {
  EXPECT_EQ(DateInWords("2025-12-01"), "December 1, 2025");
  EXPECT_EQ(DateInWords("2026-02-28"), "February 28, 2026");
  EXPECT_EQ(DateInWords("[date]"), "[date]");
  EXPECT_EQ(DateInWords("2025-02-30"), "2025-02-30");
}

TEST(AdjustmentReasonWords, TheCommonDenialsInWordsWhateverTheGroupCode) {
  EXPECT_EQ(AdjustmentReasonWords("CO-50"), "the plan did not find it medically necessary");
  EXPECT_EQ(AdjustmentReasonWords("PR-96"), "the plan does not cover this charge");
  EXPECT_EQ(AdjustmentReasonWords("197"), "the plan's prior authorization was not obtained");
  EXPECT_EQ(AdjustmentReasonWords("A3"), "");  // a plan's own code: not guessed
}

TEST(MendMedicareNumber, LookAlikesWhereTheFormatAllowsOneReading) {
  EXPECT_EQ(MendMedicareNumber("1EG4-TE5-MK76"), "1EG4-TE5-MK76");
  EXPECT_EQ(MendMedicareNumber("1EG4-TES-MK76"), "1EG4-TE5-MK76");  // 7th: a digit
  EXPECT_EQ(MendMedicareNumber("IEG4-TE5-MK7O"), "1EG4-TE5-MK70");  // 1st and 11th
  EXPECT_EQ(MendMedicareNumber("1ES4TE5MK76"), "1E54TE5MK76");      // 3rd: S is no MBI letter
  // No MBI once mended: as printed.
  EXPECT_EQ(MendMedicareNumber("1EG4-TES5-MK76"), "1EG4-TES5-MK76");  // twelve characters
  EXPECT_EQ(MendMedicareNumber("W837229849"), "W837229849");
  EXPECT_EQ(MendMedicareNumber("1E64-TE5-MK76"), "1E64-TE5-MK76");    // a digit where a letter must be
  EXPECT_EQ(MendMedicareNumber("0EG4-TE5-MK76"), "0EG4-TE5-MK76");    // never starts with 0
}

}  // namespace
}  // namespace shoebox::extractors
