// The NISO/ISO STS reader, through load_string() on small documents: entry
// numbers (label, sec_/term_ ids, fallbacks), nested term-secs, the TBX
// namespaces and arbitrary prefixes, statuses and kinds, lenient element
// order, entailedTerm links and where everything is located.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "hostile_inputs.hpp"
#include "termgraph/load.hpp"
#include "termgraph/rules.hpp"
#include "test_support.hpp"

using namespace termgraph;

namespace {

using termgraph::test::with_rule;

std::vector<std::string> numbers(const Vocabulary& v) {
  std::vector<std::string> out;
  for (const Entry& e : v.entries()) out.emplace_back(e.number);
  return out;
}

std::vector<std::string> terms(const LanguageSection& s) {
  std::vector<std::string> out;
  for (const Designation& d : s.designations) out.emplace_back(d.text);
  return out;
}

/// A terms clause around `term_secs`, with the TBX namespace declared as
/// `tbx` on the root.
std::string clause(const std::string& term_secs,
                   const std::string& ns = "urn:iso:std:iso:30042:ed-1") {
  return "<standard xmlns:tbx=\"" + ns + "\"><body><sec sec-type=\"terms\">" + term_secs +
         "</sec></body></standard>";
}

/// A minimal entry body: one English term and a definition.
std::string entry_body(const std::string& term, const std::string& definition) {
  return "<tbx:langSet xml:lang=\"en\"><tbx:definition>" + definition +
         "</tbx:definition><tbx:tig><tbx:term>" + term + "</tbx:term></tbx:tig></tbx:langSet>";
}

std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(TERMGRAPH_TEST_DATA) + "/sts/" + name, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

// -- numbers ----------------------------------------------------------------

TEST(LoadSts, NumbersFromLabelThenSecIdThenTermIdThenFallback) {
  std::string doc = clause(
      // label wins over both ids
      "<term-sec id=\"sec_9.9\"><label> 3.1 </label><tbx:termEntry id=\"term_8.8\">" +
      entry_body("asset", "anything of value") +
      "</tbx:termEntry></term-sec>"
      // no label: the term-sec id
      "<term-sec id=\"sec_3.2\"><tbx:termEntry id=\"term_x\">" +
      entry_body("block", "unit of ledger data") +
      "</tbx:termEntry></term-sec>"
      // no label, term-sec id without a number: the termEntry id
      "<term-sec id=\"clause-three\"><tbx:termEntry id=\"term_3.3\">" +
      entry_body("block data", "content of a block") +
      "</tbx:termEntry></term-sec>"
      // an id that ends in a number after term_ (older ISO STS ids)
      "<term-sec><tbx:termEntry id=\"iso_9000_2005_en_term_3.1.6\">" +
      entry_body("competence", "ability to apply knowledge") +
      "</tbx:termEntry></term-sec>"
      // no number anywhere: the termEntry id, unnumbered
      "<term-sec id=\"s5\"><tbx:termEntry id=\"term_3.6a\">" +
      entry_body("ledger", "record of transactions") +
      "</tbx:termEntry></term-sec>"
      // no termEntry id: the term-sec id
      "<term-sec id=\"s6\"><tbx:termEntry>" +
      entry_body("node", "participant in a network") +
      "</tbx:termEntry></term-sec>"
      // no ids at all: the term-sec's position
      "<term-sec><tbx:termEntry>" +
      entry_body("token", "digital asset") + "</tbx:termEntry></term-sec>");
  LoadResult r = load_string(doc);
  const Vocabulary& v = r.vocabulary;
  ASSERT_EQ(v.size(), 7u);
  EXPECT_EQ(numbers(v), (std::vector<std::string>{"3.1", "3.2", "3.3", "3.1.6", "term_3.6a", "s6",
                                                  "term-sec-7"}));
  std::vector<bool> numbered;
  for (const Entry& e : v.entries()) numbered.push_back(e.numbered);
  EXPECT_EQ(numbered, (std::vector<bool>{true, true, true, true, false, false, false}));

  // Both ids link to the entry.
  ASSERT_EQ(v[0].ids.size(), 2u);
  EXPECT_EQ(v[0].ids[0], "sec_9.9");
  EXPECT_EQ(v[0].ids[1], "term_8.8");
  ASSERT_EQ(v[6].ids.size(), 0u);
  EXPECT_EQ(v.find_number("3.2"), &v[1]);
  EXPECT_EQ(v.find_number("3.3"), &v[2]);
  EXPECT_EQ(v.find_number("3.6"), nullptr);
  EXPECT_TRUE(with_rule(r, "unsupported-content").empty());
  EXPECT_TRUE(with_rule(r, "duplicate-number").empty());
}

TEST(LoadSts, LabelWithNoBreakSpacesAndNonBreakingHyphens) {
  // U+00A0 around the label, U+2011 between the parts of an IEC number.
  std::string doc = clause(
      "<term-sec><label>\xC2\xA0"
      "102\xE2\x80\x91"
      "01\xE2\x80\x91"
      "01\xC2\xA0</label>"
      "<tbx:termEntry>" +
      entry_body("quantity", "property of a phenomenon") + "</tbx:termEntry></term-sec>");
  LoadResult r = load_string(doc);
  ASSERT_EQ(r.vocabulary.size(), 1u);
  EXPECT_EQ(r.vocabulary[0].number,
            "102\xE2\x80\x91"
            "01\xE2\x80\x91"
            "01");
  EXPECT_TRUE(r.vocabulary[0].numbered);
  EXPECT_EQ(r.vocabulary.find_number("102-01-01"), &r.vocabulary[0]);
}

TEST(LoadSts, LabelThatIsNotANumberIsReportedAndTheIdUsed) {
  std::string doc =
      "<standard xmlns:tbx=\"urn:iso:std:iso:30042:ed-1\">\n"
      "<term-sec id=\"sec_A.1\">\n"
      "  <label>A.1</label>\n"
      "  <tbx:termEntry id=\"term_A.1\">" +
      entry_body("annex term", "term in an annex") + "</tbx:termEntry>\n</term-sec>\n</standard>";
  LoadResult r = load_string(doc);
  ASSERT_EQ(r.vocabulary.size(), 1u);
  EXPECT_EQ(r.vocabulary[0].number, "term_A.1");
  EXPECT_FALSE(r.vocabulary[0].numbered);
  auto u = with_rule(r, "unsupported-content");
  ASSERT_EQ(u.size(), 1u);
  EXPECT_EQ(u[0]->range.line, 3u);
  EXPECT_EQ(u[0]->range.column, 3u);
  EXPECT_EQ(u[0]->severity, Severity::warning);
  EXPECT_NE(u[0]->message.find("'A.1'"), std::string::npos);
}

TEST(LoadSts, NestedTermSecsAreEntriesAfterTheirParent) {
  std::string doc = clause(
      "<term-sec id=\"sec_3.1\"><label>3.1</label><tbx:termEntry id=\"term_3.1\">" +
      entry_body("velocity", "rate of change of position") +
      "</tbx:termEntry>"
      "<term-sec id=\"sec_3.1.1\"><label>3.1.1</label><tbx:termEntry>" +
      entry_body("terminal velocity", "highest velocity (3.1) reached in a fall") +
      "</tbx:termEntry>"
      "<term-sec><label>3.1.1.1</label><tbx:termEntry>" +
      entry_body("free-fall terminal velocity", "terminal velocity (3.1.1) without drag aids") +
      "</tbx:termEntry></term-sec></term-sec>"
      "<term-sec><label>3.1.2</label><tbx:termEntry>" +
      entry_body("escape velocity", "velocity (3.1) needed to leave a body's gravity") +
      "</tbx:termEntry></term-sec></term-sec>"
      "<term-sec><label>3.2</label><tbx:termEntry>" +
      entry_body("acceleration", "rate of change of velocity (3.1)") +
      "</tbx:termEntry></term-sec>");
  LoadResult r = load_string(doc);
  EXPECT_EQ(numbers(r.vocabulary),
            (std::vector<std::string>{"3.1", "3.1.1", "3.1.1.1", "3.1.2", "3.2"}));
  EXPECT_EQ(r.errors(), 0u);
  // The nested entry's references resolve to the parent.
  const Entry* e = r.vocabulary.find_number("3.1.1");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->languages.size(), 1u);
  ASSERT_NE(e->languages[0].definition, nullptr);
  ASSERT_EQ(e->languages[0].definition->references.size(), 1u);
  EXPECT_EQ(e->languages[0].definition->references[0].target, 0u);
}

