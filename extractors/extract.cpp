// The first-cut extractor shared by all kinds: label → value search over lines and cells, the
// letterhead for the sender's name, one claim per EOB/MSN, and the arithmetic checks of
// DOMAIN.md §3 where every figure of an identity is present.
#include "extractors/extract.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <map>
#include <set>

#include "extractors/arithmetic.hpp"
#include "extractors/claim_lines.hpp"
#include "pipeline/core/codes.hpp"
#include "pipeline/core/dates.hpp"
#include "pipeline/core/figures.hpp"
#include "extractors/labels.hpp"
#include "extractors/line_items.hpp"
#include "pipeline/core/money.hpp"
#include "pipeline/core/text.hpp"
#include "pipeline/reading/layout.hpp"

namespace shoebox::extractors {
namespace {

enum class ValueType { kMoney, kDate, kIdentifier, kName };

ValueType TypeOf(const std::string& field) {
  if (field.ends_with("_cents")) return ValueType::kMoney;
  if (field.find("date") != std::string::npos) return ValueType::kDate;
  if (field.ends_with("_number") || field.ends_with("_id")) return ValueType::kIdentifier;
  return ValueType::kName;
}

std::vector<std::string> Texts(const std::vector<Word>& words) {
  std::vector<std::string> texts;
  for (const Word& word : words) texts.push_back(word.text);
  return texts;
}

bool HasDigit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}
bool HasLetter(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](unsigned char c) { return std::isalpha(c); });
}

std::string TrimIdentifier(std::string text) {
  auto is_trim = [](char c) { return c == '.' || c == ',' || c == ':' || c == ';' || c == '#' || c == ')' || c == '('; };
  while (!text.empty() && is_trim(text.back())) text.pop_back();
  while (!text.empty() && is_trim(text.front())) text.erase(0, 1);
  return text;
}

// Reads a value of `type` from words[start, …); fills field text/cents, box and confidence.
bool ReadValue(ValueType type, const std::vector<Word>& words, size_t start, Field& field) {
  if (start >= words.size()) return false;
  std::vector<std::string> texts = Texts(words);
  size_t first = 0, count = 0;
  switch (type) {
    case ValueType::kMoney: {
      auto money = FindMoney(texts, start);
      if (!money) return false;
      field.cents = money->cents;
      first = money->first_word, count = money->word_count;
      break;
    }
    case ValueType::kDate: {
      auto date = FindDate(texts, start);
      if (!date) return false;
      field.text = date->iso;
      first = date->first_word, count = date->word_count;
      break;
    }
    case ValueType::kIdentifier: {
      for (size_t i = start; i < texts.size() && count == 0; ++i) {
        std::string token = TrimIdentifier(texts[i]);
        if (field.name == "member_id") token = MendMedicareNumber(token);
        if (HasDigit(token) && token.size() >= 3) field.text = token, first = i, count = 1;
      }
      if (count == 0) return false;
      break;
    }
    case ValueType::kName: {
      std::string joined;
      for (size_t i = start; i < texts.size(); ++i) joined += (joined.empty() ? "" : " ") + texts[i];
      joined = CollapseSpaces(TrimIdentifier(joined));
      if (!HasLetter(joined) || FindMoney(texts, start)) return false;
      field.text = joined;
      first = start, count = texts.size() - start;
      break;
    }
  }
  double confidence = 1.0;
  BoxPx box;
  for (size_t i = first; i < first + count; ++i) {
    confidence = std::min(confidence, words[i].confidence);
    box = Union(box, words[i].box_px);
  }
  field.box_px = box;
  field.confidence = confidence;
  return true;
}

// Finds `tokens` as a run in the cell's words (tolerant: LabelWordsAt's one slip per word);
// returns the index just past it.
std::optional<size_t> MatchLabel(const std::vector<std::string>& cell_tokens, const std::vector<std::string>& tokens,
                                 bool tolerant = false) {
  for (size_t i = 0; i + tokens.size() <= cell_tokens.size(); ++i) {
    if (LabelWordsAt(cell_tokens, i, tokens, tolerant)) return i + tokens.size();
  }
  return std::nullopt;
}

struct CellRef {
  size_t line = 0;
  Line cell;
  std::vector<std::string> tokens;
  bool stacked = false;  // a wrapped column header joined from two lines
};

