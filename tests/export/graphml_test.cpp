#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "export/graphml.hpp"
#include "export/xml.hpp"
#include "tests/export/export_fixtures.hpp"

using geokg::exporter::write_graphml;
namespace t = geokg::test;

namespace {

std::string graphml_of(const geokg::graph::Graph& graph) {
  std::ostringstream out;
  write_graphml(graph, out);
  return out.str();
}

}  // namespace

TEST_CASE("graphml declares typed keys and writes nodes in id order", "[export][graphml]") {
  const std::string xml = graphml_of(t::sample_graph());
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"", 0) == 0);
  CHECK(xml.find("<key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"long\">") != std::string::npos);
  CHECK(xml.find("<key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\">") != std::string::npos);
  CHECK(xml.find("<key id=\"r\" for=\"node\" attr.name=\"r\" attr.type=\"int\"/>") != std::string::npos);
  CHECK(xml.find("<graph id=\"G\" edgedefault=\"directed\">") != std::string::npos);
  // Sorted by actor id: acme-group, donald-trump, nato, russia, sergey-lavrov, united-states, vladimir-putin.
  CHECK(xml.find("<node id=\"n0\">\n      <data key=\"label\">Acme &lt;&amp;&gt;&quot;&apos; Group</data>\n"
                 "      <data key=\"actor\">acme-group</data>") != std::string::npos);
  CHECK(xml.find("<node id=\"n6\">\n      <data key=\"label\">Vladimir Putin</data>\n"
                 "      <data key=\"actor\">vladimir-putin</data>\n      <data key=\"kind\">person</data>\n"
                 "      <data key=\"country\">RUS</data>\n      <data key=\"sector\">GOV</data>\n"
                 "      <data key=\"code\">RUSGOV</data>\n      <data key=\"mentions\">3</data>\n"
                 "      <data key=\"first\">2025-08-15</data>\n      <data key=\"last\">2025-08-16</data>\n"
                 "      <data key=\"r\">230</data>\n      <data key=\"g\">159</data>\n      <data key=\"b\">0</data>\n"
                 "    </node>") != std::string::npos);
  CHECK(xml.find("<node id=\"n7\"") == std::string::npos);
  CHECK(xml.find('\f') == std::string::npos);
  CHECK(xml.find('\x01') == std::string::npos);
}

TEST_CASE("graphml edges carry count, weight, dates and the mean Goldstein score", "[export][graphml]") {
  const auto graph = t::sample_graph();
  const std::string xml = graphml_of(graph);
  // vladimir-putin (n6) -> donald-trump (n1), 043 on two days.
  const auto at = xml.find("source=\"n6\" target=\"n1\">\n      <data key=\"e_label\">Host a visit</data>");
  REQUIRE(at != std::string::npos);
  const std::string edge = xml.substr(at, xml.find("</edge>", at) - at);
  CHECK(edge.find("<data key=\"e_weight\">2</data>") != std::string::npos);
  CHECK(edge.find("<data key=\"e_kind\">event</data>") != std::string::npos);
  CHECK(edge.find("<data key=\"e_code\">043</data>") != std::string::npos);
  CHECK(edge.find("<data key=\"e_plover\">CONSULT</data>") != std::string::npos);
  CHECK(edge.find("<data key=\"e_quad_class\">1</data>") != std::string::npos);
  CHECK(edge.find("<data key=\"e_first\">2025-08-15</data>") != std::string::npos);
  CHECK(edge.find("<data key=\"e_last\">2025-08-16</data>") != std::string::npos);
  CHECK(edge.find("<data key=\"e_count\">2</data>") != std::string::npos);
  // Full precision: the text reads back as exactly the graph's mean.
  const auto g_at = edge.find("<data key=\"e_goldstein\">");
  REQUIRE(g_at != std::string::npos);
  const auto g_begin = g_at + std::string("<data key=\"e_goldstein\">").size();
  const double goldstein = std::stod(edge.substr(g_begin, edge.find('<', g_begin) - g_begin));
  CHECK(goldstein == 2.8);
  // Statements and relations have no Goldstein score or quad class.
  const auto said = xml.find("<data key=\"e_kind\">statement</data>");
  REQUIRE(said != std::string::npos);
  const std::string statement = xml.substr(said, xml.find("</edge>", said) - said);
  CHECK(statement.find("e_goldstein") == std::string::npos);
  CHECK(statement.find("<data key=\"e_code\">said-about</data>") != std::string::npos);
  // The undated edge has no first/last.
  const auto undated = xml.find("source=\"n0\" target=\"n2\">");
  REQUIRE(undated != std::string::npos);
  const std::string odd = xml.substr(undated, xml.find("</edge>", undated) - undated);
  CHECK(odd.find("e_first") == std::string::npos);
  CHECK(odd.find("<data key=\"e_goldstein\">-2</data>") != std::string::npos);
}

