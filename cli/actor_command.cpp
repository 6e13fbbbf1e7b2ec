#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "export/store_reader.hpp"
#include "extract/dates.hpp"
#include "extract/json_writer.hpp"
#include "extract/lexicon.hpp"

namespace geokg::cli {

namespace {

struct ActorOptions {
  std::string store;
  std::string name;
  std::size_t top = 10;
  bool json = false;
};

std::string role_text(const extract::Role& r) {
  std::string s = r.title + " of " + r.of;
  const std::string from = extract::iso_from_day(r.from_day);
  const std::string to = extract::iso_from_day(r.to_day);
  if (!from.empty() || !to.empty()) s += " (" + (from.empty() ? std::string("?") : from) + " to " + (to.empty() ? std::string("now") : to) + ")";
  return s;
}

int run_actor(const ActorOptions& o) {
  const exporter::StoreReader store(o.store);
  int code = 0;
  const std::string id = resolve_actor_name(store, o.store, o.name, code);
  if (id.empty()) return code;
  const exporter::ActorProfile p = store.profile(id, o.top);
  // Dated roles come from the lexicon the store was built with (this binary's).
  const auto lexicon = extract::Lexicon::load();
  std::vector<std::string> roles;
  if (const extract::ActorEntry* entry = lexicon->actor_by_id(p.actor.id)) {
    for (const auto& r : entry->roles) roles.push_back(role_text(r));
  }
  std::string out;
  if (o.json) {
    extract::JsonWriter w(out);
    w.begin_object();
    w.key("id").value(p.actor.id);
    w.key("name").value(p.actor.name);
    w.key("kind").value(p.actor.kind);
    w.key("country").string_or_null(p.actor.country);
    w.key("sector").string_or_null(p.sector);
    w.key("code").string_or_null(p.code);
    w.key("roles").begin_array();
    for (const auto& r : roles) w.value(r);
    w.end_array();
    w.key("roles_in_text").begin_array();
    for (const auto& r : p.roles_seen) {
      w.begin_object().key("title").value(r.title).key("of").value(r.of).key("first").string_or_null(r.first)
          .key("last").string_or_null(r.last).key("count").value(static_cast<std::int64_t>(r.count)).end_object();
    }
    w.end_array();
    w.key("aliases").begin_array();
    for (const auto& [alias, count] : p.aliases) {
      w.begin_object().key("alias").value(alias).key("count").value(static_cast<std::int64_t>(count)).end_object();
    }
    w.end_array();
    w.key("partners").begin_array();
    for (const auto& partner : p.partners) {
      w.begin_object().key("id").value(partner.id).key("name").value(partner.name)
          .key("events").value(static_cast<std::int64_t>(partner.events)).key("mean_goldstein").value(partner.mean_goldstein)
          .end_object();
    }
    w.end_array();
    w.key("mentions").value(static_cast<std::int64_t>(p.mentions));
    w.key("statements_by").value(static_cast<std::int64_t>(p.statements_by));
    w.key("statements_about").value(static_cast<std::int64_t>(p.statements_about));
    w.end_object();
    out += '\n';
  } else {
    out += p.actor.name + " (" + p.actor.id + "): " + p.actor.kind + (p.actor.country.empty() ? "" : ", " + p.actor.country) +
           (p.code.empty() ? "" : ", code " + p.code) + "\n";
    for (const auto& r : roles) out += "  role: " + r + "\n";
    for (const auto& r : p.roles_seen) {
      out += "  in the text: " + r.title + " of " + r.of + " (" + std::to_string(r.count) + "x" +
             (r.first.empty() ? "" : ", " + r.first + (r.last != r.first ? " to " + r.last : "")) + ")\n";
    }
    if (!p.aliases.empty()) {
      out += "  aliases:";
      for (const auto& [alias, count] : p.aliases) out += " \"" + alias + "\" " + std::to_string(count) + "x";
      out += "\n";
    }
    out += "  mentions " + std::to_string(p.mentions) + ", statements by " + std::to_string(p.statements_by) +
           ", statements about " + std::to_string(p.statements_about) + "\n";
    for (const auto& partner : p.partners) {
      char line[256];
      std::snprintf(line, sizeof line, "  partner: %s (%s) %lld events, mean Goldstein %.1f\n", partner.name.c_str(),
                    partner.id.c_str(), static_cast<long long>(partner.events), partner.mean_goldstein);
      out += line;
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace

Command add_actor_command(CLI::App& app) {
  auto options = std::make_shared<ActorOptions>();
  CLI::App* sub = app.add_subcommand("actor", "profile of one actor in a store: roles, aliases, partners, statements");
  sub->add_option("store", options->store, "a store written by geokg build or merge")->required()->check(CLI::ExistingFile);
  sub->add_option("name", options->name, "a name, alias or id")->required();
  sub->add_option("--top", options->top, "how many partners to list (default 10)")->check(CLI::Range(1, 1000));
  sub->add_flag("--json", options->json, "print JSON instead of text");
  return [options] { return run_actor(*options); };
}

}  // namespace geokg::cli
