#!/usr/bin/env python3
"""`termgraph check --fix` and `--fix --dry-run` end to end, with the rules
that have fixes (whitespace, not-nfc, note-label,
definition-ends-with-full-stop), on files written here: LF and CR LF line
breaks, decomposed letters, a byte order mark, a Latin-1 file, a symbolic
link.

Usage: check_fix.py TERMGRAPH WORK_DIR

- --fix --dry-run writes nothing; its diff, patched onto copies of the files,
  gives exactly the bytes --fix then writes;
- --fix writes those bytes, keeps permissions and links, fixes what it
  says, and the check that follows reports what remains (none of the
  fixed findings);
- a Latin-1 file is not edited, and says so.

Exits 77 (skipped) when this termgraph has no rule with fixes yet.
"""

import os
import shutil
import stat
import subprocess
import sys

FIXED_RULES = ["whitespace", "not-nfc", "note-label", "definition-ends-with-full-stop"]

LF = ('<?xml version="1.0" encoding="UTF-8"?>\n'
      '<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">\n'
      '  <entry number="1.1">\n'
      '    <term>ledger  book</term>\n'
      '    <definition>ordered record of entries.</definition>\n'
      '    <note>Note 1 to entry: A ledger is kept by many nodes.</note>\n'
      '  </entry>\n'
      '  <entry number="1.2">\n'
      '    <term> café</term>\n'
      '    <definition>place that serves coffee</definition>\n'
      '  </entry>\n'
      '</vocabulary>\n').encode("utf-8")
CRLF = ('\ufeff<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">\r\n'
        '  <entry number="2.1">\r\n'
        '    <term>the\u0301 </term>\r\n'
        '    <definition>hot drink.</definition>\r\n'
        '  </entry>\r\n'
        '</vocabulary>').encode("utf-8")
LATIN1 = ('<?xml version="1.0" encoding="ISO-8859-1"?>\n'
          '<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">\n'
          '  <entry number="3.1"><term>bière  blonde</term>'
          '<definition>pale beer</definition></entry>\n'
          '</vocabulary>\n').encode("latin-1")


def fail(message):
    print("FAIL:", message)
    sys.exit(1)


def run(termgraph, *args, expect=None):
    p = subprocess.run([termgraph, *args], capture_output=True, timeout=120)
    if expect is not None and p.returncode != expect:
        fail(f"termgraph {' '.join(args)}: exit status {p.returncode}, expected {expect}\n"
             f"{p.stdout.decode(errors='replace')}\n{p.stderr.decode(errors='replace')}")
    return p


def split(data):
    lines = data.split(b"\n")
    out = [(l, True) for l in lines[:-1]]
    if lines[-1]:
        out.append((lines[-1], False))
    return out


def patch(files, diff):
    """Applies a unified diff of several files to {path: bytes}."""
    lines = split(diff)
    i = 0
    result = dict(files)
    while i < len(lines):
        old_name, new_name = lines[i][0], lines[i + 1][0]
        if not old_name.startswith(b"--- a/") or not new_name.startswith(b"+++ b/"):
            fail(f"diff header: {old_name!r} {new_name!r}")
        path = old_name[6:].decode()
        if new_name[6:].decode() != path:
            fail(f"diff names two files: {old_name!r} {new_name!r}")
        old = split(files[path])
        out, at = [], 0
        i += 2
        while i < len(lines) and lines[i][0].startswith(b"@@ "):
            header = lines[i][0].decode()
            ranges = header.split(" ")[1:3]
            a, b = (int(x) for x in ranges[0][1:].split(","))
            c, d = (int(x) for x in ranges[1][1:].split(","))
            i += 1
            first = a - 1 if b else a
            out += old[at:first]
            at = first
            if (c - 1 if d else c) != len(out):
                fail(f"{path}: hunk {header}: new start does not follow")
            seen_old = seen_new = 0
            while i < len(lines) and (seen_old < b or seen_new < d):
                mark, body = lines[i][0][:1], lines[i][0][1:]
                newline = True
                if i + 1 < len(lines) and lines[i + 1][0] == b"\\ No newline at end of file":
                    newline = False
                    i += 1
                i += 1
                if mark in (b" ", b"-"):
                    if old[at] != (body, newline):
                        fail(f"{path}: {header}: context {body!r} is not {old[at]!r}")
                    at += 1
                    seen_old += 1
                if mark in (b" ", b"+"):
                    out.append((body, newline))
                    seen_new += 1
                if mark not in (b" ", b"-", b"+"):
                    fail(f"{path}: {header}: line {lines[i - 1][0]!r}")
            if (seen_old, seen_new) != (b, d):
                fail(f"{path}: {header}: counts {(seen_old, seen_new)}")
        out += old[at:]
        result[path] = b"".join(l + (b"\n" if nl else b"") for l, nl in out)
    return result


