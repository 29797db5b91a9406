// A Vocabulary is immutable once loaded: many threads may read it at once
// and must get the same answers as one thread. The tsan preset runs these
// tests under ThreadSanitizer (ctest --preset tsan), which fails them on any
// data race; in the other builds they check the answers.
#include <gtest/gtest.h>

#include <atomic>
#include <cstddef>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "termgraph/alphabetical.hpp"
#include "termgraph/load.hpp"
#include "termgraph/report.hpp"
#include "termgraph/write.hpp"

using namespace termgraph;

namespace {

constexpr std::size_t thread_count = 8;

/// Holds every thread until all have started, so that they really read at
/// the same time rather than one after the other.
class StartLine {
public:
  explicit StartLine(std::size_t threads) : waiting_(threads) {}
  void arrive_and_wait() {
    waiting_.fetch_sub(1);
    while (waiting_.load() != 0) std::this_thread::yield();
  }

private:
  std::atomic<std::size_t> waiting_;
};

/// Runs `work(t)` on `thread_count` threads started together.
template <typename Work>
void run_together(Work work) {
  StartLine start(thread_count);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < thread_count; ++t) {
    threads.emplace_back([&start, &work, t] {
      start.arrive_and_wait();
      work(t);
    });
  }
  for (std::thread& th : threads) th.join();
}

/// Lookups and search: numbers, terms in several languages and scripts,
/// completion and "did you mean".
std::string search(const Vocabulary& v) {
  std::string out;
  for (const char* q : {"block", "BLOCKCHAIN", "smart contract", "DLT", "registre distribué",
                        "3.30", "consensus", "Smart  Contract", "no such term"}) {
    for (const TermMatch& m : v.lookup(q)) out += std::string(v[m.entry].number) + ";";
    out += "|";
  }
  for (const char* q : {"ledger", "LEDGER", "contrat intelligent"}) {
    for (const TermMatch& m : v.find_term(q)) {
      out += std::string(v[m.entry].number) + ":" + std::string(m.section->language) + ";";
    }
    out += "|";
  }
  for (const char* n : {"3.2", " 3.66 ", "3.999"}) {
    const Entry* e = v.find_number(n);
    out += e ? std::string(e->number) : std::string("-");
    out += "|";
  }
  for (const TermMatch& m : v.complete("bl", 8)) out += std::string(m.designation->text) + ";";
  for (const TermMatch& m : v.complete("re", 5, "fr")) {
    out += std::string(m.designation->text) + ";";
  }
  for (const TermMatch& m : v.closest("blokchain", 3)) {
    out += std::string(m.designation->text) + ";";
  }
  for (const TermMatch& m : v.closest("smart contrakt", 2)) {
    out += std::string(m.designation->text) + ";";
  }
  return out;
}

/// References: every reference of every text block with what it resolves
/// to, the citation graph both ways, prerequisites, circular groups, and
/// each entry printed as ISO prints it (which resolves references by id).
std::string references(const Vocabulary& v) {
  std::string out;
  for (const Entry& e : v.entries()) {
    out += std::string(e.number) + "@" + format_location(v, e.range) + "{";
    for (const LanguageSection& s : e.languages) {
      std::vector<const TextBlock*> blocks;
      if (s.definition) blocks.push_back(s.definition);
      for (const TextBlock& b : s.notes) blocks.push_back(&b);
      for (const TextBlock& b : s.examples) blocks.push_back(&b);
      for (const TextBlock& b : s.sources) blocks.push_back(&b);
      for (const TextBlock* b : blocks) {
        for (const Reference& r : b->references) {
          out += std::string(r.text) + "->";
          out += r.target == no_entry ? std::string("?") : std::string(v[r.target].number);
          out += ";";
        }
      }
    }
    for (const Citation& c : v.cites(e.id)) out += std::to_string(c.to) + ",";
    out += "/";
    for (const Citation& c : v.cited_by(e.id)) out += std::to_string(c.from) + ",";
    out += "/";
    for (const Prerequisite& p : v.prerequisites(e.id)) {
      out += std::to_string(p.entry) + (p.cycle ? "c." : ".");
    }
    out += v.fold(e.number);
    std::ostringstream printed;
    write_entry(printed, v, e);
    out += printed.str() + "}";
  }
  for (const CircularGroup& g : v.circular_groups()) {
    for (EntryId id : g.path) out += std::to_string(id) + ">";
    out += "|";
  }
  return out;
}

