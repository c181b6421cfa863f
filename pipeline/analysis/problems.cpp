#include "pipeline/analysis/problems.hpp"

#include <algorithm>
#include <map>
#include <numeric>

#include "pipeline/analysis/findings.hpp"
#include "pipeline/core/dates.hpp"

namespace shoebox::findings {

bool HoldsPayment(FindingRule rule) {
  switch (rule) {
    case FindingRule::kFinancialAssistanceWindow:   // apply for help; paying is another question
    case FindingRule::kCollectionValidationWindow:  // a right to use, not a sign the debt is wrong
    case FindingRule::kArithmeticMismatch:          // says what to check, not what not to pay
    case FindingRule::kEobMissing:
      return false;
    default:
      return true;
  }
}

namespace {

bool AsksForMoney(const StoredDocument& d) {
  return d.document.kind == DocumentKind::kBill || d.document.kind == DocumentKind::kCollectionLetter;
}

// Two findings are one problem when they are about one bill or letter, or put the same dollars of
// one notice at stake (a notice's several claims are several problems).
bool SameProblem(const Finding& a, const Finding& b, const std::map<std::string, const StoredDocument*>& by_id) {
  bool same_dollars = a.amount_cents && b.amount_cents && *a.amount_cents == *b.amount_cents;
  return std::any_of(a.documents.begin(), a.documents.end(), [&](const std::string& id) {
    if (std::find(b.documents.begin(), b.documents.end(), id) == b.documents.end()) return false;
    auto it = by_id.find(id);
    return same_dollars || (it != by_id.end() && AsksForMoney(*it->second));
  });
}

// The paper a problem is with: the collection letter that asks for it, else its bill, else the
// first document it names.
const StoredDocument* PaperOf(const std::vector<std::string>& ids,
                              const std::map<std::string, const StoredDocument*>& by_id) {
  const StoredDocument* first = nullptr;
  for (DocumentKind kind : {DocumentKind::kCollectionLetter, DocumentKind::kBill}) {
    for (const std::string& id : ids) {
      auto it = by_id.find(id);
      if (it == by_id.end()) continue;
      if (first == nullptr) first = it->second;
      if (it->second->document.kind == kind) return it->second;
    }
  }
  return first;
}

std::string WhoOf(const Document& d) {
  switch (d.kind) {
    case DocumentKind::kBill:
      return TextOf(d, "provider_name");
    case DocumentKind::kCollectionLetter: {
      std::string collector = TextOf(d, "collector_name");
      if (collector.empty()) collector = TextOf(d, "current_creditor");
      std::string original = TextOf(d, "original_creditor");
      if (collector.empty()) return original;
      return original.empty() || SameProvider(original, collector) ? collector
                                                                   : collector + ", collecting for " + original;
    }
    default: {
      std::string payer = TextOf(d, "payer_name");
      return payer.empty() ? "your plan" : payer;
    }
  }
}

// 0: a deadline within 30 days, ranked by its date; 1: one within 90 days; 2: a later, passed or no
// deadline. Past 1, what waiting loses is the money, not a right.
int Nearness(const Problem& problem, const std::string& today) {
  if (problem.deadline.empty() || problem.deadline < today) return 2;
  int days = DaysBetween(today, problem.deadline);
  return days <= 30 ? 0 : days <= 90 ? 1 : 2;
}

}  // namespace

std::vector<Problem> StartHere(const std::vector<Finding>& found, const std::vector<StoredDocument>& documents,
                               const std::string& today) {
  std::map<std::string, const StoredDocument*> by_id;
  for (const StoredDocument& d : documents) by_id[d.id] = &d;
  // Findings of one problem, joined through any finding they share a paper with (union-find over
  // the findings); the findings come most urgent first, so each problem's first reason is its headline.
  std::vector<const Finding*> findings;
  for (const Finding& finding : found) {
    if (!finding.to_check) findings.push_back(&finding);
  }
  std::vector<size_t> root(findings.size());
  std::iota(root.begin(), root.end(), size_t{0});
  auto find_root = [&](size_t i) {
    while (root[i] != i) i = root[i] = root[root[i]];
    return i;
  };
  for (size_t i = 0; i < findings.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (SameProblem(*findings[i], *findings[j], by_id)) {
        size_t a = find_root(i), b = find_root(j);
        root[std::max(a, b)] = std::min(a, b);
      }
    }
  }
  std::vector<Problem> problems;
  std::map<size_t, size_t> problem_of_root;
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& finding = *findings[i];
    auto [at, is_new] = problem_of_root.emplace(find_root(i), problems.size());
    Problem& problem = is_new ? problems.emplace_back() : problems[at->second];
    problem.reasons.push_back(&finding);
    problem.severity = std::min(problem.severity, finding.severity);
    if (finding.amount_cents) problem.at_stake = std::max(problem.at_stake.value_or(0), *finding.amount_cents);
    if (HoldsPayment(finding.rule)) {
      problem.hold_payment = true;
      problem.held_cents = std::max(problem.held_cents, finding.amount_cents.value_or(0));
    }
    for (const std::string& id : finding.documents) {
      if (std::find(problem.documents.begin(), problem.documents.end(), id) == problem.documents.end())
        problem.documents.push_back(id);
    }
  }
  for (Problem& problem : problems) {
    problem.deadline = NearestDeadline(problem.reasons, today);
    if (const StoredDocument* paper = PaperOf(problem.documents, by_id)) {
      problem.who = WhoOf(paper->document);
      problem.account_number = TextOf(paper->document, "account_number");
    }
  }
  std::stable_sort(problems.begin(), problems.end(), [&](const Problem& a, const Problem& b) {
    int near_a = Nearness(a, today), near_b = Nearness(b, today);
    if (near_a != near_b) return near_a < near_b;
    if (near_a == 0 && a.deadline != b.deadline) return a.deadline < b.deadline;
    if (a.at_stake.value_or(0) != b.at_stake.value_or(0)) return a.at_stake.value_or(0) > b.at_stake.value_or(0);
    return a.severity < b.severity;
  });
  return problems;
}