TEST_CASE("graphml output is deterministic", "[export][graphml]") {
  const auto graph = t::sample_graph();
  CHECK(graphml_of(graph) == graphml_of(graph));
  // Another insertion order gives the same bytes.
  geokg::graph::Graph reversed;
  for (const auto& s : {t::undated_odd_names(), t::summit_day_two(), t::summit_day_one()}) {
    reversed.add_document(s.records, s.hash);
  }
  CHECK(graphml_of(reversed) == graphml_of(graph));
}

TEST_CASE("an empty graph is still a valid graphml document", "[export][graphml]") {
  const std::string xml = graphml_of(geokg::graph::Graph{});
  CHECK(xml.find("<graph id=\"G\" edgedefault=\"directed\">\n  </graph>\n</graphml>\n") != std::string::npos);
}

TEST_CASE("graphml validates against the GraphML 1.1 schema", "[export][graphml]") {
  const std::string validator = t::graph_validator();
  if (validator.empty()) {
    WARN("skipped: ../shared/validate-graph or xmllint not available");
    return;
  }
  t::TempDir dir;
  const std::string path = dir.file("sample.graphml");
  t::write_file(path, graphml_of(t::sample_graph()));
  const int status = t::run("'" + validator + "' '" + path + "' 2>'" + dir.file("log") + "'");
  INFO(t::read_file(dir.file("log")));
  CHECK(status == 0);
  const std::string empty = dir.file("empty.graphml");
  t::write_file(empty, graphml_of(geokg::graph::Graph{}));
  CHECK(t::run("'" + validator + "' '" + empty + "' 2>/dev/null") == 0);
}

TEST_CASE("graphml loads in networkx with types and names intact", "[export][graphml]") {
  if (!t::python_has_networkx()) {
    WARN("skipped: /usr/bin/python3 with networkx not available");
    return;
  }
  t::TempDir dir;
  const std::string path = dir.file("sample.graphml");
  t::write_file(path, graphml_of(t::sample_graph()));
  t::write_file(dir.file("check.py"), R"(import sys
import networkx as nx
g = nx.read_graphml(sys.argv[1], force_multigraph=True)
by_actor = {d["actor"]: d for _, d in g.nodes(data=True)}
odd = by_actor["acme-group"]
putin = by_actor["vladimir-putin"]
weights = sorted(d["weight"] for _, _, d in g.edges(data=True))
host = [d for _, _, d in g.edges(data=True) if d.get("code") == "043"][0]
print(g.number_of_nodes(), g.number_of_edges(), g.is_directed())
print(repr(odd["label"]), odd["kind"], putin["mentions"], type(putin["mentions"]).__name__, putin["r"])
print(weights, type(host["weight"]).__name__, host["count"], host["quad_class"], host["first"], host["last"])
)");
  const std::string out = dir.file("out.txt");
  REQUIRE(t::run("/usr/bin/python3 '" + dir.file("check.py") + "' '" + path + "' >'" + out + "' 2>&1") == 0);
  CHECK(t::read_file(out) ==
        "7 6 True\n"
        "'Acme <&>\"\\' Group' organisation 3 int 230\n"
        "[1.0, 1.0, 1.0, 1.0, 1.0, 2.0] float 2 1 2025-08-15 2025-08-16\n");
}
