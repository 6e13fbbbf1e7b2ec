#include "export/sqlite_store.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <map>
#include <system_error>
#include <unordered_set>
#include <utility>
#include <vector>

#include "extract/error.hpp"
#include "extract/resources.hpp"

namespace geokg::exporter {

namespace {

constexpr int kApplicationId = 0x67656f6b;  // "geok", set by schemas/store.sql
// The line of schemas/store.sql that separates the tables from the secondary indexes.
constexpr std::string_view kIndexMarker = "\n-- @indexes\n";

// A prepared statement kept for the life of the store; its name goes into error messages.
class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  void prepare(sqlite3* db, const std::string& path, const char* name, const char* sql) {
    db_ = db;
    path_ = &path;
    name_ = name;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK) fail();
  }

  void finalize() {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
  }

  Statement& text(int index, std::string_view value) {
    if (value.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
      throw InputError(*path_ + ": " + name_ + ": text of " + std::to_string(value.size()) +
                       " bytes is too long for SQLite");
    }
    check(sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC));
    return *this;
  }
  // Binds NULL for an empty value (optional columns).
  Statement& text_or_null(int index, std::string_view value) {
    return value.empty() ? null(index) : text(index, value);
  }
  Statement& integer(int index, std::int64_t value) {
    check(sqlite3_bind_int64(stmt_, index, value));
    return *this;
  }
  Statement& real(int index, double value) {
    check(sqlite3_bind_double(stmt_, index, value));
    return *this;
  }
  Statement& null(int index) {
    check(sqlite3_bind_null(stmt_, index));
    return *this;
  }

  // Runs a statement that returns no rows.
  void run() {
    const int rc = sqlite3_step(stmt_);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
      sqlite3_reset(stmt_);
      fail();
    }
    sqlite3_reset(stmt_);
  }

  // Runs a query and returns its first column of the first row as an integer, or fallback when
  // there is no row.
  std::int64_t first_integer(std::int64_t fallback) {
    const int rc = sqlite3_step(stmt_);
    std::int64_t result = fallback;
    if (rc == SQLITE_ROW) {
      result = sqlite3_column_int64(stmt_, 0);
    } else if (rc != SQLITE_DONE) {
      sqlite3_reset(stmt_);
      fail();
    }
    sqlite3_reset(stmt_);
    return result;
  }

 private:
  void check(int rc) {
    if (rc != SQLITE_OK) fail();
  }
  [[noreturn]] void fail() {
    throw InputError(*path_ + ": " + name_ + ": " + sqlite3_errmsg(db_));
  }

  sqlite3* db_ = nullptr;
  const std::string* path_ = nullptr;
  const char* name_ = "";
  sqlite3_stmt* stmt_ = nullptr;
};

// Rows for one table, inserted kRows at a time with one multi-row INSERT: a document's mentions or
// sentences then cost a few sqlite3_step calls instead of one each. Values are held as views, so
// everything bound must outlive the next flush(); add_records() flushes before its records go.
class Rows {
 public:
  static constexpr std::size_t kRows = 32;

  Rows() = default;
  Rows(const Rows&) = delete;
  Rows& operator=(const Rows&) = delete;

  // head: "INSERT INTO t (a, b, c)"; tail: an optional upsert clause.
  void prepare(sqlite3* db, const std::string& path, const char* name, std::string head, int columns,
               std::string tail = "") {
    db_ = db;
    path_ = &path;
    name_ = name;
    head_ = std::move(head);
    tail_ = std::move(tail);
    columns_ = static_cast<std::size_t>(columns);
    values_.reserve(kRows * columns_);
  }

  void finalize() {
    for (Statement& statement : statements_) statement.finalize();
    prepared_.fill(false);
    values_.clear();
  }

