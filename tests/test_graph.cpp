// Pictures (graph.hpp): the DOT of the reference graph, of a neighbourhood,
// of the circular definitions and of a concept system; DOT quoting; SVG
// through Graphviz where the build has it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "termgraph/graph.hpp"
#include "termgraph/load.hpp"
#include "test_support.hpp"

namespace {

using termgraph::BlockKind;
using termgraph::ConceptRelation;
using termgraph::EntryId;
using termgraph::GraphKind;
using termgraph::GraphOptions;
using termgraph::LoadResult;
using termgraph::RelationKind;
using termgraph::Vocabulary;
using termgraph::test::all_messages;

// 1.2 cites 1.1 in its definition and twice in a note, 1.3 in its
// definition (1.3 cites it back: a cycle), 1.4 in an example; its source
// names 1.5, but a source's references name other documents (external,
// never resolved): no citation. 1.5 cross-references 1.6, which cites 1.4;
// 1.1 cites 1.7.
constexpr const char* chain = R"(<vocabulary xmlns="urn:termgraph:vocabulary:1">
  <entry number="1.1"><term>ledger</term>
    <definition>kept <ref to="1.7">record</ref> of transactions</definition></entry>
  <entry number="1.2"><term>block</term>
    <definition>unit of a <ref to="1.1">ledger</ref> stored with its <ref to="1.3">block header</ref></definition>
    <note>A <ref to="1.1">ledger</ref> holds many; each <ref to="1.1">ledger</ref> orders them.</note>
    <example>The first block of a <ref to="1.4">chain</ref>.</example>
    <source>adapted from the <ref to="1.5">hash</ref> notes</source></entry>
  <entry number="1.3"><term>block header</term>
    <definition>part of a <ref to="1.2">block</ref> that describes it</definition></entry>
  <entry number="1.4"><term>chain</term><definition>sequence of blocks</definition></entry>
  <entry number="1.5"><term>hash</term><definition>digest of data</definition>
    <cross-reference target="1.6"><ref to="1.6">node</ref></cross-reference></entry>
  <entry number="1.6"><term>node</term>
    <definition>computer that keeps a copy of the <ref to="1.4">chain</ref></definition></entry>
  <entry number="1.7"><term>record</term><definition>written account</definition></entry>
</vocabulary>)";

struct Edge {
  std::string from;  // entry numbers, through the node labels
  std::string to;
  std::string attributes;
};

struct Dot {
  std::string text;
  std::map<std::string, std::string> labels;  // node id -> label as written
  std::vector<Edge> edges;                    // between entry nodes, in order
};

/// The nodes and edges of write_dot's output, one a line.
Dot parse(const Vocabulary& v, const GraphOptions& options) {
  std::ostringstream out;
  termgraph::write_dot(out, v, options);
  Dot dot;
  dot.text = out.str();
  const std::regex node(R"re(^ +(e\d+) \[label="(.*)"\];$)re");
  const std::regex edge(R"re(^ +(\w+) -> (\w+) \[(.*)\];$)re");
  std::istringstream lines(dot.text);
  std::vector<std::pair<std::string, std::string>> raw;
  std::vector<std::string> attributes;
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_match(line, m, node)) {
      dot.labels[m[1]] = m[2];
    } else if (std::regex_match(line, m, edge)) {
      raw.emplace_back(m[1], m[2]);
      attributes.push_back(m[3]);
    }
  }
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const auto number = [&](const std::string& id) -> std::string {
      if (id.empty() || id[0] != 'e') return id;  // a junction or comb point
      const EntryId e = static_cast<EntryId>(std::stoul(id.substr(1)));
      return e < v.size() ? std::string(v[e].number) : id;
    };
    dot.edges.push_back({number(raw[i].first), number(raw[i].second), attributes[i]});
  }
  return dot;
}

/// "1.2>1.1" for each edge, in order.
std::vector<std::string> pairs(const Dot& dot) {
  std::vector<std::string> out;
  for (const Edge& e : dot.edges) out.push_back(e.from + ">" + e.to);
  return out;
}

