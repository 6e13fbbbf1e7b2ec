// The lexicon: every dictionary the extractors use, loaded once from the data embedded at build
// time (extract/lexicon/*, Debian iso-codes) plus optional user actor files, validated against
// schemas/actors.schema.json, then immutable and shared by all worker threads through const methods.
#pragma once

#include <cstdint>
#include <cstring>
#include <deque>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/dates.hpp"
#include "extract/segment.hpp"

namespace geokg::extract {

struct Role {
  std::string title;   // canonical, lower case: "president", "foreign minister"
  std::string of;      // ISO alpha-3 or an organisation's actor id
  std::string sector;
  std::int32_t from_day = kNoDay;  // kNoDay: open
  std::int32_t to_day = kNoDay;
  bool active_on(std::int32_t day) const {
    return (from_day == kNoDay || day >= from_day) && (to_day == kNoDay || day < to_day);
  }
};

struct ActorEntry {
  std::string id;
  std::string name;
  std::string kind;
  std::string country;
  std::string sector;
  std::string code;
  std::string gender;  // male | female | empty
  std::vector<std::string> aliases;
  std::vector<std::string> weak_aliases;
  std::vector<std::string> demonyms;
  std::vector<std::pair<std::string, std::string>> metonyms;  // text, sector
  std::vector<std::string> needs_context;
  std::vector<std::string> context;
  std::vector<std::string> member_of;
  std::vector<Role> roles;
  std::string origin;  // "people-world.jsonl:12" or "iso_3166-1.json"
};

enum class PhraseKind : std::uint8_t { kName, kAlias, kWeak, kDemonym, kMetonym, kTitle, kCue };

// What a phrase in the trie stands for.
struct PhraseEntry {
  PhraseKind kind = PhraseKind::kName;
  std::uint32_t target = 0;    // actor index (kName..kMetonym), title index, cue index
  std::string sector;          // metonyms: the sector the phrase implies (the Kremlin -> GOV)
  bool needs_context = false;  // ambiguous alias (Georgia, Jordan)
  std::vector<std::uint8_t> case_pattern;  // per token: 0 any, 1 capitalised, 2 all capitals, 3 exact
  std::vector<std::string> exact;          // surface forms of the tokens that must match exactly
};

struct TitleEntry {
  std::string title;      // as written, folded
  std::string canonical;  // role title used in people's roles
  std::string sector;
  bool person = true;
};

struct EventPattern {
  std::string code;
  bool noun = false;
  std::string lemma;      // verb or noun lemma (first word of a phrasal verb)
  std::string particle;   // "down" in "crack down"; may be several words
  std::vector<std::string> objects;
  std::vector<std::string> preps;
  bool no_target = false;
  bool symmetric = false;
  bool passive = true;
  bool reverse = false;   // the target acts on the subject: "Y received weapons from X" is X -> Y
  std::vector<std::string> requires_words;
  std::string text;       // the pattern as written, for --explain
  // Lexicon::term ids of objects, preps and requires_words, filled by the lexicon at load (empty
  // in a pattern made up by a stage), so that matching a token against them compares integers.
  std::vector<std::uint32_t> object_terms;
  std::vector<std::uint32_t> prep_terms;
  std::vector<std::uint32_t> required_terms;
};

struct CueEntry {
  std::string cue;
  std::string kind;  // verb | noun | phrase
  bool direct = false;
  bool reported = false;
  bool addressee = false;
  bool about_object = false;
  bool cognitive = false;
  bool negative_content = false;
  int stance = 0;
};

struct CameoCode {
  std::string code;
  std::string root;
  std::string label;
  std::string plover;
  int quad_class = 0;
  double goldstein = 0.0;
};

enum class VerbForm : std::uint8_t { kBase, kThird, kPast, kParticiple, kGerund, kPastOrParticiple };

struct VerbAnalysis {
  std::string_view lemma;
  VerbForm form = VerbForm::kBase;
};

// Hash for string-keyed maps that can be searched with a string_view (no temporary string).
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

// A string-keyed map for the dictionaries asked about nearly every token (word ids, verb forms,
// patterns, cues, stance and name lists): entries kept in a deque, whose references stay valid while
// the lexicon loads, and found through an open-addressing table of (hash, entry pointer) at most
// a quarter full, so that a lookup of a short word is one cheap hash, nearly always one probe and one
// compare. find() returns a pointer (end(): null). No erase; for_each() visits the entries in the
// order they were added.
template <typename V>
class FlatStringMap {
 public:
  using value_type = std::pair<const std::string, V>;

