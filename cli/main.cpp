// geokg: news articles in, a knowledge graph of geopolitical actors out (GraphML, GEXF, SQLite,
// JSON Lines, DOT). Exit codes: 0 ok, 1 some documents were skipped, 2 usage error, 3 nothing usable.
#include <cstdio>
#include <exception>
#include <map>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "extract/error.hpp"

int main(int argc, char** argv) {
  CLI::App app{"geokg: turns news articles into a knowledge graph of geopolitical actors"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "geokg 0.1.0");
  std::map<CLI::App*, geokg::cli::Command> commands;
  auto add = [&](geokg::cli::Command (*make)(CLI::App&)) {
    const std::size_t before = app.get_subcommands({}).size();
    geokg::cli::Command command = make(app);
    commands.emplace(app.get_subcommands({})[before], std::move(command));
  };
  add(&geokg::cli::add_build_command);
  add(&geokg::cli::add_extract_command);
  add(&geokg::cli::add_actors_command);
  add(&geokg::cli::add_said_command);
  add(&geokg::cli::add_timeline_command);
  add(&geokg::cli::add_merge_command);
  add(&geokg::cli::add_export_command);
  add(&geokg::cli::add_actor_command);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  geokg::cli::install_signal_handlers();
  try {
    for (auto& [sub, command] : commands) {
      if (sub->parsed()) return command();
    }
  } catch (const geokg::InputError& e) {
    geokg::cli::print_error(e.what());
    return 3;
  } catch (const std::exception& e) {
    geokg::cli::print_error(std::string("error: ") + e.what());
    return 3;
  }
  return 2;
}