def main():
    termgraph, work = sys.argv[1:3]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "real"))
    os.chdir(work)
    files = {"lf.xml": LF, "crlf.xml": CRLF, "latin1.xml": LATIN1}
    for name, data in files.items():
        with open(name if name != "crlf.xml" else "real/crlf.xml", "wb") as f:
            f.write(data)
    os.symlink("real/crlf.xml", "crlf.xml")
    os.chmod("lf.xml", 0o640)
    names = list(files)

    before = run(termgraph, "check", "--no-source", *names).stdout.decode()
    if not any(f"[{r}]" in before for r in FIXED_RULES):
        print("SKIP: no rule with fixes reports here yet")
        sys.exit(77)

    # -- dry run ---------------------------------------------------------------
    p = run(termgraph, "check", "--fix", "--dry-run", *names)
    for name, data in files.items():
        if open(name, "rb").read() != data:
            fail(f"--dry-run changed {name}")
    diff = p.stdout
    if b"--- a/latin1.xml" in diff:
        fail("a diff for the Latin-1 file")
    if b"not fixed: the file is not UTF-8 as read" not in p.stderr:
        fail(f"Latin-1 file not named: {p.stderr!r}")
    expected = patch(files, diff)
    if expected["latin1.xml"] != LATIN1 or expected["lf.xml"] == LF or expected["crlf.xml"] == CRLF:
        fail("the diff does not change what it should")
    if b"@@ -3,9 +3,9 @@" not in diff and b"@@ -1,12 +1,12 @@" not in diff:
        fail(f"lf.xml hunk header:\n{diff.decode()}")

    # -- fix -------------------------------------------------------------------
    p = run(termgraph, "check", "--fix", "--no-source", *names)
    err = p.stderr.decode()
    if "termgraph: fixed 7 findings in 2 files" not in err:
        fail(f"summary: {err!r}")
    for name in names:
        got = open(name, "rb").read()
        if got != expected[name]:
            fail(f"{name} after --fix differs from the dry run's diff:\n{got!r}\n"
                 f"{expected[name]!r}")
    if stat.S_IMODE(os.stat("lf.xml").st_mode) != 0o640:
        fail("lf.xml lost its permissions")
    if not os.path.islink("crlf.xml"):
        fail("crlf.xml is no longer a symbolic link")
    if any(n.startswith(".") for n in os.listdir(".") + os.listdir("real")):
        fail(f"temporary files left: {os.listdir('.')} {os.listdir('real')}")
    # The byte order mark, the CR LF line breaks and the missing final line
    # break stay; the decomposed é is composed.
    crlf = expected["crlf.xml"]
    if not crlf.startswith(b"\xef\xbb\xbf") or crlf.count(b"\r\n") != 5 or crlf.endswith(b"\n"):
        fail(f"crlf.xml: {crlf!r}")
    if "thé</term>".encode() not in crlf or b"hot drink</definition>" not in crlf:
        fail(f"crlf.xml not fixed: {crlf!r}")
    lf = expected["lf.xml"]
    for want in (b"<term>ledger book</term>", b"<definition>ordered record of entries</definition>",
                 b"<note>A ledger is kept by many nodes.</note>", "<term>café</term>".encode()):
        if want not in lf:
            fail(f"lf.xml lacks {want!r}:\n{lf.decode()}")
    # What remains is reported: none of the fixed findings, the Latin-1
    # file's doubled space still.
    out = p.stdout.decode()
    remaining = [l for l in out.splitlines() if any(f"[{r}]" in l for r in FIXED_RULES)]
    if remaining != ["latin1.xml:3:34: warning: term 'bière blonde' has doubled spaces [whitespace]"]:
        fail(f"after --fix:\n{out}")
    # Nothing more to fix: a second run changes nothing.
    run(termgraph, "check", "--fix", *names)
    for name in names:
        if open(name, "rb").read() != expected[name]:
            fail(f"a second --fix changed {name}")
    print("ok")


if __name__ == "__main__":
    main()
