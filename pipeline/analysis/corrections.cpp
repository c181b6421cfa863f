// The person's corrections and confirmations, checked when made and applied when loaded.
#include "pipeline/analysis/corrections.hpp"

#include <algorithm>
#include <sstream>

#include "pipeline/analysis/findings.hpp"
#include "pipeline/core/dates.hpp"
#include "pipeline/core/figures.hpp"
#include "pipeline/core/money.hpp"
#include "pipeline/core/text.hpp"

namespace shoebox::findings {
namespace {

// A target as written: "amount_due_cents", "kind", or "claim 2 plan_paid_cents".
struct Target {
  bool kind = false;
  int claim = 0;      // from 1; 0: the document's own
  std::string name;   // the field
};

std::optional<Target> ParseTarget(const std::string& text) {
  std::istringstream words(text);
  std::vector<std::string> parts;
  for (std::string word; words >> word;) parts.push_back(word);
  if (parts.size() == 1) return parts[0] == "kind" ? Target{true, 0, ""} : Target{false, 0, parts[0]};
  if (parts.size() != 3 || parts[0] != "claim") return std::nullopt;
  int claim = 0;
  for (char c : parts[1]) {
    if (c < '0' || c > '9' || claim > 999) return std::nullopt;
    claim = claim * 10 + (c - '0');
  }
  if (claim == 0) return std::nullopt;
  return Target{false, claim, parts[2]};
}

bool IsClaimFigure(const std::string& name) {
  return std::any_of(kClaimFigures.begin(), kClaimFigures.end(),
                     [&](const ClaimFigure& figure) { return figure.name == name; });
}

std::optional<Cents>* ClaimFigureOf(Claim& claim, const std::string& name) {
  for (const ClaimFigure& figure : kClaimFigures) {
    if (figure.name == name) return &(claim.*(figure.of_claim));
  }
  return nullptr;
}

// The value typed, as stored: cents in digits for money, an ISO date, a kind's or a status's name,
// else the words with their spaces collapsed. Nothing where it is not of the target's type.
std::optional<std::string> Typed(const Target& target, const std::string& typed) {
  std::string text = CollapseSpaces(typed);
  if (text.empty()) return std::nullopt;
  if (target.kind) {
    auto kind = ParseDocumentKind(text);
    return kind ? std::optional<std::string>(ToString(*kind)) : std::nullopt;
  }
  if (target.name.ends_with("_cents")) {
    auto cents = ParseMoney(text);
    return cents ? std::optional<std::string>(std::to_string(*cents)) : std::nullopt;
  }
  if (target.name.find("date") != std::string::npos) return ParseDate(text);
  if (target.name == "status") {
    ClaimStatus status = ParseClaimStatus(text);
    return status == ClaimStatus::kUnknown ? std::nullopt : std::optional<std::string>(ToString(status));
  }
  return text;
}

std::string Shown(const std::string& name, const std::string& stored) {
  if (!name.ends_with("_cents") || stored.empty()) return stored;
  return Money(std::stoll(stored));
}

// "corrected on 2025-12-01, read as $136.82" or "confirmed on 2025-12-01".
std::string Said(const Correction& correction) {
  if (!correction.value) return "confirmed on " + correction.made_on;
  return "corrected on " + correction.made_on + ", read as " +
         (correction.read_value.empty() ? std::string("nothing") : correction.read_value);
}

void ApplyToField(Document& document, const std::string& name, const Correction& correction) {
  auto field = std::find_if(document.fields.begin(), document.fields.end(), [&](const Field& f) { return f.name == name; });
  if (!correction.value) {
    if (field == document.fields.end()) return;
    field->confidence = 1.0;
    field->person = Said(correction);
    return;
  }
  if (field == document.fields.end()) {
    document.fields.push_back(Field{name, "", std::nullopt, 0, document.first_page, {}, "the person"});
    field = document.fields.end() - 1;
  }
  if (name.ends_with("_cents")) field->cents = std::stoll(*correction.value);
  else field->text = *correction.value;
  field->confidence = 1.0;
  field->person = Said(correction);
}

void ApplyToClaim(Claim& claim, const std::string& name, const Correction& correction) {
  if (!correction.value) return;  // a claim's figure carries no confidence of its own to raise
  if (std::optional<Cents>* figure = ClaimFigureOf(claim, name)) *figure = std::stoll(*correction.value);
  else if (name == "status") claim.status = ParseClaimStatus(*correction.value);
  else if (name == "claim_number") claim.claim_number = *correction.value;
}

void Apply(Document& document, const Correction& correction) {
  std::optional<Target> target = ParseTarget(correction.target);
  if (!target) return;
  if (target->kind) {
    if (auto kind = correction.value ? ParseDocumentKind(*correction.value) : std::nullopt) document.kind = *kind;
    document.kind_confidence = 1.0;
    return;
  }
  if (target->claim == 0) return ApplyToField(document, target->name, correction);
  if (static_cast<size_t>(target->claim) <= document.claims.size()) {
    ApplyToClaim(document.claims[static_cast<size_t>(target->claim) - 1], target->name, correction);
  }
}

bool Follows(const StoredDocument& document, const std::vector<std::string>& keys, const Correction& correction) {
  if (document.id == correction.document_id) return true;
  return std::any_of(keys.begin(), keys.end(), [&](const std::string& key) {
    return std::find(correction.paper_keys.begin(), correction.paper_keys.end(), key) != correction.paper_keys.end();
  });
}

}  // namespace

Result<Correction> MakeCorrection(const StoredDocument& stored, const std::string& target_text,
                                  const std::optional<std::string>& typed, const std::string& today) {
  const Document& document = stored.document;
  std::optional<Target> target = ParseTarget(target_text);
  if (!target) return MakeError("'" + target_text + "' is no field: give a field's name, kind, or claim N FIELD");
  if (target->claim > 0) {
    if (static_cast<size_t>(target->claim) > document.claims.size()) {
      return MakeError("the document has " + std::to_string(document.claims.size()) + " claim(s), not " +
                       std::to_string(target->claim));
    }
    if (!IsClaimFigure(target->name) && target->name != "status" && target->name != "claim_number") {
      return MakeError("a claim's " + target->name + " cannot be corrected: its figures (billed_cents, "
                       "plan_paid_cents, …), status or claim_number can");
    }
  } else if (!target->kind) {
    const auto& names = FieldNamesOf(document.kind);
    if (std::find(names.begin(), names.end(), target->name) == names.end()) {
      return MakeError(std::string("a document read as ") + ToString(document.kind) + " has no field " +
                       target->name + " (shoebox show lists its fields)");
    }
  }
  Correction correction;
  correction.document_id = stored.id;
  correction.paper_keys = PaperKeys(document);
  correction.target = target_text;
  correction.read_value = ShownValue(document, target_text);
  correction.made_on = today;
  if (typed) {
    correction.value = Typed(*target, *typed);
    if (!correction.value) return MakeError("'" + *typed + "' is not a value for " + target_text);
  } else if (correction.read_value.empty()) {
    return MakeError("nothing was read for " + target_text + " to confirm: correct it with its value instead");
  }
  return correction;
}

std::string ShownValue(const Document& document, const std::string& target_text) {
  std::optional<Target> target = ParseTarget(target_text);
  if (!target) return "";
  if (target->kind) return ToString(document.kind);
  if (target->claim == 0) {
    const Field* field = FieldOf(document, target->name);
    if (field == nullptr) return "";
    return field->cents ? Money(*field->cents) : field->text;
  }
  if (static_cast<size_t>(target->claim) > document.claims.size()) return "";
  Claim claim = document.claims[static_cast<size_t>(target->claim) - 1];
  if (std::optional<Cents>* figure = ClaimFigureOf(claim, target->name)) return *figure ? Money(**figure) : "";
  if (target->name == "status") return claim.status == ClaimStatus::kUnknown ? "" : ToString(claim.status);
  if (target->name == "claim_number") return claim.claim_number;
  return "";
}

void ApplyCorrections(std::vector<StoredDocument>& documents, const std::vector<Correction>& corrections) {
  if (corrections.empty()) return;
  for (StoredDocument& document : documents) {
    std::vector<std::string> keys = PaperKeys(document.document);  // as read, before any correction
    for (const Correction& correction : corrections) {
      if (Follows(document, keys, correction)) Apply(document.document, correction);
    }
  }
}

Result<std::vector<StoredDocument>> LoadCorrected(store::Database& db, std::int64_t after_source_id) {
  auto documents = db.LoadDocuments(after_source_id);
  if (!documents) return documents.error();
  auto corrections = db.LoadCorrections();
  if (!corrections) return corrections.error();
  ApplyCorrections(*documents, *corrections);
  return documents;
}

Result<std::optional<StoredDocument>> LoadCorrected(store::Database& db, const std::string& document_id) {
  auto document = db.LoadDocument(document_id);
  if (!document) return document.error();
  if (!*document) return document;
  auto corrections = db.LoadCorrections();
  if (!corrections) return corrections.error();
  std::vector<StoredDocument> one = {std::move(**document)};
  ApplyCorrections(one, *corrections);
  return std::optional<StoredDocument>(std::move(one.front()));
}

}  // namespace shoebox::findings
