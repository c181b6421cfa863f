// prepare and ocr with the real engines: a page turned by a known angle is recovered, and the
// recognised words carry boxes and confidences in [0, 1].
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <filesystem>
#include <vector>

#include "pipeline/reading/ingest.hpp"
#include "pipeline/reading/leptonica_pix.hpp"
#include "pipeline/reading/ocr.hpp"
#include "pipeline/reading/prepare.hpp"
#include "pipeline/reading/second_look.hpp"
#include "tests/test_support.hpp"

namespace shoebox {
namespace {

// A clean rendering of a born-digital sample (its text layer ignored so it is drawn as an image).
Page RenderedSample(int dpi) {
  ingest::Options options;
  options.render_dpi = dpi;
  options.min_text_layer_chars = 1 << 30;
  auto source = ingest::Open(testing::ReadFile(testing::SamplesInbox() + "/E004-bill-born_digital.pdf"), options);
  EXPECT_TRUE(source);
  auto page = (*source)->LoadPage(0);
  EXPECT_TRUE(page);
  return std::move(page).value();
}

std::unique_ptr<ocr::Engine> Tesseract() {
  auto engine = ocr::MakeTesseractEngine({});
  EXPECT_TRUE(engine) << engine.error().message;
  return std::move(engine).value();
}

// A 3 px square of grey ink at (x, y): a printed full stop as a scan leaves it.
void Dot(GrayImage& image, int x, int y, std::uint8_t shade) {
  for (int dy = 0; dy < 3; ++dy) {
    for (int dx = 0; dx < 3; ++dx) image.pixels[static_cast<size_t>(y + dy) * image.width + x + dx] = shade;
  }
}

TEST(EraseLeaderDots, RunsOfDotsGoAndFullStopsAndEllipsesStay) {
  GrayImage image = MakeGrayImage(800, 120);
  for (int i = 0; i < 30; ++i) Dot(image, 100 + 8 * i, 50, 150);  // a leader, grey as on a scan
  for (int i = 0; i < 20; ++i) Dot(image, 100 + 8 * i, 90, 0);    // a leader printed black
  for (int i = 0; i < 3; ++i) Dot(image, 600 + 8 * i, 50, 0);     // an ellipsis
  Dot(image, 700, 50, 0);                                         // a full stop
  for (int y = 30; y < 54; ++y) image.pixels[static_cast<size_t>(y) * image.width + 80] = 0;  // a letter's stroke
  std::vector<BoxPx> marks = prepare::FindMarks(image);  // at mid-grey: the black dots, not the grey
  size_t marks_before = marks.size();
  EXPECT_EQ(prepare::EraseLeaderDots(image, marks, 300), 50);
  EXPECT_EQ(image.at(101, 51), 255);  // the grey leader's first dot and its last
  EXPECT_EQ(image.at(100 + 8 * 29 + 1, 51), 255);
  EXPECT_EQ(image.at(101, 91), 255);
  EXPECT_EQ(image.at(601, 51), 0);
  EXPECT_EQ(image.at(701, 51), 0);
  EXPECT_EQ(image.at(80, 40), 0);
  EXPECT_EQ(marks.size(), marks_before - 20);  // the erased dots are no marks for the second look
}

// Ink of `shade` over [x0, x1) × [y0, y1).
void Fill(GrayImage& image, int x0, int y0, int x1, int y1, std::uint8_t shade) {
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) image.pixels[static_cast<size_t>(y) * image.width + x] = shade;
  }
}

TEST(EraseRuledLines, RulesAndTheirPiecesGoLettersBarsAndStrokesOnTheRuleStay) {
  GrayImage image = MakeGrayImage(900, 240);
  Fill(image, 50, 100, 850, 103, 150);   // a grey rule, 3 px, across
  Fill(image, 860, 100, 880, 103, 150);  // a piece of it past a break
  Fill(image, 20, 10, 22, 230, 0);       // a rule down the page
  Fill(image, 400, 70, 404, 100, 0);     // a stroke standing on the rule (a descender's foot)
  Fill(image, 50, 150, 850, 170, 0);     // a black bar: no rule
  for (int x = 60; x < 840; x += 14) Fill(image, x, 200, x + 9, 213, 0);  // a line of letters
  EXPECT_EQ(prepare::EraseRuledLines(image, 300), 2);
  EXPECT_EQ(image.at(100, 101), 255);  // the rule
  EXPECT_EQ(image.at(870, 101), 255);  // its piece
  EXPECT_EQ(image.at(21, 50), 255);    // the rule down the page
  EXPECT_LT(image.at(401, 101), 255);  // under the stroke, the rule stays the stroke's
  EXPECT_EQ(image.at(401, 80), 0);
  EXPECT_EQ(image.at(400, 160), 0);    // the bar
  EXPECT_EQ(image.at(61, 205), 0);     // the letters
}

