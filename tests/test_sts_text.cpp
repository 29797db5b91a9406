// STS text as a reader of the standard sees it (issue 9, point 7): each
// test is built from a pattern of real ISO STS files (the shared corpus,
// ISO 13849-1 as tried by a user), with sample text of our own: citations
// by their human text, labels of notes and examples not repeated,
// subscripts, superscripts and MathML searchable in a flat form, the
// document's title, and the data categories ISO STS's TBX markup carries.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "termgraph/load.hpp"
#include "termgraph/rules.hpp"
#include "test_support.hpp"

using namespace termgraph;

namespace {

using termgraph::test::with_rule;

/// An ISO STS document (the DTD's prefixes, undeclared, as ISO files
/// have them) with `front` metadata and `term_secs` in its terms clause.
std::string iso_sts(const std::string& term_secs, const std::string& front = "") {
  return "<standard><front><iso-meta>" + front +
         "</iso-meta></front><body><sec sec-type=\"terms\">\n" + term_secs +
         "</sec></body></standard>";
}

/// One term-sec numbered `number` with an English langSet of `content`.
std::string term_sec(const std::string& number, const std::string& content) {
  return "<term-sec id=\"sec_" + number + "\"><label>" + number +
         "</label><tbx:termEntry id=\"term_" + number + "\"><tbx:langSet xml:lang=\"en\">" +
         content + "</tbx:langSet></tbx:termEntry></term-sec>\n";
}

std::string tig(const std::string& term) {
  return "<tbx:tig><tbx:term>" + term + "</tbx:term></tbx:tig>";
}

const LanguageSection& first_section(const LoadResult& r) {
  static const LanguageSection none;
  if (r.vocabulary.size() == 0 || r.vocabulary[0].languages.empty()) {
    ADD_FAILURE() << "no section read";
    return none;
  }
  return r.vocabulary[0].languages[0];
}

}  // namespace

// -- citations ----------------------------------------------------------------

// ISO STS cites a standard as <std> with its identifiers in <std-id-group>
// (an internal id and an ISO 9070 public identifier) and its human text in
// <std-ref>: only the text is what a reader sees.
TEST(StsText, CitationsReadByTheirTextNotTheirIdentifiers) {
  const std::string std_ =
      "<std><std-id-group>\n"
      "  <std-id std-id-link-type=\"internal-pub-id\" std-id-type=\"dated\">f00dcafe</std-id>\n"
      "  <std-id std-id-link-type=\"fpi\" std-id-type=\"dated\">+//ISO 9070/RA::A00007::XX::"
      "Sample Body::Standards//DOCUMENT ISO 4711-1:2001-01-01//EN</std-id>\n"
      "</std-id-group><std-ref>ISO 4711-1:2001</std-ref>, 3.2</std>";
  LoadResult r = load_string(iso_sts(term_sec("3.1",
                                              "<tbx:definition>part of a sample machine "
                                              "named in " +
                                                  std_ + "</tbx:definition>" + "<tbx:source>" +
                                                  std_ + ", modified</tbx:source>" + tig("gear"))),
                             "t.xml");
  const LanguageSection& s = first_section(r);
  ASSERT_NE(s.definition, nullptr);
  EXPECT_EQ(s.definition->text, "part of a sample machine named in ISO 4711-1:2001, 3.2");
  ASSERT_EQ(s.sources.size(), 1u);
  EXPECT_EQ(s.sources[0].text, "ISO 4711-1:2001, 3.2, modified");
  // The citation is one of another document, never resolved here.
  EXPECT_TRUE(with_rule(r, "dangling-reference").empty());
  EXPECT_TRUE(with_rule(r, "unsupported-content").empty());
}

// -- labels -------------------------------------------------------------------

