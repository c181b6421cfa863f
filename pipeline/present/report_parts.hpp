// What the report's files share: HTML escaping and the figures of an account that its page, call
// sheet and letters are written from. Only pipeline/present/report*.cpp include it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/analysis/accounts.hpp"
#include "pipeline/core/records.hpp"
#include "pipeline/present/rehearsal.hpp"

namespace shoebox::report {

std::string Html(const std::string& text);
std::string Or(const std::string& text, const std::string& otherwise);
std::string Amount(const std::optional<Cents>& cents);  // "$1,840.00", or "–" when not read

// A claim of the account's the plan denied (in whole or part), with the notice that says so.
struct DeniedClaim {
  const Claim* claim = nullptr;
  const StoredDocument* notice = nullptr;
};

struct AccountFigures {
  std::optional<Cents> balance;    // the latest statement's amount due
  std::optional<Cents> plan_says;  // what the finished claims leave the patient to pay
  std::vector<const Claim*> claims;
  std::vector<DeniedClaim> denied;
  const StoredDocument* letter = nullptr;  // the collection letter about the account, if any
  std::optional<Cents> collector_asks;     // what that letter asks now
  std::string first_service;
  std::string guarantor;        // whom the latest statement is addressed to
  std::string mailing_address;  // where the account's papers are mailed to the person
  std::string billing_address;  // the provider's own address as its latest statement prints it
  // A hospital account's financial-assistance pre-screen, where the person gave their household:
  // the household, the year of the account's first statement, and the pre-screen in a sentence.
  const Household* household = nullptr;
  int bill_year = 0;
  std::string pre_screen;
  std::string phone;      // the billing office's number as the latest statement prints it
};

// The call sheet (../shared/DOMAIN.md §6): what to say, what to ask, and, once nothing is left to put
// right, the numbers to offer.
std::string CallSheet(const findings::Account& account, const AccountFigures& figures,
                      const std::vector<const Finding*>& mine);
// A call sheet for the plan about each denied claim: why, whether the provider can fix it, how to appeal.
std::string PlanCallSheet(const AccountFigures& figures, const std::vector<const Finding*>& mine,
                          const std::string& today);
// The practice call on the page: the rep and the coach of shoebox rehearse, run by the page's one
// script over the same script rows (rehearsal.hpp).
std::string Practice(const rehearsal::CallFacts& facts);
// The letters the account's findings call for, dated today; the agreement's confirmation filled in
// from what the person logged.
std::string Letters(const findings::Account& account, const AccountFigures& figures,
                    const std::vector<const Finding*>& mine, const findings::Settlement& settlement,
                    const std::string& today);

}  // namespace shoebox::report
