// `convert` keeps identity (issue 9, point 7): the vocabulary's title from
// its source, the entries' ids as read, nothing the source did not state;
// the STS writer writes the data categories ISO STS's TBX markup holds and
// reports, once per name, those it cannot (lossy-conversion).
#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "model/builder.hpp"
#include "read/text_builder.hpp"
#include "termgraph/load.hpp"
#include "termgraph/rules.hpp"
#include "termgraph/write.hpp"
#include "test_support.hpp"

using namespace termgraph;

namespace {

using termgraph::test::all_messages;

std::string write(const Vocabulary& v, Format f, const WriteOptions& o = {}) {
  std::ostringstream out;
  EXPECT_TRUE(write_vocabulary(out, v, f, o));
  return out.str();
}

LoadResult read(const std::string& text, const std::string& path) {
  return load_sources({{path, text}});
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++n;
  }
  return n;
}

std::vector<std::string> numbers(const Vocabulary& v) {
  std::vector<std::string> out;
  for (const Entry& e : v.entries()) out.emplace_back(e.number);
  return out;
}

/// An ISO STS document: a numbered entry with the ids ISO gives
/// (`sec_3.1`, `term_3.1`), an entry known only by its termEntry id (as
/// exports of term databases write them), a numbered entry whose ids do
/// not carry its number.
const std::string sts_doc =
    "<standard><front><std-meta><title-wrap xml:lang=\"en\"><main>Sample gears</main>"
    "</title-wrap><content-language>en</content-language></std-meta></front><body>"
    "<sec sec-type=\"terms\">\n"
    "<term-sec id=\"sec_3.1\"><label>3.1</label><tbx:termEntry id=\"term_3.1\">"
    "<tbx:langSet xml:lang=\"en\"><tbx:definition>toothed wheel</tbx:definition>"
    "<tbx:tig><tbx:term>gear</tbx:term></tbx:tig></tbx:langSet></tbx:termEntry></term-sec>\n"
    "<term-sec><tbx:termEntry id=\"2_76365\">"
    "<tbx:langSet xml:lang=\"en\"><tbx:definition>wheel driven by a "
    "<tbx:entailedTerm target=\"term_3.1\">gear (3.1)</tbx:entailedTerm></tbx:definition>"
    "<tbx:tig><tbx:term>pinion</tbx:term></tbx:tig></tbx:langSet></tbx:termEntry></term-sec>\n"
    "<term-sec id=\"a211\"><label>3.3</label><tbx:termEntry id=\"a211-e\">"
    "<tbx:langSet xml:lang=\"en\"><tbx:definition>set of gears</tbx:definition>"
    "<tbx:tig><tbx:term>gear train</tbx:term></tbx:tig></tbx:langSet></tbx:termEntry>"
    "</term-sec>\n"
    "</sec></body></standard>";

}  // namespace

// -- ids ----------------------------------------------------------------------

TEST(Identity, TbxKeepsTheIdsAsRead) {
  LoadResult r = read(sts_doc, "gears.xml");
  ASSERT_EQ(numbers(r.vocabulary), (std::vector<std::string>{"3.1", "2_76365", "3.3"}))
      << all_messages(r);
  const std::string tbx = write(r.vocabulary, Format::tbx);
  EXPECT_NE(tbx.find("<conceptEntry id=\"sec_3.1\">"), std::string::npos) << tbx;
  EXPECT_NE(tbx.find("<conceptEntry id=\"2_76365\">"), std::string::npos) << tbx;
  // An id that does not carry the entry's number would lose the number: the
  // entry is named by it.
  EXPECT_NE(tbx.find("<conceptEntry id=\"term_3.3\">"), std::string::npos) << tbx;
  EXPECT_EQ(tbx.find("c-2_76365"), std::string::npos);
  // The link targets the kept id; reading back gives the same numbers and
  // the link resolves to the same entry.
  EXPECT_NE(tbx.find("target=\"sec_3.1\""), std::string::npos) << tbx;
  LoadResult back = read(tbx, "gears.tbx");
  EXPECT_EQ(numbers(back.vocabulary), numbers(r.vocabulary)) << all_messages(back);
  const TextBlock* def = back.vocabulary[1].languages[0].definition;
  ASSERT_NE(def, nullptr);
  ASSERT_EQ(def->references.size(), 1u);
  EXPECT_EQ(def->references[0].target, 0u);
}