TEST(LoadSts, DeepNestingDoesNotRecurse) {
  // 20,000 term-secs nested in each other, and a definition whose text sits
  // under 100,000 nested inline elements: read without recursion.
  const int depth = 20000;
  std::string doc = "<standard xmlns:tbx=\"urn:iso:std:iso:30042:ed-1\"><body>";
  for (int i = 1; i <= depth; ++i) {
    doc += "<term-sec><label>1." + std::to_string(i) + "</label><tbx:termEntry>";
    doc += "<tbx:langSet><tbx:tig><tbx:term>t" + std::to_string(i) +
           "</tbx:term></tbx:tig><tbx:definition>d</tbx:definition></tbx:langSet>";
    doc += "</tbx:termEntry>";
  }
  for (int i = 0; i < depth; ++i) doc += "</term-sec>";
  doc += "<term-sec><label>2.1</label><tbx:termEntry><tbx:langSet><tbx:definition>";
  const int inline_depth = 100000;
  for (int i = 0; i < inline_depth; ++i) doc += "<italic>";
  doc += "deep text";
  for (int i = 0; i < inline_depth; ++i) doc += "</italic>";
  doc +=
      "</tbx:definition><tbx:tig><tbx:term>deep</tbx:term></tbx:tig></tbx:langSet>"
      "</tbx:termEntry></term-sec></body></standard>";
  LoadResult r = load_string(doc);
  ASSERT_EQ(r.vocabulary.size(), static_cast<std::size_t>(depth) + 1);
  EXPECT_EQ(r.vocabulary[0].number, "1.1");
  EXPECT_EQ(r.vocabulary[depth - 1].number, "1.20000");
  EXPECT_EQ(r.vocabulary[depth - 1].languages[0].designations[0].text, "t20000");
  const Entry& last = r.vocabulary[depth];
  EXPECT_EQ(last.number, "2.1");
  ASSERT_NE(last.languages[0].definition, nullptr);
  EXPECT_EQ(last.languages[0].definition->text, "deep text");
  EXPECT_EQ(r.errors(), 0u);
  // Each nested entry ends at its own end tag: the innermost at the first
  // </term-sec>, the outermost at the last of the run (one line: columns
  // are byte offsets + 1, the text being ASCII).
  const std::size_t first_close = doc.find("</term-sec>") + std::string("</term-sec>").size();
  const std::size_t last_close = doc.find("<term-sec><label>2.1");
  EXPECT_EQ(r.vocabulary[depth - 1].range.end_column, first_close + 1);
  EXPECT_EQ(r.vocabulary[depth - 2].range.end_column,
            first_close + std::string("</term-sec>").size() + 1);
  EXPECT_EQ(r.vocabulary[0].range.end_column, last_close + 1);
  EXPECT_EQ(r.vocabulary[0].range.end_line, 1u);
}

TEST(LoadSts, DocumentOnOneLineLoadsInLinearTime) {
  // Minified files put everything on one line: positions must still be
  // found by moving forward, never by recounting the line from its start.
  // 20,000 entries with definitions, notes, references and data
  // categories (timed by BM_OneLineSts in bench/bench_hostile.cpp).
  const int n = 20000;
  std::string doc = hostile::one_line_sts(n);
  LoadResult r = load_string(doc);
  ASSERT_EQ(r.vocabulary.size(), static_cast<std::size_t>(n));
  EXPECT_TRUE(with_rule(r, "unsupported-content").empty());
  EXPECT_TRUE(with_rule(r, "dangling-reference").empty());
  const Entry& last = r.vocabulary[n - 1];
  EXPECT_EQ(last.range.line, 1u);
  const Designation& d = last.languages[0].designations[0];
  EXPECT_EQ(d.range.line, 1u);
  ASSERT_EQ(d.categories.size(), 1u);
  EXPECT_EQ(d.grammatical_gender(), "neuter");
  const std::size_t at = doc.rfind("<tbx:grammaticalGender");
  EXPECT_EQ(d.categories[0].range.line, 1u);
  EXPECT_EQ(d.categories[0].range.column, at + 1);
  EXPECT_EQ(d.categories[0].range.end_column,
            at + std::string("<tbx:grammaticalGender value=\"neuter\"/>").size() + 1);
}

