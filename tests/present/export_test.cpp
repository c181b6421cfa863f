// export: a database written by hand → the shoebox-export/1 document of EXPORT.md, checked against
// the schema and value by value (no engines).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "pipeline/app/runner.hpp"
#include "pipeline/present/export_csv.hpp"
#include "pipeline/present/export_json.hpp"
#include "pipeline/store/store.hpp"
#include "tests/json_schema.hpp"
#include "tests/test_support.hpp"

namespace shoebox {
namespace {

using nlohmann::json;

SourceResult Source(const std::string& path, const std::string& sha256, Document document) {
  SourceResult source;
  source.path = path;
  source.sha256 = sha256;
  source.status = SourceStatus::kDone;
  Page page;
  page.number = 1;
  page.text_source = TextSource::kTextLayer;
  page.text = "page text";
  source.pages.push_back(page);
  document.first_page = document.last_page = 1;
  source.documents.push_back(std::move(document));
  return source;
}

Document BillDocument() {
  Document bill;
  bill.kind = DocumentKind::kBill;
  bill.kind_confidence = 0.96666;
  bill.fields.push_back({"account_number", "556677889", std::nullopt, 0.95, 1, {10, 20, 30, 40}, "label_next_cell: account number"});
  bill.fields.push_back({"amount_due_cents", "", Cents{15000}, 0.9, 1, {50, 60, 70, 80}});
  bill.fields.push_back({"total_charges_cents", "", Cents{184000}, 0.9, 1, {50, 20, 70, 40}});
  LineItem item;
  item.date_of_service = "2025-02-03";
  item.code = "99284";
  item.description = "ER VISIT";
  item.charge_cents = 184000;
  item.page = 1;
  item.confidence = 0.9;
  bill.line_items.push_back(item);
  bill.checks.push_back({"line_items_sum_to_total_charges", true, ""});
  return bill;
}

Document EobDocument() {
  Document eob;
  eob.kind = DocumentKind::kEob;
  eob.kind_confidence = 1;
  eob.fields.push_back({"member_id", "W123456789", std::nullopt, 0.95, 1, {1, 2, 3, 4}});
  Claim claim;
  claim.claim_number = "2025034411827";
  claim.patient_account_number = "556677889";
  claim.status = ClaimStatus::kProcessed;
  claim.service_date_from = claim.service_date_to = "2025-02-03";
  claim.billed_cents = 184000;
  claim.allowed_cents = 90000;
  claim.plan_paid_cents = 75000;
  claim.patient_responsibility_cents = 15000;
  ClaimLine line;
  line.date_of_service = "2025-02-03";
  line.code = "99284";
  line.billed_cents = 184000;
  line.patient_responsibility_cents = 15000;
  line.remark_codes = {"PR-1"};
  claim.lines.push_back(line);
  eob.claims.push_back(claim);
  return eob;
}

class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::Database::Open(dir_ / "e.db", store::Mode::kReadWrite);
    ASSERT_TRUE(opened);
    db_ = std::move(*opened);
    ASSERT_TRUE(db_->WriteSource(Source("inbox/bill.pdf", std::string(64, 'a'), BillDocument()), false, "t"));
    ASSERT_TRUE(db_->WriteSource(Source("inbox/eob.pdf", std::string(64, 'b'), EobDocument()), false, "t"));
    ASSERT_TRUE(runner::RefreshFindings(*db_, "2025-04-01"));
    auto text = exporter::ExportJson(*db_, "2026-11-22T10:00:00Z");
    ASSERT_TRUE(text);
    exported_ = json::parse(*text);
  }
  const json& DocumentFrom(const std::string& path) {
    for (const json& document : exported_["documents"]) {
      if (document["source"]["path"] == path) return document;
    }
    ADD_FAILURE() << "no document from " << path;
    return exported_;
  }
  testing::ScratchDir dir_;
  std::unique_ptr<store::Database> db_;
  json exported_;
};

TEST_F(ExportTest, TheDocumentMeetsItsSchema) {
  std::ifstream in(testing::SourceDir() + "/schemas/export.schema.json");
  json schema = json::parse(in);
  EXPECT_EQ(testing::Validate(exported_, schema), "");
  EXPECT_EQ(exported_["format"], "shoebox-export/1");
  EXPECT_EQ(exported_["generated_at"], "2026-11-22T10:00:00Z");
  EXPECT_EQ(exported_["documents"].size(), 2u);
}

TEST_F(ExportTest, FieldsAreCentsOrTextWithTheirPlaceAndReadingRule) {
  const json& bill = DocumentFrom("inbox/bill.pdf");
  EXPECT_EQ(bill["kind"], "bill");
  EXPECT_EQ(bill["kind_confidence"], 0.967);  // rounded to three places, so the output is deterministic
  EXPECT_EQ(bill["fields"]["amount_due_cents"]["value"], 15000);
  EXPECT_EQ(bill["fields"]["account_number"]["value"], "556677889");
  EXPECT_EQ(bill["fields"]["account_number"]["bbox"], json::array({10, 20, 30, 40}));
  EXPECT_EQ(bill["fields"]["account_number"]["read_by"], "label_next_cell: account number");
  EXPECT_FALSE(bill["fields"]["amount_due_cents"].contains("read_by"));  // added only where known
  EXPECT_FALSE(bill["fields"].contains("patient_name"));  // a field not shown is absent, never ""
  ASSERT_EQ(bill["line_items"].size(), 1u);
  EXPECT_EQ(bill["line_items"][0]["charge_cents"], 184000);
  EXPECT_EQ(bill["checks"][0]["check"], "line_items_sum_to_total_charges");
  EXPECT_EQ(bill["checks"][0]["ok"], true);
}

