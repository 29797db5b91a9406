#include "read/markup_scan.hpp"

#include <algorithm>
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

void set_xml_entry_ends(Builder& builder) {
  std::vector<Builder::EntryStart> starts = builder.entry_starts();
  if (starts.empty()) return;
  std::stable_sort(starts.begin(), starts.end(),
                   [](const Builder::EntryStart& a, const Builder::EntryStart& b) {
                     return a.offset < b.offset;
                   });
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
