// An output file that appears under its final name only when complete: the writers stream into
// "<path>.tmp.<pid>" in the same directory, and commit() flushes, fsyncs and renames it over path.
// A run that fails or is interrupted before commit() leaves the previous file (or none) in place.
#pragma once

#include <memory>
#include <ostream>
#include <string>

namespace geokg::exporter {

class AtomicFile {
 public:
  // Creates the temporary file. Throws InputError("PATH: cannot write: REASON") when the directory
  // is missing or not writable.
  explicit AtomicFile(std::string path);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  // Removes the temporary file unless commit() succeeded.
  ~AtomicFile();

  // The stream to write to; valid until commit() or destruction.
  std::ostream& stream();

  // Flushes, fsyncs and renames the temporary file to path. Throws InputError("PATH: cannot write:
  // REASON") for any write error seen so far (a full disk included); the temporary file is then
  // removed by the destructor. Must be called at most once.
  void commit();

  const std::string& path() const { return path_; }
  const std::string& temp_path() const { return temp_path_; }

 private:
  class FdBuf;

  std::string path_;
  std::string temp_path_;
  std::unique_ptr<FdBuf> buf_;
  std::unique_ptr<std::ostream> stream_;
  bool committed_ = false;
};

}  // namespace geokg::exporter
