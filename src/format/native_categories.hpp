// Internal: how the native format writes data categories (docs/format.md,
// "Data categories"): the named elements for common categories, and the
// data category a text block element stands for when it carries one.
#pragma once

#include <optional>
#include <string_view>

#include "termgraph/model.hpp"

namespace termgraph::native_categories {

/// A named element: `<subject-field>` is a `descrip` of type
/// "subjectField".
struct Named {
  std::string_view name;
  CategoryElement element;
  std::string_view type;
};

/// The named element of this name, or nullptr.
const Named* named_element(std::string_view name) noexcept;
/// The named element for this element and type, or nullptr (the generic
/// `category` element is written then).
const Named* named_element(CategoryElement element, std::string_view type) noexcept;

/// The element whose TBX name (to_string()) is `name`.
std::optional<CategoryElement> element_named(std::string_view name) noexcept;

/// The native element of a text block kind: "definition", "note",
/// "example", "source", "cross-reference".
std::string_view block_element(BlockKind kind) noexcept;
/// The block kind of a native element name, if it is one.
std::optional<BlockKind> block_kind(std::string_view name) noexcept;

/// The element a block's category has when the block element does not say
/// (inside a group or a term): definition and example: descrip; note: note;
/// source: admin; cross-reference: ref.
CategoryElement default_element(BlockKind kind) noexcept;
/// The type a block's category has when the block element does not say:
/// definition: "definition"; example: "context"; source: "source";
/// cross-reference: "crossReference"; note: none when carried by `note`,
/// else "note".
std::string_view default_type(BlockKind kind, CategoryElement element) noexcept;

}  // namespace termgraph::native_categories
