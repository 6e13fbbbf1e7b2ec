#include "extract/ingest.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extract/error.hpp"
#include "extract/utf8.hpp"

using namespace geokg::extract;
namespace fs = std::filesystem;
using namespace std::string_literals;

namespace {

// A scratch folder under the system temp directory, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = fs::temp_directory_path() /
            ("geokg-ingest-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    // chmod 000 entries must be writable again before they can be removed.
    for (const auto& entry : fs::recursive_directory_iterator(path_, fs::directory_options::skip_permission_denied,
                                                              ignored)) {
      if (!entry.is_symlink()) fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add, ignored);
    }
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }
  std::string str() const { return path_.string(); }

  std::string write(const std::string& rel, std::string_view content) const {
    const fs::path file = path_ / rel;
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    return file.string();
  }

 private:
  fs::path path_;
};

struct Collected {
  std::vector<Diagnostic> diagnostics;

  DiagnosticSink sink() {
    return [this](const Diagnostic& d) { diagnostics.push_back(d); };
  }
  std::vector<std::string> messages(Diagnostic::Level level) const {
    std::vector<std::string> out;
    for (const auto& d : diagnostics) {
      if (d.level == level) out.push_back(d.message);
    }
    return out;
  }
  std::vector<std::string> errors() const { return messages(Diagnostic::Level::kError); }
  std::vector<std::string> warnings() const { return messages(Diagnostic::Level::kWarning); }
};

std::vector<Document> read_all(DocumentReader& reader) {
  std::vector<Document> docs;
  while (auto doc = reader.next()) docs.push_back(std::move(*doc));
  return docs;
}

std::vector<std::string> ids(const std::vector<Document>& docs) {
  std::vector<std::string> out;
  for (const auto& doc : docs) out.push_back(doc.id);
  return out;
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const geokg::InputError& e) {
    return e.what();
  }
  return "(no InputError)";
}

const std::string kBody = "The two delegations met in Vienna on Tuesday. They agreed to meet again next month.\n";

}  // namespace

// ---------------------------------------------------------------------------------------------
// Pure functions

TEST_CASE("parse_published_date accepts ISO 8601 dates and date-times", "[extract][ingest]") {
  struct Case {
    const char* input;
    const char* value;
    DatePrecision precision;
  };
  const Case cases[] = {
      {"2024-03-01", "2024-03-01", DatePrecision::kDay},
      {" 2024-03-01 ", "2024-03-01", DatePrecision::kDay},
      {"2024-03-01T09:30:00Z", "2024-03-01", DatePrecision::kDay},
      {"2024-03-01T23:30:00.123-05:00", "2024-03-01", DatePrecision::kDay},
      {"2024-03-01 09:30", "2024-03-01", DatePrecision::kDay},
      {"2024-03-01T09:30:00+0300", "2024-03-01", DatePrecision::kDay},
      {"2024-02-29", "2024-02-29", DatePrecision::kDay},
      {"20240301", "2024-03-01", DatePrecision::kDay},
      {"20240301T093000Z", "2024-03-01", DatePrecision::kDay},
      {"2024-03", "2024-03", DatePrecision::kMonth},
      {"2024", "2024", DatePrecision::kYear},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    const auto date = parse_published_date(c.input);
    REQUIRE(date.has_value());
    CHECK(date->value == c.value);
    CHECK(date->precision == c.precision);
    CHECK(date->origin == DateOrigin::kDocument);
  }
  for (const char* bad : {"", "2023-02-29", "2024-13-01", "2024-00-10", "2024-3-1", "01/03/2024", "March 1, 2024",
                          "2024-03-01T25:00", "2024-03-01Tnoon", "2024-03-01x", "999-01-01", "2024-03-01T09:30+3",
                          "2024-03-01T09:61", "yesterday"}) {
    INFO(bad);
    CHECK_FALSE(parse_published_date(bad).has_value());
  }
}

