// termgraph: the loaded vocabulary, its reference graph and its lookups.
#pragma once

#include "termgraph/export.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "termgraph/model.hpp"

namespace termgraph {

/// An edge of the reference graph: entry `from` cites entry `to` in a block
/// of kind `kind` of its language section `section`, through `reference`.
struct Citation {
  EntryId from = no_entry;
  EntryId to = no_entry;
  BlockKind kind = BlockKind::definition;
  const Reference* reference = nullptr;
  /// The citing section (of entry `from`): its language is the language the
  /// citation is written in.
  const LanguageSection* section = nullptr;
};

/// A group of entries whose definitions cite each other (a strongly
/// connected component of the definition references, or one entry whose
/// definition cites itself).
struct CircularGroup {
  /// Members sorted by reading order.
  std::vector<EntryId> members;
  /// One concrete cycle, starting and ending at members.front():
  /// {3.2, 3.4, 3.2} for "3.2 → 3.4 → 3.2".
  std::vector<EntryId> path;
  /// The definition reference behind each step of `path`
  /// (path.size() - 1 of them).
  std::vector<const Reference*> steps;
};

/// One entry that another entry's definition depends on.
struct Prerequisite {
  EntryId entry = no_entry;
  /// True when a cycle was broken here: the entry depends (transitively) on
  /// an entry listed after it.
  bool cycle = false;
};

/// A lookup hit.
struct TermMatch {
  EntryId entry = no_entry;
  const LanguageSection* section = nullptr;
  const Designation* designation = nullptr;
};

/// An immutable, loaded vocabulary. Cheap to copy (copies share storage);
/// safe to read from many threads at once. Obtain one from load_files() or
/// load_string() (load.hpp).
class TERMGRAPH_API Vocabulary {
public:
  /// An empty vocabulary.
  Vocabulary();

  /// All entries in reading order (files in the order given).
  Span<Entry> entries() const noexcept;
  std::size_t size() const noexcept { return entries().size(); }
  const Entry& operator[](EntryId id) const noexcept { return entries()[id]; }

  /// Paths of the input files, indexed by SourceRange::file.
  const std::vector<std::string>& files() const noexcept;

  /// The text of 1-based `line` of input `file` (no line break); empty when
  /// out of range. Lets reports show the source line under a diagnostic.
  std::string_view source_line(FileId file, std::uint32_t line) const;

  // -- lookup -------------------------------------------------------------

  /// The entry with this number (exact, after trimming white space and
  /// folding non-breaking hyphens), or nullptr.
  const Entry* find_number(std::string_view number) const noexcept;

  /// Entries with a designation equal to `query` ignoring case, accents and
  /// width (ICU NFKC, case folding, marks removed), ranked preferred before
  /// admitted before deprecated, then by reading order. An empty `language`
  /// matches every language.
  std::vector<TermMatch> find_term(std::string_view query, std::string_view language = {}) const;

  /// Designations that start with `prefix` (same folding as find_term),
  /// ranked like find_term then by length; at most `limit`.
  std::vector<TermMatch> complete(std::string_view prefix, std::size_t limit = 10,
                                  std::string_view language = {}) const;

  /// Designations closest to `query` by edit distance of the folded forms,
  /// for "did you mean" suggestions; at most `limit`.
  std::vector<TermMatch> closest(std::string_view query, std::size_t limit = 5) const;

  /// A number or a term: find_number first, then find_term. Empty when
  /// nothing matches.
  std::vector<TermMatch> lookup(std::string_view query, std::string_view language = {}) const;

  /// The folded form termgraph compares terms by.
  std::string fold(std::string_view text) const;

  // -- graph --------------------------------------------------------------

  /// What entry `id` cites, in reading order (resolved references only).
  Span<Citation> cites(EntryId id) const noexcept;
  /// What cites entry `id`, in reading order of the citing entries.
  Span<Citation> cited_by(EntryId id) const noexcept;
  /// Circular definitions, each group once, ordered by first member.
  const std::vector<CircularGroup>& circular_groups() const noexcept;
  /// Every entry the definition of `id` depends on, transitively, in
  /// reading order: dependencies first, `id` itself not included.
  std::vector<Prerequisite> prerequisites(EntryId id) const;

  struct Impl;

private:
  friend struct VocabularyAccess;
  explicit Vocabulary(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

}  // namespace termgraph