  Rows& text(std::string_view value) {
    values_.push_back(Value{Value::kText, 0, 0.0, value});
    return *this;
  }
  Rows& text_or_null(std::string_view value) { return value.empty() ? null() : text(value); }
  Rows& integer(std::int64_t value) {
    values_.push_back(Value{Value::kInteger, value, 0.0, {}});
    return *this;
  }
  Rows& real(double value) {
    values_.push_back(Value{Value::kReal, 0, value, {}});
    return *this;
  }
  Rows& null() {
    values_.push_back(Value{Value::kNull, 0, 0.0, {}});
    return *this;
  }

  // Ends the row whose values were just given; inserts when kRows rows are waiting.
  void end_row() {
    GEOKG_ASSERT(values_.size() % columns_ == 0);
    if (values_.size() == kRows * columns_) flush();
  }

  // Inserts the waiting rows.
  void flush() {
    const std::size_t rows = values_.size() / columns_;
    if (rows == 0) return;
    Statement& statement = statement_for(rows);
    int index = 1;
    for (const Value& value : values_) {
      switch (value.type) {
        case Value::kText: statement.text(index, value.text); break;
        case Value::kInteger: statement.integer(index, value.integer); break;
        case Value::kReal: statement.real(index, value.real); break;
        case Value::kNull: statement.null(index); break;
      }
      ++index;
    }
    values_.clear();
    statement.run();
  }

  // Drops the waiting rows (the document they belong to failed).
  void discard() { values_.clear(); }

 private:
  struct Value {
    enum Type : unsigned char { kNull, kInteger, kReal, kText } type;
    std::int64_t integer;
    double real;
    std::string_view text;
  };

  Statement& statement_for(std::size_t rows) {
    Statement& statement = statements_[rows - 1];
    if (!prepared_[rows - 1]) {
      std::string sql = head_ + " VALUES ";
      for (std::size_t r = 0; r < rows; ++r) {
        sql += r == 0 ? "(" : ", (";
        for (std::size_t c = 0; c < columns_; ++c) sql += c == 0 ? "?" : ", ?";
        sql += ')';
      }
      if (!tail_.empty()) sql += " " + tail_;
      statement.prepare(db_, *path_, name_, sql.c_str());
      prepared_[rows - 1] = true;
    }
    return statement;
  }

  sqlite3* db_ = nullptr;
  const std::string* path_ = nullptr;
  const char* name_ = "";
  std::string head_, tail_;
  std::size_t columns_ = 1;
  std::vector<Value> values_;
  std::array<Statement, kRows> statements_;
  std::array<bool, kRows> prepared_{};
};

void remove_file(const std::string& path) { ::unlink(path.c_str()); }

void remove_with_sidecars(const std::string& path) {
  remove_file(path);
  remove_file(path + "-journal");
  remove_file(path + "-wal");
  remove_file(path + "-shm");
}

std::string errno_message(int error) { return std::system_category().message(error); }

std::string directory_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// Personal and possessive pronouns resolve to actors through coreference but are not names.
bool is_pronoun(std::string_view text) {
  static const char* const kPronouns[] = {
      "he",  "him",  "his", "himself", "she", "her",  "hers", "herself", "it",   "its",
      "itself", "they", "them", "their", "theirs", "themselves", "we", "us", "our", "ours",
      "ourselves", "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself"};
  if (text.size() > 10) return false;
  std::string lower;
  for (const char c : text) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  for (const char* pronoun : kPronouns) {
    if (lower == pronoun) return true;
  }
  return false;
}

std::string content_parts_json(const std::vector<extract::Span>& parts) {
  std::string json = "[";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) json += ',';
    json += '[' + std::to_string(parts[i].begin) + ',' + std::to_string(parts[i].end) + ']';
  }
  json += ']';
  return json;
}

}  // namespace

