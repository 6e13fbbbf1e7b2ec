#include "fuzz/fuzz_checks.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "extract/document.hpp"
#include "extract/error.hpp"
#include "extract/extractor.hpp"
#include "extract/html.hpp"
#include "extract/ingest.hpp"
#include "extract/lexicon.hpp"
#include "extract/records_jsonl.hpp"
#include "extract/segment.hpp"
#include "extract/utf8.hpp"

namespace geokg::fuzz {
namespace {

using extract::Span;

[[noreturn]] void trap_on_failure(const char* what, const char* file, int line) {
  std::fprintf(stderr, "geokg fuzz: invariant violated: %s (%s:%d)\n", what, file, line);
  __builtin_trap();
}

FailureHandler failure_handler = trap_on_failure;

#define FUZZ_CHECK(cond)                                                                    \
  do {                                                                                      \
    if (!(cond)) {                                                                          \
      failure_handler(#cond, __FILE__, __LINE__);                                           \
      __builtin_trap(); /* a handler that returns is a bug of the caller */                \
    }                                                                                       \
  } while (false)

bool on_boundary(std::string_view text, std::uint32_t pos) {
  return pos == text.size() || (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80);
}

// A span that slices valid UTF-8 text into valid UTF-8.
void check_span(std::string_view text, Span span) {
  FUZZ_CHECK(span.begin <= span.end);
  FUZZ_CHECK(span.end <= text.size());
  FUZZ_CHECK(on_boundary(text, span.begin));
  FUZZ_CHECK(on_boundary(text, span.end));
}

void check_non_empty_span(std::string_view text, Span span) {
  check_span(text, span);
  FUZZ_CHECK(!span.empty());
}

// Sorted, non-overlapping, non-empty spans.
void check_span_list(std::string_view text, const std::vector<Span>& spans) {
  std::uint32_t previous_end = 0;
  for (const Span& s : spans) {
    check_non_empty_span(text, s);
    FUZZ_CHECK(s.begin >= previous_end);
    previous_end = s.end;
  }
}

bool is_iso_date(std::string_view v) {
  const auto digits = [&](std::size_t pos, std::size_t count) {
    for (std::size_t i = pos; i < pos + count; ++i) {
      if (i >= v.size() || v[i] < '0' || v[i] > '9') return false;
    }
    return true;
  };
  if (v.size() == 4) return digits(0, 4);
  if (v.size() == 7) return digits(0, 4) && v[4] == '-' && digits(5, 2);
  if (v.size() == 10) return digits(0, 4) && v[4] == '-' && digits(5, 2) && v[7] == '-' && digits(8, 2);
  return false;
}

void check_date(const extract::Date& date) {
  switch (date.precision) {
    case extract::DatePrecision::kUnknown:
      FUZZ_CHECK(date.value.empty());
      break;
    case extract::DatePrecision::kYear:
      FUZZ_CHECK(date.value.size() == 4 && is_iso_date(date.value));
      break;
    case extract::DatePrecision::kMonth:
      FUZZ_CHECK(date.value.size() == 7 && is_iso_date(date.value));
      break;
    case extract::DatePrecision::kDay:
      FUZZ_CHECK(date.value.size() == 10 && is_iso_date(date.value));
      break;
  }
}

// What ingestion promises about every Document (ingest.hpp, top): normalised valid UTF-8 text.
void check_document(const extract::Document& doc) {
  const std::string_view text = doc.text;
  FUZZ_CHECK(!text.empty());
  FUZZ_CHECK(extract::is_valid_utf8(text));
  FUZZ_CHECK(text.front() != ' ' && text.front() != '\n' && text.front() != '\t');
  FUZZ_CHECK(text.back() != ' ' && text.back() != '\n' && text.back() != '\t');
  for (std::size_t pos = 0; pos < text.size();) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      FUZZ_CHECK(byte >= 0x20 || byte == '\n' || byte == '\t');
      FUZZ_CHECK(byte != 0x7F);
      ++pos;
      continue;
    }
    const std::size_t length = extract::utf8_sequence_length(text, pos);
    const char32_t cp = extract::decode_utf8_at(text, pos, length);
    FUZZ_CHECK(!(cp >= 0x80 && cp <= 0x9F));                      // C1 controls
    FUZZ_CHECK(cp != 0xA0 && cp != 0xAD && cp != 0x200B && cp != 0xFEFF);  // spaces, invisibles
    FUZZ_CHECK(cp != 0x2028 && cp != 0x2029);
    pos += length;
  }
  check_span_list(text, doc.boilerplate);
  for (const std::string* field : {&doc.id, &doc.title, &doc.url, &doc.source, &doc.published, &doc.origin}) {
    FUZZ_CHECK(extract::is_valid_utf8(*field));
  }
  FUZZ_CHECK(doc.title.find('\n') == std::string::npos);
  check_date(doc.date);
  FUZZ_CHECK(doc.date.origin != extract::DateOrigin::kRelative);
}

std::vector<extract::Document> read_all(std::string path, std::string_view data, std::size_t max_bytes) {
  extract::IngestOptions options;
  options.max_document_bytes = max_bytes;
  std::size_t errors = 0;
  extract::DiagnosticSink sink = [&](const extract::Diagnostic& d) {
    FUZZ_CHECK(!d.message.empty());
    if (d.level == extract::Diagnostic::Level::kError) ++errors;
  };
  std::vector<extract::InMemoryFile> files;
  files.push_back(extract::InMemoryFile{std::move(path), std::string(data)});
  extract::DocumentReader reader({}, std::move(files), options, sink);
  std::vector<extract::Document> docs;
  while (auto doc = reader.next()) {
    check_document(*doc);
    docs.push_back(std::move(*doc));
  }
  FUZZ_CHECK(reader.documents() == docs.size());
  FUZZ_CHECK(reader.skipped() == errors);
  return docs;
}

const extract::Lexicon& lexicon() {
  static const std::shared_ptr<extract::Lexicon> loaded = extract::Lexicon::load();
  return *loaded;
}

void check_actor(std::string_view text, const extract::ActorRef& a) {
  check_non_empty_span(text, a.span);
  FUZZ_CHECK(!a.id.empty());
  FUZZ_CHECK(!a.kind.empty());
  FUZZ_CHECK(extract::is_valid_utf8(a.name));
  FUZZ_CHECK(a.text == extract::slice(text, a.span));
}

// A TextSpan's text is the text its span slices.
void check_text_span(std::string_view text, const extract::TextSpan& t) {
  check_non_empty_span(text, t.span);
  FUZZ_CHECK(t.text == extract::slice(text, t.span));
}

void check_record_base(std::string_view text, const extract::DocumentRecords& r, const extract::RecordBase& base,
                       std::uint32_t& previous_sentence) {
  FUZZ_CHECK(base.sentence < r.sentences.size());
  FUZZ_CHECK(base.sentence >= previous_sentence);  // ordered by sentence
  previous_sentence = base.sentence;
  check_span(text, base.span);
  // The evidence starts in its sentence (a quote may run on over the next sentences).
  const Span sentence_span = r.sentences[base.sentence].span;
  FUZZ_CHECK(sentence_span.begin <= base.span.begin && base.span.begin < sentence_span.end);
  check_date(base.date);
}

}  // namespace