// Notes whose text repeats the label the layout adds ("Note 1 to entry:"):
// the label is left out, in each way files write it.
TEST(StsText, NoteLabelsNotRepeatedInTheirText) {
  const std::string notes =
      "<tbx:note>NOTE 1 The first sample note.</tbx:note>\n"
      "<tbx:note>Note 2 to entry: The second sample note.</tbx:note>\n"
      "<tbx:note><label>NOTE 3</label> The third sample note.</tbx:note>\n"
      "<tbx:note><p>NOTE\u2014The fourth sample note.</p></tbx:note>\n"
      "<tbx:note>NOTE 5 to entry: The fifth sample note.</tbx:note>\n"
      "<tbx:note>\n   NOTE   6\n   The sixth sample note.</tbx:note>\n";
  LoadResult r = load_string(iso_sts(term_sec("3.1", notes + tig("gear"))), "t.xml");
  const LanguageSection& s = first_section(r);
  ASSERT_EQ(s.notes.size(), 6u);
  EXPECT_EQ(s.notes[0].text, "The first sample note.");
  EXPECT_EQ(s.notes[1].text, "The second sample note.");
  EXPECT_EQ(s.notes[2].text, "The third sample note.");
  EXPECT_EQ(s.notes[3].text, "The fourth sample note.");
  EXPECT_EQ(s.notes[4].text, "The fifth sample note.");
  EXPECT_EQ(s.notes[5].text, "The sixth sample note.");
}

// Text that only looks like a label stays: "Note that", "NOTES", a note
// that is nothing but its label, a definition (only notes and examples
// carry labels), a label written with a character reference.
TEST(StsText, TextThatIsNotALabelIsKept) {
  const std::string content =
      "<tbx:definition>NOTE 1 as a definition stays</tbx:definition>\n"
      "<tbx:note>Note that the sample is small.</tbx:note>\n"
      "<tbx:note>NOTES are kept as written.</tbx:note>\n"
      "<tbx:note>NOTE</tbx:note>\n"
      "<tbx:note>Noted twice.</tbx:note>\n"
      "<tbx:note>N&#x4F;TE 1 written with a reference.</tbx:note>\n" +
      tig("gear");
  LoadResult r = load_string(iso_sts(term_sec("3.1", content)), "t.xml");
  const LanguageSection& s = first_section(r);
  ASSERT_NE(s.definition, nullptr);
  EXPECT_EQ(s.definition->text, "NOTE 1 as a definition stays");
  ASSERT_EQ(s.notes.size(), 5u);
  EXPECT_EQ(s.notes[0].text, "Note that the sample is small.");
  EXPECT_EQ(s.notes[1].text, "NOTES are kept as written.");
  EXPECT_EQ(s.notes[2].text, "NOTE");
  EXPECT_EQ(s.notes[3].text, "Noted twice.");
  EXPECT_EQ(s.notes[4].text, "NOTE 1 written with a reference.");
}

TEST(StsText, ExampleLabelsNotRepeatedInTheirText) {
  const std::string content =
      "<tbx:example>EXAMPLE 1 A first sample.</tbx:example>\n"
      "<tbx:example>Example 2: A second sample.</tbx:example>\n"
      "<tbx:example>EXAMPLE A third sample.</tbx:example>\n"
      "<tbx:example>Example sentences stay.</tbx:example>\n" +
      tig("gear");
  LoadResult r = load_string(iso_sts(term_sec("3.1", content)), "t.xml");
  const LanguageSection& s = first_section(r);
  ASSERT_EQ(s.examples.size(), 4u);
  EXPECT_EQ(s.examples[0].text, "A first sample.");
  EXPECT_EQ(s.examples[1].text, "A second sample.");
  EXPECT_EQ(s.examples[2].text, "A third sample.");
  EXPECT_EQ(s.examples[3].text, "Example sentences stay.");
}

// A reference in a note whose label was left out is still located where
// it is written.
TEST(StsText, ReferenceAfterALeftOutLabelKeepsItsPlace) {
  const std::string content =
      "<tbx:note>NOTE 1 See <tbx:entailedTerm target=\"sec_3.2\">wheel (3.2)"
      "</tbx:entailedTerm>.</tbx:note>" +
      tig("gear");
  LoadResult r =
      load_string(iso_sts(term_sec("3.1", content) + term_sec("3.2", tig("wheel"))), "t.xml");
  const LanguageSection& s = first_section(r);
  ASSERT_EQ(s.notes.size(), 1u);
  EXPECT_EQ(s.notes[0].text, "See wheel (3.2).");
  ASSERT_EQ(s.notes[0].references.size(), 1u);
  const Reference& ref = s.notes[0].references[0];
  EXPECT_EQ(ref.text, "wheel (3.2)");
  EXPECT_EQ(ref.target, 1u);
  // A plain-text number in a link is located at the number, on line 2.
  const std::string doc_line2 = term_sec("3.1", content);
  EXPECT_EQ(ref.range.line, 2u);
  EXPECT_EQ(ref.range.column, doc_line2.find("3.2)</tbx:entailedTerm>") + 1);
}

