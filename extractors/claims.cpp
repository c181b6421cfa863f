// A plan's claims and their arithmetic (claims.hpp).
#include "extractors/claims.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "extractors/arithmetic.hpp"
#include "extractors/claim_lines.hpp"
#include "extractors/fields.hpp"
#include "extractors/labels.hpp"
#include "pipeline/core/money.hpp"
#include "pipeline/core/figures.hpp"
#include "pipeline/core/text.hpp"

namespace shoebox::extractors {
namespace {

// What a claim's block says of its status, where status is said: a cell that is a status word or a
// short phrase on its own ("Denied", "Pending - in process", a claim row's status column), or the
// words right after a status label on its line ("Claim status: Denied - not a covered service").
// A heading with more words ("Less charges pending") or a sentence (a glossary's "a denied claim
// is ...") says no claim's status. kUnknown where nothing says it.
ClaimStatus StatusSaid(const CellGrid& grid) {
  auto status_at = [](const std::vector<std::string>& words, size_t at) {
    if (at >= words.size()) return ClaimStatus::kUnknown;
    if (words[at] == "denied" || words[at] == "rejected") return ClaimStatus::kDenied;
    if (words[at] == "pending" || (words[at] == "in" && at + 1 < words.size() && words[at + 1] == "process"))
      return ClaimStatus::kPending;
    return ClaimStatus::kUnknown;
  };
  constexpr size_t kPhraseWords = 4;  // "Pending - in process": the most a status cell says
  ClaimStatus said = ClaimStatus::kUnknown;
  for (const std::vector<CellRef>& line : grid.cells) {
    std::vector<std::string> line_words;
    for (const CellRef& cell : line) {
      std::vector<std::string> words;
      for (const Word& word : cell.cell.words) {
        std::string token = LabelToken(word.text);
        if (!token.empty()) words.push_back(token);
      }
      if (!words.empty() && words.size() <= kPhraseWords && said == ClaimStatus::kUnknown) said = status_at(words, 0);
      line_words.insert(line_words.end(), words.begin(), words.end());
    }
    for (size_t i = 0; i + 1 < line_words.size() && said == ClaimStatus::kUnknown; ++i) {
      if (line_words[i] == "status") said = status_at(line_words, i + 1);
    }
    if (said == ClaimStatus::kDenied) return said;  // a denial anywhere in the claim outweighs "pending"
  }
  return said;
}

// One claim from the lines of its block.
std::optional<Claim> ReadClaim(const std::vector<Line>& block, const std::string& document_text) {
  CellGrid grid(block);
  auto found = FindLabelledFields(grid, "claim");
  if (found.empty()) return std::nullopt;
  // Figures a notice says in sentences rather than beside labels, in its columns' words.
  for (auto& [name, field] : FiguresInSentences(block, "claim_column")) found.emplace(name, std::move(field));
  Claim claim;
  auto text_of = [&](const char* name) { return found.count(name) ? found[name].text : std::string(); };
  claim.claim_number = text_of("claim_number");
  claim.provider_name = text_of("provider_name");
  claim.patient_account_number = text_of("patient_account_number");
  claim.processed_date = text_of("processed_date");
  // A single date of service is both ends of the range.
  claim.service_date_from = text_of("service_date_from");
  claim.service_date_to = found.count("service_date_to") ? text_of("service_date_to") : claim.service_date_from;
  for (const ClaimFigure& figure : kClaimFigures) claim.*figure.of_claim = CentsOf(found, std::string(figure.name));
  claim.page = found.begin()->second.page;
  // Network and status are said in words; the block's own words first, then the document's.
  std::string block_text = JoinedLowerText(block);
  for (const std::string* text : std::array<const std::string*, 2>{&block_text, &document_text}) {
    if (claim.network_status != NetworkStatus::kUnknown) break;
    if (text->find("out-of-network") != std::string::npos || text->find("out of network") != std::string::npos) {
      claim.network_status = NetworkStatus::kOutOfNetwork;
    } else if (text->find("in-network") != std::string::npos || text->find("in network") != std::string::npos) {
      claim.network_status = NetworkStatus::kInNetwork;
    }
  }
  // The status as said, held to the figures: a claim the plan paid on and says denied is denied in
  // part. (A pending claim may print what the plan expects to pay: pending stays pending.)
  ClaimStatus said = StatusSaid(grid);
  if (said == ClaimStatus::kDenied) {
    claim.status = claim.plan_paid_cents.value_or(0) > 0 ? ClaimStatus::kPartiallyDenied : ClaimStatus::kDenied;
  } else if (said == ClaimStatus::kPending) {
    claim.status = ClaimStatus::kPending;
  } else if (!claim.processed_date.empty() || claim.plan_paid_cents) {
    claim.status = ClaimStatus::kProcessed;
  }
  return claim;
}


// The lines that carry a claim-number label: where each claim starts.
std::vector<size_t> ClaimStarts(const std::vector<Line>& lines) {
  std::vector<const Label*> number_labels;
  for (const Label& label : Labels()) {
    if (label.scope == "claim" && label.field == "claim_number") number_labels.push_back(&label);
  }
  std::vector<size_t> starts;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::vector<std::string> tokens;
    for (const Word& word : lines[i].words) tokens.push_back(LabelWord(word.text));
    for (const Label* label : number_labels) {
      if (FindLabel(tokens, *label)) {
        starts.push_back(i);
        break;
      }
    }
  }
  return starts;
}

// The lines of each claim: a block starts at each line that carries a claim-number label.
std::vector<std::vector<Line>> ClaimBlocks(const std::vector<Line>& lines) {
  std::vector<size_t> starts = ClaimStarts(lines);
  if (starts.size() < 2) return {lines};
  // The last claim ends where the notice's summary begins: the document's totals are no claim's figures.
  size_t last_end = SummaryHeadingAt(lines, starts.back() + 1);
  std::vector<std::vector<Line>> blocks;
  for (size_t k = 0; k < starts.size(); ++k) {
    size_t end = k + 1 < starts.size() ? starts[k + 1] : last_end;
    blocks.emplace_back(lines.begin() + static_cast<long>(starts[k]), lines.begin() + static_cast<long>(end));
  }
  return blocks;
}


// The terms of one of the claim's identities (figures.hpp) over a claim's or a line's figures, in
// the figures table's order, named prefix + figure; none unless every figure it takes was read.
template <typename Holder>
std::optional<std::vector<Term>> TermsOf(Holder& holder, std::optional<Cents> Holder::*ClaimFigure::*member,
                                         int (*sign_of)(FigureRole), const std::string& prefix = "") {
  std::vector<Term> terms;
  for (const ClaimFigure& figure : kClaimFigures) {
    int sign = sign_of(figure.role);
    if (sign == 0) continue;
    std::optional<Cents>& value = holder.*(figure.*member);
    if (!value) return std::nullopt;
    terms.push_back({&*value, sign, prefix + std::string(figure.name)});
  }
  return terms;
}

// A claim's lines against themselves and against the claim: each line's allowed amount is what
// the plan paid plus the member's shares, and each column adds up to the claim's figure. Checked
// together, so a figure misread in one line is repaired only where one reading makes both hold.
std::vector<Check> CheckClaimLines(Claim& claim, const std::string& suffix) {
  std::vector<Identity> identities;
  for (size_t k = 0; k < claim.lines.size(); ++k) {
    auto terms = TermsOf(claim.lines[k], &ClaimFigure::of_line, SignWhereAllowedIsPaidPlusShares,
                         "line " + std::to_string(k + 1) + " ");
    if (!terms) continue;
    identities.push_back(
        {"claim_line_" + std::to_string(k + 1) + "_allowed_equals_paid_plus_cost_share" + suffix, std::move(*terms)});
  }
  for (const ClaimFigure& figure : kClaimFigures) {
    if (!figure.lines_add_up_to_it) continue;
    std::optional<Cents>& total = claim.*figure.of_claim;
    bool every_line = !claim.lines.empty() && std::all_of(claim.lines.begin(), claim.lines.end(), [&](const ClaimLine& line) {
      return (line.*figure.of_line).has_value();
    });
    if (!total || !every_line) continue;
    std::string field(figure.name);
    Identity identity{"claim_lines_sum_to_" + field + suffix, {{&*total, -1, field}}};
    for (size_t k = 0; k < claim.lines.size(); ++k) {
      identity.terms.push_back({&*(claim.lines[k].*figure.of_line), +1, "line " + std::to_string(k + 1) + " " + field});
    }
    identities.push_back(std::move(identity));
  }
  if (identities.empty()) return {};
  return CheckIdentities(std::move(identities));
}


}  // namespace

