// termgraph: alphabetical indexes, the way ISO vocabularies end: every
// designation of one language, in that language's collation order, with the
// number of its entry.
#pragma once

#include "termgraph/export.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "termgraph/model.hpp"
#include "termgraph/vocabulary.hpp"

namespace termgraph {

/// One line of an alphabetical index: a designation and the entry it
/// designates. The views and pointers point into the Vocabulary the index
/// was made from and live as long as it does.
struct IndexLine {
  /// The designation's text (Designation::text).
  std::string_view term;
  /// The entry the designation belongs to.
  EntryId entry = no_entry;
  /// The language section the designation stands in.
  const LanguageSection* section = nullptr;
  /// The designation itself (its status, kind, source range ...).
  const Designation* designation = nullptr;
};

/// The alphabetical index of one language: its lines, in collation order.
struct AlphabeticalIndex {
  /// The canonical language tag the index is of and collated for ("fr",
  /// "en-GB").
  std::string language;
  /// Every designation written in that language, in its collation order.
  std::vector<IndexLine> lines;
};

/// Every designation of the sections whose language the range `language`
/// matches, sorted by the collation of that language (ICU's collator, CLDR
/// rules: French, German, Swedish, Russian ... orders), as an alphabetical
/// index lists them. Designations whose collation keys are equal keep
/// reading order (entry, then section, then designation); designations
/// with empty text are left out.
///
/// `language` is a BCP 47 language range compared as Vocabulary::find_term
/// compares them (canonical forms, so case does not matter; "en" matches
/// "en", "en-GB" and "en-gb", never "eng"). When it matches no section, it
/// is shortened subtag by subtag from the end, as RFC 4647's lookup does
/// (a single-letter subtag left last goes with the subtag after it), and
/// the first shorter range that matches a section is used: "fr-FR" on a
/// vocabulary written in "fr" gives the French index, "zh-Hant-TW" on one
/// in "zh-Hant" the zh-Hant index. An empty range or "*" matches every
/// section (one index of every language, in the root collation).
///
/// The collation is that of the range, except that a range matched directly
/// by sections that all have one tag is collated for that tag, the more
/// specific: "fr" on a vocabulary written in "fr-CA" sorts as Canadian
/// French (accents compared from the end of the word). Collation keywords
/// of the range are honoured ("de-u-co-phonebk": German phone book order).
///
/// Empty when no section matches. Safe to call from many threads at once.
[[nodiscard]] TERMGRAPH_API std::vector<IndexLine> alphabetical_index(const Vocabulary& vocabulary,
                                                                      std::string_view language);

/// One alphabetical index per language of languages(), in that order; each
/// lists the designations of the sections written in exactly that tag
/// (canonical forms compared), collated for it. Safe to call from many
/// threads at once.
[[nodiscard]] TERMGRAPH_API std::vector<AlphabeticalIndex> alphabetical_indexes(
    const Vocabulary& vocabulary);

/// The languages the vocabulary's sections are written in, as canonical
/// tags ("en-gb" and "en-GB" are one, "en-GB"), each once, in order of first
/// appearance.
[[nodiscard]] TERMGRAPH_API std::vector<std::string> languages(const Vocabulary& vocabulary);

}  // namespace termgraph
