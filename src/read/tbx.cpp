// The TBX readers: TBX v3 (ISO 30042:2019, root `tbx`, DCA and DCT styles,
// TBX-Core, TBX-Min, TBX-Basic) and TBX 2008 (root `martif`).
//
// Both share one shape: an entry element (conceptEntry / termEntry) holds
// information elements and language sections (langSec / langSet); a
// language section holds information elements and term sections (termSec /
// tig / ntig), each with exactly one term first. The structural elements are
// those in the namespace of the root element (the TBX v3 namespace of
// format/namespaces.cpp, no namespace for martif); an element in any other namespace is a
// DCT data category, named by its local name (`<basic:definition>`,
// `<min:partOfSpeech>`), so the prefix a file chooses does not matter. In the
// DCA style a data category is the `type` of a descrip, admin, termNote,
// ref or xref element. Both end in one dispatch on the data category name.
//
// Every information element (descrip, admin, termNote, note, ref, xref,
// transactions, their groups; or their DCT elements) is kept as a
// DataCategory at its level, in source order, with its group's other
// members as details; those the model also reads as blocks (definition,
// context, source, note, cross-references) are linked to their block. The
// header and back matter are kept as written for the TBX writer
// (Impl::TbxParts).
//
// docs/formats.md ("TBX") lists what each element becomes and what is
// reported.
//
// Everything is iterative: the entry / language / term levels are fixed
// loops, and the text of a block is flattened by a walk over pugixml's
// parent and sibling links, so no input can make the reader recurse.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "format/ids.hpp"
#include "format/tbx_picklists.hpp"
#include "read/markup_scan.hpp"
#include "read/readers.hpp"
#include "read/tbx_links.hpp"
#include "read/xml.hpp"
#include "termgraph/rules.hpp"
#include "text/language.hpp"
#include "text/numbers.hpp"

namespace termgraph {

namespace {

using sv = std::string_view;

using xml::is_text;
using xml::tag;

/// Whether a language tag is declared: a declared tag matches it
/// (`en-GB` is declared by `en`), case never matters.
bool language_declared(sv tag, const std::vector<std::string>& declared) {
  for (const std::string& d : declared) {
    if (language::matches(d, tag)) return true;
  }
  return false;
}

/// A name an XCS may be read by: a plain file name, to be found in the
/// document's own directory (no directory part, no scheme, no '..').
bool plain_file_name(sv name) {
  if (name.empty() || name == "." || name == "..") return false;
  for (char c : name) {
    if (c == '/' || c == '\\' || c == ':' || static_cast<unsigned char>(c) < 0x20) return false;
  }
  return true;
}

enum class Dialect { core, min, basic, other };

enum class Level { entry, language, term };

/// A term-level data category, kept until its designation is added.
struct TermCategory {
  std::size_t begin, end;
  CategoryElement element;
  sv type;
  std::string value;
  sv target;
  bool grouped, known;
  std::uint32_t parent;  // index into TermState::categories, or Builder::no_handle
  std::uint32_t block;   // block handle, or Builder::no_handle
};

/// The designation of one term section while it is read.
struct TermState {
  pugi::xml_node term;
  TextBuilder text;
  ReadStatus status = ReadStatus::unspecified;
  TermKind kind = TermKind::full_form;
  bool kind_stated = false;
  sv part_of_speech;
  std::vector<TermCategory> categories;  // in source order
  /// The ids the designation can be linked by (termSec / tig / ntig, term).
  std::vector<sv> ids;
};

/// A block read at entry level, kept until the language section it goes to;
/// `category`: the handle of the data category it is the block of.
struct EntryBlock {
  std::size_t offset;
  BlockKind kind;
  std::unique_ptr<TextBuilder> text;
  std::uint32_t category;  // the entry-level category it is, or Builder::no_handle
};

class TbxReader : xml::Reader {
public:
  TbxReader(const pugi::xml_document& doc, Builder& builder, sv document_path,
            ChunkedDocument* chunks)
      : Reader(builder, xml::Spaces::xml, chunks), doc_(doc), document_path_(document_path) {}