// -- subscripts, superscripts, MathML -----------------------------------------

// ISO 13849-1 writes MTTF<sub>D</sub>; pretty-printed files put a line break
// and indentation before the <sub> or inside it. The flat text joins a
// subscript to its base, so that `lookup MTTFd` finds the term.
TEST(StsText, SubscriptsJoinTheirBase) {
  const std::string content =
      "<tbx:definition>mean time of the sample <italic>w\n"
      "        <sub>0,u</sub></italic> before a failure, and 10<sup>3</sup> of them"
      "</tbx:definition>" +
      tig("MTTF<sub>d</sub>") + tig("MTTF\n      <sub> d </sub>") +
      tig("<italic>T</italic><sub>10D</sub> value");
  LoadResult r = load_string(iso_sts(term_sec("3.1", content)), "t.xml");
  const LanguageSection& s = first_section(r);
  ASSERT_EQ(s.designations.size(), 3u);
  EXPECT_EQ(s.designations[0].text, "MTTFd");
  EXPECT_EQ(s.designations[1].text, "MTTFd");
  EXPECT_EQ(s.designations[2].text, "T10D value");
  ASSERT_NE(s.definition, nullptr);
  EXPECT_EQ(s.definition->text, "mean time of the sample w0,u before a failure, and 103 of them");
  const std::vector<TermMatch> found = r.vocabulary.find_term("MTTFd");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].designation, &s.designations[0]);
  // The designation is located at its first character (line 3: the
  // definition has a line break).
  const std::string doc = iso_sts(term_sec("3.1", content));
  const std::size_t at = doc.find("MTTF\n");
  EXPECT_EQ(s.designations[1].range.line, 3u);
  EXPECT_EQ(s.designations[1].range.column, at - doc.rfind('\n', at));
  EXPECT_TRUE(with_rule(r, "whitespace").empty());
}

// A reference after a subscript written with white space before it is
// located at its own markup.
TEST(StsText, ReferenceAfterAGluedSubscriptKeepsItsPlace) {
  const std::string def =
      "<tbx:definition>value of w <sub> u </sub> per <tbx:entailedTerm target=\"sec_3.2\">"
      "wheel (3.2)</tbx:entailedTerm></tbx:definition>";
  const std::string doc =
      iso_sts(term_sec("3.1", def + tig("gear")) + term_sec("3.2", tig("wheel")));
  LoadResult r = load_string(doc, "t.xml");
  const LanguageSection& s = first_section(r);
  ASSERT_NE(s.definition, nullptr);
  EXPECT_EQ(s.definition->text, "value of wu per wheel (3.2)");
  ASSERT_EQ(s.definition->references.size(), 1u);
  const Reference& ref = s.definition->references[0];
  EXPECT_EQ(ref.text, "wheel (3.2)");
  const std::string line2 = term_sec("3.1", def + tig("gear"));
  EXPECT_EQ(ref.range.line, 2u);
  EXPECT_EQ(ref.range.column, line2.find("3.2)</tbx:entailedTerm>") + 1);
}

// MathML (mml:math in ISO files): the tokens' text, joined without the
// white space MathML ignores, annotations left out; the space around the
// formula in running text stays.
TEST(StsText, MathmlReadAsItsTokens) {
  const std::string math =
      "<mml:math><mml:semantics><mml:msub>\n"
      "    <mml:mi>MTTF</mml:mi>\n"
      "    <mml:mi>d</mml:mi>\n"
      "  </mml:msub><mml:annotation encoding=\"TeX\">MTTF_d</mml:annotation>"
      "</mml:semantics></mml:math>";
  const std::string content = "<tbx:definition>time given by " + math +
                              " for one channel</tbx:definition>" + tig(math) +
                              tig("<mml:math><mml:mrow><!-- only a comment --></mml:mrow>"
                                  "</mml:math>");
  LoadResult r = load_string(iso_sts(term_sec("3.1", content)), "t.xml");
  const LanguageSection& s = first_section(r);
  ASSERT_NE(s.definition, nullptr);
  EXPECT_EQ(s.definition->text, "time given by MTTFd for one channel");
  ASSERT_EQ(s.designations.size(), 1u);
  EXPECT_EQ(s.designations[0].text, "MTTFd");
  // A formula with no text is still a term termgraph cannot show.
  auto u = with_rule(r, "unsupported-content");
  ASSERT_EQ(u.size(), 1u);
  EXPECT_NE(u[0]->message.find("only markup"), std::string::npos);
}

