// Internal: writing HTML, SVG and JSON text for the static site: escaping
// and the small pieces every page shares.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace termgraph::html {

/// Appends `text` escaped for HTML text and attribute values (quoted with
/// '"'): & < > " ' become character references. Invalid UTF-8 is kept
/// byte for byte (the readers have reported it).
void escape(std::string& out, std::string_view text);

/// Appends `text` as a JSON string literal, quotes included, safe inside a
/// script: '<', U+2028 and U+2029 escaped as well as what JSON requires.
void json_string(std::string& out, std::string_view text);

/// A name made only of [A-Za-z0-9.-] from any text, usable in a URL, a
/// file name and an id without escaping: other bytes (and '_') become '_'
/// and two hexadecimal digits. Distinct texts give distinct names.
std::string name_of(std::string_view text);

/// The first code point of UTF-8 `text` (U+FFFD for an ill-formed start,
/// 0 for empty text), and its length in bytes through `length`.
char32_t first_code_point(std::string_view text, std::size_t* length = nullptr);

/// The first `max` code points of `text`, with "…" added when cut.
std::string shorten(std::string_view text, std::size_t max);

}  // namespace termgraph::html
