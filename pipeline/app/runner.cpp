#include "pipeline/app/runner.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <filesystem>
#include <optional>
#include <ostream>
#include <thread>
#include <unordered_set>

#include "extractors/extract.hpp"
#include "pipeline/analysis/analysis.hpp"
#include "extractors/classify.hpp"
#include "pipeline/reading/layout.hpp"
#include "pipeline/reading/second_look.hpp"
#include "pipeline/core/sha256.hpp"
#include "extractors/split.hpp"
#include "pipeline/app/scan_work.hpp"

namespace shoebox::runner {
namespace {

namespace fs = std::filesystem;

using Clock = std::chrono::steady_clock;

double MillisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

bool StopRequested(const Options& options) { return options.stop != nullptr && options.stop->load(); }

std::string Basename(const std::string& path) { return fs::path(path).filename().string(); }

// R1: read-only open; the whole file is read so it is hashed and parsed from the same bytes.
Result<std::string> ReadWholeFile(const std::string& path, std::int64_t max_bytes, struct stat* info) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return MakeError(std::string("cannot open: ") + std::strerror(errno));
  if (::fstat(fd, info) != 0 || !S_ISREG(info->st_mode)) {
    ::close(fd);
    return MakeError("not a regular file");
  }
  if (info->st_size > max_bytes) {
    ::close(fd);
    return MakeError("file is larger than the " + std::to_string(max_bytes >> 20) + " MiB limit");
  }
  std::string bytes(static_cast<size_t>(info->st_size), '\0');
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      std::string error = std::string("cannot read: ") + std::strerror(errno);
      ::close(fd);
      return MakeError(error);
    }
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  bytes.resize(done);
  return bytes;
}

int DefaultJobs() { return std::max(1u, std::thread::hardware_concurrency()); }

std::string DescribeDocument(const Document& document) {
  std::string text = ToString(document.kind);
  for (const Field& field : document.fields) {
    // Figures and dates only: names and numbers that identify a person stay out of the output.
    if (!field.cents && field.name.find("date") == std::string::npos) continue;
    text += " " + field.name + "=";
    if (field.cents) {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%s%lld.%02lld", *field.cents < 0 ? "-" : "",
                    static_cast<long long>(std::llabs(*field.cents) / 100),
                    static_cast<long long>(std::llabs(*field.cents) % 100));
      text += buffer;
    } else {
      text += field.text;
    }
  }
  return text;
}

// Writes one outcome (or counts it as skipped) and prints its lines.
void WriteOutcome(const Outcome& outcome, store::Database& db, const Options& options, Summary& summary, std::ostream& out, std::ostream& err, std::optional<Error>& database_error) {
  const SourceResult& result = outcome.result;
  auto report = [&](FileReport::Outcome what) {
    if (options.on_file) options.on_file(FileReport{result.path, result.sha256, what});
  };
  if (outcome.skipped) {
    ++summary.files_skipped;
    report(FileReport::kAlreadyStored);
    return;
  }
  if (result.interrupted) {
    ++summary.files_interrupted;
    report(FileReport::kInterrupted);
    return;
  }
  bool failed = result.status == SourceStatus::kFailed;
  std::vector<std::string> failures;
  if (failed) failures.push_back(result.path + ": " + result.error);
  for (const Page& page : result.pages) {
    if (!page.error.empty()) failures.push_back(result.path + ": " + page.error);
  }
  auto written = db.WriteSource(result, options.force, options.scanned_at);
  if (!written) {
    database_error = written.error();
    return;
  }
  if (!*written) {  // a second scan or the watcher stored these bytes first
    ++summary.files_skipped;
    report(FileReport::kAlreadyStored);
    return;
  }
  if (options.show_progress) err << "\r\033[K";
  for (const std::string& line : failures) err << line << '\n';
  if (!failures.empty()) ++summary.files_failed;
  report(failed ? FileReport::kFailed : FileReport::kStored);
  if (failed) return;
  ++summary.files_scanned;
  summary.pages += static_cast<int>(result.pages.size());
  summary.documents += static_cast<int>(result.documents.size());
  for (const Document& document : result.documents) out << result.path << ": " << DescribeDocument(document) << '\n';
}

