// What every family's drawing shares: amounts as the producer prints them, label–value pairs in
// its placement, and tables with headers over one to three rows.
#include <algorithm>
#include <sstream>

#include <cstdint>
#include <cstdio>

#include "tools/samplegen/grammar/grammar.hpp"

namespace samplegen::grammar {
namespace {

std::vector<std::string> SplitWords(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

// A header phrase over `rows` rows, bottom-aligned: "Plan Allowed Amount" over 3 rows is one word
// a row; over 2, "Plan Allowed" / "Amount".
std::vector<std::string> HeaderLines(const std::string& phrase, int rows) {
  std::vector<std::string> words = SplitWords(phrase);
  std::vector<std::string> lines(static_cast<size_t>(rows));
  int used = std::min<int>(rows, static_cast<int>(words.size()));
  size_t per_line = (words.size() + used - 1) / used;
  for (size_t i = 0; i < words.size(); ++i) {
    size_t line = rows - used + std::min<size_t>(i / per_line, used - 1);
    lines[line] += (lines[line].empty() ? "" : " ") + words[i];
  }
  return lines;
}

// A run's width in points in the family's font, as it is drawn.
double TextWidth(const Style& style, const std::string& text, double size, bool bold = false) {
  return TextWidthPt(style.font, text, size, bold);
}

}  // namespace

DocumentSpec FamilyDocument(const Family& family) {
  DocumentSpec doc;
  doc.kind = family.kind;
  doc.family = family.name;
  doc.layout = "grammar";
  doc.held_out = family.held_out;
  return doc;
}

double SizeToFit(const Style& style, const std::string& text, double size, double room) {
  double width = TextWidth(style, text, size, true);
  return width <= room ? size : size * room / width;
}

double HeaderWidth(const std::string& phrase, const Style& style) {
  double widest = 0;
  for (const std::string& line : HeaderLines(phrase, style.header_rows)) widest = std::max(widest, TextWidth(style, line, style.size, true));
  return widest + 10;
}

std::string BirthDateOf(const std::string& patient_name) {
  std::uint32_t h = 2166136261u;  // FNV-1a
  for (unsigned char c : patient_name) h = (h ^ c) * 16777619u;
  char iso[11];
  std::snprintf(iso, sizeof iso, "%04u-%02u-%02u", 1940 + h % 76, 1 + (h >> 8) % 12, 1 + (h >> 12) % 28);
  return iso;
}

void AddBirthDate(const Style& style, const std::string& patient_name,
                  std::vector<std::pair<std::string, std::string>>& pairs, Json& fields) {
  const std::string& label = Word(style, "patient_birth_date");
  if (label.empty()) return;
  DateStyle dates = style.dates == DateStyle::kShortYear ? DateStyle::kSlash : style.dates;
  pairs.push_back({label, PrintDate(BirthDateOf(patient_name), dates)});
  fields["patient_birth_date"] = BirthDateOf(patient_name);
}

std::string Amount(long long cents, const Style& style, bool in_table) {
  bool dollar = !in_table || style.dollar_signs_in_tables;
  if (cents == 0) {
    switch (style.zero_style) {
      case 1: return "0.00";
      case 2: return in_table ? "\u2014" : Money(0);
      case 3: return in_table ? "-" : Money(0);
      case 4: return in_table ? "" : Money(0);
      default: break;
    }
  }
  std::string text = Money(cents < 0 ? -cents : cents);
  if (!dollar) text = text.substr(1);
  if (cents >= 0) return text;
  switch (style.negative_style) {
    case 1: return "(" + text + ")";
    case 2: return text + "CR";
    case 3: return text + "-";
    default: return "-" + text;
  }
}

double Pairs(PageWriter& w, const Style& style, double x, double y, double width,
             const std::vector<std::pair<std::string, std::string>>& pairs, bool bold_values) {
  double line = style.size * 1.6;
  if (style.placement == Placement::kUnderLabel) {
    // Boxes side by side, up to four a row: the label small above its value. No producer prints a
    // value across the next box, so a row holds as many boxes as fit the widest label and value.
    double widest = 0;
    for (const auto& [label, value] : pairs) {
      widest = std::max({widest, TextWidth(style, label, style.size - 1), TextWidth(style, value, style.size + 1, true)});
    }
    size_t per_row = std::min<size_t>(4, std::max<size_t>(1, static_cast<size_t>(width / 130)));
    while (per_row > 1 && width / static_cast<double>(per_row) < widest + 14) --per_row;
    double box = width / static_cast<double>(per_row);
    for (size_t i = 0; i < pairs.size(); ++i) {
      double bx = x + box * static_cast<double>(i % per_row);
      w.Line(bx, y - 3, bx + box - 6, y - 3, 0.5);
      w.Text(bx + 4, y, pairs[i].first, style.size - 1);
      w.Text(bx + 4, y + style.size + 3, pairs[i].second, style.size + 1, true);
      w.Line(bx, y + 2 * style.size + 8, bx + box - 6, y + 2 * style.size + 8, 0.5);
      if (i % per_row == per_row - 1 || i + 1 == pairs.size()) y += 2 * style.size + 16;
    }
    return y;
  }
  // Pairs share a line as far as each fits its slot with room to spare, so no value runs into the
  // next pair's label.
  size_t per_line = style.pairs_share_lines ? std::min<size_t>(3, std::max<size_t>(1, static_cast<size_t>(width / 170))) : 1;
  auto all_fit = [&](size_t n) {
    double slot = width / static_cast<double>(n);
    return std::all_of(pairs.begin(), pairs.end(), [&](const auto& pair) {
      return TextWidth(style, pair.first, style.size) + TextWidth(style, pair.second, style.size, bold_values) + 30 <= slot;
    });
  };
  while (per_line > 1 && !all_fit(per_line)) --per_line;
  double slot = width / static_cast<double>(per_line);
  for (size_t i = 0; i < pairs.size(); ++i) {
    double sx = x + slot * static_cast<double>(i % per_line);
    const auto& [label, value] = pairs[i];
    // Where label and value would meet across a narrow slot, producers print the value after the label.
    bool crowded = TextWidth(style, label, style.size) + TextWidth(style, value, style.size, bold_values) + 24 > slot - 12;
    if (crowded && style.placement != Placement::kAfterLabel) {
      w.Text(sx, y, label, style.size);
      w.Text(sx + TextWidth(style, label, style.size) + 10, y, value, style.size, bold_values);
      if (i % per_line == per_line - 1 || i + 1 == pairs.size()) y += line;
      continue;
    }
    switch (style.placement) {
      case Placement::kAfterLabel:
        w.Text(sx, y, label + ": " + value, style.size, bold_values);
        break;
      case Placement::kColumnRight:
        w.Text(sx, y, label, style.size);
        w.Text(sx + slot - 12, y, value, style.size, bold_values, Align::kRight);
        break;
      case Placement::kDotLeaders: {
        w.Text(sx, y, label, style.size);
        double from = sx + TextWidth(style, label, style.size) + 6;
        double to = sx + slot - 12 - TextWidth(style, value, style.size, bold_values) - 6;
        if (to > from + 10) w.Text(from, y, std::string(static_cast<size_t>((to - from) / (0.28 * style.size)), '.'), style.size);
        w.Text(sx + slot - 12, y, value, style.size, bold_values, Align::kRight);
        break;
      }
      case Placement::kUnderLabel:
        break;
    }
    if (i % per_line == per_line - 1 || i + 1 == pairs.size()) y += line;
  }
  return y;
}

namespace {

// A text cell's lines: its words wrapped to `width` points at `size`, as producers print a long
// description within its cell rather than running it into the next column.
std::vector<std::string> WrappedLines(const Style& style, const std::string& text, double width, double size, bool bold) {
  std::vector<std::string> lines(1);
  for (const std::string& word : SplitWords(text)) {
    std::string longer = lines.back().empty() ? word : lines.back() + " " + word;
    if (!lines.back().empty() && TextWidth(style, longer, size, bold) > width - 6) lines.push_back(word);
    else lines.back() = longer;
  }
  return lines;
}

// One table being drawn: its columns placed, its type set, and y going down the page.
struct TableDrawer {
  PageWriter& w;
  const Style& style;
  const TableSpec& table;
  double x, y;
  double size = 0, header_size = 0, row_height = 0, right_edge = 0;
  int header_rows = 1;
  std::vector<double> left, widths;

