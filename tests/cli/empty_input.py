#!/usr/bin/env python3
"""Inputs that yield no term entries are errors, never silence (issue 8,
point 1; rule empty-input).

Usage: empty_input.py TERMGRAPH WORKDIR NATIVE_FILE

Each case is reported once, with its file (and line:column where there is
one) and the rule:
  - `check DIR` on a directory without a term file: empty-input, status 1;
  - `check` on a well-formed native, TBX or CSV file with no entry:
    empty-input at the root element (the header row), status 1; beside a
    file with entries, only the empty one is reported;
  - `check README.md` (neither XML nor CSV): unknown-format at 1:1;
  - `convert --from sts` on a native file: empty-input naming the format the
    file is in; nothing written, status 2;
  - `convert -o KEEP` when nothing is read: KEEP left as it was, no
    KEEP.tmp, status 2;
  - `lookup` / `refs --vocab` on such inputs: the same diagnostic on
    standard error, not "no entry matches", status 2.
The files and directories are made at test time (an empty directory cannot
be committed).
"""

import json
import os
import re
import shutil
import subprocess
import sys

FAILURES = []

NATIVE_EMPTY = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">\n'
                '  <title>nothing yet</title>\n'
                '</vocabulary>\n')
TBX_EMPTY = ('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<tbx type="TBX-Basic" style="dca" xml:lang="en" '
             'xmlns="urn:iso:std:iso:30042:ed-2">\n'
             '<tbxHeader><fileDesc><sourceDesc><p>empty</p></sourceDesc></fileDesc></tbxHeader>\n'
             '<text><body/></text>\n'
             '</tbx>\n')
CSV_EMPTY = "Entry,Language,Term,Definition\n"
README = "# Notes\n\nThis folder will hold the <term> files.\n"


def expect(name, got, wanted):
    if got != wanted:
        FAILURES.append(f"{name}:\n  got    {got!r}\n  wanted {wanted!r}")


def run(termgraph, work, *args):
    p = subprocess.run([termgraph, *args], capture_output=True, text=True, timeout=300,
                       cwd=work)
    return p.returncode, p.stdout, p.stderr


def findings(text):
    """The diagnostic lines of a text report (file:...: severity: ... [rule])."""
    return [l for l in text.splitlines() if re.search(r": (error|warning|note): .*\[[a-z-]+\]$", l)]


def write(path, content):
    with open(path, "w", encoding="utf-8") as f:
        f.write(content)


