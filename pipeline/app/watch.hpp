// watch: keeps a folder processed. Files that land in it (now, later, or while shoebox was not
// running) go through the runner once they have stopped changing.
// Invariants:
//   W1. A file is taken only when its size and modification time have held still for `settle` and
//       it opens; partial downloads and editor or sync temp files (IsTemporaryName) are never taken.
//   W2. inotify says when to look; a full rescan every `rescan_every` catches what it cannot see
//       (network shares, containers, a full event queue), and the first pass takes what arrived
//       while shoebox was down.
//   W3. Symbolic links are followed only when they lead to a file inside the watched folder.
//   W4. A file whose bytes change is processed again as a new version; the same bytes are never
//       processed twice (the runner skips hashes already stored).
//   W5. Originals stay where they are, unless archive_dir is set: then a file the database holds is
//       moved there (same relative path; never over an existing file).
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <iosfwd>
#include <string>

#include "pipeline/core/result.hpp"
#include "pipeline/app/runner.hpp"
#include "pipeline/store/store.hpp"

namespace shoebox::watch {

struct Options {
  runner::Options scan;  // scan.stop is also what ends the watch
  std::chrono::milliseconds settle{2000};
  std::chrono::milliseconds rescan_every{30000};
  std::string archive_dir;  // empty: originals stay where they are
  // The date deadlines are counted from, asked after every batch (the watch may run for days).
  std::function<std::string()> today;
};

struct Totals {
  int batches = 0;
  runner::Summary files;  // summed over the batches
};

// True for names that are never a finished document: hidden files, partial downloads
// (.part, .crdownload, .download), editor and office lock or swap files, sync clients' temp files.
bool IsTemporaryName(const std::string& filename);

// Watches dir until *options.scan.stop becomes true. Each batch of settled files is scanned into
// db and the findings refreshed. Returns an Error when the folder cannot be watched or the database
// cannot be written.
Result<Totals> Watch(const std::string& dir, store::Database& db, const Options& options, std::ostream& out,
                     std::ostream& err);

}  // namespace shoebox::watch
