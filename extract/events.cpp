#include "extract/events.hpp"

#include <algorithm>
#include <array>

#include "extract/dates.hpp"
#include "extract/grammar.hpp"
#include "extract/text.hpp"

namespace geokg::extract {

const char* to_string(Modality modality) {
  switch (modality) {
    case Modality::kAsserted: return "asserted";
    case Modality::kReported: return "reported";
    case Modality::kFuture: return "future";
    case Modality::kHypothetical: return "hypothetical";
    case Modality::kConditional: return "conditional";
  }
  return "asserted";
}

Date sentence_date(const Document& doc, const Segmentation& seg, const Sentence& sentence) {
  if (auto found = find_date(doc.text, seg, sentence.first_token, sentence.end_token, doc.date)) return found->date;
  Date date = doc.date;
  date.origin = DateOrigin::kDocument;
  return date;
}

namespace {

// CAMEO codes events between states: a place stands for the state it lies in.
ActorRef as_event_actor(const Lexicon& lexicon, const ActorRef& ref) {
  if (ref.kind != "location" || ref.country.empty()) return ref;
  const std::uint32_t index = lexicon.state_index(ref.country);
  if (index == UINT32_MAX) return ref;
  ActorRef state = actor_ref(lexicon, index, kNoDay);
  state.text = ref.text;
  state.span = ref.span;
  return state;
}

class Coder {
 public:
  Coder(const Document& doc, const Segmentation& seg, const ActorAnalysis& actors, const Lexicon& lexicon,
        const std::vector<Span>& quoted, std::vector<EventTrace>* trace, SentenceDates& dates)
      : doc_(doc), seg_(seg), actors_(actors), lex_(lexicon), quoted_(quoted), trace_(trace), dates_(dates),
        term_to_(lexicon.term("to")) {
    std::sort(quoted_.begin(), quoted_.end());
  }

  std::vector<EventRecord> run() {
    for (const Sentence& s : seg_.sentences) {
      if (s.boilerplate) continue;
      if (s.headline) { note(s, "headline: not coded"); continue; }
      code_sentence(s);
    }
    return std::move(out_);
  }

 private:
  // Callers building a message test trace_ first, so that no string is made when nobody traces.
  void note(const Sentence& s, std::string message) {
    if (trace_ != nullptr) trace_->push_back(EventTrace{s.index, std::move(message)});
  }

  bool in_quote(Span span) const { return inside_any(quoted_, span); }

  // A speech or belief verb before position v whose clause contains v: "X said Y attacked Z".
  // The first such verb and any "according to" are found once per sentence.
  bool reported_context(const SentenceView& view, std::uint32_t subject_first) {
    if (report_sentence_ != view.begin()) {
      report_sentence_ = view.begin();
      first_speech_ = UINT32_MAX;
      according_ = false;
      for (std::uint32_t i = view.begin(); i < view.end(); ++i) {
        if (view.norm(i) == "according" && i + 1 < view.end() && view.norm(i + 1) == "to") according_ = true;
        if (first_speech_ != UINT32_MAX || view.mention_at(i) >= 0) continue;
        for (const auto& a : lex_.analyse_verb(seg_, i)) {
          if (lex_.verb_cues(a.lemma) != nullptr) {
            first_speech_ = i;
            break;
          }
        }
      }
    }
    return according_ || first_speech_ < subject_first;
  }

  Modality clause_modality(const SentenceView& view, std::uint32_t v, Modality group) const {
    // "if" earlier in the sentence: conditional; a question: hypothetical.
    const std::uint32_t last = view.end() - 1;
    if (view.norm(last) == "?" ) return Modality::kHypothetical;
    for (std::uint32_t i = view.begin(); i < v; ++i) {
      const std::string_view w = view.norm(i);
      if (w == "if" || w == "unless") return group == Modality::kHypothetical ? Modality::kHypothetical : Modality::kConditional;
    }
    return group;
  }

  // Uses of force (CAMEO roots 17 to 20) hit places: "struck residential buildings in Kyiv",
  // "captured the town of Avdiivka", "a strike on the hospital in Kyiv".
  static bool is_force(const EventPattern& p) {
    return p.code.starts_with("17") || p.code.starts_with("18") || p.code.starts_with("19") || p.code.starts_with("20");
  }

  // The actor that people named at the start of a phrase belong to: "12 militants belonging to the
  // Pakistani Taliban", "members of Hezbollah", "soldiers from the Ukrainian army"; -1 if none.
  int affiliation_of_people(const SentenceView& view, std::uint32_t from, std::uint32_t limit) const {
    for (std::uint32_t k = from; k + 2 < limit && k < from + 5; ++k) {
      if (view.mention_at(k) >= 0) return -1;
      if (!is_human_group(view.norm(k)) || view.norm(k) == "positions" || view.norm(k) == "position") continue;
      std::uint32_t j = k + 1;
      const std::string_view w = view.norm(j);
      if ((w == "belonging" || w == "loyal" || w == "linked" || w == "allied") && view.norm(j + 1) == "to") {
        j += 2;
      } else if (w == "affiliated" && view.norm(j + 1) == "with") {
        j += 2;
      } else if (w == "of" || w == "from") {
        ++j;
      } else {
        return -1;
      }
      const int m = possessed_head(view, view.np_mention_after(j, std::min<std::uint32_t>(limit, j + 5)));
      if (m < 0 || view.mention(m).pronoun) return -1;
      const std::string& kind = view.mention(m).actor.kind;
      return kind == "group" || kind == "state" || kind == "organisation" ? m : -1;
    }
    return -1;
  }

  // The first place or state named in a prepositional phrase of the object ("in Kyiv", "of
  // Avdiivka") before the clause ends; -1 if none.
  int place_target(const SentenceView& view, std::uint32_t from, std::uint32_t limit) const {
    for (std::uint32_t k = from; k + 1 < limit; ++k) {
      const std::string_view w = view.norm(k);
      if (w == "." || w == ";" || (view.mention_at(k) < 0 && is_subordinator(w) && w != "as")) break;
      if (w != "in" && w != "of" && w != "near" && w != "across" && w != "at" && w != "into" && w != "on" &&
          w != "inside") {
        continue;
      }
      // "targets in southern Lebanon", "sites in the occupied West Bank".
      std::uint32_t j = k + 1;
      if (j < limit && view.norm(j) == "the") ++j;
      for (int adjectives = 0; adjectives < 2 && j + 1 < limit && view.mention_at(j) < 0 &&
                               seg_.tokens[j].kind == TokenKind::kWord && !seg_.tokens[j].upper &&
                               !view.is(j, WordClass::kPreposition) && !view.is(j, WordClass::kSubordinator) && view.norm(j) != "and";
           ++adjectives) {
        ++j;
      }
      // A sea, strait or line of control lies in no state: it is where, not whom.
      const int m = view.mention_at(j);
      if (m >= 0 && (view.mention(m).actor.kind == "state" ||
                     (view.mention(m).actor.kind == "location" && !view.mention(m).actor.country.empty()))) {
        return m;
      }
    }
    return -1;
  }

  // "the Kremlin would only accept security guarantees for Ukraine if they aligned with the
  // Istanbul proposals", "would only lift sanctions if": a concession (accept, approve, sign, lift,
  // ...) held back until a condition is met is a demand (100), made now,
  // of the actor named in what would be accepted (or else in the condition). Only "only ... if",
  // "unless", "provided (that)" and "on condition" count.
  bool code_condition(const Sentence& s, const SentenceView& view, std::uint32_t v, const VerbGroup& group,
                      const Date& date) {
    bool only = false;
    for (std::uint32_t k = group.start > s.first_token ? group.start - 1 : group.start; k < v; ++k) {
      only = only || view.norm(k) == "only";
    }
    std::uint32_t condition = UINT32_MAX;
    for (std::uint32_t k = v + 1; k + 1 < view.end() && k < v + 16; ++k) {
      const std::string_view w = view.norm(k);
      if (w == "." || w == ";") break;
      if ((w == "if" && only) || w == "unless" || (w == "provided" && view.norm(k + 1) == "that") ||
          (w == "on" && view.norm(k + 1) == "condition")) {
        condition = k;
        break;
      }
    }
    if (condition == UINT32_MAX) return false;
    const int source = view.subject_before(group.start);
    if (source < 0) return false;
    const auto usable = [&](int m) {
      return m >= 0 && view.mention(m).actor.id != view.mention(source).actor.id && !view.mention(m).pronoun &&
             !(view.mention(m).actor.kind == "location" && view.mention(m).actor.country.empty());
    };
    int target = -1;
    for (std::uint32_t k = v + 1; k < condition && target < 0; ++k) {
      if (usable(view.mention_at(k))) target = view.mention_at(k);
    }
    for (std::uint32_t k = condition + 1; k < view.end() && k < condition + 12 && target < 0; ++k) {
      if (view.norm(k) == "." || view.norm(k) == ";") break;
      if (usable(view.mention_at(k))) target = view.mention_at(k);
    }
    if (target < 0) return false;
    const std::vector<std::uint32_t>* demands = lex_.verb_patterns("demand");
    if (demands == nullptr) return false;
    for (std::uint32_t index : *demands) {
      const EventPattern& p = lex_.event_patterns()[index];
      if (p.code != "100" || !p.objects.empty() || !p.preps.empty()) continue;
      Modality modality = Modality::kAsserted;
      const Mention& src = view.mention(source);
      if (in_quote(seg_.tokens[v].span) || reported_context(view, src.first_token)) modality = Modality::kReported;
      if (trace_ != nullptr) note(s, "'" + std::string(view.norm(v)) + "' held back by a condition: a demand");
      for (int si : view.coordinated(source)) {
        emit(s, view, p, v, v + 1, view.mention(si), &view.mention(target), false, modality, date);
      }
      return true;
    }
    return false;
  }

  // The agent of a participle that follows the object noun within its clause ("the proposal put
  // forward by France", "the terms laid out by the US president"); -1 if none.
  int object_author(const SentenceView& view, std::uint32_t object_at, std::uint32_t limit) const {
    static const WordList kParticles = {"out", "forward", "up", "down"};
    static const WordList kIrregular = {"laid", "put", "set", "drawn", "made",
                                                                    "brought", "written", "given", "sent", "drafted"};
    for (std::uint32_t k = object_at + 2; k + 1 < limit && k < object_at + 10; ++k) {
      const std::string_view w = view.norm(k);
      if (w == "." || w == ";" || w == "," || (view.mention_at(k) < 0 && is_subordinator(w))) return -1;
      if (w != "by") continue;
      std::uint32_t v = k - 1;
      if (kParticles.contains(view.norm(v)) && v > object_at + 1) --v;
      const std::string_view verb = view.norm(v);
      bool participle = verb.size() > 4 && verb.ends_with("ed");
      participle = participle || kIrregular.contains(verb);
      for (const VerbAnalysis& a : lex_.analyse_verb(verb)) {
        participle = participle || a.form == VerbForm::kParticiple || a.form == VerbForm::kPastOrParticiple;
      }
      if (!participle || view.mention_at(v) >= 0) return -1;
      const int m = view.np_mention_after(k + 1, limit);
      return m >= 0 && !view.mention(m).pronoun ? m : -1;
    }
    return -1;
  }

  // The subject of the nearest active finite verb before token `at` (auxiliaries and passives
  // passed over), for a verb that shares it: "Erdogan said ... and cancelled a trip", "Yoon
  // declared martial law, accusing the opposition"; -1 if none.
  int earlier_subject(const SentenceView& view, std::uint32_t at) const {
    for (std::uint32_t k = at; k > view.begin();) {
      --k;
      const std::string_view w = view.norm(k);
      if (w == ";" || w == ":" || seg_.tokens[k].kind == TokenKind::kQuote) return -1;
      const Token& t = seg_.tokens[k];
      if (view.mention_at(k) >= 0 || t.kind != TokenKind::kWord || is_auxiliary(w) || is_modal(w) ||
          (t.upper && !t.all_caps && k != view.begin())) {
        continue;
      }
      if (k > view.begin() && (view.is(k - 1, WordClass::kDeterminer) || view.norm(k - 1) == "'s")) continue;
      for (const VerbAnalysis& a : lex_.analyse_verb(seg_, k)) {
        if (a.form != VerbForm::kPast && a.form != VerbForm::kPastOrParticiple && a.form != VerbForm::kThird) continue;
        const VerbGroup g = verb_group(view, lex_, k, a.form);
        if (g.passive) break;
        const int m = view.subject_before(g.start);
        if (m >= 0) return m;
        break;
      }
    }
    return -1;
  }

  // The demonym or state modifying a force noun in "in a/an ... <force noun>" within a few tokens
  // of `from` ("in an Israeli air strike", "in a Russian drone attack"); -1 if none.
  int force_modifier(const SentenceView& view, std::uint32_t from) const {
    for (std::uint32_t k = from; k + 2 < view.end() && k < from + 6; ++k) {
      const std::string_view w = view.norm(k);
      if (w == "." || w == "," || w == ";" || (view.mention_at(k) < 0 && is_subordinator(w))) return -1;
      if (w != "in" || view.mention_at(k) >= 0) continue;
      std::uint32_t j = k + 1;
      if (j < view.end() && (view.norm(j) == "a" || view.norm(j) == "an")) ++j;
      const int m = view.mention_at(j);
      if (m < 0 || view.mention(m).pronoun) return -1;
      for (std::uint32_t h = view.mention(m).end_token; h < view.end() && h < view.mention(m).end_token + 3; ++h) {
        if (view.mention_at(h) >= 0) return -1;
        const auto* nouns = lex_.event_nouns(seg_, h);
        if (nouns == nullptr) continue;
        for (std::uint32_t index : *nouns) {
          if (is_force(lex_.event_patterns()[index])) return m;
        }
      }
      return -1;
    }
    return -1;
  }

  // Whether the verb at v is what a denial denies: "denied that it had detained a Turkish
  // businessman", "Russia denied using chemical weapons": the act is told as not done.
  bool denied(const SentenceView& view, std::uint32_t v) const {
    for (std::uint32_t k = v; k > view.begin() && k + 12 > v;) {
      --k;
      const std::string_view w = view.norm(k);
      if (w == "." || w == ";" || w == "but" || w == "while" || w == "after" || w == "before" || w == "because" ||
          w == "although" || (w == "," && k + 1 < v && view.norm(k + 1) == "and")) {
        return false;
      }
      if (view.mention_at(k) >= 0) continue;
      bool deny = false;
      for (const VerbAnalysis& a : lex_.analyse_verb(seg_, k)) deny = deny || a.lemma == "deny";
      if (!deny) continue;
      // The denied act is the clause or gerund right after the denial.
      const std::uint32_t next = time_adverbial_end(view, k + 1);
      // "denied using chemical weapons": the noun of the denied gerund's object, too.
      return next == v ||
             (next < v && (view.norm(next) == "that" || view.norm(next) == "having" ||
                           (view.norm(next).ends_with("ing") && v < next + 4 && view.mention_at(next) < 0)));
    }
    return false;
  }

