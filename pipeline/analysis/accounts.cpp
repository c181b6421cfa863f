#include "pipeline/analysis/accounts.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace shoebox::findings {
namespace {

// The dates of service a bill covers: its line items', else the dates of the claims it matches.
std::pair<std::string, std::string> ServiceDates(const StoredDocument& bill,
                                                 const std::map<std::string, const StoredDocument*>& by_id,
                                                 const std::vector<const Match*>& bill_matches) {
  std::string first, last;
  auto take = [&](const std::string& date) {
    if (date.size() != 10) return;
    if (first.empty() || date < first) first = date;
    if (last.empty() || date > last) last = date;
  };
  for (const LineItem& item : bill.document.line_items) take(item.date_of_service);
  if (!first.empty()) return {first, last};
  for (const Match* match : bill_matches) {
    auto notice = by_id.find(match->right_id);
    if (match->claim_ordinal < 0 || notice == by_id.end() ||
        match->claim_ordinal >= static_cast<int>(notice->second->document.claims.size())) {
      continue;
    }
    const Claim& claim = notice->second->document.claims[static_cast<size_t>(match->claim_ordinal)];
    take(claim.service_date_from);
    take(claim.service_date_to);
  }
  return {first, last};
}

}  // namespace

Settlement SettlementOf(const std::string& account_number, const std::vector<Note>& notes) {
  Settlement settlement;
  std::string key = Key(account_number);
  if (key.empty()) return settlement;
  for (const Note& note : notes) {
    if (note.kind == NoteKind::kAgreement && note.amount_cents && Key(note.account_number) == key &&
        (settlement.agreement == nullptr || note.noted_on > settlement.agreement->noted_on)) {
      settlement.agreement = &note;
    }
  }
  if (settlement.agreement == nullptr) return settlement;
  for (const Note& note : notes) {
    if (note.kind == NoteKind::kPayment && note.amount_cents && Key(note.account_number) == key &&
        note.noted_on >= settlement.agreement->noted_on) {
      settlement.paid += *note.amount_cents;
    }
  }
  settlement.left = std::max<Cents>(0, *settlement.agreement->amount_cents - settlement.paid);
  return settlement;
}

std::string SettlementWords(const Settlement& settlement) {
  if (settlement.agreement == nullptr) return "";
  std::string words = "agreed " + Money(*settlement.agreement->amount_cents) + " on " + settlement.agreement->noted_on;
  if (settlement.paid == 0) return words + ", nothing paid since";
  words += ", paid " + Money(settlement.paid) + " since";
  return words + (settlement.left == 0 ? ", paid in full" : ", " + Money(settlement.left) + " left");
}

std::vector<std::string> PrintedAccountNumbers(const std::vector<StoredDocument>& documents) {
  std::vector<std::string> numbers;
  std::set<std::string> seen;
  auto take = [&](const std::string& number) {
    if (!Key(number).empty() && seen.insert(Key(number)).second) numbers.push_back(number);
  };
  for (const StoredDocument& stored : documents) {
    take(TextOf(stored.document, "account_number"));
    take(TextOf(stored.document, "reference_number"));
    for (const Claim& claim : stored.document.claims) take(claim.patient_account_number);
  }
  return numbers;
}

std::vector<Account> GroupAccounts(const std::vector<StoredDocument>& documents) {
  std::vector<Account> accounts;
  std::vector<std::pair<std::string, const StoredDocument*>> bills;  // (statement date, bill), in date order
  for (const StoredDocument& stored : documents) {
    if (stored.document.kind == DocumentKind::kBill)
      bills.emplace_back(TextOf(stored.document, "statement_date"), &stored);
  }
  std::stable_sort(bills.begin(), bills.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [date, stored] : bills) {
    const Document& bill = stored->document;
    std::string number = TextOf(bill, "account_number"), provider = TextOf(bill, "provider_name");
    Account* account = nullptr;
    if (!Key(number).empty()) {
      for (Account& candidate : accounts) {
        if (Key(candidate.account_number) == Key(number) &&
            (provider.empty() || candidate.provider_name.empty() || SameProvider(candidate.provider_name, provider))) {
          account = &candidate;
        }
      }
    }
    if (account == nullptr) {
      accounts.emplace_back();
      account = &accounts.back();
      account->account_number = number;
    }
    if (!provider.empty()) account->provider_name = provider;  // the latest statement's spelling
    if (std::string patient = TextOf(bill, "patient_name"); !patient.empty()) account->patient_name = patient;
    account->statements.push_back({stored->id, date, CentsOf(bill, "total_charges_cents"),
                                   CentsOf(bill, "insurance_paid_cents"), CentsOf(bill, "adjustments_cents"),
                                   CentsOf(bill, "patient_paid_cents"), CentsOf(bill, "amount_due_cents")});
  }
  return accounts;
}

