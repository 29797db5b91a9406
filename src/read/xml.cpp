// The XML reading toolkit: trimming and the offsets of nodes and attributes
// in the raw file.
#include "read/xml.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace termgraph::xml {

namespace {

/// The length of the Unicode space (Spaces::unicode) at the front of `t`,
/// 0 when there is none.
std::size_t unicode_space_at_front(std::string_view t) {
  if (t.empty()) return 0;
  unsigned char c = static_cast<unsigned char>(t[0]);
  if (is_space(t[0])) return 1;
  if (t.size() >= 2 && c == 0xC2 && static_cast<unsigned char>(t[1]) == 0xA0) return 2;
  if (t.size() >= 3 && c == 0xE2 && static_cast<unsigned char>(t[1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(t[2]);
    if ((d >= 0x80 && d <= 0x8B) || d == 0xAF) return 3;  // U+2000-U+200B, U+202F
  }
  if (t.size() >= 3 && c == 0xE3 && t[1] == '\x80' && t[2] == '\x80') return 3;  // U+3000
  if (t.size() >= 3 && c == 0xEF && t[1] == '\xBB' && t[2] == '\xBF') return 3;  // U+FEFF
  return 0;
}

/// The same at the back of `t`.
std::size_t unicode_space_at_back(std::string_view t) {
  if (t.empty()) return 0;
  unsigned char c = static_cast<unsigned char>(t.back());
  if (is_space(t.back())) return 1;
  std::size_t n = t.size();
  if (n >= 2 && c == 0xA0 && static_cast<unsigned char>(t[n - 2]) == 0xC2) return 2;
  if (n >= 3) {
    std::string_view tail = t.substr(n - 3);
    unsigned char a = static_cast<unsigned char>(tail[0]);
    unsigned char b = static_cast<unsigned char>(tail[1]);
    if (a == 0xE2 && b == 0x80 && ((c >= 0x80 && c <= 0x8B) || c == 0xAF)) return 3;
    if (tail == "\xE3\x80\x80" || tail == "\xEF\xBB\xBF") return 3;
  }
  return 0;
}

}  // namespace

std::string_view trim(std::string_view s, Spaces spaces) {
  // Most values start and end with a printable ASCII character: nothing to
  // take off.
  auto printable = [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u < 0x80;
  };
  if (!s.empty() && printable(s.front()) && printable(s.back())) return s;
  if (spaces == Spaces::unicode) {
    for (std::size_t n; (n = unicode_space_at_front(s)) != 0;) s.remove_prefix(n);
    for (std::size_t n; (n = unicode_space_at_back(s)) != 0;) s.remove_suffix(n);
    return s;
  }
  return trim_xml_spaces(s);
}

std::size_t Source::parsed_offset(pugi::xml_node node) {
  // pugixml knows the offset of every node it parsed in place.
  for (; node; node = node.parent()) {
    std::ptrdiff_t o = node.offset_debug();
    if (o >= 0) return static_cast<std::size_t>(o);
  }
  return 0;
}

std::vector<Source::AttributeOffsets> Source::attributes(pugi::xml_node element) const {
  // The start tag as written: '<' name (S name S? '=' S? quoted-value)* ...
  // A value holds no '<' and not its own quote, so the tag is read by
  // these few rules; what does not fit them (never expected from a parsed
  // element) leaves the rest at the element's offset.
  std::vector<AttributeOffsets> out;
  const std::size_t at = offset(element);
  std::size_t i = at;
  const std::size_t n = raw_.size();
  auto skip_spaces = [&] {
    while (i < n && is_space(raw_[i])) ++i;
  };
  bool ok = element.offset_debug() >= 0 && i < n;
  while (ok && i < n && !is_space(raw_[i]) && raw_[i] != '>' && raw_[i] != '/') ++i;
  for (pugi::xml_attribute a = element.first_attribute(); a; a = a.next_attribute()) {
    if (ok) {
      skip_spaces();
      std::size_t name = i;
      while (i < n && raw_[i] != '=' && !is_space(raw_[i]) && raw_[i] != '>') ++i;
      skip_spaces();
      ok = i < n && raw_[i] == '=' && i > name;
      if (ok) {
        ++i;
        skip_spaces();
        ok = i < n && (raw_[i] == '"' || raw_[i] == '\'');
      }
      if (ok) {
        std::size_t value = i + 1;
        std::size_t close = raw_.find(raw_[i], value);
        ok = close != std::string_view::npos;
        if (ok) {
          out.push_back({name, value});
          i = close + 1;
          continue;
        }
      }
    }
    out.push_back({at, at});
  }
  return out;
}

Source::AttributeOffsets Source::attribute(pugi::xml_node element, pugi::xml_attribute a) const {
  std::vector<AttributeOffsets> all = attributes(element);
  std::size_t index = 0;
  for (pugi::xml_attribute b = element.first_attribute(); b && b != a; b = b.next_attribute()) {
    ++index;
  }
  if (index < all.size()) return all[index];
  std::size_t at = offset(element);
  return {at, at};
}

std::size_t Source::first_character(pugi::xml_node text) const {
  std::size_t at = offset(text);
  while (at < raw_.size() && is_space(raw_[at])) ++at;
  return at;
}

bool well_formed_content(std::string_view content) {
  std::string wrapped = "<x>";
  wrapped += content;
  wrapped += "</x>";
  pugi::xml_document doc;
  return static_cast<bool>(
      doc.load_buffer(wrapped.data(), wrapped.size(), pugi::parse_default, pugi::encoding_utf8));
}

}  // namespace termgraph::xml
