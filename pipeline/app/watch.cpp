#include "pipeline/app/watch.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <ostream>
#include <set>
#include <vector>

#include "pipeline/analysis/analysis.hpp"
#include "pipeline/analysis/problems.hpp"

namespace shoebox::watch {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// What a file looked like when last seen; a change in any part means it is still being written
// (or was rewritten).
struct Fingerprint {
  std::int64_t size = -1;
  std::int64_t mtime_ns = 0;
  std::uint64_t inode = 0;
  bool operator==(const Fingerprint&) const = default;
};

// A finding's identity across refreshes: its rule and the papers it rests on.
std::string IdentityOf(const Finding& finding) {
  std::vector<std::string> documents = finding.documents;
  std::sort(documents.begin(), documents.end());
  std::string identity = finding.rule_id;
  for (const std::string& id : documents) identity += " " + id;
  return identity;
}

// What a batch changed, one line each on the watcher's output (a terminal or a log): a finding or
// an item to check that is new, and a deadline that moved.
void SayWhatChanged(const std::vector<Finding>& before, const std::vector<Finding>& after, const std::string& today,
                    std::ostream& out) {
  std::map<std::string, const Finding*> earlier;
  for (const Finding& finding : before) earlier.emplace(IdentityOf(finding), &finding);
  for (const Finding& finding : after) {
    auto was = earlier.find(IdentityOf(finding));
    std::string deadline =
        finding.deadline.empty() ? "" : ", deadline " + findings::DeadlineInWords(finding.deadline, today);
    std::string stake = finding.amount_cents ? ": " + findings::Money(*finding.amount_cents) + " at stake" : "";
    if (was == earlier.end()) {
      out << (finding.to_check ? "new to check: " : "new finding: ") << Title(finding.rule) << stake << deadline
          << " (shoebox findings says what to do)\n";
    } else if (was->second->deadline != finding.deadline && !finding.deadline.empty()) {
      out << "deadline moved: " << Title(finding.rule) << stake << deadline << " (was "
          << (was->second->deadline.empty() ? "none" : was->second->deadline) << ")\n";
    }
  }
  out.flush();
}

Fingerprint FingerprintOf(const struct stat& info) {
  return {info.st_size, static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec,
          static_cast<std::uint64_t>(info.st_ino)};
}

struct Candidate {
  Fingerprint fingerprint;
  Clock::time_point unchanged_since;
};

bool EndsWith(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// inotify on a folder tree: one watch per folder, added as folders appear. Events only say where
// to look; the candidates' fingerprints decide what is ready.
class TreeEvents {
 public:
  TreeEvents() : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}
  ~TreeEvents() {
    if (fd_ >= 0) ::close(fd_);
  }
  TreeEvents(const TreeEvents&) = delete;
  TreeEvents& operator=(const TreeEvents&) = delete;

  bool ok() const { return fd_ >= 0; }
  int fd() const { return fd_; }

  void AddFolder(const fs::path& folder) {
    if (fd_ < 0) return;
    constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY | IN_ATTRIB | IN_DONT_FOLLOW;
    int wd = inotify_add_watch(fd_, folder.c_str(), kMask);
    if (wd >= 0) folders_[wd] = folder;
  }

  // The paths events were reported for since the last call; overflowed is set when the kernel's
  // queue overflowed and events were lost (a full rescan is then due).
  std::vector<fs::path> Drain(bool* overflowed) {
    std::vector<fs::path> touched;
    alignas(inotify_event) std::array<char, 64 * 1024> buffer;
    for (;;) {
      ssize_t n = ::read(fd_, buffer.data(), buffer.size());
      if (n <= 0) break;
      for (char* at = buffer.data(); at < buffer.data() + n;) {
        auto* event = reinterpret_cast<inotify_event*>(at);
        at += sizeof(inotify_event) + event->len;
        if (event->mask & IN_Q_OVERFLOW) *overflowed = true;
        auto folder = folders_.find(event->wd);
        if (folder == folders_.end() || event->len == 0) continue;
        touched.push_back(folder->second / event->name);
      }
    }
    return touched;
  }

 private:
  int fd_;
  std::map<int, fs::path> folders_;
};

class Watcher {
 public:
  Watcher(fs::path root, store::Database& db, const Options& options, std::ostream& out, std::ostream& err)
      : root_(std::move(root)), db_(db), options_(options), out_(out), err_(err) {}

