// Cross-references between the entries of a termbase: TBX crossReference
// (DCA ref, DCT element), concept relations and `see` with a target, at
// entry, language and term level, by concept id or by term id; dangling
// ones; their place in the reference graph (kind cross_reference, never
// part of a circular definition); and MultiTerm's inline links in exported
// text (`&lt;A=c118:c118-en-t1&gt;italic&lt;/A&gt;`), on a MultiTerm-style
// TBX 2008 export (tests/data/tbx/multiterm-links.tbx).
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "read/tbx_links.hpp"
#include "read/text_builder.hpp"
#include "termgraph/load.hpp"
#include "test_support.hpp"

using namespace termgraph;

namespace {

using termgraph::test::all_messages;
using termgraph::test::entry;
using termgraph::test::entry_numbers;
using termgraph::test::with_rule;

/// A TBX v3 document around `body` (lines start at 3 for the first line of
/// `body`).
std::string tbx3(std::string_view body, std::string_view style = "dca",
                 std::string_view extra_ns = "") {
  return "<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\" type=\"TBX-Basic\" style=\"" +
         std::string(style) + "\" xml:lang=\"en\"" + std::string(extra_ns) +
         ">\n<tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader><text>"
         "<body>\n" +
         std::string(body) + "</body></text></tbx>\n";
}

/// The one reference of the block of category `c`.
const Reference& only_reference(const DataCategory& c) {
  EXPECT_NE(c.block, nullptr);
  EXPECT_EQ(c.block->references.size(), 1u);
  return c.block->references[0];
}

LoadResult multiterm_export() {
  return load_files({std::string(TERMGRAPH_TEST_DATA) + "/tbx/multiterm-links.tbx"});
}

}  // namespace

