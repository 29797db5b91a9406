#!/bin/sh
# Whole-process comparison: `termgraph check --format json` on a generated
# NISO STS clause against a bare pugixml parse of the same file, each run
# three times in the same session, and the ratios of their median CPU time
# (user + system) and peak memory. Figures are only comparable within one
# run: the machines are shared and noisy.
#
#   scripts/bench-process.sh [entries] [build-dir]
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
entries=${1:-100000}
build=${2:-"$root/build-bench"}

"$root/scripts/bench-build.sh" "$build" termgraph-cli termgraph_parse_baseline

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/scripts/gen-sts.py" --entries "$entries" --out "$work/clause.xml" \
  --expected "$work/expected.json"
echo "input: $entries entries, $(wc -c <"$work/clause.xml") bytes"

# Prints "cpu_seconds max_rss_kb" for one run of the command (time(1) puts a
# line about a non-zero exit before its figures: check exits 1 on errors).
measure() {
  /usr/bin/time -f '%U %S %M' -o "$work/time" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$work/time" | awk '{ printf "%.3f %d\n", $1 + $2, $3 }'
}

median() { sort -n | sed -n 2p; }

for i in 1 2 3; do
  measure "$build/bench/termgraph_parse_baseline" "$work/clause.xml" >>"$work/parse"
  measure "$build/termgraph" check --format json "$work/clause.xml" >>"$work/check"
done
p_cpu=$(cut -d' ' -f1 "$work/parse" | median)
c_cpu=$(cut -d' ' -f1 "$work/check" | median)
p_mem=$(cut -d' ' -f2 "$work/parse" | median)
c_mem=$(cut -d' ' -f2 "$work/check" | median)
awk -v pc="$p_cpu" -v cc="$c_cpu" -v pm="$p_mem" -v cm="$c_mem" 'BEGIN {
  printf "pugixml parse: %.3f s CPU, %d KB peak\n", pc, pm
  printf "termgraph check: %.3f s CPU, %d KB peak\n", cc, cm
  printf "check/parse: %.2fx CPU, %.2fx memory\n", cc / pc, cm / pm
}'