  void run() {
    pugi::xml_node root = doc_.document_element();
    if (!root) return;
    find_element_ends();
    XmlScope::Guard entered(scope_, root);
    root_ns_ = scope_.uri_of(root.name());
    martif_ = local_name(root.name()) == "martif";
    doc_language_ = std::string(scope_.language());
    if (doc_language_.empty()) {
      if (!martif_) structure(root, "<tbx> has no xml:lang (the document's language)");
      doc_language_ = "en";
    } else {
      builder_.add_language_tag(
          xml::trimmed_value_offset(source_, root, root.attribute("xml:lang")), doc_language_);
    }
    sv type = xml::attribute(root, "type");
    const std::pair<sv, Dialect> dialects[] = {
        {"TBX-Core", Dialect::core}, {"TBX-Min", Dialect::min}, {"TBX-Basic", Dialect::basic}};
    for (const auto& d : dialects) {
      if (type == d.first) dialect_ = d.second;
    }
    if (!martif_) {
      sv style = xml::attribute(root, "style");
      dct_ = style == "dct";
      if (style != "dca" && style != "dct") {
        structure(root, "<tbx> needs style=\"dca\" or style=\"dct\"");
      }
    }

    const sv header_name = martif_ ? "martifHeader" : "tbxHeader";
    bool header = false, text = false;
    elements(root, [&](pugi::xml_node child, const Name& name) {
      if (name.is(header_name) && !header && !text) {
        header = true;
        read_header(child);
      } else if (name.is("text") && !text) {
        text = true;
        read_text(child);
      } else {
        structure(child, "element " + tag(child) + " is not allowed in " + tag(root));
      }
    });
    if (!header) structure(root, "<" + std::string(header_name) + "> is missing");
    if (!text) structure(root, "<text> is missing");

    parts_.tbx = true;
    parts_.martif = martif_;
    parts_.type = type;
    parts_.style = xml::attribute(root, "style");
    for (pugi::xml_attribute a : root.attributes()) {
      sv n = a.name();
      if (n != "type" && n != "style" && n != "xml:lang" && n != "xmlns") {
        parts_.root_attributes.emplace_back(n, a.value());
      }
    }
    // Kept to be written back as they are: only what is well-formed (a
    // malformed file's parts are not).
    if (!xml::well_formed_content(parts_.header) ||
        (parts_.has_back && !xml::well_formed_content(parts_.back))) {
      return;
    }
    builder_.set_tbx_parts(std::move(parts_));
  }

private:
  struct Name {
    bool tbx = false;  // in the namespace of the root element
    sv local;
    bool is(sv l) const { return tbx && local == l; }
  };

  Name name_of(pugi::xml_node element) const {
    sv qname = element.name();
    return {scope_.uri_of(qname) == root_ns_, local_name(qname)};
  }

  /// The children of `parent` in document order, each element with its
  /// scope entered and its name resolved: `on_element(child, name)`; text
  /// that is not blank breaks the structure.
  template <typename OnElement>
  void elements(pugi::xml_node parent, OnElement&& on_element) {
    children(
        parent, [&](pugi::xml_node child) { on_element(child, name_of(child)); },
        [&](pugi::xml_node text) {
          structure(text, "text directly in " + tag(parent) + " is not allowed; it is not read");
        });
  }

  void structure(pugi::xml_node node, std::string message) {
    builder_.report(rules::tbx_structure,
                    is_text(node) ? source_.first_character(node) : offset(node),
                    std::move(message));
  }

  void unsupported(pugi::xml_node node, std::string message) {
    builder_.report(rules::unsupported_content, offset(node), std::move(message));
  }

  /// Fills element_ends_ with one scan of the raw file (no recursion: the
  /// open elements are a stack). Each element takes its place when its
  /// start tag is met, so the list is in the order of the starts without a
  /// sort; one left open ends at the end of the file.
  void find_element_ends() {
    const std::size_t size = source_.raw().size();
    std::vector<std::size_t> open;  // indexes into element_ends_
    scan_markup(source_.raw(), [&](const Markup& m) {
      if (m.kind == Markup::Kind::start_tag) {
        open.push_back(element_ends_.size());
        element_ends_.emplace_back(m.begin, size);
      } else if (m.kind == Markup::Kind::empty_tag) {
        element_ends_.emplace_back(m.begin, m.end);
      } else if (m.kind == Markup::Kind::end_tag && !open.empty()) {
        element_ends_[open.back()].second = m.end;
        open.pop_back();
      }
    });
  }

  /// The raw bytes between the start tag and the end tag of `el` (empty for
  /// an empty element, or one left open).
  sv content_of(pugi::xml_node el) const {
    const sv raw = source_.raw();
    const std::size_t at = offset(el);
    const std::size_t begin = at == 0 ? 0 : raw.rfind('<', at);
    if (begin == sv::npos) return {};
    const std::size_t start_end = markup_detail::tag_end(raw, begin, false);
    const std::size_t end = end_of(el);
    if (end <= start_end || end > raw.size() || raw[end - 1] != '>') return {};
    const std::size_t end_tag = raw.rfind("</", end - 1);
    if (end_tag == sv::npos || end_tag < start_end) return {};
    return raw.substr(start_end, end_tag - start_end);
  }

  // -- header ----------------------------------------------------------------

  /// The header describes the file, not concepts: it is not part of the
  /// model. It is checked (text only inside <p> or <title>) and, in a martif
  /// document, searched for the XCS that declares the allowed languages.
  void read_header(pugi::xml_node header) {
    parts_.header = content_of(header);
    walk_subtree(
        header,
        [&](pugi::xml_node n) {
          if (is_text(n)) {
            pugi::xml_node parent = n.parent();
            sv p = local_name(parent.name());
            if (p != "p" && p != "title" && !trim(n.value()).empty()) {
              structure(n, "text in " + tag(parent) + " must be inside a <p>");
            }
            return false;
          }
          if (n.type() != pugi::node_element) return false;
          if (local_name(n.name()) == "title" && local_name(n.parent().name()) == "titleStmt") {
            // The file's title (Vocabulary::title): its text, white space
            // collapsed.
            std::string text, title;
            for (pugi::xml_node t : n.children()) {
              if (is_text(t)) text += t.value();
            }
            collapse_xml_spaces(text, title);
            if (!title.empty()) builder_.set_title(title);
          }
          if (martif_ && local_name(n.name()) == "p" && xml::attribute(n, "type") == "XCSURI") {
            xcs_name_ = std::string(trim(n.child_value()));
            xcs_node_ = n;
          }
          return true;
        },
        [](pugi::xml_node) {});
    if (xcs_node_) load_xcs();
  }