// -- namespaces -------------------------------------------------------------

TEST(LoadSts, AllThreeTbxNamespacesAndAnyPrefix) {
  const char* uris[] = {"urn:iso:std:iso:30042:ed-1", "urn:iso:std:iso:30042:ed-1:v1:en",
                        "urn:iso:std:iso:30042:ed-2"};
  for (const char* uri : uris) {
    SCOPED_TRACE(uri);
    std::string doc =
        clause("<term-sec><label>3.1</label><tbx:termEntry>" +
                   entry_body("asset", "anything of value") + "</tbx:termEntry></term-sec>",
               uri);
    LoadResult r = load_string(doc);
    ASSERT_EQ(r.vocabulary.size(), 1u);
    ASSERT_EQ(r.vocabulary[0].languages.size(), 1u);
    EXPECT_EQ(terms(r.vocabulary[0].languages[0]), std::vector<std::string>{"asset"});
    EXPECT_TRUE(r.diagnostics.empty());
  }

  // Another prefix, declared on the termEntry; and a default namespace.
  std::string doc =
      "<standard><body>"
      "<term-sec><label>3.1</label>"
      "<t:termEntry xmlns:t=\"urn:iso:std:iso:30042:ed-2\"><t:langSet xml:lang=\"en\">"
      "<t:definition>one-time <t:entailedTerm target=\"term_3.2\">block (3.2)</t:entailedTerm> "
      "field</t:definition><t:tig><t:term>nonce</t:term>"
      "<t:normativeAuthorization value=\"preferredTerm\"/></t:tig></t:langSet></t:termEntry>"
      "</term-sec>"
      "<term-sec><label>3.2</label>"
      "<termEntry xmlns=\"urn:iso:std:iso:30042:ed-1\" id=\"term_3.2\"><langSet xml:lang=\"en\">"
      "<definition>unit of ledger data</definition><tig><term>block</term></tig>"
      "</langSet></termEntry></term-sec>"
      "</body></standard>";
  LoadResult r = load_string(doc);
  ASSERT_EQ(r.vocabulary.size(), 2u);
  EXPECT_EQ(terms(r.vocabulary[0].languages[0]), std::vector<std::string>{"nonce"});
  EXPECT_EQ(terms(r.vocabulary[1].languages[0]), std::vector<std::string>{"block"});
  const TextBlock* def = r.vocabulary[0].languages[0].definition;
  ASSERT_NE(def, nullptr);
  ASSERT_EQ(def->references.size(), 1u);
  EXPECT_TRUE(def->references[0].markup);
  EXPECT_EQ(def->references[0].target, 1u);
  EXPECT_TRUE(r.diagnostics.empty());
}

TEST(LoadSts, TbxPrefixBoundToAnotherNamespaceIsNotTbx) {
  std::string doc =
      "<standard xmlns:tbx=\"urn:example:not-tbx\">\n"
      "<term-sec><label>3.1</label>\n"
      "<tbx:termEntry>" +
      entry_body("asset", "anything of value") + "</tbx:termEntry></term-sec>\n</standard>";
  LoadResult r = load_string(doc);
  EXPECT_EQ(r.vocabulary.size(), 0u);
  auto u = with_rule(r, "unsupported-content");
  ASSERT_EQ(u.size(), 1u);
  EXPECT_EQ(u[0]->range.line, 2u);
  EXPECT_EQ(u[0]->range.column, 1u);
  EXPECT_NE(u[0]->message.find("termEntry"), std::string::npos);
}

TEST(LoadSts, UndeclaredTbxPrefixIsTbxAsTheIsoStsDtdDeclaresIt) {
  // ISO STS files declare xmlns:tbx in the DTD only.
  std::string doc = "<standard><body><term-sec id=\"term_2.4\"><label>2.4</label><tbx:termEntry>" +
                    entry_body("inline element", "element within a line of text") +
                    "</tbx:termEntry></term-sec></body></standard>";
  LoadResult r = load_string(doc);
  ASSERT_EQ(r.vocabulary.size(), 1u);
  EXPECT_EQ(r.vocabulary[0].number, "2.4");
  EXPECT_EQ(terms(r.vocabulary[0].languages[0]), std::vector<std::string>{"inline element"});
}

TEST(LoadSts, TermEntryOutsideATermSecIsAnEntry) {
  std::string doc =
      "<standard xmlns:tbx=\"urn:iso:std:iso:30042:ed-1\"><body><sec>"
      "<tbx:termEntry id=\"term_4.1\">" +
      entry_body("wallet", "store of keys") + "</tbx:termEntry></sec></body></standard>";
  LoadResult r = load_string(doc);
  ASSERT_EQ(r.vocabulary.size(), 1u);
  EXPECT_EQ(r.vocabulary[0].number, "4.1");
  ASSERT_EQ(r.vocabulary[0].ids.size(), 1u);
  EXPECT_EQ(r.vocabulary[0].ids[0], "term_4.1");
}

// -- designations -----------------------------------------------------------

