// rehearse: a practice call with a scripted billing representative who knows the account's numbers,
// with coaching after every exchange and a summary at the end (issue 23). The rep's lines and the
// coaching are data (pipeline/present/rehearsal/normal.tsv, and hard.tsv over it), not code: this
// file only finds what the person said and picks the lines.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/analysis/accounts.hpp"
#include "pipeline/analysis/analysis.hpp"
#include "pipeline/core/result.hpp"
#include "pipeline/store/store.hpp"

namespace shoebox::rehearsal {

// What the rep knows and the coach holds the person to.
struct CallFacts {
  std::string provider, account_number, patient;
  std::optional<Cents> balance;    // what the latest statement asks
  std::optional<Cents> plan_says;  // what the plan's finished claims leave to pay
  bool collections = false;        // a collector's letter is about the account
  bool hold = false;               // a finding says not to pay yet: no settlement on this call
  findings::Offer offer;
  std::vector<std::string> findings;  // the account's findings, in words
};

// The facts of the account the papers print as `account_number`; an Error naming the slip where no
// paper does. The second form, of an account of an analysis already made, with its findings.
Result<CallFacts> FactsOf(store::Database& db, const std::string& account_number);
CallFacts FactsOf(const findings::Analysis& analysis, const std::vector<Finding>& found, const findings::Account& account);

// The same practice in the report's page: the facts and both scripts as JSON for its script
// (rehearsal/practice.js), and that script.
std::string PracticeData(const CallFacts& facts);
std::string_view PracticeScript();

enum class Mode { kNormal, kHard };

class Call {
 public:
  Call(CallFacts facts, Mode mode);

  std::string Opening() const;  // the rep's first line
  struct Exchange {
    std::string rep;
    std::vector<std::string> coaching;  // one or two lines
    bool ended = false;                 // the person said goodbye
  };
  Exchange Say(const std::string& line);
  // What went well and what to say differently, a line each.
  std::vector<std::string> WentWell() const;
  std::vector<std::string> SayDifferently() const;
  std::optional<Cents> Offered() const { return offered_; }  // the counter-offer practised, if any

 private:
  std::string Fill(const std::string& text) const;
  std::string Row(const std::string& kind, const std::string& name) const;  // "" where none
  // The row for what has come up: NAME+evidence once the paperwork's figures were put to the rep,
  // NAME+collections where a collector has the account, else NAME.
  std::string Variant(const std::string& kind, const std::string& name) const;

  CallFacts facts_;
  std::map<std::string, std::string> rows_;  // "kind\tname" → text
  std::vector<std::pair<std::string, std::vector<std::string>>> topics_;  // in order, with their phrases
  std::vector<std::string> warn_order_, coach_order_;  // the names of the warn and coach rows, in order
  std::vector<std::pair<std::vector<std::string>, std::string>> well_, missed_;  // names → text, in order
  std::set<std::string> came_up_;
  bool corrected_ = false;            // the person put the plan's figure to the rep
  std::optional<Cents> said_amount_;  // the last dollar figure the person said
  std::optional<Cents> offered_;      // the last one the paperwork supports
};

}  // namespace shoebox::rehearsal
