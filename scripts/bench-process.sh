#!/usr/bin/env bash
# Whole-process comparison of `termgraph check --format json` with a bare
# pugixml parse of the same file (bench/parse_baseline.cpp) and with
# `xmllint --noout` (well-formedness only), on generated vocabularies.
# Each command runs RUNS times, alternating with the others, so that the
# machine's noise falls on all of them alike; the script prints the median
# CPU time (user + system), wall time and peak memory of each, and their
# ratios. Figures are only comparable within one run: the machines are
# shared and noisy.
#
#   scripts/bench-process.sh [--sizes "100000 1000000"] [--formats "sts tbx native"]
#                            [--runs N] [--seed S] [--keep DIR] [build-dir]
#       For each size, scripts/gen-sts.py writes an STS clause with planted
#       cycles and dangling references (and their list); `termgraph convert`
#       writes the same vocabulary as TBX and as native XML. For each
#       format, the findings of `check` are compared with the planted ones
#       (scripts/compare-findings.py) before anything is timed. With both
#       sizes, the CPU time of check at the larger is also given as a
#       multiple of that at the smaller. Defaults: sizes 100000 and 1000000,
#       every format, 3 runs, gen-sts.py's seed; build-dir build-bench.
#   scripts/bench-process.sh --files N [--sizes ENTRIES] [--runs N] [--seed S] [build-dir]
#       one vocabulary of ENTRIES entries (default 100000) split into N STS
#       files (gen-sts.py --files): `check -j 1` (one thread) against
#       `check` (every core), wall and CPU time, after checking that both
#       report the planted findings and the same report byte for byte. The
#       machine's own ceiling is measured beside them: `check -j 1` on each
#       half of the files, the two halves at once against one after the
#       other (no program does better on this machine).
#   scripts/bench-process.sh --tbx2008 [entries] [build-dir]
#       a generated two-language TBX 2008 export (scripts/gen-tbx.py, English
#       and Arabic, subject fields and transactions, 5000 entries by
#       default): `check --format json` (load and check), `convert --to tbx`
#       and `convert --to tbx2008`, each a whole process, against the parse.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
mode=sizes
sizes="100000 1000000"
formats="sts tbx native"
runs=${RUNS:-3}
seed=""
keep=""
entries=""
build="$root/build-bench"
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --formats) formats=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    --tbx2008) mode=tbx2008; shift ;;
    --files) mode=files; file_count=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *)
      if [ "$mode" = tbx2008 ] && [ -z "$entries" ] && [[ $1 =~ ^[0-9]+$ ]]; then
        entries=$1
      elif [ "$mode" = sizes ] && [[ $1 =~ ^[0-9]+$ ]]; then
        sizes=$1  # the former usage: bench-process.sh ENTRIES [build-dir]
      else
        build=$1
      fi
      shift ;;
  esac
done

"$root/scripts/bench-build.sh" "$build" termgraph-cli termgraph_parse_baseline
termgraph="$build/termgraph"
parse="$build/bench/termgraph_parse_baseline"

if [ -n "$keep" ]; then
  mkdir -p "$keep"
  work=$(cd "$keep" && pwd)
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

# measure FILE COMMAND...: appends "cpu wall peak_kb" of one run of COMMAND
# (its output thrown away; check exits 1 on errors, which is not a failure).
measure() {
  local out=$1
  shift
  /usr/bin/time -f '%U %S %e %M' -o "$work/time" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$work/time" | awk '{ printf "%.3f %.3f %d\n", $1 + $2, $3, $4 }' >>"$out"
}

# median FILE COLUMN: the median of a column of numbers.
median() {
  cut -d' ' -f"$2" "$1" | sort -g | awk '{ v[NR] = $1 } END {
    if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# row NAME FILE BASE_FILE: one line of the table, with ratios to BASE_FILE.
row() {
  local c w m bc bw bm
  c=$(median "$2" 1) w=$(median "$2" 2) m=$(median "$2" 3)
  bc=$(median "$3" 1) bw=$(median "$3" 2) bm=$(median "$3" 3)
  awk -v n="$1" -v c="$c" -v w="$w" -v m="$m" -v bc="$bc" -v bw="$bw" -v bm="$bm" 'BEGIN {
    printf "  %-26s %8.3f %8.3f %9.1f   %6.2fx %6.2fx %6.2fx\n", n, c, w, m / 1024,
      (bc > 0 ? c / bc : 0), (bw > 0 ? w / bw : 0), (bm > 0 ? m / bm : 0) }'
}

