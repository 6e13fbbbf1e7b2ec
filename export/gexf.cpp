#include "export/gexf.hpp"

#include <cctype>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/range/iterator_range.hpp>

#include "export/xml.hpp"

namespace geokg::exporter {

namespace {

struct AttributeDecl {
  const char* id;
  const char* type;
  const char* default_value;  // nullptr: none
};

// Ids equal titles: Gephi uses the id as its column id, and none of these clash with its own
// columns (id, label, weight, timeset).
constexpr AttributeDecl kNodeAttributes[] = {
    {"actor", "string", nullptr},  {"kind", "string", nullptr}, {"country", "string", nullptr},
    {"sector", "string", nullptr}, {"code", "string", nullptr}, {"mentions", "long", "0"},
    {"first", "string", nullptr},  {"last", "string", nullptr},
};

constexpr AttributeDecl kEdgeAttributes[] = {
    {"kind", "string", nullptr},    {"code", "string", nullptr},     {"plover", "string", nullptr},
    {"quad_class", "integer", nullptr}, {"goldstein", "double", nullptr}, {"first", "string", nullptr},
    {"last", "string", nullptr},    {"count", "long", nullptr},
};

void declare(std::string& out, const char* domain, const char* mode, const AttributeDecl* begin,
             const AttributeDecl* end) {
  out += "    <attributes class=\"";
  out += domain;
  out += "\" mode=\"";
  out += mode;
  out += "\">\n";
  for (const AttributeDecl* a = begin; a != end; ++a) {
    out += "      <attribute id=\"";
    out += a->id;
    out += "\" title=\"";
    out += a->id;
    out += "\" type=\"";
    out += a->type;
    if (a->default_value == nullptr) {
      out += "\"/>\n";
    } else {
      out += "\">\n        <default>";
      out += a->default_value;
      out += "</default>\n      </attribute>\n";
    }
  }
  out += "    </attributes>\n";
}

void add_attvalue(std::string& out, const char* id, std::string_view value) {
  if (value.empty()) return;
  out += "          <attvalue for=\"";
  out += id;
  out += "\" value=\"";
  append_xml_escaped(out, value, true);
  out += "\"/>\n";
}

// xsd:date needs exactly YYYY-MM-DD here; anything else (a year beyond 9999) gets no spell.
bool is_iso_day(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == 4 || i == 7) continue;
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

void add_spell(std::string& out, std::string_view start, std::string_view end) {
  out += "          <spell start=\"";
  out += start;
  out += "\" end=\"";
  out += end;
  out += "\"/>\n";
}

// The node's spell: its first to last dated appearance, widened to cover the days of its edges,
// because Gephi shows an edge only while both its ends exist. Empty strings when undated.
std::pair<std::string, std::string> node_spell(const graph::AdjacencyList& g, graph::Vertex v) {
  const graph::ActorNode& node = g[v];
  if (node.first_day == graph::kNoDay || node.last_day == graph::kNoDay) return {};
  std::int32_t first = node.first_day;
  std::int32_t last = node.last_day;
  const auto widen = [&](const graph::EdgeData& edge) {
    const std::int32_t edge_first = edge.first_day();
    const std::int32_t edge_last = edge.last_day();
    if (edge_first != graph::kNoDay && edge_first < first) first = edge_first;
    if (edge_last != graph::kNoDay && edge_last > last) last = edge_last;
  };
  for (const auto e : boost::make_iterator_range(boost::out_edges(v, g))) widen(g[e]);
  for (const auto e : boost::make_iterator_range(boost::in_edges(v, g))) widen(g[e]);
  return {graph::iso_from_day(first), graph::iso_from_day(last)};
}

void flush_if_large(std::string& buffer, std::ostream& out) {
  if (buffer.size() < (1u << 16)) return;
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  buffer.clear();
}

}  // namespace

void write_gexf(const graph::Graph& graph, std::ostream& out) {
  const auto& g = graph.adjacency();
  std::string buffer;
  buffer.reserve(1u << 17);
  buffer +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
      "  <meta>\n"
      "    <creator>geokg</creator>\n"
      "    <description>actors and the events, statements and relations between them, "
      "extracted from news text</description>\n"
      "  </meta>\n"
      "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">\n";
  declare(buffer, "node", "static", std::begin(kNodeAttributes), std::end(kNodeAttributes));
  declare(buffer, "edge", "static", std::begin(kEdgeAttributes), std::end(kEdgeAttributes));
  // The reserved title "weight" makes this the edges' dynamic weight in Gephi.
  static constexpr AttributeDecl kWeight[] = {{"weight", "double", nullptr}};
  declare(buffer, "edge", "dynamic", std::begin(kWeight), std::end(kWeight));

  const std::vector<graph::Vertex> vertices = graph.sorted_vertices();
  std::vector<std::size_t> index_of(boost::num_vertices(g));
  for (std::size_t i = 0; i < vertices.size(); ++i) index_of[vertices[i]] = i;

  buffer += "    <nodes count=\"";
  buffer += std::to_string(vertices.size());
  buffer += "\">\n";
  for (std::size_t i = 0; i < vertices.size(); ++i) {
    const graph::ActorNode& node = g[vertices[i]];
    buffer += "      <node id=\"n";
    buffer += std::to_string(i);
    buffer += "\" label=\"";
    append_xml_escaped(buffer, node.name.empty() ? node.id : node.name, true);
    buffer += "\">\n        <attvalues>\n";
    const std::string first = graph::iso_from_day(node.first_day);
    const std::string last = graph::iso_from_day(node.last_day);
    const auto [spell_first, spell_last] = node_spell(g, vertices[i]);
    add_attvalue(buffer, "actor", node.id);
    add_attvalue(buffer, "kind", node.kind);
    add_attvalue(buffer, "country", node.country);
    add_attvalue(buffer, "sector", node.sector);
    add_attvalue(buffer, "code", node.code);
    add_attvalue(buffer, "mentions", std::to_string(node.mentions));
    add_attvalue(buffer, "first", first);
    add_attvalue(buffer, "last", last);
    buffer += "        </attvalues>\n";
    if (is_iso_day(spell_first) && is_iso_day(spell_last)) {
      buffer += "        <spells>\n";
      add_spell(buffer, spell_first, spell_last);
      buffer += "        </spells>\n";
    }
    const Rgb colour = kind_colour(node.kind);
    buffer += "        <viz:color r=\"";
    buffer += std::to_string(colour.r);
    buffer += "\" g=\"";
    buffer += std::to_string(colour.g);
    buffer += "\" b=\"";
    buffer += std::to_string(colour.b);
    buffer += "\"/>\n      </node>\n";
    flush_if_large(buffer, out);
  }
  buffer += "    </nodes>\n";

  const std::vector<graph::Edge> edges = graph.sorted_edges();
  buffer += "    <edges count=\"";
  buffer += std::to_string(edges.size());
  buffer += "\">\n";
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const graph::Edge e = edges[i];
    const graph::EdgeData& edge = g[e];
    const std::uint64_t count = edge.count();
    buffer += "      <edge id=\"e";
    buffer += std::to_string(i);
    buffer += "\" source=\"n";
    buffer += std::to_string(index_of[boost::source(e, g)]);
    buffer += "\" target=\"n";
    buffer += std::to_string(index_of[boost::target(e, g)]);
    buffer += "\" label=\"";
    append_xml_escaped(buffer, edge.label.empty() ? edge.key : edge.label, true);
    buffer += "\" kind=\"";
    append_xml_escaped(buffer, edge.key, true);
    buffer += "\" weight=\"";
    buffer += format_double(static_cast<double>(count));
    buffer += "\">\n        <attvalues>\n";
    add_attvalue(buffer, "kind", graph::to_string(edge.kind));
    add_attvalue(buffer, "code", edge.key);
    if (edge.kind == graph::EdgeKind::kEvent) {
      add_attvalue(buffer, "plover", edge.plover);
      if (edge.quad_class != 0) add_attvalue(buffer, "quad_class", std::to_string(edge.quad_class));
      const double goldstein = edge.mean_goldstein();
      if (count > 0 && std::isfinite(goldstein)) add_attvalue(buffer, "goldstein", format_double(goldstein));
    }
    add_attvalue(buffer, "first", graph::iso_from_day(edge.first_day()));
    add_attvalue(buffer, "last", graph::iso_from_day(edge.last_day()));
    add_attvalue(buffer, "count", std::to_string(count));
    std::vector<std::pair<std::string, std::uint64_t>> days;
    for (const auto& [day, day_count] : edge.count_by_day()) {
      std::string iso = graph::iso_from_day(day);
      if (is_iso_day(iso)) days.emplace_back(std::move(iso), day_count);
    }
    for (const auto& [iso, day_count] : days) {
      buffer += "          <attvalue for=\"weight\" value=\"";
      buffer += format_double(static_cast<double>(day_count));
      buffer += "\" start=\"";
      buffer += iso;
      buffer += "\" end=\"";
      buffer += iso;
      buffer += "\"/>\n";
    }
    buffer += "        </attvalues>\n";
    if (!days.empty()) {
      buffer += "        <spells>\n";
      for (const auto& day : days) add_spell(buffer, day.first, day.first);
      buffer += "        </spells>\n";
    }
    buffer += "      </edge>\n";
    flush_if_large(buffer, out);
  }
  buffer += "    </edges>\n  </graph>\n</gexf>\n";
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
}

}  // namespace geokg::exporter
