// The native format reader (docs/format.md). The structure is fixed and
// shallow (vocabulary > entry > lang > term or text block, with data
// categories in entry, lang and term, and groups of them nested one deep),
// so it is read with plain loops over children (read/xml.hpp) and a group
// depth the reader bounds; only the inline content of terms, text blocks
// and category values can nest to any depth, and it is flattened by the
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
#include "format/native_categories.hpp"
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
  cross_reference,
  category,  // the generic <category> or a named one (<subject-field> ...)
  group,
  other_native,  // an element of our namespace the format does not define here
  tbx_source,    // what a TBX source holds outside the model (<tbx-source>)
  foreign,       // an element in another namespace, or in none
};

/// Attribute kinds an element may carry.
enum class AttributeUse : std::uint8_t { declaration, known, foreign, unknown };

class NativeReader : xml::Reader {
public:
  NativeReader(const pugi::xml_document& doc, Builder& builder, ChunkedDocument* chunks)
      : Reader(builder, xml::Spaces::xml, chunks), doc_(doc) {}

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
  void read_tbx_source(pugi::xml_node element);
  void begin_entry(pugi::xml_node entry, std::size_t position);
  void read_terms(pugi::xml_node container, bool report_others);
  void read_language_content(pugi::xml_node container, bool categories);
  void read_term(pugi::xml_node term);
  void read_block(pugi::xml_node element, BlockKind kind);
  void flatten(pugi::xml_node container, TextBuilder& text, bool links, bool skip_items = false);

  // -- data categories -----------------------------------------------------
  /// True when `element` is a data category, a group or a text block that
  /// stands for one. A text block does so when it carries `element`, or
  /// always inside a term or a group (`always_blocks`).
  bool is_item(pugi::xml_node element, bool always_blocks) const;
  /// Reads a data category, a group or a block standing for one at `level`
  /// (scope entered by the caller). `parent`: the handle of its group's
  /// category for a detail; `grouped`: it is a group's first member, whose
  /// range is `at` (the group's start). `depth`: how many groups it is in.
  /// Returns its handle, or Builder::no_handle.
  std::uint32_t read_item(pugi::xml_node element, CategoryLevel level, std::uint32_t parent,
                          bool grouped, std::size_t at, int depth);
  std::uint32_t read_group(pugi::xml_node group, CategoryLevel level, std::uint32_t parent,
                           int depth);
  bool read_known(pugi::xml_node element);
  /// The part of speech a term's generic partOfSpeech category gives, when
  /// the term has no `pos`.
  std::string part_of_speech_category(pugi::xml_node term);

  const pugi::xml_document& doc_;
};

// -- names -------------------------------------------------------------------

Kind NativeReader::classify(pugi::xml_node element) const {
  std::string_view name = element.name();
  if (scope_.uri_of(name) != xml_namespace::native) return Kind::foreign;
  std::string_view local = local_name(name);
  if (local == "vocabulary") return Kind::vocabulary;
  if (local == "title") return Kind::title;
  if (local == "tbx-source") return Kind::tbx_source;
  if (local == "entry") return Kind::entry;
  if (local == "lang") return Kind::lang;
  if (local == "term") return Kind::term;
  if (local == "definition") return Kind::definition;
  if (local == "note") return Kind::note;
  if (local == "example") return Kind::example;
  if (local == "source") return Kind::source;
  if (local == "ref") return Kind::ref;
  if (local == "cross-reference") return Kind::cross_reference;
  if (local == "group") return Kind::group;
  if (local == "category" || native_categories::named_element(local)) return Kind::category;
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
          case Kind::tbx_source:
            read_tbx_source(child);
            break;
          default:
            report_unexpected(child, root);
            break;
        }
      },
      [&](pugi::xml_node text) { report_stray_text(text, root); });
}

namespace {

/// The character data of `element`, its CDATA sections and text joined.
std::string character_data(pugi::xml_node element) {
  std::string out;
  for (pugi::xml_node n : element.children()) {
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) out += n.value();
  }
  return out;
}

}  // namespace

