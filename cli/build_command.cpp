#include <cstdio>
#include <exception>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <thread>
#include <unistd.h>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/pipeline.hpp"
#include "export/atomic_file.hpp"
#include "export/dot.hpp"
#include "export/gexf.hpp"
#include "export/graphml.hpp"
#include "export/sqlite_store.hpp"
#include "extract/error.hpp"
#include "extract/extractor.hpp"
#include "extract/records_jsonl.hpp"
#include "graph/graph.hpp"

namespace geokg::cli {

namespace {

// Documents per SQLite transaction: large enough for bulk speed, small enough that an interrupted
// run loses little work.
constexpr std::size_t kBatchDocuments = 500;

struct BuildOptions : InputOptions {
  std::vector<std::string> outputs;
  bool include_unreal = false;
};

int run_build(const BuildOptions& o) {
  const auto lexicon = extract::Lexicon::load(o.actor_files);
  extract::IngestOptions ingest;
  ingest.fallback_date = o.date;
  extract::DocumentReader reader(o.inputs, ingest, stderr_sink());

  std::unique_ptr<exporter::SqliteStore> store;
  std::unique_ptr<exporter::AtomicFile> jsonl;
  std::vector<std::string> graph_outputs;
  for (const auto& out : o.outputs) {
    const std::string ext = extension_of(out);
    if (ext == ".sqlite" || ext == ".db") {
      if (store) throw InputError(out + ": only one SQLite store per build, expected a single .sqlite output");
      store = std::make_unique<exporter::SqliteStore>(out);
    } else if (ext == ".jsonl") {
      jsonl = std::make_unique<exporter::AtomicFile>(out);
    } else {
      graph_outputs.push_back(out);
    }
  }
  graph::GraphOptions graph_options;
  graph_options.include_unreal_events = o.include_unreal;
  graph::Graph graph(graph_options);
  extract::ExtractCounts totals;
  std::size_t documents = 0, duplicates = 0, batch = 0;
  std::string buffer;
  run_pipeline(reader, *lexicon, thread_count(o.threads), [&](Processed& p) {
    ++documents;
    const extract::ExtractCounts c = extract::count(p.records);
    totals.sentences += c.sentences;
    totals.mentions += c.mentions;
    totals.events += c.events;
    totals.statements += c.statements;
    totals.relations += c.relations;
    if (!graph.add_document(p.records, p.content_hash)) ++duplicates;
    if (jsonl) {
      buffer.clear();
      extract::append_records_jsonl(p.records, buffer);
      jsonl->stream().write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    }
    if (store) {
      store->add(p.doc, p.content_hash, p.records);
      if (++batch == kBatchDocuments) {
        store->commit_batch();
        batch = 0;
      }
    }
  });
  {
    // The graph files are written on a thread of their own while the store builds its indexes; the
    // graph is complete and only read from here on. The jthread is joined before an error of either
    // side leaves this block.
    std::exception_ptr graph_error;
    std::jthread graph_writer([&graph, &graph_outputs, &graph_error] {
      try {
        for (const auto& out : graph_outputs) write_graph_file(graph, out);
      } catch (...) {
        graph_error = std::current_exception();
      }
    });
    if (jsonl) jsonl->commit();
    if (store) store->finish();
    graph_writer.join();
    if (graph_error) std::rethrow_exception(graph_error);
  }
  if (!o.quiet) {
    std::fprintf(stderr,
                 "geokg: %zu documents, %zu sentences, %zu actors, %zu edges, %zu events, %zu statements, %zu "
                 "relations, %zu skipped%s\n",
                 documents, totals.sentences, graph.actor_count(), graph.edge_count(), totals.events, totals.statements,
                 totals.relations, reader.skipped(),
                 duplicates > 0 ? (", " + std::to_string(duplicates) + " duplicate texts").c_str() : "");
  }
  if (interrupted()) {
    std::fprintf(stderr, "geokg: interrupted after %zu documents; the outputs hold them whole. Run the same command "
                 "again to add the rest (a store skips the texts it already has).\n", documents);
    return 1;
  }
  if (documents == 0) return 3;
  return reader.skipped() > 0 ? 1 : 0;
}

}  // namespace

Command add_build_command(CLI::App& app) {
  auto options = std::make_shared<BuildOptions>();
  CLI::App* sub = app.add_subcommand("build", "extract records from articles, merge them into a graph and write outputs");
  add_input_options(sub, *options);
  sub->add_option("-o,--output", options->outputs,
                  "output file, format from its extension: .graphml .gexf .sqlite/.db .jsonl .dot (repeatable)")
      ->required()
      ->check([](const std::string& value) {
        const std::string ext = extension_of(value);
        if (ext == ".graphml" || ext == ".gexf" || ext == ".sqlite" || ext == ".db" || ext == ".jsonl" || ext == ".dot") {
          return std::string();
        }
        return "unknown output format \"" + value + "\", expected .graphml .gexf .sqlite .db .jsonl or .dot";
      });
  sub->add_flag("--include-unreal", options->include_unreal,
                "also put negated, future, hypothetical and conditional events into the graph files");
  return [options] { return run_build(*options); };
}

}  // namespace geokg::cli
