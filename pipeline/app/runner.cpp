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

#include "pipeline/analysis/analysis.hpp"
#include "pipeline/core/sha256.hpp"
#include "pipeline/app/scan_work.hpp"

namespace shoebox::runner {
namespace {

namespace fs = std::filesystem;

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
  std::string text = findings::KindWords(document.kind);
  std::string separator = ": ";
  for (const Field& field : document.fields) {
    // Figures and dates only: names and numbers that identify a person stay out of the output.
    if (!field.cents && field.name.find("date") == std::string::npos) continue;
    text += separator + findings::FieldWords(field.name) + " " + (field.cents ? findings::Money(*field.cents) : field.text);
    separator = ", ";
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
  std::vector<std::string> notices;  // pages read without a word: said, not failures
  for (const Page& page : result.pages) {
    if (!page.error.empty()) failures.push_back(result.path + ": " + page.error);
    if (!page.no_text.empty()) notices.push_back(result.path + ": page " + std::to_string(page.number) + ": " + page.no_text);
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
  for (const std::string& line : notices) err << line << '\n';
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
        auto source = OpenSource(page.file->bytes, IngestUntil(options_, page.file->deadline));
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
    if (ReadIfFhir(job.bytes, file->result)) {
      work_.FileOpened(file, 0, 0);
      done_.Push(Outcome{file->index, std::move(file->result), false});
      return;
    }
    file->bytes = std::make_shared<const std::string>(std::move(job.bytes));
    file->deadline = Clock::now() + options_.file_timeout;
    auto source = OpenSource(file->bytes, IngestUntil(options_, file->deadline));
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
      AssembleDocuments({}, file->result, options_.file_timeout);
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
    if (file.out_of_time) {  // a page of it already found its time gone: the rest is not begun
      PageRead skipped;
      skipped.out_of_time = true;
      PageDone(file, index, std::move(skipped));
      return;
    }
    PageRead read = ReadPageInTime(source, index, file.result.path, engine, options_, file.deadline);
    if (read.out_of_time) file.out_of_time = true;
    PageDone(file, index, std::move(read));
  }

  // A page read: the last one of its file puts the file's documents together and hands it on.
  void PageDone(FileInProgress& file, int index, PageRead read) {
    file.pages[static_cast<size_t>(index)] = std::move(read);
    if (file.remaining.fetch_sub(1) != 1) return;
    if (file.interrupted) {
      file.result.interrupted = true;
    } else {
      AssembleDocuments(std::move(file.pages), file.result, options_.file_timeout);
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
