#!/usr/bin/env bash
# Installs what termgraph needs to build and test, on Debian (12 or later)
# and derivatives, with apt-get. Only missing packages are installed; when
# nothing is missing, nothing is run as root and the network is not used.
set -euo pipefail

packages=(
  build-essential   # C++17 compiler, make
  cmake             # 3.25 or later
  libicu-dev        # Unicode normalisation and case folding
  libpugixml-dev    # XML parsing
  libgtest-dev      # unit tests
  libbenchmark-dev  # the benchmarks (built and run briefly in CI so that they keep building)
  libcli11-dev      # the termgraph tool's command line
  nlohmann-json3-dev  # the termgraph tool's JSON output
  libtomlplusplus-dev  # the termgraph tool's configuration file (.termgraph.toml)
  libgraphviz-dev   # optional: SVG pictures (render_svg, `termgraph graph --format svg`); without it, DOT only
  graphviz          # the dot program: the graph tests check that the DOT parses (tests/cli/graph.py)
  python3-jsonschema  # the SARIF report is validated against its schema
  python3-yaml      # the YAML of docs/ci.md and .pre-commit-hooks.yaml is parsed (tests/cli/ci_docs.py)
  raptor2-utils     # rapper: `convert --to skos` output is parsed as Turtle (tests/cli/rdf_export.py)
  python3-rdflib    # the Turtle and JSON-LD outputs are parsed and compared (same test)
  libxml2-utils     # xmllint: the schema tests
  zsh               # the generated zsh completion is parsed (tests/cli/completion.py)
  groff-base        # the generated manual page is rendered, warnings are failures (same test)
  python3           # test drivers, scripts/gen-sts.py
  pkg-config        # the packaging tests: the installed termgraph.pc
  doxygen           # the API reference (docs target, docs.api test)
  gcovr             # line coverage report (scripts/coverage.sh, coverage preset)
  clang             # libFuzzer harnesses (scripts/fuzz-smoke.sh)
  libclang-rt-dev   # clang's libFuzzer and sanitizer runtimes (libclang-rt-14-dev on Debian 12)
  chromium          # the HTML site opened headless from file:// (tests/browser/check_site.py)
  neovim            # a real LSP client for `termgraph lsp`, headless (tests/lsp/nvim.py)
  tmux              # the recorded editor session (scripts/record-editor-session.sh, docs/editors/)
  nodejs            # the VS Code extension's test (tests/lsp/vscode_extension.js); packaging it also needs npm
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages are installed"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps: apt-get not found; install these with your package manager:" >&2
  echo "  ${missing[*]}" >&2
  exit 1
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "install-deps: not root and no sudo; as root, run:" >&2
    echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  sudo=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update
"${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
