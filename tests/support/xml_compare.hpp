// Test support: compares two XML documents element by element, ignoring
// only white space and the order of attributes: the same element names,
// the same attributes as sets, the same text (white space collapsed and
// trimmed, white-space-only text left out), the same children in order.
// Comments, processing instructions and the DOCTYPE are not compared;
// namespace declarations are not compared either (the names as written
// are). Used by the round-trip tests of the writers
// (tests/test_tbx_roundtrip.cpp).
//
//   pugi::xml_document a, b;  ...
//   std::vector<std::string> d = termgraph::test::compare_xml(a, b);
//   EXPECT_TRUE(d.empty()) << termgraph::test::joined(d);
#pragma once

#include <pugixml.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace termgraph::test {

struct XmlCompareOptions {
  /// Element names of the first document compared as other names (TBX
  /// 2008's termEntry as TBX v3's conceptEntry ...).
  std::map<std::string, std::string> rename;
  /// Leave the attributes of the two root elements out.
  bool ignore_root_attributes = false;
  /// At most this many differences are listed.
  std::size_t max_differences = 20;
};

namespace xml_compare_detail {

inline std::string collapsed(const char* s) {
  std::string out;
  bool space = false;
  for (const char* p = s; *p; ++p) {
    const char c = *p;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

/// The children that count: elements, and text that is not only white
/// space (collapsed), in order.
inline std::vector<pugi::xml_node> children(pugi::xml_node n) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_element) {
      out.push_back(c);
    } else if ((c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) &&
               !collapsed(c.value()).empty()) {
      out.push_back(c);
    }
  }
  return out;
}

inline std::vector<std::pair<std::string, std::string>> attributes(pugi::xml_node n) {
  std::vector<std::pair<std::string, std::string>> out;
  for (pugi::xml_attribute a : n.attributes()) {
    std::string name = a.name();
    if (name == "xmlns" || name.compare(0, 6, "xmlns:") == 0) continue;
    out.emplace_back(name, a.value());
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline std::string listed(const std::vector<std::pair<std::string, std::string>>& attributes) {
  std::string out;
  for (const auto& a : attributes) out += " " + a.first + "=\"" + a.second + "\"";
  return out.empty() ? " (none)" : out;
}

}  // namespace xml_compare_detail

/// The differences between element `a` and element `b` with their
/// subtrees, each "path: what differs"; empty when they are the same.
/// Iterative: any depth is fine.
inline std::vector<std::string> compare_xml(pugi::xml_node a, pugi::xml_node b,
                                            const XmlCompareOptions& options = {}) {
  namespace d = xml_compare_detail;
  std::vector<std::string> out;
  auto differ = [&](const std::string& path, const std::string& what) {
    if (out.size() < options.max_differences) out.push_back(path + ": " + what);
  };
  auto name_a = [&](pugi::xml_node n) {
    auto it = options.rename.find(n.name());
    return it == options.rename.end() ? std::string(n.name()) : it->second;
  };
  struct Pair {
    pugi::xml_node a, b;
    std::string path;
    bool root;
  };
  std::vector<Pair> todo{{a, b, "/" + name_a(a), true}};
  while (!todo.empty() && out.size() < options.max_differences) {
    Pair p = std::move(todo.back());
    todo.pop_back();
    if (name_a(p.a) != p.b.name()) {
      differ(p.path, "element <" + name_a(p.a) + "> became <" + p.b.name() + ">");
      continue;
    }
    if (!(p.root && options.ignore_root_attributes)) {
      auto aa = d::attributes(p.a), ba = d::attributes(p.b);
      if (aa != ba) differ(p.path, "attributes" + d::listed(aa) + " became" + d::listed(ba));
    }
    std::vector<pugi::xml_node> ac = d::children(p.a), bc = d::children(p.b);
    std::vector<Pair> next;
    std::map<std::string, int> seen;
    for (std::size_t i = 0; i < std::max(ac.size(), bc.size()); ++i) {
      if (i >= ac.size()) {
        differ(p.path, "an extra child " + (bc[i].type() == pugi::node_element
                                                ? "<" + std::string(bc[i].name()) + ">"
                                                : "text '" + d::collapsed(bc[i].value()) + "'"));
        break;
      }
      if (i >= bc.size()) {
        differ(p.path, "child " +
                           (ac[i].type() == pugi::node_element
                                ? "<" + name_a(ac[i]) + ">"
                                : "text '" + d::collapsed(ac[i].value()) + "'") +
                           " is missing");
        break;
      }
      const bool ae = ac[i].type() == pugi::node_element, be = bc[i].type() == pugi::node_element;
      if (ae && be) {
        std::string n = name_a(ac[i]);
        next.push_back(
            {ac[i], bc[i], p.path + "/" + n + "[" + std::to_string(++seen[n]) + "]", false});
      } else if (!ae && !be) {
        std::string at = d::collapsed(ac[i].value()), bt = d::collapsed(bc[i].value());
        if (at != bt) differ(p.path, "text '" + at + "' became '" + bt + "'");
      } else {
        differ(p.path, "child " + std::to_string(i + 1) + " is " + (ae ? "an element" : "text") +
                           " in one and " + (be ? "an element" : "text") + " in the other");
        break;
      }
    }
    // Depth first, in document order.
    for (auto it = next.rbegin(); it != next.rend(); ++it) todo.push_back(std::move(*it));
  }
  return out;
}

/// compare_xml() of two documents' root elements.
inline std::vector<std::string> compare_xml(const pugi::xml_document& a,
                                            const pugi::xml_document& b,
                                            const XmlCompareOptions& options = {}) {
  return compare_xml(a.document_element(), b.document_element(), options);
}

/// The differences one per line, for a test's message.
inline std::string joined(const std::vector<std::string>& differences) {
  std::string out;
  for (const std::string& s : differences) out += s + "\n";
  return out;
}

}  // namespace termgraph::test