  Result<Totals> Run() {
    if (!events_.ok()) err_ << "shoebox watch: inotify unavailable (" << std::strerror(errno) << "); polling only\n";
    if (auto loaded = LoadStoredFingerprints(); !loaded) return loaded.error();
    Rescan(root_);  // W2: everything that arrived while shoebox was not running
    auto next_rescan = Clock::now() + options_.rescan_every;
    while (!Stopping()) {
      pollfd waiting{events_.fd(), POLLIN, 0};
      int timeout_ms = static_cast<int>(std::min<std::int64_t>(250, options_.settle.count()));
      if (events_.ok()) {
        ::poll(&waiting, 1, timeout_ms);  // EINTR (a signal) simply ends the wait early
      } else {
        ::usleep(static_cast<useconds_t>(timeout_ms) * 1000);
      }
      bool overflowed = false;
      if (events_.ok()) {
        for (const fs::path& path : events_.Drain(&overflowed)) Consider(path, /*announced=*/true);
      }
      if (overflowed || Clock::now() >= next_rescan) {
        Rescan(root_);
        next_rescan = Clock::now() + options_.rescan_every;
      }
      std::vector<std::string> ready = TakeSettled();
      if (ready.empty() || Stopping()) continue;
      if (auto scanned = ScanBatch(ready); !scanned) return scanned.error();
    }
    return totals_;
  }

 private:
  bool Stopping() const { return options_.scan.stop != nullptr && options_.scan.stop->load(); }

  // Files the database already holds, by path, size and time: a restart does not hash them again.
  Result<bool> LoadStoredFingerprints() {
    auto stored = db_.LoadDoneFingerprints();
    if (!stored) return stored.error();
    for (const store::SourceFingerprint& source : *stored) stored_[source.path] = {source.size_bytes, source.mtime_ns};
    return true;
  }

  void Rescan(const fs::path& folder) {
    events_.AddFolder(folder);
    std::error_code error;
    for (auto it = fs::directory_iterator(folder, fs::directory_options::skip_permission_denied, error);
         !error && it != fs::directory_iterator(); it.increment(error)) {
      Consider(it->path(), /*announced=*/false);
    }
  }

  // Inside the watched folder, after following links (W3)?
  bool Inside(const fs::path& path) const {
    std::error_code error;
    fs::path real = fs::canonical(path, error);
    if (error) return false;
    auto [root_end, real_it] = std::mismatch(root_.begin(), root_.end(), real.begin(), real.end());
    return root_end == root_.end();
  }

  // announced: inotify named this path, so it is looked at even when it seems unchanged (the
  // runner's hash check keeps the same bytes from being processed twice).
  void Consider(const fs::path& path, bool announced) {
    std::string name = path.filename().string();
    if (IsTemporaryName(name)) return;
    struct stat link_info {};
    if (::lstat(path.c_str(), &link_info) != 0) {
      pending_.erase(path.string());  // gone (moved away, or a temp file renamed into place)
      return;
    }
    struct stat info = link_info;
    if (S_ISLNK(link_info.st_mode)) {
      if (::stat(path.c_str(), &info) != 0) {
        // A dangling link or a loop of links: scanned once, so it is recorded and reported as one
        // given to scan would be ("cannot open: …").
        if (warned_links_.insert(path.string()).second) broken_links_.push_back(path.string());
        return;
      }
      if (!Inside(path)) {
        if (warned_links_.insert(path.string()).second) {
          err_ << path.string() << ": not followed: the link leads outside " << root_.string() << '\n';
        }
        return;
      }
      if (S_ISDIR(info.st_mode)) return;  // linked folders are not descended into (no loops)
    }
    if (S_ISDIR(info.st_mode)) {
      Rescan(path);
      return;
    }
    if (!S_ISREG(info.st_mode)) return;
    Fingerprint now = FingerprintOf(info);
    std::string key = path.string();
    if (!announced) {
      if (auto done = done_.find(key); done != done_.end() && done->second == now) return;
      if (auto stored = stored_.find(key);
          stored != stored_.end() && stored->second.first == now.size && stored->second.second == now.mtime_ns) {
        return;
      }
    }
    auto [it, added] = pending_.try_emplace(key, Candidate{now, Clock::now()});
    if (!added && !(it->second.fingerprint == now)) it->second = Candidate{now, Clock::now()};
  }

  // W1: the candidates that have held still for the settle time and open for reading.
  std::vector<std::string> TakeSettled() {
    std::vector<std::string> ready = std::move(broken_links_);
    broken_links_.clear();
    auto now = Clock::now();
    for (auto it = pending_.begin(); it != pending_.end();) {
      Candidate& candidate = it->second;
      if (now - candidate.unchanged_since < options_.settle) {
        ++it;
        continue;
      }
      struct stat info {};
      if (::stat(it->first.c_str(), &info) != 0) {
        it = pending_.erase(it);
        continue;
      }
      Fingerprint seen = FingerprintOf(info);
      if (!(seen == candidate.fingerprint)) {
        candidate = Candidate{seen, now};
        ++it;
        continue;
      }
      int fd = ::open(it->first.c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) {
        candidate.unchanged_since = now;  // not readable yet: look again after another settle time
        ++it;
        continue;
      }
      ::close(fd);
      done_[it->first] = seen;
      ready.push_back(it->first);
      it = pending_.erase(it);
    }
    std::sort(ready.begin(), ready.end());
    return ready;
  }