  const value_type* find(std::string_view key) const { return locate(key, hash(key)); }
  value_type* find(std::string_view key) { return const_cast<value_type*>(locate(key, hash(key))); }
  const value_type* end() const { return nullptr; }
  std::size_t size() const { return entries_.size(); }
  std::size_t count(std::string_view key) const { return locate(key, hash(key)) == nullptr ? 0 : 1; }

  std::pair<value_type*, bool> emplace(std::string_view key, V value) {
    const std::uint64_t h = hash(key);
    if (const value_type* found = locate(key, h)) return {const_cast<value_type*>(found), false};
    if ((entries_.size() + 1) * 4 > slots_.size()) grow();
    value_type& entry = entries_.emplace_back(std::string(key), std::move(value));
    place(h, &entry);
    return {&entry, true};
  }
  V& operator[](std::string_view key) { return emplace(key, V{}).first->second; }
  template <typename F>
  void for_each(F&& visit) const {
    for (const value_type& entry : entries_) visit(entry);
  }
  template <typename F>
  void for_each(F&& visit) {
    for (value_type& entry : entries_) visit(entry);
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    const value_type* entry = nullptr;  // null: empty
  };

  // Keys are words and short phrases: up to 16 bytes are read as two overlapping loads and mixed
  // with one multiply; longer keys first fold their leading eight-byte words in.
  static std::uint64_t hash(std::string_view s) {
    const char* p = s.data();
    std::size_t n = s.size();
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xFF51AFD7ED558CCDull);
    for (; n > 16; n -= 8, p += 8) h = (h ^ load64(p)) * 0xC4CEB9FE1A85EC53ull;
    std::uint64_t a = 0, b = 0;
    if (n >= 8) {
      a = load64(p);
      b = load64(p + n - 8);
    } else if (n >= 4) {
      std::uint32_t first, last;
      std::memcpy(&first, p, 4);
      std::memcpy(&last, p + n - 4, 4);
      a = first;
      b = last;
    } else if (n > 0) {
      a = (static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) << 16) |
          (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8) |
          static_cast<unsigned char>(p[n - 1]);
    }
    h = ((h ^ a) * 0xC4CEB9FE1A85EC53ull) ^ b;
    h *= 0xFF51AFD7ED558CCDull;
    return h ^ (h >> 32);
  }
  static std::uint64_t load64(const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  }
  static std::uint32_t load32(const char* p) {
    std::uint32_t w;
    std::memcpy(&w, p, 4);
    return w;
  }
  // Equality of n bytes; a short key is compared as two overlapping loads, without a call.
  static bool same_bytes(const char* a, const char* b, std::size_t n) {
    if (n >= 8 && n <= 16) return load64(a) == load64(b) && load64(a + n - 8) == load64(b + n - 8);
    if (n >= 4 && n < 8) return load32(a) == load32(b) && load32(a + n - 4) == load32(b + n - 4);
    if (n < 4) {
      for (std::size_t i = 0; i < n; ++i) {
        if (a[i] != b[i]) return false;
      }
      return true;
    }
    return std::memcmp(a, b, n) == 0;
  }

  const value_type* locate(std::string_view key, std::uint64_t h) const {
    if (slots_.empty()) return nullptr;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = static_cast<std::size_t>(h) & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.entry == nullptr) return nullptr;
      if (slot.hash == h && slot.entry->first.size() == key.size() &&
          same_bytes(slot.entry->first.data(), key.data(), key.size())) {
        return slot.entry;
      }
    }
  }

  void place(std::uint64_t h, const value_type* entry) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = static_cast<std::size_t>(h) & mask;
    while (slots_[i].entry != nullptr) i = (i + 1) & mask;
    slots_[i] = Slot{h, entry};
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    for (const Slot& slot : old) {
      if (slot.entry != nullptr) place(slot.hash, slot.entry);
    }
  }

  std::deque<value_type> entries_;
  std::vector<Slot> slots_;
};

// The same for sets of strings.
class FlatStringSet {
 public:
  bool contains(std::string_view key) const { return map_.find(key) != map_.end(); }
  std::size_t count(std::string_view key) const { return map_.count(key); }
  void insert(std::string_view key) { map_.emplace(key, true); }
  std::size_t size() const { return map_.size(); }

