// Encodings: every input becomes UTF-8 before it is parsed.
#include "text/encoding.hpp"

#include "text/chars.hpp"

#include <unicode/ucnv.h>
#include <unicode/utf16.h>
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace termgraph {

namespace {

// Every input becomes UTF-8 before pugixml sees it, and that UTF-8 text is
// the raw buffer the vocabulary keeps: pugixml's offsets, our lines and
// columns and the source lines shown in reports all refer to the same bytes
// (pugixml would otherwise convert UTF-16 or Latin-1 into a buffer of its
// own, and its offsets would no longer match ours).

constexpr std::size_t max_encoding_reports = 100;
const char replacement[] = "\xEF\xBF\xBD";  // U+FFFD

/// Length of the valid UTF-8 sequence at `i`, or 0 with `bad` set to the
/// length of the maximal invalid subpart (at least 1), as Unicode's
/// "U+FFFD substitution of maximal subparts" counts them.
std::size_t utf8_sequence(std::string_view s, std::size_t i, std::size_t& bad) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    bad = 1;
    return 0;
  }
  std::size_t k = 1;
  for (; k < need && i + k < s.size(); ++k) {
    unsigned char b = byte(i + k);
    if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) break;
  }
  if (k == need) return need;
  bad = k;
  return 0;
}

std::string hex_bytes(std::string_view s) {
  static const char digits[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < s.size() && i < 8; ++i) {
    if (i) out += ' ';
    auto b = static_cast<unsigned char>(s[i]);
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  if (s.size() > 8) out += " ...";
  return out;
}

/// Replaces invalid UTF-8 by U+FFFD (one per maximal invalid subpart) and
/// reports each run of them. Leaves `text` untouched when it is valid.
void repair_utf8(std::string& text, std::vector<EncodingProblem>& problems) {
  std::string_view s = text;
  std::size_t i = 0, bad = 0;
  // Fast path: find the first invalid sequence, if any; ASCII eight bytes
  // at a time.
  while (i < s.size()) {
    std::uint64_t word;
    if (s.size() - i >= sizeof word) {
      std::memcpy(&word, s.data() + i, sizeof word);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += sizeof word;
        continue;
      }
    }
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = utf8_sequence(s, i, bad);
    if (n == 0) break;
    i += n;
  }
  if (i == s.size()) return;
  std::string out(s.substr(0, i));
  out.reserve(s.size() + 64);
  std::size_t reports = 0;
  while (i < s.size()) {
    std::size_t n = utf8_sequence(s, i, bad);
    if (n != 0) {
      out.append(s.data() + i, n);
      i += n;
      continue;
    }
    // A run of invalid sequences: one finding.
    std::size_t run_start = i, at = out.size(), count = 0;
    while (i < s.size() && utf8_sequence(s, i, bad) == 0) {
      out += replacement;
      i += bad;
      ++count;
    }
    if (reports < max_encoding_reports) {
      std::string what = "invalid UTF-8 (bytes " + hex_bytes(s.substr(run_start, i - run_start)) +
                         "), read as " +
                         (count == 1 ? "U+FFFD" : std::to_string(count) + " U+FFFD");
      if (++reports == max_encoding_reports) {
        what += "; further invalid sequences in this file are replaced without a report";
      }
      problems.push_back({at, std::move(what)});
    }
  }
  text = std::move(out);
}

/// UTF-16 or UTF-32 (from `start`, after any byte order mark) to UTF-8.
std::string decode_utf16_32(std::string_view s, std::size_t start, int unit, bool big_endian,
                            std::vector<EncodingProblem>& problems) {
  std::string out;
  out.reserve((s.size() - start) / static_cast<std::size_t>(unit) * 3 / 2 + 16);
  auto read = [&](std::size_t at) -> std::uint32_t {
    std::uint32_t v = 0;
    for (int k = 0; k < unit; ++k) {
      auto b = static_cast<unsigned char>(s[at + static_cast<std::size_t>(k)]);
      v |= static_cast<std::uint32_t>(b) << (8 * (big_endian ? unit - 1 - k : k));
    }
    return v;
  };
  std::size_t reports = 0;
  auto problem = [&](std::string what) {
    if (reports >= max_encoding_reports) return;
    if (++reports == max_encoding_reports) {
      what += "; further invalid sequences in this file are replaced without a report";
    }
    problems.push_back({out.size(), std::move(what)});
  };
  const char* name = unit == 2 ? "UTF-16" : "UTF-32";
  std::size_t u = static_cast<std::size_t>(unit);
  std::size_t i = start;
  for (; i + u <= s.size(); i += u) {
    std::uint32_t cp = read(i);
    if (unit == 2 && cp >= 0xD800 && cp <= 0xDBFF && i + 2 * u <= s.size()) {
      std::uint32_t low = read(i + u);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00));
        i += u;
        continue;
      }
    }
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      problem(std::string("invalid ") + name + " (" +
              (cp <= 0xFFFF ? "unpaired surrogate" : "value beyond U+10FFFF") +
              "), read as U+FFFD");
      out += replacement;
      continue;
    }
    append_utf8(out, cp);
  }
  if (i < s.size()) {
    problem(std::string("invalid ") + name + ": the file ends inside a code unit (" +
            std::to_string(s.size() - i) + " byte(s) left over), read as U+FFFD");
    out += replacement;
  }
  return out;
}

