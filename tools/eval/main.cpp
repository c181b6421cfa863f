// eval: scores shoebox against a generated shoebox's truth. Runs the real CLI (scan into a fresh
// database, export --json) unless given an export, then compares document by document:
// classification, field exact match, line items (date + code + amount), claim figures, page word
// recall, orientation and skew. Prints a table by render mode and family, writes JSON, and exits 1
// when a metric falls below the committed floors.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tools/eval/eval.hpp"
#include "tools/eval/scores.hpp"
#include "pipeline/core/text.hpp"

namespace eval {

// Where the misses are listed (eval --misses), for working on the extractors.
std::ostream* g_misses = nullptr;
std::string g_current_file;

void NoteMiss(const std::string& what, const Json& expected, const Json& got) {
  if (g_misses != nullptr) *g_misses << g_current_file << "  " << what << "  expected " << expected.dump() << "  got " << got.dump() << '\n';
}

Json Share(long long hits, long long total) {
  return total == 0 ? Json(nullptr) : Json(std::round(10000.0 * static_cast<double>(hits) / total) / 10000);
}

bool SameValue(const Json& truth, const Json& got) {
  if (truth.is_null()) return got.is_null();
  if (truth.is_number_integer()) return got.is_number_integer() && got.get<long long>() == truth.get<long long>();
  if (truth.is_string()) return got.is_string() && shoebox::CollapseSpaces(got.get<std::string>()) == shoebox::CollapseSpaces(truth.get<std::string>());
  return truth == got;
}

}  // namespace eval

namespace {

using eval::g_current_file;
using eval::g_misses;
using eval::NoteMiss;
using eval::ScoreFindings;
using eval::SameValue;
using eval::Scores;
using eval::Slices;
using eval::StoredFields;
using eval::Tally;
namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;


// The set's episodes.json, or an empty object for a hand-made set without one.
Json ReadManifest(const std::string& set_dir) {
  std::ifstream in(set_dir + "/episodes.json");
  return in ? Json::parse(in) : Json::object();
}

// The set's truth files, in name order.
std::vector<fs::path> TruthFiles(const std::string& set_dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(set_dir + "/truth")) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// The words of a text, as recall counts them, for shoebox and the peers alike. Separators are no
// words (leader dots, dashed rules), and underscores are left out: a run of them is a blank to fill
// in ("Amount Enclosed: $____________"), drawn as a rule no OCR reads, so the word is its "$".
std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  std::string word;
  while (in >> word) {
    if (shoebox::IsSeparator(word)) continue;  // a leader's dots or a dashed rule: no reader's word
    std::erase(word, '_');
    if (!word.empty()) words.push_back(word);
  }
  return words;
}

// Share of the truth's words found in the recognised text (as a multiset).
std::pair<long long, long long> WordRecall(const std::string& truth, const std::string& got) {
  std::map<std::string, int> available;
  for (const std::string& word : Words(got)) ++available[word];
  long long hits = 0, total = 0;
  for (const std::string& word : Words(truth)) {
    ++total;
    auto it = available.find(word);
    if (it != available.end() && it->second > 0) --it->second, ++hits;
  }
  return {hits, total};
}

std::string ItemKey(const Json& item) {
  auto text = [&](const char* key) { return item.contains(key) && item[key].is_string() ? item[key].get<std::string>() : ""; };
  long long charge = item.contains("charge_cents") && item["charge_cents"].is_number() ? item["charge_cents"].get<long long>() : 0;
  return text("date_of_service") + "|" + text("code") + "|" + std::to_string(charge);
}

// A claim line counts when its date, code, every figure the notice prints and its other columns
// (a dental line's tooth) are right.
std::string ClaimLineKey(const Json& line) {
  std::string key;
  for (const char* name : {"date_of_service", "code", "billed_cents", "allowed_cents", "deductible_cents", "copay_cents",
                           "coinsurance_cents", "plan_paid_cents", "patient_responsibility_cents"}) {
    key += (line.contains(name) ? line[name].dump() : "null") + "|";
  }
  return key + line.value("details", Json::object()).dump();
}

