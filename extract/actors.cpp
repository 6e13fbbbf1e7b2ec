#include "extract/actors.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <unordered_map>
#include <unordered_set>

#include "extract/grammar.hpp"
#include "extract/text.hpp"

namespace geokg::extract {

// Actor fields are std::strings: compared with string_view literals, a different length answers
// at once instead of after a strlen and a memcmp.
using namespace std::string_view_literals;

namespace {

// Head words that make a capitalised sequence an organisation.
constexpr std::array<std::string_view, 48> kOrgWords = {
    "club", "ministry", "council", "party", "institute", "university", "agency", "bank", "committee",
    "school", "foundation", "center", "centre", "forum", "front", "movement", "army", "forces", "group",
    "association", "union", "commission", "court", "office", "service", "corporation", "company",
    "times", "post", "news", "network", "brigade", "battalion", "regiment", "guard", "corps",
    "department", "parliament", "assembly", "congress", "senate", "organization", "organisation",
    "alliance", "federation", "academy", "board", "authority"};
// Organisation heads that, with a state's name or demonym, stand for that state's government or
// military ("the Russian Defence Ministry" -> Russia MIL) rather than for a new actor.
constexpr std::array<std::string_view, 12> kStateBodyWords = {
    "ministry", "government", "army", "forces", "navy", "military", "foreign", "defence", "defense",
    "cabinet", "administration", "embassy"};
// Agent nouns for people and bodies often found in another state ("diplomats in Vienna").
constexpr auto kForeignPresence = std::to_array<std::string_view>({
    "diplomat", "diplomats", "envoy", "envoys", "ambassador", "ambassadors", "delegation", "delegations",
    "delegate", "delegates", "negotiator", "negotiators", "mediator", "mediators", "embassy", "embassies",
    "consulate", "consulates", "mission", "missions", "inspector", "inspectors", "observer", "observers",
    "monitor", "monitors", "visitor", "visitors", "tourist", "tourists", "refugee", "refugees", "migrant",
    "migrants", "expatriate", "expatriates", "hostage", "hostages", "prisoner", "prisoners"});
constexpr std::array<std::string_view, 16> kNamedAgreementHeads = {
    "accords", "accord", "agreement", "agreements", "protocol", "protocols", "declaration", "process", "format",
    "convention", "conventions", "memorandum", "charter", "communique", "framework", "pact"};
constexpr std::array<std::string_view, 20> kPlaceHeads = {
    "river", "valley", "sea", "lake", "mountains", "mountain", "bay", "gulf", "strait", "straits", "island",
    "islands", "desert", "basin", "canal", "coast", "falls", "peninsula", "heights", "plain"};
constexpr std::array<std::string_view, 8> kNameConnectors = {"of", "on", "for", "and", "the", "de", "al", "bin"};
// Lower-case particles inside a person's name: "Alexandre de Moraes", "Ursula von der Leyen".
constexpr auto kNameParticles = std::to_array<std::string_view>({
    "de", "da", "do", "dos", "das", "di", "del", "della", "du", "van", "von", "der", "den", "ter", "ten",
    "bin", "ibn", "al", "el", "la", "le"});

// Verbs of saying followed by what is said, never by an object: "said it had", "added it would".
constexpr auto kSayOnly = std::to_array<std::string_view>({
    "said", "says", "added", "adds", "stated", "claimed", "insisted", "argued", "noted", "announced", "confirmed",
    "maintained", "believed", "thought", "hoped", "feared", "saying", "adding", "stating", "claiming", "insisting",
    "arguing", "noting", "announcing", "confirming", "maintaining"});

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool is_name_token(const Token& t) { return t.kind == TokenKind::kWord && (t.upper || t.all_caps); }

std::string sector_for_day(const ActorEntry& a, std::int32_t day, std::string* title) {
  // The role active on the document's day decides the sector; with no date, the latest role.
  const Role* best = nullptr;
  for (const Role& r : a.roles) {
    if (day != kNoDay && r.active_on(day)) { best = &r; break; }
  }
  if (best == nullptr && day == kNoDay && !a.roles.empty()) best = &a.roles.back();
  if (best != nullptr && title != nullptr) *title = best->title;
  if (best != nullptr && !best->sector.empty()) return best->sector;
  return a.sector;
}

// actor_ref() written into `ref` (its text and span are left as they are).
void set_actor_ref(const Lexicon& lexicon, std::uint32_t index, std::int32_t day, ActorRef& ref) {
  const ActorEntry& a = lexicon.actors()[index];
  ref.id = a.id;
  ref.name = a.name;
  ref.kind = a.kind;
  ref.country = a.country;
  if (a.kind == "person"sv) {
    ref.sector = sector_for_day(a, day, nullptr);
  } else {
    ref.sector = a.sector;
  }
  if (a.kind == "state"sv || a.kind == "person"sv || a.kind == "location"sv) {
    ref.code = a.country;
    ref.code += ref.sector;
  } else {
    ref.code = a.code;
  }
}

// Orders mentions by first token. A Mention holds eight strings, so the sort moves 4-byte indices
// and then each mention at most once; std::sort on the indices makes the same comparisons and swaps
// as on the mentions themselves, so the order of mentions that start at the same token is
// unchanged. Mentions are found left to right, so most are in place already and stay there.
void sort_by_first_token(std::vector<Mention>& mentions) {
  std::vector<std::uint32_t> order(mentions.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&mentions](std::uint32_t a, std::uint32_t b) {
    return mentions[a].first_token < mentions[b].first_token;
  });
  std::size_t in_place = 0;
  while (in_place < order.size() && order[in_place] == in_place) ++in_place;
  if (in_place == order.size()) return;
  // Position k takes mentions[order[k]]: each cycle of the permutation is followed from its
  // first position, so a mention out of place is moved once (and one per cycle twice).
  for (std::size_t k = in_place; k < order.size(); ++k) {
    if (order[k] == k) continue;
    Mention first = std::move(mentions[k]);
    std::size_t j = k;
    while (order[j] != k) {
      const std::size_t from = order[j];
      mentions[j] = std::move(mentions[from]);
      order[j] = static_cast<std::uint32_t>(j);
      j = from;
    }
    mentions[j] = std::move(first);
    order[j] = static_cast<std::uint32_t>(j);
  }
}

struct Candidate {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  const PhraseEntry* entry = nullptr;
};

class Resolver {
 public:
  Resolver(const Document& doc, const Segmentation& seg, const Lexicon& lexicon)
      : doc_(doc), seg_(seg), lex_(lexicon), day_(day_number(doc.date.value)) {}

  ActorAnalysis run() {
    // About one mention per ten tokens in news text; reserved so that a mention is rarely moved
    // by the vector's growth.
    out_.mentions.reserve(seg_.tokens.size() / 8 + 16);
    for (const Sentence& s : seg_.sentences) {
      if (s.boilerplate || is_credit_or_link(s)) continue;
      scan_sentence(s);
    }
    resolve_weak();
    agents_in_states();
    speakers_for();
    administrations();
    sort_by_first_token(out_.mentions);
    drop_appositive_descriptions();
    resolve_pronouns();
    resolve_bodies();
    return std::move(out_);
  }

 private:
  std::string_view norm(std::uint32_t i) const { return seg_.norm_of(i); }
  bool is(std::uint32_t i, std::uint16_t classes) const { return (seg_.tokens[i].classes & classes) != 0; }

  // "Chinese and Russian warships", "Russian, Ukrainian, Turkish and UN officials": the states
  // coordinated right before the mention at token `at` share the agent noun after it.
  void share_agent_sector(const Sentence& s, std::uint32_t at, std::string_view sector) {
    for (std::size_t k = out_.mentions.size(); k > 0 && at >= 1;) {
      Mention& prev = out_.mentions[--k];
      const std::string_view link = norm(at - 1);
      if (prev.sentence != s.index || prev.end_token + 1 != at || prev.actor.kind != "state"sv ||
          prev.actor.country.empty() || (link != "and" && link != "or" && link != ",") ||
          (prev.via != "demonym"sv && prev.via != "lexicon"sv)) {
        break;
      }
      prev.actor.sector = std::string(sector);
      prev.actor.code = prev.actor.country + prev.actor.sector;
      prev.modifier = false;
      at = prev.first_token;
    }
  }

  // Page furniture that shares a paragraph with the story, so that the line-based boilerplate
  // finder keeps it: link lead-ins ("Read more:", "Related:"), source lists ("Sources: Reuters,
  // TASS"), follow prompts and credit lines ("Additional reporting by ... in London", "This story
  // has been updated with additional reporting from Kyiv"). Their names are no actor mentions.
  bool is_credit_or_link(const Sentence& s) const {
    static constexpr std::array<std::array<std::string_view, 4>, 12> kLeads = {{
        {"read", "more", ":", ""}, {"related", ":", "", ""}, {"sources", ":", "", ""}, {"source", ":", "", ""},
        {"follow", "us", "", ""}, {"additional", "reporting", "", ""}, {"reporting", "by", "", ""},
        {"editing", "by", "", ""}, {"this", "story", "has", "been"}, {"this", "article", "has", "been"},
        {"click", "here", "", ""}, {"sign", "up", "", ""}}};
    std::uint32_t first = s.first_token;
    if (first < s.end_token && (norm(first) == "(" || norm(first) == "[")) ++first;
    for (const auto& lead : kLeads) {
      std::uint32_t k = first;
      bool match = true;
      for (std::string_view w : lead) {
        if (w.empty()) break;
        if (k >= s.end_token || norm(k) != w) { match = false; break; }
        ++k;
      }
      if (match) return true;
    }
    return false;
  }

  bool context_confirms(const ActorEntry& a) const {
    // The folded text holds the tokens without separators, so a context phrase is looked for
    // without its spaces ("King Abdullah" -> "kingabdullah"). Once per actor and document.
    const auto cached = context_cache_.find(&a);
    if (cached != context_cache_.end()) return cached->second;
    bool found = false;
    for (const auto& word : a.context) {
      std::string key = folded(word);
      std::erase(key, ' ');
      if (!key.empty() && seg_.norm.find(key) != std::string::npos) {
        found = true;
        break;
      }
    }
    context_cache_.emplace(&a, found);
    return found;
  }

  Mention make(const Sentence& s, std::uint32_t first, std::uint32_t end, std::uint32_t actor, const char* via,
               const std::string& sector_override = {}) {
    Mention m;
    m.sentence = s.index;
    m.first_token = first;
    m.end_token = end;
    set_actor_ref(lex_, actor, day_, m.actor);  // in place: a mention is made for every name
    if (!sector_override.empty()) {
      m.actor.sector = sector_override;
      if (!m.actor.country.empty()) m.actor.code = m.actor.country + sector_override;
    }
    m.actor.span = Span{seg_.tokens[first].span.begin, seg_.tokens[end - 1].span.end};
    m.actor.text = std::string(slice(doc_.text, m.actor.span));
    m.via = via;
    return m;
  }

  Mention make_new(const Sentence& s, std::uint32_t first, std::uint32_t end, std::string name, const char* kind,
                   const std::string& country, const std::string& sector) {
    Mention m;
    m.sentence = s.index;
    m.first_token = first;
    m.end_token = end;
    m.actor.id = slugify(name);
    m.actor.name = std::move(name);
    m.actor.kind = kind;
    m.actor.country = country;
    m.actor.sector = sector;
    m.actor.code = country + sector;
    m.actor.span = Span{seg_.tokens[first].span.begin, seg_.tokens[end - 1].span.end};
    m.actor.text = std::string(slice(doc_.text, m.actor.span));
    m.via = "new";
    return m;
  }

