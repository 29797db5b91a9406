// The native format reader, through load_string() on small documents:
// entry numbers and fallback ids, languages, statuses (explicit and
// defaulted), kinds, text blocks and white space, markup and plain
// references with their positions, unsupported content with its position,
// deep nesting; and format detection from the root element and namespaces.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "load/formats.hpp"
#include "termgraph/load.hpp"
#include "termgraph/rules.hpp"
#include "test_support.hpp"

using namespace termgraph;

namespace {

using termgraph::test::all_messages;
using termgraph::test::with_rule;

const std::string ns = "urn:termgraph:vocabulary:1";

/// A native document around `body`.
std::string vocabulary(const std::string& body, const std::string& attributes = "") {
  return "<vocabulary xmlns=\"" + ns + "\"" + attributes + ">" + body + "</vocabulary>";
}

std::vector<std::string> terms(const LanguageSection& s) {
  std::vector<std::string> out;
  for (const Designation& d : s.designations) out.emplace_back(d.text);
  return out;
}

std::vector<Status> statuses(const LanguageSection& s) {
  std::vector<Status> out;
  for (const Designation& d : s.designations) out.push_back(d.status);
  return out;
}

Format detect(const std::string& xml) {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_string(xml.c_str());
  EXPECT_TRUE(parsed) << parsed.description();
  return detect_xml_format(xml_root(doc));
}

}  // namespace

// -- entries ----------------------------------------------------------------

TEST(LoadNative, EntryNumbersIdsAndFallbacks) {
  LoadResult r = load_string(R"(<vocabulary xmlns="urn:termgraph:vocabulary:1">
  <entry number="3.1" id="asset"><term>asset</term><definition>thing of value</definition></entry>
  <entry id="only-id"><term>ledger</term><definition>record of accounts</definition></entry>
  <entry><term>node</term><definition>participant</definition></entry>
  <entry number=" 102-01-01 "><term>quantity</term><definition>measurable property</definition></entry>
</vocabulary>)");
  EXPECT_TRUE(r.diagnostics.empty()) << all_messages(r);
  ASSERT_EQ(r.formats.size(), 1u);
  EXPECT_EQ(r.formats[0], Format::native);
  const Vocabulary& v = r.vocabulary;
  ASSERT_EQ(v.size(), 4u);

  EXPECT_EQ(v[0].number, "3.1");
  EXPECT_TRUE(v[0].numbered);
  ASSERT_EQ(v[0].ids.size(), 1u);
  EXPECT_EQ(v[0].ids[0], "asset");
  EXPECT_EQ(v[0].range.line, 2u);
  EXPECT_EQ(v[0].range.column, 3u);

  EXPECT_EQ(v[1].number, "only-id");
  EXPECT_FALSE(v[1].numbered);
  ASSERT_EQ(v[1].ids.size(), 1u);
  EXPECT_EQ(v[1].ids[0], "only-id");

  // Neither number nor id: a stable id from the entry's position.
  EXPECT_EQ(v[2].number, "entry-3");
  EXPECT_FALSE(v[2].numbered);
  EXPECT_TRUE(v[2].ids.empty());

  // White space around a number is not part of it.
  EXPECT_EQ(v[3].number, "102-01-01");
  EXPECT_TRUE(v[3].numbered);
  EXPECT_EQ(v[3].range.line, 5u);

  ASSERT_NE(v.find_number("3.1"), nullptr);
  EXPECT_EQ(v.find_number("3.1")->id, 0u);
  ASSERT_NE(v.find_number("102-01-01"), nullptr);
  EXPECT_EQ(v.find_number("102-01-01")->id, 3u);
}

