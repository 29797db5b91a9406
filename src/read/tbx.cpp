// The TBX readers: TBX v3 (ISO 30042:2019, root `tbx`, DCA and DCT styles,
// TBX-Core, TBX-Min, TBX-Basic) and TBX 2008 (root `martif`).
//
// Both share one shape: an entry element (conceptEntry / termEntry) holds
// information elements and language sections (langSec / langSet); a
// language section holds information elements and term sections (termSec /
// tig / ntig), each with exactly one term first. The structural elements are
// those in the namespace of the root element (urn:iso:std:iso:30042:ed-2 for
// TBX v3, no namespace for martif); an element in any other namespace is a
// DCT data category, named by its local name (`<basic:definition>`,
// `<min:partOfSpeech>`), so the prefix a file chooses does not matter. In the
// DCA style a data category is the `type` of a descrip, admin, termNote,
// ref or xref element. Both end in one dispatch on the data category name.
//
// docs/formats-tbx.md lists what each element becomes and what is reported.
//
// Everything is iterative: the entry / language / term levels are fixed
// loops, and the text of a block is flattened by a walk over pugixml's
// parent and sibling links, so no input can make the reader recurse.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "read/readers.hpp"
#include "read/text_builder.hpp"
#include "read/xml_scope.hpp"
#include "termgraph/rules.hpp"

