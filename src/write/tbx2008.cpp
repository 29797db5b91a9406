// The TBX 2008 writer: `martif` (ISO 30042:2008) in the shape translation
// tools import (SDL MultiTerm, memoQ, Trados): one termEntry per entry, one
// langSet per language section, one tig per designation (an ntig only where
// a term note is grouped), valid against the TBX 2008 core structure DTD
// (TBXcoreStructV02.dtd). Data categories are written at their level, in
// their order, with their groups; blocks no category covers (inputs from
// formats without categories) in the default layout. The mapping, and what
// does not fit the DTD, is in docs/formats.md.
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "format/ids.hpp"
#include "format/tbx_picklists.hpp"
#include "model/impl.hpp"
#include "termgraph/write.hpp"
#include "text/numbers.hpp"
#include "write/detail.hpp"
#include "write/writers.hpp"
#include "write/xml_writer.hpp"

namespace termgraph {

namespace {

using El = CategoryElement;

/// Where a category is written: an entry or language section (the DTD's
/// auxInfo), a tig or ntig after its term notes, or inside a group.
enum class Place { aux, descrip_grp, admin_grp, transac_grp, term_note_grp };

/// Whether the DTD allows `element` directly in `place` (not as a group's
/// first member).
bool allowed_in(El element, Place place) {
  switch (place) {
    case Place::aux:
      return element == El::descrip || element == El::admin || element == El::note ||
             element == El::ref || element == El::xref;
    case Place::descrip_grp:
      return element == El::descrip_note || element == El::admin || element == El::note ||
             element == El::ref || element == El::xref;
    case Place::admin_grp:
      return element == El::admin_note || element == El::note || element == El::ref ||
             element == El::xref;
    case Place::transac_grp:
      return element == El::transac_note || element == El::date || element == El::note ||
             element == El::ref || element == El::xref;
    case Place::term_note_grp:
      return element == El::admin || element == El::note || element == El::ref ||
             element == El::xref;
  }
  return false;
}

/// Whether a group of `place` may hold an adminGrp / a transacGrp.
bool holds_groups(Place place) {
  return place == Place::descrip_grp || place == Place::term_note_grp;
}

/// Elements whose content the DTD allows inline markup in (`hi`).
bool rich_content(El element) {
  return element == El::descrip || element == El::admin || element == El::term_note ||
         element == El::note;
}

/// What the reader derives from an entry id: the number (is_entry_number
/// or ids::number_in_id), else the id itself as an unnumbered key.
bool id_keeps_number(std::string_view id, const Entry& e) {
  std::string_view number = is_entry_number(id) ? id : ids::number_in_id(id);
  if (!number.empty()) return e.numbered && number == e.number;
  return !e.numbered && id == e.number;
}

/// True for an XML NCName made of the characters ids::xml_id() keeps.
bool plain_ncname(std::string_view id) {
  if (id.empty()) return false;
  char c = id.front();
  if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_')) return false;
  for (char ch : id) {
    bool ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
              ch == '_' || ch == '-' || ch == '.';
    if (!ok) return false;
  }
  return true;
}

class Tbx2008Writer {
public:
  Tbx2008Writer(std::ostream& out, const Vocabulary& v, const WriteOptions& options)
      : out_(out), xml_(out, options.indent), v_(v), options_(options) {
    // Entry ids: the entry's own id where it is an XML ID that reads back
    // as the same number (or key); else, as the TBX v3 writer, term_ + the
    // number for numbered entries and the key made an XML ID otherwise;
    // made unique by "--N".
    ids::UniqueIds used;
    ids_.reserve(v.size());
    for (const Entry& e : v.entries()) {
      std::string id;
      for (std::string_view own : e.ids) {
        if (plain_ncname(own) && id_keeps_number(own, e)) {
          id = std::string(own);
          break;
        }
      }
      if (id.empty()) {
        id = e.numbered ? ids::term_id(ids::xml_id(e.number, "")) : ids::xml_id(e.number, "c-");
      }
      ids_.push_back(used.add(id));
    }
    for (const Entry& e : v.entries()) {
      for (std::string_view own : e.ids) by_id_.emplace(own, e.id);
    }
    // Term and term-section ids are kept where they are XML IDs no entry
    // (or earlier term) took: cross-references may target them.
    for (const Entry& e : v.entries()) {
      for (const LanguageSection& s : e.languages) {
        for (const Designation& d : s.designations) {
          for (std::string_view id : {d.term_section_id, d.term_id}) {
            if (plain_ncname(id) && used.take(std::string(id))) term_ids_.insert(id);
          }
        }
      }
    }
    // One TBX 2008 source: its header (outside the model) is written back.
    const Vocabulary::Impl& impl = VocabularyAccess::impl(v);
    if (impl.files.size() == 1 && !impl.tbx_parts.empty() && impl.tbx_parts[0].tbx &&
        impl.tbx_parts[0].martif) {
      parts_ = &impl.tbx_parts[0];
    }
  }

