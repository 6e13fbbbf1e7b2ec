#include "extract/statements.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_set>

#include "extract/dates.hpp"
#include "extract/events.hpp"
#include "extract/grammar.hpp"
#include "extract/text.hpp"

namespace geokg::extract {

const char* to_string(Stance stance) {
  switch (stance) {
    case Stance::kPositive: return "positive";
    case Stance::kNegative: return "negative";
    case Stance::kNeutral: return "neutral";
  }
  return "neutral";
}

namespace {

struct Quote {
  std::uint32_t open = 0;   // token index of the opening mark
  std::uint32_t close = 0;  // token index of the closing mark (or end of paragraph)
  bool closed = true;
  bool short_quote = false; // fewer than four words: a statement only with an attached attribution
  Span content;             // from the first part's begin to the last part's end
  std::vector<Span> parts;  // one per paragraph when the quote runs on over paragraphs
};

enum class MarkRole { kOpen, kClose, kNone };

// Cues whose addressee is told to do something: "warned X to ...", "urged X to ...".
bool is_directive_cue(std::string_view cue) {
  return cue == "tell" || cue == "warn" || cue == "caution" || cue == "urge" || cue == "call on" ||
         cue == "appeal to" || cue == "implore" || cue == "ask" || cue == "advise" || cue == "remind" ||
         cue == "admonish";
}

bool is_double(std::string_view mark) {
  return mark == "\"" || mark == "\xE2\x80\x9C" || mark == "\xE2\x80\x9D" || mark == "\xE2\x80\x9E" ||
         mark == "\xC2\xAB" || mark == "\xC2\xBB";
}

class Finder {
 public:
  // A lower-case "-ing" word that is a verb's gerund or participle ("creating", "adding"), not
  // one of the common nouns and prepositions with that ending.
  bool looks_like_gerund(std::uint32_t k) const {
    const std::string_view w = norm(k);
    if (seg_.tokens[k].kind != TokenKind::kWord || seg_.tokens[k].upper) return false;
    for (const VerbAnalysis& v : lex_.analyse_verb(seg_, k)) {
      if (v.form == VerbForm::kGerund) return true;
    }
    static const WordList kNotGerunds = {
        "during", "morning", "evening", "nothing", "something", "anything", "everything", "thing", "things",
        "king", "spring", "wing", "ring", "building", "meeting", "briefing"};
    return w.size() > 5 && w.ends_with("ing") && !kNotGerunds.contains(w);
  }

  Finder(const Document& doc, const Segmentation& seg, const ActorAnalysis& actors, const Lexicon& lexicon)
      : doc_(doc), seg_(seg), actors_(actors), lex_(lexicon) {
    sentence_of_token_.resize(seg.tokens.size());
    quote_in_sentence_.assign(seg.sentences.size(), -1);
    for (const Sentence& s : seg.sentences) {
      for (std::uint32_t t = s.first_token; t < s.end_token; ++t) sentence_of_token_[t] = s.index;
    }
  }

  StatementAnalysis run() {
    find_quotes();
    for (std::size_t q = 0; q < quotes_.size(); ++q) attribute_quote(q);
    colon_blocks();
    sorted_quoted_ = out_.quoted;
    std::sort(sorted_quoted_.begin(), sorted_quoted_.end());
    for (const Sentence& s : seg_.sentences) {
      if (!s.boilerplate && !headline_like(s)) reported(s);
    }
    std::sort(out_.statements.begin(), out_.statements.end(), [](const StatementRecord& a, const StatementRecord& b) {
      return std::tie(a.sentence, a.content_span.begin) < std::tie(b.sentence, b.content_span.begin);
    });
    pronouns_after_descriptions();
    merge_nested();
    return std::move(out_);
  }

 private:
  const Sentence& sentence_of(std::uint32_t token) const { return seg_.sentences[sentence_of_token_[token]]; }
  std::string_view norm(std::uint32_t i) const { return seg_.norm_of(i); }
  // `out` becomes a speaker no actor resolves: tokens [first, end) of the sentence, with the span
  // and text of tokens first to last.
  void unnamed_speaker(Mention* out, std::uint32_t first, std::uint32_t end, std::uint32_t last) const {
    out->first_token = first;
    out->end_token = end;
    out->actor = ActorRef{};
    out->actor.span = Span{seg_.tokens[first].span.begin, seg_.tokens[last].span.end};
    out->actor.text = std::string(slice(doc_.text, out->actor.span));
  }
  // Whether token i is of the closed word class `cls` (a WordClass bit).
  bool has_class(std::uint32_t i, std::uint16_t cls) const { return (seg_.tokens[i].classes & cls) != 0; }
  bool boilerplate(std::uint32_t token) const { return sentence_of(token).boilerplate; }

  // A headline in sentence case ("Japan 'deeply regrets' US tariff decision, Tokyo says") or a
  // live blog's entry heading ("19:42 GMT - Zelensky: 'The ball is now in Russia's court'") is a
  // paragraph of one sentence with no final punctuation: it repeats what the text below reports.
  bool headline_like(const Sentence& s) const {
    if (s.headline) return true;
    if (s.end_token <= s.first_token + 1) return false;
    const bool starts_paragraph = s.first_token == 0 || seg_.tokens[s.first_token].paragraph_before;
    const bool ends_paragraph = s.end_token >= seg_.tokens.size() || seg_.tokens[s.end_token].paragraph_before;
    if (!starts_paragraph || !ends_paragraph) return false;
    std::uint32_t last = s.end_token - 1;
    while (last > s.first_token && (seg_.tokens[last].kind == TokenKind::kQuote || norm(last) == ")")) --last;
    const std::string_view w = norm(last);
    // "on X." is one token (an initial's period): a word ending in a period ends a sentence too.
    return !(w.ends_with('.') || w == "!" || w == "?" || w == ":" || w == "," || w == "\xE2\x80\xA6" ||
             seg_.tokens[last].kind == TokenKind::kDash);
  }

  // A word of the text as a reader counts it: the clitic of "couldn't" or "we'll" is part of
  // the word before ('"couldn't care less"' is three words).
  bool counts_as_word(std::uint32_t k) const {
    if (seg_.tokens[k].kind != TokenKind::kWord) return false;
    const std::string_view w = norm(k);
    return !(w == "n't" || w.starts_with('\'') || w.starts_with("\xE2\x80\x99"));
  }

  MarkRole role_of_mark(std::uint32_t i) const {
    const Token& t = seg_.tokens[i];
    const std::string_view mark = slice(doc_.text, t.span);
    if (mark == "\xE2\x80\x9C" || mark == "\xE2\x80\x98" || mark == "\xC2\xAB" || mark == "\xE2\x80\x9E") return MarkRole::kOpen;
    if (mark == "\xE2\x80\x9D" || mark == "\xC2\xBB") return MarkRole::kClose;
    const bool space_before = t.space_before || i == 0;
    const bool space_after = i + 1 >= seg_.tokens.size() || seg_.tokens[i + 1].space_before ||
                             seg_.tokens[i + 1].kind == TokenKind::kPunct;
    if (mark == "\xE2\x80\x99" || mark == "'") {
      // A straight or right single mark opens after a space ('no deal yet') and closes before one.
      if (space_before && !space_after) return MarkRole::kOpen;
      if (!space_before) return MarkRole::kClose;
      return MarkRole::kNone;
    }
    if (space_before && !space_after) return MarkRole::kOpen;
    if (!space_before && space_after) return MarkRole::kClose;
    if (space_before) return MarkRole::kOpen;
    return MarkRole::kClose;
  }

  void find_quotes() {
    // Pair marks of the same family inside a paragraph; an open quote left at a paragraph's end
    // continues when the next paragraph opens with a quote mark (news style), else it closes there.
    // The paragraphs of one running quote are parts of one statement: the closing paragraph
    // usually carries the attribution for all of them ('"...\n\n"...," he said.').
    int open = -1;
    bool open_double = false;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> chain;  // (open mark, end) of earlier paragraphs
    auto flush_unclosed = [&](std::uint32_t end_token) {
      if (open < 0) return;
      const auto o = static_cast<std::uint32_t>(open);
      chain.emplace_back(o, end_token);
      add_quote(chain, false);
      chain.clear();
      open = -1;
    };
    for (std::uint32_t i = 0; i < seg_.tokens.size(); ++i) {
      const Token& t = seg_.tokens[i];
      if (t.paragraph_before && open >= 0) {
        const bool continues = t.kind == TokenKind::kQuote && role_of_mark(i) == MarkRole::kOpen &&
                               is_double(slice(doc_.text, t.span)) == open_double;
        if (continues) {
          chain.emplace_back(static_cast<std::uint32_t>(open), i);
          open = static_cast<int>(i);
          continue;
        }
        flush_unclosed(i);
      }
      // A headline repeats what the article reports ("Netanyahu tells Knesset 'the war is over'").
      // 'Zelensky: "We need long-range missiles"' names its speaker: a quote of its own.
      if (t.kind != TokenKind::kQuote || boilerplate(i)) continue;
      if (open < 0 && headline_like(sentence_of(i)) && (sentence_of(i).headline || i == 0 || norm(i - 1) != ":")) continue;
      if (open >= 0 && headline_like(sentence_of(i)) && sentence_of(i).headline) continue;
      const bool dbl = is_double(slice(doc_.text, t.span));
      const MarkRole role = role_of_mark(i);
      if (open < 0) {
        if (role == MarkRole::kOpen) { open = static_cast<int>(i); open_double = dbl; }
        continue;
      }
      if (dbl != open_double) continue;  // a single-quoted phrase inside a double quote
      if (role == MarkRole::kClose || role == MarkRole::kNone || (dbl && role == MarkRole::kOpen && !t.space_before)) {
        chain.emplace_back(static_cast<std::uint32_t>(open), i);
        add_quote(chain, true);
        chain.clear();
        open = -1;
      } else if (role == MarkRole::kOpen) {
        // Two opening marks in a row: the first was unbalanced; recover from here.
        chain.emplace_back(static_cast<std::uint32_t>(open), i);
        add_quote(chain, false);
        chain.clear();
        open = static_cast<int>(i);
      }
    }
    flush_unclosed(static_cast<std::uint32_t>(seg_.tokens.size()));
  }

  // The name of a book, film, operation or declaration in quotes ('his memoir, "Polish Lessons",',
  // 'codenamed "Operation Sindoor"', 'titled "Strengthening Global South Cooperation for a More
  // Inclusive ..."'): two words or more, each capitalised but the short function words, and no
  // punctuation, which every quoted sentence or clause has. Nobody speaks a title.
  bool is_title(std::uint32_t open, std::uint32_t close) const {
    static const std::set<std::string_view> kFunctionWords = {"a", "an", "the", "of", "for", "and", "or", "in",
                                                               "on", "at", "to", "with", "by", "from", "into"};
    int words = 0;
    for (std::uint32_t k = open + 1; k < close; ++k) {
      const Token& t = seg_.tokens[k];
      if (t.kind == TokenKind::kPunct || t.kind == TokenKind::kQuote || t.kind == TokenKind::kDash) return false;
      if (t.kind != TokenKind::kWord) continue;
      const bool function_word = words > 0 && k + 1 < close && kFunctionWords.count(norm(k)) > 0;
      if (!t.upper && !function_word) return false;
      ++words;
    }
    return words >= 2;
  }

  void add_quote(std::vector<std::pair<std::uint32_t, std::uint32_t>> chain, bool closed) {
    if (!closed && chain.size() == 1) {
      // A closing mark the writer forgot: '"We will defend every metre, Syrskyi said on Monday.'
      // The quote ends at the comma before an attribution (a speaker and a cue) in the paragraph.
      const auto [open, close] = chain.front();
      for (std::uint32_t k = open + 2; k + 2 < close; ++k) {
        if (norm(k) != ",") continue;
        std::uint32_t end = k + 1;
        while (end < close && end < k + 9 && norm(end) != "." && norm(end) != ",") ++end;
        const CueEntry* cue = nullptr;
        const std::uint32_t c = cue_in(k + 1, end, &cue);
        const int m = mention_in(k + 1, end);
        if (c != UINT32_MAX && m >= 0 && actors_.mentions[static_cast<std::size_t>(m)].first_token < end) {
          chain.front().second = k + 1;
          break;
        }
      }
    }
    Quote q;
    q.open = chain.front().first;
    q.close = chain.back().second;
    q.closed = closed;
    // Scare quotes, titles and nicknames ('Empire', the "peace plan") are short and stand inside
    // a sentence; a short quote is a statement only when an attribution is attached to it.
    int words = 0;
    for (const auto& [open, close] : chain) {
      if (close <= open + 1) continue;
      const std::uint32_t last = close - 1;
      q.parts.push_back(Span{seg_.tokens[open + 1].span.begin, seg_.tokens[last].span.end});
      for (std::uint32_t k = open + 1; k < close; ++k) {
        if (counts_as_word(k)) ++words;
      }
    }
    if (words == 0 || q.parts.empty() || is_title(q.open, q.close)) return;
    q.content = Span{q.parts.front().begin, q.parts.back().end};
    q.short_quote = words < 4;
    quotes_.push_back(q);
  }

  // A cue entry of the lemma at token k: multi-word cues ("point out") must match in full;
  // belief verbs (cognitive) are not speech.
  const CueEntry* cue_at(std::uint32_t k, std::string_view lemma, bool want_direct) const {
    const auto* cues = lex_.verb_cues(lemma);
    if (cues == nullptr) return nullptr;
    // "state Senator Marcus Ortega", "state media", "state television": the bare form "state" is a
    // noun in news text; as a verb it takes "that", a comma or a quote ("we state that ...").
    if (lemma == "state" && norm(k) == "state" &&
        (k + 1 >= seg_.tokens.size() ||
         (norm(k + 1) != "that" && norm(k + 1) != "," && norm(k + 1) != ":" && seg_.tokens[k + 1].kind != TokenKind::kQuote))) {
      return nullptr;
    }
    for (std::uint32_t c : *cues) {
      const CueEntry& entry = lex_.cues()[c];
      if (entry.cognitive || !(want_direct ? (entry.direct || entry.reported) : entry.reported)) continue;
      const auto space = entry.cue.find(' ');
      if (space != std::string::npos) {
        std::string_view rest = std::string_view(entry.cue).substr(space + 1);
        std::uint32_t j = k + 1;
        bool ok = true;
        while (!rest.empty() && ok) {
          const auto next_space = rest.find(' ');
          ok = j < seg_.tokens.size() && norm(j) == rest.substr(0, next_space);
          ++j;
          rest = next_space == std::string_view::npos ? std::string_view() : rest.substr(next_space + 1);
        }
        if (!ok) continue;
      }
      return &entry;
    }
    return nullptr;
  }

  // Whether [from, to) holds a finite verb: an auxiliary, a modal, a past or third-person form.
  bool has_finite_verb(std::uint32_t from, std::uint32_t to) const {
    for (std::uint32_t k = from; k < to && k < seg_.tokens.size(); ++k) {
      const std::string_view w = norm(k);
      if (is_auxiliary(w) || is_modal(w)) return true;
      // A verb the forms table does not list: "contained", "reaffirmed", "the industry needs to".
      if (lower_word(k) && w.size() > 4 && w.ends_with("ed")) return true;
      if (lower_word(k) && is_common_third_person(w)) return true;
      for (const auto& a : lex_.analyse_verb(seg_, k)) {
        if (a.form == VerbForm::kPast || a.form == VerbForm::kPastOrParticiple || a.form == VerbForm::kThird) return true;
      }
    }
    return false;
  }

  // Whether [from, to) reads as a clause without "that": a first finite verb that is not the
  // second verb of the sentence's own predicate ("recalled its ambassador and expelled 12 staff,
  // the latest escalation in a dispute that has ..." has no content clause), or a subject with a present form the forms table does not list right after
  // it, also before a quote ('said Algeria "reserves the right ..."').
  bool clause_verb(const SentenceView& view, std::uint32_t from, std::uint32_t to) const {
    if (const int m = view.mention_at(from); m >= 0) {
      std::uint32_t k = view.mention(m).end_token;
      if (k < to && seg_.tokens[k].kind == TokenKind::kQuote) ++k;
      if (k < to && lower_word(k)) {
        const std::string_view w = norm(k);
        if (w.size() > 3 && w.ends_with("s") && !w.ends_with("ss") && !w.ends_with("us") && !is_preposition(w)) return true;
      }
    }
    for (std::uint32_t k = from; k < to && k < seg_.tokens.size(); ++k) {
      if (!has_finite_verb(k, k + 1)) continue;
      const std::string_view prev = k > from ? norm(k - 1) : std::string_view();
      return prev != "and" && prev != "or" && prev != "but";
    }
    return false;
  }

  static bool is_weekday(std::string_view w) {
    return w == "monday" || w == "tuesday" || w == "wednesday" || w == "thursday" || w == "friday" || w == "saturday" ||
           w == "sunday";
  }

