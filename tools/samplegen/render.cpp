// Rendering (Cairo + Pango) and degradation (OpenCV) of generated pages.
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <stdexcept>

#include "tools/samplegen/raster.hpp"

namespace samplegen {
namespace {

constexpr double kPageWidthPt = 612, kPageHeightPt = 792;  // US letter

// A run of text laid out as it is drawn and measured.
PangoLayout* RunLayout(cairo_t* cr, const std::string& font_name, const std::string& text, double size_pt, bool bold) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  // One PDF point per user unit: Pango's default of 96 dpi would enlarge every font by a third.
  pango_cairo_context_set_resolution(pango_layout_get_context(layout), 72);
  pango_layout_context_changed(layout);
  std::string description = font_name + (bold ? " Bold " : " ") + std::to_string(size_pt);
  PangoFontDescription* font = pango_font_description_from_string(description.c_str());
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  pango_layout_set_text(layout, text.c_str(), -1);
  return layout;
}

double LayoutWidthPt(PangoLayout* layout) {
  int width = 0, height = 0;
  pango_layout_get_size(layout, &width, &height);
  return static_cast<double>(width) / PANGO_SCALE;
}

void DrawPage(cairo_t* cr, const PageSpec& page) {
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  for (const Rule& rule : page.rules) {
    if (rule.filled_box) {
      cairo_set_source_rgb(cr, rule.fill_grey, rule.fill_grey, rule.fill_grey);
      cairo_rectangle(cr, rule.x0_pt, rule.y0_pt, rule.x1_pt - rule.x0_pt, rule.y1_pt - rule.y0_pt);
      cairo_fill(cr);
      continue;
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, rule.width_pt);
    cairo_move_to(cr, rule.x0_pt, rule.y0_pt);
    cairo_line_to(cr, rule.x1_pt, rule.y1_pt);
    cairo_stroke(cr);
  }
  for (const TextRun& run : page.texts) {
    cairo_set_source_rgb(cr, run.white ? 1 : 0, run.white ? 1 : 0, run.white ? 1 : 0);
    PangoLayout* layout = RunLayout(cr, run.font, run.text, run.size_pt, run.bold);
    double width_pt = LayoutWidthPt(layout);
    double x = run.x_pt;
    if (run.align == Align::kRight) x -= width_pt;
    if (run.align == Align::kCenter) x -= width_pt / 2;
    cairo_move_to(cr, x, run.y_pt);
    pango_cairo_show_layout(cr, layout);
    g_object_unref(layout);
  }
}

}  // namespace

cv::Mat RenderGray(const PageSpec& page, int dpi) {
  int width = static_cast<int>(std::lround(kPageWidthPt * dpi / 72.0));
  int height = static_cast<int>(std::lround(kPageHeightPt * dpi / 72.0));
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
  cairo_t* cr = cairo_create(surface);
  cairo_scale(cr, dpi / 72.0, dpi / 72.0);
  DrawPage(cr, page);
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  cv::Mat bgra(height, width, CV_8UC4, cairo_image_surface_get_data(surface),
               static_cast<size_t>(cairo_image_surface_get_stride(surface)));
  cv::Mat gray;
  cv::cvtColor(bgra, gray, cv::COLOR_BGRA2GRAY);
  cairo_surface_destroy(surface);
  return gray;
}

void AddNoise(cv::Mat& gray, double sigma, Rng& rng) {
  cv::Mat noise(gray.size(), CV_16SC1);
  // Drawn from the file's own generator: OpenCV's global one would make each file's noise depend
  // on every file rendered before it.
  cv::RNG file_rng(rng.Next());
  file_rng.fill(noise, cv::RNG::NORMAL, 0, sigma);
  cv::Mat wide;
  gray.convertTo(wide, CV_16SC1);
  wide += noise;
  wide.convertTo(gray, CV_8UC1);
}

cv::Mat Skew(const cv::Mat& gray, double angle_degrees, int paper) {
  cv::Point2f center(gray.cols / 2.0f, gray.rows / 2.0f);
  cv::Mat rotation = cv::getRotationMatrix2D(center, angle_degrees, 1.0);
  cv::Mat out;
  cv::warpAffine(gray, out, rotation, gray.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(paper));
  return out;
}

