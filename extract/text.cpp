#include "extract/text.hpp"

namespace geokg::extract {

char32_t decode_utf8_multibyte(std::string_view text, std::size_t pos, std::size_t& length) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  length = 1;
  std::size_t need = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) { need = 1; cp = b0 & 0x1Fu; }
  else if ((b0 & 0xF0) == 0xE0) { need = 2; cp = b0 & 0x0Fu; }
  else if ((b0 & 0xF8) == 0xF0) { need = 3; cp = b0 & 0x07u; }
  else return 0xFFFD;
  for (std::size_t i = 1; i <= need; ++i) {
    if (pos + i >= text.size()) return 0xFFFD;
    const auto b = static_cast<unsigned char>(text[pos + i]);
    if ((b & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  length = need + 1;
  return cp;
}

bool is_space_beyond_ascii(char32_t c) {
  return c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool is_quote_mark(char32_t c) {
  return c == U'"' || c == U'\'' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F ||
         c == 0x00AB || c == 0x00BB || c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B ||
         c == 0x2039 || c == 0x203A;
}

bool is_letter_beyond_ascii(char32_t c) {
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0xC0 && c <= 0x24F) return true;   // Latin-1 letters, Latin Extended-A/B
  if (c >= 0x370 && c <= 0x52F) return true;  // Greek, Cyrillic
  if (c >= 0x590 && c <= 0x6FF) return true;  // Hebrew, Arabic
  if (c >= 0x1E00 && c <= 0x1EFF) return true;
  if (c >= 0x3040 && c <= 0x9FFF) return true;  // kana, CJK
  if (c >= 0xAC00 && c <= 0xD7AF) return true;  // Hangul
  return false;
}

namespace {

// Base letters of Latin-1 Supplement 0xC0..0xFF ('\0' where the code point is not a letter).
constexpr char kLatin1Base[] =
    "AAAAAAACEEEEIIII" "DNOOOOO\0OUUUUYTs"
    "aaaaaaaceeeeiiii" "dnooooo\0ouuuuyty";

char fold_extended(char32_t c) {
  // Latin Extended-A pairs: the base letter of each code point 0x100..0x17F.
  static constexpr char kExtA[] =
      "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
  if (c >= 0x100 && c <= 0x17F) return kExtA[c - 0x100];
  if (c == 0x218 || c == 0x219) return 's';  // Ș ș
  if (c == 0x21A || c == 0x21B) return 't';  // Ț ț
  return 0;
}

}  // namespace

bool is_upper_start(std::string_view word) {
  std::size_t pos = 0;
  while (pos < word.size()) {
    std::size_t len = 0;
    const char32_t c = decode_utf8(word, pos, len);
    if (is_letter(c)) {
      if (c < 0x80) return c >= U'A' && c <= U'Z';
      if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
      if (c >= 0x100 && c <= 0x137) return c % 2 == 0;
      if (c >= 0x139 && c <= 0x148) return c % 2 == 1;
      if (c >= 0x14A && c <= 0x177) return c % 2 == 0;
      if (c == 0x178) return true;
      if (c >= 0x179 && c <= 0x17E) return c % 2 == 1;
      if (c >= 0x410 && c <= 0x42F) return true;  // Cyrillic capitals
      return false;
    }
    pos += len;
  }
  return false;
}

void append_folded(std::string_view text, std::string& out) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Runs of ASCII (nearly all of English news) are lower-cased in bulk.
    std::size_t run = pos;
    while (run < text.size() && static_cast<unsigned char>(text[run]) < 0x80) ++run;
    if (run > pos) {
      const std::size_t old = out.size();
      out.resize(old + (run - pos));
      char* dst = out.data() + old;
      for (std::size_t k = pos; k < run; ++k) {
        const char ch = text[k];
        *dst++ = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
      }
      pos = run;
      continue;
    }
    std::size_t len = 0;
    const char32_t c = decode_utf8(text, pos, len);
    char base = 0;
    if (c >= 0xC0 && c <= 0xFF) base = kLatin1Base[c - 0xC0];
    else base = fold_extended(c);
    if (c == 0xDF) {
      out += "ss";
    } else if (c == 0xC6 || c == 0xE6) {
      out += "ae";
    } else if (base != 0) {
      out.push_back(base >= 'A' && base <= 'Z' ? static_cast<char>(base + 32) : base);
    } else if (c == 0x2019 || c == 0x2018 || c == 0x02BC) {
      out.push_back('\'');
    } else {
      out.append(text.substr(pos, len));
    }
    pos += len;
  }
}

std::string folded(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_folded(text, out);
  return out;
}

std::string slugify(std::string_view text) {
  const std::string f = folded(text);
  std::string slug;
  for (char ch : f) {
    const bool keep = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    if (keep) {
      slug.push_back(ch);
    } else if (!slug.empty() && slug.back() != '-' && ch != '\'') {
      slug.push_back('-');
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

}  // namespace geokg::extract
