// classify and extract on hand-placed words (no engines), then on the CFPB model notice.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "extractors/arithmetic.hpp"
#include "extractors/classify.hpp"
#include "extractors/extract.hpp"
#include "extractors/kinds/kind.hpp"
#include "extractors/labels.hpp"
#include "pipeline/core/text.hpp"
#include "pipeline/reading/ingest.hpp"
#include "pipeline/reading/layout.hpp"
#include "tests/extractors/extracted.hpp"
#include "tests/placed_words.hpp"
#include "tests/test_support.hpp"

namespace shoebox {
namespace {

using testing::Extracted;
using testing::FindField;
using testing::Lines;
using testing::Row;

// A box drawn too short ("Name:" 20 px beside "Patient" 27, as OCR boxed it on an enlarged scan)
// does not shrink the gap that separates cells: 36 px is a word space at 27 px, not at 20.
TEST(LabelToken, LowercaseWithoutThePunctuationAndStrayMarksAround) {
  EXPECT_EQ(LabelToken("Date:"), "date");
  EXPECT_EQ(LabelToken("\u2018Total"), "total");  // a fax's stray quote mark
  EXPECT_EQ(LabelToken("|Charges\u201d"), "charges");
  EXPECT_EQ(LabelToken("Patient's"), "patient's");
  EXPECT_EQ(LabelToken("#"), "#");
}

TEST(LabelWordsAt, AShortWordOnlyByAThinStrokeBesideAnExactOne) {
  auto at = [](std::vector<std::string> printed, std::vector<std::string> label) {
    return extractors::LabelWordsAt(printed, 0, label, /*tolerant=*/true);
  };
  EXPECT_TRUE(at({"member", "1d"}, {"member", "id"}));   // 1 for I
  EXPECT_TRUE(at({"member", "1d"}, {"member", "number"}));  // "ID", the identifier's noun
  EXPECT_FALSE(at({"member", "io"}, {"member", "id"}));  // o for d is no thin stroke
  EXPECT_FALSE(at({"1d"}, {"id"}));                      // alone, nothing vouches for it
  EXPECT_FALSE(at({"member", "1"}, {"member", "id"}));   // a letter missing
  EXPECT_TRUE(at({"you", "gwe"}, {"you", "owe"}));       // three letters: one slip, as before
}

TEST(LabelWordsAt, AnAbbreviationWithOneLetterMisreadBesideAnExactWord) {
  auto at = [](std::vector<std::string> printed, std::vector<std::string> label) {
    return extractors::LabelWordsAt(printed, 0, label, /*tolerant=*/true);
  };
  EXPECT_TRUE(at({"sve", "date"}, {"service", "date"}));      // "Sve Dt" is "Svc Dt"
  EXPECT_FALSE(at({"sve"}, {"service"}));                     // alone, nothing vouches for it
  EXPECT_FALSE(at({"not", "billed"}, {"total", "billed"}));   // "not" is a word labels print
  EXPECT_FALSE(at({"sv", "date"}, {"service", "date"}));      // two letters could be anything
}

TEST(Classify, KindsFromTellTalePhrases) {
  auto kind_of = [](const std::vector<std::vector<Word>>& rows) { return classify::Classify(Lines(rows)).kind; };
  EXPECT_EQ(kind_of({Row(0, {{0, "Explanation of Benefits"}}), Row(50, {{0, "THIS IS NOT A BILL"}}),
                     Row(100, {{0, "Amount Due"}})}),
            DocumentKind::kEob);
  EXPECT_EQ(kind_of({Row(0, {{0, "Medicare Summary Notice"}}), Row(50, {{0, "Maximum You May Be Billed"}})}),
            DocumentKind::kMsn);
  EXPECT_EQ(kind_of({Row(0, {{0, "This is a communication from a debt collector."}})}), DocumentKind::kCollectionLetter);
  EXPECT_EQ(kind_of({Row(0, {{0, "Statement Date: 01/05/2025"}}), Row(50, {{0, "Patient: Avery Okafor"}}),
                     Row(100, {{0, "Amount Due $12.00"}})}),
            DocumentKind::kBill);
  auto other = classify::Classify(Lines({Row(0, {{0, "Corner Street Pharmacy receipt"}})}));
  EXPECT_EQ(other.kind, DocumentKind::kOther);
  EXPECT_GT(other.confidence, 0.5);
}

// "or" is half as tall as "paid" in the same type, and a photographed "of" half as tall as "the":
// no new cell. A letterhead in large capitals beside a label in body type is one.
TEST(Labels, DictionaryParsesAndCoversEveryScope) {
  auto labels = extractors::ParseLabels("# comment\nbill\tamount_due_cents\tAmount Due:\n\nbroken row\n");
  ASSERT_EQ(labels.size(), 1u);
  EXPECT_EQ(labels[0].tokens, (std::vector<std::string>{"amount", "due"}));
  std::set<std::string> scopes;
  for (const auto& label : extractors::Labels()) scopes.insert(label.scope);
  // Every scope is read: the kinds table's label readers, and the tables and claims of the engine.
  std::set<std::string> read = {"bill_column", "claim", "claim_column"};
  for (const extractors::KindSpec* kind : extractors::Kinds()) {
    for (const extractors::FieldReader& reader : kind->fields) {
      if (reader.reader == extractors::Reader::kLabels) read.insert(std::string(reader.field));
    }
  }
  EXPECT_EQ(scopes, read);
  EXPECT_EQ(read.size(), 7u);
}

// A label's words are read through label_words.tsv: abbreviations stand for their word, and the
// small words between may be there or not, in any order; a label of one word and fillers keeps them.
TEST(Labels, AbbreviationsFillersAndWordOrder) {
  auto labels = extractors::ParseLabels("claim\tdeductible_cents\tApplied to Deductible\nbill\tdue_date\tPay By\n");
  ASSERT_EQ(labels.size(), 2u);
  EXPECT_EQ(labels[0].tokens, (std::vector<std::string>{"applied", "deductible"}));
  EXPECT_FALSE(labels[0].in_order);
  EXPECT_EQ(labels[1].tokens, (std::vector<std::string>{"pay", "by"}));
  EXPECT_TRUE(labels[1].in_order);
  auto words = [](std::initializer_list<const char*> printed) {
    std::vector<std::string> out;
    for (const char* word : printed) out.push_back(extractors::LabelWord(word));
    return out;
  };
  EXPECT_EQ(extractors::LabelWord("Amt"), "amount");
  EXPECT_EQ(extractors::LabelWord("#"), "number");
  using extractors::LabelMatch;
  auto end = [](const std::vector<std::string>& printed, const extractors::Label& label, LabelMatch how) {
    return extractors::LabelEndAt(printed, 0, label, how);
  };
  EXPECT_EQ(end(words({"Ded", "applied"}), labels[0], LabelMatch::kAnyOrder), 2u);
  EXPECT_FALSE(end(words({"Ded", "applied"}), labels[0], LabelMatch::kInOrder));
  EXPECT_EQ(end(words({"Applied", "to", "the", "Ded", "$5.00"}), labels[0], LabelMatch::kInOrder), 4u);
  EXPECT_FALSE(end(words({"Pay", "online"}), labels[1], LabelMatch::kAnyOrder));  // "by" is this label's word
  EXPECT_FALSE(end(words({"of", "Applied", "Deductible"}), labels[0], LabelMatch::kAnyOrder));  // starts on a filler
}

// "Pat. Acct. Nbr" is the dictionary's "Patient Account Number", "Paid by Plan" its "Plan Paid" (no
// row of labels.tsv holds either wording), and a label printed whole beside its value wins over one
// a wrapped header would join from two rows.
TEST(Extract, LabelsAbbreviatedReorderedAndBesideTheirValues) {
  Document document = Extracted(DocumentKind::kEob, {Row(40, {{100, "Evergreen Care Insurance"}}),
                                                     Row(100, {{100, "Subscriber"}, {1500, "Avery Pemberton"}}),
                                                     Row(140, {{100, "PATIENT"}, {1500, "Reese Pemberton"}}),
                                                     Row(180, {{100, "Claim Number"}, {1500, "5688967636148"}}),
                                                     Row(220, {{100, "Pat. Acct. Nbr"}, {1500, "924725815"}}),
                                                     Row(260, {{100, "Total Paid by Plan"}, {1500, "$120.00"}}),
                                                     Row(300, {{100, "Provider"}, {1500, "_Summit Radiology|"}})});
  ASSERT_EQ(document.claims.size(), 1u);
  EXPECT_EQ(document.claims[0].provider_name, "Summit Radiology");  // a form's rule at its edges is no letter
  ASSERT_NE(FindField(document, "patient_name"), nullptr);
  EXPECT_EQ(FindField(document, "patient_name")->text, "Reese Pemberton");
  ASSERT_FALSE(document.claims.empty());
  EXPECT_EQ(document.claims[0].patient_account_number, "924725815");
  ASSERT_NE(FindField(document, "total_plan_paid_cents"), nullptr);
  EXPECT_EQ(FindField(document, "total_plan_paid_cents")->cents, 12000);
}

// A letterhead set close beside the statement's first label ends where the label begins, and a
// label's own noun ("Provider Name", "Payment Due") belongs to the label, not to the value under it.
TEST(Extract, LetterheadsAndLabelsEndWhereTheyShould) {
  std::vector<Word> header = Row(40, {{100, "VALLEY VIEW HEALTH SYSTEM"}});
  for (Word& word : header) word.box_px.y1 = 78;  // the name is printed large, the label beside it not
  std::vector<Word> label = Row(40, {{528, "Date of Statement"}, {1500, "05/23/2025"}});
  header.insert(header.end(), label.begin(), label.end());
  Document bill = Extracted(DocumentKind::kBill, {header, Row(140, {{100, "Payment Due"}, {1500, "06/22/2025"}}),
                                                  Row(180, {{100, "Amount Due"}, {1500, "$5,486.97"}})});
  ASSERT_NE(FindField(bill, "provider_name"), nullptr);
  EXPECT_EQ(FindField(bill, "provider_name")->text, "VALLEY VIEW HEALTH SYSTEM");
  ASSERT_NE(FindField(bill, "due_date"), nullptr);
  EXPECT_EQ(FindField(bill, "due_date")->text, "2025-06-22");
  Document eob = Extracted(DocumentKind::kEob, {Row(40, {{100, "Evergreen Care Insurance"}}),
                                                Row(100, {{100, "Claim Number"}, {700, "Provider Name"}}),
                                                Row(140, {{100, "5688967636148"}, {700, "Crestwood Family Medicine"}}),
                                                Row(200, {{100, "Total Paid by Plan"}, {1500, "$120.00"}})});
  ASSERT_FALSE(eob.claims.empty());
  EXPECT_EQ(eob.claims[0].provider_name, "Crestwood Family Medicine");
}

TEST(Extract, ANameRunIntoTheNextLabelIsSplitAndTheLabelRestored) {
  // A scan where Tesseract read "CENTER" (large capitals) and "Statement" as one word, misread.
  std::vector<Word> header = Row(40, {{100, "SAINT MERCY MEDICAL"}});
  header.push_back({"CENTERiatement", {408, 40, 840, 80}, 0.7});
  for (Word& word : header) word.box_px.y1 = 80;  // the name is printed large
  std::vector<Word> rest = Row(45, {{852, "Date: 06/21/2025"}});
  header.insert(header.end(), rest.begin(), rest.end());
  Document document = Extracted(DocumentKind::kBill, {header, Row(140, {{100, "Amount Due"}, {900, "$573.44"}})});
  ASSERT_NE(FindField(document, "statement_date"), nullptr);
  EXPECT_EQ(FindField(document, "statement_date")->text, "2025-06-21");
  ASSERT_NE(FindField(document, "provider_name"), nullptr);
  EXPECT_EQ(FindField(document, "provider_name")->text, "SAINT MERCY MEDICAL CENTER");
  // The same cut in the wrong place: "CENTER" and "iatement" as two words that touch.
  std::vector<Word> cut = Row(40, {{100, "SAINT MERCY MEDICAL"}});
  cut.push_back({"CENTER", {408, 40, 600, 80}, 0.0});
  cut.push_back({"iatement", {606, 40, 840, 80}, 0.0});
  std::vector<Word> cut_rest = Row(45, {{852, "Date: 06/21/2025"}});
  cut.insert(cut.end(), cut_rest.begin(), cut_rest.end());
  Document again = Extracted(DocumentKind::kBill, {cut, Row(140, {{100, "Amount Due"}, {900, "$573.44"}})});
  ASSERT_NE(FindField(again, "statement_date"), nullptr);
  EXPECT_EQ(FindField(again, "statement_date")->text, "2025-06-21");
  // Capitals followed by an ordinary word are left alone.
  Document other;
  other.kind = DocumentKind::kBill;
  std::vector<Word> plain = Row(40, {{100, "ACMEwidgets Inc"}});
  extractors::Extract(Lines({plain}), other);
  ASSERT_NE(FindField(other, "provider_name"), nullptr);
  EXPECT_EQ(FindField(other, "provider_name")->text, "ACMEwidgets Inc");
}

// Worse: "Billing" three letters off ("iining"; "iaiting", four off, two of them thin strokes read
// for one another) and "Date" misread as "pate". Three slips are taken only because the next word
// reads as the label's next word; the label then matches with one slip in "pate".
TEST(Extract, AGluedLabelThreeLettersOffIsRestoredWhereTheLabelGoesOn) {
  for (const char* glued : {"CENTERiining", "CENTERiaiting"}) {
    std::vector<Word> header = Row(40, {{100, "SAINT MERCY MEDICAL"}});
    header.push_back({glued, {408, 40, 800, 80}, 0.6});
    for (Word& word : header) word.box_px.y1 = 80;
    std::vector<Word> rest = Row(45, {{812, "pate: 08/24/2025"}});
    header.insert(header.end(), rest.begin(), rest.end());
    Document document = Extracted(DocumentKind::kBill, {header, Row(140, {{100, "Amount Due"}, {900, "$707.93"}})});
    ASSERT_NE(FindField(document, "statement_date"), nullptr) << glued;
    EXPECT_EQ(FindField(document, "statement_date")->text, "2025-08-24");
  }
  // Without the label's next word, three slips are not enough.
  std::vector<Word> alone = Row(40, {{100, "SAINT MERCY MEDICAL"}});
  alone.push_back({"CENTERiining", {408, 40, 800, 80}, 0.6});
  Document other = Extracted(DocumentKind::kBill, {alone});
  ASSERT_NE(FindField(other, "provider_name"), nullptr);
  EXPECT_EQ(FindField(other, "provider_name")->text, "SAINT MERCY MEDICAL CENTERiining");
}

TEST(Extract, BillFieldsBesideAndUnderTheirLabels) {
  Document document = Extracted(
      DocumentKind::kBill,
      {Row(40, {{100, "VALLEY VIEW HEALTH SYSTEM"}}), Row(100, {{100, "Patient Account Number:"}, {900, "556677889"}}),
       Row(140, {{100, "Statement Date: 03/04/2025"}}), Row(180, {{100, "Total Charges"}, {900, "$1,840.00"}}),
       Row(220, {{100, "Insurance Payments"}, {900, "$1,200.00"}}), Row(260, {{100, "Amount Due"}}),
       Row(300, {{100, "$640.00"}})});
  ASSERT_NE(FindField(document, "account_number"), nullptr);
  EXPECT_EQ(FindField(document, "account_number")->text, "556677889");
  EXPECT_EQ(FindField(document, "patient_name"), nullptr);  // "Patient" belongs to the longer label
  EXPECT_EQ(FindField(document, "statement_date")->text, "2025-03-04");
  EXPECT_EQ(FindField(document, "total_charges_cents")->cents, 184000);
  EXPECT_EQ(FindField(document, "amount_due_cents")->cents, 64000);  // read from the line below
  EXPECT_EQ(FindField(document, "provider_name")->text, "VALLEY VIEW HEALTH SYSTEM");
  const Field* due = FindField(document, "amount_due_cents");
  EXPECT_EQ(due->box_px.y0, 300);
  EXPECT_NEAR(due->confidence, 0.9 * 0.95, 1e-9);
  // Each says which reading rule found it and by what label.
  EXPECT_EQ(FindField(document, "account_number")->read_by, "label_next_cell: patient account number");
  EXPECT_EQ(FindField(document, "statement_date")->read_by, "label_then_value: statement date");
  EXPECT_EQ(due->read_by, "label_above_value: amount due");
  EXPECT_EQ(FindField(document, "provider_name")->read_by, "letterhead");
  ASSERT_EQ(document.checks.size(), 1u);
  EXPECT_EQ(document.checks[0].name, "amount_due_equals_charges_less_credits");
  EXPECT_TRUE(document.checks[0].ok);
}

TEST(Extract, ArithmeticThatFailsIsRecordedNotHidden) {
  Document document = Extracted(DocumentKind::kBill, {Row(100, {{100, "Total Charges"}, {900, "$100.00"}}),
                                                      Row(140, {{100, "Amount Due"}, {900, "$90.00"}})});
  ASSERT_EQ(document.checks.size(), 1u);
  EXPECT_FALSE(document.checks[0].ok);
  EXPECT_EQ(document.checks[0].detail, "off by 10.00");
}

TEST(Extract, OneMisreadDigitIsRepairedAndRecorded) {
  Document document = Extracted(
      DocumentKind::kBill, {Row(100, {{100, "Date Code Description Charges"}}),
                            Row(140, {{100, "03/01/2025 99284 ER VISIT"}, {900, "$1,740.00"}}),  // printed $1,240.00
                            Row(180, {{100, "03/01/2025 71046 CHEST X-RAY"}, {900, "$600.00"}}),
                            Row(260, {{100, "Total Charges"}, {900, "$1,840.00"}})});
  ASSERT_EQ(document.line_items.size(), 2u);
  EXPECT_EQ(document.line_items[0].charge_cents, 124000);
  EXPECT_NEAR(document.line_items[0].confidence, 0.9 * 0.8, 1e-9);
  ASSERT_EQ(document.checks.size(), 1u);
  EXPECT_TRUE(document.checks[0].ok);
  EXPECT_EQ(document.checks[0].detail, "repaired line 1 charge: read 1740.00 as 1240.00");
}

TEST(Arithmetic, AmbiguousRepairsAreRefused) {
  Cents a = 1000, b = 1000, total = 2600;  // 1600 + 1000 or 1000 + 1600: two readings fit
  Check check = extractors::CheckIdentity("sum", {{&a, +1, "a"}, {&b, +1, "b"}, {&total, -1, "total"}});
  EXPECT_FALSE(check.ok);
  EXPECT_EQ(check.detail, "off by -6.00; several readings would fix it");
  EXPECT_EQ(a, 1000);
  EXPECT_EQ(b, 1000);
}

// A line's allowed amount could be "read" 30.34 → 39.34 to absorb a copay of 0.00 misread 9.00, but
// the allowed column's total holds as read: that reading is refused, and the copay column's total
// (0.00) leaves one reading for the copay, after which the line adds up too.
TEST(Arithmetic, ARepairNeverBreaksWhatHoldsAndOneRepairSettlesAnother) {
  Cents allowed = 3034, paid = 0, copay = 900, deductible = 3034;        // line 1
  Cents allowed_2 = 4592, paid_2 = 4592, copay_2 = 0, deductible_2 = 0;  // line 2
  Cents total_allowed = 7626, total_copay = 0;
  std::vector<Check> checks = extractors::CheckIdentities(
      {{"line_1", {{&allowed, -1, "line 1 allowed"}, {&paid, +1, "line 1 paid"}, {&copay, +1, "line 1 copay"},
                   {&deductible, +1, "line 1 deductible"}}},
       {"line_2", {{&allowed_2, -1, "line 2 allowed"}, {&paid_2, +1, "line 2 paid"}, {&copay_2, +1, "line 2 copay"},
                   {&deductible_2, +1, "line 2 deductible"}}},
       {"allowed_column", {{&total_allowed, -1, "allowed"}, {&allowed, +1, "line 1 allowed"}, {&allowed_2, +1, "line 2 allowed"}}},
       {"copay_column", {{&total_copay, -1, "copay"}, {&copay, +1, "line 1 copay"}, {&copay_2, +1, "line 2 copay"}}}});
  ASSERT_EQ(checks.size(), 4u);
  for (const Check& check : checks) EXPECT_TRUE(check.ok) << check.name << ": " << check.detail;
  EXPECT_EQ(copay, 0);
  EXPECT_EQ(allowed, 3034);
  EXPECT_EQ(checks[3].detail, "repaired line 1 copay: read 9.00 as 0.00");
}

TEST(Extract, EobClaim) {
  Document document =
      Extracted(DocumentKind::kEob,
                {Row(40, {{100, "Keystone Health Plan"}}), Row(100, {{100, "Claim Number: 2025034411827"}}),
                 Row(140, {{100, "Processed Date: 03/21/2025"}}), Row(180, {{100, "Plan Paid"}, {900, "$800.00"}}),
                 Row(220, {{100, "What You Owe"}, {900, "$150.00"}})});
  ASSERT_EQ(document.claims.size(), 1u);
  const Claim& claim = document.claims[0];
  EXPECT_EQ(claim.claim_number, "2025034411827");
  EXPECT_EQ(claim.processed_date, "2025-03-21");
  EXPECT_EQ(claim.plan_paid_cents, 80000);
  EXPECT_EQ(claim.patient_responsibility_cents, 15000);
  EXPECT_EQ(claim.status, ClaimStatus::kProcessed);
  EXPECT_EQ(FindField(document, "payer_name")->text, "Keystone Health Plan");
}

// A claim's own figures labelled with the words its column would be headed by ("Not Covered",
// "Approved"), several to a line.
TEST(Extract, EobClaimFiguresLabelledAsTheirColumnsAre) {
  Document document = Extracted(
      DocumentKind::kEob,
      {Row(40, {{100, "Evergreen Care Insurance"}}), Row(100, {{100, "Claim # 4737092351630"}}),
       Row(140, {{100, "Amount Charged"}, {420, "$263.00"}, {700, "Not Covered"}, {980, "$0.00"}, {1260, "Approved"},
                 {1540, "$142.02"}}),
       Row(180, {{100, "Applied to Deductible"}, {420, "$142.02"}, {700, "Copayment"}, {980, "$0.00"},
                 {1260, "Amount Paid"}, {1540, "$0.00"}}),
       Row(220, {{100, "What You Owe"}, {420, "$142.02"}})});
  ASSERT_EQ(document.claims.size(), 1u);
  testing::ExpectFigures(document.claims[0], &ClaimFigure::of_claim,
                         {{"billed_cents", 26300}, {"not_covered_cents", 0}, {"allowed_cents", 14202},
                          {"deductible_cents", 14202}, {"plan_paid_cents", 0}, {"patient_responsibility_cents", 14202}});
}

// A table that prints what the patient owes but not each share (no copay or coinsurance column),
// its header misread ("Pt Resp" as "PE Resp"): the column is named by owed = allowed - paid.
TEST(Extract, AColumnOwedIsNamedByAllowedLessPaid) {
  Document document = Extracted(
      DocumentKind::kEob,
      {Row(40, {{100, "Great Lakes Mutual Health"}}), Row(100, {{100, "Claim Number: 2602861392129"}}),
       Row(300, {{100, "Code"}, {330, "Service Date"}, {600, "Charges"}, {800, "Approved"}, {1000, "Plan Paid"},
                 {1200, "Ded"}, {1400, "PE Resp"}}),
       Row(350, {{100, "80053"}, {330, "05/31/2025"}, {600, "$214.50"}, {800, "$137.28"}, {1000, "0.00"},
                 {1200, "$137.28"}, {1400, "$137.28"}}),
       Row(400, {{100, "99284"}, {330, "05/31/2025"}, {600, "$1,840.00"}, {800, "$1,177.60"}, {1000, "$231.91"},
                 {1200, "$862.72"}, {1400, "$945.69"}})});
  ASSERT_EQ(document.claims.size(), 1u);
  ASSERT_EQ(document.claims[0].lines.size(), 2u);
  EXPECT_EQ(document.claims[0].lines[0].patient_responsibility_cents, 13728);
  EXPECT_EQ(document.claims[0].lines[1].patient_responsibility_cents, 94569);
}

// A claim itemized line by line, as a fax reads it: the Deductible header lost, a rule glued to
// "Coinsurance", "Owe" misread, a decimal comma, a remark code with ] for 1, descriptions on a line
// of their own. The lines are read, the headerless column is named by each line's arithmetic, and
// the claim's own figures come from its totals, not from the table's headers.
TEST(Extract, EobClaimLinesUnderTheirHeaders) {
  Document document =
      Extracted(DocumentKind::kEob,
                {Row(40, {{100, "Keystone Health Plan"}}), Row(100, {{100, "Claim Number: 2025034411827"}}),
                 Row(140, {{100, "Service Date: 03/02/2025"}}),
                 Row(300, {{100, "Service Date"},
                           {330, "Code"},
                           {450, "Billed"},
                           {600, "Allowed"},
                           {900, "Copay"},
                           {1020, "——Coinsurance"},
                           {1320, "Plan Paid"},
                           {1500, "You Gwe"},
                           {1650, "Remarks"}}),
                 Row(350, {{100, "03/02/2025"},
                           {330, "99213"},
                           {450, "185.00"},
                           {600, "72.15"},
                           {760, "10.00"},
                           {900, "25.00"},
                           {1100, "7.43"},
                           {1350, "29.72"},
                           {1500, "42.43"},
                           {1650, "PR-1 PR-]"}}),
                 Row(385, {{330, "OFFICE VISIT"}}),
                 Row(430, {{100, "03/02/2025"},
                           {330, "36415"},
                           {450, "25.00"},
                           {600, "9,75"},
                           {760, "0.00"},
                           {900, "0.00"},
                           {1100, "1.95"},
                           {1350, "7.80"},
                           {1500, "1.95"},
                           {1650, "PR-2"}}),
                 Row(465, {{330, "VENIPUNCTURE"}}), Row(540, {{100, "Amount Billed"}, {900, "$210.00"}}),
                 Row(580, {{100, "Deductible"}, {900, "$10.00"}}), Row(620, {{100, "What You Owe"}, {900, "$44.38"}})});
  ASSERT_EQ(document.claims.size(), 1u);
  const Claim& claim = document.claims[0];
  EXPECT_EQ(claim.billed_cents, 21000);
  EXPECT_EQ(claim.deductible_cents, 1000);
  EXPECT_EQ(claim.patient_responsibility_cents, 4438);
  ASSERT_EQ(claim.lines.size(), 2u);
  const ClaimLine& visit = claim.lines[0];
  EXPECT_EQ(visit.date_of_service, "2025-03-02");
  EXPECT_EQ(visit.code, "99213");
  EXPECT_EQ(visit.description, "OFFICE VISIT");
  EXPECT_EQ(visit.billed_cents, 18500);
  EXPECT_EQ(visit.allowed_cents, 7215);
  EXPECT_EQ(visit.deductible_cents, 1000);  // under no header: named by allowed = paid + shares
  EXPECT_EQ(visit.copay_cents, 2500);
  EXPECT_EQ(visit.coinsurance_cents, 743);
  EXPECT_EQ(visit.plan_paid_cents, 2972);
  EXPECT_EQ(visit.patient_responsibility_cents, 4243);
  EXPECT_EQ(visit.remark_codes, (std::vector<std::string>{"PR-1", "PR-1"}));
  const ClaimLine& draw = claim.lines[1];
  EXPECT_EQ(draw.description, "VENIPUNCTURE");
  EXPECT_EQ(draw.allowed_cents, 975);
  EXPECT_EQ(draw.deductible_cents, 0);
  EXPECT_EQ(draw.remark_codes, (std::vector<std::string>{"PR-2"}));
  std::map<std::string, bool> checks;
  for (const Check& check : document.checks) checks[check.name] = check.ok;
  EXPECT_TRUE(checks.at("claim_lines_sum_to_billed_cents"));
  EXPECT_TRUE(checks.at("claim_lines_sum_to_deductible_cents"));
  EXPECT_TRUE(checks.at("claim_lines_sum_to_patient_responsibility_cents"));
  EXPECT_TRUE(checks.at("claim_line_1_allowed_equals_paid_plus_cost_share"));
}

// A dental EOB is an EOB of the kinds table's form "dental": read by the one engine from its table
// entry and labels alone, with each line's tooth under its column and the year's maximum checked.
TEST(Extract, DentalEobByItsKindsTableEntryAlone) {
  std::vector<Line> lines =
      Lines({Row(40, {{100, "Bright Smile Dental Plan"}}), Row(80, {{100, "Dental Explanation of Benefits"}}),
             Row(120, {{100, "Member ID: DN120496874"}}), Row(160, {{100, "Claim Number: 529214793992"}}),
             Row(300, {{100, "Service Date"}, {330, "Code"}, {450, "Tooth"}, {600, "Billed"}, {760, "Allowed"},
                       {900, "Deductible"}, {1100, "Copay"}, {1250, "Coinsurance"}, {1450, "Plan Paid"}, {1650, "You Owe"}}),
             Row(350, {{100, "08/15/2025"}, {330, "D0274"}, {600, "82.00"}, {760, "58.22"}, {900, "0.00"},
                       {1100, "0.00"}, {1250, "0.00"}, {1450, "58.22"}, {1650, "0.00"}}),
             Row(400, {{100, "08/15/2025"}, {330, "D2740"}, {460, "3"}, {600, "1,280.00"}, {760, "972.80"},
                       {900, "50.00"}, {1100, "0.00"}, {1250, "461.40"}, {1450, "461.40"}, {1650, "511.40"}}),
             Row(540, {{100, "What You Owe"}, {900, "$511.40"}}),
             Row(600, {{100, "Annual Maximum Benefit: $1,500.00"}, {900, "Maximum Used to Date: $1,219.37"}}),
             Row(640, {{100, "Remaining Annual Maximum: $280.63"}})});
  classify::Classification kind = classify::Classify(lines);
  EXPECT_EQ(kind.kind, DocumentKind::kEob);
  EXPECT_EQ(kind.form, "dental");
  Document document;
  document.kind = kind.kind;
  document.form = kind.form;
  extractors::Extract(lines, document);
  ASSERT_NE(FindField(document, "annual_maximum_remaining_cents"), nullptr);
  EXPECT_EQ(FindField(document, "annual_maximum_cents")->cents, 150000);
  EXPECT_EQ(FindField(document, "annual_maximum_used_cents")->cents, 121937);
  EXPECT_EQ(FindField(document, "annual_maximum_remaining_cents")->cents, 28063);
  ASSERT_EQ(document.claims.size(), 1u);
  ASSERT_EQ(document.claims[0].lines.size(), 2u);
  EXPECT_EQ(document.claims[0].lines[0].code, "D0274");
  EXPECT_TRUE(document.claims[0].lines[0].details.empty());
  EXPECT_EQ(document.claims[0].lines[1].details,
            (std::vector<std::pair<std::string, std::string>>{{"tooth_number", "3"}}));
  std::map<std::string, bool> checks;
  for (const Check& check : document.checks) checks[check.name] = check.ok;
  EXPECT_TRUE(checks.at("annual_maximum_equals_used_plus_remaining"));
  // The same page without its dental words is a plain EOB, read without the year's maximum.
  Document plain;
  plain.kind = DocumentKind::kEob;
  extractors::Extract(lines, plain);
  EXPECT_EQ(FindField(plain, "annual_maximum_cents"), nullptr);
}

// A photo's small type: the Copay header lost and one coinsurance read "440" without its point. The
// bare number is taken for 4.40 where the line then adds up; a bare number with which the line does
// not add up (the second row's "900") is left out, and the line read as printed.
TEST(Extract, EobClaimLineAmountWithoutItsPoint) {
  Document document = Extracted(DocumentKind::kEob, {Row(40, {{100, "Evergreen Care Insurance"}}),
                                                     Row(100, {{100, "Claim Number: 4243628339706"}}),
                                                     Row(300, {{100, "Service Date"},
                                                               {260, "Code"},
                                                               {390, "Billed"},
                                                               {522, "Allowed"},
                                                               {654, "Deductible"},
                                                               {1000, "Coinsurance"},
                                                               {1124, "Plan Paid"},
                                                               {1279, "You Owe"},
                                                               {1391, "Remarks"}}),
                                                     Row(350, {{100, "06/10/2025"},
                                                               {272, "80061"},
                                                               {388, "98.00"},
                                                               {542, "44.10"},
                                                               {708, "0.00"},
                                                               {861, "0.00"},
                                                               {1015, "440"},
                                                               {1157, "39.70"},
                                                               {1322, "4.40"},
                                                               {1392, "PR-2"}}),
                                                     Row(400, {{100, "06/10/2025"},
                                                               {272, "84443"},
                                                               {388, "112.00"},
                                                               {542, "50.40"},
                                                               {708, "0.00"},
                                                               {861, "0.00"},
                                                               {1015, "5.03"},
                                                               {1157, "45.37"},
                                                               {1322, "5.03"},
                                                               {1392, "900"}})});
  ASSERT_EQ(document.claims.size(), 1u);
  ASSERT_EQ(document.claims[0].lines.size(), 2u);
  const ClaimLine& panel = document.claims[0].lines[0];
  EXPECT_EQ(panel.coinsurance_cents, 440);
  EXPECT_EQ(panel.copay_cents, 0);  // under no header: named by the line's arithmetic
  EXPECT_EQ(panel.plan_paid_cents, 3970);
  EXPECT_EQ(panel.patient_responsibility_cents, 440);
  EXPECT_LT(panel.confidence, 0.9);
  const ClaimLine& hormone = document.claims[0].lines[1];
  EXPECT_EQ(hormone.coinsurance_cents, 503);
  EXPECT_EQ(hormone.patient_responsibility_cents, 503);
  EXPECT_EQ(hormone.description, "900");
}

// The CFPB's model validation notice extracts as its truth file says (where ../shared/data is).
TEST(Extract, CfpbModelNotice) {
  std::string data = testing::TestDataDir();
  if (data.empty()) GTEST_SKIP() << "SHOEBOX_TEST_DATA is not set: the CFPB model notice is not available";
  std::string path = data + "/collection-letters/cfpb-model-validation-notice-en.pdf";
  auto source = ingest::Open(testing::ReadFile(path), {});
  ASSERT_TRUE(source);
  std::vector<Line> lines;
  for (int i = 0; i < (*source)->PageCount(); ++i) {
    auto page = (*source)->LoadPage(i);
    ASSERT_TRUE(page);
    auto page_lines = layout::BuildLines(page->words, page->number);
    lines.insert(lines.end(), page_lines.begin(), page_lines.end());
  }
  Document document;
  document.kind = classify::Classify(lines).kind;
  ASSERT_EQ(document.kind, DocumentKind::kCollectionLetter);
  extractors::Extract(lines, document);
  // Every field of the truth file, exactly.
  auto truth = nlohmann::json::parse(testing::ReadFile(data + "/collection-letters/cfpb-model-validation-notice-en.truth.json"));
  for (const auto& [name, value] : truth["fields"].items()) {
    const Field* field = FindField(document, name);
    ASSERT_NE(field, nullptr) << name;
    if (value.is_number_integer()) {
      EXPECT_EQ(field->cents, value.get<Cents>()) << name;
    } else {
      EXPECT_EQ(field->text, value.get<std::string>()) << name;
    }
  }
}

// An identifier is not a date or an amount: a claim number label followed by a date (the number
// printed elsewhere, or not at all) reads no number, and not the code after the date either.
TEST(Extract, AnIdentifierIsNotADateOrAnAmount) {
  std::vector<Line> lines = Lines({Row(40, {{100, "Great Lakes Mutual Health"}}), Row(80, {{100, "Explanation of Benefits"}}),
                                   Row(160, {{100, "Group Number: 88120-A"}}), Row(200, {{100, "Plan Paid:"}, {500, "$150.00"}}),
                                   Row(240, {{100, "Member ID: $40.00"}}), Row(280, {{100, "Claim #: 11/26/24 99310"}})});
  Document document;
  document.kind = DocumentKind::kEob;
  extractors::Extract(lines, document);
  for (const Claim& claim : document.claims) EXPECT_EQ(claim.claim_number, "");
  EXPECT_EQ(FindField(document, "member_id"), nullptr);
  ASSERT_NE(FindField(document, "group_number"), nullptr);
  EXPECT_EQ(FindField(document, "group_number")->text, "88120-A");
}

// A claim's status comes from where status is said, held to its figures: a column heading with
// "pending" and a glossary's "denied" set none; a status label or a status cell does; a denied
// claim the plan paid on is denied in part.
TEST(Extract, ClaimStatusFromWhereStatusIsSaidAndHeldToTheFigures) {
  auto claim_of = [](const std::string& status_line, const std::string& paid) {
    std::vector<Line> lines = Lines({Row(40, {{100, "Great Lakes Mutual Health"}}), Row(80, {{100, "Explanation of Benefits"}}),
                                     Row(160, {{100, "Claim Number: 529214793992"}}),
                                     Row(200, {{100, "Amount Billed:"}, {500, "$200.00"}}),
                                     Row(240, {{100, "Plan Paid:"}, {500, paid}}),
                                     Row(280, {{100, "What You Owe:"}, {500, "$50.00"}}),
                                     Row(320, {{100, status_line}}),
                                     Row(400, {{100, "Glossary: a denied claim is one your plan did not pay; you may appeal it."}})});
    Document document;
    document.kind = DocumentKind::kEob;
    extractors::Extract(lines, document);
    return document.claims.empty() ? ClaimStatus::kUnknown : document.claims[0].status;
  };
  EXPECT_EQ(claim_of("LESS CHARGES PENDING", "$150.00"), ClaimStatus::kProcessed);
  EXPECT_EQ(claim_of("Claim status: Denied - not a covered service", "$0.00"), ClaimStatus::kDenied);
  EXPECT_EQ(claim_of("Claim status: Denied in part", "$150.00"), ClaimStatus::kPartiallyDenied);
  EXPECT_EQ(claim_of("Pending - in process", "$0.00"), ClaimStatus::kPending);
  EXPECT_EQ(claim_of("Status: Pending", "$150.00"), ClaimStatus::kPending);
}

}  // namespace
}  // namespace shoebox
