// The NISO STS writer: one terms clause (`sec sec-type="terms"`) holding a
// `term-sec` per entry, each with its TBX `termEntry` under the prefix
// `tbx` (docs/formats.md). The STS reader gives the same model back, except
// for the ids STS adds (sec_N, term_N) where the model had none.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "format/ids.hpp"
#include "format/namespaces.hpp"
#include "format/tbx_picklists.hpp"
#include "termgraph/rules.hpp"
#include "termgraph/write.hpp"
#include "write/detail.hpp"
#include "write/xml_writer.hpp"

namespace termgraph {

namespace {

struct EntryIds {
  std::string sec;    // term-sec id; empty: none
  std::string entry;  // termEntry id
};

/// The ids written for each entry, unique in the document. The ids as
/// read where they are name tokens (ids::is_xml_id(): `2_76365` too) not taken by an earlier entry:
/// two (as the STS reader gives them) are the term-sec id and the termEntry id, one is the
/// termEntry id. Else, for an entry without a number, its key when that is a name token (the reader
/// takes it as the key again). Only entries left without ids get generated ones: sec_N and term_N
/// for a numbered entry, else the key made an XML ID (prefix "c-"); "--N" keeps them unique.
std::vector<EntryIds> ids_of(const Vocabulary& v) {
  std::vector<EntryIds> out(v.size());
  std::vector<bool> done(v.size(), false);
  ids::UniqueIds used;
  for (const Entry& e : v.entries()) {
    EntryIds& ids = out[e.id];
    if (e.ids.size() >= 2 && e.ids[0] != e.ids[1] && ids::is_xml_id(e.ids[0]) &&
        ids::is_xml_id(e.ids[1])) {
      ids = {std::string(e.ids[0]), std::string(e.ids[1])};
      if (used.take(ids.sec) && used.take(ids.entry)) {
        done[e.id] = true;
        continue;
      }
      ids = {};
    }
    for (std::string_view id : e.ids) {
      if (ids::is_xml_id(id) && used.take(std::string(id))) {
        ids = {{}, std::string(id)};
        break;
      }
    }
    if (ids.entry.empty() && !e.numbered && ids::is_xml_id(e.number) &&
        used.take(std::string(e.number))) {
      ids = {{}, std::string(e.number)};
    }
    done[e.id] = !ids.entry.empty();
  }
  for (const Entry& e : v.entries()) {
    if (done[e.id]) continue;
    if (e.numbered) {
      const std::string number = ids::xml_id(e.number, "");
      out[e.id] = {used.add(ids::section_id(number)), used.add(ids::term_id(number))};
    } else {
      out[e.id] = {{}, used.add(ids::xml_id(e.number, "c-"))};
    }
  }
  return out;
}

class StsWriter {
public:
  StsWriter(std::ostream& out, const Vocabulary& v, const WriteOptions& options)
      : xml_(out, options.indent), v_(v), options_(options), ids_(ids_of(v)) {}

  void run() {
    const std::string language = write_detail::default_language(v_);
    xml_.declaration();
    xml_.start("standard");
    xml_.attribute("xmlns:tbx", xml_namespace::sts_tbx);
    xml_.start("front");
    xml_.start("std-meta");
    if (const std::string_view title = write_detail::title(v_, options_); !title.empty()) {
      xml_.start("title-wrap");
      xml_.attribute("xml:lang", language);
      xml_.text_element("main", title);
      xml_.end();
    }
    // The declared languages, else (as always) the language most entries
    // start with.
    const std::vector<std::string_view> declared = write_detail::declared_languages(v_);
    if (declared.empty()) xml_.text_element("content-language", language);
    for (std::string_view tag : declared) xml_.text_element("content-language", tag);
    xml_.end();
    xml_.end();
    xml_.start("body");
    xml_.start("sec");
    xml_.attribute("sec-type", "terms");
    xml_.attribute("id", ids::section_id("3"));
    xml_.text_element("title", "Terms and definitions");
    for (const Entry& e : v_.entries()) entry(e);
    xml_.finish();
  }

private:
  void entry(const Entry& e) {
    const EntryIds& ids = ids_[e.id];
    xml_.start("term-sec");
    if (!ids.sec.empty()) xml_.attribute("id", ids.sec);
    if (e.numbered) xml_.text_element("label", e.number);
    xml_.start("tbx:termEntry");
    if (!ids.entry.empty()) xml_.attribute("id", ids.entry);
    // Entry level: graphics; a subject field goes into each langSet (STS
    // has it at language level only).
    std::vector<const DataCategory*> subject_fields;
    for (const DataCategory& c : e.categories) {
      if (c.block != nullptr && c.block->kind != BlockKind::cross_reference) continue;
      if (c.type == "xGraphic" && (c.element == CategoryElement::xref) && c.block == nullptr) {
        xml_.start("tbx:xGraphic");
        if (!c.target.empty()) xml_.attribute("xtarget", c.target);
        if (!c.value.empty()) xml_.text(c.value);
        xml_.end();
        lost_details(c);
      } else if (c.type == "subjectField" && c.block == nullptr && !e.languages.empty()) {
        subject_fields.push_back(&c);
        lose(c, "is written in each language section (STS has it at language level only)");
      } else {
        lose(c, "at entry level");
      }
    }
    for (const LanguageSection& s : e.languages) section(s, subject_fields);
    xml_.end();
    xml_.end();
  }

