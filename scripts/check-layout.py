#!/usr/bin/env python3
"""Checks that data flows one way through src/: no file includes a header of
a later stage (docs/design.md lists the stages). Prints every include that
runs back and exits 1 when there is one.

    scripts/check-layout.py [SRC_DIR]
"""
import pathlib
import re
import sys

# Stages in data-flow order; folders on one line share a rank.
STAGES = [["text"], ["diag"], ["format"], ["model"], ["read"], ["analysis"], ["lookup"],
          ["write", "report"], ["load"], ["publish"], ["cli"]]
RANK = {name: rank for rank, names in enumerate(STAGES) for name in names}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def main() -> int:
    src = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "src")
    problems = []
    files = 0
    for path in sorted(src.rglob("*")):
        if path.suffix not in (".cpp", ".hpp", ".h"):
            continue
        files += 1
        stage = path.relative_to(src).parts[0]
        if stage not in RANK:
            problems.append(f"{path}: folder '{stage}' is not a stage of docs/design.md")
            continue
        for included in INCLUDE.findall(path.read_text(encoding="utf-8")):
            first = included.split("/")[0]
            if first == "termgraph" or first not in RANK:
                continue  # public headers, or a file of the same folder
            if RANK[first] > RANK[stage]:
                problems.append(f"{path}: includes {included} ({first}/ comes after {stage}/)")
    for p in problems:
        print(p)
    print(f"check-layout: {files} files, {len(problems)} includes against the flow")
    return 1 if problems or files == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
