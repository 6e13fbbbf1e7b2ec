#include "extract/segment.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <type_traits>

#include "extract/text.hpp"

namespace geokg::extract {

namespace {

// Abbreviations that keep their period. Titles never end a sentence; the others (months, U.S.)
// end one only when the next word is a typical sentence opener.
constexpr std::array<std::string_view, 43> kTitleAbbreviations = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt",
    "cpl", "pvt", "sen", "rep", "gov", "pres", "amb", "rev", "fr", "st", "hon", "messrs", "no",
    "nos", "vol", "art", "fig", "ft", "mt", "vs", "v", "cf", "approx", "dept", "est", "gov't",
    "sr", "jr", "brig", "lieut"};
constexpr std::array<std::string_view, 20> kOtherAbbreviations = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc",
    "ltd", "corp", "co", "etc", "al", "e.g", "i.e"};
constexpr std::array<std::string_view, 40> kSentenceOpeners = {
    "the", "a", "an", "it", "he", "she", "they", "we", "i", "this", "that", "these", "those",
    "but", "and", "in", "on", "at", "for", "if", "when", "while", "after", "before", "as", "his",
    "her", "their", "its", "our", "there", "however", "meanwhile", "yet", "so", "still", "since",
    "some", "many", "what"};

// The closed word classes (WordClass), in one table built at compile time: open addressing over
// 512 slots hashed on the length and three bytes, so that a lookup is a few instructions and,
// nearly always, one short compare.
struct ClassedWord {
  std::string_view word;
  std::uint64_t low = 0;   // WordKey of the word
  std::uint64_t high = 0;
  std::uint16_t classes = 0;
};
constexpr std::size_t kClassSlots = 512;
using detail::kLongestClassed;

// A word of up to 16 bytes as two integers that are equal for two words of one length only when
// the words are: its first and last eight (four) bytes, overlapping when shorter; up to three
// bytes in the first. Built from bytes for the compile-time table; at run time (on a little-endian
// machine, where both give the same integers) the four- and eight-byte parts are plain loads.
struct WordKey {
  std::uint64_t low = 0;
  std::uint64_t high = 0;
};
constexpr std::uint64_t bytes_at(std::string_view w, std::size_t at, std::size_t count) {
  if (!std::is_constant_evaluated() && std::endian::native == std::endian::little && count >= 4) {
    if (count == 8) {
      std::uint64_t v = 0;
      std::memcpy(&v, w.data() + at, 8);
      return v;
    }
    std::uint32_t v = 0;
    std::memcpy(&v, w.data() + at, 4);
    return v;
  }
  std::uint64_t v = 0;
  for (std::size_t k = 0; k < count; ++k) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(w[at + k])) << (8 * k);
  return v;
}
constexpr WordKey word_key(std::string_view w) {
  const std::size_t n = w.size();
  if (n >= 8) return {bytes_at(w, 0, 8), bytes_at(w, n - 8, 8)};
  if (n >= 4) return {bytes_at(w, 0, 4), bytes_at(w, n - 4, 4)};
  return {bytes_at(w, 0, 1) | (bytes_at(w, n / 2, 1) << 8) | (bytes_at(w, n - 1, 1) << 16), 0};
}
constexpr std::size_t class_slot(const WordKey& key, std::size_t n) {
  const std::uint64_t h = (key.low * 0x9E3779B97F4A7C15ull) ^ (key.high * 0xC2B2AE3D27D4EB4Full) ^ (n * 0x165667B19E3779F9ull);
  return static_cast<std::size_t>(h >> 55);  // 512 slots
}

