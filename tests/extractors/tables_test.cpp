// Tables as other producers print them: headers stacked over rows, the code before the date, zero
// as a dash, rows dated by their claim, the claim's figures in its total row; and label–value pairs
// joined by leader dots or sharing a line. Hand-placed words, no engines.
#include <gtest/gtest.h>

#include "extractors/extract.hpp"
#include "extractors/tables.hpp"
#include "tests/extractors/extracted.hpp"
#include "tests/placed_words.hpp"

namespace shoebox {
namespace {

using testing::Extracted;
using testing::FindField;
using testing::Lines;
using testing::Row;

TEST(HeaderBand, WordsStackedOverTwoRowsAreOneHeaderEach) {
  std::vector<Line> lines = Lines({Row(100, {{100, "Service"}, {500, "Amount"}, {800, "Plan"}, {1100, "Your"}}),
                                   Row(135, {{100, "Date"}, {500, "Billed"}, {800, "Paid"}, {1100, "Share"}}),
                                   Row(190, {{100, "03/02/2025"}, {500, "185.00"}, {800, "140.00"}, {1100, "45.00"}})});
  // Either row alone names too little; together each column reads whole.
  extractors::HeaderBand band = extractors::ReadHeaderBand(lines, 0, "claim_column");
  EXPECT_EQ(band.rows, 2u);
  std::vector<std::string> fields;
  for (const extractors::Column& column : band.columns) fields.push_back(column.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"date_of_service", "billed_cents", "plan_paid_cents",
                                              "patient_responsibility_cents"}));
  EXPECT_EQ(extractors::ReadHeaderBand(lines, 2, "claim_column").rows, 0u);  // a row of figures is no header
}

TEST(HeaderBand, APhraseWrappedOverTwoWordsHeadsOneColumn) {
  // "Maximum You May" over "Be Billed", wider than the words under it; "Amount Medicare" over "Paid".
  std::vector<Line> lines = Lines({Row(100, {{100, "Service"}, {420, "Amount Medicare"}, {760, "Maximum You May"}}),
                                   Row(135, {{100, "Code"}, {650, "Paid"}, {900, "Be Billed"}}),
                                   Row(190, {{100, "83036"}, {650, "33.16"}, {950, "8.28"}})});
  extractors::HeaderBand band = extractors::ReadHeaderBand(lines, 0, "claim_column");
  std::vector<std::string> fields;
  for (const extractors::Column& column : band.columns) fields.push_back(column.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"code", "plan_paid_cents", "patient_responsibility_cents"}));
}

TEST(HeaderBand, AColumnIsHeadedByItsWholePhrase) {
  // A shorter label reads "Paid" as the column; the column is still all of "Paid by Plan", so a
  // figure right-aligned under "Plan" stands in it.
  std::vector<Line> lines = Lines({Row(100, {{100, "Code"}, {400, "Billed"}, {700, "Allowed"}, {1000, "Paid by Plan"}, {1400, "Your Share"}})});
  std::vector<extractors::Column> columns = extractors::HeaderColumns(lines[0], "claim_column");
  ASSERT_EQ(columns.size(), 5u);
  EXPECT_EQ(columns[3].field, "plan_paid_cents");
  EXPECT_EQ(columns[3].box_px.x0, 1000);
  EXPECT_EQ(columns[3].box_px.x1, 1000 + 16 * 10 + 2 * 12);  // "Paid", "by", "Plan" and the spaces between
}

TEST(HeaderBand, HeaderWordsRunTogetherAreCutWhereACapitalStartsAWord) {
  // A text layer joins header words of columns that stand close.
  std::vector<Line> lines = Lines({Row(100, {{100, "Code"}, {300, "Amount ChargedAllowable Amount"}, {900, "COINSURANCEPlan Paid"}}),
                                   Row(150, {{100, "99213"}, {420, "168.00"}, {700, "67.20"}, {950, "0.00"}, {1200, "67.20"}})});
  std::vector<std::string> fields;
  for (const extractors::Column& column : extractors::ReadHeaderBand(lines, 0, "claim_column").columns) {
    fields.push_back(column.field);
  }
  EXPECT_EQ(fields, (std::vector<std::string>{"code", "billed_cents", "allowed_cents", "coinsurance_cents", "plan_paid_cents"}));
}

