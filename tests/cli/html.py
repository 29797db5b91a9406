#!/usr/bin/env python3
"""`termgraph html` as a user runs it: exit statuses, what is written and
what is refused, the same bytes on every run, --lang, --entries-per-page,
and a site replaced only by a site.

Usage: html.py TERMGRAPH WORKDIR DATA_DIR TERMS_DIR
"""

import hashlib
import pathlib
import shutil
import subprocess
import sys

FAILURES = []


def expect(name, got, wanted):
    if got != wanted:
        FAILURES.append(f"{name}:\n  got    {got!r}\n  wanted {wanted!r}")


def html(termgraph, *args):
    p = subprocess.run([termgraph, "html", *args], capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout, p.stderr


def digest(site):
    h = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        if path.is_file():
            h.update(str(path.relative_to(site)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def main():
    termgraph, work, data, terms = sys.argv[1:5]
    work = pathlib.Path(work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    site = work / "site"

    # The bundled vocabulary: one warning (a circular definition), status 0.
    code, out, err = html(termgraph, "-o", str(site), terms)
    expect("bundled: status", code, 0)
    expect("bundled: summary", out.startswith("termgraph: wrote ") and
           "(61 entries, 0 errors, 1 warning on the findings pages)" in out, True)
    expect("bundled: stderr", err, "")
    for name in ("index.html", "entries-1.html", "systematic-1.html", "alphabetical-en-1.html",
                 "alphabetical-fr-1.html", "findings-1.html", "cycles.html", "search/keys.js",
                 "assets/site.css", "assets/search.js", ".termgraph-site"):
        expect(f"bundled: {name} written", (site / name).is_file(), True)
    expect("bundled: no building directory left", (work / "site.termgraph-tmp").exists(), False)
    first = digest(site)

    # Again over the earlier site: replaced, the same bytes.
    (site / "stale.html").write_text("from an earlier run")
    code, _, _ = html(termgraph, "-o", str(site), terms)
    expect("again: status", code, 0)
    expect("again: stale file gone", (site / "stale.html").exists(), False)
    expect("again: same bytes", digest(site), first)

    # Errors go on the findings pages: written, status 1.
    code, out, err = html(termgraph, "-o", str(work / "errors"), f"{data}/findings.xml")
    expect("findings: status", code, 1)
    findings = (work / "errors" / "findings-1.html").read_text(encoding="utf-8")
    expect("findings: the dangling reference listed",
           "reference to 1.9, which is not an entry of this vocabulary" in findings, True)

    # A directory that holds something else is never replaced.
    taken = work / "taken"
    taken.mkdir()
    (taken / "notes.txt").write_text("mine")
    code, out, err = html(termgraph, "-o", str(taken), terms)
    expect("taken: status", code, 2)
    expect("taken: message", "holds files and no termgraph site" in err, True)
    expect("taken: untouched", sorted(p.name for p in taken.iterdir()), ["notes.txt"])
    (work / "file").write_text("x")
    code, out, err = html(termgraph, "-o", str(work / "file"), terms)
    expect("file: status", code, 2)
    expect("file: message", "it is not a directory" in err, True)

    # An input that cannot be read: nothing written, the earlier site kept.
    code, out, err = html(termgraph, "-o", str(site), terms, str(work / "missing.xml"))
    expect("missing input: status", code, 2)
    expect("missing input: earlier site kept", digest(site), first)
    empty = work / "empty.xml"
    empty.write_text('<vocabulary xmlns="urn:termgraph:vocabulary:1"/>\n')
    code, out, err = html(termgraph, "-o", str(work / "none"), str(empty))
    expect("no entry: status", code, 2)
    expect("no entry: said", ("[empty-input]" in err, "no site is written" in err), (True, True))
    expect("no entry: nothing written", (work / "none").exists(), False)
    # Malformed XML: what was read is published, the error said and listed.
    code, out, err = html(termgraph, "-o", str(work / "malformed"), f"{data}/malformed.xml")
    expect("malformed: status", code, 1)
    expect("malformed: the syntax error said", "[xml-syntax]" in err, True)
    expect("malformed: listed", "start-end tags mismatch" in
           (work / "malformed" / "findings-1.html").read_text(encoding="utf-8"), True)

    # Usage errors.
    code, out, err = html(termgraph, terms)
    expect("no -o: status", code, 2)
    code, out, err = html(termgraph, "-o", str(work / "p"), "--entries-per-page", "0", terms)
    expect("--entries-per-page 0: status", code, 2)

    # Choices.
    code, out, err = html(termgraph, "-o", str(work / "fr"), "--lang", "fr", "--entries-per-page",
                          "10", "--title", "Vocabulaire", terms)
    expect("fr: status", code, 0)
    expect("fr: no English index", (work / "fr" / "alphabetical-en-1.html").exists(), False)
    expect("fr: pages of 10", sorted(p.name for p in (work / "fr").glob("entries-*.html")),
           [f"entries-{i}.html" for i in range(1, 8)])
    page = (work / "fr" / "entries-1.html").read_text(encoding="utf-8")
    expect("fr: title", "<title>Entries 3.1 to 3.10 \u2014 Vocabulaire</title>" in page, True)
    expect("fr: only French sections", ('lang="en" aria-label' in page, 'lang="fr"' in page),
           (False, True))

    code, out, err = html(termgraph, "-o", str(work / "de"), "--lang", "de", terms)
    expect("--lang de: status", code, 2)
    expect("--lang de: message", "--lang de: no term is in that language (the vocabulary's: en, fr)"
           in err, True)
    code, out, err = html(termgraph, "-o", str(work / "fr-FR"), "--lang", "fr-FR", terms)
    expect("--lang fr-FR: status", code, 0)
    expect("--lang fr-FR: the French index",
           [p.name for p in (work / "fr-FR").glob("alphabetical-*")], ["alphabetical-fr-1.html"])

    for f in FAILURES:
        print("FAIL " + f)
    print(f"html: {len(FAILURES)} failures")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
