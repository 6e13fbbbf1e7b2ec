#include "extract/boilerplate.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace geokg::extract;

namespace {

// One line per non-blank line of `text`: "X " when it is boilerplate, "- " when it is kept.
std::string dump(std::string_view text, std::string_view source = {}) {
  const std::vector<Span> spans = find_boilerplate(text, source);
  // The contract: sorted, non-overlapping, each from a line start to a line end.
  for (std::size_t i = 0; i < spans.size(); ++i) {
    REQUIRE(spans[i].begin < spans[i].end);
    REQUIRE(spans[i].end <= text.size());
    REQUIRE((spans[i].begin == 0 || text[spans[i].begin - 1] == '\n'));
    REQUIRE((spans[i].end == text.size() || text[spans[i].end] == '\n'));
    if (i > 0) REQUIRE(spans[i - 1].end < spans[i].begin);
  }
  std::string out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (!line.empty()) {
      const Span span{static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(end)};
      bool boilerplate = false;
      for (const Span& s : spans) boilerplate = boilerplate || s.contains(span);
      out += boilerplate ? "X " : "- ";
      out += line;
      out += '\n';
    }
    if (end == text.size()) break;
    pos = end + 1;
  }
  return out;
}

// Two paragraphs of article prose written for these tests.
const std::string kProse =
    "The foreign ministers of both countries met in the capital on Tuesday to discuss the border dispute. "
    "They agreed to set up a joint commission that will report within six months.\n"
    "Officials on both sides described the talks as constructive. A follow-up meeting is planned for the "
    "autumn, according to a statement released after the session.\n";

}  // namespace

TEST_CASE("a comment thread is boilerplate up to the next section", "[extract][boilerplate]") {
  const std::string text = kProse +
                           "Comments (3)\n"
                           "Add Comment\n"
                           "  • GreyWolf77\n"
                           "    This will never work. They said the same thing last year.\n"
                           "  • Anna K\n"
                           "    Finally some good news. I hope they keep talking and nobody walks out this time.\n"
                           "Related Articles\n"
                           "Ministers to meet again in October\n"
                           "The Morning Ledger\n"
                           "Envoys met again in the capital on Friday to prepare the next round of talks on the "
                           "border. Both delegations said progress had been made on the question of water rights.\n";
  CHECK(dump(text) ==
        "- The foreign ministers of both countries met in the capital on Tuesday to discuss the border dispute. "
        "They agreed to set up a joint commission that will report within six months.\n"
        "- Officials on both sides described the talks as constructive. A follow-up meeting is planned for the "
        "autumn, according to a statement released after the session.\n"
        "X Comments (3)\n"
        "X Add Comment\n"
        "X • GreyWolf77\n"
        "X This will never work. They said the same thing last year.\n"
        "X • Anna K\n"
        "X Finally some good news. I hope they keep talking and nobody walks out this time.\n"
        "X Related Articles\n"
        "X Ministers to meet again in October\n"
        "X The Morning Ledger\n"
        "- Envoys met again in the capital on Friday to prepare the next round of talks on the border. Both "
        "delegations said progress had been made on the question of water rights.\n");
}

TEST_CASE("comment headers in their usual forms", "[extract][boilerplate]") {
  for (const char* header : {"Comments", "12 comments", "Comments: 4", "Leave a comment", "Leave a Reply",
                             "Join the discussion", "Join the conversation", "Show comments", "View all 40 comments",
                             "7 thoughts on \xE2\x80\x9CThe summit\xE2\x80\x9D", "Post a comment"}) {
    const std::string text = kProse + header + "\nSome reader wrote a long reply here. It goes on and on.\n";
    INFO(header);
    CHECK(dump(text).ends_with(std::string("X ") + header + "\nX Some reader wrote a long reply here. It goes on and on.\n"));
  }
}

