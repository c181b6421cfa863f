// Result<T>: an expected value or an error message (GCC 12 has no std::expected in C++20).
// Expected failures travel as Result; bugs are asserts; exceptions stop at adapter boundaries.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace shoebox {

struct Error {
  std::string message;  // lowercase, says where: "page 2: ocr: no words above confidence 0.30"
};

template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}          // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}      // NOLINT(google-explicit-constructor)

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }
  T& value() & { assert(has_value()); return std::get<0>(state_); }
  const T& value() const& { assert(has_value()); return std::get<0>(state_); }
  T&& value() && { assert(has_value()); return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const Error& error() const { assert(!has_value()); return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

inline Error MakeError(std::string message) { return Error{std::move(message)}; }

}  // namespace shoebox
