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
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "format/ids.hpp"
#include "format/namespaces.hpp"
#include "format/tbx_picklists.hpp"
#include "read/readers.hpp"
#include "read/xml.hpp"
#include "termgraph/rules.hpp"
#include "text/chars.hpp"
#include "text/numbers.hpp"

namespace termgraph {

namespace {

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

/// Elements whose content is a machine identifier, not text a reader of
/// the standard sees: a citation `<std>` holds its human text in `std-ref`
/// and its identifiers (`e1d167f5`, `+//ISO 9070/RA::...`) in
/// `std-id-group`/`std-id`, which are left out.
bool is_identifier_element(std::string_view local) {
  return local == "std-id-group" || local == "std-id";
}

/// True for an ASCII letter `c` in upper case.
bool upper(char c) {
  return c >= 'A' && c <= 'Z';
}

/// The length of the label a note or example repeats at the start of its
/// own text, the following white space included; 0 when there is none.
/// Notes: "NOTE", "NOTE 1", "NOTE 1 to entry", "Note 1 to entry" (French:
/// "à l'article"), each optionally followed by ':', '—' or '–'; "Note"
/// only with a number and "to entry" or a colon ("Note that ..." is text).
/// Examples: "EXAMPLE", "EXAMPLE 2", "Example 2:". Something must follow
/// the label (a note that is only "NOTE" keeps it).
std::size_t label_length(std::string_view text, BlockKind kind) {
  std::string_view word;
  if (kind == BlockKind::note) {
    word = "note";
  } else if (kind == BlockKind::example) {
    word = "example";
  } else {
    return 0;
  }
  if (text.size() <= word.size()) return 0;
  bool capitals = true;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = text[i];
    char lower = upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower != word[i]) return 0;
    if (!upper(c)) capitals = false;
  }
  if (!upper(text[0])) return 0;
  std::size_t i = word.size();
  auto spaces = [&] {
    std::size_t from = i;
    while (i < text.size() && xml::is_space(text[i])) ++i;
    return i > from;
  };
  auto mark_at = [&](std::size_t at) {
    for (std::string_view m : {":", "—", "–"}) {
      if (text.compare(at, m.size(), m) == 0) return m.size();
    }
    return std::size_t{0};
  };
  if (!spaces() && mark_at(i) == 0) return 0;  // "NOTES", "Noted"
  bool number = false;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    number = true;
    ++i;
  }
  if (number) spaces();
  bool phrase = false;
  for (std::string_view p : {"to entry", "à l'article", "à l’article"}) {
    if (number && text.compare(i, p.size(), p) == 0) {
      i += p.size();
      phrase = true;
      spaces();
      break;
    }
  }
  const std::size_t mark_size = mark_at(i);
  const bool mark = mark_size != 0;
  i += mark_size;
  if (!capitals && !(number && (phrase || mark))) return 0;
  // The label ends at white space (or the mark); text must follow.
  if (!mark && i > 0 && !xml::is_space(text[i - 1])) return 0;
  spaces();
  return i < text.size() ? i : 0;
}

/// The text of a MathML `math` element in a flat, searchable form: the
/// character data of its tokens, each trimmed (MathML ignores white space
/// around tokens), joined without spaces (`<mi>MTTF</mi><mi>d</mi>` reads
/// "MTTFd"); annotations (TeX source and the like) are left out.
std::string math_text(pugi::xml_node math) {
  std::string out;
  walk_subtree(
      math,
      [&](pugi::xml_node n) {
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
          std::string_view v = xml::trim(n.value());
          bool space = false;
          for (char c : v) {
            if (xml::is_space(c)) {
              space = true;
              continue;
            }
            if (space) out += ' ';
            space = false;
            out += c;
          }
          return false;
        }
        if (n.type() != pugi::node_element) return false;
        std::string_view local = local_name(n.name());
        return local != "annotation" && local != "annotation-xml";
      },
      [](pugi::xml_node) {});
  return out;
}

/// The term-level data categories of the ISO STS TBX markup the model keeps
/// as categories (the others, status, type and part of speech, are fields
/// of the designation). Gender and number carry @value, the others text.
bool is_term_category(std::string_view local) {
  return local == "grammaticalGender" || local == "grammaticalNumber" ||
         local == "geographicalUsage" || local == "pronunciation" || local == "usageNote";
}