  // The consonants of a folded first name, with the letters that transliterations swap made one
  // ("Volodymyr" and "Vladimir" -> "vldmr", "Mohammed" and "Muhammad" -> "mhmd", "Aleksei" and
  // "Alexei" -> "lks").
  static std::string name_skeleton(std::string_view name) {
    std::string out;
    for (char c : name) {
      if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'h') continue;
      std::string_view add(&c, 1);
      if (c == 'w') add = "v";
      else if (c == 'c' || c == 'q') add = "k";
      else if (c == 'x') add = "ks";
      for (char a : add) {
        if (out.empty() || out.back() != a) out += a;
      }
    }
    return out;
  }

  // Whether first name `given` (folded) can be the given name of lexicon person `person`: one of
  // the first words of its names, or a spelling of one ("Sergei" for "Sergey": the same first
  // three letters, or the same skeleton). A person the lexicon names by surname only contradicts
  // no first name.
  bool first_name_fits(std::string_view given, std::uint32_t person) const {
    const ActorEntry& a = lex_.actors()[person];
    bool any = false;
    auto fits = [&](std::string_view name) {
      const std::size_t space = name.find(' ');
      if (space == std::string_view::npos) return false;
      any = true;
      const std::string first = folded(name.substr(0, space));
      return first == given || (first.size() >= 3 && given.size() >= 3 && first.compare(0, 3, given.substr(0, 3)) == 0) ||
             name_skeleton(first) == name_skeleton(given);
    };
    if (fits(a.name)) return true;
    for (const auto& alias : a.aliases) {
      if (fits(alias)) return true;
    }
    return !any;
  }

  // "Ingrid Solberg" when the lexicon knows Erna Solberg: a known first name at token i, right
  // before a person's name at token j that the lexicon gives another first name, is a new person's
  // full name, not the listed one.
  bool other_first_name(std::uint32_t i, std::uint32_t j, std::uint32_t end) const {
    if (j != i + 1 || !seg_.tokens[i].upper || !lex_.is_first_name(norm(i))) return false;
    const std::vector<PhraseEntry>* entries = nullptr;
    if (lex_.match_phrase(seg_, j, end, &entries) == 0) return false;
    bool person = false;
    for (const auto& e : *entries) {
      if (e.kind == PhraseKind::kTitle || e.kind == PhraseKind::kCue) continue;
      if (lex_.actors()[e.target].kind != "person"sv) return false;
      if (first_name_fits(norm(i), e.target)) return false;
      person = true;
    }
    return person;
  }

  // "Johnson Sakaja": a person's weak alias (a surname shared by many) at token i, followed by a
  // capitalised word that is no name the lexicon knows, is the first name of a new full name.
  bool weak_alias_goes_on(std::uint32_t i, std::uint32_t n, std::uint32_t end) const {
    const std::uint32_t j = i + n;
    if (n != 1 || j >= end || !is_name_token(seg_.tokens[j]) || seg_.tokens[j].all_caps || starts_actor(j, end) ||
        lex_.is_not_name(norm(j)) || in(kOrgWords, norm(j)) || in(kStateBodyWords, norm(j)) || in(kPlaceHeads, norm(j)) ||
        is_title_at(j, end) || is(j, WordClass::kDeterminer)) {
      return false;
    }
    return looks_like_name(j, j + 1);
  }

  // A bare surname that the document gave earlier to a new person ("Solberg" after "Ingrid
  // Solberg"), where the lexicon person with that surname is not named in full: that new person.
  const ActorRef* new_person_by_surname(std::uint32_t i, std::uint32_t n, std::uint32_t person) const {
    if (n != 1 || full_name_token_.contains(person)) return nullptr;
    auto it = new_people_.find(std::string(norm(i)));
    return it == new_people_.end() ? nullptr : &it->second;
  }

  // The capitalised name starting at i (tokens joined by spaces, hyphens or connectors in
  // organisation names); returns its end.
  std::uint32_t name_end(std::uint32_t i, std::uint32_t end, bool allow_connectors, bool allow_particles = false) const {
    std::uint32_t j = i;
    while (j < end) {
      const Token& t = seg_.tokens[j];
      // "Presidents Putin and Ramaphosa": stop at a known name, but not at a weak alias, which is a
      // surname shared by others ("Hamas spokesman Hazem Qassem" is not Naim Qassem).
      if (j > i && starts_actor(j, end, /*weak=*/false) && !other_first_name(i, j, end)) break;
      if (is_name_token(t) && !lex_.is_not_name(norm(j))) { ++j; continue; }
      // "Jean-Luc Mélenchon", "Jong-un": a hyphen inside a name, with no space on either side.
      if (allow_particles && j > i && j + 1 < end && seg_.tokens[j].kind == TokenKind::kDash &&
          !seg_.tokens[j].space_before && !seg_.tokens[j + 1].space_before && is_name_token(seg_.tokens[j + 1]) &&
          !starts_actor(j + 1, end, /*weak=*/false)) {
        ++j;
        continue;
      }
      if (j > i && j + 1 < end && is_name_token(seg_.tokens[j + 1]) && !seg_.tokens[j].upper &&
          ((allow_connectors && in(kNameConnectors, norm(j))) || (allow_particles && in(kNameParticles, norm(j))))) {
        ++j;
        continue;
      }
      break;
    }
    return j;
  }

  // A capitalised sequence after a title is a person's name when it starts with a known first
  // name, or when none of its words is a common word of ours (verb, event noun, stance word,
  // title): "Book author Hybrid Wars" is a title of a book, "NATO Allies" no person.
  void note_full_name(std::uint32_t actor, std::uint32_t token) { full_name_token_.emplace(actor, token); }

  // "the two leaders met", "both sides agreed": two mentions over the phrase, one per actor, for
  // the last two distinct actors of the right kind (people for leaders, states for sides) named
  // in this or the two sentences before. Returns the end of the phrase, or i when it is none.
  std::uint32_t pair_reference(const Sentence& s, std::uint32_t i, std::uint32_t end) {
    std::uint32_t k = i;
    if (norm(k) == "the" && k + 1 < end) ++k;
    if (norm(k) != "two" && norm(k) != "both") return i;
    if (k + 1 >= end) return i;
    const std::string_view noun = norm(k + 1);
    static constexpr std::string_view kPeople[] = {"leaders", "presidents", "men", "women", "ministers", "heads",
                                                   "premiers", "envoys"};
    static constexpr std::string_view kStates[] = {"sides", "countries", "governments", "nations", "neighbours",
                                                   "neighbors", "states", "capitals"};
    const bool people = std::find(std::begin(kPeople), std::end(kPeople), noun) != std::end(kPeople);
    const bool states = std::find(std::begin(kStates), std::end(kStates), noun) != std::end(kStates);
    if (!people && !states) return i;
    // "the two leaders", "both presidents" are heads of state, government or an organisation: an
    // envoy or minister named in between is passed over when two such leaders were named.
    const bool leaders = noun == "leaders" || noun == "presidents" || noun == "premiers" || noun == "heads";
    auto pick = [&](bool only_leaders) {
      std::vector<const Mention*> found;
      for (auto it = out_.mentions.rbegin(); it != out_.mentions.rend() && found.size() < 2; ++it) {
        const Mention& m = *it;
        if (m.sentence + 2 < s.index) break;
        if (m.actor.id.empty() || m.pronoun || m.group != 0) continue;
        const bool fits = people ? m.actor.kind == "person"sv : (m.actor.kind == "state"sv || m.actor.kind == "igo"sv);
        if (!fits || (only_leaders && !is_leader(m.actor.id))) continue;
        bool seen = false;
        for (const Mention* f : found) seen = seen || f->actor.id == m.actor.id;
        if (!seen) found.push_back(&m);
      }
      return found;
    };
    std::vector<const Mention*> found = leaders ? pick(true) : std::vector<const Mention*>{};
    if (found.size() < 2) found = pick(false);
    if (found.size() < 2) return i;
    const std::uint32_t group = ++groups_;
    const ActorRef first = found[1]->actor, second = found[0]->actor;  // in text order
    const std::uint32_t phrase_end = k + 2;
    auto add = [&](const ActorRef& actor, std::uint32_t a, std::uint32_t b) {
      Mention m;
      m.sentence = s.index;
      m.first_token = a;
      m.end_token = b;
      m.actor = actor;
      m.actor.span = Span{seg_.tokens[i].span.begin, seg_.tokens[phrase_end - 1].span.end};
      m.actor.text = std::string(slice(doc_.text, m.actor.span));
      m.via = "coref";
      m.plural = true;
      m.group = group;
      out_.mentions.push_back(std::move(m));
    };
    add(first, i, k + 1);
    add(second, k + 1, phrase_end);
    return phrase_end;
  }

  // A person the document itself titles head of state or government of a known state
  // ("Peruvian President Pedro Zamora"): a role_of relation to a state with such a title.
  bool titled_leader(std::string_view id) const {
    for (const RelationRecord& r : out_.relations) {
      if (r.source.id != id || r.target.kind != "state"sv) continue;
      if (r.title == "president"sv || r.title == "prime minister"sv || r.title == "chancellor"sv ||
          r.title == "premier"sv || r.title == "king"sv || r.title == "queen"sv || r.title == "emir"sv ||
          r.title == "head of state"sv || r.title == "head of government"sv || r.title == "acting president"sv) {
        return true;
      }
    }
    return false;
  }

  // A person the lexicon knows as a head of state or government, or the head of an organisation,
  // on the document date.
  bool is_leader(std::string_view id) const {
    static constexpr std::string_view kLeaderTitles[] = {
        "president", "prime minister", "chancellor", "king", "queen", "emir", "crown prince", "supreme leader",
        "premier", "head of state", "head of government", "sultan", "secretary general", "secretary-general",
        "acting president", "chairman", "general secretary", "taoiseach"};
    const ActorEntry* entry = lex_.actor_by_id(id);
    if (entry == nullptr) return false;
    for (const Role& role : entry->roles) {
      if (day_ != kNoDay && !role.active_on(day_)) continue;
      if (std::find(std::begin(kLeaderTitles), std::end(kLeaderTitles), role.title) != std::end(kLeaderTitles)) {
        return true;
      }
    }
    return false;
  }

  bool looks_like_name(std::uint32_t first, std::uint32_t end) const {
    if (lex_.is_first_name(norm(first))) return true;
    for (std::uint32_t k = first; k < end; ++k) {
      const std::string_view w = norm(k);
      const std::string_view one = lex_.singular(w);
      if (!lex_.analyse_verb(w).empty() || lex_.stance(w) != 0 || lex_.stance(one) != 0 ||
          lex_.noun_patterns(one) != nullptr || lex_.noun_patterns(w) != nullptr || is_title_at(k, k + 1)) {
        return false;
      }
      if (w.size() > 3 && w.ends_with("ies")) return false;  // "Allies", "Policies": plural common nouns
    }
    return true;
  }

  // A speech verb in the past at token j ("said", "told", "wrote", "spoke"), or "says".
  bool speech_verb_at(std::uint32_t j) const {
    if (seg_.tokens[j].kind != TokenKind::kWord || seg_.tokens[j].upper) return false;
    const std::string_view w = norm(j);
    // A present form is often a plural noun ("the Nord Stream blasts"): only the usual ones.
    if (w == "spoke" || w == "speaks" || w == "says" || w == "tells" || w == "writes" || w == "adds") return true;
    for (const VerbAnalysis& a : lex_.analyse_verb(w)) {
      if ((a.form == VerbForm::kPast || a.form == VerbForm::kPastOrParticiple) && lex_.verb_cues(a.lemma) != nullptr) {
        return true;
      }
    }
    return false;
  }

  // ", the Labour MP for York Central, said", ", whose son was freed, spoke": an apposition or a
  // relative clause set off by commas at token j, then a speech verb.
  bool speech_verb_after_apposition(std::uint32_t j, std::uint32_t end) const {
    if (j + 2 >= end || norm(j) != ",") return false;
    const std::string_view first = norm(j + 1);
    if (first != "the" && first != "a" && first != "an" && first != "who" && first != "whose") return false;
    for (std::uint32_t k = j + 2; k + 1 < end && k < j + 18; ++k) {
      if (seg_.tokens[k].kind == TokenKind::kQuote || norm(k) == "." || norm(k) == ";") return false;
      if (norm(k) == ",") return speech_verb_at(k + 1);
    }
    return false;
  }

