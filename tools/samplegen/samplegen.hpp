// samplegen: the synthetic shoebox. Episodes of care (one patient, one provider, one plan) produce
// documents with consistent arithmetic (DOMAIN.md §3) unless a scenario plants an error; each
// document is laid out as a page description (text runs and rules in PDF points), rendered by
// Cairo/Pango as a born-digital PDF or a raster, and degraded by OpenCV like a scan, a phone photo
// or a fax. Every output file gets a truth file in the shape of EXPORT.md. Deterministic per seed.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace samplegen {

using Json = nlohmann::ordered_json;

// A small deterministic generator (the standard distributions differ between library vendors).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ULL + 1) {}
  std::uint64_t Next() {
    state_ ^= state_ << 13, state_ ^= state_ >> 7, state_ ^= state_ << 17;
    return state_;
  }
  int Int(int lo, int hi) { return lo + static_cast<int>(Next() % static_cast<std::uint64_t>(hi - lo + 1)); }
  double Real(double lo, double hi) { return lo + (hi - lo) * static_cast<double>(Next() >> 11) / 9007199254740992.0; }
  bool Chance(double p) { return Real(0, 1) < p; }
  template <typename T>
  const T& Pick(const std::vector<T>& items) { return items[Next() % items.size()]; }

 private:
  std::uint64_t state_;
};

enum class Align { kLeft, kRight, kCenter };

struct TextRun {
  double x_pt = 0, y_pt = 0;  // anchor: left/right/centre edge at the top of the text
  std::string text;
  std::string font = "DejaVu Sans";
  double size_pt = 10;
  bool bold = false;
  Align align = Align::kLeft;
  bool white = false;  // white type on a dark band
};

struct Rule {
  double x0_pt, y0_pt, x1_pt, y1_pt;
  double width_pt = 0.8;
  bool filled_box = false;  // a filled box: table shading, or a dark band behind white type
  double fill_grey = 0.88;  // the box's level, 0 black … 1 white
};

struct PageSpec {
  std::vector<TextRun> texts;
  std::vector<Rule> rules;
};

// One document as generated: its pages and the truth the pipeline should recover.
struct DocumentSpec {
  std::string kind;    // bill | eob | msn | collection_letter | other
  std::string family;  // hospital_itemized, physician_summary, eob_summary, …
  std::string layout;  // the variant within the family
  bool held_out = false;  // a family of the layout grammar kept out of development (grammar.hpp)
  std::vector<PageSpec> pages;
  Json truth;          // {kind, fields, line_items, claims}
};

// Render modes; kFhir is not drawn: an EOB or MSN written as an insurer portal's FHIR JSON.
enum class RenderMode { kBornDigital, kScan, kPhoto, kFax, kFhir };
const char* ToString(RenderMode mode);

// Text of a page in reading order (rows of runs by top, left to right), as the truth records it.
std::string PageText(const PageSpec& page);

// The width in points of `text` set in `font` (a fontconfig family) at `size_pt`, as Render draws it.
double TextWidthPt(const std::string& font, const std::string& text, double size_pt, bool bold);

// Renders to `path`: born-digital → PDF with a text layer; scan → image-only PDF; photo → JPEG;
// fax → 1-bit TIFF as fax software saves it (fax.cpp). Returns per-page truth {number, text,
// rotation, skew_degrees} and, for a fax, its strength and transmission header.
Json Render(const std::vector<PageSpec>& pages, RenderMode mode, Rng& rng, const std::string& path);

// An EOB's or MSN's truth as a FHIR R4 Bundle: one ExplanationOfBenefit a claim (CARIN Blue
// Button), with the patient, the member and the coverage (fhir.cpp).
Json FhirBundle(const Json& truth);

}  // namespace samplegen
