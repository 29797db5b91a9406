// The native format reader (docs/format.md). The structure is fixed and
// shallow (vocabulary > entry > lang > term or text block), so it is read
// with plain loops over children; only the inline content of terms and text
// blocks can nest to any depth, and it is flattened by an explicit walk with
// parent links, never by recursion.
//
// Everything the reader does not understand is reported as
// unsupported-content at its own position and left out; nothing is dropped
// silently. Attributes in foreign namespaces are the one exception: they are
// the format's extension point (docs/format.md) and are ignored.
#include <cstdint>
#include <initializer_list>
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

constexpr std::string_view native_ns = "urn:termgraph:vocabulary:1";
constexpr std::string_view default_language = "en";

bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_xml_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_xml_space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_blank(std::string_view s) {
  return trim(s).empty();
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string element_label(pugi::xml_node node) {
  return "<" + std::string(node.name()) + ">";
}

/// What an element is, once its namespace is known.
enum class Kind : std::uint8_t {
  vocabulary,
  title,
  entry,
  lang,
  term,
  definition,
  note,
  example,
  source,
  ref,
  other_native,  // an element of our namespace the format does not define here
  foreign,       // an element in another namespace, or in none
};

/// Attribute kinds an element may carry.
enum class AttributeUse : std::uint8_t { declaration, known, foreign, unknown };

class Reader {
public:
  Reader(const pugi::xml_document& doc, Builder& builder) : doc_(doc), b_(builder) {}

  void read();

private:
  // -- positions -----------------------------------------------------------
  std::size_t offset(pugi::xml_node node) const;
  std::size_t offset_of(pugi::xml_node owner, const char* in_buffer) const;

  // -- names ---------------------------------------------------------------
  Kind classify(pugi::xml_node element) const;
  AttributeUse attribute_use(std::string_view name,
                             std::initializer_list<std::string_view> known) const;
  void check_attributes(pugi::xml_node element, std::initializer_list<std::string_view> known);
  void report_stray_text(pugi::xml_node text, pugi::xml_node parent);
  void report_unexpected(pugi::xml_node element, pugi::xml_node parent);

  // -- structure -----------------------------------------------------------
  void read_entry(pugi::xml_node entry, std::size_t position, std::string_view language);
  void begin_entry(pugi::xml_node entry, std::size_t position);
  void read_terms(pugi::xml_node container, bool report_others);
  void read_blocks(pugi::xml_node container);
  void read_term(pugi::xml_node term);
  void read_block(pugi::xml_node element, BlockKind kind);
  void flatten(pugi::xml_node container, TextBuilder& text, bool links);

  const pugi::xml_document& doc_;
  Builder& b_;
  XmlScope scopes_;
  std::uintptr_t buffer_ = 0;  // address of the parsed buffer's first byte
  std::size_t size_ = 0;       // its size (that of the raw file)
};

// -- positions ---------------------------------------------------------------

std::size_t Reader::offset(pugi::xml_node node) const {
  // pugixml knows the offset of every node it parsed in place; a node
  // without one (never expected) takes its nearest ancestor's.
  for (; node; node = node.parent()) {
    std::ptrdiff_t o = node.offset_debug();
    if (o >= 0) return static_cast<std::size_t>(o);
  }
  return 0;
}

std::size_t Reader::offset_of(pugi::xml_node owner, const char* in_buffer) const {
  // Attribute names and values point into the buffer parsed in place, whose
  // offsets are those of the raw file.
  auto p = reinterpret_cast<std::uintptr_t>(in_buffer);
  if (buffer_ != 0 && p >= buffer_ && p - buffer_ < size_) return p - buffer_;
  return offset(owner);
}

// -- names -------------------------------------------------------------------

Kind Reader::classify(pugi::xml_node element) const {
  std::string_view name = element.name();
  if (scopes_.uri_of(name) != native_ns) return Kind::foreign;
  std::string_view local = local_name(name);
  if (local == "vocabulary") return Kind::vocabulary;
  if (local == "title") return Kind::title;
  if (local == "entry") return Kind::entry;
  if (local == "lang") return Kind::lang;
  if (local == "term") return Kind::term;
  if (local == "definition") return Kind::definition;
  if (local == "note") return Kind::note;
  if (local == "example") return Kind::example;
  if (local == "source") return Kind::source;
  if (local == "ref") return Kind::ref;
  return Kind::other_native;
}

AttributeUse Reader::attribute_use(std::string_view name,
                                   std::initializer_list<std::string_view> known) const {
  if (name == "xmlns" || (name.size() > 6 && name.compare(0, 6, "xmlns:") == 0)) {
    return AttributeUse::declaration;
  }
  for (std::string_view k : known) {
    if (name == k) return AttributeUse::known;
  }
  std::string_view prefix = prefix_of(name);
  // Unprefixed attributes and xml:* ones belong to the format; attributes in
  // our own namespace are not defined; any other namespace is an extension.
  if (prefix.empty() || prefix == "xml") return AttributeUse::unknown;
  std::string_view uri = scopes_.uri_of(name);
  if (uri == native_ns) return AttributeUse::unknown;
  return uri.empty() ? AttributeUse::unknown : AttributeUse::foreign;
}

void Reader::check_attributes(pugi::xml_node element,
                              std::initializer_list<std::string_view> known) {
  for (pugi::xml_attribute a : element.attributes()) {
    if (attribute_use(a.name(), known) != AttributeUse::unknown) continue;
    b_.report(rules::unsupported_content, offset_of(element, a.name()),
              "unknown attribute '" + std::string(a.name()) + "' on " + element_label(element) +
                  " is ignored");
  }
}

void Reader::report_stray_text(pugi::xml_node text, pugi::xml_node parent) {
  // Point at the first character that is not white space, mapped back to
  // the raw file (line ends and character references as written).
  TextBuilder located;
  located.append(text.value(), offset(text), text.type() == pugi::node_cdata);
  b_.report(rules::unsupported_content, located.raw_offset(b_.raw(), 0),
            "text directly inside " + element_label(parent) + " is ignored");
}

void Reader::report_unexpected(pugi::xml_node element, pugi::xml_node parent) {
  std::string what = element_label(element);
  std::string_view uri = scopes_.uri_of(element.name());
  if (uri.empty()) {
    what += " (in no namespace)";
  } else if (uri != native_ns) {
    what += " (namespace " + std::string(uri) + ")";
  }
  b_.report(rules::unsupported_content, offset(element),
            "element " + what + " is not allowed in " + element_label(parent) + " and is ignored");
}

// -- structure ---------------------------------------------------------------

void Reader::read() {
  pugi::xml_node root = doc_.document_element();
  if (!root) return;
  size_ = b_.raw().size();
  std::ptrdiff_t root_offset = root.offset_debug();
  if (root_offset >= 0) {
    buffer_ =
        reinterpret_cast<std::uintptr_t>(root.name()) - static_cast<std::uintptr_t>(root_offset);
  }

  scopes_.enter(root);
  check_attributes(root, {"xml:lang"});
  std::string_view language = trim(root.attribute("xml:lang").value());
  if (language.empty()) language = default_language;

  std::size_t entries = 0;
  for (pugi::xml_node child : root.children()) {
    switch (child.type()) {
      case pugi::node_pcdata:
      case pugi::node_cdata:
        if (!is_blank(child.value())) report_stray_text(child, root);
        continue;
      case pugi::node_element:
        break;
      default:
        continue;  // comments, processing instructions
    }
    scopes_.enter(child);
    switch (classify(child)) {
      case Kind::title:
        // The title names the vocabulary; the model has no place for it.
        check_attributes(child, {"xml:lang"});
        break;
      case Kind::entry:
        read_entry(child, ++entries, language);
        break;
      default:
        report_unexpected(child, root);
        break;
    }
    scopes_.leave();
  }
  scopes_.leave();
}

void Reader::begin_entry(pugi::xml_node entry, std::size_t position) {
  std::size_t at = offset(entry);
  pugi::xml_attribute number_attr = entry.attribute("number");
  std::string_view number = trim(number_attr.value());
  std::string_view id = trim(entry.attribute("id").value());
  std::string normalized;

  if (!number.empty() && normalize_number(number, normalized)) {
    b_.begin_entry(at, number, true);
    b_.add_entry_id(id);
    return;
  }
  // No usable number: the entry is known by its id, or by its position.
  std::string fallback = "entry-" + std::to_string(position);
  std::string_view key = !id.empty() ? id : std::string_view(fallback);
  b_.begin_entry(at, key, false);
  b_.add_entry_id(id);
  if (number_attr) {
    b_.report(rules::unsupported_content, offset_of(entry, number_attr.value()),
              number.empty()
                  ? "empty entry number; the entry is identified as '" + std::string(key) + "'"
                  : "entry number '" + std::string(number) +
                        "' is not digits separated by '.' or '-'; the entry is identified as '" +
                        std::string(key) + "'");
  }
}

void Reader::read_entry(pugi::xml_node entry, std::size_t position, std::string_view language) {
  begin_entry(entry, position);
  check_attributes(entry, {"number", "id", "xml:lang"});
  std::string_view own = trim(entry.attribute("xml:lang").value());
  if (!own.empty()) language = own;

  // Children in any order. The entry's own terms and blocks are one
  // language section; each <lang> another. Sections that name the same
  // language (compared ignoring ASCII case) are read as one. A section is
  // located at its first container's start tag (the entry's or the lang's);
  // sections come in the order their content first appears.
  struct Section {
    std::string key;
    std::string_view language;
    std::size_t offset;
    std::vector<pugi::xml_node> containers;  // the entry itself or <lang>s
  };
  std::vector<Section> sections;
  auto section_for = [&](std::string_view lang, std::size_t at) -> Section& {
    std::string key = ascii_lower(lang);
    for (Section& s : sections) {
      if (s.key == key) return s;
    }
    sections.push_back({std::move(key), lang, at, {}});
    return sections.back();
  };

  bool own_content = false;
  for (pugi::xml_node child : entry.children()) {
    switch (child.type()) {
      case pugi::node_pcdata:
      case pugi::node_cdata:
        if (!is_blank(child.value())) report_stray_text(child, entry);
        continue;
      case pugi::node_element:
        break;
      default:
        continue;
    }
    scopes_.enter(child);
    switch (classify(child)) {
      case Kind::term:
      case Kind::definition:
      case Kind::note:
      case Kind::example:
      case Kind::source:
        if (!own_content) section_for(language, offset(entry)).containers.push_back(entry);
        own_content = true;
        break;
      case Kind::lang: {
        check_attributes(child, {"xml:lang"});
        std::string_view lang = trim(child.attribute("xml:lang").value());
        if (lang.empty()) {
          b_.report(rules::unsupported_content, offset(child),
                    "<" + std::string(child.name()) +
                        "> without an xml:lang attribute is ignored with its content");
        } else {
          section_for(lang, offset(child)).containers.push_back(child);
        }
        break;
      }
      default:
        report_unexpected(child, entry);
        break;
    }
    scopes_.leave();
  }

  for (const Section& s : sections) {
    b_.begin_section(s.offset, s.language);
    // Designations first, then text blocks, each in document order.
    for (pugi::xml_node c : s.containers) {
      if (c != entry) scopes_.enter(c);
      read_terms(c, c != entry);
      if (c != entry) scopes_.leave();
    }
    for (pugi::xml_node c : s.containers) {
      if (c != entry) scopes_.enter(c);
      read_blocks(c);
      if (c != entry) scopes_.leave();
    }
    b_.end_section();
  }
  b_.end_entry();
}

void Reader::read_terms(pugi::xml_node container, bool report_others) {
  // The entry's own other children were reported while grouping; a <lang>'s
  // are reported here, once.
  for (pugi::xml_node child : container.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      if (report_others && !is_blank(child.value())) report_stray_text(child, container);
      continue;
    }
    if (child.type() != pugi::node_element) continue;
    scopes_.enter(child);
    switch (classify(child)) {
      case Kind::term:
        read_term(child);
        break;
      case Kind::definition:
      case Kind::note:
      case Kind::example:
      case Kind::source:
        break;
      case Kind::lang:
        if (report_others) {
          b_.report(rules::unsupported_content, offset(child),
                    element_label(child) + " cannot be nested in " + element_label(container) +
                        "; it is ignored with its content");
        }
        break;
      default:
        if (report_others) report_unexpected(child, container);
        break;
    }
    scopes_.leave();
  }
}

