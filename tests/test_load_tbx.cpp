// The TBX readers on small inline documents: TBX v3 in the DCA and DCT
// styles, TBX 2008 (martif) with and without a DOCTYPE; entries, ids,
// languages, statuses, kinds, blocks, cross-references by target id (and
// dangling ones), numbers in text, structure findings with line and column.
// Last, one vocabulary written in TBX, STS and the native format gives the
// same findings.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "termgraph/load.hpp"
#include "test_support.hpp"

using namespace termgraph;

namespace {

using termgraph::test::all_messages;
using termgraph::test::entry;
using termgraph::test::with_rule;

/// A TBX v3 document around `body` (lines start at 3 for the first line of
/// `body`).
std::string tbx3(std::string_view body, std::string_view type = "TBX-Basic",
                 std::string_view style = "dca", std::string_view extra_ns = "") {
  return "<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\" type=\"" + std::string(type) + "\" style=\"" +
         std::string(style) + "\" xml:lang=\"en\"" + std::string(extra_ns) +
         ">\n<tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader><text>"
         "<body>\n" +
         std::string(body) + "</body></text></tbx>\n";
}

}  // namespace

TEST(LoadTbx, DcaEntryIdsLanguagesStatusesAndBlocks) {
  LoadResult r = load_string(
      tbx3("<conceptEntry id=\"term_3.30\">\n"                                             // 3
           "<note>about the concept</note>\n"                                              // 4
           "<langSec xml:lang=\"en\">\n"                                                   // 5
           "<descripGrp><descrip type=\"definition\">system that runs a ledger</descrip>"  // 6
           "<admin type=\"source\">ISO 22739:2020, 3.30</admin></descripGrp>\n"
           "<termSec><term>DLT system</term>\n"  // 7
           "<termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote>\n"
           "<termNote type=\"partOfSpeech\">noun</termNote></termSec>\n"
           "<termSec><term>DLTS</term><termNote type=\"termType\">abbreviation</termNote>\n"
           "<termNote type=\"administrativeStatus\">admittedTerm-admn-sts</termNote></termSec>\n"
           "<termSec><term>ledger system</term>"
           "<termNote type=\"normativeAuthorization\">supersededTerm-admn-sts</termNote>"
           "<descrip type=\"context\">a ledger system was set up</descrip></termSec>\n"
           "</langSec>\n"
           "<langSec xml:lang=\"fr\"><termSec><term>système DLT</term>"
           "<termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote>"
           "</termSec></langSec>\n"
           "</conceptEntry>\n"));
  EXPECT_EQ(r.formats[0], Format::tbx);
  EXPECT_TRUE(with_rule(r, "tbx-structure").empty()) << all_messages(r);
  EXPECT_TRUE(with_rule(r, "unsupported-content").empty()) << all_messages(r);
  ASSERT_EQ(r.vocabulary.entries().size(), 1u);
  const Entry& e = r.vocabulary.entries()[0];
  EXPECT_EQ(e.number, "3.30");  // from the id term_3.30
  EXPECT_TRUE(e.numbered);
  ASSERT_EQ(e.ids.size(), 1u);
  EXPECT_EQ(e.ids[0], "term_3.30");
  EXPECT_EQ(e.range.line, 3u);
  ASSERT_EQ(e.languages.size(), 2u);
  const LanguageSection& en = e.languages[0];
  ASSERT_NE(en.definition, nullptr);
  EXPECT_EQ(en.definition->text, "system that runs a ledger");
  EXPECT_EQ(en.definition->range.line, 6u);
  ASSERT_EQ(en.sources.size(), 1u);
  EXPECT_EQ(en.sources[0].text, "ISO 22739:2020, 3.30");
  ASSERT_EQ(en.notes.size(), 1u);
  EXPECT_EQ(en.notes[0].text, "about the concept");
  EXPECT_EQ(en.notes[0].range.line, 4u);
  ASSERT_EQ(en.examples.size(), 1u);
  EXPECT_EQ(en.examples[0].text, "a ledger system was set up");
  ASSERT_EQ(en.designations.size(), 3u);
  EXPECT_EQ(en.designations[0].text, "DLT system");
  EXPECT_EQ(en.designations[0].status, Status::preferred);
  EXPECT_EQ(en.designations[0].part_of_speech, "noun");
  EXPECT_EQ(en.designations[0].range.line, 7u);
  EXPECT_EQ(en.designations[0].range.column, 16u);
  EXPECT_EQ(en.designations[1].status, Status::admitted);
  EXPECT_EQ(en.designations[1].kind, TermKind::abbreviation);
  EXPECT_EQ(en.designations[2].status, Status::deprecated);
  EXPECT_EQ(e.languages[1].language, "fr");
  EXPECT_EQ(e.languages[1].designations[0].status, Status::deprecated);
}

