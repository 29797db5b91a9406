// Internal: the indexes only searches need, each built on first use so that
// loading and checking never pay for them. A Vocabulary is read from many
// threads at once: every index is built under its own std::once_flag.
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "model/impl.hpp"

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

struct SearchIndexes {
  std::once_flag abbreviations_once;
  AbbreviationTable abbreviations;
};

/// The search indexes of `impl` (the holder; each index is built by its own
/// accessor).
SearchIndexes& search_indexes(const Vocabulary::Impl& impl);

/// The abbreviation table of `impl`, built on first use.
const AbbreviationTable& abbreviation_table(const Vocabulary::Impl& impl);

/// The folded forms `folded_query` takes when one abbreviation of the
/// vocabulary in it is replaced by its expansion, or one expansion by its
/// abbreviation, whole words only: "distributed ledger technology system"
/// gives "dlt system". Every run of whole words of the query is looked up
/// (words squared binary searches), each replacement made once.
std::vector<std::string> abbreviation_forms(const Vocabulary::Impl& impl,
                                            std::string_view folded_query);

}  // namespace termgraph
