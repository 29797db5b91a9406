#!/usr/bin/env bash
# Records what a user sees in Neovim with termgraph's language server: real
# Neovim (not headless) in a detached tmux session of fixed size, configured
# with exactly the init.lua snippet of docs/editors.md (docs/editors/init.lua),
# on a copy of the LSP test workspace (tests/lsp/workspace). Three screens
# are captured as text (tmux capture-pane) into docs/editors/:
#   neovim-diagnostics.txt  glossary.xml opened: findings as signs and virtual text
#   neovim-hover.txt        K on a reference: the cited entry in a floating window
#   neovim-definition.txt   gd on a reference to an entry of another file
#
# Usage: scripts/record-editor-session.sh [TERMGRAPH] [OUTDIR]
#   TERMGRAPH  the program (default: build/ci/termgraph, else build/release/termgraph)
#   OUTDIR     where the captures go (default: docs/editors)
# Needs nvim and tmux (scripts/install-deps.sh). Exit status 0 when every
# screen was captured, 1 when one did not show what it should in time.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
tg=${1:-}
if [ -z "$tg" ]; then
  for candidate in "$root/build/ci/termgraph" "$root/build/release/termgraph"; do
    if [ -x "$candidate" ]; then tg=$candidate; break; fi
  done
fi
out=${2:-$root/docs/editors}
init=$root/docs/editors/init.lua
for program in nvim tmux; do
  command -v "$program" >/dev/null || { echo "record-editor-session: $program not found (scripts/install-deps.sh)" >&2; exit 1; }
done
if [ -z "$tg" ] || [ ! -x "$tg" ]; then
  echo "record-editor-session: no termgraph program; give its path" >&2
  exit 1
fi
tg=$(cd "$(dirname "$tg")" && pwd)/$(basename "$tg")
if ! timeout 10 "$tg" lsp --help </dev/null >/dev/null 2>&1; then
  echo "record-editor-session: $tg has no lsp command" >&2
  exit 1
fi

# The snippet shown in the documentation is the one used here.
python3 - "$init" "$root/docs/editors.md" <<'EOF'
import sys
snippet, doc = (open(p, encoding="utf-8").read() for p in sys.argv[1:3])
if snippet.strip() not in doc:
    sys.exit(f"record-editor-session: {sys.argv[1]} is not in {sys.argv[2]} verbatim; update the docs")
EOF

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tg-record.XXXXXX")
socket=termgraph-record-$$
cleanup() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

cp -r "$root/tests/lsp/workspace" "$tmp/workspace"
mkdir -p "$tmp/bin" "$tmp/config" "$tmp/data" "$tmp/state" "$tmp/cache" "$out"
# `termgraph` in PATH, as the snippet expects it.
ln -s "$tg" "$tmp/bin/termgraph"

width=160 height=40
# A private tmux server (-L) with no user configuration (-f /dev/null);
# Neovim with the snippet as its whole configuration, no shada, no swap.
tmux -L "$socket" -f /dev/null new-session -d -s rec -x "$width" -y "$height" \
  "cd '$tmp/workspace' && env PATH='$tmp/bin:$PATH' TERM=xterm-256color \
     XDG_CONFIG_HOME='$tmp/config' XDG_DATA_HOME='$tmp/data' XDG_STATE_HOME='$tmp/state' \
     XDG_CACHE_HOME='$tmp/cache' nvim -u '$init' -i NONE -n glossary.xml"
tmux -L "$socket" set-option -t rec status off >/dev/null

screen() {
  tmux -L "$socket" capture-pane -p -t rec | sed -e 's/[[:space:]]*$//'
}

# Waits (up to 20 s) until the screen shows the fixed string $1.
wait_for() {
  local i
  for i in $(seq 1 200); do
    if screen | grep -qF -- "$1"; then
      sleep 0.3 # let the redraw finish
      return 0
    fi
    sleep 0.1
  done
  echo "record-editor-session: the screen never showed '$1'; it shows:" >&2
  screen >&2
  return 1
}

keys() {
  tmux -L "$socket" send-keys -t rec "$@"
}

save() {
  screen >"$out/$1"
  echo "record-editor-session: wrote $out/$1"
}

# (a) The diagnostics of the file: signs and virtual text. Long lines are
# not wrapped (a display choice for the capture, not part of the snippet);
# the window shows the entries from "cargo" on, with every planted finding,
# the cursor on the dangling reference.
wait_for "circular definition"
keys ":set nowrap" Enter
keys ":call search('id=\"cargo\"')" Enter z t
keys ":call search('(5\\.99)')" Enter C-l
wait_for "reference to 5.99"
save neovim-diagnostics.txt

# (b) Hover: the cursor on the reference to vessel (5.4), then K.
keys ":call search('to=\"5.4\">\\zsvessel')" Enter C-l
keys K
wait_for "ship that carries goods"
save neovim-hover.txt

# (c) Go to definition: the cursor on "stevedore (5.10)", then gd: entry
# 5.10 is in services.xml (NISO STS).
keys Escape ":call search('stevedore (5\\.10)')" Enter C-l
sleep 0.3
keys g d
wait_for 'sec_5.10'
# The file's name at the bottom, relative to the workspace (:cd shortens
# the names of the buffers opened by absolute path).
keys ":exe 'cd' fnameescape(getcwd())" Enter ":file" Enter
sleep 0.5
save neovim-definition.txt

keys Escape ":qa!" Enter

# The screens in docs/editors.md, between <!-- capture: NAME --> and
# <!-- end capture -->, are replaced by the new ones.
if [ "$out" = "$root/docs/editors" ]; then
  python3 - "$root/docs/editors.md" "$out" <<'EOF'
import os, re, sys
doc, out = sys.argv[1:3]
text = open(doc, encoding="utf-8").read()
def block(m):
    screen = open(os.path.join(out, m.group(1)), encoding="utf-8").read().rstrip("\n")
    return f"<!-- capture: {m.group(1)} -->\n```text\n{screen}\n```\n<!-- end capture -->"
new, n = re.subn(r"<!-- capture: (\S+) -->\n.*?<!-- end capture -->", block, text, flags=re.S)
open(doc, "w", encoding="utf-8").write(new)
print(f"record-editor-session: updated {n} screens in {doc}")
EOF
fi
