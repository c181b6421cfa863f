// RuleContext: the database as the rules read it, indexed once; and the loop over the rules table.
#include <algorithm>

#include "pipeline/analysis/findings.hpp"
#include "pipeline/analysis/rules/rules.hpp"

namespace shoebox::findings {

bool IsIso(const std::string& text) { return text.size() == 10 && text[4] == '-' && text[7] == '-'; }

bool AnyFinished(const std::vector<const Claim*>& claims) {
  return std::any_of(claims.begin(), claims.end(), [](const Claim* c) { return IsFinished(*c); });
}

bool IsHospitalBill(const Document& bill) {
  for (const LineItem& item : bill.line_items) {
    if (!item.revenue_code.empty()) return true;  // UB-04 revenue codes come only from facilities
  }
  std::string name = Key(TextOf(bill, "provider_name"));
  for (const char* word : {"HOSPITAL", "MEDICALCENTER", "HEALTHSYSTEM", "REGIONAL"}) {
    if (name.find(word) != std::string::npos) return true;
  }
  return false;
}

namespace {

// The claims matched to a bill, one per claim number: the same EOB scanned twice, or a claim
// reprocessed later, counts once, the latest processing winning.
std::vector<const Claim*> LatestClaims(const std::vector<const Match*>& matches_of_bill,
                                       const std::map<std::string, const StoredDocument*>& by_id) {
  std::map<std::string, const Claim*> latest;
  for (const Match* match : matches_of_bill) {
    auto notice = by_id.find(match->right_id);
    if (notice == by_id.end() || match->claim_ordinal < 0) continue;
    const auto& claims = notice->second->document.claims;
    if (match->claim_ordinal >= static_cast<int>(claims.size())) continue;
    const Claim* claim = &claims[static_cast<size_t>(match->claim_ordinal)];
    std::string key = claim->claim_number.empty() ? match->right_id : claim->claim_number;
    auto it = latest.find(key);
    if (it == latest.end() || it->second->processed_date < claim->processed_date) latest[key] = claim;
  }
  std::vector<const Claim*> claims;
  for (const auto& [key, claim] : latest) claims.push_back(claim);
  return claims;
}

}  // namespace

RuleContext::RuleContext(const std::vector<StoredDocument>& documents, const std::vector<Match>& matches,
                         std::string today, const std::vector<Note>& notes)
    : documents_(documents), today_(std::move(today)), notes_(notes), accounts_(GroupAccounts(documents)) {
  for (const StoredDocument& document : documents) by_id_[document.id] = &document;
  for (const Match& match : matches) matches_of_[match.left_id].push_back(&match);
  for (const auto& [left_id, matches_of_left] : matches_of_) claims_of_bill_[left_id] = LatestClaims(matches_of_left, by_id_);
  // A later statement of the same account supersedes the earlier ones, and the first statement
  // starts the financial-assistance clock.
  for (const Account& account : accounts_) {
    const std::string& latest = account.statements.back().statement_date;
    for (const Statement& statement : account.statements) {
      if (IsIso(statement.statement_date) && IsIso(latest) && statement.statement_date < latest) {
        not_judged_.insert(statement.document_id);
      }
      if (IsIso(account.statements.front().statement_date)) {
        first_statement_of_[statement.document_id] = account.statements.front().statement_date;
      }
    }
    // Statements up to an agreement are settled business (R-settled-01 judges the later ones).
    if (AgreementOf(account) != nullptr) {
      for (const Statement& statement : account.statements) not_judged_.insert(statement.document_id);
    }
  }
}

const std::vector<const Match*>& RuleContext::MatchesOf(const std::string& document_id) const {
  static const std::vector<const Match*> kNone;
  auto it = matches_of_.find(document_id);
  return it == matches_of_.end() ? kNone : it->second;
}

const std::vector<const Claim*>& RuleContext::ClaimsOfBill(const std::string& bill_id) const {
  static const std::vector<const Claim*> kNone;
  auto it = claims_of_bill_.find(bill_id);
  return it == claims_of_bill_.end() ? kNone : it->second;
}

std::vector<std::string> RuleContext::BillsOfLetter(const std::string& letter_id) const {
  std::vector<std::string> bills;
  for (const Match* match : MatchesOf(letter_id)) bills.push_back(match->right_id);
  return bills;
}

std::vector<const Claim*> RuleContext::ClaimsOfLetter(const std::string& letter_id) const {
  std::vector<const Claim*> claims;
  for (const std::string& bill : BillsOfLetter(letter_id)) {
    for (const Claim* claim : ClaimsOfBill(bill)) {
      if (std::none_of(claims.begin(), claims.end(), [&](const Claim* c) { return c->claim_number == claim->claim_number; })) {
        claims.push_back(claim);
      }
    }
  }
  return claims;
}

std::string RuleContext::FirstStatementDate(const std::string& bill_id) const {
  auto it = first_statement_of_.find(bill_id);
  return it == first_statement_of_.end() ? "" : it->second;
}

const Note* RuleContext::AgreementOf(const Account& account) const {
  return SettlementOf(account.account_number, notes_).agreement;
}

std::vector<Finding> EvaluateRules(const std::vector<StoredDocument>& documents, const std::vector<Match>& matches,
                                   const std::string& today, const std::vector<Note>& notes) {
  RuleContext context(documents, matches, today, notes);
  std::vector<Finding> found;
  auto applies = [](const Rule& rule, const Document& d) {
    return rule.kinds.empty() || std::find(rule.kinds.begin(), rule.kinds.end(), d.kind) != rule.kinds.end();
  };
  bool documents_done = false;
  for (const Rule& rule : Rules()) {
    if (rule.scope == RuleScope::kDatabase) {
      rule.raise(context, nullptr, nullptr, found);
      continue;
    }
    if (documents_done) continue;
    documents_done = true;
    for (const StoredDocument& stored : documents) {
      for (const Rule& each : Rules()) {
        if (each.scope != RuleScope::kDocument || !applies(each, stored.document)) continue;
        if (each.judged_only && !context.IsJudged(stored.id)) continue;
        each.raise(context, &stored, nullptr, found);
      }
      for (const Claim& claim : stored.document.claims) {
        for (const Rule& each : Rules()) {
          if (each.scope == RuleScope::kClaim && applies(each, stored.document)) each.raise(context, &stored, &claim, found);
        }
      }
    }
  }
  ApplyEvidenceGate(context, found);
  // Most urgent first: severity, then the nearest deadline, then the most money.
  std::stable_sort(found.begin(), found.end(), [](const Finding& a, const Finding& b) {
    if (a.severity != b.severity) return a.severity < b.severity;
    if (a.deadline.empty() != b.deadline.empty()) return !a.deadline.empty();
    if (a.deadline != b.deadline) return a.deadline < b.deadline;
    return a.amount_cents.value_or(0) > b.amount_cents.value_or(0);
  });
  return found;
}

}  // namespace shoebox::findings
