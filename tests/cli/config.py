#!/usr/bin/env python3
"""The rule options and `.termgraph.toml` (issue 8, point 5).

Usage: config.py TERMGRAPH WORKDIR FINDINGS_XML

Builds small trees of directories under WORKDIR at test time and checks:

- the file is found by walking up from the first input (a file or a
  directory), and the walk stops at the root of a checkout (`.git`);
- `--config FILE` reads that file instead;
- the command line wins over the file (profile, levels, werror);
- `--werror` and `werror = true` make warnings errors (status 1);
- every error of the file is reported as FILE:LINE:COLUMN with its
  suggestion, status 2, and nothing is checked;
- unknown rule names in the options are usage errors with a suggestion;
- `convert` takes the same settings.

findings.xml has, under the iso profile: dangling-reference (error, 18:37),
duplicate-number (error), circular-definition (warning), missing-definition
(warning).
"""

import os
import re
import shutil
import subprocess
import sys

FAILURES = []


def expect(name, got, wanted):
    if got != wanted:
        FAILURES.append(f"{name}:\n  got    {got!r}\n  wanted {wanted!r}")


def expect_match(name, text, pattern):
    if not re.search(pattern, text, re.M):
        FAILURES.append(f"{name}: no match for {pattern!r} in\n{text}")


def expect_no_match(name, text, pattern):
    if re.search(pattern, text, re.M):
        FAILURES.append(f"{name}: unexpected match for {pattern!r} in\n{text}")