  // Whether token k is a finite verb form (past, participle or third person) outside any mention.
  bool verb_between_tokens(const SentenceView& view, std::uint32_t k) const {
    if (view.mention_at(k) >= 0 || seg_.tokens[k].kind != TokenKind::kWord || seg_.tokens[k].upper) return false;
    for (const VerbAnalysis& a : lex_.analyse_verb(seg_, k)) {
      if (a.form == VerbForm::kPast || a.form == VerbForm::kPastOrParticiple || a.form == VerbForm::kThird) return true;
    }
    return false;
  }

  // Whether a finite verb stands between the end of mention `m` and token `at`: then `m` is that
  // verb's object, not the subject of the verb at `at` ("invaded Ukraine and killed").
  bool verb_between(const SentenceView& view, int m, std::uint32_t at) const {
    for (std::uint32_t k = view.mention(m).end_token; k < at; ++k) {
      const Token& t = seg_.tokens[k];
      if (view.mention_at(k) >= 0 || t.kind != TokenKind::kWord || t.upper) continue;
      for (const VerbAnalysis& a : lex_.analyse_verb(seg_, k)) {
        if (a.form == VerbForm::kPast || a.form == VerbForm::kPastOrParticiple || a.form == VerbForm::kThird) return true;
      }
    }
    return false;
  }

  // "struck what it described as militant camps in Pakistan": the actor of the aside "what X
  // called" is who names the target, not the target. Returns the token after the aside, or 0.
  static std::uint32_t naming_aside_end(const SentenceView& view, int m) {
    const Mention& mention = view.mention(m);
    if (mention.first_token <= view.begin() || view.norm(mention.first_token - 1) != "what") return 0;
    static const WordList kNaming = {"called", "calls", "described", "describes", "termed", "terms",
                                                   "labelled", "labeled", "branded", "considers", "considered"};
    std::uint32_t k = mention.end_token;
    if (k >= view.end() || !kNaming.contains(view.norm(k))) return 0;
    ++k;
    if (k < view.end() && view.norm(k) == "as") ++k;
    return k;
  }

  // "abuses by Sudan's Rapid Support Forces", "a Russian general": the possessed actor after a
  // possessor ("Sudan's") is the head of the phrase, and so the one meant.
  static int possessed_head(const SentenceView& view, int m) {
    if (m < 0) return m;
    const std::uint32_t end = view.mention(m).end_token;
    if (end + 1 < view.end() && view.norm(end) == "'s") {
      const int owned = view.mention_at(end + 1);
      if (owned >= 0 && owned != m && view.mention(owned).first_token == end + 1 && !view.mention(owned).pronoun) return owned;
    }
    return m;
  }

  // The first actor (no pronoun, no place) named in the phrase that starts at `from`, up to the
  // clause's end or a second verb ("denied any role in that attack and said ..."); -1 if none.
  int first_actor_in_phrase(const SentenceView& view, std::uint32_t from, std::uint32_t limit, bool modifiers) const {
    for (std::uint32_t k = from; k < limit && k < from + 10; ++k) {
      const std::string_view w = view.norm(k);
      if (w == "." || w == ";" || w == "," || (view.mention_at(k) < 0 && is_subordinator(w) && w != "that")) break;
      if (w == "and" && k + 1 < limit && view.mention_at(k + 1) < 0 && !lex_.analyse_verb(seg_, k + 1).empty()) break;
      const int m = view.mention_at(k);
      if (m < 0) continue;
      if (!view.mention(m).pronoun && view.mention(m).actor.kind != "location" && (modifiers || !view.mention(m).modifier)) {
        return m;
      }
      k = view.mention(m).end_token - 1;
    }
    return -1;
  }

  // "marched in Belgrade to protest against the government of Aleksandar Vucic", "blocked roads
  // to demand the resignation of Nikol Pashinyan": a protest is aimed at whom its stated purpose
  // names; -1 if none (or only the protesters' own side).
  int purpose_target(const SentenceView& view, std::uint32_t from, const Mention& source) const {
    for (std::uint32_t k = from; k + 2 < view.end() && k < from + 10; ++k) {
      const std::string_view w = view.norm(k);
      if (w == "." || w == ";") break;
      if (w != "to" || view.mention_at(k) >= 0) continue;
      bool purpose = false;
      for (const VerbAnalysis& a : lex_.analyse_verb(seg_, k + 1)) {
        purpose = purpose || (a.form == VerbForm::kBase && (a.lemma == "protest" || a.lemma == "demand" ||
                                                             a.lemma == "denounce" || a.lemma == "condemn" ||
                                                             a.lemma == "oppose" || a.lemma == "demonstrate"));
      }
      if (!purpose) continue;
      const int m = first_actor_in_phrase(view, k + 2, std::min<std::uint32_t>(view.end(), k + 14), true);
      if (m < 0 || as_event_actor(lex_, view.mention(m).actor).id == as_event_actor(lex_, source.actor).id) return -1;
      return m;
    }
    return -1;
  }

  int target_after(const SentenceView& view, std::uint32_t from, const EventPattern& p, std::uint32_t& object_at) const {
    std::uint32_t limit = std::min<std::uint32_t>(view.end(), from + 12);
    object_at = UINT32_MAX;
    std::uint32_t i = from;
    // Ditransitives: "gave Ukraine a Patriot system", "supplied Ukraine with tanks": an actor
    // right after the verb and before the object noun receives it.
    int indirect = -1;
    std::uint32_t object_from = from;
    const bool dative = std::find(p.prep_terms.begin(), p.prep_terms.end(), term_to_) != p.prep_terms.end();
    if (!p.objects.empty() || dative) {
      const int m = view.mention_at(from);
      if (m >= 0 && view.mention(m).first_token == from && !view.mention(m).modifier) {
        const std::uint32_t after_m = view.mention(m).end_token;
        if (after_m < limit && view.norm(after_m) == "with") {
          indirect = m;
          object_from = after_m + 1;
        } else if (after_m < limit && view.mention_at(after_m) < 0 &&
                   (view.is(after_m, WordClass::kDeterminer) || seg_.tokens[after_m].kind == TokenKind::kNumber ||
                    view.norm(after_m) == "more")) {
          indirect = m;
          object_from = after_m;
        }
      }
    }
    if (!p.objects.empty()) {
      // The direct object must be one of the listed nouns: "imposed new sanctions on Iran".
      std::uint32_t window = 7;
      for (std::uint32_t k = object_from; k < limit && k < object_from + window; ++k) {
        const std::string_view w = view.norm(k);
        // Amounts before the object: "pledged at least 40 billion euros in military aid".
        if (k + 1 < limit && ((w == "at" && view.norm(k + 1) == "least") || (w == "more" && view.norm(k + 1) == "than") ||
                              (w == "up" && view.norm(k + 1) == "to"))) {
          ++k;
          window += 2;
          continue;
        }
        // "pledged an additional 25 million euros in humanitarian aid": an amount "in" the object.
        if (w == "in" && window < 10) {
          bool amount = false;
          for (std::uint32_t j = k > object_from + 3 ? k - 3 : object_from; j < k; ++j) {
            amount = amount || seg_.tokens[j].kind == TokenKind::kNumber || view.norm(j) == "million" ||
                     view.norm(j) == "billion";
          }
          if (amount) window += 3;
        }
        // "sending about 10,000 troops": an approximate amount.
        if (k + 1 < limit && seg_.tokens[k + 1].kind == TokenKind::kNumber &&
            (w == "about" || w == "around" || w == "nearly" || w == "almost" || w == "roughly" || w == "some" ||
             w == "over" || w == "approximately")) {
          continue;
        }
        if (lex_.token_in(p.object_terms, seg_, k, true)) {
          // "launching missile strikes on cities": the listed noun modifies an event noun after it,
          // which heads the object.
          if (k + 1 < limit && view.mention_at(k + 1) < 0) {
            const std::string_view head = view.norm(k + 1);
            if (!lex_.token_in(p.object_terms, seg_, k + 1, true) &&
                (head.starts_with("strike") || head.starts_with("attack") || head == "barrage" || head == "salvo" ||
                 head == "raid" || head == "raids") &&
                // "an aircraft carrier strike group" goes on: the compound is longer.
                (k + 2 >= view.end() || seg_.tokens[k + 2].kind != TokenKind::kWord || view.is(k + 2, WordClass::kPreposition) ||
                 view.is(k + 2, WordClass::kDeterminer) || view.is(k + 2, WordClass::kSubordinator) || view.norm(k + 2) == "and")) {
              break;
            }
          }
          object_at = k;
          break;
        }
        // "a face-to-face meeting": a word inside a hyphenated compound is no preposition.
        const bool in_compound = k > view.begin() && seg_.tokens[k - 1].kind == TokenKind::kDash &&
                                 seg_.tokens[k - 1].span.end == seg_.tokens[k].span.begin;
        if ((is_preposition(w) && w != "of" && w != "in" && !in_compound) || w == "." || w == ";") break;
      }
      if (object_at == UINT32_MAX) return -2;  // pattern does not apply
      i = object_at + 1;
      limit = std::min<std::uint32_t>(view.end(), std::max(limit, i + 10));
    }
    if (p.no_target) return -1;
    if (!p.preps.empty()) {
      for (std::uint32_t k = i; k < limit; ++k) {
        const std::string_view w = view.norm(k);
        if (lex_.token_in(p.prep_terms, seg_, k, false)) {
          // "an inquiry into abuses by the RSF": a phrase without an actor gives way to the next.
          // A sea or strait is where, not whom: "drills near the Strait of Hormuz".
          int m = possessed_head(view, view.np_mention_after(k + 1, limit));
          if (m >= 0) {
            const std::uint32_t aside_end = naming_aside_end(view, m);
            if (aside_end != 0) m = aside_end < limit ? view.np_mention_after(aside_end, limit) : -1;
          }
          // "rallied against the government of Irakli Kobakhidze": a government named by its head
          // or its state is that actor.
          if (m < 0) {
            std::uint32_t j = k + 1;
            if (j < limit && view.norm(j) == "the") ++j;
            static const WordList kRulers = {"government", "regime", "administration", "leadership",
                                                           "authorities", "cabinet", "junta"};
            if (j + 2 < limit && view.mention_at(j) < 0 && view.norm(j + 1) == "of" &&
                kRulers.contains(view.norm(j))) {
              const int ruler = view.mention_at(j + 2);
              if (ruler >= 0 && view.mention(ruler).first_token == j + 2 && !view.mention(ruler).pronoun) m = ruler;
            }
          }
          if (m >= 0 && !(view.mention(m).actor.kind == "location" && view.mention(m).actor.country.empty())) return m;
          // "dropped bombs on the underground enrichment plant at Fordow": force hits the place;
          // "delivered food to famine-stricken areas of Darfur": aid goes to the place's state.
          // "expressed concern over the escalating violence in Haiti": concern about a place's plight.
          // "withdrew from villages in southern Lebanon": a retreat leaves the place's state.
          if (m < 0 && (is_force(p) || p.code.starts_with("07") || p.code.starts_with("012") || p.code.starts_with("087"))) {
            const int place = place_target(view, k + 1, limit);
            if (place >= 0) return place;
          }
          continue;
        }
        // Another argument-taking preposition opens a phrase this pattern does not want: "protested
        // against the handover of villages to Azerbaijan" is no protest to Azerbaijan.
        if (view.mention_at(k) < 0 && (w == "to" || w == "with" || w == "against" || w == "into" || w == "toward" ||
                                       w == "towards" || w == "from")) {
          break;
        }
        if (w == "." || w == ";" || (view.mention_at(k) < 0 && is_subordinator(w) && w != "as")) break;
        // "agreed to share intelligence with Manila": a prepositional phrase after an infinitive
        // belongs to the infinitive.
        if (w == "to" && k + 1 < limit && view.mention_at(k + 1) < 0 && !lex_.analyse_verb(seg_, k + 1).empty() &&
            !view.is(k + 1, WordClass::kDeterminer)) {
          break;
        }
      }
      if (indirect >= 0) return indirect;
      // "refused to extradite a Ukrainian man wanted by Germany": extradition serves the state that
      // wants the person.
      if (p.code.starts_with("063")) {
        for (std::uint32_t k = i + 1; k + 1 < limit; ++k) {
          const std::string_view w = view.norm(k);
          if (w == "." || w == ";") break;
          if (w != "by" || (view.norm(k - 1) != "wanted" && view.norm(k - 1) != "sought" && view.norm(k - 1) != "requested")) continue;
          const int m = view.np_mention_after(k + 1, limit);
          if (m >= 0 && !view.mention(m).pronoun) return m;
          break;
        }
      }
      if (p.objects.empty()) return -1;
    }
    if (indirect >= 0) return indirect;
    if (!p.objects.empty()) {
      // "X imposed Iran sanctions" / "X's sanctions": a modifier before the object noun.
      // "rejected Trump's peace terms": the possessor of the object.
      for (std::uint32_t k = object_at; k > from && k + 4 > object_at;) {
        --k;
        const int m = view.mention_at(k);
        // "recalled its ambassadors": a possessive pronoun mostly refers back to the subject.
        if (m >= 0 && view.mention(m).pronoun) break;
        if (m >= 0) {
          // "ratified Sweden's NATO membership bid": the possessor before a modifier owns the object.
          const std::uint32_t first = view.mention(m).first_token;
          if (first >= from + 2 && view.norm(first - 1) == "'s") {
            const int owner = view.mention_at(first - 2);
            if (owner >= 0 && owner != m && !view.mention(owner).pronoun) return owner;
          }
          // "dismissed a French and British proposal": the first of coordinated modifiers, whom
          // the coordination then extends to.
          int head = m;
          while (view.mention(head).first_token >= from + 2 &&
                 (view.norm(view.mention(head).first_token - 1) == "and" || view.norm(view.mention(head).first_token - 1) == ",")) {
            const int left = view.mention_at(view.mention(head).first_token - 2);
            if (left < 0 || left == head || view.mention(left).pronoun) break;
            head = left;
          }
          return head;
        }
        if (view.norm(k) == "'s") continue;
        if (view.is(k, WordClass::kPreposition) || view.is(k, WordClass::kAuxiliary)) break;
      }
      // The object noun's own complement: "rejected negotiations with the United States",
      // "demanded a meeting with Putin" ("the release of X" names what is released, not whom).
      if (object_at + 1 < limit) {
        const std::string_view w = view.norm(object_at + 1);
        // "cancelled a visit by Sweden's minister", "condemned the attack by Hamas": the agent of
        // the object is whom the act is aimed at.
        if (w == "with" || w == "to" || w == "from" || w == "against" || w == "on" || w == "toward" || w == "towards" ||
            w == "by") {
          const int m = possessed_head(view, view.np_mention_after(object_at + 2, limit));
          if (m >= 0 && !(view.mention(m).actor.kind == "location" && view.mention(m).actor.country.empty())) return m;
        }
      }
      // "rejected the terms for peace laid out by the US president", "welcomed the plan put
      // forward by Egypt": the author of the object, named as the agent of a participle after it.
      if (const int author = object_author(view, object_at, limit); author >= 0) return author;
      // "voiced optimism about its trade talks with Australia", "expressed optimism that accession
      // talks with the EU would open", "denied any role in the attack on a US base": concern, hope
      // or denial is about the first actor named in what it is about.
      if (p.code == "012" || p.code == "013" || p.code == "016" || p.code.starts_with("09")) {
        // An inquiry into "the killing of a Zimbabwean trader" is not one into Zimbabwe.
        if (const int m = first_actor_in_phrase(view, object_at + 1, limit, p.code.starts_with("01")); m >= 0) return m;
      }
      // "detonated two car bombs at the ministry in Mogadishu": force hits the place.
      return is_force(p) ? place_target(view, object_at + 1, limit) : -1;
    }
    int direct = possessed_head(view, view.np_mention_after(i, limit));
    // "investigating uranium particles found at two sites in Iran", "examining the conduct of
    // Russian troops": what is investigated belongs to the first actor named in it.
    if (direct < 0 && p.code.starts_with("09")) direct = first_actor_in_phrase(view, i, limit, false);
    if (direct >= 0) {
      const std::uint32_t aside_end = naming_aside_end(view, direct);
      if (aside_end == 0) return direct;
      direct = aside_end < limit ? view.np_mention_after(aside_end, limit) : -1;
      if (direct >= 0) return direct;
      return is_force(p) ? place_target(view, aside_end, limit) : -1;
    }
    // "condemned the wave of executions in Iran", "the crackdown in Belarus": acts only a state's
    // authorities carry out, named by the state where they happen.
    if (condemned_act_ && p.code.starts_with("11")) {
      // "condemned the attack by the Rapid Support Forces on a hospital": the act's by-agent is
      // whom the disapproval is aimed at.
      for (std::uint32_t k = i; k + 2 < limit && k < i + 6; ++k) {
        if (view.mention_at(k) >= 0) break;
        if (!is_violent_act(view.norm(k))) continue;
        if (view.norm(k + 1) == "by") {
          const int agent = possessed_head(view, view.np_mention_after(k + 2, std::min<std::uint32_t>(limit, k + 7)));
          if (agent >= 0 && !view.mention(agent).pronoun && view.mention(agent).actor.kind != "location") return agent;
        }
        break;
      }
      bool state_act = false;
      for (std::uint32_t k = i; k < limit && k < i + 6; ++k) {
        const std::string_view w = view.norm(k);
        state_act = state_act || w == "execution" || w == "executions" || w == "crackdown" || w == "repression";
      }
      const int place = state_act ? place_target(view, i, limit) : -1;
      if (place >= 0 && view.mention(place).actor.kind == "state") return place;
    }
    // "visited the devastated streets of Beirut", "visited troops in Donbas": a visit to a part of
    // a place goes to the place's state.
    if (p.code.starts_with("042")) {
      static const WordList kParts = {"streets", "city", "town", "capital", "region", "regions", "areas",
                                                    "area", "front", "troops", "site", "sites", "border", "ruins",
                                                    "port", "villages", "village", "province", "camp", "camps"};
      for (std::uint32_t k = i + 1; k + 1 < limit && k < i + 5; ++k) {
        if (view.mention_at(k) >= 0 || (view.norm(k) != "of" && view.norm(k) != "in")) continue;
        if (!kParts.contains(view.norm(k - 1))) break;
        const int place = place_target(view, k, std::min<std::uint32_t>(limit, k + 5));
        return place;
      }
      return direct;
    }
    if (!is_force(p)) return direct;
    // "killed 12 militants belonging to the Pakistani Taliban", "fighters of the Wagner group":
    // force against people aims at the group or state they belong to.
    if (const int group = affiliation_of_people(view, i, limit); group >= 0) return group;
    return place_target(view, i, limit);
  }

