#include "extractors/line_items.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "pipeline/core/codes.hpp"
#include "pipeline/core/dates.hpp"
#include "extractors/labels.hpp"
#include "pipeline/core/money.hpp"
#include "extractors/tables.hpp"
#include "pipeline/core/text.hpp"

namespace shoebox::extractors {
namespace {

std::optional<int> SmallInteger(const std::string& text) {
  if (text.empty() || text.size() > 3) return std::nullopt;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  }
  return std::stoi(text);
}

// Reads one table row; nullopt when the line is not a charge row.
std::optional<LineItem> ReadRow(const Line& line, const std::vector<Column>& columns, const std::string& last_date) {
  std::vector<std::string> texts;
  for (const Word& word : line.words) texts.push_back(word.text);
  // The charge: the rightmost amount on the line.
  std::optional<size_t> charge_at;
  std::optional<Cents> charge;
  size_t charge_words = 1;
  for (size_t i = 0; i < texts.size(); ++i) {
    if (auto money = FindMoney(texts, i); money && money->first_word == i) {
      charge_at = i, charge = money->cents, charge_words = money->word_count;
    }
  }
  if (!charge) return std::nullopt;
  LineItem item;
  item.charge_cents = *charge;
  std::vector<bool> used(texts.size(), false);
  for (size_t k = 0; k < charge_words; ++k) used[*charge_at + k] = true;
  if (auto date = FindDate(texts); date && date->first_word < *charge_at) {
    item.date_of_service = date->iso;
    for (size_t k = 0; k < date->word_count; ++k) used[date->first_word + k] = true;
  }
  const Column* units_column = nullptr;
  bool revenue_column = false;
  std::vector<const Column*> code_columns;
  for (const Column& column : columns) {
    if (column.field == "units") units_column = &column;
    if (column.field == "revenue_code") revenue_column = true;
    if (column.field == "code") code_columns.push_back(&column);
  }
  // A four-digit code printed under the code column of a table without a revenue-code column is
  // the line's code, as the paper gives it.
  auto under_code_column = [&](const BoxPx& box) {
    return !revenue_column && std::any_of(code_columns.begin(), code_columns.end(), [&](const Column* column) {
      return std::min(box.x1, column->box_px.x1) > std::max(box.x0, column->box_px.x0);
    });
  };
  for (size_t i = 0; i < texts.size(); ++i) {
    if (used[i]) continue;
    if (item.revenue_code.empty()) {
      if (auto rev = ParseRevenueCode(texts[i])) {
        bool is_code = item.code.empty() && under_code_column(line.words[i].box_px);
        (is_code ? item.code : item.revenue_code) = *rev, used[i] = true;
        continue;
      }
    }
    if (item.code.empty()) {
      if (auto code = ParseProcedureCode(texts[i])) {
        item.code = *code, used[i] = true;
        continue;
      }
    }
    if (units_column != nullptr && !item.units) {
      // Units sit under their header (left, centred or right aligned): the word must overlap the
      // header's span widened by its own width.
      const BoxPx& header = units_column->box_px;
      const BoxPx& box = line.words[i].box_px;
      int slack = std::max(header.width(), box.width());
      if (auto units = SmallInteger(texts[i]); units && box.x1 > header.x0 - slack && box.x0 < header.x1 + slack) {
        item.units = *units, used[i] = true;
      }
    }
  }
  // A row is a charge only with a service date (or one carried from the row above, where the row
  // prints none) and a code.
  if (item.date_of_service.empty()) item.date_of_service = DateOfUndatedRow(line, columns, last_date);
  if (item.date_of_service.empty() || (item.code.empty() && item.revenue_code.empty())) return std::nullopt;
  std::string description;
  for (size_t i = 0; i < texts.size(); ++i) {
    if (!used[i]) description += (description.empty() ? "" : " ") + texts[i];
  }
  item.description = CollapseSpaces(description);
  item.page = line.page;
  item.box_px = line.box_px;
  item.confidence = 1.0;
  for (const Word& word : line.words) item.confidence = std::min(item.confidence, word.confidence);
  return item;
}

}  // namespace

std::vector<LineItem> ExtractLineItems(const std::vector<Line>& lines) {
  std::vector<LineItem> items;
  std::vector<Column> columns;
  bool in_table = false;
  std::string last_date;
  int row_height = 0;
  bool rows_read = false;  // under the current header
  size_t header_end = 0;   // the line after it
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    HeaderBand header = ReadHeaderBand(lines, i, "bill_column");
    if (header.rows > 0) {
      columns = std::move(header.columns);
      in_table = true;
      rows_read = false;
      i += header.rows - 1;
      header_end = i + 1;
      continue;
    }
    if (!in_table) {
      // A header OCR lost (small bold type on a shaded band): two lines in a row that each read as a
      // charge of its own date (a date, a code, an amount at the right) begin a table without one.
      auto row = ReadRow(line, {}, "");
      auto next = i + 1 < lines.size() ? ReadRow(lines[i + 1], {}, "") : std::nullopt;
      if (!row || !next) continue;
      columns.clear();
      last_date.clear();
      in_table = true;
    }
    if (auto item = ReadRow(line, columns, last_date)) {
      last_date = item->date_of_service;
      row_height = line.box_px.height();
      items.push_back(std::move(*item));
      rows_read = true;
      continue;
    }
    // Up to two lines of no figures between a header and its first row (a rule's remains, a band's
    // sub-heading, the first row's description wrapped above it) are passed over.
    if (!rows_read && !columns.empty() && i < header_end + kStrayLines && AmountsOn(line) == 0) continue;
    // A description that wraps onto a line of its own, just below its row.
    if (!items.empty() && WrapsUnder(line, items.back().page, items.back().box_px, row_height)) {
      items.back().description += " " + CollapseSpaces(line.Text());
      items.back().box_px = Union(items.back().box_px, line.box_px);
      continue;
    }
    in_table = false;  // a totals line, a note or the stub: the table is over until a new header
  }
  return items;
}

}  // namespace shoebox::extractors
