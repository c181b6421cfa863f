#include "cli/cli.hpp"
#include "cli/verbs.hpp"

#include <signal.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <locale>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/app/stages.hpp"

namespace shoebox::cli {
namespace {

// One option of a verb: its name, the kind of value it takes ("" for a flag), what it does.
struct OptionSpec {
  std::string_view name;
  std::string_view value;
  std::string_view help;
};

// The one place a verb is declared: its name, what it takes besides options, what it does, its
// options, and the function that runs it. Parsing, --help, the usage lines and the suggestions for
// a mistyped verb or option all come from this table.
struct Verb {
  std::string_view name;
  OptionSpec arguments;  // what it takes besides options: as in its usage, its name in help, what it is
  std::string_view summary;
  std::vector<OptionSpec> options;
  std::function<int(const Args&, const Environment&)> run;

  std::string Usage() const {
    std::string usage(name);
    if (!arguments.name.empty()) usage += " " + std::string(arguments.name);
    for (const OptionSpec& option : options) {
      usage += " [" + std::string(option.name) + (option.value.empty() ? "" : " " + std::string(option.value)) + "]";
    }
    return usage;
  }
};

const std::vector<Verb>& Verbs();

int ListStages(const Args&, const Environment& env) {
  for (const StageInfo& stage : Stages())
    *env.out << stage.name << std::string(10 - stage.name.size(), ' ') << stage.summary << '\n';
  return kExitOk;
}

void PrintHelp(std::ostream& out) {
  out << "usage: shoebox [--db PATH] VERB [ARGS]\n\n"
         "Reads photographed and scanned medical bills, EOBs and collection letters into SQLite.\n\nverbs:\n";
  for (const Verb& verb : Verbs()) out << "  " << verb.Usage() << "\n      " << verb.summary << '\n';
  out << "\nThe database is ./shoebox.db unless --db or SHOEBOX_DB says otherwise; it is created with mode 0600.\n"
         "shoebox VERB --help says what each option of a verb does.\n"
         "Exit codes: 0 all done; 1 usage; 2 some inputs failed (each named); 3 database error.\n";
}

constexpr std::string_view kToday = "count deadlines from this day (YYYY-MM-DD; default: today)";
constexpr std::string_view kJobs = "files read at once (default: one per core)";
constexpr std::string_view kDpi = "resolution PDF pages without text are rendered at (72-1200; default 300)";
constexpr std::string_view kFileTimeout = "give up on a file still being read after this long (default 600)";
constexpr std::string_view kIntermediates = "write each OCR page's image after every step into DIR";
constexpr std::string_view kJson = "print JSON instead of text";
constexpr std::string_view kPerson = "only this person's (as shoebox people names them)";

// Long because it is the table itself: one entry per verb, one line per option.
const std::vector<Verb>& Verbs() {
  static const std::vector<Verb> kVerbs = {
      {"scan",
       {"PATH...", "PATH", "files and folders to read"},
       "read files and folders (recursively) into the database; files already there are skipped",
       {{"--force", "", "read files again that are already in the database"},
        {"--jobs", "N", kJobs},
        {"--dpi", "N", kDpi},
        {"--file-timeout", "SECONDS", kFileTimeout},
        {"--keep-intermediates", "DIR", kIntermediates},
        {"--today", "DATE", kToday},
        {"--no-progress", "", "no progress line on the terminal"}},
       Scan},
      {"watch",
       {"DIR", "DIR", "the folder to watch"},
       "process what lands in DIR, now and later, once each file has stopped changing; Ctrl-C stops cleanly",
       {{"--archive", "DIR",
         "move each file into DIR once the database holds it (same relative path, never over a file)"},
        {"--settle", "SECONDS", "how long a file must stay unchanged before it is read (default 2)"},
        {"--jobs", "N", kJobs},
        {"--dpi", "N", kDpi},
        {"--file-timeout", "SECONDS", kFileTimeout},
        {"--today", "DATE", kToday},
        {"--keep-intermediates", "DIR", kIntermediates}},
       Watch},
      {"findings",
       {},
       "start here: what not to pay yet and why, most urgent first",
       {{"--today", "DATE", kToday}, {"--json", "", kJson}, {"--person", "NAME", kPerson}},
       ShowFindings},
      {"accounts",
       {},
       "every statement of each provider account in date order, with the balances, and each person's plan year",
       {{"--json", "", kJson}, {"--person", "NAME", kPerson}},
       ShowAccounts},
      {"episodes",
       {},
       "each visit's bills, plan claims and letters together, and what is still missing",
       {{"--json", "", kJson}, {"--person", "NAME", kPerson}},
       ShowEpisodes},
      {"report",
       {},
       "an HTML page per account to read, print and take to the phone: timeline, evidence, call sheet, letters",
       {{"--account", "NUMBER", "only this account"},
        {"--person", "NAME", "only the accounts and findings of the papers that name this person (shoebox people)"},
        {"--out", "DIR", "the folder to write into (default ./shoebox-report)"},
        {"--today", "DATE", kToday}},
       Report},
      {"log",
       {"[call|payment|agreement|note|undo]", "KIND",
        "what to log: a call, a payment, an agreement in writing, a note; or undo and an entry's number"},
       "keep a record of calls, payments and written agreements; an agreement settles the account's findings; "
       "without arguments, the record so far with each entry's number and what each agreement leaves",
       {{"--account", "NUMBER", "the account it is about (needed to log)"},
        {"--date", "DATE", "when it happened (YYYY-MM-DD; default: today)"},
        {"--amount", "DOLLARS", "what was paid, or agreed to pay in full settlement"},
        {"--rep", "NAME", "whom you spoke to"},
        {"--reference", "REF", "the call's or agreement's reference number"},
        {"--text", "TEXT", "what was said or agreed"},
        {"--today", "DATE", kToday}},
       Log},
      {"assistance",
       {},
       "a pre-screen for hospitals' financial assistance (charity care): your household's income against the "
       "federal poverty guideline, and how long each hospital account has left to apply",
       {{"--household", "PEOPLE", "how many people live in your household (kept in the database, never in a log)"},
        {"--income", "DOLLARS", "the household's yearly income before tax"},
        {"--state", "XX", "your state, two letters (Alaska and Hawaii have their own guidelines)"},
        {"--today", "DATE", kToday}},
       Assistance},
      {"rehearse",
       {},
       "practise the call with a scripted billing rep who knows the account's numbers, coached after every "
       "exchange; \"bye\" ends it with what went well and what to say differently",
       {{"--account", "NUMBER", "the account to call about (as shoebox accounts lists them)"},
        {"--mode", "MODE", "normal, or hard: a rep who pushes back until you use the paperwork's evidence"},
        {"--save", "", "save the counter-offer you practised to the log"},
        {"--today", "DATE", kToday}},
       Rehearse},
      {"people",
       {"[merge|rename]", "WHAT", "merge NAME OTHER: OTHER is NAME (a nickname, a misreading); rename NAME NEW"},
       "everyone the papers name (patients, guarantors, plan members) with their papers and plan year; the same "
       "person printed two ways can be merged, and anyone renamed",
       {},
       People},
      {"review",
       {},
       "the figures to look at on the paper, most important first: those the findings rest on, then any read "
       "less than surely; each with where it is and the command that confirms or corrects it",
       {{"--crops", "DIR", "write a picture of each figure on its page into DIR (mode 0600)"},
        {"--step", "", "go through them one by one: Enter if right, the paper's value if not"},
        {"--today", "DATE", kToday}},
       Review},
      {"correct",
       {"DOC FIELD VALUE", "DOC",
        "the document, the field (\"claim N FIELD\", \"claim N line M FIELD\", \"line N FIELD\" for a claim's, a "
        "claim line's, a line item's), what the paper says"},
       "say what the paper says where it was read wrong: kept beside the reading, on every copy of the paper, "
       "and the findings said again",
       {{"--today", "DATE", kToday}},
       Correct},
      {"confirm",
       {"DOC FIELD", "DOC", "the document and the field you checked on the paper"},
       "say a figure was read right: it counts as sure from now on",
       {{"--today", "DATE", kToday}},
       Confirm},
      {"show",
       {"DOC", "DOC", "the document: its file, or its id or the first characters of it"},
       "one document: its fields with where they were read, line items, claims, checks, matches and findings",
       {{"--json", "", kJson}},
       Show},
      {"export",
       {},
       "everything the database knows: shoebox-export/1 JSON, or CSV tables for a spreadsheet",
       {{"--json", "", "write the JSON export"},
        {"--out", "FILE", "write the JSON to FILE instead of the terminal"},
        {"--csv", "DIR",
         "write documents, line items, claims, claim lines, findings and checks as CSV files into DIR"}},
       Export},
      {"query",
       {"SQL", "SQL", "one read-only SQL statement"},
       "run one read-only SQL statement against the database",
       {{"--json", "", kJson}, {"--csv", "", "print CSV instead of a table"}},
       Query},
      {"stages", {}, "list the pipeline's stages", {}, ListStages},
  };
  return kVerbs;
}

// Text for roff: backslashes and hyphens escaped, no line starting with a control character.
std::string Roff(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

// shoebox(1), from the verb table (written at build time: build/shoebox.1).
void PrintManPage(std::ostream& out) {
  out << ".TH SHOEBOX 1 \"\" \"shoebox " SHOEBOX_VERSION "\" \"User Commands\"\n"
         ".SH NAME\nshoebox \\- read medical bills, EOBs and collection letters and say what not to pay yet\n"
         ".SH SYNOPSIS\n.B shoebox\n[\\-\\-db PATH] VERB [ARGS]\n"
         ".SH DESCRIPTION\nReads photographed and scanned hospital bills, insurance Explanations of Benefits, "
         "Medicare Summary Notices and collection letters into a SQLite database, cross-matches them and says "
         "what not to pay yet and why. Everything runs on this machine: no network; the database and reports "
         "are created with mode 0600.\n"
         ".SH VERBS\n";
  for (const Verb& verb : Verbs()) {
    out << ".TP\n.B " << Roff(verb.name) << (verb.arguments.name.empty() ? "" : " " + Roff(verb.arguments.name)) << '\n'
        << Roff(verb.summary) << ".\n";
    if (verb.options.empty()) continue;
    out << ".RS\n";
    for (const OptionSpec& option : verb.options) {
      out << ".TP\n.B " << Roff(option.name) << (option.value.empty() ? "" : " \\fI" + Roff(option.value) + "\\fR")
          << '\n'
          << Roff(option.help) << '\n';
    }
    out << ".RE\n";
  }
  out << ".SH ENVIRONMENT\n.TP\n.B SHOEBOX_DB\nthe database when \\-\\-db is not given (default ./shoebox.db)\n"
         ".SH EXIT STATUS\n0 all done; 1 usage; 2 some inputs failed (each named); 3 database error; "
         "130 stopped by Ctrl\\-C (run the same command again to go on).\n";
}

// Bash completion of verbs, their options and, where a verb takes paths, files (written at build
// time: build/shoebox.bash-completion).
void PrintBashCompletion(std::ostream& out) {
  std::string verbs;
  for (const Verb& verb : Verbs()) verbs += (verbs.empty() ? "" : " ") + std::string(verb.name);
  out << "# bash completion for shoebox, generated from its verb table\n"
         "_shoebox() {\n"
         "  local cur=${COMP_WORDS[COMP_CWORD]} verb= i\n"
         "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
         "    case ${COMP_WORDS[i]} in --db) ((i++)) ;; -*) ;; *) verb=${COMP_WORDS[i]}; break ;; esac\n"
         "  done\n"
         "  if [[ ${COMP_WORDS[COMP_CWORD-1]} == --db ]]; then COMPREPLY=($(compgen -f -- \"$cur\")); return; fi\n"
         "  case $verb in\n"
         "    '') COMPREPLY=($(compgen -W '"
      << verbs << " --db --help --version' -- \"$cur\")) ;;\n";
  auto is_path = [](std::string_view value) { return value == "PATH" || value == "DIR" || value == "FILE"; };
  for (const Verb& verb : Verbs()) {
    std::string words = "--help --db", path_options;
    for (const OptionSpec& option : verb.options) {
      words += " " + std::string(option.name);
      if (is_path(option.value)) path_options += (path_options.empty() ? "" : "|") + std::string(option.name);
    }
    std::string_view arguments = verb.arguments.name;
    if (arguments.starts_with('[') && arguments.find('|') != std::string_view::npos) {  // one of these words
      std::string choices(arguments.substr(1, arguments.size() - 2));
      std::replace(choices.begin(), choices.end(), '|', ' ');
      words += " " + choices;
    }
    out << "    " << verb.name << ")";
    if (!path_options.empty()) {
      out << " case ${COMP_WORDS[COMP_CWORD-1]} in " << path_options
          << ") COMPREPLY=($(compgen -f -- \"$cur\")); return ;; esac;";
    }
    out << " COMPREPLY=($(compgen -W '" << words << "' -- \"$cur\"))"
        << (is_path(verb.arguments.value) ? "; [[ $cur == -* ]] || COMPREPLY+=($(compgen -f -- \"$cur\"))" : "")
        << " ;;\n";
  }
  out << "  esac\n}\ncomplete -o filenames -F _shoebox shoebox\n";
}

// The parsed command line of one verb, as the verbs read it. CLI11 does the parsing and the help;
// what it leaves over (an option the verb does not have) is answered with the closest one.
class Parser {
 public:
  explicit Parser(const Verb& verb)
      : verb_(verb), app_(std::string(verb.summary), "shoebox " + std::string(verb.name)) {
    app_.set_help_flag("-h,--help", "say what this verb and its options do");
    app_.allow_extras();
    app_.add_option("--db", database_, "the database (default ./shoebox.db, or SHOEBOX_DB)")->type_name("PATH");
    if (!verb.arguments.name.empty()) {
      app_.add_option(std::string(verb.arguments.value), positional_, std::string(verb.arguments.help))->type_name("");
    }
    values_.resize(verb.options.size());
    for (size_t i = 0; i < verb.options.size(); ++i) {
      const OptionSpec& option = verb.options[i];
      if (option.value.empty()) {
        app_.add_flag(std::string(option.name))->description(std::string(option.help));
      } else {
        app_.add_option(std::string(option.name), values_[i], std::string(option.help))
            ->type_name(std::string(option.value));
      }
    }
  }

  // The arguments after the verb; nullopt (after printing the help, or what was wrong) when the verb
  // is not to run, with `code` set to what to exit with.
  std::optional<Args> Parse(std::vector<std::string> args, const Environment& env, int& code) {
    std::reverse(args.begin(), args.end());  // CLI11 takes them last first
    try {
      app_.parse(args);
    } catch (const CLI::CallForHelp&) {
      *env.out << app_.help();
      code = kExitOk;
      return std::nullopt;
    } catch (const CLI::ParseError& error) {
      *env.err << "shoebox " << verb_.name << ": " << error.what() << " (usage: shoebox " << verb_.Usage() << ")\n";
      code = kExitUsage;
      return std::nullopt;
    }
    for (const std::string& extra : app_.remaining()) {
      if (extra.rfind("-", 0) != 0) {
        *env.err << "shoebox " << verb_.name << ": " << extra << " is one argument too many (usage: shoebox "
                 << verb_.Usage() << ")\n";
        code = kExitUsage;
        return std::nullopt;
      }
      std::string name = extra.substr(0, extra.find('='));
      std::vector<std::string_view> names;
      for (const OptionSpec& option : verb_.options) names.push_back(option.name);
      std::string meant = Closest(name, names);
      *env.err << "shoebox " << verb_.name << ": unknown option " << name
               << (meant.empty() ? "" : "; did you mean " + meant + "?") << " (usage: shoebox " << verb_.Usage()
               << ")\n";
      code = kExitUsage;
      return std::nullopt;
    }
    Args parsed;
    parsed.positional = positional_;
    if (app_.count("--db") > 0) parsed.options.emplace_back("--db", database_);
    for (size_t i = 0; i < verb_.options.size(); ++i) {
      std::string name(verb_.options[i].name);
      if (app_.count(name) > 0) parsed.options.emplace_back(name, values_[i]);
    }
    return parsed;
  }

 private:
  const Verb& verb_;
  CLI::App app_;
  std::string database_;
  std::vector<std::string> positional_;
  std::vector<std::string> values_;  // one per option of the verb, flags' left empty
};

}  // namespace

int Run(const std::vector<std::string>& raw, const Environment& env) {
  // --db may stand before the verb as well as after it.
  std::vector<std::string> args = raw;
  std::vector<std::string> before_verb;
  while (!args.empty() && (args[0] == "--db" || args[0].rfind("--db=", 0) == 0)) {
    bool joined = args[0] != "--db";
    if (!joined && args.size() < 2) {
      *env.err << "shoebox: --db needs a path\n";
      return kExitUsage;
    }
    before_verb.insert(before_verb.end(), args.begin(), args.begin() + (joined ? 1 : 2));
    args.erase(args.begin(), args.begin() + (joined ? 1 : 2));
  }
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    PrintHelp(args.empty() ? *env.err : *env.out);
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (args[0] == "--man-page" || args[0] == "--bash-completion") {  // for the build, not listed in --help
    args[0] == "--man-page" ? PrintManPage(*env.out) : PrintBashCompletion(*env.out);
    return kExitOk;
  }
  if (args[0] == "--version") {
    *env.out << "shoebox " SHOEBOX_VERSION "\n";
    return kExitOk;
  }
  const Verb* verb = nullptr;
  std::vector<std::string_view> names;
  for (const Verb& candidate : Verbs()) {
    if (candidate.name == args[0]) verb = &candidate;
    names.push_back(candidate.name);
  }
  if (verb == nullptr) {
    std::string meant = Closest(args[0], names);
    *env.err << "shoebox: '" << args[0] << "' is not a verb" << (meant.empty() ? "" : "; did you mean '" + meant + "'?")
             << " (shoebox --help lists them)\n";
    return kExitUsage;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  rest.insert(rest.end(), before_verb.begin(), before_verb.end());
  int code = kExitOk;
  Parser parser(*verb);
  std::optional<Args> parsed = parser.Parse(std::move(rest), env, code);
  return parsed ? verb->run(*parsed, env) : code;
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
  env.in = &std::cin;
  return Run(std::vector<std::string>(argv + 1, argv + argc), env);
}

}  // namespace shoebox::cli
