#include "extract/lexicon.hpp"

#include <algorithm>
#include <charconv>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include "extract/error.hpp"
#include "extract/resources.hpp"
#include "extract/text.hpp"

namespace geokg::extract {

namespace {

using JsonValue = rapidjson::Value;

// Calls fn(line_number, line) for each line of data that is not blank and not a # comment.
template <typename Fn>
void for_each_line(std::string_view data, Fn fn) {
  std::size_t line_number = 0;
  std::size_t pos = 0;
  while (pos < data.size()) {
    std::size_t end = data.find('\n', pos);
    if (end == std::string_view::npos) end = data.size();
    std::string_view line = data.substr(pos, end - pos);
    ++line_number;
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;
    fn(line_number, line);
  }
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t pos = 0;
  while (true) {
    const std::size_t tab = line.find('\t', pos);
    fields.push_back(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos));
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
  return fields;
}

std::string where(std::string_view file, std::size_t line) {
  return std::string(file) + ":" + std::to_string(line);
}

rapidjson::Document parse_json_line(std::string_view file, std::size_t line_number, std::string_view line) {
  rapidjson::Document doc;
  doc.Parse(line.data(), line.size());
  if (doc.HasParseError()) {
    throw InputError(where(file, line_number) + ":" + std::to_string(doc.GetErrorOffset() + 1) + ": " +
                     rapidjson::GetParseError_En(doc.GetParseError()) + ", expected one JSON object per line");
  }
  if (!doc.IsObject()) throw InputError(where(file, line_number) + ": expected a JSON object");
  return doc;
}

std::string get_string(const JsonValue& object, const char* field) {
  auto it = object.FindMember(field);
  if (it == object.MemberEnd() || !it->value.IsString()) return {};
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

bool get_bool(const JsonValue& object, const char* field) {
  auto it = object.FindMember(field);
  return it != object.MemberEnd() && it->value.IsBool() && it->value.GetBool();
}

std::vector<std::string> get_strings(const JsonValue& object, const char* field) {
  std::vector<std::string> out;
  auto it = object.FindMember(field);
  if (it == object.MemberEnd()) return out;
  if (it->value.IsString()) {
    out.emplace_back(it->value.GetString(), it->value.GetStringLength());
  } else if (it->value.IsArray()) {
    for (const auto& v : it->value.GetArray()) {
      if (v.IsString()) out.emplace_back(v.GetString(), v.GetStringLength());
    }
  }
  return out;
}

// The schema validator for actor lines, compiled once.
class ActorSchema {
 public:
  ActorSchema() {
    const std::string_view text = embedded_file("schemas/actors.schema.json");
    schema_json_.Parse(text.data(), text.size());
    GEOKG_ASSERT(!schema_json_.HasParseError());
    schema_ = std::make_unique<rapidjson::SchemaDocument>(schema_json_);
  }

  void validate(const rapidjson::Document& doc, std::string_view file, std::size_t line) const {
    rapidjson::SchemaValidator validator(*schema_);
    if (doc.Accept(validator)) return;
    rapidjson::StringBuffer doc_pointer;
    validator.GetInvalidDocumentPointer().StringifyUriFragment(doc_pointer);
    std::string field = doc_pointer.GetString();
    if (!field.empty() && field[0] == '#') field.erase(0, 1);
    if (field.empty()) field = "/";
    const std::string keyword = validator.GetInvalidSchemaKeyword();
    std::string expected;
    if (keyword == "required") expected = "a required field is missing (id, name and kind are required; roles need title and of)";
    else if (keyword == "additionalProperties") expected = "an unknown field; allowed: id name kind country sector code gender aliases weak_aliases demonyms metonyms needs_context context member_of roles";
    else if (keyword == "pattern") expected = "a value of the documented form (ids: lower-case slug; country: ISO alpha-3; sector: three capitals; dates: YYYY, YYYY-MM or YYYY-MM-DD)";
    else if (keyword == "enum") expected = "one of the allowed values (kind: state person organisation igo group location; gender: male female)";
    else if (keyword == "type") expected = "a value of the right JSON type";
    else if (keyword == "uniqueItems") expected = "no repeated items";
    else expected = "a value satisfying \"" + keyword + "\"";
    throw InputError(where(file, line) + ": invalid field \"" + field + "\": expected " + expected);
  }

 private:
  rapidjson::Document schema_json_;
  std::unique_ptr<rapidjson::SchemaDocument> schema_;
};

// "from" is the first day of its period; "to" the day after its period ends ("to": "2025-10"
// means until the end of October 2025), so a role is active on [from, to).
std::int32_t role_day(const JsonValue& role, const char* field) {
  const std::string value = get_string(role, field);
  if (value.empty()) return kNoDay;
  const std::int32_t first = day_number(value);
  if (std::string_view(field) == "from" || first == kNoDay) return first;
  int year = 0, month = 0, day = 0;
  civil_from_day(first, year, month, day);
  if (value.size() == 4) return day_from_civil(year + 1, 1, 1);
  if (value.size() == 7) return month == 12 ? day_from_civil(year + 1, 1, 1) : day_from_civil(year, month + 1, 1);
  return first;
}

// Regular English inflection for verbs the forms table does not list.
std::vector<std::string> regular_forms(const std::string& lemma) {
  auto ends = [&](std::string_view s) { return lemma.ends_with(s); };
  auto is_vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
  std::string third, past, gerund;
  if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh")) third = lemma + "es";
  else if (lemma.size() > 1 && ends("y") && !is_vowel(lemma[lemma.size() - 2])) third = lemma.substr(0, lemma.size() - 1) + "ies";
  else third = lemma + "s";
  if (ends("e")) past = lemma + "d";
  else if (lemma.size() > 1 && ends("y") && !is_vowel(lemma[lemma.size() - 2])) past = lemma.substr(0, lemma.size() - 1) + "ied";
  else past = lemma + "ed";
  if (ends("ie")) gerund = lemma.substr(0, lemma.size() - 2) + "ying";
  else if (ends("e") && !ends("ee")) gerund = lemma.substr(0, lemma.size() - 1) + "ing";
  else gerund = lemma + "ing";
  return {lemma, third, past, past, gerund};
}


}  // namespace

std::shared_ptr<Lexicon> Lexicon::load(const std::vector<std::string>& user_actor_files) {
  auto lexicon = std::make_shared<Lexicon>();
  lexicon->load_cameo();
  lexicon->load_iso_countries();
  // Actor files: every lexicon/*.jsonl that is not one of the other dictionaries, in name order.
  std::vector<std::pair<std::string_view, std::string_view>> files;
  for (std::size_t i = 0; i < detail::kEmbeddedFileCount; ++i) {
    const auto& f = detail::kEmbeddedFiles[i];
    if (!f.name.starts_with("lexicon/") || !f.name.ends_with(".jsonl")) continue;
    const std::string_view base = f.name.substr(8);
    if (base == "titles.jsonl" || base == "events.jsonl" || base == "cues.jsonl") continue;
    files.emplace_back(base, f.data);
  }
  std::sort(files.begin(), files.end());
  // Countries first so that people and organisations can refer to them.
  std::stable_partition(files.begin(), files.end(), [](const auto& f) { return f.first == "countries.jsonl"; });
  for (const auto& [name, data] : files) lexicon->load_actor_file(name, data, false);
  for (const auto& path : user_actor_files) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) throw InputError(path + ": cannot read actor file: " + std::strerror(errno));
    std::string data;
    char buffer[65536];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) data.append(buffer, n);
    std::fclose(file);
    lexicon->load_actor_file(path, data, true);
  }
  for (std::uint32_t i = 0; i < lexicon->actors_.size(); ++i) {
    lexicon->index_actor(i);
    const ActorEntry& a = lexicon->actors_[i];
    if (a.kind == "state" && !a.country.empty()) lexicon->state_by_country_.emplace(a.country, i);
  }
  lexicon->load_titles();
  lexicon->load_verb_forms();
  lexicon->load_events();
  lexicon->load_cues();
  lexicon->load_word_lists();
  lexicon->index_word_entries();
  return lexicon;
}

