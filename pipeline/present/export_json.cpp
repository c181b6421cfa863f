#include "pipeline/present/export_json.hpp"

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "pipeline/analysis/accounts.hpp"
#include "pipeline/analysis/analysis.hpp"

namespace shoebox::exporter {
namespace {

using Json = nlohmann::ordered_json;
using store::Value;

bool IsNull(const Value& value) { return std::holds_alternative<std::monostate>(value); }
std::int64_t AsInt(const Value& value) {
  if (std::holds_alternative<std::int64_t>(value)) return std::get<std::int64_t>(value);
  if (std::holds_alternative<double>(value)) return static_cast<std::int64_t>(std::get<double>(value));
  return 0;
}
double Rounded(const Value& value, double scale) {
  double number = std::holds_alternative<double>(value) ? std::get<double>(value) : static_cast<double>(AsInt(value));
  return std::round(number * scale) / scale;
}
Json ToJson(const Value& value) {
  if (std::holds_alternative<std::int64_t>(value)) return std::get<std::int64_t>(value);
  if (std::holds_alternative<double>(value)) return std::get<double>(value);
  if (std::holds_alternative<std::string>(value)) return std::get<std::string>(value);
  return nullptr;
}

// Rows of a per-document table, grouped by document id (column 0).
Result<std::map<std::string, std::vector<std::vector<Value>>>> GroupByDocument(store::Database& db,
                                                                                const std::string& sql) {
  auto table = db.Select(sql);
  if (!table) return table.error();
  std::map<std::string, std::vector<std::vector<Value>>> grouped;
  for (auto& row : table->rows) grouped[std::get<std::string>(row[0])].push_back(std::move(row));
  return grouped;
}

Json Box(const std::vector<Value>& row, size_t first) {
  if (IsNull(row[first])) return nullptr;
  return Json::array({AsInt(row[first]), AsInt(row[first + 1]), AsInt(row[first + 2]), AsInt(row[first + 3])});
}

// The box on the page as given: the prepared page's box through the page's recorded transform.
Json OriginalBox(const Json& box, const Homography* to_original) {
  if (box.is_null() || to_original == nullptr) return box;
  BoxPx mapped = to_original->MapBox({box[0].get<int>(), box[1].get<int>(), box[2].get<int>(), box[3].get<int>()});
  return Json::array({mapped.x0, mapped.y0, mapped.x1, mapped.y1});
}

Json CentsJson(const std::optional<Cents>& cents) { return cents ? Json(*cents) : Json(nullptr); }
Json TextJson(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json AccountList(const findings::Analysis& analysis) {
  Json list = Json::array();
  for (const findings::Account& account : findings::GroupAccounts(analysis.documents)) {
    Json statements = Json::array();
    for (const findings::Statement& s : account.statements) {
      statements.push_back({{"document", s.document_id}, {"statement_date", TextJson(s.statement_date)},
                            {"total_charges_cents", CentsJson(s.total_charges_cents)},
                            {"insurance_paid_cents", CentsJson(s.insurance_paid_cents)},
                            {"adjustments_cents", CentsJson(s.adjustments_cents)},
                            {"patient_paid_cents", CentsJson(s.patient_paid_cents)},
                            {"amount_due_cents", CentsJson(s.amount_due_cents)}});
    }
    list.push_back({{"provider_name", TextJson(account.provider_name)},
                    {"account_number", TextJson(account.account_number)},
                    {"patient_name", TextJson(account.patient_name)}, {"statements", std::move(statements)}});
  }
  return list;
}

Json EpisodeList(const findings::Analysis& analysis) {
  std::map<std::string, const StoredDocument*> by_id;
  for (const StoredDocument& d : analysis.documents) by_id[d.id] = &d;
  Json list = Json::array();
  for (const findings::Episode& episode : findings::GroupEpisodes(analysis.documents, analysis.matches)) {
    Json claims = Json::array();
    for (const findings::EpisodeClaim& c : episode.claims) {
      const Claim& claim = by_id[c.document_id]->document.claims[static_cast<size_t>(c.claim_ordinal)];
      claims.push_back({{"document", c.document_id}, {"claim_number", TextJson(claim.claim_number)}});
    }
    list.push_back({{"patient_name", TextJson(episode.patient_name)},
                    {"first_service_date", TextJson(episode.first_service_date)},
                    {"last_service_date", TextJson(episode.last_service_date)}, {"bills", episode.bills},
                    {"claims", std::move(claims)}, {"collection_letters", episode.letters},
                    {"missing", episode.missing}});
  }
  return list;
}

Json PlanYearList(const findings::Analysis& analysis) {
  Json list = Json::array();
  for (const findings::PlanYear& year : findings::SumPlanYears(analysis.documents)) {
    list.push_back({{"year", year.year}, {"person", TextJson(year.person)}, {"claims", year.claims},
                    {"deductible_cents", year.deductible_cents},
                    {"patient_responsibility_cents", year.patient_responsibility_cents},
                    {"deductible_met_by", TextJson(year.deductible_met_by)}});
  }
  return list;
}

}  // namespace

Result<std::string> AccountsJson(store::Database& db) {
  auto analysis = findings::Analyse(db);
  if (!analysis) return analysis.error();
  return AccountList(*analysis).dump(2) + "\n";
}

Result<std::string> EpisodesJson(store::Database& db) {
  auto analysis = findings::Analyse(db);
  if (!analysis) return analysis.error();
  return EpisodeList(*analysis).dump(2) + "\n";
}

Result<std::string> ExportJson(store::Database& db, const std::string& generated_at) {
  auto documents = db.Select(
      "SELECT d.id, d.source_id, d.first_page, d.last_page, d.kind, d.kind_confidence, s.path, s.sha256, "
      "(SELECT duplicate_of FROM duplicates WHERE document_id = d.id) "
      "FROM documents d JOIN sources s ON s.id = d.source_id ORDER BY s.path, d.first_page");
  if (!documents) return documents.error();
  auto pages = db.Select(
      "SELECT source_id, number, text_source, rotation_degrees, skew_degrees, mean_word_confidence, text, to_original "
      "FROM pages ORDER BY source_id, number");
  if (!pages) return pages.error();
  std::map<std::pair<std::int64_t, std::int64_t>, Homography> to_original;  // (source, page number)
  for (const auto& row : pages->rows) {
    if (IsNull(row[7])) continue;
    Json numbers = Json::parse(std::get<std::string>(row[7]), nullptr, false);
    if (!numbers.is_array() || numbers.size() != 9) continue;
    Homography transform;
    for (size_t i = 0; i < 9; ++i) transform.m[i] = numbers[i].get<double>();
    to_original[{AsInt(row[0]), AsInt(row[1])}] = transform;
  }
  auto fields = GroupByDocument(db,
      "SELECT document_id, name, value_text, value_cents, confidence, page, x0, y0, x1, y1 FROM fields "
      "ORDER BY document_id, name");
  if (!fields) return fields.error();
  auto items = GroupByDocument(db,
      "SELECT document_id, date_of_service, revenue_code, code, description, units, charge_cents, page, "
      "x0, y0, x1, y1, confidence FROM line_items ORDER BY document_id, ordinal");
  if (!items) return items.error();
  auto claims = GroupByDocument(db,
      "SELECT document_id, claim_number, provider_name, patient_account_number, network_status, status, "
      "processed_date, service_date_from, service_date_to, billed_cents, discount_cents, not_covered_cents, "
      "allowed_cents, plan_paid_cents, deductible_cents, copay_cents, coinsurance_cents, "
      "patient_responsibility_cents FROM claims ORDER BY document_id, ordinal");
  if (!claims) return claims.error();
  auto claim_lines = GroupByDocument(db,
      "SELECT document_id, claim_ordinal, date_of_service, code, description, billed_cents, discount_cents, "
      "allowed_cents, plan_paid_cents, deductible_cents, copay_cents, coinsurance_cents, not_covered_cents, "
      "patient_responsibility_cents, remark_codes, page, x0, y0, x1, y1, confidence FROM claim_lines "
      "ORDER BY document_id, claim_ordinal, ordinal");
  if (!claim_lines) return claim_lines.error();
  auto checks = GroupByDocument(db, "SELECT document_id, name, ok FROM checks ORDER BY document_id, name");
  if (!checks) return checks.error();

  std::map<std::int64_t, std::vector<const std::vector<Value>*>> pages_by_source;
  for (const auto& row : pages->rows) pages_by_source[AsInt(row[0])].push_back(&row);

  Json out;
  out["format"] = kFormat;
  out["generated_at"] = generated_at;
  Json document_list = Json::array();
  for (const auto& row : documents->rows) {
    const std::string id = std::get<std::string>(row[0]);
    std::int64_t first = AsInt(row[2]), last = AsInt(row[3]);
    Json document;
    document["id"] = id;
    Json page_numbers = Json::array();
    for (std::int64_t n = first; n <= last; ++n) page_numbers.push_back(n);
    document["source"] = {{"path", ToJson(row[6])}, {"sha256", ToJson(row[7])}, {"pages", page_numbers}};
    document["kind"] = ToJson(row[4]);
    document["kind_confidence"] = Rounded(row[5], 1000);
    Json page_list = Json::array();
    for (const auto* page : pages_by_source[AsInt(row[1])]) {
      std::int64_t number = AsInt((*page)[1]);
      if (number < first || number > last) continue;
      Json entry;
      entry["number"] = number;
      entry["text_source"] = ToJson((*page)[2]);
      entry["rotation"] = AsInt((*page)[3]);
      entry["skew_degrees"] = IsNull((*page)[4]) ? Json(nullptr) : Json(Rounded((*page)[4], 100));
      entry["mean_word_confidence"] = IsNull((*page)[5]) ? Json(nullptr) : Json(Rounded((*page)[5], 10));
      entry["text"] = IsNull((*page)[6]) ? Json("") : ToJson((*page)[6]);
      page_list.push_back(std::move(entry));
    }
    document["pages"] = std::move(page_list);
    auto transform_of_page = [&](const Value& page) -> const Homography* {
      auto it = to_original.find({AsInt(row[1]), AsInt(page)});
      return it == to_original.end() ? nullptr : &it->second;
    };
    Json field_map = Json::object();
    for (const auto& f : (*fields)[id]) {
      Json value = !IsNull(f[3]) ? ToJson(f[3]) : ToJson(f[2]);
      field_map[std::get<std::string>(f[1])] = {
          {"value", value}, {"confidence", Rounded(f[4], 1000)}, {"page", ToJson(f[5])}, {"bbox", Box(f, 6)},
          {"original_bbox", OriginalBox(Box(f, 6), transform_of_page(f[5]))}};
    }
    document["fields"] = std::move(field_map);
    Json item_list = Json::array();
    for (const auto& it : (*items)[id]) {
      item_list.push_back({{"date_of_service", ToJson(it[1])}, {"revenue_code", ToJson(it[2])},
                           {"code", ToJson(it[3])}, {"description", ToJson(it[4])}, {"units", ToJson(it[5])},
                           {"charge_cents", ToJson(it[6])}, {"page", ToJson(it[7])}, {"bbox", Box(it, 8)},
                           {"original_bbox", OriginalBox(Box(it, 8), transform_of_page(it[7]))},
                           {"confidence", Rounded(it[12], 1000)}});
    }
    document["line_items"] = std::move(item_list);
    Json claim_list = Json::array();
    static const char* kClaimKeys[] = {"claim_number", "provider_name", "patient_account_number", "network_status",
                                       "status", "processed_date", "service_date_from", "service_date_to",
                                       "billed_cents", "discount_cents", "not_covered_cents", "allowed_cents",
                                       "plan_paid_cents", "deductible_cents", "copay_cents", "coinsurance_cents",
                                       "patient_responsibility_cents"};
    static const char* kLineKeys[] = {"date_of_service", "code", "description", "billed_cents", "discount_cents",
                                      "allowed_cents", "plan_paid_cents", "deductible_cents", "copay_cents",
                                      "coinsurance_cents", "not_covered_cents", "patient_responsibility_cents"};
    const auto& lines_of_document = (*claim_lines)[id];
    for (const auto& c : (*claims)[id]) {
      Json claim;
      for (size_t k = 0; k < std::size(kClaimKeys); ++k) claim[kClaimKeys[k]] = ToJson(c[k + 1]);
      Json line_list = Json::array();
      for (const auto& l : lines_of_document) {
        if (AsInt(l[1]) != static_cast<std::int64_t>(claim_list.size())) continue;
        Json line;
        for (size_t k = 0; k < std::size(kLineKeys); ++k) line[kLineKeys[k]] = ToJson(l[k + 2]);
        line["remark_codes"] = store::SplitRemarkCodes(IsNull(l[14]) ? "" : std::get<std::string>(l[14]));
        line["page"] = ToJson(l[15]);
        line["bbox"] = Box(l, 16);
        line["original_bbox"] = OriginalBox(line["bbox"], transform_of_page(l[15]));
        line["confidence"] = Rounded(l[20], 1000);
        line_list.push_back(std::move(line));
      }
      claim["lines"] = std::move(line_list);
      claim_list.push_back(std::move(claim));
    }
    document["claims"] = std::move(claim_list);
    Json check_list = Json::array();
    for (const auto& c : (*checks)[id]) check_list.push_back({{"check", ToJson(c[1])}, {"ok", AsInt(c[2]) != 0}});
    document["checks"] = std::move(check_list);
    // Another file of the same paper stands for this one (matched and judged once, as that one).
    if (!IsNull(row[8])) document["duplicate_of"] = ToJson(row[8]);
    document_list.push_back(std::move(document));
  }
  out["documents"] = std::move(document_list);
  // Bill ↔ EOB/MSN claim matches; collection letter ↔ bill matches go under their own key.
  auto matches = db.Select(
      "SELECT m.left_id, m.right_id, m.claim_number, m.score, m.claim_ordinal, r.kind, m.id FROM matches m "
      "JOIN documents r ON r.id = m.right_id ORDER BY m.id");
  if (!matches) return matches.error();
  auto paired = db.Select("SELECT match_id, bill_line, eob_line FROM match_lines ORDER BY match_id, bill_line");
  if (!paired) return paired.error();
  std::map<std::int64_t, Json> lines_of_match;
  for (const auto& row : paired->rows) {
    lines_of_match[AsInt(row[0])].push_back({{"bill_line", AsInt(row[1])}, {"eob_line", AsInt(row[2])}});
  }
  Json match_list = Json::array(), letter_list = Json::array();
  for (const auto& row : matches->rows) {
    if (!IsNull(row[4])) {
      match_list.push_back({{"bill", ToJson(row[0])}, {"eob", ToJson(row[1])}, {"claim_number", ToJson(row[2])},
                            {"score", Rounded(row[3], 100)},
                            {"lines", lines_of_match.count(AsInt(row[6])) ? lines_of_match[AsInt(row[6])] : Json::array()}});
    } else {
      letter_list.push_back({{"collection_letter", ToJson(row[0])}, {"bill", ToJson(row[1])}, {"score", Rounded(row[3], 100)}});
    }
  }
  out["matches"] = std::move(match_list);
  auto found = db.Select(
      "SELECT rule, severity, documents, amount_cents, deadline, summary, next_step, rule_id FROM findings ORDER BY id");
  if (!found) return found.error();
  Json finding_list = Json::array();
  for (const auto& row : found->rows) {
    finding_list.push_back({{"rule", ToJson(row[0])}, {"severity", ToJson(row[1])},
                            {"documents", Json::parse(std::get<std::string>(row[2]))}, {"amount_cents", ToJson(row[3])},
                            {"deadline", ToJson(row[4])}, {"summary", ToJson(row[5])}, {"next_step", ToJson(row[6])},
                            {"rule_id", ToJson(row[7])}});
  }
  out["findings"] = std::move(finding_list);
  out["letter_matches"] = std::move(letter_list);
  auto analysis = findings::Analyse(db);
  if (!analysis) return analysis.error();
  out["accounts"] = AccountList(*analysis);
  out["episodes"] = EpisodeList(*analysis);
  out["plan_years"] = PlanYearList(*analysis);
  return out.dump(2) + "\n";
}

}  // namespace shoebox::exporter
