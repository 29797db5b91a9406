// How long termgraph takes on the hostile inputs the tests read
// (tests/hostile_inputs.hpp). The tests check what is read; the time limits
// they once asserted live here, as the counter `limit_s` of each benchmark,
// and scripts/bench-limits.sh fails when a median run exceeds its limit.
// Each input is generated once, outside the timed loop.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "hostile_inputs.hpp"
#include "termgraph/load.hpp"

namespace {

namespace hostile = termgraph::hostile;

/// The document `make` generates, made once per name.
const std::string& input(const std::string& name, const std::function<std::string()>& make) {
  static std::map<std::string, std::string> cache;
  auto it = cache.find(name);
  if (it == cache.end()) it = cache.emplace(name, make()).first;
  return it->second;
}

/// Times load_string() on `doc`; the run is an error unless `check`
/// accepts the result. `limit` (seconds) is what a run may take.
template <typename Check>
void time_load(benchmark::State& state, const std::string& doc, double limit, Check check) {
  for (auto _ : state) {
    termgraph::LoadResult r = termgraph::load_string(doc, "hostile.xml");
    if (!check(r)) state.SkipWithError("unexpected result");
    benchmark::DoNotOptimize(r.diagnostics.data());
  }
  state.counters["limit_s"] = limit;
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc.size()));
}

void BM_HostileBillionLaughs(benchmark::State& state) {
  const std::string& doc = input("laughs", [] { return hostile::billion_laughs(); });
  time_load(state, doc, 1.0, [](const termgraph::LoadResult& r) {
    return r.vocabulary.size() == 1 &&
           r.vocabulary[0].languages[0].definition->text == "&lol9; and (9.9)";
  });
}
BENCHMARK(BM_HostileBillionLaughs)->Unit(benchmark::kMillisecond);

void BM_HostileTextNode100MB(benchmark::State& state) {
  constexpr std::size_t words = 20'000'000;
  const std::string& doc = input("text", [] { return hostile::text_node(words); });
  time_load(state, doc, 20.0, [](const termgraph::LoadResult& r) {
    return r.vocabulary.size() == 1 &&
           r.vocabulary[0].languages[0].definition->text.size() == words * 5 + 5;
  });
}
BENCHMARK(BM_HostileTextNode100MB)->Unit(benchmark::kMillisecond);

void BM_HostileDeepDefinition(benchmark::State& state) {
  const std::string& doc = input("deep", [] { return hostile::nested_definition(1'000'000); });
  time_load(state, doc, 10.0, [](const termgraph::LoadResult& r) {
    return r.vocabulary.size() == 1 &&
           r.vocabulary[0].languages[0].definition->text == "core (9.9)";
  });
}
BENCHMARK(BM_HostileDeepDefinition)->Unit(benchmark::kMillisecond);

void BM_HostileDeepUnknownRoot(benchmark::State& state) {
  const std::string& doc = input("bare", [] { return hostile::nested_elements(1'000'000); });
  time_load(state, doc, 10.0,
            [](const termgraph::LoadResult& r) { return r.vocabulary.size() == 0; });
}
BENCHMARK(BM_HostileDeepUnknownRoot)->Unit(benchmark::kMillisecond);

void BM_HostileDeepUnclosed(benchmark::State& state) {
  const std::string& doc = input("unclosed", [] {
    std::string bare = hostile::nested_elements(1'000'000);
    return bare.substr(0, 3'000'000);
  });
  time_load(state, doc, 10.0, [](const termgraph::LoadResult& r) { return !r; });
}
BENCHMARK(BM_HostileDeepUnclosed)->Unit(benchmark::kMillisecond);

void BM_HostileManyAttributes(benchmark::State& state) {
  const std::string& doc = input("attributes", [] { return hostile::many_attributes(1'000'000); });
  time_load(state, doc, 10.0,
            [](const termgraph::LoadResult& r) { return r.vocabulary.size() == 1; });
}
BENCHMARK(BM_HostileManyAttributes)->Unit(benchmark::kMillisecond);

void BM_HostileManyNamespaces(benchmark::State& state) {
  const std::string& doc = input("namespaces", [] { return hostile::many_namespaces(1'000'000); });
  time_load(state, doc, 10.0,
            [](const termgraph::LoadResult& r) { return r.vocabulary.size() == 0; });
}
BENCHMARK(BM_HostileManyNamespaces)->Unit(benchmark::kMillisecond);

// Loading a chain of a million entries and walking it: the two together
// within the limit.
void BM_HostileChainAndPrerequisites(benchmark::State& state) {
  constexpr std::size_t n = 1'000'000;
  const std::string& doc = input("chain", [] { return hostile::chain(n); });
  for (auto _ : state) {
    termgraph::LoadResult r = termgraph::load_string(doc, "chain.xml");
    const std::vector<termgraph::Prerequisite> pre = r.vocabulary.prerequisites(0);
    if (pre.size() != n - 1) state.SkipWithError("wrong number of prerequisites");
    benchmark::DoNotOptimize(pre.data());
  }
  state.counters["limit_s"] = 20.0;
}
BENCHMARK(BM_HostileChainAndPrerequisites)->Unit(benchmark::kMillisecond);

void BM_HostileCycle(benchmark::State& state) {
  const std::string& doc = input("cycle", [] { return hostile::cycle(100'000); });
  time_load(state, doc, 10.0, [](const termgraph::LoadResult& r) {
    return r.vocabulary.circular_groups().size() == 1;
  });
}
BENCHMARK(BM_HostileCycle)->Unit(benchmark::kMillisecond);

void BM_HostileCompleteGraph(benchmark::State& state) {
  const std::string& doc = input("complete", [] { return hostile::complete_graph(2000); });
  time_load(state, doc, 20.0, [](const termgraph::LoadResult& r) {
    return r.vocabulary.circular_groups().size() == 1;
  });
}
BENCHMARK(BM_HostileCompleteGraph)->Unit(benchmark::kMillisecond);

// A minified NISO STS document: positions found by moving forward on one
// line, never by recounting it.
void BM_HostileOneLineSts(benchmark::State& state) {
  const std::string& doc = input("sts", [] { return hostile::one_line_sts(20000); });
  time_load(state, doc, 10.0,
            [](const termgraph::LoadResult& r) { return r.vocabulary.size() == 20000; });
}
BENCHMARK(BM_HostileOneLineSts)->Unit(benchmark::kMillisecond);

// 100,000 references in one definition: the scan is linear.
void BM_HostileManyReferences(benchmark::State& state) {
  const std::string& doc = input("references", [] {
    std::string doc = std::string(hostile::head) + "<entry number=\"3.2\"><term>block</term>";
    doc += "<definition>";
    for (int i = 0; i < 100'000; ++i) doc += "block (3.2) ";
    return doc + "</definition></entry>\n</vocabulary>\n";
  });
  time_load(state, doc, 5.0,
            [](const termgraph::LoadResult& r) { return r.vocabulary.size() == 1; });
}
BENCHMARK(BM_HostileManyReferences)->Unit(benchmark::kMillisecond);

}  // namespace
