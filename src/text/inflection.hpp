// Internal: whether a written term names a designation, inflection allowed.
#pragma once

#include <string_view>

namespace termgraph {

/// True when `written` (folded) names `designation` (folded), allowing an
/// inflected last word: "blocks" / "block", "entities" / "entity",
/// "DLT nodes" / "DLT node", "opérandes" / "opérande".
bool names_designation(std::string_view written, std::string_view designation);

}  // namespace termgraph
