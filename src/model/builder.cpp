#include "model/builder.hpp"

#include <algorithm>
#include <cstring>

#include "diag/diagnostics.hpp"
#include "termgraph/rules.hpp"

namespace termgraph {

namespace {

bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::size_t utf8_length(std::uint32_t cp) {
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3;
  return 4;
}

/// If `raw` has an entity reference pugixml decodes at `i`, returns its raw
/// length and sets `decoded` to the length of its replacement; else 0.
std::size_t entity_at(std::string_view raw, std::size_t i, std::size_t& decoded) {
  if (i >= raw.size() || raw[i] != '&') return 0;
  std::size_t semi = raw.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 12) return 0;
  std::string_view name = raw.substr(i + 1, semi - i - 1);
  if (name == "lt" || name == "gt" || name == "amp" || name == "apos" || name == "quot") {
    decoded = 1;
    return semi - i + 1;
  }
  if (name.size() >= 2 && name[0] == '#') {
    std::uint32_t cp = 0;
    bool hex = name[1] == 'x';
    std::size_t start = hex ? 2 : 1;
    if (start >= name.size()) return 0;
    for (std::size_t k = start; k < name.size(); ++k) {
      char c = name[k];
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (hex && c >= 'a' && c <= 'f') {
        d = c - 'a' + 10;
      } else if (hex && c >= 'A' && c <= 'F') {
        d = c - 'A' + 10;
      } else {
        return 0;
      }
      cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
      if (cp > 0x10FFFF) return 0;
    }
    decoded = utf8_length(cp);
    return semi - i + 1;
  }
  return 0;
}

}  // namespace

// -- TextBuilder ------------------------------------------------------------

void TextBuilder::append(std::string_view decoded, std::size_t raw_offset, bool verbatim) {
  replay_ = Replay{};
  bool after_space = !text_.empty() && text_.back() == ' ';
  anchors_.push_back({static_cast<std::uint32_t>(text_.size()), raw_offset, verbatim,
                      pending_space_, after_space});
  for (char c : decoded) {
    if (is_xml_space(c)) {
      // Never two spaces: open_link() may have written the space already.
      if (!text_.empty() && text_.back() != ' ') pending_space_ = true;
      continue;
    }
    if (pending_space_) {
      text_ += ' ';
      pending_space_ = false;
    }
    text_ += c;
  }
}

std::size_t TextBuilder::open_link() {
  replay_ = Replay{};
  if (pending_space_ && !text_.empty()) {
    text_ += ' ';
    pending_space_ = false;
  }
  links_.push_back({static_cast<std::uint32_t>(text_.size()),
                    static_cast<std::uint32_t>(text_.size()),
                    {},
                    {},
                    false});
  return links_.size() - 1;
}

void TextBuilder::close_link(std::size_t index, std::string target_id, std::string target_number,
                             bool external) {
  MarkupLink& link = links_[index];
  link.end = static_cast<std::uint32_t>(text_.size());
  link.target_id = std::move(target_id);
  link.target_number = std::move(target_number);
  link.external = external;
}

std::size_t TextBuilder::raw_offset(std::string_view raw, std::size_t pos) const {
  if (anchors_.empty() || raw.empty()) return 0;
  // The last piece that starts at or before `pos`.
  auto it = std::upper_bound(anchors_.begin(), anchors_.end(), pos,
                             [](std::size_t p, const Anchor& a) { return p < a.text_pos; });
  if (it != anchors_.begin()) --it;
  // Replay append()'s collapsing over the raw form of the piece, decoding
  // entity references and CR LF as pugixml did, until the text position
  // reaches `pos`.
  std::size_t t = it->text_pos;
  bool pending = it->pending;
  std::size_t space_at = it->raw_pos;  // raw start of the current space run
  std::size_t r = it->raw_pos;
  std::size_t anchor = static_cast<std::size_t>(it - anchors_.begin());
  if (replay_.anchor == anchor && replay_.pos <= pos) {
    // The replay stops at the first state that answers a position, and
    // that state comes no later for a larger one: resume from it.
    t = replay_.t;
    pending = replay_.pending;
    space_at = replay_.space_at;
    r = replay_.r;
  }
  auto answer = [&](std::size_t offset) {
    replay_ = {anchor, pos, t, r, space_at, pending};
    return offset;
  };
  while (r < raw.size()) {
    char c = raw[r];
    if (!it->verbatim && c == '<') break;  // end of the text node
    std::size_t raw_len = 1, decoded_len = 1;
    if (c == '\r' && r + 1 < raw.size() && raw[r + 1] == '\n') {
      raw_len = 2;
    } else if (!it->verbatim && c == '&') {
      std::size_t n = 0;
      std::size_t rl = entity_at(raw, r, n);
      if (rl != 0) {
        raw_len = rl;
        decoded_len = n;
      }
    }
    if (is_xml_space(c)) {
      bool can_pend = t > 0 && !(t == it->text_pos && it->after_space);
      if (!pending && can_pend) space_at = r;
      if (can_pend) pending = true;
    } else {
      if (pending) {
        if (t == pos) return answer(space_at);
        ++t;
        pending = false;
      }
      if (pos < t + decoded_len) return answer(r);
      t += decoded_len;
    }
    r += raw_len;
  }
  return answer(r);
}

