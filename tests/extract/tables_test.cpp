// The team's case tables (tests/data/*.jsonl): actors, statements and the event evaluation set.
// Each case is run through the extractor and compared with what a careful reader expects; the
// failing cases are printed as one-line dumps, and the test fails when the share of passing cases
// (or precision and recall for events) falls below the floor recorded here. The floors only go up.
#include <catch2/catch.hpp>

#include <array>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <utility>

#include <rapidjson/document.h>

#include "test_support.hpp"

using namespace geokg;

namespace {

std::vector<rapidjson::Document> load_cases(const char* name) {
  std::vector<rapidjson::Document> cases;
  std::ifstream in(test::source_dir() / "tests" / "data" / name);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    rapidjson::Document doc;
    doc.Parse(line.c_str());
    REQUIRE_FALSE(doc.HasParseError());
    cases.push_back(std::move(doc));
  }
  return cases;
}

double overlap(const std::string& a, const std::string& b) {
  // Characters of the longest common substring over the longer string: the 50%-overlap measure.
  if (a.empty() || b.empty()) return 0.0;
  std::vector<std::size_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
  std::size_t best = 0;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : 0;
      best = std::max(best, cur[j]);
    }
    std::swap(prev, cur);
  }
  return static_cast<double>(best) / static_cast<double>(std::max(a.size(), b.size()));
}

}  // namespace

TEST_CASE("actor table: one-line dumps of the resolved mentions", "[extract][actors][table]") {
  // Each case: a sentence (or a few), its date, and the dump `geokg actors --explain` prints for it
  // (extract::mentions_dump): "Sybiha(andrii-sybiha,UKRGOV) Warsaw(poland,POLGOV)".
  const auto cases = load_cases("actors_cases.jsonl");
  REQUIRE(cases.size() >= 150);
  std::size_t passed = 0;
  for (const auto& c : cases) {
    const auto doc = test::make_document(c["text"].GetString(), c["date"].GetString());
    const auto seg = extract::segment(doc.text);
    const auto analysis = extract::find_actors(doc, seg, test::lexicon());
    const std::string got = extract::mentions_dump(analysis.mentions);
    const std::string want = c["dump"].GetString();
    if (got == want) {
      ++passed;
    } else {
      std::cout << "actors " << c["id"].GetString() << " @" << c["date"].GetString() << ": " << c["text"].GetString()
                << "\n  want: " << want << "\n  got:  " << got << "\n";
    }
  }
  const double rate = static_cast<double>(passed) / static_cast<double>(cases.size());
  std::cout << "actor table: " << passed << " of " << cases.size() << " cases pass (" << rate << ")\n";
  // Floor: what the extractor reaches less a margin (0.97 on 312 cases after actors-v; the table
  // was at 0.969 of 287 before it; issue 3 aims at every case).
  CHECK(rate >= 0.955);
}

