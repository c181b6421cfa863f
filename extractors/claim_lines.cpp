#include "extractors/claim_lines.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>

#include "pipeline/core/codes.hpp"
#include "pipeline/core/dates.hpp"
#include "pipeline/core/figures.hpp"
#include "extractors/labels.hpp"
#include "extractors/tables.hpp"
#include "pipeline/core/money.hpp"
#include "pipeline/core/text.hpp"

namespace shoebox::extractors {
namespace {

std::optional<Cents>* FigureOf(ClaimLine& line, const std::string& field) {
  const ClaimFigure* figure = FindClaimFigure(field);
  return figure == nullptr ? nullptr : &(line.*figure->of_line);
}

// "PR-1", "CO-45", "N130", "M15", "A3": one to three capitals, an optional hyphen, one to three
// digits. Trailing punctuation is dropped.
std::optional<std::string> ParseRemarkCode(std::string text) {
  while (!text.empty() && (text.back() == ',' || text.back() == '.' || text.back() == ';')) text.pop_back();
  size_t letters = 0;
  while (letters < text.size() && std::isupper(static_cast<unsigned char>(text[letters]))) ++letters;
  if (letters == 0 || letters > 3) return std::nullopt;
  size_t at = letters + (letters < text.size() && text[letters] == '-' ? 1 : 0);
  std::string digits = text.substr(at);
  if (at > letters) {  // after the hyphen only digits are printed: l, I, ] and | are OCR's 1
    for (char& c : digits) c = (c == 'l' || c == 'I' || c == ']' || c == '|') ? '1' : c;
  }
  if (digits.empty() || digits.size() > 3 ||
      !std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return std::nullopt;
  }
  return text.substr(0, at) + digits;
}

// The money column a figure printed at `box` sits under: the one its box overlaps most, or, where
// it overlaps none (a narrow header over wide figures), the one whose right edge is nearest, within
// half the spacing of the columns.
const Column* ColumnUnder(const BoxPx& box, const std::vector<const Column*>& money_columns) {
  const Column* best = nullptr;
  int best_overlap = 0;
  for (const Column* column : money_columns) {
    int overlap = OverlapAcross(box, column->box_px);
    if (overlap > best_overlap) best = column, best_overlap = overlap;
  }
  if (best != nullptr || money_columns.size() < 2) return best;
  int spacing = (money_columns.back()->box_px.x1 - money_columns.front()->box_px.x1) /
                static_cast<int>(money_columns.size() - 1);
  int best_distance = spacing / 2;
  for (const Column* column : money_columns) {
    int distance = std::abs(box.x1 - column->box_px.x1);
    if (distance < best_distance) best = column, best_distance = distance;
  }
  return best;
}

// A column of text the figures table does not name (a dental line's tooth number): what its header's
// field is, and which words of a row stand under it: those overlapping the header's span, widened
// by the header's height on each side.
bool IsDetailColumn(const Column& column) {
  static const char* kRead[] = {"date_of_service", "code", "description", "remark_codes"};
  return !column.field.ends_with("_cents") &&
         std::none_of(std::begin(kRead), std::end(kRead), [&](const char* field) { return column.field == field; });
}

const Column* DetailColumnOver(const BoxPx& box, const std::vector<const Column*>& detail_columns) {
  for (const Column* column : detail_columns) {
    int margin = column->box_px.height();
    if (std::min(box.x1, column->box_px.x1 + margin) > std::max(box.x0, column->box_px.x0 - margin)) return column;
  }
  return nullptr;
}

// A figure read on a row, and where it stands.
struct Figure {
  Cents cents;
  BoxPx box_px;
};

struct Row {
  ClaimLine line;
  std::vector<Figure> unplaced;  // under no header the page let us read
  bool read_bare_numbers = false;  // "440" among the figures was taken for 4.40
};

// "440" where the row's figures stand: an amount whose decimal point OCR lost (small type, a
// photo's blur). Three or more digits and nothing else.
std::optional<Cents> AmountWithoutItsPoint(const std::string& text) {
  if (text.size() < 3 || text.size() > 9 || text[0] == '0') return std::nullopt;
  if (!std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); })) return std::nullopt;
  return std::stoll(text);
}