TEST(Identity, StsKeepsTheIdsAsRead) {
  LoadResult r = read(sts_doc, "gears.xml");
  const std::string sts = write(r.vocabulary, Format::sts);
  EXPECT_NE(sts.find("<term-sec id=\"sec_3.1\">"), std::string::npos) << sts;
  EXPECT_NE(sts.find("<tbx:termEntry id=\"term_3.1\">"), std::string::npos) << sts;
  EXPECT_NE(sts.find("<tbx:termEntry id=\"2_76365\">"), std::string::npos) << sts;
  EXPECT_NE(sts.find("<term-sec id=\"a211\">"), std::string::npos) << sts;
  EXPECT_NE(sts.find("<tbx:termEntry id=\"a211-e\">"), std::string::npos) << sts;
}

TEST(Identity, NativeKeepsTheIdsAsRead) {
  LoadResult r = read(sts_doc, "gears.xml");
  const std::string native = write(r.vocabulary, Format::native);
  EXPECT_NE(native.find("<entry number=\"3.1\" id=\"sec_3.1\">"), std::string::npos) << native;
  EXPECT_NE(native.find("<entry id=\"2_76365\">"), std::string::npos) << native;
}

// Two inputs with the same id: the first keeps it, the second gets a new
// one (ids are unique in a document); one that is no XML ID is replaced.
TEST(Identity, ClashingAndInvalidIdsAreReplaced) {
  const std::string one =
      "<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\" type=\"TBX-Basic\" style=\"dca\" "
      "xml:lang=\"en\"><tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc>"
      "</tbxHeader><text><body><conceptEntry id=\"c7\"><langSec xml:lang=\"en\"><termSec>"
      "<term>TERM</term></termSec></langSec></conceptEntry></body></text></tbx>";
  auto with = [&](const std::string& term) {
    std::string s = one;
    s.replace(s.find("TERM"), 4, term);
    return s;
  };
  LoadResult r = load_sources({{"a.tbx", with("gear")}, {"b.tbx", with("wheel")}});
  ASSERT_EQ(r.vocabulary.size(), 2u);
  const std::string tbx = write(r.vocabulary, Format::tbx);
  EXPECT_EQ(count(tbx, "<conceptEntry id=\"c7\">"), 1u) << tbx;
  EXPECT_EQ(count(tbx, "<conceptEntry id=\"c7--2\">"), 1u) << tbx;
  const std::string sts = write(r.vocabulary, Format::sts);
  EXPECT_EQ(count(sts, "<tbx:termEntry id=\"c7\">"), 1u) << sts;
  EXPECT_EQ(count(sts, "<tbx:termEntry id=\"c7--2\">"), 1u) << sts;
}

// -- title --------------------------------------------------------------------

TEST(Identity, TitleFromTheSourceUnlessGiven) {
  LoadResult r = read(sts_doc, "gears.xml");
  ASSERT_EQ(r.vocabulary.title(), "Sample gears");
  EXPECT_NE(write(r.vocabulary, Format::native).find("<title>Sample gears</title>"),
            std::string::npos);
  EXPECT_NE(write(r.vocabulary, Format::tbx).find("<title>Sample gears</title>"),
            std::string::npos);
  const std::string sts = write(r.vocabulary, Format::sts);
  EXPECT_NE(sts.find("<main>Sample gears</main>"), std::string::npos) << sts;
  // STS -> STS gives the title back.
  LoadResult back = read(sts, "back.xml");
  EXPECT_EQ(back.vocabulary.title(), "Sample gears");
  WriteOptions o;
  o.title = "Given title";
  const std::string given = write(r.vocabulary, Format::tbx, o);
  EXPECT_NE(given.find("<title>Given title</title>"), std::string::npos);
  EXPECT_EQ(given.find("Sample gears"), std::string::npos);
}

