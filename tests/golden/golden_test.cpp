// Golden end-to-end test: `geokg build examples/` must reproduce the reviewed outputs in
// tests/golden/examples/ byte for byte. GEOKG_UPDATE_GOLDEN=1 rewrites them; review the diff.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The SQL dump of the store's tables in a stable order (no sqlite_stat, no FTS shadow tables).
std::string sql_dump(const fs::path& db) {
  const fs::path out = db.string() + ".dump";
  const std::string command =
      "sqlite3 " + db.string() +
      " \"select 'actors', id, name, kind, country, sector, code from actors order by id;"
      " select 'events', d.doc_id, e.sentence, e.source, e.target, e.code, e.negated, e.modality, e.date"
      "   from events e join documents d on d.rowid = e.document order by d.doc_id, e.sentence, e.trigger_begin, e.source, e.target, e.code;"
      " select 'statements', d.doc_id, s.sentence, s.speaker, s.cue, s.direct, s.content_begin, s.content_end"
      "   from statements s join documents d on d.rowid = s.document order by d.doc_id, s.sentence, s.content_begin;\" > " +
      out.string() + " 2>&1";
  if (std::system(command.c_str()) != 0) return "sqlite3 failed: " + read_file(out);
  return read_file(out);
}

}  // namespace

TEST_CASE("building the examples reproduces the golden outputs", "[golden]") {
  if (std::system("command -v sqlite3 >/dev/null 2>&1") != 0) {
    WARN("sqlite3 missing: golden test skipped");
    return;
  }
  const fs::path golden = geokg::test::source_dir() / "tests" / "golden" / "examples";
  const fs::path work = fs::temp_directory_path() / ("geokg-golden-" + std::to_string(::getpid()));
  fs::remove_all(work);
  fs::create_directories(work);
  const std::string examples = (geokg::test::source_dir() / "examples").string();
  const std::string command = std::string(GEOKG_BINARY) + " build " + examples + " --quiet -o " +
                              (work / "graph.jsonl").string() + " -o " + (work / "graph.graphml").string() + " -o " +
                              (work / "graph.gexf").string() + " -o " + (work / "graph.sqlite").string() + " 2>" +
                              (work / "stderr.txt").string();
  REQUIRE(std::system(command.c_str()) == 0);
  std::ofstream(work / "store.sql.txt") << sql_dump(work / "graph.sqlite");
  const bool update = std::getenv("GEOKG_UPDATE_GOLDEN") != nullptr;
  for (const char* name : {"graph.jsonl", "graph.graphml", "graph.gexf", "store.sql.txt"}) {
    INFO(name);
    const std::string actual = read_file(work / name);
    CHECK(!actual.empty());
    if (update) {
      fs::create_directories(golden);
      std::ofstream(golden / name, std::ios::binary) << actual;
      continue;
    }
    REQUIRE(fs::exists(golden / name));
    // Compare without printing megabytes: report the first differing line.
    const std::string expected = read_file(golden / name);
    if (actual != expected) {
      std::istringstream a(actual), e(expected);
      std::string la, le;
      int line = 0;
      while (true) {
        ++line;
        const bool more_a = static_cast<bool>(std::getline(a, la));
        const bool more_e = static_cast<bool>(std::getline(e, le));
        if (!more_a && !more_e) break;
        if (la != le || more_a != more_e) {
          FAIL(name << ":" << line << " differs (GEOKG_UPDATE_GOLDEN=1 rewrites the golden files)\n  expected: "
                    << le.substr(0, 400) << "\n  actual:   " << la.substr(0, 400));
        }
      }
    }
  }
  fs::remove_all(work);
}