// The lines split into cells once, with their label tokens.
struct CellGrid {
  const std::vector<Line>* lines = nullptr;
  std::vector<std::vector<CellRef>> cells;  // per line

  explicit CellGrid(const std::vector<Line>& all_lines) : lines(&all_lines) {
    for (size_t i = 0; i < all_lines.size(); ++i) {
      std::vector<CellRef> row;
      for (Line& cell : layout::SplitCells(all_lines[i])) {
        CellRef ref{i, std::move(cell), {}};
        for (const Word& word : ref.cell.words) ref.tokens.push_back(LabelToken(word.text));
        row.push_back(std::move(ref));
      }
      cells.push_back(std::move(row));
    }
    AddStackedHeaders();
  }

 private:
  static bool IsHeaderLike(const CellRef& ref) {
    return ref.cell.words.size() <= 3 && !HasDigit(ref.cell.Text());
  }

  // Column headers wrap: "What" over "You Owe". Where a short wordy cell sits right above another,
  // one more cell joining the two is added to the upper line, so the label can match whole.
  void AddStackedHeaders() {
    auto header_row = [](const std::vector<CellRef>& row) {
      return row.size() >= 2 && std::all_of(row.begin(), row.end(), IsHeaderLike);
    };
    for (size_t i = 0; i + 1 < cells.size(); ++i) {
      // Only between two rows made wholly of short labels: a header that wraps.
      if (!header_row(cells[i]) || !header_row(cells[i + 1])) continue;
      std::vector<CellRef> stacked;
      for (const CellRef& upper : cells[i]) {
        if (!IsHeaderLike(upper)) continue;
        for (const CellRef& lower : cells[i + 1]) {
          const BoxPx& a = upper.cell.box_px;
          const BoxPx& b = lower.cell.box_px;
          int overlap = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
          bool aligned = overlap > 0.5 * std::min(a.width(), b.width());
          bool adjacent = b.y0 - a.y1 < a.height() && upper.cell.page == lower.cell.page;
          if (!aligned || !adjacent || !IsHeaderLike(lower)) continue;
          CellRef joined = upper;
          joined.cell.words.insert(joined.cell.words.end(), lower.cell.words.begin(), lower.cell.words.end());
          joined.cell.box_px = Union(a, b);
          joined.tokens.insert(joined.tokens.end(), lower.tokens.begin(), lower.tokens.end());
          joined.stacked = true;
          stacked.push_back(std::move(joined));
        }
      }
      for (CellRef& ref : stacked) cells[i].push_back(std::move(ref));
    }
  }
};

bool Overlaps(int a0, int a1, int b0, int b1) { return std::min(a1, b1) > std::max(a0, b0); }

// Label → value over the whole document for one scope. Longer labels claim their words first, so
// "Patient Account Number" is never read as the patient's name.
std::map<std::string, Field> FindLabelledFields(const CellGrid& grid, const std::string& scope) {
  const std::vector<const Label*>& labels = LabelsLongestFirst(scope);
  std::map<std::string, Field> found;
  // Words consumed by a label, by position (a word can stand in a cell and a stacked header cell).
  std::set<std::tuple<int, int, int>> used;
  // Exact labels first; then, for fields still unfound, labels with one OCR slip per word.
  for (bool tolerant : {false, true}) {
    for (const Label* label : labels) {
      if (found.count(label->field)) continue;
      ValueType type = TypeOf(label->field);
      for (size_t li = 0; li < grid.cells.size() && !found.count(label->field); ++li) {
        const auto& row = grid.cells[li];
        for (size_t ci = 0; ci < row.size() && !found.count(label->field); ++ci) {
          auto end = MatchLabel(row[ci].tokens, label->tokens, tolerant);
          if (!end) continue;
          size_t begin = *end - label->tokens.size();
          bool taken = false;
          auto key = [&](size_t w) {
            const BoxPx& box = row[ci].cell.words[w].box_px;
            return std::tuple<int, int, int>{row[ci].cell.page, box.x0, box.y0};
          };
          for (size_t w = begin; w < *end; ++w) taken |= used.count(key(w)) > 0;
          if (taken) continue;
          // A label in a real cell owns its words even when no value follows; one found only in a
          // stacked header cell owns them only once it has its value.
          auto claim_words = [&] {
            for (size_t w = begin; w < *end; ++w) used.insert(key(w));
          };
          if (!row[ci].stacked) claim_words();
          Field field;
          field.name = label->field;
          field.page = row[ci].cell.page;
          const BoxPx& label_box = row[ci].cell.words[begin].box_px;
          bool ok = ReadValue(type, row[ci].cell.words, *end, field);
          // Then the cells to the right: a name only in the next one; a figure may stand past a
          // sign printed in a cell of its own ("interest:   +   $75.00").
          for (size_t next = ci + 1; !ok && next < row.size() && (type != ValueType::kName || next == ci + 1); ++next) {
            if (row[next].stacked) continue;
            ok = ReadValue(type, row[next].cell.words, 0, field);
          }
          // Column layouts: the value sits under its label, within the next two lines.
          for (size_t below = li + 1; !ok && below < grid.cells.size() && below <= li + 2; ++below) {
            for (const CellRef& under : grid.cells[below]) {
              if (under.cell.page == row[ci].cell.page &&
                  Overlaps(under.cell.box_px.x0, under.cell.box_px.x1, label_box.x0, row[ci].cell.box_px.x1) &&
                  ReadValue(type, under.cell.words, 0, field)) {
                ok = true;
                break;
              }
            }
          }
          if (ok) {
            claim_words();
            field.confidence *= tolerant ? 0.85 : 0.95;  // the label itself may be a near miss of what was meant
            found[label->field] = field;
          }
        }
      }
    }
  }
  return found;
}

