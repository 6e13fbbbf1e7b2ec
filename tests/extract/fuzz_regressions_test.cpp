// Every fuzz seed (fuzz/corpus/<target>/) and every input a fuzzer once crashed on
// (fuzz/regressions/<target>/) through the same entry points and invariant checks as the libFuzzer
// targets (fuzz/fuzz_checks.hpp), so that `make test` and `make test-asan` keep them fixed without
// clang. Also: in-memory inputs read exactly like the same bytes on disk.
#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "extract/ingest.hpp"
#include "fuzz/fuzz_checks.hpp"

namespace fs = std::filesystem;
using namespace geokg;

namespace {

struct InvariantViolated : std::logic_error {
  using std::logic_error::logic_error;
};

[[noreturn]] void throw_on_failure(const char* what, const char* file, int line) {
  throw InvariantViolated(std::string(what) + " (" + file + ":" + std::to_string(line) + ")");
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::exists(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Runs every corpus and regression file of `target` through `run`; returns how many there were.
std::size_t run_inputs(const std::string& target, void (*run)(std::string_view)) {
  fuzz::set_failure_handler(throw_on_failure);
  const fs::path root = fs::path(GEOKG_SOURCE_DIR) / "fuzz";
  std::size_t count = 0;
  for (const char* kind : {"corpus", "regressions"}) {
    for (const fs::path& file : files_in(root / kind / target)) {
      INFO("input: " << fs::relative(file, GEOKG_SOURCE_DIR).string());
      const std::string bytes = read_bytes(file);
      CHECK_NOTHROW(run(bytes));
      ++count;
    }
  }
  fuzz::set_failure_handler(nullptr);
  return count;
}

}  // namespace

TEST_CASE("fuzz inputs: ingestion of raw file bytes", "[extract][fuzz]") {
  CHECK(run_inputs("ingest", fuzz::run_ingest) >= 5);
}

TEST_CASE("fuzz inputs: JSON Lines feed chunks", "[extract][fuzz]") {
  CHECK(run_inputs("jsonl", fuzz::run_jsonl) >= 5);
}

TEST_CASE("fuzz inputs: HTML to text", "[extract][fuzz]") {
  CHECK(run_inputs("html", fuzz::run_html) >= 5);
}

TEST_CASE("fuzz inputs: segmentation", "[extract][fuzz]") {
  CHECK(run_inputs("segment", fuzz::run_segment) >= 5);
}

TEST_CASE("fuzz inputs: the whole extractor", "[extract][fuzz]") {
  CHECK(run_inputs("extractor", fuzz::run_extractor) >= 5);
}

TEST_CASE("in-memory files read like the same bytes on disk", "[extract][ingest][fuzz]") {
  const fs::path dir = fs::temp_directory_path() / ("geokg-fuzz-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::vector<std::pair<std::string, std::string>> inputs = {
      {"a.txt", "\xEF\xBB\xBFTalks Resume\r\n\r\nLavrov met Blinken \x93today\x94.\r\n"},
      {"b", "<html><title>Page</title><p>Erdogan said Ankara was ready.</p>"},  // sniffed as HTML
      {"c.jsonl", "{\"id\":\"x\",\"text\":\"One.\",\"extra\":1}\n\n{\"text\":2}\n{\"id\":\"y\",\"text\":\"Two.\"}"},
      {"d.txt", std::string("bin\0ary", 7)},
      {"e.txt", " \n\t "},
  };
  std::vector<std::string> paths;
  std::vector<extract::InMemoryFile> memory;
  for (const auto& [name, bytes] : inputs) {
    const fs::path path = dir / name;
    std::ofstream(path, std::ios::binary) << bytes;
    paths.push_back(path.string());
    memory.push_back(extract::InMemoryFile{path.string(), bytes});
  }
  const auto read = [](extract::DocumentReader reader, std::vector<std::string>& messages) {
    std::vector<extract::Document> docs;
    while (auto doc = reader.next()) docs.push_back(std::move(*doc));
    messages.push_back(std::to_string(reader.documents()) + " " + std::to_string(reader.skipped()) + " " +
                       std::to_string(reader.warnings()));
    return docs;
  };
  std::vector<std::string> disk_messages;
  std::vector<std::string> memory_messages;
  const auto sink_into = [](std::vector<std::string>& out) {
    return [&out](const extract::Diagnostic& d) { out.push_back(d.message); };
  };
  const auto disk = read(extract::DocumentReader(paths, {}, sink_into(disk_messages)), disk_messages);
  const auto in_memory =
      read(extract::DocumentReader({}, std::move(memory), {}, sink_into(memory_messages)), memory_messages);
  fs::remove_all(dir);

  REQUIRE(disk.size() == 4);  // a, b, c:1, c:4; d is binary, e is empty
  REQUIRE(in_memory.size() == disk.size());
  for (std::size_t i = 0; i < disk.size(); ++i) {
    CHECK(in_memory[i].id == disk[i].id);
    CHECK(in_memory[i].text == disk[i].text);
    CHECK(in_memory[i].title == disk[i].title);
    CHECK(in_memory[i].origin == disk[i].origin);
  }
  CHECK(disk[0].id == "a");
  CHECK(disk[0].title == "Talks Resume");
  CHECK(disk[1].text == "Erdogan said Ankara was ready.");
  CHECK(memory_messages == disk_messages);
}

TEST_CASE("fuzz finding: an escaped lone surrogate in JSON Lines becomes U+FFFD", "[extract][ingest][fuzz]") {
  // RapidJSON 1.1.0 turns "\udc00" into the bytes ED B0 80, which are not UTF-8; the text decoder then
  // read them as Windows-1252 and let a no-break space (A0) through normalisation.
  std::vector<std::string> warnings;
  const extract::Document doc = extract::parse_jsonl_document(
      R"({"id":"a\ude20b","text":"Lavrov \ude20said \udc00\u00a0yes.","title":"T\udfff"})", "feed.jsonl", 3, {},
      [&](const extract::Diagnostic& d) { warnings.push_back(d.message); });
  CHECK(doc.id == "a\xEF\xBF\xBD" "b");
  CHECK(doc.text == "Lavrov \xEF\xBF\xBDsaid \xEF\xBF\xBD yes.");
  CHECK(doc.title == "T\xEF\xBF\xBD");
  CHECK(warnings.empty());
}
