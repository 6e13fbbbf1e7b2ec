#include "extract/boilerplate.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace geokg::extract {
namespace {

// ---------------------------------------------------------------------------------------------
// Phrase lists. Keys are compared after lower-casing ASCII, collapsing spaces and stripping the
// arrows, pipes, colons and ellipses that sites put after link labels.

// Whole-line web chrome.
constexpr auto kChromeLines = std::to_array<std::string_view>({
    "logo", "share", "share this", "share this article", "share this story", "share this page", "share article",
    "share story", "share on facebook", "share on twitter", "share on x", "share via email", "share via",
    "tweet", "email", "e-mail", "print", "print this article", "print article", "copy link", "link copied",
    "subscribe", "subscribe now", "subscribe today", "sign up", "sign in", "log in", "login", "register",
    "newsletter", "newsletters", "sign up for our newsletter", "sign up to our newsletter",
    "subscribe to our newsletter", "get our newsletter", "download the app", "download our app", "get the app",
    "open in app", "advertisement", "advertising", "ad", "ads", "sponsored", "sponsored content", "paid content",
    "promoted", "promoted content", "partner content", "continue reading", "keep reading", "read the full story",
    "click here", "contribute", "donate", "support us", "skip to content", "skip to main content", "menu",
    "search", "home", "back to top", "top", "close", "toggle navigation", "accept", "accept cookies",
    "accept all cookies", "cookie settings", "manage cookies", "reject all", "previous article", "next article",
    "previous", "next", "tags", "topics", "listen", "listen to this article", "listen now", "watch", "watch video",
    "play video", "video", "photo", "image", "gallery", "loading", "comments are closed", "no comments yet",
    "be the first to comment", "follow us", "load more", "show more", "view all", "see all", "all rights reserved",
    "copyright", "facebook", "twitter", "x", "linkedin", "whatsapp", "telegram", "reddit", "instagram", "youtube",
    "rss", "email this", "reply", "report", "like", "report abuse", "newest", "oldest", "sort by",
    "most liked", "just now", "yesterday", "today", "updated", "breaking", "breaking news", "live", "exclusive",
    "opinion", "analysis", "editorial"});

// Chrome lines that begin with these (short lines only, at most one sentence).
constexpr auto kChromePrefixes = std::to_array<std::string_view>({
    "more from ", "follow us on ", "follow us ", "follow @", "like us on ", "join us on ", "join our ",
    "share on ", "share this ", "sign up for ", "sign up to ", "subscribe to ", "subscribe for ",
    "get started", "try our ", "help us ", "support our ", "support independent ", "become a member",
    "become a subscriber", "translation:", "translated by ", "translation by ", "photo:", "photo by ",
    "photos:", "photograph:", "photography:", "image:", "image by ", "image credit", "images:", "picture:",
    "pictures:", "credit:", "credits:", "illustration:", "video:", "watch:", "listen:", "read more:",
    "read also:", "also read:", "see also:", "related:", "more:", "download the ", "download our ",
    "get the app", "install the app", "copyright ", "\xc2\xa9", "(c) ", "all rights reserved", "tags:",
    "topics:", "filed under", "posted in ", "click here", "advertisement", "sponsored by", "reporting by ",
    "additional reporting by ", "editing by ", "writing by ", "compiled by ", "(reporting by ", "source:",
    "sources:", "this article was originally published", "this article first appeared", "originally published",
    "we use cookies", "this website uses cookies", "by continuing to use"});

// Photo-agency credits, store badges and copyright notices inside caption-like lines.
constexpr auto kCreditFragments = std::to_array<std::string_view>({
    "getty images", "via getty", "afp photo", "ap photo", "reuters/", "/reuters", "shutterstock", "(photo:",
    "(photo by", "photo credit", "image credit", "/ afp", "/afp", "epa-efe", "sputnik /", "ria novosti /",
    "app store", "google play", "app-store", "play-store", "all rights reserved"});

// Short promotional lines containing these.
constexpr auto kPromoFragments = std::to_array<std::string_view>({
    "newsletter", "subscribe", "sign up", "download", "enable javascript", "cookie policy", "privacy policy",
    "terms of use"});

// Headings that open a comment thread.
constexpr auto kCommentHeaders = std::to_array<std::string_view>({
    "comments", "comment", "add comment", "add a comment", "post a comment", "post comment", "leave a comment",
    "leave a reply", "leave a reply cancel reply", "write a comment", "join the discussion",
    "join the conversation", "show comments", "view comments", "view all comments", "load comments",
    "load more comments", "see comments", "read comments", "reader comments", "readers' comments",
    "responses", "replies", "comments are closed", "no comments yet", "be the first to comment"});

// Headings that open a list of other articles (and end a comment thread).
constexpr auto kRelatedHeadings = std::to_array<std::string_view>({
    "related", "related articles", "related stories", "related news", "related posts", "related content",
    "related topics", "related coverage", "read more", "read next", "more stories", "more news",
    "more articles", "you may also like", "you might also like", "you may be interested in", "recommended",
    "recommended for you", "recommended stories", "most read", "most popular", "most viewed", "trending",
    "trending now", "top stories", "latest news", "latest stories", "editor's picks", "further reading",
    "in case you missed it", "popular", "also read", "see also", "more on this story", "more on this topic"});

// Last words of image alt text left in the text by a copy from the browser ("Orange background").
constexpr auto kAltTextNouns = std::to_array<std::string_view>({
    "background", "icon", "image", "logo", "thumbnail", "banner", "avatar", "placeholder", "photo", "picture",
    "illustration", "graphic", "img", "button"});

constexpr auto kTimeUnits = std::to_array<std::string_view>({
    "seconds", "second", "secs", "sec", "minutes", "minute", "mins", "min", "hours", "hour", "hrs", "hr",
    "h", "days", "day", "d", "weeks", "week", "wks", "wk", "months", "month", "mos", "mo", "years", "year",
    "yrs", "yr"});

// Lower-case words that may sit between the capitalised words of a name ("Fernando Lima das Neves").
constexpr auto kNameParticles = std::to_array<std::string_view>({
    "and", "&", "de", "da", "das", "do", "dos", "del", "della", "di", "du", "van", "von", "der", "den",
    "al", "el", "bin", "ibn", "la", "le", "y"});

// Verbs that follow the name in a contributor note ("*Jane Doe is a fellow at ...").
constexpr auto kBioVerbs = std::to_array<std::string_view>({
    "is", "was", "holds", "has", "writes", "teaches", "works", "serves", "covers", "lives", "reports", "leads",
    "heads", "directs", "studied", "received", "earned", "specializes", "specialises", "joined",
    "previously", "founded"});

constexpr auto kBioRoles = std::to_array<std::string_view>({
    "fellow", "professor", "journalist", "analyst", "editor", "correspondent", "author", "researcher",
    "director", "writer", "columnist", "contributor", "commentator", "expert", "lecturer", "scholar", "reporter",
    "founder", "historian", "economist", "blogger", "associate", "student", "degree"});

constexpr auto kAuthorHeadings = std::to_array<std::string_view>({
    "about the author", "about the authors", "about the writer", "about the contributor", "author bio",
    "about us"});

// Words that address the reader: promotional blurbs have them, news sentences rarely do outside quotes.
constexpr auto kReaderAddress = std::to_array<std::string_view>({
    "you", "your", "our", "us", "we", "readers", "reader", "subscribers", "app", "download", "subscribe",
    "support", "donate", "join", "explore", "discover"});

// Abbreviations whose full stop does not end a sentence.
constexpr auto kAbbreviations = std::to_array<std::string_view>({
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sen", "rep", "gov", "jr", "sr", "vs", "prof", "no",
    "capt", "sgt", "adm", "maj", "rev", "hon"});

// ---------------------------------------------------------------------------------------------
// Small text helpers (ASCII case folding is enough: the phrase lists are English).

template <std::size_t N>
bool is_one_of(std::string_view value, const std::array<std::string_view, N>& list) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// A phrase list hashed once, for the lists that every short line is looked up in.
class PhraseSet {
 public:
  template <std::size_t N>
  explicit PhraseSet(const std::array<std::string_view, N>& list) : set_(list.begin(), list.end()) {}
  bool contains(std::string_view value) const { return set_.contains(value); }

