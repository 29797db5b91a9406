#!/usr/bin/env python3
"""`termgraph check --write-baseline`, `--baseline`, suppression comments and
`--fix` on files without fixes, on edited copies of data/findings.xml.

Usage: check_baseline.py TERMGRAPH DATA_DIR WORK_DIR

- A baseline written today hides today's findings (exit 0, how many hidden
  on standard error); after lines are inserted above the findings and a new
  defect is added, only the new finding is reported, and the exit status
  follows it.
- Matching is a multiset: one recorded finding hides one of two identical.
- A baseline that cannot be read or is not one: exit 2 and a clear error.
- Rewriting a baseline keeps the file's permissions.
- A suppression comment silences its entry's finding; one that silences
  nothing is reported at its line and column.
- `--fix` where no finding has a fix leaves every file byte-identical;
  `--fix --dry-run` prints no diff.
"""

import json
import os
import shutil
import stat
import subprocess
import sys


def fail(message):
    print("FAIL:", message)
    sys.exit(1)


def run(termgraph, *args, expect):
    p = subprocess.run([termgraph, *args], capture_output=True, text=True, timeout=120)
    if p.returncode != expect:
        fail(f"termgraph {' '.join(args)}: exit status {p.returncode}, expected {expect}\n"
             f"stdout:\n{p.stdout}\nstderr:\n{p.stderr}")
    return p


def findings(stdout):
    """The finding lines of a --no-source text report."""
    return [l for l in stdout.splitlines() if ": error: " in l or ": warning: " in l]


