// store: the only stage that touches SQLite. Owns the schema (migrations in schemas/, compiled in,
// recorded in PRAGMA user_version) and writes one source file's results in one transaction, so a
// crash or kill never leaves a half-written document behind.
// Invariants:
//   S1. A database file is created with mode 0600 (and its WAL/SHM files inherit it).
//   S2. A source is keyed by the SHA-256 of its bytes; writing the same bytes again is refused
//       unless replace is set, which removes the old rows in the same transaction.
//   S3. A source that failed to read still gets a row (status 'failed', error), one per path.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "pipeline/core/records.hpp"
#include "pipeline/core/page.hpp"
#include "pipeline/core/result.hpp"

struct sqlite3;

namespace shoebox::store {

using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
};

enum class Mode { kReadWrite, kReadOnly };

class Database {
 public:
  // Opens (creating with mode 0600 and migrating, in read-write mode) the database at path.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, Mode mode);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  int SchemaVersion();
  bool HasSource(const std::string& sha256);

  // Writes everything one source produced, in one transaction. replace: remove an earlier source
  // with the same hash first (scan --force).
  Result<bool> WriteSource(const SourceResult& source, bool replace, const std::string& scanned_at);

  // The source with these bytes now lives at new_path (moved to an archive at the person's request).
  Result<bool> RecordMove(const std::string& sha256, const std::string& new_path);

  // The person's record (shoebox log), oldest first.
  Result<bool> AddNote(const Note& note);
  Result<std::vector<Note>> LoadNotes();

  // Every document with its fields, line items, claims and checks, for the cross-matcher.
  // The stored documents with their fields, line items, claims and checks, in (path, first page)
  // order; with `after_source_id`, only those of sources stored after it (sources.id grows).
  Result<std::vector<StoredDocument>> LoadDocuments(std::int64_t after_source_id = 0);

  // Replaces all twins, matches and findings in one transaction (they are derived from the documents).
  Result<bool> ReplaceFindings(const std::vector<Twin>& twins, const std::vector<Match>& matches,
                               const std::vector<Finding>& found, const std::string& today);

  // Runs one statement and returns its rows. In read-only mode statements that write are refused.
  Result<Table> Select(const std::string& sql, const std::vector<Value>& params = {});

  // Test hook for invariant checks: fail the Nth write statement from now (1-based); 0 disables.
  void FailNthWriteForTesting(int n) { fail_nth_write_ = n; }

 private:
  Database(sqlite3* db, Mode mode) : db_(db), mode_(mode) {}
  Result<bool> Migrate();
  Result<bool> Execute(const std::string& sql, const std::vector<Value>& params = {});

  sqlite3* db_;
  Mode mode_;
  int fail_nth_write_ = 0;
};

// The stable document id: derived from the source hash and the page range.
std::string DocumentId(const std::string& source_sha256, int first_page, int last_page);

// claim_lines.remark_codes: the codes as printed, separated by single spaces.
std::string JoinRemarkCodes(const std::vector<std::string>& codes);
std::vector<std::string> SplitRemarkCodes(const std::string& text);

}  // namespace shoebox::store