TEST_CASE("format_from_extension and sniff_format", "[extract][ingest]") {
  CHECK(format_from_extension("a/b.txt") == InputFormat::kText);
  CHECK_FALSE(format_from_extension("NOTES.MD"));
  CHECK(format_from_extension("x.text") == InputFormat::kText);
  CHECK(format_from_extension("page.HTM") == InputFormat::kHtml);
  CHECK(format_from_extension("page.html") == InputFormat::kHtml);
  CHECK(format_from_extension("feed.ndjson") == InputFormat::kJsonLines);
  CHECK(format_from_extension("feed.jsonl") == InputFormat::kJsonLines);
  CHECK_FALSE(format_from_extension("feed.json").has_value());
  CHECK_FALSE(format_from_extension(".txt").has_value());
  CHECK_FALSE(format_from_extension("dir.txt/file").has_value());
  CHECK(sniff_format("  \n{\"text\": 1}") == InputFormat::kJsonLines);
  CHECK(sniff_format("\xEF\xBB\xBF<!DOCTYPE html>") == InputFormat::kHtml);
  CHECK(sniff_format("Plain words") == InputFormat::kText);
}

TEST_CASE("parse_jsonl_document reads every field", "[extract][ingest]") {
  Collected collected;
  const Document doc = parse_jsonl_document(
      R"({"id": "a1", "text": "Body text.\r\nSecond line.", "title": "  Two\n words ", "url": "https://example.org/a",)"
      R"( "source": "Example Wire", "published": "2024-03-01T10:00:00+02:00"})",
      "feed.jsonl", 3, {}, collected.sink());
  CHECK(collected.diagnostics.empty());
  CHECK(doc.id == "a1");
  CHECK(doc.text == "Body text.\nSecond line.");
  CHECK(doc.title == "Two words");
  CHECK(doc.url == "https://example.org/a");
  CHECK(doc.source == "Example Wire");
  CHECK(doc.published == "2024-03-01");
  CHECK(doc.origin == "feed.jsonl:3");
  CHECK(doc.date == Date{"2024-03-01", DatePrecision::kDay, DateOrigin::kDocument});
}

TEST_CASE("parse_jsonl_document: ids", "[extract][ingest]") {
  Collected collected;
  CHECK(parse_jsonl_document(R"({"id": 42, "text": "x"})", "f.jsonl", 1, {}, collected.sink()).id == "42");
  CHECK(parse_jsonl_document(R"({"id": 1.5e3, "text": "x"})", "f.jsonl", 1, {}, collected.sink()).id == "1.5e3");
  CHECK(parse_jsonl_document(R"({"id": 12345678901234567890123, "text": "x"})", "f.jsonl", 1, {}, collected.sink()).id ==
        "12345678901234567890123");
  CHECK(collected.diagnostics.empty());

  CHECK(parse_jsonl_document(R"({"text": "x"})", "data/feed.jsonl", 7, {}, collected.sink()).id == "feed:7");
  CHECK(parse_jsonl_document(R"({"id": ["a"], "text": "x"})", "data/feed.jsonl", 8, {}, collected.sink()).id ==
        "feed:8");
  CHECK(parse_jsonl_document(R"({"id": "", "text": "x"})", "<stdin>", 9, {}, collected.sink()).id == "stdin:9");
  CHECK(collected.warnings() ==
        std::vector<std::string>{
            R"(data/feed.jsonl:7: missing "id", expected a string; using "feed:7")",
            R"(data/feed.jsonl:8:8: expected a string for "id", found an array; using "feed:8")",
            R"(<stdin>:9:8: expected a string for "id", found an empty string; using "stdin:9")",
        });
}

