// export, query, findings, show, accounts, episodes: what the database knows, read.
#include "cli/verbs.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <ctime>
#include <functional>
#include <iomanip>
#include <iostream>
#include <locale>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>

#include "pipeline/core/text.hpp"
#include "pipeline/analysis/accounts.hpp"
#include "pipeline/analysis/analysis.hpp"
#include "pipeline/analysis/problems.hpp"
#include "pipeline/present/export_csv.hpp"
#include "pipeline/present/export_json.hpp"
#include "pipeline/present/report.hpp"
#include "pipeline/present/show.hpp"
#include "pipeline/app/runner.hpp"
#include "pipeline/app/stages.hpp"
#include "pipeline/store/store.hpp"
#include "pipeline/app/watch.hpp"


namespace shoebox::cli {

int Export(const Args& args, const Environment& env) {
  std::optional<std::string> csv_dir = args.Get("--csv");
  if (args.Has("--json") == csv_dir.has_value()) {
    *env.err << "shoebox export: say --json, or --csv DIR\n";
    return kExitUsage;
  }
  auto db = OpenDatabase(args, env, store::Mode::kReadOnly);
  if (!db) return kExitDatabase;
  if (csv_dir) {
    auto tables = exporter::ExportCsv(*db);
    if (!tables) {
      *env.err << tables.error().message << '\n';
      return kExitDatabase;
    }
    if (!MakePrivateDirectory(*csv_dir)) {
      *env.err << "shoebox export: cannot create " << *csv_dir << '\n';
      return kExitUsage;
    }
    for (const auto& [name, text] : *tables) {
      std::string path = (std::filesystem::path(*csv_dir) / name).string();
      if (!WritePrivateFile(path, text)) {
        *env.err << "shoebox export: cannot write " << path << '\n';
        return kExitUsage;
      }
    }
    return kExitOk;
  }
  auto json = exporter::ExportJson(*db, UtcNow());
  if (!json) {
    *env.err << json.error().message << '\n';
    return kExitDatabase;
  }
  if (auto out = args.Get("--out")) {
    if (!WritePrivateFile(*out, *json)) {
      *env.err << "shoebox export: cannot write " << *out << '\n';
      return kExitUsage;
    }
    return kExitOk;
  }
  *env.out << *json;
  return kExitOk;
}

namespace {

std::string CellText(const store::Value& value) {
  if (std::holds_alternative<std::int64_t>(value)) return std::to_string(std::get<std::int64_t>(value));
  if (std::holds_alternative<double>(value)) {
    std::ostringstream text;
    text.imbue(std::locale::classic());
    text << std::get<double>(value);
    return text.str();
  }
  if (std::holds_alternative<std::string>(value)) return std::get<std::string>(value);
  return "";
}

// "Start here": one line per problem across all accounts, ranked by what waiting loses, with what
// to do and why, and what not to pay yet in all.
void PrintStartHere(const std::vector<Finding>& found, const std::vector<StoredDocument>& documents,
                    const std::string& today, std::ostream& out) {
  std::vector<findings::Problem> problems = findings::StartHere(found, documents, today);
  out << "Start here (as of " << today << "): " << findings::InAll(problems) << ".\n\n";
  int n = 0;
  for (const findings::Problem& problem : problems) {
    out << std::setw(2) << ++n << ". " << findings::InOneLine(problem, today) << "\n    What to do: ";
    std::vector<std::string> steps = findings::StepsOf(problem);
    for (size_t i = 0; i < steps.size(); ++i) out << (i ? "\n    Also: " : "") << steps[i];
    out << "\n    Why: ";
    for (size_t i = 0; i < problem.reasons.size(); ++i) out << (i ? "\n         " : "") << problem.reasons[i]->summary;
    out << "\n\n";
  }
}

}  // namespace

int Query(const Args& args, const Environment& env) {
  if (args.positional.size() != 1) {
    *env.err << "shoebox query: give one SQL statement in quotes\n";
    return kExitUsage;
  }
  auto db = OpenDatabase(args, env, store::Mode::kReadOnly);
  if (!db) return kExitDatabase;
  auto table = db->Select(args.positional[0]);
  if (!table) {
    *env.err << table.error().message << '\n';
    return kExitUsage;
  }
  std::ostream& out = *env.out;
  if (args.Has("--json")) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& row : table->rows) {
      nlohmann::ordered_json object = nlohmann::ordered_json::object();
      for (size_t c = 0; c < row.size(); ++c) {
        const auto& value = row[c];
        if (std::holds_alternative<std::int64_t>(value)) object[table->columns[c]] = std::get<std::int64_t>(value);
        else if (std::holds_alternative<double>(value)) object[table->columns[c]] = std::get<double>(value);
        else if (std::holds_alternative<std::string>(value)) object[table->columns[c]] = std::get<std::string>(value);
        else object[table->columns[c]] = nullptr;
      }
      rows.push_back(std::move(object));
    }
    out << rows.dump(2) << '\n';
  } else if (args.Has("--csv")) {
    for (size_t c = 0; c < table->columns.size(); ++c) out << (c ? "," : "") << exporter::CsvField(table->columns[c]);
    out << '\n';
    for (const auto& row : table->rows) {
      for (size_t c = 0; c < row.size(); ++c) out << (c ? "," : "") << exporter::CsvField(CellText(row[c]));
      out << '\n';
    }
  } else {
    std::vector<size_t> widths;
    for (const auto& column : table->columns) widths.push_back(column.size());
    std::vector<std::vector<std::string>> cells;
    for (const auto& row : table->rows) {
      std::vector<std::string> texts;
      for (size_t c = 0; c < row.size(); ++c) {
        std::string text = CellText(row[c]);
        std::replace(text.begin(), text.end(), '\n', ' ');
        if (text.size() > 60) text = text.substr(0, 57) + "...";
        widths[c] = std::max(widths[c], text.size());
        texts.push_back(std::move(text));
      }
      cells.push_back(std::move(texts));
    }
    auto print_row = [&](const std::vector<std::string>& row) {
      for (size_t c = 0; c < row.size(); ++c) {
        out << (c ? "  " : "") << row[c];
        if (c + 1 < row.size()) out << std::string(widths[c] - row[c].size(), ' ');
      }
      out << '\n';
    };
    print_row(table->columns);
    std::vector<std::string> rule;
    for (size_t w : widths) rule.push_back(std::string(w, '-'));
    print_row(rule);
    for (const auto& row : cells) print_row(row);
  }
  return kExitOk;
}

