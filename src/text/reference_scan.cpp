// Finding references in the text of a block.
//
// Extraction is one left-to-right pass over the block's text. Markup links
// are taken as given; a parenthesised group at a link's end, or right after
// it, belongs to the link. Elsewhere, a parenthesised group is a reference
// when it holds nothing but entry numbers and separators ("(3.30)",
// "(3.2, 3.4)", "(3.1.6 and 3.9.14)"), or cites another document
// ("(ISO 1087-2:2000, 6.7)"). Every scan is bounded by the previous
// parenthesis or link, so each byte is looked at a constant number of
// times; no regular expressions, no recursion.
#include "text/reference_scan.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/chars.hpp"

namespace termgraph {

namespace {

using namespace text;
constexpr std::size_t npos = sv::npos;

/// Longest parenthesised group looked at, in bytes: a list of entry numbers
/// or a citation of another document is far shorter.
constexpr std::size_t max_group = 256;
/// Words before a plain-text reference that may hold its term.
constexpr int max_window_words = 6;

// -- parenthesised groups -------------------------------------------------------

/// Length of an entry number at `i` (digits, then one or more groups of a
/// separator and digits: 3.30, 3.1.2.16, 102-01-01, 102‑01‑01), or 0. A
/// first part of just "0" ("0.52") is a decimal fraction, not a number.
/// With `bare`, an integer of up to three digits counts too (entry 4 of a
/// flat list), but not a four-digit year.
std::size_t entry_number_at(sv s, std::size_t i, std::size_t limit, bool bare) noexcept {
  std::size_t j = i;
  while (j < limit && is_digit(s[j])) ++j;
  if (j == i) return 0;
  if (j - i == 1 && s[i] == '0') return 0;
  int parts = 0;
  for (;;) {
    std::size_t sep = number_separator_at(s, j, limit);
    if (sep == 0) break;
    std::size_t k = j + sep;
    std::size_t digits = k;
    while (digits < limit && is_digit(s[digits])) ++digits;
    if (digits == k) return 0;  // "3." or "3..4" or "3.a"
    j = digits;
    ++parts;
  }
  if (parts == 0 && !(bare && j - i <= 3)) return 0;
  return j - i;
}

/// Organisations whose documents are cited by designation.
bool is_publisher(sv w) noexcept {
  static constexpr sv publishers[] = {
      "ISO", "IEC",  "EN",  "IEEE", "ITU",  "NIST", "RFC",   "ASTM", "DIN",     "BS",   "ANSI",
      "CEN", "ETSI", "JIS", "GOST", "OIML", "BIPM", "IUPAC", "IETF", "CENELEC", "ASME", "SAE"};
  for (sv p : publishers) {
    if (w == p) return true;
  }
  return false;
}

/// A document number with its year: 1087-2:2000, 22739:2020.
bool is_dated_number(sv w) noexcept {
  std::size_t colon = w.find(':');
  if (colon == npos || colon == 0 || w.size() - colon - 1 != 4) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    if (!is_digit(w[i]) && w[i] != '-' && w[i] != '.') return false;
  }
  if (!is_digit(w[0])) return false;
  for (std::size_t i = colon + 1; i < w.size(); ++i) {
    if (!is_digit(w[i])) return false;
  }
  return true;
}

struct Group {
  enum Kind { none, empty, numbers, external } kind = none;
  std::size_t open = 0;   // offset of '('
  std::size_t close = 0;  // offset of ')'
  // For external: the clause cited (may be empty).
  std::size_t clause_begin = 0, clause_end = 0;
};

using Spans = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

/// Reads "(ISO 1087-2:2000, 6.7)": a publisher or a dated document number
/// first, some digit in the document's designation, then optionally a comma
/// and the clause.
bool read_external(sv s, Group& g) {
  const std::size_t b = skip_spaces(s, g.open + 1, g.close);
  std::size_t first_end = b;
  while (first_end < g.close && !space_at(s, first_end) && s[first_end] != ',') ++first_end;
  sv first = s.substr(b, first_end - b);
  sv head = first.substr(0, std::min(first.find('/'), first.find('-')));
  if (!is_publisher(head) && !is_dated_number(first)) return false;
  std::size_t comma = b;
  bool digit = false;
  for (; comma < g.close && s[comma] != ','; ++comma) {
    if (is_digit(s[comma])) digit = true;
  }
  if (!digit) return false;
  if (comma < g.close) {
    std::size_t cb = skip_spaces(s, comma + 1, g.close);
    std::size_t ce = cb;
    while (ce < g.close && s[ce] != ',' && s[ce] != ';') ++ce;
    ce = skip_spaces_back(s, ce, cb);
    g.clause_begin = cb;
    g.clause_end = ce;
  } else {
    g.clause_begin = g.clause_end = g.close;
  }
  return true;
}

/// Reads a list of entry numbers with separators: ',' ';' and conjunctions
/// ("3.2, 3.4", "3.1.6 and 3.9.14", "3.2, 3.4 et 3.5"). `bare`: see
/// entry_number_at().
bool read_numbers(sv s, const Group& g, Spans& numbers, bool bare) {
  numbers.clear();
  enum { start, number, punct, conj } state = start;
  std::size_t i = g.open + 1;
  for (;;) {
    i = skip_spaces(s, i, g.close);
    if (i >= g.close) break;
    const char c = s[i];
    if (is_digit(c)) {
      if (state == number) return false;  // "3.2 3.4"
      std::size_t n = entry_number_at(s, i, g.close, bare);
      if (n == 0) return false;
      std::size_t e = i + n;
      if (e < g.close && !space_at(s, e) && s[e] != ',' && s[e] != ';') return false;
      numbers.emplace_back(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(e));
      i = e;
      state = number;
    } else if (c == ',' || c == ';') {
      if (state != number) return false;
      ++i;
      state = punct;
    } else {
      std::size_t e = i;
      while (e < g.close && !space_at(s, e) && s[e] != ',' && s[e] != ';') ++e;
      if (!is_conjunction(s.substr(i, e - i))) return false;
      if (state != number && state != punct) return false;
      i = e;
      state = conj;
    }
  }
  return state == number;
}

/// Classifies the group between '(' at `open` and ')' at `close`. A group
/// that belongs to a link (`in_link`) may hold a bare integer: the link says
/// it is a reference.
Group classify(sv s, std::size_t open, std::size_t close, Spans& numbers, bool in_link) {
  Group g;
  g.open = open;
  g.close = close;
  if (skip_spaces(s, open + 1, close) == close) {
    g.kind = Group::empty;
  } else if (read_numbers(s, g, numbers, in_link)) {
    g.kind = Group::numbers;
  } else if (read_external(s, g)) {
    g.kind = Group::external;
  }
  return g;
}

/// The ')' closing a '(' at `open`, looking no further than `limit` and
/// stopping at another '('; npos when there is none.
std::size_t find_close(sv s, std::size_t open, std::size_t limit) noexcept {
  limit = std::min(limit, open + 1 + max_group);
  for (std::size_t j = open + 1; j < limit; ++j) {
    if (s[j] == ')') return j;
    if (s[j] == '(') return npos;
  }
  return npos;
}

/// The last '(' in [floor, i) with no ')' after it, looking back at most
/// max_group bytes; npos when there is none.
std::size_t find_open_back(sv s, std::size_t i, std::size_t floor) noexcept {
  floor = std::max(floor, i > max_group ? i - max_group : 0);
  while (i > floor) {
    --i;
    if (s[i] == '(') return i;
    if (s[i] == ')') return npos;
  }
  return npos;
}

/// True when the '(' at `p` is glued to the word before it ("f(3.2)",
/// "ISBN 0-226-11433-3(1989)"): a cited term is followed by a space.
bool attached(sv s, std::size_t p) noexcept {
  if (p == 0 || space_before(s, p) || quote_before(s, p)) return false;
  switch (s[p - 1]) {
    case '(':
    case '[':
    case '{':
    case ',':
    case ';':
    case ':':
    case '/':
      return false;
    default:
      break;
  }
  return hard_stop_before(s, p) != 3;  // after a dash or an opening quote
}

// -- the term window of a plain-text reference ----------------------------------

/// The words just before a parenthesis at `paren` that may hold the cited
/// term: up to max_window_words, not crossing punctuation, a sentence end,
/// an opening quotation mark or `floor`. Quotation marks around the term are
/// left out. Returns an empty range at `paren` when there is no such word.
std::pair<std::size_t, std::size_t> term_window(sv s, std::size_t paren, std::size_t floor) {
  std::size_t end = skip_spaces_back(s, paren, floor);
  while (end > floor) {
    std::size_t q = quote_before(s, end);
    if (q == 0 || end - q < floor) break;
    end -= q;
  }
  std::size_t begin = end;
  std::size_t cur = end;
  for (int words = 0; words < max_window_words;) {
    std::size_t j = cur;
    while (j > floor && !space_before(s, j) && !hard_stop_before(s, j)) {
      j -= char_before(s, j, floor);
    }
    if (j == cur) break;
    const char last = s[cur - 1];
    if (last == '.' || last == '!' || last == '?') break;  // a sentence ends here
    std::size_t word = j;
    bool opening = false;
    while (word < cur) {
      std::size_t q = quote_at(s, word);
      if (q == 0) break;
      word += q;
      opening = true;
    }
    if (word == cur) break;
    begin = word;
    ++words;
    if (opening || j == floor || !space_before(s, j)) break;
    cur = skip_spaces_back(s, j, floor);
    if (cur == floor) break;
  }
  if (begin == end) return {paren, paren};
  return {begin, end};
}

// -- extraction -----------------------------------------------------------------

class Extractor {
public:
  Extractor(sv text, std::vector<ExtractedReference>& out) : s_(text), out_(out) {}