// -- nothing invented ---------------------------------------------------------

TEST(Identity, StsWritesOnlyStatedStatusAndType) {
  LoadResult r = read(
      "<standard><body><sec sec-type=\"terms\"><term-sec id=\"sec_1\"><label>1</label>"
      "<tbx:termEntry id=\"term_1\"><tbx:langSet xml:lang=\"en\">"
      "<tbx:definition>toothed wheel</tbx:definition>"
      "<tbx:tig><tbx:term>gear</tbx:term></tbx:tig>"
      "<tbx:tig><tbx:term>cog</tbx:term><tbx:normativeAuthorization value=\"admittedTerm\"/>"
      "<tbx:termType value=\"fullForm\"/></tbx:tig>"
      "</tbx:langSet></tbx:termEntry></term-sec></sec></body></standard>",
      "g.xml");
  const std::string sts = write(r.vocabulary, Format::sts);
  EXPECT_EQ(count(sts, "<tbx:normativeAuthorization"), 1u) << sts;
  EXPECT_EQ(count(sts, "<tbx:termType"), 1u) << sts;
  EXPECT_NE(sts.find("<tbx:normativeAuthorization value=\"admittedTerm\"/>"), std::string::npos);
  LoadResult back = read(sts, "back.xml");
  const LanguageSection& s = back.vocabulary[0].languages[0];
  ASSERT_EQ(s.designations.size(), 2u);
  EXPECT_FALSE(s.designations[0].status_stated);
  EXPECT_FALSE(s.designations[0].kind_stated);
  EXPECT_EQ(s.designations[0].status, Status::preferred);
  EXPECT_TRUE(s.designations[1].status_stated);
  EXPECT_TRUE(s.designations[1].kind_stated);
}

TEST(Identity, CsvWritesOnlyStatedStatusAndType) {
  LoadResult r = read(
      "Entry,Language,Term,Status,Term type\r\n1,en,gear,,\r\n1,en,cog,admitted,abbreviation\r\n",
      "g.csv");
  const std::string csv = write(r.vocabulary, Format::csv);
  EXPECT_NE(csv.find("\r\n1,en,gear,,,,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\r\n1,en,cog,admitted,abbreviation,"), std::string::npos) << csv;
  LoadResult back = read(csv, "back.csv");
  const LanguageSection& s = back.vocabulary[0].languages[0];
  ASSERT_EQ(s.designations.size(), 2u);
  EXPECT_FALSE(s.designations[0].status_stated);
  EXPECT_FALSE(s.designations[0].kind_stated);
  EXPECT_TRUE(s.designations[1].kind_stated);
}

// -- STS data categories ------------------------------------------------------

