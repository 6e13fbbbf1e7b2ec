#include "extract/ingest.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <system_error>
#include <utility>

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wold-style-cast"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#endif
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#include "extract/boilerplate.hpp"
#include "extract/error.hpp"
#include "extract/html.hpp"
#include "extract/utf8.hpp"

namespace geokg::extract {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::size_t kSniffBytes = 8192;
constexpr std::size_t kMaxJsonDepth = 512;
constexpr std::size_t kSpanLimit = std::numeric_limits<std::uint32_t>::max();

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// A user value for a message: in double quotes, control characters escaped, cut at 60 characters.
std::string quoted(std::string_view value) {
  std::string out = "\"";
  std::size_t characters = 0;
  std::size_t pos = 0;
  while (pos < value.size()) {
    if (characters == 60) {
      out += "...";
      break;
    }
    const char c = value[pos];
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      if (c == '\n') {
        out += "\\n";
      } else if (c == '\t') {
        out += "\\t";
      } else if (byte < 0x20 || byte == 0x7F) {
        out += "\\x";
        out.push_back("0123456789abcdef"[byte >> 4]);
        out.push_back("0123456789abcdef"[byte & 0x0F]);
      } else if (c == '"' || c == '\\') {
        out.push_back('\\');
        out.push_back(c);
      } else {
        out.push_back(c);
      }
      ++pos;
    } else {
      const std::size_t length = utf8_sequence_length(value, pos);
      if (length == 0) {
        append_utf8(out, cp1252_code_point(byte));
        ++pos;
      } else {
        out.append(value.substr(pos, length));
        pos += length;
      }
    }
    ++characters;
  }
  out += "\"";
  return out;
}

std::string error_text(int error_number) {
  std::string text = std::error_code(error_number, std::generic_category()).message();
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

void emit(const DiagnosticSink& sink, Diagnostic::Level level, std::string message) {
  if (sink) sink(Diagnostic{level, std::move(message)});
}

void warn(const DiagnosticSink& sink, std::string message) {
  emit(sink, Diagnostic::Level::kWarning, std::move(message));
}

// ---------------------------------------------------------------------------------------------
// Dates

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap(year)) return 29;
  return kDays[month - 1];
}

// Exactly `count` digits at s[pos]; -1 otherwise.
int digits_at(std::string_view s, std::size_t pos, std::size_t count) {
  if (pos + count > s.size()) return -1;
  int value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    if (!is_digit(s[pos + i])) return -1;
    value = value * 10 + (s[pos + i] - '0');
  }
  return value;
}

// The time part after 'T': hh[:mm[:ss[.frac]]] or hhmm[ss[.frac]], then Z or +hh[:mm] / -hhmm.
bool valid_time(std::string_view s, bool extended) {
  std::size_t pos = 0;
  const int hour = digits_at(s, pos, 2);
  if (hour < 0 || hour > 24) return false;
  pos += 2;
  for (int part = 0; part < 2; ++part) {
    const bool colon = pos < s.size() && s[pos] == ':';
    if (extended != colon) break;
    const std::size_t at = pos + (colon ? 1 : 0);
    const int value = digits_at(s, at, 2);
    if (value < 0) {
      if (colon) return false;
      break;
    }
    if (value > (part == 0 ? 59 : 60)) return false;
    pos = at + 2;
  }
  if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
    ++pos;
    const std::size_t begin = pos;
    while (pos < s.size() && is_digit(s[pos])) ++pos;
    if (pos == begin) return false;
  }
  if (pos == s.size()) return true;
  if (s[pos] == 'Z' || s[pos] == 'z') return pos + 1 == s.size();
  if (s[pos] != '+' && s[pos] != '-') return false;
  ++pos;
  const int zone_hours = digits_at(s, pos, 2);
  if (zone_hours < 0 || zone_hours > 14) return false;
  pos += 2;
  if (pos == s.size()) return true;
  if (s[pos] == ':') ++pos;
  const int zone_minutes = digits_at(s, pos, 2);
  return zone_minutes >= 0 && zone_minutes <= 59 && pos + 2 == s.size();
}

std::string pad2(int value) {
  return std::string{static_cast<char>('0' + value / 10), static_cast<char>('0' + value % 10)};
}

// ---------------------------------------------------------------------------------------------
// Text decoding and normalisation

// Raw bytes to UTF-8: UTF-16 with a BOM converted, a UTF-8 BOM dropped, invalid UTF-8 decoded
// byte-wise as Windows-1252 with a warning naming the first bad byte (offset into the raw bytes).
std::string decode_bytes(std::string_view raw, std::string_view origin, const DiagnosticSink& warnings) {
  if (auto utf16 = utf16_to_utf8(raw)) return std::move(*utf16);
  std::size_t offset = 0;
  if (raw.starts_with(kUtf8Bom)) {
    raw.remove_prefix(kUtf8Bom.size());
    offset = kUtf8Bom.size();
  }
  const std::size_t bad = first_invalid_utf8(raw);
  if (bad == std::string_view::npos) return std::string(raw);
  warn(warnings, std::string(origin) + ": invalid UTF-8 at byte " + std::to_string(bad + offset) +
                     ", decoded as Windows-1252");
  return utf8_or_cp1252(raw);
}