// A grey as a fax machine's halftone mode sends it: black dots on paper, `share` of them black.
void Dither(GrayImage& image, int x0, int y0, int x1, int y1, double share) {
  int step = static_cast<int>(std::lround(1 / share));
  for (int y = y0; y < y1; ++y) {
    for (int x = x0 + (y % 2) * step / 2; x < x1; x += step) image.pixels[static_cast<size_t>(y) * image.width + x] = 0;
  }
}

// Mean and spread of a region's grey levels.
std::array<double, 2> MeanAndSpread(const GrayImage& image, int x0, int y0, int x1, int y1) {
  double sum = 0, squares = 0, n = 0;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) sum += image.at(x, y), squares += image.at(x, y) * image.at(x, y), ++n;
  }
  double mean = sum / n;
  return {mean, std::sqrt(squares / n - mean * mean)};
}

TEST(Descreen, DotsBecomeTheirGreyTypeStaysDarkSpecksGo) {
  GrayImage image = MakeGrayImage(600, 300);
  Dither(image, 50, 50, 550, 150, 0.125);   // a shaded row
  Fill(image, 100, 80, 104, 120, 0);        // a stroke of type on it
  Fill(image, 100, 200, 104, 240, 0);       // a stroke on paper
  Fill(image, 300, 220, 301, 221, 0);       // a speck of dust
  Fill(image, 400, 220, 403, 223, 0);       // a full stop
  auto before = MeanAndSpread(image, 200, 60, 500, 140);
  prepare::Descreen(image, 204);
  auto after = MeanAndSpread(image, 200, 60, 500, 140);
  EXPECT_NEAR(after[0], before[0], 12);     // the same grey on average…
  EXPECT_LT(after[1], before[1] / 4);       // …without its dots
  EXPECT_LT(image.at(101, 100), 100);       // the type on it
  EXPECT_LT(image.at(101, 220), 100);       // the type on paper
  EXPECT_EQ(image.at(300, 220), 255);       // the speck
  EXPECT_LT(image.at(401, 221), 128);       // the full stop
}

TEST(InvertDarkBands, WhiteTypeOnABandTurnsBlackOnPaperTypeAndRulesStay) {
  GrayImage image = MakeGrayImage(900, 400);
  Fill(image, 50, 40, 850, 90, 70);         // a dark band…
  for (int x = 80; x < 800; x += 120) Fill(image, x, 55, x + 50, 75, 255);  // …with white type on it
  for (int x = 60; x < 840; x += 14) Fill(image, x, 200, x + 9, 226, 0);   // a line of black type
  Fill(image, 50, 226, 850, 229, 0);        // underlined
  Fill(image, 50, 300, 850, 380, 0);        // a black block with nothing in it
  EXPECT_EQ(prepare::InvertDarkBands(image, 300), 1);
  EXPECT_GT(image.at(60, 45), 128);         // the band is light
  EXPECT_LT(image.at(100, 65), 128);        // its type dark
  EXPECT_EQ(image.at(61, 210), 0);          // the black type as it was
  EXPECT_EQ(image.at(71, 210), 255);
  EXPECT_EQ(image.at(400, 340), 0);         // the block as it was
}

TEST(InvertDarkBands, AShadowIsNoBand) {
  GrayImage image = MakeGrayImage(900, 400);
  Fill(image, 0, 0, 900, 400, 110);         // paper in a shadow, darker than mid-grey
  for (int x = 60; x < 840; x += 14) Fill(image, x, 200, x + 9, 226, 20);  // type in it
  GrayImage before = image;
  EXPECT_EQ(prepare::InvertDarkBands(image, 300), 0);
  EXPECT_EQ(image.pixels, before.pixels);
}