TEST(LoadNative, NumberThatIsNotANumberIsReportedAndTheIdUsed) {
  LoadResult r = load_string(R"(<vocabulary xmlns="urn:termgraph:vocabulary:1">
  <entry number="A.1" id="annex-a1"><term>annex term</term><definition>text</definition></entry>
  <entry number=""><term>other term</term><definition>text</definition></entry>
</vocabulary>)");
  ASSERT_EQ(r.vocabulary.size(), 2u);
  EXPECT_EQ(r.vocabulary[0].number, "annex-a1");
  EXPECT_FALSE(r.vocabulary[0].numbered);
  EXPECT_EQ(r.vocabulary[1].number, "entry-2");
  EXPECT_FALSE(r.vocabulary[1].numbered);

  auto found = with_rule(r, "unsupported-content");
  ASSERT_EQ(found.size(), 2u) << all_messages(r);
  // At the attribute's value.
  EXPECT_EQ(found[0]->range.line, 2u);
  EXPECT_EQ(found[0]->range.column, 18u);
  EXPECT_EQ(found[0]->severity, Severity::warning);
  EXPECT_NE(found[0]->message.find("'A.1'"), std::string::npos) << found[0]->message;
  EXPECT_NE(found[0]->message.find("'annex-a1'"), std::string::npos) << found[0]->message;
  ASSERT_EQ(found[0]->entries.size(), 1u);
  EXPECT_EQ(termgraph::test::entry_numbers(r, *found[0])[0], "annex-a1");
  EXPECT_EQ(found[1]->range.line, 3u);
  EXPECT_NE(found[1]->message.find("empty entry number"), std::string::npos) << found[1]->message;
}

TEST(LoadNative, EntryWithoutTermOrDefinitionIsStillAnEntry) {
  LoadResult r = load_string(vocabulary("\n  <entry number=\"7\"/>\n"));
  ASSERT_EQ(r.vocabulary.size(), 1u);
  EXPECT_EQ(r.vocabulary[0].number, "7");
  EXPECT_TRUE(r.vocabulary[0].languages.empty());
  // The reader says nothing; the checks report what is missing, at the entry.
  EXPECT_TRUE(with_rule(r, "unsupported-content").empty()) << all_messages(r);
  auto missing = with_rule(r, "missing-definition");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0]->range.line, 2u);
  EXPECT_EQ(missing[0]->range.column, 3u);
  EXPECT_EQ(with_rule(r, "missing-preferred-term").size(), 1u);
}

// -- languages --------------------------------------------------------------

TEST(LoadNative, LanguagesDefaultsSectionsAndMerging) {
  LoadResult r = load_string(R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="fr">
  <entry number="1">
    <term>bloc</term>
    <lang xml:lang="en"><term>block</term><definition>unit of data</definition></lang>
    <definition>unité de données</definition>
    <lang xml:lang="EN"><term status="admitted">data block</term></lang>
    <lang><term>Block</term></lang>
  </entry>
  <entry number="2" xml:lang="de"><term>Kette</term><definition>Folge</definition></entry>
</vocabulary>
<!-- without xml:lang the default language is English -->)");
  const Vocabulary& v = r.vocabulary;
  ASSERT_EQ(v.size(), 2u);

  // The entry's own children are a section in the default language, first;
  // <lang> sections naming the same language (ignoring case) are one.
  ASSERT_EQ(v[0].languages.size(), 2u);
  const LanguageSection& fr = v[0].languages[0];
  EXPECT_EQ(fr.language, "fr");
  EXPECT_EQ(terms(fr), (std::vector<std::string>{"bloc"}));
  ASSERT_NE(fr.definition, nullptr);
  EXPECT_EQ(fr.definition->text, "unité de données");
  // Located at the entry, which holds it.
  EXPECT_EQ(fr.range.line, 2u);
  EXPECT_EQ(fr.range.column, 3u);

  const LanguageSection& en = v[0].languages[1];
  EXPECT_EQ(en.language, "en");
  EXPECT_EQ(terms(en), (std::vector<std::string>{"block", "data block"}));
  EXPECT_EQ(statuses(en), (std::vector<Status>{Status::preferred, Status::admitted}));
  ASSERT_NE(en.definition, nullptr);
  EXPECT_EQ(en.definition->text, "unit of data");
  EXPECT_EQ(en.range.line, 4u);
  EXPECT_EQ(en.range.column, 5u);
  EXPECT_EQ(v[0].section("en"), &en);

  // xml:lang on an entry overrides the vocabulary's.
  ASSERT_EQ(v[1].languages.size(), 1u);
  EXPECT_EQ(v[1].languages[0].language, "de");

  // A <lang> without xml:lang is reported and left out.
  auto found = with_rule(r, "unsupported-content");
  ASSERT_EQ(found.size(), 1u) << all_messages(r);
  EXPECT_EQ(found[0]->range.line, 7u);
  EXPECT_EQ(found[0]->range.column, 5u);
  EXPECT_NE(found[0]->message.find("xml:lang"), std::string::npos);

  LoadResult plain = load_string(vocabulary("<entry number=\"1\"><term>a</term></entry>"));
  ASSERT_EQ(plain.vocabulary.size(), 1u);
  ASSERT_EQ(plain.vocabulary[0].languages.size(), 1u);
  EXPECT_EQ(plain.vocabulary[0].languages[0].language, "en");
}

