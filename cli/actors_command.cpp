#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "extract/actors.hpp"
#include "extract/dates.hpp"
#include "extract/lexicon.hpp"
#include "extract/segment.hpp"

namespace geokg::cli {

namespace {

struct ActorsOptions {
  std::vector<std::string> actor_files;
  std::string explain;
  std::string date;
};

int run_actors(const ActorsOptions& o) {
  const auto lexicon = extract::Lexicon::load(o.actor_files);
  if (o.explain.empty()) {
    std::printf("id\tkind\tcountry\tsector\tname\troles\n");
    for (const auto& a : lexicon->actors()) {
      std::string roles;
      for (const auto& r : a.roles) {
        if (!roles.empty()) roles += "; ";
        roles += r.title + " of " + r.of + " " + extract::iso_from_day(r.from_day) + ".." +
                 extract::iso_from_day(r.to_day);
      }
      std::printf("%s\t%s\t%s\t%s\t%s\t%s\n", a.id.c_str(), a.kind.c_str(), a.country.c_str(), a.sector.c_str(),
                  a.name.c_str(), roles.c_str());
    }
    return 0;
  }
  extract::Document doc;
  doc.id = "explain";
  doc.text = o.explain;
  if (!o.date.empty()) {
    if (auto d = extract::parse_iso_date(o.date, extract::DateOrigin::kDocument)) doc.date = *d;
  }
  const extract::Segmentation seg = extract::segment(doc.text);
  const extract::ActorAnalysis actors = extract::find_actors(doc, seg, *lexicon);
  std::printf("\"%s\" on %s:\n", o.explain.c_str(), doc.date.value.empty() ? "an unknown date" : doc.date.value.c_str());
  if (actors.mentions.empty()) std::printf("  no actor\n");
  for (const auto& m : actors.mentions) {
    if (m.actor.id.empty()) continue;
    std::printf("  \"%s\" -> %s (%s, %s, %s, code %s) via %s%s\n", m.actor.text.c_str(), m.actor.id.c_str(),
                m.actor.name.c_str(), m.actor.kind.c_str(), m.actor.country.empty() ? "-" : m.actor.country.c_str(),
                m.actor.code.c_str(), m.via.c_str(), m.modifier ? ", as a modifier" : "");
  }
  if (!actors.mentions.empty()) std::printf("  dump: %s\n", extract::mentions_dump(actors.mentions).c_str());
  for (const auto& r : actors.relations) {
    std::printf("  relation: %s %s %s (%s)\n", r.source.id.c_str(), r.label.c_str(), r.target.id.c_str(), r.title.c_str());
  }
  return 0;
}

}  // namespace

Command add_actors_command(CLI::App& app) {
  auto options = std::make_shared<ActorsOptions>();
  CLI::App* sub = app.add_subcommand("actors", "list the actor lexicon, or show how a phrase resolves (--explain)");
  sub->add_option("--actors", options->actor_files, "extra actor lexicon file (JSON Lines); repeatable")
      ->check(CLI::ExistingFile);
  sub->add_option("--explain", options->explain, "a phrase to resolve, e.g. \"the US president\"");
  sub->add_option("--date", options->date, "the date to resolve roles at (YYYY-MM-DD)")
      ->check([](const std::string& value) {
        return extract::parse_iso_date(value, extract::DateOrigin::kDocument) && value.size() == 10
                   ? std::string()
                   : "expected a date as YYYY-MM-DD, found \"" + value + "\"";
      });
  return [options] { return run_actors(*options); };
}

}  // namespace geokg::cli
