// One test per rule: the rule id, severity, line and column of what it
// reports, on small native documents. Also: every rule is documented.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "termgraph/load.hpp"
#include "termgraph/rules.hpp"
#include "test_support.hpp"

using namespace termgraph;

namespace {

using termgraph::test::all_messages;
using termgraph::test::with_rule;

// Native documents; the first line is line 1.
std::string doc(const std::string& body) {
  return "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\" xml:lang=\"en\">\n" + body +
         "</vocabulary>\n";
}

}  // namespace

TEST(Rules, CatalogueIsCompleteAndDocumented) {
  std::ifstream in(std::string(TERMGRAPH_DOCS_DIR) + "/rules.md");
  ASSERT_TRUE(in) << "docs/rules.md not found";
  std::stringstream ss;
  ss << in.rdbuf();
  std::string docs = ss.str();
  ASSERT_EQ(rules::all().size(), rule_count);
  for (const Rule* rule : rules::all()) {
    EXPECT_NE(docs.find("## " + std::string(rule->id)), std::string::npos)
        << rule->id << " has no section in docs/rules.md";
    auto level = [](Level l) {
      return l == Level::off ? std::string("off") : std::string(to_string(Severity(l)));
    };
    std::string row = "| [`" + std::string(rule->id) + "`](#" + std::string(rule->id) + ") | " +
                      level(rule->iso) + " | " + level(rule->termbase) + " | " +
                      std::string(rule->summary) + " |";
    EXPECT_NE(docs.find(row), std::string::npos) << "docs/rules.md table row for " << rule->id;
    EXPECT_EQ(rules::find(rule->id), rule);
  }
  EXPECT_EQ(rules::find("no-such-rule"), nullptr);
}

TEST(Rules, XmlSyntax) {
  LoadResult r =
      load_string(doc("  <entry number=\"1\">\n    <term>a</term>\n  </entri>\n"), "x.xml");
  auto d = with_rule(r, "xml-syntax");
  ASSERT_EQ(d.size(), 1u) << all_messages(r);
  EXPECT_EQ(d[0]->severity, Severity::error);
  EXPECT_EQ(d[0]->range.line, 4u);
  EXPECT_EQ(d[0]->range.column, 5u);  // the name in </entri>
  EXPECT_NE(d[0]->message.find("mismatch"), std::string::npos) << d[0]->message;
}

TEST(Rules, UnknownFormat) {
  LoadResult r = load_string("<?xml version=\"1.0\"?>\n<glossary><item/></glossary>\n", "g.xml");
  auto d = with_rule(r, "unknown-format");
  ASSERT_EQ(d.size(), 1u) << all_messages(r);
  EXPECT_EQ(d[0]->range.line, 2u);
  EXPECT_EQ(d[0]->range.column, 1u);
  EXPECT_EQ(d[0]->severity, Severity::error);
}

TEST(Rules, UnreadableInput) {
  LoadResult r = load_files({"this/path/does/not/exist.xml"});
  auto d = with_rule(r, "unreadable-input");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0]->severity, Severity::error);
  EXPECT_EQ(r.vocabulary.files().at(d[0]->range.file), "this/path/does/not/exist.xml");
}

TEST(Rules, DuplicateNumber) {
  LoadResult r =
      load_string(doc("  <entry number=\"3.1\"><term>a</term><definition>x</definition></entry>\n"
                      "  <entry number=\"3.1\"><term>b</term><definition>y</definition></entry>\n"),
                  "d.xml");
  auto d = with_rule(r, "duplicate-number");
  ASSERT_EQ(d.size(), 1u) << all_messages(r);
  EXPECT_EQ(d[0]->range.line, 3u);
  EXPECT_EQ(d[0]->range.column, 3u);
  ASSERT_EQ(d[0]->related.size(), 1u);
  EXPECT_EQ(d[0]->related[0].range.line, 2u);
  EXPECT_EQ(termgraph::test::entry_numbers(r, *d[0]), (std::vector<std::string>{"3.1", "3.1"}));
}

TEST(Rules, DuplicateTermAfterNormalisation) {
  LoadResult r = load_string(
      doc("  <entry number=\"1\"><term>Block</term><definition>x</definition></entry>\n"
          "  <entry number=\"2\"><term>BLOCK</term><definition>y</definition></entry>\n"
          "  <entry number=\"3\"><lang "
          "xml:lang=\"fr\"><term>block</term><definition>z</definition></lang></entry>\n"),
      "t.xml");
  auto d = with_rule(r, "duplicate-term");
  // Entry 3 is French: not a duplicate of the English ones.
  ASSERT_EQ(d.size(), 1u) << all_messages(r);
  EXPECT_EQ(d[0]->severity, Severity::warning);
  EXPECT_EQ(d[0]->range.line, 3u);
  EXPECT_EQ(d[0]->range.column, 27u);  // the text of <term>BLOCK</term>
  EXPECT_EQ(termgraph::test::entry_numbers(r, *d[0]), (std::vector<std::string>{"1", "2"}));
}