  void emit(const Sentence& s, const SentenceView& view, const EventPattern& p, std::uint32_t trigger_first,
            std::uint32_t trigger_end, const Mention& source, const Mention* target, bool negated, Modality modality,
            const Date& date, bool intent = false) {
    const CameoCode* code = lex_.cameo(p.code);
    if (intent && code != nullptr && !negated &&
        (code->root == "17" || code->root == "18" || code->root == "19" || code->root == "20")) {
      // CAMEO: a vow or promise to use force ("vowed to retaliate against the United States") is
      // a threat of force (138), made now.
      code = lex_.cameo("138");
      modality = Modality::kAsserted;
    }
    // An act that is itself an intent ("agreed to end their dispute": 037) is expressed now.
    if (intent && code != nullptr && !negated && code->root == "03" && modality == Modality::kFuture) {
      modality = Modality::kAsserted;
    }
    if (intent && code != nullptr && !negated) {
      // CAMEO: cooperation promised, pledged or agreed to is an expressed intent (root 03), coded now.
      static constexpr std::pair<std::string_view, std::string_view> kIntent[] = {
          {"04", "036"}, {"05", "032"}, {"06", "031"}, {"07", "033"}, {"08", "035"}};
      for (const auto& [root, intent_code] : kIntent) {
        if (code->root == root) {
          code = lex_.cameo(intent_code);
          modality = Modality::kAsserted;
          break;
        }
      }
    }
    // CAMEO codes a refusal of cooperation as a rejection of its own (root 12), made now: "refused to
    // extradite" rejects judicial cooperation (121), "refused to release the hostages" refuses to
    // yield (1243), "refused to step down" rejects the demand for a change in leadership (1231),
    // "declined to meet" rejects a meeting (125), "refused to sign the treaty" rejects
    // the agreement (127). Refused comments, appeals or force stay negated acts.
    if (refused_ && negated && code != nullptr) {
      const std::string_view c = code->code;
      const char* rejection = nullptr;
      if (c.starts_with("04")) rejection = "125";
      else if (c == "057") rejection = "127";
      else if (c.starts_with("05") || c.starts_with("03")) rejection = "120";
      else if (c.starts_with("061")) rejection = "1211";
      else if (c.starts_with("062")) rejection = "1212";
      else if (c.starts_with("06")) rejection = "121";
      else if (c.starts_with("071")) rejection = "1221";
      else if (c.starts_with("072")) rejection = "1222";
      else if (c.starts_with("073")) rejection = "1223";
      else if (c.starts_with("074")) rejection = "1224";
      else if (c.starts_with("07")) rejection = "122";
      else if (c.starts_with("081")) rejection = "1241";
      else if (c.starts_with("082")) rejection = "1242";
      else if (c.starts_with("0831")) rejection = "1231";
      else if (c.starts_with("0832")) rejection = "1232";
      else if (c.starts_with("0833")) rejection = "1233";
      else if (c.starts_with("0834")) rejection = "1234";
      else if (c.starts_with("083")) rejection = "123";
      else if (c.starts_with("084")) rejection = "1243";
      else if (c.starts_with("085")) rejection = "1244";
      else if (c.starts_with("086")) rejection = "1245";
      else if (c.starts_with("087")) rejection = "1246";
      else if (c.starts_with("08")) rejection = "124";
      if (rejection != nullptr && lex_.cameo(rejection) != nullptr) {
        code = lex_.cameo(rejection);
        negated = false;
        if (modality == Modality::kFuture) modality = Modality::kAsserted;
      }
    }
    // CAMEO: killing a named person ("Israel killed Hezbollah leader Hassan Nasrallah in an air
    // strike") is an assassination (186), not a battle with them; a weapon as the subject ("a US
    // drone strike killed Soleimani") tells a military attack.
    if (code != nullptr && code->code == "190" && target != nullptr && target->actor.kind == "person" && !p.noun &&
        !source.modifier && !(source.end_token < trigger_first && seg_.tokens[source.end_token].kind == TokenKind::kWord &&
                              !seg_.tokens[source.end_token].upper && !view.is(source.end_token, WordClass::kAuxiliary) &&
                              !view.is(source.end_token, WordClass::kModal) && view.norm(source.end_token) != "and") &&
        (p.lemma == "kill" || p.lemma == "eliminate")) {
      code = lex_.cameo("186");
    }
    // "An Islamic State truck bomb killed 300 people", "a Taliban suicide bomber attacked": force
    // whose subject is a car, truck, roadside or suicide bomb of the source is a bombing (183).
    if (code != nullptr && code->root == "19" && !p.noun && source.end_token < trigger_first &&
        trigger_first <= source.end_token + 4) {
      for (std::uint32_t k = source.end_token; k + 1 < trigger_first; ++k) {
        const std::string_view kind = view.norm(k);
        const std::string_view head = view.norm(k + 1);
        if (head != "bomb" && head != "bomber" && head != "bombers" && head != "bombs") continue;
        const char* bombing = kind == "suicide"                    ? "1831"
                              : kind == "car" || kind == "truck"   ? "1832"
                              : kind == "roadside"                 ? "1833"
                                                                   : nullptr;
        if (bombing != nullptr && lex_.cameo(bombing) != nullptr) code = lex_.cameo(bombing);
        break;
      }
    }
    // "announced their withdrawal from ECOWAS", "withdrew from the African Union": leaving an
    // international organisation is no military retreat but a cut in relations (166).
    if (code != nullptr && code->root == "08" && p.code.starts_with("087") && target != nullptr &&
        target->actor.kind == "igo" && lex_.cameo("166") != nullptr) {
      code = lex_.cameo("166");
    }
    if (code == nullptr) return;
    // "captured Damascus" is taking territory (192); "captured two soldiers" or "captured a
    // general" is not: a bare occupation verb needs a place or state as its object.
    if (p.code == "192" && p.objects.empty() && !p.noun &&
        (target == nullptr || target->modifier || is_human_group(view.norm(target->end_token - 1)) ||
         (target->actor.kind != "state" && target->actor.kind != "location"))) {
      if (trace_ != nullptr) note(s, "'" + p.text + "': what was taken is no place; not coded");
      return;
    }
    // An event is a dyad: without a target it is coded only where the pattern has none by
    // definition ("claimed responsibility", "mobilised troops").
    // "accused protesters of trying to seize power": disapproval of people who are no actor, too.
    // "urged both sides to show restraint", "called for a ceasefire", "demanded the release of all
    // hostages": an appeal or demand to people who are no actor, or for a thing with no one named
    // to grant it, has no target.
    const bool untargeted_ask = (p.code.starts_with("02") || p.code.starts_with("10")) && (untargeted_force_ || !p.objects.empty());
    // "denied any involvement in the explosions", "expressed optimism that the talks would open": a
    // public comment named by its object noun is coded with its speaker alone.
    const bool untargeted_comment = p.code.starts_with("01") && !p.objects.empty() && !p.noun;
    // "opened an investigation into the Nord Stream blasts", "the crash is being investigated by
    // Kazakh authorities": an inquiry is its investigator's act even when no actor is investigated.
    const bool untargeted_inquiry = p.code.starts_with("09") && !p.noun;
    // CAMEO: a protest with no one named ("thousands of Kenyans marched through Nairobi") is
    // citizens acting on their own government: it takes the source's state as target.
    const std::string& sector = source.actor.sector;
    const bool security = sector == "COP" || sector == "MIL" || sector == "GOV" || sector == "SPY";
    // Only at home: a protest in a sentence naming another state ("rallied outside the Israeli
    // embassy in London") is not aimed at the protesters' own government.
    bool self_directed = target == nullptr && code != nullptr && !negated && !source.actor.country.empty() &&
                         code->root == "14" && source.actor.kind == "state" && !security && sector != "IGO" &&
                         !source.pronoun;
    for (std::uint32_t k = view.begin(); self_directed && k < view.end(); ++k) {
      const int m = view.mention_at(k);
      if (m < 0) continue;
      const std::string& country = view.mention(m).actor.country;
      self_directed = country.empty() || country == source.actor.country;
    }
    if (target == nullptr && !p.no_target && !self_directed &&
        !(untargeted_force_ && (is_force(p) || p.code.starts_with("11"))) && !untargeted_ask && !untargeted_comment && !untargeted_inquiry &&
        !(condemned_act_ && code != nullptr && code->code == "111")) {
      if (trace_ != nullptr) note(s, "'" + p.text + "': no target actor; not coded");
      return;
    }
    // Two people do not fight battles with each other: "Zelensky's clash with Trump", "Putin
    // attacked Biden" are verbal, and the statement carries them; armed force is coded between
    // states, forces and groups (a person may still be assassinated, abducted or assaulted: 18).
    if (target != nullptr && (code->root == "19" || code->root == "20") && source.actor.kind == "person" &&
        target->actor.kind == "person") {
      if (trace_ != nullptr) note(s, "'" + p.text + "': force between two people is a figure of speech; not coded");
      return;
    }
    // A nominal mention of an event already coded from a verb in this sentence is the same event.
    // "travelled to Washington for talks with Blinken": a trip and the talks it is for are two.
    if (p.noun) {
      const std::string target_id = target != nullptr ? as_event_actor(lex_, target->actor).id : std::string();
      for (auto it = out_.rbegin(); it != out_.rend() && it->sentence == s.index; ++it) {
        if (it->root == code->root && it->source.id == as_event_actor(lex_, source.actor).id &&
            (!it->target || target_id.empty() || it->target->id == target_id)) {
          return;
        }
      }
    }
    EventRecord e;
    e.sentence = s.index;
    e.span = s.span;
    e.date = date;
    e.source = as_event_actor(lex_, source.actor);
    if (target != nullptr) e.target = as_event_actor(lex_, target->actor);
    if (self_directed) {
      if (const std::uint32_t state = lex_.state_index(source.actor.country); state != UINT32_MAX) {
        e.target = actor_ref(lex_, state, kNoDay);
      }
    }
    // CAMEO codes a private person no dictionary knows by country and role ("the American
    // journalist Evan Gershkovich" is USAMED, "Swedish activist Greta Thunberg" SWECVL): as a
    // target, such a person stands for the state. Officials keep their own node.
    if (target != nullptr && target->via == "new" && target->actor.kind == "person" && !target->actor.country.empty() &&
        !target->actor.sector.empty() && target->actor.sector != "GOV") {
      if (const std::uint32_t state = lex_.state_index(target->actor.country); state != UINT32_MAX) {
        ActorRef ref = actor_ref(lex_, state, kNoDay);
        ref.text = target->actor.text;
        ref.span = target->actor.span;
        e.target = std::move(ref);
      }
    }
    // Force used inside one state ("Iraqi security forces raided a hideout near Kirkuk") is an
    // event of that state's forces, with no foreign target.
    // Violent repression (175) is of the state's own people: a place of the same state stays its target.
    if (e.target && e.target->id == e.source.id && is_force(p) && untargeted_force_ && !code->code.starts_with("175")) {
      e.target.reset();
    }
    // "North Korea fired a ballistic missile into the sea off its east coast": a missile fired into
    // the firer's own waters or land is a test, a show of force (150) with no target.
    if (e.target && e.target->id == e.source.id && !p.noun && (p.lemma == "fire" || p.lemma == "launch") &&
        (code->root == "19") && !negated) {
      if (const CameoCode* show = lex_.cameo("150"); show != nullptr) {
        code = show;
        e.target.reset();
      }
    }
    // "Kenya's police opened an investigation into the deaths in Nairobi": an inquiry at home is
    // the investigator's own act, with no foreign target.
    if (e.target && e.target->id == e.source.id && p.code.starts_with("09") && !p.noun) e.target.reset();
    // Repression by a state's forces of its people, and its people's protests against it, are
    // dyads within one state ("Georgian police used tear gas on protesters in Tbilisi").
    const bool domestic = (code->code.starts_with("175") && security) || (code->root == "14" && !security);
    if (e.target && e.target->id == e.source.id && !domestic) {
      if (trace_ != nullptr) note(s, "'" + p.text + "': source and target are the same actor; not coded");
      return;
    }
    // One act told twice in a sentence ("arrested Imran Khan", "a truck bomb killed ... in
    // Baghdad") is one event.
    for (auto it = out_.rbegin(); it != out_.rend() && it->sentence == s.index; ++it) {
      if (it->root == code->root && it->source.id == e.source.id && (it->target ? it->target->id : "") ==
          (e.target ? e.target->id : "") && it->negated == negated && it->modality == modality) {
        if (trace_ != nullptr) note(s, "'" + p.text + "': the same event as one coded before; not coded again");
        return;
      }
    }
    if (code == nullptr) return;
    e.code = code->code;
    e.root = code->root;
    e.label = code->label;
    e.plover = code->plover;
    e.quad_class = code->quad_class;
    e.goldstein = code->goldstein;
    e.trigger.span = Span{seg_.tokens[trigger_first].span.begin, seg_.tokens[trigger_end - 1].span.end};
    e.trigger.text = std::string(slice(doc_.text, e.trigger.span));
    e.negated = negated;
    e.modality = modality;
    e.confidence = target != nullptr ? 0.8 : 0.5;
    if (source.via == "coref" || source.via == "new") e.confidence -= 0.1;
    e.pattern = p.text;
    (void)view;
    if (trace_ != nullptr) note(s, "coded " + e.code + " '" + p.text + "': " + e.source.id + " -> " + (e.target ? e.target->id : "(none)") +
                (negated ? " negated" : "") + " " + to_string(modality));
    out_.push_back(std::move(e));
  }

