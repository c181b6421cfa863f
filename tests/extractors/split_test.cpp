// split: where each document of a file ends, from hand-placed pages (no engines).
#include <gtest/gtest.h>

#include "extractors/split.hpp"
#include "tests/placed_words.hpp"

namespace shoebox {
namespace {

using testing::Row;

std::vector<Line> Page(int number, const std::vector<std::vector<Word>>& rows) {
  std::vector<Word> all;
  for (const auto& row : rows) all.insert(all.end(), row.begin(), row.end());
  return layout::BuildLines(all, number);
}

std::vector<Line> Bill(int number, const std::string& account, const std::string& marker = "") {
  std::vector<std::vector<Word>> rows = {Row(40, {{100, "Statement Date: 01/05/2025"}}),
                                         Row(70, {{100, "Patient: Avery Okafor"}}),
                                         Row(100, {{100, "Account Number:"}, {900, account}}),
                                         Row(160, {{100, "Amount Due"}, {900, "$12.00"}})};
  if (!marker.empty()) rows.push_back(Row(2000, {{700, marker}}));
  return Page(number, rows);
}

std::vector<Line> Eob(int number, const std::string& member) {
  return Page(number, {Row(40, {{100, "Explanation of Benefits"}}), Row(100, {{100, "THIS IS NOT A BILL"}}),
                       Row(160, {{100, "Member ID:"}, {900, member}})});
}

std::vector<std::pair<int, int>> Ranges(const std::vector<std::vector<Line>>& pages) {
  std::vector<int> numbers;
  for (size_t i = 0; i < pages.size(); ++i) numbers.push_back(static_cast<int>(i) + 1);
  std::vector<std::pair<int, int>> ranges;
  for (const split::PageRange& range : split::Split(pages, numbers)) ranges.emplace_back(range.first_page, range.last_page);
  return ranges;
}

using RangeList = std::vector<std::pair<int, int>>;

TEST(Split, PageMarkersHoldADocumentTogetherAndStartTheNext) {
  EXPECT_EQ(Ranges({Bill(1, "556677889", "Page 1 of 2"), Bill(2, "556677889", "Page 2 of 2"),
                    Bill(3, "556677889", "Page 1 of 1")}),
            (RangeList{{1, 2}, {3, 3}}));
}

TEST(Split, AChangeOfKindOrOfAccountStartsADocument) {
  EXPECT_EQ(Ranges({Bill(1, "556677889"), Bill(2, "112233445"), Eob(3, "W123456789"), Eob(4, "W123456789")}),
            (RangeList{{1, 1}, {2, 2}, {3, 4}}));
}

TEST(Split, APageWithNoCueContinuesTheTableBeforeItOrStandsAlone) {
  std::vector<Line> rows_only = Page(2, {Row(40, {{100, "Date Code Description Charges"}}),
                                         Row(100, {{100, "03/01/2025 99284 ER VISIT"}, {900, "$1,240.00"}}),
                                         Row(160, {{100, "03/01/2025 71046 CHEST X-RAY"}, {900, "$600.00"}})});
  std::vector<Line> receipt = Page(3, {Row(40, {{100, "Corner Street Pharmacy receipt"}})});
  EXPECT_EQ(Ranges({Bill(1, "556677889"), rows_only, receipt}), (RangeList{{1, 2}, {3, 3}}));
}

// A paper that is not medical is not cut at its pages: an agreement whose clauses speak of an
// amount due on a statement date stays one document. A bill's last page of figures alone, worded
// as a bill without the words of care, stays with the bill.
TEST(Split, PagesOfAPaperThatIsNotMedicalStayTogether) {
  std::vector<Line> clauses = Page(1, {Row(40, {{100, "SERVICE AGREEMENT"}}), Row(100, {{100, "1. Services"}})});
  std::vector<Line> terms = Page(2, {Row(40, {{100, "3. Fees and Payment"}}),
                                     Row(100, {{100, "The Client will pay the Amount Due within thirty days"}}),
                                     Row(160, {{100, "of its Statement Date. Please pay by the due date."}})});
  std::vector<Line> signatures = Page(3, {Row(40, {{100, "Signed by the Client"}})});
  EXPECT_EQ(Ranges({clauses, terms, signatures}), (RangeList{{1, 3}}));
  std::vector<Line> figures = Page(2, {Row(40, {{100, "Total Charges"}, {900, "$12.00"}}),
                                       Row(100, {{100, "Amount Due"}, {900, "$12.00"}}),
                                       Row(160, {{100, "Detach and return this portion with your payment."}})});
  EXPECT_EQ(Ranges({Bill(1, "556677889"), figures, Eob(3, "W123456789")}), (RangeList{{1, 2}, {3, 3}}));
}

}  // namespace
}  // namespace shoebox