// Multiset match of keys: (matched, truth count, got count), with the misses noted.
std::tuple<long long, long long, long long> MatchKeys(std::multiset<std::string> truth, std::multiset<std::string> got,
                                                      const std::string& what) {
  long long matched = 0, truth_count = static_cast<long long>(truth.size()), got_count = static_cast<long long>(got.size());
  for (const std::string& key : truth) {
    auto it = got.find(key);
    if (it != got.end()) {
      got.erase(it), ++matched;
    } else {
      NoteMiss(what, key, Json());
    }
  }
  for (const std::string& key : got) NoteMiss("extra " + what, Json(), key);
  return {matched, truth_count, got_count};
}

// The exported document of this file that shares the most pages with the truth document.
const Json* MatchDocument(const Json& expected, const std::vector<const Json*>& exported) {
  const Json* best = nullptr;
  int best_overlap = 0;
  for (const Json* document : exported) {
    int overlap = 0;
    for (const Json& page : expected["pages"]) {
      for (const Json& number : (*document)["source"]["pages"]) overlap += number == page ? 1 : 0;
    }
    if (overlap > best_overlap) best = document, best_overlap = overlap;
  }
  return best;
}

void ScoreDocument(const Json& expected, const Json* document, Scores& s) {
  s.classification.Add(document != nullptr && (*document)["kind"] == expected["kind"]);
  if (document == nullptr || (*document)["kind"] != expected["kind"]) NoteMiss("kind", expected["kind"], document ? (*document)["kind"] : Json());
  const Json empty = Json::object();
  const Json& fields = document ? (*document)["fields"] : empty;
  for (const auto& [name, value] : expected["fields"].items()) {
    bool hit = fields.contains(name) && SameValue(value, fields[name]["value"]);
    s.fields.Add(hit);
    s.field_by_name[name].Add(hit);
    if (!hit) NoteMiss(name, value, fields.contains(name) ? fields[name]["value"] : Json());
  }
  if (document != nullptr) s.stored_fields.Add(expected["fields"], fields);
  // Claims: each truth claim against the exported claim with its number (or, failing that, the
  // one in the same position).
  for (size_t c = 0; c < expected["claims"].size(); ++c) {
    const Json& claim = expected["claims"][c];
    const Json* got = nullptr;
    if (document) {
      const Json& claims = (*document)["claims"];
      for (const Json& candidate : claims) {
        if (candidate["claim_number"] == claim["claim_number"]) got = &candidate;
      }
      if (got == nullptr && c < claims.size()) got = &claims[c];
    }
    for (const auto& [name, value] : claim.items()) {
      if (name == "lines") continue;
      bool hit = got != nullptr && got->contains(name) && SameValue(value, (*got)[name]);
      s.claim_fields.Add(hit);
      if (!hit) NoteMiss("claim " + std::to_string(c) + " " + name, value, got != nullptr && got->contains(name) ? (*got)[name] : Json());
    }
  }
  std::multiset<std::string> truth_items, got_items;
  for (const Json& item : expected["line_items"]) truth_items.insert(ItemKey(item));
  if (document) {
    for (const Json& item : (*document)["line_items"]) got_items.insert(ItemKey(item));
  }
  auto [matched, truth_count, got_count] = MatchKeys(truth_items, got_items, "line item");
  s.item_recall.Add(matched, truth_count);
  s.item_precision.Add(matched, got_count);
  // Claim lines, where the truth itemizes a claim: against the lines of every exported claim.
  std::multiset<std::string> truth_lines, got_lines;
  for (const Json& claim : expected["claims"]) {
    for (const Json& line : claim.value("lines", Json::array())) truth_lines.insert(ClaimLineKey(line));
  }
  if (document && !truth_lines.empty()) {
    for (const Json& claim : (*document)["claims"]) {
      for (const Json& line : claim["lines"]) got_lines.insert(ClaimLineKey(line));
    }
  }
  auto [lines_matched, lines_truth, lines_got] = MatchKeys(truth_lines, got_lines, "claim line");
  s.claim_line_recall.Add(lines_matched, lines_truth);
  s.claim_line_precision.Add(lines_matched, lines_got);
}

