// Episodes of care (who, where, what was done, how the plan processed it, what the scenario plants)
// and the documents each produced. The documents themselves are drawn in bill.cpp, notices.cpp and
// collection_letter.cpp; the arithmetic of DOMAIN.md §3 holds on every one unless the scenario plants
// an error.
#include "tools/samplegen/documents.hpp"
#include "tools/samplegen/page_writer.hpp"

#include "pipeline/core/dates.hpp"

#include <algorithm>
#include <cstdio>

namespace samplegen {

using shoebox::AddDays;

namespace {

struct Procedure {
  const char* revenue_code;
  const char* code;
  const char* description;
  long long unit_cents;
};
// Codes are real identifiers; the descriptions are our own words (no AMA or AHA text).
const std::vector<Procedure> kHospitalProcedures = {
    {"0450", "99284", "EMERGENCY DEPT VISIT MOD-HIGH", 184000}, {"0300", "80053", "METABOLIC PANEL COMPREHENSIVE", 21450},
    {"0305", "85025", "BLOOD COUNT COMPLETE AUTO", 9875},      {"0320", "71046", "CHEST X-RAY 2 VIEWS", 42600},
    {"0250", "J1885", "KETOROLAC INJECTION 15 MG", 6200},       {"0636", "J2405", "ONDANSETRON INJECTION 1 MG", 4850},
    {"0351", "70450", "CT HEAD WITHOUT CONTRAST", 298000},      {"0730", "93005", "ELECTROCARDIOGRAM TRACING", 31500},
    {"0260", "96374", "IV PUSH SINGLE DRUG", 45500},            {"0270", "A4216", "STERILE SALINE 10 ML", 1850}};
const std::vector<Procedure> kPhysicianProcedures = {
    {"", "99284", "EMERGENCY VISIT LEVEL 4", 62500}, {"", "99213", "OFFICE VISIT EST PATIENT", 18500},
    {"", "71046", "CHEST X-RAY INTERPRETATION", 9500}, {"", "93010", "ECG INTERPRETATION", 4200},
    {"", "36415", "VENIPUNCTURE", 2500}};
const std::vector<Procedure> kLabProcedures = {
    {"", "80053", "COMPREHENSIVE METABOLIC PANEL", 18900}, {"", "83036", "HEMOGLOBIN A1C", 7400},
    {"", "84443", "THYROID STIMULATING HORMONE", 11200}, {"", "80061", "LIPID PANEL", 9800}};

// What the provider did at the visit (family 0 a hospital, 1 a physician group, 2 a lab), as billed.
std::vector<ServiceLine> ServiceLines(const std::string& service_date, int family, Rng& rng) {
  std::vector<ServiceLine> lines;
  const auto& procedures = family == 0 ? kHospitalProcedures : family == 1 ? kPhysicianProcedures : kLabProcedures;
  int count = family == 0 ? rng.Int(4, 8) : family == 1 ? rng.Int(1, 3) : rng.Int(2, 4);
  std::vector<size_t> chosen;
  while (chosen.size() < static_cast<size_t>(count) && chosen.size() < procedures.size()) {
    size_t pick = rng.Next() % procedures.size();
    if (std::find(chosen.begin(), chosen.end(), pick) == chosen.end()) chosen.push_back(pick);
  }
  if (family == 0 && rng.Chance(0.35)) {
    // An inpatient stay: room and board each night plus daily drugs and labs, often two pages.
    int nights = rng.Int(2, 6);
    for (int day = 0; day < nights; ++day) {
      std::string date = AddDays(service_date, day);
      lines.push_back({date, "0120", "", "ROOM AND BOARD SEMI-PRIVATE", 1, 145000});
      for (int k = rng.Int(2, 5); k > 0; --k) {
        const Procedure& p = procedures[rng.Next() % procedures.size()];
        ServiceLine line{date, p.revenue_code, p.code, p.description, 1, p.unit_cents};
        bool duplicate = false;
        for (const auto& existing : lines) duplicate |= existing.date == date && existing.code == line.code;
        if (!duplicate) lines.push_back(line);
      }
    }
    chosen.clear();
  }
  for (size_t index : chosen) {
    const Procedure& p = procedures[index];
    ServiceLine line{service_date, p.revenue_code, p.code, p.description, 1, p.unit_cents};
    if (std::string(p.code).starts_with("J") || std::string(p.code).starts_with("A")) {
      line.units = rng.Int(1, 3);
      line.charge_cents = p.unit_cents * line.units;
    }
    lines.push_back(line);
  }
  return lines;
}

// The findings the episode's scenario should raise, as docs/RULES.md names them.
std::vector<std::string> ExpectedFindings(const Episode& e, const std::string& today) {
  std::vector<std::string> expected;
  const std::string& scenario = e.scenario;
  if (scenario == "premature_bill") expected = {"premature_bill"};
  if (scenario == "balance_exceeds_eob") expected = {"balance_exceeds_eob"};
  if (scenario == "duplicate_charge") expected = {"duplicate_charge", "billed_not_on_eob", "balance_exceeds_eob"};
  if (scenario == "claim_denied") expected = {"claim_denied"};
  if (scenario == "collection_before_insurance") {
    expected = {"premature_bill", "collection_before_insurance", "collection_validation_window"};
  }
  if (scenario == "collection_amount_mismatch") {
    expected = {"collection_amount_mismatch", "collection_validation_window"};
  }
  // Hospitals must take assistance applications until day 240 after the first statement.
  if (e.provider_family == "hospital_itemized" && AddDays(e.statement_date, 240) >= today) {
    expected.push_back("financial_assistance_window");
  }
  return expected;
}

// The claim as the plan processed it: the duplicate line of a duplicate_charge never reached the plan.
void ProcessClaim(Episode& e, Rng& rng) {
  size_t claimed_lines = e.scenario == "duplicate_charge" ? e.lines.size() - 1 : e.lines.size();
  for (size_t i = 0; i < claimed_lines; ++i) e.billed += e.lines[i].charge_cents;
  e.processed_date = AddDays(e.service_date, rng.Int(18, 45));
  e.notice_date = AddDays(e.processed_date, rng.Int(1, 4));
  e.allowed = e.billed * rng.Int(35, 70) / 100;
  e.discount = e.billed - e.allowed;
  e.deductible = std::min(e.allowed, static_cast<long long>(rng.Pick(std::vector<int>{0, 25000, 50000, 100000})));
  e.copay = e.provider_family == "lab_bill" ? 0 : std::min(e.allowed - e.deductible, static_cast<long long>(rng.Pick(std::vector<int>{0, 2500, 15000})));
  e.coinsurance = (e.allowed - e.deductible - e.copay) * rng.Pick(std::vector<int>{0, 10, 20}) / 100;
  e.plan_paid = e.allowed - e.deductible - e.copay - e.coinsurance;
  e.patient_responsibility = e.deductible + e.copay + e.coinsurance;
  if (e.scenario == "claim_denied") {
    e.claim_status = "denied";
    e.not_covered = e.billed;
    e.discount = 0;
    e.allowed = 0;
    e.plan_paid = e.deductible = e.copay = e.coinsurance = 0;
    e.patient_responsibility = e.billed;
  }
}

}  // namespace

Episode MakeEpisode(const std::string& id, const std::string& scenario, bool medicare, const std::string& today,
                    Rng& rng) {
  Episode e;
  e.id = id;
  e.scenario = scenario;
  e.patient_name = rng.Pick(kFirstNames) + " " + rng.Pick(kLastNames);
  e.guarantor_name = rng.Chance(0.6) ? e.patient_name : rng.Pick(kFirstNames) + " " + e.patient_name.substr(e.patient_name.find(' ') + 1);
  e.street = rng.Pick(kStreets);
  e.city_line = rng.Pick(kCities);
  int family = rng.Int(0, 2);
  e.provider_family = family == 0 ? "hospital_itemized" : family == 1 ? "physician_summary" : "lab_bill";
  e.provider_name = family == 0 ? rng.Pick(kHospitals) : family == 1 ? rng.Pick(kPhysicianGroups) : rng.Pick(kLabs);
  e.provider_street = std::to_string(rng.Int(100, 9800)) + " Medical Plaza Dr";
  e.provider_city = rng.Pick(kCities);
  e.provider_phone = "(" + std::to_string(rng.Int(201, 989)) + ") 555-0" + std::to_string(rng.Int(100, 199));
  e.account_number = Digits(rng, 9);
  e.medicare = medicare;
  e.payer_name = e.medicare ? "Medicare" : rng.Pick(kPayers);
  e.member_id = e.medicare ? "1EG4-TE5-MK7" + std::to_string(rng.Int(0, 9)) : "W" + Digits(rng, 9);
  e.group_number = Digits(rng, 6);
  e.claim_number = Digits(rng, 13);
  // Dates run back from the day the person sits down with the shoebox: recent for a bill sent
  // too early, some months back for a debt that reached a collector, anywhere in the year otherwise.
  bool premature = scenario == "premature_bill" || scenario == "collection_before_insurance";
  bool collection = scenario.starts_with("collection");
  if (collection) {
    e.letter_date = AddDays(today, -rng.Int(3, 20));
    e.statement_date = AddDays(e.letter_date, -rng.Int(95, 140));
    e.service_date = AddDays(e.statement_date, premature ? -rng.Int(5, 15) : -rng.Int(35, 60));
  } else if (premature) {
    e.service_date = AddDays(today, -rng.Int(15, 40));
  } else {
    e.service_date = AddDays(today, -rng.Int(60, 330));
  }

  e.lines = ServiceLines(e.service_date, family, rng);
  if (scenario == "duplicate_charge") e.lines.push_back(e.lines[rng.Next() % e.lines.size()]);

  ProcessClaim(e, rng);
  if (scenario == "collection_before_insurance") e.claim_status = "pending";
  if (!collection) {
    e.statement_date = premature ? AddDays(e.service_date, rng.Int(5, 15)) : AddDays(e.notice_date, rng.Int(7, 25));
  }
  e.due_date = AddDays(e.statement_date, 30);

  e.collector_name = rng.Pick(kCollectors);
  e.collector_reference = Digits(rng, 3) + "-" + Digits(rng, 3);
  if (collection) {
    e.itemization_date = AddDays(e.letter_date, -rng.Int(20, 40));
    e.validation_end_date = AddDays(e.letter_date, 35);
  }
  long long owed = 0;
  for (const auto& line : e.lines) owed += line.charge_cents;
  if (scenario == "collection_amount_mismatch") owed = e.patient_responsibility + rng.Int(5000, 40000);
  e.itemization_amount = owed;
  e.interest = rng.Chance(0.5) ? rng.Int(500, 4000) : 0;
  e.fees = rng.Chance(0.5) ? rng.Int(1000, 3500) : 0;
  // A payment since itemization leaves some of the debt: a letter never asks for less than nothing.
  e.payments = rng.Chance(0.3) ? std::min<long long>(rng.Int(2000, 10000), owed / 2) : 0;
  e.current_amount = e.itemization_amount + e.interest + e.fees - e.payments;

  e.expected_findings = ExpectedFindings(e, today);
  return e;
}

std::vector<DocumentSpec> EpisodeDocuments(const Episode& e, Rng& rng) {
  std::vector<DocumentSpec> documents;
  bool premature = e.scenario == "premature_bill" || e.scenario == "collection_before_insurance";
  documents.push_back(MakeBill(e, premature, rng));
  if (e.scenario != "premature_bill" && e.scenario != "collection_before_insurance") {
    documents.push_back(e.medicare ? MakeMsn(e, rng) : MakeEob(e, rng));
  } else if (e.scenario == "collection_before_insurance" && rng.Chance(0.5)) {
    documents.push_back(MakeEob(e, rng));  // the pending EOB
  }
  if (e.scenario.starts_with("collection")) documents.push_back(MakeCollectionLetter(e, rng));
  return documents;
}

DocumentSpec MakeOtherDocument(Rng& rng) {
  DocumentSpec doc;
  doc.kind = "other";
  PageWriter w(rng.Pick(kFonts));
  if (rng.Chance(0.5)) {
    doc.family = "pharmacy_receipt";
    w.Text(40, 40, "CORNER STREET PHARMACY", 14, true);
    w.Text(40, 60, "Receipt", 11);
    double y = 90;
    long long total = 0;
    for (int i = 0; i < rng.Int(2, 4); ++i) {
      long long price = rng.Int(399, 4999);
      total += price;
      w.Text(40, y, "RX " + Digits(rng, 7) + "  QTY " + std::to_string(rng.Int(10, 90)));
      w.Text(300, y, Money(price), 9.5, false, Align::kRight);
      y += 15;
    }
    w.Text(40, y + 10, "TOTAL PAID", 10, true);
    w.Text(300, y + 10, Money(total), 10, true, Align::kRight);
    w.Text(40, y + 34, "Thank you for choosing Corner Street Pharmacy.", 9);
  } else {
    doc.family = "appointment_letter";
    w.Text(40, 40, rng.Pick(kPhysicianGroups), 14, true);
    w.Text(40, 80, "Dear " + rng.Pick(kFirstNames) + " " + rng.Pick(kLastNames) + ",", 10);
    w.Text(40, 100, "This letter confirms your upcoming appointment on " +
                        PrintDate(AddDays("2025-03-01", rng.Int(0, 200)), DateStyle::kLong) + " at 9:30 AM.", 10);
    w.Text(40, 116, "Please arrive fifteen minutes early and bring your insurance card.", 10);
    w.Text(40, 132, "If you need to reschedule, call our office at least one day ahead.", 10);
    w.Text(40, 160, "Sincerely,", 10);
    w.Text(40, 176, "The Scheduling Team", 10);
  }
  doc.layout = "A";
  doc.pages.push_back(w.Take());
  doc.truth = {{"kind", "other"}, {"fields", Json::object()}, {"line_items", Json::array()}, {"claims", Json::array()}};
  return doc;
}

}  // namespace samplegen
