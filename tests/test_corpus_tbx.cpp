// Real TBX files written by other people (see the corpus's PROVENANCE.md):
// the good ones load with the entry and designation counts counted by hand
// from the files; each bad one reports exactly the problems its header
// comment lists, at their line and column. Skipped when the corpus is not
// there.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "termgraph/load.hpp"
#include "test_support.hpp"

using namespace termgraph;
namespace fs = std::filesystem;

namespace {

using termgraph::test::all_messages;
using termgraph::test::entry;
using termgraph::test::with_rule;

const std::string corpus_dir = std::string(TERMGRAPH_CORPUS_DIR) + "/tbx";

#define REQUIRE_CORPUS()                                                                     \
  do {                                                                                       \
    if (!fs::is_directory(corpus_dir)) GTEST_SKIP() << "corpus not found at " << corpus_dir; \
  } while (0)

LoadResult load(const std::string& name) {
  return load_files({corpus_dir + "/" + name});
}

/// (line, column) of each diagnostic of `rule`, in report order.
std::vector<std::pair<unsigned, unsigned>> places(const LoadResult& r, std::string_view rule) {
  std::vector<std::pair<unsigned, unsigned>> out;
  for (const Diagnostic* d : with_rule(r, rule)) out.emplace_back(d->range.line, d->range.column);
  return out;
}

std::size_t designations(const Vocabulary& v) {
  std::size_t n = 0;
  for (const Entry& e : v.entries()) {
    for (const LanguageSection& s : e.languages) n += s.designations.size();
  }
  return n;
}

std::size_t sections(const Vocabulary& v) {
  std::size_t n = 0;
  for (const Entry& e : v.entries()) n += e.languages.size();
  return n;
}

}  // namespace

TEST(CorpusTbx, CoreStructureGood) {
  REQUIRE_CORPUS();
  LoadResult r = load("core_structure_good.tbx");
  ASSERT_EQ(r.formats.size(), 1u);
  EXPECT_EQ(r.formats[0], Format::tbx);
  const Vocabulary& v = r.vocabulary;
  // 45 conceptEntry, 84 langSec, 113 termSec (one term each).
  EXPECT_EQ(v.entries().size(), 45u);
  EXPECT_EQ(sections(v), 84u);
  EXPECT_EQ(designations(v), 113u);
  EXPECT_TRUE(with_rule(r, "tbx-structure").empty()) << all_messages(r);
  EXPECT_TRUE(with_rule(r, "xml-syntax").empty());
  EXPECT_TRUE(with_rule(r, "invalid-value").empty());
  // The back matter (a refObjectSec) is kept for the writer: nothing is
  // reported.
  EXPECT_TRUE(with_rule(r, "unsupported-content").empty()) << all_messages(r);

  // Entries are identified by their ids (no numbers in this file).
  const Entry* c1 = entry(v, "c1");
  ASSERT_NE(c1, nullptr);
  EXPECT_FALSE(c1->numbered);
  EXPECT_EQ(c1->range.line, 13u);
  ASSERT_EQ(c1->languages.size(), 2u);
  const LanguageSection& en = c1->languages[0];
  EXPECT_EQ(en.language, "en");
  ASSERT_EQ(en.designations.size(), 2u);
  EXPECT_EQ(en.designations[0].text, "open cluster");
  EXPECT_EQ(en.designations[0].status, Status::preferred);  // first term, no status
  EXPECT_EQ(en.designations[0].range.line, 17u);
  EXPECT_EQ(en.designations[0].range.column, 13u);  // BOM not counted
  EXPECT_EQ(en.designations[1].text, "galactic cluster");
  EXPECT_EQ(en.designations[1].status, Status::admitted);
  // The concept-level note goes to the section in the document's language
  // (en), before the term-level notes in document order of reading.
  ASSERT_EQ(en.notes.size(), 3u);
  EXPECT_EQ(en.notes[0].text, "G-Source: http://www.physics.drexel.edu/observatory/dump.shtml");
  EXPECT_EQ(en.notes[0].range.line, 14u);
  EXPECT_EQ(en.notes[2].text, "N-Source: http://www.delscope.demon.co.uk/astronomy/glossary.htm#G");
  EXPECT_EQ(c1->languages[1].language, "es");
  EXPECT_EQ(c1->languages[1].designations[0].text, "cúmulo abierto");
  EXPECT_TRUE(c1->languages[1].notes.empty());
}