TEST(CrossReferences, ResolveByConceptIdAndTermIdAtEveryLevel) {
  LoadResult r = load_string(
      tbx3("<conceptEntry id=\"c1\"><langSec xml:lang=\"en\">\n"                                // 3
           "<termSec id=\"c1-en-t1\"><term>ledger</term></termSec></langSec></conceptEntry>\n"  // 4
           "<conceptEntry id=\"c2\">\n"                                                         // 5
           "<ref type=\"crossReference\" target=\"c1\">ledger</ref>\n"                          // 6
           "<langSec xml:lang=\"en\"><descrip type=\"definition\">copy of a book</descrip>\n"   // 7
           "<ref type=\"crossReference\" target=\"c1-en-t1\">ledger</ref>\n"                    // 8
           "<termSec id=\"c2-en-t1\"><term>replica</term>\n"                                    // 9
           "<ref type=\"crossReference\" target=\"c9\">mirror</ref></termSec>"  // 10
           "</langSec></conceptEntry>\n"));
  const Entry* c1 = entry(r.vocabulary, "c1");
  const Entry* c2 = entry(r.vocabulary, "c2");
  ASSERT_NE(c1, nullptr);
  ASSERT_NE(c2, nullptr);

  // Entry level: a category whose block is the cross-reference.
  ASSERT_EQ(c2->categories.size(), 1u);
  const DataCategory& at_entry = c2->categories[0];
  EXPECT_EQ(at_entry.element, CategoryElement::ref);
  EXPECT_EQ(at_entry.type, "crossReference");
  EXPECT_EQ(at_entry.target, "c1");
  EXPECT_EQ(at_entry.value, "ledger");
  EXPECT_EQ(at_entry.range.line, 6u);
  EXPECT_EQ(at_entry.range.column, 1u);
  EXPECT_EQ(at_entry.range.end_line, 6u);
  EXPECT_EQ(at_entry.range.end_column, 52u);  // just past </ref>
  ASSERT_NE(at_entry.block, nullptr);
  EXPECT_EQ(at_entry.block->kind, BlockKind::cross_reference);
  EXPECT_EQ(at_entry.block->text, "ledger");
  const Reference& to_c1 = only_reference(at_entry);
  EXPECT_EQ(to_c1.target_id, "c1");
  EXPECT_TRUE(to_c1.markup);
  EXPECT_EQ(to_c1.target, c1->id);
  EXPECT_EQ(to_c1.range.line, 6u);
  EXPECT_EQ(to_c1.range.column, 40u);  // 'ledger'

  // Language level, by the id of c1's termSec: it cites c1.
  const LanguageSection& en = c2->languages[0];
  EXPECT_TRUE(en.notes.empty());        // a cross-reference is not a note
  ASSERT_EQ(en.categories.size(), 2u);  // the definition, then the link
  EXPECT_EQ(en.categories[0].type, "definition");
  EXPECT_EQ(en.categories[1].target, "c1-en-t1");
  EXPECT_EQ(only_reference(en.categories[1]).target, c1->id);

  // Term level: on the designation, dangling.
  ASSERT_EQ(en.designations.size(), 1u);
  ASSERT_EQ(en.designations[0].categories.size(), 1u);
  const DataCategory& at_term = en.designations[0].categories[0];
  EXPECT_EQ(at_term.block->kind, BlockKind::cross_reference);
  EXPECT_EQ(only_reference(at_term).target, no_entry);

  auto dangling = with_rule(r, "dangling-reference");
  ASSERT_EQ(dangling.size(), 1u) << all_messages(r);
  EXPECT_EQ(dangling[0]->message,
            "cross-reference to c9, which is neither an entry nor a term of this vocabulary");
  EXPECT_EQ(dangling[0]->target, "c9");
  EXPECT_EQ(dangling[0]->range.line, 10u);
  EXPECT_EQ(dangling[0]->range.column, 40u);  // 'mirror'
  EXPECT_EQ(entry_numbers(r, *dangling[0]), std::vector<std::string>{"c2"});

  // The graph: c2 cites c1 twice, as cross-references, from its English
  // section (the entry-level one stands in the document's language).
  Span<Citation> cites = r.vocabulary.cites(c2->id);
  ASSERT_EQ(cites.size(), 2u);
  for (const Citation& c : cites) {
    EXPECT_EQ(c.to, c1->id);
    EXPECT_EQ(c.kind, BlockKind::cross_reference);
    EXPECT_EQ(c.section, &en);
  }
  EXPECT_EQ(cites[0].reference->range.line, 6u);
  EXPECT_EQ(cites[1].reference->range.line, 8u);
  ASSERT_EQ(r.vocabulary.cited_by(c1->id).size(), 2u);
  EXPECT_EQ(r.vocabulary.cited_by(c1->id)[0].from, c2->id);
}

TEST(CrossReferences, DctElementsRelationsAndSeeWithTargetsLinkEntries) {
  LoadResult r = load_string(
      tbx3("<conceptEntry id=\"c1\"><langSec xml:lang=\"en\"><termSec id=\"t1\"><term>ledger</term>"
           "</termSec></langSec></conceptEntry>\n"                                // 3
           "<conceptEntry id=\"c2\"><langSec xml:lang=\"en\">\n"                  // 4
           "<b:crossReference target=\"t1\">ledger</b:crossReference>\n"          // 5
           "<b:relatedConcept target=\"c1\">ledger</b:relatedConcept>\n"          // 6
           "<b:see target=\"c7\">journal</b:see>\n"                               // 7
           "<termSec><term>replica</term></termSec></langSec></conceptEntry>\n",  // 8
           "dct", " xmlns:b=\"http://www.tbxinfo.net/ns/basic\""));
  const Entry* c1 = entry(r.vocabulary, "c1");
  const Entry* c2 = entry(r.vocabulary, "c2");
  ASSERT_NE(c1, nullptr);
  ASSERT_NE(c2, nullptr);
  const LanguageSection& en = c2->languages[0];
  ASSERT_EQ(en.categories.size(), 3u) << all_messages(r);
  EXPECT_EQ(en.categories[0].element, CategoryElement::ref);  // DCT crossReference: a ref
  EXPECT_EQ(en.categories[0].type, "crossReference");
  EXPECT_EQ(only_reference(en.categories[0]).target, c1->id);
  EXPECT_EQ(en.categories[1].element, CategoryElement::descrip);  // relatedConcept: a descrip
  EXPECT_EQ(en.categories[1].type, "relatedConcept");
  EXPECT_EQ(only_reference(en.categories[1]).target, c1->id);
  EXPECT_EQ(en.categories[2].type, "see");
  auto dangling = with_rule(r, "dangling-reference");
  ASSERT_EQ(dangling.size(), 1u) << all_messages(r);
  EXPECT_EQ(dangling[0]->target, "c7");
  EXPECT_EQ(dangling[0]->range.line, 7u);
  EXPECT_EQ(dangling[0]->range.column, 20u);  // 'journal'
  EXPECT_EQ(r.vocabulary.cites(c2->id).size(), 2u);
}

