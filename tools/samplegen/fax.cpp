// The fax render mode: a page as a fax machine sends it and fax software saves it. Three
// strengths, each drawn per file: "fine" (204 x 196 dpi, thresholded, nearly straight), "standard"
// (204 x 98 dpi, greys dithered half the time, a streak now and then) and "poor" (204 x 98 dpi,
// streaks from a dirty glass, dropped and doubled scan lines, speckle, skew, the bottom cut off).
// Every page carries the sending machine's transmission header along its top edge, which is no
// part of the document. Saved as G3 or G4 TIFF, one page per sheet, as fax software does; a
// standard page is kept at its own 98 lines an inch or stretched back to square pixels.
#include <leptonica/allheaders.h>

#include <algorithm>
#include <cstdio>
#include <opencv2/imgproc.hpp>
#include <stdexcept>

#include "tools/samplegen/page_writer.hpp"
#include "tools/samplegen/raster.hpp"

namespace samplegen {
namespace {

constexpr int kFaxDpiAcross = 204;

struct Strength {
  const char* name;
  int lines_per_inch;    // 196 fine, 98 standard
  double dither_chance;  // greys as error-diffused dots (a machine's "photo" mode), else a threshold
  int max_streaks;
  double speckle;         // black specks per pixel
  double line_faults;     // share of scan lines dropped (white) or doubled
  double max_skew;        // degrees, from the sending machine's feeder
  double max_cut_bottom;  // share of the sheet's length lost at its foot
};

const Strength kStrengths[] = {
    {"fine", 196, 0.0, 0, 0.00005, 0.0, 1.0, 0.0},
    {"standard", 98, 0.5, 1, 0.0002, 0.002, 2.0, 0.03},
    {"poor", 98, 0.7, 3, 0.0006, 0.008, 3.5, 0.08},
};

// Floyd–Steinberg error diffusion to 0/255, as a fax machine's halftone mode sends greys.
void Dither(cv::Mat& gray) {
  cv::Mat level;
  gray.convertTo(level, CV_32FC1);
  for (int y = 0; y < level.rows; ++y) {
    float* row = level.ptr<float>(y);
    float* below = y + 1 < level.rows ? level.ptr<float>(y + 1) : nullptr;
    for (int x = 0; x < level.cols; ++x) {
      float out = row[x] < 128 ? 0.0f : 255.0f;
      float error = row[x] - out;
      row[x] = out;
      if (x + 1 < level.cols) row[x + 1] += error * 7 / 16;
      if (below != nullptr) {
        if (x > 0) below[x - 1] += error * 3 / 16;
        below[x] += error * 5 / 16;
        if (x + 1 < level.cols) below[x + 1] += error / 16;
      }
    }
  }
  level.convertTo(gray, CV_8UC1);
}

// "05/04/2026 10:12  FROM: PATIENT ACCOUNTS  (555) 014-2231  TO: 5550178834  P. 2/3": date, time,
// sender's station and number, receiver's number, page; the order and the date's form vary.
struct TransmissionHeader {
  std::string text, date_iso;
  std::vector<std::string> numbers;  // the fax numbers, digits only
  std::string station;
};

TransmissionHeader DrawHeader(Rng& rng, int page, int pages) {
  static const std::vector<std::string> kStations = {"PATIENT ACCOUNTS", "BILLING OFFICE", "CENTRAL BUSINESS OFC",
                                                     "CLAIMS DEPT",      "RECOVERY UNIT",  "HIM RELEASE"};
  static const char* kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  TransmissionHeader header;
  int year = rng.Int(2025, 2026), month = rng.Int(1, 12), day = rng.Int(1, 28);
  char iso[16], date[24], time[8], page_text[16];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
  switch (rng.Int(0, 2)) {
    case 0:
      std::snprintf(date, sizeof date, "%02d/%02d/%04d", month, day, year);
      break;
    case 1:
      std::snprintf(date, sizeof date, "%s-%02d-%04d", kMonths[month - 1], day, year);
      break;
    default:
      std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
      break;
  }
  std::snprintf(time, sizeof time, "%02d:%02d", rng.Int(7, 18), rng.Int(0, 59));
  std::snprintf(page_text, sizeof page_text, rng.Chance(0.5) ? "P. %d/%d" : "PAGE %d/%d", page, pages);
  header.date_iso = iso;
  header.station = rng.Pick(kStations);
  std::string from = "555" + Digits(rng, 7), to = "555" + Digits(rng, 7);
  header.numbers = {from, to};
  std::string from_printed = "(" + from.substr(0, 3) + ") " + from.substr(3, 3) + "-" + from.substr(6);
  std::string stamp = std::string(date) + " " + time;
  std::string sender = "FROM: " + header.station + "  " + from_printed;
  header.text = rng.Chance(0.5) ? stamp + "   " + sender + "   TO: " + to + "   " + page_text
                                : sender + "   " + stamp + "   " + page_text;
  return header;
}

// A page at the strength's resolution, one bit a pixel (0 or 255), as the receiving end stores it.
cv::Mat FaxPage(const PageSpec& page, const Strength& strength, Rng& rng, const TransmissionHeader& header,
                Json& page_truth) {
  cv::Mat gray = RenderGray(page, kFaxDpiAcross);
  double skew = rng.Real(-strength.max_skew, strength.max_skew);
  gray = Skew(gray, skew, 255);
  int rows = static_cast<int>(std::lround(gray.rows * strength.lines_per_inch / static_cast<double>(kFaxDpiAcross)));
  cv::resize(gray, gray, cv::Size(gray.cols, rows), 0, 0, cv::INTER_AREA);
  AddNoise(gray, rng.Real(4, 14), rng);
  // The sending machine stamps its header on the page as sent: straight, crisp, over the top edge.
  PageSpec stamp;
  stamp.texts.push_back({18, 4, header.text, "DejaVu Sans Mono", 7.5, false, Align::kLeft});
  cv::Mat stamped = RenderGray(stamp, kFaxDpiAcross);
  cv::resize(stamped, stamped, gray.size(), 0, 0, cv::INTER_AREA);
  gray = cv::min(gray, stamped);
  bool dithered = rng.Chance(strength.dither_chance);
  if (dithered) {
    // The scanner's white point: paper comes out white, not a grey the dots would speckle.
    gray.convertTo(gray, CV_8UC1, 255.0 / 230.0);
    Dither(gray);
  } else {
    cv::threshold(gray, gray, rng.Int(110, 165), 255, cv::THRESH_BINARY);
  }
  int streaks = rng.Int(0, strength.max_streaks);
  for (int i = 0; i < streaks; ++i) {
    int x = rng.Int(gray.cols / 20, gray.cols - gray.cols / 20), width = rng.Int(1, 2);
    gray(cv::Rect(x, 0, width, gray.rows)).setTo(0);
  }
  for (int y = 1; y < gray.rows; ++y) {
    if (!rng.Chance(strength.line_faults)) continue;
    if (rng.Chance(0.5))
      gray.row(y).setTo(255);
    else
      gray.row(y - 1).copyTo(gray.row(y));
  }
  auto specks = static_cast<long long>(strength.speckle * gray.total());
  for (long long i = 0; i < specks; ++i) {
    int x = rng.Int(0, gray.cols - 2), y = rng.Int(0, gray.rows - 2), size = rng.Chance(0.3) ? 2 : 1;
    gray(cv::Rect(x, y, size, size)).setTo(0);
  }
  int cut = static_cast<int>(gray.rows * rng.Real(0, strength.max_cut_bottom));
  if (cut > 0) gray = gray.rowRange(0, gray.rows - cut).clone();
  page_truth["rotation"] = 0;
  page_truth["skew_degrees"] = std::round(skew * 100) / 100;
  page_truth["fax"] = {{"strength", strength.name},
                       {"lines_per_inch", strength.lines_per_inch},
                       {"dithered", dithered},
                       {"streaks", streaks},
                       {"cut_bottom_rows", cut},
                       {"transmission_header", header.text},
                       {"transmission_date", header.date_iso},
                       {"transmission_numbers", header.numbers},
                       {"transmission_station", header.station}};
  return gray;
}

// A 0/255 image as a 1-bit Leptonica image (1 is black) at the given resolution.
PIX* ToBilevel(const cv::Mat& gray, int x_dpi, int y_dpi) {
  PIX* pix = pixCreate(gray.cols, gray.rows, 1);
  if (pix == nullptr) throw std::runtime_error("cannot allocate a fax page");
  l_uint32* data = pixGetData(pix);
  int wpl = pixGetWpl(pix);
  for (int y = 0; y < gray.rows; ++y) {
    const std::uint8_t* in = gray.ptr<std::uint8_t>(y);
    l_uint32* row = data + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < gray.cols; ++x) {
      if (in[x] < 128) SET_DATA_BIT(row, x);
    }
  }
  pixSetResolution(pix, x_dpi, y_dpi);
  return pix;
}

}  // namespace