 private:
  std::unordered_set<std::string_view> set_;
};

// Fragments looked for anywhere in a line, indexed by their first two bytes: one pass over the
// line finds whether any of them occurs (a find() per fragment would pass over it once each).
class FragmentSet {
 public:
  template <std::size_t N>
  explicit FragmentSet(const std::array<std::string_view, N>& list) {
    for (const std::string_view f : list) {
      if (f.size() < 2) {
        short_.push_back(f);
      } else {
        const std::size_t pair = pair_at(f, 0);
        pairs_[pair / 64] |= std::uint64_t{1} << (pair % 64);
        by_first_[static_cast<unsigned char>(f.front())].push_back(f);
      }
    }
  }

  bool found_in(std::string_view s) const {
    for (const std::string_view f : short_) {
      if (s.find(f) != std::string_view::npos) return true;
    }
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
      const std::size_t pair = pair_at(s, i);
      if ((pairs_[pair / 64] >> (pair % 64) & 1) == 0) continue;
      for (const std::string_view f : by_first_[static_cast<unsigned char>(s[i])]) {
        if (f[1] == s[i + 1] && s.compare(i, f.size(), f) == 0) return true;
      }
    }
    return false;
  }

 private:
  static std::size_t pair_at(std::string_view s, std::size_t i) {
    return static_cast<std::size_t>(static_cast<unsigned char>(s[i])) << 8 | static_cast<unsigned char>(s[i + 1]);
  }

  std::vector<std::string_view> short_;                      // fragments of one byte
  std::array<std::vector<std::string_view>, 256> by_first_;  // the others, by first byte
  std::array<std::uint64_t, 65536 / 64> pairs_{};            // their first two bytes
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_alpha(char c) { return is_upper(c) || is_lower(c); }
char to_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_non_ascii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool starts_with_word(std::string_view s, std::string_view prefix) {
  if (!s.starts_with(prefix)) return false;
  if (prefix.empty() || !is_alpha(prefix.back()) || s.size() == prefix.size()) return true;
  return !is_alpha(s[prefix.size()]);
}

// Prefixes indexed by their first byte, so that a line is compared only with those that can match.
class PrefixSet {
 public:
  template <std::size_t N>
  explicit PrefixSet(const std::array<std::string_view, N>& list) {
    for (const std::string_view prefix : list) {
      if (prefix.empty()) {
        any_ = true;
      } else {
        by_first_[static_cast<unsigned char>(prefix.front())].push_back(prefix);
      }
    }
  }
  // Whether starts_with_word(s, prefix) holds for one of the prefixes.
  bool starts(std::string_view s) const {
    if (any_) return true;
    if (s.empty()) return false;
    for (const std::string_view prefix : by_first_[static_cast<unsigned char>(s.front())]) {
      if (starts_with_word(s, prefix)) return true;
    }
    return false;
  }