// See the list at the top of ingest.hpp. Requires valid UTF-8. Counts replaced control characters.
std::string normalise_text(std::string_view in, std::size_t& controls_replaced) {
  std::string out;
  out.reserve(in.size());
  std::size_t pos = 0;
  while (pos < in.size()) {
    // Runs of printable ASCII, tabs and newlines (nearly all of the text) are kept as they are;
    // eight bytes at a time while all are printable (0x20..0x7E: no high bit, adding 0x60 sets it,
    // adding 1 does not).
    std::size_t run = pos;
    constexpr std::uint64_t kHigh = 0x8080808080808080ull;
    while (run + 8 <= in.size()) {
      std::uint64_t w;
      std::memcpy(&w, in.data() + run, 8);
      if ((w & kHigh) != 0 || ((w + 0x6060606060606060ull) & kHigh) != kHigh ||
          ((w + 0x0101010101010101ull) & kHigh) != 0) {
        break;
      }
      run += 8;
    }
    while (run < in.size()) {
      const auto b = static_cast<unsigned char>(in[run]);
      if (!((b >= 0x20 && b < 0x7F) || b == '\t' || b == '\n')) break;
      ++run;
    }
    if (run > pos) {
      out.append(in.data() + pos, run - pos);
      pos = run;
      if (pos == in.size()) break;
    }
    const char c = in[pos];
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      ++pos;
      if (c == '\r') {
        out.push_back('\n');
        if (pos < in.size() && in[pos] == '\n') ++pos;
      } else if (c == '\f' || c == '\v') {
        out.push_back('\n');
      } else if ((byte < 0x20 && c != '\t' && c != '\n') || byte == 0x7F) {
        out.push_back(' ');
        ++controls_replaced;
      } else {
        out.push_back(c);
      }
      continue;
    }
    const std::size_t length = utf8_sequence_length(in, pos);
    if (length == 0) {
      append_utf8(out, cp1252_code_point(byte));
      ++pos;
      continue;
    }
    const char32_t cp = decode_utf8_at(in, pos, length);
    if (cp >= 0x80 && cp <= 0x9F) {
      out.push_back(' ');
      ++controls_replaced;
    } else if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
               cp == 0x3000) {
      out.push_back(' ');
    } else if (cp == 0xAD || cp == 0x200B || cp == 0x2060 || cp == 0xFEFF) {
      // Invisible: soft hyphen, zero-width space, word joiner, stray BOM. They split names.
    } else if (cp == 0x2028) {
      out.push_back('\n');
    } else if (cp == 0x2029) {
      out.append("\n\n");
    } else {
      out.append(in.substr(pos, length));
    }
    pos += length;
  }
  const std::string_view trimmed = trim(out);
  if (trimmed.size() != out.size()) return std::string(trimmed);
  return out;
}

