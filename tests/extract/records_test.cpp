#include <catch2/catch.hpp>

#include <fstream>

#include <rapidjson/document.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include "extract/ingest.hpp"
#include "extract/records_jsonl.hpp"
#include "extract/resources.hpp"
#include "test_support.hpp"

using namespace geokg;

namespace {

class RecordChecker {
 public:
  RecordChecker() {
    const std::string_view text = extract::embedded_file("schemas/record.schema.json");
    schema_json_.Parse(text.data(), text.size());
    REQUIRE_FALSE(schema_json_.HasParseError());
    schema_ = std::make_unique<rapidjson::SchemaDocument>(schema_json_);
  }

  // Validates every line of `jsonl` and checks that every span slices `text` to the record's text.
  void check(const std::string& jsonl, const std::string& text, std::size_t& records) const {
    std::size_t pos = 0;
    while (pos < jsonl.size()) {
      const std::size_t end = jsonl.find('\n', pos);
      const std::string line = jsonl.substr(pos, end - pos);
      pos = end + 1;
      rapidjson::Document doc;
      doc.Parse(line.c_str());
      REQUIRE_FALSE(doc.HasParseError());
      rapidjson::SchemaValidator validator(*schema_);
      if (!doc.Accept(validator)) {
        rapidjson::StringBuffer where;
        validator.GetInvalidDocumentPointer().StringifyUriFragment(where);
        FAIL("record does not validate at " << where.GetString() << " (" << validator.GetInvalidSchemaKeyword()
                                           << "): " << line);
      }
      ++records;
      check_spans(doc, text, line);
    }
  }

 private:
  static extract::Span span_of(const rapidjson::Value& v) {
    return extract::Span{v[0].GetUint(), v[1].GetUint()};
  }

  static void check_text_span(const rapidjson::Value& object, const std::string& text, const std::string& line) {
    const extract::Span s = span_of(object["span"]);
    INFO(line);
    REQUIRE(s.end <= text.size());
    CHECK(extract::slice(text, s) == object["text"].GetString());
  }

  static void check_spans(const rapidjson::Document& r, const std::string& text, const std::string& line) {
    const extract::Span whole = span_of(r["span"]);
    REQUIRE(whole.end <= text.size());
    const std::string type = r["type"].GetString();
    if (type == "mention") check_text_span(r["actor"], text, line);
    if (type == "event" || type == "relation") {
      check_text_span(r["source"], text, line);
      if (r["target"].IsObject()) check_text_span(r["target"], text, line);
    }
    if (type == "event") check_text_span(r["trigger"], text, line);
    if (type == "statement") {
      if (r["cue"].IsObject()) check_text_span(r["cue"], text, line);
      std::string joined;
      for (const auto& part : r["content_parts"].GetArray()) {
        if (!joined.empty()) joined += ' ';
        joined += extract::slice(text, span_of(part));
      }
      INFO(line);
      CHECK(joined == r["content"].GetString());
      const extract::Span content = span_of(r["content_span"]);
      CHECK(content.begin == r["content_parts"][0][0].GetUint());
      if (r["speaker"].IsObject() && r["speaker_span"].IsArray()) {
        CHECK(extract::slice(text, span_of(r["speaker_span"])) == r["speaker"]["text"].GetString());
      }
      for (const auto& about : r["about"].GetArray()) check_text_span(about["actor"], text, line);
    }
  }

  rapidjson::Document schema_json_;
  std::unique_ptr<rapidjson::SchemaDocument> schema_;
};

std::size_t check_corpus(const std::vector<std::string>& inputs, std::size_t& documents) {
  const RecordChecker checker;
  std::vector<std::string> errors;
  extract::DocumentReader reader(inputs, {}, [&](const extract::Diagnostic& d) {
    if (d.level == extract::Diagnostic::Level::kError) errors.push_back(d.message);
  });
  std::size_t records = 0;
  while (auto doc = reader.next()) {
    ++documents;
    const auto result = extract::extract_document(*doc, test::lexicon());
    std::string jsonl;
    extract::append_records_jsonl(result, jsonl);
    checker.check(jsonl, doc->text, records);
  }
  CHECK(errors.empty());
  return records;
}

}  // namespace

TEST_CASE("records of the examples validate and their spans slice the text exactly", "[extract][records]") {
  std::size_t documents = 0;
  const std::size_t records = check_corpus({(test::source_dir() / "examples").string()}, documents);
  CHECK(documents >= 12);
  CHECK(records > 200);
}

TEST_CASE("records of the seed articles validate and their spans slice the text exactly", "[extract][records][seeds]") {
  const auto seeds = test::shared_dir() / "seeds";
  if (!std::filesystem::exists(seeds / "seeds.jsonl")) {
    WARN("../shared/seeds not present: skipped");
    return;
  }
  std::size_t documents = 0;
  const std::size_t records = check_corpus({seeds.string()}, documents);
  CHECK(documents == 10);  // five .txt files and the same five in seeds.jsonl
  CHECK(records > 100);
}

TEST_CASE("records of the statement tables validate and their spans slice the text exactly", "[extract][records]") {
  // The tables hold the hard constructions: paragraphs of one quote, split quotes, unclosed marks,
  // guillemets and German marks, pronoun, title and unnamed speakers, "It said".
  const RecordChecker checker;
  std::size_t records = 0, statements = 0, multi_part = 0, speaker_spans = 0;
  for (const char* name : {"statements_cases.jsonl", "statements_news.jsonl"}) {
    std::ifstream in(test::source_dir() / "tests" / "data" / name);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      rapidjson::Document c;
      c.Parse(line.c_str());
      REQUIRE_FALSE(c.HasParseError());
      const auto doc = test::make_document(c["text"].GetString(), c["date"].GetString(), c["id"].GetString());
      const auto result = extract::extract_document(doc, test::lexicon());
      std::string jsonl;
      extract::append_records_jsonl(result, jsonl);
      checker.check(jsonl, doc.text, records);
      for (const auto& st : result.statements) {
        ++statements;
        if (st.content_parts.size() > 1) ++multi_part;
        if (st.speaker_span) {
          ++speaker_spans;
          INFO(c["id"].GetString());
          REQUIRE(st.speaker_span->end <= doc.text.size());
          if (st.speaker) CHECK(extract::slice(doc.text, *st.speaker_span) == st.speaker->text);
        }
      }
    }
  }
  CHECK(statements > 170);
  CHECK(multi_part >= 10);
  CHECK(speaker_spans > 150);
}
