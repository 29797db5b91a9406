// Internal: the full-text index of a vocabulary's definitions, notes and
// examples, and its ranked query. The public search API calls it.
//
// Words. A block's text is cut into words by ICU's word break iterator for
// the section's language (UAX #29 with ICU's dictionaries for Chinese,
// Japanese, Thai ...); only segments whose rule status says letters, numbers,
// kana or ideographs are words ("3.30" is one word, so is "node's"). Each
// word is folded with Impl::folder (case, accents, width: "Entité" and
// "entite" are one word). An elided French or Italian article or pronoun is
// dropped: "l'entité", "qu'il", "dell'entità" index "entite", "il",
// "entita" (the part before the apostrophe is one or two letters, ends in
// "qu" or is an Italian article ending in "ll", and the part after begins
// with a vowel or h). A query is cut and folded the same way.
//
// Inflection. A query word also matches the indexed words it is a regular
// inflection of, or that are its regular inflections, as names_designation
// (text/inflection.hpp) decides: "ledgers" finds "ledger", "ledger" finds
// "ledgers" and "ledger's", "entity" finds "entities". Candidates come from
// the sorted word list (the words that start with the query word or with it
// less an ending its inflections replace, and the query word less up to
// seven bytes of ending, with the endings the rules put back); each is
// verified by names_designation. Irregular plurals (datum/data) are not
// reached: no ending leads from one to the other.
//
// Ranking (BM25F). A document is one language section of an entry: its
// definition, notes and examples, weighted 1, 0.5 and 0.25 (a word in the
// definition counts twice as much as in a note, four times as much as in an
// example; sources and cross-references are not indexed, nor are the terms
// themselves, which term search finds). For a query word t and section d:
//
//   tf(t, d)  = sum over the blocks of d of weight(block) * occurrences of t
//   len(d)    = sum over the blocks of d of weight(block) * words of block
//   idf(t)    = ln(1 + (N - df + 0.5) / (df + 0.5))
//   score     = sum over t of idf(t) * tf * (k1 + 1)
//                                    / (tf + k1 * (1 - b + b * len / avglen))
//
// with k1 = 1.2, b = 0.75, N the number of sections with indexed text, df the
// number of those that contain t (any of its matched forms), avglen the mean
// len over them. A section matches when it contains every query word; an
// entry's score is that of its best matching section (first on ties), and
// its block the one of that section whose words contribute most (sum of
// idf * weight * occurrences; first on ties). Word frequencies are counted
// over the whole index, whatever the language filter, so that the score of
// an entry does not depend on which other languages are asked for.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "model/impl.hpp"

namespace termgraph {

/// One entry found by FullTextIndex::search.
struct TextHit {
  /// The entry.
  EntryId entry = no_entry;
  /// Its best-scoring language section.
  const LanguageSection* section = nullptr;
  /// The block of that section whose words contribute most to the score.
  const TextBlock* block = nullptr;
  /// The BM25F score (higher is better; only comparable within one query).
  double score = 0;
};

/// The words of a vocabulary's definitions, notes and examples, with where
/// they occur. Immutable once built; search() may run on many threads.
class FullTextIndex {
public:
  FullTextIndex();
  ~FullTextIndex();
  FullTextIndex(const FullTextIndex&) = delete;
  FullTextIndex& operator=(const FullTextIndex&) = delete;

  /// Indexes the definitions, notes and examples of `impl`, replacing what
  /// the index held.
  void build(const Vocabulary::Impl& impl);

  /// Entries whose text blocks, in one language section, contain every word
  /// of `query` (folded, segmented and matched as the header describes), in
  /// sections a range of `languages` is served by (language::serves:
  /// "fr-FR" is served by "fr" sections; empty = all), best first (score, then entry id),
  /// at most `limit`. `out` is cleared first. `impl` must be the one the
  /// index was built from.
  void search(const Vocabulary::Impl& impl, std::string_view query,
              const std::vector<std::string>& languages, std::size_t limit,
              std::vector<TextHit>& out) const;

  /// The folded words `text` is indexed as, in order, segmented for
  /// `language` (a BCP 47 tag; empty: ICU's root rules); a word twice is
  /// listed twice. What the index and the query see, for tests and tools.
  std::vector<std::string> words(const Vocabulary::Impl& impl, std::string_view text,
                                 std::string_view language = {}) const;

  /// The number of distinct words.
  std::size_t word_count() const noexcept {
    return word_offsets_.empty() ? 0 : word_offsets_.size() - 1;
  }
  /// The number of (word, block) postings.
  std::size_t posting_count() const noexcept { return postings_.size(); }
  /// Bytes the index holds: its vectors' capacities, not the allocator's
  /// overhead nor ICU's break iterators (a few per language).
  std::size_t memory_bytes() const noexcept;

  /// Weight of a word in a definition, a note and an example.
  static constexpr double definition_weight = 1.0;
  static constexpr double note_weight = 0.5;
  static constexpr double example_weight = 0.25;
  /// BM25 parameters.
  static constexpr double k1 = 1.2;
  static constexpr double b = 0.75;

private:
  /// One block that holds a word, and how often.
  struct Posting {
    std::uint32_t slot;  ///< index into slot_block_ / slot_section_
    std::uint32_t tf;    ///< occurrences of the word in the block
  };
  struct Iterators;  // ICU break iterators, one per language (full_text.cpp)

  std::string_view word(std::size_t id) const noexcept {
    return std::string_view(chars_.data() + word_offsets_[id],
                            word_offsets_[id + 1] - word_offsets_[id]);
  }
  std::size_t find_word(std::string_view w) const noexcept;
  void matching_words(std::string_view q, std::vector<std::uint32_t>& ids,
                      std::string& scratch) const;

  // The words, sorted, one after the other; word i is chars_[word_offsets_[i],
  // word_offsets_[i + 1]).
  std::string chars_;
  std::vector<std::uint32_t> word_offsets_;
  // Postings of word i: postings_[posting_offsets_[i], posting_offsets_[i + 1]),
  // in slot order.
  std::vector<std::uint32_t> posting_offsets_;
  std::vector<Posting> postings_;
  // Slots: the indexed blocks, ordered by (section, block index).
  std::vector<std::uint32_t> slot_block_;
  std::vector<std::uint32_t> slot_section_;
  std::vector<float> slot_weight_;  // the block's weight (definition, note, example)
  // Per section (indexed like Impl::sections): weighted length, and the index
  // of its language in languages_.
  std::vector<float> section_length_;
  std::vector<std::uint32_t> section_language_;
  std::vector<std::string> languages_;  // canonical tags
  double average_length_ = 0;
  std::uint32_t documents_ = 0;  // sections with indexed text

  std::unique_ptr<Iterators> iterators_;
  mutable std::mutex clone_mutex_;  // guards cloning the prototypes
};

/// The full-text index of `impl`, built on first use (thread-safe).
const FullTextIndex& full_text_index(const Vocabulary::Impl& impl);

}  // namespace termgraph
