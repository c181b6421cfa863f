#include "extractors/classify.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "extractors/kinds/kind.hpp"
#include "pipeline/core/text.hpp"

namespace shoebox::classify {

Classification Classify(const std::vector<Line>& lines) {
  std::string text;
  for (const Line& line : lines) text += NormalizeForMatch(line.Text()) + "\n";
  std::array<double, 5> scores{};
  for (const extractors::KindSpec* kind : extractors::Kinds()) {
    for (const extractors::Cue& cue : kind->cues) {
      if (text.find(cue.phrase) != std::string::npos) scores[static_cast<int>(kind->kind)] += cue.weight;
    }
  }
  double total = 0;
  for (double score : scores) total += score;
  int best = 0;
  for (int kind = 1; kind < static_cast<int>(DocumentKind::kOther); ++kind) {
    if (scores[kind] > scores[best]) best = kind;
  }
  double best_score = scores[best];
  if (best_score < 3) return Classification{DocumentKind::kOther, best_score == 0 ? 0.9 : 0.6};
  // Share of the evidence, tempered by how much evidence there is at all.
  return Classification{static_cast<DocumentKind>(best),
                        (best_score / total) * std::min(1.0, best_score / 8.0 + 0.5)};
}

}  // namespace shoebox::classify
