// The shoebox command: a thin main over the cli library.
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
  return shoebox::cli::Run(argc, argv);
}