TEST(LoadTbx, DctStyleResolvesDataCategoriesByLocalName) {
  LoadResult r = load_string(tbx3(
      "<conceptEntry id=\"c1\"><langSec xml:lang=\"en\">\n"
      "<b:definition>record kept by many nodes</b:definition>\n"
      "<termSec><term>ledger</term><m:partOfSpeech>noun</m:partOfSpeech>"
      "<m:administrativeStatus>preferredTerm-admn-sts</m:administrativeStatus>"
      "</termSec>\n"
      "<termSec><term>book</term><m:administrativeStatus>deprecatedTerm-admn-sts"
      "</m:administrativeStatus><b:termType>variant</b:termType></termSec>\n"
      "</langSec></conceptEntry>\n"
      "<conceptEntry id=\"c2\"><langSec xml:lang=\"en\">\n"
      "<b:definition>copy of the ledger</b:definition>\n"
      "<b:crossReference target=\"c1\">ledger</b:crossReference>\n"
      "<termSec><term>replica</term></termSec></langSec></conceptEntry>\n",
      "TBX-Basic", "dct",
      " xmlns:b=\"http://www.tbxinfo.net/ns/basic\" xmlns:m=\"http://www.tbxinfo.net/ns/min\""));
  EXPECT_TRUE(with_rule(r, "tbx-structure").empty()) << all_messages(r);
  EXPECT_TRUE(with_rule(r, "dangling-reference").empty()) << all_messages(r);
  const Entry* c1 = entry(r.vocabulary, "c1");
  ASSERT_NE(c1, nullptr);
  EXPECT_FALSE(c1->numbered);
  const LanguageSection& en = c1->languages[0];
  ASSERT_NE(en.definition, nullptr);
  EXPECT_EQ(en.definition->text, "record kept by many nodes");
  ASSERT_EQ(en.designations.size(), 2u);
  EXPECT_EQ(en.designations[0].part_of_speech, "noun");
  EXPECT_EQ(en.designations[1].status, Status::deprecated);
  EXPECT_EQ(en.designations[1].kind, TermKind::other);
  // The crossReference is a language-level category whose cross-reference
  // block links to c1.
  const Entry* c2 = entry(r.vocabulary, "c2");
  ASSERT_NE(c2, nullptr);
  EXPECT_TRUE(c2->languages[0].notes.empty());
  // Its definition is a category too, before it.
  ASSERT_EQ(c2->languages[0].categories.size(), 2u);
  EXPECT_EQ(c2->languages[0].categories[0].type, "definition");
  EXPECT_EQ(c2->languages[0].categories[1].type, "crossReference");
  ASSERT_NE(c2->languages[0].categories[1].block, nullptr);
  const TextBlock& link = *c2->languages[0].categories[1].block;
  EXPECT_EQ(link.kind, BlockKind::cross_reference);
  EXPECT_EQ(link.text, "ledger");
  ASSERT_EQ(link.references.size(), 1u);
  EXPECT_EQ(link.references[0].target_id, "c1");
  EXPECT_EQ(link.references[0].target, c1->id);
  EXPECT_TRUE(link.references[0].markup);
}