  /// Reads the languages an XCS declares (TBXXCS/languages/langInfo/
  /// langCode), only from a plain file name next to the document.
  void load_xcs() {
    if (!plain_file_name(xcs_name_)) {
      unsupported(xcs_node_, "XCS '" + xcs_name_ +
                                 "' is not read (only a plain file name in the document's "
                                 "directory is); languages are not checked against it");
      return;
    }
    if (document_path_.empty()) {
      unsupported(xcs_node_, "XCS '" + xcs_name_ +
                                 "' is not read: the document was not loaded from a file; "
                                 "languages are not checked against it");
      return;
    }
    std::string path(document_path_);
    std::size_t slash = path.find_last_of("/\\");
    path = slash == std::string::npos ? xcs_name_ : path.substr(0, slash + 1) + xcs_name_;

    std::string content;
    constexpr std::size_t limit = 16u << 20;  // an XCS is a few kilobytes
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (f) {
      char buffer[65536];
      std::size_t n;
      while ((n = std::fread(buffer, 1, sizeof buffer, f.get())) > 0 && content.size() < limit) {
        content.append(buffer, n);
      }
    }
    pugi::xml_document xcs;
    // Default parsing: the DOCTYPE is skipped, nothing is fetched.
    if (!f || !xcs.load_buffer(content.data(), content.size())) {
      unsupported(xcs_node_, "XCS '" + xcs_name_ +
                                 "' cannot be read as XML next to the document; languages are "
                                 "not checked against it");
      return;
    }
    for (pugi::xml_node languages : xcs.document_element().children("languages")) {
      for (pugi::xml_node info : languages.children("langInfo")) {
        sv code = trim(info.child("langCode").child_value());
        if (!code.empty()) xcs_languages_.emplace_back(code);
      }
    }
    have_xcs_ = true;
  }

  // -- text and body ---------------------------------------------------------

  void read_text(pugi::xml_node text) {
    elements(text, [&](pugi::xml_node child, const Name& name) {
      if (name.is("body")) {
        read_body(child);
      } else if (name.is("back")) {
        // Not part of the model: TBX v3 back matter (refObjectSec) is kept
        // as written for the TBX writer; TBX 2008's is not.
        if (!martif_) {
          parts_.back = content_of(child);
          parts_.has_back = true;
        } else if (child.first_child()) {
          unsupported(child, "back matter (<back>) is not covered by the model; not read");
        }
      } else {
        structure(child,
                  "element " + tag(child) + " is not allowed in <text>; its content is not read");
      }
    });
  }

  void read_body(pugi::xml_node body) {
    const sv entry_name = martif_ ? "termEntry" : "conceptEntry";
    elements(body, [&](pugi::xml_node child, const Name& name) {
      if (name.is(entry_name)) {
        read_entry(child);
      } else {
        structure(child,
                  "element " + tag(child) + " is not allowed in <body>; its content is not read");
      }
    });
  }

  // -- entries ---------------------------------------------------------------

  /// A conceptEntry or termEntry (scope entered by the caller). Its number
  /// is the number its id carries (`term_3.30`), else the id itself as a
  /// fallback (numbered = false).
  void read_entry(pugi::xml_node entry) {
    ++entries_;
    sv id = xml::attribute(entry, "id");
    if (id.empty() && !martif_) structure(entry, "<conceptEntry> has no id");
    sv number = is_entry_number(id) ? id : ids::number_in_id(id);
    bool numbered = !number.empty();
    std::string fallback;
    if (!numbered) {
      if (id.empty()) {
        fallback = ids::position_key(entries_);
        number = fallback;
      } else {
        number = id;
      }
    }
    builder_.begin_entry(offset(entry), number, numbered);
    builder_.add_entry_id(id);

    const sv language_name = martif_ ? "langSet" : "langSec";
    entry_blocks_.clear();
    std::vector<pugi::xml_node> sections;
    elements(entry, [&](pugi::xml_node child, const Name& name) {
      if (name.is(language_name)) {
        sections.push_back(child);
      } else {
        if (!sections.empty()) {
          structure(child, "element " + tag(child) + " must come before the <" +
                               std::string(language_name) + "> elements of its " + tag(entry));
        }
        read_info(child, name, Level::entry, nullptr);
      }
    });
    if (sections.empty()) {
      structure(entry, tag(entry) + " has no <" + std::string(language_name) + ">");
      if (!entry_blocks_.empty()) {
        builder_.begin_section(offset(entry), doc_language_);
        flush_entry_blocks();
        builder_.end_section();
      }
      builder_.end_entry();
      return;
    }
    // Entry-level blocks (notes, definitions, cross-references about the
    // concept) are written in the document's language: they go to the
    // section of that language, else to the first section.
    pugi::xml_node target = sections.front();
    for (pugi::xml_node s : sections) {
      if (language::same(language_of(s), doc_language_)) {
        target = s;
        break;
      }
    }
    for (pugi::xml_node s : sections) {
      // Scopes of the entry's children are entered one at a time.
      XmlScope::Guard entered(scope_, s);
      read_language(s, s == target);
    }
    builder_.end_entry();
  }

