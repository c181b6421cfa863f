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

json Coding(const char* code) { return {{"coding", {{{"code", code}}}}}; }

json Denial(const char* reason) {
  return {{"category", Coding("denialreason")}, {"reason", Coding(reason)}};
}

// An EOB as a commercial plan's portal gives it: the provider contained, the coverage and both
// people in the bundle, the account number as supporting information.
json PortalEob(const char* id, json items) {
  return {{"resourceType", "ExplanationOfBenefit"}, {"id", id}, {"status", "active"}, {"outcome", "complete"},
          {"identifier", {{{"type", Coding("uc")}, {"value", std::string("CLM-") + id}}}},
          {"insurer", {{"display", "Example Health Plan"}}},
          {"provider", {{"reference", "#org"}}},
          {"contained", {{{"resourceType", "Organization"}, {"id", "org"}, {"name", "Lakeside Imaging"}}}},
          {"careTeam", {{{"role", Coding("performing")}, {"provider", {{"display", "Dr. A. Person"}}}}}},
          {"patient", {{"reference", "Patient/child"}}},
          {"insurance", {{{"focal", true}, {"coverage", {{"reference", "http://plan.example/fhir/Coverage/c1"}}}}}},
          {"supportingInfo", {{{"category", Coding("patientaccountnumber")}, {"valueString", "ACCT-4411"}}}},
          {"created", "2025-04-10T08:00:00Z"},
          {"item", std::move(items)},
          {"total", {Adjudication("submitted", 300), Adjudication("memberliability", 300)}}};
}

// Single-element braces would be the element itself under some compilers: lists are built with json::array.
json Item(double billed, double paid, json extra = json::array()) {
  json adjudication = {Adjudication("submitted", billed), Adjudication("benefit", paid),
                       {{"category", Coding("innetwork")}}};
  for (const json& more : extra) adjudication.push_back(more);
  return {{"sequence", 1}, {"adjudication", adjudication}};
}

TEST(Fhir, PeopleCoverageAndWhatThePlanDid) {
  json bundle = {
      {"resourceType", "Bundle"},
      {"entry",
       {{{"resource", PortalEob("1", json::array({Item(200, 0, json::array({Denial("96")})), Item(100, 0, json::array({Denial("96")}))}))}},
        {{"resource", PortalEob("2", json::array({Item(200, 0, json::array({Denial("96")})), Item(100, 80, json::array({Denial("0")}))}))}},
        {{"resource", PortalEob("3", json::array({Item(100, 0, json::array({Denial("0")}))}))}},
        {{"resource", [] {
            json withdrawn = PortalEob("4", json::array());
            withdrawn["status"] = "entered-in-error";
            return withdrawn;
          }()}},
        {{"fullUrl", "http://plan.example/fhir/Coverage/c1"},
         {"resource", {{"resourceType", "Coverage"}, {"id", "c1"}, {"subscriberId", "W123456789"},
                       {"subscriber", {{"reference", "Patient/parent"}}},
                       {"relationship", Coding("child")},
                       {"class", {{{"type", Coding("group")}, {"value", "GRP-77"}}}}}}},
        {{"resource", {{"resourceType", "Patient"}, {"id", "child"}, {"name", {{{"given", {"Sam"}}, {"family", "Example"}}}}}}},
        {{"resource", {{"resourceType", "Patient"}, {"id", "parent"}, {"name", {{{"given", {"Alex"}}, {"family", "Example"}}}}}}}}}};
  auto documents = ReadFhirEobs(bundle.dump());
  ASSERT_TRUE(documents) << documents.error().message;
  ASSERT_EQ(documents->size(), 3u) << "the EOB entered in error is no record";
  EXPECT_EQ((*documents)[2].entry, 3);
  const Claim& denied = (*documents)[0].claims.at(0);
  EXPECT_EQ(denied.status, ClaimStatus::kDenied);
  EXPECT_EQ((*documents)[1].claims.at(0).status, ClaimStatus::kPartiallyDenied);
  EXPECT_EQ((*documents)[2].claims.at(0).status, ClaimStatus::kProcessed) << "reason '0' is Blue Button's none";
  EXPECT_EQ(denied.provider_name, "Lakeside Imaging");
  EXPECT_EQ(denied.patient_account_number, "ACCT-4411");
  EXPECT_EQ(denied.network_status, NetworkStatus::kInNetwork);
  EXPECT_EQ(denied.processed_date, "2025-04-10");
  std::map<std::string, std::string> fields, read_by;
  for (const Field& field : (*documents)[0].fields) fields[field.name] = field.text, read_by[field.name] = field.read_by;
  EXPECT_EQ(fields["patient_name"], "Sam Example");
  EXPECT_EQ(fields["member_name"], "Alex Example");
  EXPECT_EQ(fields["member_id"], "W123456789");
  EXPECT_EQ(read_by["member_id"], "fhir: Coverage.subscriberId");
  EXPECT_EQ(fields["group_number"], "GRP-77");
  EXPECT_EQ(fields["notice_date"], "2025-04-10");

  // Without a name for the billing provider, the care team's performing member is the provider.
  json bare = PortalEob("5", json::array());
  bare["provider"] = {{"identifier", {{"value", "1234567890"}}}};
  auto only = ReadFhirEobs(bare.dump());
  ASSERT_TRUE(only) << only.error().message;
  EXPECT_EQ((*only)[0].claims.at(0).provider_name, "Dr. A. Person");
  bare["status"] = "cancelled";
  EXPECT_EQ(ReadFhirEobs(bare.dump()).error().message,
            "fhir ExplanationOfBenefit is cancelled or entered in error: no claim of record");
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
      EXPECT_EQ(claim.status, ClaimStatus::kProcessed) << entry.path() << ": its denial reasons are '0', none";
      if (eobs[d]["provider"].value("reference", "") == "#provider-org") {
        EXPECT_EQ(claim.provider_name, "Fake ORG Name") << entry.path() << ": the organisation it contains";
      }
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