Cents HeldTotal(const std::vector<Problem>& problems) {
  return std::accumulate(problems.begin(), problems.end(), Cents{0},
                         [](Cents sum, const Problem& problem) { return sum + problem.held_cents; });
}

std::string NearestDeadline(const std::vector<const Finding*>& found, const std::string& today) {
  std::string nearest;
  for (const Finding* finding : found) {
    const std::string& deadline = finding->deadline;
    if (deadline.empty()) continue;
    bool to_come = deadline >= today, had_to_come = !nearest.empty() && nearest >= today;
    if (nearest.empty() || (to_come && (!had_to_come || deadline < nearest)) ||
        (!to_come && !had_to_come && deadline > nearest))
      nearest = deadline;
  }
  return nearest;
}

std::vector<std::string> StepsOf(const Problem& problem) {
  std::vector<std::string> steps;
  for (const Finding* reason : problem.reasons) {
    if (std::find(steps.begin(), steps.end(), reason->next_step) == steps.end()) steps.push_back(reason->next_step);
  }
  return steps;
}

std::string DeadlineInWords(const std::string& deadline, const std::string& today) {
  int days = DaysBetween(today, deadline);
  if (days == 0) return deadline + " (today)";
  if (days == 1) return deadline + " (tomorrow)";
  if (days > 0) return deadline + " (" + std::to_string(days) + " days left)";
  return deadline + " (passed " + (days == -1 ? std::string("yesterday") : std::to_string(-days) + " days ago") + ")";
}

std::string InAll(const std::vector<Problem>& problems) {
  Cents held = HeldTotal(problems);
  return std::to_string(problems.size()) + (problems.size() == 1 ? " problem" : " problems") +
         (held > 0 ? "; do not pay " + Money(held) + " of what you are asked until they are sorted out" : "");
}

std::string InOneLine(const Problem& problem, const std::string& today) {
  std::string line = problem.who.empty() ? "(sender not read)" : problem.who;
  if (!problem.account_number.empty()) line += " (account " + problem.account_number + ")";
  line += ": ";
  line += problem.at_stake ? Money(*problem.at_stake) + " at stake" : "no amount read";
  if (!problem.deadline.empty())
    line +=
        ", " + std::string(problem.deadline < today ? "deadline " : "by ") + DeadlineInWords(problem.deadline, today);
  if (problem.hold_payment) {
    line += problem.held_cents == 0 || problem.held_cents == problem.at_stake.value_or(0)
                ? "; do not pay it yet"
                : "; do not pay " + Money(problem.held_cents) + " of it yet";
  }
  return line;
}

}  // namespace shoebox::findings
