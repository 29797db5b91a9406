// Entry ranges that cover the whole entry, and suppression comments
// (<!-- termgraph: ignore RULE -->): what they silence, in which entry, and
// the unused-suppression findings of those that silence nothing; in the
// native format, STS and TBX. CSV has no comments.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "load/suppress.hpp"
#include "model/impl.hpp"
#include "termgraph/load.hpp"
#include "termgraph/rules.hpp"
#include "test_support.hpp"

using namespace termgraph;
using termgraph::test::entry;
using termgraph::test::entry_numbers;
using termgraph::test::with_rule;

namespace {

LoadResult load(std::string_view text, const char* name = "t.xml") {
  return load_string(text, name);
}

/// (start line, start column, end line, end column) of an entry's range.
std::vector<unsigned> span(const Entry& e) {
  return {e.range.line, e.range.column, e.range.end_line, e.range.end_column};
}

// 1.1 and 1.2 define each other (circular-definition); 1.3 cites 1.9
// (dangling-reference); 1.4 has no definition (missing-definition).
const char* const native = R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <entry number="1.1">
    <!-- termgraph: ignore circular-definition -->
    <term>ledger</term>
    <definition>ordered record of <ref to="1.2">ledger entries</ref></definition>
  </entry>
  <entry number="1.2"><term>ledger entry</term>
    <definition>item appended to a ledger (1.1)</definition></entry>
  <entry number="1.3"><term>wallet</term>
    <!--termgraph:ignore missing-definition dangling-reference-->
    <definition>holder of keys (1.9)</definition></entry>
  <entry number="1.4"><term>key</term></entry>
</vocabulary>
)";

}  // namespace

// -- entry ranges -------------------------------------------------------------

TEST(EntryRange, NativeEntryEndsAfterItsEndTag) {
  LoadResult r = load(native);
  ASSERT_EQ(r.vocabulary.size(), 4u);
  EXPECT_EQ(span(*entry(r.vocabulary, "1.1")), (std::vector<unsigned>{2, 3, 6, 11}));
  EXPECT_EQ(span(*entry(r.vocabulary, "1.2")), (std::vector<unsigned>{7, 3, 8, 69}));
  // An empty-element tag is an entry of its own length too.
  LoadResult empty = load(
      "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\" xml:lang=\"en\">"
      "<entry number=\"1\"/><entry number='2' a=\"x>y\"></entry></vocabulary>");
  ASSERT_EQ(empty.vocabulary.size(), 2u);
  EXPECT_EQ(span(empty.vocabulary[0]), (std::vector<unsigned>{1, 62, 1, 81}));
  EXPECT_EQ(span(empty.vocabulary[1]), (std::vector<unsigned>{1, 81, 1, 115}));
}

TEST(EntryRange, StsTermSecsNestedAndOneLine) {
  // One line; 3.1 holds 3.1.1 (nested term-secs are entries of their own);
  // comments, CDATA and a processing instruction holding '<' and '>' do
  // not confuse the scan. Columns count code points (é is one).
  const std::string doc =
      "<standard xmlns:tbx=\"urn:iso:std:iso:30042:ed-1\"><body><sec sec-type=\"terms\">"
      "<term-sec id=\"sec_3.1\"><label>3.1</label><tbx:termEntry id=\"term_3.1\">"
      "<tbx:langSet xml:lang=\"en\"><tbx:tig><tbx:term>é</tbx:term></tbx:tig></tbx:langSet>"
      "</tbx:termEntry><!-- </term-sec> --><?pi </term-sec>?>"
      "<term-sec id=\"sec_3.1.1\"><label>3.1.1</label><tbx:termEntry id=\"term_3.1.1\">"
      "<tbx:langSet xml:lang=\"en\"><tbx:tig><tbx:term><![CDATA[a</term-sec>]]></tbx:term>"
      "</tbx:tig></tbx:langSet></tbx:termEntry></term-sec></term-sec></sec></body></standard>";
  LoadResult r = load(doc);
  ASSERT_EQ(r.vocabulary.size(), 2u) << r.diagnostics.size();
  auto column_of = [&](std::string_view needle, std::size_t from = 0) {
    std::size_t at = doc.find(needle, from);
    // Code points before `at`, plus one: é is two bytes.
    unsigned col = 1;
    for (std::size_t i = 0; i < at; ++i) col += (static_cast<unsigned char>(doc[i]) & 0xC0) != 0x80;
    return col;
  };
  const unsigned outer_end = column_of("</sec>");
  const unsigned inner_end = outer_end - static_cast<unsigned>(std::string("</term-sec>").size());
  EXPECT_EQ(span(*entry(r.vocabulary, "3.1")),
            (std::vector<unsigned>{1, column_of("<term-sec id=\"sec_3.1\""), 1, outer_end}));
  EXPECT_EQ(span(*entry(r.vocabulary, "3.1.1")),
            (std::vector<unsigned>{1, column_of("<term-sec id=\"sec_3.1.1\""), 1, inner_end}));
}