TEST(Extract, ClaimRowsCodeFirstDashForZeroDatedByTheClaimTotalledBelow) {
  Document document =
      Extracted(DocumentKind::kEob,
                {Row(40, {{100, "Keystone Health Plan"}}), Row(100, {{100, "Claim Number: 2025034411827"}}),
                 Row(140, {{100, "Service Date: 03/02/2025"}}),
                 Row(300, {{100, "Code"}, {400, "Amount"}, {700, "Allowed"}, {1000, "Plan"}, {1300, "Pt"}}),
                 Row(335, {{400, "Billed"}, {1000, "Paid"}, {1300, "Resp"}}),
                 Row(390, {{100, "99213"}, {450, "185.00"}, {720, "72.15"}, {1020, "52.15"}, {1320, "20.00"}}),
                 Row(430, {{100, "36415"}, {450, "25.00"}, {720, "9.75"}, {1020, "9.75"}, {1340, "\u2014"}}),
                 Row(470, {{100, "Totals"}, {450, "210.00"}, {720, "81.90"}, {1020, "61.90"}, {1320, "20.00"}})});
  ASSERT_EQ(document.claims.size(), 1u);
  const Claim& claim = document.claims[0];
  ASSERT_EQ(claim.lines.size(), 2u);
  EXPECT_EQ(claim.lines[0].code, "99213");
  EXPECT_EQ(claim.lines[0].date_of_service, "2025-03-02");  // no date of its own: the claim's
  EXPECT_EQ(claim.lines[0].billed_cents, 18500);
  EXPECT_EQ(claim.lines[0].patient_responsibility_cents, 2000);
  EXPECT_EQ(claim.lines[1].patient_responsibility_cents, 0);  // "—" under the column
  // The claim's figures are its total row.
  EXPECT_EQ(claim.billed_cents, 21000);
  EXPECT_EQ(claim.allowed_cents, 8190);
  EXPECT_EQ(claim.plan_paid_cents, 6190);
  EXPECT_EQ(claim.patient_responsibility_cents, 2000);
}

// What OCR leaves in a table does not end it: a line of specks under the header (a rule's remains)
// and a row whose code did not read; a row whose date did not read takes no other row's date.
TEST(Extract, AClaimTableReadsOnPastSpecksAndAMarredRow) {
  Document document = Extracted(
      DocumentKind::kEob,
      {Row(40, {{100, "Keystone Health Plan"}}), Row(100, {{100, "Claim Number: 2025034411827"}}),
       Row(140, {{100, "Service Dates: 03/02/2025 - 03/04/2025"}}),
       Row(300, {{100, "Code"}, {250, "Date"}, {450, "Billed"}, {700, "Allowed"}, {1000, "Plan Paid"}, {1300, "You Owe"}}),
       Row(340, {{100, "eee ee"}}),
       Row(390, {{100, "99213"}, {250, "03/02/25"}, {450, "185.00"}, {720, "72.15"}, {1020, "52.15"}, {1320, "20.00"}}),
       Row(430, {{100, "3b4!5"}, {250, "03/03/25"}, {450, "25.00"}, {720, "9.75"}, {1020, "9.75"}, {1320, "0.00"}}),
       Row(470, {{100, "80053"}, {250, "03/04/25"}, {450, "214.50"}, {720, "137.28"}, {1020, "123.56"}, {1320, "13.72"}}),
       Row(510, {{100, "85025"}, {250, "16/04/25"}, {450, "98.75"}, {720, "63.20"}, {1020, "56.89"}, {1320, "6.31"}})});
  ASSERT_EQ(document.claims.size(), 1u);
  const Claim& claim = document.claims[0];
  ASSERT_EQ(claim.lines.size(), 3u);
  EXPECT_EQ(claim.lines[0].code, "99213");
  EXPECT_EQ(claim.lines[1].code, "80053");
  EXPECT_EQ(claim.lines[1].date_of_service, "2025-03-04");
  EXPECT_EQ(claim.lines[2].code, "85025");
  EXPECT_EQ(claim.lines[2].date_of_service, "");  // "16/04/25": not the row above's, nor a stay's first day
}