namespace {

struct StatementScore {
  std::size_t cases = 0, passed = 0, expected = 0, predicted = 0, matched = 0, speaker_right = 0;
  std::size_t stance_checked = 0, stance_right = 0;
  double precision() const { return predicted ? static_cast<double>(matched) / static_cast<double>(predicted) : 0.0; }
  double recall() const { return expected ? static_cast<double>(matched) / static_cast<double>(expected) : 0.0; }
};

// Each expected statement matches the first unused predicted one whose content overlaps it by half;
// its speaker is right when the resolved id is the expected one and, where the case gives
// "speaker_text", the speaker span slices exactly that text; "stance" entries are checked on the
// matched statement's about-actors.
StatementScore score_statements(const char* file) {
  const auto cases = load_cases(file);
  StatementScore score;
  score.cases = cases.size();
  for (const auto& c : cases) {
    const auto doc = test::make_document(c["text"].GetString(), c["date"].GetString());
    const auto records = extract::extract_document(doc, test::lexicon());
    std::vector<bool> used(records.statements.size(), false);
    bool all = true;
    std::string why;
    for (const auto& want : c["statements"].GetArray()) {
      ++score.expected;
      const std::string content = want["content"].GetString();
      const std::string speaker = want["speaker"].IsString() ? want["speaker"].GetString() : "";
      bool found = false;
      for (std::size_t i = 0; i < records.statements.size(); ++i) {
        const auto& got = records.statements[i];
        if (used[i] || overlap(got.content, content) < 0.5) continue;
        used[i] = true;
        found = true;
        ++score.matched;
        const std::string got_speaker = got.speaker ? got.speaker->id : "";
        bool right = got_speaker == speaker;
        if (want.HasMember("speaker_text")) {
          const std::string span_text =
              got.speaker_span ? std::string(extract::slice(doc.text, *got.speaker_span)) : std::string();
          if (span_text != want["speaker_text"].GetString()) {
            right = false;
            why += " speaker span '" + span_text + "' for '" + want["speaker_text"].GetString() + "';";
          }
        }
        if (right) ++score.speaker_right;
        else all = false;
        if (want.HasMember("stance")) {
          for (const auto& m : want["stance"].GetObject()) {
            ++score.stance_checked;
            std::string got_stance = "absent";
            for (const auto& a : got.about) {
              if (a.actor.id == m.name.GetString()) got_stance = extract::to_string(a.stance);
            }
            if (got_stance == m.value.GetString()) {
              ++score.stance_right;
            } else {
              all = false;
              why += std::string(" stance ") + m.name.GetString() + " " + got_stance + ";";
            }
          }
        }
        break;
      }
      if (!found) why += " missed '" + content + "';";
      all = all && found;
    }
    score.predicted += records.statements.size();
    for (bool u : used) all = all && u;
    if (all) {
      ++score.passed;
    } else {
      std::cout << "statements " << c["id"].GetString() << ": " << c["text"].GetString() << "\n  got: "
                << test::statements_of(c["text"].GetString(), c["date"].GetString()) << "\n  why:" << why << "\n";
    }
  }
  std::cout << file << ": " << score.passed << " of " << score.cases << " cases pass; content precision "
            << score.precision() << ", recall " << score.recall() << ", speaker right for " << score.speaker_right
            << " of " << score.matched << " matched; stance right " << score.stance_right << " of "
            << score.stance_checked << "\n";
  return score;
}

}  // namespace

TEST_CASE("statement table: speaker, content and direct quotes", "[extract][statements][table]") {
  const StatementScore score = score_statements("statements_cases.jsonl");
  REQUIRE(score.cases >= 100);
  CHECK(score.precision() >= 0.985);
  CHECK(score.recall() >= 0.96);
  CHECK(score.speaker_right * 100 >= score.matched * 97);
}

TEST_CASE("statement table: news excerpts and articles", "[extract][statements][table]") {
  // Written after the first table: whole articles (datelines, several paragraphs, continuing
  // quotes), pronoun and unnamed speakers, every kind of quote mark, captions and scare quotes.
  const StatementScore score = score_statements("statements_news.jsonl");
  REQUIRE(score.cases >= 40);
  CHECK(score.precision() >= 0.99);
  CHECK(score.recall() >= 0.96);
  CHECK(score.speaker_right * 100 >= score.matched * 97);
}