 private:
  std::array<std::vector<std::string_view>, 256> by_first_;
  bool any_ = false;
};

// Bullet markers at the start of a line, as copied from rendered lists.
std::size_t bullet_length(std::string_view s) {
  for (std::string_view marker : {"\xe2\x80\xa2", "\xc2\xb7", "\xe2\x96\xaa", "\xe2\x97\xa6", "\xe2\x80\xa3",
                                  "\xe2\x97\x8f", "\xe2\x96\xa0"}) {
    if (s.starts_with(marker)) return marker.size();
  }
  // "- item", "* item", "– item": a marker only when followed by a space ("*Name" is a footnote star).
  for (std::string_view marker : {"- ", "* ", "\xe2\x80\x93 "}) {
    if (s.starts_with(marker)) return marker.size();
  }
  return 0;
}

// Lower-case, collapse whitespace, drop trailing link decorations (":", "|", "›", "»", "→", "...").
// `words`, when not null, gets the number of words of `core` (count_words).
std::string make_key(std::string_view core, std::size_t* words = nullptr) {
  // Written through a pointer into a buffer of the core's size, a word at a time.
  std::string key(core.size(), '\0');
  char* const first = key.data();
  char* out = first;
  std::size_t count = 0;
  const char* in = core.data();
  const char* const end = in + core.size();
  while (in != end) {
    while (in != end && is_space(*in)) ++in;
    if (in == end) break;
    if (out != first) *out++ = ' ';
    ++count;
    while (in != end && !is_space(*in)) *out++ = to_lower(*in++);
  }
  if (words != nullptr) *words = count;
  key.resize(static_cast<std::size_t>(out - first));
  for (bool changed = true; changed && !key.empty();) {
    changed = false;
    for (std::string_view tail : {":", "|", ">", "\xe2\x80\xba", "\xc2\xbb", "\xe2\x86\x92", "\xe2\x80\xa6", "...",
                                  ".", " "}) {
      if (key.size() > tail.size() && key.ends_with(tail)) {
        key.resize(key.size() - tail.size());
        changed = true;
      }
    }
  }
  return key;
}

std::size_t count_words(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    if (is_space(c)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++words;
    }
  }
  return words;
}

// Does the text end like a sentence: . ! ? possibly followed by closing quotes or brackets.
bool ends_sentence(std::string_view s) {
  while (!s.empty()) {
    const char c = s.back();
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      s.remove_suffix(1);
      continue;
    }
    // ” ’ » (UTF-8 E2 80 9D / E2 80 99 / C2 BB)
    if (s.ends_with("\xe2\x80\x9d") || s.ends_with("\xe2\x80\x99")) {
      s.remove_suffix(3);
      continue;
    }
    if (s.ends_with("\xc2\xbb")) {
      s.remove_suffix(2);
      continue;
    }
    break;
  }
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?');
}

// Whether the word (letters only) that ends just before position `end` is one letter or one of
// the abbreviations, compared in lower case.
bool abbreviation_before(std::string_view s, std::size_t end) {
  std::size_t begin = end;
  while (begin > 0 && is_alpha(s[begin - 1])) --begin;
  if (end - begin == 1) return true;
  // Most words before a full stop are longer than any abbreviation: turned away without a compare.
  static constexpr std::size_t kLongest = [] {
    std::size_t n = 0;
    for (std::string_view a : kAbbreviations) n = std::max(n, a.size());
    return n;
  }();
  std::array<char, 8> lower{};  // longer than every abbreviation
  static_assert(kLongest <= lower.size());
  if (end - begin > kLongest || end == begin) return false;
  for (std::size_t i = begin; i < end; ++i) lower[i - begin] = to_lower(s[i]);
  return is_one_of(std::string_view(lower.data(), end - begin), kAbbreviations);
}

// Sentence count: terminal punctuation followed by a space and a capital, digit or quote, plus the
// end of the line; initials ("J. R.", "U.S.") and titles ("Mr.") do not end sentences.
// The first position in [i, limit) holding '.', '!' or '?', else limit. Eight bytes are checked
// at a time for a byte equal to one of them (the zero-byte test on the word xor each mark).
std::size_t next_terminal(std::string_view s, std::size_t i, std::size_t limit) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  const auto has = [](std::uint64_t w, char mark) {
    const std::uint64_t x = w ^ (kOnes * static_cast<unsigned char>(mark));
    return ((x - kOnes) & ~x & kHigh) != 0;
  };
  for (; i + 8 <= limit; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (has(w, '.') || has(w, '!') || has(w, '?')) break;
  }
  for (; i < limit; ++i) {
    if (s[i] == '.' || s[i] == '!' || s[i] == '?') return i;
  }
  return limit;
}

std::size_t count_sentences(std::string_view s) {
  std::size_t sentences = 0;
  const std::size_t limit = s.size() < 2 ? 0 : s.size() - 2;
  for (std::size_t i = next_terminal(s, 0, limit); i < limit; i = next_terminal(s, i + 1, limit)) {
    const char c = s[i];
    if (s[i + 1] != ' ') continue;
    const char next = s[i + 2];
    if (!(is_upper(next) || is_digit(next) || next == '"' || next == '\'' || is_non_ascii(next))) continue;
    if (c == '.' && abbreviation_before(s, i)) continue;
    ++sentences;
  }
  if (ends_sentence(s)) ++sentences;
  return sentences;
}

bool starts_upper(std::string_view word) {
  return !word.empty() && (is_upper(word.front()) || is_non_ascii(word.front()));
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  while (pos < s.size()) {
    while (pos < s.size() && is_space(s[pos])) ++pos;
    std::size_t end = pos;
    while (end < s.size() && !is_space(s[end])) ++end;
    if (end > pos) words.push_back(s.substr(pos, end - pos));
    pos = end;
  }
  return words;
}

// "Russia Today", "Mark Smith": every word capitalised (particles allowed), no sentence punctuation.
bool is_title_case_name(std::string_view s, std::size_t max_words) {
  const auto words = split_words(s);
  if (words.empty() || words.size() > max_words) return false;
  for (std::string_view word : words) {
    if (starts_upper(word)) continue;
    std::string lower_word(word);
    for (char& c : lower_word) c = to_lower(c);
    if (!is_one_of(lower_word, kNameParticles)) return false;
  }
  return !ends_sentence(s) && !s.ends_with(":");
}

