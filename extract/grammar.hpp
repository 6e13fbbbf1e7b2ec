// Shallow grammar shared by event coding and statement attribution: closed word classes, the
// mentions per token, clause limits, subjects (with coordination, appositions, relative "who"),
// objects and prepositional targets, verb groups with negation and modality.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/actors.hpp"
#include "extract/lexicon.hpp"
#include "extract/records.hpp"
#include "extract/segment.hpp"

namespace geokg::extract {

// Membership of a folded word in a closed class (WordClass); a token's are in Token::classes.
inline bool is_preposition(std::string_view w) { return (word_classes(w) & WordClass::kPreposition) != 0; }
inline bool is_determiner(std::string_view w) { return (word_classes(w) & WordClass::kDeterminer) != 0; }
// that, which, who, because, if, while, ...
inline bool is_subordinator(std::string_view w) { return (word_classes(w) & WordClass::kSubordinator) != 0; }
// be / have / do forms
inline bool is_auxiliary(std::string_view w) { return (word_classes(w) & WordClass::kAuxiliary) != 0; }
inline bool is_modal(std::string_view w) { return (word_classes(w) & WordClass::kModal) != 0; }
inline bool is_negation(std::string_view w) { return (word_classes(w) & WordClass::kNegation) != 0; }

// Per-sentence view: which mention covers each token.
class SentenceView {
 public:
  SentenceView(const Segmentation& seg, const Sentence& sentence, const std::vector<Mention>& mentions);

  const Segmentation& seg() const { return seg_; }
  const Sentence& sentence() const { return sentence_; }
  std::string_view norm(std::uint32_t i) const { return seg_.norm_of(i); }
  const Token& token(std::uint32_t i) const { return seg_.tokens[i]; }
  // Whether token i is in one of the closed word classes `classes` (WordClass bits): the same as
  // is_preposition(norm(i)) and the like, without a lookup.
  bool is(std::uint32_t i, std::uint16_t classes) const { return (seg_.tokens[i].classes & classes) != 0; }
  // Index into the mention vector of the mention covering token i, or -1.
  int mention_at(std::uint32_t i) const {
    if (i < begin() || i >= end()) return -1;
    return token_mention_[i - begin()];
  }
  const Mention& mention(int index) const { return mentions_[static_cast<std::size_t>(index)]; }
  std::uint32_t begin() const { return sentence_.first_token; }
  std::uint32_t end() const { return sentence_.end_token; }

  // The first mention starting in [from, limit) that heads a noun phrase reachable without crossing
  // a verb or clause boundary (determiners, adjectives, numbers, possessives allowed); -1 if none.
  int np_mention_after(std::uint32_t from, std::uint32_t limit) const;
  // Mentions coordinated with `index` by "and" / "," ("Russia and North Korea").
  std::vector<int> coordinated(int index) const;
  // The subject mention of a verb group starting at token `verb_start`, or -1.
  int subject_before(std::uint32_t verb_start) const;
  // Left edge of the clause containing token i.
  std::uint32_t clause_start(std::uint32_t i) const;

 private:
  const Segmentation& seg_;
  const Sentence& sentence_;
  const std::vector<Mention>& mentions_;
  std::vector<int> token_mention_;
  // clause_start() of each token of the sentence and of its end, filled on the first call.
  mutable std::vector<std::uint32_t> clause_from_;

  // "Russia's Vladimir Putin": the first token of a capitalised possessor, not itself a mention,
  // that stands right before the mention starting at `first`; `first` when there is none.
  std::uint32_t possessor_start(std::uint32_t first) const;
};

struct VerbGroup {
  std::uint32_t start = 0;  // first token of the group (auxiliaries, negation)
  bool negated = false;
  bool passive = false;
  Modality modality = Modality::kAsserted;
  bool intent = false;      // under "promised to", "agreed to", "offered to": an expressed intention
  bool agreed = false;      // under "agreed to" itself: "agreed to extend the ceasefire" sets it up
  bool refused = false;     // under "refused to", "declined to", "rejected calls to": a refusal, not only a negation
  bool embedded = false;    // the object of another act: "urged Hamas to release", "threatened to strike"
};

// Returns the token after a time adverbial that starts at `first` ("on Tuesday", "last week"), or
// `first` when none starts there.
std::uint32_t time_adverbial_end(const SentenceView& view, std::uint32_t first);

// Whether a verb lemma controls an infinitive after it ("refused to", "plans to", "agreed to",
// "threatened to") rather than being an act of its own there.
bool is_controller(std::string_view lemma);

// Returns the first token of a time adverbial ("on Monday", "last week", "yesterday") that ends at
// `last`, or last + 1 when none ends there.
std::uint32_t time_adverbial_start(const SentenceView& view, std::uint32_t last);

// Analyses the tokens left of a main verb at v (auxiliaries, modals, negation, controlling verbs
// such as "refused to", "plans to").
VerbGroup verb_group(const SentenceView& view, const Lexicon& lexicon, std::uint32_t v, VerbForm form);

}  // namespace geokg::extract