TEST_CASE("parse_jsonl_document warns about optional fields it cannot use", "[extract][ingest]") {
  Collected collected;
  std::unordered_set<std::string> reported;
  const std::string line =
      R"({"id": "a", "text": "x", "author": "Jane", "title": 5, "published": "last Tuesday", "url": null})";
  const Document doc = parse_jsonl_document(line, "feed.jsonl", 2, {}, collected.sink(), &reported);
  CHECK(doc.title.empty());
  CHECK(doc.published.empty());
  CHECK(doc.date.precision == DatePrecision::kUnknown);
  CHECK(collected.warnings() ==
        std::vector<std::string>{
            R"(feed.jsonl:2:26: unknown field "author" ignored, expected "id", "text", "title", "url", "source" or "published")",
            R"(feed.jsonl:2:53: expected a string for "title", found a number; ignored)",
            R"(feed.jsonl:2:69: unrecognised date "last Tuesday" in "published" ignored, expected an ISO 8601 date such as "2024-03-01" or "2024-03-01T09:30:00Z")",
        });
  // The same unknown field on a later line of the same file is not reported again.
  collected.diagnostics.clear();
  parse_jsonl_document(R"({"text": "y", "author": "Joe", "lang": "en", "id": "b"})", "feed.jsonl", 3, {}, collected.sink(),
                       &reported);
  CHECK(collected.warnings() ==
        std::vector<std::string>{
            R"(feed.jsonl:3:32: unknown field "lang" ignored, expected "id", "text", "title", "url", "source" or "published")"});

  collected.diagnostics.clear();
  const Document dup = parse_jsonl_document(R"({"text": "first", "text": "second", "id": "c"})", "feed.jsonl", 4, {},
                                            collected.sink());
  CHECK(dup.text == "first");
  CHECK(collected.warnings() ==
        std::vector<std::string>{R"(feed.jsonl:4:19: duplicate field "text", the first one is used)"});
}

TEST_CASE("parse_jsonl_document errors name the line, the column and what was expected", "[extract][ingest]") {
  struct Case {
    std::string line;
    std::string message;
  };
  std::string deep = R"({"text": "x", "n": )";
  for (int i = 0; i < 600; ++i) deep += "[";
  const Case cases[] = {
      {R"({"id": "a", "text": "x" "title": "y"})",
       R"(feed.jsonl:3:25: invalid JSON, expected ',' or '}' after an object member, found "\"")"},
      {R"({"id": "a", "text": "never ends)",
       R"(feed.jsonl:3:32: invalid JSON, expected '"' to close the string, found the end of the line)"},
      {R"({"text": "x"} extra)",
       R"(feed.jsonl:3:15: unexpected text after the JSON object, expected one JSON document per line, found "e")"},
      {R"({"text": "x"}{"text": "y"})",
       R"(feed.jsonl:3:14: unexpected text after the JSON object, expected one JSON document per line, found "{")"},
      {R"(  [1, 2])", R"(feed.jsonl:3:3: expected a JSON object with "text", found an array)"},
      {R"("just text")", R"(feed.jsonl:3:1: expected a JSON object with "text", found a string)"},
      {R"({"id": "a"})", R"(feed.jsonl:3: missing "text", expected a string with the article text)"},
      {R"({"id": "a", "text": 42})", R"(feed.jsonl:3:21: expected a string for "text", found a number)"},
      {R"({"id": "a", "text": null})", R"(feed.jsonl:3:21: expected a string for "text", found null)"},
      {R"({"text": {"body": "x"}})", R"(feed.jsonl:3:10: expected a string for "text", found an object)"},
      {R"({"title": "Café — Ωμέγα", "text": 5})", R"(feed.jsonl:3:35: expected a string for "text", found a number)"},
      {R"({"text": "  \n "})", R"(feed.jsonl:3:10: empty "text", expected a string with the article text)"},
      {R"({"text": "x",})", R"(feed.jsonl:3:14: invalid JSON, expected a member name in double quotes, found "}")"},
      {R"({"text" "x"})", R"(feed.jsonl:3:9: invalid JSON, expected ':' after the member name, found "\"")"},
      {R"({"text": "a\qb"})",
       R"(feed.jsonl:3:12: invalid JSON, expected an escape sequence (\" \\ \/ \b \f \n \r \t or \uXXXX), found "\\")"},
      {"{\"text\": \"a\tb\"}",
       R"(feed.jsonl:3:12: invalid JSON, expected control characters in strings to be escaped (\n, \t, \u0001), found "\t")"},
      {R"({"text": "\u12G4"})", R"(feed.jsonl:3:11: invalid JSON, expected four hex digits after \u, found "\\")"},
      {R"({"text": "\uD800"})",
       R"(feed.jsonl:3:11: invalid JSON, expected a \uDC00-\uDFFF low surrogate after a high surrogate, found "\\")"},
      {R"({"text": 1.})", R"(feed.jsonl:3:12: invalid JSON, expected digits after the decimal point, found "}")"},
      {R"({'text': 'x'})", R"(feed.jsonl:3:2: invalid JSON, expected a member name in double quotes, found "'")"},
      {deep, R"(feed.jsonl:3:531: JSON nested deeper than 512 levels, expected a flat object with "text")"},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    Collected collected;
    CHECK(message_of([&] { parse_jsonl_document(c.line, "feed.jsonl", 3, {}, collected.sink()); }) == c.message);
  }
}