// The sender's name: the tallest line near the top of the first page, ignoring lines of figures.
std::optional<Field> Letterhead(const std::vector<Line>& lines, const std::string& name) {
  if (lines.empty()) return std::nullopt;
  int page = lines.front().page;
  int top = lines.front().box_px.y0, bottom = top;
  for (const Line& line : lines) {
    if (line.page == page) bottom = std::max(bottom, line.box_px.y1);
  }
  int limit = top + (bottom - top) / 4;
  const Line* best = nullptr;
  int best_height = 0;
  for (const Line& line : lines) {
    if (line.page != page || line.box_px.y0 > limit) continue;
    std::vector<Line> cells = layout::SplitCells(line);
    const Line& first_cell = cells.front();
    std::string text = first_cell.Text();
    if (!HasLetter(text) || HasDigit(text)) continue;
    std::vector<int> heights;
    for (const Word& word : first_cell.words) heights.push_back(word.box_px.height());
    std::sort(heights.begin(), heights.end());
    int height = heights[heights.size() / 2];
    if (height > best_height * 1.15) best = &line, best_height = height;
  }
  if (best == nullptr) return std::nullopt;
  Line cell = layout::SplitCells(*best).front();
  Field field;
  field.name = name;
  field.text = CollapseSpaces(cell.Text());
  field.page = cell.page;
  field.box_px = cell.box_px;
  field.confidence = 1.0;
  for (const Word& word : cell.words) field.confidence = std::min(field.confidence, word.confidence);
  field.confidence *= 0.8;  // a letterhead is a guess from layout, not a label
  return field;
}

// "North South Group is a debt collector." names the collector in the model notice's own words.
std::optional<Field> CollectorFromDisclosure(const std::vector<Line>& lines) {
  for (const Line& line : lines) {
    std::vector<std::string> tokens;
    for (const Word& word : line.words) tokens.push_back(LabelToken(word.text));
    auto end = MatchLabel(tokens, {"is", "a", "debt", "collector"});
    if (!end || *end < 5) continue;
    size_t name_end = *end - 4;
    Field field;
    field.name = "collector_name";
    field.page = line.page;
    field.confidence = 1.0;
    for (size_t i = 0; i < name_end; ++i) {
      field.text += (i ? " " : "") + line.words[i].text;
      field.box_px = Union(field.box_px, line.words[i].box_px);
      field.confidence = std::min(field.confidence, line.words[i].confidence);
    }
    return field;
  }
  return std::nullopt;
}

std::string JoinedLowerText(const std::vector<Line>& lines) {
  std::string text;
  for (const Line& line : lines) text += NormalizeForMatch(line.Text()) + "\n";
  return text;
}

std::optional<Cents> CentsOf(const std::map<std::string, Field>& fields, const std::string& name) {
  auto it = fields.find(name);
  return it == fields.end() ? std::nullopt : it->second.cents;
}

void AddFields(const std::map<std::string, Field>& found, Document& document) {
  for (const auto& [name, field] : found) document.fields.push_back(field);
}

