// The stage table: one row per stage, feeding `shoebox stages`, log prefixes and dump names.
#pragma once

#include <span>
#include <string_view>

namespace shoebox {

struct StageInfo {
  std::string_view name;
  std::string_view summary;
};

std::span<const StageInfo> Stages();

}  // namespace shoebox
