#include "read/chunked.hpp"

#include <algorithm>
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

/// The qualified name of the tag at `begin` (`skip`: 1 for a start tag, 2
/// for an end tag).
std::string_view tag_name(std::string_view raw, std::size_t begin, std::size_t skip) {
  std::size_t i = begin + skip;
  std::size_t end = i;
  while (end < raw.size()) {
    const char c = raw[end];
    if (xml::is_space(c) || c == '/' || c == '>') break;
    ++end;
  }
  return raw.substr(i, end - i);
}

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

  struct Open {
    std::string_view name;
    std::size_t span;  // its index in entry_spans_, or SIZE_MAX
  };
  std::vector<Open> open;
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
  bool ok = true;
  scan_markup(raw, [&](const Markup& m) {
    switch (m.kind) {
      case Markup::Kind::start_tag:
      case Markup::Kind::empty_tag: {
        const std::string_view name = tag_name(raw, m.begin, 1);
        const bool entry = !open.empty() && is_entry_name(local_name(name));
        std::size_t span = SIZE_MAX;
        if (entry) {
          span = entry_spans_.size();
          entry_spans_.emplace_back(m.begin, m.end);
        }
        if (inside == 0 && !entry) ++outside;
        if (m.kind == Markup::Kind::empty_tag) {
          if (entry && inside == 0) entry_read(m.begin, m.end);
          return true;
        }
        open.push_back({name, span});
        if (entry) ++inside;
        return true;
      }
      case Markup::Kind::end_tag: {
        const std::string_view name = tag_name(raw, m.begin, 2);
        if (open.empty() || open.back().name != name) {
          ok = false;  // left to the parser to report
          return false;
        }
        const Open closed = open.back();
        open.pop_back();
        if (closed.span != SIZE_MAX) {
          entry_spans_[closed.span].second = m.end;
          --inside;
          if (inside == 0) entry_read(entry_spans_[closed.span].first, m.end);
        } else if (inside == 0) {
          ++outside;
        }
        return true;
      }
      default:
        return true;  // comments, CDATA, processing instructions: content
    }
  });
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
  chunk_capacity_ = largest + 1;
  chunk_text_.reset(new char[chunk_capacity_]);
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
