#!/usr/bin/env python3
"""`--lang` on a vocabulary written in en-GB (issue 7, point 6).

Usage: lookup_lang.py TERMGRAPH WORKDIR

`lookup --lang en` and `--lang en-gb` print the whole en-GB section (they
once printed the entry number only); `--lang eng` matches nothing; `refs
--lang en` names entries by their en-GB terms.
"""

import os
import subprocess
import sys

VOCABULARY = """<?xml version="1.0" encoding="UTF-8"?>
<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en-GB">
  <entry number="4.1">
    <term>colour</term>
    <term status="admitted">hue</term>
    <definition>property of light as seen by the eye</definition>
    <note>Written "color" in American English.</note>
    <lang xml:lang="fr">
      <term>couleur</term>
      <definition>propriété de la lumière</definition>
    </lang>
  </entry>
  <entry number="4.2">
    <term>colour chart</term>
    <definition>card showing each <ref to="4.1">colour</ref> by name</definition>
    <lang xml:lang="fr">
      <term>nuancier</term>
      <definition>carte montrant chaque couleur (4.1)</definition>
    </lang>
  </entry>
</vocabulary>
"""

COLOUR = ("4.1\n"
          "colour\n"
          "hue (admitted)\n"
          "property of light as seen by the eye\n"
          "Note 1 to entry: Written \"color\" in American English.\n")

FAILURES = []


def run(termgraph, vocabulary, *args):
    p = subprocess.run([termgraph, args[0], "--vocab", vocabulary] + list(args[1:]),
                       capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout, p.stderr


def expect(name, got, wanted):
    if got != wanted:
        FAILURES.append(f"{name}:\n  got    {got!r}\n  wanted {wanted!r}")


def main():
    termgraph, work = sys.argv[1:3]
    os.makedirs(work, exist_ok=True)
    vocabulary = os.path.join(work, "en-gb.xml")
    with open(vocabulary, "w", encoding="utf-8") as f:
        f.write(VOCABULARY)

    for lang in ["en", "en-gb", "en-GB", "EN"]:
        expect(f"lookup --lang {lang} colour", run(termgraph, vocabulary, "lookup", "--lang", lang,
                                                   "colour"), (0, COLOUR, ""))
        expect(f"lookup --lang {lang} 4.1", run(termgraph, vocabulary, "lookup", "--lang", lang,
                                                "4.1"), (0, COLOUR, ""))
    expect("lookup --lang fr couleur", run(termgraph, vocabulary, "lookup", "--lang", "fr",
                                           "couleur"),
           (0, "4.1\ncouleur\npropriété de la lumière\n", ""))

    code, out, err = run(termgraph, vocabulary, "lookup", "--lang", "eng", "colour")
    expect("lookup --lang eng colour: status", code, 1)
    expect("lookup --lang eng colour: stdout", out, "")
    expect("lookup --lang eng colour: stderr", err.splitlines()[0] if err else "",
           "termgraph: no entry matches 'colour'")

    # Without --lang: every section, each led by its tag as written.
    code, out, _ = run(termgraph, vocabulary, "lookup", "colour")
    expect("lookup colour", (code, out),
           (0, "4.1\n[en-GB]\n" + COLOUR[len("4.1\n"):] +
            "[fr]\ncouleur\npropriété de la lumière\n"))

    refs = ("4.2 colour chart\n"
            "cites:\n  4.1 colour (definition)\n"
            "cited by:\n  (none)\n"
            "prerequisites (read first):\n  4.1 colour\n")
    for lang in ["en", "en-gb"]:
        expect(f"refs --lang {lang}", run(termgraph, vocabulary, "refs", "--lang", lang,
                                          "colour chart"), (0, refs, ""))
    expect("refs --lang fr", run(termgraph, vocabulary, "refs", "--lang", "fr", "nuancier"),
           (0, refs.replace("colour chart", "nuancier").replace("4.1 colour", "4.1 couleur"), ""))

    sys.exit("\n".join(["FAIL"] + FAILURES) if FAILURES else None)


if __name__ == "__main__":
    main()