void ExtractBill(const std::vector<Line>& lines, const CellGrid& grid, Document& document) {
  if (auto name = Letterhead(lines, "provider_name")) document.fields.push_back(*name);
  auto found = FindLabelledFields(grid, "bill");
  std::string text = JoinedLowerText(lines);
  std::string status;
  if (text.find("pending insurance") != std::string::npos || text.find("insurance pending") != std::string::npos ||
      text.find("awaiting insurance") != std::string::npos) {
    status = "pending";
  } else if (text.find("billed to insurance") != std::string::npos) {
    status = "billed";
  } else if (found.count("insurance_paid_cents") || text.find("insurance has processed") != std::string::npos) {
    status = "processed";
  }
  if (!status.empty()) {
    Field field;
    field.name = "insurance_status";
    field.text = status;
    field.confidence = 0.7;
    field.page = lines.empty() ? 1 : lines.front().page;
    document.fields.push_back(field);
  }
  document.line_items = ExtractLineItems(lines);
  std::vector<Identity> identities;
  if (!document.line_items.empty() && found.count("total_charges_cents")) {
    Identity lines_sum{"line_items_sum_to_total_charges", {{&*found["total_charges_cents"].cents, -1, "total_charges_cents"}}};
    for (size_t i = 0; i < document.line_items.size(); ++i) {
      lines_sum.terms.push_back({&document.line_items[i].charge_cents, +1, "line " + std::to_string(i + 1) + " charge"});
    }
    identities.push_back(std::move(lines_sum));
  }
  if (found.count("total_charges_cents") && found.count("amount_due_cents")) {
    // Credits are subtracted whether the sender prints them as "$96.60" or "-$96.60".
    Identity due{"amount_due_equals_charges_less_credits",
                 {{&*found["total_charges_cents"].cents, +1, "total_charges_cents"},
                  {&*found["amount_due_cents"].cents, -1, "amount_due_cents"}}};
    for (const char* credit : {"insurance_paid_cents", "adjustments_cents", "patient_paid_cents", "insurance_pending_cents"}) {
      if (found.count(credit)) due.terms.push_back({&*found[credit].cents, -1, credit, true});
    }
    identities.push_back(std::move(due));
  }
  std::set<std::string> repairs;  // one repair can mend two identities; count it once
  for (Check& check : CheckIdentities(std::move(identities))) {
    bool counted = !repairs.insert(check.detail).second;
    // A repaired figure is less certain than one read cleanly.
    for (auto& [name, field] : found) {
      if (counted) break;
      if (check.detail.starts_with("repaired " + name + ":")) field.confidence *= 0.8;
    }
    for (size_t i = 0; i < document.line_items.size() && !counted; ++i) {
      if (check.detail.starts_with("repaired line " + std::to_string(i + 1) + " ")) document.line_items[i].confidence *= 0.8;
    }
    document.checks.push_back(std::move(check));
  }
  AddFields(found, document);
}

// One claim from the lines of its block.
std::optional<Claim> ReadClaim(const std::vector<Line>& block, const std::string& document_text) {
  CellGrid grid(block);
  auto found = FindLabelledFields(grid, "claim");
  if (found.empty()) return std::nullopt;
  Claim claim;
  auto text_of = [&](const char* name) { return found.count(name) ? found[name].text : std::string(); };
  claim.claim_number = text_of("claim_number");
  claim.provider_name = text_of("provider_name");
  claim.patient_account_number = text_of("patient_account_number");
  claim.processed_date = text_of("processed_date");
  // A single date of service is both ends of the range.
  claim.service_date_from = text_of("service_date_from");
  claim.service_date_to = found.count("service_date_to") ? text_of("service_date_to") : claim.service_date_from;
  for (const ClaimFigure& figure : kClaimFigures) claim.*figure.of_claim = CentsOf(found, std::string(figure.name));
  claim.page = found.begin()->second.page;
  // Network and status are said in words; the block's own words first, then the document's.
  std::string block_text = JoinedLowerText(block);
  for (const std::string* text : std::array<const std::string*, 2>{&block_text, &document_text}) {
    if (!claim.network_status.empty()) break;
    if (text->find("out-of-network") != std::string::npos || text->find("out of network") != std::string::npos) {
      claim.network_status = "out_of_network";
    } else if (text->find("in-network") != std::string::npos || text->find("in network") != std::string::npos) {
      claim.network_status = "in_network";
    }
  }
  if (block_text.find("denied") != std::string::npos) {
    claim.status = claim.plan_paid_cents.value_or(0) > 0 ? "partially_denied" : "denied";
  } else if (block_text.find("pending") != std::string::npos || block_text.find("in process") != std::string::npos) {
    claim.status = "pending";
  } else if (!claim.processed_date.empty() || claim.plan_paid_cents) {
    claim.status = "processed";
  }
  return claim;
}

