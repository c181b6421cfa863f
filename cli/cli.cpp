#include "cli/cli.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <ctime>
#include <functional>
#include <iostream>
#include <locale>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>

#include "pipeline/core/text.hpp"
#include "pipeline/analysis/accounts.hpp"
#include "pipeline/analysis/analysis.hpp"
#include "pipeline/present/export_json.hpp"
#include "pipeline/present/report.hpp"
#include "pipeline/present/show.hpp"
#include "pipeline/app/runner.hpp"
#include "pipeline/app/stages.hpp"
#include "pipeline/store/store.hpp"
#include "pipeline/app/watch.hpp"

namespace shoebox::cli {
namespace {

struct Args {
  std::vector<std::string> positional;
  std::vector<std::pair<std::string, std::string>> options;  // --name → value ("" for flags)

  bool Has(const std::string& name) const {
    return std::any_of(options.begin(), options.end(), [&](const auto& o) { return o.first == name; });
  }
  std::optional<std::string> Get(const std::string& name) const {
    for (const auto& [key, value] : options) {
      if (key == name) return value;
    }
    return std::nullopt;
  }
};

struct Verb {
  std::string_view name;
  std::string_view usage;
  std::string_view summary;
  std::vector<std::string_view> value_options;  // options that take a value
  std::vector<std::string_view> flag_options;
  std::function<int(const Args&, const Environment&)> run;
};

const std::vector<Verb>& Verbs();

std::string DatabasePath(const Args& args, const Environment& env) {
  if (auto db = args.Get("--db")) return *db;
  return env.default_db.empty() ? "shoebox.db" : env.default_db;
}

// The database --db names (or the default), opened; nullptr once the reason it could not be is said.
std::unique_ptr<store::Database> OpenDatabase(const Args& args, const Environment& env, store::Mode mode) {
  auto db = store::Database::Open(DatabasePath(args, env), mode);
  if (!db) {
    *env.err << db.error().message << '\n';
    return nullptr;
  }
  return std::move(db).value();
}

std::string UtcNow() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

std::string LocalToday() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
  return buffer;
}

// --today DATE (YYYY-MM-DD), or the system date: deadlines are computed against it.
// The value of a date option (YYYY-MM-DD), or nullopt after saying what it takes.
std::optional<std::string> DateOption(const std::string& date, const Environment& env, std::string_view verb,
                                      std::string_view option) {
  bool shaped = date.size() == 10 && date[4] == '-' && date[7] == '-' &&
                std::all_of(date.begin(), date.end(),
                            [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '-'; });
  if (!shaped) {
    *env.err << "shoebox " << verb << ": " << option << " takes a date as YYYY-MM-DD\n";
    return std::nullopt;
  }
  return date;
}

std::optional<std::string> Today(const Args& args, const Environment& env, std::string_view verb) {
  auto given = args.Get("--today");
  if (!given) return LocalToday();
  return DateOption(*given, env, verb, "--today");
}

std::optional<int> ParsePositiveInt(const std::string& text) {
  if (text.empty() || text.size() > 6 || !std::all_of(text.begin(), text.end(), ::isdigit)) return std::nullopt;
  int value = std::stoi(text);
  return value > 0 ? std::optional<int>(value) : std::nullopt;
}


// The options scan and watch share; nullopt (after saying why) on a usage error.
std::optional<runner::Options> RunnerOptions(const Args& args, const Environment& env, std::string_view verb) {
  runner::Options options;
  options.scanned_at = UtcNow();
  options.force = args.Has("--force");
  options.show_progress = env.err_is_terminal && !args.Has("--no-progress");
  options.stop = env.stop;
  if (auto jobs = args.Get("--jobs")) {
    auto n = ParsePositiveInt(*jobs);
    if (!n) {
      *env.err << "shoebox " << verb << ": --jobs takes a whole number above 0\n";
      return std::nullopt;
    }
    options.jobs = *n;
  }
  if (auto dir = args.Get("--keep-intermediates")) {
    std::error_code error;
    std::filesystem::create_directories(*dir, error);
    if (error) {
      *env.err << "shoebox " << verb << ": cannot create " << *dir << '\n';
      return std::nullopt;
    }
    options.keep_intermediates_dir = *dir;
  }
  if (auto dpi = args.Get("--dpi")) {
    auto n = ParsePositiveInt(*dpi);
    if (!n || *n < 72 || *n > 1200) {
      *env.err << "shoebox " << verb << ": --dpi takes a number from 72 to 1200\n";
      return std::nullopt;
    }
    options.ingest.render_dpi = *n;
  }
  return options;
}

int Scan(const Args& args, const Environment& env) {
  if (args.positional.empty()) {
    *env.err << "shoebox scan: give at least one file or folder\n";
    return kExitUsage;
  }
  std::optional<runner::Options> options = RunnerOptions(args, env, "scan");
  if (!options) return kExitUsage;
  auto today = Today(args, env, "scan");
  if (!today) return kExitUsage;
  auto db = OpenDatabase(args, env, store::Mode::kReadWrite);
  if (!db) return kExitDatabase;
  auto summary = runner::Scan(args.positional, *db, *options, *env.out, *env.err);
  if (!summary) {
    *env.err << summary.error().message << '\n';
    return kExitDatabase;
  }
  auto found = runner::RefreshFindings(*db, *today);
  if (!found) {
    *env.err << found.error().message << '\n';
    return kExitDatabase;
  }
  *env.err << "scanned " << summary->files_scanned << " file(s), " << summary->pages << " page(s), "
           << summary->documents << " document(s); skipped " << summary->files_skipped << " already in the database; "
           << summary->files_failed << " with errors; " << *found << " finding(s) (shoebox findings)\n";
  if (summary->files_interrupted > 0) {
    *env.err << "stopped: " << summary->files_interrupted << " file(s) not scanned; run the same command again to go on\n";
    return kExitInterrupted;
  }
  return summary->files_failed > 0 ? kExitInputFailed : kExitOk;
}

int Watch(const Args& args, const Environment& env) {
  if (args.positional.size() != 1) {
    *env.err << "shoebox watch: give one folder to watch\n";
    return kExitUsage;
  }
  watch::Options options;
  std::optional<runner::Options> scan = RunnerOptions(args, env, "watch");
  if (!scan) return kExitUsage;
  options.scan = *scan;
  options.scan.show_progress = false;  // one line per file instead: the watch runs for days
  if (auto given = args.Get("--today")) {
    if (!Today(args, env, "watch")) return kExitUsage;
    options.today = [date = *given] { return date; };
  } else {
    options.today = LocalToday;
  }
  if (auto settle = args.Get("--settle")) {
    auto n = ParsePositiveInt(*settle);
    if (!n) {
      *env.err << "shoebox watch: --settle takes a whole number of seconds above 0\n";
      return kExitUsage;
    }
    options.settle = std::chrono::seconds(*n);
  }
  if (auto archive = args.Get("--archive")) options.archive_dir = *archive;
  auto db = OpenDatabase(args, env, store::Mode::kReadWrite);
  if (!db) return kExitDatabase;
  *env.err << "watching " << args.positional[0] << " (Ctrl-C to stop)\n";
  auto totals = watch::Watch(args.positional[0], *db, options, *env.out, *env.err);
  if (!totals) {
    *env.err << totals.error().message << '\n';
    return totals.error().message.rfind("database", 0) == 0 ? kExitDatabase : kExitUsage;
  }
  *env.err << "stopped watching: " << totals->files.files_scanned << " file(s) scanned, " << totals->files.files_failed
           << " with errors\n";
  return kExitOk;
}

int Export(const Args& args, const Environment& env) {
  if (!args.Has("--json")) {
    *env.err << "shoebox export: say --json (the only format so far)\n";
    return kExitUsage;
  }
  auto db = OpenDatabase(args, env, store::Mode::kReadOnly);
  if (!db) return kExitDatabase;
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

std::string CsvQuote(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

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
    for (size_t c = 0; c < table->columns.size(); ++c) out << (c ? "," : "") << CsvQuote(table->columns[c]);
    out << '\n';
    for (const auto& row : table->rows) {
      for (size_t c = 0; c < row.size(); ++c) out << (c ? "," : "") << CsvQuote(CellText(row[c]));
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

int ShowFindings(const Args& args, const Environment& env) {
  auto today = Today(args, env, "findings");
  if (!today) return kExitUsage;
  auto db = OpenDatabase(args, env, store::Mode::kReadWrite);
  if (!db) return kExitDatabase;
  if (auto found = runner::RefreshFindings(*db, *today); !found) {
    *env.err << found.error().message << '\n';
    return kExitDatabase;
  }
  auto found = db->LoadFindings();
  auto sources = db->LoadDocumentSources();
  if (!found || !sources) {
    *env.err << (found ? sources.error() : found.error()).message << '\n';
    return kExitDatabase;
  }
  if (args.Has("--json")) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Finding& finding : *found) {
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
  if (found->empty()) {
    *env.out << "No findings: nothing in the database looks wrong or premature as of " << *today << ".\n";
    return kExitOk;
  }
  int n = 0;
  for (const Finding& finding : *found) {
    // The files the finding rests on, in document id order.
    std::vector<std::string> files;
    for (const store::DocumentSource& source : *sources) {
      if (std::find(finding.documents.begin(), finding.documents.end(), source.document_id) != finding.documents.end()) {
        files.push_back(source.source_path);
      }
    }
    *env.out << ++n << ". [" << ToString(finding.severity) << "] " << ToString(finding.rule);
    if (!finding.deadline.empty()) *env.out << "  (deadline " << finding.deadline << ")";
    *env.out << "\n   " << finding.summary << "\n   Next: " << finding.next_step << "\n   Files: " << Join(files, ", ")
             << "\n\n";
  }
  return kExitOk;
}

// Dollars as typed by a person ("1,250", "$80.50") → cents; nullopt when it is not an amount.
std::optional<Cents> ParseDollars(std::string text) {
  std::erase_if(text, [](char c) { return c == '$' || c == ',' || c == ' '; });
  if (text.empty() || text.find_first_not_of("0123456789.") != std::string::npos) return std::nullopt;
  size_t point = text.find('.');
  if (point != std::string::npos && (text.size() - point - 1 > 2 || text.find('.', point + 1) != std::string::npos)) {
    return std::nullopt;
  }
  std::string whole = text.substr(0, point), part = point == std::string::npos ? "" : text.substr(point + 1);
  if (whole.size() > 12) return std::nullopt;
  while (part.size() < 2) part += '0';
  return std::stoll(whole.empty() ? "0" : whole) * 100 + std::stoll(part);
}

// shoebox log: the person's own record, by account. Without a kind: the record so far.
int Log(const Args& args, const Environment& env) {
  auto db = OpenDatabase(args, env, store::Mode::kReadWrite);
  if (!db) return kExitDatabase;
  if (args.positional.empty()) {
    auto notes = db->LoadNotes();
    if (!notes) {
      *env.err << notes.error().message << '\n';
      return kExitDatabase;
    }
    if (notes->empty()) *env.out << "Nothing logged yet (shoebox log call --account NUMBER --rep NAME ...).\n";
    for (const Note& note : *notes) {
      *env.out << note.noted_on << "  " << note.kind << "  account " << note.account_number;
      if (note.amount_cents) *env.out << "  " << findings::Money(*note.amount_cents);
      if (!note.representative.empty()) *env.out << "  with " << note.representative;
      if (!note.reference.empty()) *env.out << "  ref " << note.reference;
      if (!note.text.empty()) *env.out << "  \"" << note.text << '"';
      *env.out << '\n';
    }
    return kExitOk;
  }
  Note note;
  note.kind = args.positional[0];
  if (args.positional.size() != 1 ||
      (note.kind != "call" && note.kind != "payment" && note.kind != "agreement" && note.kind != "note")) {
    *env.err << "shoebox log: say what to log: call, payment, agreement or note\n";
    return kExitUsage;
  }
  auto account = args.Get("--account");
  if (!account || account->empty()) {
    *env.err << "shoebox log: --account NUMBER says which account (shoebox accounts lists them)\n";
    return kExitUsage;
  }
  note.account_number = *account;
  auto today = Today(args, env, "log");
  if (!today) return kExitUsage;
  note.noted_on = *today;
  if (auto date = args.Get("--date")) {
    auto parsed = DateOption(*date, env, "log", "--date");
    if (!parsed) return kExitUsage;
    note.noted_on = *parsed;
  }
  if (auto amount = args.Get("--amount")) {
    note.amount_cents = ParseDollars(*amount);
    if (!note.amount_cents) {
      *env.err << "shoebox log: --amount takes dollars, like 250 or 1,250.00\n";
      return kExitUsage;
    }
  }
  if ((note.kind == "payment" || note.kind == "agreement") && !note.amount_cents) {
    *env.err << "shoebox log: a " << note.kind << " needs --amount\n";
    return kExitUsage;
  }
  note.representative = args.Get("--rep").value_or("");
  note.reference = args.Get("--reference").value_or("");
  note.text = args.Get("--text").value_or("");
  if (auto added = db->AddNote(note); !added) {
    *env.err << added.error().message << '\n';
    return kExitDatabase;
  }
  auto found = runner::RefreshFindings(*db, *today);
  if (!found) {
    *env.err << found.error().message << '\n';
    return kExitDatabase;
  }
  *env.err << "logged the " << note.kind << " for account " << note.account_number << "; " << *found
           << " finding(s) now (shoebox findings)\n";
  return kExitOk;
}

int Report(const Args& args, const Environment& env) {
  auto today = Today(args, env, "report");
  if (!today) return kExitUsage;
  report::Options options;
  options.out_dir = args.Get("--out").value_or("shoebox-report");
  options.account = args.Get("--account").value_or("");
  options.today = *today;
  auto db = OpenDatabase(args, env, store::Mode::kReadOnly);
  if (!db) return kExitDatabase;
  auto written = report::WriteReport(*db, options);
  if (!written) {
    *env.err << written.error().message << '\n';
    return written.error().message.rfind("database", 0) == 0 ? kExitDatabase : kExitUsage;
  }
  if (!options.account.empty() && written->accounts == 0) {
    *env.err << "shoebox report: no account " << options.account << " (shoebox accounts lists them)\n";
    return kExitUsage;
  }
  *env.out << written->files.front() << '\n';
  *env.err << "wrote " << written->accounts << " account page(s) with " << written->evidence_crops
           << " evidence crop(s); open " << written->files.front() << " in a browser\n";
  return kExitOk;
}

// accounts and episodes: open read-only, then the JSON view or a terminal one.
int ShowView(const Args& args, const Environment& env, std::string_view verb,
             Result<std::string> (*as_json)(store::Database&),
             void (*print)(const findings::Analysis&, std::ostream&)) {
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
    out << "  " << year.year << "  " << (year.person.empty() ? std::string("whole family") : year.person) << ": deductible "
        << findings::Money(year.deductible_cents) << ", your share " << findings::Money(year.patient_responsibility_cents)
        << " (" << year.claims << " claim" << (year.claims == 1 ? "" : "s") << ")"
        << (year.deductible_met_by.empty() ? "" : "; deductible met by " + year.deductible_met_by) << '\n';
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

int ListStages(const Args&, const Environment& env) {
  for (const StageInfo& stage : Stages()) *env.out << stage.name << std::string(10 - stage.name.size(), ' ') << stage.summary << '\n';
  return kExitOk;
}

void PrintHelp(std::ostream& out) {
  out << "usage: shoebox [--db PATH] VERB [ARGS]\n\n"
         "Reads photographed and scanned medical bills, EOBs and collection letters into SQLite.\n\nverbs:\n";
  for (const Verb& verb : Verbs()) out << "  " << verb.usage << "\n      " << verb.summary << '\n';
  out << "\nThe database is ./shoebox.db unless --db or SHOEBOX_DB says otherwise; it is created with mode 0600.\n"
         "Exit codes: 0 all done; 1 usage; 2 some inputs failed (each named); 3 database error.\n";
}


const std::vector<Verb>& Verbs() {
  static const std::vector<Verb> kVerbs = {
      {"scan", "scan PATH... [--force] [--jobs N] [--dpi N] [--keep-intermediates DIR] [--today DATE] [--no-progress]",
       "read files and folders (recursively) into the database; files already there are skipped",
       {"--jobs", "--dpi", "--keep-intermediates", "--today"}, {"--force", "--no-progress"}, Scan},
      {"watch",
       "watch DIR [--archive DIR] [--settle SECONDS] [--jobs N] [--dpi N] [--today DATE] [--keep-intermediates DIR]",
       "process what lands in DIR, now and later, once each file has stopped changing; Ctrl-C stops cleanly",
       {"--archive", "--settle", "--jobs", "--dpi", "--today", "--keep-intermediates"}, {}, Watch},
      {"findings", "findings [--today DATE] [--json]",
       "what not to pay yet and why, most urgent first (deadlines counted from --today, default today)",
       {"--today"}, {"--json"}, ShowFindings},
      {"accounts", "accounts [--json]", "every statement of each provider account in date order, with the balances",
       {}, {"--json"}, ShowAccounts},
      {"episodes", "episodes [--json]",
       "each visit's bills, plan claims and letters together, and what is still missing", {}, {"--json"}, ShowEpisodes},
      {"report", "report [--account NUMBER] [--out DIR] [--today DATE]",
       "an HTML page per account to read, print and take to the phone: timeline, evidence, call sheet, letters",
       {"--account", "--out", "--today"}, {}, Report},
      {"log",
       "log [call|payment|agreement|note --account NUMBER [--date DATE] [--amount DOLLARS] [--rep NAME] "
       "[--reference REF] [--text TEXT] [--today DATE]]",
       "keep a record of calls, payments and written agreements; an agreement settles the account's findings",
       {"--account", "--date", "--amount", "--rep", "--reference", "--text", "--today"}, {}, Log},
      {"show", "show DOC [--json]",
       "one document: its fields with where they were read, line items, claims, checks, matches and findings",
       {}, {"--json"}, Show},
      {"export", "export --json [--out FILE]", "everything the database knows as shoebox-export/1 JSON",
       {"--out"}, {"--json"}, Export},
      {"query", "query SQL [--json | --csv]", "run one read-only SQL statement against the database", {},
       {"--json", "--csv"}, Query},
      {"stages", "stages", "list the pipeline's stages", {}, {}, ListStages},
  };
  return kVerbs;
}

// Takes --db, which may stand before or after the verb, out of `args`; false when it lacks its path.
bool TakeDatabaseOption(std::vector<std::string>& args, Args& global) {
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--db" || args[i].rfind("--db=", 0) == 0) {
      std::string value;
      if (args[i] == "--db") {
        if (i + 1 >= args.size()) return false;
        value = args[i + 1];
        args.erase(args.begin() + static_cast<long>(i), args.begin() + static_cast<long>(i) + 2);
      } else {
        value = args[i].substr(5);
        args.erase(args.begin() + static_cast<long>(i));
      }
      global.options.emplace_back("--db", value);
      --i;
    }
  }
  return true;
}

}  // namespace

int Run(const std::vector<std::string>& raw, const Environment& env) {
  std::vector<std::string> args = raw;
  Args global;
  if (!TakeDatabaseOption(args, global)) {
    *env.err << "shoebox: --db needs a path\n";
    return kExitUsage;
  }
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    PrintHelp(args.empty() ? *env.err : *env.out);
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (args[0] == "--version") {
    *env.out << "shoebox 0.1.0\n";
    return kExitOk;
  }
  const Verb* verb = nullptr;
  for (const Verb& candidate : Verbs()) {
    if (candidate.name == args[0]) verb = &candidate;
  }
  if (verb == nullptr) {
    *env.err << "shoebox: '" << args[0] << "' is not a verb";
    for (const Verb& candidate : Verbs()) {
      if (EditDistance(candidate.name, args[0]) <= 2) {
        *env.err << "; did you mean '" << candidate.name << "'?";
        break;
      }
    }
    *env.err << " (shoebox --help lists them)\n";
    return kExitUsage;
  }
  Args parsed = global;
  bool only_positional = false;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (only_positional || arg.rfind("--", 0) != 0) {
      parsed.positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_positional = true;
      continue;
    }
    std::string name = arg, value;
    if (auto eq = arg.find('='); eq != std::string::npos) name = arg.substr(0, eq), value = arg.substr(eq + 1);
    bool takes_value = std::find(verb->value_options.begin(), verb->value_options.end(), name) != verb->value_options.end();
    bool is_flag = std::find(verb->flag_options.begin(), verb->flag_options.end(), name) != verb->flag_options.end();
    if (!takes_value && !is_flag) {
      *env.err << "shoebox " << verb->name << ": unknown option " << name << " (usage: shoebox " << verb->usage << ")\n";
      return kExitUsage;
    }
    if (takes_value && value.empty()) {
      if (i + 1 >= args.size()) {
        *env.err << "shoebox " << verb->name << ": " << name << " needs a value\n";
        return kExitUsage;
      }
      value = args[++i];
    }
    parsed.options.emplace_back(name, value);
  }
  return verb->run(parsed, env);
}

namespace {

std::atomic<bool> g_stop_requested{false};

void RequestStop(int) { g_stop_requested.store(true); }

}  // namespace

int Run(int argc, char** argv) {
  // The first Ctrl-C or SIGTERM asks the running verb to finish cleanly; a second one ends the
  // process at once (SA_RESETHAND). The database stays consistent either way: each source is one
  // transaction.
  struct sigaction action {};
  action.sa_handler = RequestStop;
  action.sa_flags = SA_RESETHAND;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);  // no SA_RESTART: a waiting poll() returns at once
  sigaction(SIGTERM, &action, nullptr);
  std::ios::sync_with_stdio(true);
  std::cout.imbue(std::locale::classic());
  std::cerr.imbue(std::locale::classic());
  Environment env{&std::cout, &std::cerr, static_cast<bool>(::isatty(STDERR_FILENO)), ""};
  if (const char* db = std::getenv("SHOEBOX_DB")) env.default_db = db;
  env.stop = &g_stop_requested;
  return Run(std::vector<std::string>(argv + 1, argv + argc), env);
}

}  // namespace shoebox::cli
