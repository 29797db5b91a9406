// The text of a designation or block mapped back to its raw XML: a forward
// scan of the element's content (tags, comments, processing instructions,
// CDATA, entity and character references, CR LF), then an alignment with
// the model's text that fails rather than guesses.
#include "analysis/raw_text.hpp"

#include "text/chars.hpp"

#include <algorithm>
#include <string>

namespace termgraph {

namespace {

constexpr std::size_t npos = std::string_view::npos;

bool starts(std::string_view raw, std::size_t i, std::string_view with) {
  return raw.compare(i, with.size(), with) == 0;
}

/// Just past the '>' that closes the tag opened at `lt`, quotes respected;
/// npos when it is not closed.
std::size_t tag_end(std::string_view raw, std::size_t lt) {
  char quote = 0;
  for (std::size_t i = lt + 1; i < raw.size(); ++i) {
    char c = raw[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return npos;
}

std::size_t utf8_length(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

/// If a reference pugixml decodes starts at `i` ('&'), its raw length, and
/// its decoded text in `decoded`; else 0.
std::size_t reference_at(std::string_view raw, std::size_t i, std::string& decoded) {
  decoded.clear();
  char c;
  if (std::size_t n = predefined_entity_at(raw, i, c)) {
    decoded = c;
    return n;
  }
  std::uint32_t cp;
  const std::size_t n = character_reference_at(raw, i, cp);
  if (n == 0 || cp > 0x10FFFF) return 0;
  append_utf8(decoded, cp);
  return n;
}

/// Scans the content of the element whose start tag begins at `element`,
/// collecting its character units when `units` is set. Returns the offset
/// just past its end tag, or npos when the content is not complete.
std::size_t scan_content(std::string_view raw, std::size_t element, std::vector<RawUnit>* units) {
  std::size_t i = tag_end(raw, element);
  if (i == npos) return npos;
  if (raw[i - 2] == '/') return i;  // <empty/>
  std::size_t depth = 0;
  bool markup = false;
  std::string decoded;
  auto add = [&](std::size_t begin, std::size_t end, bool space, bool reference) {
    if (units) {
      units->push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end), space,
                        reference, markup});
    }
    markup = false;
  };
  while (i < raw.size()) {
    char c = raw[i];
    if (c == '<') {
      std::size_t next;
      if (starts(raw, i, "<!--")) {
        next = raw.find("-->", i + 4);
        if (next == npos) return npos;
        next += 3;
      } else if (starts(raw, i, "<![CDATA[")) {
        std::size_t close = raw.find("]]>", i + 9);
        if (close == npos) return npos;
        markup = true;
        for (std::size_t k = i + 9; k < close;) {
          std::size_t len = raw[k] == '\r' && k + 1 < close && raw[k + 1] == '\n'
                                ? 2
                                : utf8_length(static_cast<unsigned char>(raw[k]));
          if (k + len > close) len = close - k;
          add(k, k + len, is_raw_space(raw[k]), false);
          k += len;
        }
        next = close + 3;
      } else if (starts(raw, i, "<?")) {
        next = raw.find("?>", i + 2);
        if (next == npos) return npos;
        next += 2;
      } else if (starts(raw, i, "</")) {
        next = tag_end(raw, i);
        if (next == npos) return npos;
        if (depth == 0) return next;
        --depth;
      } else {
        next = tag_end(raw, i);
        if (next == npos) return npos;
        if (raw[next - 2] != '/') ++depth;
      }
      markup = true;
      i = next;
      continue;
    }
    std::size_t len = 1;
    bool reference = false;
    if (c == '&') {
      std::size_t n = reference_at(raw, i, decoded);
      if (n != 0) {
        len = n;
        reference = true;
      }
      add(i, i + len, reference && decoded.size() == 1 && is_raw_space(decoded[0]), reference);
    } else {
      if (c == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') {
        len = 2;
      } else {
        len = utf8_length(static_cast<unsigned char>(c));
        if (i + len > raw.size()) len = raw.size() - i;
      }
      add(i, i + len, is_raw_space(c), false);
    }
    i += len;
  }
  return npos;
}

/// The text unit `u` stands for.
std::string_view decode(std::string_view raw, const RawUnit& u, std::string& buffer) {
  std::string_view written = raw.substr(u.begin, u.end - u.begin);
  if (!u.reference) return written;
  if (written == "\"\"") return written.substr(0, 1);  // CSV's escaped quote
  reference_at(raw, u.begin, buffer);
  return buffer;
}

/// Aligns `text` (white space collapsed and trimmed) with out.units.
bool align(std::string_view raw, std::string_view text, RawMap& out) {
  out.unit_of.assign(text.size(), RawMap::no_unit);
  std::size_t t = 0;
  bool space = false, gap = false;
  std::uint32_t space_first = RawMap::no_unit;
  std::string buffer;
  for (std::uint32_t k = 0; k < out.units.size(); ++k) {
    const RawUnit& u = out.units[k];
    if (u.after_markup) gap = true;
    if (u.space) {
      if (!space) space_first = k;
      space = true;
      continue;
    }
    if (t > 0 && t < text.size() && text[t] == ' ' && (space || gap)) {
      out.unit_of[t] = space ? space_first : RawMap::no_unit;
      ++t;
    } else if (t > 0 && space) {
      return false;  // white space the model does not have
    }
    std::string_view d = decode(raw, u, buffer);
    if (d.empty() || text.compare(t, d.size(), d) != 0) return false;
    for (std::size_t j = 0; j < d.size(); ++j) out.unit_of[t + j] = k;
    t += d.size();
    space = gap = false;
  }
  return t == text.size();
}

}  // namespace

bool RawMap::raw_range(std::size_t from, std::size_t to, std::size_t& begin,
                       std::size_t& end) const {
  if (from >= to || to > unit_of.size()) return false;
  std::uint32_t first = unit_of[from];
  std::uint32_t last = unit_of[to - 1];
  if (first == no_unit || last == no_unit) return false;
  // The bytes must start and end on unit boundaries.
  if (from > 0 && unit_of[from - 1] == first) return false;
  if (to < unit_of.size() && unit_of[to] == last) return false;
  begin = units[first].begin;
  end = units[last].end;
  return true;
}

bool looks_like_xml(std::string_view raw) {
  std::size_t i = 0;
  if (starts(raw, 0, "\xEF\xBB\xBF")) i = 3;
  while (i < raw.size() && is_raw_space(raw[i])) ++i;
  return i < raw.size() && raw[i] == '<';
}

bool map_element_text(std::string_view raw, std::size_t element, std::string_view text,
                      RawMap& out) {
  out.units.clear();
  out.unit_of.assign(text.size(), RawMap::no_unit);
  if (element >= raw.size() || raw[element] != '<' || text.size() > max_mapped) return false;
  if (scan_content(raw, element, &out.units) == npos) return false;
  return align(raw, text, out);
}

bool map_csv_field(std::string_view raw, std::size_t first_char, std::string_view text,
                   RawMap& out) {
  out.units.clear();
  out.unit_of.assign(text.size(), RawMap::no_unit);
  if (first_char >= raw.size() || text.size() > max_mapped) return false;
  // Back over the spaces that lead the field.
  std::size_t begin = first_char;
  while (begin > 0 && raw[begin - 1] == ' ') --begin;
  const bool quoted = begin > 0 && raw[begin - 1] == '"';
  std::size_t i = begin;
  while (i < raw.size()) {
    char c = raw[i];
    std::size_t len = 1;
    bool escaped = false;
    if (quoted && c == '"') {
      if (i + 1 >= raw.size() || raw[i + 1] != '"') break;  // the closing quote
      len = 2;
      escaped = true;
    } else if (!quoted && (c == ',' || c == ';' || c == '\t' || c == '\r' || c == '\n')) {
      break;
    } else if (c == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') {
      len = 2;
    } else {
      len = std::min(utf8_length(static_cast<unsigned char>(c)), raw.size() - i);
    }
    out.units.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + len),
                         !escaped && is_raw_space(c), escaped, false});
    i += len;
  }
  return align(raw, text, out);
}

