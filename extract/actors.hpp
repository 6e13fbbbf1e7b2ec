// Actor recognition and resolution for one document: lexicon names, aliases, demonyms and metonyms
// (longest match over a token trie, case-checked), titles and appositions that give roles to known
// and new names, new names by cue, descriptions resolved through dated roles ("the US president"),
// and within-document coreference (surnames, he/she). Gives mentions in text order.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "extract/document.hpp"
#include "extract/lexicon.hpp"
#include "extract/records.hpp"
#include "extract/segment.hpp"

namespace geokg::extract {

struct Mention {
  std::uint32_t sentence = 0;
  std::uint32_t first_token = 0;  // tokens [first_token, end_token) of the whole mention
  std::uint32_t end_token = 0;
  ActorRef actor;                 // resolved actor; actor.span/text: the surface mention
  std::string via;                // lexicon | alias | title | metonym | demonym | agent | new | description | coref
  bool modifier = false;          // a demonym or name used as a modifier ("Russian demands", "Putin-Biden")
  bool pronoun = false;
  bool plural = false;            // "Russians", "the two leaders"
  std::uint32_t group = 0;        // "the two leaders": one mention per actor, sharing a group id
};

struct ActorAnalysis {
  std::vector<Mention> mentions;          // sorted by first_token
  std::vector<RelationRecord> relations;  // role_of from titles and appositions
};

// Index of the first mention whose first token is at or after `token` (mentions are sorted by
// first_token); mentions.size() when none. Lets every stage find a sentence's mentions in
// logarithmic time instead of scanning the document's.
std::size_t first_mention_from(const std::vector<Mention>& mentions, std::uint32_t token);

// Whether span lies inside one of the sorted, non-overlapping-by-start spans.
bool inside_any(const std::vector<Span>& sorted_spans, Span span);

// Finds and resolves the actors of a document. Boilerplate sentences are skipped.
ActorAnalysis find_actors(const Document& doc, const Segmentation& seg, const Lexicon& lexicon);

// The canonical one-line dump of an actor reference: "Sybiha(andrii-sybiha,UKRGOV)" (surface text,
// id, code). Shared by `geokg actors --explain`, --verbose output and the test tables.
std::string actor_dump(const ActorRef& actor);

// The dump of a document's resolved mentions in text order, separated by one space: every mention
// with an actor (modifiers and resolved pronouns included, unresolved ones left out).
std::string mentions_dump(const std::vector<Mention>& mentions);

// Builds the reference for lexicon actor `index` as of `day` (role sector of the day, if any).
ActorRef actor_ref(const Lexicon& lexicon, std::uint32_t index, std::int32_t day);

}  // namespace geokg::extract