// A user handle: one token with '@', '_', digits among letters, or an inner capital ("JaneDoe42").
bool is_handle(std::string_view s) {
  if (s.empty() || s.find(' ') != std::string_view::npos || s.size() > 40) return false;
  if (s.front() == '@') return true;
  bool letters = false;
  bool digits = false;
  bool inner_capital = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (is_alpha(c)) letters = true;
    if (is_digit(c)) digits = true;
    if (c == '_') return true;
    if (i > 0 && is_upper(c) && is_lower(s[i - 1])) inner_capital = true;
  }
  return letters && (digits || inner_capital);
}

// ---------------------------------------------------------------------------------------------
// Dates at the top of an article.

constexpr auto kMonthNames = std::to_array<std::string_view>({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december"});

constexpr auto kWeekdays = std::to_array<std::string_view>({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"});

struct ParsedDate {
  Date date;
  std::size_t end = 0;  // position after the date expression
};

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap(year)) return 29;
  return kDays[static_cast<std::size_t>(month - 1)];
}

std::string two_digits(int value) {
  std::string out;
  out.push_back(static_cast<char>('0' + value / 10));
  out.push_back(static_cast<char>('0' + value % 10));
  return out;
}

std::optional<Date> make_date(int year, int month, int day) {
  if (year < 1900 || year > 2100 || month < 1 || month > 12) return std::nullopt;
  Date date;
  date.origin = DateOrigin::kExplicit;
  date.value = std::to_string(year) + "-" + two_digits(month);
  if (day == 0) {
    date.precision = DatePrecision::kMonth;
    return date;
  }
  if (day < 1 || day > days_in_month(year, month)) return std::nullopt;
  date.value += "-" + two_digits(day);
  date.precision = DatePrecision::kDay;
  return date;
}

// Reads exactly `count` digits at s[pos]; -1 when they are not there or more digits follow.
int read_digits(std::string_view s, std::size_t pos, std::size_t count) {
  if (pos + count > s.size()) return -1;
  int value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    if (!is_digit(s[pos + i])) return -1;
    value = value * 10 + (s[pos + i] - '0');
  }
  if (pos + count < s.size() && is_digit(s[pos + count])) return -1;
  return value;
}

// 1 or 2 digits; sets `end`.
int read_day(std::string_view s, std::size_t pos, std::size_t& end) {
  std::size_t i = pos;
  int value = 0;
  while (i < s.size() && is_digit(s[i]) && i - pos < 2) value = value * 10 + (s[i++] - '0');
  if (i == pos || (i < s.size() && is_digit(s[i]))) return -1;
  for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (s.substr(i, 2) == suffix) {
      i += 2;
      break;
    }
  }
  if (i < s.size() && is_alpha(s[i])) return -1;
  end = i;
  return value;
}

// A month name or its abbreviation ("Sept.", "DEC"); returns 1..12 and sets `end`, else 0.
int read_month(std::string_view s, std::size_t pos, std::size_t& end) {
  std::size_t i = pos;
  std::string word;
  while (i < s.size() && is_alpha(s[i])) word.push_back(to_lower(s[i++]));
  if (word.size() < 3) return 0;
  for (std::size_t m = 0; m < kMonthNames.size(); ++m) {
    const std::string_view name = kMonthNames[m];
    const bool full = word == name;
    const bool abbreviation = (word.size() == 3 && name.starts_with(word)) || (word == "sept" && m == 8);
    if (!full && !abbreviation) continue;
    if (abbreviation && !full && i < s.size() && s[i] == '.') ++i;
    end = i;
    return static_cast<int>(m) + 1;
  }
  return 0;
}

std::size_t skip_spaces(std::string_view s, std::size_t pos) {
  while (pos < s.size() && is_space(s[pos])) ++pos;
  return pos;
}

// A weekday name ("Friday", "Fri.") and the comma after it.
std::size_t skip_weekday(std::string_view s, std::size_t pos) {
  std::size_t i = pos;
  std::string word;
  while (i < s.size() && is_alpha(s[i])) word.push_back(to_lower(s[i++]));
  bool match = false;
  for (std::string_view day : kWeekdays) {
    if (word == day || (word.size() == 3 && day.starts_with(word))) match = true;
  }
  if (!match) return pos;
  if (i < s.size() && s[i] == '.') ++i;
  if (i < s.size() && s[i] == ',') ++i;
  return skip_spaces(s, i);
}

std::optional<ParsedDate> parse_date_at(std::string_view s, std::size_t pos) {
  // 2024-03-04, 2024/03/04, 2024.03.04
  if (const int year = read_digits(s, pos, 4); year >= 0 && pos + 10 <= s.size()) {
    const char sep = s[pos + 4];
    if ((sep == '-' || sep == '/' || sep == '.') && s[pos + 7] == sep) {
      const int month = read_digits(s, pos + 5, 2);
      const int day = read_digits(s, pos + 8, 2);
      if (month > 0 && day > 0) {
        if (auto date = make_date(year, month, day)) return ParsedDate{*date, pos + 10};
      }
    }
    return std::nullopt;
  }
  // 04.03.2024 (day first, the European order; slashes are ambiguous and not read)
  if (pos + 10 <= s.size() && s[pos + 2] == '.' && s[pos + 5] == '.') {
    const int day = read_digits(s, pos, 2);
    const int month = read_digits(s, pos + 3, 2);
    const int year = read_digits(s, pos + 6, 4);
    if (day > 0 && month > 0 && year > 0) {
      if (auto date = make_date(year, month, day)) return ParsedDate{*date, pos + 10};
    }
    return std::nullopt;
  }
  std::size_t end = pos;
  // March 4, 2024 / Mar. 4th 2024 / March 2024
  if (const int month = read_month(s, pos, end); month > 0) {
    std::size_t i = skip_spaces(s, end);
    std::size_t day_end = i;
    if (const int day = read_day(s, i, day_end); day > 0) {
      i = day_end;
      if (i < s.size() && s[i] == ',') ++i;
      i = skip_spaces(s, i);
      const int year = read_digits(s, i, 4);
      if (year < 0) return std::nullopt;
      if (auto date = make_date(year, month, day)) return ParsedDate{*date, i + 4};
      return std::nullopt;
    }
    if (i < s.size() && s[i] == ',') i = skip_spaces(s, i + 1);
    const int year = read_digits(s, i, 4);
    if (year < 0) return std::nullopt;
    if (auto date = make_date(year, month, 0)) return ParsedDate{*date, i + 4};
    return std::nullopt;
  }
  // 4 March 2024 / 4th of March, 2024
  if (const int day = read_day(s, pos, end); day > 0) {
    std::size_t i = skip_spaces(s, end);
    if (s.substr(i, 3) == "of ") i = skip_spaces(s, i + 3);
    std::size_t month_end = i;
    const int month = read_month(s, i, month_end);
    if (month == 0) return std::nullopt;
    i = month_end;
    if (i < s.size() && s[i] == ',') ++i;
    i = skip_spaces(s, i);
    const int year = read_digits(s, i, 4);
    if (year < 0) return std::nullopt;
    if (auto date = make_date(year, month, day)) return ParsedDate{*date, i + 4};
  }
  return std::nullopt;
}

