// The native format reader (docs/format.md). The structure is fixed and
// shallow (vocabulary > entry > lang > term or text block), so it is read
// with plain loops over children (read/xml.hpp); only the inline content of
// terms and text blocks can nest to any depth, and it is flattened by the
// toolkit's walk along parent links, never by recursion.
//
// Everything the reader does not understand is reported as
// unsupported-content at its own position and left out; nothing is dropped
// silently. Attributes in foreign namespaces are the one exception: they are
// the format's extension point (docs/format.md) and are ignored.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "format/ids.hpp"
#include "format/namespaces.hpp"
#include "read/readers.hpp"
#include "read/xml.hpp"
#include "termgraph/rules.hpp"
#include "text/language.hpp"
#include "text/numbers.hpp"

namespace termgraph {

namespace {

constexpr std::string_view default_language = "en";

using xml::tag;

/// The one of `values` whose name (to_string()) is `written`.
template <typename T>
std::optional<T> named(std::string_view written, std::initializer_list<T> values) {
  for (T value : values) {
    if (to_string(value) == written) return value;
  }
  return std::nullopt;
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

class NativeReader : xml::Reader {
public:
  NativeReader(const pugi::xml_document& doc, Builder& builder) : Reader(builder), doc_(doc) {}

  void read();

private:
  // -- names ---------------------------------------------------------------
  Kind classify(pugi::xml_node element) const;
  AttributeUse attribute_use(std::string_view name,
                             std::initializer_list<std::string_view> known) const;
  void check_attributes(pugi::xml_node element, std::initializer_list<std::string_view> known);
  void report_stray_text(pugi::xml_node text, pugi::xml_node parent);
  void report_unexpected(pugi::xml_node element, pugi::xml_node parent);
  std::size_t value_offset(pugi::xml_node element, pugi::xml_attribute a) const {
    return source_.attribute(element, a).value;
  }

  // -- structure -----------------------------------------------------------
  void read_entry(pugi::xml_node entry, std::size_t position, std::string_view language,
                  std::size_t language_offset);
  void read_declared_languages(pugi::xml_node root);
  void begin_entry(pugi::xml_node entry, std::size_t position);
  void read_terms(pugi::xml_node container, bool report_others);
  void read_blocks(pugi::xml_node container);
  void read_term(pugi::xml_node term);
  void read_block(pugi::xml_node element, BlockKind kind);
  void flatten(pugi::xml_node container, TextBuilder& text, bool links);

  const pugi::xml_document& doc_;
};

// -- names -------------------------------------------------------------------

Kind NativeReader::classify(pugi::xml_node element) const {
  std::string_view name = element.name();
  if (scope_.uri_of(name) != xml_namespace::native) return Kind::foreign;
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

AttributeUse NativeReader::attribute_use(std::string_view name,
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
  std::string_view uri = scope_.uri_of(name);
  if (uri == xml_namespace::native) return AttributeUse::unknown;
  return uri.empty() ? AttributeUse::unknown : AttributeUse::foreign;
}

void NativeReader::check_attributes(pugi::xml_node element,
                                    std::initializer_list<std::string_view> known) {
  std::vector<xml::Source::AttributeOffsets> at;  // read from the tag at the first report
  std::size_t index = 0;
  for (pugi::xml_attribute a : element.attributes()) {
    std::size_t i = index++;
    if (attribute_use(a.name(), known) != AttributeUse::unknown) continue;
    if (at.empty()) at = source_.attributes(element);
    builder_.report(
        rules::unsupported_content, at[i].name,
        "unknown attribute '" + std::string(a.name()) + "' on " + tag(element) + " is ignored");
  }
}

void NativeReader::report_stray_text(pugi::xml_node text, pugi::xml_node parent) {
  // Point at the first character that is not white space.
  builder_.report(rules::unsupported_content, source_.first_character(text),
                  "text directly inside " + tag(parent) + " is ignored");
}

void NativeReader::report_unexpected(pugi::xml_node element, pugi::xml_node parent) {
  std::string what = tag(element);
  std::string_view uri = scope_.uri_of(element.name());
  if (uri.empty()) {
    what += " (in no namespace)";
  } else if (uri != xml_namespace::native) {
    what += " (namespace " + std::string(uri) + ")";
  }
  builder_.report(rules::unsupported_content, offset(element),
                  "element " + what + " is not allowed in " + tag(parent) + " and is ignored");
}

// -- structure ---------------------------------------------------------------

void NativeReader::read() {
  pugi::xml_node root = doc_.document_element();
  if (!root) return;

  XmlScope::Guard entered(scope_, root);
  check_attributes(root, {"xml:lang", "languages"});
  std::string_view language = xml::attribute(root, "xml:lang");
  // Where the language of the entries' own content is written (npos: not
  // written, the default).
  std::size_t language_offset = std::string_view::npos;
  if (language.empty()) {
    language = default_language;
  } else {
    language_offset = xml::trimmed_value_offset(source_, root, root.attribute("xml:lang"));
    builder_.add_language_tag(language_offset, language);
  }
  read_declared_languages(root);

  std::size_t entries = 0;
  children(
      root,
      [&](pugi::xml_node child) {
        switch (classify(child)) {
          case Kind::title: {
            // The title names the vocabulary (Vocabulary::title).
            check_attributes(child, {"xml:lang"});
            std::string title;
            collapse_xml_spaces(child.child_value(), title);
            builder_.set_title(title);
            break;
          }
          case Kind::entry:
            read_entry(child, ++entries, language, language_offset);
            break;
          default:
            report_unexpected(child, root);
            break;
        }
      },
      [&](pugi::xml_node text) { report_stray_text(text, root); });
}

void NativeReader::begin_entry(pugi::xml_node entry, std::size_t position) {
  std::size_t at = offset(entry);
  pugi::xml_attribute number_attr = entry.attribute("number");
  std::string_view number = xml::trim(number_attr.value());
  std::string_view id = xml::attribute(entry, "id");

  if (is_entry_number(number)) {
    builder_.begin_entry(at, number, true);
    builder_.add_entry_id(id);
    return;
  }
  // No usable number: the entry is known by its id, or by its position.
  std::string fallback = ids::position_key(position);
  std::string_view key = !id.empty() ? id : std::string_view(fallback);
  builder_.begin_entry(at, key, false);
  builder_.add_entry_id(id);
  if (number_attr) {
    builder_.report(
        rules::unsupported_content, value_offset(entry, number_attr),
        number.empty()
            ? "empty entry number; the entry is identified as '" + std::string(key) + "'"
            : "entry number '" + std::string(number) +
                  "' is not digits separated by '.' or '-'; the entry is identified as '" +
                  std::string(key) + "'");
  }
}

void NativeReader::read_declared_languages(pugi::xml_node root) {
  // languages="en fr": tags separated by white space. Each is located in
  // the value as written when the value has no reference or line break
  // that the parser changed; else at the start of the value.
  pugi::xml_attribute a = root.attribute("languages");
  if (!a) return;
  std::string_view value = a.value();
  const std::size_t at = value_offset(root, a);
  const std::string_view raw = builder_.raw();
  const bool as_written = raw.substr(std::min(at, raw.size()), value.size()) == value;
  std::size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && xml::is_space(value[i])) ++i;
    std::size_t end = i;
    while (end < value.size() && !xml::is_space(value[end])) ++end;
    if (end > i) builder_.declare_language(as_written ? at + i : at, value.substr(i, end - i));
    i = end;
  }
}

void NativeReader::read_entry(pugi::xml_node entry, std::size_t position, std::string_view language,
                              std::size_t language_offset) {
  begin_entry(entry, position);
  check_attributes(entry, {"number", "id", "xml:lang"});
  std::string_view own = xml::attribute(entry, "xml:lang");
  if (!own.empty()) {
    language = own;
    language_offset = xml::trimmed_value_offset(source_, entry, entry.attribute("xml:lang"));
  }

  // Children in any order. The entry's own terms and blocks are one
  // language section; each <lang> another. Sections that name the same
  // language (language::same: case never matters) are read as one. A
  // section is located at its first container's start tag (the entry's or
  // the lang's); sections come in the order their content first appears.
  struct Section {
    std::string_view language;
    std::size_t offset;
    std::size_t language_offset;             // where the tag is written, or npos
    std::vector<pugi::xml_node> containers;  // the entry itself or <lang>s
  };
  std::vector<Section> sections;
  auto section_for = [&](std::string_view lang, std::size_t at, std::size_t lang_at) -> Section& {
    for (Section& s : sections) {
      if (language::same(s.language, lang)) return s;
    }
    sections.push_back({lang, at, lang_at, {}});
    return sections.back();
  };

  bool own_content = false;
  children(
      entry,
      [&](pugi::xml_node child) {
        switch (classify(child)) {
          case Kind::term:
          case Kind::definition:
          case Kind::note:
          case Kind::example:
          case Kind::source:
            if (!own_content) {
              section_for(language, offset(entry), language_offset).containers.push_back(entry);
            }
            own_content = true;
            break;
          case Kind::lang: {
            check_attributes(child, {"xml:lang"});
            std::string_view lang = xml::attribute(child, "xml:lang");
            if (lang.empty()) {
              builder_.report(rules::unsupported_content, offset(child),
                              tag(child) +
                                  " without an xml:lang attribute is ignored with its "
                                  "content");
            } else {
              section_for(lang, offset(child),
                          xml::trimmed_value_offset(source_, child, child.attribute("xml:lang")))
                  .containers.push_back(child);
            }
            break;
          }
          default:
            report_unexpected(child, entry);
            break;
        }
      },
      [&](pugi::xml_node text) { report_stray_text(text, entry); });

  // A <lang> is read with its scope entered; the entry's is already.
  auto in_scope = [&](pugi::xml_node container, auto&& read) {
    if (container == entry) {
      read(container);
    } else {
      XmlScope::Guard entered(scope_, container);
      read(container);
    }
  };
  for (const Section& s : sections) {
    builder_.begin_section(s.offset, s.language, s.language_offset);
    // Designations first, then text blocks, each in document order.
    for (pugi::xml_node c : s.containers) {
      in_scope(c, [&](pugi::xml_node container) { read_terms(container, container != entry); });
    }
    for (pugi::xml_node c : s.containers) {
      in_scope(c, [&](pugi::xml_node container) { read_blocks(container); });
    }
    builder_.end_section();
  }
  builder_.end_entry();
}

void NativeReader::read_terms(pugi::xml_node container, bool report_others) {
  // The entry's own other children were reported while grouping; a <lang>'s
  // are reported here, once.
  children(
      container,
      [&](pugi::xml_node child) {
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
              builder_.report(rules::unsupported_content, offset(child),
                              tag(child) + " cannot be nested in " + tag(container) +
                                  "; it is ignored with its content");
            }
            break;
          default:
            if (report_others) report_unexpected(child, container);
            break;
        }
      },
      [&](pugi::xml_node text) {
        if (report_others) report_stray_text(text, container);
      });
}

