// The store's own conversions between plain values and SQLite cells (store::Value), shared by its
// files: empty text and absent figures are NULL, and back. Only pipeline/store/ includes this.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/figures.hpp"
#include "pipeline/core/geometry.hpp"
#include "pipeline/core/page.hpp"
#include "pipeline/store/store.hpp"

namespace shoebox::store {

inline std::string SqliteError(sqlite3* db, const std::string& what) {
  return "database: " + what + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
}

inline Value Text(const std::string& text) { return text.empty() ? Value{} : Value{text}; }
inline Value Cents(const std::optional<shoebox::Cents>& cents) { return cents ? Value{*cents} : Value{}; }
inline Value Integer(std::int64_t value) { return Value{value}; }
inline Value Real(double value) { return Value{value}; }

// The prepared page → page as given, as nine numbers; NULL when preparation moved nothing.
inline Value TransformText(const Homography& original_to_prepared) {
  if (original_to_prepared.IsIdentity()) return Value{};
  Homography back = original_to_prepared.Inverse();
  std::string text = "[";
  for (size_t i = 0; i < back.m.size(); ++i) {
    char number[32];
    std::snprintf(number, sizeof number, "%.10g", back.m[i]);
    text += (i ? "," : "") + std::string(number);
  }
  return text + "]";
}

inline bool IsNull(const Value& value) { return std::holds_alternative<std::monostate>(value); }
inline std::string TextValue(const Value& value) {
  return std::holds_alternative<std::string>(value) ? std::get<std::string>(value) : "";
}
inline std::optional<shoebox::Cents> CentsValue(const Value& value) {
  if (std::holds_alternative<std::int64_t>(value)) return std::get<std::int64_t>(value);
  return std::nullopt;
}
inline std::int64_t IntValue(const Value& value) {
  if (std::holds_alternative<std::int64_t>(value)) return std::get<std::int64_t>(value);
  if (std::holds_alternative<double>(value)) return static_cast<std::int64_t>(std::get<double>(value));
  return 0;
}
inline double RealValue(const Value& value) {
  if (std::holds_alternative<double>(value)) return std::get<double>(value);
  return static_cast<double>(IntValue(value));
}
inline std::optional<double> OptionalReal(const Value& value) {
  if (IsNull(value)) return std::nullopt;
  return RealValue(value);
}
inline BoxPx BoxValue(const std::vector<Value>& row, size_t first) {
  return {static_cast<int>(IntValue(row[first])), static_cast<int>(IntValue(row[first + 1])),
          static_cast<int>(IntValue(row[first + 2])), static_cast<int>(IntValue(row[first + 3]))};
}

// The claim figures' columns of claims and claim_lines, in the figures table's order.
inline std::string FigureColumns() {
  std::string columns;
  for (const ClaimFigure& figure : kClaimFigures) columns += (columns.empty() ? "" : ", ") + std::string(figure.name);
  return columns;
}

// "?, ?, ?": the placeholders of an INSERT of `count` values.
inline std::string Placeholders(size_t count) {
  std::string marks;
  for (size_t i = 0; i < count; ++i) marks += i ? ", ?" : "?";
  return marks;
}

// findings.documents: the document ids as a JSON array of strings (read back with json_each).
inline std::string JsonStringArray(const std::vector<std::string>& items) {
  std::string json = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    json += (i ? "," : "") + std::string("\"");
    for (char c : items[i]) {
      if (c == '"' || c == '\\') json += '\\';
      json += c;
    }
    json += "\"";
  }
  return json + "]";
}

}  // namespace shoebox::store