  /// Plain-text references in [from, to).
  void scan_plain(std::size_t from, std::size_t to) {
    std::size_t i = from;
    while (i < to) {
      std::size_t p = s_.find('(', i);
      if (p == npos || p >= to) return;
      const std::size_t limit = std::min(to, p + 1 + max_group);
      std::size_t j = p + 1;
      while (j < limit && s_[j] != ')' && s_[j] != '(') ++j;
      if (j >= limit || s_[j] == '(') {
        i = j;  // no '(' before j: the next group can only start there
        continue;
      }
      if (attached(s_, p)) {
        i = j + 1;  // "x(3.2)", "<43>(1.0)": not how a term is cited
        continue;
      }
      Group g = classify(s_, p, j, numbers_, false);
      if (g.kind == Group::numbers) {
        ExtractedReference base;
        auto [tb, te] = term_window(s_, p, from);
        base.term_begin = static_cast<std::uint32_t>(tb);
        base.term_end = static_cast<std::uint32_t>(te);
        base.begin = static_cast<std::uint32_t>(p);
        emit_numbers(base, g);
      } else if (g.kind == Group::external) {
        ExtractedReference r;
        r.begin = static_cast<std::uint32_t>(p);
        r.end = static_cast<std::uint32_t>(j + 1);
        r.term_begin = r.term_end = r.begin;
        r.number_begin = static_cast<std::uint32_t>(g.clause_begin);
        r.number_end = static_cast<std::uint32_t>(g.clause_end);
        r.external = true;
        out_.push_back(std::move(r));
      }
      i = j + 1;
    }
  }

