// What the report's files share: HTML escaping and the figures of an account that its page, call
// sheet and letters are written from. Only pipeline/present/report*.cpp include it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/analysis/accounts.hpp"
#include "pipeline/analysis/problems.hpp"
#include "pipeline/core/records.hpp"
#include "pipeline/present/rehearsal.hpp"

namespace shoebox::report {

std::string Html(const std::string& text);
std::string Or(const std::string& text, const std::string& otherwise);
std::string Amount(const std::optional<Cents>& cents);  // "$1,840.00", or "–" when not read
std::string Head();  // the page's head: its Content-Security-Policy and style, open for the title

// "Start here": one line per problem across the accounts, ranked by what waiting loses, each linked
// to the page of its account (page_of_document) and, where it is a hospital's assistance window,
// with the household's pre-screen (pre_screens: by the account's key).
std::string StartHere(const std::vector<findings::Problem>& problems,
                      const std::map<std::string, std::string>& page_of_document,
                      const std::map<std::string, std::string>& pre_screens, const std::string& today);

// The index's accounts of one person, with their plan year so far.
struct IndexSection {
  std::string person;  // "" where no paper of the accounts names anyone
  std::vector<findings::PlanYear> years;
  std::string rows;  // the accounts' rows of the table
};
struct IndexContents {
  std::string today;
  std::string person;  // the one person the report is about; "" for the household
  int accounts = 0;
  size_t findings = 0, checks = 0;
  bool papers = false;  // whether any paper has been read
  std::string start_here;
  std::vector<IndexSection> sections;
  std::string others;  // the findings and checks of papers with no bill yet
};
std::string IndexPage(const IndexContents& index);

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
