// Graphviz DOT writer for a quick picture of the actor graph: actors as filled ellipses in the
// colour of their kind, one arrow per aggregated edge labelled "<code> <label> (<count>)" with a pen
// width growing with the evidence count. Deterministic output (the graph's sorted order).
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "graph/graph.hpp"

namespace geokg::exporter {

// Writes graph as a DOT digraph to out; node names are the actor ids. Stream errors are left to the
// caller.
void write_dot(const graph::Graph& graph, std::ostream& out);

// Returns text as a double-quoted DOT string: quotes and backslashes escaped, newlines as "\n",
// other control characters and invalid UTF-8 dropped or replaced as for XML.
std::string dot_quote(std::string_view text);

}  // namespace geokg::exporter