TEST(RotateClockwise, FourQuarterTurnsGiveTheOriginal) {
  GrayImage image = MakeGrayImage(3, 2);
  image.pixels = {1, 2, 3, 4, 5, 6};
  GrayImage turned = prepare::RotateClockwise(image, 90);
  EXPECT_EQ(turned.width, 2);
  EXPECT_EQ(turned.height, 3);
  EXPECT_EQ(turned.pixels, (std::vector<std::uint8_t>{4, 1, 5, 2, 6, 3}));
  GrayImage back = image;
  for (int i = 0; i < 4; ++i) back = prepare::RotateClockwise(back, 90);
  EXPECT_EQ(back.pixels, image.pixels);
}

// At 150 dpi the page is searched as it is; at 300 dpi, halved.
TEST(Deskew, RecoversAKnownSkew) {
  for (int dpi : {150, 300}) {
    Page page = RenderedSample(dpi);
    leptonica::PixPtr upright = leptonica::ToPix(page.image);
    for (double clockwise_degrees : {-6.0, -2.5, 1.0, 4.0}) {
      leptonica::PixPtr turned(pixRotate(upright.get(), static_cast<float>(clockwise_degrees * M_PI / 180),
                                         L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
      prepare::Skew found;
      GrayImage straight = prepare::Deskew(leptonica::ToGrayImage(turned.get()), dpi, 15, &found);
      // The skew is reported counter-clockwise positive, as the sample generator records it.
      EXPECT_NEAR(found.angle_degrees, -clockwise_degrees, 0.2) << "turned " << clockwise_degrees << " at " << dpi;
      EXPECT_GT(found.confidence, 0.3);
      EXPECT_TRUE(found.removed);
      prepare::Skew residual;
      prepare::Deskew(straight, dpi, 15, &residual);
      EXPECT_NEAR(residual.angle_degrees, 0, 0.2);
    }
  }
}

// The centre of the dark pixels inside [x0, x1) × [y0, y1).
std::array<double, 2> InkCentre(const GrayImage& image, int x0, int y0, int x1, int y1) {
  double sx = 0, sy = 0, n = 0;
  for (int y = std::max(0, y0); y < std::min(image.height, y1); ++y) {
    for (int x = std::max(0, x0); x < std::min(image.width, x1); ++x) {
      if (image.pixels[static_cast<size_t>(y) * image.width + x] < 128) sx += x, sy += y, ++n;
    }
  }
  return {n > 0 ? sx / n : -1, n > 0 ? sy / n : -1};
}

// Preparation records where the prepared page came from: a mark found in the skewed page, carried
// through the recorded transform, lands where the mark is found in the straightened one; and back.
TEST(Prepare, RecordsTheTransformFromTheOriginalPage) {
  GrayImage page_image = MakeGrayImage(1275, 1650);
  auto fill = [&](int x0, int y0, int w, int h) {
    for (int y = y0; y < y0 + h; ++y) {
      for (int x = x0; x < x0 + w; ++x) page_image.pixels[static_cast<size_t>(y) * page_image.width + x] = 0;
    }
  };
  for (int row = 0; row < 30; ++row) {  // lines of letter-sized marks
    for (int x = 150; x < 1100; x += 14) fill(x, 300 + row * 30, 9, 13);
  }
  fill(900, 1400, 16, 16);  // the mark, alone on its part of the page
  leptonica::PixPtr upright = leptonica::ToPix(page_image);
  leptonica::PixPtr turned(pixRotate(upright.get(), static_cast<float>(3.0 * M_PI / 180), L_ROTATE_AREA_MAP,
                                     L_BRING_IN_WHITE, 0, 0));
  Page page;
  page.text_source = TextSource::kOcr;
  page.dpi = 150;
  page.image = leptonica::ToGrayImage(turned.get());
  std::array<double, 2> before = InkCentre(page.image, 750, 1250, 1150, 1600);
  prepare::Options options;
  options.flatten_photos = false;
  options.normalize_background = false;
  options.detect_orientation = false;
  Page prepared = prepare::Prepare(std::move(page), nullptr, options);
  ASSERT_GT(std::fabs(prepared.skew_degrees), 2.5);
  std::array<double, 2> after = InkCentre(prepared.image, 750, 1250, 1150, 1600);
  std::array<double, 2> carried = prepared.original_to_prepared.Apply(before[0], before[1]);
  EXPECT_NEAR(carried[0], after[0], 3);
  EXPECT_NEAR(carried[1], after[1], 3);
  std::array<double, 2> back = prepared.original_to_prepared.Inverse().Apply(after[0], after[1]);
  EXPECT_NEAR(back[0], before[0], 3);
  EXPECT_NEAR(back[1], before[1], 3);
  // A quarter turn maps corners to corners.
  Homography turn = Homography::QuarterTurns(90, 300, 200);
  EXPECT_NEAR(turn.Apply(0, 0)[0], 199, 1e-9);
  EXPECT_NEAR(turn.Apply(299, 0)[1], 299, 1e-9);
}

TEST(Prepare, TurnsASidewaysPageUpright) {
  auto engine = Tesseract();
  Page upright = RenderedSample(200);
  for (int turn : {90, 180, 270}) {
    Page page = upright;
    page.image = prepare::RotateClockwise(upright.image, turn);
    Page prepared = prepare::Prepare(std::move(page), engine.get(), {});
    EXPECT_EQ(prepared.rotation_degrees, (360 - turn) % 360) << "page turned " << turn << " degrees";
    EXPECT_EQ(prepared.image.width, upright.image.width);
  }
}

// At 200 dpi as the page is; at 300, halved.
TEST(DetectOrientationFromLetterShapes, NamesTheTurnBackForEachQuarterTurn) {
  for (int dpi : {200, 300}) {
    Page upright = RenderedSample(dpi);
    for (int turn : {0, 90, 180, 270}) {
      GrayImage turned = prepare::RotateClockwise(upright.image, turn);
      auto found = prepare::DetectOrientationFromLetterShapes(turned, dpi);
      ASSERT_TRUE(found) << "page turned " << turn << " degrees at " << dpi;
      EXPECT_EQ(found->rotate_clockwise_degrees, (360 - turn) % 360) << "page turned " << turn << " degrees";
      EXPECT_GT(found->confidence, 0.5);
    }
  }
}

TEST(DetectOrientationFromLetterShapes, IsUnsureOfABlankPage) {
  EXPECT_FALSE(prepare::DetectOrientationFromLetterShapes(MakeGrayImage(1700, 2200, 255), 200));
}

TEST(Prepare, ScalesA600DpiPageDownTo300) {
  Page page = RenderedSample(600);
  int width = page.image.width;
  Page prepared = prepare::Prepare(std::move(page), nullptr, {});
  EXPECT_EQ(prepared.dpi, 300);
  EXPECT_NEAR(prepared.image.width, width / 2, 2);
}

TEST(LooksLikePicture, NoiseAndHalftoneAreTextIsNot) {
  GrayImage noise = MakeGrayImage(1700, 2200), halftone = MakeGrayImage(1700, 2200);
  std::uint32_t state = 12345;
  auto next = [&] { return state = state * 1664525u + 1013904223u; };
  for (int y = 0; y < 2200; ++y) {
    for (int x = 0; x < 1700; ++x) {
      size_t at = static_cast<size_t>(y) * 1700 + x;
      noise.pixels[at] = next() >> 31 ? 0 : 255;
      // 2-pixel dots on a 5-pixel screen, darker to the right: a printed photograph.
      bool dot = x % 5 < 2 && y % 5 < 2 && (next() % 1700) < static_cast<std::uint32_t>(x);
      halftone.pixels[at] = dot ? 0 : 255;
    }
  }
  EXPECT_TRUE(prepare::LooksLikePicture(prepare::CountMarks(prepare::FindMarks(noise), 200)));
  EXPECT_TRUE(prepare::LooksLikePicture(prepare::CountMarks(prepare::FindMarks(halftone), 200)));
  Page text = RenderedSample(200);
  prepare::Marks marks = prepare::CountMarks(prepare::FindMarks(text.image), 200);
  EXPECT_GT(marks.count, 200);
  EXPECT_GT(marks.letter_sized, 0.5);
  EXPECT_FALSE(prepare::LooksLikePicture(marks));
}

TEST(TurnIfReadBadly, APageThatReadsBadlyIsTurnedOneThatReadsWellIsLeft) {
  auto engine = Tesseract();
  Page upright = RenderedSample(200);
  Page sideways = upright;
  sideways.image = prepare::RotateClockwise(upright.image, 90);
  sideways.orientation_pending = true;
  std::vector<Word> garbage = {{"~'", {}, 0.3}, {"l1", {}, 0.4}};
  EXPECT_TRUE(prepare::TurnIfReadBadly(sideways, garbage, *engine, {}));
  EXPECT_EQ(sideways.rotation_degrees, 270);
  EXPECT_EQ(sideways.image.width, upright.image.width);
  EXPECT_FALSE(sideways.orientation_pending);
  // Read well: upright, and no orientation pass is spent on it.
  Page fine = upright;
  fine.orientation_pending = true;
  std::vector<Word> words(40, Word{"Statement", {}, 0.9});
  EXPECT_FALSE(prepare::TurnIfReadBadly(fine, words, *engine, {}));
  EXPECT_EQ(fine.orientation_ms, 0);
  // Not pending: nothing to decide.
  EXPECT_FALSE(prepare::TurnIfReadBadly(upright, garbage, *engine, {}));
}

TEST(FlattenSheet, CutsTheLetterPageOutOfAPhoto) {
  auto source = ingest::Open(testing::ReadFile(testing::SamplesInbox() + "/E001-bill-photo.jpg"), {});
  ASSERT_TRUE(source);
  Page photo = std::move((*source)->LoadPage(0)).value();
  prepare::SheetInfo info;
  std::optional<GrayImage> sheet = prepare::FlattenSheet(photo.image, &info);
  ASSERT_TRUE(sheet);
  EXPECT_NEAR(static_cast<double>(sheet->height) / sheet->width, 11.0 / 8.5, 0.05);  // US letter
  EXPECT_GT(info.sheet_fraction, 0.4);
  EXPECT_LT(info.sheet_fraction, 0.9);
  // The warp recorded takes the sheet's corners in the photo to the corners of the flat page.
  auto top_left = info.photo_to_sheet.Apply(info.corners_px[0].x, info.corners_px[0].y);
  auto bottom_right = info.photo_to_sheet.Apply(info.corners_px[2].x, info.corners_px[2].y);
  EXPECT_NEAR(top_left[0], 0, 2);
  EXPECT_NEAR(top_left[1], 0, 2);
  EXPECT_NEAR(bottom_right[0], sheet->width, 3);
  EXPECT_NEAR(bottom_right[1], sheet->height, 3);
  // A page that fills its frame (a scan) is left alone.
  EXPECT_FALSE(prepare::FlattenSheet(RenderedSample(100).image, nullptr));
}

TEST(NormalizeBackground, FlattensAShadow) {
  // Paper darkening from 240 on the left to 120 on the right, with one dark stroke of ink.
  GrayImage image = MakeGrayImage(400, 300);
  for (int y = 0; y < 300; ++y) {
    for (int x = 0; x < 400; ++x) image.pixels[y * 400 + x] = static_cast<std::uint8_t>(240 - 120 * x / 400);
  }
  for (int y = 140; y < 146; ++y) {
    for (int x = 50; x < 350; ++x) image.pixels[y * 400 + x] = 30;
  }
  GrayImage even = prepare::NormalizeBackground(image);
  EXPECT_GT(even.at(20, 50), 230);
  EXPECT_GT(even.at(380, 50), 230);  // the shadowed side is paper-white again
  EXPECT_LT(even.at(300, 142), 120);  // ink stays dark
}

GrayImage NoisyPaper() {
  GrayImage paper = MakeGrayImage(1000, 1300);
  std::uint32_t state = 12345;
  for (std::uint8_t& value : paper.pixels) {
    state = state * 1664525u + 1013904223u;
    value = static_cast<std::uint8_t>(236 + static_cast<int>(state >> 28) - 8);  // paper 228–243
  }
  return paper;
}

TEST(LooksBlank, NoisyPaperIsBlankAPageOfTextIsNot) {
  EXPECT_TRUE(prepare::LooksBlank(NoisyPaper()));
  EXPECT_FALSE(prepare::LooksBlank(RenderedSample(100).image));
}

// A photographed blank sheet keeps a line of the table along its edges after flattening.
TEST(LooksBlank, DarkEdgesOfABlankSheetAreNotInk) {
  GrayImage sheet = NoisyPaper();
  for (int y = 0; y < sheet.height; ++y) {
    for (int x = 0; x < 6; ++x) sheet.pixels[static_cast<size_t>(y) * sheet.width + x] = 40;
  }
  for (int x = 0; x < sheet.width; ++x) sheet.pixels[static_cast<size_t>(sheet.height - 3) * sheet.width + x] = 40;
  EXPECT_TRUE(prepare::LooksBlank(sheet));
  // The same ink a little further in is a mark on the page.
  for (int y = 100; y < 400; ++y) sheet.pixels[static_cast<size_t>(y) * sheet.width + 500] = 40;
  EXPECT_FALSE(prepare::LooksBlank(sheet));
}

TEST(Prepare, MarksABlankPageAndLeavesItUnturnedAndUnstraightened) {
  Page blank;
  blank.image = NoisyPaper();
  blank.dpi = 150;
  prepare::Options options;
  options.defer_unsure_orientation = true;
  blank = prepare::Prepare(std::move(blank), nullptr, options);
  EXPECT_TRUE(blank.blank);
  EXPECT_FALSE(blank.orientation_pending);
  EXPECT_EQ(blank.skew_degrees, 0.0);
  EXPECT_EQ(blank.width_px, 1000);
  EXPECT_EQ(blank.height_px, 1300);

  Page text = prepare::Prepare(RenderedSample(150), nullptr, options);
  EXPECT_FALSE(text.blank);
}

TEST(Ocr, WordsHaveBoxesAndConfidence) {
  auto engine = Tesseract();
  Page page = RenderedSample(300);
  auto words = engine->Recognize(page.image, page.dpi);
  ASSERT_TRUE(words) << words.error().message;
  ASSERT_GT(words->size(), 50u);
  bool found = false;
  for (const Word& word : *words) {
    EXPECT_GE(word.confidence, 0.0);
    EXPECT_LE(word.confidence, 1.0);
    EXPECT_FALSE(word.box_px.empty());
    EXPECT_LE(word.box_px.x1, page.image.width);
    found |= word.text == "Charges";
  }
  EXPECT_TRUE(found);
}

int ThreadsOfThisProcess() {
  int threads = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/task")) ++threads;
  return threads;
}

// Tesseract's OpenMP regions run on the page's own worker (pipeline/tesseract_openmp_inline.cpp):
// libgomp, left to itself, starts a team of four for the LSTM's gates whatever the cores.
TEST(Ocr, RecognitionStartsNoThreadsOfItsOwn) {
  auto engine = Tesseract();
  Page page = RenderedSample(150);
  int before = ThreadsOfThisProcess();
  auto words = engine->Recognize(page.image, page.dpi);
  ASSERT_TRUE(words) << words.error().message;
  EXPECT_GT(words->size(), 50u);
  EXPECT_EQ(ThreadsOfThisProcess(), before);
}

}  // namespace
}  // namespace shoebox

