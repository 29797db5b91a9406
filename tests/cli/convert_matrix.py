#!/usr/bin/env python3
"""Converts inputs to every format, and each result to every format again,
and checks that nothing changes on the way.

Usage: convert_matrix.py TERMGRAPH WORKDIR INPUT...

For every output format F (native, sts, tbx):
- `termgraph convert --to F -o OUT INPUT...` exits as `termgraph check
  INPUT...` does (0 or 1) and writes OUT, which is well-formed XML with the
  root element of F;
- `termgraph convert --to F INPUT...` writes the same bytes to standard
  output (the writers are deterministic);
- `termgraph check` on OUT reports the same findings (rule, entries,
  target) as on the inputs, and the same number of entries;
- OUT converted to every format G gives the same findings and entries
  again (so every reader reads what every writer writes).
"""

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

FORMATS = ["native", "sts", "tbx"]
ROOTS = {
    "native": "{urn:termgraph:vocabulary:1}vocabulary",
    "tbx": "{urn:iso:std:iso:30042:ed-2}tbx",
}
# Findings that belong to how an input was written, not to its content: a
# writer writes only what the model holds, so they cannot survive.
FORMAT_ONLY = {"unsupported-content"}
# Findings about each file on its own: several inputs are written as one.
PER_FILE = {"numbering-order"}


def run(args):
    return subprocess.run(args, capture_output=True, timeout=300)


def findings(tg, paths):
    """(entries, sorted findings, exit status) of `termgraph check`."""
    # One profile for every format, so that findings compare across formats.
    r = run([tg, "check", "--format", "json", "--profile", "iso", *paths])
    if r.returncode not in (0, 1):
        sys.exit(f"FAIL: check {paths} exited {r.returncode}\n{r.stderr.decode()}")
    report = json.loads(r.stdout)
    found = sorted(
        (d["rule"], tuple(d["entries"]), d["target"])
        for d in report["diagnostics"]
        if d["rule"] not in FORMAT_ONLY and d["rule"] not in PER_FILE)
    return report["entries"], found, r.returncode


def convert(tg, to, paths, out, problems, expect_exit):
    r = run([tg, "convert", "--to", to, "-o", out, *paths])
    if r.returncode != expect_exit:
        problems.append(f"convert --to {to} {paths}: exit {r.returncode}, expected "
                        f"{expect_exit}\n{r.stderr.decode(errors='replace')}")
    if not os.path.exists(out):
        problems.append(f"convert --to {to} -o {out}: no file written")
        return False
    if os.path.exists(out + ".tmp"):
        problems.append(f"convert left {out}.tmp behind")
    try:
        root = ET.parse(out).getroot()
    except ET.ParseError as e:
        problems.append(f"{out} is not well-formed: {e}")
        return False
    want = ROOTS.get(to)
    if want and root.tag != want:
        problems.append(f"{out}: root {root.tag}, expected {want}")
    return True


def compare(what, expected, got, problems):
    if expected != got:
        missing = [f for f in expected[1] if f not in got[1]]
        extra = [f for f in got[1] if f not in expected[1]]
        problems.append(f"{what}: entries {got[0]} (expected {expected[0]}); "
                        f"findings missing {missing[:10]}, extra {extra[:10]}")


def main():
    tg, work, inputs = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(work, exist_ok=True)
    problems = []
    entries, original, status = findings(tg, inputs)
    if entries == 0:
        sys.exit(f"FAIL: the inputs {inputs} hold no entry; nothing would be tested")
    expected = (entries, original)
    print(f"{entries} entries, {len(original)} findings, check exits {status}")

    for to in FORMATS:
        out = os.path.join(work, f"out.{to}.xml")
        if os.path.exists(out):
            os.remove(out)
        if not convert(tg, to, inputs, out, problems, status):
            continue
        with open(out, "rb") as f:
            written = f.read()
        piped = run([tg, "convert", "--to", to, *inputs])
        if piped.stdout != written:
            problems.append(f"convert --to {to}: standard output differs from the -o file")
        got = findings(tg, [out])
        compare(f"{inputs} -> {to}", expected, got[:2], problems)
        for again in FORMATS:
            out2 = os.path.join(work, f"out.{to}.{again}.xml")
            if os.path.exists(out2):
                os.remove(out2)
            if convert(tg, again, [out], out2, problems, status):
                compare(f"{inputs} -> {to} -> {again}", expected, findings(tg, [out2])[:2],
                        problems)

    for p in problems:
        print("FAIL:", p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
