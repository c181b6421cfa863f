// One file's pages through the stages, for the runner's threads (read_file.cpp). Internal to the
// runner.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/app/runner.hpp"
#include "pipeline/core/page.hpp"
#include "pipeline/reading/ingest.hpp"

namespace shoebox::runner {

using Clock = std::chrono::steady_clock;

inline bool StopRequested(const Options& options) { return options.stop != nullptr && options.stop->load(); }

// One page read: the page (image dropped) and its lines, for the file's documents.
struct PageRead {
  Page page;
  std::vector<Line> lines;
  bool out_of_time = false;  // not read, or cut short, because its file's time ran out
};

// The ingest options for a file whose time runs out at `deadline`: Poppler stops there.
ingest::Options IngestUntil(const Options& options, Clock::time_point deadline);

// ingest::Open, with what Poppler or Leptonica throws on a file they cannot parse made its reason.
Result<std::unique_ptr<ingest::PageSource>> OpenSource(std::shared_ptr<const std::string> bytes,
                                                       const ingest::Options& options);

// One page through ingest, prepare and OCR, its lines rebuilt, within the file's time: a page not
// begun before the deadline is not read, and a page that failed once it had passed was cut short
// by it. The engine is created on the first page that needs it and kept (R3).
PageRead ReadPageInTime(ingest::PageSource& source, int index, const std::string& path,
                        std::unique_ptr<ocr::Engine>* engine, const Options& options, Clock::time_point deadline);

// Reads a FHIR file (an insurer portal's EOBs) into result's documents, or its failure, and says
// true; says false for any other file, which has pages to read.
bool ReadIfFhir(const std::string& bytes, SourceResult& result);

// The file's pages, in order, into result.pages, and its documents: the pages split into
// documents, each classified and extracted. A file whose time ran out is failed with the reason
// and keeps the records of the pages read in time, but no documents: figures read from part of a
// paper are not to be acted on.
void AssembleDocuments(std::vector<PageRead> pages, SourceResult& result, std::chrono::seconds file_timeout);

}  // namespace shoebox::runner