// The words no figure, date or code took: under a text column (a tooth, a surface) they are that
// column's detail; a remark code under the remarks column (or anywhere, where there is none) is a
// remark; the rest is the description.
void ReadWordsLeft(const Line& line, const std::vector<std::string>& texts, const std::vector<bool>& used,
                   const std::vector<const Column*>& detail_columns, const Column* remarks_column, ClaimLine& row) {
  std::string description;
  for (size_t i = 0; i < texts.size(); ++i) {
    if (used[i]) continue;
    if (const Column* detail = DetailColumnOver(line.words[i].box_px, detail_columns)) {
      auto it = std::find_if(row.details.begin(), row.details.end(), [&](const auto& d) { return d.first == detail->field; });
      if (it == row.details.end()) it = row.details.insert(row.details.end(), {detail->field, ""});
      it->second += (it->second.empty() ? "" : " ") + texts[i];
      continue;
    }
    bool under_remarks = remarks_column != nullptr && line.words[i].box_px.x1 > remarks_column->box_px.x0;
    if (auto remark = ParseRemarkCode(texts[i]); remark && (under_remarks || remarks_column == nullptr)) {
      row.remark_codes.push_back(*remark);
    } else {
      description += (description.empty() ? "" : " ") + texts[i];
    }
  }
  row.description = CollapseSpaces(description);
}

// The figures of a row from `from` on: amounts, a lone dash (a zero, as tables print it), and with
// `read_bare_numbers` a bare number after the first amount as an amount whose point was lost.
std::vector<Figure> ReadFigures(const Line& line, const std::vector<std::string>& texts, std::vector<bool>& used,
                                size_t from, bool read_bare_numbers, bool& bare_read) {
  std::vector<Figure> read;
  for (size_t i = from; i < texts.size(); ++i) {
    if (used[i]) continue;
    if (texts[i] == "-" || texts[i] == "\u2014" || texts[i] == "\u2013") {
      read.push_back({0, line.words[i].box_px});
      used[i] = true;
      continue;
    }
    if (auto cents = AmountWithoutItsPoint(texts[i]); cents && read_bare_numbers && !read.empty()) {
      read.push_back({*cents, line.words[i].box_px});
      used[i] = bare_read = true;
      continue;
    }
    auto money = FindMoney(texts, i);
    if (!money || money->first_word != i) continue;
    BoxPx box;
    for (size_t k = 0; k < money->word_count; ++k) box = Union(box, line.words[i + k].box_px), used[i + k] = true;
    read.push_back({money->cents, box});
    i += money->word_count - 1;
  }
  return read;
}

// Whether a row's figures keep the claim's arithmetic with its blank cells read as zero: each
// identity whose total the header names holds (allowed = plan paid + deductible + copay +
// coinsurance; what you owe = deductible + copay + coinsurance, plus what the plan does not cover
// where a column says so: a denied line's), and the header names one.
bool ClosesWithBlanksAsZero(ClaimLine line, const std::vector<const Column*>& money_columns) {
  auto named = [&](FigureRole role) {
    return std::any_of(money_columns.begin(), money_columns.end(), [&](const Column* column) {
      const ClaimFigure* figure = FindClaimFigure(column->field);
      return figure != nullptr && figure->role == role;
    });
  };
  for (const ClaimFigure& figure : kClaimFigures) {
    if (!(line.*figure.of_line)) line.*figure.of_line = 0;
  }
  bool allowed = named(FigureRole::kAllowed), owed = named(FigureRole::kMemberOwes);
  auto owed_holds = [&] {
    if (IdentityHolds(line, &ClaimFigure::of_line, SignWhereOwedIsTheShares)) return true;
    Cents shares = *line.deductible_cents + *line.copay_cents + *line.coinsurance_cents;
    return *line.not_covered_cents > 0 && *line.patient_responsibility_cents == shares + *line.not_covered_cents;
  };
  return (allowed || owed) &&
         (!allowed || IdentityHolds(line, &ClaimFigure::of_line, SignWhereAllowedIsPaidPlusShares)) &&
         (!owed || owed_holds());
}