const ActorEntry* Lexicon::actor_by_id(std::string_view id) const {
  auto it = actor_index_.find(id);
  return it == actor_index_.end() ? nullptr : &actors_[it->second];
}

std::uint32_t Lexicon::state_index(std::string_view alpha3) const {
  auto it = state_by_country_.find(alpha3);
  return it == state_by_country_.end() ? UINT32_MAX : it->second;
}

void Lexicon::load_cameo() {
  const std::string_view data = embedded_file("lexicon/cameo.tsv");
  bool header = true;
  for_each_line(data, [&](std::size_t line_number, std::string_view line) {
    if (header) { header = false; return; }
    const auto f = split_tabs(line);
    if (f.size() < 6) throw InputError(where("cameo.tsv", line_number) + ": expected 6 tab-separated columns");
    CameoCode code{std::string(f[0]), std::string(f[1]), std::string(f[2]), std::string(f[3]), 0, 0.0};
    code.quad_class = f[4].empty() ? 0 : f[4][0] - '0';
    code.goldstein = std::strtod(std::string(f[5]).c_str(), nullptr);
    const std::string key = code.code;  // a copy: the value may be moved from before the key is read
    cameo_.emplace(key, std::move(code));
  });
}

const std::vector<VerbAnalysis> Lexicon::kNoAnalyses;

