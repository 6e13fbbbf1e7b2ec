#include "export/store_reader.hpp"

#include <cmath>

#include <sqlite3.h>

#include "extract/error.hpp"

namespace geokg::exporter {

namespace {

constexpr int kApplicationId = 0x67656f6b;  // "geok", set by schemas/store.sql
constexpr int kSchemaVersion = 1;

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

}  // namespace

struct StoreReader::Impl {
  sqlite3* db = nullptr;
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
    if (v != kSchemaVersion) {
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
                                             double threshold) const {
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
      "WITH x AS ("
      "  SELECT e.date AS date, d.doc_id AS doc, d.date AS doc_date, 1 AS is_event, e.quad_class AS quad,"
      "         e.goldstein AS goldstein, 0 AS stance"
      "  FROM events e JOIN documents d ON d.id = e.document"
      "  WHERE e.negated = 0 AND e.modality IN ('asserted', 'reported')"
      "    AND ((e.source = ?1 AND e.target = ?2) OR (?3 = 0 AND e.source = ?2 AND e.target = ?1))"
      "  UNION ALL"
      "  SELECT s.date, d.doc_id, d.date, 0, 0, 0.0,"
      "         CASE t.stance WHEN 'positive' THEN 1 WHEN 'negative' THEN -1 ELSE 0 END"
      "  FROM statements s JOIN documents d ON d.id = s.document JOIN statement_targets t ON t.statement = s.id"
      "  WHERE (s.speaker = ?1 AND t.actor = ?2) OR (?3 = 0 AND s.speaker = ?2 AND t.actor = ?1))"
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
