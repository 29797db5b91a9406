// Internal: the text of a designation or text block mapped back to the raw
// bytes of its XML file, for checks that look at the source as written
// (white space, normalisation) and for the edits of --fix. The map is
// rebuilt from the raw bytes (the model keeps only where an element starts)
// and checked against the model's text: where the two disagree there is no
// map, so no edit is ever made from a guess.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace termgraph {

/// One character as written in the raw file: a literal character (CR LF
/// counts as one), an entity reference or a character reference.
struct RawUnit {
  std::uint32_t begin = 0;  // raw byte offsets, end exclusive
  std::uint32_t end = 0;
  /// XML white space (decoded).
  bool space = false;
  /// Written as an entity or character reference.
  bool reference = false;
  /// Markup (a tag, comment or processing instruction) stands between this
  /// unit and the one before it.
  bool after_markup = false;
};

/// A model text mapped onto the raw units of the element it was read from.
struct RawMap {
  /// The units of the element's content (its character data, CDATA included).
  std::vector<RawUnit> units;
  /// For each byte of the model text, the unit it came from; for a space
  /// the model made of a run of white space, the run's first unit; no_unit
  /// for a space that stands for markup alone.
  std::vector<std::uint32_t> unit_of;
  static constexpr std::uint32_t no_unit = UINT32_MAX;

  /// The raw range [begin, end) of model bytes [from, to), or false when
  /// they do not map to whole units.
  bool raw_range(std::size_t from, std::size_t to, std::size_t& begin, std::size_t& end) const;
};

/// The longest text mapped back (bytes): a map costs some 16 bytes per byte
/// of text, and no finding needs one for a text of megabytes (it is then
/// reported at its element, without a fix).
inline constexpr std::size_t max_mapped = std::size_t{1} << 22;

/// True when the file's first character (after a byte order mark and white
/// space) opens markup: an XML input, which the maps below understand.
bool looks_like_xml(std::string_view raw);

/// Maps `text` (white space collapsed and trimmed, as readers store it) onto
/// the content of the element whose start tag begins at `element` (its '<').
/// False when the raw content does not give back `text`.
bool map_element_text(std::string_view raw, std::size_t element, std::string_view text,
                      RawMap& out);

/// Maps `text` onto the CSV field whose first non-space character is at
/// `first_char` (quoted, with `""` for a quote, or not, ending at a comma,
/// semicolon, tab or line end). False when the field does not give back
/// `text`.
bool map_csv_field(std::string_view raw, std::size_t first_char, std::string_view text,
                   RawMap& out);

/// The '<' of the element a designation was read from, given the offset of
/// the designation's first character: the nearest enclosing `term` start
/// tag reached going back over white space and start tags, else the
/// innermost start tag reached; SIZE_MAX when none.
std::size_t designation_element(std::string_view raw, std::size_t first_char);

/// The offset of the end of the element whose start tag begins at
/// `element` (just past its end tag), or SIZE_MAX when it has none.
std::size_t element_end(std::string_view raw, std::size_t element);

/// True for the white space of XML (space, tab, CR, LF).
constexpr bool is_raw_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace termgraph