  TableDrawer(PageWriter& writer, const Style& s, const TableSpec& t, double x0, double y0)
      : w(writer), style(s), table(t), x(x0), y(y0) {
    // A column is at least as wide as its widest figure or word (a text cell wraps between words),
    // and a table wider than the page is set smaller, as producers squeeze wide tables.
    std::vector<double> wanted = table.widths;
    for (const auto& cells : table.rows) {
      for (size_t c = 0; c < cells.size() && c < wanted.size(); ++c) {
        std::vector<std::string> pieces = table.numeric[c] ? std::vector<std::string>{cells[c]} : SplitWords(cells[c]);
        for (const std::string& piece : pieces) wanted[c] = std::max(wanted[c], TextWidth(style, piece, style.size - 0.5) + 8);
      }
    }
    double total = 0;
    for (double width : wanted) total += width;
    double squeeze = std::min(1.0, (576 - x) / total);
    size = std::max(6.0, (style.size - 0.5) * squeeze);
    row_height = size * 1.7;
    double at = x;
    for (double width : wanted) left.push_back(at), widths.push_back(width * squeeze), at += widths.back();
    right_edge = at;
    // No header line runs into the next column's: a header too wide for its column takes more
    // rows (up to three), as producers wrap a header's words, and is set smaller only past that.
    auto fitting_size = [&] {
      double fitting = size;
      for (size_t c = 0; c < table.headers.size(); ++c) {
        for (const std::string& text : HeaderLines(table.headers[c], header_rows)) {
          if (!text.empty()) fitting = SizeToFit(style, text, fitting, widths[c] - 6);
        }
      }
      return fitting;
    };
    header_rows = style.header_rows;
    while (header_rows < 3 && fitting_size() < size) ++header_rows;
    header_size = std::max(6.0, fitting_size());
  }

