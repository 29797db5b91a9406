#!/usr/bin/env python3
"""Scale test: generate a NISO STS clause with planted cycles and dangling
references (scripts/gen-sts.py), run `termgraph check --format json` on it
and compare what it finds with what was planted, exactly: nothing missing,
nothing extra.

Usage: sts_scale.py TERMGRAPH GEN_STS WORK_DIR [ENTRIES]
"""

import json
import os
import subprocess
import sys
import time


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def main():
    termgraph, gen_sts, work_dir = sys.argv[1:4]
    entries = sys.argv[4] if len(sys.argv) > 4 else "5000"
    os.makedirs(work_dir, exist_ok=True)
    document = os.path.join(work_dir, f"generated-{entries}.xml")
    expected_path = os.path.join(work_dir, f"generated-{entries}.expected.json")
    subprocess.run([sys.executable, gen_sts, "--entries", entries, "--out", document,
                    "--expected", expected_path], check=True)
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)

    start = time.monotonic()
    run = subprocess.run([termgraph, "check", "--format", "json", document],
                         capture_output=True, text=True, timeout=300)
    elapsed = time.monotonic() - start
    print(f"termgraph check on {entries} entries ({os.path.getsize(document)} bytes): "
          f"{elapsed:.2f} s, exit {run.returncode}")
    if run.returncode != 1:
        fail(f"exit status {run.returncode}, expected 1 (dangling references are errors)\n"
             f"{run.stderr}")
    report = json.loads(run.stdout)

    if report["entries"] != expected["entries"]:
        fail(f"entries: {report['entries']}, expected {expected['entries']}")

    by_rule = {}
    for d in report["diagnostics"]:
        by_rule.setdefault(d["rule"], []).append(d)
    allowed = {"circular-definition", "self-reference", "dangling-reference"}
    extra_rules = set(by_rule) - allowed
    if extra_rules:
        samples = [d for r in sorted(extra_rules) for d in by_rule[r][:3]]
        fail(f"unexpected findings: {sorted(extra_rules)}: {json.dumps(samples, indent=1)}")

    groups = [tuple(sorted(d["entries"])) for d in by_rule.get("circular-definition", [])]
    planted = {tuple(sorted(g)) for g in expected["circular_groups"]}
    if len(groups) != len(set(groups)):
        fail("a circular group is reported more than once")
    found = set(groups)
    if found != planted:
        fail(f"circular groups: missing {sorted(planted - found)}, extra {sorted(found - planted)}")

    selfs = [tuple(d["entries"]) for d in by_rule.get("self-reference", [])]
    planted_selfs = {(n,) for n in expected["self_references"]}
    if len(selfs) != len(set(selfs)) or set(selfs) != planted_selfs:
        fail(f"self references: found {sorted(selfs)}, expected {sorted(planted_selfs)}")

    targets = [d["target"] for d in by_rule.get("dangling-reference", [])]
    planted_targets = set(expected["dangling_targets"])
    if len(targets) != len(planted_targets) or set(targets) != planted_targets:
        fail(f"dangling targets: missing {sorted(planted_targets - set(targets))}, "
             f"extra {sorted(set(targets) - planted_targets)}, {len(targets)} reported "
             f"for {len(planted_targets)} planted")

    for d in report["diagnostics"]:
        if d["line"] < 1 or d["column"] < 1 or d["file"] != document:
            fail(f"finding without a position in the input: {d}")

    print(f"ok: {len(found)} circular groups, {len(selfs)} self references, "
          f"{len(targets)} dangling references, nothing else")


if __name__ == "__main__":
    main()