  // Third-person forms of common verbs of content clauses that the forms table (kept for event
  // verbs) does not list: "said the country needs", "said the plan remains on the table".
  static bool is_common_third_person(std::string_view w) {
    static const WordList kForms = {
        "needs",    "wants",   "remains",  "seems",   "means",    "depends",  "faces",   "lacks",
        "risks",    "deserves", "belongs", "knows",   "understands", "intends", "requires", "includes",
        "represents", "shows", "matters",  "costs",   "comes",    "becomes",  "exists",  "appears",
        "believes", "thinks",  "wishes",   "owes",     "holds",    "keeps",   "gets"};
    return kForms.contains(w);
  }

  // "Another said", "another added": a pronoun subject, not a determiner, before a past form.
  bool another_then_past(std::uint32_t k) const {
    if (k == 0 || norm(k - 1) != "another") return false;
    for (const auto& a : lex_.analyse_verb(seg_, k)) {
      if (a.form == VerbForm::kPast || a.form == VerbForm::kPastOrParticiple) return true;
    }
    return false;
  }

  // Looks for a cue verb in [from, to) and returns its token, or UINT32_MAX.
  std::uint32_t cue_in(std::uint32_t from, std::uint32_t to, const CueEntry** cue) const {
    for (std::uint32_t k = from; k < to && k < seg_.tokens.size(); ++k) {
      // A noun reading: "on state television", "the report", "a comment".
      if (k > 0 && ((has_class(k - 1, WordClass::kDeterminer) && !another_then_past(k)) ||
                    (has_class(k - 1, WordClass::kPreposition) && norm(k - 1) != "to"))) {
        continue;
      }
      for (const auto& a : lex_.analyse_verb(seg_, k)) {
        if (a.form == VerbForm::kGerund && (k == 0 || norm(k - 1) != ",")) continue;
        // '," the judgment read.', 'the banner read: "..."' end the attribution; "a statement
        // read on state television" is a participle.
        if (a.lemma == "read" && k + 1 < seg_.tokens.size() && seg_.tokens[k + 1].kind == TokenKind::kWord) continue;
        if (const CueEntry* entry = cue_at(k, a.lemma, true)) {
          *cue = entry;
          return k;
        }
      }
    }
    return UINT32_MAX;
  }

  // Reported content starts like a clause: "that", a subject (actor, pronoun, determiner, name).
  bool clause_like_start(const SentenceView& view, std::uint32_t i) const {
    if (i >= view.end()) return false;
    const std::string_view w = norm(i);
    if (w == "that" || view.mention_at(i) >= 0) return true;
    static const WordList kPronouns = {"he", "she", "it", "they", "we", "i", "you", "there", "this",
                                                     "nobody", "no", "none", "everyone", "both"};
    if (kPronouns.contains(w)) return true;
    if (is_determiner(w)) return true;
    // "he will agree only if Kyiv's government is replaced": a condition on the verb, not what was said.
    if (w == "only" && i + 1 < view.end() && has_class(i + 1, WordClass::kSubordinator)) return false;
    // "said more than 50,000 children had been killed", "said 23 allies would meet the target".
    static const WordList kQuantifiers = {"more", "most", "many", "several", "some", "few",
                                                        "nearly", "almost", "about", "around", "only"};
    if (kQuantifiers.contains(w)) return true;
    const Token& t = seg_.tokens[i];
    if (t.kind == TokenKind::kNumber) return true;
    if (t.kind == TokenKind::kWord && (t.upper || t.all_caps) && !is_preposition(w)) return true;
    // "said police had used live ammunition", "said employers' national insurance contributions
    // would rise": a bare noun phrase of a few words, then an auxiliary or modal ("did not say
    // what the consequences would be" is a question left open, no content).
    static const WordList kQuestionWords = {"what", "how", "whether", "when", "where", "why", "who", "which", "if"};
    if (kQuestionWords.contains(w)) return false;
    // "said demand was recovering", "said turnout had fallen": a noun the forms table also
    // lists as a verb, right before an auxiliary or modal.
    if (i + 1 < view.end() && lower_word(i) && norm(i + 1) != "to" && (has_class(i + 1, WordClass::kAuxiliary) || has_class(i + 1, WordClass::kModal)) &&
        norm(i + 1) != "'s") {
      return true;
    }
    for (std::uint32_t k = i; k < view.end() && k < i + 7; ++k) {
      const std::string_view x = norm(k);
      if (k > i && (is_auxiliary(x) || is_modal(x))) return true;
      // "said talks in Geneva had failed", "saying uncertainty over US trade policy made it
      // hard": a noun with a prepositional phrase, then the clause's finite verb.
      if (k > i && is_preposition(x) && x != "to") {
        for (std::uint32_t j = k + 1; j < view.end() && j < k + 7; ++j) {
          const std::string_view y = norm(j);
          if (seg_.tokens[j].kind == TokenKind::kPunct || seg_.tokens[j].kind == TokenKind::kQuote || y == "and" ||
              y == "or" || y == "but" || is_subordinator(y) || (j == k + 1 && !lex_.analyse_verb(y).empty())) {
            return false;
          }
          if (lower_word(j) && j > k + 1 && (is_auxiliary(y) || is_modal(y) || has_finite_verb(j, j + 1))) return true;
        }
        return false;
      }
      if ((seg_.tokens[k].kind != TokenKind::kWord && x != "'") || is_preposition(x) || is_auxiliary(x) || is_modal(x) ||
          x == "and" || x == "or" || x == "but" || is_subordinator(x) || !lex_.analyse_verb(x).empty()) {
        return false;
      }
    }
    return false;
  }

  // The first token of the clause after the audience of "telling" ("MPs", "supporters",
  // "them", "Parliament", "the crowd"), past an optional "that"; UINT32_MAX when no finite
  // clause follows (a directive "telling them to leave", a topic "telling MPs about the cuts").
  std::uint32_t after_audience(const SentenceView& view, std::uint32_t from) const {
    // "telling state television that ...", "told a Kurdish television channel that ...": an
    // audience of a few words, then "that".
    for (std::uint32_t j = from; j < view.end() && j < from + 5; ++j) {
      const std::string_view w = norm(j);
      if (w == "that") {
        if (j > from && j + 1 < view.end()) return j + 1;
        break;
      }
      if (seg_.tokens[j].kind != TokenKind::kWord || is_auxiliary(w) || is_modal(w) || is_preposition(w) ||
          is_subordinator(w) || w == "he" || w == "she" || w == "it" || w == "they" || w == "we" || w == "i") {
        break;
      }
    }
    std::uint32_t k = from;
    if (const int obj = view.mention_at(k); obj >= 0) {
      k = view.mention(obj).end_token;
    } else {
      if (k < view.end() && (norm(k) == "the" || norm(k) == "his" || norm(k) == "her" || norm(k) == "their")) ++k;
      if (k >= view.end() || seg_.tokens[k].kind != TokenKind::kWord || has_class(k, WordClass::kPreposition) ||
          has_class(k, WordClass::kAuxiliary) || has_class(k, WordClass::kModal) || !lex_.analyse_verb(seg_, k).empty()) {
        return UINT32_MAX;
      }
      const std::string_view w = norm(k);
      if (w == "he" || w == "she" || w == "it" || w == "they" || w == "we" || w == "i" || w == "there") return UINT32_MAX;
      ++k;
    }
    if (k < view.end() && norm(k) == "that") ++k;
    if (k + 1 >= view.end() || !clause_like_start(view, k) || norm(k) == "to") return UINT32_MAX;
    // A finite verb within the next words: an auxiliary, a modal or a past form.
    for (std::uint32_t j = k + 1; j < view.end() && j < k + 8; ++j) {
      const std::string_view x = norm(j);
      if (is_auxiliary(x) || is_modal(x)) return k;
      for (const VerbAnalysis& a : lex_.analyse_verb(x)) {
        if (a.form == VerbForm::kPast || a.form == VerbForm::kPastOrParticiple || a.form == VerbForm::kThird) return k;
      }
      if (seg_.tokens[j].kind == TokenKind::kPunct && x != "'s") return UINT32_MAX;
    }
    return UINT32_MAX;
  }

  int mention_in(std::uint32_t from, std::uint32_t to) const {
    for (std::size_t k = first_mention_from(actors_.mentions, from);
         k < actors_.mentions.size() && actors_.mentions[k].first_token < to; ++k) {
      if (!actors_.mentions[k].modifier) return static_cast<int>(k);
    }
    return -1;
  }

  static std::uint64_t span_key(Span span) { return (static_cast<std::uint64_t>(span.begin) << 32) | span.end; }

  std::size_t words_in(Span span) const {
    std::size_t words = 0;
    for (std::uint32_t k = first_token_at(span.begin); k < seg_.tokens.size() && seg_.tokens[k].span.begin < span.end; ++k) {
      if (counts_as_word(k)) ++words;
    }
    return words;
  }

  // "The Kremlin said the two leaders 'reaffirmed their commitment ...'" is one statement, not a
  // reported one plus a quote inside it: the quote stays when it is most of the content, else
  // the reported statement (the quoted words are then a fragment of it).
  void merge_nested() {
    std::vector<bool> drop(out_.statements.size(), false);
    for (std::size_t r = 0; r < out_.statements.size(); ++r) {
      const StatementRecord& reported = out_.statements[r];
      if (reported.direct) continue;
      // Statements are sorted by sentence: a nested quote sits in the same sentence or just after.
      const std::size_t from = r >= 4 ? r - 4 : 0;
      for (std::size_t q = from; q < out_.statements.size() && q < r + 8; ++q) {
        const StatementRecord& quote = out_.statements[q];
        if (!quote.direct || drop[q] || !reported.content_span.contains(quote.content_span)) continue;
        const bool quote_is_most = quote.content_span.size() * 2 >= reported.content_span.size();
        // 'said the bloc "does not target any country"': a clause of its own (a subject before the
        // quoted predicate) is a reported statement beside the direct quote, as annotators mark
        // both; 'praised Trump for "..."' only frames the quote with its object.
        const bool own_clause = object_framed_.count(span_key(reported.content_span)) == 0 &&
                                words_in(Span{reported.content_span.begin, quote.content_span.begin}) >= 1;
        if (quote_is_most && !own_clause) {
          // "Dmitriev praised Trump for 'pushing for the real solution'": whom the reported
          // frame names (Trump, "the U.S.") is still whom the kept quote is about.
          StatementRecord& kept = out_.statements[q];
          for (const AboutRef& a : reported.about) {
            bool known = kept.speaker && kept.speaker->id == a.actor.id;
            for (const AboutRef& b : kept.about) known = known || b.actor.id == a.actor.id;
            if (!known) kept.about.push_back(a);
          }
          if (!kept.speaker && reported.speaker) {
            kept.speaker = reported.speaker;
            kept.speaker_span = reported.speaker_span;
          }
          drop[r] = true;
        } else if (words_in(quote.content_span) < 4) {
          drop[q] = true;
        } else {
          // 'said the reform was "the only responsible answer" to the war': four quoted words or
          // more are the speaker's own words, a direct quote beside the reported statement; its
          // speaker is the reported frame's.
          StatementRecord& fragment = out_.statements[q];
          if (reported.speaker || reported.speaker_span) {
            fragment.speaker = reported.speaker;
            fragment.speaker_span = reported.speaker_span;
          }
        }
      }
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < out_.statements.size(); ++i) {
      if (drop[i]) continue;
      if (kept != i) out_.statements[kept] = std::move(out_.statements[i]);
      ++kept;
    }
    out_.statements.resize(kept);
  }

