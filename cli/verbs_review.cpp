// review, correct and confirm: the person looks at the paper and says what it says. A correction
// is kept beside what was read, and the findings are said again at once.
#include <iostream>
#include <string>

#include "cli/verbs.hpp"
#include "pipeline/analysis/corrections.hpp"
#include "pipeline/analysis/findings.hpp"
#include "pipeline/app/runner.hpp"
#include "pipeline/present/rehearsal.hpp"
#include "pipeline/present/review.hpp"
#include "pipeline/present/show.hpp"

namespace shoebox::cli {
namespace {

// The one document `wanted` names (its file, or its id's first characters), as read (a correction
// keeps what was read and the paper's keys as read), or nullopt once why not is said.
std::optional<StoredDocument> OneDocument(store::Database& db, const std::string& wanted, const Environment& env,
                                          std::string_view verb) {
  auto found = show::FindDocuments(db, wanted);
  if (!found) {
    *env.err << found.error().message << '\n';
    return std::nullopt;
  }
  if (found->size() != 1) {
    *env.err << "shoebox " << verb << ": "
             << (found->empty() ? "no document is '" + wanted + "'" : "'" + wanted + "' names several documents")
             << " (shoebox show " << wanted << " lists them)\n";
    return std::nullopt;
  }
  auto document = db.LoadDocument(found->front().document_id);
  if (!document || !*document) {
    *env.err << (document ? "shoebox " + std::string(verb) + ": the document is gone" : document.error().message) << '\n';
    return std::nullopt;
  }
  return std::move(**document);
}

// Stores what the person said of one reading and says the findings again; the exit status.
int Say(store::Database& db, const StoredDocument& document, const std::string& target,
        const std::optional<std::string>& value, const std::string& today, const Environment& env,
        std::string_view verb) {
  auto correction = findings::MakeCorrection(document, target, value, today);
  if (!correction) {
    *env.err << "shoebox " << verb << ": " << correction.error().message << '\n';
    return kExitUsage;
  }
  auto added = db.AddCorrection(*correction);
  if (!added) {
    *env.err << added.error().message << '\n';
    return kExitDatabase;
  }
  auto found = runner::RefreshFindings(db, today);
  if (!found) {
    *env.err << found.error().message << '\n';
    return kExitDatabase;
  }
  std::string read = correction->read_value.empty() ? "nothing" : correction->read_value;
  std::string now = findings::ShownValue(findings::LoadCorrected(db, document.id).value().value().document, target);
  *env.err << (value ? "corrected " + target + ": read as " + read + ", now " + now
                     : "confirmed " + target + " as read: " + read)
           << " (kept beside the reading; shoebox show " << document.id.substr(0, 8) << "); " << *found
           << " finding(s) now (shoebox findings)\n";
  return kExitOk;
}

}  // namespace

namespace {

// correct DOC FIELD VALUE and confirm DOC FIELD: the person's word on one reading.
int SayOfOne(const Args& args, const Environment& env, std::string_view verb, bool with_value, const char* usage) {
  if (args.positional.size() != (with_value ? 3u : 2u)) {
    *env.err << "shoebox " << verb << ": " << usage << '\n';
    return kExitUsage;
  }
  auto today = Today(args, env, verb);
  if (!today) return kExitUsage;
  auto db = OpenDatabase(args, env, store::Mode::kReadWrite);
  if (!db) return kExitDatabase;
  auto document = OneDocument(*db, args.positional[0], env, verb);
  if (!document) return kExitUsage;
  std::optional<std::string> value = with_value ? std::optional<std::string>(args.positional[2]) : std::nullopt;
  return Say(*db, *document, args.positional[1], value, *today, env, verb);
}

}  // namespace

int Correct(const Args& args, const Environment& env) {
  return SayOfOne(args, env, "correct", true,
                  "say the document, the field and its value (correct 3f9a amount_due_cents 136.82; "
                  "\"claim 1 plan_paid_cents\" for a claim's figure)");
}

int Confirm(const Args& args, const Environment& env) {
  return SayOfOne(args, env, "confirm", false, "say the document and the field (confirm 3f9a amount_due_cents)");
}

int Review(const Args& args, const Environment& env) {
  auto today = Today(args, env, "review");
  if (!today) return kExitUsage;
  bool step = args.Has("--step");
  auto db = OpenDatabase(args, env, step ? store::Mode::kReadWrite : store::Mode::kReadOnly);
  if (!db) return kExitDatabase;
  auto items = review::Items(*db, args.Get("--crops").value_or(""));
  if (!items) {
    *env.err << items.error().message << '\n';
    return kExitDatabase;
  }
  if (items->empty()) {
    *env.out << "Nothing to review: every figure a finding rests on, and every amount and date, was read surely "
                "or has been checked by you.\n";
    return kExitOk;
  }
  *env.out << items->size() << " figure(s) to look at on the paper, most important first:\n";
  for (size_t i = 0; i < items->size(); ++i) {
    const review::Item& item = (*items)[i];
    std::string id = item.document_id.substr(0, 8);
    *env.out << "\n" << i + 1 << ". " << findings::FieldWords(item.target) << ": " << item.value << " (read "
             << review::Percent(item.confidence)
             << " sure), " << item.path << " page " << item.page << "\n   why: " << item.why << "\n";
    if (!item.crop.empty()) *env.out << "   see: " << item.crop << "\n";
    *env.out << "   right? shoebox confirm " << id << " " << item.target << "\n   wrong? shoebox correct " << id
             << " " << item.target << " VALUE\n";
    if (!step || env.in == nullptr) continue;
    *env.out << "   Enter if right, the paper's value if not, s to skip, q to stop: " << std::flush;
    std::string typed;
    if (!std::getline(*env.in, typed) || typed == "q") break;
    if (typed == "s") continue;
    auto document = db->LoadDocument(item.document_id);
    if (!document || !*document) continue;
    std::optional<std::string> value = typed.empty() ? std::nullopt : std::optional<std::string>(typed);
    if (int said = Say(*db, **document, item.target, value, *today, env, "review"); said == kExitDatabase) return said;
  }
  return kExitOk;
}

int Rehearse(const Args& args, const Environment& env) {
  auto account = args.Get("--account");
  std::string mode = args.Get("--mode").value_or("normal");
  if (!account || (mode != "normal" && mode != "hard")) {
    *env.err << "shoebox rehearse: say which account (--account NUMBER, as shoebox accounts lists them), and "
                "--mode normal or hard\n";
    return kExitUsage;
  }
  auto today = Today(args, env, "rehearse");
  if (!today) return kExitUsage;
  bool save = args.Has("--save");
  auto db = OpenDatabase(args, env, save ? store::Mode::kReadWrite : store::Mode::kReadOnly);
  if (!db) return kExitDatabase;
  auto facts = rehearsal::FactsOf(*db, *account);
  if (!facts) {
    *env.err << "shoebox rehearse: " << facts.error().message << '\n';
    return kExitUsage;
  }
  rehearsal::Call call(*facts, mode == "hard" ? rehearsal::Mode::kHard : rehearsal::Mode::kNormal);
  std::ostream& out = *env.out;
  out << "A practice call about " << facts->provider << " account " << facts->account_number << " (" << mode
      << "). Type what you would say; \"bye\" ends the call.\n";
  for (const std::string& finding : facts->findings) out << "  On the paperwork: " << finding << "\n";
  out << "\nRep: " << call.Opening() << "\n";
  std::string line;
  while (env.in != nullptr && (out << "You: " << std::flush, std::getline(*env.in, line))) {
    if (line.empty()) continue;
    rehearsal::Call::Exchange exchange = call.Say(line);
    out << "Rep: " << exchange.rep << "\n";
    for (const std::string& coaching : exchange.coaching) out << "  Coach: " << coaching << "\n";
    if (exchange.ended) break;
  }
  out << "\nHow it went\n";
  for (const std::string& well : call.WentWell()) out << "  + " << well << "\n";
  for (const std::string& better : call.SayDifferently()) out << "  - " << better << "\n";
  if (save && call.Offered()) {
    Note note;
    note.kind = NoteKind::kNote;
    note.account_number = facts->account_number;
    note.noted_on = *today;
    note.text = "practised counter-offer: " + findings::Money(*call.Offered());
    if (auto added = (*db).AddNote(note); !added) {
      *env.err << added.error().message << '\n';
      return kExitDatabase;
    }
    out << "Saved to the log: " << note.text << " (shoebox log)\n";
  }
  return kExitOk;
}

}  // namespace shoebox::cli