  bool starts_actor(std::uint32_t j, std::uint32_t end, bool weak = true) const {
    const std::vector<PhraseEntry>* entries = nullptr;
    if (lex_.match_phrase(seg_, j, end, &entries) == 0) return false;
    for (const auto& e : *entries) {
      if (!weak && e.kind == PhraseKind::kWeak) continue;
      if (e.kind != PhraseKind::kTitle && e.kind != PhraseKind::kCue && !e.needs_context) return true;
    }
    return false;
  }

  bool starts_person(std::uint32_t j, std::uint32_t end) const {
    const std::vector<PhraseEntry>* entries = nullptr;
    if (lex_.match_phrase(seg_, j, end, &entries) == 0) return false;
    for (const auto& e : *entries) {
      if ((e.kind == PhraseKind::kName || e.kind == PhraseKind::kAlias) && lex_.actors()[e.target].kind == "person"sv) {
        return true;
      }
    }
    return false;
  }

  // An ambiguous name (Georgia, Jordan) is the country when the document says so (a context word)
  // or when another foreign state is named in the same sentence.
  bool context_in_sentence(const ActorEntry& a, const Sentence& s, std::uint32_t at) const {
    for (std::uint32_t k = s.first_token; k < s.end_token; ++k) {
      if (k == at) continue;
      const std::vector<PhraseEntry>* entries = nullptr;
      if (lex_.match_phrase(seg_, k, s.end_token, &entries) == 0) continue;
      for (const auto& e : *entries) {
        if (e.kind == PhraseKind::kTitle || e.kind == PhraseKind::kCue || e.needs_context) continue;
        const ActorEntry& other = lex_.actors()[e.target];
        if (other.id != a.id && other.kind == "state"sv && other.country != "USA"sv) return true;
      }
    }
    return false;
  }

  std::string surface(std::uint32_t first, std::uint32_t end) const {
    return std::string(slice(doc_.text, Span{seg_.tokens[first].span.begin, seg_.tokens[end - 1].span.end}));
  }

  void scan_sentence(const Sentence& s) {
    const std::uint32_t end = s.end_token;
    std::uint32_t i = s.first_token;
    std::vector<Candidate> title_stack;  // affiliation + title words seen just before a name
    std::uint32_t pending_affiliation_actor = UINT32_MAX;
    std::string pending_affiliation_country;
    std::string pending_title;
    std::string pending_sector;
    std::uint32_t pending_first = UINT32_MAX;
    auto reset_pending = [&] {
      pending_affiliation_actor = UINT32_MAX;
      pending_affiliation_country.clear();
      pending_title.clear();
      pending_sector.clear();
      pending_first = UINT32_MAX;
    };
    while (i < end) {
      const std::vector<PhraseEntry>* entries = nullptr;
      const std::uint32_t n = lex_.match_phrase(seg_, i, end, &entries);
      if (n > 0) {
        const PhraseEntry* chosen = choose(*entries);
        if (chosen != nullptr && chosen->kind == PhraseKind::kTitle) {
          const TitleEntry& title = lex_.titles()[chosen->target];
          if (!title.person) { reset_pending(); i += n; continue; }
          if (pending_first == UINT32_MAX) pending_first = i;
          pending_title = title.canonical;
          pending_sector = title.sector;
          i += n;
          // Title followed by a name: a known person, or a new one.
          const std::vector<PhraseEntry>* next_entries = nullptr;
          const std::uint32_t m = i < end ? lex_.match_phrase(seg_, i, end, &next_entries) : 0;
          const PhraseEntry* next = m > 0 ? choose(*next_entries) : nullptr;
          if (next != nullptr && next->kind == PhraseKind::kTitle) continue;  // "Foreign Minister" after "Russian"
          const bool new_full_name = next != nullptr && next->kind == PhraseKind::kWeak && weak_alias_goes_on(i, m, end);
          if (next != nullptr && !new_full_name &&
              (next->kind == PhraseKind::kName || next->kind == PhraseKind::kAlias || next->kind == PhraseKind::kWeak) &&
              lex_.actors()[next->target].kind == "person"sv) {
            if (const ActorRef* known = new_person_by_surname(i, m, next->target); known != nullptr) {
              out_.mentions.push_back(surname_mention(s, i, *known));
              out_.mentions.back().first_token = pending_first;
              i += m;
              reset_pending();
              continue;
            }
            Mention person = make(s, i, i + m, next->target, "title");
            person.first_token = pending_first;  // the noun phrase starts at the title or affiliation
            add_role(s, person, pending_affiliation_actor, pending_title, pending_sector);
            out_.mentions.push_back(std::move(person));
            note_full_name(next->target, i);
            i += m;
            reset_pending();
            continue;
          }
          const std::uint32_t name_stop = name_end(i, end, false, /*allow_particles=*/true);
          if (name_stop > i && name_stop - i <= 4 && seg_.tokens[i].upper && n > 0 && looks_like_name(i, name_stop) &&
              !(next != nullptr && lex_.actors()[next->target].kind != "person"sv && m >= name_stop - i)) {
            std::string name = surface(i, name_stop);
            // A generic office of a non-state organisation takes the organisation's sector: "Hamas
            // spokesman" is REB, not GOV.
            std::string sector = pending_sector.empty() ? std::string("GOV") : pending_sector;
            if (pending_affiliation_actor != UINT32_MAX && sector == "GOV"sv) {
              const ActorEntry& org = lex_.actors()[pending_affiliation_actor];
              if ((org.kind == "organisation"sv || org.kind == "group"sv) && !org.sector.empty()) sector = org.sector;
            }
            Mention person = make_new(s, i, name_stop, name, "person", pending_affiliation_country, sector);
            person.first_token = pending_first;
            add_role(s, person, pending_affiliation_actor, pending_title, pending_sector);
            new_people_[folded(seg_.norm_of(name_stop - 1))] = person.actor;
            out_.mentions.push_back(std::move(person));
            i = name_stop;
            reset_pending();
            continue;
          }
          // A title with no name after it: "the Russian president", "the US leader".
          describe(s, pending_first, i - n, i, pending_affiliation_actor, pending_title, pending_sector);
          reset_pending();
          continue;
        }
        if (chosen != nullptr) {
          const ActorEntry& a = lex_.actors()[chosen->target];
          if (const std::uint32_t stop = backed_phrase(s, i, n, end); stop > i) {
            reset_pending();
            i = stop;
            continue;
          }
          // "the Helsinki Accords", "the Minsk Agreements", "the Istanbul Process": a place named in
          // the name of an agreement or a meeting is neither the state nor its government.
          if ((a.kind == "state"sv || a.kind == "location"sv) && i + n < end && seg_.tokens[i + n].upper &&
              in(kNamedAgreementHeads, norm(i + n))) {
            reset_pending();
            i += n + 1;
            continue;
          }
          if (chosen->needs_context) {
            // "Jim Jordan", "Jordan Bardella", "The Washington Post": a name or title goes on.
            const bool name_goes_on = i + n < end && is_name_token(seg_.tokens[i + n]) && !starts_actor(i + n, end) &&
                                      !lex_.is_not_name(norm(i + n)) && norm(i + n) != "'s";
            if (name_goes_on) {
              const std::uint32_t stop = new_name(s, i, end);
              if (stop > i) { reset_pending(); i = stop; continue; }
            }
            const bool confirmed = chosen->kind == PhraseKind::kMetonym || context_confirms(a) ||
                                   context_in_sentence(a, s, i);
            if (!confirmed) {
              reset_pending();
              i += n;
              continue;
            }
          }
          // A state body: "the Russian Defence Ministry", "Ukraine's armed forces".
          if (a.kind == "state"sv && i + n < end) {
            std::uint32_t j = i + n;
            if (norm(j) == "'s" || norm(j) == "'") ++j;
            std::uint32_t k = j;
            while (k < end && k < j + 3 && in(kStateBodyWords, norm(k))) ++k;
            if (k > j && (norm(k - 1) == "ministry" || norm(k - 1) == "government" || norm(k - 1) == "army" ||
                          norm(k - 1) == "forces" || norm(k - 1) == "navy" || norm(k - 1) == "military" ||
                          norm(k - 1) == "administration" || norm(k - 1) == "cabinet")) {
              const bool military = norm(j) == "defence" || norm(j) == "defense" || norm(k - 1) == "army" ||
                                    norm(k - 1) == "forces" || norm(k - 1) == "navy" || norm(k - 1) == "military";
              if (k < end && is_title_at(k, end)) {
                // "Chinese Foreign Ministry spokeswoman Mao Ning": the body is the title's affiliation.
                pending_first = i;
                pending_affiliation_actor = chosen->target;
                pending_affiliation_country = a.country;
                i = k;
                continue;
              }
              out_.mentions.push_back(make(s, i, k, chosen->target, "metonym", military ? "MIL" : "GOV"));
              reset_pending();
              i = k;
              continue;
            }
          }
          // "US and EU negotiators": a state coordinated before an organisation shares its agent noun
          // (the organisation keeps its own code).
          if ((a.kind == "igo"sv || a.kind == "organisation"sv) && i + n < end) {
            std::uint32_t stop = 0;
            const std::string_view sector = agent_after(i + n, end, &stop);
            if (!sector.empty()) share_agent_sector(s, i, sector);
          }
          // A place's officials or people: "Washington state officials", "Texas lawmakers" are the
          // place's (its country's code), not a title waiting for a name.
          if (a.kind == "location"sv && i + n < end) {
            std::uint32_t stop = 0;
            if (!agent_after(i + n, end, &stop).empty()) {
              out_.mentions.push_back(make(s, i, i + n, chosen->target, "lexicon"));
              reset_pending();
              i = stop;
              continue;
            }
          }
          // A state's people or bodies by agent noun: "Israeli troops", "Iraqi riot police", "Russia's
          // lawmakers", "Syrian government forces". The actor stays the state (one graph node), with
          // the agent's CAMEO sector in its code.
          if (a.kind == "state"sv && i + n < end) {
            std::uint32_t stop = 0;
            const std::string_view sector = agent_after(i + n, end, &stop);
            if (!sector.empty()) {
              share_agent_sector(s, i, sector);
              out_.mentions.push_back(agent_mention(s, i, stop, chosen->target, sector));
              reset_pending();
              i = stop;
              continue;
            }
          }
          // Affiliation before a title: "Russian Foreign Minister", "Kremlin economic envoy".
          if ((a.kind == "state"sv || a.kind == "igo"sv || a.kind == "organisation"sv || a.kind == "group"sv ||
               a.kind == "location"sv) &&
              i + n < end) {
            std::uint32_t j = i + n;
            if (norm(j) == "'s") ++j;
            // Up to two lower-case modifiers: "economic" in "Kremlin economic envoy"; never a verb or
            // a conjunction ("Ukraine and jailed opposition figures").
            while (j < end && j < i + n + 2 && seg_.tokens[j].kind == TokenKind::kWord && !seg_.tokens[j].upper &&
                   !is_title_at(j, end) && norm(j) != "and" && norm(j) != "or" && norm(j) != "but" &&
                   norm(j) != "as" && !is(j, WordClass::kPreposition) && !is(j, WordClass::kDeterminer) &&
                   lex_.analyse_verb(seg_, j).empty()) {
              ++j;
            }
            // "Ukrainian Infrastructure Minister": one capitalised word that is no name modifies the title.
            if (j < end && j + 1 < end && !is_title_at(j, end) && seg_.tokens[j].kind == TokenKind::kWord &&
                seg_.tokens[j].upper && !lex_.is_first_name(norm(j)) && !lex_.is_not_name(norm(j)) &&
                !is(j, WordClass::kDeterminer) && !starts_actor(j, end) &&
                is_title_at(j + 1, end)) {
              ++j;
            }
            if (j < end && (j > i + n || chosen->kind == PhraseKind::kDemonym) &&
                (a.kind == "state"sv || a.kind == "location"sv) && starts_person(j, end)) {
              // "his Polish counterpart Radoslaw Sikorski": the demonym describes the person.
              reset_pending();
              i = j;
              continue;
            }
            if (j < end && is_title_at(j, end)) {
              // A state (by name, demonym or seat) is absorbed into the title; an organisation's
              // name stays a mention of its own ("NATO Secretary General Jens Stoltenberg").
              const bool absorbed = a.kind == "state"sv || a.kind == "location"sv;
              if (!absorbed) out_.mentions.push_back(make(s, i, i + n, chosen->target, "lexicon"));
              pending_first = absorbed ? i : j;
              pending_affiliation_actor = chosen->target;
              pending_affiliation_country = a.kind == "state"sv ? a.country : a.country;
              i = j;
              continue;
            }
          }
          if (a.kind == "state"sv && i + n + 1 < end && norm(i + n) == "'s") {
            const std::vector<PhraseEntry>* next_entries = nullptr;
            const std::uint32_t m = lex_.match_phrase(seg_, i + n + 1, end, &next_entries);
            const PhraseEntry* next = m > 0 ? choose(*next_entries) : nullptr;
            if (next != nullptr && next->kind != PhraseKind::kTitle && lex_.actors()[next->target].kind == "person"sv) {
              Mention person = make(s, i + n + 1, i + n + 1 + m, next->target, "lexicon");
              person.first_token = i;  // "Russia's Putin" is one noun phrase
              note_full_name(next->target, i);
              out_.mentions.push_back(std::move(person));
              reset_pending();
              i += n + 1 + m;
              continue;
            }
          }
          if (a.kind == "person"sv && chosen->kind == PhraseKind::kWeak && weak_alias_goes_on(i, n, end)) {
            const std::size_t before = out_.mentions.size();
            const std::uint32_t stop = new_name(s, i, end);
            // A listed person's name word and one or two more capitalised words no dictionary
            // knows are a person's full name even with no first name we know or verb of saying
            // after it ("Johnson Sakaja ordered").
            // Not when the name goes on in a form this does not read ("Jeong Cheong-rae").
            const bool goes_on = stop < end && seg_.tokens[stop].kind == TokenKind::kDash && !seg_.tokens[stop].space_before;
            if (out_.mentions.size() == before && (stop == i + 2 || stop == i + 3) && !goes_on &&
                looks_like_name(i + 1, stop)) {
              Mention m = make_new(s, i, stop, surface(i, stop), "person", "", "");
              new_people_[std::string(norm(stop - 1))] = m.actor;
              out_.mentions.push_back(std::move(m));
            }
            if (stop > i) { reset_pending(); i = stop; continue; }
          }
          if (a.kind == "person"sv && chosen->kind != PhraseKind::kMetonym && chosen->kind != PhraseKind::kDemonym) {
            if (const ActorRef* known = new_person_by_surname(i, n, chosen->target); known != nullptr) {
              out_.mentions.push_back(surname_mention(s, i, *known));
              reset_pending();
              i += n;
              continue;
            }
          }
          if (chosen->kind == PhraseKind::kWeak) {
            std::vector<std::uint32_t> candidates;
            for (const auto& e : *entries) {
              if (e.kind == PhraseKind::kWeak) candidates.push_back(e.target);
            }
            // "King Abdullah of Jordan": a weak alias followed by "of" and its holder's state names
            // that holder in full.
            if (i + n + 1 < end && norm(i + n) == "of") {
              const std::vector<PhraseEntry>* of_entries = nullptr;
              const std::uint32_t m = lex_.match_phrase(seg_, i + n + 1, end, &of_entries);
              std::uint32_t person = UINT32_MAX;
              for (std::size_t e = 0; m > 0 && e < of_entries->size() && person == UINT32_MAX; ++e) {
                const ActorEntry& state = lex_.actors()[(*of_entries)[e].target];
                if ((*of_entries)[e].kind == PhraseKind::kTitle || (*of_entries)[e].kind == PhraseKind::kCue ||
                    state.kind != "state"sv) {
                  continue;
                }
                for (std::uint32_t c : candidates) {
                  if (lex_.actors()[c].country == state.country) person = c;
                }
              }
              if (person != UINT32_MAX) {
                out_.mentions.push_back(make(s, i, i + n + 1 + m, person, "alias"));
                note_full_name(person, i);
                reset_pending();
                i += n + 1 + m;
                continue;
              }
            }
            weak_.push_back(WeakMention{make(s, i, i + n, chosen->target, "alias"), std::move(candidates)});
          } else {
            Mention m = make(s, i, i + n, chosen->target,
                             chosen->kind == PhraseKind::kMetonym ? "metonym"
                             : chosen->kind == PhraseKind::kDemonym ? "demonym" : "lexicon",
                             chosen->kind == PhraseKind::kMetonym ? chosen->sector : std::string());
            if (chosen->kind == PhraseKind::kDemonym) {
              const std::string_view w = norm(i + n - 1);
              m.plural = w.size() > 1 && w.back() == 's' && w != "swiss";
              // An adjective before a noun ("Russian demands") modifies; a plural stands alone.
              m.modifier = !m.plural && i + n < end && seg_.tokens[i + n].kind == TokenKind::kWord;
            }
            if (i + n < end && seg_.tokens[i + n].kind == TokenKind::kDash && !seg_.tokens[i + n].space_before) {
              m.modifier = true;  // "Putin-Biden summit", "US-Russian"
            }
            if (a.kind == "person"sv && (chosen->kind == PhraseKind::kName || chosen->kind == PhraseKind::kAlias)) {
              note_full_name(chosen->target, i);
            }
            out_.mentions.push_back(std::move(m));
          }
          reset_pending();
          i += n;
          continue;
        }
      }
      // "Retired Colonel Mark Cancian", "Ukrainian Infrastructure Minister Oleksandr Kubrakov": a
      // capitalised word before a title modifies the title; an affiliation named before it holds.
      if (is_name_token(seg_.tokens[i]) && !s.headline && i + 1 < end && is_title_at(i + 1, end) &&
          !lex_.is_first_name(norm(i)) && !lex_.is_not_name(norm(i)) && !is(i, WordClass::kDeterminer) &&
          !is(i, WordClass::kPreposition)) {
        if (pending_first == UINT32_MAX) pending_first = i;
        ++i;
        continue;
      }
      // Not in the lexicon: a new name by cue.
      if (is_name_token(seg_.tokens[i]) && !lex_.is_not_name(norm(i))) {
        const std::uint32_t stop = new_name(s, i, end);
        if (stop > i) { reset_pending(); i = stop; continue; }
      }
      // The four phrases below open with "the", "two" or "both" (the first and the last are
      // determiners); most tokens are none of them.
      if (is(i, WordClass::kDeterminer) || (norm(i).size() == 3 && norm(i) == "two"sv)) {
        if (const std::uint32_t stop = country_agent(s, i, end); stop > i) {
          reset_pending();
          i = stop;
          continue;
        }
        // "the two leaders", "both sides": the last two actors of that kind named before.
        if (const std::uint32_t stop = pair_reference(s, i, end); stop > i) {
          reset_pending();
          i = stop;
          continue;
        }
        // "the 48-year-old said": news names a person by age after naming them; resolved after the
        // scan like a pronoun of either gender.
        if (norm(i) == "the" && i + 5 < end && !norm(i + 1).empty() &&
            std::all_of(norm(i + 1).begin(), norm(i + 1).end(), [](char c) { return c >= '0' && c <= '9'; }) &&
            seg_.tokens[i + 2].kind == TokenKind::kDash && norm(i + 3) == "year" &&
            seg_.tokens[i + 4].kind == TokenKind::kDash && norm(i + 5) == "old") {
          Mention m = reference(s, i, i + 6, "person");
          m.pronoun = true;
          pronouns_.push_back(std::move(m));
          reset_pending();
          i += 6;
          continue;
        }
        // "the group", "the militant group", "the alliance", "the party": a definite description of
        // an organisation named shortly before; resolved after the scan.
        if (const std::uint32_t stop = body_description(s, i, end); stop > i) {
          reset_pending();
          i = stop;
          continue;
        }
      }
      // Pronouns: resolved after the scan.
      if (const std::uint16_t pronoun = seg_.tokens[i].classes & WordClass::kPersonalPronoun; pronoun != 0) {
        Mention m = reference(s, i, i + 1,
                              (pronoun & WordClass::kMalePronoun) != 0     ? "male"
                              : (pronoun & WordClass::kNeuterPronoun) != 0 ? "neuter"
                                                                           : "female");
        m.pronoun = true;
        pronouns_.push_back(std::move(m));
      }
      if (seg_.tokens[i].kind != TokenKind::kWord || seg_.tokens[i].upper) reset_pending();
      ++i;
    }
  }

