// The hand-written SHA-256 shoebox had (git show 91eed08:pipeline/core/sha256.cpp, its namespace
// renamed "old") against Nettle's, side by side on 64 MiB; see docs/BENCHMARKS.md for the command.
#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <algorithm>
#include <vector>
namespace old { std::string Sha256Hex(std::string_view); }
namespace shoebox { std::string Sha256Hex(std::string_view); }
int main() {
  std::string data(64 << 20, 'x');
  for (size_t i = 0; i < data.size(); ++i) data[i] = char(i * 2654435761u >> 13);
  std::vector<double> a, b;
  for (int r = 0; r < 5; ++r) {
    auto t0 = std::chrono::steady_clock::now(); auto h1 = old::Sha256Hex(data);
    auto t1 = std::chrono::steady_clock::now(); auto h2 = shoebox::Sha256Hex(data);
    auto t2 = std::chrono::steady_clock::now();
    if (h1 != h2) { std::puts("MISMATCH"); return 1; }
    a.push_back(std::chrono::duration<double>(t1 - t0).count()); b.push_back(std::chrono::duration<double>(t2 - t1).count());
  }
  std::sort(a.begin(), a.end()); std::sort(b.begin(), b.end());
  std::printf("64 MiB: hand-written %.0f MB/s, nettle %.0f MB/s (medians of 5)\n", 64 / a[2] * 1.048576, 64 / b[2] * 1.048576);
}
