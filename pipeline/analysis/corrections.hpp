// The person's word over what was read (shoebox correct / confirm, issue 23). A correction names a
// document's field, its kind, or a figure of one of its claims; it is checked against the document
// when it is made and applied whenever documents are loaded, to the document it was made on and to
// every document sharing one of its paper keys (a re-read, a new version of the file, a copy of the
// same paper). What was read stays stored as read; the document as loaded carries the person's value,
// sure (confidence 1), with what was read in Field::person.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/records.hpp"
#include "pipeline/core/result.hpp"
#include "pipeline/store/store.hpp"

namespace shoebox::findings {

// The correction of `target` on the document: a field its kind carries ("amount_due_cents"),
// "kind", "claim N FIELD" (a claim's figure, status or number), "claim N line M FIELD" (a claim
// line's figure, date or code) or "line N FIELD" (a line item's), counted from 1, with the value the
// person typed ("$1,234.56", "12/01/2025", "eob", "denied") made into its type; without one, a
// confirmation of the reading as it stands. An Error says in one line why it cannot be.
Result<Correction> MakeCorrection(const StoredDocument& document, const std::string& target,
                                  const std::optional<std::string>& typed, const std::string& today);

// The value a target holds on the document as a person reads it ("$136.82", "2025-07-14", "bill"),
// or "" where none was read.
std::string ShownValue(const Document& document, const std::string& target);

// Applies the corrections, in the order made, to the documents they follow.
void ApplyCorrections(std::vector<StoredDocument>& documents, const std::vector<Correction>& corrections);

// The stored documents (those of sources stored after `after_source_id`, or one by its id) as every
// reader of the database sees them: with the person's corrections applied.
Result<std::vector<StoredDocument>> LoadCorrected(store::Database& db, std::int64_t after_source_id = 0);
Result<std::optional<StoredDocument>> LoadCorrected(store::Database& db, const std::string& document_id);

}  // namespace shoebox::findings