// The lines of each claim: a block starts at each line that carries a claim-number label.
std::vector<std::vector<Line>> ClaimBlocks(const std::vector<Line>& lines) {
  std::vector<const Label*> number_labels;
  for (const Label& label : Labels()) {
    if (label.scope == "claim" && label.field == "claim_number") number_labels.push_back(&label);
  }
  std::vector<size_t> starts;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::vector<std::string> tokens;
    for (const Word& word : lines[i].words) tokens.push_back(LabelToken(word.text));
    for (const Label* label : number_labels) {
      if (MatchLabel(tokens, label->tokens)) {
        starts.push_back(i);
        break;
      }
    }
  }
  if (starts.size() < 2) return {lines};
  std::vector<std::vector<Line>> blocks;
  for (size_t k = 0; k < starts.size(); ++k) {
    size_t end = k + 1 < starts.size() ? starts[k + 1] : lines.size();
    blocks.emplace_back(lines.begin() + static_cast<long>(starts[k]), lines.begin() + static_cast<long>(end));
  }
  return blocks;
}

// A claim's lines against themselves and against the claim: each line's allowed amount is what
// the plan paid plus the member's shares, and each column adds up to the claim's figure. Checked
// together, so a figure misread in one line is repaired only where one reading makes both hold.
std::vector<Check> CheckClaimLines(Claim& claim, const std::string& suffix) {
  std::vector<Identity> identities;
  for (size_t k = 0; k < claim.lines.size(); ++k) {
    ClaimLine& line = claim.lines[k];
    if (!line.allowed_cents || !line.plan_paid_cents || !line.deductible_cents || !line.copay_cents ||
        !line.coinsurance_cents) {
      continue;
    }
    std::string name = "line " + std::to_string(k + 1) + " ";
    identities.push_back({"claim_line_" + std::to_string(k + 1) + "_allowed_equals_paid_plus_cost_share" + suffix,
                          {{&*line.allowed_cents, -1, name + "allowed_cents"},
                           {&*line.plan_paid_cents, +1, name + "plan_paid_cents"},
                           {&*line.deductible_cents, +1, name + "deductible_cents"},
                           {&*line.copay_cents, +1, name + "copay_cents"},
                           {&*line.coinsurance_cents, +1, name + "coinsurance_cents"}}});
  }
  for (const ClaimFigure& figure : kClaimFigures) {
    if (!figure.lines_add_up_to_it) continue;
    std::optional<Cents>& total = claim.*figure.of_claim;
    bool every_line = !claim.lines.empty() && std::all_of(claim.lines.begin(), claim.lines.end(), [&](const ClaimLine& line) {
      return (line.*figure.of_line).has_value();
    });
    if (!total || !every_line) continue;
    std::string field(figure.name);
    Identity identity{"claim_lines_sum_to_" + field + suffix, {{&*total, -1, field}}};
    for (size_t k = 0; k < claim.lines.size(); ++k) {
      identity.terms.push_back({&*(claim.lines[k].*figure.of_line), +1, "line " + std::to_string(k + 1) + " " + field});
    }
    identities.push_back(std::move(identity));
  }
  if (identities.empty()) return {};
  return CheckIdentities(std::move(identities));
}

