// show: one stored document, read on its own, as text or as the export's entry for it.
#include "pipeline/present/show.hpp"

#include <algorithm>
#include <locale>
#include <sstream>
#include <tuple>

#include "pipeline/analysis/corrections.hpp"
#include "pipeline/analysis/findings.hpp"
#include "pipeline/present/export_document.hpp"

namespace shoebox::show {
namespace {

using exporter::Json;

// {"document": the export's entry, "matches": the matches it is in, "findings": those naming it,
//  "to_check": the check items naming it}.
Result<Json> Shown(store::Database& db, const std::string& id) {
  auto stored = findings::LoadCorrected(db, id);
  if (!stored) return stored.error();
  if (!*stored) return MakeError("show: no document is '" + id + "'");
  auto pages = db.LoadPages((*stored)->source_id);
  auto twins = db.LoadTwins();
  auto matches = db.LoadMatches();
  auto found = db.LoadFindings();
  if (!pages) return pages.error();
  if (!twins) return twins.error();
  if (!matches) return matches.error();
  if (!found) return found.error();
  std::vector<const store::StoredPage*> pages_of_source;
  for (const store::StoredPage& page : *pages) pages_of_source.push_back(&page);
  std::string duplicate_of;
  for (const Twin& twin : *twins) {
    if (twin.document_id == id) duplicate_of = twin.duplicate_of;
  }
  Json matched = Json::array(), findings_of = Json::array(), checks_of = Json::array();
  // Bill ↔ claim matches first, then letter ↔ bill, as the export lists them.
  for (bool claim_matches : {true, false}) {
    for (const Match& match : *matches) {
      if ((match.claim_ordinal >= 0) != claim_matches) continue;
      if (match.left_id == id) matched.push_back(exporter::MatchJson(match));
      if (match.right_id == id) matched.push_back(exporter::MatchJson(match));
    }
  }
  for (const Finding& finding : *found) {
    for (const std::string& member : finding.documents) {
      if (member != id) continue;
      if (finding.to_check) checks_of.push_back(exporter::CheckJson(finding));
      else findings_of.push_back(exporter::FindingJson(finding));
    }
  }
  return Json{{"document", exporter::DocumentJson(**stored, pages_of_source, duplicate_of)},
              {"matches", std::move(matched)},
              {"findings", std::move(findings_of)},
              {"to_check", std::move(checks_of)}};
}

// ", page 1, box [..]" for a field read off a page; nothing for one read from a file's data (FHIR),
// whose `read_by` names where in the data it was.
std::string WhereOnThePage(const Json& field) {
  if (field["page"] == 0) return "";
  return ", page " + field["page"].dump() + ", box " + field["bbox"].dump();
}

}  // namespace

Result<std::vector<store::DocumentSource>> FindDocuments(store::Database& db, const std::string& wanted) {
  auto documents = db.LoadDocumentSources();
  if (!documents) return documents.error();
  std::vector<store::DocumentSource> found;
  for (const store::DocumentSource& document : *documents) {
    const std::string& path = document.source_path;
    // The path as scanned, or the end of it (a name), or a longer path ending in it (an absolute
    // path given after a scan of a relative one).
    bool by_path = path == wanted || path.ends_with("/" + wanted) || wanted.ends_with("/" + path);
    if (document.document_id.starts_with(wanted) || by_path) found.push_back(document);
  }
  std::sort(found.begin(), found.end(), [](const store::DocumentSource& a, const store::DocumentSource& b) {
    return std::tie(a.source_path, a.first_page) < std::tie(b.source_path, b.first_page);
  });
  return found;
}

std::string PageList(const store::DocumentSource& document) {
  std::string list = "[";
  for (int n = document.first_page; n <= document.last_page; ++n) {
    list += (n > document.first_page ? "," : "") + std::to_string(n);
  }
  return list + "]";
}

Result<std::string> DocumentJson(store::Database& db, const std::string& document_id) {
  auto shown = Shown(db, document_id);
  if (!shown) return shown.error();
  return shown->dump(2) + "\n";
}

namespace {

// What the document is, where it came from, whether it is another copy, and its pages read
// without a word.
std::string Heading(const std::string& id, const Json& document) {
  std::ostringstream out;
  out << id << "  " << document["kind"].get<std::string>()
      << (document.contains("form") ? " (" + document["form"].get<std::string>() + ")" : "") << " (" << document["kind_confidence"].dump() << ")  "
      << document["source"]["path"].get<std::string>() << " pages " << document["source"]["pages"].dump() << '\n';
  if (document.contains("duplicate_of")) out << "another copy of " << document["duplicate_of"].get<std::string>() << '\n';
  for (const Json& page : document["pages"]) {
    if (page.contains("no_text")) out << "page " << page["number"].dump() << ": " << page["no_text"].get<std::string>() << '\n';
  }
  return out.str();
}

}  // namespace

Result<std::string> DocumentText(store::Database& db, const std::string& document_id) {
  auto shown = Shown(db, document_id);
  if (!shown) return shown.error();
  const Json& document = (*shown)["document"];
  const Json& matches = (*shown)["matches"];
  const Json& findings_of = (*shown)["findings"];
  const std::string& id = document_id;
  std::ostringstream out;
  out.imbue(std::locale::classic());
  auto value_text = [](const Json& value) {
    if (value.is_string()) return value.get<std::string>();
    return value.is_null() ? std::string("–") : value.dump();
  };
  auto money = [](const Json& value) {
    return value.is_number_integer() ? findings::Money(value.get<Cents>()) : std::string("–");
  };
  out << Heading(id, document) << "\nfields\n";
  for (const auto& [name, field] : document["fields"].items()) {
    out << "  " << name << " = " << (name.ends_with("_cents") ? money(field["value"]) : value_text(field["value"]))
        << "   (confidence " << field["confidence"].dump() << WhereOnThePage(field) << ")\n";
    if (field.contains("read_by")) out << "      read by " << field["read_by"].get<std::string>() << "\n";
    if (field.contains("person")) out << "      you " << field["person"].get<std::string>() << "\n";
  }
  if (!document["line_items"].empty()) {
    out << "\nline items\n";
    for (const Json& item : document["line_items"]) {
      out << "  " << value_text(item["date_of_service"]) << "  " << value_text(item["revenue_code"]) << "  "
          << value_text(item["code"]) << "  " << value_text(item["description"]) << "  x" << value_text(item["units"])
          << "  " << money(item["charge_cents"]) << '\n';
    }
  }
  for (const Json& claim : document["claims"]) {
    out << "\nclaim " << value_text(claim["claim_number"]) << "  " << value_text(claim["status"]) << "  "
        << value_text(claim["provider_name"]) << "  billed " << money(claim["billed_cents"]) << ", allowed "
        << money(claim["allowed_cents"]) << ", plan paid " << money(claim["plan_paid_cents"]) << ", you owe "
        << money(claim["patient_responsibility_cents"]) << '\n';
    for (const Json& line : claim["lines"]) {
      out << "  " << value_text(line["date_of_service"]) << "  " << value_text(line["code"]) << "  billed "
          << money(line["billed_cents"]) << ", allowed " << money(line["allowed_cents"]) << ", you owe "
          << money(line["patient_responsibility_cents"]);
      for (const Json& remark : line["remark_codes"]) out << "  " << remark.get<std::string>();
      if (line.contains("details")) {
        for (const auto& [name, value] : line["details"].items()) out << "  " << name << " " << value.get<std::string>();
      }
      out << '\n';
    }
  }
  out << "\nchecks\n";
  for (const Json& check : document["checks"]) {
    out << "  " << (check["ok"].get<bool>() ? "ok      " : "FAILED  ") << check["check"].get<std::string>() << '\n';
  }
  if (!matches.empty()) {
    out << "\nmatched with\n";
    for (const Json& match : matches) {
      for (const auto& [role, value] : match.items()) {
        if (value.is_string() && value != id && role != "claim_number") {
          out << "  " << role << " " << value.get<std::string>();
        }
      }
      out << "  (score " << match["score"].dump() << ")\n";
    }
  }
  if (!findings_of.empty()) {
    out << "\nfindings\n";
    for (const Json& finding : findings_of) {
      out << "  " << finding["severity"].get<std::string>() << "  " << finding["rule"].get<std::string>() << ": "
          << finding["summary"].get<std::string>() << '\n';
    }
  }
  const Json& checks_of = (*shown)["to_check"];
  if (!checks_of.empty()) {
    out << "\nto check (not findings)\n";
    for (const Json& check : checks_of) out << "  " << check["what_to_check"].get<std::string>() << '\n';
  }
  return out.str();
}

}  // namespace shoebox::show
