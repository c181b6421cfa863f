// Billing codes as printed: CPT (five digits) and HCPCS Level II (a letter and four digits), each
// with optional two-character modifiers ("99284-25", "J1885 RT"); revenue codes (four digits,
// leading zero: "0450"). OCR's O-for-0 is repaired inside a code.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace shoebox::extractors {

// "99284", "J1885", "99284-25" (the modifier kept after a hyphen); nullopt for anything else.
std::optional<std::string> ParseProcedureCode(std::string_view text);

// "0450"; nullopt for anything else.
std::optional<std::string> ParseRevenueCode(std::string_view text);

}  // namespace shoebox::extractors
