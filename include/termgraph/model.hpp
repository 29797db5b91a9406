// termgraph: the vocabulary model.
//
// A vocabulary is a list of term entries. Every entry has a number (as
// written in its source, or a stable id where the source has none), one
// section per language and a source range. All strings are views into
// storage owned by the Vocabulary they came from; they stay valid as long as
// that Vocabulary (or a copy of it) lives.
#pragma once

#include "termgraph/export.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace termgraph {

/// A read-only view of contiguous elements (a small C++17 stand-in for
/// std::span).
template <typename T>
class Span {
public:
  constexpr Span() noexcept = default;
  constexpr Span(const T* data, std::size_t size) noexcept : data_(data), size_(size) {}

  constexpr const T* begin() const noexcept { return data_; }
  constexpr const T* end() const noexcept { return data_ + size_; }
  constexpr const T* data() const noexcept { return data_; }
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  constexpr const T& operator[](std::size_t i) const noexcept { return data_[i]; }
  constexpr const T& front() const noexcept { return data_[0]; }
  constexpr const T& back() const noexcept { return data_[size_ - 1]; }

private:
  const T* data_ = nullptr;
  std::size_t size_ = 0;
};

/// Index of an entry in its Vocabulary (0-based, in reading order).
using EntryId = std::uint32_t;
/// Index of an input file in Vocabulary::files().
using FileId = std::uint32_t;

/// Marks "no entry", e.g. an unresolved reference target.
inline constexpr EntryId no_entry = UINT32_MAX;

/// A place in an input file. Lines and columns are 1-based; columns count
/// Unicode code points. The end (`end_line`, `end_column`) is exclusive: it
/// is the position just after the last character; `end_line` is 0 when only
/// the start is known.
struct SourceRange {
  FileId file = 0;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t end_line = 0;
  std::uint32_t end_column = 0;

  /// True when the range names a real position.
  constexpr bool known() const noexcept { return line != 0; }
};

/// Normative status of a designation (ISO 10241-1).
enum class Status : std::uint8_t { preferred, admitted, deprecated };

/// What kind of designation a term is.
enum class TermKind : std::uint8_t { full_form, abbreviation, symbol, other };

/// Where in an entry a text block (and so a reference) stands.
enum class BlockKind : std::uint8_t { definition, note, example, source };

/// Short lower-case names: "preferred", "full-form", "definition" ...
TERMGRAPH_API std::string_view to_string(Status s) noexcept;
TERMGRAPH_API std::string_view to_string(TermKind k) noexcept;
TERMGRAPH_API std::string_view to_string(BlockKind k) noexcept;

/// One term, abbreviation or symbol that designates the entry's concept.
struct Designation {
  std::string_view text;
  Status status = Status::preferred;
  TermKind kind = TermKind::full_form;
  /// Part of speech as written in the source ("noun", ...); may be empty.
  std::string_view part_of_speech;
  SourceRange range;
};

/// A cross-reference found in a text block.
///
/// `text` is the whole reference as it stands in the block, e.g.
/// "DLT system (3.30)"; `term` the part that names the cited term ("DLT
/// system"; empty when the reference carries no term); `number` the cited
/// entry number as written ("3.30"; empty for a markup link by id only).
struct Reference {
  std::string_view text;
  std::string_view term;
  std::string_view number;
  /// For markup links: the id the markup points at (e.g. "term_3.30").
  std::string_view target_id;
  /// Byte offsets of `text` within the block's text.
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  /// True when the reference came from markup (native `ref`, STS
  /// `entailedTerm`), false when found in plain text.
  bool markup = false;
  /// True when the parentheses hold several numbers ("(3.1.6 and 3.9.14)"),
  /// so the term before them cannot be checked against one entry.
  bool grouped = false;
  /// True when it cites another document, e.g. "(ISO 1087-2:2000, 6.7)":
  /// kept, but never resolved or reported as dangling.
  bool external = false;
  /// The entry the reference resolves to, or no_entry.
  EntryId target = no_entry;
  SourceRange range;
};

/// A definition, note, example or source: text with its inline references.
struct TextBlock {
  BlockKind kind = BlockKind::definition;
  /// The text with markup removed, each run of white space collapsed to one
  /// space and the ends trimmed (docs/format.md, "Text").
  std::string_view text;
  /// References in order of appearance.
  Span<Reference> references;
  SourceRange range;
};

/// The part of an entry in one language.
struct TERMGRAPH_API LanguageSection {
  /// Language tag as written (xml:lang), e.g. "en", "fr".
  std::string_view language;
  /// Preferred, admitted and deprecated designations in source order.
  Span<Designation> designations;
  /// The definition, or nullptr when the section has none.
  const TextBlock* definition = nullptr;
  Span<TextBlock> notes;
  Span<TextBlock> examples;
  Span<TextBlock> sources;
  SourceRange range;

  /// The first preferred designation, or nullptr.
  const Designation* preferred() const noexcept;
};

/// One numbered term entry.
struct TERMGRAPH_API Entry {
  EntryId id = no_entry;
  /// The number as written ("3.30", "3.1.2.16", "102-01-01"); where the
  /// source has none, a stable id taken from the source (its XML id).
  std::string_view number;
  /// True when `number` is a real entry number rather than a fallback id.
  bool numbered = true;
  /// The XML ids the entry can be linked by (term_3.30, sec_3.30 ...).
  Span<std::string_view> ids;
  Span<LanguageSection> languages;
  SourceRange range;

  /// The section for `language`, or nullptr.
  const LanguageSection* section(std::string_view language) const noexcept;
  /// The first preferred designation in the first language that has one.
  const Designation* preferred() const noexcept;
};

}  // namespace termgraph
