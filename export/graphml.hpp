// GraphML 1.1 writer for the actor graph (Gephi, networkx, igraph, graphology). Our own small writer
// rather than boost::write_graphml: typed <key> declarations, full-precision doubles, every text
// value escaped and stripped of characters XML forbids, XML-safe ids ("n0".., "e0".. in the graph's
// sorted order) with the actor id kept as the "actor" value, r/g/b colour by actor kind (what
// Gephi's GraphML importer reads). Output is deterministic: no timestamps, sorted order.
#pragma once

#include <ostream>

#include "graph/graph.hpp"

namespace geokg::exporter {

// Writes graph as a directed GraphML document to out. Node data: label, actor, kind, country,
// sector, code, mentions, first, last (ISO dates), r, g, b. Edge data: label, weight (the evidence
// count as a double), kind (event | statement | relation), code (CAMEO code or relation key), plover,
// quad_class and goldstein (events only; goldstein is the mean), first, last, count. Empty values
// are left out. Stream errors are left to the caller (see AtomicFile::commit).
void write_graphml(const graph::Graph& graph, std::ostream& out);

}  // namespace geokg::exporter
