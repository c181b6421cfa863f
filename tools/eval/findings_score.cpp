// eval, the findings half: the findings the generator expects of each episode against those the
// export raises, and what is raised on paperwork that is not medical.
#include <algorithm>
#include <cmath>
#include <set>

#include "tools/eval/eval.hpp"

namespace eval {

Json ScoreFindings(const Json& manifest, const Json& exported, const std::map<std::string, std::string>& episode_of_document,
                   const std::map<std::string, std::string>& paper_of_document, const std::set<std::string>* only) {
  std::set<std::pair<std::string, std::string>> expected, found;
  auto scored = [&](const std::string& episode) { return only == nullptr || only->count(episode) > 0; };
  const Json episodes = manifest.value("episodes", Json::array());  // a hand-made set may have none
  for (const Json& episode : episodes) {
    if (!scored(episode["episode"].get<std::string>())) continue;
    for (const Json& rule : episode["expected_findings"]) {
      expected.insert({episode["episode"].get<std::string>(), rule.get<std::string>()});
    }
  }
  for (const Json& finding : exported["findings"]) {
    for (const Json& id : finding["documents"]) {
      auto it = episode_of_document.find(id.get<std::string>());
      if (it != episode_of_document.end() && !it->second.empty() && scored(it->second)) {
        found.insert({it->second, finding["rule"].get<std::string>()});
      }
    }
  }
  long long hits = 0;
  g_current_file = "findings";
  for (const auto& pair : expected) {
    hits += found.count(pair) ? 1 : 0;
    if (!found.count(pair)) NoteMiss("missed " + pair.second, pair.first, Json());
  }
  Json false_positives = Json::object();  // by rule: what a false "don't pay" would rest on
  for (const auto& pair : found) {
    if (expected.count(pair)) continue;
    NoteMiss("unexpected " + pair.second, Json(), pair.first);
    false_positives[pair.second] = false_positives.value(pair.second, 0) + 1;
  }
  // The same paper in several files (a photo and a scan of one statement) must be judged once: a
  // finding about the same papers by the same rule as an earlier one is a repeat.
  std::set<std::pair<std::string, std::set<std::string>>> seen;
  long long findings = 0, repeats = 0;
  for (const Json& finding : exported["findings"]) {
    if (only != nullptr) {
      bool mine = false;
      for (const Json& id : finding["documents"]) {
        auto it = episode_of_document.find(id.get<std::string>());
        mine |= it != episode_of_document.end() && scored(it->second);
      }
      if (!mine) continue;
    }
    std::set<std::string> papers;
    for (const Json& id : finding["documents"]) {
      auto it = paper_of_document.find(id.get<std::string>());
      papers.insert(it == paper_of_document.end() ? id.get<std::string>() : it->second);
    }
    ++findings;
    if (!seen.insert({finding.value("rule_id", finding["rule"].get<std::string>()), papers}).second) {
      ++repeats;
      NoteMiss("repeated " + finding["rule"].get<std::string>(), Json(), *papers.begin());
    }
  }
  return {{"expected", expected.size()}, {"raised", found.size()}, {"precision", Share(hits, static_cast<long long>(found.size()))},
          {"recall", Share(hits, static_cast<long long>(expected.size()))},
          {"once_per_paper", Share(findings - repeats, findings)}, {"false_positives_by_rule", false_positives}};
}

bool NotMedical::Is(const Json& truth) {
  const Json& documents = truth["documents"];
  return truth["episode"].get<std::string>().empty() && !documents.empty() &&
         std::all_of(documents.begin(), documents.end(), [](const Json& document) { return document["kind"] == "other"; });
}

void NotMedical::Add(const Json& truth, const std::vector<const Json*>& exported_documents) {
  for (const Json* document : exported_documents) documents.insert((*document)["id"].get<std::string>());
  if (truth["pages"].size() > 1) {
    files_of_several_pages += 1;
    their_documents += static_cast<long long>(exported_documents.size());
  }
}

Json NotMedical::Score(const Json& exported) const {
  long long findings = 0;
  for (const Json& finding : exported["findings"]) {
    const Json& ids = finding["documents"];
    findings += std::any_of(ids.begin(), ids.end(), [&](const Json& id) { return documents.count(id.get<std::string>()) > 0; });
  }
  Json per_file = files_of_several_pages == 0
                      ? Json()
                      : Json(static_cast<double>(their_documents) / static_cast<double>(files_of_several_pages));
  return {{"documents", documents.size()}, {"findings", findings}, {"files_of_several_pages", files_of_several_pages},
          {"documents_per_file", per_file}};
}

}  // namespace eval