TEST_CASE("a comment counter under the headline marks only that line", "[extract][boilerplate]") {
  const std::string text = "Border talks resume\n12 comments\n" + kProse;
  const std::string dumped = dump(text);
  CHECK(dumped.starts_with("- Border talks resume\nX 12 comments\n- The foreign ministers"));
  CHECK(dumped.find("- Officials on both sides") != std::string::npos);
}

TEST_CASE("a related-articles list keeps the article paragraphs that follow its headlines",
          "[extract][boilerplate]") {
  const std::string text = kProse +
                           "Read more\n"
                           "Minister resigns after vote\n"
                           "Minister resigns after vote\n"
                           "The Morning Ledger\n"
                           "timean hour ago\n"
                           "  \xE2\x80\xA2 The Morning Ledger\n"
                           "Minister resigns after vote\n"
                           "The interior minister resigned on Sunday after losing a confidence vote in parliament. "
                           "His party said it would nominate a successor within days.\n"
                           "Talks on grain exports stall\n"
                           "The Morning Ledger\n"
                           "3 hours ago\n"
                           "Negotiators failed to agree on a new grain corridor on Monday, the third failure this "
                           "month. Shipping companies warned of further delays.\n";
  CHECK(dump(text).substr(dump(kProse).size()) ==
        "X Read more\n"
        "X Minister resigns after vote\n"
        "X Minister resigns after vote\n"
        "X The Morning Ledger\n"
        "X timean hour ago\n"
        "X \xE2\x80\xA2 The Morning Ledger\n"
        "X Minister resigns after vote\n"
        "- The interior minister resigned on Sunday after losing a confidence vote in parliament. His party said "
        "it would nominate a successor within days.\n"
        "X Talks on grain exports stall\n"
        "X The Morning Ledger\n"
        "X 3 hours ago\n"
        "- Negotiators failed to agree on a new grain corridor on Monday, the third failure this month. Shipping "
        "companies warned of further delays.\n");
}

TEST_CASE("two article paragraphs in a row end a related section", "[extract][boilerplate]") {
  const std::string text = kProse + "Related\nShort headline here\n" + kProse + "A short closing line.\n";
  const std::string dumped = dump(text);
  CHECK(dumped.ends_with("- A short closing line.\n"));
  CHECK(dumped.find("X Short headline here\n") != std::string::npos);
}

TEST_CASE("web chrome lines are boilerplate anywhere", "[extract][boilerplate]") {
  const char* chrome[] = {
      "logo",
      "Share",
      "Share this article",
      "Subscribe",
      "Sign up for our newsletter",
      "Download the app",
      "DOWNLOAD OUR APP",
      "Get Started Now: Install the App",
      "Try Our Premium Features",
      "Advertisement",
      "ADVERTISEMENT",
      "Read more: Minister resigns after vote",
      "More from The Morning Ledger",
      "Follow us on Telegram",
      "Click here",
      "Blue background",
      "Company logo",
      "CONTRIBUTE",
      "Help us keep independent reporting alive.",
      "Translation: Ana Ribeiro",
      "Photo: Jane Roe / Example Agency",
      "Image: ministry press office",
      "Officials at the ceremony. (Photo by John Roe/AFP via Getty Images)",
      "Getty Images",
      "4 hours ago",
      "Updated 25 minutes ago",
      "The Morning Ledger2 days ago",
      "5 min read",
      "By JANE ROE*",
      "By Jane Roe and John Doe, Example Agency",
      "Published: 2023-06-12",
      "December 10, 2021",
      "Reporting by Jane Roe; Editing by John Doe",
      "Copyright 2024 Example Media. All rights reserved.",
  };
  for (const char* line : chrome) {
    const std::string text = kProse + line + "\n" + kProse;
    INFO(line);
    CHECK(dump(text).find(std::string("X ") + line + "\n") != std::string::npos);
  }
}