  void attribute_quote(std::size_t q) {
    const Quote& quote = quotes_[q];
    if (used_.count(q)) return;
    std::vector<Span> parts = quote.parts;
    const CueEntry* cue = nullptr;
    std::uint32_t cue_token = UINT32_MAX;
    int speaker = -1;
    const std::uint32_t n = static_cast<std::uint32_t>(seg_.tokens.size());
    // After the quote: '," Lavrov said', '," said Lavrov', '," he added', '," Lavrov, at a press conference.'
    std::uint32_t a = quote.close + (quote.closed ? 1 : 0);
    std::uint32_t window_end = a;
    while (window_end < n && window_end < a + 10 && !seg_.tokens[window_end].paragraph_before) {
      const std::string_view w = norm(window_end);
      if (w == "." || w == "?" || w == "!" || seg_.tokens[window_end].kind == TokenKind::kQuote) break;
      ++window_end;
    }
    // The attribution is attached when the quote ends its clause with a comma (or ? !) or one
    // follows the closing mark: '"...," he said', '"...?" she asked'.
    // '"Trump told me, 'You are not in a good position,'" Zelensky said': an inner quote's
    // closing mark may stand between the comma and the outer one.
    std::uint32_t last_token = quote.close > quote.open + 1 ? quote.close - 1 : quote.open;
    while (last_token > quote.open + 1 && seg_.tokens[last_token].kind == TokenKind::kQuote) --last_token;
    const std::string_view last = last_token > quote.open ? norm(last_token) : std::string_view();
    const bool attached = a < n && !seg_.tokens[a].paragraph_before &&
                          (norm(a) == "," || last == "," || last == "?" || last == "!" ||
                           seg_.tokens[quote.close - 1].kind == TokenKind::kDash);
    Mention appositive;
    bool has_appositive = false;
    if (attached) {
      cue_token = cue_in(a, window_end, &cue);
      // '", creating the space for bridge states to ...': a clause of its own (a gerund) between
      // the quote and a cue-like word; that word attributes nothing.
      for (std::uint32_t k = a; cue_token != UINT32_MAX && k < cue_token; ++k) {
        // "the ruling said", "its briefing said": after a determiner the "-ing" word is a noun.
        if (looks_like_gerund(k) && !(k > a && (has_class(k - 1, WordClass::kDeterminer) || norm(k - 1) == "its"))) {
          cue_token = UINT32_MAX;
          cue = nullptr;
        }
      }
      speaker = attached_speaker(a, window_end, cue_token);
      if (cue_token != UINT32_MAX && appositive_name(cue_token, &appositive) &&
          (speaker < 0 || actors_.mentions[static_cast<std::size_t>(speaker)].end_token <= appositive.first_token)) {
        speaker = -1;
        has_appositive = true;
      }
      if (cue_token == UINT32_MAX && speaker >= 0 && actors_.mentions[static_cast<std::size_t>(speaker)].first_token > a + 1) {
        speaker = -1;  // a verbless attribution needs the name right after the quote
      }
      if (speaker >= 0 && cue_token != UINT32_MAX && actors_.mentions[static_cast<std::size_t>(speaker)].first_token > cue_token + 3) {
        speaker = -1;
      }
      // Split quote: '"A," he said, "B."'; after a colon ('"A," Rubio said, adding: "B."') or a
      // full stop the sentence splitter took for an abbreviation ('she wrote on X. "B."') the
      // second quote is a statement of its own, and one inside a clause ('," he said, adding that
      // the two governments had "a lot of work ahead"') is a fragment of that clause.
      if (speaker >= 0 && window_end < n && seg_.tokens[window_end].kind == TokenKind::kQuote && q + 1 < quotes_.size() &&
          quotes_[q + 1].open == window_end && (norm(window_end - 1) == "," || seg_.tokens[window_end - 1].kind == TokenKind::kDash) &&
          !has_finite_verb(cue_token == UINT32_MAX ? a : cue_token + 1, window_end)) {
        parts.insert(parts.end(), quotes_[q + 1].parts.begin(), quotes_[q + 1].parts.end());
        used_.insert(q + 1);
      }
    }
    bool short_goes_on = false;
    if (quote.short_quote) {
      // Only '"We are ready," officials said.' or 'said: "We are ready."' make a short quote speech.
      const bool colon_before = quote.open > 0 && (norm(quote.open - 1) == ":" || norm(quote.open - 1) == ",");
      // '"The uncertainty alone is doing damage," said X. "Companies cannot plan."': a short
      // quote that is a whole sentence right after a quoted one goes on with that speaker.
      const Sentence& here = sentence_of(quote.open);
      const std::string_view end_mark = quote.close > quote.open + 1 ? norm(quote.close - 1) : std::string_view();
      const bool whole_sentence = here.first_token == quote.open && quote.closed && quote.open + 2 < quote.close &&
                                  seg_.tokens[quote.open + 1].upper && (end_mark == "." || end_mark == "?" || end_mark == "!");
      const bool goes_on = whole_sentence && last_quote_span_ && here.index > 0 && last_quote_sentence_ + 1 == here.index &&
                           !seg_.tokens[quote.open].paragraph_before;
      if (!(attached && cue_token != UINT32_MAX) && !colon_before && !goes_on) return;
      short_goes_on = goes_on;
    }
    // Before the quote: 'Lavrov said: "...', 'he insisted that "...'.
    if (speaker < 0) {
      // '..., the Russian Foreign Ministry said:\n"The Czech side ...': a colon ending the sentence
      // before hands its cue and subject to the quote that opens the next one.
      const bool colon_before = quote.open > 0 && norm(quote.open - 1) == ":" &&
                                sentence_of(quote.open - 1).index != sentence_of(quote.open).index;
      const Sentence& s = colon_before ? sentence_of(quote.open - 1) : sentence_of(quote.open);
      // A second quote in the sentence looks for its cue after the first one: "praised Trump for
      // '...' and voiced hope that '...'".
      std::uint32_t from = s.first_token;
      if (q > 0 && quotes_[q - 1].close < quote.open && quotes_[q - 1].close >= s.first_token) from = quotes_[q - 1].close + 1;
      const std::uint32_t to = colon_before ? quote.open - 1 : quote.open;
      std::uint32_t c = cue_in(from, to, &cue);
      // "Asked whether he would meet Putin, Zelensky said: ...": a participle opening the
      // sentence frames the clause; the speech verb is the next cue.
      if (c == from && c + 1 < to) {
        const CueEntry* next_cue = nullptr;
        const std::uint32_t next = cue_in(c + 1, to, &next_cue);
        if (next != UINT32_MAX) {
          c = next;
          cue = next_cue;
        }
      }
      if (c != UINT32_MAX) {
        cue_token = c;
        const SentenceView view(seg_, s, actors_.mentions);
        const VerbForm form = VerbForm::kPast;
        const VerbGroup group = verb_group(view, lex_, c, form);
        speaker = subject_over_insertion(view, group.start, view.subject_before(group.start));
        if (speaker < 0 && from != s.first_token && c > 0 && norm(c - 1) == "and") {
          // "... called it '...' and said ... '...'": the same speaker goes on (below).
          cue_token = UINT32_MAX;
          cue = nullptr;
        } else if (speaker < 0 && !(cue != nullptr && (cue->addressee || cue->about_object))) {
          // 'said Lavrov: "...'; the object of "accused the prime minister of" is none.
          speaker = mention_in(c + 1, quote.open);
        }
      }
    }
    if (speaker >= 0 && actors_.mentions[static_cast<std::size_t>(speaker)].actor.id.empty() &&
        actors_.mentions[static_cast<std::size_t>(speaker)].actor.span.empty()) {
      speaker = -1;  // a mention the actor stage left without id or span: look at the words
    }
    Mention unlisted;
    if (has_appositive) {
      unlisted = appositive;
    } else if (speaker < 0 && cue_token != UINT32_MAX && !statement_subject(cue_token, sentence_of(quote.open).index, &unlisted)) {
      unlisted = unlisted_speaker(cue_token);
      const std::uint32_t before_cue = cue_token > 0 ? cue_token - 1 : 0;
      if (cue_token > 0 && norm(before_cue) == "another" &&
          (before_cue == sentence_of(before_cue).first_token || norm(before_cue - 1) == ",") && last_quote_span_ &&
          sentence_of(quote.open).index <= last_quote_sentence_ + 2) {
        // 'One EU diplomat described ... "...". Another said: "..."': another person of the
        // institution the quote before was unnamed for; the span is the word itself.
        unlisted = Mention{};
        if (last_quote_speaker_) unlisted.actor = *last_quote_speaker_;
        unlisted.first_token = before_cue;
        unlisted.end_token = cue_token;
        unlisted.pronoun = true;  // the span stays as written
        unlisted.actor.span = seg_.tokens[before_cue].span;
        unlisted.actor.text = std::string(slice(doc_.text, unlisted.actor.span));
      } else if (unlisted.actor.id.empty() && unlisted.actor.text.ends_with("-old")) {
        // "the 54-year-old said": news names a person by age right after naming them; it is the
        // last person quoted or the first one the sentence before names.
        resolve_description(unlisted, sentence_of(quote.open).index);
      } else if (unlisted.actor.id.empty() && !unlisted.actor.span.empty()) {
        resolve_role_description(unlisted, sentence_of(quote.open).index);
      }
      // '"...," he insisted.' with a "he" the coreference did not mark: the span still is the
      // speaker, resolved in finish() from the sentence before.
      for (const std::uint32_t k : {cue_token - 1, cue_token + 1}) {
        if (!unlisted.actor.span.empty() || k >= n || k <= quote.close || k + 0 == 0) continue;
        const std::string_view w = norm(k);
        if (w == "he" || w == "she") {
          unlisted.first_token = k;
          unlisted.end_token = k + 1;
          unlisted.pronoun = true;
          unlisted.actor.span = seg_.tokens[k].span;
          unlisted.actor.text = std::string(slice(doc_.text, unlisted.actor.span));
        }
      }
    }
    StatementRecord st;
    st.direct = true;
    st.content_parts = parts;
    fill_content(st);
    if (cue_token != UINT32_MAX && cue != nullptr) {
      st.cue.span = seg_.tokens[cue_token].span;
      st.cue.text = std::string(slice(doc_.text, st.cue.span));
    }
    if (speaker < 0 && cue_token == UINT32_MAX) speaker = verbless_speaker(quote);
    bool continues_quote = false;
    if (speaker < 0 && cue_token == UINT32_MAX) {
      // No attribution at all: a quote continuing the previous speaker's paragraph, or a quote
      // right after a sentence about a person ("Lavrov emerged smiling. "It was useful."").
      if (!quote.short_quote) speaker = previous_subject(quote);
      if (speaker < 0 && !quote.short_quote) speaker = next_sentence_speaker(quote);
      // The quote just before, in this sentence or the two before it, goes on: '"...," said one
      // Gulf-based analyst. "They survived eight years of bombing."' (named or not).
      continues_quote = speaker < 0 && (!quote.short_quote || short_goes_on) && last_quote_span_ &&
                        sentence_of(quote.open).index <= last_quote_sentence_ + 2;
      if (speaker < 0 && !continues_quote && (!last_speaker_ || sentence_of(quote.open).index > last_sentence_ + 2)) {
        out_.quoted.push_back(quote.content);
        return;
      }
    }
    const Mention* speaker_mention = speaker >= 0 ? &actors_.mentions[static_cast<std::size_t>(speaker)] : nullptr;
    if (speaker_mention == nullptr && !unlisted.actor.span.empty()) speaker_mention = &unlisted;
    if (speaker_mention == nullptr && cue_token == UINT32_MAX && continues_quote) {
      st.speaker = last_quote_speaker_;
      st.speaker_span = last_quote_span_;
    } else if (speaker_mention == nullptr && cue_token == UINT32_MAX && last_speaker_) {
      st.speaker = last_speaker_ref_;  // the paragraph goes on quoting the previous speaker
    }
    // A short quote is speech only with someone saying it: 'the "rules-based international
    // order", creating the space for bridge states' has a cue-like word and no speaker.
    if (quote.short_quote && speaker_mention == nullptr && !st.speaker) {
      out_.quoted.push_back(quote.content);
      return;
    }
    // "Dmitriev praised Trump for '...'", "told Lavrov: '...'": the object of the cue before the
    // quote is whom the quote is addressed to or about.
    const Mention* addressee = nullptr;
    if (cue != nullptr && (cue->addressee || cue->about_object) && cue_token < quote.open) {
      const int obj = mention_in(cue_token + 1, std::min(quote.open, cue_token + 5));
      if (obj >= 0 && obj != speaker) addressee = &actors_.mentions[static_cast<std::size_t>(obj)];
    }
    finish(st, sentence_of(quote.open), speaker_mention, cue, addressee);
    for (const Span& p : parts) out_.quoted.push_back(p);
    quote_in_sentence_[out_.statements.back().sentence] = static_cast<int>(out_.statements.size() - 1);
    last_quote_speaker_ = out_.statements.back().speaker;
    last_quote_span_ = out_.statements.back().speaker_span;
    last_quote_sentence_ = sentence_of(quote.close < seg_.tokens.size() ? quote.close : quote.open).index;
    if (quote.parts.size() == 1) {
      // The paragraph goes on quoting the outer speaker, not the one quoted inside.
      const bool had = last_speaker_;
      const ActorRef outer = last_speaker_ref_;
      const std::uint32_t outer_sentence = last_sentence_;
      embedded_quotes(quote.open, quote.close);
      last_speaker_ = had;
      last_speaker_ref_ = outer;
      last_sentence_ = outer_sentence;
    }
  }

  bool in_any_quote(Span span) const {
    for (const Quote& q : quotes_) {
      if (q.content.contains(span)) return true;
    }
    return false;
  }

  void resolve_description(Mention& description, std::uint32_t sentence) const {
    const Span surface = description.actor.span;
    const std::string text = description.actor.text;
    if (sentence > 0) {
      const Sentence& before = seg_.sentences[sentence - 1];
      for (std::size_t k = first_mention_from(actors_.mentions, before.first_token);
           k < actors_.mentions.size() && actors_.mentions[k].first_token < before.end_token; ++k) {
        const Mention& m = actors_.mentions[k];
        if (m.modifier || m.pronoun || m.actor.id.empty() || m.actor.kind != "person" || in_any_quote(m.actor.span)) continue;
        description.actor = m.actor;
        break;
      }
    }
    if (description.actor.id.empty() && last_speaker_ && last_speaker_ref_.kind == "person" && last_sentence_ + 2 >= sentence) {
      description.actor = last_speaker_ref_;
    }
    description.actor.span = surface;
    description.actor.text = text;
  }

  // Head nouns of a description that stands for a named person: "the finance minister", "the
  // opposition leader", "the envoy". Unnamed people ("the diplomat", "the official") are not
  // among them: they go back to someone never named.
  bool is_role_head(std::uint32_t k) const {
    static const WordList kHeads = {
        "leader",    "minister",  "president", "chancellor", "premier",    "envoy",     "treasurer", "senator",
        "governor",  "mayor",     "candidate", "chairman",   "chairwoman", "chair",     "prosecutor", "judge",
        "secretary", "commander", "general",   "ambassador", "spokesman",  "spokeswoman", "chief",   "justice",
        "congressman", "congresswoman", "lawmaker", "speaker", "monarch",  "king",      "queen",     "pope"};
    const std::string_view w = norm(k);
    return kHeads.contains(w);
  }

  // The words a person's mention carries as titles: the words before the name inside the
  // mention or just before it ("Finance Minister Anna Kowalczyk", "Opposition leader X"), an
  // apposition after it (", the leader of the party,"), role_of titles and the lexicon's roles.
  std::set<std::string, std::less<>> title_words(const Mention& m) const {
    std::set<std::string, std::less<>> words;
    const std::uint32_t name_first = first_token_at(m.actor.span.begin);
    const std::uint32_t from = std::min(m.first_token, name_first > 4 ? name_first - 4 : 0);
    for (std::uint32_t k = from; k < name_first; ++k) {
      if (sentence_of(k).index != m.sentence || seg_.tokens[k].kind != TokenKind::kWord) continue;
      words.emplace(norm(k));
    }
    std::uint32_t end = m.end_token;
    if (end < seg_.tokens.size() && norm(end) == ",") {
      for (std::uint32_t k = end + 1; k < seg_.tokens.size() && k < end + 8 && sentence_of(k).index == m.sentence; ++k) {
        if (norm(k) == "," || seg_.tokens[k].kind == TokenKind::kQuote) break;
        if (seg_.tokens[k].kind == TokenKind::kWord) words.emplace(norm(k));
      }
    }
    auto add_title = [&](std::string_view title) {
      std::size_t b = 0;
      while (b < title.size()) {
        std::size_t e = title.find(' ', b);
        if (e == std::string_view::npos) e = title.size();
        if (e > b) words.emplace(title.substr(b, e - b));
        b = e + 1;
      }
    };
    for (const RelationRecord& r : actors_.relations) {
      if (r.label == "role_of" && r.source.id == m.actor.id) add_title(r.title);
    }
    if (const ActorEntry* entry = lex_.actor_by_id(m.actor.id)) {
      for (const Role& role : entry->roles) add_title(role.title);
    }
    return words;
  }

  // "the finance minister said" after "Finance Minister Anna Kowalczyk", '"...," the envoy told
  // the council' after a paragraph quoting the ambassador: a definite description of a role is
  // the nearest person named before with all its words among their titles; else the person
  // quoted in this sentence or the two before. The span stays the description.
  void resolve_role_description(Mention& description, std::uint32_t sentence) const {
    std::uint32_t first = first_token_at(description.actor.span.begin);
    std::uint32_t end = first;
    while (end < seg_.tokens.size() && seg_.tokens[end].span.end <= description.actor.span.end) ++end;
    if (end <= first + 1 || end > first + 5 || norm(first) != "the" || !is_role_head(end - 1)) return;
    std::vector<std::string_view> wanted;
    for (std::uint32_t k = first + 1; k < end; ++k) {
      if (seg_.tokens[k].kind == TokenKind::kWord) wanted.push_back(norm(k));
    }
    const Span surface = description.actor.span;
    const std::string text = description.actor.text;
    bool found = false;
    for (std::size_t k = first_mention_from(actors_.mentions, first); k-- > 0 && !found;) {
      const Mention& m = actors_.mentions[k];
      if (m.pronoun || m.modifier || m.actor.id.empty() || m.actor.kind != "person" || in_any_quote(m.actor.span)) continue;
      const auto words = title_words(m);
      bool all = true;
      for (std::string_view w : wanted) all = all && words.count(w) != 0;
      if (all) {
        description.actor = m.actor;
        found = true;
      }
    }
    if (!found && sentence > 0) {
      // The person the sentence before opens with ("John Steenhuisen, the leader of the
      // party, said ... '...,' the agriculture minister told journalists").
      const Sentence& before = seg_.sentences[sentence - 1];
      for (std::size_t k = first_mention_from(actors_.mentions, before.first_token);
           k < actors_.mentions.size() && actors_.mentions[k].first_token < before.end_token; ++k) {
        const Mention& m = actors_.mentions[k];
        if (m.modifier || m.pronoun || m.actor.id.empty() || in_any_quote(m.actor.span)) continue;
        if (m.actor.kind == "person" && m.first_token <= before.first_token + 6) {
          description.actor = m.actor;
          found = true;
        }
        if (m.actor.kind == "person" || m.first_token > before.first_token + 6) break;
      }
    }
    if (!found && last_speaker_ && last_speaker_ref_.kind == "person" && last_sentence_ + 2 >= sentence &&
        last_sentence_ <= sentence) {
      description.actor = last_speaker_ref_;
      found = true;
    }
    if (!found) return;
    description.first_token = first;
    description.end_token = end;
    description.actor.span = surface;
    description.actor.text = text;
    description.via = "description";
  }

  // "Marine Le Pen, whose National Rally voted against him, said ...", "Treasurer Jim Chalmers,
  // who delivered the budget on Tuesday, accused ...": the subject is the name before a comma-set
  // insertion (a relative clause or an apposition) that ends right before the verb, not a
  // mention inside it. Returns `found` when no such insertion stands there.
  // "according to two officials familiar with the talks": an unnamed source phrase of a few
  // words up to the next comma or the sentence's end, holding a noun for a person speaking for
  // an institution. The mention has a span and no actor.
  bool unnamed_source_after(std::uint32_t from, std::uint32_t end, Mention* out) const {
    std::uint32_t k = from;
    bool noun = false, data = false;
    while (k < end && k < from + 8 && seg_.tokens[k].kind == TokenKind::kWord) {
      noun = noun || is_unnamed_speaker_noun(norm(k)) || is_institution_noun(norm(k)) || is_source_noun(norm(k));
      data = data || is_data_noun(norm(k));
      ++k;
    }
    // "according to the national rail operator SNCB": a name no lexicon knows ends the phrase;
    // "according to swaps data compiled by Bloomberg", "according to a poll by Ipsos" cite data.
    const bool named = k > from && (seg_.tokens[k - 1].upper || seg_.tokens[k - 1].all_caps) && k > from + 1 &&
                       !has_class(k - 2, WordClass::kPreposition);
    if ((!noun && !named) || data || k == from ||
        (k < end && norm(k) != "," && norm(k) != "." && seg_.tokens[k].kind != TokenKind::kPunct)) {
      return false;
    }
    unnamed_speaker(out, from, k, k - 1);
    return true;
  }

  // The subject opening the sentence before token `before`: its first mention that is no
  // modifier, place, pronoun or object of a preposition ("In Washington, ..."), and stands
  // outside quotes; -1 when the sentence opens otherwise.
  int sentence_subject(const SentenceView& view, std::uint32_t before) const {
    std::uint32_t start = view.begin();
    // A dateline ("NAIROBI -", "WOLFSBURG, Germany (Reuters) -") is no subject.
    if (seg_.tokens[start].all_caps) {
      for (std::uint32_t k = start + 1; k < before && k < view.begin() + 8; ++k) {
        if (seg_.tokens[k].kind == TokenKind::kDash || (norm(k) == "-" && seg_.tokens[k].space_before)) {
          start = k + 1;
          break;
        }
      }
    }
    for (std::uint32_t k = start; k < before && k < start + 8; ++k) {
      const int m = view.mention_at(k);
      if (m < 0) {
        if (seg_.tokens[k].kind == TokenKind::kQuote || has_class(k, WordClass::kPreposition)) return -1;
        continue;
      }
      const Mention& mention = view.mention(m);
      if (mention.modifier) {
        k = mention.end_token - 1;
        continue;
      }
      // "Instead, he turned to crime, saying ...": a resolved pronoun after an opening adverb.
      const bool opening_pronoun = mention.pronoun && !mention.plural && k == start + 2 && norm(k - 1) == "," &&
                                   seg_.tokens[start].kind == TokenKind::kWord && !lower_word(start) &&
                                   lex_.analyse_verb(seg_, start).empty() && !has_class(start, WordClass::kPreposition);
      if ((mention.pronoun && !opening_pronoun) || mention.actor.kind == "location" || mention.actor.id.empty() ||
          in_any_quote(mention.actor.span)) {
        return -1;
      }
      return m;
    }
    return -1;
  }

