// layout: lines and cells from hand-placed words (no engines).
#include <gtest/gtest.h>

#include "pipeline/reading/layout.hpp"
#include "tests/placed_words.hpp"

namespace shoebox {
namespace {

using testing::Lines;
using testing::Row;

TEST(BuildLines, GroupsByBandAndOrdersLeftToRight) {
  std::vector<Word> words = Row(100, {{900, "$120.00"}, {100, "Amount Due"}});
  auto below = Row(160, {{100, "Account"}});
  words.insert(words.begin(), below.begin(), below.end());
  words[0].box_px.y0 += 4;  // slightly lower on the page, still its own line
  std::vector<Line> lines = layout::BuildLines(words, 3);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].Text(), "Amount Due $120.00");
  EXPECT_EQ(lines[0].page, 3);
  EXPECT_EQ(lines[1].Text(), "Account");
}

TEST(SplitCells, WideGapsSeparateCells) {
  std::vector<Line> lines = Lines({Row(100, {{100, "Statement Date: 01/05/2025"}, {900, "Account Number: 12345"}})});
  ASSERT_EQ(lines.size(), 1u);
  std::vector<Line> cells = layout::SplitCells(lines[0]);
  ASSERT_EQ(cells.size(), 2u);
  EXPECT_EQ(cells[0].Text(), "Statement Date: 01/05/2025");
  EXPECT_EQ(cells[1].Text(), "Account Number: 12345");
}

TEST(SplitCells, TheGapIsMeasuredInTheTallerWordsHeight) {
  Line line;
  line.words = {{"Patient", {100, 100, 200, 127}, 0.9}, {"Name:", {236, 104, 300, 124}, 0.9},
                {"Pat", {500, 100, 545, 127}, 0.9}};
  std::vector<Line> cells = layout::SplitCells(line);
  ASSERT_EQ(cells.size(), 2u);
  EXPECT_EQ(cells[0].Text(), "Patient Name:");
  EXPECT_EQ(cells[1].Text(), "Pat");
}

TEST(SplitCells, LettersWithoutAscendersAreNotAChangeOfTypeSize) {
  Line sentence;
  sentence.words = {{"You", {210, 1161, 273, 1188}, 0.9}, {"paid", {288, 1160, 359, 1196}, 0.9},
                    {"or", {374, 1167, 407, 1188}, 0.9}, {"were", {418, 1167, 503, 1188}, 0.9},
                    {"credited", {517, 1160, 654, 1188}, 0.9}};
  EXPECT_EQ(layout::SplitCells(sentence).size(), 1u);
  Line letterhead;
  letterhead.words = {{"CENTER", {100, 40, 400, 100}, 0.9}, {"Statement", {420, 60, 560, 90}, 0.9}};
  EXPECT_EQ(layout::SplitCells(letterhead).size(), 2u);
  Line photographed;
  photographed.words = {{"amount", {223, 822, 300, 857}, 0.9}, {"of", {311, 826, 338, 847}, 0.9},
                        {"the", {349, 822, 385, 857}, 0.9}, {"debt", {398, 822, 447, 857}, 0.9}};
  EXPECT_EQ(layout::SplitCells(photographed).size(), 1u);
}

TEST(IsTransmissionHeader, TheSendingMachinesLineAtTheTopEdgeOnly) {
  const int page_height = 2200;
  auto line_at = [](int top, const std::string& text) { return Lines({Row(top, {{30, text}})}).front(); };
  EXPECT_TRUE(layout::IsTransmissionHeader(
      line_at(12, "07/24/2025 11:44 FROM: RECOVERY UNIT (555) 967-4423 TO: 5551193855 P. 1/1"), page_height));
  EXPECT_TRUE(layout::IsTransmissionHeader(line_at(30, "FROM: BILLING OFFICE (555) 014-2231 NOV-17-2026 09:05 PAGE 2/3"),
                                           page_height));
  // Lower on the page it is the document's own words; at the top without a time, a letterhead.
  EXPECT_FALSE(layout::IsTransmissionHeader(line_at(900, "Printed 11:44 Page 1 of 2"), page_height));
  EXPECT_FALSE(layout::IsTransmissionHeader(line_at(12, "NORTHGATE COMMUNITY HOSPITAL PAGE 1/2"), page_height));
}

}  // namespace
}  // namespace shoebox