TEST(EntryRange, TbxConceptEntryAndTermEntry) {
  LoadResult v3 = load_files({std::string(TERMGRAPH_TEST_DATA) + "/tbx/dlt-basic.tbx"});
  ASSERT_EQ(v3.vocabulary.size(), 3u);
  EXPECT_EQ(span(v3.vocabulary[0]), (std::vector<unsigned>{12, 7, 20, 22}));
  EXPECT_EQ(span(v3.vocabulary[2]), (std::vector<unsigned>{29, 7, 36, 22}));
  const char* const tbx2008 = R"(<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="c1"><langSet xml:lang="en"><tig><term>a</term></tig></langSet>
</termEntry>
</body></text></martif>)";
  LoadResult old = load(tbx2008, "t.tbx");
  ASSERT_EQ(old.vocabulary.size(), 1u);
  EXPECT_EQ(span(old.vocabulary[0]), (std::vector<unsigned>{2, 1, 3, 13}));
}

TEST(EntryRange, CsvEntryEndsWithItsLastRow) {
  LoadResult r = load("id,language,term\n1,en,alpha\n2,en,beta\n1,fr,alpha fr\n", "t.csv");
  ASSERT_EQ(r.vocabulary.size(), 2u);
  // Entry 1 spans its rows 2 to 4 (entry 2's row between them).
  EXPECT_EQ(span(*entry(r.vocabulary, "1")), (std::vector<unsigned>{2, 1, 4, 14}));
  EXPECT_EQ(span(*entry(r.vocabulary, "2")), (std::vector<unsigned>{3, 1, 3, 10}));
}

TEST(EntryRange, TruncatedFileEntryEndsAtTheEnd) {
  LoadResult r = load(
      "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\" xml:lang=\"en\">\n"
      "<entry number=\"1\"><term>a</term>\n<defin");
  ASSERT_EQ(r.vocabulary.size(), 1u);
  EXPECT_EQ(span(r.vocabulary[0]), (std::vector<unsigned>{2, 1, 3, 7}));
}

// -- suppressions ---------------------------------------------------------------

TEST(Suppression, SilencesItsRuleInItsEntryOnly) {
  LoadResult r = load(native);
  // The cycle 1.1 → 1.2 names 1.1, whose comment silences it.
  EXPECT_TRUE(with_rule(r, "circular-definition").empty());
  // 1.3's comment (no spaces, rules separated by a space) silences its
  // dangling reference; its missing-definition silences nothing (1.3 has
  // a definition) and is reported where the comment starts.
  EXPECT_TRUE(with_rule(r, "dangling-reference").empty());
  auto unused = with_rule(r, "unused-suppression");
  ASSERT_EQ(unused.size(), 1u);
  EXPECT_EQ(unused[0]->range.line, 10u);
  EXPECT_EQ(unused[0]->range.column, 5u);
  EXPECT_EQ(unused[0]->range.end_line, 10u);
  EXPECT_EQ(unused[0]->range.end_column, 66u);
  EXPECT_EQ(unused[0]->severity, Severity::warning);
  EXPECT_EQ(unused[0]->message,
            "suppression of 'missing-definition' silences nothing in entry 1.3");
  EXPECT_EQ(entry_numbers(r, *unused[0]), (std::vector<std::string>{"1.3"}));
  // 1.4's missing definition is not silenced by 1.3's comment.
  auto missing = with_rule(r, "missing-definition");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(entry_numbers(r, *missing[0]), (std::vector<std::string>{"1.4"}));
}

