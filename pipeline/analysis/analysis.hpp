// The database as the matcher and the rules see it: the stored documents less the extra copies of
// one paper (linked as twins), and the matches among the rest. Shared by the findings refresh, the
// accounts and episodes views, and the export, so all of them count each paper once.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "pipeline/analysis/findings.hpp"
#include "pipeline/core/result.hpp"
#include "pipeline/store/store.hpp"

namespace shoebox::findings {

struct Analysis {
  std::vector<StoredDocument> documents;  // one per paper
  std::vector<Twin> twins;                // the extra copies, and the copy each stands behind
  std::vector<Match> matches;
};

// Keeps the analysis of one database up to date as sources arrive (a watched folder's batches).
// Documents already read stay in memory and only those of sources stored since are loaded; only
// the pairs that involve a document that arrived, left, or became or stopped being an extra copy
// are matched again, the other matches carried over. Copies are found again over everything (one
// pass of grouping by keys). The result is what a fresh analysis would give, in the same order;
// a correction the person made since the last update starts it afresh.
class Analyser {
 public:
  Result<const Analysis*> Update(store::Database& db);
  // How many documents the last update matched again (all of them the first time).
  size_t rematched() const { return rematched_; }

 private:
  std::vector<StoredDocument> stored_;  // every stored document, in (path, first page) order
  std::int64_t last_source_id_ = 0;
  bool loaded_ = false;
  std::set<std::string> copies_;  // the twins of the last update
  Analysis analysis_;
  size_t rematched_ = 0;
  size_t corrections_ = 0;  // how many the person had made at the last update
};

// A fresh analysis of everything in the database.
Result<Analysis> Analyse(store::Database& db);
// The same of documents already loaded (in the (path, first page) order LoadDocuments gives, with
// the person's corrections applied).
Analysis AnalysisOf(std::vector<StoredDocument> documents);

}  // namespace shoebox::findings