  Result<bool> ScanBatch(const std::vector<std::string>& paths) {
    runner::Options scan = options_.scan;
    std::vector<runner::FileReport> held;  // files the database now holds, for the archive
    scan.on_file = [&](const runner::FileReport& report) {
      if (report.outcome == runner::FileReport::kInterrupted) done_.erase(report.path);  // retried next start
      if (report.outcome == runner::FileReport::kStored || report.outcome == runner::FileReport::kAlreadyStored) {
        held.push_back(report);
      }
    };
    auto summary = runner::Scan(paths, db_, scan, out_, err_);
    if (!summary) return summary.error();
    ++totals_.batches;
    totals_.files.files_seen += summary->files_seen;
    totals_.files.files_scanned += summary->files_scanned;
    totals_.files.files_skipped += summary->files_skipped;
    totals_.files.files_failed += summary->files_failed;
    totals_.files.files_interrupted += summary->files_interrupted;
    totals_.files.pages += summary->pages;
    totals_.files.documents += summary->documents;
    if (summary->files_scanned > 0) {
      auto before = db_.LoadFindings();
      if (!before) return before.error();
      std::string today = options_.today();
      auto found = runner::RefreshFindings(db_, today, analyser_);
      if (!found) return found.error();
      auto after = db_.LoadFindings();
      if (!after) return after.error();
      SayWhatChanged(*before, *after, today, out_);
    }
    if (!options_.archive_dir.empty()) {
      for (const runner::FileReport& report : held) Archive(report);
    }
    return true;
  }

  // W5: moved, not copied, so the folder shows what is still to do; never over an existing file.
  // A link stays (what it leads to is archived in its own right); a second copy of stored bytes is
  // archived without becoming the stored source's path.
  void Archive(const runner::FileReport& report) {
    std::error_code error;
    fs::path from = report.path;
    if (fs::is_symlink(from, error)) return;
    fs::path relative = fs::relative(from, root_, error);
    if (error || relative.empty()) relative = from.filename();
    fs::path to = fs::path(options_.archive_dir) / relative;
    fs::create_directories(to.parent_path(), error);
    for (int n = 2; fs::exists(to, error) && n < 1000; ++n) {
      to = to.parent_path() / (from.stem().string() + " (" + std::to_string(n) + ")" + from.extension().string());
    }
    if (::rename(from.c_str(), to.c_str()) != 0) {
      if (errno != EXDEV || !fs::copy_file(from, to, fs::copy_options::none, error) || error) {
        err_ << from.string() << ": could not be moved to the archive (" << std::strerror(errno)
             << "); left in place\n";
        return;
      }
      fs::remove(from, error);
    }
    done_.erase(from.string());
    if (report.outcome != runner::FileReport::kStored) return;
    if (auto moved = db_.RecordMove(report.sha256, to.string()); !moved) {
      err_ << from.string() << ": archived as " << to.string() << " but not recorded: " << moved.error().message
           << '\n';
    }
  }

  fs::path root_;
  store::Database& db_;
  findings::Analyser analyser_;  // documents and matches kept between batches
  const Options& options_;
  std::ostream& out_;
  std::ostream& err_;
  TreeEvents events_;
  std::map<std::string, Candidate> pending_;
  std::map<std::string, Fingerprint> done_;                              // taken in this run
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> stored_;  // path → size, mtime_ns
  std::set<std::string> warned_links_;     // links told of or taken once: not again
  std::vector<std::string> broken_links_;  // links to nothing, for the next batch to record
  Totals totals_;
};

}  // namespace

bool IsTemporaryName(const std::string& filename) {
  if (filename.empty() || filename[0] == '.' || filename[0] == '~' || filename[0] == '#') return true;
  if (filename.back() == '~' || filename.back() == '#') return true;
  std::string name = Lower(filename);
  // Browsers' partial downloads, editors' swap files, sync clients' and office suites' temp files.
  for (std::string_view suffix : {".part", ".partial", ".crdownload", ".download", ".opdownload", ".tmp", ".temp",
                                  ".swp", ".swx", ".!ut", ".!qb", ".filepart", ".icloud"}) {
    if (EndsWith(name, suffix)) return true;
  }
  return name.find(".sb-") != std::string::npos;  // macOS safe-save copies ("bill.pdf.sb-1234-abcd")
}

Result<Totals> Watch(const std::string& dir, store::Database& db, const Options& options, std::ostream& out,
                     std::ostream& err) {
  std::error_code error;
  fs::path root = fs::canonical(dir, error);
  if (error || !fs::is_directory(root, error)) return MakeError("shoebox watch: " + dir + " is not a folder");
  Options resolved = options;
  if (!options.archive_dir.empty()) {
    fs::path archive = fs::weakly_canonical(fs::absolute(options.archive_dir), error);
    auto [root_end, archive_it] = std::mismatch(root.begin(), root.end(), archive.begin(), archive.end());
    if (root_end == root.end()) return MakeError("shoebox watch: the archive cannot be inside the watched folder");
    resolved.archive_dir = archive.string();
  }
  Watcher watcher(root, db, resolved, out, err);
  return watcher.Run();
}

}  // namespace shoebox::watch
