#include "pipeline/app/stages.hpp"

#include <array>

namespace shoebox {

std::span<const StageInfo> Stages() {
  static constexpr std::array kStages = {
      StageInfo{"ingest", "file bytes → pages: PDF through Poppler (text layer or rendering), images through Leptonica"},
      StageInfo{"prepare", "page image → upright, deskewed image (Tesseract OSD, Leptonica deskew)"},
      StageInfo{"ocr", "image → words with boxes and confidence (Tesseract, one engine per worker)"},
      StageInfo{"layout", "words → lines and cells rebuilt from boxes, page text in reading order"},
      StageInfo{"split", "pages of one file → the documents in it (page k of N, kind, account changes)"},
      StageInfo{"classify", "lines → bill / eob / msn / collection_letter / other, with a confidence"},
      StageInfo{"extract", "lines → fields, claims and arithmetic checks, each with page, box and confidence"},
      StageInfo{"store", "results → SQLite, one transaction per source file, keyed by SHA-256"},
      StageInfo{"match", "database → bill ↔ EOB/MSN claim and collection letter ↔ bill, with scores and keys"},
      StageInfo{"rules", "documents and matches → findings: what not to pay yet and why (docs/RULES.md)"},
  };
  return kStages;
}

}  // namespace shoebox
