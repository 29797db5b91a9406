// termgraph: the loaded vocabulary, its reference graph and its lookups.
#pragma once

#include "termgraph/export.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "termgraph/model.hpp"
#include "termgraph/search.hpp"

namespace termgraph {

/// An edge of the reference graph: entry `from` cites entry `to` in a block
/// of kind `kind` of its language section `section`, through `reference`.
struct Citation {
  /// The citing entry.
  EntryId from = no_entry;
  /// The cited entry.
  EntryId to = no_entry;
  /// The kind of block the reference stands in.
  BlockKind kind = BlockKind::definition;
  /// The reference, as TextBlock::references shows it.
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
  /// The entry depended on.
  EntryId entry = no_entry;
  /// True when a cycle was broken here: the entry depends (transitively) on
  /// an entry listed after it.
  bool cycle = false;
};

/// A lookup hit.
struct TermMatch {
  /// The entry found.
  EntryId entry = no_entry;
  /// The language section that matched (or, for a number, the one to show).
  const LanguageSection* section = nullptr;
  /// The designation that matched (or, for a number, the one to show).
  const Designation* designation = nullptr;
};

/// An immutable, loaded vocabulary. Cheap to copy (copies share storage);
/// safe to read from many threads at once. Obtain one from load_files() or
/// load_string() (load.hpp).
///
/// Everything it returns by pointer, reference or view (entries, matches,
/// citations ...) points into its storage and lives as long as some copy of
/// the vocabulary does. Those members cannot be called on a temporary (their
/// `&&` overloads are deleted): keep the vocabulary in a variable first.
///
/// Entries are indexed by EntryId (size_type): a loop
/// `for (EntryId i = 0; i < v.size(); ++i)` needs no conversion.
class TERMGRAPH_API Vocabulary {
public:
  /// The index type of entries: EntryId.
  using size_type = EntryId;

  /// An empty vocabulary.
  Vocabulary();
  /// Shares `other`'s storage.
  Vocabulary(const Vocabulary& other) noexcept;
  /// Takes `other`'s storage; `other` is left an empty vocabulary.
  Vocabulary(Vocabulary&& other) noexcept;
  /// Shares `other`'s storage.
  Vocabulary& operator=(const Vocabulary& other) noexcept;
  /// Takes `other`'s storage; `other` is left an empty vocabulary.
  Vocabulary& operator=(Vocabulary&& other) noexcept;
  /// Releases this copy's share of the storage.
  ~Vocabulary();

  /// All entries in reading order (files in the order given).
  [[nodiscard]] Span<Entry> entries() const& noexcept;
  Span<Entry> entries() const&& = delete;  ///< Would point into a temporary.
  /// The number of entries.
  [[nodiscard]] size_type size() const noexcept;
  /// True when there are no entries.
  [[nodiscard]] bool empty() const noexcept { return size() == 0; }
  /// Entry `id`, unchecked: `id` must be less than size().
  [[nodiscard]] const Entry& operator[](EntryId id) const& noexcept { return entries()[id]; }
  const Entry& operator[](EntryId id) const&& = delete;  ///< Would point into a temporary.
  /// Entry `id`; throws std::out_of_range when `id` is not less than size().
  [[nodiscard]] const Entry& at(EntryId id) const&;
  const Entry& at(EntryId id) const&& = delete;  ///< Would point into a temporary.

  /// Paths of the input files, indexed by SourceRange::file.
  [[nodiscard]] const std::vector<std::string>& files() const& noexcept;
  const std::vector<std::string>& files() const&& = delete;  ///< Would point into a temporary.

  /// The languages input `file` declares its entries are given in, as
  /// written, in the order written: the native format's `languages`
  /// attribute, the `content-language` of an STS document's metadata; empty
  /// when the file declares none (TBX and CSV never do). An entry of the
  /// file without a section in one of them is reported as missing-language.
  [[nodiscard]] Span<std::string_view> declared_languages(FileId file) const& noexcept;
  /// Would point into a temporary.
  Span<std::string_view> declared_languages(FileId file) const&& = delete;

  /// The title input `file` gives itself, white space collapsed: the native
  /// format's `title`, the main title of an STS document's metadata
  /// (`title-wrap`), TBX's `titleStmt/title`; empty when it gives none (CSV
  /// never does). Writers write it unless WriteOptions::title is set.
  [[nodiscard]] std::string_view title(FileId file) const& noexcept;
  /// Would point into a temporary.
  std::string_view title(FileId file) const&& = delete;
  /// The title of the first input file that gives one (title(FileId)), or
  /// an empty view.
  [[nodiscard]] std::string_view title() const& noexcept;
  /// Would point into a temporary.
  std::string_view title() const&& = delete;

  /// The text of 1-based `line` of input `file` (no line break); empty when
  /// out of range. Lets reports show the source line under a diagnostic.
  [[nodiscard]] std::string_view source_line(FileId file, std::uint32_t line) const&;
  /// Would point into a temporary.
  std::string_view source_line(FileId file, std::uint32_t line) const&& = delete;

