// The kinds of paperwork as data: what tells a kind apart (classify), the fields it prints and how
// each is read, its tables, and the arithmetic it carries (DOMAIN.md §1–3). One file per kind
// (extractors/kinds/<kind>.cpp), listed in extractors/kinds/table.cpp; the one extraction engine
// (extract.cpp) reads any of them. Label wordings live in labels.tsv, by the scope a kind names.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "pipeline/core/page.hpp"

namespace shoebox::extractors {

// A phrase whose presence leans the classifier towards a kind (normalised: lowercase, single
// spaces). Strong cues name the kind outright; weak ones only lean.
struct Cue {
  std::string_view phrase;
  double weight = 0;
};

// How a field is read, in the order a kind lists them. Each writes a field not read yet, unless
// it outranks what was read before it.
enum class Reader {
  kLabels,               // label → value over cells (the kind's label scope of labels.tsv): every field it finds
  kLetterhead,           // the tallest line near the top of the first page: the sender
  kNameBeforePhrase,     // "North South Group is a debt collector."
  kValueAfterPhrase,     // "… write to us by 09/17/2025 …": a value of the field's type after the phrase
  kSentenceAfterPhrase,  // "… a debt that you owe to Bank of Rockville." to the full stop, across a line break
  kDateAloneAtTop,       // the first line of the first page that is only a date
  kWordsSay,             // a word chosen by the phrases the document's text holds (choices, first wins)
  kAddressee,            // the person's name over the street and town lines a window envelope shows
  kMailingAddress,       // those street and town lines
  kSenderAddress,        // the sender's street and town near the top of the first page
  kSummaryTotals,        // a notice's summary in its claims' wording: the document's totals (field: the label scope)
};

// For kWordsSay: the value when one of the phrases appears, or when the field `or_when_read` was read.
struct WordsChoice {
  std::string_view value;
  std::vector<std::string_view> phrases;  // normalised, as in Cue
  std::string_view or_when_read;
};

struct FieldReader {
  Reader reader = Reader::kLabels;
  std::string_view field;                 // the field it writes; for kLabels the label scope
  std::vector<std::string_view> phrase;   // label tokens, for the phrase readers
  bool outranks = false;
  std::vector<WordsChoice> choices;       // kWordsSay
  double confidence = 0.7;                // kWordsSay: how sure a reading from words is
};

// One term of an identity over the document's fields: ± the field's figure, or its magnitude where
// senders print it either way (a credit as "$96.60" or "-$96.60").
struct IdentityTerm {
  std::string_view field;
  int sign = +1;
  bool magnitude = false;
};

// Σ sign·figure = 0, checked (and repaired where one reading makes it hold: arithmetic.hpp) when
// every required figure was read; optional ones count where read; with_line_item_charges adds
// every line item's charge, +1, where the document itemizes.
struct FieldIdentity {
  std::string_view check;  // the check's name, e.g. "amount_due_equals_charges_less_credits"
  std::vector<IdentityTerm> required;
  std::vector<IdentityTerm> optional;
  bool with_line_item_charges = false;
};

struct KindSpec {
  DocumentKind kind = DocumentKind::kOther;
  // A form of the kind ("dental" of eob): stored, exported and judged as its kind, read by its own
  // spec. Classify picks a form when the document is of its kind and its cues reach the kind's bar.
  std::string_view form;
  std::vector<Cue> cues;
  // What the paper must be about to be of this kind, where the kind lists any: these cues, matched
  // at the start of a word, must weigh as much as its own cues must (a bill is medical).
  std::vector<Cue> evidence;
  std::vector<FieldReader> fields;
  bool line_items = false;  // an itemized table of charges (labels.tsv scope bill_column)
  bool claims = false;      // a plan's claims, each with its service lines (scopes claim, claim_column)
  std::vector<FieldIdentity> identities;
};

// Every kind but `other`, in DocumentKind order, then the forms of kinds.
std::span<const KindSpec* const> Kinds();
// The spec of a kind, or of one of its forms; null for `other`.
const KindSpec* KindOf(DocumentKind kind, std::string_view form = "");

// The words that make a paper medical (kinds/medical.cpp).
const std::vector<Cue>& MedicalEvidence();

// One per kind file.
const KindSpec& BillKind();
const KindSpec& EobKind();
const KindSpec& MsnKind();
const KindSpec& CollectionLetterKind();
const KindSpec& DentalEobKind();

}  // namespace shoebox::extractors
