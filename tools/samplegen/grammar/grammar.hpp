// The layout grammar: paperwork from many producers, each a family drawn once from independent
// choices (where each field goes, how tables are headed, ruled and ordered, which words name each
// figure, how zero and credits are printed, how claims are blocked, where totals go, type and size).
// A family is fixed by its kind and number, as one producer's template is; the episode fills it in.
// Families are split into seen and held-out by a fixed rule (HeldOut): the reading is developed on
// seen families and judged on held-out ones (docs/EVALUATION.md).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "tools/samplegen/documents.hpp"
#include "tools/samplegen/page_writer.hpp"

namespace samplegen::grammar {

// Where a field's value stands against its label.
enum class Placement {
  kAfterLabel,   // "Account Number: 556677889"
  kColumnRight,  // the label at the left of a box, the value right-aligned at its right edge
  kDotLeaders,   // "Amount Due ........ $640.00"
  kUnderLabel,   // boxed: "Amount Due" above "$640.00"
};

enum class TableRules { kRuled, kZebra, kNone };

// One producer's template.
struct Style {
  std::string font;
  double size = 9;              // body type, 7–11 pt
  Placement placement = Placement::kAfterLabel;
  bool pairs_share_lines = false;  // several label–value pairs on one line
  bool identity_at_right = true;   // the account / member block in a right-hand column
  int header_rows = 1;             // column headers over 1–3 rows
  bool centred_headers = false;    // header words centred over right-aligned numbers
  TableRules rules = TableRules::kRuled;
  double header_band = 0;          // a table's header in white type on a band this grey (0: none)
  bool dollar_signs_in_tables = false;
  int zero_style = 0;      // $0.00, 0.00, —, -, blank (blank only in tables)
  int negative_style = 0;  // -$12.00, ($12.00), $12.00CR, $12.00-
  DateStyle dates = DateStyle::kSlash;
  bool summary_first = false;   // an EOB's document summary above its claims, else after them
  bool service_lines = true;    // an EOB that lists each claim's lines (else the claim's figures only)
  bool claim_figures_in_prose = false;  // a summary EOB saying "Your share is $40.00."
  std::vector<std::string> bill_columns;   // in printed order
  std::vector<std::string> claim_columns;  // in printed order
  std::string total_row;        // "Totals", "Claim Total", "Subtotal", "Total for this claim"
  bool names_in_address_only = false;  // no "Patient:" label: the name only in the address block
  bool letter_date_alone = true;       // a letter's date printed alone at the top
  bool amount_in_prose = false;        // "As of the date of this letter, you owe $1,234.56."
  std::map<std::string, std::string> words;  // field → the phrase this producer prints for it
};

struct Family {
  std::string kind;  // bill | eob | msn | collection_letter
  int number = 0;
  std::string name;  // "eob_g3"
  bool held_out = false;
  Style style;
};

// Families per kind: 6 bill, 8 eob, 3 msn, 4 collection_letter; 10 of everyday paperwork that is not
// medical (kind "everyday", drawn as `other`).
int FamilyCount(const std::string& kind);
// Every third family of a kind (numbers 2, 5, …) is held out.
bool HeldOut(int number);
Family FamilyOf(const std::string& kind, int number);

// The documents of an episode (its bill, notice and letter), each kind in its next family of the
// FamilyCount(kind) numbered from `first_family`: `drawn` counts the documents of each kind drawn so
// far in the set.
std::vector<DocumentSpec> EpisodeDocuments(const Episode& episode, int first_family, std::map<std::string, int>& drawn,
                                           Rng& rng);

DocumentSpec DrawBill(const Episode& e, const Family& family, bool premature, Rng& rng);
DocumentSpec DrawNotice(const Episode& e, const Family& family, Rng& rng);  // eob or msn
DocumentSpec DrawLetter(const Episode& e, const Family& family, Rng& rng);
// Not medical, worded like a bill (everyday.cpp): an invoice, a utility bill, an order or an
// agreement of several pages, dated before `today`; its truth is `other`.
DocumentSpec DrawEveryday(const Family& family, Rng& rng, const std::string& today);

// --- Drawing shared by the kinds (draw.cpp) ---

// A document of the family, empty: its kind, family and split set.
DocumentSpec FamilyDocument(const Family& family);

// An amount as this producer prints it; in_table for table cells (where blank may stand for zero).
std::string Amount(long long cents, const Style& style, bool in_table);

// Draws label–value pairs from (x, y) across `width` points in the style's placement; returns the
// y below them.
double Pairs(PageWriter& w, const Style& style, double x, double y, double width,
             const std::vector<std::pair<std::string, std::string>>& pairs, bool bold_values = false);

// A table: headers (one phrase per column, split over style.header_rows), rows of cells, numbers
// right-aligned. `numeric[c]` says which columns hold amounts. Rows that do not fit continue on a
// new page begun by `next_page` (which returns the y to go on from) under the header again.
struct TableSpec {
  std::vector<std::string> headers;
  std::vector<bool> numeric;
  std::vector<double> widths;  // points per column
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> total;  // a closing total row, if any (same columns)
};
double Table(PageWriter& w, const Style& style, double x, double y, const TableSpec& table,
             const std::function<double()>& next_page, double bottom = 720);

// A heading's type size: `size`, or smaller where the heading would not fit `room` points (a
// letterhead beside the identity block), as a producer fits its template's heading.
double SizeToFit(const Style& style, const std::string& text, double size, double room);

// The width a column needs for its header's longest line over the style's header rows.
double HeaderWidth(const std::string& phrase, const Style& style);

// The patient's date of birth (ISO), the same on every paper about them: drawn from the name, not
// from the episode's random draws, so that printing it changes nothing else a set holds.
std::string BirthDateOf(const std::string& patient_name);
// Where the family prints it: its label–value pair (a four-digit year) added to `pairs` and the
// date to the truth's `fields`.
void AddBirthDate(const Style& style, const std::string& patient_name,
                  std::vector<std::pair<std::string, std::string>>& pairs, Json& fields);

// The words for `field` in this style (its chosen phrase).
const std::string& Word(const Style& style, const std::string& field);

}  // namespace samplegen::grammar
