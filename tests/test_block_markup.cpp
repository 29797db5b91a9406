// Inline markup of text blocks kept for the writers (issue 9, point 7): a
// definition, note, example or source keeps its sub- and superscripts,
// emphasis and MathML beside its flat text, and each writer writes them in
// its own markup with the block's links still in place. Patterns from ISO
// STS files (chemical formulae, italic quantity symbols, formulae in
// notes), with text of our own.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "termgraph/load.hpp"
#include "termgraph/report.hpp"
#include "termgraph/write.hpp"
#include "write/detail.hpp"
#include "write/xml_writer.hpp"

using namespace termgraph;

namespace {

/// An ISO STS document with two entries: 3.1 defined with `definition`
/// (and `note` when given), and 3.4 "water".
std::string sts(const std::string& definition, const std::string& note = "") {
  return "<standard><body><sec sec-type=\"terms\">\n"
         "<term-sec id=\"sec_3.1\"><label>3.1</label><tbx:termEntry id=\"term_3.1\">"
         "<tbx:langSet xml:lang=\"en\"><tbx:tig><tbx:term>acidity</tbx:term></tbx:tig>"
         "<tbx:definition>" +
         definition + "</tbx:definition>" +
         (note.empty() ? "" : "<tbx:note>" + note + "</tbx:note>") +
         "</tbx:langSet></tbx:termEntry></term-sec>\n"
         "<term-sec id=\"sec_3.4\"><label>3.4</label><tbx:termEntry id=\"term_3.4\">"
         "<tbx:langSet xml:lang=\"en\"><tbx:tig><tbx:term>water</tbx:term></tbx:tig>"
         "<tbx:definition>liquid</tbx:definition></tbx:langSet></tbx:termEntry></term-sec>\n"
         "</sec></body></standard>";
}

const std::string kDefinition =
    "the <italic>p</italic>-value of H<sub>2</sub>O at 25 °C "
    "(<tbx:entailedTerm target=\"term_3.4\">3.4</tbx:entailedTerm>)";

std::string write(const Vocabulary& v, Format format) {
  std::ostringstream out;
  EXPECT_TRUE(write_vocabulary(out, v, format));
  return out.str();
}

const TextBlock& definition_of(const LoadResult& r) {
  static const TextBlock none;
  if (r.vocabulary.size() == 0 || r.vocabulary[0].languages.empty() ||
      r.vocabulary[0].languages[0].definition == nullptr) {
    ADD_FAILURE() << "no definition read";
    return none;
  }
  return *r.vocabulary[0].languages[0].definition;
}

/// The element `name` of `xml` whole, from its start tag to its end tag.
std::string element(const std::string& xml, const std::string& name) {
  const std::size_t at = xml.find("<" + name + ">");
  const std::size_t end = xml.find("</" + name + ">", at);
  if (at == std::string::npos || end == std::string::npos) return {};
  return xml.substr(at, end + name.size() + 3 - at);
}

}  // namespace

TEST(BlockMarkup, StsReaderKeepsTheMarkupBesideTheFlatText) {
  LoadResult r = load_string(sts(kDefinition), "t.xml");
  const TextBlock& d = definition_of(r);
  EXPECT_EQ(d.text, "the p-value of H2O at 25 °C (3.4)");
  EXPECT_EQ(d.markup, "the <italic>p</italic>-value of H<sub>2</sub>O at 25 °C (3.4)");
  ASSERT_EQ(d.references.size(), 1u);
  EXPECT_EQ(d.references[0].text, "3.4");
  EXPECT_EQ(d.references[0].target, 1u);
  // A block without inline elements has no markup view.
  EXPECT_EQ(r.vocabulary[1].languages[0].definition->markup, "");
}

TEST(BlockMarkup, StsRoundTripKeepsMarkupAndReference) {
  LoadResult r = load_string(sts(kDefinition), "t.xml");
  const std::string out = write(r.vocabulary, Format::sts);
  EXPECT_EQ(element(out, "tbx:definition"),
            "<tbx:definition>the <italic>p</italic>-value of H<sub>2</sub>O at 25 °C "
            "(<tbx:entailedTerm target=\"term_3.4\">3.4</tbx:entailedTerm>)</tbx:definition>");
  LoadResult again = load_string(out, "again.xml");
  const TextBlock& d = definition_of(again);
  EXPECT_EQ(d.markup, definition_of(r).markup);
  ASSERT_EQ(d.references.size(), 1u);
  EXPECT_EQ(d.references[0].target, 1u);
}

