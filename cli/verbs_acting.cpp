// log and report: what the person did, and what to do next.
#include "cli/verbs.hpp"

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

}  // namespace

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

int Report(const Args& args, const Environment& env) {
  auto today = Today(args, env, "report");
  if (!today) return kExitUsage;
  report::Options options;
  options.out_dir = args.Get("--out").value_or("shoebox-report");
  options.account = args.Get("--account").value_or("");
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
