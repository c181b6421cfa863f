// samplegen CLI: writes a synthetic shoebox (inbox/ with the documents, truth/ with one truth file
// per document file, episodes.json with each episode's scenario and expected findings).
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "tools/samplegen/documents.hpp"
#include "tools/samplegen/grammar/grammar.hpp"

namespace {

using samplegen::Json;
using samplegen::RenderMode;

// Scenarios in rotation; clean episodes come every other time so most paperwork is in order.
const std::vector<std::string> kScenarios = {"clean", "premature_bill", "clean", "balance_exceeds_eob",
                                             "clean", "duplicate_charge", "clean", "claim_denied",
                                             "clean", "collection_before_insurance", "clean",
                                             "collection_amount_mismatch"};

int Usage() {
  std::cerr << "usage: samplegen --out DIR [--seed N] [--episodes N] [--others N] "
               "[--modes born_digital,scan,photo,fax,fhir] [--degraded-episodes K] [--batches N] [--blank-pages N] [--dental N] "
               "[--grammar-episodes N] [--grammar-first-family K] [--everyday N] [--today YYYY-MM-DD]\n";
  return 1;
}

bool WriteText(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

std::string Extension(RenderMode mode) {
  switch (mode) {
    case RenderMode::kBornDigital:
    case RenderMode::kScan: return ".pdf";
    case RenderMode::kPhoto: return ".jpg";
    case RenderMode::kFax: return ".tif";
    case RenderMode::kFhir: return ".json";
  }
  return "";
}

// Whether a document comes in a render mode: FHIR is what insurers' portals give, so only EOBs and
// MSNs come as it; every document comes on paper.
bool ComesIn(const samplegen::DocumentSpec& doc, RenderMode mode) {
  return mode != RenderMode::kFhir || doc.kind == "eob" || doc.kind == "msn";
}

struct Options {
  std::string out_dir;
  std::uint64_t seed = 1;
  int episodes = 12, others = 2, dental = 0;
  int grammar_episodes = 0;    // episodes whose papers come from the layout grammar's families
  // The grammar's families numbered from K on: 0 for the families CI measures; beyond them, families
  // of the same grammar no reading was written for, to develop on (docs/EVALUATION.md).
  int grammar_first_family = 0;
  int everyday = 0;            // papers that are not medical but worded like bills (grammar/everyday.cpp)
  int degraded_episodes = -1;  // render modes other than born_digital only for the first K episodes
  int batches = 0;             // the first N episodes also as one batch file (born-digital and scan)
  int blank_pages = 1;         // blank pages, each in every render mode
  std::string today = "2025-12-01";  // the day the shoebox is opened; findings' deadlines count from it
  std::vector<RenderMode> modes = {RenderMode::kBornDigital, RenderMode::kScan, RenderMode::kPhoto, RenderMode::kFax};
};

std::optional<Options> ParseOptions(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (arg == "--out") o.out_dir = value();
    else if (arg == "--seed") o.seed = std::stoull(value());
    else if (arg == "--episodes") o.episodes = std::stoi(value());
    else if (arg == "--others") o.others = std::stoi(value());
    else if (arg == "--dental") o.dental = std::stoi(value());
    else if (arg == "--grammar-episodes") o.grammar_episodes = std::stoi(value());
    else if (arg == "--grammar-first-family") o.grammar_first_family = std::stoi(value());
    else if (arg == "--everyday") o.everyday = std::stoi(value());
    else if (arg == "--degraded-episodes") o.degraded_episodes = std::stoi(value());
    else if (arg == "--batches") o.batches = std::stoi(value());
    else if (arg == "--today") o.today = value();
    else if (arg == "--blank-pages") o.blank_pages = std::stoi(value());
    else if (arg == "--modes") {
      o.modes.clear();
      std::stringstream list(value());
      std::string name;
      while (std::getline(list, name, ',')) {
        bool known = false;
        for (RenderMode mode :
             {RenderMode::kBornDigital, RenderMode::kScan, RenderMode::kPhoto, RenderMode::kFax, RenderMode::kFhir}) {
          if (name == samplegen::ToString(mode)) o.modes.push_back(mode), known = true;
        }
        if (!known) return std::nullopt;
      }
    } else {
      return std::nullopt;
    }
  }
  if (o.out_dir.empty()) return std::nullopt;
  return o;
}

// Writes the set: every document in every render mode it comes in, each file with its truth.
class SetWriter {
 public:
  explicit SetWriter(const Options& options) : o_(options), rng_(options.seed) {}

  void WriteAll() {
    for (int i = 0; i < o_.episodes; ++i) WriteEpisode(i);
    // Episodes in the layout grammar's families, with their own random draws so the rest of the
    // set is as without them.
    samplegen::Rng grammar_rng(o_.seed * 131 + 17);
    for (int i = 0; i < o_.grammar_episodes; ++i) WriteGrammarEpisode(i, grammar_rng);
    for (int i = 0; i < o_.others; ++i) {
      char stem[32];
      std::snprintf(stem, sizeof stem, "X%03d-other", i + 1);
      samplegen::DocumentSpec doc = samplegen::MakeOtherDocument(rng_);
      for (RenderMode mode : o_.modes) {
        if (mode != RenderMode::kBornDigital && o_.degraded_episodes >= 0 && i >= o_.degraded_episodes) continue;
        if (!ComesIn(doc, mode)) continue;
        Emit({doc}, stem, "", "other", mode);
      }
    }
    // Everyday paperwork through its families in turn, with its own random draws.
    samplegen::Rng everyday_rng(o_.seed * 61 + 3);
    for (int i = 0; i < o_.everyday; ++i) {
      char stem[32];
      std::snprintf(stem, sizeof stem, "Y%03d-everyday", i + 1);
      samplegen::grammar::Family family =
          samplegen::grammar::FamilyOf("everyday", o_.grammar_first_family + i % samplegen::grammar::FamilyCount("everyday"));
      EmitEachDocument({samplegen::grammar::DrawEveryday(family, everyday_rng, o_.today)}, i, "", "other", stem);
    }
    // Dental EOBs on their own, with their own random draws so the rest of the set is as without them.
    samplegen::Rng dental_rng(o_.seed * 31 + 7);
    for (int i = 0; i < o_.dental; ++i) {
      char stem[32];
      std::snprintf(stem, sizeof stem, "D%03d-dental_eob", i + 1);
      samplegen::DocumentSpec doc = samplegen::MakeDentalEob(dental_rng, o_.today);
      for (RenderMode mode : o_.modes) {
        if (ComesIn(doc, mode)) Emit({doc}, stem, "", "dental", mode);
      }
    }
    // A blank page, as sheet feeders and phones produce: it must come out as `other` with no words.
    for (int i = 0; i < o_.blank_pages; ++i) {
      char stem[32];
      std::snprintf(stem, sizeof stem, "Z%03d-blank", i + 1);
      samplegen::DocumentSpec blank;
      blank.kind = "other";
      blank.family = "blank_page";
      blank.layout = "A";
      blank.pages.emplace_back();
      blank.truth = {{"kind", "other"}, {"fields", Json::object()}, {"line_items", Json::array()}, {"claims", Json::array()}};
      for (RenderMode mode : o_.modes) {
        if (ComesIn(blank, mode)) Emit({blank}, stem, "", "other", mode);
      }
    }
  }

  void WriteManifest() const {
    Json manifest = {{"format", "shoebox-samples/1"}, {"seed", o_.seed}, {"today", o_.today}, {"episodes", episode_list_}};
    WriteText(o_.out_dir + "/episodes.json", manifest.dump(2) + "\n");
  }

  int files() const { return files_; }

 private:
  void WriteGrammarEpisode(int i, samplegen::Rng& rng) {
    char id[16];
    std::snprintf(id, sizeof id, "G%03d", i + 1);
    const std::string& scenario = kScenarios[static_cast<size_t>(i) % kScenarios.size()];
    bool medicare = scenario == "clean" && (i / 2) % 2 == 1;
    samplegen::Episode episode = samplegen::MakeEpisode(id, scenario, medicare, o_.today, rng);
    std::vector<samplegen::DocumentSpec> documents = samplegen::grammar::EpisodeDocuments(episode, o_.grammar_first_family, grammar_drawn_, rng);
    Json episode_files = EmitEachDocument(documents, i, id, scenario);
    ListEpisode(episode, episode_files);
  }

  // Each document in every render mode it comes in; the files by mode. `stem` names the files
  // where given, else the episode and the document's kind do.
  Json EmitEachDocument(const std::vector<samplegen::DocumentSpec>& documents, int i, const std::string& id,
                        const std::string& scenario, const std::string& stem_or_empty = "") {
    Json episode_files = Json::object();
    for (const samplegen::DocumentSpec& doc : documents) {
      std::string stem = stem_or_empty.empty() ? id + "-" + doc.kind : stem_or_empty;
      for (RenderMode mode : o_.modes) {
        if (mode != RenderMode::kBornDigital && o_.degraded_episodes >= 0 && i >= o_.degraded_episodes) continue;
        // Photos are taken one sheet at a time: a longer document comes as none (a fax sends it whole).
        if (mode == RenderMode::kPhoto && doc.pages.size() > 1) continue;
        if (!ComesIn(doc, mode)) continue;
        episode_files[samplegen::ToString(mode)].push_back(Emit({doc}, stem, id, scenario, mode));
      }
    }
    return episode_files;
  }

  void ListEpisode(const samplegen::Episode& episode, const Json& episode_files) {
    episode_list_.push_back({{"episode", episode.id}, {"scenario", episode.scenario},
                             {"provider_family", episode.provider_family}, {"files", episode_files},
                             {"expected_findings", episode.expected_findings}});
  }

  void WriteEpisode(int i) {
    char id[16];
    std::snprintf(id, sizeof id, "E%03d", i + 1);
    const std::string& scenario = kScenarios[static_cast<size_t>(i) % kScenarios.size()];
    // Every third clean episode is a Medicare patient's, so each set has MSNs.
    bool medicare = scenario == "clean" && (i / 2) % 3 == 2;
    samplegen::Episode episode = samplegen::MakeEpisode(id, scenario, medicare, o_.today, rng_);
    std::vector<samplegen::DocumentSpec> documents = samplegen::EpisodeDocuments(episode, rng_);
    // A hospital's own "final notice" states no validation period, so there is no window to flag.
    for (const samplegen::DocumentSpec& doc : documents) {
      if (doc.family != "final_notice") continue;
      auto& expected = episode.expected_findings;
      expected.erase(std::remove(expected.begin(), expected.end(), "collection_validation_window"), expected.end());
    }
    Json episode_files = EmitEachDocument(documents, i, id, scenario);
    if (i < o_.batches) {
      // The whole episode fed through a sheet feeder as one scan, with an unrelated page among it.
      documents.push_back(samplegen::MakeOtherDocument(rng_));
      for (RenderMode mode : o_.modes) {
        if (mode != RenderMode::kBornDigital && mode != RenderMode::kScan) continue;
        episode_files["batch_" + std::string(samplegen::ToString(mode))].push_back(
            Emit(documents, std::string(id) + "-batch", id, scenario, mode));
      }
    }
    ListEpisode(episode, episode_files);
  }

  // Renders one or more documents back to back into one file and writes its truth.
  std::string Emit(const std::vector<samplegen::DocumentSpec>& docs, const std::string& stem, const std::string& episode,
                   const std::string& scenario, RenderMode mode) {
    std::string name = stem + "-" + samplegen::ToString(mode) + Extension(mode);
    samplegen::Rng render_rng(o_.seed * 1000003 + static_cast<std::uint64_t>(files_));
    std::vector<samplegen::PageSpec> all_pages;
    Json documents = Json::array();
    for (const samplegen::DocumentSpec& doc : docs) {
      Json document = doc.truth;
      Json page_numbers = Json::array();
      for (const samplegen::PageSpec& page : doc.pages) {
        all_pages.push_back(page);
        page_numbers.push_back(all_pages.size());
      }
      document["pages"] = page_numbers;
      document["family"] = doc.family;
      document["split"] = doc.held_out ? "held_out" : "seen";
      documents.push_back(document);
    }
    Json pages = Json::array();
    if (mode == RenderMode::kFhir) {
      if (!WriteText(o_.out_dir + "/inbox/" + name, samplegen::FhirBundle(docs.at(0).truth).dump(2) + "\n")) {
        throw std::runtime_error("cannot write " + name);
      }
      documents[0]["pages"] = Json::array();
    } else {
      pages = samplegen::Render(all_pages, mode, render_rng, o_.out_dir + "/inbox/" + name);
    }
    Json truth = {{"format", "shoebox-truth/1"}, {"file", "inbox/" + name}, {"render_mode", samplegen::ToString(mode)},
                  {"family", docs.size() == 1 ? docs[0].family : "batch"}, {"layout", docs[0].layout},
                  {"split", docs.size() == 1 && docs[0].held_out ? "held_out" : "seen"},
                  {"episode", episode}, {"scenario", scenario}, {"documents", documents}, {"pages", pages}};
    std::string truth_name = name.substr(0, name.rfind('.')) + ".json";
    if (!WriteText(o_.out_dir + "/truth/" + truth_name, truth.dump(2) + "\n")) {
      throw std::runtime_error("cannot write truth for " + name);
    }
    ++files_;
    return name;
  }

  const Options& o_;
  samplegen::Rng rng_;
  Json episode_list_ = Json::array();
  std::map<std::string, int> grammar_drawn_;  // documents of each kind drawn by the layout grammar
  int files_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  std::optional<Options> options = ParseOptions(argc, argv);
  if (!options) return Usage();
  for (const std::string& dir : {options->out_dir, options->out_dir + "/inbox", options->out_dir + "/truth"}) {
    ::mkdir(dir.c_str(), 0755);
  }
  SetWriter writer(*options);
  try {
    writer.WriteAll();
  } catch (const std::exception& error) {
    std::cerr << "samplegen: " << error.what() << '\n';
    return 2;
  }
  writer.WriteManifest();
  std::cerr << "samplegen: wrote " << writer.files() << " file(s) to " << options->out_dir << "/inbox\n";
  return 0;
}