TEST_CASE("ordinary news lines are not chrome", "[extract][boilerplate]") {
  const char* news[] = {
      "The minister declined to comment on the reports.",
      "Read more about the agreement in the full statement, the ministry said on Friday.",
      "By 2030, the alliance plans to double its spending on air defence.",
      "Russia annexed Crimea 10 years ago.",
      "The Kremlin said the talks would continue next week.",
      "He shared the outcome of the talks with the president.",
      "Protesters gathered outside the parliament building.",
      "Related developments are expected in the coming days, officials said.",
      "Subscribers to the agency's service were told of the decision early on Monday morning by a statement.",
      "What does the deal mean for Europe?",
  };
  for (const char* line : news) {
    const std::string text = kProse + line + "\n" + kProse;
    INFO(line);
    CHECK(find_boilerplate(text).empty());
  }
}

TEST_CASE("a repeated headline and repeated labels are boilerplate", "[extract][boilerplate]") {
  const std::string text = "Envoys meet in Geneva\n\nEnvoys meet in Geneva\n" + kProse;
  CHECK(dump(text).starts_with("- Envoys meet in Geneva\nX Envoys meet in Geneva\n- The foreign"));

  std::string labels = kProse;
  for (int i = 0; i < 3; ++i) labels += "Evening Courier\n" + kProse;
  CHECK(dump(labels).find("- Evening Courier") == std::string::npos);
  CHECK(dump(labels).find("X Evening Courier") != std::string::npos);
}

TEST_CASE("a line equal to the source name is boilerplate", "[extract][boilerplate]") {
  const std::string text = "Evening Courier\n" + kProse;
  CHECK(dump(text, "Evening Courier").starts_with("X Evening Courier\n"));
  CHECK(dump(text).starts_with("- Evening Courier\n"));
}

TEST_CASE("a trailing author bio is boilerplate", "[extract][boilerplate]") {
  SECTION("starred note and what follows it") {
    const std::string text = kProse +
                             "*Jane Roe is a senior fellow at an institute for strategic studies and writes on "
                             "Eurasian security.\nThanks to our readers for their support.\n";
    CHECK(dump(text).ends_with(
        "X *Jane Roe is a senior fellow at an institute for strategic studies and writes on Eurasian security.\n"
        "X Thanks to our readers for their support.\n"));
  }
  SECTION("about the author") {
    const std::string text = kProse + "About the author\nJohn Doe covers diplomacy.\n";
    CHECK(dump(text).ends_with("X About the author\nX John Doe covers diplomacy.\n"));
  }
  SECTION("unstarred note on the last line") {
    const std::string text = kProse + "Maria Lopez is a journalist based in Madrid.\n";
    CHECK(dump(text).ends_with("X Maria Lopez is a journalist based in Madrid.\n"));
  }
  SECTION("the same sentence early in the article is news") {
    const std::string text = "Maria Lopez is a journalist based in Madrid.\n" + kProse + kProse + kProse;
    CHECK(dump(text).starts_with("- Maria Lopez"));
  }
}

TEST_CASE("bullet items that are only a handle or a source are boilerplate", "[extract][boilerplate]") {
  const std::string text = kProse + "  \xE2\x80\xA2 GreyWolf77\n" + kProse +
                           "Advertisement\n  \xE2\x80\xA2 Evening Courier\n" + kProse +
                           "The summit produced three decisions:\n"
                           "\xE2\x80\xA2 France\n\xE2\x80\xA2 Germany\n\xE2\x80\xA2 Italy\n"
                           "- Troops will withdraw from the border zone by June.\n";
  const std::string dumped = dump(text);
  CHECK(dumped.find("X \xE2\x80\xA2 GreyWolf77\n") != std::string::npos);
  CHECK(dumped.find("X \xE2\x80\xA2 Evening Courier\n") != std::string::npos);
  CHECK(dumped.find("- \xE2\x80\xA2 France\n- \xE2\x80\xA2 Germany\n- \xE2\x80\xA2 Italy\n") != std::string::npos);
  CHECK(dumped.find("- - Troops will withdraw") != std::string::npos);
}

