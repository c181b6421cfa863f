// The families and their layouts. Labels come from DOMAIN.md §2's variants; the arithmetic of
// DOMAIN.md §3 holds on every document unless the episode's scenario plants an error.
#include "tools/samplegen/documents.hpp"
#include "tools/samplegen/page_writer.hpp"

#include "pipeline/core/dates.hpp"

#include <algorithm>
#include <cstdio>

namespace samplegen {

using shoebox::AddDays;

namespace {

const std::vector<std::string> kHospitals = {"SAINT MERCY REGIONAL MEDICAL CENTER", "LAKESIDE GENERAL HOSPITAL",
                                             "VALLEY VIEW HEALTH SYSTEM", "NORTHGATE COMMUNITY HOSPITAL"};
const std::vector<std::string> kPhysicianGroups = {"Bayside Emergency Physicians", "Summit Radiology Associates",
                                                   "Crestwood Family Medicine", "Harborline Anesthesia Group"};
const std::vector<std::string> kLabs = {"ClearPath Diagnostic Laboratories", "Meridian Imaging Center"};
const std::vector<std::string> kPayers = {"Keystone Health Plan", "Summit Benefit Administrators",
                                          "Great Lakes Mutual Health", "Evergreen Care Insurance"};
const std::vector<std::string> kCollectors = {"North Ridge Recovery Services", "Allied Credit Partners",
                                              "Pinecrest Collection Bureau"};

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






DocumentSpec MakeBill(const Episode& e, bool premature, Rng& rng) {
  DocumentSpec doc;
  doc.kind = "bill";
  doc.family = e.provider_family;
  bool layout_b = rng.Chance(0.5);
  doc.layout = layout_b ? "B" : "A";
  DateStyle style = layout_b ? DateStyle::kLong : DateStyle::kSlash;
  PageWriter w(rng.Pick(kFonts));
  std::vector<ServiceLine> lines = e.lines;
  long long total = 0;
  for (const auto& line : lines) total += line.charge_cents;
  // What the bill says about insurance.
  long long insurance_paid = 0, adjustments = 0, pending = 0;
  std::string status;
  if (premature) {
    pending = rng.Chance(0.6) ? total * rng.Int(60, 85) / 100 : 0;
    status = pending > 0 ? "pending" : "billed";
  } else if (e.claim_status == "denied") {
    status = "processed";  // the bill says so in words: insurance has processed and paid nothing
  } else {
    insurance_paid = e.plan_paid;
    adjustments = e.discount;
    if (e.scenario == "balance_exceeds_eob") adjustments = e.discount / 2;
    status = "processed";
  }
  long long due = total - insurance_paid - adjustments - pending;

  // Letterhead and statement box.
  w.Text(40, 36, e.provider_name, e.provider_family == "hospital_itemized" ? 15 : 13, true);
  w.Text(40, 56, e.provider_street, 9);
  w.Text(40, 68, e.provider_city, 9);
  w.Text(40, 80, "Billing questions: " + e.provider_phone, 9);
  if (e.provider_family == "physician_summary") w.Text(40, 96, "Statement of Physician Services", 11, true);
  const char* statement_label = layout_b ? "Billing Date:" : "Statement Date:";
  const char* account_label = layout_b ? "Acct #:" : "Account Number:";
  const char* due_label = layout_b ? "Please Pay By:" : "Due Date:";
  const char* amount_label = layout_b ? "Balance Due:" : "Amount Due:";
  w.Line(360, 34, 572, 34);
  w.Text(368, 42, statement_label);
  w.Text(564, 42, PrintDate(e.statement_date, style), 9.5, false, Align::kRight);
  w.Text(368, 58, account_label);
  w.Text(564, 58, e.account_number, 9.5, false, Align::kRight);
  w.Text(368, 74, due_label);
  w.Text(564, 74, PrintDate(e.due_date, style), 9.5, false, Align::kRight);
  w.Text(368, 90, amount_label, 10, true);
  w.Text(564, 90, Money(due), 10, true, Align::kRight);
  w.Line(360, 106, 572, 106);

  w.Text(40, 124, std::string(layout_b ? "Patient Name: " : "Patient: ") + e.patient_name);
  w.Text(40, 138, "Guarantor: " + e.guarantor_name);
  w.Text(40, 152, e.street);
  w.Text(40, 164, e.city_line);
  if (status == "pending") w.Text(330, 124, "Your insurance has been billed. Pending insurance.", 9);
  if (status == "billed") w.Text(330, 124, "This visit has been billed to insurance.", 9);
  if (e.claim_status == "denied") w.Text(330, 124, "Your insurance has processed this claim.", 9);

  double y = 190;
  Json items = Json::array();
  bool itemized = e.provider_family != "physician_summary" || lines.size() > 1;
  auto table_header = [&]() {
    w.Shade(36, y - 3, 576, y + 13);
    // Column order differs between senders.
    if (!layout_b) {
      w.Text(40, y, "Date", 9, true);
      w.Text(100, y, "Rev Code", 9, true);
      w.Text(160, y, "CPT/HCPCS", 9, true);
      w.Text(230, y, "Description", 9, true);
      w.Text(470, y, "Units", 9, true, Align::kRight);
      w.Text(568, y, "Charges", 9, true, Align::kRight);
    } else {
      w.Text(40, y, "Date of Service", 9, true);
      w.Text(130, y, "Description", 9, true);
      w.Text(360, y, "Code", 9, true);
      w.Text(410, y, "Rev", 9, true);
      w.Text(480, y, "Qty", 9, true, Align::kRight);
      w.Text(568, y, "Amount", 9, true, Align::kRight);
    }
    y += 20;
  };
  if (itemized) {
    table_header();
    for (const auto& line : lines) {
      if (y > 715) {
        // A long statement continues on the next page under a repeated header.
        w.Text(306, 740, "Continued on next page", 8.5, false, Align::kCenter);
        doc.pages.push_back(w.Take());
        w.Text(40, 36, e.provider_name, 12, true);
        w.Text(368, 36, account_label);
        w.Text(564, 36, e.account_number, 9.5, false, Align::kRight);
        y = 80;
        table_header();
      }
      std::string date = PrintDate(line.date, DateStyle::kSlash);
      if (!layout_b) {
        w.Text(40, y, date, 9);
        if (!line.revenue_code.empty()) w.Text(100, y, line.revenue_code, 9);
        if (!line.code.empty()) w.Text(160, y, line.code, 9);
        w.Text(230, y, line.description, 9);
        w.Text(470, y, std::to_string(line.units), 9, false, Align::kRight);
      } else {
        w.Text(40, y, date, 9);
        w.Text(130, y, line.description, 9);
        if (!line.code.empty()) w.Text(360, y, line.code, 9);
        if (!line.revenue_code.empty()) w.Text(410, y, line.revenue_code, 9);
        w.Text(480, y, std::to_string(line.units), 9, false, Align::kRight);
      }
      w.Text(568, y, Money(line.charge_cents), 9, false, Align::kRight);
      Json item = {{"date_of_service", line.date}};
      item["revenue_code"] = line.revenue_code.empty() ? Json(nullptr) : Json(line.revenue_code);
      item["code"] = line.code.empty() ? Json(nullptr) : Json(line.code);
      item["description"] = line.description;
      item["units"] = line.units;
      item["charge_cents"] = line.charge_cents;
      items.push_back(item);
      y += 15;
    }
    w.Line(36, y + 2, 576, y + 2);
    y += 14;
    if (y > 640) {  // no room left for the summary: it gets a page of its own
      doc.pages.push_back(w.Take());
      w.Text(40, 36, e.provider_name, 12, true);
      y = 80;
    }
  }
  // The summary block.
  Json fields = Json::object();
  auto summary_row = [&](const std::string& label, long long cents, const char* field, bool bold = false) {
    w.Text(360, y, label, 9.5, bold);
    w.Text(568, y, Money(cents), 9.5, bold, Align::kRight);
    fields[field] = cents;
    y += 15;
  };
  // Layout B prints credits with a minus sign, so its truth carries them negative (EXPORT.md).
  long long credit_sign = layout_b ? -1 : 1;
  summary_row(layout_b ? "Gross Charges" : "Total Charges", total, "total_charges_cents");
  if (status == "processed" && e.claim_status != "denied") {
    summary_row(layout_b ? "Insurance Paid" : "Insurance Payments", credit_sign * insurance_paid, "insurance_paid_cents");
    summary_row(layout_b ? "Contractual Adjustment" : "Adjustments", credit_sign * adjustments, "adjustments_cents");
  }
  if (pending > 0) {
    summary_row(layout_b ? "Estimated Insurance" : "Insurance Pending", credit_sign * pending, "insurance_pending_cents");
  }
  summary_row(layout_b ? "Balance Due" : "Amount Due", due, "amount_due_cents", true);

  // The remittance stub, where the last page has room for it.
  y = std::max(y + 30, 640.0);
  if (y <= 660) {
    for (double x = 36; x < 576; x += 8) w.Line(x, y, x + 4, y, 0.5);
    w.Text(40, y + 8, "Please detach and return this portion with your payment.", 8);
    w.Text(40, y + 26, e.provider_name, 9, true);
    w.Text(40, y + 40, e.provider_street, 8.5);
    w.Text(40, y + 52, e.provider_city, 8.5);
    w.Text(360, y + 26, "Make checks payable to the provider above.", 8);
    w.Text(360, y + 44, "Amount Enclosed: $____________", 9);
  }
  fields["provider_name"] = e.provider_name;
  fields["patient_name"] = e.patient_name;
  fields["guarantor_name"] = e.guarantor_name;
  fields["account_number"] = e.account_number;
  fields["statement_date"] = e.statement_date;
  fields["due_date"] = e.due_date;
  if (!status.empty()) fields["insurance_status"] = status;
  doc.pages.push_back(w.Take());
  NumberPages(doc);
  doc.truth = {{"kind", "bill"}, {"fields", fields}, {"line_items", items}, {"claims", Json::array()}};
  return doc;
}

Json ClaimTruth(const Episode& e) {
  Json claim = {{"claim_number", e.claim_number}, {"provider_name", e.provider_name},
                {"patient_account_number", e.account_number}, {"network_status", "in_network"},
                {"status", e.claim_status}};
  claim["processed_date"] = e.claim_status == "pending" ? Json(nullptr) : Json(e.processed_date);
  claim["service_date_from"] = e.service_date;
  claim["service_date_to"] = e.service_date;
  claim["billed_cents"] = e.billed;
  claim["discount_cents"] = e.discount;
  claim["not_covered_cents"] = e.not_covered;
  claim["allowed_cents"] = e.allowed;
  claim["plan_paid_cents"] = e.plan_paid;
  claim["deductible_cents"] = e.deductible;
  claim["copay_cents"] = e.copay;
  claim["coinsurance_cents"] = e.coinsurance;
  claim["patient_responsibility_cents"] = e.patient_responsibility;
  return claim;
}

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

std::vector<ClaimLineFigures> ShareOutClaim(const Episode& e) {
  size_t claimed = e.scenario == "duplicate_charge" ? e.lines.size() - 1 : e.lines.size();
  std::vector<ClaimLineFigures> shares;
  long long allowed_left = e.allowed, deductible_left = e.deductible, copay_left = e.copay;
  for (size_t i = 0; i < claimed; ++i) {
    ClaimLineFigures f{&e.lines[i]};
    f.allowed = i + 1 == claimed ? allowed_left : e.lines[i].charge_cents * e.allowed / e.billed;
    allowed_left -= f.allowed;
    f.deductible = std::min(f.allowed, deductible_left);
    deductible_left -= f.deductible;
    f.copay = std::min(f.allowed - f.deductible, copay_left);
    copay_left -= f.copay;
    shares.push_back(f);
  }
  long long base_total = 0, coinsurance_left = e.coinsurance;
  for (const auto& f : shares) base_total += f.allowed - f.deductible - f.copay;
  for (size_t i = 0; i < shares.size(); ++i) {
    ClaimLineFigures& f = shares[i];
    long long base = f.allowed - f.deductible - f.copay;
    f.coinsurance = base_total == 0 ? 0 : i + 1 == shares.size() ? coinsurance_left : base * e.coinsurance / base_total;
    coinsurance_left -= f.coinsurance;
    f.plan_paid = f.allowed - f.deductible - f.copay - f.coinsurance;
    f.patient = f.deductible + f.copay + f.coinsurance;
    if (e.claim_status == "denied") f.patient = f.line->charge_cents;
    // X12 group and reason codes: PR-1 deductible, PR-2 coinsurance, PR-3 copay, PR-96 not covered.
    if (e.claim_status == "denied") f.remarks.push_back("PR-96");
    if (f.deductible > 0) f.remarks.push_back("PR-1");
    if (f.coinsurance > 0) f.remarks.push_back("PR-2");
    if (f.copay > 0) f.remarks.push_back("PR-3");
  }
  return shares;
}

// The claim's service lines as a table under one header: date, code and seven figures on the
// first row, the description wrapped onto the second. A long stay continues on the next page
// under the header again. Returns the truth of the lines.
Json ServiceDetailTable(PageWriter& w, DocumentSpec& doc, const Episode& e, double& y) {
  struct Column {
    const char* header;
    double right_x;
  };
  static const Column kColumns[] = {{"Billed", 160}, {"Allowed", 216},   {"Deductible", 272}, {"Copay", 328},
                                    {"Coinsurance", 384}, {"Plan Paid", 440}, {"You Owe", 496}};
  auto header = [&] {
    w.Shade(36, y - 3, 576, y + 11);
    w.Text(40, y, "Service Date", 7, true);
    w.Text(98, y, "Code", 7, true);
    for (const Column& column : kColumns) w.Text(column.right_x, y, column.header, 7, true, Align::kRight);
    w.Text(506, y, "Remarks", 7, true);
    y += 16;
  };
  w.Text(40, y, "Service Detail", 9, true);
  y += 14;
  header();
  Json lines = Json::array();
  for (const ClaimLineFigures& f : ShareOutClaim(e)) {
    if (y > 730) {
      w.Text(306, 750, "Continued on next page", 8, false, Align::kCenter);
      doc.pages.push_back(w.Take());
      w.Text(40, 36, e.payer_name, 12, true);
      w.Text(40, 52, "Explanation of Benefits (continued)", 9);
      y = 76;
      header();
    }
    const ServiceLine& line = *f.line;
    std::string code = line.code.empty() ? line.revenue_code : line.code;
    const long long figures[] = {line.charge_cents, f.allowed, f.deductible, f.copay, f.coinsurance, f.plan_paid, f.patient};
    w.Text(40, y, PrintDate(line.date, DateStyle::kSlash), 8);
    w.Text(98, y, code, 8);
    for (size_t c = 0; c < std::size(kColumns); ++c) {
      std::string money = Money(figures[c]);
      w.Text(kColumns[c].right_x, y, money.substr(money.find('$') + 1), 8, false, Align::kRight);  // tables drop the $
    }
    std::string remarks;
    for (const auto& remark : f.remarks) remarks += (remarks.empty() ? "" : " ") + remark;
    w.Text(506, y, remarks, 8);
    w.Text(98, y + 10, line.description, 8);
    y += 23;
    lines.push_back({{"date_of_service", line.date}, {"code", code}, {"description", line.description},
                     {"billed_cents", line.charge_cents}, {"allowed_cents", f.allowed}, {"deductible_cents", f.deductible},
                     {"copay_cents", f.copay}, {"coinsurance_cents", f.coinsurance}, {"plan_paid_cents", f.plan_paid},
                     {"patient_responsibility_cents", f.patient}, {"remark_codes", f.remarks}});
  }
  w.Line(36, y - 4, 576, y - 4);
  y += 10;
  return lines;
}

// The top of an EOB: the plan's name, the notice's title, and the member's details, in the
// wording of one sender (each EOB layout names them differently).
struct EobWording {
  const char* title;
  const char* notice_date_label;
  DateStyle date_style;
  const char* member_id_label;
  const char* group_label;
};

void EobHeader(PageWriter& w, const Episode& e, const EobWording& words) {
  w.Text(40, 36, e.payer_name, 15, true);
  w.Text(40, 56, words.title, 12, true);
  w.Text(40, 72, "THIS IS NOT A BILL", 10, true);
  w.Text(360, 40, words.notice_date_label);
  w.Text(568, 40, PrintDate(e.notice_date, words.date_style), 9.5, false, Align::kRight);
  w.Text(360, 56, words.member_id_label);
  w.Text(568, 56, e.member_id, 9.5, false, Align::kRight);
  w.Text(360, 72, words.group_label);
  w.Text(568, 72, e.group_number, 9.5, false, Align::kRight);
  w.Text(40, 100, "Member: " + e.guarantor_name);
  w.Text(40, 114, "Patient: " + e.patient_name);
}

// A periodic summary: the episode's claim among the member's other claims of the period, each a
// block with its own figures, and the period's total at the end.
DocumentSpec MakePeriodicEob(const Episode& e, Rng& rng) {
  DocumentSpec doc;
  doc.kind = "eob";
  doc.family = "eob_periodic";
  doc.layout = "A";
  PageWriter w(rng.Pick(kFonts));
  EobHeader(w, e, {"Explanation of Benefits - Claims Summary", "Notice Date:", DateStyle::kSlash, "Subscriber ID:", "Group #:"});
  // The other claims of the period: office visits and labs the plan processed the same month.
  std::vector<Json> claims = {ClaimTruth(e)};
  for (int extra = rng.Int(1, 2); extra > 0; --extra) {
    long long billed = rng.Int(90, 420) * 100;
    long long allowed = billed * rng.Int(40, 70) / 100;
    long long copay = rng.Pick(std::vector<int>{0, 2000, 3000});
    copay = std::min(copay, allowed);
    Json claim = {{"claim_number", Digits(rng, 13)}, {"provider_name", rng.Pick(kPhysicianGroups)},
                  {"patient_account_number", Digits(rng, 8)}, {"network_status", "in_network"},
                  {"status", "processed"}, {"processed_date", AddDays(e.processed_date, -rng.Int(1, 20))}};
    claim["service_date_from"] = claim["service_date_to"] = AddDays(claim["processed_date"].get<std::string>(), -rng.Int(10, 30));
    claim["billed_cents"] = billed;
    claim["discount_cents"] = billed - allowed;
    claim["not_covered_cents"] = 0;
    claim["allowed_cents"] = allowed;
    claim["plan_paid_cents"] = allowed - copay;
    claim["deductible_cents"] = 0;
    claim["copay_cents"] = copay;
    claim["coinsurance_cents"] = 0;
    claim["patient_responsibility_cents"] = copay;
    claims.push_back(claim);
  }
  std::swap(claims[0], claims[rng.Next() % claims.size()]);  // the episode's claim is not always first
  double y = 140;
  long long total = 0;
  for (Json& claim : claims) {
    w.Line(36, y - 6, 576, y - 6);
    w.Text(40, y, "Claim Number: " + claim["claim_number"].get<std::string>(), 9.5, true);
    w.Text(330, y, "Processed Date: " + PrintDate(claim["processed_date"].get<std::string>(), DateStyle::kSlash));
    w.Text(40, y + 14, "Provider: " + claim["provider_name"].get<std::string>());
    w.Text(330, y + 14, "Patient Account: " + claim["patient_account_number"].get<std::string>());
    w.Text(40, y + 28, "Service Date: " + PrintDate(claim["service_date_from"].get<std::string>(), DateStyle::kSlash));
    w.Text(330, y + 28, claim["status"] == "denied" ? "Status: Denied" : "Status: Processed");
    const std::vector<std::pair<std::string, const char*>> rows = {
        {"Amount Billed", "billed_cents"}, {"Network Savings", "discount_cents"}, {"Allowed Amount", "allowed_cents"},
        {"Deductible", "deductible_cents"}, {"Copay", "copay_cents"}, {"Coinsurance", "coinsurance_cents"},
        {"Plan Paid", "plan_paid_cents"}, {"Your Share", "patient_responsibility_cents"}};
    double row_y = y + 48;
    for (size_t r = 0; r < rows.size(); ++r) {
      double x = r % 2 == 0 ? 60 : 330;
      w.Text(x, row_y, rows[r].first, 9);
      w.Text(x + 200, row_y, Money(claim[rows[r].second].get<long long>()), 9, false, Align::kRight);
      if (r % 2 == 1) row_y += 13;
    }
    claim.erase("not_covered_cents");  // this layout prints neither
    claim.erase("network_status");
    total += claim["patient_responsibility_cents"].get<long long>();
    y = row_y + 22;
  }
  w.Line(36, y - 6, 576, y - 6);
  w.Text(40, y + 4, "Total Amount You Owe the Provider(s): " + Money(total), 10, true);
  doc.pages.push_back(w.Take());
  Json fields = {{"payer_name", e.payer_name}, {"member_name", e.guarantor_name}, {"patient_name", e.patient_name},
                 {"member_id", e.member_id}, {"group_number", e.group_number}, {"notice_date", e.notice_date},
                 {"total_patient_responsibility_cents", total}};
  doc.truth = {{"kind", "eob"}, {"fields", fields}, {"line_items", Json::array()}, {"claims", claims}};
  return doc;
}

DocumentSpec MakeEob(const Episode& e, Rng& rng) {
  if (e.claim_status != "pending" && rng.Chance(0.25)) return MakePeriodicEob(e, rng);
  DocumentSpec doc;
  doc.kind = "eob";
  bool columns = rng.Chance(0.5);
  doc.family = columns ? "eob_columns" : "eob_summary";
  doc.layout = "A";
  PageWriter w(rng.Pick(kFonts));
  EobHeader(w, e, {"Explanation of Benefits", "Date of This Notice:", DateStyle::kLong, "Member ID:", "Group Number:"});
  w.Line(36, 134, 576, 134);
  w.Text(40, 142, "Claim Number: " + e.claim_number);
  w.Text(330, 142, "Processed Date: " + (e.claim_status == "pending" ? std::string("In process")
                                                                     : PrintDate(e.processed_date, DateStyle::kSlash)));
  w.Text(40, 156, "Provider: " + e.provider_name);
  w.Text(330, 156, "Patient Account: " + e.account_number);
  w.Text(40, 170, "Service Date: " + PrintDate(e.service_date, DateStyle::kSlash) + "   In-network");
  std::string status_text = e.claim_status == "denied" ? "Claim status: Denied - not a covered service"
                            : e.claim_status == "pending" ? "Claim status: Pending - more information needed"
                                                          : "Claim status: Paid";
  w.Text(330, 170, status_text);
  double y = 200;
  Json claim_lines;
  if (columns) {
    const std::vector<std::pair<std::string, long long>> cols = {
        {"Amount Billed", e.billed}, {"Network Savings", e.discount}, {"Allowed Amount", e.allowed},
        {"Deductible", e.deductible}, {"Copay", e.copay}, {"Coinsurance", e.coinsurance},
        {"Plan Paid", e.plan_paid}, {"What You Owe", e.patient_responsibility}};
    w.Shade(36, y - 3, 576, y + 24);
    double x = 40;
    for (const auto& [label, cents] : cols) {
      auto space = label.find(' ');
      w.Text(x + 62, y, space == std::string::npos ? label : label.substr(0, space), 8, true, Align::kRight);
      if (space != std::string::npos) w.Text(x + 62, y + 11, label.substr(space + 1), 8, true, Align::kRight);
      w.Text(x + 62, y + 32, Money(cents), 8.5, false, Align::kRight);
      x += 66;
    }
    y += 60;
  } else {
    // This layout itemizes the claim line by line before its totals.
    claim_lines = ServiceDetailTable(w, doc, e, y);
    if (y > 600) {  // no room left for the totals: they get a page of their own
      doc.pages.push_back(w.Take());
      w.Text(40, 36, e.payer_name, 12, true);
      y = 70;
    }
    auto row = [&](const std::string& label, long long cents, bool bold = false) { y = w.AmountRow(y, label, cents, 400, bold); };
    row("Amount Billed", e.billed);
    row("Network Savings", e.discount);
    row("Amount Not Covered", e.not_covered);
    row("Allowed Amount", e.allowed);
    row("Plan Paid", e.plan_paid);
    row("Deductible", e.deductible);
    row("Copay", e.copay);
    row("Coinsurance", e.coinsurance);
    row("What You Owe", e.patient_responsibility, true);
  }
  y += 20;
  w.Text(40, y, "Total You Owe: " + Money(e.patient_responsibility), 10, true);
  w.Text(40, y + 24, "Your provider may bill you for the amount shown as what you owe.", 8.5);
  w.Text(40, y + 36, "Questions? Call Member Services at the number on your ID card.", 8.5);
  doc.pages.push_back(w.Take());
  NumberPages(doc);
  Json fields = {{"payer_name", e.payer_name}, {"member_name", e.guarantor_name}, {"patient_name", e.patient_name},
                 {"member_id", e.member_id}, {"group_number", e.group_number}, {"notice_date", e.notice_date},
                 {"total_patient_responsibility_cents", e.patient_responsibility}};
  Json claim = ClaimTruth(e);
  if (columns) claim.erase("not_covered_cents");  // the column layout does not print it
  if (!claim_lines.is_null()) claim["lines"] = claim_lines;
  doc.truth = {{"kind", "eob"}, {"fields", fields}, {"line_items", Json::array()}, {"claims", Json::array({claim})}};
  return doc;
}

DocumentSpec MakeMsn(const Episode& e, Rng& rng) {
  DocumentSpec doc;
  doc.kind = "msn";
  doc.family = "medicare_summary_notice";
  doc.layout = "A";
  PageWriter w(rng.Pick(kFonts));
  w.Text(40, 36, "Medicare Summary Notice", 16, true);
  w.Text(40, 58, "for Part B (Medical Insurance)", 10);
  w.Text(40, 80, "The amounts listed are not bills.", 10, true);
  w.Text(360, 40, "Medicare Number:");
  w.Text(568, 40, e.member_id, 9.5, false, Align::kRight);
  w.Text(360, 56, "Date of This Notice:");
  w.Text(568, 56, PrintDate(e.notice_date, DateStyle::kLong), 9.5, false, Align::kRight);
  w.Text(40, 104, "Patient: " + e.patient_name);
  w.Text(40, 122, "Claims Processed Between " + PrintDate(AddDays(e.notice_date, -90), DateStyle::kLong) + " and " +
                      PrintDate(e.notice_date, DateStyle::kLong), 9.5);
  w.Line(36, 140, 576, 140);
  w.Text(40, 148, "Claim Number: " + e.claim_number);
  w.Text(40, 162, "Provider: " + e.provider_name);
  w.Text(330, 148, "Service Date: " + PrintDate(e.service_date, DateStyle::kSlash));
  w.Text(330, 162, "Processed Date: " + PrintDate(e.processed_date, DateStyle::kSlash));
  double y = 190;
  auto row = [&](const std::string& label, long long cents, bool bold = false) { y = w.AmountRow(y, label, cents, 420, bold); };
  row("Amount Provider Charged", e.billed);
  row("Medicare-Approved Amount", e.allowed);
  row("Amount Medicare Paid", e.plan_paid);
  row("Maximum You May Be Billed", e.patient_responsibility, true);
  y += 20;
  w.Text(40, y, "Total Maximum You May Be Billed: " + Money(e.patient_responsibility), 10, true);
  doc.pages.push_back(w.Take());
  Json fields = {{"patient_name", e.patient_name}, {"member_id", e.member_id}, {"notice_date", e.notice_date},
                 {"total_patient_responsibility_cents", e.patient_responsibility}};
  Json claim = ClaimTruth(e);
  for (const char* unprinted : {"discount_cents", "not_covered_cents", "deductible_cents", "copay_cents",
                                "coinsurance_cents", "patient_account_number", "network_status"}) {
    claim.erase(unprinted);
  }
  doc.truth = {{"kind", "msn"}, {"fields", fields}, {"line_items", Json::array()}, {"claims", Json::array({claim})}};
  return doc;
}

DocumentSpec MakeCollectionLetter(const Episode& e, Rng& rng) {
  DocumentSpec doc;
  doc.kind = "collection_letter";
  bool model_notice = rng.Chance(0.7);
  doc.family = model_notice ? "cfpb_model_notice" : "final_notice";
  doc.layout = "A";
  PageWriter w(rng.Pick(kFonts));
  Json fields = Json::object();
  if (model_notice) {
    w.Text(40, 36, e.collector_name, 12, true);
    w.Text(40, 52, "PO Box 4410", 9);
    w.Text(40, 64, "Springdale, AR 72764", 9);
    w.Text(40, 76, "(800) 555-0147 from 8am to 8pm, Monday to Friday", 9);
    w.Text(360, 36, e.guarantor_name, 9.5);
    w.Text(360, 50, e.street, 9.5);
    w.Text(360, 64, e.city_line, 9.5);
    w.Text(360, 84, "Reference: " + e.collector_reference, 9.5);
    w.Text(40, 100, PrintDate(e.letter_date, DateStyle::kLong), 9.5);
    w.Text(40, 124, e.collector_name + " is a debt collector. We are trying to collect a debt that you owe to", 9.5);
    w.Text(40, 137, e.provider_name + ". We will use any information you give us to help collect the debt.", 9.5);
    w.Text(40, 162, "Our information shows:", 9.5, true);
    w.Text(40, 176, "You received services from " + e.provider_name, 9.5);
    w.Text(40, 189, "with account number " + e.account_number + ".", 9.5);
    double y = 212;
    auto row = [&](const std::string& label, const std::string& sign, long long cents, bool bold = false) {
      w.Text(50, y, label, 9.5, bold);
      if (!sign.empty()) w.Text(300, y, sign, 9.5);
      w.Text(380, y, Money(cents), 9.5, bold, Align::kRight);
      y += 16;
    };
    row("As of " + PrintDate(e.itemization_date, DateStyle::kLong) + ", you owed:", "", e.itemization_amount);
    w.Text(50, y, "Between " + PrintDate(e.itemization_date, DateStyle::kLong) + " and today:", 9.5);
    y += 16;
    row("You were charged this amount in interest:", "+", e.interest);
    row("You were charged this amount in fees:", "+", e.fees);
    row("You paid or were credited this amount toward the debt:", "-", e.payments);
    row("Total amount of the debt now:", "", e.current_amount, true);
    y += 12;
    w.Text(40, y, "How can you dispute the debt?", 10, true);
    w.Text(40, y + 16, "Call or write to us by " + PrintDate(e.validation_end_date, DateStyle::kLong) +
                           ", to dispute all or part of the debt.", 9.5);
    w.Text(40, y + 29, "If you do not, we will assume that our information is correct.", 9.5);
    fields["reference_number"] = e.collector_reference;
    fields["letter_date"] = e.letter_date;
    fields["itemization_date"] = e.itemization_date;
    fields["amount_on_itemization_date_cents"] = e.itemization_amount;
    fields["interest_cents"] = e.interest;
    fields["fees_cents"] = e.fees;
    fields["payments_cents"] = e.payments;
    fields["validation_end_date"] = e.validation_end_date;
    fields["current_creditor"] = e.provider_name;
  } else {
    w.Text(40, 36, e.collector_name, 14, true);
    w.Text(40, 56, "FINAL NOTICE", 14, true);
    w.Text(360, 40, "Letter Date:");
    w.Text(568, 40, PrintDate(e.letter_date, DateStyle::kSlash), 9.5, false, Align::kRight);
    w.Text(360, 56, "Account Number:");
    w.Text(568, 56, e.account_number, 9.5, false, Align::kRight);
    w.Text(360, 72, "Balance Due:", 10, true);
    w.Text(568, 72, Money(e.current_amount), 10, true, Align::kRight);
    w.Text(40, 110, e.guarantor_name);
    w.Text(40, 124, e.street);
    w.Text(40, 138, e.city_line);
    w.Text(40, 170, "Original Creditor: " + e.provider_name);
    w.Text(40, 196, "Your account is seriously past due. Unless payment is received, this account may be", 9.5);
    w.Text(40, 209, "referred to a collection agency. This is a communication from a debt collector.", 9.5);
    fields["letter_date"] = e.letter_date;
    fields["original_creditor"] = e.provider_name;
  }
  fields["collector_name"] = e.collector_name;
  fields["account_number"] = e.account_number;
  fields["current_amount_cents"] = e.current_amount;
  doc.pages.push_back(w.Take());
  doc.truth = {{"kind", "collection_letter"}, {"fields", fields}, {"line_items", Json::array()}, {"claims", Json::array()}};
  return doc;
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
      std::string date = AddDays(e.service_date, day);
      e.lines.push_back({date, "0120", "", "ROOM AND BOARD SEMI-PRIVATE", 1, 145000});
      for (int k = rng.Int(2, 5); k > 0; --k) {
        const Procedure& p = procedures[rng.Next() % procedures.size()];
        ServiceLine line{date, p.revenue_code, p.code, p.description, 1, p.unit_cents};
        bool duplicate = false;
        for (const auto& existing : e.lines) duplicate |= existing.date == date && existing.code == line.code;
        if (!duplicate) e.lines.push_back(line);
      }
    }
    chosen.clear();
  }
  for (size_t index : chosen) {
    const Procedure& p = procedures[index];
    ServiceLine line{e.service_date, p.revenue_code, p.code, p.description, 1, p.unit_cents};
    if (std::string(p.code).starts_with("J") || std::string(p.code).starts_with("A")) {
      line.units = rng.Int(1, 3);
      line.charge_cents = p.unit_cents * line.units;
    }
    e.lines.push_back(line);
  }
  if (scenario == "duplicate_charge") e.lines.push_back(e.lines[rng.Next() % e.lines.size()]);

