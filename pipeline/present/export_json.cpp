#include "pipeline/present/export_json.hpp"

#include <cmath>
#include <map>
#include "pipeline/analysis/accounts.hpp"
#include "pipeline/analysis/analysis.hpp"
#include "pipeline/analysis/corrections.hpp"
#include "pipeline/core/figures.hpp"
#include "pipeline/present/export_document.hpp"

namespace shoebox::exporter {
namespace {

double Rounded(double number, double scale) { return std::round(number * scale) / scale; }

Json BoxJson(const BoxPx& box) { return Json::array({box.x0, box.y0, box.x1, box.y1}); }

// The box on the page as given: the prepared page's box through the page's recorded transform.
Json OriginalBox(const BoxPx& box, const Homography* to_original) {
  return to_original == nullptr ? BoxJson(box) : BoxJson(to_original->MapBox(box));
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

// A claim with its service lines; transform_of_page(page) is that page's transform, or null.
template <typename TransformOfPage>
Json ClaimJson(const Claim& c, const TransformOfPage& transform_of_page) {
  Json claim = {{"claim_number", TextJson(c.claim_number)}, {"provider_name", TextJson(c.provider_name)},
                {"patient_account_number", TextJson(c.patient_account_number)},
                {"network_status", TextJson(ToString(c.network_status))}, {"status", TextJson(ToString(c.status))},
                {"processed_date", TextJson(c.processed_date)}, {"service_date_from", TextJson(c.service_date_from)},
                {"service_date_to", TextJson(c.service_date_to)}};
  for (const ClaimFigure& figure : kClaimFigures) claim[std::string(figure.name)] = CentsJson(c.*figure.of_claim);
  Json line_list = Json::array();
  for (const ClaimLine& l : c.lines) {
    Json line = {{"date_of_service", TextJson(l.date_of_service)}, {"code", TextJson(l.code)},
                 {"description", TextJson(l.description)}};
    for (const ClaimFigure& figure : kClaimFigures) line[std::string(figure.name)] = CentsJson(l.*figure.of_line);
    line["remark_codes"] = l.remark_codes;
    if (!l.details.empty()) {
      Json details = Json::object();
      for (const auto& [name, value] : l.details) details[name] = value;
      line["details"] = std::move(details);
    }
    line["page"] = l.page;
    line["bbox"] = BoxJson(l.box_px);
    line["original_bbox"] = OriginalBox(l.box_px, transform_of_page(l.page));
    line["confidence"] = Rounded(l.confidence, 1000);
    line_list.push_back(std::move(line));
  }
  claim["lines"] = std::move(line_list);
  return claim;
}

}  // namespace

Json DocumentJson(const StoredDocument& stored, const std::vector<const store::StoredPage*>& pages_of_source,
                  const std::string& duplicate_of) {
  const Document& d = stored.document;
  Json document;
  document["id"] = stored.id;
  Json page_numbers = Json::array();
  for (int n = std::max(d.first_page, 1); n <= d.last_page; ++n) page_numbers.push_back(n);  // none: read from data
  document["source"] = {{"path", stored.path}, {"sha256", TextJson(stored.source_sha256)}, {"pages", page_numbers}};
  document["kind"] = ToString(d.kind);
  document["kind_confidence"] = Rounded(d.kind_confidence, 1000);
  if (!d.form.empty()) document["form"] = d.form;
  Json page_list = Json::array();
  std::map<int, const Homography*> to_original;  // page number → its transform
  for (const store::StoredPage* page : pages_of_source) {
    if (page->number < d.first_page || page->number > d.last_page) continue;
    if (page->to_original) to_original[page->number] = &*page->to_original;
    Json entry;
    entry["number"] = page->number;
    entry["text_source"] = ToString(page->text_source);
    entry["rotation"] = page->rotation_degrees;
    entry["skew_degrees"] = page->skew_degrees ? Json(Rounded(*page->skew_degrees, 100)) : Json(nullptr);
    entry["mean_word_confidence"] =
        page->mean_word_confidence ? Json(Rounded(*page->mean_word_confidence, 10)) : Json(nullptr);
    entry["text"] = page->text;
    if (!page->no_text.empty()) entry["no_text"] = page->no_text;
    if (!page->decoder.empty()) entry["decoder"] = page->decoder;
    page_list.push_back(std::move(entry));
  }
  document["pages"] = std::move(page_list);
  auto transform_of_page = [&](int page) -> const Homography* {
    auto it = to_original.find(page);
    return it == to_original.end() ? nullptr : it->second;
  };
  Json field_map = Json::object();
  for (const Field& f : d.fields) {
    Json value = f.cents ? Json(*f.cents) : TextJson(f.text);
    field_map[f.name] = {{"value", value}, {"confidence", Rounded(f.confidence, 1000)}, {"page", f.page},
                         {"bbox", BoxJson(f.box_px)}, {"original_bbox", OriginalBox(f.box_px, transform_of_page(f.page))}};
    if (!f.read_by.empty()) field_map[f.name]["read_by"] = f.read_by;
    if (!f.person.empty()) field_map[f.name]["person"] = f.person;
  }
  document["fields"] = std::move(field_map);
  Json item_list = Json::array();
  for (const LineItem& it : d.line_items) {
    item_list.push_back({{"date_of_service", TextJson(it.date_of_service)}, {"revenue_code", TextJson(it.revenue_code)},
                         {"code", TextJson(it.code)}, {"description", TextJson(it.description)},
                         {"units", it.units ? Json(*it.units) : Json(nullptr)}, {"charge_cents", it.charge_cents},
                         {"page", it.page}, {"bbox", BoxJson(it.box_px)},
                         {"original_bbox", OriginalBox(it.box_px, transform_of_page(it.page))},
                         {"confidence", Rounded(it.confidence, 1000)}});
  }
  document["line_items"] = std::move(item_list);
  Json claim_list = Json::array();
  for (const Claim& claim : d.claims) claim_list.push_back(ClaimJson(claim, transform_of_page));
  document["claims"] = std::move(claim_list);
  Json check_list = Json::array();
  for (const Check& check : d.checks) check_list.push_back({{"check", check.name}, {"ok", check.ok}});
  document["checks"] = std::move(check_list);
  // Another file of the same paper stands for this one (matched and judged once, as that one).
  if (!duplicate_of.empty()) document["duplicate_of"] = duplicate_of;
  return document;
}

Json MatchJson(const Match& match) {
  if (match.claim_ordinal < 0) {
    return {{"collection_letter", match.left_id}, {"bill", match.right_id}, {"score", Rounded(match.score, 100)}};
  }
  Json lines = Json::array();
  for (const auto& [bill_line, eob_line] : match.lines) lines.push_back({{"bill_line", bill_line}, {"eob_line", eob_line}});
  return {{"bill", match.left_id}, {"eob", match.right_id}, {"claim_number", TextJson(match.claim_number)},
          {"score", Rounded(match.score, 100)}, {"lines", std::move(lines)}};
}

Json FindingJson(const Finding& f) {
  return {{"rule", ToString(f.rule)}, {"severity", ToString(f.severity)}, {"documents", f.documents},
          {"amount_cents", CentsJson(f.amount_cents)}, {"deadline", TextJson(f.deadline)},
          {"summary", f.summary}, {"next_step", f.next_step}, {"rule_id", f.rule_id}};
}

Json CheckJson(const Finding& f) {
  return {{"rule", ToString(f.rule)}, {"rule_id", f.rule_id}, {"documents", f.documents},
          {"amount_cents", CentsJson(f.amount_cents)}, {"summary", f.summary}, {"next_step", f.next_step},
          {"what_to_check", f.what_to_check}};
}

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
  auto documents = findings::LoadCorrected(db);
  if (!documents) return documents.error();
  auto pages = db.LoadPages();
  if (!pages) return pages.error();
  auto twins = db.LoadTwins();
  if (!twins) return twins.error();
  auto matches = db.LoadMatches();
  if (!matches) return matches.error();
  auto found = db.LoadFindings();
  if (!found) return found.error();
  std::map<std::int64_t, std::vector<const store::StoredPage*>> pages_of_source;
  for (const store::StoredPage& page : *pages) pages_of_source[page.source_id].push_back(&page);
  std::map<std::string, std::string> duplicate_of;
  for (const Twin& twin : *twins) duplicate_of[twin.document_id] = twin.duplicate_of;