  void section(const LanguageSection& s, const std::vector<const DataCategory*>& entry_fields) {
    xml_.start("tbx:langSet");
    xml_.attribute("xml:lang", s.language);
    // ISO's order: subject field, definition, notes, examples, sources,
    // see and cross-references, then the terms.
    for (const DataCategory* c : entry_fields) text_category("tbx:subjectField", *c);
    std::vector<const DataCategory*> after;
    for (const DataCategory& c : s.categories) {
      if (c.block != nullptr && c.block->kind != BlockKind::cross_reference) continue;
      if (c.type == "subjectField" && c.block == nullptr) {
        text_category("tbx:subjectField", c);
      } else if (c.type == "crossReference" || c.type == "see" || c.type == "xSource" ||
                 c.type == "externalCrossReference") {
        after.push_back(&c);
      } else {
        lose(c, "at language level");
      }
    }
    if (s.definition) block(*s.definition);
    for (const TextBlock& b : s.notes) block(b);
    for (const TextBlock& b : s.examples) block(b);
    for (const TextBlock& b : s.sources) block(b);
    for (const DataCategory* c : after) link_category(*c);
    for (const Designation& d : s.designations) designation(d);
    xml_.end();
  }

  /// A tig: the term, then what the source stated of it (part of speech,
  /// status, type: nothing is written that the model only assumed), then
  /// the term-level categories ISO STS has elements for.
  void designation(const Designation& d) {
    xml_.start("tbx:tig");
    if (!d.term_section_id.empty()) xml_.attribute("id", d.term_section_id);
    // The term with its inline markup where the source had some (MTTF
    // <sub>d</sub>), else its text.
    xml_.start("tbx:term");
    if (!d.term_id.empty()) xml_.attribute("id", d.term_id);
    write_detail::write_marked_term(xml_, d, style());
    xml_.end();
    if (!d.part_of_speech.empty()) value_element("tbx:partOfSpeech", d.part_of_speech);
    if (d.status_stated) {
      value_element("tbx:normativeAuthorization", tbx_picklist::normative_authorization(d.status));
    }
    if (d.kind_stated) value_element("tbx:termType", tbx_picklist::term_type(d.kind));
    for (const DataCategory& c : d.categories) {
      if (c.type == "partOfSpeech" || c.type == "termType" || c.type == "administrativeStatus" ||
          c.type == "normativeAuthorization" || c.type == "usageStatus") {
        continue;  // fields of the designation, written above
      }
      if (c.block != nullptr) {
        lose(c, "at term level");
      } else if (c.type == "grammaticalGender" || c.type == "grammaticalNumber") {
        value_element("tbx:" + std::string(c.type), c.value);
        lost_details(c);
      } else if (c.type == "geographicalUsage" || c.type == "pronunciation" ||
                 c.type == "usageNote") {
        text_category("tbx:" + std::string(c.type), c);
      } else {
        lose(c, "at term level");
      }
    }
    xml_.end();
  }

  void value_element(const std::string& element, std::string_view value) {
    xml_.start(element);
    xml_.attribute("value", value);
    xml_.end();
  }

