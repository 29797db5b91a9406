// Regression tests for what fuzzing found (fuzz/, docs/fuzzing.md): each
// input in tests/data/fuzz/ with the exact outcome expected, and a replay of
// every such input through each reader and the writers, as the fuzz
// harnesses do.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "termgraph/load.hpp"
#include "termgraph/rules.hpp"
#include "termgraph/write.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace termgraph;

namespace {

using termgraph::test::with_rule;

const fs::path kFuzzData = fs::path(TERMGRAPH_TEST_DATA) / "fuzz";

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

// pugixml overwrites the last byte of the buffer it parses in place; a file
// truncated inside text lost its last character ("alp" read as "al").
TEST(FuzzRegressions, TruncatedTextKeepsItsLastCharacter) {
  LoadResult r = load_string(read_file(kFuzzData / "truncated-native.xml"), "t.xml");
  ASSERT_EQ(r.vocabulary.size(), 2u);
  const Entry& beta = r.vocabulary[1];
  EXPECT_EQ(beta.number, "1.2");
  ASSERT_NE(beta.languages[0].definition, nullptr);
  EXPECT_EQ(beta.languages[0].definition->text, "after alp");
  ASSERT_EQ(beta.languages[0].definition->references.size(), 1u);
  EXPECT_EQ(beta.languages[0].definition->references[0].term, "alp");

  auto syntax = with_rule(r, "xml-syntax");
  ASSERT_EQ(syntax.size(), 1u);
  EXPECT_EQ(syntax[0]->range.line, 4u);
  EXPECT_EQ(syntax[0]->range.column, 74u);
  auto mismatch = with_rule(r, "label-mismatch");
  ASSERT_EQ(mismatch.size(), 1u);
  EXPECT_EQ(mismatch[0]->range.line, 4u);
  EXPECT_EQ(mismatch[0]->range.column, 72u);
  EXPECT_EQ(r.diagnostics.size(), 2u);
}

// The same at every cut inside the last text node, and in a plain
// definition: the text read is exactly the text before the cut.
TEST(FuzzRegressions, TruncationAtEveryByteOfTheLastTextNode) {
  const std::string head =
      "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\" xml:lang=\"en\">"
      "<entry number=\"1\"><term>t</term><definition>";
  const std::string text = "the whole definition";
  for (std::size_t cut = 1; cut <= text.size(); ++cut) {
    LoadResult r = load_string(head + text.substr(0, cut), "cut.xml");
    ASSERT_EQ(r.vocabulary.size(), 1u) << cut;
    const TextBlock* def = r.vocabulary[0].languages[0].definition;
    ASSERT_NE(def, nullptr) << cut;
    std::string expected = text.substr(0, cut);
    while (!expected.empty() && expected.back() == ' ') expected.pop_back();
    EXPECT_EQ(def->text, expected) << cut;
    auto syntax = with_rule(r, "xml-syntax");
    ASSERT_EQ(syntax.size(), 1u) << cut;
    EXPECT_EQ(syntax[0]->range.line, 1u);
  }
}

// Links nested in links (the fuzzer's favourite): the inner ones are
// reported and ignored, the outer one keeps all the text and the number
// after it.
TEST(FuzzRegressions, NestedReferences) {
  LoadResult r = load_string(read_file(kFuzzData / "nested-refs.xml"), "n.xml");
  ASSERT_EQ(r.vocabulary.size(), 2u);
  auto unsupported = with_rule(r, "unsupported-content");
  ASSERT_EQ(unsupported.size(), 2u);
  EXPECT_EQ(unsupported[0]->range.line, 5u);
  EXPECT_EQ(unsupported[0]->range.column, 37u);
  EXPECT_EQ(unsupported[1]->range.line, 5u);
  EXPECT_EQ(unsupported[1]->range.column, 51u);
  EXPECT_EQ(r.diagnostics.size(), 2u);
  const TextBlock* def = r.vocabulary[1].languages[0].definition;
  ASSERT_NE(def, nullptr);
  EXPECT_EQ(def->text, "after alpha (1.1)");
  ASSERT_EQ(def->references.size(), 1u);
  EXPECT_TRUE(def->references[0].markup);
  EXPECT_EQ(def->references[0].target, 0u);
}

// Every regression input through each reader (forced and detected), then
// each writer: what is written loads again without an xml-syntax or
// csv-syntax finding, in the format it was written in (the fuzz_pipeline
// invariant).
TEST(FuzzRegressions, ReplayThroughEveryReaderAndWriter) {
  std::size_t files = 0;
  for (const fs::directory_entry& f : fs::directory_iterator(kFuzzData)) {
    if (!f.is_regular_file()) continue;
    ++files;
    const std::string content = read_file(f.path());
    for (Format in : {Format::unknown, Format::native, Format::sts, Format::tbx, Format::tbx2008,
                      Format::csv}) {
      SCOPED_TRACE(f.path().filename().string() + " as " + std::string(to_string(in)));
      LoadOptions options;
      options.format = in;
      LoadResult r = load_sources({{"in.xml", content}}, options);
      for (const Diagnostic& d : r.diagnostics) {
        EXPECT_NE(d.rule, nullptr);
        EXPECT_FALSE(d.message.empty());
      }
      for (Format out : {Format::native, Format::sts, Format::tbx, Format::tbx2008, Format::csv}) {
        std::ostringstream written;
        ASSERT_TRUE(write_vocabulary(written, r.vocabulary, out));
        LoadResult back = load_string(written.str(), out == Format::csv ? "back.csv" : "back.xml");
        EXPECT_TRUE(with_rule(back, "xml-syntax").empty()) << written.str();
        EXPECT_TRUE(with_rule(back, "csv-syntax").empty()) << written.str();
        ASSERT_EQ(back.formats.size(), 1u);
        EXPECT_EQ(back.formats[0], out);
        EXPECT_EQ(back.vocabulary.size(), r.vocabulary.size());
      }
    }
  }
  EXPECT_GE(files, 2u);
}
