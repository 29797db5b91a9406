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
#include "termgraph/write.hpp"
#include "write/detail.hpp"
#include "write/xml_writer.hpp"

namespace termgraph {

namespace {

struct EntryIds {
  std::string sec;    // term-sec id; empty: none
  std::string entry;  // termEntry id
};

/// The ids written for an entry. Two ids (as the STS reader gives them):
/// term-sec id and termEntry id. One: the termEntry id. None: sec_N and
/// term_N for a numbered entry, else the entry's key as termEntry id (the
/// reader takes it as the key again).
EntryIds ids_of(const Entry& e) {
  if (e.ids.size() >= 2) return {std::string(e.ids[0]), std::string(e.ids[1])};
  if (e.ids.size() == 1) return {{}, std::string(e.ids[0])};
  if (e.numbered) return {ids::section_id(e.number), ids::term_id(e.number)};
  return {{}, std::string(e.number)};
}

class StsWriter {
public:
  StsWriter(std::ostream& out, const Vocabulary& v, const WriteOptions& options)
      : xml_(out, options.indent), v_(v), options_(options) {
    ids_.reserve(v.size());
    for (const Entry& e : v.entries()) ids_.push_back(ids_of(e));
  }

  void run() {
    const std::string language = write_detail::default_language(v_);
    xml_.declaration();
    xml_.start("standard");
    xml_.attribute("xmlns:tbx", xml_namespace::sts_tbx);
    xml_.start("front");
    xml_.start("std-meta");
    if (!options_.title.empty()) {
      xml_.start("title-wrap");
      xml_.attribute("xml:lang", language);
      xml_.text_element("main", options_.title);
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
    for (const LanguageSection& s : e.languages) section(s);
    xml_.end();
    xml_.end();
  }

  void section(const LanguageSection& s) {
    xml_.start("tbx:langSet");
    xml_.attribute("xml:lang", s.language);
    if (s.definition) block(*s.definition);
    for (const TextBlock& b : s.notes) block(b);
    for (const TextBlock& b : s.examples) block(b);
    for (const TextBlock& b : s.sources) block(b);
    for (const Designation& d : s.designations) {
      xml_.start("tbx:tig");
      xml_.text_element("tbx:term", d.text);
      if (!d.part_of_speech.empty()) {
        xml_.start("tbx:partOfSpeech");
        xml_.attribute("value", d.part_of_speech);
        xml_.end();
      }
      xml_.start("tbx:normativeAuthorization");
      xml_.attribute("value", tbx_picklist::normative_authorization(d.status));
      xml_.end();
      xml_.start("tbx:termType");
      xml_.attribute("value", tbx_picklist::term_type(d.kind));
      xml_.end();
      xml_.end();
    }
    xml_.end();
  }

  /// A text block; markup references become entailedTerm: @xtarget for
  /// one into another document, else @target: the id it was written with,
  /// else its number when the number is not in its text (it came from a
  /// link target; the reader accepts a bare number), else the termEntry id
  /// of the entry it resolves to. One with none of these has no attribute,
  /// as it was read.
  void block(const TextBlock& b) {
    xml_.start("tbx:" + std::string(to_string(b.kind)));  // tbx:definition ...
    write_detail::write_linked_text(xml_, b, [&](const Reference& r) {
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
    });
    xml_.end();
  }

  XmlWriter xml_;
  const Vocabulary& v_;
  const WriteOptions& options_;
  std::vector<EntryIds> ids_;
};

}  // namespace

void write_sts(std::ostream& out, const Vocabulary& vocabulary, const WriteOptions& options) {
  StsWriter(out, vocabulary, options).run();
}

}  // namespace termgraph