  /// A category written as an element holding its value as text.
  void text_category(const std::string& element, const DataCategory& c) {
    xml_.text_element(element, c.value);
    lost_details(c);
  }

  /// tbx:crossReference (text only: STS gives it no target), tbx:see
  /// (@target) or tbx:xSource (@xtarget).
  void link_category(const DataCategory& c) {
    const bool external = c.type == "xSource" || c.type == "externalCrossReference";
    const std::string_view text = c.block != nullptr ? c.block->text : c.value;
    if (external) {
      xml_.start("tbx:xSource");
      if (!c.target.empty()) xml_.attribute("xtarget", c.target);
    } else if (c.type == "see") {
      xml_.start("tbx:see");
      if (!c.target.empty()) xml_.attribute("target", c.target);
    } else {
      xml_.start("tbx:crossReference");
      if (!c.target.empty()) lose_named("crossReference target", c, "");
    }
    xml_.text(text);
    xml_.end();
    lost_details(c);
  }

  /// Reports the members of a group (sources, notes and dates of a
  /// category): STS has no groups.
  void lost_details(const DataCategory& c) {
    for (const DataCategory& d : c.details) lose(d, "in a group");
  }

  /// Reports `c` (and its group) as not written.
  void lose(const DataCategory& c, std::string_view where) {
    std::string name = c.type.empty() ? std::string(to_string(c.element)) : std::string(c.type);
    lose_named(name, c, where);
    for (const DataCategory& d : c.details) lose(d, "in a group");
  }

  /// One lossy-conversion diagnostic per name, at the first occurrence.
  void lose_named(const std::string& name, const DataCategory& c, std::string_view where) {
    if (options_.lost == nullptr) return;
    for (const std::string& seen : lost_names_) {
      if (seen == name) return;
    }
    lost_names_.push_back(name);
    Diagnostic d;
    d.rule = &rules::lossy_conversion;
    d.severity = rules::lossy_conversion.severity;
    d.range = c.range;
    const bool moved = where.rfind("is written", 0) == 0;
    d.message =
        "data category '" + name + "' (" + std::string(to_string(c.element)) + ") " +
        (moved ? std::string(where)
               : "cannot be written in STS" +
                     (where.empty() ? std::string() : " " + std::string(where)) + "; left out");
    options_.lost->push_back(std::move(d));
  }

  /// A text block with its inline markup; markup references become entailedTerm: @xtarget for
  /// one into another document, else @target: the id it was written with,
  /// else its number when the number is not in its text (it came from a
  /// link target; the reader accepts a bare number), else the termEntry id
  /// of the entry it resolves to. One with none of these has no attribute,
  /// as it was read.
  void block(const TextBlock& b) {
    xml_.start("tbx:" + std::string(to_string(b.kind)));  // tbx:definition ...
    write_detail::write_linked_text(
        xml_, b,
        [&](const Reference& r) {
          write_detail::LinkMarkup link{"tbx:entailedTerm", {}};
          if (r.external && !r.target_id.empty()) {
            link.attributes.emplace_back("xtarget", r.target_id);
          } else if (!r.target_id.empty()) {
            link.attributes.emplace_back("target", r.target_id);
          } else if (!r.number.empty() && !write_detail::within(r.number, b.text)) {
            // The number came from the link's target, not from its text.
            link.attributes.emplace_back("target", r.number);
          } else if (r.target != no_entry && !ids_[r.target].entry.empty()) {
            link.attributes.emplace_back("target", ids_[r.target].entry);
          }
          return std::optional<write_detail::LinkMarkup>(std::move(link));
        },
        &style());
    xml_.end();
  }

  /// Inline markup as the model has it: STS names, MathML whole.
  static const write_detail::InlineStyle& style() {
    static const write_detail::InlineStyle sts{
        [](std::string_view name) {
          return std::optional<write_detail::LinkMarkup>(write_detail::LinkMarkup{name, {}});
        },
        true};
    return sts;
  }

  XmlWriter xml_;
  const Vocabulary& v_;
  const WriteOptions& options_;
  std::vector<EntryIds> ids_;
  std::vector<std::string> lost_names_;  // names reported as lost
};

}  // namespace

void write_sts(std::ostream& out, const Vocabulary& vocabulary, const WriteOptions& options) {
  StsWriter(out, vocabulary, options).run();
}

}  // namespace termgraph
