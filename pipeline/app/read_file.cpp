// One file's pages through the stages (ingest, prepare, OCR, lines) and then its documents, with
// whatever an engine throws made the page's or the file's one-line reason. The runner's workers
// call these a page at a time; ProcessBytes reads a whole file on the caller's thread.
#include "pipeline/app/read_file.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "extractors/classify.hpp"
#include "extractors/extract.hpp"
#include "extractors/fhir_eob.hpp"
#include "extractors/split.hpp"
#include "pipeline/core/text.hpp"
#include "pipeline/reading/layout.hpp"
#include "pipeline/reading/second_look.hpp"

namespace shoebox::runner {
namespace {

double MillisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string Basename(const std::string& path) { return std::filesystem::path(path).filename().string(); }

// The words of a prepared OCR page: none on a blank page, an error for a picture, else read with
// the page's ruled lines and leader dots erased, turned and read again where it read badly on its
// side, and given a second look. `keep` sees each image it changes.
Result<std::vector<Word>> ReadWords(Page& page, ocr::Engine& engine, const Options& options,
                                    const std::function<void(const char*, const GrayImage&)>& keep) {
  if (page.blank) return std::vector<Word>{};
  if (prepare::EraseRuledLines(page.image, page.dpi) > 0) keep("rules", page.image);
  // The marks of the image the words are read from: found once for the picture test and the second look.
  std::vector<BoxPx> marks = prepare::FindMarks(page.image);
  if (prepare::LooksLikePicture(prepare::CountMarks(marks, page.dpi))) {
    return MakeError("looks like a picture or a pattern, not a document: no text read");
  }
  // Leader dots out of the image first: Tesseract reads them as letters.
  auto read_without_leaders = [&] {
    if (prepare::EraseLeaderDots(page.image, marks, page.dpi) > 0) keep("dots", page.image);
    return engine.Recognize(page.image, page.dpi);
  };
  Result<std::vector<Word>> words = read_without_leaders();
  // Orientation the letter shapes left open: a page that read badly may be on its side.
  if (words && prepare::TurnIfReadBadly(page, *words, engine, options.prepare)) {
    keep("upright", page.image);
    marks = prepare::FindMarks(page.image);
    words = read_without_leaders();
  }
  if (words && options.second_look) {
    second_look::ReReadDoubtfulFigures(page.image, page.dpi, *words, engine);
    std::vector<Word> more = second_look::ReadUnreadMarks(page.image, marks, page.dpi, *words, engine);
    words->insert(words->end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
  return words;
}

// One page of a source through ingest, prepare and OCR, its lines rebuilt. The engine is created on
// the first page that needs it and kept (R3). Any engine may throw on input it was not made for.
PageRead ReadPageOrThrow(ingest::PageSource& source, int index, const std::string& path,
                         std::unique_ptr<ocr::Engine>* engine, const Options& options) {
  PageRead read;
  auto load_started = Clock::now();
  Result<Page> loaded = source.LoadPage(index);
  if (!loaded) {
    read.page.number = index + 1;
    read.page.error = loaded.error().message;
    return read;
  }
  Page page = std::move(loaded).value();
  page.ingest_ms = MillisecondsSince(load_started);
  if (auto too_small = page.text_source == TextSource::kOcr ? prepare::TooSmallToRead(page) : std::nullopt) {
    page.error = *too_small;
    page.image = {};
    read.page = std::move(page);
    return read;
  }
  if (page.text_source == TextSource::kOcr) {
    if (!*engine) {
      auto made = options.make_engine ? options.make_engine() : ocr::MakeTesseractEngine({});
      if (!made) {
        page.error = "page " + std::to_string(page.number) + ": " + made.error().message;
        page.image = {};
        read.page = std::move(page);
        return read;
      }
      *engine = std::move(made).value();
    }
    int number = page.number;
    auto keep = [&](const char* stage, const GrayImage& image) {
      if (options.keep_intermediates_dir.empty()) return;
      std::string name = Basename(path) + "-p" + std::to_string(number) + "-" + stage + ".png";
      WritePrivatePng(image, options.keep_intermediates_dir + "/" + name);
    };
    keep("ingest", page.image);
    prepare::Options prepare_options = options.prepare;
    if (!options.keep_intermediates_dir.empty()) prepare_options.on_step = keep;
    auto prepare_started = Clock::now();
    page = prepare::Prepare(std::move(page), engine->get(), prepare_options);
    page.prepare_ms = MillisecondsSince(prepare_started);
    keep("prepare", page.image);
    auto recognize_started = Clock::now();
    double orientation_before = page.orientation_ms;  // an orientation pass below is preparation
    Result<std::vector<Word>> words = ReadWords(page, **engine, options, keep);
    page.recognize_ms = MillisecondsSince(recognize_started) - (page.orientation_ms - orientation_before);
    if (words) {
      page.words = std::move(words).value();
    } else {
      page.error = "page " + std::to_string(page.number) + ": " + words.error().message;
    }
  }
  page.image = {};  // pages stream through: no image outlives its page's OCR
  std::erase_if(page.words, [](const Word& word) { return IsSeparator(word.text); });
  if (page.words.empty() && page.error.empty()) {
    page.no_text = page.blank ? "no text: the page looks blank" : "no text: no words could be read on it";
  }
  read.lines = layout::BuildLines(page.words, page.number);
  if (!read.lines.empty() && layout::IsTransmissionHeader(read.lines.front(), page.height_px)) {
    // The sending fax machine's line is not the document's: not its words, not its text.
    for (const Word& sent_by : read.lines.front().words) {
      std::erase_if(page.words, [&](const Word& word) {
        return word.text == sent_by.text && word.box_px.x0 == sent_by.box_px.x0 && word.box_px.y0 == sent_by.box_px.y0;
      });
    }
    read.lines.erase(read.lines.begin());
  }
  page.text = layout::PageText(read.lines);
  read.page = std::move(page);
  return read;
}

// A message on one line: engines' exception texts may carry newlines.
std::string OneLine(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

// ReadPageOrThrow, with whatever an engine throws (OpenCV, Leptonica, Tesseract, Poppler) made the
// page's one-line reason, so the file is recorded and the run goes on.
PageRead ReadPage(ingest::PageSource& source, int index, const std::string& path, std::unique_ptr<ocr::Engine>* engine,
                  const Options& options) {
  try {
    return ReadPageOrThrow(source, index, path, engine, options);
  } catch (const std::exception& thrown) {
    PageRead read;
    read.page.number = index + 1;
    read.page.error = "page " + std::to_string(index + 1) + ": could not be read: " + OneLine(thrown.what());
    return read;
  }
}

}  // namespace

ingest::Options IngestUntil(const Options& options, Clock::time_point deadline) {
  ingest::Options ingest = options.ingest;
  ingest.deadline = deadline;
  return ingest;
}

PageRead ReadPageInTime(ingest::PageSource& source, int index, const std::string& path,
                        std::unique_ptr<ocr::Engine>* engine, const Options& options, Clock::time_point deadline) {
  PageRead read;
  if (Clock::now() < deadline) {
    read = ReadPage(source, index, path, engine, options);
    if (read.page.error.empty() || Clock::now() < deadline) return read;
  }
  read.out_of_time = true;
  return read;
}

Result<std::unique_ptr<ingest::PageSource>> OpenSource(std::shared_ptr<const std::string> bytes,
                                                       const ingest::Options& options) {
  try {
    return ingest::Open(std::move(bytes), options);
  } catch (const std::exception& thrown) {
    return MakeError("could not be opened: " + OneLine(thrown.what()));
  }
}

void AssembleDocuments(std::vector<PageRead> pages, SourceResult& result, std::chrono::seconds file_timeout) {
  if (std::any_of(pages.begin(), pages.end(), [](const PageRead& read) { return read.out_of_time; })) {
    result.status = SourceStatus::kFailed;
    result.error = "gave up after " + std::to_string(file_timeout.count()) +
                   " s, the time one file may take (--file-timeout): it may be damaged or made to stall readers";
    for (PageRead& read : pages) {
      if (!read.out_of_time) result.pages.push_back(std::move(read.page));
    }
    return;
  }
  std::vector<std::vector<Line>> lines_by_page;
  std::vector<int> page_numbers;
  for (PageRead& read : pages) {
    page_numbers.push_back(read.page.number);
    lines_by_page.push_back(std::move(read.lines));
    result.pages.push_back(std::move(read.page));
  }
  for (const split::PageRange& range : split::Split(lines_by_page, page_numbers)) {
    std::vector<Line> lines;
    for (size_t i = 0; i < page_numbers.size(); ++i) {
      if (page_numbers[i] < range.first_page || page_numbers[i] > range.last_page) continue;
      lines.insert(lines.end(), lines_by_page[i].begin(), lines_by_page[i].end());
    }
    Document document;
    document.first_page = range.first_page;
    document.last_page = range.last_page;
    classify::Classification kind = classify::Classify(lines);
    document.kind = kind.kind;
    document.kind_confidence = kind.confidence;
    document.form = kind.form;
    extractors::Extract(lines, document);
    result.documents.push_back(std::move(document));
  }
}

bool ReadIfFhir(const std::string& bytes, SourceResult& result) {
  if (!extractors::LooksLikeFhirJson(bytes)) return false;
  result.media_type = "application/fhir+json";
  auto documents = extractors::ReadFhirEobs(bytes);
  if (!documents) {
    result.status = SourceStatus::kFailed;
    result.error = documents.error().message;
  } else {
    result.documents = std::move(documents).value();
  }
  return true;
}

SourceResult ProcessBytes(const std::string& path, std::string bytes, std::unique_ptr<ocr::Engine>* engine,
                          const Options& options) {
  SourceResult result;
  result.path = path;
  result.media_type = ingest::MediaTypeName(ingest::SniffMediaType(bytes));
  if (ReadIfFhir(bytes, result)) return result;
  ingest::Options ingest_options = IngestUntil(options, Clock::now() + options.file_timeout);
  auto source = OpenSource(std::make_shared<const std::string>(std::move(bytes)), ingest_options);
  if (!source) {
    result.status = SourceStatus::kFailed;
    result.error = source.error().message;
    return result;
  }
  std::vector<PageRead> pages;
  for (int index = 0; index < (*source)->PageCount(); ++index) {
    if (StopRequested(options)) {
      result.interrupted = true;
      return result;
    }
    pages.push_back(ReadPageInTime(**source, index, path, engine, options, ingest_options.deadline));
    if (pages.back().out_of_time) break;
  }
  AssembleDocuments(std::move(pages), result, options.file_timeout);
  return result;
}

}  // namespace shoebox::runner
