// Files embedded into the binary at build time (cmake/embed.cmake): our lexicon data under
// "lexicon/NAME", the JSON schemas under "schemas/NAME" and Debian's iso-codes under "iso/NAME".
#pragma once

#include <cstddef>
#include <string_view>

namespace geokg::extract {

struct EmbeddedFile {
  std::string_view name;
  std::string_view data;
};

namespace detail {
extern const EmbeddedFile kEmbeddedFiles[];
extern const std::size_t kEmbeddedFileCount;
}  // namespace detail

// Returns the embedded file's bytes (static storage), or an empty view when there is none.
std::string_view embedded_file(std::string_view name);

}  // namespace geokg::extract
