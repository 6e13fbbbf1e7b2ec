// HTML to plain text for ingestion: a tolerant tag scanner (no DOM) that keeps the readable text of a
// news page, drops scripts, styles and page chrome, turns block elements into paragraph breaks,
// decodes character references, and picks up the title, publication date, canonical URL and site
// name from the page's metadata.
#pragma once

#include <string>
#include <string_view>

namespace geokg::extract {

struct HtmlText {
  std::string text;       // paragraphs separated by "\n\n", <br>/<li> lines by "\n", spaces collapsed
  std::string title;      // og:title, twitter:title, <title> (or the <h1> it starts with), first <h1>
  std::string published;  // normalised ISO date ("2024-03-01"; "2024-03" / "2024" when that is all), or ""
  std::string url;        // <link rel="canonical">, else og:url
  std::string site_name;  // og:site_name, else application-name
};

// Converts an HTML page to text. Never throws; any byte string is accepted (bytes that are not
// UTF-8 are read as Windows-1252), and the returned strings are valid UTF-8.
// Dropped: script, style, noscript, template, svg, math, iframe, object, canvas, select, button,
// textarea, elements marked hidden (hidden, aria-hidden="true", display:none); nav, header,
// footer, aside, form, menu (and role="navigation|banner|contentinfo|complementary|search", or a
// class/id naming comments, sharing, newsletters, ads, related links...) unless they wrap the
// article (contain <article>/<main>, or, for forms and class-marked boxes, three paragraphs and
// 500 bytes of text: whole pages wrapped in one <form>). An element left unclosed at the end of
// the page is kept, so a stray <nav> cannot swallow the article.
// No-break spaces become ordinary spaces.
HtmlText html_to_text(std::string_view html);

// Decodes named (HTML 4 set plus common HTML5 names such as &apos; &hyphen; &Lstrok; &gbreve;) and
// numeric character references. Numeric references to NUL, surrogates, values above U+10FFFF or
// control characters give U+FFFD; 0x80..0x9F map through Windows-1252 as browsers do. A few legacy
// names (&amp &lt &gt &quot &nbsp &copy and the Latin-1 letters) are accepted without ';'.
// Unknown names stay as written ("&foo;").
std::string decode_html_entities(std::string_view text);

}  // namespace geokg::extract