TEST_CASE("a promotional blurb between chrome lines is boilerplate", "[extract][boilerplate]") {
  const std::string text = kProse + "Subscribe\nExplore everything our premium plan can do for you:\nAdvertisement\n" +
                           kProse + "Photo: Example Agency\nThe talks will resume on Monday.\nAdvertisement\n" + kProse;
  const std::string dumped = dump(text);
  CHECK(dumped.find("X Explore everything our premium plan can do for you:\n") != std::string::npos);
  // News between two chrome lines that does not address the reader stays.
  CHECK(dumped.find("- The talks will resume on Monday.\n") != std::string::npos);
}

TEST_CASE("boilerplate spans merge across blank lines and cover whole lines", "[extract][boilerplate]") {
  const std::string text = "Share\n\nSubscribe\nBody line that is kept as it is ordinary text.\nAdvertisement";
  const std::vector<Span> spans = find_boilerplate(text);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0] == Span{0, 16});
  CHECK(slice(text, spans[0]) == "Share\n\nSubscribe");
  CHECK(slice(text, spans[1]) == "Advertisement");
  CHECK(find_boilerplate("").empty());
  CHECK(find_boilerplate("\n\n\n").empty());
}

TEST_CASE("find_dateline reads the date at the top of an article", "[extract][boilerplate]") {
  struct Case {
    const char* text;
    const char* value;
    DatePrecision precision;
  };
  const Case cases[] = {
      {"MOSCOW, March 4, 2024 \xE2\x80\x94 The ministry said on Monday...", "2024-03-04", DatePrecision::kDay},
      {"WASHINGTON, D.C., June 5, 2023 (Reuters) - Officials said...", "2023-06-05", DatePrecision::kDay},
      {"ST. PETERSBURG, Russia, 17 June 2022: The forum opened...", "2022-06-17", DatePrecision::kDay},
      {"Published: 2023-06-12\nThe talks...", "2023-06-12", DatePrecision::kDay},
      {"Headline here\nDec 10, 2021\n\nBody text.", "2021-12-10", DatePrecision::kDay},
      {"Headline\nFriday, 21 June 2024 10:15 GMT\nBody.", "2024-06-21", DatePrecision::kDay},
      {"Headline\nPosted on 4th of March, 2024 | 10:15\nBody.", "2024-03-04", DatePrecision::kDay},
      {"Headline\n21.06.2024 14:00\nBody.", "2024-06-21", DatePrecision::kDay},
      {"Headline\nSept. 3, 2020\nBody.", "2020-09-03", DatePrecision::kDay},
      {"Headline\nJUNE 2024\nBody.", "2024-06", DatePrecision::kMonth},
      {"Updated: 2024-01-02\nPublished: 2023-12-30\nBody.", "2023-12-30", DatePrecision::kDay},
      {"Updated on January 2, 2024\nBody.", "2024-01-02", DatePrecision::kDay},
      {"\xE2\x80\xA2 Feb 29, 2024\nBody.", "2024-02-29", DatePrecision::kDay},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const auto date = find_dateline(c.text);
    REQUIRE(date.has_value());
    CHECK(date->value == c.value);
    CHECK(date->precision == c.precision);
    CHECK(date->origin == DateOrigin::kExplicit);
  }
}

TEST_CASE("find_dateline ignores dates that are not datelines", "[extract][boilerplate]") {
  const char* texts[] = {
      "In March 2024, Russia said it would respond.",
      "The talks of March 4, 2024 failed.",
      "February 30, 2024\nBody.",
      "Feb 29, 2023\nBody.",
      "MOSCOW, March 4 (Reuters) - No year here.",
      "2024 was a difficult year for diplomacy.",
      "March 2024 elections are due, the commission said.",
      "12/10/2021\nBody.",
      "March 4, 1850\nBody.",
      "",
  };
  for (const char* text : texts) {
    INFO(text);
    CHECK_FALSE(find_dateline(text).has_value());
  }
  // Only the top of the text counts.
  std::string late;
  for (int i = 0; i < 10; ++i) late += "A line of article text.\n";
  late += "Published: 2023-06-12\n";
  CHECK_FALSE(find_dateline(late).has_value());
}
