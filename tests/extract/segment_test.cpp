#include <catch2/catch.hpp>

#include "extract/segment.hpp"

using geokg::extract::segment;
using geokg::extract::slice;

namespace {

// Sentences joined by " || ".
std::string sentences(const std::string& text) {
  const auto seg = segment(text);
  std::string out;
  for (const auto& s : seg.sentences) {
    if (!out.empty()) out += " || ";
    out += std::string(slice(text, s.span));
  }
  return out;
}

}  // namespace

TEST_CASE("sentences split at full stops but not at abbreviations", "[extract][segment]") {
  struct Case {
    const char* text;
    const char* expected;
  };
  const Case cases[] = {
      {"Russia attacked. Ukraine responded.", "Russia attacked. || Ukraine responded."},
      {"The U.S. imposed sanctions on Iran. Tehran rejected them.",
       "The U.S. imposed sanctions on Iran. || Tehran rejected them."},
      {"Lt. Gen. Keith Kellogg met Mr. Yermak in Kyiv.", "Lt. Gen. Keith Kellogg met Mr. Yermak in Kyiv."},
      {"Talks began on Dec. 7 in Geneva.", "Talks began on Dec. 7 in Geneva."},
      {"He lives in Washington, D.C. The talks resume Monday.", "He lives in Washington, D.C. || The talks resume Monday."},
      {"Vice President J.D. Vance spoke first.", "Vice President J.D. Vance spoke first."},
      {"Resolution No. 2231 was adopted.", "Resolution No. 2231 was adopted."},
      {"\"We will respond,\" he said. \"Soon.\"", "\"We will respond,\" he said. || \"Soon.\""},
      {"\xE2\x80\x9CRussia must end this war.\xE2\x80\x9D Zelensky insisted on it.",
       "\xE2\x80\x9CRussia must end this war.\xE2\x80\x9D || Zelensky insisted on it."},
      {"Why now? Nobody knows!", "Why now? || Nobody knows!"},
      {"Headline Without a Stop\nThe body starts here.", "Headline Without a Stop || The body starts here."},
      {"First paragraph ends\n\nsecond paragraph", "First paragraph ends || second paragraph"},
      {"a line wrapped in the middle of\nthe sentence goes on.", "a line wrapped in the middle of\nthe sentence goes on."},
      {"- first item\n- second item", "- first item || - second item"},
      {"GDP grew 3.5 percent in 2023. Prices rose.", "GDP grew 3.5 percent in 2023. || Prices rose."},
      {"George W. Bush spoke.", "George W. Bush spoke."},
      {"He posted it on X. \xE2\x80\x9CWe will not back down,\xE2\x80\x9D he wrote.",
       "He posted it on X. || \xE2\x80\x9CWe will not back down,\xE2\x80\x9D he wrote."},
      {"Gen. \"Mad Dog\" Mattis spoke.", "Gen. \"Mad Dog\" Mattis spoke."},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(sentences(c.text) == c.expected);
  }
}

TEST_CASE("tokens keep exact byte spans and fold case and diacritics", "[extract][segment]") {
  const std::string text = "Erdoğan’s aides didn't meet Zelenskyy in Kyiv.";
  const auto seg = segment(text);
  std::vector<std::string> norms;
  for (const auto& t : seg.tokens) {
    norms.emplace_back(seg.norm_of(t));
    CHECK(t.span.end <= text.size());
  }
  CHECK(norms == std::vector<std::string>{"erdogan", "'s", "aides", "did", "n't", "meet", "zelenskyy", "in", "kyiv", "."});
  CHECK(slice(text, seg.tokens[0].span) == "Erdoğan");
  CHECK(slice(text, seg.tokens[1].span) == "’s");
  CHECK(seg.tokens[0].upper);
}

TEST_CASE("hyphenated compounds split into name tokens", "[extract][segment]") {
  const std::string text = "the Putin-Biden summit and US-Russian ties";
  const auto seg = segment(text);
  REQUIRE(seg.tokens.size() == 10);
  CHECK(seg.norm_of(seg.tokens[1]) == "putin");
  CHECK(seg.tokens[2].kind == geokg::extract::TokenKind::kDash);
  CHECK(seg.norm_of(seg.tokens[3]) == "biden");
  CHECK(seg.norm_of(seg.tokens[6]) == "us");
  CHECK(seg.tokens[6].all_caps);
}

TEST_CASE("boilerplate ranges flag the sentences inside them", "[extract][segment]") {
  const std::string text = "Russia and China met.\nComments (2)\nUser1 says Putin attacked everyone.";
  const geokg::extract::Span comments{22, static_cast<std::uint32_t>(text.size())};
  const auto seg = segment(text, {comments});
  REQUIRE(seg.sentences.size() == 3);
  CHECK_FALSE(seg.sentences[0].boilerplate);
  CHECK(seg.sentences[1].boilerplate);
  CHECK(seg.sentences[2].boilerplate);
}

TEST_CASE("any bytes segment without failure", "[extract][segment]") {
  std::string junk;
  for (int i = 0; i < 512; ++i) junk.push_back(static_cast<char>((i * 37) % 256));
  const auto seg = segment(junk);
  for (const auto& t : seg.tokens) CHECK(t.span.end <= junk.size());
}
