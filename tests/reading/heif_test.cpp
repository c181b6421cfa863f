// HEIC photos (what iPhones save) through libheif: made here with libheif's own encoder from the
// generator's photographed statement, they read as well as the JPEG they came from.
#include <gtest/gtest.h>
#include <leptonica/allheaders.h>
#include <libheif/heif.h>

#include <map>
#include <sstream>

#include "nlohmann/json.hpp"
#include "pipeline/app/runner.hpp"
#include "pipeline/reading/ingest.hpp"
#include "pipeline/reading/leptonica_pix.hpp"
#include "tests/heic_writer.hpp"
#include "tests/test_support.hpp"

namespace shoebox::ingest {
namespace {

using testing::EncodeHeic;

leptonica::PixPtr ReadPix(const std::string& bytes) {
  return leptonica::PixPtr(pixReadMem(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size()));
}

// The share of the truth's words (as a multiset) found among the words read.
double WordRecall(const std::string& truth, const std::vector<Page>& pages) {
  std::map<std::string, int> read;
  std::string word;
  for (const Page& page : pages) {
    for (std::istringstream in(page.text); in >> word;) ++read[word];
  }
  int hits = 0, total = 0;
  for (std::istringstream in(truth); in >> word; ++total) {
    if (read[word]-- > 0) ++hits;
  }
  return total == 0 ? 0 : static_cast<double>(hits) / total;
}

TEST(Heif, SniffedByItsBrand) {
  auto head = [](const char* brand) { return std::string("\0\0\0\x18" "ftyp", 8) + brand + std::string(4, '\0'); };
  EXPECT_EQ(SniffMediaType(head("heic")), MediaType::kHeic);
  EXPECT_EQ(SniffMediaType(head("mif1")), MediaType::kHeif);
  EXPECT_EQ(SniffMediaType(head("avif")), MediaType::kAvif);
  EXPECT_EQ(SniffMediaType(head("isom")), MediaType::kUnknown);  // an MP4 video
}

TEST(Heif, APhotoReadsAsWellAsTheJpegItCameFrom) {
  std::string jpeg = testing::ReadFile(testing::SamplesInbox() + "/E001-bill-photo.jpg");
  auto truth = nlohmann::json::parse(testing::ReadFile(testing::SamplesTruth() + "/E001-bill-photo.json"));
  std::string text = truth["pages"][0]["text"].get<std::string>();
  leptonica::PixPtr photo = ReadPix(jpeg);
  ASSERT_TRUE(photo);
  // Held turned: the pixels stored a quarter turn to the left, with the turn that puts them right.
  leptonica::PixPtr stored_turned(pixRotate90(photo.get(), -1));
  runner::Options options;
  options.second_look = false;
  std::unique_ptr<ocr::Engine> engine;
  SourceResult from_jpeg = runner::ProcessBytes("photo.jpg", jpeg, &engine, options);
  SourceResult upright = runner::ProcessBytes("photo.heic", EncodeHeic({photo.get()}), &engine, options);
  SourceResult turned = runner::ProcessBytes(
      "turned.heic", EncodeHeic({stored_turned.get()}, heif_orientation_rotate_90_cw), &engine, options);
  ASSERT_EQ(upright.status, SourceStatus::kDone) << upright.error;
  EXPECT_EQ(upright.media_type, "image/heic");
  ASSERT_EQ(turned.pages.size(), 1u);
  EXPECT_EQ(turned.pages[0].rotation_degrees, 0) << "libheif turned it; nothing was left to turn";
  double recall = WordRecall(text, from_jpeg.pages);
  EXPECT_GT(recall, 0.8);
  EXPECT_NEAR(WordRecall(text, upright.pages), recall, 0.01);
  EXPECT_NEAR(WordRecall(text, turned.pages), recall, 0.01);
}

TEST(Heif, EveryImageIsAPageThePrimaryFirst) {
  leptonica::PixPtr wide(pixCreate(300, 200, 8)), tall(pixCreate(200, 320, 8));
  pixSetAllArbitrary(wide.get(), 255);
  pixSetAllArbitrary(tall.get(), 255);
  auto source = Open(EncodeHeic({wide.get(), tall.get()}), Options{});
  ASSERT_TRUE(source) << source.error().message;
  ASSERT_EQ((*source)->PageCount(), 2);
  auto first = (*source)->LoadPage(0), second = (*source)->LoadPage(1);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->image.width, 300);
  EXPECT_EQ(second->image.height, 320);
  EXPECT_EQ(first->decoder, "libheif");
  EXPECT_EQ(first->image.at(150, 100), 255);
}

TEST(Heif, ATruncatedOrDamagedFileGetsAOneLineReason) {
  leptonica::PixPtr page(pixCreate(320, 240, 8));
  pixSetAllArbitrary(page.get(), 255);
  std::string heic = EncodeHeic({page.get()});
  auto truncated = Open(heic.substr(0, 40), Options{});
  ASSERT_FALSE(truncated);
  EXPECT_EQ(truncated.error().message.find("heif file is damaged or truncated"), 0u) << truncated.error().message;
  std::string damaged = heic;
  for (size_t i = damaged.size() / 2; i < damaged.size(); ++i) damaged[i] = static_cast<char>(0xff);
  auto opened = Open(damaged, Options{});
  std::string reason = opened ? ((*opened)->LoadPage(0) ? "" : (*opened)->LoadPage(0).error().message)
                              : opened.error().message;
  EXPECT_FALSE(reason.empty()) << "half the coded picture overwritten, yet it decoded";
  EXPECT_EQ(reason.find('\n'), std::string::npos);
}

}  // namespace
}  // namespace shoebox::ingest
