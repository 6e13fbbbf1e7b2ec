#include "export/store_reader.hpp"

#include <cmath>
#include <unordered_map>

#include <sqlite3.h>

#include "extract/error.hpp"

namespace geokg::exporter {

namespace {

constexpr int kApplicationId = 0x67656f6b;  // "geok", set by schemas/store.sql
constexpr int kSchemaVersion = 2;  // version 1 (no actors.mentions) is read as well

class Statement {
 public:
  Statement(sqlite3* db, const char* name, const char* sql) : db_(db), name_(name) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) fail("prepare");
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  void bind(int index, std::string_view text) {
    if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK) {
      fail("bind");
    }
  }
  void bind_null(int index) { sqlite3_bind_null(stmt_, index); }
  void bind_integer(int index, std::int64_t value) {
    if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail("bind");
  }
  void bind_or_null(int index, std::string_view text) {
    if (text.empty()) bind_null(index);
    else bind(index, text);
  }
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) fail("step");
    return false;
  }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p == nullptr ? std::string() : std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
  }
  std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
  double real(int column) const { return sqlite3_column_double(stmt_, column); }

 private:
  [[noreturn]] void fail(const char* what) const {
    throw InputError(std::string("store query \"") + name_ + "\": " + what + ": " + sqlite3_errmsg(db_));
  }

  sqlite3* db_;
  const char* name_;
  sqlite3_stmt* stmt_ = nullptr;
};

std::string json_array(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const auto& item : items) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (char c : item) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "]";
}

extract::DatePrecision precision_of(const std::string& s) {
  if (s == "day") return extract::DatePrecision::kDay;
  if (s == "month") return extract::DatePrecision::kMonth;
  if (s == "year") return extract::DatePrecision::kYear;
  return extract::DatePrecision::kUnknown;
}

extract::DateOrigin origin_of(const std::string& s) {
  if (s == "explicit") return extract::DateOrigin::kExplicit;
  if (s == "relative") return extract::DateOrigin::kRelative;
  return extract::DateOrigin::kDocument;
}

extract::Modality modality_of(const std::string& s) {
  if (s == "reported") return extract::Modality::kReported;
  if (s == "future") return extract::Modality::kFuture;
  if (s == "hypothetical") return extract::Modality::kHypothetical;
  if (s == "conditional") return extract::Modality::kConditional;
  return extract::Modality::kAsserted;
}

extract::Stance stance_of(const std::string& s) {
  if (s == "positive") return extract::Stance::kPositive;
  if (s == "negative") return extract::Stance::kNegative;
  return extract::Stance::kNeutral;
}

extract::Date date_of(const std::string& value, const std::string& precision, const std::string& origin) {
  extract::Date d;
  d.value = value;
  d.precision = precision_of(precision);
  d.origin = origin_of(origin);
  return d;
}

// Mentions keep only the date value: its length is its precision.
extract::Date date_of_value(const std::string& value) {
  extract::Date d;
  d.value = value;
  d.precision = value.size() == 10  ? extract::DatePrecision::kDay
                : value.size() == 7 ? extract::DatePrecision::kMonth
                : value.size() == 4 ? extract::DatePrecision::kYear
                                    : extract::DatePrecision::kUnknown;
  return d;
}

extract::Span span_of(std::int64_t begin, std::int64_t end) {
  return extract::Span{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
}

// "[[1,5],[9,12]]" as written by the store.
std::vector<extract::Span> parse_parts(const std::string& json) {
  std::vector<extract::Span> parts;
  std::int64_t numbers[2] = {0, 0};
  int count = 0;
  std::int64_t current = -1;
  for (char c : json) {
    if (c >= '0' && c <= '9') {
      current = (current < 0 ? 0 : current * 10) + (c - '0');
      continue;
    }
    if (current >= 0) {
      if (count < 2) numbers[count++] = current;
      current = -1;
    }
    if (c == ']' && count == 2) {
      parts.push_back(span_of(numbers[0], numbers[1]));
      count = 0;
    }
  }
  return parts;
}

}  // namespace

