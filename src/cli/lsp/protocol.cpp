// JSON-RPC framing, file URIs and text positions for `termgraph lsp`.
#include "protocol.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

namespace termgraph::cli::lsp {

namespace {

/// The most bytes a header line or a message body may have: a larger
/// Content-Length is a problem, not an allocation.
constexpr std::size_t max_header_line = 8192;
constexpr std::size_t max_body = std::size_t{1} << 30;

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

/// Reads one header line without its CR LF; false at the end of the stream.
bool read_header_line(std::istream& in, std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  int c;
  while ((c = in.get()) != std::char_traits<char>::eof()) {
    if (c == '\n') {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return true;
    }
    if (line.size() < max_header_line) {
      line.push_back(static_cast<char>(c));
    } else {
      too_long = true;
    }
  }
  return !line.empty();
}

bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

/// The length in bytes of the UTF-8 sequence led by `c` (1 for a stray byte).
std::size_t sequence_length(unsigned char c) {
  if (c >= 0xF0 && c < 0xF8) return 4;
  if (c >= 0xE0) return c < 0xF0 ? 3 : 1;
  if (c >= 0xC0) return 2;
  return 1;
}

}  // namespace

Frame read_frame(std::istream& in) {
  Frame frame;
  {
    std::optional<std::size_t> length;
    std::string line;
    bool too_long = false;
    bool any = false;
    bool bad_length = false;
    while (read_header_line(in, line, too_long)) {
      if (line.empty()) {
        if (!any) continue;  // blank lines between messages
        break;
      }
      any = true;
      if (starts_with_ci(line, "content-length:")) {
        std::string_view v(line);
        v.remove_prefix(15);
        while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
        std::size_t n = 0;
        bool digits = !v.empty();
        for (char ch : v) {
          if (ch < '0' || ch > '9' || n > max_body) {
            digits = false;
            break;
          }
          n = n * 10 + static_cast<std::size_t>(ch - '0');
        }
        if (digits && n <= max_body) {
          length = n;
        } else {
          bad_length = true;
        }
      }
    }
    if (!any) {
      frame.end = true;
      return frame;
    }
    if (!length) {
      frame.problem = bad_length ? "a header with an invalid Content-Length"
                                 : "a header without Content-Length";
      return frame;
    }
    frame.body.resize(*length);
    in.read(frame.body.data(), static_cast<std::streamsize>(*length));
    if (static_cast<std::size_t>(in.gcount()) != *length) {
      frame.body.clear();
      frame.end = true;
    }
    return frame;
  }
}

void write_frame(std::ostream& out, std::string_view body) {
  out << "Content-Length: " << body.size() << "\r\n\r\n";
  out.write(body.data(), static_cast<std::streamsize>(body.size()));
  out.flush();
}

std::optional<std::string> uri_to_path(std::string_view uri) {
  constexpr std::string_view scheme = "file://";
  if (!starts_with_ci(uri, scheme)) return std::nullopt;
  uri.remove_prefix(scheme.size());
  // file://host/path: only the local host is ours.
  const std::size_t slash = uri.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view host = uri.substr(0, slash);
  if (!host.empty() && host != "localhost") return std::nullopt;
  uri.remove_prefix(slash);
  std::string path;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() &&
        std::isxdigit(static_cast<unsigned char>(uri[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(uri[i + 2]))) {
      path.push_back(static_cast<char>(std::stoi(std::string(uri.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else if (uri[i] == '?' || uri[i] == '#') {
      break;
    } else {
      path.push_back(uri[i]);
    }
  }
  return path;
}

std::string path_to_uri(std::string_view path) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string uri = "file://";
  for (char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
      uri.push_back(ch);
    } else {
      uri.push_back('%');
      uri.push_back(hex[c >> 4]);
      uri.push_back(hex[c & 15]);
    }
  }
  return uri;
}

// -- Text -------------------------------------------------------------------

Text::Text(std::string text) : text_(std::move(text)) {
  index();
}

void Text::index() {
  starts_.assign(1, 0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') starts_.push_back(i + 1);
  }
}

std::size_t Text::line_end(std::size_t line) const {
  std::size_t end = line + 1 < starts_.size() ? starts_[line + 1] - 1 : text_.size();
  if (end > starts_[line] && line + 1 < starts_.size() && text_[end - 1] == '\r') --end;
  return end;
}

std::optional<std::size_t> Text::offset(Position p, Encoding e, bool strict) const {
  if (p.line >= starts_.size()) {
    if (strict) return std::nullopt;
    return text_.size();
  }
  const std::size_t end = line_end(p.line);
  std::size_t at = starts_[p.line];
  std::uint32_t units = 0;
  while (at < end && units < p.character) {
    const std::size_t n =
        std::min(sequence_length(static_cast<unsigned char>(text_[at])), end - at);
    const std::uint32_t width =
        e == Encoding::utf8 ? static_cast<std::uint32_t>(n) : (n == 4 ? 2 : 1);
    if (units + width > p.character) break;  // inside a character: its start
    units += width;
    at += n;
  }
  return at;
}

Position Text::position(std::size_t offset, Encoding e) const {
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(it - starts_.begin()) - 1;
  std::uint32_t units = 0;
  for (std::size_t at = starts_[line]; at < offset;) {
    const std::size_t n = sequence_length(static_cast<unsigned char>(text_[at]));
    units += e == Encoding::utf8 ? static_cast<std::uint32_t>(std::min(n, offset - at))
                                 : (n == 4 ? 2 : 1);
    at += n;
  }
  return {static_cast<std::uint32_t>(line), units};
}

std::size_t Text::model_offset(std::uint32_t line, std::uint32_t column) const {
  if (line == 0) return 0;
  if (line > starts_.size()) return text_.size();
  std::size_t at = starts_[line - 1];
  const std::size_t end = line < starts_.size() ? starts_[line] : text_.size();
  for (std::uint32_t c = 1; c < column && at < end; ++c) {
    ++at;
    while (at < end && is_continuation(static_cast<unsigned char>(text_[at]))) ++at;
  }
  return at;
}

void Text::replace(std::size_t begin, std::size_t end, std::string_view replacement) {
  begin = std::min(begin, text_.size());
  end = std::clamp(end, begin, text_.size());
  text_.replace(begin, end - begin, replacement);
  index();
}

}  // namespace termgraph::cli::lsp
