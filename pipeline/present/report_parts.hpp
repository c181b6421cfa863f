// What the report's files share: HTML escaping and the figures of an account that its page, call
// sheet and letters are written from. Only pipeline/present/report*.cpp include it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/analysis/accounts.hpp"
#include "pipeline/core/records.hpp"

namespace shoebox::report {

std::string Html(const std::string& text);
std::string Or(const std::string& text, const std::string& otherwise);
std::string Amount(const std::optional<Cents>& cents);  // "$1,840.00", or "–" when not read

struct AccountFigures {
  std::optional<Cents> balance;    // the latest statement's amount due
  std::optional<Cents> plan_says;  // what the finished claims leave the patient to pay
  std::vector<const Claim*> claims;
  const StoredDocument* letter = nullptr;  // the collection letter about the account, if any
  std::string first_service;
};

// The call sheet (../shared/DOMAIN.md §6): what to say, what to ask, and the numbers to offer.
std::string CallSheet(const findings::Account& account, const AccountFigures& figures,
                      const std::vector<const Finding*>& mine);
// The letters the account's findings call for, dated today.
std::string Letters(const findings::Account& account, const AccountFigures& figures,
                    const std::vector<const Finding*>& mine, const std::string& today);

}  // namespace shoebox::report