void set_failure_handler(FailureHandler handler) { failure_handler = handler ? handler : trap_on_failure; }

void run_ingest(std::string_view data) {
  // A small limit so that the too-large paths (whole files, JSON Lines lines) are reached too.
  read_all("input", data, 8192);
}

void run_jsonl(std::string_view data) {
  std::size_t lines = 0;
  for (char c : data) lines += c == '\n' ? 1 : 0;
  const auto docs = read_all("feed.jsonl", data, 4096);
  FUZZ_CHECK(docs.size() <= lines + 1);
}

void run_html(std::string_view data) {
  const extract::HtmlText page = extract::html_to_text(data);
  for (const std::string* field : {&page.text, &page.title, &page.published, &page.url, &page.site_name}) {
    FUZZ_CHECK(extract::is_valid_utf8(*field));
  }
  FUZZ_CHECK(page.published.empty() || is_iso_date(page.published));
  FUZZ_CHECK(page.text.find("\xC2\xA0") == std::string::npos);  // no-break spaces become spaces
  // Paragraphs separated by "\n\n", lines by "\n", spaces collapsed.
  FUZZ_CHECK(page.text.find("\n\n\n") == std::string::npos);
  FUZZ_CHECK(page.text.find("  ") == std::string::npos);
  FUZZ_CHECK(page.text.find_first_of("\t\r") == std::string::npos);
  FUZZ_CHECK(page.text.empty() || (page.text.front() != ' ' && page.text.front() != '\n'));
  FUZZ_CHECK(page.text.empty() || (page.text.back() != ' ' && page.text.back() != '\n'));
  if (extract::is_valid_utf8(data)) FUZZ_CHECK(extract::is_valid_utf8(extract::decode_html_entities(data)));
}

