// GEXF 1.3 writer in dynamic mode (what makes Gephi's timeline work): every edge has a spell per
// distinct evidence day and a dynamic "weight" giving the evidence count of that day; every actor
// with a dated appearance has one spell from its first to its last day. Static attributes carry the
// same data as the GraphML export, viz:color the colour of the actor kind. Deterministic output.
#pragma once

#include <ostream>

#include "graph/graph.hpp"

namespace geokg::exporter {

// Writes graph as a GEXF 1.3 document (mode="dynamic", timeformat="date", directed) to out. Node
// ids are "n0".. and edge ids "e0".. in the graph's sorted order; the actor id is the "actor"
// attribute. Edges carry kind="<edge key>" (CAMEO code, "said-about", relation label) so that Gephi
// keeps differently coded interactions of one dyad apart, and weight="<evidence count>". Evidence
// without a date counts in the weight but has no spell; an actor without any dated appearance has
// no spell (present at all times). Stream errors are left to the caller.
void write_gexf(const graph::Graph& graph, std::ostream& out);

}  // namespace geokg::exporter