  void run() {
    xml_.declaration();
    out_ << "<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">\n";
    xml_.start("martif");
    // The source's type where there is one (TBX, TBX-Basic ...).
    xml_.attribute("type", parts_ && !parts_->type.empty() ? parts_->type : "TBX");
    xml_.attribute("xml:lang", write_detail::default_language(v_));
    xml_.start("martifHeader");
    if (parts_ && options_.title.empty()) {
      xml_.raw(parts_->header);
    } else {
      header();
    }
    xml_.end();
    xml_.start("text");
    xml_.start("body");
    for (const Entry& e : v_.entries()) entry(e);
    xml_.finish();
  }

private:
  /// The header termgraph writes: fileDesc (titleStmt/title when there is
  /// a title, sourceDesc/p), encodingDesc/p.
  void header() {
    xml_.start("fileDesc");
    // --title, else the inputs' own title (Vocabulary::title()).
    if (const std::string_view title = write_detail::title(v_, options_); !title.empty()) {
      xml_.start("titleStmt");
      xml_.text_element("title", title);
      xml_.end();
    }
    xml_.start("sourceDesc");
    xml_.text_element("p", "written by termgraph");
    xml_.end();
    xml_.end();
    xml_.start("encodingDesc");
    xml_.text_element("p",
                      "TBX 2008 core structure (TBXcoreStructV02.dtd), TBX-Basic data "
                      "categories");
    xml_.end();
  }

  void entry(const Entry& e) {
    // The blocks categories cover are written where those categories are.
    covered_.clear();
    auto cover = [&](Span<DataCategory> cs) {
      for (const DataCategory& c : cs) {
        if (c.block) covered_.insert(c.block);
        for (const DataCategory& d : c.details) {
          if (d.block) covered_.insert(d.block);
        }
      }
    };
    cover(e.categories);
    for (const LanguageSection& s : e.languages) {
      cover(s.categories);
      for (const Designation& d : s.designations) cover(d.categories);
    }

    xml_.start("termEntry");
    xml_.attribute("id", ids_[e.id]);
    for (const DataCategory& c : e.categories) category(c);
    for (const LanguageSection& s : e.languages) section(s);
    xml_.end();
  }

  void section(const LanguageSection& s) {
    xml_.start("langSet");
    xml_.attribute("xml:lang", s.language);
    if (s.definition && !covered_.count(s.definition)) {
      block_element(*s.definition, El::descrip, "definition");
    }
    for (const TextBlock& b : s.notes) {
      if (!covered_.count(&b)) block_element(b, El::note, {});
    }
    for (const TextBlock& b : s.examples) {
      if (!covered_.count(&b)) block_element(b, El::descrip, "context");
    }
    for (const TextBlock& b : s.sources) {
      if (!covered_.count(&b)) block_element(b, El::admin, "source");
    }
    for (const DataCategory& c : s.categories) category(c);
    for (const Designation& d : s.designations) designation(d);
    xml_.end();
  }

  static bool covers(const Designation& d, std::string_view type) {
    for (const DataCategory& c : d.categories) {
      if (c.type == type) return true;
    }
    return false;
  }

  static bool grouped_term_note(const DataCategory& c) {
    return c.element == El::term_note && (c.grouped || !c.details.empty());
  }

