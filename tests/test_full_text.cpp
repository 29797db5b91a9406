// The full-text index (lookup/full_text.cpp): words of definitions, notes
// and examples cut by ICU's word break rules and folded; ranked search with
// every query word required, a language filter and regular inflection
// (issue 10, point 5).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "termgraph/load.hpp"

#include "lookup/full_text.hpp"
#include "model/impl.hpp"

namespace {

using termgraph::BlockKind;
using termgraph::FullTextIndex;
using termgraph::TextHit;
using termgraph::Vocabulary;
using termgraph::VocabularyAccess;

using Words = std::vector<std::string>;

// Four English entries whose definitions have eight words and whose notes
// five, so that only where "ledger" stands, and how often, tells them apart;
// French sections with an elided article and a word written decomposed
// (NFD: "re" U+0301 "seau"); numbers; German; Chinese.
const char* const doc = R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <entry number="1.1">
    <term>register</term>
    <definition>ledger that records every transaction of the network</definition>
    <note>A register keeps one copy.</note>
    <lang xml:lang="fr">
      <term>registre</term>
      <definition>registre qui enregistre chaque transaction du re)"
                        "\xCC\x81"
                        R"(seau</definition>
      <note>L'entité garde une copie.</note>
    </lang>
  </entry>
  <entry number="1.2">
    <term>node</term>
    <definition>participant that keeps every transaction of the network</definition>
    <note>A node keeps a ledger.</note>
  </entry>
  <entry number="1.3">
    <term>journal</term>
    <definition>ledger that records every ledger entry of the network</definition>
    <note>A journal keeps one copy.</note>
  </entry>
  <entry number="1.4">
    <term>block</term>
    <definition>unit that groups every transaction of the system</definition>
    <note>A block keeps one hash.</note>
    <example>A ledger grows block by block.</example>
  </entry>
  <entry number="1.5">
    <term>version</term>
    <definition>state of the vocabulary as of clause 3.30</definition>
    <lang xml:lang="de">
      <term>Version</term>
      <definition>Stand des Wortschatzes nach Größe und Maßeinheit</definition>
    </lang>
  </entry>
  <entry number="1.6">
    <term>edition</term>
    <definition>state of the vocabulary as of clause 3.3 with 30 entries</definition>
  </entry>
  <entry number="1.7">
    <term>blockchain</term>
    <definition>chain of blocks</definition>
    <lang xml:lang="zh">
      <term>区块链</term>
      <definition>区块链是一种分布式账本技术。</definition>
    </lang>
  </entry>
</vocabulary>
)";

// Inflection: each definition holds one form of a word.
const char* const inflected = R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <entry number="2.1"><term>a</term><definition>ledgers shared by the members</definition></entry>
  <entry number="2.2"><term>b</term><definition>copy of the ledger kept by one member</definition></entry>
  <entry number="2.3"><term>c</term><definition>entities that hold a copy</definition></entry>
  <entry number="2.4"><term>d</term><definition>the node's copy of the data</definition></entry>
  <entry number="2.5"><term>e</term><definition>a blocker of the system</definition></entry>
  <entry number="2.6"><term>f</term><definition>analyses of the member</definition></entry>
  <entry number="2.7"><term>g</term><definition>rules of committed transactions</definition></entry>
</vocabulary>
)";

class FullText : public ::testing::Test {
protected:
  static const termgraph::LoadResult& loaded(const char* text) {
    static const termgraph::LoadResult main = termgraph::load_string(doc);
    static const termgraph::LoadResult other = termgraph::load_string(inflected);
    return text == doc ? main : other;
  }
  static const Vocabulary::Impl& impl(const char* text = doc) {
    return VocabularyAccess::impl(loaded(text).vocabulary);
  }
  static const FullTextIndex& index(const char* text = doc) {
    return termgraph::full_text_index(impl(text));
  }

  /// The numbers of the entries `query` finds, best first.
  static Words found(std::string_view query, const std::vector<std::string>& languages = {},
                     const char* text = doc, std::size_t limit = 100) {
    std::vector<TextHit> hits;
    index(text).search(impl(text), query, languages, limit, hits);
    Words out;
    for (const TextHit& h : hits) out.emplace_back(impl(text).entries[h.entry].number);
    return out;
  }

  static std::vector<TextHit> hits(std::string_view query,
                                   const std::vector<std::string>& languages = {}) {
    std::vector<TextHit> out;
    index().search(impl(), query, languages, 100, out);
    return out;
  }

