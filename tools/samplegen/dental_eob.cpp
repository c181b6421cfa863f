// A dental plan's Explanation of Benefits: one claim of CDT-coded lines, each on a tooth where the
// procedure is done on one, the plan's share by class of service (preventive, basic, major), and
// the year's maximum benefit used and remaining. Codes are real identifiers; the descriptions are
// our own words (no ADA text).
#include <algorithm>

#include "pipeline/core/dates.hpp"
#include "tools/samplegen/documents.hpp"
#include "tools/samplegen/page_writer.hpp"

namespace samplegen {
namespace {

struct DentalProcedure {
  const char* code;
  const char* description;
  long long fee_cents;
  bool on_a_tooth;
  int coinsurance_percent;  // preventive 0, basic 20, major 50
};

const std::vector<DentalProcedure> kDentalProcedures = {
    {"D0120", "PERIODIC ORAL EXAM", 6500, false, 0},      {"D0274", "BITEWING XRAYS FOUR IMAGES", 8200, false, 0},
    {"D1110", "CLEANING ADULT", 11000, false, 0},         {"D2391", "RESIN FILLING ONE SURFACE BACK TOOTH", 19500, true, 20},
    {"D2740", "CROWN PORCELAIN CERAMIC", 128000, true, 50}, {"D3330", "ROOT CANAL MOLAR", 115000, true, 50},
    {"D7140", "EXTRACTION ERUPTED TOOTH", 21000, true, 20}};
const std::vector<std::string> kDentalPlans = {"Bright Smile Dental Plan", "Keystone Dental Benefits",
                                               "Evergreen Dental Insurance"};
const std::vector<std::string> kDentists = {"Harbor Family Dentistry", "Oakridge Dental Group",
                                            "Lakeview Dental Associates"};

struct DentalLine {
  const DentalProcedure* procedure;
  std::string tooth;
  long long billed, allowed, deductible, coinsurance, plan_paid, patient;
};

}  // namespace

// Long because it draws the notice top to bottom in the order it is printed, with the truth of each
// figure written where the figure is drawn.
DocumentSpec MakeDentalEob(Rng& rng, const std::string& today) {
  DocumentSpec doc;
  doc.kind = "eob";
  doc.family = "dental_eob";
  doc.layout = "A";
  std::string payer = rng.Pick(kDentalPlans), dentist = rng.Pick(kDentists);
  std::string member = rng.Pick(kFirstNames) + " " + rng.Pick(kLastNames);
  std::string patient = rng.Chance(0.5) ? member : rng.Pick(kFirstNames) + " " + member.substr(member.find(' ') + 1);
  std::string member_id = "DN" + Digits(rng, 9), group = Digits(rng, 6), claim_number = Digits(rng, 12);
  std::string account = Digits(rng, 7);
  std::string service = shoebox::AddDays(today, -rng.Int(40, 120));
  std::string processed = shoebox::AddDays(service, rng.Int(10, 25)), notice = shoebox::AddDays(processed, 2);
  // The visit's procedures, each once, in code order; the deductible taken by the first that is not preventive.
  std::vector<DentalLine> lines;
  long long deductible_left = rng.Chance(0.5) ? 5000 : 0;
  for (const DentalProcedure& procedure : kDentalProcedures) {
    if (lines.size() >= 4 || !rng.Chance(0.45)) continue;
    long long billed = procedure.fee_cents;
    long long allowed = billed * rng.Int(60, 80) / 100;
    long long deductible = procedure.coinsurance_percent > 0 ? std::min(allowed, deductible_left) : 0;
    deductible_left -= deductible;
    long long coinsurance = (allowed - deductible) * procedure.coinsurance_percent / 100;
    lines.push_back({&procedure, procedure.on_a_tooth ? std::to_string(rng.Int(1, 32)) : "", billed, allowed, deductible,
                     coinsurance, allowed - deductible - coinsurance, deductible + coinsurance});
  }
  if (lines.empty()) lines.push_back({&kDentalProcedures[0], "", 6500, 5200, 0, 0, 5200, 0});
  long long billed = 0, allowed = 0, deductible = 0, coinsurance = 0, plan_paid = 0, owed = 0;
  for (const DentalLine& line : lines) {
    billed += line.billed, allowed += line.allowed, deductible += line.deductible, coinsurance += line.coinsurance;
    plan_paid += line.plan_paid, owed += line.patient;
  }
  long long maximum = rng.Pick(std::vector<long long>{100000, 150000, 200000});
  long long used = std::min(maximum, plan_paid + rng.Int(0, 40) * 1000);

  PageWriter w(rng.Pick(kFonts));
  w.Text(40, 36, payer, 15, true);
  w.Text(40, 56, "Dental Explanation of Benefits", 12, true);
  w.Text(40, 72, "THIS IS NOT A BILL", 10, true);
  w.Text(360, 40, "Date of This Notice:");
  w.Text(568, 40, PrintDate(notice, DateStyle::kSlash), 9.5, false, Align::kRight);
  w.Text(360, 56, "Member ID:");
  w.Text(568, 56, member_id, 9.5, false, Align::kRight);
  w.Text(360, 72, "Group Number:");
  w.Text(568, 72, group, 9.5, false, Align::kRight);
  w.Text(40, 100, "Member: " + member);
  w.Text(40, 114, "Patient: " + patient);
  w.Line(36, 134, 576, 134);
  w.Text(40, 142, "Claim Number: " + claim_number);
  w.Text(330, 142, "Processed Date: " + PrintDate(processed, DateStyle::kSlash));
  w.Text(40, 156, "Provider: " + dentist);
  w.Text(330, 156, "Patient Account: " + account);
  w.Text(40, 170, "Service Date: " + PrintDate(service, DateStyle::kSlash) + "   In-network");
  w.Text(330, 170, "Claim status: Paid");
  double y = 196;
  struct Column {
    const char* header;
    double right_x;
  };
  static const Column kColumns[] = {{"Billed", 214}, {"Allowed", 266}, {"Deductible", 318}, {"Copay", 362},
                                    {"Coinsurance", 418}, {"Plan Paid", 468}, {"You Owe", 516}};
  w.Shade(36, y - 3, 576, y + 11);
  w.Text(40, y, "Service Date", 7, true);
  w.Text(98, y, "Code", 7, true);
  w.Text(136, y, "Tooth", 7, true);
  for (const Column& column : kColumns) w.Text(column.right_x, y, column.header, 7, true, Align::kRight);
  w.Text(526, y, "Remarks", 7, true);
  y += 16;
  Json line_truth = Json::array();
  for (const DentalLine& line : lines) {
    const long long figures[] = {line.billed, line.allowed, line.deductible, 0, line.coinsurance, line.plan_paid, line.patient};
    std::vector<std::string> remarks;
    if (line.deductible > 0) remarks.push_back("PR-1");
    if (line.coinsurance > 0) remarks.push_back("PR-2");
    w.Text(40, y, PrintDate(service, DateStyle::kSlash), 8);
    w.Text(98, y, line.procedure->code, 8);
    w.Text(140, y, line.tooth, 8);
    for (size_t c = 0; c < std::size(kColumns); ++c) {
      std::string money = Money(figures[c]);
      w.Text(kColumns[c].right_x, y, money.substr(money.find('$') + 1), 8, false, Align::kRight);
    }
    std::string remark_text;
    for (const std::string& remark : remarks) remark_text += (remark_text.empty() ? "" : " ") + remark;
    w.Text(526, y, remark_text, 8);
    w.Text(98, y + 10, line.procedure->description, 8);
    y += 23;
    Json truth = {{"date_of_service", service}, {"code", line.procedure->code},
                  {"description", line.procedure->description}, {"billed_cents", line.billed},
                  {"allowed_cents", line.allowed}, {"deductible_cents", line.deductible}, {"copay_cents", 0},
                  {"coinsurance_cents", line.coinsurance}, {"plan_paid_cents", line.plan_paid},
                  {"patient_responsibility_cents", line.patient}, {"remark_codes", remarks}};
    if (!line.tooth.empty()) truth["details"] = {{"tooth_number", line.tooth}};
    line_truth.push_back(std::move(truth));
  }
  w.Line(36, y - 4, 576, y - 4);
  y += 10;
  auto row = [&](const std::string& label, long long cents, bool bold = false) { y = w.AmountRow(y, label, cents, 400, bold); };
  row("Amount Billed", billed);
  row("Network Savings", billed - allowed);
  row("Allowed Amount", allowed);
  row("Plan Paid", plan_paid);
  row("Deductible", deductible);
  row("Copay", 0);
  row("Coinsurance", coinsurance);
  row("What You Owe", owed, true);
  y += 12;
  w.Text(40, y, "Your benefits this year", 9.5, true);
  y += 16;
  w.Text(60, y, "Annual Maximum Benefit: " + Money(maximum));
  w.Text(330, y, "Maximum Used to Date: " + Money(used));
  y += 15;
  w.Text(60, y, "Remaining Annual Maximum: " + Money(maximum - used));
  y += 28;
  w.Text(40, y, "Total You Owe: " + Money(owed), 10, true);
  w.Text(40, y + 24, "Your dentist may bill you for the amount shown as what you owe.", 8.5);
  doc.pages.push_back(w.Take());
  Json claim = {{"claim_number", claim_number}, {"provider_name", dentist}, {"patient_account_number", account},
                {"network_status", "in_network"}, {"status", "processed"}, {"processed_date", processed},
                {"service_date_from", service}, {"service_date_to", service}, {"billed_cents", billed},
                {"discount_cents", billed - allowed}, {"allowed_cents", allowed}, {"plan_paid_cents", plan_paid},
                {"deductible_cents", deductible}, {"copay_cents", 0}, {"coinsurance_cents", coinsurance},
                {"patient_responsibility_cents", owed}, {"lines", line_truth}};
  Json fields = {{"payer_name", payer}, {"member_name", member}, {"patient_name", patient}, {"member_id", member_id},
                 {"group_number", group}, {"notice_date", notice}, {"total_patient_responsibility_cents", owed},
                 {"annual_maximum_cents", maximum}, {"annual_maximum_used_cents", used},
                 {"annual_maximum_remaining_cents", maximum - used}};
  doc.truth = {{"kind", "eob"}, {"form", "dental"}, {"fields", fields}, {"line_items", Json::array()},
               {"claims", Json::array({claim})}};
  return doc;
}

}  // namespace samplegen
