#!/usr/bin/env python3
"""`termgraph graph`: the DOT and SVG pictures of a vocabulary.

Usage: graph.py MODE TERMGRAPH TERMS CONCEPT_SYSTEM_TBX WORK_DIR

MODE is one of

- edges: on the bundled vocabulary (TERMS), the DOT has one node per entry
  and one edge per citation: the multiset of (citing entry, cited entry,
  block kind) of the edges equals the one counted from `termgraph lookup
  --format json` (every resolved reference of every block, and of every
  cross-reference data category); --cycles draws 3.2 -> 3.4 -> 3.2 in one
  cluster; ENTRY draws its neighbourhood (checked against `termgraph refs
  --format json`); --system on a vocabulary without relations says so,
  status 1; on CONCEPT_SYSTEM_TBX draws a tree, a rake and arrows.
- dot: every picture parses with Graphviz's `dot -Tcanon`, a hostile term
  included (skipped, status 77, when `dot` is not installed).
- svg: `--format svg` is well-formed XML with one <g class="edge"> per DOT
  edge (skipped, status 77, when the build has no Graphviz; then the error
  must say so and name `dot -Tsvg`).
"""

import collections
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

FAILURES = []
NODE = re.compile(r'^ +(e\d+) \[label="((?:[^"\\]|\\.)*)"\];$', re.M)
EDGE = re.compile(r"^ +(\w+) -> (\w+) \[(.*)\];$", re.M)
KIND_OF_STYLE = {
    "style=solid": "definition",
    "style=dashed": "note",
    "style=dotted": "example",
    'style=bold, color="gray50", arrowhead=empty': "source",
    'style=solid, color="#1f5fa8", arrowhead=odot': "cross-reference",
}


def expect(name, got, wanted):
    if got != wanted:
        FAILURES.append(f"{name}:\n  got    {got!r}\n  wanted {wanted!r}")


def run(termgraph, *args, status=0):
    p = subprocess.run([termgraph, *args], capture_output=True, text=True, timeout=120)
    if status is not None and p.returncode != status:
        FAILURES.append(f"termgraph {' '.join(args)}: status {p.returncode}, wanted {status}\n"
                        f"{p.stderr}")
    return p


def parse(dot):
    """{node id: entry number}, [(from, to, attributes)] of write_dot's output."""
    numbers = {}
    for node, label in NODE.findall(dot):
        numbers[node] = label.split("\\n")[0]
    return numbers, EDGE.findall(dot)


def citations(dot):
    """The multiset of (from number, to number, block kind) of the edges."""
    numbers, edges = parse(dot)
    out = collections.Counter()
    for a, b, attributes in edges:
        kind = KIND_OF_STYLE.get(attributes.split(", color=\"#b22222\"")[0], attributes)
        out[(numbers.get(a, a), numbers.get(b, b), kind)] += 1
    return out


def blocks_of(entry):
    """Every block of a lookup JSON entry that can cite: the ISO layout's
    blocks of each section, and cross-reference data categories."""
    blocks = []
    categories = list(entry.get("categories", []))
    for section in entry["languages"]:
        if section.get("definition"):
            blocks.append(section["definition"])
        for key in ("notes", "examples", "sources"):
            blocks.extend(section.get(key, []))
        categories.extend(section.get("categories", []))
        for designation in section.get("designations", []):
            categories.extend(designation.get("categories", []))
    while categories:
        category = categories.pop()
        categories.extend(category.get("details", []))
        block = category.get("block")
        if block and block["kind"] == "cross-reference":
            blocks.append(block)
    return blocks


def counted_citations(termgraph, vocab, numbers):
    """The citations of the entries `numbers`, from lookup --format json."""
    out = collections.Counter()
    # One lookup per entry, a few at a time.
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(
            lambda n: run(termgraph, "lookup", "--format", "json", "--vocab", vocab, n), numbers))
    for number, p in zip(numbers, answers):
        entries = [e for e in json.loads(p.stdout)["entries"] if e["number"] == number]
        if len(entries) != 1:
            FAILURES.append(f"lookup {number}: {len(entries)} entries with that number")
            continue
        for block in blocks_of(entries[0]):
            for ref in block["references"]:
                if ref["target"]:
                    out[(number, ref["target"], block["kind"])] += 1
    return out