TEST(CrossReferences, DcaRelationsNeedATargetAndExternalXrefsStayExternal) {
  LoadResult r = load_string(
      tbx3("<conceptEntry id=\"c1\"><langSec xml:lang=\"en\"><termSec><term>ledger</term>"
           "</termSec></langSec></conceptEntry>\n"                                              // 3
           "<conceptEntry id=\"c2\"><langSec xml:lang=\"en\">\n"                                // 4
           "<descrip type=\"relatedConcept\" target=\"c1\">ledger</descrip>\n"                  // 5
           "<xref type=\"see\" target=\"c1\">ledger</xref>\n"                                   // 6
           "<xref type=\"externalCrossReference\" target=\"https://example.org/l\">l</xref>\n"  // 7
           "<descrip type=\"relatedConcept\">ledger</descrip>\n"                                // 8
           "<termSec><term>replica</term></termSec></langSec></conceptEntry>\n"));
  const Entry* c1 = entry(r.vocabulary, "c1");
  const Entry* c2 = entry(r.vocabulary, "c2");
  ASSERT_NE(c1, nullptr);
  ASSERT_NE(c2, nullptr);
  const LanguageSection& en = c2->languages[0];
  // Every category is kept; the relation without a target and the
  // external link are no cross-references (no block of that kind).
  ASSERT_EQ(en.categories.size(), 4u) << all_messages(r);
  EXPECT_EQ(en.categories[0].element, CategoryElement::descrip);
  EXPECT_EQ(en.categories[0].block->kind, BlockKind::cross_reference);
  EXPECT_EQ(en.categories[1].element, CategoryElement::xref);
  EXPECT_EQ(en.categories[1].type, "see");
  EXPECT_EQ(only_reference(en.categories[1]).target, c1->id);
  EXPECT_EQ(en.categories[2].type, "externalCrossReference");
  EXPECT_EQ(en.categories[2].block->kind, BlockKind::note);
  EXPECT_EQ(en.categories[3].type, "relatedConcept");
  EXPECT_EQ(en.categories[3].block, nullptr);
  // `see` is not a TBX data category: kept, with a note once.
  EXPECT_FALSE(en.categories[1].known);
  EXPECT_EQ(with_rule(r, "unknown-data-category").size(), 1u);
  // The external link stays a note with an external reference, never
  // resolved nor dangling.
  ASSERT_EQ(en.notes.size(), 1u);
  ASSERT_EQ(en.notes[0].references.size(), 1u);
  EXPECT_TRUE(en.notes[0].references[0].external);
  EXPECT_TRUE(with_rule(r, "dangling-reference").empty()) << all_messages(r);
  Span<Citation> cites = r.vocabulary.cites(c2->id);
  ASSERT_EQ(cites.size(), 2u);
  EXPECT_EQ(cites[0].kind, BlockKind::cross_reference);
  EXPECT_EQ(cites[1].kind, BlockKind::cross_reference);
}

