// The field readers (fields.hpp): values by type, labels in cells, sentences. The letterhead is
// letterhead.cpp's.
#include "extractors/fields.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>
#include <tuple>

#include "extractors/labels.hpp"
#include "pipeline/core/codes.hpp"
#include "pipeline/core/dates.hpp"
#include "pipeline/core/money.hpp"
#include "pipeline/core/text.hpp"
#include "pipeline/reading/layout.hpp"

namespace shoebox::extractors {
namespace {

std::vector<std::string> Texts(const std::vector<Word>& words) {
  std::vector<std::string> texts;
  for (const Word& word : words) texts.push_back(word.text);
  return texts;
}

std::string TrimIdentifier(std::string text) {
  // Punctuation around a value, and a form's rule or a box's edge read as a mark ("_ClearPath").
  auto is_trim = [](char c) {
    return c == '.' || c == ',' || c == ':' || c == ';' || c == '#' || c == ')' || c == '(' || c == '_' || c == '|';
  };
  while (!text.empty() && is_trim(text.back())) text.pop_back();
  while (!text.empty() && is_trim(text.front())) text.erase(0, 1);
  return text;
}

bool IsHeaderLike(const CellRef& ref) {
  return ref.cell.words.size() <= 3 && !HasDigit(ref.cell.Text());
}

bool Overlaps(int a0, int a1, int b0, int b1) { return std::min(a1, b1) > std::max(a0, b0); }

// Where the next label of the scope starts in a cell after `from` (several "label: value" pairs
// on one line): a label of two words or more, or of one word printed with a colon or "#"; after a
// person's name of two words or more, any label ("Ann Lee DOB 03/04/1961"). The cell's size when
// there is none.
size_t NextLabelAt(const CellRef& ref, size_t from, const std::vector<const Label*>& labels, bool after_a_name = false) {
  for (size_t i = from; i < ref.tokens.size(); ++i) {
    for (const Label* label : labels) {
      auto end = LabelEndAt(ref.tokens, i, *label, LabelMatch::kAnyOrder);
      if (!end) continue;
      const std::string& last = ref.cell.words[*end - 1].text;
      if (label->tokens.size() >= 2 || last.ends_with(":") || last.ends_with("#") || (after_a_name && i >= from + 2)) {
        return i;
      }
    }
  }
  return ref.tokens.size();
}

bool IsNameType(ValueType type) { return type == ValueType::kName || type == ValueType::kPersonName; }

// Whether a LabelWord is the noun a label of `type` may end with and a dictionary's shorter label
// leaves out: "Provider Name" is the "Provider" label with its noun, not "Provider" then the name
// "Name"; likewise "… Number", "… ID", "… Date", "… Amount".
bool NamesTheType(const std::string& word, ValueType type) {
  switch (type) {
    case ValueType::kName:
    case ValueType::kPersonName: return word == "name";
    case ValueType::kIdentifier: return word == "number" || word == "id";
    case ValueType::kDate: return word == "date";
    case ValueType::kMoney: return word == "amount";
  }
  return false;
}

// Whether words[at] is a word of a date ("2025" of "October 17, 2025"), looking back no further
// than `from`.
bool InsideDate(const std::vector<std::string>& words, size_t from, size_t at) {
  constexpr size_t kDateWords = 3;  // "October 17, 2025"
  for (size_t first = at >= from + kDateWords ? at - kDateWords + 1 : from; first <= at; ++first) {
    auto date = FindDate(words, first);
    if (date && date->first_word <= at && at < date->first_word + date->word_count) return true;
  }
  return false;
}

}  // namespace

ValueType TypeOf(const std::string& field) {
  if (field.ends_with("_cents")) return ValueType::kMoney;
  if (field.find("date") != std::string::npos) return ValueType::kDate;
  if (field.ends_with("_number") || field.ends_with("_id")) return ValueType::kIdentifier;
  if (field == "patient_name" || field == "member_name" || field == "guarantor_name") return ValueType::kPersonName;
  return ValueType::kName;
}

namespace {

// Where a name read from texts[start, …) ends: at its last word of letters, for a number of five
// digits or more printed after it is an account or ID beside it ("Crestwood Family Medicine
// 639907308").
size_t NameEnd(const std::vector<std::string>& texts, size_t start) {
  auto is_number = [](const std::string& word) {
    auto digits = std::count_if(word.begin(), word.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    return digits >= 5 && word.find_first_not_of("0123456789-#") == std::string::npos;
  };
  size_t end = texts.size();
  while (end > start + 1 && is_number(texts[end - 1])) --end;
  return end;
}

}  // namespace

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
        if (!HasDigit(token) || token.size() < 3) continue;
        // The first figure after the label is a date or an amount: the label's number is not
        // printed there, and the figures further on are other fields' ("Claim #: 11/26/24 99310").
        if (ParseMoney(token) || InsideDate(texts, start, i)) return false;
        field.text = token, first = i, count = 1;
      }
      if (count == 0) return false;
      break;
    }
    case ValueType::kPersonName: {
      // Name-like words from the start: letters (with ' - .), the first a capital; two to five.
      auto name_like = [](const std::string& word) {
        return !word.empty() && std::isupper(static_cast<unsigned char>(word[0])) && !HasDigit(word) &&
               std::all_of(word.begin(), word.end(), [](unsigned char c) {
                 return std::isalpha(c) || c == '\'' || c == '-' || c == '.' || c == ',' || c >= 0x80;
               });
      };
      auto particle = [](const std::string& word) {  // "Maria de la Cruz", "Anna van Dijk"
        static const std::set<std::string> kParticles = {"de", "del", "della", "la", "le", "van", "von", "der",
                                                         "den", "da", "di", "du", "dos", "das", "y", "bin", "al"};
        return kParticles.count(word) > 0;
      };
      size_t end = start;
      while (end < texts.size() && end - start < 5 && (name_like(texts[end]) || (end > start && particle(texts[end])))) ++end;
      while (end > start && particle(texts[end - 1])) --end;
      if (end - start < 2) return false;
      std::string joined;
      for (size_t i = start; i < end; ++i) joined += (joined.empty() ? "" : " ") + texts[i];
      field.text = CollapseSpaces(TrimIdentifier(joined));
      first = start, count = end - start;
      break;
    }
    case ValueType::kName: {
      size_t end = NameEnd(texts, start);
      std::string joined;
      for (size_t i = start; i < end; ++i) joined += (joined.empty() ? "" : " ") + texts[i];
      joined = CollapseSpaces(TrimIdentifier(joined));
      if (!HasLetter(joined) || FindMoney(texts, start)) return false;
      field.text = joined;
      first = start, count = end - start;
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

std::optional<size_t> MatchPhrase(const std::vector<std::string>& line_tokens, const std::vector<std::string>& tokens,
                                  bool tolerant) {
  for (size_t i = 0; i + tokens.size() <= line_tokens.size(); ++i) {
    if (LabelWordsAt(line_tokens, i, tokens, tolerant)) return i + tokens.size();
  }
  return std::nullopt;
}

std::optional<std::pair<size_t, size_t>> FindLabel(const std::vector<std::string>& cell_tokens, const Label& label,
                                                   LabelMatch how) {
  for (size_t i = 0; i < cell_tokens.size(); ++i) {
    if (auto end = LabelEndAt(cell_tokens, i, label, how)) return std::pair{i, *end};
  }
  return std::nullopt;
}

CellGrid::CellGrid(const std::vector<Line>& all_lines) : lines(&all_lines) {
  for (size_t i = 0; i < all_lines.size(); ++i) {
    std::vector<CellRef> row;
    for (Line& cell : layout::SplitCells(all_lines[i])) {
      CellRef ref{i, std::move(cell), {}};
      for (const Word& word : ref.cell.words) ref.tokens.push_back(LabelWord(word.text));
      row.push_back(std::move(ref));
    }
    cells.push_back(std::move(row));
  }
  AddStackedHeaders();
}

void CellGrid::AddStackedHeaders() {
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
        int overlap = OverlapAcross(a, b);
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

namespace {

// The value of the label at words [begin, end) of cell `ci` on line `li`, into `field`; returns
// how it was placed, or nullptr where no value of the field's type stands by it.
const char* ReadValueOfLabel(const CellGrid& grid, size_t li, size_t ci, size_t begin, size_t end,
                             const std::vector<const Label*>& labels, Field& field) {
  const std::vector<CellRef>& row = grid.cells[li];
  const CellRef& cell = row[ci];
  ValueType type = TypeOf(field.name);
  auto fits = [&] {
    return !(IsNameType(type) && IsALabel(field.text)) && !(type == ValueType::kPersonName && AllLabelWords(field.text));
  };
  if (end < cell.tokens.size() && NamesTheType(cell.tokens[end], type)) ++end;
  // A word a label may carry or leave out, printed after it, is the label's ("Originally Owed To").
  while (end < cell.tokens.size() && cell.tokens[end].size() >= 2 && IsFiller(cell.tokens[end])) ++end;
  // The value in the label's own cell stops where the cell's next label starts.
  bool person = type == ValueType::kPersonName;
  std::vector<Word> after(cell.cell.words.begin(),
                          cell.cell.words.begin() + static_cast<long>(NextLabelAt(cell, end, labels, person)));
  if (ReadValue(type, after, end, field) && fits()) return "label_then_value";
  // Then the cells to the right: a name only in the next one; a figure may stand past a sign
  // printed in a cell of its own ("interest:   +   $75.00").
  for (size_t next = ci + 1; next < row.size() && (!IsNameType(type) || next == ci + 1); ++next) {
    if (row[next].stacked) continue;
    std::vector<Word> value(row[next].cell.words.begin(),
                            row[next].cell.words.begin() + static_cast<long>(NextLabelAt(row[next], 0, labels, person)));
    if (ReadValue(type, value, 0, field) && fits()) return "label_next_cell";
  }
  // Column layouts: the value sits under its label, within the two lines below the label's last
  // word (the lower line of a stacked header cell when the label ends there). A label of one word
  // after capitalised words of no label, with such words or nothing after it, is a word of a name
  // or a description ("Credit" of "Allied Credit Partners", "Patient" of "OFFICE VISIT EST
  // PATIENT"), with nothing under it.
  auto name_word = [&](size_t w) {
    return w < cell.tokens.size() && std::isupper(static_cast<unsigned char>(cell.cell.words[w].text[0])) &&
           !IsLabelWord(cell.tokens[w]) && !IsFiller(cell.tokens[w]);
  };
  if (end - begin == 1 && begin > 0 && name_word(begin - 1) && (end == cell.tokens.size() || name_word(end))) {
    return nullptr;
  }
  // Nor are a label's words in lower case after another, words of a sentence ("As of the date of
  // this letter"): what stands under them is the next line's.
  auto lower = [&](size_t w) { return std::islower(static_cast<unsigned char>(cell.cell.words[w].text[0])) != 0; };
  bool in_lower_case = begin > 0 && lower(begin - 1);
  for (size_t w = begin; w < end && in_lower_case; ++w) in_lower_case = lower(w);
  if (in_lower_case) return nullptr;
  const BoxPx& label_box = cell.cell.words[begin].box_px;
  bool ends_below = cell.stacked && cell.cell.words[end - 1].box_px.y0 >= cell.cell.words[0].box_px.y1;
  size_t first_below = li + (ends_below ? 2 : 1);
  for (size_t below = first_below; below < grid.cells.size() && below <= first_below + 1; ++below) {
    for (const CellRef& under : grid.cells[below]) {
      if (under.stacked || under.cell.page != cell.cell.page ||
          !Overlaps(under.cell.box_px.x0, under.cell.box_px.x1, label_box.x0, cell.cell.box_px.x1)) {
        continue;
      }
      if (ReadValue(type, under.cell.words, 0, field) && fits()) return "label_above_value";
    }
  }
  return nullptr;
}

}  // namespace

std::map<std::string, Field> FindLabelledFields(const CellGrid& grid, const std::string& scope,
                                                const ClaimsLines& leave_to_claims) {
  const std::vector<const Label*>& labels = LabelsLongestFirst(scope);
  // Whether a label is worded like one of the claims' (then it is not read on their lines).
  auto worded_like_a_claims = [&](const Label& label) {
    if (leave_to_claims.lines == nullptr) return false;
    const std::vector<const Label*>& claim_labels = LabelsLongestFirst(leave_to_claims.claims_scope);
    return std::any_of(claim_labels.begin(), claim_labels.end(), [&](const Label* claim_label) {
      return claim_label->tokens.size() == label.tokens.size() &&
             std::is_permutation(label.tokens.begin(), label.tokens.end(), claim_label->tokens.begin());
    });
  };
  auto on_a_claims_line = [&](size_t li) { return li < leave_to_claims.lines->size() && (*leave_to_claims.lines)[li]; };
  std::map<std::string, Field> found;
  // Words consumed by a label, by position (a word can stand in a cell and a stacked header cell).
  std::set<std::tuple<int, int, int>> used;
  // Exact labels first; then, for fields still unfound, labels with one OCR slip per word. A label
  // printed whole in a cell is sought over the page before one joined from a wrapped header.
  for (LabelMatch how : kLabelMatches) {
    bool tolerant = how == LabelMatch::kTolerant;
    for (const Label* label : labels) {
      bool claims_label = worded_like_a_claims(*label);
      for (bool in_stacked : {false, true}) {
        for (size_t li = 0; li < grid.cells.size() && !found.count(label->field); ++li) {
          const auto& row = grid.cells[li];
          for (size_t ci = 0; ci < row.size() && !found.count(label->field); ++ci) {
            if (row[ci].stacked != in_stacked || (claims_label && on_a_claims_line(li))) continue;
            auto span = FindLabel(row[ci].tokens, *label, how);
            if (!span) continue;
            const auto [begin, end] = *span;
            auto key = [&](size_t w) {
              const BoxPx& box = row[ci].cell.words[w].box_px;
              return std::tuple<int, int, int>{row[ci].cell.page, box.x0, box.y0};
            };
            bool taken = false;
            for (size_t w = begin; w < end; ++w) taken |= used.count(key(w)) > 0;
            if (taken) continue;
            // A label in a real cell owns its words even when no value follows; one found only in a
            // stacked header cell owns them only once it has its value.
            auto claim_words = [&, first = begin, last = end] {
              for (size_t w = first; w < last; ++w) used.insert(key(w));
            };
            if (!row[ci].stacked) claim_words();
            Field field;
            field.name = label->field;
            field.page = row[ci].cell.page;
            const char* placement = ReadValueOfLabel(grid, li, ci, begin, end, labels, field);
            if (placement == nullptr || (label->beside_only && std::string_view(placement) == "label_above_value")) {
              continue;
            }
            claim_words();
            field.confidence *= tolerant ? 0.85 : 0.95;  // the label itself may be a near miss of what was meant
            field.read_by = std::string(placement) + (tolerant ? " (near miss): " : ": ") + label->as_printed;
            found[label->field] = field;
          }
        }
      }
    }
  }
  return found;
}

std::optional<Field> NameBeforePhrase(const std::vector<Line>& lines, const std::string& field_name,
                                      const std::vector<std::string>& phrase) {
  for (const Line& line : lines) {
    std::vector<std::string> tokens;
    for (const Word& word : line.words) tokens.push_back(LabelToken(word.text));
    auto end = MatchPhrase(tokens, phrase);
    if (!end || *end < phrase.size() + 1) continue;
    size_t name_end = *end - phrase.size();
    Field field;
    field.name = field_name;
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

std::optional<Field> ValueAfterPhrase(const std::vector<Line>& lines, const std::string& field_name,
                                      const std::vector<std::string>& phrase) {
  for (const Line& line : lines) {
    std::vector<std::string> tokens;
    for (const Word& word : line.words) tokens.push_back(LabelToken(word.text));
    auto end = MatchPhrase(tokens, phrase);
    if (!end) continue;
    Field field;
    field.name = field_name;
    field.page = line.page;
    if (ReadValue(TypeOf(field_name), line.words, *end, field)) return field;
  }
  return std::nullopt;
}

std::optional<Field> SentenceAfterPhrase(const std::vector<Line>& lines, const std::string& field_name,
                                         const std::vector<std::string>& phrase) {
  for (size_t i = 0; i < lines.size(); ++i) {
    std::vector<std::string> tokens;
    for (const Word& word : lines[i].words) tokens.push_back(LabelToken(word.text));
    auto end = MatchPhrase(tokens, phrase);
    if (!end) continue;
    std::vector<Word> words(lines[i].words.begin() + static_cast<long>(*end), lines[i].words.end());
    if (i + 1 < lines.size()) words.insert(words.end(), lines[i + 1].words.begin(), lines[i + 1].words.end());
    Field field;
    field.name = field_name;
    field.page = lines[i].page;
    field.confidence = 1.0;
    for (const Word& word : words) {
      bool last = word.text.ends_with(".");
      field.text += (field.text.empty() ? "" : " ") + (last ? word.text.substr(0, word.text.size() - 1) : word.text);
      field.box_px = Union(field.box_px, word.box_px);
      field.confidence = std::min(field.confidence, word.confidence * 0.9);
      if (last) break;
    }
    if (!field.text.empty() && field.text.size() < 80) return field;
  }
  return std::nullopt;
}

std::map<std::string, Field> FiguresInSentences(const std::vector<Line>& lines, std::string_view scope) {
  static const std::set<std::string> kLinkingWords = {"is", "was", "are", "were"};
  const std::vector<const Label*>& labels = LabelsLongestFirst(scope);
  std::map<std::string, Field> found;
  for (const Line& line : lines) {
    std::vector<std::string> texts, tokens;
    for (const Word& word : line.words) texts.push_back(word.text), tokens.push_back(LabelWord(word.text));
    bool prose = std::any_of(texts.begin(), texts.end(),
                             [](const std::string& t) { return !t.empty() && std::islower(static_cast<unsigned char>(t[0])); });
    if (!prose) continue;
    size_t sentence_start = 0;  // words before an earlier amount belong to it
    for (size_t at = 0; at < texts.size(); ++at) {
      auto money = FindMoney(texts, at);
      if (!money) break;
      size_t amount = money->first_word;
      size_t label_end = amount;  // where the naming label must end: linking words passed over
      while (label_end > sentence_start && (kLinkingWords.count(tokens[label_end - 1]) || IsFiller(tokens[label_end - 1]))) --label_end;
      for (const Label* label : labels) {
        if (!label->field.ends_with("_cents") || found.count(label->field)) continue;
        bool named = false;
        for (size_t from = sentence_start; from < label_end && !named; ++from) {
          auto end = LabelEndAt(tokens, from, *label, LabelMatch::kAnyOrder);
          named = end && *end == label_end;
        }
        if (!named) continue;
        Field field;
        field.name = label->field;
        field.page = line.page;
        field.cents = money->cents;
        field.confidence = 0.9;
        for (size_t k = amount; k < amount + money->word_count; ++k) {
          field.box_px = Union(field.box_px, line.words[k].box_px);
          field.confidence = std::min(field.confidence, line.words[k].confidence * 0.9);
        }
        field.read_by = "figure_in_sentence: " + label->as_printed;
        found[label->field] = field;
        break;
      }
      sentence_start = amount + money->word_count;
      at = sentence_start - 1;
    }
  }
  return found;
}

std::optional<Field> DateAloneAtTop(const std::vector<Line>& lines, const std::string& field_name) {
  for (const Line& line : lines) {
    if (line.page != lines.front().page) break;
    auto date = FindDate(Texts(line.words));
    if (!date || date->word_count != line.words.size()) continue;
    Field field;
    field.name = field_name;
    field.page = line.page;
    if (ReadValue(ValueType::kDate, line.words, 0, field)) return field;
    return std::nullopt;
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

}  // namespace shoebox::extractors
