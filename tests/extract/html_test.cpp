#include "extract/html.hpp"

#include <catch2/catch.hpp>

#include <string>

#include "extract/utf8.hpp"

using namespace geokg::extract;

TEST_CASE("decode_html_entities handles named, numeric and broken references", "[extract][html]") {
  struct Case {
    const char* html;
    const char* text;
  };
  const Case cases[] = {
      {"AT&amp;T", "AT&T"},
      {"&lt;b&gt; &quot;x&quot; &apos;y&#39;", "<b> \"x\" 'y'"},
      {"a&nbsp;b", "a\xC2\xA0" "b"},
      {"war&mdash;peace &ndash; 1991&ndash;2024", "war\xE2\x80\x94peace \xE2\x80\x93 1991\xE2\x80\x93" "2024"},
      {"&lsquo;a&rsquo; &ldquo;b&rdquo; wait&hellip;", "\xE2\x80\x98" "a\xE2\x80\x99 \xE2\x80\x9C" "b\xE2\x80\x9D wait\xE2\x80\xA6"},
      {"Cr&eacute;dit &Eacute;lys&eacute;e", "Cr\xC3\xA9" "dit \xC3\x89lys\xC3\xA9" "e"},
      {"Wa&lstrok;&eogon;sa Erdo&gbreve;an &Scaron;ef&ccaron;ovi&ccaron;",
       "Wa\xC5\x82\xC4\x99sa Erdo\xC4\x9F" "an \xC5\xA0" "ef\xC4\x8Dovi\xC4\x8D"},
      {"&euro;5 &pound;3 &copy; &reg; &trade; &deg;", "\xE2\x82\xAC" "5 \xC2\xA3" "3 \xC2\xA9 \xC2\xAE \xE2\x84\xA2 \xC2\xB0"},
      {"&#8212;&#x2014;&#X2014;", "\xE2\x80\x94\xE2\x80\x94\xE2\x80\x94"},
      {"&#150;", "\xE2\x80\x93"},                     // Windows-1252 range, as browsers read it
      {"&#0;|&#xD800;|&#x110000;|&#99999999999;|&#1;", "\xEF\xBF\xBD|\xEF\xBF\xBD|\xEF\xBF\xBD|\xEF\xBF\xBD|\xEF\xBF\xBD"},
      {"&#65", "A"},                                   // no ';' is still a reference
      {"&unknown; & &; &#; &#x;", "&unknown; & &; &#; &#x;"},
      {"&copy 2024 &amp more", "\xC2\xA9 2024 & more"},  // legacy names without ';'
      {"&ampere;", "&ere;"},                           // legacy prefix, as HTML5 reads it
  };
  for (const Case& c : cases) {
    INFO(c.html);
    CHECK(decode_html_entities(c.html) == c.text);
  }
}

TEST_CASE("html_to_text drops scripts and styles and decodes entities", "[extract][html]") {
  const HtmlText page = html_to_text(R"(<!DOCTYPE html>
<html><head><title>Talks resume</title>
<style>p { color: red; } </style>
<script>var x = "<p>not text</p>"; if (a < b) { alert('&amp;'); }</script>
</head><body>
<!-- a comment <p>hidden</p> -->
<p>Talks   resume&nbsp;in Geneva &mdash; officials said.</p>
<SCRIPT type="text/javascript">document.write("<b>nope</b>")</SCRIPT>
<p>It&rsquo;s the &ldquo;first&rdquo; round since 2022&hellip;</p>
</body></html>)");
  CHECK(page.text ==
        "Talks resume in Geneva \xE2\x80\x94 officials said.\n\n"
        "It\xE2\x80\x99s the \xE2\x80\x9C" "first\xE2\x80\x9D round since 2022\xE2\x80\xA6");
  CHECK(page.title == "Talks resume");
}

