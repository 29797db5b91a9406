// The native format writer (docs/format.md, docs/formats.md). Everything the
// model holds is written explicitly (status, type and part of speech of
// every term), so that reading the output gives the same model back.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "format/ids.hpp"
#include "format/namespaces.hpp"
#include "termgraph/write.hpp"
#include "write/detail.hpp"
#include "write/xml_writer.hpp"

namespace termgraph {

namespace {

/// The text of a block with its markup references as <ref>: `to` is the
/// target id, else the number the link was given (a number written in the
/// text is read again from the text); no `to` when there is neither;
/// external="true" for links into other documents.
void write_block(XmlWriter& xml, const TextBlock& block) {
  xml.start(to_string(block.kind));  // the element is named as the kind
  write_detail::write_linked_text(xml, block, [&](const Reference& r) {
    write_detail::LinkMarkup link{"ref", {}};
    std::string_view to = r.target_id;
    if (to.empty() && !write_detail::within(r.number, block.text)) to = r.number;
    if (!to.empty()) link.attributes.emplace_back("to", to);
    if (r.external) link.attributes.emplace_back("external", "true");
    return std::optional<write_detail::LinkMarkup>(std::move(link));
  });
  xml.end();
}

bool empty(const LanguageSection& s) {
  return s.designations.empty() && !s.definition && s.notes.empty() && s.examples.empty() &&
         s.sources.empty();
}

void write_section(XmlWriter& xml, const LanguageSection& section) {
  for (const Designation& d : section.designations) {
    xml.start("term");
    xml.attribute("status", to_string(d.status));
    xml.attribute("type", to_string(d.kind));
    if (!d.part_of_speech.empty()) xml.attribute("pos", d.part_of_speech);
    xml.text(d.text);
    xml.end();
  }
  if (section.definition) write_block(xml, *section.definition);
  for (const TextBlock& b : section.notes) write_block(xml, b);
  for (const TextBlock& b : section.examples) write_block(xml, b);
  for (const TextBlock& b : section.sources) write_block(xml, b);
}

}  // namespace

void write_native(std::ostream& out, const Vocabulary& vocabulary, const WriteOptions& options) {
  XmlWriter xml(out, options.indent);
  const std::string language = write_detail::default_language(vocabulary);
  xml.declaration();
  xml.start("vocabulary");
  xml.attribute("xmlns", xml_namespace::native);
  xml.attribute("xml:lang", language);
  const std::vector<std::string_view> declared = write_detail::declared_languages(vocabulary);
  if (!declared.empty()) {
    std::string languages;
    for (std::string_view tag : declared) {
      if (!languages.empty()) languages += ' ';
      languages += tag;
    }
    xml.attribute("languages", languages);
  }
  if (const std::string_view title = write_detail::title(vocabulary, options); !title.empty()) {
    xml.text_element("title", title);
  }

  std::size_t position = 0;
  for (const Entry& e : vocabulary.entries()) {
    ++position;
    xml.start("entry");
    if (e.numbered) {
      xml.attribute("number", e.number);
      if (!e.ids.empty()) xml.attribute("id", e.ids.front());
    } else if (!(e.ids.empty() && e.number == ids::position_key(position))) {
      // An entry without a number is known by its id; the reader's own
      // fallback (entry-N, N its position) needs no id to come back.
      xml.attribute("id", e.number);
    }
    if (!e.languages.empty() && !empty(e.languages.front()) &&
        e.languages.front().language != language) {
      xml.attribute("xml:lang", e.languages.front().language);
    }
    for (std::size_t i = 0; i < e.languages.size(); ++i) {
      // The first section is the entry's own content; one with no content
      // at all is kept as an empty <lang> (the reader only makes a section
      // of the entry's own content when there is some).
      if (i == 0 && !empty(e.languages[i])) {
        write_section(xml, e.languages[i]);
        continue;
      }
      xml.start("lang");
      xml.attribute("xml:lang", e.languages[i].language);
      write_section(xml, e.languages[i]);
      xml.end();
    }
    xml.end();
  }
  xml.finish();
}

}  // namespace termgraph