/// The value of encoding="..." in an XML declaration at the start of an
/// ASCII-compatible text, and its offset; empty when there is none.
std::string_view declared_encoding(std::string_view s, std::size_t& offset) {
  if (s.compare(0, 5, "<?xml") != 0) return {};
  std::size_t end = s.find("?>");
  if (end == std::string_view::npos || end > 1024) return {};
  std::string_view decl = s.substr(0, end);
  std::size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return {};
  std::size_t q = decl.find_first_of("\"'", at + 8);
  if (q == std::string_view::npos) return {};
  std::string_view between = decl.substr(at + 8, q - at - 8);
  if (between.find_first_not_of(" \t\r\n=") != std::string_view::npos) return {};
  std::size_t close = decl.find(decl[q], q + 1);
  if (close == std::string_view::npos) return {};
  offset = q + 1;
  return decl.substr(q + 1, close - q - 1);
}

bool has_non_ascii(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

bool valid_utf8(std::string_view s) {
  std::size_t bad = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_sequence(s, i, bad);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

/// Converts `text` from the ICU converter `name` to UTF-8; false when ICU
/// does not know the encoding.
bool convert_with_icu(std::string& text, const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(name.c_str(), &status);
  if (U_FAILURE(status) || !conv) return false;
  std::unique_ptr<UConverter, void (*)(UConverter*)> guard(conv, &ucnv_close);
  // At most one UTF-16 unit per byte, plus what a stateful encoding flushes.
  if (text.size() > static_cast<std::size_t>(INT32_MAX / 2) - 16) return false;
  std::vector<UChar> wide(text.size() + 16);
  int32_t n = ucnv_toUChars(conv, wide.data(), static_cast<int32_t>(wide.size()), text.data(),
                            static_cast<int32_t>(text.size()), &status);
  if (U_FAILURE(status)) return false;
  std::string out;
  out.reserve(static_cast<std::size_t>(n) * 3 / 2 + 16);
  for (int32_t i = 0; i < n;) {
    UChar32 cp;
    U16_NEXT(wide.data(), i, n, cp);
    append_utf8(out, (cp >= 0xD800 && cp <= 0xDFFF) ? 0xFFFD : static_cast<std::uint32_t>(cp));
  }
  text = std::move(out);
  return true;
}

}  // namespace

void to_utf8(std::string& content, std::vector<EncodingProblem>& problems) {
  std::string_view s = content;
  auto starts = [&](std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; };
  using namespace std::string_view_literals;
  // Byte order marks, then the bytes of "<?" in UTF-16 and UTF-32.
  if (starts("\xEF\xBB\xBF"sv)) {
    content.erase(0, 3);
    repair_utf8(content, problems);
    return;
  }
  struct Wide {
    std::string_view mark;
    std::size_t skip;
    int unit;
    bool big_endian;
  };
  const Wide wides[] = {
      {"\xFF\xFE\0\0"sv, 4, 4, false}, {"\0\0\xFE\xFF"sv, 4, 4, true}, {"\xFF\xFE"sv, 2, 2, false},
      {"\xFE\xFF"sv, 2, 2, true},      {"<\0\0\0"sv, 0, 4, false},     {"\0\0\0<"sv, 0, 4, true},
      {"<\0?\0"sv, 0, 2, false},       {"\0<\0?"sv, 0, 2, true},
  };
  for (const Wide& w : wides) {
    if (starts(w.mark)) {
      content = decode_utf16_32(s, w.skip, w.unit, w.big_endian, problems);
      return;
    }
  }
  std::size_t decl_at = 0;
  std::string declared = ascii_lower(declared_encoding(s, decl_at));
  if (declared.empty() || declared == "utf-8" || declared == "utf8") {
    repair_utf8(content, problems);
    return;
  }
  std::string original(declared_encoding(s, decl_at));
  if (declared.compare(0, 6, "utf-16") == 0 || declared.compare(0, 6, "utf-32") == 0 ||
      declared == "ucs-2" || declared == "ucs-4" || declared == "utf16" || declared == "utf32") {
    problems.push_back({decl_at, "the declaration says '" + original +
                                     "' but the file has no byte order mark and its bytes are "
                                     "not " +
                                     original + "; read as UTF-8"});
    repair_utf8(content, problems);
    return;
  }
  if (!has_non_ascii(s)) return;  // ASCII reads the same in any of them
  if (valid_utf8(s)) {
    problems.push_back({decl_at, "the declaration says '" + original +
                                     "' but the bytes are UTF-8 (read as " + original +
                                     " every non-ASCII letter would turn into two or three); "
                                     "read as UTF-8"});
    return;
  }
  if (!convert_with_icu(content, original)) {
    problems.push_back({decl_at, "unknown encoding '" + original + "'; read as UTF-8"});
    repair_utf8(content, problems);
  }
}

}  // namespace termgraph
