#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "export/atomic_file.hpp"
#include "export/store_reader.hpp"
#include "export/timeline_svg.hpp"
#include "extract/json_writer.hpp"

namespace geokg::cli {

namespace {

struct TimelineOptions {
  std::string store;
  std::string a;
  std::string b;
  std::string by = "month";
  bool directed = false;
  bool exact = false;
  bool json = false;
  double threshold = 10.0;
  std::string svg;
};

std::string fixed(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value == 0.0 ? 0.0 : value);
  return buffer;
}

int run_timeline(const TimelineOptions& o) {
  const exporter::StoreReader store(o.store);
  int code = 0;
  const std::string a = resolve_actor_name(store, o.store, o.a, code);
  if (a.empty()) return code;
  const std::string b = resolve_actor_name(store, o.store, o.b, code);
  if (b.empty()) return code;
  const exporter::Period period = o.by == "day" ? exporter::Period::kDay
                                  : o.by == "week" ? exporter::Period::kWeek
                                  : o.by == "document" ? exporter::Period::kDocument
                                                       : exporter::Period::kMonth;
  const auto rows = store.timeline(a, b, period, o.directed, o.threshold, o.exact);
  if (!o.svg.empty()) {
    exporter::AtomicFile file(o.svg);
    const std::string title =
        store.name_of(a) + (o.directed ? " \u2192 " : " \u2194 ") + store.name_of(b) + " by " + o.by;
    exporter::write_timeline_svg(rows, title, file.stream());
    file.commit();
  }
  std::string out;
  if (o.json) {
    extract::JsonWriter w(out);
    w.begin_object();
    w.key("a").value(a);
    w.key("b").value(b);
    w.key("by").value(o.by);
    w.key("directed").value(o.directed);
    w.key("exact").value(o.exact);
    w.key("periods").begin_array();
    for (const auto& r : rows) {
      w.begin_object();
      w.key("period").value(r.period);
      w.key("events").value(static_cast<std::int64_t>(r.events));
      w.key("quad_class").begin_array();
      for (auto q : r.quad) w.value(static_cast<std::int64_t>(q));
      w.end_array();
      w.key("goldstein_sum").value(r.goldstein_sum);
      w.key("goldstein_mean").value(r.goldstein_mean);
      w.key("statements").value(static_cast<std::int64_t>(r.statements));
      w.key("positive_statements").value(static_cast<std::int64_t>(r.positive));
      w.key("negative_statements").value(static_cast<std::int64_t>(r.negative));
      w.key("change").value(r.change);
      w.end_object();
    }
    w.end_array();
    w.end_object();
    out += '\n';
  } else {
    out += "period        events  vcoop mcoop vconf mconf  goldstein(sum mean)  statements(+/-)\n";
    for (const auto& r : rows) {
      char line[256];
      std::snprintf(line, sizeof line, "%-12s  %6lld  %5lld %5lld %5lld %5lld  %8s %6s      %4lld (%lld/%lld)%s\n",
                    r.period.c_str(), static_cast<long long>(r.events), static_cast<long long>(r.quad[0]),
                    static_cast<long long>(r.quad[1]), static_cast<long long>(r.quad[2]),
                    static_cast<long long>(r.quad[3]), fixed(r.goldstein_sum).c_str(), fixed(r.goldstein_mean).c_str(),
                    static_cast<long long>(r.statements), static_cast<long long>(r.positive),
                    static_cast<long long>(r.negative), r.change ? "  <- change" : "");
      out += line;
    }
    if (rows.empty()) std::fprintf(stderr, "geokg: no dated event or statement between \"%s\" and \"%s\"\n", a.c_str(), b.c_str());
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace

Command add_timeline_command(CLI::App& app) {
  auto options = std::make_shared<TimelineOptions>();
  CLI::App* sub = app.add_subcommand("timeline", "how the relation between two actors changed, per period");
  sub->add_option("store", options->store, "a store written by geokg build (.sqlite)")->required()->check(CLI::ExistingFile);
  sub->add_option("a", options->a, "the first actor: a name, alias or id")->required();
  sub->add_option("b", options->b, "the second actor: a name, alias or id")->required();
  sub->add_option("--by", options->by, "period: day, week, month (default) or document")
      ->check(CLI::IsMember({"day", "week", "month", "document"}));
  sub->add_flag("--directed", options->directed, "only what a did to or said about b (default: both directions)");
  sub->add_option("--threshold", options->threshold,
                  "mark a change where the summed Goldstein score moves by more than this (default 10)")
      ->check(CLI::NonNegativeNumber);
  sub->add_flag("--json", options->json, "print JSON instead of the table");
  sub->add_option("--svg", options->svg, "also draw the timeline as an SVG chart into this file");
  sub->add_flag("--exact", options->exact,
                "only the two named actors (default: a state also stands for its leaders, ministries, forces and"
                " other actors of its country)");
  return [options] { return run_timeline(*options); };
}

}  // namespace geokg::cli
