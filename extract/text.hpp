// Small UTF-8 text helpers shared by the text stages: code point decoding, character classes that
// matter for news text (curly quotes, dashes, apostrophes), and the folded form used for every
// dictionary lookup (lower case, Latin diacritics removed, curly apostrophes made straight).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace geokg::extract {

// The out-of-line parts of the functions below (a multi-byte sequence, a non-ASCII code point).
char32_t decode_utf8_multibyte(std::string_view text, std::size_t pos, std::size_t& length);
bool is_letter_beyond_ascii(char32_t c);
bool is_space_beyond_ascii(char32_t c);

// Decodes the code point at text[pos]; sets length (1..4). Invalid bytes decode as U+FFFD, length 1.
// Inline for ASCII, which is nearly every byte of English news and is asked about per character.
inline char32_t decode_utf8(std::string_view text, std::size_t pos, std::size_t& length) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) {
    length = 1;
    return b0;
  }
  return decode_utf8_multibyte(text, pos, length);
}

inline bool is_letter(char32_t c) {
  if (c < 0x80) return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
  return is_letter_beyond_ascii(c);
}
inline bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
// Includes NBSP and the Unicode spaces news pages use.
inline bool is_space(char32_t c) {
  if (c < 0x80) return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v';
  return is_space_beyond_ascii(c);
}
bool is_quote_mark(char32_t c);          // " “ ” „ « » ‘ ’ ‚ ' ‹ ›
inline bool is_dash(char32_t c) {        // - – — ‒ ―
  return c == U'-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}
inline bool is_apostrophe(char32_t c) {  // ' ’ ʼ
  return c == U'\'' || c == 0x2019 || c == 0x02BC;
}
bool is_upper_start(std::string_view word);   // first letter is upper case (ASCII or Latin-1/Ext-A)

// Appends the folded form of text to out: ASCII lower case, Latin diacritics stripped (é -> e,
// ğ -> g, ß -> ss), curly apostrophes -> ', other code points kept.
void append_folded(std::string_view text, std::string& out);
std::string folded(std::string_view text);

// Slug for actor ids: folded, ASCII letters and digits, single hyphens ("Kim Jong-un" -> "kim-jong-un").
std::string slugify(std::string_view text);

}  // namespace geokg::extract
