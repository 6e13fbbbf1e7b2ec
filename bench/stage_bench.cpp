// Cost per token of each extraction stage as documents grow: segments the texts, then times
// segment, find_actors, find_statements and code_events on documents made of 1, 10 and 100 copies of
// the texts (one document each), and prints ns/token per stage. A stage with a pass over the whole
// document per sentence or per mention would show ns/token growing with the copies; a stage that
// costs a constant per token keeps it flat. Run by hand:
//   cmake --build build --target geokg_stage_bench && build/bench/geokg_stage_bench [TEXT_FILE...]
// Without arguments it reads every examples/*.txt under the source tree.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "extract/actors.hpp"
#include "extract/dates.hpp"
#include "extract/document.hpp"
#include "extract/events.hpp"
#include "extract/lexicon.hpp"
#include "extract/segment.hpp"
#include "extract/statements.hpp"

namespace {

using namespace geokg::extract;
using Clock = std::chrono::steady_clock;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct StageTimes {
  double segment = 1e300, actors = 1e300, statements = 1e300, events = 1e300;
  std::size_t tokens = 0, sentences = 0, events_coded = 0;
};

double ns_since(Clock::time_point start) {
  return std::chrono::duration<double, std::nano>(Clock::now() - start).count();
}

// Best of `rounds` timings of each stage over one document, in ns per token.
StageTimes measure(const Document& doc, const Lexicon& lexicon, int rounds) {
  StageTimes t;
  for (int round = 0; round < rounds; ++round) {
    auto start = Clock::now();
    const Segmentation seg = segment(doc.text);
    const double segment_ns = ns_since(start);
    start = Clock::now();
    const ActorAnalysis actors = find_actors(doc, seg, lexicon);
    const double actors_ns = ns_since(start);
    start = Clock::now();
    const StatementAnalysis statements = find_statements(doc, seg, actors, lexicon);
    const double statements_ns = ns_since(start);
    start = Clock::now();
    const std::vector<EventRecord> events = code_events(doc, seg, actors, lexicon, statements.quoted);
    const double events_ns = ns_since(start);
    const double n = static_cast<double>(std::max<std::size_t>(seg.tokens.size(), 1));
    t.segment = std::min(t.segment, segment_ns / n);
    t.actors = std::min(t.actors, actors_ns / n);
    t.statements = std::min(t.statements, statements_ns / n);
    t.events = std::min(t.events, events_ns / n);
    t.tokens = seg.tokens.size();
    t.sentences = seg.sentences.size();
    t.events_coded = events.size();
  }
  return t;
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
  std::string text;
  for (const auto& path : inputs) {
    text += read_file(path);
    text += "\n\n";
  }
  const auto lexicon = Lexicon::load();
  std::printf("text: %zu files, %zu bytes\n", inputs.size(), text.size());
  std::printf("%-7s %9s %10s %8s %14s %14s %14s %14s\n", "copies", "tokens", "sentences", "events", "segment ns/tok",
              "actors ns/tok", "quotes ns/tok", "events ns/tok");
  for (const int copies : {1, 10, 100}) {
    Document doc;
    doc.id = "bench";
    for (int c = 0; c < copies; ++c) doc.text += text;
    if (auto date = parse_iso_date("2025-08-20", DateOrigin::kDocument)) doc.date = *date;
    // About the same number of tokens timed for every size: more rounds for the short document.
    const StageTimes t = measure(doc, *lexicon, std::max(3, 300 / copies));
    std::printf("%-7d %9zu %10zu %8zu %14.1f %14.1f %14.1f %14.1f\n", copies, t.tokens, t.sentences, t.events_coded,
                t.segment, t.actors, t.statements, t.events);
  }
  return 0;
}
