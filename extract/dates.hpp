// Dates: civil-day arithmetic and the date expressions of news text ("on December 7", "in June
// 2023", "spring 2022", "last September", "on Friday", "last week", "yesterday", "earlier this
// month"), resolved against the document date into an ISO value with precision and origin.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "extract/document.hpp"
#include "extract/segment.hpp"

namespace geokg::extract {

inline constexpr std::int32_t kNoDay = std::numeric_limits<std::int32_t>::min();

// Days since 1970-01-01 of the first day of the ISO date's period ("2025-08-15", "2025-08",
// "2025"); kNoDay when the text is not such a date.
std::int32_t day_number(std::string_view iso_date);
std::int32_t day_from_civil(int year, int month, int day);
void civil_from_day(std::int32_t day, int& year, int& month, int& mday);
std::string iso_from_day(std::int32_t day);  // "2025-08-01"; empty for kNoDay
int weekday(std::int32_t day);               // 0 = Monday .. 6 = Sunday

// Normalises "2021-12-10T08:00:00Z", "2021-12-10", "2021-12", "2021" into a Date with precision;
// nullopt when the text is not an ISO 8601 date.
std::optional<Date> parse_iso_date(std::string_view text, DateOrigin origin);

struct DateMention {
  Date date;
  Span span;
};

// Finds the first date expression in tokens [first, end) of seg and resolves it against
// document_date (which may be unknown: then only absolute expressions resolve).
std::optional<DateMention> find_date(std::string_view text, const Segmentation& seg, std::uint32_t first,
                                     std::uint32_t end, const Date& document_date);

}  // namespace geokg::extract
