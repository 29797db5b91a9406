// termgraph: searching a vocabulary the way people type (Vocabulary::search).
#pragma once

#include "termgraph/export.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "termgraph/model.hpp"

namespace termgraph {

/// How a search result matched its query. The order is the ranking: a
/// kind listed earlier is a better match.
enum class MatchKind : std::uint8_t {
  number,          ///< The entry's number: "3.30", "(3.30)", "3.30.".
  exact,           ///< A designation as written (Unicode NFC, white space collapsed).
  folded,          ///< A designation ignoring case, accents and width (Vocabulary::fold).
  id,              ///< One of the entry's ids: "62_3160", "term_3.30".
  inflected,       ///< An inflected form of a designation: "blocks" for "block".
  abbreviation,    ///< A designation once an abbreviation is expanded or an expansion
                   ///< abbreviated: "distributed ledger technology system" for "DLT system".
  transliterated,  ///< A designation in another script, or with letters ASCII lacks,
                   ///< through ICU transliteration: "blokchejn" for "блокчейн".
  prefix,          ///< The start of a designation, word by word: "dlt sys" for "DLT system".
  fuzzy,           ///< A designation within a few edits: "consensus mechansim".
  full_text,       ///< Words of a definition, note or example.
};

/// The kind's name as the CLI and the JSON reports print it: "number",
/// "exact", ..., "full-text".
[[nodiscard]] TERMGRAPH_API std::string_view to_string(MatchKind kind) noexcept;

/// A set of match kinds.
class MatchKinds {
public:
  /// The empty set.
  constexpr MatchKinds() noexcept = default;
  /// The set of one kind.
  constexpr MatchKinds(MatchKind kind) noexcept : bits_(bit(kind)) {}  // NOLINT: implicit
  /// Every kind.
  [[nodiscard]] static constexpr MatchKinds all() noexcept {
    MatchKinds k;
    k.bits_ = (bit(MatchKind::full_text) << 1) - 1;
    return k;
  }
  /// Every kind that matches designations, numbers or ids: all but full_text.
  [[nodiscard]] static constexpr MatchKinds terms() noexcept {
    return all().without(MatchKind::full_text);
  }
  /// This set and `kind`.
  [[nodiscard]] constexpr MatchKinds with(MatchKinds other) const noexcept {
    MatchKinds k;
    k.bits_ = bits_ | other.bits_;
    return k;
  }
  /// This set without `kind`.
  [[nodiscard]] constexpr MatchKinds without(MatchKinds other) const noexcept {
    MatchKinds k;
    k.bits_ = bits_ & ~other.bits_;
    return k;
  }
  /// True when `kind` is in the set.
  [[nodiscard]] constexpr bool contains(MatchKind kind) const noexcept {
    return (bits_ & bit(kind)) != 0;
  }
  /// True when the set is empty.
  [[nodiscard]] constexpr bool empty() const noexcept { return bits_ == 0; }

private:
  static constexpr std::uint32_t bit(MatchKind kind) noexcept {
    return std::uint32_t{1} << static_cast<unsigned>(kind);
  }
  std::uint32_t bits_ = 0;
};

/// What Vocabulary::search looks for.
struct SearchOptions {
  /// BCP 47 language ranges to match in ("fr" matches "fr-FR" and "fr-fr",
  /// compared canonically); empty: every language. Numbers and ids match in
  /// every language; the section shown is then one of these languages when
  /// the entry has one, else its main one (SearchMatch::fallback).
  std::vector<std::string> languages;
  /// The kinds of match to look for (default: all but full text).
  MatchKinds kinds = MatchKinds::terms();
  /// At most this many results; 0: no limit.
  std::size_t limit = 20;
  /// The largest edit distance a fuzzy match may have; a negative value
  /// chooses by the query's length: none below 3 characters, 1 up to 5,
  /// 2 beyond.
  int max_edits = -1;
};

/// One result of Vocabulary::search: an entry and how it matched.
struct SearchMatch {
  /// The entry found.
  EntryId entry = no_entry;
  /// How it matched (its best way when it matched several).
  MatchKind kind = MatchKind::exact;
  /// The language section that matched; for a number, an id or full text,
  /// the section to show (see `fallback`).
  const LanguageSection* section = nullptr;
  /// The designation that matched; for a number or an id, the section's
  /// preferred term (or first designation); nullptr for full text.
  const Designation* designation = nullptr;
  /// For full text: the block that scored best; else nullptr.
  const TextBlock* block = nullptr;
  /// For a fuzzy match: the number of edits; else 0.
  std::uint32_t distance = 0;
  /// For full text: the relevance score (higher is better); else 0.
  double score = 0;
  /// True when languages were asked for and the entry has no section in any
  /// of them: `section` is then the entry's main one.
  bool fallback = false;
};

}  // namespace termgraph
