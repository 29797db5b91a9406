// Internal: whether a written term names a designation, inflection allowed,
// and the other way round, which designations a written term may name. One
// rule set (inflection.cpp) serves the label-mismatch check and search.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace termgraph {

/// True when `written` (folded) names `designation` (folded), allowing an
/// inflected last word: "blocks" / "block", "entities" / "entity",
/// "DLT nodes" / "DLT node", "opérandes" / "opérande".
bool names_designation(std::string_view written, std::string_view designation);

/// Most forms base_forms() returns.
constexpr std::size_t max_base_forms = 64;

/// The folded designations that `written` (folded, one or more words) may
/// be an inflected form of, `written` itself first: "blocks" gives
/// "blocks" and "block", "dlt nodes" "dlt node" (and "dlt nod", "dlt nodis":
/// the rules accept them, a lookup finds nothing), "entities" "entity",
/// "operations booleennes" "operation booleenne". Each form f satisfies
/// names_designation(written, f). At most max_base_forms forms, fewest
/// changed inner words first; when the inner words allow more than 256
/// combinations only the last word is taken back to its bases. Empty for
/// empty `written`.
std::vector<std::string> base_forms(std::string_view written);

}  // namespace termgraph