constexpr std::array<ClassedWord, kClassSlots> build_class_table() {
  struct Group {
    std::uint16_t classes;
    std::array<std::string_view, 40> words;
  };
  // Prepositions, determiners, subordinators, auxiliaries, modals, negations, pronouns, time nouns.
  constexpr Group kGroups[] = {
      {WordClass::kPreposition,
       {"of", "with", "to", "in", "for", "from", "by", "on", "at", "against", "into", "onto", "over", "under",
        "between", "among", "about", "after", "before", "during", "without", "within", "toward", "towards",
        "through", "across", "via", "despite", "amid", "upon", "around", "behind", "beyond", "near", "like",
        "than", "since", "until", "throughout", "alongside"}},
      {WordClass::kDeterminer,
       {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my",
        "your", "some", "any", "no", "every", "each", "all", "both", "another"}},
      {WordClass::kSubordinator,
       {"that", "which", "who", "whom", "whose", "because", "if", "while", "whereas", "although", "though",
        "unless", "when", "whether", "where", "as", "since", "after", "before", "once", "until", "so",
        "but", "then"}},
      {WordClass::kAuxiliary,
       {"be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "has", "have", "had", "having",
        "do", "does", "did", "get", "got", "gets", "'ve", "'d"}},
      {WordClass::kModal, {"will", "would", "could", "can", "may", "might", "should", "must", "shall", "'ll", "ought", "wo", "ca"}},
      {WordClass::kNegation, {"not", "n't", "never", "no", "neither"}},
      {WordClass::kMalePronoun, {"he", "him", "his"}},
      {WordClass::kFemalePronoun, {"she", "her"}},
      {WordClass::kNeuterPronoun, {"it", "its"}},
      {WordClass::kTimeNoun,
       {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
        "tonight", "week", "month", "year", "weekend", "morning", "evening", "night"}},
  };
  std::array<ClassedWord, kClassSlots> table{};
  for (const Group& group : kGroups) {
    for (std::string_view w : group.words) {
      if (w.empty()) continue;
      const WordKey key = word_key(w);
      std::size_t slot = class_slot(key, w.size());
      while (!table[slot].word.empty() && table[slot].word != w) slot = (slot + 1) & (kClassSlots - 1);
      table[slot].word = w;
      table[slot].low = key.low;
      table[slot].high = key.high;
      table[slot].classes = static_cast<std::uint16_t>(table[slot].classes | group.classes);
    }
  }
  return table;
}
constexpr std::array<ClassedWord, kClassSlots> kClassTable = build_class_table();

// Most words are in no class: word_classes() turns them away by these bits before any probe.
struct ClassFilter {
  std::array<std::uint32_t, kLongestClassed + 1> first{};
  std::array<std::uint32_t, kLongestClassed + 1> last{};
};
constexpr ClassFilter build_class_filter() {
  ClassFilter filter;
  for (const ClassedWord& entry : kClassTable) {
    if (entry.word.empty()) continue;
    filter.first[entry.word.size()] |= 1u << (static_cast<unsigned char>(entry.word.front()) & 31u);
    filter.last[entry.word.size()] |= 1u << (static_cast<unsigned char>(entry.word.back()) & 31u);
  }
  return filter;
}
constexpr ClassFilter kClassFilter = build_class_filter();

// Real sentences stay far below this; beyond it the text is not prose.
constexpr std::uint32_t kMaxSentenceTokens = 256;

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool is_ascii_alnum(unsigned char b) {
  return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
}

// Whether a word before a period is one of the abbreviations that keep it. The lists are ASCII
// and at most six letters long, so an ASCII word is folded on the stack; others go through folded().
bool is_listed_abbreviation(std::string_view word) {
  constexpr std::size_t kLongest = 6;
  bool ascii = true;
  for (const char ch : word) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
  if (!ascii) {
    const std::string f = folded(word);
    return contains(kTitleAbbreviations, f) || contains(kOtherAbbreviations, f);
  }
  if (word.size() > kLongest) return false;
  std::array<char, kLongest> lower{};
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char ch = word[i];
    lower[i] = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
  }
  const std::string_view f(lower.data(), word.size());
  return contains(kTitleAbbreviations, f) || contains(kOtherAbbreviations, f);
}

bool is_word_char(char32_t c) {
  return is_letter(c) || is_digit(c) || (c >= 0x300 && c <= 0x36F);
}

bool is_terminal(std::string_view norm) {
  return norm == "." || norm == "!" || norm == "?" || norm == "\xE2\x80\xA6";  // … ellipsis
}

bool is_closing(const Token& t, std::string_view norm) {
  return t.kind == TokenKind::kQuote || norm == ")" || norm == "]";
}

class Tokenizer {
 public:
  Tokenizer(std::string_view text, Segmentation& out) : text_(text), out_(out) {}

