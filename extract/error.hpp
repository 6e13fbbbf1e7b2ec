// Errors for bad input and a bug-check macro. InputError carries a message that names the place
// (file:line[:column] or file) and what was expected; it is what every stage throws for input
// problems. GEOKG_ASSERT is for bugs only: no input may be able to reach a failing assert.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace geokg {

class InputError : public std::runtime_error {
 public:
  explicit InputError(const std::string& message) : std::runtime_error(message) {}
};

[[noreturn]] inline void assert_fail(const char* expr, const char* file, int line) {
  std::fprintf(stderr, "geokg: internal error: assertion '%s' failed at %s:%d\n", expr, file, line);
  std::abort();
}

}  // namespace geokg

#define GEOKG_ASSERT(expr) ((expr) ? static_cast<void>(0) : ::geokg::assert_fail(#expr, __FILE__, __LINE__))