TEST(CrossReferences, NeverMakeADefinitionCircular) {
  LoadResult r =
      load_string(tbx3("<conceptEntry id=\"c1\"><langSec xml:lang=\"en\">"
                       "<descrip type=\"definition\">record of accounts</descrip>"
                       "<ref type=\"crossReference\" target=\"c2\">journal</ref>"
                       "<termSec><term>ledger</term></termSec></langSec></conceptEntry>\n"
                       "<conceptEntry id=\"c2\"><langSec xml:lang=\"en\">"
                       "<descrip type=\"definition\">daily record</descrip>"
                       "<ref type=\"crossReference\" target=\"c1\">ledger</ref>"
                       "<termSec><term>journal</term></termSec></langSec></conceptEntry>\n"));
  const Entry* c1 = entry(r.vocabulary, "c1");
  const Entry* c2 = entry(r.vocabulary, "c2");
  ASSERT_NE(c1, nullptr);
  ASSERT_NE(c2, nullptr);
  ASSERT_EQ(r.vocabulary.cites(c1->id).size(), 1u);
  EXPECT_EQ(r.vocabulary.cites(c1->id)[0].to, c2->id);
  ASSERT_EQ(r.vocabulary.cites(c2->id).size(), 1u);
  EXPECT_EQ(r.vocabulary.cites(c2->id)[0].to, c1->id);
  EXPECT_TRUE(r.vocabulary.circular_groups().empty());
  EXPECT_TRUE(with_rule(r, "circular-definition").empty()) << all_messages(r);
  EXPECT_TRUE(r.vocabulary.prerequisites(c1->id).empty());
}

TEST(CrossReferences, MultiTermInlineLinksResolveAndMakeACycle) {
  LoadResult r = multiterm_export();
  const Entry* italic = entry(r.vocabulary, "c118");
  const Entry* roman = entry(r.vocabulary, "c119");
  const Entry* oblique = entry(r.vocabulary, "c120");
  ASSERT_NE(italic, nullptr) << all_messages(r);
  ASSERT_NE(roman, nullptr);
  ASSERT_NE(oblique, nullptr);

  // The markers are left out of the text; what they enclose is the link.
  const TextBlock* def = italic->languages[0].definition;
  ASSERT_NE(def, nullptr);
  EXPECT_EQ(def->text,
            "style of type that slopes to the right, set against roman type for emphasis");
  ASSERT_EQ(def->references.size(), 1u);
  const Reference& to_roman = def->references[0];
  EXPECT_EQ(to_roman.text, "roman");
  EXPECT_EQ(to_roman.target_id, "c119:c119-en-t1");
  EXPECT_TRUE(to_roman.markup);
  EXPECT_EQ(to_roman.target, roman->id);
  EXPECT_EQ(to_roman.range.line, 14u);
  EXPECT_EQ(to_roman.range.column, 115u);  // 'roman', after the escaped marker

  // A link whose text is inline markup (<hi>), markers in other text nodes.
  const TextBlock* back = roman->languages[0].definition;
  ASSERT_NE(back, nullptr);
  EXPECT_EQ(back->text, "upright style of type, the one body text is set in when it is not italic");
  ASSERT_EQ(back->references.size(), 1u);
  EXPECT_EQ(back->references[0].text, "italic");
  EXPECT_EQ(back->references[0].target, italic->id);
  EXPECT_EQ(back->references[0].range.line, 29u);
  EXPECT_EQ(back->references[0].range.column, 148u);

  // The German definition cites the German term of the same entry.
  const TextBlock* de = italic->languages[1].definition;
  ASSERT_NE(de, nullptr);
  ASSERT_EQ(de->references.size(), 1u);
  EXPECT_EQ(de->references[0].text, "Antiqua");
  EXPECT_EQ(de->references[0].target, roman->id);

  // The definitions of italic and roman cite each other.
  auto circular = with_rule(r, "circular-definition");
  ASSERT_EQ(circular.size(), 1u) << all_messages(r);
  EXPECT_EQ(circular[0]->message, "circular definition: c118 \xE2\x86\x92 c119 \xE2\x86\x92 c118");
  EXPECT_EQ(circular[0]->range.line, 14u);
  EXPECT_EQ(circular[0]->range.column, 115u);
  EXPECT_EQ(entry_numbers(r, *circular[0]), (std::vector<std::string>{"c118", "c119"}));
  EXPECT_TRUE(with_rule(r, "label-mismatch").empty()) << all_messages(r);
}

