// The document's own arithmetic (DOMAIN.md §3), used to check OCR. An identity is a signed sum of
// figures that must come to zero. When it fails and exactly one single-character reading of one
// figure (a 1 read as 7, an 8 as 3, …) makes it hold, that reading is taken and the repair is
// recorded with the original figure; when none or several do, the figures are kept as read and
// the check is recorded as failed. A table that does not add up is never stored as if it did.
#pragma once

#include <string>
#include <vector>

#include "pipeline/core/page.hpp"

namespace shoebox::extractors {

struct Term {
  Cents* value;        // the figure as read; a repair rewrites it in place
  int sign;            // +1 or -1 in the identity
  std::string name;    // for the repair note, e.g. "total_charges_cents"
  bool magnitude = false;  // the identity uses |value| (credits printed either way); a repair keeps the sign
};

// The readings one character away from `cents`: a confusable digit (never changing the count of
// digits, except that "9.00" may be "0.00"), or a decimal point OCR dropped ("$375.00" read as
// "$37500").
std::vector<Cents> SingleCharacterReadings(Cents cents);

struct Identity {
  std::string name;  // the check's name, e.g. "line_items_sum_to_total_charges"
  std::vector<Term> terms;
};

// Checks each Σ sign·value = 0. A figure shared by several failing identities is repaired when one
// reading of it makes all of them hold; otherwise each failing identity is repaired on its own
// where exactly one reading of one figure makes it hold, round after round (a repair can settle
// another identity or leave it a single reading). A reading that would break an identity that
// holds is never taken. One check per identity, in order: ok, with "repaired NAME: read A as B" in
// detail after a repair.
std::vector<Check> CheckIdentities(std::vector<Identity> identities);

inline Check CheckIdentity(const std::string& name, std::vector<Term> terms) {
  return CheckIdentities({{name, std::move(terms)}}).front();
}

}  // namespace shoebox::extractors