  void code_sentence(const Sentence& s) {
    const SentenceView view(seg_, s, actors_.mentions);
    Date date;
    bool dated = false;
    for (std::uint32_t v = s.first_token; v < s.end_token; ++v) {
      const Token& t = seg_.tokens[v];
      if (t.kind != TokenKind::kWord || view.mention_at(v) >= 0) continue;
      // Only a verb or an event noun can be coded: any other word is passed over before the
      // tests of its context below.
      if (lex_.analyse_verb(seg_, v).empty() && lex_.event_nouns(seg_, v) == nullptr) continue;
      const std::string_view w = seg_.norm_of(t);
      // A capitalised word inside a sentence is a name or a month ("in March"), not a verb.
      // After a dateline ("KHARTOUM, April 15 (Reuters) - Fighting broke out") the report begins.
      const bool after_dateline = v >= s.first_token + 2 && seg_.tokens[v - 1].kind == TokenKind::kDash &&
                                  (view.norm(v - 2) == ")" || seg_.tokens[v - 2].kind == TokenKind::kNumber ||
                                   seg_.tokens[v - 2].all_caps);
      const bool sentence_initial =
          v == s.first_token || seg_.tokens[v - 1].kind == TokenKind::kQuote || after_dateline;
      if (t.upper && !t.all_caps && !sentence_initial) continue;
      // "accused Armenia of shelling ...": a gerund after "of"/"for" and an actor stays a verb.
      const bool accused_act = v >= s.first_token + 2 && (view.norm(v - 1) == "of" || view.norm(v - 1) == "for") &&
                               (view.mention_at(v - 2) >= 0 ||
                                (v >= s.first_token + 3 && view.norm(v - 2) == "other" && view.norm(v - 3) == "each") ||
                                (v >= s.first_token + 3 && view.norm(v - 2) == "another" && view.norm(v - 3) == "one")) &&
                               w.size() > 4 && w.ends_with("ing");
      // "after meeting on the sidelines", "by expelling its diplomats": a gerund adjunct is a verb.
      const bool gerund_adjunct = v >= s.first_token + 2 && w.size() > 4 && w.ends_with("ing") &&
                                  (view.norm(v - 1) == "by" || view.norm(v - 1) == "after" ||
                                   view.norm(v - 1) == "before" || view.norm(v - 1) == "while");
      const bool after_determiner = v > s.first_token && (view.is(v - 1, WordClass::kDeterminer) || view.norm(v - 1) == "'s" ||
                                                          (view.is(v - 1, WordClass::kPreposition) && view.norm(v - 1) != "to" &&
                                                           !accused_act && !gerund_adjunct) ||
                                                          (view.mention_at(v - 1) >= 0 && view.mention(view.mention_at(v - 1)).modifier));
      // "Russian-backed North Korea", "the US-led coalition", "Iran-backed militias": a participle
      // joined by a hyphen to a name before it is a compound adjective, not a reported act
      // ("test-fired" stays a verb).
      const bool compound = v >= s.first_token + 2 && seg_.tokens[v - 1].kind == TokenKind::kDash &&
                            seg_.tokens[v - 1].span.end == t.span.begin &&
                            seg_.tokens[v - 2].span.end == seg_.tokens[v - 1].span.begin &&
                            (view.mention_at(v - 2) >= 0 || seg_.tokens[v - 2].upper);
      bool coded = false;
      if (!after_determiner && !compound) {
        for (VerbAnalysis a : lex_.analyse_verb(seg_, v)) {
          const auto* patterns = lex_.verb_patterns(a.lemma);
          if (patterns == nullptr) continue;
          // "Kharkiv was hit by Russian glide bombs": a verb whose participle is its base form
          // ("hit", "cut", "put", "set") is a participle after a form of "be" or "have".
          if (a.form == VerbForm::kBase && v > s.first_token) {
            const std::string_view aux = view.norm(v - 1);
            if (aux == "was" || aux == "were" || aux == "is" || aux == "are" || aux == "been" || aux == "being" ||
                aux == "be" || aux == "has" || aux == "have" || aux == "had") {
              a.form = VerbForm::kPastOrParticiple;
            }
          }
          if (!dated) { date = dates_.of(static_cast<std::size_t>(&s - seg_.sentences.data())); dated = true; }
          std::uint32_t consumed = v + 1;
          coded = code_verb(s, view, v, a, *patterns, date, consumed) || coded;
          if (coded) {
            v = consumed - 1;
            break;
          }
        }
      }
      if (!coded) {
        const auto* nouns = lex_.event_nouns(seg_, v);
        if (nouns != nullptr) {
          if (!dated) { date = dates_.of(static_cast<std::size_t>(&s - seg_.sentences.data())); dated = true; }
          code_noun(s, view, v, *nouns, date);
        }
      }
    }
  }

  // "demanded that Manila withdraw", "urged that the talks resume": the clause is what an appeal
  // or demand (CAMEO roots 02 and 10) asks for, not an event.
  bool demanded(const SentenceView& view, std::uint32_t verb_start) const {
    const std::uint32_t start = view.clause_start(verb_start);
    if (start < view.begin() + 2 || view.norm(start - 1) != "that") return false;
    for (const auto& a : lex_.analyse_verb(seg_, start - 2)) {
      const auto* patterns = lex_.verb_patterns(a.lemma);
      if (patterns == nullptr) continue;
      for (std::uint32_t index : *patterns) {
        const std::string& code = lex_.event_patterns()[index].code;
        if (code.starts_with("02") || code.starts_with("10")) return true;
      }
    }
    return false;
  }

  // The patterns of a verb, most specific first: particle, required words, object, preposition.
  // `order` is a buffer the caller keeps, so that no verb allocates.
  const std::vector<std::uint32_t>& by_specificity(const std::vector<std::uint32_t>& patterns,
                                                   std::vector<std::uint32_t>& order) const {
    order.assign(patterns.begin(), patterns.end());
    auto rank = [this](std::uint32_t index) {
      const EventPattern& p = lex_.event_patterns()[index];
      return (p.particle.empty() ? 0 : 4) + (p.objects.empty() ? 0 : 2) + (p.preps.empty() ? 0 : 1) +
             (p.requires_words.empty() ? 0 : 3);
    };
    // A verb has a handful of patterns: an insertion sort, stable like std::stable_sort (equal
    // ranks keep the lexicon's order) and without its temporary buffer.
    for (std::size_t i = 1; i < order.size(); ++i) {
      const std::uint32_t index = order[i];
      const int r = rank(index);
      std::size_t j = i;
      for (; j > 0 && rank(order[j - 1]) < r; --j) order[j] = order[j - 1];
      order[j] = index;
    }
    return order;
  }

  static bool is_violent_act(std::string_view w) {
    static const WordList kActs = {
        "attack", "attacks", "bombing", "bombings", "killing", "killings", "shooting", "massacre", "assassination",
        "strike", "strikes", "airstrike", "airstrikes", "violence", "coup", "invasion", "execution", "executions",
        "abduction", "kidnapping", "shelling", "crackdown", "raid", "murder", "atrocities", "blast", "explosion"};
    return kActs.contains(w);
  }

  static bool is_human_group(std::string_view w) {
    static const WordList kGroups = {
        "militants", "insurgents", "rebels", "civilians", "people", "protesters", "demonstrators", "soldiers",
        "troops", "fighters", "gunmen", "policemen", "officers", "workers", "villagers", "residents", "children",
        "members", "suspects", "terrorists", "jihadists", "pirates", "smugglers", "migrants", "refugees",
        "journalists", "activists", "hostages", "prisoners", "worshippers", "pilgrims", "passengers", "students",
        "supporters", "crowd", "crowds", "sides", "parties", "mourners", "dissidents", "opponents", "critics", "farmers", "strikers",
        "activist", "journalist", "protester", "demonstrator", "suspect", "student", "dissident", "opponent",
        "critic", "supporter", "lawmaker", "lawmakers", "men", "women", "man", "woman",
        "militant", "insurgent", "rebel", "civilian", "soldier", "fighter", "hideout", "hideouts", "camp", "camps",
        "positions", "position", "stronghold", "strongholds", "village", "villages", "town", "convoy", "tanker",
        "ship", "vessel", "boat", "plane"};
    return kGroups.contains(w);
  }

  // Whether the sentence has one of the words a pattern requires ("hit" needs a weapon named).
  bool requires_met(const Sentence& s, const EventPattern& p) const {
    if (p.requires_words.empty()) return true;
    for (std::uint32_t k = s.first_token; k < s.end_token; ++k) {
      if (lex_.token_in(p.required_terms, seg_, k, true)) return true;
    }
    return false;
  }

  // Matches the particle words of a phrasal pattern after the verb at v; `after` gets the token
  // after them.
  bool particle_follows(const SentenceView& view, const EventPattern& p, std::uint32_t v, std::uint32_t& after) const {
    after = v + 1;
    std::string_view rest = p.particle;
    while (!rest.empty()) {
      const auto space = rest.find(' ');
      const std::string_view word = rest.substr(0, space);
      if (after >= view.end() || view.norm(after) != word) return false;
      ++after;
      rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    }
    return true;
  }

  // "threatened to impose tariffs on Mexico", "threatened to attack Cyprus": the threatened act is
  // not an event, but it names what the threat is about (CAMEO 13x) and whom it is aimed at.
  bool code_threatened(const Sentence& s, const SentenceView& view, std::uint32_t v, const VerbGroup& group,
                       const std::vector<std::uint32_t>& patterns, const Date& date, std::uint32_t& consumed) {
    if (group.start < view.begin() + 2 || view.norm(group.start - 1) != "to") return false;
    const std::uint32_t c = group.start - 2;
    if (view.mention_at(c) >= 0) return false;
    const VerbAnalysis* threaten = nullptr;
    for (const VerbAnalysis& ca : lex_.analyse_verb(seg_, c)) {
      if (ca.lemma == "threaten" && ca.form != VerbForm::kGerund) threaten = &ca;
    }
    if (threaten == nullptr) return false;
    const VerbGroup controller = verb_group(view, lex_, c, threaten->form);
    if (controller.embedded || controller.passive) return false;
    const int source = view.subject_before(controller.start);
    if (source < 0) return false;
    std::uint32_t untargeted_force_end = 0;
    for (std::uint32_t index : by_specificity(patterns, threat_order_)) {
      const EventPattern& p = lex_.event_patterns()[index];
      // A threatened blockade or other force with no target by definition is aimed at the
      // condition's actor, when there is one.
      if ((p.no_target && !is_force(p)) || !requires_met(s, p)) continue;
      std::uint32_t after = v + 1;
      if (!p.particle.empty() && !particle_follows(view, p, v, after)) continue;
      std::uint32_t object_at = UINT32_MAX;
      int target = target_after(view, after, p, object_at);
      // "threatened to close the Strait of Hormuz if the United States attacked": a threat with
      // no actor in the act is aimed at the one whose conduct is its condition.
      if (target == -1) {
        const std::uint32_t from = object_at != UINT32_MAX ? object_at + 1 : after;
        for (std::uint32_t k = from; k + 1 < view.end() && k < from + 8; ++k) {
          const std::string_view w = view.norm(k);
          if (w == "." || w == ";" || (view.mention_at(k) < 0 && is_subordinator(w) && w != "if" && w != "unless")) break;
          if (view.mention_at(k) >= 0 || (w != "if" && w != "unless")) continue;
          const int m = view.np_mention_after(k + 1, std::min<std::uint32_t>(view.end(), k + 5));
          if (m >= 0 && !view.mention(m).pronoun && view.mention(m).actor.id != view.mention(source).actor.id) target = m;
          break;
        }
      }
      if (target == -1 && is_force(p) && untargeted_force_end == 0) {
        untargeted_force_end = object_at != UINT32_MAX ? object_at + 1 : after;
      }
      if (target < 0) continue;
      const CameoCode* acted = lex_.cameo(p.code);
      if (acted == nullptr) continue;
      // CAMEO: threats of force (138), of sanctions or embargo (1312), of cutting relations (1313).
      EventPattern threat;
      threat.code = "130";
      if (acted->root == "17" || acted->root == "18" || acted->root == "19" || acted->root == "20") threat.code = "138";
      else if (acted->code.starts_with("163")) threat.code = "1312";
      else if (acted->root == "16") threat.code = "1313";
      threat.text = "threaten to " + p.text;
      const Modality modality = clause_modality(view, c, controller.modality);
      const std::uint32_t trigger_end = object_at != UINT32_MAX ? object_at + 1 : after;
      for (int si : view.coordinated(source)) {
        for (int ti : view.coordinated(target)) {
          emit(s, view, threat, c, trigger_end, view.mention(si), &view.mention(ti), controller.negated, modality, date);
        }
      }
      consumed = trigger_end;
      return true;
    }
    // "threatened to close the Strait of Hormuz", "threatened to crush any further protests": a
    // threat of force is the threatener's event even when it names no one it is aimed at.
    if (untargeted_force_end != 0) {
      EventPattern threat;
      threat.code = "138";
      threat.text = "threaten to " + std::string(view.norm(v));
      threat.no_target = true;
      const Modality modality = clause_modality(view, c, controller.modality);
      for (int si : view.coordinated(source)) {
        emit(s, view, threat, c, untargeted_force_end, view.mention(si), nullptr, controller.negated, modality, date);
      }
      consumed = untargeted_force_end;
      return true;
    }
    return false;
  }

