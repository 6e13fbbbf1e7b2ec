#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/pipeline.hpp"
#include "extract/actors.hpp"
#include "extract/extractor.hpp"
#include "extract/records_jsonl.hpp"
#include "extract/segment.hpp"

namespace geokg::cli {

namespace {

struct ExtractOptions : InputOptions {
  bool explain = false;
};

std::string one_line(std::string_view text) {
  std::string out;
  for (char c : text) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return out;
}

// --explain: per sentence, the tokens, the actors found, and why each event was or was not coded.
void explain(const extract::Document& doc, const extract::Lexicon& lexicon) {
  const extract::Segmentation seg = extract::segment(doc.text, doc.boilerplate);
  const extract::ActorAnalysis actors = extract::find_actors(doc, seg, lexicon);
  std::vector<extract::EventTrace> trace;
  const extract::DocumentRecords records = extract::extract_document(doc, lexicon, &trace);
  std::printf("# %s (date %s)\n", doc.id.c_str(), doc.date.value.empty() ? "unknown" : doc.date.value.c_str());
  std::size_t next_trace = 0;
  std::size_t next_mention = 0;
  for (const extract::Sentence& s : seg.sentences) {
    std::printf("[%u]%s%s %s\n", s.index, s.boilerplate ? " (boilerplate)" : "", s.headline ? " (headline)" : "",
                one_line(extract::slice(doc.text, s.span)).c_str());
    if (s.boilerplate) continue;
    std::string tokens = "  tokens:";
    for (std::uint32_t t = s.first_token; t < s.end_token; ++t) {
      tokens += ' ';
      tokens += seg.norm_of(t);
    }
    std::printf("%s\n", tokens.c_str());
    while (next_mention < actors.mentions.size() && actors.mentions[next_mention].sentence < s.index) ++next_mention;
    for (std::size_t m = next_mention; m < actors.mentions.size() && actors.mentions[m].sentence == s.index; ++m) {
      const auto& mention = actors.mentions[m];
      if (mention.actor.id.empty()) continue;
      std::printf("  actor: %s(%s,%s) via %s%s\n", mention.actor.text.c_str(), mention.actor.id.c_str(),
                  mention.actor.code.c_str(), mention.via.c_str(), mention.modifier ? " (modifier)" : "");
    }
    while (next_trace < trace.size() && trace[next_trace].sentence == s.index) {
      std::printf("  event: %s\n", trace[next_trace].message.c_str());
      ++next_trace;
    }
    for (const auto& st : records.statements) {
      if (st.sentence != s.index) continue;
      std::printf("  statement: %s --%s--> \"%s\"\n", st.speaker ? st.speaker->id.c_str() : "(unknown)",
                  st.cue.text.empty() ? "quote" : st.cue.text.c_str(), one_line(st.content).c_str());
    }
  }
}

int run_extract(const ExtractOptions& o) {
  const auto lexicon = extract::Lexicon::load(o.actor_files);
  extract::IngestOptions ingest;
  ingest.fallback_date = o.date;
  extract::DocumentReader reader(o.inputs, ingest, stderr_sink());
  std::size_t documents = 0;
  if (o.explain) {
    while (auto doc = reader.next()) {
      ++documents;
      explain(*doc, *lexicon);
    }
  } else {
    std::string buffer;
    run_pipeline(reader, *lexicon, thread_count(o.threads), [&](Processed& p) {
      ++documents;
      buffer.clear();
      extract::append_records_jsonl(p.records, buffer);
      std::fwrite(buffer.data(), 1, buffer.size(), stdout);
    });
  }
  std::fflush(stdout);
  if (!o.quiet) std::fprintf(stderr, "geokg: %zu documents, %zu skipped\n", documents, reader.skipped());
  if (interrupted()) {
    std::fprintf(stderr, "geokg: interrupted after %zu documents; their records are whole.\n", documents);
    return 1;
  }
  if (documents == 0) return 3;
  return reader.skipped() > 0 ? 1 : 0;
}

}  // namespace

Command add_extract_command(CLI::App& app) {
  auto options = std::make_shared<ExtractOptions>();
  CLI::App* sub = app.add_subcommand("extract", "write the records of each document as JSON Lines on stdout");
  add_input_options(sub, *options);
  sub->add_flag("--explain", options->explain,
                "instead of records, print per sentence the tokens, actors and why each event was or was not coded");
  return [options] { return run_extract(*options); };
}

}  // namespace geokg::cli