// -- designations -----------------------------------------------------------

TEST(LoadNative, StatusesExplicitAndDefaulted) {
  LoadResult r = load_string(R"(<vocabulary xmlns="urn:termgraph:vocabulary:1">
  <entry number="1"><term>a</term><term>b</term><term status="deprecated">c</term><definition>d</definition></entry>
  <entry number="2"><term>a2</term><term status="preferred">b2</term><definition>d</definition></entry>
  <entry number="3"><term status="best">x</term><term status=" admitted ">y</term><definition>d</definition></entry>
</vocabulary>)");
  const Vocabulary& v = r.vocabulary;
  ASSERT_EQ(v.size(), 3u);
  // No status: the first term is preferred unless another one is.
  EXPECT_EQ(statuses(v[0].languages[0]),
            (std::vector<Status>{Status::preferred, Status::admitted, Status::deprecated}));
  EXPECT_EQ(statuses(v[1].languages[0]),
            (std::vector<Status>{Status::admitted, Status::preferred}));
  ASSERT_NE(v[1].preferred(), nullptr);
  EXPECT_EQ(v[1].preferred()->text, "b2");
  // An unknown status is reported at its value and treated as unspecified.
  EXPECT_EQ(statuses(v[2].languages[0]),
            (std::vector<Status>{Status::preferred, Status::admitted}));
  auto found = with_rule(r, "unsupported-content");
  ASSERT_EQ(found.size(), 1u) << all_messages(r);
  EXPECT_EQ(found[0]->range.line, 4u);
  EXPECT_EQ(found[0]->range.column, 35u);
  EXPECT_NE(found[0]->message.find("'best'"), std::string::npos);
}

TEST(LoadNative, KindsPartOfSpeechAndPositions) {
  LoadResult r = load_string(R"(<vocabulary xmlns="urn:termgraph:vocabulary:1">
  <entry number="1">
    <term pos="noun">distributed ledger technology</term>
    <term type="abbreviation">DLT</term>
    <term type="symbol">Σ</term>
    <term type="other">d.l.t.</term>
    <term type="full-form">distributed-ledger technology</term>
    <term type="acronym">D-L-T</term>
    <term>
        spread   out
      ledger</term>
    <definition>x</definition>
  </entry>
</vocabulary>)");
  ASSERT_EQ(r.vocabulary.size(), 1u);
  const Span<Designation> d = r.vocabulary[0].languages[0].designations;
  ASSERT_EQ(d.size(), 7u);
  EXPECT_EQ(d[0].kind, TermKind::full_form);
  EXPECT_EQ(d[0].part_of_speech, "noun");
  EXPECT_EQ(d[1].kind, TermKind::abbreviation);
  EXPECT_EQ(d[1].part_of_speech, "");
  EXPECT_EQ(d[2].kind, TermKind::symbol);
  EXPECT_EQ(d[3].kind, TermKind::other);
  EXPECT_EQ(d[4].kind, TermKind::full_form);
  // Unknown type: reported, full form assumed.
  EXPECT_EQ(d[5].kind, TermKind::full_form);
  auto found = with_rule(r, "unsupported-content");
  ASSERT_EQ(found.size(), 1u) << all_messages(r);
  EXPECT_EQ(found[0]->range.line, 8u);
  EXPECT_EQ(found[0]->range.column, 17u);
  EXPECT_NE(found[0]->message.find("'acronym'"), std::string::npos);

  // A designation is located at its first character, its white space
  // collapsed.
  EXPECT_EQ(d[0].range.line, 3u);
  EXPECT_EQ(d[0].range.column, 22u);
  EXPECT_EQ(d[6].text, "spread out ledger");
  EXPECT_EQ(d[6].range.line, 10u);
  EXPECT_EQ(d[6].range.column, 9u);
}

