#!/usr/bin/env python3
"""`termgraph search` and the search behind `lookup` (issue 10).

Usage: search.py TERMGRAPH WORKDIR

A small multilingual vocabulary (English, French, Russian, Greek, one
entry without a number) written here, one more file to show file names,
and the queries people type: numbers as pasted, word prefixes, plurals,
typos, abbreviations, other scripts, accents left out, words of
definitions. Each line of text output must start with the entry number;
JSON output is parsed and its values asserted.
"""

import json
import os
import subprocess
import sys
import unicodedata

VOCABULARY = """<?xml version="1.0" encoding="UTF-8"?>
<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en" languages="en fr">
  <entry number="3.5">
    <term>block</term>
    <definition>structured unit of records appended to a ledger (3.22) as a whole</definition>
    <lang xml:lang="fr"><term>bloc</term><definition>unité de données ajoutée au registre</definition></lang>
    <lang xml:lang="ru"><term>блок</term><definition>единица данных реестра</definition></lang>
  </entry>
  <entry number="3.11">
    <term>consensus</term>
    <definition>agreement among nodes on the state of a ledger (3.22)</definition>
    <lang xml:lang="fr"><term>consensus</term><definition>accord entre les nœuds</definition></lang>
  </entry>
  <entry number="3.12">
    <term>consensus mechanism</term>
    <definition>rules by which consensus (3.11) is reached</definition>
    <lang xml:lang="fr"><term>mécanisme de consensus</term><definition>règles du consensus</definition></lang>
  </entry>
  <entry number="3.20">
    <term>entity</term>
    <definition>party that holds or moves assets</definition>
  </entry>
  <entry number="3.22">
    <term>ledger</term>
    <definition>record of transactions kept in order</definition>
    <note>A ledger can be held by one party or shared.</note>
    <lang xml:lang="fr"><term>registre</term><definition>enregistrement des transactions</definition></lang>
    <lang xml:lang="el"><term>καθολικό</term><definition>αρχείο συναλλαγών</definition></lang>
  </entry>
  <entry number="3.23">
    <term>distributed ledger technology</term>
    <term type="abbreviation">DLT</term>
    <definition>technology for operating ledgers (3.22) that are shared among nodes</definition>
    <lang xml:lang="fr"><term>technologie des registres distribués</term><definition>technologie de registres partagés</definition></lang>
  </entry>
  <entry number="3.27">
    <term>DLT node</term>
    <definition>participant in a DLT system (3.30) that holds a copy of the ledger (3.22)</definition>
    <lang xml:lang="fr"><term>nœud DLT</term><definition>participant qui détient une copie du registre</definition></lang>
  </entry>
  <entry number="3.30">
    <term>DLT system</term>
    <term status="admitted">distributed ledger system</term>
    <term status="deprecated">chain platform</term>
    <definition>system of DLT nodes (3.27) running distributed ledger technology (3.23)</definition>
    <lang xml:lang="fr"><term>système DLT</term><definition>système de nœuds DLT</definition></lang>
  </entry>
  <entry number="3.40">
    <term>network</term>
    <definition>set of nodes that exchange messages</definition>
    <lang xml:lang="fr"><term>réseau</term><definition>ensemble de nœuds</definition></lang>
  </entry>
  <entry>
    <term>token</term>
    <definition>digital asset recorded on a ledger (3.22)</definition>
  </entry>
</vocabulary>
"""

SECOND = """<?xml version="1.0" encoding="UTF-8"?>
<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <entry number="4.1">
    <term>wallet</term>
    <definition>software that keeps the keys of a token holder</definition>
  </entry>
</vocabulary>
"""

FAILURES = []


