// termgraph benchmarks. BM_PugixmlParse and BM_Load read the same generated
// bytes, so one run gives the cost of everything termgraph does on top of
// the XML parse (reading, reference extraction and resolution, the term
// index, the graph and the checks). The full-text benchmarks use the
// internal index (lookup/full_text.hpp) directly.
#include <benchmark/benchmark.h>

#include <cstring>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "generate.hpp"
#include "lookup/fuzzy_index.hpp"
#include "lookup/term_index.hpp"
#include "termgraph/load.hpp"

#include "lookup/full_text.hpp"
#include "model/impl.hpp"

namespace {

const std::string& document(std::size_t n) {
  static std::map<std::size_t, std::string> cache;
  auto it = cache.find(n);
  if (it == cache.end()) it = cache.emplace(n, termgraph_bench::generate_native(n)).first;
  return it->second;
}

const termgraph::Vocabulary& vocabulary(std::size_t n) {
  static std::map<std::size_t, termgraph::Vocabulary> cache;
  auto it = cache.find(n);
  if (it == cache.end())
    it = cache.emplace(n, termgraph::load_string(document(n)).vocabulary).first;
  return it->second;
}

void BM_PugixmlParse(benchmark::State& state) {
  const std::string& bytes = document(static_cast<std::size_t>(state.range(0)));
  std::unique_ptr<char[]> buffer(new char[bytes.size() + 1]);
  for (auto _ : state) {
    state.PauseTiming();
    std::memcpy(buffer.get(), bytes.data(), bytes.size() + 1);
    state.ResumeTiming();
    pugi::xml_document doc;
    // The options termgraph's loader uses.
    pugi::xml_parse_result r =
        doc.load_buffer_inplace(buffer.get(), bytes.size(),
                                pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_auto);
    if (!r) state.SkipWithError(r.description());
    benchmark::DoNotOptimize(doc.first_child());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_PugixmlParse)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_Load(benchmark::State& state) {
  const std::string& bytes = document(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    termgraph::LoadResult r = termgraph::load_string(bytes, "bench.xml");
    if (r.vocabulary.size() != static_cast<std::size_t>(state.range(0))) {
      state.SkipWithError("wrong number of entries");
    }
    benchmark::DoNotOptimize(r.diagnostics.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Load)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// Queries: every 37th preferred term, upper-cased to make folding work.
std::vector<std::string> queries(std::size_t n) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; i += 37) {
    std::string q = termgraph_bench::term(i);
    if (!q.empty()) q[0] = static_cast<char>(q[0] - 'a' + 'A');
    out.push_back(std::move(q));
  }
  return out;
}

void BM_FindTerm(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const termgraph::Vocabulary& v = vocabulary(n);
  const std::vector<std::string> qs = queries(n);
  std::size_t k = 0, found = 0;
  for (auto _ : state) {
    auto m = v.find_term(qs[k]);
    found += m.size();
    k = (k + 1) % qs.size();
    benchmark::DoNotOptimize(m.data());
  }
  if (found < static_cast<std::size_t>(state.iterations())) state.SkipWithError("term not found");
}
BENCHMARK(BM_FindTerm)->Arg(10000)->Arg(100000);

void BM_FindTermAccented(benchmark::State& state) {
  const termgraph::Vocabulary& v = vocabulary(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    // The French term of entry 0, "ka élément".
    auto m = v.find_term("KA \u00c9L\u00c9MENT", "fr");
    if (m.size() != 1) state.SkipWithError("accented term not found");
    benchmark::DoNotOptimize(m.data());
  }
}
BENCHMARK(BM_FindTermAccented)->Arg(100000);

void BM_Complete(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const termgraph::Vocabulary& v = vocabulary(n);
  const std::vector<std::string> qs = queries(n);
  std::size_t k = 0;
  for (auto _ : state) {
    // A three-letter prefix: many candidates, ten results.
    auto m = v.complete(std::string_view(qs[k]).substr(0, 3), 10);
    k = (k + 1) % qs.size();
    benchmark::DoNotOptimize(m.data());
  }
}
BENCHMARK(BM_Complete)->Arg(10000)->Arg(100000);

void BM_Closest(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const termgraph::Vocabulary& v = vocabulary(n);
  std::string typo = termgraph_bench::term(n / 2);
  std::swap(typo[1], typo[2]);
  for (auto _ : state) {
    auto m = v.closest(typo, 5);
    if (m.empty()) state.SkipWithError("no suggestion");
    benchmark::DoNotOptimize(m.data());
  }
}
BENCHMARK(BM_Closest)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// Typo queries: every 37th preferred term with a transposition, a
// substitution or a deletion in turn.
std::vector<std::string> typos(std::size_t n) {
  std::vector<std::string> out;
  for (std::size_t i = 0, k = 0; i < n; i += 37, ++k) {
    std::string q = termgraph_bench::term(i);
    if (k % 3 == 0) {
      std::swap(q[1], q[2]);
    } else if (k % 3 == 1) {
      q[q.size() / 2] = q[q.size() / 2] == 'x' ? 'y' : 'x';
    } else {
      q.erase(q.size() / 3, 1);
    }
    out.push_back(std::move(q));
  }
  return out;
}

// "Did you mean" through the public API (folding, fuzzy index, prefix and
// word hits, ranking), on warm indexes.
void BM_ClosestTypos(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const termgraph::Vocabulary& v = vocabulary(n);
  const std::vector<std::string> qs = typos(n);
  benchmark::DoNotOptimize(v.closest(qs[0], 5).data());  // builds the index
  std::size_t k = 0, empty = 0;
  for (auto _ : state) {
    auto m = v.closest(qs[k], 5);
    empty += m.empty();
    k = (k + 1) % qs.size();
    benchmark::DoNotOptimize(m.data());
  }
  if (empty > 0) state.SkipWithError("a typo found nothing");
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_ClosestTypos)->Arg(100000)->Unit(benchmark::kMicrosecond);

// The distinct folded keys of a vocabulary's term index.
std::vector<std::string_view> folded_keys(const termgraph::Vocabulary& v) {
  const auto& lookup = termgraph::fuzzy_lookup(termgraph::VocabularyAccess::impl(v));
  const auto& impl = termgraph::VocabularyAccess::impl(v);
  std::vector<std::string_view> keys;
  for (std::uint32_t k = 0; k + 1 < lookup.first.size(); ++k) keys.push_back(lookup.key(impl, k));
  return keys;
}

std::vector<std::string> folded_typos(const termgraph::Vocabulary& v, std::size_t n) {
  std::vector<std::string> out;
  for (const std::string& q : typos(n)) out.push_back(v.fold(q));
  return out;
}

// FuzzyIndex::find alone, folded typo queries, default bound.
void BM_FuzzyFind(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const termgraph::Vocabulary& v = vocabulary(n);
  const auto& index = termgraph::fuzzy_lookup(termgraph::VocabularyAccess::impl(v)).index;
  const std::vector<std::string> qs = folded_typos(v, n);
  std::vector<termgraph::FuzzyIndex::Hit> hits;
  std::size_t k = 0, found = 0;
  for (auto _ : state) {
    hits.clear();
    index.find(qs[k], termgraph::default_max_edits(qs[k]), hits);
    found += hits.size();
    k = (k + 1) % qs.size();
  }
  if (found < static_cast<std::size_t>(state.iterations())) state.SkipWithError("typo not found");
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.counters["hits"] =
      benchmark::Counter(static_cast<double>(found), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_FuzzyFind)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

// The same queries answered by a scan of every key with the same bounded
// distance (what closest() did before the index): the ratio to
// BM_FuzzyFind is what the index buys.
void BM_FuzzyScan(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const termgraph::Vocabulary& v = vocabulary(n);
  const std::vector<std::string_view> keys = folded_keys(v);
  const std::vector<std::string> qs = folded_typos(v, n);
  std::vector<char32_t> q, key;
  std::vector<std::size_t> rows;
  std::size_t k = 0, found = 0;
  for (auto _ : state) {
    termgraph::decode_code_points(qs[k], q);
    const unsigned bound = termgraph::default_max_edits(qs[k]);
    for (std::string_view candidate : keys) {
      const std::size_t length = termgraph::count_code_points(candidate);
      if ((length > q.size() ? length - q.size() : q.size() - length) > bound) continue;
      termgraph::decode_code_points(candidate, key);
      found += termgraph::bounded_osa_distance(q, key, bound, rows) <= bound;
    }
    k = (k + 1) % qs.size();
  }
  if (found < static_cast<std::size_t>(state.iterations())) state.SkipWithError("typo not found");
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_FuzzyScan)->Arg(100000)->Unit(benchmark::kMicrosecond);

// Building the fuzzy index over the distinct keys; its size per key.
void BM_FuzzyBuild(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const std::vector<std::string_view> keys = folded_keys(vocabulary(n));
  std::size_t bytes = 0;
  for (auto _ : state) {
    termgraph::FuzzyIndex index;
    index.build(keys);
    bytes = index.memory_bytes();
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["keys"] = static_cast<double>(keys.size());
  state.counters["bytes"] = static_cast<double>(bytes);
  state.counters["bytes_per_key"] = static_cast<double>(bytes) / static_cast<double>(keys.size());
}
BENCHMARK(BM_FuzzyBuild)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_Prerequisites(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const termgraph::Vocabulary& v = vocabulary(n);
  std::size_t total = 0;
  termgraph::EntryId id = 0;
  for (auto _ : state) {
    auto p = v.prerequisites(id);
    total += p.size();
    id = static_cast<termgraph::EntryId>((id + 7919) % n);
    benchmark::DoNotOptimize(p.data());
  }
  state.counters["prerequisites"] =
      benchmark::Counter(static_cast<double>(total), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_Prerequisites)->Arg(100000)->Unit(benchmark::kMicrosecond);

// The full-text index: building it (ICU word segmentation and folding of
// every definition, note and example), and queries on it.
void BM_FullTextBuild(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const termgraph::Vocabulary::Impl& impl = termgraph::VocabularyAccess::impl(vocabulary(n));
  std::size_t words = 0, postings = 0, bytes = 0;
  for (auto _ : state) {
    termgraph::FullTextIndex index;
    index.build(impl);
    words = index.word_count();
    postings = index.posting_count();
    bytes = index.memory_bytes();
    benchmark::DoNotOptimize(words);
  }
  state.counters["words"] = static_cast<double>(words);
  state.counters["postings"] = static_cast<double>(postings);
  state.counters["memory_MB"] = static_cast<double>(bytes) / (1024.0 * 1024.0);
  state.counters["bytes_per_entry"] = static_cast<double>(bytes) / static_cast<double>(n);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_FullTextBuild)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// Runs `qs` round robin on the index of the n-entry vocabulary, ten hits at
// most; items/s is queries/s.
void full_text_queries(benchmark::State& state, const std::vector<std::string>& qs) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const termgraph::Vocabulary::Impl& impl = termgraph::VocabularyAccess::impl(vocabulary(n));
  const termgraph::FullTextIndex& index = termgraph::full_text_index(impl);
  const std::vector<std::string> all;
  std::vector<termgraph::TextHit> hits;
  std::size_t k = 0, found = 0;
  for (auto _ : state) {
    index.search(impl, qs[k], all, 10, hits);
    found += hits.size();
    k = (k + 1) % qs.size();
    benchmark::DoNotOptimize(hits.data());
  }
  if (found == 0) state.SkipWithError("nothing found");
  state.counters["hits"] =
      benchmark::Counter(static_cast<double>(found), benchmark::Counter::kAvgIterations);
  state.counters["memory_MB"] = static_cast<double>(index.memory_bytes()) / (1024.0 * 1024.0);
  state.SetItemsProcessed(state.iterations());
}

// A rare word: the first word of every 37th term, which the definitions
// that cite that entry hold.
void BM_FullTextRare(benchmark::State& state) {
  std::vector<std::string> qs;
  for (std::size_t i = 0; i < static_cast<std::size_t>(state.range(0)); i += 37) {
    const std::string t = termgraph_bench::term(i);
    qs.push_back(t.substr(0, t.find(' ')));
  }
  full_text_queries(state, qs);
}
BENCHMARK(BM_FullTextRare)->Arg(100000);

// Common words, a tenth of the entries each, asked in the plural: every
// query merges the postings of two forms ("ledger", "ledgers").
void BM_FullTextCommonInflected(benchmark::State& state) {
  full_text_queries(state, {"Ledgers", "nodes", "blocks", "tokens", "systems", "chains"});
}
BENCHMARK(BM_FullTextCommonInflected)->Arg(100000);

// Two words: a rare one and a common one, both required.
void BM_FullTextTwoWords(benchmark::State& state) {
  std::vector<std::string> qs;
  for (std::size_t i = 0; i < static_cast<std::size_t>(state.range(0)); i += 37) {
    qs.push_back(termgraph_bench::term(i));
  }
  full_text_queries(state, qs);
}
BENCHMARK(BM_FullTextTwoWords)->Arg(100000);

}  // namespace