Scores ScoreFile(const Json& truth, const std::vector<const Json*>& exported) {
  Scores s;
  s.files = 1;
  for (const Json& expected : truth["documents"]) ScoreDocument(expected, MatchDocument(expected, exported), s);
  s.fields_from_fax_header = eval::FieldsFromFaxHeader(truth, exported);
  for (const Json& page : truth["pages"]) {
    const Json* got = nullptr;
    for (const Json* document : exported) {
      for (const Json& p : (*document)["pages"]) {
        if (p["number"] == page["number"]) got = &p;
      }
    }
    auto [hits, total] = WordRecall(page["text"].get<std::string>(), got ? (*got)["text"].get<std::string>() : "");
    s.words.Add(hits, total);
    if (truth["render_mode"] == "born_digital") continue;  // nothing to turn or straighten
    s.orientation.Add(got != nullptr && (*got)["rotation"] == page["rotation"]);
    // A photo's tilt goes with its perspective, flattened before deskew: no skew to compare.
    if (got != nullptr && (*got)["skew_degrees"].is_number() && truth["render_mode"] != "photo") {
      // The generator records the angle it turned the content counter-clockwise; deskew reports
      // the angle it found with the same sign.
      s.skew_errors.push_back(std::abs((*got)["skew_degrees"].get<double>() - page["skew_degrees"].get<double>()));
    }
  }
  return s;
}

