#include "extract/dates.hpp"

#include <array>
#include <charconv>
#include <vector>

namespace geokg::extract {

const char* to_string(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kDay: return "day";
    case DatePrecision::kMonth: return "month";
    case DatePrecision::kYear: return "year";
    case DatePrecision::kUnknown: return "unknown";
  }
  return "unknown";
}

const char* to_string(DateOrigin origin) {
  switch (origin) {
    case DateOrigin::kExplicit: return "explicit";
    case DateOrigin::kRelative: return "relative";
    case DateOrigin::kDocument: return "document";
  }
  return "document";
}

// Civil-day conversions follow the well-known era/day-of-era arithmetic of the proleptic
// Gregorian calendar.
std::int32_t day_from_civil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void civil_from_day(std::int32_t z, int& year, int& month, int& mday) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  mday = doy - (153 * mp + 2) / 5 + 1;
  month = mp < 10 ? mp + 3 : mp - 9;
  year = yoe + era * 400 + (month <= 2 ? 1 : 0);
}

int weekday(std::int32_t day) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  const int w = (day + 3) % 7;
  return w < 0 ? w + 7 : w;
}

namespace {

bool parse_int(std::string_view text, int& out) {
  if (text.empty()) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return kDays[static_cast<std::size_t>(month - 1)];
}

std::string format_date(int year, int month, int day, DatePrecision precision) {
  char buffer[16];
  auto* end = std::to_chars(buffer, buffer + 5, year).ptr;
  auto two = [&](int v) {
    *end++ = '-';
    *end++ = static_cast<char>('0' + v / 10);
    *end++ = static_cast<char>('0' + v % 10);
  };
  if (precision == DatePrecision::kMonth || precision == DatePrecision::kDay) two(month);
  if (precision == DatePrecision::kDay) two(day);
  return std::string(buffer, end);
}

Date make_date(int year, int month, int day, DatePrecision precision, DateOrigin origin) {
  return Date{format_date(year, month, day, precision), precision, origin};
}

Date date_of_day(std::int32_t z, DatePrecision precision, DateOrigin origin) {
  int y = 0, m = 0, d = 0;
  civil_from_day(z, y, m, d);
  return make_date(y, m, d, precision, origin);
}

constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march", "april", "may", "june",
                                                      "july", "august", "september", "october", "november",
                                                      "december"};
constexpr std::array<std::string_view, 12> kMonthAbbr = {"jan.", "feb.", "mar.", "apr.", "may", "jun.",
                                                         "jul.", "aug.", "sep.", "oct.", "nov.", "dec."};
constexpr std::array<std::string_view, 7> kWeekdays = {"monday", "tuesday", "wednesday", "thursday",
                                                       "friday", "saturday", "sunday"};

int month_of(std::string_view w) {
  // Every month name and abbreviation starts with one of these letters.
  if (w.size() < 3 || w.size() > 9 || std::string_view("jfmasond").find(w[0]) == std::string_view::npos) return 0;
  for (std::size_t i = 0; i < 12; ++i) {
    if (w == kMonths[i] || w == kMonthAbbr[i]) return static_cast<int>(i) + 1;
    if (w.size() == 3 && kMonthAbbr[i].substr(0, 3) == w && w != "may") return static_cast<int>(i) + 1;
  }
  if (w == "sept.") return 9;
  return 0;
}

int weekday_of(std::string_view w) {
  for (std::size_t i = 0; i < 7; ++i) {
    if (w == kWeekdays[i]) return static_cast<int>(i);
  }
  return -1;
}

int season_month(std::string_view w) {
  if (w == "spring") return 3;
  if (w == "summer") return 6;
  if (w == "autumn" || w == "fall") return 9;
  if (w == "winter") return 12;
  return 0;
}

