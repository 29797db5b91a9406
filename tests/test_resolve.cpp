// Resolution of references through the whole loading pipeline: native
// documents in, resolved targets, dangling-reference and label-mismatch
// diagnostics (with their positions) out.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "termgraph/load.hpp"
#include "termgraph/rules.hpp"
#include "test_support.hpp"

using namespace termgraph;

namespace {

/// Joins lines with '\n', so that line N of the document is lines[N - 1].
std::string doc(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) {
    out += l;
    out += '\n';
  }
  return out;
}

const std::string header = R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">)";

std::vector<const Diagnostic*> of_rule(const LoadResult& r, const Rule& rule) {
  std::vector<const Diagnostic*> out;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule == &rule) out.push_back(&d);
  }
  return out;
}

const Entry& entry(const LoadResult& r, std::string_view number) {
  const Entry* e = r.vocabulary.find_number(number);
  if (!e) {
    ADD_FAILURE() << "no entry " << number;
    static const Entry none;
    return none;
  }
  return *e;
}

/// The references of the definition of `number` in `language`.
Span<Reference> definition_refs(const LoadResult& r, std::string_view number,
                                std::string_view language = "en") {
  const LanguageSection* s = entry(r, number).section(language);
  if (!s || !s->definition) {
    ADD_FAILURE() << "no definition for " << number << " in " << language;
    return {};
  }
  return s->definition->references;
}

}  // namespace

// A small vocabulary in which every reference is right; terms are inflected
// the way running text inflects them.
const std::string resolving = doc({
    header,                                                                         // 1
    R"(<entry number="3.2" id="blk"><term>block</term>)",                           // 2
    R"(<definition>structured set of ledger records (3.44) with one )"              // 3
    R"(<ref to="3.4">block header</ref></definition></entry>)",                     //
    R"(<entry number="3.4"><term>block header</term>)",                             // 4
    R"(<definition>part of a <ref to="blk">block</ref> holding its metadata)"       // 5
    R"(</definition></entry>)",                                                     //
    R"(<entry number="3.27"><term>DLT node</term><term status="admitted">node)"     // 6
    R"(</term>)",                                                                   //
    R"(<definition>participant that keeps a copy of the ledger</definition>)"       // 7
    R"(</entry>)",                                                                  //
    R"(<entry number="3.44"><term>ledger record</term>)",                           // 8
    R"(<definition>record held by several DLT nodes (3.27), grouped into )"         // 9
    R"(blocks (3.2)</definition></entry>)",                                         //
    R"(<entry id="entity"><term>entity</term>)",                                    // 10
    R"(<definition>anything that can be told apart</definition></entry>)",          // 11
    R"(<entry number="3.50"><term>registry</term>)",                                // 12
    R"(<definition>list of <ref to="entity">entities</ref> kept by Nodes (3.27) )"  // 13
    R"(in a <ref to="term_3.2">Block</ref></definition></entry>)",                  //
    "</vocabulary>",                                                                // 14
});

TEST(Resolve, ReferencesReachTheirEntries) {
  LoadResult r = load_string(resolving, "resolving.xml");
  EXPECT_TRUE(of_rule(r, rules::dangling_reference).empty());
  EXPECT_TRUE(of_rule(r, rules::label_mismatch).empty());
  ASSERT_EQ(r.vocabulary.size(), 6u);
  const EntryId block = entry(r, "3.2").id, header_id = entry(r, "3.4").id,
                node = entry(r, "3.27").id, record = entry(r, "3.44").id;
  EXPECT_EQ(block, 0u);
  EXPECT_EQ(header_id, 1u);
  EXPECT_EQ(node, 2u);
  EXPECT_EQ(record, 3u);

  // Plain number, then markup by number.
  Span<Reference> refs = definition_refs(r, "3.2");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_FALSE(refs[0].markup);
  EXPECT_EQ(refs[0].number, "3.44");
  EXPECT_EQ(refs[0].target, record);
  EXPECT_TRUE(refs[1].markup);
  EXPECT_EQ(refs[1].term, "block header");
  EXPECT_EQ(refs[1].target, header_id);

  // Markup by the entry's id.
  refs = definition_refs(r, "3.4");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].target_id, "blk");
  EXPECT_EQ(refs[0].target, block);
}

