#include "pipeline/present/report.hpp"

#include <nettle/base64.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cmath>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "pipeline/analysis/accounts.hpp"
#include "pipeline/analysis/analysis.hpp"
#include "pipeline/analysis/people.hpp"
#include "pipeline/analysis/poverty.hpp"
#include "pipeline/analysis/problems.hpp"
#include "pipeline/core/sha256.hpp"
#include "pipeline/present/rehearsal.hpp"
#include "pipeline/present/report_parts.hpp"

namespace shoebox::report {

std::string Html(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Or(const std::string& text, const std::string& otherwise) { return text.empty() ? otherwise : text; }

std::string Amount(const std::optional<Cents>& cents) { return cents ? findings::Money(*cents) : "–"; }

namespace {

namespace fs = std::filesystem;
using findings::Money;

// An image inline in the page (data: URL), through Nettle's Base64.
std::string Base64(const std::string& bytes) {
  std::string out(BASE64_ENCODE_RAW_LENGTH(bytes.size()), '\0');
  base64_encode_raw(out.data(), bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
  return out;
}

// Everything printed is inside the file: no request may leave the machine. The one script allowed
// to run is the practice call's, by its hash (SCRIPT_HASH, filled in by Head).
const char* kHead = R"(<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'sha256-SCRIPT_HASH'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font: 15px/1.45 "DejaVu Sans", "Liberation Sans", sans-serif; color: #1d1d1d; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; border-bottom: 2px solid #ddd; padding-bottom: .2rem; margin-top: 2rem; }
.meta { color: #555; } table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #eee; vertical-align: top; }
td.money, th.money { text-align: right; white-space: nowrap; } .finding { border-left: 6px solid #999; padding: .4rem .9rem; margin: 1rem 0; background: #fafafa; }
.finding.high { border-color: #c62828; } .finding.medium { border-color: #ef6c00; } .finding.info { border-color: #1565c0; }
.finding h3 { margin: .2rem 0; font-size: 1.05rem; } .next { font-weight: bold; } figure { margin: .6rem 0; } figure img { max-width: 100%; border: 1px solid #ccc; }
figcaption { color: #555; font-size: .85rem; } .letter, .sheet { border: 1px solid #ccc; padding: 1.2rem 1.6rem; margin: 1.2rem 0; }
.letter p { margin: .5rem 0; } nav a { color: #1565c0; } .blank { display: inline-block; min-width: 12rem; border-bottom: 1px solid #888; }
.practice p { margin: .2rem 0; } .practice p.coach { color: #555; font-style: italic; }
@media print { nav, .practice { display: none; } body { margin: 0; max-width: none; font-size: 11pt; } .letter, .sheet { border: none; padding: 0; }
  .letter { break-before: page; } .sheet, .finding, tr, figure { break-inside: avoid; } .finding { background: none; } h2 { break-after: avoid; } }
</style>
)";

}  // namespace

std::string Head() {
  static const std::string head = [] {
    std::string hex = Sha256Hex(rehearsal::PracticeScript()), digest;
    for (size_t i = 0; i + 1 < hex.size(); i += 2) digest.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    std::string text = kHead;
    text.replace(text.find("SCRIPT_HASH"), 11, Base64(digest));
    return text;
  }();
  return head;
}

namespace {

// The billing office's telephone number as a page prints it: a US number on a line that speaks of
// calling, billing or questions, else the first on the page that is not a fax's; "" when none.
std::string BillingPhone(const std::string& page_text) {
  static const std::regex kNumber(R"((\(\d{3}\) ?|\b\d{3}[-. ])\d{3}[-. ]\d{4}\b)");
  static const std::regex kCalling(R"(call|phone|question|billing|customer service|tel\b)", std::regex::icase);
  static const std::regex kFax(R"(\bfax\b)", std::regex::icase);
  std::string first;
  std::istringstream lines(page_text);
  for (std::string line; std::getline(lines, line);) {
    std::smatch number;
    if (!std::regex_search(line, number, kNumber) || std::regex_search(line, kFax)) continue;
    if (std::regex_search(line, kCalling)) return number.str();
    if (first.empty()) first = number.str();
  }
  return first;
}

struct PageKey {
  std::string document_id;
  int page = 0;
  bool operator<(const PageKey& other) const {
    return std::tie(document_id, page) < std::tie(other.document_id, other.page);
  }
};

class Writer {
 public:
  Writer(store::Database& db, const Options& options) : db_(db), options_(options) {}

  Result<Written> Run() {
    if (auto loaded = Load(); !loaded) return loaded.error();
    if (!MakePrivateDirectory(options_.out_dir)) return MakeError("report: cannot create " + options_.out_dir);

    Written written;
    written.files.push_back((fs::path(options_.out_dir) / "index.html").string());
    IndexContents index{options_.today, person_ == nullptr ? "" : person_->name};
    std::map<std::string, IndexSection> sections;  // by whose accounts they are
    std::vector<findings::PlanYear> years = findings::SumPlanYears(analysis_.documents);
    std::set<const Finding*> placed;
    std::map<std::string, std::string> page_of_document;  // the account page each document is on
    int n = 0;
    for (const findings::Account& account : findings::GroupAccounts(analysis_.documents)) {
      ++n;
      if (!options_.account.empty() && findings::Key(options_.account) != findings::Key(account.account_number))
        continue;
      std::set<std::string> ids = AccountDocuments(account);
      if (!Names({ids.begin(), ids.end()})) continue;
      auto of_account = [&](const std::vector<Finding>& list) {
        std::vector<const Finding*> of;
        for (const Finding& finding : list) {
          if (std::any_of(finding.documents.begin(), finding.documents.end(),
                          [&](const std::string& id) { return ids.count(id); })) {
            of.push_back(&finding);
            placed.insert(&finding);
          }
        }
        return of;
      };
      std::vector<const Finding*> mine = of_account(found_), to_check = of_account(checks_);
      std::string file = "account-" + std::to_string(n) + ".html";
      for (const std::string& id : ids) page_of_document.emplace(id, file);
      std::string page = AccountPage(account, ids, mine, to_check, &written.evidence_crops);
      std::string path = (fs::path(options_.out_dir) / file).string();
      if (!WritePrivateFile(path, page)) return MakeError("report: cannot write " + path);
      written.files.push_back(path);
      ++written.accounts;
      const findings::Person* whose = findings::PersonOfAccount(people_, account);
      IndexSection& section = sections[whose == nullptr ? "" : whose->name];
      if (whose != nullptr && section.person.empty()) {
        section.person = whose->name;
        section.years = findings::PlanYearsOf(*whose, years);
      }
      section.rows += IndexRow(account, ids, file, mine, to_check.size());
    }
    if (options_.account.empty()) {
      for (const Finding& finding : found_) {
        if (!placed.count(&finding)) index.others += FindingHtml(finding, &written.evidence_crops);
      }
      for (const Finding& check : checks_) {
        if (!placed.count(&check)) index.others += CheckHtml(check, &written.evidence_crops);
      }
      index.start_here = StartHere(findings::StartHere(found_, analysis_.documents, options_.today), page_of_document,
                                   pre_screens_, options_.today);
    }
    // Each person's accounts, by name; those whose papers name no one last.
    for (auto& [name, section] : sections) {
      if (!name.empty()) index.sections.push_back(std::move(section));
    }
    if (sections.count("")) index.sections.push_back(std::move(sections[""]));
    index.accounts = written.accounts;
    index.findings = found_.size();
    index.checks = checks_.size();
    index.papers = !analysis_.documents.empty();
    if (!WritePrivateFile(written.files.front(), IndexPage(index)))
      return MakeError("report: cannot write " + written.files.front());
    return written;
  }

 private:
  // What the report is written from: the papers as corrected, the person's log and household, the
  // pages to crop evidence from, and the findings (of the one person the report is about, if any).
  Result<bool> Load() {
    auto analysis = findings::Analyse(db_);
    if (!analysis) return analysis.error();
    analysis_ = std::move(analysis).value();
    auto notes = db_.LoadNotes();
    if (!notes) return notes.error();
    notes_ = std::move(notes).value();
    if (auto household = LoadHousehold(); !household) return household.error();
    for (const StoredDocument& d : analysis_.documents) by_id_[d.id] = &d;
    auto pages = db_.LoadPages();
    if (!pages) return pages.error();
    std::map<std::int64_t, std::vector<const store::StoredPage*>> pages_of_source;
    for (const store::StoredPage& page : *pages) pages_of_source[page.source_id].push_back(&page);
    for (const StoredDocument& d : analysis_.documents) {
      for (const store::StoredPage* page : pages_of_source[d.source_id]) {
        pages_[{d.id, page->number}] = {page->source_path, page->number, page->text_source == TextSource::kTextLayer,
                                        page->dpi, page->rotation_degrees};
        // The billing office's number, as a bill's first page that prints one gives it.
        if (d.document.kind == DocumentKind::kBill && !phone_of_.count(d.id) && page->number >= d.document.first_page &&
            page->number <= d.document.last_page) {
          if (std::string phone = BillingPhone(page->text); !phone.empty()) phone_of_[d.id] = phone;
        }
      }
    }
    // The findings as the last refresh stored them (the caller refreshes them for options.today).
    auto found = db_.LoadFindings();
    if (!found) return found.error();
    auto people = findings::LoadPeople(db_, analysis_.documents);
    if (!people) return people.error();
    people_ = std::move(people).value();
    if (!options_.person.empty() && (person_ = findings::PersonNamed(people_, options_.person)) == nullptr) {
      return MakeError("report: no paper names " + options_.person + " (shoebox people lists who they name)");
    }
    // Check items are listed apart from findings, never counted as one.
    for (Finding& finding : *found) {
      if (Names(finding.documents)) (finding.to_check ? checks_ : found_).push_back(std::move(finding));
    }
    episodes_ = findings::GroupEpisodes(analysis_.documents, analysis_.matches);
    return true;
  }

  // Whether the report is about a paper among these: those that name its person, or any.
  bool Names(const std::vector<std::string>& ids) const {
    return person_ == nullptr ||
           std::any_of(ids.begin(), ids.end(), [&](const std::string& id) { return person_->documents.count(id) > 0; });
  }

  // An account's row of the index: whom, what is asked (the collector's figure where one asks), the
  // nearest deadline, and its findings.
  std::string IndexRow(const findings::Account& account, const std::set<std::string>& ids, const std::string& file,
                       const std::vector<const Finding*>& mine, size_t to_check) const {
    std::string asked = Amount(account.statements.back().amount_due_cents);
    for (const std::string& id : ids) {
      auto doc = by_id_.find(id);
      if (doc == by_id_.end() || doc->second->document.kind != DocumentKind::kCollectionLetter) continue;
      if (auto current = findings::CentsOf(doc->second->document, "current_amount_cents")) {
        asked += " (the collector asks " + Money(*current) + ")";
      }
    }
    std::string deadline = findings::NearestDeadline(mine, options_.today);
    std::string worst = mine.empty() ? "" : ToString(mine.front()->severity);
    return "<tr><td><a href=\"" + file + "\">" + Html(Or(account.provider_name, "(provider not read)")) + "</a></td><td>" +
           Html(account.account_number) + "</td><td>" + Html(account.patient_name) + "</td><td class=\"money\">" +
           Html(asked) + "</td><td>" + (deadline.empty() ? "–" : Html(findings::DeadlineInWords(deadline, options_.today))) +
           "</td><td>" + std::to_string(mine.size()) + (worst.empty() ? "" : " (" + worst + " first)") +
           (to_check == 0 ? "" : ", " + std::to_string(to_check) + " to check") + "</td></tr>\n";
  }

  // The account's statements, and the plan's notices and the letters of the visits they belong to.
  std::set<std::string> AccountDocuments(const findings::Account& account) {
    std::set<std::string> ids;
    for (const findings::Statement& s : account.statements) ids.insert(s.document_id);
    for (const findings::Episode& episode : episodes_) {
      if (std::none_of(episode.bills.begin(), episode.bills.end(),
                       [&](const std::string& id) { return ids.count(id); }))
        continue;
      for (const findings::EpisodeClaim& claim : episode.claims) ids.insert(claim.document_id);
      ids.insert(episode.letters.begin(), episode.letters.end());
    }
    return ids;
  }

  // Where on which page the finding's figure is, and how it was read.
  struct EvidenceSpot {
    std::string document_id;
    int page = 0;
    BoxPx box;
    std::string what;
    const Field* field = nullptr;  // the field it is, when it is one
  };

  // The field its rule is about, or for a duplicate charge the lines that repeat it.
  std::optional<EvidenceSpot> EvidenceOf(const Finding& finding) {
    for (const std::string& id : finding.documents) {
      auto doc = by_id_.find(id);
      if (doc == by_id_.end()) continue;
      const Document& d = doc->second->document;
      if (finding.rule == FindingRule::kDuplicateCharge && finding.amount_cents) {
        BoxPx both;
        int page = 0;
        for (const LineItem& item : d.line_items) {
          if (item.charge_cents != *finding.amount_cents || (page != 0 && item.page != page)) continue;
          page = item.page;
          both = Union(both, item.box_px);
        }
        if (page != 0 && !both.empty()) return EvidenceSpot{id, page, both, "the repeated lines"};
      }
      if (finding.rule == FindingRule::kClaimDenied) {
        // The denied claim's lines, as printed on its first page.
        BoxPx lines;
        int page = 0;
        for (const Claim& claim : d.claims) {
          if (!findings::IsDenied(claim)) continue;
          for (const ClaimLine& line : claim.lines) {
            if (line.box_px.empty() || (page != 0 && line.page != page)) continue;
            page = line.page;
            lines = Union(lines, line.box_px);
          }
        }
        if (page != 0 && !lines.empty()) return EvidenceSpot{id, page, lines, "the denied claim's lines"};
      }
      for (const std::string& name : findings::EvidenceFields(finding.rule)) {
        const Field* field = findings::FieldOf(d, name);
        if (field != nullptr && !field->box_px.empty()) return EvidenceSpot{id, field->page, field->box_px, name, field};
      }
    }
    return std::nullopt;
  }

  std::string Evidence(const Finding& finding, int* crops) {
    auto spot = EvidenceOf(finding);
    if (!spot) return "";
    auto page = pages_.find({spot->document_id, spot->page});
    if (page == pages_.end()) return "";
    std::optional<std::string> png = EvidencePng(page->second, spot->box);
    if (!png) {
      return "<p class=\"meta\">The page this comes from (" + Html(page->second.source_path) +
             ") could not be opened to show it.</p>\n";
    }
    ++*crops;
    std::string how, check;
    if (spot->field != nullptr) {
      char sure[16];
      std::snprintf(sure, sizeof sure, "%.0f%%", 100 * spot->field->confidence);
      how = "; read " + std::string(sure) + " sure" +
            (spot->field->read_by.empty() ? std::string() : ", by " + Html(spot->field->read_by));
      // What the person said of it, or how to say it: the reading is only as good as the paper says.
      std::string id = Html(spot->document_id.substr(0, 8)), name = Html(spot->field->name);
      check = spot->field->person.empty()
                  ? "<br>Not what the paper says? <code>shoebox correct " + id + " " + name +
                        " VALUE</code>; right: <code>shoebox confirm " + id + " " + name + "</code>"
                  : "<br>You " + Html(spot->field->person) + ".";
    }
    return "<figure><img alt=\"" + Html(spot->what) + " on page " + std::to_string(spot->page) +
           "\" src=\"data:image/png;base64," + Base64(*png) + "\"><figcaption>" +
           Html(fs::path(page->second.source_path).filename().string()) + ", page " + std::to_string(spot->page) +
           " (the figure is boxed" + how + ")" + check + "</figcaption></figure>\n";
  }

  std::string CheckHtml(const Finding& check, int* crops) {
    return "<article class=\"finding info\"><h3>" + Html(check.summary) + "</h3>\n<p class=\"next\">" +
           Html(check.next_step) + "</p>\n" + Evidence(check, crops) + "</article>\n";
  }

  std::string FindingHtml(const Finding& finding, int* crops) {
    std::string html =
        "<article class=\"finding " + Html(ToString(finding.severity)) + "\"><h3>" + Html(Title(finding.rule)) + " (" +
        Html(ToString(finding.severity)) + ")</h3>\n<p>" + Html(finding.summary) + "</p>\n<p>";
    if (finding.amount_cents) html += "At stake: <b>" + Money(*finding.amount_cents) + "</b>. ";
    if (!finding.deadline.empty()) {
      html += "Deadline: <b>" + Html(findings::DeadlineInWords(finding.deadline, options_.today)) + "</b>. ";
    }
    html += "</p>\n<p class=\"next\">What to do: " + Html(finding.next_step) + "</p>\n";
    html += "<details class=\"meta\"><summary>Details</summary>rule " + Html(ToString(finding.rule)) + ", " +
            Html(finding.rule_id) + " (docs/RULES.md)</details>\n";
    return html + Evidence(finding, crops) + "</article>\n";
  }

  AccountFigures FiguresOf(const findings::Account& account, const std::set<std::string>& ids) {
    AccountFigures f;
    f.balance = account.statements.back().amount_due_cents;
    std::vector<findings::AccountClaim> claims = findings::ClaimsOfAccount(account, analysis_.matches, analysis_.documents);
    for (const findings::AccountClaim& c : claims) {
      const Claim& claim = *c.claim;
      f.claims.push_back(&claim);
      if (findings::IsDenied(claim)) f.denied.push_back({&claim, c.notice});
      if (f.first_service.empty() || (!claim.service_date_from.empty() && claim.service_date_from < f.first_service)) {
        f.first_service = claim.service_date_from;
      }
    }
    f.plan_says = findings::PlanSays(claims);
    const StoredDocument& latest = *by_id_[account.statements.back().document_id];
    f.guarantor = findings::TextOf(latest.document, "guarantor_name");
    f.billing_address = findings::TextOf(latest.document, "sender_address");
    if (auto year = hospital_year_.find(findings::Key(account.account_number)); year != hospital_year_.end()) {
      f.household = &*household_;
      f.bill_year = year->second;
      f.pre_screen = pre_screens_[year->first];
    }
    if (auto phone = phone_of_.find(latest.id); phone != phone_of_.end()) f.phone = phone->second;
    for (const std::string& id : ids) {
      if (by_id_.count(id) && by_id_[id]->document.kind == DocumentKind::kCollectionLetter) f.letter = by_id_[id];
    }
    if (f.letter != nullptr) f.collector_asks = findings::CentsOf(f.letter->document, "current_amount_cents");
    // The statements' own, the newest first, else the collector's letter's.
    for (auto s = account.statements.rbegin(); s != account.statements.rend() && f.mailing_address.empty(); ++s) {
      f.mailing_address = findings::TextOf(by_id_[s->document_id]->document, "mailing_address");
    }
    if (f.mailing_address.empty() && f.letter != nullptr) {
      f.mailing_address = findings::TextOf(f.letter->document, "mailing_address");
    }
    for (const findings::Statement& s : account.statements) {
      for (const LineItem& item : by_id_[s.document_id]->document.line_items) {
        if (!item.date_of_service.empty() && (f.first_service.empty() || item.date_of_service < f.first_service)) {
          f.first_service = item.date_of_service;
        }
      }
    }
    return f;
  }

  std::string Timeline(const findings::Account& account, const std::set<std::string>& ids, const AccountFigures& figures,
                       const std::vector<const Finding*>& mine) {
    std::multimap<std::string, std::string> events;  // date → what happened
    if (!figures.first_service.empty()) events.emplace(figures.first_service, "Care received (first date of service)");
    for (const Claim* claim : figures.claims) {
      if (claim->processed_date.empty()) continue;
      events.emplace(claim->processed_date, "Plan " + Or(ToString(claim->status), "processed") + " claim " + claim->claim_number +
                                                (claim->patient_responsibility_cents
                                                     ? ": you owe " + Money(*claim->patient_responsibility_cents)
                                                     : std::string()));
    }
    for (const findings::Statement& s : account.statements) {
      events.emplace(Or(s.statement_date, "(undated)"), "Statement: " + Amount(s.amount_due_cents) + " due");
    }
    for (const std::string& id : ids) {
      const StoredDocument* d = by_id_.count(id) ? by_id_[id] : nullptr;
      if (d == nullptr || d->document.kind != DocumentKind::kCollectionLetter) continue;
      events.emplace(Or(findings::TextOf(d->document, "letter_date"), "(undated)"),
                     "Collection letter from " + Or(findings::TextOf(d->document, "collector_name"), "a collector") +
                         ": " + Amount(findings::CentsOf(d->document, "current_amount_cents")));
    }
    for (const Finding* finding : mine) {
      if (!finding->deadline.empty()) events.emplace(finding->deadline, "Deadline: " + finding->summary);
    }
    for (const Note& note : notes_) {
      if (findings::Key(note.account_number) != findings::Key(account.account_number)) continue;
      std::string what =
          "You logged " + std::string(note.kind == NoteKind::kAgreement ? "an agreement in writing"
                                                                       : "a " + std::string(ToString(note.kind)));
      if (note.amount_cents) what += " of " + Money(*note.amount_cents);
      if (!note.representative.empty()) what += " with " + note.representative;
      if (!note.reference.empty()) what += ", reference " + note.reference;
      if (!note.text.empty()) what += ": " + note.text;
      events.emplace(note.noted_on, what);
    }
    events.emplace(options_.today, "Today");
    std::string html = "<h2>Timeline</h2>\n<table>\n";
    for (const auto& [date, what] : events) {
      html += "<tr><td>" + Html(date) + "</td><td>" + (what == "Today" ? "<b>Today</b>" : Html(what)) + "</td></tr>\n";
    }
    return html + "</table>\n";
  }

  std::string Documents(const std::set<std::string>& ids) {
    std::string html =
        "<h2>Documents</h2>\n<table><tr><th>Kind</th><th>Date</th><th>Key figures</th><th>File</th></tr>\n";
    for (const std::string& id : ids) {
      if (!by_id_.count(id)) continue;
      const Document& d = by_id_[id]->document;
      std::string date, figures;
      for (const char* name : {"statement_date", "notice_date", "letter_date"})
        date = date.empty() ? findings::TextOf(d, name) : date;
      for (const Field& field : d.fields) {
        if (!field.cents) continue;
        std::string label = field.name.substr(0, field.name.size() - 6);
        std::replace(label.begin(), label.end(), '_', ' ');
        figures += (figures.empty() ? "" : "; ") + label + " " + Money(*field.cents);
      }
      for (const Claim& claim : d.claims) {
        figures += (figures.empty() ? "" : "; ") + std::string("claim ") + claim.claim_number + " " + ToString(claim.status) +
                   ", billed " + Amount(claim.billed_cents) + ", you owe " + Amount(claim.patient_responsibility_cents);
      }
      html += "<tr><td>" + Html(ToString(d.kind)) + "</td><td>" + Html(date) + "</td><td>" + Html(figures) +
              "</td><td>" + Html(fs::path(by_id_[id]->path).filename().string()) + "</td></tr>\n";
    }
    return html + "</table>\n";
  }

  // The household the person gave (shoebox assistance), and each hospital account's year for its
  // pre-screen.
  Result<bool> LoadHousehold() {
    auto household = db_.LoadHousehold();
    if (!household) return household.error();
    household_ = std::move(household).value();
    for (const findings::AssistanceWindow& window : findings::AssistanceWindows(analysis_.documents)) {
      if (!household_) continue;
      int year = std::stoi(window.first_statement.substr(0, 4));
      hospital_year_[findings::Key(window.account_number)] = year;
      pre_screens_[findings::Key(window.account_number)] = findings::PreScreen(*household_, year);
    }
    return true;
  }

  std::string AccountPage(const findings::Account& account, const std::set<std::string>& ids,
                          const std::vector<const Finding*>& mine, const std::vector<const Finding*>& to_check,
                          int* crops) {
    AccountFigures figures = FiguresOf(account, ids);
    std::string html = Head() + "<title>" + Html(Or(account.provider_name, "Account")) + ", account " +
                       Html(account.account_number) +
                       "</title></head><body>\n<nav><a href=\"index.html\">All accounts</a></nav>\n";
    html += "<h1>" + Html(Or(account.provider_name, "(provider not read)")) + "</h1>\n<p class=\"meta\">Account " +
            Html(account.account_number) + " · patient " + Html(Or(account.patient_name, "not read")) +
            " · report of " + Html(options_.today) + "</p>\n";
    html += "<p>Latest statement: <b>" + Amount(figures.balance) + "</b> due" +
            (figures.plan_says ? ". Your plan says you owe <b>" + Money(*figures.plan_says) + "</b>" : std::string()) +
            ". " + std::to_string(mine.size()) + " finding(s).</p>\n";
    html += "<h2>What to do</h2>\n";
    findings::Settlement settlement = findings::SettlementOf(account.account_number, notes_);
    if (settlement.agreement != nullptr) {
      html += "<p>Under your written agreement: " + Html(findings::SettlementWords(settlement)) + ".</p>\n";
    } else if (mine.empty() && to_check.empty()) {
      html += "<p>Nothing to act on: the figures agree with the plan's.</p>\n";
    }
    if (mine.empty() && !to_check.empty()) html += "<p>Nothing confirmed to act on; look at what to check below.</p>\n";
    for (const Finding* finding : mine) html += FindingHtml(*finding, crops);
    if (!figures.pre_screen.empty()) {
      html += "<p><b>Financial assistance:</b> " + Html(figures.pre_screen) +
              " A pre-screen, not a promise: the hospital's own policy decides.</p>\n";
    }
    if (!to_check.empty()) {
      html += "<h2>To check</h2>\n<p class=\"meta\">Not findings: what was read could not confirm these.</p>\n";
      for (const Finding* check : to_check) html += CheckHtml(*check, crops);
    }
    html += Timeline(account, ids, figures, mine);
    html += Documents(ids);
    if (!mine.empty() || figures.balance.value_or(0) > 0) html += CallSheet(account, figures, mine);
    html += PlanCallSheet(figures, mine, options_.today);
    html += Practice(rehearsal::FactsOf(analysis_, found_, account));
    html += Letters(account, figures, mine, settlement, options_.today);
    return html + "</body></html>\n";
  }

  store::Database& db_;
  const Options& options_;
  findings::Analysis analysis_;
  std::vector<Note> notes_;
  std::vector<Finding> found_;   // findings
  std::vector<Finding> checks_;  // check items
  std::vector<findings::Episode> episodes_;
  std::vector<findings::Person> people_;
  const findings::Person* person_ = nullptr;  // the one the report is about, or none
  std::map<std::string, const StoredDocument*> by_id_;
  std::map<PageKey, PageReplay> pages_;
  std::map<std::string, std::string> phone_of_;  // bill id → the billing office's number it prints
  std::optional<Household> household_;           // as given for the assistance pre-screen
  std::map<std::string, int> hospital_year_;     // a hospital account's key → its first statement's year
  std::map<std::string, std::string> pre_screens_;  // a hospital account's key → its pre-screen in a sentence
};

}  // namespace

Result<Written> WriteReport(store::Database& db, const Options& options) { return Writer(db, options).Run(); }

}  // namespace shoebox::report
