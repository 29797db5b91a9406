// Internal: the storage behind a Vocabulary and the builder readers fill.
// Nothing here is part of the public API.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "termgraph/diagnostic.hpp"
#include "termgraph/model.hpp"
#include "termgraph/vocabulary.hpp"

#include "model/arena.hpp"
#include "text/fold.hpp"
#include "text/line_index.hpp"
#include "text/numbers.hpp"

namespace termgraph {

class FullTextIndex;

/// Transparent hash so that maps keyed by string_view answer string_view
/// queries without allocating.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};

/// One designation in the term index: its folded key and where it is.
struct TermIndexItem {
  std::string_view key;  // folded, in the arena
  EntryId entry;
  std::uint32_t section;      // index into Impl::sections
  std::uint32_t designation;  // index into Impl::designations
};

/// One rule named by a suppression comment (load/suppress.cpp).
struct SuppressedRule {
  /// The rule; nullptr when the id names none.
  const Rule* rule = nullptr;
  /// The id as written.
  std::string id;
  /// True once it silenced a finding.
  bool used = false;
};

/// A `<!-- termgraph: ... -->` comment of an XML file.
struct Suppression {
  /// The comment, from its '<' to just past its '>'.
  SourceRange range;
  /// The innermost entry the comment stands in, or no_entry.
  EntryId entry = no_entry;
  /// The rules it names (`ignore RULE, ...`).
  std::vector<SuppressedRule> rules;
  /// Empty, or what is wrong with the comment as a whole (an unknown
  /// directive, no rule named).
  std::string problem;
};

/// What resolution found for one reference (Impl::resolutions): the entry
/// it cites and, for a plain-text reference whose window ends with a term
/// of that entry, the narrowed term and text ("DLT system (3.30)" rather
/// than the whole window).
struct Resolution {
  EntryId target = no_entry;
  std::uint32_t begin = 0;
  std::string_view text;
  std::string_view term;
};

/// A language tag where it is written (an xml:lang, a declaration, a CSV
/// cell), as the Builder was told: what invalid-language-tag checks.
struct LanguageTagUse {
  std::string_view tag;
  SourceRange range;
  EntryId entry = no_entry;  // the entry it stands in, if any
};

/// A term element with no text, which the model leaves out: empty-element
/// reports it unless it is ISO's mark for "no term in this language".
struct EmptyTerm {
  SourceRange range;
  EntryId entry = no_entry;
  std::uint32_t section = 0;  // index into Impl::sections
  bool no_term_mark = false;
};

/// The "did you mean" index over Impl::terms (lookup/term_index.hpp): built
/// on first use by a lookup, never by loading or checking.
struct FuzzyLookup;

struct Vocabulary::Impl {
  // Inputs.
  std::vector<std::string> files;
  /// What views of this model may point into besides its own arena and
  /// contents: the inputs load_prepared() appended by copy (their arenas
  /// and files), kept alive as long as the model.
  std::vector<std::shared_ptr<const void>> retained;
  std::vector<std::string> contents;  // raw bytes of each file, as read
  std::vector<LineIndex> lines;       // one per file

  // Model storage. Spans in the public structs point into these vectors;
  // they are set once, by Builder::finish(), and never move afterwards.
  StringArena arena;
  std::vector<Entry> entries;
  std::vector<LanguageSection> sections;
  std::vector<Designation> designations;
  std::vector<TextBlock> blocks;
  /// Data categories: each owner's (entry, section, designation, group)
  /// contiguous, in source order.
  std::vector<DataCategory> categories;
  /// The section (index into `sections`) each block stands in, indexed
  /// like `blocks`: how analysis finds the citing entry of every block,
  /// including those no section span reaches (cross-references, which only
  /// their data category points at).
  std::vector<std::uint32_t> block_sections;
  /// An id a designation can be linked by (TBX termSec, tig, ntig or term
  /// id): a cross-reference that names it cites the designation's entry.
  struct TermId {
    std::string_view id;
    EntryId entry = no_entry;
    std::uint32_t designation = 0;  // index into `designations`
  };
  /// The designations' ids, in reading order.
  std::vector<TermId> term_ids;
  /// Every reference as read. Frozen: passes read it, nothing writes it.
  std::vector<Reference> references;
  /// The entry number written in the text of each reference (indexed like
  /// `references`; empty when the text gives none). It differs from
  /// Reference::number where the markup names a number of its own (native
  /// `<ref to="1.2">x (1.3)</ref>`): reference-number-mismatch compares them.
  std::vector<std::string_view> written_numbers;
  /// What TextBlock::references show consumers: `references` with what
  /// resolution found (target, narrowed term/text/begin), assembled by the
  /// analysis driver after the passes; a plain copy until then. Passes never
  /// read it.
  std::vector<Reference> reference_view;
  std::vector<std::string_view> ids;

