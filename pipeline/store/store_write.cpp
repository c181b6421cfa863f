// store, the writing half: one source file's results in one transaction (S2, S3 of store.hpp), the
// derived twins, matches and findings replaced together, and the person's notes.
#include <sqlite3.h>

#include <cmath>

#include "pipeline/store/store.hpp"
#include "pipeline/store/values.hpp"

namespace shoebox::store {

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
    // Another process (a second scan, the watcher) stored these bytes since this one looked: they
    // are stored, which is all this write was for.
    if (!source.sha256.empty() && HasSource(source.sha256)) return false;
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
      if (auto r = WritePage(source_id, page); !r) return r;
    }
    for (const Document& document : source.documents) {
      if (auto r = WriteDocument(source_id, source.sha256, document); !r) return r;
    }
    return true;
  };
  Result<bool> written = body();
  if (!written || !*written) {
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

Result<bool> Database::WritePage(std::int64_t source_id, const Page& page) {
  double confidence_sum = 0;
  for (const Word& word : page.words) confidence_sum += word.confidence;
  Value mean = page.words.empty() ? Value{} : Real(std::round(1000.0 * confidence_sum / page.words.size()) / 10.0);
  if (auto r = Execute(
          "INSERT INTO pages (source_id, number, text_source, width_px, height_px, dpi, rotation_degrees, "
          "rotation_confidence, skew_degrees, skew_confidence, mean_word_confidence, text, error, "
          "ingest_ms, prepare_ms, orientation_ms, recognize_ms, to_original, no_text, decoder) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {source_id, Integer(page.number), std::string(ToString(page.text_source)), Integer(page.width_px),
           Integer(page.height_px), Integer(page.dpi), Integer(page.rotation_degrees), Real(page.rotation_confidence),
           Real(page.skew_degrees), Real(page.skew_confidence), mean, Text(page.text), Text(page.error),
           Real(page.ingest_ms), Real(page.prepare_ms), Real(page.orientation_ms), Real(page.recognize_ms),
           TransformText(page.original_to_prepared), Text(page.no_text), Text(page.decoder)});
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
  return true;
}

Result<bool> Database::WriteDocument(std::int64_t source_id, const std::string& source_sha256, const Document& document) {
  std::string id = DocumentId(source_sha256, document.first_page, document.last_page, document.entry);
  if (auto r = Execute("INSERT INTO documents (id, source_id, first_page, last_page, kind, kind_confidence, form) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)",
                       {id, source_id, Integer(document.first_page), Integer(document.last_page),
                        std::string(ToString(document.kind)), Real(document.kind_confidence), Text(document.form)});
      !r) {
    return r;
  }
  for (const Field& field : document.fields) {
    if (auto r = Execute("INSERT INTO fields VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         {id, field.name, Text(field.text), Cents(field.cents), Real(field.confidence),
                          Integer(field.page), Integer(field.box_px.x0), Integer(field.box_px.y0),
                          Integer(field.box_px.x1), Integer(field.box_px.y1), Text(field.read_by)});
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
    if (auto r = WriteClaim(id, i, document.claims[i]); !r) return r;
  }
  for (const Check& check : document.checks) {
    if (auto r = Execute("INSERT OR REPLACE INTO checks VALUES (?, ?, ?, ?)",
                         {id, check.name, Integer(check.ok ? 1 : 0), Text(check.detail)});
        !r) {
      return r;
    }
  }
  return true;
}

Result<bool> Database::WriteClaim(const std::string& id, size_t i, const Claim& c) {  // i: the claim's ordinal
  std::vector<Value> claim = {id, Integer(static_cast<std::int64_t>(i)), Text(c.claim_number),
                              Text(c.provider_name), Text(c.patient_account_number), Text(ToString(c.network_status)),
                              Text(ToString(c.status)), Text(c.processed_date), Text(c.service_date_from),
                              Text(c.service_date_to)};
  for (const ClaimFigure& figure : kClaimFigures) claim.push_back(Cents(c.*figure.of_claim));
  claim.push_back(Integer(c.page));
  if (auto r = Execute("INSERT INTO claims (document_id, ordinal, claim_number, provider_name, "
                       "patient_account_number, network_status, status, processed_date, service_date_from, "
                       "service_date_to, " + FigureColumns() + ", page) VALUES (" + Placeholders(claim.size()) + ")",
                       claim);
      !r) {
    return r;
  }
  for (size_t k = 0; k < c.lines.size(); ++k) {
    const ClaimLine& line = c.lines[k];
    std::vector<Value> row = {id, Integer(static_cast<std::int64_t>(i)), Integer(static_cast<std::int64_t>(k)),
                              Text(line.date_of_service), Text(line.code), Text(line.description)};
    for (const ClaimFigure& figure : kClaimFigures) row.push_back(Cents(line.*figure.of_line));
    for (Value value : {Text(JoinRemarkCodes(line.remark_codes)), Real(line.confidence), Integer(line.page),
                        Integer(line.box_px.x0), Integer(line.box_px.y0), Integer(line.box_px.x1),
                        Integer(line.box_px.y1)}) {
      row.push_back(std::move(value));
    }
    if (auto r = Execute("INSERT INTO claim_lines (document_id, claim_ordinal, ordinal, date_of_service, code, "
                         "description, " + FigureColumns() + ", remark_codes, confidence, page, x0, y0, x1, y1) "
                         "VALUES (" + Placeholders(row.size()) + ")",
                         row);
        !r) {
      return r;
    }
    for (const auto& [name, value] : line.details) {
      if (auto r = Execute("INSERT OR REPLACE INTO claim_line_details VALUES (?, ?, ?, ?, ?)",
                           {id, Integer(static_cast<std::int64_t>(i)), Integer(static_cast<std::int64_t>(k)), name,
                            value});
          !r) {
        return r;
      }
    }
  }
  return true;
}

Result<bool> Database::AddNote(const Note& note) {
  if (mode_ == Mode::kReadOnly) return MakeError("database: opened read-only");
  return Execute(
      "INSERT INTO notes (kind, account_number, noted_on, amount_cents, representative, reference, text) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {std::string(ToString(note.kind)), Text(note.account_number), note.noted_on, Cents(note.amount_cents),
       Text(note.representative), Text(note.reference), Text(note.text)});
}

