#include "extract/records_jsonl.hpp"

#include <algorithm>
#include <tuple>

#include "extract/json_writer.hpp"

namespace geokg::extract {

namespace {

void write_span(JsonWriter& w, Span span) {
  w.begin_array().value(span.begin).value(span.end).end_array();
}

void write_date(JsonWriter& w, const Date& date) {
  w.begin_object();
  w.key("value").string_or_null(date.value);
  w.key("precision").value(to_string(date.precision));
  w.key("origin").value(to_string(date.origin));
  w.end_object();
}

void write_actor(JsonWriter& w, const ActorRef& a) {
  w.begin_object();
  w.key("id").value(a.id);
  w.key("name").value(a.name);
  w.key("kind").value(a.kind);
  w.key("country").string_or_null(a.country);
  w.key("sector").string_or_null(a.sector);
  w.key("code").string_or_null(a.code);
  w.key("text").value(a.text);
  w.key("span");
  write_span(w, a.span);
  w.end_object();
}

void write_text_span(JsonWriter& w, const TextSpan& t) {
  w.begin_object();
  w.key("text").value(t.text);
  w.key("span");
  write_span(w, t.span);
  w.end_object();
}

void write_base(JsonWriter& w, const char* type, const std::string& doc, const RecordBase& r) {
  w.key("type").value(type);
  w.key("doc").value(doc);
  w.key("sentence").value(r.sentence);
  w.key("span");
  write_span(w, r.span);
  w.key("date");
  write_date(w, r.date);
}

enum class Kind { kMention, kRelation, kEvent, kStatement };

}  // namespace

void append_records_jsonl(const DocumentRecords& records, std::string& out) {
  // (sentence, span begin, kind, index): the stable output order.
  std::vector<std::tuple<std::uint32_t, std::uint32_t, int, std::size_t>> order;
  order.reserve(records.mentions.size() + records.relations.size() + records.events.size() + records.statements.size());
  for (std::size_t i = 0; i < records.mentions.size(); ++i) {
    order.emplace_back(records.mentions[i].sentence, records.mentions[i].span.begin, 0, i);
  }
  for (std::size_t i = 0; i < records.relations.size(); ++i) {
    order.emplace_back(records.relations[i].sentence, records.relations[i].source.span.begin, 1, i);
  }
  for (std::size_t i = 0; i < records.events.size(); ++i) {
    order.emplace_back(records.events[i].sentence, records.events[i].trigger.span.begin, 2, i);
  }
  for (std::size_t i = 0; i < records.statements.size(); ++i) {
    order.emplace_back(records.statements[i].sentence, records.statements[i].content_span.begin, 3, i);
  }
  std::stable_sort(order.begin(), order.end());
  for (const auto& [sentence, begin, kind, index] : order) {
    JsonWriter w(out);
    w.begin_object();
    switch (static_cast<Kind>(kind)) {
      case Kind::kMention: {
        const MentionRecord& m = records.mentions[index];
        write_base(w, "mention", records.doc, m);
        w.key("actor");
        write_actor(w, m.actor);
        w.key("via").value(m.via);
        break;
      }
      case Kind::kRelation: {
        const RelationRecord& r = records.relations[index];
        write_base(w, "relation", records.doc, r);
        w.key("source");
        write_actor(w, r.source);
        w.key("target");
        write_actor(w, r.target);
        w.key("label").value(r.label);
        w.key("title").string_or_null(r.title);
        break;
      }
      case Kind::kEvent: {
        const EventRecord& e = records.events[index];
        write_base(w, "event", records.doc, e);
        w.key("source");
        write_actor(w, e.source);
        w.key("target");
        if (e.target) write_actor(w, *e.target);
        else w.null();
        w.key("code").value(e.code);
        w.key("root").value(e.root);
        w.key("label").value(e.label);
        w.key("plover").string_or_null(e.plover);
        w.key("quad_class").value(e.quad_class);
        w.key("goldstein").value(e.goldstein);
        w.key("trigger");
        write_text_span(w, e.trigger);
        w.key("negated").value(e.negated);
        w.key("modality").value(to_string(e.modality));
        w.key("confidence").value(e.confidence);
        w.key("pattern").value(e.pattern);
        break;
      }
      case Kind::kStatement: {
        const StatementRecord& s = records.statements[index];
        write_base(w, "statement", records.doc, s);
        w.key("speaker");
        if (s.speaker) write_actor(w, *s.speaker);
        else w.null();
        w.key("speaker_span");
        if (s.speaker_span) write_span(w, *s.speaker_span);
        else w.null();
        w.key("cue");
        if (s.cue.text.empty()) w.null();
        else write_text_span(w, s.cue);
        w.key("content").value(s.content);
        w.key("content_span");
        write_span(w, s.content_span);
        w.key("content_parts").begin_array();
        for (const Span& p : s.content_parts) write_span(w, p);
        w.end_array();
        w.key("direct").value(s.direct);
        w.key("about").begin_array();
        for (const AboutRef& a : s.about) {
          w.begin_object();
          w.key("actor");
          write_actor(w, a.actor);
          w.key("stance").value(to_string(a.stance));
          w.key("addressee").value(a.addressee);
          w.end_object();
        }
        w.end_array();
        break;
      }
    }
    w.end_object();
    out += '\n';
  }
}

}  // namespace geokg::extract
