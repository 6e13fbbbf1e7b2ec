#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <unistd.h>

#include <dirent.h>

#include <string>
#include <vector>

#include "export/sqlite_store.hpp"
#include "export/store_reader.hpp"
#include "extract/error.hpp"
#include "extract/extractor.hpp"
#include "tests/export/export_fixtures.hpp"
#include "test_support.hpp"

using geokg::exporter::SqliteStore;
namespace t = geokg::test;

namespace {

// A read-only connection for checking what the store wrote.
class Db {
 public:
  explicit Db(const std::string& path) {
    REQUIRE(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
  }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db() { sqlite3_close(db_); }

  // Rows of the query, columns joined with '|', NULL as "NULL".
  std::vector<std::string> rows(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    INFO(sql);
    REQUIRE(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    std::vector<std::string> out;
    int rc = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      std::string row;
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        if (i > 0) row += '|';
        const auto* text = sqlite3_column_text(stmt, i);
        row += text == nullptr ? "NULL" : reinterpret_cast<const char*>(text);
      }
      out.push_back(row);
    }
    INFO(sqlite3_errmsg(db_));
    CHECK(rc == SQLITE_DONE);
    sqlite3_finalize(stmt);
    return out;
  }

  std::string value(const std::string& sql) {
    const auto r = rows(sql);
    return r.empty() ? std::string("<no row>") : r.front();
  }

  void exec(const std::string& sql) { REQUIRE(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK); }

 private:
  sqlite3* db_ = nullptr;
};

std::vector<std::string> files_in(const std::string& dir) {
  std::vector<std::string> names;
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return names;
  while (const dirent* entry = ::readdir(d)) {
    const std::string name = entry->d_name;
    if (name != "." && name != "..") names.push_back(name);
  }
  ::closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}

std::string counts(Db& db) {
  std::string out;
  for (const char* table : {"documents", "sentences", "actors", "actor_aliases", "mentions", "event_types", "events",
                            "statements", "statement_targets", "relations"}) {
    out += std::string(table) + "=" + db.value(std::string("SELECT count(*) FROM ") + table) + " ";
  }
  return out;
}

void check_consistent(Db& db) {
  CHECK(db.rows("PRAGMA integrity_check") == std::vector<std::string>{"ok"});
  CHECK(db.rows("PRAGMA foreign_key_check").empty());
  // FTS5 compares its index with the external content tables.
  db.exec("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)");
  db.exec("INSERT INTO statements_fts (statements_fts, rank) VALUES ('integrity-check', 1)");
  // The counts kept per batch agree with the rows: actors.mentions with the mentions, an alias's
  // count with the mentions of that surface (pronouns and shared phrases are not aliases).
  CHECK(db.value("SELECT count(*) FROM actors a WHERE a.mentions <> (SELECT count(*) FROM mentions m WHERE m.actor = a.id)") ==
        "0");
  CHECK(db.value("SELECT count(*) FROM actor_aliases x WHERE x.count >"
                 " (SELECT count(*) FROM mentions m WHERE m.actor = x.actor AND m.text = x.alias)") == "0");
}

void add_all(SqliteStore& store, const std::vector<t::Sample>& samples) {
  for (const auto& s : samples) CHECK(store.add(s.doc, s.hash, s.records));
}

}  // namespace

TEST_CASE("a new store is built under a temporary name and renamed on finish", "[export][sqlite]") {
  t::TempDir dir;
  const std::string path = dir.file("geo.sqlite");
  {
    SqliteStore store(path);
    CHECK(store.is_new());
    add_all(store, {t::summit_day_one(), t::summit_day_two()});
    store.commit_batch();
    add_all(store, {t::undated_odd_names()});
    CHECK_FALSE(t::file_exists(path));
    CHECK(files_in(dir.path()) == std::vector<std::string>{"geo.sqlite.tmp." + std::to_string(::getpid())});
    store.finish();
    CHECK(store.documents_added() == 3);
  }
  CHECK(files_in(dir.path()) == std::vector<std::string>{"geo.sqlite"});  // no -wal, -shm or temp file
  Db db(path);
  check_consistent(db);
  CHECK(db.value("PRAGMA user_version") == "2");
  CHECK(db.value("PRAGMA journal_mode") == "wal");
  CHECK(counts(db) ==
        "documents=3 sentences=8 actors=7 actor_aliases=13 mentions=16 event_types=4 events=6 statements=1 "
        "statement_targets=1 relations=1 ");
  // Secondary indexes exist after finish().
  CHECK(db.value("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'events_source_target'") == "1");
  CHECK(db.value("SELECT count(*) FROM sqlite_stat1") != "0");
}