namespace {

// With --person, only the findings about that person's papers; the exit status (kExitOk: go on).
int KeepThePersons(const Args& args, const Environment& env, store::Database& db, findings::Analyser& analyser,
                   std::vector<Finding>& found) {
  if (!args.Has("--person")) return kExitOk;
  auto analysis = analyser.Update(db);  // nothing new since the refresh: no document is read again
  if (!analysis) {
    *env.err << analysis.error().message << '\n';
    return kExitDatabase;
  }
  int code = kExitOk;
  std::optional<findings::Person> person = PersonOption(args, env, db, (*analysis)->documents, "findings", code);
  if (code != kExitOk) return code;
  std::erase_if(found, [&](const Finding& f) {
    return std::none_of(f.documents.begin(), f.documents.end(), [&](const std::string& id) { return person->documents.count(id) > 0; });
  });
  return kExitOk;
}

}  // namespace

int ShowFindings(const Args& args, const Environment& env) {
  auto today = Today(args, env, "findings");
  if (!today) return kExitUsage;
  auto db = OpenDatabase(args, env, store::Mode::kReadWrite);
  if (!db) return kExitDatabase;
  findings::Analyser analyser;  // the refresh's analysis, kept for Start here's names and accounts
  if (auto found = runner::RefreshFindings(*db, *today, analyser); !found) {
    *env.err << found.error().message << '\n';
    return kExitDatabase;
  }
  auto found = db->LoadFindings();
  auto sources = db->LoadDocumentSources();
  if (!found || !sources) {
    *env.err << (found ? sources.error() : found.error()).message << '\n';
    return kExitDatabase;
  }
  if (int code = KeepThePersons(args, env, *db, analyser, *found); code != kExitOk) return code;
  if (args.Has("--json")) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Finding& finding : *found) {
      if (finding.to_check) continue;  // listed by the export's "to_check", never as findings
      nlohmann::ordered_json item;
      item["rule"] = ToString(finding.rule);
      item["rule_id"] = finding.rule_id;
      item["severity"] = ToString(finding.severity);
      item["documents"] = finding.documents;
      item["amount_cents"] = finding.amount_cents ? nlohmann::ordered_json(*finding.amount_cents) : nullptr;
      item["deadline"] = finding.deadline.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(finding.deadline);
      item["summary"] = finding.summary;
      item["next_step"] = finding.next_step;
      list.push_back(std::move(item));
    }
    *env.out << list.dump(2) << '\n';
    return kExitOk;
  }
  std::vector<const Finding*> checks;
  for (const Finding& finding : *found) {
    if (finding.to_check) checks.push_back(&finding);
  }
  if (sources->empty()) {
    *env.out << "The database at " << DatabasePath(args, env)
             << " holds no papers yet, so nothing has been checked: scan your papers first (shoebox scan FOLDER).\n";
  } else if (found->size() == checks.size()) {
    *env.out << "No findings: nothing in the database looks wrong or premature as of " << *today << ".\n";
  } else {
    auto analysis = analyser.Update(*db);  // nothing new since the refresh: no document is read again
    if (!analysis) {
      *env.err << analysis.error().message << '\n';
      return kExitDatabase;
    }
    PrintStartHere(*found, (*analysis)->documents, *today, *env.out);
  }
  // The files each finding rests on, by document id.
  std::map<std::string, std::vector<std::string>> files_of;
  for (const store::DocumentSource& source : *sources) files_of[source.document_id].push_back(source.source_path);
  int n = 0;
  for (const Finding& finding : *found) {
    if (finding.to_check) continue;
    if (n == 0) *env.out << "Every finding, most urgent first:\n\n";
    std::vector<std::string> files;
    for (const std::string& id : finding.documents) files.insert(files.end(), files_of[id].begin(), files_of[id].end());
    *env.out << ++n << ". [" << ToString(finding.severity) << "] " << Title(finding.rule);
    if (!finding.deadline.empty()) *env.out << "  (deadline " << findings::DeadlineInWords(finding.deadline, *today) << ")";
    *env.out << "\n   " << finding.summary << "\n   Next: " << finding.next_step << "\n   Files: " << Join(files, ", ")
             << "\n\n";
  }
  if (!checks.empty()) {
    *env.out << "To check (not findings: what was read could not confirm them):\n";
    for (const Finding* check : checks) *env.out << "  - " << check->summary << "\n    " << check->next_step << "\n";
  }
  return kExitOk;
}

