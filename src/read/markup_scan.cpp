#include "read/markup_scan.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <pugixml.hpp>
#include <unordered_map>
#include <vector>

namespace termgraph {

namespace {

/// What the scan of a tag stops at: quotes, '>' and '<'.
constexpr std::array<bool, 256> tag_stops = [] {
  std::array<bool, 256> stop{};
  stop['"'] = stop['\''] = stop['>'] = stop['<'] = true;
  return stop;
}();

}  // namespace

std::size_t markup_detail::tag_end(std::string_view raw, std::size_t begin, bool declaration) {
  if (!declaration) {
    // A tag: the bytes between its stops are skipped by a table lookup, a
    // quoted value with memchr.
    const char* p = raw.data();
    const std::size_t n = raw.size();
    std::size_t i = begin + 1;
    for (;;) {
      while (i < n && !tag_stops[static_cast<unsigned char>(p[i])]) ++i;
      if (i >= n) return n;
      const char c = p[i];
      if (c == '>') return i + 1;
      if (c == '<') return i;  // malformed: a tag never holds '<'; the next markup starts here
      const void* close = std::memchr(p + i + 1, c, n - i - 1);
      if (!close) return n;
      i = static_cast<std::size_t>(static_cast<const char*>(close) - p) + 1;
    }
  }
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

/// The offset of the '<' of element `node`, or SIZE_MAX.
std::size_t tag_offset(pugi::xml_node node) {
  const std::ptrdiff_t name = node.offset_debug();
  return name > 0 ? static_cast<std::size_t>(name - 1) : SIZE_MAX;
}

/// The end of element `element` (the '<' of its start tag is in the
/// buffer): only the tail of the element is scanned, from its last
/// descendant on, counting the end tags that close that descendant's
/// ancestors up to `element`. An entry met on the way down whose end is in
/// `known` (by the offset of its '<') stops the descent: the scan starts
/// past it, so that entries nested in each other cost their own tails only.
/// Returns SIZE_MAX when the tree gives no offset to start from.
std::size_t element_end(std::string_view raw, pugi::xml_node element,
                        const std::unordered_map<std::size_t, std::size_t>& known) {
  pugi::xml_node leaf = element;
  std::size_t open = 0;  // elements from `element` to the leaf's parent, open at `from`
  std::size_t from = SIZE_MAX;
  while (pugi::xml_node last = leaf.last_child()) {
    leaf = last;
    ++open;
    if (leaf.type() != pugi::node_element) continue;
    const auto found = known.find(tag_offset(leaf));
    if (found != known.end()) {
      from = found->second;  // just past the nested entry, which is closed
      break;
    }
  }
  if (from == SIZE_MAX) {
    const std::ptrdiff_t at = leaf.offset_debug();
    if (at < 0) return SIZE_MAX;
    from = static_cast<std::size_t>(at);
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
  // The element each start names, found in document order without
  // recursion. A subtree is not walked when the next start lies past it
  // (its next sibling starts before that start).
  std::vector<pugi::xml_node> elements(starts.size());
  std::size_t next = 0;  // the first start not yet reached
  pugi::xml_node node = document.first_child();
  while (node && next < starts.size()) {
    bool descend = true;
    if (node.type() == pugi::node_element) {
      const std::size_t lt = tag_offset(node);
      while (next < starts.size() && starts[next].offset < lt) ++next;
      if (lt != SIZE_MAX && next < starts.size() && starts[next].offset == lt) {
        while (next < starts.size() && starts[next].offset == lt) elements[next++] = node;
        const pugi::xml_node after = node.next_sibling();
        const std::ptrdiff_t bound = after ? after.offset_debug() : -1;
        descend = next < starts.size() &&
                  (bound < 0 || starts[next].offset < static_cast<std::size_t>(bound));
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
  // The ends, last start first: an entry nested in another is closed
  // before the other is looked at.
  std::vector<std::size_t> ends(starts.size(), SIZE_MAX);
  std::unordered_map<std::size_t, std::size_t> known;
  known.reserve(starts.size());
  for (std::size_t k = starts.size(); k-- > 0;) {
    if (!elements[k]) return false;
    const auto same = known.find(starts[k].offset);
    ends[k] = same != known.end() ? same->second : element_end(raw, elements[k], known);
    if (ends[k] == SIZE_MAX) return false;
    known.emplace(starts[k].offset, ends[k]);
  }
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
