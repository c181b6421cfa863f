// FHIR R4 ExplanationOfBenefit (CARIN Blue Button) → EOB documents. Money by adjudication category
// (HL7's and CARIN's codes), claim number by the "unique claim ID" identifier first, dates where the
// JSON holds a date (a placeholder where a date belongs is left out, not guessed).
#include "extractors/fhir_eob.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>

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

// A claim adjustment reason code: 1-3 digits not all zero, or a letter and a digit ("A1"). Blue
// Button fills a reason with "0" (N/A) where there is none.
bool IsAdjustmentReason(const std::string& code) {
  return (!code.empty() && code.size() <= 3 && std::all_of(code.begin(), code.end(), ::isdigit) &&
          code.find_first_not_of('0') != std::string::npos) ||
         (code.size() == 2 && std::isalpha(static_cast<unsigned char>(code[0])) &&
          std::isdigit(static_cast<unsigned char>(code[1])));
}

// Whether a CodeableConcept has a coding with this code.
bool HasCode(const json* codeable, std::string_view code) {
  std::vector<std::string> codes = CodesOf(codeable);
  return std::find(codes.begin(), codes.end(), code) != codes.end();
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
      if (IsAdjustmentReason(reason)) line.remark_codes.push_back(reason);
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
      if (HasCode(Member(identifier, "type"), "uc")) return value;
      if (first.empty()) first = value;
    }
  }
  return first.empty() ? Text(Member(eob, "id")) : first;
}

// The resources references can lead to: "#id" to one the EOB contains, "Type/id" (or a full URL
// ending so) to one the bundle holds.
class References {
 public:
  void Add(const json& resource, const std::string& full_url = "") {
    std::string key = Text(Member(resource, "resourceType")) + "/" + Text(Member(resource, "id"));
    held_[key] = &resource;
    if (!full_url.empty()) held_[full_url] = &resource;
  }

  const json* Resolve(const json& eob, const json* reference) const {
    std::string target = reference != nullptr ? Text(Member(*reference, "reference")) : "";
    if (target.empty()) return nullptr;
    if (target[0] == '#') {
      const json* contained = Member(eob, "contained");
      if (contained == nullptr || !contained->is_array()) return nullptr;
      for (const json& resource : *contained) {
        if (Text(Member(resource, "id")) == target.substr(1)) return &resource;
      }
      return nullptr;
    }
    if (auto it = held_.find(target); it != held_.end()) return it->second;
    // A full URL names the same resource as its last two parts.
    size_t slash = target.rfind('/');
    if (slash != std::string::npos && slash > 0) slash = target.rfind('/', slash - 1);
    auto it = slash == std::string::npos ? held_.end() : held_.find(target.substr(slash + 1));
    return it == held_.end() ? nullptr : it->second;
  }

 private:
  std::map<std::string, const json*> held_;
};

// A person's name (the first HumanName): given names, then the family name; or its text.
std::string PersonName(const json* resource) {
  const json* names = resource != nullptr ? Member(*resource, "name") : nullptr;
  if (names == nullptr || !names->is_array() || names->empty()) return "";
  const json& name = (*names)[0];
  std::string text;
  if (const json* given = Member(name, "given"); given != nullptr && given->is_array()) {
    for (const json& part : *given) text += (text.empty() ? "" : " ") + Text(&part);
  }
  std::string family = Text(Member(name, "family"));
  if (!family.empty()) text += (text.empty() ? "" : " ") + family;
  return text.empty() ? Text(Member(name, "text")) : text;
}

// What a reference names: its display, else the name of the resource it leads to (an
// organisation's, or a person's), else its identifier's value.
std::string NameOf(const json& eob, const json* reference, const References& references) {
  if (reference == nullptr) return "";
  std::string display = Text(Member(*reference, "display"));
  if (!display.empty()) return display;
  if (const json* resource = references.Resolve(eob, reference)) {
    std::string name = Text(Member(*resource, "name"));
    if (name.empty()) name = PersonName(resource);
    if (!name.empty()) return name;
  }
  const json* identifier = Member(*reference, "identifier");
  return identifier != nullptr ? Text(Member(*identifier, "value")) : "";
}

// The provider's name: the billing provider's, else the name of the care team member who performed
// (or rendered, or was primary for) the service. A bare number (an NPI) is no name.
std::string ProviderName(const json& eob, const References& references) {
  auto named = [](const std::string& name) { return name.find_first_not_of("0123456789 ") != std::string::npos; };
  std::string provider = NameOf(eob, Member(eob, "provider"), references);
  if (named(provider)) return provider;
  const json* team = Member(eob, "careTeam");
  if (team == nullptr || !team->is_array()) return "";
  for (const char* role : {"performing", "rendering", "primary"}) {
    for (const json& member : *team) {
      if (!HasCode(Member(member, "role"), role)) continue;
      std::string name = NameOf(eob, Member(member, "provider"), references);
      if (named(name)) return name;
    }
  }
  return "";
}

