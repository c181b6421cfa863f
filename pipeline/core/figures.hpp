// The figures of a plan's claim and of its service lines, named once: the name the export, the
// database and the label dictionary (labels.tsv scopes claim and claim_column) use, where the
// figure lives on a Claim and on a ClaimLine, and its part in the claim's arithmetic (DOMAIN.md §3).
// Everything that reads, stores, checks or prints the figures goes through this table.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "pipeline/core/page.hpp"

namespace shoebox {

enum class FigureRole {
  kBilled,           // what the provider charged
  kReduction,        // taken off before the plan's share: a discount, or what the plan does not cover
  kAllowed,          // what the plan allows: plan paid + the member's shares
  kPlanPaid,
  kMemberShare,      // deductible, copay, coinsurance: they add up to what the member owes
  kMemberOwes,       // patient responsibility
};

struct ClaimFigure {
  std::string_view name;  // "billed_cents"
  std::optional<Cents> Claim::*of_claim;
  std::optional<Cents> ClaimLine::*of_line;
  FigureRole role;
  bool lines_add_up_to_it;  // the claim's figure is the sum of its lines' (checked where all are read)
};

// In the order the export prints a claim's figures and the database stores them.
inline constexpr std::array<ClaimFigure, 9> kClaimFigures = {{
    {"billed_cents", &Claim::billed_cents, &ClaimLine::billed_cents, FigureRole::kBilled, true},
    {"discount_cents", &Claim::discount_cents, &ClaimLine::discount_cents, FigureRole::kReduction, false},
    {"not_covered_cents", &Claim::not_covered_cents, &ClaimLine::not_covered_cents, FigureRole::kReduction, false},
    {"allowed_cents", &Claim::allowed_cents, &ClaimLine::allowed_cents, FigureRole::kAllowed, true},
    {"plan_paid_cents", &Claim::plan_paid_cents, &ClaimLine::plan_paid_cents, FigureRole::kPlanPaid, true},
    {"deductible_cents", &Claim::deductible_cents, &ClaimLine::deductible_cents, FigureRole::kMemberShare, true},
    {"copay_cents", &Claim::copay_cents, &ClaimLine::copay_cents, FigureRole::kMemberShare, true},
    {"coinsurance_cents", &Claim::coinsurance_cents, &ClaimLine::coinsurance_cents, FigureRole::kMemberShare, true},
    {"patient_responsibility_cents", &Claim::patient_responsibility_cents, &ClaimLine::patient_responsibility_cents,
     FigureRole::kMemberOwes, true},
}};

// A figure's sign in the claim's two identities (DOMAIN.md §3), 0 where it takes no part:
// allowed = plan paid + deductible + copay + coinsurance, and what the member owes = deductible +
// copay + coinsurance (written as signed sums that come to zero).
inline int SignWhereAllowedIsPaidPlusShares(FigureRole role) {
  if (role == FigureRole::kAllowed) return -1;
  return role == FigureRole::kPlanPaid || role == FigureRole::kMemberShare ? +1 : 0;
}
inline int SignWhereOwedIsTheShares(FigureRole role) {
  if (role == FigureRole::kMemberOwes) return -1;
  return role == FigureRole::kMemberShare ? +1 : 0;
}
// What you owe is what the plan allowed less what it paid: the shares summed without printing each.
inline int SignWhereOwedIsAllowedLessPaid(FigureRole role) {
  if (role == FigureRole::kAllowed) return +1;
  return role == FigureRole::kPlanPaid || role == FigureRole::kMemberOwes ? -1 : 0;
}

// Whether an identity (one of the two above) holds over a claim's or a line's figures: every
// figure it takes is read and the signed sum is zero.
template <typename Holder>
bool IdentityHolds(const Holder& holder, std::optional<Cents> Holder::*ClaimFigure::*member, int (*sign_of)(FigureRole)) {
  Cents total = 0;
  for (const ClaimFigure& figure : kClaimFigures) {
    int sign = sign_of(figure.role);
    if (sign == 0) continue;
    const std::optional<Cents>& value = holder.*(figure.*member);
    if (!value) return false;
    total += sign * *value;
  }
  return total == 0;
}

// The figure of that name, or null.
inline const ClaimFigure* FindClaimFigure(std::string_view name) {
  for (const ClaimFigure& figure : kClaimFigures) {
    if (figure.name == name) return &figure;
  }
  return nullptr;
}

}  // namespace shoebox
