// The provider's statement, in its families' layouts.
#include "tools/samplegen/documents.hpp"
#include "tools/samplegen/page_writer.hpp"

#include "pipeline/core/dates.hpp"

#include <algorithm>
#include <cstdio>

namespace samplegen {

using shoebox::AddDays;

BillFigures BillFiguresOf(const Episode& e, bool premature, Rng& rng) {
  BillFigures f;
  for (const auto& line : e.lines) f.total += line.charge_cents;
  if (premature) {
    f.pending = rng.Chance(0.6) ? f.total * rng.Int(60, 85) / 100 : 0;
    f.status = f.pending > 0 ? "pending" : "billed";
  } else if (e.claim_status == "denied") {
    f.status = "processed";  // the bill says so in words: insurance has processed and paid nothing
  } else {
    f.insurance_paid = e.plan_paid;
    f.adjustments = e.discount;
    if (e.scenario == "balance_exceeds_eob") f.adjustments = e.discount / 2;
    f.status = "processed";
  }
  f.due = f.total - f.insurance_paid - f.adjustments - f.pending;
  return f;
}

// Long because it draws the statement top to bottom in the order it is printed, both layouts side
// by side where they differ; cut into regions, the order of the page would be lost.
DocumentSpec MakeBill(const Episode& e, bool premature, Rng& rng) {
  DocumentSpec doc;
  doc.kind = "bill";
  doc.family = e.provider_family;
  bool layout_b = rng.Chance(0.5);
  doc.layout = layout_b ? "B" : "A";
  DateStyle style = layout_b ? DateStyle::kLong : DateStyle::kSlash;
  PageWriter w(rng.Pick(kFonts));
  std::vector<ServiceLine> lines = e.lines;
  BillFigures money = BillFiguresOf(e, premature, rng);
  long long total = money.total, insurance_paid = money.insurance_paid, adjustments = money.adjustments,
            pending = money.pending, due = money.due;
  const std::string& status = money.status;

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
  fields["mailing_address"] = e.street + ", " + e.city_line;
  fields["sender_address"] = e.provider_street + ", " + e.provider_city;
  fields["account_number"] = e.account_number;
  fields["statement_date"] = e.statement_date;
  fields["due_date"] = e.due_date;
  if (!status.empty()) fields["insurance_status"] = status;
  doc.pages.push_back(w.Take());
  NumberPages(doc);
  doc.truth = {{"kind", "bill"}, {"fields", fields}, {"line_items", items}, {"claims", Json::array()}};
  return doc;
}

}  // namespace samplegen
