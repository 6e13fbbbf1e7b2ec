// Subcommands of the geokg executable. Each registers its options on a CLI11 app and returns the
// function that runs it (exit code: 0 ok, 1 some documents skipped, 3 nothing usable).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace geokg::cli {

using Command = std::function<int()>;

Command add_build_command(CLI::App& app);
Command add_extract_command(CLI::App& app);
Command add_actors_command(CLI::App& app);
Command add_said_command(CLI::App& app);
Command add_timeline_command(CLI::App& app);
Command add_merge_command(CLI::App& app);
Command add_export_command(CLI::App& app);
Command add_actor_command(CLI::App& app);

// Shared by the commands: prints a diagnostic line to stderr ("geokg: " + message).
void print_error(const std::string& message);

}  // namespace geokg::cli