EntryId id_of(const Vocabulary& v, std::string_view number) {
  const termgraph::Entry* e = v.find_number(number);
  if (!e) e = v.find_id(number);
  EXPECT_NE(e, nullptr) << number;
  return e ? e->id : termgraph::no_entry;
}

std::size_t citation_count(const Vocabulary& v) {
  std::size_t n = 0;
  for (EntryId id = 0; id < v.size(); ++id) n += v.cites(id).size();
  return n;
}

TEST(Graph, WholeVocabularyHasOneEdgePerCitationStyledByBlock) {
  LoadResult r = termgraph::load_string(chain, "chain.xml");
  const Vocabulary& v = r.vocabulary;
  ASSERT_EQ(v.size(), 7u) << all_messages(r);
  ASSERT_EQ(citation_count(v), 9u) << all_messages(r);
  const Dot dot = parse(v, {});
  EXPECT_EQ(dot.labels.size(), 7u);
  EXPECT_EQ(dot.labels.at("e0"), "1.1\\nledger");
  EXPECT_EQ(dot.labels.at("e2"), "1.3\\nblock header");
  // One edge per citation, the note's two references to 1.1 two edges.
  EXPECT_EQ(pairs(dot),
            (std::vector<std::string>{"1.1>1.7", "1.2>1.1", "1.2>1.3", "1.2>1.1", "1.2>1.1",
                                      "1.2>1.4", "1.3>1.2", "1.5>1.6", "1.6>1.4"}));
  EXPECT_EQ(dot.edges[0].attributes, "style=solid");   // definition
  EXPECT_EQ(dot.edges[3].attributes, "style=dashed");  // note
  EXPECT_EQ(dot.edges[4].attributes, "style=dashed");
  EXPECT_EQ(dot.edges[5].attributes, "style=dotted");  // example
  EXPECT_EQ(dot.edges[7].attributes,
            "style=solid, color=\"#1f5fa8\", arrowhead=odot");  // cross-reference
  EXPECT_EQ(dot.text.rfind("// edges: definition solid", 0), 0u);
  EXPECT_NE(dot.text.find("digraph termgraph {\n  graph [rankdir=LR];\n"), std::string::npos);
  // Deterministic: the same again.
  EXPECT_EQ(parse(v, {}).text, dot.text);
}

TEST(Graph, NeighbourhoodReachesBothWaysToTheDepthGiven) {
  LoadResult r = termgraph::load_string(chain, "chain.xml");
  const Vocabulary& v = r.vocabulary;
  const EntryId chain_id = id_of(v, "1.4");
  // Depth 1: what 1.4 cites (nothing) and what cites it (1.2, 1.6).
  EXPECT_EQ(termgraph::neighbourhood(v, {chain_id}, 1),
            (std::vector<EntryId>{id_of(v, "1.2"), chain_id, id_of(v, "1.6")}));
  EXPECT_EQ(termgraph::neighbourhood(v, {chain_id}, 0), (std::vector<EntryId>{chain_id}));
  // Depth 2 adds what 1.2 cites (1.1, 1.3) and what cross-references 1.6
  // (1.5); 1.7 is three steps away.
  EXPECT_EQ(termgraph::neighbourhood(v, {chain_id}, 2).size(), 6u);
  EXPECT_EQ(termgraph::neighbourhood(v, {chain_id}, 3).size(), 7u);
  // Seeds out of range are ignored; duplicates count once.
  EXPECT_EQ(termgraph::neighbourhood(v, {chain_id, chain_id, 99}, 0),
            (std::vector<EntryId>{chain_id}));

  GraphOptions options;
  options.entries = {chain_id};
  const Dot one = parse(v, options);
  EXPECT_EQ(one.labels.size(), 3u);
  // Only the citations between drawn entries.
  EXPECT_EQ(pairs(one), (std::vector<std::string>{"1.2>1.4", "1.6>1.4"}));
  EXPECT_EQ(one.edges[0].attributes, "style=dotted");
  options.depth = 2;
  const Dot two = parse(v, options);
  EXPECT_EQ(two.labels.size(), 6u);
  EXPECT_EQ(two.labels.count("e6"), 0u);  // 1.7
  EXPECT_EQ(two.edges.size(), 8u);        // every citation but 1.1 -> 1.7
}

