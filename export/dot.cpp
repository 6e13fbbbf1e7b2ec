#include "export/dot.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "export/xml.hpp"

namespace geokg::exporter {

std::string dot_quote(std::string_view text) {
  const std::string clean = clean_text(text);
  std::string out = "\"";
  out.reserve(clean.size() + 2);
  for (const char c : clean) {
    switch (c) {
      // A backslash starts an escape in DOT labels (\n, \l, \N ...): keep it literal.
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      case '\t': out += ' '; break;
      default: out += c;
    }
  }
  out += '"';
  return out;
}

void write_dot(const graph::Graph& graph, std::ostream& out) {
  const auto& g = graph.adjacency();
  std::string buffer;
  buffer +=
      "digraph geokg {\n"
      "  graph [overlap=false, splines=true];\n"
      "  node [shape=ellipse, style=filled, fontcolor=white, fontname=\"Helvetica\"];\n"
      "  edge [fontsize=9, fontname=\"Helvetica\", color=\"#555555\"];\n";
  for (const graph::Vertex v : graph.sorted_vertices()) {
    const graph::ActorNode& node = g[v];
    buffer += "  ";
    buffer += dot_quote(node.id);
    buffer += " [label=";
    buffer += dot_quote(node.name.empty() ? node.id : node.name);
    buffer += ", fillcolor=\"";
    buffer += hex_colour(kind_colour(node.kind));
    buffer += "\", tooltip=";
    std::string tooltip = node.kind;
    if (!node.code.empty()) tooltip += " " + node.code;
    tooltip += ", " + std::to_string(node.mentions) + (node.mentions == 1 ? " mention" : " mentions");
    buffer += dot_quote(tooltip);
    buffer += "];\n";
  }
  for (const graph::Edge e : graph.sorted_edges()) {
    const graph::EdgeData& edge = g[e];
    const std::uint64_t count = edge.count();
    std::string label = edge.label.empty() ? edge.key : edge.label;
    if (edge.kind == graph::EdgeKind::kEvent && label != edge.key) label = edge.key + " " + label;
    label += " (" + std::to_string(count) + ")";
    // Logarithmic so that one dyad reported a thousand times does not swallow the picture.
    const double penwidth = 1.0 + std::log2(static_cast<double>(count > 0 ? count : 1));
    buffer += "  ";
    buffer += dot_quote(g[boost::source(e, g)].id);
    buffer += " -> ";
    buffer += dot_quote(g[boost::target(e, g)].id);
    buffer += " [label=";
    buffer += dot_quote(label);
    buffer += ", penwidth=";
    buffer += format_double(std::round(penwidth * 100.0) / 100.0);
    if (edge.kind == graph::EdgeKind::kStatement) buffer += ", style=dashed";
    if (edge.kind == graph::EdgeKind::kRelation) buffer += ", style=dotted, arrowhead=empty";
    buffer += "];\n";
    if (buffer.size() >= (1u << 16)) {
      out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      buffer.clear();
    }
  }
  buffer += "}\n";
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
}

}  // namespace geokg::exporter