  sv language_of(pugi::xml_node section) const {
    sv own = xml::attribute(section, "xml:lang");
    return own.empty() ? sv(doc_language_) : own;
  }

  void flush_entry_blocks() {
    for (EntryBlock& b : entry_blocks_) {
      b.text->finish();
      std::uint32_t block = builder_.add_block(b.offset, b.kind, *b.text);
      if (b.category != Builder::no_handle && block != Builder::no_handle) {
        builder_.set_category_block(b.category, block);
      }
    }
    entry_blocks_.clear();
  }

  /// A langSec or langSet (scope entered by the caller).
  void read_language(pugi::xml_node section, bool take_entry_blocks) {
    sv language = xml::attribute(section, "xml:lang");
    if (language.empty()) {
      structure(section, tag(section) + " has no xml:lang");
      language = doc_language_;
    } else if (have_xcs_ && !language_declared(language, xcs_languages_)) {
      builder_.report(rules::invalid_value, offset(section),
                      "language '" + std::string(language) + "' is not declared by the XCS '" +
                          xcs_name_ + "'");
    }
    pugi::xml_attribute lang_attr = section.attribute("xml:lang");
    builder_.begin_section(offset(section), language,
                           lang_attr && !trim(lang_attr.value()).empty()
                               ? xml::trimmed_value_offset(source_, section, lang_attr)
                               : sv::npos);
    if (take_entry_blocks) flush_entry_blocks();
    bool have_term = false;
    elements(section, [&](pugi::xml_node child, const Name& name) {
      bool term_section = martif_ ? (name.is("tig") || name.is("ntig")) : name.is("termSec");
      if (term_section) {
        have_term = true;
        read_term_section(child, name);
      } else {
        if (have_term) {
          structure(child, "element " + tag(child) + " must come before the term sections of its " +
                               tag(section));
        }
        read_info(child, name, Level::language, nullptr);
      }
    });
    if (!have_term) {
      structure(section, tag(section) + " has no " + (martif_ ? "<tig> or <ntig>" : "<termSec>"));
    }
    builder_.end_section();
  }

  /// A termSec, tig or ntig (scope entered by the caller): one designation.
  void read_term_section(pugi::xml_node section, const Name& section_name) {
    TermState st;
    st.ids.push_back(xml::attribute(section, "id"));
    bool first = true;
    auto take_term = [&](pugi::xml_node child, bool must_be_first) {
      if (st.term) {
        structure(child,
                  "only one <term> is allowed in a " + tag(section) + "; this one is not read");
        return;
      }
      if (must_be_first && !first) {
        structure(child, "<term> must come first in " + tag(section));
      }
      st.term = child;
      st.ids.push_back(xml::attribute(child, "id"));
      st.text.keep_markup();
      flatten(child, st.text, false);
    };
    elements(section, [&](pugi::xml_node child, const Name& name) {
      if (name.is("term")) {
        take_term(child, true);
      } else if (section_name.is("ntig") && name.is("termGrp")) {
        if (!first) structure(child, "<termGrp> must come first in <ntig>");
        bool inner_first = true;
        elements(child, [&](pugi::xml_node inner, const Name& inner_name) {
          if (inner_name.is("term")) {
            if (!inner_first && !st.term) {
              structure(inner, "<term> must come first in <termGrp>");
            }
            bool saved = first;
            first = true;
            take_term(inner, false);
            first = saved;
          } else if (inner_name.is("termCompList")) {
            unsupported(inner,
                        "term components (<termCompList>) are not covered by the model; "
                        "not read");
          } else {
            read_info(inner, inner_name, Level::term, &st);
          }
          inner_first = false;
        });
      } else {
        read_info(child, name, Level::term, &st);
      }
      first = false;
    });
    st.text.finish();
    if (!st.term) {
      structure(section, tag(section) + " has no <term>");
      return;
    }
    if (st.text.text().empty()) {
      builder_.add_empty_term(offset(st.term));  // empty-element
      return;
    }
    builder_.add_designation(st.text.raw_offset(source_.raw(), 0), st.text.text(), st.status,
                             st.kind, st.part_of_speech, st.kind_stated);
    builder_.set_designation_ids(st.ids.empty() ? sv() : st.ids[0],
                                 st.ids.size() > 1 ? st.ids[1] : sv());
    if (!st.text.markup().empty()) builder_.set_designation_markup(st.text.markup());
    add_term_categories(st);
  }

