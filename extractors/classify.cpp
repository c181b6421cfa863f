#include "extractors/classify.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "extractors/kinds/kind.hpp"
#include "pipeline/core/text.hpp"

namespace shoebox::classify {

namespace {

constexpr double kLeastEvidence = 3;  // a kind (or a form) needs cues worth this much

double Score(const extractors::KindSpec& kind, const std::string& text) {
  double score = 0;
  for (const extractors::Cue& cue : kind.cues) {
    if (text.find(cue.phrase) != std::string::npos) score += cue.weight;
  }
  return score;
}

}  // namespace

Classification Classify(const std::vector<Line>& lines) {
  std::string text;
  for (const Line& line : lines) text += NormalizeForMatch(line.Text()) + "\n";
  std::array<double, 5> scores{};
  for (const extractors::KindSpec* kind : extractors::Kinds()) {
    if (kind->form.empty()) scores[static_cast<int>(kind->kind)] += Score(*kind, text);
  }
  double total = 0;
  for (double score : scores) total += score;
  int best = 0;
  for (int kind = 1; kind < static_cast<int>(DocumentKind::kOther); ++kind) {
    if (scores[kind] > scores[best]) best = kind;
  }
  double best_score = scores[best];
  if (best_score < kLeastEvidence) return Classification{DocumentKind::kOther, best_score == 0 ? 0.9 : 0.6};
  // Share of the evidence, tempered by how much evidence there is at all.
  Classification found{static_cast<DocumentKind>(best), (best_score / total) * std::min(1.0, best_score / 8.0 + 0.5)};
  // The form of the kind whose own cues weigh most, where any reach the bar.
  double best_form = 0;
  for (const extractors::KindSpec* kind : extractors::Kinds()) {
    if (kind->kind != found.kind || kind->form.empty()) continue;
    double score = Score(*kind, text);
    if (score >= kLeastEvidence && score > best_form) best_form = score, found.form = std::string(kind->form);
  }
  return found;
}

}  // namespace shoebox::classify
