#include "pipeline/analysis.hpp"

#include <set>

namespace shoebox::findings {

Result<Analysis> Analyse(store::Database& db) {
  auto documents = db.LoadDocuments();
  if (!documents) return documents.error();
  Analysis analysis;
  analysis.twins = FindTwins(*documents);
  std::set<std::string> copies;
  for (const Twin& twin : analysis.twins) copies.insert(twin.document_id);
  std::erase_if(*documents, [&](const StoredDocument& d) { return copies.count(d.id) > 0; });
  analysis.documents = std::move(documents).value();
  analysis.matches = MatchDocuments(analysis.documents);
  return analysis;
}

}  // namespace shoebox::findings
