// store, the reading half: the stored rows back as the plain types of pipeline/core, for the
// analysis, the export, show and the report. Nothing outside the store reads a table itself.
#include <cstdlib>
#include <map>

#include "pipeline/store/store.hpp"
#include "pipeline/store/values.hpp"

namespace shoebox::store {

namespace {

// The rows of one query, each made into a T by `read`.
template <typename T, typename Read>
Result<std::vector<T>> RowsOf(Database& db, const std::string& sql, const std::vector<Value>& params, Read read) {
  auto table = db.Select(sql, params);
  if (!table) return table.error();
  std::vector<T> rows;
  for (const auto& row : table->rows) rows.push_back(read(row));
  return rows;
}

Field FieldFromRow(const std::vector<Value>& r) {
  return {TextValue(r[1]), TextValue(r[2]), CentsValue(r[3]), RealValue(r[4]), static_cast<int>(IntValue(r[5])),
          BoxValue(r, 6), TextValue(r[10])};
}

LineItem LineItemFromRow(const std::vector<Value>& r) {
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
  return item;
}

Claim ClaimFromRow(const std::vector<Value>& r) {
  Claim c;
  c.claim_number = TextValue(r[1]);
  c.provider_name = TextValue(r[2]);
  c.patient_account_number = TextValue(r[3]);
  c.network_status = ParseNetworkStatus(TextValue(r[4]));
  c.status = ParseClaimStatus(TextValue(r[5]));
  c.processed_date = TextValue(r[6]);
  c.service_date_from = TextValue(r[7]);
  c.service_date_to = TextValue(r[8]);
  size_t column = 9;
  for (const ClaimFigure& figure : kClaimFigures) c.*figure.of_claim = CentsValue(r[column++]);
  c.page = static_cast<int>(IntValue(r[column]));
  return c;
}

ClaimLine ClaimLineFromRow(const std::vector<Value>& r) {
  ClaimLine line;
  line.date_of_service = TextValue(r[2]);
  line.code = TextValue(r[3]);
  line.description = TextValue(r[4]);
  size_t column = 5;
  for (const ClaimFigure& figure : kClaimFigures) line.*figure.of_line = CentsValue(r[column++]);
  line.remark_codes = SplitRemarkCodes(TextValue(r[column]));
  line.confidence = RealValue(r[column + 1]);
  line.page = static_cast<int>(IntValue(r[column + 2]));
  line.box_px = BoxValue(r, column + 3);
  return line;
}

}  // namespace

Result<std::vector<StoredDocument>> Database::LoadDocuments(std::int64_t after_source_id) {
  return LoadDocumentsWhere("d.source_id > ?", Integer(after_source_id));
}

Result<std::optional<StoredDocument>> Database::LoadDocument(const std::string& document_id) {
  auto loaded = LoadDocumentsWhere("d.id = ?", document_id);
  if (!loaded) return loaded.error();
  if (loaded->empty()) return std::optional<StoredDocument>();
  return std::optional<StoredDocument>(std::move(loaded->front()));
}

Result<std::vector<StoredDocument>> Database::LoadDocumentsWhere(const std::string& where, const Value& param) {
  auto documents = Select(
      "SELECT d.id, s.path, d.first_page, d.last_page, d.kind, d.kind_confidence, s.sha256, d.source_id, d.form "
      "FROM documents d "
      "JOIN sources s ON s.id = d.source_id WHERE " + where + " ORDER BY s.path, d.first_page",
      {param});
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
    stored.source_sha256 = TextValue(row[6]);
    stored.source_id = IntValue(row[7]);
    stored.document.form = TextValue(row[8]);
    index[stored.id] = loaded.size();
    loaded.push_back(std::move(stored));
  }
  // Each detail query reads only the rows of the documents loaded.
  const std::string wanted = " WHERE document_id IN (SELECT d.id FROM documents d WHERE " + where + ")";
  auto each = [&](std::string sql, auto&& add) -> Result<bool> {
    sql.insert(sql.find(" ORDER BY"), wanted);
    auto rows = Select(sql, {param});
    if (!rows) return rows.error();
    for (const auto& row : rows->rows) {
      auto it = index.find(TextValue(row[0]));
      if (it != index.end()) add(loaded[it->second].document, row);
    }
    return true;
  };
  Result<bool> ok = each(
      "SELECT document_id, name, value_text, value_cents, confidence, page, x0, y0, x1, y1, read_by FROM fields "
      "ORDER BY document_id, name",
      [](Document& d, const std::vector<Value>& r) { d.fields.push_back(FieldFromRow(r)); });
  if (!ok) return ok.error();
  ok = each("SELECT document_id, date_of_service, revenue_code, code, description, units, charge_cents, confidence, page, "
            "x0, y0, x1, y1 FROM line_items ORDER BY document_id, ordinal",
            [](Document& d, const std::vector<Value>& r) { d.line_items.push_back(LineItemFromRow(r)); });
  if (!ok) return ok.error();
  ok = each("SELECT document_id, claim_number, provider_name, patient_account_number, network_status, status, "
            "processed_date, service_date_from, service_date_to, " + FigureColumns() + ", page FROM claims "
            "ORDER BY document_id, ordinal",
            [](Document& d, const std::vector<Value>& r) { d.claims.push_back(ClaimFromRow(r)); });
  if (!ok) return ok.error();
  // Claims were read in ordinal order, so a line's claim is claims[claim_ordinal].
  ok = each("SELECT document_id, claim_ordinal, date_of_service, code, description, " + FigureColumns() +
                ", remark_codes, confidence, page, x0, y0, x1, y1 FROM claim_lines ORDER BY document_id, claim_ordinal, ordinal",
            [](Document& d, const std::vector<Value>& r) {
              auto claim = static_cast<size_t>(IntValue(r[1]));
              if (claim < d.claims.size()) d.claims[claim].lines.push_back(ClaimLineFromRow(r));
            });
  if (!ok) return ok.error();
  ok = each("SELECT document_id, claim_ordinal, ordinal, name, value FROM claim_line_details "
            "ORDER BY document_id, claim_ordinal, ordinal, name",
            [](Document& d, const std::vector<Value>& r) {
              auto claim = static_cast<size_t>(IntValue(r[1])), line = static_cast<size_t>(IntValue(r[2]));
              if (claim < d.claims.size() && line < d.claims[claim].lines.size()) {
                d.claims[claim].lines[line].details.emplace_back(TextValue(r[3]), TextValue(r[4]));
              }
            });
  if (!ok) return ok.error();
  ok = each("SELECT document_id, name, ok, detail FROM checks ORDER BY document_id, name",
            [](Document& d, const std::vector<Value>& r) {
              d.checks.push_back({TextValue(r[1]), IntValue(r[2]) != 0, TextValue(r[3])});
            });
  if (!ok) return ok.error();
  return loaded;
}

