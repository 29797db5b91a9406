#!/usr/bin/env python3
"""`termgraph index`: alphabetical indexes in each language's collation
order (issue 10, point 6).

Usage: index.py TERMGRAPH DATA WORKDIR

On data/index.xml (ten entries in English, French, German, Swedish, Danish
and Russian) and data/clean.xml: the order of each language, written out
(French and Canadian French accents, German umlauts, Swedish and Danish
letters after z, Danish aa, Cyrillic before Latin in Russian), ranges
(fr-FR, FR, a collation keyword), one index per language without --lang,
deprecated terms marked, the JSON report, and the statuses: 1 for a
language the vocabulary does not have, 2 for usage errors and for inputs
with no entry.
"""

import json
import os
import subprocess
import sys

FAILURES = []


def run(termgraph, data, *args, stdin=None):
    p = subprocess.run([termgraph, "index", *args], capture_output=True, text=True, cwd=data,
                       input=stdin, timeout=300)
    return p.returncode, p.stdout, p.stderr


def expect(name, got, wanted):
    if got != wanted:
        FAILURES.append(f"{name}:\n  got    {got!r}\n  wanted {wanted!r}")


def lines(*items):
    return "".join(f"{item}\n" for item in items)


FRENCH = ["anguille  1.8", "API  1.10", "cote  1.3", "coté  1.4", "côte  1.1", "côté  1.2",
          "hérisson  1.9", "île  1.6", "interface de programmation  1.10", "pomme  1.5",
          "ruisseau  1.7"]
# Accents compared from the end of the word.
CANADIAN = FRENCH[:2] + ["cote  1.3", "côte  1.1", "coté  1.4", "côté  1.2"] + FRENCH[6:]
SWEDISH = ["API  1.10", "bedömd  1.4", "betyg  1.3", "igelkott  1.9", "kust  1.1",
           "programmeringsgränssnitt  1.10", "sida  1.2", "å  1.7", "ål  1.8", "äpple  1.5",
           "ö  1.6"]
DANISH = ["API  1.10", "bedømmelse  1.3", "bedømt  1.4", "kyst  1.1", "pindsvin  1.9",
          "programmeringsgrænseflade  1.10", "side  1.2", "æble  1.5", "ø  1.6", "å  1.7",
          "ål  1.8", "aal  1.8 (deprecated)"]
RUSSIAN = ["ёж  1.9", "интерфейс программирования  1.10", "остров  1.6", "оценённый  1.4",
           "оценка  1.3", "побережье  1.1", "ручей  1.7", "сторона  1.2", "угорь  1.8",
           "яблоко  1.5", "API  1.10"]
GERMAN = ["Aal  1.8", "Apfel  1.5", "API  1.10", "Bach  1.7", "bewertet  1.4", "Bewertung  1.3",
          "Igel  1.9", "Insel  1.6", "Küste  1.1", "Programmierschnittstelle  1.10",
          "Seite  1.2"]
ENGLISH = ["API  1.10", "apple  1.5", "application programming interface  1.10", "coast  1.1",
           "eel  1.8", "grade  1.3", "hedgehog  1.9", "island  1.6", "mark  1.3 (deprecated)",
           "rated  1.4", "rating  1.3", "side  1.2", "stream  1.7"]


