// runner: owns threads, progress and errors. Expands the paths given into files, reads and hashes
// each (skipping what the database already holds), hands the bytes to a fixed pool of workers, and
// writes each file's results through the single database writer on the calling thread. Pages are
// the unit of work: a worker that starts a file lists its other pages for any worker that is free
// (each reads them with its own parser of the file), so one long PDF keeps every core busy; each
// page runs ingest → prepare → ocr → layout, and the worker that finishes a file's last page runs
// split → classify → extract over the whole file.
// Invariants:
//   R1. Originals are only ever read: opened O_RDONLY, never renamed, written or deleted.
//   R2. One failing file or page never stops the batch; each failure is one line naming the file
//       (and page) and a row in the database.
//   R3. Each worker creates its OCR engine once, on its first page that needs OCR, and reuses it.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/reading/ingest.hpp"
#include "pipeline/reading/ocr.hpp"
#include "pipeline/core/page.hpp"
#include "pipeline/reading/prepare.hpp"
#include "pipeline/core/result.hpp"
#include "pipeline/store/store.hpp"

namespace shoebox::findings {
class Analyser;
}

namespace shoebox::runner {

using EngineFactory = std::function<Result<std::unique_ptr<ocr::Engine>>()>;

// What became of one file of a scan, reported on the writing thread as it is settled.
struct FileReport {
  enum Outcome { kStored, kAlreadyStored, kFailed, kInterrupted };
  std::string path;
  std::string sha256;  // empty when the file could not be read
  Outcome outcome = kStored;
};

struct Options {
  int jobs = 0;  // 0: one per core
  std::string scanned_at;  // recorded on each source ("2026-11-22T10:00:00Z"); the caller reads the clock
  bool force = false;
  bool show_progress = false;  // a single updating line on stderr (for terminals)
  ingest::Options ingest;
  // Orientation the letter shapes leave open is decided after a first reading (a page that reads
  // well is upright), which spares most such pages the engine's orientation pass.
  prepare::Options prepare = [] {
    prepare::Options deferred;
    deferred.defer_unsure_orientation = true;
    return deferred;
  }();
  EngineFactory make_engine;  // empty: Tesseract with ocr::EngineOptions{}
  // Marks the page's reading left without words get one more reading (second_look.hpp).
  bool second_look = true;
  // When set, each OCR page's image is written here after ingest and after prepare
  // (<file>-p<N>-ingest.png, then -sheet, -scaled, -light and -upright for the steps that changed
  // it, and -prepare.png, the image recognised) so a person can see what went wrong.
  std::string keep_intermediates_dir;
  // The time one file may take from the moment a worker opens it: a file still being read then
  // (a damaged or hostile PDF that holds Poppler for minutes) is recorded as failed with the
  // reason, its pages not yet read are left, and the run goes on.
  std::chrono::seconds file_timeout{600};
  // When it becomes true (Ctrl-C, SIGTERM), no new file is started, files in flight stop at their
  // next page and are not written, and Scan returns what was completed.
  const std::atomic<bool>* stop = nullptr;
  std::function<void(const FileReport&)> on_file;  // optional
};

struct Summary {
  int files_seen = 0;
  int files_scanned = 0;
  int files_skipped = 0;  // already in the database (same bytes)
  int files_failed = 0;   // the file, or one of its pages, could not be read
  int files_interrupted = 0;  // not started or not finished because the run was asked to stop
  int pages = 0;
  int documents = 0;
};

// Lists the files under the given paths (folders recursively, hidden entries skipped), sorted; a
// path that does not exist is kept so that it fails visibly.
std::vector<std::string> ExpandPaths(const std::vector<std::string>& paths);

// Runs the stages on one file's bytes (result.interrupted when options.stop came on part-way). engine may be null when no page needs OCR; it is created
// through make_engine on first need and kept in *engine for the next file.
SourceResult ProcessBytes(const std::string& path, std::string bytes, std::unique_ptr<ocr::Engine>* engine,
                          const Options& options);

// Brings the matches up to date (through `analyser`, which re-matches only what changed since its
// last update) and re-evaluates the findings rules against today (ISO date), replacing the stored
// matches and findings in one transaction. Returns the number of findings. Without an analyser,
// everything is matched afresh.
Result<size_t> RefreshFindings(store::Database& db, const std::string& today, findings::Analyser& analyser);
Result<size_t> RefreshFindings(store::Database& db, const std::string& today);

// Scans the paths into db. Failure lines go to err ("path: reason"), one line per scanned file to
// out. Returns an Error only when the database cannot be written.
Result<Summary> Scan(const std::vector<std::string>& paths, store::Database& db, const Options& options,
                     std::ostream& out, std::ostream& err);

}  // namespace shoebox::runner