header() {
  printf "  %-26s %8s %8s %9s   %7s %7s %7s\n" "" "CPU s" "wall s" "peak MiB" "CPU" "wall" "memory"
}

# generate SIZE: the STS file of SIZE entries, its planted findings, and
# the same vocabulary as TBX and native XML.
generate() {
  local n=$1
  local seed_args=()
  [ -n "$seed" ] && seed_args=(--seed "$seed")
  python3 "$root/scripts/gen-sts.py" --entries "$n" "${seed_args[@]}" \
    --out "$work/sts-$n.xml" --expected "$work/expected-$n.json"
  for f in $formats; do
    case "$f" in
      sts) ;;
      tbx) "$termgraph" convert --to tbx -o "$work/tbx-$n.tbx" "$work/sts-$n.xml" 2>/dev/null || true ;;
      native) "$termgraph" convert --to native -o "$work/native-$n.xml" "$work/sts-$n.xml" \
        2>/dev/null || true ;;
      *) echo "bench-process: unknown format '$f' (sts, tbx or native)" >&2; exit 2 ;;
    esac
  done
}

input_of() {
  case "$1" in
    sts) echo "$work/sts-$2.xml" ;;
    tbx) echo "$work/tbx-$2.tbx" ;;
    native) echo "$work/native-$2.xml" ;;
  esac
}

run_sizes() {
  local n f input
  for n in $sizes; do
    generate "$n"
    for f in $formats; do
      input=$(input_of "$f" "$n")
      echo "== $f, $n entries, $(wc -c <"$input") bytes"
      "$termgraph" check --format json "$input" >"$work/report.json" 2>/dev/null || true
      python3 "$root/scripts/compare-findings.py" "$work/report.json" "$work/expected-$n.json" \
        "$input" | sed 's/^/  findings: /'
      rm -f "$work/$f-$n.parse" "$work/$f-$n.xmllint" "$work/$f-$n.check"
      for _ in $(seq "$runs"); do
        measure "$work/$f-$n.parse" "$parse" "$input"
        measure "$work/$f-$n.xmllint" xmllint --noout --huge "$input"
        measure "$work/$f-$n.check" "$termgraph" check --format json "$input"
      done
      echo "  medians of $runs runs; ratios to the bare pugixml parse:"
      header
      row "pugixml parse" "$work/$f-$n.parse" "$work/$f-$n.parse"
      row "xmllint --noout" "$work/$f-$n.xmllint" "$work/$f-$n.parse"
      row "termgraph check" "$work/$f-$n.check" "$work/$f-$n.parse"
      awk -v c="$(median "$work/$f-$n.check" 1)" -v x="$(median "$work/$f-$n.xmllint" 1)" \
        'BEGIN { printf "  termgraph check CPU / xmllint CPU: %.2fx\n", (x > 0 ? c / x : 0) }'
    done
  done
  # Growth: CPU time of check at the largest size over the smallest.
  local small large
  small=$(echo "$sizes" | tr ' ' '\n' | sort -n | head -n 1)
  large=$(echo "$sizes" | tr ' ' '\n' | sort -n | tail -n 1)
  if [ "$small" != "$large" ]; then
    for f in $formats; do
      awk -v f="$f" -v s="$small" -v l="$large" -v cs="$(median "$work/$f-$small.check" 1)" \
        -v cl="$(median "$work/$f-$large.check" 1)" -v ml="$(median "$work/$f-$large.check" 3)" \
        'BEGIN { printf "%s: check CPU at %d entries = %.2fx that at %d; peak %.0f MiB\n",
                 f, l, (cs > 0 ? cl / cs : 0), s, ml / 1024 }'
    done
  fi
}

