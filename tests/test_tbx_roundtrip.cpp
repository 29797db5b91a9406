// TBX -> TBX without loss: every data category and transaction is read at
// its level, in its group, and written back where it stood. The round trip
// is checked element by element (tests/support/xml_compare.hpp) on every
// TBX file of the corpus (skipped when it is absent) and on a generated
// termbase with every kind of category and group at all three levels.
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "support/xml_compare.hpp"
#include "termgraph/load.hpp"
#include "termgraph/write.hpp"
#include "test_support.hpp"

using namespace termgraph;
namespace fs = std::filesystem;

namespace {

using termgraph::test::compare_xml;
using termgraph::test::joined;
using termgraph::test::with_rule;
using termgraph::test::XmlCompareOptions;

const std::string corpus_dir = std::string(TERMGRAPH_CORPUS_DIR) + "/tbx";

std::string written(const Vocabulary& v, TbxStyle style = TbxStyle::dca) {
  std::ostringstream out;
  WriteOptions options;
  options.tbx_style = style;
  EXPECT_TRUE(write_vocabulary(out, v, Format::tbx, options));
  return out.str();
}

/// The bytes of file `path`.
std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// TBX 2008 names as their TBX v3 counterparts.
XmlCompareOptions martif_as_v3() {
  XmlCompareOptions o;
  o.rename = {{"martif", "tbx"},
              {"martifHeader", "tbxHeader"},
              {"termEntry", "conceptEntry"},
              {"langSet", "langSec"},
              {"tig", "termSec"},
              {"ntig", "termSec"}};
  o.ignore_root_attributes = true;
  return o;
}

/// `v` written as TBX in the style of `source` equals `source` element by
/// element (TBX 2008 names compared as their v3 counterparts).
void expect_written_back(const pugi::xml_document& source, const Vocabulary& v) {
  const bool dct = std::string_view(source.document_element().attribute("style").value()) == "dct";
  const std::string out = written(v, dct ? TbxStyle::dct : TbxStyle::dca);
  pugi::xml_document b;
  ASSERT_TRUE(b.load_string(out.c_str())) << out;
  const bool martif = std::string(source.document_element().name()) == "martif";
  auto differences = compare_xml(source, b, martif ? martif_as_v3() : XmlCompareOptions{});
  EXPECT_TRUE(differences.empty()) << joined(differences);
}

// A TBX-Basic termbase in the DCA style with every group kind, known and
// unknown categories, notes, cross-references and transactions at entry,
// language and term level.
constexpr std::string_view every_category = R"(<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><titleStmt><title>Every category</title></titleStmt>
    <sourceDesc><p>hand written</p></sourceDesc></fileDesc></tbxHeader>
  <text>
    <body>
      <conceptEntry id="c1">
        <transacGrp>
          <transac type="transactionType">origination</transac>
          <date>2020-01-02</date>
          <transacNote type="responsibility" target="p1">Ann</transacNote>
        </transacGrp>
        <descrip type="subjectField">astronomy</descrip>
        <descrip type="acmeRating">4</descrip>
        <admin type="customerSubset">Acme</admin>
        <adminGrp>
          <admin type="projectSubset">P1</admin>
          <adminNote type="acmeNote">internal</adminNote>
        </adminGrp>
        <xref type="xGraphic" target="https://example.org/a.png">picture</xref>
        <ref type="crossReference" target="c2">star</ref>
        <note>An entry note.</note>
        <langSec xml:lang="en">
          <transacGrp>
            <transac type="transactionType">modification</transac>
            <date>2020-02-03</date>
          </transacGrp>
          <descripGrp>
            <descrip type="definition">group of stars formed together</descrip>
            <admin type="source">Oxford 2007</admin>
            <descripNote type="acmeQuality">good</descripNote>
            <transacGrp>
              <transac type="transactionType">modification</transac>
              <date>2020-02-04</date>
            </transacGrp>
          </descripGrp>
          <descrip type="acmeRating">5</descrip>
          <termSec>
            <term>open cluster</term>
            <termNote type="partOfSpeech">noun</termNote>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
            <termNoteGrp>
              <termNote type="grammaticalGender">neuter</termNote>
              <note>Says nothing.</note>
            </termNoteGrp>
            <termNote type="acmeFlag">x</termNote>
            <descripGrp>
              <descrip type="context">Over 1100 open clusters are known.</descrip>
              <admin type="source">seds.org</admin>
            </descripGrp>
            <transacGrp>
              <transac type="transactionType">origination</transac>
              <date>2020-01-02</date>
              <transacNote type="responsibility">Ann</transacNote>
            </transacGrp>
            <note>A term note.</note>
          </termSec>
          <termSec>
            <term>galactic cluster</term>
            <termNote type="termType">fullForm</termNote>
          </termSec>
        </langSec>
      </conceptEntry>
      <conceptEntry id="c2">
        <langSec xml:lang="en">
          <termSec>
            <term>star</term>
          </termSec>
        </langSec>
      </conceptEntry>
    </body>
    <back>
      <refObjectSec type="respPerson">
        <refObject id="p1"><item type="fn">Ann Example</item></refObject>
      </refObjectSec>
    </back>
  </text>
</tbx>
)";

