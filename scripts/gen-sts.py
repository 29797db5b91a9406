#!/usr/bin/env python3
"""Writes a NISO STS "Terms and definitions" clause with many entries, and
the answers a checker must find in it.

The vocabulary is made of:
  * entries whose definitions cite only entries further down (no cycle);
  * planted circular definitions: 2-cycles, 3-cycles and self-citing
    definitions, on entries spread over the clause whose definitions cite
    nothing outside their own cycle (entries outside may cite them);
  * planted dangling references (numbers that no entry carries), written
    as plain text and as tbx:entailedTerm;
  * references in notes and examples that point backwards, and references
    into other documents: neither may give a finding.

The expected answers (entry count, the circular groups, including the
self-citing entries as groups of one, the self-citing entries and the
dangling targets) follow from the construction; the script
checks them with its own strongly-connected-components pass before writing.

Usage: gen-sts.py --entries 5000 --out terms.xml --expected expected.json

With --files N, the clause is split into N documents of consecutive entries
(terms-1.xml ... terms-N.xml for --out terms.xml) that form one vocabulary:
references cross files, and so may the planted cycles.
"""

import argparse
import json
import os
import random
import sys
from xml.sax.saxutils import escape

SYLLABLES = [
    "ba", "ce", "di", "fo", "gu", "ha", "ke", "li", "mo", "nu",
    "pa", "re", "si", "to", "vu", "wa", "xe", "yi", "zo", "ru",
]
NOUNS = [
    "ledger", "token", "record", "node", "chain", "anchor", "channel", "digest",
    "registry", "signal", "vault", "witness",
]


def word(i):
    """An invented word, different for every i (three syllables or more)."""
    digits = []
    n = i
    while True:
        digits.append(SYLLABLES[n % len(SYLLABLES)])
        n //= len(SYLLABLES)
        if n == 0 and len(digits) >= 3:
            break
    return "".join(reversed(digits))


def term(i):
    return f"{word(i)} {NOUNS[i % len(NOUNS)]}"


def number(i):
    return f"3.{i + 1}"


def sccs(n, edges):
    """Strongly connected components (Tarjan, iterative)."""
    index = [None] * n
    low = [0] * n
    on_stack = [False] * n
    stack, result = [], []
    counter = 0
    for root in range(n):
        if index[root] is not None:
            continue
        work = [(root, 0)]
        while work:
            v, pos = work.pop()
            if pos == 0:
                index[v] = low[v] = counter
                counter += 1
                stack.append(v)
                on_stack[v] = True
            targets = edges[v]
            if pos < len(targets):
                work.append((v, pos + 1))
                w = targets[pos]
                if index[w] is None:
                    work.append((w, 0))
                elif on_stack[w]:
                    low[v] = min(low[v], index[w])
                continue
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[v])
            if low[v] == index[v]:
                component = []
                while True:
                    w = stack.pop()
                    on_stack[w] = False
                    component.append(w)
                    if w == v:
                        break
                result.append(sorted(component))
    return result


class Entry:
    def __init__(self, i):
        self.i = i
        self.definition = []  # list of (kind, target index or None, text)
        self.notes = []
        self.examples = []


