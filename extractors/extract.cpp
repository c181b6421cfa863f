// The extraction engine: one for every kind. It reads the kind's fields in the order the kinds
// table lists their readers, its itemized table and its claims, then checks the kind's identities
// together; a figure repaired by the arithmetic is marked less sure.
#include "extractors/extract.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "extractors/arithmetic.hpp"
#include "extractors/claims.hpp"
#include "extractors/fields.hpp"
#include "extractors/kinds/kind.hpp"
#include "extractors/line_items.hpp"
#include "pipeline/core/text.hpp"

namespace shoebox::extractors {
namespace {

std::vector<std::string> Tokens(const std::vector<std::string_view>& phrase) {
  return std::vector<std::string>(phrase.begin(), phrase.end());
}

// The rule ID a reader's fields carry (Field::read_by), with the phrase it went by.
std::string ReadBy(const FieldReader& reader) {
  std::string phrase = Join(Tokens(reader.phrase), " ");
  switch (reader.reader) {
    case Reader::kLabels: return "label";
    case Reader::kLetterhead: return "letterhead";
    case Reader::kNameBeforePhrase: return "name_before_phrase: " + phrase;
    case Reader::kValueAfterPhrase: return "value_after_phrase: " + phrase;
    case Reader::kSentenceAfterPhrase: return "sentence_after_phrase: " + phrase;
    case Reader::kDateAloneAtTop: return "date_alone_at_top";
    case Reader::kWordsSay: return "words_say";
    case Reader::kSummaryTotals: return "summary";
    case Reader::kAddressee: return "addressee";
    case Reader::kMailingAddress: return "mailing_address";
    case Reader::kSenderAddress: return "sender_address";
  }
  return "";
}

// kWordsSay: the first choice whose phrase the text holds, or whose field was read.
std::optional<Field> WordsSay(const FieldReader& reader, const std::vector<Line>& lines,
                              const std::map<std::string, Field>& found) {
  std::string text = JoinedLowerText(lines);
  for (const WordsChoice& choice : reader.choices) {
    auto said = std::find_if(choice.phrases.begin(), choice.phrases.end(),
                             [&](std::string_view phrase) { return text.find(phrase) != std::string::npos; });
    bool read = !choice.or_when_read.empty() && found.count(std::string(choice.or_when_read)) > 0;
    if (said == choice.phrases.end() && !read) continue;
    Field field;
    field.name = std::string(reader.field);
    field.text = std::string(choice.value);
    field.confidence = reader.confidence;
    field.page = lines.empty() ? 1 : lines.front().page;
    field.read_by = said != choice.phrases.end() ? "words_say: " + std::string(*said)
                                                 : "words_say: " + std::string(choice.or_when_read) + " was read";
    return field;
  }
  return std::nullopt;
}

// The document's fields, each reader in turn.
std::map<std::string, Field> ReadFields(const KindSpec& kind, const std::vector<Line>& lines, const CellGrid& grid) {
  std::map<std::string, Field> found;
  std::vector<bool> lines_of_claims = kind.claims ? LinesOfClaims(lines) : std::vector<bool>();
  ClaimsLines leave_to_claims{kind.claims ? &lines_of_claims : nullptr, "claim"};
  for (const FieldReader& reader : kind.fields) {
    std::string field(reader.field);
    if (reader.reader == Reader::kLabels || reader.reader == Reader::kSummaryTotals) {
      auto read = reader.reader == Reader::kLabels ? FindLabelledFields(grid, field, leave_to_claims)
                                                     : ReadSummaryTotals(lines, field);
      for (auto& [name, value] : read) found.emplace(name, std::move(value));
      continue;
    }
    if (found.count(field) && !reader.outranks) continue;
    std::optional<Field> read;
    switch (reader.reader) {
      case Reader::kLabels:
      case Reader::kSummaryTotals: break;
      case Reader::kLetterhead: read = Letterhead(grid, field); break;
      case Reader::kAddressee: read = Addressee(grid, field); break;
      case Reader::kMailingAddress: read = MailingAddress(grid, field); break;
      case Reader::kSenderAddress: read = SenderAddress(grid, field); break;
      case Reader::kNameBeforePhrase: read = NameBeforePhrase(lines, field, Tokens(reader.phrase)); break;
      case Reader::kValueAfterPhrase: read = ValueAfterPhrase(lines, field, Tokens(reader.phrase)); break;
      case Reader::kSentenceAfterPhrase: read = SentenceAfterPhrase(lines, field, Tokens(reader.phrase)); break;
      case Reader::kDateAloneAtTop: read = DateAloneAtTop(lines, field); break;
      case Reader::kWordsSay: read = WordsSay(reader, lines, found); break;
    }
    if (read) {
      if (read->read_by.empty()) read->read_by = ReadBy(reader);
      found[field] = std::move(*read);
    }
  }
  return found;
}

// The kind's identities over what was read, checked together; a repaired figure is less sure.
void CheckFields(const KindSpec& kind, std::map<std::string, Field>& found, Document& document) {
  std::vector<Identity> identities;
  auto read = [&](const IdentityTerm& term) {
    auto it = found.find(std::string(term.field));
    return it != found.end() && it->second.cents.has_value();
  };
  for (const FieldIdentity& spec : kind.identities) {
    if (!std::all_of(spec.required.begin(), spec.required.end(), read)) continue;
    if (spec.with_line_item_charges && document.line_items.empty()) continue;
    Identity identity{std::string(spec.check), {}};
    auto add = [&](const IdentityTerm& term) {
      identity.terms.push_back({&*found[std::string(term.field)].cents, term.sign, std::string(term.field), term.magnitude});
    };
    std::for_each(spec.required.begin(), spec.required.end(), add);
    for (size_t i = 0; spec.with_line_item_charges && i < document.line_items.size(); ++i) {
      identity.terms.push_back({&document.line_items[i].charge_cents, +1, "line " + std::to_string(i + 1) + " charge"});
    }
    for (const IdentityTerm& term : spec.optional) {
      if (read(term)) add(term);
    }
    identities.push_back(std::move(identity));
  }
  std::set<std::string> repairs;  // one repair can mend two identities; count it once
  for (Check& check : CheckIdentities(std::move(identities))) {
    bool counted = !repairs.insert(check.detail).second;
    for (auto& [name, field] : found) {
      if (counted) break;
      if (check.detail.starts_with("repaired " + name + ":")) {
        field.confidence *= 0.8;
        field.read_by += "; repaired by " + check.name;
      }
    }
    for (size_t i = 0; i < document.line_items.size() && !counted; ++i) {
      if (check.detail.starts_with("repaired line " + std::to_string(i + 1) + " ")) document.line_items[i].confidence *= 0.8;
    }
    document.checks.push_back(std::move(check));
  }
}

}  // namespace

void Extract(const std::vector<Line>& raw_lines, Document& document) {
  const KindSpec* kind = KindOf(document.kind, document.form);
  if (kind == nullptr) return;
  std::vector<Line> lines = SplitRunTogetherLabels(RemoveLeaderDots(raw_lines));
  CellGrid grid(lines);
  std::map<std::string, Field> found = ReadFields(*kind, lines, grid);
  if (kind->line_items) document.line_items = ExtractLineItems(lines);
  if (kind->claims) ReadClaims(lines, document);
  CheckFields(*kind, found, document);
  for (auto& [name, field] : found) document.fields.push_back(std::move(field));
  std::sort(document.fields.begin(), document.fields.end(),
            [](const Field& a, const Field& b) { return a.name < b.name; });
}

SplitCues ReadSplitCues(const std::vector<Line>& raw_lines, DocumentKind kind_of_page) {
  SplitCues cues;
  cues.itemized = !ExtractLineItems(raw_lines).empty();
  const KindSpec* kind = KindOf(kind_of_page);
  if (kind == nullptr) return cues;
  std::vector<Line> lines = SplitRunTogetherLabels(RemoveLeaderDots(raw_lines));
  CellGrid grid(lines);
  std::map<std::string, Field> found;
  for (const FieldReader& reader : kind->fields) {
    if (reader.reader != Reader::kLabels) continue;
    for (auto& [name, value] : FindLabelledFields(grid, std::string(reader.field))) found.emplace(name, std::move(value));
  }
  // A plan's notice is known by its member ID, a bill or a letter by its account number.
  for (const char* name : {"member_id", "account_number"}) {
    if (auto it = found.find(name); it != found.end() && cues.identifier.empty()) cues.identifier = it->second.text;
  }
  if (kind->line_items && !cues.itemized) cues.itemized = !ExtractLineItems(lines).empty();
  return cues;
}

}  // namespace shoebox::extractors