TEST(CrossReferences, MultiTermExportDanglingLinksAndGraph) {
  LoadResult r = multiterm_export();
  const Entry* italic = entry(r.vocabulary, "c118");
  const Entry* roman = entry(r.vocabulary, "c119");
  const Entry* oblique = entry(r.vocabulary, "c120");
  ASSERT_NE(oblique, nullptr) << all_messages(r);

  const LanguageSection& en = oblique->languages[0];
  ASSERT_EQ(en.notes.size(), 1u);
  EXPECT_EQ(en.notes[0].text, "Often confused with italic; compare slanted type.");
  ASSERT_EQ(en.notes[0].references.size(), 2u);
  EXPECT_EQ(en.notes[0].references[0].target, italic->id);
  EXPECT_EQ(en.notes[0].references[1].text, "slanted type");

  // A link to an entry the export left out, and a crossReference to a term
  // that is not there.
  auto dangling = with_rule(r, "dangling-reference");
  ASSERT_EQ(dangling.size(), 2u) << all_messages(r);
  EXPECT_EQ(dangling[0]->message, "reference to c404, which is not an entry of this vocabulary");
  EXPECT_EQ(dangling[0]->target, "c404");
  EXPECT_EQ(dangling[0]->range.line, 44u);
  EXPECT_EQ(dangling[0]->range.column, 113u);  // 'slanted type'
  EXPECT_EQ(dangling[1]->message,
            "cross-reference to c121-en-t1, which is neither an entry nor a term of this "
            "vocabulary");
  EXPECT_EQ(dangling[1]->range.line, 48u);
  EXPECT_EQ(dangling[1]->range.column, 60u);  // 'sloped roman'
  EXPECT_EQ(entry_numbers(r, *dangling[1]), std::vector<std::string>{"c120"});

  // What oblique cites, in reading order: italic by its entry-level
  // crossReference, italic in its note, roman by the crossReference that
  // names roman's English term.
  Span<Citation> cites = r.vocabulary.cites(oblique->id);
  ASSERT_EQ(cites.size(), 3u);
  EXPECT_EQ(cites[0].to, italic->id);
  EXPECT_EQ(cites[0].kind, BlockKind::cross_reference);
  EXPECT_EQ(cites[0].reference->range.line, 41u);
  EXPECT_EQ(cites[0].reference->range.column, 50u);
  EXPECT_EQ(cites[1].to, italic->id);
  EXPECT_EQ(cites[1].kind, BlockKind::note);
  EXPECT_EQ(cites[2].to, roman->id);
  EXPECT_EQ(cites[2].kind, BlockKind::cross_reference);
  // The entry-level crossReference is a category of the entry.
  ASSERT_EQ(oblique->categories.size(), 1u);
  ASSERT_NE(oblique->categories[0].block, nullptr);
  EXPECT_EQ(&oblique->categories[0].block->references[0], cites[0].reference);
}