TEST(Extract, TheNoticesSummaryIsNoClaimsFigures) {
  Document document =
      Extracted(DocumentKind::kEob,
                {Row(40, {{100, "Keystone Health Plan"}}), Row(100, {{100, "Claim Number: 2025034411827"}}),
                 Row(140, {{100, "Amount Billed"}, {900, "$185.00"}}), Row(200, {{100, "Claim Number: 2025034411828"}}),
                 Row(240, {{100, "Plan Paid"}, {900, "$25.00"}}), Row(320, {{100, "Summary of This Notice"}}),
                 Row(360, {{100, "Amount Billed"}, {900, "$210.00"}})});
  ASSERT_EQ(document.claims.size(), 2u);
  EXPECT_EQ(document.claims[1].plan_paid_cents, 2500);
  EXPECT_FALSE(document.claims[1].billed_cents.has_value());  // the summary's $210.00 is the notice's
}

TEST(Extract, ChargesWhoseHeaderWasLostAreStillATable) {
  // OCR lost the shaded header; two rows in a row, each with its date, code and charge, are a table.
  Document document =
      Extracted(DocumentKind::kBill, {Row(40, {{100, "VALLEY VIEW HEALTH SYSTEM"}}),
                                      Row(200, {{100, "04/02/2025 0305 85025 BLOOD COUNT"}, {1000, "$98.75"}}),
                                      Row(240, {{100, "04/02/2025 0320 71046 CHEST X-RAY"}, {1000, "$426.00"}}),
                                      Row(320, {{100, "Total Charges"}, {1000, "$524.75"}})});
  ASSERT_EQ(document.line_items.size(), 2u);
  EXPECT_EQ(document.line_items[1].code, "71046");
  EXPECT_EQ(document.line_items[1].charge_cents, 42600);
  // One such line alone is no table.
  Document single =
      Extracted(DocumentKind::kBill, {Row(200, {{100, "04/02/2025 0305 85025 BLOOD COUNT"}, {1000, "$98.75"}})});
  EXPECT_TRUE(single.line_items.empty());
}

// A charge whose date did not read ("16/03/2025") is not read as of the row above's date: two
// charges of one day would be a duplicate the paper does not print. A row that leaves its date cell
// empty is of the day above; a line of specks between the header and the first row is passed over.
TEST(Extract, AChargeWhoseDateDidNotReadTakesNoOtherDate) {
  Document document = Extracted(
      DocumentKind::kBill,
      {Row(40, {{100, "VALLEY VIEW HEALTH SYSTEM"}}),
       Row(200, {{100, "Date"}, {300, "Code"}, {450, "Description"}, {1000, "Charges"}}),
       Row(240, {{100, "Seen"}}),
       Row(280, {{100, "06/02/2025"}, {300, "0120"}, {450, "ROOM AND BOARD"}, {1000, "1,450.00"}}),
       Row(320, {{300, "J1885"}, {450, "KETOROLAC"}, {1000, "62.00"}}),
       Row(360, {{100, "16/03/2025"}, {300, "0120"}, {450, "ROOM AND BOARD"}, {1000, "1,450.00"}})});
  ASSERT_EQ(document.line_items.size(), 2u);
  EXPECT_EQ(document.line_items[0].code, "0120");
  EXPECT_EQ(document.line_items[1].code, "J1885");
  EXPECT_EQ(document.line_items[1].date_of_service, "2025-06-02");
}

