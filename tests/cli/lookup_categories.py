#!/usr/bin/env python3
"""`lookup` shows a TBX termbase's data categories (issue 9, point 5).

Usage: lookup_categories.py TERMGRAPH TBX

TBX is tests/data/tbx/lookup-categories.tbx. Text: the subject field in
angle brackets before the definition (a language's own replacing the
entry's), grammar and geographical usage after the term, the other
categories under the entry, term and language in source order, a
transaction with its date and responsibility. The TBX reader reads the
entry's note and the xGraphic as notes of the first language (Note N to
entry): the categories whose text is a block are shown as blocks. JSON: the same categories
with level, element, type, value, target, grouping, details and whether
known. duplicate-term (under --profile iso) leaves the two "star" entries
alone: their subject fields differ.

Needs the TBX reader's data categories (branch i9-tbx).
"""

import json
import subprocess
import sys

FAILURES = []

STERN = ("c1\n"
         "transactionType: origination (date: 2024-05-01; responsibility: Jo Smith \u2192 jsmith)\n"
         "projectSubset: Sky atlas\n"
         "x-reviewStatus: checked\n"
         "[en]\n"
         "star, noun\n"
         "  customerSubset: ACME\n"
         "lodestar, GB (admitted)\n"
         "<astronomy> self-luminous celestial body\n"
         "Note 1 to entry: Entry reviewed in spring.\n"
         "Note 2 to entry: star.png\n"
         "transactionType: modification (date: 2024-06-02)\n"
         "[de]\n"
         "Stern, m, sg, noun\n"
         "<Astronomie> selbstleuchtender Himmelskörper\n")


def run(termgraph, *args):
    p = subprocess.run([termgraph, *args], capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout, p.stderr


def expect(name, got, wanted):
    if got != wanted:
        FAILURES.append(f"{name}:\n  got    {got!r}\n  wanted {wanted!r}")


def category(c):
    """The members of a category that say what it is, details included."""
    return (c["level"], c["element"], c["type"], c["value"], c["target"], c["grouped"],
            c["known"], [category(d) for d in c["details"]])


def main():
    termgraph, tbx = sys.argv[1:3]

    code, out, _ = run(termgraph, "lookup", "--vocab", tbx, "Stern")
    expect("lookup Stern", (code, out), (0, STERN))

    # Homographs: both entries, each with its own subject field.
    code, out, _ = run(termgraph, "lookup", "--vocab", tbx, "--lang", "en", "star")
    expect("lookup --lang en star: status", code, 0)
    expect("lookup --lang en star: film", "c2\nstar, noun\n<film> leading performer in a film\n"
           in out, True)

    code, out, _ = run(termgraph, "lookup", "--vocab", tbx, "--format", "json", "Stern")
    expect("json status", code, 0)
    entries = json.loads(out)["entries"]
    expect("json entries", [e["number"] for e in entries], ["c1"])
    entry = entries[0]
    expect("subject field", entry["subject_field"], "astronomy")
    expect("entry categories", [category(c) for c in entry["categories"]], [
        ("entry", "transac", "transactionType", "origination", "", True, True, [
            ("entry", "date", "", "2024-05-01", "", False, True, []),
            ("entry", "transacNote", "responsibility", "Jo Smith", "jsmith", False, True, []),
        ]),
        ("entry", "descrip", "subjectField", "astronomy", "", False, True, []),
        ("entry", "admin", "projectSubset", "Sky atlas", "", False, True, []),
        ("entry", "descrip", "x-reviewStatus", "checked", "", False, False, []),
        ("entry", "note", "", "Entry reviewed in spring.", "", False, True, []),
    ])
    first = entry["categories"][0] if entry["categories"] else {}
    expect("transaction line", (first.get("line"), first.get("column")), (13, 9))
    if len(entry["languages"]) != 2 or len(entry["languages"][0]["designations"]) != 2:
        sys.exit("\n".join(["FAIL"] + FAILURES + ["languages or designations missing"]))
    en, de = entry["languages"]
    expect("en categories", [(c["type"], c["block"]["kind"] if c["block"] else None)
                             for c in en["categories"]],
           [("definition", "definition"), ("xGraphic", "note"), ("transactionType", None)])
    star, lodestar = en["designations"]
    expect("star", (star["text"], star["status"], star["status_stated"], star["part_of_speech"],
                    [category(c) for c in star["categories"]]),
           ("star", "preferred", False, "noun", [
               ("term", "termNote", "partOfSpeech", "noun", "", False, True, []),
               ("term", "admin", "customerSubset", "ACME", "", False, True, []),
           ]))
    expect("lodestar", (lodestar["status"], lodestar["status_stated"],
                        lodestar["geographical_usage"]), ("admitted", True, "GB"))
    expect("de", (de["subject_field"], de["designations"][0]["grammatical_gender"],
                  de["designations"][0]["grammatical_number"], de["definition"]["text"]),
           ("Astronomie", "masculine", "singular", "selbstleuchtender Himmelskörper"))

    # duplicate-term under iso: the two "star" entries differ in subject field.
    code, out, _ = run(termgraph, "check", "--profile", "iso", "--format", "json", tbx)
    rules = [d["rule"] for d in json.loads(out)["diagnostics"]]
    expect("no duplicate-term", "duplicate-term" in rules, False)

    sys.exit("\n".join(["FAIL"] + FAILURES) if FAILURES else None)


if __name__ == "__main__":
    main()
