// Internal: what the format writers (write_native.cpp, write_sts.cpp,
// write_tbx.cpp) share; defined in write.cpp.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "termgraph/vocabulary.hpp"
#include "termgraph/write.hpp"
#include "write/xml_writer.hpp"

namespace termgraph::write_detail {

/// The language most entries start with; ties go to the one met first.
std::string default_language(const Vocabulary& vocabulary);

/// The languages the input files declare (Vocabulary::declared_languages),
/// each once (language::same), in the order of the files and of their
/// declarations; empty when no file declares any.
std::vector<std::string_view> declared_languages(const Vocabulary& vocabulary);

/// The title to write: WriteOptions::title, else the inputs' own
/// (Vocabulary::title()); empty when neither gives one.
std::string_view title(const Vocabulary& vocabulary, const WriteOptions& options);

/// One XML id per entry (indexed by EntryId), unique in the document: the
/// entry's first id as read (Entry::ids) that is a name token, not taken
/// by an earlier entry and, for a numbered entry, carries its number
/// (ids::number_in_id(); formats without an entry number keep it in the
/// id); else, for an entry without a number, its key when that is a valid
/// XML ID. Only entries left without one get a generated id: `term_` and
/// the number, or the key made an XML ID with the prefix "c-", made unique
/// with "--N" (ids::UniqueIds).
std::vector<std::string> entry_ids(const Vocabulary& vocabulary);

/// The markup references of `block` in text order, without those nested in
/// an earlier one (no format here can write a link inside a link).
std::vector<const Reference*> links_of(const TextBlock& block);

/// True when `part` is a view into `whole`: a reference's number taken from
/// its block's text rather than from a link target.
bool within(std::string_view part, std::string_view whole);

/// How a format writes one markup link: the element around the link's text
/// and its attributes, in order.
struct LinkMarkup {
  std::string_view element;
  std::vector<std::pair<std::string_view, std::string>> attributes;
};

/// How a format writes the inline elements of a markup view
/// (TextBlock::markup, Designation::markup): `element(name)` gives the
/// element and attributes for an element of the view (`sub`, `italic` ...),
/// or nothing to write its content bare; with `math`, MathML is written as
/// it is, else as its flat text.
struct InlineStyle {
  std::function<std::optional<LinkMarkup>(std::string_view name)> element;
  bool math = false;
  /// False for a format whose inline elements hold text only (TBX `hi`,
  /// whose links hold text only too): an element inside another or inside
  /// a link is written as its text, and a block with a link inside an
  /// element is written as flat text.
  bool nest = true;
};

/// Inline markup as TBX (v3 and 2008) has it: `hi` of type subscript,
/// superscript, italics or bold for sub, sup, italic, bold; other
/// presentation elements as their text; MathML as its flat text (TBX has
/// no MathML). A `hi` holds text only, and so do TBX links: no nesting.
const InlineStyle& tbx_inline_style();

/// A link to write: where it stands in the text and its element.
struct PlacedLink {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  LinkMarkup markup;
};

/// Writes `text` with the inline elements of `markup` (whose text content
/// must be `text`) as `style` maps them and `links` (in text order, not
/// overlapping) placed at their offsets. Returns false, writing nothing,
/// when that cannot be done: the markup's text is not `text`, or a link
/// would cross an element boundary or split a formula.
bool write_marked_text(XmlWriter& xml, std::string_view text, std::string_view markup,
                       const std::vector<PlacedLink>& links, const InlineStyle& style);

/// Writes the text of `block`, each of its links (links_of()) inside the
/// element `markup(reference)` gives; a link it gives none for stays plain
/// text. With a `style`, the block's inline markup (TextBlock::markup) is
/// written too, unless a link crosses one of its elements: then the block
/// is written as flat text with its links.
template <typename Markup>
void write_linked_text(XmlWriter& xml, const TextBlock& block, Markup&& markup,
                       const InlineStyle* style = nullptr) {
  std::vector<PlacedLink> links;
  for (const Reference* r : links_of(block)) {
    std::optional<LinkMarkup> link = markup(*r);
    if (!link) continue;
    links.push_back({r->begin, r->end, std::move(*link)});
  }
  if (style != nullptr && !block.markup.empty() &&
      write_marked_text(xml, block.text, block.markup, links, *style)) {
    return;
  }
  std::size_t pos = 0;
  for (const PlacedLink& link : links) {
    xml.text(block.text.substr(pos, link.begin - pos));
    xml.start(link.markup.element);
    for (const auto& attribute : link.markup.attributes) {
      xml.attribute(attribute.first, attribute.second);
    }
    xml.text(block.text.substr(link.begin, link.end - link.begin));
    xml.end();
    pos = link.end;
  }
  xml.text(block.text.substr(pos));
}

/// Writes a designation's text with its inline markup (Designation::markup)
/// as `style` maps it, or as flat text when it has none.
void write_marked_term(XmlWriter& xml, const Designation& d, const InlineStyle& style);

}  // namespace termgraph::write_detail
