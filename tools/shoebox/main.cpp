// The shoebox command: a thin main over the cli library.
#include <malloc.h>

#include "cli/cli.hpp"

int main(int argc, char** argv) {
  // A page image is 8 MB or more, and so are its copies through preparation. glibc hands blocks
  // that large out as fresh mappings and unmaps them on free, so every copy paid its page faults
  // again (a tenth of a scan's time on this machine's virtual CPUs). Kept in the heap, the memory
  // of one page serves the next; peak memory is unchanged (the same pages are alive at once).
  mallopt(M_MMAP_THRESHOLD, 128 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  return shoebox::cli::Run(argc, argv);
}
