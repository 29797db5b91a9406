// The text pass: characters XML forbids (invalid-character), text not in
// NFC (not-nfc) and terms with stray white space as written (whitespace),
// with the edits of --fix where the raw text maps back safely.
#include "analysis/text_checks.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <set>
#include <tuple>
#include <type_traits>

#include "analysis/source_text.hpp"
#include "termgraph/rules.hpp"
#include "text/chars.hpp"

namespace termgraph {

namespace {

using Impl = Vocabulary::Impl;

std::string code_point_name(std::uint32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
  return buffer;
}

bool xml_allows(std::uint32_t cp) {
  if (cp < 0x20) return cp == 0x9 || cp == 0xA || cp == 0xD;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  if (cp == 0xFFFE || cp == 0xFFFF) return false;
  return cp <= 0x10FFFF;
}

/// The entry of `file` whose element holds byte `at`, or no_entry.
class EntryFinder {
public:
  EntryFinder(const Impl& impl, SourceText& text, FileId file) {
    std::string_view raw = text.raw(file);
    for (const Entry& e : impl.entries) {
      if (e.range.file != file) continue;
      std::size_t begin = text.offset(e.range);
      std::size_t end = element_end(raw, begin);
      if (begin != SIZE_MAX && end != SIZE_MAX) spans_.push_back({begin, end, e.id});
    }
    std::sort(spans_.begin(), spans_.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
  }
  EntryId at(std::size_t offset) const {
    // Entries do not overlap: the last one that starts at or before.
    auto it = std::upper_bound(spans_.begin(), spans_.end(), offset,
                               [](std::size_t o, const Span& s) { return o < s.begin; });
    if (it == spans_.begin()) return no_entry;
    --it;
    return offset < it->end ? it->entry : no_entry;
  }

private:
  struct Span {
    std::size_t begin, end;
    EntryId entry;
  };
  std::vector<Span> spans_;
};

/// The bytes scan_characters() looks at: control characters but tab, line
/// feed and carriage return; the lead byte of U+FFFE/U+FFFF; the second
/// byte of markup that may open a comment, CDATA or a PI ("<!", "<?": far
/// rarer than '<'); character references.
constexpr std::array<bool, 256> stop_bytes = [] {
  std::array<bool, 256> stop{};
  for (int c = 0; c < 0x20; ++c) stop[c] = c != 0x9 && c != 0xA && c != 0xD;
  stop[0xEF] = true;
  stop['!'] = true;
  stop['?'] = true;
  stop['&'] = true;
  return stop;
}();

/// The first byte from `i` on that scan_characters() looks at, or `n`:
/// eight bytes a step while none of them is one.
std::size_t next_stop(std::string_view raw, std::size_t i) {
  const std::size_t n = raw.size();
  auto stop = [&](std::size_t k) {
    return static_cast<unsigned>(stop_bytes[static_cast<unsigned char>(raw[k])]);
  };
  while (i + 8 <= n && !(stop(i) | stop(i + 1) | stop(i + 2) | stop(i + 3) | stop(i + 4) |
                         stop(i + 5) | stop(i + 6) | stop(i + 7))) {
    i += 8;
  }
  while (i < n && !stop(i)) ++i;
  return i;
}

/// invalid-character over one XML file's raw bytes: control characters and
/// U+FFFE/U+FFFF written out anywhere, character references to characters
/// XML forbids outside comments, CDATA and processing instructions.
void scan_characters(const Impl& impl, SourceText& text, FileId file,
                     const std::set<std::tuple<FileId, std::uint32_t, std::uint32_t>>& known,
                     std::vector<Diagnostic>& diagnostics) {
  std::string_view raw = text.raw(file);
  struct Found {
    std::size_t begin, end;
    std::string message;
  };
  std::vector<Found> found;
  // Where references are not references: inside comments, CDATA and PIs.
  std::size_t literal_until = 0;
  const std::size_t n = raw.size();
  for (std::size_t i = 0; i < n; ++i) {
    // Most bytes need no look: skip to the next that may.
    i = next_stop(raw, i);
    if (i == n) break;
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c < 0x20) {
      if (c != 0x9 && c != 0xA && c != 0xD) {
        found.push_back({i, i + 1,
                         "character " + code_point_name(c) +
                             " (a control character) is not "
                             "allowed in XML"});
      }
      continue;
    }
    if (c == 0xEF && i + 2 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(raw[i + 2]) & 0xFE) == 0xBE) {
      std::uint32_t cp = 0xFFFE + (static_cast<unsigned char>(raw[i + 2]) & 1u);
      found.push_back({i, i + 3, "character " + code_point_name(cp) + " is not allowed in XML"});
      i += 2;
      continue;
    }
    if (i < literal_until) continue;
    if (c == '!' || c == '?') {
      // Only "<!" and "<?" open literal text.
      if (i == 0 || raw[i - 1] != '<') continue;
      const std::size_t lt = i - 1;
      std::size_t close = std::string_view::npos;
      std::size_t skip = 0;
      if (raw.compare(lt, 4, "<!--") == 0) {
        close = raw.find("-->", lt + 4);
        skip = 3;
      } else if (raw.compare(lt, 9, "<![CDATA[") == 0) {
        close = raw.find("]]>", lt + 9);
        skip = 3;
      } else if (raw.compare(lt, 2, "<?") == 0) {
        close = raw.find("?>", lt + 2);
        skip = 2;
      }
      if (skip) literal_until = close == std::string_view::npos ? raw.size() : close + skip;
      continue;
    }
    if (c == '&') {
      std::uint32_t cp = 0;
      std::size_t n = character_reference_at(raw, i, cp);
      if (n != 0 && !xml_allows(cp)) {
        std::string written(raw.substr(i, n));
        found.push_back({i, i + n,
                         cp > 0x10FFFF
                             ? "character reference '" + written + "' names no Unicode character"
                             : "character reference '" + written + "' names " +
                                   code_point_name(cp) + ", which XML does not allow"});
      }
      if (n) i += n - 1;
    }
  }
  if (found.empty()) return;
  EntryFinder entries(impl, text, file);
  for (Found& f : found) {
    SourceRange range = text.range(file, f.begin, f.end);
    if (known.count({file, range.line, range.column})) continue;
    Diagnostic d = make_diagnostic(rules::invalid_character, range, std::move(f.message));
    EntryId entry = entries.at(f.begin);
    if (entry != no_entry) d.entries.push_back(entry);
    diagnostics.push_back(std::move(d));
  }
}

/// The white space of a term as written: leading, trailing, runs of two or
/// more; never white space that holds a line break (the layout of the XML:
/// a long term over two lines, a term element indented like the others).
void check_whitespace(const Designation& d, EntryId entry, SourceText& text,
                      std::vector<Diagnostic>& diagnostics) {
  if (d.text.empty() || text.written_as_is(d)) return;
  RawMap map;
  if (!text.map_designation(d, map)) return;
  std::string_view raw = text.raw(d.range.file);
  const std::vector<RawUnit>& units = map.units;
  const std::uint32_t first = map.unit_of.front();
  const std::uint32_t last = map.unit_of.back();
  if (first == RawMap::no_unit || last == RawMap::no_unit) return;

  std::vector<std::pair<std::uint32_t, std::uint32_t>> removals;  // unit ranges [a, b)
  std::vector<std::string> what;
  // White space that holds a line break is the layout of the XML around
  // the term (mixed content indented), not part of how the term is written.
  auto line_break = [&](std::uint32_t a, std::uint32_t b) {
    for (std::uint32_t k = a; k < b; ++k) {
      char c = raw[units[k].begin];
      if (c == '\n' || c == '\r') return true;
    }
    return false;
  };
  if (first > 0 && !line_break(0, first)) {
    removals.push_back({0, first});
    what.push_back("leading white space");
  }
  bool doubled = false;
  for (std::size_t t = 0; t < d.text.size(); ++t) {
    if (d.text[t] != ' ' || map.unit_of[t] == RawMap::no_unit) continue;
    std::uint32_t a = map.unit_of[t];
    std::uint32_t b = a;
    while (b < units.size() && units[b].space) ++b;
    if (b - a < 2 || line_break(a, b)) continue;
    // Keep the run's first unit (as a space), remove the others.
    removals.push_back({a, b});
    doubled = true;
  }
  if (doubled) what.push_back("doubled spaces");
  const auto size = static_cast<std::uint32_t>(units.size());
  if (last + 1 < size && !line_break(last + 1, size)) {
    removals.push_back({last + 1, static_cast<std::uint32_t>(units.size())});
    what.push_back("trailing white space");
  }
  if (removals.empty()) return;

  std::string message = "term '" + std::string(d.text) + "' has ";
  for (std::size_t i = 0; i < what.size(); ++i) {
    if (i) message += i + 1 == what.size() ? " and " : ", ";
    message += what[i];
  }
  const RawUnit& at = units[removals.front().first];
  Diagnostic diag = make_diagnostic(
      rules::whitespace, text.range(d.range.file, at.begin, units[removals.front().second - 1].end),
      message);
  diag.entries.push_back(entry);

  Fix fix;
  fix.message = "remove the extra white space";
  for (const auto& [a, b] : removals) {
    const bool keep_one = a != 0 && b != units.size();  // a doubled run
    // Each edit covers units that stand next to each other in the raw text
    // (no markup between them).
    std::uint32_t k = a;
    bool first_group = true;
    while (k < b) {
      std::uint32_t end = k + 1;
      while (end < b && !units[end].after_markup && units[end].begin == units[end - 1].end) ++end;
      std::string replacement = keep_one && first_group ? " " : "";
      std::string_view written = raw.substr(units[k].begin, units[end - 1].end - units[k].begin);
      if (written != replacement) {
        fix.edits.push_back(
            {text.range(d.range.file, units[k].begin, units[end - 1].end), replacement});
      }
      first_group = false;
      k = end;
    }
  }
  if (!fix.edits.empty()) diag.fixes.push_back(std::move(fix));
  diagnostics.push_back(std::move(diag));
}

/// not-nfc: the segments of `text` (between normalisation boundaries) that
/// NFC changes, as byte ranges with their NFC form.
struct Unnormalised {
  std::size_t begin, end;
  std::string nfc;
};

std::vector<Unnormalised> unnormalised(std::string_view text, const icu::Normalizer2& nfc) {
  std::vector<Unnormalised> out;
  bool ascii = std::all_of(text.begin(), text.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return out;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString whole = icu::UnicodeString::fromUTF8(text);
  if (nfc.isNormalized(whole, status) || U_FAILURE(status)) return out;
  // Segments start at code points with a boundary before them.
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t i = 0, segment = 0;
  auto close = [&](std::int32_t end) {
    if (end <= segment) return;
    std::string_view piece =
        text.substr(static_cast<std::size_t>(segment), static_cast<std::size_t>(end - segment));
    UErrorCode st = U_ZERO_ERROR;
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(piece);
    if (nfc.isNormalized(s, st) || U_FAILURE(st)) return;
    icu::UnicodeString normal = nfc.normalize(s, st);
    if (U_FAILURE(st)) return;
    std::string utf8;
    normal.toUTF8String(utf8);
    out.push_back({static_cast<std::size_t>(segment), static_cast<std::size_t>(end), utf8});
  };
  while (i < length) {
    std::int32_t at = i;
    UChar32 cp;
    U8_NEXT(text.data(), i, length, cp);
    if (cp >= 0 && at > segment && nfc.hasBoundaryBefore(cp)) {
      close(at);
      segment = at;
    }
  }
  close(length);
  return out;
}

template <typename Item>
void check_nfc(const Item& item, std::string_view what, EntryId entry, SourceText& text,
               const icu::Normalizer2& nfc, std::vector<Diagnostic>& diagnostics) {
  std::vector<Unnormalised> bad = unnormalised(item.text, nfc);
  if (bad.empty()) return;
  RawMap map;
  bool mapped;
  if constexpr (std::is_same_v<Item, Designation>) {
    mapped = text.map_designation(item, map);
  } else {
    mapped = text.map_block(item, map);
  }
  std::string_view raw = text.raw(item.range.file);
  SourceRange range = item.range;
  Fix fix;
  fix.message = "write the text in NFC";
  bool fixable = mapped;
  for (std::size_t i = 0; i < bad.size(); ++i) {
    const Unnormalised& u = bad[i];
    std::size_t begin = 0, end = 0;
    bool ok = mapped && map.raw_range(u.begin, u.end, begin, end);
    if (ok) {
      // Only characters written out, with nothing between them.
      std::string_view written = raw.substr(begin, end - begin);
      ok = written == item.text.substr(u.begin, u.end - u.begin);
    }
    if (ok && i == 0) range = text.range(item.range.file, begin, end);
    if (!ok) {
      fixable = false;
      continue;
    }
    fix.edits.push_back({text.range(item.range.file, begin, end), u.nfc});
  }
  std::string shown(item.text.substr(bad.front().begin, bad.front().end - bad.front().begin));
  Diagnostic d = make_diagnostic(
      rules::not_nfc, range,
      std::string(what) + " is not in NFC: '" + shown + "' is '" + bad.front().nfc + "' in NFC");
  d.entries.push_back(entry);
  if (fixable && !fix.edits.empty()) d.fixes.push_back(std::move(fix));
  diagnostics.push_back(std::move(d));
}

}  // namespace

void check_text(Impl& impl, const std::vector<Diagnostic>& loading,
                std::vector<Diagnostic>& diagnostics) {
  SourceText text(impl);

  // Characters XML forbids, where the XML parser did not already stop.
  std::set<std::tuple<FileId, std::uint32_t, std::uint32_t>> known;
  for (const Diagnostic& d : loading) {
    if (d.is(RuleId::xml_syntax) || d.is(RuleId::invalid_encoding)) {
      known.insert({d.range.file, d.range.line, d.range.column});
    }
  }
  for (FileId f = 0; f < impl.contents.size(); ++f) {
    if (text.is_xml(f)) scan_characters(impl, text, f, known, diagnostics);
  }

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  for (const Entry& entry : impl.entries) {
    for (const LanguageSection& section : entry.languages) {
      for (const Designation& d : section.designations) {
        check_whitespace(d, entry.id, text, diagnostics);
        if (nfc && U_SUCCESS(status)) {
          check_nfc(d, "term '" + std::string(d.text) + "'", entry.id, text, *nfc, diagnostics);
        }
      }
      if (!nfc || U_FAILURE(status)) continue;
      auto blocks = [&](const TextBlock& b) {
        check_nfc(b, to_string(b.kind), entry.id, text, *nfc, diagnostics);
      };
      if (section.definition) blocks(*section.definition);
      for (const TextBlock& b : section.notes) blocks(b);
      for (const TextBlock& b : section.examples) blocks(b);
      for (const TextBlock& b : section.sources) blocks(b);
    }
  }
}

}  // namespace termgraph
