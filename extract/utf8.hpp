// Byte-level text checks and conversions for ingestion: strict UTF-8 validation, Windows-1252 and
// UTF-16 decoding for the files that are not UTF-8, and a binary-file sniff. Everything here takes
// raw bytes and returns valid UTF-8 (or a verdict); nothing throws.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace geokg::extract {

// Length of the well-formed UTF-8 sequence starting at bytes[pos] (1..4), or 0 when the bytes there
// are not one (stray continuation byte, overlong form, surrogate, above U+10FFFF, truncated).
// Requires pos < bytes.size().
std::size_t utf8_sequence_length(std::string_view bytes, std::size_t pos);

// True when every byte belongs to a well-formed UTF-8 sequence (Unicode 15, table 3-7).
bool is_valid_utf8(std::string_view bytes);

// Offset of the first byte that does not start a well-formed sequence; npos when the input is valid.
std::size_t first_invalid_utf8(std::string_view bytes);

// Appends code point `cp` as UTF-8; surrogates and values above U+10FFFF become U+FFFD.
void append_utf8(std::string& out, char32_t cp);

// Decodes the code point of the well-formed sequence at bytes[pos] (see utf8_sequence_length).
char32_t decode_utf8_at(std::string_view bytes, std::size_t pos, std::size_t length);

// The Unicode code point of a Windows-1252 byte; the five bytes that code page leaves undefined
// (0x81, 0x8D, 0x8F, 0x90, 0x9D) give U+FFFD.
char32_t cp1252_code_point(unsigned char byte);

// Decodes every byte as Windows-1252.
std::string cp1252_to_utf8(std::string_view bytes);

// Keeps each well-formed UTF-8 sequence and decodes every other byte as Windows-1252. This is what
// ingestion does with invalid UTF-8: a real cp1252 file has no valid multi-byte sequences, so it
// decodes as pure cp1252, and a UTF-8 file with a few stray cp1252 bytes keeps its UTF-8 intact.
std::string utf8_or_cp1252(std::string_view bytes);

// When `bytes` starts with a UTF-16 byte order mark (FF FE or FE FF), returns the text as UTF-8
// (BOM dropped, unpaired surrogates as U+FFFD, an odd trailing byte as U+FFFD); otherwise nullopt.
std::optional<std::string> utf16_to_utf8(std::string_view bytes);

// Number of code points in valid UTF-8 (continuation bytes are not counted).
std::size_t count_code_points(std::string_view utf8);

// True when `head` (the first few KiB of a file) holds a NUL byte, or when more than 10% of its bytes
// are control characters other than tab, line feed, carriage return, form feed and vertical tab.
bool looks_binary(std::string_view head);

// How many of `head`'s bytes count as control characters for looks_binary.
std::size_t count_binary_control_bytes(std::string_view head);

}  // namespace geokg::extract
