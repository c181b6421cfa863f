// The field readers of the extraction engine: a value of a field's type read from words; labels
// matched in cells (the lines split into cells once, with wrapped column headers joined); the
// sender from the letterhead; values said in sentences. Each keeps its page, box and confidence.
// Used by extract.cpp and claims.cpp; nothing outside extractors/ includes this.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/labels.hpp"
#include "pipeline/core/page.hpp"

namespace shoebox::extractors {

// A field's type, by its name: *_cents money, *date* a date, *_number / *_id an identifier, else a name.
// kIdentifier: a word with three characters or more, digits among them, that is not a date or an
// amount. kPersonName: a person (patient, member, guarantor): two to five name-like words, no digits.
enum class ValueType { kMoney, kDate, kIdentifier, kName, kPersonName };
ValueType TypeOf(const std::string& field);

// Reads a value of `type` from words[start, …); fills field text/cents, box and confidence.
bool ReadValue(ValueType type, const std::vector<Word>& words, size_t start, Field& field);

// Finds a phrase's `tokens` as a run in the line's words (tolerant: LabelWordsAt's one slip per
// word); returns the index just past it.
std::optional<size_t> MatchPhrase(const std::vector<std::string>& line_tokens, const std::vector<std::string>& tokens,
                                  bool tolerant = false);

// Finds a label in a cell's LabelWords (LabelEndAt, from its first word on): [begin, end).
std::optional<std::pair<size_t, size_t>> FindLabel(const std::vector<std::string>& cell_tokens, const Label& label,
                                                   LabelMatch how = LabelMatch::kAnyOrder);

struct CellRef {
  size_t line = 0;
  Line cell;
  std::vector<std::string> tokens;
  bool stacked = false;  // a wrapped column header joined from two lines
};

// The lines split into cells once, with their label tokens.
struct CellGrid {
  const std::vector<Line>* lines = nullptr;
  std::vector<std::vector<CellRef>> cells;  // per line

  explicit CellGrid(const std::vector<Line>& all_lines);

 private:
  // Column headers wrap: "What" over "You Owe". Where a short wordy cell sits right above another,
  // one more cell joining the two is added to the upper line, so the label can match whole.
  void AddStackedHeaders();
};

// Label → value over the whole document for one scope of labels.tsv. Longer labels claim their
// words first, so "Patient Account Number" is never read as the patient's name.
// `claims_lines`, where given, marks the lines of a notice's claims: there a label worded like one
// of `claims_scope` ("Date Processed" of a notice, "Processed Date" of a claim) is the claim's, and
// is not read for the document.
struct ClaimsLines {
  const std::vector<bool>* lines = nullptr;
  std::string_view claims_scope;
};
std::map<std::string, Field> FindLabelledFields(const CellGrid& grid, const std::string& scope,
                                                const ClaimsLines& leave_to_claims = {});

// The sender's name: the tallest line near the top of the first page, ignoring lines of figures
// and sentences, set larger than the page's body type; none where no line is, or where the tallest
// is the document's title (a kind's tell-tale phrase: "Medicare Summary Notice").
std::optional<Field> Letterhead(const CellGrid& grid, const std::string& field);

// The words of a line before `phrase` ("North South Group" of "North South Group is a debt collector.").
std::optional<Field> NameBeforePhrase(const std::vector<Line>& lines, const std::string& field,
                                      const std::vector<std::string>& phrase);
// A value of the field's type right after `phrase`, on the first line where both are read.
std::optional<Field> ValueAfterPhrase(const std::vector<Line>& lines, const std::string& field,
                                      const std::vector<std::string>& phrase);
// The words after `phrase` up to a full stop, carried across one line break (under 80 characters).
std::optional<Field> SentenceAfterPhrase(const std::vector<Line>& lines, const std::string& field,
                                         const std::vector<std::string>& phrase);
// Figures said in sentences ("The provider billed $1,015.75. Your plan allowed $711.02 and paid
// $167.42. Your share is $543.60."): each amount named by a label of `scope` that ends just before
// it ("is", "was" and fillers between), on a line of prose (a word in lowercase before the amount).
// The first such amount of each field.
std::map<std::string, Field> FiguresInSentences(const std::vector<Line>& lines, std::string_view scope);

// The person the first page is addressed to: a person's name (no organisation's words) over one or
// two street lines and a "Town, ST 12345" line, each a cell of its own (addressee.cpp).
std::optional<Field> Addressee(const CellGrid& grid, const std::string& field);
// That person's street and town, as "418 Juniper Lane, Millbrook, OH 44011".
std::optional<Field> MailingAddress(const CellGrid& grid, const std::string& field);
// The sender's own street (or PO box) and town near the top of the first page: over each other,
// side by side or in one cell, and not under a person's name.
std::optional<Field> SenderAddress(const CellGrid& grid, const std::string& field);

// The first line of the first page that is a date and nothing else (a letter's own date).
std::optional<Field> DateAloneAtTop(const std::vector<Line>& lines, const std::string& field);

// The document's text, normalised for phrase search (NormalizeForMatch), one line per line.
std::string JoinedLowerText(const std::vector<Line>& lines);

// The cents of a found field, if it was read.
std::optional<Cents> CentsOf(const std::map<std::string, Field>& fields, const std::string& name);

// Tesseract sometimes runs a name in capitals into the label printed just after it
// ("CENTERiatement Date:" for "CENTER Statement Date:"). Such a word is split when what follows
// the capitals is a label's first word misread by at most two characters (three where the next
// word reads as the label's second; thin strokes read for one another count half), and the label
// word restored; otherwise it is left as read (glued_labels.cpp).
std::vector<Line> SplitRunTogetherLabels(const std::vector<Line>& lines);

// The characters [from, to) of a word of `total` characters as a word of its own, with its share
// of the word's box (by character position).
Word WordPart(const Word& word, size_t from, size_t to, size_t total, std::string text);

// Leader dots (and underscores) of three or more taken out of the words: a label and its value
// joined by leaders are two cells, as they are printed. A word of leaders alone is dropped.
std::vector<Line> RemoveLeaderDots(const std::vector<Line>& lines);

}  // namespace shoebox::extractors