void NativeReader::read_blocks(pugi::xml_node container) {
  // A text block's element is named as its kind (to_string(BlockKind)).
  children(container, [&](pugi::xml_node child) {
    if (scope_.uri_of(child.name()) != xml_namespace::native) return;
    std::optional<BlockKind> kind =
        named(local_name(child.name()),
              {BlockKind::definition, BlockKind::note, BlockKind::example, BlockKind::source});
    if (kind) read_block(child, *kind);
  });
}

void NativeReader::read_term(pugi::xml_node term) {
  check_attributes(term, {"status", "type", "pos"});

  // The values are those the model's to_string() gives.
  ReadStatus status = ReadStatus::unspecified;
  if (pugi::xml_attribute a = term.attribute("status")) {
    std::string_view v = xml::trim(a.value());
    std::optional<Status> named_status =
        named(v, {Status::preferred, Status::admitted, Status::deprecated});
    status = to_read_status(named_status);
    if (!named_status) {
      builder_.report(rules::unsupported_content, value_offset(term, a),
                      "unknown term status '" + std::string(v) +
                          "' (expected preferred, admitted or deprecated); the status is left "
                          "unspecified");
    }
  }

  TermKind kind = TermKind::full_form;
  if (pugi::xml_attribute a = term.attribute("type")) {
    std::string_view v = xml::trim(a.value());
    std::optional<TermKind> named_kind =
        named(v, {TermKind::full_form, TermKind::abbreviation, TermKind::symbol, TermKind::other});
    if (named_kind) {
      kind = *named_kind;
    } else {
      builder_.report(rules::unsupported_content, value_offset(term, a),
                      "unknown term type '" + std::string(v) +
                          "' (expected full-form, abbreviation, symbol or other); full-form is "
                          "assumed");
    }
  }

  std::string_view pos = xml::attribute(term, "pos");

  TextBuilder text;
  flatten(term, text, false);
  text.finish();
  if (text.text().empty()) {
    // Left out of the model; the analysis reports it (empty-element).
    builder_.add_empty_term(offset(term));
    return;
  }
  // A designation is located at its first character.
  builder_.add_designation(text.raw_offset(builder_.raw(), 0), text.text(), status, kind, pos);
}

