// The text report on a file that is one long line (a termbase export):
// thousands of findings, each shown with its excerpt of the line. With the
// source lines the time per finding must stay that of --no-source plus the
// excerpt's window, whatever the line's length: compare the two cases, and
// the time per item for 1,000 and 5,000 findings (the line grows with them).
#include <benchmark/benchmark.h>

#include <cstddef>
#include <map>
#include <ostream>
#include <streambuf>
#include <string>

#include "termgraph/load.hpp"
#include "termgraph/report.hpp"

namespace {

/// A native vocabulary of `n` entries on one line, each definition citing a
/// number that does not exist (one dangling-reference each), about 600
/// bytes an entry.
std::string one_line_vocabulary(std::size_t n) {
  std::string padding;
  for (int i = 0; i < 70; ++i) padding += " word" + std::to_string(i);
  std::string doc =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><vocabulary "
      "xmlns=\"urn:termgraph:vocabulary:1\" xml:lang=\"en\">";
  for (std::size_t i = 1; i <= n; ++i) {
    const std::string k = std::to_string(i);
    doc += "<entry number=\"3." + k + "\"><term>term \xC3\xA9 " + k + "</term><definition>thing" +
           padding + " cited as (9." + k + ")</definition></entry>";
  }
  return doc + "</vocabulary>\n";
}

const termgraph::LoadResult& loaded(std::size_t n) {
  static std::map<std::size_t, termgraph::LoadResult> cache;
  auto it = cache.find(n);
  if (it == cache.end()) {
    it = cache.emplace(n, termgraph::load_string(one_line_vocabulary(n), "oneline.xml")).first;
  }
  return it->second;
}

/// Counts what is written and throws it away.
class CountingBuffer : public std::streambuf {
public:
  std::size_t written = 0;

protected:
  std::streamsize xsputn(const char*, std::streamsize n) override {
    written += static_cast<std::size_t>(n);
    return n;
  }
  int_type overflow(int_type c) override {
    ++written;
    return traits_type::not_eof(c);
  }
};

void time_report(benchmark::State& state, bool show_source) {
  const termgraph::LoadResult& result = loaded(static_cast<std::size_t>(state.range(0)));
  if (result.errors() != static_cast<std::size_t>(state.range(0))) {
    state.SkipWithError("expected one error per entry");
    return;
  }
  termgraph::TextStyle style;
  style.show_source = show_source;
  for (auto _ : state) {
    CountingBuffer buffer;
    std::ostream out(&buffer);
    termgraph::write_diagnostics(out, result, style);
    benchmark::DoNotOptimize(buffer.written);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
}

void BM_TextReportOneLine(benchmark::State& state) {
  time_report(state, true);
}
BENCHMARK(BM_TextReportOneLine)->Arg(1000)->Arg(5000)->Unit(benchmark::kMillisecond);

void BM_TextReportOneLineNoSource(benchmark::State& state) {
  time_report(state, false);
}
BENCHMARK(BM_TextReportOneLineNoSource)->Arg(1000)->Arg(5000)->Unit(benchmark::kMillisecond);

}  // namespace