def main():
    termgraph, work, native = sys.argv[1:4]
    if os.sep in termgraph:
        termgraph = os.path.abspath(termgraph)
    native = os.path.abspath(native)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "emptydir", "sub"))
    write(os.path.join(work, "emptydir", "notes.txt"), "not a term file\n")
    write(os.path.join(work, "empty-native.xml"), NATIVE_EMPTY)
    write(os.path.join(work, "empty.tbx"), TBX_EMPTY)
    write(os.path.join(work, "empty.csv"), CSV_EMPTY)
    write(os.path.join(work, "README.md"), README)
    os.makedirs(os.path.join(work, "mixed"))
    shutil.copy(native, os.path.join(work, "mixed", "a.xml"))
    write(os.path.join(work, "mixed", "b.xml"), NATIVE_EMPTY)

    # check: a directory without a term file.
    status, out, err = run(termgraph, work, "check", "emptydir")
    expect("check emptydir: status", status, 1)
    expect("check emptydir: findings", findings(out),
           ["emptydir: error: no term entries: the directory holds no term file "
            "(*.xml, *.tbx or *.csv, searched recursively) [empty-input]"])
    status, out, err = run(termgraph, work, "check", "--format", "json", "emptydir")
    report = json.loads(out)
    expect("check --format json emptydir: diagnostics",
           [(d["rule"], d["severity"], d["file"]) for d in report["diagnostics"]],
           [("empty-input", "error", "emptydir")])

    # check: well-formed files of known formats with no entry.
    status, out, err = run(termgraph, work, "check", "--no-source", "empty-native.xml",
                           "empty.tbx", "empty.csv")
    expect("check empty files: status", status, 1)
    expect("check empty files: findings", findings(out), [
        "empty-native.xml:2:1: error: no term entries: this native file holds none [empty-input]",
        "empty.tbx:2:1: error: no term entries: this tbx file holds none [empty-input]",
        "empty.csv:1:1: error: no term entries: this csv file holds none [empty-input]",
    ])
    # Beside a file with entries, the empty one alone is reported.
    status, out, err = run(termgraph, work, "check", "--no-source", "mixed")
    expect("check mixed: status", status, 1)
    expect("check mixed: empty-input",
           [l for l in findings(out) if "[empty-input]" in l],
           ["mixed/b.xml:2:1: error: no term entries: this native file holds none [empty-input]"])

    # check: a file of no known format, named on the command line.
    status, out, err = run(termgraph, work, "check", "--no-source", "README.md")
    expect("check README.md: status", status, 1)
    expect("check README.md: findings", [l.split(" [")[-1] for l in findings(out)],
           ["unknown-format]"])
    expect("check README.md: place", findings(out)[0].startswith("README.md:1:1: error: not a "
                                                                 "term file: neither XML"), True)

    # convert: a forced reader that reads nothing writes nothing.
    status, out, err = run(termgraph, work, "convert", "--from", "sts", "--to", "native",
                           native)
    expect("convert --from sts native: status", status, 2)
    expect("convert --from sts native: stdout", out, "")
    expect("convert --from sts native: empty-input",
           [l[len(native) + 1:] if l.startswith(native + ":") else l for l in findings(err)],
           ["4:1: error: no term entries: read as sts, the format asked for, this file holds "
            "none; its root element 'vocabulary' is that of native, which the file is read as "
            "when no format is asked for [empty-input]"])
    expect("convert --from sts native: nothing written",
           "termgraph: error: no term entries were read; nothing is written" in err, True)

    # convert -o: an existing output is never replaced by an empty vocabulary.
    keep = os.path.join(work, "keep.xml")
    write(keep, "earlier output\n")
    for source in ("emptydir", "empty-native.xml", "README.md"):
        status, out, err = run(termgraph, work, "convert", "--to", "native", "-o", "keep.xml",
                               source)
        expect(f"convert -o keep.xml {source}: status", status, 2)
        with open(keep, encoding="utf-8") as f:
            expect(f"convert -o keep.xml {source}: keep.xml", f.read(), "earlier output\n")
        expect(f"convert -o keep.xml {source}: no keep.xml.tmp",
               os.path.exists(keep + ".tmp"), False)
        expect(f"convert -o keep.xml {source}: says so",
               "nothing is written ('keep.xml' is left as it was)" in err, True)
        expect(f"convert -o keep.xml {source}: one finding", len(findings(err)), 1)

    # lookup and refs: the load errors are printed, not "no entry matches".
    for command in ("lookup", "refs"):
        status, out, err = run(termgraph, work, command, "--vocab", "README.md", "foo")
        expect(f"{command} --vocab README.md: status", status, 2)
        expect(f"{command} --vocab README.md: stdout", out, "")
        expect(f"{command} --vocab README.md: finding",
               [l.split(" [")[-1] for l in findings(err)], ["unknown-format]"])
        expect(f"{command} --vocab README.md: no 'no entry matches'",
               "no entry matches" in err, False)
        status, out, err = run(termgraph, work, command, "--vocab", "emptydir", "foo")
        expect(f"{command} --vocab emptydir: status", status, 2)
        expect(f"{command} --vocab emptydir: finding",
               [l.split(" [")[-1] for l in findings(err)], ["empty-input]"])
    # With something read, the lookup goes on; the empty file is still named.
    status, out, err = run(termgraph, work, "lookup", "--vocab", "mixed", "archivist")
    expect("lookup --vocab mixed: status", status, 0)
    expect("lookup --vocab mixed: entry", "\n2.2\n" in out, True)
    expect("lookup --vocab mixed: empty file named",
           [l.split(":")[0] for l in findings(err)], ["mixed/b.xml"])

    if FAILURES:
        print("\n".join(FAILURES))
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