namespace {

struct DirectQuoteScore {
  std::size_t expected = 0, predicted = 0, matched = 0, span_checked = 0, span_right = 0, speaker_right = 0;
  double precision() const { return predicted ? static_cast<double>(matched) / static_cast<double>(predicted) : 0.0; }
  double recall() const { return expected ? static_cast<double>(matched) / static_cast<double>(expected) : 0.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0.0 ? 2.0 * p * r / (p + r) : 0.0;
  }
};

// Direct quotes only, scored the way quote-attribution sets are: a predicted direct quote matches an
// expected one when their contents overlap by half; of the matched ones that give "speaker_text",
// the speaker span is right when it slices exactly that text; the speaker id is counted on its own.
DirectQuoteScore score_direct_quotes(const char* file) {
  const auto cases = load_cases(file);
  DirectQuoteScore score;
  for (const auto& c : cases) {
    const auto doc = test::make_document(c["text"].GetString(), c["date"].GetString());
    const auto records = extract::extract_document(doc, test::lexicon());
    std::vector<const extract::StatementRecord*> got;
    for (const auto& st : records.statements) {
      if (st.direct) got.push_back(&st);
    }
    score.predicted += got.size();
    std::vector<bool> used(got.size(), false);
    std::string why;
    for (const auto& want : c["statements"].GetArray()) {
      if (!want["direct"].GetBool()) continue;
      ++score.expected;
      const std::string content = want["content"].GetString();
      std::size_t best = got.size();
      for (std::size_t i = 0; i < got.size(); ++i) {
        if (!used[i] && overlap(got[i]->content, content) >= 0.5) {
          best = i;
          break;
        }
      }
      if (best == got.size()) {
        why += "\n    missed '" + content + "'";
        continue;
      }
      used[best] = true;
      ++score.matched;
      const auto& st = *got[best];
      const std::string span_text = st.speaker_span ? std::string(extract::slice(doc.text, *st.speaker_span)) : "";
      if (want.HasMember("speaker_text")) {
        ++score.span_checked;
        const std::string want_text = want["speaker_text"].GetString();
        if (span_text == want_text) ++score.span_right;
        else why += "\n    speaker span '" + span_text + "' for '" + want_text + "' of '" + content + "'";
      }
      const std::string want_id = want["speaker"].IsString() ? want["speaker"].GetString() : "";
      if ((st.speaker ? st.speaker->id : std::string()) == want_id) ++score.speaker_right;
      else why += "\n    speaker " + (st.speaker ? st.speaker->id : std::string("?")) + " for " + want_id;
    }
    for (std::size_t i = 0; i < got.size(); ++i) {
      if (!used[i]) why += "\n    spurious '" + got[i]->content + "'";
    }
    if (!why.empty()) std::cout << "direct quotes " << c["id"].GetString() << ":" << why << "\n";
  }
  std::cout << file << ": direct quotes precision " << score.precision() << ", recall " << score.recall() << ", F1 "
            << score.f1() << " (" << score.matched << " of " << score.predicted << " predicted, " << score.expected
            << " expected); speaker span right for " << score.span_right << " of " << score.span_checked
            << " given, speaker id for " << score.speaker_right << " of " << score.matched << " matched\n";
  return score;
}

}  // namespace

TEST_CASE("statement table: direct quotes in whole political news articles", "[extract][statements][table]") {
  // Whole articles written for the held-out measure (parliaments, courts, campaigns, protests,
  // diplomacy; bylines, captions and "Read more" lines left in): content F1 at 50% overlap over
  // direct quotes, and the share of matched quotes whose speaker span is the one an annotator marks.
  const DirectQuoteScore score = score_direct_quotes("statements_articles.jsonl");
  REQUIRE(score.expected >= 120);
  REQUIRE(score.span_checked == score.matched);
  // Floors: what the extractor reaches after the fixes these articles prompted, less a margin (the
  // first run, before any fix, gave F1 0.972 and 116 of 140 speaker spans; F1 1.0, 142 of 147
  // spans and 133 of 147 speaker ids after the articles2 fixes; 143 and 141 of 147 after the
  // role-description and 'Another' fixes).
  CHECK(score.f1() >= 0.99);
  CHECK(score.span_right * 100 >= score.span_checked * 96);
  CHECK(score.speaker_right * 100 >= score.matched * 93);
}

TEST_CASE("statement table: quotes in a second set of whole news articles", "[extract][statements][table]") {
  // Twenty more articles written before the extractor ran on them: press conferences, a ruling, an
  // interview, a live blog, unnamed officials, ministry statements, posts, translated quotes,
  // ellipses and brackets, nested single quotes; operation names, titles, nicknames and headlines
  // in quotes that are no statements. Direct quotes as for the first articles, and every statement
  // (reported speech too) as for the case tables.
  const DirectQuoteScore direct = score_direct_quotes("statements_articles2.jsonl");
  const StatementScore all = score_statements("statements_articles2.jsonl");
  REQUIRE(direct.expected >= 80);
  REQUIRE(direct.span_checked == direct.matched);
  // Floors: what the fixes these articles prompted reach, less a margin (first run: direct F1
  // 0.962, 78 of 88 spans, 75 of 88 ids; all statements precision 0.865, recall 0.837; now F1
  // 1.0, 88 of 91 spans, 84 of 91 ids, precision 0.965, recall 0.878; then 91 of 91 spans, 89 of
  // 91 ids, precision 0.975, recall 0.987).
  CHECK(direct.f1() >= 0.98);
  CHECK(direct.span_right * 100 >= direct.span_checked * 97);
  CHECK(direct.speaker_right * 100 >= direct.matched * 95);
  CHECK(all.precision() >= 0.96);
  CHECK(all.recall() >= 0.96);
}

