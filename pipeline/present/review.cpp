// review: what to look at on the paper, most important first (review.hpp).
#include "pipeline/present/review.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "pipeline/analysis/analysis.hpp"
#include "pipeline/analysis/findings.hpp"
#include "pipeline/core/image.hpp"
#include "pipeline/present/report.hpp"

namespace shoebox::review {
namespace {

// Findings by what waiting loses, as Start here ranks them: the nearest deadline first, then the
// money at stake, then the severity; check items after every finding.
std::vector<const Finding*> ByImportance(const std::vector<Finding>& found) {
  std::vector<const Finding*> ranked;
  for (const Finding& finding : found) ranked.push_back(&finding);
  std::stable_sort(ranked.begin(), ranked.end(), [](const Finding* a, const Finding* b) {
    auto rank = [](const Finding* f) {
      return std::make_tuple(f->to_check, f->deadline.empty(), f->deadline, -f->amount_cents.value_or(0),
                             -static_cast<int>(f->severity));
    };
    return rank(a) < rank(b);
  });
  return ranked;
}

}  // namespace

std::string Percent(double confidence) {
  char text[16];
  std::snprintf(text, sizeof text, "%.0f%%", 100 * confidence);
  return text;
}

Result<std::vector<Item>> Items(store::Database& db, const std::string& crops_dir) {
  auto analysis = findings::Analyse(db);
  if (!analysis) return analysis.error();
  auto found = db.LoadFindings();
  if (!found) return found.error();
  std::map<std::string, const StoredDocument*> by_id;
  for (const StoredDocument& d : analysis->documents) by_id[d.id] = &d;

  std::vector<Item> items;
  std::set<std::pair<std::string, std::string>> asked;  // (document, field) once
  auto ask = [&](const StoredDocument& d, const Field& field, const std::string& why) {
    if (!field.person.empty() || !asked.insert({d.id, field.name}).second) return;
    items.push_back({why, d.id, d.path, field.name, field.cents ? findings::Money(*field.cents) : field.text,
                     field.confidence, field.page, field.box_px, ""});
  };
  for (const Finding* finding : ByImportance(*found)) {
    std::string why = finding->to_check ? "to check before it can be said: " + finding->what_to_check
                                        : "'" + std::string(Title(finding->rule)) + "' rests on it";
    for (const std::string& id : finding->documents) {
      auto d = by_id.find(id);
      if (d == by_id.end()) continue;
      for (const std::string& name : findings::EvidenceFields(finding->rule)) {
        if (const Field* field = findings::FieldOf(d->second->document, name)) ask(*d->second, *field, why);
      }
    }
  }
  for (const StoredDocument& d : analysis->documents) {
    for (const Check& check : d.document.checks) {
      if (check.ok) continue;
      std::string words = check.name;
      std::replace(words.begin(), words.end(), '_', ' ');
      for (const Field& field : d.document.fields) {
        if (field.cents) ask(d, field, "its paper's figures do not add up (" + words + ")");
      }
    }
  }
  for (const StoredDocument& d : analysis->documents) {
    for (const Field& field : d.document.fields) {
      bool figure = field.cents.has_value() || field.name.find("date") != std::string::npos;
      if (figure && field.confidence < kUnsure) ask(d, field, "read only " + Percent(field.confidence) + " sure");
    }
  }

  if (crops_dir.empty()) return items;
  auto pages = db.LoadPages();  // every page's text too: only where crops are asked for
  if (!pages) return pages.error();
  ::mkdir(crops_dir.c_str(), 0700);
  std::map<std::pair<std::string, int>, report::PageReplay> replay;  // (path, page) → how it was read
  for (const store::StoredPage& page : *pages) {
    replay[{page.source_path, page.number}] = {page.source_path, page.number,
                                               page.text_source == TextSource::kTextLayer, page.dpi,
                                               page.rotation_degrees};
  }
  for (size_t i = 0; i < items.size(); ++i) {
    auto page = replay.find({items[i].path, items[i].page});
    if (page == replay.end()) continue;
    std::optional<std::string> png = report::EvidencePng(page->second, items[i].box);
    std::string path = crops_dir + "/review-" + std::to_string(i + 1) + ".png";
    if (png && WritePrivateFile(path, *png)) items[i].crop = path;
  }
  return items;
}

}  // namespace shoebox::review