// Headers abbreviated and reordered as other senders print them ("Proc", "Amt Billed", "Paid by
// Plan", "Ded"), and a denied line that leaves its zeros blank: each blank under a named figure
// column is a zero, the line and the claim's total row alike; a column the header does not name
// stays unread.
TEST(Extract, ClaimLinesUnderAbbreviatedHeadersWithBlankZeros) {
  Document document = Extracted(
      DocumentKind::kEob,
      {Row(40, {{100, "Evergreen Care Insurance"}}), Row(100, {{100, "Claim Number"}, {900, "5688967636148"}}),
       Row(300, {{560, "Amt"}, {760, "Paid by"}, {1000, "Pt"}}),
       Row(335, {{100, "Proc"},
                 {260, "DOS"},
                 {560, "Billed"},
                 {660, "Allowed"},
                 {760, "Plan"},
                 {880, "Ded"},
                 {1000, "Resp"}}),
       Row(380, {{100, "99284"}, {260, "5/29/25"}, {560, "1,840.00"}, {1000, "1,840.00"}}),
       Row(420, {{100, "80053"}, {260, "5/29/25"}, {560, "214.50"}, {1000, "214.50"}}),
       Row(460, {{100, "Subtotal"}, {560, "2,054.50"}, {1000, "2,054.50"}})});
  ASSERT_EQ(document.claims.size(), 1u);
  const Claim& claim = document.claims[0];
  ASSERT_EQ(claim.lines.size(), 2u);
  for (const ClaimLine& line : claim.lines) {
    EXPECT_EQ(line.allowed_cents, 0);
    EXPECT_EQ(line.plan_paid_cents, 0);
    EXPECT_EQ(line.deductible_cents, 0);
    EXPECT_FALSE(line.copay_cents.has_value());
  }
  EXPECT_EQ(claim.lines[0].billed_cents, 184000);
  EXPECT_EQ(claim.lines[0].patient_responsibility_cents, 184000);
  EXPECT_EQ(claim.billed_cents, 205450);
  EXPECT_EQ(claim.plan_paid_cents, 0);
  EXPECT_EQ(claim.patient_responsibility_cents, 205450);
}

// A figure that drifted off its column (a fax's stretch, a photo's curl) is set where the claim's
// sums put it, and of the shares the sums cannot tell apart, in the one it stands nearest.
TEST(Extract, FiguresOffTheirColumnsArePlacedByTheClaimsSums) {
  Document document = Extracted(
      DocumentKind::kEob,
      {Row(40, {{100, "Evergreen Care Insurance"}}), Row(100, {{100, "Claim Number"}, {900, "5688967636148"}}),
       Row(300, {{100, "Code"},
                 {220, "Date"},
                 {400, "Billed"},
                 {560, "Allowed"},
                 {720, "Deductible"},
                 {920, "Copay"},
                 {1060, "Coinsurance"},
                 {1280, "Plan Paid"},
                 {1460, "You Owe"}}),
       Row(350, {{100, "85025"}, {220, "4/2/25"}, {400, "98.75"}, {675, "63.20"}, {1100, "6.31"}, {1300, "56.89"}, {1480, "6.31"}})});
  ASSERT_EQ(document.claims.size(), 1u);
  ASSERT_EQ(document.claims[0].lines.size(), 1u);
  // The allowed amount is printed half under Deductible.
  testing::ExpectFigures(document.claims[0].lines[0], &ClaimFigure::of_line,
                         {{"billed_cents", 9875}, {"allowed_cents", 6320}, {"deductible_cents", 0}, {"copay_cents", 0},
                          {"coinsurance_cents", 631}, {"plan_paid_cents", 5689}, {"patient_responsibility_cents", 631}});
}

// Claims whose figures are said in sentences, and a summary in the claims' own wording under a
// heading that says so: the sentences are each claim's figures, the summary the notice's totals.
TEST(Extract, ClaimFiguresInSentencesAndTotalsInTheSummary) {
  Document document = Extracted(
      DocumentKind::kEob,
      {Row(40, {{100, "Great Lakes Mutual Health"}}), Row(100, {{100, "Claim #"}, {900, "9021403487858"}}),
       Row(140, {{100, "The provider billed $1,015.75. Your plan allowed $711.02 and paid $167.42."}}),
       Row(180, {{100, "Your share is $543.60."}}), Row(240, {{100, "Claim #"}, {900, "329415240377"}}),
       Row(280, {{100, "The provider billed $200.00. Your plan allowed $127.67 and paid $127.67."}}),
       Row(320, {{100, "Your share is $0.00."}}), Row(380, {{100, "Summary of This Notice"}}),
       Row(420, {{100, "Amount Billed"}, {900, "$1,215.75"}}), Row(460, {{100, "Plan Paid"}, {900, "$295.09"}})});
  ASSERT_EQ(document.claims.size(), 2u);
  EXPECT_EQ(document.claims[0].billed_cents, 101575);
  EXPECT_EQ(document.claims[0].allowed_cents, 71102);
  EXPECT_EQ(document.claims[0].plan_paid_cents, 16742);
  EXPECT_EQ(document.claims[0].patient_responsibility_cents, 54360);
  EXPECT_EQ(document.claims[1].billed_cents, 20000);
  EXPECT_EQ(document.claims[1].patient_responsibility_cents, 0);
  ASSERT_NE(FindField(document, "total_billed_cents"), nullptr);
  EXPECT_EQ(FindField(document, "total_billed_cents")->cents, 121575);
  EXPECT_EQ(FindField(document, "total_billed_cents")->read_by, "summary: label_next_cell: amount billed");
  ASSERT_NE(FindField(document, "total_plan_paid_cents"), nullptr);
  EXPECT_EQ(FindField(document, "total_plan_paid_cents")->cents, 29509);
}

