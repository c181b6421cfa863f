// show: one stored document as a person reads it (its fields with where each was read, line items,
// claims, checks, what it was matched with, its findings), or as JSON: the export's entry for it
// with its matches and findings. Only that document is read from the database.
#pragma once

#include <string>
#include <vector>

#include "pipeline/core/result.hpp"
#include "pipeline/store/store.hpp"

namespace shoebox::show {

// The documents `wanted` names: its id or the first characters of it, or its file (the whole path,
// or the path's tail after a "/"), in (path, first page) order.
Result<std::vector<store::DocumentSource>> FindDocuments(store::Database& db, const std::string& wanted);

// "[1,2]": the page numbers of a document, as show and the export print them.
std::string PageList(const store::DocumentSource& document);

// The document with this id, as text or as `show --json` prints it.
Result<std::string> DocumentText(store::Database& db, const std::string& document_id);
Result<std::string> DocumentJson(store::Database& db, const std::string& document_id);

}  // namespace shoebox::show