struct SqliteStore::Impl {
  std::string path;
  std::string db_path;  // path, or the temporary name of a new store
  bool is_new = false;
  bool finished = false;
  bool in_batch = false;
  std::size_t documents_added = 0;
  sqlite3* db = nullptr;
  std::unordered_set<std::string> known_actors;  // upserted in a committed or open, unbroken batch
  std::unordered_set<std::string> known_event_types;  // the same for event_types
  // Alias counts of the document being added (views into its records), and of the documents added
  // in the open batch ("actor\0alias" -> count), written once per batch when it commits: an alias
  // such as "Russia" recurs in most documents of a batch.
  std::map<std::pair<std::string_view, std::string_view>, std::int64_t> document_aliases;
  std::map<std::string, std::int64_t> batch_aliases;
  // The same for mention counts per actor (actors.mentions).
  std::map<std::string_view, std::int64_t> document_mentions;
  std::map<std::string, std::int64_t, std::less<>> batch_mentions;

  Statement has_document, begin, commit, rollback, savepoint, release, rollback_to;
  Statement insert_document, index_sentence, insert_actor, count_mentions, insert_event_type,
      insert_statement, index_statement;
  Rows insert_sentence, insert_alias, insert_mention, insert_event, insert_statement_target,
      insert_relation;

  ~Impl() { close(!finished); }

  [[noreturn]] void fail(const char* what) const {
    throw InputError(path + ": " + what + ": " + (db != nullptr ? sqlite3_errmsg(db) : "out of memory"));
  }

