// The TBX v3 writer: TBX-Basic in the DCA style (namespace
// urn:iso:std:iso:30042:ed-2). One conceptEntry per entry, one langSec per
// language section, one termSec per designation. The mapping, and where it
// leaves TBX-Basic, is in docs/formats.md.
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "termgraph/write.hpp"
#include "write/detail.hpp"
#include "write/xml_writer.hpp"

namespace termgraph {

namespace {

bool ascii_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-' || c == '_';
}

/// An XML ID (NCName) for `key`: U+2010 and U+2011 hyphens become '-',
/// other characters outside [A-Za-z0-9._-] become '_', and a key that does
/// not start with a letter or '_' is prefixed with `prefix`.
std::string xml_id(std::string_view key, std::string_view prefix) {
  std::string out;
  for (std::size_t i = 0; i < key.size(); ++i) {
    char c = key[i];
    if (c == '\xE2' && i + 2 < key.size() && key[i + 1] == '\x80' &&
        (key[i + 2] == '\x90' || key[i + 2] == '\x91')) {
      out += '-';
      i += 2;
    } else if (ascii_name_char(c)) {
      out += c;
    } else {
      out += '_';
      // One '_' per character, not per byte.
      while (i + 1 < key.size() && (static_cast<unsigned char>(key[i + 1]) & 0xC0) == 0x80) ++i;
    }
  }
  bool letter = !out.empty() && ((out[0] >= 'a' && out[0] <= 'z') ||
                                 (out[0] >= 'A' && out[0] <= 'Z') || out[0] == '_');
  return letter ? out : std::string(prefix) + out;
}

class TbxWriter {
public:
  TbxWriter(std::ostream& out, const Vocabulary& v, const WriteOptions& options)
      : xml_(out, options.indent), v_(v), options_(options) {
    // Concept ids: term_ + number for numbered entries (TBX-Basic has no
    // data category for an entry number; readers take it from the id, as
    // from STS ids), the entry's key made an XML ID otherwise; made unique
    // by a suffix "--N" where two would clash (readers strip it again, see
    // number_in_id).
    std::unordered_set<std::string> used;
    ids_.reserve(v.size());
    for (const Entry& e : v.entries()) {
      std::string id = e.numbered ? "term_" + xml_id(e.number, "") : xml_id(e.number, "c-");
      std::string unique = id;
      for (int n = 2; !used.insert(unique).second; ++n) unique = id + "--" + std::to_string(n);
      ids_.push_back(std::move(unique));
    }
  }

  void run() {
    xml_.declaration();
    xml_.start("tbx");
    xml_.attribute("type", "TBX-Basic");
    xml_.attribute("style", "dca");
    xml_.attribute("xml:lang", write_detail::default_language(v_));
    xml_.attribute("xmlns", "urn:iso:std:iso:30042:ed-2");
    xml_.start("tbxHeader");
    xml_.start("fileDesc");
    if (!options_.title.empty()) {
      xml_.start("titleStmt");
      xml_.text_element("title", options_.title);
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
      term_note("termType", write_detail::term_type_value(d.kind));
      term_note("administrativeStatus",
                std::string(write_detail::status_value(d.status)) + "-admn-sts");
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
    std::size_t pos = 0;
    for (const Reference* r : write_detail::links_of(b)) {
      std::string target;
      bool external = r->external && !r->target_id.empty();
      if (external || (r->target == no_entry && !r->target_id.empty())) {
        target = r->target_id;
      } else if (r->target != no_entry) {
        target = ids_[r->target];
      } else if (!r->number.empty() && !r->external) {
        target = "term_" + xml_id(r->number, "");
      }
      if (target.empty()) continue;
      xml_.text(b.text.substr(pos, r->begin - pos));
      xml_.start(external ? "xref" : "ref");
      xml_.attribute("type", external ? "externalCrossReference" : "crossReference");
      xml_.attribute("target", target);
      xml_.text(b.text.substr(r->begin, r->end - r->begin));
      xml_.end();
      pos = r->end;
    }
    xml_.text(b.text.substr(pos));
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
