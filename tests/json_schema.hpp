// A small JSON Schema validator for the keywords schemas/export.schema.json uses: type (one or a
// list), enum, required, properties, additionalProperties (schema) and items. Returns the first
// error as "path: reason", or "" when the instance is valid.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace shoebox::testing {

inline bool HasType(const nlohmann::json& value, const std::string& type) {
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "integer") return value.is_number_integer();
  if (type == "number") return value.is_number();
  if (type == "boolean") return value.is_boolean();
  if (type == "null") return value.is_null();
  return false;
}

inline std::string Validate(const nlohmann::json& value, const nlohmann::json& schema, const std::string& path = "$") {
  if (schema.contains("type")) {
    bool ok = false;
    if (schema["type"].is_array()) {
      for (const auto& type : schema["type"]) ok |= HasType(value, type.get<std::string>());
    } else {
      ok = HasType(value, schema["type"].get<std::string>());
    }
    if (!ok) return path + ": expected type " + schema["type"].dump() + ", got " + value.type_name();
  }
  if (schema.contains("enum")) {
    bool ok = false;
    for (const auto& option : schema["enum"]) ok |= option == value;
    if (!ok) return path + ": " + value.dump() + " is not one of " + schema["enum"].dump();
  }
  if (value.is_object()) {
    for (const auto& name : schema.value("required", nlohmann::json::array())) {
      if (!value.contains(name.get<std::string>())) return path + ": missing " + name.get<std::string>();
    }
    for (const auto& [name, member] : value.items()) {
      const nlohmann::json* member_schema = nullptr;
      if (schema.contains("properties") && schema["properties"].contains(name)) member_schema = &schema["properties"][name];
      else if (schema.contains("additionalProperties") && schema["additionalProperties"].is_object()) {
        member_schema = &schema["additionalProperties"];
      }
      if (member_schema != nullptr) {
        if (std::string error = Validate(member, *member_schema, path + "." + name); !error.empty()) return error;
      }
    }
  }
  if (value.is_array() && schema.contains("items")) {
    for (size_t i = 0; i < value.size(); ++i) {
      if (std::string error = Validate(value[i], schema["items"], path + "[" + std::to_string(i) + "]"); !error.empty()) {
        return error;
      }
    }
  }
  return "";
}

}  // namespace shoebox::testing