TEST_CASE("the store keeps documents, sentences, records and aliases", "[export][sqlite]") {
  t::TempDir dir;
  const std::string path = dir.file("geo.sqlite");
  {
    SqliteStore store(path);
    add_all(store, {t::summit_day_one(), t::summit_day_two(), t::undated_odd_names()});
    store.finish();
  }
  Db db(path);
  CHECK(db.value("SELECT doc_id, title, url, source, published, date, date_precision, date_origin FROM documents"
                 " WHERE content_hash = 'hash-alaska-1'") ==
        "alaska-1|Summit report alaska-1|https://news.example.org/alaska-1|news.example.org|2025-08-15|2025-08-15|"
        "day|explicit");
  CHECK(db.value("SELECT date, date_precision FROM documents WHERE doc_id = 'odd'") == "NULL|unknown");
  CHECK(db.value("SELECT s.text FROM sentences s JOIN documents d ON d.id = s.document"
                 " WHERE d.doc_id = 'alaska-1' AND s.idx = 2") ==
        "The United States criticized Russia over the strikes.");
  CHECK(db.value("SELECT name, kind, country, sector, code FROM actors WHERE id = 'vladimir-putin'") ==
        "Vladimir Putin|person|RUS|GOV|RUSGOV");
  CHECK(db.value("SELECT country, sector FROM actors WHERE id = 'nato'") == "NULL|NULL");
  // Pronouns resolve to actors but are not aliases.
  CHECK(db.rows("SELECT alias, count FROM actor_aliases WHERE actor = 'vladimir-putin' ORDER BY alias") ==
        std::vector<std::string>{"Putin|1", "Vladimir Putin|1"});
  CHECK(db.rows("SELECT alias, count FROM actor_aliases WHERE actor = 'united-states' ORDER BY alias") ==
        std::vector<std::string>{"The United States|1", "U.S.|1", "Washington|2"});
  CHECK(db.value("SELECT count(*) FROM mentions WHERE text IN ('He', 'him') AND via = 'coref'") == "2");
  CHECK(db.value("SELECT code, root, label, plover, quad_class, goldstein FROM event_types WHERE code = '043'") ==
        "043|04|Host a visit|CONSULT|1|2.8");
  CHECK(db.value("SELECT source, target, trigger, negated, modality, date, date_precision, date_origin, quad_class"
                 " FROM events WHERE code = '172'") ==
        "united-states|russia|impose|0|conditional|2025-08-16|day|explicit|4");
  CHECK(db.value("SELECT e.trigger_begin, e.trigger_end, substr(d.text, e.trigger_begin + 1,"
                 " e.trigger_end - e.trigger_begin) FROM events e JOIN documents d ON d.id = e.document"
                 " WHERE e.code = '111' AND d.doc_id = 'alaska-1'") ==
        [] {
          const auto s = t::summit_day_one();
          const auto span = t::span_of(s.doc.text, "criticized");
          return std::to_string(span.begin) + "|" + std::to_string(span.end) + "|criticized";
        }());
  CHECK(db.value("SELECT speaker, cue, content, direct, content_parts = '[[' || content_begin || ',' ||"
                 " content_end || ']]' FROM statements") ==
        "sergey-lavrov|said|the talks with Washington were \"useful\"|0|1");
  CHECK(db.value("SELECT actor, stance, addressee FROM statement_targets") == "united-states|positive|0");
  CHECK(db.value("SELECT source, target, label, title, date FROM relations") ==
        "sergey-lavrov|russia|role_of|foreign minister|2025-08-15");
}

TEST_CASE("full-text search finds statements and sentences", "[export][sqlite]") {
  t::TempDir dir;
  const std::string path = dir.file("geo.sqlite");
  {
    SqliteStore store(path);
    add_all(store, {t::summit_day_one(), t::summit_day_two()});
    store.finish();
  }
  Db db(path);
  CHECK(db.rows("SELECT s.speaker FROM statements_fts JOIN statements s ON s.id = statements_fts.rowid"
                " WHERE statements_fts MATCH 'useful'") == std::vector<std::string>{"sergey-lavrov"});
  CHECK(db.rows("SELECT s.text FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid"
                " WHERE sentences_fts MATCH 'sanctions AND moscow'") ==
        std::vector<std::string>{"Washington could impose sanctions on Moscow if the talks fail."});
  CHECK(db.rows("SELECT rowid FROM statements_fts WHERE statements_fts MATCH 'sanctions'").empty());
}

