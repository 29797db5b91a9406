#!/usr/bin/env python3
"""`termgraph convert --to skos` and `--to jsonld`, read by parsers of their own.

Usage: rdf_export.py TERMGRAPH WORKDIR TERMS_DIR TBX_FILE

For the bundled vocabulary (TERMS_DIR: a native and an STS file) and a TBX
termbase (TBX_FILE):

- the Turtle written with -o and to standard output is the same, and so is
  a second run (deterministic); so is the JSON-LD;
- rapper (raptor2-utils) parses the Turtle without an error or a warning and
  counts as many triples as rdflib does;
- rdflib reads the JSON-LD as exactly the triples of the Turtle;
- the counts of concepts, notations, preferred, alternative and hidden
  labels and definitions are those counted here from the input files
  themselves (their XML, read with ElementTree), and the number of concepts
  is the number of entries `termgraph check --format json` reports;
- SKOS integrity: one skos:prefLabel per language per concept, pref-, alt-
  and hidden labels disjoint, skos:related disjoint with skos:broader and
  skos:narrower, every concept in the scheme, every relation between
  concepts of the graph;
- a --base-iri moves every IRI under it; a base that is not an absolute IRI
  is a usage error (status 2) and writes nothing.

Exits 77 (skipped) when rapper or python3-rdflib is not installed
(scripts/install-deps.sh installs both).
"""

import glob
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

SKIP = 77
try:
    import rdflib
    from rdflib.namespace import RDF, SKOS, DCTERMS
except ImportError:
    print("SKIP: python3-rdflib is not installed (scripts/install-deps.sh)")
    sys.exit(SKIP)
RAPPER = shutil.which("rapper")
if RAPPER is None:
    print("SKIP: rapper (raptor2-utils) is not installed (scripts/install-deps.sh)")
    sys.exit(SKIP)

BASE = "urn:termgraph:vocabulary:"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NATIVE = "{urn:termgraph:vocabulary:1}"
TBX3 = "{urn:iso:std:iso:30042:ed-2}"
STS_TBX = "{urn:iso:std:iso:30042:ed-1}"

failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message)


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, timeout=300, **kwargs)


class Counts:
    """What the input files hold, counted from their XML."""

    def __init__(self):
        self.entries = 0
        self.numbered = 0
        self.pref = 0         # sections (entry, language) with a preferred term
        self.alt = 0          # admitted terms and preferred ones after the first
        self.hidden = 0       # deprecated terms
        self.definitions = 0

    def section(self, statuses, definitions):
        """One language section: its terms' statuses (None: not stated) in
        order, and its number of definitions. ISO's convention: an unstated
        first term is preferred when no term is stated preferred; other
        unstated ones are admitted."""
        stated_preferred = "preferred" in statuses
        resolved = [s if s is not None else
                    ("preferred" if i == 0 and not stated_preferred else "admitted")
                    for i, s in enumerate(statuses)]
        preferred = resolved.count("preferred")
        self.pref += 1 if preferred else 0
        self.alt += max(preferred - 1, 0) + resolved.count("admitted")
        self.hidden += resolved.count("deprecated")
        self.definitions += definitions

    def __repr__(self):
        return repr(vars(self))


def native_status(term):
    return term.get("status")


def count_native(path, counts):
    root = ET.parse(path).getroot()
    for entry in root.iter(NATIVE + "entry"):
        counts.entries += 1
        counts.numbered += 1 if entry.get("number") else 0
        counts.section([native_status(t) for t in entry.findall(NATIVE + "term")],
                       len(entry.findall(NATIVE + "definition")))
        for lang in entry.findall(NATIVE + "lang"):
            counts.section([native_status(t) for t in lang.findall(NATIVE + "term")],
                           len(lang.findall(NATIVE + "definition")))


STS_STATUS = {"preferredTerm": "preferred", "admittedTerm": "admitted",
              "deprecatedTerm": "deprecated"}


def count_sts(path, counts):
    root = ET.parse(path).getroot()
    for term_sec in root.iter("term-sec"):
        counts.entries += 1
        counts.numbered += 1 if term_sec.find("label") is not None else 0
        for lang_set in term_sec.iter(STS_TBX + "langSet"):
            statuses = []
            for tig in lang_set.findall(STS_TBX + "tig"):
                auth = tig.find(STS_TBX + "normativeAuthorization")
                statuses.append(None if auth is None else STS_STATUS[auth.get("value")])
            counts.section(statuses, len(lang_set.findall(STS_TBX + "definition")))