  /// The term section's categories, now that its designation is the last
  /// one added; each group's head comes before its details.
  void add_term_categories(const TermState& st) {
    std::vector<std::uint32_t> handles(st.categories.size(), Builder::no_handle);
    for (std::size_t i = 0; i < st.categories.size(); ++i) {
      const TermCategory& c = st.categories[i];
      std::uint32_t parent = c.parent < i ? handles[c.parent] : Builder::no_handle;
      handles[i] = builder_.add_category(CategoryLevel::term, c.begin, c.end, c.element, c.type,
                                         c.value, c.target, c.grouped, c.known, parent);
      if (handles[i] != Builder::no_handle && c.block != Builder::no_handle) {
        builder_.set_category_block(handles[i], c.block);
      }
    }
  }

  // -- information elements and data categories -------------------------------
  //
  // Every information element becomes a DataCategory at its level, in
  // source order: the first member of a group (descripGrp, adminGrp,
  // termNoteGrp, transacGrp) is the category, with the group's range; the
  // others are its details. Where the model also reads the content as a
  // block (definition, context, source, note, a cross-reference's link), the
  // category is linked to the block. Term-level categories wait in the
  // TermState until the term's designation exists.

  /// Where a category went: a builder handle (entry and language level), or
  /// an index into TermState::categories (term level).
  struct CategoryRef {
    Level level = Level::entry;
    std::uint32_t index = Builder::no_handle;
  };

  /// The group being read: its head (first category) once read, and the
  /// category of the group it stands in (nested groups), if any.
  struct GroupState {
    pugi::xml_node element;
    sv main;  // the DCA element of its head: descrip, admin, termNote, transac
    std::uint32_t depth = 1;
    bool have_head = false;
    CategoryRef head;
    const GroupState* outer = nullptr;
  };

  /// Groups nest in TBX at most twice (an adminGrp or transacGrp in a
  /// descripGrp); deeper ones are not read (the depth is bounded, not the
  /// input's to choose).
  static constexpr std::uint32_t max_group_depth = 3;

  /// One element inside an entry, language or term section (scope entered
  /// by the caller), other than the sections themselves; `group` is the
  /// group it stands in, if any.
  void read_info(pugi::xml_node el, const Name& name, Level level, TermState* term,
                 GroupState* group = nullptr) {
    if (!name.tbx) {
      // DCT: the element's local name is the data category; it stands where
      // the DCA element that carries it would, with the same constraints.
      if (tbx_picklist::dca_element(name.local) == "termNote" && level != Level::term) {
        structure(el, tag(el) + " (a termNote) is only allowed in a term section");
      }
      data_category(el, {}, name.local, level, term, group);
      return;
    }
    sv local = name.local;
    if (local == "note" || local == "date") {
      data_category(el, local, {}, level, term, group);
      return;
    }
    if (local == "descripGrp" || local == "adminGrp" || local == "termNoteGrp" ||
        local == "transacGrp") {
      read_group(el, local.substr(0, local.size() - 3), level, term, group);
      return;
    }
    if (local == "descrip" || local == "admin" || local == "termNote" || local == "ref" ||
        local == "xref" || local == "transac" || local == "transacNote" || local == "adminNote" ||
        local == "descripNote") {
      if (local == "termNote" && level != Level::term) {
        structure(el, "<termNote> is only allowed in a term section");
      }
      sv type = xml::attribute(el, "type");
      if (type.empty()) {
        if (local == "xref" || local == "ref") {
          structure(el, tag(el) + " must have a type attribute");
          data_category(el, local, {}, level, term, group);
        } else {
          structure(el, tag(el) + " must have a type attribute; it is not read");
        }
        return;
      }
      data_category(el, local, type, level, term, group);
      return;
    }
    if (local == "term") {
      structure(el, "<term> is only allowed in a term section; it is not read");
      return;
    }
    structure(el, "element " + tag(el) + " is not allowed in " + tag(parent(el)) +
                      "; its content is not read");
  }

  /// Whether an element is a group's main element: the DCA element `main`
  /// (<descrip> in a <descripGrp>), or a DCT element of a data category that
  /// `main` carries (<basic:definition>). A DCT element of a category the
  /// table does not know (a dialect's own) is taken as the main element when
  /// the group has none yet.
  static bool is_main(const Name& name, sv main, bool have_main) {
    if (name.tbx) return name.local == main;
    sv element = tbx_picklist::dca_element(name.local);
    return element == main || (element.empty() && !have_main);
  }

  /// A descripGrp, adminGrp, termNoteGrp or transacGrp: exactly one `main`
  /// element first (in DCT style, the element of a data category that
  /// `main` carries), then notes, sources, cross-references, transactions.
  /// `outer`: the group it stands in.
  void read_group(pugi::xml_node group, sv main, Level level, TermState* term,
                  const GroupState* outer) {
    GroupState gs;
    gs.element = group;
    gs.main = main;
    gs.outer = outer;
    gs.depth = outer ? outer->depth + 1 : 1;
    if (gs.depth > max_group_depth) {
      structure(group, tag(group) + " is nested in too many groups; it is not read");
      return;
    }
    bool have_main = false, first = true;
    const std::string main_tag = "<" + std::string(main) + ">";
    elements(group, [&](pugi::xml_node child, const Name& name) {
      if (is_main(name, main, have_main)) {
        const std::string dct = name.tbx ? std::string() : " (" + tag(child) + ")";
        if (have_main) {
          structure(child, "only one " + main_tag + " is allowed in a " + tag(group) + dct);
        } else if (!first) {
          structure(child, main_tag + dct + " must come first in " + tag(group));
        }
        have_main = true;
      }
      read_info(child, name, level, term, &gs);
      first = false;
    });
    if (!have_main) {
      structure(group, tag(group) + " has no " + main_tag +
                           (dct_ ? " (nor, in DCT style, the element of a " + std::string(main) +
                                       " data category)"
                                 : std::string()));
    }
  }

