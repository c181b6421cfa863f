#include "extractors/classify.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "pipeline/core/text.hpp"

namespace shoebox::classify {
namespace {

struct Cue {
  DocumentKind kind;
  std::string_view phrase;  // normalised: lowercase, single spaces
  double weight;
};

// Strong cues name the kind outright; weak ones only lean. An EOB says "this is not a bill", which
// is why bill cues are weaker than EOB ones.
constexpr std::array kCues = {
    Cue{DocumentKind::kMsn, "medicare summary notice", 10},
    Cue{DocumentKind::kMsn, "maximum you may be billed", 4},
    Cue{DocumentKind::kMsn, "medicare-approved amount", 3},
    Cue{DocumentKind::kMsn, "claims processed between", 3},
    Cue{DocumentKind::kEob, "explanation of benefits", 8},
    Cue{DocumentKind::kEob, "this is not a bill", 5},
    Cue{DocumentKind::kEob, "claim number", 2},
    Cue{DocumentKind::kEob, "member id", 2},
    Cue{DocumentKind::kEob, "plan paid", 2},
    Cue{DocumentKind::kEob, "allowed", 1},
    Cue{DocumentKind::kEob, "patient responsibility", 1},
    Cue{DocumentKind::kEob, "what you owe", 1},
    Cue{DocumentKind::kCollectionLetter, "debt collector", 8},
    Cue{DocumentKind::kCollectionLetter, "collection agency", 5},
    Cue{DocumentKind::kCollectionLetter, "itemization date", 4},
    Cue{DocumentKind::kCollectionLetter, "dispute", 2},
    Cue{DocumentKind::kCollectionLetter, "validation", 2},
    Cue{DocumentKind::kCollectionLetter, "final notice", 3},
    Cue{DocumentKind::kCollectionLetter, "original creditor", 3},
    Cue{DocumentKind::kBill, "statement date", 3},
    Cue{DocumentKind::kBill, "amount due", 3},
    Cue{DocumentKind::kBill, "balance due", 3},
    Cue{DocumentKind::kBill, "please pay", 3},
    Cue{DocumentKind::kBill, "guarantor", 2},
    Cue{DocumentKind::kBill, "detach and return", 3},
    Cue{DocumentKind::kBill, "account number", 1},
    Cue{DocumentKind::kBill, "total charges", 1},
    Cue{DocumentKind::kBill, "pay by", 1},
};

}  // namespace

Classification Classify(const std::vector<Line>& lines) {
  std::string text;
  for (const Line& line : lines) text += NormalizeForMatch(line.Text()) + "\n";
  std::array<double, 5> scores{};
  for (const Cue& cue : kCues) {
    if (text.find(cue.phrase) != std::string::npos) scores[static_cast<int>(cue.kind)] += cue.weight;
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
