// Helpers shared by the tests: the lexicon loaded once, documents from text, and the one-line
// canonical dumps (STYLE.md) that text-stage tables compare against.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "extract/actors.hpp"
#include "extract/dates.hpp"
#include "extract/document.hpp"
#include "extract/extractor.hpp"
#include "extract/lexicon.hpp"
#include "extract/records.hpp"
#include "extract/segment.hpp"

namespace geokg::test {

inline const extract::Lexicon& lexicon() {
  static const std::shared_ptr<extract::Lexicon> kLexicon = extract::Lexicon::load();
  return *kLexicon;
}

inline extract::Document make_document(std::string text, const std::string& date = "", std::string id = "t") {
  extract::Document doc;
  doc.id = std::move(id);
  doc.text = std::move(text);
  if (!date.empty()) {
    if (auto d = extract::parse_iso_date(date, extract::DateOrigin::kDocument)) doc.date = *d;
  }
  return doc;
}

using extract::actor_dump;  // the one dump the CLI prints (extract/actors.hpp)

// "Putin(vladimir-putin,RUSGOV) --043--> Trump(donald-trump,USAGOV) @2025-08-15", with
// " !neg" and " ~modality" when not asserted; events joined by " | ".
inline std::string event_dump(const extract::EventRecord& e) {
  std::string s = actor_dump(e.source) + " --" + e.code + "--> " + (e.target ? actor_dump(*e.target) : "(none)");
  if (!e.date.value.empty()) s += " @" + e.date.value;
  if (e.negated) s += " !neg";
  if (e.modality != extract::Modality::kAsserted) s += std::string(" ~") + extract::to_string(e.modality);
  return s;
}

inline std::string events_of(const std::string& text, const std::string& date = "2025-08-20") {
  const auto doc = make_document(text, date);
  const auto records = extract::extract_document(doc, lexicon());
  std::string out;
  for (const auto& e : records.events) {
    if (!out.empty()) out += " | ";
    out += event_dump(e);
  }
  return out;
}

// "Lavrov(sergey-lavrov,RUSGOV) Russia(russia,RUS)": the non-modifier mentions, in order.
inline std::string actors_of(const std::string& text, const std::string& date = "2025-08-20", bool modifiers = true) {
  const auto doc = make_document(text, date);
  const auto seg = extract::segment(doc.text);
  const auto analysis = extract::find_actors(doc, seg, lexicon());
  if (modifiers) return extract::mentions_dump(analysis.mentions);
  std::vector<extract::Mention> kept;
  for (const auto& m : analysis.mentions) {
    if (!m.modifier) kept.push_back(m);
  }
  return extract::mentions_dump(kept);
}

// "Lavrov(sergey-lavrov) <said> "We will ..." about[china+,russia]" for each statement.
inline std::string statements_of(const std::string& text, const std::string& date = "2025-08-20") {
  const auto doc = make_document(text, date);
  const auto records = extract::extract_document(doc, lexicon());
  std::string out;
  for (const auto& s : records.statements) {
    if (!out.empty()) out += " | ";
    out += s.speaker ? s.speaker->id : std::string("?");
    out += " <" + (s.cue.text.empty() ? std::string("quote") : s.cue.text) + "> \"" + s.content + "\"";
    if (!s.about.empty()) {
      out += " about[";
      for (std::size_t i = 0; i < s.about.size(); ++i) {
        if (i) out += ',';
        out += s.about[i].actor.id;
        out += s.about[i].stance == extract::Stance::kPositive ? "+" : s.about[i].stance == extract::Stance::kNegative ? "-" : "";
      }
      out += "]";
    }
  }
  return out;
}

inline std::filesystem::path source_dir() { return GEOKG_SOURCE_DIR; }
inline std::filesystem::path shared_dir() { return source_dir() / ".." / "shared"; }

}  // namespace geokg::test
