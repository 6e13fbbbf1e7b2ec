#include <catch2/catch.hpp>

#include "extract/dates.hpp"
#include "extract/segment.hpp"

using namespace geokg::extract;

namespace {

std::string resolve(const std::string& text, const std::string& doc_date) {
  Date d;
  if (auto parsed = parse_iso_date(doc_date, DateOrigin::kDocument)) d = *parsed;
  const auto seg = segment(text);
  const auto found = find_date(text, seg, 0, static_cast<std::uint32_t>(seg.tokens.size()), d);
  if (!found) return "none";
  return found->date.value + " " + to_string(found->date.precision) + " " + to_string(found->date.origin) + " '" +
         std::string(slice(text, found->span)) + "'";
}

}  // namespace

TEST_CASE("date expressions resolve against the document date", "[extract][dates]") {
  struct Case {
    const char* text;
    const char* doc;
    const char* expected;
  };
  const Case cases[] = {
      {"the December 7 virtual summit", "2021-12-10", "2021-12-07 day relative 'December 7'"},
      {"signed on June 19, 2024 in Pyongyang", "2024-06-25", "2024-06-19 day explicit 'June 19, 2024'"},
      {"on 7 December 2021 they spoke", "", "2021-12-07 day explicit '7 December 2021'"},
      {"talks in June 2023 failed", "2025-08-18", "2023-06 month explicit 'June 2023'"},
      {"the agreements of spring 2022", "2025-08-18", "2022-03 month explicit 'spring 2022'"},
      {"his visit to Vladivostok last September", "2024-06-20", "2023-09 month relative 'last September'"},
      {"For the first time since 1991", "2021-12-10", "1991 year explicit '1991'"},
      {"Trump met Putin on Friday", "2025-08-18", "2025-08-15 day relative 'Friday'"},
      {"They spoke on Monday", "2025-08-18", "2025-08-18 day relative 'Monday'"},
      {"they talked last week", "2025-08-18", "2025-08-11 day relative 'last week'"},
      {"the envoy arrived yesterday", "2025-08-18", "2025-08-17 day relative 'yesterday'"},
      {"talks earlier this month", "2025-08-18", "2025-08 month relative 'earlier this month'"},
      {"Leaders may meet soon", "2025-08-18", "none"},
      {"Troops march on", "2025-08-18", "none"},
      {"on Friday", "", "none"},
  };
  for (const auto& c : cases) {
    INFO(c.text << " @" << c.doc);
    CHECK(resolve(c.text, c.doc) == c.expected);
  }
}

TEST_CASE("civil day arithmetic round-trips", "[extract][dates]") {
  for (const char* iso : {"1970-01-01", "2000-02-29", "2021-12-07", "2025-08-15", "1899-12-31"}) {
    CHECK(iso_from_day(day_number(iso)) == iso);
  }
  CHECK(day_number("2025-02-30") == kNoDay);
  CHECK(day_number("garbage") == kNoDay);
  CHECK(weekday(day_number("2025-08-15")) == 4);  // a Friday
  CHECK(parse_iso_date("2021-12-10T08:00:00Z", DateOrigin::kDocument)->value == "2021-12-10");
  CHECK_FALSE(parse_iso_date("10/12/2021", DateOrigin::kDocument));
}
