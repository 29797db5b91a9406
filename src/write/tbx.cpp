// The TBX v3 writer: TBX-Basic in the DCA style, or in the DCT style
// (WriteOptions::tbx_style), in the TBX v3 namespace
// (format/namespaces.cpp). One conceptEntry per entry, one langSec per
// language section, one termSec per designation.
//
// Data categories (DataCategory) are written at their level, in source
// order, in their groups; a category linked to a block writes the block's
// text with its links. Blocks no category covers (from formats without
// categories) are written in the default layout: definition, notes,
// contexts, sources at language level. A term's part of speech, type and
// status are written from its categories, else (when no category carries
// them) only where the source states them.
//
// Written from one TBX file, the header, the back matter and the root's
// other attributes (Impl::TbxParts) are written back as they were. The
// mapping, and where it is lossy, is in docs/formats.md.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "format/ids.hpp"
#include "format/namespaces.hpp"
#include "format/tbx_picklists.hpp"
#include "model/impl.hpp"
#include "termgraph/write.hpp"
#include "write/detail.hpp"
#include "write/xml_writer.hpp"

namespace termgraph {

namespace {

using sv = std::string_view;

constexpr sv min_namespace = "http://www.tbxinfo.net/ns/min";
constexpr sv basic_namespace = "http://www.tbxinfo.net/ns/basic";

/// The DCT prefix of a known data category: min for TBX-Min's, basic for
/// the others; empty for a category the table does not know.
sv dct_prefix(sv category) {
  if (tbx_picklist::dca_element(category).empty()) return {};
  if (category == "subjectField" || category == "customerSubset" || category == "partOfSpeech" ||
      category == "administrativeStatus" || category == "usageStatus") {
    return "min";
  }
  return "basic";
}

/// The group element whose head is carried by `element`, or empty.
sv group_name(CategoryElement element) {
  switch (element) {
    case CategoryElement::descrip:
      return "descripGrp";
    case CategoryElement::admin:
      return "adminGrp";
    case CategoryElement::term_note:
      return "termNoteGrp";
    case CategoryElement::transac:
      return "transacGrp";
    default:
      return {};
  }
}

class TbxWriter {
public:
  TbxWriter(std::ostream& out, const Vocabulary& v, const WriteOptions& options)
      : xml_(out, options.indent), v_(v), options_(options) {
    // Concept ids: the ids the entries were read with, else term_ +
    // number for numbered entries (TBX-Basic has no data category for an
    // entry number; readers take it from the id, as from STS ids), the
    // entry's key made an XML ID otherwise (write_detail::entry_ids).
    ids_ = write_detail::entry_ids(v);
    // One TBX source: its parts outside the model are written back.
    const Vocabulary::Impl& impl = VocabularyAccess::impl(v);
    if (impl.files.size() == 1 && !impl.tbx_parts.empty() && impl.tbx_parts[0].tbx) {
      parts_ = &impl.tbx_parts[0];
    }
  }

