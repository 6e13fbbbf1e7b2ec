#include <catch2/catch.hpp>

#include <unistd.h>

#include <string>

#include "export/atomic_file.hpp"
#include "extract/error.hpp"
#include "tests/export/export_fixtures.hpp"

using geokg::exporter::AtomicFile;
using geokg::test::file_exists;
using geokg::test::read_file;
using geokg::test::TempDir;

TEST_CASE("an atomic file appears only on commit", "[export][atomic]") {
  TempDir dir;
  const std::string path = dir.file("out.graphml");
  std::string temp;
  {
    AtomicFile file(path);
    temp = file.temp_path();
    CHECK(temp == path + ".tmp." + std::to_string(::getpid()));
    file.stream() << "<graphml/>\n";
    CHECK(file_exists(temp));
    CHECK_FALSE(file_exists(path));
    file.commit();
    CHECK(file_exists(path));
    CHECK_FALSE(file_exists(temp));
  }
  CHECK(read_file(path) == "<graphml/>\n");
}

TEST_CASE("an uncommitted atomic file leaves nothing behind", "[export][atomic]") {
  TempDir dir;
  const std::string path = dir.file("out.gexf");
  std::string temp;
  {
    AtomicFile file(path);
    temp = file.temp_path();
    for (int i = 0; i < 20000; ++i) file.stream() << "partial line " << i << '\n';  // beyond one buffer
    CHECK(file_exists(temp));
  }
  CHECK_FALSE(file_exists(path));
  CHECK_FALSE(file_exists(temp));
}

TEST_CASE("an uncommitted atomic file keeps the previous version", "[export][atomic]") {
  TempDir dir;
  const std::string path = dir.file("out.dot");
  geokg::test::write_file(path, "digraph old {}\n");
  {
    AtomicFile file(path);
    file.stream() << "digraph new {";
  }
  CHECK(read_file(path) == "digraph old {}\n");
  {
    AtomicFile file(path);
    file.stream() << "digraph new {}\n";
    file.commit();
  }
  CHECK(read_file(path) == "digraph new {}\n");
}

TEST_CASE("an atomic file reports an unusable directory with the path", "[export][atomic]") {
  TempDir dir;
  const std::string missing = dir.file("no-such-dir/out.graphml");
  CHECK_THROWS_WITH(AtomicFile(missing), missing + ": cannot write: No such file or directory");

  // A regular file where a directory should be: fails for every user, root included.
  const std::string plain = dir.file("plain");
  geokg::test::write_file(plain, "x");
  const std::string below_file = plain + "/out.graphml";
  CHECK_THROWS_AS(AtomicFile(below_file), geokg::InputError);
  CHECK_THROWS_WITH(AtomicFile(below_file), below_file + ": cannot write: Not a directory");

  if (::geteuid() != 0) {  // root may write anywhere
    const std::string locked = dir.file("locked");
    REQUIRE(::mkdir(locked.c_str(), 0500) == 0);
    const std::string path = locked + "/out.graphml";
    CHECK_THROWS_WITH(AtomicFile(path), path + ": cannot write: Permission denied");
    ::chmod(locked.c_str(), 0700);
  }
}

TEST_CASE("an atomic file reports a failed rename with the path", "[export][atomic]") {
  TempDir dir;
  const std::string path = dir.file("taken");
  REQUIRE(::mkdir(path.c_str(), 0700) == 0);
  const std::string inside = path + "/child";
  geokg::test::write_file(inside, "x");  // a non-empty directory cannot be replaced by a file
  std::string temp;
  {
    AtomicFile file(path);
    temp = file.temp_path();
    file.stream() << "data";
    CHECK_THROWS_WITH(file.commit(), Catch::StartsWith(path + ": cannot write: "));
  }
  CHECK_FALSE(file_exists(temp));
}
