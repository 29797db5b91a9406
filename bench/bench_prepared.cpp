// What an editor's change costs (`termgraph lsp`): a vocabulary of N
// entries in four files, one file edited. BM_ChangeOneFile reads the edited
// file again and loads the four prepared inputs (prepare_input,
// load_prepared) with every analysis pass, as the server does before it
// publishes; BM_LoadAllFiles loads the four from their bytes, as a server
// that kept nothing would. Issue 13 asks 100 ms at 1 000 entries.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "generate.hpp"
#include "termgraph/load.hpp"

namespace {

/// generate_native(n) split into four native files of consecutive entries
/// (their references cross the files).
std::vector<termgraph::Source> four_files(std::size_t n) {
  const std::string all = termgraph_bench::generate_native(n);
  const std::size_t first = all.find("  <entry ");
  const std::size_t last = all.rfind("</vocabulary>");
  const std::string head = all.substr(0, first);
  std::vector<std::size_t> cuts{first};
  for (std::size_t k = 1; k < 4; ++k) {
    cuts.push_back(all.find("  <entry ", first + (last - first) * k / 4));
  }
  cuts.push_back(last);
  std::vector<termgraph::Source> files;
  for (std::size_t k = 0; k < 4; ++k) {
    files.push_back({"part-" + std::to_string(k) + ".xml",
                     head + all.substr(cuts[k], cuts[k + 1] - cuts[k]) + "</vocabulary>\n"});
  }
  return files;
}

void BM_ChangeOneFile(benchmark::State& state) {
  std::vector<termgraph::Source> files = four_files(static_cast<std::size_t>(state.range(0)));
  std::vector<termgraph::PreparedInput> prepared;
  for (std::size_t i = 0; i < files.size(); ++i) {
    prepared.push_back(termgraph::prepare_input(files[i], i));
  }
  std::size_t round = 0;
  for (auto _ : state) {
    // A keystroke in the third file: one character more in a definition.
    termgraph::Source edited = files[2];
    edited.content.insert(edited.content.find("<definition>") + 12, round++ % 2 ? "a" : "b");
    prepared[2] = termgraph::prepare_input(std::move(edited), 2);
    termgraph::LoadResult result = termgraph::load_prepared(prepared);
    benchmark::DoNotOptimize(result.diagnostics.size());
  }
}
BENCHMARK(BM_ChangeOneFile)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_LoadAllFiles(benchmark::State& state) {
  const std::vector<termgraph::Source> files = four_files(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    termgraph::LoadResult result = termgraph::load_sources(files);
    benchmark::DoNotOptimize(result.diagnostics.size());
  }
}
BENCHMARK(BM_LoadAllFiles)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace
