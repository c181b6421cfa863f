// Makes the fuzz targets' seed corpora (tests/fuzz/corpus/<target>/) from the generator's papers in
// samples/inbox, small enough to keep in the repository:
//   make_corpus SAMPLES_INBOX CORPUS_DIR
// understanding: each born-digital sample's text layer laid out as printed text, the format
//   understanding_fuzz reads (a character a 16 px cell, a line a line, a form feed a page);
// image_ingest: two fax and two photo samples scaled down, as gray PNG, JPEG, one- and two-page G4 TIFF
//   and HEIC; pdf_ingest: the smallest born-digital samples as they are; fhir: a made ExplanationOfBenefit
//   and a Medicare bundle; values: amounts, dates, codes and Medicare numbers as paperwork prints them.
#include <leptonica/allheaders.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/reading/ingest.hpp"
#include "pipeline/reading/layout.hpp"
#include "pipeline/reading/leptonica_pix.hpp"
#include "tests/heic_writer.hpp"

namespace fs = std::filesystem;
using namespace shoebox;

namespace {

void Write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A text-layer page as printed text: one output line per line of words, each word at the column its
// left edge has on a page 170 characters wide, a space at least between words.
std::string PrintedText(const Page& page) {
  std::string text;
  for (const Line& line : layout::BuildLines(page.words, page.number)) {
    std::string row;
    for (const Word& word : line.words) {
      size_t column = static_cast<size_t>(word.box_px.x0) * 170 / std::max(1, page.width_px);
      if (!row.empty()) column = std::max(column, row.size() + 1);
      row.resize(column, ' ');
      row += word.text;
    }
    text += row + "\n";
  }
  return text;
}

std::string PixBytes(Pix* pix, int format) {
  l_uint8* data = nullptr;
  size_t size = 0;
  if (pixWriteMem(&data, &size, pix, format) != 0) return "";
  std::string bytes(reinterpret_cast<char*>(data), size);
  lept_free(data);
  return bytes;
}

void ImageSeeds(const fs::path& picture, const fs::path& out) {
  leptonica::PixPtr read(pixRead(picture.c_str()));
  if (!read) return;
  leptonica::PixPtr gray(pixConvertTo8(read.get(), 0));
  float scale = 240.0f / static_cast<float>(pixGetWidth(gray.get()));  // a few lines of large type
  leptonica::PixPtr small(pixScale(gray.get(), scale, scale));
  leptonica::PixPtr binary(pixThresholdToBinary(small.get(), 160));
  std::string stem = out / picture.stem().string();
  Write(stem + ".png", PixBytes(small.get(), IFF_PNG));
  Write(stem + ".jpg", PixBytes(small.get(), IFF_JFIF_JPEG));
  Write(stem + "-g4.tif", PixBytes(binary.get(), IFF_TIFF_G4));
  // Two pages in one TIFF, as fax software saves them.
  std::string two_pages = stem + "-2pages.tif";
  pixWriteTiff(two_pages.c_str(), binary.get(), IFF_TIFF_G4, "w");
  pixWriteTiff(two_pages.c_str(), binary.get(), IFF_TIFF_G4, "a");
  Write(stem + ".heic", testing::EncodeHeic({small.get()}));
}

nlohmann::json Adjudication(const char* code, double dollars) {
  return {{"category", {{"coding", {{{"system", "http://terminology.hl7.org/CodeSystem/adjudication"}, {"code", code}}}}}},
          {"amount", {{"value", dollars}, {"currency", "USD"}}}};
}

nlohmann::json MadeEob(const char* insurer, const char* claim_number) {
  return {{"resourceType", "ExplanationOfBenefit"}, {"id", claim_number}, {"outcome", "complete"}, {"status", "active"},
          {"identifier", {{{"type", {{"coding", {{{"code", "uc"}}}}}}, {"value", claim_number}}}},
          {"insurer", {{"display", insurer}}}, {"provider", {{"display", "Valley Clinic"}}},
          {"patient", {{"reference", "Patient/p1"}}}, {"created", "2025-03-20"},
          {"billablePeriod", {{"start", "2025-03-02"}, {"end", "2025-03-03"}}},
          {"item",
           {{{"sequence", 1}, {"servicedDate", "2025-03-02"},
             {"productOrService", {{"coding", {{{"code", "99213"}, {"display", "Office visit"}}}}}},
             {"modifier", {{{"coding", {{{"code", "25"}}}}}}}, {"quantity", {{"value", 1}}},
             {"adjudication", {Adjudication("submitted", 180), Adjudication("eligible", 95.5),
                               Adjudication("benefit", 76.4), Adjudication("copay", 19.1),
                               Adjudication("memberliability", 19.1),
                               {{"category", {{"coding", {{{"code", "denialreason"}}}}}},
                                {"reason", {{"coding", {{{"code", "45"}}}}}}}}}}}},
          {"total", {Adjudication("submitted", 180), Adjudication("benefit", 76.4), Adjudication("memberliability", 19.1)}}};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make_corpus SAMPLES_INBOX CORPUS_DIR\n";
    return 1;
  }
  fs::path inbox = argv[1], corpus = argv[2];
  leptonica::SilenceMessages();
  std::vector<fs::path> samples;
  for (const auto& entry : fs::directory_iterator(inbox)) samples.push_back(entry.path());
  std::sort(samples.begin(), samples.end());
  std::vector<fs::path> pdfs;
  int faxes = 0, photos = 0;
  for (const fs::path& sample : samples) {
    std::string name = sample.filename().string();
    if (name.ends_with("-born_digital.pdf")) {
      pdfs.push_back(sample);
      auto source = ingest::Open(ReadAll(sample), ingest::Options{});
      if (!source) continue;
      std::string text;
      for (int index = 0; index < (*source)->PageCount(); ++index) {
        auto page = (*source)->LoadPage(index);
        if (page) text += (index > 0 ? "\f" : "") + PrintedText(*page);
      }
      if (!text.empty()) Write(corpus / "understanding" / (sample.stem().string() + ".txt"), text);
    } else if ((name.ends_with("-fax.png") && faxes++ < 2) || (name.ends_with("-photo.jpg") && photos++ < 2)) {
      ImageSeeds(sample, corpus / "image_ingest");
    }
  }
  std::sort(pdfs.begin(), pdfs.end(), [](const fs::path& a, const fs::path& b) {
    return fs::file_size(a) < fs::file_size(b);
  });
  for (size_t i = 0; i < std::min<size_t>(pdfs.size(), 4); ++i) {
    Write(corpus / "pdf_ingest" / pdfs[i].filename(), ReadAll(pdfs[i]));
  }