TEST(LoadTbx, CrossReferencesByTargetResolveOrDangle) {
  LoadResult r = load_string(
      tbx3("<conceptEntry id=\"c1\">\n"                                                       // 3
           "<ref type=\"crossReference\" target=\"c2\">replica</ref>\n"                       // 4
           "<langSec xml:lang=\"en\"><descrip type=\"definition\">record kept in step with "  // 5
           "<ref type=\"crossReference\" target=\"c9\">mirror</ref></descrip>\n"
           "<termSec><term>ledger</term>\n"                           // 6
           "<ref type=\"crossReference\" target=\"c7\">copy</ref>\n"  // 7
           "</termSec></langSec></conceptEntry>\n"                    // 8
           "<conceptEntry id=\"c2\"><langSec xml:lang=\"en\"><descrip type=\"definition\">copy of "
           "a ledger</descrip><termSec><term>replica</term></termSec></langSec></conceptEntry>\n"));
  const Entry* c1 = entry(r.vocabulary, "c1");
  const Entry* c2 = entry(r.vocabulary, "c2");
  ASSERT_NE(c1, nullptr);
  ASSERT_NE(c2, nullptr);
  const LanguageSection& en = c1->languages[0];
  EXPECT_TRUE(en.notes.empty());
  // The entry-level crossReference: a category of the entry, its block in
  // the section of the document's language.
  ASSERT_EQ(c1->categories.size(), 1u);
  const TextBlock* link = c1->categories[0].block;
  ASSERT_NE(link, nullptr);
  EXPECT_EQ(link->kind, BlockKind::cross_reference);
  ASSERT_EQ(link->references.size(), 1u);
  EXPECT_EQ(link->references[0].target, c2->id);
  EXPECT_EQ(link->range.line, 4u);
  ASSERT_EQ(en.definition->references.size(), 1u);
  EXPECT_EQ(en.definition->references[0].target_id, "c9");
  auto dangling = with_rule(r, "dangling-reference");
  ASSERT_EQ(dangling.size(), 2u) << all_messages(r);
  EXPECT_EQ(dangling[0]->target, "c9");
  EXPECT_EQ(dangling[0]->range.line, 5u);
  EXPECT_EQ(dangling[0]->range.column, 115u);  // 'mirror'
  ASSERT_EQ(dangling[0]->entries.size(), 1u);
  EXPECT_EQ(termgraph::test::entry_numbers(r, *dangling[0])[0], "c1");
  EXPECT_EQ(dangling[1]->target, "c7");
  EXPECT_EQ(dangling[1]->message,
            "cross-reference to c7, which is neither an entry nor a term of this vocabulary");
  EXPECT_EQ(dangling[1]->range.line, 7u);
  EXPECT_EQ(dangling[1]->range.column, 40u);  // 'copy'
}

TEST(LoadTbx, NumbersInTextResolve) {
  LoadResult r = load_string(tbx3(
      "<conceptEntry id=\"term_3.2\"><langSec xml:lang=\"en\"><descrip type=\"definition\">data "
      "kept with its block header (3.4)</descrip><termSec><term>block</term></termSec>"
      "</langSec></conceptEntry>\n"
      "<conceptEntry id=\"term_3.4\"><langSec xml:lang=\"en\"><descrip type=\"definition\">data "
      "about a block (3.2) and about (3.8)</descrip><termSec><term>block header</term>"
      "</termSec></langSec></conceptEntry>\n"));
  const Entry* b = entry(r.vocabulary, "3.2");
  const Entry* h = entry(r.vocabulary, "3.4");
  ASSERT_NE(b, nullptr);
  ASSERT_NE(h, nullptr);
  ASSERT_EQ(b->languages[0].definition->references.size(), 1u);
  EXPECT_EQ(b->languages[0].definition->references[0].target, h->id);
  auto dangling = with_rule(r, "dangling-reference");
  ASSERT_EQ(dangling.size(), 1u) << all_messages(r);
  EXPECT_EQ(dangling[0]->target, "3.8");
  EXPECT_EQ(dangling[0]->range.line, 4u);
  EXPECT_EQ(with_rule(r, "circular-definition").size(), 1u);
}

