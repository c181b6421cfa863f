// An EOB or MSN as an insurer's member portal gives it: the truth of the paper notice written as a
// FHIR R4 Bundle in the CARIN Blue Button shape, one ExplanationOfBenefit a claim, with the patient,
// the member and the coverage as their own resources. The same episode can then arrive as paper and
// as data, and shoebox must say the same about both.
#include <cmath>
#include <string>

#include "tools/samplegen/samplegen.hpp"

namespace samplegen {
namespace {

Json Coding(const std::string& system, const std::string& code) {
  return {{"coding", Json::array({{{"system", system}, {"code", code}}})}};
}

const char* kAdjudication = "http://terminology.hl7.org/CodeSystem/adjudication";
const char* kCarinAdjudication = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication";
const char* kCarinDiscriminator = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudicationDiscriminator";
const char* kCarinPaymentStatus = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBPayerAdjudicationStatus";
const char* kCarc = "https://x12.org/codes/claim-adjustment-reason-codes";

// The figures of a claim or line (truth names) as adjudications by category, HL7's or CARIN's.
Json Adjudications(const Json& figures) {
  struct Category {
    const char* figure;
    const char* system;
    const char* code;
  };
  static const Category kCategories[] = {{"billed_cents", kAdjudication, "submitted"},
                                         {"discount_cents", kCarinAdjudication, "discount"},
                                         {"allowed_cents", kAdjudication, "eligible"},
                                         {"plan_paid_cents", kAdjudication, "benefit"},
                                         {"deductible_cents", kAdjudication, "deductible"},
                                         {"copay_cents", kAdjudication, "copay"},
                                         {"coinsurance_cents", kAdjudication, "coinsurance"},
                                         {"not_covered_cents", kCarinAdjudication, "noncovered"},
                                         {"patient_responsibility_cents", kCarinAdjudication, "memberliability"}};
  Json list = Json::array();
  for (const Category& category : kCategories) {
    if (!figures.contains(category.figure) || !figures[category.figure].is_number()) continue;
    list.push_back({{"category", Coding(category.system, category.code)},
                    {"amount", {{"value", figures[category.figure].get<double>() / 100.0}, {"currency", "USD"}}}});
  }
  return list;
}

// The adjustment reason code of a remark as printed ("PR-96" → "96"), or "" for a plan's own code.
std::string ReasonCode(const std::string& remark) {
  size_t dash = remark.find('-');
  std::string code = dash == std::string::npos ? remark : remark.substr(dash + 1);
  bool digits = !code.empty() && code.size() <= 3 && code.find_first_not_of("0123456789") == std::string::npos;
  return digits ? code : "";
}

Json Denial(const std::string& code) {
  return {{"category", Coding(kCarinDiscriminator, "denialreason")}, {"reason", Coding(kCarc, code)}};
}

Json Name(const std::string& full) {
  size_t space = full.rfind(' ');
  if (space == std::string::npos) return Json::array({{{"text", full}}});
  return Json::array({{{"family", full.substr(space + 1)}, {"given", Json::array({full.substr(0, space)})}}});
}

std::string Text(const Json& object, const char* key) {
  return object.contains(key) && object[key].is_string() ? object[key].get<std::string>() : "";
}

// One claim of the notice as its own ExplanationOfBenefit.
Json EobOf(const Json& claim, const Json& fields, bool medicare, int index) {
  Json eob = {{"resourceType", "ExplanationOfBenefit"},
              {"id", "eob-" + std::to_string(index)},
              {"identifier",
               Json::array({{{"type", Coding("http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType", "uc")},
                             {"value", Text(claim, "claim_number")}}})},
              {"status", "active"},
              {"use", "claim"},
              {"patient", {{"reference", "Patient/patient"}}},
              {"insurer", {{"display", medicare ? std::string("CMS") : Text(fields, "payer_name")}}},
              {"provider", {{"display", Text(claim, "provider_name")}}},
              {"outcome", Text(claim, "status") == "pending" ? "queued" : "complete"},
              {"insurance", Json::array({{{"focal", true}, {"coverage", {{"reference", "Coverage/coverage"}}}}})}};
  std::string created = Text(claim, "processed_date");
  if (created.empty()) created = Text(fields, "notice_date");
  if (!created.empty()) eob["created"] = created + "T00:00:00+00:00";
  if (!Text(claim, "service_date_from").empty()) {
    eob["billablePeriod"] = {{"start", Text(claim, "service_date_from")},
                             {"end", Text(claim, "service_date_to").empty() ? Text(claim, "service_date_from")
                                                                            : Text(claim, "service_date_to")}};
  }
  if (!Text(claim, "patient_account_number").empty()) {
    eob["supportingInfo"] =
        Json::array({{{"sequence", 1},
                      {"category", Coding("http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBSupportingInfoType",
                                          "patientaccountnumber")},
                      {"valueString", Text(claim, "patient_account_number")}}});
  }
  Json header = Json::array();
  if (Text(claim, "network_status") == "in_network")
    header.push_back({{"category", Coding(kCarinPaymentStatus, "innetwork")}});
  if (Text(claim, "network_status") == "out_of_network")
    header.push_back({{"category", Coding(kCarinPaymentStatus, "outofnetwork")}});
  bool denied = Text(claim, "status") == "denied";
  Json items = Json::array();
  int sequence = 0;
  if (claim.contains("lines")) {
    for (const Json& line : claim.at("lines")) {
      Json item = {{"sequence", ++sequence}};
      if (!Text(line, "date_of_service").empty()) item["servicedDate"] = Text(line, "date_of_service");
      item["productOrService"] = {
          {"coding", Json::array({{{"code", Text(line, "code")}, {"display", Text(line, "description")}}})}};
      Json adjudication = Adjudications(line);
      std::string reason;
      if (line.contains("remark_codes")) {
        for (const Json& remark : line.at("remark_codes")) {
          if (reason.empty()) reason = ReasonCode(remark.get<std::string>());
        }
      }
      if (denied) adjudication.push_back(Denial(reason.empty() ? "96" : reason));
      item["adjudication"] = adjudication;
      items.push_back(item);
    }
  }
  // A claim denied without lines carries its denial itself.
  if (denied && items.empty()) header.push_back(Denial("96"));
  if (!header.empty()) eob["adjudication"] = header;
  if (!items.empty()) eob["item"] = items;
  eob["total"] = Adjudications(claim);
  return eob;
}

}  // namespace

Json FhirBundle(const Json& truth) {
  const Json& fields = truth.at("fields");
  bool medicare = Text(truth, "kind") == "msn";
  std::string patient_name = Text(fields, "patient_name"), member_name = Text(fields, "member_name");
  if (patient_name.empty()) patient_name = member_name;
  bool own_coverage = member_name.empty() || member_name == patient_name;
  Json entries = Json::array();
  int claim_index = 0;
  for (const Json& claim : truth.at("claims")) {
    ++claim_index;
    entries.push_back({{"fullUrl", "urn:uuid:eob-" + std::to_string(claim_index)},
                       {"resource", EobOf(claim, fields, medicare, claim_index)}});
  }
  Json coverage = {{"resourceType", "Coverage"},
                   {"id", "coverage"},
                   {"status", "active"},
                   {"beneficiary", {{"reference", "Patient/patient"}}},
                   {"relationship", Coding("http://terminology.hl7.org/CodeSystem/subscriber-relationship",
                                           own_coverage ? "self" : "other")}};
  if (!Text(fields, "member_id").empty()) coverage["subscriberId"] = Text(fields, "member_id");
  if (!own_coverage) coverage["subscriber"] = {{"reference", "Patient/member"}};
  if (!Text(fields, "group_number").empty()) {
    coverage["class"] = Json::array({{{"type", Coding("http://terminology.hl7.org/CodeSystem/coverage-class", "group")},
                                      {"value", Text(fields, "group_number")}}});
  }
  entries.push_back({{"resource", coverage}});
  entries.push_back({{"resource", {{"resourceType", "Patient"}, {"id", "patient"}, {"name", Name(patient_name)}}}});
  if (!own_coverage) {
    entries.push_back({{"resource", {{"resourceType", "Patient"}, {"id", "member"}, {"name", Name(member_name)}}}});
  }
  return {{"resourceType", "Bundle"}, {"type", "searchset"}, {"total", claim_index}, {"entry", entries}};
}

}  // namespace samplegen
