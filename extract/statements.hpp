// Statements: direct quotes (straight and curly, double and single, split, across paragraphs,
// colon-introduced blocks, verbless attributions) and reported speech ("X said that ...",
// "according to X", "X told Y that ..."), each with a resolved speaker, the cue, exact content
// spans, the actors the content is about (and the addressee) and a stance toward each.
#pragma once

#include <vector>

#include "extract/actors.hpp"
#include "extract/document.hpp"
#include "extract/lexicon.hpp"
#include "extract/records.hpp"
#include "extract/segment.hpp"

namespace geokg::extract {

struct StatementAnalysis {
  std::vector<StatementRecord> statements;  // in text order
  std::vector<Span> quoted;                 // content spans of direct quotes (events inside are reported)
};

StatementAnalysis find_statements(const Document& doc, const Segmentation& seg, const ActorAnalysis& actors,
                                  const Lexicon& lexicon);

// Stance from the events coded inside each statement's content (run after event coding): a
// hostile act reported of another actor makes the statement negative about that actor ("Russia
// struck our cities"), one the speaker's side did makes it negative about the target ("our forces
// struck Hezbollah"); cooperation likewise positive. Lexicon stance stays where no event speaks.
void apply_event_stance(std::vector<StatementRecord>& statements, const std::vector<EventRecord>& events);

}  // namespace geokg::extract