TEST(LoadNative, EmptyTermIsReportedAndIgnored) {
  LoadResult r = load_string(R"(<vocabulary xmlns="urn:termgraph:vocabulary:1">
  <entry number="1"><term>  </term><term>real</term><definition>d</definition></entry>
</vocabulary>)");
  ASSERT_EQ(r.vocabulary.size(), 1u);
  EXPECT_EQ(terms(r.vocabulary[0].languages[0]), (std::vector<std::string>{"real"}));
  EXPECT_EQ(r.vocabulary[0].languages[0].designations[0].status, Status::preferred);
  auto found = with_rule(r, "empty-element");
  ASSERT_EQ(found.size(), 1u) << all_messages(r);
  EXPECT_EQ(found[0]->range.line, 2u);
  EXPECT_EQ(found[0]->range.column, 21u);
  EXPECT_TRUE(with_rule(r, "unsupported-content").empty()) << all_messages(r);
}

// -- text blocks ------------------------------------------------------------

TEST(LoadNative, TextBlocksCollapseWhiteSpaceAndKeepKindsInOrder) {
  LoadResult r = load_string(vocabulary(R"(
  <entry number="1">
    <term>t</term>
    <example>first example</example>
    <note>first note</note>
    <definition>
        unit   of
      data &amp; <em>more</em>   text<!-- a comment --> <![CDATA[a<b  c]]> &#233;nd
    </definition>
    <source>ISO 22739:2020, 3.2, modified</source>
    <note>second	note</note>
  </entry>
)"));
  EXPECT_TRUE(r.diagnostics.empty()) << all_messages(r);
  ASSERT_EQ(r.vocabulary.size(), 1u);
  const LanguageSection& s = r.vocabulary[0].languages[0];
  ASSERT_NE(s.definition, nullptr);
  EXPECT_EQ(s.definition->kind, BlockKind::definition);
  EXPECT_EQ(s.definition->text, "unit of data & more text a<b c énd");
  EXPECT_EQ(s.definition->range.line, 6u);
  EXPECT_EQ(s.definition->range.column, 5u);
  ASSERT_EQ(s.notes.size(), 2u);
  EXPECT_EQ(s.notes[0].text, "first note");
  EXPECT_EQ(s.notes[1].text, "second note");
  EXPECT_EQ(s.notes[1].kind, BlockKind::note);
  ASSERT_EQ(s.examples.size(), 1u);
  EXPECT_EQ(s.examples[0].text, "first example");
  EXPECT_EQ(s.examples[0].kind, BlockKind::example);
  ASSERT_EQ(s.sources.size(), 1u);
  EXPECT_EQ(s.sources[0].text, "ISO 22739:2020, 3.2, modified");
  EXPECT_EQ(s.sources[0].kind, BlockKind::source);
  // A source's clause number is not a cross-reference.
  EXPECT_TRUE(s.sources[0].references.empty());
}

TEST(LoadNative, MarkupAndPlainReferencesWithPositions) {
  LoadResult r = load_string(R"(<vocabulary xmlns="urn:termgraph:vocabulary:1">
  <entry number="3.2">
    <term>block</term>
    <definition>unit with a <ref to="3.4">block header</ref> and
      block data (3.3) — né <ref to="hdr">block headers</ref></definition>
  </entry>
  <entry number="3.3"><term>block data</term><definition>data</definition></entry>
  <entry number="3.4" id="hdr"><term>block header</term><definition>metadata</definition></entry>
</vocabulary>)");
  EXPECT_TRUE(r.diagnostics.empty()) << all_messages(r);
  const Vocabulary& v = r.vocabulary;
  ASSERT_EQ(v.size(), 3u);
  const TextBlock* def = v[0].languages[0].definition;
  ASSERT_NE(def, nullptr);
  EXPECT_EQ(def->text, "unit with a block header and block data (3.3) — né block headers");
  ASSERT_EQ(def->references.size(), 3u);

  const Reference& a = def->references[0];
  EXPECT_TRUE(a.markup);
  EXPECT_EQ(a.text, "block header");
  EXPECT_EQ(a.term, "block header");
  EXPECT_EQ(a.number, "3.4");
  EXPECT_EQ(a.target, 2u);
  EXPECT_EQ(def->text.substr(a.begin, a.end - a.begin), "block header");
  EXPECT_EQ(a.range.line, 4u);
  EXPECT_EQ(a.range.column, 43u);

  const Reference& b = def->references[1];
  EXPECT_FALSE(b.markup);
  EXPECT_EQ(b.text, "block data (3.3)");
  EXPECT_EQ(b.term, "block data");
  EXPECT_EQ(b.number, "3.3");
  EXPECT_EQ(b.target, 1u);
  // Located at the number.
  EXPECT_EQ(b.range.line, 5u);
  EXPECT_EQ(b.range.column, 19u);

  // By id; the term inflected. Columns count code points ("—" and "é" are
  // several bytes each).
  const Reference& c = def->references[2];
  EXPECT_TRUE(c.markup);
  EXPECT_EQ(c.target_id, "hdr");
  EXPECT_EQ(c.term, "block headers");
  EXPECT_EQ(c.target, 2u);
  EXPECT_EQ(c.range.line, 5u);
  EXPECT_EQ(c.range.column, 43u);

  // The graph sees both citations of 3.4 and the one of 3.3.
  EXPECT_EQ(v.cites(0).size(), 3u);
  EXPECT_EQ(v.cited_by(2).size(), 2u);
  EXPECT_TRUE(v.circular_groups().empty());
}

TEST(LoadNative, RefWithoutTargetMarksATermAndEmptyTargetIsReported) {
  LoadResult r = load_string(R"(<vocabulary xmlns="urn:termgraph:vocabulary:1">
  <entry number="1.1"><term>a</term><definition>see <ref>term b (1.2)</ref> and <ref to=" ">c</ref> or <ref>d</ref></definition></entry>
  <entry number="1.2"><term>term b</term><definition>d</definition></entry>
</vocabulary>)");
  ASSERT_EQ(r.vocabulary.size(), 2u);
  const TextBlock* def = r.vocabulary[0].languages[0].definition;
  ASSERT_NE(def, nullptr);
  EXPECT_EQ(def->text, "see term b (1.2) and c or d");
  // <ref> without `to`: a marked term; the number in its text is its target.
  ASSERT_EQ(def->references.size(), 2u);
  EXPECT_TRUE(def->references[0].markup);
  EXPECT_EQ(def->references[0].term, "term b");
  EXPECT_EQ(def->references[0].number, "1.2");
  EXPECT_EQ(def->references[0].target, 1u);
  // <ref>d</ref>: marked, with nothing to resolve, and not reported.
  EXPECT_TRUE(def->references[1].markup);
  EXPECT_EQ(def->references[1].text, "d");
  EXPECT_EQ(def->references[1].target, no_entry);
  auto found = with_rule(r, "unsupported-content");
  ASSERT_EQ(found.size(), 1u) << all_messages(r);
  EXPECT_EQ(found[0]->range.line, 2u);
  EXPECT_EQ(found[0]->range.column, 81u);
  EXPECT_NE(found[0]->message.find("empty 'to'"), std::string::npos) << found[0]->message;
  EXPECT_TRUE(with_rule(r, "dangling-reference").empty());
}

TEST(LoadNative, ExternalRefKeepsItsTargetAndIsNeverDangling) {
  LoadResult r = load_string(R"(<vocabulary xmlns="urn:termgraph:vocabulary:1">
  <entry number="1.1"><term>a</term><definition>as in <ref to="iso-1087" external="true">concept (3.1)</ref> and <ref to="1.1" external="maybe">a</ref></definition></entry>
</vocabulary>)");
  const TextBlock* def = r.vocabulary[0].languages[0].definition;
  ASSERT_NE(def, nullptr);
  ASSERT_EQ(def->references.size(), 2u);
  EXPECT_TRUE(def->references[0].external);
  EXPECT_EQ(def->references[0].target_id, "iso-1087");
  EXPECT_EQ(def->references[0].target, no_entry);
  EXPECT_FALSE(def->references[1].external);
  EXPECT_TRUE(with_rule(r, "dangling-reference").empty());
  auto found = with_rule(r, "unsupported-content");
  ASSERT_EQ(found.size(), 1u) << all_messages(r);
  EXPECT_NE(found[0]->message.find("'maybe'"), std::string::npos) << found[0]->message;
}

TEST(LoadNative, RefInATermOrInsideAnotherRefIsNotALink) {
  LoadResult r = load_string(R"(<vocabulary xmlns="urn:termgraph:vocabulary:1">
  <entry number="1"><term>a <ref to="2">b</ref></term>
    <definition>see <ref to="2">term b <ref to="3">c</ref></ref></definition></entry>
  <entry number="2"><term>term b c</term><definition>d</definition></entry>
  <entry number="3"><term>c</term><definition>d</definition></entry>
</vocabulary>)");
  ASSERT_EQ(r.vocabulary.size(), 3u);
  EXPECT_EQ(r.vocabulary[0].languages[0].designations[0].text, "a b");
  const TextBlock* def = r.vocabulary[0].languages[0].definition;
  ASSERT_NE(def, nullptr);
  EXPECT_EQ(def->text, "see term b c");
  ASSERT_EQ(def->references.size(), 1u);
  EXPECT_EQ(def->references[0].text, "term b c");
  EXPECT_EQ(def->references[0].target, 1u);
  auto found = with_rule(r, "unsupported-content");
  ASSERT_EQ(found.size(), 2u) << all_messages(r);
  EXPECT_EQ(found[0]->range.line, 2u);
  EXPECT_EQ(found[0]->range.column, 29u);
  EXPECT_EQ(found[1]->range.line, 3u);
  EXPECT_EQ(found[1]->range.column, 40u);
}

// -- what the reader does not understand -------------------------------------

TEST(LoadNative, UnsupportedContentIsReportedWhereItIs) {
  LoadResult r = load_string(
      R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xmlns:x="urn:example:ext" x:tool="a" version="2">
  stray
  <entry number="1" colour="red">
    <term>t</term><definition>d <note>inner</note></definition>
    <x:extra/>
    <remark>r</remark>
    <ref to="2">bad</ref>
  </entry>
  <glossary/>
  <title>A title</title>
</vocabulary>)");
  std::vector<std::pair<std::uint32_t, std::uint32_t>> where;
  for (const Diagnostic* d : with_rule(r, "unsupported-content")) {
    EXPECT_EQ(d->severity, Severity::warning);
    where.emplace_back(d->range.line, d->range.column);
  }
  // x:tool is in a foreign namespace: an extension, not reported.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> expected = {
      {1, 85},  // version="2"
      {2, 3},   // stray text
      {3, 21},  // colour="red"
      {4, 33},  // <note> inside the definition
      {5, 5},   // <x:extra/>
      {6, 5},   // <remark>
      {7, 5},   // <ref> outside text
      {9, 3},   // <glossary/>
  };
  EXPECT_EQ(where, expected) << all_messages(r);
  EXPECT_EQ(r.diagnostics.size(), expected.size()) << all_messages(r);

  // What could be read was read; a misplaced block's text stays in its
  // block.
  ASSERT_EQ(r.vocabulary.size(), 1u);
  ASSERT_NE(r.vocabulary[0].languages[0].definition, nullptr);
  EXPECT_EQ(r.vocabulary[0].languages[0].definition->text, "d inner");
  EXPECT_TRUE(r.vocabulary[0].languages[0].notes.empty());

  const auto found = with_rule(r, "unsupported-content");
  EXPECT_NE(found[4]->message.find("urn:example:ext"), std::string::npos) << found[4]->message;
  EXPECT_NE(found[5]->message.find("<remark>"), std::string::npos) << found[5]->message;
  ASSERT_EQ(found[2]->entries.size(), 1u);
  EXPECT_EQ(termgraph::test::entry_numbers(r, *found[2])[0], "1");
}

