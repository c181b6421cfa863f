#include "extractors/arithmetic.hpp"

#include <cstdlib>
#include <string>

namespace shoebox::extractors {
namespace {

// Digits OCR mistakes for one another in printed figures.
const char* Confusable(char digit) {
  switch (digit) {
    case '0': return "869";
    case '1': return "74";
    case '2': return "7";
    case '3': return "85";
    case '4': return "1";
    case '5': return "6389";
    case '6': return "580";
    case '7': return "12";
    case '8': return "30695";
    case '9': return "805";
    default: return "";
  }
}

Cents Value(const Term& term) { return term.magnitude ? std::llabs(*term.value) : *term.value; }

std::string Dollars(Cents cents) {
  std::string text = std::to_string(std::llabs(cents) / 100) + "." + (std::llabs(cents) % 100 < 10 ? "0" : "") +
                     std::to_string(std::llabs(cents) % 100);
  return (cents < 0 ? "-" : "") + text;
}

}  // namespace

std::vector<Cents> SingleCharacterReadings(Cents cents) {
  std::string digits = std::to_string(std::llabs(cents));
  std::vector<Cents> alternatives;
  for (size_t i = 0; i < digits.size(); ++i) {
    for (const char* c = Confusable(digits[i]); *c != '\0'; ++c) {
      // A leading zero would change the count of digits, except before the cents: "0.00" read as
      // "9.00" (a fax's most common misreading in a table of zero shares).
      if (i == 0 && *c == '0' && digits.size() != 3) continue;
      std::string changed = digits;
      changed[i] = *c;
      Cents value = std::stoll(changed);
      alternatives.push_back(cents < 0 ? -value : value);
    }
  }
  if (cents != 0 && cents % 100 == 0) alternatives.push_back(cents / 100);
  return alternatives;
}

namespace {

Cents Sum(const Identity& identity) {
  Cents sum = 0;
  for (const Term& term : identity.terms) sum += term.sign * Value(term);
  return sum;
}

struct Reading {
  const Term* term;
  Cents value;  // the magnitude (or value) the identity needs
};

// Whether every identity that holds with the figure as read still holds with it read as `value`.
bool KeepsTheOthers(const Term& term, Cents value, const std::vector<Identity>& all) {
  for (const Identity& other : all) {
    if (Sum(other) != 0) continue;
    for (const Term& same : other.terms) {
      if (same.value != term.value) continue;
      if (Sum(other) - same.sign * Value(same) + same.sign * value != 0) return false;
    }
  }
  return true;
}

// The readings of single figures that make one identity hold without breaking another that holds
// (a line's allowed amount "mended" to absorb a misread copay would break its column's total).
std::vector<Reading> Fixes(const Identity& identity, const std::vector<Identity>& all) {
  Cents sum = Sum(identity);
  std::vector<Reading> fixes;
  for (const Term& term : identity.terms) {
    Cents current = Value(term);
    for (Cents alternative : SingleCharacterReadings(current)) {
      if (sum - term.sign * current + term.sign * alternative == 0 && KeepsTheOthers(term, alternative, all)) {
        fixes.push_back({&term, alternative});
      }
    }
  }
  return fixes;
}

std::string Apply(const Reading& reading) {
  Cents original = *reading.term->value;
  *reading.term->value = reading.term->magnitude && original < 0 ? -reading.value : reading.value;
  return "repaired " + reading.term->name + ": read " + Dollars(original) + " as " + Dollars(*reading.term->value);
}

}  // namespace

std::vector<Check> CheckIdentities(std::vector<Identity> identities) {
  std::vector<Check> checks(identities.size());
  std::vector<size_t> failing;
  for (size_t i = 0; i < identities.size(); ++i) {
    checks[i] = {identities[i].name, Sum(identities[i]) == 0, ""};
    if (!checks[i].ok) failing.push_back(i);
  }
  // One figure that several failing identities share, read one way that mends them all.
  if (failing.size() > 1) {
    std::vector<std::pair<Cents*, Cents>> shared;
    for (const Reading& fix : Fixes(identities[failing[0]], identities)) {
      bool everywhere = true;
      for (size_t k = 1; k < failing.size() && everywhere; ++k) {
        bool found = false;
        for (const Reading& other : Fixes(identities[failing[k]], identities)) {
          found |= other.term->value == fix.term->value && other.value == fix.value;
        }
        everywhere = found;
      }
      if (everywhere) shared.push_back({fix.term->value, fix.value});
    }
    if (shared.size() == 1) {
      const Reading* chosen = nullptr;
      std::vector<Reading> first = Fixes(identities[failing[0]], identities);
      for (const Reading& fix : first) {
        if (fix.term->value == shared[0].first && fix.value == shared[0].second) chosen = &fix;
      }
      std::string detail = Apply(*chosen);
      for (size_t i : failing) checks[i] = {identities[i].name, true, detail};
      return checks;
    }
  }
  // Each failing identity that exactly one reading mends is mended, round after round: one repair
  // can leave a single reading for an identity that several would have mended before it (a
  // column's total points at the line whose figure was misread, and that line then adds up).
  for (bool mended = true; mended;) {
    mended = false;
    for (size_t i : failing) {
      if (Sum(identities[i]) == 0) continue;
      std::vector<Reading> fixes = Fixes(identities[i], identities);
      if (fixes.size() == 1) checks[i].detail = Apply(fixes[0]), mended = true;
    }
  }
  for (size_t i : failing) {
    checks[i].ok = Sum(identities[i]) == 0;  // by its own repair (detail says which) or another's
    if (checks[i].ok) continue;
    size_t readings = Fixes(identities[i], identities).size();
    checks[i].detail = "off by " + Dollars(Sum(identities[i])) + (readings > 1 ? "; several readings would fix it" : "");
  }
  return checks;
}

}  // namespace shoebox::extractors