TEST(Graph, CyclesOnlyClusterEachGroupAndHighlightItsPath) {
  LoadResult r = termgraph::load_string(chain, "chain.xml");
  const Vocabulary& v = r.vocabulary;
  ASSERT_EQ(v.circular_groups().size(), 1u);
  GraphOptions options;
  options.kind = GraphKind::cycles;
  const Dot dot = parse(v, options);
  EXPECT_EQ(dot.labels.size(), 2u);
  EXPECT_NE(
      dot.text.find("  subgraph cluster_0 {\n    graph [label=\"circular definition: 1.2 "
                    "\xE2\x86\x92 1.3 \xE2\x86\x92 1.2\", style=dashed, color=\"#b22222\"];\n"
                    "    e1 [label=\"1.2\\nblock\"];\n    e2 [label=\"1.3\\nblock header\"];\n"
                    "  }\n"),
      std::string::npos)
      << dot.text;
  EXPECT_EQ(pairs(dot), (std::vector<std::string>{"1.2>1.3", "1.3>1.2"}));
  for (const Edge& e : dot.edges) {
    EXPECT_EQ(e.attributes, "style=solid, color=\"#b22222\", penwidth=2");
  }
  // Entries outside every cycle select no group.
  options.entries = {id_of(v, "1.4")};
  const Dot none = parse(v, options);
  EXPECT_TRUE(none.labels.empty());
  EXPECT_TRUE(none.edges.empty());
  options.entries = {id_of(v, "1.3")};
  EXPECT_EQ(parse(v, options).labels.size(), 2u);
}

TEST(Graph, LabelsInTheLanguageAsked) {
  LoadResult r = termgraph::load_string(R"(<vocabulary xmlns="urn:termgraph:vocabulary:1">
  <entry number="2.1"><term>archive</term><definition>store of records</definition>
    <lang xml:lang="fr"><term>archives</term></lang></entry>
</vocabulary>)",
                                        "lang.xml");
  GraphOptions options;
  EXPECT_EQ(parse(r.vocabulary, options).labels.at("e0"), "2.1\\narchive");
  options.language = "fr";
  EXPECT_EQ(parse(r.vocabulary, options).labels.at("e0"), "2.1\\narchives");
  options.language = "de";  // no section: the first preferred term
  EXPECT_EQ(parse(r.vocabulary, options).labels.at("e0"), "2.1\\narchive");
}

TEST(Graph, DotQuoteEscapesEverythingThatCouldEndTheString) {
  EXPECT_EQ(termgraph::dot_quote("plain"), "\"plain\"");
  EXPECT_EQ(termgraph::dot_quote("say \"hi\""), "\"say \\\"hi\\\"\"");
  EXPECT_EQ(termgraph::dot_quote("a\\b"), "\"a\\\\b\"");
  EXPECT_EQ(termgraph::dot_quote("a\\"), "\"a\\\\\"");  // a trailing backslash cannot eat the quote
  EXPECT_EQ(termgraph::dot_quote("one\ntwo\r\nthree\rfour"), "\"one\\ntwo\\nthree\\nfour\"");
  EXPECT_EQ(termgraph::dot_quote(std::string("t\tb\x01\x7f", 5)), "\"t b  \"");
  EXPECT_EQ(termgraph::dot_quote("<script>alert(1)</script>"), "\"<script>alert(1)</script>\"");
  EXPECT_EQ(termgraph::dot_quote("\xC3\xA9t\xC3\xA9"), "\"\xC3\xA9t\xC3\xA9\"");  // UTF-8 kept
}