// Fewer figures than figure columns, read left to right: of the ways of setting them in the
// columns, in their order, that keep the row's arithmetic (blanks as zero), the one nearest where
// they are printed (the least distance from each figure's centre to its column's), or nothing
// where none does or two are as near. A fax's or photo's figures drift off their columns; the
// sums do not, and where they cannot tell the shares apart the print still can.
std::optional<ClaimLine> PlacedBySums(const std::vector<Figure>& read, const std::vector<const Column*>& money_columns,
                                      const ClaimLine& row) {
  size_t n = money_columns.size();
  if (read.size() < 2 || read.size() >= n || n > 16) return std::nullopt;
  auto centre = [](const BoxPx& box) { return (box.x0 + box.x1) / 2; };
  std::optional<ClaimLine> nearest;
  long nearest_distance = 0;
  bool tied = false;
  for (unsigned chosen = 0; chosen < (1u << n); ++chosen) {
    if (static_cast<size_t>(__builtin_popcount(chosen)) != read.size()) continue;
    ClaimLine trial = row;
    long distance = 0;
    size_t k = 0;
    for (size_t c = 0; c < n; ++c) {
      if ((chosen & (1u << c)) == 0) continue;
      if (std::optional<Cents>* figure = FigureOf(trial, money_columns[c]->field)) *figure = read[k].cents;
      distance += std::abs(centre(read[k].box_px) - centre(money_columns[c]->box_px));
      ++k;
    }
    if (!ClosesWithBlanksAsZero(trial, money_columns)) continue;
    if (nearest && distance == nearest_distance) tied = true;
    if (!nearest || distance < nearest_distance) nearest = std::move(trial), nearest_distance = distance, tied = false;
  }
  if (tied) return std::nullopt;
  return nearest;
}

// As many figures as figure columns: they stand in the header's order, whatever a photo's leftover
// curl has done to their positions down the page. Otherwise each goes by position; where a figure
// stands half outside its column or under none, and that breaks the row's arithmetic, the
// order-keeping placement that keeps it, nearest the print, is taken (PlacedBySums). Returns how
// many were placed; the rest are `unplaced`.
int PlaceFigures(const std::vector<Figure>& read, const std::vector<const Column*>& money_columns, ClaimLine& row,
                 std::vector<Figure>& unplaced) {
  const ClaimLine before = row;
  int figures = 0;
  bool all_under = true;
  for (size_t k = 0; k < read.size(); ++k) {
    const Column* column = read.size() == money_columns.size() ? money_columns[k] : ColumnUnder(read[k].box_px, money_columns);
    std::optional<Cents>* figure = column != nullptr ? FigureOf(row, column->field) : nullptr;
    if (figure != nullptr && !*figure) {
      *figure = read[k].cents, ++figures;
      const BoxPx& box = read[k].box_px;
      all_under &= OverlapAcross(box, column->box_px) * 2 >= box.width();
    } else {
      unplaced.push_back(read[k]);
    }
  }
  bool as_placed = read.size() == money_columns.size() || (unplaced.empty() && all_under) ||
                   (unplaced.empty() && ClosesWithBlanksAsZero(row, money_columns));
  if (as_placed) return figures;
  if (std::optional<ClaimLine> by_sums = PlacedBySums(read, money_columns, before)) {
    row = std::move(*by_sums);
    unplaced.clear();
    return static_cast<int>(read.size());
  }
  return figures;
}

// A figure column the header names with nothing printed under it on a row of figures: tables leave
// a zero blank ("Deductible" empty on a claim that met it). Only on a row whose every figure found
// its column, so a blank is never where a figure stood out of line.
void BlanksReadAsZero(const std::vector<Column>& columns, const std::vector<Figure>& unplaced, ClaimLine& line) {
  if (!unplaced.empty()) return;
  for (const Column& column : columns) {
    std::optional<Cents>* figure = column.field.ends_with("_cents") ? FigureOf(line, column.field) : nullptr;
    if (figure != nullptr && !*figure) *figure = 0;
  }
}