// -- title --------------------------------------------------------------------

TEST(StsText, TitleFromTheMetadata) {
  const std::string body = term_sec("3.1", tig("gear"));
  {
    LoadResult r = load_string(
        iso_sts(body,
                "<title-wrap xml:lang=\"fr\"><main>Engrenages</main></title-wrap>"
                "<title-wrap xml:lang=\"en\"><intro>Sample machines</intro><main>Gears</main>"
                "<compl>Part 1:\n  Vocabulary</compl></title-wrap>"
                "<content-language>en</content-language>"),
        "t.xml");
    EXPECT_EQ(r.vocabulary.title(), "Sample machines — Gears — Part 1: Vocabulary");
    EXPECT_EQ(r.vocabulary.title(0), r.vocabulary.title());
  }
  {
    LoadResult r = load_string(
        iso_sts(body,
                "<title-wrap><main>Gears</main><full>Sample gears vocabulary</full></title-wrap>"),
        "t.xml");
    EXPECT_EQ(r.vocabulary.title(), "Sample gears vocabulary");
  }
  {
    // ISO's empty title elements give no title.
    LoadResult r = load_string(iso_sts(body, "<title-wrap><main/><full/></title-wrap>"), "t.xml");
    EXPECT_EQ(r.vocabulary.title(), "");
    EXPECT_EQ(r.vocabulary.title(7), "");
  }
}

TEST(StsText, TitleFromTbxAndNative) {
  LoadResult tbx = load_string(
      "<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\" type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\">"
      "<tbxHeader><fileDesc><titleStmt><title>Sample  termbase\n of gears</title></titleStmt>"
      "<sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader><text><body>"
      "<conceptEntry id=\"c1\"><langSec xml:lang=\"en\"><termSec><term>gear</term></termSec>"
      "</langSec></conceptEntry></body></text></tbx>",
      "t.tbx");
  EXPECT_EQ(tbx.vocabulary.title(), "Sample termbase of gears");
  LoadResult native = load_string(
      "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\" xml:lang=\"en\"><title>Sample gears"
      "</title><entry number=\"1.1\"><term>gear</term><definition>toothed wheel</definition>"
      "</entry></vocabulary>",
      "t.xml");
  EXPECT_EQ(native.vocabulary.title(), "Sample gears");
}

// -- data categories ----------------------------------------------------------

