// The whole per-document extraction: segment -> actors -> statements -> events -> records. A pure
// function of the document and the (immutable, shared) lexicon, so documents can be processed on
// any thread, process or host and give the same records.
#pragma once

#include <vector>

#include "extract/document.hpp"
#include "extract/events.hpp"
#include "extract/lexicon.hpp"
#include "extract/records.hpp"

namespace geokg::extract {

struct ExtractCounts {
  std::size_t sentences = 0;
  std::size_t mentions = 0;
  std::size_t events = 0;
  std::size_t statements = 0;
  std::size_t relations = 0;
};

// Extracts every record of doc. `trace`, when not null, receives the event coder's reasons.
DocumentRecords extract_document(const Document& doc, const Lexicon& lexicon, std::vector<EventTrace>* trace = nullptr);

ExtractCounts count(const DocumentRecords& records);

}  // namespace geokg::extract
