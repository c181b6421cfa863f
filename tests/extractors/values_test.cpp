// What a paper is and what its values are, from hand-placed words (no engines): medical or not,
// separators that are no words, a title that is no sender's name, a label that is no name, the
// sender's and the addressee's addresses.
#include <gtest/gtest.h>

#include "extractors/classify.hpp"
#include "pipeline/core/text.hpp"
#include "tests/extractors/extracted.hpp"
#include "tests/placed_words.hpp"

namespace shoebox {
namespace {

using testing::Extracted;
using testing::FindField;
using testing::Lines;
using testing::Row;
using testing::TextRead;

TEST(IsSeparator, RowsOfMarksAreNotWordsButADashOrABlankToFillIs) {
  for (const char* separator : {"---", "==========", "__________", "......", "*****", "~~~~", "-=-=-=-", "+----+"}) {
    EXPECT_TRUE(IsSeparator(separator)) << separator;
  }
  for (const char* word : {"-", "--", "\u2014", "$____", "12.00-", "(12.00)", "...and", "N/A", "0.00"}) {
    EXPECT_FALSE(IsSeparator(word)) << word;
  }
}

// An invoice worded as a bill (statement date, account number, amount due, a remittance stub) is
// `other` unless it is about medical care; its wording is kept as worded_as, which split uses.
TEST(Classify, ABillIsForMedicalCare) {
  std::vector<std::vector<Word>> invoice = {Row(0, {{0, "Nimbus Cloud Services, Inc."}}),
                                            Row(50, {{0, "Statement Date: 11/02/2025"}}),
                                            Row(100, {{0, "Account Number: 4411-20931"}}),
                                            Row(150, {{0, "Compute instances, general purpose 720 hrs $84.12"}}),
                                            Row(200, {{0, "Incidental usage credit -$1.00"}}),
                                            Row(250, {{0, "Amount Due $83.12"}}),
                                            Row(300, {{0, "Detach and return this portion with your payment."}})};
  classify::Classification cloud = classify::Classify(Lines(invoice));
  EXPECT_EQ(cloud.kind, DocumentKind::kOther);  // "dental" inside "Incidental" is no evidence
  EXPECT_EQ(cloud.worded_as, DocumentKind::kBill);
  // Words said of other things too count only together: insurance alone is not care.
  invoice.push_back(Row(350, {{0, "Shipping insurance included"}}));
  EXPECT_EQ(classify::Classify(Lines(invoice)).kind, DocumentKind::kOther);
  invoice.push_back(Row(400, {{0, "Date of Service: 10/30/2025"}}));
  classify::Classification care = classify::Classify(Lines(invoice));
  EXPECT_EQ(care.kind, DocumentKind::kBill);
  EXPECT_EQ(care.worded_as, DocumentKind::kBill);
  // An EOB is about care by what it is: no list of medical words is asked of it.
  EXPECT_EQ(classify::Classify(Lines({Row(0, {{0, "Explanation of Benefits"}}), Row(50, {{0, "THIS IS NOT A BILL"}})})).kind,
            DocumentKind::kEob);
}

// The sender's name is its heading, never the document's title: where the title is set tallest
// (a Medicare Summary Notice), no line beneath it (a subheading, the addressee) is taken instead.
TEST(Extract, ATitleSetTallestIsNoSendersName) {
  auto tall = [](std::vector<Word> row, int height) {
    for (Word& word : row) word.box_px.y1 = word.box_px.y0 + height;
    return row;
  };
  std::vector<std::vector<Word>> body;  // enough words of body type to tell it
  for (int i = 0; i < 10; ++i) body.push_back(Row(600 + 40 * i, {{100, "Your claims and costs this period"}}));
  std::vector<std::vector<Word>> notice = {tall(Row(40, {{100, "Medicare Summary Notice"}}), 60),
                                           tall(Row(110, {{100, "Part B (Medical Insurance)"}}), 40),
                                           Row(170, {{100, "Avery Castellano"}})};
  notice.insert(notice.end(), body.begin(), body.end());
  EXPECT_EQ(FindField(Extracted(DocumentKind::kMsn, notice), "payer_name"), nullptr);
  std::vector<std::vector<Word>> eob = {tall(Row(40, {{100, "Keystone Health Plan"}}), 60),
                                        tall(Row(110, {{100, "Explanation of Benefits"}}), 40),
                                        Row(170, {{100, "Avery Castellano"}})};
  eob.insert(eob.end(), body.begin(), body.end());
  Document read = Extracted(DocumentKind::kEob, eob);
  const Field* payer = FindField(read, "payer_name");
  ASSERT_NE(payer, nullptr);
  EXPECT_EQ(payer->text, "Keystone Health Plan");
  // A line no taller than the body type is no letterhead, where there is body type enough to tell.
  std::vector<std::vector<Word>> plain = {Row(40, {{100, "Avery Castellano"}})};
  plain.insert(plain.end(), body.begin(), body.end());
  EXPECT_EQ(FindField(Extracted(DocumentKind::kEob, plain), "payer_name"), nullptr);
}

// An identifier's noun is one word however printed: "Member #" and "Member No" are "Member ID",
// and so is "Member 1D", its I misread as a thin stroke.
// A label OCR misread is no name: "Sve Dt" beside a patient's label is not the patient.
TEST(Extract, AnIdentifiersNounAndAMisreadLabelIsNoName) {
  for (const char* label : {"Member #:", "Member No:", "Member Number:", "Member 1D:"}) {
    Document eob = Extracted(DocumentKind::kEob, {Row(40, {{100, "Explanation of Benefits"}}),
                                                  Row(100, {{100, "Member: Avery Okafor"}}),
                                                  Row(160, {{100, label}, {600, "W123456789"}})});
    ASSERT_NE(FindField(eob, "member_id"), nullptr) << label;
    EXPECT_EQ(FindField(eob, "member_id")->text, "W123456789");
  }
  Document eob = Extracted(DocumentKind::kEob, {Row(40, {{100, "Explanation of Benefits"}}),
                                                Row(100, {{100, "Patient:"}, {600, "Sve Dt"}})});
  EXPECT_EQ(FindField(eob, "patient_name"), nullptr);
}

// A name ends at its last word of letters: the account number printed after the provider's name is
// not part of it.
TEST(Extract, ANumberAfterANameIsNotPartOfIt) {
  Document eob = Extracted(DocumentKind::kMsn, {Row(40, {{100, "Medicare Summary Notice"}}),
                                                Row(100, {{100, "Claim Number: 2025034411827"}}),
                                                Row(140, {{100, "Provider: Crestwood Family Medicine 639907308"}}),
                                                Row(180, {{100, "Amount Medicare Paid"}, {900, "$80.00"}})});
  ASSERT_EQ(eob.claims.size(), 1u);
  EXPECT_EQ(eob.claims[0].provider_name, "Crestwood Family Medicine");
}

// A word of a name is no label: "Credit" of "Allied Credit Partners" has no credits under it; and
// no person is named with the words of a column header ("Copay Responsibility").
TEST(Extract, AWordOfANameOrAHeadersWordsAreNoLabelAndNoName) {
  Document letter = Extracted(DocumentKind::kCollectionLetter,
                              {Row(40, {{100, "Allied Credit Partners"}}), Row(80, {{100, "$241.93"}}),
                               Row(160, {{100, "Total Amount Due:"}, {600, "$241.93"}})});
  EXPECT_EQ(FindField(letter, "credits_cents"), nullptr);
  Document eob = Extracted(DocumentKind::kEob, {Row(40, {{100, "Explanation of Benefits"}}),
                                                Row(100, {{900, "Member"}}),
                                                Row(140, {{900, "Copay Responsibility"}})});
  EXPECT_EQ(FindField(eob, "member_name"), nullptr);
}

// Where a letter is to be sent and whom it comes from, as the page prints the two addresses: the
// sender's street and town in one line (split where it is printed apart, so a town of two words
// stays whole) or a PO box; the addressee's under a labelled name, the town's dropped comma put
// back. A street under a person's name is never the sender's.
TEST(Extract, TheSendersAndTheAddresseesAddresses) {
  std::vector<std::vector<Word>> bill = {
      Row(40, {{100, "Summit Radiology Associates"}}),
      Row(80, {{100, "4410 Medical Plaza Dr"}, {540, "Cedar Falls, PA 17102"}}),
      Row(160, {{1500, "Statement Date"}, {1800, "07/14/2025"}}),
      Row(200, {{1500, "Amount Due"}, {1800, "$263.00"}}),
      Row(300, {{100, "Guarantor: Ann Lee"}}), Row(340, {{100, "418 Juniper Lane"}}), Row(380, {{100, "Ashby, MO 63101"}})};
  Document read = Extracted(DocumentKind::kBill, bill);
  EXPECT_EQ(TextRead(read, "sender_address"), "4410 Medical Plaza Dr, Cedar Falls, PA 17102");
  EXPECT_EQ(TextRead(read, "mailing_address"), "418 Juniper Lane, Ashby, MO 63101");

  std::vector<std::vector<Word>> letter = {
      Row(40, {{100, "North South Group"}}), Row(80, {{100, "PO Box 4410, Springdale, AR 72764"}}),
      Row(200, {{100, "Ann Lee"}}), Row(240, {{100, "418 Juniper Lane"}}), Row(280, {{100, "Ashby MO 63101"}}),
      Row(360, {{100, "North South Group is a debt collector."}})};
  read = Extracted(DocumentKind::kCollectionLetter, letter);
  EXPECT_EQ(TextRead(read, "sender_address"), "PO Box 4410, Springdale, AR 72764");
  EXPECT_EQ(TextRead(read, "mailing_address"), "418 Juniper Lane, Ashby, MO 63101");  // the comma OCR dropped

  // A comma misread inside the street does not move the split from where the line is printed apart,
  // and printed evenly spaced the street ends at its street type.
  bill[1] = Row(80, {{100, "1836 Medical, Plaza Dr"}, {490, "Fairhaven, MN 55401"}});
  EXPECT_EQ(TextRead(Extracted(DocumentKind::kBill, bill), "sender_address"), "1836 Medical, Plaza Dr, Fairhaven, MN 55401");
  bill[1] = Row(80, {{100, "1836 Medical Plaza Dr Glen Ellyn, IL 60137"}});
  EXPECT_EQ(TextRead(Extracted(DocumentKind::kBill, bill), "sender_address"), "1836 Medical Plaza Dr, Glen Ellyn, IL 60137");

  std::vector<std::vector<Word>> addressed_only = {Row(40, {{100, "Ann Lee"}}), Row(80, {{100, "418 Juniper Lane"}}),
                                                   Row(120, {{100, "Ashby, MO 63101"}}),
                                                   Row(200, {{100, "Statement Date"}, {800, "07/14/2025"}})};
  EXPECT_EQ(TextRead(Extracted(DocumentKind::kBill, addressed_only), "sender_address"), "(not read)");
}

// The patient's date of birth, however labelled, beside the name on one line or under its label, and
// never a date of service's ("DOS" is not "DOB").
TEST(Extract, ThePatientsDateOfBirth) {
  std::vector<std::vector<Word>> bill = {
      Row(40, {{100, "Summit Radiology Associates"}}),
      Row(160, {{1500, "Statement Date"}, {1800, "07/14/2025"}}),
      Row(200, {{1500, "Amount Due"}, {1800, "$263.00"}}),
      Row(300, {{100, "Patient: Ann Lee"}, {800, "DOB: 03/04/1961"}}),
      Row(340, {{100, "DOS: 06/02/2025"}})};
  Document read = Extracted(DocumentKind::kBill, bill);
  EXPECT_EQ(TextRead(read, "patient_birth_date"), "1961-03-04");
  EXPECT_EQ(TextRead(read, "patient_name"), "Ann Lee");
  bill[3] = Row(300, {{100, "Patient: Ann Lee DOB 03/04/1961"}});  // no colon: a label still, after a name
  read = Extracted(DocumentKind::kBill, bill);
  EXPECT_EQ(TextRead(read, "patient_name"), "Ann Lee");
  EXPECT_EQ(TextRead(read, "patient_birth_date"), "1961-03-04");
  bill[3] = Row(300, {{100, "Patient Name"}, {800, "Date of Birth"}});
  bill[4] = Row(340, {{100, "Ann Lee"}, {800, "March 4, 1961"}});
  EXPECT_EQ(TextRead(Extracted(DocumentKind::kBill, bill), "patient_birth_date"), "1961-03-04");

  std::vector<std::vector<Word>> eob = {
      Row(40, {{100, "Great Lakes Mutual Health"}}), Row(120, {{100, "Explanation of Benefits"}}),
      Row(200, {{100, "Member ID: W354799679"}, {900, "Birth Date 11/30/1987"}}),
      Row(240, {{100, "Patient: Morgan Abernathy"}})};
  EXPECT_EQ(TextRead(Extracted(DocumentKind::kEob, eob), "patient_birth_date"), "1987-11-30");
  bill.pop_back();
  bill.pop_back();
  bill.push_back(Row(300, {{100, "DOS 06/02/2025"}}));
  EXPECT_EQ(TextRead(Extracted(DocumentKind::kBill, bill), "patient_birth_date"), "(not read)");
}

// A label's word ending a description ("OFFICE VISIT EST PATIENT") is no label: the description
// under it is no patient's name.
TEST(Extract, ALabelsWordEndingADescriptionIsNoLabel) {
  Document read = Extracted(
      DocumentKind::kBill,
      {Row(40, {{100, "Crestwood Family Medicine"}}), Row(160, {{1500, "Statement Date"}, {1800, "03/11/2025"}}),
       Row(300, {{100, "Date"}, {400, "Code"}, {700, "Description"}, {1500, "Charges"}}),
       Row(340, {{100, "01/13/2025"}, {400, "99213"}, {700, "OFFICE VISIT EST PATIENT"}, {1500, "185.00"}}),
       Row(380, {{100, "01/13/2025"}, {400, "93010"}, {700, "ECG INTERPRETATION"}, {1500, "42.00"}})});
  EXPECT_EQ(TextRead(read, "patient_name"), "(not read)");
  EXPECT_EQ(read.line_items.size(), 2u);
}

// A label's word inside a sentence ("the date of this letter") is no label: the date on the line
// under it is the itemization's, and the letter's date is the one printed alone at the top.
TEST(Extract, ALabelsWordInASentenceIsNoLabel) {
  Document read = Extracted(DocumentKind::kCollectionLetter,
                            {Row(40, {{100, "Pinecrest Collection Bureau"}}), Row(120, {{100, "11/27/2025"}}),
                             Row(200, {{100, "Pinecrest Collection Bureau is a debt collector."}}),
                             Row(280, {{100, "As of the date of this letter, you owe $421.72."}}),
                             Row(320, {{100, "As of 10/18/2025"}, {900, "Interest Charged"}})});
  EXPECT_EQ(TextRead(read, "letter_date"), "2025-11-27");
}

}  // namespace
}  // namespace shoebox
