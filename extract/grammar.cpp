#include "extract/grammar.hpp"

#include <algorithm>
#include <array>
#include <unordered_set>

namespace geokg::extract {

namespace {

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Verbs that put the verb after them under negation or into the future: "refused to sign".
constexpr std::array<std::string_view, 9> kNegatingControllers = {"refuse", "fail", "decline", "reject", "deny",
                                                                  "avoid", "stop", "cease", "halt"};
constexpr std::array<std::string_view, 15> kFutureControllers = {
    "plan", "intend", "expect", "aim", "hope", "want", "seek", "vow", "pledge", "promise", "prepare",
    "propose", "offer", "agree", "schedule"};
// Controllers that express the subject's own intention (CAMEO codes intent, root 03).
constexpr std::array<std::string_view, 5> kIntentControllers = {"vow", "pledge", "promise", "offer", "agree"};
constexpr std::array<std::string_view, 6> kHypotheticalModals = {"would", "could", "may", "might", "should", "'d"};

constexpr std::array<std::string_view, 24> kAgentNouns = {
    "leaders", "ministers", "heads", "presidents", "officials", "delegations", "representatives", "envoys",
    "governments", "chiefs", "negotiators", "diplomats", "militaries", "armies", "navies", "forces", "premiers",
    "counterparts", "thousands", "hundreds", "dozens", "scores", "millions", "tens"};
// Head nouns whose prepositional phrase names the actor concerned: "its border with Belarus",
// "tariffs on goods from Mexico".
constexpr std::array<std::string_view, 14> kRelationalHeads = {
    "border", "borders", "frontier", "imports", "goods", "exports", "products", "shipments", "steel", "aluminium",
    "aluminum", "cars", "vehicles", "companies"};
}  // namespace

std::uint32_t time_adverbial_start(const SentenceView& view, std::uint32_t last) {
  // "on Monday", "last week", "earlier this month", "on Friday night", "yesterday".
  if (last < view.begin() || last >= view.end() || !view.is(last, WordClass::kTimeNoun)) return last + 1;
  std::uint32_t k = last;
  while (k > view.begin()) {
    const std::string_view w = view.norm(k - 1);
    if (w == "on" || w == "last" || w == "this" || w == "next" || w == "earlier" || w == "later" ||
        view.is(k - 1, WordClass::kTimeNoun)) {
      --k;
      continue;
    }
    break;
  }
  return k;
}

std::uint32_t time_adverbial_end(const SentenceView& view, std::uint32_t first) {
  std::uint32_t k = first;
  if (k < view.end() && (view.norm(k) == "on" || view.norm(k) == "last" || view.norm(k) == "this" ||
                         view.norm(k) == "earlier" || view.norm(k) == "later" || view.norm(k) == "next")) {
    ++k;
  }
  if (k < view.end() && view.is(k, WordClass::kTimeNoun)) {
    ++k;
    if (k < view.end() && view.is(k, WordClass::kTimeNoun)) ++k;  // "on Friday night"
    return k;
  }
  return first;
}

bool is_controller(std::string_view lemma) {
  return in(kNegatingControllers, lemma) || in(kFutureControllers, lemma) || lemma == "threaten";
}

SentenceView::SentenceView(const Segmentation& seg, const Sentence& sentence, const std::vector<Mention>& mentions)
    : seg_(seg), sentence_(sentence), mentions_(mentions),
      token_mention_(sentence.end_token - sentence.first_token, -1) {
  // Mentions are sorted by first token: start at the sentence's first (a person's noun phrase may
  // begin a little before its name, never before its sentence).
  for (std::size_t k = first_mention_from(mentions, sentence.first_token);
       k < mentions.size() && mentions[k].first_token < sentence.end_token; ++k) {
    const Mention& m = mentions[k];
    if (m.sentence != sentence.index) continue;
    for (std::uint32_t t = m.first_token; t < m.end_token && t < sentence.end_token; ++t) {
      if (t >= sentence.first_token) token_mention_[t - sentence.first_token] = static_cast<int>(k);
    }
  }
}

std::uint32_t SentenceView::clause_start(std::uint32_t i) const {
  const auto breaks_before = [this](std::uint32_t k) {
    const Token& t = seg_.tokens[k - 1];
    const std::string_view w = norm(k - 1);
    // A subordinator is never a quote or a semicolon: one bit test settles most tokens.
    if ((t.classes & WordClass::kSubordinator) != 0) return mention_at(k - 1) < 0 && w != "as" && w != "so";
    return t.kind == TokenKind::kQuote || (w.size() == 1 && (w[0] == ';' || w[0] == ':'));
  };
  if (i >= begin() && i <= end()) {
    // One pass over the sentence answers every later call (verbs ask for it again and again).
    if (clause_from_.empty()) {
      clause_from_.resize(end() - begin() + 1);
      clause_from_[0] = begin();
      for (std::uint32_t k = begin() + 1; k <= end(); ++k) {
        clause_from_[k - begin()] = breaks_before(k) ? k : clause_from_[k - 1 - begin()];
      }
    }
    return clause_from_[i - begin()];
  }
  std::uint32_t k = i;
  while (k > begin()) {
    const std::string_view w = norm(k - 1);
    if (w == ";" || w == ":" || seg_.tokens[k - 1].kind == TokenKind::kQuote) break;
    if (mention_at(k - 1) < 0 && is(k - 1, WordClass::kSubordinator) && w != "as" && w != "so") break;
    --k;
  }
  return k;
}

int SentenceView::np_mention_after(std::uint32_t from, std::uint32_t limit) const {
  limit = std::min(limit, end());
  int adjectives = 0;
  int possessor = -1;
  for (std::uint32_t i = from; i < limit; ++i) {
    const int m = mention_at(i);
    // "met his Iranian counterpart", "called their leader": a possessive pronoun is a determiner
    // of the noun phrase, not its head.
    // Without another actor in the phrase the possessor stands for it: "struck its embassy".
    if (m >= 0 && mention(m).pronoun && mention(m).end_token < limit && possessor < 0 &&
        (norm(i) == "his" || norm(i) == "her" || norm(i) == "its" || norm(i) == "their")) {
      possessor = m;
      i = mention(m).end_token - 1;
      continue;
    }
    if (m >= 0) {
      // "US President Donald Trump": the affiliation is a modifier of the person who follows; a
      // modifier with no actor after it ("Russian positions") names the actor itself.
      // "hosted European Commission President Ursula von der Leyen": the organisation named in a
      // person's title is not the one acted on.
      if (mention(m).end_token < limit) {
        const int next = mention_at(mention(m).end_token);
        if (next >= 0 && next != m && mention(next).actor.kind == "person" && mention(m).actor.kind != "person") {
          return next;
        }
      }
      // "killed Hamas political chief Ismail Haniyeh", "Hamas's military chief Mohammed Deif": the
      // group is part of the person's title.
      if (mention(m).actor.kind != "person") {
        for (std::uint32_t k = mention(m).end_token; k < end() && k < mention(m).end_token + 4; ++k) {
          const int head = mention_at(k);
          if (head >= 0 && head != m) {
            if (mention(head).actor.kind == "person" && mention(head).first_token == k) return head;
            break;
          }
          const Token& t = seg_.tokens[k];
          if (norm(k) != "'s" && (t.kind != TokenKind::kWord || t.upper || is(k, WordClass::kPreposition) ||
                                  is(k, WordClass::kAuxiliary) || is(k, WordClass::kSubordinator) || norm(k) == "and")) {
            break;
          }
        }
      }
      if (mention(m).modifier) {
        for (std::uint32_t k = mention(m).end_token; k < limit && k < mention(m).end_token + 5; ++k) {
          const int head = mention_at(k);
          if (head >= 0 && head != m) return head;
          const Token& t = seg_.tokens[k];
          if (t.kind != TokenKind::kWord && t.kind != TokenKind::kDash && norm(k) != "'s") break;
          if (is(k, WordClass::kPreposition) || is(k, WordClass::kAuxiliary)) break;
        }
      }
      return m;
    }
    const Token& t = seg_.tokens[i];
    const std::string_view w = norm(i);
    if (is(i, WordClass::kDeterminer) || w == "'s" || t.kind == TokenKind::kNumber) continue;
    // Quantities before the head: "more than 500 Afghans", "at least 20 Palestinians", "dozens of
    // Iranians", "tens of thousands of ethnic Armenians".
    if (i + 1 < limit && (((w == "more" || w == "less" || w == "fewer") && norm(i + 1) == "than") ||
                          (w == "at" && (norm(i + 1) == "least" || norm(i + 1) == "most")) ||
                          (w == "up" && norm(i + 1) == "to"))) {
      ++i;
      limit = std::min(end(), limit + 2);
      continue;
    }
    if ((w == "with" || w == "from") && i > from && in(kRelationalHeads, norm(i - 1))) {
      limit = std::min(end(), limit + 1);
      continue;
    }
    if (w == "of" && i > from && (norm(i - 1) == "dozens" || norm(i - 1) == "hundreds" || norm(i - 1) == "thousands" ||
                                  norm(i - 1) == "millions" || norm(i - 1) == "scores" || norm(i - 1) == "tens")) {
      limit = std::min(end(), limit + 1);
      continue;
    }
    if (t.kind == TokenKind::kWord &&
        !is(i, WordClass::kPreposition | WordClass::kAuxiliary | WordClass::kModal | WordClass::kSubordinator) &&
        w != "and" && w != "or" && i + 1 < limit && ++adjectives <= 3) {
      continue;  // an adjective or two: "neighbouring Ukraine", "the new Syrian government"
    }
    break;
  }
  return possessor;
}

std::uint32_t SentenceView::possessor_start(std::uint32_t first) const {
  if (first < begin() + 2 || norm(first - 1) != "'s") return first;
  std::uint32_t k = first - 1;
  while (k > begin() && k + 4 > first && mention_at(k - 1) < 0 && seg_.tokens[k - 1].kind == TokenKind::kWord &&
         seg_.tokens[k - 1].upper) {
    --k;
  }
  return k + 1 < first ? k : first;
}

// Premodifiers that may stand between "and" and the next member of a coordination: "the army and
// the paramilitary Rapid Support Forces".
constexpr std::array<std::string_view, 16> kActorPremodifiers = {
    "paramilitary", "rebel",     "rival",   "new",      "former",     "interim",  "militant", "allied",
    "breakaway",    "separatist", "islamist", "jihadist", "neighbouring", "neighboring", "armed", "ruling"};

std::vector<int> SentenceView::coordinated(int index) const {
  // Rightwards: "X and Y", "X, Y and Z". Comma-joined items count only in a list closed by "and"
  // ("The US delivered tanks to Ukraine, Zelensky said" is no list).
  std::vector<int> result{index};
  std::size_t confirmed = 1;  // items up to the last "and"
  const Mention& m = mention(index);
  std::uint32_t i = m.end_token;
  while (i + 1 < end()) {
    const std::string_view w = norm(i);
    if (w != "and" && w != "," && w != "&") break;
    std::uint32_t j = i + 1;
    bool conjunction = w != ",";
    if (norm(j) == "and") {
      // "expelled ten Russian diplomats, and Moscow answered": a comma before "and" after a single
      // item joins two clauses; a list of two takes no comma.
      if (w == "," && result.size() == 1) break;
      ++j;
      conjunction = true;
    }
    // "Ukraine and the United States": the article may belong to the mention itself.
    if (j < end() && norm(j) == "the" && mention_at(j) < 0) ++j;
    while (j + 1 < end() && mention_at(j) < 0 && in(kActorPremodifiers, norm(j))) ++j;
    // "Kim Jong Un and Russia's Vladimir Putin": a possessor absorbed into the person's mention.
    for (std::uint32_t q = j; q < end() && q < j + 4 && mention_at(q) < 0 && seg_.tokens[q].upper; ++q) {
      if (q + 2 < end() && norm(q + 1) == "'s" && mention_at(q + 2) >= 0 && possessor_start(q + 2) == j) {
        j = q + 2;
        break;
      }
    }
    const int next = mention_at(j);
    if (next < 0 || next == result.back() || mention(next).first_token != j) break;
    result.push_back(next);
    if (conjunction) confirmed = result.size();
    i = mention(next).end_token;
  }
  result.resize(confirmed);
  // "the two leaders": the mentions of one phrase act together.
  if (m.group != 0) {
    for (std::uint32_t t = m.first_token > begin() + 3 ? m.first_token - 3 : begin(); t < end() && t < m.first_token + 4; ++t) {
      const int other = mention_at(t);
      if (other >= 0 && mention(other).group == m.group &&
          std::find(result.begin(), result.end(), other) == result.end()) {
        result.push_back(other);
      }
    }
  }
  return result;
}

int SentenceView::subject_before(std::uint32_t verb_start) const {
  // "Iran and Russia, which both face sanctions, signed ...": the verb follows a relative clause;
  // its subject stands before the clause's opening comma.
  if (verb_start > begin() + 2 && norm(verb_start - 1) == ",") {
    for (std::uint32_t k = verb_start - 1; k > begin() + 1; --k) {
      if (norm(k - 1) != "which" && norm(k - 1) != "who") continue;
      if (norm(k - 2) != ",") break;
      const int antecedent = mention_at(k - 3 >= begin() ? k - 3 : begin());
      if (antecedent >= 0) {
        // The head of a coordination is its leftmost member.
        int head = antecedent;
        std::uint32_t first = mention(head).first_token;
        while (first > begin() + 1 && (norm(first - 1) == "and" || norm(first - 1) == ",")) {
          const int left = mention_at(first - 2);
          if (left < 0) break;
          head = left;
          first = mention(head).first_token;
        }
        return head;
      }
      break;
    }
  }
  const std::uint32_t stop = clause_start(verb_start);
  // "X, who met Y": the relative pronoun's antecedent is the subject ("X, which Britain blamed on
  // Moscow": not when the relative clause has a subject of its own).
  std::uint32_t first = stop;
  while (first < verb_start && mention_at(first) < 0 && is(first, WordClass::kDeterminer)) ++first;
  const bool own_subject = first < verb_start && mention_at(first) >= 0;
  if (stop > begin() && !own_subject && (norm(stop - 1) == "who" || norm(stop - 1) == "which")) {
    std::uint32_t k = stop - 1;
    if (k > begin() && norm(k - 1) == ",") --k;
    const int m = k > begin() ? mention_at(k - 1) : -1;
    if (m >= 0) return m;
  }
  int candidate = -1;
  std::uint32_t i = verb_start;
  while (i > stop) {
    --i;
    const int m = mention_at(i);
    if (m < 0) continue;
    const Mention& mention_here = mention(m);
    i = mention_here.first_token;
    // "Iran-backed militias attacked", "the Saudi-led coalition struck": the backer or leader
    // before the dash modifies the subject, whose head is no actor of ours; it is not the subject.
    if (mention_here.modifier && mention_here.end_token + 1 < verb_start &&
        seg_.tokens[mention_here.end_token].kind == TokenKind::kDash && !seg_.tokens[mention_here.end_token + 1].space_before) {
      const std::string_view participle = norm(mention_here.end_token + 1);
      if (participle == "backed" || participle == "led" || participle == "supported" || participle == "sponsored" ||
          participle == "funded" || participle == "allied" || participle == "aligned" || participle == "armed" ||
          participle == "controlled" || participle == "installed") {
        continue;
      }
    }
    // Skip mentions inside prepositional phrases ("the head of X", "talks with Y"): look past a
    // determiner and up to two lower-case modifiers for a preposition.
    std::uint32_t k = i;
    for (int skipped = 0; k > stop && skipped < 3; ++skipped) {
      const std::string_view w = norm(k - 1);
      const Token& t = seg_.tokens[k - 1];
      const bool modifier =
          t.kind == TokenKind::kWord && !t.upper &&
          (t.classes & (WordClass::kPreposition | WordClass::kAuxiliary | WordClass::kModal | WordClass::kSubordinator)) == 0 &&
          w != "and" && mention_at(k - 1) < 0;
      if ((t.classes & WordClass::kDeterminer) == 0 && !modifier) break;
      --k;
    }
    // "The foreign ministers of India and Japan held talks": the states named after a plural agent
    // noun and "of" are the ones who act.
    const bool agents_of = k > stop + 1 && norm(k - 1) == "of" && in(kAgentNouns, norm(k - 2));
    if (k > stop && is(k - 1, WordClass::kPreposition) && !agents_of) continue;
    k = possessor_start(i);
    // "Sudan's army and the Rapid Support Forces": an article or premodifier of the later member
    // stands between it and the "and" of the coordination.
    if (k == i) {
      while (k > stop && mention_at(k - 1) < 0 && (is(k - 1, WordClass::kDeterminer) || in(kActorPremodifiers, norm(k - 1)))) --k;
    }
    // "Russia's Foreign Ministry" / "Putin's delegation": the possessor is the actor.
    candidate = m;
    // "Mark Rutte, NATO's secretary-general, praised": the appositive names the person's office;
    // the person before it is the subject.
    if (mention_here.actor.kind != "person" && k > stop + 1 && norm(k - 1) == ",") {
      const int person = mention_at(k - 2);
      if (person >= 0 && mention(person).actor.kind == "person" && mention(person).end_token == k - 1 &&
          verb_start > begin() && norm(verb_start - 1) == ",") {
        candidate = person;
        break;
      }
    }
    // Keep scanning left over an apposition or coordination only: "X, the Y envoy, said".
    if (k > stop && (norm(k - 1) == "and" || norm(k - 1) == ",")) {
      // Prefer the leftmost member of a coordination as the head.
      int left = -1;
      std::uint32_t j = k - 1;
      if (j > stop) {
        std::uint32_t back = j;
        while (back > stop && mention_at(back - 1) < 0 && (is(back - 1, WordClass::kDeterminer))) --back;
        left = back > stop ? mention_at(back - 1) : -1;
      }
      // "Spain, Ireland and Norway recognised ...": walk left over the whole list.
      const bool in_list = norm(k - 1) == "and" ||
                           (norm(k - 1) == "," && mention_here.end_token < end() &&
                            (norm(mention_here.end_token) == "and" || norm(mention_here.end_token) == ","));
      if (left >= 0 && in_list) {
        i = mention(left).end_token;
        continue;
      }
    }
    break;
  }
  return candidate;
}

VerbGroup verb_group(const SentenceView& view, const Lexicon& lexicon, std::uint32_t v, VerbForm form) {
  VerbGroup g;
  g.start = v;
  bool be_seen = false;
  std::uint32_t i = v;
  while (i > view.begin()) {
    const std::string_view w = view.norm(i - 1);
    if (view.mention_at(i - 1) >= 0) break;
    const std::uint16_t classes = view.token(i - 1).classes;
    if ((classes & WordClass::kNegation) != 0) { g.negated = true; --i; continue; }
    if ((classes & WordClass::kModal) != 0) {
      if (in(kHypotheticalModals, w)) g.modality = Modality::kHypothetical;
      else if (w == "will" || w == "'ll" || w == "shall" || w == "wo") g.modality = Modality::kFuture;
      --i;
      continue;
    }
    if ((classes & WordClass::kAuxiliary) != 0) {
      if (w == "be" || w == "is" || w == "are" || w == "was" || w == "were" || w == "been" || w == "being" ||
          w == "am" || w == "get" || w == "got" || w == "gets") {
        be_seen = true;
      }
      --i;
      continue;
    }
    if (w == "to" && i >= 2 + view.begin()) {
      // "refused to sign", "plans to visit", "is expected to meet", "going to"; a time adverbial
      // may stand between controller and infinitive: "agreed on Tuesday to boost trade".
      const std::uint32_t to_at = i;
      const std::uint32_t before_time = time_adverbial_start(view, i - 2);
      if (before_time != i - 1 && before_time > view.begin()) i = before_time + 1;
      const std::string_view c = view.norm(i - 2);
      bool controlled = false;
      for (const auto& a : lexicon.analyse_verb(c)) {
        if (in(kNegatingControllers, a.lemma)) {
          g.negated = true;
          g.refused = g.refused || a.lemma == "refuse" || a.lemma == "decline" || a.lemma == "reject";
          controlled = true;
        }
        else if (in(kFutureControllers, a.lemma)) {
          if (g.modality == Modality::kAsserted) g.modality = Modality::kFuture;
          g.intent = g.intent || in(kIntentControllers, a.lemma);
          g.agreed = g.agreed || a.lemma == "agree";
          controlled = true;
        }
      }
      if (!controlled && c != "going" && c != "set" && c != "due" && c != "likely" && c != "able" && c != "ready" &&
          c != "willing" && c != "prepared") {
        // "urged Hamas to release", "threatened to strike", "called on Iran to halt": the verb is
        // what another act asks for or threatens, not an event of its own.
        for (std::uint32_t k = i - 1; k > view.begin() && k + 7 > i; --k) {
          if (view.norm(k - 1) == "." || view.norm(k - 1) == ";") break;
          bool act = false;
          bool instrument = false;
          for (const auto& a : lexicon.analyse_verb(view.seg(), k - 1)) {
            if (lexicon.verb_patterns(a.lemma) != nullptr || lexicon.verb_cues(a.lemma) != nullptr) act = true;
            // "used glide bombs to strike Kharkiv": the means names how the act is done; the act
            // after it is the subject's own.
            instrument = instrument || ((a.lemma == "use" || a.lemma == "employ") && a.form != VerbForm::kBase);
          }
          if (instrument) break;
          if (act) {
            g.embedded = true;
            break;
          }
        }
      }
      if (c == "going" || c == "set" || c == "due" || c == "likely" || c == "able" || c == "ready" || c == "willing" ||
          c == "prepared") {
        if (g.modality == Modality::kAsserted) g.modality = c == "likely" ? Modality::kHypothetical : Modality::kFuture;
        // "said it was ready to hold talks": a declared readiness is an expressed intent (CAMEO 03).
        g.intent = g.intent || c == "ready" || c == "willing" || c == "prepared";
        controlled = true;
      }
      if (controlled || c == "order" || c == "ordered") {
        i -= 2;
        continue;
      }
      i = to_at;
      break;
    }
    // "to help fight insurgents": the bare infinitive after "help" is part of the purpose clause.
    if (w == "help" && i >= 2 + view.begin() && view.norm(i - 2) == "to" &&
        (form == VerbForm::kBase || form == VerbForm::kThird)) {
      --i;
      continue;
    }
    if (w == "reportedly" || w == "allegedly") { if (g.modality == Modality::kAsserted) g.modality = Modality::kReported; --i; continue; }
    if (w.size() > 3 && w.ends_with("ly")) { --i; continue; }  // adverbs: "also", "already", "reportedly"
    if (w == "also" || w == "already" || w == "still" || w == "just" || w == "now" || w == "then" || w == "again" ||
        w == "once" || w == "even" || w == "jointly" || w == "repeatedly") {
      --i;
      continue;
    }
    break;
  }
  g.start = i;
  g.passive = be_seen && (form == VerbForm::kParticiple || form == VerbForm::kPastOrParticiple);
  return g;
}

}  // namespace geokg::extract