// A statement mailed in a window envelope names its guarantor only as the addressee: the name over
// the street and town lines. The sender's own address block, an organisation's, is not a person.
TEST(Extract, TheAddresseeIsTheGuarantor) {
  Document document = Extracted(
      DocumentKind::kBill,
      {Row(40, {{100, "ClearPath Diagnostic Laboratories"}}), Row(80, {{100, "1069 Medical Plaza Dr"}}),
       Row(120, {{100, "Riverton, WI 53704"}}), Row(160, {{1500, "Account Number"}}), Row(200, {{1500, "441401348"}}),
       Row(300, {{100, "Harper Okafor"}, {1500, "This statement has been billed to insurance."}}),
       Row(340, {{100, "53 Larkspur Ave"}}), Row(380, {{100, "Apt 4"}}), Row(420, {{100, "Millbrook, OH 44011"}})});
  const Field* guarantor = FindField(document, "guarantor_name");
  ASSERT_NE(guarantor, nullptr);
  EXPECT_EQ(guarantor->text, "Harper Okafor");
  EXPECT_EQ(guarantor->read_by, "addressee");
  EXPECT_EQ(testing::TextRead(document, "mailing_address"), "53 Larkspur Ave, Apt 4, Millbrook, OH 44011");
  EXPECT_EQ(testing::TextRead(document, "sender_address"), "1069 Medical Plaza Dr, Riverton, WI 53704");
}

// A four-digit code is a revenue code under its own column, and the line's code where the table has
// only a code column and prints it there.
TEST(Extract, AFourDigitCodeIsWhatItsColumnSays) {
  auto items_of = [](const std::vector<std::vector<Word>>& rows) {
    return Extracted(DocumentKind::kBill, rows).line_items;
  };
  auto coded = items_of({Row(300, {{100, "Date"}, {600, "Procedure Code"}, {900, "Unit"}, {1200, "Amount Charged"}}),
                         Row(340, {{100, "05/12/2025"}, {300, "ROOM AND BOARD"}, {600, "0120"}, {900, "1"}, {1200, "1,450.00"}}),
                         Row(380, {{100, "05/12/2025"}, {300, "SALINE"}, {600, "A4216"}, {900, "1"}, {1200, "18.50"}})});
  ASSERT_EQ(coded.size(), 2u);
  EXPECT_EQ(coded[0].code, "0120");
  EXPECT_TRUE(coded[0].revenue_code.empty());
  auto with_revenue = items_of({Row(300, {{100, "Service Date"}, {300, "Rev Cd"}, {500, "Procedure Code"}, {1200, "Billed"}}),
                                Row(340, {{100, "04/02/2025"}, {300, "0120"}, {700, "ROOM AND BOARD"}, {1200, "$1,450.00"}}),
                                Row(380, {{100, "04/02/2025"}, {300, "0305"}, {500, "85025"}, {1200, "$98.75"}})});
  ASSERT_EQ(with_revenue.size(), 2u);
  EXPECT_EQ(with_revenue[0].revenue_code, "0120");
  EXPECT_TRUE(with_revenue[0].code.empty());
  EXPECT_EQ(with_revenue[1].code, "85025");
}

// A claim's "Process Date" has the words of a notice's "Date processed": on the claim's lines it is
// the claim's, never the notice's date.
TEST(Extract, AClaimsLabelOnItsLinesIsNotTheNotices) {
  Document document = Extracted(
      DocumentKind::kEob,
      {Row(40, {{100, "Evergreen Care Insurance"}}), Row(100, {{100, "Claim #"}, {900, "8943576315148"}}),
       Row(140, {{100, "Process Date"}, {900, "6/25/25"}}), Row(180, {{100, "Amount Billed"}, {900, "$361.00"}})});
  EXPECT_EQ(FindField(document, "notice_date"), nullptr);
  ASSERT_EQ(document.claims.size(), 1u);
  EXPECT_EQ(document.claims[0].processed_date, "2025-06-25");
}

