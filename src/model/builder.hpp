// Internal: what readers fill. A reader walks one parsed document and calls
// the Builder in a flat sequence:
//
//   begin_entry
//     add_entry_id*
//     begin_section  add_designation*  add_block*  end_section   (per language)
//   end_entry
//
// The Builder copies text into the vocabulary's arena, turns byte offsets of
// the file into lines and columns, extracts the references of each text
// block while the file's buffer is still at hand, and keeps all storage
// contiguous. Readers never see the model's vectors. finish() freezes the
// model; resolution, the graph, the indexes and the checks run afterwards,
// on the frozen model only (analysis/).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/impl.hpp"
#include "text/reference_scan.hpp"

namespace termgraph {

/// The text of one block as a reader assembled it: white space collapsed
/// and trimmed, the markup links in it, and a map from any byte of the text
/// back to the raw file (so that references get lines and columns).
class BlockText {
public:
  virtual ~BlockText() = default;
  virtual std::string_view text() const = 0;
  virtual const std::vector<MarkupLink>& links() const = 0;
  /// The raw byte offset of byte `pos` of text(); `raw` is the file buffer.
  virtual std::size_t raw_offset(std::string_view raw, std::size_t pos) const = 0;
  /// The text with its inline elements (TextBlock::markup); empty when none.
  virtual std::string_view markup() const { return {}; }
};

/// Status as read: explicit, or absent (ISO: the first term is preferred).
enum class ReadStatus : std::uint8_t { preferred, admitted, deprecated, unspecified };

class Builder {
public:
  Builder(Vocabulary::Impl& impl, std::vector<Diagnostic>& diagnostics);

  /// Registers an input; returns its FileId. `content` must stay alive and
  /// unchanged until the next add_file() or finish() (it is the Impl's copy).
  FileId add_file(std::string path, std::string content);
  FileId current_file() const { return file_; }
  /// For a builder that reads one file of several at once (into an Impl of
  /// its own, merged later with absorb()): the next add_file() gets id
  /// `first`, the id the file has among all inputs.
  void start_at_file(FileId first);
  /// Appends what `part` read (its Impl, its pending layout and the entry
  /// ids of `part_diagnostics`) after everything read so far, as if this
  /// builder had read `part`'s file itself: ids and indexes are shifted,
  /// strings are taken over, not copied. `part` must have been started at
  /// the file after this builder's last one (start_at_file()); it is left
  /// empty. Diagnostics are moved to this builder's list.
  void absorb(Builder& part, std::vector<Diagnostic>& part_diagnostics);
  /// As absorb(), but `part` is left as it is, to be appended again later
  /// (load_prepared()): its lists are copied, and the strings they view stay
  /// in `part`'s arena and file, which the caller keeps alive as long as
  /// this builder's vocabulary (Impl::retained). `part` must have ended its
  /// last entry.
  void absorb_copy(const Builder& part, const std::vector<Diagnostic>& part_diagnostics);

  /// What the builder holds at a moment of reading the current file, for
  /// rewind(). Every list absorb() appends to is here too.
  struct Mark {
    std::size_t entries, sections, designations, blocks, categories, block_sections, term_ids,
        references, written_numbers, ids, language_tags, empty_terms, tbx_parts;
    std::size_t entry_ranges, designation_categories, category_details, category_blocks,
        section_ranges, block_ranges, diagnostics;
    std::vector<std::string_view> declared_languages;
    std::vector<SourceRange> declaration_ranges;
    std::string_view title;
    FileId capped_declarations;
  };
  /// The builder now, between entries of the current file.
  Mark mark() const;
  /// Undoes everything read since `mark` (taken in the current file): the
  /// file is read again from there, another way (a large file whose chunks
  /// could not all be read, load/load.cpp). Strings stored since stay in
  /// the arena, unused.
  void rewind(const Mark& mark);

  std::string_view raw() const;

  /// A source range for a byte offset of the current file.
  SourceRange range_at(std::size_t offset);
  /// A source range from one byte offset to another.
  SourceRange range_between(std::size_t begin, std::size_t end);

  // -- the reader's calls --------------------------------------------------
  /// `number` is the number as written, or a fallback id (numbered = false).
  void begin_entry(std::size_t offset, std::string_view number, bool numbered);
  /// An XML id the entry can be linked by.
  void add_entry_id(std::string_view id);
  /// `language_offset`: where the tag is written (its xml:lang value), when
  /// not at `offset`.
  void begin_section(std::size_t offset, std::string_view language,
                     std::size_t language_offset = std::string_view::npos);
  /// A term element without text at `offset`, left out of the model:
  /// empty-element, unless `no_term_mark` (ISO's empty term that says there
  /// is no term in this language: no finding of its own).
  void add_empty_term(std::size_t offset, bool no_term_mark = false);
  /// `kind_stated`: the source states the kind (else `full_form` is assumed).
  void add_designation(std::size_t offset, std::string_view text, ReadStatus status, TermKind kind,
                       std::string_view part_of_speech = {}, bool kind_stated = true);
  /// An id the designation added last to the current section can be
  /// linked by (Impl::term_ids); empty ids are ignored.
  void add_term_id(std::string_view id);
  /// The ids of the designation added last (Designation::term_section_id,
  /// term_id); each non-empty one also links it (add_term_id).
  void set_designation_ids(std::string_view term_section_id, std::string_view term_id);
  /// The inline markup of the designation added last (Designation::markup).
  void set_designation_markup(std::string_view markup);
  /// Adds a text block to the current section; returns its handle (for
  /// set_category_block), or no_handle outside a section.
  std::uint32_t add_block(std::size_t offset, BlockKind kind, const BlockText& text);

