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

namespace shoebox::store {
namespace {

std::string SqliteError(sqlite3* db, const std::string& what) {
  return "database: " + what + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
}

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

Value Text(const std::string& text) { return text.empty() ? Value{} : Value{text}; }
Value Cents(const std::optional<shoebox::Cents>& cents) { return cents ? Value{*cents} : Value{}; }
Value Integer(std::int64_t value) { return Value{value}; }

// The prepared page → page as given, as nine numbers; NULL when preparation moved nothing.
Value TransformText(const Homography& original_to_prepared) {
  if (original_to_prepared.IsIdentity()) return Value{};
  Homography back = original_to_prepared.Inverse();
  std::string text = "[";
  for (size_t i = 0; i < back.m.size(); ++i) {
    char number[32];
    std::snprintf(number, sizeof number, "%.10g", back.m[i]);
    text += (i ? "," : "") + std::string(number);
  }
  return text + "]";
}
Value Real(double value) { return Value{value}; }

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

std::string DocumentId(const std::string& source_sha256, int first_page, int last_page) {
  return Sha256Hex(source_sha256 + ":" + std::to_string(first_page) + "-" + std::to_string(last_page)).substr(0, 16);
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, Mode mode) {
  if (mode == Mode::kReadWrite) {
    // S1: create the file ourselves with 0600 before SQLite can create it with the umask's mode.
    int fd = ::open(path.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) return MakeError("database: cannot create " + path);
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
    return database;
  }
  for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL"}) {
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
  int version = SchemaVersion();
  const auto& migrations = embedded::Migrations();
  if (version > static_cast<int>(migrations.size())) {
    return MakeError("database: schema version " + std::to_string(version) + " is newer than this shoebox (" +
                     std::to_string(migrations.size()) + "); upgrade shoebox");
  }
  for (size_t i = static_cast<size_t>(version); i < migrations.size(); ++i) {
    char* message = nullptr;
    std::string sql = "BEGIN IMMEDIATE;\n" + std::string(migrations[i].sql) + "\nPRAGMA user_version = " +
                      std::to_string(i + 1) + ";\nCOMMIT;";
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string error = "database: migration " + std::string(migrations[i].name) + ": " + (message ? message : "");
      sqlite3_free(message);
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      return MakeError(error);
    }
  }
  return true;
}

bool Database::HasSource(const std::string& sha256) {
  auto table = Select("SELECT 1 FROM sources WHERE sha256 = ?", {sha256});
  return table && !table->rows.empty();
}

Result<bool> Database::WriteSource(const SourceResult& source, bool replace, const std::string& scanned_at) {
  if (mode_ == Mode::kReadOnly) return MakeError("database: opened read-only");
  if (source.interrupted) return MakeError("database: " + source.path + " was not processed to the end");
  if (auto begun = Execute("BEGIN IMMEDIATE"); !begun) return begun;
  auto body = [&]() -> Result<bool> {
    if (!source.sha256.empty() && replace) {
      if (auto r = Execute("DELETE FROM sources WHERE sha256 = ?", {source.sha256}); !r) return r;
    }
    // S3: an earlier failure for this path or these bytes is replaced by this attempt's outcome.
    if (auto r = Execute("DELETE FROM sources WHERE status = 'failed' AND (path = ? OR sha256 = ?)",
                         {source.path, Text(source.sha256)});
        !r) {
      return r;
    }
    if (auto r = Execute(
            "INSERT INTO sources (path, sha256, size_bytes, mtime_seconds, mtime_ns, media_type, status, error, "
            "page_count, scanned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {source.path, Text(source.sha256), Integer(source.size_bytes), Integer(source.mtime_seconds), Integer(source.mtime_ns),
             Text(source.media_type), std::string(source.status == SourceStatus::kDone ? "done" : "failed"),
             Text(source.error), Integer(static_cast<std::int64_t>(source.pages.size())), scanned_at});
        !r) {
      return r;
    }
    std::int64_t source_id = sqlite3_last_insert_rowid(db_);
    for (const Page& page : source.pages) {
      double confidence_sum = 0;
      for (const Word& word : page.words) confidence_sum += word.confidence;
      Value mean = page.words.empty() ? Value{} : Real(std::round(1000.0 * confidence_sum / page.words.size()) / 10.0);
      if (auto r = Execute(
              "INSERT INTO pages (source_id, number, text_source, width_px, height_px, dpi, rotation_degrees, "
              "rotation_confidence, skew_degrees, skew_confidence, mean_word_confidence, text, error, "
              "ingest_ms, prepare_ms, orientation_ms, recognize_ms, to_original) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {source_id, Integer(page.number), std::string(ToString(page.text_source)), Integer(page.width_px),
               Integer(page.height_px), Integer(page.dpi), Integer(page.rotation_degrees), Real(page.rotation_confidence),
               Real(page.skew_degrees), Real(page.skew_confidence), mean, Text(page.text), Text(page.error),
               Real(page.ingest_ms), Real(page.prepare_ms), Real(page.orientation_ms), Real(page.recognize_ms),
               TransformText(page.original_to_prepared)});
          !r) {
        return r;
      }
      std::int64_t page_id = sqlite3_last_insert_rowid(db_);
      for (size_t i = 0; i < page.words.size(); ++i) {
        const Word& word = page.words[i];
        if (auto r = Execute("INSERT INTO words VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             {page_id, Integer(static_cast<std::int64_t>(i)), word.text, Integer(word.box_px.x0),
                              Integer(word.box_px.y0), Integer(word.box_px.x1), Integer(word.box_px.y1),
                              Real(word.confidence)});
            !r) {
          return r;
        }
      }
    }
    for (const Document& document : source.documents) {
      std::string id = DocumentId(source.sha256, document.first_page, document.last_page);
      if (auto r = Execute("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?)",
                           {id, source_id, Integer(document.first_page), Integer(document.last_page),
                            std::string(ToString(document.kind)), Real(document.kind_confidence)});
          !r) {
        return r;
      }
      for (const Field& field : document.fields) {
        if (auto r = Execute("INSERT INTO fields VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             {id, field.name, Text(field.text), Cents(field.cents), Real(field.confidence),
                              Integer(field.page), Integer(field.box_px.x0), Integer(field.box_px.y0),
                              Integer(field.box_px.x1), Integer(field.box_px.y1)});
            !r) {
          return r;
        }
      }
      for (size_t i = 0; i < document.line_items.size(); ++i) {
        const LineItem& item = document.line_items[i];
        if (auto r = Execute("INSERT INTO line_items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             {id, Integer(static_cast<std::int64_t>(i)), Text(item.date_of_service),
                              Text(item.revenue_code), Text(item.code), Text(item.description),
                              item.units ? Value{std::int64_t{*item.units}} : Value{}, Integer(item.charge_cents),
                              Real(item.confidence), Integer(item.page), Integer(item.box_px.x0),
                              Integer(item.box_px.y0), Integer(item.box_px.x1), Integer(item.box_px.y1)});
            !r) {
          return r;
        }
      }
      for (size_t i = 0; i < document.claims.size(); ++i) {
        const Claim& c = document.claims[i];
        if (auto r = Execute(
                "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                {id, Integer(static_cast<std::int64_t>(i)), Text(c.claim_number), Text(c.provider_name),
                 Text(c.patient_account_number), Text(c.network_status), Text(c.status), Text(c.processed_date),
                 Text(c.service_date_from), Text(c.service_date_to), Cents(c.billed_cents), Cents(c.discount_cents),
                 Cents(c.not_covered_cents), Cents(c.allowed_cents), Cents(c.plan_paid_cents),
                 Cents(c.deductible_cents), Cents(c.copay_cents), Cents(c.coinsurance_cents),
                 Cents(c.patient_responsibility_cents), Integer(c.page)});
            !r) {
          return r;
        }
        for (size_t k = 0; k < c.lines.size(); ++k) {
          const ClaimLine& line = c.lines[k];
          if (auto r = Execute(
                  "INSERT INTO claim_lines VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  {id, Integer(static_cast<std::int64_t>(i)), Integer(static_cast<std::int64_t>(k)),
                   Text(line.date_of_service), Text(line.code), Text(line.description), Cents(line.billed_cents),
                   Cents(line.discount_cents), Cents(line.not_covered_cents), Cents(line.allowed_cents),
                   Cents(line.plan_paid_cents), Cents(line.deductible_cents), Cents(line.copay_cents),
                   Cents(line.coinsurance_cents), Cents(line.patient_responsibility_cents), Text(JoinRemarkCodes(line.remark_codes)),
                   Real(line.confidence), Integer(line.page), Integer(line.box_px.x0), Integer(line.box_px.y0),
                   Integer(line.box_px.x1), Integer(line.box_px.y1)});
              !r) {
            return r;
          }
        }
      }
      for (const Check& check : document.checks) {
        if (auto r = Execute("INSERT OR REPLACE INTO checks VALUES (?, ?, ?, ?)",
                             {id, check.name, Integer(check.ok ? 1 : 0), Text(check.detail)});
            !r) {
          return r;
        }
      }
    }
    return true;
  };
  Result<bool> written = body();
  if (!written) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return written;
  }
  if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    std::string error = SqliteError(db_, "commit");
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return MakeError(error);
  }
  return true;
}