// The progress line on a terminal: files done, pages per second, and the time left at the pace of
// the files processed so far (skipped files cost next to nothing, so they do not count toward it).
void ShowProgress(std::ostream& err, size_t done, size_t total, const Summary& summary, Clock::time_point started) {
  double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  int processed = summary.files_scanned + summary.files_failed;
  char line[160];
  int length = std::snprintf(line, sizeof line, "\r\033[K[%zu/%zu] %.1f pages/s", done, total,
                             seconds > 0 ? summary.pages / seconds : 0.0);
  if (processed > 0 && done < total) {
    auto left = static_cast<long>(seconds / processed * static_cast<double>(total - done));
    std::snprintf(line + length, sizeof line - static_cast<size_t>(length), ", %ld:%02ld left", left / 60, left % 60);
  }
  err << line << std::flush;
}

}  // namespace

std::vector<std::string> ExpandPaths(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code error;
    if (fs::is_directory(path, error)) {
      std::vector<std::string> found;
      auto options = fs::directory_options::skip_permission_denied;
      for (auto it = fs::recursive_directory_iterator(path, options, error); !error && it != fs::end(it);
           it.increment(error)) {
        std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory(error)) it.disable_recursion_pending();
          continue;
        }
        std::error_code unresolved;
        if (it->is_regular_file(error)) {
          found.push_back(it->path().string());
        } else if (it->is_symlink(error) && !fs::exists(it->path(), unresolved)) {
          // A dangling link or a loop of links: listed, so it is recorded and reported as a file
          // given by name would be ("cannot open: …"), not passed over in silence.
          found.push_back(it->path().string());
        }
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(path);
    }
  }
  return files;
}