  void exec(const char* what, const std::string& sql) const {
    char* message = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string text = message != nullptr ? message : sqlite3_errmsg(db);
      sqlite3_free(message);
      throw InputError(path + ": " + what + ": " + text);
    }
  }

  std::int64_t pragma_integer(const char* pragma) const {
    sqlite3_stmt* stmt = nullptr;
    const std::string sql = std::string("PRAGMA ") + pragma;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      const std::string message = sqlite3_errmsg(db);
      sqlite3_finalize(stmt);
      if (sqlite3_errcode(db) == SQLITE_NOTADB) throw InputError(path + ": not a geokg store (" + message + ")");
      throw InputError(path + ": read " + pragma + ": " + message);
    }
    const int rc = sqlite3_step(stmt);
    const std::int64_t value = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
    const int code = sqlite3_errcode(db);
    const std::string message = sqlite3_errmsg(db);
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
      if (code == SQLITE_NOTADB) throw InputError(path + ": not a geokg store (" + message + ")");
      throw InputError(path + ": read " + pragma + ": " + message);
    }
    return value;
  }

  void open_connection(int flags) {
    // SQLite's allocation statistics take a global mutex on every malloc and free, and the store
    // allocates for every row; nothing here reads them. Only possible before SQLite initialises
    // (the first connection of the process); later calls are refused harmlessly.
    static const bool memstatus_off = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
    (void)memstatus_off;
    // One thread at a time uses the connection: SQLite's own mutexes would only cost time.
    flags |= SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(db_path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
      const std::string message = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
      sqlite3_close(db);
      db = nullptr;
      throw InputError(path + ": cannot open: " + message);
    }
    sqlite3_extended_result_codes(db, 0);
    sqlite3_busy_timeout(db, 30000);  // another process appending to the same store
  }

  void open(std::string store_path) {
    path = std::move(store_path);
    struct stat info {};
    is_new = ::stat(path.c_str(), &info) != 0;
    if (is_new) {
      db_path = path + ".tmp." + std::to_string(::getpid());
      remove_with_sidecars(db_path);
      // Creating the file ourselves gives the real reason (missing directory, no permission).
      const int fd = ::open(db_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd < 0) throw InputError(path + ": cannot write: " + errno_message(errno));
      ::close(fd);
      open_connection(SQLITE_OPEN_READWRITE);
      // The file is private to this run until finish() renames it, and an interrupted run deletes
      // it, so durability during the build buys nothing; the in-memory journal keeps ROLLBACK TO
      // working for a document that fails halfway.
      exec("configure", "PRAGMA page_size=16384; PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF;"
                        " PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;");
      const std::string_view sql = extract::embedded_file("schemas/store.sql");
      const auto marker = sql.find(kIndexMarker);
      GEOKG_ASSERT(!sql.empty() && marker != std::string_view::npos);
      exec("create schema", "BEGIN; " + std::string(sql.substr(0, marker)) + "\nCOMMIT;");
    } else {
      db_path = path;
      open_connection(SQLITE_OPEN_READWRITE);
      const std::int64_t application_id = pragma_integer("application_id");
      const std::int64_t version = pragma_integer("user_version");
      if (application_id != kApplicationId) throw InputError(path + ": not a geokg store");
      if (version != kSchemaVersion && version != 1) {
        throw InputError(path + ": store schema version " + std::to_string(version) +
                         ", expected " + std::to_string(kSchemaVersion));
      }
      exec("configure", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                        " PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;");
      if (version == 1) {
        // Version 2 keeps each actor's mention count in actors.mentions.
        exec("upgrade the store to schema version 2",
             "BEGIN IMMEDIATE; ALTER TABLE actors ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;"
             " UPDATE actors SET mentions = (SELECT count(*) FROM mentions m WHERE m.actor = actors.id);"
             " PRAGMA user_version = 2; COMMIT;");
      }
    }
    prepare();
  }

  void prepare() {
    has_document.prepare(db, path, "find document", "SELECT 1 FROM documents WHERE content_hash = ?1");
    begin.prepare(db, path, "begin batch", "BEGIN IMMEDIATE");
    commit.prepare(db, path, "commit batch", "COMMIT");
    rollback.prepare(db, path, "roll back batch", "ROLLBACK");
    savepoint.prepare(db, path, "begin document", "SAVEPOINT document");
    release.prepare(db, path, "end document", "RELEASE document");
    rollback_to.prepare(db, path, "roll back document", "ROLLBACK TO document");
    insert_document.prepare(db, path, "insert document",
        "INSERT INTO documents (content_hash, doc_id, title, url, source, published, date,"
        " date_precision, date_origin, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    insert_sentence.prepare(db, path, "insert sentence",
        "INSERT INTO sentences (document, idx, begin, end, boilerplate, text)", 6);
    index_sentence.prepare(db, path, "index sentence text",
        "INSERT INTO sentences_fts (rowid, text) VALUES (?1, ?2)");
    insert_actor.prepare(db, path, "insert actor",
        "INSERT INTO actors (id, name, kind, country, sector, code) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
        " ON CONFLICT (id) DO NOTHING");
    count_mentions.prepare(db, path, "count mentions",
        "UPDATE actors SET mentions = mentions + ?2 WHERE id = ?1");
    insert_alias.prepare(db, path, "insert alias", "INSERT INTO actor_aliases (actor, alias, count)", 3,
        "ON CONFLICT (actor, alias) DO UPDATE SET count = count + excluded.count");
    insert_mention.prepare(db, path, "insert mention",
        "INSERT INTO mentions (document, sentence, begin, end, actor, text, via, date)", 8);
    insert_event_type.prepare(db, path, "insert event type",
        "INSERT INTO event_types (code, root, label, plover, quad_class, goldstein)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (code) DO NOTHING");
    insert_event.prepare(db, path, "insert event",
        "INSERT INTO events (document, sentence, begin, end, source, target, code, trigger,"
        " trigger_begin, trigger_end, negated, modality, confidence, date, date_precision,"
        " date_origin, goldstein, quad_class, pattern)", 19);
    insert_statement.prepare(db, path, "insert statement",
        "INSERT INTO statements (document, sentence, begin, end, speaker, speaker_begin, speaker_end,"
        " cue, cue_begin, cue_end, content, content_begin, content_end, content_parts, direct, date,"
        " date_precision, date_origin)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)");
    index_statement.prepare(db, path, "index statement content",
        "INSERT INTO statements_fts (rowid, content) VALUES (?1, ?2)");
    insert_statement_target.prepare(db, path, "insert statement target",
        "INSERT INTO statement_targets (statement, actor, stance, addressee)", 4,
        "ON CONFLICT (statement, actor) DO UPDATE SET addressee = max(addressee, excluded.addressee)");
    insert_relation.prepare(db, path, "insert relation",
        "INSERT INTO relations (document, sentence, begin, end, source, target, label, title, date)", 9);
  }

  void finalize_statements() {
    for (Statement* s : {&has_document, &begin, &commit, &rollback, &savepoint, &release, &rollback_to,
                         &insert_document, &index_sentence, &insert_actor, &count_mentions, &insert_event_type,
                         &insert_statement, &index_statement}) {
      s->finalize();
    }
    for (Rows* rows : {&insert_sentence, &insert_alias, &insert_mention, &insert_event,
                       &insert_statement_target, &insert_relation}) {
      rows->finalize();
    }
  }

  // Closes the connection; abandon: roll back the open batch and delete a new store's file.
  void close(bool abandon) noexcept {
    if (db != nullptr) {
      finalize_statements();
      if (abandon && in_batch) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      in_batch = false;
      sqlite3_close(db);
      db = nullptr;
    }
    if (abandon && is_new && !db_path.empty()) {
      remove_with_sidecars(db_path);
      db_path.clear();
    }
  }

  std::int64_t last_row() const { return sqlite3_last_insert_rowid(db); }

  void add_actor(const extract::ActorRef& actor) {
    if (known_actors.count(actor.id) != 0) return;
    insert_actor.text(1, actor.id)
        .text(2, actor.name.empty() ? std::string_view(actor.id) : std::string_view(actor.name))
        .text(3, actor.kind)
        .text_or_null(4, actor.country)
        .text_or_null(5, actor.sector)
        .text_or_null(6, actor.code)
        .run();
    known_actors.insert(actor.id);
  }

  void add_records(const extract::Document& doc, std::string_view content_hash,
                   const extract::DocumentRecords& records);

  // The document was added whole: its alias and mention counts count in the batch.
  void keep_document_counts() {
    std::string key;
    for (const auto& [alias, count] : document_aliases) {
      key.assign(alias.first).push_back('\0');
      key.append(alias.second);
      batch_aliases[key] += count;
    }
    document_aliases.clear();
    for (const auto& [actor, count] : document_mentions) {
      const auto found = batch_mentions.find(actor);
      if (found != batch_mentions.end()) {
        found->second += count;
      } else {
        batch_mentions.emplace(std::string(actor), count);
      }
    }
    document_mentions.clear();
  }

  // Adds the batch's counts to actor_aliases and actors.mentions, inside the batch transaction.
  void write_batch_counts() {
    for (const auto& [key, count] : batch_aliases) {
      const std::string_view k = key;
      const std::size_t separator = k.find('\0');
      insert_alias.text(k.substr(0, separator)).text(k.substr(separator + 1)).integer(count).end_row();
    }
    insert_alias.flush();
    batch_aliases.clear();
    for (const auto& [actor, count] : batch_mentions) count_mentions.text(1, actor).integer(2, count).run();
    batch_mentions.clear();
  }

  // The open batch is gone (rolled back): so are the rows it upserted.
  void forget_batch() {
    known_actors.clear();
    known_event_types.clear();
    document_aliases.clear();
    batch_aliases.clear();
    document_mentions.clear();
    batch_mentions.clear();
    insert_alias.discard();
  }
};