  void run() {
    // The folded forms of the tokens, one after the other, are never longer than the text.
    out_.norm.assign(text_.size(), '\0');
    bool space = false, newline = false, paragraph = false;
    std::size_t pos = 0;
    while (pos < text_.size()) {
      std::size_t len = 0;
      const char32_t c = decode_utf8(text_, pos, len);
      if (is_space(c)) {
        if (c == U'\n') {
          paragraph = paragraph || newline;  // a blank line
          newline = true;
        }
        space = true;
        pos += len;
        continue;
      }
      const std::size_t begin = pos;
      TokenKind kind = TokenKind::kPunct;
      if (is_word_char(c)) {
        pos = scan_word(pos, kind);
      } else if (is_apostrophe(c) && possessive_at(pos, len)) {
        // "Russia's", "Russia’s": the possessive is one token of its own.
        kind = TokenKind::kWord;
        pos += len + 1;
      } else if (is_quote_mark(c)) {
        kind = TokenKind::kQuote;
        pos += len;
      } else if (is_dash(c)) {
        kind = TokenKind::kDash;
        pos += len;
        while (pos < text_.size() && text_[pos] == '-') ++pos;  // "--"
      } else if (c == U'.' && pos + 2 < text_.size() && text_.substr(pos, 3) == "...") {
        pos += 3;
      } else {
        pos += len;
      }
      push(begin, pos, kind, space, newline, paragraph);
      space = newline = paragraph = false;
    }
    out_.norm.resize(norm_size_);
  }

 private:
  // An apostrophe right after a word, followed by s and a non-word character.
  bool possessive_at(std::size_t pos, std::size_t len) const {
    if (out_.tokens.empty() || out_.tokens.back().kind != TokenKind::kWord || out_.tokens.back().span.end != pos) {
      return false;
    }
    const std::size_t s = pos + len;
    if (s >= text_.size() || (text_[s] != 's' && text_[s] != 'S')) return false;
    if (s + 1 >= text_.size()) return true;
    std::size_t next_len = 0;
    return !is_word_char(decode_utf8(text_, s + 1, next_len));
  }

  // Scans a word or number starting at pos; returns its end. Possessive 's and n't stay separate
  // tokens (the grammar needs them); internal apostrophes (O'Brien), initials and dotted
  // abbreviations (U.S., D.C.) stay inside the word.
  std::size_t scan_word(std::size_t pos, TokenKind& kind) {
    const std::size_t begin = pos;
    bool digits_only = true;
    while (pos < text_.size()) {
      // ASCII letters and digits, nearly every byte of a word, need no decoding.
      const auto b = static_cast<unsigned char>(text_[pos]);
      if (is_ascii_alnum(b)) {
        if (b > '9') digits_only = false;
        ++pos;
        continue;
      }
      // Only an apostrophe, a comma or a period can go on inside a word: any other ASCII byte (a
      // space nearly always) ends it.
      if (b < 0x80 && b != ',' && b != '.' && b != '\'') break;
      std::size_t len = 0;
      const char32_t c = decode_utf8(text_, pos, len);
      if (is_word_char(c)) {
        if (!is_digit(c)) digits_only = false;
        pos += len;
        continue;
      }
      // Only an apostrophe, a comma or a period can go on inside a word (a space nearly always ends it).
      if (c != U',' && c != U'.' && !is_apostrophe(c)) break;
      if (pos + len < text_.size()) {
        std::size_t next_len = 0;
        const char32_t next = decode_utf8(text_, pos + len, next_len);
        if (is_apostrophe(c) && is_letter(next)) {
          // Possessive 's / n't end the word here.
          const std::string_view rest = text_.substr(pos + len);
          const bool possessive = (next == U's' || next == U'S') &&
                                  (rest.size() == 1 || !is_word_char(decode_utf8(rest, 1, next_len)));
          if (possessive) break;
          pos += len;
          continue;
        }
        if ((c == U',' || c == U'.') && digits_only && is_digit(next)) {  // 2,000  3.5
          pos += len;
          continue;
        }
        if (c == U'.' && is_letter(next) && pos - begin <= 2 && text_.size() > pos + len + next_len &&
            text_[pos + len + next_len] == '.') {  // U.S.  D.C.  J.D.
          pos += len;
          continue;
        }
      }
      break;
    }
    // n't: split "didn't" into "did" + "n't".
    if (pos - begin > 3) {
      const std::string_view w = text_.substr(begin, pos - begin);
      if ((w.ends_with("n't") || w.ends_with("N'T")) && pos - begin > 3) {
        kind = TokenKind::kWord;
        return pos - 3;
      }
      if (w.size() > 5 && (w.ends_with("n\xE2\x80\x99t"))) {
        kind = TokenKind::kWord;
        return pos - 5;
      }
    }
    // A trailing period belongs to a dotted abbreviation (U.S.) or a known one (Gen., Dec.).
    if (pos < text_.size() && text_[pos] == '.') {
      const std::string_view w = text_.substr(begin, pos - begin);
      const bool dotted = w.find('.') != std::string_view::npos;
      const bool single_initial = w.size() == 1 && is_upper_start(w);
      if (dotted || single_initial || is_listed_abbreviation(w)) ++pos;
    }
    kind = digits_only ? TokenKind::kNumber : TokenKind::kWord;
    return pos;
  }

