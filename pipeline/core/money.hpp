// Money as printed → integer cents. Survives the ways statements print amounts and the ways OCR
// misreads them: "$1,840.00", "1 840.00", "(50.00)", "50.00 CR", "-$50", "$O.00" (O for 0).
#pragma once

#include <optional>
#include <string_view>

#include "pipeline/core/page.hpp"

namespace shoebox {

// Parses one token (or a few tokens joined with spaces) that is wholly an amount.
// An amount needs a "$" or a two-digit decimal part, so account numbers are not read as money.
std::optional<Cents> ParseMoney(std::string_view text);

}  // namespace shoebox
