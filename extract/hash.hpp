// SHA-256 (FIPS 180-4) for content hashes: the store keys documents by the hash of their ingested
// text so that re-ingesting the same article is a no-op. Incremental (Sha256) or one-shot.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace geokg::extract {

class Sha256 {
 public:
  using Digest = std::array<std::uint8_t, 32>;

  // hardware: use the CPU's SHA extensions (x86 SHA-NI) when it has them; false forces the
  // portable code (the tests compare the two).
  explicit Sha256(bool hardware = true);
  // Adds bytes to the message; may be called any number of times before finish().
  void update(std::string_view bytes);
  // Pads the message and returns the digest. The object is reset afterwards and can hash again.
  Digest finish();

 private:
  // Compresses `blocks` consecutive 64-byte blocks into the state.
  void compress(const std::uint8_t* data, std::size_t blocks);
  void compress_portable(const std::uint8_t* block);
  void reset();

  bool hardware_ = false;

  std::array<std::uint32_t, 8> state_{};
  std::array<std::uint8_t, 64> block_{};
  std::size_t block_size_ = 0;
  std::uint64_t message_bytes_ = 0;
};

// Whether this CPU has the SHA extensions Sha256 uses when allowed to.
bool sha256_hardware_available();

// Lower-case hexadecimal form of a digest (64 characters).
std::string to_hex(const Sha256::Digest& digest);

// SHA-256 of `bytes` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace geokg::extract
