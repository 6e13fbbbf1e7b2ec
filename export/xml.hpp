// Helpers shared by the graph writers (GraphML, GEXF, DOT): XML escaping that turns any byte string
// into text every XML 1.0 parser accepts, locale-free number formatting that round-trips, and the
// fixed colour of each actor kind so that every export opens with the same readable palette.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace geokg::exporter {

// Appends text to out escaped for XML 1.0 element content (in_attribute false) or for a
// double-quoted attribute value (in_attribute true): & < > " ' become entities; characters XML 1.0
// forbids (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF) are dropped;
// invalid UTF-8 sequences become U+FFFD. In attributes, tab, newline and carriage return are
// written as character references so that attribute-value normalisation keeps them.
void append_xml_escaped(std::string& out, std::string_view text, bool in_attribute);

// Returns text with the characters XML 1.0 forbids dropped and invalid UTF-8 replaced by U+FFFD,
// nothing escaped (tab, newline and carriage return are kept).
std::string clean_text(std::string_view text);

// Returns text escaped for element content / for an attribute value (see append_xml_escaped).
std::string xml_escape(std::string_view text);
std::string xml_escape_attribute(std::string_view text);

// Returns the shortest decimal string that reads back as exactly value ("3", "0.25", "-2.8");
// "-0" is written as "0"; NaN and infinities (which no caller should pass) as "0".
std::string format_double(double value);

struct Rgb {
  std::uint8_t r = 0;
  std::uint8_t g = 0;
  std::uint8_t b = 0;
};

// Returns the display colour of an actor kind (state, person, organisation, igo, group, location);
// grey for any other kind.
Rgb kind_colour(std::string_view kind);

// Returns "#rrggbb" for colour.
std::string hex_colour(Rgb colour);

}  // namespace geokg::exporter