TEST(LoadNative, CrLfLineEndsKeepPositions) {
  LoadResult r = load_string(
      "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\">\r\n"
      "\r\n  stray\r\n"
      "  <entry number=\"1\" bogus=\"x\">\r\n"
      "    <term>\r\n      block</term><definition>unit of\r\n  data (1)</definition>\r\n"
      "  </entry>\r\n"
      "</vocabulary>\r\n");
  auto found = with_rule(r, "unsupported-content");
  ASSERT_EQ(found.size(), 2u) << all_messages(r);
  EXPECT_EQ(found[0]->range.line, 3u);
  EXPECT_EQ(found[0]->range.column, 3u);
  EXPECT_EQ(found[1]->range.line, 4u);
  EXPECT_EQ(found[1]->range.column, 21u);
  ASSERT_EQ(r.vocabulary.size(), 1u);
  const LanguageSection& s = r.vocabulary[0].languages[0];
  ASSERT_EQ(s.designations.size(), 1u);
  EXPECT_EQ(s.designations[0].text, "block");
  EXPECT_EQ(s.designations[0].range.line, 6u);
  EXPECT_EQ(s.designations[0].range.column, 7u);
  ASSERT_NE(s.definition, nullptr);
  EXPECT_EQ(s.definition->text, "unit of data (1)");
}

