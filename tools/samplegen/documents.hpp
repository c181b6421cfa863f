// Episodes of care and the documents they produce, laid out as page descriptions.
#pragma once

#include "tools/samplegen/samplegen.hpp"

namespace samplegen {

struct ServiceLine {
  std::string date;  // ISO
  std::string revenue_code, code, description;
  int units = 1;
  long long charge_cents = 0;
};

// One visit: who, where, what was done, and how the plan processed it.
struct Episode {
  std::string id;        // "E007"
  std::string scenario;  // clean | premature_bill | balance_exceeds_eob | duplicate_charge | claim_denied |
                         // collection_before_insurance | collection_amount_mismatch
  std::string provider_family;  // hospital_itemized | physician_summary | lab_bill
  std::string patient_name, guarantor_name, street, city_line;
  std::string provider_name, provider_street, provider_city, provider_phone;
  std::string account_number;
  std::string payer_name, member_id, group_number, claim_number;
  bool medicare = false;
  std::vector<ServiceLine> lines;  // as the provider bills them
  std::string service_date, processed_date, notice_date, statement_date, due_date;
  long long billed = 0, discount = 0, not_covered = 0, allowed = 0, plan_paid = 0, deductible = 0, copay = 0,
            coinsurance = 0, patient_responsibility = 0;
  std::string claim_status = "processed";  // processed | pending | denied
  // Collection letter, where the scenario has one.
  std::string collector_name, collector_reference, letter_date, itemization_date, validation_end_date;
  long long itemization_amount = 0, interest = 0, fees = 0, payments = 0, current_amount = 0;
  std::vector<std::string> expected_findings;
};

// The claim's figures shared out over the lines the plan received (the duplicate of a
// duplicate_charge scenario never reached it), so the lines add up to the claim exactly: allowed in
// proportion to the charge, the deductible and the copay taken by the first lines with room for
// them, the coinsurance in proportion to what is left, the last line rounding. No randomness: the
// lines follow from the episode.
struct ClaimLineFigures {
  const ServiceLine* line;
  long long allowed = 0, deductible = 0, copay = 0, coinsurance = 0, plan_paid = 0, patient = 0;
  std::vector<std::string> remarks;
};
std::vector<ClaimLineFigures> ShareOutClaim(const Episode& e);

// What a provider's statement says of the money: insurance paid, adjusted or pending, and the
// balance; `status` is what the statement says of insurance (pending | billed | processed).
struct BillFigures {
  long long total = 0, insurance_paid = 0, adjustments = 0, pending = 0, due = 0;
  std::string status;
};
BillFigures BillFiguresOf(const Episode& e, bool premature, Rng& rng);

// medicare: the patient is on Original Medicare, so the plan's notice is an MSN.
// today: the ISO date the person sits down with the shoebox; every document predates it.
Episode MakeEpisode(const std::string& id, const std::string& scenario, bool medicare, const std::string& today,
                    Rng& rng);

// The documents of an episode, each in one of its families' layouts: the provider's statement
// (bill.cpp; premature: sent before the plan finished), the plan's EOB or MSN (notices.cpp), the
// collector's letter (collection_letter.cpp).
DocumentSpec MakeBill(const Episode& episode, bool premature, Rng& rng);
DocumentSpec MakeEob(const Episode& episode, Rng& rng);
DocumentSpec MakeMsn(const Episode& episode, Rng& rng);
DocumentSpec MakeCollectionLetter(const Episode& episode, Rng& rng);

// The documents an episode produced (bill, maybe an EOB/MSN, maybe a collection letter).
std::vector<DocumentSpec> EpisodeDocuments(const Episode& episode, Rng& rng);

// Pages that are none of the four kinds: pharmacy receipt, appointment letter.
DocumentSpec MakeOtherDocument(Rng& rng);

// A dental plan's EOB (dental_eob.cpp): a kind of EOB of its own form, dated before `today`.
DocumentSpec MakeDentalEob(Rng& rng, const std::string& today);

}  // namespace samplegen