bool starts_with_dash(std::string_view s) {
  return s.starts_with("-") || s.starts_with("\xe2\x80\x94") || s.starts_with("\xe2\x80\x93") ||
         s.starts_with("\xe2\x88\x92") || s.starts_with(":");
}

// What may follow a date that stands at the start of a line: nothing, a time, or a separator.
bool date_tail_ok(std::string_view rest) {
  rest = trim(rest);
  if (rest.empty() || starts_with_dash(rest) || is_digit(rest.front())) return true;
  if (rest.starts_with("|") || rest.starts_with("/") || rest.starts_with("(") ||
      rest.starts_with("\xc2\xb7") || rest.starts_with("\xe2\x80\xa2")) {
    return true;
  }
  if (rest.starts_with(",")) {
    const std::string_view after = trim(rest.substr(1));
    return after.empty() || is_digit(after.front());
  }
  std::string lower_rest(rest.substr(0, std::min<std::size_t>(rest.size(), 4)));
  for (char& c : lower_rest) c = to_lower(c);
  return lower_rest.starts_with("at ") && rest.size() > 3 && is_digit(trim(rest.substr(3)).front());
}

struct DatelineLabel {
  std::string_view text;
  bool updated;
};

constexpr std::array<DatelineLabel, 16> kDatelineLabels = {{
    {"last updated on", true}, {"last updated", true}, {"last modified", true}, {"updated on", true},
    {"updated", true}, {"first published on", false}, {"first published", false}, {"published on", false},
    {"published", false}, {"posted on", false}, {"posted", false}, {"date", false}, {"dated", false},
    {"released", false}, {"issued", false}, {"created", false},
}};

// "Published: ", "Updated on " ... at the start; returns the position after it (pos when none).
std::size_t skip_label(std::string_view line, bool& updated) {
  std::string head(line.substr(0, std::min<std::size_t>(line.size(), 24)));
  for (char& c : head) c = to_lower(c);
  for (const auto& label : kDatelineLabels) {
    if (!starts_with_word(head, label.text)) continue;
    std::size_t i = label.text.size();
    while (i < line.size() && (is_space(line[i]) || line[i] == ':' || line[i] == '-')) ++i;
    updated = label.updated;
    return i;
  }
  return 0;
}

struct DatelineMatch {
  Date date;
  bool updated = false;
  std::size_t end = 0;  // end of the date in the line
};

// A date at the start of the line (after an optional label and weekday) with an acceptable tail.
std::optional<DatelineMatch> date_at_line_start(std::string_view line) {
  bool updated = false;
  std::size_t pos = skip_label(line, updated);
  pos = skip_weekday(line, pos);
  auto parsed = parse_date_at(line, pos);
  if (!parsed || !date_tail_ok(line.substr(parsed->end))) return std::nullopt;
  return DatelineMatch{parsed->date, updated, parsed->end};
}

// A place word of a wire dateline: "MOSCOW", "St.", "Rio", "D.C.", "Nur-Sultan".
bool is_place_word(std::string_view word) {
  if (!starts_upper(word)) return false;
  for (char c : word) {
    if (!(is_alpha(c) || is_non_ascii(c) || c == '.' || c == '-' || c == '\'')) return false;
  }
  return true;
}

// "MOSCOW, March 4, 2024 —", "WASHINGTON, D.C., June 5, 2023 (Reuters) -".
std::optional<DatelineMatch> wire_dateline(std::string_view line) {
  std::size_t pos = 0;
  for (int part = 0; part < 3; ++part) {
    const std::size_t comma = line.find(',', pos);
    if (comma == std::string_view::npos) return std::nullopt;
    const auto words = split_words(line.substr(pos, comma - pos));
    if (words.empty() || words.size() > 4) return std::nullopt;
    for (std::string_view word : words) {
      if (!is_place_word(word)) return std::nullopt;
    }
    std::size_t after = skip_spaces(line, comma + 1);
    after = skip_weekday(line, after);
    if (auto parsed = parse_date_at(line, after)) {
      std::string_view rest = trim(line.substr(parsed->end));
      if (rest.starts_with("(")) {
        const std::size_t close = rest.find(')');
        if (close == std::string_view::npos) return std::nullopt;
        rest = trim(rest.substr(close + 1));
      }
      if (!starts_with_dash(rest)) return std::nullopt;
      return DatelineMatch{parsed->date, false, parsed->end};
    }
    pos = after;
  }
  return std::nullopt;
}