def run(termgraph, *args, cwd):
    p = subprocess.run([termgraph, *args], capture_output=True, text=True, timeout=300, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


def rules_of(out):
    """{rule: severity} of the findings of a --no-source text report."""
    found = {}
    for m in re.finditer(r"^\S+: (error|warning|note): .* \[([a-z-]+)\]$", out, re.M):
        found[m.group(2)] = m.group(1)
    return found


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    termgraph, work, findings = sys.argv[1:4]
    termgraph = os.path.abspath(termgraph) if os.sep in termgraph else termgraph
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    # findings.xml without its numbering gap (1.3 then 1.5): entry 1.5 becomes
    # 1.4, so that the rules listed above are all there is.
    with open(findings, encoding="utf-8") as f:
        text = f.read()
    if text.count('number="1.5"') != 1:
        sys.exit("FAIL: findings.xml has changed: no single entry 1.5")
    findings = os.path.join(work, "findings-no-gap.xml")
    write(findings, text.replace('number="1.5"', 'number="1.4"'))

    # -- found by walking up, stopped by the checkout's root ----------------
    # outer/.termgraph.toml is above the checkout: never read.
    outer = os.path.join(work, "outer")
    repo = os.path.join(outer, "repo")
    os.makedirs(os.path.join(repo, ".git"))
    write(os.path.join(outer, ".termgraph.toml"), '[rules]\nduplicate-number = "off"\n')
    write(os.path.join(repo, ".termgraph.toml"),
          '# the checkout\'s settings\n[rules]\ndangling-reference = "warning"\n'
          'circular-definition = "off"\n')
    deep = os.path.join(repo, "terms", "deep")
    os.makedirs(deep)
    shutil.copy(findings, os.path.join(deep, "findings.xml"))

    # From a file two levels below the file, run from elsewhere.
    status, out, err = run(termgraph, "check", "--no-source", "repo/terms/deep/findings.xml",
                           cwd=outer)
    expect("walk up: status (duplicate-number still an error)", status, 1)
    expect("walk up: rules", rules_of(out),
           {"dangling-reference": "warning", "duplicate-number": "error",
            "missing-definition": "warning"})
    expect("walk up: stderr", err, "")
    # From a directory input, and from the directory itself.
    status, out, _ = run(termgraph, "check", "--no-source", "terms", cwd=repo)
    expect("walk up from a directory: rules", rules_of(out),
           {"dangling-reference": "warning", "duplicate-number": "error",
            "missing-definition": "warning"})
    status, out, _ = run(termgraph, "check", "--no-source", "findings.xml", cwd=deep)
    expect("walk up from the current directory: rules", set(rules_of(out)),
           {"dangling-reference", "duplicate-number", "missing-definition"})
    # The first input decides: a file outside the checkout first reads no
    # configuration of the checkout.
    shutil.copy(findings, os.path.join(work, "first.xml"))
    status, out, _ = run(termgraph, "check", "--no-source", "first.xml",
                         "outer/repo/terms/deep/findings.xml", cwd=work)
    expect("first input outside: circular-definition kept", rules_of(out).get(
        "circular-definition"), "warning")

    # Without a .git, the walk goes on up to outer/.
    os.rmdir(os.path.join(repo, ".git"))
    os.remove(os.path.join(repo, ".termgraph.toml"))
    status, out, _ = run(termgraph, "check", "--no-source", "terms", cwd=repo)
    expect("walk up past a directory without .git: duplicate-number off", status, 1)
    expect("walk up past a directory without .git: rules", set(rules_of(out)),
           {"dangling-reference", "circular-definition", "missing-definition"})
    os.makedirs(os.path.join(repo, ".git"))

    # -- the command line wins -------------------------------------------
    write(os.path.join(repo, ".termgraph.toml"),
          'profile = "termbase"\n[rules]\ndangling-reference = "off"\n'
          'missing-definition = "error"\n')
    status, out, _ = run(termgraph, "check", "--no-source", "terms", cwd=repo)
    expect("file alone: rules", rules_of(out),
           {"duplicate-number": "error", "missing-definition": "error",
            "circular-definition": "warning"})
    status, out, _ = run(termgraph, "check", "--no-source", "--severity",
                         "dangling-reference=note", "--disable", "missing-definition",
                         "--profile", "iso", "terms", cwd=repo)
    expect("command line over the file: rules", rules_of(out),
           {"dangling-reference": "note", "duplicate-number": "error",
            "circular-definition": "warning"})
    # --disable wins over --severity, which wins over --enable.
    status, out, _ = run(termgraph, "check", "--no-source", "--severity",
                         "circular-definition=error", "--disable", "circular-definition",
                         "--enable", "duplicate-number", "--severity",
                         "duplicate-number=note", "terms", cwd=repo)
    expect("--disable over --severity over --enable", rules_of(out),
           {"duplicate-number": "note", "missing-definition": "error"})
    # --enable turns on what the profile turns off: missing-definition is off
    # under termbase; --config names another file.
    write(os.path.join(work, "termbase.toml"), 'profile = "termbase"\n')
    status, out, _ = run(termgraph, "check", "--no-source", "--config", "../../termbase.toml",
                         "terms", cwd=repo)
    expect("--config: termbase drops missing-definition", "missing-definition" in rules_of(out),
           False)
    status, out, _ = run(termgraph, "check", "--no-source", "--config", "../../termbase.toml",
                         "--enable", "missing-definition", "terms", cwd=repo)
    expect("--enable under termbase", rules_of(out).get("missing-definition"), "warning")

    # -- werror ---------------------------------------------------------------
    write(os.path.join(work, "warnings.toml"),
          '[rules]\ndangling-reference = "warning"\nduplicate-number = "warning"\n')
    status, out, _ = run(termgraph, "check", "--no-source", "--config", "warnings.toml",
                         findings, cwd=work)
    expect("warnings only: status", status, 0)
    expect_match("warnings only: summary", out, r"^4 warnings generated$")
    status, out, _ = run(termgraph, "check", "--no-source", "--config", "warnings.toml",
                         "--werror", findings, cwd=work)
    expect("--werror: status", status, 1)
    expect_match("--werror: summary", out, r"^4 errors generated$")
    expect("--werror: rules", set(rules_of(out).values()), {"error"})
    write(os.path.join(work, "werror.toml"),
          'werror = true\n[rules]\ndangling-reference = "warning"\nduplicate-number = "off"\n')
    status, out, _ = run(termgraph, "check", "--no-source", "--config", "werror.toml", findings,
                         cwd=work)
    expect("werror = true: status", status, 1)
    expect("werror = true: rules", rules_of(out),
           {"dangling-reference": "error", "circular-definition": "error",
            "missing-definition": "error"})
    status, out, _ = run(termgraph, "check", "--no-source", "--config", "werror.toml",
                         "--no-werror", findings, cwd=work)
    expect("--no-werror over werror = true: status", status, 0)
    expect("--no-werror over werror = true: rules", rules_of(out),
           {"dangling-reference": "warning", "circular-definition": "warning",
            "missing-definition": "warning"})

    # -- errors in the file, located --------------------------------------
    bad = os.path.join(work, "bad.toml")
    write(bad, 'profil = "iso"\nwerror = "yes"\n[rules]\ndangling-refrence = "warning"\n'
               'circular-definition = "warn"\nself-reference = 3\n')
    status, out, err = run(termgraph, "check", "--config", "bad.toml", findings, cwd=work)
    expect("bad config: status", status, 2)
    expect("bad config: stdout (nothing checked)", out, "")
    expect("bad config: stderr", err.splitlines(), [
        "bad.toml:1:1: error: unknown key 'profil' ('profile', 'werror' or 'rules'); "
        "did you mean 'profile'?",
        "bad.toml:2:10: error: werror must be true or false",
        "bad.toml:4:1: error: unknown rule 'dangling-refrence'; did you mean "
        "'dangling-reference'?",
        "bad.toml:5:23: error: unknown level 'warn' (error, warning, note, off or on); "
        "did you mean 'warning'?",
        "bad.toml:6:18: error: the level of 'self-reference' must be a string: \"error\", "
        "\"warning\", \"note\", \"off\" or \"on\"",
    ])
    write(bad, 'profile = "iso"\n[rules\ndangling-reference = "warning"\n')
    status, out, err = run(termgraph, "check", "--config", "bad.toml", findings, cwd=work)
    expect("TOML syntax error: status", status, 2)
    expect("TOML syntax error: located", err,
           "bad.toml:2:7: error: TOML syntax: parsing table header: expected ']', saw '\\n'\n")
    write(bad, 'profile = "isso"\n')
    status, out, err = run(termgraph, "check", "--config", "bad.toml", findings, cwd=work)
    expect("bad profile", (status, err),
           (2, "bad.toml:1:11: error: profile must be \"iso\" or \"termbase\"; did you mean "
               "'iso'?\n"))
    # A file found by walking up is named relative to the current directory.
    write(os.path.join(repo, ".termgraph.toml"), '[rules]\nno-such-rule = "off"\n')
    status, out, err = run(termgraph, "check", "findings.xml", cwd=deep)
    expect("found file, located", (status, err),
           (2, "../../.termgraph.toml:2:1: error: unknown rule 'no-such-rule'\n"))
    os.remove(os.path.join(repo, ".termgraph.toml"))
    status, out, err = run(termgraph, "check", "--config", "missing.toml", findings, cwd=work)
    expect("missing --config", (status, err),
           (2, "termgraph: error: cannot read the configuration file 'missing.toml': "
               "No such file or directory\n"))

    # -- unknown rules and levels on the command line -----------------------
    for args, message in [
            (["--disable", "dangling-refrence"],
             "termgraph: error: --disable: unknown rule 'dangling-refrence'; did you mean "
             "'dangling-reference'?"),
            (["--enable", "unreferenced"],
             "termgraph: error: --enable: unknown rule 'unreferenced'; did you mean "
             "'unreferenced-entry'?"),
            (["--severity", "circular-definition=fatal"],
             "termgraph: error: --severity: unknown level 'fatal' (error, warning, note, off "
             "or on)"),
            (["--severity", "circular-definition"],
             "termgraph: error: --severity: 'circular-definition' is not RULE=LEVEL (e.g. "
             "dangling-reference=warning)"),
            (["--severity", "circular-definitoin=error"],
             "termgraph: error: --severity: unknown rule 'circular-definitoin'; did you mean "
             "'circular-definition'?")]:
        status, out, err = run(termgraph, "check", *args, findings, cwd=work)
        expect(f"{' '.join(args)}: status", status, 2)
        expect(f"{' '.join(args)}: stdout", out, "")
        expect(f"{' '.join(args)}: message", err.splitlines()[:1], [message])

    # -- convert takes the same settings ------------------------------------
    status, out, err = run(termgraph, "convert", "--to", "native", "--disable",
                           "dangling-reference", "--disable", "duplicate-number", findings,
                           cwd=work)
    expect("convert --disable: status", status, 0)
    expect_no_match("convert --disable: stderr", err, r"dangling-reference|duplicate-number")
    expect_match("convert --disable: the rest reported", err, r"\[circular-definition\]$")
    status, out, err = run(termgraph, "convert", "--to", "native", "--config", "warnings.toml",
                           "--werror", findings, cwd=work)
    expect("convert --werror: status", status, 1)
    expect_match("convert --werror: written", out, r"<entry number=\"1.4\">")

    if FAILURES:
        print("\n".join(FAILURES))
        sys.exit(1)
    print("configuration: all checks passed")


if __name__ == "__main__":
    main()