int RunCommand(const std::vector<std::string>& args, const std::string& log_path) {
  pid_t pid = fork();
  if (pid == 0) {
    FILE* log = std::fopen(log_path.c_str(), "a");
    if (log) dup2(fileno(log), STDOUT_FILENO), dup2(fileno(log), STDERR_FILENO);
    std::vector<char*> argv;
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

void PrintRow(const std::string& name, const Json& j) {
  auto cell = [](const Json& value) {
    std::ostringstream out;
    out.imbue(std::locale::classic());
    if (value.is_null()) out << std::setw(8) << "-";
    else out << std::setw(8) << std::fixed << std::setprecision(3) << value.get<double>();
    return out.str();
  };
  std::cout << std::left << std::setw(28) << name << std::right << std::setw(6) << j["files"].get<int>()
            << cell(j["classification"]) << cell(j["field_exact"]) << cell(j["field_precision"]) << cell(j["claim_field_exact"])
            << cell(j["line_item_recall"]) << cell(j["line_item_precision"]) << cell(j["claim_line_recall"])
            << cell(j["claim_line_precision"]) << cell(j["word_recall"])
            << cell(j["orientation"]) << cell(j["median_skew_error_degrees"]) << '\n';
}

// Word recall of another tool's plain text (TEXT_DIR/<file stem>.txt, all pages) against the truth,
// by render mode: how the peers (the tesseract command, ocrmypdf --sidecar) are measured beside us.
int ScoreTextDirectory(const std::string& set_dir, const std::string& text_dir) {
  std::map<std::string, Tally> by_mode;
  for (const fs::path& path : TruthFiles(set_dir)) {
    std::ifstream in(path);
    Json truth = Json::parse(in);
    fs::path text_path = fs::path(text_dir) / (fs::path(truth["file"].get<std::string>()).stem().string() + ".txt");
    if (!fs::exists(text_path)) continue;
    std::ifstream text_in(text_path);
    std::string text((std::istreambuf_iterator<char>(text_in)), std::istreambuf_iterator<char>());
    std::string expected;
    for (const Json& page : truth["pages"]) expected += page["text"].get<std::string>() + "\n";
    auto [hits, total] = WordRecall(expected, text);
    by_mode[truth["render_mode"].get<std::string>()].Add(hits, total);
    by_mode["overall"].Add(hits, total);
  }
  Json report = Json::object();
  for (const auto& [mode, tally] : by_mode) {
    report[mode] = std::round(tally.Rate() * 10000) / 10000;
    std::cout << std::left << std::setw(14) << mode << std::right << std::fixed << std::setprecision(3) << tally.Rate() << '\n';
  }
  std::cerr << report.dump() << '\n';
  return 0;
}

// Word recall of one truth text in another tool's text, or in all page text of a shoebox export:
// for pages that come with a plain-text truth and no generator (../shared/data/tesseract-pages).
int ScoreTruthText(const std::string& truth_path, const std::string& export_path, const std::string& text_path) {
  std::ifstream truth_in(truth_path);
  std::string truth((std::istreambuf_iterator<char>(truth_in)), std::istreambuf_iterator<char>());
  std::string got;
  if (!export_path.empty()) {
    std::ifstream in(export_path);
    Json exported = Json::parse(in, nullptr, false);
    if (exported.is_discarded()) {
      std::cerr << "eval: cannot read the export " << export_path << '\n';
      return 2;
    }
    for (const Json& document : exported["documents"]) {
      for (const Json& page : document["pages"]) got += page["text"].get<std::string>() + "\n";
    }
  } else {
    std::ifstream in(text_path);
    got.assign((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  auto [hits, total] = WordRecall(truth, got);
  std::cout << std::fixed << std::setprecision(3) << (total == 0 ? 0.0 : static_cast<double>(hits) / total) << '\n';
  return 0;
}

int Usage() {
  std::cerr << "usage: eval --set DIR [--shoebox PATH] [--export FILE] [--json OUT] [--floors FILE] [--jobs N] [--misses] [--keep-work]\n"
               "       eval --set DIR --text TEXT_DIR   (word recall of another tool's text files)\n"
               "       eval --truth-text TRUTH.txt (--export EXPORT.json | --text-file TEXT.txt)   (one page's recall)\n";
  return 1;
}

// Scans the set's inbox into a fresh database in a work folder beside it (so the run measures a
// first scan) and exports it; returns the export's path, or "" after saying why it failed.
std::string ScanAndExport(const std::string& set_dir, const std::string& shoebox, const std::string& jobs,
                          const std::string& work) {
  fs::create_directories(work);
  std::string db = work + "/eval.db", log = work + "/scan.log", export_path = work + "/export.json";
  std::vector<std::string> scan = {shoebox, "--db", db, "scan", "--no-progress", set_dir + "/inbox"};
  // Deadlines count from the day the generated shoebox was "opened", so findings are reproducible.
  Json manifest = ReadManifest(set_dir);
  if (manifest.contains("today")) scan.insert(scan.end(), {"--today", manifest["today"].get<std::string>()});
  if (!jobs.empty()) scan.insert(scan.end(), {"--jobs", jobs});
  int rc = RunCommand(scan, log);
  if (rc != 0 && rc != 2) {
    std::cerr << "eval: shoebox scan exited " << rc << " (log: " << log << ")\n";
    return "";
  }
  if (RunCommand({shoebox, "--db", db, "export", "--json", "--out", export_path}, log) != 0) {
    std::cerr << "eval: shoebox export failed (log: " << log << ")\n";
    return "";
  }
  return export_path;
}


// The report of one set against its export: overall, by render mode, by mode and family, findings.
Json ScoreSet(const std::string& set_dir, const Json& exported) {
  // Exported documents by source file name (the set's files have unique names).
  std::map<std::string, std::vector<const Json*>> by_file;
  for (const Json& document : exported["documents"]) {
    by_file[fs::path(document["source"]["path"].get<std::string>()).filename().string()].push_back(&document);
  }
  Slices slices;
  std::map<std::string, std::string> episode_of_document, paper_of_document;
  std::map<std::string, std::set<std::string>> episodes_of_split;
  std::set<std::string> held_out_episodes;
  eval::NotMedical not_medical_papers;
  std::ostream* misses = g_misses;
  long long hidden = 0;
  for (const fs::path& path : TruthFiles(set_dir)) {
    std::ifstream in(path);
    Json truth = Json::parse(in);
    std::string file = fs::path(truth["file"].get<std::string>()).filename().string();
    g_current_file = file;
    const std::vector<const Json*>& documents = by_file[file];
    // The paper a document is, whatever file it came in: the file's name less its render mode,
    // and the document's place in the file.
    std::string paper = fs::path(file).stem().string();
    std::string mode_suffix = "-" + truth["render_mode"].get<std::string>();
    if (paper.size() > mode_suffix.size() && paper.ends_with(mode_suffix)) paper.resize(paper.size() - mode_suffix.size());
    // A paper of no episode that is not medical (a receipt, an invoice, an agreement) is an episode
    // of its own in which nothing is expected: a finding on it is a false positive.
    bool not_medical = eval::NotMedical::Is(truth);
    if (not_medical) not_medical_papers.Add(truth, documents);
    std::string episode = not_medical ? "paper " + paper : truth["episode"].get<std::string>();
    for (size_t i = 0; i < documents.size(); ++i) {
      episode_of_document[(*documents[i])["id"].get<std::string>()] = episode;
      paper_of_document[(*documents[i])["id"].get<std::string>()] = paper + "#" + std::to_string(i);
    }
    // Held-out families are judged, never studied: their misses are not listed (docs/EVALUATION.md).
    std::string split = truth.value("split", "seen");
    std::ostringstream held_out_misses;
    g_misses = split == "held_out" && misses != nullptr ? &held_out_misses : misses;
    Scores scores = ScoreFile(truth, documents);
    g_misses = misses;
    std::string unlisted = held_out_misses.str();
    hidden += std::count(unlisted.begin(), unlisted.end(), '\n');
    slices.Add(truth, split, scores);
    if (!episode.empty()) {
      episodes_of_split["all"].insert(episode);
      if (split == "held_out") held_out_episodes.insert(episode);
    }
  }
  Json manifest = ReadManifest(set_dir);
  Json report;
  report["set"] = set_dir;
  report["overall"] = slices.overall.ToJson();
  // An episode is held out when any of its papers is of a held-out family; the misses of those
  // episodes' findings are not listed either.
  if (!held_out_episodes.empty()) g_misses = nullptr;
  report["findings"] = ScoreFindings(manifest, exported, episode_of_document, paper_of_document);
  report["not_medical"] = not_medical_papers.Score(exported);
  g_misses = misses;
  if (!held_out_episodes.empty()) {
    std::set<std::string> seen_episodes;
    for (const std::string& episode : episodes_of_split["all"]) {
      if (!held_out_episodes.count(episode)) seen_episodes.insert(episode);
    }
    report["findings_by_split"]["seen"] = ScoreFindings(manifest, exported, episode_of_document, paper_of_document, &seen_episodes);
    g_misses = nullptr;
    report["findings_by_split"]["held_out"] =
        ScoreFindings(manifest, exported, episode_of_document, paper_of_document, &held_out_episodes);
    g_misses = misses;
  }
  if (misses != nullptr && hidden > 0) *misses << "(" << hidden << " misses on held-out families not listed)\n";
  slices.Into(report);
  return report;
}

void PrintReport(const Json& report) {
  std::cout << std::left << std::setw(28) << "slice" << std::right << std::setw(6) << "files" << std::setw(8) << "class"
            << std::setw(8) << "fields" << std::setw(8) << "fieldP" << std::setw(8) << "claims" << std::setw(8) << "itemR" << std::setw(8) << "itemP"
            << std::setw(8) << "clineR" << std::setw(8) << "clineP" << std::setw(8) << "words" << std::setw(8) << "orient" << std::setw(8) << "skew°" << '\n';
  PrintRow("overall", report["overall"]);
  for (auto& [mode, j] : report["by_render_mode"].items()) PrintRow(mode, j);
  if (report.contains("by_split") && report["by_split"].size() > 1) {
    std::cout << '\n';
    for (auto& [split, j] : report["by_split"].items()) PrintRow(split, j);
    for (auto& [slice, j] : report["by_split_and_mode"].items()) PrintRow(slice, j);
  }
  if (report.contains("by_fax_strength")) {
    std::cout << '\n';
    for (auto& [slice, j] : report["by_fax_strength"].items()) PrintRow("fax " + slice, j);
    std::cout << "fields stored from a fax's transmission header: " << report["overall"]["fields_from_fax_header"] << '\n';
  }
  std::cout << '\n';
  for (auto& [family, j] : report["by_mode_and_family"].items()) PrintRow(family, j);
  std::cout << '\n';
  eval::PrintCalibration("overall", report["overall"]);
  if (report.contains("by_split") && report["by_split"].size() > 1) {
    for (auto& [split, j] : report["by_split"].items()) eval::PrintCalibration(split, j);
  }
  std::cout << "\nfindings: " << report["findings"].dump() << '\n';
  std::cout << "not medical: " << report["not_medical"].dump() << '\n';
  if (report.contains("findings_by_split")) {
    for (auto& [split, j] : report["findings_by_split"].items()) std::cout << "findings, " << split << ": " << j.dump() << '\n';
  }
}

// How many metrics of the report fall below their floor (or above a ceiling), each said on stderr;
// -1 when the floors cannot be read.
int CountBelowFloors(const Json& report, const std::string& floors_path) {
  Json floors;
  try {
    std::ifstream in(floors_path);
    floors = Json::parse(in, nullptr, true, true);
  } catch (const std::exception& error) {
    std::cerr << "eval: cannot read floors " << floors_path << ": " << error.what() << '\n';
    return -1;
  }
  int below = 0;
  auto hold = [&](const std::string& where, const std::string& metric, const Json& value, const Json& floor) {
    // Lower is better: the skew's error, findings on paperwork that is not medical, the documents
    // a file of it became.
    bool ceiling = metric == "median_skew_error_degrees" || where == "not_medical";
    if (!value.is_null() && (ceiling ? value.get<double>() <= floor.get<double>() : value.get<double>() >= floor.get<double>())) return;
    std::cerr << "eval: " << where << " " << metric << " = " << value.dump() << (ceiling ? ", above its ceiling " : ", below its floor ")
              << floor.dump() << '\n';
    ++below;
  };
  // Sections of slices (by_render_mode, by_split_and_mode, findings_by_split) and of metrics
  // (findings, not_medical).
  for (auto& [section, content] : floors.items()) {
    if (section.starts_with("_")) continue;
    if (section == "findings" || section == "not_medical") {
      for (auto& [metric, floor] : content.items()) {
        if (!metric.starts_with("_")) hold(section, metric, report[section].value(metric, Json()), floor);
      }
      continue;
    }
    for (auto& [slice, metrics] : content.items()) {
      if (!report.contains(section) || !report[section].contains(slice)) {
        std::cerr << "eval: floor for " << section << " " << slice << " but the set has no such files\n";
        ++below;
        continue;
      }
      for (auto& [metric, floor] : metrics.items()) {
        if (!metric.starts_with("_")) hold(slice, metric, report[section][slice].value(metric, Json()), floor);
      }
    }
  }
  return below;
}

}  // namespace

int main(int argc, char** argv) {
  std::string set_dir, shoebox, export_path, json_out, floors_path, jobs, text_dir, truth_text, text_file;
  bool keep_work = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (arg == "--set") set_dir = value();
    else if (arg == "--shoebox") shoebox = value();
    else if (arg == "--export") export_path = value();
    else if (arg == "--json") json_out = value();
    else if (arg == "--floors") floors_path = value();
    else if (arg == "--jobs") jobs = value();
    else if (arg == "--misses") g_misses = &std::cerr;
    else if (arg == "--keep-work") keep_work = true;
    else if (arg == "--text") text_dir = value();
    else if (arg == "--truth-text") truth_text = value();
    else if (arg == "--text-file") text_file = value();
    else return Usage();
  }
  if (!truth_text.empty() && (!export_path.empty() || !text_file.empty())) {
    return ScoreTruthText(truth_text, export_path, text_file);
  }
  if (set_dir.empty()) return Usage();
  if (shoebox.empty()) shoebox = (fs::path(argv[0]).parent_path() / "shoebox").string();
  if (!text_dir.empty()) return ScoreTextDirectory(set_dir, text_dir);

  std::string work;
  if (export_path.empty()) {
    work = fs::temp_directory_path() / ("shoebox-eval-" + std::to_string(getpid()));
    export_path = ScanAndExport(set_dir, shoebox, jobs, work);
    if (export_path.empty()) return 2;
  }
  Json exported;
  try {
    std::ifstream in(export_path);
    exported = Json::parse(in);
  } catch (const std::exception& error) {
    std::cerr << "eval: cannot read the export " << export_path << ": " << error.what() << '\n';
    return 2;
  }
  if (!work.empty() && !keep_work) {
    fs::remove_all(work);
  } else if (!work.empty()) {
    std::cerr << "eval: database and export kept in " << work << '\n';
  }
  Json report = ScoreSet(set_dir, exported);
  PrintReport(report);
  if (!json_out.empty()) std::ofstream(json_out) << report.dump(2) << '\n';
  if (floors_path.empty()) return 0;
  int below = CountBelowFloors(report, floors_path);
  if (below < 0) return 2;
  if (below > 0) return 1;
  std::cerr << "eval: every metric meets its floor (" << floors_path << ")\n";
  return 0;
}