  // Whether tokens j, j + 1 are "-backed", "-led" (a dash with no space on either side, then a
  // participle of support or leadership).
  bool backed_at(std::uint32_t j, std::uint32_t end) const {
    static constexpr std::string_view kBacked[] = {"backed", "led", "supported", "sponsored", "funded", "allied",
                                                   "aligned", "armed", "controlled", "dominated", "installed",
                                                   "financed", "trained", "equipped"};
    return j + 1 < end && seg_.tokens[j].kind == TokenKind::kDash && !seg_.tokens[j].space_before &&
           !seg_.tokens[j + 1].space_before &&
           std::find(std::begin(kBacked), std::end(kBacked), norm(j + 1)) != std::end(kBacked);
  }

  // "Sudan's army-backed government", "Kenya's Ruto-led government": the head after a state's
  // possessive is that state's body, not the army or the person who backs or leads it (a backer
  // with no possessive before it, "Iran-backed militias", stays a modifier mention of its own).
  // The name matched at i spans n tokens; returns the end of the phrase, or i.
  std::uint32_t backed_phrase(const Sentence& s, std::uint32_t i, std::uint32_t n, std::uint32_t end) {
    std::uint32_t possessive = UINT32_MAX;
    for (std::uint32_t k = i + 1; k < i + n; ++k) {
      if (norm(k) == "'s") possessive = k;
    }
    std::uint32_t dash = i + n;
    if (possessive == UINT32_MAX && i + n + 2 < end && norm(i + n) == "'s" && seg_.tokens[i + n + 1].kind == TokenKind::kWord &&
        backed_at(i + n + 2, end)) {
      possessive = i + n;
      dash = i + n + 2;
    }
    if (!backed_at(dash, end)) return i;
    const std::uint32_t stop = dash + 2;
    if (possessive != UINT32_MAX) {
      // The possessor: a state or one of its names before the "'s".
      const std::vector<PhraseEntry>* entries = nullptr;
      const std::uint32_t m = lex_.match_phrase(seg_, i, possessive, &entries);
      const PhraseEntry* owner = m == possessive - i ? choose(*entries) : nullptr;
      if (owner == nullptr || owner->kind == PhraseKind::kTitle || lex_.actors()[owner->target].kind != "state"sv) {
        return i;
      }
      const std::string_view head = stop < end ? norm(stop) : std::string_view();
      const bool military = head == "army" || head == "forces" || head == "military" || head == "navy";
      if (!military && head != "government" && head != "administration" && head != "cabinet" && head != "ministry" &&
          head != "authorities") {
        return i;
      }
      out_.mentions.push_back(make(s, i, stop + 1, owner->target, "metonym", military ? "MIL" : "GOV"));
      return stop + 1;
    }
    return i;
  }

