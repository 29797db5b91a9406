// Format detection: which reader a parsed document goes to, decided from its
// root element, the namespace that element is in, and (for NISO/ISO STS,
// whose root may be almost anything) a bounded scan for terms markup.
#include <string_view>
#include <unordered_map>
#include <vector>

#include "format/namespaces.hpp"
#include "read/readers.hpp"
#include "read/xml.hpp"

namespace termgraph {

namespace {

// Root elements of STS documents and of the fragments of them people cut out.
constexpr std::string_view sts_roots[] = {
    "standard", "iso-standard", "nat-standard", "reg-standard", "adoption",
    "book",     "sec",          "term-sec",     "body",
};

bool is_sts_root(std::string_view local) {
  for (std::string_view name : sts_roots) {
    if (local == name) return true;
  }
  return false;
}

/// Walks the whole tree in document order without recursion, keeping the
/// namespace scopes, and stops at the first element that marks STS terms
/// markup: a `term-sec`, or any element in one of the TBX namespaces STS
/// uses (or under an undeclared `tbx:` prefix). Every element is entered and left once: linear in
/// the document.
bool contains_sts_terms(pugi::xml_node root) {
  XmlScope scopes;
  pugi::xml_node node = root;
  scopes.enter(node);
  for (;;) {
    std::string_view name = node.name();
    if (local_name(name) == "term-sec" || xml_namespace::is_sts_tbx(scopes.uri_of(name)))
      return true;
    // ISO STS files may leave xmlns:tbx to their DTD: an undeclared `tbx`
    // prefix stands for TBX (as the STS reader takes it).
    if (prefix_of(name) == "tbx" && !scopes.declared(name)) return true;
    // Next element in document order: first child element, else the next
    // sibling element of this node or of the nearest ancestor that has one.
    pugi::xml_node child = node.first_child();
    while (child && child.type() != pugi::node_element) child = child.next_sibling();
    if (child) {
      node = child;
      scopes.enter(node);
      continue;
    }
    for (;;) {
      if (node == root) return false;
      scopes.leave();
      pugi::xml_node next = node.next_sibling();
      while (next && next.type() != pugi::node_element) next = next.next_sibling();
      if (next) {
        node = next;
        scopes.enter(node);
        break;
      }
      node = node.parent();
    }
  }
}

}  // namespace

XmlRoot xml_root(const pugi::xml_document& doc) {
  XmlRoot r;
  r.node = doc.document_element();
  if (!r.node) return r;
  XmlScope scopes;
  scopes.enter(r.node);  // the root has no element ancestors
  std::string_view name = r.node.name();
  r.local = local_name(name);
  // The URI is a view into the document (an attribute value), or a constant.
  r.uri = scopes.uri_of(name);
  return r;
}

bool claims_native_root(const XmlRoot& root) {
  return root.local == "vocabulary" && root.uri == xml_namespace::native;
}

bool claims_sts_root(const XmlRoot& root) {
  return is_sts_root(root.local);
}

bool claims_tbx_root(const XmlRoot& root) {
  return root.local == "tbx" && (root.uri == xml_namespace::tbx3 || root.uri.empty());
}

bool claims_tbx2008_root(const XmlRoot& root) {
  return root.local == "martif";
}

bool claims_sts_content(const XmlRoot& root) {
  return root.node && root.local != "tbx" && contains_sts_terms(root.node);
}

}  // namespace termgraph