  // "vowed to retaliate", "threatened to respond with force", "vowed to hit back": a promised
  // answer to an act is a threat (CAMEO 130; 138 when the answer is force), made now, whether or
  // not the sentence names whom it is aimed at. The target is the one answered ("to respond to
  // Israel's strikes"), the one whose conduct is the condition ("if Manila continued"), or the one
  // the sentence has just blamed ("blamed Israel ... and vowed to retaliate").
  bool code_response_threat(const Sentence& s, const SentenceView& view, std::uint32_t v, const VerbAnalysis& a,
                            std::uint32_t inf, const Date& date, std::uint32_t& consumed) {
    if (a.lemma != "threaten" && a.lemma != "vow" && a.lemma != "pledge" && a.lemma != "promise") return false;
    if (a.form == VerbForm::kGerund || inf >= view.end()) return false;
    std::string_view answer;
    for (const VerbAnalysis& ia : lex_.analyse_verb(seg_, inf)) {
      if (ia.form != VerbForm::kBase) continue;
      if (ia.lemma == "respond" || ia.lemma == "react" || ia.lemma == "retaliate" || ia.lemma == "avenge") answer = ia.lemma;
      if ((ia.lemma == "hit" || ia.lemma == "strike") && inf + 1 < view.end() && view.norm(inf + 1) == "back") answer = "retaliate";
    }
    if (answer.empty()) return false;
    const VerbGroup group = verb_group(view, lex_, v, a.form);
    if (group.embedded || group.passive) return false;
    int source = view.subject_before(group.start);
    if (group.start > view.begin() + 1 && (view.norm(group.start - 1) == "and" || view.norm(group.start - 1) == "but") &&
        (source < 0 || verb_between(view, source, group.start))) {
      source = earlier_subject(view, group.start - 1);
    }
    if (source < 0) return false;
    bool force = answer == "retaliate" || answer == "avenge";
    int target = -1;
    std::uint32_t end = inf + 1;
    if (end < view.end() && view.norm(end) == "back") ++end;
    for (std::uint32_t k = end; k < view.end() && k < end + 8; ++k) {
      const std::string_view w = view.norm(k);
      if (w == "." || w == ";" || (w == "," && target < 0 && k > end)) break;
      if (view.mention_at(k) < 0 && (w == "force" || w == "militarily" || w == "military")) force = true;
      if (target >= 0) continue;
      if (view.mention_at(k) < 0 && (w == "against" || w == "to" || w == "on")) {
        const int m = possessed_head(view, view.np_mention_after(k + 1, std::min<std::uint32_t>(view.end(), k + 6)));
        if (m >= 0 && !view.mention(m).pronoun) target = m;
        continue;
      }
      // "vowed to retaliate after US and British warplanes struck": the one whose act is answered.
      if (view.mention_at(k) < 0 && w == "after") {
        const int m = possessed_head(view, view.np_mention_after(k + 1, std::min<std::uint32_t>(view.end(), k + 5)));
        if (m >= 0 && !view.mention(m).pronoun) target = m;
        break;
      }
      if (view.mention_at(k) < 0 && (w == "if" || w == "unless" || w == "should")) {
        const int m = view.np_mention_after(k + 1, std::min<std::uint32_t>(view.end(), k + 5));
        if (m >= 0 && !view.mention(m).pronoun) target = m;
        break;
      }
      if (view.mention_at(k) < 0 && is_subordinator(w)) break;
    }
    if (target >= 0 && view.mention(target).actor.id == view.mention(source).actor.id) target = -1;
    if (target < 0) {
      // The act just blamed on someone in this sentence, or the force just used on the source, is
      // what the threat answers: "India struck ... and Islamabad vowed to respond".
      const std::string source_id = as_event_actor(lex_, view.mention(source).actor).id;
      for (auto it = out_.rbegin(); it != out_.rend() && it->sentence == s.index; ++it) {
        std::string answered;
        if (it->root == "11" && it->target && it->source.id == source_id) answered = it->target->id;
        const bool force_used = it->root == "17" || it->root == "18" || it->root == "19" || it->root == "20";
        if (force_used && it->target && it->target->id == source_id) answered = it->source.id;
        if (answered.empty()) continue;
        for (std::uint32_t k = view.begin(); k < group.start && target < 0; ++k) {
          const int m = view.mention_at(k);
          if (m >= 0 && !view.mention(m).pronoun && as_event_actor(lex_, view.mention(m).actor).id == answered) target = m;
        }
        break;
      }
    }
    EventPattern threat;
    threat.code = force ? "138" : "130";
    threat.text = std::string(a.lemma) + " to " + std::string(answer);
    threat.no_target = true;
    Modality modality = clause_modality(view, v, group.modality);
    const Mention& src = view.mention(source);
    if (modality == Modality::kAsserted && (in_quote(seg_.tokens[v].span) || reported_context(view, src.first_token))) {
      modality = Modality::kReported;
    }
    // The conditional of the answer ("if Manila continued") does not make the threat conditional.
    if (modality == Modality::kConditional) modality = Modality::kAsserted;
    for (int si : view.coordinated(source)) {
      if (target < 0) {
        emit(s, view, threat, v, end, view.mention(si), nullptr, group.negated, modality, date);
        continue;
      }
      for (int ti : view.coordinated(target)) {
        emit(s, view, threat, v, end, view.mention(si), &view.mention(ti), group.negated, modality, date);
      }
    }
    consumed = end;
    return true;
  }