struct StoreReader::Impl {
  sqlite3* db = nullptr;
  std::int64_t version = 0;
};

StoreReader::StoreReader(const std::string& path) : impl_(std::make_unique<Impl>()) {
  if (sqlite3_open_v2(path.c_str(), &impl_->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    const std::string message = impl_->db != nullptr ? sqlite3_errmsg(impl_->db) : "out of memory";
    sqlite3_close(impl_->db);
    impl_->db = nullptr;
    throw InputError(path + ": cannot open store: " + message);
  }
  try {
    Statement app(impl_->db, "application_id", "PRAGMA application_id");
    const std::int64_t id = app.step() ? app.integer(0) : 0;
    Statement version(impl_->db, "user_version", "PRAGMA user_version");
    const std::int64_t v = version.step() ? version.integer(0) : 0;
    if (id != kApplicationId) throw InputError(path + ": not a geokg store, expected one written by geokg build");
    impl_->version = v;
    if (v != kSchemaVersion && v != 1) {
      throw InputError(path + ": store schema version " + std::to_string(v) + ", expected " +
                       std::to_string(kSchemaVersion));
    }
  } catch (const InputError& e) {
    sqlite3_close(impl_->db);
    impl_->db = nullptr;
    const std::string message = e.what();
    if (message.find("store query") != std::string::npos) {
      throw InputError(path + ": not a geokg store (" + message + ")");
    }
    throw;
  }
}

StoreReader::~StoreReader() {
  if (impl_ && impl_->db != nullptr) sqlite3_close(impl_->db);
}

std::vector<ActorMatch> StoreReader::find_actors(std::string_view name) const {
  std::vector<ActorMatch> result;
  auto collect = [&](Statement& q) {
    while (q.step()) result.push_back(ActorMatch{q.text(0), q.text(1), q.text(2), q.text(3)});
  };
  Statement exact(impl_->db, "find actor",
                  "SELECT id, name, kind, coalesce(country, '') FROM actors"
                  " WHERE id = lower(?1) OR name = ?1 COLLATE NOCASE"
                  " OR id IN (SELECT actor FROM actor_aliases WHERE alias = ?1 COLLATE NOCASE)"
                  " ORDER BY id");
  exact.bind(1, name);
  collect(exact);
  if (!result.empty()) return result;
  Statement suffix(impl_->db, "find actor by last name",
                   "SELECT id, name, kind, coalesce(country, '') FROM actors"
                   " WHERE name LIKE '% ' || ?1 ESCAPE '\\' ORDER BY id");
  std::string escaped;
  for (char c : name) {
    if (c == '%' || c == '_' || c == '\\') escaped += '\\';
    escaped += c;
  }
  suffix.bind(1, escaped);
  collect(suffix);
  return result;
}

std::string StoreReader::name_of(const std::string& id) const {
  Statement q(impl_->db, "actor name", "SELECT name FROM actors WHERE id = ?1");
  q.bind(1, id);
  return q.step() ? q.text(0) : id;
}

ActorProfile StoreReader::profile(const std::string& id, std::size_t top_partners) const {
  ActorProfile p;
  Statement a(impl_->db, "actor", "SELECT id, name, kind, coalesce(country, ''), coalesce(sector, ''), coalesce(code, '') FROM actors WHERE id = ?1");
  a.bind(1, id);
  if (!a.step()) throw InputError("no actor \"" + id + "\" in the store");
  p.actor = ActorMatch{a.text(0), a.text(1), a.text(2), a.text(3)};
  p.sector = a.text(4);
  p.code = a.text(5);
  Statement aliases(impl_->db, "aliases", "SELECT alias, count FROM actor_aliases WHERE actor = ?1 ORDER BY count DESC, alias");
  aliases.bind(1, id);
  while (aliases.step()) p.aliases.emplace_back(aliases.text(0), aliases.integer(1));
  Statement roles(impl_->db, "roles",
                  "SELECT coalesce(title, label), target, coalesce(min(date), ''), coalesce(max(date), ''), count(*)"
                  " FROM relations WHERE source = ?1 AND label = 'role_of' GROUP BY 1, 2 ORDER BY 3, 1");
  roles.bind(1, id);
  while (roles.step()) {
    p.roles_seen.push_back(ActorProfile::Role{roles.text(0), roles.text(1), roles.text(2), roles.text(3), roles.integer(4)});
  }
  Statement partners(impl_->db, "partners",
                     "SELECT other, a.name, count(*), avg(goldstein) FROM ("
                     "  SELECT CASE WHEN source = ?1 THEN target ELSE source END AS other, goldstein FROM events"
                     "  WHERE (source = ?1 OR target = ?1) AND target IS NOT NULL AND source <> target"
                     "    AND negated = 0 AND modality IN ('asserted', 'reported'))"
                     " JOIN actors a ON a.id = other GROUP BY other ORDER BY count(*) DESC, other LIMIT ?2");
  partners.bind(1, id);
  partners.bind_integer(2, static_cast<std::int64_t>(top_partners));
  while (partners.step()) {
    p.partners.push_back(ActorProfile::Partner{partners.text(0), partners.text(1), partners.integer(2), partners.real(3)});
  }
  // Version 1 stores have no actors.mentions.
  const char* const mentions_sql = impl_->version >= 2 ? "SELECT mentions FROM actors WHERE id = ?1"
                                                        : "SELECT count(*) FROM mentions WHERE actor = ?1";
  const std::string counts_sql = std::string("SELECT (") + mentions_sql +
                                 "), (SELECT count(*) FROM statements WHERE speaker = ?1),"
                                 " (SELECT count(DISTINCT statement) FROM statement_targets WHERE actor = ?1)";
  Statement counts(impl_->db, "counts", counts_sql.c_str());
  counts.bind(1, id);
  if (counts.step()) {
    p.mentions = counts.integer(0);
    p.statements_by = counts.integer(1);
    p.statements_about = counts.integer(2);
  }
  return p;
}

void StoreReader::for_each_document(const std::function<void(StoredDocument&)>& fn) const {
  std::unordered_map<std::string, extract::ActorRef> actors;
  {
    Statement q(impl_->db, "actors", "SELECT id, name, kind, coalesce(country, ''), coalesce(sector, ''), coalesce(code, '') FROM actors");
    while (q.step()) {
      extract::ActorRef a;
      a.id = q.text(0);
      a.name = q.text(1);
      a.kind = q.text(2);
      a.country = q.text(3);
      a.sector = q.text(4);
      a.code = q.text(5);
      actors.emplace(a.id, std::move(a));
    }
  }
  auto actor = [&](const std::string& id) {
    auto it = actors.find(id);
    if (it != actors.end()) return it->second;
    extract::ActorRef a;
    a.id = id;
    a.name = id;
    return a;
  };
  Statement documents(impl_->db, "documents",
                      "SELECT id, content_hash, doc_id, coalesce(title, ''), coalesce(url, ''), coalesce(source, ''),"
                      " coalesce(published, ''), coalesce(date, ''), date_precision, date_origin, text"
                      " FROM documents ORDER BY id");
  Statement sentences(impl_->db, "sentences",
                      "SELECT begin, end, boilerplate FROM sentences WHERE document = ?1 ORDER BY idx");
  Statement mentions(impl_->db, "mentions",
                     "SELECT sentence, begin, end, actor, text, via, coalesce(date, '') FROM mentions"
                     " WHERE document = ?1 ORDER BY id");
  Statement events(impl_->db, "events",
                   "SELECT e.sentence, e.begin, e.end, e.source, coalesce(e.target, ''), e.code, t.root, t.label,"
                   " coalesce(t.plover, ''), e.quad_class, e.goldstein, e.trigger, e.trigger_begin, e.trigger_end,"
                   " e.negated, e.modality, e.confidence, coalesce(e.date, ''), e.date_precision, e.date_origin,"
                   " coalesce(e.pattern, '')"
                   " FROM events e JOIN event_types t ON t.code = e.code WHERE e.document = ?1 ORDER BY e.id");
  Statement statements(impl_->db, "statements",
                       "SELECT id, sentence, begin, end, coalesce(speaker, ''), speaker_begin, speaker_end,"
                       " coalesce(cue, ''), coalesce(cue_begin, 0), coalesce(cue_end, 0), content, content_begin,"
                       " content_end, content_parts, direct, coalesce(date, ''), date_precision, date_origin,"
                       " speaker_begin IS NULL FROM statements WHERE document = ?1 ORDER BY id");
  Statement targets(impl_->db, "statement targets",
                    "SELECT actor, stance, addressee FROM statement_targets WHERE statement = ?1 ORDER BY addressee DESC, actor");
  Statement relations(impl_->db, "relations",
                      "SELECT sentence, begin, end, source, target, label, coalesce(title, ''), coalesce(date, '')"
                      " FROM relations WHERE document = ?1 ORDER BY id");
  while (documents.step()) {
    StoredDocument stored;
    const std::int64_t row = documents.integer(0);
    stored.content_hash = documents.text(1);
    extract::Document& d = stored.doc;
    d.id = documents.text(2);
    d.title = documents.text(3);
    d.url = documents.text(4);
    d.source = documents.text(5);
    d.published = documents.text(6);
    d.date = date_of(documents.text(7), documents.text(8), documents.text(9));
    d.text = documents.text(10);
    d.origin = "store";
    extract::DocumentRecords& r = stored.records;
    r.doc = d.id;
    sentences.reset();
    sentences.bind_integer(1, row);
    while (sentences.step()) {
      r.sentences.push_back(extract::SentenceInfo{span_of(sentences.integer(0), sentences.integer(1)), sentences.integer(2) != 0});
    }
    mentions.reset();
    mentions.bind_integer(1, row);
    while (mentions.step()) {
      extract::MentionRecord m;
      m.sentence = static_cast<std::uint32_t>(mentions.integer(0));
      m.span = span_of(mentions.integer(1), mentions.integer(2));
      m.actor = actor(mentions.text(3));
      m.actor.text = mentions.text(4);
      m.actor.span = m.span;
      m.via = mentions.text(5);
      m.date = date_of_value(mentions.text(6));
      r.mentions.push_back(std::move(m));
    }
    events.reset();
    events.bind_integer(1, row);
    while (events.step()) {
      extract::EventRecord e;
      e.sentence = static_cast<std::uint32_t>(events.integer(0));
      e.span = span_of(events.integer(1), events.integer(2));
      e.source = actor(events.text(3));
      const std::string target = events.text(4);
      if (!target.empty()) e.target = actor(target);
      e.code = events.text(5);
      e.root = events.text(6);
      e.label = events.text(7);
      e.plover = events.text(8);
      e.quad_class = static_cast<int>(events.integer(9));
      e.goldstein = events.real(10);
      e.trigger.text = events.text(11);
      e.trigger.span = span_of(events.integer(12), events.integer(13));
      e.negated = events.integer(14) != 0;
      e.modality = modality_of(events.text(15));
      e.confidence = events.real(16);
      e.date = date_of(events.text(17), events.text(18), events.text(19));
      e.pattern = events.text(20);
      r.events.push_back(std::move(e));
    }
    statements.reset();
    statements.bind_integer(1, row);
    while (statements.step()) {
      extract::StatementRecord st;
      const std::int64_t id = statements.integer(0);
      st.sentence = static_cast<std::uint32_t>(statements.integer(1));
      st.span = span_of(statements.integer(2), statements.integer(3));
      const std::string speaker = statements.text(4);
      if (!speaker.empty()) st.speaker = actor(speaker);
      if (statements.integer(18) == 0) st.speaker_span = span_of(statements.integer(5), statements.integer(6));
      st.cue.text = statements.text(7);
      st.cue.span = span_of(statements.integer(8), statements.integer(9));
      st.content = statements.text(10);
      st.content_span = span_of(statements.integer(11), statements.integer(12));
      st.content_parts = parse_parts(statements.text(13));
      st.direct = statements.integer(14) != 0;
      st.date = date_of(statements.text(15), statements.text(16), statements.text(17));
      targets.reset();
      targets.bind_integer(1, id);
      while (targets.step()) {
        st.about.push_back(extract::AboutRef{actor(targets.text(0)), stance_of(targets.text(1)), targets.integer(2) != 0});
      }
      r.statements.push_back(std::move(st));
    }
    relations.reset();
    relations.bind_integer(1, row);
    while (relations.step()) {
      extract::RelationRecord rel;
      rel.sentence = static_cast<std::uint32_t>(relations.integer(0));
      rel.span = span_of(relations.integer(1), relations.integer(2));
      rel.source = actor(relations.text(3));
      rel.target = actor(relations.text(4));
      rel.label = relations.text(5);
      rel.title = relations.text(6);
      rel.date = date_of_value(relations.text(7));
      r.relations.push_back(std::move(rel));
    }
    fn(stored);
  }
}

std::vector<SaidRow> StoreReader::said(const SaidFilter& filter) const {
  Statement q(impl_->db, "said",
              "SELECT s.id, coalesce(s.date, ''), coalesce(s.speaker, ''), coalesce(a.name, ''), coalesce(s.cue, ''),"
              " s.content, s.direct, d.doc_id, s.sentence"
              " FROM statements s JOIN documents d ON d.id = s.document LEFT JOIN actors a ON a.id = s.speaker"
              " WHERE (?1 IS NULL OR s.speaker IN (SELECT value FROM json_each(?1)))"
              " AND (?2 IS NULL OR EXISTS (SELECT 1 FROM statement_targets t WHERE t.statement = s.id"
              "      AND t.actor IN (SELECT value FROM json_each(?2))))"
              " AND (?3 IS NULL OR (s.date IS NOT NULL AND s.date >= substr(?3, 1, length(s.date))))"
              " AND (?4 IS NULL OR (s.date IS NOT NULL AND s.date <= ?4))"
              " ORDER BY s.date IS NULL, s.date, d.doc_id, s.sentence, s.content_begin");
  q.bind_or_null(1, filter.by.empty() ? std::string() : json_array(filter.by));
  q.bind_or_null(2, filter.about.empty() ? std::string() : json_array(filter.about));
  q.bind_or_null(3, filter.since);
  q.bind_or_null(4, filter.until);
  Statement about(impl_->db, "said about",
                  "SELECT t.actor, a.name, t.stance, t.addressee FROM statement_targets t"
                  " JOIN actors a ON a.id = t.actor WHERE t.statement = ?1 ORDER BY t.addressee DESC, t.actor");
  std::vector<SaidRow> rows;
  while (q.step()) {
    SaidRow row;
    const std::int64_t id = q.integer(0);
    row.date = q.text(1);
    row.speaker_id = q.text(2);
    row.speaker_name = q.text(3);
    row.cue = q.text(4);
    row.content = q.text(5);
    row.direct = q.integer(6) != 0;
    row.doc = q.text(7);
    row.sentence = q.integer(8);
    about.reset();
    about.bind_integer(1, id);
    while (about.step()) row.about.push_back(SaidAbout{about.text(0), about.text(1), about.text(2), about.integer(3) != 0});
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<PeriodRow> StoreReader::timeline(const std::string& a, const std::string& b, Period by, bool directed,
                                             double threshold, bool exact) const {
  // The period key of a date (or of the document) as one SQL expression; dates of month or year
  // precision fall into the period they start.
  std::string key;
  switch (by) {
    case Period::kDay: key = "x.date"; break;
    case Period::kMonth: key = "substr(x.date, 1, 7)"; break;
    case Period::kWeek:
      key = "strftime('%Y-W%W', CASE length(x.date) WHEN 4 THEN x.date || '-01-01' WHEN 7 THEN x.date || '-01' ELSE x.date END)";
      break;
    case Period::kDocument: key = "x.doc"; break;
  }
  const std::string sql =
      // A side is the actor, and for a state (unless exact) every actor of that country: the
      // country's leaders, ministries, forces and places, as event data codes dyads.
      "WITH side_a AS ("
      "  SELECT ?1 AS id UNION SELECT id FROM actors"
      "  WHERE ?5 = 0 AND country = (SELECT country FROM actors WHERE id = ?1 AND kind = 'state')),"
      " side_b AS ("
      "  SELECT ?2 AS id UNION SELECT id FROM actors"
      "  WHERE ?5 = 0 AND country = (SELECT country FROM actors WHERE id = ?2 AND kind = 'state')),"
      " x AS ("
      "  SELECT e.date AS date, d.doc_id AS doc, d.date AS doc_date, 1 AS is_event, e.quad_class AS quad,"
      "         e.goldstein AS goldstein, 0 AS stance"
      "  FROM events e JOIN documents d ON d.id = e.document"
      "  WHERE e.negated = 0 AND e.modality IN ('asserted', 'reported')"
      "    AND ((e.source IN side_a AND e.target IN side_b)"
      "         OR (?3 = 0 AND e.source IN side_b AND e.target IN side_a))"
      "  UNION ALL"
      "  SELECT s.date, d.doc_id, d.date, 0, 0, 0.0,"
      "         CASE t.stance WHEN 'positive' THEN 1 WHEN 'negative' THEN -1 ELSE 0 END"
      "  FROM statements s JOIN documents d ON d.id = s.document JOIN statement_targets t ON t.statement = s.id"
      "  WHERE (s.speaker IN side_a AND t.actor IN side_b)"
      "        OR (?3 = 0 AND s.speaker IN side_b AND t.actor IN side_a))"
      " SELECT " + key + " AS period, sum(is_event), sum(quad = 1), sum(quad = 2), sum(quad = 3), sum(quad = 4),"
      "  total(goldstein), sum(1 - is_event), sum(stance = 1), sum(stance = -1), min(coalesce(x.date, x.doc_date, ''))"
      " FROM x WHERE (x.date IS NOT NULL OR ?4 = 1)"
      " GROUP BY period HAVING period IS NOT NULL"
      " ORDER BY " + std::string(by == Period::kDocument ? "min(coalesce(x.date, x.doc_date, '')), period" : "period");
  Statement q(impl_->db, "timeline", sql.c_str());
  q.bind(1, a);
  q.bind(2, b);
  q.bind_integer(3, directed ? 1 : 0);
  q.bind_integer(4, by == Period::kDocument ? 1 : 0);
  q.bind_integer(5, exact ? 1 : 0);
  std::vector<PeriodRow> rows;
  while (q.step()) {
    PeriodRow r;
    r.period = q.text(0);
    r.events = q.integer(1);
    for (int k = 0; k < 4; ++k) r.quad[k] = q.integer(2 + k);
    r.goldstein_sum = q.real(6);
    r.goldstein_mean = r.events > 0 ? r.goldstein_sum / static_cast<double>(r.events) : 0.0;
    r.statements = q.integer(7);
    r.positive = q.integer(8);
    r.negative = q.integer(9);
    rows.push_back(std::move(r));
  }
  // Change points: the net score turns from cooperation to conflict or back, or jumps.
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const double before = rows[i - 1].goldstein_sum;
    const double now = rows[i].goldstein_sum;
    const bool sign_change = (before > 0.0 && now < 0.0) || (before < 0.0 && now > 0.0);
    rows[i].change = sign_change || std::abs(now - before) > threshold;
  }
  return rows;
}

}  // namespace geokg::exporter
