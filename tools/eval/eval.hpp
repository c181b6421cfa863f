// What eval's parts share: the misses list, the stored fields' score, the findings score and the
// score of paperwork that is not medical.
#pragma once

#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace eval {

using Json = nlohmann::ordered_json;

// Where the misses are listed (eval --misses), and the file being scored.
extern std::ostream* g_misses;
extern std::string g_current_file;
void NoteMiss(const std::string& what, const Json& expected, const Json& got);

// hits / total to four places, as the JSON report gives every share; null when total is 0.
Json Share(long long hits, long long total);

// A value read against the truth's: the same number, or the same text up to runs of spaces.
bool SameValue(const Json& truth, const Json& got);

// Fields as stored (stored_fields.cpp): of the values the export gives a document, how many are
// what the paper says, overall and by the confidence they were stored with (ten buckets of 0.1).
// A value the paper does not say at all is wrong, and noted as a miss.
struct StoredFields {
  static constexpr size_t kBuckets = 10;
  long long right = 0, stored = 0;
  std::array<long long, kBuckets> right_by_bucket{}, stored_by_bucket{};
  void Add(const Json& expected_fields, const Json& exported_fields);
  void Merge(const StoredFields& other);
  Json Precision() const;    // the share right, null when nothing was stored
  Json Calibration() const;  // [{"confidence": "0.9-1.0", "stored": n, "right": share}, …], non-empty buckets
};
// One line of a slice's precision and calibration ("stored fields, held_out: …").
void PrintCalibration(const std::string& slice, const Json& scores);

// Findings: (episode, rule) pairs expected by the generator against those the export raises; a
// finding belongs to every episode whose files it names. With `only`, the episodes scored are
// those it names (one split's).
Json ScoreFindings(const Json& manifest, const Json& exported, const std::map<std::string, std::string>& episode_of_document,
                   const std::map<std::string, std::string>& paper_of_document, const std::set<std::string>* only = nullptr);

// Paperwork that is not medical (findings_score.cpp): a truth file of no episode whose documents
// are all `other` (a receipt, an invoice, an agreement). Nothing may be raised on it, and a file of
// several pages should stay one document.
struct NotMedical {
  std::set<std::string> documents;  // the export's ids of the documents read from such files
  long long files_of_several_pages = 0, their_documents = 0;
  static bool Is(const Json& truth);
  void Add(const Json& truth, const std::vector<const Json*>& exported_documents);
  Json Score(const Json& exported) const;  // {documents, findings, files_of_several_pages, documents_per_file}
};

// Stored document fields that a fax's transmission header says and the document does not (its
// date, its fax numbers, its station's name), each noted as a miss: the header is the sending
// machine's, no part of the paper, and must never become a field.
int FieldsFromFaxHeader(const Json& truth, const std::vector<const Json*>& exported);

}  // namespace eval
