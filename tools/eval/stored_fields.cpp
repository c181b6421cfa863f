// Fields as stored: of the values the export gives a document, the share the paper says, overall
// and by the confidence each was stored with, so that a confidence can be read as a probability.
#include <iomanip>
#include <iostream>
#include <sstream>

#include "tools/eval/eval.hpp"

namespace eval {

void StoredFields::Add(const Json& expected_fields, const Json& exported_fields) {
  for (const auto& [name, field] : exported_fields.items()) {
    const Json& value = field["value"];
    if (value.is_null()) continue;
    bool said = expected_fields.contains(name) && !expected_fields[name].is_null();
    bool right = said && SameValue(expected_fields[name], value);
    if (!said) NoteMiss("stored but not on the paper: " + name, Json(), value);
    double confidence = field.value("confidence", 0.0);
    size_t bucket = std::min<size_t>(kBuckets - 1, static_cast<size_t>(std::max(0.0, confidence) * kBuckets));
    ++stored, ++stored_by_bucket[bucket];
    if (right) ++this->right, ++right_by_bucket[bucket];
  }
}

void StoredFields::Merge(const StoredFields& other) {
  right += other.right, stored += other.stored;
  for (size_t i = 0; i < kBuckets; ++i) {
    right_by_bucket[i] += other.right_by_bucket[i], stored_by_bucket[i] += other.stored_by_bucket[i];
  }
}

Json StoredFields::Precision() const { return Share(right, stored); }

Json StoredFields::Calibration() const {
  Json buckets = Json::array();
  for (size_t i = 0; i < kBuckets; ++i) {
    if (stored_by_bucket[i] == 0) continue;
    std::ostringstream range;
    range << std::fixed << std::setprecision(1) << static_cast<double>(i) / kBuckets << "-"
          << static_cast<double>(i + 1) / kBuckets;
    buckets.push_back({{"confidence", range.str()}, {"stored", stored_by_bucket[i]},
                       {"right", Share(right_by_bucket[i], stored_by_bucket[i])}});
  }
  return buckets;
}

void PrintCalibration(const std::string& slice, const Json& scores) {
  if (!scores.contains("calibration") || scores["calibration"].empty()) return;
  std::cout << "stored fields, " << slice << ": " << scores["field_precision"].dump() << " right of "
            << scores["fields_stored"].dump() << "; by confidence:";
  for (const Json& bucket : scores["calibration"]) {
    std::cout << "  " << bucket["confidence"].get<std::string>() << " " << bucket["right"].dump() << " ("
              << bucket["stored"].dump() << ")";
  }
  std::cout << '\n';
}

}  // namespace eval