TEST(Suppression, WithoutTheCommentsEverythingIsReported) {
  std::string plain = native;
  for (std::size_t at; (at = plain.find("<!--")) != std::string::npos;) {
    plain.erase(at, plain.find("-->", at) + 3 - at);
  }
  LoadResult r = load(plain);
  EXPECT_EQ(with_rule(r, "circular-definition").size(), 1u);
  EXPECT_EQ(with_rule(r, "dangling-reference").size(), 1u);
  EXPECT_EQ(with_rule(r, "missing-definition").size(), 1u);
  EXPECT_TRUE(with_rule(r, "unused-suppression").empty());
}

TEST(Suppression, UnknownRulesDirectivesAndPlaces) {
  const char* const doc = R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <!-- termgraph: ignore missing-definition -->
  <entry number="1">
    <!-- termgraph: ignore missing-defnition,circular-definition ; a reason -->
    <!-- termgraph: ignore -->
    <!-- termgraph: silence missing-definition -->
    <!-- termgraph: ignore completely-unrelated -->
    <!-- an ordinary comment -->
    <term>a</term>
  </entry>
</vocabulary>
)";
  LoadResult r = load(doc);
  std::vector<std::string> got;
  for (const Diagnostic* d : with_rule(r, "unused-suppression")) {
    got.push_back(std::to_string(d->range.line) + ":" + std::to_string(d->range.column) + " " +
                  d->message);
  }
  EXPECT_EQ(got, (std::vector<std::string>{
                     "2:3 suppression of 'missing-definition' outside any entry silences nothing "
                     "(put it inside the entry)",
                     "4:5 unknown rule 'missing-defnition' in a suppression (did you mean "
                     "'missing-definition'?)",
                     "4:5 suppression of 'circular-definition' silences nothing in entry 1",
                     "5:5 suppression comment names no rule; write 'termgraph: ignore RULE[, "
                     "RULE...]'",
                     "6:5 unknown termgraph directive 'silence'; write 'termgraph: ignore RULE[, "
                     "RULE...]'",
                     "7:5 unknown rule 'completely-unrelated' in a suppression"}));
  // The entry's own missing definition is still reported: no comment in it
  // names the rule correctly.
  EXPECT_EQ(with_rule(r, "missing-definition").size(), 1u);
}

TEST(Suppression, CountsAsUsedWhereTheProfileTurnsTheRuleOff) {
  // Two TBX entries with the same term: duplicate-term is off under the
  // termbase profile, on under iso. The comment silences it under iso and
  // is not reported as unused under termbase either: it is not stale.
  const char* const doc =
      R"(<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body>
<conceptEntry id="c1"><!-- termgraph: ignore duplicate-term -->
<langSec xml:lang="en"><termSec><term>bank</term></termSec></langSec></conceptEntry>
<conceptEntry id="c2"><langSec xml:lang="en"><termSec><term>bank</term></termSec></langSec></conceptEntry>
</body></text></tbx>)";
  LoadResult termbase = load(doc, "t.tbx");
  EXPECT_TRUE(with_rule(termbase, "duplicate-term").empty());
  EXPECT_TRUE(with_rule(termbase, "unused-suppression").empty());
  LoadOptions iso;
  iso.analysis.diagnostics.profile = Profile::iso;
  LoadResult checked = load_string(doc, "t.tbx", iso);
  // The duplicate names both entries: c1's comment silences it.
  EXPECT_TRUE(with_rule(checked, "duplicate-term").empty());
  EXPECT_TRUE(with_rule(checked, "unused-suppression").empty());
}