 private:
  FlatStringMap<bool> map_;
};

// A fixed list of words asked about for many tokens, hashed once so that a lookup is one probe
// instead of a compare per listed word. Meant for function-local `static const` lists.
class WordList {
 public:
  WordList(std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) set_.insert(w);
  }
  bool contains(std::string_view w) const { return set_.contains(w); }

 private:
  FlatStringSet set_;
};

// What the lexicon holds for one folded word form, found once per token by Lexicon::tag_words
// (Segmentation::lexical), so that the stages asking about a token hash no string.
struct WordEntry {
  std::uint32_t word = UINT32_MAX;                     // Lexicon::word_id
  const std::vector<VerbAnalysis>* verbs = nullptr;    // Lexicon::analyse_verb; null: no verb
  const std::vector<std::uint32_t>* nouns = nullptr;   // Lexicon::event_nouns
  std::uint32_t term = UINT32_MAX;                     // Lexicon::term of the form
  std::uint32_t singular_term = UINT32_MAX;            // Lexicon::term of singular(form)
  int content_stance = 0;                              // Lexicon::content_stance of the form
};

class Lexicon {
 public:
  // Loads the built-in data; throws InputError naming file, line and field for bad data.
  static std::shared_ptr<Lexicon> load(const std::vector<std::string>& user_actor_files = {});

  const std::vector<ActorEntry>& actors() const { return actors_; }
  const ActorEntry* actor_by_id(std::string_view id) const;
  // Index of the state actor of an ISO alpha-3 code; UINT32_MAX when none.
  std::uint32_t state_index(std::string_view alpha3) const;
  const std::vector<TitleEntry>& titles() const { return titles_; }
  const std::vector<EventPattern>& event_patterns() const { return events_; }
  const std::vector<CueEntry>& cues() const { return cues_; }

  // The id of a folded token among the words of the phrase trie; kNoWord when no phrase has it.
  static constexpr std::uint32_t kNoWord = UINT32_MAX;
  std::uint32_t word_id(std::string_view folded) const {
    auto it = words_.find(folded);
    return it == words_.end() ? kNoWord : it->second;
  }
  // Fills seg.lexical with the WordEntry of every token (null: the lexicon has none), so that the
  // many phrase and verb lookups made per token hash no string.
  void tag_words(Segmentation& seg) const;

  // Longest phrase starting at token `first` (bounded by `end`) whose case pattern fits; returns the
  // number of tokens matched (0: none) and the entries of that phrase. Uses seg.words when tagged.
  std::uint32_t match_phrase(const Segmentation& seg, std::uint32_t first, std::uint32_t end,
                             const std::vector<PhraseEntry>** entries) const {
    // Most tokens start no phrase, and a tagged token says so without a call.
    if (seg.lexical.size() == seg.tokens.size() && first < end &&
        (seg.lexical[first] == nullptr || seg.lexical[first]->word == kNoWord)) {
      *entries = nullptr;
      return 0;
    }
    return match_phrase_at(seg, first, end, entries);
  }