/// Inline presentation elements of STS kept in a designation's markup view
/// (Designation::markup), without their attributes.
bool is_presentation_element(std::string_view local) {
  for (std::string_view name : {"sub", "sup", "italic", "bold", "bold-italic", "underline",
                                "overline", "monospace", "sc", "roman", "sans-serif"}) {
    if (local == name) return true;
  }
  return false;
}

/// A MathML element as XML content for a markup view: as written, white
/// space collapsed, its namespace declared on it (ISO files leave the
/// declaration of the `mml` prefix to their DTD), so that it stands alone.
std::string math_markup(pugi::xml_node math) {
  pugi::xml_document copy;
  pugi::xml_node m = copy.append_copy(math);
  const std::string_view qname = math.name();
  const std::size_t colon = qname.find(':');
  const std::string xmlns =
      colon == std::string_view::npos ? "xmlns" : "xmlns:" + std::string(qname.substr(0, colon));
  if (!m.attribute(xmlns.c_str())) {
    m.prepend_attribute(xmlns.c_str()).set_value("http://www.w3.org/1998/Math/MathML");
  }
  std::ostringstream out;
  m.print(out, "", pugi::format_raw);
  std::string collapsed;
  collapse_xml_spaces(out.str(), collapsed);
  return collapsed;
}

/// True when element name `qname` is in a TBX namespace in `scope`.
bool is_tbx(const XmlScope& scope, std::string_view qname) {
  // ISO STS files declare xmlns:tbx in their DTD, not in the document.
  if (!scope.declared(qname)) return prefix_of(qname) == "tbx";
  return xml_namespace::is_sts_tbx(scope.uri_of(qname));
}

/// What an element is, once its namespace is known.
struct Name {
  bool tbx = false;
  std::string_view local;

  bool is_tbx(std::string_view l) const { return tbx && local == l; }
  bool is_sts(std::string_view l) const { return !tbx && local == l; }
};

class StsReader : xml::Reader {
public:
  // Labels are padded with Unicode spaces: trimming takes them off.
  StsReader(const pugi::xml_document& doc, Builder& builder, ChunkedDocument* chunks)
      : Reader(builder, xml::Spaces::unicode, chunks), doc_(doc) {}