void RenderFax(const std::vector<PageSpec>& pages, Rng& rng, const std::string& path, Json& truth) {
  setMsgSeverity(L_SEVERITY_NONE);
  const Strength& strength = kStrengths[rng.Int(0, 2)];
  int compression = rng.Chance(0.5) ? IFF_TIFF_G4 : IFF_TIFF_G3;
  bool stretched_back = strength.lines_per_inch < 196 && rng.Chance(0.4);
  for (size_t i = 0; i < pages.size(); ++i) {
    TransmissionHeader header = DrawHeader(rng, static_cast<int>(i) + 1, static_cast<int>(pages.size()));
    cv::Mat page = FaxPage(pages[i], strength, rng, header, truth[i]);
    int lines_per_inch = strength.lines_per_inch;
    if (stretched_back) {
      cv::resize(page, page, cv::Size(page.cols, page.rows * 2), 0, 0, cv::INTER_NEAREST);
      lines_per_inch *= 2;
    }
    truth[i]["fax"]["saved_lines_per_inch"] = lines_per_inch;
    PIX* pix = ToBilevel(page, kFaxDpiAcross, lines_per_inch);
    int failed = pixWriteTiff(path.c_str(), pix, compression, i == 0 ? "w" : "a");
    pixDestroy(&pix);
    if (failed != 0) throw std::runtime_error("cannot write " + path);
  }
}

}  // namespace samplegen
