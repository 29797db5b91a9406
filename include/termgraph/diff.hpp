// termgraph: what changed between two editions of a vocabulary.
//
// diff() matches the entries of an old and a new edition by concept, not by
// number, and reports what was added, removed, renumbered, split, merged or
// changed, field by field with word-level differences, and which
// references the changes break. The result owns its strings: it does not
// depend on the vocabularies it was made from.
#pragma once

#include "termgraph/export.hpp"

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "termgraph/model.hpp"
#include "termgraph/vocabulary.hpp"

namespace termgraph {

/// What happened to an entry (or a group of entries) between two editions.
enum class EntryChange : std::uint8_t {
  added,       ///< Only in the new edition.
  removed,     ///< Only in the old edition.
  renumbered,  ///< The same concept under another number (its fields may have changed too).
  changed,     ///< The same concept and number; some field changed.
  split,       ///< The terms of one old entry now stand in several new entries.
  merged,      ///< The terms of several old entries now stand in one new entry.
};

/// The parts of an entry a change can touch.
enum class DiffField : std::uint8_t { terms, definition, notes, examples, source };

/// What happened to a reference between two editions.
enum class ReferenceChange : std::uint8_t {
  stale,           ///< A citation in the new edition whose number now names another concept.
  target_removed,  ///< A citation in the new edition of a number whose entry was removed.
  cycle_new,       ///< A circular definition only the new edition has.
  cycle_gone,      ///< A circular definition only the old edition has.
};

/// "added", "removed", "renumbered", "changed", "split" or "merged".
[[nodiscard]] TERMGRAPH_API std::string_view to_string(EntryChange c) noexcept;
/// "terms", "definition", "notes", "examples" or "source".
[[nodiscard]] TERMGRAPH_API std::string_view to_string(DiffField f) noexcept;
/// "stale", "target-removed", "cycle-new" or "cycle-gone".
[[nodiscard]] TERMGRAPH_API std::string_view to_string(ReferenceChange c) noexcept;

/// One piece of a word-level difference: text both versions share, text
/// only the old one has, or text only the new one has. The pieces in order
/// give the old text (same + removed) and the new text (same + added).
struct WordPiece {
  /// Which version holds the text.
  enum class Kind : std::uint8_t { same, removed, added };
  Kind kind = Kind::same;  ///< Which version holds `text`.
  std::string text;        ///< Whole words (ICU word breaks), with the spaces between them.
};

/// One term of an entry added, removed or given another status.
struct TermDiff {
  /// What happened to the term.
  enum class Kind : std::uint8_t { added, removed, status };
  Kind kind = Kind::added;  ///< What happened to the term.
  std::string language;     ///< The language section's tag (of the new edition when both).
  std::string term;         ///< The designation as written.
  Status old_status = Status::preferred;  ///< Its status in the old edition (not for added).
  Status new_status = Status::preferred;  ///< Its status in the new edition (not for removed).
};

/// One text block of an entry (definition, note, example, source) that
/// differs between the editions.
struct TextDiff {
  DiffField field = DiffField::definition;  ///< definition, notes, examples or source.
  std::string language;                     ///< The language section's tag.
  std::size_t index = 0;                    ///< Which note, example or source (0-based).
  std::string old_text;                     ///< The old text; empty when the block is new.
  std::string new_text;                     ///< The new text; empty when the block is gone.
  std::vector<WordPiece> words;             ///< The word-level difference, old to new.
};

/// One change of an entry, or of a group of entries (split, merged).
struct EntryDiff {
  /// What happened.
  EntryChange change = EntryChange::changed;
  /// The old edition's entries: none (added), one, or several (merged), in
  /// reading order.
  std::vector<EntryId> old_entries;
  /// The new edition's entries: none (removed), one, or several (split), in
  /// reading order.
  std::vector<EntryId> new_entries;
  /// Their numbers, in the same order.
  std::vector<std::string> old_numbers;
  std::vector<std::string> new_numbers;  ///< See old_numbers.
  /// The first preferred term (old edition's for removed), for people.
  std::string label;
  /// The fields that changed between the matched old and new entry, in
  /// DiffField order (for split and merged: between the old and the new
  /// entry that kept the number or the preferred term).
  std::vector<DiffField> fields;
  /// The terms added, removed or changed in status, by language.
  std::vector<TermDiff> terms;
  /// The text blocks that changed, by language, then field.
  std::vector<TextDiff> texts;
};

/// One reference broken, or circular definition made or undone, by the
/// changes.
struct ReferenceDiff {
  ReferenceChange change = ReferenceChange::stale;  ///< What happened.
  /// stale, target_removed: the citing entry's number in the new edition.
  std::string entry;
  /// stale, target_removed: the number the citation writes ("3.30").
  std::string target;
  /// stale: the number of the concept the citation meant, in the new
  /// edition ("3.32").
  std::string intended;
  /// stale, target_removed: the reference as written ("DLT system (3.30)").
  std::string text;
  /// cycle_new, cycle_gone: the numbers of the members of the cycle (of the
  /// new edition for cycle_new, the old for cycle_gone), in reading order.
  std::vector<std::string> entries;
};

/// Everything that differs between two editions; unchanged entries are not
/// listed.
struct VocabularyDiff {
  /// Entry changes, in reading order of the old edition, added entries
  /// after the entry that precedes them in the new edition.
  std::vector<EntryDiff> entries;
  /// Broken references, then new and gone cycles.
  std::vector<ReferenceDiff> references;
  /// Entries matched as the same concept (pairs of old and new ids).
  std::size_t matched = 0;

  /// True when the editions do not differ.
  [[nodiscard]] bool empty() const noexcept { return entries.empty() && references.empty(); }
};

/// How the entries of two editions were matched; docs/cli.md describes the
/// order. Definitions match when the Dice coefficient of the sets of their
/// folded words is at least `similarity` (0 to 1).
struct DiffOptions {
  /// The least similarity of two definitions that makes them one concept.
  double similarity = 0.6;
};

/// Compares two editions: the entries are matched by concept (same number
/// and terms, then same preferred term in a shared language, then the same
/// number and a shared term, then any shared term, then similar
/// definitions), and every change is reported. Both vocabularies should be
/// analysed (load_files() does it): references and cycles come from the
/// analysis. Time and memory linear in the vocabularies, plus the word
/// differences of the changed blocks.
[[nodiscard]] TERMGRAPH_API VocabularyDiff diff(const Vocabulary& old_vocabulary,
                                                const Vocabulary& new_vocabulary,
                                                const DiffOptions& options = {});

/// How write_diff_text() writes.
struct DiffTextStyle {
  /// ANSI colours: removed red, added green, numbers bold.
  bool color = false;
};

/// Writes `d` for people: one line per entry change, then its term and
/// text changes with inline word differences (`[-old-]{+new+}` without
/// colour), then the references.
TERMGRAPH_API void write_diff_text(std::ostream& out, const VocabularyDiff& d,
                                   const DiffTextStyle& style = {});

/// Writes `d` as GitHub-flavoured Markdown, for a pull-request comment:
/// a summary, a table of the entry changes, the word differences (removed
/// text struck through, added text bold) and the references.
TERMGRAPH_API void write_diff_markdown(std::ostream& out, const VocabularyDiff& d);

/// Writes `d` as a standalone HTML page in the style of the HTML site
/// (termgraph html): removed text in `<del>`, added in `<ins>`; every text
/// from the input escaped.
TERMGRAPH_API void write_diff_html(std::ostream& out, const VocabularyDiff& d,
                                   std::string_view title = "Changes between two editions");

}  // namespace termgraph
