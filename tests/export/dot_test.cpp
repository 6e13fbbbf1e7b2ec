#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "export/dot.hpp"
#include "tests/export/export_fixtures.hpp"

using geokg::exporter::dot_quote;
using geokg::exporter::write_dot;
namespace t = geokg::test;

namespace {

std::string dot_of(const geokg::graph::Graph& graph) {
  std::ostringstream out;
  write_dot(graph, out);
  return out.str();
}

}  // namespace

TEST_CASE("dot strings are quoted and escaped", "[export][dot]") {
  CHECK(dot_quote("Russia") == "\"Russia\"");
  CHECK(dot_quote("say \"no\"") == "\"say \\\"no\\\"\"");
  CHECK(dot_quote("a\\b") == "\"a\\\\b\"");
  CHECK(dot_quote("two\nlines\r") == "\"two\\nlines\"");
  CHECK(dot_quote("form\ffeed\x01") == "\"formfeed\"");
  CHECK(dot_quote("") == "\"\"");
}

TEST_CASE("dot writes actors coloured by kind and labelled, weighted edges", "[export][dot]") {
  const std::string dot = dot_of(t::sample_graph());
  CHECK(dot.rfind("digraph geokg {\n", 0) == 0);
  CHECK(dot.find("  \"vladimir-putin\" [label=\"Vladimir Putin\", fillcolor=\"#e69f00\", "
                 "tooltip=\"person RUSGOV, 3 mentions\"];\n") != std::string::npos);
  CHECK(dot.find("  \"russia\" [label=\"Russia\", fillcolor=\"#0072b2\"") != std::string::npos);
  CHECK(dot.find("  \"acme-group\" [label=\"Acme <&>\\\"' Group\"") != std::string::npos);
  CHECK(dot.find("  \"vladimir-putin\" -> \"donald-trump\" [label=\"043 Host a visit (2)\", penwidth=2];\n") !=
        std::string::npos);
  CHECK(dot.find("  \"vladimir-putin\" -> \"donald-trump\" [label=\"051 Praise or endorse (1)\", penwidth=1];\n") !=
        std::string::npos);
  CHECK(dot.find("  \"sergey-lavrov\" -> \"united-states\" [label=\"said about (1)\", penwidth=1, style=dashed];\n") !=
        std::string::npos);
  CHECK(dot.find("  \"sergey-lavrov\" -> \"russia\" [label=\"foreign minister (1)\", penwidth=1, style=dotted") !=
        std::string::npos);
  CHECK(dot.substr(dot.size() - 2) == "}\n");
  CHECK(dot == dot_of(t::sample_graph()));
}

TEST_CASE("dot output is read by graphviz", "[export][dot]") {
  if (t::run("command -v dot >/dev/null 2>&1") != 0) {
    WARN("skipped: graphviz dot not available");
    return;
  }
  t::TempDir dir;
  t::write_file(dir.file("g.dot"), dot_of(t::sample_graph()));
  CHECK(t::run("dot -Tsvg '" + dir.file("g.dot") + "' -o '" + dir.file("g.svg") + "' 2>/dev/null") == 0);
}