TEST(LoadSts, StatusesKindsAndPartsOfSpeech) {
  std::string doc = clause(
      "<term-sec><label>3.1</label><tbx:termEntry><tbx:langSet xml:lang=\"en\">"
      "<tbx:definition>short definition</tbx:definition>"
      "<tbx:tig><tbx:term>one</tbx:term><tbx:partOfSpeech value=\"noun\"/>"
      "<tbx:normativeAuthorization value=\"preferredTerm\"/>"
      "<tbx:termType value=\"fullForm\"/></tbx:tig>"
      "<tbx:tig><tbx:term>two</tbx:term><tbx:normativeAuthorization value=\"admittedTerm\"/>"
      "<tbx:termType value=\"acronym\"/></tbx:tig>"
      "<tbx:tig><tbx:term>three</tbx:term><tbx:normativeAuthorization value=\"deprecatedTerm\"/>"
      "<tbx:termType value=\"abbreviation\"/></tbx:tig>"
      "<tbx:tig><tbx:term>four</tbx:term><tbx:normativeAuthorization value=\"supersededTerm\"/>"
      "<tbx:termType value=\"shortForm\"/></tbx:tig>"
      "<tbx:tig><tbx:term>five</tbx:term><tbx:termType value=\"initialism\"/></tbx:tig>"
      "<tbx:tig><tbx:term>six</tbx:term><tbx:termType value=\"symbol\"/></tbx:tig>"
      "<tbx:tig><tbx:term>seven</tbx:term><tbx:termType value=\"formula\"/></tbx:tig>"
      "<tbx:tig><tbx:term>eight</tbx:term><tbx:termType value=\"equation\"/></tbx:tig>"
      "<tbx:tig><tbx:term>nine</tbx:term><tbx:termType value=\"variant\"/></tbx:tig>"
      "<tbx:tig><tbx:term>ten</tbx:term><tbx:termType value=\"phraseologicalUnit\"/>"
      "<tbx:partOfSpeech value=\"verb\"/></tbx:tig>"
      "</tbx:langSet></tbx:termEntry></term-sec>");
  LoadResult r = load_string(doc);
  ASSERT_EQ(r.vocabulary.size(), 1u);
  const LanguageSection& s = r.vocabulary[0].languages[0];
  ASSERT_EQ(s.designations.size(), 10u);
  const Status st[] = {Status::preferred, Status::admitted, Status::deprecated, Status::deprecated,
                       Status::admitted,  Status::admitted, Status::admitted,   Status::admitted,
                       Status::admitted,  Status::admitted};
  const TermKind k[] = {TermKind::full_form,    TermKind::abbreviation, TermKind::abbreviation,
                        TermKind::abbreviation, TermKind::abbreviation, TermKind::symbol,
                        TermKind::symbol,       TermKind::symbol,       TermKind::other,
                        TermKind::other};
  for (std::size_t i = 0; i < 10; ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(s.designations[i].status, st[i]);
    EXPECT_EQ(s.designations[i].kind, k[i]);
  }
  EXPECT_EQ(s.designations[0].part_of_speech, "noun");
  EXPECT_EQ(s.designations[1].part_of_speech, "");
  EXPECT_EQ(s.designations[9].part_of_speech, "verb");
  EXPECT_TRUE(r.diagnostics.empty());
}

TEST(LoadSts, UnmarkedTermsDefaultAndUnknownStatusIsReported) {
  std::string doc =
      "<standard xmlns:tbx=\"urn:iso:std:iso:30042:ed-1\"><term-sec><label>3.1</label>\n"
      "<tbx:termEntry><tbx:langSet><tbx:definition>d</tbx:definition>\n"
      "<tbx:tig><tbx:term>first</tbx:term></tbx:tig>\n"
      "<tbx:tig><tbx:term>second</tbx:term>"
      "<tbx:normativeAuthorization value=\"legalTerm\"/></tbx:tig>\n"
      "<tbx:ntig><tbx:termGrp><tbx:term>third</tbx:term>"
      "<tbx:termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</tbx:termNote>"
      "</tbx:termGrp></tbx:ntig>\n"
      "</tbx:langSet></tbx:termEntry></term-sec></standard>";
  LoadResult r = load_string(doc);
  ASSERT_EQ(r.vocabulary.size(), 1u);
  const LanguageSection& s = r.vocabulary[0].languages[0];
  EXPECT_EQ(terms(s), (std::vector<std::string>{"first", "second", "third"}));
  EXPECT_EQ(s.designations[0].status, Status::preferred);
  EXPECT_EQ(s.designations[1].status, Status::admitted);
  EXPECT_EQ(s.designations[2].status, Status::deprecated);
  auto u = with_rule(r, "unsupported-content");
  ASSERT_EQ(u.size(), 1u);
  EXPECT_EQ(u[0]->range.line, 4u);
  EXPECT_EQ(u[0]->range.column, 37u);  // the '<' of normativeAuthorization
  EXPECT_NE(u[0]->message.find("'legalTerm'"), std::string::npos);
  ASSERT_EQ(u[0]->entries.size(), 1u);
  EXPECT_EQ(termgraph::test::entry_numbers(r, *u[0])[0], "3.1");
}

TEST(LoadSts, TermTextIsFlattenedAndCollapsed) {
  std::string doc = clause(
      "<term-sec><label>3.1</label><tbx:termEntry><tbx:langSet xml:lang=\"en\">"
      "<tbx:definition>radius of the beam</tbx:definition>"
      "<tbx:tig><tbx:term>beam   waist\n      radius</tbx:term></tbx:tig>"
      "<tbx:tig><tbx:term><italic>w<sub>0,u</sub></italic></tbx:term>"
      "<tbx:termType value=\"symbol\"/></tbx:tig>"
      "<tbx:tig><tbx:term><![CDATA[a<b]]></tbx:term></tbx:tig>"
      "</tbx:langSet></tbx:termEntry></term-sec>");
  LoadResult r = load_string(doc);
  ASSERT_EQ(r.vocabulary.size(), 1u);
  EXPECT_EQ(terms(r.vocabulary[0].languages[0]),
            (std::vector<std::string>{"beam waist radius", "w0,u", "a<b"}));
}

TEST(LoadSts, EmptyTermIsSkippedMarkupOnlyTermAndTigWithoutTermAreReported) {
  std::string doc =
      "<standard xmlns:tbx=\"urn:iso:std:iso:30042:ed-1\" "
      "xmlns:mml=\"http://www.w3.org/1998/Math/MathML\"><term-sec><label>3.1</label>\n"
      "<tbx:termEntry><tbx:langSet xml:lang=\"en\"><tbx:definition>d</tbx:definition>\n"
      "<tbx:tig><tbx:term>vector</tbx:term></tbx:tig>\n"
      "<tbx:tig><tbx:term><mml:math><mml:mrow/></mml:math></tbx:term></tbx:tig>\n"
      "<tbx:tig><tbx:partOfSpeech value=\"noun\"/></tbx:tig>\n"
      "</tbx:langSet><tbx:langSet xml:lang=\"ru\"><tbx:definition>d</tbx:definition>\n"
      "<tbx:tig><tbx:term/></tbx:tig>\n"
      "</tbx:langSet></tbx:termEntry></term-sec></standard>";
  LoadResult r = load_string(doc);
  ASSERT_EQ(r.vocabulary.size(), 1u);
  ASSERT_EQ(r.vocabulary[0].languages.size(), 2u);
  EXPECT_EQ(terms(r.vocabulary[0].languages[0]), std::vector<std::string>{"vector"});
  EXPECT_TRUE(r.vocabulary[0].languages[1].designations.empty());
  auto u = with_rule(r, "unsupported-content");
  ASSERT_EQ(u.size(), 2u);
  EXPECT_EQ(u[0]->range.line, 4u);
  EXPECT_EQ(u[0]->range.column, 10u);
  EXPECT_NE(u[0]->message.find("only markup"), std::string::npos);
  EXPECT_EQ(u[1]->range.line, 5u);
  EXPECT_EQ(u[1]->range.column, 1u);
  EXPECT_NE(u[1]->message.find("without a term"), std::string::npos);
}

