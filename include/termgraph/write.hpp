// termgraph: writing a vocabulary in one of the formats termgraph reads, or
// as SKOS (Turtle, JSON-LD).
#pragma once

#include "termgraph/export.hpp"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "termgraph/diagnostic.hpp"
#include "termgraph/format.hpp"
#include "termgraph/vocabulary.hpp"

namespace termgraph {

/// How TBX v3 writes data categories (ISO 30042:2019): DCA, as the type of
/// a generic element (`<descrip type="subjectField">`), or DCT, as an
/// element of its own in its dialect's namespace (`<min:subjectField>`).
enum class TbxStyle : unsigned char { dca, dct };

/// Options for write_vocabulary().
struct WriteOptions {
  /// Spaces per level of indentation.
  int indent = 2;
  /// Title written where the format has one (native `title`, STS
  /// `title-wrap`, TBX `titleStmt`); empty: the inputs' own
  /// (Vocabulary::title()), if any.
  std::string title;
  /// The style of TBX output (DCA by default); other formats ignore it.
  TbxStyle tbx_style = TbxStyle::dca;
  /// The namespace of the RDF formats (SKOS, JSON-LD): the concept scheme
  /// is this IRI, each concept this IRI followed by its entry number,
  /// percent-encoded (docs/formats.md, "SKOS and JSON-LD"). It must be an
  /// absolute IRI (is_absolute_iri()); end it with '/' or '#' so that the
  /// numbers read as its last segment or fragment. Empty: default_base_iri.
  /// Other formats ignore it.
  std::string base_iri;
  /// Where a writer reports what its format cannot hold: one
  /// `lossy-conversion` diagnostic per data category name it leaves out (or
  /// writes at another level), located at the first such category, with
  /// the rule's default severity. nullptr: not reported.
  std::vector<Diagnostic>* lost = nullptr;
};

/// The base IRI of the RDF formats when WriteOptions::base_iri is empty: a
/// URN that needs no web address of one's own (a vocabulary published on
/// the web gets its own, `https://example.org/iso22739/`).
inline constexpr std::string_view default_base_iri = "urn:termgraph:vocabulary:";

/// True when `iri` can be the base IRI of the RDF formats: a scheme
/// (a letter, then letters, digits, '+', '-', '.'), ':', then at least one
/// character, none of them a space, a control character or one of
/// `<>"{}|^`\`, every '%' followed by two hex digits, valid UTF-8.
[[nodiscard]] TERMGRAPH_API bool is_absolute_iri(std::string_view iri) noexcept;

/// True for the formats write_vocabulary() can write (those whose
/// FormatInfo::can_write is set, see formats()).
TERMGRAPH_API bool can_write(Format format) noexcept;

/// Writes every entry of `vocabulary` in `format` (docs/formats.md says what
/// each format holds): deterministic, and for XML formats well-formed and
/// indented; inline references are written as the format's markup where it
/// has one.
/// Returns false, writing nothing, for a format that cannot be written, and
/// for an RDF format when WriteOptions::base_iri is set and is not an
/// absolute IRI.
TERMGRAPH_API bool write_vocabulary(std::ostream& out, const Vocabulary& vocabulary, Format format,
                                    const WriteOptions& options = {});

}  // namespace termgraph
