// What eval's parts share: the misses list and the findings score.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <string>

namespace eval {

using Json = nlohmann::ordered_json;

// Where the misses are listed (eval --misses), and the file being scored.
extern std::ostream* g_misses;
extern std::string g_current_file;
void NoteMiss(const std::string& what, const Json& expected, const Json& got);

// Findings: (episode, rule) pairs expected by the generator against those the export raises; a
// finding belongs to every episode whose files it names. With `only`, the episodes scored are
// those it names (one split's).
Json ScoreFindings(const Json& manifest, const Json& exported, const std::map<std::string, std::string>& episode_of_document,
                   const std::map<std::string, std::string>& paper_of_document, const std::set<std::string>* only = nullptr);

}  // namespace eval
