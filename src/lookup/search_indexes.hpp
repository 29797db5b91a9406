// Internal: the indexes only searches need, each built on first use so that
// loading and checking never pay for them. A Vocabulary is read from many
// threads at once: every index is built under its own std::once_flag.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lookup/fuzzy_index.hpp"
#include "model/impl.hpp"
#include "text/transliterate.hpp"

namespace termgraph {

/// Abbreviations (and acronyms, symbols) paired with the full forms of the
/// same language section, folded: "dlt" / "distributed ledger technology".
struct AbbreviationTable {
  struct Pair {
    std::string_view abbreviation;
    std::string_view expansion;
  };
  /// Every pair once, sorted by abbreviation then expansion.
  std::vector<Pair> pairs;
  /// The same pairs sorted by expansion then abbreviation.
  std::vector<Pair> by_expansion;
};

/// The designations whose folded form is not ASCII, by their ASCII-Latin
/// transliteration (Transliterator::to_latin) with the spaces taken out, so
/// that "blokchein" finds "блокчейн" and "qukuailian" finds "区块链" (ICU
/// writes pinyin syllable by syllable).
struct LatinIndex {
  struct Item {
    std::string_view key;  // transliterated, spaces removed; in `storage`
    std::uint32_t first;   // the designation's key's first item in Impl::terms
    std::uint32_t last;    // one past its last item
  };
  /// Sorted by key.
  std::vector<Item> items;
  std::string storage;
  /// The keys of `items` (ids are positions in it), for typos in a
  /// transliterated query: "blokchain" for "блокчейн".
  FuzzyIndex fuzzy;
};

/// The distinct folded keys of Impl::terms in an open-addressing hash
/// table, so that an exact or folded lookup costs one hash and a probe or
/// two instead of a binary search over every designation.
class KeyTable {
public:
  /// Indexes the keys of `terms` (sorted by key).
  void build(const std::vector<TermIndexItem>& terms);
  /// The range [first, last) of `terms` whose key is `key`; empty (first ==
  /// last) when none is.
  std::pair<std::uint32_t, std::uint32_t> find(const std::vector<TermIndexItem>& terms,
                                               std::string_view key) const noexcept;

private:
  static std::uint64_t hash(std::string_view key) noexcept;
  /// Per slot: 0 when empty, else 1 + the index of the key's distinct key.
  std::vector<std::uint32_t> slots_;
  /// Per distinct key: its first item in `terms`; one more at the end.
  std::vector<std::uint32_t> first_;
  std::uint64_t mask_ = 0;
};

struct SearchIndexes {
  std::once_flag keys_once;
  KeyTable keys;
  std::once_flag abbreviations_once;
  AbbreviationTable abbreviations;
  std::once_flag transliterator_once;
  std::unique_ptr<Transliterator> transliterator;
  std::once_flag latin_once;
  LatinIndex latin;
};

/// The search indexes of `impl` (the holder; each index is built by its own
/// accessor).
SearchIndexes& search_indexes(const Vocabulary::Impl& impl);

/// The items of Impl::terms whose key is `key` (a folded form), through the
/// key table, built on first use.
std::pair<std::uint32_t, std::uint32_t> find_key(const Vocabulary::Impl& impl,
                                                 std::string_view key);

/// The abbreviation table of `impl`, built on first use.
const AbbreviationTable& abbreviation_table(const Vocabulary::Impl& impl);

/// The transliterator of `impl`'s searches, made on first use (about
/// 120 ms: ICU compiles its rules).
const Transliterator& transliterator(const Vocabulary::Impl& impl);

/// The transliteration index of `impl`, built on first use; empty (and no
/// transliterator made) when every designation is ASCII.
const LatinIndex& latin_index(const Vocabulary::Impl& impl);

/// `text` without its spaces: the form LatinIndex keys take.
std::string without_spaces(std::string_view text);

/// The folded forms `folded_query` takes when one abbreviation of the
/// vocabulary in it is replaced by its expansion, or one expansion by its
/// abbreviation, whole words only: "distributed ledger technology system"
/// gives "dlt system". Every run of whole words of the query is looked up
/// (words squared binary searches), each replacement made once.
std::vector<std::string> abbreviation_forms(const Vocabulary::Impl& impl,
                                            std::string_view folded_query);

}  // namespace termgraph
