// libFuzzer target: raw file bytes through ingestion (sniffing, UTF-8/UTF-16/cp1252 decoding, normalisation), with the
// invariant checks of fuzz_checks.hpp.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  geokg::fuzz::run_ingest(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
