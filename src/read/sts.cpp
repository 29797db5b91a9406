// The NISO/ISO STS reader: every `term-sec` of a document (nested ones
// included, each its own entry, in document order) whose TBX `termEntry`
// gives the entry's language sections, designations and text blocks.
//
// STS files put the terms markup under the prefix `tbx`, but the prefix is
// only a name for a namespace: elements are recognised by namespace (any of
// the three URIs ISO and NISO STS files use), resolved through the xmlns
// declarations in scope. ISO STS files that rely on their DTD for the
// declaration (the DTD fixes xmlns:tbx) are read too: an undeclared `tbx`
// prefix stands for TBX.
//
// Everything is iterative: the document walk follows pugixml's parent and
// sibling links, so no input can make the reader recurse.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "read/readers.hpp"
#include "read/text_builder.hpp"
#include "read/xml_scope.hpp"
#include "termgraph/rules.hpp"

namespace termgraph {

namespace {

// The TBX namespaces of STS terms markup.
constexpr std::string_view tbx_namespaces[] = {
    "urn:iso:std:iso:30042:ed-1",
    "urn:iso:std:iso:30042:ed-1:v1:en",
    "urn:iso:std:iso:30042:ed-2",
};

bool is_tbx_namespace(std::string_view uri) {
  for (std::string_view ns : tbx_namespaces) {
    if (uri == ns) return true;
  }
  return false;
}

// STS (JATS-derived) elements that stand for a line or paragraph break when
// their text is flattened into one block: their content is kept apart from
// the text around it by a space.
constexpr std::string_view block_elements[] = {
    "p",
    "list",
    "list-item",
    "label",
    "break",
    "table-wrap",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "title",
    "def-list",
    "def-item",
    "def",
    "term",
    "disp-formula",
    "fn",
    "fn-group",
    "array",
    "preformat",
    "non-normative-note",
    "table-wrap-foot",
};

bool is_block_element(std::string_view local) {
  for (std::string_view name : block_elements) {
    if (local == name) return true;
  }
  return false;
}

/// Trims XML white space and the Unicode spaces labels are padded with
/// (no-break, thin, figure, narrow no-break, ideographic spaces, BOM).
std::string_view trim(std::string_view s) {
  auto space_at_front = [](std::string_view t) -> std::size_t {
    if (t.empty()) return 0;
    unsigned char c = static_cast<unsigned char>(t[0]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
    if (t.size() >= 2 && c == 0xC2 && static_cast<unsigned char>(t[1]) == 0xA0) return 2;
    if (t.size() >= 3 && c == 0xE2 && static_cast<unsigned char>(t[1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(t[2]);
      if ((d >= 0x80 && d <= 0x8B) || d == 0xAF) return 3;  // U+2000-U+200B, U+202F
    }
    if (t.size() >= 3 && c == 0xE3 && t[1] == '\x80' && t[2] == '\x80') return 3;  // U+3000
    if (t.size() >= 3 && c == 0xEF && t[1] == '\xBB' && t[2] == '\xBF') return 3;  // U+FEFF
    return 0;
  };
  auto space_at_back = [](std::string_view t) -> std::size_t {
    if (t.empty()) return 0;
    unsigned char c = static_cast<unsigned char>(t.back());
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
    std::size_t n = t.size();
    if (n >= 2 && c == 0xA0 && static_cast<unsigned char>(t[n - 2]) == 0xC2) return 2;
    if (n >= 3) {
      std::string_view tail = t.substr(n - 3);
      unsigned char a = static_cast<unsigned char>(tail[0]);
      unsigned char b = static_cast<unsigned char>(tail[1]);
      if (a == 0xE2 && b == 0x80 && ((c >= 0x80 && c <= 0x8B) || c == 0xAF)) return 3;
      if (tail == "\xE3\x80\x80" || tail == "\xEF\xBB\xBF") return 3;
    }
    return 0;
  };
  for (std::size_t n; (n = space_at_front(s)) != 0;) s.remove_prefix(n);
  for (std::size_t n; (n = space_at_back(s)) != 0;) s.remove_suffix(n);
  return s;
}

bool is_number(std::string_view s) {
  std::string normalized;
  return !s.empty() && normalize_number(s, normalized);
}

/// True when element name `qname` is in a TBX namespace in `scope`.
bool is_tbx(const XmlScope& scope, std::string_view qname) {
  // ISO STS files declare xmlns:tbx in their DTD, not in the document.
  if (!scope.declared(qname)) return prefix_of(qname) == "tbx";
  return is_tbx_namespace(scope.uri_of(qname));
}

/// What an element is, once its namespace is known.
struct Name {
  bool tbx = false;
  std::string_view local;

  bool is_tbx(std::string_view l) const { return tbx && local == l; }
  bool is_sts(std::string_view l) const { return !tbx && local == l; }
};

bool is_blank(std::string_view s) {
  return trim(s).empty();
}

class StsReader {
public:
  StsReader(const pugi::xml_document& doc, Builder& builder)
      : doc_(doc), builder_(builder), raw_(builder.raw()) {}

  void run() {
    pugi::xml_node root = doc_.document_element();
    if (!root) return;
    default_language_ = content_language(root);
    if (default_language_.empty()) default_language_ = "en";

    walk_subtree(
        root,
        [&](pugi::xml_node node) {
          if (node.type() != pugi::node_element) return false;
          scope_.enter(node);
          Name name = name_of(node);
          if (name.is_sts("term-sec")) {
            ++term_secs_;
            read_term_sec(node);
            return true;  // nested term-secs are entries of their own
          }
          if (name.is_tbx("termEntry") && local_name(node.parent().name()) != "term-sec") {
            // A termEntry outside any term-sec: still an entry, numbered
            // from its id. (Those in a term-sec were read with it.)
            ++term_secs_;
            begin_entry(pugi::xml_node(), pugi::xml_node(), node);
            read_entry(node);
            builder_.end_entry();
            return false;
          }
          // Other TBX markup outside a term-sec is not terminology content.
          return !name.tbx;
        },
        [&](pugi::xml_node node) {
          if (node.type() == pugi::node_element) scope_.leave();
        });
  }

private:
  Name name_of(pugi::xml_node element) const {
    std::string_view qname = element.name();
    return {is_tbx(scope_, qname), local_name(qname)};
  }

  /// Byte offset of a node in the raw file (the document is parsed in place
  /// from a copy of it): an element's name (the Builder turns it into the
  /// position of its '<'), the first character of text.
  static std::size_t offset_of(pugi::xml_node node) {
    // A node without an offset (never expected) takes its nearest
    // ancestor's.
    for (; node; node = node.parent()) {
      std::ptrdiff_t o = node.offset_debug();
      if (o >= 0) return static_cast<std::size_t>(o);
    }
    return 0;
  }

  void unsupported(pugi::xml_node node, std::string message) {
    builder_.report(rules::unsupported_content, offset_of(node), std::move(message));
  }

  void unsupported_element(pugi::xml_node element, std::string_view where) {
    unsupported(element, "element '" + std::string(element.name()) + "' in " + std::string(where) +
                             " is not supported; its content is not read");
  }

  /// Reports non-blank text in a place where only elements are expected.
  void check_stray_text(pugi::xml_node node, std::string_view where) {
    if ((node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) &&
        !is_blank(node.value())) {
      unsupported(node, "text directly in " + std::string(where) + " is not read");
    }
  }

  /// <content-language> of the front matter (front/*meta/content-language).
  static std::string content_language(pugi::xml_node root) {
    for (pugi::xml_node front : root.children()) {
      std::string_view f = local_name(front.name());
      if (f.size() < 5 || f.compare(f.size() - 5, 5, "front") != 0) continue;
      for (pugi::xml_node meta : front.children()) {
        std::string_view m = local_name(meta.name());
        if (m.size() < 4 || m.compare(m.size() - 4, 4, "meta") != 0) continue;
        for (pugi::xml_node cl : meta.children()) {
          if (local_name(cl.name()) != "content-language") continue;
          std::string_view lang = trim(cl.child_value());
          if (!lang.empty()) return std::string(lang);
        }
      }
    }
    return {};
  }

  /// The character data of `element`'s subtree, concatenated.
  static std::string text_of(pugi::xml_node element) {
    std::string out;
    walk_subtree(
        element,
        [&](pugi::xml_node n) {
          if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
            out += n.value();
            return false;
          }
          return n.type() == pugi::node_element;
        },
        [](pugi::xml_node) {});
    return out;
  }

  // The Builder is called in document order throughout: positions are
  // turned into lines and columns by a cursor that only moves forward
  // cheaply, which matters for files written on one long line.

  void read_term_sec(pugi::xml_node term_sec) {
    pugi::xml_node label, entry;
    for (pugi::xml_node child : term_sec.children()) {
      if (child.type() != pugi::node_element) continue;
      scope_.enter(child);
      Name name = name_of(child);
      if (name.is_sts("label") && !label) label = child;
      if (name.is_tbx("termEntry") && !entry) entry = child;
      scope_.leave();
    }
    if (!entry) {
      unsupported(term_sec, "term-sec without a TBX termEntry is not read");
      return;
    }
    begin_entry(term_sec, label, entry);
    for (pugi::xml_node child : term_sec.children()) {
      if (child.type() != pugi::node_element) continue;
      scope_.enter(child);
      Name name = name_of(child);
      if (child == label) {
        check_label(label);
      } else if (child == entry) {
        read_entry(entry);
      } else if (!name.is_sts("term-sec")) {  // nested ones are entries of their own
        unsupported_element(child, "a term-sec");
      }
      scope_.leave();
    }
    builder_.end_entry();
  }

  /// The label's text, trimmed.
  static std::string label_text(pugi::xml_node label) {
    return label ? std::string(trim(text_of(label))) : std::string();
  }

  /// Starts the entry of `entry` (in `term_sec` with `label`; both may be
  /// null): its number and the ids it is linked by.
  void begin_entry(pugi::xml_node term_sec, pugi::xml_node label, pugi::xml_node entry) {
    std::string_view sec_id = term_sec ? trim(term_sec.attribute("id").value()) : "";
    std::string_view entry_id = trim(entry.attribute("id").value());

    std::string written = label_text(label);
    std::string_view number = is_number(written) ? std::string_view(written) : std::string_view();
    bool numbered = true;
    if (number.empty()) number = number_in_id(sec_id);
    if (number.empty()) number = number_in_id(entry_id);
    std::string fallback;
    if (number.empty()) {
      numbered = false;
      number = !entry_id.empty() ? entry_id : sec_id;
      if (number.empty()) {
        fallback = "term-sec-" + std::to_string(term_secs_);
        number = fallback;
      }
    }
    builder_.begin_entry(offset_of(term_sec ? term_sec : entry), number, numbered);
    builder_.add_entry_id(sec_id);
    if (entry_id != sec_id) builder_.add_entry_id(entry_id);
    entry_key_ = std::string(number);
  }

  /// Reports a label that is not an entry number (the entry was numbered
  /// from its ids instead).
  void check_label(pugi::xml_node label) {
    std::string written = label_text(label);
    if (written.empty() || is_number(written)) return;
    unsupported(label, "label '" + written +
                           "' is not an entry number (digits separated by '.' or '-'); the entry "
                           "is identified as '" +
                           entry_key_ + "'");
  }

  /// The language sections of a termEntry (its scope entered by the
  /// caller).
  void read_entry(pugi::xml_node entry) {
    for (pugi::xml_node child : entry.children()) {
      if (child.type() != pugi::node_element) {
        check_stray_text(child, "a termEntry");
        continue;
      }
      scope_.enter(child);
      Name name = name_of(child);
      if (name.is_tbx("langSet")) {
        read_lang_set(child);
      } else {
        unsupported_element(child, "a termEntry");
      }
      scope_.leave();
    }
  }

  /// A langSet (its scope entered by the caller). Children in any order
  /// (files written by some tools put tig before note).
  void read_lang_set(pugi::xml_node lang_set) {
    std::string_view language = scope_.language();
    builder_.begin_section(offset_of(lang_set),
                           language.empty() ? std::string_view(default_language_) : language);
    for (pugi::xml_node child : lang_set.children()) {
      if (child.type() != pugi::node_element) {
        check_stray_text(child, "a langSet");
        continue;
      }
      scope_.enter(child);
      Name name = name_of(child);
      if (name.is_tbx("tig") || name.is_tbx("ntig")) {
        read_tig(child);
      } else if (name.is_tbx("definition")) {
        read_block(child, BlockKind::definition);
      } else if (name.is_tbx("note")) {
        read_block(child, BlockKind::note);
      } else if (name.is_tbx("example")) {
        read_block(child, BlockKind::example);
      } else if (name.is_tbx("source")) {
        read_block(child, BlockKind::source);
      } else {
        unsupported_element(child, "a langSet");
      }
      scope_.leave();
    }
    builder_.end_section();
  }

  /// The status a normativeAuthorization (or TBX administrativeStatus)
  /// value gives; `known` false for a value termgraph does not know.
  static ReadStatus status_of(std::string_view value, bool& known) {
    std::string_view v = value;
    // TBX v3 spells the values with a suffix: preferredTerm-admn-sts.
    constexpr std::string_view suffix = "-admn-sts";
    if (v.size() > suffix.size() && v.compare(v.size() - suffix.size(), suffix.size(), suffix) == 0)
      v.remove_suffix(suffix.size());
    known = true;
    if (v == "preferredTerm") return ReadStatus::preferred;
    if (v == "admittedTerm") return ReadStatus::admitted;
    if (v == "deprecatedTerm" || v == "supersededTerm") return ReadStatus::deprecated;
    known = false;
    return ReadStatus::unspecified;
  }

  static TermKind kind_of(std::string_view v) {
    if (v == "fullForm") return TermKind::full_form;
    if (v == "acronym" || v == "abbreviation" || v == "shortForm" || v == "initialism" ||
        v == "abbreviatedForm" || v == "clippedTerm")
      return TermKind::abbreviation;
    if (v == "symbol" || v == "formula" || v == "equation") return TermKind::symbol;
    return TermKind::other;
  }

  /// A value given as @value (STS) or as text (TBX termNote).
  static std::string_view value_of(pugi::xml_node node) {
    pugi::xml_attribute a = node.attribute("value");
    return trim(a ? a.value() : node.child_value());
  }

  /// A tig or ntig (scope entered by the caller): one designation.
  void read_tig(pugi::xml_node tig) {
    pugi::xml_node term;
    TextBuilder text;  // the term's, flattened while its scope is entered
    ReadStatus status = ReadStatus::unspecified;
    TermKind kind = TermKind::full_form;
    std::string_view part_of_speech;
    const std::string where = "a " + std::string(local_name(tig.name()));

    // The term comes first in the Builder (it is located at its text), the
    // findings about the tig's other children in their document order.
    struct Finding {
      std::size_t offset;
      std::string message;
    };
    std::vector<Finding> findings;
    auto unsupported_child = [&](pugi::xml_node child) {
      findings.push_back({offset_of(child), "element '" + std::string(child.name()) + "' in " +
                                                where +
                                                " is not supported; its content is not read"});
    };
    auto set_status = [&](pugi::xml_node child) {
      bool known = false;
      std::string_view value = value_of(child);
      status = status_of(value, known);
      if (!known) {
        findings.push_back({offset_of(child), "unknown normative authorization '" +
                                                  std::string(value) +
                                                  "'; the term's status is left unspecified"});
      }
    };

    // The children of the tig, and of an ntig's termGrp (at most one level
    // deeper, so a fixed nesting of loops).
    auto visit = [&](pugi::xml_node child, const Name& name) {
      if (name.is_tbx("term")) {
        if (!term) {
          term = child;
          flatten(child, text, false);
        } else {
          findings.push_back({offset_of(child), "a second term in " + where + " is not read"});
        }
      } else if (name.is_tbx("normativeAuthorization")) {
        set_status(child);
      } else if (name.is_tbx("termType")) {
        kind = kind_of(value_of(child));
      } else if (name.is_tbx("partOfSpeech")) {
        part_of_speech = value_of(child);
      } else if (name.is_tbx("termNote")) {
        std::string_view type = child.attribute("type").value();
        if (type == "normativeAuthorization" || type == "administrativeStatus") {
          set_status(child);
        } else if (type == "termType") {
          kind = kind_of(value_of(child));
        } else if (type == "partOfSpeech") {
          part_of_speech = value_of(child);
        } else {
          unsupported_child(child);
        }
      } else {
        unsupported_child(child);
      }
    };
    for (pugi::xml_node child : tig.children()) {
      if (child.type() != pugi::node_element) continue;
      scope_.enter(child);
      Name name = name_of(child);
      if (name.is_tbx("termGrp")) {
        for (pugi::xml_node inner : child.children()) {
          if (inner.type() != pugi::node_element) continue;
          scope_.enter(inner);
          visit(inner, name_of(inner));
          scope_.leave();
        }
      } else {
        visit(child, name);
      }
      scope_.leave();
    }

    text.finish();
    std::size_t at = offset_of(tig);
    if (!term) {
      unsupported(tig, std::string(local_name(tig.name())) + " without a term is not read");
    } else if (text.text().empty()) {
      // An empty <term/> is how ISO writes "no term in this language"
      // (printed as dots): nothing to read. A term that is all markup
      // (MathML) is a symbol termgraph cannot show.
      if (term.first_child()) unsupported(term, "term without text (only markup) is not read");
    } else {
      // Like the native reader: a designation is located at its first
      // character.
      at = text.raw_offset(raw_, 0);
      bool added = false;
      for (Finding& f : findings) {
        if (!added && f.offset > at) {
          builder_.add_designation(at, text.text(), status, kind, part_of_speech);
          added = true;
        }
        builder_.report(rules::unsupported_content, f.offset, std::move(f.message));
      }
      if (!added) builder_.add_designation(at, text.text(), status, kind, part_of_speech);
      return;
    }
    for (Finding& f : findings) {
      builder_.report(rules::unsupported_content, f.offset, std::move(f.message));
    }
  }

  /// A definition, note, example or source (scope entered by the caller).
  void read_block(pugi::xml_node block, BlockKind kind) {
    TextBuilder text;
    flatten(block, text, true);
    text.finish();
    builder_.add_block(offset_of(block), kind, text);
  }

  /// Appends the text of `element`'s subtree (its scope entered by the
  /// caller) to `text`, inline markup flattened, the content of paragraph-
  /// like elements kept apart by a space. With `links`, each entailedTerm
  /// becomes a markup link; an xref keeps its text only (it points at a
  /// clause, not at an entry).
  void flatten(pugi::xml_node element, TextBuilder& text, bool links) {
    struct OpenLink {
      pugi::xml_node node;
      std::size_t index;
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
              return false;  // comments, processing instructions
          }
          if (n == element) return true;
          scope_.enter(n);
          Name name = name_of(n);
          if (links && name.is_tbx("entailedTerm")) {
            open.push_back({n, text.open_link()});
          } else if (!name.tbx && is_block_element(name.local)) {
            text.append(" ", offset_of(n));
          }
          return true;
        },
        [&](pugi::xml_node n) {
          if (n.type() != pugi::node_element || n == element) return;
          if (!open.empty() && open.back().node == n) {
            close_link(text, open.back().index, n);
            open.pop_back();
          } else if (!is_tbx(scope_, n.name()) && is_block_element(local_name(n.name()))) {
            text.append(" ", offset_of(n));
          }
          scope_.leave();
        });
  }

  /// Closes an entailedTerm link: @target is an id in this document (or a
  /// bare entry number), @xtarget a place in another document.
  static void close_link(TextBuilder& text, std::size_t index, pugi::xml_node element) {
    std::string_view target = trim(element.attribute("target").value());
    std::string_view xtarget = trim(element.attribute("xtarget").value());
    if (!target.empty()) {
      if (is_number(target)) {
        text.close_link(index, {}, std::string(target), false);
      } else {
        text.close_link(index, std::string(target), {}, false);
      }
    } else if (!xtarget.empty()) {
      text.close_link(index, std::string(xtarget), {}, true);
    } else {
      text.close_link(index, {}, {}, false);
    }
  }

  const pugi::xml_document& doc_;
  Builder& builder_;
  std::string_view raw_;
  XmlScope scope_;
  std::string default_language_;
  std::size_t term_secs_ = 0;
  std::string entry_key_;  // the number or id of the entry being read
};

}  // namespace

void read_sts(const pugi::xml_document& doc, Builder& builder) {
  StsReader(doc, builder).run();
}

}  // namespace termgraph
