#include "pipeline/store/store.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <map>

#include "pipeline/core/text.hpp"
#include "pipeline/core/embedded_data.hpp"
#include "pipeline/core/sha256.hpp"
#include "pipeline/store/values.hpp"

namespace shoebox::store {
namespace {


struct StatementDeleter {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

void Bind(sqlite3_stmt* statement, int index, const Value& value) {
  if (std::holds_alternative<std::int64_t>(value)) {
    sqlite3_bind_int64(statement, index, std::get<std::int64_t>(value));
  } else if (std::holds_alternative<double>(value)) {
    sqlite3_bind_double(statement, index, std::get<double>(value));
  } else if (std::holds_alternative<std::string>(value)) {
    const std::string& text = std::get<std::string>(value);
    sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  } else {
    sqlite3_bind_null(statement, index);
  }
}


}  // namespace

std::string JoinRemarkCodes(const std::vector<std::string>& codes) { return Join(codes, " "); }

std::vector<std::string> SplitRemarkCodes(const std::string& text) {
  std::vector<std::string> codes;
  for (size_t at = 0; at < text.size();) {
    size_t end = std::min(text.find(' ', at), text.size());
    if (end > at) codes.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return codes;
}

std::string DocumentId(const std::string& source_sha256, int first_page, int last_page, int entry) {
  std::string where = entry > 0 ? "entry-" + std::to_string(entry) : std::to_string(first_page) + "-" + std::to_string(last_page);
  return Sha256Hex(source_sha256 + ":" + where).substr(0, 16);
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, Mode mode) {
  if (mode == Mode::kReadWrite) {
    // S1: create the file ourselves with 0600 before SQLite can create it with the umask's mode;
    // one that exists open to others (copied in, or made by hand) is closed to them before records
    // are written into it. SQLite gives its -wal and -shm files the database's mode.
    int fd = ::open(path.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) return MakeError("database: cannot create " + path);
    struct stat info {};
    if (::fstat(fd, &info) == 0 && (info.st_mode & 077) != 0) ::fchmod(fd, info.st_mode & 0700);
    ::close(fd);
  }
  sqlite3* db = nullptr;
  int flags = mode == Mode::kReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    std::string message = SqliteError(db, "cannot open " + path);
    sqlite3_close(db);
    return MakeError(message);
  }
  std::unique_ptr<Database> database(new Database(db, mode));
  sqlite3_busy_timeout(db, 10000);
  if (mode == Mode::kReadOnly) {
    auto probe = database->Select("SELECT count(*) FROM sqlite_master");
    if (!probe) return MakeError("database: " + path + " is not a shoebox database");
    // A database an older shoebox made is brought up to this one's schema before it is read: the
    // reading verbs expect today's columns. One no shoebox made (version 0) is left as it is.
    int version = database->SchemaVersion();
    if (version >= 1 && version < static_cast<int>(embedded::Migrations().size())) {
      database.reset();
      auto migrated = Open(path, Mode::kReadWrite);
      if (!migrated) return migrated.error();
      migrated->reset();
      return Open(path, Mode::kReadOnly);
    }
    return database;
  }
  // Turning a new database to WAL needs it to itself, and SQLite answers "busy" at once rather than
  // wait (its deadlock rule) when another process opening it holds a read lock: try again for as
  // long as the busy timeout would have waited.
  for (int waited_ms = 0;; waited_ms += 20) {
    int rc = sqlite3_exec(db, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) break;
    if ((rc & 0xff) != SQLITE_BUSY || waited_ms >= 10000) return MakeError(SqliteError(db, "write"));
    sqlite3_sleep(20);
  }
  for (const char* pragma : {"PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL"}) {
    if (auto done = database->Execute(pragma); !done) return done.error();
  }
  if (auto migrated = database->Migrate(); !migrated) return migrated.error();
  return database;
}

Database::~Database() { sqlite3_close(db_); }

Result<bool> Database::Execute(const std::string& sql, const std::vector<Value>& params) {
  if (fail_nth_write_ > 0 && --fail_nth_write_ == 0) return MakeError("database: injected write failure");
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) return MakeError(SqliteError(db_, "prepare"));
  Statement statement(raw);
  for (size_t i = 0; i < params.size(); ++i) Bind(raw, static_cast<int>(i) + 1, params[i]);
  int rc;
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
  }
  if (rc != SQLITE_DONE) return MakeError(SqliteError(db_, "write"));
  return true;
}

int Database::SchemaVersion() {
  auto table = Select("PRAGMA user_version");
  if (!table || table->rows.empty()) return 0;
  return static_cast<int>(std::get<std::int64_t>(table->rows[0][0]));
}

Result<bool> Database::Migrate() {
  const auto& migrations = embedded::Migrations();
  // One migration a transaction, the version read inside it: two processes opening a new database
  // at once take turns (the busy timeout), and the second finds the first's work done.
  for (;;) {
    if (auto begun = Execute("BEGIN IMMEDIATE"); !begun) return begun;
    int version = SchemaVersion();
    if (version >= static_cast<int>(migrations.size())) {
      sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
      if (version == static_cast<int>(migrations.size())) return true;
      return MakeError("database: schema version " + std::to_string(version) + " is newer than this shoebox (" +
                       std::to_string(migrations.size()) + "); upgrade shoebox");
    }
    const auto& migration = migrations[static_cast<size_t>(version)];
    char* message = nullptr;
    std::string sql = std::string(migration.sql) + "\nPRAGMA user_version = " + std::to_string(version + 1) + ";\nCOMMIT;";
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string error = "database: migration " + std::string(migration.name) + ": " + (message ? message : "");
      sqlite3_free(message);
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      return MakeError(error);
    }
  }
}

bool Database::HasSource(const std::string& sha256) {
  auto table = Select("SELECT 1 FROM sources WHERE sha256 = ?", {sha256});
  return table && !table->rows.empty();
}

Result<Table> Database::Select(const std::string& sql, const std::vector<Value>& params) {
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &raw, &tail) != SQLITE_OK) {
    return MakeError(SqliteError(db_, "query"));
  }
  Statement statement(raw);
  if (raw == nullptr) return Table{};
  if (tail != nullptr && std::string_view(tail).find_first_not_of(" \t\r\n;") != std::string_view::npos) {
    return MakeError("database: query: give one statement at a time");
  }
  if (mode_ == Mode::kReadOnly && !sqlite3_stmt_readonly(raw)) {
    return MakeError("database: query: only read-only statements are allowed");
  }
  for (size_t i = 0; i < params.size(); ++i) Bind(raw, static_cast<int>(i) + 1, params[i]);
  Table table;
  int columns = sqlite3_column_count(raw);
  for (int c = 0; c < columns; ++c) table.columns.push_back(sqlite3_column_name(raw, c));
  int rc;
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
    std::vector<Value> row;
    for (int c = 0; c < columns; ++c) {
      switch (sqlite3_column_type(raw, c)) {
        case SQLITE_INTEGER: row.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(raw, c))); break;
        case SQLITE_FLOAT: row.emplace_back(sqlite3_column_double(raw, c)); break;
        case SQLITE_NULL: row.emplace_back(); break;
        default: {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(raw, c));
          row.emplace_back(std::string(text ? text : "", sqlite3_column_bytes(raw, c)));
        }
      }
    }
    table.rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) return MakeError(SqliteError(db_, "query"));
  return table;
}

}  // namespace shoebox::store
