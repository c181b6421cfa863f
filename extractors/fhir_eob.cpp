// FHIR R4 ExplanationOfBenefit (CARIN Blue Button) → EOB documents. Money by adjudication category
// (HL7's and CARIN's codes), claim number by the "unique claim ID" identifier first, dates where the
// JSON holds a date (a placeholder where a date belongs is left out, not guessed).
#include "extractors/fhir_eob.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <string>

#include "pipeline/core/dates.hpp"

namespace shoebox::extractors {
namespace {

using nlohmann::json;

const json* Member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::string Text(const json* value) { return value != nullptr && value->is_string() ? value->get<std::string>() : ""; }

// A FHIR date or dateTime's date, or "" where the value is no date.
std::string DateOf(const json* value) {
  std::string text = Text(value);
  if (text.size() < 10) return "";
  std::optional<std::string> iso = ParseDate(text.substr(0, 10));
  return iso && *iso == text.substr(0, 10) ? *iso : "";
}

std::optional<Cents> MoneyOf(const json* money) {
  const json* value = money != nullptr ? Member(*money, "value") : nullptr;
  if (value == nullptr || !value->is_number()) return std::nullopt;
  double dollars = value->get<double>();
  if (!std::isfinite(dollars) || std::fabs(dollars) > 1e11) return std::nullopt;
  return static_cast<Cents>(std::llround(dollars * 100));
}

// The codes of a CodeableConcept's codings.
std::vector<std::string> CodesOf(const json* codeable) {
  std::vector<std::string> codes;
  const json* codings = codeable != nullptr ? Member(*codeable, "coding") : nullptr;
  if (codings == nullptr || !codings->is_array()) return codes;
  for (const json& coding : *codings) {
    std::string code = Text(Member(coding, "code"));
    if (!code.empty()) codes.push_back(code);
  }
  return codes;
}

using Figure = std::optional<Cents> ClaimLine::*;
using FigurePlaces = std::vector<std::pair<Figure, size_t>>;  // a figure and its index in the list

// The figure an adjudication category names, of those an EOB prints; null for others.
Figure FigureOf(const std::vector<std::string>& codes) {
  static const std::map<std::string, Figure> kByCode = {
      {"submitted", &ClaimLine::billed_cents},           {"eligible", &ClaimLine::allowed_cents},
      {"benefit", &ClaimLine::plan_paid_cents},
      {"deductible", &ClaimLine::deductible_cents},      {"copay", &ClaimLine::copay_cents},
      {"coinsurance", &ClaimLine::coinsurance_cents},    {"noncovered", &ClaimLine::not_covered_cents},
      {"discount", &ClaimLine::discount_cents},          {"memberliability", &ClaimLine::patient_responsibility_cents},
  };
  for (const std::string& code : codes) {
    auto it = kByCode.find(code);
    if (it != kByCode.end()) return it->second;
  }
  return nullptr;
}

// The figures of an adjudication (or total) list into `line`, the first of each category kept, and
// where in the list each was (`at`); what the plan paid the provider stands for the plan's payment
// only where the list gives no benefit (which includes what it paid the member). Denial reasons go
// into its remark codes.
void ReadAdjudications(const json* list, ClaimLine& line, FigurePlaces* at = nullptr) {
  if (list == nullptr || !list->is_array()) return;
  std::optional<std::pair<Cents, size_t>> paid_to_provider;
  for (size_t index = 0; index < list->size(); ++index) {
    const json& adjudication = (*list)[index];
    std::vector<std::string> codes = CodesOf(Member(adjudication, "category"));
    std::optional<Cents> amount = MoneyOf(Member(adjudication, "amount"));
    if (amount && !paid_to_provider && std::find(codes.begin(), codes.end(), "paidtoprovider") != codes.end()) {
      paid_to_provider = std::make_pair(*amount, index);
    }
    for (const std::string& reason : CodesOf(Member(adjudication, "reason"))) {
      // A claim adjustment reason code: 1-3 digits not all zero, or a letter and a digit ("A1").
      bool carc = (reason.size() <= 3 && std::all_of(reason.begin(), reason.end(), ::isdigit) &&
                   reason.find_first_not_of('0') != std::string::npos) ||
                  (reason.size() == 2 && std::isalpha(static_cast<unsigned char>(reason[0])) &&
                   std::isdigit(static_cast<unsigned char>(reason[1])));
      if (carc) line.remark_codes.push_back(reason);
    }
    auto figure = FigureOf(codes);
    if (figure == nullptr || !amount || line.*figure) continue;
    line.*figure = amount;
    if (at != nullptr) at->emplace_back(figure, index);
  }
  if (!line.plan_paid_cents && paid_to_provider) {
    line.plan_paid_cents = paid_to_provider->first;
    if (at != nullptr) at->emplace_back(&ClaimLine::plan_paid_cents, paid_to_provider->second);
  }
}

ClaimLine ReadItem(const json& item) {
  ClaimLine line;
  line.date_of_service = DateOf(Member(item, "servicedDate"));
  if (line.date_of_service.empty()) {
    if (const json* period = Member(item, "servicedPeriod")) line.date_of_service = DateOf(Member(*period, "start"));
  }
  if (const json* service = Member(item, "productOrService")) {
    std::vector<std::string> codes = CodesOf(service);
    if (!codes.empty()) line.code = codes.front();
    const json* codings = Member(*service, "coding");
    if (codings != nullptr && codings->is_array() && !codings->empty()) line.description = Text(Member((*codings)[0], "display"));
  }
  for (const std::string& modifier : CodesOf(Member(item, "modifier"))) line.details.emplace_back("modifier", modifier);
  for (const std::string& revenue : CodesOf(Member(item, "revenue"))) line.details.emplace_back("revenue_code", revenue);
  if (const json* quantity = Member(item, "quantity"); quantity != nullptr) {
    const json* value = Member(*quantity, "value");
    if (value != nullptr && value->is_number()) {
      double units = value->get<double>();
      line.details.emplace_back("units", units == std::floor(units) && std::fabs(units) < 1e9
                                             ? std::to_string(static_cast<long long>(units))
                                             : value->dump());
    }
  }
  ReadAdjudications(Member(item, "adjudication"), line);
  line.confidence = 1.0;
  return line;
}

// The claim number: the identifier typed "uc" (unique claim ID) first, else the first one, else the id.
std::string ClaimNumber(const json& eob) {
  const json* identifiers = Member(eob, "identifier");
  std::string first;
  if (identifiers != nullptr && identifiers->is_array()) {
    for (const json& identifier : *identifiers) {
      std::string value = Text(Member(identifier, "value"));
      if (value.empty()) continue;
      std::vector<std::string> types = CodesOf(Member(identifier, "type"));
      if (std::find(types.begin(), types.end(), "uc") != types.end()) return value;
      if (first.empty()) first = value;
    }
  }
  return first.empty() ? Text(Member(eob, "id")) : first;
}

// A reference's display, or its identifier's value.
std::string NameOf(const json* reference) {
  if (reference == nullptr) return "";
  std::string display = Text(Member(*reference, "display"));
  if (!display.empty()) return display;
  const json* identifier = Member(*reference, "identifier");
  return identifier != nullptr ? Text(Member(*identifier, "value")) : "";
}

ClaimStatus StatusOf(const json& eob) {
  std::string outcome = Text(Member(eob, "outcome"));
  if (outcome == "queued") return ClaimStatus::kPending;
  if (outcome == "complete" || outcome == "partial") return ClaimStatus::kProcessed;
  return ClaimStatus::kUnknown;
}

void AddField(Document& document, const char* name, std::string text, std::optional<Cents> cents,
              const std::string& path) {
  if (text.empty() && !cents) return;
  Field field;
  field.name = name;
  field.text = std::move(text);
  field.cents = cents;
  field.confidence = 1.0;
  field.read_by = "fhir: " + path;
  document.fields.push_back(std::move(field));
}

// The member's name from a Patient resource: given names, then the family name.
std::string PatientName(const json* patient) {
  const json* names = patient != nullptr ? Member(*patient, "name") : nullptr;
  if (names == nullptr || !names->is_array() || names->empty()) return "";
  const json& name = (*names)[0];
  std::string text;
  if (const json* given = Member(name, "given"); given != nullptr && given->is_array()) {
    for (const json& part : *given) text += (text.empty() ? "" : " ") + Text(&part);
  }
  std::string family = Text(Member(name, "family"));
  if (!family.empty()) text += (text.empty() ? "" : " ") + family;
  return text;
}

Document ReadEob(const json& eob, const std::map<std::string, const json*>& patients) {
  Document document;
  std::string payer = NameOf(Member(eob, "insurer"));
  document.kind = payer == "CMS" || payer.find("Medicare") != std::string::npos ? DocumentKind::kMsn : DocumentKind::kEob;
  document.kind_confidence = 1.0;
  Claim claim;
  claim.claim_number = ClaimNumber(eob);
  claim.status = StatusOf(eob);
  std::string provider = NameOf(Member(eob, "provider"));
  // A bare number (an NPI) is no provider's name.
  if (provider.find_first_not_of("0123456789 ") != std::string::npos) claim.provider_name = provider;
  if (const json* period = Member(eob, "billablePeriod")) {
    claim.service_date_from = DateOf(Member(*period, "start"));
    claim.service_date_to = DateOf(Member(*period, "end"));
  }
  claim.processed_date = DateOf(Member(eob, "created"));
  if (const json* items = Member(eob, "item"); items != nullptr && items->is_array()) {
    for (const json& item : *items) claim.lines.push_back(ReadItem(item));
  }
  ClaimLine totals;
  FigurePlaces total_at;
  ReadAdjudications(Member(eob, "total"), totals, &total_at);
  auto path_of = [&](Figure figure) {
    auto it = std::find_if(total_at.begin(), total_at.end(), [&](const auto& place) { return place.first == figure; });
    return it == total_at.end() ? std::string("payment.amount") : "total[" + std::to_string(it->second) + "].amount";
  };
  if (!totals.plan_paid_cents) {
    if (const json* payment = Member(eob, "payment")) totals.plan_paid_cents = MoneyOf(Member(*payment, "amount"));
  }
  claim.billed_cents = totals.billed_cents, claim.discount_cents = totals.discount_cents;
  claim.not_covered_cents = totals.not_covered_cents, claim.allowed_cents = totals.allowed_cents;
  claim.plan_paid_cents = totals.plan_paid_cents, claim.deductible_cents = totals.deductible_cents;
  claim.copay_cents = totals.copay_cents, claim.coinsurance_cents = totals.coinsurance_cents;
  claim.patient_responsibility_cents = totals.patient_responsibility_cents;
  AddField(document, "payer_name", payer, std::nullopt, "insurer");
  const json* patient_reference = Member(eob, "patient");
  auto patient = patients.find(patient_reference != nullptr ? Text(Member(*patient_reference, "reference")) : "");
  if (patient != patients.end()) AddField(document, "member_name", PatientName(patient->second), std::nullopt, "Patient.name");
  AddField(document, "notice_date", claim.processed_date, std::nullopt, "created");
  AddField(document, "total_billed_cents", "", claim.billed_cents, path_of(&ClaimLine::billed_cents));
  AddField(document, "total_plan_paid_cents", "", claim.plan_paid_cents, path_of(&ClaimLine::plan_paid_cents));
  AddField(document, "total_patient_responsibility_cents", "", claim.patient_responsibility_cents,
           path_of(&ClaimLine::patient_responsibility_cents));
  document.claims.push_back(std::move(claim));
  return document;
}

}  // namespace

bool LooksLikeFhirJson(std::string_view bytes) {
  size_t start = bytes.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || bytes[start] != '{') return false;
  return bytes.substr(start, 4096).find("\"resourceType\"") != std::string_view::npos;
}