  // Verb analysis of a folded word form ("met" -> meet/past); empty lemma when not a known verb.
  // These lookups are made for nearly every token by several stages: defined here, so that they inline.
  const std::vector<VerbAnalysis>& analyse_verb(std::string_view form) const {
    const auto* it = verb_forms_.find(form);
    return it == nullptr ? kNoAnalyses : it->second;
  }
  // analyse_verb(seg.norm_of(token)), from seg.lexical when tag_words ran.
  const std::vector<VerbAnalysis>& analyse_verb(const Segmentation& seg, std::uint32_t token) const {
    if (seg.lexical.size() != seg.tokens.size()) return analyse_verb(seg.norm_of(token));
    const WordEntry* entry = seg.lexical[token];
    return entry == nullptr || entry->verbs == nullptr ? kNoAnalyses : *entry->verbs;
  }
  // The event nouns a word form may stand for: noun_patterns(singular(w)), else noun_patterns(w);
  // null when none.
  const std::vector<std::uint32_t>* event_nouns(std::string_view w) const {
    const auto* nouns = noun_patterns(singular(w));
    return nouns != nullptr ? nouns : noun_patterns(w);
  }
  // event_nouns(seg.norm_of(token)), from seg.lexical when tag_words ran.
  const std::vector<std::uint32_t>* event_nouns(const Segmentation& seg, std::uint32_t token) const {
    if (seg.lexical.size() != seg.tokens.size()) return event_nouns(seg.norm_of(token));
    const WordEntry* entry = seg.lexical[token];
    return entry == nullptr ? nullptr : entry->nouns;
  }
  // The id of a folded word among the words listed by event patterns (EventPattern::object_terms,
  // prep_terms, required_terms); kNoTerm when no pattern lists it.
  static constexpr std::uint32_t kNoTerm = UINT32_MAX;
  std::uint32_t term(std::string_view folded) const {
    const auto* it = terms_.find(folded);
    return it == nullptr ? kNoTerm : it->second;
  }
  // Whether token's folded form, or with_singular its singular(), is among `terms` (a list of
  // EventPattern); from seg.lexical when tag_words ran.
  bool token_in(const std::vector<std::uint32_t>& terms, const Segmentation& seg, std::uint32_t token,
                bool with_singular) const {
    if (terms.empty()) return false;
    std::uint32_t own = kNoTerm;
    std::uint32_t single = kNoTerm;
    if (seg.lexical.size() == seg.tokens.size()) {
      const WordEntry* entry = seg.lexical[token];
      if (entry == nullptr) return false;
      own = entry->term;
      single = entry->singular_term;
    } else {
      own = term(seg.norm_of(token));
      single = term(singular(seg.norm_of(token)));
    }
    if (!with_singular) single = kNoTerm;
    if (own == kNoTerm && single == kNoTerm) return false;
    for (std::uint32_t t : terms) {
      if (t == own || t == single) return true;
    }
    return false;
  }
  const std::vector<std::uint32_t>* verb_patterns(std::string_view lemma) const { return list_of(verb_patterns_, lemma); }
  const std::vector<std::uint32_t>* noun_patterns(std::string_view noun) const { return list_of(noun_patterns_, noun); }
  const std::vector<std::uint32_t>* verb_cues(std::string_view lemma) const { return list_of(verb_cues_, lemma); }
  const std::vector<std::uint32_t>* noun_cues(std::string_view noun) const { return list_of(noun_cues_, noun); }
  // "sanctions" -> "sanction"; returns a view into the argument.
  std::string_view singular(std::string_view noun) const {
    // Only a plural-looking word can change, so most words cost no lookup at all.
    if (noun.size() <= 2 || !noun.ends_with('s') || noun.ends_with("ss")) return noun;
    // "ies" nouns are rare among event nouns ("hostilities" is listed as written); leave as is.
    if (noun.size() > 3 && noun.ends_with("ies")) return noun;
    if (noun_patterns_.find(noun) != nullptr || noun_cues_.find(noun) != nullptr) return noun;
    return noun.substr(0, noun.size() - 1);
  }

  const CameoCode* cameo(std::string_view code) const {
    const auto* it = cameo_.find(code);
    return it == nullptr ? nullptr : &it->second;
  }
  int stance(std::string_view folded_word) const {  // 0 when not a stance word
    const auto* it = stance_.find(folded_word);
    return it == nullptr ? 0 : it->second;
  }
  // The stance a word of a statement's content carries: stance(w), else stance(singular(w)), else
  // that of the first lemma of its verb analyses that has one; 0 when none.
  int content_stance(std::string_view w) const {
    int s = stance(w);
    if (s == 0) s = stance(singular(w));
    if (s == 0) {
      for (const auto& a : analyse_verb(w)) {
        s = stance(a.lemma);
        if (s != 0) break;
      }
    }
    return s;
  }
  // content_stance(seg.norm_of(token)), from seg.lexical when tag_words ran.
  int content_stance(const Segmentation& seg, std::uint32_t token) const {
    if (seg.lexical.size() != seg.tokens.size()) return content_stance(seg.norm_of(token));
    const WordEntry* entry = seg.lexical[token];
    return entry == nullptr ? 0 : entry->content_stance;
  }
  bool is_first_name(std::string_view folded) const { return first_names_.contains(folded); }
  bool is_not_name(std::string_view folded) const { return not_names_.contains(folded); }
  // The CAMEO sector of an agent noun phrase ("troops" -> MIL, "riot police" -> COP, lexicon/agents.tsv)
  // given as folded words joined by one space; empty when the phrase is not an agent noun. The view
  // points into the lexicon.
  std::string_view agent_sector(std::string_view folded_phrase) const {
    auto it = agents_.find(folded_phrase);
    return it == agents_.end() ? std::string_view() : std::string_view(it->second);
  }
  // Most words in an agent noun phrase (2: "riot police").
  std::uint32_t agent_max_words() const { return agent_max_words_; }

