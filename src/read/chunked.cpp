#include "read/chunked.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "read/markup_scan.hpp"
#include "read/xml.hpp"

namespace termgraph {

namespace {

/// The elements a run is made of (by local name, in any namespace): the
/// entries of every XML format read (STS term-sec and termEntry, TBX
/// termEntry and conceptEntry, native entry). Cutting another format's
/// element of that name is harmless: a chunk reads as the nodes it holds.
bool is_entry_name(std::string_view local) {
  return local == "term-sec" || local == "termEntry" || local == "conceptEntry" || local == "entry";
}

/// What ends an element's name in a start tag: XML white space, '/', '>',
/// and the NUL past the end of the text.
constexpr std::array<bool, 256> name_end_bytes = [] {
  std::array<bool, 256> end{};
  for (unsigned char c : {' ', '\t', '\r', '\n', '/', '>', '\0'}) end[c] = true;
  return end;
}();

/// What the whole parse's flags are, with fragments allowed for a chunk.
constexpr unsigned parse_flags = pugi::parse_default | pugi::parse_ws_pcdata;

}  // namespace

ChunkedDocument::Limits& chunked_reading_limits() {
  static ChunkedDocument::Limits limits;
  return limits;
}

bool ChunkedDocument::plan(std::string_view raw, const Limits& limits) {
  raw_ = raw;
  chunks_.clear();
  entry_spans_.clear();
  if (raw.size() < limits.min_file_bytes) return false;

  // The open elements: an entry's index in entry_spans_, SIZE_MAX for others.
  std::vector<std::size_t> open;
  std::size_t inside = 0;   // open entry elements (an entry inside one is not cut)
  std::size_t outside = 0;  // tags met outside entries: a run ends at one
  struct Run {
    bool open = false;
    std::size_t begin = 0, end = 0, outside = 0;
  } run;
  auto close_run = [&] {
    if (run.open) chunks_.push_back({run.begin, run.end});
    run.open = false;
  };
  // An outermost entry [begin, end) was read: it goes on the run, or
  // starts a chunk of the run (the chunk is full) or a run of its own.
  auto entry_read = [&](std::size_t begin, std::size_t end) {
    if (run.open && run.outside == outside && end - run.begin <= limits.chunk_bytes) {
      run.end = end;
      return;
    }
    close_run();
    run = Run{true, begin, end, outside};
  };
  // One pass over the markup: '<' is found with memchr, a start tag's
  // name with the table above and its end as scan_markup() finds it. (On
  // what the scan takes
  // differently from the parser, a malformed file, a parse fails and the
  // file is parsed whole.)
  const char* p = raw.data();
  const std::size_t n = raw.size();
  bool ok = true;
  for (std::size_t i = 0; ok && i < n;) {
    const void* lt = std::memchr(p + i, '<', n - i);
    if (!lt) break;
    const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(lt) - p);
    const char second = at + 1 < n ? p[at + 1] : '\0';
    if (second == '/') {
      const void* gt = std::memchr(p + at, '>', n - at);
      const std::size_t end =
          gt ? static_cast<std::size_t>(static_cast<const char*>(gt) - p) + 1 : n;
      // End tags are not matched with their start tags by name: the parser
      // does, in the skeleton and in each chunk alike, and a mismatch fails
      // one of those parses.
      if (open.empty()) {
        ok = false;  // left to the parser to report
        break;
      }
      const std::size_t closed = open.back();
      open.pop_back();
      if (closed != SIZE_MAX) {
        entry_spans_[closed].second = end;
        --inside;
        if (inside == 0) entry_read(entry_spans_[closed].first, end);
      } else if (inside == 0) {
        ++outside;
      }
      i = end;
      continue;
    }
    if (second == '!' || second == '?') {
      // Comments, CDATA sections, processing instructions, declarations:
      // content, skipped whole as scan_markup() skips them.
      const std::string_view rest = raw.substr(at);
      std::size_t end;
      if (rest.compare(0, 4, "<!--") == 0) {
        end = markup_detail::past(raw, at + 4, "-->");
      } else if (rest.compare(0, 9, "<![CDATA[") == 0) {
        end = markup_detail::past(raw, at + 9, "]]>");
      } else if (second == '?') {
        end = markup_detail::past(raw, at + 2, "?>");
      } else {
        end = markup_detail::tag_end(raw, at, true);
      }
      i = end > at ? end : at + 1;
      continue;
    }
    std::size_t name_end = at + 1;
    while (!name_end_bytes[static_cast<unsigned char>(p[name_end])]) ++name_end;
    const std::size_t end = markup_detail::tag_end(raw, name_end - 1, false);
    const std::string_view name = raw.substr(at + 1, name_end - at - 1);
    const bool empty = end >= 2 && p[end - 1] == '>' && p[end - 2] == '/';
    const bool entry = !open.empty() && is_entry_name(local_name(name));
    std::size_t span = SIZE_MAX;
    if (entry) {
      span = entry_spans_.size();
      entry_spans_.emplace_back(at, end);
    }
    if (inside == 0 && !entry) ++outside;
    if (empty) {
      if (entry && inside == 0) entry_read(at, end);
    } else {
      open.push_back(span);
      if (entry) ++inside;
    }
    i = end > at ? end : at + 1;
  }
  close_run();
  if (!ok || !open.empty() || chunks_.empty()) {
    chunks_.clear();
    entry_spans_.clear();
    return false;
  }
  return true;
}

