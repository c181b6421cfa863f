// A provider's statement in a family's template: letterhead, the statement's identity block (at
// the right or under the letterhead), the person, what it says of insurance, the itemized charges
// and the summary, with a remittance stub where there is room.
#include <algorithm>

#include "tools/samplegen/grammar/grammar.hpp"

namespace samplegen::grammar {
namespace {

using Pair = std::pair<std::string, std::string>;

// Credits (insurance payments, adjustments) printed as negatives, or as plain amounts under a
// credit label; the truth follows what is printed (EXPORT.md).
bool CreditsNegative(const Style& style) { return style.negative_style != 0 || style.zero_style == 1; }

std::string Cell(const std::string& column, const ServiceLine& line, const Style& style) {
  if (column == "date_of_service") return PrintDate(line.date, style.dates == DateStyle::kLong ? DateStyle::kSlash : style.dates);
  if (column == "revenue_code") return line.revenue_code;
  if (column == "code") return line.code;
  if (column == "description") return line.description;
  if (column == "units") return std::to_string(line.units);
  if (column == "charge_cents") return Amount(line.charge_cents, style, true);
  return "";
}

double ColumnWidth(const std::string& column) {
  if (column == "description") return 200;
  if (column == "date_of_service") return 70;
  if (column == "charge_cents") return 80;
  if (column == "units") return 40;
  return 56;
}

// The itemized charges; returns the truth of the lines.
Json ChargesTable(PageWriter& w, const Style& style, const Episode& e, DocumentSpec& doc, double& y) {
  TableSpec table;
  for (const std::string& column : style.bill_columns) {
    table.headers.push_back(Word(style, column));
    table.numeric.push_back(column == "charge_cents" || column == "units");
    table.widths.push_back(std::max(ColumnWidth(column), HeaderWidth(Word(style, column), style)));
  }
  bool has_revenue = std::count(style.bill_columns.begin(), style.bill_columns.end(), "revenue_code") > 0;
  bool has_units = std::count(style.bill_columns.begin(), style.bill_columns.end(), "units") > 0;
  Json items = Json::array();
  for (const ServiceLine& line : e.lines) {
    // A revenue code alone (no procedure code) prints in the code column of a bill without a
    // revenue column.
    std::string code = !line.code.empty() ? line.code : has_revenue ? "" : line.revenue_code;
    std::vector<std::string> row;
    for (const std::string& column : style.bill_columns) row.push_back(column == "code" ? code : Cell(column, line, style));
    table.rows.push_back(row);
    Json item = {{"date_of_service", line.date}};
    item["revenue_code"] = line.revenue_code.empty() || !has_revenue ? Json(nullptr) : Json(line.revenue_code);
    item["code"] = code.empty() ? Json(nullptr) : Json(code);
    item["description"] = line.description;
    if (has_units) item["units"] = line.units;
    item["charge_cents"] = line.charge_cents;
    items.push_back(item);
  }
  auto next_page = [&] {
    doc.pages.push_back(w.Take());
    w.Text(40, 36, e.provider_name, style.size + 2, true);
    w.Text(340, 36, Word(style, "account_number") + ": " + e.account_number, style.size);
    return 70.0;
  };
  y = Table(w, style, 40, y, table, next_page);
  return items;
}

}  // namespace

DocumentSpec DrawBill(const Episode& e, const Family& family, bool premature, Rng& rng) {
  const Style& s = family.style;
  DocumentSpec doc = FamilyDocument(family);
  BillFigures money = BillFiguresOf(e, premature, rng);
  PageWriter w(s.font);
  Json fields = Json::object();
  w.Text(40, 34, e.provider_name, SizeToFit(s, e.provider_name, s.size + 5, s.identity_at_right ? 278 : 536), true);
  w.Text(40, 54, e.provider_street + "  " + e.provider_city, s.size - 0.5);
  w.Text(40, 54 + s.size * 1.5, "Questions about your bill? Call " + e.provider_phone, s.size - 0.5);
  fields["provider_name"] = e.provider_name;
  fields["sender_address"] = e.provider_street + ", " + e.provider_city;

  std::vector<Pair> identity = {{Word(s, "statement_date"), PrintDate(e.statement_date, s.dates)},
                                {Word(s, "account_number"), e.account_number},
                                {Word(s, "due_date"), PrintDate(e.due_date, s.dates)},
                                {Word(s, "amount_due_cents"), Amount(money.due, s, false)}};
  fields["statement_date"] = e.statement_date;
  fields["account_number"] = e.account_number;
  fields["due_date"] = e.due_date;
  fields["amount_due_cents"] = money.due;
  double y = s.identity_at_right ? Pairs(w, s, 330, 34, 246, identity, true)
                                 : Pairs(w, s, 40, 90, 536, identity, true);
  y = std::max(y, 100.0) + 10;

  // The person: labelled, or only as the addressee.
  if (s.names_in_address_only) {
    w.Text(40, y, e.guarantor_name, s.size);
    fields["guarantor_name"] = e.guarantor_name;
  } else {
    std::vector<Pair> people = {{Word(s, "patient_name"), e.patient_name}};
    AddBirthDate(s, e.patient_name, people, fields);
    people.push_back({Word(s, "guarantor_name"), e.guarantor_name});
    y = Pairs(w, s, 40, y, 300, people);
    w.Text(40, y, e.guarantor_name, s.size);
    fields["patient_name"] = e.patient_name;
    fields["guarantor_name"] = e.guarantor_name;
  }
  w.Text(40, y + s.size * 1.4, e.street, s.size);
  w.Text(40, y + s.size * 2.8, e.city_line, s.size);
  fields["mailing_address"] = e.street + ", " + e.city_line;
  if (money.status == "pending") w.Text(330, y, "Your claim has been sent to your insurance. Insurance pending.", s.size - 0.5);
  if (money.status == "billed") w.Text(330, y, "This statement has been billed to insurance.", s.size - 0.5);
  if (money.status == "processed" && e.claim_status == "denied") w.Text(330, y, "Your insurance has processed this claim.", s.size - 0.5);
  fields["insurance_status"] = money.status;
  y += s.size * 5;

  Json items = Json::array();
  if (e.provider_family != "physician_summary" || e.lines.size() > 1) items = ChargesTable(w, s, e, doc, y);
  if (y > 620) {  // the summary gets a page of its own
    doc.pages.push_back(w.Take());
    w.Text(40, 36, e.provider_name, s.size + 2, true);
    y = 70;
  }
  long long credit = CreditsNegative(s) ? -1 : 1;
  std::vector<Pair> summary = {{Word(s, "total_charges_cents"), Amount(money.total, s, false)}};
  fields["total_charges_cents"] = money.total;
  if (money.status == "processed" && e.claim_status != "denied") {
    summary.push_back({Word(s, "insurance_paid_cents"), Amount(credit * money.insurance_paid, s, false)});
    summary.push_back({Word(s, "adjustments_cents"), Amount(credit * money.adjustments, s, false)});
    fields["insurance_paid_cents"] = credit * money.insurance_paid;
    fields["adjustments_cents"] = credit * money.adjustments;
  }
  if (money.pending > 0) {
    summary.push_back({Word(s, "insurance_pending_cents"), Amount(credit * money.pending, s, false)});
    fields["insurance_pending_cents"] = credit * money.pending;
  }
  summary.push_back({Word(s, "amount_due_cents"), Amount(money.due, s, false)});
  y = Pairs(w, s, 300, y + 8, 276, summary);
  if (y < 660) {
    for (double x = 36; x < 576; x += 8) w.Line(x, 680, x + 4, 680, 0.5);
    w.Text(40, 688, "Detach and return this portion with your payment.", s.size - 1);
    w.Text(40, 704, e.provider_name, s.size, true);
    w.Text(340, 704, "Amount Enclosed: $____________", s.size);
  }
  doc.pages.push_back(w.Take());
  NumberPages(doc);
  doc.truth = {{"kind", "bill"}, {"fields", fields}, {"line_items", items}, {"claims", Json::array()}};
  return doc;
}

}  // namespace samplegen::grammar