  // Returns whether an event was coded; `consumed` gets the end of its trigger (the object noun
  // of "open talks" is not coded again as a noun or verb).
  bool code_verb(const Sentence& s, const SentenceView& view, std::uint32_t v, const VerbAnalysis& a,
                 const std::vector<std::uint32_t>& patterns, const Date& date, std::uint32_t& consumed) {
    // "the shooting at a concert hall outside Moscow, which killed 140 people": the antecedent of a
    // relative "which" is the head of the phrase, not an actor inside one of its prepositional
    // phrases.
    if (v >= s.first_token + 3 && view.norm(v - 1) == "which" && view.norm(v - 2) == ",") {
      const int m = view.mention_at(v - 3);
      if (m >= 0) {
        std::uint32_t k = view.mention(m).first_token;
        while (k > s.first_token && view.mention_at(k - 1) < 0 && view.is(k - 1, WordClass::kDeterminer)) --k;
        const std::string_view before = k > s.first_token ? view.norm(k - 1) : std::string_view();
        if (k > s.first_token && view.mention_at(k - 1) < 0 &&
            (is_preposition(before) || before == "outside" || before == "inside" || before == "beyond")) {
          if (trace_ != nullptr) note(s, "'" + std::string(view.norm(v)) + "': the relative clause tells of a phrase that names no actor; not coded");
          return false;
        }
      }
    }
    // "carrying deported migrants", "the detained journalists", "two seized tankers": a participle
    // after a determiner, a number or a gerund modifies the noun after it and tells of no act.
    if ((a.form == VerbForm::kPastOrParticiple || a.form == VerbForm::kParticiple) && v > s.first_token &&
        view.mention_at(v - 1) < 0 && v + 1 < view.end() && seg_.tokens[v + 1].kind == TokenKind::kWord &&
        !view.is(v + 1, WordClass::kPreposition) && !view.is(v + 1, WordClass::kDeterminer)) {
      static const WordList kModifierDeterminers = {"the", "a", "an", "this", "these", "those", "its",
                                                                  "his", "her", "their", "our", "my", "your", "another"};
      const std::string_view prev = view.norm(v - 1);
      bool modifier = seg_.tokens[v - 1].kind == TokenKind::kNumber ||
                      kModifierDeterminers.contains(prev);
      if (!modifier && prev != "being" && prev != "having" && prev != "getting") {
        for (const VerbAnalysis& g : lex_.analyse_verb(prev)) modifier = modifier || g.form == VerbForm::kGerund;
      }
      if (modifier) {
        if (trace_ != nullptr) note(s, "'" + std::string(view.norm(v)) + "': a participle modifying the noun after it; not coded");
        return false;
      }
    }
    // "in a deal brokered by China", "met in talks mediated by Qatar's emir": a participle after a
    // noun with a by-agent is a reduced passive; the mediator acts on the parties, named by
    // "between" in the noun phrase or else the subject of the clause.
    if ((a.form == VerbForm::kPastOrParticiple || a.form == VerbForm::kParticiple) && v > s.first_token + 1 &&
        v + 2 < view.end() && view.norm(v + 1) == "by" && view.mention_at(v - 1) < 0 &&
        seg_.tokens[v - 1].kind == TokenKind::kWord && !seg_.tokens[v - 1].upper && !view.is(v - 1, WordClass::kAuxiliary)) {
      const EventPattern* mediation = nullptr;
      for (std::uint32_t index : patterns) {
        const EventPattern& p = lex_.event_patterns()[index];
        if (p.code.starts_with("045") && (mediation == nullptr || p.no_target)) mediation = &p;
      }
      int agent = possessed_head(view, view.np_mention_after(v + 2, std::min<std::uint32_t>(view.end(), v + 8)));
      // "mediated by Qatar's emir, Sheikh Tamim bin Hamad Al Thani": a title the lexicon does not
      // resolve, named in apposition.
      for (std::uint32_t k = v + 2; agent < 0 && k + 1 < view.end() && k < v + 7; ++k) {
        if (view.norm(k) != ",") continue;
        const int named = view.mention_at(k + 1);
        if (named >= 0 && view.mention(named).first_token == k + 1 && view.mention(named).actor.kind == "person") agent = named;
        break;
      }
      if (mediation != nullptr && agent >= 0 && !view.mention(agent).pronoun) {
        std::vector<int> parties;
        for (std::uint32_t k = v - 1; k > s.first_token && k + 8 > v && parties.empty(); --k) {
          if (view.norm(k - 1) != "between") continue;
          const int first = view.np_mention_after(k, v);
          if (first >= 0) parties = view.coordinated(first);
        }
        if (parties.empty()) {
          const int subject = earlier_subject(view, v - 1);
          if (subject >= 0) parties = view.coordinated(subject);
        }
        Modality modality = clause_modality(view, v, Modality::kAsserted);
        if (modality == Modality::kAsserted &&
            (in_quote(seg_.tokens[v].span) || reported_context(view, view.mention(agent).first_token))) {
          modality = Modality::kReported;
        }
        const std::size_t coded_before = out_.size();
        for (int party : parties) {
          // "Trump wrote that, after talks brokered by Washington, ...": a mediator's own state's
          // people are no party to the talks it mediates.
          const std::string& party_country = view.mention(party).actor.country;
          if (party == agent || (!party_country.empty() && party_country == view.mention(agent).actor.country)) continue;
          emit(s, view, *mediation, v, v + 1, view.mention(agent), &view.mention(party), false, modality, date);
        }
        if (out_.size() > coded_before) {
          consumed = v + 1;
          return true;
        }
      }
    }
    // Gerunds and bare participles without auxiliaries are usually modifiers or nominal uses.
    // "accused Armenia of shelling its positions": the accused act is coded, reported, with the
    // accused as its source. Other gerunds are nominal or modifiers.
    int accused = -1;
    // "Russia and Ukraine accused each other of violating the truce": each party's act on the other.
    std::vector<int> each_other;
    if (a.form == VerbForm::kGerund && v >= s.first_token + 4 && view.norm(v - 1) == "of" &&
        ((view.norm(v - 3) == "each" && view.norm(v - 2) == "other") ||
         (view.norm(v - 3) == "one" && view.norm(v - 2) == "another"))) {
      bool accuse = false;
      for (const VerbAnalysis& d : lex_.analyse_verb(seg_, v - 4)) accuse = accuse || d.lemma == "accuse";
      const int subject = accuse ? view.subject_before(v - 4) : -1;
      if (subject >= 0) each_other = view.coordinated(subject);
      if (each_other.size() > 1) accused = each_other.front();
      else each_other.clear();
    }
    if (accused < 0 && a.form == VerbForm::kGerund && v >= s.first_token + 2 && (view.norm(v - 1) == "of" || view.norm(v - 1) == "for")) {
      const int m = view.mention_at(v - 2);
      if (m >= 0 && view.mention(m).end_token == v - 1) accused = m;
      // "Russia was accused by Ukraine of striking": the accused is the passive subject, not the
      // by-agent.
      if (accused >= 0) {
        const std::uint32_t first = view.mention(accused).first_token;
        if (first > s.first_token + 1 && view.norm(first - 1) == "by" && view.norm(first - 2) == "accused") {
          accused = -1;
          for (std::uint32_t k = view.clause_start(first - 2); k + 2 < first && accused < 0; ++k) {
            const int subject = view.mention_at(k);
            if (subject >= 0 && !view.mention(subject).pronoun) accused = subject;
          }
        }
      }
    }
    // "declared martial law, accusing the opposition of ...", "spoke with Blinken, urging
    // Washington to ...": a participle clause after a comma says what the main subject did; only
    // verbal acts (CAMEO roots 01 to 16) are coded so, as "..., killing 20" restates the attack.
    int shared_subject = -1;
    if (a.form == VerbForm::kGerund && accused < 0 && v > s.first_token + 1 && view.norm(v - 1) == ",") {
      bool verbal = false;
      for (std::uint32_t index : patterns) {
        const std::string& code = lex_.event_patterns()[index].code;
        verbal = verbal || code < "17";
      }
      if (verbal) shared_subject = earlier_subject(view, v - 1);
    }
    // "filed a case at the International Court of Justice accusing Israel of genocide", "sent a
    // letter to the Security Council urging ...": a document's gerund is its author's act.
    if (a.form == VerbForm::kGerund && accused < 0 && shared_subject < 0 && v > s.first_token + 2 &&
        view.norm(v - 1) != ",") {
      static const WordList kDocuments = {"case", "lawsuit", "suit", "complaint", "letter", "statement",
                                                        "resolution", "motion", "petition", "communique", "declaration",
                                                        "report", "note", "memorandum"};
      bool verbal = false;
      for (std::uint32_t index : patterns) verbal = verbal || lex_.event_patterns()[index].code < "17";
      for (std::uint32_t k = v; verbal && k > s.first_token && k + 9 > v;) {
        --k;
        const std::string_view w = view.norm(k);
        if (w == "," || w == ";" || (view.mention_at(k) < 0 && is_subordinator(w))) break;
        if (view.mention_at(k) >= 0 || seg_.tokens[k].upper) continue;
        if (kDocuments.contains(w) || kDocuments.contains(lex_.singular(w))) {
          // Only its author's: "vetoed a resolution calling for", "blocked EU statements
          // criticising China" tell of someone else's document.
          static const WordList kAuthoring = {"file", "lodge", "submit", "send", "issue", "release",
                                                            "publish", "deliver", "present", "table", "write", "bring"};
          for (std::uint32_t j = k; j > s.first_token && j + 6 > k;) {
            --j;
            if (!verb_between_tokens(view, j)) continue;
            bool authoring = false;
            for (const VerbAnalysis& d : lex_.analyse_verb(seg_, j)) {
              authoring = authoring || kAuthoring.contains(d.lemma);
            }
            if (authoring) shared_subject = earlier_subject(view, j + 1);
            break;
          }
          break;
        }
        if (verb_between_tokens(view, k)) break;
      }
    }
    // "defied UN resolutions by test-firing a missile", "agreed to improve ties after meeting on
    // the sidelines": a gerund after "by", "after", "before" or "while" is the main subject's act.
    if (a.form == VerbForm::kGerund && accused < 0 && shared_subject < 0 && v > s.first_token + 1 &&
        view.mention_at(v - 1) < 0 &&
        (view.norm(v - 1) == "by" || view.norm(v - 1) == "after" || view.norm(v - 1) == "before" ||
         view.norm(v - 1) == "while")) {
      shared_subject = earlier_subject(view, v - 1);
    }
    // "Russia denied striking the hospital", "Pakistan denied firing on Indian positions": the
    // denied act is coded, negated, with the denier as its source.
    if (a.form == VerbForm::kGerund && accused < 0 && shared_subject < 0 && v > s.first_token + 1 &&
        view.mention_at(v - 1) < 0) {
      bool deny = false;
      for (const VerbAnalysis& d : lex_.analyse_verb(seg_, v - 1)) {
        deny = deny || (d.lemma == "deny" && d.form != VerbForm::kGerund && d.form != VerbForm::kBase);
      }
      if (deny) shared_subject = view.subject_before(v - 1);
    }
    if (a.form == VerbForm::kGerund && accused < 0 && shared_subject < 0 &&
        (v == s.first_token || !view.is(v - 1, WordClass::kAuxiliary))) {
      return false;
    }
    // "killed 50 fighters in air strikes", "drone attacks on the port": a third-person form after
    // a weapon word is the plural head of a compound noun.
    if (a.form == VerbForm::kThird && v > s.first_token && view.mention_at(v - 1) < 0 && !seg_.tokens[v - 1].upper) {
      // Adjectives are never the subject either: "the news of terrorist attacks in Israel".
      static const WordList kWeapons = {"air", "drone", "missile", "rocket", "artillery", "naval",
                                                      "mortar", "cruise", "bomb", "suicide", "retaliatory", "cyber",
                                                      "terrorist", "militant", "jihadist", "insurgent", "deadly",
                                                      "fresh", "repeated", "further", "massive", "heavy", "new"};
      if (kWeapons.contains(view.norm(v - 1))) return false;
    }
    // "Iraqi security forces raided": a plural noun, not a verb, stands before a past-tense verb.
    if (a.form == VerbForm::kThird && v + 1 < view.end() && view.mention_at(v + 1) < 0) {
      for (const VerbAnalysis& next : lex_.analyse_verb(seg_, v + 1)) {
        if (next.form == VerbForm::kPast || next.form == VerbForm::kPastOrParticiple) return false;
      }
    }
    // "an Israeli drone strike", "a missile attack", "peace talks": a base form right after a
    // singular common noun is the head of a compound noun (a singular subject would take "strikes").
    if (a.form == VerbForm::kBase && v > s.first_token && view.mention_at(v - 1) < 0) {
      const Token& prev = seg_.tokens[v - 1];
      const std::string_view w = view.norm(v - 1);
      // "a July strike", "the Kremlin attack": article, word, base form.
      if (v > s.first_token + 1 && prev.kind == TokenKind::kWord && !is_auxiliary(w) && !is_modal(w) &&
          (view.norm(v - 2) == "a" || view.norm(v - 2) == "an" || view.norm(v - 2) == "the")) {
        return false;
      }
      if (prev.kind == TokenKind::kWord && !prev.upper && w.size() > 2 && !w.ends_with('s') && !is_auxiliary(w) &&
          !is_modal(w) && !is_negation(w) && !is_preposition(w) && !is_determiner(w) && !is_subordinator(w) &&
          !w.ends_with("ly") && w != "and" && w != "or" && w != "they" && w != "we" && w != "you" && w != "also" &&
          w != "jointly" && lex_.analyse_verb(seg_, v - 1).empty()) {
        return false;
      }
    }
    // "agreed to share", "refused to hand over", "vowed to retaliate": the controlling verb is not
    // an act of its own; the verb after it is coded with the intent, future or negation it adds.
    std::uint32_t to_at = v + 1;
    if (to_at < view.end() && view.mention_at(to_at) < 0) to_at = time_adverbial_end(view, to_at);
    if (to_at + 1 < view.end() && view.norm(to_at) == "to" && view.mention_at(to_at + 1) < 0 &&
        !view.is(to_at + 1, WordClass::kDeterminer) && !lex_.analyse_verb(seg_, to_at + 1).empty() &&
        is_controller(a.lemma)) {
      // "declined to comment": the pattern names the infinitive as its particle.
      bool phrasal = false;
      for (std::uint32_t index : patterns) {
        const EventPattern& p = lex_.event_patterns()[index];
        std::uint32_t after = 0;
        phrasal = phrasal || (p.particle.starts_with("to ") && particle_follows(view, p, v, after));
      }
      if (!phrasal) {
        if (code_response_threat(s, view, v, a, to_at + 1, date, consumed)) return true;
        if (trace_ != nullptr) note(s, "'" + std::string(view.norm(v)) + "': controls the verb after it; not coded itself");
        return false;
      }
    }
    const VerbGroup group = verb_group(view, lex_, v, a.form);
    static const WordList kConceded = {"accept", "agree", "approve", "support", "back", "sign",
                                                     "ratify", "endorse", "lift", "allow", "join", "resume"};
    if (kConceded.contains(a.lemma) && !group.negated &&
        !group.embedded && code_condition(s, view, v, group, date)) {
      return true;
    }
    if (group.embedded && code_threatened(s, view, v, group, patterns, date, consumed)) return true;
    if (group.embedded || demanded(view, group.start)) {
      if (trace_ != nullptr) note(s, "'" + std::string(view.norm(v)) + "': asked for, threatened or urged by another act; not coded");
      return false;
    }
    // Choose the most specific pattern that applies: particle and object patterns first.
    const std::vector<std::uint32_t>& order = by_specificity(patterns, verb_order_);
    // "Pakistani troops killed five militants": force against people who are no actor is still
    // an event of the side that uses it, coded without target.
    // "India condemned the terrorist attack in Pahalgam": disapproval of an act whose agent is not
    // named is coded without target.
    untargeted_force_ = false;
    condemned_act_ = false;
    for (std::uint32_t k = v + 1; k < view.end() && k < v + 7; ++k) {
      const std::string_view w = view.norm(k);
      // "detained more than 100 people": a comparative quantity stays in the object.
      if (w == "than" && k > v + 1 && (view.norm(k - 1) == "more" || view.norm(k - 1) == "fewer" || view.norm(k - 1) == "less")) {
        continue;
      }
      if (view.mention_at(k) >= 0 || w == "." || w == "," || w == ";" ||
          (is_preposition(w) && w != "of" && w != "at" && w != "on" && w != "against")) {
        break;
      }
      if (is_human_group(w)) {
        untargeted_force_ = true;
        break;
      }
      if (is_violent_act(w)) {
        condemned_act_ = true;
        break;
      }
    }
    // Patterns are tried from the most specific; one that needs a prepositional target it cannot
    // find gives way to a less specific one, and is used without target only when none fits.
    int fallback = -1;
    for (std::size_t pass = 0; pass < 2; ++pass) {
    for (std::uint32_t index : order) {
      if (pass == 1 && static_cast<int>(index) != fallback) continue;
      const EventPattern& p = lex_.event_patterns()[index];
      std::uint32_t after = v + 1;
      if (!p.particle.empty()) {
        // Phrasal verb: the particle words follow the verb (possibly after the object: skip that).
        std::string_view rest = p.particle;
        std::uint32_t k = after;
        bool ok = true;
        while (!rest.empty()) {
          const auto space = rest.find(' ');
          const std::string_view word = rest.substr(0, space);
          if (k >= view.end() || view.norm(k) != word) { ok = false; break; }
          ++k;
          rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
        }
        if (!ok) continue;
        after = k;
      }
      if (!requires_met(s, p)) continue;
      std::uint32_t object_at = UINT32_MAX;
      int subject = accused >= 0 ? accused : shared_subject >= 0 ? shared_subject : view.subject_before(group.start);
      // "Erdogan said ... and cancelled a planned trip", "Russia invaded Ukraine and killed ...": a
      // verb coordinated with an earlier one shares its subject.
      if (accused < 0 && shared_subject < 0 && !group.passive && group.start > view.begin() + 1 &&
          (view.norm(group.start - 1) == "and" || view.norm(group.start - 1) == "but") &&
          (subject < 0 || verb_between(view, subject, group.start))) {
        subject = earlier_subject(view, group.start - 1);
      } else if (accused < 0 && shared_subject < 0 && !group.passive && subject >= 0 && group.start > view.begin() + 1 &&
                 (view.norm(group.start - 1) == "and" || view.norm(group.start - 1) == "but")) {
        // "condemned the M23 offensive in eastern Congo and called on Rwanda": the actor nearest
        // the second verb sits in the first verb's object; the first verb's subject is shared.
        const int earlier = earlier_subject(view, group.start - 1);
        if (earlier >= 0 && earlier != subject && view.mention(earlier).end_token <= view.mention(subject).first_token &&
            verb_between(view, earlier, view.mention(subject).first_token)) {
          subject = earlier;
        }
      }
      // "Gunmen from the Baloch Liberation Army attacked a train", "Fighters loyal to Haftar
      // shelled": people who are no actor act for the group or state they belong to.
      if (subject < 0 && !group.passive) {
        const std::uint32_t clause = view.clause_start(group.start);
        subject = affiliation_of_people(view, clause, group.start);
      }
      int target = -1;
      int source = subject;
      if (group.passive) {
        if (!p.passive) continue;
        // "Iran was sanctioned by the US": the subject is the target, the by-agent the source.
        target = subject;
        // "Kharkiv was hit by Russian glide bombs", "Bakhmut was captured by Wagner fighters": a
        // place right before the passive is what force hit or took.
        if (target < 0 && is_force(p) && group.start > view.begin()) {
          const int place = view.mention_at(group.start - 1);
          if (place >= 0 && view.mention(place).end_token == group.start &&
              (view.mention(place).actor.kind == "state" ||
               (view.mention(place).actor.kind == "location" && !view.mention(place).actor.country.empty()))) {
            target = place;
          }
        }
        source = -1;
        for (std::uint32_t k = after; k < std::min<std::uint32_t>(view.end(), after + 8); ++k) {
          if (view.norm(k) == "by") { source = possessed_head(view, view.np_mention_after(k + 1, view.end())); break; }
        }
        // "a Polish aid worker was killed in an Israeli air strike": the force named after "in"
        // is the agent's.
        if (source < 0 && is_force(p)) source = force_modifier(view, after);
        // "Dozens of civilians were killed by JNIM militants in an attack on the town of Barsalogho
        // in central Burkina Faso": people who are no actor were hit where the place says.
        if (target < 0 && source >= 0 && is_force(p)) {
          const std::uint32_t from = view.mention(source).end_token;
          const int place = place_target(view, from, std::min<std::uint32_t>(view.end(), from + 14));
          if (place >= 0 && as_event_actor(lex_, view.mention(place).actor).id !=
                                as_event_actor(lex_, view.mention(source).actor).id) {
            target = place;
          }
        }
        // "The detention of a French aid worker by Iranian authorities was condemned by Paris": the
        // disapproved act's agent, named in the subject, is whom the disapproval is aimed at.
        if (target < 0 && (p.code.starts_with("11") || p.code.starts_with("12"))) {
          for (std::uint32_t k = view.clause_start(group.start); k + 1 < group.start; ++k) {
            if (view.norm(k) != "by" || view.mention_at(k) >= 0) continue;
            const int agent = possessed_head(view, view.np_mention_after(k + 1, group.start));
            if (agent >= 0 && !view.mention(agent).pronoun) target = agent;
            break;
          }
        }
        if (!p.objects.empty()) {
          // "The declaration was signed by X and Y": the subject must be one of the objects.
          bool object_subject = false;
          for (std::uint32_t k = view.clause_start(group.start); k < group.start && !object_subject; ++k) {
            object_subject = lex_.token_in(p.object_terms, seg_, k, true);
          }
          // "Iran was hit with new sanctions by the United States", "Ukraine will be supplied with
          // tanks by Germany": the object after "with", the subject receives it.
          bool object_with = false;
          if (!object_subject && after < view.end() && view.norm(after) == "with") {
            for (std::uint32_t k = after + 1; k < view.end() && k < after + 7 && view.norm(k) != "by"; ++k) {
              object_with = object_with || lex_.token_in(p.object_terms, seg_, k, true);
            }
          }
          if (!object_subject && !object_with) continue;
          if (object_subject) {
            target = -1;
            // "Sanctions on Belarus's national airline were lifted by Washington": the pattern's
            // preposition after the object in the subject names the target.
            for (std::uint32_t k = view.clause_start(group.start); k + 2 < group.start; ++k) {
              if (!lex_.token_in(p.object_terms, seg_, k, true)) continue;
              if (lex_.token_in(p.prep_terms, seg_, k + 1, false)) {
                const int m = possessed_head(view, view.np_mention_after(k + 2, group.start));
                if (m >= 0 && !view.mention(m).pronoun) target = m;
              }
              break;
            }
          }
        }
      } else {
        target = target_after(view, after, p, object_at);
        if (target == -2) continue;
        // "expelled three French diplomats, accusing them of subversion": an unresolved object
        // pronoun of a participle clause is the main verb's object.
        if (target < 0 && shared_subject >= 0 && after < view.end() && view.mention_at(after) < 0 &&
            (view.norm(after) == "them" || view.norm(after) == "it" || view.norm(after) == "him" || view.norm(after) == "her")) {
          for (std::uint32_t k = v - 1; k > view.mention(shared_subject).end_token;) {
            --k;
            const int m = view.mention_at(k);
            // "expelled seven senior UN officials, including the head of its humanitarian
            // operation, accusing them": pronouns and places inside the object are passed over.
            if (m < 0 || view.mention(m).pronoun || view.mention(m).actor.kind == "location") continue;
            if (m != shared_subject) target = m;
            break;
          }
        }
        // "Thailand accused Cambodia of violating the ceasefire": a truce binds the accused to the
        // accuser, whom the alleged violation is aimed at.
        if (target < 0 && accused >= 0 && p.code.starts_with("196")) {
          const int accuser = view.subject_before(view.mention(accused).first_token);
          if (accuser >= 0 && accuser != accused) target = accuser;
        }
        if (target < 0 && p.code.starts_with("14") && source >= 0) {
          target = purpose_target(view, object_at != UINT32_MAX ? object_at + 1 : after, view.mention(source));
        }
        // "Ukraine and Russia blamed each other": coordinated subjects act on one another.
        const bool reciprocal = after + 1 < view.end() && view.mention_at(after) < 0 &&
                                ((view.norm(after) == "each" && view.norm(after + 1) == "other") ||
                                 (view.norm(after) == "one" && view.norm(after + 1) == "another"));
        if (reciprocal && target < 0 && source >= 0 && view.coordinated(source).size() > 1) {
          const std::vector<int> parties = view.coordinated(source);
          const Modality reciprocal_modality = clause_modality(view, v, group.modality);
          for (int a_side : parties) {
            for (int b_side : parties) {
              if (a_side != b_side) {
                emit(s, view, p, v, after + 2, view.mention(a_side), &view.mention(b_side), group.negated,
                     reciprocal_modality, date, group.intent);
              }
            }
          }
          consumed = after + 2;
          return true;
        }
        // "Saudi Arabia and Iran agreed to restore relations in a deal brokered by China": the
        // broker of a symmetric act between coordinated subjects is not its target.
        if (p.symmetric && target >= 0 && source >= 0 && view.coordinated(source).size() > 1 &&
            object_at != UINT32_MAX && object_author(view, object_at, std::min<std::uint32_t>(view.end(), after + 12)) == target) {
          target = -1;
        }
        if (p.reverse) {
          if (target < 0) continue;
          std::swap(source, target);
        }
        // "Russia and North Korea signed a pact": coordinated subjects of a symmetric act are each
        // other's targets.
        const bool mutual = p.symmetric && source >= 0 && view.coordinated(source).size() > 1;
        if (target < 0 && pass == 0 && !p.no_target && !mutual) {
          if (fallback < 0) fallback = static_cast<int>(index);
          continue;
        }
      }
      if (source < 0) {
        if (trace_ != nullptr) note(s, "'" + p.text + "' at '" + std::string(view.norm(v)) + "': no source actor");
        return false;
      }
      // "Israeli forces withdrew from southern Lebanon" is a military retreat; "the United States
      // withdrew from the Paris agreement" is not: the bare pattern needs armed forces as subject.
      if (p.code.starts_with("087") && p.objects.empty() && p.particle.empty()) {
        const std::string& sector = view.mention(source).actor.sector;
        const std::string& kind = view.mention(source).actor.kind;
        if (sector != "MIL" && sector != "REB" && kind != "group") continue;
      }
      const std::uint32_t trigger_end = object_at != UINT32_MAX ? object_at + 1 : after;
      // CAMEO: parties that agree to a truce or to extend one declare it (0871), not only intend it.
      const bool agreed_truce = group.agreed && p.code == "0871";
      const bool intent = group.intent && !agreed_truce;
      bool negated = group.negated || denied(view, v);
      Modality modality = clause_modality(view, v, group.modality);
      if (accused >= 0 && modality == Modality::kAsserted) modality = Modality::kReported;
      if (agreed_truce && modality == Modality::kFuture) modality = Modality::kAsserted;
      const Mention& src = view.mention(source);
      if (in_quote(seg_.tokens[v].span) || (modality == Modality::kAsserted && reported_context(view, src.first_token))) {
        if (modality == Modality::kAsserted) modality = Modality::kReported;
      }
      if (each_other.size() > 1) {
        for (int a_side : each_other) {
          for (int b_side : each_other) {
            if (a_side != b_side) {
              emit(s, view, p, v, trigger_end, view.mention(a_side), &view.mention(b_side), negated, modality, date, intent);
            }
          }
        }
        consumed = trigger_end;
        return true;
      }
      const std::vector<int> sources = view.coordinated(source);
      const Mention* tgt = target >= 0 ? &view.mention(target) : nullptr;
      refused_ = group.refused;
      std::vector<int> targets;
      if (target >= 0) targets = view.coordinated(target);
      // "sanctions on three M23 commanders and a Rwandan army unit": an actor's people or units
      // coordinated with another actor's are two targets.
      if (target >= 0 && !group.passive && targets.size() == 1) {
        std::uint32_t j = view.mention(target).end_token;
        for (int words = 0; words < 2 && j < view.end() && view.mention_at(j) < 0 && seg_.tokens[j].kind == TokenKind::kWord &&
                            !seg_.tokens[j].upper && view.norm(j) != "and" && !view.is(j, WordClass::kPreposition) &&
                            lex_.analyse_verb(seg_, j).empty();
             ++words) {
          ++j;
        }
        if (j > view.mention(target).end_token && j + 1 < view.end() && view.norm(j) == "and") {
          const int other = view.np_mention_after(j + 1, std::min<std::uint32_t>(view.end(), j + 4));
          if (other >= 0 && !view.mention(other).pronoun && view.mention(other).actor.kind != "location" &&
              view.mention(other).actor.id != view.mention(target).actor.id) {
            targets.push_back(other);
          }
        }
      }
      const std::size_t coded_before = out_.size();
      for (int si : sources) {
        if (targets.empty()) {
          // Coordinated subjects of a symmetric event act on each other: "Russia and North Korea signed a pact".
          if (p.symmetric && sources.size() > 1) {
            for (int other : sources) {
              if (other != si) {
                emit(s, view, p, v, trigger_end, view.mention(si), &view.mention(other), negated, modality, date,
                     intent);
              }
            }
          } else {
            emit(s, view, p, v, trigger_end, view.mention(si), nullptr, negated, modality, date, intent);
          }
          continue;
        }
        for (int ti : targets) {
          emit(s, view, p, v, trigger_end, view.mention(si), &view.mention(ti), negated, modality, date, intent);
        }
      }
      (void)tgt;
      refused_ = false;
      // A pattern that matched but gave no event (no target, the same actor twice) leaves the
      // word to the nominal patterns ("indirect talks between Iran and the United States"), but
      // its object noun stays its own ("boost trade").
      // "Russia sent troops to the Kursk region": aid sent to one's own land is no aid; the less
      // specific pattern (a mobilisation) is tried.
      if (out_.size() == coded_before && p.code.starts_with("07") && tgt != nullptr && !group.passive &&
          as_event_actor(lex_, tgt->actor).id == as_event_actor(lex_, src.actor).id) {
        continue;
      }
      consumed = trigger_end;
      return out_.size() > coded_before || object_at != UINT32_MAX;
    }
    if (fallback < 0) break;
    }
    return false;
  }

