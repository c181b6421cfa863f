#include "tools/samplegen/page_writer.hpp"

#include <cstdio>

namespace samplegen {

const std::vector<std::string> kFirstNames = {"Avery", "Jordan", "Morgan", "Riley", "Casey", "Quinn", "Harper",
                                              "Rowan", "Emerson", "Dakota", "Skyler", "Reese"};
const std::vector<std::string> kLastNames = {"Lindqvist", "Okafor", "Brennan", "Castellano", "Whitfield", "Nakamura",
                                             "Delacroix", "Abernathy", "Sorensen", "Halvorsen", "Pemberton", "Ruiz"};
const std::vector<std::string> kStreets = {"418 Juniper Lane", "77 Harbor View Rd", "1290 Old Mill Ct",
                                           "53 Larkspur Ave", "2201 Prairie Wind Dr", "9 Quarry Hill St"};
const std::vector<std::string> kCities = {"Millbrook, OH 44011", "Cedar Falls, PA 17102", "Riverton, WI 53704",
                                          "Fairhaven, MN 55401", "Lakemont, NY 14510", "Ashby, MO 63101"};
const std::vector<std::string> kHospitals = {"SAINT MERCY REGIONAL MEDICAL CENTER", "LAKESIDE GENERAL HOSPITAL",
                                             "VALLEY VIEW HEALTH SYSTEM", "NORTHGATE COMMUNITY HOSPITAL"};
const std::vector<std::string> kPhysicianGroups = {"Bayside Emergency Physicians", "Summit Radiology Associates",
                                                   "Crestwood Family Medicine", "Harborline Anesthesia Group"};
const std::vector<std::string> kLabs = {"ClearPath Diagnostic Laboratories", "Meridian Imaging Center"};
const std::vector<std::string> kPayers = {"Keystone Health Plan", "Summit Benefit Administrators",
                                          "Great Lakes Mutual Health", "Evergreen Care Insurance"};
const std::vector<std::string> kCollectors = {"North Ridge Recovery Services", "Allied Credit Partners",
                                              "Pinecrest Collection Bureau"};
const std::vector<std::string> kFonts = {"DejaVu Sans", "Liberation Sans", "Liberation Serif"};

std::string Money(long long cents) {
  bool negative = cents < 0;
  long long value = negative ? -cents : cents;
  std::string digits = std::to_string(value / 100);
  std::string grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  char cents_text[16];
  std::snprintf(cents_text, sizeof cents_text, "%02d", static_cast<int>(value % 100));
  return std::string(negative ? "-" : "") + "$" + grouped + "." + cents_text;
}

std::string PrintDate(const std::string& iso, DateStyle style) {
  static const char* kMonths[] = {"January", "February", "March", "April", "May", "June", "July",
                                  "August", "September", "October", "November", "December"};
  int y = std::stoi(iso.substr(0, 4)), m = std::stoi(iso.substr(5, 2)), d = std::stoi(iso.substr(8, 2));
  char text[40];
  switch (style) {
    case DateStyle::kSlash: std::snprintf(text, sizeof text, "%02d/%02d/%04d", m, d, y); break;
    case DateStyle::kLong: std::snprintf(text, sizeof text, "%s %d, %d", kMonths[m - 1], d, y); break;
    case DateStyle::kShortYear: std::snprintf(text, sizeof text, "%d/%d/%02d", m, d, y % 100); break;
  }
  return text;
}

std::string Digits(Rng& rng, int count) {
  std::string text;
  for (int i = 0; i < count; ++i) text += static_cast<char>('0' + (i == 0 ? rng.Int(1, 9) : rng.Int(0, 9)));
  return text;
}

void NumberPages(DocumentSpec& doc) {
  if (doc.pages.size() < 2) return;
  for (size_t i = 0; i < doc.pages.size(); ++i) {
    doc.pages[i].texts.push_back({568, 760, "Page " + std::to_string(i + 1) + " of " + std::to_string(doc.pages.size()),
                                  doc.pages[i].texts.front().font, 8.5, false, Align::kRight});
  }
}

}  // namespace samplegen
