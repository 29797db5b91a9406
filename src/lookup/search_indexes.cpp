// The lazily built search indexes: the holder and the abbreviation table.
#include "lookup/search_indexes.hpp"

#include <algorithm>
#include <memory>

namespace termgraph {

namespace {

bool is_short_form(TermKind kind) noexcept {
  return kind == TermKind::abbreviation || kind == TermKind::symbol;
}

}  // namespace

SearchIndexes& search_indexes(const Vocabulary::Impl& impl) {
  std::call_once(impl.search_indexes_once,
                 [&impl] { impl.search_indexes = std::make_shared<SearchIndexes>(); });
  return *impl.search_indexes;
}

std::uint64_t KeyTable::hash(std::string_view key) noexcept {
  // FNV-1a, then a multiplicative mix: fast on short keys, spread well.
  std::uint64_t h = 0xCBF29CE484222325ULL;
  for (char c : key) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
  return (h ^ (h >> 29)) * 0xBF58476D1CE4E5B9ULL;
}

void KeyTable::build(const std::vector<TermIndexItem>& terms) {
  first_.clear();
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (i == 0 || terms[i].key != terms[i - 1].key) first_.push_back(static_cast<std::uint32_t>(i));
  }
  const std::size_t keys = first_.size();
  first_.push_back(static_cast<std::uint32_t>(terms.size()));
  std::size_t capacity = 16;
  while (capacity < 2 * keys) capacity *= 2;  // at most half full
  slots_.assign(capacity, 0);
  mask_ = capacity - 1;
  for (std::size_t k = 0; k < keys; ++k) {
    std::uint64_t slot = hash(terms[first_[k]].key) & mask_;
    while (slots_[slot] != 0) slot = (slot + 1) & mask_;
    slots_[slot] = static_cast<std::uint32_t>(k + 1);
  }
}

std::pair<std::uint32_t, std::uint32_t> KeyTable::find(const std::vector<TermIndexItem>& terms,
                                                       std::string_view key) const noexcept {
  if (slots_.empty()) return {0, 0};
  for (std::uint64_t slot = hash(key) & mask_; slots_[slot] != 0; slot = (slot + 1) & mask_) {
    const std::uint32_t k = slots_[slot] - 1;
    if (terms[first_[k]].key == key) return {first_[k], first_[k + 1]};
  }
  return {0, 0};
}

std::pair<std::uint32_t, std::uint32_t> find_key(const Vocabulary::Impl& impl,
                                                 std::string_view key) {
  SearchIndexes& indexes = search_indexes(impl);
  std::call_once(indexes.keys_once, [&impl, &indexes] { indexes.keys.build(impl.terms); });
  return indexes.keys.find(impl.terms, key);
}

const AbbreviationTable& abbreviation_table(const Vocabulary::Impl& impl) {
  SearchIndexes& indexes = search_indexes(impl);
  std::call_once(indexes.abbreviations_once, [&impl, &indexes] {
    // The term index holds every designation's folded key: map designation
    // index -> key once, then pair the short and full forms of each section.
    std::vector<std::string_view> key_of(impl.designations.size());
    for (const TermIndexItem& item : impl.terms) key_of[item.designation] = item.key;
    std::vector<AbbreviationTable::Pair>& pairs = indexes.abbreviations.pairs;
    for (const LanguageSection& section : impl.sections) {
      for (const Designation& a : section.designations) {
        if (!is_short_form(a.kind)) continue;
        const std::string_view abbreviation = key_of[&a - impl.designations.data()];
        if (abbreviation.empty()) continue;
        for (const Designation& f : section.designations) {
          if (f.kind != TermKind::full_form) continue;
          const std::string_view expansion = key_of[&f - impl.designations.data()];
          if (!expansion.empty() && expansion != abbreviation) {
            pairs.push_back({abbreviation, expansion});
          }
        }
      }
    }
    std::sort(pairs.begin(), pairs.end(), [](const auto& x, const auto& y) {
      return x.abbreviation != y.abbreviation ? x.abbreviation < y.abbreviation
                                              : x.expansion < y.expansion;
    });
    pairs.erase(std::unique(pairs.begin(), pairs.end(),
                            [](const auto& x, const auto& y) {
                              return x.abbreviation == y.abbreviation && x.expansion == y.expansion;
                            }),
                pairs.end());
    indexes.abbreviations.by_expansion = pairs;
    std::sort(indexes.abbreviations.by_expansion.begin(), indexes.abbreviations.by_expansion.end(),
              [](const auto& x, const auto& y) {
                return x.expansion != y.expansion ? x.expansion < y.expansion
                                                  : x.abbreviation < y.abbreviation;
              });
  });
  return indexes.abbreviations;
}

