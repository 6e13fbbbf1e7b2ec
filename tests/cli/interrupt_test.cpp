// An interrupted build (kill -9) leaves either no store or a valid one with whole documents only;
// running the same build again gives the same store as one uninterrupted build.
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

std::string sql(const std::string& store, const std::string& query) {
  const std::string command = "sqlite3 " + store + " \"" + query + "\" 2>&1";
  FILE* p = popen(command.c_str(), "r");
  std::string out;
  char line[512];
  while (p != nullptr && std::fgets(line, sizeof line, p)) out += line;
  if (p != nullptr) pclose(p);
  return out;
}

std::string counts(const std::string& store) {
  return sql(store, "select (select count(*) from documents), (select count(*) from sentences),"
                    " (select count(*) from events), (select count(*) from statements), (select count(*) from mentions)");
}

// Writes a feed of n documents made from the example articles (each text made unique).
void write_feed(const fs::path& path, int n) {
  std::vector<std::string> texts;
  for (const auto& entry : fs::directory_iterator(geokg::test::source_dir() / "examples")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string escaped;
    for (char c : text) {
      if (c == '"' || c == '\\') escaped += '\\';
      if (c == '\n') escaped += "\\n";
      else escaped += c;
    }
    texts.push_back(escaped);
  }
  std::ofstream out(path);
  for (int i = 0; i < n; ++i) {
    out << "{\"id\":\"d" << i << "\",\"published\":\"2024-05-01\",\"text\":\"" << texts[static_cast<std::size_t>(i) % texts.size()]
        << "\\n\\nEditor's note " << i << ".\"}\n";
  }
}

// Starts `geokg build feed -o store`, waits until it is writing, and sends it a signal (SIGKILL by
// default); returns the wait status.
int build_and_kill(const std::string& feed, const std::string& store, const fs::path& watch, int signal_number = SIGKILL) {
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    const std::string binary = GEOKG_BINARY;
    ::execl(binary.c_str(), binary.c_str(), "build", feed.c_str(), "-q", "--threads", "1", "-o", store.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // Wait until the store is being written (its temporary file, or WAL of an existing store).
  for (int i = 0; i < 4000; ++i) {
    bool writing = false;
    for (const auto& entry : fs::directory_iterator(watch)) {
      const std::string name = entry.path().filename().string();
      if (name.find(".tmp.") != std::string::npos || name.ends_with("-wal")) writing = true;
    }
    if (writing) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ::kill(child, signal_number);
  int status = 0;
  ::waitpid(child, &status, 0);
  return status;
}

}  // namespace

TEST_CASE("kill -9 during a build, then the same build, equals one uninterrupted build", "[cli][interrupt]") {
  if (std::system("command -v sqlite3 >/dev/null 2>&1") != 0) {
    WARN("sqlite3 missing: skipped");
    return;
  }
  const fs::path dir = fs::temp_directory_path() / ("geokg-interrupt-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path feed = dir / "feed.jsonl";
  write_feed(feed, 1500);
  const std::string reference = (dir / "reference.sqlite").string();
  REQUIRE(std::system((std::string(GEOKG_BINARY) + " build " + feed.string() + " -q -o " + reference).c_str()) == 0);
  const std::string expected = counts(reference);

  SECTION("a new store") {
    const std::string store = (dir / "new.sqlite").string();
    build_and_kill(feed.string(), store, dir);
    // Nothing under the final name unless the build had finished.
    if (fs::exists(store)) CHECK(counts(store) == expected);
    REQUIRE(std::system((std::string(GEOKG_BINARY) + " build " + feed.string() + " -q -o " + store).c_str()) == 0);
    CHECK(sql(store, "pragma integrity_check") == "ok\n");
    CHECK(counts(store) == expected);
  }
  SECTION("Ctrl-C: the documents read so far are written whole, and the next run adds the rest") {
    const std::string store = (dir / "sigint.sqlite").string();
    const int status = build_and_kill(feed.string(), store, dir, SIGINT);
    REQUIRE(WIFEXITED(status));  // it stops by itself, it is not killed by the signal
    CHECK((WEXITSTATUS(status) == 1 || WEXITSTATUS(status) == 0));  // 0 when it had already finished
    REQUIRE(fs::exists(store));
    CHECK(sql(store, "pragma integrity_check") == "ok\n");
    CHECK(sql(store, "select count(*) from documents d where not exists (select 1 from sentences s where s.document = d.id)") ==
          "0\n");
    for (const auto& entry : fs::directory_iterator(dir)) {
      CHECK(entry.path().filename().string().find(".tmp.") == std::string::npos);
    }
    REQUIRE(std::system((std::string(GEOKG_BINARY) + " build " + feed.string() + " -q -o " + store).c_str()) == 0);
    CHECK(counts(store) == expected);
  }
  SECTION("an existing store being appended to") {
    const std::string store = (dir / "append.sqlite").string();
    const fs::path first = dir / "first.jsonl";
    {
      std::ifstream in(feed);
      std::ofstream out(first);
      std::string line;
      for (int i = 0; i < 100 && std::getline(in, line); ++i) out << line << '\n';
    }
    REQUIRE(std::system((std::string(GEOKG_BINARY) + " build " + first.string() + " -q -o " + store).c_str()) == 0);
    build_and_kill(feed.string(), store, dir);
    CHECK(sql(store, "pragma integrity_check") == "ok\n");
    // Only whole documents: every stored document has its sentences.
    CHECK(sql(store, "select count(*) from documents d where not exists (select 1 from sentences s where s.document = d.id)") ==
          "0\n");
    REQUIRE(std::system((std::string(GEOKG_BINARY) + " build " + feed.string() + " -q -o " + store).c_str()) == 0);
    CHECK(counts(store) == expected);
  }
  fs::remove_all(dir);
}