  // People holding `title` (canonical) of `of` (alpha-3 or actor id) on `day` (kNoDay: any time).
  std::vector<std::uint32_t> holders(std::string_view of, std::string_view canonical_title, std::int32_t day) const;

  std::size_t phrase_count() const { return phrase_count_; }

 private:
  static const std::vector<VerbAnalysis> kNoAnalyses;
  static const std::vector<std::uint32_t>* list_of(const FlatStringMap<std::vector<std::uint32_t>>& map,
                                                   std::string_view key) {
    const auto* it = map.find(key);
    return it == nullptr ? nullptr : &it->second;
  }

  // Trie edges (parent node, word id) -> child node in one open-addressing table: a lookup is a
  // multiply and, nearly always, one probe.
  struct TrieEdge {
    std::uint64_t key = kNoEdge;
    std::uint32_t child = 0;
  };
  static constexpr std::uint64_t kNoEdge = UINT64_MAX;
  static std::uint64_t edge_key(std::uint32_t parent, std::uint32_t word) {
    return (static_cast<std::uint64_t>(parent) << 32) | word;
  }
  std::size_t edge_slot(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> edge_shift_);
  }
  std::uint32_t child(std::uint32_t parent, std::uint32_t word) const;  // 0: no such edge
  void add_edge(std::uint32_t parent, std::uint32_t word, std::uint32_t child_node);
  void add_phrase(std::string_view phrase, PhraseEntry entry);
  void add_actor(ActorEntry entry);
  void index_actor(std::uint32_t index);
  void load_actor_file(std::string_view name, std::string_view data, bool user);
  void load_iso_countries();
  void load_titles();
  void load_events();
  void load_cues();
  void load_cameo();
  void load_verb_forms();
  void load_word_lists();
  void add_verb(const std::string& lemma, std::vector<std::string> forms);
  void index_word_entries();
  std::uint32_t match_phrase_at(const Segmentation& seg, std::uint32_t first, std::uint32_t end,
                                const std::vector<PhraseEntry>** entries) const;

  std::vector<ActorEntry> actors_;
  StringMap<std::uint32_t> actor_index_;
  StringMap<std::uint32_t> state_by_country_;
  std::vector<TitleEntry> titles_;
  std::vector<EventPattern> events_;
  std::vector<CueEntry> cues_;
  FlatStringMap<CameoCode> cameo_;
  FlatStringMap<int> stance_;
  FlatStringSet first_names_;
  FlatStringSet not_names_;
  FlatStringMap<std::string> agents_;
  std::uint32_t agent_max_words_ = 1;

  // Token trie over the ids of folded tokens (words_).
  FlatStringMap<std::uint32_t> words_;
  std::vector<TrieEdge> edges_ = std::vector<TrieEdge>(std::size_t{1} << 10);
  unsigned edge_shift_ = 64 - 10;
  std::size_t edge_count_ = 0;
  std::vector<std::vector<PhraseEntry>> node_entries_{1};
  std::size_t phrase_count_ = 0;
  FlatStringMap<std::vector<VerbAnalysis>> verb_forms_;
  // Every word form with a trie word id, a verb analysis or event nouns (a listed noun and its
  // plural in -s); filled once all dictionaries are loaded.
  FlatStringMap<WordEntry> word_entries_;
  FlatStringMap<std::uint32_t> terms_;  // the words of event patterns' lists -> term id
  StringSet lemma_store_;
  FlatStringMap<std::vector<std::uint32_t>> verb_patterns_;
  FlatStringMap<std::vector<std::uint32_t>> noun_patterns_;
  FlatStringMap<std::vector<std::uint32_t>> verb_cues_;
  FlatStringMap<std::vector<std::uint32_t>> noun_cues_;
  StringMap<std::vector<std::uint32_t>> role_index_;  // "of|title" -> actors
};

}  // namespace geokg::extract