void Lexicon::load_iso_countries() {
  const std::string_view data = embedded_file("iso/iso_3166-1.json");
  rapidjson::Document doc;
  doc.Parse(data.data(), data.size());
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("3166-1")) {
    throw InputError("iso_3166-1.json: expected the Debian iso-codes JSON with a \"3166-1\" array");
  }
  for (const auto& c : doc["3166-1"].GetArray()) {
    ActorEntry entry;
    entry.kind = "state";
    entry.country = get_string(c, "alpha_3");
    const std::string name = get_string(c, "name");
    const std::string common = get_string(c, "common_name");
    entry.name = common.empty() ? name : common;
    entry.id = slugify(entry.name);
    entry.code = entry.country;
    entry.origin = "iso_3166-1.json";
    // "Korea, Republic of" is a catalogue form that news never writes.
    for (const std::string& n : {name, common, get_string(c, "official_name")}) {
      if (!n.empty() && n.find(',') == std::string::npos && n != entry.name) entry.aliases.push_back(n);
    }
    add_actor(std::move(entry));
  }
}

void Lexicon::add_actor(ActorEntry entry) {
  // A state line of ours enriches the iso-codes entry of the same country.
  if (entry.kind == "state" && !entry.country.empty()) {
    for (auto& existing : actors_) {
      if (existing.kind != "state" || existing.country != entry.country) continue;
      if (entry.origin == existing.origin) break;
      actor_index_.erase(existing.id);
      std::vector<std::string> aliases = existing.aliases;
      if (existing.name != entry.name) aliases.push_back(existing.name);
      for (auto& a : entry.aliases) aliases.push_back(a);
      entry.aliases.clear();
      for (auto& a : aliases) {
        if (a != entry.name && std::find(entry.aliases.begin(), entry.aliases.end(), a) == entry.aliases.end()) {
          entry.aliases.push_back(a);
        }
      }
      if (entry.code.empty()) entry.code = existing.code;
      const auto index = static_cast<std::uint32_t>(&existing - actors_.data());
      existing = std::move(entry);
      actor_index_[existing.id] = index;
      return;
    }
  }
  auto found = actor_index_.find(entry.id);
  if (found != actor_index_.end()) {
    actors_[found->second] = std::move(entry);  // a later file (a user's) overrides
    return;
  }
  actor_index_.emplace(entry.id, static_cast<std::uint32_t>(actors_.size()));
  actors_.push_back(std::move(entry));
}

