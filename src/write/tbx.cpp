// The TBX v3 writer: TBX-Basic in the DCA style (in the TBX v3 namespace,
// format/namespaces.cpp). One conceptEntry per entry, one langSec per
// language section, one termSec per designation. The mapping, and where it
// leaves TBX-Basic, is in docs/formats.md.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "format/ids.hpp"
#include "format/namespaces.hpp"
#include "format/tbx_picklists.hpp"
#include "termgraph/write.hpp"
#include "write/detail.hpp"
#include "write/xml_writer.hpp"

namespace termgraph {

namespace {

class TbxWriter {
public:
  TbxWriter(std::ostream& out, const Vocabulary& v, const WriteOptions& options)
      : xml_(out, options.indent), v_(v), options_(options) {
    // Concept ids: the ids the entries were read with, else term_ +
    // number for numbered entries (TBX-Basic has no data category for an
    // entry number; readers take it from the id, as from STS ids), the
    // entry's key made an XML ID otherwise (write_detail::entry_ids).
    ids_ = write_detail::entry_ids(v);
  }

  void run() {
    xml_.declaration();
    xml_.start("tbx");
    xml_.attribute("type", "TBX-Basic");
    xml_.attribute("style", "dca");
    xml_.attribute("xml:lang", write_detail::default_language(v_));
    xml_.attribute("xmlns", xml_namespace::tbx3);
    xml_.start("tbxHeader");
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
    xml_.end();
    xml_.start("text");
    xml_.start("body");
    for (const Entry& e : v_.entries()) entry(e);
    xml_.finish();
  }

private:
  void entry(const Entry& e) {
    xml_.start("conceptEntry");
    xml_.attribute("id", ids_[e.id]);
    for (const LanguageSection& s : e.languages) section(s);
    xml_.end();
  }

  void section(const LanguageSection& s) {
    xml_.start("langSec");
    xml_.attribute("xml:lang", s.language);
    if (s.definition) block(*s.definition, "descrip", "definition");
    for (const TextBlock& b : s.notes) block(b, "note", {});
    for (const TextBlock& b : s.examples) block(b, "descrip", "context");
    for (const TextBlock& b : s.sources) block(b, "admin", "source");
    for (const Designation& d : s.designations) {
      xml_.start("termSec");
      xml_.text_element("term", d.text);
      if (!d.part_of_speech.empty()) term_note("partOfSpeech", d.part_of_speech);
      term_note("termType", tbx_picklist::term_type(d.kind));
      term_note("administrativeStatus", tbx_picklist::administrative_status_value(d.status));
      xml_.end();
    }
    xml_.end();
  }

  void term_note(std::string_view type, std::string_view value) {
    xml_.start("termNote");
    xml_.attribute("type", type);
    xml_.text(value);
    xml_.end();
  }

  /// A text block. A markup reference into another document becomes
  /// <xref type="externalCrossReference" target="...">; any other becomes
  /// <ref type="crossReference"> whose target is the concept id of the
  /// entry it resolves to, else the id it was written with, else term_ +
  /// its number. One with none of these is written as plain text.
  void block(const TextBlock& b, std::string_view element, std::string_view type) {
    xml_.start(element);
    if (!type.empty()) xml_.attribute("type", type);
    write_detail::write_linked_text(
        xml_, b, [&](const Reference& r) -> std::optional<write_detail::LinkMarkup> {
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
        });
    xml_.end();
  }

  XmlWriter xml_;
  const Vocabulary& v_;
  const WriteOptions& options_;
  std::vector<std::string> ids_;
};

}  // namespace

void write_tbx(std::ostream& out, const Vocabulary& vocabulary, const WriteOptions& options) {
  TbxWriter(out, vocabulary, options).run();
}

}  // namespace termgraph