TEST(LoadTbx, StructureAndValueFindingsHavePositions) {
  LoadResult r =
      load_string(tbx3("<conceptEntry>\n"                                                       // 3
                       "<langSec xml:lang=\"en\"><termSec>\n"                                   // 4
                       "<termNote type=\"administrativeStatus\">best</termNote>\n"              // 5
                       "<term>a</term></termSec>\n"                                             // 6
                       "<note>late</note></langSec>\n"                                          // 7
                       "<descrip>no type</descrip><langSec xml:lang=\"de\"/></conceptEntry>\n"  // 8
                       ));
  std::vector<std::tuple<std::string, unsigned, unsigned>> got;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule_id() == "tbx-structure" || d.rule_id() == "invalid-value")
      got.emplace_back(std::string(d.rule_id()), d.range.line, d.range.column);
  }
  std::vector<std::tuple<std::string, unsigned, unsigned>> want = {
      {"tbx-structure", 3, 1},   // conceptEntry without id
      {"invalid-value", 5, 1},   // "best"
      {"tbx-structure", 6, 1},   // term not first
      {"tbx-structure", 7, 1},   // note after the termSec
      {"tbx-structure", 8, 1},   // descrip without type
      {"tbx-structure", 8, 1},   // descrip after a langSec
      {"tbx-structure", 8, 27},  // langSec without termSec
  };
  EXPECT_EQ(got, want) << all_messages(r);
  // Still read: the entry gets a fallback number, the term its default status.
  ASSERT_EQ(r.vocabulary.entries().size(), 1u);
  EXPECT_EQ(r.vocabulary.entries()[0].number, "entry-1");
  EXPECT_EQ(r.vocabulary.entries()[0].languages[0].designations[0].status, Status::preferred);
}

TEST(LoadTbx, TbxMinUsageStatus) {
  LoadResult r = load_string(tbx3(
      "<conceptEntry id=\"c1\"><langSec xml:lang=\"en\">\n"
      "<termSec><term>a</term><termNote type=\"usageStatus\">admitted</termNote></termSec>\n"
      "<termSec><term>b</term><termNote type=\"usageStatus\">preferred</termNote></termSec>\n"
      "<termSec><term>c</term><termNote type=\"usageStatus\">obsolete</termNote></termSec>\n"
      "<termSec><term>d</term><termNote type=\"usageStatus\">notRecommended</termNote></termSec>\n"
      "<termSec><term>e</term><termNote type=\"usageStatus\">maybe</termNote></termSec>\n"
      "<termSec><term>f</term><descrip type=\"definition\">x</descrip></termSec>\n"
      "</langSec></conceptEntry>\n",
      "TBX-Min"));
  const LanguageSection& en = r.vocabulary.entries()[0].languages[0];
  ASSERT_EQ(en.designations.size(), 6u);
  EXPECT_EQ(en.designations[0].status, Status::admitted);
  EXPECT_EQ(en.designations[1].status, Status::preferred);
  EXPECT_EQ(en.designations[2].status, Status::deprecated);
  EXPECT_EQ(en.designations[3].status, Status::deprecated);
  EXPECT_EQ(en.designations[4].status, Status::admitted);  // unknown value: unspecified
  auto invalid = with_rule(r, "invalid-value");
  ASSERT_EQ(invalid.size(), 1u) << all_messages(r);
  EXPECT_EQ(invalid[0]->range.line, 8u);
  EXPECT_EQ(invalid[0]->range.column, 24u);
  // A definition is not a TBX-Min data category.
  auto s = with_rule(r, "tbx-structure");
  ASSERT_EQ(s.size(), 1u) << all_messages(r);
  EXPECT_EQ(s[0]->range.line, 9u);
  EXPECT_NE(s[0]->message.find("TBX-Min"), std::string::npos);
}

TEST(LoadTbx, Tbx2008WithTigAndNtig) {
  LoadResult r = load_string(
      "<?xml version='1.0'?>\n"
      "<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">\n"
      "<martif type=\"TBX-Basic\" xml:lang=\"en\"><martifHeader><fileDesc><sourceDesc><p>s</p>"
      "</sourceDesc></fileDesc></martifHeader><text><body>\n"
      "<termEntry id=\"term_1.1\"><descrip type=\"definition\">thing used in (1.2)</descrip>\n"
      "<langSet xml:lang=\"en\"><tig><term>widget</term>"
      "<termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote></tig>\n"
      "<ntig><termGrp><term>gadget</term><termNote type=\"termType\">variant</termNote>"
      "</termGrp><note>n</note></ntig></langSet>\n"
      "<langSet xml:lang=\"de\"><tig><term>Ding</term></tig></langSet></termEntry>\n"
      "<termEntry id=\"term_1.2\"><langSet xml:lang=\"en\"><descrip type=\"definition\">"
      "whole made of widgets (1.1)</descrip><tig><term>machine</term></tig></langSet>"
      "</termEntry>\n"
      "</body></text></martif>\n",
      "m.tbx");
  EXPECT_EQ(r.formats[0], Format::tbx2008);
  EXPECT_TRUE(with_rule(r, "tbx-structure").empty()) << all_messages(r);
  EXPECT_TRUE(with_rule(r, "dangling-reference").empty()) << all_messages(r);
  ASSERT_EQ(r.vocabulary.entries().size(), 2u);
  const Entry* w = entry(r.vocabulary, "1.1");
  ASSERT_NE(w, nullptr);
  ASSERT_EQ(w->languages.size(), 2u);
  const LanguageSection& en = w->languages[0];
  ASSERT_EQ(en.designations.size(), 2u);
  EXPECT_EQ(en.designations[1].text, "gadget");
  EXPECT_EQ(en.designations[1].status, Status::admitted);
  EXPECT_EQ(en.designations[1].kind, TermKind::other);
  // The entry-level definition goes to the document's language.
  ASSERT_NE(en.definition, nullptr);
  EXPECT_EQ(en.definition->text, "thing used in (1.2)");
  EXPECT_EQ(en.definition->range.line, 4u);
  ASSERT_EQ(en.definition->references.size(), 1u);
  EXPECT_EQ(en.definition->references[0].target, entry(r.vocabulary, "1.2")->id);
  EXPECT_EQ(en.notes.size(), 1u);
  EXPECT_EQ(w->languages[1].definition, nullptr);
}