TEST_CASE("re-adding a document adds nothing", "[export][sqlite]") {
  t::TempDir dir;
  const std::string path = dir.file("geo.sqlite");
  const auto one = t::summit_day_one();
  {
    SqliteStore store(path);
    CHECK_FALSE(store.has_document(one.hash));
    CHECK(store.add(one.doc, one.hash, one.records));
    CHECK(store.has_document(one.hash));  // seen inside the open batch
    CHECK_FALSE(store.add(one.doc, one.hash, one.records));
    store.commit_batch();
    CHECK_FALSE(store.add(one.doc, one.hash, one.records));
    // The same id with another text is another document.
    auto edited = t::summit_day_one();
    edited.doc.text += " Updated.";
    edited.hash = "hash-alaska-1-edited";
    CHECK(store.add(edited.doc, edited.hash, edited.records));
    store.finish();
    CHECK(store.documents_added() == 2);
  }
  Db db(path);
  CHECK(db.value("SELECT count(*) FROM documents WHERE doc_id = 'alaska-1'") == "2");
  CHECK(db.value("SELECT count(*) FROM events") == "4");
  CHECK(db.value("SELECT count FROM actor_aliases WHERE actor = 'vladimir-putin' AND alias = 'Vladimir Putin'") == "2");
  check_consistent(db);
}

TEST_CASE("reopening a store appends in place", "[export][sqlite]") {
  t::TempDir dir;
  const std::string path = dir.file("geo.sqlite");
  {
    SqliteStore store(path);
    add_all(store, {t::summit_day_one()});
    store.finish();
  }
  {
    SqliteStore store(path);
    CHECK_FALSE(store.is_new());
    CHECK(store.has_document("hash-alaska-1"));
    const auto one = t::summit_day_one();
    CHECK_FALSE(store.add(one.doc, one.hash, one.records));
    add_all(store, {t::summit_day_two(), t::undated_odd_names()});
    store.finish();
  }
  CHECK(files_in(dir.path()) == std::vector<std::string>{"geo.sqlite"});
  Db db(path);
  check_consistent(db);
  CHECK(counts(db) ==
        "documents=3 sentences=8 actors=7 actor_aliases=13 mentions=16 event_types=4 events=6 statements=1 "
        "statement_targets=1 relations=1 ");
  // Rows appended to an existing store are indexed for search row by row.
  CHECK(db.rows("SELECT s.text FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid"
                " WHERE sentences_fts MATCH 'reply'") == std::vector<std::string>{"NATO did not reply."});
  CHECK(db.rows("SELECT rowid FROM statements_fts WHERE statements_fts MATCH 'useful'").size() == 1);
}

TEST_CASE("an unfinished new store leaves no file", "[export][sqlite]") {
  t::TempDir dir;
  const std::string path = dir.file("geo.sqlite");
  {
    SqliteStore store(path);
    add_all(store, {t::summit_day_one()});
    store.commit_batch();
    add_all(store, {t::summit_day_two()});
  }
  CHECK(files_in(dir.path()).empty());
}

TEST_CASE("an interrupted append keeps only committed batches", "[export][sqlite]") {
  t::TempDir dir;
  const std::string path = dir.file("geo.sqlite");
  {
    SqliteStore store(path);
    add_all(store, {t::summit_day_one()});
    store.finish();
  }
  {
    SqliteStore store(path);
    add_all(store, {t::summit_day_two()});
    store.commit_batch();
    add_all(store, {t::undated_odd_names()});
  }  // no finish(): the open batch is rolled back
  CHECK(files_in(dir.path()) == std::vector<std::string>{"geo.sqlite"});
  Db db(path);
  check_consistent(db);
  CHECK(db.rows("SELECT doc_id FROM documents ORDER BY id") == std::vector<std::string>{"alaska-1", "alaska-2"});
  CHECK(db.value("SELECT count(*) FROM actors WHERE id IN ('acme-group', 'nato')") == "0");
}

