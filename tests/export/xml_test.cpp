#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <set>
#include <string>

#include "export/xml.hpp"

using geokg::exporter::clean_text;
using geokg::exporter::format_double;
using geokg::exporter::xml_escape;
using geokg::exporter::xml_escape_attribute;
using namespace std::string_literals;

TEST_CASE("xml escaping replaces the five special characters", "[export][xml]") {
  CHECK(xml_escape("Tom & Jerry <b>\"hi\"</b> 'x'") ==
        "Tom &amp; Jerry &lt;b&gt;&quot;hi&quot;&lt;/b&gt; &apos;x&apos;");
  CHECK(xml_escape("]]>") == "]]&gt;");
  CHECK(xml_escape("") == "");
}

TEST_CASE("xml escaping drops characters XML 1.0 forbids", "[export][xml]") {
  const std::string with_controls = "a\fb\x01" "c\0d\x1b[0me\x7f"s;
  CHECK(xml_escape(with_controls) == "abcd[0me\x7f");
  // U+FFFE and U+FFFF are not XML characters; U+FFFD and U+FFFC are.
  CHECK(xml_escape("x\xEF\xBF\xBEy\xEF\xBF\xBFz") == "xyz");
  CHECK(xml_escape("\xEF\xBF\xBD\xEF\xBF\xBC") == "\xEF\xBF\xBD\xEF\xBF\xBC");
}

TEST_CASE("xml escaping keeps whitespace, as references inside attributes", "[export][xml]") {
  CHECK(xml_escape("a\tb\nc") == "a\tb\nc");
  CHECK(xml_escape("a\r\nb") == "a&#13;\nb");
  CHECK(xml_escape_attribute("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d");
}

TEST_CASE("xml escaping keeps valid UTF-8 and replaces invalid bytes", "[export][xml]") {
  const std::string valid = "Zelenskyy \xD0\x9A\xD1\x80\xD0\xB5\xD0\xBC\xD0\xBB\xD1\x8C \xE5\x8C\x97\xE4\xBA\xAC \xF0\x9F\x98\x80";
  CHECK(xml_escape(valid) == valid);
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(xml_escape("caf\xE9!") == "caf" + fffd + "!");               // Latin-1 byte
  CHECK(xml_escape("\xC0\xAF") == fffd + fffd);                       // overlong '/'
  CHECK(xml_escape("\xED\xA0\x80") == fffd + fffd + fffd);            // UTF-16 surrogate
  CHECK(xml_escape("\xF4\x90\x80\x80") == fffd + fffd + fffd + fffd);  // above U+10FFFF
  CHECK(xml_escape("ab\xE2\x82") == "ab" + fffd + fffd);              // truncated at the end
}

TEST_CASE("clean_text drops forbidden characters without escaping", "[export][xml]") {
  CHECK(clean_text("a\f<b>&\n\x02") == "a<b>&\n");
}

TEST_CASE("format_double writes the shortest string that reads back exactly", "[export][xml]") {
  CHECK(format_double(3.0) == "3");
  CHECK(format_double(2.8) == "2.8");
  CHECK(format_double(-10.0) == "-10");
  CHECK(format_double(0.1) == "0.1");
  CHECK(format_double(-0.0) == "0");
  CHECK(format_double(std::numeric_limits<double>::quiet_NaN()) == "0");
  CHECK(format_double(std::numeric_limits<double>::infinity()) == "0");
  for (const double value : {1.0 / 3.0, static_cast<double>(2.8f), -2.0 / 7.0, 1e-7, 12345678.9}) {
    CHECK(std::stod(format_double(value)) == value);
  }
}

TEST_CASE("every actor kind has its own colour", "[export][xml]") {
  std::set<std::string> colours;
  for (const char* kind : {"state", "person", "organisation", "igo", "group", "location", "other"}) {
    colours.insert(geokg::exporter::hex_colour(geokg::exporter::kind_colour(kind)));
  }
  CHECK(colours.size() == 7);
  CHECK(geokg::exporter::hex_colour({0, 114, 178}) == "#0072b2");
}