  int subject_over_insertion(const SentenceView& view, std::uint32_t verb_start, int found) const {
    const std::uint32_t first = view.begin();
    if (verb_start < first + 3 || norm(verb_start - 1) != ",") return found;
    if (found >= 0 && actors_.mentions[static_cast<std::size_t>(found)].end_token < verb_start - 1) {
      // A subject found inside the insertion is replaced; one before it stands.
      bool inside = false;
      for (std::uint32_t k = actors_.mentions[static_cast<std::size_t>(found)].first_token; k > first; --k) {
        if (norm(k - 1) == ",") {
          inside = true;
          break;
        }
      }
      if (!inside) return found;
    } else if (found >= 0 && (actors_.mentions[static_cast<std::size_t>(found)].actor.kind == "person" ||
                              actors_.mentions[static_cast<std::size_t>(found)].pronoun)) {
      return found;  // "His lawyer, Celso Vilardi, told": the name set off before the verb speaks
    }
    // "Joe Ajaero, president of the Nigeria Labour Congress, said": an organisation ending the
    // insertion describes the person named first.
    for (std::uint32_t c = first + 1; c + 1 < verb_start; ++c) {
      if (norm(c) != ",") continue;
      const int m = view.mention_at(c - 1);
      if (m < 0) return found;
      const Mention& head = view.mention(m);
      if (head.modifier || head.end_token != c || head.first_token > first + 4 || head.actor.id.empty()) return found;
      const std::string_view next = norm(c + 1);
      const bool described_person = head.actor.kind == "person" && !head.pronoun &&
                                    seg_.tokens[c + 1].kind == TokenKind::kWord && !seg_.tokens[c + 1].upper;
      const bool insertion = next == "who" || next == "whose" || next == "which" || is_determiner(next) ||
                             view.mention_at(c + 1) >= 0 || seg_.tokens[c + 1].kind == TokenKind::kNumber ||
                             described_person;
      return insertion ? m : found;
    }
    return found;
  }

  // The speaker in the attribution after a quote: the first mention, except one the cue governs
  // ('," the 53-year-old told supporters in Uttar Pradesh', '," Moraes said as he read his vote':
  // a place after a preposition, a pronoun of a clause after the cue are no speakers); an
  // affiliation before a titled name gives way to the person ('," European Council President
  // António Costa told ...').
  int attached_speaker(std::uint32_t from, std::uint32_t to, std::uint32_t cue_token) const {
    const int m = mention_in(from, to);
    if (m < 0) return -1;
    const Mention& mention = actors_.mentions[static_cast<std::size_t>(m)];
    if (cue_token != UINT32_MAX && mention.first_token > cue_token) {
      const std::string_view before = norm(mention.first_token - 1);
      if (is_preposition(before) || is_subordinator(before) || before == "as" || before == "and" || before == "," ||
          (mention.pronoun && mention.first_token > cue_token + 1)) {
        return -1;
      }
    }
    if (mention.actor.kind != "person") {
      const std::size_t next = static_cast<std::size_t>(m) + 1;
      if (next < actors_.mentions.size()) {
        const Mention& person = actors_.mentions[next];
        if (person.actor.kind == "person" && !person.modifier && !person.pronoun && person.first_token >= mention.end_token &&
            person.first_token <= mention.end_token + 2 && person.first_token < to &&
            (cue_token == UINT32_MAX || person.first_token < cue_token || mention.first_token > cue_token)) {
          return static_cast<int>(next);
        }
      }
    }
    return m;
  }

  // A quote inside a quote with its own speaker: '"Trump told me, 'You are not in a good
  // position,'" Zelensky said' is also Trump's statement; '"The Iranians said 'the matter is
  // closed' ..."' is Iran's. The inner marks are of the other family; a cue with a subject
  // must introduce them inside the outer quote.
  void embedded_quotes(std::uint32_t open, std::uint32_t close) {
    if (close >= seg_.tokens.size()) return;
    const bool outer_double = is_double(slice(doc_.text, seg_.tokens[open].span));
    for (std::uint32_t k = open + 1; k < close; ++k) {
      const Token& t = seg_.tokens[k];
      if (t.kind != TokenKind::kQuote || is_double(slice(doc_.text, t.span)) == outer_double ||
          role_of_mark(k) != MarkRole::kOpen) {
        continue;
      }
      std::uint32_t j = k + 1;
      while (j < close && !(seg_.tokens[j].kind == TokenKind::kQuote &&
                            is_double(slice(doc_.text, seg_.tokens[j].span)) != outer_double &&
                            role_of_mark(j) != MarkRole::kOpen)) {
        ++j;
      }
      if (j >= close) return;
      const std::uint32_t inner_open = k;
      k = j;
      if (j < inner_open + 3) continue;  // 'no', 'Empire': a word or two is no embedded statement
      const CueEntry* cue = nullptr;
      const std::uint32_t from = inner_open > open + 6 ? inner_open - 6 : open + 1;
      const std::uint32_t c = cue_in(from, inner_open, &cue);
      if (c == UINT32_MAX || cue == nullptr) continue;
      const Sentence& s = sentence_of(inner_open);
      const SentenceView view(seg_, s, actors_.mentions);
      const VerbGroup group = verb_group(view, lex_, c, VerbForm::kPast);
      const int speaker = view.subject_before(group.start);
      if (speaker < 0 || view.mention(speaker).first_token <= open) continue;
      StatementRecord st;
      st.direct = true;
      st.content_parts = {Span{seg_.tokens[inner_open + 1].span.begin, seg_.tokens[j - 1].span.end}};
      fill_content(st);
      st.cue.span = seg_.tokens[c].span;
      st.cue.text = std::string(slice(doc_.text, st.cue.span));
      finish(st, s, &view.mention(speaker), cue, nullptr);
    }
  }

  // Attributions without a speech verb: 'Putin: "..."', 'Peskov was blunt: "..."' (the subject
  // of the clause before the colon) and '"..." — Zelensky, in Davos.'
  int verbless_speaker(const Quote& quote) const {
    if (quote.open > 0 && norm(quote.open - 1) == ":") {
      const Sentence& s = sentence_of(quote.open - 1);
      const int m = mention_in(s.first_token, quote.open - 1);
      if (m >= 0 && actors_.mentions[static_cast<std::size_t>(m)].actor.kind == "person") return m;
    }
    const std::uint32_t after = quote.close + 1;
    if (quote.closed && after + 1 < seg_.tokens.size() && seg_.tokens[after].kind == TokenKind::kDash &&
        !seg_.tokens[after].paragraph_before) {
      const int m = mention_in(after + 1, after + 2);
      if (m >= 0) return m;
    }
    return -1;
  }

  // '"We are ready to talk, but not at any price." That was the message from Sergey Lavrov':
  // a quote standing alone whose next sentence names its speaker through a demonstrative.
  int next_sentence_speaker(const Quote& quote) const {
    if (!quote.closed || quote.close + 1 >= seg_.tokens.size()) return -1;
    const Sentence& here = sentence_of(quote.open);
    if (here.first_token != quote.open || here.index + 1 >= seg_.sentences.size()) return -1;
    const Sentence& next = seg_.sentences[here.index + 1];
    if (next.first_token > quote.close + 2) return -1;  // the quote's own sentence goes on
    const std::string_view w = norm(next.first_token);
    // "The words came from Tom Fletcher", "The warning came from ...".
    static const WordList kSpeechNouns = {"words", "remarks", "comments", "warning", "message", "plea", "appeal"};
    bool speech_noun = false;
    if (w == "the" && next.first_token + 1 < next.end_token) {
      speech_noun = kSpeechNouns.contains(norm(next.first_token + 1));
    }
    if (w != "that" && w != "this" && w != "those" && w != "these" && w != "such" && !speech_noun) return -1;
    for (std::size_t k = first_mention_from(actors_.mentions, next.first_token);
         k < actors_.mentions.size() && actors_.mentions[k].first_token < std::min(next.end_token, next.first_token + 10); ++k) {
      const Mention& m = actors_.mentions[k];
      if (!m.modifier && m.actor.kind == "person") return static_cast<int>(k);
    }
    return -1;
  }

  // The person a paragraph is about: the first person named in the sentence just before the
  // quote, when the quote opens a sentence of the same paragraph.
  int previous_subject(const Quote& quote) const {
    const Sentence& here = sentence_of(quote.open);
    if (here.first_token != quote.open || here.index == 0 || seg_.tokens[quote.open].paragraph_before) return -1;
    const Sentence& before = seg_.sentences[here.index - 1];
    if (before.boilerplate) return -1;
    for (std::size_t k = first_mention_from(actors_.mentions, before.first_token);
         k < actors_.mentions.size() && actors_.mentions[k].first_token < before.end_token; ++k) {
      const Mention& m = actors_.mentions[k];
      if (m.modifier) continue;
      if (m.first_token != before.first_token) return -1;
      if (m.actor.kind == "person") return static_cast<int>(k);
      // "Hezbollah leader Hassan Nasrallah gave a speech": the person after the affiliation.
      if (k + 1 < actors_.mentions.size()) {
        const Mention& next = actors_.mentions[k + 1];
        if (next.actor.kind == "person" && !next.modifier && next.first_token >= m.end_token &&
            next.first_token <= m.end_token + 2 && next.first_token < before.end_token) {
          return static_cast<int>(k + 1);
        }
      }
      return -1;
    }
    return -1;
  }

  // A speaker next to the cue that no lexicon knows: '"...," said Omar Haddad.', '"...," Haddad
  // said.' (a new person), or an unnamed one: '"...," a ministry spokesman said.' (the span only).
  // "its executive director, Irungu Houghton, said", "The US ambassador to Manila, MaryKay
  // Carlson, said": a name no lexicon knows, set off by commas right before the cue, is the
  // speaker the description before it introduces; an annotator marks the name.
  bool appositive_name(std::uint32_t cue, Mention* out) const {
    if (cue < 4 || norm(cue - 1) != ",") return false;
    std::uint32_t b = cue - 1;
    while (b > 0 && b + 5 > cue && seg_.tokens[b - 1].kind == TokenKind::kWord && seg_.tokens[b - 1].upper &&
           !seg_.tokens[b].newline_before && !lex_.is_not_name(norm(b - 1)) && !is_title_token(b - 1)) {
      --b;
    }
    const std::uint32_t words = cue - 1 - b;
    if (words == 0 || b == 0 || norm(b - 1) != "," || mention_in(b, cue - 1) >= 0) return false;
    if (words < 2 && !lex_.is_first_name(norm(b))) return false;
    unnamed_speaker(out, b, cue - 1, cue - 2);
    out->actor.name = out->actor.text;
    out->actor.id = slugify(out->actor.text);
    out->actor.kind = "person";
    out->via = "new";
    return !out->actor.id.empty();
  }

  Mention unlisted_speaker(std::uint32_t cue) const {
    Mention m;
    const std::uint32_t n = static_cast<std::uint32_t>(seg_.tokens.size());
    auto name_like = [&](std::uint32_t k) {
      const Token& t = seg_.tokens[k];
      return t.kind == TokenKind::kWord && (t.upper || t.all_caps) && !lex_.is_not_name(norm(k)) && !is_title_token(k);
    };
    auto make_person = [&](std::uint32_t first, std::uint32_t end) {
      m.first_token = first;
      m.end_token = end;
      m.actor.span = Span{seg_.tokens[first].span.begin, seg_.tokens[end - 1].span.end};
      m.actor.text = std::string(slice(doc_.text, m.actor.span));
      m.actor.name = m.actor.text;
      m.actor.id = slugify(m.actor.text);
      m.actor.kind = "person";
      m.via = "new";
    };
    // After the cue: "said Omar Haddad", "said Jeong Cheong-rae" (a hyphen inside a given name
    // joins it; "said Gulf-based analysts" ends at the hyphen).
    auto hyphen_joins = [&](std::uint32_t h) {
      return h + 1 < n && norm(h) == "-" && !seg_.tokens[h].space_before && !seg_.tokens[h + 1].space_before &&
             seg_.tokens[h + 1].kind == TokenKind::kWord &&
             (name_like(h + 1) || seg_.tokens[h + 1].span.end - seg_.tokens[h + 1].span.begin <= 3) &&
             lex_.analyse_verb(seg_, h + 1).empty();
    };
    std::uint32_t k = cue + 1;
    while (k < n && k < cue + 5 && name_like(k) && !seg_.tokens[k].newline_before) {
      ++k;
      if (k > cue + 1 && hyphen_joins(k)) k += 2;
    }
    if (k > cue + 1 && (k - cue - 1 >= 2 || lex_.is_first_name(norm(cue + 1)))) {
      make_person(cue + 1, k);
      if (!m.actor.id.empty()) return m;
    }
    // Before the cue: "Haddad said", after a comma or the closing quote.
    std::uint32_t b = cue;
    while (b > 0 && b + 4 > cue && name_like(b - 1)) --b;
    if (b < cue && b > 0 && (norm(b - 1) == "," || seg_.tokens[b - 1].kind == TokenKind::kQuote)) {
      make_person(b, cue);
      if (!m.actor.id.empty()) return m;
    }
    // An unnamed speaker: "a ministry spokesman said", "officials said".
    b = cue;
    while (b > 0 && b + 6 > cue) {
      // "the Secretary-General said": a hyphen inside a word joins it.
      if (b >= 2 && norm(b - 1) == "-" && !seg_.tokens[b - 1].space_before && !seg_.tokens[b].space_before &&
          seg_.tokens[b - 2].kind == TokenKind::kWord) {
        b -= 2;
        continue;
      }
      if (seg_.tokens[b - 1].kind != TokenKind::kWord || has_class(b - 1, WordClass::kPreposition) || norm(b - 1) == "and" ||
          has_class(b - 1, WordClass::kAuxiliary)) {
        break;
      }
      --b;
      if (has_class(b, WordClass::kDeterminer)) break;
    }
    for (std::uint32_t t = b; t < cue; ++t) {
      if (is_title_token(t) || norm(t) == "officials" || norm(t) == "official" || norm(t) == "sources") {
        m.actor.span = Span{seg_.tokens[b].span.begin, seg_.tokens[cue - 1].span.end};
        m.actor.text = std::string(slice(doc_.text, m.actor.span));
        return m;
      }
    }
    // "the movement's political office said:", "one Gulf-based analyst": a noun phrase with its
    // determiner right before the cue, or after an inverted "said", is the speaker's span.
    b = cue;
    // "the 53-year-old": an age stands for the person.
    while (b > 0 && b + 7 > cue &&
           (seg_.tokens[b - 1].kind == TokenKind::kWord || seg_.tokens[b - 1].kind == TokenKind::kNumber ||
            norm(b - 1) == "'s" || norm(b - 1) == "-") &&
           !has_class(b - 1, WordClass::kPreposition) && (norm(b - 1) == "'s" || !has_class(b - 1, WordClass::kAuxiliary)) && norm(b - 1) != "and") {
      --b;
      if (has_class(b, WordClass::kDeterminer) || norm(b) == "one") break;
    }
    if (b < cue && b + 1 < cue && (has_class(b, WordClass::kDeterminer) || norm(b) == "one") && b > 0 &&
        (norm(b - 1) == "," || seg_.tokens[b - 1].kind == TokenKind::kQuote || seg_.tokens[b].paragraph_before ||
         sentence_of(b).first_token == b)) {
      m.actor.span = Span{seg_.tokens[b].span.begin, seg_.tokens[cue - 1].span.end};
      m.actor.text = std::string(slice(doc_.text, m.actor.span));
      return m;
    }
    std::uint32_t e = cue + 1;
    if (e < n && (has_class(e, WordClass::kDeterminer) || norm(e) == "one")) {
      while (e + 1 < n && e < cue + 7 && (seg_.tokens[e + 1].kind == TokenKind::kWord || norm(e + 1) == "-") &&
             !has_class(e + 1, WordClass::kPreposition)) {
        ++e;
      }
      const std::string_view head = norm(e);
      if (is_unnamed_speaker_noun(head) || is_private_person_noun(head) || head == "analyst" || head == "expert" ||
          head == "observer" || head == "resident") {
        m.actor.span = Span{seg_.tokens[cue + 1].span.begin, seg_.tokens[e].span.end};
        m.actor.text = std::string(slice(doc_.text, m.actor.span));
        return m;
      }
    }
    return Mention{};
  }

  bool is_title_token(std::uint32_t k) const {
    const std::vector<PhraseEntry>* entries = nullptr;
    if (lex_.match_phrase(seg_, k, k + 1, &entries) == 0) return false;
    for (const auto& e : *entries) {
      if (e.kind == PhraseKind::kTitle) return true;
    }
    return false;
  }

