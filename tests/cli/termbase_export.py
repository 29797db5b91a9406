#!/usr/bin/env python3
"""`termgraph check` on a termbase shaped like a Microsoft terminology export
(issue 8, point 1).

Usage: termbase_export.py TERMGRAPH WORKDIR [ENTRIES]

The file is generated at test time rather than committed: TBX 2008
(`martif`) on one line, ENTRIES (default 3000) termEntry elements, each with
an English definition and term and a term in one other language without a
definition, every fifth English term one of a few words (homographs of
different concepts), the header naming an XCS that is not beside the file.
Under the termbase profile (TBX's default) this is a valid termbase: no
error, exit status 0, and none of duplicate-term, missing-definition,
missing-definition-in-language. The XCS that cannot be read is the one
warning. Under --profile iso the same file gets those findings (so their
absence is the profile's doing).
"""

import json
import os
import subprocess
import sys

FAILURES = []
HOMOGRAPHS = ["file", "key", "record", "share", "drive", "table"]


def expect(name, got, wanted):
    if got != wanted:
        FAILURES.append(f"{name}:\n  got    {got!r}\n  wanted {wanted!r}")


def export(entries):
    parts = ['<?xml version="1.0" encoding="utf-8"?>'
             '<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">'
             '<martif type="TBX" xml:lang="en-US"><martifHeader><fileDesc><sourceDesc>'
             '<p>Generated terminology export</p></sourceDesc></fileDesc>'
             '<encodingDesc><p type="XCSURI">TBXXCSV02.xcs</p></encodingDesc>'
             '</martifHeader><text><body>']
    for i in range(entries):
        term = HOMOGRAPHS[(i // 5) % len(HOMOGRAPHS)] if i % 5 == 0 else f"term {i}"
        parts.append(
            f'<termEntry id="{5000 + i}_1"><langSet xml:lang="en-US"><descripGrp>'
            f'<descrip type="definition">meaning {i} of the word, as the product uses it'
            f'</descrip></descripGrp><ntig><termGrp><term>{term}</term>'
            f'<termNote type="partOfSpeech">Noun</termNote></termGrp></ntig></langSet>'
            f'<langSet xml:lang="ug-CN"><ntig><termGrp><term>ئاتالغۇ {i}</term></termGrp>'
            f'</ntig></langSet></termEntry>')
    parts.append("</body></text></martif>")
    return "".join(parts)


def run(termgraph, work, *args):
    p = subprocess.run([termgraph, *args], capture_output=True, text=True, timeout=300,
                       cwd=work)
    return p.returncode, p.stdout, p.stderr


def main():
    termgraph, work = sys.argv[1:3]
    entries = int(sys.argv[3]) if len(sys.argv) > 3 else 3000
    if os.sep in termgraph:
        termgraph = os.path.abspath(termgraph)
    os.makedirs(work, exist_ok=True)
    with open(os.path.join(work, "export.tbx"), "w", encoding="utf-8") as f:
        f.write(export(entries))

    status, out, err = run(termgraph, work, "check", "export.tbx")
    expect("check: exit status", status, 0)
    expect("check: stderr", err, "")
    findings = [l for l in out.splitlines() if l.startswith("export.tbx:")]
    expect("check: findings",
           [l.split(": ", 1)[1] for l in findings],
           ["warning: XCS 'TBXXCSV02.xcs' cannot be read as XML next to the document; "
            "languages are not checked against it [unsupported-content]"])

    status, out, err = run(termgraph, work, "check", "--format", "json", "export.tbx")
    expect("check --format json: exit status", status, 0)
    report = json.loads(out)
    expect("check --format json: entries", report["entries"], entries)
    expect("check --format json: errors", report["errors"], 0)
    rules = sorted({d["rule"] for d in report["diagnostics"]})
    expect("check --format json: rules", rules, ["unsupported-content"])

    status, out, err = run(termgraph, work, "check", "--profile", "iso", "--format", "json",
                           "export.tbx")
    report = json.loads(out)
    rules = {d["rule"] for d in report["diagnostics"]}
    for rule in ("duplicate-term", "missing-definition-in-language"):
        expect(f"--profile iso reports {rule}", rule in rules, True)

    if FAILURES:
        print("\n".join(FAILURES))
        sys.exit(1)
    print(f"ok: {entries} entries, no error under the termbase profile")


if __name__ == "__main__":
    main()
