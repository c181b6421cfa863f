// Papers made by hand for the analysis tests: bills, EOBs and letters with the fields the rules
// read, and the rules run over them.
#pragma once

#include <string>
#include <vector>

#include "pipeline/analysis/findings.hpp"
#include "pipeline/analysis/rules/rules.hpp"

namespace shoebox::findings::testing_papers {

inline Field Text(const std::string& name, const std::string& value) { return {name, value, std::nullopt, 1, 1, {}}; }
inline Field Money(const std::string& name, Cents cents) { return {name, "", cents, 1, 1, {}}; }

inline StoredDocument Bill(const std::string& id, Cents total, Cents due, const std::string& status = "processed") {
  StoredDocument bill{id, id + ".pdf", {}};
  bill.document.kind = DocumentKind::kBill;
  bill.document.fields = {Text("provider_name", "Crestwood Family Medicine"), Text("account_number", "555-0101"),
                          Text("statement_date", "2025-04-10"), Money("total_charges_cents", total),
                          Money("amount_due_cents", due)};
  if (!status.empty()) bill.document.fields.push_back(Text("insurance_status", status));
  bill.document.line_items = {{"2025-03-01", "", "99213", "OFFICE VISIT", 1, total, 1, {}, 1}};
  // A bill read whole: its arithmetic checked and holding (the rules' evidence gate asks for it).
  bill.document.checks = {{"line_items_sum_to_total_charges", true, ""}, {"amount_due_equals_charges_less_credits", true, ""}};
  return bill;
}

inline StoredDocument Eob(const std::string& id, Cents billed, Cents owed, const std::string& status = "processed") {
  StoredDocument eob{id, id + ".pdf", {}};
  eob.document.kind = DocumentKind::kEob;
  Claim claim;
  claim.claim_number = "C-" + id;
  claim.provider_name = "CRESTWOOD FAMILY MEDICINE";
  claim.patient_account_number = "5550101";
  claim.status = ParseClaimStatus(status);
  claim.processed_date = "2025-03-25";
  claim.service_date_from = claim.service_date_to = "2025-03-01";
  claim.billed_cents = billed;
  claim.patient_responsibility_cents = owed;
  eob.document.claims.push_back(claim);
  return eob;
}

inline StoredDocument Letter(const std::string& id, Cents current, const std::string& validation_end) {
  StoredDocument letter{id, id + ".pdf", {}};
  letter.document.kind = DocumentKind::kCollectionLetter;
  letter.document.fields = {Text("account_number", "555-0101"), Text("current_creditor", "Crestwood Family Medicine"),
                            Money("current_amount_cents", current), Text("validation_end_date", validation_end)};
  return letter;
}

inline std::vector<Finding> Evaluate(const std::vector<StoredDocument>& documents, const std::string& today = "2025-05-01") {
  return EvaluateRules(documents, MatchDocuments(documents), today);
}

inline int Count(const std::vector<Finding>& found, const std::string& rule_id) {
  int n = 0;
  for (const Finding& finding : found) n += finding.rule_id == rule_id ? 1 : 0;
  return n;
}

inline const Finding* Get(const std::vector<Finding>& found, const std::string& rule_id) {
  for (const Finding& finding : found) {
    if (finding.rule_id == rule_id) return &finding;
  }
  return nullptr;
}

// A second statement of the same account, a month after the first.
inline StoredDocument NextStatement(const std::string& id, Cents total, Cents insurance_paid, Cents due) {
  StoredDocument bill = Bill(id, total, due);
  for (Field& field : bill.document.fields) {
    if (field.name == "statement_date") field.text = "2025-05-10";
  }
  bill.document.fields.push_back(Money("insurance_paid_cents", insurance_paid));
  return bill;
}

}  // namespace shoebox::findings::testing_papers
