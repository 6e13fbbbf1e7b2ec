#include "cli/options.hpp"

#include <cstdio>
#include <thread>

#include "cli/commands.hpp"
#include "export/atomic_file.hpp"
#include "export/dot.hpp"
#include "export/gexf.hpp"
#include "export/graphml.hpp"
#include "export/store_reader.hpp"
#include "extract/actors.hpp"
#include "extract/dates.hpp"
#include "extract/lexicon.hpp"
#include "extract/segment.hpp"
#include "graph/graph.hpp"

namespace geokg::cli {

std::string extension_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  const auto dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
  return path.substr(dot);
}

void add_input_options(CLI::App* sub, InputOptions& o) {
  sub->add_option("inputs", o.inputs,
                  "articles: .txt, .html/.htm or .jsonl files, folders (searched recursively), or - for JSON Lines "
                  "on stdin")
      ->required();
  sub->add_option("--date", o.date, "document date (YYYY-MM-DD) for documents that give none")
      ->check([](const std::string& value) {
        return extract::parse_iso_date(value, extract::DateOrigin::kDocument) && value.size() == 10
                   ? std::string()
                   : "expected a date as YYYY-MM-DD, found \"" + value + "\"";
      });
  sub->add_option("--actors", o.actor_files, "extra actor lexicon file (JSON Lines, schemas/actors.schema.json); repeatable")
      ->check(CLI::ExistingFile);
  sub->add_option("--threads", o.threads, "worker threads (default: one per core)")->check(CLI::Range(1u, 256u));
  sub->add_flag("--quiet,-q", o.quiet, "print no summary (errors are still printed)");
}

unsigned thread_count(unsigned requested) {
  if (requested > 0) return requested;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 2 : cores;
}

extract::DiagnosticSink stderr_sink() {
  return [](const extract::Diagnostic& d) {
    std::fprintf(stderr, "geokg: %s: %s\n", d.level == extract::Diagnostic::Level::kError ? "error" : "warning",
                 d.message.c_str());
  };
}

std::string resolve_actor_name(const exporter::StoreReader& store, const std::string& store_path,
                               const std::string& name, int& code) {
  auto matches = store.find_actors(name);
  if (matches.empty()) {
    // A form the store's texts never used ("US" where they wrote "the United States", "Foreign
    // Minister Lavrov"): the one actor the built-in lexicon finds at the end of the name (a title
    // may come before it), if the store has it.
    const auto lexicon = extract::Lexicon::load();
    extract::Document doc;
    doc.text = name;
    const extract::Segmentation seg = extract::segment(doc.text);
    const extract::ActorAnalysis found = extract::find_actors(doc, seg, *lexicon);
    if (found.mentions.size() == 1 && !found.mentions.front().actor.id.empty() &&
        found.mentions.front().actor.span.end == doc.text.size()) {
      matches = store.find_actors(found.mentions.front().actor.id);
    }
  }
  if (matches.empty()) {
    print_error("no actor named \"" + name + "\" in " + store_path + ", expected a name, alias or id seen in the store");
    code = 3;
    return {};
  }
  if (matches.size() > 1) {
    std::string list;
    for (const auto& m : matches) {
      list += "\n  " + m.id + " (" + m.name + ", " + m.kind + (m.country.empty() ? "" : ", " + m.country) + ")";
    }
    print_error("\"" + name + "\" is ambiguous, expected one of:" + list);
    code = 2;
    return {};
  }
  return matches.front().id;
}

void write_graph_file(const graph::Graph& graph, const std::string& path) {
  exporter::AtomicFile file(path);
  const std::string ext = extension_of(path);
  if (ext == ".graphml") exporter::write_graphml(graph, file.stream());
  else if (ext == ".gexf") exporter::write_gexf(graph, file.stream());
  else exporter::write_dot(graph, file.stream());
  file.commit();
}

void print_error(const std::string& message) { std::fprintf(stderr, "geokg: %s\n", message.c_str()); }

}  // namespace geokg::cli
