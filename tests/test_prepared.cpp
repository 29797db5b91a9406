// Prepared inputs (load.hpp: prepare_input, load_prepared): an editor reads
// again only the file that changed. Loading prepared inputs must give the
// vocabulary and the findings load_sources() gives for the same sources,
// whether each input is used at the index it was prepared for or moved.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "model_compare.hpp"
#include "termgraph/load.hpp"
#include "termgraph/report.hpp"

using namespace termgraph;
using termgraph::testing::compare_models;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Every finding as the JSON report writes it.
std::string findings(const LoadResult& r) {
  std::ostringstream out;
  JsonDiagnosticWriter writer(out);
  report_diagnostics(r, writer);
  return out.str();
}

std::vector<Source> sample_sources() {
  const std::string terms = TERMGRAPH_TERMS_DIR;
  const std::string data = TERMGRAPH_TEST_DATA;
  std::vector<Source> sources;
  for (const std::string& p : {terms + "/dlt-vocabulary.xml", terms + "/dlt-vocabulary-sts.xml",
                               data + "/tbx/multiterm-links.tbx", data + "/tbx/garden-dca.tbx"}) {
    sources.push_back({p, slurp(p), true});
  }
  // A CSV input, one that cites the XML files, and a malformed one: the
  // findings of reading travel with their input.
  sources.push_back({"extra.csv",
                     "number,language,term,definition\n"
                     "9.1,en,audit trail,record of every transaction (3.77) kept for review\n"
                     "9.2,en,mirror node,copy of a node (3.9) that answers reads (9.3)\n",
                     false});
  sources.push_back({"broken.xml", "<vocabulary><entry number='9.9'><term>x</term>", false});
  return sources;
}

std::vector<PreparedInput> prepare_all(const std::vector<Source>& sources) {
  std::vector<PreparedInput> prepared;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    prepared.push_back(prepare_input(sources[i], i));
  }
  return prepared;
}

}  // namespace

TEST(Prepared, SameVocabularyAndFindingsAsLoadSources) {
  const std::vector<Source> sources = sample_sources();
  const LoadResult expected = load_sources(sources);
  ASSERT_GT(expected.vocabulary.size(), 60u);
  ASSERT_GT(expected.diagnostics.size(), 2u);
  const std::vector<PreparedInput> prepared = prepare_all(sources);
  EXPECT_EQ(prepared[4].format(), Format::csv);
  EXPECT_EQ(prepared[4].path(), "extra.csv");
  EXPECT_EQ(prepared[5].position(), 5u);

  const LoadResult got = load_prepared(prepared);
  EXPECT_EQ(compare_models(expected.vocabulary, got.vocabulary), "");
  EXPECT_EQ(findings(got), findings(expected));
  EXPECT_EQ(got.formats, expected.formats);
  // A prepared input serves any number of loads.
  const LoadResult again = load_prepared(prepared);
  EXPECT_EQ(findings(again), findings(expected));
  EXPECT_EQ(compare_models(expected.vocabulary, again.vocabulary), "");
}

TEST(Prepared, OneInputChangedTheOthersKept) {
  std::vector<Source> sources = sample_sources();
  std::vector<PreparedInput> prepared = prepare_all(sources);
  // The CSV now cites an entry that does not exist.
  sources[4].content += "9.3,en,read replica,node that holds a copy (7.77)\n";
  prepared[4] = prepare_input(sources[4], 4);
  const LoadResult got = load_prepared(prepared);
  const LoadResult expected = load_sources(sources);
  EXPECT_EQ(findings(got), findings(expected));
  EXPECT_NE(findings(got).find("7.77"), std::string::npos);
  EXPECT_EQ(compare_models(expected.vocabulary, got.vocabulary), "");
}

TEST(Prepared, InputsAtOtherIndexesAreReadAgainThere) {
  std::vector<Source> sources = sample_sources();
  std::vector<PreparedInput> prepared = prepare_all(sources);
  // A file removed before the others, one added at the end: every later
  // input is at an index it was not prepared for.
  sources.erase(sources.begin() + 1);
  prepared.erase(prepared.begin() + 1);
  sources.push_back({"added.xml",
                     "<vocabulary><entry number='8.1'><term>added term</term>"
                     "<definition>term cited by nothing, citing (3.1)</definition></entry>"
                     "</vocabulary>",
                     false});
  prepared.push_back(prepare_input(sources.back(), 0));  // prepared for the wrong index
  const LoadResult got = load_prepared(prepared);
  const LoadResult expected = load_sources(sources);
  EXPECT_EQ(findings(got), findings(expected));
  EXPECT_EQ(compare_models(expected.vocabulary, got.vocabulary), "");
  ASSERT_EQ(got.vocabulary.files().size(), sources.size());
  EXPECT_EQ(got.vocabulary.files().back(), "added.xml");
}

TEST(Prepared, VocabularyOutlivesThePreparedInputs) {
  LoadResult got;
  {
    const std::vector<PreparedInput> prepared = prepare_all(sample_sources());
    got = load_prepared(prepared);
  }
  const Entry* e = got.vocabulary.find_number("3.30");
  ASSERT_NE(e, nullptr);
  ASSERT_NE(e->preferred(), nullptr);
  EXPECT_EQ(e->preferred()->text, "DLT system");
}

TEST(Prepared, EmptyHandleIsRefused) {
  EXPECT_THROW((void)load_prepared({PreparedInput()}), std::invalid_argument);
}
