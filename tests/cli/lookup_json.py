#!/usr/bin/env python3
"""`lookup --format json` on a native vocabulary: the whole entry.

Usage: lookup_json.py TERMGRAPH DATA

On clean.xml (tests/cli/data): every language, designation (status, kind,
whether stated), block (text, references with the entry they resolve to)
and position; `--lang` keeps the sections asked for; no match gives an
empty list, status 1 and the message on standard error; an Arabic query
finds its term (scripts.xml).
"""

import json
import os
import subprocess
import sys

FAILURES = []


def run(termgraph, *args):
    p = subprocess.run([termgraph, *args], capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout, p.stderr


def expect(name, got, wanted):
    if got != wanted:
        FAILURES.append(f"{name}:\n  got    {got!r}\n  wanted {wanted!r}")


def main():
    termgraph, data = sys.argv[1:3]
    clean = os.path.join(data, "clean.xml")

    code, out, err = run(termgraph, "lookup", "--vocab", clean, "--format", "json", "archivist")
    expect("status", code, 0)
    expect("stderr", err, "")
    report = json.loads(out)
    expect("version", report["version"], 1)
    expect("query", report["query"], "archivist")
    expect("language", report["language"], "")
    expect("entries", len(report["entries"]), 1)
    entry = report["entries"][0]
    expect("number", (entry["number"], entry["numbered"]), ("2.2", True))
    expect("file", os.path.basename(entry["file"]), "clean.xml")
    expect("entry line", (entry["line"], entry["column"]), (19, 3))
    expect("subject field", entry["subject_field"], "")
    expect("categories", entry["categories"], [])
    expect("matched", entry["matched"], {"language": "en", "term": "archivist"})
    expect("languages", [s["language"] for s in entry["languages"]], ["en", "fr"])
    en = entry["languages"][0]
    term = en["designations"][0]
    expect("term", (term["text"], term["status"], term["kind"], term["line"], term["column"]),
           ("archivist", "preferred", "full-form", 20, 11))
    # No status attribute: preferred by ISO's convention, not stated.
    expect("term status stated", term["status_stated"], False)
    expect("grammar", (term["part_of_speech"], term["grammatical_gender"],
                       term["grammatical_number"], term["geographical_usage"]), ("", "", "", ""))
    definition = en["definition"]
    expect("definition", (definition["kind"], definition["text"], definition["line"]),
           ("definition", "person who keeps an archive", 21))
    expect("references", len(definition["references"]), 1)
    ref = definition["references"][0]
    expect("reference", (ref["text"], ref["markup"], ref["external"], ref["target"],
                         ref["line"]), ("archive", True, False, "2.1", 21))
    fr = entry["languages"][1]
    expect("fr definition", fr["definition"]["text"], "personne qui tient une archive (2.1)")
    expect("fr reference", [(r["number"], r["target"]) for r in fr["definition"]["references"]],
           [("2.1", "2.1")])

    # Every block kind and status of 2.1.
    code, out, _ = run(termgraph, "lookup", "--vocab", clean, "--format", "json", "2.1")
    entry = json.loads(out)["entries"][0]
    en = entry["languages"][0]
    expect("2.1 designations", [(d["text"], d["status"], d["status_stated"])
                                for d in en["designations"]],
           [("archive", "preferred", False), ("record store", "admitted", True),
            ("dump", "deprecated", True)])
    expect("2.1 blocks", ([b["text"] for b in en["examples"]], [b["kind"] for b in en["notes"]],
                          [b["text"] for b in en["sources"]]),
           (["The minutes of every meeting since 1990."], ["note"],
            ["written for the termgraph tests"]))

    # --lang: the sections asked for only.
    code, out, _ = run(termgraph, "lookup", "--vocab", clean, "--lang", "fr", "--format", "json",
                       "archiviste")
    report = json.loads(out)
    expect("--lang fr", (code, report["language"],
                         [s["language"] for s in report["entries"][0]["languages"]],
                         report["entries"][0]["matched"]),
           (0, "fr", ["fr"], {"language": "fr", "term": "archiviste"}))

    # No match: an empty list, status 1, the message on standard error.
    code, out, err = run(termgraph, "lookup", "--vocab", clean, "--format", "json", "archivz")
    expect("no match", (code, json.loads(out)["entries"]), (1, []))
    expect("no match stderr", err.splitlines()[0] if err else "",
           "termgraph: no entry matches 'archivz'")

    # Arabic script, with and without harakat; text output.
    scripts = os.path.join(data, "scripts.xml")
    for query in ["كتاب", "كِتَاب", "KITAB"]:
        code, out, _ = run(termgraph, "lookup", "--vocab", scripts, "--lang", "ar", query)
        wanted = (0, "1\nكِتَاب\nعمل مكتوب\n") if query != "KITAB" else (1, "")
        expect(f"lookup --lang ar {query}", (code, out), wanted)

    sys.exit("\n".join(["FAIL"] + FAILURES) if FAILURES else None)


if __name__ == "__main__":
    main()
