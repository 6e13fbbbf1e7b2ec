#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "export/gexf.hpp"
#include "tests/export/export_fixtures.hpp"

using geokg::exporter::write_gexf;
namespace t = geokg::test;

namespace {

std::string gexf_of(const geokg::graph::Graph& graph) {
  std::ostringstream out;
  write_gexf(graph, out);
  return out.str();
}

// The text of the element that starts with head, up to its closing tag.
std::string element(const std::string& xml, const std::string& head, const std::string& close) {
  const auto at = xml.find(head);
  if (at == std::string::npos) return {};
  return xml.substr(at, xml.find(close, at) - at);
}

}  // namespace

TEST_CASE("gexf is a dynamic directed 1.3 graph with typed attributes", "[export][gexf]") {
  const std::string xml = gexf_of(t::sample_graph());
  CHECK(xml.find("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\"") != std::string::npos);
  CHECK(xml.find("version=\"1.3\">") != std::string::npos);
  CHECK(xml.find("<graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">") != std::string::npos);
  CHECK(xml.find("<attributes class=\"node\" mode=\"static\">") != std::string::npos);
  CHECK(xml.find("<attribute id=\"goldstein\" title=\"goldstein\" type=\"double\"/>") != std::string::npos);
  CHECK(xml.find("<attributes class=\"edge\" mode=\"dynamic\">\n      <attribute id=\"weight\" title=\"weight\" "
                 "type=\"double\"/>") != std::string::npos);
  CHECK(xml.find("<nodes count=\"7\">") != std::string::npos);
  CHECK(xml.find("<edges count=\"6\">") != std::string::npos);
  CHECK(xml.find("lastmodifieddate") == std::string::npos);  // no timestamps: deterministic
}

TEST_CASE("gexf nodes have a spell from first to last appearance and their kind colour", "[export][gexf]") {
  const std::string xml = gexf_of(t::sample_graph());
  const std::string putin = element(xml, "<node id=\"n6\" label=\"Vladimir Putin\">", "</node>");
  REQUIRE_FALSE(putin.empty());
  CHECK(putin.find("<attvalue for=\"actor\" value=\"vladimir-putin\"/>") != std::string::npos);
  CHECK(putin.find("<attvalue for=\"mentions\" value=\"3\"/>") != std::string::npos);
  CHECK(putin.find("<spells>\n          <spell start=\"2025-08-15\" end=\"2025-08-16\"/>\n        </spells>") !=
        std::string::npos);
  CHECK(putin.find("<viz:color r=\"230\" g=\"159\" b=\"0\"/>") != std::string::npos);
  // No dated appearance: no spell, so Gephi shows the actor at all times.
  const std::string odd = element(xml, "<node id=\"n0\" label=\"Acme &lt;&amp;&gt;&quot;&apos; Group\">", "</node>");
  REQUIRE_FALSE(odd.empty());
  CHECK(odd.find("<spells>") == std::string::npos);
  CHECK(odd.find("<viz:color r=\"0\" g=\"158\" b=\"115\"/>") != std::string::npos);
  CHECK(xml.find('\f') == std::string::npos);
}

TEST_CASE("gexf edges have a spell and a dynamic weight per evidence day", "[export][gexf]") {
  const std::string xml = gexf_of(t::sample_graph());
  const std::string host =
      element(xml, "source=\"n6\" target=\"n1\" label=\"Host a visit\" kind=\"043\" weight=\"2\">", "</edge>");
  REQUIRE_FALSE(host.empty());
  CHECK(host.find("<attvalue for=\"count\" value=\"2\"/>") != std::string::npos);
  CHECK(host.find("<attvalue for=\"weight\" value=\"1\" start=\"2025-08-15\" end=\"2025-08-15\"/>\n"
                  "          <attvalue for=\"weight\" value=\"1\" start=\"2025-08-16\" end=\"2025-08-16\"/>") !=
        std::string::npos);
  CHECK(host.find("<spells>\n          <spell start=\"2025-08-15\" end=\"2025-08-15\"/>\n"
                  "          <spell start=\"2025-08-16\" end=\"2025-08-16\"/>\n        </spells>") != std::string::npos);
  const std::string praise = element(xml, "kind=\"051\" weight=\"1\">", "</edge>");
  REQUIRE_FALSE(praise.empty());
  CHECK(praise.find("<attvalue for=\"goldstein\" value=\"3.4\"/>") != std::string::npos);
  // Undated evidence counts in the weight but has no spell.
  const std::string odd = element(xml, "source=\"n0\" target=\"n2\"", "</edge>");
  REQUIRE_FALSE(odd.empty());
  CHECK(odd.find("weight=\"1\"") != std::string::npos);
  CHECK(odd.find("<spells>") == std::string::npos);
  CHECK(odd.find("for=\"weight\"") == std::string::npos);
}

TEST_CASE("gexf keeps several evidence items of one day in one spell", "[export][gexf]") {
  auto s = t::summit_day_one();
  auto again = s.records.events.front();
  again.sentence = 3;  // a second report of the same visit in the same document
  again.trigger.span.begin += 1000;
  s.records.events.push_back(again);
  geokg::graph::Graph graph;
  graph.add_document(s.records, s.hash);
  const std::string xml = gexf_of(graph);
  const std::string host = element(xml, "kind=\"043\" weight=\"2\">", "</edge>");
  REQUIRE_FALSE(host.empty());
  CHECK(host.find("<attvalue for=\"weight\" value=\"2\" start=\"2025-08-15\" end=\"2025-08-15\"/>") != std::string::npos);
  CHECK(host.find("<spell start=\"2025-08-15\" end=\"2025-08-15\"/>\n        </spells>") != std::string::npos);
}

TEST_CASE("gexf node spells cover the days of their edges", "[export][gexf]") {
  // Gephi hides an edge while one of its ends does not exist.
  auto s = t::summit_day_one();
  s.records.relations.front().date = t::day("2025-08-20");
  geokg::graph::Graph graph;
  graph.add_document(s.records, s.hash);
  const std::string xml = gexf_of(graph);
  const std::string lavrov = element(xml, "label=\"Sergey Lavrov\">", "</node>");
  REQUIRE_FALSE(lavrov.empty());
  CHECK(lavrov.find("<spell start=\"2025-08-15\" end=\"2025-08-20\"/>") != std::string::npos);
  const std::string role = element(xml, "kind=\"role_of\"", "</edge>");
  CHECK(role.find("<spell start=\"2025-08-20\" end=\"2025-08-20\"/>") != std::string::npos);
}

TEST_CASE("gexf output is deterministic", "[export][gexf]") {
  const auto graph = t::sample_graph();
  CHECK(gexf_of(graph) == gexf_of(graph));
  geokg::graph::Graph reversed;
  for (const auto& s : {t::undated_odd_names(), t::summit_day_two(), t::summit_day_one()}) {
    reversed.add_document(s.records, s.hash);
  }
  CHECK(gexf_of(reversed) == gexf_of(graph));
}

TEST_CASE("gexf validates against the GEXF 1.3 schema", "[export][gexf]") {
  const std::string validator = t::graph_validator();
  if (validator.empty()) {
    WARN("skipped: ../shared/validate-graph or xmllint not available");
    return;
  }
  t::TempDir dir;
  const std::string path = dir.file("sample.gexf");
  t::write_file(path, gexf_of(t::sample_graph()));
  const int status = t::run("'" + validator + "' '" + path + "' 2>'" + dir.file("log") + "'");
  INFO(t::read_file(dir.file("log")));
  CHECK(status == 0);
  // Without nodes there is no viz: element, so the script checks the XSD instead of RELAX NG.
  const std::string empty = dir.file("empty.gexf");
  t::write_file(empty, gexf_of(geokg::graph::Graph{}));
  CHECK(t::run("'" + validator + "' '" + empty + "' 2>/dev/null") == 0);
}

TEST_CASE("gexf reads back through a standard XML parser", "[export][gexf]") {
  // networkx (2.8) reads only GEXF 1.1/1.2 drafts, so the check uses Python's own XML parser.
  if (t::run("/usr/bin/python3 -c 'import xml.etree.ElementTree' >/dev/null 2>&1") != 0) {
    WARN("skipped: /usr/bin/python3 not available");
    return;
  }
  t::TempDir dir;
  const std::string path = dir.file("sample.gexf");
  t::write_file(path, gexf_of(t::sample_graph()));
  t::write_file(dir.file("check.py"), R"(import sys
import xml.etree.ElementTree as ET
ns = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
root = ET.parse(sys.argv[1]).getroot()
nodes = root.findall("g:graph/g:nodes/g:node", ns)
edges = root.findall("g:graph/g:edges/g:edge", ns)
print(len(nodes), len(edges), len(root.findall(".//g:spell", ns)), len(root.findall(".//viz:color", ns)))
print(nodes[0].get("label"))
)");
  const std::string out = dir.file("out.txt");
  const int status = t::run("/usr/bin/python3 '" + dir.file("check.py") + "' '" + path + "' >'" + out + "' 2>&1");
  INFO(t::read_file(out));
  REQUIRE(status == 0);
  // Spells: 5 dated actors; edges 043 (2 days), 051, 111 (dated), said-about, role_of.
  CHECK(t::read_file(out) == "7 6 11 7\nAcme <&>\"' Group\n");
}
