// Internal: the term index.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "lookup/fuzzy_index.hpp"
#include "model/impl.hpp"

namespace termgraph {

/// Folds every designation once and fills Impl::terms, sorted for exact and
/// prefix search.
void build_term_index(Vocabulary::Impl& impl);

/// The fuzzy index over the distinct folded keys of Impl::terms, with what
/// ties each key id back to the terms.
struct FuzzyLookup {
  /// Key ids are positions in the sorted distinct keys of Impl::terms.
  FuzzyIndex index;
  /// For key id k, its items are impl.terms[first[k] .. first[k + 1]);
  /// first has one item more than there are keys.
  std::vector<std::uint32_t> first;
  /// A word of a key after its first: the key id and the byte offset where
  /// the word starts; sorted by the key's text from that offset, so that a
  /// binary search finds the keys with a word starting with a query.
  struct WordStart {
    std::uint32_t key;
    std::uint32_t offset;
  };
  std::vector<WordStart> words;

  /// The text of key `k` (a view into the vocabulary's arena).
  std::string_view key(const Vocabulary::Impl& impl, std::uint32_t k) const noexcept {
    return impl.terms[first[k]].key;
  }
  /// Bytes held beyond the keys' text.
  std::size_t memory_bytes() const noexcept;
};

/// The fuzzy lookup of `impl`, built on the first call (thread-safe; later
/// calls return the same object). Only lookups call it: loading and
/// checking never pay for it.
const FuzzyLookup& fuzzy_lookup(const Vocabulary::Impl& impl);

}  // namespace termgraph