  nlohmann::json patient = {{"resourceType", "Patient"}, {"id", "p1"},
                            {"name", {{{"given", {"Robin", "Q"}}, {"family", "Example"}}}}};
  Write(corpus / "fhir" / "eob.json", MadeEob("Example Health Plan", "CLM-2025-77").dump(1));
  Write(corpus / "fhir" / "medicare-bundle.json",
        nlohmann::json{{"resourceType", "Bundle"},
                       {"type", "searchset"},
                       {"entry", {{{"resource", MadeEob("CMS", "-10000930037921")}}, {{"resource", patient}}}}}
            .dump(1));

  const char* values[] = {"$1,840.00", "1 840.00", "(50.00)", "50.00 CR", "-$50", "$O.00", "$ 12.5O",
                          "03/04/2025", "3/4/25", "March 4, 2025", "Mar 04 2025", "2025-03-04", "04-MAR-2025",
                          "99284-25", "J1885 RT", "0450", "1EG4-TE5-MK76", "1EG4-TES-MK76",
                          "Amount Due $640.00 by 04/01/2025"};
  for (size_t i = 0; i < std::size(values); ++i) {
    Write(corpus / "values" / ("v" + std::to_string(i + 1)), values[i]);
  }
  std::cout << "corpora written under " << corpus << "\n";
  return 0;
}
