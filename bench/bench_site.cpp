// The static HTML site (site.hpp) of a generated vocabulary, written to a
// sink that only counts the bytes: the cost of the pages, pictures and
// search index on top of loading, which BM_Load times on the same document
// (bench_main.cpp). The whole process, files included, is timed by
// scripts/bench-process.sh --site.
#include <benchmark/benchmark.h>

#include <map>
#include <string>

#include "generate.hpp"
#include "termgraph/load.hpp"
#include "termgraph/site.hpp"

namespace {

const termgraph::LoadResult& loaded(std::size_t n) {
  static std::map<std::size_t, termgraph::LoadResult> cache;
  auto it = cache.find(n);
  if (it == cache.end()) {
    it = cache.emplace(n, termgraph::load_string(termgraph_bench::generate_native(n), "bench.xml"))
             .first;
  }
  return it->second;
}

void BM_WriteSite(benchmark::State& state) {
  const termgraph::LoadResult& r = loaded(static_cast<std::size_t>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) {
    bytes = 0;
    termgraph::write_site(
        r.vocabulary, r.diagnostics, {},
        [&](std::string_view, std::string_view content) { bytes += content.size(); });
  }
  state.counters["site_MB"] = static_cast<double>(bytes) / 1e6;
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_WriteSite)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