// -- element order, unsupported content ---------------------------------------

TEST(LoadSts, ChildrenOfLangSetInAnyOrder) {
  // tig before note before definition (as glossarist writes them), source
  // first, example last.
  std::string doc = clause(
      "<term-sec><label>3.1</label><tbx:termEntry><tbx:langSet xml:lang=\"en\">"
      "<tbx:source>ISO 22739:2020, 3.1, modified</tbx:source>"
      "<tbx:tig><tbx:term>asset</tbx:term></tbx:tig>"
      "<tbx:note>first note</tbx:note>"
      "<tbx:definition>anything that has value to a stakeholder</tbx:definition>"
      "<tbx:tig><tbx:term>item of value</tbx:term></tbx:tig>"
      "<tbx:note>second note</tbx:note>"
      "<tbx:example>a token</tbx:example>"
      "</tbx:langSet></tbx:termEntry></term-sec>");
  LoadResult r = load_string(doc);
  ASSERT_EQ(r.vocabulary.size(), 1u);
  const LanguageSection& s = r.vocabulary[0].languages[0];
  EXPECT_EQ(terms(s), (std::vector<std::string>{"asset", "item of value"}));
  EXPECT_EQ(s.designations[0].status, Status::preferred);
  EXPECT_EQ(s.designations[1].status, Status::admitted);
  ASSERT_NE(s.definition, nullptr);
  EXPECT_EQ(s.definition->text, "anything that has value to a stakeholder");
  ASSERT_EQ(s.notes.size(), 2u);
  EXPECT_EQ(s.notes[0].text, "first note");
  EXPECT_EQ(s.notes[1].text, "second note");
  ASSERT_EQ(s.examples.size(), 1u);
  EXPECT_EQ(s.examples[0].text, "a token");
  EXPECT_EQ(s.examples[0].kind, BlockKind::example);
  ASSERT_EQ(s.sources.size(), 1u);
  EXPECT_EQ(s.sources[0].text, "ISO 22739:2020, 3.1, modified");
  EXPECT_TRUE(r.diagnostics.empty());
}

TEST(LoadSts, ElementsTheModelDoesNotCoverAreReportedOneEachCategoriesKept) {
  std::string doc =
      "<standard xmlns:tbx=\"urn:iso:std:iso:30042:ed-1\">\n"        // 1
      "<term-sec id=\"sec_3.1\">\n"                                  // 2
      "  <label>3.1</label>\n"                                       // 3
      "  <tbx:termEntry id=\"term_3.1\">\n"                          // 4
      "    <tbx:xGraphic xtarget=\"figure-1.png\"/>\n"               // 5
      "    <tbx:langSet xml:lang=\"en\">\n"                          // 6
      "      <tbx:subjectField>physics</tbx:subjectField>\n"         // 7
      "      <tbx:definition>a definition</tbx:definition>\n"        // 8
      "      <tbx:see>Figure 1</tbx:see>\n"                          // 9
      "      <tbx:crossReference>other term</tbx:crossReference>\n"  // 10
      "      <tbx:tig>\n"                                            // 11
      "        <tbx:term>stop</tbx:term>\n"                          // 12
      "        <tbx:usageNote>loosely used</tbx:usageNote>\n"        // 13
      "        <tbx:grammaticalGender value=\"masculine\"/>\n"       // 14
      "      </tbx:tig>\n"                                           // 15
      "    </tbx:langSet>\n"                                         // 16
      "  </tbx:termEntry>\n"                                         // 17
      "  <term-display><p>stop</p></term-display>\n"                 // 18
      "</term-sec>\n"                                                // 19
      "<term-sec id=\"sec_3.2\"><label>3.2</label></term-sec>\n"     // 20
      "</standard>\n";
  LoadResult r = load_string(doc);
  ASSERT_EQ(r.vocabulary.size(), 1u);
  const LanguageSection& s = r.vocabulary[0].languages[0];
  EXPECT_EQ(terms(s), std::vector<std::string>{"stop"});
  ASSERT_NE(s.definition, nullptr);
  EXPECT_EQ(s.definition->text, "a definition");
  EXPECT_TRUE(s.notes.empty());

  auto u = with_rule(r, "unsupported-content");
  struct Expected {
    std::uint32_t line, column;
    const char* what;
  };
  // The data categories ISO STS's TBX markup carries are kept (at their
  // level, where they are written), not reported.
  const Entry& e = r.vocabulary[0];
  ASSERT_EQ(e.categories.size(), 1u);
  EXPECT_EQ(e.categories[0].type, "xGraphic");
  EXPECT_EQ(e.categories[0].target, "figure-1.png");
  EXPECT_EQ(e.categories[0].range.line, 5u);
  EXPECT_EQ(e.categories[0].range.column, 5u);
  ASSERT_EQ(s.categories.size(), 3u);
  const struct {
    const DataCategory& c;
    std::uint32_t line, column;
    const char* type;
  } kept[] = {{s.categories[0], 7, 7, "subjectField"},
              {s.categories[1], 9, 7, "see"},
              {s.categories[2], 10, 7, "crossReference"},
              {s.designations[0].categories[0], 13, 9, "usageNote"},
              {s.designations[0].categories[1], 14, 9, "grammaticalGender"}};
  ASSERT_EQ(s.designations[0].categories.size(), 2u);
  for (const auto& k : kept) {
    SCOPED_TRACE(k.type);
    EXPECT_EQ(k.c.type, k.type);
    EXPECT_EQ(k.c.range.line, k.line);
    EXPECT_EQ(k.c.range.column, k.column);
  }
  EXPECT_EQ(s.designations[0].grammatical_gender(), "masculine");
  EXPECT_EQ(s.designations[0].usage_note(), "loosely used");

  const Expected expected[] = {
      {18, 3, "term-display"},
      {20, 1, "without a TBX termEntry"},
  };
  ASSERT_EQ(u.size(), std::size(expected));
  for (std::size_t i = 0; i < u.size(); ++i) {
    SCOPED_TRACE(expected[i].what);
    EXPECT_EQ(u[i]->range.line, expected[i].line);
    EXPECT_EQ(u[i]->range.column, expected[i].column);
    EXPECT_EQ(u[i]->severity, Severity::warning);
    EXPECT_TRUE(u[i]->is(RuleId::unsupported_content));
    EXPECT_NE(u[i]->message.find(expected[i].what), std::string::npos) << u[i]->message;
  }
  // Nothing else: warnings only.
  EXPECT_EQ(r.errors(), 0u);
}

