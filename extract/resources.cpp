#include "extract/resources.hpp"

namespace geokg::extract {

std::string_view embedded_file(std::string_view name) {
  for (std::size_t i = 0; i < detail::kEmbeddedFileCount; ++i) {
    if (detail::kEmbeddedFiles[i].name == name) return detail::kEmbeddedFiles[i].data;
  }
  return {};
}

}  // namespace geokg::extract
