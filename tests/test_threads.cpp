// A Vocabulary is immutable once loaded: many threads may read it at once
// and must get the same answers as one thread. (Run under TSan by the
// sanitizer preset to catch races; here it checks the answers.)
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "termgraph/load.hpp"

using namespace termgraph;

namespace {

/// Everything a reader asks of the vocabulary, summarised as text.
std::string survey(const Vocabulary& v) {
  std::string out;
  for (const char* q : {"block", "BLOCKCHAIN", "smart contract", "DLT", "registre distribué",
                        "3.30", "consensus"}) {
    for (const TermMatch& m : v.lookup(q)) out += std::string(v[m.entry].number) + ";";
    out += "|";
  }
  for (const TermMatch& m : v.complete("bl", 8)) out += std::string(m.designation->text) + ";";
  for (const TermMatch& m : v.closest("blokchain", 3))
    out += std::string(m.designation->text) + ";";
  for (const Entry& e : v.entries()) {
    for (const Citation& c : v.cites(e.id)) out += std::to_string(c.to) + ",";
    for (const Citation& c : v.cited_by(e.id)) out += std::to_string(c.from) + ",";
    for (const Prerequisite& p : v.prerequisites(e.id)) out += std::to_string(p.entry) + ".";
    out += v.fold(e.number);
  }
  return out;
}

}  // namespace

TEST(Threads, EightReadersGetTheSameAnswers) {
  LoadResult r = load_files({TERMGRAPH_TERMS_DIR});
  ASSERT_GE(r.vocabulary.size(), 40u);
  const std::string expected = survey(r.vocabulary);
  ASSERT_NE(expected.find("3.66"), std::string::npos);  // smart contract was found

  std::vector<std::string> got(8);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < got.size(); ++t) {
    // Each thread works on its own copy of the handle, as an application would.
    threads.emplace_back([&got, t, v = r.vocabulary] {
      for (int round = 0; round < 5; ++round) got[t] = survey(v);
    });
  }
  for (std::thread& th : threads) th.join();
  for (const std::string& g : got) EXPECT_EQ(g, expected);
}
