// The reference graph: citations, circular definitions, self-references
// and prerequisites, on small documents in the native format.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "termgraph/load.hpp"
#include "termgraph/rules.hpp"
#include "test_support.hpp"

namespace {

// Under the sanitizers (TERMGRAPH_SANITIZED) the long chains and cycles are
// shorter, so that the suite stays fast there; the normal build runs them
// at full length, far deeper than any recursion could go.
#ifdef TERMGRAPH_SANITIZED
constexpr std::size_t scale_down = 4;
#else
constexpr std::size_t scale_down = 1;
#endif

using termgraph::test::with_rule;

using termgraph::BlockKind;
using termgraph::Diagnostic;
using termgraph::EntryId;
using termgraph::LoadResult;
using termgraph::Vocabulary;

std::vector<std::string> numbers(const Vocabulary& v, const std::vector<EntryId>& ids) {
  std::vector<std::string> out;
  for (EntryId id : ids) out.emplace_back(v[id].number);
  return out;
}

EntryId id_of(const Vocabulary& v, std::string_view number) {
  const termgraph::Entry* e = v.find_number(number);
  EXPECT_NE(e, nullptr) << number;
  return e ? e->id : termgraph::no_entry;
}

// Two entries whose definitions cite each other, as block (3.2) and block
// header (3.4) do in ISO 22739:2020 (our wording). Block data (3.3) is
// cited but cites nothing.
const char* const two_cycle = R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <entry number="3.2">
    <term>block</term>
    <definition>structured data with a <ref to="3.4">block header</ref> and block data (3.3)</definition>
  </entry>
  <entry number="3.3">
    <term>block data</term>
    <definition>records carried in one element of a chain</definition>
  </entry>
  <entry number="3.4">
    <term>block header</term>
    <definition>data that identifies a block (3.2)</definition>
  </entry>
</vocabulary>
)";

TEST(Cycles, TwoCycleHasExactPathAndDiagnostic) {
  LoadResult r = termgraph::load_string(two_cycle, "two.xml");
  const Vocabulary& v = r.vocabulary;
  ASSERT_EQ(v.size(), 3u);

  const auto& groups = v.circular_groups();
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(numbers(v, groups[0].members), (std::vector<std::string>{"3.2", "3.4"}));
  EXPECT_EQ(numbers(v, groups[0].path), (std::vector<std::string>{"3.2", "3.4", "3.2"}));
  ASSERT_EQ(groups[0].steps.size(), 2u);
  EXPECT_EQ(groups[0].steps[0], &v[0].languages[0].definition->references[0]);
  EXPECT_EQ(groups[0].steps[0]->term, "block header");
  EXPECT_EQ(groups[0].steps[1], &v[2].languages[0].definition->references[0]);

  const auto found = with_rule(r, "circular-definition");
  ASSERT_EQ(found.size(), 1u);
  const Diagnostic& d = *found[0];
  EXPECT_TRUE(d.is(termgraph::RuleId::circular_definition));
  EXPECT_EQ(d.severity, termgraph::rules::circular_definition.severity);
  EXPECT_EQ(d.message, "circular definition: 3.2 \u2192 3.4 \u2192 3.2");
  // At the markup reference to block header, in the definition of block.
  EXPECT_EQ(d.range.file, 0u);
  EXPECT_EQ(d.range.line, 4u);
  EXPECT_EQ(d.range.column, 54u);
  EXPECT_EQ(termgraph::test::entry_numbers(r, d), (std::vector<std::string>{"3.2", "3.4"}));
  ASSERT_EQ(d.related.size(), 2u);
  EXPECT_EQ(d.related[0].message, "3.2 'block' cites 3.4 'block header' in its definition");
  EXPECT_EQ(d.related[0].range.line, 4u);
  EXPECT_EQ(d.related[0].range.column, 54u);
  EXPECT_EQ(d.related[1].message, "3.4 'block header' cites 3.2 'block' in its definition");
  // At the number of "block (3.2)".
  EXPECT_EQ(d.related[1].range.line, 12u);
  EXPECT_EQ(d.related[1].range.column, 47u);

  EXPECT_TRUE(with_rule(r, "self-reference").empty());
}

