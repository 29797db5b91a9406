#!/usr/bin/env python3
"""Compares what `termgraph check --format json` found in a file made by
scripts/gen-sts.py (or converted from one) with what the generator planted,
exactly: the circular groups, the self references and the dangling
references, each once, and nothing else, every finding at a position of the
document. The generator's answers are computed from its own graph of the
entries, independently of termgraph.

Usage: compare-findings.py REPORT.json EXPECTED.json DOCUMENT...

(the documents the report is of: one, or the files gen-sts.py --files made)

Prints one line, "ok: ..." or "FAIL: ...", and exits 0 or 1.
"""

import json
import sys


def compare(report, expected, documents):
    """Returns None when the report holds exactly what was planted, else
    what differs."""
    if report["entries"] != expected["entries"]:
        return f"entries: {report['entries']}, expected {expected['entries']}"

    by_rule = {}
    for d in report["diagnostics"]:
        by_rule.setdefault(d["rule"], []).append(d)
    allowed = {"circular-definition", "self-reference", "dangling-reference"}
    extra_rules = set(by_rule) - allowed
    if extra_rules:
        samples = [d for r in sorted(extra_rules) for d in by_rule[r][:3]]
        return f"unexpected findings: {sorted(extra_rules)}: {json.dumps(samples, indent=1)}"

    groups = [tuple(sorted(d["entries"])) for d in by_rule.get("circular-definition", [])]
    planted = {tuple(sorted(g)) for g in expected["circular_groups"]}
    if len(groups) != len(set(groups)):
        return "a circular group is reported more than once"
    found = set(groups)
    if found != planted:
        return f"circular groups: missing {sorted(planted - found)}, extra {sorted(found - planted)}"

    selfs = [tuple(d["entries"]) for d in by_rule.get("self-reference", [])]
    planted_selfs = {(n,) for n in expected["self_references"]}
    if len(selfs) != len(set(selfs)) or set(selfs) != planted_selfs:
        return f"self references: found {sorted(selfs)}, expected {sorted(planted_selfs)}"

    targets = [d["target"] for d in by_rule.get("dangling-reference", [])]
    planted_targets = set(expected["dangling_targets"])
    if len(targets) != len(planted_targets) or set(targets) != planted_targets:
        return (f"dangling targets: missing {sorted(planted_targets - set(targets))}, "
                f"extra {sorted(set(targets) - planted_targets)}, {len(targets)} reported "
                f"for {len(planted_targets)} planted")

    for d in report["diagnostics"]:
        if d["line"] < 1 or d["column"] < 1 or d["file"] not in documents:
            return f"finding without a position in the input: {d}"
    return None


def summary(report):
    counts = {}
    for d in report["diagnostics"]:
        counts[d["rule"]] = counts.get(d["rule"], 0) + 1
    return (f"{counts.get('circular-definition', 0)} circular groups, "
            f"{counts.get('self-reference', 0)} self references, "
            f"{counts.get('dangling-reference', 0)} dangling references, nothing else")


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    report_path, expected_path = sys.argv[1:3]
    documents = set(sys.argv[3:])
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    problem = compare(report, expected, documents)
    if problem:
        print(f"FAIL: {problem}")
        sys.exit(1)
    print(f"ok: {summary(report)}")


if __name__ == "__main__":
    main()