TEST_CASE("parse_jsonl_document repairs invalid UTF-8 and control characters", "[extract][ingest]") {
  Collected collected;
  const Document doc =
      parse_jsonl_document("{\"id\":\"u\",\"text\":\"He said \x93yes\x94.\"}", "feed.jsonl", 4, {}, collected.sink());
  CHECK(doc.text == "He said \xE2\x80\x9Cyes\xE2\x80\x9D.");
  CHECK(collected.warnings() ==
        std::vector<std::string>{"feed.jsonl:4:27: invalid UTF-8 (byte 26 of the line), decoded as Windows-1252"});

  collected.diagnostics.clear();
  const Document controls = parse_jsonl_document(R"({"id":"c","text":"a\u0000b\u0007c"})" "\r", "feed.jsonl", 5, {},
                                                 collected.sink());
  CHECK(controls.text == "a b c");
  CHECK(collected.warnings() == std::vector<std::string>{"feed.jsonl:5: 2 control characters replaced by spaces"});

  collected.diagnostics.clear();
  CHECK(parse_jsonl_document("\xEF\xBB\xBF{\"text\":\"bom\"}", "feed.jsonl", 1, {}, collected.sink()).text == "bom");
  CHECK(collected.warnings().size() == 1);  // the missing id only
}

TEST_CASE("document_from_text normalises the text it stores", "[extract][ingest]") {
  Collected collected;
  SECTION("BOM, CRLF and CR") {
    const Document doc =
        document_from_text("\xEF\xBB\xBFLine one.\r\nLine two.\rLine three.\r\n", "a", "a.txt", {}, collected.sink());
    CHECK(doc.text == "Line one.\nLine two.\nLine three.");
    CHECK(collected.diagnostics.empty());
  }
  SECTION("Windows-1252 bytes") {
    const Document doc = document_from_text("He said \x93yes\x94 to the plan.", "a", "a.txt", {}, collected.sink());
    CHECK(doc.text == "He said \xE2\x80\x9Cyes\xE2\x80\x9D to the plan.");
    CHECK(collected.warnings() == std::vector<std::string>{"a.txt: invalid UTF-8 at byte 8, decoded as Windows-1252"});
  }
  SECTION("byte offsets count the BOM") {
    document_from_text("\xEF\xBB\xBF" "caf\xE9", "a", "a.txt", {}, collected.sink());
    CHECK(collected.warnings() == std::vector<std::string>{"a.txt: invalid UTF-8 at byte 6, decoded as Windows-1252"});
  }
  SECTION("invisible and exotic spaces") {
    const Document doc = document_from_text(
        "Zelen\xC2\xADsky\xC2\xA0said\xE2\x80\x8B.\xE2\x80\xA8Next\xE2\x80\xA9Para\fPage\vEnd\xE2\x80\x83!", "a",
        "a.txt", {}, collected.sink());
    CHECK(doc.text == "Zelensky said.\nNext\n\nPara\nPage\nEnd !");
    CHECK(collected.diagnostics.empty());
  }
  SECTION("control characters") {
    const Document doc = document_from_text("a\x01" "b\x7F" "c\xC2\x85" "d", "a", "a.txt", {}, collected.sink());
    CHECK(doc.text == "a b c d");
    CHECK(collected.warnings() == std::vector<std::string>{"a.txt: 3 control characters replaced by spaces"});
  }
  SECTION("nothing left") {
    CHECK(message_of([&] { document_from_text(" \r\n\xC2\xA0\t", "a", "a.txt", {}, collected.sink()); }) ==
          "a.txt: no text, expected article text");
  }
}

