// Options and helpers shared by the subcommands that read articles (build, extract).
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "extract/ingest.hpp"

namespace geokg::cli {

struct InputOptions {
  std::vector<std::string> inputs;
  std::string date;
  std::vector<std::string> actor_files;
  unsigned threads = 0;
  bool quiet = false;
};

// Registers INPUT..., --date, --actors, --threads and --quiet on sub.
void add_input_options(CLI::App* sub, InputOptions& options);
unsigned thread_count(unsigned requested);     // requested, or one per core
extract::DiagnosticSink stderr_sink();        // "geokg: error: file:line: ..." lines on stderr
std::string extension_of(const std::string& path);  // ".gexf", or empty

}  // namespace geokg::cli

namespace geokg::exporter {
class StoreReader;
}
namespace geokg::graph {
class Graph;
}

namespace geokg::cli {

// The one actor of a store that a name on the command line stands for. On no match prints the
// problem and sets code 3, on several lists the candidates and sets code 2; returns "" then.
std::string resolve_actor_name(const exporter::StoreReader& store, const std::string& store_path,
                               const std::string& name, int& code);

// Writes the graph to path (atomically) in the format of its extension: .graphml, .gexf or .dot.
void write_graph_file(const graph::Graph& graph, const std::string& path);

}  // namespace geokg::cli