  // "A Putin-Zelensky meeting can only come after ...", "talks between X and Y could take place
  // next week", "the summit will be held in Geneva": a nominal event whose own occurrence is the
  // predicate under a modal has not happened. Returns the modality the modal gives (asserted when
  // there is none).
  Modality occurrence_modality(const SentenceView& view, std::uint32_t n) const {
    static const WordList kOccur = {"come", "take", "happen", "occur", "be", "go", "begin", "start",
                                                  "resume", "materialise", "materialize", "proceed", "follow"};
    for (std::uint32_t k = n + 1; k + 1 < view.end() && k < n + 10; ++k) {
      const std::string_view w = view.norm(k);
      if (w == "," || w == ";" || w == "." || seg_.tokens[k].kind == TokenKind::kDash ||
          (view.mention_at(k) < 0 && is_subordinator(w))) {
        return Modality::kAsserted;
      }
      if (view.mention_at(k) >= 0 || !is_modal(w)) {
        // A finite verb first: the noun is the subject of some other predicate.
        if (view.mention_at(k) < 0 && (is_auxiliary(w) && w != "be")) return Modality::kAsserted;
        continue;
      }
      std::uint32_t j = k + 1;
      while (j < view.end() && (view.norm(j) == "only" || view.norm(j) == "not" || view.norm(j) == "n't" ||
                                view.norm(j) == "still" || view.norm(j) == "never" || view.norm(j) == "also")) {
        ++j;
      }
      if (j >= view.end() || !kOccur.contains(view.norm(j))) {
        return Modality::kAsserted;
      }
      // "sanctions against Venezuela should be lifted": only "be held" tells of the event itself.
      if (view.norm(j) == "be" && (j + 1 >= view.end() || (view.norm(j + 1) != "held" && view.norm(j + 1) != "convened" &&
                                                          view.norm(j + 1) != "arranged" && view.norm(j + 1) != "organised" &&
                                                          view.norm(j + 1) != "organized"))) {
        return Modality::kAsserted;
      }
      return w == "will" || w == "'ll" || w == "shall" ? Modality::kFuture : Modality::kHypothetical;
    }
    return Modality::kAsserted;
  }