TEST(BlockMarkup, TbxWritesHiElements) {
  LoadResult r = load_string(
      sts(kDefinition,
          "<bold>E</bold> = <italic>m</italic>c<sup>2</sup>, <italic>w<sub>0</sub></italic> and "
          "<mml:math><mml:mi>x</mml:mi><mml:mo>+</mml:mo><mml:mn>1</mml:mn></mml:math>"),
      "t.xml");
  const std::string out = write(r.vocabulary, Format::tbx);
  EXPECT_NE(out.find("<descrip type=\"definition\">the <hi type=\"italics\">p</hi>-value of "
                     "H<hi type=\"subscript\">2</hi>O at 25 °C (<ref type=\"crossReference\" "
                     "target=\"sec_3.4\">3.4</ref>)</descrip>"),
            std::string::npos)
      << out;
  // Bold and superscript as <hi>; a <hi> holds text only, so the subscript
  // inside italics is its text; MathML, which TBX lacks, is its text.
  EXPECT_NE(out.find("<note><hi type=\"bold\">E</hi> = <hi type=\"italics\">m</hi>c"
                     "<hi type=\"superscript\">2</hi>, <hi type=\"italics\">w0</hi> and "
                     "x+1</note>"),
            std::string::npos)
      << out;
}

// TBX 2008 has the same <hi>, and writes its links as <hi> too.
TEST(BlockMarkup, Tbx2008WritesHiElements) {
  LoadResult r = load_string(sts(kDefinition), "t.xml");
  const std::string out = write(r.vocabulary, Format::tbx2008);
  EXPECT_NE(out.find("<descrip type=\"definition\">the <hi type=\"italics\">p</hi>-value of "
                     "H<hi type=\"subscript\">2</hi>O at 25 °C (<hi type=\"entailedTerm\" "
                     "target=\"sec_3.4\">3.4</hi>)</descrip>"),
            std::string::npos)
      << out;
}

// TBX links and <hi> hold text only: a link over markup keeps the link and
// writes the text; a link inside a <hi> makes the block flat text.
TEST(BlockMarkup, TbxLinksHoldTextOnly) {
  LoadResult r = load_string(
      sts("<tbx:entailedTerm target=\"term_3.4\">water H<sub>2</sub>O</tbx:entailedTerm> "
          "at 25 °C",
          "<italic>a <tbx:entailedTerm target=\"term_3.4\">water</tbx:entailedTerm></italic> "
          "H<sub>2</sub>O"),
      "t.xml");
  const std::string out = write(r.vocabulary, Format::tbx);
  EXPECT_NE(out.find("<descrip type=\"definition\"><ref type=\"crossReference\" "
                     "target=\"sec_3.4\">water H2O</ref> at 25 °C</descrip>"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<note>a <ref type=\"crossReference\" target=\"sec_3.4\">water</ref> "
                     "H2O</note>"),
            std::string::npos)
      << out;
  // STS nests both ways.
  const std::string back = write(r.vocabulary, Format::sts);
  EXPECT_NE(back.find("<tbx:note><italic>a <tbx:entailedTerm target=\"term_3.4\">water"
                      "</tbx:entailedTerm></italic> H<sub>2</sub>O</tbx:note>"),
            std::string::npos)
      << back;
}

TEST(BlockMarkup, TbxAndNativeWriteTermMarkup) {
  LoadResult r = load_string(
      "<standard><body><sec sec-type=\"terms\"><term-sec id=\"sec_3.1\"><label>3.1</label>"
      "<tbx:termEntry id=\"term_3.1\"><tbx:langSet xml:lang=\"en\"><tbx:tig>"
      "<tbx:term>MTTF<sub>d</sub></tbx:term></tbx:tig></tbx:langSet></tbx:termEntry>"
      "</term-sec></sec></body></standard>",
      "t.xml");
  EXPECT_NE(write(r.vocabulary, Format::tbx).find("<term>MTTF<hi type=\"subscript\">d</hi></term>"),
            std::string::npos);
  const std::string native = write(r.vocabulary, Format::native);
  EXPECT_NE(native.find(">MTTF<sub>d</sub></term>"), std::string::npos) << native;
  LoadResult again = load_string(native, "n.xml");
  ASSERT_EQ(again.vocabulary.size(), 1u);
  EXPECT_EQ(again.vocabulary[0].languages[0].designations[0].text, "MTTFd");
  EXPECT_EQ(again.vocabulary[0].languages[0].designations[0].markup, "MTTF<sub>d</sub>");
}

