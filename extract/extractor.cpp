#include "extract/extractor.hpp"

#include "extract/actors.hpp"
#include "extract/events.hpp"
#include "extract/lexicon.hpp"
#include "extract/segment.hpp"
#include "extract/statements.hpp"

namespace geokg::extract {

DocumentRecords extract_document(const Document& doc, const Lexicon& lexicon, std::vector<EventTrace>* trace) {
  DocumentRecords records;
  records.doc = doc.id;
  Segmentation tagged = segment(doc.text, doc.boilerplate);
  lexicon.tag_words(tagged);
  const Segmentation& seg = tagged;
  records.sentences.reserve(seg.sentences.size());
  for (const Sentence& s : seg.sentences) records.sentences.push_back(SentenceInfo{s.span, s.boilerplate});

  ActorAnalysis actors = find_actors(doc, seg, lexicon);
  StatementAnalysis statements = find_statements(doc, seg, actors, lexicon);
  SentenceDates dates(doc, seg);
  records.events = code_events(doc, seg, actors, lexicon, statements.quoted, trace, &dates);
  records.statements = std::move(statements.statements);
  apply_event_stance(records.statements, records.events);
  records.relations = std::move(actors.relations);

  // Mentions: every resolved actor mention, dated by its sentence.
  records.mentions.reserve(actors.mentions.size());
  for (Mention& m : actors.mentions) {
    if (m.actor.id.empty()) continue;
    MentionRecord& r = records.mentions.emplace_back();
    r.sentence = m.sentence;
    r.span = m.actor.span;
    r.date = dates.of(m.sentence);
    r.actor = std::move(m.actor);
    r.via = std::move(m.via);
  }
  return records;
}

ExtractCounts count(const DocumentRecords& r) {
  return ExtractCounts{r.sentences.size(), r.mentions.size(), r.events.size(), r.statements.size(), r.relations.size()};
}

}  // namespace geokg::extract