  // "Joe Biden to the media, courtesy of a White House transcript:" followed by the quoted paragraph.
  void colon_blocks() {
    for (const Sentence& s : seg_.sentences) {
      if (s.boilerplate || s.end_token - s.first_token > 20 || norm(s.end_token - 1) != ":") continue;
      if (s.index + 1 >= seg_.sentences.size()) continue;
      const int speaker = mention_in(s.first_token, s.end_token);
      if (speaker < 0 || actors_.mentions[static_cast<std::size_t>(speaker)].actor.kind != "person") continue;
      // The block: the next paragraph, unless it is itself quoted (then the quote finder has it).
      const Sentence& next = seg_.sentences[s.index + 1];
      if (next.boilerplate || seg_.tokens[next.first_token].kind == TokenKind::kQuote) continue;
      std::uint32_t last = next.index;
      while (last + 1 < seg_.sentences.size() && !seg_.tokens[seg_.sentences[last + 1].first_token].paragraph_before) ++last;
      StatementRecord st;
      st.direct = true;
      st.content_parts = {Span{next.span.begin, seg_.sentences[last].span.end}};
      fill_content(st);
      finish(st, next, &actors_.mentions[static_cast<std::size_t>(speaker)], nullptr, nullptr);
      out_.quoted.push_back(st.content_span);
    }
  }

  bool inside_quote(Span span) const { return inside_any(sorted_quoted_, span); }

  void reported(const Sentence& s) {
    const SentenceView view(seg_, s, actors_.mentions);
    for (std::uint32_t v = s.first_token; v < s.end_token; ++v) {
      // Only "according to" and a verb open a reported statement: other tokens are passed over
      // before the dearer quote test.
      const bool according = norm(v) == "according" && v + 1 < s.end_token && norm(v + 1) == "to";
      if (!according && lex_.analyse_verb(seg_, v).empty()) continue;
      if (view.mention_at(v) >= 0 || inside_quote(seg_.tokens[v].span)) continue;
      // "according to X, CONTENT" and "CONTENT, according to X".
      if (according) {
        const int speaker = view.np_mention_after(v + 2, s.end_token);
        Mention unnamed_source;
        if (speaker < 0 && !unnamed_source_after(v + 2, s.end_token, &unnamed_source)) continue;
        const Mention& sp = speaker >= 0 ? view.mention(speaker) : unnamed_source;
        std::uint32_t c_first = sp.end_token;
        // "According to the Russian side, ...": the rest of the source's noun phrase is no content.
        for (std::uint32_t k = c_first; k < s.end_token && k < c_first + 4; ++k) {
          if (norm(k) == ",") {
            c_first = k;
            break;
          }
        }
        if (c_first < s.end_token && norm(c_first) == ",") ++c_first;
        std::uint32_t c_end = s.end_token;
        if (v > s.first_token + 2) {  // content before: "CONTENT, according to X."
          c_first = s.first_token;
          c_end = v;
          if (c_end > c_first && norm(c_end - 1) == ",") --c_end;
        }
        add_reported(s, sp, v, v + 2, c_first, c_end, nullptr, nullptr);
        continue;
      }
      for (const auto& a : lex_.analyse_verb(seg_, v)) {
        const CueEntry* cue = cue_at(v, a.lemma, false);
        if (cue == nullptr) continue;

        // A noun reading ("guarantor states", "the statement"): not after a determiner or preposition.
        if (v > s.first_token) {
          const std::string_view prev = norm(v - 1);
          if ((is_determiner(prev) && !another_then_past(v)) || is_preposition(prev) || prev == "'s" || prev == "to") break;
        }
        if (a.form == VerbForm::kGerund) {
          // '"...," he said, adding that ...': the speaker of the clause the gerund hangs on.
          if (v > s.first_token && norm(v - 1) == "," && v + 1 < s.end_token && norm(v + 1) == "that") {
            const StatementRecord* frame = nullptr;
            if (const int q = quote_in_sentence_[s.index]; q >= 0) {
              const StatementRecord& st = out_.statements[static_cast<std::size_t>(q)];
              if (st.speaker && st.speaker_span && st.speaker_span->end <= seg_.tokens[v].span.begin) frame = &st;
            }
            std::uint32_t c_end = s.end_token;
            while (c_end > v + 2 && seg_.tokens[c_end - 1].kind == TokenKind::kPunct) --c_end;
            if (frame == nullptr && c_end > v + 4) {
              // "Ruto ... defended the police response ..., saying that officers had acted within
              // the law" without a quote: the subject opening the sentence speaks.
              const int subject = sentence_subject(view, v);
              Mention name;
              if (subject >= 0) {
                add_reported(s, view.mention(subject), v, v + 1, v + 2, c_end, cue, nullptr);
                v = c_end;
              } else if (opening_name(view, v, &name)) {
                add_reported(s, name, v, v + 1, v + 2, c_end, cue, nullptr);
                v = c_end;
              }
            } else if (frame != nullptr && c_end > v + 4) {
              Mention sp;
              sp.actor = *frame->speaker;
              sp.actor.span = *frame->speaker_span;
              sp.pronoun = true;  // the span stays as written
              sp.first_token = first_token_at(sp.actor.span.begin);
              sp.end_token = sp.first_token + 1;
              add_reported(s, sp, v, v + 1, v + 2, c_end, cue, nullptr);
              v = c_end;
            }
          }
          if (cue->addressee && v > s.first_token && norm(v - 1) == "," && v + 3 < s.end_token) {
            // "..., telling MPs the country's finances had been left in a dire state", "telling
            // supporters he was the rightful winner": past the audience, the clause is the content.
            const std::uint32_t c_first = after_audience(view, v + 1);
            std::uint32_t c_end = s.end_token;
            while (c_end > v + 1 && seg_.tokens[c_end - 1].kind == TokenKind::kPunct) --c_end;
            const int subject = sentence_subject(view, v);
            if (c_first != UINT32_MAX && subject >= 0 && c_end > c_first + 2) {
              add_reported(s, view.mention(subject), v, v + 1, c_first, c_end, cue, nullptr);
              v = c_end;
              break;
            }
          }
          if (v > s.first_token && norm(v - 1) == "," && v + 2 < s.end_token && norm(v + 1) != "that" &&
              clause_like_start(view, v + 1) && !cue->addressee) {
            // "..., saying officers had acted within the law": the clause right after the gerund.
            const int subject = sentence_subject(view, v);
            std::uint32_t c_end = s.end_token;
            while (c_end > v + 1 && seg_.tokens[c_end - 1].kind == TokenKind::kPunct) --c_end;
            Mention name;
            if (subject >= 0 && c_end > v + 3) {
              add_reported(s, view.mention(subject), v, v + 1, v + 1, c_end, cue, nullptr);
              v = c_end;
            } else if (subject < 0 && c_end > v + 3 && opening_name(view, v, &name)) {
              // "The Bank of Canada held its key rate ..., saying ...": a name no lexicon knows.
              add_reported(s, name, v, v + 1, v + 1, c_end, cue, nullptr);
              v = c_end;
            }
          }
          break;
        }
        const VerbGroup group = verb_group(view, lex_, v, a.form);
        if (group.passive) break;
        int speaker = subject_over_insertion(view, group.start, view.subject_before(group.start));
        // 'Barrot called the expulsions "..." and said Paris would respond': a speech verb after
        // "and" with no subject of its own shares the sentence's subject.
        if (speaker < 0 && !cue->about_object && group.start > s.first_token + 2 && norm(group.start - 1) == "and" &&
            !(coordinated_speaker_ >= 0 && coordinated_cue_ == v)) {
          if (const int subject = sentence_subject(view, group.start); subject >= 0) {
            speaker = subject_over_insertion(view, group.start, subject);
            if (speaker < 0) speaker = subject;
          }
        }
        // "said the increase was ... and warned that ...": the second verb shares the subject.
        const bool coordinated = coordinated_speaker_ >= 0 && coordinated_cue_ == v;
        if (coordinated) speaker = coordinated_speaker_;
        coordinated_speaker_ = -1;
        Mention appositive;
        const bool named_after = coordinated ? coordinated_named_ : speaker >= 0 && group.start == v &&
                                                                        appositive_name(v, &appositive) &&
                                                                        view.mention(speaker).end_token <= appositive.first_token;
        if (coordinated && named_after) appositive = coordinated_appositive_;
        std::uint32_t c_first = v + 1;
        const Mention* addressee = nullptr;
        // The addressee stands before "that": "warned that Russia could ..." has none.
        std::uint32_t object_end = std::min(s.end_token, v + 4);
        for (std::uint32_t k = v + 1; k < object_end; ++k) {
          if (norm(k) == "that") object_end = k;
        }
        if (cue->addressee || cue->about_object) {
          const int obj = view.np_mention_after(v + 1, object_end);
          if (obj >= 0) {
            addressee = &view.mention(obj);
            c_first = addressee->end_token;
            // "praised Qatar and Egypt for brokering the pause": the other conjuncts of the object.
            while (cue->about_object && c_first + 1 < s.end_token && (norm(c_first) == "and" || norm(c_first) == ",")) {
              const int next = view.mention_at(c_first + 1);
              if (next < 0) break;
              c_first = view.mention(next).end_token;
            }
            if (cue->about_object && c_first < s.end_token && norm(c_first) == "for") {
              // "praised Trump for his efforts": the whole object and its reason ("Egypt's Abdel
              // Fattah el-Sisi for his role").
              c_first = v + 1;
            } else if (cue->about_object && c_first < s.end_token && (norm(c_first) == "of" || norm(c_first) == "as")) {
              ++c_first;
            } else if (cue->about_object && (c_first >= s.end_token || norm(c_first) != "that")) {
              break;  // "Zelensky rejected Trump's terms" is an act, not speech with content
            }
          } else if (cue->about_object) {
            break;
          }
        }
        // "told reporters that", "told Fox News that": an audience that is no actor; "told
        // reporters at the Rafah crossing that", "told Reuters on Tuesday that": adjunct phrases
        // between the audience and "that".
        bool audience_clause = false;
        if (cue->addressee && !cue->about_object) {
          std::uint32_t k = addressee != nullptr ? addressee->end_token : v + 1;
          bool in_adjunct = false, possessive_audience = false;
          for (const std::uint32_t limit = std::min(s.end_token, k + 12); k < limit; ++k) {
            const std::string_view w = norm(k);
            // "told reporters after a meeting that lasted three hours that ...": a "that" before a
            // verb opens a relative clause of the adjunct.
            if (w == "that" && in_adjunct && k + 1 < limit && lower_word(k + 1) && has_finite_verb(k + 1, k + 2)) continue;
            if (w == "that") {
              c_first = k;
              break;
            }
            // "told the BBC's Today programme that": the addressee owns the audience.
            if (w == "'s" && !in_adjunct && (addressee != nullptr ? k == addressee->end_token : k > v + 1)) {
              possessive_audience = true;
              continue;
            }
            const TokenKind kind = seg_.tokens[k].kind;
            if ((kind != TokenKind::kWord && !(in_adjunct && kind == TokenKind::kNumber)) || is_auxiliary(w) ||
                is_modal(w) || w == "he" || w == "she" || w == "they" || w == "we" || w == "it" || w == "i" ||
                (is_subordinator(w) && !is_preposition(w))) {
              break;
            }
            if (is_preposition(w)) {
              in_adjunct = true;
            } else if (!in_adjunct && addressee != nullptr && !possessive_audience) {
              break;  // after a named addressee only adjunct phrases come before "that"
            }
          }
          // "told reporters the talks were serious", "told AFP the two sides had not spoken": the
          // clause right after the audience is the content.
          if (c_first == (addressee != nullptr ? addressee->end_token : v + 1) &&
              (c_first >= s.end_token || norm(c_first) != "that")) {
            if (const std::uint32_t clause = after_audience(view, v + 1); clause != UINT32_MAX) {
              // The clause's verb comes before any preposition: "told Le Monde about his plans for
              // the summer" names a topic ("plans" is a noun there).
              for (std::uint32_t j = clause + 1; j < s.end_token && j < clause + 8; ++j) {
                const std::string_view x = norm(j);
                if (is_preposition(x) || seg_.tokens[j].kind == TokenKind::kPunct) break;
                if (is_auxiliary(x) || is_modal(x) || has_finite_verb(j, j + 1)) {
                  c_first = clause;
                  audience_clause = true;
                  break;
                }
              }
            }
          }
        }
        // "denied that ...", "denied it had sent troops": a clause; "denied the report" is no speech.
        const bool pronoun_clause = v + 2 < s.end_token &&
                                    (norm(v + 1) == "it" || norm(v + 1) == "he" || norm(v + 1) == "she" ||
                                     norm(v + 1) == "they" || norm(v + 1) == "we") &&
                                    (has_class(v + 2, WordClass::kAuxiliary) || has_class(v + 2, WordClass::kModal));
        if (cue->negative_content && (v + 1 >= s.end_token || (norm(v + 1) != "that" && !pronoun_clause))) break;
        // "The Pentagon said Monday that ...", "said Tuesday night it would ...": a bare weekday
        // (American style) is an adjunct of the verb, not the content's subject.
        if (addressee == nullptr && c_first == v + 1 && c_first + 1 < s.end_token && is_weekday(norm(c_first))) {
          std::uint32_t k = c_first + 1;
          if (k + 1 < s.end_token && (norm(k) == "morning" || norm(k) == "afternoon" || norm(k) == "evening" ||
                                      norm(k) == "night")) {
            ++k;
          }
          const std::string_view next = k < s.end_token ? norm(k) : std::string_view();
          // "said Monday was a good day": the weekday is the subject there.
          if (next == "that" || next == "he" || next == "she" || next == "it" || next == "they" || next == "we" ||
              next == "i" || is_determiner(next) || view.mention_at(k) >= 0) {
            c_first = k;
          }
        }
        const bool has_that = c_first < s.end_token && norm(c_first) == "that";
        // "warned Washington to stay out of the conflict", "urged Kyiv to accept", "warned Seoul
        // against sending leaflets": what a directive cue tells its addressee to do is the content.
        const bool directive = addressee != nullptr && !has_that && c_first + 1 < s.end_token &&
                               is_directive_cue(cue->cue) &&
                               ((norm(c_first) == "to" && seg_.tokens[c_first + 1].kind == TokenKind::kWord &&
                                 !has_class(c_first + 1, WordClass::kDeterminer) && !seg_.tokens[c_first + 1].upper) ||
                                (norm(c_first) == "against" && (cue->cue == "warn" || cue->cue == "caution")));
        // "X told the conference in Munich" names an audience, not what was said.
        if (cue->addressee && !cue->about_object && !has_that && !directive && !audience_clause) break;
        if (!has_that && addressee == nullptr && !clause_like_start(view, c_first)) {
          // "X said on Monday that ..." keeps going; "China responds to US moves" is no speech.
          std::uint32_t k = c_first;
          // "said on Thursday he would ...": a subject pronoun after the adjunct starts the clause.
          auto subject_pronoun = [&](std::uint32_t i) {
            const std::string_view w = norm(i);
            return w == "he" || w == "she" || w == "they" || w == "it" || w == "we" || w == "i";
          };
          // "said nothing as he left", "called for restraint and said it ...": no content here.
          bool pronoun_ok = true;
          while (k < s.end_token && k < c_first + 8 && norm(k) != "that" && norm(k) != "," &&
                 !(k > c_first && pronoun_ok && subject_pronoun(k))) {
            const std::string_view w = norm(k);
            if (w == "and" || w == "or" || w == "but" || w == "nothing" || is_subordinator(w) ||
                seg_.tokens[k].kind == TokenKind::kQuote || seg_.tokens[k].kind == TokenKind::kPunct) {
              pronoun_ok = false;
            }
            ++k;
          }
          if (k < s.end_token && (norm(k) == "that" || (k > c_first && pronoun_ok && subject_pronoun(k)))) {
            c_first = k;
          } else {
            // "CONTENT, X said on Friday."
            bool attributed = false;
            if (speaker >= 0) {
              const Mention& sp = view.mention(speaker);
              if (sp.first_token > s.first_token + 3 && norm(sp.first_token - 1) == "," && sp.end_token == group.start &&
                  !group.negated && only_adjuncts_after(v + 1, s.end_token)) {
                add_reported(s, sp, v, v + 1, s.first_token, sp.first_token - 1, cue, nullptr);
                attributed = true;
              }
            }
            // "CONTENT, the bureau said.", also when a place inside a name no lexicon knows was taken
            // for the subject ("..., Greater Manchester Police said.").
            Mention unnamed;
            if (!attributed && !group.negated && unnamed_subject(view, group.start, &unnamed) &&
                unnamed.first_token > s.first_token + 3 && norm(unnamed.first_token - 1) == "," &&
                only_adjuncts_after(v + 1, s.end_token)) {
              add_reported(s, unnamed, v, v + 1, s.first_token, unnamed.first_token - 1, cue, nullptr);
            }
            break;
          }
        }
        if (c_first < s.end_token && norm(c_first) == "that") ++c_first;
        if (c_first < s.end_token && norm(c_first) == ",") ++c_first;
        std::uint32_t c_end = s.end_token;
        // "said he was open to talks, even as the military expanded its operations": the writer's
        // contrast; "said the company would pay a dividend, but declined to say how large": the
        // speaker's next act. Neither is what was said.
        for (std::uint32_t k = c_first + 2; k + 3 < c_end; ++k) {
          if (norm(k) != "," || inside_quote(seg_.tokens[k].span)) continue;
          if ((norm(k + 1) == "even" && norm(k + 2) == "as") ||
              ((norm(k + 1) == "but" || norm(k + 1) == "and") && (norm(k + 2) == "declined" || norm(k + 2) == "refused") &&
               norm(k + 3) == "to")) {
            c_end = k;
            break;
          }
        }
        // 'said the increase was "..." and warned that the union would ...', 'said Russia was open
        // to talks but insisted that ...': a second speech verb of the same subject ends the
        // content and reports a statement of its own.
        std::uint32_t next_cue = UINT32_MAX;
        for (std::uint32_t k = c_first + 2; k + 2 < c_end; ++k) {
          if ((norm(k) != "and" && norm(k) != "but") || inside_quote(seg_.tokens[k].span)) continue;
          const CueEntry* second = nullptr;
          const std::uint32_t c = cue_in(k + 1, std::min(c_end, k + 3), &second);
          if (c == UINT32_MAX || c + 1 >= c_end) {
            // '..., and Senate Majority Leader Mitch McConnell's office said the Senate ...': a
            // speech verb with a subject of its own after ", and" ends the content; that clause
            // is another speaker's statement.
            if (norm(k - 1) != ",") continue;
            // ", and on Wednesday evening he said ...", ", but he did not say whether ...": a
            // pronoun subject with a speech verb of its own, after a short adjunct, starts a new
            // statement.
            bool pronoun_cue = false;
            for (std::uint32_t j = k + 1; j + 1 < c_end && j < k + 7; ++j) {
              const std::string_view w = norm(j);
              if (w == "he" || w == "she" || w == "they") {
                std::uint32_t c2 = j + 1;
                if (c2 + 1 < c_end && (norm(c2) == "did" || norm(c2) == "does" || norm(c2) == "had") &&
                    norm(c2 + 1) == "not") {
                  c2 += 2;
                }
                pronoun_cue = cue_in(c2, std::min(c_end, c2 + 1), &second) != UINT32_MAX;
                break;
              }
              if (seg_.tokens[j].kind != TokenKind::kWord && seg_.tokens[j].kind != TokenKind::kNumber) break;
            }
            if (pronoun_cue) {
              c_end = k - 1;
              break;
            }
            const int other = view.mention_at(k + 1) >= 0 ? view.mention_at(k + 1)
                              : (k + 2 < c_end && norm(k + 1) == "the") ? view.mention_at(k + 2) : -1;
            if (other < 0) continue;
            std::uint32_t e = view.mention(other).end_token;
            if (e < c_end && norm(e) == "'s") e += 2;  // "McConnell's office"
            if (e >= c_end || cue_in(e, std::min(c_end, e + 2), &second) == UINT32_MAX) continue;
            c_end = k - 1;
            break;
          }
          if (norm(c + 1) != "that" && !clause_like_start(view, c + 1)) continue;
          next_cue = c;
          c_end = norm(k - 1) == "," ? k - 1 : k;
          break;
        }
        while (c_end > c_first && seg_.tokens[c_end - 1].kind == TokenKind::kPunct) --c_end;
        if (next_cue != UINT32_MAX && speaker >= 0) {
          // Also when the first verb has no content of its own ("blamed the shelling and said ...").
          coordinated_speaker_ = speaker;
          coordinated_cue_ = next_cue;
          coordinated_named_ = named_after;
          if (named_after) coordinated_appositive_ = appositive;
        }
        // "posted a video of the incident on X" names what was done, not said: without "that", the
        // content must be a clause with a finite verb (a directive or a cue's object aside).
        const bool clause_content = has_that || directive || cue->about_object || clause_verb(view, c_first, c_end);
        const bool content_starts_well = c_first < s.end_token && norm(c_first) != "'s" &&
                                         seg_.tokens[c_first].kind != TokenKind::kPunct &&
                                         seg_.tokens[c_first].kind != TokenKind::kQuote && clause_content;
        Mention document_source;
        if (speaker < 0 && c_end > c_first + 2 && content_starts_well && statement_subject(group.start, s.index, &document_source)) {
          add_reported(s, document_source, v, v + 1, c_first, c_end, cue, addressee);
          v = c_end;
        } else if (speaker < 0 && c_end > c_first + 2 && content_starts_well &&
                   described_subject(view, group.start, s.index, &document_source)) {
          add_reported(s, document_source, v, v + 1, c_first, c_end, cue, addressee);
          v = c_end;
        } else if (speaker < 0 && c_end > c_first + 2 && content_starts_well && !group.negated &&
                   unnamed_subject(view, group.start, &document_source) &&
                   (document_source.first_token == s.first_token || norm(document_source.first_token - 1) == ",")) {
          add_reported(s, document_source, v, v + 1, c_first, c_end, cue, addressee);
          v = c_end;
        } else if (speaker >= 0 && c_end > c_first + 2 && content_starts_well) {
          add_reported(s, named_after ? appositive : view.mention(speaker), v, v + 1, c_first, c_end, cue, addressee);
          v = c_end;
        } else if (speaker < 0 && v > s.first_token + 3 && v + 2 >= s.end_token - 1) {
          // "CONTENT, X said." with the subject after: handled when the mention follows the verb.
        } else if (speaker < 0) {
          // "CONTENT, said X."
          const int after = view.np_mention_after(v + 1, s.end_token);
          if (after >= 0 && v > s.first_token + 3 && norm(v - 1) == ",") {
            add_reported(s, view.mention(after), v, v + 1, s.first_token, v - 1, cue, nullptr);
          }
        }
        // "CONTENT, X said."
        if (speaker >= 0 && c_end <= c_first + 2) {
          const Mention& sp = view.mention(speaker);
          if (sp.first_token > s.first_token + 3 && norm(sp.first_token - 1) == ",") {
            add_reported(s, sp, v, v + 1, s.first_token, sp.first_token - 1, cue, nullptr);
          }
        }
        break;
      }
    }
  }

