// SHA-256 (FIPS 180-4) of a byte string: sources are keyed by the hash of their bytes.
#pragma once

#include <string>
#include <string_view>

#include "pipeline/core/result.hpp"

namespace shoebox {

std::string Sha256Hex(std::string_view bytes);

}  // namespace shoebox
