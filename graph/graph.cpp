#include "graph/graph.hpp"

#include <algorithm>

namespace geokg::graph {

const char* to_string(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::kEvent: return "event";
    case EdgeKind::kStatement: return "statement";
    case EdgeKind::kRelation: return "relation";
  }
  return "event";
}

double EdgeData::mean_goldstein() const {
  if (evidence.empty()) return 0.0;
  double sum = 0.0;
  for (const auto& e : evidence) sum += static_cast<double>(e.goldstein);
  return sum / static_cast<double>(evidence.size());
}

std::array<std::uint64_t, 4> EdgeData::quad_counts() const {
  std::array<std::uint64_t, 4> counts{};
  for (const auto& e : evidence) {
    if (e.quad_class >= 1 && e.quad_class <= 4) ++counts[static_cast<std::size_t>(e.quad_class - 1)];
  }
  return counts;
}

std::int32_t EdgeData::first_day() const {
  std::int32_t best = kNoDay;
  for (const auto& e : evidence) {
    if (e.day != kNoDay && (best == kNoDay || e.day < best)) best = e.day;
  }
  return best;
}

std::int32_t EdgeData::last_day() const {
  std::int32_t best = kNoDay;
  for (const auto& e : evidence) {
    if (e.day != kNoDay && (best == kNoDay || e.day > best)) best = e.day;
  }
  return best;
}

std::map<std::int32_t, std::uint64_t> EdgeData::count_by_day() const {
  std::map<std::int32_t, std::uint64_t> counts;
  for (const auto& e : evidence) {
    if (e.day != kNoDay) ++counts[e.day];
  }
  return counts;
}

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

std::int8_t stance_value(extract::Stance stance) {
  switch (stance) {
    case extract::Stance::kPositive: return 1;
    case extract::Stance::kNegative: return -1;
    case extract::Stance::kNeutral: return 0;
  }
  return 0;
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
    Evidence evidence{records.doc, event.sentence, event.trigger.span.begin, day_number(event.date.value),
                      event.goldstein, static_cast<std::int8_t>(event.quad_class), 0};
    edge.evidence.insert(evidence);
    widen(graph_[s], evidence.day);
    widen(graph_[t], evidence.day);
  }
  for (const auto& statement : records.statements) {
    if (!statement.speaker) continue;
    const Vertex s = vertex_for(*statement.speaker);
    for (const auto& about : statement.about) {
      if (about.actor.id == statement.speaker->id) continue;
      const Vertex t = vertex_for(about.actor);
      EdgeData& edge = edge_for(s, t, EdgeKind::kStatement, "said-about");
      edge.label = "said about";
      Evidence evidence{records.doc, statement.sentence, statement.content_span.begin,
                        day_number(statement.date.value), 0.0, 0, stance_value(about.stance)};
      edge.evidence.insert(evidence);
      widen(graph_[s], evidence.day);
      widen(graph_[t], evidence.day);
    }
  }
  for (const auto& relation : records.relations) {
    if (relation.source.id == relation.target.id) continue;
    const Vertex s = vertex_for(relation.source);
    const Vertex t = vertex_for(relation.target);
    EdgeData& edge = edge_for(s, t, EdgeKind::kRelation, relation.label);
    edge.label = relation.title.empty() ? relation.label : relation.title;
    edge.evidence.insert(Evidence{records.doc, relation.sentence, relation.span.begin,
                                  day_number(relation.date.value), 0.0, 0, 0});
    widen(graph_[s], day_number(relation.date.value));
    widen(graph_[t], day_number(relation.date.value));
  }
  return true;
}

void Graph::merge(const Graph& other) {
  // Edge evidence is a set union, so documents present on both sides count once. Mention counts
  // are not kept per document; when the sides share documents the other side's counts are left
  // out rather than counted twice (shards of one run never share documents).
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
    ours.evidence.insert(theirs.evidence.begin(), theirs.evidence.end());
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