  // The longest agent noun phrase at token j ("riot police", "troops"); its sector, with *stop set
  // to its end, or empty.
  std::string_view agent_at(std::uint32_t j, std::uint32_t end, std::uint32_t* stop) const {
    std::array<char, 96> buffer{};
    for (std::uint32_t words = std::min(lex_.agent_max_words(), end - std::min(end, j)); words > 0; --words) {
      std::size_t used = 0;
      bool fits = true;
      for (std::uint32_t k = j; k < j + words && fits; ++k) {
        const std::string_view w = norm(k);
        if (seg_.tokens[k].kind != TokenKind::kWord || used + w.size() + 1 > buffer.size()) { fits = false; break; }
        if (k > j) buffer[used++] = ' ';
        std::copy(w.begin(), w.end(), buffer.begin() + static_cast<std::ptrdiff_t>(used));
        used += w.size();
      }
      if (!fits) continue;
      const std::string_view sector = lex_.agent_sector(std::string_view(buffer.data(), used));
      if (!sector.empty()) {
        *stop = j + words;
        return sector;
      }
    }
    return {};
  }

  // An agent noun phrase right after a state's name or demonym at token j: after a possessive
  // ("Russia's lawmakers") and at most one lower-case modifier ("Israeli ground troops",
  // "Syrian government forces", "Afghan women protesters"). Not when a title or a name follows the
  // agent noun: "Israeli military spokesman Avichay Adraee" is a person with a title.
  std::string_view agent_after(std::uint32_t j, std::uint32_t end, std::uint32_t* stop) const {
    if (j < end && (norm(j) == "'s" || norm(j) == "'")) ++j;
    if (j >= end) return {};
    std::string_view sector = agent_at(j, end, stop);
    if (sector.empty() && j + 1 < end && seg_.tokens[j].kind == TokenKind::kWord && !seg_.tokens[j].upper) {
      const std::string_view w = norm(j);
      const bool modifier = w != "and" && w != "or" && w != "but" && w != "as" && w != "than" && !is_preposition(w) &&
                            !is_determiner(w) && lex_.analyse_verb(w).empty() && !is_title_at(j, end) &&
                            lex_.noun_patterns(w) == nullptr;
      if (modifier) sector = agent_at(j + 1, end, stop);
    }
    if (sector.empty()) return {};
    // "air force planes", "police officers": a second agent noun is the head of the same phrase.
    for (std::uint32_t next = 0; *stop < end && !agent_at(*stop, end, &next).empty();) *stop = next;
    if (*stop < end) {
      const Token& after = seg_.tokens[*stop];
      // A title or a name after the agent noun makes it part of a person's title ("Israeli military
      // spokesman Avichay Adraee", "the American journalist Evan Gershkovich").
      if (is_title_at(*stop, end) || (is_name_token(after) && !lex_.is_not_name(norm(*stop)))) return {};
      // An agent noun before an event noun is a compound modifier, not the actor: "Tehran's missile
      // attack", "Russian drone strikes".
      if (after.kind == TokenKind::kWord && !after.upper) {
        const std::string_view w = norm(*stop);
        if (lex_.noun_patterns(w) != nullptr || lex_.noun_patterns(lex_.singular(w)) != nullptr) return {};
      }
    }
    return sector;
  }

  // head: the token of the agent noun, which says whether the mention is plural (the last one
  // unless a place follows it: "protesters in Tbilisi").
  Mention agent_mention(const Sentence& s, std::uint32_t first, std::uint32_t stop, std::uint32_t state,
                        std::string_view sector, std::uint32_t head = UINT32_MAX) {
    Mention m = make(s, first, stop, state, "agent", std::string(sector));
    const std::string_view last = norm(head == UINT32_MAX ? stop - 1 : head);
    m.plural = (last.size() > 1 && last.back() == 's') || last == "police" || last == "military";
    return m;
  }

  // Whether a phrase starting at token first starts its clause (so it can be the subject): at the
  // sentence start or after a comma, a conjunction or a subordinator.
  bool opens_clause(const Sentence& s, std::uint32_t first) const {
    if (first <= s.first_token) return true;
    const std::string_view before = norm(first - 1);
    return before == "," || before == "and" || before == "but" || before == "that" || before == "while" ||
           before == "as" || before == "when" || before == ";" || before == ":";
  }