const DataCategory* first_of(Span<DataCategory> cs, CategoryElement element,
                             std::string_view type) {
  for (const DataCategory& c : cs) {
    if (c.element == element && c.type == type) return &c;
  }
  return nullptr;
}

}  // namespace

TEST(TbxRoundTrip, CategoriesAtTheirLevels) {
  LoadResult r = load_string(every_category, "every.tbx");
  ASSERT_EQ(r.vocabulary.size(), 2u);
  const Entry& e = r.vocabulary.entries()[0];
  ASSERT_EQ(e.categories.size(), 8u);
  EXPECT_EQ(e.subject_field(), "astronomy");
  // The transaction: the group's head, with its date and responsibility.
  const DataCategory& t = e.categories[0];
  EXPECT_EQ(t.element, CategoryElement::transac);
  EXPECT_EQ(t.type, "transactionType");
  EXPECT_EQ(t.value, "origination");
  EXPECT_TRUE(t.grouped);
  EXPECT_EQ(t.range.line, 8u);
  EXPECT_EQ(t.range.column, 9u);
  EXPECT_EQ(t.range.end_line, 12u);
  EXPECT_EQ(t.range.end_column, 22u);
  ASSERT_EQ(t.details.size(), 2u);
  EXPECT_EQ(t.details[0].element, CategoryElement::date);
  EXPECT_EQ(t.details[0].value, "2020-01-02");
  EXPECT_EQ(t.details[1].type, "responsibility");
  EXPECT_EQ(t.details[1].target, "p1");
  EXPECT_EQ(t.details[1].range.line, 11u);
  EXPECT_EQ(t.details[1].range.column, 11u);
  ASSERT_NE(t.detail(CategoryElement::date), nullptr);
  // An unknown category is kept, not known.
  const DataCategory* rating = first_of(e.categories, CategoryElement::descrip, "acmeRating");
  ASSERT_NE(rating, nullptr);
  EXPECT_FALSE(rating->known);
  EXPECT_EQ(rating->value, "4");
  EXPECT_FALSE(rating->grouped);
  // Cross-references keep their target; the note is linked to its block.
  const DataCategory* ref = first_of(e.categories, CategoryElement::ref, "crossReference");
  ASSERT_NE(ref, nullptr);
  EXPECT_EQ(ref->target, "c2");
  EXPECT_EQ(ref->value, "star");
  const DataCategory& note = e.categories[7];
  EXPECT_EQ(note.element, CategoryElement::note);
  ASSERT_NE(note.block, nullptr);
  EXPECT_EQ(note.block->kind, BlockKind::note);
  EXPECT_EQ(note.block->text, "An entry note.");

  const LanguageSection& en = e.languages[0];
  ASSERT_EQ(en.categories.size(), 3u);
  const DataCategory& def = en.categories[1];
  EXPECT_EQ(def.type, "definition");
  EXPECT_TRUE(def.grouped);
  EXPECT_EQ(def.block, en.definition);
  ASSERT_EQ(def.details.size(), 3u);
  EXPECT_EQ(def.details[0].type, "source");
  ASSERT_NE(def.details[0].block, nullptr);
  EXPECT_EQ(def.details[0].block->kind, BlockKind::source);
  EXPECT_EQ(def.details[1].element, CategoryElement::descrip_note);
  EXPECT_FALSE(def.details[1].known);
  // A transaction group nested in the definition's group.
  EXPECT_EQ(def.details[2].element, CategoryElement::transac);
  EXPECT_TRUE(def.details[2].grouped);
  ASSERT_EQ(def.details[2].details.size(), 1u);
  EXPECT_EQ(def.details[2].details[0].value, "2020-02-04");

  ASSERT_EQ(en.designations.size(), 2u);
  const Designation& d = en.designations[0];
  EXPECT_EQ(d.part_of_speech, "noun");
  EXPECT_EQ(d.grammatical_gender(), "neuter");  // the head of its group: top level
  ASSERT_EQ(d.categories.size(), 7u);
  EXPECT_EQ(d.categories[2].type, "grammaticalGender");
  EXPECT_EQ(d.categories[2].value, "neuter");
  EXPECT_TRUE(d.categories[2].grouped);
  EXPECT_FALSE(d.kind_stated);
  EXPECT_TRUE(d.status_stated);
  const Designation& d2 = en.designations[1];
  EXPECT_TRUE(d2.kind_stated);
  EXPECT_FALSE(d2.status_stated);

  // Each unknown name once per file, as a note; no unsupported content.
  auto unknown = with_rule(r, "unknown-data-category");
  ASSERT_EQ(unknown.size(), 4u);
  EXPECT_EQ(unknown[0]->severity, Severity::note);
  EXPECT_EQ(unknown[0]->range.line, 14u);
  EXPECT_NE(unknown[0]->message.find("'acmeRating'"), std::string::npos);
  EXPECT_TRUE(with_rule(r, "unsupported-content").empty());
}

