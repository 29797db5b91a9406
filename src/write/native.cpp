// The native format writer (docs/format.md, docs/formats.md). Everything the
// model holds is written explicitly (the stated status and type, the part
// of speech of every term, every data category at its level with its group),
// so that reading the output gives the same model back.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "format/ids.hpp"
#include "format/namespaces.hpp"
#include "format/native_categories.hpp"
#include "model/impl.hpp"
#include "termgraph/write.hpp"
#include "text/language.hpp"
#include "write/detail.hpp"
#include "write/xml_writer.hpp"

namespace termgraph {

namespace {

/// The text of a block with its inline markup and its markup references as <ref>: `to` is the
/// target id, else the number the link was given (a number written in the
/// text is read again from the text); no `to` when there is neither;
/// external="true" for links into other documents.
/// Inline markup as the native format has it: em, strong, sub and sup;
/// other presentation elements bare; MathML as its flat text.
const write_detail::InlineStyle& inline_style() {
  static const write_detail::InlineStyle native{
      [](std::string_view name) -> std::optional<write_detail::LinkMarkup> {
        std::string_view element;
        if (name == "sub" || name == "sup") {
          element = name;
        } else if (name == "italic") {
          element = "em";
        } else if (name == "bold") {
          element = "strong";
        } else {
          return std::nullopt;
        }
        return write_detail::LinkMarkup{element, {}};
      },
      false};
  return native;
}

void write_block_text(XmlWriter& xml, const TextBlock& block) {
  write_detail::write_linked_text(
      xml, block,
      [&](const Reference& r) {
        write_detail::LinkMarkup link{"ref", {}};
        std::string_view to = r.target_id;
        if (to.empty() && !write_detail::within(r.number, block.text)) to = r.number;
        if (!to.empty()) link.attributes.emplace_back("to", to);
        if (r.external) link.attributes.emplace_back("external", "true");
        return std::optional<write_detail::LinkMarkup>(std::move(link));
      },
      &inline_style());
}

void write_block(XmlWriter& xml, const TextBlock& block) {
  xml.start(native_categories::block_element(block.kind));  // named as the kind
  write_block_text(xml, block);
  xml.end();
}

/// One category, without its group: a text block element carrying
/// `element` where it is one, a named element, else `category`.
void write_member(XmlWriter& xml, const DataCategory& c) {
  if (c.block) {
    const BlockKind kind = c.block->kind;
    xml.start(native_categories::block_element(kind));
    xml.attribute("element", to_string(c.element));
    if (c.type != native_categories::default_type(kind, c.element)) xml.attribute("type", c.type);
  } else if (const native_categories::Named* n =
                 native_categories::named_element(c.element, c.type)) {
    xml.start(n->name);
  } else {
    xml.start("category");
    xml.attribute("element", to_string(c.element));
    if (!c.type.empty()) xml.attribute("type", c.type);
  }
  if (!c.target.empty()) xml.attribute("target", c.target);
  if (!c.known) xml.attribute("known", "false");
  if (c.block) {
    write_block_text(xml, *c.block);
  } else {
    xml.text(c.value);
  }
  xml.end();
}

/// A category with its group: `<group>` holds it, then its details; a
/// detail that is a group of its own (TBX nests them one deep) is a nested
/// `<group>`. Deeper groups, which no format produces, are written as
/// members of the nearest group: the depth is bounded here.
void write_category(XmlWriter& xml, const DataCategory& c) {
  if (!c.grouped && c.details.empty()) {
    write_member(xml, c);
    return;
  }
  xml.start("group");
  write_member(xml, c);
  for (const DataCategory& d : c.details) {
    if (!d.grouped && d.details.empty()) {
      write_member(xml, d);
      continue;
    }
    xml.start("group");
    write_member(xml, d);
    for (const DataCategory& dd : d.details) write_member(xml, dd);
    xml.end();
  }
  xml.end();
}

bool has_categories(const Entry& e) {
  if (!e.categories.empty()) return true;
  for (const LanguageSection& s : e.languages) {
    if (!s.categories.empty()) return true;
    for (const Designation& d : s.designations) {
      if (!d.categories.empty()) return true;
    }
  }
  return false;
}

/// Calls `f` on every category of `categories` and their details (two
/// levels of groups, as written).
template <typename F>
void each_category(Span<DataCategory> categories, F&& f) {
  for (const DataCategory& c : categories) {
    f(c);
    for (const DataCategory& d : c.details) {
      f(d);
      for (const DataCategory& dd : d.details) f(dd);
    }
  }
}

/// The text blocks the entry's categories stand for.
std::vector<const TextBlock*> covered_blocks(const Entry& e) {
  std::vector<const TextBlock*> out;
  auto add = [&](const DataCategory& c) {
    if (c.block) out.push_back(c.block);
  };
  each_category(e.categories, add);
  for (const LanguageSection& s : e.languages) {
    each_category(s.categories, add);
    for (const Designation& d : s.designations) each_category(d.categories, add);
  }
  return out;
}

bool holds(const LanguageSection& s, const TextBlock* b) {
  auto in = [&](Span<TextBlock> blocks) {
    return !blocks.empty() && b >= blocks.begin() && b < blocks.end();
  };
  return b == s.definition || in(s.notes) || in(s.examples) || in(s.sources);
}

bool empty(const LanguageSection& s) {
  return s.designations.empty() && !s.definition && s.notes.empty() && s.examples.empty() &&
         s.sources.empty();
}

/// The part of speech the reader takes from a term's partOfSpeech category
/// when `pos` is absent: that of the first one written as a `category`
/// directly in the term (not in a group).
std::string_view part_of_speech_category(const Designation& d) {
  for (const DataCategory& c : d.categories) {
    if (!c.block && !c.grouped && c.details.empty() && c.type == "partOfSpeech" &&
        !native_categories::named_element(c.element, c.type)) {
      return c.value;
    }
  }
  return {};
}

void write_term(XmlWriter& xml, const Designation& d) {
  xml.start("term");
  if (!d.term_id.empty()) xml.attribute("id", d.term_id);
  if (!d.term_section_id.empty()) xml.attribute("section-id", d.term_section_id);
  // Only what the source stated: the reader derives the rest again.
  if (d.status_stated) xml.attribute("status", to_string(d.status));
  if (d.kind_stated) xml.attribute("type", to_string(d.kind));
  if (!d.part_of_speech.empty() && d.part_of_speech != part_of_speech_category(d)) {
    xml.attribute("pos", d.part_of_speech);
  }
  if (d.categories.empty() || !d.markup.empty()) {
    // Inline markup makes the term mixed content: its categories follow
    // on the same line, adding no white space to its text.
    write_detail::write_marked_term(xml, d, inline_style());
    for (const DataCategory& c : d.categories) write_category(xml, c);
  } else {
    xml.leading_text(d.text);
    for (const DataCategory& c : d.categories) write_category(xml, c);
  }
  xml.end();
}

/// A section's terms, then its categories, then the blocks no category of
/// the entry stands for (in the ISO layout: definition, notes, examples,
/// sources).
void write_section(XmlWriter& xml, const LanguageSection& section,
                   const std::vector<const TextBlock*>& covered) {
  for (const Designation& d : section.designations) write_term(xml, d);
  for (const DataCategory& c : section.categories) write_category(xml, c);
  auto uncovered = [&](const TextBlock& b) {
    for (const TextBlock* c : covered) {
      if (c == &b) return false;
    }
    return true;
  };
  if (section.definition && uncovered(*section.definition)) write_block(xml, *section.definition);
  for (Span<TextBlock> blocks : {section.notes, section.examples, section.sources}) {
    for (const TextBlock& b : blocks) {
      if (uncovered(b)) write_block(xml, b);
    }
  }
}

/// An entry with data categories: its own categories directly in it, every
/// section in a <lang>. The text blocks of entry-level categories belong
/// to the section in the entry's language: `xml:lang` names it.
void write_entry_with_categories(XmlWriter& xml, const Entry& e, const std::string& language) {
  const std::vector<const TextBlock*> covered = covered_blocks(e);
  const LanguageSection* home = nullptr;
  each_category(e.categories, [&](const DataCategory& c) {
    if (!c.block || home) return;
    for (const LanguageSection& s : e.languages) {
      if (holds(s, c.block)) home = &s;
    }
  });
  if (home && !language::same(home->language, language)) {
    xml.attribute("xml:lang", home->language);
  }
  for (const DataCategory& c : e.categories) write_category(xml, c);
  for (const LanguageSection& s : e.languages) {
    xml.start("lang");
    xml.attribute("xml:lang", s.language);
    write_section(xml, s, covered);
    xml.end();
  }
}

}  // namespace

namespace {

/// What one TBX source file holds outside the model (its header, back
/// matter, dialect and root attributes: Impl::TbxParts), kept verbatim so
/// that TBX -> native -> TBX gives the file back.
void write_tbx_source(XmlWriter& xml, const Vocabulary& vocabulary) {
  const Vocabulary::Impl& impl = VocabularyAccess::impl(vocabulary);
  if (impl.files.size() != 1 || impl.tbx_parts.empty() || !impl.tbx_parts[0].tbx) return;
  const Vocabulary::Impl::TbxParts& parts = impl.tbx_parts[0];
  xml.start("tbx-source");
  if (!parts.type.empty()) xml.attribute("type", parts.type);
  if (!parts.style.empty()) xml.attribute("style", parts.style);
  if (parts.martif) xml.attribute("martif", "true");
  for (const auto& a : parts.root_attributes) {
    xml.start("root-attribute");
    xml.attribute("name", a.first);
    xml.attribute("value", a.second);
    xml.end();
  }
  xml.start("header");
  xml.cdata(parts.header);
  xml.end();
  if (parts.has_back) {
    xml.start("back");
    xml.cdata(parts.back);
    xml.end();
  }
  xml.end();
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
  write_tbx_source(xml, vocabulary);

  const std::vector<const TextBlock*> none;
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
    if (has_categories(e)) {
      write_entry_with_categories(xml, e, language);
      xml.end();
      continue;
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
        write_section(xml, e.languages[i], none);
        continue;
      }
      xml.start("lang");
      xml.attribute("xml:lang", e.languages[i].language);
      write_section(xml, e.languages[i], none);
      xml.end();
    }
    xml.end();
  }
  xml.finish();
}

}  // namespace termgraph