namespace termgraph {

namespace {

using sv = std::string_view;

sv trim(sv s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_number(sv s) {
  std::string normalized;
  return !s.empty() && normalize_number(s, normalized);
}

bool is_text(pugi::xml_node n) {
  return n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata;
}

bool equal_ignoring_case(sv a, sv b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

/// Whether a language tag is declared: the tag itself or its primary subtag
/// (`en-GB` is declared by `en`), compared without case.
bool language_declared(sv tag, const std::vector<std::string>& declared) {
  sv primary = tag.substr(0, tag.find('-'));
  for (const std::string& d : declared) {
    if (equal_ignoring_case(tag, d) || equal_ignoring_case(primary, d)) return true;
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

/// The designation of one term section while it is read.
struct TermState {
  pugi::xml_node term;
  TextBuilder text;
  ReadStatus status = ReadStatus::unspecified;
  TermKind kind = TermKind::full_form;
  sv part_of_speech;
};

/// A block read at entry level, kept until the language section it goes to.
struct EntryBlock {
  std::size_t offset;
  BlockKind kind;
  std::unique_ptr<TextBuilder> text;
};

class TbxReader {
public:
  TbxReader(const pugi::xml_document& doc, Builder& builder, sv document_path)
      : doc_(doc), builder_(builder), raw_(builder.raw()), document_path_(document_path) {}

  void run() {
    pugi::xml_node root = doc_.document_element();
    if (!root) return;
    scope_.enter(root);
    root_ns_ = scope_.uri_of(root.name());
    martif_ = local_name(root.name()) == "martif";
    doc_language_ = std::string(scope_.language());
    if (doc_language_.empty()) {
      if (!martif_) structure(root, "<tbx> has no xml:lang (the document's language)");
      doc_language_ = "en";
    }
    sv type = trim(root.attribute("type").value());
    if (type == "TBX-Core") {
      dialect_ = Dialect::core;
    } else if (type == "TBX-Min") {
      dialect_ = Dialect::min;
    } else if (type == "TBX-Basic") {
      dialect_ = Dialect::basic;
    }
    if (!martif_) {
      sv style = trim(root.attribute("style").value());
      if (style != "dca" && style != "dct") {
        structure(root, "<tbx> needs style=\"dca\" or style=\"dct\"");
      }
    }

    const sv header_name = martif_ ? "martifHeader" : "tbxHeader";
    bool header = false, text = false;
    for (pugi::xml_node child : root.children()) {
      if (child.type() != pugi::node_element) {
        stray_text(child, root);
        continue;
      }
      scope_.enter(child);
      Name name = name_of(child);
      if (name.is(header_name) && !header && !text) {
        header = true;
        read_header(child);
      } else if (name.is("text") && !text) {
        text = true;
        read_text(child);
      } else {
        structure(child, "element <" + std::string(child.name()) + "> is not allowed in <" +
                             std::string(root.name()) + ">");
      }
      scope_.leave();
    }
    if (!header) structure(root, "<" + std::string(header_name) + "> is missing");
    if (!text) structure(root, "<text> is missing");
    scope_.leave();
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

  static std::size_t offset_of(pugi::xml_node node) {
    for (; node; node = node.parent()) {
      std::ptrdiff_t o = node.offset_debug();
      if (o >= 0) return static_cast<std::size_t>(o);
    }
    return 0;
  }

  /// The offset of the first non-blank character of a text node.
  std::size_t text_offset(pugi::xml_node text) const {
    std::size_t at = offset_of(text);
    while (at < raw_.size() &&
           (raw_[at] == ' ' || raw_[at] == '\t' || raw_[at] == '\n' || raw_[at] == '\r'))
      ++at;
    return at;
  }

  void structure(pugi::xml_node node, std::string message) {
    builder_.report(rules::tbx_structure, is_text(node) ? text_offset(node) : offset_of(node),
                    std::move(message));
  }

  void unsupported(pugi::xml_node node, std::string message) {
    builder_.report(rules::unsupported_content, offset_of(node), std::move(message));
  }

  /// Non-blank text where only elements are allowed.
  void stray_text(pugi::xml_node node, pugi::xml_node parent) {
    if (is_text(node) && !trim(node.value()).empty()) {
      structure(node, "text directly in <" + std::string(parent.name()) +
                          "> is not allowed; it is not read");
    }
  }

  // -- header ----------------------------------------------------------------

  /// The header describes the file, not concepts: it is not part of the
  /// model. It is checked (text only inside <p> or <title>) and, in a martif
  /// document, searched for the XCS that declares the allowed languages.
  void read_header(pugi::xml_node header) {
    walk_subtree(
        header,
        [&](pugi::xml_node n) {
          if (is_text(n)) {
            pugi::xml_node parent = n.parent();
            sv p = local_name(parent.name());
            if (p != "p" && p != "title" && !trim(n.value()).empty()) {
              structure(n, "text in <" + std::string(parent.name()) + "> must be inside a <p>");
            }
            return false;
          }
          if (n.type() != pugi::node_element) return false;
          if (martif_ && local_name(n.name()) == "p" &&
              trim(n.attribute("type").value()) == "XCSURI") {
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
    for (pugi::xml_node child : text.children()) {
      if (child.type() != pugi::node_element) {
        stray_text(child, text);
        continue;
      }
      scope_.enter(child);
      Name name = name_of(child);
      if (name.is("body")) {
        read_body(child);
      } else if (name.is("back")) {
        if (child.first_child()) {
          unsupported(child, "back matter (<back>) is not covered by the model; not read");
        }
      } else {
        structure(child, "element <" + std::string(child.name()) +
                             "> is not allowed in <text>; its content is not read");
      }
      scope_.leave();
    }
  }

  void read_body(pugi::xml_node body) {
    const sv entry_name = martif_ ? "termEntry" : "conceptEntry";
    for (pugi::xml_node child : body.children()) {
      if (child.type() != pugi::node_element) {
        stray_text(child, body);
        continue;
      }
      scope_.enter(child);
      Name name = name_of(child);
      if (name.is(entry_name)) {
        read_entry(child);
      } else {
        structure(child, "element <" + std::string(child.name()) +
                             "> is not allowed in <body>; its content is not read");
      }
      scope_.leave();
    }
  }

  // -- entries ---------------------------------------------------------------

  /// A conceptEntry or termEntry (scope entered by the caller). Its number
  /// is the number its id carries (`term_3.30`), else the id itself as a
  /// fallback (numbered = false).
  void read_entry(pugi::xml_node entry) {
    ++entries_;
    sv id = trim(entry.attribute("id").value());
    if (id.empty() && !martif_) structure(entry, "<conceptEntry> has no id");
    sv number = is_number(id) ? id : number_in_id(id);
    bool numbered = !number.empty();
    std::string fallback;
    if (!numbered) {
      if (id.empty()) {
        fallback = "entry-" + std::to_string(entries_);
        number = fallback;
      } else {
        number = id;
      }
    }
    builder_.begin_entry(offset_of(entry), number, numbered);
    builder_.add_entry_id(id);

    const sv language_name = martif_ ? "langSet" : "langSec";
    entry_blocks_.clear();
    std::vector<pugi::xml_node> sections;
    for (pugi::xml_node child : entry.children()) {
      if (child.type() != pugi::node_element) {
        stray_text(child, entry);
        continue;
      }
      scope_.enter(child);
      Name name = name_of(child);
      if (name.is(language_name)) {
        sections.push_back(child);
      } else {
        if (!sections.empty()) {
          structure(child, "element <" + std::string(child.name()) + "> must come before the <" +
                               std::string(language_name) + "> elements of its <" +
                               std::string(entry.name()) + ">");
        }
        read_info(child, name, Level::entry, nullptr);
      }
      scope_.leave();
    }
    if (sections.empty()) {
      structure(entry,
                "<" + std::string(entry.name()) + "> has no <" + std::string(language_name) + ">");
      if (!entry_blocks_.empty()) {
        builder_.begin_section(offset_of(entry), doc_language_);
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
      scope_.enter(s);
      bool match = equal_ignoring_case(language_of(s), doc_language_);
      scope_.leave();
      if (match) {
        target = s;
        break;
      }
    }
    for (pugi::xml_node s : sections) {
      // Scopes of the entry's children are entered one at a time.
      scope_.enter(s);
      read_language(s, s == target);
      scope_.leave();
    }
    builder_.end_entry();
  }

  sv language_of(pugi::xml_node section) const {
    sv own = trim(section.attribute("xml:lang").value());
    return own.empty() ? sv(doc_language_) : own;
  }

  void flush_entry_blocks() {
    for (EntryBlock& b : entry_blocks_) {
      b.text->finish();
      builder_.add_block(b.offset, b.kind, *b.text);
    }
    entry_blocks_.clear();
  }

  /// A langSec or langSet (scope entered by the caller).
  void read_language(pugi::xml_node section, bool take_entry_blocks) {
    sv language = trim(section.attribute("xml:lang").value());
    if (language.empty()) {
      structure(section, "<" + std::string(section.name()) + "> has no xml:lang");
      language = doc_language_;
    } else if (have_xcs_ && !language_declared(language, xcs_languages_)) {
      builder_.report(rules::invalid_value, offset_of(section),
                      "language '" + std::string(language) + "' is not declared by the XCS '" +
                          xcs_name_ + "'");
    }
    builder_.begin_section(offset_of(section), language);
    if (take_entry_blocks) flush_entry_blocks();
    bool have_term = false;
    for (pugi::xml_node child : section.children()) {
      if (child.type() != pugi::node_element) {
        stray_text(child, section);
        continue;
      }
      scope_.enter(child);
      Name name = name_of(child);
      bool term_section = martif_ ? (name.is("tig") || name.is("ntig")) : name.is("termSec");
      if (term_section) {
        have_term = true;
        read_term_section(child, name);
      } else {
        if (have_term) {
          structure(child, "element <" + std::string(child.name()) +
                               "> must come before the term sections of its <" +
                               std::string(section.name()) + ">");
        }
        read_info(child, name, Level::language, nullptr);
      }
      scope_.leave();
    }
    if (!have_term) {
      structure(section, "<" + std::string(section.name()) + "> has no " +
                             (martif_ ? "<tig> or <ntig>" : "<termSec>"));
    }
    builder_.end_section();
  }

  /// A termSec, tig or ntig (scope entered by the caller): one designation.
  void read_term_section(pugi::xml_node section, const Name& section_name) {
    TermState st;
    bool first = true;
    auto take_term = [&](pugi::xml_node child, bool must_be_first) {
      if (st.term) {
        structure(child, "only one <term> is allowed in a <" + std::string(section.name()) +
                             ">; this one is not read");
        return;
      }
      if (must_be_first && !first) {
        structure(child, "<term> must come first in <" + std::string(section.name()) + ">");
      }
      st.term = child;
      flatten(child, st.text, false);
    };
    for (pugi::xml_node child : section.children()) {
      if (child.type() != pugi::node_element) {
        stray_text(child, section);
        continue;
      }
      scope_.enter(child);
      Name name = name_of(child);
      if (name.is("term")) {
        take_term(child, true);
      } else if (section_name.is("ntig") && name.is("termGrp")) {
        if (!first) structure(child, "<termGrp> must come first in <ntig>");
        bool inner_first = true;
        for (pugi::xml_node inner : child.children()) {
          if (inner.type() != pugi::node_element) {
            stray_text(inner, child);
            continue;
          }
          scope_.enter(inner);
          Name inner_name = name_of(inner);
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
          scope_.leave();
        }
      } else {
        read_info(child, name, Level::term, &st);
      }
      first = false;
      scope_.leave();
    }
    st.text.finish();
    if (!st.term) {
      structure(section, "<" + std::string(section.name()) + "> has no <term>");
      return;
    }
    if (st.text.text().empty()) {
      unsupported(st.term, "term without text is not read");
      return;
    }
    builder_.add_designation(st.text.raw_offset(raw_, 0), st.text.text(), st.status, st.kind,
                             st.part_of_speech);
  }

  // -- information elements and data categories -------------------------------

  /// One element inside an entry, language or term section (scope entered
  /// by the caller), other than the sections themselves.
  void read_info(pugi::xml_node el, const Name& name, Level level, TermState* term) {
    if (!name.tbx) {
      // DCT: the element's local name is the data category.
      data_category(el, {}, name.local, level, term);
      return;
    }
    sv local = name.local;
    if (local == "note") {
      read_block(el, BlockKind::note, level);
      return;
    }
    if (local == "descripGrp" || local == "adminGrp" || local == "termNoteGrp") {
      read_group(el, local.substr(0, local.size() - 3), level, term);
      return;
    }
    if (local == "transacGrp") {
      unsupported(el, "transaction data (<transacGrp>) is not covered by the model; not read");
      return;
    }
    if (local == "descrip" || local == "admin" || local == "termNote" || local == "ref" ||
        local == "xref" || local == "transac" || local == "transacNote" || local == "adminNote" ||
        local == "descripNote") {
      if (local == "termNote" && level != Level::term) {
        structure(el, "<termNote> is only allowed in a term section");
      }
      sv type = trim(el.attribute("type").value());
      if (type.empty()) {
        if (local == "xref" || local == "ref") {
          structure(el, "<" + std::string(el.name()) + "> must have a type attribute");
          data_category(el, local, local, level, term);
        } else {
          structure(el,
                    "<" + std::string(el.name()) + "> must have a type attribute; it is not read");
        }
        return;
      }
      data_category(el, local, type, level, term);
      return;
    }
    if (local == "term") {
      structure(el, "<term> is only allowed in a term section; it is not read");
      return;
    }
    structure(el, "element <" + std::string(el.name()) + "> is not allowed in <" +
                      std::string(el.parent().name()) + ">; its content is not read");
  }

  /// A descripGrp, adminGrp or termNoteGrp: exactly one `main` element
  /// first, then notes, sources, cross-references, transactions.
  void read_group(pugi::xml_node group, sv main, Level level, TermState* term) {
    bool have_main = false, first = true;
    for (pugi::xml_node child : group.children()) {
      if (child.type() != pugi::node_element) {
        stray_text(child, group);
        continue;
      }
      scope_.enter(child);
      Name name = name_of(child);
      if (name.is(main)) {
        if (have_main) {
          structure(child, "only one <" + std::string(main) + "> is allowed in a <" +
                               std::string(group.name()) + ">");
        } else if (!first) {
          structure(child, "<" + std::string(main) + "> must come first in <" +
                               std::string(group.name()) + ">");
        }
        have_main = true;
      }
      read_info(child, name, level, term);
      first = false;
      scope_.leave();
    }
    if (!have_main) {
      structure(group, "<" + std::string(group.name()) + "> has no <" + std::string(main) + ">");
    }
  }

  /// Whether TBX-Min has this data category (element: the DCA element, or
  /// empty for a DCT element).
  static bool in_tbx_min(sv element, sv category) {
    if (element == "ref" || element == "xref" || element == "transac" || element == "transacNote" ||
        element == "adminNote" || element == "descripNote")
      return false;
    if (category == "subjectField") return element.empty() || element == "descrip";
    if (category == "customerSubset") return element.empty() || element == "admin";
    if (category == "partOfSpeech" || category == "usageStatus" ||
        category == "administrativeStatus")
      return element.empty() || element == "termNote";
    return false;
  }

  /// One data category: `element` is the DCA element that carries it as its
  /// type (empty in DCT), `category` its name.
  void data_category(pugi::xml_node el, sv element, sv category, Level level, TermState* term) {
    if (!martif_ && dialect_ == Dialect::min && !in_tbx_min(element, category)) {
      if (element == "ref" || element == "xref" || element == "transac" ||
          element == "transacNote" || element == "adminNote" || element == "descripNote") {
        structure(el, "element <" + std::string(el.name()) + "> is not allowed in TBX-Min");
      } else {
        structure(el, "data category '" + std::string(category) + "'" +
                          (element.empty() ? std::string() : " (<" + std::string(element) + ">)") +
                          " is not part of TBX-Min");
      }
    }
    if (category == "definition") {
      read_block(el, BlockKind::definition, level);
    } else if (category == "context" || category == "example") {
      read_block(el, BlockKind::example, level);
    } else if (category == "source") {
      read_block(el, BlockKind::source, level);
    } else if (category == "crossReference" || element == "ref") {
      read_link_block(el, false, level);
    } else if (category == "externalCrossReference" || category == "xGraphic" ||
               element == "xref") {
      read_link_block(el, true, level);
    } else if (category == "administrativeStatus" || category == "normativeAuthorization" ||
               category == "usageStatus") {
      if (term == nullptr) {
        unsupported(el,
                    "status '" + std::string(category) + "' outside a term section is not read");
      } else {
        set_status(el, category, *term);
      }
    } else if (category == "partOfSpeech" || category == "termType") {
      if (term == nullptr) {
        unsupported(el, "'" + std::string(category) + "' outside a term section is not read");
      } else if (category == "partOfSpeech") {
        term->part_of_speech = trim(el.child_value());
      } else {
        term->kind = kind_of(trim(el.child_value()));
      }
    } else {
      unsupported(el, "data category '" + std::string(category) + "'" +
                          (element.empty() ? std::string() : " (<" + std::string(element) + ">)") +
                          " is not covered by the model; not read");
    }
  }

  static TermKind kind_of(sv v) {
    if (v == "fullForm") return TermKind::full_form;
    if (v == "acronym" || v == "abbreviation" || v == "shortForm" || v == "initialism" ||
        v == "abbreviatedForm" || v == "clippedTerm")
      return TermKind::abbreviation;
    if (v == "symbol" || v == "formula" || v == "equation") return TermKind::symbol;
    return TermKind::other;
  }

  void set_status(pugi::xml_node el, sv category, TermState& term) {
    sv value = trim(el.child_value());
    bool known = true;
    if (category == "usageStatus") {
      // TBX-Min's picklist; "deprecated" is what the TBX-Min samples write.
      if (value == "preferred") {
        term.status = ReadStatus::preferred;
      } else if (value == "admitted") {
        term.status = ReadStatus::admitted;
      } else if (value == "notRecommended" || value == "obsolete" || value == "deprecated") {
        term.status = ReadStatus::deprecated;
      } else {
        known = false;
      }
    } else {
      sv v = value;
      constexpr sv suffix = "-admn-sts";
      if (v.size() > suffix.size() &&
          v.compare(v.size() - suffix.size(), suffix.size(), suffix) == 0)
        v.remove_suffix(suffix.size());
      if (v == "preferredTerm") {
        term.status = ReadStatus::preferred;
      } else if (v == "admittedTerm") {
        term.status = ReadStatus::admitted;
      } else if (v == "deprecatedTerm" || v == "supersededTerm") {
        term.status = ReadStatus::deprecated;
      } else {
        known = false;
      }
    }
    if (!known) {
      builder_.report(
          rules::invalid_value, offset_of(el),
          "'" + std::string(value) + "' is not a value of " + std::string(category) +
              (category == "usageStatus" ? " (preferred, admitted, notRecommended, obsolete)"
                                         : " (preferredTerm-admn-sts, admittedTerm-admn-sts, "
                                           "deprecatedTerm-admn-sts, supersededTerm-admn-sts)") +
              "; the term's status is left unspecified");
    }
  }

  /// Adds a block, or keeps it for the entry's language section when it is
  /// read at entry level.
  void add_block(std::size_t offset, BlockKind kind, std::unique_ptr<TextBuilder> text,
                 Level level) {
    if (level == Level::entry) {
      entry_blocks_.push_back({offset, kind, std::move(text)});
    } else {
      text->finish();
      builder_.add_block(offset, kind, *text);
    }
  }

  void read_block(pugi::xml_node el, BlockKind kind, Level level) {
    auto text = std::make_unique<TextBuilder>();
    flatten(el, *text, true);
    add_block(offset_of(el), kind, std::move(text), level);
  }

  /// A cross-reference standing alone (ref, xref, DCT crossReference): a
  /// note whose text is the element's text, all of it one markup link to
  /// @target (an entry id in this document, or for xref an external place).
  void read_link_block(pugi::xml_node el, bool external, Level level) {
    auto text = std::make_unique<TextBuilder>();
    std::size_t link = text->open_link();
    flatten(el, *text, true);
    close_link(*text, link, el, external);
    add_block(offset_of(el), BlockKind::note, std::move(text), level);
  }

  static void close_link(TextBuilder& text, std::size_t index, pugi::xml_node el, bool external) {
    sv target = trim(el.attribute("target").value());
    if (target.empty()) {
      text.close_link(index, {}, {}, external);
    } else if (external) {
      text.close_link(index, std::string(target), {}, true);
    } else if (is_number(target)) {
      text.close_link(index, {}, std::string(target), false);
    } else {
      text.close_link(index, std::string(target), {}, false);
    }
  }

  /// Appends the text of `element`'s subtree (scope entered by the caller)
  /// to `text`. With `links`, an inline ref (or entailedTerm) with a target
  /// becomes a markup link to an entry, an inline xref an external link;
  /// other inline markup (hi, foreign, ph, sc, ec) keeps its text.
  void flatten(pugi::xml_node element, TextBuilder& text, bool links) {
    struct OpenLink {
      pugi::xml_node node;
      std::size_t index;
      bool external;
    };
    std::vector<OpenLink> open;
    walk_subtree(
        element,
        [&](pugi::xml_node n) {
          switch (n.type()) {
            case pugi::node_pcdata:
              text.append(n.value(), offset_of(n));
              return false;
            case pugi::node_cdata:
              text.append(n.value(), offset_of(n), true);
              return false;
            case pugi::node_element:
              break;
            default:
              return false;
          }
          if (n == element) return true;
          scope_.enter(n);
          Name name = name_of(n);
          if (links && (name.is("ref") || name.is("entailedTerm") || name.is("xref"))) {
            open.push_back({n, text.open_link(), name.is("xref")});
          }
          return true;
        },
        [&](pugi::xml_node n) {
          if (n.type() != pugi::node_element || n == element) return;
          if (!open.empty() && open.back().node == n) {
            close_link(text, open.back().index, n, open.back().external);
            open.pop_back();
          }
          scope_.leave();
        });
  }

  const pugi::xml_document& doc_;
  Builder& builder_;
  sv raw_;
  sv document_path_;
  XmlScope scope_;
  sv root_ns_;
  bool martif_ = false;
  Dialect dialect_ = Dialect::other;
  std::string doc_language_;
  std::size_t entries_ = 0;
  std::vector<EntryBlock> entry_blocks_;
  // The XCS a martif header names, and the languages it declares.
  std::string xcs_name_;
  pugi::xml_node xcs_node_;
  bool have_xcs_ = false;
  std::vector<std::string> xcs_languages_;
};

}  // namespace

void read_tbx(const pugi::xml_document& doc, Builder& builder, std::string_view document_path) {
  TbxReader(doc, builder, document_path).run();
}

}  // namespace termgraph
