// A collector's letter (a validation notice) or a hospital's own final notice.
#include "tools/samplegen/documents.hpp"
#include "tools/samplegen/page_writer.hpp"

#include "pipeline/core/dates.hpp"

#include <algorithm>
#include <cstdio>

namespace samplegen {

using shoebox::AddDays;

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
    fields["sender_address"] = "PO Box 4410, Springdale, AR 72764";
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
  fields["mailing_address"] = e.street + ", " + e.city_line;
  doc.pages.push_back(w.Take());
  doc.truth = {{"kind", "collection_letter"}, {"fields", fields}, {"line_items", Json::array()}, {"claims", Json::array()}};
  return doc;
}

}  // namespace samplegen