const Transliterator& transliterator(const Vocabulary::Impl& impl) {
  SearchIndexes& indexes = search_indexes(impl);
  std::call_once(indexes.transliterator_once,
                 [&indexes] { indexes.transliterator = std::make_unique<Transliterator>(); });
  return *indexes.transliterator;
}

std::string without_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c != ' ') out.push_back(c);
  }
  return out;
}

const LatinIndex& latin_index(const Vocabulary::Impl& impl) {
  SearchIndexes& indexes = search_indexes(impl);
  std::call_once(indexes.latin_once, [&impl, &indexes] {
    const auto ascii = [](std::string_view s) {
      return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
    };
    // Each distinct folded key once (Impl::terms is sorted by key); the
    // views into `storage` are made once it stops growing.
    struct Pending {
      std::size_t offset, size;
      std::uint32_t first, last;
    };
    std::vector<Pending> pending;
    LatinIndex& latin = indexes.latin;
    const std::vector<TermIndexItem>& terms = impl.terms;
    for (std::size_t first = 0; first < terms.size();) {
      std::size_t last = first + 1;
      while (last < terms.size() && terms[last].key == terms[first].key) ++last;
      if (!ascii(terms[first].key)) {
        const std::string key = without_spaces(transliterator(impl).to_latin(terms[first].key));
        if (!key.empty()) {
          pending.push_back({latin.storage.size(), key.size(), static_cast<std::uint32_t>(first),
                             static_cast<std::uint32_t>(last)});
          latin.storage += key;
        }
      }
      first = last;
    }
    latin.items.reserve(pending.size());
    for (const Pending& p : pending) {
      latin.items.push_back(
          {std::string_view(latin.storage).substr(p.offset, p.size), p.first, p.last});
    }
    std::sort(latin.items.begin(), latin.items.end(),
              [](const LatinIndex::Item& a, const LatinIndex::Item& b) {
                return a.key != b.key ? a.key < b.key : a.first < b.first;
              });
    std::vector<std::string_view> keys;
    keys.reserve(latin.items.size());
    for (const LatinIndex::Item& item : latin.items) keys.push_back(item.key);
    latin.fuzzy.build(keys);
  });
  return indexes.latin;
}

std::vector<std::string> abbreviation_forms(const Vocabulary::Impl& impl,
                                            std::string_view folded_query) {
  std::vector<std::string> forms;
  const AbbreviationTable& table = abbreviation_table(impl);
  if (table.pairs.empty()) return forms;
  const auto add = [&](std::size_t at, std::size_t size, std::string_view to) {
    std::string form(folded_query.substr(0, at));
    form += to;
    form += folded_query.substr(at + size);
    if (std::find(forms.begin(), forms.end(), form) == forms.end()) {
      forms.push_back(std::move(form));
    }
  };
  // Word starts and ends of the (folded, hence single-spaced) query.
  std::vector<std::size_t> starts{0}, ends;
  for (std::size_t i = 0; i < folded_query.size(); ++i) {
    if (folded_query[i] == ' ') {
      ends.push_back(i);
      starts.push_back(i + 1);
    }
  }
  ends.push_back(folded_query.size());
  using Pair = AbbreviationTable::Pair;
  for (std::size_t s = 0; s < starts.size(); ++s) {
    for (std::size_t e = s; e < ends.size(); ++e) {
      const std::size_t at = starts[s], size = ends[e] - starts[s];
      const std::string_view phrase = folded_query.substr(at, size);
      const auto abbreviations = std::equal_range(
          table.pairs.begin(), table.pairs.end(), Pair{phrase, {}},
          [](const Pair& x, const Pair& y) { return x.abbreviation < y.abbreviation; });
      for (auto it = abbreviations.first; it != abbreviations.second; ++it) {
        add(at, size, it->expansion);
      }
      const auto expansions =
          std::equal_range(table.by_expansion.begin(), table.by_expansion.end(), Pair{{}, phrase},
                           [](const Pair& x, const Pair& y) { return x.expansion < y.expansion; });
      for (auto it = expansions.first; it != expansions.second; ++it) {
        add(at, size, it->abbreviation);
      }
    }
  }
  return forms;
}

}  // namespace termgraph
