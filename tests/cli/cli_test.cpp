#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

struct Run {
  int code = -1;
  std::string out;  // stdout and stderr together
};

Run run(const std::string& args) {
  const std::string command = std::string(GEOKG_BINARY) + " " + args + " 2>&1";
  Run result;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// Runs a shell command line (bash), stdout and stderr together.
Run run_shell(const std::string& line) {
  Run result;
  FILE* pipe = popen(("bash -c '" + line + "' 2>&1").c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path temp_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("geokg-cli-test-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

bool have_validator() {
  return fs::exists(geokg::test::shared_dir() / "validate-graph") && std::system("command -v xmllint >/dev/null 2>&1") == 0;
}

}  // namespace

TEST_CASE("help documents every subcommand and flag", "[cli]") {
  const Run top = run("--help");
  CHECK(top.code == 0);
  for (const char* word : {"build", "extract", "actors", "said", "timeline", "merge", "export", "actor"}) CHECK(top.out.find(word) != std::string::npos);
  const Run build = run("build --help");
  CHECK(build.code == 0);
  for (const char* flag : {"--output", "--date", "--actors", "--threads", "--quiet", "--include-unreal", "inputs"}) {
    INFO(flag);
    CHECK(build.out.find(flag) != std::string::npos);
  }
  const Run extract = run("extract --help");
  CHECK(extract.code == 0);
  CHECK(extract.out.find("--explain") != std::string::npos);
  const Run said = run("said --help");
  CHECK(said.code == 0);
  for (const char* flag : {"--by", "--about", "--since", "--until", "--json"}) CHECK(said.out.find(flag) != std::string::npos);
  const Run actors = run("actors --help");
  CHECK(actors.code == 0);
  CHECK(actors.out.find("--date") != std::string::npos);
}

TEST_CASE("bad flags and arguments are usage errors with exit code 2", "[cli]") {
  CHECK(run("").code == 2);
  CHECK(run("frobnicate").code == 2);
  CHECK(run("build examples --no-such-flag -o x.graphml").code == 2);
  CHECK(run("build examples").code == 2);  // no output
  const Run ext = run("build examples -o out.xlsx");
  CHECK(ext.code == 2);
  CHECK(ext.out.find("unknown output format \"out.xlsx\"") != std::string::npos);
  const Run date = run("build examples -o x.graphml --date 12/10/2021");
  CHECK(date.code == 2);
  CHECK(date.out.find("expected a date as YYYY-MM-DD") != std::string::npos);
  CHECK(run("build examples -o x.graphml --threads 0").code == 2);
}

TEST_CASE("build writes every format, deterministically for any thread count", "[cli][build]") {
  const fs::path dir = temp_dir("build");
  const std::string examples = (geokg::test::source_dir() / "examples").string();
  auto build = [&](const std::string& name, int threads) {
    const fs::path d = dir / name;
    fs::create_directories(d);
    const Run r = run("build " + examples + " --quiet --threads " + std::to_string(threads) + " -o " + (d / "g.graphml").string() +
                      " -o " + (d / "g.gexf").string() + " -o " + (d / "g.jsonl").string() + " -o " + (d / "g.dot").string() +
                      " -o " + (d / "g.sqlite").string());
    INFO(r.out);
    CHECK(r.code == 0);
    return d;
  };
  const fs::path one = build("one", 1);
  const fs::path two = build("two", 2);
  const fs::path again = build("again", 2);
  for (const char* file : {"g.graphml", "g.gexf", "g.jsonl", "g.dot"}) {
    INFO(file);
    const std::string a = read_file(one / file);
    CHECK(a.size() > 1000);
    CHECK(a == read_file(two / file));
    CHECK(a == read_file(again / file));
  }
  // No temporary files are left behind.
  for (const auto& entry : fs::directory_iterator(one)) CHECK(entry.path().filename().string().find(".tmp") == std::string::npos);
  if (have_validator()) {
    const std::string cmd = (geokg::test::shared_dir() / "validate-graph").string() + " " + (one / "g.graphml").string() +
                            " " + (one / "g.gexf").string() + " >/dev/null 2>&1";
    CHECK(std::system(cmd.c_str()) == 0);
  } else {
    WARN("../shared/validate-graph or xmllint missing: schema validation skipped");
  }
  if (std::system("/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1") == 0) {
    const std::string cmd = "/usr/bin/python3 -c \"import networkx as nx; g = nx.read_graphml('" + (one / "g.graphml").string() +
                            "', force_multigraph=True); assert g.number_of_nodes() > 20 and g.number_of_edges() > 10\"";
    CHECK(std::system(cmd.c_str()) == 0);
  }
  if (std::system("command -v sqlite3 >/dev/null 2>&1") == 0) {
    const std::string db = (one / "g.sqlite").string();
    FILE* p = popen(("sqlite3 " + db + " 'pragma integrity_check; pragma foreign_key_check;' 2>&1").c_str(), "r");
    REQUIRE(p != nullptr);
    char line[256];
    std::string all;
    while (std::fgets(line, sizeof line, p)) all += line;
    pclose(p);
    CHECK(all == "ok\n");
  }
  fs::remove_all(dir);
}

TEST_CASE("actors --explain resolves dated roles", "[cli][actors]") {
  const Run biden = run("actors --explain \"the US president\" --date 2021-06-01");
  CHECK(biden.code == 0);
  CHECK(biden.out.find("joe-biden") != std::string::npos);
  const Run trump = run("actors --explain \"the US president\" --date 2025-08-15");
  CHECK(trump.out.find("donald-trump") != std::string::npos);
}

TEST_CASE("a malformed user actor file is reported with its line", "[cli][actors]") {
  const fs::path dir = temp_dir("actors");
  const fs::path file = dir / "mine.jsonl";
  std::ofstream(file) << "{\"id\":\"jane-roe\",\"name\":\"Jane Roe\",\"kind\":\"person\",\"country\":\"USA\"}\n"
                      << "{\"id\":\"Bad Id\",\"name\":\"X\",\"kind\":\"person\"}\n";
  const Run r = run("actors --actors " + file.string());
  CHECK(r.code == 3);
  CHECK(r.out.find(file.string() + ":2: invalid field \"/id\"") != std::string::npos);
  std::ofstream(file) << "{\"id\":\"jane-roe\",\"name\":\"Jane Roe\",\"kind\":\"person\",\"country\":\"USA\"}\n";
  const Run ok = run("actors --actors " + file.string() + " --explain \"Jane Roe met Putin\"");
  CHECK(ok.code == 0);
  CHECK(ok.out.find("jane-roe") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("said lists who said what about whom from a store", "[cli][said]") {
  const fs::path dir = temp_dir("said");
  const fs::path feed = dir / "feed.jsonl";
  std::ofstream(feed)
      << "{\"id\":\"a\",\"published\":\"2025-08-20\",\"text\":\"\\\"We will safeguard our interests in a firm manner,\\\" "
         "Sergey Lavrov said. He also insisted that China should be an equal partner.\"}\n"
      << "{\"id\":\"b\",\"published\":\"2024-03-02\",\"text\":\"Volodymyr Zelensky said that Russia must end the war it "
         "started against Ukraine.\"}\n"
      << "{\"id\":\"c\",\"published\":\"2023-05-02\",\"text\":\"According to Antony Blinken, the talks in Vienna "
         "were useful.\"}\n";
  const std::string store = (dir / "s.sqlite").string();
  REQUIRE(run("build " + feed.string() + " -q -o " + store).code == 0);
  const Run lavrov = run("said " + store + " --by Lavrov");
  CHECK(lavrov.code == 0);
  CHECK(lavrov.out.find("We will safeguard our interests in a firm manner,") != std::string::npos);
  CHECK(lavrov.out.find("China should be an equal partner") != std::string::npos);
  CHECK(lavrov.out.find("Zelensky") == std::string::npos);
  const Run about = run("said " + store + " --about China --json");
  CHECK(about.code == 0);
  CHECK(about.out.find("\"speaker\":\"sergey-lavrov\"") != std::string::npos);
  CHECK(about.out.find("\"content\":\"China should be an equal partner\"") != std::string::npos);
  const Run since = run("said " + store + " --since 2025-01-01");
  CHECK(since.out.find("Zelensky") == std::string::npos);
  CHECK(since.out.find("Lavrov") != std::string::npos);
  // A name the texts never used, resolved through the lexicon: "Sergei Lavrov" is his alias, "PRC"
  // is China.
  const Run spelling = run("said " + store + " --by \"Foreign Minister Lavrov\" --about PRC");
  CHECK(spelling.code == 0);
  CHECK(spelling.out.find("China should be an equal partner") != std::string::npos);
  // The cue in lower case after the speaker, "according to" before it.
  const Run blinken = run("said " + store + " --by Blinken");
  CHECK(blinken.out.find("according to Antony Blinken: the talks in Vienna were useful") != std::string::npos);
  CHECK(lavrov.out.find("Sergey Lavrov said: \xE2\x80\x9CWe will safeguard") != std::string::npos);
  const Run nobody = run("said " + store + " --by Nobody");
  CHECK(nobody.code == 3);
  CHECK(nobody.out.find("no actor named \"Nobody\"") != std::string::npos);
  CHECK(run("said " + (dir / "missing.sqlite").string()).code == 2);
  if (std::system("command -v sqlite3 >/dev/null 2>&1") == 0) {
    // The who_said_what view: one row per statement and actor it is about.
    FILE* p = popen(("sqlite3 " + store + " \"select speaker, about, stance from who_said_what"
                     " where speaker = 'sergey-lavrov' and about = 'china'\"").c_str(), "r");
    std::string rows;
    char line[256];
    while (p != nullptr && std::fgets(line, sizeof line, p)) rows += line;
    if (p != nullptr) pclose(p);
    CHECK(rows.find("sergey-lavrov|china|") == 0);
  }
  fs::remove_all(dir);
}

TEST_CASE("timeline gives the relation of two actors per period", "[cli][timeline]") {
  const fs::path dir = temp_dir("timeline");
  const fs::path feed = dir / "feed.jsonl";
  std::ofstream(feed)
      << "{\"id\":\"a\",\"published\":\"2025-03-10\",\"text\":\"Russia attacked Ukraine with missiles on Sunday.\"}\n"
      << "{\"id\":\"b\",\"published\":\"2025-05-16\",\"text\":\"Russia and Ukraine held talks in Istanbul on Friday.\"}\n"
      << "{\"id\":\"c\",\"published\":\"2025-05-20\",\"text\":\"Russia could invade Ukraine again, analysts said.\"}\n"
      << "{\"id\":\"d\",\"published\":\"2025-07-02\",\"text\":\"Vladimir Putin condemned Volodymyr Zelensky on Tuesday.\"}\n";
  const std::string store = (dir / "s.sqlite").string();
  REQUIRE(run("build " + feed.string() + " -q -o " + store).code == 0);
  const Run json = run("timeline " + store + " Russia Ukraine --by month --json");
  CHECK(json.code == 0);
  // March: one attack (quad class 4); May: the talks both ways (quad class 1); the hypothetical
  // invasion is not counted.
  CHECK(json.out.find("{\"period\":\"2025-03\",\"events\":1,\"quad_class\":[0,0,0,1]") != std::string::npos);
  CHECK(json.out.find("{\"period\":\"2025-05\",\"events\":2,\"quad_class\":[2,0,0,0]") != std::string::npos);
  CHECK(json.out.find("\"change\":true") != std::string::npos);
  // A state stands for its leaders: Putin's condemnation of Zelensky is Russia -> Ukraine, unless
  // --exact asks for the two named actors only.
  CHECK(json.out.find("{\"period\":\"2025-07\",\"events\":1,\"quad_class\":[0,0,1,0]") != std::string::npos);
  const Run exact = run("timeline " + store + " Russia Ukraine --by month --json --exact");
  CHECK(exact.code == 0);
  CHECK(exact.out.find("\"2025-07\"") == std::string::npos);
  CHECK(exact.out.find("{\"period\":\"2025-03\",\"events\":1,") != std::string::npos);
  const Run directed = run("timeline " + store + " Ukraine Russia --directed --json");
  CHECK(directed.out.find("\"2025-03\"") == std::string::npos);
  const Run table = run("timeline " + store + " Russia Ukraine --by day");
  CHECK(table.code == 0);
  CHECK(table.out.find("2025-03-09") != std::string::npos);
  CHECK(run("timeline " + store + " Russia Ukraine --by year").code == 2);
  const fs::path svg = dir / "t.svg";
  CHECK(run("timeline " + store + " Russia Ukraine --svg " + svg.string()).code == 0);
  const std::string picture = read_file(svg);
  CHECK(picture.find("<svg xmlns=\"http://www.w3.org/2000/svg\"") != std::string::npos);
  CHECK(picture.find("2025-03: 1 material conflict") != std::string::npos);
  CHECK(picture.find("change at 2025-05") != std::string::npos);
  if (std::system("command -v xmllint >/dev/null 2>&1") == 0) {
    CHECK(std::system(("xmllint --noout " + svg.string()).c_str()) == 0);
  }
  fs::remove_all(dir);
}

namespace {

std::string store_counts(const std::string& store) {
  FILE* p = popen(("sqlite3 " + store +
                   " 'select (select count(*) from documents), (select count(*) from events),"
                   " (select count(*) from statements), (select count(*) from mentions), (select count(*) from actors)'"
                   " 2>&1").c_str(),
                  "r");
  std::string out;
  char line[256];
  while (p != nullptr && std::fgets(line, sizeof line, p)) out += line;
  if (p != nullptr) pclose(p);
  return out;
}

}  // namespace

TEST_CASE("merging shard stores equals one build; export re-creates the graph", "[cli][merge]") {
  if (std::system("command -v sqlite3 >/dev/null 2>&1") != 0) {
    WARN("sqlite3 missing: skipped");
    return;
  }
  const fs::path dir = temp_dir("merge");
  const std::string examples = (geokg::test::source_dir() / "examples").string();
  const std::string all = (dir / "all.sqlite").string();
  REQUIRE(run("build " + examples + " -q -o " + all + " -o " + (dir / "all.graphml").string()).code == 0);
  // Two shards, merged in the other order, plus one shard twice: the same counts as one build.
  const std::string a = (dir / "a.sqlite").string(), b = (dir / "b.sqlite").string(), m = (dir / "m.sqlite").string();
  REQUIRE(run("build " + examples + "/001-geneva-summit.txt " + examples + "/002-prague-expulsions.txt " + examples +
              "/feed.jsonl -q -o " + a).code == 0);
  REQUIRE(run("build " + examples + " -q -o " + b).code == 0);
  const Run merged = run("merge " + m + " " + b + " " + a + " " + a);
  CHECK(merged.code == 0);
  CHECK(store_counts(m) == store_counts(all));
  // Building the same input into an existing store adds nothing.
  REQUIRE(run("build " + examples + " -q -o " + all).code == 0);
  CHECK(store_counts(all) == store_counts(m));
  const Run exported = run("export " + m + " -q -o " + (dir / "m.graphml").string());
  CHECK(exported.code == 0);
  CHECK(read_file(dir / "m.graphml") == read_file(dir / "all.graphml"));
  CHECK(run("export " + m + " -o " + (dir / "x.jsonl").string()).code == 2);
  fs::remove_all(dir);
}

TEST_CASE("the GNU parallel recipe gives the same store as one build", "[cli][parallel]") {
  if (std::system("command -v parallel >/dev/null 2>&1 && command -v sqlite3 >/dev/null 2>&1") != 0) {
    WARN("GNU parallel or sqlite3 missing: skipped");
    return;
  }
  const fs::path dir = temp_dir("parallel");
  const std::string examples = (geokg::test::source_dir() / "examples").string();
  const std::string binary = GEOKG_BINARY;
  // The recipe of the README: one store per shard built in parallel, then one merge.
  const std::string recipe = "cd " + dir.string() + " && ls " + examples + "/*.txt " + examples + "/*.html " + examples +
                             "/*.jsonl | parallel --will-cite -j 2 -N 5 '" + binary +
                             " build {} -q -o shard-{#}.sqlite' && " + binary + " merge -q merged.sqlite shard-*.sqlite";
  REQUIRE(std::system(recipe.c_str()) == 0);
  REQUIRE(run("build " + examples + " -q -o " + (dir / "one.sqlite").string()).code == 0);
  CHECK(store_counts((dir / "merged.sqlite").string()) == store_counts((dir / "one.sqlite").string()));
  fs::remove_all(dir);
}

TEST_CASE("actor shows the profile of an actor in a store", "[cli][actor]") {
  const fs::path dir = temp_dir("actor");
  const fs::path feed = dir / "feed.jsonl";
  std::ofstream(feed) << "{\"id\":\"a\",\"published\":\"2025-08-15\",\"text\":\"Russian President Vladimir Putin met "
                         "Donald Trump in Anchorage. Putin said the talks were useful.\"}\n";
  const std::string store = (dir / "s.sqlite").string();
  REQUIRE(run("build " + feed.string() + " -q -o " + store).code == 0);
  const Run text = run("actor " + store + " Putin");
  CHECK(text.code == 0);
  CHECK(text.out.find("Vladimir Putin (vladimir-putin): person, RUS") != std::string::npos);
  CHECK(text.out.find("role: president of RUS (2012-05-07 to now)") != std::string::npos);
  CHECK(text.out.find("in the text: president of russia") != std::string::npos);
  CHECK(text.out.find("partner: Donald Trump (donald-trump) 1 events") != std::string::npos);
  const Run json = run("actor " + store + " vladimir-putin --json");
  CHECK(json.out.find("\"aliases\":[{\"alias\":\"Putin\",\"count\":1},{\"alias\":\"Vladimir Putin\",\"count\":1}]") !=
        std::string::npos);
  CHECK(run("actor " + store + " Nobody").code == 3);
  fs::remove_all(dir);
}

TEST_CASE("a folder of bad input: every problem reported, the good documents kept, exit code 1", "[cli][bad-input]") {
  const fs::path dir = temp_dir("bad-input");
  const fs::path in = dir / "in";
  fs::create_directories(in);
  const std::string good = "Russia and China signed a trade agreement in Beijing on Monday, officials said.";
  std::ofstream(in / "a-good.txt") << good << "\n";
  std::ofstream(in / "b-page.html") << "<html><head><script>var x = \"Putin attacked NATO\";</script></head><body><p>"
                                    << good << "</p></body></html>";
  std::ofstream(in / "c-empty.txt");
  std::ofstream(in / "d-binary.txt", std::ios::binary) << std::string("GIF89a\0\0\x01\x02 data", 16);
  std::ofstream(in / "e-latin1.txt", std::ios::binary) << "Macron met Scholz in Paris \x93today\x94.\n";
  {
    std::ofstream huge(in / "f-huge.txt");
    for (int i = 0; i < 580000; ++i) huge << "lorem ipsum dolor ";  // 10 MB, no newline
  }
  std::ofstream(in / "g-feed.jsonl") << "{\"id\":\"ok\",\"text\":\"" << good << "\"}\n"
                                     << "{\"id\":\"broken\",\"text\":\"unterminated}\n"
                                     << "{\"id\":\"no-text\",\"title\":\"Nothing here\"}\n"
                                     << "{\"id\":\"extra\",\"text\":\"Iran condemned Israel.\",\"lang\":\"en\"}\n";
  fs::create_symlink(in / "missing.txt", in / "h-dangling.txt");
  fs::create_directories(in / "sub");
  fs::create_directory_symlink(in, in / "sub" / "loop");
  const std::string store = (dir / "s.sqlite").string();
  const Run r = run("build " + in.string() + " -o " + store);
  CHECK(r.code == 1);
  INFO(r.out);
  CHECK(r.out.find("c-empty.txt: empty file, expected article text") != std::string::npos);
  CHECK(r.out.find("d-binary.txt: binary file (NUL byte at offset 6), expected UTF-8 text") != std::string::npos);
  CHECK(r.out.find("e-latin1.txt: invalid UTF-8") != std::string::npos);  // a warning; the text is kept
  CHECK(r.out.find("g-feed.jsonl:2:") != std::string::npos);
  CHECK(r.out.find("g-feed.jsonl:3: missing \"text\"") != std::string::npos);
  CHECK(r.out.find("g-feed.jsonl:4:") != std::string::npos);  // unknown field "lang": a warning
  CHECK(r.out.find("h-dangling.txt") != std::string::npos);
  CHECK(r.out.find("loop") != std::string::npos);
  CHECK(r.out.find("Putin attacked NATO") == std::string::npos);
  CHECK(r.out.find("6 documents") != std::string::npos);
  CHECK(r.out.find("5 skipped") != std::string::npos);
  if (std::system("command -v sqlite3 >/dev/null 2>&1") == 0) {
    // Six documents pass: a-good, b-page, e-latin1, f-huge and the "ok" and "extra" lines; the
    // page and the "ok" line have a-good's text, which the store keeps once.
    FILE* p = popen(("sqlite3 " + store + " 'pragma integrity_check; select count(*) from documents; "
                     "select count(*) from sentences where text like \"%var x%\"'").c_str(), "r");
    std::string out;
    char line[128];
    while (p != nullptr && std::fgets(line, sizeof line, p)) out += line;
    if (p != nullptr) pclose(p);
    CHECK(out == "ok\n4\n0\n");
  }
  // An unwritable output is reported with its path, and nothing is written.
  const Run unwritable = run("build " + (in / "a-good.txt").string() + " -o " + (dir / "no" / "such" / "dir.graphml").string());
  CHECK(unwritable.code == 3);
  CHECK(unwritable.out.find("no/such/dir.graphml") != std::string::npos);
  // A full disk (here a file size limit: writes fail with EFBIG) is an error naming the output; no
  // output is left under its final name, and no temporary file either.
  const fs::path full = dir / "full";
  fs::create_directories(full);
  const std::string examples = (geokg::test::source_dir() / "examples").string();
  for (const std::string out : {"s.sqlite", "g.graphml"}) {
    const Run limited = run_shell("ulimit -f 40; exec " + std::string(GEOKG_BINARY) + " build " + examples + " -q -o " +
                                  (full / out).string());
    INFO(limited.out);
    CHECK(limited.code == 3);
    CHECK(limited.out.find(out + ": ") != std::string::npos);
    CHECK(fs::is_empty(full));
  }
  fs::remove_all(dir);
}

TEST_CASE("the dynamic GEXF validates and its edge spells are the days of their evidence", "[cli][gexf]") {
  // The seed articles when ../shared is there (they run from December 2021 to August 2025), else
  // the examples; either way every dated event, statement and relation must show up as a spell.
  const fs::path seeds = geokg::test::shared_dir() / "seeds" / "seeds.jsonl";
  const std::string input =
      fs::exists(seeds) ? seeds.string() : (geokg::test::source_dir() / "examples").string();
  const fs::path dir = temp_dir("gexf-spells");
  const std::string gexf = (dir / "g.gexf").string(), store = (dir / "g.sqlite").string();
  const Run built = run("build " + input + " -q -o " + gexf + " -o " + store);
  REQUIRE(built.code == 0);
  if (have_validator()) {
    const std::string validate = (geokg::test::shared_dir() / "validate-graph").string() + " " + gexf + " >/dev/null 2>&1";
    CHECK(std::system(validate.c_str()) == 0);
  }
  // The expected days come from the store, with the graph's rule: events count when asserted or
  // reported and not negated, and a date known to the month ("last September") or the year shows
  // on the first day of that month or year. Each event edge's spells must be exactly those days.
  const std::string script = R"PY(
import sqlite3, sys, xml.etree.ElementTree as ET
from collections import defaultdict
gexf, store = sys.argv[1], sys.argv[2]
ns = {"g": "http://gexf.net/1.3"}
root = ET.parse(gexf).getroot()
actor = {}
for n in root.iterfind(".//g:node", ns):
    for a in n.iterfind("g:attvalues/g:attvalue", ns):
        if a.get("for") == "actor": actor[n.get("id")] = a.get("value")
got = defaultdict(set)
for e in root.iterfind(".//g:edge", ns):
    att = {a.get("for"): a.get("value") for a in e.iterfind("g:attvalues/g:attvalue", ns) if a.get("start") is None}
    key = (actor[e.get("source")], actor[e.get("target")], att.get("kind"), att.get("code") or e.get("label"))
    for s in e.iterfind("g:spells/g:spell", ns):
        assert s.get("start") == s.get("end"), ("a spell is one day", key, s.attrib)
        got[key].add(s.get("start"))
db = sqlite3.connect(store)
want = defaultdict(set)
day = {"day": lambda d: d, "month": lambda d: d + "-01", "year": lambda d: d + "-01-01"}
for src, tgt, code, date, precision in db.execute("select source, target, code, date, date_precision from events where target is not null and source != target and negated = 0 and modality in ('asserted', 'reported') and date is not null"):
    want[(src, tgt, "event", code)].add(day[precision](date))
events = sum(len(v) for v in want.values())
dated = [k for k in got if k[2] == "event"]
bad = [(k, sorted(got[k]), sorted(want[k])) for k in set(want) | set(dated) if got[k] != want[k]]
if bad or events == 0:
    print("MISMATCH", events, bad[:5]); sys.exit(1)
print("OK", events, len(dated))
)PY";
  {
    std::ofstream py(dir / "check.py");
    py << script;
  }
  const std::string check = "/usr/bin/python3 " + (dir / "check.py").string() + " " + gexf + " " + store + " 2>&1";
  FILE* pipe = popen(check.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  std::string out;
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  const int status = pclose(pipe);
  INFO(out);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(out.rfind("OK ", 0) == 0);
  fs::remove_all(dir);
}