std::size_t designation_element(std::string_view raw, std::size_t first_char) {
  std::size_t i = first_char < raw.size() ? first_char : raw.size();
  std::size_t innermost = SIZE_MAX;
  for (;;) {
    while (i > 0 && is_raw_space(raw[i - 1])) --i;
    if (i == 0 || raw[i - 1] != '>') break;
    std::size_t lt = raw.rfind('<', i - 1);
    if (lt == npos) break;
    std::string_view tag = raw.substr(lt, i - lt);
    if (tag.size() < 3 || tag[1] == '/' || tag[1] == '!' || tag[1] == '?' ||
        tag[tag.size() - 2] == '/') {
      break;
    }
    if (innermost == SIZE_MAX) innermost = lt;
    std::size_t name_end = 1;
    while (name_end < tag.size() && !is_raw_space(tag[name_end]) && tag[name_end] != '>' &&
           tag[name_end] != '/') {
      ++name_end;
    }
    std::string_view name = tag.substr(1, name_end - 1);
    std::size_t colon = name.rfind(':');
    if (colon != npos) name = name.substr(colon + 1);
    if (name == "term") return lt;
    i = lt;
  }
  return innermost;
}

std::size_t element_end(std::string_view raw, std::size_t element) {
  if (element >= raw.size() || raw[element] != '<') return SIZE_MAX;
  std::size_t end = scan_content(raw, element, nullptr);
  return end == npos ? SIZE_MAX : end;
}

}  // namespace termgraph
