// libFuzzer target: an HTML page through html_to_text and decode_html_entities, with the
// invariant checks of fuzz_checks.hpp.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  geokg::fuzz::run_html(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