void Lexicon::load_actor_file(std::string_view name, std::string_view data, bool user) {
  static const ActorSchema schema;
  for_each_line(data, [&](std::size_t line_number, std::string_view line) {
    const rapidjson::Document doc = parse_json_line(name, line_number, line);
    schema.validate(doc, name, line_number);
    ActorEntry e;
    e.id = get_string(doc, "id");
    e.name = get_string(doc, "name");
    e.kind = get_string(doc, "kind");
    e.country = get_string(doc, "country");
    e.sector = get_string(doc, "sector");
    e.code = get_string(doc, "code");
    e.gender = get_string(doc, "gender");
    e.aliases = get_strings(doc, "aliases");
    e.weak_aliases = get_strings(doc, "weak_aliases");
    e.demonyms = get_strings(doc, "demonyms");
    e.needs_context = get_strings(doc, "needs_context");
    e.context = get_strings(doc, "context");
    e.member_of = get_strings(doc, "member_of");
    if (auto it = doc.FindMember("metonyms"); it != doc.MemberEnd()) {
      for (const auto& m : it->value.GetArray()) e.metonyms.emplace_back(get_string(m, "text"), get_string(m, "sector"));
    }
    if (auto it = doc.FindMember("roles"); it != doc.MemberEnd()) {
      for (const auto& r : it->value.GetArray()) {
        Role role{get_string(r, "title"), get_string(r, "of"), get_string(r, "sector"), role_day(r, "from"),
                  role_day(r, "to")};
        if (role.from_day != kNoDay && role.to_day != kNoDay && role.to_day < role.from_day) {
          throw InputError(where(name, line_number) + ": invalid field \"/roles\": expected \"from\" before \"to\"");
        }
        e.roles.push_back(std::move(role));
      }
    }
    if (e.code.empty()) {
      if (e.kind == "igo") e.code = "IGO";
      else e.code = e.country + (e.sector.empty() ? std::string() : e.sector);
    }
    e.origin = where(name, line_number);
    (void)user;
    add_actor(std::move(e));
  });
}