TBX_STATUS = {"preferredTerm-admn-sts": "preferred", "admittedTerm-admn-sts": "admitted",
              "deprecatedTerm-admn-sts": "deprecated"}


def count_tbx(path, counts):
    """A TBX v3 DCA file; also returns the links between its concepts
    (crossReference refs whose target is another concept or a term of one)."""
    root = ET.parse(path).getroot()
    concept_of = {}
    for concept in root.iter(TBX3 + "conceptEntry"):
        concept_of[concept.get("id")] = concept.get("id")
        for el in concept.iter():
            if el.get("id"):
                concept_of[el.get("id")] = concept.get("id")
    links = set()
    for concept in root.iter(TBX3 + "conceptEntry"):
        counts.entries += 1
        for lang_sec in concept.findall(TBX3 + "langSec"):
            statuses = []
            for term_sec in lang_sec.findall(TBX3 + "termSec"):
                status = None
                for note in term_sec.findall(TBX3 + "termNote"):
                    if note.get("type") == "administrativeStatus":
                        status = TBX_STATUS[note.text.strip()]
                statuses.append(status)
            definitions = [d for d in lang_sec.iter(TBX3 + "descrip")
                           if d.get("type") == "definition"]
            counts.section(statuses, len(definitions))
        for ref in concept.iter(TBX3 + "ref"):
            target = concept_of.get(ref.get("target"))
            if target and target != concept.get("id"):
                links.add((concept.get("id"), target))
    return links


def entries_checked(tg, inputs):
    r = run([tg, "check", "--format", "json", *inputs])
    return json.loads(r.stdout)["entries"]


def convert(tg, workdir, name, to, inputs, extra=()):
    out = os.path.join(workdir, name)
    r = run([tg, "convert", "--to", to, *extra, "-o", out, *inputs])
    if r.returncode not in (0, 1) or not os.path.exists(out):
        fail(f"convert --to {to} {inputs}: status {r.returncode}\n{r.stderr.decode()}")
        return out, b""
    with open(out, "rb") as f:
        written = f.read()
    again = run([tg, "convert", "--to", to, *extra, *inputs])
    if again.stdout != written:
        fail(f"convert --to {to} {inputs}: standard output differs from -o")
    return out, written


def rapper_count(path):
    r = run([RAPPER, "-i", "turtle", "-c", path])
    err = r.stderr.decode()
    if r.returncode != 0 or "Error" in err or "Warning" in err:
        fail(f"rapper on {path}: status {r.returncode}\n{err}")
        return -1
    for line in err.splitlines():
        if "returned" in line and "triples" in line:
            return int(line.split("returned")[1].split()[0])
    fail(f"rapper on {path}: no triple count in\n{err}")
    return -1


def check_graph(label, g, counts, base=BASE):
    concepts = set(g.subjects(RDF.type, SKOS.Concept))
    schemes = set(g.subjects(RDF.type, SKOS.ConceptScheme))

    def expect(what, got, want):
        if got != want:
            fail(f"{label}: {what}: {got}, expected {want}")

    expect("concept schemes", [str(s) for s in schemes], [base])
    expect("concepts", len(concepts), counts.entries)
    expect("notations", len(list(g.triples((None, SKOS.notation, None)))), counts.numbered)
    expect("prefLabels", len(list(g.triples((None, SKOS.prefLabel, None)))), counts.pref)
    expect("altLabels", len(list(g.triples((None, SKOS.altLabel, None)))), counts.alt)
    expect("hiddenLabels", len(list(g.triples((None, SKOS.hiddenLabel, None)))), counts.hidden)
    expect("definitions", len(list(g.triples((None, SKOS.definition, None)))), counts.definitions)
    for c in concepts:
        if not str(c).startswith(base) or len(str(c)) == len(base):
            fail(f"{label}: concept {c} is not under {base}")
        expect(f"inScheme of {c}", list(g.objects(c, SKOS.inScheme)), list(schemes))
        langs = [l.language for l in g.objects(c, SKOS.prefLabel)]
        if len(langs) != len(set(langs)):
            fail(f"{label}: {c} has two prefLabels in one language: {langs}")
        labels = [set((l, l.language) for l in g.objects(c, p))
                  for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)]
        if labels[0] & labels[1] or labels[0] & labels[2] or labels[1] & labels[2]:
            fail(f"{label}: {c}: labels not disjoint: {labels}")
        hierarchy = set(g.objects(c, SKOS.broader)) | set(g.objects(c, SKOS.narrower))
        if set(g.objects(c, SKOS.related)) & hierarchy:
            fail(f"{label}: {c}: related and broader or narrower to the same concept")
    for p in (SKOS.related, SKOS.broader, SKOS.narrower):
        for s, o in g.subject_objects(p):
            if s not in concepts or o not in concepts or s == o:
                fail(f"{label}: {p} from {s} to {o}")
    for _, _, o in g:
        if isinstance(o, rdflib.Literal) and o.language is not None and o.language != \
                o.language.strip():
            fail(f"{label}: language tag {o.language!r}")
    return concepts