// <tbx-source>: what one TBX file held outside the model, kept verbatim by
// the native writer (Impl::TbxParts), so that TBX -> native -> TBX gives the
// file's header and back matter back.
void NativeReader::read_tbx_source(pugi::xml_node element) {
  check_attributes(element, {"type", "style", "martif"});
  Vocabulary::Impl::TbxParts parts;
  parts.tbx = true;
  parts.type = xml::attribute(element, "type");
  parts.style = xml::attribute(element, "style");
  parts.martif = xml::attribute(element, "martif") == "true";
  std::string header, back;
  bool ok = true;
  children(
      element,
      [&](pugi::xml_node child) {
        std::string_view name = child.name();
        if (classify(child) == Kind::foreign) {
          report_unexpected(child, element);
        } else if (local_name(name) == "root-attribute") {
          check_attributes(child, {"name", "value"});
          parts.root_attributes.emplace_back(xml::attribute(child, "name"),
                                             child.attribute("value").value());
        } else if (local_name(name) == "header" || local_name(name) == "back") {
          std::string& into = local_name(name) == "header" ? header : back;
          into = character_data(child);
          if (!xml::well_formed_content(into)) {
            builder_.report(rules::invalid_value, offset(child),
                            "<" + std::string(local_name(name)) +
                                "> of <tbx-source> is not well-formed XML content; the TBX "
                                "source's parts are not kept");
            ok = false;
          }
          if (local_name(name) == "back") parts.has_back = true;
        } else {
          report_unexpected(child, element);
        }
      },
      [&](pugi::xml_node text) { report_stray_text(text, element); });
  if (!ok) return;
  parts.header = header;
  parts.back = back;
  builder_.set_tbx_parts(std::move(parts));
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
  // Data categories directly in the entry are at entry level: they are
  // read with the section in the entry's language (else the first), which
  // holds the text blocks of those that are one.
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
  std::vector<pugi::xml_node> entry_items;  // entry-level categories, in order
  bool entry_blocks = false;                // one of them is a text block
  children(
      entry,
      [&](pugi::xml_node child) {
        Kind kind = classify(child);
        if (is_item(child, false)) {
          entry_items.push_back(child);
          if (kind == Kind::group) {
            // A group holds a text block when one of its members (or of a
            // nested group's) is one.
            walk_elements(child, [&](pugi::xml_node e) {
              Kind k = classify(e);
              if (e != child && k != Kind::group && is_item(e, true) && k != Kind::category) {
                entry_blocks = true;
              }
              return e == child || (k == Kind::group && e.parent() == child);
            });
          } else if (kind != Kind::category) {
            entry_blocks = true;
          }
          return;
        }
        switch (kind) {
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

  auto read_entry_items = [&] {
    for (pugi::xml_node item : entry_items) {
      XmlScope::Guard entered(scope_, item);
      read_item(item, CategoryLevel::entry, Builder::no_handle, false, offset(item), 0);
    }
  };
  // The section of the entry-level categories.
  std::size_t home = 0;
  if (!entry_items.empty()) {
    if (sections.empty() && entry_blocks) {
      sections.push_back({language, offset(entry), language_offset, {}});
    }
    for (std::size_t i = 0; i < sections.size(); ++i) {
      if (language::same(sections[i].language, language)) {
        home = i;
        break;
      }
    }
    if (sections.empty()) read_entry_items();
  }

  // A <lang> is read with its scope entered; the entry's is already.
  auto in_scope = [&](pugi::xml_node container, auto&& read) {
    if (container == entry) {
      read(container);
    } else {
      XmlScope::Guard entered(scope_, container);
      read(container);
    }
  };
  for (std::size_t i = 0; i < sections.size(); ++i) {
    const Section& s = sections[i];
    builder_.begin_section(s.offset, s.language, s.language_offset);
    if (i == home) read_entry_items();
    // Text blocks and categories of the section, then designations with
    // theirs, each in document order (as TBX orders them).
    for (pugi::xml_node c : s.containers) {
      in_scope(c, [&](pugi::xml_node container) {
        read_language_content(container, container != entry);
      });
    }
    for (pugi::xml_node c : s.containers) {
      in_scope(c, [&](pugi::xml_node container) { read_terms(container, container != entry); });
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
        if (is_item(child, false)) return;
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

void NativeReader::read_language_content(pugi::xml_node container, bool categories) {
  // A text block's element is named as its kind (to_string(BlockKind)).
  // In the entry itself, categories are at entry level (read_entry).
  children(container, [&](pugi::xml_node child) {
    if (is_item(child, false)) {
      if (categories) {
        read_item(child, CategoryLevel::language, Builder::no_handle, false, offset(child), 0);
      }
      return;
    }
    if (scope_.uri_of(child.name()) != xml_namespace::native) return;
    std::optional<BlockKind> kind =
        named(local_name(child.name()),
              {BlockKind::definition, BlockKind::note, BlockKind::example, BlockKind::source});
    if (kind) read_block(child, *kind);
  });
}

std::string NativeReader::part_of_speech_category(pugi::xml_node term) {
  for (pugi::xml_node child : term.children()) {
    if (child.type() != pugi::node_element) continue;
    XmlScope::Guard entered(scope_, child);
    if (classify(child) != Kind::category || local_name(child.name()) != "category") continue;
    if (xml::trim(child.attribute("type").value()) != "partOfSpeech") continue;
    // The value as the Builder keeps a category's: white space collapsed.
    std::string value;
    for (char c : xml::trim(child.child_value())) {
      if (xml::is_space(c)) {
        if (!value.empty() && value.back() != ' ') value += ' ';
      } else {
        value += c;
      }
    }
    return value;
  }
  return {};
}

void NativeReader::read_term(pugi::xml_node term) {
  check_attributes(term, {"status", "type", "pos", "id", "section-id"});

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
  bool kind_stated = false;
  if (pugi::xml_attribute a = term.attribute("type")) {
    std::string_view v = xml::trim(a.value());
    std::optional<TermKind> named_kind =
        named(v, {TermKind::full_form, TermKind::abbreviation, TermKind::symbol, TermKind::other});
    if (named_kind) {
      kind = *named_kind;
      kind_stated = true;
    } else {
      builder_.report(rules::unsupported_content, value_offset(term, a),
                      "unknown term type '" + std::string(v) +
                          "' (expected full-form, abbreviation, symbol or other); full-form is "
                          "assumed");
    }
  }

  std::string pos(xml::attribute(term, "pos"));
  if (!term.attribute("pos")) pos = part_of_speech_category(term);

  TextBuilder text;
  text.keep_markup();
  flatten(term, text, false, true);
  text.finish();
  if (text.text().empty()) {
    // Left out of the model; the analysis reports it (empty-element).
    builder_.add_empty_term(offset(term));
    for (pugi::xml_node child : term.children()) {
      if (child.type() != pugi::node_element) continue;
      XmlScope::Guard entered(scope_, child);
      if (is_item(child, true)) {
        builder_.report(rules::unsupported_content, offset(child),
                        tag(child) + " belongs to a term without text and is left out with it");
      }
    }
    return;
  }
  // A designation is located at its first character.
  builder_.add_designation(text.raw_offset(builder_.raw(), 0), text.text(), status, kind, pos,
                           kind_stated);
  if (!text.markup().empty()) builder_.set_designation_markup(text.markup());
  builder_.set_designation_ids(xml::attribute(term, "section-id"), xml::attribute(term, "id"));
  // Its data categories, in document order.
  children(term, [&](pugi::xml_node child) {
    if (is_item(child, true)) {
      read_item(child, CategoryLevel::term, Builder::no_handle, false, offset(child), 0);
    }
  });
}

// -- data categories -----------------------------------------------------------

bool NativeReader::is_item(pugi::xml_node element, bool always_blocks) const {
  switch (classify(element)) {
    case Kind::category:
    case Kind::group:
    case Kind::cross_reference:
      return true;
    case Kind::definition:
    case Kind::note:
    case Kind::example:
    case Kind::source:
      return always_blocks || element.attribute("element");
    default:
      return false;
  }
}

bool NativeReader::read_known(pugi::xml_node element) {
  pugi::xml_attribute a = element.attribute("known");
  if (!a) return true;
  std::string_view v = xml::trim(a.value());
  if (v == "true") return true;
  if (v == "false") return false;
  builder_.report(
      rules::unsupported_content, value_offset(element, a),
      "'known' is 'true' or 'false', not '" + std::string(v) + "'; the category is read as known");
  return true;
}

std::uint32_t NativeReader::read_group(pugi::xml_node group, CategoryLevel level,
                                       std::uint32_t parent, int depth) {
  check_attributes(group, {});
  std::uint32_t first = Builder::no_handle;
  bool have_first = false;
  children(
      group,
      [&](pugi::xml_node child) {
        if (!is_item(child, true)) {
          report_unexpected(child, group);
          return;
        }
        if (have_first) {
          // A detail; without its category (reported) it has nowhere to go.
          if (first != Builder::no_handle)
            read_item(child, level, first, false, offset(child), depth);
          return;
        }
        have_first = true;
        if (classify(child) == Kind::group) {
          builder_.report(rules::unsupported_content, offset(child),
                          tag(child) +
                              " cannot open a group: a group starts with its category; "
                              "the group is left out with its content");
          return;
        }
        first = read_item(child, level, parent, true, offset(group), depth);
      },
      [&](pugi::xml_node text) { report_stray_text(text, group); });
  if (!have_first) {
    builder_.report(rules::unsupported_content, offset(group),
                    tag(group) + " without a category is ignored");
  }
  return first;
}

std::uint32_t NativeReader::read_item(pugi::xml_node element, CategoryLevel level,
                                      std::uint32_t parent, bool grouped, std::size_t at,
                                      int depth) {
  const Kind kind = classify(element);
  if (kind == Kind::group) {
    // TBX nests groups one deep (an adminGrp or transacGrp among a
    // descripGrp's members); so does the format. The depth is bounded here,
    // never by the input.
    if (depth >= 2) {
      builder_.report(rules::unsupported_content, offset(element),
                      tag(element) +
                          " nested more than two deep is ignored with its content (groups "
                          "nest one deep at most, as in TBX)");
      return Builder::no_handle;
    }
    return read_group(element, level, parent, depth + 1);
  }

  CategoryElement category_element = CategoryElement::descrip;
  std::string type;
  std::optional<BlockKind> block;
  auto read_element_attribute = [&](CategoryElement fallback) {
    category_element = fallback;
    pugi::xml_attribute a = element.attribute("element");
    if (!a) return;
    std::string_view v = xml::trim(a.value());
    if (std::optional<CategoryElement> e = native_categories::element_named(v)) {
      category_element = *e;
    } else {
      builder_.report(rules::unsupported_content, value_offset(element, a),
                      "unknown element '" + std::string(v) +
                          "' (expected descrip, descripNote, admin, adminNote, termNote, note, "
                          "ref, xref, transac, transacNote or date); " +
                          std::string(to_string(fallback)) + " is assumed");
    }
  };

  std::string_view local = local_name(element.name());
  if (kind == Kind::category) {
    if (const native_categories::Named* n = native_categories::named_element(local)) {
      check_attributes(element, {"target", "known"});
      category_element = n->element;
      type = std::string(n->type);
    } else {
      check_attributes(element, {"element", "type", "target", "known"});
      read_element_attribute(CategoryElement::descrip);
      type = std::string(xml::trim(element.attribute("type").value()));
    }
  } else {
    block = native_categories::block_kind(local);
    if (!block) return Builder::no_handle;  // never: is_item() said it is one
    check_attributes(element, {"element", "type", "target", "known"});
    read_element_attribute(native_categories::default_element(*block));
    pugi::xml_attribute t = element.attribute("type");
    type = t ? std::string(xml::trim(t.value()))
             : std::string(native_categories::default_type(*block, category_element));
  }
  const std::string target(xml::trim(element.attribute("target").value()));
  const bool known = read_known(element);

  TextBuilder text;
  if (block) text.keep_markup();
  flatten(element, text, block.has_value());
  text.finish();
  std::uint32_t block_handle = Builder::no_handle;
  if (block) block_handle = builder_.add_block(offset(element), *block, text);
  std::uint32_t handle = builder_.add_category(level, at, at, category_element, type, text.text(),
                                               target, grouped, known, parent);
  if (block_handle != Builder::no_handle && handle != Builder::no_handle) {
    builder_.set_category_block(handle, block_handle);
  }
  return handle;
}

void NativeReader::read_block(pugi::xml_node element, BlockKind kind) {
  check_attributes(element, {});
  TextBuilder text;
  text.keep_markup();
  flatten(element, text, true);
  text.finish();
  builder_.add_block(offset(element), kind, text);
}

/// The name a native inline element has in a markup view
/// (TextBlock::markup): `em` is `italic`, `strong` is `bold`, `sub` and
/// `sup` keep theirs; empty for any other element.
std::string_view view_name(pugi::xml_node element) {
  const std::string_view name = element.name();
  const std::size_t colon = name.find(':');
  const std::string_view local = colon == std::string_view::npos ? name : name.substr(colon + 1);
  if (local == "em") return "italic";
  if (local == "strong") return "bold";
  if (local == "sub" || local == "sup") return local;
  return {};
}

/// Appends the character data under `container` to `text`, in document
/// order, flattening inline elements. With `links`, an outermost native
/// <ref to="..."> becomes a markup link around its text. With
/// `skip_items`, the data categories among `container`'s children (a
/// term's) are left out: they are read on their own.
void NativeReader::flatten(pugi::xml_node container, TextBuilder& text, bool links,
                           bool skip_items) {
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
      case Kind::tbx_source:
      case Kind::entry:
      case Kind::lang:
      case Kind::term:
      case Kind::cross_reference:
      case Kind::category:
      case Kind::group:
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
        // Inline markup: its text is the text; em, strong, sub and sup are
        // kept in the markup view (as the model names them).
        if (std::string_view name = view_name(element); !name.empty()) text.open_markup(name);
        break;
      case Kind::foreign:
        // Foreign inline markup: its text is kept, the markup is not.
        break;
    }
  };
  auto close = [&](pugi::xml_node element) {
    if (classify(element) == Kind::other_native) {
      if (std::string_view name = view_name(element); !name.empty()) text.close_markup(name);
    }
    if (element == open_ref) {
      text.close_link(link, std::move(target_id), std::move(target_number), external);
      target_id.clear();
      target_number.clear();
      open_ref = pugi::xml_node();
    }
  };
  // As Reader::flatten, but a skipped child is neither entered nor walked.
  pugi::xml_node skipped;
  walk_subtree(
      container,
      [&](pugi::xml_node n) {
        switch (n.type()) {
          case pugi::node_pcdata:
            text.append(n.value(), offset(n));
            return false;
          case pugi::node_cdata:
            text.append(n.value(), offset(n), true);
            return false;
          case pugi::node_element:
            break;
          default:
            return false;  // comments and processing instructions are not text
        }
        if (n == container) return true;
        scope_.enter(n);  // left in the second function: one subtree, one walk
        if (skip_items && n.parent() == container && is_item(n, true)) {
          scope_.leave();
          skipped = n;
          return false;
        }
        open(n);
        return true;
      },
      [&](pugi::xml_node n) {
        if (n.type() != pugi::node_element || n == container || n == skipped) return;
        close(n);
        scope_.leave();
      });
}

}  // namespace

void read_native(const pugi::xml_document& doc, Builder& builder, ChunkedDocument* chunks) {
  NativeReader(doc, builder, chunks).read();
}

}  // namespace termgraph
