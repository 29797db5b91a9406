// Internal: the XML reading toolkit every XML reader is built on (native,
// STS, TBX) and format detection uses: qualified names and the namespace
// and language scopes of a document-order walk (XmlScope, entered and left
// by a guard), child iteration, offsets of nodes and attributes in the raw
// file, trimming, stray-text detection and the entity-faithful text of a
// subtree (TextBuilder). Nothing here knows a format; each reader is the
// format's own knowledge on top of it.
//
// No walk here recurses: subtrees are visited along pugixml's parent and
// sibling links, so the nesting depth of the input never grows the stack.
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "model/builder.hpp"
#include "read/chunked.hpp"
#include "read/text_builder.hpp"
#include "text/chars.hpp"

namespace termgraph {

// -- names ---------------------------------------------------------------------

/// The part of a qualified name after its prefix: "tbx:term" -> "term".
inline std::string_view local_name(std::string_view qname) {
  std::size_t colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

/// The prefix of a qualified name, empty when it has none.
inline std::string_view prefix_of(std::string_view qname) {
  std::size_t colon = qname.find(':');
  return colon == std::string_view::npos ? std::string_view() : qname.substr(0, colon);
}

namespace xml {

// -- white space and text ------------------------------------------------------

/// XML white space (the S production): space, tab, line feed, carriage
/// return.
constexpr bool is_space(char c) {
  return is_xml_space(c);
}

/// What trim() takes for white space.
enum class Spaces {
  xml,      ///< XML white space only
  unicode,  ///< also the Unicode spaces labels are padded with: no-break,
            ///< U+2000-U+200B, narrow no-break, ideographic space, BOM
};

/// `s` without the white space at its ends.
std::string_view trim(std::string_view s, Spaces spaces = Spaces::xml);

/// True when `s` is empty or only white space.
inline bool is_blank(std::string_view s, Spaces spaces = Spaces::xml) {
  // Mostly the indentation between elements: XML white space only.
  std::size_t i = 0;
  while (i < s.size() && is_space(s[i])) ++i;
  if (i == s.size()) return true;
  return spaces == Spaces::unicode && trim(s.substr(i), spaces).empty();
}

/// True for character data and CDATA sections.
inline bool is_text(pugi::xml_node node) {
  return node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata;
}

/// The value of attribute `name` of `element`, trimmed; empty when absent.
inline std::string_view attribute(pugi::xml_node element, const char* name) {
  return trim(element.attribute(name).value());
}

/// The start tag of an element as messages name it: "<tbx:term>".
inline std::string tag(pugi::xml_node element) {
  return "<" + std::string(element.name()) + ">";
}

/// True when `content` is well-formed XML content (elements, text,
/// comments: what may stand between a start tag and its end tag), so that a
/// writer can write it back as it is.
[[nodiscard]] bool well_formed_content(std::string_view content);

}  // namespace xml

// -- scopes --------------------------------------------------------------------

/// The namespace declarations (xmlns, xmlns:p) and the language (xml:lang)
/// in scope at the current element. Each prefix maps to a stack of URIs, so
/// enter() and leave() cost only the element's own attributes and a lookup
/// is O(1) however deep the document is. Readers enter and leave through
/// XmlScope::Guard.
class XmlScope {
public:
  /// Enters `element`: its declarations and language take effect.
  void enter(pugi::xml_node element) {
    marks_.push_back({undo_.size(), languages_.size()});
    for (pugi::xml_attribute a : element.attributes()) {
      std::string_view name = a.name();
      if (name == "xml:lang") {
        std::string_view lang = xml::trim(a.value());
        if (!lang.empty()) languages_.push_back(lang);
        continue;
      }
      std::string_view prefix;
      if (name == "xmlns") {
        prefix = {};
      } else if (name.size() > 6 && name.compare(0, 6, "xmlns:") == 0) {
        prefix = name.substr(6);
      } else {
        continue;
      }
      bindings_[prefix].push_back(a.value());
      undo_.push_back(prefix);
      cached_ = false;  // the prefix may be new to bindings_
    }
  }

  /// Leaves the element entered last.
  void leave() {
    Mark mark = marks_.back();
    marks_.pop_back();
    while (undo_.size() > mark.bindings) {
      auto it = bindings_.find(undo_.back());
      it->second.pop_back();
      // A prefix no longer bound leaves the map: its key is a view into the
      // element's attribute name, which a chunk read chunk by chunk frees.
      if (it->second.empty()) {
        bindings_.erase(it);
        cached_ = false;
      }
      undo_.pop_back();
    }
    languages_.resize(mark.languages);
  }

  /// Enters an element for the guard's lifetime (as std::lock_guard holds
  /// a mutex): no enter() without its leave().
  class Guard {
  public:
    Guard(XmlScope& scope, pugi::xml_node element) : scope_(scope) { scope_.enter(element); }
    ~Guard() { scope_.leave(); }
    Guard(const Guard&) = delete;
    Guard& operator=(const Guard&) = delete;

  private:
    XmlScope& scope_;
  };

  /// The namespace of an element name here; empty for no namespace or an
  /// undeclared prefix.
  std::string_view uri_of(std::string_view qname) const {
    const std::vector<std::string_view>* uris = uris_of(prefix_of(qname));
    if (!uris || uris->empty()) return {};
    return uris->back();
  }

  /// True when the prefix of `qname` is declared here (or it has none and a
  /// default namespace is declared).
  bool declared(std::string_view qname) const {
    const std::vector<std::string_view>* uris = uris_of(prefix_of(qname));
    return uris && !uris->empty();
  }

  /// The innermost non-empty xml:lang, or empty.
  std::string_view language() const {
    return languages_.empty() ? std::string_view() : languages_.back();
  }

private:
  /// The URIs bound to `prefix`, innermost last (null: never bound). The
  /// last prefix asked for is remembered: documents use one or two
  /// prefixes, element after element. (The map's values stay where they
  /// are when it grows; a new prefix clears the memory.)
  const std::vector<std::string_view>* uris_of(std::string_view prefix) const {
    if (!cached_ || prefix != cached_prefix_) {
      auto it = bindings_.find(prefix);
      cached_uris_ = it == bindings_.end() ? nullptr : &it->second;
      cached_prefix_.assign(prefix.data(), prefix.size());
      cached_ = true;
    }
    return cached_uris_;
  }

  struct Mark {
    std::size_t bindings;
    std::size_t languages;
  };
  mutable bool cached_ = false;
  mutable std::string cached_prefix_;  // a copy: the name it came from may be gone
  mutable const std::vector<std::string_view>* cached_uris_ = nullptr;
  std::unordered_map<std::string_view, std::vector<std::string_view>> bindings_;
  std::vector<std::string_view> undo_;
  std::vector<std::string_view> languages_;
  std::vector<Mark> marks_;
};

/// Visits the subtree of `root` in document order without recursion.
/// `enter(node)` is called before a node's children and returns whether to
/// visit them; `leave(node)` after them (also for nodes whose children were
/// skipped, and for non-element nodes).
template <typename Enter, typename Leave>
void walk_subtree(pugi::xml_node root, Enter&& enter, Leave&& leave) {
  pugi::xml_node node = root;
  for (;;) {
    if (enter(node) && node.first_child()) {
      node = node.first_child();
      continue;
    }
    for (;;) {
      leave(node);
      if (node == root) return;
      if (pugi::xml_node next = node.next_sibling()) {
        node = next;
        break;
      }
      node = node.parent();
    }
  }
}

/// A status from a picklist as the Builder takes it: unspecified when the
/// value was not one of the list's.
inline ReadStatus to_read_status(std::optional<Status> status) {
  if (!status) return ReadStatus::unspecified;
  switch (*status) {
    case Status::preferred:
      return ReadStatus::preferred;
    case Status::admitted:
      return ReadStatus::admitted;
    case Status::deprecated:
      return ReadStatus::deprecated;
  }
  return ReadStatus::unspecified;
}

namespace xml {

// -- positions -----------------------------------------------------------------

/// Where the nodes of a document are in the raw file it was parsed from (in
/// place, from an exact copy: pugixml's node offsets are offsets in the raw
/// file).
class Source {
public:
  /// `chunks`: the file is read chunk by chunk (its nodes' offsets are the
  /// chunked document's to give), else null.
  explicit Source(std::string_view raw, const ChunkedDocument* chunks = nullptr)
      : raw_(raw), chunks_(chunks) {}

  /// The raw file.
  std::string_view raw() const { return raw_; }

  /// The byte offset of `node`: an element's name (the Builder turns it
  /// into the position of its '<'), the first byte of text. A node without
  /// one (never expected) takes its nearest ancestor's.
  std::size_t offset(pugi::xml_node node) const {
    return chunks_ ? chunks_->offset(node) : parsed_offset(node);
  }

  /// The same for a node of a document parsed whole.
  static std::size_t parsed_offset(pugi::xml_node node);

  /// Where an attribute's name and its value (the byte after the quote)
  /// are.
  struct AttributeOffsets {
    std::size_t name;
    std::size_t value;
  };

  /// The offsets of every attribute of `element`, in document order, read
  /// from its start tag in the raw file (one pass over the tag). Any the
  /// tag does not show as expected take the element's offset.
  std::vector<AttributeOffsets> attributes(pugi::xml_node element) const;

  /// The offsets of attribute `a` of `element`.
  AttributeOffsets attribute(pugi::xml_node element, pugi::xml_attribute a) const;

  /// The first byte of text node `text` that is not XML white space in the
  /// raw file: where its first character is, as TextBuilder maps text back
  /// (a character reference counts as a character).
  std::size_t first_character(pugi::xml_node text) const;

private:
  std::string_view raw_;
  const ChunkedDocument* chunks_;
};

/// Where the value of attribute `a` of `element` starts once trimmed (its
/// first character that is not XML white space): where a reader that trims
/// the value (an xml:lang) locates it.
inline std::size_t trimmed_value_offset(const Source& source, pugi::xml_node element,
                                        pugi::xml_attribute a) {
  std::size_t at = source.attribute(element, a).value;
  const std::string_view raw = source.raw();
  while (at < raw.size() && is_space(raw[at])) ++at;
  return at;
}

// -- walks ---------------------------------------------------------------------

/// Text that Reader::flatten() leaves out: the first `bytes` bytes of text
/// node `node` (defined outside Reader so that it can be a default
/// argument there).
struct FlattenSkip {
  pugi::xml_node node;
  std::size_t bytes = 0;
};

/// The pieces a reader of an XML format is made of: the builder it fills,
/// the namespace and language scope of its walk, where nodes are in the raw
/// file, and iteration over children and subtrees that keeps the scope.
/// Readers derive from it.
class Reader {
public:
  /// `chunks`: the document is read chunk by chunk (read/chunked.hpp);
  /// the walks below read each chunk where its placeholder stands.
  explicit Reader(Builder& builder, Spaces spaces = Spaces::xml, ChunkedDocument* chunks = nullptr)
      : builder_(builder), source_(builder.raw(), chunks), spaces_(spaces), chunks_(chunks) {}

protected:
  /// The reader's trimming (its Spaces).
  std::string_view trim(std::string_view s) const { return xml::trim(s, spaces_); }

  /// See Source::offset().
  std::size_t offset(pugi::xml_node node) const { return source_.offset(node); }

  /// The parent element of `node` in the file (of a node read from a
  /// chunk too).
  pugi::xml_node parent(pugi::xml_node node) const {
    return chunks_ ? chunks_->parent(node) : node.parent();
  }

  /// Visits the children of `parent` in document order: `on_element(child)`
  /// for each element, with the child's scope entered; `on_text(child)` for
  /// character data and CDATA that is not blank; comments and processing
  /// instructions are skipped.
  template <typename OnElement, typename OnText>
  void children(pugi::xml_node parent, OnElement&& on_element, OnText&& on_text) {
    auto visit = [&](pugi::xml_node child) {
      if (child.type() == pugi::node_element) {
        XmlScope::Guard entered(scope_, child);
        on_element(child);
      } else if (is_text(child) && !is_blank(child.value(), spaces_)) {
        on_text(child);
      }
    };
    for (pugi::xml_node child : parent.children()) {
      if (chunks_ && ChunkedDocument::is_placeholder(child)) {
        for (pugi::xml_node c : chunks_->open(child).children()) visit(c);
      } else {
        visit(child);
      }
    }
  }

  /// Visits the element children of `parent`, each with its scope entered;
  /// text is not looked at.
  template <typename OnElement>
  void children(pugi::xml_node parent, OnElement&& on_element) {
    children(parent, on_element, [](pugi::xml_node) {});
  }

  /// Visits the elements of the subtree of `root` in document order, each
  /// with its scope entered: `visit(e)` returns whether to go into e's
  /// children.
  template <typename Visit>
  void walk_elements(pugi::xml_node root, Visit&& visit) {
    walk_subtree(
        root,
        [&](pugi::xml_node n) {
          if (n.type() != pugi::node_element) return false;
          if (chunks_ && ChunkedDocument::is_placeholder(n)) {
            // The chunk's nodes, where it stands (they hold no placeholder:
            // this goes one level deep).
            for (pugi::xml_node c : chunks_->open(n).children()) {
              if (c.type() == pugi::node_element) walk_elements(c, visit);
            }
            return false;
          }
          scope_.enter(n);  // left in the second function: one subtree, one walk
          return visit(n);
        },
        [&](pugi::xml_node n) {
          if (n.type() == pugi::node_element && !(chunks_ && ChunkedDocument::is_placeholder(n))) {
            scope_.leave();
          }
        });
  }

  /// Appends the character data of the subtree of `element` (whose scope
  /// the caller entered) to `text` in document order, CDATA verbatim.
  /// Every element below it is entered: `open(e)` is called when it starts
  /// and `close(e)` when it ends, both with e's scope in effect; an `open`
  /// that returns bool says whether to go into e's content (false: e's
  /// content is skipped, `close(e)` is still called). `skip`: the first
  /// `skip.bytes` bytes of text node `skip.node` are left out (they must be
  /// written as they are decoded: no references, no CR LF).
  using Skip = FlattenSkip;
  template <typename Open, typename Close>
  void flatten(pugi::xml_node element, TextBuilder& text, Open&& open, Close&& close,
               Skip skip = {}) {
    walk_subtree(
        element,
        [&](pugi::xml_node n) {
          switch (n.type()) {
            case pugi::node_pcdata:
              if (skip.node && n == skip.node) {
                text.append(std::string_view(n.value()).substr(skip.bytes), offset(n) + skip.bytes);
              } else {
                text.append(n.value(), offset(n));
              }
              return false;
            case pugi::node_cdata:
              text.append(n.value(), offset(n), true);
              return false;
            case pugi::node_element:
              break;
            default:
              return false;  // comments and processing instructions are not text
          }
          if (n == element) return true;
          scope_.enter(n);  // left in the second function: one subtree, one walk
          if constexpr (std::is_same_v<decltype(open(n)), bool>) {
            return open(n);
          } else {
            open(n);
            return true;
          }
        },
        [&](pugi::xml_node n) {
          if (n.type() != pugi::node_element || n == element) return;
          close(n);
          scope_.leave();
        });
  }

  Builder& builder_;
  Source source_;
  XmlScope scope_;

private:
  Spaces spaces_;
  ChunkedDocument* chunks_;
};

}  // namespace xml

}  // namespace termgraph
