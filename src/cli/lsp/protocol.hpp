// The Language Server Protocol's plumbing for `termgraph lsp`: JSON-RPC
// messages framed by Content-Length headers, file URIs, and positions in a
// text (LSP counts UTF-16 code units or UTF-8 bytes from 0; the model counts
// code points from 1).
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace termgraph::cli::lsp {

/// JSON-RPC and LSP error codes.
enum ErrorCode : int {
  parse_error = -32700,
  invalid_request = -32600,
  method_not_found = -32601,
  invalid_params = -32602,
  internal_error = -32603,
  server_not_initialized = -32002,
  request_failed = -32803,
};

/// One message read from the stream: its body, or what was wrong with its
/// header (`problem` non-empty, body empty), or the end of the stream.
struct Frame {
  std::string body;
  std::string problem;
  bool end = false;
};

/// Reads the next message (`Content-Length: N` header, an empty line, N
/// bytes). A header block without Content-Length is a problem, skipped.
Frame read_frame(std::istream& in);

/// Writes `body` with its Content-Length header and flushes.
void write_frame(std::ostream& out, std::string_view body);

/// The path of a `file:` URI, percent-decoded; nullopt for another scheme.
std::optional<std::string> uri_to_path(std::string_view uri);
/// The `file:` URI of an absolute path, percent-encoded.
std::string path_to_uri(std::string_view path);

/// How the client counts characters in a line.
enum class Encoding : std::uint8_t { utf16, utf8 };

/// A 0-based LSP position.
struct Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
};

/// A text with the offsets of its lines: conversions between byte offsets,
/// LSP positions and the model's (line, code point column) positions.
class Text {
public:
  Text() = default;
  explicit Text(std::string text);

  const std::string& str() const noexcept { return text_; }
  std::size_t line_count() const noexcept { return starts_.size(); }

  /// The byte offset of LSP position `p`; a character past the end of its
  /// line means the end of the line, a line past the last the end of the
  /// text (as the protocol says). nullopt only when `strict` and the line
  /// is not in the text.
  std::optional<std::size_t> offset(Position p, Encoding e, bool strict = false) const;
  /// The LSP position of byte `offset`.
  Position position(std::size_t offset, Encoding e) const;
  /// The byte offset of the model's 1-based line and code-point column.
  std::size_t model_offset(std::uint32_t line, std::uint32_t column) const;
  /// The LSP position of the model's line and column.
  Position model_position(std::uint32_t line, std::uint32_t column, Encoding e) const {
    return position(model_offset(line, column), e);
  }

  /// Replaces bytes [begin, end) with `replacement`.
  void replace(std::size_t begin, std::size_t end, std::string_view replacement);

private:
  void index();
  /// The end of line `line` (before its line break).
  std::size_t line_end(std::size_t line) const;

  std::string text_;
  std::vector<std::size_t> starts_;
};

}  // namespace termgraph::cli::lsp