TEST_CASE("html_to_text turns blocks into paragraphs and collapses spaces", "[extract][html]") {
  struct Case {
    const char* html;
    const char* text;
  };
  const Case cases[] = {
      {"<p>One</p><p>Two</p>", "One\n\nTwo"},
      {"<div>First<br>Second<br/>Third</div>", "First\nSecond\nThird"},
      {"<ul><li>alpha</li><li>beta</li></ul><p>after</p>", "alpha\nbeta\n\nafter"},
      {"<p>  spaced \n\t out  </p>", "spaced out"},
      {"<p>Put<b>in</b> <i>said</i>.</p>", "Putin said."},
      {"<h2>Heading</h2>Body text", "Heading\n\nBody text"},
      {"<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"},
      {"<pre>line 1\nline 2</pre>", "line 1\nline 2"},
      {"a < b and c > d", "a < b and c > d"},
      {"<p>x</p></p><p>y", "x\n\ny"},
      {"<a title=\"x>y\" href='/u'>link</a> text", "link text"},
      {"<p>cut off <b", "cut off"},
      {"<p>one</p><![CDATA[ junk ]]><p>two</p>", "one\n\ntwo"},
      {"<p>\xC2\xA0</p><p>&#160;x</p>", "x"},
      {"", ""},
  };
  for (const Case& c : cases) {
    INFO(c.html);
    CHECK(html_to_text(c.html).text == c.text);
  }
}

TEST_CASE("html_to_text drops page chrome but not the article it wraps", "[extract][html]") {
  struct Case {
    const char* name;
    std::string html;
    const char* text;
  };
  const std::string article = "<p>The envoy met the minister on Monday and both sides called the talks useful.</p>"
                              "<p>A second round is planned for next month in the capital, officials said.</p>"
                              "<p>Neither side gave details of the proposals that were discussed at length.</p>"
                              "<p>Observers said the meeting was the most substantive in several years of contacts.</p>"
                              "<p>Further talks at expert level will prepare the next round, the ministry said.</p>"
                              "<p>The delegations also agreed to exchange lists of prisoners before the summer.</p>"
                              "<p>Both governments are expected to publish a joint statement later this week.</p>";
  const char* article_text =
      "The envoy met the minister on Monday and both sides called the talks useful.\n\n"
      "A second round is planned for next month in the capital, officials said.\n\n"
      "Neither side gave details of the proposals that were discussed at length.\n\n"
      "Observers said the meeting was the most substantive in several years of contacts.\n\n"
      "Further talks at expert level will prepare the next round, the ministry said.\n\n"
      "The delegations also agreed to exchange lists of prisoners before the summer.\n\n"
      "Both governments are expected to publish a joint statement later this week.";
  const Case cases[] = {
      {"nav", "<nav><a>Home</a><a>World</a></nav><p>Body.</p>", "Body."},
      {"header and footer", "<header>Site name</header><p>Body.</p><footer>Contact us</footer>", "Body."},
      {"aside", "<p>Body.</p><aside><p>Most read</p></aside><p>More body.</p>", "Body.\n\nMore body."},
      {"noscript, template, svg, iframe",
       "<noscript>Enable JavaScript</noscript><template><p>t</p></template><svg><text>chart</text></svg>"
       "<iframe src=x>fallback</iframe><p>Body.</p>",
       "Body."},
      {"form and button", "<form><label>Email</label><input><button>Sign up</button></form><p>Body.</p>", "Body."},
      {"hidden", "<div hidden>h1</div><div aria-hidden=\"true\">h2</div><span style=\"display: none\">h3</span>"
                 "<p>Body.</p>",
       "Body."},
      {"class names", "<div class=\"social-share\">Share</div><div id=\"comments\"><p>Nice.</p></div><p>Body.</p>",
       "Body."},
      {"roles", "<div role=\"navigation\">Menu</div><div role=\"contentinfo\">About</div><p>Body.</p>", "Body."},
      {"a form around the whole page (ASP.NET)", "<form id=\"aspnetForm\">" + article + "</form>", article_text},
      {"a nav that holds the article", "<nav><article>" + article + "</article></nav>", article_text},
      {"a header inside the article", "<article><header><h1>Headline</h1></header><p>Body.</p></article>",
       "Headline\n\nBody."},
      {"an unclosed nav keeps the rest", "<nav>Menu</nav><p>One.</p><nav><p>Two.</p>", "One.\n\nTwo."},
      {"nested chrome", "<footer><nav><p>Links</p></nav><p>Legal</p></footer><p>Body.</p>", "Body."},
      {"chrome class with the article inside",
       "<div class=\"page-sidebar\"><article><p>Body.</p></article></div>", "Body."},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(html_to_text(c.html).text == c.text);
  }
}

