// Internal: the markup of raw XML text found by a linear scan of its bytes,
// without a parser: tags, comments, CDATA sections, processing
// instructions and declarations, each with where it begins and ends. Used
// where pugixml gives no answer: where an element ends (pugixml records
// only where nodes start) and where comments are (pugixml drops them).
//
// On well-formed XML the scan sees exactly what a parser sees: '<' stands
// in character data only as markup, never in attribute values; CDATA
// sections, comments and processing instructions are skipped as a whole.
// On malformed text it goes on, and a construct left open runs to the end.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <type_traits>

#include "model/builder.hpp"

namespace pugi {
class xml_document;
}

namespace termgraph {

/// One piece of markup: bytes [begin, end) of the text.
struct Markup {
  enum class Kind : unsigned char {
    start_tag,  ///< <name ...>
    empty_tag,  ///< <name .../>
    end_tag,    ///< </name>
    comment,    ///< <!-- ... -->
    other,      ///< CDATA section, processing instruction, <!DOCTYPE ...>
  };
  Kind kind;
  std::size_t begin;
  std::size_t end;
};

/// Calls `visit(markup)` for each piece of markup of `raw` in order; a
/// visitor that returns bool stops the scan by returning false. With
/// `tags` false, tags are not visited nor delimited (cheaper, when only
/// comments are wanted: a '<' never stands inside a tag).
template <typename Visit>
void scan_markup(std::string_view raw, Visit&& visit, bool tags = true);

/// Sets the end of Entry::range of every entry of the builder's current
/// (XML) file: the end of the element that starts where the entry starts
/// (Builder::entry_starts()). An element left open at the end of a
/// truncated file ends at the end of the file. Scans the whole file.
void set_xml_entry_ends(Builder& builder);

/// The same, guided by the parsed `document` of the file (well-formed):
/// only the tail of each entry element is scanned, from its last descendant
/// to its end tag. Returns false, and sets nothing, when an entry start is
/// not an element of the document; the whole-file scan then answers.
bool set_xml_entry_ends(Builder& builder, const pugi::xml_document& document);

// -- implementation ------------------------------------------------------------

namespace markup_detail {
/// The offset just past `close` found from `from`, or the text's size.
inline std::size_t past(std::string_view raw, std::size_t from, std::string_view close) {
  std::size_t at = raw.find(close, from);
  return at == std::string_view::npos ? raw.size() : at + close.size();
}
/// The end of the tag or declaration whose '<' is at `begin`: just past
/// its '>', quoted values ('...' or "...") and, for a declaration, an
/// internal subset ([...]) skipped.
std::size_t tag_end(std::string_view raw, std::size_t begin, bool declaration);
}  // namespace markup_detail

namespace markup_detail {
/// The next '<' from `i` on that opens a comment, CDATA section, processing
/// instruction or declaration ("<!", "<?"), or npos: found by the '!' and
/// '?' (rarer than '<'), whose next places are kept in `bang` and `question`
/// (npos: none left; a value below `i`: to be found again).
inline std::size_t next_special(std::string_view raw, std::size_t i, std::size_t& bang,
                                std::size_t& question) {
  for (;;) {
    if (bang != std::string_view::npos && bang < i) bang = raw.find('!', i);
    if (question != std::string_view::npos && question < i) question = raw.find('?', i);
    const std::size_t c = std::min(bang, question);
    if (c == std::string_view::npos) return c;
    if (c > 0 && raw[c - 1] == '<' && c - 1 >= i) return c - 1;
    i = c + 1;
  }
}
}  // namespace markup_detail

template <typename Visit>
void scan_markup(std::string_view raw, Visit&& visit, bool tags) {
  using markup_detail::past;
  std::size_t i = 0;
  const std::size_t n = raw.size();
  // Without tags only "<!" and "<?" count: they are looked for directly.
  std::size_t bang = tags ? std::string_view::npos : raw.find('!');
  std::size_t question = tags ? std::string_view::npos : raw.find('?');
  while (i < n) {
    std::size_t at = tags ? raw.find('<', i) : markup_detail::next_special(raw, i, bang, question);
    if (at == std::string_view::npos) return;
    std::string_view rest = raw.substr(at);
    const char second = rest.size() > 1 ? rest[1] : '\0';
    Markup m{Markup::Kind::other, at, at};
    if (second == '!' && rest.compare(0, 4, "<!--") == 0) {
      m.kind = Markup::Kind::comment;
      m.end = past(raw, at + 4, "-->");
    } else if (second == '!' && rest.compare(0, 9, "<![CDATA[") == 0) {
      m.end = past(raw, at + 9, "]]>");
    } else if (second == '?') {
      m.end = past(raw, at + 2, "?>");
    } else if (second == '!') {
      m.end = markup_detail::tag_end(raw, at, true);
    } else if (!tags) {
      i = at + 1;
      continue;
    } else if (second == '/') {
      m.kind = Markup::Kind::end_tag;
      m.end = past(raw, at + 2, ">");
    } else {
      m.end = markup_detail::tag_end(raw, at, false);
      const bool empty = m.end >= 2 && raw[m.end - 1] == '>' && raw[m.end - 2] == '/';
      m.kind = empty ? Markup::Kind::empty_tag : Markup::Kind::start_tag;
    }
    if constexpr (std::is_same_v<decltype(visit(m)), bool>) {
      if (!visit(m)) return;
    } else {
      visit(m);
    }
    i = m.end > at ? m.end : at + 1;
  }
}

}  // namespace termgraph