TEST(Cycles, ThreeCycleIsTheShortestThroughTheFirstMember) {
  // 4.1 -> 4.2 -> {4.4, 4.3}; 4.4 -> 4.3; 4.3 -> 4.1. The component holds
  // all four; the shortest cycle through 4.1 is 4.1 -> 4.2 -> 4.3 -> 4.1,
  // although 4.2 cites 4.4 first.
  LoadResult r = termgraph::load_string(R"(<vocabulary xmlns="urn:termgraph:vocabulary:1">
  <entry number="4.1"><term>alpha</term><definition>based on beta (4.2)</definition></entry>
  <entry number="4.2"><term>beta</term><definition>delta (4.4) or gamma (4.3)</definition></entry>
  <entry number="4.3"><term>gamma</term><definition>made of alpha (4.1)</definition></entry>
  <entry number="4.4"><term>delta</term><definition>a kind of gamma (4.3)</definition></entry>
</vocabulary>
)");
  const Vocabulary& v = r.vocabulary;
  const auto& groups = v.circular_groups();
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(numbers(v, groups[0].members), (std::vector<std::string>{"4.1", "4.2", "4.3", "4.4"}));
  EXPECT_EQ(numbers(v, groups[0].path), (std::vector<std::string>{"4.1", "4.2", "4.3", "4.1"}));
  ASSERT_EQ(groups[0].steps.size(), 3u);
  EXPECT_EQ(groups[0].steps[1]->number, "4.3");

  const auto found = with_rule(r, "circular-definition");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->message, "circular definition: 4.1 \u2192 4.2 \u2192 4.3 \u2192 4.1");
  EXPECT_EQ(found[0]->range.line, 2u);
  EXPECT_EQ(found[0]->range.column, 68u);
  EXPECT_EQ(termgraph::test::entry_numbers(r, *found[0]),
            (std::vector<std::string>{"4.1", "4.2", "4.3", "4.4"}));
  ASSERT_EQ(found[0]->related.size(), 3u);
  EXPECT_EQ(found[0]->related[1].message, "4.2 'beta' cites 4.3 'gamma' in its definition");
  EXPECT_EQ(found[0]->related[1].range.line, 3u);
  EXPECT_EQ(found[0]->related[1].range.column, 74u);
}

TEST(Cycles, EqualLengthCyclesFollowReadingOrder) {
  // 4.1 cites 4.3 before 4.2; both cite 4.1 back.
  LoadResult r = termgraph::load_string(R"(<vocabulary xmlns="urn:termgraph:vocabulary:1">
  <entry number="4.1"><term>alpha</term><definition>gamma (4.3) and beta (4.2)</definition></entry>
  <entry number="4.2"><term>beta</term><definition>part of alpha (4.1)</definition></entry>
  <entry number="4.3"><term>gamma</term><definition>part of alpha (4.1)</definition></entry>
</vocabulary>
)");
  const Vocabulary& v = r.vocabulary;
  ASSERT_EQ(v.circular_groups().size(), 1u);
  EXPECT_EQ(numbers(v, v.circular_groups()[0].path),
            (std::vector<std::string>{"4.1", "4.3", "4.1"}));
  EXPECT_EQ(numbers(v, v.circular_groups()[0].members),
            (std::vector<std::string>{"4.1", "4.2", "4.3"}));
}

TEST(Cycles, SelfCitingDefinitionIsAGroupAndASelfReference) {
  LoadResult r = termgraph::load_string(R"(<vocabulary xmlns="urn:termgraph:vocabulary:1">
  <entry number="3.44">
    <term>ledger</term>
    <definition>book of records, kept like any ledger (3.44)</definition>
    <note>a ledger (3.44) may be distributed</note>
  </entry>
  <entry number="3.45">
    <term>record</term>
    <definition>entry in a ledger (3.44)</definition>
  </entry>
</vocabulary>
)");
  const Vocabulary& v = r.vocabulary;
  const auto& groups = v.circular_groups();
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(numbers(v, groups[0].members), (std::vector<std::string>{"3.44"}));
  EXPECT_EQ(numbers(v, groups[0].path), (std::vector<std::string>{"3.44", "3.44"}));
  ASSERT_EQ(groups[0].steps.size(), 1u);
  EXPECT_EQ(groups[0].steps[0], &v[0].languages[0].definition->references[0]);

  const auto circular = with_rule(r, "circular-definition");
  ASSERT_EQ(circular.size(), 1u);
  EXPECT_EQ(circular[0]->message, "circular definition: 3.44 \u2192 3.44");
  EXPECT_EQ(circular[0]->range.line, 4u);
  EXPECT_EQ(circular[0]->range.column, 56u);
  EXPECT_EQ(termgraph::test::entry_numbers(r, *circular[0]), (std::vector<std::string>{"3.44"}));
  ASSERT_EQ(circular[0]->related.size(), 1u);
  EXPECT_EQ(circular[0]->related[0].message, "3.44 'ledger' cites 3.44 'ledger' in its definition");

  // One self-reference per citing reference, the note's included.
  const auto self = with_rule(r, "self-reference");
  ASSERT_EQ(self.size(), 2u);
  EXPECT_TRUE(self[0]->is(termgraph::RuleId::self_reference));
  EXPECT_EQ(self[0]->message, "3.44 'ledger' cites itself in its definition");
  EXPECT_EQ(self[0]->range.line, 4u);
  EXPECT_EQ(self[0]->range.column, 56u);
  EXPECT_EQ(termgraph::test::entry_numbers(r, *self[0]), (std::vector<std::string>{"3.44"}));
  EXPECT_EQ(self[1]->message, "3.44 'ledger' cites itself in its note");
  EXPECT_EQ(self[1]->range.line, 5u);
  EXPECT_EQ(self[1]->range.column, 21u);
}

