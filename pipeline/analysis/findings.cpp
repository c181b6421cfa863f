#include "pipeline/analysis/findings.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <unordered_map>

#include "pipeline/core/dates.hpp"
#include "pipeline/core/text.hpp"
#include "pipeline/analysis/accounts.hpp"

namespace shoebox::findings {


const Field* FieldOf(const Document& document, const std::string& name) {
  for (const Field& field : document.fields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}
std::string TextOf(const Document& document, const std::string& name) {
  const Field* field = FieldOf(document, name);
  return field ? field->text : "";
}
std::optional<Cents> CentsOf(const Document& document, const std::string& name) {
  const Field* field = FieldOf(document, name);
  return field ? field->cents : std::nullopt;
}

// Account numbers compared on their letters and digits only ("123-456-789" = "123456789").
std::string Key(const std::string& text) {
  std::string key;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) key += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return key;
}

// Whether two patients' names, as read, could be one person: a name read as fewer than two words
// ("Name", a label OCR took for the value) says nothing, and a slip per five letters is a misreading,
// not another person ("Avery Brennon"). "Pat Doe" and "Sam Doe" are two people.
bool CouldBeOnePatient(const std::string& a, const std::string& b) {
  auto full_name = [](const std::string& name) {
    return std::count_if(name.begin(), name.end(), [](unsigned char c) { return std::isspace(c); }) >= 1 &&
           Key(name).size() >= 4;
  };
  if (!full_name(a) || !full_name(b)) return true;
  std::string x = Key(a), y = Key(b);
  return EditDistance(x, y) <= std::min(x.size(), y.size()) / 5;
}

// Provider names as printed in different ways: case, punctuation and "the" ignored; one may be a
// shortened form of the other.
bool SameProvider(const std::string& a, const std::string& b) {
  std::string x = Key(a), y = Key(b);
  if (x.size() < 4 || y.size() < 4) return false;
  return x == y || x.find(y) != std::string::npos || y.find(x) != std::string::npos;
}

std::string Money(Cents cents) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%s$%lld.%02lld", cents < 0 ? "-" : "", std::llabs(cents) / 100,
                std::llabs(cents) % 100);
  std::string text = buffer;
  // Thousands separators.
  size_t point = text.find('.');
  for (int i = static_cast<int>(point) - 3; i > static_cast<int>(text.find('$')) + 1; i -= 3) text.insert(i, ",");
  return text;
}

namespace {

bool IsIso(const std::string& text) { return text.size() == 10 && text[4] == '-' && text[7] == '-'; }

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

const Claim* ClaimOf(const std::map<std::string, const StoredDocument*>& by_id, const Match& match) {
  auto it = by_id.find(match.right_id);
  if (it == by_id.end() || match.claim_ordinal < 0) return nullptr;
  const auto& claims = it->second->document.claims;
  return match.claim_ordinal < static_cast<int>(claims.size()) ? &claims[match.claim_ordinal] : nullptr;
}

// The claims matched to a bill, one per claim number (the same EOB scanned twice, or a claim
// reprocessed later, counts once: the latest processing wins).
std::vector<const Claim*> ClaimsForBill(const std::vector<const Match*>& matches_of_bill,
                                        const std::map<std::string, const StoredDocument*>& by_id) {
  std::map<std::string, const Claim*> latest;
  for (const Match* match_of_bill : matches_of_bill) {
    const Match& match = *match_of_bill;
    const Claim* claim = ClaimOf(by_id, match);
    if (claim == nullptr) continue;
    std::string key = claim->claim_number.empty() ? match.right_id : claim->claim_number;
    auto it = latest.find(key);
    if (it == latest.end() || it->second->processed_date < claim->processed_date) latest[key] = claim;
  }
  std::vector<const Claim*> claims;
  for (const auto& [key, claim] : latest) claims.push_back(claim);
  return claims;
}

}  // namespace

bool IsFinished(const Claim& claim) { return claim.status == "processed" || claim.status == "partially_denied"; }

