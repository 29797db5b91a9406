// Internal: between the model's source ranges and the raw bytes of the
// files, for the passes that look at the text as written (text_checks.cpp,
// writing.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/raw_text.hpp"
#include "model/impl.hpp"

namespace termgraph {

/// The raw bytes of each file and whether it is XML, with conversions
/// between byte offsets and source ranges.
class SourceText {
public:
  explicit SourceText(Vocabulary::Impl& impl) : impl_(impl) {
    xml_.reserve(impl.contents.size());
    for (const std::string& c : impl.contents) xml_.push_back(looks_like_xml(c));
  }

  std::string_view raw(FileId file) const {
    return file < impl_.contents.size() ? std::string_view(impl_.contents[file])
                                        : std::string_view();
  }
  bool is_xml(FileId file) const { return file < xml_.size() && xml_[file]; }

  /// The byte offset of the start of `range`, or SIZE_MAX when unknown.
  /// Moves from the last answer when it is on the same line, so that the
  /// ranges of a file that is one long line are found in time linear in
  /// the distance between them, not in the length of the line.
  std::size_t offset(const SourceRange& range) {
    if (!range.known() || range.file >= impl_.lines.size()) return SIZE_MAX;
    std::string_view text = raw(range.file);
    auto continuation = [&](std::size_t i) {
      return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
    };
    if (cursor_.file != range.file || cursor_.line != range.line || cursor_.offset == SIZE_MAX) {
      std::string_view line = impl_.lines[range.file].line_text(text, range.line);
      cursor_ = {range.file, range.line, 1, static_cast<std::size_t>(line.data() - text.data())};
    }
    std::size_t at = cursor_.offset;
    std::uint32_t column = cursor_.column;
    for (; column < range.column && at < text.size(); ++column) {
      ++at;
      while (continuation(at)) ++at;
    }
    for (; column > range.column && at > 0; --column) {
      --at;
      while (at > 0 && continuation(at)) --at;
    }
    cursor_.offset = at;
    cursor_.column = column;
    return at;
  }

  /// The range of bytes [begin, end) of `file`.
  SourceRange range(FileId file, std::size_t begin, std::size_t end) {
    std::string_view text = raw(file);
    if (line_cursors_.size() <= file) line_cursors_.resize(file + 1);
    // A cursor of this pass's own: passes run on several threads at once.
    LineIndex::Cursor& cursor = line_cursors_[file];
    LineColumn b = impl_.lines[file].at(text, begin, cursor);
    LineColumn e = impl_.lines[file].at(text, end, cursor);
    return {file, b.line, b.column, e.line, e.column};
  }

  /// Maps a designation's text onto its raw element, or its CSV field.
  bool map_designation(const Designation& d, RawMap& map) {
    std::string_view text = raw(d.range.file);
    std::size_t at = offset(d.range);
    if (at == SIZE_MAX) return false;
    if (!is_xml(d.range.file)) return map_csv_field(text, at, d.text, map);
    std::size_t element = designation_element(text, at);
    return element != SIZE_MAX && map_element_text(text, element, d.text, map);
  }

  /// True when designation `d` is written in its XML element exactly as
  /// the model holds it: the start tag, the text byte for byte, an end tag.
  /// Such a term has no white space of its own to report, and needs no map.
  bool written_as_is(const Designation& d) {
    if (!is_xml(d.range.file) || d.text.empty()) return false;
    const std::size_t at = offset(d.range);
    const std::string_view text = raw(d.range.file);
    if (at == SIZE_MAX || at == 0 || text[at - 1] != '>') return false;
    const std::size_t after = at + d.text.size();
    if (text.compare(at, d.text.size(), d.text) != 0 || text.compare(after, 2, "</") != 0) {
      return false;
    }
    const std::size_t element = designation_element(text, at);
    return element != SIZE_MAX && text.rfind('<', at - 1) == element;
  }

  /// Maps a block's text onto its raw element (XML files only).
  bool map_block(const TextBlock& b, RawMap& map) {
    if (!is_xml(b.range.file)) return false;
    std::size_t at = offset(b.range);
    return at != SIZE_MAX && map_element_text(raw(b.range.file), at, b.text, map);
  }

private:
  struct Cursor {
    FileId file = 0;
    std::uint32_t line = 0, column = 1;
    std::size_t offset = SIZE_MAX;
  };
  Vocabulary::Impl& impl_;
  std::vector<bool> xml_;
  Cursor cursor_;
  std::vector<LineIndex::Cursor> line_cursors_;  // per file
};

}  // namespace termgraph