TEST(LoadTbx, DoctypeEntitiesAreNeverExpanded) {
  LoadResult r = load_string(
      "<?xml version='1.0'?>\n"
      "<!DOCTYPE martif [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
      "<martif type=\"TBX-Basic\" xml:lang=\"en\"><martifHeader><fileDesc><sourceDesc><p>s</p>"
      "</sourceDesc></fileDesc></martifHeader><text><body>\n"
      "<termEntry id=\"c1\"><langSet xml:lang=\"en\"><tig><term>a&x;b</term></tig></langSet>"
      "</termEntry>\n"
      "</body></text></martif>\n",
      "x.tbx");
  EXPECT_EQ(r.formats[0], Format::tbx2008);
  ASSERT_EQ(r.vocabulary.entries().size(), 1u);
  std::string_view term = r.vocabulary.entries()[0].languages[0].designations[0].text;
  EXPECT_EQ(term.find("root:"), std::string_view::npos);
  EXPECT_EQ(term, "a&x;b");  // the reference is left as written
}

TEST(LoadTbx, ByteOrderMarkKeepsPositions) {
  LoadResult r = load_string("\xEF\xBB\xBF" + tbx3("<conceptEntry id=\"c1\"><langSec "
                                                   "xml:lang=\"en\"><termSec><term>ab</term>"
                                                   "</termSec></langSec></conceptEntry>\n"));
  ASSERT_EQ(r.vocabulary.entries().size(), 1u);
  const Entry& e = r.vocabulary.entries()[0];
  EXPECT_EQ(e.range.line, 3u);
  EXPECT_EQ(e.range.column, 1u);
  EXPECT_EQ(e.languages[0].designations[0].range.column, 61u);
}

TEST(LoadTbx, XcsIsNotReadForInMemoryDocuments) {
  LoadResult r = load_string(
      "<martif type=\"TBX-Basic\" xml:lang=\"en\"><martifHeader><encodingDesc>"
      "<p type=\"XCSURI\">small.xcs</p></encodingDesc></martifHeader><text><body>"
      "<termEntry id=\"c1\"><langSet xml:lang=\"zz\"><tig><term>a</term></tig></langSet>"
      "</termEntry></body></text></martif>",
      "m.tbx");
  EXPECT_TRUE(with_rule(r, "invalid-value").empty());
  auto u = with_rule(r, "unsupported-content");
  ASSERT_EQ(u.size(), 1u) << all_messages(r);
  EXPECT_NE(u[0]->message.find("not loaded from a file"), std::string::npos);
  LoadResult remote = load_string(
      "<martif type=\"TBX-Basic\" xml:lang=\"en\"><martifHeader><encodingDesc>"
      "<p type=\"XCSURI\">http://example.com/../a.xcs</p></encodingDesc></martifHeader><text>"
      "<body><termEntry id=\"c1\"><langSet xml:lang=\"en\"><tig><term>a</term></tig></langSet>"
      "</termEntry></body></text></martif>",
      "m.tbx");
  u = with_rule(remote, "unsupported-content");
  ASSERT_EQ(u.size(), 1u) << all_messages(remote);
  EXPECT_NE(u[0]->message.find("only a plain file name"), std::string::npos);
}

