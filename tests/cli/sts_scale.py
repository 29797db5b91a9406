#!/usr/bin/env python3
"""Scale test: generate a NISO STS clause with planted cycles and dangling
references (scripts/gen-sts.py), convert it to TBX and to the native format
(termgraph convert), run `termgraph check --format json` on each and compare
what it finds with what was planted (scripts/compare-findings.py), exactly:
nothing missing, nothing extra, in every format. Then the same vocabulary
split into four files, checked on one thread and on several: the planted
findings, and the same report byte for byte.

Usage: sts_scale.py TERMGRAPH GEN_STS WORK_DIR [ENTRIES]
"""

import importlib.util
import json
import os
import subprocess
import sys
import time


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def load_compare(scripts_dir):
    path = os.path.join(scripts_dir, "compare-findings.py")
    spec = importlib.util.spec_from_file_location("compare_findings", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def check(termgraph, documents, expected, compare, options=()):
    if isinstance(documents, str):
        documents = [documents]
    start = time.monotonic()
    run = subprocess.run([termgraph, "check", "--format", "json", *options, *documents],
                         capture_output=True, text=True, timeout=300)
    elapsed = time.monotonic() - start
    size = sum(os.path.getsize(d) for d in documents)
    print(f"termgraph check {' '.join(options)} on {', '.join(documents)} ({size} bytes): "
          f"{elapsed:.2f} s, exit {run.returncode}")
    if run.returncode != 1:
        fail(f"exit status {run.returncode}, expected 1 (dangling references are errors)\n"
             f"{run.stderr}")
    report = json.loads(run.stdout)
    problem = compare.compare(report, expected, set(documents))
    if problem:
        fail(f"{documents}: {problem}")
    print(f"ok: {compare.summary(report)}")
    return run.stdout


def main():
    termgraph, gen_sts, work_dir = sys.argv[1:4]
    entries = sys.argv[4] if len(sys.argv) > 4 else "5000"
    compare = load_compare(os.path.dirname(os.path.abspath(gen_sts)))
    os.makedirs(work_dir, exist_ok=True)
    document = os.path.join(work_dir, f"generated-{entries}.xml")
    expected_path = os.path.join(work_dir, f"generated-{entries}.expected.json")
    subprocess.run([sys.executable, gen_sts, "--entries", entries, "--out", document,
                    "--expected", expected_path], check=True)
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    check(termgraph, document, expected, compare)

    # The same vocabulary as TBX and as native XML: the same findings.
    for fmt, extension in (("tbx", "tbx"), ("native", "xml")):
        converted = os.path.join(work_dir, f"generated-{entries}.{fmt}.{extension}")
        run = subprocess.run([termgraph, "convert", "--to", fmt, "-o", converted, document],
                             capture_output=True, text=True, timeout=300)
        if not os.path.exists(converted):
            fail(f"convert --to {fmt} wrote nothing (exit {run.returncode}): {run.stderr}")
        check(termgraph, converted, expected, compare)

    # Four files of one vocabulary (references and cycles cross them), read
    # on one thread and on three: the planted findings, the same report.
    parts = os.path.join(work_dir, f"split-{entries}.xml")
    subprocess.run([sys.executable, gen_sts, "--entries", entries, "--files", "4",
                    "--out", parts, "--expected", expected_path], check=True)
    documents = [os.path.join(work_dir, f"split-{entries}-{k}.xml") for k in range(1, 5)]
    one = check(termgraph, documents, expected, compare, ["--jobs", "1"])
    several = check(termgraph, documents, expected, compare, ["--jobs", "3"])
    if one != several:
        fail("--jobs 3 reports differently from --jobs 1")
    print("ok: --jobs 1 and --jobs 3 report the same, byte for byte")


if __name__ == "__main__":
    main()