  void run() {
    pugi::xml_node root = doc_.document_element();
    if (!root) return;
    default_language_ = content_language(root);
    if (default_language_.empty()) default_language_ = "en";
    declare_languages(root);
    read_title(root);

    walk_elements(root, [&](pugi::xml_node node) {
      Name name = name_of(node);
      if (name.is_sts("term-sec")) {
        ++term_secs_;
        read_term_sec(node);
        return true;  // nested term-secs are entries of their own
      }
      if (name.is_tbx("termEntry") && local_name(parent(node).name()) != "term-sec") {
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
    });
  }

private:
  Name name_of(pugi::xml_node element) const {
    std::string_view qname = element.name();
    return {is_tbx(scope_, qname), local_name(qname)};
  }

  /// The children of `parent` in document order, each element with its
  /// scope entered and its name resolved: `on_element(child, name)`; text
  /// that is not blank is reported as not read (`where` names the parent).
  template <typename OnElement>
  void elements(pugi::xml_node parent, std::string_view where, OnElement&& on_element) {
    children(
        parent, [&](pugi::xml_node child) { on_element(child, name_of(child)); },
        [&](pugi::xml_node text) {
          unsupported(text, "text directly in " + std::string(where) + " is not read");
        });
  }

  void unsupported(pugi::xml_node node, std::string message) {
    builder_.report(rules::unsupported_content, offset(node), std::move(message));
  }

  void unsupported_element(pugi::xml_node element, std::string_view where) {
    unsupported(element, "element '" + std::string(element.name()) + "' in " + std::string(where) +
                             " is not supported; its content is not read");
  }

  /// <content-language> of the front matter (front/*meta/content-language).
  std::string content_language(pugi::xml_node root) const {
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

  /// The languages the document declares (Builder::declare_language): the
  /// content-language elements of one metadata element (front/*-meta,
  /// adoption-front/*-meta). The outermost document that has one declares
  /// them (an adoption's own metadata before the adopted standard's), and
  /// within one front national metadata comes before regional before
  /// international (nat-meta, reg-meta, then iso-meta or std-meta): a
  /// document is published in the languages of its outermost layer.
  /// A content-language may list several tags, separated by white space or
  /// commas.
  void declare_languages(pugi::xml_node root) {
    auto declares = [&](pugi::xml_node meta) {
      for (pugi::xml_node cl : meta.children()) {
        if (local_name(cl.name()) == "content-language" && !trim(cl.child_value()).empty()) {
          return true;
        }
      }
      return false;
    };
    if (pugi::xml_node chosen = outermost_meta(root, declares)) {
      for (pugi::xml_node cl : chosen.children()) {
        if (local_name(cl.name()) == "content-language") declare_tags(cl);
      }
    }
  }

  /// The metadata element (front/*-meta, adoption-front/*-meta) for which
  /// `wanted(meta)` is true, of the outermost document that has one (an
  /// adoption's own metadata before the adopted standard's); within one
  /// front, national metadata before regional before international
  /// (nat-meta, reg-meta, then iso-meta or std-meta). Null when none.
  template <typename Wanted>
  static pugi::xml_node outermost_meta(pugi::xml_node root, Wanted&& wanted) {
    auto ends_with = [](std::string_view s, std::string_view end) {
      return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
    };
    for (pugi::xml_node layer = root; layer;) {
      pugi::xml_node chosen, next;
      int chosen_rank = 3;
      for (pugi::xml_node child : layer.children()) {
        std::string_view name = local_name(child.name());
        if (child.type() != pugi::node_element) continue;
        if (ends_with(name, "front")) {
          for (pugi::xml_node meta : child.children()) {
            std::string_view m = local_name(meta.name());
            if (!ends_with(m, "meta") || !wanted(meta)) continue;
            const int rank = m == "nat-meta" ? 0 : m == "reg-meta" ? 1 : 2;
            if (rank < chosen_rank) {
              chosen = meta;
              chosen_rank = rank;
            }
          }
        } else if (!next && (name == "adoption" || ends_with(name, "standard"))) {
          next = child;
        }
      }
      if (chosen) return chosen;
      layer = next;
    }
    return {};
  }

  /// The text of `element`'s subtree, white space collapsed.
  static std::string collapsed_text(pugi::xml_node element) {
    std::string out;
    collapse_xml_spaces(text_of(element), out);
    return out;
  }

  /// The title of a title-wrap: its `full` title, else its parts (`intro`,
  /// `main`, `compl`) joined by " — " as ISO prints them; empty when none.
  static std::string title_of(pugi::xml_node title_wrap) {
    std::string parts;
    for (std::string_view part : {"full", "intro", "main", "compl"}) {
      for (pugi::xml_node child : title_wrap.children()) {
        if (local_name(child.name()) != part) continue;
        std::string text = collapsed_text(child);
        if (text.empty()) continue;
        if (part == "full") return text;
        if (!parts.empty()) parts += " — ";
        parts += text;
      }
    }
    return parts;
  }

  /// The document's title (Vocabulary::title): the title-wrap of its
  /// metadata (chosen as for the languages) in the document's language,
  /// else its first one with a title.
  void read_title(pugi::xml_node root) {
    auto titled = [&](pugi::xml_node meta) {
      for (pugi::xml_node tw : meta.children()) {
        if (local_name(tw.name()) == "title-wrap" && !title_of(tw).empty()) return true;
      }
      return false;
    };
    pugi::xml_node meta = outermost_meta(root, titled);
    if (!meta) return;
    std::string first, own;
    for (pugi::xml_node tw : meta.children()) {
      if (local_name(tw.name()) != "title-wrap") continue;
      std::string title = title_of(tw);
      if (title.empty()) continue;
      if (first.empty()) first = title;
      if (own.empty() && trim(tw.attribute("xml:lang").value()) == default_language_) own = title;
    }
    builder_.set_title(own.empty() ? first : own);
  }

  /// Declares the tags of one content-language element, each located where
  /// it is written (at the element's first character when the text is not
  /// as written: references, CDATA, markup).
  void declare_tags(pugi::xml_node content_language) {
    pugi::xml_node text = content_language.first_child();
    const bool plain =
        text && xml::is_text(text) && !text.next_sibling() && text.type() == pugi::node_pcdata;
    const std::string value = plain ? std::string(text.value()) : text_of(content_language);
    std::size_t at = plain ? source_.first_character(text) : offset(content_language);
    std::size_t lead = 0;
    while (lead < value.size() && xml::is_space(value[lead])) ++lead;
    const std::string_view raw = source_.raw();
    const bool as_written = plain && raw.substr(std::min(at, raw.size()), value.size() - lead) ==
                                         std::string_view(value).substr(lead);
    auto separator = [](char c) { return xml::is_space(c) || c == ','; };
    std::size_t i = 0;
    while (i < value.size()) {
      while (i < value.size() && separator(value[i])) ++i;
      std::size_t end = i;
      while (end < value.size() && !separator(value[end])) ++end;
      if (end > i) {
        builder_.declare_language(as_written ? at + (i - lead) : at,
                                  std::string_view(value).substr(i, end - i));
      }
      i = end;
    }
  }

  /// The character data of `element`'s subtree, concatenated.
  static std::string text_of(pugi::xml_node element) {
    std::string out;
    walk_subtree(
        element,
        [&](pugi::xml_node n) {
          if (xml::is_text(n)) {
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
    children(term_sec, [&](pugi::xml_node child) {
      Name name = name_of(child);
      if (name.is_sts("label") && !label) label = child;
      if (name.is_tbx("termEntry") && !entry) entry = child;
    });
    if (!entry) {
      unsupported(term_sec, "term-sec without a TBX termEntry is not read");
      return;
    }
    begin_entry(term_sec, label, entry);
    children(term_sec, [&](pugi::xml_node child) {
      if (child == label) {
        check_label(label);
      } else if (child == entry) {
        read_entry(entry);
      } else if (!name_of(child).is_sts("term-sec")) {  // nested ones are entries of their own
        unsupported_element(child, "a term-sec");
      }
    });
    builder_.end_entry();
  }

  /// The label's text, trimmed.
  std::string label_text(pugi::xml_node label) const {
    return label ? std::string(trim(text_of(label))) : std::string();
  }

  /// Starts the entry of `entry` (in `term_sec` with `label`; both may be
  /// null): its number and the ids it is linked by.
  void begin_entry(pugi::xml_node term_sec, pugi::xml_node label, pugi::xml_node entry) {
    std::string_view sec_id = term_sec ? trim(term_sec.attribute("id").value()) : "";
    std::string_view entry_id = trim(entry.attribute("id").value());

    std::string written = label_text(label);
    std::string_view number =
        is_entry_number(written) ? std::string_view(written) : std::string_view();
    bool numbered = true;
    if (number.empty()) number = ids::number_in_id(sec_id);
    if (number.empty()) number = ids::number_in_id(entry_id);
    std::string fallback;
    if (number.empty()) {
      numbered = false;
      number = !entry_id.empty() ? entry_id : sec_id;
      if (number.empty()) {
        fallback = ids::term_sec_key(term_secs_);
        number = fallback;
      }
    }
    builder_.begin_entry(offset(term_sec ? term_sec : entry), number, numbered);
    builder_.add_entry_id(sec_id);
    if (entry_id != sec_id) builder_.add_entry_id(entry_id);
    entry_key_ = std::string(number);
  }

  /// Reports a label that is not an entry number (the entry was numbered
  /// from its ids instead).
  void check_label(pugi::xml_node label) {
    std::string written = label_text(label);
    if (written.empty() || is_entry_number(written)) return;
    unsupported(label, "label '" + written +
                           "' is not an entry number (digits separated by '.' or '-'); the entry "
                           "is identified as '" +
                           entry_key_ + "'");
  }

  /// The language sections of a termEntry (its scope entered by the
  /// caller).
  void read_entry(pugi::xml_node entry) {
    elements(entry, "a termEntry", [&](pugi::xml_node child, const Name& name) {
      if (name.is_tbx("langSet")) {
        read_lang_set(child);
      } else if (name.is_tbx("xGraphic")) {
        category(child, CategoryLevel::entry, CategoryElement::xref, "xGraphic", "xtarget");
      } else {
        unsupported_element(child, "a termEntry");
      }
    });
  }

  /// A langSet (its scope entered by the caller). Children in any order
  /// (files written by some tools put tig before note).
  void read_lang_set(pugi::xml_node lang_set) {
    std::string_view language = scope_.language();
    // The tag is located at the langSet's own xml:lang, else at the langSet.
    pugi::xml_attribute own = lang_set.attribute("xml:lang");
    builder_.begin_section(
        offset(lang_set), language.empty() ? std::string_view(default_language_) : language,
        own && !trim(own.value()).empty() ? xml::trimmed_value_offset(source_, lang_set, own)
                                          : std::string_view::npos);
    elements(lang_set, "a langSet", [&](pugi::xml_node child, const Name& name) {
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
      } else if (name.is_tbx("subjectField")) {
        category(child, CategoryLevel::language, CategoryElement::descrip, "subjectField");
      } else if (name.is_tbx("crossReference")) {
        category(child, CategoryLevel::language, CategoryElement::ref, "crossReference", "target");
      } else if (name.is_tbx("see")) {
        category(child, CategoryLevel::language, CategoryElement::ref, "see", "target");
      } else if (name.is_tbx("xSource")) {
        category(child, CategoryLevel::language, CategoryElement::xref, "xSource", "xtarget");
      } else {
        unsupported_element(child, "a langSet");
      }
    });
    builder_.end_section();
  }

  /// Where `element` ends in the raw file: just past its end tag, or past
  /// the `/>` of an empty element; its start when that cannot be found.
  std::size_t end_of(pugi::xml_node element) const {
    const std::string_view raw = source_.raw();
    const std::size_t start = offset(element);
    char quote = 0;
    std::size_t i = start;
    for (; i < raw.size(); ++i) {
      char c = raw[i];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
    }
    if (i >= raw.size()) return start;
    if (i > start && raw[i - 1] == '/') return i + 1;
    const std::string close = "</" + std::string(element.name());
    for (std::size_t at = raw.find(close, i); at != std::string_view::npos;
         at = raw.find(close, at + 1)) {
      std::size_t after = at + close.size();
      while (after < raw.size() && xml::is_space(raw[after])) ++after;
      if (after < raw.size() && raw[after] == '>') return after + 1;
    }
    return start;
  }

  /// A data category the ISO STS TBX markup carries as an element of its
  /// own (<tbx:subjectField>, <tbx:xGraphic xtarget="...">): kept at
  /// `level` as `element` with type `type`, its text (or @value) as value
  /// and `target_attribute` (if any) as target.
  void category(pugi::xml_node el, CategoryLevel level, CategoryElement element,
                std::string_view type, std::string_view target_attribute = {}) {
    std::string_view target =
        target_attribute.empty()
            ? std::string_view()
            : trim(el.attribute(std::string(target_attribute).c_str()).value());
    pugi::xml_attribute value = el.attribute("value");
    const std::string text = value ? std::string(value.value()) : text_of(el);
    builder_.add_category(level, offset(el), end_of(el), element, type, text, target);
  }

  /// A value given as @value (STS) or as text (TBX termNote).
  std::string_view value_of(pugi::xml_node node) const {
    pugi::xml_attribute a = node.attribute("value");
    return trim(a ? a.value() : node.child_value());
  }

  /// A tig or ntig (scope entered by the caller): one designation.
  void read_tig(pugi::xml_node tig) {
    pugi::xml_node term;
    TextBuilder text;  // the term's, flattened while its scope is entered
    text.keep_markup();
    ReadStatus status = ReadStatus::unspecified;
    TermKind kind = TermKind::full_form;
    bool kind_stated = false;
    std::string_view part_of_speech;
    // The tig's data categories the model keeps as such (grammatical
    // gender ...), added once the designation is.
    std::vector<std::pair<pugi::xml_node, std::string_view>> categories;
    const std::string where = "a " + std::string(local_name(tig.name()));

    // The term comes first in the Builder (it is located at its text), the
    // findings about the tig's other children in their document order.
    struct Finding {
      std::size_t offset;
      std::string message;
    };
    std::vector<Finding> findings;
    auto unsupported_child = [&](pugi::xml_node child) {
      findings.push_back({offset(child), "element '" + std::string(child.name()) + "' in " + where +
                                             " is not supported; its content is not read"});
    };
    auto set_status = [&](pugi::xml_node child) {
      std::string_view value = value_of(child);
      std::optional<Status> known = tbx_picklist::administrative_status(value);
      status = to_read_status(known);
      if (!known) {
        findings.push_back({offset(child), "unknown normative authorization '" +
                                               std::string(value) +
                                               "'; the term's status is left unspecified"});
      }
    };

    // The children of the tig, and of an ntig's termGrp (at most one level
    // deeper, so a fixed nesting of loops).
    auto visit = [&](pugi::xml_node child) {
      Name name = name_of(child);
      if (name.is_tbx("term")) {
        if (!term) {
          term = child;
          flatten(child, text, false);
        } else {
          findings.push_back({offset(child), "a second term in " + where + " is not read"});
        }
      } else if (name.is_tbx("normativeAuthorization")) {
        set_status(child);
      } else if (name.is_tbx("termType")) {
        kind = tbx_picklist::term_kind(value_of(child));
        kind_stated = true;
      } else if (name.is_tbx("partOfSpeech")) {
        part_of_speech = value_of(child);
      } else if (name.tbx && is_term_category(name.local)) {
        categories.emplace_back(child, name.local);
      } else if (name.is_tbx("termNote")) {
        std::string_view type = child.attribute("type").value();
        if (type == "normativeAuthorization" || type == "administrativeStatus") {
          set_status(child);
        } else if (type == "termType") {
          kind = tbx_picklist::term_kind(value_of(child));
          kind_stated = true;
        } else if (type == "partOfSpeech") {
          part_of_speech = value_of(child);
        } else if (is_term_category(type)) {
          categories.emplace_back(child, type);
        } else {
          unsupported_child(child);
        }
      } else {
        unsupported_child(child);
      }
    };
    children(tig, [&](pugi::xml_node child) {
      if (name_of(child).is_tbx("termGrp")) {
        children(child, visit);
      } else {
        visit(child);
      }
    });

    text.finish();
    if (!term) {
      unsupported(tig, std::string(local_name(tig.name())) + " without a term is not read");
    } else if (text.text().empty()) {
      // An empty <term/> is how ISO writes "no term in this language"
      // (printed as dots): recorded as that mark, which empty-element does
      // not report. A term that is all markup (MathML) is a symbol
      // termgraph cannot show.
      if (term.first_child()) {
        unsupported(term, "term without text (only markup) is not read");
      } else {
        builder_.add_empty_term(offset(term), true);
      }
    } else {
      // Like the native reader: a designation is located at its first
      // character.
      std::size_t at = text.raw_offset(source_.raw(), 0);
      bool added = false;
      auto add = [&] {
        builder_.add_designation(at, text.text(), status, kind, part_of_speech, kind_stated);
        if (!text.markup().empty()) builder_.set_designation_markup(text.markup());
        builder_.set_designation_ids(trim(tig.attribute("id").value()),
                                     trim(term.attribute("id").value()));
        for (const auto& [c, type] : categories) {
          category(c, CategoryLevel::term, CategoryElement::term_note, type);
        }
        added = true;
      };
      for (Finding& f : findings) {
        if (!added && f.offset > at) add();
        builder_.report(rules::unsupported_content, f.offset, std::move(f.message));
      }
      if (!added) add();
      return;
    }
    for (Finding& f : findings) {
      builder_.report(rules::unsupported_content, f.offset, std::move(f.message));
    }
  }

  /// A definition, note, example or source (scope entered by the caller).
  void read_block(pugi::xml_node block, BlockKind kind) {
    TextBuilder text;
    text.keep_markup();
    flatten(block, text, true, kind);
    text.finish();
    builder_.add_block(offset(block), kind, text);
  }

  /// The label a note or example repeats at its start, which the layout
  /// writes itself ("Note 1 to entry:"): a leading `<label>` element, or
  /// label text (label_length()) at the start of its first text. Sets
  /// `label` to such an element, or `skip` to the text to leave out.
  void find_label(pugi::xml_node block, BlockKind kind, pugi::xml_node& label,
                  xml::Reader::Skip& skip) const {
    if (kind != BlockKind::note && kind != BlockKind::example) return;
    // The first node with content, going into paragraphs (<p>).
    pugi::xml_node n = block.first_child();
    while (n) {
      if (xml::is_text(n) && xml::trim(n.value()).empty()) {
        n = n.next_sibling();
      } else if (n.type() == pugi::node_comment || n.type() == pugi::node_pi) {
        n = n.next_sibling();
      } else if (n.type() == pugi::node_element && local_name(n.name()) == "p" &&
                 !is_tbx(scope_, n.name())) {
        n = n.first_child();
      } else {
        break;
      }
    }
    if (!n) return;
    if (n.type() == pugi::node_element) {
      if (local_name(n.name()) == "label" && !is_tbx(scope_, n.name()) &&
          !xml::trim(text_of(n)).empty()) {
        label = n;
      }
      return;
    }
    if (n.type() != pugi::node_pcdata) return;
    std::string_view value = n.value();
    std::size_t lead = 0;
    while (lead < value.size() && xml::is_space(value[lead])) ++lead;
    std::size_t length = label_length(value.substr(lead), kind);
    if (length == 0) return;
    // Only a label written as it reads (no references, no CR LF) is left
    // out: the raw text must match byte for byte.
    const std::string_view raw = source_.raw();
    const std::size_t at = offset(n);
    if (raw.substr(std::min(at, raw.size()), lead + length) != value.substr(0, lead + length)) {
      return;
    }
    skip = {n, lead + length};
  }

  /// Appends the text of `element`'s subtree (its scope entered by the
  /// caller) to `text`, inline markup flattened, the content of paragraph-
  /// like elements kept apart by a space. With `links`, each entailedTerm
  /// becomes a markup link; an xref keeps its text only (it points at a
  /// clause, not at an entry). A reader of the standard's text sees:
  /// citations by their text (identifiers left out), subscripts and
  /// superscripts joined to their base ("MTTF<sub>d</sub>" reads "MTTFd"),
  /// MathML as its tokens' text (math_text()), and, in a note or example
  /// (`kind`), no label of its own (find_label()).
  void flatten(pugi::xml_node element, TextBuilder& text, bool links,
               BlockKind kind = BlockKind::definition) {
    struct OpenLink {
      pugi::xml_node node;
      std::size_t index;
    };
    std::vector<OpenLink> open;
    pugi::xml_node label;
    xml::Reader::Skip skip;
    find_label(element, kind, label, skip);
    Reader::flatten(
        element, text,
        [&](pugi::xml_node n) {
          Name name = name_of(n);
          if (links && name.is_tbx("entailedTerm")) {
            open.push_back({n, text.open_link()});
          } else if (!name.tbx) {
            if (n == label || is_identifier_element(name.local)) return false;
            if (name.local == "math") {
              text.append_with_markup(math_text(n), offset(n), math_markup(n));
              return false;
            }
            if (name.local == "sub" || name.local == "sup") text.glue();
            if (is_presentation_element(name.local)) {
              text.open_markup(name.local);
            } else if (is_block_element(name.local)) {
              text.append(" ", offset(n));
            }
          }
          return true;
        },
        [&](pugi::xml_node n) {
          if (!open.empty() && open.back().node == n) {
            close_link(text, open.back().index, n);
            open.pop_back();
            return;
          }
          if (is_tbx(scope_, n.name())) return;
          std::string_view local = local_name(n.name());
          if (local == "sub" || local == "sup") text.drop_pending_space();
          if (is_presentation_element(local)) {
            text.close_markup(local);
          } else if (is_block_element(local)) {
            text.append(" ", offset(n));
          }
        },
        skip);
  }

  /// Closes an entailedTerm link: @target is an id in this document (or a
  /// bare entry number), @xtarget a place in another document.
  void close_link(TextBuilder& text, std::size_t index, pugi::xml_node element) const {
    std::string_view target = trim(element.attribute("target").value());
    std::string_view xtarget = trim(element.attribute("xtarget").value());
    if (!target.empty()) {
      if (is_entry_number(target)) {
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
  std::string default_language_;
  std::size_t term_secs_ = 0;
  std::string entry_key_;  // the number or id of the entry being read
};

}  // namespace

void read_sts(const pugi::xml_document& doc, Builder& builder, ChunkedDocument* chunks) {
  StsReader(doc, builder, chunks).run();
}

}  // namespace termgraph