TEST(LoadNative, NamespacePrefixesAreResolved) {
  LoadResult r = load_string(R"(<t:vocabulary xmlns:t="urn:termgraph:vocabulary:1">
  <t:entry number="1">
    <t:term>a</t:term><t:definition>b</t:definition>
    <entry xmlns="urn:other"/>
    <t:note xmlns:t="urn:not-ours">n</t:note>
  </t:entry>
  <entry number="2"/>
</t:vocabulary>)");
  ASSERT_EQ(r.formats.size(), 1u);
  EXPECT_EQ(r.formats[0], Format::native);
  ASSERT_EQ(r.vocabulary.size(), 1u);
  EXPECT_TRUE(r.vocabulary[0].languages[0].notes.empty());
  auto found = with_rule(r, "unsupported-content");
  ASSERT_EQ(found.size(), 3u) << all_messages(r);
  EXPECT_EQ(found[0]->range.line, 4u);
  EXPECT_NE(found[0]->message.find("urn:other"), std::string::npos);
  EXPECT_EQ(found[1]->range.line, 5u);
  EXPECT_NE(found[1]->message.find("urn:not-ours"), std::string::npos);
  EXPECT_EQ(found[2]->range.line, 7u);
  EXPECT_NE(found[2]->message.find("no namespace"), std::string::npos);
}