// The categories of the ISO STS TBX tag set (corpus: isosts-tbx-examples)
// are kept at their level instead of reported as unsupported.
TEST(StsText, IsoStsDataCategoriesKept) {
  const std::string doc = iso_sts(
      "<term-sec id=\"sec_3.1\"><label>3.1</label><tbx:termEntry id=\"term_3.1\">"
      "<tbx:xGraphic xtarget=\"gear.png\"/>\n"
      "<tbx:langSet xml:lang=\"en\"><tbx:subjectField>sample machines</tbx:subjectField>"
      "<tbx:definition>toothed wheel</tbx:definition>"
      "<tbx:see target=\"fig_1\">Figure 1</tbx:see>"
      "<tbx:crossReference>wheel</tbx:crossReference>"
      "<tbx:xSource xtarget=\"http://example.com/gears\">Sample site</tbx:xSource>\n"
      "<tbx:tig><tbx:term>gear</tbx:term><tbx:partOfSpeech value=\"noun\"/>"
      "<tbx:grammaticalGender value=\"neuter\"/><tbx:grammaticalNumber value=\"singular\"/>"
      "<tbx:geographicalUsage>en GB</tbx:geographicalUsage>"
      "<tbx:pronunciation>/ɡɪə/</tbx:pronunciation>"
      "<tbx:usageNote>workshop use</tbx:usageNote></tbx:tig>"
      "</tbx:langSet></tbx:termEntry></term-sec>\n");
  LoadResult r = load_string(doc, "t.xml");
  EXPECT_TRUE(with_rule(r, "unsupported-content").empty());
  ASSERT_EQ(r.vocabulary.size(), 1u);
  const Entry& e = r.vocabulary[0];
  ASSERT_EQ(e.categories.size(), 1u);
  EXPECT_EQ(e.categories[0].element, CategoryElement::xref);
  EXPECT_EQ(e.categories[0].type, "xGraphic");
  EXPECT_EQ(e.categories[0].target, "gear.png");
  EXPECT_EQ(e.categories[0].range.line, 2u);
  const LanguageSection& s = e.languages[0];
  ASSERT_EQ(s.categories.size(), 4u);
  EXPECT_EQ(category_value(s.categories, "subjectField"), "sample machines");
  EXPECT_EQ(s.categories[1].type, "see");
  EXPECT_EQ(s.categories[1].target, "fig_1");
  EXPECT_EQ(s.categories[1].value, "Figure 1");
  EXPECT_EQ(s.categories[2].type, "crossReference");
  EXPECT_EQ(s.categories[2].element, CategoryElement::ref);
  EXPECT_EQ(s.categories[3].type, "xSource");
  EXPECT_EQ(s.categories[3].target, "http://example.com/gears");
  ASSERT_EQ(s.designations.size(), 1u);
  const Designation& d = s.designations[0];
  EXPECT_EQ(d.part_of_speech, "noun");
  EXPECT_EQ(d.grammatical_gender(), "neuter");
  EXPECT_EQ(d.grammatical_number(), "singular");
  EXPECT_EQ(d.geographical_usage(), "en GB");
  EXPECT_EQ(d.usage_note(), "workshop use");
  EXPECT_EQ(category_value(d.categories, "pronunciation"), "/ɡɪə/");
  EXPECT_EQ(d.categories[0].element, CategoryElement::term_note);
  EXPECT_EQ(d.categories[0].range.line, 4u);
  // Neither status nor type is stated: the model says so.
  EXPECT_FALSE(d.status_stated);
  EXPECT_FALSE(d.kind_stated);
}

TEST(StsText, StatedTermTypeIsKnownAsStated) {
  LoadResult r =
      load_string(iso_sts(term_sec("3.1",
                                   "<tbx:tig><tbx:term>gear</tbx:term>"
                                   "<tbx:normativeAuthorization value=\"preferredTerm\"/>"
                                   "<tbx:termType value=\"fullForm\"/></tbx:tig>" +
                                       tig("GR"))),
                  "t.xml");
  const LanguageSection& s = first_section(r);
  ASSERT_EQ(s.designations.size(), 2u);
  EXPECT_TRUE(s.designations[0].status_stated);
  EXPECT_TRUE(s.designations[0].kind_stated);
  EXPECT_FALSE(s.designations[1].status_stated);
  EXPECT_FALSE(s.designations[1].kind_stated);
}

// -- markup view --------------------------------------------------------------

// The designation keeps its inline markup for writers beside its flat
// text: subscripts, emphasis, MathML (with its namespace declared), text
// escaped; a plain term has none.
TEST(StsText, DesignationsKeepTheirMarkupForWriters) {
  const std::string content =
      tig("MTTF\n      <sub> d </sub>") +
      tig("<italic>T</italic><sub>10D</sub> &amp; <bold>x</bold>") +
      tig("<mml:math><mml:msub><mml:mi>w</mml:mi><mml:mn>0</mml:mn></mml:msub></mml:math>") +
      tig("plain gear");
  LoadResult r = load_string(iso_sts(term_sec("3.1", content)), "t.xml");
  const LanguageSection& s = first_section(r);
  ASSERT_EQ(s.designations.size(), 4u);
  EXPECT_EQ(s.designations[0].text, "MTTFd");
  EXPECT_EQ(s.designations[0].markup, "MTTF<sub>d</sub>");
  EXPECT_EQ(s.designations[1].text, "T10D & x");
  EXPECT_EQ(s.designations[1].markup, "<italic>T</italic><sub>10D</sub> &amp; <bold>x</bold>");
  EXPECT_EQ(s.designations[2].text, "w0");
  EXPECT_EQ(s.designations[2].markup,
            "<mml:math xmlns:mml=\"http://www.w3.org/1998/Math/MathML\"><mml:msub><mml:mi>w"
            "</mml:mi><mml:mn>0</mml:mn></mml:msub></mml:math>");
  EXPECT_EQ(s.designations[3].markup, "");
  EXPECT_EQ(s.designations[3].text, "plain gear");
}