std::string normalise_field(std::string_view value) {
  std::size_t ignored = 0;
  const std::string text = normalise_text(value, ignored);
  std::string out;
  bool space = false;
  for (char c : text) {
    if (is_ascii_space(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// The first line as title when it reads like a headline.
std::string guess_title(const Document& doc) {
  std::size_t pos = 0;
  const std::string_view text = doc.text;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = trim(text.substr(pos, end - pos));
    const Span span{static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(end)};
    const bool boilerplate = std::any_of(doc.boilerplate.begin(), doc.boilerplate.end(),
                                         [&](const Span& b) { return b.contains(span); });
    if (!line.empty() && !boilerplate) {
      std::string_view title = line;
      while (title.starts_with("#")) title.remove_prefix(1);  // Markdown heading
      title = trim(title);
      if (end >= text.size() || title.empty() || title.size() > 200 || title.ends_with(".") ||
          title.ends_with(":") || title.ends_with(",")) {
        return {};
      }
      // A hard-wrapped first paragraph is not a headline: a headline stands alone or ends on a
      // capitalised word, a number or a question.
      const std::size_t next_end = std::min(text.find('\n', end + 1), text.size());
      const bool stands_alone = trim(text.substr(end + 1, next_end - end - 1)).empty();
      const std::size_t last_space = title.rfind(' ');
      const char last_word_start = title[last_space == std::string_view::npos ? 0 : last_space + 1];
      const bool capitalised_end = (last_word_start >= 'A' && last_word_start <= 'Z') || is_digit(last_word_start) ||
                                   static_cast<unsigned char>(last_word_start) >= 0x80 || title.ends_with("?") ||
                                   title.ends_with("!");
      if (!stands_alone && !capitalised_end) return {};
      std::size_t words = 1;
      for (char c : title) words += c == ' ' ? 1 : 0;
      return words <= 30 ? std::string(title) : std::string();
    }
    pos = end + 1;
  }
  return {};
}

// Text, boilerplate, title and date of a document whose text fields are set.
void finish_document(Document& doc, std::string_view raw_text, const IngestOptions& options,
                     const DiagnosticSink& warnings, bool guess_heading) {
  std::size_t controls = 0;
  doc.text = normalise_text(raw_text, controls);
  if (controls > 0) {
    warn(warnings, doc.origin + ": " + std::to_string(controls) + " control character" + (controls == 1 ? "" : "s") +
                       " replaced by spaces");
  }
  if (doc.text.empty()) throw InputError(doc.origin + ": no text, expected article text");
  if (doc.text.size() > kSpanLimit) {
    throw InputError(doc.origin + ": text of " + std::to_string(doc.text.size()) +
                     " bytes after decoding, expected at most " + std::to_string(kSpanLimit) + " bytes");
  }
  doc.boilerplate = find_boilerplate(doc.text, doc.source);
  if (guess_heading && doc.title.empty()) doc.title = guess_title(doc);

  std::optional<Date> date;
  if (!doc.published.empty()) date = parse_published_date(doc.published);
  if (!date && !options.fallback_date.empty()) date = parse_published_date(options.fallback_date);
  if (!date) date = find_dateline(doc.text);
  doc.date = date.value_or(Date{});
}

// ---------------------------------------------------------------------------------------------
// JSON Lines

enum class JsonKind { kString, kNumber, kBool, kNull, kObject, kArray };

const char* kind_name(JsonKind kind) {
  switch (kind) {
    case JsonKind::kString:
      return "a string";
    case JsonKind::kNumber:
      return "a number";
    case JsonKind::kBool:
      return "a boolean";
    case JsonKind::kNull:
      return "null";
    case JsonKind::kObject:
      return "an object";
    case JsonKind::kArray:
      return "an array";
  }
  return "a value";
}

// RapidJSON 1.1.0 decodes an escaped lone low surrogate ("\udc00") into its three-byte form, which
// is not UTF-8 (the line itself was made valid before parsing): such sequences become U+FFFD, as
// unpaired surrogates do everywhere else in ingestion.
std::string without_surrogates(std::string_view value) {
  if (is_valid_utf8(value)) return std::string(value);
  std::string out;
  out.reserve(value.size());
  std::size_t pos = 0;
  while (pos < value.size()) {
    if (const std::size_t length = utf8_sequence_length(value, pos); length > 0) {
      out.append(value.substr(pos, length));
      pos += length;
      continue;
    }
    append_utf8(out, 0xFFFD);
    const bool surrogate = static_cast<unsigned char>(value[pos]) == 0xED && pos + 2 < value.size() &&
                           (static_cast<unsigned char>(value[pos + 1]) & 0xC0) == 0x80 &&
                           (static_cast<unsigned char>(value[pos + 2]) & 0xC0) == 0x80;
    pos += surrogate ? 3 : 1;
  }
  return out;
}

struct JsonField {
  std::string name;
  JsonKind kind = JsonKind::kNull;
  std::string value;          // strings, and numbers as written
  std::size_t offset = 0;     // byte offset of the value in the line
  std::size_t key_offset = 0; // byte offset of the member name
};

// SAX handler keeping the members of the root object (nested values are only typed).
class JsonlHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, JsonlHandler> {
 public:
  explicit JsonlHandler(const rapidjson::MemoryStream& stream, std::string_view line)
      : stream_(stream), line_(line) {}

  bool Null() { return scalar(JsonKind::kNull, {}); }
  bool Bool(bool) { return scalar(JsonKind::kBool, {}); }
  bool RawNumber(const char* str, rapidjson::SizeType length, bool) {
    return scalar(JsonKind::kNumber, std::string_view(str, length));
  }
  bool String(const char* str, rapidjson::SizeType length, bool) {
    return scalar(JsonKind::kString, std::string_view(str, length));
  }
  bool StartObject() { return open(JsonKind::kObject); }
  bool StartArray() { return open(JsonKind::kArray); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool EndArray(rapidjson::SizeType) { return close(); }
  bool Key(const char* str, rapidjson::SizeType length, bool) {
    if (depth_ == 1) {
      // The stream stands just after the closing quote of the name; the value follows the colon.
      const std::size_t after = stream_.Tell();
      std::size_t name_begin = after > 0 ? after - 1 : 0;
      while (name_begin > 0 && line_[name_begin - 1] != '"') --name_begin;
      pending_ = JsonField{without_surrogates(std::string_view(str, length)), JsonKind::kNull, {},
                           value_offset(after), name_begin > 0 ? name_begin - 1 : 0};
    }
    return true;
  }

  std::optional<JsonKind> root_kind;  // set when the root is not an object
  bool too_deep = false;
  std::vector<JsonField> fields;

 private:
  std::size_t value_offset(std::size_t pos) const {
    while (pos < line_.size() && (is_ascii_space(line_[pos]) || line_[pos] == ':')) ++pos;
    return pos;
  }

  bool scalar(JsonKind kind, std::string_view value) {
    if (depth_ == 0) {
      root_kind = kind;
      return false;
    }
    if (depth_ == 1) {
      pending_.kind = kind;
      pending_.value = without_surrogates(value);
      fields.push_back(std::move(pending_));
      pending_ = {};
    }
    return true;
  }

  bool open(JsonKind kind) {
    if (depth_ == 0 && kind != JsonKind::kObject) {
      root_kind = kind;
      return false;
    }
    if (depth_ == 1) {
      pending_.kind = kind;
      fields.push_back(std::move(pending_));
      pending_ = {};
    }
    if (++depth_ > kMaxJsonDepth) {
      too_deep = true;
      return false;
    }
    return true;
  }

  bool close() {
    --depth_;
    return true;
  }

  const rapidjson::MemoryStream& stream_;
  std::string_view line_;
  std::size_t depth_ = 0;
  JsonField pending_;
};

// 1-based column of byte `offset` in the line, counting characters.
std::size_t column_of(std::string_view line, std::size_t offset) {
  return count_code_points(line.substr(0, std::min(offset, line.size()))) + 1;
}

std::string found_at(std::string_view line, std::size_t offset) {
  if (offset >= line.size()) return "the end of the line";
  const std::size_t length = utf8_sequence_length(line, offset);
  return quoted(line.substr(offset, length == 0 ? 1 : length));
}

// What RapidJSON's error means for someone writing JSON Lines, as "expected ...".
std::string expectation(rapidjson::ParseErrorCode code, std::string_view line, std::size_t offset) {
  switch (code) {
    case rapidjson::kParseErrorDocumentEmpty:
      return "expected a JSON object";
    case rapidjson::kParseErrorValueInvalid:
      return "expected a value (string, number, object, array, true, false or null)";
    case rapidjson::kParseErrorObjectMissName:
      return "expected a member name in double quotes";
    case rapidjson::kParseErrorObjectMissColon:
      return "expected ':' after the member name";
    case rapidjson::kParseErrorObjectMissCommaOrCurlyBracket:
      return "expected ',' or '}' after an object member";
    case rapidjson::kParseErrorArrayMissCommaOrSquareBracket:
      return "expected ',' or ']' after an array element";
    case rapidjson::kParseErrorStringUnicodeEscapeInvalidHex:
      return "expected four hex digits after \\u";
    case rapidjson::kParseErrorStringUnicodeSurrogateInvalid:
      return "expected a \\uDC00-\\uDFFF low surrogate after a high surrogate";
    case rapidjson::kParseErrorStringEscapeInvalid:
      // RapidJSON reports raw control characters in strings as bad escapes.
      if (offset < line.size() && static_cast<unsigned char>(line[offset]) < 0x20) {
        return "expected control characters in strings to be escaped (\\n, \\t, \\u0001)";
      }
      return "expected an escape sequence (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)";
    case rapidjson::kParseErrorStringMissQuotationMark:
      return "expected '\"' to close the string";
    case rapidjson::kParseErrorStringInvalidEncoding:
      return "expected UTF-8 text in strings";
    case rapidjson::kParseErrorNumberTooBig:
      return "expected a number within double range";
    case rapidjson::kParseErrorNumberMissFraction:
      return "expected digits after the decimal point";
    case rapidjson::kParseErrorNumberMissExponent:
      return "expected digits in the exponent";
    default: {
      std::string text = lower_ascii(rapidjson::GetParseError_En(code));
      while (!text.empty() && text.back() == '.') text.pop_back();
      return "expected valid JSON (" + text + ")";
    }
  }
}

constexpr std::string_view kKnownFields = R"("id", "text", "title", "url", "source" or "published")";

std::string fallback_id(std::string_view path, std::size_t line_number) {
  std::string stem;
  if (path == "-" || path == "<stdin>") {
    stem = "stdin";
  } else {
    const std::size_t slash = path.find_last_of('/');
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const std::size_t dot = name.rfind('.');
    if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
    stem = std::string(name);
  }
  return stem + ":" + std::to_string(line_number);
}

// ---------------------------------------------------------------------------------------------
// Reading files

// Bytes from a file descriptor (or from memory), read in chunks.
class ByteSource {
 public:
  static constexpr std::size_t kChunk = 1u << 16;

  ByteSource() = default;
  ByteSource(int fd, bool owned) : fd_(fd), owned_(owned) {}
  explicit ByteSource(std::string data) : buffer_(std::move(data)), eof_(true) {}
  ByteSource(ByteSource&& other) noexcept { *this = std::move(other); }
  ByteSource& operator=(ByteSource&& other) noexcept {
    if (this != &other) {
      close();
      fd_ = std::exchange(other.fd_, -1);
      owned_ = std::exchange(other.owned_, false);
      buffer_ = std::move(other.buffer_);
      pos_ = other.pos_;
      scan_ = other.scan_;
      eof_ = other.eof_;
      error_ = other.error_;
    }
    return *this;
  }
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;
  ~ByteSource() { close(); }

  void close() {
    if (owned_ && fd_ >= 0) ::close(fd_);
    fd_ = -1;
    owned_ = false;
  }

  int error() const { return error_; }
  bool at_end() const { return eof_ && pos_ >= buffer_.size(); }

  // Reads one more chunk; false at the end of the input or after a read error.
  bool fill() {
    if (eof_) return false;
    if (pos_ > 0 && pos_ >= buffer_.size() / 2) {
      buffer_.erase(0, pos_);
      scan_ -= std::min(scan_, pos_);
      pos_ = 0;
    }
    const std::size_t old_size = buffer_.size();
    buffer_.resize(old_size + kChunk);
    ssize_t got = 0;
    do {
      got = ::read(fd_, buffer_.data() + old_size, kChunk);
    } while (got < 0 && errno == EINTR);
    if (got <= 0) {
      if (got < 0) error_ = errno;
      buffer_.resize(old_size);
      eof_ = true;
      close();
      return false;
    }
    buffer_.resize(old_size + static_cast<std::size_t>(got));
    return true;
  }

  // Makes at least `count` bytes available unless the input ends first.
  std::string_view peek(std::size_t count) {
    while (buffer_.size() - pos_ < count && fill()) {
    }
    return std::string_view(buffer_).substr(pos_);
  }

  enum class ReadStatus { kOk, kTooLarge };

  // All remaining bytes, at most `limit`; kTooLarge (and nothing read beyond) when there are more.
  ReadStatus read_all(std::size_t limit, std::string& out) {
    while (buffer_.size() - pos_ <= limit && fill()) {
    }
    if (buffer_.size() - pos_ > limit) return ReadStatus::kTooLarge;
    out = buffer_.substr(pos_);
    buffer_.clear();
    pos_ = scan_ = 0;
    return ReadStatus::kOk;
  }

  enum class LineStatus { kLine, kTooLong, kEnd };

  // The next line without its '\n'. A line longer than `limit` is skipped up to its newline without
  // being kept in memory, and reported as kTooLong.
  LineStatus next_line(std::size_t limit, std::string& line) {
    bool discarding = false;
    while (true) {
      const std::size_t newline = buffer_.find('\n', std::max(scan_, pos_));
      if (newline != std::string::npos) {
        const std::size_t length = newline - pos_;
        if (!discarding && length <= limit) line.assign(buffer_, pos_, length);
        pos_ = scan_ = newline + 1;
        return discarding || length > limit ? LineStatus::kTooLong : LineStatus::kLine;
      }
      scan_ = buffer_.size();
      if (buffer_.size() - pos_ > limit) {
        discarding = true;
        buffer_.clear();
        pos_ = scan_ = 0;
      }
      if (!fill()) {
        if (discarding) return LineStatus::kTooLong;
        if (pos_ >= buffer_.size()) return LineStatus::kEnd;
        line.assign(buffer_, pos_, buffer_.size() - pos_);
        pos_ = scan_ = buffer_.size();
        return LineStatus::kLine;
      }
    }
  }

 private:
  int fd_ = -1;
  bool owned_ = false;
  std::string buffer_;
  std::size_t pos_ = 0;   // first unread byte
  std::size_t scan_ = 0;  // bytes before this were searched for '\n' already
  bool eof_ = false;
  int error_ = 0;
};

std::string without_extension(std::string_view rel) {
  const std::size_t slash = rel.find_last_of('/');
  const std::size_t name_begin = slash == std::string_view::npos ? 0 : slash + 1;
  const std::size_t dot = rel.rfind('.');
  if (dot == std::string_view::npos || dot <= name_begin) return std::string(rel);
  return std::string(rel.substr(0, dot));
}

std::string file_name(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  const std::size_t slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string join_path(std::string_view dir, std::string_view name) {
  std::string out(dir);
  if (!out.empty() && out.back() != '/') out.push_back('/');
  out.append(name);
  return out;
}

struct DirId {
  dev_t device = 0;
  ino_t inode = 0;
  friend bool operator<(const DirId& a, const DirId& b) {
    return a.device != b.device ? a.device < b.device : a.inode < b.inode;
  }
  friend bool operator==(const DirId& a, const DirId& b) = default;
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// Public pure functions

std::optional<InputFormat> format_from_extension(std::string_view path) {
  const std::string name = file_name(path);
  const std::size_t dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0) return std::nullopt;
  const std::string extension = lower_ascii(std::string_view(name).substr(dot + 1));
  if (extension == "txt" || extension == "text") return InputFormat::kText;
  if (extension == "html" || extension == "htm" || extension == "xhtml") return InputFormat::kHtml;
  if (extension == "jsonl" || extension == "ndjson") return InputFormat::kJsonLines;
  return std::nullopt;
}

InputFormat sniff_format(std::string_view head) {
  if (head.starts_with(kUtf8Bom)) head.remove_prefix(kUtf8Bom.size());
  head = trim(head);
  if (head.starts_with("{") || head.starts_with("[")) return InputFormat::kJsonLines;
  if (head.starts_with("<")) return InputFormat::kHtml;
  return InputFormat::kText;
}

std::optional<Date> parse_published_date(std::string_view value) {
  value = trim(value);
  const int year = digits_at(value, 0, 4);
  if (year < 1000) return std::nullopt;
  Date date;
  date.origin = DateOrigin::kDocument;
  if (value.size() == 4) {
    date.value = std::string(value);
    date.precision = DatePrecision::kYear;
    return date;
  }
  int month = 0;
  int day = 0;
  std::size_t pos = 0;
  bool extended = true;
  if (value[4] == '-') {
    month = digits_at(value, 5, 2);
    if (month < 1 || month > 12) return std::nullopt;
    if (value.size() == 7) {
      date.value = std::string(value);
      date.precision = DatePrecision::kMonth;
      return date;
    }
    if (value.size() < 10 || value[7] != '-') return std::nullopt;
    day = digits_at(value, 8, 2);
    pos = 10;
  } else {
    // Basic format: 20240301
    month = digits_at(value, 4, 2);
    day = digits_at(value, 6, 2);
    pos = 8;
    extended = false;
  }
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
  if (pos < value.size()) {
    const char separator = value[pos];
    if (separator != 'T' && separator != 't' && separator != ' ') return std::nullopt;
    if (!valid_time(value.substr(pos + 1), extended)) return std::nullopt;
  }
  date.value = std::to_string(year) + "-" + pad2(month) + "-" + pad2(day);
  date.precision = DatePrecision::kDay;
  return date;
}

Document parse_jsonl_document(std::string_view line, std::string_view path, std::size_t line_number,
                              const IngestOptions& options, const DiagnosticSink& warnings,
                              std::unordered_set<std::string>* reported_fields) {
  const std::string where = std::string(path) + ":" + std::to_string(line_number);
  const auto at = [&](std::string_view text, std::size_t offset) {
    return where + ":" + std::to_string(column_of(text, offset));
  };
  if (line.ends_with("\r")) line.remove_suffix(1);
  if (line.starts_with(kUtf8Bom)) line.remove_prefix(kUtf8Bom.size());

  std::string repaired;
  if (const std::size_t bad = first_invalid_utf8(line); bad != std::string_view::npos) {
    warn(warnings, at(line, bad) + ": invalid UTF-8 (byte " + std::to_string(bad) + " of the line), decoded as "
                   "Windows-1252");
    repaired = utf8_or_cp1252(line);
    line = repaired;
  }

  rapidjson::MemoryStream stream(line.data(), line.size());
  JsonlHandler handler(stream, line);
  rapidjson::Reader reader;
  constexpr unsigned kFlags =
      rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag;
  const rapidjson::ParseResult result = reader.Parse<kFlags>(stream, handler);
  if (handler.root_kind) {
    const std::size_t first = line.find_first_not_of(" \t");
    throw InputError(at(line, first == std::string_view::npos ? 0 : first) +
                     ": expected a JSON object with \"text\", found " + kind_name(*handler.root_kind));
  }
  if (handler.too_deep) {
    throw InputError(at(line, result.Offset()) + ": JSON nested deeper than " + std::to_string(kMaxJsonDepth) +
                     " levels, expected a flat object with \"text\"");
  }
  if (result.IsError()) {
    std::size_t offset = result.Offset();
    if (result.Code() == rapidjson::kParseErrorValueInvalid) {
      // RapidJSON reports "nul" or "tru" after their first letter; point at the word.
      while (offset > 0 && offset <= line.size() && std::isalpha(static_cast<unsigned char>(line[offset - 1]))) {
        --offset;
      }
    }
    throw InputError(at(line, offset) + ": invalid JSON, " + expectation(result.Code(), line, offset) + ", found " +
                     found_at(line, offset));
  }
  std::size_t end = stream.Tell();
  while (end < line.size() && is_ascii_space(line[end])) ++end;
  if (end < line.size()) {
    throw InputError(at(line, end) + ": unexpected text after the JSON object, expected one JSON document per "
                     "line, found " + found_at(line, end));
  }

  Document doc;
  doc.origin = where;
  const JsonField* text_field = nullptr;
  const JsonField* id_field = nullptr;
  std::unordered_set<std::string> seen;
  for (const JsonField& field : handler.fields) {
    const std::string position = at(line, field.offset);
    if (!seen.insert(field.name).second) {
      warn(warnings,
           at(line, field.key_offset) + ": duplicate field " + quoted(field.name) + ", the first one is used");
      continue;
    }
    const bool is_string = field.kind == JsonKind::kString;
    if (field.name == "text") {
      text_field = &field;
    } else if (field.name == "id") {
      id_field = &field;
    } else if (field.name == "title" || field.name == "url" || field.name == "source") {
      if (is_string) {
        std::string value = normalise_field(field.value);
        if (field.name == "title") doc.title = std::move(value);
        if (field.name == "url") doc.url = std::move(value);
        if (field.name == "source") doc.source = std::move(value);
      } else if (field.kind != JsonKind::kNull) {
        warn(warnings, position + ": expected a string for " + quoted(field.name) + ", found " +
                           kind_name(field.kind) + "; ignored");
      }
    } else if (field.name == "published") {
      if (is_string) {
        if (auto date = parse_published_date(field.value)) {
          doc.published = date->value;
        } else if (!trim(field.value).empty()) {
          warn(warnings, position + ": unrecognised date " + quoted(field.value) +
                             " in \"published\" ignored, expected an ISO 8601 date such as \"2024-03-01\" or "
                             "\"2024-03-01T09:30:00Z\"");
        }
      } else if (field.kind != JsonKind::kNull) {
        warn(warnings, position + ": expected a string for \"published\", found " + kind_name(field.kind) +
                           "; ignored");
      }
    } else if (reported_fields == nullptr || reported_fields->insert(field.name).second) {
      warn(warnings, at(line, field.key_offset) + ": unknown field " + quoted(field.name) + " ignored, expected " +
                         std::string(kKnownFields));
    }
  }

  if (text_field == nullptr) throw InputError(where + ": missing \"text\", expected a string with the article text");
  if (text_field->kind != JsonKind::kString) {
    throw InputError(at(line, text_field->offset) + ": expected a string for \"text\", found " +
                     kind_name(text_field->kind));
  }
  if (trim(text_field->value).empty()) {
    throw InputError(at(line, text_field->offset) + ": empty \"text\", expected a string with the article text");
  }

  if (id_field == nullptr) {
    doc.id = fallback_id(path, line_number);
    warn(warnings, where + ": missing \"id\", expected a string; using " + quoted(doc.id));
  } else if (id_field->kind == JsonKind::kString && !trim(id_field->value).empty()) {
    doc.id = normalise_field(id_field->value);
  } else if (id_field->kind == JsonKind::kNumber) {
    doc.id = id_field->value;
  } else {
    doc.id = fallback_id(path, line_number);
    const std::string found = id_field->kind == JsonKind::kString ? "an empty string" : kind_name(id_field->kind);
    warn(warnings, at(line, id_field->offset) + ": expected a string for \"id\", found " + found + "; using " +
                       quoted(doc.id));
  }
  finish_document(doc, text_field->value, options, warnings, true);
  return doc;
}

Document document_from_text(std::string text, std::string id, std::string origin, const IngestOptions& options,
                            const DiagnosticSink& warnings) {
  Document doc;
  doc.id = std::move(id);
  doc.origin = std::move(origin);
  const std::string decoded = decode_bytes(text, doc.origin, warnings);
  text.clear();
  text.shrink_to_fit();
  finish_document(doc, decoded, options, warnings, true);
  return doc;
}

Document document_from_html(std::string_view html, std::string id, std::string origin, const IngestOptions& options,
                            const DiagnosticSink& warnings) {
  Document doc;
  doc.id = std::move(id);
  doc.origin = std::move(origin);
  HtmlText page = html_to_text(decode_bytes(html, doc.origin, warnings));
  doc.title = normalise_field(page.title);
  doc.url = normalise_field(page.url);
  doc.source = normalise_field(page.site_name);
  doc.published = page.published;
  if (trim(page.text).empty()) {
    throw InputError(doc.origin + ": no text outside markup, expected an HTML page with article text");
  }
  finish_document(doc, page.text, options, warnings, false);
  return doc;
}

// ---------------------------------------------------------------------------------------------
// DocumentReader

struct DocumentReader::State {
  struct DirFrame {
    std::string path;  // as displayed: the input as given joined with the names below it
    std::string rel;   // relative to the input folder, '/'-separated ("" for the folder itself)
    DirId id;
    std::vector<std::string> names;
    std::size_t next = 0;
  };

  struct JsonlFile {
    ByteSource source;
    std::string path;
    std::size_t line_number = 0;
    std::size_t content_lines = 0;
    std::unordered_set<std::string> reported_fields;
  };

  std::vector<std::string> inputs;
  std::size_t next_input = 0;
  std::vector<InMemoryFile> memory_files;
  std::size_t next_memory_file = 0;
  IngestOptions options;
  DiagnosticSink sink;
  DiagnosticSink warning_sink;  // counts and forwards warnings
  std::vector<DirFrame> frames;
  std::map<DirId, std::string> visited_dirs;
  std::optional<JsonlFile> jsonl;
  std::size_t documents = 0;
  std::size_t skipped = 0;
  std::size_t warnings = 0;

  void error(std::string message) {
    ++skipped;
    emit(sink, Diagnostic::Level::kError, std::move(message));
  }

  std::optional<Document> next() {
    while (true) {
      if (jsonl) {
        if (auto doc = next_jsonl()) return doc;
        continue;
      }
      if (!frames.empty()) {
        if (auto doc = next_entry()) return doc;
        continue;
      }
      if (next_input < inputs.size()) {
        if (auto doc = open_input(inputs[next_input++])) return doc;
        continue;
      }
      if (next_memory_file < memory_files.size()) {
        InMemoryFile& file = memory_files[next_memory_file++];
        const std::uint64_t size = file.bytes.size();
        std::string id = without_extension(file_name(file.path));
        if (auto doc = read_source(ByteSource(std::exchange(file.bytes, {})), file.path, std::move(id), size)) {
          return doc;
        }
        continue;
      }
      return std::nullopt;
    }
  }

  std::optional<Document> open_input(const std::string& input) {
    if (input == "-") {
      jsonl.emplace(JsonlFile{ByteSource(STDIN_FILENO, false), "<stdin>", 0, 0, {}});
      return std::nullopt;
    }
    struct stat info {};
    if (::stat(input.c_str(), &info) != 0) {
      error(input + ": cannot open (" + error_text(errno) + "), expected a readable file or directory");
      return std::nullopt;
    }
    if (S_ISDIR(info.st_mode)) {
      enter_directory(input, "", DirId{info.st_dev, info.st_ino});
      return std::nullopt;
    }
    return read_file(input, without_extension(file_name(input)));
  }

  void enter_directory(const std::string& path, std::string rel, DirId id) {
    for (const DirFrame& frame : frames) {
      if (frame.id == id) {
        warn_count(path + ": directory loop back to " + quoted(frame.path) + ", not followed");
        return;
      }
    }
    if (auto it = visited_dirs.find(id); it != visited_dirs.end()) {
      warn_count(path + ": directory already read as " + quoted(it->second) + ", not read again");
      return;
    }
    DIR* dir = ::opendir(path.c_str());
    if (dir == nullptr) {
      error(path + ": cannot read directory (" + error_text(errno) + "), expected a readable directory");
      return;
    }
    visited_dirs.emplace(id, path);
    DirFrame frame{path, std::move(rel), id, {}, 0};
    errno = 0;
    while (const dirent* entry = ::readdir(dir)) {
      const std::string_view name = entry->d_name;
      if (name.empty() || name.front() == '.') continue;  // ".", "..", and hidden entries
      frame.names.emplace_back(name);
    }
    const int read_error = errno;
    ::closedir(dir);
    if (read_error != 0) {
      error(path + ": cannot read directory (" + error_text(read_error) + "), expected a readable directory");
    }
    std::sort(frame.names.begin(), frame.names.end());
    frames.push_back(std::move(frame));
  }

  std::optional<Document> next_entry() {
    DirFrame& frame = frames.back();
    if (frame.next >= frame.names.size()) {
      frames.pop_back();
      return std::nullopt;
    }
    const std::string name = frame.names[frame.next++];
    const std::string path = join_path(frame.path, name);
    std::string rel = frame.rel.empty() ? name : frame.rel + "/" + name;
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
      error(path + ": cannot open (" + error_text(errno) + "), expected a readable file or directory");
      return std::nullopt;
    }
    if (S_ISDIR(info.st_mode)) {
      enter_directory(path, std::move(rel), DirId{info.st_dev, info.st_ino});  // may invalidate `frame`
      return std::nullopt;
    }
    if (!S_ISREG(info.st_mode)) {
      error(path + ": not a regular file, expected a text, HTML or JSON Lines file");
      return std::nullopt;
    }
    // Inside a folder, a file with another extension (a README.md, a PDF, an image) is not an
    // article: said once as a warning, never read. Files without an extension are sniffed.
    if (!format_from_extension(path) && name.find('.') != std::string::npos) {
      warn_count(path + ": not read, expected an article file (.txt, .html, .htm, .jsonl) inside a folder");
      return std::nullopt;
    }
    return read_file(path, without_extension(rel));
  }

  void warn_count(std::string message) {
    ++warnings;
    emit(sink, Diagnostic::Level::kWarning, std::move(message));
  }

  std::optional<Document> read_file(const std::string& path, std::string id) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      error(path + ": cannot open (" + error_text(errno) + "), expected a readable file or directory");
      return std::nullopt;
    }
    struct stat info {};
    std::optional<std::uint64_t> size;
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode)) size = static_cast<std::uint64_t>(info.st_size);
    return read_source(ByteSource(fd, true), path, std::move(id), size);
  }

  // A file's bytes (from disk or memory) to a document, or to the JSON Lines reader. `size`: the
  // file's size when known before reading.
  std::optional<Document> read_source(ByteSource source, const std::string& path, std::string id,
                                      std::optional<std::uint64_t> size) {
    const std::size_t limit = options.max_document_bytes;
    // Checked before reading, except for JSON Lines, where the limit applies to each line.
    const auto too_big = [&] {
      if (!size || *size <= limit) return false;
      error(path + ": file too large (" + std::to_string(*size) + " bytes), expected at most " +
            std::to_string(limit) + " bytes per document");
      return true;
    };

    std::optional<InputFormat> format = format_from_extension(path);
    if (format && *format != InputFormat::kJsonLines && too_big()) return std::nullopt;
    std::string_view head = source.peek(kSniffBytes);
    if (source.error() != 0) return read_failed(path, source.error());
    const bool utf16 = head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF");
    if (utf16) {
      std::string raw;
      if (source.read_all(limit, raw) == ByteSource::ReadStatus::kTooLarge) return too_large(path, limit);
      if (source.error() != 0) return read_failed(path, source.error());
      source = ByteSource(utf16_to_utf8(raw).value_or(std::string()));
      head = source.peek(kSniffBytes);
    }
    if (!format) format = sniff_format(head);
    if (*format == InputFormat::kJsonLines) {
      jsonl.emplace(JsonlFile{std::move(source), path, 0, 0, {}});
      return std::nullopt;
    }
    if (!format_from_extension(path) && too_big()) return std::nullopt;

    std::string bytes;
    if (source.read_all(limit, bytes) == ByteSource::ReadStatus::kTooLarge) return too_large(path, limit);
    if (source.error() != 0) return read_failed(path, source.error());
    std::string_view body = bytes;
    if (body.starts_with(kUtf8Bom)) body.remove_prefix(kUtf8Bom.size());
    if (trim(body).empty()) {
      error(path + ": empty file, expected article text");
      return std::nullopt;
    }
    if (!utf16) {
      const std::string_view sample = std::string_view(bytes).substr(0, kSniffBytes);
      if (looks_binary(sample)) {
        const std::size_t nul = sample.find('\0');
        if (nul != std::string_view::npos) {
          error(path + ": binary file (NUL byte at offset " + std::to_string(nul) + "), expected UTF-8 text");
        } else {
          error(path + ": binary file (" + std::to_string(count_binary_control_bytes(sample)) +
                " control bytes in the first " + std::to_string(sample.size()) + "), expected UTF-8 text");
        }
        return std::nullopt;
      }
    }
    try {
      Document doc = *format == InputFormat::kHtml
                         ? document_from_html(bytes, std::move(id), path, options, warning_sink)
                         : document_from_text(std::move(bytes), std::move(id), path, options, warning_sink);
      ++documents;
      return doc;
    } catch (const InputError& e) {
      error(e.what());
      return std::nullopt;
    }
  }

  std::optional<Document> too_large(const std::string& path, std::size_t limit) {
    error(path + ": file larger than " + std::to_string(limit) + " bytes, expected at most " + std::to_string(limit) +
          " bytes per document");
    return std::nullopt;
  }

  std::optional<Document> read_failed(const std::string& path, int error_number) {
    error(path + ": read failed (" + error_text(error_number) + "), expected a readable file");
    return std::nullopt;
  }

  std::optional<Document> next_jsonl() {
    JsonlFile& file = *jsonl;
    std::string line;
    const auto status = file.source.next_line(options.max_document_bytes, line);
    if (status == ByteSource::LineStatus::kEnd) {
      if (file.source.error() != 0) {
        read_failed(file.path, file.source.error());
      } else if (file.content_lines == 0) {
        warn_count(file.path + ": no documents, expected one JSON document per line");
      }
      jsonl.reset();
      return std::nullopt;
    }
    ++file.line_number;
    if (status == ByteSource::LineStatus::kTooLong) {
      ++file.content_lines;
      error(file.path + ":" + std::to_string(file.line_number) + ": line longer than " +
            std::to_string(options.max_document_bytes) + " bytes, expected one JSON document per line");
      return std::nullopt;
    }
    std::string_view content = line;
    if (file.line_number == 1 && content.starts_with(kUtf8Bom)) content.remove_prefix(kUtf8Bom.size());
    if (trim(content).empty()) return std::nullopt;
    ++file.content_lines;
    try {
      Document doc = parse_jsonl_document(line, file.path, file.line_number, options, warning_sink,
                                          &file.reported_fields);
      ++documents;
      return doc;
    } catch (const InputError& e) {
      error(e.what());
      return std::nullopt;
    }
  }
};

