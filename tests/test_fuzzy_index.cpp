// The fuzzy index: exact against a scan of every key with a plain edit
// distance, on random keys and queries (non-ASCII, short and multi-word
// keys, transpositions), and the pieces it is made of.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "lookup/fuzzy_index.hpp"
#include "lookup/term_index.hpp"
#include "termgraph/load.hpp"

namespace {

using termgraph::FuzzyIndex;

// A plain optimal string alignment distance over code points, with the full
// matrix: the reference the index and its banded distance are checked with.
std::size_t osa(std::string_view a8, std::string_view b8) {
  std::vector<char32_t> a, b;
  termgraph::decode_code_points(a8, a);
  termgraph::decode_code_points(b8, b);
  const std::size_t w = b.size() + 1;
  std::vector<std::size_t> cells((a.size() + 1) * w);
  const auto d = [&cells, w](std::size_t i) { return cells.data() + i * w; };
  for (std::size_t i = 0; i <= a.size(); ++i) d(i)[0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d(0)[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d(i)[j] = std::min({d(i - 1)[j] + 1, d(i)[j - 1] + 1, d(i - 1)[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d(i)[j] = std::min(d(i)[j], d(i - 2)[j - 2] + 1);
      }
    }
  }
  return d(a.size())[b.size()];
}

// The hits of a scan, from the distances of the query to every key.
std::vector<FuzzyIndex::Hit> scan(const std::vector<std::size_t>& distances, unsigned max_edits) {
  std::vector<FuzzyIndex::Hit> hits;
  for (std::size_t k = 0; k < distances.size(); ++k) {
    const std::size_t d = distances[k];
    if (d <= max_edits) {
      hits.push_back(FuzzyIndex::Hit{static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(d)});
    }
  }
  std::sort(hits.begin(), hits.end(), [](const FuzzyIndex::Hit& a, const FuzzyIndex::Hit& b) {
    return a.distance != b.distance ? a.distance < b.distance : a.key < b.key;
  });
  return hits;
}

std::string describe(const std::vector<FuzzyIndex::Hit>& hits) {
  std::string out;
  for (const auto& h : hits) out += std::to_string(h.key) + "@" + std::to_string(h.distance) + " ";
  return out;
}

// Random text over a small alphabet (so that keys lie close to each other)
// with one-, two- and three-byte code points and spaces.
class Texts {
public:
  explicit Texts(std::uint32_t seed) : random_(seed) {}

  std::vector<std::string> letters(std::size_t n) {
    static const char* const alphabet[] = {"a",
                                           "b",
                                           "c",
                                           "d",
                                           "e",
                                           " ",
                                           "\xC3\xA9" /* é */,
                                           "\xC3\x9F" /* ß */,
                                           "\xE4\xB8\xAD" /* 中 */,
                                           "\xD0\xB6" /* ж */};
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n; ++i) out.emplace_back(alphabet[below(10)]);
    return out;
  }

  // A key of 0 to 18 code points: below, at and beyond the prefix length.
  std::vector<std::string> key() { return letters(below(19)); }

  // `key` with 0 to 3 random edits: insertion, deletion, substitution, or
  // transposition of neighbours.
  std::string edit(std::vector<std::string> cps) {
    const std::size_t edits = below(4);
    for (std::size_t e = 0; e < edits; ++e) {
      const std::size_t at = below(cps.size() + 1);
      switch (below(4)) {
        case 0:
          cps.insert(cps.begin() + static_cast<std::ptrdiff_t>(at), letters(1)[0]);
          break;
        case 1:
          if (at < cps.size()) cps.erase(cps.begin() + static_cast<std::ptrdiff_t>(at));
          break;
        case 2:
          if (at < cps.size()) cps[at] = letters(1)[0];
          break;
        default:
          if (at + 1 < cps.size()) std::swap(cps[at], cps[at + 1]);
          break;
      }
    }
    return join(cps);
  }

  static std::string join(const std::vector<std::string>& cps) {
    std::string out;
    for (const auto& c : cps) out += c;
    return out;
  }

  std::size_t below(std::size_t n) {
    return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(random_);
  }

private:
  std::mt19937 random_;
};

// Under the sanitizers (TERMGRAPH_SANITIZED), half the keys and half the
// queries: the same comparison, a quarter of the work.
#ifdef TERMGRAPH_SANITIZED
constexpr int scale_down = 2;
#else
constexpr int scale_down = 1;
#endif

TEST(FuzzyIndex, FindsExactlyWhatAScanFinds) {
  Texts texts(20261201);
  std::vector<std::vector<std::string>> key_cps;
  std::vector<std::string> storage;
  for (int i = 0; i < 1000 / scale_down; ++i) {
    key_cps.push_back(texts.key());
    storage.push_back(Texts::join(key_cps.back()));
  }
  const std::vector<std::string_view> keys(storage.begin(), storage.end());
  FuzzyIndex index;
  index.build(keys);
  ASSERT_EQ(index.size(), keys.size());

  std::size_t found = 0;
  for (int i = 0; i < 400 / scale_down; ++i) {
    // Mostly edited keys (hits), some unrelated text (few hits).
    const std::string query =
        i % 5 == 4 ? Texts::join(texts.key()) : texts.edit(key_cps[texts.below(key_cps.size())]);
    std::vector<std::size_t> distances;
    for (std::string_view k : keys) distances.push_back(osa(query, k));
    for (unsigned max_edits = 0; max_edits <= 3; ++max_edits) {
      std::vector<FuzzyIndex::Hit> hits;
      index.find(query, max_edits, hits);
      const auto expected = scan(distances, max_edits);
      ASSERT_EQ(describe(hits), describe(expected))
          << "query '" << query << "', max_edits " << max_edits;
      found += hits.size();
    }
  }
  // The test means something only if the queries found many keys.
  EXPECT_GT(found, 10000u / (scale_down * scale_down));
}

TEST(FuzzyIndex, FindsLongMultiWordKeysWithTypos) {
  // Keys sharing long prefixes, differing after the indexed prefix.
  const std::vector<std::string> storage = {"consensus mechanism", "consensus mechanisms",
                                            "consensus algorithm", "consent mechanism",
                                            "consensus",           "mechanism of consensus"};
  const std::vector<std::string_view> keys(storage.begin(), storage.end());
  FuzzyIndex index;
  index.build(keys);

  std::vector<FuzzyIndex::Hit> hits;
  index.find("consensus mechansim", 2, hits);
  EXPECT_EQ(describe(hits), "0@1 1@2 ");

  // find() appends: earlier content stays.
  index.find("consensus algoritm", 1, hits);
  EXPECT_EQ(describe(hits), "0@1 1@2 2@1 ");

  hits.clear();
  index.find("consnsus", 2, hits);  // shorter than the prefix: a deletion
  EXPECT_EQ(describe(hits), "4@1 ");

  hits.clear();
  index.find("cnosensus mechanism", 2, hits);  // transposition in the prefix
  EXPECT_EQ(describe(hits), "0@1 1@2 ");       // "consent mechanism" is 4 away

  hits.clear();
  index.find("consensus mechanism", 0, hits);
  EXPECT_EQ(describe(hits), "0@0 ");

  hits.clear();
  index.find("zzzz", 2, hits);
  EXPECT_TRUE(hits.empty());
}

TEST(FuzzyIndex, EmptyIndexAndEmptyQuery) {
  FuzzyIndex index;
  std::vector<FuzzyIndex::Hit> hits;
  index.find("abc", 2, hits);
  EXPECT_TRUE(hits.empty());
  index.build({});
  index.find("abc", 2, hits);
  EXPECT_TRUE(hits.empty());

  const std::vector<std::string> storage = {"a", "ab", "abc"};
  index.build(std::vector<std::string_view>(storage.begin(), storage.end()));
  index.find("", 1, hits);
  EXPECT_EQ(describe(hits), "0@1 ");
  hits.clear();
  index.find("", 2, hits);
  EXPECT_EQ(describe(hits), "0@1 1@2 ");
}

TEST(FuzzyIndex, ReportsItsMemory) {
  FuzzyIndex small, large;
  const std::vector<std::string> few = {"block"};
  small.build(std::vector<std::string_view>(few.begin(), few.end()));
  std::vector<std::string> many;
  for (int i = 0; i < 1000; ++i) many.push_back("term number " + std::to_string(i));
  large.build(std::vector<std::string_view>(many.begin(), many.end()));
  EXPECT_GT(small.memory_bytes(), sizeof(FuzzyIndex));
  // At least one posting (8 bytes) per key and variant kept.
  EXPECT_GT(large.memory_bytes(), 1000u * 8u * 10u);
}

TEST(FuzzyIndex, ConcurrentQueriesAgree) {
  std::vector<std::string> storage;
  for (int i = 0; i < 2000; ++i)
    storage.push_back("ledger entry " + std::to_string(i * 7919 % 10007));
  const std::vector<std::string_view> keys(storage.begin(), storage.end());
  FuzzyIndex index;
  index.build(keys);
  const std::vector<std::string> queries = {"ledgr entry 42", "ledger entyr 1000", "lodger entry 7",
                                            "ledger entry 99999"};
  std::vector<std::string> expected;
  for (const auto& q : queries) {
    std::vector<FuzzyIndex::Hit> hits;
    index.find(q, 2, hits);
    expected.push_back(describe(hits));
  }
  EXPECT_FALSE(expected[0].empty());
  std::vector<std::string> seen(4 * queries.size());
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 10; ++round) {
        for (std::size_t k = 0; k < queries.size(); ++k) {
          std::vector<FuzzyIndex::Hit> hits;
          index.find(queries[(k + t) % queries.size()], 2, hits);
          if (round == 9) seen[t * queries.size() + (k + t) % queries.size()] = describe(hits);
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (std::size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], expected[i % queries.size()]);
}

TEST(FuzzyIndex, DefaultEditBoundCountsCodePoints) {
  EXPECT_EQ(termgraph::default_max_edits(""), 0u);
  EXPECT_EQ(termgraph::default_max_edits("ab"), 0u);
  EXPECT_EQ(termgraph::default_max_edits("abc"), 1u);
  EXPECT_EQ(termgraph::default_max_edits("block"), 1u);
  EXPECT_EQ(termgraph::default_max_edits("blocks"), 2u);
  // Three code points, six bytes.
  EXPECT_EQ(termgraph::default_max_edits("\xC3\xA9\xC3\xA9\xC3\xA9"), 1u);
  EXPECT_EQ(termgraph::default_max_edits("\xE4\xB8\xAD\xE4\xB8\xAD"), 0u);
}

TEST(FuzzyIndex, BoundedDistance) {
  std::vector<std::size_t> rows;
  const auto d = [&rows](std::string_view a8, std::string_view b8, std::size_t bound) {
    std::vector<char32_t> a, b;
    termgraph::decode_code_points(a8, a);
    termgraph::decode_code_points(b8, b);
    return termgraph::bounded_osa_distance(a, b, bound, rows);
  };
  EXPECT_EQ(d("mechanism", "mechansim", 2), 1u);  // transposition
  EXPECT_EQ(d("ca", "abc", 5), 3u);               // OSA, not Damerau: no edit of a swapped pair
  EXPECT_EQ(d("kitten", "sitting", 5), 3u);
  EXPECT_EQ(d("kitten", "sitting", 2), 3u);  // bound + 1
  EXPECT_EQ(d("abcdefgh", "abcdefgh", 0), 0u);
  EXPECT_EQ(d("abcdefgh", "abcdefgx", 0), 1u);
  EXPECT_EQ(d("", "abc", 3), 3u);
  EXPECT_EQ(d("", "abcd", 3), 4u);
  EXPECT_EQ(d("\xC3\xA9t\xC3\xA9", "ete", 3), 2u);  // code points, not bytes

  // The band agrees with the full matrix on random pairs.
  Texts texts(7);
  for (int i = 0; i < 2000; ++i) {
    const std::string a = Texts::join(texts.key());
    const std::string b = texts.edit(texts.letters(texts.below(12)));
    for (std::size_t bound = 0; bound <= 4; ++bound) {
      const std::size_t full = osa(a, b);
      ASSERT_EQ(d(a, b, bound), std::min(full, bound + 1)) << a << " / " << b << " bound " << bound;
    }
  }
}

TEST(FuzzyLookup, BuiltByTheFirstFuzzyLookupOnly) {
  const auto loaded = termgraph::load_string(
      R"(<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <entry number="1"><term>block</term><term status="admitted">Block</term><definition>unit</definition></entry>
  <entry number="2"><term>block header</term><definition>first part of a block (1)</definition></entry>
  <entry number="3"><term>consensus mechanism</term><definition>agreement</definition></entry>
</vocabulary>)",
      "v.xml");
  const termgraph::Vocabulary& v = loaded.vocabulary;
  const auto& impl = termgraph::VocabularyAccess::impl(v);
  // Loading, checking and the other lookups leave it unbuilt.
  EXPECT_EQ(impl.fuzzy, nullptr);
  EXPECT_EQ(v.find_term("block").size(), 1u);
  EXPECT_EQ(v.complete("blo").size(), 2u);
  EXPECT_EQ(impl.fuzzy, nullptr);

  const auto suggestions = v.closest("consensus mechansim");
  ASSERT_EQ(suggestions.size(), 1u);
  EXPECT_EQ(suggestions[0].designation->text, "consensus mechanism");
  ASSERT_NE(impl.fuzzy, nullptr);
  const termgraph::FuzzyLookup& lookup = termgraph::fuzzy_lookup(impl);
  EXPECT_EQ(&lookup, impl.fuzzy.get());
  // "block" twice (two designations, one key), "block header", "consensus
  // mechanism": three keys, four items.
  ASSERT_EQ(lookup.first, (std::vector<std::uint32_t>{0, 2, 3, 4}));
  EXPECT_EQ(lookup.key(impl, 1), "block header");
  EXPECT_EQ(lookup.index.size(), 3u);
  // The later words: "header" and "mechanism".
  ASSERT_EQ(lookup.words.size(), 2u);
  EXPECT_EQ(lookup.key(impl, lookup.words[0].key).substr(lookup.words[0].offset), "header");
  EXPECT_GT(lookup.memory_bytes(), lookup.index.memory_bytes());
}

}  // namespace
