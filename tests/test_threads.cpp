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
#include "vocab_gen.hpp"

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

namespace {

std::string describe(const SourceRange& r) {
  return std::to_string(r.file) + ":" + std::to_string(r.line) + ":" + std::to_string(r.column) +
         "-" + std::to_string(r.end_line) + ":" + std::to_string(r.end_column);
}

/// Every field of every finding, entry ids and positions included.
std::string findings(const LoadResult& r) {
  std::string out;
  for (const Diagnostic& d : r.diagnostics) {
    out += std::string(d.rule_id()) + " " + std::to_string(static_cast<int>(d.severity)) + " " +
           describe(d.range) + " " + d.message + " [";
    for (EntryId e : d.entries) out += std::to_string(e) + ",";
    out += "] ";
    for (const RelatedLocation& l : d.related) out += describe(l.range) + " " + l.message + ";";
    for (const Fix& f : d.fixes) {
      out += f.message + "{";
      for (const Edit& e : f.edits) out += describe(e.range) + "=" + e.replacement + ";";
      out += "}";
    }
    out += "\n";
  }
  return out;
}

/// What a load gave: the findings, the formats, the files, the model as TBX
/// and native XML, references and lookups.
std::string everything(const LoadResult& r) {
  std::ostringstream out;
  out << findings(r);
  for (Format f : r.formats) out << static_cast<int>(f) << ",";
  for (FileId f = 0; f < r.vocabulary.files().size(); ++f) out << r.vocabulary.files()[f] << ";";
  write_vocabulary(out, r.vocabulary, Format::tbx);
  write_vocabulary(out, r.vocabulary, Format::native);
  out << survey(r.vocabulary);
  return out.str();
}

}  // namespace

// Several inputs are read on several threads, each into a model of its own
// appended in input order, and independent passes run side by side: the
// vocabulary, its ids and positions, and the findings in their order must be
// those of one thread, whatever the number of threads.
TEST(Threads, FilesReadSideBySideGiveWhatOneThreadGives) {
  // Generated vocabularies in every format read (their numbers clash across
  // files: findings that name entries of several files), the test data
  // (malformed files among them), the bundled vocabulary and a missing path.
  const Format formats[] = {Format::native, Format::sts, Format::tbx, Format::csv};
  const char* extensions[] = {".xml", ".xml", ".tbx", ".csv"};
  std::vector<Source> sources;
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    const termgraph::testing::GeneratedVocabulary g = termgraph::testing::generate_vocabulary(seed);
    LoadOptions quiet;
    quiet.analysis.run = false;
    LoadResult read = load_string(g.xml, "gen.xml", quiet);
    std::ostringstream written;
    ASSERT_TRUE(write_vocabulary(written, read.vocabulary, formats[seed % 4]));
    sources.push_back({"gen-" + std::to_string(seed) + extensions[seed % 4], written.str()});
  }
  sources.push_back({"broken.xml", "<vocabulary><entry number='1'><term>x</term>"});
  // Enough references (over 4 096) for resolution to share them between
  // two threads: each entry cites the next two, by term and number, some
  // by a wrong term, some numbers that no entry has.
  std::string many = "<vocabulary xmlns=\"urn:termgraph:vocabulary:1\">\n";
  for (int i = 1; i <= 2100; ++i) {
    auto term = [](int k) { return "item " + std::to_string(k * 7919 % 100003); };
    many += "<entry number=\"9." + std::to_string(i) + "\"><term>" + term(i) +
            "</term><definition>part of " + term(i + 1) + " (9." + std::to_string(i + 1) +
            ") and of " + (i % 97 == 0 ? std::string("something else") : term(i + 2)) + " (9." +
            std::to_string(i % 89 == 0 ? i + 5000 : i + 2) + ")</definition></entry>\n";
  }
  sources.push_back({"many.xml", many + "</vocabulary>\n"});
  auto load = [&](unsigned threads) {
    LoadOptions options;
    options.analysis.threads = threads;
    std::string out = everything(load_sources(sources, options));
    out += everything(
        load_files({TERMGRAPH_TEST_DATA, TERMGRAPH_TERMS_DIR, "no/such/file.xml"}, options));
    return out;
  };
  const std::string one = load(1);
  ASSERT_NE(one.find("duplicate-number"), std::string::npos);
  ASSERT_NE(one.find("xml-syntax"), std::string::npos);
  ASSERT_NE(one.find("unreadable-input"), std::string::npos);
  ASSERT_NE(one.find("circular-definition"), std::string::npos);
  ASSERT_NE(one.find("label-mismatch 1 13:"), std::string::npos);  // many.xml
  ASSERT_NE(one.find("dangling-reference 2 13:"), std::string::npos);
#ifdef TERMGRAPH_SANITIZED
  // Under the sanitizers, one count of threads: the races they look for
  // need two threads, not many counts (the full list takes a minute there).
  const unsigned counts[] = {3};
#else
  const unsigned counts[] = {2, 3, 8};
#endif
  for (unsigned threads : counts) EXPECT_EQ(load(threads), one) << threads << " threads";
}
