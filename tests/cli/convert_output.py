#!/usr/bin/env python3
"""Checks how `termgraph convert -o FILE` writes its file: through FILE.tmp,
renamed over FILE only when complete, so that a failure leaves FILE as it
was and no temporary file behind.

Usage: convert_output.py TERMGRAPH WORKDIR INPUT
"""

import os
import shutil
import subprocess
import sys


def run(args):
    return subprocess.run(args, capture_output=True, text=True, timeout=300)


def main():
    tg, work, source = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    problems = []

    # 1. An existing file is replaced by the complete output.
    out = os.path.join(work, "out.xml")
    with open(out, "w") as f:
        f.write("old content\n")
    r = run([tg, "convert", "--to", "native", "-o", out, source])
    with open(out) as f:
        written = f.read()
    if r.returncode != 0:
        problems.append(f"replace: exit {r.returncode}: {r.stderr}")
    if r.stdout:
        problems.append(f"replace: wrote to standard output too: {r.stdout[:200]!r}")
    if not written.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<vocabulary '):
        problems.append(f"replace: the file holds {written[:200]!r}")
    if not written.endswith("</vocabulary>\n"):
        problems.append("replace: the file does not end with </vocabulary>")
    if os.path.exists(out + ".tmp"):
        problems.append("replace: out.xml.tmp left behind")

    # 2. The temporary file cannot be created (a directory is in the way):
    #    status 2, the old file untouched.
    blocked = os.path.join(work, "blocked.xml")
    with open(blocked, "w") as f:
        f.write("old content\n")
    os.makedirs(blocked + ".tmp")
    r = run([tg, "convert", "--to", "native", "-o", blocked, source])
    if r.returncode != 2:
        problems.append(f"blocked tmp: exit {r.returncode}, expected 2")
    if (f"termgraph: error: cannot write '{blocked}': '{blocked}.tmp' is a directory\n"
            != r.stderr):
        problems.append(f"blocked tmp: stderr {r.stderr!r}")
    with open(blocked) as f:
        if f.read() != "old content\n":
            problems.append("blocked tmp: the old file was changed")

    # 3. The rename fails (the target is a non-empty directory): status 2,
    #    the temporary file removed, the directory untouched.
    target = os.path.join(work, "a-directory")
    os.makedirs(target)
    with open(os.path.join(target, "keep"), "w") as f:
        f.write("keep\n")
    r = run([tg, "convert", "--to", "native", "-o", target, source])
    if r.returncode != 2:
        problems.append(f"rename: exit {r.returncode}, expected 2")
    if f"termgraph: error: cannot write '{target}'" not in r.stderr:
        problems.append(f"rename: stderr {r.stderr!r}")
    if os.path.exists(target + ".tmp"):
        problems.append("rename: a-directory.tmp left behind")
    if os.listdir(target) != ["keep"]:
        problems.append(f"rename: the directory now holds {os.listdir(target)}")

    for p in problems:
        print("FAIL:", p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