void run_segment(std::string_view data) {
  std::vector<Span> boilerplate;
  std::string_view text = data;
  if (data.size() > 8) {
    // First byte: where a boilerplate range starts and ends, in 16ths of the text.
    const auto b = static_cast<unsigned char>(data[0]);
    text.remove_prefix(1);
    const auto size = static_cast<std::uint32_t>(text.size());
    const std::uint32_t begin = size * (b >> 4) / 16;
    const std::uint32_t end = size * ((b & 15u) + 1) / 16;
    if (begin < end) boilerplate.push_back(Span{begin, end});
  }
  const extract::Segmentation seg = extract::segment(text, boilerplate);
  const bool utf8 = extract::is_valid_utf8(text);
  FUZZ_CHECK(seg.text.data() == text.data() && seg.text.size() == text.size());
  std::uint32_t previous_end = 0;
  for (const extract::Token& t : seg.tokens) {
    FUZZ_CHECK(t.span.begin < t.span.end && t.span.end <= text.size());
    FUZZ_CHECK(t.span.begin >= previous_end);
    previous_end = t.span.end;
    if (utf8) check_span(text, t.span);
    FUZZ_CHECK(std::uint64_t{t.norm_begin} + t.norm_size <= seg.norm.size());
  }
  previous_end = 0;
  std::uint32_t next_token = 0;
  std::uint32_t previous_paragraph = 0;
  for (std::size_t i = 0; i < seg.sentences.size(); ++i) {
    const extract::Sentence& s = seg.sentences[i];
    FUZZ_CHECK(s.index == i);
    FUZZ_CHECK(s.span.begin < s.span.end && s.span.end <= text.size());
    FUZZ_CHECK(s.span.begin >= previous_end);
    previous_end = s.span.end;
    if (utf8) check_span(text, s.span);
    FUZZ_CHECK(s.first_token < s.end_token && s.end_token <= seg.tokens.size());
    FUZZ_CHECK(s.first_token >= next_token);
    next_token = s.end_token;
    for (std::uint32_t k = s.first_token; k < s.end_token; ++k) FUZZ_CHECK(s.span.contains(seg.tokens[k].span));
    FUZZ_CHECK(s.paragraph >= previous_paragraph);
    previous_paragraph = s.paragraph;
  }
}

void run_extractor(std::string_view data) {
  extract::Document doc;
  try {
    doc = extract::document_from_text(std::string(data), "fuzz", "fuzz.txt", extract::IngestOptions{});
  } catch (const InputError&) {
    return;
  }
  check_document(doc);
  const extract::DocumentRecords r = extract::extract_document(doc, lexicon());
  const std::string_view text = doc.text;
  FUZZ_CHECK(r.doc == doc.id);
  std::uint32_t previous_end = 0;
  for (const extract::SentenceInfo& s : r.sentences) {
    check_non_empty_span(text, s.span);
    FUZZ_CHECK(s.span.begin >= previous_end);
    previous_end = s.span.end;
  }
  std::uint32_t sentence = 0;
  for (const extract::MentionRecord& m : r.mentions) {
    check_record_base(text, r, m, sentence);
    check_actor(text, m.actor);
    FUZZ_CHECK(m.span == m.actor.span);
    FUZZ_CHECK(!m.via.empty());
  }
  sentence = 0;
  for (const extract::EventRecord& e : r.events) {
    check_record_base(text, r, e, sentence);
    check_actor(text, e.source);
    if (e.target) check_actor(text, *e.target);
    check_text_span(text, e.trigger);
    FUZZ_CHECK(e.code.size() >= 2 && e.root == e.code.substr(0, 2));
    FUZZ_CHECK(e.quad_class >= 1 && e.quad_class <= 4);
    FUZZ_CHECK(std::isfinite(e.goldstein) && e.goldstein >= -10.0 && e.goldstein <= 10.0);
    FUZZ_CHECK(std::isfinite(e.confidence) && e.confidence >= 0.0 && e.confidence <= 1.0);
  }
  sentence = 0;
  for (const extract::StatementRecord& st : r.statements) {
    check_record_base(text, r, st, sentence);
    if (st.speaker) check_actor(text, *st.speaker);
    if (st.speaker_span) check_non_empty_span(text, *st.speaker_span);
    if (!st.cue.text.empty()) check_text_span(text, st.cue);
    check_span(text, st.content_span);
    // content: the parts joined with a single space; content_span: first part's begin to last part's end.
    std::string joined;
    for (const Span& part : st.content_parts) {
      check_span(text, part);
      FUZZ_CHECK(st.content_span.contains(part));
      if (!joined.empty()) joined.push_back(' ');
      joined.append(extract::slice(text, part));
    }
    FUZZ_CHECK(!st.content_parts.empty());
    FUZZ_CHECK(st.content_span.begin == st.content_parts.front().begin);
    FUZZ_CHECK(st.content_span.end == st.content_parts.back().end);
    FUZZ_CHECK(st.content == joined);
    for (const extract::AboutRef& about : st.about) check_actor(text, about.actor);
  }
  sentence = 0;
  for (const extract::RelationRecord& rel : r.relations) {
    check_record_base(text, r, rel, sentence);
    check_actor(text, rel.source);
    check_actor(text, rel.target);
    FUZZ_CHECK(!rel.label.empty());
  }
  std::string jsonl;
  extract::append_records_jsonl(r, jsonl);
  FUZZ_CHECK(extract::is_valid_utf8(jsonl));
  std::size_t lines = 0;
  for (char c : jsonl) lines += c == '\n' ? 1 : 0;
  FUZZ_CHECK(lines == r.mentions.size() + r.events.size() + r.statements.size() + r.relations.size());
}

}  // namespace geokg::fuzz