TEST(LoadSts, StrayTextAndASecondTermEntryAreReported) {
  std::string doc =
      "<standard xmlns:tbx=\"urn:iso:std:iso:30042:ed-1\"><term-sec><label>3.1</label>\n"
      "<tbx:termEntry><tbx:langSet xml:lang=\"en\">loose words\n"
      "<tbx:definition>d</tbx:definition><tbx:tig><tbx:term>t</tbx:term></tbx:tig>"
      "</tbx:langSet></tbx:termEntry>\n"
      "<tbx:termEntry><tbx:langSet><tbx:tig><tbx:term>u</tbx:term></tbx:tig></tbx:langSet>"
      "</tbx:termEntry></term-sec></standard>";
  LoadResult r = load_string(doc);
  ASSERT_EQ(r.vocabulary.size(), 1u);
  EXPECT_EQ(terms(r.vocabulary[0].languages[0]), std::vector<std::string>{"t"});
  auto u = with_rule(r, "unsupported-content");
  ASSERT_EQ(u.size(), 2u);
  EXPECT_EQ(u[0]->range.line, 2u);
  EXPECT_EQ(u[0]->range.column, 43u);
  EXPECT_NE(u[0]->message.find("text directly in a langSet"), std::string::npos);
  EXPECT_EQ(u[1]->range.line, 4u);
  EXPECT_EQ(u[1]->range.column, 1u);
  EXPECT_NE(u[1]->message.find("'tbx:termEntry' in a term-sec"), std::string::npos);
}

// -- text blocks ---------------------------------------------------------------

TEST(LoadSts, InlineMarkupIsFlattenedAndXrefIsNotAReference) {
  std::string doc = clause(
      "<term-sec><label>3.1</label><tbx:termEntry><tbx:langSet xml:lang=\"en\">"
      "<tbx:definition>radius <italic>w</italic><sub>u</sub> of the <bold>beam</bold> at "
      "its <![CDATA[<waist>]]></tbx:definition>"
      "<tbx:note>the procedure is in <xref ref-type=\"sec\" rid=\"sec_4.2.2\">4.2.2</xref> and "
      "<xref ref-type=\"sec\" rid=\"sec_5\">(5)</xref></tbx:note>"
      "<tbx:note>rates:<list><list-item><label>a)</label><p>pilot,</p></list-item>"
      "<list-item><label>b)</label><p>output</p></list-item></list>as listed</tbx:note>"
      "<tbx:tig><tbx:term>beam radius</tbx:term></tbx:tig>"
      "</tbx:langSet></tbx:termEntry></term-sec>");
  LoadResult r = load_string(doc);
  ASSERT_EQ(r.vocabulary.size(), 1u);
  const LanguageSection& s = r.vocabulary[0].languages[0];
  ASSERT_NE(s.definition, nullptr);
  EXPECT_EQ(s.definition->text, "radius wu of the beam at its <waist>");
  EXPECT_TRUE(s.definition->references.empty());
  ASSERT_EQ(s.notes.size(), 2u);
  EXPECT_EQ(s.notes[0].text, "the procedure is in 4.2.2 and (5)");
  // The xref's text stays; it is a clause, and no link was made of it.
  for (const Reference& ref : s.notes[0].references) EXPECT_FALSE(ref.markup);
  // Paragraph-like elements keep their words apart.
  EXPECT_EQ(s.notes[1].text, "rates: a) pilot, b) output as listed");
}

TEST(LoadSts, SpaceAtTheStartOfAnEntailedTermIsCollapsedWithTheOneBefore) {
  // As in ISO 10360-1 samples: "<entailedTerm> probing system (2.6)</..>"
  // after a line break. One space, and the reference still found where it
  // is written.
  std::string doc =
      "<standard xmlns:tbx=\"urn:iso:std:iso:30042:ed-1\"><term-sec><label>2.1</label>\n"
      "<tbx:termEntry><tbx:langSet xml:lang=\"en\"><tbx:definition>errors of the\n"
      "   <tbx:entailedTerm> probing system (2.6)</tbx:entailedTerm>.</tbx:definition>\n"
      "<tbx:tig><tbx:term>probe error</tbx:term></tbx:tig></tbx:langSet></tbx:termEntry>"
      "</term-sec></standard>";
  LoadResult r = load_string(doc);
  ASSERT_EQ(r.vocabulary.size(), 1u);
  const TextBlock* def = r.vocabulary[0].languages[0].definition;
  ASSERT_NE(def, nullptr);
  EXPECT_EQ(def->text, "errors of the probing system (2.6).");
  ASSERT_EQ(def->references.size(), 1u);
  EXPECT_EQ(def->references[0].term, "probing system");
  EXPECT_EQ(def->references[0].range.line, 3u);
  EXPECT_EQ(def->references[0].range.column, 39u);
}