TEST(BlockMarkup, StsToNativeToStsKeepsIt) {
  LoadResult r = load_string(sts(kDefinition), "t.xml");
  const std::string native = write(r.vocabulary, Format::native);
  EXPECT_EQ(element(native, "definition"),
            "<definition>the <em>p</em>-value of H<sub>2</sub>O at 25 °C (<ref "
            "to=\"term_3.4\">3.4</ref>)</definition>");
  LoadResult back = load_string(native, "n.xml");
  const TextBlock& d = definition_of(back);
  EXPECT_EQ(d.text, "the p-value of H2O at 25 °C (3.4)");
  EXPECT_EQ(d.markup, "the <italic>p</italic>-value of H<sub>2</sub>O at 25 °C (3.4)");
  const std::string out = write(back.vocabulary, Format::sts);
  EXPECT_EQ(element(out, "tbx:definition"),
            "<tbx:definition>the <italic>p</italic>-value of H<sub>2</sub>O at 25 °C "
            "(<tbx:entailedTerm target=\"term_3.4\">3.4</tbx:entailedTerm>)</tbx:definition>");
}

TEST(BlockMarkup, NativeReaderKeepsStrongAndSup) {
  LoadResult r = load_string(
      "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\"><entry number=\"1\"><lang xml:lang=\"en\">"
      "<term>area</term><definition>size in m<sup>2</sup> of a <strong>plane</strong> "
      "figure</definition></lang></entry></vocabulary>",
      "n.xml");
  const TextBlock& d = definition_of(r);
  EXPECT_EQ(d.text, "size in m2 of a plane figure");
  EXPECT_EQ(d.markup, "size in m<sup>2</sup> of a <bold>plane</bold> figure");
}

TEST(BlockMarkup, LookupShowsFlatText) {
  LoadResult r = load_string(sts(kDefinition), "t.xml");
  std::ostringstream out;
  write_entry(out, r.vocabulary, r.vocabulary[0]);
  EXPECT_NE(out.str().find("the p-value of H2O at 25 °C (3.4)"), std::string::npos) << out.str();
  EXPECT_EQ(out.str().find("<sub>"), std::string::npos);
}

// A link that starts inside an element and ends outside it cannot be
// written in XML: the block is written as flat text, the link kept.
TEST(BlockMarkup, LinkCrossingMarkupFallsBackToFlatTextWithTheLink) {
  Reference link;
  link.markup = true;
  TextBlock block;
  block.text = "p-value of water";
  block.markup = "<italic>p-value</italic> of water";
  block.references = Span<Reference>(&link, 1);
  const write_detail::InlineStyle style{
      [](std::string_view name) {
        return std::optional<write_detail::LinkMarkup>(write_detail::LinkMarkup{name, {}});
      },
      true};
  auto to_ref = [](const Reference&) {
    return std::optional<write_detail::LinkMarkup>(write_detail::LinkMarkup{"ref", {}});
  };
  auto written = [&](const TextBlock& b) {
    std::ostringstream out;
    XmlWriter xml(out);
    xml.start("p");
    write_detail::write_linked_text(xml, b, to_ref, &style);
    xml.end();
    return out.str();
  };
  link.begin = 2;  // "value of": from inside <italic> to after it
  link.end = 10;
  EXPECT_EQ(written(block), "<p>p-<ref>value of</ref> water</p>");
  link.begin = 0;  // "p-value of": around the element
  EXPECT_EQ(written(block), "<p><ref><italic>p-value</italic> of</ref> water</p>");
  link.begin = 2;  // "value": inside it
  link.end = 7;
  EXPECT_EQ(written(block), "<p><italic>p-<ref>value</ref></italic> of water</p>");
  link.begin = 7;  // " of": from the element's end
  link.end = 10;
  EXPECT_EQ(written(block), "<p><italic>p-value</italic><ref> of</ref> water</p>");
  // A link splitting a formula falls back too.
  block.text = "x+1 y";
  block.markup =
      "<m:math xmlns:m=\"http://www.w3.org/1998/Math/MathML\"><m:mi>x</m:mi>"
      "<m:mo>+</m:mo><m:mn>1</m:mn></m:math> y";
  link.begin = 2;
  link.end = 5;
  EXPECT_EQ(written(block), "<p>x+<ref>1 y</ref></p>");
  link.begin = 0;
  link.end = 3;
  EXPECT_EQ(written(block),
            "<p><ref><m:math xmlns:m=\"http://www.w3.org/1998/Math/MathML\"><m:mi>x</m:mi>"
            "<m:mo>+</m:mo><m:mn>1</m:mn></m:math></ref> y</p>");
  // Markup whose text is not the block's is not written.
  block.markup = "x<sub>+</sub>2 y";
  link.begin = 2;
  link.end = 5;
  EXPECT_EQ(written(block), "<p>x+<ref>1 y</ref></p>");
}