  /// The reference of one markup link, with the group that belongs to it.
  /// Returns the end of the text the link claims. `bound` limits the search
  /// for a group after the link (the start of the next link).
  std::size_t link(const MarkupLink& link, std::size_t bound) {
    const std::size_t n = s_.size();
    const std::size_t lb = std::min<std::size_t>(link.begin, n);
    const std::size_t le = std::clamp<std::size_t>(link.end, lb, n);
    bound = std::max(bound, le);
    const std::size_t tb = skip_spaces(s_, lb, le);
    const std::size_t te = skip_spaces_back(s_, le, tb);

    Group g;
    std::size_t term_end = te;
    if (te > tb && s_[te - 1] == ')') {
      // "domain (3.1.2)": the group ends the link's text.
      std::size_t open = find_open_back(s_, te - 1, tb);
      if (open != npos) {
        g = classify(s_, open, te - 1, numbers_, true);
        if (g.kind != Group::none) term_end = open;
      }
    } else {
      std::size_t open = find_open_back(s_, te, tb);
      if (open != npos) {
        // "fire effluent (4.105" + ")": the group is split by the markup.
        std::size_t close = find_close(s_, open, bound);
        if (close != npos && close >= le) {
          g = classify(s_, open, close, numbers_, true);
          if (g.kind != Group::none) term_end = open;
        }
      }
    }
    if (g.kind == Group::none) {
      // "<ref>block header</ref> (3.4)": the group follows the link.
      std::size_t open = skip_spaces(s_, le, bound);
      if (open < bound && s_[open] == '(') {
        std::size_t close = find_close(s_, open, bound);
        if (close != npos) g = classify(s_, open, close, numbers_, true);
      }
    }
    term_end = skip_spaces_back(s_, term_end, tb);

    ExtractedReference base;
    base.begin = static_cast<std::uint32_t>(tb < te ? tb : lb);
    base.term_begin = static_cast<std::uint32_t>(tb);
    base.term_end = static_cast<std::uint32_t>(std::max(term_end, tb));
    base.target_id = link.target_id;
    base.target_number = link.target_number;
    base.markup = true;
    base.external = link.external;

    std::size_t claimed = le;
    switch (g.kind) {
      case Group::none:
        base.end = static_cast<std::uint32_t>(tb < te ? te : le);
        base.number_begin = base.number_end = base.end;
        out_.push_back(std::move(base));
        break;
      case Group::empty:
        base.end = static_cast<std::uint32_t>(g.close + 1);
        base.number_begin = base.number_end = base.end;
        out_.push_back(std::move(base));
        break;
      case Group::external:
        base.end = static_cast<std::uint32_t>(g.close + 1);
        base.number_begin = static_cast<std::uint32_t>(g.clause_begin);
        base.number_end = static_cast<std::uint32_t>(g.clause_end);
        base.external = true;
        out_.push_back(std::move(base));
        break;
      case Group::numbers:
        emit_numbers(base, g);
        break;
    }
    if (g.kind != Group::none) claimed = std::max(claimed, g.close + 1);
    return claimed;
  }

private:
  /// One reference per number of `g`; `base` has begin and term set. With
  /// several numbers, the first reference carries the term and the markup
  /// target, the others only their number.
  void emit_numbers(ExtractedReference& base, const Group& g) {
    const bool grouped = numbers_.size() > 1;
    for (std::size_t k = 0; k < numbers_.size(); ++k) {
      ExtractedReference r;
      if (k == 0) {
        r = std::move(base);
        r.end = static_cast<std::uint32_t>(g.close + 1);
      } else {
        r.begin = numbers_[k].first;
        r.end = numbers_[k].second;
        r.term_begin = r.term_end = r.begin;
        r.external = out_.back().external;  // numbers into the same document
      }
      r.number_begin = numbers_[k].first;
      r.number_end = numbers_[k].second;
      r.grouped = grouped;
      out_.push_back(std::move(r));
    }
  }

