// Ingestion, the first stage: input paths (text, HTML and JSON Lines files, folders, "-" for JSON
// Lines on stdin) in, one Document at a time out, in a deterministic order. Every skipped input gets
// an error Diagnostic and every lossy repair a warning; nothing is dropped silently.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/document.hpp"

namespace geokg::extract {

// The stored Document::text is the text after these normalisations, and spans point into it:
// UTF-8 (invalid bytes decoded as Windows-1252, UTF-16 with a BOM converted), BOM dropped, CRLF and
// CR turned into LF, form feed / vertical tab / U+2028 into line breaks, U+2029 into a blank line,
// no-break and other Unicode spaces into ' ', soft hyphens and zero-width spaces removed, other
// control characters replaced by ' ' (with a warning), leading and trailing whitespace trimmed.

struct IngestOptions {
  std::string fallback_date;                   // --date YYYY-MM-DD: document date when none is given
  std::size_t max_document_bytes = 32u << 20;  // larger documents/lines are skipped with an error (max 1 GiB)
};

struct Diagnostic {
  enum class Level { kWarning, kError };  // kError: something was skipped
  Level level = Level::kError;
  std::string message;  // "path:line: what was wrong, expected ..." (lower case, user values in quotes)
};

using DiagnosticSink = std::function<void(const Diagnostic&)>;

enum class InputFormat { kText, kHtml, kJsonLines };

// Format by file extension (case-insensitive): .txt .text .md -> text, .html .htm .xhtml -> HTML,
// .jsonl .ndjson -> JSON Lines; nullopt for anything else (the caller sniffs the content).
std::optional<InputFormat> format_from_extension(std::string_view path);

// Format by content: '{' as the first non-space byte -> JSON Lines, '<' -> HTML, else text.
InputFormat sniff_format(std::string_view head);

// A file's contents held in memory, read as the file at `path` would be.
struct InMemoryFile {
  std::string path;   // names the input in messages; its extension picks the format (else sniffed)
  std::string bytes;  // raw bytes, in any encoding ingestion accepts
};

// Streams documents from the inputs, in command-line order; a folder is read recursively with its
// entries sorted by path, hidden entries (".name") skipped, and each directory read once (a symbolic
// link back to a folder already read is reported and not followed). A document's id is the JSONL
// "id", or the file's path relative to the folder given, without extension ("a/b" for
// "examples/a/b.txt" given "examples/"), or for a file given directly its name without extension.
// Holds one document (or one JSONL line) in memory at a time, never the corpus.
class DocumentReader {
 public:
  // Throws InputError when options.fallback_date is set but is not a YYYY-MM-DD date.
  DocumentReader(std::vector<std::string> inputs, IngestOptions options, DiagnosticSink sink);
  // Reads in-memory files (tests, fuzzing) with the same sniffing, decoding, limits, ids and
  // messages as files on disk; they are read after `inputs`. Same throws.
  DocumentReader(std::vector<std::string> inputs, std::vector<InMemoryFile> files, IngestOptions options,
                 DiagnosticSink sink);
  ~DocumentReader();
  DocumentReader(DocumentReader&&) noexcept;
  DocumentReader& operator=(DocumentReader&&) noexcept;
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // The next document, or nullopt when all inputs are read. Problems go to the sink, never thrown.
  std::optional<Document> next();

  std::size_t documents() const;  // documents returned so far
  std::size_t skipped() const;    // error diagnostics so far (each one skipped a file, line or folder)
  std::size_t warnings() const;   // warning diagnostics so far

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Parses a "published" value: an ISO 8601 calendar date or date-time ("2024-03-01",
// "2024-03-01T09:30:00Z", "2024-03-01 09:30:00+03:00", "20240301") or the reduced forms "2024-03"
// and "2024"; the time part, when present, must be well-formed too. Returns the date as written
// (the time zone does not move it), precision day/month/year, origin kDocument; nullopt for
// anything else, including impossible dates (2023-02-29).
std::optional<Date> parse_published_date(std::string_view value);

// One JSON Lines document. `line` is one line without its newline (a trailing CR is ignored);
// `path` and `line_number` (1-based) name it in messages, "path:line:column" when a column is known
// (columns count characters, from 1). Warnings (unknown or mistyped optional fields, a bad
// "published", a missing "id", invalid UTF-8) go to `warnings`; when `reported_fields` is given,
// an unknown field is reported only the first time its name is seen (once per file).
// Throws InputError for malformed JSON, a root that is not an object, a missing or non-string or
// empty "text", or text that normalises to nothing. Empty lines are the caller's business.
Document parse_jsonl_document(std::string_view line, std::string_view path, std::size_t line_number,
                              const IngestOptions& options, const DiagnosticSink& warnings,
                              std::unordered_set<std::string>* reported_fields = nullptr);

// A plain-text document from raw bytes (decoded and normalised as described at the top). The title
// is the first line when it reads like a headline (short, no final full stop, not boilerplate).
// Throws InputError "ORIGIN: no text, expected article text" when nothing but whitespace remains.
Document document_from_text(std::string text, std::string id, std::string origin, const IngestOptions& options,
                            const DiagnosticSink& warnings = {});

// A document from an HTML page (raw bytes): text via html_to_text, title, url, source (site name)
// and published date from the page's metadata. Throws InputError when the page has no text.
Document document_from_html(std::string_view html, std::string id, std::string origin, const IngestOptions& options,
                            const DiagnosticSink& warnings = {});

}  // namespace geokg::extract