// One row of the table. With `read_bare_numbers`, a bare number after the row's first amount is read
// as an amount whose point was lost; the caller keeps that reading only where the line's own
// arithmetic then holds.
std::optional<Row> ReadRow(const Line& line, const std::vector<Column>& columns, const std::string& last_date,
                           bool read_bare_numbers) {
  std::vector<std::string> texts;
  for (const Word& word : line.words) texts.push_back(word.text);
  std::vector<bool> used(texts.size(), false);
  ClaimLine row;
  size_t figures_from = 0;
  if (auto date = FindDate(texts); date) {
    row.date_of_service = date->iso;
    for (size_t k = 0; k < date->word_count; ++k) used[date->first_word + k] = true;
    figures_from = date->first_word + date->word_count;
  }
  // The code comes before the figures, on either side of the date.
  for (size_t i = 0; i < texts.size() && row.code.empty(); ++i) {
    if (used[i]) continue;
    if (auto money = FindMoney(texts, i); money && money->first_word == i) break;
    std::optional<std::string> code = ParseProcedureCode(texts[i]);
    if (!code) code = ParseRevenueCode(texts[i]);
    if (code) row.code = *code, used[i] = true, figures_from = std::max(figures_from, i + 1);
  }
  std::vector<const Column*> money_columns, detail_columns;
  const Column* remarks_column = nullptr;
  for (const Column& column : columns) {
    if (column.field.ends_with("_cents")) money_columns.push_back(&column);
    if (column.field == "remark_codes") remarks_column = &column;
    if (IsDetailColumn(column)) detail_columns.push_back(&column);
  }
  bool bare_read = false;
  std::vector<Figure> read = ReadFigures(line, texts, used, figures_from, read_bare_numbers, bare_read);
  std::vector<Figure> unplaced;
  int figures = PlaceFigures(read, money_columns, row, unplaced);
  // A row without a date of its own has the one above it, or, first in its table, the claim's; a
  // row whose date did not read has none of its own (claims.cpp: the claim's, where it is of one day).
  if (row.date_of_service.empty()) row.date_of_service = DateOfUndatedRow(line, columns, last_date);
  if (row.code.empty() || figures < 2) return std::nullopt;
  ReadWordsLeft(line, texts, used, detail_columns, remarks_column, row);
  row.page = line.page;
  row.box_px = line.box_px;
  row.confidence = 1.0;
  for (const Word& word : line.words) row.confidence = std::min(row.confidence, word.confidence);
  if (bare_read) row.confidence *= 0.8;  // a figure's point was put back
  return Row{std::move(row), std::move(unplaced), bare_read};
}

// A table's total row ("Totals", "Claim Total", "Subtotal", "Total for this claim"): the claim's
// figures under the table's columns.
std::optional<ClaimLine> ReadTotalRow(const Line& line, const std::vector<Column>& columns) {
  std::vector<std::string> texts;
  for (const Word& word : line.words) texts.push_back(word.text);
  size_t label_words = 0;
  bool says_total = false;
  auto money_at = [&](size_t i) {
    auto money = FindMoney(texts, i);
    return money && money->first_word == i;
  };
  while (label_words < texts.size() && label_words < 4 && !money_at(label_words)) {
    std::string token = LabelWord(texts[label_words]);
    says_total |= token == "total" || token == "subtotal";
    ++label_words;
  }
  if (!says_total) return std::nullopt;
  std::vector<bool> used(texts.size(), false);
  std::fill(used.begin(), used.begin() + static_cast<long>(label_words), true);
  std::vector<const Column*> money_columns;
  for (const Column& column : columns) {
    if (column.field.ends_with("_cents")) money_columns.push_back(&column);
  }
  bool bare_read = false;
  ClaimLine total;
  std::vector<Figure> unplaced;
  if (PlaceFigures(ReadFigures(line, texts, used, label_words, false, bare_read), money_columns, total, unplaced) < 2) {
    return std::nullopt;
  }
  BlanksReadAsZero(columns, unplaced, total);
  total.page = line.page;
  total.box_px = line.box_px;
  return total;
}

