#include "model/builder.hpp"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <type_traits>

#include "diag/diagnostics.hpp"
#include "termgraph/rules.hpp"
#include "text/chars.hpp"

namespace termgraph {

// -- Builder ----------------------------------------------------------------

Builder::Builder(Vocabulary::Impl& impl, std::vector<Diagnostic>& diagnostics)
    : impl_(impl), diagnostics_(diagnostics) {}

FileId Builder::add_file(std::string path, std::string content) {
  file_ = static_cast<FileId>(impl_.files.size());
  impl_.files.push_back(std::move(path));
  impl_.contents.push_back(std::move(content));
  impl_.lines.emplace_back(impl_.contents.back());
  impl_.declared_languages.emplace_back();
  impl_.declaration_ranges.emplace_back();
  impl_.titles.emplace_back();
  entry_starts_.clear();
  return file_;
}

void Builder::start_at_file(FileId first) {
  // Placeholder slots for the files before it, which other builders read.
  impl_.files.resize(first);
  impl_.contents.resize(first);
  impl_.lines.resize(first);
  impl_.declared_languages.resize(first);
  impl_.declaration_ranges.resize(first);
  impl_.titles.resize(first);
}

namespace {

/// Moves `from[slot]` to `to[slot]`, growing `to` to hold it.
template <class T>
void move_slot(std::vector<T>& to, std::vector<T>& from, std::size_t slot) {
  if (slot >= from.size()) return;
  if (to.size() <= slot) to.resize(slot + 1);
  to[slot] = std::move(from[slot]);
}

/// Copies `from[slot]` to `to[slot]` (a part kept for later: absorb_copy()).
template <class T>
void move_slot(std::vector<T>& to, const std::vector<T>& from, std::size_t slot) {
  if (slot >= from.size()) return;
  if (to.size() <= slot) to.resize(slot + 1);
  to[slot] = from[slot];
}

/// Room for `more` items after those of `to`: growing geometrically, so
/// that appending part after part copies each item a bounded number of
/// times.
template <class T>
void make_room(std::vector<T>& to, std::size_t more) {
  const std::size_t needed = to.size() + more;
  if (needed > to.capacity()) to.reserve(std::max(needed, to.capacity() + to.capacity() / 2));
}

/// Appends `from` to `to`, each item passed through `shift` first; `from`
/// is emptied.
template <class T, class Shift>
void append_shifted(std::vector<T>& to, std::vector<T>& from, Shift shift) {
  make_room(to, from.size());
  for (T& item : from) {
    shift(item);
    to.push_back(std::move(item));
  }
  std::vector<T>().swap(from);
}

/// Appends copies of `from` to `to`, each copy passed through `shift`.
template <class T, class Shift>
void append_shifted(std::vector<T>& to, const std::vector<T>& from, Shift shift) {
  make_room(to, from.size());
  for (const T& item : from) {
    to.push_back(item);
    shift(to.back());
  }
}

template <class T>
void append(std::vector<T>& to, std::vector<T>& from) {
  make_room(to, from.size());
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  std::vector<T>().swap(from);
}

template <class T>
void append(std::vector<T>& to, const std::vector<T>& from) {
  make_room(to, from.size());
  to.insert(to.end(), from.begin(), from.end());
}

}  // namespace

template <class Part, class PartDiagnostics>
void Builder::append_part(Part& part, PartDiagnostics& part_diagnostics) {
  // Part is Builder (absorb(): its contents are moved) or const Builder
  // (absorb_copy(): copied, the strings left where they are).
  constexpr bool copy = std::is_const_v<Part>;
  if (in_entry_) end_entry();
  if constexpr (!copy) {
    if (part.in_entry_) part.end_entry();
  }
  Vocabulary::Impl& v = impl_;
  std::conditional_t<copy, const Vocabulary::Impl&, Vocabulary::Impl&> p = part.impl_;
  const auto entries = static_cast<EntryId>(v.entries.size());
  const auto sections = static_cast<std::uint32_t>(v.sections.size());
  const auto designations = static_cast<std::uint32_t>(v.designations.size());
  const auto blocks = static_cast<std::uint32_t>(v.blocks.size());
  const auto categories = static_cast<std::uint32_t>(v.categories.size());
  const auto references = static_cast<std::uint32_t>(v.references.size());
  const auto ids = static_cast<std::uint32_t>(v.ids.size());
  auto entry = [entries](EntryId& e) {
    if (e != no_entry) e += entries;
  };
  auto block = [blocks](std::uint32_t& b) {
    if (b != UINT32_MAX) b += blocks;
  };

  // Per file: the part's own slots (start_at_file() left the others empty).
  for (std::size_t f = v.files.size(); f < p.files.size(); ++f) {
    move_slot(v.files, p.files, f);
    move_slot(v.contents, p.contents, f);
    move_slot(v.lines, p.lines, f);
    move_slot(v.declared_languages, p.declared_languages, f);
    move_slot(v.declaration_ranges, p.declaration_ranges, f);
    move_slot(v.titles, p.titles, f);
    if (f < p.tbx_parts.size()) move_slot(v.tbx_parts, p.tbx_parts, f);
  }
  if constexpr (!copy) v.arena.absorb(std::move(p.arena));

  append_shifted(v.entries, p.entries, [&](Entry& e) { entry(e.id); });
  append(v.sections, p.sections);
  append(v.designations, p.designations);
  append(v.blocks, p.blocks);
  append(v.categories, p.categories);
  append_shifted(v.block_sections, p.block_sections, [&](std::uint32_t& s) { s += sections; });
  append_shifted(v.term_ids, p.term_ids, [&](Vocabulary::Impl::TermId& t) {
    entry(t.entry);
    t.designation += designations;
  });
  append(v.references, p.references);
  append(v.written_numbers, p.written_numbers);
  append(v.ids, p.ids);
  append_shifted(v.language_tags, p.language_tags, [&](LanguageTagUse& t) { entry(t.entry); });
  append_shifted(v.empty_terms, p.empty_terms, [&](EmptyTerm& t) {
    entry(t.entry);
    t.section += sections;
  });

  // The layout finish() applies, shifted likewise.
  append_shifted(entry_ranges, part.entry_ranges, [&](EntryRanges& r) {
    r.ids_first += ids;
    r.sections_first += sections;
    r.categories_first += categories;
  });
  designation_categories_.resize(designations);
  append_shifted(designation_categories_, part.designation_categories_,
                 [&](CategoryRanges& r) { r.first += categories; });
  append_shifted(category_details_, part.category_details_,
                 [&](CategoryRanges& r) { r.first += categories; });
  append_shifted(category_blocks_, part.category_blocks_, block);
  append_shifted(section_ranges, part.section_ranges, [&](SectionRanges& r) {
    r.categories_first += categories;
    r.designations_first += designations;
    block(r.definition);
    r.notes_first += blocks;
    r.examples_first += blocks;
    r.sources_first += blocks;
  });
  append_shifted(block_ranges, part.block_ranges,
                 [&](BlockRanges& r) { r.refs_first += references; });

  make_room(diagnostics_, part_diagnostics.size());
  for (auto& d : part_diagnostics) {
    if constexpr (copy) {
      diagnostics_.push_back(d);
    } else {
      diagnostics_.push_back(std::move(d));
    }
    for (EntryId& e : diagnostics_.back().entries) entry(e);
  }
  if constexpr (!copy) part_diagnostics.clear();
  file_ = part.file_;
  entry_starts_.clear();
}

void Builder::absorb(Builder& part, std::vector<Diagnostic>& part_diagnostics) {
  append_part(part, part_diagnostics);
}

void Builder::absorb_copy(const Builder& part, const std::vector<Diagnostic>& part_diagnostics) {
  append_part(part, part_diagnostics);
}

namespace {

/// Drops the items of `v` from index `n` on.
template <class T>
void truncate(std::vector<T>& v, std::size_t n) {
  if (n < v.size()) v.erase(v.begin() + static_cast<std::ptrdiff_t>(n), v.end());
}

}  // namespace

Builder::Mark Builder::mark() const {
  const Vocabulary::Impl& v = impl_;
  return {v.entries.size(),
          v.sections.size(),
          v.designations.size(),
          v.blocks.size(),
          v.categories.size(),
          v.block_sections.size(),
          v.term_ids.size(),
          v.references.size(),
          v.written_numbers.size(),
          v.ids.size(),
          v.language_tags.size(),
          v.empty_terms.size(),
          v.tbx_parts.size(),
          entry_ranges.size(),
          designation_categories_.size(),
          category_details_.size(),
          category_blocks_.size(),
          section_ranges.size(),
          block_ranges.size(),
          diagnostics_.size(),
          v.declared_languages[file_],
          v.declaration_ranges[file_],
          v.titles[file_],
          capped_declarations_};
}

void Builder::rewind(const Mark& m) {
  Vocabulary::Impl& v = impl_;
  truncate(v.entries, m.entries);
  truncate(v.sections, m.sections);
  truncate(v.designations, m.designations);
  truncate(v.blocks, m.blocks);
  truncate(v.categories, m.categories);
  truncate(v.block_sections, m.block_sections);
  truncate(v.term_ids, m.term_ids);
  truncate(v.references, m.references);
  truncate(v.written_numbers, m.written_numbers);
  truncate(v.ids, m.ids);
  truncate(v.language_tags, m.language_tags);
  truncate(v.empty_terms, m.empty_terms);
  truncate(v.tbx_parts, m.tbx_parts);
  truncate(entry_ranges, m.entry_ranges);
  truncate(designation_categories_, m.designation_categories);
  truncate(category_details_, m.category_details);
  truncate(category_blocks_, m.category_blocks);
  truncate(section_ranges, m.section_ranges);
  truncate(block_ranges, m.block_ranges);
  truncate(diagnostics_, m.diagnostics);
  v.declared_languages[file_] = m.declared_languages;
  v.declaration_ranges[file_] = m.declaration_ranges;
  v.titles[file_] = m.title;
  capped_declarations_ = m.capped_declarations;
  // The entry and section being read, and the starts of the file's entries.
  in_entry_ = false;
  in_section_ = false;
  entry_ = Entry{};
  entry_ranges_ = {};
  section_ = LanguageSection{};
  pending_designations_.clear();
  pending_status_.clear();
  pending_blocks_.clear();
  pending_refs_.clear();
  pending_written_.clear();
  pending_term_ids_.clear();
  pending_categories_.clear();
  block_final_.clear();
  pending_block_handles_.clear();
  entry_starts_.resize(0);
}

std::string_view Builder::raw() const {
  return impl_.contents.empty() ? std::string_view() : std::string_view(impl_.contents[file_]);
}

SourceRange Builder::range_at(std::size_t offset) {
  // pugixml gives an element's offset as that of its name; point at its '<'
  // like compilers point at the start of a token. ('<' never precedes text.)
  std::string_view text = raw();
  if (offset > 0 && offset <= text.size() && text[offset - 1] == '<') --offset;
  LineColumn lc = impl_.lines[file_].at(text, offset);
  return {file_, lc.line, lc.column, 0, 0};
}

SourceRange Builder::range_between(std::size_t begin, std::size_t end) {
  SourceRange r = range_at(begin);
  LineColumn lc = impl_.lines[file_].at(raw(), end);
  r.end_line = lc.line;
  r.end_column = lc.column;
  return r;
}

void Builder::begin_entry(std::size_t offset, std::string_view number, bool numbered) {
  if (in_entry_) end_entry();
  in_entry_ = true;
  entry_ = Entry{};
  entry_.id = static_cast<EntryId>(impl_.entries.size());
  entry_.number = store(number);
  entry_.numbered = numbered;
  entry_.range = range_at(offset);
  std::string_view text = raw();
  if (offset > 0 && offset <= text.size() && text[offset - 1] == '<') --offset;
  entry_starts_.push_back({offset, entry_.id});
  entry_ranges_ = {static_cast<std::uint32_t>(impl_.ids.size()), 0,
                   static_cast<std::uint32_t>(impl_.sections.size()), 0};
  pending_categories_.clear();
  block_final_.clear();
}

void Builder::add_entry_id(std::string_view id) {
  if (!in_entry_ || id.empty()) return;
  impl_.ids.push_back(store(id));
  ++entry_ranges_.ids_count;
}

void Builder::begin_section(std::size_t offset, std::string_view language,
                            std::size_t language_offset) {
  if (in_section_) end_section();
  in_section_ = true;
  section_ = LanguageSection{};
  section_.language = store(language);
  section_.range = range_at(offset);
  impl_.language_tags.push_back(
      {section_.language,
       language_offset == std::string_view::npos ? section_.range : range_at(language_offset),
       in_entry_ ? entry_.id : no_entry});
  pending_designations_.clear();
  pending_status_.clear();
  pending_blocks_.clear();
  pending_block_handles_.clear();
  pending_refs_.clear();
  pending_written_.clear();
  pending_term_ids_.clear();
}

void Builder::add_designation(std::size_t offset, std::string_view text, ReadStatus status,
                              TermKind kind, std::string_view part_of_speech, bool kind_stated) {
  if (!in_section_) return;
  Designation d;
  // Designations are compared and shown with white space collapsed.
  collapse_xml_spaces(text, scratch_);
  d.text = store(scratch_);
  d.kind = kind;
  d.kind_stated = kind_stated;
  d.status_stated = status != ReadStatus::unspecified;
  d.part_of_speech = store(part_of_speech);
  d.range = range_at(offset);
  pending_designations_.push_back(d);
  pending_status_.push_back(status);
}

void Builder::add_term_id(std::string_view id) {
  if (!in_section_ || pending_designations_.empty() || id.empty()) return;
  pending_term_ids_.push_back({store(id), in_entry_ ? entry_.id : no_entry,
                               static_cast<std::uint32_t>(pending_designations_.size() - 1)});
}

void Builder::set_designation_ids(std::string_view term_section_id, std::string_view term_id) {
  if (!in_section_ || pending_designations_.empty()) return;
  pending_designations_.back().term_section_id = store(term_section_id);
  pending_designations_.back().term_id = store(term_id);
  add_term_id(term_section_id);
  add_term_id(term_id);
}

void Builder::set_designation_markup(std::string_view markup) {
  if (!in_section_ || pending_designations_.empty()) return;
  pending_designations_.back().markup = store(markup);
}

void Builder::add_empty_term(std::size_t offset, bool no_term_mark) {
  if (!in_section_) return;
  // The section is stored at end_section(), next in Impl::sections.
  impl_.empty_terms.push_back({range_at(offset), in_entry_ ? entry_.id : no_entry,
                               static_cast<std::uint32_t>(impl_.sections.size()), no_term_mark});
}

void Builder::set_tbx_parts(Vocabulary::Impl::TbxParts parts) {
  parts.type = store(parts.type);
  parts.style = store(parts.style);
  parts.header = store(parts.header);
  parts.back = store(parts.back);
  for (auto& a : parts.root_attributes) {
    a.first = store(a.first);
    a.second = store(a.second);
  }
  if (impl_.tbx_parts.size() <= file_) impl_.tbx_parts.resize(file_ + 1);
  impl_.tbx_parts[file_] = std::move(parts);
}

void Builder::add_language_tag(std::size_t offset, std::string_view tag) {
  impl_.language_tags.push_back({store(tag), range_at(offset), in_entry_ ? entry_.id : no_entry});
}

void Builder::declare_language(std::size_t offset, std::string_view tag) {
  if (tag.empty() || file_ >= impl_.declared_languages.size()) return;
  // Each entry is checked against each declared language: a bound keeps a
  // hostile declaration from multiplying the work (no vocabulary declares
  // as many).
  constexpr std::size_t most = 1000;
  if (impl_.declared_languages[file_].size() >= most) {
    if (capped_declarations_ != file_) {
      capped_declarations_ = file_;
      report(rules::unsupported_content, offset,
             "more than " + std::to_string(most) +
                 " declared languages; this one and those after it are ignored");
    }
    return;
  }
  std::string_view stored = store(tag);
  SourceRange range = range_at(offset);
  impl_.declared_languages[file_].push_back(stored);
  impl_.declaration_ranges[file_].push_back(range);
  impl_.language_tags.push_back({stored, range, no_entry});
}

void Builder::set_title(std::string_view title) {
  if (file_ >= impl_.titles.size()) return;
  impl_.titles[file_] = store(title);
}

std::uint32_t Builder::add_block(std::size_t offset, BlockKind kind, const BlockText& text) {
  if (!in_section_) return no_handle;
  PendingBlock pb;
  pb.block.kind = kind;
  pb.block.text = store(text.text());
  if (!text.markup().empty()) pb.block.markup = store(text.markup());
  pb.block.range = range_at(offset);
  pb.first_ref = static_cast<std::uint32_t>(pending_refs_.size());

  std::vector<ExtractedReference> found;
  extract_references(pb.block.text, text.links(), found);
  std::string_view block_text = pb.block.text;
  std::string_view raw_text = raw();
  for (const ExtractedReference& x : found) {
    Reference ref;
    ref.begin = x.begin;
    ref.end = x.end;
    ref.text = block_text.substr(x.begin, x.end - x.begin);
    ref.term = block_text.substr(x.term_begin, x.term_end - x.term_begin);
    if (!x.target_number.empty()) {
      ref.number = store(x.target_number);
    } else {
      ref.number = block_text.substr(x.number_begin, x.number_end - x.number_begin);
    }
    ref.target_id = store(x.target_id);
    ref.markup = x.markup;
    // A source names another document: what it cites in parentheses is a
    // clause of that document, never an entry of this vocabulary.
    ref.external = x.external || kind == BlockKind::source;
    ref.grouped = x.grouped;
    // Point at the number where there is one (what a user fixes), else at
    // the whole reference.
    std::size_t at = x.begin, to = x.end;
    if (x.number_end > x.number_begin) {
      at = x.number_begin;
      to = x.number_end;
    }
    std::size_t raw_begin = text.raw_offset(raw_text, at);
    std::size_t raw_end = to > at ? text.raw_offset(raw_text, to - 1) + 1 : raw_begin;
    ref.range = range_between(raw_begin, raw_end);
    pending_refs_.push_back(ref);
    pending_written_.push_back(block_text.substr(x.number_begin, x.number_end - x.number_begin));
  }
  pb.ref_count = static_cast<std::uint32_t>(pending_refs_.size()) - pb.first_ref;
  pending_blocks_.push_back(pb);
  auto handle = static_cast<std::uint32_t>(block_final_.size());
  block_final_.push_back(UINT32_MAX);
  pending_block_handles_.push_back(handle);
  return handle;
}

std::uint32_t Builder::add_category(CategoryLevel level, std::size_t offset, std::size_t end_offset,
                                    CategoryElement element, std::string_view type,
                                    std::string_view value, std::string_view target, bool grouped,
                                    bool known, std::uint32_t parent) {
  if (!in_entry_) return no_handle;
  PendingCategory pc{};
  pc.level = level;
  pc.owner_final = false;
  pc.owner = 0;
  if (parent != no_handle) {
    if (parent >= pending_categories_.size()) return no_handle;
    // A detail belongs where its group does.
    const PendingCategory& p = pending_categories_[parent];
    pc.level = p.level;
    pc.owner = p.owner;
    pc.owner_final = p.owner_final;
  } else if (level == CategoryLevel::language) {
    if (!in_section_) return no_handle;
    pc.owner = static_cast<std::uint32_t>(impl_.sections.size());  // this section, once stored
    pc.owner_final = true;
  } else if (level == CategoryLevel::term) {
    if (!in_section_ || pending_designations_.empty()) return no_handle;
    pc.owner = static_cast<std::uint32_t>(pending_designations_.size() - 1);
  }
  pc.parent = parent;
  pc.block = no_handle;
  DataCategory& c = pc.category;
  c.element = element;
  c.type = store(type);
  collapse_xml_spaces(value, scratch_);
  c.value = store(scratch_);
  c.target = store(target);
  c.grouped = grouped;
  c.known = known;
  c.range = range_between(offset, end_offset);
  pending_categories_.push_back(pc);
  return static_cast<std::uint32_t>(pending_categories_.size() - 1);
}

void Builder::set_category_block(std::uint32_t category, std::uint32_t block) {
  if (category < pending_categories_.size() && block < block_final_.size()) {
    pending_categories_[category].block = block;
  }
}

void Builder::end_section() {
  if (!in_section_) return;
  in_section_ = false;

  // Status: explicit, or (ISO 10241-1) the first designation is preferred
  // when none is marked preferred; other unmarked ones are admitted.
  bool explicit_preferred = std::find(pending_status_.begin(), pending_status_.end(),
                                      ReadStatus::preferred) != pending_status_.end();
  SectionRanges sr{};
  sr.designations_first = static_cast<std::uint32_t>(impl_.designations.size());
  for (std::size_t i = 0; i < pending_designations_.size(); ++i) {
    Designation d = pending_designations_[i];
    switch (pending_status_[i]) {
      case ReadStatus::preferred:
        d.status = Status::preferred;
        break;
      case ReadStatus::admitted:
        d.status = Status::admitted;
        break;
      case ReadStatus::deprecated:
        d.status = Status::deprecated;
        break;
      case ReadStatus::unspecified:
        d.status = (i == 0 && !explicit_preferred) ? Status::preferred : Status::admitted;
        break;
    }
    impl_.designations.push_back(d);
  }
  sr.designations_count = static_cast<std::uint32_t>(pending_designations_.size());
  for (Vocabulary::Impl::TermId t : pending_term_ids_) {
    t.designation += sr.designations_first;
    impl_.term_ids.push_back(t);
  }
  pending_term_ids_.clear();
  // Term-level categories now know their designation's final index.
  for (PendingCategory& pc : pending_categories_) {
    if (pc.level == CategoryLevel::term && !pc.owner_final) {
      pc.owner += sr.designations_first;
      pc.owner_final = true;
    }
  }

  // A second definition in one language is kept, as a note, and reported.
  bool have_definition = false;
  for (PendingBlock& pb : pending_blocks_) {
    if (pb.block.kind != BlockKind::definition) continue;
    if (have_definition) {
      pb.block.kind = BlockKind::note;
      report(rules::unsupported_content, pb.block.range,
             "more than one definition in language '" + std::string(section_.language) +
                 "'; this one is kept as a note");
    }
    have_definition = true;
  }

  // Blocks are stored grouped: definition, notes, examples, sources.
  auto emit = [&](BlockKind kind, std::uint32_t& first, std::uint32_t& count) {
    first = static_cast<std::uint32_t>(impl_.blocks.size());
    count = 0;
    for (std::size_t i = 0; i < pending_blocks_.size(); ++i) {
      const PendingBlock& pb = pending_blocks_[i];
      if (pb.block.kind != kind) continue;
      block_final_[pending_block_handles_[i]] = static_cast<std::uint32_t>(impl_.blocks.size());
      BlockRanges br{static_cast<std::uint32_t>(impl_.references.size()), pb.ref_count};
      impl_.references.insert(impl_.references.end(), pending_refs_.begin() + pb.first_ref,
                              pending_refs_.begin() + pb.first_ref + pb.ref_count);
      impl_.written_numbers.insert(impl_.written_numbers.end(),
                                   pending_written_.begin() + pb.first_ref,
                                   pending_written_.begin() + pb.first_ref + pb.ref_count);
      impl_.blocks.push_back(pb.block);
      impl_.block_sections.push_back(static_cast<std::uint32_t>(impl_.sections.size()));
      block_ranges.push_back(br);
      ++count;
    }
  };
  std::uint32_t def_first = 0, def_count = 0;
  emit(BlockKind::definition, def_first, def_count);
  sr.definition = def_count ? def_first : UINT32_MAX;
  emit(BlockKind::note, sr.notes_first, sr.notes_count);
  emit(BlockKind::example, sr.examples_first, sr.examples_count);
  emit(BlockKind::source, sr.sources_first, sr.sources_count);
  // Blocks outside the ISO layout (cross-references) are stored after the
  // others: only their categories point at them.
  std::uint32_t other_first = 0, other_count = 0;
  emit(BlockKind::cross_reference, other_first, other_count);

  impl_.sections.push_back(section_);
  section_ranges.push_back(sr);
  ++entry_ranges_.sections_count;
}

void Builder::end_entry() {
  if (!in_entry_) return;
  if (in_section_) end_section();
  in_entry_ = false;
  layout_categories();
  impl_.entries.push_back(entry_);
  entry_ranges.push_back(entry_ranges_);
}

void Builder::layout_categories() {
  const std::size_t n = pending_categories_.size();
  if (n == 0) return;
  // Top-level categories, grouped by owner in source order: the entry's,
  // then each section's, then each designation's; then, group by group,
  // the details of each placed category (iteratively: groups nest).
  std::vector<std::uint32_t> order;
  order.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) order.push_back(i);
  auto owner_key = [&](const PendingCategory& pc) {
    int level = pc.level == CategoryLevel::entry ? 0 : pc.level == CategoryLevel::language ? 1 : 2;
    return std::pair<int, std::uint32_t>(level, pc.level == CategoryLevel::entry ? 0 : pc.owner);
  };
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return owner_key(pending_categories_[a]) < owner_key(pending_categories_[b]);
  });
  std::vector<std::vector<std::uint32_t>> children(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    std::uint32_t p = pending_categories_[i].parent;
    if (p != no_handle && p < n) children[p].push_back(i);
  }
  std::vector<std::uint32_t> placed(n, UINT32_MAX);
  std::vector<std::uint32_t> queue;  // placed categories whose details are not placed yet
  auto place = [&](std::uint32_t i) {
    placed[i] = static_cast<std::uint32_t>(impl_.categories.size());
    impl_.categories.push_back(pending_categories_[i].category);
    category_details_.push_back({});
    std::uint32_t block = pending_categories_[i].block;
    category_blocks_.push_back(block == no_handle ? UINT32_MAX : block_final_[block]);
    queue.push_back(i);
  };
  // Top level, owner by owner.
  for (std::size_t k = 0; k < order.size();) {
    std::size_t j = k;
    auto key = owner_key(pending_categories_[order[k]]);
    auto first = static_cast<std::uint32_t>(impl_.categories.size());
    std::uint32_t count = 0;
    for (; j < order.size() && owner_key(pending_categories_[order[j]]) == key; ++j) {
      if (pending_categories_[order[j]].parent != no_handle) continue;
      place(order[j]);
      ++count;
    }
    if (count) {
      const PendingCategory& pc = pending_categories_[order[k]];
      CategoryRanges r{first, count};
      if (pc.level == CategoryLevel::entry) {
        entry_ranges_.categories_first = first;
        entry_ranges_.categories_count = count;
      } else if (pc.level == CategoryLevel::language) {
        if (pc.owner < section_ranges.size()) {
          section_ranges[pc.owner].categories_first = first;
          section_ranges[pc.owner].categories_count = count;
        }
      } else {
        if (designation_categories_.size() <= pc.owner)
          designation_categories_.resize(pc.owner + 1);
        designation_categories_[pc.owner] = r;
      }
    }
    k = j;
  }
  // Details, group by group.
  for (std::size_t q = 0; q < queue.size(); ++q) {
    std::uint32_t i = queue[q];
    if (children[i].empty()) continue;
    CategoryRanges r{static_cast<std::uint32_t>(impl_.categories.size()),
                     static_cast<std::uint32_t>(children[i].size())};
    for (std::uint32_t c : children[i]) place(c);
    category_details_[placed[i]] = r;
  }
  pending_categories_.clear();
}

