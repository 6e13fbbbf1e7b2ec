#include "extract/hash.hpp"

#include <catch2/catch.hpp>

#include <string>

using geokg::extract::Sha256;
using geokg::extract::sha256_hex;

TEST_CASE("sha256 matches the FIPS 180-4 example vectors", "[extract][hash]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopq"
                   "rstnopqrstu") == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256 pads correctly around the 55/56/64-byte block boundaries", "[extract][hash]") {
  struct Case {
    std::size_t length;
    const char* digest;
  };
  const Case cases[] = {
      {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
      {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
      {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
      {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
      {65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"},
      {119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"},
      {120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"},
  };
  for (const Case& c : cases) {
    INFO("length " << c.length);
    CHECK(sha256_hex(std::string(c.length, 'a')) == c.digest);
  }
}

TEST_CASE("sha256 gives the same digest however the input is split", "[extract][hash]") {
  std::string message;
  for (int i = 0; i < 1000; ++i) message += static_cast<char>('a' + i % 26);
  const std::string expected = sha256_hex(message);
  for (std::size_t chunk : {1u, 3u, 55u, 63u, 64u, 65u, 127u, 999u}) {
    Sha256 hasher;
    for (std::size_t pos = 0; pos < message.size(); pos += chunk) hasher.update(std::string_view(message).substr(pos, chunk));
    INFO("chunk " << chunk);
    CHECK(geokg::extract::to_hex(hasher.finish()) == expected);
  }
  // finish() resets: the object hashes a second message from scratch.
  Sha256 hasher;
  hasher.update("first");
  (void)hasher.finish();
  hasher.update("abc");
  CHECK(geokg::extract::to_hex(hasher.finish()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("sha256 with the CPU's SHA extensions equals the portable code", "[extract][hash]") {
  // On a CPU without them both hashers run the portable code and the test checks nothing new.
  INFO("SHA extensions available: " << geokg::extract::sha256_hardware_available());
  std::string message;
  std::uint32_t x = 2463534242u;
  for (int i = 0; i < 5000; ++i) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    message += static_cast<char>(x & 0xFF);
  }
  for (std::size_t length = 0; length <= message.size(); length += length < 300 ? 1 : 397) {
    INFO("length " << length);
    Sha256 hardware(true);
    Sha256 portable(false);
    hardware.update(std::string_view(message).substr(0, length));
    portable.update(std::string_view(message).substr(0, length));
    REQUIRE(geokg::extract::to_hex(hardware.finish()) == geokg::extract::to_hex(portable.finish()));
  }
}
