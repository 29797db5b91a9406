// Internal: cross-references between the entries of a TBX termbase. Which
// data categories link to another entry or term of the same file (and so
// become a cross-reference block of the model, resolved and drawn in the
// reference graph).
#pragma once

#include <cstddef>
#include <string_view>

namespace termgraph::tbx_links {

/// Whether a data category links to another entry or term of the same
/// termbase. `element` is the DCA element that carries it (`ref`, `xref`,
/// `descrip` ...; empty for a DCT element), `category` its name, `target`
/// its target attribute.
///
/// - Every `ref` does (TBX: a link inside the document), and so does
///   `crossReference` in any element or style: with or without a target.
/// - The concept and term relations of ISO 12620 as TBX names them
///   (`relatedConcept`, `broaderConceptGeneric`, `antonymTerm`,
///   `homograph` ...) and `see` do when they have a target, in whatever
///   element carries them (an `xref` included); without one they are text.
/// - Other `xref`s (externalCrossReference, xGraphic ...) point outside
///   the file: they do not.
[[nodiscard]] bool links_entries(std::string_view element, std::string_view category,
                                 std::string_view target) noexcept;

}  // namespace termgraph::tbx_links
