// A collector's letter in a family's template: the agency's letterhead, the date alone at the top
// or in the identity block, the addressee, the account's identity (account, reference, creditors),
// the debt in prose and itemized (as of a date, interest, fees, payments), the dispute deadline.
#include "tools/samplegen/grammar/grammar.hpp"

namespace samplegen::grammar {
namespace {

using Pair = std::pair<std::string, std::string>;

}  // namespace

// Long because it draws the letter top to bottom in the order it is printed, the truth of each
// field written where the field is drawn.
DocumentSpec DrawLetter(const Episode& e, const Family& family, Rng& rng) {
  const Style& s = family.style;
  DocumentSpec doc = FamilyDocument(family);
  PageWriter w(s.font);
  Json fields = Json::object();
  w.Text(40, 34, e.collector_name, SizeToFit(s, e.collector_name, s.size + 4, 536), true);
  std::string address = "PO Box " + std::to_string(1000 + rng.Int(0, 8999)) + ", Springdale, AR 72764";
  w.Text(40, 34 + s.size * 2, address, s.size - 0.5);
  fields["sender_address"] = address;
  w.Text(40, 34 + s.size * 3.4, "Call (800) 555-01" + std::to_string(rng.Int(10, 99)) + ", Monday to Friday", s.size - 0.5);
  fields["collector_name"] = e.collector_name;
  double y = 34 + s.size * 6;
  std::string date = PrintDate(e.letter_date, s.dates == DateStyle::kShortYear ? DateStyle::kLong : s.dates);
  fields["letter_date"] = e.letter_date;
  if (s.letter_date_alone) {
    w.Text(40, y, date, s.size);
    y += s.size * 2.5;
  }
  std::vector<Pair> identity = {{Word(s, "account_number"), e.account_number},
                                {Word(s, "reference_number"), e.collector_reference}};
  if (!s.letter_date_alone) identity.insert(identity.begin(), {Word(s, "letter_date"), date});
  bool both_creditors = family.number % 2 == 0;
  identity.push_back({Word(s, "original_creditor"), e.provider_name});
  fields["original_creditor"] = e.provider_name;
  if (both_creditors) {
    identity.push_back({Word(s, "current_creditor"), e.provider_name + " Receivables"});
    fields["current_creditor"] = e.provider_name + " Receivables";
  }
  identity.push_back({Word(s, "current_amount_cents"), Amount(e.current_amount, s, false)});
  fields["account_number"] = e.account_number;
  fields["reference_number"] = e.collector_reference;
  fields["current_amount_cents"] = e.current_amount;
  double block = s.identity_at_right ? Pairs(w, s, 330, y, 246, identity) : Pairs(w, s, 40, y, 536, identity);
  double address_y = s.identity_at_right ? y : block + 6;
  w.Text(40, address_y, e.guarantor_name, s.size);
  w.Text(40, address_y + s.size * 1.4, e.street, s.size);
  w.Text(40, address_y + s.size * 2.8, e.city_line, s.size);
  fields["mailing_address"] = e.street + ", " + e.city_line;
  y = std::max(block, address_y + s.size * 4.2) + 10;

  w.Text(40, y, "Dear " + e.guarantor_name + ",", s.size);
  y += s.size * 2;
  std::string creditor = both_creditors ? e.provider_name + " Receivables" : e.provider_name;
  fields["current_creditor"] = creditor;  // the sentence names the creditor, labelled or not
  w.Text(40, y, e.collector_name + " is a debt collector. We are trying to collect a debt that you owe to", s.size);
  w.Text(40, y + s.size * 1.4, creditor + ". We will use any information you give us to help collect the debt.", s.size);
  y += s.size * 3.4;
  if (s.amount_in_prose) {
    w.Text(40, y, "As of the date of this letter, you owe " + Money(e.current_amount) + ".", s.size, true);
    y += s.size * 2.2;
  }
  std::string as_of = PrintDate(e.itemization_date, s.dates == DateStyle::kShortYear ? DateStyle::kLong : s.dates);
  std::vector<Pair> itemization = {
      {Word(s, "amount_on_itemization_date_cents") + " " + as_of, Amount(e.itemization_amount, s, false)},
      {Word(s, "interest_cents"), Amount(e.interest, s, false)},
      {Word(s, "fees_cents"), Amount(e.fees, s, false)},
      {Word(s, "payments_cents"), Amount(-e.payments, s, false)},
      {Word(s, "current_amount_cents"), Amount(e.current_amount, s, false)}};
  fields["itemization_date"] = e.itemization_date;
  fields["amount_on_itemization_date_cents"] = e.itemization_amount;
  fields["interest_cents"] = e.interest;
  fields["fees_cents"] = e.fees;
  fields["payments_cents"] = e.payments == 0 ? 0 : -e.payments;
  w.Text(40, y, "Itemization of the debt", s.size + 1, true);
  y = Pairs(w, s, 50, y + s.size * 1.8, 330, itemization) + 10;
  std::string deadline = PrintDate(e.validation_end_date, s.dates == DateStyle::kShortYear ? DateStyle::kLong : s.dates);
  w.Text(40, y, "How can you dispute the debt?", s.size + 1, true);
  w.Text(40, y + s.size * 1.8, "Call or write to us by " + deadline + ", to dispute all or part of the debt.", s.size);
  w.Text(40, y + s.size * 3.2, "If you do not, we will assume that our information is correct.", s.size);
  fields["validation_end_date"] = e.validation_end_date;
  doc.pages.push_back(w.Take());
  doc.truth = {{"kind", "collection_letter"}, {"fields", fields}, {"line_items", Json::array()}, {"claims", Json::array()}};
  return doc;
}

}  // namespace samplegen::grammar
