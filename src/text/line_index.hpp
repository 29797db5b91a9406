// Internal: byte offset -> 1-based line and column (in code points) for one
// input buffer. Built once per file from its newline positions and a count
// of code points every kStride bytes; a lookup is a binary search for the
// line and a count of at most kStride bytes for the column, whatever the
// order of lookups and the length of the line (termbase exports are often
// one line of megabytes). A cursor keeps the usual increasing sequence of
// nearby lookups cheaper still.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace termgraph {

struct LineColumn {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

class LineIndex {
public:
  LineIndex() = default;
  /// Indexes `text`; later calls must pass the same text.
  explicit LineIndex(std::string_view text);

  /// The last answer of a sequence of lookups, which the next one starts
  /// from when it is near.
  struct Cursor {
    std::size_t offset = 0;
    LineColumn position{1, 1};
  };

  /// Line and column of byte `offset` of `text` (clamped to the text),
  /// from the index's own cursor: one thread at a time.
  LineColumn at(std::string_view text, std::size_t offset) { return at(text, offset, cursor_); }
  /// The same from the caller's cursor: threads with cursors of their own
  /// may ask at once.
  LineColumn at(std::string_view text, std::size_t offset, Cursor& cursor) const;

  /// The number of lines (at least 1).
  std::size_t line_count() const { return starts_.empty() ? 1 : starts_.size(); }

  /// The byte offset of the first byte of 1-based `line`, or npos when the
  /// text has no such line.
  std::size_t line_start(std::uint32_t line) const;

  /// The text of 1-based `line`, without its line break.
  std::string_view line_text(std::string_view text, std::uint32_t line) const;

private:
  static constexpr std::size_t kStride = 256;
  /// Code points of `text` before byte `offset` (lead bytes counted).
  std::uint32_t code_points_before(std::string_view text, std::size_t offset) const;

  std::vector<std::uint32_t> starts_;  // offset of each line's first byte
  // checkpoints_[k]: code points before byte k * kStride.
  std::vector<std::uint32_t> checkpoints_;
  Cursor cursor_;
};

}  // namespace termgraph