  /// Whether TBX-Min has this data category (element: the DCA element, or
  /// empty for a DCT element).
  static bool in_tbx_min(sv element, sv category) {
    if (element == "ref" || element == "xref" || element == "transac" || element == "transacNote" ||
        element == "adminNote" || element == "descripNote" || element == "date")
      return false;
    if (category == "subjectField") return element.empty() || element == "descrip";
    if (category == "customerSubset") return element.empty() || element == "admin";
    if (category == "partOfSpeech" || category == "usageStatus" ||
        category == "administrativeStatus")
      return element.empty() || element == "termNote";
    return false;
  }

  /// The model's element for a DCA element name (descrip, termNote ...).
  static std::optional<CategoryElement> element_named(sv name) {
    static constexpr std::pair<sv, CategoryElement> names[] = {
        {"descrip", CategoryElement::descrip},
        {"descripNote", CategoryElement::descrip_note},
        {"admin", CategoryElement::admin},
        {"adminNote", CategoryElement::admin_note},
        {"termNote", CategoryElement::term_note},
        {"note", CategoryElement::note},
        {"ref", CategoryElement::ref},
        {"xref", CategoryElement::xref},
        {"transac", CategoryElement::transac},
        {"transacNote", CategoryElement::transac_note},
        {"date", CategoryElement::date},
    };
    for (const auto& n : names) {
      if (n.first == name) return n.second;
    }
    return std::nullopt;
  }

  /// The element a DCT element of a category the table does not know
  /// stands for: a group's note element when it is a detail (descripNote,
  /// adminNote, transacNote), else termNote in a term section, descrip
  /// elsewhere.
  static CategoryElement unknown_dct_element(Level level, const GroupState* group) {
    if (group && group->have_head) {
      if (group->main == "descrip") return CategoryElement::descrip_note;
      if (group->main == "admin") return CategoryElement::admin_note;
      if (group->main == "transac") return CategoryElement::transac_note;
    }
    return level == Level::term ? CategoryElement::term_note : CategoryElement::descrip;
  }

  /// Whether the reader knows the data category `category` (carried by the
  /// DCA element `element`, empty in DCT); an unknown one is reported once
  /// per name and file (unknown-data-category, a note).
  bool known_category(pugi::xml_node el, sv element, sv category) {
    if (category.empty() || !tbx_picklist::dca_element(category).empty()) return true;
    if (std::find(unknown_reported_.begin(), unknown_reported_.end(), category) ==
        unknown_reported_.end()) {
      unknown_reported_.emplace_back(category);
      builder_.report(
          rules::unknown_data_category, offset(el),
          "data category '" + std::string(category) + "'" +
              (element.empty() ? " (" + tag(el) + ")" : " (<" + std::string(element) + ">)") +
              " is not one termgraph knows; it is kept as written");
    }
    return false;
  }

  /// The byte offset just past the end of `el` (its end tag, or its empty
  /// tag), from the scan of the raw file made at the start.
  std::size_t end_of(pugi::xml_node el) const {
    const std::size_t at = offset(el);
    const std::size_t begin = at == 0 ? 0 : source_.raw().rfind('<', at);
    auto it = std::lower_bound(
        element_ends_.begin(), element_ends_.end(), begin,
        [](const std::pair<std::size_t, std::size_t>& e, std::size_t b) { return e.first < b; });
    if (it != element_ends_.end() && it->first == begin) return it->second;
    return at;
  }

  /// Records the data category `el` at `level` (in `group`, if any) and
  /// returns where it went.
  CategoryRef add_category(pugi::xml_node el, CategoryElement element, sv type, bool known,
                           Level level, TermState* term, GroupState* group) {
    CategoryRef ref{level, Builder::no_handle};
    const bool head = group && !group->have_head;
    pugi::xml_node span = head ? group->element : el;
    std::size_t begin = offset(span), end = end_of(span);
    TextBuilder text;
    flatten(el, text, false);
    text.finish();
    sv target = xml::attribute(el, "target");
    // The category this one is a detail of: its group's head, or for a
    // group's head, the head of the group it is nested in.
    const GroupState* parent_group = head ? group->outer : group;
    std::optional<CategoryRef> parent;
    if (parent_group && parent_group->have_head) parent = parent_group->head;
    if (level == Level::term) {
      if (term == nullptr) return ref;
      TermCategory c{begin,
                     end,
                     element,
                     type,
                     std::string(text.text()),
                     target,
                     head,
                     known,
                     parent ? parent->index : Builder::no_handle,
                     Builder::no_handle};
      term->categories.push_back(std::move(c));
      ref.index = static_cast<std::uint32_t>(term->categories.size() - 1);
    } else {
      ref.index = builder_.add_category(
          level == Level::entry ? CategoryLevel::entry : CategoryLevel::language, begin, end,
          element, type, text.text(), target, head, known,
          parent ? parent->index : Builder::no_handle);
    }
    if (head) {
      group->have_head = true;
      group->head = ref;
    }
    return ref;
  }