TEST(Suppression, StsTermSec) {
  // 3.2 cites 3.9, which does not exist; the comment in its term-sec (not
  // in the termEntry) silences that.
  const char* const doc =
      R"(<standard xmlns:tbx="urn:iso:std:iso:30042:ed-1"><body><sec sec-type="terms">
<term-sec id="sec_3.2"><label>3.2</label>
<!-- termgraph: ignore dangling-reference -->
<tbx:termEntry id="term_3.2"><tbx:langSet xml:lang="en">
<tbx:definition>part of a record (3.9)</tbx:definition>
<tbx:tig><tbx:term>block</tbx:term></tbx:tig></tbx:langSet></tbx:termEntry></term-sec>
<term-sec id="sec_3.3"><label>3.3</label>
<tbx:termEntry id="term_3.3"><tbx:langSet xml:lang="en">
<tbx:definition>whole of a record (3.9)</tbx:definition>
<tbx:tig><tbx:term>chain</tbx:term></tbx:tig></tbx:langSet></tbx:termEntry></term-sec>
</sec></body></standard>)";
  LoadResult r = load(doc);
  auto dangling = with_rule(r, "dangling-reference");
  ASSERT_EQ(dangling.size(), 1u);
  EXPECT_EQ(dangling[0]->range.line, 9u);
  EXPECT_TRUE(with_rule(r, "unused-suppression").empty());
}

TEST(Suppression, ByPositionInsideTheEntry) {
  // A finding that names no entry but stands inside one is that entry's:
  // white-box, a finding made by hand at 1.2's definition.
  LoadOptions later;
  later.analysis.run = false;
  LoadResult r = load_string(native, "t.xml", later);
  auto& impl = const_cast<Vocabulary::Impl&>(VocabularyAccess::impl(r.vocabulary));
  read_suppressions(impl, r.formats);
  ASSERT_EQ(impl.suppressions.size(), 2u);
  EXPECT_EQ(impl.suppressions[0].entry, 0u);
  EXPECT_EQ(impl.suppressions[1].entry, 2u);
  std::vector<Diagnostic> found(3);
  found[0].rule = &rules::dangling_reference;
  found[0].range = {0, 11, 5, 11, 10};  // inside 1.3: silenced
  found[1].rule = &rules::dangling_reference;
  found[1].range = {0, 12, 5, 0, 0};  // inside 1.4: kept
  found[2].rule = &rules::label_mismatch;
  found[2].range = {0, 11, 5, 0, 0};  // inside 1.3, another rule: kept
  apply_suppressions(impl, found, 0);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].range.line, 12u);
  EXPECT_TRUE(found[1].is(RuleId::label_mismatch));
}

TEST(Suppression, NotReportedUnusedWhenPassesWereSkipped) {
  LoadOptions options;
  options.analysis.skip = {Pass::graph};
  LoadResult r = load_string(native, "t.xml", options);
  // Without the graph pass there is no cycle to silence; that does not make
  // the comment stale.
  EXPECT_TRUE(with_rule(r, "unused-suppression").empty());
  // Loading without analysis, then analysing: reported once, when complete.
  LoadOptions later;
  later.analysis.run = false;
  LoadResult r2 = load_string(native, "t.xml", later);
  EXPECT_TRUE(with_rule(r2, "unused-suppression").empty());
  ASSERT_TRUE(analyse(r2));
  EXPECT_EQ(with_rule(r2, "unused-suppression").size(), 1u);
  EXPECT_TRUE(with_rule(r2, "circular-definition").empty());
}

TEST(Suppression, NotInCsvNorInCdata) {
  // In a CSV cell the comment is text.
  LoadResult csv =
      load("id,language,term,definition\n1,en,a,<!-- termgraph: ignore x -->\n", "t.csv");
  EXPECT_TRUE(with_rule(csv, "unused-suppression").empty());
  // In a CDATA section it is text too.
  LoadResult cdata = load(R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <entry number="1"><term>a</term><definition><![CDATA[<!-- termgraph: ignore x -->]]></definition></entry>
</vocabulary>)");
  EXPECT_TRUE(with_rule(cdata, "unused-suppression").empty());
  ASSERT_EQ(cdata.vocabulary.size(), 1u);
}

TEST(Suppression, RuleCanBeTurnedOff) {
  LoadOptions options;
  options.analysis.diagnostics.turn_off(RuleId::unused_suppression);
  LoadResult r = load_string(native, "t.xml", options);
  EXPECT_TRUE(with_rule(r, "unused-suppression").empty());
  EXPECT_TRUE(with_rule(r, "circular-definition").empty());
}
