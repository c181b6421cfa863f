// report, call sheet and letters: what to say on the phone to the account's billing office or
// collector, with the account's own numbers, and the letters to send, ready to print.
#include <algorithm>

#include "pipeline/analysis/findings.hpp"
#include "pipeline/present/report_parts.hpp"

namespace shoebox::report {

using findings::Money;

namespace {

std::string Letter(const std::string& title, const std::string& to, const findings::Account& account,
                   const std::string& body, const std::string& today) {
  std::string from = Or(account.patient_name, "[your name]");
  return "<section class=\"letter\"><h2>Letter: " + Html(title) + "</h2>\n<p>" + Html(from) +
         "<br>[your address]</p>\n<p>" + Html(today) + "</p>\n<p>" + Html(to) + "</p>\n<p>Re: account " +
         Html(account.account_number) + ", patient " + Html(Or(account.patient_name, "[patient]")) + "</p>\n" + body +
         "<p>Sincerely,</p><p><br>" + Html(from) + "</p></section>\n";
}

}  // namespace

std::string CallSheet(const findings::Account& account, const AccountFigures& figures,
                      const std::vector<const Finding*>& mine) {
  std::string patient = Or(account.patient_name, "the patient");
  Cents target = figures.balance.value_or(0);
  if (figures.plan_says && *figures.plan_says < target) target = *figures.plan_says;
  bool collections = figures.letter != nullptr;
  // Lump sums: collections often settle at 30–50 %, providers at a 20–40 % reduction (50–60 % in
  // hardship); open low, know where to stop.
  Cents open = collections ? target * 30 / 100 : target * 50 / 100;
  Cents stop = collections ? target * 50 / 100 : target * 70 / 100;
  Cents monthly = (target + 11) / 12;
  std::string html = "<section class=\"sheet\"><h2>Call sheet</h2>\n";
  html +=
      "<p><b>Call:</b> " + Html(Or(account.provider_name, "the billing office")) +
      " billing office (the number is on the statement)." +
      (collections ? " For the collection account: " +
                         Html(Or(findings::TextOf(figures.letter->document, "collector_name"), "the collector")) + "."
                   : "") +
      "</p>\n";
  html += "<p><b>Opening:</b> \"Hello, I am calling about account " + Html(account.account_number) + " for " +
          Html(patient) + ". Before I pay anything, I need to go over the balance of " + Amount(figures.balance) +
          ".\"</p>\n";
  std::vector<std::string> questions;
  auto ask = [&](const std::string& question) {
    if (std::find(questions.begin(), questions.end(), question) == questions.end()) questions.push_back(question);
  };
  for (const Finding* finding : mine) {
    FindingRule rule = finding->rule;
    if (rule == FindingRule::kPrematureBill)
      ask("Has the claim been sent to my insurance, and when? Please hold the account until insurance has finished.");
    if (rule == FindingRule::kBalanceExceedsEob && figures.plan_says) {
      ask("My plan's Explanation of Benefits says I owe " + Money(*figures.plan_says) +
          ". Why does the statement ask for " + Amount(figures.balance) +
          "? Please apply the plan's adjustment and send a corrected statement.");
    }
    if (rule == FindingRule::kDuplicateCharge || rule == FindingRule::kBilledNotOnEob ||
        rule == FindingRule::kArithmeticMismatch) {
      ask("Please send me an itemized bill with every charge, date and code.");
    }
    if (rule == FindingRule::kDuplicateCharge) ask("The same charge appears twice: please remove the duplicate.");
    if (rule == FindingRule::kBilledNotOnEob)
      ask("Were all these charges sent to my insurance? Please send the ones that were not.");
    if (rule == FindingRule::kCollectionBeforeInsurance || rule == FindingRule::kCollectionAmountMismatch) {
      ask("Please recall this account from collections until insurance has finished and the balance is corrected.");
    }
    if (rule == FindingRule::kFinancialAssistanceWindow)
      ask("Do you have a financial-assistance program? Please send me the application.");
    if (rule == FindingRule::kClaimDenied)
      ask("My plan denied the claim and I am appealing: please do not bill me while the appeal is open.");
    if (rule == FindingRule::kStatementAfterSettlement)
      ask("We agreed a settlement in writing: please correct the statement to match it.");
  }
  ask("What is your name, and what is the reference number for this call?");
  html += "<p><b>Ask:</b></p><ul>\n";
  for (const std::string& question : questions) html += "<li>" + Html(question) + "</li>\n";
  html += "</ul>\n";
  if (target > 0) {
    html += "<p><b>If you decide to settle</b> (the amount owed is " + Money(target) +
            (figures.plan_says ? ", what the plan says you owe" : "") + "):</p><ul>\n" + "<li>Lump sum: offer <b>" +
            Money(open) + "</b> paid at once, in full settlement; go no higher than <b>" + Money(stop) +
            "</b>.</li>\n" + "<li>Or a payment plan: <b>" + Money(monthly) +
            "</b> a month for 12 months, with no interest and no fees.</li>\n" +
            "<li>If paying would be a hardship, say so: reductions are larger in hardship.</li></ul>\n";
  }
  html +=
      "<p><b>Before you pay anything:</b> get the agreement in writing (amount, \"paid in full\", no reporting to "
      "credit bureaus), and note the date, the name and the reference number. Then record it: "
      "<code>shoebox log agreement --account " +
      Html(account.account_number) + " --amount AMOUNT</code>.</p>\n";
  html +=
      "<p>Date of call: <span class=\"blank\"></span> Representative: <span class=\"blank\"></span> Reference: <span "
      "class=\"blank\"></span></p>\n";
  return html + "</section>\n";
}

std::string Letters(const findings::Account& account, const AccountFigures& figures,
                    const std::vector<const Finding*>& mine, const std::string& today) {
  auto has = [&](FindingRule rule) {
    return std::any_of(mine.begin(), mine.end(), [&](const Finding* f) { return f->rule == rule; });
  };
  std::string provider = Or(account.provider_name, "Billing office");
  std::string service = figures.first_service.empty() ? "" : " for services on " + figures.first_service;
  std::string letters = Letter(
      "request for an itemized bill", provider + ", billing office", account,
      "<p>Please send me an itemized statement of account " + Html(account.account_number) + Html(service) +
          ": every charge with its date of service, its CPT/HCPCS or revenue code, a description, the units and the "
          "amount, and every payment and adjustment applied, including my insurance's.</p>\n"
          "<p>Please do not send this account to collections while I review the itemized statement.</p>\n",
      today);
  if (has(FindingRule::kPrematureBill) || has(FindingRule::kCollectionBeforeInsurance)) {
    letters += Letter(
        "request to hold the account until insurance has finished", provider + ", billing office", account,
        "<p>The statement asks for " + Amount(figures.balance) + Html(service) +
            ", but my health plan has not finished processing the claim for these services. Please hold the account "
            "(no late fees, no collections, no credit reporting) until you have received the plan's payment and "
            "sent me a corrected statement.</p>\n<p>If the claim has not been filed, please file it with my "
            "plan.</p>\n",
        today);
  }
  if (figures.letter != nullptr) {
    const Document& l = figures.letter->document;
    std::string end = findings::TextOf(l, "validation_end_date");
    letters += Letter(
        "written dispute and request for validation",
        Or(findings::TextOf(l, "collector_name"), "The collection agency"), account,
        "<p>I dispute the debt your letter of " + Html(Or(findings::TextOf(l, "letter_date"), "[date]")) +
            " describes (reference " + Html(Or(findings::TextOf(l, "reference_number"), account.account_number)) +
            ", " + Amount(findings::CentsOf(l, "current_amount_cents")) + ")" +
            (end.empty() ? "" : ", within the validation period that ends " + Html(end)) +
            ". Please send me the name and address of the original creditor, an itemization of the debt, and proof "
            "that I owe it. Please stop collection until you have done so.</p>\n" +
            (figures.plan_says ? "<p>My health plan's Explanation of Benefits says I owe " + Money(*figures.plan_says) +
                                     " for these services; a copy is enclosed.</p>\n"
                               : std::string()),
        today);
  }
  if (has(FindingRule::kFinancialAssistanceWindow)) {
    letters +=
        Letter("request for a financial-assistance application", provider + ", financial assistance office", account,
               "<p>Please send me your financial-assistance (charity care) policy and application for account " +
                   Html(account.account_number) + Html(service) +
                   ". Please hold the account while my application is considered.</p>\n",
               today);
  }
  return letters;
}

}  // namespace shoebox::report