  // "officials in Kyiv said", "the Defence Ministry in Moscow denied", "the government in Tehran":
  // an agent noun phrase located in a state (by its name or seat) is that state's, with the agent's
  // sector; the mention covers the whole phrase, so that it is the subject of the verb after it.
  // Not when the agent noun is already someone's ("Russian troops in Kyiv").
  void agents_in_states() {
    std::vector<Span> taken;  // token ranges of the mentions, sorted
    taken.reserve(out_.mentions.size());
    for (const Mention& m : out_.mentions) taken.push_back(Span{m.first_token, m.end_token});
    std::sort(taken.begin(), taken.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
    const auto overlaps = [&taken](std::uint32_t first, std::uint32_t end) {
      auto it = std::lower_bound(taken.begin(), taken.end(), end, [](const Span& a, std::uint32_t e) { return a.begin < e; });
      return it != taken.begin() && std::prev(it)->end > first;
    };
    for (Mention& m : out_.mentions) {
      if (m.actor.kind != "state"sv || m.pronoun || m.modifier || m.via == "agent"sv || m.first_token < 2) continue;
      const Sentence& s = seg_.sentences[m.sentence];
      const std::uint32_t at = m.first_token - 1;  // "in"
      if (at <= s.first_token || norm(at) != "in") continue;
      const std::uint32_t state = lex_.state_index(m.actor.country);
      if (state == UINT32_MAX) continue;
      std::uint32_t first = UINT32_MAX;
      std::string_view sector;
      for (std::uint32_t words = std::min<std::uint32_t>(lex_.agent_max_words(), at - s.first_token); words > 0; --words) {
        std::uint32_t stop = 0;
        const std::string_view found = agent_at(at - words, at, &stop);
        if (!found.empty() && stop == at) {
          first = at - words;
          sector = found;
          break;
        }
      }
      // People who are often in another state's capital are not its own: "diplomats in Vienna",
      // "reporters in Islamabad", "the embassy in Kabul", "troops in Syria" (but "the army in
      // Khartoum" is Sudan's).
      const std::string_view noun = norm(at - 1);
      const bool own_military = noun == "army" || noun == "navy" || noun == "military";
      if (first != UINT32_MAX &&
          ((sector == "MIL" && !own_military) || sector == "MED" || in(kForeignPresence, noun))) {
        continue;
      }
      if (first == UINT32_MAX) {
        // A state body: "the Defence Ministry in Moscow", "the foreign ministry in Beijing".
        std::uint32_t j = at;
        while (j > s.first_token && j + 3 > at && in(kStateBodyWords, norm(j - 1))) --j;
        const std::string_view head = norm(at - 1);
        if (j < at && (head == "ministry" || head == "army" || head == "navy" || head == "military" ||
                       head == "administration" || head == "cabinet")) {
          first = j;
          const bool military = norm(j) == "defence" || norm(j) == "defense" || head == "army" || head == "navy" ||
                                head == "military";
          sector = military ? "MIL" : "GOV";
        }
      }
      if (first == UINT32_MAX || overlaps(first, at)) continue;
      if (first > s.first_token && (norm(first - 1) == "the" || norm(first - 1) == "a")) --first;
      // Only as a clause's subject: "Kurdish demonstrators in Germany" are Kurds, and "arrested
      // demonstrators in Nairobi" leaves the object as it was.
      if (!opens_clause(s, first)) continue;
      // The agent noun, not the place, says how many.
      m = agent_mention(s, first, m.end_token, state, sector, at - 1);
    }
  }

  // "the Biden administration", "the Netanyahu government": a leader's name before the word for
  // their government is that state's government, not the person.
  void administrations() {
    for (Mention& m : out_.mentions) {
      if (m.pronoun || m.actor.kind != "person"sv || m.actor.country.empty()) continue;
      const Sentence& s = seg_.sentences[m.sentence];
      if (m.end_token >= s.end_token) continue;
      std::uint32_t next = m.end_token;
      if (norm(next) == "'s" && next + 1 < s.end_token) ++next;
      const std::string_view w = norm(next);
      // "President Dina Boluarte's office", "Zelensky's office": the office of a head of state or
      // government, named, speaks for the government; an office of someone else is their own, and
      // "the president's office" (a description, raided or searched) stays the holder's.
      const bool office = (w == "office" || w == "offices") && norm(next - 1) == "'s" && m.via != "description"sv &&
                          (is_leader(m.actor.id) || titled_leader(m.actor.id));
      if (w != "administration" && w != "government" && w != "cabinet" && w != "regime" && !office) continue;
      const std::uint32_t state = lex_.state_index(m.actor.country);
      if (state == UINT32_MAX) continue;
      std::uint32_t first = m.first_token;
      if (first > s.first_token && norm(first - 1) == "the") --first;
      m = make(s, first, next + 1, state, "metonym", "GOV");
    }
  }

  // "A spokesman for the Kremlin said", "a spokeswoman for the State Department": an unnamed
  // person speaking for an actor, as a clause's subject, is a mention of that actor over the whole
  // phrase (like "a Kremlin spokesman"), so that the actor is the speaker.
  void speakers_for() {
    for (Mention& m : out_.mentions) {
      if (m.pronoun || m.modifier || m.actor.kind == "person"sv || m.actor.kind == "location"sv) continue;
      const Sentence& s = seg_.sentences[m.sentence];
      std::uint32_t k = m.first_token;
      if (k > s.first_token && norm(k - 1) == "the") --k;
      if (k < s.first_token + 2 || norm(k - 1) != "for") continue;
      const std::string_view noun = norm(k - 2);
      if (noun != "spokesman" && noun != "spokeswoman" && noun != "spokesperson" && noun != "representative" &&
          noun != "adviser" && noun != "advisor" && noun != "official" && noun != "officials" &&
          noun != "spokespeople" && noun != "spokesmen") {
        continue;
      }
      std::uint32_t first = k - 2;
      if (first > s.first_token && (norm(first - 1) == "a" || norm(first - 1) == "an" || norm(first - 1) == "the")) --first;
      if (!opens_clause(s, first)) continue;
      m.first_token = first;
      m.actor.span.begin = seg_.tokens[first].span.begin;
      m.actor.text = std::string(slice(doc_.text, m.actor.span));
      m.via = "description";
      if (m.actor.kind == "state"sv && m.actor.sector.empty()) {
        m.actor.sector = "GOV";
        m.actor.code = m.actor.country + "GOV";
      }
    }
  }

  // "the country's military", "the nation's lawmakers": the state named last, in this sentence or
  // the two before, with the agent's sector. Returns the phrase's end, or i when it is none.
  std::uint32_t country_agent(const Sentence& s, std::uint32_t i, std::uint32_t end) {
    if (norm(i) != "the" || i + 3 >= end) return i;
    const std::string_view noun = norm(i + 1);
    if (noun != "country" && noun != "nation" && noun != "state") return i;
    if (norm(i + 2) != "'s") return i;
    std::uint32_t stop = 0;
    const std::string_view sector = agent_after(i + 3, end, &stop);
    if (sector.empty()) return i;
    for (auto it = out_.mentions.rbegin(); it != out_.mentions.rend(); ++it) {
      if (it->sentence + 2 < s.index) break;
      if (it->actor.kind != "state"sv || it->pronoun) continue;
      const std::uint32_t state = lex_.state_index(it->actor.country);
      if (state == UINT32_MAX) continue;
      Mention m = agent_mention(s, i, stop, state, sector);
      m.via = "coref";
      out_.mentions.push_back(std::move(m));
      return stop;
    }
    return i;
  }

  bool is_title_at(std::uint32_t j, std::uint32_t end) const {
    const std::vector<PhraseEntry>* entries = nullptr;
    const std::uint32_t n = lex_.match_phrase(seg_, j, end, &entries);
    if (n == 0) return false;
    for (const auto& e : *entries) {
      if (e.kind == PhraseKind::kTitle && lex_.titles()[e.target].person) return true;
    }
    return false;
  }

  const PhraseEntry* choose(const std::vector<PhraseEntry>& entries) {
    // Names and aliases first, then metonyms, demonyms, weak aliases; titles last.
    static constexpr PhraseKind kOrder[] = {PhraseKind::kName, PhraseKind::kAlias, PhraseKind::kMetonym,
                                            PhraseKind::kDemonym, PhraseKind::kWeak, PhraseKind::kTitle};
    for (PhraseKind kind : kOrder) {
      const PhraseEntry* best = nullptr;
      for (const auto& e : entries) {
        if (e.kind != kind) continue;
        // Among equal kinds: the one whose context the document confirms; for a seat shared by a
        // state and an IGO ("Brussels"), the IGO, which is what news means by it.
        if (best == nullptr) { best = &e; continue; }
        const ActorEntry& cur = lex_.actors()[best->target];
        const ActorEntry& cand = lex_.actors()[e.target];
        const bool cur_ok = !best->needs_context || context_confirms(cur);
        const bool cand_ok = !e.needs_context || context_confirms(cand);
        if (cand_ok && !cur_ok) best = &e;
        else if (cand_ok == cur_ok && kind == PhraseKind::kMetonym && cur.kind == "state"sv && cand.kind == "igo"sv) best = &e;
      }
      if (best != nullptr) return best;
    }
    return nullptr;
  }

  // role_of: the title's holder and whom it serves, the affiliation named with the title
  // ("Valdai Club expert" -> the club; "Russian Foreign Minister" -> Russia) or, for titles of
  // state service only (GOV, MIL, ...), the person's own country.
  void add_role(const Sentence& s, const Mention& person, std::uint32_t affiliation, const std::string& title,
                const std::string& sector) {
    if (title.empty()) return;
    std::uint32_t target = affiliation;
    if (target == UINT32_MAX) {
      const bool state_service = sector == "GOV"sv || sector == "MIL"sv || sector == "LEG"sv || sector == "JUD"sv ||
                                 sector == "SPY"sv;
      if (!state_service || person.actor.country.empty()) return;
      target = lex_.state_index(person.actor.country);
      if (target == UINT32_MAX) return;
    }
    RelationRecord r;
    r.sentence = s.index;
    r.span = s.span;
    r.date = doc_.date;
    r.source = person.actor;
    r.target = actor_ref(lex_, target, day_);
    r.target.text = r.source.text;
    r.target.span = r.source.span;
    r.label = "role_of";
    r.title = title;
    out_.relations.push_back(std::move(r));
  }

  // "the Russian president", "the US leader", "Ukraine's president": resolved through dated roles.
  void describe(const Sentence& s, std::uint32_t first, std::uint32_t title_first, std::uint32_t end,
                std::uint32_t affiliation, const std::string& title, const std::string& sector) {
    if (first == UINT32_MAX) return;
    if (affiliation == UINT32_MAX) {
      bare_title(s, first, end, title);
      return;
    }
    const ActorEntry& a = lex_.actors()[affiliation];
    if (a.kind == "igo"sv || a.kind == "organisation"sv || a.kind == "group"sv) {
      // "the ICC prosecutor", "the NATO secretary general": the one holder of that office of the
      // organisation on the day; the organisation's name modifies the title (one noun phrase).
      if (day_ == kNoDay) return;
      const auto holders = lex_.holders(a.id, title, day_);
      if (holders.size() != 1) return;
      Mention m = make(s, first, end, holders.front(), "description");
      if (!out_.mentions.empty() && out_.mentions.back().actor.id == a.id && out_.mentions.back().end_token <= first &&
          out_.mentions.back().sentence == s.index) {
        out_.mentions.back().modifier = true;
        m.first_token = out_.mentions.back().first_token;
      }
      note_full_name(holders.front(), first);
      out_.mentions.push_back(std::move(m));
      return;
    }
    if (a.kind != "state"sv) return;
    std::vector<std::string> titles{title};
    if (title == "leader"sv || title == "head of state"sv) titles = {"president", "prime minister", "chancellor", "supreme leader"};
    // Offices named after their seat: "the White House press secretary", "the Pentagon press
    // secretary" are roles of their own ("white house press secretary").
    if (title_first > first && title_first <= end) {
      std::string seat;
      for (std::uint32_t k = first; k < title_first; ++k) {
        const std::string_view w = norm(k);
        if ((k == first && w == "the") || w == "'s") continue;
        if (!seat.empty()) seat += ' ';
        seat += w;
      }
      if (!seat.empty()) titles.insert(titles.begin(), seat + " " + title);
    }
    for (const auto& t : titles) {
      const auto holders = lex_.holders(a.country, t, day_);
      if (holders.size() == 1 && day_ != kNoDay) {
        Mention m = make(s, first, end, holders.front(), "description");
        note_full_name(holders.front(), first);
        out_.mentions.push_back(std::move(m));
        return;
      }
    }
    // No unique holder known: the state itself is mentioned, in the title's sector ("Ukraine's
    // negotiators" -> UKRGOV, "a Turkish prosecutor" -> TURJUD); the mention spans the phrase.
    Mention m = make(s, first, std::max(end, first + 1), affiliation, "lexicon", sector);
    const std::string_view last = norm(std::max(end, first + 1) - 1);
    m.plural = last.size() > 1 && last.back() == 's';
    out_.mentions.push_back(std::move(m));
  }

  // "the prime minister", "the new president": a title with no affiliation and no name is the
  // holder of that title on the document's date, taken from context: a person named in this or the
  // four sentences before who holds it ("Rishi Sunak called an election. The prime minister said"),
  // else the state named last in this or the previous sentence ("Downing Street confirmed that the
  // new prime minister"). Only after "the" (with at most one adjective between, never "former"):
  // "as prime minister" is a predicate, not a reference.
  void bare_title(const Sentence& s, std::uint32_t first, std::uint32_t end, const std::string& title) {
    if (day_ == kNoDay || first == 0 || end <= first) return;
    std::uint32_t k = first - 1;
    if (norm(k) != "the" && k > s.first_token && norm(k - 1) == "the" && seg_.tokens[k].kind == TokenKind::kWord &&
        !seg_.tokens[k].upper && norm(k) != "former" && norm(k) != "late") {
      --k;
    }
    if (norm(k) != "the") return;
    const std::string_view last = norm(end - 1);
    if (last.size() > 1 && last.back() == 's' && !title.ends_with('s')) return;  // "the foreign ministers"
    for (auto it = out_.mentions.rbegin(); it != out_.mentions.rend(); ++it) {
      if (it->sentence + 4 < s.index) break;
      if (it->actor.kind != "person"sv || it->pronoun) continue;
      const ActorEntry* person = lex_.actor_by_id(it->actor.id);
      if (person == nullptr) continue;
      for (const Role& r : person->roles) {
        if (r.title == title && r.active_on(day_)) {
          out_.mentions.push_back(make(s, first, end, actor_index_of(*person), "description"));
          return;
        }
      }
    }
    for (auto it = out_.mentions.rbegin(); it != out_.mentions.rend(); ++it) {
      if (it->sentence + 1 < s.index) break;
      if (it->actor.kind != "state"sv || it->pronoun || it->actor.country.empty()) continue;
      const auto holders = lex_.holders(it->actor.country, title, day_);
      if (holders.size() == 1) out_.mentions.push_back(make(s, first, end, holders.front(), "description"));
      return;
    }
  }

  std::uint32_t actor_index_of(const ActorEntry& a) const {
    return static_cast<std::uint32_t>(&a - lex_.actors().data());
  }

  std::uint32_t new_name(const Sentence& s, std::uint32_t i, std::uint32_t end) {
    if (s.headline) return 0;
    std::uint32_t stop = name_end(i, end, true, /*allow_particles=*/true);
    if (stop <= i) return 0;
    // A person's name takes no "of", "for", "and", "the": "Mark Cancian of CSIS" is a name and
    // an affiliation, "Jordan Bardella and Marine Le Pen" two names.
    if (lex_.is_first_name(norm(i))) {
      std::uint32_t k = i;
      while (k < stop && !(k > i && (norm(k) == "of" || norm(k) == "for" || norm(k) == "on" || norm(k) == "and" ||
                                       norm(k) == "the"))) {
        ++k;
      }
      bool org_word = false;
      for (std::uint32_t w = i; w < stop; ++w) org_word = org_word || (seg_.tokens[w].upper && in(kOrgWords, norm(w)));
      if (!org_word) stop = k;
    }
    // Organisation: a capitalised sequence with an organisation head word.
    bool org = false;
    for (std::uint32_t k = i; k < stop; ++k) {
      if (seg_.tokens[k].upper && in(kOrgWords, norm(k))) org = true;
    }
    if (org && stop - i >= 2) {
      std::string name = surface(i, stop);
      out_.mentions.push_back(make_new(s, i, stop, name, "organisation", "", ""));
      return stop;
    }
    // Person: a known first name followed by one to three capitalised words, unless the last is a
    // geographic head ("Jordan River", "Victoria Falls").
    if (stop - i >= 2 && stop - i <= 4 && lex_.is_first_name(norm(i)) && !in(kPlaceHeads, norm(stop - 1))) {
      std::string name = surface(i, stop);
      Mention m = make_new(s, i, stop, name, "person", "", "");
      new_people_[std::string(norm(stop - 1))] = m.actor;
      out_.mentions.push_back(std::move(m));
      return stop;
    }
    // Two or three capitalised words no dictionary knows, as the subject of a speech verb:
    // "Einav Zangauker spoke outside the Knesset", "Mykola Hrytsenko said". Names from anywhere
    // are far more than a first-name list holds; a speaker is a person or an organisation, and
    // organisations carry a head word, caught above.
    // So are such words right after a verb of saying ('"...," said Ndindi Nyoro') and before ", who"
    // (a relative pronoun for people only: "by Ndindi Nyoro, who chairs the committee").
    const bool after_speech = i > s.first_token + 1 && (norm(i - 1) == "said" || norm(i - 1) == "says") &&
                              (seg_.tokens[i - 2].kind == TokenKind::kQuote || norm(i - 2) == ",");
    const bool before_who = stop + 1 < end && norm(stop) == "," && norm(stop + 1) == "who";
    const bool goes_on = stop < end && seg_.tokens[stop].kind == TokenKind::kDash && !seg_.tokens[stop].space_before;
    if ((stop - i == 2 || stop - i == 3) && stop <= end && looks_like_name(i, stop) &&
        ((stop < end && (speech_verb_at(stop) || speech_verb_after_apposition(stop, end))) ||
         ((after_speech || before_who) && !goes_on))) {
      bool plain = true;
      for (std::uint32_t k = i; k < stop; ++k) {
        plain = plain && seg_.tokens[k].upper && !lex_.is_not_name(norm(k)) && !is(k, WordClass::kDeterminer) &&
                seg_.tokens[k].kind == TokenKind::kWord;
      }
      if (plain) {
        std::string name = surface(i, stop);
        Mention m = make_new(s, i, stop, name, "person", "", "");
        new_people_[std::string(norm(stop - 1))] = m.actor;
        out_.mentions.push_back(std::move(m));
        return stop;
      }
    }
    // A surname seen earlier in the document with a full new name ("Suslov" after "Dmitry Suslov").
    if (stop - i == 1) {
      auto it = new_people_.find(std::string(norm(i)));
      if (it != new_people_.end()) {
        out_.mentions.push_back(surname_mention(s, i, it->second));
        return stop;
      }
    }
    return stop;  // unknown capitalised words are skipped as a whole
  }

  // The one-token mention at i of a new person named in full before.
  Mention surname_mention(const Sentence& s, std::uint32_t i, const ActorRef& person) const {
    Mention m;
    m.sentence = s.index;
    m.first_token = i;
    m.end_token = i + 1;
    m.actor = person;
    m.actor.span = seg_.tokens[i].span;
    m.actor.text = std::string(slice(doc_.text, m.actor.span));
    m.via = "coref";
    return m;
  }

  bool is_sentence_start(std::uint32_t token) const {
    auto it = std::lower_bound(seg_.sentences.begin(), seg_.sentences.end(), token,
                               [](const Sentence& s, std::uint32_t t) { return s.first_token < t; });
    return it != seg_.sentences.end() && it->first_token == token;
  }

  // A weak alias the document never names in full ("Medvedev warned that ...", the way wire copy
  // and headlines refer to well-known officials) names the one lexicon person it can name who
  // holds an office on the document's day (with no date: one still in office). Not when it is a
  // common word, not after a first name ("Daniil Medvedev" is someone else), and not when the
  // document names another person with that surname.
  std::uint32_t sole_holder(const Mention& m, const std::vector<std::uint32_t>& candidates) const {
    const std::string_view word = norm(m.end_token - 1);
    if (lex_.is_not_name(norm(m.first_token))) return UINT32_MAX;
    if (m.first_token > 0 && seg_.tokens[m.first_token - 1].upper && lex_.is_first_name(norm(m.first_token - 1))) {
      return UINT32_MAX;
    }
    std::uint32_t sole = UINT32_MAX;
    for (std::uint32_t candidate : candidates) {
      if (candidate == sole) continue;
      const ActorEntry& entry = lex_.actors()[candidate];
      bool in_office = false;
      for (const Role& role : entry.roles) {
        in_office = in_office || (day_ != kNoDay ? role.active_on(day_) : role.to_day == kNoDay);
      }
      if (!in_office) continue;
      if (sole != UINT32_MAX) return UINT32_MAX;  // two office holders share the name
      sole = candidate;
    }
    if (sole == UINT32_MAX) return UINT32_MAX;
    const auto named = std::equal_range(person_surnames_.begin(), person_surnames_.end(),
                                        std::pair<std::string, std::string_view>(word, std::string_view()),
                                        [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto it = named.first; it != named.second; ++it) {
      if (it->second != lex_.actors()[sole].id) return UINT32_MAX;
    }
    return sole;
  }

  void resolve_weak() {
    // A weak alias ("Kim", "Johnson") names an actor only when the document named that actor in
    // full; among several such, the one named last before it. A weak alias that is also a common
    // word ("in May") is taken only where it cannot be that word.
    person_surnames_.clear();
    for (const Mention& other : out_.mentions) {
      if (other.actor.kind != "person"sv) continue;
      const std::string_view name = other.actor.name;
      const std::size_t space = name.rfind(' ');
      std::string last(space == std::string_view::npos ? name : name.substr(space + 1));
      for (char& c : last) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      person_surnames_.emplace_back(std::move(last), std::string_view(other.actor.id));
    }
    std::sort(person_surnames_.begin(), person_surnames_.end());
    for (auto& w : weak_) {
      Mention& m = w.mention;
      const std::string_view word = norm(m.first_token);
      if (lex_.is_not_name(word) && m.first_token > 0 &&
          (is(m.first_token - 1, WordClass::kPreposition) || is(m.first_token - 1, WordClass::kDeterminer))) {
        continue;
      }
      std::uint32_t best = UINT32_MAX;
      std::uint32_t best_token = 0;
      for (std::uint32_t candidate : w.candidates) {
        auto it = full_name_token_.find(candidate);
        if (it == full_name_token_.end()) continue;
        const std::uint32_t at = it->second;
        const bool before = at < m.first_token;
        // Among several named before, the one named as the subject of its sentence (first words)
        // over one named later in a phrase: "Kim Yo Jong, the sister of Kim Jong Un, ... Kim said".
        const bool subject = before && is_sentence_start(at);
        const bool best_subject = best != UINT32_MAX && best_token < m.first_token && is_sentence_start(best_token);
        if (best == UINT32_MAX || (before && (best_token > m.first_token || (subject && !best_subject) ||
                                              (subject == best_subject && at > best_token)))) {
          best = candidate;
          best_token = at;
        }
      }
      if (best == UINT32_MAX) best = sole_holder(m, w.candidates);
      if (best == UINT32_MAX) continue;
      Mention resolved = make(seg_.sentences[m.sentence], m.first_token, m.end_token, best, "alias");
      out_.mentions.push_back(std::move(resolved));
    }
  }

  // "Georgia's new president, Mikheil Kavelashvili," and "Mikheil Kavelashvili, the new president,":
  // a description set off by a comma next to a name of the same actor is an apposition, one
  // mention of that actor, not two; the name is kept.
  void drop_appositive_descriptions() {
    auto& ms = out_.mentions;
    std::vector<bool> drop(ms.size(), false);
    for (std::size_t k = 0; k < ms.size(); ++k) {
      if (ms[k].via != "description"sv) continue;
      auto same_by_comma = [&](const Mention& a, const Mention& b) {  // a before b
        return a.sentence == b.sentence && a.actor.id == b.actor.id && a.end_token + 1 == b.first_token &&
               seg_.tokens[a.end_token].kind == TokenKind::kPunct && norm(a.end_token) == ",";
      };
      if ((k + 1 < ms.size() && same_by_comma(ms[k], ms[k + 1])) || (k > 0 && same_by_comma(ms[k - 1], ms[k]))) {
        drop[k] = true;
      }
    }
    std::size_t w = 0;
    for (std::size_t k = 0; k < ms.size(); ++k) {
      if (drop[k]) continue;
      if (w != k) ms[w] = std::move(ms[k]);
      ++w;
    }
    ms.resize(w);
  }

  // Whether no clause boundary lies between tokens a and b: no subordinator or verb of saying
  // ("Trump said the war would not have started if the West had listened to him").
  bool same_clause(std::uint32_t a, std::uint32_t b) const {
    static constexpr std::string_view kBoundaries[] = {"that", "if", "when", "because", "after", "before", "while",
                                                       "said", "says", "told", "as", "since", "until", "unless",
                                                       "although", "though", "whether", "who", "which", ";"};
    for (std::uint32_t k = a + 1; k < b; ++k) {
      if (std::find(std::begin(kBoundaries), std::end(kBoundaries), norm(k)) != std::end(kBoundaries)) return false;
    }
    return true;
  }

  // A reference over tokens [first, end) to be resolved after the scan (a pronoun, "the group"):
  // no actor yet; actor.sector holds what it can refer to until then.
  Mention reference(const Sentence& s, std::uint32_t first, std::uint32_t end, std::string_view wants) const {
    Mention m;
    m.sentence = s.index;
    m.first_token = first;
    m.end_token = end;
    m.via = "coref";
    m.actor.span = Span{seg_.tokens[first].span.begin, seg_.tokens[end - 1].span.end};
    m.actor.text = std::string(slice(doc_.text, m.actor.span));
    m.actor.sector = std::string(wants);
    return m;
  }

  // The kind of organisation a definite description names ("group" -> an armed or other group),
  // or empty when the word is none.
  static std::string_view body_kind(std::string_view noun) {
    if (noun == "group" || noun == "movement" || noun == "militia") return "group";
    if (noun == "alliance" || noun == "bloc") return "igo";
    if (noun == "party") return "party";
    if (noun == "agency" || noun == "organisation" || noun == "organization") return "body";
    return {};
  }

  // "the group", "the militant group": records the description at token i (after "the", with at
  // most one lower-case adjective) for resolve_bodies; returns its end, or i.
  std::uint32_t body_description(const Sentence& s, std::uint32_t i, std::uint32_t end) {
    if (norm(i) != "the"sv || i + 1 >= end) return i;
    std::uint32_t k = i + 1;
    // "the Iran-backed group", "the Kurdish-led alliance"
    if (k + 3 < end && seg_.tokens[k + 1].kind == TokenKind::kDash && !seg_.tokens[k + 1].space_before &&
        !seg_.tokens[k + 2].space_before && norm(k + 2).ends_with("ed")) {
      k += 3;
    }
    if (body_kind(norm(k)).empty() && k + 1 < end && seg_.tokens[k].kind == TokenKind::kWord && !seg_.tokens[k].upper &&
        lex_.analyse_verb(seg_, k).empty() && !is(k, WordClass::kDeterminer) && !is(k, WordClass::kPreposition)) {
      ++k;
    }
    if (seg_.tokens[k].upper || body_kind(norm(k)).empty()) return i;
    // "the group of experts", "the group Wagner", "the party's leader" name something else.
    if (k + 1 < end && (norm(k + 1) == "of"sv || norm(k + 1) == "'s"sv || seg_.tokens[k + 1].upper)) return i;
    bodies_.push_back(reference(s, i, k + 1, body_kind(norm(k))));
    return k + 1;
  }

  // Each "the group" names the nearest organisation of its kind in its sentence or the two before.
  void resolve_bodies() {
    if (bodies_.empty()) return;
    std::vector<Mention> resolved;
    for (Mention& d : bodies_) {
      const std::string_view kind = d.actor.sector;
      std::size_t k = first_mention_from(out_.mentions, d.first_token);
      const Mention* found = nullptr;
      for (std::size_t steps = 0; k > 0 && steps < 60 && found == nullptr; ++steps) {
        const Mention& m = out_.mentions[--k];
        if (m.sentence + 2 < d.sentence) break;
        // A seat standing for a body ("Brussels") is a place in the text, not what "the alliance" names.
        if (m.pronoun || m.actor.id.empty() || m.via == "metonym"sv) continue;
        const bool match = kind == "group"sv  ? m.actor.kind == "group"sv
                           : kind == "igo"sv  ? m.actor.kind == "igo"sv
                           : kind == "party"sv ? m.actor.kind == "organisation"sv && m.actor.sector == "PTY"sv
                                               : m.actor.kind == "igo"sv || m.actor.kind == "organisation"sv;
        if (match) found = &m;
      }
      if (found == nullptr) continue;
      Mention r = d;
      r.actor = found->actor;
      r.actor.span = d.actor.span;
      r.actor.text = d.actor.text;
      resolved.push_back(std::move(r));
    }
    if (resolved.empty()) return;
    out_.mentions.insert(out_.mentions.end(), std::make_move_iterator(resolved.begin()),
                         std::make_move_iterator(resolved.end()));
    sort_by_first_token(out_.mentions);
  }

  // A name inside another noun phrase, before its head: "its real NATO membership chances", "the
  // EU summit". What "it" refers to later is that phrase, not the name.
  bool prenominal(const Mention& m) const {
    const Sentence& s = seg_.sentences[m.sentence];
    if (m.first_token <= s.first_token || m.end_token >= s.end_token) return false;
    const Token& after = seg_.tokens[m.end_token];
    if (after.kind != TokenKind::kWord || after.upper) return false;
    const std::string_view next = norm(m.end_token);
    if (!lex_.analyse_verb(next).empty() || is_auxiliary(next) || is_modal(next) || is_preposition(next) ||
        next == "and" || next == "or" || next == "but" || next == "who" || next == "which" || next == "that") {
      return false;
    }
    const std::string_view before = norm(m.first_token - 1);
    return before == "the" || before == "a" || before == "an" || before == "its" || before == "their" ||
           before == "his" || before == "her" || before == "our" || before == "this" ||
           (seg_.tokens[m.first_token - 1].kind == TokenKind::kWord && !seg_.tokens[m.first_token - 1].upper &&
            lex_.analyse_verb(before).empty() && !is_preposition(before) && !is_determiner(before));
  }

  // "..., but Islamabad said it had", "Pakistan told the UN on Monday that its": "it" in what a
  // state or an organisation says, shortly after the verb of saying, is the speaker, whichever
  // actor opens the sentence.
  const Mention* speaking_body(const Mention& p) const {
    const Sentence& s = seg_.sentences[p.sentence];
    std::uint32_t verb = UINT32_MAX;
    for (std::uint32_t k = p.first_token; k > s.first_token && k + 8 > p.first_token;) {
      --k;
      const std::string_view w = norm(k);
      if (w == "." || w == ";" || seg_.tokens[k].kind == TokenKind::kQuote) break;
      if (speech_verb_at(k)) { verb = k; break; }
    }
    if (verb == UINT32_MAX) return nullptr;
    // Right after a verb that takes an object, the pronoun is that object ("accusing it of", "told
    // it to"); a verb of saying alone is followed by what is said.
    if (verb + 1 == p.first_token && !in(kSayOnly, norm(verb))) {
      return nullptr;
    }
    std::uint32_t subject_end = verb;
    while (subject_end > s.first_token + 1 &&
           (norm(subject_end - 1) == "also" || norm(subject_end - 1) == "has" || norm(subject_end - 1) == "had" ||
            norm(subject_end - 1) == "have" || norm(subject_end - 1) == "later")) {
      --subject_end;
    }
    for (std::size_t k = first_mention_from(out_.mentions, subject_end); k > 0;) {
      const Mention& m = out_.mentions[--k];
      if (m.sentence != p.sentence || m.end_token + 4 < subject_end) break;
      if (m.end_token != subject_end || m.pronoun || m.modifier || m.plural || m.actor.id.empty()) continue;
      const std::string_view kind = m.actor.kind;
      if (kind == "state"sv || kind == "igo"sv || kind == "organisation"sv || kind == "group"sv) return &m;
      return nullptr;
    }
    return nullptr;
  }

  // Whether the pronoun p stands right after a verb that is no auxiliary, modal or verb of saying
  // ("accusing it", "urged it", "violating it"), as its object; *addressee tells whether the verb
  // is one of speech, whose object is mostly an actor ("accusing it of", "urged it to").
  bool object_of_verb(const Mention& p, bool* addressee) const {
    const Sentence& s = seg_.sentences[p.sentence];
    if (p.first_token <= s.first_token + 1) return false;
    const std::uint32_t v = p.first_token - 1;
    const std::string_view w = norm(v);
    if (seg_.tokens[v].kind != TokenKind::kWord || seg_.tokens[v].upper || is_auxiliary(w) || is_modal(w) ||
        in(kSayOnly, w) || is_preposition(w) || is_determiner(w) || is(v - 1, WordClass::kDeterminer)) {
      return false;  // "the sanctions it announced": a noun, not a verb
    }
    const auto& analyses = lex_.analyse_verb(w);
    if (analyses.empty()) return false;
    *addressee = false;
    for (const VerbAnalysis& a : analyses) *addressee = *addressee || lex_.verb_cues(a.lemma) != nullptr;
    return true;
  }

  void resolve_pronouns() {
    // he/she/his/her -> the most salient compatible person: the first one named (outside a
    // prepositional phrase) in the nearest sentence that names one, within three sentences.
    // News prose keeps its subject: "Putin briefed Ramaphosa on talks with Witkoff, when he ..."
    // is Putin. "it" -> the first state or organisation of this or the previous sentence.
    struct Salient {
      const Mention* mention = nullptr;
      std::uint32_t sentence = 0;
    };
    auto offer = [](Salient& slot, const Mention& m) {
      if (slot.mention == nullptr || slot.sentence != m.sentence) slot = Salient{&m, m.sentence};
    };
    std::vector<Mention> resolved;
    std::size_t next_mention = 0;
    Salient person[2];  // male, female
    // The same, for people named outside quotation marks: '« Macron must go », he wrote' is not
    // Macron, and neither is the "he" of '"I met Putin," Trump said. He added ...'.
    Salient narrated[2];
    Salient body;
    // Quotation marks before each token of its sentence: an odd count is inside a quote.
    std::vector<std::uint32_t> marks(seg_.tokens.size() + 1, 0);
    for (std::size_t t = 0; t < seg_.tokens.size(); ++t) {
      marks[t + 1] = marks[t] + (seg_.tokens[t].kind == TokenKind::kQuote ? 1 : 0);
    }
    auto quoted = [&](const Mention& m) {
      return ((marks[m.first_token] - marks[seg_.sentences[m.sentence].first_token]) & 1U) != 0;
    };
    // "him" is never the subject of its own clause ("Lee asked him", "he was disappointed in him"):
    // it skips the person named or referred to last before it in its sentence.
    std::vector<std::size_t> people_seen;  // indices of person mentions, in text order
    const ActorRef* last_person = nullptr;
    std::uint32_t last_person_token = 0, last_person_sentence = 0;
    auto note_person = [&](const ActorRef& actor, std::uint32_t token, std::uint32_t sentence) {
      if (last_person == nullptr || token >= last_person_token) {
        last_person = &actor;
        last_person_token = token;
        last_person_sentence = sentence;
      }
    };
    std::vector<ActorRef> resolved_people;  // stable storage for note_person
    resolved_people.reserve(pronouns_.size());
    for (auto& p : pronouns_) {
      while (next_mention < out_.mentions.size() && out_.mentions[next_mention].first_token < p.first_token) {
        const std::size_t index = next_mention++;
        const Mention& m = out_.mentions[index];
        if (m.modifier || m.actor.id.empty()) continue;
        if (m.actor.kind == "person"sv) {
          people_seen.push_back(index);
          note_person(m.actor, m.first_token, m.sentence);
        }
        const bool in_phrase = m.first_token > 0 && is(m.first_token - 1, WordClass::kPreposition) &&
                               norm(m.first_token - 1) != "by";
        if (in_phrase) continue;
        if (m.actor.kind == "person"sv) {
          const ActorEntry* a = lex_.actor_by_id(m.actor.id);
          const std::string gender = a != nullptr ? a->gender : std::string();
          if (gender != "female"sv) offer(person[0], m);
          if (gender != "male"sv) offer(person[1], m);
          if (!quoted(m) && gender != "female"sv) offer(narrated[0], m);
          if (!quoted(m) && gender != "male"sv) offer(narrated[1], m);
        } else if (m.actor.kind != "location"sv && !m.plural && !prenominal(m)) {
          // "Russian tanks", "Georgian lawmakers" are "they", never "it".
          offer(body, m);
        }
      }
      const bool neuter = p.actor.sector == "neuter"sv;
      const std::uint32_t reach = neuter ? 1 : 3;
      int g = p.actor.sector == "male"sv ? 0 : 1;
      if (p.actor.sector == "person"sv) {  // either gender: the more recently named
        const Salient* pool = quoted(p) ? person : narrated;
        g = pool[0].mention != nullptr &&
                    (pool[1].mention == nullptr || pool[0].mention->first_token > pool[1].mention->first_token)
                ? 0
                : 1;
      }
      const bool use_narrated = !neuter && !quoted(p) && narrated[g].mention != nullptr &&
                                p.sentence <= narrated[g].sentence + reach;
      const Salient& slot = neuter ? body : use_narrated ? narrated[g] : person[g];
      const Mention* speaker = neuter ? speaking_body(p) : nullptr;
      if (speaker == nullptr && (slot.mention == nullptr || p.sentence > slot.sentence + reach)) continue;
      const ActorRef* chosen = speaker != nullptr ? &speaker->actor : &slot.mention->actor;
      // "Sudan cut ties with the UAE, accusing it of arming the RSF": "it" as the object of a verb
      // is not that verb's subject, the actor the sentence opens with. The object of a verb of
      // speech is the actor named last before it in the sentence; of another verb ("violating
      // it", "block it"), mostly a thing (a truce, a resolution), so it is left unresolved.
      bool addressee = false;
      if (neuter && speaker == nullptr && norm(p.first_token) == "it" && object_of_verb(p, &addressee)) {
        chosen = nullptr;
        for (std::size_t k = first_mention_from(out_.mentions, p.first_token); addressee && k > 0;) {
          const Mention& other = out_.mentions[--k];
          if (other.sentence != p.sentence) break;
          if (other.pronoun || other.modifier || other.plural || other.actor.id.empty() ||
              other.actor.kind == "person"sv || other.actor.kind == "location"sv || prenominal(other)) {
            continue;
          }
          if (other.actor.id != slot.mention->actor.id) chosen = &other.actor;
          break;
        }
        if (chosen == nullptr) continue;
      }
      if (norm(p.first_token) == "him" && last_person != nullptr && last_person_sentence == p.sentence &&
          last_person->id == chosen->id && same_clause(last_person_token, p.first_token)) {
        chosen = nullptr;
        for (auto it = people_seen.rbegin(); it != people_seen.rend(); ++it) {
          const Mention& other = out_.mentions[*it];
          if (other.sentence + reach < p.sentence) break;
          const ActorEntry* a = lex_.actor_by_id(other.actor.id);
          if (other.actor.id == last_person->id || (a != nullptr && a->gender == "female"sv)) continue;
          chosen = &other.actor;
          break;
        }
        if (chosen == nullptr) continue;
      }
      Mention m = p;
      m.actor = *chosen;
      m.actor.span = p.actor.span;
      m.actor.text = p.actor.text;
      if (m.actor.kind == "person"sv) {
        resolved_people.push_back(m.actor);
        note_person(resolved_people.back(), m.first_token, m.sentence);
      }
      resolved.push_back(std::move(m));
    }
    if (resolved.empty()) return;
    out_.mentions.insert(out_.mentions.end(), std::make_move_iterator(resolved.begin()),
                         std::make_move_iterator(resolved.end()));
    sort_by_first_token(out_.mentions);
  }

  const Document& doc_;
  const Segmentation& seg_;
  const Lexicon& lex_;
  std::int32_t day_;
  ActorAnalysis out_;
  struct WeakMention {
    Mention mention;
    std::vector<std::uint32_t> candidates;
  };
  std::vector<WeakMention> weak_;
  std::vector<Mention> bodies_;  // "the group", "the alliance": resolved by resolve_bodies
  // Lower-case last word of the name of every person mentioned, with the person's id, sorted.
  std::vector<std::pair<std::string, std::string_view>> person_surnames_;
  std::uint32_t groups_ = 0;
  std::unordered_map<std::uint32_t, std::uint32_t> full_name_token_;  // actor -> first full mention
  std::vector<Mention> pronouns_;
  std::unordered_map<std::string, ActorRef> new_people_;
  mutable std::unordered_map<const ActorEntry*, bool> context_cache_;
};

}  // namespace

std::size_t first_mention_from(const std::vector<Mention>& mentions, std::uint32_t token) {
  auto it = std::lower_bound(mentions.begin(), mentions.end(), token,
                             [](const Mention& m, std::uint32_t t) { return m.first_token < t; });
  return static_cast<std::size_t>(it - mentions.begin());
}

bool inside_any(const std::vector<Span>& sorted_spans, Span span) {
  // The candidates start at or before span.begin; quotes are few and rarely nest, so a short walk
  // back from the last such start suffices.
  auto it = std::upper_bound(sorted_spans.begin(), sorted_spans.end(), span.begin,
                             [](std::uint32_t b, const Span& s) { return b < s.begin; });
  for (int steps = 0; it != sorted_spans.begin() && steps < 8; ++steps) {
    --it;
    if (it->contains(span)) return true;
  }
  return false;
}

std::string actor_dump(const ActorRef& actor) { return actor.text + "(" + actor.id + "," + actor.code + ")"; }

std::string mentions_dump(const std::vector<Mention>& mentions) {
  std::string out;
  for (const Mention& m : mentions) {
    if (m.actor.id.empty()) continue;
    if (!out.empty()) out += ' ';
    out += actor_dump(m.actor);
  }
  return out;
}

ActorRef actor_ref(const Lexicon& lexicon, std::uint32_t index, std::int32_t day) {
  ActorRef ref;
  set_actor_ref(lexicon, index, day, ref);
  return ref;
}

ActorAnalysis find_actors(const Document& doc, const Segmentation& seg, const Lexicon& lexicon) {
  return Resolver(doc, seg, lexicon).run();
}

}  // namespace geokg::extract
