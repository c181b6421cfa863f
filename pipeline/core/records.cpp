// The names of the records' enums, as the database and the export spell them.
#include "pipeline/core/records.hpp"

#include <array>
#include <utility>

namespace shoebox {
namespace {

constexpr std::array<std::pair<FindingRule, const char*>, 15> kRuleNames = {{
    {FindingRule::kPrematureBill, "premature_bill"},
    {FindingRule::kBalanceExceedsEob, "balance_exceeds_eob"},
    {FindingRule::kDuplicateCharge, "duplicate_charge"},
    {FindingRule::kQuantityAnomaly, "quantity_anomaly"},
    {FindingRule::kBilledNotOnEob, "billed_not_on_eob"},
    {FindingRule::kArithmeticMismatch, "arithmetic_mismatch"},
    {FindingRule::kFinancialAssistanceWindow, "financial_assistance_window"},
    {FindingRule::kClaimDenied, "claim_denied"},
    {FindingRule::kSurpriseBillProtection, "surprise_bill_protection"},
    {FindingRule::kCollectionValidationWindow, "collection_validation_window"},
    {FindingRule::kCollectionBeforeInsurance, "collection_before_insurance"},
    {FindingRule::kCollectionAmountMismatch, "collection_amount_mismatch"},
    {FindingRule::kStatementAfterSettlement, "statement_after_settlement"},
    {FindingRule::kUnexplainedBalanceIncrease, "unexplained_balance_increase"},
    {FindingRule::kEobMissing, "eob_missing"},
}};

// What each rule finds, in the words a person reads (the names above are for --json and SQL).
constexpr std::array<std::pair<FindingRule, const char*>, 15> kRuleTitles = {{
    {FindingRule::kPrematureBill, "Billed before insurance finished"},
    {FindingRule::kBalanceExceedsEob, "Asks for more than your plan says you owe"},
    {FindingRule::kDuplicateCharge, "The same charge twice"},
    {FindingRule::kQuantityAnomaly, "More days charged than the stay lasted"},
    {FindingRule::kBilledNotOnEob, "Charges your plan never saw"},
    {FindingRule::kArithmeticMismatch, "Figures that do not add up"},
    {FindingRule::kFinancialAssistanceWindow, "You can still apply for financial assistance"},
    {FindingRule::kClaimDenied, "Claim denied by your plan"},
    {FindingRule::kSurpriseBillProtection, "Out-of-network bill you may be protected from"},
    {FindingRule::kCollectionValidationWindow, "You can still dispute this debt in writing"},
    {FindingRule::kCollectionBeforeInsurance, "In collections before insurance finished"},
    {FindingRule::kCollectionAmountMismatch, "Collector asks for more than you owe"},
    {FindingRule::kStatementAfterSettlement, "Asks for more than you agreed to pay"},
    {FindingRule::kUnexplainedBalanceIncrease, "Balance went up with no reason shown"},
    {FindingRule::kEobMissing, "Explanation of Benefits missing"},
}};

constexpr std::array<std::pair<Severity, const char*>, 3> kSeverityNames = {{
    {Severity::kHigh, "high"}, {Severity::kMedium, "medium"}, {Severity::kInfo, "info"}}};

template <typename Enum, size_t N>
const char* NameOf(const std::array<std::pair<Enum, const char*>, N>& names, Enum value) {
  for (const auto& [entry, name] : names) {
    if (entry == value) return name;
  }
  return "";
}

template <typename Enum, size_t N>
std::optional<Enum> ValueOf(const std::array<std::pair<Enum, const char*>, N>& names, std::string_view name) {
  for (const auto& [entry, entry_name] : names) {
    if (entry_name == name) return entry;
  }
  return std::nullopt;
}

}  // namespace

const char* ToString(FindingRule rule) { return NameOf(kRuleNames, rule); }
std::optional<FindingRule> ParseFindingRule(std::string_view name) { return ValueOf(kRuleNames, name); }
const char* Title(FindingRule rule) { return NameOf(kRuleTitles, rule); }
const char* ToString(Severity severity) { return NameOf(kSeverityNames, severity); }
std::optional<Severity> ParseSeverity(std::string_view name) { return ValueOf(kSeverityNames, name); }

const char* ToString(NoteKind kind) {
  switch (kind) {
    case NoteKind::kCall: return "call";
    case NoteKind::kPayment: return "payment";
    case NoteKind::kAgreement: return "agreement";
    case NoteKind::kNote: return "note";
  }
  return "note";
}

std::optional<NoteKind> ParseNoteKind(const std::string& text) {
  for (NoteKind kind : {NoteKind::kCall, NoteKind::kPayment, NoteKind::kAgreement, NoteKind::kNote}) {
    if (text == ToString(kind)) return kind;
  }
  return std::nullopt;
}

const std::vector<std::string_view>& FieldNamesOf(DocumentKind kind) {
  static const std::vector<std::string_view> kBill = {
      "provider_name", "patient_name", "patient_birth_date", "guarantor_name", "account_number", "statement_date", "due_date",
      "total_charges_cents", "insurance_paid_cents", "adjustments_cents", "insurance_pending_cents",
      "patient_paid_cents", "amount_due_cents", "insurance_status", "mailing_address", "sender_address"};
  static const std::vector<std::string_view> kNotice = {
      "payer_name", "member_name", "patient_name", "patient_birth_date", "member_id", "group_number", "notice_date", "total_billed_cents",
      "total_plan_paid_cents", "total_patient_responsibility_cents", "mailing_address"};
  static const std::vector<std::string_view> kLetter = {
      "collector_name", "current_creditor", "original_creditor", "account_number", "reference_number", "letter_date",
      "itemization_date", "amount_on_itemization_date_cents", "interest_cents", "fees_cents", "payments_cents",
      "credits_cents", "current_amount_cents", "validation_end_date", "mailing_address", "sender_address"};
  static const std::vector<std::string_view> kNone;
  switch (kind) {
    case DocumentKind::kBill: return kBill;
    case DocumentKind::kEob:
    case DocumentKind::kMsn: return kNotice;
    case DocumentKind::kCollectionLetter: return kLetter;
    case DocumentKind::kOther: return kNone;
  }
  return kNone;
}

}  // namespace shoebox
