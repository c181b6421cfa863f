// The plain data that flows between the stages: no third-party types, no behaviour beyond
// trivial helpers. Units live in names: *_px, *_degrees, *_cents; confidence is always in [0, 1].
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/core/geometry.hpp"
#include "pipeline/core/image.hpp"

namespace shoebox {

using Cents = std::int64_t;

// A box in page pixels (or PDF points scaled to the page's pixel grid), x0/y0 inclusive top-left,
// x1/y1 exclusive bottom-right.
struct BoxPx {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int width() const { return x1 - x0; }
  int height() const { return y1 - y0; }
  bool empty() const { return x1 <= x0 || y1 <= y0; }
};
BoxPx Union(const BoxPx& a, const BoxPx& b);
// How far two boxes share their extent across the page, in pixels (negative: how far apart).
int OverlapAcross(const BoxPx& a, const BoxPx& b);

struct Word {
  std::string text;     // UTF-8
  BoxPx box_px;
  double confidence = 0;  // [0, 1]
};

enum class TextSource { kOcr, kTextLayer };
const char* ToString(TextSource source);

// One page as it leaves ingest (image and/or text-layer words) and, filled in by prepare and
// ocr, with its words. Coordinates of words are in the upright, deskewed page image.
struct Page {
  int number = 0;             // 1-based within its source file
  int width_px = 0, height_px = 0;
  int dpi = 0;
  TextSource text_source = TextSource::kOcr;
  std::string decoder;        // what read the page off the file: "poppler (text layer)", "poppler",
                              // "leptonica (the PDF's JPEG)", "leptonica", "libheif"
  GrayImage image;            // empty for text-layer pages
  bool bilevel = false;       // the image came in one bit a pixel (a fax, a bilevel scan)
  int rotation_degrees = 0;   // 0/90/180/270 clockwise applied to make the page upright
  double rotation_confidence = 0;
  bool orientation_pending = false;  // letter shapes were unsure; decided after a first reading
  bool blank = false;         // no ink to read (prepare::LooksBlank): not turned, straightened or read
  double skew_degrees = 0;    // skew found (and removed) by deskew
  double skew_confidence = 0;
  Homography original_to_prepared;  // page as given (ingest image) → the image the words are read from
  std::vector<Word> words;
  std::string text;           // reading-order text rebuilt by layout, one line per text line
  std::string error;          // non-empty: the page could not be read, and why
  std::string no_text;        // non-empty: the page was read and no word found on it, and why
  // Wall time of each stage on this page, for benchmarks and for finding slow pages.
  double ingest_ms = 0, prepare_ms = 0, orientation_ms = 0, recognize_ms = 0;  // orientation is part of prepare
};

// A line of words rebuilt from boxes (reading order within the line is left to right).
struct Line {
  std::vector<Word> words;
  BoxPx box_px;
  int page = 0;
  std::string Text() const;
};

enum class DocumentKind { kBill, kEob, kMsn, kCollectionLetter, kOther };
const char* ToString(DocumentKind kind);
std::optional<DocumentKind> ParseDocumentKind(const std::string& text);

// A field value as extracted: exactly one of text / cents / date is meaningful, by its name's suffix
// (`*_cents` → cents, `*_date`/`date` → ISO date in text, else text).
struct Field {
  std::string name;           // export name, e.g. "amount_due_cents"
  std::string text;           // text value or ISO date
  std::optional<Cents> cents;
  double confidence = 0;
  int page = 0;
  BoxPx box_px;
  // The reading rule that found it and what it went by ("label_next_cell: amount due"), and any
  // repair the arithmetic made; the rules are listed in docs/ARCHITECTURE.md.
  std::string read_by;
  // What the person said of it (shoebox correct / confirm): "corrected on 2025-12-01, read as
  // $136.82" or "confirmed on 2025-12-01"; empty where it stands as read.
  std::string person;
};

struct LineItem {
  std::string date_of_service;  // ISO, or empty
  std::string revenue_code;
  std::string code;
  std::string description;
  std::optional<int> units;
  Cents charge_cents = 0;
  int page = 0;
  BoxPx box_px;
  double confidence = 0;
};

// One service line of an EOB or MSN claim: what the plan did with one billed charge. Figures the
// notice does not print stay empty.
struct ClaimLine {
  std::string date_of_service;  // ISO, or empty
  std::string code;             // CPT/HCPCS as printed, or a revenue code
  std::string description;
  std::optional<Cents> billed_cents, discount_cents, not_covered_cents, allowed_cents, plan_paid_cents,
      deductible_cents, copay_cents, coinsurance_cents, patient_responsibility_cents;
  std::vector<std::string> remark_codes;  // as printed: "PR-1", "CO-45", a plan's own "A3"
  // The line's other columns, as printed, by the field their header names: ("tooth_number", "14").
  std::vector<std::pair<std::string, std::string>> details;
  int page = 0;
  BoxPx box_px;
  double confidence = 0;
};

// What the plan did with a claim, as the notice says; kUnknown where it says nothing readable.
enum class ClaimStatus { kUnknown, kProcessed, kPending, kDenied, kPartiallyDenied };
// "processed", "pending", "denied", "partially_denied"; "" for kUnknown (the export's null).
const char* ToString(ClaimStatus status);
ClaimStatus ParseClaimStatus(const std::string& text);

enum class NetworkStatus { kUnknown, kInNetwork, kOutOfNetwork };
// "in_network", "out_of_network"; "" for kUnknown.
const char* ToString(NetworkStatus status);
NetworkStatus ParseNetworkStatus(const std::string& text);

struct Claim {
  std::string claim_number;
  std::string provider_name;
  std::string patient_account_number;
  NetworkStatus network_status = NetworkStatus::kUnknown;
  ClaimStatus status = ClaimStatus::kUnknown;
  std::string processed_date, service_date_from, service_date_to;
  std::optional<Cents> billed_cents, discount_cents, not_covered_cents, allowed_cents, plan_paid_cents,
      deductible_cents, copay_cents, coinsurance_cents, patient_responsibility_cents;
  std::vector<ClaimLine> lines;  // empty where the notice prints only the claim's totals
  int page = 0;
};

struct Check {
  std::string name;  // e.g. "line_items_sum_to_total_charges"
  bool ok = false;
  std::string detail;
};

struct Document {
  int first_page = 0, last_page = 0;  // 1-based, inclusive, within the source
  int entry = 0;  // for a document read from data, not pages (a FHIR bundle's EOB): its 1-based place in the file
  DocumentKind kind = DocumentKind::kOther;
  double kind_confidence = 0;
  std::string form;  // the kinds table's form of the kind it was read as ("dental"), or "" for the kind itself
  std::vector<Field> fields;
  std::vector<LineItem> line_items;
  std::vector<Claim> claims;
  std::vector<Check> checks;
};

enum class SourceStatus { kDone, kFailed };

// Everything one source file produced; the store writes it in one transaction.
struct SourceResult {
  std::string path;
  std::string sha256;       // empty when the file could not be read
  std::int64_t size_bytes = 0;
  std::int64_t mtime_seconds = 0;
  std::int64_t mtime_ns = 0;  // the same time to the nanosecond
  std::string media_type;   // "application/pdf", "image/png", …
  SourceStatus status = SourceStatus::kDone;
  std::string error;        // one line, for failed sources
  std::vector<Page> pages;  // images dropped; words kept
  std::vector<Document> documents;
  bool interrupted = false; // processing stopped part-way (the run was asked to stop): never stored
};

}  // namespace shoebox
