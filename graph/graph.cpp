#include "graph/graph.hpp"

#include <algorithm>
#include <cmath>

namespace geokg::graph {

const char* to_string(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::kEvent: return "event";
    case EdgeKind::kStatement: return "statement";
    case EdgeKind::kRelation: return "relation";
  }
  return "event";
}

void EdgeData::add_evidence(std::int32_t day, double goldstein, int evidence_quad_class) {
  ++count_;
  goldstein_hundredths_ += std::llround(goldstein * 100.0);
  if (evidence_quad_class >= 1 && evidence_quad_class <= 4) ++quad_counts_[static_cast<std::size_t>(evidence_quad_class - 1)];
  if (day != kNoDay) ++count_by_day_[day];
}

void EdgeData::add_aggregates(const EdgeData& other) {
  count_ += other.count_;
  goldstein_hundredths_ += other.goldstein_hundredths_;
  for (std::size_t q = 0; q < quad_counts_.size(); ++q) quad_counts_[q] += other.quad_counts_[q];
  for (const auto& [day, n] : other.count_by_day_) count_by_day_[day] += n;
}

double EdgeData::mean_goldstein() const {
  if (count_ == 0) return 0.0;
  // One division: the double nearest to the exact mean (6.4, not 6.3999999999999995).
  return static_cast<double>(goldstein_hundredths_) / (100.0 * static_cast<double>(count_));
}

std::int32_t EdgeData::first_day() const { return count_by_day_.empty() ? kNoDay : count_by_day_.begin()->first; }

std::int32_t EdgeData::last_day() const { return count_by_day_.empty() ? kNoDay : count_by_day_.rbegin()->first; }

namespace {

void widen(ActorNode& node, std::int32_t day) {
  if (day == kNoDay) return;
  if (node.first_day == kNoDay || day < node.first_day) node.first_day = day;
  if (node.last_day == kNoDay || day > node.last_day) node.last_day = day;
}

bool counts_as_real(const extract::EventRecord& event) {
  return !event.negated && (event.modality == extract::Modality::kAsserted ||
                            event.modality == extract::Modality::kReported);
}

}  // namespace

Graph::Graph(const Graph& other)
    : options_(other.options_), graph_(other.graph_), documents_(other.documents_) {
  rebuild_index();
}

Graph& Graph::operator=(const Graph& other) {
  if (this == &other) return *this;
  options_ = other.options_;
  graph_ = other.graph_;
  documents_ = other.documents_;
  rebuild_index();
  return *this;
}

void Graph::rebuild_index() {
  vertex_by_id_.clear();
  edge_by_key_.clear();
  for (auto v : boost::make_iterator_range(boost::vertices(graph_))) vertex_by_id_.emplace(graph_[v].id, v);
  for (auto e : boost::make_iterator_range(boost::edges(graph_))) {
    edge_by_key_.emplace(std::make_tuple(boost::source(e, graph_), boost::target(e, graph_),
                                         static_cast<int>(graph_[e].kind), graph_[e].key),
                         e);
  }
}

Vertex Graph::vertex_for(const extract::ActorRef& actor) {
  auto found = vertex_by_id_.find(actor.id);
  if (found != vertex_by_id_.end()) return found->second;
  ActorNode node;
  node.id = actor.id;
  node.name = actor.name;
  node.kind = actor.kind;
  node.country = actor.country;
  node.sector = actor.sector;
  node.code = actor.code;
  const Vertex v = boost::add_vertex(node, graph_);
  vertex_by_id_.emplace(actor.id, v);
  return v;
}

Vertex Graph::vertex_for(const ActorNode& other) {
  auto found = vertex_by_id_.find(other.id);
  if (found != vertex_by_id_.end()) return found->second;
  ActorNode node = other;
  node.mentions = 0;
  node.first_day = kNoDay;
  node.last_day = kNoDay;
  const Vertex v = boost::add_vertex(node, graph_);
  vertex_by_id_.emplace(other.id, v);
  return v;
}

EdgeData& Graph::edge_for(Vertex source, Vertex target, EdgeKind kind, const std::string& key) {
  auto map_key = std::make_tuple(source, target, static_cast<int>(kind), key);
  auto found = edge_by_key_.find(map_key);
  if (found != edge_by_key_.end()) return graph_[found->second];
  EdgeData data;
  data.kind = kind;
  data.key = key;
  auto [edge, added] = boost::add_edge(source, target, data, graph_);
  GEOKG_ASSERT(added);
  edge_by_key_.emplace(std::move(map_key), edge);
  return graph_[edge];
}