  static Words words(std::string_view text, std::string_view language) {
    return index().words(impl(), text, language);
  }
};

TEST_F(FullText, LoadsCleanly) {
  const termgraph::Vocabulary& v = loaded(doc).vocabulary;
  ASSERT_EQ(v.size(), 7u);
  ASSERT_EQ(loaded(inflected).vocabulary.size(), 7u);
  EXPECT_GT(index().word_count(), 50u);
  EXPECT_GT(index().posting_count(), index().word_count());
  EXPECT_GT(index().memory_bytes(), index().posting_count() * 8);
}

TEST_F(FullText, SegmentsEnglishWithNumbersAndPossessives) {
  EXPECT_EQ(words("The node's ledgers (3.30) cost 3,000.50 EUR; e.g. don't.", "en"),
            (Words{"the", "node's", "ledgers", "3.30", "cost", "3,000.50", "eur", "e.g", "don't"}));
}

TEST_F(FullText, SegmentsFrenchWithoutElidedArticles) {
  EXPECT_EQ(words("L'entité qu'il décrit d\u2019un registre, aujourd'hui.", "fr"),
            (Words{"entite", "il", "decrit", "un", "registre", "aujourd'hui"}));
  // Italian articulated prepositions elide too; English contractions stay.
  EXPECT_EQ(words("dell'entità we're", "it"), (Words{"entita", "we're"}));
}

TEST_F(FullText, SegmentsGermanAndFoldsSharpS) {
  EXPECT_EQ(words("Die Größe des Kassenbuchs (Hauptbuch).", "de"),
            (Words{"die", "grosse", "des", "kassenbuchs", "hauptbuch"}));
}

TEST_F(FullText, SegmentsChineseWithTheDictionary) {
  const Words w = words("区块链是一种分布式账本技术。", "zh");
  // Dictionary segmentation: more than one word, together the sentence
  // without its full stop, "账本" (ledger) one of them.
  ASSERT_GT(w.size(), 3u);
  std::string joined;
  for (const std::string& s : w) joined += s;
  EXPECT_EQ(joined, "区块链是一种分布式账本技术");
  EXPECT_NE(std::find(w.begin(), w.end(), "账本"), w.end());
  EXPECT_EQ(found("账本", {"zh"}), Words{"1.7"});
}

TEST_F(FullText, RanksDefinitionAboveNoteAboveExampleAndMoreOccurrencesHigher) {
  // 1.3 has "ledger" twice in its definition, 1.1 once, 1.2 in a note, 1.4
  // in an example; lengths are equal but for 1.4's example.
  EXPECT_EQ(found("ledger"), (Words{"1.3", "1.1", "1.2", "1.4"}));
  const std::vector<TextHit> h = hits("LEDGER");
  ASSERT_EQ(h.size(), 4u);
  EXPECT_GT(h[0].score, h[1].score);
  EXPECT_GT(h[1].score, h[2].score);
  EXPECT_GT(h[2].score, h[3].score);
  EXPECT_GT(h[3].score, 0.0);
  // The block shown is the one that holds the word.
  EXPECT_EQ(h[0].block->kind, BlockKind::definition);
  EXPECT_EQ(h[2].block->kind, BlockKind::note);
  EXPECT_EQ(h[2].block->text, "A node keeps a ledger.");
  EXPECT_EQ(h[3].block->kind, BlockKind::example);
  EXPECT_EQ(h[3].section->language, "en");
  // At most `limit`, the best ones.
  EXPECT_EQ(found("ledger", {}, doc, 2), (Words{"1.3", "1.1"}));
  EXPECT_TRUE(found("ledger", {}, doc, 0).empty());
}

TEST_F(FullText, RequiresEveryWordInOneSection) {
  EXPECT_EQ(found("ledger network"), (Words{"1.3", "1.1", "1.2"}));
  EXPECT_EQ(found("network ledger"), (Words{"1.3", "1.1", "1.2"}));
  // "ledger" in 1.4's example, "system" in its definition.
  EXPECT_EQ(found("ledger system"), Words{"1.4"});
  EXPECT_TRUE(found("ledger banana").empty());
  // "network" and "entité" stand in 1.1, but in different sections.
  EXPECT_TRUE(found("network entité").empty());
  EXPECT_EQ(found("registre entité"), Words{"1.1"});
  // Punctuation alone is no word.
  EXPECT_TRUE(found(" ;,. ").empty());
  // The terms themselves are not indexed: "journal" is only 1.3's term and
  // the subject of its note.
  EXPECT_EQ(found("journal"), Words{"1.3"});
  EXPECT_TRUE(found("blockchain").empty());
}

