// The term index and the lookups of a Vocabulary: by number, by term, by
// prefix and by edit distance. Every designation is folded once, at load;
// a query folds only itself.
#include "lookup/term_index.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <mutex>
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

// True when a word starts at byte `p` of the folded key `k`: the byte
// before is ASCII punctuation or space, this one is not.
bool word_starts_at(std::string_view k, std::size_t p) noexcept {
  const auto separator = [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x80 &&
           !((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z'));
  };
  return p > 0 && p < k.size() && separator(k[p - 1]) && !separator(k[p]);
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
              if (const int c = a.key.compare(b.key); c != 0) return c < 0;
              const unsigned ra = rank_of(impl, a), rb = rank_of(impl, b);
              if (ra != rb) return ra < rb;
              if (a.entry != b.entry) return a.entry < b.entry;
              return a.designation < b.designation;
            });
}

const FuzzyLookup& fuzzy_lookup(const Impl& impl) {
  std::call_once(impl.fuzzy_once, [&impl] {
    auto built = std::make_shared<FuzzyLookup>();
    const auto& terms = impl.terms;
    std::vector<std::string_view> keys;
    for (std::size_t i = 0; i < terms.size(); ++i) {
      if (i > 0 && terms[i].key == terms[i - 1].key) continue;
      keys.push_back(terms[i].key);
      built->first.push_back(static_cast<std::uint32_t>(i));
    }
    built->first.push_back(static_cast<std::uint32_t>(terms.size()));
    built->index.build(keys);
    for (std::size_t k = 0; k < keys.size(); ++k) {
      for (std::size_t p = 1; p < keys[k].size(); ++p) {
        if (word_starts_at(keys[k], p)) {
          built->words.push_back(
              FuzzyLookup::WordStart{static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(p)});
        }
      }
    }
    std::sort(built->words.begin(), built->words.end(),
              [&keys](const FuzzyLookup::WordStart& a, const FuzzyLookup::WordStart& b) {
                return keys[a.key].substr(a.offset) < keys[b.key].substr(b.offset);
              });
    built->words.shrink_to_fit();
    impl.fuzzy = std::move(built);
  });
  return *impl.fuzzy;
}

std::size_t FuzzyLookup::memory_bytes() const noexcept {
  return index.memory_bytes() + first.capacity() * sizeof(std::uint32_t) +
         words.capacity() * sizeof(WordStart);
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
  const FuzzyLookup& fuzzy = fuzzy_lookup(*impl_);
  const auto& terms = impl_->terms;

  // Candidates, one per distinct key: the keys within the edit bound
  // (scored by distance), then longer keys starting with the query (bound
  // + 1), then keys with a later word starting with it (bound + 2).
  const unsigned bound = default_max_edits(key);
  const std::size_t length = count_code_points(key);
  struct Candidate {
    std::size_t score;
    std::size_t length_difference;
    std::uint32_t key;  // key id of the fuzzy lookup
  };
  std::vector<Candidate> candidates;
  const auto add = [&](std::uint32_t k, std::size_t score) {
    const std::size_t n = count_code_points(fuzzy.key(*impl_, k));
    candidates.push_back(Candidate{score, n > length ? n - length : length - n, k});
  };
  std::vector<FuzzyIndex::Hit> hits;
  fuzzy.index.find(key, bound, hits);
  for (const FuzzyIndex::Hit& hit : hits) add(hit.key, hit.distance);
  if (length >= 2) {
    // The keys are sorted: those starting with the query follow one another.
    const auto item =
        std::lower_bound(terms.begin(), terms.end(), std::string_view(key), KeyLess{});
    const auto index = static_cast<std::uint32_t>(item - terms.begin());
    auto k = static_cast<std::uint32_t>(
        std::lower_bound(fuzzy.first.begin(), fuzzy.first.end() - 1, index) - fuzzy.first.begin());
    for (; k + 1 < fuzzy.first.size() && starts_with(fuzzy.key(*impl_, k), key); ++k) {
      add(k, bound + 1);
    }
  }
  if (length >= 3) {
    // A word inside a longer term ("header" in "block header"), found by
    // binary search over the word starts rather than a scan for substrings.
    const auto word = [&](const FuzzyLookup::WordStart& w) {
      return fuzzy.key(*impl_, w.key).substr(w.offset);
    };
    auto it = std::lower_bound(
        fuzzy.words.begin(), fuzzy.words.end(), std::string_view(key),
        [&word](const FuzzyLookup::WordStart& w, std::string_view q) { return word(w) < q; });
    for (; it != fuzzy.words.end() && starts_with(word(*it), key); ++it) add(it->key, bound + 2);
  }
  // A key found more than one way keeps its best score.
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.key != b.key ? a.key < b.key : a.score < b.score;
  });
  candidates.erase(
      std::unique(candidates.begin(), candidates.end(),
                  [](const Candidate& a, const Candidate& b) { return a.key == b.key; }),
      candidates.end());

  // Every candidate gives at least one result: the best `limit` suffice.
  const auto shown =
      candidates.begin() + static_cast<std::ptrdiff_t>(std::min(limit, candidates.size()));
  std::partial_sort(candidates.begin(), shown, candidates.end(),
                    [&](const Candidate& a, const Candidate& b) {
                      if (a.score != b.score) return a.score < b.score;
                      if (a.length_difference != b.length_difference)
                        return a.length_difference < b.length_difference;
                      const TermIndexItem& x = terms[fuzzy.first[a.key]];
                      const TermIndexItem& y = terms[fuzzy.first[b.key]];
                      const unsigned rx = rank_of(*impl_, x), ry = rank_of(*impl_, y);
                      if (rx != ry) return rx < ry;
                      if (x.entry != y.entry) return x.entry < y.entry;
                      return x.key < y.key;
                    });
  // Each key once per entry (an entry may carry it in several languages).
  for (auto c = candidates.begin(); c != shown; ++c) {
    const std::size_t first = fuzzy.first[c->key], last = fuzzy.first[c->key + 1];
    for (std::size_t i = first; i < last && result.size() < limit; ++i) {
      const EntryId entry = terms[i].entry;
      bool seen = false;
      for (std::size_t j = first; j < i; ++j) seen = seen || terms[j].entry == entry;
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