  sv s_;
  std::vector<ExtractedReference>& out_;
  Spans numbers_;
};

}  // namespace

bool is_conjunction(std::string_view w) noexcept {
  // English, French, Russian (и, или), German.
  return w == "and" || w == "or" || w == "et" || w == "ou" || w == "\xD0\xB8" ||
         w == "\xD0\xB8\xD0\xBB\xD0\xB8" || w == "und" || w == "oder";
}

void extract_references(std::string_view text, const std::vector<MarkupLink>& links,
                        std::vector<ExtractedReference>& out) {
  const std::size_t first = out.size();
  Extractor x(text, out);
  std::vector<std::size_t> order(links.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&links](std::size_t a, std::size_t b) {
    return links[a].begin < links[b].begin;
  });
  std::size_t pos = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const MarkupLink& link = links[order[k]];
    const std::size_t begin = std::min<std::size_t>(link.begin, text.size());
    if (begin > pos) x.scan_plain(pos, begin);
    std::size_t bound = text.size();
    if (k + 1 < order.size() && links[order[k + 1]].begin >= link.end) {
      bound = std::min<std::size_t>(links[order[k + 1]].begin, text.size());
    }
    pos = std::max(pos, x.link(link, bound));
  }
  if (pos < text.size()) x.scan_plain(pos, text.size());
  // Nested links can put a later link's reference before an earlier link's
  // grouped numbers; keep the promise of text order.
  auto by_begin = [](const ExtractedReference& a, const ExtractedReference& b) {
    return a.begin < b.begin;
  };
  if (!std::is_sorted(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), by_begin)) {
    std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), by_begin);
  }
}

}  // namespace termgraph