TEST(TbxRoundTrip, EveryCategoryAndGroup) {
  LoadResult r = load_string(every_category, "every.tbx");
  const std::string out = written(r.vocabulary);
  pugi::xml_document a, b;
  ASSERT_TRUE(a.load_buffer(every_category.data(), every_category.size()));
  ASSERT_TRUE(b.load_string(out.c_str())) << out;
  auto differences = compare_xml(a, b);
  EXPECT_TRUE(differences.empty()) << joined(differences) << out;
}

// DCA -> DCT -> DCA gives the source again; the DCT file names known
// categories by their own elements in the min and basic namespaces and
// keeps unknown ones in the DCA form.
TEST(TbxRoundTrip, EveryCategoryThroughDct) {
  LoadResult r = load_string(every_category, "every.tbx");
  const std::string dct = written(r.vocabulary, TbxStyle::dct);
  pugi::xml_document d;
  ASSERT_TRUE(d.load_string(dct.c_str())) << dct;
  pugi::xml_node root = d.document_element();
  EXPECT_STREQ(root.attribute("style").value(), "dct");
  EXPECT_STREQ(root.attribute("xmlns:min").value(), "http://www.tbxinfo.net/ns/min");
  EXPECT_STREQ(root.attribute("xmlns:basic").value(), "http://www.tbxinfo.net/ns/basic");
  pugi::xml_node c1 = root.child("text").child("body").child("conceptEntry");
  pugi::xml_node t = c1.child("transacGrp");
  EXPECT_STREQ(t.first_child().name(), "basic:transactionType");
  EXPECT_STREQ(t.child("basic:responsibility").attribute("target").value(), "p1");
  EXPECT_STREQ(c1.child("min:subjectField").child_value(), "astronomy");
  EXPECT_STREQ(c1.child("descrip").attribute("type").value(), "acmeRating");
  EXPECT_STREQ(c1.child("basic:xGraphic").attribute("target").value(), "https://example.org/a.png");
  pugi::xml_node term = c1.child("langSec").child("termSec");
  EXPECT_STREQ(term.child("min:partOfSpeech").child_value(), "noun");
  EXPECT_STREQ(term.child("termNoteGrp").first_child().name(), "basic:grammaticalGender");

  LoadResult back = load_string(dct, "every-dct.tbx");
  EXPECT_TRUE(with_rule(back, "tbx-structure").empty());
  EXPECT_EQ(with_rule(back, "unknown-data-category").size(), 4u);
  const std::string dca = written(back.vocabulary, TbxStyle::dca);
  pugi::xml_document a, b;
  ASSERT_TRUE(a.load_buffer(every_category.data(), every_category.size()));
  ASSERT_TRUE(b.load_string(dca.c_str())) << dca;
  auto differences = compare_xml(a, b);
  EXPECT_TRUE(differences.empty()) << joined(differences) << dca;
}

