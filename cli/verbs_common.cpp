// The verbs' shared parts (verbs.hpp).
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

#include "pipeline/core/dates.hpp"
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

std::string DatabasePath(const Args& args, const Environment& env) {
  if (auto db = args.Get("--db")) return *db;
  return env.default_db.empty() ? "shoebox.db" : env.default_db;
}

std::unique_ptr<store::Database> CreateOrOpenDatabase(const Args& args, const Environment& env) {
  auto db = store::Database::Open(DatabasePath(args, env), store::Mode::kReadWrite);
  if (!db) {
    *env.err << db.error().message << '\n';
    return nullptr;
  }
  return std::move(db).value();
}

std::string Closest(std::string_view typed, const std::vector<std::string_view>& names) {
  std::string best;
  size_t best_distance = 3;  // more than two edits apart is another word, not a slip
  for (std::string_view name : names) {
    size_t distance = EditDistance(name, typed);
    if (distance < best_distance) best_distance = distance, best = name;
  }
  return best;
}

namespace {

// A database beside the one named that its name is likely a slip of (one letter off, another
// extension), or the only one there: "" when there is none.
std::string LikelyMeant(const std::filesystem::path& named, const Environment& env) {
  namespace fs = std::filesystem;
  fs::path folder = named.has_parent_path() ? named.parent_path() : fs::path(".");
  std::vector<fs::path> databases;
  std::error_code error;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    if (it->path().extension() == ".db" && it->is_regular_file(error)) databases.push_back(it->path());
  }
  std::string fallback = env.default_db.empty() ? "shoebox.db" : env.default_db;
  if (fs::path(fallback) != named && fs::is_regular_file(fallback, error)) databases.emplace_back(fallback);
  std::vector<std::string> names;
  for (const fs::path& candidate : databases) names.push_back(candidate.filename().string());
  std::string best;
  std::string closest = Closest(named.filename().string(), std::vector<std::string_view>(names.begin(), names.end()));
  for (size_t i = 0; i < names.size() && best.empty(); ++i) {
    if (!closest.empty() && names[i] == closest) best = databases[i].string();
  }
  if (best.empty() && databases.size() == 1) best = databases.front().string();
  if (best.rfind("./", 0) == 0 && !named.has_parent_path()) best.erase(0, 2);
  return best;
}

}  // namespace

std::unique_ptr<store::Database> OpenDatabase(const Args& args, const Environment& env, store::Mode mode) {
  std::string path = DatabasePath(args, env);
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    std::string meant = LikelyMeant(path, env);
    *env.err << "shoebox: no database at " << path << (meant.empty() ? "" : " (did you mean " + meant + "?)")
             << ": scan your papers first (shoebox scan FOLDER" << (args.Has("--db") ? " --db " + path : "") << ")\n";
    return nullptr;
  }
  auto db = store::Database::Open(path, mode);
  if (!db) {
    *env.err << db.error().message << '\n';
    return nullptr;
  }
  return std::move(db).value();
}

namespace {

// The clock, the one place the verbs read it: now in `format`, in UTC or the local time zone.
std::string Now(const char* format, bool utc) {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  utc ? gmtime_r(&now, &tm) : localtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, format, &tm);
  return buffer;
}

}  // namespace

std::string UtcNow() { return Now("%Y-%m-%dT%H:%M:%SZ", true); }

std::string LocalToday() { return Now("%Y-%m-%d", false); }

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
  if (!IsValidDate(std::stoi(date.substr(0, 4)), std::stoi(date.substr(5, 2)), std::stoi(date.substr(8, 2)))) {
    *env.err << "shoebox " << verb << ": " << option << " " << date << " is not a day of the calendar\n";
    return std::nullopt;
  }
  return date;
}

// --today DATE (YYYY-MM-DD), or the system date: deadlines are computed against it.
std::optional<std::string> Today(const Args& args, const Environment& env, std::string_view verb) {
  auto given = args.Get("--today");
  if (!given) return LocalToday();
  return DateOption(*given, env, verb, "--today");
}

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
    if (!MakePrivateDirectory(*dir)) {
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
  if (auto seconds = args.Get("--file-timeout")) {
    constexpr int kWeek = 7 * 24 * 3600;
    auto n = ParsePositiveInt(*seconds);
    if (!n || *n > kWeek) {
      *env.err << "shoebox " << verb << ": --file-timeout takes a number of seconds from 1 to " << kWeek << '\n';
      return std::nullopt;
    }
    options.file_timeout = std::chrono::seconds(*n);
  }
  return options;
}

}  // namespace shoebox::cli