// The line's own arithmetic: allowed = plan paid + deductible + copay + coinsurance, or what you
// owe = deductible + copay + coinsurance.
bool LineAddsUp(const ClaimLine& line) {
  return IdentityHolds(line, &ClaimFigure::of_line, SignWhereAllowedIsPaidPlusShares) ||
         IdentityHolds(line, &ClaimFigure::of_line, SignWhereOwedIsTheShares);
}

// Whether the line adds up by an identity that takes `figure`, so that the figure's value is what
// closes it: those of LineAddsUp, or what you owe = allowed - plan paid (a table that prints the
// shares' sum and not each).
bool AddsUpThrough(const ClaimLine& line, const ClaimFigure& figure) {
  for (auto sign_of : {SignWhereAllowedIsPaidPlusShares, SignWhereOwedIsTheShares, SignWhereOwedIsAllowedLessPaid}) {
    if (sign_of(figure.role) != 0 && IdentityHolds(line, &ClaimFigure::of_line, sign_of)) return true;
  }
  return false;
}

// A column whose header OCR lost (small bold type on a shaded band, or "Pt Resp" read "PE Resp")
// still has its figures, one per row, under no header. Each figure the table's header does not name
// is tried in their place; the one through which every such row's own arithmetic holds
// (AddsUpThrough) names the column. With none or several, the figures stay unread.
void NameUnlabelledColumn(const std::vector<Column>& columns, std::vector<Row>& rows) {
  std::vector<Row*> with_one;
  for (Row& row : rows) {
    if (row.unplaced.size() > 1) return;
    if (row.unplaced.size() == 1) with_one.push_back(&row);
  }
  if (with_one.empty()) return;
  const ClaimFigure* named = nullptr;
  for (const ClaimFigure& figure : kClaimFigures) {
    // Only a figure of the line's arithmetic can be named by it.
    if (SignWhereAllowedIsPaidPlusShares(figure.role) == 0 && SignWhereOwedIsTheShares(figure.role) == 0 &&
        SignWhereOwedIsAllowedLessPaid(figure.role) == 0) {
      continue;
    }
    bool in_header = std::any_of(columns.begin(), columns.end(), [&](const Column& c) { return c.field == figure.name; });
    if (in_header) continue;
    bool all_hold = true;
    for (Row* row : with_one) {
      ClaimLine trial = row->line;
      trial.*figure.of_line = row->unplaced.front().cents;
      all_hold = all_hold && AddsUpThrough(trial, figure);
    }
    if (!all_hold) continue;
    if (named != nullptr) return;  // two fields fit: the column stays unnamed
    named = &figure;
  }
  if (named == nullptr) return;
  for (Row* row : with_one) row->line.*named->of_line = row->unplaced.front().cents;
}


