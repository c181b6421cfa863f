// What every document maker of the generator shares: the names and places it draws from, money
// and dates as senders print them, and a writer of page descriptions.
#pragma once

#include <string>
#include <vector>

#include "tools/samplegen/samplegen.hpp"

namespace samplegen {

extern const std::vector<std::string> kFirstNames, kLastNames, kStreets, kCities, kFonts;
extern const std::vector<std::string> kHospitals, kPhysicianGroups, kLabs, kPayers, kCollectors;

// "$1,840.00"; a credit as "-$96.60".
std::string Money(long long cents);

// Dates as the sender prints them: 03/04/2025, March 4, 2025, 3/4/25.
enum class DateStyle { kSlash, kLong, kShortYear };
std::string PrintDate(const std::string& iso, DateStyle style);

// `count` random digits, the first not 0.
std::string Digits(Rng& rng, int count);

// Builds a page description with a chosen font; every call places one run.
class PageWriter {
 public:
  PageWriter(std::string font) : font_(std::move(font)) {}
  void Text(double x, double y, const std::string& text, double size = 9.5, bool bold = false, Align align = Align::kLeft) {
    page_.texts.push_back({x, y, text, font_, size, bold, align});
  }
  void Line(double x0, double y0, double x1, double y1, double width = 0.8) { page_.rules.push_back({x0, y0, x1, y1, width, false}); }
  void Shade(double x0, double y0, double x1, double y1) { page_.rules.push_back({x0, y0, x1, y1, 0, true}); }
  // A dark band (a coloured heading bar as it prints in grey) for white type.
  void Band(double x0, double y0, double x1, double y1, double grey) {
    page_.rules.push_back({x0, y0, x1, y1, 0, true, grey});
  }
  void WhiteText(double x, double y, const std::string& text, double size, bool bold, Align align = Align::kLeft) {
    page_.texts.push_back({x, y, text, font_, size, bold, align, true});
  }
  // A label with its amount right-aligned at amount_x, on one row; returns the next row's top.
  double AmountRow(double y, const std::string& label, long long cents, double amount_x, bool bold = false) {
    Text(60, y, label, 9.5, bold);
    Text(amount_x, y, Money(cents), 9.5, bold, Align::kRight);
    return y + 15;
  }
  PageSpec Take() { return std::move(page_); }

 private:
  std::string font_;
  PageSpec page_;
};

// "Page 2 of 3" at the foot of every page of a document that runs to several.
void NumberPages(DocumentSpec& doc);

}  // namespace samplegen
