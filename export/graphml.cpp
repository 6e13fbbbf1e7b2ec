#include "export/graphml.hpp"

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "export/xml.hpp"

namespace geokg::exporter {

namespace {

struct KeyDecl {
  const char* id;
  const char* domain;  // "node" | "edge"
  const char* name;
  const char* type;
  const char* default_value;  // nullptr: none
};

// Key ids must be unique across the document, so edge keys get an "e_" prefix; Gephi matches its
// display properties (label, weight, r, g, b) by id or by attr.name, networkx names data by
// attr.name, so both see the plain names.
constexpr KeyDecl kKeys[] = {
    {"label", "node", "label", "string", nullptr},
    {"actor", "node", "actor", "string", nullptr},
    {"kind", "node", "kind", "string", nullptr},
    {"country", "node", "country", "string", nullptr},
    {"sector", "node", "sector", "string", nullptr},
    {"code", "node", "code", "string", nullptr},
    {"mentions", "node", "mentions", "long", "0"},
    {"first", "node", "first", "string", nullptr},
    {"last", "node", "last", "string", nullptr},
    {"r", "node", "r", "int", nullptr},
    {"g", "node", "g", "int", nullptr},
    {"b", "node", "b", "int", nullptr},
    {"e_label", "edge", "label", "string", nullptr},
    {"e_weight", "edge", "weight", "double", "1"},
    {"e_kind", "edge", "kind", "string", nullptr},
    {"e_code", "edge", "code", "string", nullptr},
    {"e_plover", "edge", "plover", "string", nullptr},
    {"e_quad_class", "edge", "quad_class", "int", nullptr},
    {"e_goldstein", "edge", "goldstein", "double", nullptr},
    {"e_first", "edge", "first", "string", nullptr},
    {"e_last", "edge", "last", "string", nullptr},
    {"e_count", "edge", "count", "long", nullptr},
};

void add_data(std::string& out, const char* key, std::string_view value) {
  if (value.empty()) return;
  out += "      <data key=\"";
  out += key;
  out += "\">";
  append_xml_escaped(out, value, false);
  out += "</data>\n";
}

void flush_if_large(std::string& buffer, std::ostream& out) {
  if (buffer.size() < (1u << 16)) return;
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  buffer.clear();
}

}  // namespace

void write_graphml(const graph::Graph& graph, std::ostream& out) {
  const auto& g = graph.adjacency();
  std::string buffer;
  buffer.reserve(1u << 17);
  buffer +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.1/graphml.xsd\">\n";
  for (const KeyDecl& key : kKeys) {
    buffer += "  <key id=\"";
    buffer += key.id;
    buffer += "\" for=\"";
    buffer += key.domain;
    buffer += "\" attr.name=\"";
    buffer += key.name;
    buffer += "\" attr.type=\"";
    buffer += key.type;
    if (key.default_value == nullptr) {
      buffer += "\"/>\n";
    } else {
      buffer += "\">\n    <default>";
      buffer += key.default_value;
      buffer += "</default>\n  </key>\n";
    }
  }
  buffer += "  <graph id=\"G\" edgedefault=\"directed\">\n";

  const std::vector<graph::Vertex> vertices = graph.sorted_vertices();
  std::vector<std::size_t> index_of(boost::num_vertices(g));
  for (std::size_t i = 0; i < vertices.size(); ++i) index_of[vertices[i]] = i;

  for (std::size_t i = 0; i < vertices.size(); ++i) {
    const graph::ActorNode& node = g[vertices[i]];
    buffer += "    <node id=\"n";
    buffer += std::to_string(i);
    buffer += "\">\n";
    add_data(buffer, "label", node.name.empty() ? node.id : node.name);
    add_data(buffer, "actor", node.id);
    add_data(buffer, "kind", node.kind);
    add_data(buffer, "country", node.country);
    add_data(buffer, "sector", node.sector);
    add_data(buffer, "code", node.code);
    add_data(buffer, "mentions", std::to_string(node.mentions));
    add_data(buffer, "first", graph::iso_from_day(node.first_day));
    add_data(buffer, "last", graph::iso_from_day(node.last_day));
    const Rgb colour = kind_colour(node.kind);
    add_data(buffer, "r", std::to_string(colour.r));
    add_data(buffer, "g", std::to_string(colour.g));
    add_data(buffer, "b", std::to_string(colour.b));
    buffer += "    </node>\n";
    flush_if_large(buffer, out);
  }

  const std::vector<graph::Edge> edges = graph.sorted_edges();
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const graph::Edge e = edges[i];
    const graph::EdgeData& edge = g[e];
    buffer += "    <edge id=\"e";
    buffer += std::to_string(i);
    buffer += "\" source=\"n";
    buffer += std::to_string(index_of[boost::source(e, g)]);
    buffer += "\" target=\"n";
    buffer += std::to_string(index_of[boost::target(e, g)]);
    buffer += "\">\n";
    const std::uint64_t count = edge.count();
    add_data(buffer, "e_label", edge.label.empty() ? edge.key : edge.label);
    add_data(buffer, "e_weight", format_double(static_cast<double>(count)));
    add_data(buffer, "e_kind", graph::to_string(edge.kind));
    add_data(buffer, "e_code", edge.key);
    if (edge.kind == graph::EdgeKind::kEvent) {
      add_data(buffer, "e_plover", edge.plover);
      if (edge.quad_class != 0) add_data(buffer, "e_quad_class", std::to_string(edge.quad_class));
      const double goldstein = edge.mean_goldstein();
      if (count > 0 && std::isfinite(goldstein)) add_data(buffer, "e_goldstein", format_double(goldstein));
    }
    add_data(buffer, "e_first", graph::iso_from_day(edge.first_day()));
    add_data(buffer, "e_last", graph::iso_from_day(edge.last_day()));
    add_data(buffer, "e_count", std::to_string(count));
    buffer += "    </edge>\n";
    flush_if_large(buffer, out);
  }
  buffer += "  </graph>\n</graphml>\n";
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
}

}  // namespace geokg::exporter
