// Internal: "did you mean" over folded keys. A deletion-neighbourhood index
// (after SymSpell) on a bounded prefix of each key, verified by a bounded
// optimal string alignment distance on code points.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace termgraph {

/// Finds the keys within a few edits of a query, without scanning them all.
///
/// Every key contributes the hashes of the strings made from its first
/// `prefix_length` code points by deleting at most `indexed_edits` of them
/// and keeping the first `indexed_length` code points of what remains. Two
/// strings within `e <= indexed_edits` edits (optimal string alignment:
/// insertion, deletion, substitution, transposition of neighbours) share
/// such a string, so looking up the query's own variants finds every key in
/// reach; each candidate is then checked with the bounded distance. Larger
/// bounds fall back to a scan of every key (still exact, O(keys)).
class FuzzyIndex {
public:
  /// One key within reach of a query.
  struct Hit {
    /// The key's id: its position in the vector given to build().
    std::uint32_t key;
    /// Its optimal string alignment distance to the query, in code points.
    std::uint32_t distance;
  };

  /// Code points of the variants kept per key: what tells keys apart.
  static constexpr unsigned indexed_length = 8;
  /// The most edits the index answers without a scan.
  static constexpr unsigned indexed_edits = 2;
  /// Code points of each key's prefix the variants are made from.
  static constexpr unsigned prefix_length = indexed_length + indexed_edits;

  /// Indexes `keys` (folded UTF-8; the views must outlive the index); a
  /// key's id is its position. Replaces what an earlier call indexed.
  void build(const std::vector<std::string_view>& keys);

  /// Appends to `out` the keys within `max_edits` of `query` (folded), best
  /// first: by distance, then id. Thread-safe: find() changes nothing shared.
  void find(std::string_view query, unsigned max_edits, std::vector<Hit>& out) const;

  /// The number of keys indexed.
  std::size_t size() const noexcept { return keys_.size(); }

  /// Bytes the index holds beyond the keys' text (which it only views).
  std::size_t memory_bytes() const noexcept;

private:
  struct KeyFacts {
    std::uint64_t letters;  // one bit per code point class present
    std::uint32_t length;   // in code points
  };

  /// Appends to `out` the ids whose length allows a distance <= bound.
  void scan_all(const KeyFacts& query, unsigned bound, std::vector<std::uint32_t>& out) const;

  /// The directory slot of a variant hash.
  std::size_t slot_of(std::uint32_t hash) const noexcept {
    return directory_bits_ == 0 ? 0 : hash >> (32 - directory_bits_);
  }

  std::vector<std::string_view> keys_;
  std::vector<KeyFacts> facts_;
  /// (variant hash << 32 | key id), sorted.
  std::vector<std::uint64_t> postings_;
  /// For the top `directory_bits_` bits of a hash, the first posting with
  /// that prefix; one more item, postings_.size(), at the end.
  std::vector<std::uint32_t> directory_;
  unsigned directory_bits_ = 0;
};

/// The edit bound a "did you mean" allows a folded query: none below three
/// code points (one edit turns "ab" into most two-letter terms), one up to
/// five ("blcok" -> "block"), two beyond ("consensus mechansim"). Two is also
/// what FuzzyIndex answers without a scan.
unsigned default_max_edits(std::string_view folded_query) noexcept;

/// Decodes folded (valid) UTF-8 into code points; a malformed byte becomes
/// U+FFFD. Replaces the content of `out`.
void decode_code_points(std::string_view s, std::vector<char32_t>& out);

/// The number of code points of valid UTF-8.
std::size_t count_code_points(std::string_view s) noexcept;

/// The optimal string alignment distance between `a` and `b` (Levenshtein
/// plus transposition of two neighbours), or `bound + 1` when it exceeds
/// `bound`. Computes only the diagonal band of width 2 * bound + 1; `rows`
/// is scratch space.
std::size_t bounded_osa_distance(const std::vector<char32_t>& a, const std::vector<char32_t>& b,
                                 std::size_t bound, std::vector<std::size_t>& rows);

}  // namespace termgraph