  void push(std::size_t begin, std::size_t end, TokenKind kind, bool space, bool newline, bool paragraph) {
    Token t;
    t.span = Span{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
    t.kind = kind;
    t.space_before = space;
    t.newline_before = newline;
    t.paragraph_before = paragraph;
    const std::string_view surface = text_.substr(begin, end - begin);
    t.norm_begin = static_cast<std::uint32_t>(norm_size_);
    // Folded as ASCII, and its case read, in one pass; a token with other bytes (rare) is folded
    // again by the full rules. Neither form is longer than the surface, so both fit the buffer.
    char* const out = out_.norm.data() + norm_size_;
    unsigned char high = 0;
    int letters = 0, uppers = 0;
    char first_letter = 0;
    for (std::size_t k = 0; k < surface.size(); ++k) {
      const char ch = surface[k];
      high |= static_cast<unsigned char>(ch);
      const bool is_upper = ch >= 'A' && ch <= 'Z';
      const bool is_letter = is_upper || (ch >= 'a' && ch <= 'z');
      if (is_letter && first_letter == 0) first_letter = ch;
      letters += is_letter ? 1 : 0;
      uppers += is_upper ? 1 : 0;
      out[k] = is_upper ? static_cast<char>(ch + 32) : ch;
    }
    std::size_t size = surface.size();
    if (high >= 0x80) {
      scratch_.clear();
      append_folded(surface, scratch_);
      std::copy(scratch_.begin(), scratch_.end(), out);
      size = scratch_.size();
      if (kind == TokenKind::kWord) t.upper = is_upper_start(surface);
    } else if (kind == TokenKind::kWord) {
      t.upper = first_letter >= 'A' && first_letter <= 'Z';
    }
    t.norm_size = static_cast<std::uint32_t>(size);
    t.classes = word_classes(std::string_view(out, size));
    norm_size_ += size;
    if (kind == TokenKind::kWord) t.all_caps = letters >= 2 && letters == uppers;
    out_.tokens.push_back(t);
  }

  std::string_view text_;
  Segmentation& out_;
  std::size_t norm_size_ = 0;  // bytes of out_.norm in use; run() sizes the buffer
  std::string scratch_;        // the folded form of a non-ASCII token
};

bool ends_with_abbreviation(const Segmentation& seg, const Token& t) {
  const std::string_view n = seg.norm_of(t);
  return t.kind == TokenKind::kWord && n.size() > 1 && n.back() == '.';
}

bool is_title_abbreviation(const Segmentation& seg, const Token& t) {
  std::string_view n = seg.norm_of(t);
  if (n.empty() || n.back() != '.') return false;
  n.remove_suffix(1);
  return contains(kTitleAbbreviations, n) || (n.size() == 1 && t.upper);
}

// True when a sentence may end before token `next`, given the last token `last` of the candidate.
bool boundary_before(const Segmentation& seg, const Token& last, const Token& next) {
  if (!next.space_before) return false;
  if (next.kind == TokenKind::kWord && !next.upper && !next.all_caps) return false;
  // "posted a video on X. “We will ...”": a capital letter and a period before an opening quote
  // ends the sentence (an initial goes on with a name: "George W. Bush").
  if (next.kind == TokenKind::kQuote && seg.norm_of(last).size() == 2 && last.upper) return true;
  if (is_title_abbreviation(seg, last)) return false;
  if (ends_with_abbreviation(seg, last)) {
    return next.newline_before || contains(kSentenceOpeners, seg.norm_of(next));
  }
  return true;
}

bool line_continues(const Segmentation& seg, const Token& prev, const Token& next) {
  // A line broken inside a sentence (hard-wrapped text): no final punctuation before the break,
  // and the next line goes on in lower case.
  const std::string_view p = seg.norm_of(prev);
  if (is_terminal(p) || p == ":" || prev.kind == TokenKind::kQuote) return false;
  return next.kind == TokenKind::kWord && !next.upper && !next.all_caps;
}

bool is_headline(const Segmentation& seg, const Sentence& s) {
  if (s.end_token == s.first_token) return false;
  const Token& last = seg.tokens[s.end_token - 1];
  if (is_terminal(seg.norm_of(last))) return false;
  int words = 0, capitalised = 0;
  for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
    const Token& t = seg.tokens[i];
    if (t.kind != TokenKind::kWord) continue;
    ++words;
    if (t.upper || t.all_caps) ++capitalised;
  }
  return words > 0 && capitalised * 2 > words;
}

}  // namespace

