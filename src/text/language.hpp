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

/// Why `tag` is not a well-formed BCP 47 language tag (RFC 5646), or an
/// empty string when it is one. The syntax is ICU's parser's
/// (uloc_forLanguageTag must read the whole tag: no empty subtag, no '_',
/// no repeated variant or extension, private use only after "x"), and the
/// primary language subtag has 2 or 3 letters: 4 letters are reserved and 5
/// to 8 are for subtags the IANA registry has never assigned, so "english"
/// is not a tag. "x-..." (private use) and the grandfathered tags of RFC 5646
/// ("i-klingon", "en-GB-oed") are well-formed. The reason reads after "is
/// not a well-formed BCP 47 language tag: " and may suggest a correction.
std::string ill_formed(std::string_view tag);

/// True when `tag` is a well-formed BCP 47 language tag (ill_formed() is
/// empty).
inline bool well_formed(std::string_view tag) {
  return ill_formed(tag).empty();
}

/// True when the language range `range` matches `tag`: equal, or `range`
/// followed by '-' starts `tag` (both canonical). An empty range or "*"
/// matches every tag.
bool matches(std::string_view range, std::string_view tag);

/// True when a section in language `tag` serves a request for `range`:
/// matches(range, tag), or `tag` is a more general language than `range`
/// asks for (matches(tag, range): a "fr" section serves "fr-FR" and
/// "fr-CA"; an "fr-CA" section never serves "fr-FR"). What searches use to
/// choose the sections they look in.
bool serves(std::string_view range, std::string_view tag);

}  // namespace termgraph::language