bool Graph::add_document(const extract::DocumentRecords& records, std::string_view content_hash) {
  if (!documents_.emplace(content_hash).second) return false;
  for (const auto& mention : records.mentions) {
    ActorNode& node = graph_[vertex_for(mention.actor)];
    ++node.mentions;
    widen(node, day_number(mention.date.value));
  }
  for (const auto& event : records.events) {
    if (!event.target || event.target->id == event.source.id) continue;
    if (!options_.include_unreal_events && !counts_as_real(event)) continue;
    const Vertex s = vertex_for(event.source);
    const Vertex t = vertex_for(*event.target);
    EdgeData& edge = edge_for(s, t, EdgeKind::kEvent, event.code);
    edge.label = event.label;
    edge.plover = event.plover;
    edge.quad_class = event.quad_class;
    const std::int32_t day = day_number(event.date.value);
    edge.add_evidence(day, event.goldstein, event.quad_class);
    widen(graph_[s], day);
    widen(graph_[t], day);
  }
  for (const auto& statement : records.statements) {
    if (!statement.speaker) continue;
    const Vertex s = vertex_for(*statement.speaker);
    for (const auto& about : statement.about) {
      if (about.actor.id == statement.speaker->id) continue;
      const Vertex t = vertex_for(about.actor);
      EdgeData& edge = edge_for(s, t, EdgeKind::kStatement, "said-about");
      edge.label = "said about";
      const std::int32_t day = day_number(statement.date.value);
      edge.add_evidence(day, 0.0, 0);
      widen(graph_[s], day);
      widen(graph_[t], day);
    }
  }
  for (const auto& relation : records.relations) {
    if (relation.source.id == relation.target.id) continue;
    const Vertex s = vertex_for(relation.source);
    const Vertex t = vertex_for(relation.target);
    EdgeData& edge = edge_for(s, t, EdgeKind::kRelation, relation.label);
    edge.label = relation.title.empty() ? relation.label : relation.title;
    edge.add_evidence(day_number(relation.date.value), 0.0, 0);
    widen(graph_[s], day_number(relation.date.value));
    widen(graph_[t], day_number(relation.date.value));
  }
  return true;
}

void Graph::merge(const Graph& other) {
  // Neither mention counts nor edge aggregates are kept per document: when the sides share
  // documents the other side's are left out rather than counted twice (shards of one run never
  // share documents), which also makes merging the same graph twice a no-op.
  std::set<std::string> shared;
  std::set_intersection(documents_.begin(), documents_.end(), other.documents_.begin(),
                        other.documents_.end(), std::inserter(shared, shared.end()));
  for (auto v : boost::make_iterator_range(boost::vertices(other.graph_))) {
    const ActorNode& theirs = other.graph_[v];
    ActorNode& ours = graph_[vertex_for(theirs)];
    if (shared.empty()) {
      ours.mentions += theirs.mentions;
    }
    widen(ours, theirs.first_day);
    widen(ours, theirs.last_day);
  }
  for (auto e : boost::make_iterator_range(boost::edges(other.graph_))) {
    const EdgeData& theirs = other.graph_[e];
    const Vertex s = vertex_by_id_.at(other.graph_[boost::source(e, other.graph_)].id);
    const Vertex t = vertex_by_id_.at(other.graph_[boost::target(e, other.graph_)].id);
    EdgeData& ours = edge_for(s, t, theirs.kind, theirs.key);
    ours.label = theirs.label;
    ours.plover = theirs.plover;
    ours.quad_class = theirs.quad_class;
    if (shared.empty()) ours.add_aggregates(theirs);
  }
  documents_.insert(other.documents_.begin(), other.documents_.end());
}

std::vector<Vertex> Graph::sorted_vertices() const {
  std::vector<Vertex> result(boost::vertices(graph_).first, boost::vertices(graph_).second);
  std::sort(result.begin(), result.end(),
            [&](Vertex a, Vertex b) { return graph_[a].id < graph_[b].id; });
  return result;
}

std::vector<Edge> Graph::sorted_edges() const {
  std::vector<Edge> result;
  result.reserve(boost::num_edges(graph_));
  for (auto e : boost::make_iterator_range(boost::edges(graph_))) result.push_back(e);
  auto key = [&](const Edge& e) {
    return std::make_tuple(std::cref(graph_[boost::source(e, graph_)].id),
                           std::cref(graph_[boost::target(e, graph_)].id),
                           static_cast<int>(graph_[e].kind), std::cref(graph_[e].key));
  };
  std::sort(result.begin(), result.end(), [&](const Edge& a, const Edge& b) { return key(a) < key(b); });
  return result;
}

}  // namespace geokg::graph