def main():
    termgraph, data, work = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    os.chdir(work)  # file names in reports and baselines as given
    with open(os.path.join(data, "findings.xml"), encoding="utf-8") as f:
        original = f.read()
    with open("findings.xml", "w", encoding="utf-8") as f:
        f.write(original)

    # -- write, then check against it -----------------------------------------
    p = run(termgraph, "check", "--write-baseline", "base.json", "findings.xml", expect=0)
    if p.stdout:
        fail(f"--write-baseline printed a report:\n{p.stdout}")
    if "recorded 5 findings in baseline 'base.json'" not in p.stderr:
        fail(f"--write-baseline: {p.stderr!r}")
    with open("base.json", encoding="utf-8") as f:
        base = json.load(f)
    if base.get("version") != 1 or len(base.get("findings", [])) != 5:
        fail(f"baseline: {base}")
    record = base["findings"][1]
    if record != {"rule": "dangling-reference", "file": "findings.xml", "entries": ["1.3"],
                  "message": "reference to 1.9, which is not an entry of this vocabulary"}:
        fail(f"baseline record: {record}")
    if any("line" in r or "column" in r for r in base["findings"]):
        fail("baseline records carry lines")

    p = run(termgraph, "check", "--no-source", "--baseline", "base.json", "findings.xml", expect=0)
    if findings(p.stdout):
        fail(f"baselined findings reported:\n{p.stdout}")
    if "termgraph: 5 findings hidden by baseline 'base.json'" not in p.stderr:
        fail(f"hidden count: {p.stderr!r}")

    # -- edits above the findings and a new defect ------------------------------
    edited = original.replace(
        "<title>",
        "<!-- three lines\n     inserted\n     above -->\n  <entry number=\"0.1\">\n"
        "    <term>coin</term>\n    <definition>unit of value (2.9)</definition>\n"
        "  </entry>\n  <title>", 1)
    with open("findings.xml", "w", encoding="utf-8") as f:
        f.write(edited)
    p = run(termgraph, "check", "--no-source", "--baseline", "base.json", "findings.xml", expect=1)
    got = findings(p.stdout)
    if got != ["findings.xml:11:32: error: reference to 2.9, which is not an entry of this "
               "vocabulary [dangling-reference]"]:
        fail(f"after editing, expected only the new finding:\n{p.stdout}")
    if "5 findings hidden" not in p.stderr:
        fail(f"hidden count after editing: {p.stderr!r}")
    # Without the baseline, everything.
    p = run(termgraph, "check", "--no-source", "findings.xml", expect=1)
    if len(findings(p.stdout)) != 6:
        fail(f"without the baseline:\n{p.stdout}")

    # -- multiset: two identical findings, one recorded ---------------------------
    twice = original.replace("holder of the keys (1.9)", "holder of the keys (1.9) or (1.9)")
    with open("findings.xml", "w", encoding="utf-8") as f:
        f.write(twice)
    p = run(termgraph, "check", "--no-source", "--baseline", "base.json", "findings.xml", expect=1)
    got = findings(p.stdout)
    if len(got) != 1 or "[dangling-reference]" not in got[0]:
        fail(f"two identical findings, one in the baseline:\n{p.stdout}")

    # -- baselines that cannot be used -------------------------------------------
    p = run(termgraph, "check", "--baseline", "missing.json", "findings.xml", expect=2)
    if "termgraph: error: cannot read baseline 'missing.json': No such file or directory" \
            not in p.stderr:
        fail(f"missing baseline: {p.stderr!r}")
    with open("bad.json", "w", encoding="utf-8") as f:
        f.write('{"version": 1,\n "findings": [\n')
    p = run(termgraph, "check", "--baseline", "bad.json", "findings.xml", expect=2)
    if "baseline 'bad.json' is not a termgraph baseline: invalid JSON: " not in p.stderr \
            or "line 3" not in p.stderr:
        fail(f"malformed baseline: {p.stderr!r}")
    with open("bad.json", "w", encoding="utf-8") as f:
        f.write('{"version": 2, "findings": []}')
    p = run(termgraph, "check", "--baseline", "bad.json", "findings.xml", expect=2)
    if "version 2 is not one this termgraph reads" not in p.stderr:
        fail(f"baseline of another version: {p.stderr!r}")
    with open("bad.json", "w", encoding="utf-8") as f:
        f.write('{"version": 1, "findings": [{"rule": "x", "file": "f", "message": "m"}]}')
    p = run(termgraph, "check", "--baseline", "bad.json", "findings.xml", expect=2)
    if "findings[0] has no \"entries\" array" not in p.stderr:
        fail(f"baseline record without entries: {p.stderr!r}")
    run(termgraph, "check", "--baseline", "base.json", "--write-baseline", "b2.json",
        "findings.xml", expect=2)
    # An input that cannot be read: named, and no baseline written.
    p = run(termgraph, "check", "--write-baseline", "b3.json", "findings.xml", "nothing.xml",
            expect=2)
    if "nothing.xml: error: no such file or directory 'nothing.xml' [unreadable-input]" \
            not in p.stderr or "baseline 'b3.json' not written" not in p.stderr:
        fail(f"--write-baseline with a missing input: {p.stderr!r}")
    if os.path.exists("b3.json"):
        fail("a baseline was written from part of the inputs")

    # -- rewriting keeps permissions ----------------------------------------------
    os.chmod("base.json", 0o640)
    run(termgraph, "check", "--write-baseline", "base.json", "findings.xml", expect=0)
    mode = stat.S_IMODE(os.stat("base.json").st_mode)
    if mode != 0o640:
        fail(f"baseline mode {oct(mode)} after rewriting, expected 0o640")
    if any(n.startswith(".base.json") for n in os.listdir(".")):
        fail(f"temporary file left behind: {os.listdir('.')}")

    # -- suppressions ------------------------------------------------------------
    suppressed = original.replace(
        '<entry number="1.3">\n',
        '<entry number="1.3">\n    <!-- termgraph: ignore dangling-reference, label-mismatch -->\n', 1)
    with open("findings.xml", "w", encoding="utf-8") as f:
        f.write(suppressed)
    p = run(termgraph, "check", "--no-source", "findings.xml", expect=1)
    got = findings(p.stdout)
    if any("dangling-reference" in l for l in got):
        fail(f"suppressed finding reported:\n{p.stdout}")
    if "findings.xml:17:5: warning: suppression of 'label-mismatch' silences nothing in entry " \
       "1.3 [unused-suppression]" not in got:
        fail(f"unused suppression not reported at its comment:\n{p.stdout}")

    # -- --fix without fixes ----------------------------------------------------
    with open("findings.xml", "w", encoding="utf-8") as f:
        f.write(original)
    before = open("findings.xml", "rb").read()
    p = run(termgraph, "check", "--fix", "--dry-run", "findings.xml", expect=1)
    if p.stdout:
        fail(f"--fix --dry-run without fixes printed:\n{p.stdout}")
    p = run(termgraph, "check", "--no-source", "--fix", "findings.xml", expect=1)
    if len(findings(p.stdout)) != 5:
        fail(f"--fix without fixes: the findings are still reported:\n{p.stdout}")
    if open("findings.xml", "rb").read() != before:
        fail("--fix without fixes changed the file")
    run(termgraph, "check", "--dry-run", "findings.xml", expect=2)

    print("ok")


if __name__ == "__main__":
    main()
