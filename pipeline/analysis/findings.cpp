#include "pipeline/analysis/findings.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "pipeline/core/dates.hpp"
#include "pipeline/core/text.hpp"

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

std::string FieldWords(const std::string& name) {
  std::string words = name.ends_with("_cents") ? name.substr(0, name.size() - 6) : name;
  for (char& c : words) c = c == '_' ? ' ' : c;
  return words;
}

std::string KindWords(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kBill: return "a bill";
    case DocumentKind::kEob: return "an explanation of benefits";
    case DocumentKind::kMsn: return "a Medicare Summary Notice";
    case DocumentKind::kCollectionLetter: return "a collection letter";
    case DocumentKind::kOther: break;
  }
  return "paperwork of another kind (nothing on it is checked)";
}

bool IsFinished(const Claim& claim) {
  return claim.status == ClaimStatus::kProcessed || claim.status == ClaimStatus::kPartiallyDenied;
}

bool IsDenied(const Claim& claim) {
  return claim.status == ClaimStatus::kDenied || claim.status == ClaimStatus::kPartiallyDenied;
}

namespace {

// What identifies a paper: the key, what it is made of, and whether two documents it joins must
// also ask the same balance where both print one (a key of the charges alone would join a statement
// to the next one of the same charges).
struct IdentityKey {
  std::string key, what;
  bool same_balance = false;
};

// A document's identity keys; two documents of one kind sharing any key are one paper.
std::vector<IdentityKey> IdentityKeys(const Document& d) {
  std::vector<IdentityKey> keys;
  auto add = [&](std::string what, std::initializer_list<std::string> parts, bool same_balance = false) {
    std::string key = std::string(ToString(d.kind));
    for (const std::string& part : parts) {
      if (part.empty()) return;  // a key is only as good as all its parts
      key += "|" + part;
    }
    keys.push_back({key, std::move(what), same_balance});
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
      // A faxed copy may keep no more than its account number and balance, or its charges.
      add("account_number,amount_due", {Key(TextOf(d, "account_number")), cents("amount_due_cents")});
      add("account_number,total_charges", {Key(TextOf(d, "account_number")), cents("total_charges_cents")},
          /*same_balance=*/true);
      // A faxed copy whose account number and letterhead did not read: the same patient, the same
      // statement date and the same charges and balance are one statement.
      add("patient,statement_date,total_charges,amount_due",
          {Key(TextOf(d, "patient_name")), TextOf(d, "statement_date"), cents("total_charges_cents"),
           cents("amount_due_cents")});
      // A photographed copy whose statement date and account number did not read: the same sender
      // asking the same balance of the same charges by the same day.
      add("provider,due_date,total_charges,amount_due",
          {Key(TextOf(d, "provider_name")), TextOf(d, "due_date"), cents("total_charges_cents"),
           cents("amount_due_cents")});
      break;
    case DocumentKind::kEob:
    case DocumentKind::kMsn:
      for (const Claim& claim : d.claims) {
        add("notice_date,claim_number", {TextOf(d, "notice_date"), Key(claim.claim_number)});
        // For a copy whose notice date was not read; a dated copy of another date is never joined by it.
        if (Key(claim.claim_number).size() >= 8) add("claim_number", {Key(claim.claim_number)});
      }
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
}

// Two papers that print different dates of their own are different papers, whatever else they
// share; joined by a key that asks it, so are two that ask different balances.
bool PrintDifferentPapers(const Document& a, const Document& b, const IdentityKey& joined_by) {
  for (const char* date : {"statement_date", "notice_date", "letter_date"}) {
    std::string x = TextOf(a, date), y = TextOf(b, date);
    if (!x.empty() && !y.empty() && x != y) return true;
  }
  auto due_a = CentsOf(a, "amount_due_cents"), due_b = CentsOf(b, "amount_due_cents");
  return joined_by.same_balance && due_a && due_b && *due_a != *due_b;
}

// Whether two notices print one claim, its number misread by a digit on one of them (the date of one
// not read, or the same), or not read on one of the same patient's of the same date: a claim of the
// same date of service leaving the same share (above nothing, where the number is not there to tell
// two claims apart).
bool SameClaimMisread(const Document& a, const Document& b) {
  bool notices = (a.kind == DocumentKind::kEob || a.kind == DocumentKind::kMsn) && a.kind == b.kind;
  std::string date = TextOf(a, "notice_date"), other_date = TextOf(b, "notice_date");
  std::string patient = Key(TextOf(a, "patient_name"));
  if (!notices || (!date.empty() && !other_date.empty() && date != other_date)) return false;
  for (const Claim& x : a.claims) {
    for (const Claim& y : b.claims) {
      std::string kx = Key(x.claim_number), ky = Key(y.claim_number);
      bool misread = std::min(kx.size(), ky.size()) >= 8 && EditDistance(kx, ky) <= 1;
      bool unread = (kx.empty() != ky.empty()) && !date.empty() && date == other_date && !patient.empty() &&
                    patient == Key(TextOf(b, "patient_name")) && x.patient_responsibility_cents.value_or(0) > 0;
      if ((misread || unread) && !x.service_date_from.empty() && x.service_date_from == y.service_date_from &&
          x.patient_responsibility_cents && x.patient_responsibility_cents == y.patient_responsibility_cents) {
        return true;
      }
    }
  }
  return false;
}

// Two identifiers that could be one as read: the same, one not read, or one character apart.
bool WithinAMisread(const std::string& a, const std::string& b) {
  std::string x = Key(a), y = Key(b);
  return x.empty() || y.empty() || (std::min(x.size(), y.size()) >= 6 && EditDistance(x, y) <= 1);
}

// Whether two statements of one date asking the same balance of the same charges are one, their
// account numbers the same as far as was read (a fax copy's letterhead, account and name misread).
bool SameStatementMisread(const Document& a, const Document& b) {
  if (a.kind != DocumentKind::kBill || b.kind != DocumentKind::kBill) return false;
  std::string date = TextOf(a, "statement_date");
  auto charges = CentsOf(a, "total_charges_cents"), due = CentsOf(a, "amount_due_cents");
  return !date.empty() && date == TextOf(b, "statement_date") && charges && charges == CentsOf(b, "total_charges_cents") &&
         due && due == CentsOf(b, "amount_due_cents") &&
         WithinAMisread(TextOf(a, "account_number"), TextOf(b, "account_number"));
}

// Whether two collection letters giving the same day to dispute by and asking the same amount are
// one, their account and reference numbers the same as far as was read (the letter's date misread
// on a copy, or another line taken for it).
bool SameLetterMisread(const Document& a, const Document& b) {
  if (a.kind != DocumentKind::kCollectionLetter || b.kind != DocumentKind::kCollectionLetter) return false;
  std::string until = TextOf(a, "validation_end_date");
  auto asked = CentsOf(a, "current_amount_cents");
  return !until.empty() && until == TextOf(b, "validation_end_date") && asked &&
         asked == CentsOf(b, "current_amount_cents") &&
         WithinAMisread(TextOf(a, "account_number"), TextOf(b, "account_number")) &&
         WithinAMisread(TextOf(a, "reference_number"), TextOf(b, "reference_number"));
}

// Whether two notices of one date leaving the same total to the same member are one, the member ID
// misread by a character on one of them.
bool SameNoticeMisread(const Document& a, const Document& b) {
  bool notices = (a.kind == DocumentKind::kEob || a.kind == DocumentKind::kMsn) && a.kind == b.kind;
  std::string date = TextOf(a, "notice_date"), member = TextOf(a, "member_id"), other = TextOf(b, "member_id");
  auto total = CentsOf(a, "total_patient_responsibility_cents");
  return notices && !date.empty() && date == TextOf(b, "notice_date") && total.value_or(0) > 0 &&
         total == CentsOf(b, "total_patient_responsibility_cents") && !member.empty() && !other.empty() &&
         WithinAMisread(member, other);
}

// The copy that stands for a group of twins: its figures add up, it was read most surely (a text
// layer over a photograph), then the most was read from it.
std::tuple<bool, int, size_t> Standing(const Document& d) {
  bool adds_up = std::all_of(d.checks.begin(), d.checks.end(), [](const Check& c) { return c.ok; });
  double confidence = 0;
  for (const Field& field : d.fields) confidence += field.confidence;
  int sureness = d.fields.empty() ? 0 : static_cast<int>(std::lround(100 * confidence / d.fields.size()));
  return std::make_tuple(adds_up, sureness, d.fields.size() + d.line_items.size() + d.claims.size());
}

}  // namespace

std::vector<std::string> EvidenceFields(FindingRule rule) {
  if (rule == FindingRule::kPrematureBill || rule == FindingRule::kBalanceExceedsEob || rule == FindingRule::kStatementAfterSettlement ||
      rule == FindingRule::kUnexplainedBalanceIncrease) {
    return {"amount_due_cents"};
  }
  if (rule == FindingRule::kBilledNotOnEob || rule == FindingRule::kArithmeticMismatch)
    return {"total_charges_cents", "amount_due_cents", "current_amount_cents"};
  if (rule == FindingRule::kCollectionValidationWindow) return {"validation_end_date", "current_amount_cents"};
  if (rule == FindingRule::kCollectionBeforeInsurance || rule == FindingRule::kCollectionAmountMismatch) return {"current_amount_cents"};
  if (rule == FindingRule::kFinancialAssistanceWindow) return {"statement_date"};
  // A notice's finding is about what it leaves the person to pay, where no line of the claim is boxed.
  if (rule == FindingRule::kClaimDenied || rule == FindingRule::kSurpriseBillProtection) {
    return {"total_patient_responsibility_cents", "notice_date"};
  }
  return {};
}

std::vector<std::string> PaperKeys(const Document& d) {
  std::vector<std::string> keys;
  for (const IdentityKey& key : IdentityKeys(d)) {
    if (key.what.find("date") != std::string::npos) keys.push_back(key.key);
  }
  return keys;
}

std::vector<Twin> FindTwins(const std::vector<StoredDocument>& documents) {
  // Union-find over the documents.
  std::vector<size_t> parent(documents.size());
  for (size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  auto root = [&](size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  std::map<size_t, std::string> shared;  // document → the keys that joined it to its group
  std::map<std::string, size_t> first_holder;
  for (size_t i = 0; i < documents.size(); ++i) {
    for (const IdentityKey& key : IdentityKeys(documents[i].document)) {
      auto [it, added] = first_holder.emplace(key.key, i);
      if (added || PrintDifferentPapers(documents[i].document, documents[it->second].document, key)) continue;
      parent[root(i)] = root(it->second);
      shared.emplace(i, key.what);
      shared.emplace(it->second, key.what);
    }
  }
  // A faxed or photographed copy whose identifiers lost or misread a character: joined by its figures.
  for (size_t i = 0; i < documents.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      const Document &a = documents[i].document, &b = documents[j].document;
      if (a.kind != b.kind || root(i) == root(j)) continue;
      const char* joined = SameClaimMisread(a, b)      ? "notice_date,claim_number within a digit or unread,service_date,patient_share"
                           : SameStatementMisread(a, b) ? "statement_date,total_charges,amount_due,account_number as read"
                           : SameNoticeMisread(a, b)    ? "notice_date,patient_total,member_id within a character"
                           : SameLetterMisread(a, b)    ? "validation_end_date,current_amount,account_number as read"
                                                        : nullptr;
      if (joined == nullptr) continue;
      parent[root(i)] = root(j);
      shared.emplace(i, joined);
      shared.emplace(j, joined);
    }
  }
  auto standing = [&](size_t i) { return Standing(documents[i].document); };
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

struct LetterRef {
  const StoredDocument* letter;
  std::optional<Cents> itemized;
};

struct MatchIndexes {
  std::vector<ClaimRef> claims;
  std::unordered_map<std::string, std::vector<size_t>> claims_by_account, claims_by_date;
  std::unordered_map<Cents, std::vector<size_t>> claims_by_billed, claims_by_owed;
  std::vector<LetterRef> letters;
  std::unordered_map<std::string, std::vector<size_t>> letters_by_account;
  std::unordered_map<Cents, std::vector<size_t>> letters_by_amount;
};

MatchIndexes IndexNoticesAndLetters(const std::vector<StoredDocument>& documents) {
  MatchIndexes index;
  for (const StoredDocument& stored : documents) {
    const Document& d = stored.document;
    if (d.kind == DocumentKind::kEob || d.kind == DocumentKind::kMsn) {
      std::string patient = TextOf(d, "patient_name");
      for (size_t c = 0; c < d.claims.size(); ++c) {
        const Claim& claim = d.claims[c];
        size_t at = index.claims.size();
        index.claims.push_back({&stored, c, patient, Key(claim.patient_account_number)});
        if (!index.claims.back().account.empty()) index.claims_by_account[index.claims.back().account].push_back(at);
        if (!claim.service_date_from.empty()) index.claims_by_date[claim.service_date_from].push_back(at);
        if (claim.billed_cents) index.claims_by_billed[*claim.billed_cents].push_back(at);
        if (claim.patient_responsibility_cents) index.claims_by_owed[*claim.patient_responsibility_cents].push_back(at);
      }
    } else if (d.kind == DocumentKind::kCollectionLetter) {
      size_t at = index.letters.size();
      index.letters.push_back({&stored, CentsOf(d, "amount_on_itemization_date_cents")});
      if (std::string account = Key(TextOf(d, "account_number")); !account.empty()) {
        index.letters_by_account[account].push_back(at);
      }
      if (index.letters.back().itemized) index.letters_by_amount[*index.letters.back().itemized].push_back(at);
    }
  }
  return index;
}

template <typename Index, typename Key>
void AddFrom(const Index& index, const Key& key, std::set<size_t>& into) {
  auto it = index.find(key);
  if (it != index.end()) into.insert(it->second.begin(), it->second.end());
}

// What a bill is matched by, read once.
struct BillKeys {
  explicit BillKeys(const StoredDocument& stored)
      : bill(stored), account(Key(TextOf(stored.document, "account_number"))),
        provider(TextOf(stored.document, "provider_name")), patient(TextOf(stored.document, "patient_name")),
        total(CentsOf(stored.document, "total_charges_cents")), due(CentsOf(stored.document, "amount_due_cents")) {
    for (const LineItem& item : stored.document.line_items) service_dates.insert(item.date_of_service);
  }
  const StoredDocument& bill;
  std::string account, provider, patient;
  std::optional<Cents> total, due;
  std::set<std::string> service_dates;
};

std::optional<Match> ScoreClaim(const BillKeys& b, const ClaimRef& ref) {
  // One person's bill is never matched to another's claim (a child and a parent seen the same
  // day by the same provider for the same charge).
  if (!CouldBeOnePatient(b.patient, ref.patient)) return std::nullopt;
  const Claim& claim = ref.notice->document.claims[ref.ordinal];
  double score = 0;
  std::vector<std::string> keys;
  if (!b.account.empty() && ref.account == b.account) score += 0.6, keys.push_back("account_number");
  if (SameProvider(b.provider, claim.provider_name)) score += 0.15, keys.push_back("provider");
  if (!claim.service_date_from.empty() && b.service_dates.count(claim.service_date_from)) {
    score += 0.15, keys.push_back("service_date");
  }
  if (b.total && claim.billed_cents && *b.total == *claim.billed_cents) score += 0.2, keys.push_back("billed_total");
  // A summary bill without lines or account number on the claim (Medicare notices print none)
  // still says what the plan left the patient to pay.
  if (b.due && claim.patient_responsibility_cents && *b.due > 0 && *b.due == *claim.patient_responsibility_cents) {
    score += 0.2, keys.push_back("patient_owes");
  }
  std::vector<std::pair<int, int>> lines = PairLines(b.bill.document.line_items, claim.lines);
  if (!lines.empty()) score += 0.1, keys.push_back("lines");
  // The account number alone, or provider, date and amount together.
  if (score < 0.5) return std::nullopt;
  return Match{b.bill.id, ref.notice->id, static_cast<int>(ref.ordinal), claim.claim_number, std::min(1.0, score),
               Join(keys, ","), std::move(lines)};
}

std::optional<Match> ScoreLetter(const BillKeys& b, const LetterRef& letter) {
  const Document& l = letter.letter->document;
  double score = 0;
  std::vector<std::string> keys;
  if (!b.account.empty() && Key(TextOf(l, "account_number")) == b.account) score += 0.7, keys.push_back("account_number");
  for (const char* creditor : {"original_creditor", "current_creditor"}) {
    if (SameProvider(b.provider, TextOf(l, creditor))) {
      score += 0.2, keys.push_back("creditor");
      break;
    }
  }
  const std::optional<Cents>& itemized = letter.itemized;
  if (itemized && ((b.due && *itemized == *b.due) || (b.total && *itemized == *b.total))) {
    score += 0.2, keys.push_back("amount");
  }
  if (score < 0.5) return std::nullopt;
  return Match{letter.letter->id, b.bill.id, -1, "", std::min(1.0, score), Join(keys, ",")};
}

}  // namespace

std::vector<Match> MatchDocuments(const std::vector<StoredDocument>& documents, const std::set<std::string>* touching) {
  MatchIndexes index = IndexNoticesAndLetters(documents);
  auto scored = [&](const std::string& a, const std::string& b) {
    return touching == nullptr || touching->count(a) > 0 || touching->count(b) > 0;
  };
  std::vector<Match> matches;
  for (const StoredDocument& bill : documents) {
    if (bill.document.kind != DocumentKind::kBill) continue;
    BillKeys keys(bill);
    std::set<size_t> candidates;  // in document and claim order, as the matches are listed
    if (!keys.account.empty()) AddFrom(index.claims_by_account, keys.account, candidates);
    for (const std::string& date : keys.service_dates) AddFrom(index.claims_by_date, date, candidates);
    if (keys.total) AddFrom(index.claims_by_billed, *keys.total, candidates);
    if (keys.due) AddFrom(index.claims_by_owed, *keys.due, candidates);
    for (size_t at : candidates) {
      if (!scored(bill.id, index.claims[at].notice->id)) continue;
      if (auto match = ScoreClaim(keys, index.claims[at])) matches.push_back(std::move(*match));
    }
    std::set<size_t> letter_candidates;
    if (!keys.account.empty()) AddFrom(index.letters_by_account, keys.account, letter_candidates);
    if (keys.due) AddFrom(index.letters_by_amount, *keys.due, letter_candidates);
    if (keys.total) AddFrom(index.letters_by_amount, *keys.total, letter_candidates);
    for (size_t at : letter_candidates) {
      if (!scored(bill.id, index.letters[at].letter->id)) continue;
      if (auto match = ScoreLetter(keys, index.letters[at])) matches.push_back(std::move(*match));
    }
  }
  return matches;
}

}  // namespace shoebox::findings