std::vector<Twin> FindTwins(const std::vector<StoredDocument>& documents) {
  // Each document's identity keys; two documents of one kind sharing any key are one paper.
  auto identity = [](const Document& d) {
    std::vector<std::pair<std::string, std::string>> keys;  // (key, what it is made of)
    auto add = [&](std::string what, std::initializer_list<std::string> parts) {
      std::string key = std::string(ToString(d.kind));
      for (const std::string& part : parts) {
        if (part.empty()) return;  // a key is only as good as all its parts
        key += "|" + part;
      }
      keys.emplace_back(key, std::move(what));
    };
    auto cents = [&](const char* name) {
      auto value = CentsOf(d, name);
      return value ? std::to_string(*value) : std::string();
    };
    switch (d.kind) {
      case DocumentKind::kBill:
        add("account_number,statement_date", {Key(TextOf(d, "account_number")), TextOf(d, "statement_date")});
        add("provider,statement_date,amount_due",
            {Key(TextOf(d, "provider_name")), TextOf(d, "statement_date"), cents("amount_due_cents")});
        // For a copy whose statement date was not read (a faxed page); a dated copy of another date
        // is never joined by it (see conflict below).
        add("account_number,total_charges,amount_due",
            {Key(TextOf(d, "account_number")), cents("total_charges_cents"), cents("amount_due_cents")});
        // A faxed copy may keep no more than its account number and balance.
        add("account_number,amount_due", {Key(TextOf(d, "account_number")), cents("amount_due_cents")});
        break;
      case DocumentKind::kEob:
      case DocumentKind::kMsn:
        for (const Claim& claim : d.claims) add("notice_date,claim_number", {TextOf(d, "notice_date"), Key(claim.claim_number)});
        add("member_id,notice_date,patient_total",
            {Key(TextOf(d, "member_id")), TextOf(d, "notice_date"), cents("total_patient_responsibility_cents")});
        break;
      case DocumentKind::kCollectionLetter:
        add("account_number,letter_date", {Key(TextOf(d, "account_number")), TextOf(d, "letter_date")});
        add("reference_number,letter_date", {Key(TextOf(d, "reference_number")), TextOf(d, "letter_date")});
        break;
      case DocumentKind::kOther:
        break;
    }
    return keys;
  };
  // Union-find over the documents.
  std::vector<size_t> parent(documents.size());
  for (size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  auto root = [&](size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  // Two papers that print different dates of their own are different papers, whatever else they share.
  auto conflict = [&](size_t a, size_t b) {
    for (const char* date : {"statement_date", "notice_date", "letter_date"}) {
      std::string x = TextOf(documents[a].document, date), y = TextOf(documents[b].document, date);
      if (!x.empty() && !y.empty() && x != y) return true;
    }
    return false;
  };
  std::map<size_t, std::string> shared;  // document → the keys that joined it to its group
  std::map<std::string, size_t> first_holder;
  for (size_t i = 0; i < documents.size(); ++i) {
    for (const auto& [key, what] : identity(documents[i].document)) {
      auto [it, added] = first_holder.emplace(key, i);
      if (added || conflict(i, it->second)) continue;
      parent[root(i)] = root(it->second);
      shared.emplace(i, what);
      shared.emplace(it->second, what);
    }
  }
  // The copy that stands for each group: its figures add up, it was read most surely (a text layer
  // over a photograph), then the most was read from it.
  auto standing = [&](size_t i) {
    const Document& d = documents[i].document;
    bool adds_up = std::all_of(d.checks.begin(), d.checks.end(), [](const Check& c) { return c.ok; });
    double confidence = 0;
    for (const Field& field : d.fields) confidence += field.confidence;
    int sureness = d.fields.empty() ? 0 : static_cast<int>(std::lround(100 * confidence / d.fields.size()));
    return std::make_tuple(adds_up, sureness, d.fields.size() + d.line_items.size() + d.claims.size());
  };
  std::map<size_t, size_t> best;  // group root → its standing copy
  for (size_t i = 0; i < documents.size(); ++i) {
    auto [it, added] = best.emplace(root(i), i);
    if (!added && (standing(i) > standing(it->second) ||
                   (standing(i) == standing(it->second) && documents[i].id < documents[it->second].id))) {
      it->second = i;
    }
  }
  std::vector<Twin> twins;
  for (size_t i = 0; i < documents.size(); ++i) {
    size_t keeper = best[root(i)];
    if (keeper != i) twins.push_back({documents[i].id, documents[keeper].id, shared[i]});
  }
  return twins;
}

namespace {

// Bill lines ↔ claim lines with the same date, code (the procedure code, or the revenue code where
// the bill prints none) and charge; each line pairs once, in the order printed.
std::vector<std::pair<int, int>> PairLines(const std::vector<LineItem>& items, const std::vector<ClaimLine>& lines) {
  std::vector<std::pair<int, int>> pairs;
  std::vector<bool> taken(lines.size(), false);
  for (size_t i = 0; i < items.size(); ++i) {
    const LineItem& item = items[i];
    const std::string& code = item.code.empty() ? item.revenue_code : item.code;
    for (size_t k = 0; k < lines.size(); ++k) {
      const ClaimLine& line = lines[k];
      if (taken[k] || line.date_of_service != item.date_of_service || line.code != code ||
          line.billed_cents != item.charge_cents) {
        continue;
      }
      taken[k] = true;
      pairs.emplace_back(static_cast<int>(i), static_cast<int>(k));
      break;
    }
  }
  return pairs;
}

}  // namespace

std::vector<Match> MatchDocuments(const std::vector<StoredDocument>& documents, const std::set<std::string>* touching) {
  // A match needs the account number (0.6) or two of date, billed total and what the patient owes
  // (the provider alone adds 0.15, a paired line 0.1): so every bill is scored only against the
  // claims that share its account, a date of service, its total or its balance, found through
  // indexes built once. The keys are normalised once per document, not once per pair.
  struct ClaimRef {
    const StoredDocument* notice;
    size_t ordinal;
    std::string patient;  // the notice's patient, as read
    std::string account;  // the claim's patient account number, normalised
  };
  std::vector<ClaimRef> claims;
  std::unordered_map<std::string, std::vector<size_t>> claims_by_account, claims_by_date;
  std::unordered_map<Cents, std::vector<size_t>> claims_by_billed, claims_by_owed;
  struct LetterRef {
    const StoredDocument* letter;
    std::optional<Cents> itemized;
  };
  std::vector<LetterRef> letters;
  std::unordered_map<std::string, std::vector<size_t>> letters_by_account;
  std::unordered_map<Cents, std::vector<size_t>> letters_by_amount;
  for (const StoredDocument& stored : documents) {
    const Document& d = stored.document;
    if (d.kind == DocumentKind::kEob || d.kind == DocumentKind::kMsn) {
      std::string patient = TextOf(d, "patient_name");
      for (size_t c = 0; c < d.claims.size(); ++c) {
        const Claim& claim = d.claims[c];
        size_t at = claims.size();
        claims.push_back({&stored, c, patient, Key(claim.patient_account_number)});
        if (!claims.back().account.empty()) claims_by_account[claims.back().account].push_back(at);
        if (!claim.service_date_from.empty()) claims_by_date[claim.service_date_from].push_back(at);
        if (claim.billed_cents) claims_by_billed[*claim.billed_cents].push_back(at);
        if (claim.patient_responsibility_cents) claims_by_owed[*claim.patient_responsibility_cents].push_back(at);
      }
    } else if (d.kind == DocumentKind::kCollectionLetter) {
      size_t at = letters.size();
      letters.push_back({&stored, CentsOf(d, "amount_on_itemization_date_cents")});
      if (std::string account = Key(TextOf(d, "account_number")); !account.empty()) letters_by_account[account].push_back(at);
      if (letters.back().itemized) letters_by_amount[*letters.back().itemized].push_back(at);
    }
  }
  auto add_from = [](auto& index, const auto& key, std::set<size_t>& into) {
    auto it = index.find(key);
    if (it != index.end()) into.insert(it->second.begin(), it->second.end());
  };

  auto scored = [&](const std::string& a, const std::string& b) {
    return touching == nullptr || touching->count(a) > 0 || touching->count(b) > 0;
  };

  std::vector<Match> matches;
  for (const StoredDocument& bill : documents) {
    if (bill.document.kind != DocumentKind::kBill) continue;
    const Document& b = bill.document;
    std::string account = Key(TextOf(b, "account_number"));
    std::string provider = TextOf(b, "provider_name");
    std::optional<Cents> total = CentsOf(b, "total_charges_cents"), due = CentsOf(b, "amount_due_cents");
    std::set<std::string> service_dates;
    for (const LineItem& item : b.line_items) service_dates.insert(item.date_of_service);
    std::string patient = TextOf(b, "patient_name");
    std::set<size_t> candidates;  // in document and claim order, as the matches are listed
    if (!account.empty()) add_from(claims_by_account, account, candidates);
    for (const std::string& date : service_dates) add_from(claims_by_date, date, candidates);
    if (total) add_from(claims_by_billed, *total, candidates);
    if (due) add_from(claims_by_owed, *due, candidates);
    for (size_t at : candidates) {
      const ClaimRef& ref = claims[at];
      if (!scored(bill.id, ref.notice->id)) continue;
      // One person's bill is never matched to another's claim (a child and a parent seen the same
      // day by the same provider for the same charge).
      if (!CouldBeOnePatient(patient, ref.patient)) continue;
      const Claim& claim = ref.notice->document.claims[ref.ordinal];
      double score = 0;
      std::vector<std::string> keys;
      if (!account.empty() && ref.account == account) score += 0.6, keys.push_back("account_number");
      if (SameProvider(provider, claim.provider_name)) score += 0.15, keys.push_back("provider");
      if (!claim.service_date_from.empty() && service_dates.count(claim.service_date_from)) {
        score += 0.15, keys.push_back("service_date");
      }
      if (total && claim.billed_cents && *total == *claim.billed_cents) score += 0.2, keys.push_back("billed_total");
      // A summary bill without lines or account number on the claim (Medicare notices print none)
      // still says what the plan left the patient to pay.
      if (due && claim.patient_responsibility_cents && *due > 0 && *due == *claim.patient_responsibility_cents) {
        score += 0.2, keys.push_back("patient_owes");
      }
      std::vector<std::pair<int, int>> lines = PairLines(b.line_items, claim.lines);
      if (!lines.empty()) score += 0.1, keys.push_back("lines");
      // The account number alone, or provider, date and amount together.
      if (score < 0.5) continue;
      matches.push_back({bill.id, ref.notice->id, static_cast<int>(ref.ordinal), claim.claim_number, std::min(1.0, score),
                         Join(keys, ","), std::move(lines)});
    }
    std::set<size_t> letter_candidates;
    if (!account.empty()) add_from(letters_by_account, account, letter_candidates);
    if (due) add_from(letters_by_amount, *due, letter_candidates);
    if (total) add_from(letters_by_amount, *total, letter_candidates);
    for (size_t at : letter_candidates) {
      if (!scored(bill.id, letters[at].letter->id)) continue;
      const Document& l = letters[at].letter->document;
      double score = 0;
      std::vector<std::string> keys;
      if (!account.empty() && Key(TextOf(l, "account_number")) == account) score += 0.7, keys.push_back("account_number");
      for (const char* creditor : {"original_creditor", "current_creditor"}) {
        if (SameProvider(provider, TextOf(l, creditor))) {
          score += 0.2, keys.push_back("creditor");
          break;
        }
      }
      const std::optional<Cents>& itemized = letters[at].itemized;
      if (itemized && ((due && *itemized == *due) || (total && *itemized == *total))) score += 0.2, keys.push_back("amount");
      if (score < 0.5) continue;
      matches.push_back({letters[at].letter->id, bill.id, -1, "", std::min(1.0, score), Join(keys, ",")});
    }
  }
  return matches;
}

std::vector<Finding> EvaluateRules(const std::vector<StoredDocument>& documents, const std::vector<Match>& matches,
                                   const std::string& today, const std::vector<Note>& notes) {
  std::map<std::string, const StoredDocument*> by_id;
  for (const StoredDocument& document : documents) by_id[document.id] = &document;
  // Each bill's (or letter's) matches, found once rather than by a pass over all of them per document.
  std::unordered_map<std::string, std::vector<const Match*>> matches_of;
  for (const Match& match : matches) matches_of[match.left_id].push_back(&match);
  auto matches_of_document = [&](const std::string& id) -> const std::vector<const Match*>& {
    static const std::vector<const Match*> kNone;
    auto it = matches_of.find(id);
    return it == matches_of.end() ? kNone : it->second;
  };
  std::vector<Finding> found;
  auto add = [&](Finding finding) { found.push_back(std::move(finding)); };
  // A later statement of the same account supersedes the earlier ones: what to pay is judged on the
  // latest, and the first statement starts the financial-assistance clock.
  std::vector<Account> accounts = GroupAccounts(documents);
  std::set<std::string> not_judged;  // superseded statements, and those of accounts settled by agreement
  std::map<std::string, std::string> first_statement_of;  // bill → its account's first statement date
  for (const Account& account : accounts) {
    const std::string& latest = account.statements.back().statement_date;
    for (const Statement& statement : account.statements) {
      if (IsIso(statement.statement_date) && IsIso(latest) && statement.statement_date < latest) {
        not_judged.insert(statement.document_id);
      }
      if (IsIso(account.statements.front().statement_date)) {
        first_statement_of[statement.document_id] = account.statements.front().statement_date;
      }
    }
  }

  // Agreements the person recorded: statements up to the agreement are settled business; a later
  // one may ask for no more than the agreement leaves after the payments since.
  for (const Account& account : accounts) {
    const Note* agreement = nullptr;
    for (const Note& note : notes) {
      if (note.kind == "agreement" && note.amount_cents && Key(note.account_number) == Key(account.account_number) &&
          !Key(note.account_number).empty() && (agreement == nullptr || note.noted_on > agreement->noted_on)) {
        agreement = &note;
      }
    }
    if (agreement == nullptr) continue;
    for (const Statement& statement : account.statements) not_judged.insert(statement.document_id);
    Cents paid = 0;
    for (const Note& note : notes) {
      if (note.kind == "payment" && note.amount_cents && Key(note.account_number) == Key(account.account_number) &&
          note.noted_on >= agreement->noted_on) {
        paid += *note.amount_cents;
      }
    }
    Cents left = std::max<Cents>(0, *agreement->amount_cents - paid);
    for (const Statement& statement : account.statements) {
      // R-settled-01: a statement after the agreement still asks for more than it leaves.
      if (!IsIso(statement.statement_date) || statement.statement_date <= agreement->noted_on ||
          !statement.amount_due_cents || *statement.amount_due_cents - left <= 1) {
        continue;
      }
      add({"statement_after_settlement", "R-settled-01", "high", {statement.document_id},
           *statement.amount_due_cents - left, "",
           "This statement (" + statement.statement_date + ") asks for " + Money(*statement.amount_due_cents) +
               " although on " + agreement->noted_on + " you agreed to settle account " + account.account_number +
               " for " + Money(*agreement->amount_cents) + (paid > 0 ? " and have paid " + Money(paid) + " since" : "") +
               ": " + Money(left) + " is what remains.",
           "Send the billing office a copy of the written agreement" +
               std::string(agreement->reference.empty() ? "" : " (reference " + agreement->reference + ")") +
               " and your payment records, and ask for a corrected statement; pay no more than the agreement."});
    }
  }

  for (const StoredDocument& stored : documents) {
    const Document& d = stored.document;
    // R-arithmetic-01: a document whose own figures do not add up; one finding naming every
    // check that failed (an itemized claim may fail a line and two column totals over one figure).
    std::string failed;
    for (const Check& check : d.checks) {
      if (!check.ok) failed += (failed.empty() ? "" : "; ") + check.name + (check.detail.empty() ? "" : ": " + check.detail);
    }
    if (!failed.empty()) {
      add({"arithmetic_mismatch", "R-arithmetic-01", "info", {stored.id}, std::nullopt, "",
           "The figures on this document do not add up (" + failed +
               "). It may be a misreading of the page; check the printed figures.",
           "Compare the figures with the paper; if they really do not add up, ask the sender for a corrected statement."});
    }
    if (d.kind == DocumentKind::kBill && !not_judged.count(stored.id)) {
      std::vector<const Claim*> claims = ClaimsForBill(matches_of_document(stored.id), by_id);
      std::optional<Cents> due = CentsOf(d, "amount_due_cents");
      std::string status = TextOf(d, "insurance_status");
      bool any_finished = std::any_of(claims.begin(), claims.end(), [](const Claim* c) { return IsFinished(*c); });
      bool any_pending = std::any_of(claims.begin(), claims.end(), [](const Claim* c) { return c->status == "pending"; });
      std::string statement = TextOf(d, "statement_date");
      // R-premature-01/02: insurance has not finished with these services.
      if ((claims.empty() && status != "processed") || (any_pending && !any_finished)) {
        bool no_eob = claims.empty();
        add({"premature_bill", no_eob ? "R-premature-01" : "R-premature-02", "high", {stored.id}, due, "",
             no_eob ? "This bill arrived before any Explanation of Benefits for these services: insurance may not "
                      "have processed the claim yet."
                    : "The insurance claim for these services is still pending, so the amount you owe is not known yet.",
             "Do not pay yet. Call the billing office, ask them to hold the account until insurance has finished, "
             "and ask whether the claim was filed."});
      } else if (any_finished && IsIso(statement) && (status == "pending" || status == "billed")) {
        // R-premature-03: the statement predates the plan's processing of the claim.
        std::string processed;
        for (const Claim* claim : claims) processed = std::max(processed, claim->processed_date);
        if (IsIso(processed) && statement < processed) {
          add({"premature_bill", "R-premature-03", "medium", {stored.id}, due, "",
               "This statement (" + statement + ") was sent before your plan processed the claim (" + processed +
                   "); its balance does not reflect insurance.",
               "Wait for a corrected statement that shows the insurance payment, or ask for one."});
        }
      }
      // R-balance-01: more than the EOB says you owe.
      if (due && any_finished) {
        Cents owed = 0;
        std::vector<std::string> docs = {stored.id};
        for (const Match* match : matches_of_document(stored.id)) {
          if (match->claim_ordinal >= 0) docs.push_back(match->right_id);
        }
        for (const Claim* claim : claims) owed += claim->patient_responsibility_cents.value_or(0);
        Cents paid = std::llabs(CentsOf(d, "patient_paid_cents").value_or(0));
        // A finished claim whose patient share was not read leaves the amount owed unknown.
        bool owed_known = std::all_of(claims.begin(), claims.end(), [](const Claim* c) {
          return !IsFinished(*c) || c->patient_responsibility_cents.has_value();
        });
        if (owed_known && *due - owed > 1) {
          std::sort(docs.begin() + 1, docs.end());
          docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
          // R-balance-02: the plan says you owe nothing at all, and the bill still asks.
          add({"balance_exceeds_eob", owed == 0 ? "R-balance-02" : "R-balance-01", "high", docs, *due - owed, "",
               owed == 0 ? "The bill asks for " + Money(*due) +
                               " but your plan's Explanation of Benefits says you owe nothing for these services."
                         : "The bill asks for " + Money(*due) + " but your plan's Explanation of Benefits says you owe " +
                               Money(owed) + (paid ? " (after your payments)" : "") + ": " + Money(*due - owed) +
                               " more than it should.",
               "Call the billing office with the EOB in hand; ask them to apply the plan's adjustment and send a "
               "corrected statement. Pay no more than the EOB amount."});
        }
      }
      // R-duplicate-01: the same date, code and charge twice.
      std::map<std::tuple<std::string, std::string, Cents>, int> seen;
      for (const LineItem& item : d.line_items) {
        if (++seen[{item.date_of_service, item.code + "/" + item.revenue_code, item.charge_cents}] == 2) {
          add({"duplicate_charge", "R-duplicate-01", "high", {stored.id}, item.charge_cents, "",
               "The charge " + item.code + " \"" + item.description + "\" on " + item.date_of_service + " for " +
                   Money(item.charge_cents) + " appears twice on this bill.",
               "Ask for an itemized bill and for the duplicate charge to be removed."});
        }
      }
      // R-quantity-01: more days of room and board (revenue codes 010x–021x) than the stay spans,
      // counting both the first and the last day of service (a stay of n nights bills n days).
      {
        std::string first, last;
        int room_days = 0;
        Cents per_day = 0;
        for (const LineItem& item : d.line_items) {
          if (IsIso(item.date_of_service)) {
            if (first.empty() || item.date_of_service < first) first = item.date_of_service;
            if (last.empty() || item.date_of_service > last) last = item.date_of_service;
          }
          const std::string& rev = item.revenue_code;
          if (rev.size() == 4 && rev >= "0100" && rev <= "0219") {
            int units = std::max(1, item.units.value_or(1));
            room_days += units;
            if (per_day == 0) per_day = item.charge_cents / units;
          }
        }
        int span = first.empty() ? 0 : DaysBetween(first, last) + 1;
        if (room_days > 0 && span > 0 && room_days > span) {
          add({"quantity_anomaly", "R-quantity-01", "medium", {stored.id}, per_day * (room_days - span), "",
               "This bill charges " + std::to_string(room_days) + " days of room and board for a stay from " + first +
                   " to " + last + " (" + std::to_string(span) + " days at most).",
               "Ask for an itemized bill and for the room charges to match the nights you stayed."});
        }
      }
      // R-billed-not-on-eob-01: the bill charges more than the claim the plan received.
      std::optional<Cents> total = CentsOf(d, "total_charges_cents");
      if (total && any_finished) {
        Cents claimed = 0;
        for (const Claim* claim : claims) claimed += claim->billed_cents.value_or(0);
        Cents extra = *total - claimed;
        if (claimed > 0 && extra > 0) {
          // Which lines: where the claims itemize, the bill lines none of their lines pair with
          // (when those add up to the difference); else a line whose charge is the difference.
          std::string which;
          bool itemized = std::all_of(claims.begin(), claims.end(), [](const Claim* c) { return !c->lines.empty(); });
          if (itemized) {
            std::vector<bool> on_claim(d.line_items.size(), false);
            for (const Match* match : matches_of_document(stored.id)) {
              for (const auto& [bill_line, claim_line] : match->lines) on_claim[static_cast<size_t>(bill_line)] = true;
            }
            Cents unpaired = 0;
            std::string listed;
            for (size_t i = 0; i < d.line_items.size(); ++i) {
              if (on_claim[i]) continue;
              const LineItem& item = d.line_items[i];
              unpaired += item.charge_cents;
              listed += std::string(listed.empty() ? "" : "; ") + (item.code.empty() ? item.revenue_code : item.code) + " " +
                        item.description + " on " + item.date_of_service + ", " + Money(item.charge_cents);
            }
            if (unpaired == extra) which = " (" + listed + ")";
          }
          for (const LineItem& item : d.line_items) {
            if (which.empty() && item.charge_cents == extra) {
              which = " (" + item.code + " " + item.description + " on " + item.date_of_service + ")";
            }
          }
          add({"billed_not_on_eob", "R-billed-not-on-eob-01", "medium", {stored.id}, extra, "",
               Money(extra) + " of charges on this bill" + which + " are not on any claim your plan processed: they "
                              "may never have been sent to insurance.",
               "Ask the billing office to send these charges to your insurance before billing you."});
        }
      }
      // R-assistance-01: nonprofit hospitals take assistance applications until day 240 after the
      // first statement.
      std::string first = first_statement_of.count(stored.id) ? first_statement_of[stored.id] : statement;
      if (IsHospitalBill(d) && IsIso(first)) {
        std::string deadline = AddDays(first, 240);
        if (deadline >= today) {
          int days = DaysBetween(today, deadline);
          add({"financial_assistance_window", "R-assistance-01", days <= 30 ? "high" : "info", {stored.id}, due, deadline,
               "Hospitals that are nonprofits must accept financial-assistance applications until at least " + deadline +
                   " (240 days after the first statement); " + std::to_string(days) + " days left.",
               "Ask the hospital for its financial-assistance application and apply before the deadline."});
        }
      }
    }
    if (d.kind == DocumentKind::kEob || d.kind == DocumentKind::kMsn) {
      for (const Claim& claim : d.claims) {
        // R-denied-01: appeal within 180 days of the notice (120 for Medicare).
        if (claim.status == "denied" || claim.status == "partially_denied") {
          int window = d.kind == DocumentKind::kMsn ? 120 : 180;
          std::string from = IsIso(claim.processed_date) ? claim.processed_date : TextOf(d, "notice_date");
          std::string deadline = IsIso(from) ? AddDays(from, window) : "";
          bool soon = !deadline.empty() && DaysBetween(today, deadline) <= 30;
          add({"claim_denied", "R-denied-01", soon ? "high" : "medium", {stored.id},
               claim.patient_responsibility_cents ? claim.patient_responsibility_cents : claim.billed_cents, deadline,
               "Your plan denied claim " + claim.claim_number + (claim.provider_name.empty() ? "" : " from " + claim.provider_name) +
                   (deadline.empty() ? "." : "; an appeal is usually due by " + deadline + "."),
               "Call the plan to ask why it was denied, then appeal in writing before the deadline; ask the provider "
               "not to bill you while the appeal is open."});
        }
        // R-surprise-01: out-of-network clinicians you could not choose.
        std::string provider = Key(claim.provider_name);
        bool unchosen = provider.find("EMERGENCY") != std::string::npos || provider.find("ANESTHESIA") != std::string::npos ||
                        provider.find("RADIOLOGY") != std::string::npos || provider.find("PATHOLOGY") != std::string::npos;
        if (claim.network_status == "out_of_network" && unchosen) {
          add({"surprise_bill_protection", "R-surprise-01", "high", {stored.id}, claim.patient_responsibility_cents, "",
               "Claim " + claim.claim_number + " from " + claim.provider_name + " was processed out of network; for "
               "emergency care and for such clinicians at an in-network facility, your cost sharing should be in-network.",
               "Ask the plan to reprocess the claim at in-network cost sharing under the No Surprises Act."});
        }
      }
    }
    if (d.kind == DocumentKind::kCollectionLetter) {
      std::string end = TextOf(d, "validation_end_date");
      std::optional<Cents> current = CentsOf(d, "current_amount_cents");
      // R-validation-01: the window to dispute in writing is still open.
      if (IsIso(end) && end >= today) {
        int days = DaysBetween(today, end);
        add({"collection_validation_window", "R-validation-01", days <= 30 ? "high" : "medium", {stored.id}, current, end,
             "You can dispute this debt in writing until " + end + " (" + std::to_string(days) +
                 " days); the collector must then stop collecting until it sends proof.",
             "Send a written dispute and request for validation before " + end + "; keep a copy and proof of mailing."});
      }
      // The bills this letter comes from, and their claims.
      std::vector<std::string> bills;
      for (const Match* match : matches_of_document(stored.id)) bills.push_back(match->right_id);
      std::vector<const Claim*> claims;
      for (const std::string& bill : bills) {
        for (const Claim* claim : ClaimsForBill(matches_of_document(bill), by_id)) {
          if (std::none_of(claims.begin(), claims.end(), [&](const Claim* c) { return c->claim_number == claim->claim_number; })) {
            claims.push_back(claim);
          }
        }
      }
      bool finished = std::any_of(claims.begin(), claims.end(), [](const Claim* c) { return IsFinished(*c); });
      std::vector<std::string> docs = {stored.id};
      docs.insert(docs.end(), bills.begin(), bills.end());
      // R-collection-insurance-01: in collections while the claim is not finished.
      if (!bills.empty() && !finished) {
        add({"collection_before_insurance", "R-collection-insurance-01", "high", docs, current, end,
             "This debt went to collections although insurance has not finished with the claim for these services.",
             "Dispute the debt in writing within the validation period and ask the provider to recall it from "
             "collections until insurance has processed the claim."});
      }
      // R-collection-amount-01: more than the EOB says is owed.
      if (current && finished) {
        Cents owed = 0;
        for (const Claim* claim : claims) owed += claim->patient_responsibility_cents.value_or(0);
        if (*current - owed > 1) {
          add({"collection_amount_mismatch", "R-collection-amount-01", "high", docs, *current - owed, end,
               "The collector asks for " + Money(*current) + " but your plan's EOB says you owe " + Money(owed) + ".",
               "Dispute the amount in writing within the validation period, enclosing the EOB."});
        }
      }
    }
  }
  for (Finding& finding : EvaluateAccountRules(accounts)) add(std::move(finding));
  // Most urgent first: severity, then the nearest deadline, then the most money.
  auto rank = [](const std::string& severity) { return severity == "high" ? 0 : severity == "medium" ? 1 : 2; };
  std::stable_sort(found.begin(), found.end(), [&](const Finding& a, const Finding& b) {
    if (rank(a.severity) != rank(b.severity)) return rank(a.severity) < rank(b.severity);
    if (a.deadline.empty() != b.deadline.empty()) return !a.deadline.empty();
    if (a.deadline != b.deadline) return a.deadline < b.deadline;
    return a.amount_cents.value_or(0) > b.amount_cents.value_or(0);
  });
  return found;
}

}  // namespace shoebox::findings
