#!/usr/bin/env python3
"""Command-line conventions that need standard input or empty arguments
(issue 8, point 9).

Usage: conventions.py TERMGRAPH DATA_DIR

An empty QUERY (lookup, refs) and an empty `-o` are usage errors (status 2,
nothing on standard output).

check, convert, and lookup/refs --vocab read standard input for `-`: the
format is detected from the content (XML by its root element, CSV by its
header row), diagnostics name it `<stdin>`, it mixes with files into one
vocabulary, and a second `-` is reported as unreadable-input (status 2)
after everything else is checked.
"""

import os
import re
import subprocess
import sys

FAILURES = []

CSV = ("Entry,Language,Term,Definition\n"
       "7.1,en,relay,station that passes a ledger (1.1) on\n")
CSV_ALONE = "Entry,Language,Term,Definition\n7.1,en,relay,station that passes data on\n"


def expect(name, got, wanted):
    if got != wanted:
        FAILURES.append(f"{name}:\n  got    {got!r}\n  wanted {wanted!r}")


def expect_match(name, text, pattern):
    if not re.search(pattern, text, re.M):
        FAILURES.append(f"{name}: no match for {pattern!r} in\n{text}")


def run(termgraph, args, stdin, cwd):
    p = subprocess.run([termgraph, *args], input=stdin, capture_output=True, text=True,
                       timeout=300, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


def main():
    termgraph, data = sys.argv[1:3]
    termgraph = os.path.abspath(termgraph) if os.sep in termgraph else termgraph
    with open(os.path.join(data, "findings.xml"), encoding="utf-8") as f:
        findings = f.read()
    with open(os.path.join(data, "clean.xml"), encoding="utf-8") as f:
        clean = f.read()

    status, out, err = run(termgraph, ["check", "--no-source", "-"], findings, data)
    expect("check -: status", status, 1)
    expect_match("check -: located in <stdin>", out,
                 r"^<stdin>:18:37: error: reference to 1\.9, .*\[dangling-reference\]$")
    expect_match("check -: summary", out, r"^2 errors, 3 warnings generated$")

    # CSV detected by its header row; with a file, one vocabulary: the
    # CSV entry's reference to 1.1 resolves in findings.xml.
    status, out, err = run(termgraph, ["check", "--format", "json", "findings.xml", "-"], CSV, data)
    expect("check file and -: files", re.findall(r'"files": \[([^\]]*)\]', out.replace("\n", "")),
           ['    "findings.xml",    "<stdin>"  '])
    expect_match("check file and -: 6 entries", out, r'^  "entries": 6,$')
    expect("check file and -: nothing dangling in <stdin>",
           re.search(r'"file": "<stdin>"', out) is None, True)

    status, out, err = run(termgraph, ["check", "--no-source", "-", "-"], clean, data)
    expect("check - -: status", status, 2)
    expect_match("check - -: the second is unreadable", out,
                 r"^<stdin>: error: standard input is given more than once \[unreadable-input\]$")

    status, out, err = run(termgraph, ["convert", "--to", "native", "-"], clean, data)
    expect("convert -: status", status, 0)
    expect_match("convert -: written", out, r'^  <entry number="2\.2">$')

    status, out, err = run(termgraph, ["convert", "--to", "csv", "-"], CSV_ALONE, data)
    expect("convert - (CSV): status", (status, err), (0, ""))
    expect_match("convert - (CSV): written", out, r"^7\.1,en,relay,")

    status, out, err = run(termgraph, ["lookup", "--vocab", "-", "archivist"], clean, data)
    expect("lookup --vocab -: status", status, 0)
    expect_match("lookup --vocab -: found", out, r"^2\.2\n\[en\]\narchivist$")

    status, out, err = run(termgraph, ["refs", "--vocab", "-", "archivist"], clean, data)
    expect("refs --vocab -", (status, out.splitlines()[:3]),
           (0, ["2.2 archivist", "cites:", "  2.1 archive (definition)"]))

    # Empty arguments.
    for args, message in [
            (["lookup", "--vocab", "clean.xml", ""],
             "termgraph: error: QUERY is empty: give an entry number or a term"),
            (["refs", "--vocab", "clean.xml", " ", ""],
             "termgraph: error: QUERY is empty: give an entry number or a term"),
            (["convert", "--to", "native", "-o", "", "clean.xml"],
             "termgraph: error: --output: the value is empty"),
            (["check", "--config", "", "clean.xml"],
             "termgraph: error: --config: the value is empty")]:
        status, out, err = run(termgraph, args, "", data)
        expect(f"{args}: status and stdout", (status, out), (2, ""))
        expect(f"{args}: message", err.splitlines()[:1], [message])

    if FAILURES:
        print("\n".join(FAILURES))
        sys.exit(1)
    print("standard input: all checks passed")


if __name__ == "__main__":
    main()