bool ChunkedDocument::parse_skeleton() {
  // The skeleton: the raw bytes outside the chunks, each chunk replaced by
  // "<\xFF" index "/>".
  std::size_t size = raw_.size();
  std::size_t largest = 0;
  for (const Chunk& c : chunks_) {
    size -= c.end - c.begin;
    size += 24;
    largest = std::max(largest, c.end - c.begin);
  }
  skeleton_text_.reset(new char[size + 1]);
  segments_.clear();
  segments_.reserve(2 * chunks_.size() + 1);
  std::size_t at = 0;    // in the skeleton
  std::size_t from = 0;  // in the raw file
  for (std::size_t i = 0; i < chunks_.size(); ++i) {
    segments_.push_back({at, from});
    std::memcpy(skeleton_text_.get() + at, raw_.data() + from, chunks_[i].begin - from);
    at += chunks_[i].begin - from;
    segments_.push_back({at, chunks_[i].begin});
    const std::string placeholder = std::string("<") + placeholder_mark + std::to_string(i) + "/>";
    std::memcpy(skeleton_text_.get() + at, placeholder.data(), placeholder.size());
    at += placeholder.size();
    from = chunks_[i].end;
  }
  segments_.push_back({at, from});
  std::memcpy(skeleton_text_.get() + at, raw_.data() + from, raw_.size() - from);
  at += raw_.size() - from;
  skeleton_text_[at] = '\0';
  // As the whole parse: the length includes the terminating NUL.
  const pugi::xml_parse_result parsed =
      skeleton_.load_buffer_inplace(skeleton_text_.get(), at + 1, parse_flags, pugi::encoding_utf8);
  if (!parsed) return false;
  chunk_text_.reset(new char[largest + 1]);  // the largest chunk and its NUL
  opened_.assign(chunks_.size(), 0);
  return true;
}

std::size_t ChunkedDocument::chunk_index(pugi::xml_node placeholder) const {
  std::size_t i = 0;
  for (const char* p = placeholder.name() + 1; *p >= '0' && *p <= '9'; ++p) {
    i = i * 10 + static_cast<std::size_t>(*p - '0');
  }
  return i;
}

pugi::xml_node ChunkedDocument::open(pugi::xml_node placeholder) {
  const std::size_t i = chunk_index(placeholder);
  chunk_.reset();
  open_ = SIZE_MAX;
  if (i >= chunks_.size()) throw Restart{};  // never expected: the skeleton names only its chunks
  const Chunk& c = chunks_[i];
  const std::size_t n = c.end - c.begin;
  std::memcpy(chunk_text_.get(), raw_.data() + c.begin, n);
  chunk_text_[n] = '\0';
  // As the whole parse (the length includes the terminating NUL), with
  // several top-level nodes allowed.
  const pugi::xml_parse_result parsed = chunk_.load_buffer_inplace(
      chunk_text_.get(), n + 1, parse_flags | pugi::parse_fragment, pugi::encoding_utf8);
  if (!parsed) throw Restart{};
  open_ = i;
  open_parent_ = placeholder.parent();
  opened_[i] = 1;
  return chunk_;
}

bool ChunkedDocument::all_opened() const {
  return std::find(opened_.begin(), opened_.end(), 0) == opened_.end();
}

std::size_t ChunkedDocument::offset(pugi::xml_node node) const {
  const pugi::xml_node chunk_root = chunk_;
  while (node) {
    const bool in_chunk = open_ < chunks_.size() && node.root() == chunk_root;
    if (in_chunk && node.type() == pugi::node_document) {
      node = open_parent_;  // a node at the top of the chunk: the element it is in
      continue;
    }
    const std::ptrdiff_t o = node.offset_debug();
    if (o >= 0) {
      const auto at = static_cast<std::size_t>(o);
      if (in_chunk) return chunks_[open_].begin + at;
      auto seg = std::upper_bound(segments_.begin(), segments_.end(), at,
                                  [](std::size_t x, const Segment& s) { return x < s.skeleton; });
      if (seg == segments_.begin()) return at;
      --seg;
      return seg->raw + (at - seg->skeleton);
    }
    node = node.parent();
  }
  return 0;
}

pugi::xml_node ChunkedDocument::parent(pugi::xml_node node) const {
  pugi::xml_node p = node.parent();
  if (p && p.type() == pugi::node_document && p == pugi::xml_node(chunk_)) return open_parent_;
  return p;
}

bool ChunkedDocument::set_entry_ends(Builder& builder) const {
  const std::vector<Builder::EntryStart>& starts = builder.entry_starts();
  std::vector<std::size_t> ends(starts.size());
  for (std::size_t k = 0; k < starts.size(); ++k) {
    auto it = std::lower_bound(
        entry_spans_.begin(), entry_spans_.end(), starts[k].offset,
        [](const std::pair<std::size_t, std::size_t>& s, std::size_t x) { return s.first < x; });
    if (it == entry_spans_.end() || it->first != starts[k].offset) return false;
    ends[k] = it->second;
  }
  for (std::size_t k = 0; k < starts.size(); ++k) builder.set_entry_end(starts[k].entry, ends[k]);
  return true;
}

}  // namespace termgraph