def check_edges(termgraph, terms, tbx):
    dot = run(termgraph, "graph", "--vocab", terms).stdout
    numbers, edges = parse(dot)
    expect("terms: one node per entry", len(numbers) >= 60, True)
    expect("terms: node ids are e + entry id", sorted(numbers) == sorted(
        f"e{i}" for i in range(len(numbers))), True)
    got = citations(dot)
    wanted = counted_citations(termgraph, terms, sorted(set(numbers.values())))
    expect("terms: edges = citations (from, to, kind)", got, wanted)
    expect("terms: edge count = citation count", sum(got.values()), sum(wanted.values()))
    expect("terms: a reference made twice is two edges", any(n > 1 for n in got.values()), True)

    # --cycles: the one circular definition, in a cluster, its path in red.
    dot = run(termgraph, "graph", "--cycles", "--vocab", terms).stdout
    numbers, edges = parse(dot)
    expect("cycles: nodes", sorted(numbers.values()), ["3.2", "3.4"])
    expect("cycles: one cluster", len(re.findall(r"subgraph cluster_\d+ \{", dot)), 1)
    expect("cycles: its label", "circular definition: 3.2 → 3.4 → 3.2" in dot, True)
    red = [(numbers[a], numbers[b]) for a, b, attributes in edges if "#b22222" in attributes]
    expect("cycles: the path highlighted", sorted(red), [("3.2", "3.4"), ("3.4", "3.2")])
    expect("cycles: every citation between them",
           sum(citations(dot).values()),
           sum(n for (a, b, _), n in wanted.items() if {a, b} <= {"3.2", "3.4"}))

    # ENTRY: its neighbourhood at depth 1, as refs lists it.
    refs = json.loads(run(termgraph, "refs", "--format", "json", "--vocab", terms,
                          "3.2").stdout)["entries"][0]
    near = {"3.2"} | {c["number"] for c in refs["cites"]} | {c["number"] for c in refs["cited_by"]}
    dot = run(termgraph, "graph", "--vocab", terms, "3.2").stdout
    numbers, edges = parse(dot)
    expect("neighbourhood of 3.2: nodes", sorted(numbers.values()), sorted(near))
    expect("neighbourhood of 3.2: edges", citations(dot),
           collections.Counter({k: n for k, n in wanted.items() if {k[0], k[1]} <= near}))
    dot2 = run(termgraph, "graph", "--depth", "2", "--vocab", terms, "block").stdout
    expect("depth 2 draws more", len(parse(dot2)[0]) > len(numbers), True)
    dot0 = run(termgraph, "graph", "--depth", "0", "--vocab", terms, "3.2", "3.4").stdout
    expect("depth 0: the entries alone", sorted(parse(dot0)[0].values()), ["3.2", "3.4"])

    # No match: status 1, a suggestion.
    p = run(termgraph, "graph", "--vocab", terms, "blok hedder", status=1)
    expect("no match: message", p.stderr.startswith("termgraph: no entry matches 'blok hedder'"),
           True)
    expect("no match: nothing written", p.stdout, "")

    # --system without relations: status 1 and why.
    p = run(termgraph, "graph", "--system", "--vocab", terms, status=1)
    expect("system without relations: message", p.stderr,
           "termgraph: the vocabulary records no concept relations (TBX broaderConceptGeneric, "
           "subordinateConceptGeneric, broaderConceptPartitive, subordinateConceptPartitive, "
           "relatedConcept, associatedConcept ...)\n")
    expect("system without relations: nothing written", p.stdout, "")

    # --system on the concept system: tree, rake, arrows, deduplicated.
    dot = run(termgraph, "graph", "--system", "--vocab", tbx).stdout
    numbers, edges = parse(dot)
    expect("system: nodes", sorted(numbers.values()), [f"c{i}" for i in range(1, 9)])
    named = [(numbers.get(a, a), numbers.get(b, b)) for a, b, _ in edges]
    expect("system: tree", named[:3], [("c1", "g0"), ("g0", "c2"), ("g0", "c3")])
    expect("system: rake", named[3:9], [("p1_0", "p1_1"), ("p1_1", "p1_2"), ("c2", "p1_1"),
                                        ("p1_0", "c4"), ("p1_1", "c5"), ("p1_2", "c6")])
    expect("system: associative", [(n, "dir=both" in e[2]) for n, e in zip(named[9:], edges[9:])],
           [(("c2", "c7"), True), (("c8", "c7"), True)])
    p = run(termgraph, "graph", "--system", "--cycles", "--vocab", tbx, status=2)
    expect("--system excludes --cycles", "excludes" in p.stderr, True)
    p = run(termgraph, "graph", "--vocab", tbx, "--format", "png", status=2)
    expect("--format png: usage error", p.stderr.startswith("termgraph: error: --format"), True)


