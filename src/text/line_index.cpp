#include "text/line_index.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace termgraph {

namespace {
bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

/// The continuation bytes (10xxxxxx) among the eight bytes of `word`.
unsigned continuation_bytes(std::uint64_t word) {
  const std::uint64_t high = 0x8080808080808080ULL;
  const std::uint64_t marks = word & ~(word << 1) & high;  // bit 7 set, bit 6 clear
  // One bit per byte at most: their sum lands in the top byte.
  return static_cast<unsigned>(((marks >> 7) * 0x0101010101010101ULL) >> 56);
}

std::uint32_t count_code_points(std::string_view text, std::size_t from, std::size_t to) {
  std::uint32_t n = 0;
  std::size_t i = from;
  // Eight bytes at a time: the bytes less the continuation bytes.
  for (; i + 8 <= to; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, sizeof word);
    n += 8 - continuation_bytes(word);
  }
  for (; i < to; ++i) n += is_continuation(text[i]) ? 0 : 1;
  return n;
}
}  // namespace

LineIndex::LineIndex(std::string_view text) {
  checkpoints_.reserve(text.size() / kStride + 1);
  std::uint32_t seen = 0;
  for (std::size_t k = 0; k < text.size(); k += kStride) {
    checkpoints_.push_back(seen);
    seen += count_code_points(text, k, std::min(text.size(), k + kStride));
  }
  checkpoints_.push_back(seen);
  starts_.push_back(0);
  const char* begin = text.data();
  const char* end = begin + text.size();
  // Line feeds found with memchr; a lone carriage return (old Mac line end)
  // is rare enough to look for only when the text has one at all.
  bool has_cr = std::memchr(begin, '\r', text.size()) != nullptr;
  if (!has_cr) {
    for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', end - p)));) {
      ++p;
      starts_.push_back(static_cast<std::uint32_t>(p - begin));
    }
    return;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      starts_.push_back(static_cast<std::uint32_t>(i + 1));
    } else if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) {
      starts_.push_back(static_cast<std::uint32_t>(i + 1));
    }
  }
}

LineColumn LineIndex::at(std::string_view text, std::size_t offset, Cursor& cursor) const {
  if (starts_.empty()) return {1, 1};
  offset = std::min(offset, text.size());
  // Continue from the cursor when the offset is further along the same line.
  std::size_t line_end =
      cursor.position.line < starts_.size() ? starts_[cursor.position.line] : text.size() + 1;
  std::size_t line_start = starts_[cursor.position.line - 1];
  const std::size_t distance =
      offset >= cursor.offset ? offset - cursor.offset : cursor.offset - offset;
  if (offset >= line_start && offset < line_end && distance <= kStride) {
    // Same line as the cursor, and near it: count only the distance to it,
    // forwards or backwards.
    if (offset >= cursor.offset) {
      cursor.position.column += count_code_points(text, cursor.offset, offset);
    } else {
      cursor.position.column -= count_code_points(text, offset, cursor.offset);
    }
    cursor.offset = offset;
    return cursor.position;
  }
  auto it = std::upper_bound(starts_.begin(), starts_.end(), static_cast<std::uint32_t>(offset));
  std::size_t line = static_cast<std::size_t>(it - starts_.begin());  // 1-based
  std::size_t start = starts_[line - 1];
  cursor.position = {static_cast<std::uint32_t>(line),
                     1 + code_points_before(text, offset) - code_points_before(text, start)};
  cursor.offset = offset;
  return cursor.position;
}

std::uint32_t LineIndex::code_points_before(std::string_view text, std::size_t offset) const {
  const std::size_t k = offset / kStride;
  if (k >= checkpoints_.size()) return checkpoints_.empty() ? 0 : checkpoints_.back();
  // A block of ASCII (as many code points as bytes) needs no count.
  if (k + 1 < checkpoints_.size() &&
      checkpoints_[k + 1] - checkpoints_[k] == std::min(kStride, text.size() - k * kStride)) {
    return checkpoints_[k] + static_cast<std::uint32_t>(offset - k * kStride);
  }
  return checkpoints_[k] + count_code_points(text, k * kStride, offset);
}

std::size_t LineIndex::line_start(std::uint32_t line) const {
  if (line == 0) return std::string_view::npos;
  if (starts_.empty()) return line == 1 ? 0 : std::string_view::npos;
  return line <= starts_.size() ? starts_[line - 1] : std::string_view::npos;
}

std::string_view LineIndex::line_text(std::string_view text, std::uint32_t line) const {
  if (line == 0 || line > starts_.size()) return {};
  std::size_t start = starts_[line - 1];
  std::size_t end = line < starts_.size() ? starts_[line] : text.size();
  if (start > text.size()) return {};
  std::string_view s = text.substr(start, end - start);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace termgraph
