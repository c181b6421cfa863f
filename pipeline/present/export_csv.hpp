// export --csv: the database as spreadsheet tables, one CSV file each (RFC 4180: comma-separated,
// CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled): documents with
// one column per field, line items, claims, claim lines, findings and check items. Money is in
// dollars with two decimals ("1840.00"), dates ISO, an empty cell where nothing was read.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "pipeline/core/result.hpp"
#include "pipeline/store/store.hpp"

namespace shoebox::exporter {

// (file name, its contents), in the order above: "documents.csv", "line_items.csv", "claims.csv",
// "claim_lines.csv", "findings.csv", "to_check.csv".
Result<std::vector<std::pair<std::string, std::string>>> ExportCsv(store::Database& db);

// One RFC 4180 field.
std::string CsvField(const std::string& text);

}  // namespace shoebox::exporter