TEST(LoadTbx, SameFindingsAsStsAndNative) {
  const std::string dir = std::string(TERMGRAPH_TEST_DATA) + "/tbx/";
  using Finding = std::tuple<std::string, std::vector<std::string>, std::string>;
  auto findings = [](const LoadResult& r) {
    std::set<Finding> out;
    for (const Diagnostic& d : r.diagnostics) {
      std::vector<std::string> entries = termgraph::test::entry_numbers(r, d);
      std::sort(entries.begin(), entries.end());
      out.emplace(std::string(d.rule_id()), entries, d.target);
    }
    return out;
  };
  // One profile for the three formats (each has its own by default); the
  // excerpt's numbers have gaps (3.2, 3.4, 3.7).
  LoadOptions iso;
  iso.analysis.diagnostics.profile = Profile::iso;
  LoadResult tbx = load_files({dir + "dlt-basic.tbx"}, iso);
  LoadResult sts = load_files({dir + "dlt-sts.xml"}, iso);
  LoadResult native = load_files({dir + "dlt-native.xml"}, iso);
  EXPECT_EQ(tbx.formats[0], Format::tbx);
  EXPECT_EQ(sts.formats[0], Format::sts);
  EXPECT_EQ(native.formats[0], Format::native);
  std::set<Finding> want = {
      {"circular-definition", {"3.2", "3.4"}, ""},
      {"dangling-reference", {"3.7"}, "3.99"},
      {"numbering-order", {"3.4"}, ""},
      {"numbering-order", {"3.7"}, ""},
  };
  EXPECT_EQ(findings(tbx), want) << all_messages(tbx);
  EXPECT_EQ(findings(sts), want) << all_messages(sts);
  EXPECT_EQ(findings(native), want) << all_messages(native);
}

// Termbase tools export their fields in their own case (MultiTerm:
// "Definition", "Source"): read as the TBX categories they name, known,
// with their type kept as written; MultiTerm links inside them are seen.
TEST(LoadTbx, CategoriesInAnotherCaseAreTheCategoriesTheyName) {
  LoadResult r = load_string(
      "<?xml version=\"1.0\"?>\n"
      "<martif type=\"TBX\" xml:lang=\"en\"><martifHeader><fileDesc><sourceDesc><p>x</p>"
      "</sourceDesc></fileDesc></martifHeader><text><body>\n"
      "<termEntry id=\"c1\"><langSet xml:lang=\"en\">\n"  // 3
      "<descripGrp><descrip type=\"Definition\">heavy type, not &lt;A=c2&gt;light&lt;/A&gt;"
      "</descrip><admin type=\"Source\">house style guide</admin></descripGrp>\n"  // 4
      "<tig><term>bold</term></tig></langSet></termEntry>\n"
      "<termEntry id=\"c2\"><langSet xml:lang=\"en\"><tig><term>light</term></tig></langSet>"
      "</termEntry>\n"
      "</body></text></martif>\n",
      "export.tbx");
  EXPECT_TRUE(with_rule(r, "unknown-data-category").empty()) << all_messages(r);
  const Entry* c1 = entry(r.vocabulary, "c1");
  const Entry* c2 = entry(r.vocabulary, "c2");
  ASSERT_NE(c1, nullptr);
  ASSERT_NE(c2, nullptr);
  const LanguageSection& en = c1->languages[0];
  ASSERT_NE(en.definition, nullptr);
  EXPECT_EQ(en.definition->text, "heavy type, not light");
  ASSERT_EQ(en.definition->references.size(), 1u);
  EXPECT_EQ(en.definition->references[0].target, c2->id);
  ASSERT_EQ(en.sources.size(), 1u);
  EXPECT_EQ(en.sources[0].text, "house style guide");
  ASSERT_EQ(en.categories.size(), 1u);
  EXPECT_EQ(en.categories[0].type, "Definition");  // as written
  EXPECT_TRUE(en.categories[0].known);
  EXPECT_EQ(en.categories[0].range.line, 4u);
  ASSERT_EQ(en.categories[0].details.size(), 1u);
  EXPECT_EQ(en.categories[0].details[0].type, "Source");
}