  static constexpr std::uint32_t no_handle = UINT32_MAX;
  /// A data category of the current entry at `level` (language: the current
  /// section; term: the designation added last to it), from byte `offset`
  /// to `end_offset` of the file. `parent`: the handle of the category whose
  /// group it belongs to, or no_handle. Returns its handle (valid until
  /// the entry ends), or no_handle when there is no such level to add to.
  std::uint32_t add_category(CategoryLevel level, std::size_t offset, std::size_t end_offset,
                             CategoryElement element, std::string_view type, std::string_view value,
                             std::string_view target = {}, bool grouped = false, bool known = true,
                             std::uint32_t parent = no_handle);
  /// Links category `category` to block `block` (handles of this entry):
  /// DataCategory::block.
  void set_category_block(std::uint32_t category, std::uint32_t block);
  void end_section();
  void end_entry();
  /// Ends the entry, which ends at byte `end_offset` (exclusive) of the file.
  void end_entry(std::size_t end_offset);

  /// The start offsets (the '<' of an XML element) of the entries of the
  /// current file, with their ids, in the order they were begun.
  struct EntryStart {
    std::size_t offset;
    EntryId entry;
  };
  const std::vector<EntryStart>& entry_starts() const { return entry_starts_; }
  /// Sets where entry `entry` of the current file ends (byte offset just
  /// past its last byte): the end of Entry::range. Cheapest in increasing
  /// order of offsets.
  void set_entry_end(EntryId entry, std::size_t end_offset);

  /// A language tag written at `offset` that no section's begin_section()
  /// names there (a document's default language).
  void add_language_tag(std::size_t offset, std::string_view tag);
  /// A language the current file declares (native `languages`, STS
  /// `content-language`), written at `offset`.
  void declare_language(std::size_t offset, std::string_view tag);

  /// Records what a TBX file holds outside the model (Impl::TbxParts) for
  /// the current file; strings are copied.
  void set_tbx_parts(Vocabulary::Impl::TbxParts parts);
  /// The current file's title (native `title`, STS `title-wrap`, TBX
  /// `titleStmt/title`), white space collapsed; the last call wins.
  void set_title(std::string_view title);

  /// Reports a finding at a byte offset of the current file.
  void report(const Rule& rule, std::size_t offset, std::string message);
  void report(const Rule& rule, const SourceRange& range, std::string message);

  std::string_view store(std::string_view s) { return impl_.arena.store(s); }

  /// Freezes the model: sets every span. Call once, after the last file;
  /// analysis (indexes, resolution, graph, checks) runs on the frozen model
  /// afterwards.
  void finish();

private:
  template <class Part, class PartDiagnostics>
  void append_part(Part& part, PartDiagnostics& part_diagnostics);

  struct PendingBlock {
    TextBlock block;  // references not yet set
    std::uint32_t first_ref;
    std::uint32_t ref_count;
  };
  /// A category of the entry being read; laid out at end_entry().
  struct PendingCategory {
    DataCategory category;  // spans and block not yet set
    CategoryLevel level;
    std::uint32_t owner;   // language: section index; term: designation index (final or pending)
    bool owner_final;      // owner is an index into Impl::sections / designations
    std::uint32_t parent;  // handle, or no_handle
    std::uint32_t block;   // block handle, or no_handle
  };
  struct SectionRanges {
    std::uint32_t categories_first = 0, categories_count = 0;
    std::uint32_t designations_first, designations_count;
    std::uint32_t definition;  // block index or UINT32_MAX
    std::uint32_t notes_first, notes_count;
    std::uint32_t examples_first, examples_count;
    std::uint32_t sources_first, sources_count;
  };
  struct EntryRanges {
    std::uint32_t ids_first, ids_count;
    std::uint32_t sections_first, sections_count;
    std::uint32_t categories_first = 0, categories_count = 0;
  };
  struct CategoryRanges {
    std::uint32_t first = 0, count = 0;
  };
  void layout_categories();
  struct BlockRanges {
    std::uint32_t refs_first, refs_count;
  };

  Vocabulary::Impl& impl_;
  std::vector<Diagnostic>& diagnostics_;
  FileId file_ = 0;
  FileId capped_declarations_ = UINT32_MAX;  // the file told its declarations are too many

  // The entry and section being read.
  bool in_entry_ = false;
  bool in_section_ = false;
  Entry entry_;
  EntryRanges entry_ranges_{};
  LanguageSection section_;
  std::vector<Designation> pending_designations_;
  std::vector<ReadStatus> pending_status_;
  std::vector<PendingBlock> pending_blocks_;
  std::vector<Reference> pending_refs_;
  std::vector<std::string_view> pending_written_;  // Impl::written_numbers, per pending ref
  /// Term ids of the current section; `designation` indexes
  /// pending_designations_ until end_section().
  std::vector<Vocabulary::Impl::TermId> pending_term_ids_;

  std::vector<PendingCategory> pending_categories_;  // of the current entry
  /// Block handles of the current entry: their index in Impl::blocks once
  /// their section ended (UINT32_MAX before); handle = index here.
  std::vector<std::uint32_t> block_final_;
  /// Per pending block of the current section: its handle.
  std::vector<std::uint32_t> pending_block_handles_;

  std::vector<EntryRanges> entry_ranges;
  /// Indexed like Impl::designations / Impl::categories: their categories
  /// and details; and each category's block (UINT32_MAX: none).
  std::vector<CategoryRanges> designation_categories_;
  std::vector<CategoryRanges> category_details_;
  std::vector<std::uint32_t> category_blocks_;
  std::vector<SectionRanges> section_ranges;
  std::vector<BlockRanges> block_ranges;
  std::vector<EntryStart> entry_starts_;  // of the current file
  std::string scratch_;
};

}  // namespace termgraph
