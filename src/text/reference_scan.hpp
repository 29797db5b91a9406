// Internal: finding references in the text of a block (markup links and
// parenthesised entry numbers in plain text).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace termgraph {

/// A markup link inside a text block (native `ref`, STS `entailedTerm`):
/// the byte range of its text within the block and what it points at.
struct MarkupLink {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  /// The target as an id (`term_3.30`) or empty.
  std::string target_id;
  /// The target as an entry number (`3.30`) or empty.
  std::string target_number;
  /// True when the link points into another document (`@xtarget`).
  bool external = false;
};

/// A reference found in a block's text; all positions are byte offsets
/// into that text.
struct ExtractedReference {
  std::uint32_t begin = 0, end = 0;                // the whole reference
  std::uint32_t term_begin = 0, term_end = 0;      // the cited term; empty if none
  std::uint32_t number_begin = 0, number_end = 0;  // the number; empty if none
  std::string target_id;                           // markup target id, or empty
  std::string target_number;                       // markup target given as a number, or empty
  bool markup = false;
  bool external = false;
  /// True when the reference shares its parentheses with other numbers, as
  /// in "(3.1.6 and 3.9.14)": its term cannot be attributed to one number.
  bool grouped = false;
};

/// True when `word` is a coordinating conjunction that joins entry numbers
/// or cited terms: "and", "or", "et", "ou", "и", "или", "und", "oder".
bool is_conjunction(std::string_view word) noexcept;

/// Finds every reference in `text`: the markup `links` and parenthesised
/// entry numbers in plain text ("DLT system (3.30)", "(3.2, 3.4)",
/// "(3.1.6 and 3.9.14)", with ordinary or non-breaking spaces). A
/// parenthesis that names another document ("(ISO 1087-2:2000, 6.7)") gives
/// one reference marked external. A number written right after a link
/// (inside or just outside its markup) belongs to that link. Results are in
/// text order. Linear in the size of the text.
void extract_references(std::string_view text, const std::vector<MarkupLink>& links,
                        std::vector<ExtractedReference>& out);

}  // namespace termgraph