Result<std::vector<Document>> ReadFhirEobs(std::string_view text) {
  json root = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object()) return MakeError("fhir file is not well-formed JSON");
  std::string type = Text(Member(root, "resourceType"));
  std::vector<const json*> eobs;
  std::map<std::string, const json*> patients;  // "Patient/<id>" → the resource
  if (type == "ExplanationOfBenefit") {
    eobs.push_back(&root);
  } else if (type == "Bundle") {
    const json* entries = Member(root, "entry");
    if (entries != nullptr && entries->is_array()) {
      for (const json& entry : *entries) {
        const json* resource = Member(entry, "resource");
        std::string kind = resource != nullptr ? Text(Member(*resource, "resourceType")) : "";
        if (kind == "ExplanationOfBenefit") eobs.push_back(resource);
        if (kind == "Patient") patients["Patient/" + Text(Member(*resource, "id"))] = resource;
      }
    }
    if (eobs.empty()) return MakeError("fhir bundle holds no ExplanationOfBenefit");
  } else {
    return MakeError("fhir " + (type.empty() ? std::string("resource") : type) +
                     " is not an ExplanationOfBenefit (nor a bundle of them)");
  }
  std::vector<Document> documents;
  for (const json* eob : eobs) {
    documents.push_back(ReadEob(*eob, patients));
    documents.back().entry = static_cast<int>(documents.size());
  }
  return documents;
}

}  // namespace shoebox::extractors