TEST_F(ExportTest, ClaimsCarryTheirFiguresAndUnreadOnesAreNull) {
  const json& eob = DocumentFrom("inbox/eob.pdf");
  ASSERT_EQ(eob["claims"].size(), 1u);
  const json& claim = eob["claims"][0];
  EXPECT_EQ(claim["claim_number"], "2025034411827");
  EXPECT_EQ(claim["patient_responsibility_cents"], 15000);
  EXPECT_TRUE(claim["deductible_cents"].is_null());  // not printed: null, never 0
  ASSERT_EQ(claim["lines"].size(), 1u);
  EXPECT_EQ(claim["lines"][0]["remark_codes"], json::array({"PR-1"}));
}

TEST_F(ExportTest, TheBillIsMatchedToItsClaim) {
  ASSERT_EQ(exported_["matches"].size(), 1u);
  const json& match = exported_["matches"][0];
  EXPECT_EQ(match["bill"], DocumentFrom("inbox/bill.pdf")["id"]);
  EXPECT_EQ(match["eob"], DocumentFrom("inbox/eob.pdf")["id"]);
  EXPECT_EQ(match["claim_number"], "2025034411827");
  EXPECT_TRUE(exported_["findings"].is_array());
}

// CSV for a spreadsheet: one file per table, money in dollars, a column per field, RFC 4180 quoting.
TEST_F(ExportTest, CsvTablesCarryTheSameFiguresInDollars) {
  auto tables = exporter::ExportCsv(*db_);
  ASSERT_TRUE(tables);
  std::map<std::string, std::string> by_name(tables->begin(), tables->end());
  for (const char* name : {"documents.csv", "line_items.csv", "claims.csv", "claim_lines.csv", "findings.csv", "to_check.csv"})
    ASSERT_TRUE(by_name.count(name)) << name;
  const std::string& documents = by_name["documents.csv"];
  EXPECT_EQ(documents.rfind("document_id,file,first_page,last_page,kind,kind_confidence,duplicate_of,", 0), 0u) << documents;
  EXPECT_NE(documents.find(",amount_due"), std::string::npos);
  EXPECT_EQ(documents.find("amount_due_cents"), std::string::npos);
  EXPECT_NE(documents.find(",inbox/bill.pdf,1,1,bill,0.97,,"), std::string::npos) << documents;
  EXPECT_NE(documents.find(",150.00"), std::string::npos);
  EXPECT_NE(by_name["line_items.csv"].find(",1840.00,"), std::string::npos) << by_name["line_items.csv"];
  EXPECT_NE(by_name["claims.csv"].find(",2025034411827,"), std::string::npos);
  EXPECT_NE(by_name["claim_lines.csv"].find(",PR-1,"), std::string::npos) << by_name["claim_lines.csv"];
  // Every row ends CRLF and has as many cells as the header (no cell here holds a comma or quote).
  for (const auto& [name, text] : *tables) {
    ASSERT_TRUE(text.ends_with("\r\n")) << name;
    size_t header_commas = std::count(text.begin(), text.begin() + text.find('\n'), ',');
    for (size_t at = 0; at < text.size();) {
      size_t end = text.find("\r\n", at);
      std::string row = text.substr(at, end - at);
      if (row.find('"') == std::string::npos) {
        EXPECT_EQ(std::count(row.begin(), row.end(), ','), header_commas) << name << ": " << row;
      }
      at = end + 2;
    }
  }
  EXPECT_EQ(exporter::CsvField("plain"), "plain");
  EXPECT_EQ(exporter::CsvField("VALLEY, INC. \"NORTH\""), "\"VALLEY, INC. \"\"NORTH\"\"\"");
  EXPECT_EQ(exporter::CsvField("two\nlines"), "\"two\nlines\"");
}

TEST_F(ExportTest, CheckItemsAreListedApartNeverAsFindings) {
  Document unsure = BillDocument();
  unsure.fields[0].text = "998877665";  // another account
  unsure.checks.push_back({"amount_due_equals_charges_less_credits", false, "off by 10.00"});
  ASSERT_TRUE(db_->WriteSource(Source("inbox/unsure.pdf", std::string(64, 'c'), unsure), false, "t"));
  ASSERT_TRUE(runner::RefreshFindings(*db_, "2025-04-01"));
  auto text = exporter::ExportJson(*db_, "2026-11-22T10:00:00Z");
  ASSERT_TRUE(text);
  json again = json::parse(*text);
  std::ifstream in(testing::SourceDir() + "/schemas/export.schema.json");
  EXPECT_EQ(testing::Validate(again, json::parse(in)), "");
  for (const json& finding : again["findings"]) EXPECT_NE(finding["rule"], "arithmetic_mismatch");
  bool listed = false;
  for (const json& check : again["to_check"]) {
    if (check["rule"] != "arithmetic_mismatch") continue;
    listed = true;
    EXPECT_NE(check["what_to_check"].get<std::string>().find("off by 10.00"), std::string::npos);
  }
  EXPECT_TRUE(listed);
}

}  // namespace
}  // namespace shoebox
