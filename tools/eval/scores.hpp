// A file's scores and a set's, by slice: what eval counts for each metric of its report.
#pragma once

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "tools/eval/eval.hpp"

namespace eval {

struct Tally {
  long long hits = 0, total = 0;
  void Add(bool hit) { hits += hit ? 1 : 0, ++total; }
  void Add(long long h, long long t) { hits += h, total += t; }
  double Rate() const { return total == 0 ? std::nan("") : static_cast<double>(hits) / total; }
};

struct Scores {
  Tally classification, fields, claim_fields, item_recall, item_precision, claim_line_recall, claim_line_precision,
      words, orientation;
  int fields_from_fax_header = 0;  // stored values that only a fax's transmission header says
  std::map<std::string, Tally> field_by_name;  // document fields right, per field: aggregates a split may show
  StoredFields stored_fields;
  std::vector<double> skew_errors;
  int files = 0;

  void Merge(const Scores& o) {
    classification.Add(o.classification.hits, o.classification.total);
    fields.Add(o.fields.hits, o.fields.total);
    claim_fields.Add(o.claim_fields.hits, o.claim_fields.total);
    item_recall.Add(o.item_recall.hits, o.item_recall.total);
    item_precision.Add(o.item_precision.hits, o.item_precision.total);
    claim_line_recall.Add(o.claim_line_recall.hits, o.claim_line_recall.total);
    claim_line_precision.Add(o.claim_line_precision.hits, o.claim_line_precision.total);
    words.Add(o.words.hits, o.words.total);
    orientation.Add(o.orientation.hits, o.orientation.total);
    stored_fields.Merge(o.stored_fields);
    skew_errors.insert(skew_errors.end(), o.skew_errors.begin(), o.skew_errors.end());
    fields_from_fax_header += o.fields_from_fax_header;
    for (const auto& [name, tally] : o.field_by_name) field_by_name[name].Add(tally.hits, tally.total);
    files += o.files;
  }
  double MedianSkewError() const {
    if (skew_errors.empty()) return std::nan("");
    std::vector<double> sorted = skew_errors;
    std::sort(sorted.begin(), sorted.end());
    return sorted[sorted.size() / 2];
  }
  Json ToJson() const {
    auto rate = [](const Tally& t) { return Share(t.hits, t.total); };
    Json j;
    j["files"] = files;
    j["classification"] = rate(classification);
    j["field_exact"] = rate(fields);
    j["field_precision"] = stored_fields.Precision();
    j["fields_stored"] = stored_fields.stored;
    j["calibration"] = stored_fields.Calibration();
    j["claim_field_exact"] = rate(claim_fields);
    j["line_item_recall"] = rate(item_recall);
    j["line_item_precision"] = rate(item_precision);
    j["claim_line_recall"] = rate(claim_line_recall);
    j["claim_line_precision"] = rate(claim_line_precision);
    j["word_recall"] = rate(words);
    j["orientation"] = rate(orientation);
    double skew = MedianSkewError();
    j["median_skew_error_degrees"] = std::isnan(skew) ? Json(nullptr) : Json(std::round(skew * 100) / 100);
    j["fields_from_fax_header"] = fields_from_fax_header;
    for (const auto& [name, tally] : field_by_name) j["field_exact_by_name"][name] = {{"right", tally.hits}, {"of", tally.total}};
    return j;
  }
};

// A set's scores by slice: by split, render mode, family, and a fax's strength.
struct Slices {
  Scores overall;
  std::map<std::string, Scores> by_mode, by_family, by_split, by_split_and_mode, by_fax_strength;

  void Add(const Json& truth, const std::string& split, const Scores& scores) {
    std::string mode = truth["render_mode"].get<std::string>();
    overall.Merge(scores);
    by_split[split].Merge(scores);
    by_split_and_mode[split + "/" + mode].Merge(scores);
    by_mode[mode].Merge(scores);
    by_family[mode + "/" + truth["family"].get<std::string>()].Merge(scores);
    if (!truth["pages"].empty() && truth["pages"][0].contains("fax")) {
      by_fax_strength[split + "/" + truth["pages"][0]["fax"]["strength"].get<std::string>()].Merge(scores);
    }
  }
  void Into(Json& report) const {
    for (auto& [split, scores] : by_split) report["by_split"][split] = scores.ToJson();
    for (auto& [slice, scores] : by_split_and_mode) report["by_split_and_mode"][slice] = scores.ToJson();
    for (auto& [mode, scores] : by_mode) report["by_render_mode"][mode] = scores.ToJson();
    for (auto& [strength, scores] : by_fax_strength) report["by_fax_strength"][strength] = scores.ToJson();
    for (auto& [family, scores] : by_family) report["by_mode_and_family"][family] = scores.ToJson();
  }
};

}  // namespace eval
