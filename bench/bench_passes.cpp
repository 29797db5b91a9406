// Per-pass benchmarks of `check` at 1 000, 10 000 and 100 000 entries: the
// bare XML parse of each format (the baseline), reading (parse and reader,
// no analysis) and each analysis pass on its own, in the order the pipeline
// runs them (load/analyse.cpp). The same generated vocabulary
// (generate_native) is read as native XML, as NISO STS and as TBX, written
// by termgraph's own writers, so that the formats carry the same entries.
//
// A pass changes the vocabulary it runs on (its records, its findings):
// each iteration loads the vocabulary afresh and runs the passes before it
// with the timer paused, then times the pass alone.
#include <benchmark/benchmark.h>

#include <cstring>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "analysis/checks.hpp"
#include "analysis/graph.hpp"
#include "analysis/resolve.hpp"
#include "analysis/structure.hpp"
#include "analysis/text_checks.hpp"
#include "analysis/writing.hpp"
#include "generate.hpp"
#include "lookup/term_index.hpp"
#include "model/impl.hpp"
#include "termgraph/load.hpp"
#include "termgraph/write.hpp"

namespace {

using termgraph::Format;
using Impl = termgraph::Vocabulary::Impl;

/// The generated vocabulary of `n` entries written as `format`.
const std::string& document(Format format, std::size_t n) {
  static std::map<std::pair<Format, std::size_t>, std::string> cache;
  auto it = cache.find({format, n});
  if (it != cache.end()) return it->second;
  std::string native = termgraph_bench::generate_native(n);
  std::string bytes;
  if (format == Format::native) {
    bytes = std::move(native);
  } else {
    termgraph::LoadOptions options;
    options.analysis.run = false;
    const termgraph::LoadResult loaded = termgraph::load_string(native, "bench.xml", options);
    std::ostringstream out;
    termgraph::write_vocabulary(out, loaded.vocabulary, format);
    bytes = std::move(out).str();
  }
  return cache.emplace(std::make_pair(format, n), std::move(bytes)).first->second;
}

Format format_of(const benchmark::State& state) {
  switch (state.range(0)) {
    case 1:
      return Format::sts;
    case 2:
      return Format::tbx;
    default:
      return Format::native;
  }
}

void label(benchmark::State& state, const std::string& bytes) {
  const char* names[] = {"native", "sts", "tbx"};
  state.SetLabel(names[state.range(0)]);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
  state.SetItemsProcessed(state.iterations() * state.range(1));
}

void formats_and_sizes(benchmark::internal::Benchmark* b) {
  for (int format = 0; format < 3; ++format) {
    for (int n : {1000, 10000, 100000}) b->Args({format, n});
  }
  b->Unit(benchmark::kMillisecond);
}

// The baseline: pugixml alone parses the bytes in place, with the options
// the loader uses.
void BM_ParseOnly(benchmark::State& state) {
  const std::string& bytes = document(format_of(state), static_cast<std::size_t>(state.range(1)));
  std::unique_ptr<char[]> buffer(new char[bytes.size() + 1]);
  for (auto _ : state) {
    state.PauseTiming();
    std::memcpy(buffer.get(), bytes.data(), bytes.size() + 1);
    state.ResumeTiming();
    pugi::xml_document doc;
    const pugi::xml_parse_result r =
        doc.load_buffer_inplace(buffer.get(), bytes.size() + 1,
                                pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
    if (!r) state.SkipWithError(r.description());
    benchmark::DoNotOptimize(doc.first_child());
  }
  label(state, bytes);
}
BENCHMARK(BM_ParseOnly)->Apply(formats_and_sizes);

// Reading: the file's encoding checked, parsed, read into the model, which
// is frozen; no analysis.
void BM_Read(benchmark::State& state) {
  const std::string& bytes = document(format_of(state), static_cast<std::size_t>(state.range(1)));
  termgraph::LoadOptions options;
  options.analysis.run = false;
  for (auto _ : state) {
    termgraph::LoadResult r = termgraph::load_string(bytes, "bench.xml", options);
    if (r.vocabulary.size() != static_cast<std::size_t>(state.range(1))) {
      state.SkipWithError("wrong number of entries");
    }
    benchmark::DoNotOptimize(r.diagnostics.data());
  }
  label(state, bytes);
}
BENCHMARK(BM_Read)->Apply(formats_and_sizes);

// Everything `check` does but printing: reading and every pass.
void BM_ReadAndAnalyse(benchmark::State& state) {
  const std::string& bytes = document(format_of(state), static_cast<std::size_t>(state.range(1)));
  for (auto _ : state) {
    termgraph::LoadResult r = termgraph::load_string(bytes, "bench.xml");
    benchmark::DoNotOptimize(r.diagnostics.data());
  }
  label(state, bytes);
}
BENCHMARK(BM_ReadAndAnalyse)->Apply(formats_and_sizes);

// -- the passes ---------------------------------------------------------------

using PassFunction = void (*)(Impl&, std::vector<termgraph::Diagnostic>&);

/// The pipeline's passes in order (load/analyse.cpp), as plain functions.
const std::vector<std::pair<const char*, PassFunction>>& pipeline() {
  static const std::vector<std::pair<const char*, PassFunction>> passes = {
      {"entry-index", &termgraph::build_entry_indexes},
      {"term-index",
       [](Impl& impl, std::vector<termgraph::Diagnostic>&) { termgraph::build_term_index(impl); }},
      {"resolution",
       [](Impl& impl, std::vector<termgraph::Diagnostic>& d) {
         termgraph::resolve_references(impl, d);
       }},
      {"graph", &termgraph::build_graph},
      {"entry-checks",
       [](Impl& impl, std::vector<termgraph::Diagnostic>& d) {
         termgraph::check_entries(impl, d);
       }},
      {"structure",
       [](Impl& impl, std::vector<termgraph::Diagnostic>& d) {
         termgraph::check_structure(impl, d);
       }},
      {"text-checks",
       [](Impl& impl, std::vector<termgraph::Diagnostic>& d) {
         termgraph::check_text(impl, d, d);
       }},
      {"writing", &termgraph::check_writing},
  };
  return passes;
}

// Pass number range(0) of the pipeline on the native vocabulary of range(1)
// entries.
void BM_Pass(benchmark::State& state) {
  const auto pass = static_cast<std::size_t>(state.range(0));
  const std::string& bytes = document(Format::native, static_cast<std::size_t>(state.range(1)));
  termgraph::LoadOptions options;
  options.analysis.run = false;
  std::size_t findings = 0;
  for (auto _ : state) {
    state.PauseTiming();
    termgraph::LoadResult r = termgraph::load_string(bytes, "bench.xml", options);
    // The loader's Impl is the vocabulary's own (no other copy holds it).
    auto& impl = const_cast<Impl&>(termgraph::VocabularyAccess::impl(r.vocabulary));  // NOLINT
    std::vector<termgraph::Diagnostic> diagnostics;
    for (std::size_t p = 0; p < pass; ++p) pipeline()[p].second(impl, diagnostics);
    const std::size_t before = diagnostics.size();
    state.ResumeTiming();
    pipeline()[pass].second(impl, diagnostics);
    state.PauseTiming();
    findings = diagnostics.size() - before;
    r = termgraph::LoadResult{};  // freed outside the timing
    state.ResumeTiming();
  }
  state.SetLabel(pipeline()[pass].first);
  state.counters["findings"] = static_cast<double>(findings);
  state.SetItemsProcessed(state.iterations() * state.range(1));
}
void passes_and_sizes(benchmark::internal::Benchmark* b) {
  for (int pass = 0; pass < 8; ++pass) {
    for (int n : {1000, 10000, 100000}) b->Args({pass, n});
  }
  b->Unit(benchmark::kMillisecond);
}
BENCHMARK(BM_Pass)->Apply(passes_and_sizes);

}  // namespace
