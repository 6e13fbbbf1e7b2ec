// geokg merge (combine stores) and geokg export (re-export a store's graph).
#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "export/atomic_file.hpp"
#include "export/dot.hpp"
#include "export/gexf.hpp"
#include "export/graphml.hpp"
#include "export/sqlite_store.hpp"
#include "export/store_reader.hpp"
#include "graph/graph.hpp"

namespace geokg::cli {

namespace {

constexpr std::size_t kBatchDocuments = 500;

struct MergeOptions {
  std::string out;
  std::vector<std::string> inputs;
  bool quiet = false;
};

int run_merge(const MergeOptions& o) {
  exporter::SqliteStore out(o.out);
  std::size_t read = 0, added = 0, batch = 0;
  for (const auto& input : o.inputs) {
    const exporter::StoreReader in(input);
    in.for_each_document([&](exporter::StoredDocument& d) {
      ++read;
      if (out.add(d.doc, d.content_hash, d.records)) ++added;
      if (++batch == kBatchDocuments) {
        out.commit_batch();
        batch = 0;
      }
    });
  }
  out.finish();
  if (!o.quiet) {
    std::fprintf(stderr, "geokg: %zu documents read from %zu stores, %zu added, %zu already present\n", read,
                 o.inputs.size(), added, read - added);
  }
  return 0;
}

struct ExportOptions {
  std::string store;
  std::vector<std::string> outputs;
  bool include_unreal = false;
  bool quiet = false;
};

int run_export(const ExportOptions& o) {
  const exporter::StoreReader store(o.store);
  graph::GraphOptions options;
  options.include_unreal_events = o.include_unreal;
  graph::Graph graph(options);
  std::size_t documents = 0;
  store.for_each_document([&](exporter::StoredDocument& d) {
    ++documents;
    graph.add_document(d.records, d.content_hash);
  });
  for (const auto& out : o.outputs) write_graph_file(graph, out);
  if (!o.quiet) {
    std::fprintf(stderr, "geokg: %zu documents, %zu actors, %zu edges\n", documents, graph.actor_count(),
                 graph.edge_count());
  }
  return 0;
}

}  // namespace

Command add_merge_command(CLI::App& app) {
  auto options = std::make_shared<MergeOptions>();
  CLI::App* sub = app.add_subcommand("merge", "combine stores (shards of one corpus) into one; a text already present is added once");
  sub->add_option("out", options->out, "the store to write: created when missing, else appended to")->required();
  sub->add_option("inputs", options->inputs, "stores written by geokg build or merge")->required()->check(CLI::ExistingFile);
  sub->add_flag("--quiet,-q", options->quiet, "print no summary");
  return [options] { return run_merge(*options); };
}

Command add_export_command(CLI::App& app) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* sub = app.add_subcommand("export", "write a store's graph again: GraphML, GEXF or DOT");
  sub->add_option("store", options->store, "a store written by geokg build or merge")->required()->check(CLI::ExistingFile);
  sub->add_option("-o,--output", options->outputs, "output file, format from its extension: .graphml .gexf .dot (repeatable)")
      ->required()
      ->check([](const std::string& value) {
        const std::string ext = extension_of(value);
        if (ext == ".graphml" || ext == ".gexf" || ext == ".dot") return std::string();
        return "unknown output format \"" + value + "\", expected .graphml .gexf or .dot";
      });
  sub->add_flag("--include-unreal", options->include_unreal,
                "also put negated, future, hypothetical and conditional events into the graph");
  sub->add_flag("--quiet,-q", options->quiet, "print no summary");
  return [options] { return run_export(*options); };
}

}  // namespace geokg::cli