run_files() {
  local n=${sizes%% *}
  [ "$sizes" = "100000 1000000" ] && n=100000
  local seed_args=()
  [ -n "$seed" ] && seed_args=(--seed "$seed")
  python3 "$root/scripts/gen-sts.py" --entries "$n" --files "$file_count" "${seed_args[@]}" \
    --out "$work/part.xml" --expected "$work/expected-files.json"
  local files=() k
  for k in $(seq "$file_count"); do files+=("$work/part-$k.xml"); done
  local half=$((file_count / 2))
  local first=("${files[@]:0:half}") second=("${files[@]:half}")
  echo "== $file_count STS files, $n entries in all, $(cat "${files[@]}" | wc -c) bytes"
  "$termgraph" check --format json -j 1 "${files[@]}" >"$work/one.json" 2>/dev/null || true
  "$termgraph" check --format json "${files[@]}" >"$work/all.json" 2>/dev/null || true
  python3 "$root/scripts/compare-findings.py" "$work/all.json" "$work/expected-files.json" \
    "${files[@]}" | sed 's/^/  findings: /'
  if cmp -s "$work/one.json" "$work/all.json"; then
    echo "  -j 1 and every core: the same report, byte for byte"
  else
    echo "  FAIL: -j 1 and every core report differently"
  fi
  rm -f "$work/j1" "$work/jall" "$work/halves-serial" "$work/halves-parallel"
  for _ in $(seq "$runs"); do
    measure "$work/j1" "$termgraph" check --format json -j 1 "${files[@]}"
    measure "$work/jall" "$termgraph" check --format json "${files[@]}"
    measure "$work/halves-serial" bash -c '
      t=$1; h=$2; shift 2
      "$t" check --format json -j 1 "${@:1:h}" >/dev/null 2>&1
      "$t" check --format json -j 1 "${@:h+1}" >/dev/null 2>&1; true' _ \
      "$termgraph" "$half" "${files[@]}"
    measure "$work/halves-parallel" bash -c '
      t=$1; h=$2; shift 2
      "$t" check --format json -j 1 "${@:1:h}" >/dev/null 2>&1 &
      "$t" check --format json -j 1 "${@:h+1}" >/dev/null 2>&1; wait; true' _ \
      "$termgraph" "$half" "${files[@]}"
  done
  echo "  medians of $runs runs; ratios to check -j 1 (cores: $(nproc)):"
  header
  row "check -j 1" "$work/j1" "$work/j1"
  row "check (every core)" "$work/jall" "$work/j1"
  echo "  the machine's ceiling: two one-thread checks of half the files each, ratios to"
  echo "  the same two one after the other:"
  row "halves, one after other" "$work/halves-serial" "$work/halves-serial"
  row "halves, at once" "$work/halves-parallel" "$work/halves-serial"
}

run_tbx2008() {
  local n=${entries:-5000}
  local input="$work/export.tbx"
  python3 "$root/scripts/gen-tbx.py" --entries "$n" --script ar --out "$input"
  echo "input: $n entries, $(wc -c <"$input") bytes"
  # time(1) counts in 10 ms steps, about as long as the parse of a small
  # file: each measurement is of 10 processes in a row.
  rm -f "$work/parse" "$work/check" "$work/to-tbx" "$work/to-tbx2008"
  for _ in $(seq "$runs"); do
    measure "$work/parse" bash -c 'for i in 1 2 3 4 5 6 7 8 9 10; do "$@" || true; done' _ "$parse" "$input"
    measure "$work/check" bash -c 'for i in 1 2 3 4 5 6 7 8 9 10; do "$@" || true; done' _ \
      "$termgraph" check --format json "$input"
    measure "$work/to-tbx" bash -c 'for i in 1 2 3 4 5 6 7 8 9 10; do "$@" || true; done' _ \
      "$termgraph" convert --to tbx -o "$work/out.tbx" "$input"
    measure "$work/to-tbx2008" bash -c 'for i in 1 2 3 4 5 6 7 8 9 10; do "$@" || true; done' _ \
      "$termgraph" convert --to tbx2008 -o "$work/out-2008.tbx" "$input"
  done
  echo "medians of $runs runs of 10 processes each; ratios to the bare pugixml parse:"
  header
  row "pugixml parse" "$work/parse" "$work/parse"
  row "termgraph check" "$work/check" "$work/parse"
  row "termgraph convert --to tbx" "$work/to-tbx" "$work/parse"
  row "termgraph convert --to tbx2008" "$work/to-tbx2008" "$work/parse"
  # What was written is what was read: the entry count of each output.
  for out in "$work/out.tbx" "$work/out-2008.tbx"; do
    echo "$(basename "$out"): $(grep -o '<\(termEntry\|conceptEntry\) ' "$out" | wc -l) entries"
  done
}

case "$mode" in
  sizes) run_sizes ;;
  tbx2008) run_tbx2008 ;;
  files) run_files ;;
esac
