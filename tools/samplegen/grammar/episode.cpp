// An episode's documents drawn by the layout grammar: the same paperwork as EpisodeDocuments
// (documents.cpp), each kind's documents going through its families in turn, so a set goes through
// every family of every kind.
#include "tools/samplegen/grammar/grammar.hpp"

namespace samplegen::grammar {

std::vector<DocumentSpec> EpisodeDocuments(const Episode& e, int first_family, std::map<std::string, int>& drawn,
                                           Rng& rng) {
  auto family = [&](const std::string& kind) {
    return FamilyOf(kind, first_family + drawn[kind]++ % FamilyCount(kind));
  };
  std::vector<DocumentSpec> documents;
  bool premature = e.scenario == "premature_bill" || e.scenario == "collection_before_insurance";
  documents.push_back(DrawBill(e, family("bill"), premature, rng));
  if (!premature) {
    documents.push_back(DrawNotice(e, family(e.medicare ? "msn" : "eob"), rng));
  } else if (e.scenario == "collection_before_insurance" && rng.Chance(0.5)) {
    documents.push_back(DrawNotice(e, family("eob"), rng));  // the pending EOB
  }
  if (e.scenario.starts_with("collection")) documents.push_back(DrawLetter(e, family("collection_letter"), rng));
  return documents;
}

}  // namespace samplegen::grammar