TEST(Identity, StsKeepsTheCategoriesItsMarkupHolds) {
  const std::string doc =
      "<standard><body><sec sec-type=\"terms\"><term-sec id=\"sec_1\"><label>1</label>"
      "<tbx:termEntry id=\"term_1\"><tbx:xGraphic xtarget=\"gear.png\"/>"
      "<tbx:langSet xml:lang=\"fr\"><tbx:subjectField>mécanique</tbx:subjectField>"
      "<tbx:definition>roue dentée</tbx:definition>"
      "<tbx:see target=\"fig_2\">Figure 2</tbx:see>"
      "<tbx:crossReference>pignon</tbx:crossReference>"
      "<tbx:xSource xtarget=\"http://example.com/g\">site</tbx:xSource>"
      "<tbx:tig><tbx:term>engrenage</tbx:term><tbx:partOfSpeech value=\"noun\"/>"
      "<tbx:grammaticalGender value=\"masculine\"/><tbx:grammaticalNumber value=\"singular\"/>"
      "<tbx:geographicalUsage>fr CA</tbx:geographicalUsage>"
      "<tbx:pronunciation>/ɑ̃.ʒʁə.naʒ/</tbx:pronunciation>"
      "<tbx:usageNote>atelier</tbx:usageNote></tbx:tig>"
      "</tbx:langSet></tbx:termEntry></term-sec></sec></body></standard>";
  LoadResult r = read(doc, "g.xml");
  std::vector<Diagnostic> lost;
  WriteOptions o;
  o.lost = &lost;
  const std::string sts = write(r.vocabulary, Format::sts, o);
  EXPECT_TRUE(lost.empty());
  for (const char* part :
       {"<tbx:xGraphic xtarget=\"gear.png\"/>", "<tbx:subjectField>mécanique</tbx:subjectField>",
        "<tbx:see target=\"fig_2\">Figure 2</tbx:see>",
        "<tbx:crossReference>pignon</tbx:crossReference>",
        "<tbx:xSource xtarget=\"http://example.com/g\">site</tbx:xSource>",
        "<tbx:grammaticalGender value=\"masculine\"/>",
        "<tbx:grammaticalNumber value=\"singular\"/>",
        "<tbx:geographicalUsage>fr CA</tbx:geographicalUsage>",
        "<tbx:pronunciation>/ɑ̃.ʒʁə.naʒ/</tbx:pronunciation>",
        "<tbx:usageNote>atelier</tbx:usageNote>"}) {
    EXPECT_NE(sts.find(part), std::string::npos) << part << "\n" << sts;
  }
  // Read back: the same categories at the same levels.
  LoadResult back = read(sts, "back.xml");
  EXPECT_TRUE(termgraph::test::with_rule(r, "unsupported-content").empty()) << all_messages(r);
  EXPECT_TRUE(termgraph::test::with_rule(back, "unsupported-content").empty())
      << all_messages(back);
  const Entry& a = r.vocabulary[0];
  const Entry& b = back.vocabulary[0];
  ASSERT_EQ(b.categories.size(), a.categories.size());
  ASSERT_EQ(b.languages[0].categories.size(), a.languages[0].categories.size());
  for (std::size_t i = 0; i < a.languages[0].categories.size(); ++i) {
    EXPECT_EQ(b.languages[0].categories[i].type, a.languages[0].categories[i].type);
    EXPECT_EQ(b.languages[0].categories[i].value, a.languages[0].categories[i].value);
    EXPECT_EQ(b.languages[0].categories[i].target, a.languages[0].categories[i].target);
  }
  const Designation& da = a.languages[0].designations[0];
  const Designation& db = b.languages[0].designations[0];
  ASSERT_EQ(db.categories.size(), da.categories.size());
  for (std::size_t i = 0; i < da.categories.size(); ++i) {
    EXPECT_EQ(db.categories[i].type, da.categories[i].type);
    EXPECT_EQ(db.categories[i].value, da.categories[i].value);
  }
}

namespace {

struct Built {
  std::shared_ptr<Vocabulary::Impl> impl = std::make_shared<Vocabulary::Impl>();
  std::vector<Diagnostic> diagnostics;
  Vocabulary vocabulary() const { return VocabularyAccess::make(impl); }
};

}  // namespace

