// prepare: a page image as ingested → an upright, deskewed image ready for OCR.
// Orientation (0/90/180/270) comes first from the shapes of the letters (Leptonica, about 30 ms a
// page) and, where those leave it uncertain, from the OCR engine's orientation model (a Tesseract
// pass of its own, ten times the cost); it is applied only above a confidence threshold (a wrong
// turn makes a page worse than none). Skew is found by Leptonica and removed by OpenCV. Angles and confidences are recorded on the page so a person can see them.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "pipeline/reading/ocr.hpp"
#include "pipeline/core/page.hpp"

namespace shoebox::prepare {

struct Options {
  bool flatten_photos = true;       // find the sheet in a photograph and flatten its perspective
  bool normalize_background = true; // divide out uneven light and shadow
  bool detect_orientation = true;
  double min_orientation_confidence = 0.35;  // in [0, 1]; ~Tesseract OSD score 2
  // Where letter shapes are unsure, leave the page as it is (orientation_pending) instead of asking
  // the engine's orientation pass at once; TurnIfReadBadly decides after the first reading.
  bool defer_unsure_orientation = false;
  double max_skew_degrees = 15;
  // Pages above max_dpi are scaled down to target_dpi first: a 600 dpi scan would cost Tesseract
  // four times the time for no better reading. Low-resolution pages are left as they are: scaling
  // 200 dpi faxes up to 300 read them worse, and telling Tesseract their true 200 dpi changed
  // nothing (docs/EVALUATION.md, "What changed the figures").
  int max_dpi = 400, target_dpi = 300;
  // Replaying a page whose orientation is known (to crop evidence from the same image the words
  // were read from): this turn is applied instead of detecting one.
  std::optional<int> known_rotation_degrees;
  // Called with the image after each step that changed it ("sheet", "scaled", "light", "upright"), so a
  // person can see where a page went wrong (scan --keep-intermediates).
  std::function<void(const char* step, const GrayImage& image)> on_step;
};

// The clockwise turn that makes the page's text upright, judged from ascenders and descenders of
// Latin letters (Leptonica's pixOrientDetect); nullopt when the evidence is weak or mixed.
std::optional<ocr::Orientation> DetectOrientationFromLetterShapes(const GrayImage& image, int dpi);

// Rotates the image clockwise by a multiple of 90 degrees.
GrayImage RotateClockwise(const GrayImage& image, int degrees);

struct Skew {
  double angle_degrees = 0;  // the skew found
  double confidence = 0;     // [0, 1]
  bool removed = false;      // the image was turned clockwise by angle_degrees about its centre
};
// Finds skew up to max_degrees (Leptonica's sweep and search, on the page halved from 250 dpi up)
// and removes it; a skew under 0.1° or uncertain is left alone (a success).
GrayImage Deskew(const GrayImage& image, int dpi, double max_degrees, Skew* found);

// Turns the image clockwise by `degrees` about its centre (w/2, h/2), bringing in white, at the
// same size. (OpenCV: a third of the time of Leptonica's area-mapped rotation on a 300 dpi page.)
GrayImage RotateAboutCentre(const GrayImage& image, double degrees);

struct SheetInfo {
  double sheet_fraction = 0;  // share of the frame the sheet covers
  struct {
    int x = 0, y = 0;
  } corners_px[4];            // top-left, top-right, bottom-right, bottom-left in the photo
  Homography photo_to_sheet;  // the perspective warp applied
};
// The sheet of paper in a photograph, cut out and flattened to a rectangle; nullopt when there is
// no distinct sheet (a scan, or a page filling the frame). (OpenCV)
std::optional<GrayImage> FlattenSheet(const GrayImage& image, SheetInfo* info);

// Scales by factor (area averaging down, cubic up). (OpenCV)
GrayImage Rescale(const GrayImage& image, double factor);

// A 1-bit page made a grey one fit to read: where a fax machine dithered a grey (a shaded row, a
// box, a coloured band) into dots, the dots are averaged into the grey they stood for, so the type
// over them stands out again; elsewhere the letters' stair-stepped edges are softened and a lone
// pixel (dust, line noise) is removed. (OpenCV: prepare_fax_opencv.cpp)
void Descreen(GrayImage& image, int dpi);

// White type on dark bands (a table's header or a heading printed on colour, which greys and
// faxes turn dark) made black on light: a region an inch or more wide and up to an inch tall,
// darker than half the paper around it, mostly dark, dark in blocks wider than a stroke and
// enclosing the light marks in it, is inverted; black type, a bold letterhead, an underlined
// heading and a photograph's shadow are none. Returns how many were. (OpenCV)
int InvertDarkBands(GrayImage& image, int dpi);

// Evens out shadows and light falloff by dividing by an estimate of the paper's brightness. (OpenCV)
GrayImage NormalizeBackground(const GrayImage& image);

// True when the page has (almost) no ink: fewer than min_ink_fraction of its pixels inside the
// outer 3 % are far darker than the paper. Such pages skip recognition: on a blank but noisy scan,
// Tesseract's sparse-text search spends minutes on specks.
bool LooksBlank(const GrayImage& image, double min_ink_fraction = 0.0001);

// For a page whose orientation is pending: a page that reads well (20 words or more at a mean
// confidence of 0.55 or more) is upright; one that reads badly gets the engine's orientation pass
// and, when that says so, is turned and straightened. True when it turned the page: read it again.
// (Upright degraded pages read at 0.57 or more, pages on their side or upside down at about 0.42.)
bool TurnIfReadBadly(Page& page, const std::vector<Word>& words, ocr::Engine& engine, const Options& options);

// The marks on a page: each connected run of ink (the page binarised at `ink_below`, mid-grey by
// default), boxed. Found once a page: they tell a picture from a document and show the second
// look what went unread. (Leptonica)
std::vector<BoxPx> FindMarks(const GrayImage& image, int ink_below = 128);

// Leader dots ("Amount Due ........ $640.00") erased from the image, and from `marks`, before
// recognition: Tesseract reads a row of dots as letters ("eeeeCCOO") and joins them to the label or
// the value beside them. A leader is a run of eight or more dot-sized marks on one line, each within
// a twelfth of an inch of the next and evenly spaced, found at a light threshold (a scan's dots are
// grey); full stops, decimal points and ellipses are too few. Returns how many dots were erased.
int EraseLeaderDots(GrayImage& image, std::vector<BoxPx>& marks, int dpi);

// Ruled lines erased before recognition: a table's rules and a box's sides run into the letters
// beside them (an underline through the descenders of a header's words), and Tesseract then takes
// the word and the rule for one picture and reads neither. A rule is ink (darker than the paper
// around it) running a third of an inch or more unbroken, across or down, no thicker than a
// fortieth of an inch: a bar or a block of black is thicker, a shaded band is paper, and both stay
// with the text in them. Returns how many rules were erased. (OpenCV: ruled_lines_opencv.cpp)
int EraseRuledLines(GrayImage& image, int dpi);

// Sized like a letter: between 1/40 and 1/3 of an inch tall.
bool LetterSized(const BoxPx& mark, int dpi);

// What the marks on a page are: how many and the share of them sized like letters. Noise and
// halftone pictures are mostly specks; a page of text is mostly letters.
struct Marks {
  int count = 0;
  double letter_sized = 0;  // [0, 1]
};
Marks CountMarks(const std::vector<BoxPx>& marks, int dpi);

// A picture or a pattern, not a document: tens of thousands of marks, most of them not letter-sized
// (noise: 12,457 marks, 3 % letter-sized; a halftone: 95,714, 33 %; the generated statements: at most
// 1,800, at least 58 %). Such pages skip recognition, which would spend minutes on the specks.
bool LooksLikePicture(const Marks& marks);

// Turns and straightens an OCR page in place of its image; text-layer pages pass through. engine
// (may be null) decides orientation where letter shapes leave it unsure.
Page Prepare(Page page, ocr::Engine* engine, const Options& options);

// Why an OCR page's image is too small to prepare and read, if it is ("page 2: the image is 1x1 px,
// too small to read"): a side of fewer than 16 pixels holds no letter Tesseract can read, and the
// background estimate (a quarter-size copy) cannot be made of it. Such a page is not prepared.
std::optional<std::string> TooSmallToRead(const Page& page);

}  // namespace shoebox::prepare