void Lexicon::add_phrase(std::string_view phrase, PhraseEntry entry) {
  const Segmentation seg = segment(phrase);
  if (seg.tokens.empty()) return;
  std::uint32_t node = 0;
  entry.case_pattern.clear();
  entry.exact.clear();
  for (const Token& t : seg.tokens) {
    const std::string_view norm = seg.norm_of(t);
    const std::uint32_t word = words_.emplace(std::string(norm), static_cast<std::uint32_t>(words_.size())).first->second;
    const std::uint32_t existing = child(node, word);
    if (existing == 0) {
      const auto next = static_cast<std::uint32_t>(node_entries_.size());
      node_entries_.emplace_back();
      add_edge(node, word, next);
      node = next;
    } else {
      node = existing;
    }
    std::uint8_t pattern = 0;
    if (t.kind == TokenKind::kWord) pattern = t.all_caps ? 2 : (t.upper ? 1 : 0);
    // Mixed case inside a word ("LeT", "McCain") must match exactly: "Let us" is no group.
    const std::string_view surface = slice(phrase, t.span);
    if (pattern == 1 && surface.size() > 1 &&
        std::any_of(surface.begin() + 1, surface.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
        surface.find('.') == std::string_view::npos && surface.find('-') == std::string_view::npos) {
      pattern = 3;
      entry.exact.emplace_back(surface);
    }
    entry.case_pattern.push_back(pattern);
  }
  auto& entries = node_entries_[node];
  for (const auto& existing : entries) {
    if (existing.kind == entry.kind && existing.target == entry.target && existing.case_pattern == entry.case_pattern) {
      return;
    }
  }
  entries.push_back(std::move(entry));
  ++phrase_count_;
}

void Lexicon::index_actor(std::uint32_t index) {
  const ActorEntry& a = actors_[index];
  auto contextual = [&](const std::string& text) {
    return std::find(a.needs_context.begin(), a.needs_context.end(), text) != a.needs_context.end();
  };
  auto add = [&](const std::string& text, PhraseKind kind, const std::string& sector) {
    PhraseEntry e{kind, index, sector, contextual(text), {}, {}};
    add_phrase(text, e);
    // "the Kremlin" is also written "Kremlin" (headlines, possessives: "Kremlin's").
    if (text.starts_with("the ") || text.starts_with("The ")) add_phrase(std::string_view(text).substr(4), e);
  };
  add(a.name, PhraseKind::kName, "");
  for (const auto& s : a.aliases) add(s, PhraseKind::kAlias, "");
  for (const auto& s : a.weak_aliases) add(s, PhraseKind::kWeak, "");
  for (const auto& s : a.demonyms) add(s, PhraseKind::kDemonym, "");
  for (const auto& [text, sector] : a.metonyms) add(text, PhraseKind::kMetonym, sector);
  for (const Role& r : a.roles) role_index_[r.of + "|" + r.title].push_back(index);
}

std::uint32_t Lexicon::child(std::uint32_t parent, std::uint32_t word) const {
  const std::uint64_t key = edge_key(parent, word);
  const std::size_t mask = edges_.size() - 1;
  for (std::size_t slot = edge_slot(key);; slot = (slot + 1) & mask) {
    const TrieEdge& e = edges_[slot];
    if (e.key == key) return e.child;
    if (e.key == kNoEdge) return 0;
  }
}

void Lexicon::add_edge(std::uint32_t parent, std::uint32_t word, std::uint32_t child_node) {
  // Kept at most half full so that probes stay short.
  if ((edge_count_ + 1) * 2 > edges_.size()) {
    std::vector<TrieEdge> old(edges_.size() * 2);
    old.swap(edges_);
    --edge_shift_;
    edge_count_ = 0;
    for (const TrieEdge& e : old) {
      if (e.key != kNoEdge) add_edge(static_cast<std::uint32_t>(e.key >> 32), static_cast<std::uint32_t>(e.key), e.child);
    }
  }
  const std::uint64_t key = edge_key(parent, word);
  const std::size_t mask = edges_.size() - 1;
  std::size_t slot = edge_slot(key);
  while (edges_[slot].key != kNoEdge) slot = (slot + 1) & mask;
  edges_[slot] = TrieEdge{key, child_node};
  ++edge_count_;
}

void Lexicon::index_word_entries() {
  words_.for_each([this](const auto& entry) { word_entries_[entry.first].word = entry.second; });
  verb_forms_.for_each([this](const auto& entry) {
    if (!entry.second.empty()) word_entries_[entry.first].verbs = &entry.second;
  });
  // event_nouns(w) can be non-null only for a listed noun or that noun with an -s added (singular()
  // drops at most a final s); for any other word both lookups miss.
  noun_patterns_.for_each([this](const auto& entry) {
    word_entries_[entry.first];
    word_entries_[entry.first + "s"];
  });
  // Pattern words are interned; a token can be one, or have one as its singular, only if it is a
  // listed word or that word with an -s added (singular() drops at most a final s).
  auto intern = [this](const std::vector<std::string>& words, std::vector<std::uint32_t>& ids) {
    ids.clear();
    for (const std::string& w : words) {
      const auto next = static_cast<std::uint32_t>(terms_.size());
      ids.push_back(terms_.emplace(w, next).first->second);
      word_entries_[w];
      word_entries_[w + "s"];
    }
  };
  for (EventPattern& p : events_) {
    intern(p.objects, p.object_terms);
    intern(p.preps, p.prep_terms);
    intern(p.requires_words, p.required_terms);
  }
  // Likewise a word can have a content stance only if it is a stance word, one with an -s added,
  // or a verb form (which has its entry already).
  stance_.for_each([this](const auto& entry) {
    word_entries_[entry.first];
    word_entries_[entry.first + "s"];
  });
  word_entries_.for_each([this](auto& entry) {
    entry.second.content_stance = content_stance(entry.first);
    entry.second.nouns = event_nouns(entry.first);
    entry.second.term = term(entry.first);
    entry.second.singular_term = term(singular(entry.first));
  });
}

void Lexicon::tag_words(Segmentation& seg) const {
  seg.lexical.resize(seg.tokens.size());
  for (std::size_t i = 0; i < seg.tokens.size(); ++i) {
    const auto* found = word_entries_.find(seg.norm_of(seg.tokens[i]));
    seg.lexical[i] = found == nullptr ? nullptr : &found->second;
  }
}

std::uint32_t Lexicon::match_phrase_at(const Segmentation& seg, std::uint32_t first, std::uint32_t end,
                                       const std::vector<PhraseEntry>** entries) const {
  std::uint32_t node = 0;
  std::uint32_t best = 0;
  *entries = nullptr;
  const bool tagged = seg.lexical.size() == seg.tokens.size();
  for (std::uint32_t i = first; i < end; ++i) {
    const WordEntry* entry = tagged ? seg.lexical[i] : nullptr;
    const std::uint32_t word = tagged ? (entry == nullptr ? kNoWord : entry->word) : word_id(seg.norm_of(i));
    if (word == kNoWord) break;
    node = child(node, word);
    if (node == 0) break;
    const auto& here = node_entries_[node];
    if (here.empty()) continue;
    // The longest phrase whose capitalisation fits wins; an all-capitals headline fits any case.
    for (const auto& e : here) {
      bool fits = true;
      for (std::uint32_t k = 0; k < e.case_pattern.size() && fits; ++k) {
        const Token& t = seg.tokens[first + k];
        switch (e.case_pattern[k]) {
          case 1: fits = t.upper || t.all_caps; break;
          case 2: fits = t.all_caps || (t.norm_size <= 4 && seg.norm_of(t).find('.') != std::string_view::npos); break;
          case 3: fits = t.all_caps || std::find(e.exact.begin(), e.exact.end(), seg.surface(t)) != e.exact.end(); break;
          default: break;
        }
      }
      if (fits) {
        best = i - first + 1;
        *entries = &here;
        break;
      }
    }
  }
  return best;
}

void Lexicon::load_titles() {
  for_each_line(embedded_file("lexicon/titles.jsonl"), [&](std::size_t line_number, std::string_view line) {
    const rapidjson::Document doc = parse_json_line("titles.jsonl", line_number, line);
    TitleEntry t;
    t.title = folded(get_string(doc, "title"));
    t.canonical = get_string(doc, "canonical");
    if (t.canonical.empty()) t.canonical = t.title;
    t.sector = get_string(doc, "sector");
    t.person = !doc.HasMember("person") || get_bool(doc, "person");
    if (t.title.empty()) throw InputError(where("titles.jsonl", line_number) + ": missing \"title\", expected a string");
    const auto index = static_cast<std::uint32_t>(titles_.size());
    titles_.push_back(t);
    add_phrase(t.title, PhraseEntry{PhraseKind::kTitle, index, t.sector, false, {}, {}});
    // "Presidents Putin and Ramaphosa", "foreign ministers": plural titles name people too.
    if (t.person && !t.title.ends_with('s') && t.title.find('.') == std::string::npos) {
      add_phrase(t.title + "s", PhraseEntry{PhraseKind::kTitle, index, t.sector, false, {}, {}});
    }
  });
}

void Lexicon::add_verb(const std::string& lemma, std::vector<std::string> forms) {
  const std::string_view stored = *lemma_store_.insert(lemma).first;
  static constexpr VerbForm kForms[] = {VerbForm::kBase, VerbForm::kThird, VerbForm::kPast, VerbForm::kParticiple,
                                        VerbForm::kGerund};
  for (std::size_t i = 0; i < forms.size() && i < 5; ++i) {
    auto& list = verb_forms_[forms[i]];
    VerbForm form = kForms[i];
    bool merged = false;
    for (auto& existing : list) {
      if (existing.lemma != stored) continue;
      if ((existing.form == VerbForm::kPast && form == VerbForm::kParticiple) ||
          (existing.form == VerbForm::kParticiple && form == VerbForm::kPast)) {
        existing.form = VerbForm::kPastOrParticiple;
      }
      merged = true;
    }
    if (!merged) list.push_back(VerbAnalysis{stored, form});
  }
}

void Lexicon::load_verb_forms() {
  bool header = true;
  for_each_line(embedded_file("lexicon/verb-forms.tsv"), [&](std::size_t line_number, std::string_view line) {
    if (header) { header = false; return; }
    const auto f = split_tabs(line);
    if (f.size() < 5) throw InputError(where("verb-forms.tsv", line_number) + ": expected 5 tab-separated forms");
    add_verb(std::string(f[0]), {std::string(f[0]), std::string(f[1]), std::string(f[2]), std::string(f[3]),
                                 std::string(f[4])});
  });
}


void Lexicon::load_events() {
  for_each_line(embedded_file("lexicon/events.jsonl"), [&](std::size_t line_number, std::string_view line) {
    const rapidjson::Document doc = parse_json_line("events.jsonl", line_number, line);
    EventPattern p;
    p.code = get_string(doc, "code");
    if (cameo(p.code) == nullptr) {
      throw InputError(where("events.jsonl", line_number) + ": unknown CAMEO code \"" + p.code + "\", expected a code of cameo.tsv");
    }
    std::string head = get_string(doc, "verb");
    p.noun = head.empty();
    if (p.noun) head = get_string(doc, "noun");
    if (head.empty()) throw InputError(where("events.jsonl", line_number) + ": expected \"verb\" or \"noun\"");
    p.text = head;
    head = folded(head);
    const auto space = head.find(' ');
    p.lemma = head.substr(0, space);
    if (space != std::string::npos) p.particle = head.substr(space + 1);
    for (auto& o : get_strings(doc, "object")) p.objects.push_back(folded(o));
    for (auto& o : get_strings(doc, "prep")) p.preps.push_back(folded(o));
    for (auto& o : get_strings(doc, "requires")) p.requires_words.push_back(folded(o));
    p.no_target = get_string(doc, "target") == "none";
    p.symmetric = get_bool(doc, "symmetric");
    p.passive = !doc.HasMember("passive") || get_bool(doc, "passive");
    p.reverse = get_bool(doc, "reverse");
    if (!p.objects.empty()) p.text += " <" + p.objects.front() + (p.objects.size() > 1 ? "|...>" : ">");
    if (!p.preps.empty()) p.text += " " + p.preps.front() + (p.preps.size() > 1 ? "|..." : "") + " TARGET";
    else if (!p.no_target && p.objects.empty() && !p.noun) p.text += " TARGET";
    const auto index = static_cast<std::uint32_t>(events_.size());
    if (p.noun) {
      noun_patterns_[p.lemma].push_back(index);
    } else {
      verb_patterns_[p.lemma].push_back(index);
      if (verb_forms_.find(p.lemma) == verb_forms_.end()) add_verb(p.lemma, regular_forms(p.lemma));
    }
    events_.push_back(std::move(p));
  });
}


void Lexicon::load_cues() {
  for_each_line(embedded_file("lexicon/cues.jsonl"), [&](std::size_t line_number, std::string_view line) {
    const rapidjson::Document doc = parse_json_line("cues.jsonl", line_number, line);
    CueEntry c;
    c.cue = folded(get_string(doc, "cue"));
    c.kind = get_string(doc, "kind");
    c.direct = get_bool(doc, "direct");
    c.reported = get_bool(doc, "reported");
    c.addressee = get_bool(doc, "addressee");
    c.about_object = get_bool(doc, "about_object");
    c.cognitive = get_bool(doc, "cognitive");
    c.negative_content = get_bool(doc, "negative_content");
    const std::string stance = get_string(doc, "stance");
    c.stance = stance == "positive" ? 1 : (stance == "negative" ? -1 : 0);
    if (c.cue.empty()) throw InputError(where("cues.jsonl", line_number) + ": missing \"cue\", expected a string");
    const auto index = static_cast<std::uint32_t>(cues_.size());
    if (c.kind == "verb") {
      const auto space = c.cue.find(' ');
      const std::string lemma = c.cue.substr(0, space);
      verb_cues_[lemma].push_back(index);
      if (verb_forms_.find(lemma) == verb_forms_.end()) add_verb(lemma, regular_forms(lemma));
    } else if (c.kind == "noun") {
      noun_cues_[c.cue].push_back(index);
    } else {
      add_phrase(c.cue, PhraseEntry{PhraseKind::kCue, index, "", false, {}, {}});
    }
    cues_.push_back(std::move(c));
  });
}


void Lexicon::load_word_lists() {
  bool header = true;
  for_each_line(embedded_file("lexicon/stance.tsv"), [&](std::size_t line_number, std::string_view line) {
    if (header) { header = false; return; }
    const auto f = split_tabs(line);
    int polarity = 0;
    std::string_view p = f.size() > 1 ? f[1] : std::string_view();
    if (!p.empty() && p[0] == '+') p.remove_prefix(1);
    if (f.size() < 2 || std::from_chars(p.data(), p.data() + p.size(), polarity).ec != std::errc()) {
      throw InputError(where("stance.tsv", line_number) + ": expected word<TAB>polarity");
    }
    stance_[folded(f[0])] = polarity;
  });
  for_each_line(embedded_file("lexicon/first-names.txt"), [&](std::size_t, std::string_view line) {
    first_names_.insert(folded(line));
  });
  for_each_line(embedded_file("lexicon/not-names.txt"), [&](std::size_t, std::string_view line) {
    not_names_.insert(folded(line));
  });
  for_each_line(embedded_file("lexicon/agents.tsv"), [&](std::size_t line_number, std::string_view line) {
    if (line.empty() || line.front() == '#') return;
    const auto f = split_tabs(line);
    const bool sector_ok = f.size() == 2 && f[1].size() == 3 &&
                           std::all_of(f[1].begin(), f[1].end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!sector_ok || f[0].empty()) {
      throw InputError(where("agents.tsv", line_number) + ": expected phrase<TAB>sector (three capital letters)");
    }
    const std::string phrase = folded(f[0]);
    agents_[phrase] = std::string(f[1]);
    const auto words = static_cast<std::uint32_t>(std::count(phrase.begin(), phrase.end(), ' ') + 1);
    agent_max_words_ = std::max(agent_max_words_, words);
  });
}


std::vector<std::uint32_t> Lexicon::holders(std::string_view of, std::string_view title, std::int32_t day) const {
  std::vector<std::uint32_t> result;
  std::string key(of);
  key += '|';
  key += title;
  auto it = role_index_.find(key);
  if (it == role_index_.end()) return result;
  for (std::uint32_t index : it->second) {
    for (const Role& r : actors_[index].roles) {
      if (r.of == of && r.title == title && (day == kNoDay || r.active_on(day))) {
        if (std::find(result.begin(), result.end(), index) == result.end()) result.push_back(index);
      }
    }
  }
  return result;
}

}  // namespace geokg::extract
