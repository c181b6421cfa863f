// The person a document is mailed to (fields.hpp: Addressee): the name over a street line and a
// "Town, ST 12345" line, as a window envelope shows it.
#include <algorithm>
#include <cctype>
#include <regex>
#include <set>
#include <sstream>

#include "extractors/fields.hpp"
#include "pipeline/core/geometry.hpp"
#include "pipeline/core/text.hpp"

namespace shoebox::extractors {
namespace {

bool IsCityLine(const std::string& text) {
  static const std::regex kCity(R"(^[A-Za-z][A-Za-z .'-]*, ?[A-Z]{2} +\d{5}(-\d{4})?$)");
  return std::regex_match(text, kCity);
}

bool IsStreetLine(const std::string& text) {
  return !text.empty() && std::isdigit(static_cast<unsigned char>(text[0])) && HasLetter(text);
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

}  // namespace

std::optional<Field> Addressee(const CellGrid& grid, const std::string& name) {
  const std::vector<Line>& lines = *grid.lines;
  if (lines.empty()) return std::nullopt;
  int first_page = lines.front().page;
  for (size_t li = 2; li < lines.size() && lines[li].page == first_page; ++li) {
    for (const CellRef& city : grid.cells[li]) {
      if (city.stacked || !IsCityLine(CollapseSpaces(city.cell.Text()))) continue;
      // One or two street lines over the town ("53 Larkspur Ave", then "Apt 4"), the name over them.
      for (size_t streets = 1; streets <= 2 && li >= streets + 1; ++streets) {
        const CellRef* street = CellOver(grid, li - streets, city.cell.box_px);
        const CellRef* second = streets == 2 ? CellOver(grid, li - 1, city.cell.box_px) : nullptr;
        if (street == nullptr || !IsStreetLine(street->cell.Text())) continue;
        if (streets == 2 && (second == nullptr || !HasDigit(second->cell.Text()))) continue;
        const CellRef* person = CellOver(grid, li - streets - 1, city.cell.box_px);
        if (person == nullptr || NamesAnOrganisation(person->cell.Text())) continue;
        Field field;
        field.name = name;
        field.page = person->cell.page;
        if (!ReadValue(ValueType::kPersonName, person->cell.words, 0, field)) continue;
        if (field.text != CollapseSpaces(person->cell.Text())) continue;  // the whole cell is the name
        field.confidence *= 0.8;  // a name placed by the envelope's layout, not by a label
        field.read_by = "addressee";
        return field;
      }
    }
  }
  return std::nullopt;
}

}  // namespace shoebox::extractors