def main():
    termgraph, data, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)

    for lang, order in [("fr", FRENCH), ("fr-CA", CANADIAN), ("sv", SWEDISH), ("da", DANISH),
                        ("ru", RUSSIAN), ("de", GERMAN), ("en", ENGLISH)]:
        expect(f"--lang {lang}", run(termgraph, data, "--vocab", "index.xml", "--lang", lang),
               (0, lines(*order), ""))
    # Ranges: canonical (FR), shortened when nothing matches (fr-FR, and
    # de-AT with German phone book order, where Apfel and API keep their
    # places but Aal stays first).
    for lang in ["FR", "fr-FR", "fr-fr"]:
        expect(f"--lang {lang}", run(termgraph, data, "--vocab", "index.xml", "--lang", lang),
               (0, lines(*FRENCH), ""))
    expect("--lang de-AT-u-co-phonebk",
           run(termgraph, data, "--vocab", "index.xml", "--lang", "de-AT-u-co-phonebk"),
           (0, lines(*GERMAN), ""))

    # Without --lang: one index per language, in order of first appearance,
    # each under its tag.
    status, out, err = run(termgraph, data, "--vocab", "index.xml")
    expect("all: status", (status, err), (0, ""))
    blocks = out.split("\n\n")
    expect("all: headings", [b.splitlines()[0] for b in blocks],
           ["[en]", "[fr]", "[de]", "[sv]", "[da]", "[ru]"])
    expect("all: fr", blocks[1] + "\n" if len(blocks) > 1 else "", lines("[fr]", *FRENCH))
    expect("all: ru", blocks[5] if len(blocks) > 5 else "", lines("[ru]", *RUSSIAN))
    expect("clean.xml", run(termgraph, data, "--vocab", "clean.xml"),
           (0, lines("[en]", "archive  2.1", "archivist  2.2", "dump  2.1 (deprecated)",
                     "record store  2.1", "", "[fr]", "archive  2.1", "archiviste  2.2"), ""))
    # Every language in one index: the root collation.
    status, out, _ = run(termgraph, data, "--vocab", "index.xml", "--lang", "*")
    expect("--lang '*': lines", (status, len(out.splitlines())), (0, 69))

    # JSON.
    status, out, err = run(termgraph, data, "--vocab", "index.xml", "--lang", "da",
                           "--format", "json")
    expect("json: status", (status, err), (0, ""))
    doc = json.loads(out)
    expect("json: top", (doc["version"], doc["language"], len(doc["indexes"])), (1, "da", 1))
    index = doc["indexes"][0]
    expect("json: language", index["language"], "da")
    expect("json: terms", [l["term"] + "  " + l["number"] +
                           (" (deprecated)" if l["status"] == "deprecated" else "")
                           for l in index["lines"]], DANISH)
    expect("json: first line", index["lines"][0],
           {"term": "API", "number": "1.10", "numbered": True, "status": "admitted",
            "kind": "abbreviation", "language": "da"})
    expect("json: deprecated line", index["lines"][-1],
           {"term": "aal", "number": "1.8", "numbered": True, "status": "deprecated",
            "kind": "full-form", "language": "da"})
    status, out, _ = run(termgraph, data, "--vocab", "index.xml", "--format", "json")
    doc = json.loads(out)
    expect("json all: languages", (status, doc["language"], [i["language"] for i in doc["indexes"]]),
           (0, "", ["en", "fr", "de", "sv", "da", "ru"]))
    expect("json all: sv", [l["term"] for l in doc["indexes"][3]["lines"]],
           [l.split("  ")[0] for l in SWEDISH])

    # A language the vocabulary does not have: status 1, the languages named.
    expect("--lang sv on clean.xml", run(termgraph, data, "--vocab", "clean.xml", "--lang", "sv"),
           (1, "", "termgraph: no term in language 'sv'\nthe vocabulary's languages: en, fr\n"))
    expect("--lang eng on clean.xml",
           run(termgraph, data, "--vocab", "clean.xml", "--lang", "eng")[0], 1)
    status, out, err = run(termgraph, data, "--vocab", "clean.xml", "--lang", "sv",
                           "--format", "json")
    expect("json --lang sv", (status, json.loads(out)["indexes"], err.splitlines()[:1]),
           (1, [], ["termgraph: no term in language 'sv'"]))

    # Usage errors and inputs without entries: status 2.
    status, out, err = run(termgraph, data, "--vocab", "clean.xml", "--format", "xml")
    expect("--format xml", (status, out, err.startswith("termgraph: error: --format")),
           (2, "", True))
    status, out, err = run(termgraph, data, "--vocab", "no-such-file.xml")
    expect("missing vocabulary", (status, out, "no-such-file.xml" in err), (2, "", True))
    empty = os.path.join(work, "empty")
    os.makedirs(empty, exist_ok=True)
    status, out, err = run(termgraph, data, "--vocab", empty)
    expect("no entry read", (status, out, err.startswith("termgraph: error: ") or "empty" in err),
           (2, "", True))
    # What was read of a malformed file is indexed; its error is printed.
    status, out, err = run(termgraph, data, "--vocab", "malformed.xml")
    expect("malformed", (status, out, "[xml-syntax]" in err), (0, "[en]\nbroken  4.1\n", True))

    # --vocab - reads standard input.
    with open(os.path.join(data, "clean.xml"), encoding="utf-8") as f:
        clean = f.read()
    expect("--vocab -", run(termgraph, data, "--vocab", "-", "--lang", "fr", stdin=clean),
           (0, lines("archive  2.1", "archiviste  2.2"), ""))

    sys.exit("\n".join(["FAIL"] + FAILURES) if FAILURES else None)


if __name__ == "__main__":
    main()
