// The envelope and the letterhead's address (fields.hpp: Addressee, MailingAddress, SenderAddress):
// a name over one or two street lines and a "Town, ST 12345" line, as a window envelope shows it,
// and the sender's own street and town printed near the top of the first page.
#include <algorithm>
#include <cctype>
#include <regex>
#include <set>
#include <tuple>
#include <sstream>

#include "extractors/fields.hpp"
#include "pipeline/core/geometry.hpp"
#include "pipeline/core/text.hpp"

namespace shoebox::extractors {
namespace {

// A town line, "Millbrook, OH 44011", as the envelope's last line prints it: the town, a state's
// postal code and a ZIP code. Returned with the comma after the town, which OCR often drops.
std::optional<std::string> Town(const std::string& text) {
  static const std::regex kTown(R"(^([A-Za-z][A-Za-z .'-]*?),? ([A-Z]{2}) +(\d{5}(-\d{4})?)$)");
  static const std::set<std::string> kStates = {
      "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
      "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
      "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP"};
  std::smatch match;
  std::string line = CollapseSpaces(text);
  if (!std::regex_match(line, match, kTown) || !kStates.count(match[2].str())) return std::nullopt;
  return match[1].str() + ", " + match[2].str() + " " + match[3].str();
}

bool IsStreetLine(const std::string& text) {
  static const std::regex kPoBox(R"(^P\.? ?O\.? +Box +\d+.*)", std::regex::icase);
  return !text.empty() && ((std::isdigit(static_cast<unsigned char>(text[0])) && HasLetter(text)) ||
                           std::regex_match(text, kPoBox));
}

// Whether a street line ends as streets do: in a street type (the common USPS suffixes) or a
// number (a box, a suite, an apartment).
bool EndsAsAStreet(const std::string& last_word) {
  static const std::set<std::string> kSuffixes = {
      "st", "street", "ave", "av", "avenue", "rd", "road", "dr", "drive", "ln", "lane", "ct", "court", "blvd",
      "boulevard", "way", "pl", "place", "pkwy", "parkway", "hwy", "highway", "cir", "circle", "ter", "terrace",
      "trl", "trail", "sq", "square", "plz", "plaza", "loop", "row", "run", "pike", "tpke", "turnpike", "xing",
      "crossing", "aly", "alley", "walk", "path", "pt", "point", "cv", "cove", "hl", "hill", "hts", "heights"};
  std::string word = LabelToken(last_word);
  return kSuffixes.count(word) > 0 || (!word.empty() && HasDigit(word));
}

// A street and its town printed on one line ("1234 Medical Plaza Dr  Cedar Falls, PA 17102"): split
// where the street ends as streets do, and of those at a gap at least twice the line's usual space
// between words, else where the street's last word ends in a comma, else at the widest gap; the
// longer street where two splits match evenly.
std::optional<std::pair<std::string, std::string>> StreetAndTown(const std::vector<Word>& words) {
  if (words.size() < 3) return std::nullopt;
  std::vector<int> gaps;
  for (size_t i = 1; i < words.size(); ++i) gaps.push_back(words[i].box_px.x0 - words[i - 1].box_px.x1);
  std::vector<int> sorted = gaps;
  std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
  int usual = std::max(sorted[sorted.size() / 2], 1);
  std::optional<size_t> split;
  std::tuple<bool, bool, bool, int> best{};
  for (size_t i = 2; i < words.size(); ++i) {
    std::vector<Word> street(words.begin(), words.begin() + i), town(words.begin() + i, words.end());
    if (!IsStreetLine(Line{street}.Text()) || !Town(Line{town}.Text())) continue;
    int gap = gaps[i - 1];
    std::tuple<bool, bool, bool, int> score{EndsAsAStreet(words[i - 1].text), gap >= 2 * usual,
                                            words[i - 1].text.ends_with(","), gap};
    if (!split || score >= best) best = score, split = i;  // evenly matched: the longer street
  }
  if (!split) return std::nullopt;
  std::string street = Line{std::vector<Word>(words.begin(), words.begin() + *split)}.Text();
  while (!street.empty() && street.back() == ',') street.pop_back();
  return std::make_pair(CollapseSpaces(street), *Town(Line{std::vector<Word>(words.begin() + *split, words.end())}.Text()));
}

// Words that name an organisation, not a person: a sender's own address block has the same shape.
bool NamesAnOrganisation(const std::string& text) {
  static const std::set<std::string> kWords = {
      "hospital", "health", "healthcare", "medical", "medicine", "clinic", "center", "centre", "laboratories",
      "laboratory", "labs", "services", "group", "inc", "llc", "ltd", "corp", "company", "insurance", "plan",
      "mutual", "associates", "physicians", "care", "system", "systems", "department", "bank", "recovery",
      "collections", "collection", "agency", "partners", "imaging", "radiology", "pharmacy", "benefits",
      "administrators", "university", "foundation", "trust", "financial", "credit", "solutions", "office"};
  std::istringstream words(text);
  for (std::string word; words >> word;) {
    if (kWords.count(LabelToken(word))) return true;
  }
  return false;
}

// The cell of line `li` that stands over `box` (shares most of its left edge region), if any.
const CellRef* CellOver(const CellGrid& grid, size_t li, const BoxPx& box) {
  for (const CellRef& cell : grid.cells[li]) {
    if (cell.stacked) continue;
    int overlap = OverlapAcross(cell.cell.box_px, box);
    if (overlap > 0 && std::abs(cell.cell.box_px.x0 - box.x0) < box.height() * 2) return &cell;
  }
  return nullptr;
}

// An address as printed: its street and town lines, and the line above them (whose it is).
struct Address {
  std::vector<const CellRef*> cells;  // street line(s), then the town (one cell where both share it)
  std::string text;                   // "418 Juniper Lane, Springfield, IL 62704"
  const CellRef* owner = nullptr;     // the cell over the street, where there is one
};

// The envelope: a person's name (no organisation's words) over one or two street lines and a town.
struct Envelope {
  Field person;          // the name as read, its field name left to the caller
  bool labelled = false;  // the name follows a label ("Guarantor: Ann Lee")
  Address address;
};

// The cell read as a person's name, the whole of it (or all after a label's colon), or nothing.
std::optional<Field> PersonNamed(const CellRef& cell, bool after_label = false) {
  size_t start = 0;
  if (after_label) {
    auto colon = std::find_if(cell.cell.words.begin(), cell.cell.words.end(),
                              [](const Word& word) { return word.text.ends_with(":"); });
    if (colon == cell.cell.words.end()) return std::nullopt;
    start = static_cast<size_t>(colon - cell.cell.words.begin()) + 1;
  }
  Field field;
  field.page = cell.cell.page;
  if (!ReadValue(ValueType::kPersonName, cell.cell.words, start, field)) return std::nullopt;
  if (field.text != CollapseSpaces(Line{std::vector<Word>(cell.cell.words.begin() + start, cell.cell.words.end())}.Text())) {
    return std::nullopt;
  }
  return field;
}

std::optional<Envelope> FindEnvelope(const CellGrid& grid) {
  const std::vector<Line>& lines = *grid.lines;
  if (lines.empty()) return std::nullopt;
  int first_page = lines.front().page;
  for (size_t li = 2; li < lines.size() && lines[li].page == first_page; ++li) {
    for (const CellRef& city : grid.cells[li]) {
      std::optional<std::string> town = city.stacked ? std::nullopt : Town(city.cell.Text());
      if (!town) continue;
      // One or two street lines over the town ("53 Larkspur Ave", then "Apt 4"), the name over them.
      for (size_t streets = 1; streets <= 2 && li >= streets + 1; ++streets) {
        const CellRef* street = CellOver(grid, li - streets, city.cell.box_px);
        const CellRef* second = streets == 2 ? CellOver(grid, li - 1, city.cell.box_px) : nullptr;
        if (street == nullptr || !IsStreetLine(street->cell.Text())) continue;
        if (streets == 2 && (second == nullptr || !HasDigit(second->cell.Text()))) continue;
        const CellRef* person = CellOver(grid, li - streets - 1, city.cell.box_px);
        if (person == nullptr || NamesAnOrganisation(person->cell.Text())) continue;
        std::optional<Field> name = PersonNamed(*person);
        bool labelled = !name;
        if (labelled) name = PersonNamed(*person, true);
        if (!name) continue;
        Envelope envelope{*name, labelled, {{street}, CollapseSpaces(street->cell.Text()), person}};
        if (second != nullptr) {
          envelope.address.cells.push_back(second);
          envelope.address.text += ", " + CollapseSpaces(second->cell.Text());
        }
        envelope.address.cells.push_back(&city);
        envelope.address.text += ", " + *town;
        return envelope;
      }
    }
  }
  return std::nullopt;
}

// The address whose street is `street`: the town in the same cell, in the cell right beside it on
// the line (which may hold the street's last words too), or in the cell under it.
std::optional<Address> AddressAt(const CellGrid& grid, const CellRef& street) {
  const CellRef* owner = street.line > 0 ? CellOver(grid, street.line - 1, street.cell.box_px) : nullptr;
  if (auto both = StreetAndTown(street.cell.words)) return Address{{&street}, both->first + ", " + both->second, owner};
  if (!IsStreetLine(street.cell.Text())) return std::nullopt;
  const std::vector<CellRef>& line = grid.cells[street.line];
  for (size_t i = 0; i + 1 < line.size(); ++i) {
    const CellRef& beside = line[i + 1];
    if (&line[i] != &street || beside.stacked) continue;
    if (beside.cell.box_px.x0 - street.cell.box_px.x1 >= street.cell.box_px.height() * 4) break;
    std::vector<Word> words = street.cell.words;
    words.insert(words.end(), beside.cell.words.begin(), beside.cell.words.end());
    if (auto both = StreetAndTown(words)) return Address{{&street, &beside}, both->first + ", " + both->second, owner};
  }
  if (street.line + 1 >= grid.cells.size()) return std::nullopt;
  const CellRef* town = CellOver(grid, street.line + 1, street.cell.box_px);
  std::optional<std::string> town_text = town == nullptr ? std::nullopt : Town(town->cell.Text());
  if (!town_text) return std::nullopt;
  return Address{{&street, town}, CollapseSpaces(street.cell.Text()) + ", " + *town_text, owner};
}

Field AddressField(const Address& address, const std::string& name, const char* read_by) {
  Field field;
  field.name = name;
  field.text = address.text;
  field.page = address.cells.front()->cell.page;
  field.box_px = address.cells.front()->cell.box_px;
  field.confidence = 1.0;
  for (const CellRef* cell : address.cells) {
    field.box_px = Union(field.box_px, cell->cell.box_px);
    for (const Word& word : cell->cell.words) field.confidence = std::min(field.confidence, word.confidence);
  }
  field.confidence *= 0.8;  // placed by the page's layout, not by a label
  field.read_by = read_by;
  return field;
}

// How many of the first page's lines its heading (letterhead, return address) may take.
constexpr size_t kHeadingLines = 12;

}  // namespace

std::optional<Field> Addressee(const CellGrid& grid, const std::string& name) {
  std::optional<Envelope> envelope = FindEnvelope(grid);
  if (!envelope || envelope->labelled) return std::nullopt;  // a labelled name is the labels' to read
  Field field = envelope->person;
  field.name = name;
  field.confidence *= 0.8;  // a name placed by the envelope's layout, not by a label
  field.read_by = "addressee";
  return field;
}

std::optional<Field> MailingAddress(const CellGrid& grid, const std::string& name) {
  std::optional<Envelope> envelope = FindEnvelope(grid);
  if (!envelope) return std::nullopt;
  return AddressField(envelope->address, name, "mailing_address");
}

std::optional<Field> SenderAddress(const CellGrid& grid, const std::string& name) {
  const std::vector<Line>& lines = *grid.lines;
  if (lines.empty()) return std::nullopt;
  std::optional<Envelope> envelope = FindEnvelope(grid);
  auto envelopes = [&](const CellRef* cell) {
    return envelope && std::find(envelope->address.cells.begin(), envelope->address.cells.end(), cell) !=
                           envelope->address.cells.end();
  };
  for (size_t li = 0; li < std::min(lines.size(), kHeadingLines) && lines[li].page == lines.front().page; ++li) {
    for (const CellRef& street : grid.cells[li]) {
      if (street.stacked || envelopes(&street)) continue;
      std::optional<Address> address = AddressAt(grid, street);
      if (!address || std::any_of(address->cells.begin(), address->cells.end(), envelopes)) continue;
      // Under a person's name it is somebody's envelope the reading above did not take: not the sender.
      if (address->owner != nullptr && !NamesAnOrganisation(address->owner->cell.Text()) &&
          PersonNamed(*address->owner)) {
        continue;
      }
      return AddressField(*address, name, "sender_address");
    }
  }
  return std::nullopt;
}

}  // namespace shoebox::extractors
