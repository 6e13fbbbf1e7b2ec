#include "export/xml.hpp"

#include <charconv>
#include <cmath>
#include <system_error>

namespace geokg::exporter {

namespace {

// Length of the well-formed UTF-8 sequence starting at text[i] (RFC 3629: no overlongs, no
// surrogates, nothing above U+10FFFF), or 0 when the bytes there are not one.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  const std::size_t left = text.size() - i;
  const auto continuation = [&](std::size_t k) { return (byte(k) & 0xC0u) == 0x80u; };
  if (lead < 0x80u) return 1;
  if (lead >= 0xC2u && lead <= 0xDFu) {
    return left >= 2 && continuation(i + 1) ? 2 : 0;
  }
  if (lead >= 0xE0u && lead <= 0xEFu) {
    if (left < 3 || !continuation(i + 1) || !continuation(i + 2)) return 0;
    const unsigned char second = byte(i + 1);
    if (lead == 0xE0u && second < 0xA0u) return 0;  // overlong
    if (lead == 0xEDu && second > 0x9Fu) return 0;  // UTF-16 surrogate
    return 3;
  }
  if (lead >= 0xF0u && lead <= 0xF4u) {
    if (left < 4 || !continuation(i + 1) || !continuation(i + 2) || !continuation(i + 3)) return 0;
    const unsigned char second = byte(i + 1);
    if (lead == 0xF0u && second < 0x90u) return 0;  // overlong
    if (lead == 0xF4u && second > 0x8Fu) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

enum class Escape { kNone, kContent, kAttribute };

void append_text(std::string& out, std::string_view text, Escape escape) {
  const bool xml = escape != Escape::kNone;
  const bool attribute = escape == Escape::kAttribute;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (xml) {
      switch (c) {
        case '&': out += "&amp;"; ++i; continue;
        case '<': out += "&lt;"; ++i; continue;
        case '>': out += "&gt;"; ++i; continue;  // also keeps "]]>" out of the text
        case '"': out += "&quot;"; ++i; continue;
        case '\'': out += "&apos;"; ++i; continue;
        case '\t': out += attribute ? "&#9;" : "\t"; ++i; continue;
        case '\n': out += attribute ? "&#10;" : "\n"; ++i; continue;
        case '\r': out += "&#13;"; ++i; continue;  // a raw CR would be read back as a newline
        default: break;
      }
    }
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20u) {
      // Form feeds, NULs, escape codes from scraped pages are not XML characters.
      if (c == '\t' || c == '\n' || c == '\r') out += c;
      ++i;
      continue;
    }
    if (u < 0x80u) {
      out += c;
      ++i;
      continue;
    }
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD for a byte that starts no valid sequence
      ++i;
      continue;
    }
    // U+FFFE and U+FFFF (EF BF BE / EF BF BF) are noncharacters XML 1.0 excludes.
    const bool excluded = n == 3 && u == 0xEFu && static_cast<unsigned char>(text[i + 1]) == 0xBFu &&
                          static_cast<unsigned char>(text[i + 2]) >= 0xBEu;
    if (!excluded) out.append(text.substr(i, n));
    i += n;
  }
}

}  // namespace

void append_xml_escaped(std::string& out, std::string_view text, bool in_attribute) {
  append_text(out, text, in_attribute ? Escape::kAttribute : Escape::kContent);
}

std::string clean_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_text(out, text, Escape::kNone);
  return out;
}

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_xml_escaped(out, text, false);
  return out;
}

std::string xml_escape_attribute(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_xml_escaped(out, text, true);
  return out;
}

std::string format_double(double value) {
  if (!std::isfinite(value) || value == 0.0) return "0";
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (result.ec != std::errc()) return "0";
  return std::string(buffer, result.ptr);
}

Rgb kind_colour(std::string_view kind) {
  // Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
  if (kind == "state") return {0, 114, 178};          // blue
  if (kind == "person") return {230, 159, 0};         // orange
  if (kind == "organisation") return {0, 158, 115};   // bluish green
  if (kind == "igo") return {204, 121, 167};          // reddish purple
  if (kind == "group") return {213, 94, 0};           // vermillion
  if (kind == "location") return {86, 180, 233};      // sky blue
  return {153, 153, 153};
}

std::string hex_colour(Rgb colour) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out = "#";
  for (const std::uint8_t channel : {colour.r, colour.g, colour.b}) {
    out += kDigits[channel >> 4];
    out += kDigits[channel & 0x0F];
  }
  return out;
}

}  // namespace geokg::exporter
