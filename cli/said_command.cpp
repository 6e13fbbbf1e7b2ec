#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "export/store_reader.hpp"
#include "extract/dates.hpp"
#include "extract/error.hpp"
#include "extract/json_writer.hpp"

namespace geokg::cli {

namespace {

struct SaidOptions {
  std::string store;
  std::vector<std::string> by;
  std::vector<std::string> about;
  std::string since;
  std::string until;
  bool json = false;
};

std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return text;
}

// Trims to about `width` bytes at a character boundary, with an ellipsis.
std::string trimmed(const std::string& text, std::size_t width) {
  if (text.size() <= width) return text;
  std::size_t cut = width;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "\xE2\x80\xA6";
}

std::string stance_mark(const std::string& stance) {
  return stance == "positive" ? "+" : stance == "negative" ? "-" : "";
}

int run_said(const SaidOptions& o) {
  const exporter::StoreReader store(o.store);
  exporter::SaidFilter filter;
  int code = 0;
  for (const auto& name : o.by) {
    filter.by.push_back(resolve_actor_name(store, o.store, name, code));
    if (code != 0) return code;
  }
  for (const auto& name : o.about) {
    filter.about.push_back(resolve_actor_name(store, o.store, name, code));
    if (code != 0) return code;
  }
  filter.since = o.since;
  filter.until = o.until;
  const auto rows = store.said(filter);
  std::string out;
  if (o.json) {
    extract::JsonWriter w(out);
    w.begin_array();
    for (const auto& r : rows) {
      w.begin_object();
      w.key("date").string_or_null(r.date);
      w.key("speaker").string_or_null(r.speaker_id);
      w.key("speaker_name").string_or_null(r.speaker_name);
      w.key("cue").string_or_null(r.cue);
      w.key("content").value(r.content);
      w.key("direct").value(r.direct);
      w.key("about").begin_array();
      for (const auto& a : r.about) {
        w.begin_object();
        w.key("id").value(a.id);
        w.key("name").value(a.name);
        w.key("stance").value(a.stance);
        w.key("addressee").value(a.addressee);
        w.end_object();
      }
      w.end_array();
      w.key("doc").value(r.doc);
      w.key("sentence").value(static_cast<std::int64_t>(r.sentence));
      w.end_object();
    }
    w.end_array();
    out += '\n';
  } else {
    for (const auto& r : rows) {
      std::string about;
      for (const auto& a : r.about) about += (about.empty() ? "" : ", ") + a.name + stance_mark(a.stance);
      // The cue as a verb after the speaker, in lower case ("Lavrov insisted:"); "according to"
      // goes before the speaker.
      std::string cue = r.cue.empty() ? std::string(r.direct ? "(quoted)" : "") : r.cue;
      for (char& c : cue) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      const std::string speaker = r.speaker_name.empty() ? std::string("(unknown)") : r.speaker_name;
      const std::string who = cue.starts_with("according to") ? cue + " " + speaker : speaker + " " + cue;
      out += (r.date.empty() ? std::string("----------") : r.date) + "  " + who + ": " +
             (r.direct ? "\xE2\x80\x9C" : "") + trimmed(one_line(r.content), 100) + (r.direct ? "\xE2\x80\x9D" : "") +
             (about.empty() ? "" : "  [about " + about + "]") + "  " + r.doc + ":" + std::to_string(r.sentence) + "\n";
    }
    if (rows.empty()) std::fprintf(stderr, "geokg: no statement matches\n");
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace

Command add_said_command(CLI::App& app) {
  auto options = std::make_shared<SaidOptions>();
  CLI::App* sub = app.add_subcommand("said", "who said what about whom: the statements in a store");
  sub->add_option("store", options->store, "a store written by geokg build (.sqlite)")->required()->check(CLI::ExistingFile);
  sub->add_option("--by", options->by, "speaker: a name, alias or id (repeatable: any of them)");
  sub->add_option("--about", options->about, "an actor the statement is about (repeatable: any of them)");
  auto date_check = [](const std::string& value) {
    return extract::parse_iso_date(value, extract::DateOrigin::kDocument) ? std::string()
                                                                          : "expected a date as YYYY-MM-DD, YYYY-MM or YYYY, found \"" + value + "\"";
  };
  sub->add_option("--since", options->since, "only statements dated on or after this date")->check(date_check);
  sub->add_option("--until", options->until, "only statements dated on or before this date")->check(date_check);
  sub->add_flag("--json", options->json, "print a JSON array with the whole content instead of the table");
  return [options] { return run_said(*options); };
}

}  // namespace geokg::cli