  Json out;
  out["format"] = kFormat;
  out["generated_at"] = generated_at;
  Json document_list = Json::array();
  for (const StoredDocument& stored : *documents) {
    document_list.push_back(DocumentJson(stored, pages_of_source[stored.source_id], duplicate_of[stored.id]));
  }
  out["documents"] = std::move(document_list);
  // Bill ↔ EOB/MSN claim matches; collection letter ↔ bill matches go under their own key.
  Json match_list = Json::array(), letter_list = Json::array();
  for (const Match& match : *matches) (match.claim_ordinal >= 0 ? match_list : letter_list).push_back(MatchJson(match));
  out["matches"] = std::move(match_list);
  // Check items are listed apart, after the contract's keys: never counted as findings.
  Json finding_list = Json::array(), check_list = Json::array();
  for (const Finding& finding : *found) {
    if (!finding.to_check) finding_list.push_back(FindingJson(finding));
    else check_list.push_back(CheckJson(finding));
  }
  out["findings"] = std::move(finding_list);
  out["letter_matches"] = std::move(letter_list);
  out["to_check"] = std::move(check_list);
  findings::Analysis analysis = findings::AnalysisOf(std::move(documents).value());
  out["accounts"] = AccountList(analysis);
  out["episodes"] = EpisodeList(analysis);
  out["plan_years"] = PlanYearList(analysis);
  return out.dump(2) + "\n";
}

}  // namespace shoebox::exporter