  // "The Kremlin issued a statement. It said ...", '"...," the statement said.': a statement
  // speaks for the institution quoted just before; the span is the phrase itself.
  bool statement_subject(std::uint32_t verb, std::uint32_t sentence, Mention* out) const {
    if (verb == 0) return false;
    std::uint32_t b = verb - 1;
    if ((norm(b) == "also" || norm(b) == "further") && b > 0) --b;
    std::uint32_t first = b;
    if (norm(b) == "it") {
      first = b;
    } else if ((norm(b) == "statement" || norm(b) == "communique" || norm(b) == "communiqué") && b > 0 &&
               (norm(b - 1) == "the" || norm(b - 1) == "its")) {
      first = b - 1;
    } else {
      return false;
    }
    if (sentence_of(first).index != sentence && norm(b) == "it") return false;
    // The institution: the last one quoted, else the first one named in a recent sentence that
    // speaks of a statement ("The ministry said in a statement ...", "NATO issued a statement").
    const ActorRef* source = nullptr;
    if (last_speaker_ && last_speaker_ref_.kind != "person" && sentence <= last_sentence_ + 3 && last_sentence_ < sentence) {
      source = &last_speaker_ref_;
    }
    for (std::uint32_t back = 1; source == nullptr && back <= 3 && back <= sentence; ++back) {
      const Sentence& before = seg_.sentences[sentence - back];
      bool speaks = false;
      for (std::uint32_t k = before.first_token; k < before.end_token && !speaks; ++k) {
        speaks = norm(k) == "statement" || norm(k) == "statements" || norm(k) == "communique";
      }
      if (!speaks) continue;
      // The institution that speaks there: the subject of its verb ("..., the Saudi Foreign
      // Ministry said"), else the first one named.
      const ActorRef* first_named = nullptr;
      for (std::size_t k = first_mention_from(actors_.mentions, before.first_token);
           k < actors_.mentions.size() && actors_.mentions[k].first_token < before.end_token; ++k) {
        const Mention& m = actors_.mentions[k];
        if (m.modifier || m.actor.id.empty() || m.actor.kind == "person") continue;
        if (first_named == nullptr) first_named = &m.actor;
        const CueEntry* cue = nullptr;
        if (m.end_token < before.end_token && cue_in(m.end_token, m.end_token + 1, &cue) != UINT32_MAX) {
          source = &m.actor;
          break;
        }
      }
      if (source == nullptr) source = first_named;
    }
    // "UNICEF released new figures on Sunday. It said ...": an institution opening the sentence
    // just before is what "it" speaks for (persons are "he" or "she").
    if (source == nullptr && norm(b) == "it" && sentence > 0) {
      const Sentence& before = seg_.sentences[sentence - 1];
      for (std::size_t k = first_mention_from(actors_.mentions, before.first_token);
           k < actors_.mentions.size() && actors_.mentions[k].first_token < before.end_token; ++k) {
        const Mention& m = actors_.mentions[k];
        if (m.modifier || m.actor.id.empty()) continue;
        if (m.actor.kind != "person" && m.first_token <= before.first_token + 1) source = &m.actor;
        break;
      }
    }
    if (source == nullptr) return false;
    out->first_token = first;
    out->end_token = b + 1;
    out->actor = *source;
    out->actor.span = Span{seg_.tokens[first].span.begin, seg_.tokens[b].span.end};
    out->actor.text = std::string(slice(doc_.text, out->actor.span));
    out->pronoun = true;  // the span stays as written
    out->via = "coref";
    return true;
  }

  // '..., the opposition leader said he ... "...," he said.': a "he" or "she" after a role
  // description the actor stage does not see stands for the described person when no other
  // person is named between them outside the quotes (quotes are attributed before reported speech
  // finds the description, so this runs last).
  void pronouns_after_descriptions() {
    for (StatementRecord& st : out_.statements) {
      if (!st.direct || !st.speaker_span || st.sentence == 0) continue;
      const std::string_view said = slice(doc_.text, *st.speaker_span);
      if (said != "he" && said != "she" && said != "He" && said != "She") continue;
      const Mention* description = nullptr;
      for (const Mention& d : descriptions_) {
        if (d.actor.span.end <= st.speaker_span->begin && d.sentence + 1 >= st.sentence) description = &d;
      }
      if (description == nullptr || (st.speaker && st.speaker->id == description->actor.id)) continue;
      bool other = false;
      for (std::size_t k = first_mention_from(actors_.mentions, description->end_token);
           k < actors_.mentions.size() && seg_.tokens[actors_.mentions[k].first_token].span.begin < st.speaker_span->begin; ++k) {
        const Mention& m = actors_.mentions[k];
        other = other || (!m.pronoun && !m.modifier && m.actor.kind == "person" && !in_any_quote(m.actor.span));
      }
      if (other) continue;
      ActorRef actor = description->actor;
      actor.span = *st.speaker_span;
      actor.text = std::string(said);
      st.speaker = actor;
      for (std::size_t a = 0; a < st.about.size(); ++a) {
        if (st.about[a].actor.id == actor.id) {
          st.about.erase(st.about.begin() + static_cast<std::ptrdiff_t>(a));
          break;
        }
      }
    }
  }

  // "..., the opposition leader said he ...": a role description right before the verb, opening
  // the clause (after the sentence's start or a comma), that stands for a person named before.
  bool described_subject(const SentenceView& view, std::uint32_t verb, std::uint32_t sentence, Mention* out) {
    std::uint32_t b = verb;
    while (b > view.begin() && b + 5 > verb && seg_.tokens[b - 1].kind == TokenKind::kWord && norm(b - 1) != "the" &&
           view.mention_at(b - 1) < 0 && !has_class(b - 1, WordClass::kPreposition)) {
      --b;
    }
    if (b == verb || b == view.begin() || norm(b - 1) != "the") return false;
    const std::uint32_t first = b - 1;
    if (first != view.begin() && norm(first - 1) != ",") return false;
    Mention m;
    m.sentence = sentence;
    m.actor.span = Span{seg_.tokens[first].span.begin, seg_.tokens[verb - 1].span.end};
    m.actor.text = std::string(slice(doc_.text, m.actor.span));
    resolve_role_description(m, sentence);
    if (m.actor.id.empty()) return false;
    *out = m;
    descriptions_.push_back(m);
    return true;
  }

  // Nouns for an institution or a document that speaks without being a known actor: "the
  // central electoral bureau", "the presidency", "the ruling".
  static bool is_institution_noun(std::string_view w) {
    static const WordList kNouns = {
        "bureau",     "presidency", "commission", "ministry", "office",    "agency",     "court",    "committee",
        "council",    "government", "department", "police",  "army",      "military",   "party",    "union",
        "unions",     "campaign",   "company",   "bank",      "authority", "authorities", "regulator", "tribunal",
        "ruling",     "judgment",   "judgement", "verdict",   "statement", "communique", "embassy",  "secretariat",
        "prosecutors", "prosecution", "board",   "cabinet",   "junta",     "coalition",  "alliance", "group"};
    return kNouns.contains(w);
  }

