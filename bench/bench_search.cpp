// Vocabulary::search, one benchmark per kind of match, on a generated
// vocabulary of 100 000 entries (bench/generate.hpp, generate_multilingual):
// items/s is queries per second on one core. The lazily built indexes
// (fuzzy, transliteration, full text) are built before timing starts;
// BM_SearchIndexBuild times building them on a fresh load.
#include <benchmark/benchmark.h>

#include <map>
#include <string>
#include <vector>

#include "generate.hpp"
#include "termgraph/load.hpp"

namespace {

using termgraph::MatchKind;
using termgraph::SearchOptions;
using termgraph::Vocabulary;

const Vocabulary& vocabulary(std::size_t n) {
  static std::map<std::size_t, Vocabulary> cache;
  auto it = cache.find(n);
  if (it == cache.end()) {
    Vocabulary v = termgraph::load_string(termgraph_bench::generate_multilingual(n)).vocabulary;
    // Build every lazily built index once.
    SearchOptions all;
    all.kinds = termgraph::MatchKinds::all();
    (void)v.search("kalo record", all);
    (void)v.search("kalo recrod", all);
    it = cache.emplace(n, std::move(v)).first;
  }
  return it->second;
}

// Runs `query(i)` for i = 0, step, 2 step ... through the entries, asking
// for `kinds`; fails when the first match is not entry `expected(i)` by
// `kind`.
template <typename Query>
void run(benchmark::State& state, termgraph::MatchKinds kinds, MatchKind kind, std::size_t step,
         Query query) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const Vocabulary& v = vocabulary(n);
  std::vector<std::pair<std::string, std::string>> queries;  // query, expected number
  for (std::size_t i = 0; i + step < n && queries.size() < 2000; i += step) {
    queries.emplace_back(query(i),
                         termgraph_bench::number(kind == MatchKind::abbreviation ? i + 4 : i));
  }
  SearchOptions options;
  options.kinds = kinds;
  options.limit = 5;
  std::size_t k = 0;
  for (auto _ : state) {
    const auto& q = queries[k];
    auto found = v.search(q.first, options);
    if (found.empty() || found.front().kind != kind || v[found.front().entry].number != q.second) {
      state.SkipWithError(("unexpected first match for '" + q.first + "'").c_str());
      break;
    }
    benchmark::DoNotOptimize(found.data());
    k = (k + 1) % queries.size();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void BM_SearchNumber(benchmark::State& state) {
  run(state, MatchKind::number, MatchKind::number, 37,
      [](std::size_t i) { return "(" + termgraph_bench::number(i) + ")"; });
}
BENCHMARK(BM_SearchNumber)->Arg(100000);

void BM_SearchExact(benchmark::State& state) {
  run(state, termgraph::MatchKinds(MatchKind::exact).with(MatchKind::folded), MatchKind::exact, 37,
      [](std::size_t i) { return termgraph_bench::term(i); });
}
BENCHMARK(BM_SearchExact)->Arg(10000)->Arg(100000);

void BM_SearchFolded(benchmark::State& state) {
  run(state, termgraph::MatchKinds(MatchKind::exact).with(MatchKind::folded), MatchKind::folded, 37,
      [](std::size_t i) {
        std::string q = termgraph_bench::term(i);
        for (char& c : q) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        return q;
      });
}
BENCHMARK(BM_SearchFolded)->Arg(10000)->Arg(100000);

// Every kind at once, a folded query: what `termgraph search` does.
void BM_SearchAllKinds(benchmark::State& state) {
  run(state, termgraph::MatchKinds::terms(), MatchKind::folded, 37, [](std::size_t i) {
    std::string q = termgraph_bench::term(i);
    q[0] = static_cast<char>(q[0] - 'a' + 'A');
    return q;
  });
}
BENCHMARK(BM_SearchAllKinds)->Arg(100000);

void BM_SearchInflected(benchmark::State& state) {
  run(state, MatchKind::inflected, MatchKind::inflected, 37,
      [](std::size_t i) { return termgraph_bench::term(i) + "s"; });
}
BENCHMARK(BM_SearchInflected)->Arg(100000);

void BM_SearchAbbreviation(benchmark::State& state) {
  // "kalo record system" names "KALO system" through KALO = kalo record.
  run(state, MatchKind::abbreviation, MatchKind::abbreviation, 8,
      [](std::size_t i) { return termgraph_bench::term(i) + " system"; });
}
BENCHMARK(BM_SearchAbbreviation)->Arg(100000);

void BM_SearchPrefix(benchmark::State& state) {
  // The first word and the start of the second: "kalo rec".
  run(state, MatchKind::prefix, MatchKind::prefix, 37, [](std::size_t i) {
    const std::string t = termgraph_bench::term(i);
    return t.substr(0, t.find(' ') + 4);
  });
}
BENCHMARK(BM_SearchPrefix)->Arg(100000);

void BM_SearchTransliterated(benchmark::State& state) {
  run(state, MatchKind::transliterated, MatchKind::transliterated, 10,
      [](std::size_t i) { return termgraph_bench::russian_latin(i); });
}
BENCHMARK(BM_SearchTransliterated)->Arg(100000);

void BM_SearchFuzzy(benchmark::State& state) {
  // Two neighbours of the head word swapped: "kalo recrod".
  run(state, MatchKind::fuzzy, MatchKind::fuzzy, 37, [](std::size_t i) {
    std::string q = termgraph_bench::term(i);
    std::swap(q[q.size() - 2], q[q.size() - 3]);
    return q;
  });
}
BENCHMARK(BM_SearchFuzzy)->Arg(10000)->Arg(100000);

void BM_SearchFuzzyTwoEdits(benchmark::State& state) {
  // Two neighbours swapped in each word: "aklo recrod", 2 edits, so that
  // the search for one edit finds nothing first.
  run(state, MatchKind::fuzzy, MatchKind::fuzzy, 37, [](std::size_t i) {
    std::string q = termgraph_bench::term(i);
    std::swap(q[0], q[1]);
    std::swap(q[q.size() - 2], q[q.size() - 3]);
    return q;
  });
}
BENCHMARK(BM_SearchFuzzyTwoEdits)->Arg(100000);

void BM_SearchFullText(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const Vocabulary& v = vocabulary(n);
  SearchOptions options;
  options.kinds = MatchKind::full_text;
  options.limit = 10;
  std::size_t k = 0, found = 0;
  for (auto _ : state) {
    // A term's first word: in the definitions that cite it.
    const std::string t = termgraph_bench::term((k * 37) % n);
    auto m = v.search(t.substr(0, t.find(' ')), options);
    found += !m.empty();
    benchmark::DoNotOptimize(m.data());
    ++k;
  }
  if (found == 0) state.SkipWithError("full text found nothing");
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_SearchFullText)->Arg(100000);

// Loading, then the first search of each kind that needs an index of its
// own: the one-time cost a lookup pays and `check` never does.
void BM_SearchIndexBuild(benchmark::State& state) {
  const std::string bytes =
      termgraph_bench::generate_multilingual(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    state.PauseTiming();
    Vocabulary v = termgraph::load_string(bytes).vocabulary;
    state.ResumeTiming();
    SearchOptions all;
    all.kinds = termgraph::MatchKinds::all();
    benchmark::DoNotOptimize(v.search("kalo recrod", all).data());
  }
}
BENCHMARK(BM_SearchIndexBuild)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
