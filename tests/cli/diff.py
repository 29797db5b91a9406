#!/usr/bin/env python3
"""`termgraph diff OLD... -- NEW...` (issue 14).

Usage: diff.py TERMGRAPH WORKDIR MODE

MODE is one of
  status     exit statuses: 0 equal, 1 different, 2 usage errors (no --, two
             --, an empty side, an unknown format), unreadable input, a side
             with no entry;
  json       the JSON report of a pair with planted changes (renumbering,
             split, merge, deprecation, rewording, stale and removed
             references, cycles) compared with the known answer;
  markdown   the Markdown report;
  html       the HTML page: well-formed (html.parser, every element closed),
             text of the input escaped, the site's stylesheet;
  text       text with and without colour;
  generated  a generated edition of 5 000 entries and a copy with planted
             edits made here: diff finds exactly them.

The editions are written here (our own sample definitions).
"""

import json
import os
import random
import subprocess
import sys
import time

# tests/cli/html.py would shadow the standard library's html package.
sys.path = [p for p in sys.path
            if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]
import html.parser  # noqa: E402

FAILURES = []


def expect(name, got, wanted):
    if got != wanted:
        FAILURES.append(f"{name}:\n  got    {got!r}\n  wanted {wanted!r}")


def run(termgraph, *args, cwd=None):
    p = subprocess.run([termgraph, "diff", *args], capture_output=True, text=True, cwd=cwd,
                       timeout=600)
    return p.returncode, p.stdout, p.stderr


