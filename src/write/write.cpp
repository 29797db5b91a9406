// Writing a vocabulary: what the format writers share. Each writer walks the
// model once, in reading order, and emits its format (XML through
// XmlWriter); none walks an input document. write_vocabulary() dispatches
// through the format table (load/formats.cpp).
#include "termgraph/write.hpp"

#include "write/detail.hpp"

#include "format/ids.hpp"
#include "text/language.hpp"

#include <algorithm>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace termgraph {

namespace write_detail {

std::string default_language(const Vocabulary& vocabulary) {
  // The language most entries start with; ties go to the one met first.
  std::vector<std::pair<std::string_view, std::size_t>> counts;
  for (const Entry& e : vocabulary.entries()) {
    if (e.languages.empty()) continue;
    std::string_view lang = e.languages.front().language;
    auto it = std::find_if(counts.begin(), counts.end(),
                           [lang](const auto& c) { return c.first == lang; });
    if (it == counts.end()) {
      counts.emplace_back(lang, 1);
    } else {
      ++it->second;
    }
  }
  std::string_view best = "en";
  std::size_t most = 0;
  for (const auto& c : counts) {
    if (c.second > most) {
      best = c.first;
      most = c.second;
    }
  }
  return std::string(best);
}

std::vector<std::string_view> declared_languages(const Vocabulary& vocabulary) {
  std::vector<std::string_view> out;
  for (FileId f = 0; f < vocabulary.files().size(); ++f) {
    for (std::string_view tag : vocabulary.declared_languages(f)) {
      bool again = false;
      for (std::string_view seen : out) again = again || language::same(seen, tag);
      if (!again) out.push_back(tag);
    }
  }
  return out;
}

std::string_view title(const Vocabulary& vocabulary, const WriteOptions& options) {
  return options.title.empty() ? vocabulary.title() : std::string_view(options.title);
}

std::vector<std::string> entry_ids(const Vocabulary& vocabulary) {
  std::vector<std::string> out(vocabulary.size());
  ids::UniqueIds used;
  // First the ids the sources gave, so that a generated one never takes
  // an id an entry was read with.
  for (const Entry& e : vocabulary.entries()) {
    for (std::string_view id : e.ids) {
      std::string candidate(id);
      if (!ids::is_xml_id(candidate)) continue;
      if (e.numbered && ids::number_in_id(candidate) != e.number) continue;
      if (used.take(candidate)) {
        out[e.id] = std::move(candidate);
        break;
      }
    }
    if (out[e.id].empty() && !e.numbered && ids::is_xml_id(e.number)) {
      std::string key(e.number);
      if (used.take(key)) out[e.id] = std::move(key);
    }
  }
  for (const Entry& e : vocabulary.entries()) {
    if (!out[e.id].empty()) continue;
    out[e.id] = used.add(e.numbered ? ids::term_id(ids::xml_id(e.number, ""))
                                    : ids::xml_id(e.number, "c-"));
  }
  return out;
}

std::vector<const Reference*> links_of(const TextBlock& block) {
  // Markup references in text order; one that overlaps the previous one (a
  // link nested in another, which no format here can write) is left as
  // plain text inside the outer link.
  std::vector<const Reference*> out;
  std::size_t end = 0;
  for (const Reference& r : block.references) {
    if (!r.markup || r.begin > r.end || r.end > block.text.size()) continue;
    if (!out.empty() && r.begin < end) continue;
    out.push_back(&r);
    end = r.end;
  }
  return out;
}

namespace {

/// One piece of a markup view.
struct Piece {
  enum Kind { start, end, text, math } kind;
  std::string_view name;  // start, end: the element; math: its XML
  std::size_t length;     // text, math: bytes of flat text it stands for
};

bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// The end of the tag starting at `i` (past its '>'), quoted attribute
/// values skipped; npos when it does not end.
std::size_t tag_end(std::string_view s, std::size_t i) {
  char quote = 0;
  for (std::size_t j = i + 1; j < s.size(); ++j) {
    const char c = s[j];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return j + 1;
    } else if (c == '<') {
      return std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

/// Decodes the character data `raw` (the five predefined entities) onto
/// `out`; false for any other reference.
bool decode(std::string_view raw, std::string& out) {
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '&') {
      out += raw[i];
      continue;
    }
    const std::size_t semi = raw.find(';', i);
    if (semi == std::string_view::npos) return false;
    const std::string_view name = raw.substr(i + 1, semi - i - 1);
    if (name == "amp") {
      out += '&';
    } else if (name == "lt") {
      out += '<';
    } else if (name == "gt") {
      out += '>';
    } else if (name == "quot") {
      out += '"';
    } else if (name == "apos") {
      out += '\'';
    } else {
      return false;
    }
    i = semi;
  }
  return true;
}

std::string_view local_of(std::string_view qname) {
  const std::size_t colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

/// The MathML element at `i` of `s`: sets `end` past it and appends its
/// flat text to `flat` as the STS reader reads it (each text node trimmed,
/// its white space collapsed, annotations left out). Elements are counted,
/// not recursed into.
bool read_math(std::string_view s, std::size_t i, std::size_t& end, std::string& flat) {
  std::size_t depth = 0;
  std::size_t skip_depth = 0;  // inside an annotation: its depth, else 0
  while (i < s.size()) {
    if (s[i] != '<') {
      std::size_t next = s.find('<', i);
      if (next == std::string_view::npos) return false;
      if (skip_depth == 0) {
        std::string decoded;
        if (!decode(s.substr(i, next - i), decoded)) return false;
        std::size_t a = 0, b = decoded.size();
        while (a < b && is_xml_space(decoded[a])) ++a;
        while (b > a && is_xml_space(decoded[b - 1])) --b;
        bool space = false;
        for (std::size_t k = a; k < b; ++k) {
          if (is_xml_space(decoded[k])) {
            space = true;
            continue;
          }
          if (space) flat += ' ';
          space = false;
          flat += decoded[k];
        }
      }
      i = next;
      continue;
    }
    const std::size_t close = tag_end(s, i);
    if (close == std::string_view::npos) return false;
    const std::string_view tag = s.substr(i, close - i);
    if (tag.size() < 3 || tag[1] == '!' || tag[1] == '?') return false;
    if (tag[1] == '/') {
      if (depth == 0) return false;
      if (skip_depth == depth) skip_depth = 0;
      --depth;
    } else if (tag[tag.size() - 2] != '/') {
      ++depth;
      std::size_t name_end = 1;
      while (name_end < tag.size() - 1 && !is_xml_space(tag[name_end])) ++name_end;
      const std::string_view local = local_of(tag.substr(1, name_end - 1));
      if (skip_depth == 0 && (local == "annotation" || local == "annotation-xml")) {
        skip_depth = depth;
      }
    }
    i = close;
    if (depth == 0) {
      end = i;
      return true;
    }
  }
  return false;
}

/// Splits `markup` into pieces, checking that its text is `text`.
bool split_markup(std::string_view markup, std::string_view text, std::vector<Piece>& out) {
  std::size_t pos = 0;  // in text
  std::size_t i = 0;
  std::size_t depth = 0;
  std::string scratch;
  while (i < markup.size()) {
    if (markup[i] != '<') {
      std::size_t next = std::min(markup.find('<', i), markup.size());
      scratch.clear();
      if (!decode(markup.substr(i, next - i), scratch)) return false;
      if (text.substr(pos, scratch.size()) != scratch) return false;
      out.push_back({Piece::text, {}, scratch.size()});
      pos += scratch.size();
      i = next;
      continue;
    }
    const std::size_t close = tag_end(markup, i);
    if (close == std::string_view::npos) return false;
    const std::string_view tag = markup.substr(i, close - i);
    if (tag.size() < 3 || tag[1] == '!' || tag[1] == '?') return false;
    std::size_t name_end = tag[1] == '/' ? 2 : 1;
    while (name_end < tag.size() - 1 && !is_xml_space(tag[name_end]) && tag[name_end] != '/') {
      ++name_end;
    }
    const std::string_view name =
        tag.substr(tag[1] == '/' ? 2 : 1, name_end - (tag[1] == '/' ? 2 : 1));
    if (tag[1] != '/' && local_of(name) == "math") {
      std::size_t end = 0;
      scratch.clear();
      if (!read_math(markup, i, end, scratch)) return false;
      if (text.substr(pos, scratch.size()) != scratch) return false;
      out.push_back({Piece::math, markup.substr(i, end - i), scratch.size()});
      pos += scratch.size();
      i = end;
      continue;
    }
    if (name.empty() || name_end != tag.size() - 1) return false;  // attributes: not a view
    if (tag[1] == '/') {
      if (depth == 0) return false;
      --depth;
      out.push_back({Piece::end, name, 0});
    } else {
      ++depth;
      out.push_back({Piece::start, name, 0});
    }
    i = close;
  }
  return depth == 0 && pos == text.size();
}

}  // namespace

bool write_marked_text(XmlWriter& xml, std::string_view text, std::string_view markup,
                       const std::vector<PlacedLink>& links, const InlineStyle& style) {
  std::vector<Piece> pieces;
  if (!split_markup(markup, text, pieces)) return false;
  // Plan the writing first (nothing is written when a link cannot be
  // placed): each operation opens an element (of a link or of the view),
  // closes one, or writes text or MathML.
  struct Op {
    enum Kind { open, close, text, raw } kind;
    const LinkMarkup* element;
    std::string_view s;
  };
  std::vector<Op> ops;
  std::vector<std::optional<LinkMarkup>> mapped;  // the view's open elements, mapped
  mapped.reserve(pieces.size());
  std::vector<const LinkMarkup*> open_elements;
  std::size_t written_open = 0;  // elements of the view open and written
  std::size_t pos = 0;
  std::size_t depth = 0;
  std::size_t next = 0;  // the next link to open
  bool in_link = false;
  std::size_t link_depth = 0;
  auto close_link_at_end = [&] {
    if (in_link && pos == links[next].end && depth == link_depth) {
      ops.push_back({Op::close, nullptr, {}});
      in_link = false;
      ++next;
    }
  };
  // Before content at `pos`: a link ending here must end at its own depth;
  // one starting here opens (an empty one closes at once).
  auto before_content = [&]() -> bool {
    if (in_link && pos == links[next].end) {
      if (depth != link_depth) return false;
      close_link_at_end();
    }
    while (!in_link && next < links.size() && links[next].begin == pos) {
      if (!style.nest && written_open > 0) return false;
      ops.push_back({Op::open, &links[next].markup, {}});
      in_link = true;
      link_depth = depth;
      close_link_at_end();
    }
    return true;
  };
  for (const Piece& piece : pieces) {
    switch (piece.kind) {
      case Piece::start: {
        if (!before_content()) return false;
        mapped.push_back(style.element ? style.element(piece.name) : std::nullopt);
        const LinkMarkup* element = mapped.back() ? &*mapped.back() : nullptr;
        if (!style.nest && (in_link || written_open > 0)) element = nullptr;
        open_elements.push_back(element);
        if (element != nullptr) {
          ops.push_back({Op::open, element, {}});
          ++written_open;
        }
        ++depth;
        break;
      }
      case Piece::end:
        if (in_link && depth == link_depth) return false;  // the element started before the link
        if (open_elements.back() != nullptr) {
          ops.push_back({Op::close, nullptr, {}});
          --written_open;
        }
        open_elements.pop_back();
        --depth;
        close_link_at_end();
        break;
      case Piece::text: {
        const std::size_t end = pos + piece.length;
        while (pos < end) {
          if (!before_content()) return false;
          std::size_t stop = end;
          if (in_link) {
            stop = std::min<std::size_t>(stop, links[next].end);
          } else if (next < links.size()) {
            stop = std::min<std::size_t>(stop, links[next].begin);
          }
          ops.push_back({Op::text, nullptr, text.substr(pos, stop - pos)});
          pos = stop;
          close_link_at_end();
        }
        break;
      }
      case Piece::math: {
        if (!before_content()) return false;
        const std::size_t end = pos + piece.length;
        // No link may start or end inside the formula.
        if (in_link && links[next].end < end) return false;
        if (!in_link && next < links.size() && links[next].begin < end) return false;
        if (style.math) {
          ops.push_back({Op::raw, nullptr, piece.name});
        } else {
          ops.push_back({Op::text, nullptr, text.substr(pos, piece.length)});
        }
        pos = end;
        close_link_at_end();
        break;
      }
    }
  }
  if (!before_content()) return false;
  if (in_link || next != links.size()) return false;
  xml.mixed();
  for (const Op& op : ops) {
    switch (op.kind) {
      case Op::open:
        xml.start(op.element->element);
        for (const auto& attribute : op.element->attributes) {
          xml.attribute(attribute.first, attribute.second);
        }
        break;
      case Op::close:
        xml.end();
        break;
      case Op::text:
        xml.text(op.s);
        break;
      case Op::raw:
        xml.raw(op.s);
        break;
    }
  }
  return true;
}

const InlineStyle& tbx_inline_style() {
  static const InlineStyle tbx{[](std::string_view name) -> std::optional<LinkMarkup> {
                                 std::string type;
                                 if (name == "sub") {
                                   type = "subscript";
                                 } else if (name == "sup") {
                                   type = "superscript";
                                 } else if (name == "italic") {
                                   type = "italics";
                                 } else if (name == "bold") {
                                   type = "bold";
                                 } else {
                                   return std::nullopt;
                                 }
                                 return LinkMarkup{"hi", {{"type", std::move(type)}}};
                               },
                               false, false};
  return tbx;
}

void write_marked_term(XmlWriter& xml, const Designation& d, const InlineStyle& style) {
  if (!d.markup.empty() && write_marked_text(xml, d.text, d.markup, {}, style)) return;
  xml.text(d.text);
}

/// True when `part` is a view into `whole`: a reference's number taken from
/// its block's text rather than from a link target.
bool within(std::string_view part, std::string_view whole) {
  // std::less: a total order even for pointers into different objects.
  std::less<const char*> before;
  const char* p = part.data();
  return !before(p, whole.data()) && !before(whole.data() + whole.size(), p + part.size());
}

}  // namespace write_detail

}  // namespace termgraph