  void run() {
    const bool dct = options_.tbx_style == TbxStyle::dct;
    xml_.declaration();
    xml_.start("tbx");
    // The source's dialect, where it names one; TBX-Basic otherwise (what
    // the categories this writer adds belong to).
    xml_.attribute("type", parts_ && !parts_->type.empty() ? parts_->type : sv("TBX-Basic"));
    xml_.attribute("style", dct ? "dct" : "dca");
    xml_.attribute("xml:lang", write_detail::default_language(v_));
    xml_.attribute("xmlns", xml_namespace::tbx3);
    if (dct) {
      xml_.attribute("xmlns:min", min_namespace);
      xml_.attribute("xmlns:basic", basic_namespace);
    }
    if (parts_) {
      for (const auto& a : parts_->root_attributes) {
        if (dct && (a.first == "xmlns:min" || a.first == "xmlns:basic")) continue;
        xml_.attribute(a.first, a.second);
      }
    }
    xml_.start("tbxHeader");
    if (parts_ && options_.title.empty()) {
      xml_.raw(parts_->header);
    } else {
      xml_.start("fileDesc");
      if (const std::string_view title = write_detail::title(v_, options_); !title.empty()) {
        xml_.start("titleStmt");
        xml_.text_element("title", title);
        xml_.end();
      }
      xml_.start("sourceDesc");
      xml_.text_element("p", "written by termgraph");
      xml_.end();
      xml_.end();
    }
    xml_.end();
    xml_.start("text");
    xml_.start("body");
    for (const Entry& e : v_.entries()) entry(e);
    xml_.end();
    if (parts_ && parts_->has_back && !parts_->martif) {
      xml_.start("back");
      xml_.raw(parts_->back);
      xml_.end();
    }
    xml_.finish();
  }

private:
  /// Adds the blocks the categories in `cs` (and their details) are.
  void collect_covered(Span<DataCategory> cs) {
    std::vector<Span<DataCategory>> todo{cs};
    while (!todo.empty()) {
      Span<DataCategory> s = todo.back();
      todo.pop_back();
      for (const DataCategory& c : s) {
        if (c.block) covered_.push_back(c.block);
        if (!c.details.empty()) todo.push_back(c.details);
      }
    }
  }

  bool covered(const TextBlock* b) const {
    return std::find(covered_.begin(), covered_.end(), b) != covered_.end();
  }

  void entry(const Entry& e) {
    covered_.clear();
    collect_covered(e.categories);
    for (const LanguageSection& s : e.languages) {
      collect_covered(s.categories);
      for (const Designation& d : s.designations) collect_covered(d.categories);
    }
    xml_.start("conceptEntry");
    xml_.attribute("id", ids_[e.id]);
    categories(e.categories);
    for (const LanguageSection& s : e.languages) section(s);
    xml_.end();
  }

  void section(const LanguageSection& s) {
    xml_.start("langSec");
    xml_.attribute("xml:lang", s.language);
    categories(s.categories);
    if (s.definition && !covered(s.definition)) block(*s.definition, "descrip", "definition");
    for (const TextBlock& b : s.notes) {
      if (!covered(&b)) block(b, "note", {});
    }
    for (const TextBlock& b : s.examples) {
      if (!covered(&b)) block(b, "descrip", "context");
    }
    for (const TextBlock& b : s.sources) {
      if (!covered(&b)) block(b, "admin", "source");
    }
    for (const Designation& d : s.designations) designation(d);
    xml_.end();
  }

  void designation(const Designation& d) {
    xml_.start("termSec");
    if (!d.term_section_id.empty()) xml_.attribute("id", d.term_section_id);
    xml_.start("term");
    if (!d.term_id.empty()) xml_.attribute("id", d.term_id);
    write_detail::write_marked_term(xml_, d, style());
    xml_.end();
    categories(d.categories);
    auto has = [&](sv type) { return !category_value(d.categories, type).empty(); };
    if (!d.part_of_speech.empty() && !has("partOfSpeech")) {
      term_note("partOfSpeech", d.part_of_speech);
    }
    if (d.kind_stated && !has("termType")) term_note("termType", tbx_picklist::term_type(d.kind));
    if (d.status_stated && !has("administrativeStatus") && !has("normativeAuthorization") &&
        !has("usageStatus")) {
      term_note("administrativeStatus", tbx_picklist::administrative_status_value(d.status));
    }
    xml_.end();
  }

  void term_note(sv type, sv value) {
    if (options_.tbx_style == TbxStyle::dct) {
      xml_.text_element(std::string(dct_prefix(type)) + ":" + std::string(type), value);
      return;
    }
    xml_.start("termNote");
    xml_.attribute("type", type);
    xml_.text(value);
    xml_.end();
  }