// Categories ISO STS has no element for (as a TBX termbase gives them):
// reported once per name, at the first, and left out; a subject field at
// entry level is written in every language section and reported as moved.
TEST(Identity, StsReportsWhatItCannotHoldOncePerName) {
  Built b;
  Builder builder(*b.impl, b.diagnostics);
  const std::string text = "l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\n";
  builder.add_file("t.tbx", text);
  for (int k = 0; k < 2; ++k) {
    const std::size_t base = k == 0 ? 0 : 12;  // entry 1 on lines 1-4, entry 2 on 5-8
    builder.begin_entry(base, k == 0 ? "c1" : "c2", false);
    builder.add_entry_id(k == 0 ? "c1" : "c2");
    builder.add_category(CategoryLevel::entry, base, base + 2, CategoryElement::descrip,
                         "subjectField", "mechanics");
    auto t =
        builder.add_category(CategoryLevel::entry, base + 3, base + 5, CategoryElement::transac,
                             "transactionType", "origination", {}, true);
    builder.add_category(CategoryLevel::entry, base + 3, base + 5, CategoryElement::date, {},
                         "2024-05-01", {}, false, true, t);
    builder.begin_section(base + 6, "en");
    builder.add_designation(base + 6, "gear", ReadStatus::unspecified, TermKind::full_form, {},
                            false);
    builder.add_category(CategoryLevel::term, base + 9, base + 11, CategoryElement::admin,
                         "customerSubset", "Acme", {}, false, false);
    builder.end_section();
    builder.begin_section(base + 9, "de");
    builder.add_designation(base + 9, "Zahnrad", ReadStatus::unspecified, TermKind::full_form, {},
                            false);
    builder.end_section();
    builder.end_entry(base + 12);
  }
  builder.finish();
  Vocabulary v = b.vocabulary();
  ASSERT_EQ(v.size(), 2u);

  std::vector<Diagnostic> lost;
  WriteOptions o;
  o.lost = &lost;
  const std::string sts = write(v, Format::sts, o);
  ASSERT_EQ(lost.size(), 4u);
  for (const Diagnostic& d : lost) {
    EXPECT_TRUE(d.is(RuleId::lossy_conversion));
    EXPECT_EQ(d.severity, Severity::warning);
    EXPECT_EQ(d.range.file, 0u);
  }
  EXPECT_EQ(lost[0].message,
            "data category 'subjectField' (descrip) is written in each language section (STS "
            "has it at language level only)");
  EXPECT_EQ(lost[0].range.line, 1u);
  EXPECT_EQ(lost[1].message,
            "data category 'transactionType' (transac) cannot be written in STS at entry level; "
            "left out");
  EXPECT_EQ(lost[1].range.line, 2u);
  EXPECT_EQ(lost[2].message,
            "data category 'date' (date) cannot be written in STS in a group; "
            "left out");
  EXPECT_EQ(lost[3].message,
            "data category 'customerSubset' (admin) cannot be written in STS at term level; "
            "left out");
  EXPECT_EQ(lost[3].range.line, 4u);
  // The subject field is in both sections of both entries; nothing of the
  // others is written; without `lost`, the output is the same.
  EXPECT_EQ(count(sts, "<tbx:subjectField>mechanics</tbx:subjectField>"), 4u) << sts;
  EXPECT_EQ(sts.find("origination"), std::string::npos);
  EXPECT_EQ(sts.find("Acme"), std::string::npos);
  EXPECT_EQ(write(v, Format::sts), sts);
}

// The STS writer writes a term's markup back: MTTF<sub>d</sub> stays
// MTTF<sub>d</sub>, and reads back as the same text and markup.
TEST(Identity, StsWritesTermMarkupBack) {
  LoadResult r = read(
      "<standard><body><sec sec-type=\"terms\"><term-sec id=\"sec_1\"><label>1</label>"
      "<tbx:termEntry id=\"term_1\"><tbx:langSet xml:lang=\"en\">"
      "<tbx:definition>mean time to dangerous failure</tbx:definition>"
      "<tbx:tig><tbx:term>MTTF\n  <sub>D</sub></tbx:term></tbx:tig>"
      "</tbx:langSet></tbx:termEntry></term-sec></sec></body></standard>",
      "m.xml");
  const std::string sts = write(r.vocabulary, Format::sts);
  EXPECT_NE(sts.find("<tbx:term>MTTF<sub>D</sub></tbx:term>"), std::string::npos) << sts;
  LoadResult back = read(sts, "back.xml");
  const Designation& d = back.vocabulary[0].languages[0].designations[0];
  EXPECT_EQ(d.text, "MTTFD");
  EXPECT_EQ(d.markup, "MTTF<sub>D</sub>");
  EXPECT_EQ(write(back.vocabulary, Format::sts), sts);
}
