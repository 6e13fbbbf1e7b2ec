// Event coding: verb and noun patterns of the event lexicon matched against each sentence, with
// source and target from the shallow grammar (active and passive voice, coordination,
// prepositional targets), negation, modality (asserted, reported, future, hypothetical,
// conditional) and a date. Gives CAMEO-coded EventRecords with PLOVER, Goldstein and quad class.
#pragma once

#include <string>
#include <vector>

#include "extract/actors.hpp"
#include "extract/document.hpp"
#include "extract/lexicon.hpp"
#include "extract/records.hpp"
#include "extract/segment.hpp"

namespace geokg::extract {

// One line of --explain output per decision: why a trigger was or was not coded.
struct EventTrace {
  std::uint32_t sentence = 0;
  std::string message;
};

// Date of a sentence: the first date expression in it, else the document date.
Date sentence_date(const Document& doc, const Segmentation& seg, const Sentence& sentence);

// The dates of a document's sentences, each found once when first asked for (events and mentions
// both need them).
class SentenceDates {
 public:
  SentenceDates(const Document& doc, const Segmentation& seg)
      : doc_(doc), seg_(seg), dates_(seg.sentences.size()), known_(seg.sentences.size(), false) {}
  const Date& of(std::size_t sentence) {
    if (!known_[sentence]) {
      dates_[sentence] = sentence_date(doc_, seg_, seg_.sentences[sentence]);
      known_[sentence] = true;
    }
    return dates_[sentence];
  }

 private:
  const Document& doc_;
  const Segmentation& seg_;
  std::vector<Date> dates_;
  std::vector<bool> known_;
};

// Codes the events of a document. Quoted spans (from statements) mark events as reported; pass an
// empty vector when unknown. `trace`, when not null, receives the reasons for --explain; `dates`,
// when not null, is shared with the caller.
std::vector<EventRecord> code_events(const Document& doc, const Segmentation& seg, const ActorAnalysis& actors,
                                     const Lexicon& lexicon, const std::vector<Span>& quoted,
                                     std::vector<EventTrace>* trace = nullptr, SentenceDates* dates = nullptr);

}  // namespace geokg::extract
