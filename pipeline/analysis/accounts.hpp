// accounts and episodes: the paperwork as a person thinks of it. An account is every statement of
// one provider account in date order, with its balance history; an episode is one visit's bills,
// plan claims and collection letters together, with what is still missing named plainly.
// Plain data in, plain data out, like match and rules. Extra copies of one paper (FindTwins) are
// left out by the caller.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/analysis/findings.hpp"

namespace shoebox::findings {

struct Statement {
  std::string document_id;
  std::string statement_date;  // ISO, or empty
  std::optional<Cents> total_charges_cents, insurance_paid_cents, adjustments_cents, patient_paid_cents,
      amount_due_cents;
};

struct Account {
  std::string provider_name;   // as printed on the latest statement
  std::string account_number;  // as printed
  std::string patient_name;
  std::vector<Statement> statements;  // oldest first
};

// Bills grouped by account number and provider (printed in different ways); bills without an
// account number are accounts of their own.
std::vector<Account> GroupAccounts(const std::vector<StoredDocument>& documents);

// What the person agreed for an account and has paid under it, from their record (shoebox log).
struct Settlement {
  const Note* agreement = nullptr;  // the latest agreement with an amount; null where none
  Cents paid = 0;                   // payments logged on or after the agreement's day
  Cents left = 0;                   // agreed less paid, never below 0
};
Settlement SettlementOf(const std::string& account_number, const std::vector<Note>& notes);
// "agreed $120.00 on 2025-12-01, paid $100.00 since, $20.00 left" (or "…, paid in full").
std::string SettlementWords(const Settlement& settlement);

// The plan's claims matched to the account's statements, each once (by its number), with the
// notice each is printed on.
struct AccountClaim {
  const Claim* claim = nullptr;
  const StoredDocument* notice = nullptr;
};
std::vector<AccountClaim> ClaimsOfAccount(const Account& account, const std::vector<Match>& matches,
                                          const std::vector<StoredDocument>& documents);
// What the account's finished claims leave the patient to pay; none where no finished claim says.
std::optional<Cents> PlanSays(const std::vector<AccountClaim>& claims);

// What to aim at on a call and what to offer: the least of the balance and what the plan says is
// owed; a lump sum to open with and one to stop at (collections often settle at 30-50 %, providers
// at a 20-40 % reduction, 50-60 % in hardship); the monthly payment that clears it in a year.
struct Offer {
  Cents target = 0, open = 0, stop = 0, monthly = 0;
};
Offer OfferFor(std::optional<Cents> balance, std::optional<Cents> plan_says, bool collections);

// Every account number the papers print (bills' and letters' account numbers, letters' reference
// numbers, claims' patient account numbers), once each: what a logged call or payment can be about.
std::vector<std::string> PrintedAccountNumbers(const std::vector<StoredDocument>& documents);

struct EpisodeClaim {
  std::string document_id;  // the EOB or MSN
  int claim_ordinal = 0;
};

struct Episode {
  std::string patient_name;
  std::string first_service_date, last_service_date;  // ISO, or empty when no document gives one
  std::vector<std::string> bills, letters;            // document ids
  std::vector<EpisodeClaim> claims;
  std::vector<std::string> missing;  // "no EOB yet for the Valley Radiology bill of 2025-02-03"
};

// One visit: bills joined to the plan's claims and letters they match, and bills of the same
// patient whose dates of service meet (facility, physician and radiology of one emergency visit).
// Bills of different or unknown patients are never joined on dates alone.
std::vector<Episode> GroupEpisodes(const std::vector<StoredDocument>& documents, const std::vector<Match>& matches);

// Per person and plan year (the calendar year of the dates of service), from the plan's notices:
// what the plan applied to the deductible and what it left the person to pay so far; a claim
// counts once (its latest processing). person "" is the whole family's total for the year.
struct PlanYear {
  std::string person;
  std::string year;
  Cents deductible_cents = 0;
  Cents patient_responsibility_cents = 0;
  int claims = 0;
  // The first processed claim of the year that applied no deductible but charged coinsurance: its
  // figures say the deductible had been met by then (ISO date, or empty).
  std::string deductible_met_by;
};
std::vector<PlanYear> SumPlanYears(const std::vector<StoredDocument>& documents);
// "deductible $169.33, your share $169.33 (1 claim); deductible met by 2025-04-10"
std::string PlanYearWords(const PlanYear& year);


}  // namespace shoebox::findings
