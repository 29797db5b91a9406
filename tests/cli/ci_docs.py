#!/usr/bin/env python3
"""The CI integration files agree with the program (issue 8, point 10).

Usage: ci_docs.py TERMGRAPH SOURCE_DIR DATA_DIR

- .pre-commit-hooks.yaml: one hook, `termgraph-check`, `language: system`,
  whose `files` pattern takes .xml, .tbx and .csv files and nothing else,
  and whose `entry`, run on the files pre-commit would pass, is a working
  termgraph command (status 0 on a clean file, 1 on one with errors);
- docs/ci.md: every YAML block parses (when PyYAML is installed); the
  GitHub workflow writes `termgraph check --format sarif` to the file it
  uploads with github/codeql-action/upload-sarif; the GitLab job writes
  `--format gitlab` to the file it publishes as `reports: codequality`;
  every option of every `termgraph` command line in it is an option of that
  command.
"""

import os
import re
import shlex
import subprocess
import sys

try:
    import yaml
except ImportError:  # structural checks only
    yaml = None

FAILURES = []


def expect(name, got, wanted):
    if got != wanted:
        FAILURES.append(f"{name}:\n  got    {got!r}\n  wanted {wanted!r}")


def options_of(termgraph, command):
    out = subprocess.run([termgraph, command, "--help"], capture_output=True, text=True,
                         timeout=60).stdout
    names = set()
    for m in re.finditer(r"^  (-[^ ]+)", out, re.M):
        names.update(n for n in m.group(1).split(",") if n.startswith("-"))
    return names


def check_hooks(termgraph, source, data):
    path = os.path.join(source, ".pre-commit-hooks.yaml")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if yaml:
        hooks = yaml.safe_load(text)
    else:
        hooks = [dict(re.findall(r"^\s*-?\s*(id|entry|language|files): (.*)$", text, re.M))]
    expect("hooks: one hook", len(hooks), 1)
    hook = hooks[0]
    expect("hook id", hook.get("id"), "termgraph-check")
    expect("hook language", hook.get("language"), "system")
    files = re.compile(hook.get("files", ""))
    for name, wanted in [("terms/a.xml", True), ("b.tbx", True), ("c/d.csv", True),
                         ("README.md", False), ("notes.txt", False), ("x.xml.bak", False)]:
        expect(f"hook files pattern on {name}", bool(files.search(name)), wanted)
    entry = shlex.split(hook.get("entry", ""))
    expect("hook entry runs termgraph check", entry[:2], ["termgraph", "check"])
    command = [termgraph] + entry[1:]
    for name, status in [("clean.xml", 0), ("findings.xml", 1)]:
        p = subprocess.run(command + [name], capture_output=True, text=True, timeout=60, cwd=data)
        expect(f"hook entry on {name}: status", p.returncode, status)


def termgraph_lines(text):
    """Every `termgraph COMMAND ...` command line in the text, joined over
    continuation lines."""
    text = re.sub(r"\\\n\s*", " ", text)
    return [m.group(0) for m in re.finditer(r"(?<![\w/-])termgraph (check|convert|lookup|refs)\b"
                                            r"[^\n|>`]*", text)]


def check_docs(termgraph, source):
    path = os.path.join(source, "docs", "ci.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    blocks = re.findall(r"^```yaml\n(.*?)^```", text, re.S | re.M)
    expect("ci.md: YAML blocks", len(blocks) >= 5, True)
    if yaml:
        for i, block in enumerate(blocks):
            try:
                yaml.safe_load(block)
            except yaml.YAMLError as e:
                FAILURES.append(f"ci.md: YAML block {i + 1} does not parse: {e}")

    # GitHub: the SARIF file written is the one uploaded.
    github = next((b for b in blocks if "upload-sarif" in b), None)
    if github is None:
        FAILURES.append("ci.md: no workflow with github/codeql-action/upload-sarif")
    else:
        written = re.search(r"termgraph check --format sarif .*> (\S+)", github)
        uploaded = re.search(r"sarif_file: (\S+)", github)
        expect("github: the file written is uploaded", written and written.group(1),
               uploaded and uploaded.group(1))
        if yaml:
            workflow = yaml.safe_load(github)
            job = next(iter(workflow["jobs"].values()))
            steps = [s.get("uses", "") for s in job["steps"]]
            expect("github: upload-sarif step",
                   any(s.startswith("github/codeql-action/upload-sarif@") for s in steps), True)
            expect("github: security-events permission",
                   workflow.get("permissions", {}).get("security-events"), "write")

    # GitLab: the Code Quality file written is the one published.
    gitlab = next((b for b in blocks if "codequality" in b), None)
    if gitlab is None:
        FAILURES.append("ci.md: no GitLab job with reports: codequality")
    else:
        written = re.search(r"termgraph check --format gitlab .*> (\S+)", gitlab)
        if yaml:
            job = next(iter(yaml.safe_load(gitlab).values()))
            published = job["artifacts"]["reports"]["codequality"]
            expect("gitlab: artifacts when always", job["artifacts"].get("when"), "always")
        else:
            published = re.search(r"codequality: (\S+)", gitlab).group(1)
        expect("gitlab: the file written is published", written and written.group(1), published)

    # Every option of every termgraph command line exists.
    known = {}
    lines = termgraph_lines(text)
    expect("ci.md: termgraph command lines", len(lines) >= 4, True)
    for line in lines:
        words = shlex.split(line)
        command = words[1]
        known.setdefault(command, options_of(termgraph, command))
        for word in words[2:]:
            if word.startswith("-") and word != "-":
                name = word.split("=")[0]
                if name not in known[command]:
                    FAILURES.append(f"ci.md: '{line}': {name} is not an option of "
                                    f"termgraph {command}")


def main():
    termgraph, source, data = sys.argv[1:4]
    termgraph = os.path.abspath(termgraph) if os.sep in termgraph else termgraph
    check_hooks(termgraph, source, data)
    check_docs(termgraph, source)
    if FAILURES:
        print("\n".join(FAILURES))
        sys.exit(1)
    print("CI integration files: all checks passed" + ("" if yaml else " (without PyYAML)"))


if __name__ == "__main__":
    main()
