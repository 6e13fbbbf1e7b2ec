// libFuzzer target: a plain-text article through the whole extractor and the JSONL record writer,
// with the invariant checks of fuzz_checks.hpp.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_checks.hpp"

// Loads the lexicon before the first input, so that its load time is not taken for a slow input.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  geokg::fuzz::run_extractor("Lavrov met Blinken in Geneva on Tuesday.");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  geokg::fuzz::run_extractor(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