def render(entries):
    """Native XML of [(number, [(term, status)], definition, fr)]."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">']
    for number, terms, definition, fr in entries:
        out.append(f'<entry number="{number}">')
        for term, status in terms:
            out.append(f'  <term status="{status}">{xml_escape(term)}</term>')
        out.append(f"  <definition>{definition}</definition>")
        if fr:
            out.append(f'  <lang xml:lang="fr"><term>{xml_escape(fr[0])}</term>'
                       f"<definition>{fr[1]}</definition></lang>")
        out.append("</entry>")
    out.append("</vocabulary>")
    return "\n".join(out) + "\n"


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def small_pair(work):
    """A pair of small editions with one change of each kind."""
    old = [
        ("1.1", [("anchor point", "preferred")], "fixed place from which surveys are measured",
         ("point d'ancrage", "lieu fixe d'où partent les relevés")),
        ("1.2", [("baseline grid", "preferred")], "lattice of equally spaced lines", None),
        ("1.3", [("gadget", "preferred"), ("gizmo", "admitted")],
         "small handheld device with one mechanical purpose", None),
        ("1.4", [("widget", "preferred")], "interchangeable part fitted to a jig", None),
        ("1.5", [("datum plate", "preferred")], "flat reference surface checked with a widget (1.4)",
         None),
        ("1.6", [("trench", "preferred")], "long narrow excavation dug to expose buried layers",
         None),
        ("1.7", [("field book", "preferred")], "notebook of the readings of one trench (1.6)", None),
        ("1.8", [("pier", "preferred")], "upright support of a span resting on an abutment (1.9)",
         None),
        ("1.9", [("abutment", "preferred")], "end support taking the thrust of a pier (1.8)", None),
    ]
    new = [
        # 1.1: preferred term deprecated, French term too; 1.2 definition reworded
        ("1.1", [("reference point", "preferred"), ("anchor point", "deprecated")],
         "fixed place from which surveys are measured",
         ("point d'ancrage", "lieu fixe d'où partent les relevés")),
        ("1.2", [("baseline grid", "preferred")], "lattice of evenly spaced lines", None),
        # 1.3 split into 1.3 and 1.4; what followed renumbered
        ("1.3", [("gadget", "preferred")], "small handheld device with one mechanical purpose",
         None),
        ("1.4", [("gizmo", "preferred")], "device whose purpose its owner forgot", None),
        ("1.5", [("widget", "preferred")], "interchangeable part fitted to a jig", None),
        # still cites the widget as (1.4): stale
        ("1.6", [("datum plate", "preferred")], "flat reference surface checked with a widget (1.4)",
         None),
        # 1.6 trench removed; the field book still cites it
        ("1.8", [("field book", "preferred")], "notebook of the readings of one trench (1.6)", None),
        # the cycle 1.8 <-> 1.9 broken; a new one 1.10 <-> 1.11
        ("1.9", [("pier", "preferred")], "upright support of a span", None),
        ("1.10", [("abutment", "preferred")], "end support taking the thrust of a pier (1.9)",
         None),
        ("1.11", [("<keystone> & co", "preferred")], "wedge at the top of an arch (1.12)", None),
        ("1.12", [("arch", "preferred")], "curved span closed by a keystone (1.11)", None),
    ]
    a, b = os.path.join(work, "old.xml"), os.path.join(work, "new.xml")
    with open(a, "w", encoding="utf-8") as f:
        f.write(render(old))
    with open(b, "w", encoding="utf-8") as f:
        f.write(render(new))
    return a, b


def test_status(tg, work):
    a, b = small_pair(work)
    code, out, err = run(tg, a, "--", a)
    expect("equal: status", code, 0)
    expect("equal: output", out, "no changes\n")
    code, _, _ = run(tg, a, "--", b)
    expect("different: status", code, 1)
    code, out, _ = run(tg, "--format", "json", a, "--", a)
    expect("equal json: status", code, 0)
    expect("equal json", json.loads(out), {"version": 1, "entries": [], "references": []})
    for args, message in [
        ([a, b], "OLD... -- NEW..."),
        ([a, "--", b, "--", a], "one --"),
        (["--", b], "OLD is missing"),
        ([a, "--"], "NEW is missing"),
        (["--format", "pdf", a, "--", b], "--format"),
        ([], "OLD is required"),
    ]:
        code, out, err = run(tg, *args)
        expect(f"usage {args}: status", code, 2)
        if message not in err:
            FAILURES.append(f"usage {args}: {message!r} not in {err!r}")
    code, _, err = run(tg, a, "--", os.path.join(work, "no-such.xml"))
    expect("unreadable: status", code, 2)
    if "no-such.xml" not in err:
        FAILURES.append(f"unreadable: {err!r}")
    empty = os.path.join(work, "empty-dir")
    os.makedirs(empty, exist_ok=True)
    code, _, err = run(tg, empty, "--", b)
    expect("no entry: status", code, 2)
    if "termgraph: error" not in err and "error:" not in err:
        FAILURES.append(f"no entry: {err!r}")
    # Standard input is one side at most.
    with open(a, encoding="utf-8") as f:
        p = subprocess.run([tg, "diff", "-", "--", a], input=f.read(), capture_output=True,
                           text=True, timeout=600)
    expect("stdin old side: status", p.returncode, 0)
    code, _, err = run(tg, "-", "--", "-")
    expect("stdin both sides: status", code, 2)
    if "standard input" not in err:
        FAILURES.append(f"stdin both sides: {err!r}")
    # Options after the separator still count.
    code, out, _ = run(tg, a, "--", b, "--format", "json")
    expect("option after --: status", code, 1)
    try:
        json.loads(out)
    except ValueError:
        FAILURES.append("option after --: not JSON")


EXPECTED_JSON = {
    "version": 1,
    "entries": [
        {"change": "changed", "old": "1.1", "new": "1.1", "term": "reference point",
         "fields": ["terms"]},
        {"change": "changed", "old": "1.2", "new": "1.2", "term": "baseline grid",
         "fields": ["definition"]},
        {"change": "split", "old": "1.3", "new": ["1.3", "1.4"], "term": "gadget",
         "fields": ["terms"]},
        {"change": "renumbered", "old": "1.4", "new": "1.5", "term": "widget", "fields": []},
        {"change": "renumbered", "old": "1.5", "new": "1.6", "term": "datum plate", "fields": []},
        {"change": "removed", "old": "1.6", "new": None, "term": "trench", "fields": []},
        {"change": "renumbered", "old": "1.7", "new": "1.8", "term": "field book", "fields": []},
        {"change": "renumbered", "old": "1.8", "new": "1.9", "term": "pier",
         "fields": ["definition"]},
        {"change": "renumbered", "old": "1.9", "new": "1.10", "term": "abutment",
         "fields": ["definition"]},
        {"change": "added", "old": None, "new": "1.11", "term": "<keystone> & co", "fields": []},
        {"change": "added", "old": None, "new": "1.12", "term": "arch", "fields": []},
    ],
    "references": [
        {"change": "stale", "entry": "1.6", "target": "1.4", "intended": "1.5", "text": "(1.4)"},
        {"change": "target-removed", "entry": "1.8", "target": "1.6", "text": "(1.6)"},
        {"change": "stale", "entry": "1.10", "target": "1.9", "intended": "1.9", "text": "(1.9)"},
        {"change": "cycle-new", "entries": ["1.11", "1.12"]},
        {"change": "cycle-gone", "entries": ["1.8", "1.9"]},
    ],
}


def test_json(tg, work):
    a, b = small_pair(work)
    code, out, err = run(tg, "--format", "json", a, "--", b)
    expect("json: status", code, 1)
    doc = json.loads(out)
    expect("json: version", doc["version"], 1)
    entries = [{k: e[k] for k in ("change", "old", "new", "term", "fields")}
               for e in doc["entries"]]
    expect("json: entries", entries, EXPECTED_JSON["entries"])
    refs = doc["references"]
    # The abutment cites the pier as (1.9): the pier is 1.9 now, as meant.
    expected_refs = [r for r in EXPECTED_JSON["references"] if r.get("entry") != "1.10"]
    expect("json: references", refs, expected_refs)
    first = doc["entries"][0]["details"]
    expect("json: terms details", first, [
        {"field": "terms", "language": "en", "change": "status", "term": "anchor point",
         "old_status": "preferred", "new_status": "deprecated"},
        {"field": "terms", "language": "en", "change": "added", "term": "reference point",
         "old_status": None, "new_status": "preferred"},
    ])
    reworded = doc["entries"][1]["details"]
    expect("json: word diff", reworded, [
        {"field": "definition", "language": "en", "index": 0,
         "old": "lattice of equally spaced lines", "new": "lattice of evenly spaced lines",
         "words": [{"op": "same", "text": "lattice of "}, {"op": "removed", "text": "equally"},
                   {"op": "added", "text": "evenly"}, {"op": "same", "text": " spaced lines"}]},
    ])


def test_markdown(tg, work):
    a, b = small_pair(work)
    code, out, _ = run(tg, "--format", "markdown", a, "--", b)
    expect("markdown: status", code, 1)
    for needle in ["### Vocabulary changes", "| change | old | new | term | fields |",
                   "| split | 1.3 | 1.3, 1.4 | gadget | terms |",
                   "lattice of ~~equally~~**evenly** spaced lines",
                   "&lt;keystone&gt; &amp; co", "(~~1.8~~**1.9**)", "**stale**", "**cycle-new**"]:
        if needle not in out:
            FAILURES.append(f"markdown: {needle!r} not in\n{out}")


class Checker(html.parser.HTMLParser):
    VOID = {"meta", "link", "br", "img", "input", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def test_html(tg, work):
    a, b = small_pair(work)
    code, out, _ = run(tg, "--format", "html", "--title", "Edition <2>", a, "--", b)
    expect("html: status", code, 1)
    checker = Checker()
    checker.feed(out)
    checker.close()
    if checker.problems or checker.stack:
        FAILURES.append(f"html: not well-formed: {checker.problems} open {checker.stack}")
    text = "".join(checker.text)
    for needle in ["<keystone> & co", "Edition <2>", "equally", "evenly"]:
        if needle not in text:
            FAILURES.append(f"html: text {needle!r} missing")
    if "<keystone>" in out or "Edition <2>" in out:
        FAILURES.append("html: input text not escaped")
    for needle in ["<!DOCTYPE html>", "<del>equally</del><ins>evenly</ins>", "--link"]:
        if needle not in out:
            FAILURES.append(f"html: {needle!r} missing")


def test_text(tg, work):
    a, b = small_pair(work)
    code, out, _ = run(tg, "--color", "never", a, "--", b)
    expect("text: status", code, 1)
    for needle in ["split 1.3 \u2192 1.3, 1.4 'gadget': terms",
                   "  definition [en]: lattice of [-equally-]{+evenly+} spaced lines",
                   "  terms [en]: 'anchor point' preferred \u2192 deprecated",
                   "stale: 1.6 cites (1.4): 1.4 is now another concept; the one meant is 1.5",
                   "target-removed: 1.8 cites (1.6): that entry was removed",
                   "cycle-gone: circular definition gone: 1.8 \u2192 1.9"]:
        if needle not in out:
            FAILURES.append(f"text: {needle!r} not in\n{out}")
    if "\x1b[" in out:
        FAILURES.append("text: colour with --color never")
    _, out, _ = run(tg, "--color", "always", a, "--", b)
    if "\x1b[31mequally\x1b[0m" not in out:
        FAILURES.append(f"text: no colour with --color always:\n{out!r}")


# -- generated editions -----------------------------------------------------

SYL = ["ba", "ce", "di", "fo", "gu", "ha", "ke", "li", "mo", "nu", "pa", "re", "si", "to",
       "vu", "wa", "xe", "yi", "zo", "ru"]


def gen_word(i):
    s = ""
    while True:
        s += SYL[i % len(SYL)]
        i //= len(SYL)
        if i == 0:
            return s


def generate(n, seed=14):
    rng = random.Random(seed)
    common = [gen_word(i + 50000) for i in range(400)]
    entries = []
    for i in range(n):
        terms = [(gen_word(i) + "x term", "preferred")]
        if i % 10 == 0:
            terms.append((gen_word(i) + "x alias", "admitted"))
        words = rng.sample(common, 8) + [gen_word(i) + "q"]
        rng.shuffle(words)
        definition = " ".join(words)
        # Citations point backwards into the first 500 entries only, and
        # from below 1000 to an earlier entry: no cycle.
        if i > 0:
            j = rng.randrange(0, min(i, 500)) if i >= 1000 else rng.randrange(0, i)
            if j in (301, 800):  # merged away and removed below: cited where planted only
                j -= 1
            definition += f" see {gen_word(j)}x term (3.{j + 1})"
        entries.append([f"3.{i + 1}", terms, definition, None])
    return entries


def test_generated(tg, work):
    n = 5000
    old = generate(n)
    # Planted cycle in the old edition: 951 <-> 952 (indexes 950, 951).
    old[950][2] = f"circle part {gen_word(950)}q see {gen_word(951)}x term (3.952)"
    old[951][2] = f"circle part {gen_word(951)}q see {gen_word(950)}x term (3.951)"
    # Stale references planted: 701 and 702 cite entries after the insertion.
    old[700][2] += f" and {gen_word(2500)}x term (3.2501)"
    old[701][2] += f" and {gen_word(2600)}x term (3.2601)"
    # 811 cites 801, which is removed.
    old[810][2] += f" and {gen_word(800)}x term (3.801)"
    new = [[e[0], list(e[1]), e[2], e[3]] for e in old]
    # Deprecation: 501 gets a new preferred term.
    new[500][1] = [("fresh " + gen_word(500) + "x term", "preferred"),
                   (gen_word(500) + "x term", "deprecated")]
    # Rewording: one word of 601, 602, 603.
    for i in (600, 601, 602):
        words = new[i][2].split(" ")
        words[1] = "reworded"
        new[i][2] = " ".join(words)
    # New cycle 901 <-> 902.
    new[900][2] = f"ring part {gen_word(900)}q see {gen_word(901)}x term (3.902)"
    new[901][2] = f"ring part {gen_word(901)}q see {gen_word(900)}x term (3.901)"
    # Gone cycle: 952 no longer cites 951.
    new[951][2] = f"circle part {gen_word(951)}q alone"
    # Split: 101 (index 100, with an alias) loses its alias to a new last entry.
    alias = new[100][1][1]
    new[100][1] = new[100][1][:1]
    split_entry = ["3.5002", [(alias[0], "preferred")], "splinter definition of its own words",
                   None]
    # Merge: 302 into 301.
    new[300][1] = new[300][1] + [(new[301][1][0][0], "admitted")]
    # Removed: 801.
    removed = {301, 800}
    kept = [e for k, e in enumerate(new) if k not in removed]
    # Insertion before old 3.2001: what follows is renumbered + 1.
    out = []
    for e in kept:
        num = int(e[0][2:])
        if num >= 2001:
            e = [f"3.{num + 1}", e[1], e[2], e[3]]
        out.append(e)
    insert_at = next(k for k, e in enumerate(out) if e[0] == "3.2002")
    out.insert(insert_at, ["3.2001", [("inserted novelty term", "preferred")],
                           "brand new concept with words nobody used", None])
    out.append(split_entry)
    a, b = os.path.join(work, "gen-old.xml"), os.path.join(work, "gen-new.xml")
    with open(a, "w", encoding="utf-8") as f:
        f.write(render(old))
    with open(b, "w", encoding="utf-8") as f:
        f.write(render(out))
    start = time.monotonic()
    code, stdout, err = run(tg, "--format", "json", a, "--", b)
    elapsed = time.monotonic() - start
    expect("generated: status", code, 1)
    doc = json.loads(stdout)
    got = {}
    for e in doc["entries"]:
        old_n = tuple(e["old"]) if isinstance(e["old"], list) else e["old"]
        new_n = tuple(e["new"]) if isinstance(e["new"], list) else e["new"]
        got[(e["change"], old_n, new_n)] = e["fields"]
    wanted = {
        ("added", None, "3.2001"): [],
        ("split", "3.101", ("3.101", "3.5002")): ["terms"],
        ("merged", ("3.301", "3.302"), "3.301"): ["terms"],
        ("changed", "3.501", "3.501"): ["terms"],
        ("changed", "3.601", "3.601"): ["definition"],
        ("changed", "3.602", "3.602"): ["definition"],
        ("changed", "3.603", "3.603"): ["definition"],
        ("removed", "3.801", None): [],
        ("changed", "3.901", "3.901"): ["definition"],
        ("changed", "3.902", "3.902"): ["definition"],
        ("changed", "3.952", "3.952"): ["definition"],
    }
    for k in range(2001, n + 1):
        wanted[("renumbered", f"3.{k}", f"3.{k + 1}")] = []
    missing = [k for k in wanted if k not in got]
    extra = [k for k in got if k not in wanted]
    wrong = [(k, got[k], wanted[k]) for k in wanted if k in got and got[k] != wanted[k]]
    if missing or extra or wrong:
        FAILURES.append(f"generated entries: missing {missing[:10]}, extra {extra[:10]}, "
                        f"wrong fields {wrong[:10]}")
    refs = sorted(json.dumps(r, sort_keys=True) for r in doc["references"])
    wanted_refs = sorted(json.dumps(r, sort_keys=True) for r in [
        {"change": "stale", "entry": "3.701", "target": "3.2501", "intended": "3.2502",
         "text": "(3.2501)"},
        {"change": "stale", "entry": "3.702", "target": "3.2601", "intended": "3.2602",
         "text": "(3.2601)"},
        {"change": "target-removed", "entry": "3.811", "target": "3.801", "text": "(3.801)"},
        {"change": "cycle-new", "entries": ["3.901", "3.902"]},
        {"change": "cycle-gone", "entries": ["3.951", "3.952"]},
    ])
    expect("generated references", refs, wanted_refs)
    print(f"generated: {n} entries compared in {elapsed:.2f} s")


def main():
    tg, work, mode = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    {"status": test_status, "json": test_json, "markdown": test_markdown, "html": test_html,
     "text": test_text, "generated": test_generated}[mode](tg, work)
    if FAILURES:
        print("\n".join(FAILURES))
        sys.exit(1)
    print(f"diff {mode}: ok")


if __name__ == "__main__":
    main()
