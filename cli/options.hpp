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
