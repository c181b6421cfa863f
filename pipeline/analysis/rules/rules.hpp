// The rules table: every findings rule of docs/RULES.md is one entry, with its IDs, what it reads
// and the function that raises its findings; findings::EvaluateRules is a loop over the table.
// A rule sees the whole database through RuleContext and never touches the store. Only
// pipeline/analysis/ (and its tests) include this header.
#pragma once

#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pipeline/analysis/accounts.hpp"
#include "pipeline/core/records.hpp"

namespace shoebox::findings {

// What every rule may read: the documents (one per paper), their matches, the accounts, the
// person's notes, and the day deadlines are counted from.
class RuleContext {
 public:
  RuleContext(const std::vector<StoredDocument>& documents, const std::vector<Match>& matches, std::string today,
              const std::vector<Note>& notes);

  const std::vector<StoredDocument>& documents() const { return documents_; }
  const std::vector<Account>& accounts() const { return accounts_; }
  const std::vector<Note>& notes() const { return notes_; }
  const std::string& today() const { return today_; }

  // The matches whose left side (the bill, or the collection letter) is this document.
  const std::vector<const Match*>& MatchesOf(const std::string& document_id) const;
  // The claims matched to a bill, one per claim number (the latest processing wins).
  const std::vector<const Claim*>& ClaimsOfBill(const std::string& bill_id) const;
  // The bills a collection letter matches, and their claims, one per claim number.
  std::vector<std::string> BillsOfLetter(const std::string& letter_id) const;
  std::vector<const Claim*> ClaimsOfLetter(const std::string& letter_id) const;
  // A statement superseded by a later one of its account, or settled by an agreement the person
  // logged: what to pay is judged on the latest, and settled business not at all.
  bool IsJudged(const std::string& bill_id) const { return not_judged_.count(bill_id) == 0; }
  // The date of the first statement of the bill's account (the financial-assistance clock), or "".
  std::string FirstStatementDate(const std::string& bill_id) const;
  // The latest agreement the person logged for the account (with an amount), or null.
  const Note* AgreementOf(const Account& account) const;
  // The document of this id, or null.
  const StoredDocument* DocumentOf(const std::string& id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : it->second;
  }

 private:
  const std::vector<StoredDocument>& documents_;
  std::string today_;
  const std::vector<Note>& notes_;
  std::map<std::string, const StoredDocument*> by_id_;
  std::unordered_map<std::string, std::vector<const Match*>> matches_of_;
  std::unordered_map<std::string, std::vector<const Claim*>> claims_of_bill_;  // found once, read by several rules
  std::vector<Account> accounts_;
  std::set<std::string> not_judged_;
  std::map<std::string, std::string> first_statement_of_;
};

// What a rule is run on: the whole database (once), each judged document of its kinds, or each
// claim of those documents.
enum class RuleScope { kDatabase, kDocument, kClaim };

// Raises a rule's findings; `document` and `claim` are null where the scope does not give one.
using RaiseFunction = void(const RuleContext& context, const StoredDocument* document, const Claim* claim,
                           std::vector<Finding>& found);

struct Rule {
  std::string_view ids;      // the docs/RULES.md IDs it raises: "R-premature-01 R-premature-02 R-premature-03"
  RuleScope scope = RuleScope::kDocument;
  std::vector<DocumentKind> kinds;  // the kinds of document it reads; empty: every kind
  bool judged_only = false;         // bills only while RuleContext::IsJudged
  RaiseFunction* raise = nullptr;
  // A rule that judges money rests on the figures of the documents it names: each must add up
  // (every check ok, as read or repaired) and these fields, where read, must be read surely
  // (kSureEnough); otherwise its findings become check items (ApplyEvidenceGate).
  bool rests_on_figures = false;
  std::vector<std::string_view> rests_on;
  // The checks that must have been made, and hold, on each bill it names: the arithmetic the
  // figures it rests on close (a duplicated line is a duplicate only where the lines add up; the
  // lines' sum is asked of an itemized bill only).
  std::vector<std::string_view> bill_checks;
};

// How sure the reading of a figure a finding rests on must be.
inline constexpr double kSureEnough = 0.6;

// Turns the findings of rules resting on figures into check items where the figures do not hold.
void ApplyEvidenceGate(const RuleContext& context, std::vector<Finding>& found);

// In the order they run. The documents are gone through one by one, each with every document rule
// (and its claims with every claim rule) in table order; a database rule listed before the first
// document rule runs before that pass, one listed after it, after. Findings keep that order where
// the ranking ties.
std::span<const Rule> Rules();

// Shared by the rules.
bool IsIso(const std::string& text);
// Whether the plan has finished with any of these claims (findings::IsFinished).
bool AnyFinished(const std::vector<const Claim*>& claims);
bool IsHospitalBill(const Document& bill);

// One per rule file (rules/<name>.cpp), each named in the table (rules/table.cpp).
RaiseFunction RaiseSettled;
RaiseFunction RaiseArithmetic;
RaiseFunction RaisePremature;
RaiseFunction RaiseBalance;
RaiseFunction RaiseDuplicate;
RaiseFunction RaiseQuantity;
RaiseFunction RaiseBilledNotOnEob;
RaiseFunction RaiseAssistance;
RaiseFunction RaiseDenied;
RaiseFunction RaiseSurprise;
RaiseFunction RaiseValidation;
RaiseFunction RaiseCollectionBeforeInsurance;
RaiseFunction RaiseCollectionAmount;
RaiseFunction RaiseAccountIncrease;

}  // namespace shoebox::findings