def hostile_file(work):
    os.makedirs(work, exist_ok=True)
    path = os.path.join(work, "hostile.xml")
    with open(path, "w", encoding="utf-8") as f:
        f.write('<vocabulary xmlns="urn:termgraph:vocabulary:1">\n'
                '  <entry number="9.1"><term>x"]; evil -&gt; e0 [label="\\N\\" } '
                '&lt;script&gt;alert(1)&lt;/script&gt;\\</term>\n'
                '    <definition>see <ref to="9.2">plain</ref></definition></entry>\n'
                '  <entry number="9.2"><term>plain</term><definition>odd "quotes" and '
                '\\backslashes\\</definition></entry>\n'
                '</vocabulary>\n')
    return path


def check_dot(termgraph, terms, tbx, work):
    dot_program = shutil.which("dot")
    if not dot_program:
        print("SKIP: Graphviz's dot program is not installed (apt-get install graphviz)")
        return 77
    hostile = hostile_file(work)
    for args in (["--vocab", terms], ["--cycles", "--vocab", terms],
                 ["--vocab", terms, "--depth", "2", "3.2"], ["--system", "--vocab", tbx],
                 ["--vocab", hostile]):
        dot = run(termgraph, "graph", *args).stdout
        p = subprocess.run([dot_program, "-Tcanon"], input=dot, capture_output=True, text=True,
                           timeout=120)
        expect(f"dot -Tcanon of graph {' '.join(args)}: status", (p.returncode, p.stderr), (0, ""))
        # The canonical form keeps every edge between entries.
        expect(f"dot -Tcanon of graph {' '.join(args)}: edges",
               len(re.findall(r"^\s*e\d+ -> e\d+", p.stdout, re.M)),
               len([e for e in parse(dot)[1] if e[0][0] == "e" and e[1][0] == "e"]))
    canon = subprocess.run([dot_program, "-Tcanon"], input=run(termgraph, "graph", "--vocab",
                                                                 hostile).stdout,
                           capture_output=True, text=True, timeout=120).stdout
    expect("hostile: two nodes", len(re.findall(r"^\s*e\d+\s+\[", canon, re.M)), 2)
    expect("hostile: the label intact", '<script>alert(1)</script>' in canon, True)
    return 0


def check_svg(termgraph, terms, tbx, work):
    p = subprocess.run([termgraph, "graph", "--format", "svg", "--vocab", terms],
                       capture_output=True, text=True, timeout=120)
    if p.returncode == 2 and "no Graphviz" in p.stderr:
        expect("no Graphviz: the way out", "dot -Tsvg" in p.stderr, True)
        expect("no Graphviz: nothing written", p.stdout, "")
        print("SKIP: this build of termgraph has no Graphviz: " + p.stderr.strip())
        return 77
    hostile = hostile_file(work)
    for args in (["--vocab", terms], ["--cycles", "--vocab", terms], ["--system", "--vocab", tbx],
                 ["--vocab", hostile]):
        dot = run(termgraph, "graph", *args).stdout
        svg = run(termgraph, "graph", "--format", "svg", *args).stdout
        try:
            root = ET.fromstring(svg)
        except ET.ParseError as e:
            FAILURES.append(f"graph --format svg {' '.join(args)}: not well-formed XML: {e}")
            continue
        ns = "{http://www.w3.org/2000/svg}"
        expect(f"svg {' '.join(args)}: root", root.tag, ns + "svg")
        groups = [g for g in root.iter(ns + "g") if g.get("class") == "edge"]
        expect(f"svg {' '.join(args)}: one <g class=\"edge\"> per edge", len(groups),
               len(parse(dot)[1]))
        nodes = [g for g in root.iter(ns + "g") if g.get("class") == "node"]
        expect(f"svg {' '.join(args)}: one <g class=\"node\"> per entry",
               len([g for g in nodes if re.fullmatch(r"e\d+", g.findtext(ns + "title", ""))]),
               len(parse(dot)[0]))
        expect(f"svg {' '.join(args)}: no script element",
               any(e.tag.endswith("script") for e in root.iter()), False)
    return 0


def main():
    mode, termgraph, terms, tbx, work = sys.argv[1:6]
    status = {"edges": lambda: check_edges(termgraph, terms, tbx) or 0,
              "dot": lambda: check_dot(termgraph, terms, tbx, work),
              "svg": lambda: check_svg(termgraph, terms, tbx, work)}[mode]()
    if FAILURES:
        print("FAIL:\n" + "\n".join(FAILURES))
        sys.exit(1)
    if status == 77:
        sys.exit(77)
    print(f"graph {mode}: ok")


if __name__ == "__main__":
    main()
