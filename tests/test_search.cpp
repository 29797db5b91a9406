// Vocabulary::search: every kind of match, the ranking, languages and limits.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "termgraph/load.hpp"

namespace {

using termgraph::MatchKind;
using termgraph::MatchKinds;
using termgraph::SearchMatch;
using termgraph::SearchOptions;
using termgraph::Status;
using termgraph::Vocabulary;

const char* const doc = R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <entry number="3.5"><term>block</term><definition>unit of records kept together in a ledger</definition></entry>
  <entry number="3.6"><term>block header</term><definition>first part of a block (3.5)</definition></entry>
  <entry number="3.11"><term>consensus</term><definition>agreement among nodes</definition></entry>
  <entry number="3.12"><term>consensus mechanism</term><definition>rules by which consensus (3.11) is reached</definition></entry>
  <entry number="3.20"><term>entity</term><definition>party that acts</definition></entry>
  <entry number="3.23">
    <term>distributed ledger technology</term>
    <term type="abbreviation">DLT</term>
    <definition>technology of shared ledgers</definition>
    <lang xml:lang="fr"><term>technologie des registres distribués</term><term type="abbreviation">TRD</term>
      <definition>technologie de registres partagés</definition></lang>
  </entry>
  <entry number="3.27"><term>DLT node</term><definition>node of a DLT system (3.30)</definition></entry>
  <entry number="3.30"><term>DLT system</term><term status="admitted">distributed ledger system</term>
    <definition>system that runs distributed ledger technology (3.23)</definition>
    <lang xml:lang="fr"><term>système DLT</term><definition>système qui met en œuvre une DLT</definition></lang>
  </entry>
  <entry number="3.41"><term>chain</term><definition>sequence of blocks</definition>
    <lang xml:lang="ru"><term>блокчейн</term><definition>цепочка блоков</definition></lang>
    <lang xml:lang="el"><term>κόμβος</term><definition>σημείο δικτύου</definition></lang>
    <lang xml:lang="zh"><term>区块链</term><definition>区块的链</definition></lang>
  </entry>
  <entry number="3.40"><term>Réseau</term><term status="deprecated">old network</term><definition>set of nodes</definition></entry>
</vocabulary>
)";

class Search : public ::testing::Test {
protected:
  void SetUp() override { vocabulary = termgraph::load_string(doc, "search.xml").vocabulary; }

  /// The entry numbers of the matches of `query`, best first.
  std::vector<std::string> numbers(const std::string& query, const SearchOptions& options = {}) {
    std::vector<std::string> out;
    for (const SearchMatch& m : vocabulary.search(query, options)) {
      out.emplace_back(vocabulary[m.entry].number);
    }
    return out;
  }

  /// The first match of `query`; fails the test when there is none.
  SearchMatch first(const std::string& query, const SearchOptions& options = {}) {
    const std::vector<SearchMatch> found = vocabulary.search(query, options);
    if (found.empty()) {
      ADD_FAILURE() << "nothing found for '" << query << "'";
      return {};
    }
    return found.front();
  }

  Vocabulary vocabulary;
};

TEST_F(Search, NumbersAsPeoplePasteThem) {
  for (const char* query : {"3.30", "(3.30)", "3.30.", " [3.30] ", "3.30:"}) {
    const SearchMatch m = first(query);
    EXPECT_EQ(vocabulary[m.entry].number, "3.30") << query;
    EXPECT_EQ(m.kind, MatchKind::number) << query;
    ASSERT_NE(m.designation, nullptr);
    EXPECT_EQ(m.designation->text, "DLT system") << query;
  }
  EXPECT_TRUE(numbers("(3.99)").empty());
}

TEST_F(Search, ExactBeforeFolded) {
  SearchMatch m = first("block");
  EXPECT_EQ(m.kind, MatchKind::exact);
  EXPECT_EQ(vocabulary[m.entry].number, "3.5");
  m = first("BLOCK");
  EXPECT_EQ(m.kind, MatchKind::folded);
  m = first("reseau");
  EXPECT_EQ(m.kind, MatchKind::folded);
  EXPECT_EQ(vocabulary[m.entry].number, "3.40");
  // NFD ("e" + U+0301) is the same text as NFC "é": exact.
  m = first("Re\xCC\x81seau");
  EXPECT_EQ(m.kind, MatchKind::exact);
  EXPECT_EQ(vocabulary[m.entry].number, "3.40");
}

