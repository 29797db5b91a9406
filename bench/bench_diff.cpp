// termgraph::diff() (diff.hpp) on two editions of a generated vocabulary:
// the new one has an entry inserted in the middle (the second half
// renumbered, the citations of it left stale), and one entry in 200 each
// reworded, given a new preferred term (the old one deprecated) or removed.
//
// BM_Diff times the comparison of two loaded vocabularies; BM_LoadPair the
// loading of both, which `termgraph diff` pays first. BM_DiffProcess and
// BM_CheckProcess run the program itself on the same two files, written
// once to a temporary directory: `termgraph diff --format json OLD -- NEW`
// against `termgraph check --format json` of each edition (both, one after
// the other), each with its peak memory (the larger of the two checks;
// measured by /usr/bin/time when there is one).
#include <benchmark/benchmark.h>

#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>
#include <spawn.h>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "generate.hpp"
#include "termgraph/diff.hpp"
#include "termgraph/load.hpp"

namespace {

// The new edition made from generate_native(n)'s bytes.
std::string next_edition(const std::string& old, std::size_t n, bool insert = true) {
  std::string out;
  out.reserve(old.size() + old.size() / 50);
  const std::string open = "  <entry number=\"3.";
  std::size_t pos = old.find(open);
  out.append(old, 0, pos);
  for (std::size_t i = 0; pos != std::string::npos; ++i) {
    const std::size_t end = old.find("  </entry>\n", pos) + 11;
    std::string entry = old.substr(pos, end - pos);
    pos = old.find(open, end);
    if (insert && i == n / 2) {
      out += "  <entry number=\"" + termgraph_bench::number(i) +
             "\">\n    <term>inserted novelty</term>\n    <definition>concept that the new "
             "edition brings in between two others</definition>\n  </entry>\n";
    }
    if (insert && i >= n / 2) {
      // 3.(i+1) becomes 3.(i+2); the text citing it is left as it was.
      const std::size_t q = entry.find('"') + 1;
      entry.replace(q, entry.find('"', q) - q, termgraph_bench::number(i + 1));
    }
    if (i % 200 == 71) continue;  // removed
    if (i % 200 == 7) {
      const std::string from = " with some distinguishing characteristics";
      const std::size_t at = entry.find(from);
      if (at != std::string::npos) entry.replace(at, from.size(), " with a few telling properties");
    }
    if (i % 200 == 37) {
      const std::string t = "    <term>" + termgraph_bench::term(i) + "</term>";
      const std::size_t at = entry.find(t);
      if (at != std::string::npos) {
        entry.replace(at, t.size(),
                      "    <term>fresh " + termgraph_bench::term(i) +
                          "</term>\n    <term status=\"deprecated\">" + termgraph_bench::term(i) +
                          "</term>");
      }
    }
    out += entry;
  }
  out += "</vocabulary>\n";
  return out;
}

struct Pair {
  std::string old_text, new_text;
  termgraph::Vocabulary old_vocabulary, new_vocabulary;
  std::string old_path, new_path;  // written on first use by the process benchmarks
};

Pair& pair_of(std::size_t n) {
  static std::map<std::size_t, Pair> cache;
  auto it = cache.find(n);
  if (it == cache.end()) {
    Pair p;
    p.old_text = termgraph_bench::generate_native(n);
    p.new_text = next_edition(p.old_text, n);
    p.old_vocabulary = termgraph::load_string(p.old_text, "old.xml").vocabulary;
    p.new_vocabulary = termgraph::load_string(p.new_text, "new.xml").vocabulary;
    it = cache.emplace(n, std::move(p)).first;
  }
  return it->second;
}

void BM_Diff(benchmark::State& state) {
  const Pair& p = pair_of(static_cast<std::size_t>(state.range(0)));
  std::size_t changes = 0, references = 0;
  for (auto _ : state) {
    const termgraph::VocabularyDiff d = termgraph::diff(p.old_vocabulary, p.new_vocabulary);
    changes = d.entries.size();  // the renumbered half included
    references = d.references.size();
    benchmark::DoNotOptimize(d.matched);
  }
  state.counters["entry_changes"] = static_cast<double>(changes);
  state.counters["reference_changes"] = static_cast<double>(references);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Diff)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// The same edits without the insertion: nothing renumbered, 1.5% of the
// entries changed or removed.
void BM_DiffInPlace(benchmark::State& state) {
  static std::map<std::size_t, std::pair<termgraph::Vocabulary, termgraph::Vocabulary>> cache;
  const auto n = static_cast<std::size_t>(state.range(0));
  auto it = cache.find(n);
  if (it == cache.end()) {
    const std::string old = termgraph_bench::generate_native(n);
    it = cache
             .emplace(
                 n, std::make_pair(
                        termgraph::load_string(old, "old.xml").vocabulary,
                        termgraph::load_string(next_edition(old, n, false), "new.xml").vocabulary))
             .first;
  }
  std::size_t changes = 0;
  for (auto _ : state) {
    const termgraph::VocabularyDiff d = termgraph::diff(it->second.first, it->second.second);
    changes = d.entries.size();
    benchmark::DoNotOptimize(d.matched);
  }
  state.counters["entry_changes"] = static_cast<double>(changes);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_DiffInPlace)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_LoadPair(benchmark::State& state) {
  const Pair& p = pair_of(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    const termgraph::LoadResult a = termgraph::load_string(p.old_text, "old.xml");
    const termgraph::LoadResult b = termgraph::load_string(p.new_text, "new.xml");
    benchmark::DoNotOptimize(a.vocabulary.size() + b.vocabulary.size());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_LoadPair)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

#ifdef TERMGRAPH_BENCH_PROGRAM
// The temporary directory the process benchmarks write their files to,
// removed at exit.
struct TempDir {
  std::string path;
  std::vector<std::string> files;
  ~TempDir() {
    for (const std::string& f : files) std::remove(f.c_str());
    if (!path.empty()) rmdir(path.c_str());
  }
  const std::string& get() {
    if (path.empty()) {
      char dir[] = "/tmp/termgraph-bench-diff-XXXXXX";
      if (!mkdtemp(dir)) std::abort();
      path = dir;
    }
    return path;
  }
};
TempDir temp_dir;

// Runs `args` with standard output to /dev/null and returns its exit
// status; sets `max_kib` to its peak resident memory when /usr/bin/time is
// there to tell it (this process's own rusage would not: the child it
// spawns starts as a copy of this large process), else to 0.
int run_program(std::vector<std::string> args, long& max_kib) {
  const bool timed = access("/usr/bin/time", X_OK) == 0;
  const std::string report = temp_dir.get() + "/time.txt";
  if (timed) args.insert(args.begin(), {"/usr/bin/time", "-f", "%M", "-o", report});
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int failed = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (failed != 0) return -1;
  int status = 0;
  waitpid(pid, &status, 0);
  max_kib = 0;
  if (timed) {
    // The last line ("Command exited with non-zero status 1" may come first).
    std::ifstream in(report);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) max_kib = std::atol(line.c_str());
    }
    std::remove(report.c_str());
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

const Pair& files_of(std::size_t n) {
  Pair& p = pair_of(n);
  if (p.old_path.empty()) {
    const std::string tag = std::to_string(n);
    p.old_path = temp_dir.get() + "/old-" + tag + ".xml";
    p.new_path = temp_dir.get() + "/new-" + tag + ".xml";
    std::ofstream(p.old_path, std::ios::binary) << p.old_text;
    std::ofstream(p.new_path, std::ios::binary) << p.new_text;
    temp_dir.files.push_back(p.old_path);
    temp_dir.files.push_back(p.new_path);
  }
  return p;
}

void BM_DiffProcess(benchmark::State& state) {
  const Pair& p = files_of(static_cast<std::size_t>(state.range(0)));
  long kib = 0;
  for (auto _ : state) {
    const int code = run_program(
        {TERMGRAPH_BENCH_PROGRAM, "diff", "--format", "json", p.old_path, "--", p.new_path}, kib);
    if (code != 1) state.SkipWithError("termgraph diff did not report differences");
  }
  state.counters["peak_MiB"] = static_cast<double>(kib) / 1024.0;
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_DiffProcess)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_CheckProcess(benchmark::State& state) {
  const Pair& p = files_of(static_cast<std::size_t>(state.range(0)));
  long kib = 0, most = 0;
  for (auto _ : state) {
    for (const std::string& path : {p.old_path, p.new_path}) {
      const int code =
          run_program({TERMGRAPH_BENCH_PROGRAM, "check", "--format", "json", path}, kib);
      if (code == 2) state.SkipWithError("termgraph check failed");
      most = std::max(most, kib);
    }
  }
  state.counters["peak_MiB"] = static_cast<double>(most) / 1024.0;
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_CheckProcess)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime();
#endif

}  // namespace