void SqliteStore::Impl::add_records(const extract::Document& doc, std::string_view content_hash,
                                    const extract::DocumentRecords& records) {
  const std::string_view doc_id = doc.id.empty() ? std::string_view(records.doc) : std::string_view(doc.id);
  insert_document.text(1, content_hash)
      .text(2, doc_id)
      .text_or_null(3, doc.title)
      .text_or_null(4, doc.url)
      .text_or_null(5, doc.source)
      .text_or_null(6, doc.published)
      .text_or_null(7, doc.date.value)
      .text(8, extract::to_string(doc.date.precision))
      .text(9, extract::to_string(doc.date.origin))
      .text(10, doc.text)
      .run();
  const std::int64_t document = last_row();

  const std::string_view text = doc.text;
  for (std::size_t i = 0; i < records.sentences.size(); ++i) {
    const extract::SentenceInfo& sentence = records.sentences[i];
    if (sentence.span.begin > sentence.span.end || sentence.span.end > text.size()) {
      throw InputError((doc.origin.empty() ? std::string(doc_id) : doc.origin) + ": sentence " +
                       std::to_string(i) + ": span [" + std::to_string(sentence.span.begin) + ", " +
                       std::to_string(sentence.span.end) + ") is outside the text of " +
                       std::to_string(text.size()) + " bytes");
    }
    const std::string_view sentence_text = extract::slice(text, sentence.span);
    insert_sentence.integer(document)
        .integer(static_cast<std::int64_t>(i))
        .integer(sentence.span.begin)
        .integer(sentence.span.end)
        .integer(sentence.boilerplate ? 1 : 0)
        .text(sentence_text)
        .end_row();
    if (!is_new) {
      // An existing store keeps its full-text index current row by row, which needs each rowid.
      insert_sentence.flush();
      index_sentence.integer(1, last_row()).text(2, sentence_text).run();
    }
  }
  insert_sentence.flush();

  // A surface that names several actors at once ("the two leaders", "both sides") is how the text
  // refers to them together, not an alias of either.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
  spans.reserve(records.mentions.size());
  for (const extract::MentionRecord& mention : records.mentions) {
    spans.emplace_back(mention.actor.span.begin, mention.actor.span.end);
  }
  std::sort(spans.begin(), spans.end());
  const auto shared = [&spans](const extract::Span& span) {
    const auto range = std::equal_range(spans.begin(), spans.end(), std::pair(span.begin, span.end));
    return range.second - range.first > 1;
  };
  std::map<std::pair<std::string_view, std::string_view>, std::int64_t>& aliases = document_aliases;
  aliases.clear();
  document_mentions.clear();
  for (const extract::MentionRecord& mention : records.mentions) {
    add_actor(mention.actor);
    ++document_mentions[mention.actor.id];
    insert_mention.integer(document)
        .integer(mention.sentence)
        .integer(mention.actor.span.begin)
        .integer(mention.actor.span.end)
        .text(mention.actor.id)
        .text(mention.actor.text)
        .text(mention.via)
        .text_or_null(mention.date.value)
        .end_row();
    if (!mention.actor.text.empty() && !is_pronoun(mention.actor.text) && !shared(mention.actor.span)) {
      ++aliases[{mention.actor.id, mention.actor.text}];
    }
  }
  insert_mention.flush();

  for (const extract::EventRecord& event : records.events) {
    add_actor(event.source);
    if (event.target) add_actor(*event.target);
    const std::string_view root =
        event.root.empty() ? std::string_view(event.code).substr(0, 2) : std::string_view(event.root);
    if (known_event_types.insert(event.code).second) {
      insert_event_type.text(1, event.code)
          .text(2, root)
          .text(3, event.label)
          .text_or_null(4, event.plover)
          .integer(5, event.quad_class)
          .real(6, event.goldstein)
          .run();
    }
    insert_event.integer(document)
        .integer(event.sentence)
        .integer(event.span.begin)
        .integer(event.span.end)
        .text(event.source.id);
    if (event.target) {
      insert_event.text(event.target->id);
    } else {
      insert_event.null();
    }
    insert_event.text(event.code)
        .text(event.trigger.text)
        .integer(event.trigger.span.begin)
        .integer(event.trigger.span.end)
        .integer(event.negated ? 1 : 0)
        .text(extract::to_string(event.modality))
        .real(event.confidence)
        .text_or_null(event.date.value)
        .text(extract::to_string(event.date.precision))
        .text(extract::to_string(event.date.origin))
        .real(event.goldstein)
        .integer(event.quad_class)
        .text_or_null(event.pattern)
        .end_row();
  }
  insert_event.flush();

  for (const extract::StatementRecord& statement : records.statements) {
    if (statement.speaker) add_actor(*statement.speaker);
    for (const extract::AboutRef& about : statement.about) add_actor(about.actor);
    insert_statement.integer(1, document)
        .integer(2, statement.sentence)
        .integer(3, statement.span.begin)
        .integer(4, statement.span.end);
    if (statement.speaker) {
      insert_statement.text(5, statement.speaker->id);
    } else {
      insert_statement.null(5);
    }
    if (statement.speaker_span) {
      insert_statement.integer(6, statement.speaker_span->begin).integer(7, statement.speaker_span->end);
    } else {
      insert_statement.null(6).null(7);
    }
    if (!statement.cue.text.empty()) {
      insert_statement.text(8, statement.cue.text)
          .integer(9, statement.cue.span.begin)
          .integer(10, statement.cue.span.end);
    } else {
      insert_statement.null(8).null(9).null(10);
    }
    const std::string parts = content_parts_json(statement.content_parts);
    insert_statement.text(11, statement.content)
        .integer(12, statement.content_span.begin)
        .integer(13, statement.content_span.end)
        .text(14, parts)
        .integer(15, statement.direct ? 1 : 0)
        .text_or_null(16, statement.date.value)
        .text(17, extract::to_string(statement.date.precision))
        .text(18, extract::to_string(statement.date.origin))
        .run();
    const std::int64_t row = last_row();
    if (!is_new) index_statement.integer(1, row).text(2, statement.content).run();
    for (const extract::AboutRef& about : statement.about) {
      insert_statement_target.integer(row)
          .text(about.actor.id)
          .text(extract::to_string(about.stance))
          .integer(about.addressee ? 1 : 0)
          .end_row();
    }
  }
  insert_statement_target.flush();

  for (const extract::RelationRecord& relation : records.relations) {
    add_actor(relation.source);
    add_actor(relation.target);
    insert_relation.integer(document)
        .integer(relation.sentence)
        .integer(relation.span.begin)
        .integer(relation.span.end)
        .text(relation.source.id)
        .text(relation.target.id)
        .text(relation.label)
        .text_or_null(relation.title)
        .text_or_null(relation.date.value)
        .end_row();
  }
  insert_relation.flush();
}

