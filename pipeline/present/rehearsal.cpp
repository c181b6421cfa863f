// The practice call: the account's facts, the script's rows, and what the person said.
#include "pipeline/present/rehearsal.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

#include <nlohmann/json.hpp>

#include "pipeline/analysis/analysis.hpp"
#include "pipeline/analysis/findings.hpp"
#include "pipeline/analysis/problems.hpp"
#include "pipeline/core/embedded_data.hpp"
#include "pipeline/core/money.hpp"

namespace shoebox::rehearsal {
namespace {

// The topics the engine finds itself: a dollar figure, one above what the paperwork supports, one
// while something on the account is unresolved.
constexpr const char* kAmount = "amount";
constexpr const char* kTooMuch = "too_much";
constexpr const char* kTooSoon = "settle_too_soon";

std::vector<std::string> Split(const std::string& text, char by) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, by)) parts.push_back(part);
  return parts;
}

// The dollar figure the person said ("$150", "150.00", "1,200"), if any: a number of up to seven
// digits, not an account number.
std::optional<Cents> AmountIn(const std::string& line) {
  std::istringstream words(line);
  for (std::string word; words >> word;) {
    while (!word.empty() && std::ispunct(static_cast<unsigned char>(word.back())) && word.back() != '$') word.pop_back();
    std::string digits = word;
    std::erase_if(digits, [](char c) { return c == '$' || c == ',' || c == '.'; });
    if (digits.empty() || digits.size() > 9 || !std::all_of(digits.begin(), digits.end(), ::isdigit)) continue;
    if (word[0] != '$' && word.find('.') == std::string::npos && digits.size() > 7) continue;
    if (auto cents = ParseMoney(word[0] == '$' ? word : "$" + word)) return cents;
  }
  return std::nullopt;
}

// The placeholders of the script's lines and what they stand for on this account ({offered} is the
// call's own).
std::map<std::string, std::string> Values(const CallFacts& facts) {
  auto money = [](std::optional<Cents> cents) { return cents ? findings::Money(*cents) : std::string("the balance"); };
  return {{"{provider}", facts.provider.empty() ? "the provider" : facts.provider},
          {"{account}", facts.account_number},
          {"{patient}", facts.patient.empty() ? "the patient" : facts.patient},
          {"{balance}", money(facts.balance)},
          {"{plan_says}", facts.plan_says ? findings::Money(*facts.plan_says) : std::string("what the plan says")},
          {"{target}", findings::Money(facts.offer.target)},
          {"{open}", findings::Money(facts.offer.open)},
          {"{stop}", findings::Money(facts.offer.stop)},
          {"{monthly}", findings::Money(facts.offer.monthly)}};
}

// A script's rows as [kind, name, text] arrays, comments left out.
nlohmann::json Rows(std::string_view script) {
  nlohmann::json rows = nlohmann::json::array();
  for (const std::string& line : Split(std::string(script), '\n')) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells = Split(line, '\t');
    if (cells.size() >= 2) rows.push_back({cells[0], cells[1], cells.size() > 2 ? cells[2] : ""});
  }
  return rows;
}

}  // namespace

std::string PracticeData(const CallFacts& facts) {
  nlohmann::json data = {{"normal", Rows(embedded::RehearsalNormal())},
                         {"hard", Rows(embedded::RehearsalHard())},
                         {"values", Values(facts)},
                         {"target", facts.offer.target},
                         {"hold", facts.hold},
                         {"planSays", facts.plan_says.has_value()},
                         {"collections", facts.collections}};
  std::string json = data.dump();
  // Inside <script>, "</" would end the element.
  for (size_t at = json.find("</"); at != std::string::npos; at = json.find("</", at + 3)) json.replace(at, 2, "<\\/");
  return json;
}

std::string_view PracticeScript() { return embedded::PracticeScript(); }

CallFacts FactsOf(const findings::Analysis& analysis, const std::vector<Finding>& found,
                  const findings::Account& account) {
  CallFacts facts;
  facts.provider = account.provider_name;
  facts.account_number = account.account_number;
  facts.patient = account.patient_name;
  facts.balance = account.statements.back().amount_due_cents;
  std::vector<findings::AccountClaim> claims = findings::ClaimsOfAccount(account, analysis.matches, analysis.documents);
  facts.plan_says = findings::PlanSays(claims);
  std::set<std::string> ids;  // the account's papers: its statements, the plan's notices, the collector's letters
  for (const findings::Statement& s : account.statements) ids.insert(s.document_id);
  for (const findings::AccountClaim& claim : claims) ids.insert(claim.notice->id);
  for (const Match& match : analysis.matches) {
    if (match.claim_ordinal < 0 && ids.count(match.right_id)) facts.collections = true, ids.insert(match.left_id);
  }
  for (const Finding& finding : found) {
    bool ours = std::any_of(finding.documents.begin(), finding.documents.end(),
                            [&](const std::string& id) { return ids.count(id) > 0; });
    if (!ours || finding.to_check) continue;
    facts.findings.push_back(finding.summary);
    if (findings::HoldsPayment(finding.rule)) facts.hold = true;
  }
  facts.offer = findings::OfferFor(facts.balance, facts.plan_says, facts.collections);
  return facts;
}

