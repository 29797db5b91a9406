#!/usr/bin/env bash
# Saves what every termgraph command prints on the bundled vocabulary, the
# test data and the shared corpus, one file per call, so that a change of
# shape can be checked to keep behaviour:
#
#   scripts/snapshot-outputs.sh build/release/termgraph snapshot-before
#   ... change ...
#   scripts/snapshot-outputs.sh build/release/termgraph snapshot-after
#   diff -r snapshot-before snapshot-after
#
# Each output file holds the command line, its exit status, standard output
# and standard error. The corpus is read from ../shared/corpus when present.
set -uo pipefail

tool=${1:?usage: snapshot-outputs.sh TERMGRAPH OUTDIR}
out=${2:?usage: snapshot-outputs.sh TERMGRAPH OUTDIR}
# Both relative to where the script is called from.
tool=$(cd "$(dirname "$tool")" && pwd)/$(basename "$tool")
mkdir -p "$out"
out=$(cd "$out" && pwd)
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export TERMGRAPH_VOCAB=terms

n=0
run() {
  n=$((n + 1))
  local file
  file=$(printf '%s/%04d' "$out" "$n")
  {
    echo "\$ termgraph $*"
    "$tool" "$@" >"$file.stdout" 2>"$file.stderr"
    echo "exit $?"
    echo "--- stdout"
    cat "$file.stdout"
    echo "--- stderr"
    cat "$file.stderr"
  } >"$file.txt"
  rm -f "$file.stdout" "$file.stderr"
}

inputs=(terms terms/*.xml)
while IFS= read -r f; do inputs+=("$f"); done < <(find tests/data tests/cli/data examples/data -type f \( -name '*.xml' -o -name '*.tbx' -o -name '*.csv' \) | sort)
if [ -d ../shared/corpus ]; then
  while IFS= read -r f; do inputs+=("$f"); done < <(find ../shared/corpus -type f \( -name '*.xml' -o -name '*.tbx' \) | sort)
fi

for f in "${inputs[@]}"; do
  run check "$f"
  run check --no-source "$f"
  run check --format json "$f"
  for to in native sts tbx; do
    run convert --to "$to" "$f"
  done
done

queries=("smart contract" "3.66" "block" "Block" "ledger" "blok" "DLT" "3.2" "nonce" "zzz")
for q in "${queries[@]}"; do
  run lookup "$q"
  run lookup --lang fr "$q"
  run lookup --lang en "$q"
  run refs "$q"
done
for f in "${inputs[@]}"; do
  run lookup --vocab "$f" "3.1"
  run refs --vocab "$f" "3.1"
done
run --help
for c in check lookup refs convert; do run "$c" --help; done
echo "snapshot: $n calls saved in $out"