TEST(Resolve, InflectedTermsNarrowThePlainTextWindow) {
  LoadResult r = load_string(resolving, "resolving.xml");
  Span<Reference> refs = definition_refs(r, "3.2");
  ASSERT_EQ(refs.size(), 2u);
  // "structured set of ledger records (3.44)": the term is the designation's
  // last two words, and the reference's text runs from there.
  EXPECT_EQ(refs[0].term, "ledger records");
  EXPECT_EQ(refs[0].text, "ledger records (3.44)");

  refs = definition_refs(r, "3.44");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].term, "DLT nodes");
  EXPECT_EQ(refs[0].text, "DLT nodes (3.27)");
  EXPECT_EQ(refs[0].target, entry(r, "3.27").id);
  EXPECT_EQ(refs[1].term, "blocks");
  EXPECT_EQ(refs[1].text, "blocks (3.2)");
  EXPECT_EQ(refs[1].target, entry(r, "3.2").id);
}

TEST(Resolve, IdsAdmittedTermsAndCase) {
  LoadResult r = load_string(resolving, "resolving.xml");
  Span<Reference> refs = definition_refs(r, "3.50");
  ASSERT_EQ(refs.size(), 3u);
  // An entry without a number, linked by its id; "entities" names "entity".
  EXPECT_EQ(refs[0].target_id, "entity");
  EXPECT_EQ(refs[0].term, "entities");
  ASSERT_NE(refs[0].target, no_entry);
  EXPECT_EQ(r.vocabulary[refs[0].target].number, "entity");
  EXPECT_FALSE(r.vocabulary[refs[0].target].numbered);
  // "Nodes" names the admitted term "node", whatever the case.
  EXPECT_EQ(refs[1].term, "Nodes");
  EXPECT_EQ(refs[1].target, entry(r, "3.27").id);
  // An STS-style id "term_3.2" with no such id: the number after the prefix.
  EXPECT_EQ(refs[2].target_id, "term_3.2");
  EXPECT_EQ(refs[2].target, entry(r, "3.2").id);
}

TEST(Resolve, DanglingReferences) {
  const std::string text = doc({
      header,                                                                   // 1
      R"(<entry number="3.1"><term>asset</term>)",                              // 2
      R"(<definition>anything of value held in a ledger (3.99)</definition>)",  // 3
      R"(<note>see the <ref to="3.98">token</ref> and the <ref to="nowhere">wallet</ref>)"
      R"(</note></entry>)",  // 4
      "</vocabulary>",
  });
  LoadResult r = load_string(text, "dangling.xml");
  auto found = of_rule(r, rules::dangling_reference);
  ASSERT_EQ(found.size(), 3u);

  const Diagnostic& plain = *found[0];
  EXPECT_EQ(plain.rule_id(), "dangling-reference");
  EXPECT_EQ(plain.severity, Severity::error);
  EXPECT_EQ(plain.message, "reference to 3.99, which is not an entry of this vocabulary");
  EXPECT_EQ(plain.range.line, 3u);
  EXPECT_EQ(plain.range.column, 49u);
  EXPECT_EQ(plain.range.end_line, 3u);
  EXPECT_EQ(plain.range.end_column, 53u);
  EXPECT_EQ(termgraph::test::entry_numbers(r, plain), std::vector<std::string>{"3.1"});
  EXPECT_EQ(plain.target, "3.99");

  const Diagnostic& by_number = *found[1];
  EXPECT_EQ(by_number.message, "reference to 3.98, which is not an entry of this vocabulary");
  EXPECT_EQ(by_number.range.line, 4u);
  EXPECT_EQ(by_number.range.column, 30u);  // the link's text, "token"
  EXPECT_EQ(termgraph::test::entry_numbers(r, by_number), std::vector<std::string>{"3.1"});
  EXPECT_EQ(by_number.target, "3.98");

  const Diagnostic& by_id = *found[2];
  EXPECT_EQ(by_id.message, "reference to nowhere, which is not an entry of this vocabulary");
  EXPECT_EQ(by_id.range.line, 4u);
  EXPECT_EQ(by_id.range.column, 68u);
  EXPECT_EQ(by_id.target, "nowhere");

  // The references stay in the model, unresolved.
  Span<Reference> refs = definition_refs(r, "3.1");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].target, no_entry);
  EXPECT_EQ(refs[0].number, "3.99");
  EXPECT_FALSE(static_cast<bool>(r));
}

TEST(Resolve, ExternalCitationsAreNeverDangling) {
  const std::string text = doc({
      header,
      R"(<entry number="3.1"><term>term bank</term>)",
      R"(<definition>data bank (ISO 1087-2:2000, 6.7) of terms, see also )"
      R"(<ref to="3.1">term bank</ref> (ISO/IEC 2382:2015, 2121331)</definition></entry>)",
      "</vocabulary>",
  });
  LoadResult r = load_string(text, "external.xml");
  EXPECT_TRUE(of_rule(r, rules::dangling_reference).empty());
  EXPECT_TRUE(of_rule(r, rules::label_mismatch).empty());
  Span<Reference> refs = definition_refs(r, "3.1");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_TRUE(refs[0].external);
  EXPECT_FALSE(refs[0].markup);
  EXPECT_EQ(refs[0].number, "6.7");
  EXPECT_EQ(refs[0].text, "(ISO 1087-2:2000, 6.7)");
  EXPECT_EQ(refs[0].target, no_entry);
  // A link whose parenthesis cites another document cites that document.
  EXPECT_TRUE(refs[1].markup);
  EXPECT_TRUE(refs[1].external);
  EXPECT_EQ(refs[1].target, no_entry);
}