TEST_CASE("html_to_text reads title, date, url and site name from metadata", "[extract][html]") {
  SECTION("og tags and article:published_time") {
    const HtmlText page = html_to_text(R"(<html><head>
<title>Envoy visits capital | The Daily Planet</title>
<meta property="og:title" content="Envoy visits capital">
<meta property="og:site_name" content="The Daily Planet">
<meta property="og:url" content="https://example.org/og">
<link rel="canonical" href="https://example.org/envoy">
<meta property="article:published_time" content="2024-03-04T09:15:00+03:00">
<meta name="date" content="2020-01-01">
</head><body><time datetime="2019-05-05">old</time><h1>Envoy visits</h1><p>Text.</p></body></html>)");
    CHECK(page.title == "Envoy visits capital");
    CHECK(page.published == "2024-03-04");
    CHECK(page.url == "https://example.org/envoy");
    CHECK(page.site_name == "The Daily Planet");
    CHECK(page.text == "old\n\nEnvoy visits\n\nText.");
  }
  SECTION("<title> with a site suffix and a matching <h1>") {
    const HtmlText page = html_to_text("<title>Envoy visits capital - Planet</title><h1>Envoy visits capital</h1>");
    CHECK(page.title == "Envoy visits capital");
  }
  SECTION("<title> alone, with entities and spaces") {
    CHECK(html_to_text("<title>\n  Caf&eacute;   talks </title><p>x</p>").title == "Caf\xC3\xA9 talks");
  }
  SECTION("<h1> alone") {
    CHECK(html_to_text("<body><h1>Main <em>headline</em></h1><p>x</p></body>").title == "Main headline");
  }
  SECTION("an svg <title> is not the page title") {
    CHECK(html_to_text("<svg><title>icon</title></svg><h1>Real</h1>").title == "Real");
  }
  SECTION("meta name=date, time datetime, JSON-LD, slashed dates") {
    CHECK(html_to_text(R"(<meta name="pubdate" content="2023-06-12"><p>x</p>)").published == "2023-06-12");
    CHECK(html_to_text(R"(<p>x <time datetime="2021-12-10T08:00:00Z">Dec 10</time></p>)").published == "2021-12-10");
    CHECK(html_to_text(R"(<script type="application/ld+json">{"@type":"NewsArticle","datePublished": "2022-02-24T05:00:00Z"}</script><time datetime="2000-01-01">x</time>)")
              .published == "2022-02-24");
    CHECK(html_to_text(R"(<meta name="citation_publication_date" content="2024/06/21">)").published == "2024-06-21");
    CHECK(html_to_text(R"(<span itemprop="datePublished" content="2018-07-16">July</span>)").published == "2018-07-16");
  }
  SECTION("invalid dates are ignored") {
    CHECK(html_to_text(R"(<meta name="date" content="yesterday"><meta name="date" content="2023-02-30">)")
              .published.empty());
  }
}

TEST_CASE("html_to_text survives hostile input", "[extract][html]") {
  CHECK(html_to_text("<script>never closed <p>lost</p>").text.empty());
  CHECK(html_to_text("<!-- never closed <p>lost</p>").text.empty());
  CHECK(html_to_text("<p>caf\xE9 \x93quoted\x94</p>").text == "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D");
  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += "<div><span>";
  deep += "deep text";
  CHECK(html_to_text(deep).text == "deep text");
  std::string many_closes = "<p>x</p>";
  for (int i = 0; i < 20000; ++i) many_closes += "</div></nav>";
  CHECK(html_to_text(many_closes).text == "x");
  CHECK(is_valid_utf8(html_to_text("<p>&#xD800;\xFF\xC0</p>").text));
}