  // -- lookup -------------------------------------------------------------

  /// The entry with this number (exact, after trimming white space and
  /// folding non-breaking hyphens), or nullptr.
  [[nodiscard]] const Entry* find_number(std::string_view number) const& noexcept;
  const Entry* find_number(std::string_view number) const&& = delete;  ///< Would dangle.

  /// The entry that carries this id (exact, after trimming white space), or
  /// nullptr. Ids are those of Entry::ids (`term_3.30`, `62_3160` in a TBX
  /// export) and the fallback numbers of entries without one.
  [[nodiscard]] const Entry* find_id(std::string_view id) const& noexcept;
  const Entry* find_id(std::string_view id) const&& = delete;  ///< Would dangle.

  /// Entries with a designation equal to `query` ignoring case, accents and
  /// width (ICU NFKC, case folding, marks removed), ranked preferred before
  /// admitted before deprecated, then by reading order. An empty `language`
  /// matches every language.
  [[nodiscard]] std::vector<TermMatch> find_term(std::string_view query,
                                                 std::string_view language = {}) const&;
  /// Would point into a temporary.
  std::vector<TermMatch> find_term(std::string_view query,
                                   std::string_view language = {}) const&& = delete;

  /// Designations that start with `prefix` (same folding as find_term),
  /// ranked like find_term then by length; at most `limit`.
  [[nodiscard]] std::vector<TermMatch> complete(std::string_view prefix, std::size_t limit = 10,
                                                std::string_view language = {}) const&;
  /// Would point into a temporary.
  std::vector<TermMatch> complete(std::string_view prefix, std::size_t limit = 10,
                                  std::string_view language = {}) const&& = delete;

  /// Designations closest to `query` by edit distance of the folded forms,
  /// for "did you mean" suggestions; at most `limit`. First those within a
  /// few edits (none for queries under three code points, one up to five,
  /// two beyond; a transposition is one edit), nearest first, then longer
  /// terms starting with the query, then terms with a later word starting
  /// with it; ties go to the closest length, the better status, reading
  /// order. The first call builds an index (a few hundred bytes per term).
  [[nodiscard]] std::vector<TermMatch> closest(std::string_view query,
                                               std::size_t limit = 5) const&;
  /// Would point into a temporary.
  std::vector<TermMatch> closest(std::string_view query, std::size_t limit = 5) const&& = delete;

  /// A number, a term or an id: find_number first, then find_term, then
  /// find_id (a termbase's concept id, "c29"). Empty when nothing matches.
  [[nodiscard]] std::vector<TermMatch> lookup(std::string_view query,
                                              std::string_view language = {}) const&;
  /// Would point into a temporary.
  std::vector<TermMatch> lookup(std::string_view query,
                                std::string_view language = {}) const&& = delete;

  /// Entries matching `query` the ways `options` asks for (numbers with
  /// their brackets or full stop, ids, designations exact, folded,
  /// inflected, through abbreviations, transliterated, by word prefixes,
  /// within a few edits, words of definitions and notes), one result per
  /// entry (its best match), ranked: by MatchKind, then preferred before
  /// admitted before deprecated, shorter before longer designations (prefix),
  /// fewer edits (fuzzy) or higher score (full text), then reading order.
  /// At most options.limit results. The indexes that fuzzy, transliterated
  /// and full-text matching need are built on first use.
  [[nodiscard]] std::vector<SearchMatch> search(std::string_view query,
                                                const SearchOptions& options = {}) const&;
  /// Would point into a temporary.
  std::vector<SearchMatch> search(std::string_view query,
                                  const SearchOptions& options = {}) const&& = delete;

  /// The folded form termgraph compares terms by.
  [[nodiscard]] std::string fold(std::string_view text) const;

  // -- graph --------------------------------------------------------------

  /// What entry `id` cites, in reading order (resolved references only).
  [[nodiscard]] Span<Citation> cites(EntryId id) const& noexcept;
  Span<Citation> cites(EntryId id) const&& = delete;  ///< Would point into a temporary.
  /// What cites entry `id`, in reading order of the citing entries.
  [[nodiscard]] Span<Citation> cited_by(EntryId id) const& noexcept;
  Span<Citation> cited_by(EntryId id) const&& = delete;  ///< Would point into a temporary.
  /// Circular definitions, each group once, ordered by first member.
  [[nodiscard]] const std::vector<CircularGroup>& circular_groups() const& noexcept;
  /// Would point into a temporary.
  const std::vector<CircularGroup>& circular_groups() const&& = delete;
  /// Every entry the definition of `id` depends on, transitively, in
  /// reading order: dependencies first, `id` itself not included.
  [[nodiscard]] std::vector<Prerequisite> prerequisites(EntryId id) const;

  /// The storage (internal; defined by the library).
  struct Impl;

private:
  friend struct VocabularyAccess;
  explicit Vocabulary(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

}  // namespace termgraph
