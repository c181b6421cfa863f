// log and report: what the person did, and what to do next.
#include "cli/verbs.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
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

#include "pipeline/core/dates.hpp"
#include "pipeline/core/text.hpp"
#include "pipeline/analysis/accounts.hpp"
#include "pipeline/analysis/analysis.hpp"
#include "pipeline/analysis/poverty.hpp"
#include "pipeline/present/export_json.hpp"
#include "pipeline/present/report.hpp"
#include "pipeline/present/show.hpp"
#include "pipeline/app/runner.hpp"
#include "pipeline/app/stages.hpp"
#include "pipeline/store/store.hpp"
#include "pipeline/app/watch.hpp"


namespace shoebox::cli {

// The record so far, each entry with its number (what log undo takes), and for each account with an
// agreement what was agreed, what was paid since and what is left.
int PrintRecord(store::Database& db, const Environment& env) {
  auto notes = db.LoadNotes();
  if (!notes) {
    *env.err << notes.error().message << '\n';
    return kExitDatabase;
  }
  if (notes->empty()) *env.out << "Nothing logged yet (shoebox log call --account NUMBER --rep NAME ...).\n";
  std::vector<std::string> agreed_accounts;
  for (const Note& note : *notes) {
    *env.out << '#' << note.id << "  " << note.noted_on << "  " << ToString(note.kind) << "  account "
             << note.account_number;
    if (note.amount_cents) *env.out << "  " << findings::Money(*note.amount_cents);
    if (!note.representative.empty()) *env.out << "  with " << note.representative;
    if (!note.reference.empty()) *env.out << "  ref " << note.reference;
    if (!note.text.empty()) *env.out << "  \"" << note.text << '"';
    *env.out << '\n';
    bool listed = std::any_of(agreed_accounts.begin(), agreed_accounts.end(), [&](const std::string& number) {
      return findings::Key(number) == findings::Key(note.account_number);
    });
    if (note.kind == NoteKind::kAgreement && !listed) agreed_accounts.push_back(note.account_number);
  }
  for (const std::string& account : agreed_accounts) {
    findings::Settlement settlement = findings::SettlementOf(account, *notes);
    if (settlement.agreement == nullptr) continue;
    *env.out << "account " << account << ": " << findings::SettlementWords(settlement) << '\n';
  }
  return kExitOk;
}

// log undo ID: takes an entry back (kept, counting for nothing), and the findings follow.
int UndoEntry(const Args& args, store::Database& db, const Environment& env, const std::string& today) {
  std::optional<int> id = args.positional.size() == 2 ? ParsePositiveInt(args.positional[1]) : std::nullopt;
  if (!id) {
    *env.err << "shoebox log undo: say which entry: its number, as shoebox log lists them (log undo 3)\n";
    return kExitUsage;
  }
  auto undone = db.UndoNote(*id, today);
  if (!undone) {
    *env.err << undone.error().message << '\n';
    return kExitDatabase;
  }
  if (!*undone) {
    *env.err << "shoebox log undo: no entry #" << *id << " stands in the record (shoebox log lists them)\n";
    return kExitUsage;
  }
  auto found = runner::RefreshFindings(db, today);
  if (!found) {
    *env.err << found.error().message << '\n';
    return kExitDatabase;
  }
  *env.err << "took back entry #" << *id << "; " << *found << " finding(s) now (shoebox findings)\n";
  return kExitOk;
}

// The account number as the papers print it, or nullopt after saying that none does (and which
// one was likely meant).
std::optional<std::string> KnownAccount(const std::string& typed, const std::vector<StoredDocument>& documents,
                                        const Environment& env) {
  std::vector<std::string> numbers = findings::PrintedAccountNumbers(documents);
  for (const std::string& number : numbers) {
    if (findings::Key(number) == findings::Key(typed)) return number;
  }
  std::string meant = Closest(typed, std::vector<std::string_view>(numbers.begin(), numbers.end()));
  *env.err << "shoebox log: no paper names account " << typed << (meant.empty() ? "" : "; did you mean " + meant + "?")
           << " (shoebox accounts lists them)\n";
  return std::nullopt;
}

// shoebox log: the person's own record, by account. Without a kind: the record so far.
int Log(const Args& args, const Environment& env) {
  auto db = OpenDatabase(args, env, store::Mode::kReadWrite);
  if (!db) return kExitDatabase;
  if (args.positional.empty()) return PrintRecord(*db, env);
  auto today = Today(args, env, "log");
  if (!today) return kExitUsage;
  if (args.positional[0] == "undo") return UndoEntry(args, *db, env, *today);
  Note note;
  std::optional<NoteKind> kind = args.positional.size() == 1 ? ParseNoteKind(args.positional[0]) : std::nullopt;
  if (!kind) {
    *env.err << "shoebox log: say what to log: call, payment, agreement or note (or undo an entry)\n";
    return kExitUsage;
  }
  note.kind = *kind;
  auto account = args.Get("--account");
  if (!account || account->empty()) {
    *env.err << "shoebox log: --account NUMBER says which account (shoebox accounts lists them)\n";
    return kExitUsage;
  }
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
  if ((note.kind == NoteKind::kPayment || note.kind == NoteKind::kAgreement) && !note.amount_cents) {
    *env.err << "shoebox log: " << (note.kind == NoteKind::kAgreement ? "an agreement" : "a payment") << " needs --amount\n";
    return kExitUsage;
  }
  // One analysis for the account's check and the findings after: the second update reads nothing again.
  findings::Analyser analyser;
  auto analysis = analyser.Update(*db);
  if (!analysis) {
    *env.err << analysis.error().message << '\n';
    return kExitDatabase;
  }
  auto printed = KnownAccount(*account, (*analysis)->documents, env);
  if (!printed) return kExitUsage;
  note.account_number = *printed;
  note.representative = args.Get("--rep").value_or("");
  note.reference = args.Get("--reference").value_or("");
  note.text = args.Get("--text").value_or("");
  if (auto added = db->AddNote(note); !added) {
    *env.err << added.error().message << '\n';
    return kExitDatabase;
  }
  auto found = runner::RefreshFindings(*db, *today, analyser);
  if (!found) {
    *env.err << found.error().message << '\n';
    return kExitDatabase;
  }
  *env.err << "logged the " << ToString(note.kind) << " for account " << note.account_number << "; " << *found
           << " finding(s) now (shoebox findings)\n";
  return kExitOk;
}

// The household given now (both --household and --income), stored; or the one given before; or
// nullopt, with kExitUsage in `code` where what was given is not a household.
std::optional<Household> GivenHousehold(const Args& args, const Environment& env, store::Database& db,
                                        const std::string& today, int& code) {
  auto size = args.Get("--household"), income = args.Get("--income"), state = args.Get("--state");
  if (!size && !income && !state) {
    auto stored = db.LoadHousehold();
    if (!stored) *env.err << stored.error().message << '\n', code = kExitDatabase;
    return stored ? *stored : std::nullopt;
  }
  std::optional<int> people = size ? ParsePositiveInt(*size) : std::nullopt;
  std::optional<Cents> cents = income ? ParseDollars(*income) : std::nullopt;
  std::string region = state.value_or("");
  std::transform(region.begin(), region.end(), region.begin(), [](unsigned char c) { return std::toupper(c); });
  bool letters = region.empty() || (region.size() == 2 && std::isalpha(static_cast<unsigned char>(region[0])) &&
                                    std::isalpha(static_cast<unsigned char>(region[1])));
  if (!people || *people > 30 || !cents || !letters) {
    *env.err << "shoebox assistance: give --household (the number of people, 1 to 30) and --income (the "
                "household's yearly income before tax, in dollars), and --state as two letters if you like\n";
    code = kExitUsage;
    return std::nullopt;
  }
  Household household{*people, *cents, region, today};
  if (auto saved = db.SaveHousehold(household); !saved) {
    *env.err << saved.error().message << '\n';
    code = kExitDatabase;
    return std::nullopt;
  }
  return household;
}

int Assistance(const Args& args, const Environment& env) {
  auto today = Today(args, env, "assistance");
  if (!today) return kExitUsage;
  auto db = OpenDatabase(args, env, store::Mode::kReadWrite);
  if (!db) return kExitDatabase;
  int code = kExitOk;
  std::optional<Household> household = GivenHousehold(args, env, *db, *today, code);
  if (code != kExitOk) return code;
  auto analysis = findings::Analyse(*db);
  if (!analysis) {
    *env.err << analysis.error().message << '\n';
    return kExitDatabase;
  }
  *env.out << "Financial assistance (charity care), as of " << *today << ":\n";
  if (!household) {
    *env.out << "Give your household to see where it stands: shoebox assistance --household PEOPLE --income "
                "DOLLARS [--state XX] (kept in the database, never in a log; give it again to change it).\n";
  }
  std::vector<findings::AssistanceWindow> windows = findings::AssistanceWindows(analysis->documents);
  if (windows.empty()) *env.out << "No hospital account among your papers.\n";
  for (const findings::AssistanceWindow& window : windows) {
    int days = DaysBetween(*today, window.closes);
    *env.out << "\n" << window.provider_name << ", account " << window.account_number
             << (window.due ? ", " + findings::Money(*window.due) + " due" : std::string()) << ": "
             << (days >= 0 ? "apply by " + window.closes + " (" + std::to_string(days) + " days left)"
                           : "the 240 days after the first statement ended " + window.closes + " (" +
                                 std::to_string(-days) + " days ago); ask anyway, many hospitals still consider "
                                 "an application, and some count from the latest statement")
             << ".\n";
    if (household) *env.out << "  " << findings::PreScreen(*household, std::stoi(window.first_statement.substr(0, 4))) << "\n";
  }
  *env.out << "\nThis is a pre-screen, not a promise: each hospital's own policy decides. Ask for the policy and "
              "its application in writing; enclose proof of income (recent pay stubs or last year's tax return) "
              "and say how many people live in your household.\n";
  return kExitOk;
}

int Report(const Args& args, const Environment& env) {
  auto today = Today(args, env, "report");
  if (!today) return kExitUsage;
  report::Options options;
  options.out_dir = args.Get("--out").value_or("shoebox-report");
  options.account = args.Get("--account").value_or("");
  options.person = args.Get("--person").value_or("");
  options.today = *today;
  auto db = OpenDatabase(args, env, store::Mode::kReadWrite);
  if (!db) return kExitDatabase;
  // The findings' own words count days to their deadlines: said for the report's day, as findings does.
  if (auto found = runner::RefreshFindings(*db, *today); !found) {
    *env.err << found.error().message << '\n';
    return kExitDatabase;
  }
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

}  // namespace shoebox::cli