void ExtractClaimDocument(const std::vector<Line>& lines, const CellGrid& grid, Document& document) {
  if (auto name = Letterhead(lines, "payer_name")) document.fields.push_back(*name);
  AddFields(FindLabelledFields(grid, "eob"), document);
  std::string document_text = JoinedLowerText(lines);
  std::vector<std::vector<Line>> blocks = ClaimBlocks(lines);
  for (const std::vector<Line>& block : blocks) {
    // The service-line table first: its headers ("Deductible", "Service Date") are labels too, and
    // the claim's own figures are the ones printed outside it.
    ClaimTable table = ExtractClaimLines(block);
    std::vector<Line> outside_table;
    for (size_t i = 0; i < block.size(); ++i) {
      if (!table.in_table[i]) outside_table.push_back(block[i]);
    }
    std::optional<Claim> claim = ReadClaim(outside_table, document_text);
    if (!claim) continue;
    std::string suffix = blocks.size() > 1 ? "_claim_" + std::to_string(document.claims.size() + 1) : "";
    Claim& c = *claim;
    c.lines = std::move(table.lines);
    if (c.deductible_cents && c.copay_cents && c.coinsurance_cents && c.patient_responsibility_cents) {
      // What you owe = deductible + copay + coinsurance (+ the not-covered part the patient owes).
      // Where the not-covered amount is not printed the identity cannot be told apart from a
      // denial, so it is checked only when it holds without it.
      std::vector<Term> terms = {{&*c.deductible_cents, +1, "deductible_cents"}, {&*c.copay_cents, +1, "copay_cents"},
                                 {&*c.coinsurance_cents, +1, "coinsurance_cents"},
                                 {&*c.patient_responsibility_cents, -1, "patient_responsibility_cents"}};
      Cents shares = *c.deductible_cents + *c.copay_cents + *c.coinsurance_cents;
      if (c.not_covered_cents && shares != *c.patient_responsibility_cents) {
        terms.push_back({&*c.not_covered_cents, +1, "not_covered_cents"});
      }
      if (c.not_covered_cents || shares == *c.patient_responsibility_cents) {
        document.checks.push_back(CheckIdentity("claim_cost_share_sums_to_patient_responsibility" + suffix, terms));
      }
    }
    if (c.allowed_cents && c.plan_paid_cents && c.deductible_cents && c.copay_cents && c.coinsurance_cents) {
      document.checks.push_back(CheckIdentity(
          "claim_allowed_equals_paid_plus_cost_share" + suffix,
          {{&*c.allowed_cents, -1, "allowed_cents"}, {&*c.plan_paid_cents, +1, "plan_paid_cents"},
           {&*c.deductible_cents, +1, "deductible_cents"}, {&*c.copay_cents, +1, "copay_cents"},
           {&*c.coinsurance_cents, +1, "coinsurance_cents"}}));
    }
    for (Check& check : CheckClaimLines(c, suffix)) document.checks.push_back(std::move(check));
    document.claims.push_back(std::move(*claim));
  }
}

void ExtractCollectionLetter(const std::vector<Line>& lines, const CellGrid& grid, Document& document) {
  auto collector = CollectorFromDisclosure(lines);
  if (!collector) collector = Letterhead(lines, "collector_name");
  if (collector) document.fields.push_back(*collector);
  auto found = FindLabelledFields(grid, "collection_letter");
  // The model notice says several figures in sentences rather than beside labels.
  auto after_phrase = [&](const char* name, ValueType type, const std::vector<std::string>& phrase) {
    for (const Line& line : lines) {
      if (found.count(name)) return;
      std::vector<std::string> tokens;
      for (const Word& word : line.words) tokens.push_back(LabelToken(word.text));
      auto end = MatchLabel(tokens, phrase);
      if (!end) continue;
      Field field;
      field.name = name;
      field.page = line.page;
      if (ReadValue(type, line.words, *end, field)) found[name] = field;
    }
  };
  after_phrase("validation_end_date", ValueType::kDate, {"write", "to", "us", "by"});
  after_phrase("itemization_date", ValueType::kDate, {"as", "of"});
  // "…a debt that you owe to Bank of Rockville." names the current creditor, often across a line
  // break; it outranks a "current creditor" label, which the model notice also uses in prose.
  bool creditor_from_sentence = false;
  for (size_t i = 0; i < lines.size() && !creditor_from_sentence; ++i) {
    std::vector<std::string> tokens;
    for (const Word& word : lines[i].words) tokens.push_back(LabelToken(word.text));
    auto end = MatchLabel(tokens, {"you", "owe", "to"});
    if (!end) continue;
    std::vector<Word> words(lines[i].words.begin() + static_cast<long>(*end), lines[i].words.end());
    if (i + 1 < lines.size()) words.insert(words.end(), lines[i + 1].words.begin(), lines[i + 1].words.end());
    Field field;
    field.name = "current_creditor";
    field.page = lines[i].page;
    field.confidence = 1.0;
    for (const Word& word : words) {
      bool last = word.text.ends_with(".");
      field.text += (field.text.empty() ? "" : " ") + (last ? word.text.substr(0, word.text.size() - 1) : word.text);
      field.box_px = Union(field.box_px, word.box_px);
      field.confidence = std::min(field.confidence, word.confidence * 0.9);
      if (last) break;
    }
    if (!field.text.empty() && field.text.size() < 80) {
      found[field.name] = field;
      creditor_from_sentence = true;
    }
  }
  // A letter's own date stands alone on a line near the top of its first page.
  if (!found.count("letter_date") && !lines.empty()) {
    for (const Line& line : lines) {
      if (line.page != lines.front().page) break;
      auto date = FindDate(Texts(line.words));
      if (!date || date->word_count != line.words.size()) continue;
      Field field;
      field.name = "letter_date";
      field.page = line.page;
      if (ReadValue(ValueType::kDate, line.words, 0, field)) found[field.name] = field;
      break;
    }
  }
  if (found.count("amount_on_itemization_date_cents") && found.count("current_amount_cents")) {
    std::vector<Term> terms = {{&*found["amount_on_itemization_date_cents"].cents, +1, "amount_on_itemization_date_cents"},
                               {&*found["current_amount_cents"].cents, -1, "current_amount_cents"}};
    for (auto [name, sign] : std::vector<std::pair<const char*, int>>{
             {"interest_cents", +1}, {"fees_cents", +1}, {"payments_cents", -1}, {"credits_cents", -1}}) {
      if (found.count(name) && found[name].cents) terms.push_back({&*found[name].cents, sign, name, true});
    }
    document.checks.push_back(CheckIdentity("current_amount_equals_itemization_plus_changes", terms));
  }
  AddFields(found, document);
}

}  // namespace