size_t SummaryHeadingAt(const std::vector<Line>& lines, size_t from) {
  for (size_t i = from; i < lines.size(); ++i) {
    std::vector<std::string> texts, tokens;
    for (const Word& word : lines[i].words) texts.push_back(word.text), tokens.push_back(LabelToken(word.text));
    if (!FindMoney(texts) && std::find(tokens.begin(), tokens.end(), "summary") != tokens.end()) return i;
  }
  return lines.size();
}

std::vector<bool> LinesOfClaims(const std::vector<Line>& lines) {
  std::vector<bool> of_claims(lines.size(), false);
  std::vector<size_t> starts = ClaimStarts(lines);
  if (starts.empty()) return of_claims;
  size_t end = SummaryHeadingAt(lines, starts.back() + 1);
  std::fill(of_claims.begin() + static_cast<long>(starts.front()), of_claims.begin() + static_cast<long>(end), true);
  return of_claims;
}

std::map<std::string, Field> ReadSummaryTotals(const std::vector<Line>& lines, std::string_view scope) {
  std::map<std::string, Field> totals;
  size_t start = SummaryHeadingAt(lines, 0);
  if (start == lines.size()) return totals;
  // The summary runs to the first claim after it, or to the end.
  size_t end = lines.size();
  for (size_t claim_start : ClaimStarts(lines)) {
    if (claim_start > start) {
      end = claim_start;
      break;
    }
  }
  std::vector<Line> summary(lines.begin() + static_cast<long>(start), lines.begin() + static_cast<long>(end));
  std::set<std::string> fields_of_scope;
  for (const Label* label : LabelsLongestFirst(scope)) fields_of_scope.insert(label->field);
  for (auto& [name, field] : FindLabelledFields(CellGrid(summary), "claim")) {
    std::string total = "total_" + name;
    if (!field.cents || !fields_of_scope.count(total)) continue;
    field.name = total;
    field.read_by = "summary: " + field.read_by;
    totals.emplace(total, std::move(field));
  }
  return totals;
}