// The digits of text[begin, begin + count) as a number; -1 when one of them is no digit.
int digits_value(std::string_view text, std::size_t begin, std::size_t count) {
  int value = 0;
  for (std::size_t i = begin; i < begin + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

bool year_of(std::string_view w, int& year) {
  return w.size() == 4 && parse_int(w, year) && year >= 1900 && year <= 2100;
}

// Every word that can start a date expression in find_date, other than a number: month names and
// abbreviations, seasons, the prepositions before a year, and the relative words. A token that is
// neither a number nor one of these starts none, which most tokens are told by one short scan of
// the words of its length and first letter.
class DateWords {
 public:
  DateWords() {
    for (std::string_view w : kMonths) add(w);
    for (std::string_view w : kMonthAbbr) add(w);
    for (std::string_view w : kMonthAbbr) add(w.substr(0, 3));
    for (std::string_view w : kWeekdays) add(w);
    for (std::string_view w : {"sept.", "spring", "summer", "autumn", "fall", "winter", "in", "since", "by", "until",
                               "yesterday", "today", "tonight", "tomorrow", "last", "next", "this", "earlier", "later"}) {
      add(w);
    }
  }
  bool may_start(std::string_view w) const {
    if (w.size() >= kLongest || w.empty()) return false;
    for (std::string_view word : words_[w.size()][static_cast<unsigned char>(w.front())]) {
      if (word == w) return true;
    }
    return false;
  }

 private:
  static constexpr std::size_t kLongest = 10;  // "september" and "wednesday" have nine letters
  void add(std::string_view w) { words_[w.size()][static_cast<unsigned char>(w.front())].push_back(w); }
  std::array<std::array<std::vector<std::string_view>, 256>, kLongest> words_;
};

struct Cursor {
  const Segmentation& seg;
  std::uint32_t end;
  std::string_view at(std::uint32_t i) const { return i < end ? seg.norm_of(i) : std::string_view(); }
};

}  // namespace

std::int32_t day_number(std::string_view iso) {
  // "2025-08-15", asked for every sentence and mention: read without from_chars when plain digits.
  if (iso.size() == 10 && iso[4] == '-' && iso[7] == '-') {
    const int y = digits_value(iso, 0, 4), m = digits_value(iso, 5, 2), d = digits_value(iso, 8, 2);
    if (y >= 0 && m >= 1 && m <= 12 && d >= 0) {
      return d >= 1 && d <= days_in_month(y, m) ? day_from_civil(y, m, d) : kNoDay;
    }
  }
  int year = 0, month = 1, day = 1;
  if (iso.size() < 4 || !parse_int(iso.substr(0, 4), year)) return kNoDay;
  if (iso.size() >= 7) {
    if (iso[4] != '-' || !parse_int(iso.substr(5, 2), month) || month < 1 || month > 12) return kNoDay;
  }
  if (iso.size() >= 10) {
    if (iso[7] != '-' || !parse_int(iso.substr(8, 2), day) || day < 1 || day > days_in_month(year, month)) {
      return kNoDay;
    }
  }
  return day_from_civil(year, month, day);
}

std::string iso_from_day(std::int32_t day) {
  if (day == kNoDay) return {};
  return date_of_day(day, DatePrecision::kDay, DateOrigin::kExplicit).value;
}

std::optional<Date> parse_iso_date(std::string_view text, DateOrigin origin) {
  int year = 0, month = 0, day = 0;
  if (text.size() < 4 || !parse_int(text.substr(0, 4), year)) return std::nullopt;
  if (text.size() == 4) return make_date(year, 1, 1, DatePrecision::kYear, origin);
  if (text.size() < 7 || text[4] != '-' || !parse_int(text.substr(5, 2), month) || month < 1 || month > 12) {
    return std::nullopt;
  }
  if (text.size() == 7) return make_date(year, month, 1, DatePrecision::kMonth, origin);
  if (text.size() < 10 || text[7] != '-' || !parse_int(text.substr(8, 2), day) || day < 1 ||
      day > days_in_month(year, month)) {
    return std::nullopt;
  }
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
  return make_date(year, month, day, DatePrecision::kDay, origin);
}

std::optional<DateMention> find_date(std::string_view text, const Segmentation& seg, std::uint32_t first,
                                     std::uint32_t end, const Date& doc_date) {
  (void)text;
  const Cursor c{seg, end};
  // The document date is read only when an expression needs it: most sentences hold none.
  std::int32_t doc_day = kNoDay;
  int doc_year = 0, doc_month = 0, doc_mday = 0;
  bool doc_read = false;
  auto read_document_date = [&] {
    if (doc_read) return;
    doc_read = true;
    doc_day = doc_date.precision == DatePrecision::kUnknown ? kNoDay : day_number(doc_date.value);
    if (doc_day != kNoDay) civil_from_day(doc_day, doc_year, doc_month, doc_mday);
  };
  auto span_of = [&](std::uint32_t a, std::uint32_t b) {
    return Span{seg.tokens[a].span.begin, seg.tokens[b - 1].span.end};
  };
  // A month name without a year means the latest such month not after the document date (news
  // reports the recent past); a future month only with "next".
  auto year_for_month = [&](int month) { return month > doc_month ? doc_year - 1 : doc_year; };

  static const DateWords kDateWords;
  for (std::uint32_t i = first; i < end; ++i) {
    const std::string_view w = c.at(i);
    if (seg.tokens[i].kind != TokenKind::kNumber && !kDateWords.may_start(w)) continue;
    int year = 0;
    // "December 7", "December 7, 2021", "Dec. 7 2021", "June 2023", "June"
    if (const int month = month_of(w); month != 0 && (seg.tokens[i].upper || seg.tokens[i].all_caps)) {
      read_document_date();
      if (w == "may" || w == "march") {
        // "may" and "march" are verbs too: require a number or "in"/"last"/"early" around them.
        const std::string_view before = i > first ? c.at(i - 1) : std::string_view();
        const bool numeric_after = i + 1 < end && seg.tokens[i + 1].kind == TokenKind::kNumber;
        if (!numeric_after && before != "in" && before != "last" && before != "early" && before != "late" &&
            before != "mid" && before != "since" && before != "until") {
          continue;
        }
      }
      int day = 0;
      std::uint32_t j = i + 1;
      if (j < end && seg.tokens[j].kind == TokenKind::kNumber && parse_int(c.at(j), day) && day >= 1 && day <= 31 &&
          c.at(j).size() <= 2) {
        ++j;
        if (c.at(j) == ",") ++j;
        if (j < end && year_of(c.at(j), year)) {
          if (day <= days_in_month(year, month)) {
            return DateMention{make_date(year, month, day, DatePrecision::kDay, DateOrigin::kExplicit), span_of(i, j + 1)};
          }
        }
        if (doc_day != kNoDay) {
          const int y = year_for_month(month);
          if (day <= days_in_month(y, month)) {
            return DateMention{make_date(y, month, day, DatePrecision::kDay, DateOrigin::kRelative), span_of(i, i + 2)};
          }
        }
        continue;
      }
      if (j < end && year_of(c.at(j), year)) {
        return DateMention{make_date(year, month, 1, DatePrecision::kMonth, DateOrigin::kExplicit), span_of(i, j + 1)};
      }
      if (doc_day != kNoDay) {
        const std::string_view before = i > first ? c.at(i - 1) : std::string_view();
        int y = year_for_month(month);
        std::uint32_t b = i;
        if (before == "last") { b = i - 1; if (month >= doc_month) y = doc_year - 1; }
        if (before == "next") { b = i - 1; y = month <= doc_month ? doc_year + 1 : doc_year; }
        return DateMention{make_date(y, month, 1, DatePrecision::kMonth, DateOrigin::kRelative), span_of(b, i + 1)};
      }
      continue;
    }
    // "7 December 2021"
    int day = 0;
    if (seg.tokens[i].kind == TokenKind::kNumber && w.size() <= 2 && parse_int(w, day) && day >= 1 && day <= 31) {
      if (const int month = month_of(c.at(i + 1)); month != 0 && seg.tokens[i + 1].upper) {
        if (year_of(c.at(i + 2), year) && day <= days_in_month(year, month)) {
          return DateMention{make_date(year, month, day, DatePrecision::kDay, DateOrigin::kExplicit), span_of(i, i + 3)};
        }
      }
    }
    // "spring 2022"
    if (const int month = season_month(w); month != 0 && year_of(c.at(i + 1), year)) {
      return DateMention{make_date(year, month, 1, DatePrecision::kMonth, DateOrigin::kExplicit), span_of(i, i + 2)};
    }
    // "in 1991", "since 2014"
    if ((w == "in" || w == "since" || w == "by" || w == "until") && year_of(c.at(i + 1), year) &&
        c.at(i + 2) != "%") {
      return DateMention{make_date(year, 1, 1, DatePrecision::kYear, DateOrigin::kExplicit), span_of(i + 1, i + 2)};
    }
    // Only these words open a relative expression; for any other the document date is not read.
    if (w != "yesterday" && w != "today" && w != "tonight" && w != "tomorrow" && w != "last" && w != "next" &&
        w != "this" && w != "earlier" && w != "later" && weekday_of(w) < 0) {
      continue;
    }
    read_document_date();
    if (doc_day == kNoDay) continue;
    // Relative expressions.
    if (w == "yesterday") {
      return DateMention{date_of_day(doc_day - 1, DatePrecision::kDay, DateOrigin::kRelative), span_of(i, i + 1)};
    }
    if (w == "today" || w == "tonight") {
      return DateMention{date_of_day(doc_day, DatePrecision::kDay, DateOrigin::kRelative), span_of(i, i + 1)};
    }
    if (w == "tomorrow") {
      return DateMention{date_of_day(doc_day + 1, DatePrecision::kDay, DateOrigin::kRelative), span_of(i, i + 1)};
    }
    if (const int wd = weekday_of(w); wd >= 0 && seg.tokens[i].upper) {
      // "on Friday" in a report means the latest such day before the document date; "next Friday"
      // the following one; the document's own weekday means that day.
      const std::string_view before = i > first ? c.at(i - 1) : std::string_view();
      const int today = weekday(doc_day);
      std::int32_t z = doc_day - ((today - wd + 7) % 7);
      std::uint32_t b = i;
      if (before == "next") { z = doc_day + ((wd - today + 7) % 7 == 0 ? 7 : (wd - today + 7) % 7); b = i - 1; }
      else if (before == "last") { if (z == doc_day) z -= 7; b = i - 1; }
      return DateMention{date_of_day(z, DatePrecision::kDay, DateOrigin::kRelative), span_of(b, i + 1)};
    }
    const std::string_view next = c.at(i + 1);
    if ((w == "last" || w == "next" || w == "this") &&
        (next == "week" || next == "month" || next == "year" || next == "weekend")) {
      const int sign = w == "last" ? -1 : (w == "next" ? 1 : 0);
      if (next == "week" || next == "weekend") {
        return DateMention{date_of_day(doc_day + 7 * sign, DatePrecision::kDay, DateOrigin::kRelative), span_of(i, i + 2)};
      }
      if (next == "month") {
        int y = doc_year, m = doc_month + sign;
        if (m == 0) { m = 12; --y; }
        if (m == 13) { m = 1; ++y; }
        return DateMention{make_date(y, m, 1, DatePrecision::kMonth, DateOrigin::kRelative), span_of(i, i + 2)};
      }
      return DateMention{make_date(doc_year + sign, 1, 1, DatePrecision::kYear, DateOrigin::kRelative), span_of(i, i + 2)};
    }
    if ((w == "earlier" || w == "later") && next == "this" && (c.at(i + 2) == "month" || c.at(i + 2) == "year")) {
      const bool month = c.at(i + 2) == "month";
      return DateMention{make_date(doc_year, doc_month, 1, month ? DatePrecision::kMonth : DatePrecision::kYear,
                                   DateOrigin::kRelative), span_of(i, i + 3)};
    }
  }
  return std::nullopt;
}

}  // namespace geokg::extract
