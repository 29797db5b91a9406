// Entry numbers as written ("3.30", "102-01-01"): the one place they are
// parsed (format/ids.cpp finds them in XML ids).
#include "text/numbers.hpp"

#include <cctype>
#include <string>
#include <string_view>

namespace termgraph {

bool normalize_number(std::string_view text, std::string& out) {
  out.clear();
  // Trim ASCII white space and no-break spaces (U+00A0, U+202F).
  auto strip_front = [&] {
    for (;;) {
      if (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
        text.remove_prefix(1);
      } else if (text.size() >= 2 && text.compare(0, 2, "\xC2\xA0") == 0) {
        text.remove_prefix(2);
      } else if (text.size() >= 3 && text.compare(0, 3, "\xE2\x80\xAF") == 0) {
        text.remove_prefix(3);
      } else {
        return;
      }
    }
  };
  auto strip_back = [&] {
    for (;;) {
      if (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
        text.remove_suffix(1);
      } else if (text.size() >= 2 && text.compare(text.size() - 2, 2, "\xC2\xA0") == 0) {
        text.remove_suffix(2);
      } else if (text.size() >= 3 && text.compare(text.size() - 3, 3, "\xE2\x80\xAF") == 0) {
        text.remove_suffix(3);
      } else {
        return;
      }
    }
  };
  strip_front();
  strip_back();
  bool number = !text.empty();
  bool after_digit = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    // U+2010 HYPHEN and U+2011 NON-BREAKING HYPHEN are written as '-'.
    if (c == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80' &&
        (text[i + 2] == '\x90' || text[i + 2] == '\x91')) {
      c = '-';
      i += 2;
    }
    out += c;
    if (c >= '0' && c <= '9') {
      after_digit = true;
    } else if ((c == '.' || c == '-') && after_digit) {
      after_digit = false;
    } else {
      number = false;
    }
  }
  return number && after_digit;
}

bool is_entry_number(std::string_view text) {
  std::string scratch;
  return !text.empty() && normalize_number(text, scratch);
}

}  // namespace termgraph
