#include "read/markup_scan.hpp"

#include <algorithm>
#include <pugixml.hpp>
#include <vector>

namespace termgraph {

std::size_t markup_detail::tag_end(std::string_view raw, std::size_t begin, bool declaration) {
  char quote = 0;
  int subset = 0;  // depth of [ ] in a declaration
  for (std::size_t i = begin + 1; i < raw.size(); ++i) {
    const char c = raw[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (declaration && c == '[') {
      ++subset;
    } else if (declaration && c == ']' && subset > 0) {
      --subset;
    } else if (c == '>' && subset == 0) {
      return i + 1;
    } else if (!declaration && c == '<') {
      return i;  // malformed: a tag never holds '<'; the next markup starts here
    }
  }
  return raw.size();
}

namespace {

using Starts = std::vector<Builder::EntryStart>;

Starts sorted_starts(const Builder& builder) {
  Starts starts = builder.entry_starts();
  std::stable_sort(starts.begin(), starts.end(),
                   [](const Builder::EntryStart& a, const Builder::EntryStart& b) {
                     return a.offset < b.offset;
                   });
  return starts;
}

/// The end of element `element` (the '<' of its start tag is in the
/// buffer): only the tail of the element is scanned, from its last
/// descendant on, counting the end tags that close that descendant's
/// ancestors up to `element`. Returns SIZE_MAX when the tree gives no
/// offset to start from.
std::size_t element_end(std::string_view raw, pugi::xml_node element) {
  pugi::xml_node leaf = element;
  std::size_t open = 0;  // elements from `element` to the leaf's parent, open at `from`
  while (pugi::xml_node last = leaf.last_child()) {
    leaf = last;
    ++open;
  }
  const std::ptrdiff_t at = leaf.offset_debug();
  if (at < 0) return SIZE_MAX;
  std::size_t from = static_cast<std::size_t>(at);
  switch (leaf.type()) {
    case pugi::node_element:
      // The leaf's own tag is scanned: it opens (or is empty) like any other.
      if (from == 0) return SIZE_MAX;
      from -= 1;  // offset_debug() is the name's; the tag starts at '<'
      break;
    case pugi::node_pcdata:
      break;  // character data holds no '<'
    case pugi::node_cdata:
      from = markup_detail::past(raw, from, "]]>");
      break;
    default:
      return SIZE_MAX;  // comments, PIs: not kept with the parse options used
  }
  if (from > raw.size()) return SIZE_MAX;
  // Left open (a truncated file): the end of the file.
  std::size_t end = raw.size();
  scan_markup(raw.substr(from), [&](const Markup& m) {
    if (m.kind == Markup::Kind::start_tag) {
      ++open;
    } else if (m.kind == Markup::Kind::empty_tag && leaf == element) {
      end = from + m.end;  // the entry element itself: <entry/>
      return false;
    } else if (m.kind == Markup::Kind::end_tag) {
      if (open <= 1) {
        end = from + m.end;  // `element` was the only one open
        return false;
      }
      --open;
    }
    return true;
  });
  return end;
}

}  // namespace

bool set_xml_entry_ends(Builder& builder, const pugi::xml_document& document) {
  const Starts starts = sorted_starts(builder);
  if (starts.empty()) return true;
  const std::string_view raw = builder.raw();
  std::vector<std::size_t> ends(starts.size(), SIZE_MAX);
  std::size_t next = 0;  // the first start not yet reached
  // The elements in document order, without recursion.
  pugi::xml_node node = document.first_child();
  while (node && next < starts.size()) {
    bool descend = true;
    if (node.type() == pugi::node_element) {
      const std::ptrdiff_t name = node.offset_debug();
      if (name > 0) {
        const auto lt = static_cast<std::size_t>(name - 1);
        while (next < starts.size() && starts[next].offset < lt) ++next;
        if (next < starts.size() && starts[next].offset == lt) {
          const std::size_t end = element_end(raw, node);
          while (next < starts.size() && starts[next].offset == lt) ends[next++] = end;
          // No entry starts inside this one: its subtree is not walked.
          descend = next < starts.size() && starts[next].offset < end;
        }
      }
    }
    pugi::xml_node child = descend ? node.first_child() : pugi::xml_node();
    if (child) {
      node = child;
      continue;
    }
    while (node && !node.next_sibling()) node = node.parent();
    if (node) node = node.next_sibling();
  }
  if (std::find(ends.begin(), ends.end(), SIZE_MAX) != ends.end()) return false;
  for (std::size_t k = 0; k < starts.size(); ++k) builder.set_entry_end(starts[k].entry, ends[k]);
  return true;
}

void set_xml_entry_ends(Builder& builder) {
  const Starts starts = sorted_starts(builder);
  if (starts.empty()) return;
  const std::string_view raw = builder.raw();
  // The open elements, each with the entries it starts: a range of `starts`
  // (empty for most).
  struct Open {
    std::size_t first, last;
  };
  std::vector<Open> open;
  std::size_t next = 0;  // the first start not yet reached
  auto close = [&](const Open& o, std::size_t end) {
    for (std::size_t k = o.first; k < o.last; ++k) builder.set_entry_end(starts[k].entry, end);
  };
  scan_markup(raw, [&](const Markup& m) {
    if (m.kind == Markup::Kind::end_tag) {
      if (open.empty()) return;
      close(open.back(), m.end);
      open.pop_back();
      return;
    }
    if (m.kind != Markup::Kind::start_tag && m.kind != Markup::Kind::empty_tag) return;
    while (next < starts.size() && starts[next].offset < m.begin) ++next;
    Open o{next, next};
    while (next < starts.size() && starts[next].offset == m.begin) o.last = ++next;
    if (m.kind == Markup::Kind::empty_tag) {
      close(o, m.end);
    } else {
      open.push_back(o);
    }
  });
  // Left open: the file ends first (a truncated document).
  for (auto it = open.rbegin(); it != open.rend(); ++it) close(*it, raw.size());
}

}  // namespace termgraph
