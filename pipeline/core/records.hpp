// The records the analysis stages exchange with the store: a stored document with its id, a match
// between documents, an extra copy of one paper, a finding, and the person's own notes. Plain data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/core/page.hpp"

namespace shoebox {

// A document as stored, with its stable id and source path.
struct StoredDocument {
  std::string id;
  std::string path;         // of its source file
  std::string source_sha256;
  std::int64_t source_id = 0;
  Document document;
};

// A bill matched to a plan's claim, or a collection letter to a bill.
struct Match {
  std::string left_id;   // the bill, or the collection letter
  std::string right_id;  // the EOB/MSN, or the bill
  int claim_ordinal = -1;  // which claim of the right document (bill ↔ claim matches)
  std::string claim_number;
  double score = 0;        // [0, 1]
  std::string keys;        // what made the match: "account_number,provider,service_date,billed_total"
  // Bill line ↔ claim line (ordinals), where both itemize: same date, code and charge.
  std::vector<std::pair<int, int>> lines;
};

// An extra copy of one paper, and the copy that stands for it (findings::FindTwins).
struct Twin {
  std::string document_id;
  std::string duplicate_of;
  std::string keys;  // what they share: "account_number,statement_date"
};

// What a finding is about: DOMAIN.md §4's names, the export's "rule" (ToString gives the name).
enum class FindingRule {
  kPrematureBill,
  kBalanceExceedsEob,
  kDuplicateCharge,
  kQuantityAnomaly,
  kBilledNotOnEob,
  kArithmeticMismatch,
  kFinancialAssistanceWindow,
  kClaimDenied,
  kSurpriseBillProtection,
  kCollectionValidationWindow,
  kCollectionBeforeInsurance,
  kCollectionAmountMismatch,
  kStatementAfterSettlement,
  kUnexplainedBalanceIncrease,
  kEobMissing,
};
const char* ToString(FindingRule rule);  // the name in the export and the database
const char* Title(FindingRule rule);     // what it finds, in a person's words ("The same charge twice")
std::optional<FindingRule> ParseFindingRule(std::string_view name);

// Most urgent first.
enum class Severity { kHigh, kMedium, kInfo };
const char* ToString(Severity severity);  // high | medium | info
std::optional<Severity> ParseSeverity(std::string_view name);

// What not to pay yet, and why (docs/RULES.md).
struct Finding {
  FindingRule rule = FindingRule::kArithmeticMismatch;
  std::string rule_id;   // R-premature-01, …
  Severity severity = Severity::kInfo;
  std::vector<std::string> documents;
  std::optional<Cents> amount_cents;
  std::string deadline;  // ISO date, or empty
  std::string summary;   // one sentence a person understands
  std::string next_step;
  // A check item rather than a finding: what the rule would say rests on figures that were not read
  // surely enough or whose document does not add up, so the person is told what to look at
  // (what_to_check) instead of what not to pay. Listed apart, never counted as a finding.
  bool to_check = false;
  std::string what_to_check;
};

// What the person said of a reading (shoebox correct / confirm), kept beside what was read. It
// follows the paper, not the file's row: the document it was said of, and that paper's identity keys
// as read then, which a re-scan, a new version of the file and a copy of the paper carry too.
struct Correction {
  std::int64_t id = 0;  // its number (0 until stored)
  std::string document_id;
  std::vector<std::string> paper_keys;
  std::string target;      // a field's name, "kind", or "claim N FIELD" (N from 1)
  std::string read_value;  // what was read, as shown ("" where nothing was)
  std::optional<std::string> value;  // the person's value, as stored; none: confirmed as read
  std::string made_on;     // ISO date
};

// The household the person gave for the financial-assistance pre-screen (shoebox assistance).
struct Household {
  int size = 0;             // people
  Cents income_cents = 0;   // a year, before tax
  std::string state;        // two letters ("AK"), or "" where not given
  std::string given_on;     // ISO date
};

// The fields a document of this kind may carry (../shared/EXPORT.md, and the additive ones).
const std::vector<std::string_view>& FieldNamesOf(DocumentKind kind);

// What the person recorded with `shoebox log`: a call, a payment, an agreement received in
// writing, or a note, against an account number.
// What the person logged: a call, a payment, an agreement (settles the account's findings), a note.
enum class NoteKind { kCall, kPayment, kAgreement, kNote };
const char* ToString(NoteKind kind);  // call | payment | agreement | note
std::optional<NoteKind> ParseNoteKind(const std::string& text);

struct Note {
  NoteKind kind = NoteKind::kNote;
  std::string account_number;
  std::string noted_on;  // ISO date
  std::optional<Cents> amount_cents;  // paid, or agreed to pay in full settlement
  std::string representative, reference, text;
  std::int64_t id = 0;  // the entry's number in the record (0 until stored): what log undo takes
};

}  // namespace shoebox