TEST(Resolve, LabelMismatch) {
  const std::string text = doc({
      header,                                                                            // 1
      R"(<entry number="3.2"><term>block</term>)",                                       // 2
      R"(<definition>unit of data</definition></entry>)",                                // 3
      R"(<entry number="3.3"><term>chain</term>)",                                       // 4
      R"(<definition>sequence of <ref to="3.2">blok</ref> items</definition></entry>)",  // 5
      R"(<entry number="3.5"><term>chain tip</term>)",                                   // 6
      R"(<definition>the hash of the previous blok (3.2)</definition></entry>)",         // 7
      "</vocabulary>",
  });
  LoadResult r = load_string(text, "mismatch.xml");
  EXPECT_TRUE(of_rule(r, rules::dangling_reference).empty());
  auto found = of_rule(r, rules::label_mismatch);
  ASSERT_EQ(found.size(), 2u);

  const Diagnostic& markup = *found[0];
  EXPECT_EQ(markup.rule_id(), "label-mismatch");
  EXPECT_EQ(markup.severity, Severity::warning);
  EXPECT_EQ(markup.message, "'blok' does not name entry 3.2 (preferred term 'block')");
  EXPECT_EQ(markup.range.line, 5u);
  EXPECT_EQ(markup.range.column, 39u);
  EXPECT_EQ(termgraph::test::entry_numbers(r, markup), std::vector<std::string>{"3.3"});
  ASSERT_EQ(markup.related.size(), 1u);
  EXPECT_EQ(markup.related[0].range.line, 2u);
  EXPECT_EQ(markup.related[0].range.column, 27u);
  EXPECT_EQ(markup.related[0].message, "preferred term of entry 3.2");

  const Diagnostic& plain = *found[1];
  EXPECT_EQ(plain.message, "'blok' does not name entry 3.2 (preferred term 'block')");
  EXPECT_EQ(plain.range.line, 7u);
  EXPECT_EQ(plain.range.column, 44u);
  EXPECT_EQ(termgraph::test::entry_numbers(r, plain), std::vector<std::string>{"3.5"});

  // A mismatch still resolves: the reference counts in the graph.
  Span<Reference> refs = definition_refs(r, "3.3");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].target, entry(r, "3.2").id);
  EXPECT_TRUE(static_cast<bool>(r));  // warnings only
}

TEST(Resolve, GroupedNumbersAreNotCheckedAgainstOneTerm) {
  const std::string text = doc({
      header,
      R"(<entry number="3.2"><term>block</term><definition>unit of data</definition></entry>)",
      R"(<entry number="3.4"><term>block header</term><definition>metadata</definition></entry>)",
      R"(<entry number="3.6"><term>chain</term>)",
      R"(<definition>sequence of blocks and their headers (3.2, 3.4))",
      R"(</definition></entry>)",
      "</vocabulary>",
  });
  LoadResult r = load_string(text, "grouped.xml");
  EXPECT_TRUE(of_rule(r, rules::label_mismatch).empty());
  EXPECT_TRUE(of_rule(r, rules::dangling_reference).empty());
  Span<Reference> refs = definition_refs(r, "3.6");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_TRUE(refs[0].grouped);
  EXPECT_TRUE(refs[1].grouped);
  EXPECT_EQ(refs[0].target, entry(r, "3.2").id);
  EXPECT_EQ(refs[1].target, entry(r, "3.4").id);
}