  void Header() {
    double top = y;
    bool band = style.header_band > 0;
    if (band) w.Band(x, top - 3, right_edge, top - 1 + size * 1.3 * header_rows, style.header_band);
    auto text = [&](double at, const std::string& words, Align align) {
      if (band) {
        w.WhiteText(at, y, words, header_size, true, align);
      } else {
        w.Text(at, y, words, header_size, true, align);
      }
    };
    for (int r = 0; r < header_rows; ++r) {
      for (size_t c = 0; c < table.headers.size(); ++c) {
        std::string words = HeaderLines(table.headers[c], header_rows)[static_cast<size_t>(r)];
        if (words.empty()) continue;
        if (style.centred_headers) {
          text(left[c] + widths[c] / 2, words, Align::kCenter);
        } else if (table.numeric[c]) {
          text(left[c] + widths[c] - 4, words, Align::kRight);
        } else {
          text(left[c] + 2, words, Align::kLeft);
        }
      }
      y += size * 1.3;
    }
    if (!band && style.rules != TableRules::kNone) w.Line(x, top - 3, right_edge, top - 3, 0.6);
    if (!band) w.Line(x, y - 1, right_edge, y - 1, 0.6);
    y += 4;
  }

  // A row; a text cell wraps within its room: its column and the empty cells right of it (a total
  // row's label spans them).
  void Row(const std::vector<std::string>& cells, bool bold, size_t index) {
    std::vector<std::vector<std::string>> cell_lines(cells.size());
    size_t most_lines = 1;
    for (size_t c = 0; c < cells.size() && c < left.size(); ++c) {
      double room = widths[c];
      for (size_t next = c + 1; next < cells.size() && next < widths.size() && cells[next].empty(); ++next) {
        room += widths[next];
      }
      cell_lines[c] = table.numeric[c] ? std::vector<std::string>{cells[c]} : WrappedLines(style, cells[c], room, size, bold);
      most_lines = std::max(most_lines, cell_lines[c].size());
    }
    double height = row_height + size * 1.15 * static_cast<double>(most_lines - 1);
    if (style.rules == TableRules::kZebra && index % 2 == 1) w.Shade(x, y - 2, right_edge, y + height - 3);
    for (size_t c = 0; c < cells.size() && c < left.size(); ++c) {
      if (cells[c].empty()) continue;
      if (table.numeric[c]) {
        w.Text(left[c] + widths[c] - 4, y, cells[c], size, bold, Align::kRight);
        continue;
      }
      for (size_t l = 0; l < cell_lines[c].size(); ++l) {
        w.Text(left[c] + 2, y + size * 1.15 * static_cast<double>(l), cell_lines[c][l], size, bold);
      }
    }
    y += height;
    if (style.rules == TableRules::kRuled) w.Line(x, y - 3, right_edge, y - 3, 0.3);
  }
};

}  // namespace

double Table(PageWriter& w, const Style& style, double x, double y, const TableSpec& table,
             const std::function<double()>& next_page, double bottom) {
  TableDrawer drawer(w, style, table, x, y);
  drawer.Header();
  for (size_t i = 0; i < table.rows.size(); ++i) {
    if (drawer.y + drawer.row_height > bottom) {
      w.Text(306, bottom + 20, "Continued on next page", drawer.size, false, Align::kCenter);
      drawer.y = next_page();
      drawer.Header();
    }
    drawer.Row(table.rows[i], false, i);
  }
  if (!table.total.empty()) {
    w.Line(x, drawer.y - 2, drawer.right_edge, drawer.y - 2, 0.8);
    drawer.Row(table.total, true, 0);
  }
  return drawer.y + 6;
}

}  // namespace samplegen::grammar