TEST(CrossReferences, MultiTermMarkersThatAreNotLinksStayText) {
  LoadResult r = load_string(
      tbx3("<conceptEntry id=\"c1\"><langSec xml:lang=\"en\">\n"
           "<note>a &lt;/A&gt; alone, &lt;A=x y&gt; with a space, &lt;A=&gt; empty</note>\n"
           "<note>&lt;A=c1&gt;open to the end</note>\n"
           "<termSec><term>ledger</term></termSec></langSec></conceptEntry>\n"));
  const Entry* c1 = entry(r.vocabulary, "c1");
  ASSERT_NE(c1, nullptr);
  const LanguageSection& en = c1->languages[0];
  ASSERT_EQ(en.notes.size(), 2u);
  EXPECT_EQ(en.notes[0].text, "a </A> alone, <A=x y> with a space, <A=> empty");
  EXPECT_TRUE(en.notes[0].references.empty());
  // A link left open ends with the text.
  EXPECT_EQ(en.notes[1].text, "open to the end");
  ASSERT_EQ(en.notes[1].references.size(), 1u);
  EXPECT_EQ(en.notes[1].references[0].text, "open to the end");
  EXPECT_EQ(en.notes[1].references[0].target, c1->id);
}

TEST(CrossReferences, MultiTermInlineLinksInCsvCells) {
  LoadResult r = load_string(
      "Entry ID,Language,Term,Definition\n"
      "c118,en,italic,\"style of type set against <A=c119:c119-en-t1>roman</A> type\"\n"
      "c119,en,roman,\"upright type, not <A=c118:c118-en-t1>italic</A>\"\n",
      "typography.csv");
  const Entry* italic = entry(r.vocabulary, "c118");
  const Entry* roman = entry(r.vocabulary, "c119");
  ASSERT_NE(italic, nullptr) << all_messages(r);
  ASSERT_NE(roman, nullptr);
  const TextBlock* def = italic->languages[0].definition;
  ASSERT_NE(def, nullptr);
  EXPECT_EQ(def->text, "style of type set against roman type");
  ASSERT_EQ(def->references.size(), 1u);
  EXPECT_EQ(def->references[0].text, "roman");
  EXPECT_TRUE(def->references[0].markup);
  EXPECT_EQ(def->references[0].target, roman->id);
  EXPECT_EQ(def->references[0].range.line, 2u);
  EXPECT_EQ(def->references[0].range.column, 62u);
  auto circular = with_rule(r, "circular-definition");
  ASSERT_EQ(circular.size(), 1u) << all_messages(r);
  EXPECT_EQ(circular[0]->message, "circular definition: c118 \xE2\x86\x92 c119 \xE2\x86\x92 c118");
}

TEST(CrossReferences, WhichCategoriesLinkEntries) {
  using tbx_links::links_entries;
  EXPECT_TRUE(links_entries("ref", "crossReference", "c1"));
  EXPECT_TRUE(links_entries("ref", "crossReference", ""));  // text only, still a link
  EXPECT_TRUE(links_entries("ref", "anything", "c1"));
  EXPECT_TRUE(links_entries("", "crossReference", ""));  // DCT
  EXPECT_TRUE(links_entries("descrip", "relatedConcept", "c1"));
  EXPECT_FALSE(links_entries("descrip", "relatedConcept", ""));
  EXPECT_TRUE(links_entries("xref", "see", "c1"));
  EXPECT_TRUE(links_entries("", "antonymTerm", "c1-en-t1"));
  EXPECT_FALSE(links_entries("xref", "externalCrossReference", "https://example.org"));
  EXPECT_FALSE(links_entries("xref", "xGraphic", "a.png"));
  EXPECT_FALSE(links_entries("descrip", "definition", "c1"));
}

