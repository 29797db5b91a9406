#!/bin/sh
# Builds the benchmarks in a Release build directory, runs the hostile-input
# benchmarks (bench/bench_hostile.cpp) and fails when the median time of one
# exceeds its limit (the counter limit_s each benchmark sets). The tests check
# what termgraph reads from these inputs; this checks how fast.
#
#   scripts/bench-limits.sh [build-dir] [extra benchmark args...]
#
# The build directory defaults to build-bench in the source tree.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build-bench"}
[ $# -gt 0 ] && shift

"$root/scripts/bench-build.sh" "$build" termgraph_bench

json="$build/bench-limits.json"
"$build/bench/termgraph_bench" --benchmark_filter='BM_Hostile' --benchmark_repetitions=3 \
  --benchmark_report_aggregates_only=true --benchmark_out="$json" \
  --benchmark_out_format=json "$@"

python3 - "$json" <<'PY'
import json
import sys

scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
over = []
for b in json.load(open(sys.argv[1]))["benchmarks"]:
    if b.get("aggregate_name") != "median":
        continue
    if b.get("error_occurred"):
        over.append(f"{b['run_name']}: {b.get('error_message', 'error')}")
        continue
    seconds = b["real_time"] * scale[b["time_unit"]]
    limit = b.get("limit_s")
    verdict = "ok" if limit is None or seconds <= limit else "OVER"
    print(f"{b['run_name']}: {seconds:.3f} s (limit {limit} s) {verdict}")
    if verdict == "OVER":
        over.append(f"{b['run_name']}: {seconds:.3f} s > {limit} s")
if over:
    print("over the limit:\n  " + "\n  ".join(over))
    sys.exit(1)
PY
