// Internal: Unicode-aware character tests on UTF-8 text that the reference
// scanner and resolution share (white space, quotation marks, number
// separators). All functions take byte offsets and return byte lengths.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace termgraph::text {

using sv = std::string_view;

inline bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}

inline bool is_ascii_space(unsigned char c) noexcept {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

/// True when every byte of `s` is ASCII.
inline bool is_ascii(sv s) noexcept {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

/// Length of the white-space character starting at `i` (ASCII white space,
/// no-break spaces and the other Unicode space separators), or 0.
inline std::size_t space_at(sv s, std::size_t i) noexcept {
  if (i >= s.size()) return 0;
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return is_ascii_space(c) ? 1 : 0;
  if (c == 0xC2) {
    return i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0 ? 2 : 0;
  }
  if ((c != 0xE1 && c != 0xE2 && c != 0xE3) || i + 2 >= s.size()) return 0;
  const auto c1 = static_cast<unsigned char>(s[i + 1]);
  const auto c2 = static_cast<unsigned char>(s[i + 2]);
  if (c == 0xE1) return c1 == 0x9A && c2 == 0x80 ? 3 : 0;  // U+1680
  if (c == 0xE3) return c1 == 0x80 && c2 == 0x80 ? 3 : 0;  // U+3000
  if (c1 == 0x80 && (c2 <= 0x8A || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF)) {
    return 3;  // U+2000..U+200A, U+2028, U+2029, U+202F
  }
  return c1 == 0x81 && c2 == 0x9F ? 3 : 0;  // U+205F
}

/// Length of the white-space character that ends just before `i`, or 0.
inline std::size_t space_before(sv s, std::size_t i) noexcept {
  if (i == 0 || i > s.size()) return 0;
  const auto c = static_cast<unsigned char>(s[i - 1]);
  if (c < 0x80) return is_ascii_space(c) ? 1 : 0;
  if (c == 0xA0 && i >= 2 && static_cast<unsigned char>(s[i - 2]) == 0xC2) return 2;
  if (i >= 3 && space_at(s, i - 3) == 3) return 3;
  return 0;
}

inline std::size_t skip_spaces(sv s, std::size_t i, std::size_t limit) noexcept {
  while (i < limit) {
    std::size_t n = space_at(s, i);
    if (n == 0 || i + n > limit) break;
    i += n;
  }
  return i;
}

inline std::size_t skip_spaces_back(sv s, std::size_t i, std::size_t floor) noexcept {
  while (i > floor) {
    std::size_t n = space_before(s, i);
    if (n == 0 || i - n < floor) break;
    i -= n;
  }
  return i;
}

/// Length of the UTF-8 character that ends just before `i` (at least 1).
inline std::size_t char_before(sv s, std::size_t i, std::size_t floor) noexcept {
  std::size_t j = i - 1;
  while (j > floor && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80 && i - j < 4) --j;
  return i - j;
}

/// Length of a separator inside an entry number at `i`: '.', '-', U+2010
/// HYPHEN or U+2011 NON-BREAKING HYPHEN; or 0.
inline std::size_t number_separator_at(sv s, std::size_t i, std::size_t limit) noexcept {
  if (i >= limit) return 0;
  if (s[i] == '.' || s[i] == '-') return 1;
  if (i + 3 <= limit && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(s[i + 2]) == 0x90 ||
       static_cast<unsigned char>(s[i + 2]) == 0x91)) {
    return 3;
  }
  return 0;
}

/// Quotation marks that may wrap a cited term: " ' « » “ ” „ ‘ ’.
inline std::size_t quote_at(sv s, std::size_t i) noexcept {
  if (i >= s.size()) return 0;
  if (s[i] == '"' || s[i] == '\'') return 1;
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == 0xC2 && i + 1 < s.size()) {
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    if (c1 == 0xAB || c1 == 0xBB) return 2;  // « »
  }
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const auto c2 = static_cast<unsigned char>(s[i + 2]);
    if (c2 >= 0x98 && c2 <= 0x9E) return 3;  // ‘ ’ ‚ ‛ “ ” „
  }
  return 0;
}