  /// A tig: the term, its term notes (those the model holds as fields and
  /// the source stated, then the term-note categories in order), then the
  /// other categories in order. An ntig (termGrp) where a term note is
  /// grouped: tig has no termNoteGrp.
  void designation(const Designation& d) {
    bool ntig = false;
    for (const DataCategory& c : d.categories) ntig = ntig || grouped_term_note(c);
    xml_.start(ntig ? "ntig" : "tig");
    if (term_ids_.count(d.term_section_id)) xml_.attribute("id", d.term_section_id);
    if (ntig) xml_.start("termGrp");
    xml_.start("term");
    if (term_ids_.count(d.term_id)) xml_.attribute("id", d.term_id);
    write_detail::write_marked_term(xml_, d, write_detail::tbx_inline_style());
    xml_.end();
    if (!d.part_of_speech.empty() && !covers(d, "partOfSpeech")) {
      simple("termNote", "partOfSpeech", d.part_of_speech);
    }
    if (d.kind_stated && !covers(d, "termType")) {
      simple("termNote", "termType", tbx_picklist::term_type(d.kind));
    }
    if (d.status_stated && !covers(d, "administrativeStatus") &&
        !covers(d, "normativeAuthorization") && !covers(d, "usageStatus")) {
      simple("termNote", "administrativeStatus",
             tbx_picklist::administrative_status_value(d.status));
    }
    for (const DataCategory& c : d.categories) {
      if (c.element != El::term_note) continue;
      if (grouped_term_note(c)) {
        group(c, "termNoteGrp", Place::term_note_grp);
      } else {
        plain(c);
      }
    }
    if (ntig) xml_.end();
    for (const DataCategory& c : d.categories) {
      if (c.element != El::term_note) category(c);
    }
    xml_.end();
  }

  void simple(std::string_view element, std::string_view type, std::string_view value) {
    xml_.start(element);
    xml_.attribute("type", type);
    xml_.text(value);
    xml_.end();
  }

  /// One category at an entry, language section or term (after the term
  /// notes): a group where it was grouped and the DTD has one for its
  /// element (a transaction always is), else one element.
  void category(const DataCategory& c) {
    const bool group_it = c.grouped || !c.details.empty();
    if (c.element == El::descrip && group_it) return group(c, "descripGrp", Place::descrip_grp);
    if (c.element == El::admin && group_it) return group(c, "adminGrp", Place::admin_grp);
    if (c.element == El::transac) return group(c, "transacGrp", Place::transac_grp);
    loose(c);
    // A category the DTD has no group for keeps its details after it.
    for (const DataCategory& d : c.details) loose(d);
  }

  /// `c` alone at an entry, language section or term (after the term
  /// notes), as its own element where the DTD allows it there; else (a
  /// termNote outside a term, a descripNote, adminNote, transacNote, date
  /// or transaction outside its group) its type and value as a descrip
  /// (for a termNote) or a note. Its own details are not written (groups
  /// do not nest there).
  void loose(const DataCategory& c) {
    if (allowed_in(c.element, Place::aux)) return plain(c);
    plain(c, c.element == El::term_note ? El::descrip : El::note);
  }

  /// A group: `c` first, then those of its details the DTD allows in it
  /// (an admin or transaction detail with details of its own as a nested
  /// adminGrp / transacGrp where the group may hold one); the others after
  /// the group, at the group's level (loose()); in a termNoteGrp, which
  /// only term notes may follow, a term note after it and any other as a
  /// note in it.
  void group(const DataCategory& c, std::string_view name, Place place) {
    xml_.start(name);
    plain(c);
    std::vector<const DataCategory*> outside;
    for (const DataCategory& d : c.details) {
      const bool nested = d.grouped || !d.details.empty();
      if (holds_groups(place) && d.element == El::admin && nested) {
        inner_group(d, "adminGrp", Place::admin_grp);
      } else if (holds_groups(place) && d.element == El::transac) {
        inner_group(d, "transacGrp", Place::transac_grp);
      } else if (allowed_in(d.element, place)) {
        plain(d);
      } else if (place == Place::term_note_grp && d.element != El::term_note) {
        // After a termNoteGrp comes only term notes (termGrp): kept in the
        // group as a note.
        plain(d, El::note);
      } else {
        outside.push_back(&d);
      }
    }
    xml_.end();
    for (const DataCategory* d : outside) {
      if (place == Place::term_note_grp) {
        plain(*d);  // a term note, still among its term's notes
      } else {
        loose(*d);
      }
    }
  }