TEST(Extract, PairsJoinedByLeaderDotsAndSharingALine) {
  Document document = Extracted(
      DocumentKind::kEob, {Row(40, {{100, "Evergreen Care Insurance"}}),
                           Row(100, {{100, "Member Name ........Avery Pemberton"}, {1000, "Group #.........55012"}}),
                           Row(140, {{100, "Member ID ..................... W270666626"}}),
                           Row(180, {{100, "PATIENT"}}), Row(220, {{100, "Reese Ruiz"}})});
  ASSERT_NE(FindField(document, "member_name"), nullptr);
  EXPECT_EQ(FindField(document, "member_name")->text, "Avery Pemberton");
  EXPECT_EQ(FindField(document, "member_id")->text, "W270666626");
  EXPECT_EQ(FindField(document, "group_number")->text, "55012");
  // The label "PATIENT" is never its own value: the name under it is.
  const Field* patient = FindField(document, "patient_name");
  ASSERT_NE(patient, nullptr);
  EXPECT_EQ(patient->text, "Reese Ruiz");
  // A text layer that kept the name's first letter with the leaders: the letter is the name's.
  document = Extracted(DocumentKind::kEob, {Row(40, {{100, "Evergreen Care Insurance"}}),
                                            Row(100, {{100, "MEMBER Emerson Nakamura"}, {900, "Patient ..........D akota Nakamura"}})});
  EXPECT_EQ(testing::TextRead(document, "patient_name"), "Dakota Nakamura");
}

// Other senders' words for the same fields: "Insured" is the member, "Date Prepared" the notice's
// date, "Provider Acct" the patient's account at the provider; a letter's "Client" is the creditor
// the collector works for, its "Current Balance" what it asks, its "Other Charges" the fees and
// whom it was "Originally Owed To" the original creditor.
TEST(Extract, OtherWordsForTheSameFields) {
  Document eob = Extracted(DocumentKind::kEob,
                           {Row(40, {{100, "Evergreen Care Insurance"}}), Row(100, {{100, "Insured"}, {400, "Avery Pemberton"}}),
                            Row(140, {{100, "Date Prepared"}, {400, "6/26/25"}}),
                            Row(200, {{100, "Claim #"}, {400, "8943576315148"}}),
                            Row(240, {{100, "Provider Acct"}, {400, "855261014"}})});
  ASSERT_NE(FindField(eob, "member_name"), nullptr);
  EXPECT_EQ(FindField(eob, "member_name")->text, "Avery Pemberton");
  ASSERT_NE(FindField(eob, "notice_date"), nullptr);
  EXPECT_EQ(FindField(eob, "notice_date")->text, "2025-06-26");
  ASSERT_EQ(eob.claims.size(), 1u);
  EXPECT_EQ(eob.claims[0].patient_account_number, "855261014");
  Document letter = Extracted(DocumentKind::kCollectionLetter,
                              {Row(40, {{100, "Allied Credit Partners"}}),
                               Row(100, {{100, "Client:"}, {500, "Meridian Imaging Center"}}),
                               Row(140, {{100, "Current Balance:"}, {500, "$241.93"}}),
                               Row(180, {{100, "Other Charges"}, {500, "$33.22"}}),
                               Row(220, {{100, "Originally Owed To"}, {500, "Summit Radiology Associates"}})});
  EXPECT_EQ(testing::TextRead(letter, "original_creditor"), "Summit Radiology Associates");
  ASSERT_NE(FindField(letter, "fees_cents"), nullptr);  // the itemization's fees, in other words
  EXPECT_EQ(FindField(letter, "fees_cents")->cents, 3322);
  ASSERT_NE(FindField(letter, "current_creditor"), nullptr);
  EXPECT_EQ(FindField(letter, "current_creditor")->text, "Meridian Imaging Center");
  ASSERT_NE(FindField(letter, "current_amount_cents"), nullptr);
  EXPECT_EQ(FindField(letter, "current_amount_cents")->cents, 24193);
}

}  // namespace
}  // namespace shoebox
