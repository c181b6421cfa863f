// prepare: orientation from letter shapes (Leptonica) or the OCR engine's model; skew found by
// Leptonica and removed by OpenCV (prepare_sheet_opencv.cpp); quarter turns through Leptonica.
#include "pipeline/reading/prepare.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cmath>

#include "pipeline/reading/leptonica_pix.hpp"

namespace shoebox::prepare {

GrayImage RotateClockwise(const GrayImage& image, int degrees) {
  int quads = ((degrees % 360) + 360) % 360 / 90;
  if (quads == 0) return image;
  leptonica::SilenceMessages();
  leptonica::PixPtr pix = leptonica::ToPix(image);
  leptonica::PixPtr turned(pixRotateOrth(pix.get(), quads));
  return leptonica::ToGrayImage(turned.get());
}

namespace {

// The page in one bit for the letter-shape and skew searches, made once for both. From 250 dpi up
// the gray page is halved first (area averaging): a quarter of the pixels to threshold and search,
// and the letter-shape masks are tuned for 150–300 ppi anyway. The background is already divided
// out, so a fixed threshold separates ink from paper.
struct SearchImage {
  leptonica::PixPtr binary;
  bool halved = false;
};

SearchImage MakeSearchImage(const GrayImage& image, int dpi) {
  SearchImage search;
  leptonica::PixPtr gray = leptonica::ToPix(image);
  search.halved = dpi >= 250 && gray != nullptr;
  if (search.halved) gray.reset(pixScaleAreaMap2(gray.get()));
  if (gray) search.binary.reset(pixConvertTo1(gray.get(), 128));
  return search;
}

std::optional<ocr::Orientation> OrientationOf(Pix* binary) {
  float up_confidence = 0, left_confidence = 0;
  if (pixOrientDetect(binary, &up_confidence, &left_confidence, 0, 0) != 0) return std::nullopt;
  l_int32 orientation = L_TEXT_ORIENT_UNKNOWN;
  // 0, 0: Leptonica's own thresholds (confidence 8, ratio 2.5 between the two axes).
  if (makeOrientDecision(up_confidence, left_confidence, 0, 0, &orientation, 0) != 0) return std::nullopt;
  // Leptonica's confidences are z-like scores, reliable above about 8; squash to [0, 1].
  auto squash = [](float score) { return 1.0 - std::exp(-std::fabs(score) / 5.0); };
  switch (orientation) {
    case L_TEXT_ORIENT_UP: return ocr::Orientation{0, squash(up_confidence)};
    case L_TEXT_ORIENT_LEFT: return ocr::Orientation{90, squash(left_confidence)};  // text's top points left
    case L_TEXT_ORIENT_DOWN: return ocr::Orientation{180, squash(up_confidence)};
    case L_TEXT_ORIENT_RIGHT: return ocr::Orientation{270, squash(left_confidence)};
    default: return std::nullopt;
  }
}

std::optional<ocr::Orientation> OrientationFromShapes(const GrayImage& image, int dpi, const SearchImage& search) {
  if (!search.binary) return std::nullopt;
  Pix* binary = search.binary.get();
  leptonica::PixPtr reduced;
  if (!search.halved && dpi > 400) {
    reduced.reset(pixReduceRankBinary2(binary, 1, nullptr));
    if (!reduced) return std::nullopt;
    binary = reduced.get();
  }
  std::optional<ocr::Orientation> found = OrientationOf(binary);
  // Small type halved may leave too few letter shapes to be sure: then the whole page is asked
  // (about 90 ms instead of 10 at 300 dpi).
  if (!found && search.halved) {
    leptonica::PixPtr full(pixConvertTo1(leptonica::ToPix(image).get(), 128));
    if (full) found = OrientationOf(full.get());
  }
  return found;
}

GrayImage DeskewWith(const GrayImage& image, const SearchImage& search, double max_degrees, Skew* found) {
  if (found != nullptr) *found = {};
  if (!search.binary) return image;
  float angle = 0, confidence = 0;
  // Leptonica's defaults (a sweep at a quarter of the page's resolution, the search at half, 1° steps
  // down to 0.01°), on the halved page at half those reductions.
  int sweep_reduction = search.halved ? 2 : 4, search_reduction = search.halved ? 1 : 2;
  if (pixFindSkewSweepAndSearch(search.binary.get(), &angle, &confidence, sweep_reduction, search_reduction,
                                static_cast<float>(max_degrees), 1.0f, 0.01f) != 0) {
    return image;
  }
  if (found != nullptr) {
    // Leptonica's confidence is a ratio of sweep scores, usually 0–10 and reliable above 3.
    found->angle_degrees = angle;
    found->confidence = std::clamp(confidence / 10.0, 0.0, 1.0);
  }
  // Leptonica's own limits for acting on it (pixDeskew): at least 0.1° and a confidence of 3.
  if (std::fabs(angle) < 0.1 || confidence < 3.0) return image;
  if (found != nullptr) found->removed = true;
  return RotateAboutCentre(image, angle);
}

}  // namespace

std::optional<ocr::Orientation> DetectOrientationFromLetterShapes(const GrayImage& image, int dpi) {
  if (image.empty()) return std::nullopt;
  leptonica::SilenceMessages();
  return OrientationFromShapes(image, dpi, MakeSearchImage(image, dpi));
}

GrayImage Deskew(const GrayImage& image, int dpi, double max_degrees, Skew* found) {
  leptonica::SilenceMessages();
  return DeskewWith(image, MakeSearchImage(image, dpi), max_degrees, found);
}

bool LooksBlank(const GrayImage& image, double min_ink_fraction) {
  if (image.empty()) return true;
  // Within the outer 3 % of the page nothing is printed, but a photographed sheet's edge or a
  // scanner lid's shadow is dark: a blank photographed sheet with the table's line along two edges
  // was read as a page.
  int border_x = image.width * 3 / 100, border_y = image.height * 3 / 100;
  std::array<std::int64_t, 256> histogram{};
  for (int y = border_y; y < image.height - border_y; ++y) {
    const std::uint8_t* row = image.pixels.data() + static_cast<size_t>(y) * image.width;
    for (int x = border_x; x < image.width - border_x; ++x) ++histogram[row[x]];
  }
  // The paper: the level 90 % of pixels are at or below (a page is mostly paper).
  std::int64_t total = 0, seen = 0;
  for (std::int64_t count : histogram) total += count;
  int paper = 255;
  for (int level = 0; level < 256; ++level) {
    seen += histogram[level];
    if (seen >= total * 9 / 10) {
      paper = level;
      break;
    }
  }
  // Ink is far darker than the paper, not just a noisy shade of it.
  std::int64_t ink = 0;
  for (int level = 0; level < std::max(0, paper - 100); ++level) ink += histogram[level];
  return static_cast<double>(ink) < min_ink_fraction * static_cast<double>(total);
}

std::vector<BoxPx> FindMarks(const GrayImage& image, int ink_below) {
  std::vector<BoxPx> marks;
  if (image.empty()) return marks;
  leptonica::SilenceMessages();
  leptonica::PixPtr gray = leptonica::ToPix(image);
  leptonica::PixPtr binary(pixConvertTo1(gray.get(), ink_below));
  if (!binary) return marks;
  Boxa* boxes = pixConnCompBB(binary.get(), 8);
  if (boxes == nullptr) return marks;
  marks.reserve(static_cast<size_t>(boxaGetCount(boxes)));
  for (int i = 0; i < boxaGetCount(boxes); ++i) {
    l_int32 x = 0, y = 0, w = 0, h = 0;
    boxaGetBoxGeometry(boxes, i, &x, &y, &w, &h);
    marks.push_back({x, y, x + w, y + h});
  }
  boxaDestroy(&boxes);
  return marks;
}

bool LetterSized(const BoxPx& mark, int dpi) {
  int low = std::max(2, dpi / 40), high = std::max(low + 1, dpi / 3);
  return mark.height() >= low && mark.height() <= high;
}

Marks CountMarks(const std::vector<BoxPx>& marks, int dpi) {
  auto letters = std::count_if(marks.begin(), marks.end(), [&](const BoxPx& mark) { return LetterSized(mark, dpi); });
  return {static_cast<int>(marks.size()), marks.empty() ? 0.0 : static_cast<double>(letters) / static_cast<double>(marks.size())};
}

namespace {

// The last step of preparation, whichever way the page was turned: skew removed and recorded, and
// the page's size taken from the image the words will be read from. `search`: the page's search
// image if one was made for it as it stands.
void Straighten(Page& page, const Options& options, const SearchImage* search = nullptr) {
  Skew skew;
  int width = page.image.width, height = page.image.height;
  leptonica::SilenceMessages();
  SearchImage own;
  if (search == nullptr) own = MakeSearchImage(page.image, page.dpi), search = &own;
  page.image = DeskewWith(page.image, *search, options.max_skew_degrees, &skew);
  if (skew.removed) {
    // RotateAboutCentre turns clockwise by the angle about (w/2, h/2).
    page.original_to_prepared = page.original_to_prepared.Then(
        Homography::RotationAbout(width / 2, height / 2, skew.angle_degrees * std::acos(-1.0) / 180.0));
  }
  page.skew_degrees = skew.angle_degrees;
  page.skew_confidence = skew.confidence;
  page.width_px = page.image.width;
  page.height_px = page.image.height;
}

// Turns the page's image clockwise by a multiple of 90° and records it.
void Turn(Page& page, int clockwise_degrees) {
  page.original_to_prepared = page.original_to_prepared.Then(
      Homography::QuarterTurns(clockwise_degrees, page.image.width, page.image.height));
  page.image = RotateClockwise(page.image, clockwise_degrees);
  page.rotation_degrees = clockwise_degrees;
}

}  // namespace

bool TurnIfReadBadly(Page& page, const std::vector<Word>& words, ocr::Engine& engine, const Options& options) {
  if (!page.orientation_pending) return false;
  page.orientation_pending = false;
  double confidence = 0;
  for (const Word& word : words) confidence += word.confidence;
  if (words.size() >= 20 && confidence / static_cast<double>(words.size()) >= 0.55) return false;
  auto started = std::chrono::steady_clock::now();
  Result<ocr::Orientation> orientation = engine.DetectOrientation(page.image, page.dpi);
  double spent = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  page.orientation_ms += spent;
  page.prepare_ms += spent;
  if (!orientation) return false;
  page.rotation_confidence = orientation->confidence;
  if (orientation->rotate_clockwise_degrees == 0 || orientation->confidence < options.min_orientation_confidence) {
    return false;
  }
  Turn(page, orientation->rotate_clockwise_degrees);
  Straighten(page, options);
  return true;
}

bool LooksLikePicture(const Marks& marks) { return marks.count >= 10000 && marks.letter_sized < 0.5; }

Page Prepare(Page page, ocr::Engine* engine, const Options& options) {
  if (page.text_source != TextSource::kOcr || page.image.empty()) return page;
  auto step = [&](const char* name) {
    if (options.on_step) options.on_step(name, page.image);
  };
  if (options.flatten_photos) {
    SheetInfo sheet_info;
    if (std::optional<GrayImage> sheet = FlattenSheet(page.image, &sheet_info)) {
      page.image = std::move(*sheet);
      page.original_to_prepared = page.original_to_prepared.Then(sheet_info.photo_to_sheet);
      // The sheet is a letter page: its width in pixels gives the resolution Tesseract should assume.
      page.dpi = std::clamp(static_cast<int>(std::min(page.image.width, page.image.height) / 8.5), 70, 1200);
      step("sheet");
    }
  }
  if (page.dpi > options.max_dpi) {
    double factor = static_cast<double>(options.target_dpi) / page.dpi;
    page.image = Rescale(page.image, factor);
    page.original_to_prepared = page.original_to_prepared.Then(Homography::Scale(factor));
    page.dpi = options.target_dpi;
    step("scaled");
  }
  if (page.bilevel) {
    Descreen(page.image, page.dpi);
    step("descreened");
  }
  if (InvertDarkBands(page.image, page.dpi) > 0) step("bands");
  if (options.normalize_background) {
    page.image = NormalizeBackground(page.image);
    step("light");
  }
  if (options.known_rotation_degrees) {
    Turn(page, *options.known_rotation_degrees);
    if (page.rotation_degrees != 0) step("upright");
  }
  // A blank page (a separator sheet, the back of a form) has no letters to turn or straighten it by,
  // and its searches are the slowest: the halved letter shapes come out unsure, so the whole page
  // is asked too (about 130 ms of a photographed blank page's 190 ms of preparation).
  page.blank = LooksBlank(page.image);
  if (page.blank) {
    page.width_px = page.image.width;
    page.height_px = page.image.height;
    return page;
  }
  SearchImage search;  // of the page as it stands, shared by the letter shapes and the skew search
  if (!options.known_rotation_degrees && options.detect_orientation) {
    auto started = std::chrono::steady_clock::now();
    leptonica::SilenceMessages();
    search = MakeSearchImage(page.image, page.dpi);
    std::optional<ocr::Orientation> shapes = OrientationFromShapes(page.image, page.dpi, search);
    Result<ocr::Orientation> orientation = MakeError("orientation unsure and no engine to ask");
    if (shapes) {
      orientation = *shapes;
    } else if (options.defer_unsure_orientation) {
      page.orientation_pending = true;
    } else if (engine != nullptr) {
      orientation = engine->DetectOrientation(page.image, page.dpi);
    }
    page.orientation_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    if (orientation && orientation->rotate_clockwise_degrees != 0 &&
        orientation->confidence >= options.min_orientation_confidence) {
      Turn(page, orientation->rotate_clockwise_degrees);
      search = {};  // made before the turn
      step("upright");
    }
    if (orientation) page.rotation_confidence = orientation->confidence;
  }
  Straighten(page, options, search.binary ? &search : nullptr);
  return page;
}

std::optional<std::string> TooSmallToRead(const Page& page) {
  constexpr int kSmallestReadableSidePx = 16;
  if (page.image.width >= kSmallestReadableSidePx && page.image.height >= kSmallestReadableSidePx) return std::nullopt;
  return "page " + std::to_string(page.number) + ": the image is " + std::to_string(page.image.width) + "x" +
         std::to_string(page.image.height) + " px, too small to read";
}

}  // namespace shoebox::prepare
