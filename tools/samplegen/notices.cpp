// The plan's notices: EOBs (one claim with or without its lines, a periodic summary) and the
// Medicare Summary Notice.
#include "tools/samplegen/documents.hpp"
#include "tools/samplegen/page_writer.hpp"

#include "pipeline/core/dates.hpp"

#include <algorithm>
#include <cstdio>

namespace samplegen {

using shoebox::AddDays;

namespace {

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

}  // namespace

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

}  // namespace samplegen
