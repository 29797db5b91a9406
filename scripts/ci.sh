#!/usr/bin/env bash
# The whole CI job, stage by stage (README's test command runs it after
# scripts/install-deps.sh; .ci/run runs that command):
#
#   ci        the normal build, warnings are errors, and the whole test suite
#   asan      the test suite (all but packaging) under AddressSanitizer +
#             UBSan, built with gcov counters
#   tsan      the multi-threaded readers tests under ThreadSanitizer
#   fuzz      each libFuzzer harness for a few seconds (scripts/fuzz-smoke.sh)
#   coverage  line coverage of src/ in the asan stage's run, printed, at
#             least 90% (scripts/coverage.sh --report build/asan)
#
# One instrumented build serves both the sanitizers and coverage: a separate
# -O0 coverage build and run of the suite would add about ten minutes on two
# cores (scripts/coverage.sh alone still does that, for exact line counts).
#
#   scripts/ci.sh [STAGE...]     (default: every stage, in that order)
#
# Every stage runs even when an earlier one failed; the exit status is 1 when
# any failed. A summary with each stage's result and time comes last.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

all_stages=(ci asan tsan fuzz coverage)
stages=("$@")
[ ${#stages[@]} -eq 0 ] && stages=("${all_stages[@]}")

stage_ci() { cmake --preset ci && cmake --build --preset ci && ctest --preset ci; }
stage_asan() {
  find build/asan -name '*.gcda' -delete 2>/dev/null
  cmake --preset asan && cmake --build --preset asan && ctest --preset asan
}
stage_tsan() { cmake --preset tsan && cmake --build --preset tsan && ctest --preset tsan; }
stage_fuzz() { bash scripts/fuzz-smoke.sh; }
stage_coverage() { bash scripts/coverage.sh --report build/asan; }

results=()
failed=0
start_all=$SECONDS
for stage in "${stages[@]}"; do
  case " ${all_stages[*]} " in
    *" $stage "*) ;;
    *)
      echo "ci: unknown stage '$stage' (stages: ${all_stages[*]})" >&2
      exit 2
      ;;
  esac
  echo
  echo "==== ci: stage $stage ===="
  start=$SECONDS
  if "stage_$stage"; then
    result=passed
  else
    result="FAILED (status $?)"
    failed=1
  fi
  elapsed=$((SECONDS - start))
  echo "==== ci: stage $stage $result in ${elapsed} s ===="
  results+=("$(printf '%-9s %-20s %5d s' "$stage" "$result" "$elapsed")")
done

echo
echo "== ci summary ($((SECONDS - start_all)) s in all) =="
printf '%s\n' "${results[@]}"
exit "$failed"
