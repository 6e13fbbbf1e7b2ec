#include "export/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <streambuf>
#include <system_error>

#include "extract/error.hpp"

namespace geokg::exporter {

namespace {

[[noreturn]] void throw_write_error(const std::string& path, int error) {
  throw InputError(path + ": cannot write: " + std::system_category().message(error));
}

std::string directory_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace

// A stream buffer over a file descriptor that remembers the first errno of a failed write, so that
// commit() can report "No space left on device" rather than a bare stream failure.
class AtomicFile::FdBuf : public std::streambuf {
 public:
  explicit FdBuf(int fd) : fd_(fd) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
  FdBuf(const FdBuf&) = delete;
  FdBuf& operator=(const FdBuf&) = delete;
  ~FdBuf() override {
    if (fd_ >= 0) ::close(fd_);
  }

  int error() const { return error_; }

  // Writes what is buffered, fsyncs and closes; returns 0 or the errno of the first failure.
  int finish() {
    if (!flush_buffer()) return error_;
    if (::fsync(fd_) != 0) return remember(errno);
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) return remember(errno);
    return error_;
  }

 protected:
  int_type overflow(int_type ch) override {
    if (!flush_buffer()) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }

  int sync() override { return flush_buffer() ? 0 : -1; }

 private:
  int remember(int error) {
    if (error_ == 0) error_ = error;
    return error_;
  }

  bool flush_buffer() {
    if (error_ != 0 || fd_ < 0) return false;
    const char* data = pbase();
    auto left = static_cast<std::size_t>(pptr() - pbase());
    while (left > 0) {
      const ssize_t written = ::write(fd_, data, left);
      if (written < 0) {
        if (errno == EINTR) continue;
        remember(errno);
        return false;
      }
      data += written;
      left -= static_cast<std::size_t>(written);
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return true;
  }

  int fd_ = -1;
  int error_ = 0;
  std::array<char, 1 << 16> buffer_{};
};

AtomicFile::AtomicFile(std::string path)
    : path_(std::move(path)), temp_path_(path_ + ".tmp." + std::to_string(::getpid())) {
  const int fd = ::open(temp_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) throw_write_error(path_, errno);
  buf_ = std::make_unique<FdBuf>(fd);
  stream_ = std::make_unique<std::ostream>(buf_.get());
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  stream_.reset();
  buf_.reset();
  ::unlink(temp_path_.c_str());
}

std::ostream& AtomicFile::stream() {
  GEOKG_ASSERT(!committed_ && stream_ != nullptr);
  return *stream_;
}

void AtomicFile::commit() {
  GEOKG_ASSERT(!committed_ && stream_ != nullptr);
  stream_->flush();
  if (buf_->error() != 0) throw_write_error(path_, buf_->error());
  if (!*stream_) throw_write_error(path_, EIO);
  if (const int error = buf_->finish(); error != 0) throw_write_error(path_, error);
  if (::rename(temp_path_.c_str(), path_.c_str()) != 0) throw_write_error(path_, errno);
  committed_ = true;
  stream_.reset();
  buf_.reset();
  // Make the rename itself durable; file systems that cannot fsync a directory say EINVAL.
  const int dir = ::open(directory_of(path_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

}  // namespace geokg::exporter