TEST(CrossReferences, MultiTermMarkers) {
  std::string_view target;
  bool closing = false;
  EXPECT_EQ(multiterm_marker_at("see <A=c118:c118-en-t1>x", 4, target, closing), 19u);
  EXPECT_EQ(target, "c118:c118-en-t1");
  EXPECT_FALSE(closing);
  EXPECT_EQ(multiterm_marker_at("x</A>", 1, target, closing), 4u);
  EXPECT_TRUE(closing);
  EXPECT_EQ(multiterm_marker_at("<a=c1>", 0, target, closing), 6u);
  EXPECT_EQ(target, "c1");
  EXPECT_EQ(multiterm_marker_at("<A=>", 0, target, closing), 0u);
  EXPECT_EQ(multiterm_marker_at("<A=c 1>", 0, target, closing), 0u);
  EXPECT_EQ(multiterm_marker_at("<A=c1", 0, target, closing), 0u);
  EXPECT_EQ(multiterm_marker_at("<B=c1>", 0, target, closing), 0u);
  EXPECT_EQ(multiterm_marker_at("<A=" + std::string(300, 'c') + ">", 0, target, closing), 0u);
}

TEST(CrossReferences, TermRelationsOnATermLinkTheOtherTermsEntry) {
  LoadResult r = load_string(
      tbx3("<conceptEntry id=\"c1\"><langSec xml:lang=\"en\"><termSec id=\"c1-en-t1\">"
           "<term>import</term></termSec></langSec></conceptEntry>\n"
           "<conceptEntry id=\"c2\"><langSec xml:lang=\"en\"><termSec><term>export</term>\n"
           "<termNote type=\"antonymTerm\" target=\"c1-en-t1\">import</termNote>"
           "</termSec></langSec></conceptEntry>\n"));
  const Entry* c1 = entry(r.vocabulary, "c1");
  const Entry* c2 = entry(r.vocabulary, "c2");
  ASSERT_NE(c1, nullptr);
  ASSERT_NE(c2, nullptr);
  const Designation& d = c2->languages[0].designations[0];
  ASSERT_EQ(d.categories.size(), 1u) << all_messages(r);
  EXPECT_EQ(d.categories[0].element, CategoryElement::term_note);
  EXPECT_EQ(d.categories[0].type, "antonymTerm");
  EXPECT_EQ(d.categories[0].range.line, 5u);
  EXPECT_EQ(only_reference(d.categories[0]).target, c1->id);
  ASSERT_EQ(r.vocabulary.cited_by(c1->id).size(), 1u);
  EXPECT_EQ(r.vocabulary.cited_by(c1->id)[0].kind, BlockKind::cross_reference);
  EXPECT_TRUE(with_rule(r, "dangling-reference").empty()) << all_messages(r);
}

TEST(CrossReferences, MultiTermLinksFindBareConceptNumbers) {
  // A TBX 2008 export whose termEntry ids are MultiTerm's concept numbers.
  LoadResult r = load_string(
      "<martif type=\"TBX\" xml:lang=\"en\"><martifHeader><fileDesc><sourceDesc><p>t</p>"
      "</sourceDesc></fileDesc></martifHeader><text><body>\n"
      "<termEntry id=\"118\"><langSet xml:lang=\"en\"><tig><term>italic</term></tig>"
      "</langSet></termEntry>\n"
      "<termEntry id=\"119\"><langSet xml:lang=\"en\"><descrip type=\"definition\">not "
      "&lt;A=c118:c118-en-t1&gt;italic&lt;/A&gt;</descrip><tig><term>roman</term></tig>"
      "</langSet></termEntry>\n"
      "</body></text></martif>\n");
  const Entry* italic = entry(r.vocabulary, "118");
  const Entry* roman = entry(r.vocabulary, "119");
  ASSERT_NE(italic, nullptr) << all_messages(r);
  ASSERT_NE(roman, nullptr);
  ASSERT_NE(roman->languages[0].definition, nullptr);
  ASSERT_EQ(roman->languages[0].definition->references.size(), 1u);
  EXPECT_EQ(roman->languages[0].definition->references[0].target, italic->id);
  EXPECT_TRUE(with_rule(r, "dangling-reference").empty()) << all_messages(r);
}
