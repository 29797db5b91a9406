#include "publish/html.hpp"

namespace termgraph::html {

namespace {

constexpr char hex[] = "0123456789abcdef";

}  // namespace

void escape(std::string& out, std::string_view text) {
  std::size_t from = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* ref = nullptr;
    switch (text[i]) {
      case '&':
        ref = "&amp;";
        break;
      case '<':
        ref = "&lt;";
        break;
      case '>':
        ref = "&gt;";
        break;
      case '"':
        ref = "&quot;";
        break;
      case '\'':
        ref = "&#39;";
        break;
      default:
        continue;
    }
    out.append(text, from, i - from);
    out += ref;
    from = i + 1;
  }
  out.append(text, from, std::string_view::npos);
}

void json_string(std::string& out, std::string_view text) {
  out += '"';
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == '<') {
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else if (c == 0xE2 && i + 2 < text.size() && text[i + 1] == '\x80' &&
               (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) {
      out += text[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
}

std::string name_of(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
        c == '-') {
      out += ch;
    } else {
      out += '_';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

char32_t first_code_point(std::string_view text, std::size_t* length) {
  std::size_t n = 0;
  char32_t c = 0;
  if (!text.empty()) {
    const auto b = static_cast<unsigned char>(text[0]);
    n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    if (n > text.size()) n = 1;
    c = n == 1 ? b : b & (0x7F >> n);
    for (std::size_t i = 1; i < n; ++i) {
      const auto t = static_cast<unsigned char>(text[i]);
      if ((t & 0xC0) != 0x80) {
        n = 1;
        c = 0xFFFD;
        break;
      }
      c = (c << 6) | (t & 0x3F);
    }
    if (n == 1 && b >= 0x80) c = 0xFFFD;
  }
  if (length) *length = n;
  return c;
}

std::string shorten(std::string_view text, std::size_t max) {
  std::size_t at = 0;
  for (std::size_t count = 0; at < text.size(); ++count) {
    if (count == max) return std::string(text.substr(0, at)) + "\xE2\x80\xA6";
    std::size_t n = 1;
    first_code_point(text.substr(at), &n);
    at += n;
  }
  return std::string(text);
}

}  // namespace termgraph::html