void Builder::end_entry(std::size_t end_offset) {
  if (!in_entry_) return;
  set_entry_end(entry_.id, end_offset);
  end_entry();
}

void Builder::set_entry_end(EntryId entry, std::size_t end_offset) {
  Entry* e = in_entry_ && entry == entry_.id ? &entry_
             : entry < impl_.entries.size()  ? &impl_.entries[entry]
                                             : nullptr;
  if (!e || e->range.file != file_) return;
  LineColumn lc = impl_.lines[file_].at(raw(), end_offset);
  e->range.end_line = lc.line;
  e->range.end_column = lc.column;
}

void Builder::report(const Rule& rule, std::size_t offset, std::string message) {
  report(rule, range_at(offset), std::move(message));
}

void Builder::report(const Rule& rule, const SourceRange& range, std::string message) {
  Diagnostic d = make_diagnostic(rule, range, std::move(message));
  if (in_entry_) d.entries.push_back(entry_.id);
  diagnostics_.push_back(std::move(d));
}

void Builder::finish() {
  if (in_entry_) end_entry();
  Vocabulary::Impl& v = impl_;

  // 1. Spans: every vector is final now.
  v.section_entry.assign(v.sections.size(), no_entry);
  // Blocks show the consumer's view of their references, which analysis
  // completes; `references` stays as read.
  v.reference_view = v.references;
  for (std::size_t b = 0; b < v.blocks.size(); ++b) {
    const BlockRanges& br = block_ranges[b];
    v.blocks[b].references =
        Span<Reference>(v.reference_view.data() + br.refs_first, br.refs_count);
  }
  for (std::size_t c = 0; c < v.categories.size(); ++c) {
    DataCategory& cat = v.categories[c];
    const CategoryRanges& r = category_details_[c];
    cat.details = Span<DataCategory>(v.categories.data() + r.first, r.count);
    cat.block = category_blocks_[c] == UINT32_MAX ? nullptr : &v.blocks[category_blocks_[c]];
  }
  for (std::size_t d = 0; d < v.designations.size() && d < designation_categories_.size(); ++d) {
    const CategoryRanges& r = designation_categories_[d];
    v.designations[d].categories = Span<DataCategory>(v.categories.data() + r.first, r.count);
  }
  for (std::size_t s = 0; s < v.sections.size(); ++s) {
    const SectionRanges& sr = section_ranges[s];
    LanguageSection& sec = v.sections[s];
    sec.categories =
        Span<DataCategory>(v.categories.data() + sr.categories_first, sr.categories_count);
    sec.designations =
        Span<Designation>(v.designations.data() + sr.designations_first, sr.designations_count);
    sec.definition = sr.definition == UINT32_MAX ? nullptr : &v.blocks[sr.definition];
    sec.notes = Span<TextBlock>(v.blocks.data() + sr.notes_first, sr.notes_count);
    sec.examples = Span<TextBlock>(v.blocks.data() + sr.examples_first, sr.examples_count);
    sec.sources = Span<TextBlock>(v.blocks.data() + sr.sources_first, sr.sources_count);
  }
  for (std::size_t e = 0; e < v.entries.size(); ++e) {
    const EntryRanges& er = entry_ranges[e];
    Entry& entry = v.entries[e];
    entry.ids = Span<std::string_view>(v.ids.data() + er.ids_first, er.ids_count);
    entry.languages =
        Span<LanguageSection>(v.sections.data() + er.sections_first, er.sections_count);
    entry.categories =
        Span<DataCategory>(v.categories.data() + er.categories_first, er.categories_count);
    for (std::uint32_t s = 0; s < er.sections_count; ++s) {
      v.section_entry[er.sections_first + s] = static_cast<EntryId>(e);
    }
  }
}

}  // namespace termgraph