def run(termgraph, *args):
    p = subprocess.run([termgraph] + list(args), capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout, p.stderr


def expect(name, got, wanted):
    if got != wanted:
        FAILURES.append(f"{name}:\n  got    {got!r}\n  wanted {wanted!r}")


def first_line(termgraph, vocabulary, query, *options):
    code, out, err = run(termgraph, "search", "--vocab", vocabulary, *options, query)
    if code != 0 or not out:
        FAILURES.append(f"search {query!r}: status {code}, stderr {err!r}")
        return ""
    return out.splitlines()[0]


def main():
    termgraph, work = sys.argv[1:3]
    os.makedirs(work, exist_ok=True)
    vocabulary = os.path.join(work, "dlt.xml")
    with open(vocabulary, "w", encoding="utf-8") as f:
        f.write(VOCABULARY)
    second = os.path.join(work, "wallet.xml")
    with open(second, "w", encoding="utf-8") as f:
        f.write(SECOND)

    # Each query and the start of its first line: number, term, kind.
    cases = [
        ("3.30", "3.30  DLT system  (number, en)"),
        ("(3.30)", "3.30  DLT system  (number, en)"),
        ("3.30.", "3.30  DLT system  (number, en)"),
        ("dlt sys", "3.30  DLT system  (prefix, en)"),
        ("DLT", "3.23  distributed ledger technology  (exact \"DLT\", admitted, abbreviation, en)"),
        ("distributed ledger technology node", "3.27  DLT node  (abbreviation, en)"),
        ("chain platform", "3.30  DLT system  (exact \"chain platform\", deprecated, en)"),
        ("CONSENSUS MECHANISM", "3.12  consensus mechanism  (folded, en)"),
        ("reseau", "3.40  réseau  (folded, fr)"),
        (unicodedata.normalize("NFD", "réseau"), "3.40  réseau  (exact, fr)"),
        ("token", "entry-10  token  (exact, en)"),
        ("entry-10", "entry-10  token  (id, en)"),
        ("blocks", "3.5  block  (inflected, en)"),
        ("DLT nodes", "3.27  DLT node  (inflected, en)"),
        ("entities", "3.20  entity  (inflected, en)"),
        ("consensus mechansim", "3.12  consensus mechanism  (fuzzy, 1 edit, en)"),
        ("consnesus mechansim", "3.12  consensus mechanism  (fuzzy, 2 edits, en)"),
        ("blok", "3.5  блок  (transliterated, ru)"),
        ("katholiko", "3.22  καθολικό  (transliterated, el)"),
        ("kathloiko", "3.22  καθολικό  (fuzzy, 1 edit, el)"),
    ]
    for query, wanted in cases:
        expect(f"search {query!r}", first_line(termgraph, vocabulary, query), wanted)

    # --lang matches in one language only; fr-FR is served by fr.
    expect("search --lang fr-FR consensus",
           first_line(termgraph, vocabulary, "consensus", "--lang", "fr-FR"),
           "3.11  consensus  (exact, fr)")
    code, out, _ = run(termgraph, "search", "--vocab", vocabulary, "--lang", "fr", "systeme dlt")
    expect("search --lang fr systeme dlt", (code, out), (0, "3.30  système DLT  (folded, fr)\n"))
    # A number asked in a language the entry lacks: shown in the main one.
    expect("search --lang fr 3.20", first_line(termgraph, vocabulary, "3.20", "--lang", "fr"),
           "3.20  entity  (number, en; no fr section)")

    # --show: the entry's terms in other languages, after the match.
    expect("search --show fr,ru block",
           first_line(termgraph, vocabulary, "block", "--show", "fr,ru"),
           "3.5  block  (exact, en)  fr: bloc; ru: блок")
    expect("search --show all ledger",
           first_line(termgraph, vocabulary, "ledger", "--show", "all"),
           "3.22  ledger  (exact, en)  fr: registre; el: καθολικό")
    code, out, err = run(termgraph, "search", "--vocab", vocabulary, "--show", "fr,,en", "block")
    expect("search --show fr,,en: status", (code, out), (2, ""))

    # Several files: each line names the file of its entry.
    code, out, _ = run(termgraph, "search", "--vocab", vocabulary, "--vocab", second, "wallet")
    expect("search two files", (code, out), (0, f"4.1  wallet  (exact, en)  {second}\n"))

    # Nothing: status 1, a message, no output.
    code, out, err = run(termgraph, "search", "--vocab", vocabulary, "zzzzqqq")
    expect("search zzzzqqq", (code, out, err),
           (1, "", "termgraph: nothing matches 'zzzzqqq'\n"))

    # JSON: the matches with how they matched.
    code, out, _ = run(termgraph, "search", "--vocab", vocabulary, "--format", "json", "dlt")
    report = json.loads(out)
    expect("json version", report["version"], 1)
    expect("json query", report["query"], "dlt")
    first = report["matches"][0]
    expect("json first", (first["number"], first["term"], first["kind"], first["language"],
                          first["designation"]["text"], first["designation"]["type"]),
           ("3.23", "distributed ledger technology", "folded", "en", "DLT", "abbreviation"))
    numbers = [m["number"] for m in report["matches"]]
    expect("json prefix matches", sorted(numbers[1:]), ["3.27", "3.30"])

    # --text: the words of definitions, notes and examples, ranked: the
    # definitions that say "ledger" before the note that does.
    code, out, _ = run(termgraph, "search", "--vocab", vocabulary, "--text", "ledgers")
    lines = out.splitlines()
    expect("search --text ledgers: status", code, 0)
    expect("search --text ledgers: numbers",
           sorted(line.split("  ")[0] for line in lines),
           sorted(["3.5", "3.11", "3.23", "3.27", "3.22", "3.30", "entry-10"]))
    expect("search --text ledgers: a note last", lines[-1] if lines else "",
           "3.22  ledger  (full-text in note, en)")
    code, out, _ = run(termgraph, "search", "--vocab", vocabulary, "--text", "--lang", "fr",
                       "registre")
    expect("search --text --lang fr registre",
           sorted(line.split("  ")[0] for line in out.splitlines()), ["3.23", "3.27", "3.5"])
    code, out, _ = run(termgraph, "search", "--vocab", vocabulary, "--text", "--format", "json",
                       "nodes")
    hits = json.loads(out)["matches"]
    expect("search --text json", all(m["kind"] == "full-text" and m["block"] and m["score"] > 0
                                     and m["designation"] is None for m in hits), True)

    # --limit
    code, out, _ = run(termgraph, "search", "--vocab", vocabulary, "--limit", "1", "cons")
    expect("search --limit 1 cons", out, "3.11  consensus  (prefix, en)\n")

    # lookup prints the best match's entry: by word prefix when only one
    # entry starts so, else suggestions with numbers.
    code, out, _ = run(termgraph, "lookup", "--vocab", vocabulary, "dlt sys")
    expect("lookup 'dlt sys'", (code, out.splitlines()[:2]), (0, ["3.30", "[en]"]))
    code, out, err = run(termgraph, "lookup", "--vocab", vocabulary, "cons")
    expect("lookup cons", (code, out, err),
           (1, "", "termgraph: no entry matches 'cons'\n"
                   "did you mean: consensus (3.11), consensus mechanism (3.12)\n"))
    code, out, _ = run(termgraph, "lookup", "--vocab", vocabulary, "(3.12)")
    expect("lookup (3.12)", (code, out.splitlines()[:1]), (0, ["3.12"]))

    sys.exit("\n".join(["FAIL"] + FAILURES) if FAILURES else None)


if __name__ == "__main__":
    main()
