// Everyday paperwork that is not medical but is worded like a bill: invoices for cloud services and
// consulting, a utility bill, an online order, and a service agreement of several pages. Each says
// Account Number, Statement Date, Amount Due, Please pay by and "detach and return" as a provider's
// statement does, so only what the paper is about tells it from a medical bill. Its families are
// drawn like the medical ones (a producer's template, every third held out); the truth is `other`.
#include <algorithm>

#include "pipeline/core/dates.hpp"
#include "tools/samplegen/grammar/grammar.hpp"

namespace samplegen::grammar {
namespace {

using shoebox::AddDays;
using Pair = std::pair<std::string, std::string>;

enum class Producer { kCloud, kConsulting, kUtility, kRetail, kAgreement };
constexpr int kProducers = 5;

const std::vector<std::string> kCloudCompanies = {"Nimbus Cloud Services, Inc.", "Stratus Compute LLC",
                                                  "Bluefin Hosting Co."};
const std::vector<std::string> kConsultancies = {"Brightline Consulting LLC", "Keystone Advisory Group",
                                                 "Northgate Partners"};
const std::vector<std::string> kUtilities = {"Riverside Electric & Gas", "Lakeshore Water Authority",
                                             "Prairie Power Cooperative"};
const std::vector<std::string> kShops = {"Maple & Main Outfitters", "Hometown Hardware Supply",
                                         "Brightway Office Goods"};

// The words a non-medical biller prints for the fields a provider's statement shares with it.
const std::map<std::string, std::vector<std::string>>& Words() {
  static const std::map<std::string, std::vector<std::string>> words = {
      {"account_number", {"Account Number", "Account #", "Customer Number", "Account No", "ACCOUNT NUMBER"}},
      {"statement_date", {"Statement Date", "Invoice Date", "Billing Date", "Date Issued", "STATEMENT DATE"}},
      {"due_date", {"Due Date", "Please Pay By", "Pay By", "Payment Due", "DUE DATE"}},
      {"amount_due", {"Amount Due", "Balance Due", "Total Amount Due", "Please Pay This Amount", "AMOUNT DUE"}},
      {"total", {"Total Charges", "Total", "Current Charges", "Invoice Total", "TOTAL CHARGES"}},
  };
  return words;
}

std::string Say(const Family& family, const std::string& field) {
  const std::vector<std::string>& choices = Words().at(field);
  return choices[static_cast<size_t>(family.number) % choices.size()];
}

struct Charge {
  std::string description, quantity;
  long long cents;
};

std::vector<Charge> Charges(Producer producer, Rng& rng) {
  std::vector<Charge> charges;
  auto add = [&](const std::string& description, const std::string& quantity, int lo, int hi) {
    charges.push_back({description, quantity, rng.Int(lo, hi)});
  };
  switch (producer) {
    case Producer::kCloud:
      add("Compute instances, general purpose", std::to_string(rng.Int(100, 744)) + " hrs", 120, 9000);
      add("Object storage, standard tier", std::to_string(rng.Int(5, 900)) + " GB-mo", 50, 2500);
      if (rng.Chance(0.7)) add("Data transfer out", std::to_string(rng.Int(1, 300)) + " GB", 10, 1800);
      if (rng.Chance(0.5)) add("Managed database, single zone", std::to_string(rng.Int(100, 744)) + " hrs", 900, 6000);
      break;
    case Producer::kConsulting:
      for (int i = rng.Int(2, 4); i > 0; --i) {
        int hours = rng.Int(2, 24);
        add(rng.Pick(std::vector<std::string>{"Strategy workshop", "Process review", "Vendor selection support",
                                              "Project management", "Report drafting"}),
            std::to_string(hours) + " hrs", hours * 9000, hours * 9000);
      }
      break;
    case Producer::kUtility:
      add("Electric service, " + std::to_string(rng.Int(300, 1400)) + " kWh", "1", 4000, 19000);
      add("Customer charge", "1", 900, 1500);
      if (rng.Chance(0.6)) add("Natural gas, " + std::to_string(rng.Int(10, 120)) + " therms", "1", 1500, 9000);
      add("State and local taxes", "1", 150, 1200);
      break;
    case Producer::kRetail:
      for (int i = rng.Int(2, 5); i > 0; --i) {
        int quantity = rng.Int(1, 4);
        long long price = rng.Int(299, 8999);
        charges.push_back({rng.Pick(std::vector<std::string>{"Canvas work jacket", "Cordless drill kit", "Desk lamp",
                                                             "Printer paper, 10 reams", "Garden hose, 50 ft",
                                                             "Storage bins, set of 4"}),
                           std::to_string(quantity), price * quantity});
      }
      add("Shipping and handling", "1", 0, 1999);
      break;
    case Producer::kAgreement:
      break;
  }
  return charges;
}

const std::string& Company(Producer producer, Rng& rng) {
  switch (producer) {
    case Producer::kCloud:
      return rng.Pick(kCloudCompanies);
    case Producer::kConsulting:
      return rng.Pick(kConsultancies);
    case Producer::kUtility:
      return rng.Pick(kUtilities);
    default:
      return rng.Pick(kShops);
  }
}

// An invoice or statement: letterhead, identity block, the customer, a table of charges, the
// total and amount due, and a remittance stub.
void DrawInvoice(DocumentSpec& doc, const Family& family, Producer producer, Rng& rng, const std::string& today) {
  const Style& s = family.style;
  PageWriter w(s.font);
  const std::string& company = Company(producer, rng);
  std::string statement_date = AddDays(today, -rng.Int(5, 60));
  w.Text(40, 34, company, SizeToFit(s, company, s.size + 5, s.identity_at_right ? 278 : 536), true);
  w.Text(40, 54, rng.Pick(kStreets) + "  " + rng.Pick(kCities), s.size - 0.5);
  w.Text(40, 54 + s.size * 1.5,
         producer == Producer::kUtility ? "Customer service: 1-800-555-0" + Digits(rng, 3)
                                        : "Billing questions: billing@example.com",
         s.size - 0.5);
  std::vector<Charge> charges = Charges(producer, rng);
  long long total = 0;
  for (const Charge& charge : charges) total += charge.cents;
  long long previous = producer == Producer::kUtility && rng.Chance(0.6) ? rng.Int(3000, 20000) : 0;
  long long due = total;  // a previous balance paid in full leaves the current charges due
  std::vector<Pair> identity = {{Say(family, "statement_date"), PrintDate(statement_date, s.dates)},
                                {Say(family, "account_number"), Digits(rng, 4) + "-" + Digits(rng, 5)},
                                {Say(family, "due_date"), PrintDate(AddDays(statement_date, 25), s.dates)},
                                {Say(family, "amount_due"), Amount(due, s, false)}};
  if (producer != Producer::kUtility)
    identity.insert(identity.begin() + 1, {"Invoice Number", "INV-" + Digits(rng, 6)});
  double y = s.identity_at_right ? Pairs(w, s, 330, 34, 246, identity, true) : Pairs(w, s, 40, 90, 536, identity, true);
  y = std::max(y, 100.0) + 10;
  std::string customer = rng.Pick(kFirstNames) + " " + rng.Pick(kLastNames);
  w.Text(40, y, producer == Producer::kUtility ? "Service address:" : "Bill to:", s.size, true);
  w.Text(40, y + s.size * 1.4, customer, s.size);
  w.Text(40, y + s.size * 2.8, rng.Pick(kStreets), s.size);
  w.Text(40, y + s.size * 4.2, rng.Pick(kCities), s.size);
  y += s.size * 6.5;

  TableSpec table;
  table.headers = {"Description", producer == Producer::kRetail ? "Qty" : "Quantity", "Amount"};
  table.numeric = {false, true, true};
  table.widths = {260, 80, 90};
  for (const Charge& charge : charges)
    table.rows.push_back({charge.description, charge.quantity, Amount(charge.cents, s, true)});
  table.total = {rng.Pick(std::vector<std::string>{"Total", "Subtotal", "Invoice Total", "TOTAL"}), "",
                 Amount(total, s, true)};
  auto next_page = [&] {
    doc.pages.push_back(w.Take());
    w.Text(40, 36, company, s.size + 2, true);
    return 70.0;
  };
  y = Table(w, s, 40, y, table, next_page);
  std::vector<Pair> summary;
  if (previous > 0) {
    summary.push_back({"Previous Balance", Amount(previous, s, false)});
    summary.push_back({"Payment Received - Thank You", Amount(-previous, s, false)});
  }
  summary.push_back({Say(family, "total"), Amount(total, s, false)});
  summary.push_back({Say(family, "amount_due"), Amount(due, s, false)});
  y = Pairs(w, s, 300, y + 8, 276, summary);
  if (y < 640) {
    w.Text(40, y + 14,
           producer == Producer::kConsulting ? "Payment terms: net 30 days. Thank you for your business."
                                             : "Please pay by the due date to avoid a late fee.",
           s.size - 0.5);
    for (double x = 36; x < 576; x += 8) w.Line(x, 680, x + 4, 680, 0.5);
    w.Text(40, 688, "Detach and return this portion with your payment.", s.size - 1);
    w.Text(40, 704, company, s.size, true);
    w.Text(340, 704, "Amount Enclosed: $____________", s.size);
  }
  doc.pages.push_back(w.Take());
}

// A service agreement of three or four pages: numbered sections of prose, some with headings
// that look like the start of a new paper, and the money words of an invoice in its terms.
void DrawAgreement(DocumentSpec& doc, const Family& family, Rng& rng, const std::string& today) {
  const Style& s = family.style;
  const std::string& company = rng.Pick(kConsultancies);
  std::string client = rng.Pick(kFirstNames) + " " + rng.Pick(kLastNames);
  const std::vector<std::pair<std::string, std::string>> sections = {
      {"Services", "The Consultant will provide the services described in Schedule A to the Client with due care."},
      {"Term", "This Agreement begins on the Effective Date and continues for twelve months unless ended sooner."},
      {"Fees and Payment",
       "The Client will pay the Amount Due on each invoice within thirty days of its Statement "
       "Date. Balances unpaid after the due date accrue a late fee of one percent a month."},
      {"Expenses", "Reasonable travel and material expenses approved in writing are billed at cost each month."},
      {"Confidentiality",
       "Each party will keep the other's confidential information private and use it only for "
       "this Agreement."},
      {"Termination", "Either party may end this Agreement with thirty days' written notice to the other party."},
      {"Limitation of Liability",
       "Neither party is liable for indirect or consequential losses arising from this "
       "Agreement."},
      {"Governing Law", "This Agreement is governed by the laws of the state where the Consultant has its office."},
      {"Entire Agreement", "This Agreement and its schedules are the whole agreement between the parties."},
  };
  PageWriter w(s.font);
  w.Text(306, 40, "SERVICE AGREEMENT", s.size + 5, true, Align::kCenter);
  double y = 72;
  w.Text(40, y,
         "This Service Agreement is made on " + PrintDate(AddDays(today, -rng.Int(30, 300)), DateStyle::kLong) +
             " between " + company + " (the Consultant)",
         s.size);
  w.Text(40, y + s.size * 1.5, "and " + client + " (the Client).", s.size);
  y += s.size * 4;
  int pages = rng.Int(3, 4);
  size_t per_page = (sections.size() + pages - 1) / static_cast<size_t>(pages);
  for (size_t i = 0; i < sections.size(); ++i) {
    if (i > 0 && i % per_page == 0) {
      doc.pages.push_back(w.Take());
      y = 50;
    }
    w.Text(40, y, std::to_string(i + 1) + ". " + sections[i].first, s.size + 1, true);
    y += s.size * 1.8;
    // The clause's sentence broken at about ninety characters a line.
    std::string line;
    for (std::string rest = sections[i].second; !rest.empty();) {
      size_t cut = rest.size() <= 90 ? rest.size() : rest.rfind(' ', 90);
      w.Text(40, y, rest.substr(0, cut), s.size);
      y += s.size * 1.4;
      rest = cut < rest.size() ? rest.substr(cut + 1) : "";
    }
    y += s.size;
  }
  w.Text(40, y + 20, "Signed for the Consultant: ______________________", s.size);
  w.Text(40, y + 44, "Signed by the Client: ______________________", s.size);
  doc.pages.push_back(w.Take());
}

}  // namespace

DocumentSpec DrawEveryday(const Family& family, Rng& rng, const std::string& today) {
  DocumentSpec doc = FamilyDocument(family);
  doc.kind = "other";
  auto producer = static_cast<Producer>(family.number % kProducers);
  if (producer == Producer::kAgreement)
    DrawAgreement(doc, family, rng, today);
  else
    DrawInvoice(doc, family, producer, rng, today);
  NumberPages(doc);
  doc.truth = {{"kind", "other"}, {"fields", Json::object()}, {"line_items", Json::array()}, {"claims", Json::array()}};
  return doc;
}

}  // namespace samplegen::grammar
