#!/usr/bin/env bash
# Fuzz smoke run: configures and builds the libFuzzer harnesses with clang
# (ASan + UBSan, library instrumented too) in their own build tree, then runs
# each harness from its seed corpus for a fixed time (40 seconds in all).
# Exits non-zero on any crash, leak, timeout, out-of-memory or sanitizer
# report, and prints the reproducer's path. See docs/fuzzing.md.
#
# usage: scripts/fuzz-smoke.sh [build-dir]     (default: build/fuzz)
# environment: FUZZ_SECONDS   seconds per harness (default 5; 8 harnesses)
#              FUZZ_JOBS      parallel build jobs (default 2)
#              CC, CXX        compilers (default clang, clang++)
set -euo pipefail

src="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$src/build/fuzz}"
seconds="${FUZZ_SECONDS:-5}"
jobs="${FUZZ_JOBS:-2}"
cc="${CC:-clang}"
cxx="${CXX:-clang++}"
harnesses=(native sts tbx tbx2008 csv detect references pipeline chunked)

for tool in cmake "$cc" "$cxx"; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "fuzz-smoke: '$tool' not found (needs clang and libclang-rt-dev; scripts/install-deps.sh)" >&2
    exit 2
  fi
done

echo "fuzz-smoke: configuring and building in $build"
log="$build/fuzz-smoke-build.log"
mkdir -p "$build"
if ! { CC="$cc" CXX="$cxx" cmake -S "$src" -B "$build" \
         -DCMAKE_BUILD_TYPE=RelWithDebInfo \
         -DTERMGRAPH_BUILD_FUZZERS=ON \
         -DTERMGRAPH_BUILD_TOOLS=OFF -DTERMGRAPH_BUILD_TESTS=OFF \
         -DTERMGRAPH_BUILD_EXAMPLES=OFF -DTERMGRAPH_INSTALL=OFF \
         -DTERMGRAPH_WARNINGS_AS_ERRORS=ON &&
       cmake --build "$build" --target fuzzers -j "$jobs"; } >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  echo "fuzz-smoke: build failed (full log: $log)" >&2
  exit 2
fi

bin="$build/fuzz"
runs="$build/fuzz-smoke"
rm -rf "$runs"
mkdir -p "$runs"
# Sanitizer settings: every report is fatal; leaks are checked.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"

failed=()
printf '%-12s %10s %8s %s\n' harness executions exec/s result
for h in "${harnesses[@]}"; do
  corpus="$runs/corpus-$h"
  mkdir -p "$corpus"
  status=0
  dict="$src/fuzz/xml.dict"
  if [ "$h" = csv ]; then dict="$src/fuzz/csv.dict"; fi
  # The first directory receives new inputs; the seeds are only read.
  "$bin/fuzz_$h" "$corpus" "$bin/seeds/$h" \
    -dict="$dict" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$runs/$h-" \
    >"$runs/$h.log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$runs/$h.log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$runs/$h.log" | tail -n 1)
  result=ok
  if [ "$status" -ne 0 ] ||
     grep -qE '^==[0-9]+==ERROR|runtime error:|^SUMMARY: |ERROR: libFuzzer|invariant violated' \
       "$runs/$h.log"; then
    result="FAILED (exit $status)"
    failed+=("$h")
  fi
  printf '%-12s %10s %8s %s\n' "$h" "${execs:-?}" "${rate:-?}" "$result"
done

if [ ${#failed[@]} -ne 0 ]; then
  for h in "${failed[@]}"; do
    echo "---- fuzz_$h ($runs/$h.log) ----" >&2
    grep -E -A 30 '^==[0-9]+==ERROR|runtime error:|ERROR: libFuzzer|invariant violated' \
      "$runs/$h.log" | head -n 60 >&2 || tail -n 40 "$runs/$h.log" >&2
    ls "$runs/$h"-* 2>/dev/null | sed 's/^/reproducer: /' >&2 || true
  done
  echo "fuzz-smoke: FAILED: ${failed[*]} (reproduce: $bin/fuzz_<harness> <reproducer>)" >&2
  exit 1
fi
echo "fuzz-smoke: all ${#harnesses[@]} harnesses ran ${seconds}s each without a finding"