  /// Per file: the languages it declares (Vocabulary::declared_languages)
  /// and where each declaration is written.
  std::vector<std::vector<std::string_view>> declared_languages;
  std::vector<std::vector<SourceRange>> declaration_ranges;
  /// Per file: its title as written (Vocabulary::title); empty when none.
  std::vector<std::string_view> titles;
  /// Every language tag as written, in the order readers met them.
  std::vector<LanguageTagUse> language_tags;
  /// Term elements without text, left out of the model.
  std::vector<EmptyTerm> empty_terms;
  /// Per file read as TBX: what lies outside the model, for the TBX writer
  /// to write back (docs/formats.md, "TBX round trip"). Indexed by FileId;
  /// `tbx` is false for files of other formats.
  struct TbxParts {
    bool tbx = false;
    bool martif = false;      ///< TBX 2008 (root martif)
    std::string_view type;    ///< the root's type (TBX-Basic, TBX-Min ...)
    std::string_view style;   ///< dca or dct (TBX v3)
    std::string_view header;  ///< the raw content of tbxHeader / martifHeader
    std::string_view back;    ///< the raw content of back (TBX v3); empty: none
    bool has_back = false;
    /// The root's other attributes (namespace declarations, xsi ...), as
    /// written: name, value.
    std::vector<std::pair<std::string_view, std::string_view>> root_attributes;
  };
  std::vector<TbxParts> tbx_parts;

  // Analysis records, beside the model (analysis/driver.cpp runs the
  // passes that fill them).
  bool analysed = false;
  /// One per reference (indexed like `references`), by the resolution pass.
  std::vector<Resolution> resolutions;
  /// The suppression comments of the XML files, in file and reading order,
  /// read once after loading; `used` is updated as findings are delivered.
  std::vector<Suppression> suppressions;
  bool suppressions_read = false;

  /// The index in `references` of a reference reached through a block.
  std::size_t reference_index(const Reference& r) const noexcept {
    return static_cast<std::size_t>(&r - reference_view.data());
  }

  // Indexes (built by the entry-index pass).
  std::unordered_map<std::string_view, EntryId, StringHash, std::equal_to<>> by_number;
  std::unordered_map<std::string_view, EntryId, StringHash, std::equal_to<>> by_id;
  /// Designation ids (term_ids) that no entry id shadows: the index into
  /// `term_ids` of the first designation with that id.
  std::unordered_map<std::string_view, std::uint32_t, StringHash, std::equal_to<>> by_term_id;

  // Graph (built by build_graph()): citations grouped by citing entry, and
  // by cited entry; offsets has entries.size() + 1 items.
  std::vector<Citation> out_edges;
  std::vector<std::uint32_t> out_offsets;
  std::vector<Citation> in_edges;
  std::vector<std::uint32_t> in_offsets;
  std::vector<CircularGroup> circular;

  // Term lookup (built by build_term_index()).
  Folder folder;
  /// Sorted by (key, rank, entry, designation) for exact and prefix search.
  std::vector<TermIndexItem> terms;
  /// The fuzzy index over the distinct keys of `terms`, built once by the
  /// first lookup that needs it (lookup/term_index.cpp, fuzzy_lookup()); a
  /// Vocabulary is read from many threads, hence the once_flag.
  mutable std::once_flag fuzzy_once;
  mutable std::shared_ptr<const FuzzyLookup> fuzzy;

  /// The indexes only searches need (lookup/search_indexes.hpp), made on
  /// the first search that needs one: `check` never builds them.
  mutable std::once_flag search_indexes_once;
  mutable std::shared_ptr<struct SearchIndexes> search_indexes;

  /// The entry at the index of a designation / section (filled by finish()).
  std::vector<EntryId> section_entry;

  /// The full-text index of the text blocks (lookup/full_text.cpp), built on
  /// first use by full_text_index(): the flag makes the build happen once
  /// whatever the number of threads asking.
  mutable std::once_flag full_text_once;
  mutable std::shared_ptr<const FullTextIndex> full_text;
};

/// Reading access to the Impl of a Vocabulary (for the library's own code).
struct VocabularyAccess {
  static const Vocabulary::Impl& impl(const Vocabulary& v) { return *v.impl_; }
  /// True when no other Vocabulary shares `v`'s storage.
  static bool sole_owner(const Vocabulary& v) { return v.impl_.use_count() == 1; }
  static Vocabulary make(std::shared_ptr<const Vocabulary::Impl> impl) {
    return Vocabulary(std::move(impl));
  }
};

}  // namespace termgraph
