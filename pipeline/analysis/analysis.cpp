#include "pipeline/analysis/analysis.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "pipeline/analysis/corrections.hpp"

namespace shoebox::findings {
namespace {

// The order MatchDocuments lists matches in: by bill, its claims (by notice and claim) before its
// letters (by letter), so carried-over and new matches together read as a fresh match would.
void SortLikeAFreshMatch(std::vector<Match>& matches, const std::vector<StoredDocument>& documents) {
  std::map<std::string, size_t> position;
  for (size_t i = 0; i < documents.size(); ++i) position[documents[i].id] = i;
  auto key = [&](const Match& m) {
    bool letter = m.claim_ordinal < 0;
    const std::string& bill = letter ? m.right_id : m.left_id;
    const std::string& other = letter ? m.left_id : m.right_id;
    return std::tuple<size_t, bool, size_t, int>{position[bill], letter, position[other], m.claim_ordinal};
  };
  std::stable_sort(matches.begin(), matches.end(), [&](const Match& a, const Match& b) { return key(a) < key(b); });
}

}  // namespace

Result<const Analysis*> Analyser::Update(store::Database& db) {
  // What the person said since the last update changes documents already read: read them again.
  auto corrections = db.LoadCorrections();
  if (!corrections) return corrections.error();
  if (corrections->size() != corrections_) *this = Analyser();
  corrections_ = corrections->size();
  // Which documents the database holds now, and which sources are new since the last update.
  auto present = db.LoadDocumentSources();
  if (!present) return present.error();
  std::set<std::string> ids;
  std::int64_t newest_source = last_source_id_;
  for (const store::DocumentSource& document : *present) {
    ids.insert(document.document_id);
    newest_source = std::max(newest_source, document.source_id);
  }
  std::set<std::string> changed;  // arrived, left, or changed standing as a copy
  std::erase_if(stored_, [&](const StoredDocument& d) {
    bool gone = ids.count(d.id) == 0;
    if (gone) changed.insert(d.id);
    return gone;
  });
  auto arrived = db.LoadDocuments(last_source_id_);
  if (!arrived) return arrived.error();
  ApplyCorrections(*arrived, *corrections);
  for (StoredDocument& d : *arrived) {
    changed.insert(d.id);
    stored_.push_back(std::move(d));
  }
  std::stable_sort(stored_.begin(), stored_.end(), [](const StoredDocument& a, const StoredDocument& b) {
    return std::tie(a.path, a.document.first_page) < std::tie(b.path, b.document.first_page);
  });
  last_source_id_ = newest_source;

  std::vector<Twin> twins = FindTwins(stored_);
  std::set<std::string> copies;
  for (const Twin& twin : twins) copies.insert(twin.document_id);
  std::set_symmetric_difference(copies.begin(), copies.end(), copies_.begin(), copies_.end(),
                                std::inserter(changed, changed.end()));
  std::vector<StoredDocument> papers;
  for (const StoredDocument& d : stored_) {
    if (!copies.count(d.id)) papers.push_back(d);
  }

  std::vector<Match> matches;
  if (!loaded_) {
    matches = MatchDocuments(papers);
    rematched_ = papers.size();
  } else {
    for (Match& match : analysis_.matches) {
      if (!changed.count(match.left_id) && !changed.count(match.right_id)) matches.push_back(std::move(match));
    }
    std::vector<Match> fresh = MatchDocuments(papers, &changed);
    matches.insert(matches.end(), std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()));
    SortLikeAFreshMatch(matches, papers);
    rematched_ = changed.size();
  }
  loaded_ = true;
  copies_ = std::move(copies);
  analysis_ = {std::move(papers), std::move(twins), std::move(matches)};
  return &analysis_;
}

Result<Analysis> Analyse(store::Database& db) {
  auto documents = LoadCorrected(db);
  if (!documents) return documents.error();
  return AnalysisOf(std::move(documents).value());
}

Analysis AnalysisOf(std::vector<StoredDocument> documents) {
  Analysis analysis;
  analysis.twins = FindTwins(documents);
  std::set<std::string> copies;
  for (const Twin& twin : analysis.twins) copies.insert(twin.document_id);
  for (StoredDocument& d : documents) {
    if (!copies.count(d.id)) analysis.documents.push_back(std::move(d));
  }
  analysis.matches = MatchDocuments(analysis.documents);
  return analysis;
}

}  // namespace shoebox::findings
