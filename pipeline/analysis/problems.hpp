// Start here: the findings as a person acts on them. Findings about one bill or collection letter
// (a duplicated line that is also the excess over the EOB and a charge the plan never saw; a bill
// sent before insurance finished and the collector now asking for it), or about the same dollars of
// one notice, are one problem with several reasons; problems are ranked by what waiting loses: a
// deadline close at hand first, then the money at stake, then severity. Plain data in and out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/records.hpp"

namespace shoebox::findings {

struct Problem {
  std::vector<const Finding*> reasons;  // the headline first: the most severe, then the nearest deadline
  std::string who;                      // the provider, collector or plan the problem is with
  std::string account_number;           // as printed on the bill or letter, or ""
  std::optional<Cents> at_stake;        // the most any reason puts at stake (they overlap: one debt)
  std::string deadline;  // the nearest one of its reasons still to come, else the latest passed; ISO or ""
  Severity severity = Severity::kInfo;  // the highest of its reasons
  bool hold_payment = false;            // a reason says not to pay (all, or part) yet
  Cents held_cents = 0;                 // how much not to pay yet: the most a holding reason puts at stake
  std::vector<std::string> documents;   // every document its reasons rest on, without repeats
};

// Whether a finding of this rule tells the person to hold off paying what is at stake.
bool HoldsPayment(FindingRule rule);

// The findings (check items are left out) grouped into problems and ranked; `documents` gives the
// names and account numbers, `today` the deadlines' nearness. The problems point into `found`.
std::vector<Problem> StartHere(const std::vector<Finding>& found, const std::vector<StoredDocument>& documents,
                               const std::string& today);

// What not to pay yet, over every problem (each problem's dollars once).
Cents HeldTotal(const std::vector<Problem>& problems);
// How many problems and what not to pay yet in all: "7 problems; do not pay $18,092.11 of what you
// are asked until they are sorted out".
std::string InAll(const std::vector<Problem>& problems);

// Who, how much and by when, in words: "VALLEY VIEW (account 555-0101): $98.00 at stake, by
// 2025-12-16 (15 days left); do not pay it yet".
std::string InOneLine(const Problem& problem, const std::string& today);

// Of these findings' deadlines, the nearest still to come, else the latest passed; "" when none.
std::string NearestDeadline(const std::vector<const Finding*>& found, const std::string& today);

// What to do, the headline's step first, each step once.
std::vector<std::string> StepsOf(const Problem& problem);

// A deadline as a person reads it against today: "2025-12-16 (15 days left)", "2025-12-01
// (today)", "2025-08-27 (passed 96 days ago)".
std::string DeadlineInWords(const std::string& deadline, const std::string& today);

}  // namespace shoebox::findings