namespace {

// accounts and episodes: open read-only, then the JSON view or a terminal one.
int ShowView(const Args& args, const Environment& env, std::string_view verb,
             Result<std::string> (*as_json)(store::Database&),
             void (*print)(const findings::Analysis&, std::ostream&)) {
  if (args.Has("--json") && args.Has("--person")) {
    *env.err << "shoebox " << verb << ": --person lists one person's in the terminal; --json gives everyone's\n";
    return kExitUsage;
  }
  auto db = OpenDatabase(args, env, store::Mode::kReadOnly);
  if (!db) return kExitDatabase;
  if (args.Has("--json")) {
    auto json = as_json(*db);
    if (!json) {
      *env.err << "shoebox " << verb << ": " << json.error().message << '\n';
      return kExitDatabase;
    }
    *env.out << *json;
    return kExitOk;
  }
  auto analysis = findings::Analyse(*db);
  if (!analysis) {
    *env.err << "shoebox " << verb << ": " << analysis.error().message << '\n';
    return kExitDatabase;
  }
  int code = kExitOk;
  if (auto person = PersonOption(args, env, *db, analysis->documents, verb, code)) {
    std::erase_if(analysis->documents, [&](const StoredDocument& d) { return !person->documents.count(d.id); });
  }
  if (code != kExitOk) return code;
  print(*analysis, *env.out);
  return kExitOk;
}

std::string PathOf(const findings::Analysis& analysis, const std::string& id) {
  for (const StoredDocument& d : analysis.documents) {
    if (d.id == id) return d.path;
  }
  return id;
}

std::string Amount(const std::optional<Cents>& cents) { return cents ? findings::Money(*cents) : "–"; }

void PrintPlanYears(const findings::Analysis& analysis, std::ostream& out) {
  std::vector<findings::PlanYear> years = findings::SumPlanYears(analysis.documents);
  if (years.empty()) return;
  out << "\nPlan year so far (from the plan's notices):\n";
  for (const findings::PlanYear& year : years) {
    out << "  " << year.year << "  " << (year.person.empty() ? std::string("whole family") : year.person) << ": "
        << findings::PlanYearWords(year) << '\n';
  }
}

void PrintAccounts(const findings::Analysis& analysis, std::ostream& out) {
  std::vector<findings::Account> accounts = findings::GroupAccounts(analysis.documents);
  if (accounts.empty()) out << "No bills in the database yet.\n";
  for (const findings::Account& account : accounts) {
    out << (account.provider_name.empty() ? "(provider not read)" : account.provider_name) << ", account "
        << (account.account_number.empty() ? "(not read)" : account.account_number) << '\n';
    for (const findings::Statement& s : account.statements) {
      out << "  " << (s.statement_date.empty() ? "(no date)  " : s.statement_date) << "  charges "
          << Amount(s.total_charges_cents) << ", insurance paid " << Amount(s.insurance_paid_cents) << ", you paid "
          << Amount(s.patient_paid_cents) << ", due " << Amount(s.amount_due_cents) << "   "
          << PathOf(analysis, s.document_id) << '\n';
    }
  }
  PrintPlanYears(analysis, out);
}

void PrintEpisodes(const findings::Analysis& analysis, std::ostream& out) {
  std::vector<findings::Episode> episodes = findings::GroupEpisodes(analysis.documents, analysis.matches);
  if (episodes.empty()) out << "No bills, EOBs or collection letters in the database yet.\n";
  for (const findings::Episode& episode : episodes) {
    std::string dates = episode.first_service_date.empty() ? "dates of service not read"
                        : episode.first_service_date == episode.last_service_date
                            ? episode.first_service_date
                            : episode.first_service_date + " to " + episode.last_service_date;
    out << dates << (episode.patient_name.empty() ? "" : ", " + episode.patient_name) << '\n';
    for (const std::string& id : episode.bills) out << "  bill    " << PathOf(analysis, id) << '\n';
    std::set<std::string> notices;
    for (const findings::EpisodeClaim& claim : episode.claims) notices.insert(claim.document_id);
    for (const std::string& id : notices) out << "  EOB     " << PathOf(analysis, id) << '\n';
    for (const std::string& id : episode.letters) out << "  letter  " << PathOf(analysis, id) << '\n';
    for (const std::string& missing : episode.missing) out << "  missing: " << missing << '\n';
  }
}

}  // namespace