TEST(Cycles, SelfCitationInsideALargerGroupShowsTheRealCycle) {
  LoadResult r = termgraph::load_string(R"(<vocabulary xmlns="urn:termgraph:vocabulary:1">
  <entry number="4.1"><term>alpha</term><definition>alpha (4.1) built on beta (4.2)</definition></entry>
  <entry number="4.2"><term>beta</term><definition>part of alpha (4.1)</definition></entry>
</vocabulary>
)");
  const Vocabulary& v = r.vocabulary;
  ASSERT_EQ(v.circular_groups().size(), 1u);
  EXPECT_EQ(numbers(v, v.circular_groups()[0].path),
            (std::vector<std::string>{"4.1", "4.2", "4.1"}));
  EXPECT_EQ(with_rule(r, "self-reference").size(), 1u);
  EXPECT_EQ(with_rule(r, "circular-definition").size(), 1u);
}

TEST(Cycles, DisjointGroupsComeInOrderOfTheirFirstMember) {
  // Reading order: 3.10, 3.2, 3.9, 3.1. 3.10 cites 3.2 first, so the search
  // closes {3.2, 3.1} before {3.10, 3.9}; the result is still ordered by
  // first member, and each diagnostic lists its numbers in natural order.
  LoadResult r = termgraph::load_string(R"(<vocabulary xmlns="urn:termgraph:vocabulary:1">
  <entry number="3.10"><term>ten</term><definition>two (3.2) then nine (3.9)</definition></entry>
  <entry number="3.2"><term>two</term><definition>one (3.1)</definition></entry>
  <entry number="3.9"><term>nine</term><definition>ten (3.10)</definition></entry>
  <entry number="3.1"><term>one</term><definition>two (3.2)</definition></entry>
</vocabulary>
)");
  const Vocabulary& v = r.vocabulary;
  const auto& groups = v.circular_groups();
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(numbers(v, groups[0].members), (std::vector<std::string>{"3.10", "3.9"}));
  EXPECT_EQ(numbers(v, groups[0].path), (std::vector<std::string>{"3.10", "3.9", "3.10"}));
  EXPECT_EQ(numbers(v, groups[1].members), (std::vector<std::string>{"3.2", "3.1"}));
  EXPECT_EQ(numbers(v, groups[1].path), (std::vector<std::string>{"3.2", "3.1", "3.2"}));

  const auto found = with_rule(r, "circular-definition");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0]->message, "circular definition: 3.10 \u2192 3.9 \u2192 3.10");
  EXPECT_EQ(termgraph::test::entry_numbers(r, *found[0]),
            (std::vector<std::string>{"3.9", "3.10"}));
  EXPECT_EQ(found[0]->range.line, 2u);
  EXPECT_EQ(found[0]->range.column, 73u);
  EXPECT_EQ(found[1]->message, "circular definition: 3.2 \u2192 3.1 \u2192 3.2");
  EXPECT_EQ(termgraph::test::entry_numbers(r, *found[1]), (std::vector<std::string>{"3.1", "3.2"}));
  EXPECT_EQ(found[1]->range.line, 3u);
  EXPECT_EQ(found[1]->range.column, 56u);
}

// Block (3.2) is defined through hash value (3.5); hash value's note and
// example cite block back, and its note stands before its definition.
const char* const kinds = R"(<vocabulary xmlns="urn:termgraph:vocabulary:1">
  <entry number="3.2">
    <term>block</term>
    <definition>unit of records sealed by a hash value (3.5)</definition>
    <source>ISO 22739:2020, 3.2, modified</source>
  </entry>
  <entry number="3.5">
    <term>hash value</term>
    <note>every block (3.2) carries one</note>
    <definition>fixed-size digest of some data</definition>
    <example>the digest of a block (3.2)</example>
  </entry>
</vocabulary>
)";

