#!/usr/bin/env python3
"""termgraph lsp with a real editor client: Neovim, headless.

Usage: nvim.py TERMGRAPH [WORKDIR]

Copies tests/lsp/workspace (native XML, NISO STS, TBX and CSV files citing
each other, with planted findings) to a temporary directory (under WORKDIR
when given), works out what to do and what to expect from the files and
from `termgraph check --format json` and `termgraph refs --format json`
(the scenario), runs `nvim --headless --clean` with tests/lsp/nvim_test.lua
against `TERMGRAPH lsp` there (diagnostics, hover, definition across files,
references, rename through vim.lsp.buf.rename, files written with :wall),
then checks here the files on disk after the rename and that
`termgraph check` on them finds nothing new.

Exit status 0 when every check passed, 1 otherwise, 77 (skipped) when nvim
is not installed.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
WORKSPACE = os.path.join(HERE, "workspace")
LUA = os.path.join(HERE, "nvim_test.lua")
TIMEOUT = 50  # seconds for the whole editor session (about 2 when all passes)

# What the editor does in the workspace, by the text it puts the cursor on
# (anchor, and how many bytes into it). Numbers and target lines are looked
# up with termgraph itself, so that an edit of the workspace moves them.
MAIN = "glossary.xml"                     # opened first; its diagnostics are compared
HOVER = ("glossary.xml", '<ref to="5.4">vessel</ref>', len('<ref to="5.4">v'), "5.4")
# A reference is the whole "term (number)" span in plain text, the whole
# element in markup: the cursor on the number or on the term both count.
DEFINITIONS = [                           # (file, anchor, offset, cited entry)
    ("glossary.xml", "stevedore (5.10)", len("stevedore (5.1"), "5.10"),  # native -> STS, on the number
    ("glossary.xml", "gantry crane (5.30)", len("gantry c"), "5.30"),     # native -> TBX, on the term
    ("services.xml", "berth (5.1)", len("be"), "5.1"),                    # STS entailedTerm -> native, on the term
]
NO_DEFINITIONS = [                        # (file, anchor, offset, what)
    ("glossary.xml", "<title>", 3, "in the title (no reference)"),
    ("glossary.xml", "pilot (5.99)", len("pilot (5.9"), "on the dangling reference (5.99)"),
]
# Typing over the number of the planted dangling reference (on a line with
# characters outside the BMP): file, anchor, offset, the number, a new one
TYPING = ("glossary.xml", "pilot (5.99)", len("pilot ("), "5.99", "5.1")
# file, anchor, offset, old number, new number (free, and in order between
# 5.3 and 5.5: no numbering-order finding), a taken number
RENAME = ("glossary.xml", '<entry number="5.4"', len('<entry number="5.'), "5.4", "5.4.1", "5.2")

failures = []


def check(cond, what, detail=""):
    if cond:
        print(f"ok: {what}")
    else:
        print(f"FAILED: {what}" + (f" -- {detail}" if detail else ""))
        failures.append(what)
    return cond


def termgraph_json(tg, folder, *args):
    run = subprocess.run([tg, *args], cwd=folder, capture_output=True, text=True, timeout=30)
    if run.returncode not in (0, 1) or not run.stdout.strip():
        raise SystemExit(f"FAILED: termgraph {' '.join(args)} ({run.returncode}): {run.stderr}")
    return json.loads(run.stdout)


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def byte_column(text, column):
    """The 0-based byte offset of the `column`-th code point (1-based) of a
    line: what Neovim's diagnostics hold."""
    return len(text[: column - 1].encode("utf-8"))


def token(number):
    """An entry number as a token: not inside a longer number (5.4 is not
    in 5.40 nor 15.4), wherever else it is (term_5.4, (5.4), to="5.4")."""
    return re.compile(r"(?<![0-9.])" + re.escape(number) + r"(?![0-9]|\.[0-9])")


