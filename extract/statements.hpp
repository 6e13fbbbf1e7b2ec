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

}  // namespace geokg::extract
