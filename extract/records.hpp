// The records extraction produces for one document (DESIGN "Records"): mentions, events,
// statements and static relations, each with doc id, sentence index, byte span and date. These plain
// structs are the contract between extract/, graph/ and export/; records_jsonl.hpp writes them as
// JSON Lines valid against schemas/record.schema.json.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "extract/document.hpp"

namespace geokg::extract {

// A resolved actor as seen at one place in the text.
struct ActorRef {
  std::string id;       // stable slug: "vladimir-putin", "russia", "nato"
  std::string name;     // canonical name: "Vladimir Putin"
  std::string kind;     // state | person | organisation | igo | group | location
  std::string country;  // ISO 3166-1 alpha-3, or empty
  std::string sector;   // CAMEO-style sector (GOV, MIL, ...), or empty
  std::string code;     // CAMEO-style actor code: "RUSGOV", "IGOWSTNAT"
  std::string text;     // surface text of the mention in the document
  Span span;            // span of that surface text
};

struct TextSpan {
  std::string text;
  Span span;
};

enum class Modality { kAsserted, kReported, kFuture, kHypothetical, kConditional };
const char* to_string(Modality modality);

enum class Stance { kPositive, kNegative, kNeutral };
const char* to_string(Stance stance);

// What every record has.
struct RecordBase {
  std::uint32_t sentence = 0;  // 0-based sentence index in the document
  Span span;                   // the whole evidence (usually the sentence or the clause)
  Date date;
};

struct MentionRecord : RecordBase {
  ActorRef actor;
  std::string via;  // how it resolved: lexicon | title | metonym | demonym | new | coref
};

struct EventRecord : RecordBase {
  ActorRef source;
  std::optional<ActorRef> target;
  std::string code;        // CAMEO code, "057"
  std::string root;        // "05"
  std::string label;       // CAMEO label
  std::string plover;      // PLOVER category
  int quad_class = 0;      // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  double goldstein = 0.0;  // -10..10
  TextSpan trigger;
  bool negated = false;
  Modality modality = Modality::kAsserted;
  double confidence = 0.0;
  std::string pattern;     // the lexicon pattern that matched (for --explain and audits)
};

struct AboutRef {
  ActorRef actor;
  Stance stance = Stance::kNeutral;
  bool addressee = false;  // "X told Y that ...": Y is addressed, not only mentioned
};

struct StatementRecord : RecordBase {
  std::optional<ActorRef> speaker;
  std::optional<Span> speaker_span;  // surface span of the speaker mention ("he", "the Kremlin")
  TextSpan cue;                      // "said", "insisted", "according to"; empty text when none
  std::string content;               // the parts joined with a single space
  Span content_span;                 // from the first part's begin to the last part's end
  std::vector<Span> content_parts;   // each part slices the text exactly (split quotes: 2+)
  bool direct = false;               // quoted (true) or reported (false)
  std::vector<AboutRef> about;
};

struct RelationRecord : RecordBase {
  ActorRef source;
  ActorRef target;
  std::string label;  // role_of | member_of | located_in
  std::string title;  // "foreign minister" for role_of
};

struct SentenceInfo {
  Span span;
  bool boilerplate = false;
};

// Everything extracted from one document; ordering inside each vector is by sentence, then span.
struct DocumentRecords {
  std::string doc;  // document id
  std::vector<SentenceInfo> sentences;
  std::vector<MentionRecord> mentions;
  std::vector<EventRecord> events;
  std::vector<StatementRecord> statements;
  std::vector<RelationRecord> relations;
};

}  // namespace geokg::extract