DocumentReader::DocumentReader(std::vector<std::string> inputs, IngestOptions options, DiagnosticSink sink)
    : DocumentReader(std::move(inputs), {}, std::move(options), std::move(sink)) {}

DocumentReader::DocumentReader(std::vector<std::string> inputs, std::vector<InMemoryFile> files,
                               IngestOptions options, DiagnosticSink sink)
    : state_(std::make_unique<State>()) {
  if (!options.fallback_date.empty()) {
    const auto date = parse_published_date(options.fallback_date);
    if (!date || date->precision != DatePrecision::kDay || options.fallback_date.size() != 10) {
      throw InputError("invalid --date " + quoted(options.fallback_date) + ", expected a date as YYYY-MM-DD");
    }
  }
  // Spans are 32-bit: no document may be larger than that.
  options.max_document_bytes = std::min(options.max_document_bytes, kSpanLimit / 4);
  state_->inputs = std::move(inputs);
  state_->memory_files = std::move(files);
  state_->options = std::move(options);
  state_->sink = std::move(sink);
  State* state = state_.get();
  state_->warning_sink = [state](const Diagnostic& diagnostic) {
    if (diagnostic.level == Diagnostic::Level::kWarning) ++state->warnings;
    emit(state->sink, diagnostic.level, diagnostic.message);
  };
}

DocumentReader::~DocumentReader() = default;
DocumentReader::DocumentReader(DocumentReader&&) noexcept = default;
DocumentReader& DocumentReader::operator=(DocumentReader&&) noexcept = default;

std::optional<Document> DocumentReader::next() { return state_->next(); }
std::size_t DocumentReader::documents() const { return state_->documents; }
std::size_t DocumentReader::skipped() const { return state_->skipped; }
std::size_t DocumentReader::warnings() const { return state_->warnings; }

}  // namespace geokg::extract