TEST(LoadSts, EntailedTermResolvesByTargetIdByNumberAndExternal) {
  std::string doc = clause(
      "<term-sec id=\"sec_3.30\"><label>3.30</label><tbx:termEntry id=\"term_3.30\">" +
      entry_body("DLT system", "system that runs a distributed ledger") +
      "</tbx:termEntry></term-sec>"
      "<term-sec id=\"sec_3.27\"><label>3.27</label><tbx:termEntry id=\"term_3.27\">" +
      entry_body("DLT node", "participant in a DLT system") +
      "</tbx:termEntry></term-sec>"
      "<term-sec><label>3.1</label><tbx:termEntry>" +
      entry_body("ledger client",
                 "program that talks to a "
                 "<tbx:entailedTerm target=\"term_3.30\">DLT system (3.30)</tbx:entailedTerm> "
                 "through <tbx:entailedTerm target=\"3.27\">DLT nodes</tbx:entailedTerm> or "
                 "<tbx:entailedTerm xtarget=\"urn:iso:std:iso:1087\">concept</tbx:entailedTerm>"
                 " (3.99)") +
      "</tbx:termEntry></term-sec>");
  LoadResult r = load_string(doc);
  ASSERT_EQ(r.vocabulary.size(), 3u);
  const TextBlock* def = r.vocabulary[2].languages[0].definition;
  ASSERT_NE(def, nullptr);
  EXPECT_EQ(def->text,
            "program that talks to a DLT system (3.30) through DLT nodes or concept (3.99)");
  ASSERT_EQ(def->references.size(), 3u);
  const Reference& a = def->references[0];
  EXPECT_TRUE(a.markup);
  EXPECT_EQ(a.target_id, "term_3.30");
  EXPECT_EQ(a.term, "DLT system");
  EXPECT_EQ(a.number, "3.30");
  EXPECT_EQ(a.target, 0u);
  const Reference& b = def->references[1];
  EXPECT_TRUE(b.markup);
  EXPECT_EQ(b.term, "DLT nodes");
  EXPECT_EQ(b.number, "3.27");
  EXPECT_EQ(b.target, 1u);
  const Reference& c = def->references[2];
  EXPECT_TRUE(c.markup);
  EXPECT_TRUE(c.external);
  EXPECT_EQ(c.target, no_entry);
  // The link into another document is never dangling; nothing else is
  // wrong here either.
  EXPECT_TRUE(with_rule(r, "dangling-reference").empty());
  EXPECT_TRUE(with_rule(r, "label-mismatch").empty());
}

TEST(LoadSts, EntailedTermWithEmptyParenthesesAndSplitNumber) {
  std::string doc = clause(
      "<term-sec id=\"sec_3.75\"><label>3.75</label><tbx:termEntry id=\"term_3.75\">" +
      entry_body("time", "moment on a clock") +
      "</tbx:termEntry></term-sec>"
      "<term-sec><label>4.105</label><tbx:termEntry id=\"term_4.105\">" +
      entry_body("fire effluent", "gases and particles given off by a fire") +
      "</tbx:termEntry></term-sec>"
      "<term-sec><label>3.76</label><tbx:termEntry>" +
      entry_body("timestamp",
                 "record of the <tbx:entailedTerm target=\"term_3.75\">time ()</tbx:entailedTerm>"
                 " of an event") +
      "</tbx:termEntry></term-sec>"
      "<term-sec><label>4.1</label><tbx:termEntry>" +
      entry_body("smoke",
                 "visible part of <tbx:entailedTerm>fire effluent (4.105</tbx:entailedTerm>)") +
      "</tbx:termEntry></term-sec>");
  LoadResult r = load_string(doc);
  ASSERT_EQ(r.vocabulary.size(), 4u);

  const TextBlock* def = r.vocabulary[2].languages[0].definition;
  ASSERT_NE(def, nullptr);
  EXPECT_EQ(def->text, "record of the time () of an event");
  ASSERT_EQ(def->references.size(), 1u);
  EXPECT_EQ(def->references[0].term, "time");
  EXPECT_EQ(def->references[0].target, 0u);

  def = r.vocabulary[3].languages[0].definition;
  ASSERT_NE(def, nullptr);
  EXPECT_EQ(def->text, "visible part of fire effluent (4.105)");
  ASSERT_EQ(def->references.size(), 1u);
  EXPECT_EQ(def->references[0].term, "fire effluent");
  EXPECT_EQ(def->references[0].number, "4.105");
  EXPECT_EQ(def->references[0].target, 1u);
  EXPECT_TRUE(with_rule(r, "dangling-reference").empty());
}

TEST(LoadSts, DanglingEntailedTermIsReportedAtItsNumber) {
  std::string doc =
      "<standard xmlns:tbx=\"urn:iso:std:iso:30042:ed-1\"><term-sec><label>3.1</label>\n"
      "<tbx:termEntry><tbx:langSet xml:lang=\"en\">\n"
      "<tbx:definition>part of a\n"
      "  <tbx:entailedTerm>block (3.2)</tbx:entailedTerm></tbx:definition>\n"
      "<tbx:tig><tbx:term>header</tbx:term></tbx:tig></tbx:langSet></tbx:termEntry>"
      "</term-sec></standard>";
  LoadResult r = load_string(doc);
  auto d = with_rule(r, "dangling-reference");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0]->range.line, 4u);
  EXPECT_EQ(d[0]->range.column, 28u);
  EXPECT_EQ(d[0]->target, "3.2");
}

TEST(LoadSts, DanglingTargetIdWithoutNumberReportsTheCitedNumber) {
  std::string doc =
      "<standard xmlns:tbx=\"urn:iso:std:iso:30042:ed-1\"><term-sec><label>3.1</label>\n"
      "<tbx:termEntry><tbx:langSet xml:lang=\"en\">\n"
      "<tbx:definition>part of a <tbx:entailedTerm target=\"term_3.9\">block</tbx:entailedTerm>"
      " and a <tbx:entailedTerm target=\"elsewhere\">thing</tbx:entailedTerm></tbx:definition>\n"
      "<tbx:tig><tbx:term>header</tbx:term></tbx:tig></tbx:langSet></tbx:termEntry>"
      "</term-sec></standard>";
  LoadResult r = load_string(doc);
  auto d = with_rule(r, "dangling-reference");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0]->target, "3.9");
  EXPECT_EQ(d[0]->range.line, 3u);
  EXPECT_EQ(d[0]->range.column, 63u);
  EXPECT_EQ(d[1]->target, "elsewhere");
}

// -- languages and positions ---------------------------------------------------