  void code_noun(const Sentence& s, const SentenceView& view, std::uint32_t n, const std::vector<std::uint32_t>& patterns,
                 const Date& date) {
    // "Israel struck Hamas leaders in Doha, drawing condemnation from Qatar": the reaction an act
    // draws is the reacting actor's, aimed at the subject of the act.
    if (n + 2 < view.end() && n >= s.first_token + 2 && view.norm(n + 1) == "from") {
      static const WordList kDrawing = {"drawing", "prompting", "sparking", "triggering", "provoking",
                                                      "attracting", "earning", "inviting"};
      std::uint32_t g = n - 1;
      if (g > s.first_token + 1 && view.mention_at(g) < 0 && seg_.tokens[g].kind == TokenKind::kWord &&
          !kDrawing.contains(view.norm(g))) {
        --g;  // "drawing sharp criticism from"
      }
      if (g > s.first_token && view.norm(g - 1) == "," &&
          kDrawing.contains(view.norm(g))) {
        const int reactor = possessed_head(view, view.np_mention_after(n + 2, std::min<std::uint32_t>(view.end(), n + 7)));
        const int actor = earlier_subject(view, g - 1);
        for (std::uint32_t index : patterns) {
          const EventPattern& p = lex_.event_patterns()[index];
          if (!(p.code.starts_with("11") || p.code.starts_with("12"))) continue;
          if (reactor >= 0 && actor >= 0 && !view.mention(reactor).pronoun) {
            emit(s, view, p, n, n + 1, view.mention(reactor), &view.mention(actor), false,
                 clause_modality(view, n, Modality::kAsserted), date);
            return;
          }
        }
      }
    }
    // "accusing Israel of genocide in Gaza", "accused Russia of aggression against Ukraine": the
    // accused commits the act named by the noun, as a report of the accuser.
    int accused_agent = -1;
    if (n >= s.first_token + 3 && view.norm(n - 1) == "of" && view.mention_at(n - 2) >= 0) {
      const int m = view.mention_at(n - 2);
      const std::uint32_t first = view.mention(m).first_token;
      if (first > s.first_token && !view.mention(m).pronoun) {
        for (const VerbAnalysis& a : lex_.analyse_verb(seg_, first - 1)) {
          if (a.lemma == "accuse") accused_agent = m;
        }
      }
    }
    // Source: a possessive or modifier before the noun ("Russia's invasion", "US sanctions",
    // "the Putin-Biden summit"); target: a prepositional object after it.
    std::vector<int> before;
    if (accused_agent >= 0) before.push_back(accused_agent);
    for (std::uint32_t k = n; accused_agent < 0 && k > s.first_token && k + 6 > n;) {
      --k;
      const int m = view.mention_at(k);
      if (m >= 0) {
        if (before.empty() || before.back() != m) before.push_back(m);
        k = view.mention(m).first_token;
        continue;
      }
      const std::string_view w = view.norm(k);
      // "Russia blamed the attack on Ukraine": the actor before a finite verb is its subject, not
      // a modifier of the noun.
      if (k > s.first_token && view.mention_at(k - 1) >= 0 && seg_.tokens[k].kind == TokenKind::kWord &&
          !seg_.tokens[k].upper) {
        bool finite = false;
        for (const VerbAnalysis& a : lex_.analyse_verb(seg_, k)) {
          finite = finite || a.form == VerbForm::kPast || a.form == VerbForm::kPastOrParticiple || a.form == VerbForm::kThird;
        }
        // "Pakistan began the mass expulsion", "carried out mass killings": a light verb's subject
        // is the noun's agent, and is taken as such.
        static const WordList kLightVerbs = {"completed", "conducted", "staged", "began", "started",
                                                           "finished", "undertook", "launched", "held", "carried"};
        if (finite && !kLightVerbs.contains(w)) break;
      }
      if (w == "'s" || w == "-" || seg_.tokens[k].kind == TokenKind::kDash || is_determiner(w) ||
          (seg_.tokens[k].kind == TokenKind::kWord && !is_preposition(w) && !is_auxiliary(w) && k + 3 > n &&
           !seg_.tokens[k].upper)) {
        continue;
      }
      break;
    }
    std::reverse(before.begin(), before.end());
    bool purpose_future = false;
    std::vector<int> light_agents;  // "Mali, Burkina Faso and Niger announced their withdrawal": each
    // "arrived in Pyongyang for talks with Kim Jong Un", "travelled to Washington for a meeting
    // with Blinken": the purpose of a trip is the traveller's event.
    const bool own_pronoun = before.size() == 1 && view.mention(before.front()).pronoun;
    if (before.empty() || own_pronoun) {
      // "praised their friendship during talks with Sharif", "completed the withdrawal of its
      // troops from Niger", "carried out mass killings of Rohingya": an event noun in a
      // time phrase of the clause, or the object of a light verb, is the subject's.
      // "announced their immediate withdrawal from ECOWAS", "declared a ceasefire": an act made
      // public by its own actor.
      static const WordList kLight = {"completed", "conducted", "staged", "began", "started",
                                                    "finished", "undertook", "launched", "held", "announced",
                                                    "declared"};
      std::uint32_t k = n;
      while (k > s.first_token &&
             ((view.mention_at(k - 1) >= 0 && own_pronoun && view.mention_at(k - 1) == before.front()) ||
              (view.mention_at(k - 1) < 0 &&
               (view.is(k - 1, WordClass::kDeterminer) ||
                (seg_.tokens[k - 1].kind == TokenKind::kWord && !seg_.tokens[k - 1].upper &&
                 !view.is(k - 1, WordClass::kPreposition) && k + 4 > n &&
                 !kLight.contains(view.norm(k - 1))))))) {
        --k;
      }
      const std::string_view w1 = k > s.first_token ? view.norm(k - 1) : std::string_view();
      const bool light = kLight.contains(w1) ||
                         (w1 == "out" && k > s.first_token + 1 && view.norm(k - 2) == "carried");
      const bool by_agent = n + 1 < view.end() && view.norm(n + 1) == "by";
      if (before.empty() && !by_agent && k > s.first_token && (w1 == "during" || light)) {
        const std::uint32_t at = w1 == "out" ? k - 2 : k - 1;
        bool modal = false;
        for (std::uint32_t j = view.clause_start(at); j < at; ++j) modal = modal || view.is(j, WordClass::kModal);
        const int subject = modal ? -1 : view.subject_before(at);
        if (subject >= 0 && !view.mention(subject).pronoun) {
          before.push_back(subject);
          light_agents = view.coordinated(subject);
        }
      }
      if (k > s.first_token && view.norm(k - 1) == "for") {
        const int traveller = view.subject_before(k - 1);
        if (traveller >= 0) {
          if (before.empty()) before.push_back(traveller);
          // "will travel to San Francisco for a meeting with Biden": the purpose is as future as the trip.
          for (std::uint32_t j = view.mention(traveller).end_token; j + 1 < k; ++j) {
            const std::string_view w = view.norm(j);
            if (w == "will" || w == "would" || w == "plans" || w == "planned" || w == "expected" || w == "due") {
              purpose_future = true;
            }
          }
        }
      }
    }
    // "a visit by Nancy Pelosi to Taipei", "an attack by Hamas on Israel": the by-agent of a
    // nominal event is its source, and the prepositional target follows it.
    std::uint32_t complement = n + 1;
    if (before.empty() && n + 2 < view.end() && view.norm(n + 1) == "by") {
      const int agent = view.np_mention_after(n + 2, std::min<std::uint32_t>(view.end(), n + 8));
      if (agent >= 0 && !view.mention(agent).pronoun) {
        before.push_back(agent);
        complement = view.mention(agent).end_token;
      }
    }
    // "the expulsion of six Russian diplomats by Moldova", "the arrest of two Chinese nationals by
    // the Philippines": the by-agent after the of-phrase is the source, and the actor of the
    // of-phrase is what the act is done to.
    int late_theme = -1;
    // "Alleged crimes by both Israel and Hamas are under investigation by the ICC": the actor named
    // in the subject of "under <noun> by" is what the by-agent acts on.
    if (before.size() == 1 && n > s.first_token + 1 && view.norm(n - 1) == "under" && view.norm(n + 1) == "by") {
      for (std::uint32_t k = view.clause_start(n); k + 1 < n && late_theme < 0; ++k) {
        const int m = view.mention_at(k);
        if (m >= 0 && m != before.front() && !view.mention(m).pronoun && view.mention(m).actor.kind != "location") late_theme = m;
      }
    }
    if (before.empty() && n + 3 < view.end() && view.norm(n + 1) == "of") {
      const int theme = view.np_mention_after(n + 2, std::min<std::uint32_t>(view.end(), n + 8));
      const std::uint32_t by = theme >= 0 ? view.mention(theme).end_token : view.end();
      if (theme >= 0 && by + 1 < view.end() && view.norm(by) == "by" && !view.mention(theme).pronoun) {
        const int agent = possessed_head(view, view.np_mention_after(by + 1, std::min<std::uint32_t>(view.end(), by + 7)));
        if (agent >= 0 && !view.mention(agent).pronoun &&
            as_event_actor(lex_, view.mention(agent).actor).id != as_event_actor(lex_, view.mention(theme).actor).id) {
          before.push_back(agent);
          late_theme = theme;
        }
      }
    }
    // "fighting broke out between the army and the RSF", "clashes erupted between ...".
    std::uint32_t between_at = n + 1;
    if (between_at < view.end() && (view.norm(between_at) == "broke" || view.norm(between_at) == "erupted" ||
                                    view.norm(between_at) == "flared")) {
      ++between_at;
      if (between_at < view.end() && (view.norm(between_at) == "out" || view.norm(between_at) == "up")) ++between_at;
      if (between_at < view.end() && view.mention_at(between_at) < 0) between_at = time_adverbial_end(view, between_at);
    }
    // "called for ... the resumption of peace talks between Moscow and Kyiv", "demanded the
    // release of all prisoners": what an appeal or demand asks for has not happened ("its assault",
    // with its agent named, is told as a fact).
    const bool agent_named = !before.empty() && !verb_between(view, before.back(), n);
    for (std::uint32_t k = n; !agent_named && k > view.clause_start(n) && k + 14 > n;) {
      --k;
      if (view.mention_at(k) >= 0 || seg_.tokens[k].upper || (k > view.begin() && view.is(k - 1, WordClass::kDeterminer))) {
        continue;
      }
      for (const VerbAnalysis& a : lex_.analyse_verb(seg_, k)) {
        if (a.form == VerbForm::kBase || a.form == VerbForm::kGerund) continue;
        const auto* asking = lex_.verb_patterns(a.lemma);
        if (asking == nullptr) continue;
        for (std::uint32_t index : *asking) {
          const std::string& code = lex_.event_patterns()[index].code;
          if (code.starts_with("02") || code.starts_with("10")) {
            if (trace_ != nullptr) note(s, "noun '" + std::string(view.norm(n)) + "': asked for by another act; not coded");
            return;
          }
        }
      }
    }
    for (std::uint32_t index : patterns) {
      const EventPattern& p = lex_.event_patterns()[index];
      int target = -1;
      std::uint32_t limit = std::min<std::uint32_t>(view.end(), complement + 3);
      for (std::uint32_t k = complement; k < limit; ++k) {
        const std::string_view w = view.norm(k);
        if (lex_.token_in(p.prep_terms, seg_, k, false)) {
          target = view.np_mention_after(k + 1, view.end());
          if (target < 0 && is_force(p)) target = place_target(view, k + 1, std::min<std::uint32_t>(view.end(), k + 10));
          break;
        }
        if (!is_preposition(w)) continue;
        // "the withdrawal of its troops from Niger": a short of-phrase naming no actor (but for
        // a pronoun) stands between the noun and its target.
        if (w == "of" && k == complement) {
          std::uint32_t j = k + 1;
          while (j < view.end() && j < k + 4 && (view.mention_at(j) < 0 || view.mention(view.mention_at(j)).pronoun) &&
                 !view.is(j, WordClass::kPreposition) && view.norm(j) != "," && view.norm(j) != "and") {
            ++j;
          }
          if (j < view.end() && j > k + 1 && view.mention_at(j) < 0 && view.is(j, WordClass::kPreposition)) {
            limit = std::min<std::uint32_t>(view.end(), j + 1);
            k = j - 1;
            continue;
          }
        }
        break;
      }
      if (target < 0 && late_theme >= 0 && (p.preps.empty() || view.norm(n - 1) == "under")) target = late_theme;
      // "the M23 offensive in eastern Congo", "Russia's strikes in Kharkiv": force by a named
      // agent in another state's land is aimed at that state.
      // (Not for a pronoun's act, "its offensive in Lebanon", which mostly restates one told
      // before, nor for an agent whose force this sentence has coded already.)
      if (target < 0 && is_force(p) && p.requires_words.empty() && p.particle.empty() && !before.empty() &&
          !view.mention(before.front()).pronoun && complement < view.end() && view.norm(complement) == "in") {
        bool told = false;
        const std::string agent_id = as_event_actor(lex_, view.mention(before.front()).actor).id;
        for (auto it = out_.rbegin(); it != out_.rend() && it->sentence == s.index; ++it) {
          told = told || (it->source.id == agent_id && lex_.cameo(p.code) != nullptr && it->root == lex_.cameo(p.code)->root);
        }
        const int place = told ? -1 : place_target(view, complement, std::min<std::uint32_t>(view.end(), complement + 5));
        // A rebel group's offensive in its own country is aimed at that state.
        const Mention& agent = view.mention(before.front());
        if (place >= 0 && (view.mention(place).actor.country != agent.actor.country || agent.actor.kind == "group")) {
          target = place;
        }
      }
      // "talks between Israel and Hamas", "a ceasefire between Israel and Hezbollah": the parties
      // of a symmetric nominal event act on each other.
      if (p.symmetric && between_at < view.end() && view.norm(between_at) == "between") {
        const int first = view.np_mention_after(between_at + 1, std::min<std::uint32_t>(view.end(), between_at + 5));
        if (first >= 0) {
          const std::vector<int> parties = view.coordinated(first);
          if (parties.size() >= 2) {
            const Modality between_modality =
                view.norm(view.end() - 1) == "?" ? Modality::kHypothetical
                                                 : (in_quote(seg_.tokens[n].span) ? Modality::kReported
                                                                                  : occurrence_modality(view, n));
            for (int a : parties) {
              for (int b : parties) {
                if (a != b) emit(s, view, p, n, n + 1, view.mention(a), &view.mention(b), false, between_modality, date);
              }
            }
            return;
          }
        }
      }
      // A nominal event ("the December 7 summit", "Russia's invasion of Ukraine") is presupposed
      // by the sentence: an "if" around it does not make it hypothetical.
      Modality modality = view.norm(view.end() - 1) == "?" ? Modality::kHypothetical : occurrence_modality(view, n);
      if (in_quote(seg_.tokens[n].span) || (accused_agent >= 0 && modality == Modality::kAsserted)) {
        modality = Modality::kReported;
      }
      if (purpose_future && modality == Modality::kAsserted) modality = Modality::kFuture;
      bool negated = (n > s.first_token && (view.norm(n - 1) == "no")) || denied(view, n);
      // "Egypt could take military action against Ethiopia", "Iran will hold talks with": the verb
      // between the agent and its nominal event carries the event's modality and negation.
      if (!before.empty() && modality == Modality::kAsserted && view.mention(before.front()).end_token < n) {
        bool found = false;
        for (std::uint32_t k = view.mention(before.front()).end_token; k < n && !found; ++k) {
          if (view.mention_at(k) >= 0 || seg_.tokens[k].kind != TokenKind::kWord || seg_.tokens[k].upper) continue;
          for (const VerbAnalysis& a : lex_.analyse_verb(seg_, k)) {
            if (a.form == VerbForm::kGerund) continue;
            const VerbGroup g = verb_group(view, lex_, k, a.form);
            modality = clause_modality(view, k, g.modality);
            negated = negated || g.negated;
            found = true;
            break;
          }
        }
      }
      const std::uint32_t trigger_end = n + 1;
      if (before.size() >= 2 && p.symmetric && target < 0) {
        // "the Putin-Biden summit": both ways.
        for (int a : before) {
          for (int b : before) {
            if (a != b) emit(s, view, p, n, trigger_end, view.mention(a), &view.mention(b), negated, modality, date);
          }
        }
        return;
      }
      if (!before.empty() && target >= 0) {
        // "talks with Antony Blinken and Jake Sullivan": each coordinated party.
        const std::vector<int> agents = light_agents.size() > 1 ? light_agents : std::vector<int>{before.front()};
        for (int agent : agents) {
          for (int t : view.coordinated(target)) {
            emit(s, view, p, n, trigger_end, view.mention(agent), &view.mention(t), negated, modality, date);
          }
        }
        return;
      }
      // "renewed his appeal for a ceasefire": a noun whose pattern has no target by definition needs
      // only its possessor, and its prepositional phrase.
      if (p.no_target && !before.empty() && complement < view.end() &&
          lex_.token_in(p.prep_terms, seg_, complement, false)) {
        emit(s, view, p, n, trigger_end, view.mention(before.front()), nullptr, negated, modality, date);
        return;
      }
      if (trace_ != nullptr) note(s, "noun '" + p.text + "': needs a possessor or modifier and a prepositional target; not coded");
    }
  }

  const Document& doc_;
  const Segmentation& seg_;
  const ActorAnalysis& actors_;
  const Lexicon& lex_;
  std::vector<Span> quoted_;  // sorted
  std::vector<EventTrace>* trace_;
  SentenceDates& dates_;
  const std::uint32_t term_to_;  // Lexicon::term("to"): the preposition of a dative pattern
  std::vector<EventRecord> out_;
  bool untargeted_force_ = false;  // the verb being coded uses force on people or places that are no actor
  bool condemned_act_ = false;     // the verb being coded has a violent act as its object
  bool refused_ = false;           // the verb being emitted is under "refused to", "declined to"
  std::vector<std::uint32_t> verb_order_;    // buffers of by_specificity
  std::vector<std::uint32_t> threat_order_;
  std::uint32_t report_sentence_ = UINT32_MAX;  // the sentence first_speech_ and according_ describe
  std::uint32_t first_speech_ = UINT32_MAX;
  bool according_ = false;
};

}  // namespace

std::vector<EventRecord> code_events(const Document& doc, const Segmentation& seg, const ActorAnalysis& actors,
                                     const Lexicon& lexicon, const std::vector<Span>& quoted,
                                     std::vector<EventTrace>* trace, SentenceDates* dates) {
  SentenceDates own(doc, seg);
  return Coder(doc, seg, actors, lexicon, quoted, trace, dates != nullptr ? *dates : own).run();
}

}  // namespace geokg::extract