namespace {

std::string TextValue(const Value& value) {
  return std::holds_alternative<std::string>(value) ? std::get<std::string>(value) : "";
}
std::optional<shoebox::Cents> CentsValue(const Value& value) {
  if (std::holds_alternative<std::int64_t>(value)) return std::get<std::int64_t>(value);
  return std::nullopt;
}
std::int64_t IntValue(const Value& value) {
  return std::holds_alternative<std::int64_t>(value) ? std::get<std::int64_t>(value) : 0;
}
double RealValue(const Value& value) {
  if (std::holds_alternative<double>(value)) return std::get<double>(value);
  return static_cast<double>(IntValue(value));
}
BoxPx BoxValue(const std::vector<Value>& row, size_t first) {
  return {static_cast<int>(IntValue(row[first])), static_cast<int>(IntValue(row[first + 1])),
          static_cast<int>(IntValue(row[first + 2])), static_cast<int>(IntValue(row[first + 3]))};
}

std::string JsonStringArray(const std::vector<std::string>& items) {
  std::string json = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    json += (i ? "," : "") + std::string("\"");
    for (char c : items[i]) {
      if (c == '"' || c == '\\') json += '\\';
      json += c;
    }
    json += "\"";
  }
  return json + "]";
}

}  // namespace

Result<std::vector<StoredDocument>> Database::LoadDocuments(std::int64_t after_source_id) {
  auto documents = Select(
      "SELECT d.id, s.path, d.first_page, d.last_page, d.kind, d.kind_confidence FROM documents d "
      "JOIN sources s ON s.id = d.source_id WHERE d.source_id > ? ORDER BY s.path, d.first_page",
      {Integer(after_source_id)});
  if (!documents) return documents.error();
  std::vector<StoredDocument> loaded;
  std::map<std::string, size_t> index;
  for (const auto& row : documents->rows) {
    StoredDocument stored;
    stored.id = TextValue(row[0]);
    stored.path = TextValue(row[1]);
    stored.document.first_page = static_cast<int>(IntValue(row[2]));
    stored.document.last_page = static_cast<int>(IntValue(row[3]));
    stored.document.kind = ParseDocumentKind(TextValue(row[4])).value_or(DocumentKind::kOther);
    stored.document.kind_confidence = RealValue(row[5]);
    index[stored.id] = loaded.size();
    loaded.push_back(std::move(stored));
  }
  // Each detail query reads only the rows of the documents loaded.
  const std::string kWanted = " WHERE document_id IN (SELECT id FROM documents WHERE source_id > ?)";
  auto each = [&](std::string sql, auto&& add) -> Result<bool> {
    size_t order_by = sql.find(" ORDER BY");
    sql.insert(order_by == std::string::npos ? sql.size() : order_by, kWanted);
    auto rows = Select(sql, {Integer(after_source_id)});
    if (!rows) return rows.error();
    for (const auto& row : rows->rows) {
      auto it = index.find(TextValue(row[0]));
      if (it != index.end()) add(loaded[it->second].document, row);
    }
    return true;
  };
  Result<bool> ok = each("SELECT document_id, name, value_text, value_cents, confidence, page, x0, y0, x1, y1 FROM fields",
                         [](Document& d, const std::vector<Value>& r) {
                           d.fields.push_back({TextValue(r[1]), TextValue(r[2]), CentsValue(r[3]), RealValue(r[4]),
                                               static_cast<int>(IntValue(r[5])), BoxValue(r, 6)});
                         });
  if (!ok) return ok.error();
  ok = each("SELECT document_id, date_of_service, revenue_code, code, description, units, charge_cents, confidence, page, "
            "x0, y0, x1, y1 FROM line_items ORDER BY document_id, ordinal",
            [](Document& d, const std::vector<Value>& r) {
              LineItem item;
              item.date_of_service = TextValue(r[1]);
              item.revenue_code = TextValue(r[2]);
              item.code = TextValue(r[3]);
              item.description = TextValue(r[4]);
              if (auto units = CentsValue(r[5])) item.units = static_cast<int>(*units);
              item.charge_cents = IntValue(r[6]);
              item.confidence = RealValue(r[7]);
              item.page = static_cast<int>(IntValue(r[8]));
              item.box_px = BoxValue(r, 9);
              d.line_items.push_back(item);
            });
  if (!ok) return ok.error();
  ok = each("SELECT document_id, claim_number, provider_name, patient_account_number, network_status, status, "
            "processed_date, service_date_from, service_date_to, billed_cents, discount_cents, not_covered_cents, "
            "allowed_cents, plan_paid_cents, deductible_cents, copay_cents, coinsurance_cents, "
            "patient_responsibility_cents, page FROM claims ORDER BY document_id, ordinal",
            [](Document& d, const std::vector<Value>& r) {
              Claim c;
              c.claim_number = TextValue(r[1]);
              c.provider_name = TextValue(r[2]);
              c.patient_account_number = TextValue(r[3]);
              c.network_status = TextValue(r[4]);
              c.status = TextValue(r[5]);
              c.processed_date = TextValue(r[6]);
              c.service_date_from = TextValue(r[7]);
              c.service_date_to = TextValue(r[8]);
              c.billed_cents = CentsValue(r[9]);
              c.discount_cents = CentsValue(r[10]);
              c.not_covered_cents = CentsValue(r[11]);
              c.allowed_cents = CentsValue(r[12]);
              c.plan_paid_cents = CentsValue(r[13]);
              c.deductible_cents = CentsValue(r[14]);
              c.copay_cents = CentsValue(r[15]);
              c.coinsurance_cents = CentsValue(r[16]);
              c.patient_responsibility_cents = CentsValue(r[17]);
              c.page = static_cast<int>(IntValue(r[18]));
              d.claims.push_back(c);
            });
  if (!ok) return ok.error();
  // Claims were read in ordinal order, so a line's claim is claims[claim_ordinal].
  ok = each("SELECT document_id, claim_ordinal, date_of_service, code, description, billed_cents, discount_cents, "
            "not_covered_cents, allowed_cents, plan_paid_cents, deductible_cents, copay_cents, coinsurance_cents, "
            "patient_responsibility_cents, remark_codes, confidence, page, x0, y0, x1, y1 FROM claim_lines "
            "ORDER BY document_id, claim_ordinal, ordinal",
            [](Document& d, const std::vector<Value>& r) {
              auto claim = static_cast<size_t>(IntValue(r[1]));
              if (claim >= d.claims.size()) return;
              ClaimLine line;
              line.date_of_service = TextValue(r[2]);
              line.code = TextValue(r[3]);
              line.description = TextValue(r[4]);
              line.billed_cents = CentsValue(r[5]);
              line.discount_cents = CentsValue(r[6]);
              line.not_covered_cents = CentsValue(r[7]);
              line.allowed_cents = CentsValue(r[8]);
              line.plan_paid_cents = CentsValue(r[9]);
              line.deductible_cents = CentsValue(r[10]);
              line.copay_cents = CentsValue(r[11]);
              line.coinsurance_cents = CentsValue(r[12]);
              line.patient_responsibility_cents = CentsValue(r[13]);
              line.remark_codes = SplitRemarkCodes(TextValue(r[14]));
              line.confidence = RealValue(r[15]);
              line.page = static_cast<int>(IntValue(r[16]));
              line.box_px = BoxValue(r, 17);
              d.claims[claim].lines.push_back(std::move(line));
            });
  if (!ok) return ok.error();
  ok = each("SELECT document_id, name, ok, detail FROM checks", [](Document& d, const std::vector<Value>& r) {
    d.checks.push_back({TextValue(r[1]), IntValue(r[2]) != 0, TextValue(r[3])});
  });
  if (!ok) return ok.error();
  return loaded;
}