  // The subject before a speech verb that no lexicon knows, as a span without an actor: an
  // unnamed person or institution ("A senior administration official, who spoke on condition
  // of anonymity, said", "the central electoral bureau said", "The presidency insisted") or a
  // capitalised name opening the sentence ("Bloomberg Economics said").
  bool unnamed_subject(const SentenceView& view, std::uint32_t verb, Mention* out) const {
    // "the family said", "the assembly said": a noun in "-ly" after a determiner, which the verb
    // group took for an adverb before the verb.
    if (verb > view.begin() && norm(verb).ends_with("ly") && has_class(verb - 1, WordClass::kDeterminer) && lower_word(verb)) ++verb;
    std::uint32_t b = verb;
    if (b > view.begin() && (norm(b - 1) == "also" || norm(b - 1) == "further")) --b;
    if (b > view.begin() + 2 && norm(b - 1) == ",") {
      // Over a relative clause: ", who spoke on condition of anonymity,"; over an apposition:
      // "Unite, the union that represents about 4,000 workers at the two companies, said".
      std::uint32_t k = b - 1;
      while (k > view.begin() && norm(k - 1) != "," && seg_.tokens[k - 1].kind != TokenKind::kQuote) --k;
      // "The chief financial officer, Per Aune, said": a name no lexicon knows set off after a
      // description is the speaker an annotator marks.
      bool all_capitalised = k + 1 < b && k + 4 >= b - 1;
      for (std::uint32_t j = k; j + 1 < b && all_capitalised; ++j) {
        all_capitalised = seg_.tokens[j].kind == TokenKind::kWord && seg_.tokens[j].upper && view.mention_at(j) < 0;
      }
      if (all_capitalised && k > view.begin() + 1 && norm(k - 1) == "," &&
          (is_role_head(k - 2) || is_unnamed_speaker_noun(norm(k - 2)) || is_source_noun(norm(k - 2)))) {
        unnamed_speaker(out, k, b - 1, b - 2);
        return true;
      }
      if (k > view.begin() && norm(k - 1) == "," &&
          (norm(k) == "who" || norm(k) == "which" || ((norm(k) == "the" || norm(k) == "a") && k + 2 < b))) {
        b = k - 1;
      } else {
        return false;
      }
    }
    std::uint32_t end = b;
    // "A person familiar with the matter said", "an official briefed on the talks said": the
    // head noun stands before the postmodifier; the span keeps it.
    for (std::uint32_t k = end; k > view.begin() && k + 6 > end; --k) {
      const std::string_view w = norm(k - 1);
      if ((w == "familiar" || w == "briefed" || w == "close") && k < end && has_class(k, WordClass::kPreposition)) {
        b = k - 1;
        break;
      }
      if (seg_.tokens[k - 1].kind != TokenKind::kWord) break;
    }
    const std::uint32_t phrase_end = end;
    end = b;
    bool capitalised = true;
    // "The hotel's manager", "The Auditor-General's office": a possessive inside the phrase.
    auto inner_hyphen = [&](std::uint32_t h) {  // "Auditor-General"
      return norm(h) == "-" && !seg_.tokens[h].space_before && h + 1 < seg_.tokens.size() && !seg_.tokens[h + 1].space_before;
    };
    while (b > view.begin() && b + 7 > end &&
           (seg_.tokens[b - 1].kind == TokenKind::kWord || norm(b - 1) == "'s" || inner_hyphen(b - 1)) &&
           !has_class(b - 1, WordClass::kPreposition) && (!has_class(b - 1, WordClass::kAuxiliary) || norm(b - 1) == "'s") && !has_class(b - 1, WordClass::kModal) &&
           norm(b - 1) != "and" && norm(b - 1) != "or" && norm(b - 1) != "but" && !has_class(b - 1, WordClass::kSubordinator) &&
           (view.mention_at(b - 1) < 0 ||
            // "Greater Manchester Police said": a place inside a capitalised name.
            (view.mention(view.mention_at(b - 1)).actor.kind == "location" && capitalised && b < end &&
             (seg_.tokens[b - 1].upper || seg_.tokens[b - 1].all_caps)))) {
      --b;
      if (has_class(b, WordClass::kDeterminer) || norm(b) == "one") break;
      capitalised = capitalised && (seg_.tokens[b].upper || seg_.tokens[b].all_caps || inner_hyphen(b));
    }
    // "A spokeswoman for the company said", "a lawyer for the family said": the person noun
    // before "for" or "of" heads the phrase.
    if (b > view.begin() + 1 && (norm(b - 1) == "for" || norm(b - 1) == "of") &&
        (is_unnamed_speaker_noun(norm(b - 2)) || is_source_noun(norm(b - 2)))) {
      std::uint32_t h = b - 2;
      while (h > view.begin() && h + 4 > b - 2 && seg_.tokens[h - 1].kind == TokenKind::kWord && !has_class(h - 1, WordClass::kPreposition) &&
             view.mention_at(h - 1) < 0) {
        --h;
        if (has_class(h, WordClass::kDeterminer)) break;
      }
      if (has_class(h, WordClass::kDeterminer) && (h == view.begin() || norm(h - 1) == ",")) {
        unnamed_speaker(out, h, end, phrase_end - 1);
        return true;
      }
    }
    // "one of the people said": the partitive belongs to the phrase.
    if (b > view.begin() + 1 && norm(b) == "the" && norm(b - 1) == "of" && b >= view.begin() + 2 && norm(b - 2) == "one") {
      b -= 2;
    }
    if (b == end || (b > view.begin() && norm(b - 1) != "," && seg_.tokens[b - 1].kind != TokenKind::kQuote)) return false;
    const std::string_view head = norm(end - 1);
    const bool determined = has_class(b, WordClass::kDeterminer) || norm(b) == "one";
    // "..., police said.", "..., officials said.": a bare plural (or "police") is a phrase of its own.
    const bool bare_plural = end == b + 1 && (head == "police" || (head.size() > 3 && head.ends_with("s")));
    const bool noun = (is_unnamed_speaker_noun(head) || is_institution_noun(head) || is_source_noun(head) ||
                       is_private_person_noun(head)) &&
                      (determined || end > b + 1 || bare_plural);
    // "Bloomberg Economics said", "Castell said", "..., Greater Manchester Police said.": one to
    // three capitalised words opening the sentence or the attribution after a comma.
    const bool name = !determined && capitalised && (b == view.begin() || norm(b - 1) == ",") && end >= b + 1 &&
                      end <= b + 3 && (lex_.analyse_verb(head).empty() || is_institution_noun(head)) &&
                      !is_function_word(norm(b));
    if (!noun && !name) return false;
    if (determined && end == b + 1) return false;
    // "Neither government confirmed", "No official commented": nobody said it.
    if (norm(b) == "neither" || norm(b) == "no" || norm(b) == "none" || norm(b) == "nobody") return false;
    out->first_token = b;
    out->end_token = end;
    out->actor = ActorRef{};
    // "The ministry said" after "the Russian Foreign Ministry": the nearest organisation named in
    // the sentence or the four before whose name holds the noun is the one meant.
    if (norm(b) == "the" && is_institution_noun(head)) {
      const std::uint32_t sentence = sentence_of(b).index;
      for (std::size_t k = first_mention_from(actors_.mentions, b); k-- > 0;) {
        const Mention& m = actors_.mentions[k];
        if (m.sentence + 4 < sentence) break;
        if (m.pronoun || m.modifier || m.actor.id.empty() || m.actor.kind == "person" || m.actor.kind == "location") continue;
        std::string known = m.actor.name + " " + m.actor.text;
        for (char& c : known) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const std::size_t at = known.find(head);
        const bool word = at != std::string::npos && (at == 0 || known[at - 1] == ' ') &&
                          (at + head.size() == known.size() || known[at + head.size()] == ' ');
        if (word) {
          out->actor = m.actor;
          break;
        }
      }
    }
    // "The official, who spoke on condition of anonymity, said" after "according to an Egyptian
    // official": the unnamed person of an earlier statement, within three sentences, whose phrase
    // has the same head noun speaks for the same side.
    if (norm(b) == "the" && is_unnamed_speaker_noun(head) && out->actor.id.empty()) {
      const std::size_t sentence = sentence_of(b).index;
      for (std::size_t k = out_.statements.size(); k-- > 0;) {
        const StatementRecord& st = out_.statements[k];
        if (st.sentence + 3 < sentence || st.sentence > sentence) continue;
        if (!st.speaker || !st.speaker_span || st.speaker->kind == "person") continue;
        const std::string_view text = slice(doc_.text, *st.speaker_span);
        const std::size_t at = text.rfind(head);
        if (at == std::string_view::npos || (at > 0 && text[at - 1] != ' ')) continue;
        const std::size_t after = at + head.size();
        if (after != text.size() && text[after] != ' ') continue;
        out->actor = *st.speaker;
        break;
      }
    }
    out->actor.span = Span{seg_.tokens[b].span.begin, seg_.tokens[phrase_end - 1].span.end};
    out->actor.text = std::string(slice(doc_.text, out->actor.span));
    return true;
  }

  // "The Bank of Canada held its key rate ..., saying ...": a capitalised name no lexicon knows
  // ("of" and "for" may join its words) opening the sentence right before a finite verb is the
  // subject; the mention has the span and no actor.
  bool opening_name(const SentenceView& view, std::uint32_t before, Mention* out) const {
    std::uint32_t b = view.begin();
    if (seg_.tokens[b].all_caps) {  // a dateline
      for (std::uint32_t k = b + 1; k < before && k < view.begin() + 8; ++k) {
        if (seg_.tokens[k].kind == TokenKind::kDash || (norm(k) == "-" && seg_.tokens[k].space_before)) {
          b = k + 1;
          break;
        }
      }
    }
    std::uint32_t k = b;
    if (k < before && norm(k) == "the") ++k;
    const std::uint32_t name_start = k;
    while (k < before && k < name_start + 6 &&
           ((seg_.tokens[k].kind == TokenKind::kWord && (seg_.tokens[k].upper || seg_.tokens[k].all_caps)) ||
            (k > name_start && (norm(k) == "of" || norm(k) == "for")))) {
      ++k;
    }
    if (k == name_start || norm(k - 1) == "of" || norm(k - 1) == "for" || is_function_word(norm(name_start))) return false;
    // Past forms the same as the base ("Volkswagen cut its forecasts") read as the predicate here.
    static const WordList kSamePast = {"cut", "put", "set", "hit", "let", "cost", "shut", "spread", "quit", "hurt"};
    const bool same_past = k < before && kSamePast.contains(norm(k));
    if (k >= before || !lower_word(k) || (!has_finite_verb(k, k + 1) && !same_past)) return false;
    unnamed_speaker(out, b, k, k - 1);
    return true;
  }

  // Words that open a sentence capitalised without naming anyone.
  static bool is_function_word(std::string_view w) {
    static const WordList kWords = {"it", "this", "that", "there", "these", "those", "he",   "she",
                                                  "they", "we", "i",    "you",   "who",   "what",  "which", "many",
                                                  "some", "all", "each", "both", "most",  "others", "here", "then"};
    return kWords.contains(w);
  }

  // Whether the words after a cue up to the sentence's end are adjuncts only ("on Friday", "in a
  // statement"), not a clause, a parenthesis going on (", he said, belonged to ...") or a colon.
  bool only_adjuncts_after(std::uint32_t from, std::uint32_t to) const {
    for (std::uint32_t k = from; k < to; ++k) {
      const Token& t = seg_.tokens[k];
      if (t.kind == TokenKind::kPunct && k + 1 == to && (norm(k) == "." || norm(k) == "!")) return true;
      // "..., one of the people said, asking not to be identified because ...": a participle
      // clause about the speaker.
      if (norm(k) == "," && k + 1 < to && looks_like_gerund(k + 1)) return true;
      if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) return false;
      if (norm(k) == "that" || has_class(k, WordClass::kAuxiliary) || has_class(k, WordClass::kModal)) return false;
    }
    return true;
  }

  void add_reported(const Sentence& s, const Mention& speaker, std::uint32_t cue_first, std::uint32_t cue_end,
                    std::uint32_t c_first, std::uint32_t c_end, const CueEntry* cue, const Mention* addressee) {
    if (c_first < c_end && seg_.tokens[c_first].kind == TokenKind::kQuote) ++c_first;  // a quote's own mark
    if (c_end <= c_first) return;
    const Span content{seg_.tokens[c_first].span.begin, seg_.tokens[c_end - 1].span.end};
    if (inside_quote(content)) return;
    // '"...," Peskov told journalists, according to Interfax': content that starts inside a
    // quote and runs on past it is the quote with its attribution, not another statement.
    auto q = std::upper_bound(sorted_quoted_.begin(), sorted_quoted_.end(), Span{content.begin, UINT32_MAX});
    if (q != sorted_quoted_.begin()) {
      const Span& before = *(q - 1);
      if (before.begin <= content.begin && content.begin < before.end && content.end > before.end) return;
    }
    // One statement per reported content (quotes were ruled out above); a set, not a scan of every
    // statement so far, keeps a document with thousands of them linear.
    const std::uint64_t key = span_key(content);
    if (reported_contents_.count(key) != 0) return;
    StatementRecord st;
    st.direct = false;
    st.content_parts = {content};
    fill_content(st);
    st.cue.span = Span{seg_.tokens[cue_first].span.begin, seg_.tokens[cue_end - 1].span.end};
    st.cue.text = std::string(slice(doc_.text, st.cue.span));
    const std::size_t before = out_.statements.size();
    finish(st, s, &speaker, cue, addressee);
    if (out_.statements.size() > before) {
      reported_contents_.insert(key);
      if (cue != nullptr && cue->about_object) object_framed_.insert(key);
    }
  }

  void fill_content(StatementRecord& st) const {
    st.content.clear();
    for (const Span& p : st.content_parts) {
      if (!st.content.empty()) st.content += ' ';
      st.content += slice(doc_.text, p);
    }
    st.content_span = Span{st.content_parts.front().begin, st.content_parts.back().end};
  }

  std::uint32_t first_token_at(std::uint32_t byte) const {
    auto it = std::lower_bound(seg_.tokens.begin(), seg_.tokens.end(), byte,
                               [](const Token& t, std::uint32_t b) { return t.span.begin < b; });
    return static_cast<std::uint32_t>(it - seg_.tokens.begin());
  }

  int content_stance(const StatementRecord& st) const {
    int score = 0;
    for (const Span& part : st.content_parts) {
      for (std::uint32_t k = first_token_at(part.begin); k < seg_.tokens.size(); ++k) {
        const Token& t = seg_.tokens[k];
        if (t.span.end > part.end) break;
        if (t.kind != TokenKind::kWord) continue;
        int s = lex_.content_stance(seg_, k);
        if (s == 0) continue;
        // "not legitimate", "no threat": a negation just before flips the word.
        for (std::uint32_t b = k; b > 0 && b + 3 > k; --b) {
          if (has_class(b - 1, WordClass::kNegation)) { s = -s; break; }
        }
        score += s;
      }
    }
    return score;
  }

  // The date of the speech act: a date phrase outside the content ("wrote on Sunday that ...",
  // '"...," he said on Tuesday'); dates inside the content are about what was said.
  Date statement_date(const Sentence& s, Span content) const {
    std::uint32_t content_first = s.end_token, content_end = s.end_token;
    for (std::uint32_t k = s.first_token; k < s.end_token; ++k) {
      if (seg_.tokens[k].span.begin >= content.begin && content_first == s.end_token) content_first = k;
      if (seg_.tokens[k].span.begin >= content.end) {
        content_end = k;
        break;
      }
    }
    if (auto d = find_date(doc_.text, seg_, s.first_token, content_first, doc_.date)) return d->date;
    if (auto d = find_date(doc_.text, seg_, content_end, s.end_token, doc_.date)) return d->date;
    Date date = doc_.date;
    date.origin = DateOrigin::kDocument;
    return date;
  }

  // Nouns for a person speaking for an institution without a name: "a senior White House
  // official", "a spokesman for the air force".
  static bool is_unnamed_speaker_noun(std::string_view w) {
    static const WordList kNouns = {"official",  "officials",  "spokesman", "spokeswoman", "spokesperson",
                                                  "diplomat",  "diplomats",  "source",    "sources",     "aide",
                                                  "aides",     "adviser",    "advisor",   "negotiator",  "negotiators",
                                                  "insider",   "insiders",   "officer",   "officers",    "spokespeople",
                                                  "ambassador", "envoy",     "commander", "minister",    "delegation",
                                                  "president", "leader",     "side",      "ministers",   "leaders",
                                                  "envoys",    "ambassadors", "commanders", "presidents"};
    return kNouns.contains(w);
  }

  // Unnamed sources and people named by their job only: "two people familiar with the matter",
  // "the hotel's manager", "the rail operator".
  static bool is_source_noun(std::string_view w) {
    static const WordList kNouns = {"person",   "people",   "manager",   "managers", "operator",
                                                  "director", "chairman", "chairwoman", "founder",  "lawyer",
                                                  "lawyers",  "analyst",  "analysts",  "executive", "executives"};
    return kNouns.contains(w);
  }

  // What is cited without anyone speaking: "according to preliminary results", "a poll by Ipsos".
  static bool is_data_noun(std::string_view w) {
    static const WordList kNouns = {"data",    "figures", "results",  "result",     "poll",    "polls",
                                                  "survey",  "surveys", "estimate", "estimates",  "statistics", "tally",
                                                  "count",   "calculations", "analysis", "records", "documents",
                                                  "filings", "footage", "images",   "map",        "maps",    "schedule"};
    return kNouns.contains(w);
  }

  // People who speak for no institution: "one resident of Tel Aviv", "a farmer in Ohio". The
  // place names where they live; it is not the speaker.
  static bool is_private_person_noun(std::string_view w) {
    static const WordList kNouns = {"resident", "residents", "witness", "witnesses", "farmer",  "farmers",
                                                  "teacher",  "student",   "students", "voter",    "voters",  "woman",
                                                  "man",      "mother",    "father",   "shopkeeper", "worker", "workers",
                                                  "survivor", "survivors", "villager", "villagers", "neighbour", "neighbor",
                                                  "trader",   "traders",   "investor", "investors", "commuter", "commuters",
                                                  "passenger", "passengers", "shopper", "shoppers", "protester", "protesters",
                                                  "demonstrator", "demonstrators", "nurse", "doctor", "parent", "parents",
                                                  "pensioner", "pensioners", "driver", "drivers"};
    return kNouns.contains(w);
  }

  bool lower_word(std::uint32_t k) const {
    const Token& t = seg_.tokens[k];
    return t.kind == TokenKind::kWord && !t.upper && !t.all_caps;
  }

  // The surface span of a speaker as a reader marks it: the whole noun phrase with its
  // determiner ("the Kremlin", "the Russian president", "the Secretary-General"). Sets *unnamed
  // when the phrase is an unnamed person of an institution ("a senior White House official"):
  // the speaker stays the institution (as CAMEO codes it), the span is the person's phrase.
  // Whether the token is a demonym or name used as a modifier ("Philippine", "Russian").
  bool is_modifier_token(std::uint32_t token) const {
    const std::size_t from = first_mention_from(actors_.mentions, token > 3 ? token - 3 : 0);
    for (std::size_t k = from; k < actors_.mentions.size() && actors_.mentions[k].first_token <= token; ++k) {
      const Mention& m = actors_.mentions[k];
      if (m.modifier && m.end_token == token + 1) return true;
    }
    return false;
  }

