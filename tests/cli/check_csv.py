#!/usr/bin/env python3
"""`termgraph check` on a malformed CSV file (issue 7, point 8).

Usage: check_csv.py TERMGRAPH WORKDIR

An unterminated quoted field and a row with too many fields are csv-syntax
errors, located to line and column: `check` exits 1 and reads the rows after
them. A well-formed file with an unknown column only warns: `check` exits 0.
The files are written at test time (not in data/, whose files the output
snapshots cover).
"""

import os
import subprocess
import sys

BROKEN = ("Entry,Language,Term,Definition\n"
          "1.1,en,block,unit of data\n"
          "1.2,en,hash,\"value computed from data\n"
          "1.3,en,nonce,number used once,extra\n"
          "1.4,en,ledger,record of each nonce (1.3)\n")

WARNS = ("Entry,Language,Term,Definition,Customer code\n"
         "1,en,block,unit of data,computing\n")

FAILURES = []


def expect(name, got, wanted):
    if got != wanted:
        FAILURES.append(f"{name}:\n  got    {got!r}\n  wanted {wanted!r}")


def check(termgraph, path):
    # Run beside the file, so that diagnostics name it as it was given.
    p = subprocess.run([termgraph, "check", "--no-source", os.path.basename(path)],
                       capture_output=True, text=True, timeout=300, cwd=os.path.dirname(path))
    return p.returncode, p.stdout, p.stderr


def main():
    termgraph, work = sys.argv[1:3]
    if os.sep in termgraph:
        termgraph = os.path.abspath(termgraph)
    os.makedirs(work, exist_ok=True)
    broken = os.path.join(work, "broken.csv")
    with open(broken, "w", newline="") as f:
        f.write(BROKEN)
    status, out, err = check(termgraph, broken)
    expect("broken.csv: exit status", status, 1)
    expect("broken.csv: stderr", err, "")
    lines = out.splitlines()
    expect("broken.csv: unterminated quote",
           [l for l in lines if l.startswith("broken.csv:3:")],
           ["broken.csv:3:13: error: unterminated quoted field: the quote opened here is "
            "never closed; the field is read to the end of its line [csv-syntax]"])
    expect("broken.csv: too many fields",
           [l for l in lines if l.startswith("broken.csv:4:")],
           ["broken.csv:4:31: error: this row has 5 fields but the header has 4; the "
            "fields after the last column are not read [csv-syntax]"])
    # The rows after the errors are read: the reference of 1.4 to 1.3
    # resolves (no dangling-reference).
    expect("broken.csv: no dangling reference", [l for l in lines if "dangling" in l], [])
    expect("broken.csv: only the syntax errors", len(lines), 4)
    expect("broken.csv: summary", lines[-2:], ["  2 csv-syntax (error)", "2 errors generated"])

    warns = os.path.join(work, "warns.csv")
    with open(warns, "w", newline="") as f:
        f.write(WARNS)
    status, out, err = check(termgraph, warns)
    expect("warns.csv: exit status", status, 0)
    expect("warns.csv: unknown column",
           [l for l in out.splitlines() if "[unsupported-content]" in l],
           ["warns.csv:1:32: warning: unknown column 'Customer code': its values are not "
            "read (columns: 'entry', 'language', 'term', 'status', 'term type', "
            "'part of speech', 'definition', 'notes', 'examples', 'sources', "
            "'subject field', 'gender') [unsupported-content]"])

    if FAILURES:
        print("\n".join(FAILURES))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