  /// One data category: `element` is the DCA element that carries it
  /// (empty in DCT), `category` its name (empty for note and date).
  void data_category(pugi::xml_node el, sv element, sv category, Level level, TermState* term,
                     GroupState* group) {
    if (!martif_ && dialect_ == Dialect::min && !element.empty() && element != "note" &&
        !in_tbx_min(element, category)) {
      if (element == "ref" || element == "xref" || element == "transac" ||
          element == "transacNote" || element == "adminNote" || element == "descripNote" ||
          element == "date") {
        structure(el, "element " + tag(el) + " is not allowed in TBX-Min");
      } else {
        structure(el, "data category '" + std::string(category) + "' (<" + std::string(element) +
                          ">) is not part of TBX-Min");
      }
    } else if (!martif_ && dialect_ == Dialect::min && element.empty() &&
               !in_tbx_min(element, category)) {
      structure(el, "data category '" + std::string(category) + "' is not part of TBX-Min");
    }
    // A category written in another case ("Definition", as termbase tools
    // export their fields) is read as the one it names; its type is kept as
    // written.
    const sv canonical = tbx_picklist::category_name(category);
    const sv name = canonical.empty() ? category : canonical;
    const bool known = known_category(el, element, name);
    std::optional<CategoryElement> carrier =
        element_named(element.empty() ? tbx_picklist::dca_element(name) : element);
    const CategoryRef ref = add_category(el, carrier ? *carrier : unknown_dct_element(level, group),
                                         category, known, level, term, group);
    read_category_content(el, element, name, level, term, ref);
  }

  /// What the model reads from a data category besides the category itself:
  /// a block (definition, context, source, note), a cross-reference's link
  /// (a note whose text is one link: crossReference, ref, xref), a term's
  /// status, kind or part of speech. Cross-references are read here only.
  void read_category_content(pugi::xml_node el, sv element, sv category, Level level,
                             TermState* term, CategoryRef ref) {
    if (element == "note") {
      read_block(el, BlockKind::note, level, ref, term);
    } else if (category == "definition") {
      read_block(el, BlockKind::definition, level, ref, term);
    } else if (category == "context" || category == "example") {
      read_block(el, BlockKind::example, level, ref, term);
    } else if (category == "source") {
      read_block(el, BlockKind::source, level, ref, term);
    } else if (tbx_links::links_entries(element, category, xml::attribute(el, "target"))) {
      read_link_block(el, false, level, ref, term);
    } else if (category == "externalCrossReference" || category == "xGraphic" ||
               element == "xref") {
      read_link_block(el, true, level, ref, term);
    } else if (term == nullptr) {
      // Status, term type and part of speech outside a term section are
      // kept as categories only (the structure finding names the place).
    } else if (category == "administrativeStatus" || category == "normativeAuthorization" ||
               category == "usageStatus") {
      set_status(el, category, *term);
    } else if (category == "partOfSpeech") {
      term->part_of_speech = trim(el.child_value());
    } else if (category == "termType") {
      term->kind = tbx_picklist::term_kind(trim(el.child_value()));
      term->kind_stated = true;
    }
  }

  void set_status(pugi::xml_node el, sv category, TermState& term) {
    sv value = trim(el.child_value());
    // TBX-Min's usageStatus has a picklist of its own.
    bool usage = category == "usageStatus";
    std::optional<Status> status =
        usage ? tbx_picklist::usage_status(value) : tbx_picklist::administrative_status(value);
    if (status) {
      term.status = to_read_status(status);
      return;
    }
    builder_.report(rules::invalid_value, offset(el),
                    "'" + std::string(value) + "' is not a value of " + std::string(category) +
                        " (" +
                        std::string(usage ? tbx_picklist::usage_status_values()
                                          : tbx_picklist::administrative_status_values()) +
                        "); the term's status is left unspecified");
  }

  /// Adds a block linked to category `ref`, or keeps it for the entry's
  /// language section when it is read at entry level.
  void add_block(std::size_t offset, BlockKind kind, std::unique_ptr<TextBuilder> text, Level level,
                 CategoryRef ref, TermState* term) {
    if (level == Level::entry) {
      entry_blocks_.push_back({offset, kind, std::move(text), ref.index});
      return;
    }
    text->finish();
    std::uint32_t block = builder_.add_block(offset, kind, *text);
    if (ref.index == Builder::no_handle || block == Builder::no_handle) return;
    if (level == Level::term) {
      if (term && ref.index < term->categories.size()) term->categories[ref.index].block = block;
    } else {
      builder_.set_category_block(ref.index, block);
    }
  }