void TextBuilder::finish() {
  while (!text_.empty() && text_.back() == ' ') text_.pop_back();
  pending_space_ = false;
}

// -- Builder ----------------------------------------------------------------

Builder::Builder(Vocabulary::Impl& impl, std::vector<Diagnostic>& diagnostics)
    : impl_(impl), diagnostics_(diagnostics) {}

FileId Builder::add_file(std::string path, std::string content) {
  file_ = static_cast<FileId>(impl_.files.size());
  impl_.files.push_back(std::move(path));
  impl_.contents.push_back(std::move(content));
  impl_.lines.emplace_back(impl_.contents.back());
  return file_;
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
  entry_ranges_ = {static_cast<std::uint32_t>(impl_.ids.size()), 0,
                   static_cast<std::uint32_t>(impl_.sections.size()), 0};
}

void Builder::add_entry_id(std::string_view id) {
  if (!in_entry_ || id.empty()) return;
  impl_.ids.push_back(store(id));
  ++entry_ranges_.ids_count;
}

void Builder::begin_section(std::size_t offset, std::string_view language) {
  if (in_section_) end_section();
  in_section_ = true;
  section_ = LanguageSection{};
  section_.language = store(language);
  section_.range = range_at(offset);
  pending_designations_.clear();
  pending_status_.clear();
  pending_blocks_.clear();
  pending_refs_.clear();
}

void Builder::add_designation(std::size_t offset, std::string_view text, ReadStatus status,
                              TermKind kind, std::string_view part_of_speech) {
  if (!in_section_) return;
  Designation d;
  // Designations are compared and shown with white space collapsed.
  TextBuilder tb;
  tb.append(text, 0, true);
  tb.finish();
  d.text = store(tb.text());
  d.kind = kind;
  d.part_of_speech = store(part_of_speech);
  d.range = range_at(offset);
  pending_designations_.push_back(d);
  pending_status_.push_back(status);
}

void Builder::add_block(std::size_t offset, BlockKind kind, TextBuilder& text) {
  if (!in_section_) return;
  text.finish();
  PendingBlock pb;
  pb.block.kind = kind;
  pb.block.text = store(text.text());
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
  }
  pb.ref_count = static_cast<std::uint32_t>(pending_refs_.size()) - pb.first_ref;
  pending_blocks_.push_back(pb);
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
    for (const PendingBlock& pb : pending_blocks_) {
      if (pb.block.kind != kind) continue;
      BlockRanges br{static_cast<std::uint32_t>(impl_.references.size()), pb.ref_count};
      impl_.references.insert(impl_.references.end(), pending_refs_.begin() + pb.first_ref,
                              pending_refs_.begin() + pb.first_ref + pb.ref_count);
      impl_.blocks.push_back(pb.block);
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

  impl_.sections.push_back(section_);
  section_ranges.push_back(sr);
  ++entry_ranges_.sections_count;
}

void Builder::end_entry() {
  if (!in_entry_) return;
  if (in_section_) end_section();
  in_entry_ = false;
  impl_.entries.push_back(entry_);
  entry_ranges.push_back(entry_ranges_);
}

void Builder::report(const Rule& rule, std::size_t offset, std::string message) {
  report(rule, range_at(offset), std::move(message));
}

void Builder::report(const Rule& rule, const SourceRange& range, std::string message) {
  Diagnostic d = make_diagnostic(rule, range, std::move(message));
  if (in_entry_) d.entries.push_back(std::string(entry_.number));
  diagnostics_.push_back(std::move(d));
}

void Builder::finish() {
  if (in_entry_) end_entry();
  Vocabulary::Impl& v = impl_;

  // 1. Spans: every vector is final now.
  v.section_entry.assign(v.sections.size(), no_entry);
  for (std::size_t b = 0; b < v.blocks.size(); ++b) {
    const BlockRanges& br = block_ranges[b];
    v.blocks[b].references = Span<Reference>(v.references.data() + br.refs_first, br.refs_count);
  }
  for (std::size_t s = 0; s < v.sections.size(); ++s) {
    const SectionRanges& sr = section_ranges[s];
    LanguageSection& sec = v.sections[s];
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
    for (std::uint32_t s = 0; s < er.sections_count; ++s) {
      v.section_entry[er.sections_first + s] = static_cast<EntryId>(e);
    }
  }
}

}  // namespace termgraph
