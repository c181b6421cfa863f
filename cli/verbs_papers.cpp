// scan and watch: papers in.
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

int Scan(const Args& args, const Environment& env) {
  if (args.positional.empty()) {
    *env.err << "shoebox scan: give at least one file or folder\n";
    return kExitUsage;
  }
  std::optional<runner::Options> options = RunnerOptions(args, env, "scan");
  if (!options) return kExitUsage;
  auto today = Today(args, env, "scan");
  if (!today) return kExitUsage;
  auto db = CreateOrOpenDatabase(args, env);
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
           << summary->files_failed << " with errors; " << *found << " finding(s); see what to do: shoebox findings, or shoebox report --out DIR\n";
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
  std::error_code error;
  if (!std::filesystem::is_directory(args.positional[0], error)) {  // said before a database is made for it
    *env.err << "shoebox watch: " << args.positional[0] << " is not a folder\n";
    return kExitUsage;
  }
  auto db = CreateOrOpenDatabase(args, env);
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

}  // namespace shoebox::cli
