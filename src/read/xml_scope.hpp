// Internal: XML names, the namespace declarations and language in scope
// during a document-order walk, and the walk itself; shared by format
// detection and the readers.
#pragma once

#include <pugixml.hpp>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace termgraph {

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

/// The namespace declarations (xmlns, xmlns:p) and the language (xml:lang)
/// in scope at the current element. Each prefix maps to a stack of URIs, so
/// enter() and leave() cost only the element's own attributes and a lookup
/// is O(1) however deep the document is.
class XmlScope {
public:
  void enter(pugi::xml_node element) {
    marks_.push_back({undo_.size(), languages_.size()});
    for (pugi::xml_attribute a : element.attributes()) {
      std::string_view name = a.name();
      if (name == "xml:lang") {
        std::string_view lang = trim_spaces(a.value());
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
    }
  }

  void leave() {
    Mark mark = marks_.back();
    marks_.pop_back();
    while (undo_.size() > mark.bindings) {
      bindings_[undo_.back()].pop_back();
      undo_.pop_back();
    }
    languages_.resize(mark.languages);
  }

  /// The namespace of an element name here; empty for no namespace or an
  /// undeclared prefix.
  std::string_view uri_of(std::string_view qname) const {
    auto it = bindings_.find(prefix_of(qname));
    if (it == bindings_.end() || it->second.empty()) return {};
    return it->second.back();
  }

  /// True when the prefix of `qname` is declared here (or it has none and a
  /// default namespace is declared).
  bool declared(std::string_view qname) const {
    auto it = bindings_.find(prefix_of(qname));
    return it != bindings_.end() && !it->second.empty();
  }

  /// The innermost non-empty xml:lang, or empty.
  std::string_view language() const {
    return languages_.empty() ? std::string_view() : languages_.back();
  }

private:
  static std::string_view trim_spaces(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
  }
  struct Mark {
    std::size_t bindings;
    std::size_t languages;
  };
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

}  // namespace termgraph