TEST(LoadNative, DeepInlineNestingIsFlattenedWithoutRecursion) {
  const int depth = 200000;
  std::string body = "<entry number=\"1\"><term>deep</term><definition>a ";
  for (int i = 0; i < depth; ++i) body += "<em>";
  body += "<ref to=\"1\">deep</ref>";
  for (int i = 0; i < depth; ++i) body += "</em>";
  body += " b</definition></entry>";
  LoadResult r = load_string(vocabulary(body));
  ASSERT_EQ(r.vocabulary.size(), 1u);
  const TextBlock* def = r.vocabulary[0].languages[0].definition;
  ASSERT_NE(def, nullptr);
  EXPECT_EQ(def->text, "a deep b");
  ASSERT_EQ(def->references.size(), 1u);
  EXPECT_TRUE(def->references[0].markup);
  // The entry cites itself: found, reported, nothing overflowed.
  EXPECT_EQ(with_rule(r, "self-reference").size(), 1u);
}

// -- files ------------------------------------------------------------------

TEST(LoadNative, PrefixedFixtureFile) {
  LoadResult r = load_files({std::string(TERMGRAPH_TEST_DATA) + "/native/prefixed.xml"});
  EXPECT_TRUE(r.diagnostics.empty()) << all_messages(r);
  const Vocabulary& v = r.vocabulary;
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].number, "1.1");
  ASSERT_EQ(v[0].ids.size(), 1u);
  EXPECT_EQ(v[0].ids[0], "quantity");
  const TextBlock* def = v[0].languages[0].definition;
  ASSERT_NE(def, nullptr);
  // MathML keeps its text; the markup is gone.
  EXPECT_EQ(def->text,
            "property that has a magnitude expressed as a number and a reference, such as m for "
            "mass");
  ASSERT_EQ(def->references.size(), 1u);
  EXPECT_EQ(def->references[0].target, 1u);
  EXPECT_EQ(def->references[0].range.line, 10u);
  EXPECT_EQ(def->references[0].range.column, 24u);
  ASSERT_NE(v[0].section("fr"), nullptr);
  ASSERT_NE(v[0].section("fr")->definition, nullptr);
  ASSERT_EQ(v[0].section("fr")->definition->references.size(), 1u);
  EXPECT_EQ(v[0].section("fr")->definition->references[0].target, 1u);
  ASSERT_EQ(v[1].languages.size(), 2u);
  EXPECT_EQ(v[1].languages[0].language, "en");
  EXPECT_EQ(v[1].languages[1].language, "fr");
  ASSERT_EQ(v[1].languages[0].notes.size(), 1u);
  EXPECT_EQ(v[1].languages[0].notes[0].text, "Written with digits: 1 < 2.");
}

// -- format detection -------------------------------------------------------

