// Internal: what the format writers (write_native.cpp, write_sts.cpp,
// write_tbx.cpp) share; defined in write.cpp.
#pragma once

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

/// Writes the text of `block`, each of its links (links_of()) inside the
/// element `markup(reference)` gives; a link it gives none for stays plain
/// text.
template <typename Markup>
void write_linked_text(XmlWriter& xml, const TextBlock& block, Markup&& markup) {
  std::size_t pos = 0;
  for (const Reference* r : links_of(block)) {
    std::optional<LinkMarkup> link = markup(*r);
    if (!link) continue;
    xml.text(block.text.substr(pos, r->begin - pos));
    xml.start(link->element);
    for (const auto& attribute : link->attributes) xml.attribute(attribute.first, attribute.second);
    xml.text(block.text.substr(r->begin, r->end - r->begin));
    xml.end();
    pos = r->end;
  }
  xml.text(block.text.substr(pos));
}

}  // namespace termgraph::write_detail
