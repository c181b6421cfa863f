#include "cli/cli.hpp"
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

struct Verb {
  std::string_view name;
  std::string_view usage;
  std::string_view summary;
  std::vector<std::string_view> value_options;  // options that take a value
  std::vector<std::string_view> flag_options;
  std::function<int(const Args&, const Environment&)> run;
};

const std::vector<Verb>& Verbs();

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
      {"scan",
       "scan PATH... [--force] [--jobs N] [--dpi N] [--file-timeout SECONDS] [--keep-intermediates DIR] [--today DATE] "
       "[--no-progress]",
       "read files and folders (recursively) into the database; files already there are skipped",
       {"--jobs", "--dpi", "--file-timeout", "--keep-intermediates", "--today"}, {"--force", "--no-progress"}, Scan},
      {"watch",
       "watch DIR [--archive DIR] [--settle SECONDS] [--jobs N] [--dpi N] [--file-timeout SECONDS] [--today DATE] "
       "[--keep-intermediates DIR]",
       "process what lands in DIR, now and later, once each file has stopped changing; Ctrl-C stops cleanly",
       {"--archive", "--settle", "--jobs", "--dpi", "--file-timeout", "--today", "--keep-intermediates"}, {}, Watch},
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