int ShowAccounts(const Args& args, const Environment& env) {
  return ShowView(args, env, "accounts", exporter::AccountsJson, PrintAccounts);
}

int ShowEpisodes(const Args& args, const Environment& env) {
  return ShowView(args, env, "episodes", exporter::EpisodesJson, PrintEpisodes);
}

// shoebox show DOC: one document as the export has it (fields with confidence, page and box; line
// items; claims and their lines; checks), with its matches and its findings. DOC is a document id
// or its first characters, or the path (or just the name) of the file it came from.
int Show(const Args& args, const Environment& env) {
  if (args.positional.size() != 1) {
    *env.err << "shoebox show: name one document: its id (or the first characters of it) or its file\n";
    return kExitUsage;
  }
  const std::string& wanted = args.positional[0];
  auto db = OpenDatabase(args, env, store::Mode::kReadOnly);
  if (!db) return kExitDatabase;
  auto found = show::FindDocuments(*db, wanted);
  if (!found) {
    *env.err << found.error().message << '\n';
    return kExitDatabase;
  }
  if (found->size() != 1) {
    *env.err << "shoebox show: " << (found->empty() ? "no document is '" + wanted + "'" : "'" + wanted + "' names several documents:");
    for (const store::DocumentSource& document : *found) {
      *env.err << "\n  " << document.document_id << "  " << document.source_path << " pages " << show::PageList(document);
    }
    *env.err << '\n';
    return kExitUsage;
  }
  const std::string& id = found->front().document_id;
  auto shown = args.Has("--json") ? show::DocumentJson(*db, id) : show::DocumentText(*db, id);
  if (!shown) {
    *env.err << shown.error().message << '\n';
    return kExitDatabase;
  }
  *env.out << *shown;
  return kExitOk;
}

}  // namespace shoebox::cli
