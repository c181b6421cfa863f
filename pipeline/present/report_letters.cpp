// report, call sheets and letters: what to say on the phone to the account's billing office or
// collector (and to the plan about a denied claim), with the account's own numbers, and the letters
// to send, ready to print. A call follows verify, correct, settle: while anything is unresolved it
// asks for the hold, the correction or the itemized bill, and names no settlement figure.
#include <algorithm>

#include "pipeline/analysis/findings.hpp"
#include "pipeline/analysis/poverty.hpp"
#include "pipeline/analysis/problems.hpp"
#include "pipeline/core/codes.hpp"
#include "pipeline/core/dates.hpp"
#include "pipeline/present/report_parts.hpp"

namespace shoebox::report {

using findings::Money;

namespace {

// What the assistance letter says of the household, where the person gave it: its size, its income
// against the poverty guideline, and what is enclosed to show them.
std::string HouseholdParagraph(const AccountFigures& figures) {
  if (figures.household == nullptr) return "";
  auto line = findings::PovertyGuideline(figures.bill_year, figures.household->size, figures.household->state);
  if (!line) return "";
  return "<p>My household is " + std::to_string(figures.household->size) + " people with an income of " +
         Money(figures.household->income_cents) + " a year, " +
         std::to_string(findings::PercentOfPoverty(figures.household->income_cents, *line)) + "% of the " +
         std::to_string(line->year) + " federal poverty guideline. I enclose proof of our income (recent pay stubs "
         "or last year's tax return).</p>\n";
}

// Whom a letter is to or from: a name, and the street and town the paper prints for it ("" where
// none was read).
struct Party {
  std::string name;
  std::string address;  // "418 Juniper Lane, Ashby, MO 63101"
};

// Who writes: the person the bills are addressed to (the guarantor), else the patient, at the address
// the papers are mailed to.
Party Sender(const findings::Account& account, const AccountFigures& figures) {
  return {Or(figures.guarantor, Or(account.patient_name, "[your name]")), figures.mailing_address};
}

// An address as a letter prints it: the street line(s), then the town ("Ashby, MO 63101", after the
// second comma from the end) on a line of its own.
std::string AddressHtml(const std::string& address) {
  size_t town = address.rfind(", ");
  if (town != std::string::npos && town > 0) town = address.rfind(", ", town - 1);
  std::string street = town == std::string::npos ? address : address.substr(0, town);
  std::string html;
  for (size_t from = 0; from <= street.size();) {
    size_t comma = street.find(", ", from);
    html += (html.empty() ? "" : "<br>") + Html(street.substr(from, comma == std::string::npos ? comma : comma - from));
    if (comma == std::string::npos) break;
    from = comma + 2;
  }
  return town == std::string::npos ? html : html + "<br>" + Html(address.substr(town + 2));
}

std::string Letter(const std::string& title, const Party& to, const std::string& re, const Party& from,
                   const std::string& body, const std::string& today) {
  return "<section class=\"letter\"><h2>Letter: " + Html(title) + "</h2>\n<p>" + Html(from.name) + "<br>" +
         (from.address.empty() ? "[your address]" : AddressHtml(from.address)) + "</p>\n<p>" +
         Html(DateInWords(today)) + "</p>\n<p>" + Html(to.name) +
         (to.address.empty() ? "" : "<br>" + AddressHtml(to.address)) + "</p>\n<p>Re: " + Html(re) + "</p>\n" +
         body + "<p>Sincerely,</p><p><br>" + Html(from.name) + "</p></section>\n";
}

std::string AccountLine(const findings::Account& account) {
  return "account " + account.account_number + ", patient " + Or(account.patient_name, "[patient]");
}

bool Has(const std::vector<const Finding*>& mine, FindingRule rule) {
  return std::any_of(mine.begin(), mine.end(), [&](const Finding* f) { return f->rule == rule; });
}

// What is still to be put right before any settlement is talked about; "" when nothing is.
std::string Unresolved(const std::vector<const Finding*>& mine) {
  if (Has(mine, FindingRule::kPrematureBill) || Has(mine, FindingRule::kCollectionBeforeInsurance) ||
      Has(mine, FindingRule::kEobMissing)) {
    return "insurance has finished with the claim";
  }
  if (Has(mine, FindingRule::kClaimDenied)) return "the plan has decided the appeal";
  for (const Finding* finding : mine) {
    if (finding->rule != FindingRule::kFinancialAssistanceWindow &&
        finding->rule != FindingRule::kCollectionValidationWindow) {
      return "the errors on the account are corrected";
    }
  }
  return "";
}

// A denied claim's reasons in words, from its lines' adjustment reason codes ("" when none is known).
std::string DenialWords(const Claim& claim) {
  std::vector<std::string> reasons;
  for (const ClaimLine& line : claim.lines) {
    for (const std::string& code : line.remark_codes) {
      std::string words = AdjustmentReasonWords(code);
      if (!words.empty() && std::find(reasons.begin(), reasons.end(), words) == reasons.end()) reasons.push_back(words);
    }
  }
  std::string text;
  for (const std::string& reason : reasons) text += (text.empty() ? "" : "; ") + reason;
  return text;
}

// The deadline the account's denied-claim finding gives, or "".
std::string AppealDeadline(const std::vector<const Finding*>& mine) {
  for (const Finding* finding : mine) {
    if (finding->rule == FindingRule::kClaimDenied && !finding->deadline.empty()) return finding->deadline;
  }
  return "";
}

// The questions the account's findings call for, each once.
std::vector<std::string> Questions(const AccountFigures& figures, const std::vector<const Finding*>& mine) {
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
  Cents asked = figures.collector_asks.value_or(0);
  if (figures.balance && asked > *figures.balance) {
    ask("The collector asks " + Money(asked) + " but the last statement asked " + Money(*figures.balance) +
        ": what is the " + Money(asked - *figures.balance) + " difference? Please itemize it.");
  }
  return questions;
}

// The written dispute to a collector, within its validation period; a difference between what it
// asks and the provider's last statement asked to be itemized.
std::string DisputeLetter(const findings::Account& account, const AccountFigures& figures, const Party& from,
                          const std::string& today) {
  const Document& l = figures.letter->document;
  std::string end = findings::TextOf(l, "validation_end_date");
  std::optional<Cents> asked = figures.collector_asks;
  bool more = asked && figures.balance && *asked > *figures.balance;
  return Letter(
      "written dispute and request for validation",
      {Or(findings::TextOf(l, "collector_name"), "The collection agency"), findings::TextOf(l, "sender_address")},
      AccountLine(account), from,
      "<p>I dispute the debt your letter of " + Html(DateInWords(Or(findings::TextOf(l, "letter_date"), "[date]"))) +
          " describes (reference " + Html(Or(findings::TextOf(l, "reference_number"), account.account_number)) + ", " +
          Amount(asked) + ")" +
          (end.empty() ? "" : ", within the validation period that ends " + Html(DateInWords(end))) +
          ". Please send me the name and address of the original creditor, an itemization of the debt, and proof "
          "that I owe it. Please stop collection until you have done so.</p>\n" +
          (more ? "<p>Your letter asks " + Money(*asked) + " where the provider's last statement asked " +
                      Money(*figures.balance) + ": please itemize the " + Money(*asked - *figures.balance) +
                      " difference (interest, fees or other charges).</p>\n"
                : std::string()) +
          (figures.plan_says ? "<p>My health plan's Explanation of Benefits says I owe " + Money(*figures.plan_says) +
                                   " for these services; a copy is enclosed.</p>\n"
                             : std::string()),
      today);
}

// The appeal of a denied claim to the plan, with the reason its notice gives and the deadline.
std::string AppealLetter(const findings::Account& account, const DeniedClaim& denied,
                         const std::vector<const Finding*>& mine, const Party& from, const std::string& today) {
  const Document& notice = denied.notice->document;
  std::string reason = DenialWords(*denied.claim), deadline = AppealDeadline(mine);
  Party member{Or(findings::TextOf(notice, "member_name"), from.name),
               Or(findings::TextOf(notice, "mailing_address"), from.address)};
  return Letter(
      "appeal of a denied claim", {Or(findings::TextOf(notice, "payer_name"), "Health plan") + ", appeals", ""},
      "claim " + denied.claim->claim_number + ", member ID " +
          Or(findings::TextOf(notice, "member_id"), "[member ID]") + ", patient " +
          Or(findings::TextOf(notice, "patient_name"), Or(account.patient_name, "[patient]")),
      member,
      "<p>I am appealing your decision to deny claim " + Html(denied.claim->claim_number) + " for care from " +
          Html(Or(denied.claim->provider_name, Or(account.provider_name, "the provider"))) +
          (denied.claim->service_date_from.empty() ? "" : " on " + Html(DateInWords(denied.claim->service_date_from))) +
          (reason.empty() ? "" : ". Your notice gives the reason as: " + Html(reason)) +
          ".</p>\n<p>Please review the claim again. I enclose the Explanation of Benefits, and I have asked the "
          "provider for the records and a letter that show why the care was needed. Please send me, free of "
          "charge, the plan rules and criteria used to decide the claim and every document relevant to it.</p>\n" +
          (deadline.empty()
               ? ""
               : "<p>This appeal is sent before the deadline of " + Html(DateInWords(deadline)) + ".</p>\n"),
      today);
}

}  // namespace

std::string CallSheet(const findings::Account& account, const AccountFigures& figures,
                      const std::vector<const Finding*>& mine) {
  std::string patient = Or(account.patient_name, "the patient");
  findings::Offer offer = findings::OfferFor(figures.balance, figures.plan_says, figures.letter != nullptr);
  Cents target = offer.target;
  std::string collector = figures.letter != nullptr
                              ? Or(findings::TextOf(figures.letter->document, "collector_name"), "the collector")
                              : "";
  std::string html = "<section class=\"sheet\"><h2>Call sheet</h2>\n";
  html += "<p><b>Call:</b> " + Html(Or(account.provider_name, "the billing office")) + " billing office " +
          (figures.phone.empty() ? "(the number is on the statement)"
                                 : "at <b>" + Html(figures.phone) + "</b> (printed on the statement)") +
          "." + (collector.empty() ? "" : " For the collection account: " + Html(collector) + ".") + "</p>\n";
  std::string asks;
  if (figures.balance) asks += " The statement asks " + Money(*figures.balance) + ".";
  if (figures.collector_asks) asks += " " + collector + " asks " + Money(*figures.collector_asks) + ".";
  html += "<p><b>1. Open:</b> \"Hello, I am calling to resolve account " + Html(account.account_number) + " for " +
          Html(patient) + "." + Html(asks) + "\"</p>\n";
  html +=
      "<p><b>2. Go over it:</b> \"Could you explain each charge on this account for me?\" Then pause, and let "
      "them explain.</p>\n";
  std::vector<std::string> questions = Questions(figures, mine);
  if (!questions.empty()) {
    html += "<ul>\n";
    for (const std::string& question : questions) html += "<li>" + Html(question) + "</li>\n";
    html += "</ul>\n";
  }
  std::string unresolved = Unresolved(mine);
  if (!unresolved.empty()) {
    html += "<p><b>3. Hold, do not settle yet:</b> \"Until " + Html(unresolved) +
            ", please put the account on hold: no late fees, no collections, no credit reporting.\" Offer no "
            "payment and no settlement on this call; call again once " +
            Html(unresolved) + ".</p>\n";
  } else if (target > 0) {
    // Lump sums: open low, know where to stop (findings::OfferFor).
    Cents open = offer.open, stop = offer.stop;
    html +=
        "<p><b>3. Ask what they can do:</b> \"What is the most you can reduce this by today?\" Ask too for a "
        "prompt-pay or self-pay discount, and for financial assistance or a hardship reduction if paying " +
        Money(target) + " would be hard." +
        (figures.pre_screen.empty() ? std::string() : " " + Html(figures.pre_screen)) + "</p>\n";
    html += "<p><b>4. Offer:</b> \"I can pay <b>" + Money(open) +
            "</b> today in full settlement.\" Go no higher "
            "than <b>" +
            Money(stop) + "</b>. Or a payment plan sized to what you can pay each month (" + Money(offer.monthly) +
            " a month clears " + Money(target) +
            " in a year): only with no interest and no fees, never on a medical credit card or a loan.</p>\n";
  }
  html += "<p><b>" + std::string(unresolved.empty() && target > 0 ? "5" : "4") +
          ". In writing:</b> \"Can you send me this agreement in writing before I pay?\" (the amount, \"paid in "
          "full\", no reporting to credit bureaus). If the answer is no, ask for a supervisor.</p>\n";
  html +=
      "<p>Note the date, the name and the reference number, then record the call: <code>shoebox log call "
      "--account " +
      Html(account.account_number) +
      " --rep NAME --reference REF</code>, and an agreement in "
      "writing with <code>shoebox log agreement --account " +
      Html(account.account_number) + " --amount AMOUNT</code>.</p>\n";
  html +=
      "<p>Date of call: <span class=\"blank\"></span> Representative: <span class=\"blank\"></span> Reference: "
      "<span class=\"blank\"></span></p>\n";
  return html + "</section>\n";
}

std::string PlanCallSheet(const AccountFigures& figures, const std::vector<const Finding*>& mine,
                          const std::string& today) {
  std::string html;
  std::string deadline = AppealDeadline(mine);
  for (const DeniedClaim& denied : figures.denied) {
    const Document& notice = denied.notice->document;
    std::string reason = DenialWords(*denied.claim);
    html +=
        "<section class=\"sheet\"><h2>Call sheet: the plan, about claim " + Html(denied.claim->claim_number) +
        "</h2>\n<p><b>Call:</b> " + Html(Or(findings::TextOf(notice, "payer_name"), "your plan")) +
        " member services (the number is on your insurance card and the Explanation of Benefits).</p>\n"
        "<p><b>Have ready:</b> member ID " +
        Html(Or(findings::TextOf(notice, "member_id"), "(on your card)")) + ", claim " +
        Html(denied.claim->claim_number) + ", date of service " +
        Html(Or(denied.claim->service_date_from, "(on the notice)")) +
        ".</p>\n<ul>\n"
        "<li>\"Why was this claim denied?\"" +
        (reason.empty() ? "" : " The notice's reason: " + Html(reason) + ".") +
        "</li>\n"
        "<li>\"Can the provider fix it by sending the claim again (a corrected code, missing information, an "
        "authorization)?\"</li>\n<li>\"How do I appeal, where do I send it, and by when?\"" +
        (deadline.empty() ? "" : " The usual deadline is " + Html(findings::DeadlineInWords(deadline, today)) + ".") +
        "</li>\n<li>\"What is your name, and the reference number for this call?\"</li>\n</ul>\n</section>\n";
  }
  return html;
}

std::string Practice(const rehearsal::CallFacts& facts) {
  return "<section class=\"practice\"><h2>Practise the call</h2>\n<p class=\"meta\">This page plays the billing "
         "office's rep, who knows this account's figures; after each thing you say, a coach says what to keep and "
         "what to change. Say \"bye\" to hear how it went. Nothing leaves this computer.</p>\n"
         "<div id=\"practice-log\"></div>\n<form id=\"practice-form\"><input id=\"practice-line\" size=\"60\" "
         "aria-label=\"What you would say\" placeholder=\"What you would say\"> <button>Say</button> <label><input "
         "type=\"checkbox\" id=\"practice-hard\"> A hard rep</label></form>\n"
         "<script type=\"application/json\" id=\"practice-data\">" +
         rehearsal::PracticeData(facts) + "</script>\n<script>" + std::string(rehearsal::PracticeScript()) +
         "</script></section>\n";
}

std::string Letters(const findings::Account& account, const AccountFigures& figures,
                    const std::vector<const Finding*>& mine, const findings::Settlement& settlement,
                    const std::string& today) {
  std::string provider = Or(account.provider_name, "Billing office");
  std::string service = figures.first_service.empty() ? "" : " for services on " + DateInWords(figures.first_service);
  Party from = Sender(account, figures);
  std::string re = AccountLine(account);
  auto office = [&](const std::string& which) { return Party{provider + ", " + which, figures.billing_address}; };
  std::string letters = Letter(
      "request for an itemized bill", office("billing office"), re, from,
      "<p>Please send me an itemized statement of account " + Html(account.account_number) + Html(service) +
          ": every charge with its date of service, its CPT/HCPCS or revenue code, a description, the units and the "
          "amount, and every payment and adjustment applied, including my insurance's.</p>\n" +
          (figures.letter != nullptr
               ? "<p>Please ask your collection agency to pause collection while I review the itemized statement.</p>\n"
               : "<p>Please do not send this account to collections while I review the itemized statement.</p>\n"),
      today);
  if (Has(mine, FindingRule::kPrematureBill) || Has(mine, FindingRule::kCollectionBeforeInsurance)) {
    letters += Letter(
        "request to hold the account until insurance has finished", office("billing office"), re, from,
        "<p>The statement asks for " + Amount(figures.balance) + Html(service) +
            ", but my health plan has not finished processing the claim for these services. Please hold the account "
            "(no late fees, no collections, no credit reporting) until you have received the plan's payment and "
            "sent me a corrected statement.</p>\n<p>If the claim has not been filed, please file it with my "
            "plan.</p>\n",
        today);
  }
  if (figures.letter != nullptr) letters += DisputeLetter(account, figures, from, today);
  for (const DeniedClaim& denied : figures.denied) letters += AppealLetter(account, denied, mine, from, today);
  const Note* agreed = settlement.agreement;
  letters += Letter(
      "please confirm our agreement in writing", office("billing office"), re, from,
      "<p>On " + Html(agreed ? DateInWords(agreed->noted_on) : "[date of the call]") + " I spoke with " +
          Html(agreed ? Or(agreed->representative, "[name]") : "[name]") + " (reference " +
          Html(agreed ? Or(agreed->reference, "[reference]") : "[reference]") + "), who agreed that account " +
          Html(account.account_number) + " will be settled in full for " +
          Html(agreed ? Money(*agreed->amount_cents) : "$[amount]") +
          ".</p>\n<p>Please confirm in writing that this payment settles the account in full, that no further "
          "balance will be billed or passed to a collection agency, and that nothing about it will be reported to "
          "the credit bureaus. I will pay once I have your written confirmation.</p>\n",
      today);
  if (Has(mine, FindingRule::kFinancialAssistanceWindow)) {
    letters +=
        Letter("request for a financial-assistance application", office("financial assistance office"), re, from,
               "<p>Please send me your financial-assistance (charity care) policy and application for account " +
                   Html(account.account_number) + Html(service) +
                   ". Please hold the account while my application is considered.</p>\n" + HouseholdParagraph(figures),
               today);
  }
  return letters;
}

}  // namespace shoebox::report
