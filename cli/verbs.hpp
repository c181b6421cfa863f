// The verbs' shared parts: the parsed arguments, opening the database, the dates, the runner's
// options; and each verb, defined in the file of its family (verbs_papers.cpp: scan, watch;
// verbs_reading.cpp: export, query, findings, show, accounts, episodes; verbs_acting.cpp: log,
// report, assistance; verbs_review.cpp: review, correct, confirm,
// rehearse; verbs_people.cpp: people). Only cli/ includes this.
#pragma once

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/cli.hpp"
#include "pipeline/analysis/people.hpp"
#include "pipeline/app/runner.hpp"
#include "pipeline/store/store.hpp"

namespace shoebox::cli {

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

std::string DatabasePath(const Args& args, const Environment& env);
// The closest of `names` to `typed` when it is a slip of at most two edits (a mistyped verb,
// option or database name); "" otherwise.
std::string Closest(std::string_view typed, const std::vector<std::string_view>& names);
// The database --db names (or the default), opened; nullptr once the reason it could not be is
// said. Only scan and watch make one: every other verb reads what was scanned, so a database that
// is not there (a slip in its name, another folder) is said to be missing, never made empty and
// reported as all clear.
std::unique_ptr<store::Database> CreateOrOpenDatabase(const Args& args, const Environment& env);
std::unique_ptr<store::Database> OpenDatabase(const Args& args, const Environment& env, store::Mode mode);
std::string UtcNow();
std::string LocalToday();
std::optional<std::string> DateOption(const std::string& date, const Environment& env, std::string_view verb,
                                      std::string_view option);
std::optional<std::string> Today(const Args& args, const Environment& env, std::string_view verb);
std::optional<int> ParsePositiveInt(const std::string& text);
// Dollars as typed by a person ("1,250", "$80.50") → cents; nullopt when it is not an amount.
std::optional<Cents> ParseDollars(std::string text);
std::optional<runner::Options> RunnerOptions(const Args& args, const Environment& env, std::string_view verb);

// The person --person names among the papers' people (verbs_people.cpp); nullopt where the option
// is not given, or, with `code` set, where no paper names them (said).
std::optional<findings::Person> PersonOption(const Args& args, const Environment& env, store::Database& db,
                                             const std::vector<StoredDocument>& documents, std::string_view verb,
                                             int& code);

int Scan(const Args& args, const Environment& env);
int Watch(const Args& args, const Environment& env);
int Export(const Args& args, const Environment& env);
int Query(const Args& args, const Environment& env);
int ShowFindings(const Args& args, const Environment& env);
int Show(const Args& args, const Environment& env);
int ShowAccounts(const Args& args, const Environment& env);
int ShowEpisodes(const Args& args, const Environment& env);
int Log(const Args& args, const Environment& env);
int Report(const Args& args, const Environment& env);
int Review(const Args& args, const Environment& env);
int Assistance(const Args& args, const Environment& env);
int Rehearse(const Args& args, const Environment& env);
int People(const Args& args, const Environment& env);
int Correct(const Args& args, const Environment& env);
int Confirm(const Args& args, const Environment& env);

}  // namespace shoebox::cli
