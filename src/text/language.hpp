// Internal: language tags (BCP 47), compared in one place.
//
// Tags are compared in their canonical form (ICU: "en-gb" -> "en-GB",
// "EN" -> "en", "iw" -> "he"), so case never matters; a range matches a tag
// when it equals the tag or is a prefix of it that ends at a subtag
// boundary (RFC 4647 basic filtering): "en" matches "en", "en-GB" and
// "en-gb", never "eng".
#pragma once

#include <string>
#include <string_view>

namespace termgraph::language {

/// The canonical form of `tag`; a tag ICU cannot parse is returned with
/// ASCII letters lowered and '_' turned into '-'.
std::string canonical(std::string_view tag);

/// True when `a` and `b` name the same language tag (canonical forms equal).
bool same(std::string_view a, std::string_view b);

/// True when the language range `range` matches `tag`: equal, or `range`
/// followed by '-' starts `tag` (both canonical). An empty range or "*"
/// matches every tag.
bool matches(std::string_view range, std::string_view tag);

}  // namespace termgraph::language