TEST_CASE("statement table: quotes in a third set of whole news articles", "[extract][statements][table]") {
  // Eighteen more articles written before the extractor ran on them, in styles the first two sets
  // cover thinly: business and economy (earnings, a takeover, a central bank, a regulator), domestic
  // politics (a debate, coalition talks, a censure vote, a strike) and diplomacy. Quotes running over
  // paragraphs and named only in the first, colon quotes, 'said X, who', role-only, organisation and
  // anonymous speakers, alternating speakers, posts, questions; 'so-called', 'told to leave', scare
  // quotes and names in quotes that are no statements. Scored as the second set.
  const DirectQuoteScore direct = score_direct_quotes("statements_articles3.jsonl");
  const StatementScore all = score_statements("statements_articles3.jsonl");
  REQUIRE(direct.expected >= 60);
  REQUIRE(direct.span_checked == direct.matched);
  // Floors: what the fixes these articles prompted reach, less a margin (first run, before any
  // fix: direct F1 0.985, 60 of 67 spans, 55 of 67 ids; all statements precision 0.981, recall
  // 0.817; after its fixes F1 1.0, 64 of 69 spans, 58 of 69 ids, precision 1.0, recall 1.0; 67
  // and 66 of 69 after the actor fixes for new full names with a listed surname, 'Ingrid Solberg',
  // 'Johnson Sakaja'). Most speakers still wrong are the actor stage's: companies and unions no
  // lexicon lists, pronouns across alternating speakers.
  CHECK(direct.f1() >= 0.98);
  CHECK(direct.span_right * 100 >= direct.span_checked * 90);
  CHECK(direct.speaker_right * 100 >= direct.matched * 82);
  CHECK(all.precision() >= 0.98);
  CHECK(all.recall() >= 0.98);
}

TEST_CASE("statement tables: direct quotes of the earlier tables", "[extract][statements][table]") {
  const DirectQuoteScore cases = score_direct_quotes("statements_cases.jsonl");
  const DirectQuoteScore news = score_direct_quotes("statements_news.jsonl");
  CHECK(cases.f1() >= 0.98);
  CHECK(news.f1() >= 0.98);
}

namespace {

struct EventKey {
  std::string source;
  std::string root;
  std::string target;
  bool real = true;  // asserted or reported, and not negated
};

bool same_event(const EventKey& a, const EventKey& b) {
  return a.source == b.source && a.root == b.root && a.target == b.target && a.real == b.real;
}

// The looser key of the held-out measure: the source's country (an IGO or a group without one
// stands for itself) and the CAMEO root, of real events only, as a set per sentence.
std::string source_country(const std::string& id, const std::string& country) {
  return country.empty() ? "@" + id : country;
}

std::string expected_source_country(const rapidjson::Value& event) {
  // A source the lexicon lacks (a new name) gives its country in the case.
  if (event.HasMember("source_country")) return event["source_country"].GetString();
  const std::string id = event["source"].GetString();
  const auto* entry = test::lexicon().actor_by_id(id);
  return source_country(id, entry ? entry->country : std::string());
}

double ratio(std::size_t a, std::size_t b) { return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0; }

}  // namespace

