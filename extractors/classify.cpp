#include "extractors/classify.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>

#include "extractors/kinds/kind.hpp"
#include "pipeline/core/text.hpp"

namespace shoebox::classify {

namespace {

constexpr double kLeastEvidence = 3;  // a kind (or a form) needs cues worth this much

double Score(const std::vector<extractors::Cue>& cues, const std::string& text) {
  double score = 0;
  for (const extractors::Cue& cue : cues) {
    if (text.find(cue.phrase) != std::string::npos) score += cue.weight;
  }
  return score;
}

// As Score, each cue counted once where it starts a word ("dental" is not in "incidental").
double EvidenceScore(const std::vector<extractors::Cue>& cues, const std::string& text) {
  double score = 0;
  for (const extractors::Cue& cue : cues) {
    for (size_t at = text.find(cue.phrase); at != std::string::npos; at = text.find(cue.phrase, at + 1)) {
      if (at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]))) {
        score += cue.weight;
        break;
      }
    }
  }
  return score;
}

// The kind whose cues weigh most (ties to the earlier kind), or `other` below the bar.
DocumentKind Best(const std::array<double, 5>& scores) {
  int best = 0;
  for (int kind = 1; kind < static_cast<int>(DocumentKind::kOther); ++kind) {
    if (scores[kind] > scores[best]) best = kind;
  }
  return scores[best] < kLeastEvidence ? DocumentKind::kOther : static_cast<DocumentKind>(best);
}

}  // namespace

Classification Classify(const std::vector<Line>& lines) {
  std::string text;
  for (const Line& line : lines) text += NormalizeForMatch(line.Text()) + "\n";
  // Each kind's cues, and the same where the text carries what the kind must be about.
  std::array<double, 5> worded{}, scores{};
  for (const extractors::KindSpec* kind : extractors::Kinds()) {
    if (!kind->form.empty()) continue;
    double score = Score(kind->cues, text);
    worded[static_cast<int>(kind->kind)] += score;
    bool about_it = kind->evidence.empty() || EvidenceScore(kind->evidence, text) >= kLeastEvidence;
    scores[static_cast<int>(kind->kind)] += about_it ? score : 0;
  }
  double total = 0;
  for (double score : scores) total += score;
  Classification found{Best(scores), 0, "", Best(worded)};
  double best_score = found.kind == DocumentKind::kOther ? 0 : scores[static_cast<int>(found.kind)];
  if (found.kind == DocumentKind::kOther) {
    found.confidence = total == 0 && found.worded_as == DocumentKind::kOther ? 0.9 : 0.6;
    return found;
  }
  // Share of the evidence, tempered by how much evidence there is at all.
  found.confidence = (best_score / total) * std::min(1.0, best_score / 8.0 + 0.5);
  // The form of the kind whose own cues weigh most, where any reach the bar.
  double best_form = 0;
  for (const extractors::KindSpec* kind : extractors::Kinds()) {
    if (kind->kind != found.kind || kind->form.empty()) continue;
    double score = Score(kind->cues, text);
    if (score >= kLeastEvidence && score > best_form) best_form = score, found.form = std::string(kind->form);
  }
  return found;
}

}  // namespace shoebox::classify
