#include <catch2/catch.hpp>

#include "graph/graph.hpp"

using namespace geokg;

namespace {

extract::ActorRef actor(const std::string& id, const std::string& kind, const std::string& country) {
  extract::ActorRef a;
  a.id = id;
  a.name = id;
  a.kind = kind;
  a.country = country;
  a.code = country;
  a.text = id;
  return a;
}

extract::EventRecord event(const std::string& source, const std::string& target, const std::string& code, int quad,
                           double goldstein, std::uint32_t sentence, const std::string& date,
                           extract::Modality modality = extract::Modality::kAsserted) {
  extract::EventRecord e;
  e.sentence = sentence;
  e.source = actor(source, "state", "RUS");
  e.target = actor(target, "state", "USA");
  e.code = code;
  e.quad_class = quad;
  e.goldstein = goldstein;
  e.trigger.span = extract::Span{sentence * 10, sentence * 10 + 4};
  e.date.value = date;
  e.date.precision = extract::DatePrecision::kDay;
  e.modality = modality;
  return e;
}

extract::DocumentRecords document(const std::string& id, std::vector<extract::EventRecord> events) {
  extract::DocumentRecords r;
  r.doc = id;
  r.events = std::move(events);
  return r;
}

}  // namespace

TEST_CASE("events aggregate per dyad and code with their evidence", "[graph]") {
  graph::Graph g;
  CHECK(g.add_document(document("a", {event("russia", "united-states", "043", 1, 2.8, 0, "2025-08-15"),
                                      event("russia", "united-states", "043", 1, 2.8, 3, "2025-08-16"),
                                      event("russia", "united-states", "112", 3, -2.0, 4, "2025-08-16")}),
                       "hash-a"));
  CHECK(g.actor_count() == 2);
  CHECK(g.edge_count() == 2);
  const auto edges = g.sorted_edges();
  const auto& meet = g.adjacency()[edges[0]];
  CHECK(meet.key == "043");
  CHECK(meet.count() == 2);
  CHECK(graph::iso_from_day(meet.first_day()) == "2025-08-15");
  CHECK(graph::iso_from_day(meet.last_day()) == "2025-08-16");
  CHECK(meet.mean_goldstein() == Approx(2.8));
  CHECK(g.adjacency()[edges[1]].quad_counts()[2] == 1);
}

TEST_CASE("the same document twice adds nothing", "[graph]") {
  graph::Graph g;
  const auto doc = document("a", {event("russia", "united-states", "043", 1, 2.8, 0, "2025-08-15")});
  CHECK(g.add_document(doc, "hash-a"));
  CHECK_FALSE(g.add_document(doc, "hash-a"));
  CHECK(g.adjacency()[g.sorted_edges()[0]].count() == 1);
}

TEST_CASE("hypothetical and negated events stay out of the graph by default", "[graph]") {
  graph::Graph g;
  auto negated = event("russia", "united-states", "190", 4, -10, 1, "2025-08-15");
  negated.negated = true;
  g.add_document(document("a", {event("russia", "united-states", "190", 4, -10, 0, "2025-08-15",
                                      extract::Modality::kHypothetical),
                                negated}),
                 "hash-a");
  CHECK(g.edge_count() == 0);
  graph::Graph all(graph::GraphOptions{true});
  all.add_document(document("a", {event("russia", "united-states", "190", 4, -10, 0, "2025-08-15",
                                        extract::Modality::kHypothetical)}),
                   "hash-a");
  CHECK(all.edge_count() == 1);
}

TEST_CASE("merging shard graphs in any order gives the same graph", "[graph]") {
  const auto a = document("a", {event("russia", "united-states", "043", 1, 2.8, 0, "2025-08-15")});
  const auto b = document("b", {event("russia", "united-states", "043", 1, 2.8, 0, "2025-08-18"),
                                event("united-states", "russia", "163", 4, -8, 1, "2025-08-18")});
  graph::Graph whole, left, right;
  whole.add_document(a, "ha");
  whole.add_document(b, "hb");
  left.add_document(a, "ha");
  right.add_document(b, "hb");
  graph::Graph ab = left;
  ab.merge(right);
  graph::Graph ba = right;
  ba.merge(left);
  ba.merge(left);  // idempotent
  for (const graph::Graph* g : {&ab, &ba}) {
    REQUIRE(g->edge_count() == whole.edge_count());
    const auto we = whole.sorted_edges();
    const auto ge = g->sorted_edges();
    for (std::size_t i = 0; i < we.size(); ++i) {
      CHECK(g->adjacency()[ge[i]].key == whole.adjacency()[we[i]].key);
      CHECK(g->adjacency()[ge[i]].count() == whole.adjacency()[we[i]].count());
    }
  }
}
