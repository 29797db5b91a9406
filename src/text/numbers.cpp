// Entry numbers as written ("3.30", "102-01-01"): the one place they are
// parsed (format/ids.cpp finds them in XML ids).
#include "text/numbers.hpp"

#include <string>
#include <string_view>

namespace termgraph {

namespace {

/// White space as std::isspace() takes it in the C locale, without the
/// locale lookup.
bool is_c_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

}  // namespace

bool normalize_number(std::string_view text, std::string& out) {
  out.clear();
  // Trim ASCII white space and no-break spaces (U+00A0, U+202F), byte by
  // byte (this runs for every number and label read and resolved).
  auto strip_front = [&] {
    for (;;) {
      const std::size_t n = text.size();
      if (n >= 1 && is_c_space(text[0])) {
        text.remove_prefix(1);
      } else if (n >= 2 && text[0] == '\xC2' && text[1] == '\xA0') {
        text.remove_prefix(2);
      } else if (n >= 3 && text[0] == '\xE2' && text[1] == '\x80' && text[2] == '\xAF') {
        text.remove_prefix(3);
      } else {
        return;
      }
    }
  };
  auto strip_back = [&] {
    for (;;) {
      const std::size_t n = text.size();
      if (n >= 1 && is_c_space(text[n - 1])) {
        text.remove_suffix(1);
      } else if (n >= 2 && text[n - 2] == '\xC2' && text[n - 1] == '\xA0') {
        text.remove_suffix(2);
      } else if (n >= 3 && text[n - 3] == '\xE2' && text[n - 2] == '\x80' &&
                 text[n - 1] == '\xAF') {
        text.remove_suffix(3);
      } else {
        return;
      }
    }
  };
  strip_front();
  strip_back();
  if (text.empty()) return false;
  bool after_digit = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    // U+2010 HYPHEN and U+2011 NON-BREAKING HYPHEN are written as '-'.
    if (c == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80' &&
        (text[i + 2] == '\x90' || text[i + 2] == '\x91')) {
      c = '-';
      i += 2;
    }
    if (c >= '0' && c <= '9') {
      after_digit = true;
    } else if ((c == '.' || c == '-') && after_digit) {
      after_digit = false;
    } else {
      return false;  // not a number: no need to read on
    }
    out += c;
  }
  return after_digit;
}

bool is_entry_number(std::string_view text) {
  std::string scratch;
  return !text.empty() && normalize_number(text, scratch);
}

}  // namespace termgraph

namespace termgraph {

bool number_less(std::string_view a, std::string_view b) noexcept {
  std::size_t i = 0;
  std::size_t j = 0;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      // Runs of digits: skip leading zeros, then the longer run is the
      // larger number, else the first differing digit decides.
      while (i < a.size() && a[i] == '0') ++i;
      while (j < b.size() && b[j] == '0') ++j;
      std::size_t ei = i;
      std::size_t ej = j;
      while (ei < a.size() && digit(a[ei])) ++ei;
      while (ej < b.size() && digit(b[ej])) ++ej;
      if (ei - i != ej - j) return ei - i < ej - j;
      for (; i < ei; ++i, ++j) {
        if (a[i] != b[j]) return a[i] < b[j];
      }
      continue;
    }
    if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
    ++i;
    ++j;
  }
  if ((a.size() - i) != (b.size() - j)) return a.size() - i < b.size() - j;
  return a < b;  // "3.01" and "3.1": equal as numbers, ordered by their text
}

}  // namespace termgraph