namespace {

// The nodes episodes are made of, joined as union-find: bills, letters, and each claim of each notice
// (a periodic EOB lists several visits), named "id" and "id#ordinal".
class EpisodeNodes {
 public:
  void Add(const std::string& name) {
    if (node_of_.emplace(name, names_.size()).second) {
      names_.push_back(name);
      parent_.push_back(parent_.size());
    }
  }
  bool Has(const std::string& name) const { return node_of_.count(name) > 0; }
  void Join(const std::string& a, const std::string& b) { parent_[Root(node_of_.at(a))] = Root(node_of_.at(b)); }
  size_t Root(size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::map<std::string, size_t> node_of_;
  std::vector<std::string> names_;
  std::vector<size_t> parent_;
};

std::string ClaimNode(const std::string& notice_id, int ordinal) { return notice_id + "#" + std::to_string(ordinal); }

void Widen(Episode& episode, const std::string& first, const std::string& last) {
  if (first.size() == 10 && (episode.first_service_date.empty() || first < episode.first_service_date)) {
    episode.first_service_date = first;
  }
  if (last.size() == 10 && (episode.last_service_date.empty() || last > episode.last_service_date)) {
    episode.last_service_date = last;
  }
}

// What the episode grouping knows of the documents.
struct EpisodeFacts {
  std::map<std::string, const StoredDocument*> by_id;
  std::map<std::string, std::vector<const Match*>> matches_of_bill;
  std::map<std::string, std::pair<std::string, std::string>> dates_of_bill;  // first, last date of service
  std::set<std::pair<std::string, int>> billed_claims;  // (notice, claim ordinal) some bill matched
};

// Adds one node to its episode: a claim widens the dates by its own, a bill by its dates of service.
void AddToEpisode(const std::string& name, EpisodeFacts& facts, Episode& episode) {
  size_t hash = name.find('#');
  if (hash != std::string::npos) {
    const StoredDocument* notice = facts.by_id[name.substr(0, hash)];
    int ordinal = std::stoi(name.substr(hash + 1));
    const Claim& claim = notice->document.claims[static_cast<size_t>(ordinal)];
    episode.claims.push_back({notice->id, ordinal});
    Widen(episode, claim.service_date_from, claim.service_date_to.empty() ? claim.service_date_from : claim.service_date_to);
    if (episode.patient_name.empty()) episode.patient_name = TextOf(notice->document, "patient_name");
    return;
  }
  const StoredDocument* stored = facts.by_id[name];
  if (stored->document.kind == DocumentKind::kBill) {
    episode.bills.push_back(name);
    Widen(episode, facts.dates_of_bill[name].first, facts.dates_of_bill[name].second);
  } else {
    episode.letters.push_back(name);
  }
  if (std::string patient = TextOf(stored->document, "patient_name"); !patient.empty()) episode.patient_name = patient;
}

// What is still to come, for each bill and each claim of the episode.
void NoteWhatIsMissing(EpisodeFacts& facts, Episode& episode) {
  for (const std::string& bill_id : episode.bills) {
    const Document& bill = facts.by_id[bill_id]->document;
    std::string provider = TextOf(bill, "provider_name");
    std::string date = facts.dates_of_bill[bill_id].first;
    std::string which = "the " + (provider.empty() ? std::string("unnamed provider's") : provider) + " bill" +
                        (date.empty() ? "" : " of " + date);
    std::vector<const Claim*> claims;
    for (const Match* match : facts.matches_of_bill[bill_id]) {
      if (match->claim_ordinal < 0 || !facts.by_id.count(match->right_id)) continue;
      claims.push_back(&facts.by_id[match->right_id]->document.claims[static_cast<size_t>(match->claim_ordinal)]);
    }
    if (claims.empty()) {
      episode.missing.push_back("no EOB yet for " + which);
    } else if (std::none_of(claims.begin(), claims.end(), [](const Claim* c) { return IsFinished(*c); })) {
      episode.missing.push_back("the plan has not finished the claim for " + which);
    }
  }
  for (const EpisodeClaim& claim_ref : episode.claims) {
    bool billed = facts.billed_claims.count({claim_ref.document_id, claim_ref.claim_ordinal}) > 0;
    const Claim& claim = facts.by_id[claim_ref.document_id]->document.claims[static_cast<size_t>(claim_ref.claim_ordinal)];
    if (!billed && claim.patient_responsibility_cents.value_or(0) > 0) {
      episode.missing.push_back(
          "no bill yet from " + (claim.provider_name.empty() ? "the provider" : claim.provider_name) + " for claim " +
          claim.claim_number + " (the plan says you owe " + Money(*claim.patient_responsibility_cents) + ")");
    }
  }
}

}  // namespace

std::vector<Episode> GroupEpisodes(const std::vector<StoredDocument>& documents, const std::vector<Match>& matches) {
  EpisodeNodes nodes;
  EpisodeFacts facts;
  for (const StoredDocument& stored : documents) {
    facts.by_id[stored.id] = &stored;
    switch (stored.document.kind) {
      case DocumentKind::kBill:
      case DocumentKind::kCollectionLetter:
        nodes.Add(stored.id);
        break;
      case DocumentKind::kEob:
      case DocumentKind::kMsn:
        for (size_t c = 0; c < stored.document.claims.size(); ++c) nodes.Add(ClaimNode(stored.id, static_cast<int>(c)));
        break;
      case DocumentKind::kOther:
        break;
    }
  }
  for (const Match& match : matches) {
    facts.matches_of_bill[match.left_id].push_back(&match);
    if (match.claim_ordinal >= 0) facts.billed_claims.insert({match.right_id, match.claim_ordinal});
    if (!nodes.Has(match.left_id)) continue;
    std::string right = match.claim_ordinal >= 0 ? ClaimNode(match.right_id, match.claim_ordinal) : match.right_id;
    if (nodes.Has(right)) nodes.Join(match.left_id, right);
  }
  // Bills of one patient whose dates of service meet: one visit seen by several providers.
  struct BillDates {
    std::string id, patient, first, last;
  };
  std::vector<BillDates> bill_dates;
  for (const StoredDocument& stored : documents) {
    if (stored.document.kind != DocumentKind::kBill) continue;
    auto [first, last] = ServiceDates(stored, facts.by_id, facts.matches_of_bill[stored.id]);
    bill_dates.push_back({stored.id, Key(TextOf(stored.document, "patient_name")), first, last});
    facts.dates_of_bill[stored.id] = {first, last};
  }
  for (size_t i = 0; i < bill_dates.size(); ++i) {
    for (size_t j = i + 1; j < bill_dates.size(); ++j) {
      const BillDates &a = bill_dates[i], &b = bill_dates[j];
      if (a.patient.empty() || a.patient != b.patient || a.first.empty() || b.first.empty()) continue;
      if (a.first <= b.last && b.first <= a.last) nodes.Join(a.id, b.id);
    }
  }

  std::map<size_t, Episode> by_root;
  for (size_t i = 0; i < nodes.names().size(); ++i) AddToEpisode(nodes.names()[i], facts, by_root[nodes.Root(i)]);
  std::vector<Episode> episodes;
  for (auto& [ignored, episode] : by_root) {
    NoteWhatIsMissing(facts, episode);
    episodes.push_back(std::move(episode));
  }
  std::sort(episodes.begin(), episodes.end(), [](const Episode& a, const Episode& b) {
    return std::tie(a.first_service_date, a.patient_name) < std::tie(b.first_service_date, b.patient_name);
  });
  return episodes;
}

std::vector<PlanYear> SumPlanYears(const std::vector<StoredDocument>& documents) {
  // The latest processing of each claim number, with the person it is for.
  struct Counted {
    const Claim* claim;
    std::string person;
  };
  std::map<std::string, Counted> latest;
  for (const StoredDocument& stored : documents) {
    const Document& d = stored.document;
    if (d.kind != DocumentKind::kEob && d.kind != DocumentKind::kMsn) continue;
    std::string person = TextOf(d, "patient_name");
    if (person.empty()) person = TextOf(d, "member_name");
    for (const Claim& claim : d.claims) {
      if (claim.service_date_from.size() != 10 || claim.status == ClaimStatus::kPending) continue;
      std::string key =
          Key(claim.claim_number).empty() ? stored.id + "#" + claim.service_date_from : Key(claim.claim_number);
      auto it = latest.find(key);
      if (it == latest.end() || it->second.claim->processed_date < claim.processed_date) latest[key] = {&claim, person};
    }
  }
  std::map<std::pair<std::string, std::string>, PlanYear> sums;  // (year, person) → sums; "" person: the family
  for (const auto& [key, counted] : latest) {
    std::string year = counted.claim->service_date_from.substr(0, 4);
    for (const std::string& person : {counted.person, std::string()}) {
      PlanYear& sum = sums[{year, person}];
      sum.person = person;
      sum.year = year;
      sum.deductible_cents += counted.claim->deductible_cents.value_or(0);
      sum.patient_responsibility_cents += counted.claim->patient_responsibility_cents.value_or(0);
      ++sum.claims;
      const Claim& claim = *counted.claim;
      bool met = claim.status == ClaimStatus::kProcessed && claim.deductible_cents.value_or(-1) == 0 &&
                 claim.coinsurance_cents.value_or(0) > 0 && claim.processed_date.size() == 10;
      if (met && (sum.deductible_met_by.empty() || claim.processed_date < sum.deductible_met_by)) {
        sum.deductible_met_by = claim.processed_date;
      }
    }
  }
  std::vector<PlanYear> years;
  for (auto& [key, sum] : sums) years.push_back(std::move(sum));
  return years;
}

std::string PlanYearWords(const PlanYear& year) {
  return "deductible " + Money(year.deductible_cents) + ", your share " + Money(year.patient_responsibility_cents) + " (" +
         std::to_string(year.claims) + " claim" + (year.claims == 1 ? "" : "s") + ")" +
         (year.deductible_met_by.empty() ? "" : "; deductible met by " + year.deductible_met_by);
}

std::vector<AccountClaim> ClaimsOfAccount(const Account& account, const std::vector<Match>& matches,
                                          const std::vector<StoredDocument>& documents) {
  std::map<std::string, const StoredDocument*> by_id;
  for (const StoredDocument& d : documents) by_id[d.id] = &d;
  std::vector<AccountClaim> claims;
  std::set<std::string> numbers;
  for (const Match& match : matches) {
    if (match.claim_ordinal < 0 || !by_id.count(match.left_id) || !by_id.count(match.right_id)) continue;
    bool ours = std::any_of(account.statements.begin(), account.statements.end(),
                            [&](const Statement& s) { return s.document_id == match.left_id; });
    const StoredDocument* notice = by_id[match.right_id];
    if (!ours || static_cast<size_t>(match.claim_ordinal) >= notice->document.claims.size()) continue;
    const Claim& claim = notice->document.claims[static_cast<size_t>(match.claim_ordinal)];
    if (numbers.insert(claim.claim_number).second) claims.push_back({&claim, notice});
  }
  return claims;
}

std::optional<Cents> PlanSays(const std::vector<AccountClaim>& claims) {
  std::optional<Cents> owed;
  for (const AccountClaim& c : claims) {
    if (IsFinished(*c.claim) && c.claim->patient_responsibility_cents) {
      owed = owed.value_or(0) + *c.claim->patient_responsibility_cents;
    }
  }
  return owed;
}

Offer OfferFor(std::optional<Cents> balance, std::optional<Cents> plan_says, bool collections) {
  Offer offer;
  offer.target = balance.value_or(0);
  if (plan_says && *plan_says < offer.target) offer.target = *plan_says;
  offer.open = offer.target * (collections ? 30 : 50) / 100;
  offer.stop = offer.target * (collections ? 50 : 70) / 100;
  offer.monthly = (offer.target + 11) / 12;
  return offer;
}

}  // namespace shoebox::findings
