// Runs the CLI in-process with its own streams, as the CLI tests drive it.
#pragma once

#include <atomic>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"

namespace shoebox::testing {

struct Outcome {
  int code;
  std::string out, err;
};

// `typed`: what the person types, line by line; `stop`: a Ctrl-C already given, where set.
inline Outcome RunCli(const std::vector<std::string>& args, const std::atomic<bool>* stop = nullptr,
                      const std::string& typed = "") {
  std::ostringstream out, err;
  std::istringstream in(typed);
  cli::Environment env{&out, &err, false, "", stop};
  env.in = &in;
  int code = cli::Run(args, env);
  return {code, out.str(), err.str()};
}

}  // namespace shoebox::testing