Result<std::vector<Note>> Database::LoadNotes() {
  return RowsOf<Note>(*this,
                      "SELECT id, kind, account_number, noted_on, amount_cents, representative, reference, text "
                      "FROM notes WHERE undone_on IS NULL ORDER BY noted_on, id",
                      {}, [](const std::vector<Value>& row) {
                        return Note{ParseNoteKind(TextValue(row[1])).value_or(NoteKind::kNote), TextValue(row[2]),
                                    TextValue(row[3]), CentsValue(row[4]), TextValue(row[5]),
                                    TextValue(row[6]), TextValue(row[7]), IntValue(row[0])};
                      });
}

Result<std::map<std::string, std::string>> Database::LoadPersonNames() {
  auto table = Select("SELECT printed, name FROM person_names");
  if (!table) return table.error();
  std::map<std::string, std::string> names;
  for (const auto& row : table->rows) names[TextValue(row[0])] = TextValue(row[1]);
  return names;
}

Result<std::optional<Household>> Database::LoadHousehold() {
  auto rows = RowsOf<Household>(*this, "SELECT size, income_cents, state, given_on FROM household WHERE id = 1", {},
                                [](const std::vector<Value>& row) {
                                  return Household{static_cast<int>(IntValue(row[0])), IntValue(row[1]),
                                                   TextValue(row[2]), TextValue(row[3])};
                                });
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<Household>();
  return std::optional<Household>(rows->front());
}