TEST(CorpusTbx, MinGood) {
  REQUIRE_CORPUS();
  LoadResult r = load("min_good.tbx");
  EXPECT_EQ(r.formats[0], Format::tbx);
  const Vocabulary& v = r.vocabulary;
  EXPECT_EQ(v.entries().size(), 45u);
  EXPECT_EQ(sections(v), 84u);
  EXPECT_EQ(designations(v), 113u);
  EXPECT_TRUE(with_rule(r, "tbx-structure").empty()) << all_messages(r);
  EXPECT_TRUE(with_rule(r, "invalid-value").empty());
  // 39 subjectField descrips: data categories of their entries.
  EXPECT_TRUE(with_rule(r, "unsupported-content").empty()) << all_messages(r);
  std::size_t subject_fields = 0;
  for (const Entry& e : v.entries()) subject_fields += e.subject_field().empty() ? 0 : 1;
  EXPECT_EQ(subject_fields, 39u);
  // c41 'es' marks both terms admitted: no preferred term.
  EXPECT_EQ(places(r, "missing-preferred-term"),
            (std::vector<std::pair<unsigned, unsigned>>{{849, 5}}));

  const Entry* c1 = entry(v, "c1");
  ASSERT_NE(c1, nullptr);
  const LanguageSection& en = c1->languages[0];
  ASSERT_EQ(en.designations.size(), 2u);
  EXPECT_EQ(en.designations[0].status, Status::preferred);
  EXPECT_EQ(en.designations[0].part_of_speech, "noun");
  EXPECT_EQ(en.designations[1].status, Status::deprecated);  // usageStatus "deprecated"
  const Entry* c2 = entry(v, "c2");
  ASSERT_NE(c2, nullptr);
  EXPECT_EQ(c2->languages[0].designations[1].status, Status::admitted);
}

TEST(CorpusTbx, Martif2008Good) {
  REQUIRE_CORPUS();
  LoadResult r = load("martif2008_good.tbx");
  EXPECT_EQ(r.formats[0], Format::tbx2008);
  const Vocabulary& v = r.vocabulary;
  EXPECT_EQ(v.entries().size(), 2u);
  EXPECT_EQ(designations(v), 2u);
  // The XCS (small.xcs, beside the file) declares en and fr: both used
  // languages are allowed; the martif's own xml:lang does not matter.
  EXPECT_TRUE(with_rule(r, "invalid-value").empty()) << all_messages(r);
  EXPECT_TRUE(with_rule(r, "tbx-structure").empty()) << all_messages(r);
  EXPECT_TRUE(with_rule(r, "unsupported-content").empty()) << all_messages(r);
  const Entry* c2 = entry(v, "c2");
  ASSERT_NE(c2, nullptr);
  EXPECT_EQ(c2->languages[0].language, "fr");
  EXPECT_EQ(c2->languages[0].designations[0].text, "bar");
  EXPECT_EQ(c2->languages[0].designations[0].range.line, 31u);
  EXPECT_EQ(c2->languages[0].designations[0].range.column, 13u);
}

TEST(CorpusTbx, CoreStructureBadReportsEachListedError) {
  REQUIRE_CORPUS();
  LoadResult r = load("core_structure_bad.tbx");
  EXPECT_EQ(r.formats[0], Format::tbx);
  using P = std::vector<std::pair<unsigned, unsigned>>;
  // Header text not in <p> (16:5), <admin> in <text> (21:3), <admin>
  // without type (27:7), <term> not first (28:7), a second <term> (32:7), a
  // second <descrip> in one <descripGrp> (46:8).
  EXPECT_EQ(places(r, "tbx-structure"), (P{{16, 5}, {21, 3}, {27, 7}, {28, 7}, {32, 7}, {46, 8}}))
      << all_messages(r);
  auto s = with_rule(r, "tbx-structure");
  ASSERT_EQ(s.size(), 6u);
  EXPECT_NE(s[0]->message.find("<p>"), std::string::npos);
  EXPECT_NE(s[1]->message.find("<admin> is not allowed in <text>"), std::string::npos);
  EXPECT_NE(s[2]->message.find("type attribute"), std::string::npos);
  EXPECT_NE(s[3]->message.find("<term> must come first"), std::string::npos);
  EXPECT_NE(s[4]->message.find("only one <term>"), std::string::npos);
  EXPECT_NE(s[5]->message.find("only one <descrip>"), std::string::npos);
  EXPECT_EQ(s[0]->severity, Severity::error);
  // The descrip type "whateverType" (45:8) is kept, and named once.
  EXPECT_EQ(places(r, "unknown-data-category"), (P{{45, 8}}));
  EXPECT_TRUE(with_rule(r, "unsupported-content").empty()) << all_messages(r);
  // Everything else is still read: the out-of-order term is read, the
  // second one is not.
  EXPECT_EQ(r.vocabulary.entries().size(), 45u);
  EXPECT_EQ(designations(r.vocabulary), 113u);
  const Entry* c1 = entry(r.vocabulary, "c1");
  ASSERT_NE(c1, nullptr);
  EXPECT_EQ(c1->languages[0].designations[0].text, "Wrong order");
  EXPECT_EQ(c1->languages[0].designations[1].text, "galactic cluster");
}