std::optional<MoneyMatch> FindMoney(const std::vector<std::string>& words, size_t start) {
  for (size_t i = start; i < words.size(); ++i) {
    // A sign or "$" printed apart from the number: "+ $ 75.00", "– $ 50.00", "$ 2,234.56".
    if ((words[i] == "$") && i + 1 < words.size()) {
      if (auto cents = ParseMoney("$" + words[i + 1])) return MoneyMatch{*cents, i, 2};
    }
    std::string token = words[i];
    while (!token.empty() && (token.back() == ',' || token.back() == ';' || token.back() == '.')) {
      if (token.size() >= 3 && token[token.size() - 3] == '.' && token.back() != '.') break;
      token.pop_back();
    }
    if (auto cents = ParseMoney(token)) return MoneyMatch{*cents, i, 1};
  }
  return std::nullopt;
}

// Tesseract sometimes runs a name in capitals into the label printed just after it
// ("CENTERiatement Date:" for "CENTER Statement Date:"). Such a word is split when what follows
// the capitals is a label's first word misread by at most two characters (three where the next
// word reads as the label's second; thin strokes read for one another count half), and the label
// word restored; otherwise it is left as read.
Word SplitOff(const Word& word, size_t from, size_t to, size_t total, std::string text) {
  Word part = word;
  part.text = std::move(text);
  int width = word.box_px.width();
  part.box_px.x0 = word.box_px.x0 + static_cast<int>(width * from / total);
  part.box_px.x1 = word.box_px.x0 + static_cast<int>(width * to / total);
  return part;
}