def ref_markup(target, dangling_number=None, markup=True):
    """A reference in text: entailedTerm markup or plain text."""
    if dangling_number is not None:
        text = f"{escape(dangling_number[1])} ({dangling_number[0]})"
        if markup:
            return f'<tbx:entailedTerm target="term_{dangling_number[0]}">{text}</tbx:entailedTerm>'
        return text
    text = f"{escape(term(target))} ({number(target)})"
    if markup:
        return f'<tbx:entailedTerm target="term_{number(target)}">{text}</tbx:entailedTerm>'
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--two-cycles", type=int, default=12)
    parser.add_argument("--three-cycles", type=int, default=8)
    parser.add_argument("--self-loops", type=int, default=5)
    parser.add_argument("--dangling", type=int, default=20)
    parser.add_argument("--seed", type=int, default=22739)
    parser.add_argument("--files", type=int, default=1)
    parser.add_argument("--out", required=True)
    parser.add_argument("--expected", required=True)
    args = parser.parse_args()

    n = args.entries
    reserved_count = 2 * args.two_cycles + 3 * args.three_cycles + args.self_loops
    if n < reserved_count + args.dangling + 10:
        sys.exit("gen-sts.py: too few entries for what is planted")
    rng = random.Random(args.seed)

    entries = [Entry(i) for i in range(n)]
    definition_edges = [[] for _ in range(n)]

    # Cycle members, spread over the whole clause.
    members = rng.sample(range(n), reserved_count)
    reserved = set(members)
    groups, self_loops = [], []
    pos = 0
    for size, count in ((2, args.two_cycles), (3, args.three_cycles)):
        for _ in range(count):
            group = members[pos:pos + size]
            pos += size
            groups.append(group)
            for k, v in enumerate(group):
                definition_edges[v].append(group[(k + 1) % size])
    for v in members[pos:]:
        self_loops.append(v)
        definition_edges[v].append(v)

    # Forward definition references among the others; they may also cite
    # cycle members, which adds no cycle (members cite only their cycle).
    free = [i for i in range(n) if i not in reserved]
    for i in free:
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            j = rng.randrange(i + 1, n + 1)
            if j >= n:
                continue
            definition_edges[i].append(j)

    # Dangling references: numbers past the last entry, each used once.
    dangling = []
    for k, i in enumerate(rng.sample(free, args.dangling)):
        target = f"3.{n + 100 + k}"
        dangling.append((i, target, f"{word(n + 100 + k)} phantom"))

    # Notes and examples that cite backwards (they must not count as cycles).
    note_refs = {}
    for i in rng.sample(range(1, n), n // 10):
        note_refs[i] = rng.randrange(0, i)

    # Check the construction: the cycles are exactly the planted ones.
    # A definition that cites its own entry is a circular group of one, as
    # termgraph's CircularGroup counts it (and also a self-reference).
    components = [c for c in sccs(n, definition_edges)
                  if len(c) > 1 or c[0] in definition_edges[c[0]]]
    planted = sorted([sorted(g) for g in groups] + [[v] for v in self_loops])
    if sorted(components) != planted:
        sys.exit("gen-sts.py: internal error: cycles differ from the planted ones")

    dangling_by_entry = {i: (target, name) for i, target, name in dangling}
    if args.files < 1 or args.files > n:
        sys.exit("gen-sts.py: --files must be between 1 and the number of entries")
    # File k holds entries [bounds[k], bounds[k + 1]).
    bounds = [n * k // args.files for k in range(args.files + 1)]
    out = []

    def begin_document():
        out.append('<?xml version="1.0" encoding="UTF-8"?>')
        out.append('<standard xmlns:tbx="urn:iso:std:iso:30042:ed-1" '
                   'xmlns:xlink="http://www.w3.org/1999/xlink" xml:lang="en">')
        out.append("  <front><iso-meta><title-wrap xml:lang=\"en\"><main>Generated vocabulary"
                   "</main></title-wrap></iso-meta></front>")
        out.append("  <body>")
        out.append('    <sec id="sec_3" sec-type="terms">')
        out.append("      <label>3</label>")
        out.append("      <title>Terms and definitions</title>")

    def end_document(k):
        out.append("    </sec>")
        out.append("  </body>")
        out.append("</standard>")
        path = args.out
        if args.files > 1:
            stem, extension = os.path.splitext(args.out)
            path = f"{stem}-{k + 1}{extension}"
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
        out.clear()

    for i in range(n):
        file = sum(1 for b in bounds[1:] if b <= i)
        if i == bounds[file]:
            begin_document()
        num = number(i)
        parts = []
        for k, j in enumerate(definition_edges[i]):
            parts.append(ref_markup(j, markup=(i + k) % 3 != 0))
        text = f"element of the generated vocabulary numbered {num}"
        if parts:
            text += " that depends on " + ", ".join(parts)
        if i in dangling_by_entry:
            target, name = dangling_by_entry[i]
            text += " and on " + ref_markup(None, (target, name), markup=i % 2 == 0)
        out.append(f'      <term-sec id="sec_{num}">')
        out.append(f"        <label>{num}</label>")
        out.append(f'        <tbx:termEntry id="term_{num}">')
        out.append('          <tbx:langSet xml:lang="en">')
        out.append(f"            <tbx:definition>{text}</tbx:definition>")
        if i in note_refs:
            j = note_refs[i]
            if i % 2 == 0:
                out.append(f"            <tbx:note>Compare with {ref_markup(j)}.</tbx:note>")
            else:
                out.append(f"            <tbx:example>Used beside {ref_markup(j, markup=False)}."
                           "</tbx:example>")
        if i % 50 == 7:
            out.append("            <tbx:note>Named after the term in ISO 1087:2019, 3.1.1 "
                       "(ISO 1087:2019, 3.1.1).</tbx:note>")
        out.append("            <tbx:tig>")
        out.append(f"              <tbx:term>{escape(term(i))}</tbx:term>")
        out.append('              <tbx:partOfSpeech value="noun"/>')
        out.append('              <tbx:normativeAuthorization value="preferredTerm"/>')
        out.append("            </tbx:tig>")
        if i % 9 == 4:
            out.append("            <tbx:tig>")
            out.append(f"              <tbx:term>{escape(word(i))}</tbx:term>")
            out.append('              <tbx:normativeAuthorization value="admittedTerm"/>')
            out.append("            </tbx:tig>")
        out.append("          </tbx:langSet>")
        out.append("        </tbx:termEntry>")
        out.append("      </term-sec>")
        if i + 1 == bounds[file + 1]:
            end_document(file)

    expected = {
        "entries": n,
        "circular_groups": [[number(v) for v in g] for g in planted],
        "self_references": sorted(number(v) for v in self_loops),
        "dangling_targets": sorted(target for _, target, _ in dangling),
    }
    with open(args.expected, "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