/// Vocabulary::search with every kind of match, each of which builds an
/// index of its own on first use (key table, abbreviations,
/// transliteration, fuzzy, full text), and the alphabetical indexes.
std::string every_search(const Vocabulary& v) {
  std::string out;
  SearchOptions all;
  all.kinds = MatchKinds::all();
  all.limit = 0;
  for (const char* q :
       {"dlt sys", "blocks", "DLT", "distributed ledger technology system", "consensus mechansim",
        "blokchein", "(3.66)", "ledger", "registre", "noeud dlt", "smart contarct"}) {
    for (const SearchMatch& m : v.search(q, all)) {
      out += std::string(v[m.entry].number) + ":" + std::string(to_string(m.kind)) + ";";
    }
    out += "|";
  }
  for (const IndexLine& line : alphabetical_index(v, "fr")) {
    out += std::string(line.term) + ";";
  }
  return out;
}

std::string survey(const Vocabulary& v) {
  return search(v) + "\n" + references(v);
}

}  // namespace

TEST(Threads, EightReadersGetTheSameAnswers) {
  LoadResult r = load_files({TERMGRAPH_TERMS_DIR});
  ASSERT_GE(r.vocabulary.size(), 40u);
  const std::string expected = survey(r.vocabulary);
  ASSERT_NE(expected.find("3.66"), std::string::npos);               // smart contract was found
  ASSERT_NE(expected.find("DLT system (3.30)"), std::string::npos);  // a plain-text reference
  ASSERT_FALSE(r.vocabulary.circular_groups().empty());              // block <-> block header

  std::vector<std::string> got(thread_count);
  run_together([&got, &r](std::size_t t) {
    // Each thread works on its own copy of the handle, as an application
    // would; the copies share one storage.
    const Vocabulary v = r.vocabulary;
    for (int round = 0; round < 3; ++round) got[t] = survey(v);
  });
  for (const std::string& g : got) EXPECT_EQ(g, expected);
}

// The same object, not copies, read by 8 threads at once, each doing a
// different mix: half search while the other half follow references.
TEST(Threads, EightThreadsShareOneVocabularyObject) {
  LoadResult r = load_files({TERMGRAPH_TERMS_DIR});
  const Vocabulary& v = r.vocabulary;
  ASSERT_GE(v.size(), 40u);
  const std::string expected_search = search(v);
  const std::string expected_references = references(v);

  std::vector<std::string> got(thread_count);
  run_together([&got, &v](std::size_t t) {
    for (int round = 0; round < 3; ++round) {
      got[t] = t % 2 == 0 ? search(v) + references(v) : references(v) + search(v);
    }
  });
  for (std::size_t t = 0; t < thread_count; ++t) {
    SCOPED_TRACE("thread " + std::to_string(t));
    if (t % 2 == 0) {
      EXPECT_EQ(got[t], expected_search + expected_references);
    } else {
      EXPECT_EQ(got[t], expected_references + expected_search);
    }
  }
}

// Loading is safe from several threads at once too (each its own
// vocabulary; the ICU singletons they share are created once), and so is
// writing: every thread loads the same files, checks them and converts them.
// The indexes only searches need are built by the first search that needs
// each: eight threads searching a vocabulary nothing has searched yet race
// to build them, and must all get what one thread gets.
TEST(Threads, EightFirstSearchesBuildTheIndexesOnce) {
  const Vocabulary alone = load_files({TERMGRAPH_TERMS_DIR}).vocabulary;
  const std::string expected = every_search(alone);
  ASSERT_NE(expected.find("3.30:prefix"), std::string::npos);
  ASSERT_NE(expected.find("3.12:fuzzy"), std::string::npos);
  ASSERT_NE(expected.find(":full-text"), std::string::npos);

  const Vocabulary v = load_files({TERMGRAPH_TERMS_DIR}).vocabulary;
  std::vector<std::string> got(thread_count);
  run_together([&](std::size_t t) { got[t] = every_search(v); });
  for (std::size_t t = 0; t < thread_count; ++t) EXPECT_EQ(got[t], expected) << "thread " << t;
}

TEST(Threads, EightLoadersGetTheSameVocabulary) {
  auto load_and_write = [] {
    LoadResult r = load_files({TERMGRAPH_TERMS_DIR});
    std::ostringstream out;
    write_diagnostics(out, r, TextStyle{false});
    write_vocabulary(out, r.vocabulary, Format::tbx);
    return out.str() + survey(r.vocabulary);
  };
  std::vector<std::string> got(thread_count);
  run_together([&got, &load_and_write](std::size_t t) { got[t] = load_and_write(); });
  const std::string expected = load_and_write();
  ASSERT_NE(expected.find("[circular-definition]"), std::string::npos);
  ASSERT_NE(expected.find("<termSec>"), std::string::npos);
  for (const std::string& g : got) EXPECT_EQ(g, expected);
}