inline std::size_t quote_before(sv s, std::size_t i) noexcept {
  if (i == 0) return 0;
  if (quote_at(s, i - 1) == 1) return 1;
  if (i >= 2 && quote_at(s, i - 2) == 2) return 2;
  if (i >= 3 && quote_at(s, i - 3) == 3) return 3;
  return 0;
}

/// Characters that end a term window when met going backwards: they cannot
/// stand inside a cited term. Opening quotation marks (« “ „ ‘) and dashes
/// (– —) too.
inline std::size_t hard_stop_before(sv s, std::size_t i) noexcept {
  if (i == 0) return 0;
  switch (s[i - 1]) {
    case ',':
    case ';':
    case ':':
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
      return 1;
    default:
      break;
  }
  if (i >= 2 && static_cast<unsigned char>(s[i - 2]) == 0xC2 &&
      static_cast<unsigned char>(s[i - 1]) == 0xAB) {
    return 2;  // «
  }
  if (i >= 3 && static_cast<unsigned char>(s[i - 3]) == 0xE2 &&
      static_cast<unsigned char>(s[i - 2]) == 0x80) {
    const auto c2 = static_cast<unsigned char>(s[i - 1]);
    if (c2 == 0x93 || c2 == 0x94 || c2 == 0x98 || c2 == 0x9C || c2 == 0x9E) return 3;
  }
  return 0;
}

}  // namespace termgraph::text

namespace termgraph {

/// XML white space (the S production): space, tab, line feed, carriage
/// return; also what CSV and the reports take for white space.
constexpr bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// Appends code point `cp` (at most 0x10FFFF) to `out` as UTF-8.
inline void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// The length of the UTF-8 encoding of code point `cp`.
constexpr std::size_t utf8_length(std::uint32_t cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/// If an XML character reference (`&#65;`, `&#x41;`) starts at byte `i` of
/// `raw`, its length, with the code point it names in `cp` (0x110000 when
/// it names none: too large); else 0. Only the digits are read, so a
/// lookup costs their number whatever follows.
inline std::size_t character_reference_at(std::string_view raw, std::size_t i, std::uint32_t& cp) {
  if (raw.compare(i, 2, "&#") != 0) return 0;
  std::size_t k = i + 2;
  const bool hex = k < raw.size() && raw[k] == 'x';
  if (hex) ++k;
  const std::size_t digits = k;
  cp = 0;
  for (; k < raw.size(); ++k) {
    const char c = raw[k];
    std::uint32_t d;
    if (c >= '0' && c <= '9') {
      d = static_cast<std::uint32_t>(c - '0');
    } else if (hex && c >= 'a' && c <= 'f') {
      d = static_cast<std::uint32_t>(c - 'a' + 10);
    } else if (hex && c >= 'A' && c <= 'F') {
      d = static_cast<std::uint32_t>(c - 'A' + 10);
    } else {
      break;
    }
    cp = cp * (hex ? 16 : 10) + d;
    if (cp > 0x10FFFF) cp = 0x110000;  // stays "none" whatever digits follow
  }
  if (k == digits || k >= raw.size() || raw[k] != ';') return 0;
  return k + 1 - i;
}

/// If one of XML's predefined entity references (`&lt;` `&gt;` `&amp;`
/// `&apos;` `&quot;`) starts at byte `i` of `raw`, its length, with the
/// character in `c`; else 0.
inline std::size_t predefined_entity_at(std::string_view raw, std::size_t i, char& c) {
  static constexpr struct {
    std::string_view name;
    char c;
  } entities[] = {{"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&apos;", '\''}, {"&quot;", '"'}};
  for (const auto& e : entities) {
    if (raw.compare(i, e.name.size(), e.name) == 0) {
      c = e.c;
      return e.name.size();
    }
  }
  return 0;
}

/// `s` without the XML white space at its ends.
inline std::string_view trim_xml_spaces(std::string_view s) {
  while (!s.empty() && is_xml_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_xml_space(s.back())) s.remove_suffix(1);
  return s;
}

/// `s` with ASCII letters in lower case (other bytes as they are).
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

/// Writes `s` into `out` with every run of XML white space (space, tab, CR,
/// LF) turned into one space and none at either end.
inline void collapse_xml_spaces(std::string_view s, std::string& out) {
  out.clear();
  bool pending = false;
  for (char c : s) {
    if (is_xml_space(c)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += c;
  }
}

}  // namespace termgraph