// A table's rows settled. Each row read with a bare number as an amount keeps that reading only
// where its line then adds up (after any headerless column is named), or closes by owed = allowed -
// paid only with it; otherwise it is read as printed, the bare number left out (and a row that was
// one only with it is dropped). Rows are tried one at a time against the others as printed.
std::vector<ClaimLine> SettleRows(const std::vector<Column>& columns, const std::vector<Row>& rows,
                                  const std::vector<std::optional<Row>>& as_printed) {
  std::vector<std::optional<Row>> settled;
  for (size_t i = 0; i < rows.size(); ++i) settled.push_back(rows[i].read_bare_numbers ? as_printed[i] : rows[i]);
  for (size_t i = 0; i < rows.size(); ++i) {
    if (!rows[i].read_bare_numbers) continue;
    std::vector<Row> trial;
    size_t at = 0;
    for (size_t k = 0; k < rows.size(); ++k) {
      if (k == i) {
        at = trial.size();
        trial.push_back(rows[k]);
      } else if (settled[k]) {
        trial.push_back(*settled[k]);
      }
    }
    NameUnlabelledColumn(columns, trial);
    // What you owe = allowed - plan paid settles it too, where the row as printed did not already
    // close so: then the bare number is one of those three, not a remark or a count beside them.
    auto owed_closes = [](const ClaimLine& line) {
      return IdentityHolds(line, &ClaimFigure::of_line, SignWhereOwedIsAllowedLessPaid);
    };
    bool closed_by_it = owed_closes(trial[at].line) && !(as_printed[i] && owed_closes(as_printed[i]->line));
    if (LineAddsUp(trial[at].line) || closed_by_it) settled[i] = rows[i];
  }
  std::vector<Row> kept;
  for (std::optional<Row>& row : settled) {
    if (row) kept.push_back(std::move(*row));
  }
  NameUnlabelledColumn(columns, kept);
  std::vector<ClaimLine> lines;
  for (Row& row : kept) {
    BlanksReadAsZero(columns, row.unplaced, row.line);
    lines.push_back(std::move(row.line));
  }
  return lines;
}

}  // namespace

ClaimTable ExtractClaimLines(const std::vector<Line>& block) {
  ClaimTable table;
  table.in_table.assign(block.size(), false);
  std::vector<Column> columns;
  std::vector<Row> rows;  // of the table under `columns`
  std::vector<std::optional<Row>> as_printed;  // per row: read without bare numbers (where it read one)
  auto end_table = [&] {
    for (ClaimLine& line : SettleRows(columns, rows, as_printed)) table.lines.push_back(std::move(line));
    rows.clear();
    as_printed.clear();
  };
  bool in_table = false;
  // A header is the table's only once a row follows it: a row of claim totals under stacked labels
  // has no date or code.
  bool header_pending = false;
  size_t header_line = 0, header_rows = 1;
  std::string last_date;
  int row_height = 0;
  for (size_t i = 0; i < block.size(); ++i) {
    const Line& line = block[i];
    HeaderBand header = ReadHeaderBand(block, i, "claim_column");
    bool has_figures =
        std::any_of(header.columns.begin(), header.columns.end(), [](const Column& c) { return c.field.ends_with("_cents"); });
    if (has_figures) {
      end_table();
      columns = std::move(header.columns);
      in_table = true;
      header_line = i, header_rows = header.rows, header_pending = true;
      i += header.rows - 1;
      continue;
    }
    if (!in_table) continue;
    if (auto row = ReadRow(line, columns, last_date, /*read_bare_numbers=*/true)) {
      if (!row->line.date_of_service.empty()) last_date = row->line.date_of_service;
      as_printed.push_back(row->read_bare_numbers ? ReadRow(line, columns, last_date, false) : std::nullopt);
      rows.push_back(std::move(*row));
      table.in_table[i] = true;
      row_height = line.box_px.height();
      if (header_pending) {
        for (size_t h = header_line; h < header_line + header_rows; ++h) table.in_table[h] = true;
        header_pending = false;
      }
      continue;
    }
    // A description on a line of its own, just below its row.
    ClaimLine* previous = rows.empty() ? nullptr : &rows.back().line;
    if (previous != nullptr && WrapsUnder(line, previous->page, previous->box_px, row_height)) {
      previous->description = CollapseSpaces(previous->description + " " + line.Text());
      previous->box_px = Union(previous->box_px, line.box_px);
      table.in_table[i] = true;
      continue;
    }
    if (auto total = ReadTotalRow(line, columns)) {
      table.total = std::move(total);
      table.in_table[i] = true;
    } else if (!rows.empty() && AmountsOn(line) >= 2) {
      continue;  // a row OCR marred (its code unread): the rows after it are still the table's
    } else if (header_pending && i < header_line + header_rows + kStrayLines && AmountsOn(line) == 0) {
      continue;  // a line of no figures between the header and its first row: a rule's remains
    }
    in_table = false;  // the claim's totals, a note or the page's foot: the table is over
    header_pending = false;
  }
  end_table();
  return table;
}

}  // namespace shoebox::extractors