Result<bool> Database::SavePersonName(const std::string& printed, const std::string& name) {
  if (mode_ == Mode::kReadOnly) return MakeError("database: opened read-only");
  return Execute("INSERT OR REPLACE INTO person_names (printed, name) VALUES (?, ?)", {printed, name});
}

Result<bool> Database::SaveHousehold(const Household& household) {
  if (mode_ == Mode::kReadOnly) return MakeError("database: opened read-only");
  return Execute("INSERT OR REPLACE INTO household (id, size, income_cents, state, given_on) VALUES (1, ?, ?, ?, ?)",
                 {Integer(household.size), Integer(household.income_cents), Text(household.state), household.given_on});
}

Result<std::int64_t> Database::AddCorrection(const Correction& correction) {
  if (mode_ == Mode::kReadOnly) return MakeError("database: opened read-only");
  std::string keys;
  for (const std::string& key : correction.paper_keys) keys += (keys.empty() ? "" : "\n") + key;
  auto added = Execute(
      "INSERT INTO corrections (document_id, paper_keys, target, read_value, value, made_on) VALUES (?, ?, ?, ?, ?, ?)",
      {correction.document_id, keys, correction.target, correction.read_value,
       correction.value ? Value{*correction.value} : Value{}, correction.made_on});
  if (!added) return added.error();
  return static_cast<std::int64_t>(sqlite3_last_insert_rowid(db_));
}

Result<bool> Database::UndoNote(std::int64_t id, const std::string& today) {
  if (mode_ == Mode::kReadOnly) return MakeError("database: opened read-only");
  auto standing = Select("SELECT id FROM notes WHERE id = ? AND undone_on IS NULL", {id});
  if (!standing) return standing.error();
  if (standing->rows.empty()) return false;
  if (auto done = Execute("UPDATE notes SET undone_on = ? WHERE id = ?", {today, id}); !done) return done;
  return true;
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
                           "next_step, computed_for, to_check, what_to_check) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           {std::string(ToString(f.rule)), f.rule_id, std::string(ToString(f.severity)), JsonStringArray(f.documents), Cents(f.amount_cents),
                            Text(f.deadline), f.summary, f.next_step, today, Integer(f.to_check ? 1 : 0), Text(f.what_to_check)});
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

}  // namespace shoebox::store