Result<bool> Database::AddNote(const Note& note) {
  if (mode_ == Mode::kReadOnly) return MakeError("database: opened read-only");
  return Execute(
      "INSERT INTO notes (kind, account_number, noted_on, amount_cents, representative, reference, text) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {note.kind, Text(note.account_number), note.noted_on, Cents(note.amount_cents),
       Text(note.representative), Text(note.reference), Text(note.text)});
}

Result<std::vector<Note>> Database::LoadNotes() {
  auto table = Select(
      "SELECT kind, account_number, noted_on, amount_cents, representative, reference, text FROM notes "
      "ORDER BY noted_on, id");
  if (!table) return table.error();
  std::vector<Note> notes;
  for (const auto& row : table->rows) {
    notes.push_back({TextValue(row[0]), TextValue(row[1]), TextValue(row[2]), CentsValue(row[3]), TextValue(row[4]),
                     TextValue(row[5]), TextValue(row[6])});
  }
  return notes;
}

Result<bool> Database::RecordMove(const std::string& sha256, const std::string& new_path) {
  if (mode_ == Mode::kReadOnly) return MakeError("database: opened read-only");
  return Execute("UPDATE sources SET path = ? WHERE sha256 = ?", {new_path, sha256});
}

Result<bool> Database::ReplaceFindings(const std::vector<Twin>& twins, const std::vector<Match>& matches,
                                       const std::vector<Finding>& found, const std::string& today) {
  if (mode_ == Mode::kReadOnly) return MakeError("database: opened read-only");
  if (auto begun = Execute("BEGIN IMMEDIATE"); !begun) return begun;
  auto body = [&]() -> Result<bool> {
    if (auto r = Execute("DELETE FROM duplicates"); !r) return r;
    for (const Twin& twin : twins) {
      if (auto r = Execute("INSERT INTO duplicates (document_id, duplicate_of, keys) VALUES (?, ?, ?)",
                           {twin.document_id, twin.duplicate_of, twin.keys});
          !r) {
        return r;
      }
    }
    if (auto r = Execute("DELETE FROM matches"); !r) return r;
    if (auto r = Execute("DELETE FROM findings"); !r) return r;
    for (const Match& m : matches) {
      if (auto r = Execute("INSERT INTO matches (left_id, right_id, claim_ordinal, claim_number, score, keys) "
                           "VALUES (?, ?, ?, ?, ?, ?)",
                           {m.left_id, m.right_id, m.claim_ordinal >= 0 ? Value{std::int64_t{m.claim_ordinal}} : Value{},
                            Text(m.claim_number), Real(m.score), m.keys});
          !r) {
        return r;
      }
      // Inserts into the WITHOUT ROWID match_lines leave last_insert_rowid() at this match.
      for (const auto& [bill_line, eob_line] : m.lines) {
        if (auto r = Execute("INSERT INTO match_lines VALUES (last_insert_rowid(), ?, ?)",
                             {Integer(bill_line), Integer(eob_line)});
            !r) {
          return r;
        }
      }
    }
    for (const Finding& f : found) {
      if (auto r = Execute("INSERT INTO findings (rule, rule_id, severity, documents, amount_cents, deadline, summary, "
                           "next_step, computed_for) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           {f.rule, f.rule_id, f.severity, JsonStringArray(f.documents), Cents(f.amount_cents),
                            Text(f.deadline), f.summary, f.next_step, today});
          !r) {
        return r;
      }
    }
    return true;
  };
  Result<bool> written = body();
  if (!written || sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    std::string error = written ? SqliteError(db_, "commit") : written.error().message;
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return MakeError(error);
  }
  return true;
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
