// Tesseract's OpenMP parallel regions, run inline on the thread that reaches them.
//
// shoebox reads pages in parallel on its own workers (--jobs), one Tesseract engine each, so every
// region Tesseract opens is meant to run on a team of one. libgomp still pays for such a team: at
// the end of each region its barrier wakes the (absent) other threads with a futex system call.
// Tesseract's LSTM opens a region for every time step of every layer, about 70,000 a page, and on
// this kind of virtual machine a system call costs microseconds: 15-20 % of a page's recognition
// went to them (measured in docs/BENCHMARKS.md). Defined in the executable, these entry points
// take precedence over libgomp's for every library the program loads, and run each region's body
// once on the calling thread, which is what a team of one does. Inside a body, omp_get_num_threads
// and omp_get_thread_num (still libgomp's) answer 1 and 0, as they do outside any region, so a
// parallel loop runs all its iterations.
//
// The entry points are the ones GCC emits for `parallel`, `parallel for` with a static schedule and
// `parallel sections`, the constructs Debian's libtesseract uses (`nm -D --undefined-only
// libtesseract.so.5 | grep GOMP`); any other construct reaches libgomp with no team around it, which
// libgomp runs on the one thread as well. Linked into executables only (an object library): a
// definition inside a static library would be dropped by the linker, as nothing of ours calls it.

#include <cstddef>
#include <vector>

namespace {

// The `sections` constructs being run on this thread, innermost last: the next section to hand out
// (numbered from 1, as GCC's code expects) and how many there are.
struct Sections {
  unsigned next = 1;
  unsigned count = 0;
};
thread_local std::vector<Sections> open_sections;

}  // namespace

extern "C" {

void GOMP_parallel(void (*body)(void*), void* data, unsigned /*num_threads*/, unsigned /*flags*/) { body(data); }

unsigned GOMP_sections_next() {
  if (open_sections.empty()) return 0;
  Sections& innermost = open_sections.back();
  return innermost.next <= innermost.count ? innermost.next++ : 0;
}

// `sections` inside a region: its body asks for sections until there are none, then ends it.
unsigned GOMP_sections_start(unsigned count) {
  open_sections.push_back({1, count});
  return GOMP_sections_next();
}
void GOMP_sections_end() {
  if (!open_sections.empty()) open_sections.pop_back();
}
void GOMP_sections_end_nowait() { GOMP_sections_end(); }

// `parallel sections`: the body asks for its sections (there is no start call) and ends them itself.
void GOMP_parallel_sections(void (*body)(void*), void* data, unsigned /*num_threads*/, unsigned count,
                            unsigned /*flags*/) {
  std::size_t depth = open_sections.size();
  open_sections.push_back({1, count});
  body(data);
  open_sections.resize(depth);
}

}  // extern "C"
