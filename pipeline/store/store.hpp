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
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "pipeline/core/geometry.hpp"
#include "pipeline/core/page.hpp"
#include "pipeline/core/records.hpp"
#include "pipeline/core/result.hpp"

struct sqlite3;

namespace shoebox::store {

using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
};

enum class Mode { kReadWrite, kReadOnly };

// A page as stored (its words are in the words table).
struct StoredPage {
  std::int64_t source_id = 0;
  std::string source_path;
  int number = 0;  // 1-based within its source
  TextSource text_source = TextSource::kOcr;
  int dpi = 0;     // 0 where not recorded
  int rotation_degrees = 0;
  std::optional<double> skew_degrees, mean_word_confidence;
  std::string text;
  std::optional<Homography> to_original;  // prepared page → page as given; none where nothing moved
  std::string no_text;  // read, and no word found: why ("the page looks blank"); empty otherwise
  std::string decoder;  // what read the page off its file (core/page.hpp); empty where not kept
};

struct DocumentSource {
  std::string document_id;
  std::int64_t source_id = 0;
  std::string source_path;
  int first_page = 0, last_page = 0;
};

struct SourceFingerprint {
  std::string path;
  std::int64_t size_bytes = 0;
  std::int64_t mtime_ns = 0;
};

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
  // with the same hash first (scan --force). False, with nothing written, where another process
  // stored the same bytes in the meantime.
  Result<bool> WriteSource(const SourceResult& source, bool replace, const std::string& scanned_at);

  // The source with these bytes now lives at new_path (moved to an archive at the person's request).
  Result<bool> RecordMove(const std::string& sha256, const std::string& new_path);

  // The person's record (shoebox log), oldest first; entries taken back are kept but not loaded.
  Result<bool> AddNote(const Note& note);
  Result<std::vector<Note>> LoadNotes();
  // Takes back the entry numbered `id` on `today`; false where no standing entry has that number.
  Result<bool> UndoNote(std::int64_t id, const std::string& today);

  // The household given for the financial-assistance pre-screen: giving it again replaces it.
  Result<bool> SaveHousehold(const Household& household);
  Result<std::optional<Household>> LoadHousehold();

  // The names the person gave to people as the papers print them (people merge / rename).
  Result<bool> SavePersonName(const std::string& printed, const std::string& name);
  Result<std::map<std::string, std::string>> LoadPersonNames();

  // What the person said of readings (shoebox correct / confirm), in the order said; AddCorrection
  // returns its number.
  Result<std::int64_t> AddCorrection(const Correction& correction);
  Result<std::vector<Correction>> LoadCorrections();

  // The stored documents with their fields (by name), line items, claims with their lines, and
  // checks (by name), in (path, first page) order; with `after_source_id`, only those of sources
  // stored after it (sources.id grows).
  Result<std::vector<StoredDocument>> LoadDocuments(std::int64_t after_source_id = 0);
  // One stored document by its id; none when no document has it.
  Result<std::optional<StoredDocument>> LoadDocument(const std::string& document_id);
  // Which documents the database holds now, each with its source, in document id order.
  Result<std::vector<DocumentSource>> LoadDocumentSources();
  // The pages of every stored source (or of one), by source id and page number.
  Result<std::vector<StoredPage>> LoadPages(std::optional<std::int64_t> source_id = std::nullopt);
  // The derived rows as ReplaceFindings wrote them, in the order written.
  Result<std::vector<Twin>> LoadTwins();
  Result<std::vector<Match>> LoadMatches();
  Result<std::vector<Finding>> LoadFindings();
  // The hashes of the sources read to the end (scan skips those files unread).
  Result<std::vector<std::string>> LoadDoneHashes();
  // Path, size and modification time of every source read to the end (watch: a restart does not
  // hash those files again).
  Result<std::vector<SourceFingerprint>> LoadDoneFingerprints();

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
  // The documents the condition on `documents d` picks (one parameter), with everything they hold.
  Result<std::vector<StoredDocument>> LoadDocumentsWhere(const std::string& where, const Value& param);
  Result<bool> Execute(const std::string& sql, const std::vector<Value>& params = {});
  // The parts of WriteSource, each inside its transaction.
  Result<bool> WritePage(std::int64_t source_id, const Page& page);
  Result<bool> WriteDocument(std::int64_t source_id, const std::string& source_sha256, const Document& document);
  Result<bool> WriteClaim(const std::string& document_id, size_t ordinal, const Claim& claim);

  sqlite3* db_;
  Mode mode_;
  int fail_nth_write_ = 0;
};

// The stable document id: derived from the source hash and the page range, or, for a document
// read from data rather than pages, its entry in the file.
std::string DocumentId(const std::string& source_sha256, int first_page, int last_page, int entry = 0);

// claim_lines.remark_codes: the codes as printed, separated by single spaces.
std::string JoinRemarkCodes(const std::vector<std::string>& codes);
std::vector<std::string> SplitRemarkCodes(const std::string& text);

}  // namespace shoebox::store