// A line that holds only a date (and maybe a label, weekday, time and zone): page chrome.
bool is_date_only_line(std::string_view line) {
  auto match = date_at_line_start(line);
  if (!match) return false;
  for (std::string_view word : split_words(line.substr(match->end))) {
    bool has_digit = false;
    for (char c : word) has_digit = has_digit || is_digit(c);
    if (has_digit) continue;
    std::string lower_word(word);
    for (char& c : lower_word) c = to_lower(c);
    static constexpr auto kTimeWords = std::to_array<std::string_view>({
        "am", "pm", "a.m.", "p.m.", "at", "gmt", "utc", "est", "edt", "cet", "cest", "msk", "bst", "pst",
        "pdt", "ist", "|", "-", "\xe2\x80\x94", "\xe2\x80\x93"});
    if (!is_one_of(lower_word, kTimeWords)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Line classification.

struct Line {
  std::size_t begin = 0;      // byte offset of the line in the text
  std::size_t end = 0;        // end of the line, newline excluded
  std::string_view trimmed;   // without surrounding whitespace
  std::string_view core;      // trimmed, without a leading bullet marker
  std::string key;            // core folded for phrase matching: read it through key_of()
  bool key_made = false;
  bool blank = true;
  bool bullet = false;
  std::size_t words = 0;
  std::size_t sentences = 0;
  bool boilerplate = false;
};

// Lines up to this size get their key when split; the phrase tests look at no longer line, so the
// key of a paragraph is made only when it is compared as a whole (source name, repeated lines).
constexpr std::size_t kEagerKeyBytes = 300;

const std::string& key_of(Line& line) {
  if (!line.key_made) {
    line.key = make_key(line.core);
    line.key_made = true;
  }
  return line.key;
}

// Whether the key of a non-blank line can equal `key`: a non-empty key begins with the first byte
// of the core in lower case (the core starts with no space and decorations go only at the end).
bool key_may_be(const Line& line, std::string_view key) {
  return key.empty() || line.core.empty() || to_lower(line.core.front()) == key.front();
}

bool is_short(const Line& line, std::size_t max_bytes) {
  return line.core.size() <= max_bytes && line.sentences <= 1;
}

// Multi-sentence prose, or one long sentence: real article text.
bool is_article_paragraph(const Line& line) {
  const std::size_t bytes = line.core.size();
  if (line.sentences >= 2 && bytes >= 120) return true;
  return ends_sentence(line.core) && bytes >= 150 && line.words >= 20;
}

std::string strip_count(std::string_view key) {
  // "comments (5)", "12 comments", "comments: 3", "show 40 comments" -> the words around the count.
  std::string out;
  for (char c : key) {
    if (is_digit(c) || c == '(' || c == ')' || c == '[' || c == ']' || c == ':') continue;
    out.push_back(c);
  }
  std::string collapsed;
  bool space = false;
  for (char c : out) {
    if (c == ' ') {
      space = true;
      continue;
    }
    if (space && !collapsed.empty()) collapsed.push_back(' ');
    space = false;
    collapsed.push_back(c);
  }
  return collapsed;
}

bool is_comment_header(Line& line) {
  if (line.core.size() > 60) return false;
  const std::string& key = key_of(line);
  if (is_one_of(key, kCommentHeaders)) return true;
  const std::string stripped = strip_count(key);
  if (stripped == key) return starts_with_word(key, "thoughts on");
  if (is_one_of(stripped, kCommentHeaders)) return true;
  // WordPress: "12 thoughts on “Title”".
  return stripped.starts_with("thoughts on ") || stripped.starts_with("responses to ") ||
         stripped.starts_with("replies to ");
}

bool is_related_heading(Line& line) {
  if (line.core.size() > 60 || line.sentences > 1) return false;
  static const PhraseSet kHeadings(kRelatedHeadings);
  const std::string& key = key_of(line);
  if (kHeadings.contains(key)) return true;
  return starts_with_word(key, "more from") && line.words <= 6;
}

bool is_relative_timestamp(std::string_view key) {
  if (key.size() > 60) return false;
  std::string_view s = key;
  if (s == "just now") return true;
  if (s.ends_with(" read")) {
    // "5 min read"
    s.remove_suffix(5);
    s = trim(s);
    for (std::string_view unit : {"minutes", "minute", "mins", "min"}) {
      if (s.ends_with(unit)) {
        s = trim(s.substr(0, s.size() - unit.size()));
        return !s.empty() && is_digit(s.back());
      }
    }
    return false;
  }
  if (!s.ends_with("ago")) return false;
  s.remove_suffix(3);
  s = trim(s);
  bool unit_found = false;
  for (std::string_view unit : kTimeUnits) {
    if (s.ends_with(unit)) {
      s = trim(s.substr(0, s.size() - unit.size()));
      unit_found = true;
      break;
    }
  }
  if (!unit_found || s.empty()) return false;
  // "4 hours ago", "an hour ago", and the glued forms of copied pages ("Russia Today4 hours ago",
  // "timean hour ago").
  return is_digit(s.back()) || s.ends_with("an") || s == "a" || s.ends_with(" a") || s.ends_with("one") ||
         s.ends_with("few");
}

bool is_alt_text(Line& line) {
  if (line.words == 0 || line.words > 4 || ends_sentence(line.core) || line.core.size() > 50) return false;
  const std::string_view key = key_of(line);
  const std::size_t space = key.rfind(' ');
  const std::string_view last = space == std::string::npos ? key : key.substr(space + 1);
  return line.words >= 2 && is_one_of(last, kAltTextNouns);
}

// "By JANE DOE*", "By Jane Doe and John Roe, Reuters", "Written by Jane Doe".
bool is_byline(const Line& line) {
  if (line.core.size() > 80) return false;
  std::string_view rest;
  for (std::string_view prefix : {"By ", "BY ", "Written by ", "Words by ", "Story by ", "Text by "}) {
    if (line.core.starts_with(prefix)) rest = line.core.substr(prefix.size());
  }
  if (rest.empty()) return false;
  const auto words = split_words(rest);
  if (words.empty() || words.size() > 8) return false;
  for (std::string_view word : words) {
    if (starts_upper(word)) continue;
    std::string lower_word(word);
    for (char& c : lower_word) c = to_lower(c);
    while (!lower_word.empty() && (lower_word.back() == ',' || lower_word.back() == '*')) lower_word.pop_back();
    if (!is_one_of(lower_word, kNameParticles) && lower_word != "|") return false;
  }
  return true;
}

bool is_chrome(Line& line) {
  // Past kEagerKeyBytes only the relative timestamp test applies (the others want short lines).
  if (line.core.size() > kEagerKeyBytes) {
    return line.words <= 6 && !ends_sentence(line.core) && is_relative_timestamp(key_of(line));
  }
  static const PhraseSet kLines(kChromeLines);
  static const PrefixSet kPrefixes(kChromePrefixes);
  static const FragmentSet kCredits(kCreditFragments);
  static const FragmentSet kPromos(kPromoFragments);
  const std::string_view key = key_of(line);
  if (key.empty()) return false;
  if (line.core.size() <= 60 && kLines.contains(key)) return true;
  if (is_short(line, 120) && kPrefixes.starts(key)) return true;
  if (line.core.size() <= 300 && line.sentences <= 2 && kCredits.found_in(key)) return true;
  if (line.core.size() <= 80 && !ends_sentence(line.core) && kPromos.found_in(key)) return true;
  if (line.words <= 6 && !ends_sentence(line.core) && is_relative_timestamp(key)) return true;
  if (line.core.size() <= 80 && is_date_only_line(line.core)) return true;
  if (is_alt_text(line) || is_byline(line)) return true;
  return false;
}

// "*Jane Doe holds a degree ...", "Jane Doe is a senior fellow at ...".
bool is_author_bio(const Line& line) {
  std::string_view s = line.core;
  const bool starred = s.starts_with("*");
  if (starred) s = trim(s.substr(1));
  const auto words = split_words(s.substr(0, std::min<std::size_t>(s.size(), 200)));
  std::size_t name_words = 0;
  while (name_words < words.size() && name_words < 5 && starts_upper(words[name_words])) ++name_words;
  if (name_words < 2 || name_words >= words.size()) return false;
  std::string verb(words[name_words]);
  for (char& c : verb) c = to_lower(c);
  if (!is_one_of(verb, kBioVerbs)) return false;
  if (starred) return true;
  if (line.core.size() > 400) return false;
  std::string lower_line(s);
  for (char& c : lower_line) c = to_lower(c);
  for (std::string_view role : kBioRoles) {
    if (lower_line.find(role) != std::string::npos) return true;
  }
  return false;
}

bool addresses_reader(Line& line) {
  for (std::string_view quote : {"\"", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xc2\xab", "\xc2\xbb"}) {
    if (line.core.find(quote) != std::string_view::npos) return false;
  }
  std::size_t pos = 0;
  const std::string_view key = key_of(line);
  while (pos < key.size()) {
    while (pos < key.size() && !is_alpha(key[pos])) ++pos;
    std::size_t end = pos;
    while (end < key.size() && is_alpha(key[end])) ++end;
    if (end > pos && is_one_of(key.substr(pos, end - pos), kReaderAddress)) return true;
    pos = end;
  }
  return false;
}

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    Line line;
    line.begin = pos;
    line.end = end;
    line.trimmed = trim(text.substr(pos, end - pos));
    line.blank = line.trimmed.empty();
    if (!line.blank) {
      const std::size_t bullet = bullet_length(line.trimmed);
      line.bullet = bullet > 0;
      line.core = trim(line.trimmed.substr(bullet));
      if (line.core.size() <= kEagerKeyBytes) {
        line.key = make_key(line.core, &line.words);
        line.key_made = true;
      } else {
        line.words = count_words(line.core);
      }
      line.sentences = count_sentences(line.core);
    }
    lines.push_back(std::move(line));
    if (end == text.size()) break;
    pos = end + 1;
  }
  return lines;
}

enum class Section { kArticle, kComments, kRelated };

void mark_lines(std::vector<Line>& lines, std::string_view source_name) {
  std::string source_key = make_key(trim(source_name));

  // Short title-case lines seen three or more times are labels (source names, section names).
  std::unordered_map<std::string_view, std::size_t> short_line_counts;  // views of line keys
  for (Line& line : lines) {
    if (!line.blank && line.words <= 5 && line.core.size() <= 60) ++short_line_counts[key_of(line)];
  }

  Section section = Section::kArticle;
  std::size_t prose_bytes = 0;        // article prose seen before the current line
  std::size_t article_run = 0;        // consecutive article paragraphs inside a related section
  std::string_view previous_core;     // previous non-blank line
  for (Line& line : lines) {
    if (line.blank) continue;
    const std::string_view before = previous_core;
    previous_core = line.core;

    if (section == Section::kComments) {
      if (is_related_heading(line)) {
        section = Section::kRelated;
        article_run = 0;
      }
      line.boilerplate = true;
      continue;
    }
    if (is_comment_header(line)) {
      line.boilerplate = true;
      // A comment counter under the headline is a single chrome line, not the start of the thread.
      if (prose_bytes >= 300) section = Section::kComments;
      continue;
    }
    if (is_related_heading(line)) {
      line.boilerplate = true;
      // "Trending" in the page header above the article is a menu entry, not a list of stories.
      if (prose_bytes >= 300) {
        section = Section::kRelated;
        article_run = 0;
      }
      continue;
    }
    const bool repeated = line.core == before;
    // A label has at most five words (is_title_case_name), so longer lines are not looked up.
    bool label = false;
    if (line.words <= 5) {
      const auto count = short_line_counts.find(key_of(line));
      label = count != short_line_counts.end() && count->second >= 3 && is_title_case_name(line.core, 5);
    }
    const bool source_line = !source_key.empty() && key_may_be(line, source_key) && key_of(line) == source_key;
    if (repeated || label || source_line || is_chrome(line)) {
      line.boilerplate = true;
      continue;
    }
    if (section == Section::kRelated) {
      if (is_article_paragraph(line)) {
        // Two article paragraphs in a row: the list is over and an article goes on.
        if (++article_run >= 2) section = Section::kArticle;
      } else {
        line.boilerplate = true;
        article_run = 0;
      }
      continue;
    }
    if (line.sentences >= 1 && line.words >= 8) prose_bytes += line.core.size();
  }
}

std::size_t previous_nonblank(const std::vector<Line>& lines, std::size_t i) {
  while (i > 0) {
    --i;
    if (!lines[i].blank) return i;
  }
  return lines.size();
}

std::size_t next_nonblank(const std::vector<Line>& lines, std::size_t i) {
  for (++i; i < lines.size(); ++i) {
    if (!lines[i].blank) return i;
  }
  return lines.size();
}

void mark_author_bio(std::vector<Line>& lines) {
  // Only the last lines of the text: a contributor note closes an article, it does not open one.
  std::size_t seen = 0;
  std::size_t bio = lines.size();
  for (std::size_t i = lines.size(); i > 0 && seen < 8; --i) {
    Line& line = lines[i - 1];
    if (line.blank) continue;
    ++seen;
    const bool heading = std::any_of(kAuthorHeadings.begin(), kAuthorHeadings.end(),
                                     [&](std::string_view h) { return key_may_be(line, h); }) &&
                         is_one_of(key_of(line), kAuthorHeadings);
    if (heading) {
      bio = i - 1;
    } else if (seen <= 6 && is_author_bio(line)) {
      // The non-starred form must be the last line that is not already boilerplate.
      bool starred = line.core.starts_with("*");
      bool last_content = true;
      for (std::size_t j = i; j < lines.size(); ++j) {
        if (!lines[j].blank && !lines[j].boilerplate && lines[j].core.size() > 200) last_content = false;
      }
      if (starred || last_content) bio = i - 1;
    }
  }
  for (std::size_t i = bio; i < lines.size(); ++i) {
    if (!lines[i].blank) lines[i].boilerplate = true;
  }
}

void mark_bullets_and_islands(std::vector<Line>& lines) {
  // How many lines have the key of a short bulleted line (the only lines asked about below); a line
  // whose key cannot begin like any of those keys is not keyed for it.
  std::unordered_map<std::string_view, std::size_t> line_counts;  // views of line keys
  std::array<bool, 256> first_bytes{};
  bool empty_key = false;
  for (Line& line : lines) {
    if (line.blank || !line.bullet || line.words > 4) continue;
    const std::string& key = key_of(line);
    line_counts.emplace(key, 0);
    if (key.empty()) empty_key = true;
    else first_bytes[static_cast<unsigned char>(key.front())] = true;
  }
  for (Line& line : lines) {
    if (line_counts.empty()) break;
    if (line.blank) continue;
    if (!empty_key && !line.core.empty() && !first_bytes[static_cast<unsigned char>(to_lower(line.core.front()))]) {
      continue;
    }
    if (const auto count = line_counts.find(key_of(line)); count != line_counts.end()) ++count->second;
  }
  bool article_started = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Line& line = lines[i];
    if (line.blank) continue;
    if (line.boilerplate) continue;
    if (is_article_paragraph(line)) article_started = true;
    const std::size_t prev = previous_nonblank(lines, i);
    const std::size_t next = next_nonblank(lines, i);
    const bool prev_boiler = prev < lines.size() && lines[prev].boilerplate;
    const bool next_boiler = next < lines.size() && lines[next].boilerplate;
    if (line.bullet && line.words <= 4 && !ends_sentence(line.core)) {
      // "• JaneDoe42", "• Some Outlet" next to timestamps: list chrome, not a list of facts.
      const bool name_like = is_title_case_name(line.core, 4);
      const auto repeated = [&] {
        const auto count = line_counts.find(key_of(line));
        return count != line_counts.end() && count->second >= 2;
      };
      if (is_handle(line.core) || (name_like && (prev_boiler || next_boiler || repeated()))) {
        line.boilerplate = true;
        continue;
      }
    }
    // A short blurb wedged between chrome lines once the article is under way ("Explore what our
    // app can do for you:", "Thanks to our readers"): it addresses the reader and quotes no one.
    if (article_started && prev_boiler && (next_boiler || next == lines.size()) && line.core.size() <= 200 &&
        line.sentences <= 2 && addresses_reader(line)) {
      line.boilerplate = true;
    }
  }
}

}  // namespace