TEST(LoadSts, LanguagesFromLangSetInheritedOrContentLanguage) {
  std::string doc =
      "<standard xmlns:tbx=\"urn:iso:std:iso:30042:ed-1\"><front><std-meta>"
      "<content-language>fr</content-language></std-meta></front><body>"
      "<term-sec><label>3.1</label><tbx:termEntry>"
      "<tbx:langSet><tbx:definition>d</tbx:definition><tbx:tig><tbx:term>écrou</tbx:term>"
      "</tbx:tig></tbx:langSet>"
      "<tbx:langSet xml:lang=\"ru\"><tbx:definition>d</tbx:definition><tbx:tig>"
      "<tbx:term>гайка</tbx:term></tbx:tig></tbx:langSet>"
      "</tbx:termEntry></term-sec>"
      "<term-sec xml:lang=\"de\"><label>3.2</label><tbx:termEntry>"
      "<tbx:langSet><tbx:definition>d</tbx:definition><tbx:tig><tbx:term>Mutter</tbx:term>"
      "</tbx:tig></tbx:langSet></tbx:termEntry></term-sec>"
      "</body></standard>";
  LoadResult r = load_string(doc);
  ASSERT_EQ(r.vocabulary.size(), 2u);
  ASSERT_EQ(r.vocabulary[0].languages.size(), 2u);
  EXPECT_EQ(r.vocabulary[0].languages[0].language, "fr");
  EXPECT_EQ(r.vocabulary[0].languages[1].language, "ru");
  EXPECT_EQ(r.vocabulary[1].languages[0].language, "de");
  ASSERT_NE(r.vocabulary[0].section("ru"), nullptr);
  EXPECT_EQ(terms(*r.vocabulary[0].section("ru")), std::vector<std::string>{"гайка"});

  // Without content-language, English.
  std::string plain = clause(
      "<term-sec><label>3.1</label><tbx:termEntry><tbx:langSet>"
      "<tbx:definition>d</tbx:definition><tbx:tig><tbx:term>nut</tbx:term>"
      "</tbx:tig></tbx:langSet></tbx:termEntry></term-sec>");
  LoadResult p = load_string(plain);
  ASSERT_EQ(p.vocabulary.size(), 1u);
  EXPECT_EQ(p.vocabulary[0].languages[0].language, "en");
}

TEST(LoadSts, SourceRangesOfEntriesSectionsTermsBlocksAndReferences) {
  std::string doc = read_fixture("positions.xml");
  ASSERT_FALSE(doc.empty()) << "fixture tests/data/sts/positions.xml not found";
  LoadResult r = load_string(doc, "positions.xml");
  ASSERT_EQ(r.vocabulary.size(), 2u);
  EXPECT_EQ(r.errors(), 0u);
  const Entry& block = r.vocabulary[0];
  EXPECT_EQ(block.number, "3.2");
  EXPECT_EQ(block.range.line, 6u);
  EXPECT_EQ(block.range.column, 7u);  // the '<' of <term-sec
  ASSERT_EQ(block.languages.size(), 2u);

  const LanguageSection& en = block.languages[0];
  EXPECT_EQ(en.language, "en");
  EXPECT_EQ(en.range.line, 9u);
  EXPECT_EQ(en.range.column, 11u);
  ASSERT_EQ(en.designations.size(), 2u);
  EXPECT_EQ(en.designations[0].text, "block");
  EXPECT_EQ(en.designations[0].range.line, 12u);
  EXPECT_EQ(en.designations[0].range.column, 32u);  // its first character
  EXPECT_EQ(en.designations[1].text, "data block");
  EXPECT_EQ(en.designations[1].status, Status::deprecated);
  EXPECT_EQ(en.designations[1].range.line, 17u);
  EXPECT_EQ(en.designations[1].range.column, 15u);

  ASSERT_NE(en.definition, nullptr);
  EXPECT_EQ(en.definition->range.line, 10u);
  EXPECT_EQ(en.definition->range.column, 13u);
  EXPECT_EQ(en.definition->text,
            "unit of ledger data chained to the previous one through its block header (3.4)");
  ASSERT_EQ(en.definition->references.size(), 1u);
  const Reference& ref = en.definition->references[0];
  EXPECT_EQ(ref.target, 1u);
  EXPECT_EQ(ref.range.line, 11u);
  EXPECT_EQ(ref.range.column, 69u);  // the number 3.4
  ASSERT_EQ(en.notes.size(), 1u);
  EXPECT_EQ(en.notes[0].range.line, 20u);
  EXPECT_EQ(en.notes[0].range.column, 13u);

  const LanguageSection& ru = block.languages[1];
  EXPECT_EQ(ru.language, "ru");
  ASSERT_EQ(ru.designations.size(), 1u);
  EXPECT_EQ(ru.designations[0].text, "блок");
  EXPECT_EQ(ru.designations[0].range.line, 24u);
  EXPECT_EQ(ru.designations[0].range.column, 32u);
  ASSERT_NE(ru.definition, nullptr);
  ASSERT_EQ(ru.definition->references.size(), 1u);
  // Columns count code points: the Cyrillic text before the number is one
  // column per letter.
  EXPECT_EQ(ru.definition->references[0].range.line, 23u);
  EXPECT_EQ(ru.definition->references[0].range.column, 99u);
  EXPECT_EQ(ru.definition->references[0].target, 1u);

  // The two definitions cite each other: the known circularity of
  // ISO 22739, reported once for the group.
  auto c = with_rule(r, "circular-definition");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(termgraph::test::entry_numbers(r, *c[0]), (std::vector<std::string>{"3.2", "3.4"}));
}

TEST(LoadSts, DiagnosticsOfLaterEntriesNameTheirFile) {
  std::vector<Source> sources;
  sources.push_back({"a.xml", clause("<term-sec><label>3.1</label><tbx:termEntry>" +
                                     entry_body("asset", "anything of value (3.9)") +
                                     "</tbx:termEntry></term-sec>")});
  sources.push_back({"b.xml", clause("<term-sec><label>3.9</label><tbx:termEntry>" +
                                     entry_body("value", "worth of an asset (3.1)") +
                                     "</tbx:termEntry></term-sec>")});
  LoadResult r = load_sources(std::move(sources));
  ASSERT_EQ(r.vocabulary.size(), 2u);
  EXPECT_EQ(r.vocabulary[0].range.file, 0u);
  EXPECT_EQ(r.vocabulary[1].range.file, 1u);
  // References cross files.
  EXPECT_EQ(r.vocabulary[0].languages[0].definition->references[0].target, 1u);
  EXPECT_EQ(r.vocabulary[1].languages[0].definition->references[0].target, 0u);
  EXPECT_TRUE(with_rule(r, "dangling-reference").empty());
}