TEST_CASE("a document with a bad span is rolled back alone", "[export][sqlite]") {
  t::TempDir dir;
  const std::string path = dir.file("geo.sqlite");
  {
    SqliteStore store(path);
    add_all(store, {t::summit_day_one()});
    auto bad = t::undated_odd_names();
    bad.records.sentences.back().span.end = 5000;
    CHECK_THROWS_WITH(store.add(bad.doc, bad.hash, bad.records),
                      "odd.txt: sentence 1: span [43, 5000) is outside the text of 62 bytes");
    CHECK_FALSE(store.has_document(bad.hash));
    add_all(store, {t::summit_day_two()});
    store.finish();
  }
  Db db(path);
  check_consistent(db);
  CHECK(db.rows("SELECT doc_id FROM documents ORDER BY id") == std::vector<std::string>{"alaska-1", "alaska-2"});
  // The failed document's new actors went with it.
  CHECK(db.value("SELECT count(*) FROM actors WHERE id IN ('acme-group', 'nato')") == "0");
}

TEST_CASE("a file that is not a geokg store is refused with its path", "[export][sqlite]") {
  t::TempDir dir;
  const std::string text = dir.file("notes.sqlite");
  t::write_file(text, "these are my notes, not a database, but long enough to have a header of 100 bytes ......\n");
  CHECK_THROWS_WITH(SqliteStore(text), Catch::StartsWith(text + ": not a geokg store"));

  const std::string other = dir.file("other.sqlite");
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(other.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "CREATE TABLE t (x)", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  CHECK_THROWS_WITH(SqliteStore(other), other + ": not a geokg store");

  const std::string future = dir.file("future.sqlite");
  {
    SqliteStore store(future);
    store.finish();
  }
  {
    Db db(future);
    db.exec("PRAGMA user_version = 3");
  }
  CHECK_THROWS_WITH(SqliteStore(future), future + ": store schema version 3, expected 2");
}

TEST_CASE("a version 1 store is read as it is and upgraded by the next append", "[export][sqlite]") {
  t::TempDir dir;
  const std::string path = dir.file("old.sqlite");
  {
    SqliteStore store(path);
    add_all(store, {t::summit_day_one()});
    store.finish();
  }
  std::string mentions_before;
  {
    // What version 1 looked like: no actors.mentions.
    Db db(path);
    mentions_before = db.value("SELECT count(*) FROM mentions WHERE actor = 'russia'");
    db.exec("ALTER TABLE actors DROP COLUMN mentions");
    db.exec("PRAGMA user_version = 1");
  }
  REQUIRE(mentions_before != "0");
  {
    const geokg::exporter::StoreReader reader(path);
    CHECK(std::to_string(reader.profile("russia", 3).mentions) == mentions_before);
  }
  {
    SqliteStore store(path);
    add_all(store, {t::summit_day_two()});
    store.finish();
  }
  Db db(path);
  CHECK(db.value("PRAGMA user_version") == "2");
  check_consistent(db);
  CHECK(db.value("SELECT mentions FROM actors WHERE id = 'russia'") ==
        db.value("SELECT count(*) FROM mentions WHERE actor = 'russia'"));
  CHECK(std::to_string(geokg::exporter::StoreReader(path).profile("russia", 3).mentions) ==
        db.value("SELECT count(*) FROM mentions WHERE actor = 'russia'"));
}

TEST_CASE("a store in an unusable directory is reported with its path", "[export][sqlite]") {
  t::TempDir dir;
  const std::string path = dir.file("missing/geo.sqlite");
  CHECK_THROWS_WITH(SqliteStore(path), path + ": cannot write: No such file or directory");
  CHECK(files_in(dir.path()).empty());
}

TEST_CASE("a phrase naming several actors at once is not an alias of any of them", "[export][sqlite]") {
  t::TempDir dir;
  const std::string path = dir.file("geo.sqlite");
  const geokg::extract::Document doc = geokg::test::make_document(
      "Vladimir Putin met Donald Trump in Anchorage on Friday. The two leaders talked for three hours, and "
      "Putin later thanked Trump.",
      "2025-08-18", "group");
  const auto records = geokg::extract::extract_document(doc, geokg::test::lexicon());
  // The extractor resolves "The two leaders" to both men (a mention each, one span).
  std::size_t group = 0;
  for (const auto& m : records.mentions) if (m.actor.text == "The two leaders") ++group;
  REQUIRE(group == 2);
  {
    SqliteStore store(path);
    CHECK(store.add(doc, "hash-group", records));
    store.finish();
  }
  Db db(path);
  CHECK(db.rows("SELECT alias, count FROM actor_aliases WHERE actor = 'vladimir-putin' ORDER BY alias") ==
        std::vector<std::string>{"Putin|1", "Vladimir Putin|1"});
  CHECK(db.value("SELECT count(*) FROM mentions WHERE text = 'The two leaders'") == "2");
}