TEST_CASE("document_from_text finds title, boilerplate and date", "[extract][ingest]") {
  SECTION("headline, chrome, dateline") {
    const Document doc = document_from_text("Envoys meet in Vienna\n\nShare this article\nMOSCOW, March 4, 2024 \xE2\x80\x94 " +
                                                kBody,
                                            "a", "a.txt", {});
    CHECK(doc.title == "Envoys meet in Vienna");
    REQUIRE(doc.boilerplate.size() == 1);
    CHECK(slice(doc.text, doc.boilerplate[0]) == "Share this article");
    CHECK(doc.date == Date{"2024-03-04", DatePrecision::kDay, DateOrigin::kExplicit});
  }
  SECTION("--date wins over the dateline") {
    IngestOptions options;
    options.fallback_date = "2024-05-01";
    const Document doc = document_from_text("MOSCOW, March 4, 2024 - " + kBody, "a", "a.txt", options);
    CHECK(doc.date == Date{"2024-05-01", DatePrecision::kDay, DateOrigin::kDocument});
  }
  SECTION("no date at all") {
    const Document doc = document_from_text(kBody, "a", "a.txt", {});
    CHECK(doc.date == Date{});
    CHECK(doc.title.empty());  // the first line is a sentence
  }
  SECTION("markdown heading") {
    CHECK(document_from_text("# Envoys meet\n\n" + kBody, "a", "a.md", {}).title == "Envoys meet");
  }
  SECTION("a hard-wrapped first paragraph is not a title") {
    CHECK(document_from_text("The two delegations met in Vienna on Tuesday and agreed to\nmeet again.", "a", "a.txt", {})
              .title.empty());
  }
}

TEST_CASE("document_from_html takes metadata from the page", "[extract][ingest]") {
  Collected collected;
  const Document doc = document_from_html(
      R"(<html><head><title>Envoys meet | Wire</title><meta property="og:site_name" content="Example Wire">)"
      R"(<meta property="article:published_time" content="2024-03-04T08:00:00Z">)"
      R"(<link rel="canonical" href="https://example.org/envoys"></head>)"
      R"(<body><nav>Home</nav><h1>Envoys meet</h1><p>The two delegations met.</p></body></html>)",
      "page", "page.html", {}, collected.sink());
  CHECK(doc.title == "Envoys meet");
  CHECK(doc.source == "Example Wire");
  CHECK(doc.url == "https://example.org/envoys");
  CHECK(doc.published == "2024-03-04");
  CHECK(doc.text == "Envoys meet\n\nThe two delegations met.");
  CHECK(doc.date == Date{"2024-03-04", DatePrecision::kDay, DateOrigin::kDocument});
  CHECK(message_of([&] {
          document_from_html("<html><script>x()</script><nav>Home</nav></html>", "p", "p.html", {}, collected.sink());
        }) == "p.html: no text outside markup, expected an HTML page with article text");
}

// ---------------------------------------------------------------------------------------------
// DocumentReader on files