TEST_CASE("event evaluation set: precision and recall per CAMEO root", "[extract][events][table]") {
  auto cases = load_cases("events_eval.jsonl");
  REQUIRE(cases.size() >= 250);
  // Later subsets live in files of their own, each case naming its set.
  for (const auto& [file, at_least] : {std::pair<const char*, std::size_t>{"events_wire5.jsonl", 80},
                                        std::pair<const char*, std::size_t>{"events_wire6.jsonl", 40},
                                        std::pair<const char*, std::size_t>{"events_wire7.jsonl", 30},
                                        std::pair<const char*, std::size_t>{"events_wire8.jsonl", 55}}) {
    auto more = load_cases(file);
    REQUIRE(more.size() >= at_least);
    for (auto& c : more) cases.push_back(std::move(c));
  }
  std::map<std::string, std::array<std::size_t, 3>> by_root;  // root -> {tp, predicted, expected}
  std::size_t tp = 0, predicted = 0, expected = 0;
  // Cases may name the subset they belong to ("set": "wire" for short agency-style sentences);
  // each subset is reported on its own as well.
  std::map<std::string, std::array<std::size_t, 3>> by_set;  // set -> {tp, predicted, expected}
  std::map<std::string, std::array<std::size_t, 3>> loose_by_set;  // (country, root) pairs
  std::array<std::size_t, 3> loose{};
  for (const auto& c : cases) {
    const std::string set = c.HasMember("set") ? c["set"].GetString() : "team";
    const std::size_t tp_before = tp, predicted_before = predicted, expected_before = expected;
    const auto doc = test::make_document(c["text"].GetString(), c["date"].GetString());
    const auto records = extract::extract_document(doc, test::lexicon());
    std::vector<EventKey> want, got;
    std::set<std::string> want_loose, got_loose;
    for (const auto& e : c["events"].GetArray()) {
      EventKey k{e["source"].GetString(), std::string(e["code"].GetString()).substr(0, 2),
                 e["target"].IsString() ? e["target"].GetString() : "", true};
      const std::string modality = e.HasMember("modality") ? e["modality"].GetString() : "asserted";
      const bool negated = e.HasMember("negated") && e["negated"].GetBool();
      k.real = (modality == "asserted" || modality == "reported") && !negated;
      want.push_back(k);
      if (k.real) want_loose.insert(expected_source_country(e) + " " + k.root);
    }
    for (const auto& e : records.events) {
      const bool real = (e.modality == extract::Modality::kAsserted || e.modality == extract::Modality::kReported) &&
                        !e.negated;
      got.push_back(EventKey{e.source.id, e.root, e.target ? e.target->id : "", real});
      if (real) got_loose.insert(source_country(e.source.id, e.source.country) + " " + e.root);
    }
    std::vector<bool> used(got.size(), false);
    std::string missed;
    for (const auto& w : want) {
      ++expected;
      ++by_root[w.root][2];
      for (std::size_t i = 0; i < got.size(); ++i) {
        if (used[i] || !same_event(w, got[i])) continue;
        used[i] = true;
        ++tp;
        ++by_root[w.root][0];
        break;
      }
    }
    for (const auto& g : got) {
      ++predicted;
      ++by_root[g.root][1];
    }
    by_set[set][0] += tp - tp_before;
    by_set[set][1] += predicted - predicted_before;
    by_set[set][2] += expected - expected_before;
    std::size_t loose_tp = 0;
    for (const auto& k : want_loose) loose_tp += got_loose.count(k);
    for (auto* counts : {&loose, &loose_by_set[set]}) {
      (*counts)[0] += loose_tp;
      (*counts)[1] += got_loose.size();
      (*counts)[2] += want_loose.size();
    }
    bool all = got.size() == want.size();
    for (bool u : used) all = all && u;
    if (!all) {
      std::cout << "events " << c["id"].GetString() << ": " << c["text"].GetString() << "\n  want:";
      for (const auto& w : want) std::cout << " " << w.source << "-" << w.root << "->" << w.target << (w.real ? "" : "~");
      std::cout << "\n  got: " << test::events_of(c["text"].GetString(), c["date"].GetString()) << "\n";
    }
  }
  std::cout << "event evaluation set, per root (tp/predicted/expected):";
  for (const auto& [root, counts] : by_root) std::cout << " " << root << ":" << counts[0] << "/" << counts[1] << "/" << counts[2];
  const double precision = predicted ? static_cast<double>(tp) / static_cast<double>(predicted) : 0.0;
  const double recall = expected ? static_cast<double>(tp) / static_cast<double>(expected) : 0.0;
  for (const auto& [set, counts] : by_set) {
    std::cout << "\nevent evaluation set '" << set << "': precision "
              << (counts[1] ? static_cast<double>(counts[0]) / static_cast<double>(counts[1]) : 0.0) << ", recall "
              << (counts[2] ? static_cast<double>(counts[0]) / static_cast<double>(counts[2]) : 0.0) << " (" << counts[0]
              << " of " << counts[1] << " predicted, " << counts[2] << " expected)";
    const auto& l = loose_by_set[set];
    std::cout << "; (source country, root): precision " << ratio(l[0], l[1]) << ", recall " << ratio(l[0], l[2]);
  }
  std::cout << "\nevent evaluation set: precision " << precision << ", recall " << recall << " (" << tp << " of "
            << predicted << " predicted, " << expected << " expected); (source country, root): precision "
            << ratio(loose[0], loose[1]) << ", recall " << ratio(loose[0], loose[2]) << " (" << loose[0] << " of "
            << loose[1] << " predicted, " << loose[2] << " expected)\n";
  // Floors a little below what the coder reaches (issue 4 aims at 0.8 and 0.7 over the whole set;
  // the wire-style subsets stand in for the held-out agency sentences).
  // (The whole set includes wire8 from its first run on, which took recall from 0.819 to 0.797;
  // the fixes it prompted reach precision 0.933, recall 0.839.)
  CHECK(precision >= 0.92);
  CHECK(recall >= 0.825);
  const auto& team = by_set["team"];
  CHECK(static_cast<double>(team[0]) >= 0.90 * static_cast<double>(team[1]));
  CHECK(static_cast<double>(team[0]) >= 0.77 * static_cast<double>(team[2]));
  const auto& wire = by_set["wire"];
  CHECK(static_cast<double>(wire[0]) >= 0.915 * static_cast<double>(wire[1]));
  CHECK(static_cast<double>(wire[0]) >= 0.90 * static_cast<double>(wire[2]));
  const auto& wire2 = by_set["wire2"];
  CHECK(static_cast<double>(wire2[0]) >= 0.93 * static_cast<double>(wire2[1]));
  CHECK(static_cast<double>(wire2[0]) >= 0.95 * static_cast<double>(wire2[2]));
  const auto& wire4 = by_set["wire4"];
  CHECK(static_cast<double>(wire4[0]) >= 0.85 * static_cast<double>(wire4[1]));
  CHECK(static_cast<double>(wire4[0]) >= 0.72 * static_cast<double>(wire4[2]));
  const auto& wire5 = by_set["wire5"];
  CHECK(static_cast<double>(wire5[0]) >= 0.92 * static_cast<double>(wire5[1]));
  CHECK(static_cast<double>(wire5[0]) >= 0.86 * static_cast<double>(wire5[2]));
  const auto& wire6 = by_set["wire6"];
  CHECK(static_cast<double>(wire6[0]) >= 0.97 * static_cast<double>(wire6[1]));
  CHECK(static_cast<double>(wire6[0]) >= 0.95 * static_cast<double>(wire6[2]));
  const auto& wire7 = by_set["wire7"];
  CHECK(static_cast<double>(wire7[0]) >= 0.92 * static_cast<double>(wire7[1]));
  CHECK(static_cast<double>(wire7[0]) >= 0.83 * static_cast<double>(wire7[2]));
  // wire8: sixty cases from Africa, Latin America, South and Southeast Asia and the wider Middle
  // East, written before the coder ran on them (first run: precision 0.768, recall 0.558; (source
  // country, root) precision 0.864, recall 0.614; after the fixes they prompted: 0.965, 0.865;
  // 0.987, 0.881).
  const auto& wire8 = by_set["wire8"];
  CHECK(static_cast<double>(wire8[0]) >= 0.95 * static_cast<double>(wire8[1]));
  CHECK(static_cast<double>(wire8[0]) >= 0.85 * static_cast<double>(wire8[2]));
  // The held-out measure ((source country, root) per sentence) asks for precision 0.65 and recall
  // 0.45; the floors are what the coder reaches here, less a margin.
  CHECK(ratio(loose[0], loose[1]) >= 0.94);
  CHECK(ratio(loose[0], loose[2]) >= 0.865);
  CHECK(ratio(loose_by_set["team"][0], loose_by_set["team"][1]) >= 0.92);
  CHECK(ratio(loose_by_set["team"][0], loose_by_set["team"][2]) >= 0.815);
  CHECK(ratio(loose_by_set["wire4"][0], loose_by_set["wire4"][1]) >= 0.915);
  CHECK(ratio(loose_by_set["wire4"][0], loose_by_set["wire4"][2]) >= 0.79);
  CHECK(ratio(loose_by_set["wire5"][0], loose_by_set["wire5"][1]) >= 0.93);
  CHECK(ratio(loose_by_set["wire5"][0], loose_by_set["wire5"][2]) >= 0.88);
  CHECK(ratio(loose_by_set["wire6"][0], loose_by_set["wire6"][1]) >= 0.97);
  CHECK(ratio(loose_by_set["wire6"][0], loose_by_set["wire6"][2]) >= 0.95);
  CHECK(ratio(loose_by_set["wire7"][0], loose_by_set["wire7"][1]) >= 0.95);
  CHECK(ratio(loose_by_set["wire7"][0], loose_by_set["wire7"][2]) >= 0.86);
  CHECK(ratio(loose_by_set["wire8"][0], loose_by_set["wire8"][1]) >= 0.97);
  CHECK(ratio(loose_by_set["wire8"][0], loose_by_set["wire8"][2]) >= 0.86);
}
