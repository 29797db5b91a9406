#include "analysis/structure.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "format/ids.hpp"
#include "termgraph/rules.hpp"
#include "text/language.hpp"
#include "text/numbers.hpp"

namespace termgraph {

namespace {

// -- numbering-order ----------------------------------------------------------

/// An entry number as its parts, compared numerically ("3.10" is after
/// "3.9"). A part too long for 64 bits saturates (no real number has one).
using Parts = std::vector<std::uint64_t>;

/// Parses `number`; `hyphens` tells the IEC style (102-01-01) from the ISO
/// clause style (3.1.2).
bool parse_parts(std::string_view number, Parts& out, bool& hyphens) {
  thread_local std::string normal;
  if (!normalize_number(number, normal)) return false;
  hyphens = normal.find('-') != std::string::npos;
  out.clear();
  std::uint64_t part = 0;
  bool digits = false;
  for (char c : normal) {
    if (c >= '0' && c <= '9') {
      part = part > UINT64_MAX / 20 ? UINT64_MAX / 2 : part * 10 + static_cast<unsigned>(c - '0');
      digits = true;
    } else {
      if (!digits) return false;
      out.push_back(part);
      part = 0;
      digits = false;
    }
  }
  if (!digits) return false;
  out.push_back(part);
  // Work per number grows with the square of its depth; no entry number
  // comes near this one (ISO's go 5 or 6 levels deep).
  constexpr std::size_t deepest = 32;
  return out.size() <= deepest;
}

/// The first `n` parts as a key: each part as a varint (seven bits a byte,
/// the high bit set on all but its last byte), one after the other: a set
/// key only, never shown. Entry numbers' keys fit in a std::string's own
/// buffer (no allocation up to 15 bytes: "3.1.2" takes 3).
std::string key(const Parts& parts, std::size_t n) {
  n = std::min(n, parts.size());
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    std::uint64_t v = parts[i];
    while (v >= 0x80) {
      out += static_cast<char>(0x80 | (v & 0x7F));
      v >>= 7;
    }
    out += static_cast<char>(v);
  }
  return out;
}

bool same_prefix(const Parts& a, const Parts& b, std::size_t n) {
  if (a.size() < n || b.size() < n) return false;
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

/// Calls `step(j)` for each way `c` can follow a number in sequence, j
/// being how many of its parts count once the trailing 1s are dropped (the
/// parts c[j..] are all 1): c is the next at level j of a number that
/// starts with c[0..j-1] and c[j-1] - 1 (3.2 after 3.1 or 3.1.9; 3.2.1 after
/// 3.1.9), or, for j < c.size(), the first below c[0..j) (3.1.1 after 3.1).
/// Stops at the first `step` that returns true.
template <typename Step>
bool each_predecessor(const Parts& c, Step&& step) {
  for (std::size_t j = c.size(); j >= 1; --j) {
    if (step(j)) return true;
    if (c[j - 1] != 1) break;
  }
  return false;
}

/// True when `c` comes right after `p` in sequence.
bool follows(const Parts& p, const Parts& c) {
  return each_predecessor(c, [&](std::size_t j) {
    if (j < c.size() && p.size() == j && same_prefix(p, c, j)) return true;
    return c[j - 1] >= 1 && p.size() >= j && same_prefix(p, c, j - 1) && p[j - 1] == c[j - 1] - 1;
  });
}

/// The numbers of one file seen so far: each exactly, and every prefix of
/// each (3.1.2 gives 3, 3.1 and 3.1.2).
struct Seen {
  std::unordered_set<std::string> exact;
  std::unordered_set<std::string> prefixes;

  void add(const Parts& p) {
    exact.insert(key(p, p.size()));
    for (std::size_t n = 1; n <= p.size(); ++n) prefixes.insert(key(p, n));
  }

  /// True when `c` comes right after some number seen: where an entry out
  /// of place was, the sequence goes on without a gap.
  bool followed_by(const Parts& c) const {
    return each_predecessor(c, [&](std::size_t j) {
      if (j < c.size() && exact.count(key(c, j))) return true;
      if (c[j - 1] < 1) return false;
      Parts before(c.begin(), c.begin() + static_cast<std::ptrdiff_t>(j));
      before[j - 1] -= 1;
      return prefixes.count(key(before, j)) != 0;
    });
  }
};

/// The document an entry's number belongs to, as its ids name it
/// (`iso_9000_2005_en_term_3.1.6`: `iso_9000_2005_en_`), else empty: a
/// file that collects entries of several documents (examples, excerpts)
/// holds one sequence per document.
std::string_view document_of(const Entry& e) {
  for (std::string_view id : e.ids) {
    std::string_view document = ids::document_in_id(id);
    if (!document.empty()) return document;
  }
  return {};
}

void check_numbering(const Vocabulary::Impl& v, std::vector<Diagnostic>& diagnostics) {
  // One sequence per file, per document the ids name and per style of
  // number (3.1 and 102-01-01 are two sequences), each followed on its own.
  struct Sequence {
    Seen seen;
    Parts previous;
    const Entry* before = nullptr;  // the previous entry of this sequence
  };
  std::map<std::pair<std::string_view, bool>, Sequence> sequences;
  Parts current;
  bool hyphens = false;
  FileId file = 0;
  for (const Entry& e : v.entries) {
    if (!e.numbered || !parse_parts(e.number, current, hyphens)) continue;
    if (e.range.file != file) {
      file = e.range.file;
      sequences.clear();
    }
    Sequence& s = sequences[{document_of(e), hyphens}];
    // Equal numbers are duplicate-number's.
    const bool repeated = s.seen.exact.count(key(current, current.size())) != 0;
    if (s.before && !repeated && !follows(s.previous, current)) {
      const std::string previous_number(s.before->number);
      std::string message;
      if (current < s.previous) {
        message = "entry " + std::string(e.number) + " is out of sequence: it comes after entry " +
                  previous_number;
      } else if (!s.seen.followed_by(current)) {
        message = "gap in the numbering: entry " + std::string(e.number) +
                  " comes right after entry " + previous_number;
      }
      if (!message.empty()) {
        Diagnostic d = make_diagnostic(rules::numbering_order, e.range, std::move(message));
        d.related.push_back({s.before->range, "entry " + previous_number + " is here"});
        d.entries = {e.id};
        diagnostics.push_back(std::move(d));
      }
    }
    s.seen.add(current);
    s.previous.swap(current);
    s.before = &e;
  }
}

// -- missing-language ---------------------------------------------------------

void check_languages(const Vocabulary::Impl& v, std::vector<Diagnostic>& diagnostics) {
  // Tags repeat: each distinct one is canonicalised once (ICU).
  std::unordered_map<std::string_view, std::string> canonical;
  auto canonical_of = [&](std::string_view tag) -> const std::string& {
    auto [it, added] = canonical.try_emplace(tag);
    if (added) it->second = language::canonical(tag);
    return it->second;
  };
  // Per file, the declarations to check: well-formed (an ill-formed one is
  // invalid-language-tag's) and each language once.
  std::vector<std::vector<std::size_t>> checked(v.declared_languages.size());
  std::unordered_set<std::string> once;
  for (std::size_t f = 0; f < v.declared_languages.size(); ++f) {
    const std::vector<std::string_view>& declared = v.declared_languages[f];
    once.clear();
    for (std::size_t k = 0; k < declared.size(); ++k) {
      if (!language::well_formed(declared[k])) continue;
      if (once.insert(canonical_of(declared[k])).second) checked[f].push_back(k);
    }
  }
  // language::matches() on canonical forms: equal, or a prefix that ends
  // at a subtag boundary.
  auto matches = [](const std::string& range, const std::string& tag) {
    return tag.size() >= range.size() && tag.compare(0, range.size(), range) == 0 &&
           (tag.size() == range.size() || tag[range.size()] == '-');
  };
  for (const Entry& e : v.entries) {
    const FileId f = e.range.file;
    if (f >= checked.size()) continue;
    for (std::size_t k : checked[f]) {
      std::string_view language = v.declared_languages[f][k];
      const std::string& range = canonical_of(language);
      bool present = false;
      for (const LanguageSection& sec : e.languages) {
        present = present || matches(range, canonical_of(sec.language));
      }
      if (present) continue;
      Diagnostic d =
          make_diagnostic(rules::missing_language, e.range,
                          "entry " + std::string(e.number) + " has no section in language '" +
                              std::string(language) + "', which its file declares");
      d.related.push_back(
          {v.declaration_ranges[f][k], "language '" + std::string(language) + "' declared here"});
      d.entries = {e.id};
      diagnostics.push_back(std::move(d));
    }
  }
}

// -- invalid-language-tag -----------------------------------------------------

void check_language_tags(const Vocabulary::Impl& v, std::vector<Diagnostic>& diagnostics) {
  // Each distinct tag of a file once, at its first place in the file.
  struct First {
    const LanguageTagUse* use;
    std::size_t count;
  };
  std::map<std::pair<FileId, std::string_view>, First> tags;
  for (const LanguageTagUse& use : v.language_tags) {
    auto [it, added] = tags.try_emplace({use.range.file, use.tag}, First{&use, 0});
    ++it->second.count;
    if (!added && use.range < it->second.use->range) it->second.use = &use;
  }
  std::unordered_map<std::string_view, std::string> problems;  // by tag
  for (const auto& [where, first] : tags) {
    auto [it, added] = problems.try_emplace(where.second);
    if (added) it->second = language::ill_formed(where.second);
    if (it->second.empty()) continue;
    std::string message = "language tag '" + std::string(where.second) +
                          "' is not a well-formed BCP 47 language tag: " + it->second;
    if (first.count > 1) {
      message += "; the file uses it " + std::to_string(first.count) + " times";
    }
    Diagnostic d =
        make_diagnostic(rules::invalid_language_tag, first.use->range, std::move(message));
    if (first.use->entry != no_entry) d.entries = {first.use->entry};
    diagnostics.push_back(std::move(d));
  }
}

}  // namespace

void check_structure(const Vocabulary::Impl& impl, std::vector<Diagnostic>& diagnostics) {
  check_numbering(impl, diagnostics);
  check_languages(impl, diagnostics);
  check_language_tags(impl, diagnostics);
}

}  // namespace termgraph
