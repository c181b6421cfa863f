// The person's corrections and confirmations, checked when made and applied when loaded.
#include "pipeline/analysis/corrections.hpp"

#include <algorithm>
#include <sstream>
#include <variant>

#include "pipeline/analysis/findings.hpp"
#include "pipeline/core/dates.hpp"
#include "pipeline/core/figures.hpp"
#include "pipeline/core/money.hpp"
#include "pipeline/core/text.hpp"

namespace shoebox::findings {
namespace {

// A target as written: "amount_due_cents", "kind", "claim 2 plan_paid_cents", "claim 2 line 1
// allowed_cents", "line 3 charge_cents" (claims and lines counted from 1).
struct Target {
  bool kind = false;
  int claim = 0;  // 0: not a claim's
  int line = 0;   // 0: not a line's (a claim's line where claim > 0, else the bill's line item)
  std::string name;
};

std::optional<int> Ordinal(const std::string& text) {
  if (text.empty() || text.size() > 4 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  int n = std::stoi(text);
  return n > 0 ? std::optional<int>(n) : std::nullopt;
}

std::optional<Target> ParseTarget(const std::string& text) {
  std::istringstream words(text);
  std::vector<std::string> parts;
  for (std::string word; words >> word;) parts.push_back(word);
  Target target;
  size_t at = 0;
  if (parts.size() >= 3 && parts[0] == "claim") {
    auto claim = Ordinal(parts[1]);
    if (!claim) return std::nullopt;
    target.claim = *claim;
    at = 2;
  }
  if (parts.size() == at + 3 && parts[at] == "line") {
    auto line = Ordinal(parts[at + 1]);
    if (!line) return std::nullopt;
    target.line = *line;
    at += 2;
  }
  if (parts.size() != at + 1) return std::nullopt;
  target.name = parts[at];
  target.kind = at == 0 && target.name == "kind";
  return target;
}

// Where a claim's or a line's value lives: one of these, by its type.
using Slot = std::variant<std::string*, std::optional<Cents>*, Cents*, std::optional<int>*, ClaimStatus*>;

std::optional<Cents>* FigureOf(Claim& claim, const std::string& name) {
  for (const ClaimFigure& figure : kClaimFigures) {
    if (figure.name == name) return &(claim.*(figure.of_claim));
  }
  return nullptr;
}

std::optional<Cents>* FigureOf(ClaimLine& line, const std::string& name) {
  for (const ClaimFigure& figure : kClaimFigures) {
    if (figure.name == name) return &(line.*(figure.of_line));
  }
  return nullptr;
}

// The slot a claim's or a line's target names on the document, or why there is none.
std::variant<Slot, std::string> SlotOf(Document& document, const Target& target) {
  auto count = [](size_t n, const char* what) {
    return "the document has " + std::to_string(n) + " " + what + "(s), not ";
  };
  if (target.claim > 0) {
    if (static_cast<size_t>(target.claim) > document.claims.size()) {
      return count(document.claims.size(), "claim") + std::to_string(target.claim);
    }
    Claim& claim = document.claims[static_cast<size_t>(target.claim) - 1];
    if (target.line > 0) {
      if (static_cast<size_t>(target.line) > claim.lines.size()) {
        return "claim " + std::to_string(target.claim) + " has " + std::to_string(claim.lines.size()) +
               " line(s), not " + std::to_string(target.line);
      }
      ClaimLine& line = claim.lines[static_cast<size_t>(target.line) - 1];
      if (auto* figure = FigureOf(line, target.name)) return Slot(figure);
      if (target.name == "date_of_service") return Slot(&line.date_of_service);
      if (target.name == "code") return Slot(&line.code);
      return "a claim line's " + target.name + " cannot be corrected: its figures, date_of_service or code can";
    }
    if (auto* figure = FigureOf(claim, target.name)) return Slot(figure);
    if (target.name == "status") return Slot(&claim.status);
    if (target.name == "claim_number") return Slot(&claim.claim_number);
    return "a claim's " + target.name + " cannot be corrected: its figures (billed_cents, plan_paid_cents, …), " +
           "status or claim_number can";
  }
  if (static_cast<size_t>(target.line) > document.line_items.size()) {
    return count(document.line_items.size(), "line item") + std::to_string(target.line);
  }
  LineItem& item = document.line_items[static_cast<size_t>(target.line) - 1];
  if (target.name == "charge_cents") return Slot(&item.charge_cents);
  if (target.name == "units") return Slot(&item.units);
  if (target.name == "date_of_service") return Slot(&item.date_of_service);
  if (target.name == "code") return Slot(&item.code);
  if (target.name == "revenue_code") return Slot(&item.revenue_code);
  if (target.name == "description") return Slot(&item.description);
  return "a line item's " + target.name + " cannot be corrected: its charge_cents, units, date_of_service, code, " +
         "revenue_code or description can";
}

// The value typed, as stored: cents in digits for money, an ISO date, a kind's or a status's name,
// a count, else the words with their spaces collapsed. Nothing where it is not of the type.
std::optional<std::string> Typed(const std::string& name, bool money, const std::string& typed) {
  std::string text = CollapseSpaces(typed);
  if (text.empty()) return std::nullopt;
  if (money) {
    auto cents = ParseMoney(text);
    return cents ? std::optional<std::string>(std::to_string(*cents)) : std::nullopt;
  }
  if (name == "kind") {
    auto kind = ParseDocumentKind(text);
    return kind ? std::optional<std::string>(ToString(*kind)) : std::nullopt;
  }
  if (name.find("date") != std::string::npos) return ParseDate(text);
  if (name == "status") {
    ClaimStatus status = ParseClaimStatus(text);
    return status == ClaimStatus::kUnknown ? std::nullopt : std::optional<std::string>(ToString(status));
  }
  if (name == "units") return Ordinal(text) ? std::optional<std::string>(text) : std::nullopt;
  return text;
}

std::string Shown(const Slot& slot) {
  struct {
    std::string operator()(const std::string* text) const { return *text; }
    std::string operator()(const std::optional<Cents>* cents) const { return *cents ? Money(**cents) : ""; }
    std::string operator()(const Cents* cents) const { return Money(*cents); }
    std::string operator()(const std::optional<int>* units) const { return *units ? std::to_string(**units) : ""; }
    std::string operator()(const ClaimStatus* status) const {
      return *status == ClaimStatus::kUnknown ? "" : ToString(*status);
    }
  } shown;
  return std::visit(shown, slot);
}

void Set(const Slot& slot, const std::string& value) {
  struct {
    const std::string& value;
    void operator()(std::string* text) const { *text = value; }
    void operator()(std::optional<Cents>* cents) const { *cents = std::stoll(value); }
    void operator()(Cents* cents) const { *cents = std::stoll(value); }
    void operator()(std::optional<int>* units) const { *units = std::stoi(value); }
    void operator()(ClaimStatus* status) const { *status = ParseClaimStatus(value); }
  } set{value};
  std::visit(set, slot);
}

bool IsMoney(const Slot& slot) {
  return std::holds_alternative<std::optional<Cents>*>(slot) || std::holds_alternative<Cents*>(slot);
}

// "corrected on 2025-12-01, read as $136.82" or "confirmed on 2025-12-01".
std::string Said(const Correction& correction) {
  if (!correction.value) return "confirmed on " + correction.made_on;
  return "corrected on " + correction.made_on + ", read as " +
         (correction.read_value.empty() ? std::string("nothing") : correction.read_value);
}

void ApplyToField(Document& document, const std::string& name, const Correction& correction) {
  auto field = std::find_if(document.fields.begin(), document.fields.end(), [&](const Field& f) { return f.name == name; });
  if (field == document.fields.end()) {
    if (!correction.value) return;
    document.fields.push_back(Field{name, "", std::nullopt, 0, document.first_page, {}, "the person"});
    field = document.fields.end() - 1;
  }
  if (correction.value && name.ends_with("_cents")) field->cents = std::stoll(*correction.value);
  else if (correction.value) field->text = *correction.value;
  field->confidence = 1.0;
  field->person = Said(correction);
}

void Apply(Document& document, const Correction& correction) {
  std::optional<Target> target = ParseTarget(correction.target);
  if (!target) return;
  if (target->kind) {
    if (auto kind = correction.value ? ParseDocumentKind(*correction.value) : std::nullopt) document.kind = *kind;
    document.kind_confidence = 1.0;
  } else if (target->claim == 0 && target->line == 0) {
    ApplyToField(document, target->name, correction);
  } else if (auto slot = SlotOf(document, *target); std::holds_alternative<Slot>(slot) && correction.value) {
    Set(std::get<Slot>(slot), *correction.value);
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
  Document document = stored.document;  // a copy: SlotOf points into it
  std::optional<Target> target = ParseTarget(target_text);
  if (!target) {
    return MakeError("'" + target_text + "' is no field: give a field's name, kind, \"claim N FIELD\", "
                     "\"claim N line M FIELD\" or \"line N FIELD\"");
  }
  bool money = target->name.ends_with("_cents");
  if (target->claim > 0 || target->line > 0) {
    auto slot = SlotOf(document, *target);
    if (std::holds_alternative<std::string>(slot)) return MakeError(std::get<std::string>(slot));
    money = IsMoney(std::get<Slot>(slot));
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
    correction.value = Typed(target->name, money, *typed);
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
  if (target->claim == 0 && target->line == 0) {
    const Field* field = FieldOf(document, target->name);
    if (field == nullptr) return "";
    return field->cents ? Money(*field->cents) : field->text;
  }
  Document copy = document;
  auto slot = SlotOf(copy, *target);
  return std::holds_alternative<Slot>(slot) ? Shown(std::get<Slot>(slot)) : "";
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
