#include "export/timeline_svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "export/xml.hpp"

namespace geokg::exporter {

namespace {

constexpr double kWidth = 900, kHeight = 460;
constexpr double kLeft = 60, kRight = 60, kTop = 50, kBottom = 110;
// Quad classes: verbal and material cooperation, verbal and material conflict.
constexpr const char* kQuadColours[4] = {"#8fd18f", "#2e8b57", "#f4a261", "#c0392b"};
constexpr const char* kQuadNames[4] = {"verbal cooperation", "material cooperation", "verbal conflict",
                                       "material conflict"};

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", std::abs(value) < 0.05 ? 0.0 : value);
  return buffer;
}

}  // namespace

void write_timeline_svg(const std::vector<PeriodRow>& rows, const std::string& title, std::ostream& out) {
  const double plot_w = kWidth - kLeft - kRight;
  const double plot_h = kHeight - kTop - kBottom;
  std::int64_t max_events = 1;
  double max_score = 1.0;
  for (const auto& r : rows) {
    max_events = std::max(max_events, r.events);
    max_score = std::max(max_score, std::abs(r.goldstein_sum));
  }
  const std::size_t n = std::max<std::size_t>(rows.size(), 1);
  const double slot = plot_w / static_cast<double>(n);
  const double bar_w = std::max(2.0, slot * 0.6);
  const double zero_y = kTop + plot_h / 2.0;  // the score axis is centred on zero
  auto score_y = [&](double v) { return zero_y - v / max_score * (plot_h / 2.0); };
  auto count_y = [&](double c) { return kTop + plot_h - c / static_cast<double>(max_events) * plot_h; };

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << kWidth << "\" height=\"" << kHeight
      << "\" viewBox=\"0 0 " << kWidth << ' ' << kHeight << "\" font-family=\"sans-serif\" font-size=\"12\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      << "<text x=\"" << kLeft << "\" y=\"24\" font-size=\"16\" font-weight=\"bold\">" << xml_escape(title) << "</text>\n";
  // Axes: events on the left (bars), summed Goldstein on the right (line, zero in the middle).
  out << "<line x1=\"" << kLeft << "\" y1=\"" << kTop << "\" x2=\"" << kLeft << "\" y2=\"" << kTop + plot_h
      << "\" stroke=\"#444\"/>\n"
      << "<line x1=\"" << kLeft + plot_w << "\" y1=\"" << kTop << "\" x2=\"" << kLeft + plot_w << "\" y2=\""
      << kTop + plot_h << "\" stroke=\"#444\"/>\n"
      << "<line x1=\"" << kLeft << "\" y1=\"" << kTop + plot_h << "\" x2=\"" << kLeft + plot_w << "\" y2=\""
      << kTop + plot_h << "\" stroke=\"#444\"/>\n"
      << "<line x1=\"" << kLeft << "\" y1=\"" << zero_y << "\" x2=\"" << kLeft + plot_w << "\" y2=\"" << zero_y
      << "\" stroke=\"#bbb\" stroke-dasharray=\"4 3\"/>\n"
      << "<text x=\"" << kLeft - 8 << "\" y=\"" << kTop + 4 << "\" text-anchor=\"end\">" << max_events << "</text>\n"
      << "<text x=\"" << kLeft - 8 << "\" y=\"" << kTop + plot_h + 4 << "\" text-anchor=\"end\">0</text>\n"
      << "<text x=\"14\" y=\"" << kTop + plot_h / 2 << "\" transform=\"rotate(-90 14 " << kTop + plot_h / 2
      << ")\" text-anchor=\"middle\">events</text>\n"
      << "<text x=\"" << kLeft + plot_w + 8 << "\" y=\"" << kTop + 4 << "\">+" << number(max_score) << "</text>\n"
      << "<text x=\"" << kLeft + plot_w + 8 << "\" y=\"" << zero_y + 4 << "\">0</text>\n"
      << "<text x=\"" << kLeft + plot_w + 8 << "\" y=\"" << kTop + plot_h + 4 << "\">-" << number(max_score) << "</text>\n"
      << "<text x=\"" << kWidth - 14 << "\" y=\"" << kTop + plot_h / 2 << "\" transform=\"rotate(90 " << kWidth - 14
      << ' ' << kTop + plot_h / 2 << ")\" text-anchor=\"middle\">Goldstein score (sum)</text>\n";
  std::string line;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const PeriodRow& r = rows[i];
    const double cx = kLeft + slot * (static_cast<double>(i) + 0.5);
    double stacked = 0;
    for (int q = 0; q < 4; ++q) {
      if (r.quad[q] == 0) continue;
      const double y_top = count_y(stacked + static_cast<double>(r.quad[q]));
      const double y_bottom = count_y(stacked);
      out << "<rect x=\"" << cx - bar_w / 2 << "\" y=\"" << y_top << "\" width=\"" << bar_w << "\" height=\""
          << y_bottom - y_top << "\" fill=\"" << kQuadColours[q] << "\"><title>" << xml_escape(r.period) << ": "
          << r.quad[q] << ' ' << kQuadNames[q] << "</title></rect>\n";
      stacked += static_cast<double>(r.quad[q]);
    }
    if (r.change) {
      out << "<line x1=\"" << cx - slot / 2 << "\" y1=\"" << kTop << "\" x2=\"" << cx - slot / 2 << "\" y2=\""
          << kTop + plot_h << "\" stroke=\"#7b2cbf\" stroke-width=\"1.5\" stroke-dasharray=\"6 3\"><title>change at "
          << xml_escape(r.period) << "</title></line>\n";
    }
    line += (line.empty() ? "M" : " L") + number(cx) + ' ' + number(score_y(r.goldstein_sum));
    const double label_y = kTop + plot_h + 14;
    out << "<text x=\"" << cx << "\" y=\"" << label_y << "\" transform=\"rotate(45 " << cx << ' ' << label_y
        << ")\">" << xml_escape(r.period) << "</text>\n";
  }
  if (!line.empty()) {
    out << "<path d=\"" << line << "\" fill=\"none\" stroke=\"#1d3557\" stroke-width=\"2\"/>\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const double cx = kLeft + slot * (static_cast<double>(i) + 0.5);
      out << "<circle cx=\"" << cx << "\" cy=\"" << score_y(rows[i].goldstein_sum) << "\" r=\"3.5\" fill=\"#1d3557\"><title>"
          << xml_escape(rows[i].period) << ": score " << number(rows[i].goldstein_sum) << "</title></circle>\n";
    }
  } else {
    out << "<text x=\"" << kLeft + plot_w / 2 << "\" y=\"" << zero_y << "\" text-anchor=\"middle\" fill=\"#666\">no dated"
        << " events or statements</text>\n";
  }
  // Legend.
  double lx = kLeft;
  const double ly = kHeight - 24;
  for (int q = 0; q < 4; ++q) {
    out << "<rect x=\"" << lx << "\" y=\"" << ly - 10 << "\" width=\"12\" height=\"12\" fill=\"" << kQuadColours[q]
        << "\"/><text x=\"" << lx + 16 << "\" y=\"" << ly << "\">" << kQuadNames[q] << "</text>\n";
    lx += 165;
  }
  out << "<line x1=\"" << lx << "\" y1=\"" << ly - 4 << "\" x2=\"" << lx + 20 << "\" y2=\"" << ly - 4
      << "\" stroke=\"#1d3557\" stroke-width=\"2\"/><text x=\"" << lx + 26 << "\" y=\"" << ly << "\">score</text>\n"
      << "<line x1=\"" << lx + 80 << "\" y1=\"" << ly - 12 << "\" x2=\"" << lx + 80 << "\" y2=\"" << ly + 2
      << "\" stroke=\"#7b2cbf\" stroke-dasharray=\"6 3\"/><text x=\"" << lx + 86 << "\" y=\"" << ly << "\">change</text>\n"
      << "</svg>\n";
}

}  // namespace geokg::exporter
