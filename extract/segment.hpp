// Segmentation: tokens and sentences with UTF-8 byte spans into the document text. Tokens carry
// a folded form (lower case, no diacritics) for dictionary lookups, stored once per document in
// one buffer so that the hot loop makes no allocation per token. Robust to abbreviations (U.S.,
// Lt. Gen., Mr., Dec.), initials, quotes that end sentences, headlines and paragraph breaks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/document.hpp"

namespace geokg::extract {

enum class TokenKind : std::uint8_t { kWord, kNumber, kPunct, kQuote, kDash };

// Closed word classes of a folded form, as bits of Token::classes. The grammar and the actor
// scan ask about them for nearly every token, so they are found once, at segmentation.
struct WordClass {
  static constexpr std::uint16_t kPreposition = 1u << 0;   // of, with, to, against, ...
  static constexpr std::uint16_t kDeterminer = 1u << 1;    // the, a, this, its, every, ...
  static constexpr std::uint16_t kSubordinator = 1u << 2;  // that, which, because, if, while, ...
  static constexpr std::uint16_t kAuxiliary = 1u << 3;     // be / have / do / get forms
  static constexpr std::uint16_t kModal = 1u << 4;         // will, would, could, 'll, ...
  static constexpr std::uint16_t kNegation = 1u << 5;      // not, n't, never, no, neither
  static constexpr std::uint16_t kMalePronoun = 1u << 6;   // he, him, his
  static constexpr std::uint16_t kFemalePronoun = 1u << 7; // she, her
  static constexpr std::uint16_t kNeuterPronoun = 1u << 8; // it, its
  static constexpr std::uint16_t kTimeNoun = 1u << 9;      // monday ... sunday, today, week, night, ...
  static constexpr std::uint16_t kPersonalPronoun = kMalePronoun | kFemalePronoun | kNeuterPronoun;
};

namespace detail {
constexpr std::size_t kLongestClassed = 10;  // "throughout"
// Per length, bits of the low five bits of the first and of the last byte of the classed words.
extern const std::uint32_t kClassFirst[kLongestClassed + 1];
extern const std::uint32_t kClassLast[kLongestClassed + 1];
std::uint16_t classes_of_candidate(std::string_view folded);
}  // namespace detail

// The WordClass bits of a folded word form; 0 for any other word or punctuation. Most words are
// turned away inline by their length and first and last bytes.
inline std::uint16_t word_classes(std::string_view folded) {
  const std::size_t n = folded.size();
  if (n == 0 || n > detail::kLongestClassed) return 0;
  const std::uint32_t first = detail::kClassFirst[n] >> (static_cast<unsigned char>(folded.front()) & 31u);
  const std::uint32_t last = detail::kClassLast[n] >> (static_cast<unsigned char>(folded.back()) & 31u);
  if ((first & last & 1u) == 0) return 0;
  return detail::classes_of_candidate(folded);
}

struct Token {
  Span span;
  std::uint32_t norm_begin = 0;  // folded form: Segmentation::norm[norm_begin, norm_begin + norm_size)
  std::uint32_t norm_size = 0;
  TokenKind kind = TokenKind::kWord;
  bool upper = false;            // starts with an upper-case letter
  bool all_caps = false;         // two or more letters, all upper case
  bool space_before = false;     // whitespace between this token and the previous one
  bool newline_before = false;   // a line break between this token and the previous one
  bool paragraph_before = false; // a paragraph break (blank line, or a new line after a full stop)
  std::uint16_t classes = 0;     // word_classes() of the folded form
};

struct Sentence {
  std::uint32_t index = 0;
  Span span;
  std::uint32_t first_token = 0;  // tokens [first_token, end_token)
  std::uint32_t end_token = 0;
  std::uint32_t paragraph = 0;
  bool boilerplate = false;       // inside a boilerplate range of the document
  bool headline = false;          // a title-case line without final punctuation
};

struct WordEntry;  // extract/lexicon.hpp

struct Segmentation {
  std::string_view text;  // the segmented text (not owned)
  std::string norm;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<const WordEntry*> lexical;  // per token once Lexicon::tag_words ran (null: unknown word); else empty

  // Asked for many times per token by every stage: no bounds check (tokens always lie in norm), so
  // that it inlines to two loads.
  std::string_view norm_of(const Token& token) const {
    return std::string_view(norm.data() + token.norm_begin, token.norm_size);
  }
  std::string_view norm_of(std::uint32_t token_index) const { return norm_of(tokens[token_index]); }
  std::string_view surface(const Token& token) const { return text.substr(token.span.begin, token.span.size()); }
};

// Splits text into tokens and sentences. boilerplate: sorted byte ranges (Document::boilerplate);
// a sentence lying mostly inside them is flagged. Never fails: any byte sequence segments.
Segmentation segment(std::string_view text, const std::vector<Span>& boilerplate = {});

}  // namespace geokg::extract
