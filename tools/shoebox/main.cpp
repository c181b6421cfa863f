// The shoebox command: a thin main over the cli library.
#include "cli/cli.hpp"

int main(int argc, char** argv) { return shoebox::cli::Run(argc, argv); }
