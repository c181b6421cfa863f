// A plan's notice in a family's template: an EOB (one or several claims, each a block of its header,
// its service lines and a total row, or its figures alone in pairs or a sentence; a document summary
// before or after the claims) or a Medicare Summary Notice (Part B claims with Medicare's columns
// and note letters).
#include <algorithm>

#include "pipeline/core/dates.hpp"
#include "tools/samplegen/grammar/grammar.hpp"

namespace samplegen::grammar {
namespace {

using shoebox::AddDays;
using Pair = std::pair<std::string, std::string>;
using Figures = std::map<std::string, long long>;

const std::vector<std::string> kFigureNames = {"billed_cents",    "discount_cents",    "not_covered_cents",
                                               "allowed_cents",   "deductible_cents",  "copay_cents",
                                               "coinsurance_cents", "plan_paid_cents", "patient_responsibility_cents"};

struct LineDraw {
  std::string date, code, description;
  std::vector<std::string> remarks;
  Figures figures;
};

// One claim as the notice prints it.
struct ClaimDraw {
  std::string number, provider, account, status, processed, service_from, service_to;
  Figures figures;
  std::vector<LineDraw> lines;
};

ClaimDraw EpisodeClaim(const Episode& e) {
  ClaimDraw c{e.claim_number, e.provider_name, e.account_number, e.claim_status,
              e.claim_status == "pending" ? "" : e.processed_date, e.service_date, e.service_date};
  c.figures = {{"billed_cents", e.billed}, {"discount_cents", e.discount}, {"not_covered_cents", e.not_covered},
               {"allowed_cents", e.allowed}, {"deductible_cents", e.deductible}, {"copay_cents", e.copay},
               {"coinsurance_cents", e.coinsurance}, {"plan_paid_cents", e.plan_paid},
               {"patient_responsibility_cents", e.patient_responsibility}};
  bool denied = e.claim_status == "denied";
  for (const ClaimLineFigures& f : ShareOutClaim(e)) {
    const ServiceLine& line = *f.line;
    long long charge = line.charge_cents;
    c.lines.push_back({line.date, line.code.empty() ? line.revenue_code : line.code, line.description, f.remarks,
                       {{"billed_cents", charge}, {"discount_cents", denied ? 0 : charge - f.allowed},
                        {"not_covered_cents", denied ? charge : 0}, {"allowed_cents", f.allowed},
                        {"deductible_cents", f.deductible}, {"copay_cents", f.copay}, {"coinsurance_cents", f.coinsurance},
                        {"plan_paid_cents", f.plan_paid}, {"patient_responsibility_cents", f.patient}}});
  }
  return c;
}

// Another claim of the period: an office visit or a lab the plan processed the same month.
ClaimDraw OtherClaim(const Episode& e, Rng& rng) {
  ClaimDraw c{Digits(rng, 12), rng.Pick(kPhysicianGroups), Digits(rng, 8), "processed",
              AddDays(e.processed_date, -rng.Int(1, 20))};
  c.service_from = c.service_to = AddDays(c.processed, -rng.Int(10, 30));
  static const std::vector<std::pair<const char*, const char*>> kServices = {
      {"99213", "OFFICE VISIT EST PATIENT"}, {"36415", "VENIPUNCTURE"}, {"80061", "LIPID PANEL"}, {"83036", "HEMOGLOBIN A1C"}};
  for (int k = rng.Int(1, 2); k > 0; --k) {
    const auto& service = rng.Pick(kServices);
    long long billed = rng.Int(40, 260) * 100;
    long long allowed = billed * rng.Int(40, 70) / 100;
    long long copay = std::min<long long>(allowed, k == 1 ? rng.Pick(std::vector<int>{0, 2000, 3000}) : 0);
    c.lines.push_back({c.service_from, service.first, service.second, copay > 0 ? std::vector<std::string>{"PR-3"} : std::vector<std::string>{},
                       {{"billed_cents", billed}, {"discount_cents", billed - allowed}, {"not_covered_cents", 0},
                        {"allowed_cents", allowed}, {"deductible_cents", 0}, {"copay_cents", copay},
                        {"coinsurance_cents", 0}, {"plan_paid_cents", allowed - copay},
                        {"patient_responsibility_cents", copay}}});
  }
  for (const std::string& name : kFigureNames) {
    for (const LineDraw& line : c.lines) c.figures[name] += line.figures.at(name);
  }
  return c;
}

bool Printed(const Style& style, const std::string& column) {
  return std::count(style.claim_columns.begin(), style.claim_columns.end(), column) > 0;
}

std::string StatusWords(const std::string& status) {
  if (status == "denied") return "Denied";
  if (status == "pending") return "Pending - in process";
  return "Processed";
}

// The claim's block header: number, provider, account, dates, status.
double ClaimHeader(PageWriter& w, const Style& s, double y, const ClaimDraw& c) {
  std::vector<Pair> pairs = {{Word(s, "claim_number"), c.number},
                             {Word(s, "provider_name"), c.provider},
                             {Word(s, "patient_account_number"), c.account},
                             {Word(s, "service_date"), PrintDate(c.service_from, s.dates)},
                             {Word(s, "processed_date"), c.processed.empty() ? "In process" : PrintDate(c.processed, s.dates)},
                             {"Claim Status", StatusWords(c.status)}};
  w.Line(36, y - 5, 576, y - 5, 0.8);
  return Pairs(w, s, 40, y, 536, pairs) + 4;
}

double ColumnWidth(const std::string& column, size_t figure_columns) {
  if (column == "description") return 150;
  if (column == "date_of_service") return 58;
  if (column == "code") return 46;
  if (column == "remark_codes") return 50;
  return std::min(62.0, 330.0 / static_cast<double>(std::max<size_t>(figure_columns, 1)));
}

std::string LineCell(const std::string& column, const LineDraw& line, const Style& s) {
  if (column == "date_of_service") return PrintDate(line.date, s.dates == DateStyle::kLong ? DateStyle::kSlash : s.dates);
  if (column == "code") return line.code;
  if (column == "description") return line.description;
  if (column == "remark_codes") {
    std::string text;
    for (const std::string& remark : line.remarks) text += (text.empty() ? "" : " ") + remark;
    return text;
  }
  return Amount(line.figures.at(column), s, true);
}

// The claim's lines under the family's columns, closed by its total row.
double LinesTable(PageWriter& w, const Style& s, double y, const ClaimDraw& c, DocumentSpec& doc, const std::string& header) {
  size_t figure_columns = 0;
  for (const std::string& column : s.claim_columns) figure_columns += column.ends_with("_cents") ? 1 : 0;
  TableSpec table;
  for (const std::string& column : s.claim_columns) {
    table.headers.push_back(Word(s, column));
    table.numeric.push_back(column.ends_with("_cents"));
    table.widths.push_back(std::max(ColumnWidth(column, figure_columns), HeaderWidth(Word(s, column), s)));
  }
  for (const LineDraw& line : c.lines) {
    std::vector<std::string> row;
    for (const std::string& column : s.claim_columns) row.push_back(LineCell(column, line, s));
    table.rows.push_back(row);
  }
  for (const std::string& column : s.claim_columns) {
    table.total.push_back(column.ends_with("_cents") ? Amount(c.figures.at(column), s, true) : "");
  }
  table.total[0] = s.total_row;
  auto next_page = [&] {
    doc.pages.push_back(w.Take());
    w.Text(40, 36, header + " (continued)", s.size + 1, true);
    return 66.0;
  };
  return Table(w, s, 40, y, table, next_page);
}

// A claim without its lines: its figures in the family's pairs, or in a sentence.
double ClaimFigures(PageWriter& w, const Style& s, double y, const ClaimDraw& c) {
  if (s.claim_figures_in_prose) {
    w.Text(40, y, "The provider billed " + Money(c.figures.at("billed_cents")) + ". Your plan allowed " +
                      Money(c.figures.at("allowed_cents")) + " and paid " + Money(c.figures.at("plan_paid_cents")) + ".",
           s.size);
    w.Text(40, y + s.size * 1.5, "Your share is " + Money(c.figures.at("patient_responsibility_cents")) + ".", s.size, true);
    return y + s.size * 3.5;
  }
  std::vector<Pair> pairs;
  for (const std::string& column : s.claim_columns) {
    if (column.ends_with("_cents")) pairs.push_back({Word(s, column), Amount(c.figures.at(column), s, false)});
  }
  return Pairs(w, s, 40, y, 536, pairs) + 4;
}

// A line's truth is what its row says; a table with no date column dates each line only by its
// claim's dates of service, as printed (their first day).
Json LineTruth(const LineDraw& line, const ClaimDraw& c, const Style& s) {
  Json truth = {{"date_of_service", Printed(s, "date_of_service") ? line.date : c.service_from}, {"code", line.code}};
  if (Printed(s, "description")) truth["description"] = line.description;
  for (const std::string& name : kFigureNames) {
    if (Printed(s, name)) truth[name] = line.figures.at(name);
  }
  if (Printed(s, "remark_codes")) truth["remark_codes"] = line.remarks;
  return truth;
}

Json ClaimTruth(const ClaimDraw& c, const Style& s, bool with_lines, bool prose) {
  Json truth = {{"claim_number", c.number}, {"provider_name", c.provider}, {"patient_account_number", c.account},
                {"status", c.status}};
  truth["processed_date"] = c.processed.empty() ? Json(nullptr) : Json(c.processed);
  truth["service_date_from"] = c.service_from;
  for (const std::string& name : kFigureNames) {
    bool printed = prose ? (name == "billed_cents" || name == "allowed_cents" || name == "plan_paid_cents" ||
                            name == "patient_responsibility_cents")
                         : Printed(s, name);
    if (printed) truth[name] = c.figures.at(name);
  }
  if (with_lines) {
    truth["lines"] = Json::array();
    for (const LineDraw& line : c.lines) truth["lines"].push_back(LineTruth(line, c, s));
  }
  return truth;
}

// The document's summary over its claims.
double Summary(PageWriter& w, const Style& s, double y, const std::vector<ClaimDraw>& claims, Json& fields, bool msn) {
  long long billed = 0, paid = 0, owed = 0;
  for (const ClaimDraw& c : claims) {
    billed += c.figures.at("billed_cents"), paid += c.figures.at("plan_paid_cents");
    owed += c.figures.at("patient_responsibility_cents");
  }
  std::vector<Pair> pairs;
  if (!msn) {
    pairs.push_back({Word(s, "total_billed_cents"), Amount(billed, s, false)});
    pairs.push_back({Word(s, "total_plan_paid_cents"), Amount(paid, s, false)});
    fields["total_billed_cents"] = billed;
    fields["total_plan_paid_cents"] = paid;
  }
  pairs.push_back({Word(s, "total_patient_responsibility_cents"), Amount(owed, s, false)});
  fields["total_patient_responsibility_cents"] = owed;
  w.Text(40, y, msn ? "Your Claims at a Glance" : "Summary of This Notice", s.size + 1, true);
  return Pairs(w, s, 40, y + s.size * 1.8, 536, pairs, true) + 8;
}

}  // namespace

// Long because it draws the notice top to bottom in the order it is printed: the plan's header and
// the person, the summary where this family puts it, each claim, the closing words.
DocumentSpec DrawNotice(const Episode& e, const Family& family, Rng& rng) {
  const Style& s = family.style;
  bool msn = family.kind == "msn";
  DocumentSpec doc = FamilyDocument(family);
  std::vector<ClaimDraw> claims = {EpisodeClaim(e)};
  if (!msn && e.claim_status != "pending" && rng.Chance(0.4)) {
    for (int extra = rng.Int(1, 2); extra > 0; --extra) claims.push_back(OtherClaim(e, rng));
    std::swap(claims[0], claims[rng.Next() % claims.size()]);  // the episode's claim is not always first
  }
  if (msn) {
    // Medicare's notes are letters explained under the claims.
    for (LineDraw& line : claims[0].lines) {
      for (std::string& remark : line.remarks) remark = remark == "PR-1" ? "A" : remark == "PR-2" ? "B" : remark == "PR-3" ? "C" : "D";
    }
  }
  PageWriter w(s.font);
  Json fields = Json::object();
  std::string title = msn ? "Medicare Summary Notice" : rng.Pick(std::vector<std::string>{
                                                              "Explanation of Benefits", "EXPLANATION OF BENEFITS",
                                                              "Your Explanation of Benefits", "Claims Statement - Explanation of Benefits"});
  const std::string& heading = msn ? title : e.payer_name;
  w.Text(40, 34, heading, SizeToFit(s, heading, s.size + 6, s.identity_at_right ? 278 : 536), true);
  const std::string& subheading = msn ? "for Part B (Medical Insurance)" : title;
  w.Text(40, 34 + s.size * 2.2, subheading, SizeToFit(s, subheading, s.size + 2, s.identity_at_right ? 278 : 536), true);
  w.Text(40, 34 + s.size * 4, msn ? "The amounts listed are not bills." : "THIS IS NOT A BILL", s.size, true);
  if (!msn) fields["payer_name"] = e.payer_name;
  std::vector<Pair> identity = {{Word(s, "member_id"), e.member_id},
                                {Word(s, "notice_date"), PrintDate(e.notice_date, s.dates)}};
  fields["member_id"] = e.member_id;
  fields["notice_date"] = e.notice_date;
  if (!msn) {
    identity.push_back({Word(s, "group_number"), e.group_number});
    fields["group_number"] = e.group_number;
  }
  double y = s.identity_at_right ? Pairs(w, s, 330, 34, 246, identity) : Pairs(w, s, 40, 40 + s.size * 6, 536, identity);
  y = std::max(y, 40 + s.size * 6) + 8;
  if (s.names_in_address_only) {
    w.Text(40, y, e.guarantor_name, s.size);
    w.Text(40, y + s.size * 1.4, e.street, s.size);
    w.Text(40, y + s.size * 2.8, e.city_line, s.size);
    fields["mailing_address"] = e.street + ", " + e.city_line;
    y += s.size * 4.5;
    if (!msn) fields["member_name"] = e.guarantor_name;
  } else {
    std::vector<Pair> people = {{Word(s, "patient_name"), e.patient_name}};
    AddBirthDate(s, e.patient_name, people, fields);
    if (!msn) people.insert(people.begin(), {Word(s, "member_name"), e.guarantor_name});
    y = Pairs(w, s, 40, y, 536, people) + 4;
    fields["patient_name"] = e.patient_name;
    if (!msn) fields["member_name"] = e.guarantor_name;
  }
  if (s.summary_first) y = Summary(w, s, y + 6, claims, fields, msn);
  Json claim_truths = Json::array();
  for (const ClaimDraw& c : claims) {
    if (y > 600) {
      doc.pages.push_back(w.Take());
      w.Text(40, 36, (msn ? title : e.payer_name) + " (continued)", s.size + 1, true);
      y = 66;
    }
    y = ClaimHeader(w, s, y + 8, c);
    bool lines = s.service_lines;
    y = lines ? LinesTable(w, s, y, c, doc, msn ? title : e.payer_name) : ClaimFigures(w, s, y, c);
    claim_truths.push_back(ClaimTruth(c, s, lines, !lines && s.claim_figures_in_prose));
  }
  if (msn) w.Text(40, y, "Notes for Claims Above: A This amount applied to your deductible. B Coinsurance. C Copayment. D Not covered.", s.size - 1);
  y += s.size * 2;
  if (!s.summary_first) {
    if (y > 680) {
      doc.pages.push_back(w.Take());
      y = 60;
    }
    y = Summary(w, s, y, claims, fields, msn);
  }
  w.Text(40, std::min(y + 10, 750.0), "Questions? Call the number on the back of your ID card.", s.size - 1);
  doc.pages.push_back(w.Take());
  NumberPages(doc);
  doc.truth = {{"kind", family.kind}, {"fields", fields}, {"line_items", Json::array()}, {"claims", claim_truths}};
  return doc;
}

}  // namespace samplegen::grammar
