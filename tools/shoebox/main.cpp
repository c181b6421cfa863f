// The shoebox command: a thin main over the cli library.
#include <malloc.h>
#include <unistd.h>

#include <cstdlib>

#include "cli/cli.hpp"

int main(int argc, char** argv) {
  // Pages run in parallel on our own workers; Tesseract's OpenMP threads on top would oversubscribe
  // the cores (measured: 52.6 s instead of 18.9 s for 29 scanned pages on 2 cores). libgomp reads
  // OMP_THREAD_LIMIT once, when it is loaded with Tesseract before main runs, so the limit is set
  // and the program started again; a limit the user set is respected. Verbs that never recognise
  // text (findings, export, query, …) skip the second start (about 0.2 s of loading libraries).
  if (std::getenv("OMP_THREAD_LIMIT") == nullptr && shoebox::cli::RecognizesText({argv + 1, argv + argc})) {
    setenv("OMP_THREAD_LIMIT", "1", 1);
    execv("/proc/self/exe", argv);  // returns only on failure: then carry on unlimited
  }
  // A page image is 8 MB or more, and so are its copies through preparation. glibc hands blocks
  // that large out as fresh mappings and unmaps them on free, so every copy paid its page faults
  // again (a tenth of a scan's time on this machine's virtual CPUs). Kept in the heap, the memory
  // of one page serves the next; peak memory is unchanged (the same pages are alive at once).
  mallopt(M_MMAP_THRESHOLD, 128 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  return shoebox::cli::Run(argc, argv);
}
