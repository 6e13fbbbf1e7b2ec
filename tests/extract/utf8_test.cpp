#include "extract/utf8.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace geokg::extract;
using namespace std::string_literals;

TEST_CASE("first_invalid_utf8 finds the first ill-formed byte", "[extract][utf8]") {
  constexpr auto npos = std::string_view::npos;
  struct Case {
    std::string bytes;
    std::size_t first_invalid;
  };
  const Case cases[] = {
      {"", npos},
      {"plain ASCII", npos},
      {"caf\xC3\xA9", npos},                       // é
      {"\xE2\x80\x94 dash", npos},                 // —
      {"\xF0\x9F\x98\x80", npos},                  // U+1F600
      {"\xF4\x8F\xBF\xBF", npos},                  // U+10FFFF, the last code point
      {"ab\x93" "cd", 2},                          // a Windows-1252 quote
      {"\x80", 0},                                 // stray continuation byte
      {"\xC0\xAF", 0},                             // overlong '/'
      {"\xE0\x80\x80", 0},                         // overlong NUL
      {"\xF0\x80\x80\x80", 0},                     // overlong, 4 bytes
      {"\xED\xA0\x80", 0},                         // UTF-16 surrogate D800
      {"\xF4\x90\x80\x80", 0},                     // above U+10FFFF
      {"ok \xE2\x82", 3},                          // truncated at the end
      {"\xC3\xA9\xFF", 2},                         // 0xFF never appears in UTF-8
      {"x\xC3(", 1},                               // lead byte without continuation
  };
  for (const Case& c : cases) {
    INFO("bytes of length " << c.bytes.size());
    CHECK(first_invalid_utf8(c.bytes) == c.first_invalid);
    CHECK(is_valid_utf8(c.bytes) == (c.first_invalid == npos));
  }
}

TEST_CASE("append_utf8 encodes every length and replaces what is not a scalar value", "[extract][utf8]") {
  struct Case {
    char32_t cp;
    std::string utf8;
  };
  const Case cases[] = {
      {0x41, "A"},
      {0x7F, "\x7F"},
      {0x80, "\xC2\x80"},
      {0x7FF, "\xDF\xBF"},
      {0x800, "\xE0\xA0\x80"},
      {0xFFFD, "\xEF\xBF\xBD"},
      {0x10000, "\xF0\x90\x80\x80"},
      {0x10FFFF, "\xF4\x8F\xBF\xBF"},
      {0xD800, "\xEF\xBF\xBD"},
      {0x110000, "\xEF\xBF\xBD"},
  };
  for (const Case& c : cases) {
    std::string out;
    append_utf8(out, c.cp);
    INFO("code point " << static_cast<unsigned long>(c.cp));
    CHECK(out == c.utf8);
    if (c.cp < 0xD800 || (c.cp > 0xDFFF && c.cp <= 0x10FFFF)) {
      REQUIRE(utf8_sequence_length(out, 0) == out.size());
      CHECK(decode_utf8_at(out, 0, out.size()) == c.cp);
    }
  }
}

TEST_CASE("cp1252_to_utf8 maps the 0x80-0x9F block to typographic characters", "[extract][utf8]") {
  CHECK(cp1252_to_utf8("\x93quoted\x94") == "\xE2\x80\x9Cquoted\xE2\x80\x9D");  // “quoted”
  CHECK(cp1252_to_utf8("it\x92s") == "it\xE2\x80\x99s");                         // it’s
  CHECK(cp1252_to_utf8("\x80 5") == "\xE2\x82\xAC 5");                            // € 5
  CHECK(cp1252_to_utf8("\x96\x97") == "\xE2\x80\x93\xE2\x80\x94");                // – —
  CHECK(cp1252_to_utf8("caf\xE9") == "caf\xC3\xA9");                              // café (Latin-1 range)
  CHECK(cp1252_to_utf8("\x8A" "ef\x9A" "ovi\xE8") == "\xC5\xA0" "ef\xC5\xA1" "ovi\xC3\xA8");
  CHECK(cp1252_to_utf8("\x81") == "\xEF\xBF\xBD");  // undefined in Windows-1252
  CHECK(cp1252_to_utf8("plain") == "plain");
}

TEST_CASE("utf8_or_cp1252 keeps valid UTF-8 and decodes only the stray bytes", "[extract][utf8]") {
  CHECK(utf8_or_cp1252("caf\xC3\xA9 \x93x\x94") == "caf\xC3\xA9 \xE2\x80\x9Cx\xE2\x80\x9D");
  CHECK(utf8_or_cp1252("\xE9t\xE9") == "\xC3\xA9t\xC3\xA9");
  CHECK(utf8_or_cp1252("ok") == "ok");
  CHECK(is_valid_utf8(utf8_or_cp1252("\xFF\xFE\xED\xA0\x80\xC0")));
}

TEST_CASE("utf16_to_utf8 decodes text with a byte order mark", "[extract][utf8]") {
  CHECK(utf16_to_utf8("\xFF\xFEh\0i\0"s) == std::optional<std::string>("hi"));
  CHECK(utf16_to_utf8("\xFE\xFF\0h\0i"s) == std::optional<std::string>("hi"));
  CHECK(utf16_to_utf8("\xFF\xFE\x3D\xD8\x00\xDE"s) == std::optional<std::string>("\xF0\x9F\x98\x80"));  // pair
  CHECK(utf16_to_utf8("\xFF\xFE\x00\xDC" "a\0"s) == std::optional<std::string>("\xEF\xBF\xBD" "a"));  // lone low
  CHECK(utf16_to_utf8("\xFF\xFE" "a\0b"s) == std::optional<std::string>("a\xEF\xBF\xBD"));           // odd byte
  CHECK_FALSE(utf16_to_utf8("hi").has_value());
  CHECK_FALSE(utf16_to_utf8("").has_value());
}

TEST_CASE("looks_binary flags NUL bytes and control-heavy data", "[extract][utf8]") {
  CHECK(looks_binary("text\0more"s));
  CHECK(looks_binary("\x01\x02\x03\x04 abc"));
  CHECK(looks_binary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"s));
  CHECK_FALSE(looks_binary("An article.\r\n\tIndented line.\fNext page.\n"));
  CHECK_FALSE(looks_binary(""));
  // One escape character in a long text is a stray byte, not a binary file.
  CHECK_FALSE(looks_binary("Moscow said on Tuesday that talks would resume \x1b next week in Geneva."));
  CHECK(count_binary_control_bytes("a\x01\x02\tb\n") == 2);
}

TEST_CASE("count_code_points counts characters, not bytes", "[extract][utf8]") {
  CHECK(count_code_points("") == 0);
  CHECK(count_code_points("abc") == 3);
  CHECK(count_code_points("caf\xC3\xA9") == 4);
  CHECK(count_code_points("\xF0\x9F\x98\x80!") == 2);
}
