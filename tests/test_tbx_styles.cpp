// One TBX v3 termbase in the DCA style (<descrip type="definition">) and in
// the DCT style (<basic:definition>) is one termbase: both load to the same
// model and give the same findings (rule, severity, message, entries;
// positions differ). The groups (descripGrp, termNoteGrp, adminGrp) hold a
// DCT element where the DCA form has its main element, and that is no
// structure error. Checked on a small pair written here (tests/data/tbx/
// garden-dca.tbx, garden-dct.tbx) and on the TBX-Basic samples of the
// corpus (skipped when it is absent).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "model_compare.hpp"
#include "termgraph/load.hpp"
#include "test_support.hpp"

using namespace termgraph;
namespace fs = std::filesystem;

namespace {

using termgraph::test::all_messages;
using termgraph::test::entry;
using termgraph::test::with_rule;

const std::string data_dir = std::string(TERMGRAPH_TEST_DATA) + "/tbx";
const std::string corpus_dir = std::string(TERMGRAPH_CORPUS_DIR) + "/tbx";

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// A finding without its position: rule, severity, message and the numbers
/// of its entries.
using Finding = std::tuple<std::string, std::string, std::string, std::vector<std::string>>;

std::vector<Finding> findings(const LoadResult& r) {
  std::vector<Finding> out;
  for (const Diagnostic& d : r.diagnostics) {
    out.emplace_back(std::string(d.rule_id()), std::string(to_string(d.severity)), d.message,
                     termgraph::test::entry_numbers(r, d));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string describe(const std::vector<Finding>& fs) {
  std::string out;
  for (const Finding& f : fs) {
    out += std::get<0>(f) + " " + std::get<1>(f) + ": " + std::get<2>(f) + " [";
    for (const std::string& e : std::get<3>(f)) out += e + " ";
    out += "]\n";
  }
  return out;
}

/// A TBX v3 document around `body`, in style `style`, declaring the
/// prefixes `basic` and `min` (lines start at 3 for the first line of
/// `body`).
std::string tbx3(std::string_view style, std::string_view body) {
  return "<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\" type=\"TBX-Basic\" style=\"" +
         std::string(style) +
         "\" xml:lang=\"en\" xmlns:basic=\"http://www.tbxinfo.net/ns/basic\" "
         "xmlns:min=\"http://www.tbxinfo.net/ns/min\">\n"
         "<tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader><text>"
         "<body>\n" +
         std::string(body) + "</body></text></tbx>\n";
}

/// (line, column, message) of each tbx-structure finding.
std::vector<std::tuple<unsigned, unsigned, std::string>> structure(const LoadResult& r) {
  std::vector<std::tuple<unsigned, unsigned, std::string>> out;
  for (const Diagnostic* d : with_rule(r, "tbx-structure")) {
    out.emplace_back(d->range.line, d->range.column, d->message);
  }
  return out;
}

}  // namespace

TEST(TbxStyles, SmallPairLoadsToOneModelWithTheSameFindings) {
  LoadResult dca = load_files({data_dir + "/garden-dca.tbx"});
  LoadResult dct = load_files({data_dir + "/garden-dct.tbx"});
  ASSERT_EQ(dca.formats.size(), 1u);
  ASSERT_EQ(dct.formats.size(), 1u);
  EXPECT_EQ(dca.formats[0], Format::tbx);
  EXPECT_EQ(dct.formats[0], Format::tbx);
  EXPECT_EQ(dca.errors(), 0u) << all_messages(dca);
  EXPECT_EQ(dct.errors(), 0u) << all_messages(dct);
  EXPECT_TRUE(with_rule(dct, "tbx-structure").empty()) << all_messages(dct);

  EXPECT_EQ(termgraph::testing::compare_models(dca.vocabulary, dct.vocabulary), "");
  EXPECT_EQ(findings(dca), findings(dct)) << "DCA:\n"
                                          << describe(findings(dca)) << "DCT:\n"
                                          << describe(findings(dct));

  // What the groups hold is read, in both styles.
  for (const LoadResult* r : {&dca, &dct}) {
    const Vocabulary& v = r->vocabulary;
    ASSERT_EQ(v.size(), 3u);
    const Entry* c1 = entry(v, "c1");
    ASSERT_NE(c1, nullptr);
    ASSERT_EQ(c1->languages.size(), 2u);
    const LanguageSection& en = c1->languages[0];
    ASSERT_NE(en.definition, nullptr);
    EXPECT_EQ(en.definition->text,
              "layer of material spread over the soil to keep in moisture and hold back weeds");
    EXPECT_EQ(en.definition->range.line, 23u);
    ASSERT_EQ(en.sources.size(), 3u);
    EXPECT_EQ(en.sources[0].text, "Garden handbook, p. 12");
    EXPECT_EQ(en.sources[2].text, "Nursery catalogue");
    ASSERT_EQ(en.designations.size(), 2u);
    EXPECT_EQ(en.designations[0].text, "mulch");
    EXPECT_EQ(en.designations[0].part_of_speech, "noun");  // inside a termNoteGrp
    EXPECT_EQ(en.designations[0].status, Status::preferred);
    EXPECT_EQ(en.designations[1].status, Status::admitted);
    ASSERT_EQ(en.examples.size(), 1u);
    EXPECT_EQ(en.examples[0].text, "Spread the mulch after the first rain.");
    // The French section has a term and no definition.
    EXPECT_EQ(c1->languages[1].language, "fr");
    EXPECT_EQ(c1->languages[1].definition, nullptr);
    // The crossReference of c2 resolves to c1.
    const Entry* c2 = entry(v, "c2");
    ASSERT_NE(c2, nullptr);
    EXPECT_TRUE(c2->languages[0].notes.empty());
    // After its definition, a category too.
    ASSERT_EQ(c2->languages[0].categories.size(), 2u);
    EXPECT_EQ(c2->languages[0].categories[0].type, "definition");
    const DataCategory& link = c2->languages[0].categories[1];
    EXPECT_EQ(link.element, CategoryElement::ref);
    EXPECT_EQ(link.type, "crossReference");
    ASSERT_NE(link.block, nullptr);
    EXPECT_EQ(link.block->kind, BlockKind::cross_reference);
    ASSERT_EQ(link.block->references.size(), 1u);
    EXPECT_EQ(link.block->references[0].target, c1->id);
  }

  // The transaction, the subject field and the picture are data categories
  // at entry level in both styles; nothing is left out, nothing reported.
  for (const LoadResult* r : {&dca, &dct}) {
    EXPECT_TRUE(with_rule(*r, "unsupported-content").empty()) << all_messages(*r);
    EXPECT_EQ(r->diagnostics.size(), 0u) << all_messages(*r);
    const Entry* c1 = entry(r->vocabulary, "c1");
    ASSERT_NE(c1, nullptr);
    ASSERT_GE(c1->categories.size(), 3u);
    const DataCategory& t = c1->categories[0];
    EXPECT_EQ(t.element, CategoryElement::transac);
    EXPECT_EQ(t.value, "origination");
    EXPECT_EQ(t.range.line, 13u);
    EXPECT_EQ(t.range.end_line, 17u);
    ASSERT_EQ(t.details.size(), 2u);
    EXPECT_EQ(t.details[0].element, CategoryElement::date);
    EXPECT_EQ(t.details[1].element, CategoryElement::transac_note);
    EXPECT_EQ(t.details[1].target, "p1");
    EXPECT_EQ(c1->subject_field(), "horticulture");
    EXPECT_EQ(c1->categories[2].element, CategoryElement::xref);
    EXPECT_EQ(c1->categories[2].target, "https://example.org/mulch.png");
  }
}

TEST(TbxStyles, DctGroupsBreakTheRulesTheDcaGroupsDo) {
  // A descripGrp whose first element is a source (an admin) has no descrip
  // in either style; two definitions in one group are two main elements; a
  // data category TBX does not list (a dialect's own) may be the main one.
  const std::string dca = tbx3("dca",
                               "<conceptEntry id=\"c1\"><langSec xml:lang=\"en\">\n"          // 3
                               "<descripGrp><admin type=\"source\">s</admin></descripGrp>\n"  // 4
                               "<descripGrp><descrip type=\"definition\">a</descrip>"         // 5
                               "<descrip type=\"definition\">b</descrip></descripGrp>\n"
                               "<termSec><term>t</term></termSec></langSec></conceptEntry>\n");
  const std::string dct = tbx3("dct",
                               "<conceptEntry id=\"c1\"><langSec xml:lang=\"en\">\n"        // 3
                               "<descripGrp><basic:source>s</basic:source></descripGrp>\n"  // 4
                               "<descripGrp><basic:definition>a</basic:definition>"         // 5
                               "<basic:definition>b</basic:definition></descripGrp>\n"
                               "<termSec><term>t</term></termSec></langSec></conceptEntry>\n");
  LoadResult a = load_string(dca, "dca.tbx");
  LoadResult b = load_string(dct, "dct.tbx");
  using S = std::vector<std::tuple<unsigned, unsigned, std::string>>;
  EXPECT_EQ(structure(a), (S{{4, 1, "<descripGrp> has no <descrip>"},
                             {5, 51, "only one <descrip> is allowed in a <descripGrp>"}}))
      << all_messages(a);
  EXPECT_EQ(structure(b),
            (S{{4, 1,
                "<descripGrp> has no <descrip> (nor, in DCT style, the element of a descrip data "
                "category)"},
               {5, 51, "only one <descrip> is allowed in a <descripGrp> (<basic:definition>)"}}))
      << all_messages(b);

  LoadResult own = load_string(
      tbx3("dct",
           "<conceptEntry id=\"c1\" xmlns:x=\"urn:example:own\"><langSec xml:lang=\"en\">\n"
           "<descripGrp><x:reviewFlag>informal</x:reviewFlag><note>n</note></descripGrp>\n"
           "<termSec><term>t</term></termSec></langSec></conceptEntry>\n"),
      "own.tbx");
  EXPECT_TRUE(with_rule(own, "tbx-structure").empty()) << all_messages(own);
  EXPECT_TRUE(with_rule(own, "unsupported-content").empty()) << all_messages(own);
  ASSERT_EQ(with_rule(own, "unknown-data-category").size(), 1u) << all_messages(own);
  EXPECT_EQ(with_rule(own, "unknown-data-category")[0]->message,
            "data category 'reviewFlag' (<x:reviewFlag>) is not one termgraph knows; it is kept as "
            "written");
  // Kept: the head of its group, unknown, with the note as its detail.
  const LanguageSection& own_en = own.vocabulary.entries()[0].languages[0];
  ASSERT_EQ(own_en.categories.size(), 1u);
  EXPECT_EQ(own_en.categories[0].type, "reviewFlag");
  EXPECT_FALSE(own_en.categories[0].known);
  EXPECT_EQ(own_en.categories[0].value, "informal");
  ASSERT_EQ(own_en.categories[0].details.size(), 1u);
  EXPECT_EQ(own_en.categories[0].details[0].element, CategoryElement::note);
}

TEST(TbxStyles, DctTermNoteOutsideATermSectionIsReportedLikeTheDcaOne) {
  LoadResult a = load_string(tbx3("dca",
                                  "<conceptEntry id=\"c1\"><langSec xml:lang=\"en\">\n"
                                  "<termNote type=\"partOfSpeech\">noun</termNote>\n"  // 4
                                  "<termSec><term>t</term></termSec></langSec></conceptEntry>\n"),
                             "dca.tbx");
  LoadResult b = load_string(tbx3("dct",
                                  "<conceptEntry id=\"c1\"><langSec xml:lang=\"en\">\n"
                                  "<min:partOfSpeech>noun</min:partOfSpeech>\n"  // 4
                                  "<termSec><term>t</term></termSec></langSec></conceptEntry>\n"),
                             "dct.tbx");
  using S = std::vector<std::tuple<unsigned, unsigned, std::string>>;
  EXPECT_EQ(structure(a), (S{{4, 1, "<termNote> is only allowed in a term section"}}));
  EXPECT_EQ(structure(b),
            (S{{4, 1, "<min:partOfSpeech> (a termNote) is only allowed in a term section"}}));
  // Both are kept as a category where they stand (the language section),
  // not as the part of speech of a term.
  for (const LoadResult* r : {&a, &b}) {
    EXPECT_TRUE(with_rule(*r, "unsupported-content").empty()) << all_messages(*r);
    const LanguageSection& en = r->vocabulary.entries()[0].languages[0];
    ASSERT_EQ(en.categories.size(), 1u);
    EXPECT_EQ(en.categories[0].element, CategoryElement::term_note);
    EXPECT_EQ(en.categories[0].type, "partOfSpeech");
    EXPECT_EQ(en.categories[0].value, "noun");
    EXPECT_EQ(en.designations[0].part_of_speech, "");
  }
}

TEST(TbxStyles, CorpusBasicAstronomyDcaAndDctAgree) {
  const std::string dca_path = corpus_dir + "/basic_astronomy_dca.tbx";
  const std::string dct_path = corpus_dir + "/basic_astronomy_dct.tbx";
  if (!fs::exists(dca_path) || !fs::exists(dct_path)) {
    GTEST_SKIP() << "corpus files basic_astronomy_dca.tbx / _dct.tbx not found in " << corpus_dir;
  }
  LoadResult dca = load_files({dca_path});
  LoadResult dct = load_files({dct_path});
  EXPECT_EQ(dca.errors(), 0u) << all_messages(dca);
  EXPECT_EQ(dct.errors(), 0u) << all_messages(dct);
  EXPECT_TRUE(with_rule(dct, "tbx-structure").empty()) << all_messages(dct);
  EXPECT_EQ(findings(dca), findings(dct));
  EXPECT_EQ(dct.vocabulary.size(), 45u);

  // The two published samples differ in three entry-level notes that only
  // the DCA file has; without them the models are equal.
  std::string content = read(dca_path);
  std::size_t removed = 0;
  for (std::string_view url :
       {"geocities.ws/acarvajaltt", "via_lactea.jpg", "Archivo:Estrella_de_Neutrones.jpg"}) {
    std::size_t at = content.find(url);
    ASSERT_NE(at, std::string::npos) << url;
    std::size_t begin = content.rfind("<note>", at);
    std::size_t end = content.find("</note>", at);
    ASSERT_NE(begin, std::string::npos);
    ASSERT_NE(end, std::string::npos);
    content.erase(begin, end + 7 - begin);
    ++removed;
  }
  EXPECT_EQ(removed, 3u);
  EXPECT_EQ(read(dct_path).find("via_lactea.jpg"), std::string::npos);
  LoadResult trimmed = load_string(content, dca_path);
  EXPECT_EQ(termgraph::testing::compare_models(trimmed.vocabulary, dct.vocabulary), "");
}