namespace {

// Turns the page clockwise by a multiple of 90 (as a sheet fed sideways); returns the turn a
// reader must apply (clockwise) to make it upright again.
int TurnPage(cv::Mat& gray, int clockwise_degrees) {
  switch (clockwise_degrees) {
    case 90: cv::rotate(gray, gray, cv::ROTATE_90_CLOCKWISE); return 270;
    case 180: cv::rotate(gray, gray, cv::ROTATE_180); return 180;
    case 270: cv::rotate(gray, gray, cv::ROTATE_90_COUNTERCLOCKWISE); return 90;
    default: return 0;
  }
}

cv::Mat Scan(const PageSpec& page, int dpi, Rng& rng, Json& page_truth) {
  cv::Mat gray = RenderGray(page, dpi);
  int paper = rng.Int(232, 250);
  // Paper is never pure white and toner never pure black.
  gray.convertTo(gray, CV_8UC1, (paper - 25) / 255.0, 25);
  double skew = rng.Real(-7, 7);
  gray = Skew(gray, skew, paper);
  if (rng.Chance(0.5)) cv::GaussianBlur(gray, gray, cv::Size(3, 3), 0.6);
  AddNoise(gray, rng.Real(3, 8), rng);
  int turn = rng.Chance(0.12) ? (rng.Chance(0.5) ? 180 : (rng.Chance(0.5) ? 90 : 270)) : 0;
  page_truth["rotation"] = TurnPage(gray, turn);
  page_truth["skew_degrees"] = std::round(skew * 100) / 100;
  return gray;
}

cv::Mat Photo(const PageSpec& page, Rng& rng, Json& page_truth) {
  cv::Mat sheet = RenderGray(page, 200);
  // Frame: the sheet fills 70–85 % of a 3:4 frame, on a darker, textured table.
  int frame_w = static_cast<int>(sheet.cols / rng.Real(0.72, 0.86));
  int frame_h = frame_w * 4 / 3;
  cv::Mat frame(frame_h, frame_w, CV_8UC1);
  int table = rng.Int(60, 140);
  cv::RNG file_rng(rng.Next());
  file_rng.fill(frame, cv::RNG::NORMAL, table, 18);
  cv::GaussianBlur(frame, frame, cv::Size(0, 0), 3);
  // Where the sheet's corners land: a loose, off-centre quadrilateral (perspective).
  double cx = frame_w / 2.0 + rng.Real(-0.04, 0.04) * frame_w, cy = frame_h / 2.0 + rng.Real(-0.04, 0.04) * frame_h;
  double half_w = sheet.cols / 2.0, half_h = sheet.rows / 2.0;
  double tilt = rng.Real(-4, 4) * CV_PI / 180;
  auto corner = [&](double sx, double sy, double jitter) {
    double x = sx * half_w, y = sy * half_h;
    return cv::Point2f(static_cast<float>(cx + x * std::cos(tilt) - y * std::sin(tilt) + rng.Real(-jitter, jitter)),
                       static_cast<float>(cy + x * std::sin(tilt) + y * std::cos(tilt) + rng.Real(-jitter, jitter)));
  };
  double jitter = 0.035 * sheet.cols;
  std::vector<cv::Point2f> from = {{0, 0}, {static_cast<float>(sheet.cols), 0},
                                   {static_cast<float>(sheet.cols), static_cast<float>(sheet.rows)},
                                   {0, static_cast<float>(sheet.rows)}};
  std::vector<cv::Point2f> to = {corner(-1, -1, jitter), corner(1, -1, jitter), corner(1, 1, jitter), corner(-1, 1, jitter)};
  cv::Mat warp = cv::getPerspectiveTransform(from, to);
  cv::Mat paper_mask(sheet.size(), CV_8UC1, cv::Scalar(255)), warped_mask, warped;
  cv::warpPerspective(sheet, warped, warp, frame.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(0));
  cv::warpPerspective(paper_mask, warped_mask, warp, frame.size(), cv::INTER_NEAREST);
  warped.copyTo(frame, warped_mask);
  // Uneven light: a linear falloff across the frame and one soft shadow.
  cv::Mat light(frame.size(), CV_32FC1);
  double gx = rng.Real(-0.35, 0.35), gy = rng.Real(-0.35, 0.35);
  cv::Point2d shadow(rng.Real(0, frame_w), rng.Real(0, frame_h));
  double shadow_radius = rng.Real(0.2, 0.5) * frame_w, shadow_depth = rng.Real(0.1, 0.35);
  for (int y = 0; y < frame_h; ++y) {
    float* row = light.ptr<float>(y);
    for (int x = 0; x < frame_w; ++x) {
      double falloff = 1.0 - 0.5 * (gx * (x - frame_w / 2.0) / frame_w + gy * (y - frame_h / 2.0) / frame_h) - 0.15;
      double d = std::hypot(x - shadow.x, y - shadow.y) / shadow_radius;
      double shade = d < 1 ? shadow_depth * (1 - d * d) : 0;
      row[x] = static_cast<float>(std::clamp(falloff - shade, 0.35, 1.0));
    }
  }
  cv::Mat lit;
  frame.convertTo(lit, CV_32FC1);
  lit = lit.mul(light);
  lit.convertTo(frame, CV_8UC1);
  cv::GaussianBlur(frame, frame, cv::Size(0, 0), rng.Real(0.5, 1.3));
  AddNoise(frame, rng.Real(2, 5), rng);
  page_truth["rotation"] = 0;
  page_truth["skew_degrees"] = std::round(-tilt * 180 / CV_PI * 100) / 100;
  return frame;
}

// Cairo stamps PDFs with the wall clock; a fixed date keeps the output the same for the same seed.
void FixPdfDates(cairo_surface_t* pdf) {
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATE_DATE, "2025-12-01T00:00:00Z");
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_MOD_DATE, "2025-12-01T00:00:00Z");
}