// A term made to break the DOT: quotes, backslashes, a closing bracket and
// brace, markup. Its node line stays one quoted string.
constexpr const char* hostile = R"(<vocabulary xmlns="urn:termgraph:vocabulary:1">
  <entry number="9.1"><term>x"]; evil -> e0 [label="\N\" } &lt;script&gt;alert(1)&lt;/script&gt;\</term>
    <definition>see <ref to="9.2">plain</ref></definition></entry>
  <entry number="9.2"><term>plain</term><definition>nothing odd</definition></entry>
</vocabulary>)";

TEST(Graph, HostileTermsStayInsideTheirLabel) {
  LoadResult r = termgraph::load_string(hostile, "hostile.xml");
  const Vocabulary& v = r.vocabulary;
  ASSERT_EQ(v.size(), 2u) << all_messages(r);
  const Dot dot = parse(v, {});
  ASSERT_EQ(dot.labels.size(), 2u) << dot.text;
  EXPECT_EQ(dot.labels.at("e0"),
            "9.1\\nx\\\"]; evil -> e0 [label=\\\"\\\\N\\\\\\\" } <script>alert(1)</script>\\\\");
  EXPECT_EQ(pairs(dot), (std::vector<std::string>{"9.1>9.2"}));
  if (!termgraph::svg_available()) GTEST_SKIP() << "this build has no Graphviz";
  std::string error;
  const std::optional<std::string> svg = termgraph::render_svg(dot.text, &error);
  ASSERT_TRUE(svg) << error;
  // Graphviz read the term as one label: the markup escaped, one edge.
  EXPECT_EQ(svg->find("<script>"), std::string::npos);
  EXPECT_NE(svg->find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  std::size_t edges = 0;
  for (std::size_t at = svg->find("class=\"edge\""); at != std::string::npos;
       at = svg->find("class=\"edge\"", at + 1)) {
    ++edges;
  }
  EXPECT_EQ(edges, 1u);
}

TEST(Graph, RenderSvgReportsWhatFails) {
  std::string error;
  if (!termgraph::svg_available()) {
    EXPECT_FALSE(termgraph::render_svg("digraph { a -> b }", &error));
    EXPECT_NE(error.find("no Graphviz"), std::string::npos) << error;
    return;
  }
  const std::optional<std::string> svg = termgraph::render_svg("digraph { a -> b }", &error);
  ASSERT_TRUE(svg) << error;
  EXPECT_NE(svg->find("<svg"), std::string::npos);
  EXPECT_FALSE(termgraph::render_svg("digraph { a -> ", &error));
  EXPECT_NE(error.find("could not read the DOT"), std::string::npos) << error;
}

// tests/data/tbx/concept-system.tbx: vehicle > bicycle, car (car stated from
// both sides); bicycle has parts wheel, frame (at term level), saddle (both
// sides); cyclist is related to bicycle (both sides); traveller is the
// broader related concept of cyclist (relatedConceptNarrower).
TEST(Graph, ConceptRelationsAreNormalisedAndDeduplicated) {
  LoadResult r = termgraph::load_files({TERMGRAPH_TEST_DATA "/tbx/concept-system.tbx"});
  const Vocabulary& v = r.vocabulary;
  ASSERT_EQ(v.size(), 8u) << all_messages(r);
  const std::vector<ConceptRelation> relations = termgraph::concept_relations(v);
  std::vector<std::string> got;
  for (const ConceptRelation& rel : relations) {
    got.push_back(std::string(termgraph::to_string(rel.kind)) + " " +
                  std::string(v[rel.from].number) + ">" + std::string(v[rel.to].number) +
                  (rel.label.empty() ? "" : " " + std::string(rel.label)) + " (" +
                  std::string(rel.category->type) + ")");
  }
  EXPECT_EQ(got, (std::vector<std::string>{
                     "generic c1>c2 (broaderConceptGeneric)",
                     "generic c1>c3 (subordinateConceptGeneric)",  // the first statement kept
                     "partitive c2>c4 (broaderConceptPartitive)",
                     "partitive c2>c5 (superordinateConceptPartitive)",
                     "partitive c2>c6 (subordinateConceptPartitive)",
                     "associative c2>c7 (relatedConcept)",
                     "associative c8>c7 broader (relatedConceptNarrower)",
                 }));
}

TEST(Graph, SystemDrawsTreesRakesAndDoubleHeadedArrows) {
  LoadResult r = termgraph::load_files({TERMGRAPH_TEST_DATA "/tbx/concept-system.tbx"});
  const Vocabulary& v = r.vocabulary;
  GraphOptions options;
  options.kind = GraphKind::system;
  const Dot dot = parse(v, options);
  EXPECT_NE(dot.text.find("  graph [rankdir=TB];\n"), std::string::npos);
  EXPECT_EQ(dot.labels.size(), 8u);
  EXPECT_EQ(dot.labels.at("e0"), "c1\\nvehicle");
  // The tree: vehicle to its junction, the junction to each subordinate.
  EXPECT_NE(dot.text.find("  g0 [shape=point, width=0.08, label=\"\"];\n"), std::string::npos);
  // The rake: three comb points in one rank, joined left to right; the
  // whole above the middle one, a part under each.
  EXPECT_NE(dot.text.find("  subgraph {\n    rank=same;\n    p1_0 [shape=point, width=0.05, "
                          "label=\"\"];\n    p1_1 [shape=point, width=0.05, label=\"\"];\n    p1_2 "
                          "[shape=point, width=0.05, label=\"\"];\n  }\n"),
            std::string::npos)
      << dot.text;
  EXPECT_EQ(pairs(dot), (std::vector<std::string>{
                            "c1>g0", "g0>c2", "g0>c3",            // tree
                            "p1_0>p1_1", "p1_1>p1_2", "c2>p1_1",  // comb and handle
                            "p1_0>c4", "p1_1>c5", "p1_2>c6",      // teeth
                            "c2>c7", "c8>c7",                     // associative
                        }));
  EXPECT_EQ(dot.edges[0].attributes, "dir=none");
  EXPECT_EQ(dot.edges[3].attributes, "dir=none, penwidth=3");
  EXPECT_EQ(dot.edges[9].attributes,
            "dir=both, arrowhead=normal, arrowtail=normal, constraint=false");
  EXPECT_EQ(dot.edges[10].attributes,
            "dir=both, arrowhead=normal, arrowtail=normal, constraint=false, label=\"broader\"");

  // Around the cyclist, one step: the bicycle and the traveller.
  options.entries = {id_of(v, "c7")};
  const Dot near = parse(v, options);
  EXPECT_EQ(pairs(near), (std::vector<std::string>{"c2>c7", "c8>c7"}));
  EXPECT_EQ(near.labels.size(), 3u);
  options.depth = 2;  // and what the bicycle is related to, but not the car
  EXPECT_EQ(parse(v, options).labels.size(), 7u);
  EXPECT_EQ(parse(v, options).labels.count("e2"), 0u);
  options.depth = 3;  // the car, through the vehicle
  EXPECT_EQ(parse(v, options).labels.size(), 8u);

  // French labels where there are French terms.
  options = GraphOptions{};
  options.kind = GraphKind::system;
  options.language = "fr";
  EXPECT_EQ(parse(v, options).labels.at("e1"), "c2\\nbicyclette");
}

TEST(Graph, NoRelationsNoSystem) {
  LoadResult r = termgraph::load_string(chain, "chain.xml");
  EXPECT_TRUE(termgraph::concept_relations(r.vocabulary).empty());
  GraphOptions options;
  options.kind = GraphKind::system;
  const Dot dot = parse(r.vocabulary, options);
  EXPECT_TRUE(dot.labels.empty());
  EXPECT_TRUE(dot.edges.empty());
}

TEST(Graph, RelationKindNames) {
  EXPECT_EQ(termgraph::to_string(RelationKind::generic), "generic");
  EXPECT_EQ(termgraph::to_string(RelationKind::partitive), "partitive");
  EXPECT_EQ(termgraph::to_string(RelationKind::associative), "associative");
}

}  // namespace