TEST(Resolve, FrenchInflection) {
  const std::string text = doc({
      header,                                               // 1
      R"(<entry number="102-01-01"><term>operand</term>)",  // 2
      R"(<definition>entity on which an operation acts</definition>)",
      R"(<lang xml:lang="fr"><term>opérande</term>)",
      R"(<definition>entité sur laquelle porte une opération</definition></lang></entry>)",
      R"(<entry number="102-01-02"><term>Boolean operation</term>)",  // 6
      R"(<definition>operation on operands (102-01-01)</definition>)",
      R"(<lang xml:lang="fr"><term>opération booléenne</term>)",
      R"(<definition>opération dont les <ref to="102-01-01">opérandes</ref> et le )"
      "r\xC3\xA9sultat sont des valeurs des op\xC3\xA9randes (102\xE2\x80\x91"
      "01\xE2\x80\x91"
      "01)</definition></lang></entry>",                    // 9
      R"(<entry number="102-01-03"><term>network</term>)",  // 10
      R"(<definition>set of linked nodes</definition>)",
      R"(<lang xml:lang="fr"><term>réseau</term>)",
      R"(<definition>ensemble de nœuds reliés</definition></lang></entry>)",
      R"(<entry number="102-01-04"><term>subnetwork</term>)",  // 14
      R"(<definition>part of a network (102-01-03)</definition>)",
      R"(<lang xml:lang="fr"><term>sous-réseau</term>)",
      R"(<definition>partie commune de plusieurs réseaux (102-01-03) ou d'un )"
      R"(<ref to="102-01-03">routeur</ref></definition></lang></entry>)",  // 17
      "</vocabulary>",
  });
  LoadResult r = load_string(text, "french.xml");
  EXPECT_TRUE(of_rule(r, rules::dangling_reference).empty());

  Span<Reference> refs = definition_refs(r, "102-01-02", "fr");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].term, "op\xC3\xA9randes");
  EXPECT_EQ(refs[0].target, entry(r, "102-01-01").id);
  // Non-breaking hyphens in the number; the window narrows to "opérandes".
  EXPECT_EQ(refs[1].term, "op\xC3\xA9randes");
  EXPECT_EQ(refs[1].target, entry(r, "102-01-01").id);

  refs = definition_refs(r, "102-01-04", "fr");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].term, "r\xC3\xA9seaux");
  EXPECT_EQ(refs[0].target, entry(r, "102-01-03").id);

  // Only "routeur" names nothing; the message shows the French term.
  auto found = of_rule(r, rules::label_mismatch);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->message,
            "'routeur' does not name entry 102-01-03 (preferred term 'r\xC3\xA9seau')");
  EXPECT_EQ(found[0]->range.line, 17u);
  EXPECT_EQ(termgraph::test::entry_numbers(r, *found[0]), std::vector<std::string>{"102-01-04"});
  ASSERT_EQ(found[0]->related.size(), 1u);
  EXPECT_EQ(found[0]->related[0].range.line, 12u);
}

TEST(Resolve, ReferencesCrossFiles) {
  std::vector<Source> sources;
  sources.push_back({"a.xml", doc({
                                  header,
                                  R"(<entry number="3.2"><term>block</term>)",
                                  R"(<definition>unit of data</definition></entry>)",
                                  "</vocabulary>",
                              })});
  sources.push_back({"b.xml", doc({
                                  header,
                                  R"(<entry number="4.1"><term>chain</term>)",
                                  R"(<definition>list of blocks (3.2) and links (3.7))",
                                  R"(</definition></entry>)",
                                  "</vocabulary>",
                              })});
  LoadResult r = load_sources(std::move(sources));
  Span<Reference> refs = definition_refs(r, "4.1");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].target, entry(r, "3.2").id);
  auto found = of_rule(r, rules::dangling_reference);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->range.file, 1u);
  EXPECT_EQ(found[0]->range.line, 3u);
  EXPECT_EQ(found[0]->range.column, 45u);
  EXPECT_EQ(found[0]->target, "3.7");
  EXPECT_EQ(termgraph::test::entry_numbers(r, *found[0]), std::vector<std::string>{"4.1"});
}

TEST(Resolve, NumbersInASourceCiteTheSourceDocument) {
  LoadResult r = load_string(doc({
      header,
      R"(<entry number="3.1"><term>alpha</term><definition>first of a word (3.2)</definition></entry>)",
      R"(<entry number="3.2"><term>word</term><definition>unit of text</definition>)",
      R"(<source>ISO 1087:2019 (3.99)</source></entry>)",
      "</vocabulary>",
  }));
  const LanguageSection* s = entry(r, "3.2").section("en");
  ASSERT_NE(s, nullptr);
  ASSERT_EQ(s->sources.size(), 1u);
  ASSERT_EQ(s->sources[0].references.size(), 1u);
  const Reference& ref = s->sources[0].references[0];
  EXPECT_TRUE(ref.external);
  EXPECT_EQ(ref.number, "3.99");
  EXPECT_EQ(ref.target, no_entry);
  EXPECT_TRUE(of_rule(r, rules::dangling_reference).empty());
  // The definition's reference still resolves.
  ASSERT_EQ(definition_refs(r, "3.1").size(), 1u);
  EXPECT_EQ(definition_refs(r, "3.1")[0].target, 1u);
}