void Reader::read_blocks(pugi::xml_node container) {
  for (pugi::xml_node child : container.children()) {
    if (child.type() != pugi::node_element) continue;
    scopes_.enter(child);
    switch (classify(child)) {
      case Kind::definition:
        read_block(child, BlockKind::definition);
        break;
      case Kind::note:
        read_block(child, BlockKind::note);
        break;
      case Kind::example:
        read_block(child, BlockKind::example);
        break;
      case Kind::source:
        read_block(child, BlockKind::source);
        break;
      default:
        break;
    }
    scopes_.leave();
  }
}

void Reader::read_term(pugi::xml_node term) {
  check_attributes(term, {"status", "type", "pos"});

  ReadStatus status = ReadStatus::unspecified;
  if (pugi::xml_attribute a = term.attribute("status")) {
    std::string_view v = trim(a.value());
    if (v == "preferred") {
      status = ReadStatus::preferred;
    } else if (v == "admitted") {
      status = ReadStatus::admitted;
    } else if (v == "deprecated") {
      status = ReadStatus::deprecated;
    } else {
      b_.report(rules::unsupported_content, offset_of(term, a.value()),
                "unknown term status '" + std::string(v) +
                    "' (expected preferred, admitted or deprecated); the status is left "
                    "unspecified");
    }
  }

  TermKind kind = TermKind::full_form;
  if (pugi::xml_attribute a = term.attribute("type")) {
    std::string_view v = trim(a.value());
    if (v == "full-form") {
      kind = TermKind::full_form;
    } else if (v == "abbreviation") {
      kind = TermKind::abbreviation;
    } else if (v == "symbol") {
      kind = TermKind::symbol;
    } else if (v == "other") {
      kind = TermKind::other;
    } else {
      b_.report(rules::unsupported_content, offset_of(term, a.value()),
                "unknown term type '" + std::string(v) +
                    "' (expected full-form, abbreviation, symbol or other); full-form is assumed");
    }
  }

  std::string_view pos = trim(term.attribute("pos").value());

  TextBuilder text;
  flatten(term, text, false);
  text.finish();
  if (text.text().empty()) {
    b_.report(rules::unsupported_content, offset(term),
              "empty " + element_label(term) + " is ignored");
    return;
  }
  // A designation is located at its first character.
  b_.add_designation(text.raw_offset(b_.raw(), 0), text.text(), status, kind, pos);
}

