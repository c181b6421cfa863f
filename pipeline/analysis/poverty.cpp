// The poverty guidelines, read from the table compiled into the binary, and what they suggest.
#include "pipeline/analysis/poverty.hpp"

#include <algorithm>
#include <map>
#include <sstream>
#include <vector>

#include "pipeline/analysis/accounts.hpp"
#include "pipeline/analysis/findings.hpp"
#include "pipeline/analysis/rules/rules.hpp"
#include "pipeline/core/dates.hpp"
#include "pipeline/core/embedded_data.hpp"

namespace shoebox::findings {
namespace {

struct Row {
  int year = 0;
  std::string region;  // contiguous, AK, HI
  Cents first = 0, each_further = 0;
};

const std::vector<Row>& Table() {
  static const std::vector<Row> kRows = [] {
    std::vector<Row> rows;
    std::istringstream lines{std::string(embedded::PovertyGuidelines())};
    for (std::string line; std::getline(lines, line);) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream fields(line);
      Row row;
      long long first = 0, further = 0;
      if (fields >> row.year >> row.region >> first >> further) {
        row.first = first * 100, row.each_further = further * 100;
        rows.push_back(row);
      }
    }
    return rows;
  }();
  return kRows;
}

std::string RegionWords(const std::string& region) {
  if (region == "AK") return "Alaska";
  if (region == "HI") return "Hawaii";
  return "the 48 contiguous states and DC";
}

}  // namespace

std::optional<PovertyLine> PovertyGuideline(int year, int size, const std::string& state) {
  if (size < 1) return std::nullopt;
  std::string region = state == "AK" || state == "HI" ? state : "contiguous";
  const Row* best = nullptr;
  for (const Row& row : Table()) {
    if (row.region == region && row.year <= year && (best == nullptr || row.year > best->year)) best = &row;
  }
  if (best == nullptr) return std::nullopt;
  return PovertyLine{best->year, RegionWords(region), best->first + best->each_further * (size - 1)};
}

int PercentOfPoverty(Cents income, const PovertyLine& line) {
  return line.cents <= 0 ? 0 : static_cast<int>(income * 100 / line.cents);
}

std::string TierWords(int percent) {
  if (percent <= 200) return "many nonprofit hospitals forgive bills in full at this income; ask for their policy and apply";
  if (percent <= 300) {
    return "many nonprofit hospitals discount bills at this income, often by half or more; ask for their policy and apply";
  }
  if (percent <= 400) return "some nonprofit hospitals discount bills at this income; ask for their policy, it is worth applying";
  return "most hospitals' free and discounted care stops below this income, but some reduce a large bill at any "
         "income (medical hardship); ask for their policy";
}

std::string PreScreen(const Household& household, int year) {
  std::optional<PovertyLine> line = PovertyGuideline(year, household.size, household.state);
  if (!line) return "";
  int percent = PercentOfPoverty(household.income_cents, *line);
  std::string people = std::to_string(household.size);
  return "Your household of " + people + " with " + Money(household.income_cents) + " a year is at " +
         std::to_string(percent) + "% of the " + std::to_string(line->year) + " federal poverty guideline (" +
         Money(line->cents) + " for " + people + (line->region == "the 48 contiguous states and DC" ? "" : " in " + line->region) +
         (line->year < year ? "; the newest shoebox has for a bill of " + std::to_string(year) : "") + "): " +
         TierWords(percent) + ".";
}

std::vector<AssistanceWindow> AssistanceWindows(const std::vector<StoredDocument>& documents) {
  std::map<std::string, const Document*> by_id;
  for (const StoredDocument& d : documents) by_id[d.id] = &d.document;
  std::vector<AssistanceWindow> windows;
  for (const Account& account : GroupAccounts(documents)) {
    const Statement& first = account.statements.front();
    bool hospital = std::any_of(account.statements.begin(), account.statements.end(),
                                [&](const Statement& s) { return IsHospitalBill(*by_id[s.document_id]); });
    if (!hospital || !IsIso(first.statement_date)) continue;
    windows.push_back({account.provider_name, account.account_number, first.statement_date,
                       AddDays(first.statement_date, 240), account.statements.back().amount_due_cents});
  }
  return windows;
}

}  // namespace shoebox::findings
