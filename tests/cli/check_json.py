#!/usr/bin/env python3
"""`termgraph check --format json` keeps its documented contract
(docs/cli.md): the fields, their types and order, and the exact findings
for the fixtures data/findings.xml and data/clean.xml.

Usage: check_json.py TERMGRAPH DATA_DIR
"""

import json
import os
import subprocess
import sys

TOP_KEYS = ["version", "entries", "files", "diagnostics", "errors", "warnings"]
DIAGNOSTIC_KEYS = ["rule", "severity", "file", "line", "column", "message", "entries",
                   "target", "related"]
RELATED_KEYS = ["file", "line", "column", "message"]

# (rule, severity, file, line, column, entries, target, related [(file, line, column)])
EXPECTED = [
    ("circular-definition", "warning", "findings.xml", 9, 49, ["1.1", "1.2"], "",
     [("findings.xml", 9, 49), ("findings.xml", 14, 44)]),
    ("dangling-reference", "error", "findings.xml", 18, 37, ["1.3"], "1.9", []),
    ("duplicate-number", "error", "findings.xml", 20, 3, ["1.3", "1.3"], "",
     [("findings.xml", 16, 3)]),
    ("missing-definition", "warning", "findings.xml", 24, 3, ["1.5"], "", []),
    ("numbering-order", "warning", "findings.xml", 24, 3, ["1.5"], "", [("findings.xml", 20, 3)]),
]


def fail(message):
    print("FAIL:", message)
    sys.exit(1)


def main():
    termgraph, data = sys.argv[1:3]
    os.chdir(data)  # so that file names in the report are as given
    run = subprocess.run([termgraph, "check", "--format", "json", "findings.xml", "clean.xml"],
                         capture_output=True, text=True, timeout=120)
    if run.returncode != 1:
        fail(f"exit status {run.returncode}, expected 1\n{run.stderr}")
    report = json.loads(run.stdout)

    if list(report) != TOP_KEYS:
        fail(f"top-level keys {list(report)}, expected {TOP_KEYS}")
    if report["version"] != 1:
        fail("version is not 1")
    if report["entries"] != 7:
        fail(f"entries {report['entries']}, expected 7")
    if report["files"] != ["findings.xml", "clean.xml"]:
        fail(f"files {report['files']}")

    found = []
    for d in report["diagnostics"]:
        if list(d) != DIAGNOSTIC_KEYS:
            fail(f"diagnostic keys {list(d)}, expected {DIAGNOSTIC_KEYS}")
        if d["severity"] not in ("error", "warning", "note"):
            fail(f"severity {d['severity']!r}")
        if not isinstance(d["message"], str) or not d["message"] or d["message"].endswith("."):
            fail(f"message {d['message']!r}: lower-case text without a full stop expected")
        if not all(isinstance(e, str) for e in d["entries"]) or not isinstance(d["target"], str):
            fail(f"entries or target of the wrong type in {d}")
        for r in d["related"]:
            if list(r) != RELATED_KEYS:
                fail(f"related keys {list(r)}, expected {RELATED_KEYS}")
        found.append((d["rule"], d["severity"], d["file"], d["line"], d["column"], d["entries"],
                      d["target"], [(r["file"], r["line"], r["column"]) for r in d["related"]]))
    if found != EXPECTED:
        fail("diagnostics differ:\n  found    " + "\n           ".join(map(str, found)) +
             "\n  expected " + "\n           ".join(map(str, EXPECTED)))

    errors = sum(1 for d in report["diagnostics"] if d["severity"] == "error")
    warnings = sum(1 for d in report["diagnostics"] if d["severity"] == "warning")
    if (report["errors"], report["warnings"]) != (errors, warnings) or errors != 2:
        fail(f"errors/warnings {report['errors']}/{report['warnings']}, "
             f"counted {errors}/{warnings}")

    # A clean file alone: no diagnostics, exit 0.
    run = subprocess.run([termgraph, "check", "--format", "json", "clean.xml"],
                         capture_output=True, text=True, timeout=120)
    report = json.loads(run.stdout)
    if run.returncode != 0 or report["diagnostics"] or report["errors"] or report["entries"] != 2:
        fail(f"clean.xml: exit {run.returncode}, report {report}")

    # A missing path: an unreadable-input finding in the report, exit 2.
    run = subprocess.run([termgraph, "check", "--format", "json", "clean.xml", "missing.xml"],
                         capture_output=True, text=True, timeout=120)
    report = json.loads(run.stdout)
    rules = [d["rule"] for d in report["diagnostics"]]
    if run.returncode != 2 or rules != ["unreadable-input"] or report["entries"] != 2:
        fail(f"missing path: exit {run.returncode}, rules {rules}")
    if report["diagnostics"][0]["file"] != "missing.xml":
        fail(f"missing path reported as {report['diagnostics'][0]['file']!r}")
    print("ok")


if __name__ == "__main__":
    main()
