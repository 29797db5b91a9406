#!/usr/bin/env python3
"""A generated two-language TBX 2008 export (scripts/gen-tbx.py, in the shape
of a Microsoft / MultiTerm export): `lookup` finds its entries by English
term and by Arabic-script term (Arabic and Uyghur), `--lang` narrows to one
section, and `convert --to tbx2008` / `--to tbx` write it out, the TBX 2008
copy looked up by the same terms (issue 9, point 6).

The TBX 2008 copy is validated against the TBX 2008 core structure DTD
when DTD (the shared corpus's TBXcoreStructV02.dtd) exists and xmllint is
installed; otherwise that step is skipped with a message.

Usage: tbx2008_export.py TERMGRAPH GEN_TBX WORKDIR ENTRIES [DTD]
"""

import json
import os
import shutil
import subprocess
import sys

FAILURES = []


def expect(name, got, wanted):
    if got != wanted:
        FAILURES.append(f"{name}:\n  got    {got!r}\n  wanted {wanted!r}")


def run(termgraph, *args):
    p = subprocess.run([termgraph, *args], capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout, p.stderr


def generate(gen, work, entries, script):
    path = os.path.join(work, f"export-{script}.tbx")
    expected = os.path.join(work, f"expected-{script}.json")
    subprocess.run([sys.executable, gen, "--entries", str(entries), "--script", script,
                    "--out", path, "--expected", expected], check=True, timeout=300)
    with open(expected, encoding="utf-8") as f:
        return path, json.load(f)


def lookup_json(termgraph, path, *args):
    """`lookup --format json`: (status, [(number, subject field, {language: [terms]})])."""
    code, out, err = run(termgraph, "lookup", "--format", "json", "--vocab", path, *args)
    if code != 0:
        return code, []
    found = []
    for e in json.loads(out)["entries"]:
        terms = {l["language"]: [d["text"] for d in l["designations"]] for l in e["languages"]}
        found.append((e["number"], e["subject_field"], terms))
    return code, found


def lookups(termgraph, path, expected, script, number):
    """Every expected entry found by its English and by its Arabic-script
    term, alone; `number` gives the entry number of an id of the input."""
    lang = "ar-SA" if script == "ar" else "ug-CN"
    for pick in expected["lookups"]:
        entry = number(pick["id"])
        whole = (entry, pick["subject"], {"en-US": [pick["en"]] + pick["abbreviations"],
                                          lang: [pick["other"]]})
        for query in [pick["en"], pick["other"]]:
            expect(f"{path}: lookup {query!r}", lookup_json(termgraph, path, query),
                   (0, [whole]))
        # Only the Arabic-script section with --lang.
        expect(f"{path}: lookup --lang {lang[:2]} {pick['other']!r}",
               lookup_json(termgraph, path, "--lang", lang[:2], pick["other"]),
               (0, [(entry, pick["subject"], {lang: [pick["other"]]})]))
        # An English term is not one of that section's.
        code, _, _ = run(termgraph, "lookup", "--vocab", path, "--lang", lang[:2], pick["en"])
        expect(f"{path}: lookup --lang {lang[:2]} {pick['en']!r}: status", code, 1)
        # The text output leads with the entry and shows both scripts.
        code, out, _ = run(termgraph, "lookup", "--vocab", path, pick["other"])
        lines = out.splitlines()
        expect(f"{path}: lookup {pick['other']!r} (text): status and entry", (code, lines[:1]),
               (0, [entry]))
        expect(f"{path}: lookup {pick['other']!r} (text): both terms",
               [any(pick["en"] in l for l in lines), any(pick["other"] in l for l in lines)],
               [True, True])


def main():
    termgraph, gen, work = sys.argv[1:4]
    entries = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    dtd = sys.argv[5] if len(sys.argv) > 5 else ""
    os.makedirs(work, exist_ok=True)
    validate = bool(dtd) and os.path.isfile(dtd) and shutil.which("xmllint") is not None
    if validate:
        # Beside the files, where their DOCTYPE names it.
        shutil.copy(dtd, os.path.join(work, "TBXcoreStructV02.dtd"))
    else:
        print(f"skipped: DTD validation (no DTD at {dtd!r} or no xmllint)")
    for script in ["ar", "ug"]:
        path, expected = generate(gen, work, entries, script)
        expect(f"{script}: lookups", len(expected["lookups"]), 4)
        lookups(termgraph, path, expected, script, lambda i: i)

        # Check: no error (the XCS named in the header is not beside the
        # file: the one warning).
        code, out, err = run(termgraph, "check", "--format", "json", path)
        expect(f"{script}: check status", code, 0)
        findings = json.loads(out)
        errors = [d for d in findings["diagnostics"] if d["severity"] == "error"]
        expect(f"{script}: check errors", errors, [])

        for to in ["tbx2008", "tbx"]:
            out_path = os.path.join(work, f"converted-{script}.{to}.tbx")
            code, out, err = run(termgraph, "convert", "--to", to, "-o", out_path, path)
            # The findings of loading go to standard error.
            expect(f"{script}: convert --to {to}: status", code, 0)
            expect(f"{script}: convert --to {to}: errors", " error: " in err, False)
            # Nothing of the export is left unread: the XCS that is not
            # beside the file is the one warning.
            expect(f"{script}: convert --to {to}: findings", err.splitlines()[-1:],
                   ["1 warning generated"])
        # The TBX 2008 copy names entries by XML IDs: "1_1" is not one (it
        # starts with a digit), so it is written "c-1_1" (docs/formats.md).
        converted = os.path.join(work, f"converted-{script}.tbx2008.tbx")
        with open(converted, encoding="utf-8") as f:
            text = f.read()
        expect(f"{script}: converted root", "<martif type=\"TBX\" xml:lang=\"en-US\">" in text, True)
        # Subject fields and transactions kept at entry level, with their
        # groups; the abbreviations' stated type and status.
        expect(f"{script}: converted subject fields",
               text.count("<descrip type=\"subjectField\">"), entries)
        expect(f"{script}: converted transactions", text.count("<transacGrp>"), 2 * entries)
        expect(f"{script}: converted responsibilities",
               text.count("<transacNote type=\"responsibility\">"), 2 * entries)
        expect(f"{script}: converted abbreviations",
               text.count("<termNote type=\"termType\">abbreviation</termNote>"),
               (entries + 2) // 3)
        lookups(termgraph, converted, expected, script, lambda i: "c-" + i)
        if validate:
            p = subprocess.run(["xmllint", "--noout", "--dtdvalid", dtd, converted],
                               capture_output=True, text=True, timeout=300)
            expect(f"{script}: {converted} against the DTD", (p.returncode, p.stderr[:2000]),
                   (0, ""))

    sys.exit("\n".join(["FAIL"] + FAILURES) if FAILURES else None)


if __name__ == "__main__":
    main()