namespace {

// Why an OCR page's image is too small to read, if it is: a side of fewer than 16 pixels holds no
// letter Tesseract can read, and OpenCV's background estimate (a quarter-size copy) cannot be made
// of it.
std::optional<std::string> TooSmallToRead(const Page& page) {
  constexpr int kSmallestReadableSidePx = 16;
  if (page.image.width >= kSmallestReadableSidePx && page.image.height >= kSmallestReadableSidePx) return std::nullopt;
  return "page " + std::to_string(page.number) + ": the image is " + std::to_string(page.image.width) + "x" +
         std::to_string(page.image.height) + " px, too small to read";
}

// The words of a prepared OCR page: none on a blank page, an error for a picture, else read with
// the page's leader dots erased, turned and read again where it read badly on its side, and given
// a second look. `keep` sees each image it changes.
Result<std::vector<Word>> ReadWords(Page& page, ocr::Engine& engine, const Options& options,
                                    const std::function<void(const char*, const GrayImage&)>& keep) {
  if (page.blank) return std::vector<Word>{};
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
  if (auto too_small = page.text_source == TextSource::kOcr ? TooSmallToRead(page) : std::nullopt) {
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
  read.lines = layout::BuildLines(page.words, page.number);
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

// ingest::Open, with what Poppler or Leptonica throws on a file they cannot parse made its reason.
template <typename Bytes>
Result<std::unique_ptr<ingest::PageSource>> OpenSource(Bytes&& bytes, const ingest::Options& options) {
  try {
    return ingest::Open(std::forward<Bytes>(bytes), options);
  } catch (const std::exception& thrown) {
    return MakeError("could not be opened: " + OneLine(thrown.what()));
  }
}

// The file's pages, in order, into result.pages, and its documents: the pages split into
// documents, each classified and extracted.
void AssembleDocuments(std::vector<PageRead> pages, SourceResult& result) {
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

}  // namespace

SourceResult ProcessBytes(const std::string& path, std::string bytes, std::unique_ptr<ocr::Engine>* engine,
                          const Options& options) {
  SourceResult result;
  result.path = path;
  result.media_type = ingest::MediaTypeName(ingest::SniffMediaType(bytes));
  auto source = OpenSource(std::move(bytes), options.ingest);
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
    pages.push_back(ReadPage(**source, index, path, engine, options));
  }
  AssembleDocuments(std::move(pages), result);
  return result;
}

Result<size_t> RefreshFindings(store::Database& db, const std::string& today) {
  findings::Analyser analyser;
  return RefreshFindings(db, today, analyser);
}

Result<size_t> RefreshFindings(store::Database& db, const std::string& today, findings::Analyser& analyser) {
  auto updated = analyser.Update(db);
  if (!updated) return updated.error();
  const findings::Analysis& analysis = **updated;
  auto notes = db.LoadNotes();
  if (!notes) return notes.error();
  std::vector<Finding> found = findings::EvaluateRules(analysis.documents, analysis.matches, today, *notes);
  if (auto written = db.ReplaceFindings(analysis.twins, analysis.matches, found, today); !written) {
    return written.error();
  }
  return found.size();
}

namespace {

// One scan's three kinds of thread: a producer that reads and hashes files, workers that read pages,
// and the caller's thread, the sole writer, which owns the SQLite connection.
class ScanRun {
 public:
  ScanRun(std::vector<std::string> files, store::Database& db, const Options& options, int jobs)
      : files_(std::move(files)), db_(db), options_(options), jobs_(jobs),
        work_(static_cast<size_t>(jobs) * 2), done_(static_cast<size_t>(jobs) * 2) {}

  Result<Summary> Run(std::ostream& out, std::ostream& err) {
    summary_.files_seen = static_cast<int>(files_.size());
    // Hashes already stored: the producer skips those files without parsing them (S2 of store.hpp).
    if (!options_.force) {
      auto stored = db_.LoadDoneHashes();
      if (!stored) return stored.error();
      known_.insert(stored->begin(), stored->end());
    }
    std::vector<std::thread> workers;
    for (int w = 0; w < jobs_; ++w) workers.emplace_back([this] { Work(); });
    std::thread producer([this] { Produce(); });
    std::optional<Error> database_error = WriteInInputOrder(out, err);
    producer.join();
    for (std::thread& worker : workers) worker.join();
    if (options_.show_progress) err << "\r\033[K" << std::flush;
    if (database_error) return *database_error;
    return summary_;
  }

 private:
  // The producer reads and hashes on its own thread so the writer never waits on disk.
  void Produce() {
    std::unordered_set<std::string> seen;  // the same bytes twice in one batch are read once
    for (size_t i = 0; i < files_.size(); ++i) {
      Job job;
      job.index = i;
      job.header.path = files_[i];
      if (StopRequested(options_)) {  // the rest is left for the next run
        job.header.interrupted = true;
        done_.Push(Outcome{i, std::move(job.header), false});
        continue;
      }
      struct stat info {};
      auto bytes = ReadWholeFile(files_[i], options_.ingest.limits.max_file_bytes, &info);
      if (!bytes) {
        job.header.status = SourceStatus::kFailed;
        job.header.error = bytes.error().message;
        done_.Push(Outcome{i, std::move(job.header), false});
        continue;
      }
      job.header.sha256 = Sha256Hex(*bytes);
      job.header.size_bytes = info.st_size;
      job.header.mtime_seconds = info.st_mtime;
      job.header.mtime_ns = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
      if (known_.count(job.header.sha256) || !seen.insert(job.header.sha256).second) {
        done_.Push(Outcome{i, std::move(job.header), true});
        continue;
      }
      job.bytes = std::move(bytes).value();
      work_.PushFile(std::move(job));
    }
    work_.CloseFiles();
  }

  // A worker takes whole files (reading their first page) and single pages of files others opened.
  void Work() {
    std::unique_ptr<ocr::Engine> engine;  // R3
    // The file this worker last read a page of, and its own parser of it.
    std::shared_ptr<FileInProgress> open_file;
    std::unique_ptr<ingest::PageSource> open_source;
    while (auto task = work_.Next()) {
      if (Job* job = std::get_if<Job>(&*task)) {
        OpenFile(std::move(*job), open_file, open_source, &engine);
        continue;
      }
      PageTask& page = std::get<PageTask>(*task);
      if (open_file != page.file) {
        open_file = page.file;
        auto source = OpenSource(page.file->bytes, options_.ingest);
        open_source = source ? std::move(source).value() : nullptr;
      }
      if (open_source == nullptr) {  // opened once already, so this is not expected
        PageRead failed;
        failed.page.number = page.index + 1;
        failed.page.error = "page " + std::to_string(page.index + 1) + ": the file could not be opened again";
        PageDone(*page.file, page.index, std::move(failed));
        continue;
      }
      ReadOnePage(*page.file, *open_source, page.index, &engine);
    }
  }

  void OpenFile(Job job, std::shared_ptr<FileInProgress>& open_file, std::unique_ptr<ingest::PageSource>& open_source,
                std::unique_ptr<ocr::Engine>* engine) {
    auto file = std::make_shared<FileInProgress>();
    file->index = job.index;
    file->result = std::move(job.header);
    file->result.media_type = ingest::MediaTypeName(ingest::SniffMediaType(job.bytes));
    file->bytes = std::make_shared<const std::string>(std::move(job.bytes));
    auto source = OpenSource(file->bytes, options_.ingest);
    if (!source) {
      work_.FileOpened(file, 0, 0);
      file->result.status = SourceStatus::kFailed;
      file->result.error = source.error().message;
      done_.Push(Outcome{file->index, std::move(file->result), false});
      return;
    }
    int page_count = (*source)->PageCount();
    file->pages.resize(static_cast<size_t>(page_count));
    file->remaining = page_count;
    if (page_count == 0) {
      work_.FileOpened(file, 0, 0);
      AssembleDocuments({}, file->result);
      done_.Push(Outcome{file->index, std::move(file->result), false});
      return;
    }
    work_.FileOpened(file, 1, page_count);  // pages 2.. for whoever is free
    open_file = file;
    open_source = std::move(source).value();
    ReadOnePage(*file, *open_source, 0, engine);
  }

  void ReadOnePage(FileInProgress& file, ingest::PageSource& source, int index, std::unique_ptr<ocr::Engine>* engine) {
    if (file.interrupted || StopRequested(options_)) {  // files in flight stop at their next page
      file.interrupted = true;
      PageDone(file, index, {});
      return;
    }
    PageDone(file, index, ReadPage(source, index, file.result.path, engine, options_));
  }

  // A page read: the last one of its file puts the file's documents together and hands it on.
  void PageDone(FileInProgress& file, int index, PageRead read) {
    file.pages[static_cast<size_t>(index)] = std::move(read);
    if (file.remaining.fetch_sub(1) != 1) return;
    if (file.interrupted) {
      file.result.interrupted = true;
    } else {
      AssembleDocuments(std::move(file.pages), file.result);
    }
    done_.Push(Outcome{file.index, std::move(file.result), false});
  }

  // Workers finish out of order; results are written in input order so the database and the
  // output are the same from run to run. After a database error the rest is drained unwritten so
  // the workers can finish.
  std::optional<Error> WriteInInputOrder(std::ostream& out, std::ostream& err) {
    std::optional<Error> database_error;
    std::map<size_t, Outcome> waiting;
    size_t next = 0;
    while (next < files_.size()) {
      std::optional<Outcome> arrived = done_.Pop();
      if (!arrived) break;
      waiting.emplace(arrived->index, std::move(*arrived));
      for (auto it = waiting.find(next); it != waiting.end(); it = waiting.find(++next)) {
        Outcome outcome = std::move(it->second);
        waiting.erase(it);
        if (database_error) continue;
        WriteOutcome(outcome, db_, options_, summary_, out, err, database_error);
        if (options_.show_progress) ShowProgress(err, next + 1, files_.size(), summary_, started_);
      }
    }
    return database_error;
  }

  const std::vector<std::string> files_;
  store::Database& db_;
  const Options& options_;
  const int jobs_;
  const Clock::time_point started_ = Clock::now();
  std::unordered_set<std::string> known_;
  Scheduler work_;
  BoundedQueue<Outcome> done_;
  Summary summary_;
};

}  // namespace

Result<Summary> Scan(const std::vector<std::string>& paths, store::Database& db, const Options& options,
                     std::ostream& out, std::ostream& err) {
  int jobs = options.jobs > 0 ? options.jobs : DefaultJobs();
  ScanRun run(ExpandPaths(paths), db, options, jobs);
  return run.Run(out, err);
}

}  // namespace shoebox::runner