  Span speaker_surface(const Mention& m, bool* unnamed, bool* private_person) const {
    *unnamed = false;
    *private_person = false;
    const std::uint32_t n = static_cast<std::uint32_t>(seg_.tokens.size());
    // "His office said", "Prime Minister Benjamin Netanyahu's office said in a statement": the
    // office speaks; the reader marks the whole phrase.
    if (m.end_token > m.first_token && m.end_token + 1 < n) {
      const std::string_view w = norm(m.first_token);
      const bool possessive_pronoun = m.pronoun && (w == "his" || w == "her" || w == "its" || w == "their");
      std::uint32_t k = m.end_token;
      if (!m.pronoun && norm(k) == "'s") ++k;
      const std::string_view noun = k < n ? norm(k) : std::string_view();
      const bool office = noun == "office" || noun == "government" || noun == "administration" || noun == "cabinet" ||
                          noun == "campaign" || noun == "ministry";
      if (office && (possessive_pronoun || (!m.pronoun && k > m.end_token))) {
        std::uint32_t first = m.first_token;
        if (!m.pronoun && first > 0 && has_class(first - 1, WordClass::kDeterminer) && !seg_.tokens[first].newline_before) --first;
        return Span{seg_.tokens[first].span.begin, seg_.tokens[k].span.end};
      }
    }
    if (m.pronoun || m.end_token <= m.first_token || m.end_token > seg_.tokens.size()) return m.actor.span;
    // From the actor's own span, not the whole mention: "Kremlin spokesman Dmitry Peskov" keeps
    // its name as the speaker span, as before.
    std::uint32_t first = first_token_at(m.actor.span.begin), end = first;
    while (end < n && seg_.tokens[end].span.end <= m.actor.span.end) ++end;
    if (end <= first || seg_.tokens[first].span.begin != m.actor.span.begin) return m.actor.span;
    auto joined = [&](std::uint32_t k) { return !seg_.tokens[k].space_before && !seg_.tokens[k].newline_before; };
    // "Secretary-General": a hyphenated title the mention starts in the middle of.
    while (first >= 2 && joined(first) && joined(first - 1) && norm(first - 1) == "-" &&
           seg_.tokens[first - 2].kind == TokenKind::kWord) {
      first -= 2;
    }
    // "a senior White House official": the agent mention ends in the person noun already.
    if (m.via == "agent" && is_unnamed_speaker_noun(norm(end - 1))) *unnamed = true;
    // "White House official", "Kremlin spokesman", "foreign ministry spokeswoman".
    for (std::uint32_t k = end; !*unnamed && k < n && k < end + 3 && lower_word(k); ++k) {
      if (is_unnamed_speaker_noun(norm(k))) {
        const bool named_after = k + 1 < n && seg_.tokens[k + 1].kind == TokenKind::kWord && seg_.tokens[k + 1].upper;
        if (!named_after) {
          end = k + 1;
          *unnamed = true;
        }
        break;
      }
      if (has_class(k, WordClass::kPreposition) || has_class(k, WordClass::kDeterminer)) break;
    }
    // "a spokesman for the Ukrainian air force": the person noun before "for" / "of".
    if (!*unnamed) {
      std::uint32_t k = first;
      if (k > 0 && has_class(k - 1, WordClass::kDeterminer)) --k;
      if (k >= 2 && (norm(k - 1) == "for" || norm(k - 1) == "of" || norm(k - 1) == "at") &&
          is_unnamed_speaker_noun(norm(k - 2))) {
        first = k - 2;
        *unnamed = true;
      } else if (k >= 2 && (norm(k - 1) == "of" || norm(k - 1) == "in" || norm(k - 1) == "from") &&
                 is_private_person_noun(norm(k - 2))) {
        first = k - 2;
        *unnamed = true;
        *private_person = true;
      }
    }
    if (*unnamed) {
      // "a senior", "two": modifiers of the unnamed person.
      while (first > 0 && first + 4 > m.first_token && lower_word(first - 1) && !has_class(first - 1, WordClass::kDeterminer) &&
             !has_class(first - 1, WordClass::kPreposition) && !has_class(first - 1, WordClass::kAuxiliary) && !has_class(first - 1, WordClass::kSubordinator) &&
             norm(first - 1) != "and" && norm(first - 1) != "but" && norm(first - 1) != "or" &&
             lex_.verb_cues(norm(first - 1)) == nullptr && lex_.analyse_verb(seg_, first - 1).empty()) {
        --first;
      }
    }
    if (!*unnamed && m.actor.kind != "person") {
      // "The Department of Home Affairs", "The Office for Budget Responsibility": a name the
      // actor stage cut at its "of" or "for" goes on through the capitalised words after it.
      std::uint32_t k = end;
      if (k > first && (norm(k - 1) == "of" || norm(k - 1) == "for")) --k;
      if (k + 1 < n && k > first && (norm(k) == "of" || norm(k) == "for") && seg_.tokens[k - 1].upper) {
        std::uint32_t e = k + 1;
        while (e < n && seg_.tokens[e].kind == TokenKind::kWord && seg_.tokens[e].upper && !seg_.tokens[e].newline_before) ++e;
        if (e > k + 1) end = e;
      }
      // "The Philippine Department of Foreign Affairs": the demonym before the name is part of it.
      if (first > 0 && seg_.tokens[first - 1].kind == TokenKind::kWord && seg_.tokens[first - 1].upper &&
          !seg_.tokens[first].newline_before && is_modifier_token(first - 1)) {
        --first;
      }
    }
    // "One EU diplomat": the numeral of an unnamed person is its determiner.
    if (first > 0 && (norm(first - 1) == "the" || norm(first - 1) == "a" || norm(first - 1) == "an" ||
                      (*unnamed && norm(first - 1) == "one")) &&
        !seg_.tokens[first].newline_before) {
      --first;
    }
    // "an Egyptian official briefed on the talks", "a diplomat familiar with the plans": the
    // postmodifier that says why the unnamed person knows belongs to the phrase.
    if ((*unnamed || is_unnamed_speaker_noun(norm(end - 1))) && end + 2 < n &&
        (norm(end) == "familiar" || norm(end) == "briefed") && has_class(end + 1, WordClass::kPreposition)) {
      std::uint32_t k = end + 2;
      while (k < n && k < end + 7 && seg_.tokens[k].kind == TokenKind::kWord && !has_class(k, WordClass::kAuxiliary) &&
             !has_class(k, WordClass::kModal) && norm(k) != "said" && norm(k) != "told") {
        ++k;
      }
      if (k > end + 2 && k < n && seg_.tokens[k].kind == TokenKind::kPunct) end = k;
    }
    return Span{seg_.tokens[first].span.begin, seg_.tokens[end - 1].span.end};
  }

  // For a pronoun the coreference resolved: itself when an earlier mention of its actor within
  // three sentences stands outside every quote (or none is near); else the nearest earlier person mention outside
  // the quotes, within three sentences, whose gender does not contradict the pronoun (nullptr
  // when there is none).
  const Mention* pronoun_antecedent_outside_quotes(const Mention& pronoun) const {
    if (in_any_quote(pronoun.actor.span)) return &pronoun;
    const std::uint32_t sentence = sentence_of(pronoun.first_token).index;
    const std::size_t end = first_mention_from(actors_.mentions, pronoun.first_token);
    bool quoted_antecedent = false;
    for (std::size_t k = end; k-- > 0;) {
      const Mention& m = actors_.mentions[k];
      if (m.sentence + 3 < sentence) break;
      if (m.pronoun || m.modifier || m.actor.id != pronoun.actor.id) continue;
      if (!in_any_quote(m.actor.span)) return &pronoun;
      quoted_antecedent = true;
    }
    if (!quoted_antecedent) return &pronoun;
    const std::string_view word = norm(pronoun.first_token);
    for (std::size_t k = end; k-- > 0;) {
      const Mention& m = actors_.mentions[k];
      if (m.sentence + 3 < sentence) break;
      if (m.modifier || m.plural || m.actor.kind != "person" || m.actor.id == pronoun.actor.id ||
          in_any_quote(m.actor.span)) {
        continue;
      }
      const ActorEntry* entry = lex_.actor_by_id(m.actor.id);
      const std::string gender = entry != nullptr ? entry->gender : std::string();
      if ((word == "he" && gender == "female") || (word == "she" && gender == "male")) continue;
      return &m;
    }
    return nullptr;
  }

  // The person mentioned last before `m` whose name has more words and ends with m's words
  // ("Alexandre de Moraes" for "Moraes"), if any.
  std::optional<ActorRef> earlier_person_ending_with(const Mention& m) const {
    const std::string& said = m.actor.text;
    if (said.empty()) return std::nullopt;
    auto ends_name = [&](const ActorRef& other) {
      if (other.kind != "person" || other.id == m.actor.id) return false;
      for (const std::string* name : {&other.name, &other.text}) {
        if (name->size() > said.size() + 1 && name->ends_with(said) && (*name)[name->size() - said.size() - 1] == ' ') {
          return true;
        }
      }
      return false;
    };
    std::optional<ActorRef> found;
    for (std::size_t k = 0; k < actors_.mentions.size() && actors_.mentions[k].first_token < m.first_token; ++k) {
      const Mention& other = actors_.mentions[k];
      if (other.pronoun || other.modifier || !ends_name(other.actor)) continue;
      found = other.actor;
    }
    return found;
  }

  void finish(StatementRecord& st, const Sentence& s, const Mention* speaker, const CueEntry* cue, const Mention* addressee) {
    st.sentence = s.index;
    st.span = Span{std::min(s.span.begin, st.content_span.begin), std::max(s.span.end, st.content_span.end)};
    st.date = statement_date(s, st.content_span);
    bool unnamed = false, private_person = false;
    const Span surface = speaker != nullptr ? speaker_surface(*speaker, &unnamed, &private_person) : Span{};
    Mention resolved;
    if (speaker != nullptr && speaker->pronoun && !speaker->actor.id.empty() && !speaker->plural) {
      // 'On Russia, he was blunt: "Putin will stop only when he is stopped." ... he replied:': a
      // "he" outside the quotes never stands for a name the speaker only quoted; it is the
      // person named or meant outside the quotes before it.
      if (const Mention* outside = pronoun_antecedent_outside_quotes(*speaker); outside != speaker) {
        resolved = *speaker;
        resolved.actor = outside != nullptr ? outside->actor : ActorRef{};
        resolved.actor.span = speaker->actor.span;
        resolved.actor.text = speaker->actor.text;
        speaker = &resolved;
      }
    }
    if (speaker != nullptr && speaker->pronoun && speaker->actor.id.empty() && !speaker->plural) {
      // "The Ukrainian leader made a post on X. '...,' he insisted.": a "he" or "she" the
      // coreference left open is the person the sentence before is about (its first person).
      resolved = *speaker;
      if (s.index > 0) {
        const Sentence& before = seg_.sentences[s.index - 1];
        for (std::size_t k = first_mention_from(actors_.mentions, before.first_token);
             k < actors_.mentions.size() && actors_.mentions[k].first_token < before.end_token; ++k) {
          const Mention& m = actors_.mentions[k];
          if (m.modifier || m.actor.id.empty()) continue;
          if (m.actor.kind != "person") break;  // the sentence is about something else: leave it open
          resolved.actor = m.actor;
          resolved.actor.span = speaker->actor.span;
          resolved.actor.text = speaker->actor.text;
          speaker = &resolved;
          break;
        }
      }
    }
    if (speaker != nullptr && !speaker->pronoun && speaker->actor.kind == "person" && !speaker->actor.id.empty() &&
        lex_.actor_by_id(speaker->actor.id) == nullptr) {
      // '"...," Moraes said' after "Justice Alexandre de Moraes", "Dan" after "Nicusor Dan": a
      // name no lexicon knows that ends the name of a person named before is that person.
      if (const auto full = earlier_person_ending_with(*speaker)) {
        resolved = *speaker;
        resolved.actor = *full;
        resolved.actor.span = speaker->actor.span;
        resolved.actor.text = speaker->actor.text;
        speaker = &resolved;
      }
    }
    if (speaker != nullptr && speaker->actor.kind == "person" && !speaker->actor.country.empty() &&
        slice(doc_.text, surface).ends_with("office")) {
      // "Prime Minister Benjamin Netanyahu's office said", "His office said": the office of a head
      // of state or government speaks for the state's government (CAMEO's ISRGOV); a
      // legislator's office ("McConnell's office") stays the person's.
      if (const ActorEntry* entry = lex_.actor_by_id(speaker->actor.id); entry != nullptr && entry->sector == "GOV") {
        bool leads = false;
        for (const Role& role : entry->roles) {
          leads = leads || role.title == "president" || role.title == "prime minister" || role.title == "chancellor" ||
                  role.title == "premier";
        }
        const std::uint32_t state = leads ? lex_.state_index(speaker->actor.country) : UINT32_MAX;
        if (state != UINT32_MAX) {
          const ActorEntry& country = lex_.actors()[state];
          resolved = *speaker;
          resolved.actor.id = country.id;
          resolved.actor.name = country.name;
          resolved.actor.kind = country.kind;
          resolved.actor.country = country.country;
          resolved.actor.sector = "GOV";
          resolved.actor.code = country.country + "GOV";
          speaker = &resolved;
        }
      }
    }
    if (speaker != nullptr && !speaker->actor.id.empty() && !private_person) {
      st.speaker = speaker->actor;
      st.speaker->span = surface;
      st.speaker->text = std::string(slice(doc_.text, surface));
      st.speaker_span = surface;
      last_speaker_ = true;
      last_speaker_ref_ = speaker->actor;
      last_sentence_ = s.index;
    } else if (speaker != nullptr) {
      st.speaker_span = surface;
    }
    const int stance = content_stance(st);
    const Stance content = stance > 0 ? Stance::kPositive : (stance < 0 ? Stance::kNegative : Stance::kNeutral);
    std::map<std::string, std::size_t> seen;
    auto add_about = [&](const ActorRef& actor, Stance lean, bool addressed) {
      if (st.speaker && actor.id == st.speaker->id) return;
      if (actor.id.empty()) return;
      auto it = seen.find(actor.id);
      if (it != seen.end()) {
        st.about[it->second].addressee = st.about[it->second].addressee || addressed;
        return;
      }
      seen.emplace(actor.id, st.about.size());
      st.about.push_back(AboutRef{actor, lean, addressed});
    };
    if (addressee != nullptr) {
      Stance lean = content;
      if (cue != nullptr && cue->stance != 0) lean = cue->stance > 0 ? Stance::kPositive : Stance::kNegative;
      add_about(addressee->actor, lean, cue != nullptr && cue->addressee);
    }
    // Mentions inside the content: a person's noun phrase may start a few tokens before its name.
    const std::uint32_t content_first = first_token_at(st.content_span.begin);
    for (std::size_t k = first_mention_from(actors_.mentions, content_first > 8 ? content_first - 8 : 0);
         k < actors_.mentions.size() && seg_.tokens[actors_.mentions[k].first_token].span.begin < st.content_span.end;
         ++k) {
      const Mention& m = actors_.mentions[k];
      if (!st.content_span.contains(m.actor.span)) continue;
      bool inside = false;
      for (const Span& p : st.content_parts) inside = inside || p.contains(m.actor.span);
      if (inside) add_about(m.actor, content, false);
    }
    out_.statements.push_back(std::move(st));
  }

  const Document& doc_;
  const Segmentation& seg_;
  const ActorAnalysis& actors_;
  const Lexicon& lex_;
  std::vector<std::uint32_t> sentence_of_token_;
  std::vector<Quote> quotes_;
  std::set<std::size_t> used_;
  bool last_speaker_ = false;
  ActorRef last_speaker_ref_;
  std::vector<Span> sorted_quoted_;
  int coordinated_speaker_ = -1;             // the subject of a speech verb coordinated with the last one
  std::uint32_t coordinated_cue_ = UINT32_MAX;  // ... and that verb's token
  bool coordinated_named_ = false;              // ... named in an apposition no lexicon knows:
  Mention coordinated_appositive_;
  std::unordered_set<std::uint64_t> reported_contents_;  // content spans of reported statements
  std::vector<Mention> descriptions_;  // role descriptions resolved as subjects of reported speech
  std::unordered_set<std::uint64_t> object_framed_;      // ... of those whose cue takes an object ("praised X for")
  std::uint32_t last_sentence_ = 0;
  std::optional<ActorRef> last_quote_speaker_;  // the last direct quote's speaker and its span
  std::optional<Span> last_quote_span_;
  std::vector<int> quote_in_sentence_;  // per sentence: the last direct quote attributed there, or -1
  std::uint32_t last_quote_sentence_ = 0;
  StatementAnalysis out_;
};

}  // namespace

void apply_event_stance(std::vector<StatementRecord>& statements, const std::vector<EventRecord>& events) {
  std::vector<std::size_t> order(events.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return events[a].trigger.span.begin < events[b].trigger.span.begin;
  });
  for (StatementRecord& st : statements) {
    if (st.about.empty()) continue;
    auto it = std::lower_bound(order.begin(), order.end(), st.content_span.begin, [&](std::size_t e, std::uint32_t b) {
      return events[e].trigger.span.begin < b;
    });
    // Acts pulling both ways ("Putin insulted the men who had hosted him") cancel out.
    std::vector<int> score(st.about.size(), 0);
    for (; it != order.end() && events[*it].trigger.span.begin < st.content_span.end; ++it) {
      const EventRecord& e = events[*it];
      bool inside = false;
      for (const Span& p : st.content_parts) inside = inside || p.contains(e.trigger.span);
      if (!inside || e.negated || e.quad_class == 0) continue;
      const int lean = e.quad_class >= 3 ? -1 : 1;
      const bool by_speaker = st.speaker && e.source.id == st.speaker->id;
      // "Our forces struck ...": the speaker's own act leans toward its target; an act of another
      // actor leans toward that actor, and cooperation also toward whom it helps.
      const std::string& toward = by_speaker && e.target ? e.target->id : e.source.id;
      for (std::size_t a = 0; a < st.about.size(); ++a) {
        const std::string& id = st.about[a].actor.id;
        if (id == toward || (lean > 0 && e.target && id == e.target->id)) score[a] += lean;
      }
    }
    for (std::size_t a = 0; a < st.about.size(); ++a) {
      if (score[a] != 0) st.about[a].stance = score[a] > 0 ? Stance::kPositive : Stance::kNegative;
    }
  }
}

StatementAnalysis find_statements(const Document& doc, const Segmentation& seg, const ActorAnalysis& actors,
                                  const Lexicon& lexicon) {
  return Finder(doc, seg, actors, lexicon).run();
}

}  // namespace geokg::extract
