// Internal: the storage behind a Vocabulary and the builder readers fill.
// Nothing here is part of the public API.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "termgraph/diagnostic.hpp"
#include "termgraph/model.hpp"
#include "termgraph/vocabulary.hpp"

#include "model/arena.hpp"
#include "text/fold.hpp"
#include "text/line_index.hpp"
#include "text/numbers.hpp"

namespace termgraph {

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

struct Vocabulary::Impl {
  // Inputs.
  std::vector<std::string> files;
  std::vector<std::string> contents;  // raw bytes of each file, as read
  std::vector<LineIndex> lines;       // one per file

  // Model storage. Spans in the public structs point into these vectors;
  // they are set once, by Builder::finish(), and never move afterwards.
  StringArena arena;
  std::vector<Entry> entries;
  std::vector<LanguageSection> sections;
  std::vector<Designation> designations;
  std::vector<TextBlock> blocks;
  /// Every reference as read. Frozen: passes read it, nothing writes it.
  std::vector<Reference> references;
  /// What TextBlock::references show consumers: `references` with what
  /// resolution found (target, narrowed term/text/begin), assembled by the
  /// analysis driver after the passes; a plain copy until then. Passes never
  /// read it.
  std::vector<Reference> reference_view;
  std::vector<std::string_view> ids;

  // Analysis records, beside the model (analysis/driver.cpp runs the
  // passes that fill them).
  bool analysed = false;
  /// One per reference (indexed like `references`), by the resolution pass.
  std::vector<Resolution> resolutions;

  /// The index in `references` of a reference reached through a block.
  std::size_t reference_index(const Reference& r) const noexcept {
    return static_cast<std::size_t>(&r - reference_view.data());
  }

  // Indexes (built by the entry-index pass).
  std::unordered_map<std::string_view, EntryId, StringHash, std::equal_to<>> by_number;
  std::unordered_map<std::string_view, EntryId, StringHash, std::equal_to<>> by_id;

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

  /// The entry at the index of a designation / section (filled by finish()).
  std::vector<EntryId> section_entry;
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
