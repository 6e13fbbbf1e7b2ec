// Actor matching cost per token against lexicon size: times find_actors (trie matching, titles,
// new names, coreference) and the bare trie lookup (Lexicon::match_phrase at every token) on a
// fixed text, with the built-in lexicon and with it inflated by synthetic people (10x, 100x the
// number of built-in actors), and prints ns/token for each. Run by hand:
//   cmake --build build --target geokg_match_bench && build/bench/geokg_match_bench [TEXT_FILE...]
// Without arguments it reads every examples/*.txt under the source tree.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "extract/actors.hpp"
#include "extract/dates.hpp"
#include "extract/document.hpp"
#include "extract/lexicon.hpp"
#include "extract/segment.hpp"

namespace {

using namespace geokg::extract;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Synthetic people whose names share the first words and token shapes of real ones, so that the
// trie grows wide at the nodes real text visits ("Vladimir X", "President Y").
void write_synthetic_people(const std::filesystem::path& path, std::size_t count) {
  static const char* kFirst[] = {"Vladimir", "Donald", "Sergey", "Maria", "Joe", "Olaf", "Kim", "Ali",
                                 "Mohammed", "John", "Anna", "Xi", "Emmanuel", "Recep", "Mark", "Elena"};
  static const char* kSyllables[] = {"ka", "lo", "mir", "sha", "to", "ren", "vi", "dor", "an", "pe", "zu", "gri"};
  std::ofstream out(path);
  for (std::size_t i = 0; i < count; ++i) {
    std::string surname;
    std::size_t v = i;
    for (int k = 0; k < 4; ++k) {
      surname += kSyllables[v % 12];
      v /= 12;
    }
    surname[0] = static_cast<char>(surname[0] - 'a' + 'A');
    surname += std::to_string(i % 97);  // keep every name distinct
    const std::string first = kFirst[i % 16];
    out << "{\"id\": \"synthetic-" << i << "\", \"name\": \"" << first << " " << surname
        << "\", \"kind\": \"person\", \"country\": \"RUS\", \"aliases\": [\"" << surname << "\"]}\n";
  }
}

struct Result {
  std::size_t actors = 0;
  std::size_t phrases = 0;
  double find_ns_per_token = 0;
  double trie_ns_per_token = 0;
};

Result measure(const Lexicon& lexicon, const std::vector<Document>& docs, const std::vector<Segmentation>& segs,
               std::size_t tokens) {
  Result r;
  r.actors = lexicon.actors().size();
  r.phrases = lexicon.phrase_count();
  using Clock = std::chrono::steady_clock;
  std::size_t sink = 0;
  // Best of 5 rounds of enough passes to take a measurable time.
  const int passes = static_cast<int>(std::max<std::size_t>(1, 2'000'000 / std::max<std::size_t>(tokens, 1)));
  double best_find = 1e300, best_trie = 1e300;
  for (int round = 0; round < 5; ++round) {
    auto t0 = Clock::now();
    for (int p = 0; p < passes; ++p) {
      for (std::size_t d = 0; d < docs.size(); ++d) sink += find_actors(docs[d], segs[d], lexicon).mentions.size();
    }
    auto t1 = Clock::now();
    for (int p = 0; p < passes; ++p) {
      for (const auto& seg : segs) {
        for (const auto& s : seg.sentences) {
          for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
            const std::vector<PhraseEntry>* entries = nullptr;
            sink += lexicon.match_phrase(seg, i, s.end_token, &entries);
          }
        }
      }
    }
    auto t2 = Clock::now();
    const double n = static_cast<double>(tokens) * passes;
    best_find = std::min(best_find, std::chrono::duration<double, std::nano>(t1 - t0).count() / n);
    best_trie = std::min(best_trie, std::chrono::duration<double, std::nano>(t2 - t1).count() / n);
  }
  if (sink == 42) std::printf("\n");  // keeps the work observable
  r.find_ns_per_token = best_find;
  r.trie_ns_per_token = best_trie;
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::filesystem::path> inputs;
  for (int i = 1; i < argc; ++i) inputs.emplace_back(argv[i]);
  if (inputs.empty()) {
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(GEOKG_SOURCE_DIR) / "examples")) {
      if (e.path().extension() == ".txt") inputs.push_back(e.path());
    }
    std::sort(inputs.begin(), inputs.end());
  }
  std::vector<Document> docs;
  for (const auto& path : inputs) {
    Document d;
    d.id = path.filename().string();
    d.text = read_file(path);
    if (auto date = parse_iso_date("2025-08-20", DateOrigin::kDocument)) d.date = *date;
    docs.push_back(std::move(d));
  }
  std::vector<Segmentation> segs;
  std::size_t tokens = 0, bytes = 0;
  for (const auto& d : docs) {
    segs.push_back(segment(d.text));
    tokens += segs.back().tokens.size();
    bytes += d.text.size();
  }
  std::printf("text: %zu files, %zu bytes, %zu tokens\n", docs.size(), bytes, tokens);
  const auto base = Lexicon::load();
  const std::size_t built_in = base->actors().size();
  std::printf("%-10s %10s %10s %16s %16s\n", "lexicon", "actors", "phrases", "find_actors ns/tok", "trie ns/tok");
  const auto tmp = std::filesystem::temp_directory_path();
  for (std::size_t factor : {1u, 10u, 100u}) {
    std::shared_ptr<Lexicon> lexicon = base;
    std::filesystem::path file;
    if (factor > 1) {
      file = tmp / ("geokg-match-bench-" + std::to_string(factor) + "x.jsonl");
      write_synthetic_people(file, built_in * (factor - 1));
      lexicon = Lexicon::load({file.string()});
    }
    const Result r = measure(*lexicon, docs, segs, tokens);
    std::printf("%-10s %10zu %10zu %16.1f %16.1f\n", (std::to_string(factor) + "x").c_str(), r.actors, r.phrases,
                r.find_ns_per_token, r.trie_ns_per_token);
    if (!file.empty()) std::filesystem::remove(file);
  }
  return 0;
}
