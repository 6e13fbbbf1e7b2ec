// Read-only queries over a geokg SQLite store: resolving a name given on the command line to
// actors (ids, names, aliases seen in the text) and "who said what about whom" rows.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace geokg::exporter {

struct ActorMatch {
  std::string id;
  std::string name;
  std::string kind;
  std::string country;
};

struct SaidAbout {
  std::string id;
  std::string name;
  std::string stance;  // positive | negative | neutral
  bool addressee = false;
};

struct SaidRow {
  std::string date;  // ISO, may be empty
  std::string speaker_id;
  std::string speaker_name;
  std::string cue;
  std::string content;
  bool direct = false;
  std::string doc;
  std::int64_t sentence = 0;
  std::vector<SaidAbout> about;
};

struct SaidFilter {
  std::vector<std::string> by;     // speaker ids (any of); empty: every speaker
  std::vector<std::string> about;  // about-actor ids (any of); empty: anything
  std::string since;               // ISO date, inclusive; empty: no bound
  std::string until;               // ISO date, inclusive; empty: no bound
};

class StoreReader {
 public:
  // Opens path read-only; throws InputError naming the path when it is missing or not a store.
  explicit StoreReader(const std::string& path);
  StoreReader(const StoreReader&) = delete;
  StoreReader& operator=(const StoreReader&) = delete;
  ~StoreReader();

  // Actors whose id, name or an alias seen in the text equals name (case-insensitive); when none
  // does, those whose name ends with it as a word ("Lavrov" -> "Sergey Lavrov"). Sorted by id.
  std::vector<ActorMatch> find_actors(std::string_view name) const;

  // Statements matching the filter, by date (undated last), then document and sentence.
  std::vector<SaidRow> said(const SaidFilter& filter) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace geokg::exporter