  /// A group inside a descripGrp or termNoteGrp: its own details where the
  /// DTD allows them, the others as notes after it (groups nest no deeper).
  void inner_group(const DataCategory& c, std::string_view name, Place place) {
    xml_.start(name);
    plain(c);
    std::vector<const DataCategory*> outside;
    for (const DataCategory& d : c.details) {
      if (allowed_in(d.element, place)) {
        plain(d);
      } else {
        outside.push_back(&d);
      }
    }
    xml_.end();
    for (const DataCategory* d : outside) plain(*d, El::note);
  }

  /// `c` as one element: `as` (its own element unless given), its type
  /// (none for note and date), its target where the DTD can hold it, and
  /// its content: the block it is, with inline links, else its value.
  void plain(const DataCategory& c, std::optional<El> as = std::nullopt) {
    const El element = as ? *as : c.element;
    xml_.start(to_string(element));
    if (element != El::note && element != El::date) {
      std::string_view type = c.type;
      if (type.empty()) type = element == El::ref ? "crossReference" : to_string(c.element);
      xml_.attribute("type", type);
    }
    if (element == El::xref) {
      // xref's target is any URI (required by the DTD).
      std::string target = std::string(c.target);
      if (target.empty() && c.block) target = link_target(*c.block, true);
      xml_.attribute("target", target);
    } else if (element != El::note && element != El::date) {
      // Elsewhere target is an IDREF: only the id of an entry written here.
      std::string target = entry_target(c.target);
      if (target.empty() && element == El::ref && c.block) target = link_target(*c.block, false);
      if (!target.empty()) xml_.attribute("target", target);
    }
    if (c.block && rich_content(element)) {
      linked_text(*c.block);
    } else if (c.block) {
      xml_.text(c.block->text);
    } else {
      xml_.text(c.value);
    }
    xml_.end();
  }

  /// The written id of the entry an id of the model names, or empty.
  std::string entry_target(std::string_view target) const {
    if (target.empty()) return {};
    auto it = by_id_.find(target);
    if (it != by_id_.end()) return ids_[it->second];
    return term_ids_.count(target) ? std::string(target) : std::string();
  }

  /// The target of the first link of a block: for an entry, its written id
  /// (resolved, else by the id it was written with); external: the URI.
  std::string link_target(const TextBlock& b, bool external) const {
    for (const Reference* r : write_detail::links_of(b)) {
      if (external) {
        if (r->external && !r->target_id.empty()) return std::string(r->target_id);
        continue;
      }
      if (r->external) continue;
      if (r->target != no_entry) return ids_[r->target];
      std::string t = entry_target(r->target_id);
      if (!t.empty()) return t;
    }
    return {};
  }

  void block_element(const TextBlock& b, El element, std::string_view type) {
    xml_.start(to_string(element));
    if (!type.empty()) xml_.attribute("type", type);
    linked_text(b);
    xml_.end();
  }

  /// A block's text with its inline markup as `hi`
  /// (write_detail::tbx_inline_style()); each link to an entry of this document as
  /// `<hi type="entailedTerm" target="ID">`. The DTD has no inline element
  /// for a link to anything else (an entry not written here, an outside
  /// resource): those stay plain text.
  void linked_text(const TextBlock& b) {
    write_detail::write_linked_text(
        xml_, b,
        [&](const Reference& r) -> std::optional<write_detail::LinkMarkup> {
          if (r.external) return std::nullopt;
          std::string target = r.target != no_entry ? ids_[r.target] : entry_target(r.target_id);
          if (target.empty()) return std::nullopt;
          return write_detail::LinkMarkup{
              "hi", {{"type", "entailedTerm"}, {"target", std::move(target)}}};
        },
        &write_detail::tbx_inline_style());
  }

  std::ostream& out_;
  XmlWriter xml_;
  const Vocabulary& v_;
  const WriteOptions& options_;
  std::vector<std::string> ids_;
  std::unordered_map<std::string_view, EntryId> by_id_;
  std::unordered_set<std::string_view> term_ids_;  // term and term-section ids written as read
  std::unordered_set<const TextBlock*> covered_;
  const Vocabulary::Impl::TbxParts* parts_ = nullptr;
};

}  // namespace

void write_tbx2008(std::ostream& out, const Vocabulary& vocabulary, const WriteOptions& options) {
  Tbx2008Writer(out, vocabulary, options).run();
}

}  // namespace termgraph