TEST(Cycles, NotesAndExamplesDoNotMakeCycles) {
  LoadResult r = termgraph::load_string(kinds);
  EXPECT_TRUE(r.vocabulary.circular_groups().empty());
  EXPECT_TRUE(with_rule(r, "circular-definition").empty());
  EXPECT_TRUE(with_rule(r, "self-reference").empty());
}

TEST(Cycles, CitesAndCitedByCarryTheBlockKind) {
  LoadResult r = termgraph::load_string(kinds);
  const Vocabulary& v = r.vocabulary;
  ASSERT_EQ(v.size(), 2u);

  const auto block_cites = v.cites(0);
  ASSERT_EQ(block_cites.size(), 1u);
  EXPECT_EQ(block_cites[0].from, 0u);
  EXPECT_EQ(block_cites[0].to, 1u);
  EXPECT_EQ(block_cites[0].kind, BlockKind::definition);
  EXPECT_EQ(block_cites[0].reference, &v[0].languages[0].definition->references[0]);

  // In reading order: the note stands before the example.
  const auto hash_cites = v.cites(1);
  ASSERT_EQ(hash_cites.size(), 2u);
  EXPECT_EQ(hash_cites[0].kind, BlockKind::note);
  EXPECT_EQ(hash_cites[0].to, 0u);
  EXPECT_EQ(hash_cites[0].reference->range.line, 9u);
  EXPECT_EQ(hash_cites[1].kind, BlockKind::example);
  EXPECT_EQ(hash_cites[1].reference->range.line, 11u);

  const auto block_cited_by = v.cited_by(0);
  ASSERT_EQ(block_cited_by.size(), 2u);
  EXPECT_EQ(block_cited_by[0].from, 1u);
  EXPECT_EQ(block_cited_by[0].kind, BlockKind::note);
  EXPECT_EQ(block_cited_by[1].from, 1u);
  EXPECT_EQ(block_cited_by[1].kind, BlockKind::example);

  const auto hash_cited_by = v.cited_by(1);
  ASSERT_EQ(hash_cited_by.size(), 1u);
  EXPECT_EQ(hash_cited_by[0].from, 0u);
  EXPECT_EQ(hash_cited_by[0].kind, BlockKind::definition);

  EXPECT_TRUE(v.cites(2).empty());
  EXPECT_TRUE(v.cited_by(termgraph::no_entry).empty());
}

TEST(Cycles, CitedByListsCitingEntriesInReadingOrder) {
  LoadResult r = termgraph::load_string(R"(<vocabulary xmlns="urn:termgraph:vocabulary:1">
  <entry number="4.1"><term>alpha</term><definition>plain</definition></entry>
  <entry number="4.2"><term>beta</term><definition>alpha (4.1)</definition><note>alpha (4.1)</note></entry>
  <entry number="4.3"><term>gamma</term><definition>beta (4.2) and alpha (4.1)</definition></entry>
</vocabulary>
)");
  const Vocabulary& v = r.vocabulary;
  const auto by = v.cited_by(0);
  ASSERT_EQ(by.size(), 3u);
  EXPECT_EQ(by[0].from, 1u);
  EXPECT_EQ(by[0].kind, BlockKind::definition);
  EXPECT_EQ(by[1].from, 1u);
  EXPECT_EQ(by[1].kind, BlockKind::note);
  EXPECT_EQ(by[2].from, 2u);
  const auto gamma = v.cites(2);
  ASSERT_EQ(gamma.size(), 2u);
  EXPECT_EQ(gamma[0].to, 1u);
  EXPECT_EQ(gamma[1].to, 0u);
}

const char* const dependencies = R"(<vocabulary xmlns="urn:termgraph:vocabulary:1">
  <entry number="3.1"><term>asset</term><definition>anything of value</definition></entry>
  <entry number="3.2"><term>block</term>
    <definition>records under a block header (3.4), holding block data (3.3)</definition></entry>
  <entry number="3.3"><term>block data</term><definition>records of an asset (3.1)</definition></entry>
  <entry number="3.4"><term>block header</term>
    <definition>data naming a block (3.2) by its hash value (3.5)</definition></entry>
  <entry number="3.5"><term>hash value</term><definition>digest of data</definition>
    <note>compare nonce (3.6)</note></entry>
  <entry number="3.6"><term>nonce</term><definition>number used once</definition></entry>
</vocabulary>
)";

struct Prereq {
  std::string number;
  bool cycle;
  bool operator==(const Prereq& o) const { return number == o.number && cycle == o.cycle; }
};

std::ostream& operator<<(std::ostream& os, const Prereq& p) {
  return os << p.number << (p.cycle ? "*" : "");
}

