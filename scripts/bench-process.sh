#!/bin/sh
# Whole-process comparison: termgraph against a bare pugixml parse of the
# same file, each run three times in the same session, and the ratios of
# their median CPU time (user + system) and peak memory. Figures are only
# comparable within one run: the machines are shared and noisy.
#
#   scripts/bench-process.sh [entries] [build-dir]
#       `termgraph check --format json` on a generated NISO STS clause
#       (scripts/gen-sts.py, 100000 entries by default).
#   scripts/bench-process.sh --tbx2008 [entries] [build-dir]
#       a generated two-language TBX 2008 export (scripts/gen-tbx.py, English
#       and Arabic, subject fields and transactions, 5000 entries by
#       default): `check --format json` (load and check), `convert --to tbx`
#       and `convert --to tbx2008`, each a whole process.
set -eu

mode=sts
if [ "${1:-}" = "--tbx2008" ]; then
  mode=tbx2008
  shift
fi
root=$(cd "$(dirname "$0")/.." && pwd)
if [ "$mode" = tbx2008 ]; then default_entries=5000; else default_entries=100000; fi
entries=${1:-$default_entries}
build=${2:-"$root/build-bench"}

"$root/scripts/bench-build.sh" "$build" termgraph-cli termgraph_parse_baseline

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ "$mode" = tbx2008 ]; then
  input="$work/export.tbx"
  python3 "$root/scripts/gen-tbx.py" --entries "$entries" --script ar --out "$input"
else
  input="$work/clause.xml"
  python3 "$root/scripts/gen-sts.py" --entries "$entries" --out "$input" \
    --expected "$work/expected.json"
fi
echo "input: $entries entries, $(wc -c <"$input") bytes"

# Prints "cpu_seconds max_rss_kb" for the command: time(1)'s CPU time (user
# + system) of `runs` runs in a row, divided by `runs`, and the peak memory
# of one run. time(1) counts in 10 ms steps, about as long as the parse of
# a small file: the TBX 2008 measurement runs each command 10 times. The
# exit status is ignored (check exits 1 on errors).
if [ "$mode" = tbx2008 ]; then runs=${RUNS:-10}; else runs=${RUNS:-1}; fi
measure() {
  /usr/bin/time -f '%U %S %M' -o "$work/time" sh -c '
    n=$1; shift; i=0
    while [ "$i" -lt "$n" ]; do "$@" >/dev/null 2>&1 || true; i=$((i + 1)); done
  ' sh "$runs" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$work/time" | awk -v n="$runs" '{ printf "%.4f %d\n", ($1 + $2) / n, $3 }'
}

median() { sort -n | sed -n 2p; }

# report NAME FILE: its median CPU and memory, and the ratios to the parse.
report() {
  awk -v name="$1" -v cc="$(cut -d' ' -f1 "$2" | median)" -v cm="$(cut -d' ' -f2 "$2" | median)" \
    -v pc="$p_cpu" -v pm="$p_mem" 'BEGIN {
    printf "%s: %.3f s CPU, %d KB peak; %.2fx the parse CPU, %.2fx its memory\n", name, cc, cm,
      (pc > 0 ? cc / pc : 0), (pm > 0 ? cm / pm : 0)
  }'
}

for i in 1 2 3; do
  measure "$build/bench/termgraph_parse_baseline" "$input" >>"$work/parse"
  measure "$build/termgraph" check --format json "$input" >>"$work/check"
  if [ "$mode" = tbx2008 ]; then
    measure "$build/termgraph" convert --to tbx -o "$work/out.tbx" "$input" >>"$work/to-tbx"
    measure "$build/termgraph" convert --to tbx2008 -o "$work/out-2008.tbx" "$input" \
      >>"$work/to-tbx2008"
  fi
done
p_cpu=$(cut -d' ' -f1 "$work/parse" | median)
p_mem=$(cut -d' ' -f2 "$work/parse" | median)
printf "pugixml parse: %.3f s CPU, %d KB peak\n" "$p_cpu" "$p_mem"
report "termgraph check" "$work/check"
if [ "$mode" = tbx2008 ]; then
  report "termgraph convert --to tbx" "$work/to-tbx"
  report "termgraph convert --to tbx2008" "$work/to-tbx2008"
  # What was written is what was read: the entry count of each output.
  for out in "$work/out.tbx" "$work/out-2008.tbx"; do
    echo "$(basename "$out"): $(grep -o '<\(termEntry\|conceptEntry\) ' "$out" | wc -l) entries"
  done
fi