Result<std::vector<Correction>> Database::LoadCorrections() {
  return RowsOf<Correction>(
      *this, "SELECT id, document_id, paper_keys, target, read_value, value, made_on FROM corrections ORDER BY id", {},
      [](const std::vector<Value>& row) {
        Correction correction{IntValue(row[0]), TextValue(row[1]), {}, TextValue(row[3]), TextValue(row[4]),
                              std::nullopt, TextValue(row[6])};
        if (!IsNull(row[5])) correction.value = TextValue(row[5]);
        std::string keys = TextValue(row[2]);
        for (size_t from = 0; from < keys.size();) {
          size_t end = std::min(keys.find('\n', from), keys.size());
          correction.paper_keys.push_back(keys.substr(from, end - from));
          from = end + 1;
        }
        return correction;
      });
}

Result<std::vector<DocumentSource>> Database::LoadDocumentSources() {
  return RowsOf<DocumentSource>(*this,
                                "SELECT d.id, d.source_id, s.path, d.first_page, d.last_page FROM documents d "
                                "JOIN sources s ON s.id = d.source_id ORDER BY d.id",
                                {}, [](const std::vector<Value>& row) {
                                  return DocumentSource{TextValue(row[0]), IntValue(row[1]), TextValue(row[2]),
                                                        static_cast<int>(IntValue(row[3])),
                                                        static_cast<int>(IntValue(row[4]))};
                                });
}

namespace {

// pages.to_original: nine numbers written by TransformText.
std::optional<Homography> ParseTransform(const Value& value) {
  std::string text = TextValue(value);
  if (text.size() < 2 || text.front() != '[' || text.back() != ']') return std::nullopt;
  Homography transform;
  size_t count = 0;
  const char* at = text.c_str() + 1;
  while (count < transform.m.size()) {
    char* end = nullptr;
    transform.m[count] = std::strtod(at, &end);
    if (end == at) return std::nullopt;
    ++count;
    at = end;
    if (*at == ',') ++at;
  }
  if (*at != ']') return std::nullopt;
  return transform;
}


StoredPage PageFromRow(const std::vector<Value>& row) {
  StoredPage page;
  page.source_id = IntValue(row[0]);
  page.source_path = TextValue(row[1]);
  page.number = static_cast<int>(IntValue(row[2]));
  page.text_source = TextValue(row[3]) == ToString(TextSource::kTextLayer) ? TextSource::kTextLayer : TextSource::kOcr;
  page.dpi = static_cast<int>(IntValue(row[4]));
  page.rotation_degrees = static_cast<int>(IntValue(row[5]));
  page.skew_degrees = OptionalReal(row[6]);
  page.mean_word_confidence = OptionalReal(row[7]);
  page.text = TextValue(row[8]);
  page.to_original = ParseTransform(row[9]);
  page.no_text = TextValue(row[10]);
  page.decoder = TextValue(row[11]);
  return page;
}

}  // namespace

Result<std::vector<StoredPage>> Database::LoadPages(std::optional<std::int64_t> source_id) {
  return RowsOf<StoredPage>(
      *this,
      "SELECT p.source_id, s.path, p.number, p.text_source, p.dpi, p.rotation_degrees, p.skew_degrees, "
      "p.mean_word_confidence, p.text, p.to_original, p.no_text, p.decoder FROM pages p JOIN sources s ON s.id = p.source_id "
      "WHERE ?1 IS NULL OR p.source_id = ?1 ORDER BY p.source_id, p.number",
      {source_id ? Integer(*source_id) : Value{}}, PageFromRow);
}

