// FHIR R4 ExplanationOfBenefit (insurer-portal EOBs) into EOB documents, on a small resource made
// here and on CMS's own Blue Button test responses (../shared/data/fhir-eob), figure by figure.
#include "extractors/fhir_eob.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/test_support.hpp"

namespace shoebox::extractors {
namespace {

using nlohmann::json;

json Adjudication(const char* code, double dollars) {
  return {{"category", {{"coding", {{{"system", "http://terminology.hl7.org/CodeSystem/adjudication"}, {"code", code}}}}}},
          {"amount", {{"value", dollars}, {"currency", "USD"}}}};
}

TEST(Fhir, AClaimItsLinesAndItsTotals) {
  json eob = {
      {"resourceType", "ExplanationOfBenefit"}, {"id", "x-1"}, {"outcome", "complete"},
      {"identifier", {{{"value", "OTHER-1"}},
                      {{"type", {{"coding", {{{"code", "uc"}}}}}}, {"value", "CLM-2025-77"}}}},
      {"insurer", {{"display", "Example Health Plan"}}},
      {"provider", {{"display", "Valley Clinic"}}},
      {"patient", {{"reference", "Patient/p1"}}},
      {"billablePeriod", {{"start", "2025-03-02"}, {"end", "2025-03-03"}}},
      {"created", "IGNORED_FIELD"},  // a placeholder where a date belongs: no date, not a guess
      {"item",
       {{{"sequence", 1}, {"servicedDate", "2025-03-02"},
         {"productOrService", {{"coding", {{{"code", "99213"}, {"display", "Office visit"}}}}}},
         {"quantity", {{"value", 1}}},
         {"adjudication", {Adjudication("submitted", 180), Adjudication("eligible", 95.5), Adjudication("benefit", 76.4),
                           Adjudication("copay", 19.1), Adjudication("memberliability", 19.1)}}}}},
      {"total", {Adjudication("submitted", 180), Adjudication("benefit", 76.4), Adjudication("memberliability", 19.1)}}};
  json bundle = {{"resourceType", "Bundle"},
                 {"entry", {{{"resource", eob}},
                            {{"resource", {{"resourceType", "Patient"}, {"id", "p1"},
                                           {"name", {{{"given", {"Robin", "Q"}}, {"family", "Example"}}}}}}}}}};
  ASSERT_TRUE(LooksLikeFhirJson(bundle.dump(2)));
  auto documents = ReadFhirEobs(bundle.dump());
  ASSERT_TRUE(documents) << documents.error().message;
  ASSERT_EQ(documents->size(), 1u);
  const Document& document = (*documents)[0];
  EXPECT_EQ(document.kind, DocumentKind::kEob);
  ASSERT_EQ(document.claims.size(), 1u);
  const Claim& claim = document.claims[0];
  EXPECT_EQ(claim.claim_number, "CLM-2025-77");
  EXPECT_EQ(claim.provider_name, "Valley Clinic");
  EXPECT_EQ(claim.status, ClaimStatus::kProcessed);
  EXPECT_EQ(claim.service_date_to, "2025-03-03");
  EXPECT_EQ(claim.processed_date, "");
  EXPECT_EQ(claim.billed_cents, 18000);
  EXPECT_EQ(claim.patient_responsibility_cents, 1910);
  ASSERT_EQ(claim.lines.size(), 1u);
  EXPECT_EQ(claim.lines[0].code, "99213");
  EXPECT_EQ(claim.lines[0].allowed_cents, 9550);
  EXPECT_EQ(claim.lines[0].copay_cents, 1910);
  std::map<std::string, std::string> fields;
  for (const Field& field : document.fields) fields[field.name] = field.cents ? std::to_string(*field.cents) : field.text;
  EXPECT_EQ(fields["member_name"], "Robin Q Example");
  EXPECT_EQ(fields["total_plan_paid_cents"], "7640");
  EXPECT_EQ(fields.count("notice_date"), 0u);
  EXPECT_EQ(document.fields.back().read_by, "fhir: total[2].amount");
}

TEST(Fhir, WhatIsNotAnEobGetsAReason) {
  EXPECT_EQ(ReadFhirEobs("{\"resourceType\": \"ExplanationOfBenefit\", ").error().message,
            "fhir file is not well-formed JSON");
  EXPECT_EQ(ReadFhirEobs(R"({"resourceType": "Patient", "id": "p"})").error().message,
            "fhir Patient is not an ExplanationOfBenefit (nor a bundle of them)");
  EXPECT_EQ(ReadFhirEobs(R"({"resourceType": "Bundle", "entry": []})").error().message,
            "fhir bundle holds no ExplanationOfBenefit");
  EXPECT_FALSE(LooksLikeFhirJson(R"({"name": "a settings file"})"));
}

// The first amount of each category an item (or the claim's total) lists, as the JSON has it.
std::optional<Cents> FirstAmount(const json& adjudications, const std::string& code) {
  for (const json& adjudication : adjudications) {
    for (const json& coding : adjudication["category"]["coding"]) {
      if (coding.value("code", "") == code && adjudication.contains("amount")) {
        return static_cast<Cents>(std::llround(adjudication["amount"]["value"].get<double>() * 100));
      }
    }
  }
  return std::nullopt;
}

TEST(Fhir, CmsBlueButtonResponsesFigureByFigure) {
  std::string dir = testing::TestDataDir();
  if (dir.empty()) GTEST_SKIP() << "SHOEBOX_TEST_DATA is not set: CMS's FHIR test responses are not here";
  int files = 0, lines = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir + "/fhir-eob")) {
    if (entry.path().extension() != ".json") continue;
    std::string text = testing::ReadFile(entry.path());
    json root = json::parse(text);
    std::vector<json> eobs;
    if (root["resourceType"] == "Bundle") {
      for (const json& e : root["entry"]) {
        if (e["resource"]["resourceType"] == "ExplanationOfBenefit") eobs.push_back(e["resource"]);
      }
    } else {
      eobs.push_back(root);
    }
    auto documents = ReadFhirEobs(text);
    ASSERT_TRUE(documents) << entry.path() << ": " << documents.error().message;
    ASSERT_EQ(documents->size(), eobs.size()) << entry.path();
    ++files;
    for (size_t d = 0; d < eobs.size(); ++d) {
      const Claim& claim = (*documents)[d].claims.at(0);
      EXPECT_EQ((*documents)[d].kind, DocumentKind::kMsn) << "CMS is Medicare";
      EXPECT_FALSE(claim.claim_number.empty());
      EXPECT_EQ(claim.billed_cents, FirstAmount(eobs[d]["total"], "submitted")) << entry.path();
      EXPECT_EQ(claim.processed_date, "") << "'created' holds the placeholder IGNORED_FIELD";
      ASSERT_EQ(claim.lines.size(), eobs[d]["item"].size()) << entry.path();
      for (size_t i = 0; i < claim.lines.size(); ++i, ++lines) {
        const json& adjudications = eobs[d]["item"][i]["adjudication"];
        const ClaimLine& line = claim.lines[i];
        EXPECT_EQ(line.billed_cents, FirstAmount(adjudications, "submitted")) << entry.path() << " item " << i;
        EXPECT_EQ(line.allowed_cents, FirstAmount(adjudications, "eligible")) << entry.path() << " item " << i;
        EXPECT_EQ(line.deductible_cents, FirstAmount(adjudications, "deductible")) << entry.path() << " item " << i;
        EXPECT_EQ(line.coinsurance_cents, FirstAmount(adjudications, "coinsurance")) << entry.path() << " item " << i;
        auto benefit = FirstAmount(adjudications, "benefit");
        EXPECT_EQ(line.plan_paid_cents, benefit ? benefit : FirstAmount(adjudications, "paidtoprovider"));
      }
    }
  }
  EXPECT_EQ(files, 10);
  EXPECT_GT(lines, 10);
}

}  // namespace
}  // namespace shoebox::extractors