TEST(DetectFormat, NativeNeedsItsNamespace) {
  EXPECT_EQ(detect("<vocabulary xmlns='urn:termgraph:vocabulary:1'/>"), Format::native);
  EXPECT_EQ(detect("<v:vocabulary xmlns:v='urn:termgraph:vocabulary:1'/>"), Format::native);
  EXPECT_EQ(detect("<vocabulary/>"), Format::unknown);
  EXPECT_EQ(detect("<vocabulary xmlns='urn:termgraph:vocabulary:2'/>"), Format::unknown);
  // The prefix is bound to another namespace.
  EXPECT_EQ(detect("<v:vocabulary xmlns:v='urn:other' xmlns='urn:termgraph:vocabulary:1'/>"),
            Format::unknown);
}

TEST(DetectFormat, TbxAndMartif) {
  EXPECT_EQ(detect("<tbx xmlns='urn:iso:std:iso:30042:ed-2' type='TBX-Basic'/>"), Format::tbx);
  EXPECT_EQ(detect("<tbx type='TBX-Core'/>"), Format::tbx);
  EXPECT_EQ(detect("<t:tbx xmlns:t='urn:iso:std:iso:30042:ed-2'/>"), Format::tbx);
  EXPECT_EQ(detect("<martif type='TBX'><text><body/></text></martif>"), Format::tbx2008);
  // A tbx root in a namespace that is not TBX v3 is not a TBX document.
  EXPECT_EQ(detect("<tbx xmlns='urn:something-else'/>"), Format::unknown);
}

TEST(DetectFormat, StsByRootTermSecOrTbxMarkup) {
  for (const char* root : {"standard", "iso-standard", "nat-standard", "reg-standard", "adoption",
                           "book", "sec", "term-sec", "body"}) {
    EXPECT_EQ(detect(std::string("<") + root + "/>"), Format::sts) << root;
  }
  // Any root holding a term-sec.
  EXPECT_EQ(detect("<doc><part><term-sec/></part></doc>"), Format::sts);
  // Any root holding markup in one of the TBX namespaces, whatever the
  // prefix, declared on the element itself or on an ancestor.
  EXPECT_EQ(detect("<doc><x:termEntry xmlns:x='urn:iso:std:iso:30042:ed-1'/></doc>"), Format::sts);
  EXPECT_EQ(detect("<doc xmlns:q='urn:iso:std:iso:30042:ed-1:v1:en'><a><b><q:langSet/></b></a>"
                   "</doc>"),
            Format::sts);
  EXPECT_EQ(detect("<doc xmlns:q='urn:iso:std:iso:30042:ed-2'><a><q:termEntry/></a></doc>"),
            Format::sts);
  // A default namespace counts too; a redeclaration ends its scope.
  EXPECT_EQ(detect("<doc><a xmlns='urn:iso:std:iso:30042:ed-1'><termEntry/></a></doc>"),
            Format::sts);
  EXPECT_EQ(detect("<doc xmlns:q='urn:iso:std:iso:30042:ed-1'><a xmlns:q='urn:other'><q:termEntry/>"
                   "</a></doc>"),
            Format::unknown);
  // ISO STS files may leave xmlns:tbx to their DTD.
  EXPECT_EQ(detect("<doc><tbx:termEntry/></doc>"), Format::sts);
  EXPECT_EQ(detect("<doc><a/><b>text</b></doc>"), Format::unknown);
}

TEST(DetectFormat, DeepDocumentsAreScannedWithoutRecursion) {
  const int depth = 200000;
  std::string open, close;
  for (int i = 0; i < depth; ++i) {
    open += "<a xmlns:p='urn:x'>";
    close += "</a>";
  }
  EXPECT_EQ(detect("<doc>" + open + close + "</doc>"), Format::unknown);
  EXPECT_EQ(detect("<doc>" + open + "<term-sec/>" + close + "</doc>"), Format::sts);
}

TEST(DetectFormat, LoadReportsTheDetectedFormatPerFile) {
  std::vector<Source> sources;
  sources.push_back(
      {"a.xml", vocabulary("<entry number='1'><term>a</term><definition>b</definition>"
                           "</entry>")});
  sources.push_back({"b.xml", "<standard><body><sec sec-type='terms'/></body></standard>"});
  sources.push_back({"c.xml", "<html/>"});
  LoadResult r = load_sources(std::move(sources));
  EXPECT_EQ(r.formats, (std::vector<Format>{Format::native, Format::sts, Format::unknown}));
  auto unknown = with_rule(r, "unknown-format");
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0]->range.file, 2u);
}