void ReadClaims(const std::vector<Line>& lines, Document& document) {
  std::string document_text = JoinedLowerText(lines);
  std::vector<std::vector<Line>> blocks = ClaimBlocks(lines);
  for (const std::vector<Line>& block : blocks) {
    // The service-line table first: its headers ("Deductible", "Service Date") are labels too, and
    // the claim's own figures are the ones printed outside it.
    ClaimTable table = ExtractClaimLines(block);
    std::vector<Line> outside_table;
    for (size_t i = 0; i < block.size(); ++i) {
      if (!table.in_table[i]) outside_table.push_back(block[i]);
    }
    std::optional<Claim> claim = ReadClaim(outside_table, document_text);
    if (!claim) continue;
    std::string suffix = blocks.size() > 1 ? "_claim_" + std::to_string(document.claims.size() + 1) : "";
    Claim& c = *claim;
    c.lines = std::move(table.lines);
    // The claim's figures not printed apart are its table's total row; its lines without a date of
    // their own are of the claim's date of service where the claim is of one day (its lines, where
    // they print dates, print that one).
    for (const ClaimFigure& figure : kClaimFigures) {
      if (table.total && !(c.*figure.of_claim)) c.*figure.of_claim = (*table.total).*figure.of_line;
    }
    bool one_day = (c.service_date_to.empty() || c.service_date_to == c.service_date_from) &&
                   std::all_of(c.lines.begin(), c.lines.end(), [&](const ClaimLine& line) {
                     return line.date_of_service.empty() || line.date_of_service == c.service_date_from;
                   });
    for (ClaimLine& line : c.lines) {
      if (line.date_of_service.empty() && one_day) line.date_of_service = c.service_date_from;
    }
    if (auto terms = TermsOf(c, &ClaimFigure::of_claim, SignWhereOwedIsTheShares)) {
      // What you owe = deductible + copay + coinsurance (+ the not-covered part the patient owes).
      // Where the not-covered amount is not printed the identity cannot be told apart from a
      // denial, so it is checked only when it holds without it.
      bool shares_are_owed = IdentityHolds(c, &ClaimFigure::of_claim, SignWhereOwedIsTheShares);
      if (c.not_covered_cents && !shares_are_owed) terms->push_back({&*c.not_covered_cents, +1, "not_covered_cents"});
      if (c.not_covered_cents || shares_are_owed) {
        document.checks.push_back(CheckIdentity("claim_cost_share_sums_to_patient_responsibility" + suffix, *terms));
      }
    }
    if (auto terms = TermsOf(c, &ClaimFigure::of_claim, SignWhereAllowedIsPaidPlusShares)) {
      document.checks.push_back(CheckIdentity("claim_allowed_equals_paid_plus_cost_share" + suffix, std::move(*terms)));
    }
    for (Check& check : CheckClaimLines(c, suffix)) document.checks.push_back(std::move(check));
    document.claims.push_back(std::move(*claim));
  }
}


}  // namespace shoebox::extractors