TEST_CASE("DocumentReader walks a folder in path order and skips hidden entries", "[extract][ingest]") {
  TempDir dir;
  dir.write("b.txt", kBody);
  dir.write("a.txt", kBody);
  dir.write("a/c.txt", kBody);
  dir.write("a/z/d.txt", kBody);
  dir.write("a/z/README.md", kBody);  // not an article file: a warning, not read
  dir.write(".hidden.txt", kBody);
  dir.write(".git/x.txt", kBody);
  dir.write("sub2/e.html", "<p>" + kBody + "</p>");
  dir.write("sub2/notes", kBody);  // no extension: sniffed as text

  Collected collected;
  DocumentReader reader({dir.str() + "/"}, {}, collected.sink());
  const auto docs = read_all(reader);
  CHECK(ids(docs) == std::vector<std::string>{"a/c", "a/z/d", "a", "b", "sub2/e", "sub2/notes"});
  REQUIRE(docs.size() == 6);
  CHECK(docs[0].origin == dir.str() + "/a/c.txt");
  CHECK(docs[4].text == kBody.substr(0, kBody.size() - 1));
  REQUIRE(collected.diagnostics.size() == 1);
  CHECK(collected.diagnostics[0].level == Diagnostic::Level::kWarning);
  CHECK(collected.diagnostics[0].message ==
        dir.str() + "/a/z/README.md: not read, expected an article file (.txt, .html, .htm, .jsonl) inside a folder");
  CHECK(reader.documents() == 6);
  CHECK(reader.skipped() == 0);

  // The same run is the same order.
  DocumentReader again({dir.str()}, {}, [](const Diagnostic&) {});
  CHECK(ids(read_all(again)) == ids(docs));
}

TEST_CASE("DocumentReader names a file given directly by its file name", "[extract][ingest]") {
  TempDir dir;
  const std::string path = dir.write("deep/folder/report.final.txt", kBody);
  DocumentReader reader({path}, {}, {});
  const auto docs = read_all(reader);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].id == "report.final");
  CHECK(docs[0].origin == path);
}

TEST_CASE("DocumentReader reports a symbolic link loop once and does not follow it", "[extract][ingest]") {
  TempDir dir;
  dir.write("x/a.txt", kBody);
  fs::create_directory_symlink("..", dir.path() / "x" / "loop");
  fs::create_directory_symlink("x", dir.path() / "y");  // the same folder under a second name
  Collected collected;
  DocumentReader reader({dir.str()}, {}, collected.sink());
  CHECK(ids(read_all(reader)) == std::vector<std::string>{"x/a"});
  CHECK(collected.errors().empty());
  CHECK(collected.warnings() == std::vector<std::string>{
                                    dir.str() + "/x/loop: directory loop back to \"" + dir.str() + "\", not followed",
                                    dir.str() + "/y: directory already read as \"" + dir.str() + "/x\", not read again",
                                });
  CHECK(reader.warnings() == 2);
}

TEST_CASE("DocumentReader reports missing, dangling and unreadable paths", "[extract][ingest]") {
  TempDir dir;
  dir.write("ok.txt", kBody);
  fs::create_symlink(dir.path() / "nowhere.txt", dir.path() / "dangling.txt");
  Collected collected;
  const std::string missing = dir.str() + "/missing.txt";
  DocumentReader reader({missing, dir.str()}, {}, collected.sink());
  CHECK(ids(read_all(reader)) == std::vector<std::string>{"ok"});
  CHECK(collected.errors() ==
        std::vector<std::string>{
            missing + ": cannot open (no such file or directory), expected a readable file or directory",
            dir.str() + "/dangling.txt: cannot open (no such file or directory), expected a readable file or directory",
        });
  CHECK(reader.skipped() == 2);

  // root reads anything, so permission errors can only be checked as another user.
  if (::geteuid() != 0) {
    TempDir locked;
    const std::string file = locked.write("secret.txt", kBody);
    locked.write("closed/inner.txt", kBody);
    fs::permissions(file, fs::perms::none);
    fs::permissions(locked.path() / "closed", fs::perms::none);
    Collected denied;
    DocumentReader denied_reader({locked.str()}, {}, denied.sink());
    CHECK(read_all(denied_reader).empty());
    CHECK(denied.errors() ==
          std::vector<std::string>{
              locked.str() + "/closed: cannot read directory (permission denied), expected a readable directory",
              file + ": cannot open (permission denied), expected a readable file or directory",
          });
  }
}

