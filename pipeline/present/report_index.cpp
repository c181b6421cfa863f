// The report's index: what to do first across every account, then the accounts grouped by whose
// they are, each person with their plan year so far, then what belongs to no bill yet.
#include "pipeline/analysis/problems.hpp"
#include "pipeline/present/report_parts.hpp"

namespace shoebox::report {

std::string StartHere(const std::vector<findings::Problem>& problems,
                      const std::map<std::string, std::string>& page_of_document,
                      const std::map<std::string, std::string>& pre_screens, const std::string& today) {
  if (problems.empty()) return "";
  std::string html =
      "<h2>Start here</h2>\n<p>" + Html(findings::InAll(problems)) + ". The most pressing first.</p>\n<ol class=\"start\">\n";
  for (const findings::Problem& problem : problems) {
    std::string page;
    for (const std::string& id : problem.documents) {
      if (auto it = page_of_document.find(id); it != page_of_document.end() && page.empty()) page = it->second;
    }
    std::string line = Html(findings::InOneLine(problem, today));
    html += "<li><b>" + (page.empty() ? line : "<a href=\"" + page + "\">" + line + "</a>") + "</b><br>What to do: ";
    std::vector<std::string> steps = findings::StepsOf(problem);
    for (size_t i = 0; i < steps.size(); ++i) html += (i ? " Also: " : "") + Html(steps[i]);
    bool window = std::any_of(problem.reasons.begin(), problem.reasons.end(), [](const Finding* f) {
      return f->rule == FindingRule::kFinancialAssistanceWindow;
    });
    if (auto pre_screen = pre_screens.find(findings::Key(problem.account_number));
        window && pre_screen != pre_screens.end()) {
      html += "<br>" + Html(pre_screen->second);
    }
    html += "</li>\n";
  }
  return html + "</ol>\n";
}

std::string IndexPage(const IndexContents& index) {
  std::string title = index.person.empty() ? "Your medical paperwork" : "Medical paperwork of " + index.person;
  std::string html =
      Head() + "<title>" + Html(title) + "</title></head><body>\n<h1>" + Html(title) +
      "</h1><p class=\"meta\">Report of " + Html(index.today) + ": " + std::to_string(index.accounts) + " account(s), " +
      std::to_string(index.findings) + " finding(s)" +
      (index.checks == 0 ? "" : ", " + std::to_string(index.checks) + " thing(s) to check") +
      ". Open an account for its timeline, evidence, call sheet and letters.</p>\n";
  if (!index.papers) {
    html += "<p>No papers have been read into this database yet, so nothing has been checked: scan your papers first "
            "(<code>shoebox scan FOLDER</code>).</p>\n";
  }
  html += index.start_here + "<h2>Accounts</h2>\n";
  for (const IndexSection& section : index.sections) {
    html += "<h3 class=\"person\">" + Html(Or(section.person, "Patient not read")) + "</h3>\n";
    for (const findings::PlanYear& year : section.years) {
      html += "<p class=\"meta\">Plan year " + Html(year.year) + " so far, from the plan's notices: " +
              Html(findings::PlanYearWords(year)) + ".</p>\n";
    }
    html += "<table><tr><th>Provider</th><th>Account</th><th>Patient</th><th class=\"money\">Asked</th>"
            "<th>Nearest deadline</th><th>Findings</th></tr>\n" +
            section.rows + "</table>\n";
  }
  if (!index.others.empty()) html += "<h2>About paperwork with no bill yet</h2>\n" + index.others;
  return html + "</body></html>\n";
}

}  // namespace shoebox::report
