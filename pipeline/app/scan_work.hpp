// The work a scan hands between its threads (runner.cpp): files read and hashed, files whose pages
// are being read, and the queues between producer, workers and writer. Internal to the runner.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "pipeline/app/read_file.hpp"
#include "pipeline/app/runner.hpp"
#include "pipeline/core/page.hpp"

namespace shoebox::runner {

// A work item: a file read and hashed by the producer, waiting for a worker.
struct Job {
  size_t index = 0;
  SourceResult header;  // path, sha256, size, mtime
  std::string bytes;
};

struct Outcome {
  size_t index = 0;  // position in the expanded file list: results are written in this order
  SourceResult result;
  bool skipped = false;  // same bytes as a stored source, or as an earlier file of this batch
};

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity) {}
  void Push(T item) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_; });
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }
  std::optional<T> Pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }
  void Close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
  }

 private:
  size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
  std::deque<T> items_;
  bool closed_ = false;
};

// A file whose pages are being read, shared by the workers that read them.
struct FileInProgress {
  size_t index = 0;
  SourceResult result;  // the header; pages and documents are filled in when the last page is read
  std::shared_ptr<const std::string> bytes;  // each worker reading a page opens its own parser over them
  std::vector<PageRead> pages;  // by position
  std::atomic<int> remaining{0};
  std::atomic<bool> interrupted{false};
  std::chrono::steady_clock::time_point deadline;  // Options::file_timeout after a worker opened it
  std::atomic<bool> out_of_time{false};
};

struct PageTask {
  std::shared_ptr<FileInProgress> file;
  int index = 0;
};

// Hands out work: pages of files already started first (a long PDF is read by every worker, and a
// started file is finished before the next is begun, so memory stays bounded and results come in
// order), then new files from the producer.
class Scheduler {
 public:
  explicit Scheduler(size_t file_capacity) : file_capacity_(file_capacity) {}

  void PushFile(Job job) {
    std::unique_lock lock(mutex_);
    files_not_full_.wait(lock, [&] { return files_.size() < file_capacity_; });
    files_.push_back(std::move(job));
    ready_.notify_one();
  }
  void CloseFiles() {
    std::lock_guard lock(mutex_);
    files_closed_ = true;
    ready_.notify_all();
  }
  // Called once per file taken by Next, with the pages left for others (none for a file that could
  // not be opened): until then a worker with nothing to do waits rather than leaves.
  void FileOpened(const std::shared_ptr<FileInProgress>& file, int first_page, int page_count) {
    std::lock_guard lock(mutex_);
    for (int index = first_page; index < page_count; ++index) pages_.push_back({file, index});
    --opening_;
    ready_.notify_all();
  }
  // A page to read, or a file to start; nullopt once everything is handed out.
  std::optional<std::variant<PageTask, Job>> Next() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !pages_.empty() || !files_.empty() || (files_closed_ && opening_ == 0); });
    if (!pages_.empty()) {
      PageTask task = std::move(pages_.front());
      pages_.pop_front();
      return task;
    }
    if (!files_.empty()) {
      Job job = std::move(files_.front());
      files_.pop_front();
      ++opening_;
      files_not_full_.notify_one();
      return job;
    }
    return std::nullopt;
  }

 private:
  size_t file_capacity_;
  std::mutex mutex_;
  std::condition_variable ready_, files_not_full_;
  std::deque<Job> files_;
  std::deque<PageTask> pages_;
  bool files_closed_ = false;
  int opening_ = 0;  // files taken whose pages are not yet listed
};

}  // namespace shoebox::runner
