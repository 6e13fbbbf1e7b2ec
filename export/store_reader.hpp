// Read-only queries over a geokg SQLite store: resolving a name given on the command line to
// actors (ids, names, aliases seen in the text) and "who said what about whom" rows.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/document.hpp"
#include "extract/records.hpp"

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

// A document as stored, with the records extracted from it. Actor references of events,
// relations and statement speakers carry no surface text (the store keeps those in mentions).
struct StoredDocument {
  extract::Document doc;
  std::string content_hash;
  extract::DocumentRecords records;
};

enum class Period { kDay, kWeek, kMonth, kDocument };

// One period of a dyad's relation: events by quad class, Goldstein, statements and their stance.
struct PeriodRow {
  std::string period;            // "2025-08", "2025-08-15", "2025-W33", or a document id
  std::int64_t events = 0;
  std::int64_t quad[4] = {0, 0, 0, 0};
  double goldstein_sum = 0.0;
  double goldstein_mean = 0.0;
  std::int64_t statements = 0;
  std::int64_t positive = 0;     // statements with a positive stance toward the other side
  std::int64_t negative = 0;
  bool change = false;           // the net score changed sign or moved by more than the threshold
};

struct ActorProfile {
  ActorMatch actor;
  std::string sector;
  std::string code;
  std::vector<std::pair<std::string, std::int64_t>> aliases;  // surface form, count
  struct Role {
    std::string title;
    std::string of;  // actor id
    std::string first;
    std::string last;
    std::int64_t count = 0;
  };
  std::vector<Role> roles_seen;  // role_of relations found in the text
  struct Partner {
    std::string id;
    std::string name;
    std::int64_t events = 0;
    double mean_goldstein = 0.0;
  };
  std::vector<Partner> partners;  // by event count, real events in either direction
  std::int64_t mentions = 0;
  std::int64_t statements_by = 0;
  std::int64_t statements_about = 0;
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

  // What the store knows of one actor (id must exist): aliases, roles seen, top partners.
  ActorProfile profile(const std::string& id, std::size_t top_partners) const;

  // Calls fn for every stored document in the order they were added.
  void for_each_document(const std::function<void(StoredDocument&)>& fn) const;

  // Statements matching the filter, by date (undated last), then document and sentence.
  std::vector<SaidRow> said(const SaidFilter& filter) const;

  // The relation between a and b per period: real events (asserted or reported, not negated)
  // between them in either direction (only a -> b when directed), and statements of one about
  // the other. A state stands for every actor of its country (its leaders, ministries, forces)
  // unless exact. Periods without dated evidence are left out; in period order. A change point is
  // marked where the summed Goldstein score changes sign or moves by more than threshold.
  std::vector<PeriodRow> timeline(const std::string& a, const std::string& b, Period by, bool directed,
                                  double threshold, bool exact = false) const;

  // The display name of an actor id (the id itself when the store does not know it).
  std::string name_of(const std::string& id) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace geokg::exporter
