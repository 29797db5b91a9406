#!/usr/bin/env python3
"""The Neovim configuration of docs/editors.md works as documented.

Usage: nvim_snippet.py TERMGRAPH [WORKDIR]

- docs/editors.md shows docs/editors/init.lua and init-0.8.lua verbatim, and
  the screens of docs/editors/ (scripts/record-editor-session.sh) as they are;
- both snippets parse (Neovim's Lua);
- Neovim (headless) with docs/editors/init.lua as its only configuration and
  `termgraph` in PATH, as the snippet expects it, on a copy of
  tests/lsp/workspace: opening glossary.xml starts one termgraph server
  rooted at the folder holding .termgraph.toml, shows the findings, maps
  K / gd / gr / <leader>rn in the buffer; yard.csv and cranes.tbx join the
  same server; a .tbx file is XML to Neovim.

Exit status 0 when all holds, 1 otherwise, 77 (skipped) without nvim (the
checks of the documentation alone still run then, and fail with 1).
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DOCS = os.path.join(ROOT, "docs")
WORKSPACE = os.path.join(HERE, "workspace")
TIMEOUT = 30

failures = []


def check(cond, what, detail=""):
    print(("ok: " if cond else "FAILED: ") + what + ("" if cond or not detail else f" -- {detail}"))
    if not cond:
        failures.append(what)
    return cond


LUA = r"""
local ws = os.getenv('TG_WORKSPACE')
local failed = 0
local function check(cond, what, detail)
  io.stdout:write((cond and 'ok: ' or 'FAILED: ') .. what
    .. ((not cond and detail) and (' -- ' .. detail) or '') .. '\n')
  if not cond then failed = failed + 1 end
end
local function clients_of(buf)
  local out = {}
  for id, client in pairs(vim.lsp.buf_get_clients(buf)) do
    out[#out + 1] = { id = id, name = client.name, root = client.config.root_dir }
  end
  return out
end
local function mapped(lhs)
  local m = vim.fn.maparg(lhs, 'n', false, true)
  return m and m.buffer == 1 and (m.callback ~= nil or (m.rhs or '') ~= '')
end

vim.cmd('edit ' .. vim.fn.fnameescape(ws .. '/glossary.xml'))
local main = vim.api.nvim_get_current_buf()
vim.wait(8000, function() return #vim.diagnostic.get(main) > 0 end, 20)
check(#vim.diagnostic.get(main) > 0, 'glossary.xml: the findings are shown',
  'no diagnostics; clients: ' .. vim.inspect(clients_of(main)))
local first = clients_of(main)
check(#first == 1 and first[1].name == 'termgraph', 'glossary.xml: one termgraph client attached',
  vim.inspect(first))
check(first[1] and vim.loop.fs_realpath(first[1].root) == vim.loop.fs_realpath(ws),
  'its root is the folder holding .termgraph.toml', vim.inspect(first))
for _, lhs in ipairs({ 'K', 'gd', 'gr', '<leader>rn', '<leader>ca', ']d', '[d' }) do
  check(mapped(lhs), 'glossary.xml: ' .. lhs .. ' is mapped in the buffer')
end
check(vim.bo[main].omnifunc == 'v:lua.vim.lsp.omnifunc', 'glossary.xml: omnifunc is the LSP one')
for _, name in ipairs({ 'yard.csv', 'cranes.tbx' }) do
  vim.cmd('edit ' .. vim.fn.fnameescape(ws .. '/' .. name))
  local these = clients_of(0)
  check(#these == 1 and first[1] and these[1].id == first[1].id,
    name .. ': attached to the same server', vim.inspect(these))
end
check(vim.bo.filetype == 'xml', 'cranes.tbx: filetype xml', vim.bo.filetype)
vim.cmd(failed == 0 and 'qall!' or 'cquit 1')
"""


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    tg = os.path.abspath(sys.argv[1])
    doc = open(os.path.join(DOCS, "editors.md"), encoding="utf-8").read()
    for name in ("init.lua", "init-0.8.lua"):
        snippet = open(os.path.join(DOCS, "editors", name), encoding="utf-8").read()
        check(f"```lua\n{snippet}```" in doc, f"docs/editors.md shows docs/editors/{name} verbatim")
    for name in ("neovim-diagnostics.txt", "neovim-hover.txt", "neovim-definition.txt"):
        screen = open(os.path.join(DOCS, "editors", name), encoding="utf-8").read().rstrip("\n")
        check(f"<!-- capture: {name} -->\n```text\n{screen}\n```\n<!-- end capture -->" in doc,
              f"docs/editors.md shows docs/editors/{name} as recorded")

    nvim = shutil.which("nvim")
    if nvim is None:
        print("nvim not found: the snippet is not run")
        return 1 if failures else 77

    parent = sys.argv[2] if len(sys.argv) > 2 else None
    if parent:
        os.makedirs(parent, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tg-snippet-", dir=parent) as tmp:
        for name in ("init.lua", "init-0.8.lua"):
            run = subprocess.run(
                [nvim, "--headless", "--clean", "-c",
                 "lua local f, e = loadfile(%r) if not f then io.stdout:write(e) vim.cmd('cquit 1') end"
                 % os.path.join(DOCS, "editors", name), "-c", "qall!"],
                capture_output=True, text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
            check(run.returncode == 0, f"docs/editors/{name} parses", run.stdout + run.stderr)

        ws = os.path.realpath(os.path.join(tmp, "workspace"))
        shutil.copytree(WORKSPACE, ws)
        bin_dir = os.path.join(tmp, "bin")
        os.makedirs(bin_dir)
        os.symlink(tg, os.path.join(bin_dir, "termgraph"))
        script = os.path.join(tmp, "check.lua")
        with open(script, "w", encoding="utf-8") as f:
            f.write(LUA)
        env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""),
                   TG_WORKSPACE=ws,
                   **{k: os.path.join(tmp, k.lower()) for k in
                      ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")})
        cmd = [nvim, "--headless", "-u", os.path.join(DOCS, "editors", "init.lua"), "-i", "NONE", "-n",
               "-c", "lua local ok, e = pcall(dofile, %r) if not ok then io.stdout:write('FAILED: '"
               " .. tostring(e) .. '\\n') vim.cmd('cquit 1') end" % script, "-c", "cquit 3"]
        try:
            run = subprocess.run(cmd, cwd=ws, env=env, capture_output=True, text=True,
                                 timeout=TIMEOUT, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as e:
            print(e.stdout.decode() if isinstance(e.stdout, bytes) else (e.stdout or ""))
            check(False, f"Neovim with docs/editors/init.lua finishes within {TIMEOUT} s")
            return 1
        sys.stdout.write(run.stdout)
        if run.stderr.strip():
            print("nvim stderr:\n" + run.stderr)
        check(run.returncode == 0, "Neovim with docs/editors/init.lua: all of the above",
              f"nvim exited with {run.returncode}")

    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
