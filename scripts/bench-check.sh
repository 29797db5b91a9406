#!/bin/sh
# Builds the benchmarks in a Release build directory, runs the load and parse
# benchmarks and prints how much termgraph's load costs over a bare pugixml
# parse of the same bytes.
#
#   scripts/bench-check.sh [build-dir] [extra benchmark args...]
#
# The build directory defaults to build-bench in the source tree. Set
# BENCH_FILTER to run other benchmarks as well (a Google Benchmark regex).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build-bench"}
[ $# -gt 0 ] && shift
filter=${BENCH_FILTER:-'BM_(PugixmlParse|Load)/'}

"$root/scripts/bench-build.sh" "$build" termgraph_bench

json="$build/bench-results.json"
"$build/bench/termgraph_bench" --benchmark_filter="$filter" --benchmark_repetitions=3 \
  --benchmark_report_aggregates_only=true --benchmark_out="$json" \
  --benchmark_out_format=json "$@"

# Median times of each benchmark, then load / parse for each size: by wall
# clock, and by CPU time (steadier on a busy machine).
medians() {
  if command -v jq >/dev/null 2>&1; then
    jq -r '.benchmarks[] | select(.aggregate_name == "median")
           | "\(.run_name) \(.real_time) \(.cpu_time) \(.time_unit)"' "$json"
  else
    python3 -c 'import json, sys
for b in json.load(open(sys.argv[1]))["benchmarks"]:
    if b.get("aggregate_name") == "median":
        print(b["run_name"], b["real_time"], b["cpu_time"], b["time_unit"])' "$json"
  fi
}
medians | awk '
  { split($1, p, "/"); real[p[1], p[2]] = $2; cpu[p[1], p[2]] = $3; unit = $4; sizes[p[2]] = 1 }
  END {
    for (n in sizes) {
      if (real["BM_PugixmlParse", n] > 0 && real["BM_Load", n] != "") {
        printf "load/parse ratio for %s entries: %.2f wall (load %.1f %s, parse %.1f %s), %.2f cpu\n",
               n, real["BM_Load", n] / real["BM_PugixmlParse", n], real["BM_Load", n], unit,
               real["BM_PugixmlParse", n], unit, cpu["BM_Load", n] / cpu["BM_PugixmlParse", n]
      }
    }
  }'
