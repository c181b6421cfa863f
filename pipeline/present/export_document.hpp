// The export's entry for one document (EXPORT.md "documents"), shared by the export and show.
// Only pipeline/present/ includes this: it carries nlohmann/json.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pipeline/core/records.hpp"
#include "pipeline/store/store.hpp"

namespace shoebox::exporter {

using Json = nlohmann::ordered_json;

// pages_of_source: the stored pages of the document's source file; duplicate_of: the id of the
// copy that stands for this one, or empty.
Json DocumentJson(const StoredDocument& stored, const std::vector<const store::StoredPage*>& pages_of_source,
                  const std::string& duplicate_of);

// A match as the export lists it: under "matches" (bill ↔ claim) or "letter_matches".
Json MatchJson(const Match& match);
Json FindingJson(const Finding& finding);
// A check item as the export's "to_check" lists it (Finding::to_check).
Json CheckJson(const Finding& finding);

}  // namespace shoebox::exporter