TEST_CASE("DocumentReader skips empty, binary and oversized files with an error", "[extract][ingest]") {
  TempDir dir;
  const std::string empty = dir.write("1-empty.txt", "");
  const std::string blank = dir.write("2-blank.txt", "\xEF\xBB\xBF \n\t\r\n");
  const std::string binary = dir.write("3-binary.txt", "GIF89a\0\0\x01\x02"s);
  const std::string controls = dir.write("4-controls.txt", "\x01\x02\x03\x04\x05\x06 text");
  const std::string large = dir.write("5-large.txt", std::string(300, 'x'));
  dir.write("6-ok.txt", kBody);
  Collected collected;
  IngestOptions options;
  options.max_document_bytes = 200;
  DocumentReader reader({dir.str()}, options, collected.sink());
  CHECK(ids(read_all(reader)) == std::vector<std::string>{"6-ok"});
  CHECK(collected.errors() ==
        std::vector<std::string>{
            empty + ": empty file, expected article text",
            blank + ": empty file, expected article text",
            binary + ": binary file (NUL byte at offset 6), expected UTF-8 text",
            controls + ": binary file (6 control bytes in the first 11), expected UTF-8 text",
            large + ": file too large (300 bytes), expected at most 200 bytes per document",
        });
  CHECK(reader.skipped() == 5);
  CHECK(reader.documents() == 1);
}

TEST_CASE("DocumentReader decodes Windows-1252, UTF-16, BOM and CRLF files", "[extract][ingest]") {
  TempDir dir;
  const std::string cp1252 = dir.write("a.txt", "He said \x93yes\x94 to the plan.\r\n");
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("Peace talks resumed.\r\n")) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  dir.write("b.txt", utf16);
  dir.write("c.txt", "\xEF\xBB\xBFLine one.\r\nLine two.\rLine three.");
  Collected collected;
  DocumentReader reader({dir.str()}, {}, collected.sink());
  const auto docs = read_all(reader);
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].text == "He said \xE2\x80\x9Cyes\xE2\x80\x9D to the plan.");
  CHECK(docs[1].text == "Peace talks resumed.");
  CHECK(docs[2].text == "Line one.\nLine two.\nLine three.");
  CHECK(collected.errors().empty());
  CHECK(collected.warnings() ==
        std::vector<std::string>{cp1252 + ": invalid UTF-8 at byte 8, decoded as Windows-1252"});
  CHECK(reader.warnings() == 1);
}

TEST_CASE("DocumentReader reads JSON Lines files line by line", "[extract][ingest]") {
  TempDir dir;
  const std::string feed = dir.write(
      "feed.jsonl",
      "{\"id\": \"one\", \"text\": \"First article.\", \"author\": \"x\"}\n"
      "\n"
      "   \n"
      "{\"id\": \"two\", \"text\": \"Second article.\", \"author\": \"y\", \"published\": \"2023-06-12\"}\r\n"
      "{\"id\": \"three\", \"text\": 3}\n"
      "not json at all\n"
      "{\"id\": \"four\", \"text\": \"Fourth article.\"}");  // no final newline
  const std::string sniffed = dir.write("more.data", "{\"text\": \"Sniffed as JSON Lines.\"}\n");
  const std::string empty = dir.write("none.ndjson", "\n\n");
  Collected collected;
  IngestOptions options;
  options.fallback_date = "2024-05-01";
  DocumentReader reader({feed, sniffed, empty}, options, collected.sink());
  const auto docs = read_all(reader);
  CHECK(ids(docs) == std::vector<std::string>{"one", "two", "four", "more:1"});
  REQUIRE(docs.size() == 4);
  CHECK(docs[0].origin == feed + ":1");
  CHECK(docs[0].date == Date{"2024-05-01", DatePrecision::kDay, DateOrigin::kDocument});
  CHECK(docs[1].date == Date{"2023-06-12", DatePrecision::kDay, DateOrigin::kDocument});
  CHECK(docs[2].origin == feed + ":7");
  CHECK(collected.errors() ==
        std::vector<std::string>{
            feed + ":5:25: expected a string for \"text\", found a number",
            feed + ":6:1: invalid JSON, expected a value (string, number, object, array, true, false or null), found \"n\"",
        });
  CHECK(collected.warnings() ==
        std::vector<std::string>{
            feed + ":1:41: unknown field \"author\" ignored, expected \"id\", \"text\", \"title\", \"url\", \"source\" "
                   "or \"published\"",
            sniffed + ":1: missing \"id\", expected a string; using \"more:1\"",
            empty + ": no documents, expected one JSON document per line",
        });
  CHECK(reader.documents() == 4);
  CHECK(reader.skipped() == 2);
  CHECK(reader.warnings() == 3);
}