void WriteImagePdf(const std::vector<cv::Mat>& pages, const std::vector<int>& dpis, const std::string& path) {
  cairo_surface_t* pdf = cairo_pdf_surface_create(path.c_str(), kPageWidthPt, kPageHeightPt);
  FixPdfDates(pdf);
  std::vector<std::vector<unsigned char>> jpegs(pages.size());  // must outlive the surface
  for (size_t i = 0; i < pages.size(); ++i) {
    const cv::Mat& gray = pages[i];
    double width_pt = gray.cols * 72.0 / dpis[i], height_pt = gray.rows * 72.0 / dpis[i];
    cairo_pdf_surface_set_size(pdf, width_pt, height_pt);
    cv::imencode(".jpg", gray, jpegs[i], {cv::IMWRITE_JPEG_QUALITY, 72});
    cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, gray.cols, gray.rows);
    cairo_surface_flush(image);
    // Scanners store JPEG in their PDFs: attaching the JPEG makes Cairo embed it as DCTDecode.
    cairo_surface_set_mime_data(image, CAIRO_MIME_TYPE_JPEG, jpegs[i].data(), jpegs[i].size(), nullptr, nullptr);
    cairo_t* cr = cairo_create(pdf);
    cairo_scale(cr, 72.0 / dpis[i], 72.0 / dpis[i]);
    cairo_set_source_surface(cr, image, 0, 0);
    cairo_paint(cr);
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(image);
  }
  cairo_surface_finish(pdf);
  if (cairo_surface_status(pdf) != CAIRO_STATUS_SUCCESS) throw std::runtime_error("cannot write " + path);
  cairo_surface_destroy(pdf);
}

}  // namespace

double TextWidthPt(const std::string& font, const std::string& text, double size_pt, bool bold) {
  // One surface and context for every measurement of the thread: the generator writes a set's
  // documents one after another.
  thread_local cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
  thread_local cairo_t* cr = cairo_create(surface);
  PangoLayout* layout = RunLayout(cr, font, text, size_pt, bold);
  double width = LayoutWidthPt(layout);
  g_object_unref(layout);
  return width;
}

const char* ToString(RenderMode mode) {
  switch (mode) {
    case RenderMode::kBornDigital: return "born_digital";
    case RenderMode::kScan: return "scan";
    case RenderMode::kPhoto: return "photo";
    case RenderMode::kFax: return "fax";
    case RenderMode::kFhir: return "fhir";
  }
  return "";
}

std::string PageText(const PageSpec& page) {
  std::vector<const TextRun*> runs;
  for (const TextRun& run : page.texts) runs.push_back(&run);
  std::stable_sort(runs.begin(), runs.end(), [](const TextRun* a, const TextRun* b) {
    if (std::abs(a->y_pt - b->y_pt) > 3) return a->y_pt < b->y_pt;
    return a->x_pt < b->x_pt;
  });
  std::string text;
  double row_y = -100;
  for (const TextRun* run : runs) {
    if (!text.empty()) text += std::abs(run->y_pt - row_y) > 3 ? "\n" : " ";
    if (std::abs(run->y_pt - row_y) > 3) row_y = run->y_pt;
    text += run->text;
  }
  return text + "\n";
}

Json Render(const std::vector<PageSpec>& pages, RenderMode mode, Rng& rng, const std::string& path) {
  if (mode == RenderMode::kFhir) throw std::logic_error("FHIR is written from the truth, not drawn: " + path);
  Json truth = Json::array();
  for (size_t i = 0; i < pages.size(); ++i) {
    truth.push_back({{"number", i + 1}, {"text", PageText(pages[i])}, {"rotation", 0}, {"skew_degrees", 0.0}});
  }
  if (mode == RenderMode::kBornDigital) {
    cairo_surface_t* pdf = cairo_pdf_surface_create(path.c_str(), kPageWidthPt, kPageHeightPt);
    FixPdfDates(pdf);
    cairo_t* cr = cairo_create(pdf);
    for (const PageSpec& page : pages) {
      DrawPage(cr, page);
      cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(pdf);
    bool ok = cairo_surface_status(pdf) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(pdf);
    if (!ok) throw std::runtime_error("cannot write " + path);
    return truth;
  }
  if (mode == RenderMode::kScan) {
    std::vector<cv::Mat> images;
    std::vector<int> dpis;
    for (size_t i = 0; i < pages.size(); ++i) {
      int dpi = rng.Chance(0.5) ? 300 : 200;
      images.push_back(Scan(pages[i], dpi, rng, truth[i]));
      dpis.push_back(dpi);
    }
    WriteImagePdf(images, dpis, path);
    return truth;
  }
  if (mode == RenderMode::kFax) {
    RenderFax(pages, rng, path, truth);
    return truth;
  }
  // A photo is one image per page; the generator gives photos one page each.
  cv::Mat image = Photo(pages[0], rng, truth[0]);
  if (!cv::imwrite(path, image, {cv::IMWRITE_JPEG_QUALITY, rng.Int(70, 85)})) throw std::runtime_error("cannot write " + path);
  truth.erase(truth.begin() + 1, truth.end());
  return truth;
}

}  // namespace samplegen
