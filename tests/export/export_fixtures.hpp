// Hand-made documents and records for the exporter tests: a summit story over two days, a
// statement, a static relation, and an organisation whose name carries characters XML forbids.
#pragma once

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "extract/document.hpp"
#include "extract/records.hpp"
#include "graph/graph.hpp"

namespace geokg::test {

// The span of the first occurrence of needle in text at or after from; throws when absent so that
// a typo in a fixture fails loudly.
inline extract::Span span_of(std::string_view text, std::string_view needle, std::size_t from = 0) {
  const auto at = text.find(needle, from);
  if (at == std::string_view::npos) throw std::logic_error("fixture: no \"" + std::string(needle) + "\"");
  return {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + needle.size())};
}

inline extract::Date day(std::string value) {
  return {std::move(value), extract::DatePrecision::kDay, extract::DateOrigin::kExplicit};
}

struct ActorInfo {
  const char* id;
  const char* name;
  const char* kind;
  const char* country;
  const char* sector;
  const char* code;
};

inline const ActorInfo kPutin{"vladimir-putin", "Vladimir Putin", "person", "RUS", "GOV", "RUSGOV"};
inline const ActorInfo kTrump{"donald-trump", "Donald Trump", "person", "USA", "GOV", "USAGOV"};
inline const ActorInfo kLavrov{"sergey-lavrov", "Sergey Lavrov", "person", "RUS", "GOV", "RUSGOV"};
inline const ActorInfo kRussia{"russia", "Russia", "state", "RUS", "", "RUS"};
inline const ActorInfo kUsa{"united-states", "United States", "state", "USA", "", "USA"};
inline const ActorInfo kNato{"nato", "NATO", "igo", "", "", "IGOWSTNAT"};
// A name as scraped from a page: a form feed, a control character and XML's special characters.
inline const ActorInfo kOdd{"acme-group", "Acme\f <&>\"' \x01Group", "organisation", "", "BUS", "BUS"};
inline constexpr std::string_view kOddNameClean = "Acme <&>\"' Group";

inline extract::ActorRef ref(const ActorInfo& a, std::string_view text, std::string_view surface,
                             std::size_t from = 0) {
  extract::ActorRef r;
  r.id = a.id;
  r.name = a.name;
  r.kind = a.kind;
  r.country = a.country;
  r.sector = a.sector;
  r.code = a.code;
  r.span = span_of(text, surface, from);
  r.text = std::string(surface);
  return r;
}

inline extract::MentionRecord mention(const ActorInfo& a, std::string_view text, std::string_view surface,
                                      std::uint32_t sentence, const extract::Date& date,
                                      std::string via = "lexicon", std::size_t from = 0) {
  extract::MentionRecord m;
  m.sentence = sentence;
  m.actor = ref(a, text, surface, from);
  m.span = m.actor.span;
  m.date = date;
  m.via = std::move(via);
  return m;
}

struct EventCode {
  const char* code;
  const char* label;
  const char* plover;
  int quad_class;
  double goldstein;
};

inline const EventCode kHostVisit{"043", "Host a visit", "CONSULT", 1, 2.8};
inline const EventCode kPraise{"051", "Praise or endorse", "SUPPORT", 1, 3.4};
inline const EventCode kCriticize{"111", "Criticize or denounce", "ACCUSE", 3, -2.0};
inline const EventCode kSanction{"172", "Impose administrative sanctions", "COERCE", 4, -5.0};

inline extract::EventRecord event(const EventCode& c, extract::ActorRef source,
                                  std::optional<extract::ActorRef> target, std::string_view text,
                                  std::string_view trigger, std::uint32_t sentence, extract::Span sentence_span,
                                  const extract::Date& date) {
  extract::EventRecord e;
  e.sentence = sentence;
  e.span = sentence_span;
  e.date = date;
  e.source = std::move(source);
  e.target = std::move(target);
  e.code = c.code;
  e.root = std::string(c.code).substr(0, 2);
  e.label = c.label;
  e.plover = c.plover;
  e.quad_class = c.quad_class;
  e.goldstein = c.goldstein;
  e.trigger = {std::string(trigger), span_of(text, trigger)};
  e.confidence = 0.9;
  e.pattern = "test pattern";
  return e;
}