TEST_F(Search, MatchSaysWhichDesignationAndLanguage) {
  SearchMatch m = first("distributed ledger system");
  EXPECT_EQ(vocabulary[m.entry].number, "3.30");
  ASSERT_NE(m.designation, nullptr);
  EXPECT_EQ(m.designation->text, "distributed ledger system");
  EXPECT_EQ(m.designation->status, Status::admitted);
  ASSERT_NE(m.section, nullptr);
  EXPECT_EQ(m.section->language, "en");
  m = first("systeme dlt");
  EXPECT_EQ(m.section->language, "fr");
  EXPECT_EQ(m.kind, MatchKind::folded);
}

TEST_F(Search, PrefixesOfSeveralWords) {
  EXPECT_EQ(numbers("dlt sys"), std::vector<std::string>{"3.30"});
  EXPECT_EQ(first("dlt sys").kind, MatchKind::prefix);
  EXPECT_EQ(numbers("dis led tech"), std::vector<std::string>{"3.23"});
  // Shorter designations first.
  EXPECT_EQ(numbers("cons"), (std::vector<std::string>{"3.11", "3.12"}));
  // The exact match comes before the longer designations it starts.
  EXPECT_EQ(numbers("consensus"), (std::vector<std::string>{"3.11", "3.12"}));
  EXPECT_EQ(first("consensus").kind, MatchKind::exact);
}

TEST_F(Search, AbbreviationsBothWays) {
  // The abbreviation names its entry, whose preferred term is the expansion.
  SearchMatch m = first("DLT");
  EXPECT_EQ(vocabulary[m.entry].number, "3.23");
  EXPECT_EQ(m.kind, MatchKind::exact);
  EXPECT_EQ(m.designation->text, "DLT");
  // An expansion inside a query stands for its abbreviation, and the other
  // way round.
  m = first("distributed ledger technology system");
  EXPECT_EQ(vocabulary[m.entry].number, "3.30");
  EXPECT_EQ(m.kind, MatchKind::abbreviation);
  m = first("distributed ledger technology node");
  EXPECT_EQ(vocabulary[m.entry].number, "3.27");
  EXPECT_EQ(m.kind, MatchKind::abbreviation);
  // French pairs its own abbreviation.
  m = first("trd");
  EXPECT_EQ(vocabulary[m.entry].number, "3.23");
  EXPECT_EQ(m.section->language, "fr");
}

TEST_F(Search, InflectedForms) {
  for (const auto& [query, number, term] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"blocks", "3.5", "block"},
           {"DLT nodes", "3.27", "DLT node"},
           {"entities", "3.20", "entity"},
           {"consensus mechanisms", "3.12", "consensus mechanism"},
           {"technologies des registres distribues", "3.23",
            "technologie des registres distribués"}}) {
    const SearchMatch m = first(query);
    EXPECT_EQ(vocabulary[m.entry].number, number) << query;
    EXPECT_EQ(m.kind, MatchKind::inflected) << query;
    ASSERT_NE(m.designation, nullptr) << query;
    EXPECT_EQ(m.designation->text, term) << query;
  }
  // "blocker" is no form of "block" (only a fuzzy match, 2 edits away).
  for (const SearchMatch& m : vocabulary.search("blocker")) {
    EXPECT_EQ(m.kind, MatchKind::fuzzy) << vocabulary[m.entry].number;
  }
  SearchOptions no_fuzzy;
  no_fuzzy.kinds = MatchKinds::terms().without(MatchKind::fuzzy);
  EXPECT_TRUE(numbers("blocker", no_fuzzy).empty());
}

TEST_F(Search, TransliteratedScripts) {
  for (const auto& [query, language] :
       std::vector<std::pair<std::string, std::string>>{{"blokchein", "ru"},
                                                        {"BLOKCHEIN", "ru"},
                                                        {"komvos", "el"},
                                                        {"qukuailian", "zh"},
                                                        {"qu kuai lian", "zh"}}) {
    const SearchMatch m = first(query);
    EXPECT_EQ(vocabulary[m.entry].number, "3.41") << query;
    EXPECT_EQ(m.kind, MatchKind::transliterated) << query;
    ASSERT_NE(m.section, nullptr) << query;
    EXPECT_EQ(m.section->language, language) << query;
  }
  // The script as written is an exact match, not a transliterated one.
  EXPECT_EQ(first("блокчейн").kind, MatchKind::exact);
  // A Cyrillic query finds a Latin designation by its transliteration.
  SearchMatch m = first("чаин");
  EXPECT_EQ(vocabulary[m.entry].number, "3.41");
  EXPECT_EQ(m.kind, MatchKind::transliterated);
  EXPECT_EQ(m.designation->text, "chain");
}

