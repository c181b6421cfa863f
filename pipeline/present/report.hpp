// report: the person's view. One self-contained HTML page per account (no network, no external
// assets, mode 0600) and an index: the account's timeline, its documents with their key figures,
// the findings with the evidence cropped from the original page and the figure boxed, a call sheet
// with the account's own numbers, and the letters to send, ready to print.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/page.hpp"
#include "pipeline/core/result.hpp"
#include "pipeline/store/store.hpp"

namespace shoebox::report {

struct Options {
  std::string out_dir;
  std::string account;  // only this account number (letters and digits compared); empty: all
  std::string today;    // ISO date: letters are dated and deadlines counted from it
  std::string person;   // only the papers that name this person (shoebox people); empty: the household's
};

struct Written {
  std::vector<std::string> files;  // index first
  int accounts = 0;
  int evidence_crops = 0;
};

// Reads the stored findings: the caller refreshes them for options.today first (runner::RefreshFindings).
Result<Written> WriteReport(store::Database& db, const Options& options);

// The evidence: the region of the original page around box, re-read from the file the person gave
// (rendered, turned and straightened exactly as when its words were read), with the box drawn,
// as PNG bytes; nullopt when the file is gone or the page cannot be rendered.
struct PageReplay {
  std::string source_path;
  int page_number = 0;  // 1-based
  bool text_layer = false;
  int dpi = 0;
  int rotation_degrees = 0;
};
std::optional<std::string> EvidencePng(const PageReplay& page, const BoxPx& box);

}  // namespace shoebox::report