// The value of the first identifier typed with one of `types` (v2-0203: MB member number, SN
// subscriber number) or of a system ending in one of `systems`.
std::string IdentifierOf(const json* resource, std::initializer_list<const char*> types,
                         std::initializer_list<const char*> systems = {}) {
  const json* identifiers = resource != nullptr ? Member(*resource, "identifier") : nullptr;
  if (identifiers == nullptr || !identifiers->is_array()) return "";
  for (const json& identifier : *identifiers) {
    std::string value = Text(Member(identifier, "value")), system = Text(Member(identifier, "system"));
    for (const char* type : types) {
      if (!value.empty() && HasCode(Member(identifier, "type"), type)) return value;
    }
    for (const char* ending : systems) {
      std::string_view end(ending);
      if (!value.empty() && system.size() >= end.size() && system.compare(system.size() - end.size(), end.size(), end) == 0) {
        return value;
      }
    }
  }
  return "";
}

// The Coverage the EOB adjudicated under: the focal insurance's, else the first that resolves.
const json* CoverageOf(const json& eob, const References& references) {
  const json* insurance = Member(eob, "insurance");
  if (insurance == nullptr || !insurance->is_array()) return nullptr;
  const json* first = nullptr;
  for (const json& entry : *insurance) {
    const json* coverage = references.Resolve(eob, Member(entry, "coverage"));
    if (coverage == nullptr) continue;
    const json* focal = Member(entry, "focal");
    if (focal != nullptr && focal->is_boolean() && focal->get<bool>()) return coverage;
    if (first == nullptr) first = coverage;
  }
  return first;
}

// The value of the supporting information of a category (CARIN's "patientaccountnumber").
std::string SupportingText(const json& eob, const char* category) {
  const json* infos = Member(eob, "supportingInfo");
  if (infos == nullptr || !infos->is_array()) return "";
  for (const json& info : *infos) {
    if (HasCode(Member(info, "category"), category)) return Text(Member(info, "valueString"));
  }
  return "";
}

// Whether an adjudication list holds one of a category (CARIN's "innetwork").
bool HasCategory(const json* list, std::string_view category) {
  if (list == nullptr || !list->is_array()) return false;
  return std::any_of(list->begin(), list->end(),
                     [&](const json& adjudication) { return HasCode(Member(adjudication, "category"), category); });
}

// Whether the plan denied what an adjudication list is of: a denial reason that is an adjustment
// reason code (not Blue Button's "0"), and nothing paid.
bool Denied(const json* list) {
  if (list == nullptr || !list->is_array()) return false;
  bool reason = false;
  for (const json& adjudication : *list) {
    if (!HasCode(Member(adjudication, "category"), "denialreason")) continue;
    for (const std::string& code : CodesOf(Member(adjudication, "reason"))) reason = reason || IsAdjustmentReason(code);
  }
  if (!reason) return false;
  ClaimLine figures;
  ReadAdjudications(list, figures);
  return figures.plan_paid_cents.value_or(0) == 0;
}

// What the plan did: queued is pending; a finished claim is denied where every line (or the claim
// itself, without lines) was denied, partly denied where some were; "error" says the
// claim was not adjudicated, which is no status the notice could print.
ClaimStatus StatusOf(const json& eob) {
  std::string outcome = Text(Member(eob, "outcome"));
  if (outcome == "queued") return ClaimStatus::kPending;
  if (outcome != "complete" && outcome != "partial") return ClaimStatus::kUnknown;
  const json* items = Member(eob, "item");
  size_t lines = 0, denied = 0;
  if (items != nullptr && items->is_array()) {
    for (const json& item : *items) {
      ++lines;
      if (Denied(Member(item, "adjudication"))) ++denied;
    }
  }
  if (lines == 0) return Denied(Member(eob, "adjudication")) ? ClaimStatus::kDenied : ClaimStatus::kProcessed;
  if (denied == lines) return ClaimStatus::kDenied;
  return denied > 0 ? ClaimStatus::kPartiallyDenied : ClaimStatus::kProcessed;
}