  /// Categories in order, each with its group (iteratively: groups nest).
  void categories(Span<DataCategory> cs) {
    struct Frame {
      const DataCategory* category;
      std::size_t next;
      bool group;
    };
    std::vector<Frame> stack;
    auto open = [&](const DataCategory& c) {
      sv group = c.grouped || !c.details.empty() ? group_name(c.element) : sv();
      if (!group.empty()) xml_.start(group);
      category(c);
      stack.push_back({&c, 0, !group.empty()});
    };
    for (const DataCategory& top : cs) {
      open(top);
      while (!stack.empty()) {
        Frame& f = stack.back();
        if (f.next < f.category->details.size()) {
          const DataCategory& d = f.category->details[f.next++];
          open(d);
          continue;
        }
        if (f.group) xml_.end();
        stack.pop_back();
      }
    }
  }

  /// One category, without its details: DCA `<element type="...">`, DCT
  /// `<prefix:type>` for a known category (note and date, and unknown
  /// categories, are written as in DCA).
  void category(const DataCategory& c) {
    const sv element = to_string(c.element);
    const sv prefix =
        options_.tbx_style == TbxStyle::dct && !c.type.empty() ? dct_prefix(c.type) : sv();
    if (!prefix.empty()) {
      xml_.start(std::string(prefix) + ":" + std::string(c.type));
    } else {
      xml_.start(element);
      if (!c.type.empty()) xml_.attribute("type", c.type);
    }
    if (!c.target.empty()) xml_.attribute("target", c.target);
    // A ref or xref's block is the link itself: its text is the value.
    if (c.block && c.element != CategoryElement::ref && c.element != CategoryElement::xref) {
      linked_text(*c.block);
    } else {
      xml_.text(c.value);
    }
    xml_.end();
  }

  /// A text block as `element` of `type`.
  void block(const TextBlock& b, sv element, sv type) {
    if (options_.tbx_style == TbxStyle::dct && !type.empty()) {
      xml_.start(std::string(dct_prefix(type)) + ":" + std::string(type));
    } else {
      xml_.start(element);
      if (!type.empty()) xml_.attribute("type", type);
    }
    linked_text(b);
    xml_.end();
  }

  /// A block's text with its inline markup (style()). A markup reference into another document
  /// becomes <xref type="externalCrossReference" target="...">; any other becomes <ref
  /// type="crossReference"> whose target is the concept id of the entry it resolves to, else the id
  /// it was written with, else term_ + its number. One with none of these is written as plain text.
  void linked_text(const TextBlock& b) {
    write_detail::write_linked_text(
        xml_, b,
        [&](const Reference& r) -> std::optional<write_detail::LinkMarkup> {
          std::string target;
          bool external = r.external && !r.target_id.empty();
          if (external || (r.target == no_entry && !r.target_id.empty())) {
            target = r.target_id;
          } else if (r.target != no_entry) {
            target = ids_[r.target];
          } else if (!r.number.empty() && !r.external) {
            target = ids::term_id(ids::xml_id(r.number, ""));
          }
          if (target.empty()) return std::nullopt;
          return write_detail::LinkMarkup{
              external ? "xref" : "ref",
              {{"type", external ? "externalCrossReference" : "crossReference"},
               {"target", std::move(target)}}};
        },
        &style());
  }

  /// Inline markup as TBX has it (write_detail::tbx_inline_style()).
  static const write_detail::InlineStyle& style() { return write_detail::tbx_inline_style(); }

  XmlWriter xml_;
  const Vocabulary& v_;
  const WriteOptions& options_;
  std::vector<std::string> ids_;
  const Vocabulary::Impl::TbxParts* parts_ = nullptr;
  std::vector<const TextBlock*> covered_;  // of the entry being written
};

}  // namespace

void write_tbx(std::ostream& out, const Vocabulary& vocabulary, const WriteOptions& options) {
  TbxWriter(out, vocabulary, options).run();
}

}  // namespace termgraph
