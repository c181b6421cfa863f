// The families: each one's template drawn once from its own random draws (seeded by kind and
// number, not by the set), so a family looks the same in every set, as a producer's paper does.
#include <algorithm>

#include "tools/samplegen/grammar/grammar.hpp"

namespace samplegen::grammar {
namespace {

// At least five ways senders word each figure and field, any case.
const std::map<std::string, std::vector<std::string>>& Vocabulary() {
  static const std::map<std::string, std::vector<std::string>> words = {
      // bills
      {"statement_date", {"Statement Date", "Billing Date", "Date Statement Sent", "Date of Statement", "STATEMENT DATE"}},
      {"account_number", {"Account Number", "Acct #", "Account No", "Patient Account No", "Guarantor Account", "ACCOUNT #"}},
      {"due_date", {"Due Date", "Please Pay By", "Pay By", "Payment Due", "DUE DATE"}},
      {"amount_due_cents", {"Amount Due", "Balance Due", "Please Pay This Amount", "Amount You Owe", "Patient Balance", "AMOUNT DUE"}},
      {"total_charges_cents", {"Total Charges", "Gross Charges", "New Charges", "Total Charges This Statement", "TOTAL CHARGES"}},
      {"insurance_paid_cents", {"Insurance Payments", "Insurance Paid", "Ins Pmt", "Payments from Insurance", "INSURANCE PAYMENTS"}},
      {"adjustments_cents", {"Adjustments", "Contractual Adjustment", "Discount", "Insurance Adjustments", "ADJUSTMENTS"}},
      {"insurance_pending_cents", {"Insurance Pending", "Estimated Insurance", "Pending Insurance", "Awaiting Insurance", "Expected Insurance"}},
      {"patient_name", {"Patient", "Patient Name", "Name of Patient", "PATIENT", "Pt Name"}},
      {"guarantor_name", {"Guarantor", "Responsible Party", "Guarantor Name", "GUARANTOR", "Account Holder"}},
      // eob / msn, document level
      {"member_id", {"Member ID", "Subscriber ID", "ID Number", "Member #", "MEMBER ID"}},
      {"group_number", {"Group Number", "Group #", "Group No", "GROUP", "Plan Group"}},
      {"notice_date", {"Date of This Notice", "Notice Date", "Statement Date", "Date Prepared", "Date Issued"}},
      {"member_name", {"Member", "Subscriber", "Member Name", "Insured", "MEMBER"}},
      {"total_billed_cents", {"Total Billed", "Total Amount Billed", "Total Charges", "Amount Billed", "TOTAL BILLED"}},
      {"total_plan_paid_cents", {"Total Plan Paid", "Total Paid by Plan", "Plan Paid", "What Your Plan Paid", "TOTAL PLAN PAID"}},
      {"total_patient_responsibility_cents", {"Total You Owe", "Total Patient Responsibility", "Total Your Share", "Total Member Responsibility", "Total Amount You Owe the Provider(s)"}},
      // claim level
      {"claim_number", {"Claim Number", "Claim #", "Claim ID", "CLAIM NO", "Claim No."}},
      {"provider_name", {"Provider", "Rendering Provider", "Provider Name", "Treating Provider", "PROVIDER"}},
      {"patient_account_number", {"Patient Account", "Pt Acct #", "Patient Account Number", "Patient Acct #", "Provider Acct"}},
      {"processed_date", {"Processed Date", "Date Processed", "Processed", "Date of Processing", "Process Date"}},
      {"service_date", {"Service Date", "Date of Service", "Svc Dt", "Dates of Service", "DOS"}},
      // figures, claim and line
      {"billed_cents", {"Amount Billed", "Amt Billed", "Billed", "Charges", "Amount Charged", "Submitted Charges"}},
      {"discount_cents", {"Network Savings", "Discount", "Plan Discounts", "Provider Discount", "You Saved"}},
      {"not_covered_cents", {"Not Covered", "Amount Not Covered", "Ineligible", "Not Payable", "Amount Not Payable"}},
      {"allowed_cents", {"Allowed Amount", "Plan Allowed Amount", "Allowed", "Approved", "Allowable Amount"}},
      {"deductible_cents", {"Deductible", "Applied to Deductible", "Ded", "Deductible Amount", "DEDUCTIBLE"}},
      {"copay_cents", {"Copay", "Copayment", "Co-pay", "Copay Amount", "COPAY"}},
      {"coinsurance_cents", {"Coinsurance", "Co-Insurance", "Coins", "Coinsurance Amount", "COINSURANCE"}},
      {"plan_paid_cents", {"Plan Paid", "Paid by Plan", "Amount Paid", "What Your Plan Paid", "Plan Payment"}},
      {"patient_responsibility_cents", {"Patient Responsibility", "You May Owe", "Your Share", "What You Owe", "Member Responsibility", "Pt Resp"}},
      {"remark_codes", {"Remarks", "Remark Codes", "Reason Code", "Notes", "See Remarks"}},
      {"code", {"Code", "Procedure Code", "Service Code", "CPT", "Proc"}},
      {"description", {"Description", "Service Description", "Service", "Procedure", "Services"}},
      {"date_of_service", {"Date of Service", "Service Date", "Svc Dt", "DOS", "Date"}},
      {"revenue_code", {"Rev Code", "Rev", "Revenue Code", "REV", "Rev Cd"}},
      {"units", {"Units", "Qty", "Quantity", "Unit", "QTY"}},
      {"charge_cents", {"Charges", "Amount", "Charge", "Amount Charged", "Billed"}},
      // letters
      {"reference_number", {"Reference", "Reference Number", "Ref #", "Our Reference", "File Number"}},
      {"letter_date", {"Letter Date", "Date", "Notice Date", "Date of Letter", "Mailed"}},
      {"original_creditor", {"Original Creditor", "Original creditor", "Creditor of Origin", "Originally Owed To", "Original Provider"}},
      {"current_creditor", {"Creditor", "Current Creditor", "Client", "Creditor to Whom the Debt Is Owed", "On Behalf Of"}},
      {"current_amount_cents", {"Amount Due", "Balance Due", "Current Balance", "Amount Now Due", "Total Amount Due"}},
      {"interest_cents", {"Interest", "Interest Charged", "Interest Accrued", "Plus Interest", "Interest Since Itemization"}},
      {"fees_cents", {"Fees", "Fees Charged", "Collection Fees", "Plus Fees", "Other Charges"}},
      {"payments_cents", {"Payments", "Payments and Credits", "Less Payments", "Paid or Credited", "Payments Received"}},
      {"amount_on_itemization_date_cents", {"Amount on Itemization Date", "Balance as of", "Amount Owed as of", "Itemization Date Balance", "As of"}},
  };
  return words;
}

const std::vector<std::string> kTotalRows = {"Totals", "Claim Total", "Subtotal", "Total for this claim", "TOTAL"};

std::uint64_t KindSeed(const std::string& kind) {
  std::uint64_t seed = 1469598103934665603ULL;
  for (unsigned char c : kind) seed = (seed ^ c) * 1099511628211ULL;
  return seed;
}

// The claim-line columns a producer prints, in its order: date and code lead (in either order),
// the description somewhere, figures in the order of the claim's arithmetic with some left out.
std::vector<std::string> ClaimColumns(Rng& rng) {
  std::vector<std::string> columns = rng.Chance(0.5) ? std::vector<std::string>{"date_of_service", "code"}
                                                     : std::vector<std::string>{"code", "date_of_service"};
  if (rng.Chance(0.5)) columns.push_back("description");
  std::vector<std::string> figures = {"billed_cents"};
  if (rng.Chance(0.4)) figures.push_back("discount_cents");
  if (rng.Chance(0.3)) figures.push_back("not_covered_cents");
  figures.push_back("allowed_cents");
  std::vector<std::string> shares;
  if (rng.Chance(0.8)) shares.push_back("deductible_cents");
  if (rng.Chance(0.7)) shares.push_back("copay_cents");
  if (rng.Chance(0.8)) shares.push_back("coinsurance_cents");
  bool paid_first = rng.Chance(0.5);
  if (paid_first) figures.push_back("plan_paid_cents");
  figures.insert(figures.end(), shares.begin(), shares.end());
  if (!paid_first) figures.push_back("plan_paid_cents");
  figures.push_back("patient_responsibility_cents");
  columns.insert(columns.end(), figures.begin(), figures.end());
  if (rng.Chance(0.6)) columns.push_back("remark_codes");
  return columns;
}

std::vector<std::string> BillColumns(Rng& rng) {
  std::vector<std::string> columns = {"date_of_service"};
  bool description_first = rng.Chance(0.4);
  if (description_first) columns.push_back("description");
  if (rng.Chance(0.6)) columns.push_back("revenue_code");
  columns.push_back("code");
  if (!description_first) columns.push_back("description");
  if (rng.Chance(0.5)) columns.push_back("units");
  columns.push_back("charge_cents");
  return columns;
}

}  // namespace

int FamilyCount(const std::string& kind) {
  if (kind == "bill") return 6;
  if (kind == "eob") return 8;
  if (kind == "msn") return 3;
  if (kind == "collection_letter") return 4;
  if (kind == "everyday") return 10;
  return 0;
}

bool HeldOut(int number) { return number % 3 == 2; }

Family FamilyOf(const std::string& kind, int number) {
  Family family;
  family.kind = kind;
  family.number = number;
  family.name = kind + "_g" + std::to_string(number);
  family.held_out = HeldOut(number);
  Rng rng(KindSeed(kind) + static_cast<std::uint64_t>(number) * 7919);
  Style& s = family.style;
  s.font = rng.Pick(kFonts);
  s.size = 7.5 + 0.5 * rng.Int(0, 6);  // 7.5–10.5 pt body, headings larger
  s.placement = static_cast<Placement>(rng.Int(0, 3));
  s.pairs_share_lines = rng.Chance(0.4);
  s.identity_at_right = rng.Chance(0.6);
  s.header_rows = rng.Int(1, 3);
  s.centred_headers = rng.Chance(0.4);
  s.rules = static_cast<TableRules>(rng.Int(0, 2));
  s.dollar_signs_in_tables = rng.Chance(0.4);
  s.zero_style = rng.Int(0, 4);
  s.negative_style = rng.Int(0, 3);
  s.dates = rng.Pick(std::vector<DateStyle>{DateStyle::kSlash, DateStyle::kLong, DateStyle::kShortYear});
  s.summary_first = rng.Chance(0.5);
  s.service_lines = kind == "msn" || rng.Chance(0.7);
  s.claim_figures_in_prose = !s.service_lines && rng.Chance(0.5);
  s.bill_columns = BillColumns(rng);
  s.claim_columns = ClaimColumns(rng);
  s.total_row = rng.Pick(kTotalRows);
  s.names_in_address_only = rng.Chance(0.3);
  s.letter_date_alone = rng.Chance(0.6);
  s.amount_in_prose = rng.Chance(0.5);
  for (const auto& [field, phrases] : Vocabulary()) s.words[field] = rng.Pick(phrases);
  // Drawn after every other choice, so the families' other choices stay as they were.
  if (rng.Chance(0.3)) s.header_band = rng.Real(0.2, 0.45);
  if (kind == "msn") {
    // Medicare's own wording, which every MSN prints.
    s.words["billed_cents"] = "Amount Provider Charged";
    s.words["allowed_cents"] = "Medicare-Approved Amount";
    s.words["plan_paid_cents"] = "Amount Medicare Paid";
    s.words["patient_responsibility_cents"] = "Maximum You May Be Billed";
    s.words["remark_codes"] = "See Notes Below";
    s.words["member_id"] = "Medicare Number";
    s.words["total_patient_responsibility_cents"] = "Total Maximum You May Be Billed";
    s.claim_columns = {"description", "code", "billed_cents", "allowed_cents", "plan_paid_cents",
                       "patient_responsibility_cents", "remark_codes"};
    if (rng.Chance(0.5)) std::swap(s.claim_columns[0], s.claim_columns[1]);
  }
  // Drawn last too: half the families print the patient's date of birth beside the name.
  if (rng.Chance(0.5)) {
    s.words["patient_birth_date"] =
        rng.Pick(std::vector<std::string>{"Date of Birth", "DOB", "Birth Date", "Patient DOB", "Birthdate"});
  }
  return family;
}

const std::string& Word(const Style& style, const std::string& field) {
  static const std::string none;
  auto it = style.words.find(field);
  return it == style.words.end() ? none : it->second;
}

}  // namespace samplegen::grammar