TEST_F(Search, FuzzyWithinABound) {
  SearchMatch m = first("consensus mechansim");
  EXPECT_EQ(vocabulary[m.entry].number, "3.12");
  EXPECT_EQ(m.kind, MatchKind::fuzzy);
  EXPECT_EQ(m.distance, 1u);
  m = first("consnesus mechansim");
  EXPECT_EQ(vocabulary[m.entry].number, "3.12");
  EXPECT_EQ(m.distance, 2u);
  // Three edits are too many by default, not when asked for.
  EXPECT_TRUE(numbers("cnosnesus mechansim").empty());
  SearchOptions three;
  three.max_edits = 3;
  EXPECT_EQ(numbers("cnosnesus mechansim", three), std::vector<std::string>{"3.12"});
  // Short queries get no fuzzy matches: "blk" is not "block".
  EXPECT_TRUE(numbers("blk").empty());
  // A typo in a transliteration: "blokchain" for "blokchein" (блокчейн).
  m = first("blokchain");
  EXPECT_EQ(vocabulary[m.entry].number, "3.41");
  EXPECT_EQ(m.kind, MatchKind::fuzzy);
  EXPECT_EQ(m.section->language, "ru");
  // Fewer edits first.
  const std::vector<SearchMatch> found = vocabulary.search("entitx");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(vocabulary[found.front().entry].number, "3.20");
}

TEST_F(Search, StatusRanksWithinAKind) {
  // "old network" (deprecated) and nothing else: still found.
  SearchMatch m = first("old network");
  EXPECT_EQ(vocabulary[m.entry].number, "3.40");
  EXPECT_EQ(m.designation->status, Status::deprecated);
}

TEST_F(Search, LanguagesRestrictAndFallBack) {
  SearchOptions fr;
  fr.languages = {"fr-FR"};  // a "fr" section serves a request for fr-FR
  EXPECT_TRUE(numbers("block", fr).empty());
  EXPECT_EQ(numbers("systeme dlt", fr), std::vector<std::string>{"3.30"});
  SearchOptions canadian;
  canadian.languages = {"fr-CA"};
  EXPECT_EQ(numbers("systeme dlt", canadian), std::vector<std::string>{"3.30"});
  SearchOptions french;
  french.languages = {"FR"};
  EXPECT_EQ(numbers("systeme dlt", french), std::vector<std::string>{"3.30"});
  EXPECT_TRUE(numbers("dlt system", french).empty());
  // A number matches in every language; the section shown is French where
  // the entry has one, else its main one, said so.
  SearchMatch m = first("3.30", french);
  EXPECT_EQ(m.section->language, "fr");
  EXPECT_FALSE(m.fallback);
  m = first("3.5", french);
  EXPECT_EQ(m.section->language, "en");
  EXPECT_TRUE(m.fallback);
}

TEST_F(Search, KindsAndLimit) {
  SearchOptions only_exact;
  only_exact.kinds = MatchKind::exact;
  EXPECT_TRUE(numbers("BLOCK", only_exact).empty());
  EXPECT_EQ(numbers("block", only_exact), std::vector<std::string>{"3.5"});
  SearchOptions one;
  one.limit = 1;
  EXPECT_EQ(numbers("cons", one), std::vector<std::string>{"3.11"});
  SearchOptions none;
  none.kinds = MatchKinds();
  EXPECT_TRUE(numbers("block", none).empty());
  EXPECT_TRUE(numbers("   ").empty());
}

TEST_F(Search, OneResultPerEntry) {
  // "block" is the exact term of 3.5 and a prefix of 3.6's: each entry once.
  const std::vector<std::string> found = numbers("block");
  EXPECT_EQ(found, (std::vector<std::string>{"3.5", "3.6"}));
}

TEST(SearchEmpty, EmptyVocabularyFindsNothing) {
  const Vocabulary empty;
  EXPECT_TRUE(empty.search("block").empty());
  EXPECT_EQ(termgraph::to_string(MatchKind::full_text), "full-text");
}

}  // namespace
