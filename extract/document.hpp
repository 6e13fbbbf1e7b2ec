// The values every stage passes around: byte spans into a document's text, dates with precision
// and origin, and the Document itself as ingested (text kept intact; boilerplate ranges are marked,
// never removed, so that every span still slices the stored text).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace geokg::extract {

// Half-open [begin, end) UTF-8 byte range into Document::text.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool contains(const Span& other) const { return begin <= other.begin && other.end <= end; }
  friend bool operator==(const Span&, const Span&) = default;
  friend auto operator<=>(const Span&, const Span&) = default;
};

inline std::string_view slice(std::string_view text, Span span) {
  return text.substr(span.begin, span.end - span.begin);
}

enum class DatePrecision { kDay, kMonth, kYear, kUnknown };
enum class DateOrigin { kExplicit, kRelative, kDocument };

// value is ISO 8601 truncated to the precision ("2025-08-15", "2025-08", "2025"), empty when unknown.
struct Date {
  std::string value;
  DatePrecision precision = DatePrecision::kUnknown;
  DateOrigin origin = DateOrigin::kDocument;
  friend bool operator==(const Date&, const Date&) = default;
};

const char* to_string(DatePrecision precision);
const char* to_string(DateOrigin origin);

struct Document {
  std::string id;         // stable: JSONL "id", or the path relative to the input folder, no extension
  std::string title;
  std::string url;
  std::string source;
  std::string published;  // ISO 8601 date as given (may be empty)
  std::string text;       // valid UTF-8, as ingested (HTML already reduced to text)
  std::string origin;     // where it came from, for messages: "feed.jsonl:14" or "examples/a.txt"
  std::vector<Span> boilerplate;  // comment threads, related-article lists, banners: not extracted
  Date date;              // document date: published, else --date, else dateline, else unknown
};

}  // namespace geokg::extract
