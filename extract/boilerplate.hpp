// Boilerplate and dateline detection on ingested text. Web pages saved as text carry page chrome
// ("Share", "Subscribe", "4 hours ago"), comment threads, related-article lists and author bios;
// find_boilerplate marks them as byte ranges that extraction skips (the text itself is kept, so
// spans stay valid). find_dateline reads the date an article states at its top.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "extract/document.hpp"

namespace geokg::extract {

// Sorted, non-overlapping byte ranges of `text` to keep out of extraction; each range starts at the
// beginning of a line and ends at the end of a line (newline excluded). Works line by line:
// - a comment section, from a header line ("Comments (5)", "12 comments", "Leave a reply",
//   "Join the discussion") up to the next non-comment section heading or the end of the text;
//   only after some article prose, so a comment counter under the headline marks just that line;
// - a related-articles section ("Related Articles", "Read more", "More from X", "Most read"):
//   its short lines (headlines, source names, times) but not the multi-sentence paragraphs that
//   follow a headline; two article paragraphs in a row end the section;
// - web chrome lines anywhere ("Share this article", "Advertisement", "Photo: ...", "Getty Images",
//   "4 hours ago", "By NAME NAME", image alt text, a line repeating the previous one, short title-case
//   lines repeated three or more times, a line equal to `source_name`);
// - a trailing author bio ("*Name Surname is/holds/writes ...", "About the author");
// - bullet items that are only a name or a handle next to other boilerplate;
// - a short line between two boilerplate lines (promotional blurbs amid chrome), after the article
//   has started.
std::vector<Span> find_boilerplate(std::string_view text, std::string_view source_name = {});

// A date stated at the top of the text (first 8 non-blank lines, first 1500 bytes):
// "MOSCOW, March 4, 2024 —", "WASHINGTON, June 5 (Reuters) -" is not enough (no year), "Published:
// 2023-06-12", "Updated on Friday, 21 June 2024", "Dec 10, 2021" on a line of its own,
// "June 2024" (month precision). A "published" date wins over an "updated" one. Returns origin
// kExplicit, precision day or month; nullopt when there is none.
std::optional<Date> find_dateline(std::string_view text);

}  // namespace geokg::extract
