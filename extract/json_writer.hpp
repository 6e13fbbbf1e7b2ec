// A minimal streaming JSON writer into a std::string: correct string escaping (control characters
// as \u00XX), shortest round-trip doubles, no allocation beyond the output buffer. Used for the
// JSONL records, which must be byte-identical across runs.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

namespace geokg::extract {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object() { separate(); out_ += '{'; first_ = true; return *this; }
  JsonWriter& end_object() { out_ += '}'; first_ = false; return *this; }
  JsonWriter& begin_array() { separate(); out_ += '['; first_ = true; return *this; }
  JsonWriter& end_array() { out_ += ']'; first_ = false; return *this; }
  JsonWriter& key(std::string_view k) {
    separate();
    write_string(k);
    out_ += ':';
    first_ = true;  // the value follows without a comma
    return *this;
  }
  JsonWriter& value(std::string_view s) { separate(); write_string(s); return *this; }
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(bool b) { separate(); out_ += b ? "true" : "false"; return *this; }
  JsonWriter& value(std::int64_t n) { separate(); append_number(n); return *this; }
  JsonWriter& value(std::uint32_t n) { return value(static_cast<std::int64_t>(n)); }
  JsonWriter& value(int n) { return value(static_cast<std::int64_t>(n)); }
  JsonWriter& value(double d) {
    separate();
    if (d == 0.0) d = 0.0;  // no "-0"
    char buffer[32];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, d);
    out_.append(buffer, result.ptr);
    return *this;
  }
  JsonWriter& null() { separate(); out_ += "null"; return *this; }
  JsonWriter& string_or_null(std::string_view s) { return s.empty() ? null() : value(s); }

 private:
  void separate() {
    if (!first_) out_ += ',';
    first_ = false;
  }
  void append_number(std::int64_t n) {
    char buffer[24];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, n);
    out_.append(buffer, result.ptr);
  }
  void write_string(std::string_view s) {
    out_ += '"';
    std::size_t clean = 0;  // start of the run of characters that need no escape
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s.data() + clean, i - clean);
      clean = i + 1;
      const char ch = s[i];
      switch (ch) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          if (c < 0x20) {
            static constexpr char kHex[] = "0123456789abcdef";
            out_ += "\\u00";
            out_ += kHex[c >> 4];
            out_ += kHex[c & 15];
          }
      }
    }
    out_.append(s.data() + clean, s.size() - clean);
    out_ += '"';
  }

  std::string& out_;
  bool first_ = true;
};

}  // namespace geokg::extract