SqliteStore::SqliteStore(std::string path) : impl_(std::make_unique<Impl>()) {
  impl_->open(std::move(path));
}

SqliteStore::~SqliteStore() = default;

bool SqliteStore::has_document(std::string_view content_hash) const {
  GEOKG_ASSERT(impl_->db != nullptr);
  return impl_->has_document.text(1, content_hash).first_integer(0) != 0;
}

bool SqliteStore::add(const extract::Document& doc, std::string_view content_hash,
                      const extract::DocumentRecords& records) {
  Impl& s = *impl_;
  GEOKG_ASSERT(s.db != nullptr && !s.finished);
  if (has_document(content_hash)) return false;
  if (!s.in_batch) {
    s.begin.run();
    s.in_batch = true;
  }
  s.savepoint.run();
  try {
    s.add_records(doc, content_hash, records);
  } catch (...) {
    // The actors upserted for this document go away with it.
    s.known_actors.clear();
    s.known_event_types.clear();
    s.document_aliases.clear();
    s.document_mentions.clear();
    for (Rows* rows : {&s.insert_sentence, &s.insert_alias, &s.insert_mention, &s.insert_event,
                       &s.insert_statement_target, &s.insert_relation}) {
      rows->discard();
    }
    if (sqlite3_get_autocommit(s.db) == 0) {
      sqlite3_exec(s.db, "ROLLBACK TO document; RELEASE document", nullptr, nullptr, nullptr);
    } else {
      s.in_batch = false;  // SQLite rolled back the whole batch itself (disk full, I/O error)
      s.forget_batch();
    }
    throw;
  }
  s.release.run();
  s.keep_document_counts();
  ++s.documents_added;
  return true;
}

