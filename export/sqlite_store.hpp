// The SQLite store: documents with their text and content hash, sentences, actors and aliases,
// mentions, event types, events, statements and their targets, relations, and FTS5 indexes over
// sentence text and statement content (schema: schemas/store.sql, embedded at build time).
// Documents are added in batch transactions; re-adding a text already stored adds nothing. A new
// store is built under a temporary name and appears under its own name only in finish().
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "extract/document.hpp"
#include "extract/records.hpp"

namespace geokg::exporter {

class SqliteStore {
 public:
  static constexpr int kSchemaVersion = 2;

  // Opens the store at path, or starts a new one when path does not exist. A new store is written
  // to "<path>.tmp.<pid>" (fast: no journal on disk, no fsync, indexes and full-text indexes built
  // once at the end) and renamed into place by finish(). An existing store is appended to in place
  // (WAL, one transaction per batch). Throws InputError naming path when the file is not a geokg
  // store, has another schema version, or cannot be created.
  explicit SqliteStore(std::string path);
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;
  // Without finish(): rolls back the open batch; a new store's temporary file is removed.
  ~SqliteStore();

  // Returns whether a document with this content hash is stored (or added in the open batch).
  bool has_document(std::string_view content_hash) const;

  // Adds doc and everything extracted from it inside the current batch transaction (begun on
  // demand); every actor referenced is added if new, mention texts are counted as aliases. Returns
  // false and adds nothing when a document with content_hash is present. All or nothing per
  // document: on failure the document's rows are rolled back and InputError is thrown (a sentence
  // span outside the text names the document; SQLite failures name the statement and carry
  // sqlite3_errmsg).
  bool add(const extract::Document& doc, std::string_view content_hash,
           const extract::DocumentRecords& records);

  // Commits the open batch, if any; the next add() begins a new one.
  void commit_batch();

  // Commits, builds the secondary indexes (and, for a new store, the full-text indexes), updates
  // the query planner's statistics, and closes the store. A new store is switched to WAL, synced
  // and renamed to path. Nothing may be called afterwards but the destructor.
  void finish();

  const std::string& path() const;
  bool is_new() const;  // true when this run creates the store
  std::size_t documents_added() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace geokg::exporter