  // The claim as the plan processed it: the duplicate line never reached the plan.
  size_t claimed_lines = scenario == "duplicate_charge" ? e.lines.size() - 1 : e.lines.size();
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
  if (scenario == "claim_denied") {
    e.claim_status = "denied";
    e.not_covered = e.billed;
    e.discount = 0;
    e.allowed = 0;
    e.plan_paid = e.deductible = e.copay = e.coinsurance = 0;
    e.patient_responsibility = e.billed;
  }
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
  e.payments = rng.Chance(0.3) ? rng.Int(2000, 10000) : 0;
  e.current_amount = e.itemization_amount + e.interest + e.fees - e.payments;

  if (scenario == "premature_bill") e.expected_findings = {"premature_bill"};
  if (scenario == "balance_exceeds_eob") e.expected_findings = {"balance_exceeds_eob"};
  if (scenario == "duplicate_charge") e.expected_findings = {"duplicate_charge", "billed_not_on_eob", "balance_exceeds_eob"};
  if (scenario == "claim_denied") e.expected_findings = {"claim_denied"};
  if (scenario == "collection_before_insurance") {
    e.expected_findings = {"premature_bill", "collection_before_insurance", "collection_validation_window"};
  }
  if (scenario == "collection_amount_mismatch") {
    e.expected_findings = {"collection_amount_mismatch", "collection_validation_window"};
  }
  // Hospitals must take assistance applications until day 240 after the first statement.
  if (e.provider_family == "hospital_itemized" && AddDays(e.statement_date, 240) >= today) {
    e.expected_findings.push_back("financial_assistance_window");
  }
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
