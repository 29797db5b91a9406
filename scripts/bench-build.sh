#!/bin/sh
# Configures a Release build with the benchmarks in BUILD-DIR and builds the
# targets named; the other bench-*.sh scripts start with it. One configuration
# for all of them, so that they can share a build directory.
#
#   scripts/bench-build.sh BUILD-DIR TARGET...
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: bench-build.sh BUILD-DIR TARGET...}
shift

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DTERMGRAPH_BUILD_BENCHMARKS=ON \
  -DTERMGRAPH_BUILD_TESTS=OFF -DTERMGRAPH_BUILD_EXAMPLES=OFF -DTERMGRAPH_BUILD_TOOLS=ON \
  -DTERMGRAPH_INSTALL=OFF >/dev/null
cmake --build "$build" --target "$@" -j "${JOBS:-2}" >/dev/null
