#!/bin/sh
# Whole-process cost of the text report's source excerpts on a file that is
# one long line (as termbase exports are): `termgraph check` against
# `termgraph check --no-source` on a generated one-line native vocabulary
# whose every entry has a dangling reference, each run three times, and the
# ratio of their median CPU time (user + system), and the same check on the
# entries one per line. With excerpts and positions found from
# the line index both ratios stay near 1 whatever the line's length;
# rescanning the line for each finding made it hundreds.
#
#   scripts/bench-report.sh [entries] [termgraph]
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
entries=${1:-20000}
termgraph=${2:-"$root/build/release/termgraph"}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$entries" "$work/oneline.xml" <<'PY'
import sys
n, out = int(sys.argv[1]), sys.argv[2]
pad = " ".join(f"word{i}" for i in range(70))
parts = ['<?xml version="1.0" encoding="UTF-8"?>'
         '<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">']
for i in range(1, n + 1):
    parts.append(f'<entry number="3.{i}"><term>term \u00e9 {i}</term>'
                 f'<definition>thing {pad} cited as (9.{i})</definition></entry>')
parts.append("</vocabulary>\n")
with open(out, "w", encoding="utf-8") as f:
    f.write("".join(parts))
# The same entries one per line: the baseline of the one-line layout.
with open(out.replace("oneline", "lines"), "w", encoding="utf-8") as f:
    f.write("\n".join(parts))
PY
echo "input: one line, $entries findings, $(wc -c <"$work/oneline.xml") bytes"

measure() {
  /usr/bin/time -f '%U %S' -o "$work/time" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$work/time" | awk '{ printf "%.3f\n", $1 + $2 }'
}
median() { sort -n | sed -n 2p; }

for i in 1 2 3; do
  measure "$termgraph" check "$work/oneline.xml" >>"$work/source"
  measure "$termgraph" check --no-source "$work/oneline.xml" >>"$work/plain"
  measure "$termgraph" check --no-source "$work/lines.xml" >>"$work/lines"
done
s=$(median <"$work/source")
p=$(median <"$work/plain")
l=$(median <"$work/lines")
awk -v s="$s" -v p="$p" -v l="$l" 'BEGIN {
  printf "check: %.3f s CPU\ncheck --no-source: %.3f s CPU\n", s, p
  printf "check --no-source, one entry per line: %.3f s CPU\n", l
  if (p >= 0.05) printf "ratio, source excerpts: %.2fx\n", s / p
  else print "ratio, source excerpts: not measurable (under 0.05 s; give more entries)"
  if (l >= 0.05) printf "ratio, one line against one entry per line: %.2fx\n", p / l
  else print "ratio, one line: not measurable (under 0.05 s; give more entries)"
}'