struct Sample {
  extract::Document doc;
  extract::DocumentRecords records;
  std::string hash;
};

// Splits text into sentences at ". " not preceded by a capital ("U.S. President" stays whole);
// enough for the fixtures' plain sentences.
inline std::vector<extract::SentenceInfo> sentences_of(std::string_view text) {
  std::vector<extract::SentenceInfo> out;
  std::size_t begin = 0;
  while (begin < text.size()) {
    auto end = text.find(". ", begin);
    while (end != std::string_view::npos && end > 0 && text[end - 1] >= 'A' && text[end - 1] <= 'Z') {
      end = text.find(". ", end + 1);
    }
    end = end == std::string_view::npos ? text.size() : end + 1;
    out.push_back({{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)}, false});
    begin = end + 1;
  }
  return out;
}

inline Sample make_document(std::string id, std::string text, const extract::Date& date) {
  Sample s;
  s.doc.id = id;
  s.doc.title = "Summit report " + id;
  s.doc.url = "https://news.example.org/" + id;
  s.doc.source = "news.example.org";
  s.doc.published = date.value;
  s.doc.text = std::move(text);
  s.doc.origin = id + ".txt";
  s.doc.date = date;
  s.records.doc = id;
  s.records.sentences = sentences_of(s.doc.text);
  s.hash = "hash-" + id;
  return s;
}

// Day one: Putin hosts Trump; Lavrov's statement about the United States; the United States
// criticises Russia; Lavrov is Russia's foreign minister.
inline Sample summit_day_one() {
  Sample s = make_document(
      "alaska-1",
      "Russian President Vladimir Putin hosted U.S. President Donald Trump in Anchorage on Friday. "
      "Foreign Minister Sergey Lavrov said the talks with Washington were \"useful\". "
      "The United States criticized Russia over the strikes. He called the meeting a success.",
      day("2025-08-15"));
  const std::string& t = s.doc.text;
  const auto d = s.doc.date;
  auto& r = s.records;
  const auto& sent = r.sentences;
  r.mentions.push_back(mention(kRussia, t, "Russian", 0, d, "demonym"));
  r.mentions.push_back(mention(kPutin, t, "Vladimir Putin", 0, d));
  r.mentions.push_back(mention(kUsa, t, "U.S.", 0, d));
  r.mentions.push_back(mention(kTrump, t, "Donald Trump", 0, d));
  r.mentions.push_back(mention(kLavrov, t, "Sergey Lavrov", 1, d, "title"));
  r.mentions.push_back(mention(kUsa, t, "Washington", 1, d, "metonym"));
  r.mentions.push_back(mention(kUsa, t, "The United States", 2, d));
  r.mentions.push_back(mention(kRussia, t, "Russia", 2, d, "lexicon", t.find("criticized")));
  r.mentions.push_back(mention(kPutin, t, "He", 3, d, "coref"));
  r.events.push_back(event(kHostVisit, ref(kPutin, t, "Vladimir Putin"), ref(kTrump, t, "Donald Trump"), t,
                           "hosted", 0, sent[0].span, d));
  r.events.push_back(event(kCriticize, ref(kUsa, t, "The United States"),
                           ref(kRussia, t, "Russia", t.find("criticized")), t, "criticized", 2, sent[2].span, d));
  extract::StatementRecord st;
  st.sentence = 1;
  st.span = sent[1].span;
  st.date = d;
  st.speaker = ref(kLavrov, t, "Sergey Lavrov");
  st.speaker_span = span_of(t, "Sergey Lavrov");
  st.cue = {"said", span_of(t, "said")};
  st.content = "the talks with Washington were \"useful\"";
  st.content_span = span_of(t, st.content);
  st.content_parts = {st.content_span};
  st.direct = false;
  st.about.push_back({ref(kUsa, t, "Washington"), extract::Stance::kPositive, false});
  r.statements.push_back(st);
  extract::RelationRecord rel;
  rel.sentence = 1;
  rel.span = span_of(t, "Foreign Minister Sergey Lavrov");
  rel.date = d;
  rel.source = ref(kLavrov, t, "Sergey Lavrov");
  rel.target = ref(kRussia, t, "Russian");
  rel.label = "role_of";
  rel.title = "foreign minister";
  r.relations.push_back(rel);
  return s;
}

