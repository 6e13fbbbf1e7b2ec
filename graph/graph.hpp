// The actor graph: actors as vertices, one aggregated edge per (source, target, key) where the key
// is the CAMEO code for events, "said-about" for statements and the label for static relations.
// Each edge keeps aggregates of its evidence, not the evidence itself (that is in the store): a
// count, the Goldstein sum in hundredths (an integer, so the mean does not depend on the order
// documents or shards arrive in), counts per quad class and per day. Memory grows with actors,
// edges and the days they span, not with the corpus. Adding the same document twice adds nothing.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "extract/dates.hpp"
#include "extract/error.hpp"
#include "extract/records.hpp"

namespace geokg::graph {

enum class EdgeKind { kEvent, kStatement, kRelation };
const char* to_string(EdgeKind kind);

// Days since 1970-01-01 of the first day of a date's period; kNoDay when unknown.
using extract::day_number;
using extract::iso_from_day;
using extract::kNoDay;

struct ActorNode {
  std::string id;
  std::string name;
  std::string kind;
  std::string country;
  std::string sector;
  std::string code;
  std::uint64_t mentions = 0;
  std::int32_t first_day = kNoDay;  // first and last dated appearance (mention or edge)
  std::int32_t last_day = kNoDay;
};

struct EdgeData {
  EdgeKind kind = EdgeKind::kEvent;
  std::string key;     // CAMEO code | "said-about" | relation label
  std::string label;   // readable: CAMEO label, "said about", "role of"
  std::string plover;  // events only
  int quad_class = 0;  // events only (of the code)

  // One piece of evidence: its day (kNoDay when undated), Goldstein weight (0 for statements and
  // relations) and quad class (0 for statements and relations).
  void add_evidence(std::int32_t day, double goldstein, int evidence_quad_class);
  // Adds the aggregates of another edge (a shard's).
  void add_aggregates(const EdgeData& other);

  std::uint64_t count() const { return count_; }
  double mean_goldstein() const;
  const std::array<std::uint64_t, 4>& quad_counts() const { return quad_counts_; }
  std::int32_t first_day() const;  // kNoDay when no dated evidence
  std::int32_t last_day() const;
  const std::map<std::int32_t, std::uint64_t>& count_by_day() const { return count_by_day_; }  // dated only

 private:
  std::uint64_t count_ = 0;
  std::int64_t goldstein_hundredths_ = 0;
  std::array<std::uint64_t, 4> quad_counts_{};
  std::map<std::int32_t, std::uint64_t> count_by_day_;
};

using AdjacencyList =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, ActorNode, EdgeData>;
using Vertex = AdjacencyList::vertex_descriptor;
using Edge = AdjacencyList::edge_descriptor;

struct GraphOptions {
  // Hypothetical, future and conditional events and negated ones are kept out by default: the
  // graph shows what happened (asserted) or was reported to have happened.
  bool include_unreal_events = false;
};

class Graph {
 public:
  explicit Graph(GraphOptions options = {}) : options_(options) {}
  // Copies rebuild the edge index: Boost edge descriptors point into their own graph's storage.
  Graph(const Graph& other);
  Graph& operator=(const Graph& other);
  Graph(Graph&&) = default;
  Graph& operator=(Graph&&) = default;

  // Adds one document's records; content_hash identifies the document's text. Returns false and
  // adds nothing when a document with that hash was added before.
  bool add_document(const extract::DocumentRecords& records, std::string_view content_hash);

  // Adds every vertex and edge of other. Shards of one corpus share no document; when the two
  // graphs share documents, other's mention counts and edge aggregates are left out rather than
  // counted twice (its actors, edges and dates are still added).
  void merge(const Graph& other);

  const AdjacencyList& adjacency() const { return graph_; }
  std::size_t actor_count() const { return boost::num_vertices(graph_); }
  std::size_t edge_count() const { return boost::num_edges(graph_); }
  std::size_t document_count() const { return documents_.size(); }

  // Deterministic orders for exporters: vertices by id; edges by (source id, target id, kind, key).
  std::vector<Vertex> sorted_vertices() const;
  std::vector<Edge> sorted_edges() const;

 private:
  Vertex vertex_for(const extract::ActorRef& actor);
  Vertex vertex_for(const ActorNode& node);
  EdgeData& edge_for(Vertex source, Vertex target, EdgeKind kind, const std::string& key);
  void rebuild_index();

  GraphOptions options_;
  AdjacencyList graph_;
  std::unordered_map<std::string, Vertex> vertex_by_id_;
  std::map<std::tuple<Vertex, Vertex, int, std::string>, Edge> edge_by_key_;
  std::set<std::string> documents_;
};

}  // namespace geokg::graph