Result<std::vector<Twin>> Database::LoadTwins() {
  return RowsOf<Twin>(*this, "SELECT document_id, duplicate_of, keys FROM duplicates ORDER BY rowid", {},
                      [](const std::vector<Value>& row) {
                        return Twin{TextValue(row[0]), TextValue(row[1]), TextValue(row[2])};
                      });
}

Result<std::vector<Match>> Database::LoadMatches() {
  auto table = Select("SELECT id, left_id, right_id, claim_ordinal, claim_number, score, keys FROM matches ORDER BY id");
  if (!table) return table.error();
  auto paired = Select("SELECT match_id, bill_line, eob_line FROM match_lines ORDER BY match_id, bill_line");
  if (!paired) return paired.error();
  std::map<std::int64_t, std::vector<std::pair<int, int>>> lines_of_match;
  for (const auto& row : paired->rows) {
    lines_of_match[IntValue(row[0])].emplace_back(static_cast<int>(IntValue(row[1])), static_cast<int>(IntValue(row[2])));
  }
  std::vector<Match> matches;
  for (const auto& row : table->rows) {
    Match match;
    match.left_id = TextValue(row[1]);
    match.right_id = TextValue(row[2]);
    match.claim_ordinal = IsNull(row[3]) ? -1 : static_cast<int>(IntValue(row[3]));
    match.claim_number = TextValue(row[4]);
    match.score = RealValue(row[5]);
    match.keys = TextValue(row[6]);
    if (auto it = lines_of_match.find(IntValue(row[0])); it != lines_of_match.end()) match.lines = it->second;
    matches.push_back(std::move(match));
  }
  return matches;
}

Result<std::vector<Finding>> Database::LoadFindings() {
  auto table = Select(
      "SELECT id, rule, rule_id, severity, amount_cents, deadline, summary, next_step, to_check, what_to_check FROM findings "
      "ORDER BY id");
  if (!table) return table.error();
  auto documents = Select("SELECT f.id, j.value FROM findings f, json_each(f.documents) j ORDER BY f.id, j.key");
  if (!documents) return documents.error();
  std::map<std::int64_t, std::vector<std::string>> documents_of;
  for (const auto& row : documents->rows) documents_of[IntValue(row[0])].push_back(TextValue(row[1]));
  std::vector<Finding> found;
  for (const auto& row : table->rows) {
    Finding finding;
    auto rule = ParseFindingRule(TextValue(row[1]));
    auto severity = ParseSeverity(TextValue(row[3]));
    if (!rule || !severity) return MakeError("database: findings: no rule '" + TextValue(row[1]) + "' of severity '" + TextValue(row[3]) + "'");
    finding.rule = *rule;
    finding.rule_id = TextValue(row[2]);
    finding.severity = *severity;
    finding.documents = documents_of[IntValue(row[0])];
    finding.amount_cents = CentsValue(row[4]);
    finding.deadline = TextValue(row[5]);
    finding.summary = TextValue(row[6]);
    finding.next_step = TextValue(row[7]);
    finding.to_check = IntValue(row[8]) != 0;
    finding.what_to_check = TextValue(row[9]);
    found.push_back(std::move(finding));
  }
  return found;
}

Result<std::vector<std::string>> Database::LoadDoneHashes() {
  return RowsOf<std::string>(*this, "SELECT sha256 FROM sources WHERE sha256 IS NOT NULL AND status = 'done'", {},
                             [](const std::vector<Value>& row) { return TextValue(row[0]); });
}

Result<std::vector<SourceFingerprint>> Database::LoadDoneFingerprints() {
  return RowsOf<SourceFingerprint>(
      *this,
      "SELECT path, size_bytes, mtime_ns FROM sources "
      "WHERE status = 'done' AND size_bytes IS NOT NULL AND mtime_ns IS NOT NULL",
      {}, [](const std::vector<Value>& row) {
        return SourceFingerprint{TextValue(row[0]), IntValue(row[1]), IntValue(row[2])};
      });
}

}  // namespace shoebox::store