namespace detail {

const std::uint32_t kClassFirst[kLongestClassed + 1] = {
    kClassFilter.first[0], kClassFilter.first[1], kClassFilter.first[2], kClassFilter.first[3],
    kClassFilter.first[4], kClassFilter.first[5], kClassFilter.first[6], kClassFilter.first[7],
    kClassFilter.first[8], kClassFilter.first[9], kClassFilter.first[10]};
const std::uint32_t kClassLast[kLongestClassed + 1] = {
    kClassFilter.last[0], kClassFilter.last[1], kClassFilter.last[2], kClassFilter.last[3],
    kClassFilter.last[4], kClassFilter.last[5], kClassFilter.last[6], kClassFilter.last[7],
    kClassFilter.last[8], kClassFilter.last[9], kClassFilter.last[10]};

std::uint16_t classes_of_candidate(std::string_view w) {
  const WordKey key = word_key(w);
  for (std::size_t slot = class_slot(key, w.size());; slot = (slot + 1) & (kClassSlots - 1)) {
    const ClassedWord& entry = kClassTable[slot];
    if (entry.low == key.low && entry.high == key.high && entry.word.size() == w.size()) return entry.classes;
    if (entry.word.empty()) return 0;
  }
}

}  // namespace detail

Segmentation segment(std::string_view text, const std::vector<Span>& boilerplate) {
  Segmentation seg;
  seg.text = text;
  seg.tokens.reserve(text.size() / 5 + 1);
  Tokenizer(text, seg).run();

  const auto token_count = static_cast<std::uint32_t>(seg.tokens.size());
  std::uint32_t start = 0;
  std::uint32_t paragraph = 0;
  auto close = [&](std::uint32_t end) {
    if (end <= start) return;
    Sentence s;
    s.index = static_cast<std::uint32_t>(seg.sentences.size());
    s.first_token = start;
    s.end_token = end;
    s.span = Span{seg.tokens[start].span.begin, seg.tokens[end - 1].span.end};
    s.paragraph = paragraph;
    s.headline = is_headline(seg, s);
    seg.sentences.push_back(s);
    start = end;
  };
  for (std::uint32_t i = 0; i < token_count; ++i) {
    Token& t = seg.tokens[i];
    // A run-on "sentence" (a page without punctuation, a megabyte on one line) is cut into pieces
    // so that every later stage works on bounded sentences.
    if (i - start >= kMaxSentenceTokens) close(i);
    if (i > start && t.newline_before) {
      const Token& prev = seg.tokens[i - 1];
      if (t.paragraph_before || !line_continues(seg, prev, t)) {
        close(i);
        t.paragraph_before = true;
        ++paragraph;
        continue;
      }
    }
    if (i == start) continue;
    // Candidate end: a terminal mark, optionally followed by closing quotes or brackets.
    const Token& prev = seg.tokens[i - 1];
    const std::string_view prev_norm = seg.norm_of(prev);
    if (is_terminal(prev_norm) || ends_with_abbreviation(seg, prev)) {
      if (is_closing(t, seg.norm_of(t)) && !t.space_before) continue;
      if (boundary_before(seg, prev, t)) close(i);
    } else if (i >= 2 && is_closing(prev, prev_norm) && !prev.space_before &&
               is_terminal(seg.norm_of(seg.tokens[i - 2]))) {
      if (boundary_before(seg, seg.tokens[i - 2], t)) close(i);
    }
  }
  close(token_count);

  // Boilerplate flags: a sentence is boilerplate when most of its bytes lie in boilerplate ranges.
  std::size_t range = 0;
  for (Sentence& s : seg.sentences) {
    while (range < boilerplate.size() && boilerplate[range].end <= s.span.begin) ++range;
    std::uint32_t covered = 0;
    for (std::size_t r = range; r < boilerplate.size() && boilerplate[r].begin < s.span.end; ++r) {
      const std::uint32_t b = std::max(boilerplate[r].begin, s.span.begin);
      const std::uint32_t e = std::min(boilerplate[r].end, s.span.end);
      if (e > b) covered += e - b;
    }
    s.boilerplate = covered * 2 > s.span.size();
  }
  return seg;
}

}  // namespace geokg::extract
