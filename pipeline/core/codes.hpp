// Billing codes as printed: CPT (five digits) and HCPCS Level II (a letter and four digits), each
// with optional two-character modifiers ("99284-25", "J1885 RT"); revenue codes (four digits,
// leading zero: "0450"). OCR's O-for-0 is repaired inside a code. Medicare numbers (MBIs).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace shoebox {

// "99284", "J1885", "99284-25" (the modifier kept after a hyphen), "j2405" as "J2405"; nullopt for
// anything else.
std::optional<std::string> ParseProcedureCode(std::string_view text);

// "0450"; nullopt for anything else.
std::optional<std::string> ParseRevenueCode(std::string_view text);

// A Medicare Beneficiary Identifier as printed ("1EG4-TE5-MK76") with OCR's look-alikes mended where
// the MBI's format leaves one reading: its 11 characters are a digit at positions 1, 4, 7, 10 and
// 11, a letter at 2, 5, 8 and 9, either at 3 and 6, and never one of the letters S, L, O, I, B, Z,
// so an S where a digit or either may stand is a 5 ("1EG4-TES-MK76" is "1EG4-TE5-MK76"), an O a 0,
// an I or L a 1, a B an 8, a Z a 2. The hyphens stay as printed. Text that is no MBI once mended is
// returned as it is.
std::string MendMedicareNumber(const std::string& text);

// A claim adjustment reason code as printed ("CO-50", "PR-96", "50") in a person's words ("the plan
// did not find it medically necessary"); "" for a code not in the common list.
std::string AdjustmentReasonWords(const std::string& remark);

}  // namespace shoebox
