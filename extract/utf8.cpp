#include "extract/utf8.hpp"

#include <array>
#include <cstdint>
#include <cstring>

namespace geokg::extract {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Bytes 0x80..0x9F of Windows-1252; 0 marks the five undefined positions.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80..87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 88..8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90..97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 98..9F
};

bool in_range(unsigned char byte, unsigned lo, unsigned hi) { return byte >= lo && byte <= hi; }

bool is_binary_control(unsigned char byte) {
  if (byte == '\t' || byte == '\n' || byte == '\r' || byte == '\f' || byte == '\v') return false;
  return byte < 0x20 || byte == 0x7F;
}

}  // namespace

std::size_t utf8_sequence_length(std::string_view bytes, std::size_t pos) {
  const std::size_t left = bytes.size() - pos;
  const auto at = [&](std::size_t i) { return static_cast<unsigned char>(bytes[pos + i]); };
  const unsigned char lead = at(0);
  if (lead < 0x80) return 1;
  // Second-byte ranges per lead byte exclude overlong forms, surrogates and values above U+10FFFF.
  unsigned lo = 0x80;
  unsigned hi = 0xBF;
  std::size_t length = 0;
  if (in_range(lead, 0xC2, 0xDF)) {
    length = 2;
  } else if (lead == 0xE0) {
    length = 3;
    lo = 0xA0;
  } else if (in_range(lead, 0xE1, 0xEC) || lead == 0xEE || lead == 0xEF) {
    length = 3;
  } else if (lead == 0xED) {
    length = 3;
    hi = 0x9F;
  } else if (lead == 0xF0) {
    length = 4;
    lo = 0x90;
  } else if (in_range(lead, 0xF1, 0xF3)) {
    length = 4;
  } else if (lead == 0xF4) {
    length = 4;
    hi = 0x8F;
  } else {
    return 0;
  }
  if (left < length) return 0;
  if (!in_range(at(1), lo, hi)) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (!in_range(at(i), 0x80, 0xBF)) return 0;
  }
  return length;
}

std::size_t first_invalid_utf8(std::string_view bytes) {
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    // ASCII runs are the common case in news text: eight bytes at a time while no high bit is set.
    while (pos + 8 <= bytes.size()) {
      std::uint64_t word;
      std::memcpy(&word, bytes.data() + pos, 8);
      if ((word & 0x8080808080808080ull) != 0) break;
      pos += 8;
    }
    if (pos >= bytes.size()) break;
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const std::size_t length = utf8_sequence_length(bytes, pos);
    if (length == 0) return pos;
    pos += length;
  }
  return std::string_view::npos;
}

bool is_valid_utf8(std::string_view bytes) { return first_invalid_utf8(bytes) == std::string_view::npos; }

void append_utf8(std::string& out, char32_t cp) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = kReplacement;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

char32_t decode_utf8_at(std::string_view bytes, std::size_t pos, std::size_t length) {
  const auto at = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(bytes[pos + i])); };
  switch (length) {
    case 1:
      return at(0);
    case 2:
      return ((at(0) & 0x1F) << 6) | (at(1) & 0x3F);
    case 3:
      return ((at(0) & 0x0F) << 12) | ((at(1) & 0x3F) << 6) | (at(2) & 0x3F);
    case 4:
      return ((at(0) & 0x07) << 18) | ((at(1) & 0x3F) << 12) | ((at(2) & 0x3F) << 6) | (at(3) & 0x3F);
    default:
      return kReplacement;
  }
}

char32_t cp1252_code_point(unsigned char byte) {
  if (byte < 0x80 || byte >= 0xA0) return byte;
  const char32_t cp = kCp1252High[static_cast<std::size_t>(byte - 0x80)];
  return cp == 0 ? kReplacement : cp;
}

std::string cp1252_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char c : bytes) append_utf8(out, cp1252_code_point(static_cast<unsigned char>(c)));
  return out;
}

std::string utf8_or_cp1252(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    const std::size_t length = utf8_sequence_length(bytes, pos);
    if (length == 0) {
      append_utf8(out, cp1252_code_point(static_cast<unsigned char>(bytes[pos])));
      ++pos;
    } else {
      out.append(bytes.substr(pos, length));
      pos += length;
    }
  }
  return out;
}

std::optional<std::string> utf16_to_utf8(std::string_view bytes) {
  if (bytes.size() < 2) return std::nullopt;
  const auto b0 = static_cast<unsigned char>(bytes[0]);
  const auto b1 = static_cast<unsigned char>(bytes[1]);
  bool little_endian = false;
  if (b0 == 0xFF && b1 == 0xFE) {
    little_endian = true;
  } else if (!(b0 == 0xFE && b1 == 0xFF)) {
    return std::nullopt;
  }
  const auto unit_at = [&](std::size_t pos) {
    const auto lo = static_cast<char32_t>(static_cast<unsigned char>(bytes[little_endian ? pos : pos + 1]));
    const auto hi = static_cast<char32_t>(static_cast<unsigned char>(bytes[little_endian ? pos + 1 : pos]));
    return (hi << 8) | lo;
  };
  std::string out;
  out.reserve(bytes.size());
  std::size_t pos = 2;
  while (pos + 1 < bytes.size()) {
    const char32_t unit = unit_at(pos);
    pos += 2;
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      if (pos + 1 < bytes.size()) {
        const char32_t low = unit_at(pos);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          pos += 2;
          append_utf8(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
          continue;
        }
      }
      append_utf8(out, kReplacement);
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      append_utf8(out, kReplacement);
    } else {
      append_utf8(out, unit);
    }
  }
  if (pos < bytes.size()) append_utf8(out, kReplacement);
  return out;
}

std::size_t count_code_points(std::string_view utf8) {
  std::size_t count = 0;
  for (char c : utf8) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::size_t count_binary_control_bytes(std::string_view head) {
  std::size_t count = 0;
  for (char c : head) {
    if (is_binary_control(static_cast<unsigned char>(c))) ++count;
  }
  return count;
}

bool looks_binary(std::string_view head) {
  if (head.find('\0') != std::string_view::npos) return true;
  return count_binary_control_bytes(head) * 10 > head.size();
}

}  // namespace geokg::extract