TEST_F(FullText, FiltersByLanguage) {
  EXPECT_EQ(found("transaction", {"fr"}), Words{"1.1"});
  const std::vector<TextHit> fr = hits("transaction", {"fr"});
  ASSERT_EQ(fr.size(), 1u);
  EXPECT_EQ(fr[0].section->language, "fr");
  EXPECT_EQ(found("transaction", {"en"}), (Words{"1.1", "1.2", "1.4"}));
  EXPECT_EQ(found("transaction", {"de", "FR"}), Words{"1.1"});
  EXPECT_TRUE(found("transaction", {"de"}).empty());
  // Unfiltered, each entry once, in its best section.
  EXPECT_EQ(found("transaction"), (Words{"1.1", "1.2", "1.4"}));
  EXPECT_EQ(found("Maßeinheit", {"de"}), Words{"1.5"});
  EXPECT_EQ(found("GRÖSSE"), Words{"1.5"});
}

TEST_F(FullText, FindsElidedAndDecomposedWords) {
  EXPECT_EQ(found("entité", {"fr"}), Words{"1.1"});
  EXPECT_EQ(found("l'entite"), Words{"1.1"});
  // The definition writes "réseau" decomposed; the queries are composed.
  EXPECT_EQ(found("r\u00e9seau"), Words{"1.1"});
  EXPECT_EQ(found("R\u00c9SEAU", {"fr"}), Words{"1.1"});
  EXPECT_EQ(found("reseau"), Words{"1.1"});
}

TEST_F(FullText, NumbersAreWholeWords) {
  EXPECT_EQ(found("3.30"), Words{"1.5"});
  EXPECT_EQ(found("3.3"), Words{"1.6"});
  EXPECT_EQ(found("30"), Words{"1.6"});
}

TEST_F(FullText, MatchesRegularInflectionsBothWays) {
  // "ledger" finds "ledgers" and "ledger"; "ledgers" finds both too. Both
  // definitions have the word once, the shorter one ranks first.
  EXPECT_EQ(found("ledger", {}, inflected), (Words{"2.1", "2.2"}));
  EXPECT_EQ(found("ledgers", {}, inflected), (Words{"2.1", "2.2"}));
  EXPECT_EQ(found("entity", {}, inflected), Words{"2.3"});
  EXPECT_EQ(found("node", {}, inflected), Words{"2.4"});
  EXPECT_EQ(found("analysis", {}, inflected), Words{"2.6"});
  EXPECT_EQ(found("commit", {}, inflected), Words{"2.7"});
  EXPECT_EQ(found("transaction", {}, inflected), Words{"2.7"});
  EXPECT_EQ(found("members", {}, inflected), (Words{"2.6", "2.1", "2.2"}));
  // Not inflections: "blocker" of "block", "date" of "data", "analyst".
  EXPECT_TRUE(found("block", {}, inflected).empty());
  EXPECT_TRUE(found("date", {}, inflected).empty());
  EXPECT_TRUE(found("analyst", {}, inflected).empty());
}

TEST_F(FullText, IsDeterministicAndThreadSafe) {
  // A fresh vocabulary, so that the index is built by the racing threads.
  const termgraph::LoadResult fresh = termgraph::load_string(doc);
  const Vocabulary::Impl& fi = VocabularyAccess::impl(fresh.vocabulary);
  const std::vector<std::string> queries = {"ledger", "transaction", "ledger network",
                                            "r\u00e9seau", "3.30"};
  std::vector<std::vector<std::vector<TextHit>>> results(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        results[t].clear();
        for (const std::string& q : queries) {
          std::vector<TextHit> h;
          termgraph::full_text_index(fi).search(fi, q, {}, 10, h);
          results[t].push_back(std::move(h));
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  ASSERT_EQ(results[0].size(), queries.size());
  EXPECT_EQ(results[0][0].size(), 4u);
  for (std::size_t t = 1; t < results.size(); ++t) {
    for (std::size_t q = 0; q < queries.size(); ++q) {
      ASSERT_EQ(results[t][q].size(), results[0][q].size());
      for (std::size_t i = 0; i < results[0][q].size(); ++i) {
        EXPECT_EQ(results[t][q][i].entry, results[0][q][i].entry);
        EXPECT_EQ(results[t][q][i].block, results[0][q][i].block);
        EXPECT_EQ(results[t][q][i].score, results[0][q][i].score);  // bit for bit
      }
    }
  }
}

}  // namespace