void NativeReader::read_block(pugi::xml_node element, BlockKind kind) {
  check_attributes(element, {});
  TextBuilder text;
  flatten(element, text, true);
  text.finish();
  builder_.add_block(offset(element), kind, text);
}

/// Appends the character data under `container` to `text`, in document
/// order, flattening inline elements. With `links`, an outermost native
/// <ref to="..."> becomes a markup link around its text.
void NativeReader::flatten(pugi::xml_node container, TextBuilder& text, bool links) {
  pugi::xml_node open_ref;  // the <ref> whose link is open
  std::size_t link = 0;
  std::string target_id, target_number;
  bool external = false;

  auto open = [&](pugi::xml_node element) {
    switch (classify(element)) {
      case Kind::ref: {
        if (!links) {
          builder_.report(rules::unsupported_content, offset(element),
                          tag(element) + " is not allowed in " + tag(container) +
                              "; its text is kept without the link");
          break;
        }
        if (open_ref) {
          builder_.report(rules::unsupported_content, offset(element),
                          tag(element) +
                              " inside another reference is ignored; its text belongs to the "
                              "outer one");
          break;
        }
        check_attributes(element, {"to", "external"});
        // A ref without `to` marks a cited term whose target is only in its
        // text ("term (3.2)"), or nowhere; external="true" points into
        // another document, so `to` is kept as written and never resolved.
        pugi::xml_attribute to = element.attribute("to");
        std::string_view target = xml::trim(to.value());
        if (to && target.empty()) {
          builder_.report(
              rules::unsupported_content, offset(element),
              tag(element) + " has an empty 'to' attribute; its text is kept as plain text");
          break;
        }
        external = false;
        if (pugi::xml_attribute ext = element.attribute("external")) {
          std::string_view v = xml::trim(ext.value());
          if (v == "true") {
            external = true;
          } else if (v != "false") {
            builder_.report(rules::unsupported_content, value_offset(element, ext),
                            "'external' is 'true' or 'false', not '" + std::string(v) +
                                "'; the reference is read as internal");
          }
        }
        target_id.clear();
        target_number.clear();
        if (!external && is_entry_number(target)) {
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
        builder_.report(
            rules::unsupported_content, offset(element),
            tag(element) + " cannot stand inside " + tag(container) + "; only its text is kept");
        break;
      case Kind::other_native:
      case Kind::foreign:
        // Inline markup (emphasis, sub- and superscripts ...): its text is
        // kept, the markup is not part of the model.
        break;
    }
  };
  auto close = [&](pugi::xml_node element) {
    if (element == open_ref) {
      text.close_link(link, std::move(target_id), std::move(target_number), external);
      target_id.clear();
      target_number.clear();
      open_ref = pugi::xml_node();
    }
  };
  Reader::flatten(container, text, open, close);
}

}  // namespace

void read_native(const pugi::xml_document& doc, Builder& builder) {
  NativeReader(doc, builder).read();
}

}  // namespace termgraph
