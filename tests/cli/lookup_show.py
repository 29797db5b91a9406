#!/usr/bin/env python3
"""lookup --show, the language fallback, term status marks, the file of each
entry when several are read, refs --format json and "did you mean" with an
id (issue 10, points 7 and 9).

Usage: lookup_show.py TERMGRAPH WORKDIR
"""

import json
import os
import subprocess
import sys

# French first in the file, but the file declares English its first
# language: the fallback is English.
MAIN = """<?xml version="1.0" encoding="UTF-8"?>
<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en" languages="en fr">
  <entry number="5.1">
    <lang xml:lang="fr-FR">
      <term>grand livre</term>
      <definition>registre des opérations</definition>
    </lang>
    <lang xml:lang="en">
      <term>ledger</term>
      <term status="admitted">book of accounts</term>
      <term status="deprecated">journal</term>
      <definition>record of transactions</definition>
    </lang>
  </entry>
  <entry number="5.2">
    <term>ledger entry</term>
    <definition>one line of a <ref to="5.1">ledger</ref></definition>
  </entry>
</vocabulary>
"""

# A termbase entry with an id and no number.
TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c77">
      <langSec xml:lang="en"><termSec><term>telescope</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""

FAILURES = []


def run(termgraph, *args):
    p = subprocess.run([termgraph] + list(args), capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout, p.stderr


def expect(name, got, wanted):
    if got != wanted:
        FAILURES.append(f"{name}:\n  got    {got!r}\n  wanted {wanted!r}")


def main():
    termgraph, work = sys.argv[1:3]
    os.makedirs(work, exist_ok=True)
    main_file = os.path.join(work, "main.xml")
    tbx_file = os.path.join(work, "stars.tbx")
    with open(main_file, "w", encoding="utf-8") as f:
        f.write(MAIN)
    with open(tbx_file, "w", encoding="utf-8") as f:
        f.write(TBX)

    # Marks: admitted after the term, deprecated before it.
    status, out, _ = run(termgraph, "lookup", "--vocab", main_file, "--lang", "en", "ledger")
    expect("marks status", status, 0)
    expect("marks", out, "5.1\nledger\nbook of accounts (admitted)\nDEPRECATED: journal\n"
           "record of transactions\n")

    # --lang matches in English, --show prints French (fr matches fr-FR).
    status, out, _ = run(termgraph, "lookup", "--vocab", main_file, "--lang", "en",
                         "--show", "FR", "ledger")
    expect("show fr", out, "5.1\ngrand livre\nregistre des opérations\n")
    status, out, _ = run(termgraph, "lookup", "--vocab", main_file, "--show", "fr,en", "5.1")
    expect("show fr,en", out.splitlines()[:3], ["5.1", "[fr-FR]", "grand livre"])
    status, out, _ = run(termgraph, "lookup", "--vocab", main_file, "--show", "all", "5.1")
    expect("show all", out.count("["), 2)

    # Fallback: no German section; English is the file's first declared
    # language although French comes first in the entry.
    status, out, _ = run(termgraph, "lookup", "--vocab", main_file, "--show", "de", "5.1")
    expect("fallback status", status, 0)
    expect("fallback", out.splitlines()[:3], ["5.1", "(no de section; shown in en)", "ledger"])
    status, out, _ = run(termgraph, "lookup", "--vocab", main_file, "--lang", "de", "5.1")
    expect("fallback --lang", out.splitlines()[1], "(no de section; shown in en)")
    status, out, _ = run(termgraph, "lookup", "--vocab", main_file, "--show", "de,it,fr", "5.1")
    expect("partial", out, "5.1\n(no de or it section)\ngrand livre\nregistre des opérations\n")
    status, _, err = run(termgraph, "lookup", "--vocab", main_file, "--show", "fr,,en", "5.1")
    expect("empty range status", status, 2)
    expect("empty range message", "--show" in err, True)

    # One file: no location line; two: one per entry.
    status, out, _ = run(termgraph, "lookup", "--vocab", main_file, "--vocab", tbx_file,
                         "--show", "en", "ledger")
    expect("several files", out.splitlines()[:2], [main_file + ":3:3", "5.1"])

    # refs --format json
    status, out, _ = run(termgraph, "refs", "--vocab", main_file, "--format", "json",
                         "ledger entry")
    expect("refs json status", status, 0)
    report = json.loads(out)
    expect("refs version", report["version"], 1)
    expect("refs query", report["query"], "ledger entry")
    [entry] = report["entries"]
    expect("refs entry", (entry["number"], entry["term"], entry["file"], entry["line"]),
           ("5.2", "ledger entry", main_file, 15))
    # Named as text output names it: the first preferred term (French here).
    expect("refs cites", entry["cites"], [{"number": "5.1", "term": "grand livre",
                                           "kind": "definition"}])
    expect("refs cited_by", entry["cited_by"], [])
    expect("refs prerequisites", entry["prerequisites"],
           [{"number": "5.1", "term": "grand livre", "cycle": False}])
    status, out, _ = run(termgraph, "refs", "--vocab", main_file, "--format", "json", "5.1")
    cited_by = json.loads(out)["entries"][0]["cited_by"]
    expect("refs cited_by 5.1", cited_by, [{"number": "5.2", "term": "ledger entry",
                                            "kind": "definition"}])
    status, out, err = run(termgraph, "refs", "--vocab", main_file, "--format", "json", "zzz")
    expect("refs json no match", (status, json.loads(out)["entries"]), (1, []))

    # did you mean: the id of an entry without a number.
    status, _, err = run(termgraph, "lookup", "--vocab", tbx_file, "telescpoe")
    expect("suggestion status", status, 1)
    expect("suggestion", err.splitlines()[-1], "did you mean: telescope (id c77)")

    if FAILURES:
        print("\n".join(FAILURES))
        sys.exit(1)
    print("lookup_show: all checks passed")


main()
