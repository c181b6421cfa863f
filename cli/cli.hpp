// The command line: verbs in one table (cli.cpp: name, arguments, summary, options, function) that
// CLI11 parses by and the help, man page and completion are written from; main() only calls Run. Every verb is
// reachable in-process with its own streams so tests pin stdout, stderr and the exit code.
#pragma once

#include <atomic>
#include <iosfwd>
#include <string>
#include <vector>

namespace shoebox::cli {

// Exit codes (DESIGN.md): the one table.
enum ExitCode : int {
  kExitOk = 0,
  kExitUsage = 1,
  kExitInputFailed = 2,  // some inputs failed; each named with its reason and recorded
  kExitDatabase = 3,
  kExitInterrupted = 130,  // scan stopped by Ctrl-C or SIGTERM (the shell's 128 + SIGINT); run again to go on
};

struct Environment {
  std::ostream* out;
  std::ostream* err;
  bool err_is_terminal = false;
  std::string default_db;  // SHOEBOX_DB, or empty for ./shoebox.db
  const std::atomic<bool>* stop = nullptr;  // set by Ctrl-C / SIGTERM: long verbs finish cleanly
  std::istream* in = nullptr;               // what the person types (review --step); none: nothing
};

int Run(const std::vector<std::string>& args, const Environment& env);

int Run(int argc, char** argv);

}  // namespace shoebox::cli