std::vector<Span> find_boilerplate(std::string_view text, std::string_view source_name) {
  std::vector<Span> spans;
  if (text.empty() || text.size() > std::numeric_limits<std::uint32_t>::max()) return spans;
  std::vector<Line> lines = split_lines(text);
  mark_lines(lines, source_name);
  mark_author_bio(lines);
  mark_bullets_and_islands(lines);

  // Merge boilerplate lines separated only by blank lines into one span.
  std::size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].blank || !lines[i].boilerplate) {
      ++i;
      continue;
    }
    std::size_t last = i;
    std::size_t j = i + 1;
    while (j < lines.size() && (lines[j].blank || lines[j].boilerplate)) {
      if (!lines[j].blank) last = j;
      ++j;
    }
    spans.push_back(Span{static_cast<std::uint32_t>(lines[i].begin), static_cast<std::uint32_t>(lines[last].end)});
    i = last + 1;
  }
  return spans;
}

std::optional<Date> find_dateline(std::string_view text) {
  std::optional<Date> updated;
  std::size_t seen = 0;
  std::size_t pos = 0;
  while (pos < text.size() && pos < 1500 && seen < 8) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = trim(text.substr(pos, end - pos));
    pos = end + 1;
    if (raw.empty()) continue;
    ++seen;
    const std::string_view line = trim(raw.substr(bullet_length(raw)));
    std::optional<DatelineMatch> match = date_at_line_start(line);
    if (!match) match = wire_dateline(line);
    if (!match) continue;
    if (!match->updated) return match->date;
    if (!updated) updated = match->date;
  }
  return updated;
}

}  // namespace geokg::extract