def check_input(tg, workdir, label, inputs, counts):
    expect_entries = entries_checked(tg, inputs)
    if expect_entries != counts.entries:
        fail(f"{label}: check reports {expect_entries} entries, the files hold {counts.entries}")
    ttl_path, ttl = convert(tg, workdir, label + ".ttl", "skos", inputs)
    jsonld_path, jsonld = convert(tg, workdir, label + ".jsonld", "jsonld", inputs)
    if not ttl or not jsonld:
        return None
    if convert(tg, workdir, label + "-again.ttl", "skos", inputs)[1] != ttl:
        fail(f"{label}: a second run writes other Turtle")
    turtle = rdflib.Graph()
    turtle.parse(ttl_path, format="turtle")
    from_json = rdflib.Graph()
    from_json.parse(jsonld_path, format="json-ld")
    triples = rapper_count(ttl_path)
    if triples != len(turtle):
        fail(f"{label}: rapper counts {triples} triples, rdflib {len(turtle)}")
    if set(turtle) != set(from_json):
        fail(f"{label}: JSON-LD and Turtle differ:\n only in Turtle: "
             f"{sorted(set(turtle) - set(from_json))[:5]}\n only in JSON-LD: "
             f"{sorted(set(from_json) - set(turtle))[:5]}")
    check_graph(label, turtle, counts)
    print(f"{label}: {len(turtle)} triples, {counts}")
    return turtle


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    tg, workdir, terms, tbx = sys.argv[1:]
    os.makedirs(workdir, exist_ok=True)

    counts = Counts()
    for path in sorted(glob.glob(os.path.join(terms, "*.xml"))):
        root = ET.parse(path).getroot()
        (count_native if root.tag == NATIVE + "vocabulary" else count_sts)(path, counts)
    g = check_input(tg, workdir, "terms", [terms], counts)
    if g is not None:
        # The circular definition of the bundled files: block (3.2) and block
        # header (3.4) cite each other, and the title is the native file's.
        block, header = rdflib.URIRef(BASE + "3.2"), rdflib.URIRef(BASE + "3.4")
        if (block, SKOS.related, header) not in g or (header, SKOS.related, block) not in g:
            fail("terms: 3.2 and 3.4 are not skos:related both ways")
        if (block, SKOS.prefLabel, rdflib.Literal("bloc", lang="fr")) not in g:
            fail("terms: 3.2 has no French prefLabel 'bloc'")
        titles = list(g.objects(rdflib.URIRef(BASE), DCTERMS.title))
        if len(titles) != 1 or not str(titles[0]).startswith("Blockchain and distributed"):
            fail(f"terms: title {titles}")

    tbx_counts = Counts()
    links = count_tbx(tbx, tbx_counts)
    g = check_input(tg, workdir, "tbx", [tbx], tbx_counts)
    if g is not None:
        related = {(str(s)[len(BASE):], str(o)[len(BASE):])
                   for s, o in g.subject_objects(SKOS.related)}
        if related != links:
            fail(f"tbx: skos:related {sorted(related)}, expected the cross-references "
                 f"{sorted(links)}")

    # --base-iri: every IRI under it; a relative or malformed one is refused.
    base = "https://example.org/dlt/"
    path, ttl = convert(tg, workdir, "base.ttl", "skos", [terms], ["--base-iri", base])
    if ttl:
        g = rdflib.Graph()
        g.parse(path, format="turtle")
        check_graph("terms --base-iri", g, counts, base)
        if BASE.encode() in ttl:
            fail("--base-iri: the default base is still written")
    for bad in ("example.org/dlt/", "https://example.org/a b/", ""):
        out = os.path.join(workdir, "bad.ttl")
        r = run([tg, "convert", "--to", "skos", "--base-iri", bad, "-o", out, terms])
        if r.returncode != 2 or os.path.exists(out) or b"--base-iri" not in r.stderr:
            fail(f"--base-iri {bad!r}: status {r.returncode}, stderr {r.stderr.decode()!r}")

    if failures:
        print(f"{len(failures)} failures")
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