extern "C" {  // libgomp's entry points, as GCC's code for `parallel sections` and `sections` calls them
void GOMP_parallel_sections(void (*body)(void*), void* data, unsigned num_threads, unsigned count, unsigned flags);
unsigned GOMP_sections_start(unsigned count);
unsigned GOMP_sections_next();
void GOMP_sections_end_nowait();
}

namespace shoebox {
namespace {

// What one `parallel sections` body saw: the sections it was handed, and inside section 2 a nested
// region of two sections and then a `sections` construct of two.
struct SectionsSeen {
  std::vector<unsigned> outer, nested, construct;
};

void NestedBody(void* data) {
  auto* seen = static_cast<SectionsSeen*>(data);
  for (unsigned section = GOMP_sections_next(); section != 0; section = GOMP_sections_next()) {
    seen->nested.push_back(section);
  }
  GOMP_sections_end_nowait();
}

void OuterBody(void* data) {
  auto* seen = static_cast<SectionsSeen*>(data);
  for (unsigned section = GOMP_sections_next(); section != 0; section = GOMP_sections_next()) {
    seen->outer.push_back(section);
    if (section != 2) continue;
    GOMP_parallel_sections(NestedBody, data, 0, 2, 0);
    for (unsigned inner = GOMP_sections_start(2); inner != 0; inner = GOMP_sections_next()) {
      seen->construct.push_back(inner);
    }
    GOMP_sections_end_nowait();
  }
  GOMP_sections_end_nowait();
}

TEST(TesseractOpenMpInline, EverySectionRunsOnceNestedConstructsLeaveTheOuterOneGoingOn) {
  SectionsSeen seen;
  GOMP_parallel_sections(OuterBody, &seen, 4, 3, 0);
  EXPECT_EQ(seen.outer, (std::vector<unsigned>{1, 2, 3}));
  EXPECT_EQ(seen.nested, (std::vector<unsigned>{1, 2}));
  EXPECT_EQ(seen.construct, (std::vector<unsigned>{1, 2}));
}

TEST(Ocr, EmptyImageIsAnError) {
  auto engine = Tesseract();
  EXPECT_EQ(engine->Recognize(GrayImage{}, 300).error().message, "ocr: empty image");
}

// The sparse-text reading drops the lone "1" of each line's units column on the sample scan; the
// second look finds those marks (and only unread ones) and reads them, boxed under the header.
TEST(SecondLook, ReadsTheLoneDigitsTheFirstReadingDropped) {
  auto source = ingest::Open(testing::ReadFile(testing::SamplesInbox() + "/E001-bill-scan.pdf"), {});
  ASSERT_TRUE(source);
  auto engine = Tesseract();
  Page page = prepare::Prepare(std::move((*source)->LoadPage(0)).value(), engine.get(), {});
  auto words = engine->Recognize(page.image, page.dpi);
  ASSERT_TRUE(words);
  const Word* units = nullptr;
  for (const Word& word : *words) {
    if (word.text == "Units") units = &word;
  }
  ASSERT_NE(units, nullptr);
  std::vector<Word> more = second_look::ReadUnreadMarks(page.image, prepare::FindMarks(page.image), page.dpi, *words, *engine);
  ASSERT_EQ(more.size(), 3u);  // three service lines, one unit each
  for (const Word& word : more) {
    EXPECT_EQ(word.text, "1");
    EXPECT_GT(word.confidence, 0.6);
    EXPECT_GT(word.box_px.y0, units->box_px.y1);  // below the header
    EXPECT_LT(std::abs((word.box_px.x0 + word.box_px.x1) / 2 - (units->box_px.x0 + units->box_px.x1) / 2), units->box_px.width());
  }
  // Read again with those words, nothing is left unread.
  words->insert(words->end(), more.begin(), more.end());
  EXPECT_TRUE(second_look::UnreadMarks(page.image, prepare::FindMarks(page.image), page.dpi, *words).empty());
}

// On the sample fax, a code and an amount given doubtful misreadings (as 8 pt type at 200 dpi gets):
// the code is read again and comes back as printed; the amount is left for the arithmetic to mend;
// a word read surely is not looked at again.
TEST(SecondLook, ReadsDoubtfulCodesAgainButNotAmounts) {
  auto source = ingest::Open(testing::ReadFile(testing::SamplesInbox() + "/E001-bill-fax.png"), {});
  ASSERT_TRUE(source);
  auto engine = Tesseract();
  Page page = prepare::Prepare(std::move((*source)->LoadPage(0)).value(), engine.get(), {});
  auto words = engine->Recognize(page.image, page.dpi);
  ASSERT_TRUE(words);
  Word* code = nullptr;
  Word* amount = nullptr;
  Word* date = nullptr;
  for (Word& word : *words) {
    if (word.text == "93010") code = &word;
    if (amount == nullptr && word.text.starts_with("$") && word.text.find('.') != std::string::npos) amount = &word;
    if (word.text == "07/08/2025") date = &word;
  }
  ASSERT_NE(code, nullptr);
  ASSERT_NE(amount, nullptr);
  ASSERT_NE(date, nullptr);
  std::string printed_amount = amount->text;
  code->text = "93O1O", code->confidence = 0.3;
  amount->text = "$9" + printed_amount.substr(2), amount->confidence = 0.3;
  date->text = "07/08/2026";  // read surely, if wrongly: left as it is
  EXPECT_EQ(second_look::ReReadDoubtfulFigures(page.image, page.dpi, *words, *engine), 1);
  EXPECT_EQ(code->text, "93010");
  EXPECT_GT(code->confidence, 0.6);
  EXPECT_EQ(amount->text, "$9" + printed_amount.substr(2));
  EXPECT_EQ(date->text, "07/08/2026");
}

}  // namespace
}  // namespace shoebox