std::vector<Prereq> prereqs(const Vocabulary& v, std::string_view number) {
  std::vector<Prereq> out;
  for (const termgraph::Prerequisite& p : v.prerequisites(id_of(v, number))) {
    out.push_back({std::string(v[p.entry].number), p.cycle});
  }
  return out;
}

TEST(Prerequisites, DependenciesComeFirstAndCyclesAreMarked) {
  LoadResult r = termgraph::load_string(dependencies);
  const Vocabulary& v = r.vocabulary;
  ASSERT_EQ(v.size(), 6u);
  // block: header first (reading order), whose hash value comes before it;
  // header cites block back, so the cycle is broken at header.
  EXPECT_EQ(prereqs(v, "3.2"),
            (std::vector<Prereq>{{"3.5", false}, {"3.4", true}, {"3.1", false}, {"3.3", false}}));
  EXPECT_EQ(prereqs(v, "3.4"),
            (std::vector<Prereq>{{"3.1", false}, {"3.3", false}, {"3.2", true}, {"3.5", false}}));
  EXPECT_EQ(prereqs(v, "3.3"), (std::vector<Prereq>{{"3.1", false}}));
  // Notes are not prerequisites.
  EXPECT_TRUE(prereqs(v, "3.5").empty());
  EXPECT_TRUE(prereqs(v, "3.1").empty());
  EXPECT_TRUE(v.prerequisites(termgraph::no_entry).empty());
}

// Entry 1.i is defined through entry 1.(i+1); with `closed`, the last one
// cites the first.
std::string chain(std::size_t n, bool closed) {
  std::string doc = "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\">\n";
  for (std::size_t i = 1; i <= n; ++i) {
    const std::string num = std::to_string(i);
    doc += "<entry number=\"1." + num + "\"><term>t" + num + "</term><definition>";
    if (i < n || closed) {
      const std::string next = std::to_string(i < n ? i + 1 : 1);
      doc += "after t" + next + " (1." + next + ")";
    } else {
      doc += "the end";
    }
    doc += "</definition></entry>\n";
  }
  doc += "</vocabulary>\n";
  return doc;
}

TEST(Prerequisites, LongChainNeedsNoDeepStack) {
  constexpr std::size_t n = 200000 / scale_down;
  LoadResult r = termgraph::load_string(chain(n, false));
  const Vocabulary& v = r.vocabulary;
  ASSERT_EQ(v.size(), n);
  EXPECT_TRUE(v.circular_groups().empty());

  const auto all = v.prerequisites(0);
  ASSERT_EQ(all.size(), n - 1);
  // The deepest dependency first: n, n-1, ..., 2.
  bool in_order = true;
  for (std::size_t i = 0; i < all.size(); ++i) {
    in_order = in_order && all[i].entry == n - 1 - i && !all[i].cycle;
  }
  EXPECT_TRUE(in_order);
  EXPECT_EQ(v[all.front().entry].number, "1." + std::to_string(n));
  EXPECT_EQ(v[all.back().entry].number, "1.2");
}

TEST(Cycles, LongCycleNeedsNoDeepStack) {
  constexpr std::size_t n = 50000 / scale_down;
  LoadResult r = termgraph::load_string(chain(n, true));
  const Vocabulary& v = r.vocabulary;
  ASSERT_EQ(v.size(), n);
  const auto& groups = v.circular_groups();
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].members.size(), n);
  ASSERT_EQ(groups[0].path.size(), n + 1);
  EXPECT_EQ(groups[0].path.front(), 0u);
  EXPECT_EQ(groups[0].path[1], 1u);
  EXPECT_EQ(groups[0].path[n - 1], n - 1);
  EXPECT_EQ(groups[0].path.back(), 0u);
  EXPECT_EQ(groups[0].steps.size(), n);

  const auto found = with_rule(r, "circular-definition");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->entries.size(), n);
  // Natural order: 1.9 before 1.10.
  EXPECT_EQ(termgraph::test::entry_numbers(r, *found[0])[8], "1.9");
  EXPECT_EQ(termgraph::test::entry_numbers(r, *found[0])[9], "1.10");
  EXPECT_EQ(termgraph::test::entry_numbers(r, *found[0]).back(), "1." + std::to_string(n));
  EXPECT_EQ(found[0]->related.size(), n);

  // Entry n cites entry 1, which is on the path: the cycle breaks there.
  const auto all = v.prerequisites(0);
  ASSERT_EQ(all.size(), n - 1);
  EXPECT_EQ(all.front().entry, n - 1);
  EXPECT_TRUE(all.front().cycle);
  EXPECT_FALSE(all.back().cycle);
}

}  // namespace