TEST(CorpusTbx, MinBadReportsEachListedError) {
  REQUIRE_CORPUS();
  LoadResult r = load("min_bad.tbx");
  using P = std::vector<std::pair<unsigned, unsigned>>;
  // <admin type="source"> (21:5) and <xref> (41:7) are not TBX-Min.
  EXPECT_EQ(places(r, "tbx-structure"), (P{{21, 5}, {41, 7}})) << all_messages(r);
  auto s = with_rule(r, "tbx-structure");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_NE(s[0]->message.find("'source'"), std::string::npos);
  EXPECT_NE(s[1]->message.find("<xref> is not allowed in TBX-Min"), std::string::npos);
  // The xref's type "error" is no category TBX knows: kept, named once.
  EXPECT_EQ(places(r, "unknown-data-category"), (P{{41, 7}}));
  EXPECT_TRUE(with_rule(r, "unsupported-content").empty()) << all_messages(r);
  // usageStatus "not an allowed value" (803:7).
  EXPECT_EQ(places(r, "invalid-value"), (P{{803, 7}}));
  EXPECT_NE(with_rule(r, "invalid-value")[0]->message.find("not an allowed value"),
            std::string::npos);
  EXPECT_EQ(designations(r.vocabulary), 113u);
}

TEST(CorpusTbx, Martif2008BadUndeclaredLanguage) {
  REQUIRE_CORPUS();
  LoadResult r = load("martif2008_bad.tbx");
  EXPECT_EQ(r.formats[0], Format::tbx2008);
  using P = std::vector<std::pair<unsigned, unsigned>>;
  // <langSet xml:lang="lut">: Lushootseed is not in small.xcs.
  EXPECT_EQ(places(r, "invalid-value"), (P{{22, 5}})) << all_messages(r);
  EXPECT_NE(with_rule(r, "invalid-value")[0]->message.find("'lut'"), std::string::npos);
  EXPECT_NE(with_rule(r, "invalid-value")[0]->message.find("small.xcs"), std::string::npos);
  EXPECT_TRUE(with_rule(r, "tbx-structure").empty());
  EXPECT_EQ(r.vocabulary.entries().size(), 2u);
}

TEST(CorpusTbx, PoorlyFormedXmlReportsTheMissingEndTag) {
  REQUIRE_CORPUS();
  LoadResult r = load("poorly_formed_xml.tbx");
  using P = std::vector<std::pair<unsigned, unsigned>>;
  // Line 41 opens <term> and never closes it; the parser finds out at the
  // </termSec> of line 42 (the name after "</").
  EXPECT_EQ(places(r, "xml-syntax"), (P{{42, 8}})) << all_messages(r);
  EXPECT_FALSE(r);
  // What came before the defect is still read.
  EXPECT_EQ(r.vocabulary.entries().size(), 2u);
  EXPECT_EQ(entry(r.vocabulary, "c1")->languages[0].designations[0].text, "open cluster");
}

TEST(CorpusTbx, EveryFileIsHandled) {
  REQUIRE_CORPUS();
  std::size_t files = 0;
  for (const fs::directory_entry& f : fs::directory_iterator(corpus_dir)) {
    if (f.path().extension() != ".tbx") continue;
    ++files;
    LoadResult r = load_files({f.path().string()});
    ASSERT_EQ(r.formats.size(), 1u);
    EXPECT_NE(r.formats[0], Format::unknown) << f.path();
    EXPECT_GE(r.vocabulary.entries().size(), 1u) << f.path();
    EXPECT_TRUE(with_rule(r, "unknown-format").empty()) << f.path();
  }
  EXPECT_GE(files, 7u);  // the corpus may grow
}