Result<CallFacts> FactsOf(store::Database& db, const std::string& account_number) {
  auto analysis = findings::Analyse(db);
  if (!analysis) return analysis.error();
  auto found = db.LoadFindings();
  if (!found) return found.error();
  for (const findings::Account& account : findings::GroupAccounts(analysis->documents)) {
    if (findings::Key(account.account_number) == findings::Key(account_number)) return FactsOf(*analysis, *found, account);
  }
  return MakeError("no paper names account " + account_number + " (shoebox accounts lists them)");
}

Call::Call(CallFacts facts, Mode mode) : facts_(std::move(facts)) {
  auto read = [&](std::string_view script) {
    for (const std::string& line : Split(std::string(script), '\n')) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> cells = Split(line, '\t');
      if (cells.size() < 2) continue;
      std::string text = cells.size() > 2 ? cells[2] : "";
      if (cells[0] == "topic") {
        topics_.push_back({cells[1], text.empty() ? std::vector<std::string>() : Split(text, '|')});
      } else if (cells[0] == "well" || cells[0] == "missed") {
        (cells[0] == "well" ? well_ : missed_).push_back({Split(cells[1], '|'), text});
      } else {
        std::vector<std::string>& order = cells[0] == "warn" ? warn_order_ : coach_order_;
        if ((cells[0] == "warn" || cells[0] == "coach") && std::find(order.begin(), order.end(), cells[1]) == order.end()) {
          order.push_back(cells[1]);
        }
        rows_[cells[0] + "\t" + cells[1]] = text;
      }
    }
  };
  read(embedded::RehearsalNormal());
  if (mode == Mode::kHard) read(embedded::RehearsalHard());
  topics_.push_back({kTooMuch, {}});
  topics_.push_back({kTooSoon, {}});
}

std::string Call::Row(const std::string& kind, const std::string& name) const {
  auto it = rows_.find(kind + "\t" + name);
  return it == rows_.end() ? "" : Fill(it->second);
}

std::string Call::Fill(const std::string& text) const {
  std::map<std::string, std::string> values = Values(facts_);
  values["{offered}"] = said_amount_ ? findings::Money(*said_amount_) : "the balance";
  std::string out = text;
  for (const auto& [key, value] : values) {
    for (size_t at = out.find(key); at != std::string::npos; at = out.find(key, at + value.size())) {
      out.replace(at, key.size(), value);
    }
  }
  return out;
}

std::string Call::Variant(const std::string& kind, const std::string& name) const {
  std::string row;
  if (came_up_.count("evidence")) row = Row(kind, name + "+evidence");
  if (row.empty() && facts_.collections) row = Row(kind, name + "+collections");
  return row.empty() ? Row(kind, name) : row;
}

std::string Call::Opening() const { return Variant("rep", "opening"); }

Call::Exchange Call::Say(const std::string& line) {
  std::string said = line;
  std::transform(said.begin(), said.end(), said.begin(), [](unsigned char c) { return std::tolower(c); });
  std::set<std::string> now;
  for (const auto& [name, phrases] : topics_) {
    if (std::any_of(phrases.begin(), phrases.end(), [&](const std::string& p) { return said.find(p) != std::string::npos; })) {
      now.insert(name);
    }
  }
  // A figure said with the paperwork's words is evidence ("my plan says I owe $43.79"), not an offer;
  // put to the rep, the plan's figure settles what the account is (the balance is corrected to it).
  std::optional<Cents> amount = now.count("evidence") ? std::nullopt : AmountIn(line);
  if (now.count("evidence") && facts_.plan_says) corrected_ = true;
  if (amount) {
    said_amount_ = amount;
    if (*amount > facts_.offer.target) now.insert(kTooMuch);
    else if (facts_.hold && !corrected_) now.insert(kTooSoon);
    else now.insert(kAmount), offered_ = amount;
  }
  came_up_.insert(now.begin(), now.end());
  Exchange exchange;
  for (const auto& [name, phrases] : topics_) {
    if (!now.count(name)) continue;
    std::string rep = Variant("rep", name);
    if (rep.empty()) continue;
    exchange.rep = rep;
    exchange.ended = name == "goodbye";
    break;
  }
  if (exchange.rep.empty()) exchange.rep = Row("rep", "unknown");
  for (const char* kind : {"warn", "coach"}) {
    for (const std::string& name : std::string(kind) == "warn" ? warn_order_ : coach_order_) {
      if (now.count(name) && exchange.coaching.size() < 2) exchange.coaching.push_back(Variant(kind, name));
    }
  }
  return exchange;
}

std::vector<std::string> Call::WentWell() const {
  std::vector<std::string> lines;
  for (const auto& [names, text] : well_) {
    if (came_up_.count(names.front())) lines.push_back(Fill(text));
  }
  return lines;
}

std::vector<std::string> Call::SayDifferently() const {
  std::vector<std::string> lines;
  for (const std::string& name : warn_order_) {
    if (came_up_.count(name)) lines.push_back(Row("warn", name));
  }
  for (const auto& [names, text] : missed_) {
    bool any = std::any_of(names.begin(), names.end(), [&](const std::string& name) { return came_up_.count(name) > 0; });
    // While something is unresolved there is nothing to bargain over yet.
    if (!any && !(facts_.hold && names.front() == "reduce_open")) lines.push_back(Fill(text));
  }
  return lines;
}

}  // namespace shoebox::rehearsal
