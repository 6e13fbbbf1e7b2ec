// The fuzzed surfaces of geokg, one function per libFuzzer target: each feeds raw bytes to a library
// entry point (ingestion, the JSON Lines reader, HTML to text, segmentation, the whole extractor)
// and checks the invariants its output promises (spans inside the text and on UTF-8 boundaries,
// ordered sentences, valid UTF-8 strings...). The fuzz targets and the regression test share them.
#pragma once

#include <string_view>

namespace geokg::fuzz {

// Called when an invariant does not hold: `what` names it. The default prints it and traps (so
// libFuzzer reports a crash); tests install one that throws. Must not return.
using FailureHandler = void (*)(const char* what, const char* file, int line);
void set_failure_handler(FailureHandler handler);

// Bytes of a file named "input" (no extension: the format is sniffed) through DocumentReader.
void run_ingest(std::string_view data);
// Bytes of a JSON Lines feed ("feed.jsonl", one or more lines) through DocumentReader.
void run_jsonl(std::string_view data);
// html_to_text and decode_html_entities on the bytes.
void run_html(std::string_view data);
// segment() on the bytes; the first byte (when there are more than 8) picks a boilerplate range.
void run_segment(std::string_view data);
// document_from_text, then extract_document with the built-in lexicon (loaded once), then the
// records written as JSON Lines.
void run_extractor(std::string_view data);

}  // namespace geokg::fuzz
