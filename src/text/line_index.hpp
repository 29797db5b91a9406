// Internal: byte offset -> 1-based line and column (in code points) for one
// input buffer. Built once per file from its newline positions; lookups are
// a binary search, and a cursor makes the usual increasing sequence of
// lookups on one long line linear instead of quadratic.
#pragma once

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

  /// Line and column of byte `offset` of `text` (clamped to the text).
  LineColumn at(std::string_view text, std::size_t offset);

  /// The text of 1-based `line`, without its line break.
  std::string_view line_text(std::string_view text, std::uint32_t line) const;

private:
  std::vector<std::uint32_t> starts_;  // offset of each line's first byte
  // Cursor: the last answer.
  std::size_t last_offset_ = 0;
  LineColumn last_{1, 1};
};

}  // namespace termgraph
