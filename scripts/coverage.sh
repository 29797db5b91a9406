#!/usr/bin/env bash
# Line coverage of src/ (library and tool): prints gcovr's table per file and
# the total, and fails when the total is under the threshold.
#
#   scripts/coverage.sh [BUILD_DIR]
#       builds the coverage preset (gcc --coverage, -O0) in BUILD_DIR
#       (default build/coverage), runs the test suite, then reports;
#   scripts/coverage.sh --report BUILD_DIR
#       only reports the counters an earlier run left in BUILD_DIR: CI runs
#       the suite once, under the asan preset (gcc -O1 with gcov counters),
#       and reads its coverage with this.
#
# The packaging tests are left out: their consumer projects build their own
# termgraph, whose counters would not be this build's.
#
# TERMGRAPH_COVERAGE_MIN sets the threshold in percent (default 90). The
# report is also written as HTML to BUILD_DIR/coverage/index.html. Needs gcovr
# (scripts/install-deps.sh installs it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

report_only=0
if [ "${1:-}" = "--report" ]; then
  report_only=1
  shift
  if [ $# -ne 1 ]; then
    echo "usage: scripts/coverage.sh [BUILD_DIR] | --report BUILD_DIR" >&2
    exit 2
  fi
fi
build=${1:-build/coverage}
min=${TERMGRAPH_COVERAGE_MIN:-90}

if ! command -v gcovr >/dev/null 2>&1; then
  echo "coverage: gcovr not found (scripts/install-deps.sh installs it)" >&2
  exit 2
fi

status=0
if [ "$report_only" -eq 1 ]; then
  if [ -z "$(find "$build" -name '*.gcda' -print -quit 2>/dev/null)" ]; then
    echo "coverage: no counters (.gcda) in $build: build it with TERMGRAPH_COVERAGE=ON and run its tests first" >&2
    exit 2
  fi
else
  cmake --preset coverage -B "$build"
  cmake --build "$build" -j2
  # Counters from an earlier run would add to this one's.
  find "$build" -name '*.gcda' -delete
  ctest --test-dir "$build" -j2 --output-on-failure --no-tests=error --timeout 600 \
    -E '^packaging\.' || status=$?
fi

mkdir -p "$build/coverage"
echo
echo "== line coverage of src/ (minimum ${min}%) =="
# gcov runs in the build tree; only files under src/ count (not tests/,
# examples/, nor system headers).
coverage_status=0
timeout 900 gcovr --root . --filter 'src/' --object-directory "$build" \
  --txt - --html-details "$build/coverage/index.html" \
  --print-summary --fail-under-line "$min" "$build" || coverage_status=$?

if [ "$status" -ne 0 ]; then
  echo "coverage: some tests failed (ctest status $status)" >&2
  exit "$status"
fi
if [ "$coverage_status" -ne 0 ]; then
  echo "coverage: line coverage of src/ is under ${min}% (gcovr status $coverage_status)" >&2
  exit "$coverage_status"
fi