// Day two: Putin hosts Trump again and praises him; a hypothetical sanction (kept out of the graph,
// kept in the store).
inline Sample summit_day_two() {
  Sample s = make_document(
      "alaska-2",
      "Putin hosted Trump again on Saturday and praised him. "
      "Washington could impose sanctions on Moscow if the talks fail.",
      day("2025-08-16"));
  const std::string& t = s.doc.text;
  const auto d = s.doc.date;
  auto& r = s.records;
  const auto& sent = r.sentences;
  r.mentions.push_back(mention(kPutin, t, "Putin", 0, d, "coref"));
  r.mentions.push_back(mention(kTrump, t, "Trump", 0, d, "coref"));
  r.mentions.push_back(mention(kTrump, t, "him", 0, d, "coref"));
  r.mentions.push_back(mention(kUsa, t, "Washington", 1, d, "metonym"));
  r.mentions.push_back(mention(kRussia, t, "Moscow", 1, d, "metonym"));
  r.events.push_back(
      event(kHostVisit, ref(kPutin, t, "Putin"), ref(kTrump, t, "Trump"), t, "hosted", 0, sent[0].span, d));
  r.events.push_back(
      event(kPraise, ref(kPutin, t, "Putin"), ref(kTrump, t, "him"), t, "praised", 0, sent[0].span, d));
  auto sanction = event(kSanction, ref(kUsa, t, "Washington"), ref(kRussia, t, "Moscow"), t, "impose", 1,
                        sent[1].span, d);
  sanction.modality = extract::Modality::kConditional;
  r.events.push_back(sanction);
  return s;
}

// An undated document about an organisation with a messy name and NATO; no event has a date.
inline Sample undated_odd_names() {
  Sample s = make_document("odd", "Acme Group criticized NATO in a statement. NATO did not reply.",
                           extract::Date{});
  const std::string& t = s.doc.text;
  auto& r = s.records;
  extract::MentionRecord m = mention(kOdd, t, "Acme Group", 0, extract::Date{});
  m.actor.text = "Acme\f Group";
  r.mentions.push_back(m);
  r.mentions.push_back(mention(kNato, t, "NATO", 0, extract::Date{}));
  r.events.push_back(event(kCriticize, ref(kOdd, t, "Acme Group"), ref(kNato, t, "NATO"), t, "criticized", 0,
                           r.sentences[0].span, extract::Date{}));
  return s;
}

inline graph::Graph sample_graph() {
  graph::Graph g;
  for (const Sample& s : {summit_day_one(), summit_day_two(), undated_odd_names()}) {
    g.add_document(s.records, s.hash);
  }
  return g;
}

// A fresh directory under /tmp, removed (with its files) at scope exit.
class TempDir {
 public:
  TempDir() {
    char pattern[] = "/tmp/geokg-export-test-XXXXXX";
    const char* made = ::mkdtemp(pattern);
    if (made == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = made;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() { std::system(("rm -rf '" + path_ + "'").c_str()); }
  std::string file(std::string_view name) const { return path_ + "/" + std::string(name); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline bool file_exists(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline void write_file(const std::string& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

// Runs a shell command; returns its exit status (-1 when it could not run).
inline int run(const std::string& command) {
  const int status = std::system(command.c_str());
  if (status == -1 || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

// ../shared/validate-graph next to the source tree, or empty when it (or xmllint) is missing.
inline std::string graph_validator() {
  const std::string script = std::string(GEOKG_SOURCE_DIR) + "/../shared/validate-graph";
  if (!file_exists(script) || run("command -v xmllint >/dev/null 2>&1") != 0) return {};
  return script;
}

inline bool python_has_networkx() {
  return file_exists("/usr/bin/python3") && run("/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1") == 0;
}

}  // namespace geokg::test