TEST(Rules, MissingDefinition) {
  LoadResult r =
      load_string(doc("  <entry number=\"1\">\n    <term>a</term>\n  </entry>\n"), "m.xml");
  auto d = with_rule(r, "missing-definition");
  ASSERT_EQ(d.size(), 1u) << all_messages(r);
  EXPECT_EQ(d[0]->severity, Severity::warning);
  EXPECT_EQ(d[0]->range.line, 2u);
  EXPECT_EQ(termgraph::test::entry_numbers(r, *d[0]), std::vector<std::string>{"1"});
}

TEST(Rules, MissingPreferredTerm) {
  LoadResult r = load_string(doc("  <entry number=\"1\">\n    <term status=\"admitted\">a</term>\n"
                                 "    <definition>x</definition>\n  </entry>\n"),
                             "p.xml");
  auto d = with_rule(r, "missing-preferred-term");
  ASSERT_EQ(d.size(), 1u) << all_messages(r);
  EXPECT_EQ(d[0]->severity, Severity::warning);
  EXPECT_EQ(d[0]->range.line, 2u);
}

TEST(Rules, DanglingReference) {
  LoadResult r =
      load_string(doc("  <entry number=\"3.1\"><term>a</term>\n"
                      "    <definition>part of a blockchain (3.99)</definition></entry>\n"),
                  "r.xml");
  auto d = with_rule(r, "dangling-reference");
  ASSERT_EQ(d.size(), 1u) << all_messages(r);
  EXPECT_EQ(d[0]->severity, Severity::error);
  EXPECT_EQ(d[0]->range.line, 3u);
  EXPECT_EQ(d[0]->range.column, 39u);  // the number 3.99
  EXPECT_EQ(d[0]->target, "3.99");
  EXPECT_EQ(termgraph::test::entry_numbers(r, *d[0]), std::vector<std::string>{"3.1"});
}

TEST(Rules, LabelMismatch) {
  LoadResult r = load_string(
      doc("  <entry number=\"3.2\"><term>block</term><definition>unit of "
          "data</definition></entry>\n"
          "  <entry number=\"3.3\"><term>chain</term>\n"
          "    <definition>sequence of <ref to=\"3.2\">bricks</ref></definition></entry>\n"),
      "l.xml");
  auto d = with_rule(r, "label-mismatch");
  ASSERT_EQ(d.size(), 1u) << all_messages(r);
  EXPECT_EQ(d[0]->severity, Severity::warning);
  EXPECT_EQ(d[0]->range.line, 4u);
  EXPECT_EQ(d[0]->range.column, 43u);  // "bricks"
  EXPECT_NE(d[0]->message.find("'block'"), std::string::npos) << d[0]->message;
}

TEST(Rules, SelfReference) {
  LoadResult r =
      load_string(doc("  <entry number=\"3.5\"><term>loop</term>\n"
                      "    <definition>thing that is a loop (3.5)</definition></entry>\n"),
                  "s.xml");
  auto d = with_rule(r, "self-reference");
  ASSERT_EQ(d.size(), 1u) << all_messages(r);
  EXPECT_EQ(d[0]->range.line, 3u);
  EXPECT_EQ(d[0]->range.column, 39u);
  // A self-citing definition is also a circular group of one.
  auto c = with_rule(r, "circular-definition");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(termgraph::test::entry_numbers(r, *c[0]), std::vector<std::string>{"3.5"});
}

TEST(Rules, CircularDefinition) {
  LoadResult r =
      load_string(doc("  <entry number=\"3.2\"><term>block</term>\n"
                      "    <definition>data with a block header (3.4)</definition></entry>\n"
                      "  <entry number=\"3.4\"><term>block header</term>\n"
                      "    <definition>first part of a block (3.2)</definition></entry>\n"),
                  "c.xml");
  auto d = with_rule(r, "circular-definition");
  ASSERT_EQ(d.size(), 1u) << all_messages(r);
  EXPECT_EQ(d[0]->severity, Severity::warning);
  EXPECT_EQ(d[0]->range.line, 3u);
  EXPECT_EQ(d[0]->range.column, 43u);
  EXPECT_EQ(termgraph::test::entry_numbers(r, *d[0]), (std::vector<std::string>{"3.2", "3.4"}));
  ASSERT_EQ(d[0]->related.size(), 2u);
  EXPECT_EQ(d[0]->related[1].range.line, 5u);
  EXPECT_TRUE(r);  // warnings only
}

TEST(Rules, UnsupportedContent) {
  LoadResult r = load_string(doc("  <entry number=\"1\"><term>a</term><definition>x</definition>\n"
                                 "    <picture src=\"a.png\"/></entry>\n"),
                             "u.xml");
  auto d = with_rule(r, "unsupported-content");
  ASSERT_EQ(d.size(), 1u) << all_messages(r);
  EXPECT_EQ(d[0]->severity, Severity::warning);
  EXPECT_EQ(d[0]->range.line, 3u);
  EXPECT_EQ(d[0]->range.column, 5u);
}