// In or out of network, where the EOB (or any of its lines) says which it paid as (CARIN's
// benefit payment status).
NetworkStatus NetworkOf(const json& eob) {
  std::vector<const json*> lists = {Member(eob, "adjudication")};
  if (const json* items = Member(eob, "item"); items != nullptr && items->is_array()) {
    for (const json& item : *items) lists.push_back(Member(item, "adjudication"));
  }
  for (const json* list : lists) {
    if (HasCategory(list, "innetwork")) return NetworkStatus::kInNetwork;
    if (HasCategory(list, "outofnetwork")) return NetworkStatus::kOutOfNetwork;
  }
  return NetworkStatus::kUnknown;
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

// The people and the plan the EOB names: the patient, the member (the coverage's subscriber, or the
// patient where the coverage is the patient's own or none is given), the member ID and the group.
void AddPeopleAndPlan(const json& eob, const References& references, Document& document) {
  const json* patient_reference = Member(eob, "patient");
  const json* patient = references.Resolve(eob, patient_reference);
  const json* coverage = CoverageOf(eob, references);
  std::string patient_name = PersonName(patient);
  AddField(document, "patient_name", patient_name, std::nullopt, "Patient.name");
  if (coverage != nullptr) {
    const json* subscriber = references.Resolve(eob, Member(*coverage, "subscriber"));
    std::vector<std::string> relationship = CodesOf(Member(*coverage, "relationship"));
    if (subscriber != nullptr) {
      AddField(document, "member_name", PersonName(subscriber), std::nullopt, "Coverage.subscriber.name");
    } else if (relationship.empty() || relationship.front() == "self") {
      AddField(document, "member_name", patient_name, std::nullopt, "Patient.name");
    }
    std::string member_id = Text(Member(*coverage, "subscriberId"));
    AddField(document, "member_id", member_id, std::nullopt, "Coverage.subscriberId");
    if (member_id.empty()) {
      AddField(document, "member_id", IdentifierOf(coverage, {"MB", "SN"}), std::nullopt, "Coverage.identifier");
    }
    if (const json* classes = Member(*coverage, "class"); classes != nullptr && classes->is_array()) {
      for (const json& plan_class : *classes) {
        if (!HasCode(Member(plan_class, "type"), "group")) continue;
        AddField(document, "group_number", Text(Member(plan_class, "value")), std::nullopt, "Coverage.class.value");
        break;
      }
    }
  } else {
    AddField(document, "member_name", patient_name, std::nullopt, "Patient.name");
  }
  bool has_member_id = std::any_of(document.fields.begin(), document.fields.end(),
                                   [](const Field& field) { return field.name == "member_id"; });
  if (!has_member_id) {
    // The member number, or the Medicare Beneficiary Identifier, on the patient.
    AddField(document, "member_id", IdentifierOf(patient, {"MB"}, {"us-mbi"}), std::nullopt, "Patient.identifier");
  }
}

Document ReadEob(const json& eob, const References& references) {
  Document document;
  std::string payer = NameOf(eob, Member(eob, "insurer"), references);
  document.kind = payer == "CMS" || payer.find("Medicare") != std::string::npos ? DocumentKind::kMsn : DocumentKind::kEob;
  document.kind_confidence = 1.0;
  Claim claim;
  claim.claim_number = ClaimNumber(eob);
  claim.status = StatusOf(eob);
  claim.network_status = NetworkOf(eob);
  claim.provider_name = ProviderName(eob, references);
  claim.patient_account_number = SupportingText(eob, "patientaccountnumber");
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
  AddPeopleAndPlan(eob, references, document);
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
  References references;
  if (type == "ExplanationOfBenefit") {
    eobs.push_back(&root);
  } else if (type == "Bundle") {
    const json* entries = Member(root, "entry");
    if (entries != nullptr && entries->is_array()) {
      for (const json& entry : *entries) {
        const json* resource = Member(entry, "resource");
        if (resource == nullptr || !resource->is_object()) continue;
        references.Add(*resource, Text(Member(entry, "fullUrl")));
        if (Text(Member(*resource, "resourceType")) == "ExplanationOfBenefit") eobs.push_back(resource);
      }
    }
    if (eobs.empty()) return MakeError("fhir bundle holds no ExplanationOfBenefit");
  } else {
    return MakeError("fhir " + (type.empty() ? std::string("resource") : type) +
                     " is not an ExplanationOfBenefit (nor a bundle of them)");
  }
  std::vector<Document> documents;
  size_t withdrawn = 0;
  for (const json* eob : eobs) {
    // A cancelled EOB, or one entered in error, is no record of what the plan did.
    std::string status = Text(Member(*eob, "status"));
    if (status == "cancelled" || status == "entered-in-error") {
      ++withdrawn;
      continue;
    }
    documents.push_back(ReadEob(*eob, references));
    documents.back().entry = static_cast<int>(documents.size() + withdrawn);
  }
  if (documents.empty()) return MakeError("fhir ExplanationOfBenefit is cancelled or entered in error: no claim of record");
  return documents;
}

}  // namespace shoebox::extractors