TEST(TbxRoundTrip, ComparerFindsDifferences) {
  pugi::xml_document a, b;
  ASSERT_TRUE(a.load_string("<a x='1' y='2'><b>one  two</b><c/></a>"));
  ASSERT_TRUE(b.load_string("<a y='2' x='1'>\n <b>one two </b>\n <c/></a>"));
  EXPECT_TRUE(compare_xml(a, b).empty());
  ASSERT_TRUE(b.load_string("<a y='2' x='3'><b>one two</b><d/></a>"));
  auto d = compare_xml(a, b);
  ASSERT_EQ(d.size(), 2u) << joined(d);
  EXPECT_EQ(d[0], "/a: attributes x=\"1\" y=\"2\" became x=\"3\" y=\"2\"");
  EXPECT_EQ(d[1], "/a/c[1]: element <c> became <d>");
}

/// The elements of `doc` (read from `raw`) that the reader reported as not
/// read (tbx-structure, "... not read"): what is not valid is not compared.
void remove_unread(pugi::xml_document& doc, std::string_view raw, const LoadResult& r) {
  std::vector<std::pair<unsigned, unsigned>> places;
  for (const Diagnostic* d : with_rule(r, "tbx-structure")) {
    if (d->message.find("not read") != std::string::npos) {
      places.emplace_back(d->range.line, d->range.column);
    }
  }
  std::vector<pugi::xml_node> unread;
  std::vector<pugi::xml_node> todo{doc.document_element()};
  while (!todo.empty()) {
    pugi::xml_node n = todo.back();
    todo.pop_back();
    // Line and column (in code points) of the element's '<'.
    const auto at = static_cast<std::size_t>(n.offset_debug()) - 1;
    unsigned line = 1, column = 1;
    for (std::size_t k = 0; k < at && k < raw.size(); ++k) {
      if (raw[k] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(raw[k]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    if (std::find(places.begin(), places.end(), std::make_pair(line, column)) != places.end()) {
      unread.push_back(n);
      continue;
    }
    for (pugi::xml_node c : n.children()) {
      if (c.type() == pugi::node_element) todo.push_back(c);
    }
  }
  EXPECT_EQ(unread.size(), places.size());
  for (pugi::xml_node n : unread) n.parent().remove_child(n);
}

TEST(TbxRoundTrip, Corpus) {
  if (!fs::is_directory(corpus_dir)) GTEST_SKIP() << "corpus not found at " << corpus_dir;
  int compared = 0;
  for (const auto& f : fs::directory_iterator(corpus_dir)) {
    if (f.path().extension() != ".tbx") continue;
    const std::string path = f.path().string();
    SCOPED_TRACE(path);
    LoadResult r = load_files({path});
    const std::string raw = file_text(path);
    pugi::xml_document a;
    if (!a.load_buffer(raw.data(), raw.size())) {
      // Not well-formed: nothing to compare; the reader says so.
      EXPECT_FALSE(with_rule(r, "xml-syntax").empty());
      continue;
    }
    EXPECT_TRUE(with_rule(r, "unsupported-content").empty());
    remove_unread(a, raw, r);
    expect_written_back(a, r.vocabulary);
    ++compared;
  }
  EXPECT_GE(compared, 8);
}

// A termbase written in the other style and back gives the source again:
// DCA -> DCT -> DCA and DCT -> DCA -> DCT.
TEST(TbxRoundTrip, CorpusStyles) {
  if (!fs::is_directory(corpus_dir)) GTEST_SKIP() << "corpus not found at " << corpus_dir;
  struct Case {
    std::string file;
    TbxStyle style, other;
    std::string_view other_element;  // an element only the other style has
  };
  for (const Case& c :
       {Case{"basic_astronomy_dca.tbx", TbxStyle::dca, TbxStyle::dct, "min:subjectField"},
        Case{"basic_astronomy_dct.tbx", TbxStyle::dct, TbxStyle::dca, "transacGrp/transac"}}) {
    const std::string path = corpus_dir + "/" + c.file;
    SCOPED_TRACE(path);
    LoadResult r = load_files({path});
    const std::string other = written(r.vocabulary, c.other);
    pugi::xml_document o;
    ASSERT_TRUE(o.load_string(other.c_str()));
    EXPECT_FALSE(o.select_nodes(("//" + std::string(c.other_element)).c_str()).empty());
    LoadResult back = load_string(other, "other.tbx");
    EXPECT_TRUE(with_rule(back, "tbx-structure").empty());
    EXPECT_TRUE(with_rule(back, "unknown-data-category").empty());
    const std::string again = written(back.vocabulary, c.style);
    pugi::xml_document a, b;
    ASSERT_TRUE(a.load_file(path.c_str()));
    ASSERT_TRUE(b.load_string(again.c_str()));
    auto differences = compare_xml(a, b);
    EXPECT_TRUE(differences.empty()) << joined(differences);
  }
}

// Groups nest in TBX at most twice; deeper ones are reported and not read,
// whatever the depth (no recursion the input controls).
TEST(TbxRoundTrip, DeeplyNestedGroupsAreBounded) {
  std::string groups;
  const int depth = 2000;
  for (int i = 0; i < depth; ++i) groups += "<descripGrp><descrip type=\"definition\">d</descrip>";
  for (int i = 0; i < depth; ++i) groups += "</descripGrp>";
  const std::string doc =
      "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" "
      "xmlns=\"urn:iso:std:iso:30042:ed-2\">\n"
      "<tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader>\n"
      "<text><body><conceptEntry id=\"c1\"><langSec xml:lang=\"en\">\n" +
      groups + "\n<termSec><term>t</term></termSec></langSec></conceptEntry></body></text></tbx>\n";
  LoadResult r = load_string(doc, "deep.tbx");
  ASSERT_EQ(r.vocabulary.size(), 1u);
  auto s = with_rule(r, "tbx-structure");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0]->range.line, 4u);
  EXPECT_EQ(s[0]->range.column, 1u + 3u * 50u);  // the fourth group
  EXPECT_EQ(s[0]->message, "<descripGrp> is nested in too many groups; it is not read");
  // Three groups, each the head's detail of the one around it.
  const LanguageSection& en = r.vocabulary.entries()[0].languages[0];
  ASSERT_EQ(en.categories.size(), 1u);
  const DataCategory& g1 = en.categories[0];
  EXPECT_TRUE(g1.grouped);
  ASSERT_EQ(g1.details.size(), 1u);
  EXPECT_TRUE(g1.details[0].grouped);
  ASSERT_EQ(g1.details[0].details.size(), 1u);
  EXPECT_TRUE(g1.details[0].details[0].details.empty());
}

// TBX -> native -> TBX keeps every data category, its level and grouping,
// and the file's header and back matter (native <tbx-source>): the file
// written back equals the source element by element, on every corpus
// termbase.
TEST(TbxRoundTrip, CorpusThroughNative) {
  if (!fs::is_directory(corpus_dir)) GTEST_SKIP() << "corpus not found at " << corpus_dir;
  int compared = 0;
  for (const auto& f : fs::directory_iterator(corpus_dir)) {
    if (f.path().extension() != ".tbx") continue;
    const std::string path = f.path().string();
    SCOPED_TRACE(path);
    LoadResult r = load_files({path});
    const std::string raw = file_text(path);
    pugi::xml_document a;
    if (!a.load_buffer(raw.data(), raw.size())) continue;  // not well-formed: see Corpus
    remove_unread(a, raw, r);
    std::ostringstream native;
    ASSERT_TRUE(write_vocabulary(native, r.vocabulary, Format::native));
    LoadResult back = load_string(native.str(), "through.xml");
    expect_written_back(a, back.vocabulary);
    ++compared;
  }
  EXPECT_GE(compared, 8);
}

// The ids of term sections and terms, which cross-references may target,
// come back in TBX, STS and native output.
TEST(TbxRoundTrip, TermIdsAreKept) {
  const std::string tbx =
      "<?xml version=\"1.0\"?>\n"
      "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">"
      "<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader><text><body>\n"
      "<conceptEntry id=\"c1\"><langSec xml:lang=\"en\">\n"
      "<termSec id=\"c1-en-1\"><term id=\"t1\">star</term></termSec></langSec></conceptEntry>\n"
      "<conceptEntry id=\"c2\"><langSec xml:lang=\"en\"><ref type=\"crossReference\" "
      "target=\"t1\">star</ref>\n"
      "<termSec><term>sun</term></termSec></langSec></conceptEntry>\n"
      "</body></text></tbx>\n";
  LoadResult r = load_string(tbx, "ids.tbx");
  const Designation& star = r.vocabulary[0].languages[0].designations[0];
  EXPECT_EQ(star.term_section_id, "c1-en-1");
  EXPECT_EQ(star.term_id, "t1");
  EXPECT_TRUE(r.vocabulary[1].languages[0].designations[0].term_id.empty());
  for (Format to : {Format::tbx, Format::tbx2008, Format::sts, Format::native}) {
    SCOPED_TRACE(std::string(format_info(to)->name));
    std::ostringstream out;
    ASSERT_TRUE(write_vocabulary(out, r.vocabulary, to));
    LoadResult back = load_string(out.str(), "back");
    ASSERT_EQ(back.vocabulary.size(), 2u);
    const Designation& d = back.vocabulary[0].languages[0].designations[0];
    EXPECT_EQ(d.term_section_id, "c1-en-1");
    EXPECT_EQ(d.term_id, "t1");
  }
}

// Highlighting (`hi` italics, bold, subscript, superscript) in a block or a
// term comes back in TBX, directly and through the native format, with the
// block's link; the text stays flat for lookups and checks.
TEST(TbxRoundTrip, HighlightingIsKept) {
  const std::string tbx =
      "<?xml version=\"1.0\"?>\n"
      "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">"
      "<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader><text><body>\n"
      "<conceptEntry id=\"c1\"><langSec xml:lang=\"en\"><descrip type=\"definition\">the "
      "<hi type=\"italics\">p</hi>-value of H<hi type=\"subscript\">2</hi>O near <ref "
      "type=\"crossReference\" target=\"c2\">sea level</ref></descrip>\n"
      "<termSec><term>p-H<hi type=\"subscript\">2</hi>O</term></termSec></langSec></conceptEntry>\n"
      "<conceptEntry id=\"c2\"><langSec xml:lang=\"en\"><termSec><term>sea level</term></termSec>"
      "</langSec></conceptEntry>\n"
      "</body></text></tbx>\n";
  LoadResult r = load_string(tbx, "hi.tbx");
  const LanguageSection& en = r.vocabulary[0].languages[0];
  ASSERT_NE(en.definition, nullptr);
  EXPECT_EQ(en.definition->text, "the p-value of H2O near sea level");
  EXPECT_EQ(en.definition->markup, "the <italic>p</italic>-value of H<sub>2</sub>O near sea level");
  EXPECT_EQ(en.designations[0].text, "p-H2O");
  EXPECT_EQ(en.designations[0].markup, "p-H<sub>2</sub>O");
  pugi::xml_document a;
  ASSERT_TRUE(a.load_string(tbx.c_str()));
  pugi::xml_document b;
  ASSERT_TRUE(b.load_string(written(r.vocabulary).c_str()));
  auto direct = compare_xml(a, b);
  EXPECT_TRUE(direct.empty()) << joined(direct);
  std::ostringstream native;
  ASSERT_TRUE(write_vocabulary(native, r.vocabulary, Format::native));
  LoadResult back = load_string(native.str(), "hi.xml");
  pugi::xml_document c;
  ASSERT_TRUE(c.load_string(written(back.vocabulary).c_str()));
  auto through = compare_xml(a, c);
  EXPECT_TRUE(through.empty()) << joined(through) << native.str();
}