TEST_CASE("DocumentReader skips an over-long JSON line without holding it", "[extract][ingest]") {
  TempDir dir;
  const std::string path = (dir.path() / "big.jsonl").string();
  {
    std::ofstream out(path, std::ios::binary);
    out << "{\"id\": \"before\", \"text\": \"Short one.\"}\n";
    out << "{\"id\": \"huge\", \"text\": \"";
    const std::string block(1 << 20, 'a');
    for (int i = 0; i < 40; ++i) out << block;  // a 40 MB line
    out << "\"}\n";
    out << "{\"id\": \"after\", \"text\": \"Short two.\"}\n";
  }
  Collected collected;
  IngestOptions options;
  options.max_document_bytes = 1u << 20;
  DocumentReader reader({path}, options, collected.sink());
  CHECK(ids(read_all(reader)) == std::vector<std::string>{"before", "after"});
  CHECK(collected.errors() ==
        std::vector<std::string>{path + ":2: line longer than 1048576 bytes, expected one JSON document per line"});
}

TEST_CASE("DocumentReader reads JSON Lines from stdin for \"-\"", "[extract][ingest]") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const std::string input = "{\"id\": \"s1\", \"text\": \"From a pipe.\"}\n{\"text\": \"No id.\"}\n";
  REQUIRE(::write(fds[1], input.data(), input.size()) == static_cast<ssize_t>(input.size()));
  ::close(fds[1]);
  const int saved = ::dup(STDIN_FILENO);
  REQUIRE(::dup2(fds[0], STDIN_FILENO) == STDIN_FILENO);
  ::close(fds[0]);
  Collected collected;
  std::vector<Document> docs;
  {
    DocumentReader reader({"-"}, {}, collected.sink());
    docs = read_all(reader);
  }
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  CHECK(ids(docs) == std::vector<std::string>{"s1", "stdin:2"});
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].origin == "<stdin>:1");
  CHECK(collected.warnings() ==
        std::vector<std::string>{"<stdin>:2: missing \"id\", expected a string; using \"stdin:2\""});
}

TEST_CASE("DocumentReader reads HTML files and sniffs unknown extensions", "[extract][ingest]") {
  TempDir dir;
  const std::string page = dir.write("page.xyz",
            "\n <!DOCTYPE html><html><head><meta property=\"og:title\" content=\"Envoys meet\"></head>"
            "<body><nav>Menu</nav><p>" + kBody + "</p><script>track()</script></body></html>");
  const std::string broken = dir.write("scripts.htm", "<html><script>only()</script></html>");
  Collected collected;
  // Named on the command line, a file with an unknown extension is sniffed (inside a folder it is
  // not read at all).
  DocumentReader reader({page, broken}, {}, collected.sink());
  const auto docs = read_all(reader);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].id == "page");
  CHECK(docs[0].title == "Envoys meet");
  CHECK(docs[0].text == kBody.substr(0, kBody.size() - 1));
  CHECK(collected.errors() ==
        std::vector<std::string>{broken + ": no text outside markup, expected an HTML page with article text"});
}

TEST_CASE("DocumentReader rejects a --date that is not YYYY-MM-DD", "[extract][ingest]") {
  for (const char* bad : {"2024-13-01", "2024-03", "yesterday", "20240301"}) {
    IngestOptions options;
    options.fallback_date = bad;
    INFO(bad);
    CHECK(message_of([&] { DocumentReader reader({}, options, {}); }) ==
          "invalid --date \"" + std::string(bad) + "\", expected a date as YYYY-MM-DD");
  }
  IngestOptions options;
  options.fallback_date = "2024-02-29";
  DocumentReader reader({}, options, {});
  CHECK_FALSE(reader.next().has_value());
}
