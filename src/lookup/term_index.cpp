// The term index and the lookups of a Vocabulary: by number, by term, by
// prefix and by edit distance. Every designation is folded once, at load;
// a query folds only itself.
#include "lookup/term_index.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/graph.hpp"
#include "text/language.hpp"

namespace termgraph {

namespace {

using Impl = Vocabulary::Impl;

constexpr unsigned rank(Status s) noexcept {
  return static_cast<unsigned>(s);
}

unsigned rank_of(const Impl& impl, const TermIndexItem& item) noexcept {
  return rank(impl.designations[item.designation].status);
}

// Orders items by key only: for equal_range / lower_bound.
struct KeyLess {
  bool operator()(const TermIndexItem& a, std::string_view b) const noexcept { return a.key < b; }
  bool operator()(std::string_view a, const TermIndexItem& b) const noexcept { return a < b.key; }
};

// The sections a request for the language range `range` is served by
// (language::matches: "en" serves "en-GB" and "en-gb", never "eng"; an
// empty range serves every section). A vocabulary holds few distinct tags
// and many sections, so each tag's answer is remembered.
class LanguageFilter {
public:
  explicit LanguageFilter(std::string_view range) : range_(range) {}

  bool operator()(std::string_view tag) {
    if (range_.empty()) return true;
    for (const auto& known : seen_) {
      if (known.first == tag) return known.second;
    }
    const bool match = language::matches(range_, tag);
    seen_.emplace_back(tag, match);
    return match;
  }

private:
  std::string_view range_;
  std::vector<std::pair<std::string_view, bool>> seen_;
};

// True when `s` ends with white space (ASCII, or U+00A0 / U+3000, which
// fold to a space).
bool ends_with_space(std::string_view s) noexcept {
  if (s.empty()) return false;
  const char last = s.back();
  if (last == ' ' || (last >= '\t' && last <= '\r')) return true;
  const auto tail = [&s](std::string_view t) {
    return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
  };
  return tail("\xC2\xA0") || tail("\xE3\x80\x80");
}

bool is_ascii_space(char c) noexcept {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

// `s` without leading and trailing ASCII white space.
std::string_view trim_ascii(std::string_view s) noexcept {
  std::size_t b = 0, e = s.size();
  while (b < e && is_ascii_space(s[b])) ++b;
  while (e > b && is_ascii_space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

bool starts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

TermMatch to_match(const Impl& impl, const TermIndexItem& item) noexcept {
  return TermMatch{item.entry, &impl.sections[item.section], &impl.designations[item.designation]};
}

// Decodes UTF-8 (already folded, hence valid) into code points.
void decode_utf8(std::string_view s, std::vector<char32_t>& out) {
  out.clear();
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    char32_t c = 0;
    std::size_t n = 1;
    if (b < 0x80) {
      c = b;
    } else if ((b >> 5) == 0x6) {
      c = b & 0x1F;
      n = 2;
    } else if ((b >> 4) == 0xE) {
      c = b & 0x0F;
      n = 3;
    } else if ((b >> 3) == 0x1E) {
      c = b & 0x07;
      n = 4;
    } else {
      c = 0xFFFD;
    }
    if (i + n > s.size()) n = s.size() - i;
    for (std::size_t k = 1; k < n; ++k) {
      c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    out.push_back(c);
    i += n;
  }
}

// The number of code points of valid UTF-8.
std::size_t code_points(std::string_view s) noexcept {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Optimal string alignment distance (Levenshtein plus transposition of two
// neighbours) between `a` and `b`, or `bound + 1` when it exceeds `bound`.
// Three rolling rows; stops as soon as a whole row exceeds the bound.
std::size_t bounded_distance(const std::vector<char32_t>& a, const std::vector<char32_t>& b,
                             std::size_t bound, std::vector<std::size_t>& rows) {
  const std::size_t n = a.size(), m = b.size();
  const std::size_t diff = n > m ? n - m : m - n;
  if (diff > bound) return bound + 1;
  const std::size_t width = m + 1;
  rows.assign(3 * width, 0);
  std::size_t* before = rows.data();   // row i - 2
  std::size_t* prev = before + width;  // row i - 1
  std::size_t* cur = prev + width;     // row i
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t d = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d = std::min(d, before[j - 2] + 1);
      }
      cur[j] = d;
      row_min = std::min(row_min, d);
    }
    if (row_min > bound) return bound + 1;
    std::size_t* recycled = before;
    before = prev;
    prev = cur;
    cur = recycled;
  }
  return std::min(prev[m], bound + 1);
}

// The section an entry found by number is shown in: the requested
// language, else the one holding the preferred term, else the first.
const LanguageSection* section_for(const Entry& entry, std::string_view language) {
  if (!language.empty()) {
    for (const LanguageSection& s : entry.languages) {
      if (language::matches(language, s.language)) return &s;
    }
  }
  for (const LanguageSection& s : entry.languages) {
    if (s.preferred()) return &s;
  }
  return entry.languages.empty() ? nullptr : &entry.languages.front();
}

}  // namespace

void build_term_index(Impl& impl) {
  impl.terms.clear();
  impl.terms.reserve(impl.designations.size());
  std::string folded;
  // Walk entries -> sections -> designations so that the entry of every
  // designation is known without relying on any other index.
  for (const Entry& entry : impl.entries) {
    for (const LanguageSection& section : entry.languages) {
      const auto section_index = static_cast<std::uint32_t>(&section - impl.sections.data());
      for (const Designation& d : section.designations) {
        impl.folder.fold_into(d.text, folded);
        if (folded.empty()) continue;  // nothing a query could match
        const auto designation_index = static_cast<std::uint32_t>(&d - impl.designations.data());
        impl.terms.push_back(
            TermIndexItem{impl.arena.store(folded), entry.id, section_index, designation_index});
      }
    }
  }
  std::sort(impl.terms.begin(), impl.terms.end(),
            [&impl](const TermIndexItem& a, const TermIndexItem& b) {
              if (a.key != b.key) return a.key < b.key;
              const unsigned ra = rank_of(impl, a), rb = rank_of(impl, b);
              if (ra != rb) return ra < rb;
              if (a.entry != b.entry) return a.entry < b.entry;
              return a.designation < b.designation;
            });
}

// -- Vocabulary: lookup -------------------------------------------------------

const Entry* Vocabulary::find_number(std::string_view number) const& noexcept {
  if (!impl_) return nullptr;
  try {
    std::string key;
    if (!normalize_number(number, key)) {
      // Not shaped like a number: an entry without one is indexed by its
      // fallback id, as written.
      key.assign(trim_ascii(number));
    }
    if (key.empty()) return nullptr;
    const auto it = impl_->by_number.find(std::string_view(key));
    if (it == impl_->by_number.end()) return nullptr;
    return &impl_->entries[it->second];
  } catch (...) {
    return nullptr;  // allocation failure: nothing found
  }
}

const Entry* Vocabulary::find_id(std::string_view id) const& noexcept {
  // Every id of Entry::ids and the fallback number of each entry without a
  // number are keys of by_id (analysis/checks.cpp).
  const std::string_view key = trim_ascii(id);
  if (key.empty()) return nullptr;
  const auto it = impl_->by_id.find(key);
  if (it == impl_->by_id.end()) return nullptr;
  return &impl_->entries[it->second];
}

std::vector<TermMatch> Vocabulary::find_term(std::string_view query,
                                             std::string_view language) const& {
  std::vector<TermMatch> result;
  if (!impl_) return result;
  std::string key;
  impl_->folder.fold_into(query, key);
  if (key.empty()) return result;
  const auto range =
      std::equal_range(impl_->terms.begin(), impl_->terms.end(), std::string_view(key), KeyLess{});
  // The range is ranked (status, then reading order). An entry may carry
  // the term more than once (several languages): keep its best match. Done
  // in place, so that the result vector is the only allocation.
  result.reserve(static_cast<std::size_t>(range.second - range.first));
  LanguageFilter in_language(language);
  for (auto it = range.first; it != range.second; ++it) {
    if (in_language(impl_->sections[it->section].language)) {
      result.push_back(to_match(*impl_, *it));
    }
  }
  const auto ranked = [](const TermMatch& a, const TermMatch& b) {
    const unsigned ra = rank(a.designation->status), rb = rank(b.designation->status);
    if (ra != rb) return ra < rb;
    if (a.entry != b.entry) return a.entry < b.entry;
    return a.designation < b.designation;
  };
  const auto by_entry = [&ranked](const TermMatch& a, const TermMatch& b) {
    return a.entry != b.entry ? a.entry < b.entry : ranked(a, b);
  };
  std::sort(result.begin(), result.end(), by_entry);
  result.erase(
      std::unique(result.begin(), result.end(),
                  [](const TermMatch& a, const TermMatch& b) { return a.entry == b.entry; }),
      result.end());
  std::sort(result.begin(), result.end(), ranked);
  return result;
}

std::vector<TermMatch> Vocabulary::complete(std::string_view prefix, std::size_t limit,
                                            std::string_view language) const& {
  std::vector<TermMatch> result;
  if (!impl_ || limit == 0) return result;
  std::string key;
  impl_->folder.fold_into(prefix, key);
  if (key.empty()) return result;
  // Folding trims; a prefix that ends in white space asks for a next word.
  if (ends_with_space(prefix)) key.push_back(' ');

  // The best `limit` hits, kept in a heap whose top is the worst of them:
  // one pass over the matching keys, O(hits log limit), and memory for
  // `limit` pointers only.
  const auto better = [this](const TermIndexItem* a, const TermIndexItem* b) {
    const unsigned ra = rank_of(*impl_, *a), rb = rank_of(*impl_, *b);
    if (ra != rb) return ra < rb;
    if (a->key.size() != b->key.size()) return a->key.size() < b->key.size();
    if (a->entry != b->entry) return a->entry < b->entry;
    return a->designation < b->designation;
  };
  const auto& terms = impl_->terms;
  std::vector<const TermIndexItem*> best;
  LanguageFilter in_language(language);
  for (auto it = std::lower_bound(terms.begin(), terms.end(), std::string_view(key), KeyLess{});
       it != terms.end() && starts_with(it->key, key); ++it) {
    const TermIndexItem* item = &*it;
    if (best.size() == limit && !better(item, best.front())) continue;
    if (!in_language(impl_->sections[item->section].language)) continue;
    // One hit per entry and folded term. Items of one key come ranked, so
    // an earlier item of the same entry and key is better: if it was pushed
    // out of the heap, this one would be too.
    const bool duplicate = std::any_of(best.begin(), best.end(), [item](const TermIndexItem* b) {
      return b->entry == item->entry && b->key == item->key;
    });
    if (duplicate) continue;
    best.push_back(item);
    std::push_heap(best.begin(), best.end(), better);
    if (best.size() > limit) {
      std::pop_heap(best.begin(), best.end(), better);
      best.pop_back();
    }
  }
  std::sort_heap(best.begin(), best.end(), better);
  result.reserve(best.size());
  for (const TermIndexItem* item : best) result.push_back(to_match(*impl_, *item));
  return result;
}

std::vector<TermMatch> Vocabulary::closest(std::string_view query, std::size_t limit) const& {
  std::vector<TermMatch> result;
  if (!impl_ || limit == 0) return result;
  std::string key;
  impl_->folder.fold_into(query, key);
  if (key.empty()) return result;

  std::vector<char32_t> q, k;
  std::vector<std::size_t> rows;
  decode_utf8(key, q);
  // Allow about one edit in three code points, at least one.
  const std::size_t bound = std::max<std::size_t>(1, (q.size() + 1) / 3);

  struct Candidate {
    std::size_t score;  // edit distance; bound + 1 for prefix, + 2 for substring hits
    std::size_t length_difference;
    std::size_t first;  // the key's first item in impl.terms
    std::size_t last;   // one past its last item
  };
  std::vector<Candidate> candidates;
  const auto& terms = impl_->terms;
  constexpr std::size_t no_match = SIZE_MAX;
  for (std::size_t first = 0; first < terms.size();) {
    std::size_t last = first + 1;
    while (last < terms.size() && terms[last].key == terms[first].key) ++last;
    const std::string_view candidate = terms[first].key;
    const std::size_t length = code_points(candidate);
    const std::size_t difference = length > q.size() ? length - q.size() : q.size() - length;
    std::size_t score = bound + 1;
    if (difference <= bound) {
      decode_utf8(candidate, k);
      score = bounded_distance(q, k, bound, rows);
    }
    if (score > bound) {
      if (q.size() >= 2 && starts_with(candidate, key)) {
        score = bound + 1;
      } else if (q.size() >= 3 && candidate.find(key) != std::string_view::npos) {
        score = bound + 2;
      } else {
        score = no_match;
      }
    }
    if (score != no_match) {
      candidates.push_back(Candidate{score, difference, first, last});
    }
    first = last;
  }
  // Every candidate gives at least one result: the best `limit` suffice.
  const auto shown =
      candidates.begin() + static_cast<std::ptrdiff_t>(std::min(limit, candidates.size()));
  std::partial_sort(candidates.begin(), shown, candidates.end(),
                    [&](const Candidate& a, const Candidate& b) {
                      if (a.score != b.score) return a.score < b.score;
                      if (a.length_difference != b.length_difference)
                        return a.length_difference < b.length_difference;
                      const TermIndexItem& x = terms[a.first];
                      const TermIndexItem& y = terms[b.first];
                      const unsigned rx = rank_of(*impl_, x), ry = rank_of(*impl_, y);
                      if (rx != ry) return rx < ry;
                      if (x.entry != y.entry) return x.entry < y.entry;
                      return x.key < y.key;
                    });
  // Each key once per entry (an entry may carry it in several languages).
  for (auto c = candidates.begin(); c != shown; ++c) {
    for (std::size_t i = c->first; i < c->last && result.size() < limit; ++i) {
      const EntryId entry = terms[i].entry;
      bool seen = false;
      for (std::size_t j = c->first; j < i; ++j) seen = seen || terms[j].entry == entry;
      if (!seen) result.push_back(to_match(*impl_, terms[i]));
    }
    if (result.size() >= limit) break;
  }
  return result;
}

std::vector<TermMatch> Vocabulary::lookup(std::string_view query,
                                          std::string_view language) const& {
  const Entry* entry = find_number(query);
  if (!entry) {
    std::vector<TermMatch> terms = find_term(query, language);
    if (!terms.empty()) return terms;
    // A termbase's entries are known by their concept ids ("c29").
    entry = find_id(query);
  }
  if (entry) {
    const LanguageSection* section = section_for(*entry, language);
    const Designation* designation = nullptr;
    if (section) {
      designation = section->preferred();
      if (!designation && !section->designations.empty()) designation = &section->designations[0];
    }
    return {TermMatch{entry->id, section, designation}};
  }
  return {};
}

std::string Vocabulary::fold(std::string_view text) const {
  if (!impl_) return Folder().fold(text);
  return impl_->folder.fold(text);
}

std::vector<Prerequisite> Vocabulary::prerequisites(EntryId id) const {
  if (!impl_ || id >= impl_->entries.size()) return {};
  return termgraph::prerequisites(*impl_, id);
}

}  // namespace termgraph