std::vector<Line> SplitRunTogetherLabels(const std::vector<Line>& lines) {
  // The first word of each label of six letters or more, with the word that follows it in the label.
  static const std::vector<std::pair<std::string, std::string>> label_starts = [] {
    std::set<std::pair<std::string, std::string>> starts;
    for (const Label& label : Labels()) {
      if (!label.tokens.empty() && label.tokens.front().size() >= 6) {
        starts.insert({label.tokens.front(), label.tokens.size() > 1 ? label.tokens[1] : ""});
      }
    }
    return std::vector<std::pair<std::string, std::string>>(starts.begin(), starts.end());
  }();
  std::vector<Line> out = lines;
  for (Line& line : out) {
    std::vector<Word> words;
    std::vector<size_t> restored_at;
    for (size_t w = 0; w < line.words.size(); ++w) {
      // Tesseract may also cut the two apart at the wrong place ("CENTER iatement Date:"): a word
      // in capitals touched by one that starts in lowercase is read as one glued word.
      Word word = line.words[w];
      size_t parts = 1;
      if (w + 1 < line.words.size()) {
        const Word& after = line.words[w + 1];
        bool all_capitals = word.text.size() >= 3 && std::all_of(word.text.begin(), word.text.end(), [](unsigned char c) {
          return std::isupper(c);
        });
        bool touching = after.box_px.x0 - word.box_px.x1 < word.box_px.height() / 2;
        if (all_capitals && !after.text.empty() && std::islower(static_cast<unsigned char>(after.text[0])) && touching) {
          word.text += after.text;
          word.box_px = Union(word.box_px, after.box_px);
          word.confidence = std::min(word.confidence, after.confidence);
          parts = 2;
        }
      }
      const std::string& text = word.text;
      size_t capitals = 0;
      while (capitals < text.size() && std::isupper(static_cast<unsigned char>(text[capitals]))) ++capitals;
      size_t rest = capitals;
      while (rest < text.size() && static_cast<unsigned char>(text[rest]) >= 0x80) ++rest;  // a stray ¢ or «
      std::string tail = LabelToken(text.substr(rest));
      bool lower = rest < text.size() && std::islower(static_cast<unsigned char>(text[rest]));
      std::string next = w + parts < line.words.size() ? LabelToken(line.words[w + parts].text) : "";
      const std::string* best = nullptr;
      // The best explanation: a label the next word goes on with first, then the fewest slips.
      std::pair<bool, double> best_fit{true, 3.5};
      if (capitals >= 3 && lower && tail.size() >= 4) {
        for (const auto& [first, second] : label_starts) {
          // Two slips in the glued word; three where the next word reads as the label's next
          // ("CENTERiining pate:" for "Billing Date:"). Thin strokes confused count half
          // ("CENTERiaiting pate:", which is also two slips from "Awaiting").
          double distance = OcrSlips(tail, first);
          bool label_goes_on = !second.empty() && EditDistance(next, second) <= 1;
          std::pair<bool, double> fit{!label_goes_on, distance};
          if (distance <= 3 && (distance <= 2 || label_goes_on) && fit < best_fit) best = &first, best_fit = fit;
        }
      }
      if (best == nullptr) {
        words.insert(words.end(), line.words.begin() + static_cast<long>(w), line.words.begin() + static_cast<long>(w + parts));
        w += parts - 1;
        continue;
      }
      std::string restored = *best;
      restored[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(restored[0])));
      if (!text.empty() && (text.back() == ':')) restored += ':';
      Word name = parts == 2 ? line.words[w] : SplitOff(word, 0, capitals, text.size(), text.substr(0, capitals));
      Word label = parts == 2 ? line.words[w + 1] : SplitOff(word, capitals, text.size(), text.size(), restored);
      label.text = restored;
      // Printed apart, read as one: the gap between them is given back so the label starts a cell
      // of its own (layout::SplitCells), as it does on a clean page.
      label.box_px.x0 = std::min(name.box_px.x1 + 2 * word.box_px.height(), label.box_px.x1 - 1);
      words.push_back(name);
      restored_at.push_back(words.size());
      words.push_back(label);
      w += parts - 1;
    }
    // The label's height is its neighbour's, not the capitals' it was read with: a size change
    // would split it from the rest of the label.
    for (size_t at : restored_at) {
      if (at + 1 >= words.size()) continue;
      words[at].box_px.y0 = words[at + 1].box_px.y0;
      words[at].box_px.y1 = words[at + 1].box_px.y1;
    }
    line.words = std::move(words);
  }
  return out;
}

void Extract(const std::vector<Line>& raw_lines, Document& document) {
  std::vector<Line> lines = SplitRunTogetherLabels(raw_lines);
  CellGrid grid(lines);
  switch (document.kind) {
    case DocumentKind::kBill: ExtractBill(lines, grid, document); break;
    case DocumentKind::kEob:
    case DocumentKind::kMsn: ExtractClaimDocument(lines, grid, document); break;
    case DocumentKind::kCollectionLetter: ExtractCollectionLetter(lines, grid, document); break;
    case DocumentKind::kOther: break;
  }
  std::sort(document.fields.begin(), document.fields.end(),
            [](const Field& a, const Field& b) { return a.name < b.name; });
}

}  // namespace shoebox::extractors
