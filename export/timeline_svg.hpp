// Draws a dyad's timeline (StoreReader::timeline) as an SVG chart: event bars stacked by quad
// class, the summed Goldstein score as a line, change points marked, periods on the axis.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "export/store_reader.hpp"

namespace geokg::exporter {

void write_timeline_svg(const std::vector<PeriodRow>& rows, const std::string& title, std::ostream& out);

}  // namespace geokg::exporter