void Reader::read_block(pugi::xml_node element, BlockKind kind) {
  check_attributes(element, {});
  TextBuilder text;
  flatten(element, text, true);
  text.finish();
  b_.add_block(offset(element), kind, text);
}

/// Appends the character data under `container` to `text`, in document
/// order, flattening inline elements. With `links`, an outermost native
/// <ref to="..."> becomes a markup link around its text. The walk uses
/// parent links and an explicit scope stack: no recursion, whatever the
/// nesting depth.
void Reader::flatten(pugi::xml_node container, TextBuilder& text, bool links) {
  pugi::xml_node open_ref;  // the <ref> whose link is open
  std::size_t link = 0;
  std::string target_id, target_number;
  bool external = false;

  auto enter = [&](pugi::xml_node element) {
    scopes_.enter(element);
    Kind kind = classify(element);
    switch (kind) {
      case Kind::ref: {
        if (!links) {
          b_.report(rules::unsupported_content, offset(element),
                    element_label(element) + " is not allowed in " + element_label(container) +
                        "; its text is kept without the link");
          break;
        }
        if (open_ref) {
          b_.report(rules::unsupported_content, offset(element),
                    element_label(element) +
                        " inside another reference is ignored; its text belongs to the outer one");
          break;
        }
        check_attributes(element, {"to", "external"});
        // A ref without `to` marks a cited term whose target is only in its
        // text ("term (3.2)"), or nowhere; external="true" points into
        // another document, so `to` is kept as written and never resolved.
        pugi::xml_attribute to = element.attribute("to");
        std::string_view target = trim(to.value());
        if (to && target.empty()) {
          b_.report(rules::unsupported_content, offset(element),
                    element_label(element) +
                        " has an empty 'to' attribute; its text is kept as plain text");
          break;
        }
        external = false;
        if (pugi::xml_attribute ext = element.attribute("external")) {
          std::string_view v = trim(ext.value());
          if (v == "true") {
            external = true;
          } else if (v != "false") {
            b_.report(rules::unsupported_content, offset_of(element, ext.value()),
                      "'external' is 'true' or 'false', not '" + std::string(v) +
                          "'; the reference is read as internal");
          }
        }
        std::string normalized;
        target_id.clear();
        target_number.clear();
        if (!external && normalize_number(target, normalized)) {
          target_number = std::string(target);
        } else {
          target_id = std::string(target);
        }
        open_ref = element;
        link = text.open_link();
        break;
      }
      case Kind::vocabulary:
      case Kind::title:
      case Kind::entry:
      case Kind::lang:
      case Kind::term:
      case Kind::definition:
      case Kind::note:
      case Kind::example:
      case Kind::source:
        // Structure where only text belongs: a mistake worth pointing at.
        b_.report(rules::unsupported_content, offset(element),
                  element_label(element) + " cannot stand inside " + element_label(container) +
                      "; only its text is kept");
        break;
      case Kind::other_native:
      case Kind::foreign:
        // Inline markup (emphasis, sub- and superscripts ...): its text is
        // kept, the markup is not part of the model.
        break;
    }
  };
  auto leave = [&](pugi::xml_node element) {
    if (element == open_ref) {
      text.close_link(link, std::move(target_id), std::move(target_number), external);
      target_id.clear();
      target_number.clear();
      open_ref = pugi::xml_node();
    }
    scopes_.leave();
  };

  pugi::xml_node node = container.first_child();
  while (node) {
    switch (node.type()) {
      case pugi::node_pcdata:
        text.append(node.value(), offset(node), false);
        break;
      case pugi::node_cdata:
        text.append(node.value(), offset(node), true);
        break;
      case pugi::node_element:
        enter(node);
        if (pugi::xml_node child = node.first_child()) {
          node = child;
          continue;
        }
        leave(node);
        break;
      default:
        break;  // comments and processing instructions are not text
    }
    // Next node in document order, leaving finished elements on the way up.
    for (;;) {
      if (pugi::xml_node next = node.next_sibling()) {
        node = next;
        break;
      }
      node = node.parent();
      if (node == container) {
        node = pugi::xml_node();
        break;
      }
      leave(node);
    }
  }
}

}  // namespace

void read_native(const pugi::xml_document& doc, Builder& builder) {
  Reader reader(doc, builder);
  reader.read();
}

}  // namespace termgraph
