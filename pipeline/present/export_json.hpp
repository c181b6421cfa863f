// export: the database → the `shoebox-export/1` JSON document of ../shared/EXPORT.md. Keys appear
// in the contract's order; floats are rounded to fixed precision so the output is deterministic.
#pragma once

#include <string>

#include "pipeline/core/result.hpp"
#include "pipeline/store/store.hpp"

namespace shoebox::exporter {

inline constexpr const char* kFormat = "shoebox-export/1";

// generated_at is passed in (no hidden clock): "2026-11-22T10:00:00Z".
Result<std::string> ExportJson(store::Database& db, const std::string& generated_at);

// The export's "accounts" and "episodes" arrays on their own (`shoebox accounts --json`, `episodes --json`).
Result<std::string> AccountsJson(store::Database& db);
Result<std::string> EpisodesJson(store::Database& db);

}  // namespace shoebox::exporter