void SqliteStore::commit_batch() {
  Impl& s = *impl_;
  GEOKG_ASSERT(s.db != nullptr && !s.finished);
  if (!s.in_batch) return;
  try {
    s.write_batch_counts();
    s.commit.run();
  } catch (...) {
    s.in_batch = sqlite3_get_autocommit(s.db) == 0;
    if (!s.in_batch) s.forget_batch();
    throw;
  }
  s.in_batch = false;
}

void SqliteStore::finish() {
  Impl& s = *impl_;
  GEOKG_ASSERT(s.db != nullptr && !s.finished);
  commit_batch();
  const std::string_view sql = extract::embedded_file("schemas/store.sql");
  const auto marker = sql.find(kIndexMarker);
  GEOKG_ASSERT(marker != std::string_view::npos);
  // Auxiliary sorter threads build the indexes of a bulk load on more than one core.
  s.exec("configure index build", "PRAGMA threads=2;");
  std::string build = "BEGIN; " + std::string(sql.substr(marker));
  if (s.is_new) {
    // One pass over the finished tables is much cheaper than growing the full-text index row by row.
    // During that pass FTS5 would merge its segments again and again as they appear (automerge,
    // crisismerge); leaving them to the end saves about a quarter of the work, and queries over a
    // few dozen segments are still quick. The defaults come back for later appends.
    for (const char* table : {"sentences_fts", "statements_fts"}) {
      const std::string t(table);
      build += "\nINSERT INTO " + t + " (" + t + ", rank) VALUES ('automerge', 0);"
               "\nINSERT INTO " + t + " (" + t + ", rank) VALUES ('crisismerge', 200);"
               "\nINSERT INTO " + t + " (" + t + ") VALUES ('rebuild');"
               "\nINSERT INTO " + t + " (" + t + ", rank) VALUES ('automerge', 4);"
               "\nINSERT INTO " + t + " (" + t + ", rank) VALUES ('crisismerge', 16);";
    }
  }
  build += "\nCOMMIT;";
  s.exec("build indexes", build);
  // A sample of 1000 rows per index is enough for the planner and keeps appends to a large store
  // quick.
  s.exec("analyze", "PRAGMA analysis_limit=1000; ANALYZE; PRAGMA optimize;");
  if (s.is_new) {
    // WAL is recorded in the file header, so every later reader and appender gets it; the last
    // connection to close checkpoints and deletes the -wal and -shm files.
    s.exec("switch to WAL", "PRAGMA journal_mode=WAL;");
  }
  s.finished = true;
  s.close(false);
  if (!s.is_new) return;
  // synchronous=OFF never flushed the file: make it durable before it takes the final name.
  const int fd = ::open(s.db_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    const int error = errno;
    if (fd >= 0) ::close(fd);
    remove_with_sidecars(s.db_path);
    throw InputError(s.path + ": cannot write: " + errno_message(error));
  }
  ::close(fd);
  if (::rename(s.db_path.c_str(), s.path.c_str()) != 0) {
    const int error = errno;
    remove_with_sidecars(s.db_path);
    throw InputError(s.path + ": cannot write: " + errno_message(error));
  }
  s.db_path.clear();
  const int dir = ::open(directory_of(s.path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

const std::string& SqliteStore::path() const { return impl_->path; }
bool SqliteStore::is_new() const { return impl_->is_new; }
std::size_t SqliteStore::documents_added() const { return impl_->documents_added; }

}  // namespace geokg::exporter