def scenario(tg, ws):
    """What nvim_test.lua does and expects, from the workspace copy `ws`."""
    report = termgraph_json(tg, ws, "check", "--format", "json", ".")
    files = [os.path.basename(f) for f in report["files"]]
    texts = {n: read(os.path.join(ws, n)) for n in files}

    def place(file, anchor, offset):
        if anchor not in texts.get(file, ""):
            raise SystemExit(f"FAILED: the workspace changed: no {anchor!r} in {file} (tests/lsp/nvim.py)")
        return {"file": file, "anchor": anchor, "offset": offset}

    def entry(number):
        found = termgraph_json(tg, ws, "refs", "--vocab", ".", "--format", "json", number)["entries"]
        if len(found) != 1 or found[0]["number"] != number:
            raise SystemExit(f"FAILED: the workspace changed: entry {number} not found (tests/lsp/nvim.py)")
        return found[0]

    severities = {"error": 1, "warning": 2, "note": 3}
    lines = texts[MAIN].splitlines()
    diagnostics = sorted(
        ({"lnum": d["line"] - 1, "col": byte_column(lines[d["line"] - 1], d["column"]),
          "code": d["rule"], "severity": severities[d["severity"]], "severity_name": d["severity"],
          "message": d["message"], "related": len(d.get("related", []))}
         for d in report["diagnostics"] if os.path.basename(d["file"]) == MAIN),
        key=lambda d: (d["lnum"], d["col"], d["code"]))
    counts = {}
    for d in report["diagnostics"]:
        name = os.path.basename(d["file"])
        counts[name] = counts.get(name, 0) + 1

    entry(HOVER[3])
    lookup = termgraph_json(tg, ws, "lookup", "--vocab", ".", "--format", "json", HOVER[3])["entries"][0]
    english = lookup["languages"][0]
    hover = dict(place(*HOVER[:3]), expect=[
        HOVER[3], english["designations"][0]["text"], english["definition"]["text"]])

    definitions = []
    for file, anchor, offset, number in DEFINITIONS:
        e = entry(number)
        definitions.append(dict(place(file, anchor, offset), number=number,
                                target_file=os.path.basename(e["file"]), target_line=e["line"]))
    no_definitions = [dict(place(f, a, o), what=w) for f, a, o, w in NO_DEFINITIONS]

    typing = dict(place(*TYPING[:3]), old=TYPING[3], new=TYPING[4])
    if not texts[TYPING[0]][texts[TYPING[0]].index(TYPING[1]) + TYPING[2]:].startswith(TYPING[3]):
        raise SystemExit("FAILED: tests/lsp/nvim.py: TYPING does not point at " + TYPING[3])

    file, anchor, offset, old, new, taken = RENAME
    entry(old), entry(taken)
    if termgraph_json(tg, ws, "refs", "--vocab", ".", "--format", "json", new)["entries"]:
        raise SystemExit(f"FAILED: the workspace changed: {new} is an entry (tests/lsp/nvim.py)")
    citing = sorted(n for n in files if token(old).search(texts[n]))
    occurrences = sorted({f"{n}:{i}" for n in files
                          for i, line in enumerate(texts[n].splitlines(), 1) if token(old).search(line)})
    rename = dict(place(file, anchor, offset), old=old, new=new, taken=taken, files=citing)
    references = dict(place(file, anchor, offset), number=old, expect=occurrences)

    return report, texts, {
        "main": MAIN, "files": files, "counts": counts, "diagnostics": diagnostics,
        "hover": hover, "definitions": definitions, "no_definitions": no_definitions,
        "references": references, "typing": typing, "rename": rename,
    }


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    tg = os.path.abspath(sys.argv[1])
    nvim = shutil.which("nvim")
    if nvim is None:
        print("nvim not found: Neovim test skipped (apt-get install neovim)")
        return 77
    version = subprocess.run([nvim, "--version"], capture_output=True, text=True).stdout
    print(version.splitlines()[0] if version else "nvim: no version")

    parent = sys.argv[2] if len(sys.argv) > 2 else None
    if parent:
        os.makedirs(parent, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tg-nvim-", dir=parent) as tmp:
        ws = os.path.realpath(os.path.join(tmp, "workspace"))
        shutil.copytree(WORKSPACE, ws)
        report, before, plan = scenario(tg, ws)
        # The planted dangling reference must be among what the editor shows.
        check(any(d["code"] == "dangling-reference" for d in plan["diagnostics"]),
              f"{MAIN} has a planted dangling reference", json.dumps(plan["diagnostics"]))

        transcript = os.path.join(tmp, "lsp.log")
        env = dict(os.environ, TERMGRAPH=tg, TG_WORKSPACE=ws, TG_EXPECT=json.dumps(plan),
                   TG_LSP_LOG=transcript,
                   XDG_CONFIG_HOME=os.path.join(tmp, "config"),
                   XDG_STATE_HOME=os.path.join(tmp, "state"),
                   XDG_CACHE_HOME=os.path.join(tmp, "cache"),
                   XDG_DATA_HOME=os.path.join(tmp, "data"))
        # The script quits Neovim itself (cquit 1 on failure); an error that
        # escapes it is a failure too, and so is returning without quitting.
        run_lua = ("lua local ok, err = pcall(dofile, %s) "
                   "if not ok then io.stdout:write('FAILED: ' .. tostring(err) .. '\\n') "
                   "vim.cmd('cquit 1') end" % json.dumps(LUA))
        cmd = [nvim, "--headless", "--clean", "-n", "-i", "NONE",
               "-c", run_lua, "-c", "cquit 3"]
        try:
            run = subprocess.run(cmd, cwd=ws, env=env, capture_output=True, text=True,
                                 timeout=TIMEOUT, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as e:
            out = e.stdout.decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
            print(out)
            print(f"FAILED: Neovim did not finish within {TIMEOUT} s")
            return 1
        sys.stdout.write(run.stdout)
        if run.stderr.strip():
            print("nvim stderr:\n" + run.stderr)
        if not check(run.returncode == 0, "the Neovim session passes",
                     f"nvim exited with {run.returncode}; the FAILED lines above say why"):
            keep = os.path.join(parent, "nvim-lsp.log") if parent else None
            if keep and os.path.exists(transcript):
                shutil.copy(transcript, keep)
                print(f"the server's transcript (--log): {keep}")

        # The files on disk after the rename: every occurrence of the old
        # number, in every file, now reads the new one; nothing else changed.
        old, new = plan["rename"]["old"], plan["rename"]["new"]
        for n in plan["files"]:
            after = read(os.path.join(ws, n))
            want = token(old).sub(new, before[n])
            label = f"{n} on disk: every {old} renumbered {new}" if want != before[n] \
                else f"{n} on disk: unchanged (it does not cite {old})"
            check(after == want, label + ", nothing else changed",
                  "\n" + "\n".join(f"  got:  {a!r}\n  want: {b!r}"
                                   for a, b in zip(after.splitlines(), want.splitlines()) if a != b)
                  or f"got {len(after)} characters, want {len(want)}")

        # No new finding: the same rules at the same places as before.
        after = termgraph_json(tg, ws, "check", "--format", "json", ".")
        key = lambda d: (os.path.basename(d["file"]), d["line"], d["rule"], d["severity"])
        new_findings = sorted(set(map(key, after["diagnostics"])) - set(map(key, report["diagnostics"])))
        check(not new_findings, "`termgraph check` after the rename: no new finding",
              json.dumps(new_findings))
        check(after["entries"] == report["entries"], "as many entries as before",
              f'{after["entries"]} vs {report["entries"]}')

    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