  void read_block(pugi::xml_node el, BlockKind kind, Level level, CategoryRef ref,
                  TermState* term) {
    auto text = std::make_unique<TextBuilder>();
    text->keep_markup();                     // <hi type="italics"> ...
    text->read_inline_links(source_.raw());  // MultiTerm's <A=id>...</A>
    flatten(el, *text, true);
    add_block(offset(el), kind, std::move(text), level, ref, term);
  }

  /// A link standing alone: between entries (tbx_links::links_entries: ref,
  /// DCT crossReference, a concept relation with a target ...), a block of
  /// kind cross_reference; to an outside place (xref: externalCrossReference,
  /// xGraphic ...), a note. Its text is the element's text, all of it one
  /// markup link to @target (an entry or term id, an entry number, or for
  /// an outside place its address).
  void read_link_block(pugi::xml_node el, bool external, Level level, CategoryRef ref,
                       TermState* term) {
    auto text = std::make_unique<TextBuilder>();
    std::size_t link = text->open_link();
    flatten(el, *text, true);
    close_link(*text, link, el, external);
    add_block(offset(el), external ? BlockKind::note : BlockKind::cross_reference, std::move(text),
              level, ref, term);
  }

  void close_link(TextBuilder& text, std::size_t index, pugi::xml_node el, bool external) const {
    sv target = xml::attribute(el, "target");
    if (target.empty()) {
      text.close_link(index, {}, {}, external);
    } else if (external) {
      text.close_link(index, std::string(target), {}, true);
    } else if (is_entry_number(target)) {
      text.close_link(index, {}, std::string(target), false);
    } else {
      text.close_link(index, std::string(target), {}, false);
    }
  }

  /// Appends the text of `element`'s subtree (scope entered by the caller)
  /// to `text`. With `links`, an inline ref (or entailedTerm, or hi of type
  /// entailedTerm) with a target becomes a markup link to an entry, an
  /// inline xref an external link;
  /// other inline markup (hi, foreign, ph, sc, ec) keeps its text.
  void flatten(pugi::xml_node element, TextBuilder& text, bool links) {
    struct OpenLink {
      pugi::xml_node node;
      std::size_t index;
      bool external;
    };
    std::vector<OpenLink> open;
    std::vector<pugi::xml_node> styled;  // hi elements open in the markup view
    Reader::flatten(
        element, text,
        [&](pugi::xml_node n) {
          Name name = name_of(n);
          // Highlighting the model's markup view has a name for (for the
          // writers; the text stays flat).
          if (name.is("hi")) {
            if (sv view = markup_name(xml::attribute(n, "type")); !view.empty()) {
              text.open_markup(view);
              styled.push_back(n);
            }
          }
          // TBX 2008 writes a link in running text as <hi type="entailedTerm"
          // target="...">: its DTD has no inline ref.
          bool entailed_hi = name.is("hi") && xml::attribute(n, "type") == "entailedTerm" &&
                             !xml::attribute(n, "target").empty();
          if (links &&
              (name.is("ref") || name.is("entailedTerm") || name.is("xref") || entailed_hi)) {
            open.push_back({n, text.open_link(), name.is("xref")});
          }
        },
        [&](pugi::xml_node n) {
          if (!open.empty() && open.back().node == n) {
            close_link(text, open.back().index, n, open.back().external);
            open.pop_back();
          }
          if (!styled.empty() && styled.back() == n) {
            text.close_markup(markup_name(xml::attribute(n, "type")));
            styled.pop_back();
          }
        });
  }

  /// The markup-view element for a TBX `hi` type: italics, bold, subscript,
  /// superscript; empty for the others (their text is kept, flat).
  static sv markup_name(sv hi_type) {
    if (hi_type == "italics") return "italic";
    if (hi_type == "bold") return "bold";
    if (hi_type == "subscript") return "sub";
    if (hi_type == "superscript") return "sup";
    return {};
  }

  const pugi::xml_document& doc_;
  sv document_path_;
  sv root_ns_;
  bool martif_ = false;
  bool dct_ = false;  // TBX v3 in DCT style
  Dialect dialect_ = Dialect::other;
  std::string doc_language_;
  std::size_t entries_ = 0;
  std::vector<EntryBlock> entry_blocks_;
  Vocabulary::Impl::TbxParts parts_;
  /// Where each element of the file starts ('<') and ends (just past its
  /// end tag), sorted by start: Markup scan of the raw file.
  std::vector<std::pair<std::size_t, std::size_t>> element_ends_;
  /// The unknown data categories reported in this file.
  std::vector<std::string> unknown_reported_;
  // The XCS a martif header names, and the languages it declares.
  std::string xcs_name_;
  pugi::xml_node xcs_node_;
  bool have_xcs_ = false;
  std::vector<std::string> xcs_languages_;
};

}  // namespace

void read_tbx(const pugi::xml_document& doc, Builder& builder, std::string_view document_path,
              ChunkedDocument* chunks) {
  TbxReader(doc, builder, document_path, chunks).run();
}

}  // namespace termgraph
