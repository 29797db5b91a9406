// TextBuilder: the text of a block from XML character data, with a map
// back to the raw file.
#include "read/text_builder.hpp"

#include "read/xml.hpp"
#include "text/chars.hpp"

#include <algorithm>
#include <cstdint>

namespace termgraph {

namespace {

/// If `raw` has an entity reference pugixml decodes at `i`, returns its raw
/// length and sets `decoded` to the length of its replacement; else 0.
std::size_t entity_at(std::string_view raw, std::size_t i, std::size_t& decoded) {
  char c;
  if (std::size_t n = predefined_entity_at(raw, i, c)) {
    decoded = 1;
    return n;
  }
  std::uint32_t cp;
  const std::size_t n = character_reference_at(raw, i, cp);
  if (n == 0 || cp > 0x10FFFF) return 0;
  decoded = utf8_length(cp);
  return n;
}

}  // namespace

std::size_t multiterm_marker_at(std::string_view s, std::size_t i, std::string_view& target,
                                bool& closing) noexcept {
  // An id is short; a longer run is not a marker (and the search stays
  // bounded).
  constexpr std::size_t max_target = 256;
  if (i + 3 >= s.size() || s[i] != '<') return 0;
  if (s[i + 1] == '/' && (s[i + 2] == 'A' || s[i + 2] == 'a') && s[i + 3] == '>') {
    closing = true;
    return 4;
  }
  if ((s[i + 1] != 'A' && s[i + 1] != 'a') || s[i + 2] != '=') return 0;
  const std::size_t begin = i + 3;
  for (std::size_t j = begin; j < s.size() && j - begin <= max_target; ++j) {
    const char c = s[j];
    if (c == '>') {
      if (j == begin) return 0;
      target = s.substr(begin, j - begin);
      closing = false;
      return j + 1 - i;
    }
    if (c == '<' || xml::is_space(c) || c == '"') return 0;
  }
  return 0;
}

void TextBuilder::read_inline_links(std::string_view raw) {
  inline_links_ = true;
  raw_ = raw;
}

void TextBuilder::append(std::string_view decoded, std::size_t raw_offset, bool verbatim) {
  if (inline_links_ && decoded.find('<') != std::string_view::npos) {
    append_with_links(decoded, raw_offset, verbatim);
  } else {
    append_plain(decoded, raw_offset, verbatim);
  }
}

void TextBuilder::append_with_links(std::string_view decoded, std::size_t raw_offset,
                                    bool verbatim) {
  // Walk the raw form beside the decoded text (entity references and CR LF
  // decode to fewer bytes) so that each piece between markers gets its own
  // raw offset.
  std::size_t raw_pos = raw_offset;
  std::size_t at = 0;  // decoded position raw_pos stands for
  auto advance_to = [&](std::size_t target) {
    while (at < target && raw_pos < raw_.size()) {
      std::size_t raw_len = 1, decoded_len = 1;
      const char c = raw_[raw_pos];
      if (c == '\r' && raw_pos + 1 < raw_.size() && raw_[raw_pos + 1] == '\n') {
        raw_len = 2;
      } else if (!verbatim && c == '&') {
        std::size_t n = 0;
        if (std::size_t rl = entity_at(raw_, raw_pos, n)) {
          raw_len = rl;
          decoded_len = n;
        }
      }
      raw_pos += raw_len;
      at += decoded_len;
    }
  };
  std::size_t piece = 0;  // start of the text not appended yet
  for (std::size_t i = decoded.find('<'); i != std::string_view::npos && i < decoded.size();
       i = decoded.find('<', i)) {
    std::string_view target;
    bool closing = false;
    const std::size_t length = multiterm_marker_at(decoded, i, target, closing);
    if (length == 0 || (closing && open_inline_ == SIZE_MAX)) {
      ++i;  // not a marker, or a closing one with no link open: text
      continue;
    }
    if (i > piece) {
      advance_to(piece);
      append_plain(decoded.substr(piece, i - piece), raw_pos, verbatim);
    }
    if (closing) {
      close_link(open_inline_, std::move(open_target_), {}, false);
      open_inline_ = SIZE_MAX;
      open_target_.clear();
    } else {
      // Links do not nest: a new one ends the one left open.
      if (open_inline_ != SIZE_MAX) close_link(open_inline_, std::move(open_target_), {}, false);
      open_inline_ = open_link();
      open_target_ = std::string(target);
    }
    i += length;
    piece = i;
  }
  if (piece < decoded.size()) {
    advance_to(piece);
    append_plain(decoded.substr(piece), raw_pos, verbatim);
  }
}

void TextBuilder::append_plain(std::string_view decoded, std::size_t raw_offset, bool verbatim) {
  replay_ = Replay{};
  bool after_space = !text_.empty() && text_.back() == ' ';
  anchors_.push_back({static_cast<std::uint32_t>(text_.size()), raw_offset, verbatim,
                      pending_space_, after_space, glue_});
  const std::size_t n = decoded.size();
  std::size_t i = 0;
  while (i < n) {
    if (xml::is_space(decoded[i])) {
      // Never two spaces: open_link() may have written the space already.
      if (!glue_ && !text_.empty() && text_.back() != ' ') pending_space_ = true;
      ++i;
      continue;
    }
    // A run of other characters, copied at once.
    std::size_t j = i + 1;
    while (j < n && !xml::is_space(decoded[j])) ++j;
    glue_ = false;
    if (pending_space_) {
      text_ += ' ';
      mirror(' ');
      pending_space_ = false;
    }
    const std::string_view run = decoded.substr(i, j - i);
    text_.append(run);
    mirror(run);
    i = j;
  }
}

void TextBuilder::materialize() {
  if (!keep_markup_ || materialized_) return;
  materialized_ = true;
  mirror(text_);
}

void TextBuilder::mirror(std::string_view run) {
  if (!keep_markup_ || !mirroring_ || !materialized_) return;
  std::size_t from = 0;
  for (std::size_t k = 0; k < run.size(); ++k) {
    const char c = run[k];
    if (c != '&' && c != '<' && c != '>') continue;
    markup_.append(run.substr(from, k - from));
    markup_ += c == '&' ? "&amp;" : c == '<' ? "&lt;" : "&gt;";
    from = k + 1;
  }
  markup_.append(run.substr(from));
}

void TextBuilder::mirror(char c) {
  if (!keep_markup_ || !mirroring_ || !materialized_) return;
  switch (c) {
    case '&':
      markup_ += "&amp;";
      break;
    case '<':
      markup_ += "&lt;";
      break;
    case '>':
      markup_ += "&gt;";
      break;
    default:
      markup_ += c;
  }
}

void TextBuilder::open_markup(std::string_view name) {
  if (!keep_markup_) return;
  materialize();
  // A pending space stands before the element ("a <bold>b</bold>"), not
  // inside it.
  if (pending_space_ && !text_.empty()) {
    replay_ = Replay{};
    text_ += ' ';
    mirror(' ');
    pending_space_ = false;
  }
  has_markup_ = true;
  markup_ += '<';
  markup_ += name;
  markup_ += '>';
}

void TextBuilder::close_markup(std::string_view name) {
  if (!keep_markup_) return;
  materialize();
  markup_ += "</";
  markup_ += name;
  markup_ += '>';
}

void TextBuilder::append_with_markup(std::string_view text, std::size_t raw_offset,
                                     std::string_view xml) {
  materialize();
  // The space before the formula stands before its markup too.
  if (pending_space_ && !text_.empty() && !text.empty()) mirror(' ');
  mirroring_ = false;
  append(text, raw_offset);
  mirroring_ = true;
  if (!keep_markup_) return;
  has_markup_ = true;
  markup_ += xml;
}

void TextBuilder::glue() {
  replay_ = Replay{};
  pending_space_ = false;
  glue_ = true;
}

std::size_t TextBuilder::open_link() {
  replay_ = Replay{};
  if (pending_space_ && !text_.empty()) {
    text_ += ' ';
    mirror(' ');
    pending_space_ = false;
  }
  links_.push_back({static_cast<std::uint32_t>(text_.size()),
                    static_cast<std::uint32_t>(text_.size()),
                    {},
                    {},
                    false});
  return links_.size() - 1;
}

void TextBuilder::close_link(std::size_t index, std::string target_id, std::string target_number,
                             bool external) {
  MarkupLink& link = links_[index];
  link.end = static_cast<std::uint32_t>(text_.size());
  link.target_id = std::move(target_id);
  link.target_number = std::move(target_number);
  link.external = external;
}

std::size_t TextBuilder::raw_offset(std::string_view raw, std::size_t pos) const {
  if (anchors_.empty() || raw.empty()) return 0;
  // The last piece that starts at or before `pos`.
  auto it = std::upper_bound(anchors_.begin(), anchors_.end(), pos,
                             [](std::size_t p, const Anchor& a) { return p < a.text_pos; });
  if (it != anchors_.begin()) --it;
  // Replay append()'s collapsing over the raw form of the piece, decoding
  // entity references and CR LF as pugixml did, until the text position
  // reaches `pos`.
  std::size_t t = it->text_pos;
  bool pending = it->pending;
  std::size_t space_at = it->raw_pos;  // raw start of the current space run
  std::size_t r = it->raw_pos;
  std::size_t anchor = static_cast<std::size_t>(it - anchors_.begin());
  if (replay_.anchor == anchor && replay_.pos <= pos) {
    // The replay stops at the first state that answers a position, and
    // that state comes no later for a larger one: resume from it.
    t = replay_.t;
    pending = replay_.pending;
    space_at = replay_.space_at;
    r = replay_.r;
  }
  auto answer = [&](std::size_t offset) {
    replay_ = {anchor, pos, t, r, space_at, pending};
    return offset;
  };
  while (r < raw.size()) {
    char c = raw[r];
    if (!it->verbatim && c == '<') break;  // end of the text node
    std::size_t raw_len = 1, decoded_len = 1;
    if (c == '\r' && r + 1 < raw.size() && raw[r + 1] == '\n') {
      raw_len = 2;
    } else if (!it->verbatim && c == '&') {
      std::size_t n = 0;
      std::size_t rl = entity_at(raw, r, n);
      if (rl != 0) {
        raw_len = rl;
        decoded_len = n;
      }
    }
    if (xml::is_space(c)) {
      bool can_pend = t > 0 && !(t == it->text_pos && (it->after_space || (it->glued && !pending)));
      if (!pending && can_pend) space_at = r;
      if (can_pend) pending = true;
    } else {
      if (pending) {
        if (t == pos) return answer(space_at);
        ++t;
        pending = false;
      }
      if (pos < t + decoded_len) return answer(r);
      t += decoded_len;
    }
    r += raw_len;
  }
  return answer(r);
}

void TextBuilder::finish() {
  if (open_inline_ != SIZE_MAX) {
    close_link(open_inline_, std::move(open_target_), {}, false);
    open_inline_ = SIZE_MAX;
    open_target_.clear();
  }
  while (!text_.empty() && text_.back() == ' ') text_.pop_back();
  while (!markup_.empty() && markup_.back() == ' ') markup_.pop_back();
  pending_space_ = false;
  glue_ = false;
}

}  // namespace termgraph
