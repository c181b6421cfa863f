// Fields a fax's transmission header gave (eval.hpp: FieldsFromFaxHeader).
#include <cctype>

#include "tools/eval/eval.hpp"

namespace eval {
namespace {

std::string DigitsOf(const std::string& text) {
  std::string digits;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  }
  return digits;
}

}  // namespace

int FieldsFromFaxHeader(const Json& truth, const std::vector<const Json*>& exported) {
  std::string document_text;
  for (const Json& page : truth["pages"]) document_text += page["text"].get<std::string>();
  std::string document_digits = DigitsOf(document_text);
  int taken = 0;
  for (const Json& page : truth["pages"]) {
    if (!page.contains("fax")) continue;
    const Json& fax = page["fax"];
    auto from_header = [&](const std::string& value) {
      std::string digits = DigitsOf(value);
      if (value == fax["transmission_date"].get<std::string>() && document_text.find(value) == std::string::npos) {
        return true;
      }
      for (const Json& number : fax["transmission_numbers"]) {
        if (digits.size() >= 7 && number.get<std::string>().find(digits) != std::string::npos &&
            document_digits.find(digits) == std::string::npos) {
          return true;
        }
      }
      return value.find(fax["transmission_station"].get<std::string>()) != std::string::npos;
    };
    for (const Json* document : exported) {
      for (const auto& [name, field] : (*document)["fields"].items()) {
        const Json& value = field["value"];
        if (!value.is_string() || !from_header(value.get<std::string>())) continue;
        ++taken;
        NoteMiss("stored from the fax header: " + name, Json(), value);
      }
    }
  }
  return taken;
}

}  // namespace eval
