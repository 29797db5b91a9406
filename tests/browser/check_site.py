#!/usr/bin/env python3
"""Opens sites written by `termgraph html` in headless Chromium, from
file://, and checks what a reader would: every link and anchor leads
somewhere, no page reports an error, search finds entries by folded queries,
the alphabetical indexes are in ICU's order (as `termgraph index` gives it),
the pages fit a phone's width and print without navigation, and nothing from
a hostile vocabulary runs as script. Screenshots go to OUT/screenshots.

    check_site.py TERMGRAPH TERMS_DIR GEN_STS OUT_DIR

Exits 77 (skipped) when Chromium is not installed.
"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import urllib.parse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import cdp  # noqa: E402

SKIP = 77
failures = []


def fail(message):
    if message in failures:
        return
    failures.append(message)
    print("FAIL: " + message, flush=True)


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def write_site(termgraph, inputs, out, *extra):
    if out.exists():
        shutil.rmtree(out)
    r = run([termgraph, "html", "-o", str(out), *extra, *inputs])
    if r.returncode not in (0, 1) or not (out / "index.html").is_file():
        raise SystemExit(f"termgraph html failed ({r.returncode}): {r.stderr}{r.stdout}")
    return out


def page_facts(browser):
    return browser.evaluate("""(() => {
      const attr = (sel, name) => [...document.querySelectorAll(sel)].map(e => e.getAttribute(name));
      return {
        ids: [...document.querySelectorAll('[id]')].map(e => e.id),
        links: attr('a[href]', 'href').concat(attr('link[href]', 'href'), attr('script[src]', 'src')),
        emptyLinks: [...document.querySelectorAll('a[href]')].filter(a => !a.textContent.trim()).length,
        lang: document.documentElement.getAttribute('lang'),
        h1: document.querySelectorAll('h1').length,
        main: document.querySelectorAll('main').length,
        badLang: [...document.querySelectorAll('[lang]')].map(e => e.getAttribute('lang'))
                   .filter(l => l !== '' && !/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(l)),
        unlabelledPictures: [...document.querySelectorAll('svg[role=img]')]
                   .filter(s => !s.getAttribute('aria-label')).length,
        alphabetical: [...document.querySelectorAll('.index.alphabetical li')].map(li =>
                   [li.querySelector('.term').textContent, li.querySelector('a').textContent]),
        scripts: document.querySelectorAll('script').length,
        entries: [...document.querySelectorAll('article.entry')].map(a => ({
          id: a.id,
          cites: [...a.querySelectorAll('section.language a.ref, dl.categories a.ref')]
                   .map(l => l.getAttribute('href')),
          citedBy: [...a.querySelectorAll('.cited-by a')].map(l => l.getAttribute('href')),
        })),
        cycles: [...document.querySelectorAll('section.cycle')].map(c => c.id),
        pwned: typeof window.__pwned !== 'undefined',
      };
    })()""")


def crawl(browser, site):
    """Opens every page of the site (those linked from index.html and any
    other HTML file in it); returns {file name: facts}."""
    pages = {}
    queue = ["index.html"] + sorted(p.name for p in site.glob("*.html"))
    linked = {"index.html"}
    while queue:
        name = queue.pop(0)
        if name in pages:
            continue
        errors = browser.open((site / name).as_uri())
        facts = page_facts(browser)
        pages[name] = facts
        for e in errors:
            fail(f"{site.name}/{name}: {e}")
        for href in facts["links"]:
            target = urllib.parse.urlsplit(href)
            if target.scheme or target.netloc:
                fail(f"{site.name}/{name}: a link leaves the site: {href}")
                continue
            path = urllib.parse.unquote(target.path) or name
            linked.add(path)
            if path.endswith(".html") and path not in pages:
                queue.append(path)
    # Every page is reachable, every link's file and anchor exist.
    for name in sorted(p.name for p in site.glob("*.html")):
        if name not in linked:
            fail(f"{site.name}/{name}: no page links to it")
    for name, facts in pages.items():
        for href in facts["links"]:
            target = urllib.parse.urlsplit(href)
            path = urllib.parse.unquote(target.path) or name
            if not (site / path).is_file():
                fail(f"{site.name}/{name}: link to a missing file: {href}")
            elif target.fragment and target.fragment not in pages.get(path, {}).get("ids", []):
                fail(f"{site.name}/{name}: link to a missing anchor: {href}")
        if len(set(facts["ids"])) != len(facts["ids"]):
            fail(f"{site.name}/{name}: ids are not unique")
        if facts["emptyLinks"]:
            fail(f"{site.name}/{name}: {facts['emptyLinks']} links without text")
        if facts["lang"] != "en" or facts["h1"] != 1 or facts["main"] != 1:
            fail(f"{site.name}/{name}: page structure (lang {facts['lang']}, "
                 f"{facts['h1']} h1, {facts['main']} main)")
        if facts["badLang"]:
            fail(f"{site.name}/{name}: ill-formed lang attributes {facts['badLang'][:3]}")
        if facts["unlabelledPictures"]:
            fail(f"{site.name}/{name}: pictures without a text alternative")
        if facts["pwned"]:
            fail(f"{site.name}/{name}: text of the vocabulary ran as script")
    return pages


def check_back_links(site, pages):
    """Every reference from A to B has A among B's "Cited by" links, and
    every "Cited by" link has a reference behind it."""
    cites, cited_by = set(), set()
    for name, facts in pages.items():
        for entry in facts.get("entries", []):
            here = f"{name}#{entry['id']}"
            cites.update((here, href) for href in entry["cites"])
            cited_by.update((href, here) for href in entry["citedBy"])
    for citing, cited in sorted(cites - cited_by):
        fail(f"{site.name}: {citing} cites {cited}, which does not list it as citing it")
    for citing, cited in sorted(cited_by - cites):
        fail(f"{site.name}: {cited} lists {citing} as citing it, which has no link to it")
    return len(cites)


def check_cycles(termgraph, inputs, site, pages):
    report = json.loads(run([termgraph, "check", "--format", "json", *inputs]).stdout)
    expected = [d for d in report["diagnostics"] if d["rule"] == "circular-definition"]
    shown = pages["cycles.html"]["cycles"]
    if len(shown) != len(expected):
        fail(f"{site.name}: cycles.html shows {len(shown)} circular definitions, check reports "
             f"{len(expected)}")
    return len(shown)


def check_alphabetical(termgraph, inputs, site, pages):
    expected = json.loads(run([termgraph, "index", "--format", "json", "--vocab", *inputs]).stdout)
    checked = 0
    for index in expected["indexes"]:
        name = "alphabetical-" + "".join(
            c if c.isascii() and (c.isalnum() or c in ".-") else "_%02x" % ord(c)
            for c in index["language"])
        shown = []
        k = 1
        while f"{name}-{k}.html" in pages:
            shown += pages[f"{name}-{k}.html"]["alphabetical"]
            k += 1
        want = [[line["term"], line["number"]] for line in index["lines"]]
        if shown != want:
            first = next((i for i, (a, b) in enumerate(zip(shown, want)) if a != b),
                         min(len(shown), len(want)))
            fail(f"{site.name}: alphabetical index {index['language']} differs from "
                 f"`termgraph index` at line {first + 1}: "
                 f"{shown[first:first + 2]} against {want[first:first + 2]}")
        checked += len(want)
    return checked


def search(browser, site, query):
    browser.open((site / "index.html").as_uri())
    browser.evaluate("document.getElementById('search').focus()")
    browser.type_text(query)
    return browser.evaluate("""new Promise(resolve => {
      const started = Date.now();
      (function poll() {
        const items = [...document.querySelectorAll('#search-results li')];
        if (items.length || Date.now() - started > 5000) {
          resolve(items.map(li => {
            const a = li.querySelector('a');
            return a ? {href: a.getAttribute('href'),
                        number: a.querySelector('.number').textContent} : {none: li.textContent};
          }));
        } else {
          setTimeout(poll, 20);
        }
      })();
    })""")


def check_search(browser, site, query, number):
    results = search(browser, site, query)
    numbers = [r.get("number") for r in results]
    if not results or results[0].get("number") != number:
        fail(f"{site.name}: search for {query!r}: first result {numbers[:3]}, expected {number}")
    errors = browser.errors()
    for e in errors:
        fail(f"{site.name}: search for {query!r}: {e}")


def check_folding(browser, site):
    """Every term of the index, folded by the page's script, gives the key
    termgraph folded it to (ICU): the search folds queries the same way."""
    browser.open((site / "index.html").as_uri())
    keys = sorted(p.stem for p in (site / "search").glob("*.js") if p.stem != "keys")
    mismatches = browser.evaluate("""new Promise(resolve => {
      const records = [];
      window.termgraphSearchShard = (key, list) => { records.push(...list); };
      const keys = %s;
      let left = keys.length;
      keys.forEach(k => {
        const s = document.createElement('script');
        s.src = 'search/' + k + '.js';
        s.onload = s.onerror = () => {
          if (--left === 0) {
            const bad = records.filter(r => r[5] !== 3 && window.termgraphFold(r[1]) !== r[0]);
            resolve({count: records.length, bad: bad.slice(0, 5).map(r => [r[1], r[0],
                     window.termgraphFold(r[1])])});
          }
        };
        document.head.appendChild(s);
      });
    })""" % json.dumps(keys))
    if mismatches["count"] == 0:
        fail(f"{site.name}: the search index is empty")
    for term, icu, js in mismatches["bad"]:
        fail(f"{site.name}: the script folds {term!r} to {js!r}, termgraph to {icu!r}")
    return mismatches["count"]


def check_phone_and_print(browser, site, page, shots):
    browser.call("Emulation.setDeviceMetricsOverride",
                 {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True},
                 session=browser.session)
    browser.open((site / page).as_uri())
    width = browser.evaluate("document.documentElement.scrollWidth")
    if width > 390:
        fail(f"{site.name}/{page}: wider than a phone's screen ({width} px for 390)")
    browser.screenshot(str(shots / f"{site.name}-phone.png"), full_page=False)
    browser.call("Emulation.clearDeviceMetricsOverride", session=browser.session)
    browser.call("Emulation.setEmulatedMedia", {"media": "print"}, session=browser.session)
    hidden = browser.evaluate("""['header.site nav', 'form.search']
        .map(s => getComputedStyle(document.querySelector(s)).display)""")
    if hidden != ["none", "none"]:
        fail(f"{site.name}/{page}: navigation or search printed ({hidden})")
    browser.call("Emulation.setEmulatedMedia", {"media": ""}, session=browser.session)


HOSTILE = """<?xml version="1.0" encoding="UTF-8"?>
<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <title>&lt;script&gt;window.__pwned = 1&lt;/script&gt;</title>
  <entry number="1.1">
    <term>&quot;&gt;&lt;img src=x onerror="window.__pwned=1"&gt;</term>
    <definition>text with &lt;script&gt;window.__pwned = 1&lt;/script&gt; and a
      reference to <ref to="1.2">&lt;b onmouseover=alert(1)&gt;</ref></definition>
    <note>javascript:window.__pwned=1 &amp;amp; &lt;/p&gt;&lt;/main&gt;</note>
  </entry>
  <entry number="1.2">
    <term>&lt;svg onload=window.__pwned=1&gt;</term>
    <definition>cited by 1.1 (1.1), and a dangling one (1.9)</definition>
  </entry>
</vocabulary>
"""


def main():
    termgraph, terms, gen_sts, out = sys.argv[1:5]
    out = pathlib.Path(out).resolve()
    chromium = cdp.find_chromium()
    if not chromium:
        print("skipped: Chromium is not installed (Debian: apt-get install chromium)")
        return SKIP
    out.mkdir(parents=True, exist_ok=True)
    shots = out / "screenshots"
    shots.mkdir(exist_ok=True)

    generated = out / "generated.xml"
    run([sys.executable, gen_sts, "--entries", "5000", "--seed", "7", "--out", str(generated),
         "--expected", str(out / "generated.json")], check=True)
    hostile = out / "hostile.xml"
    hostile.write_text(HOSTILE, encoding="utf-8")

    sites = {
        "bundled": ([terms], write_site(termgraph, [terms], out / "bundled")),
        "generated": ([str(generated)], write_site(termgraph, [str(generated)], out / "generated")),
        "hostile": ([str(hostile)], write_site(termgraph, [str(hostile)], out / "hostile")),
    }

    browser = cdp.Browser(chromium)
    try:
        for name, (inputs, site) in sites.items():
            pages = crawl(browser, site)
            lines = check_alphabetical(termgraph, inputs, site, pages)
            links = check_back_links(site, pages)
            cycles = check_cycles(termgraph, inputs, site, pages)
            folded = check_folding(browser, site)
            print(f"{name}: {len(pages)} pages opened, {lines} index lines in ICU order, "
                  f"{links} citations with their back-links, {cycles} circular definitions, "
                  f"{folded} search records folded alike", flush=True)

        # Search by folded queries: case, accents and width do not matter.
        bundled = sites["bundled"][1]
        check_search(browser, bundled, "SMÄRT  Contract", "3.66")
        check_search(browser, bundled, "ｓｍａｒｔ contract", "3.66")  # full width
        check_search(browser, bundled, "registre distribué", "3.22")
        check_search(browser, bundled, "3.30", "3.30")
        index = json.loads(run([termgraph, "index", "--format", "json", "--lang", "en",
                                "--vocab", str(generated)]).stdout)
        lines = index["indexes"][0]["lines"]
        line = next(l for l in lines[len(lines) // 2:] if l["status"] == "preferred" and
                    any(c in "aeiou" for c in l["term"]))
        query = line["term"].upper()
        for plain, accented in (("A", "Á"), ("E", "È"), ("I", "Î"), ("O", "Ö"), ("U", "Ü")):
            if plain in query:
                query = query.replace(plain, accented, 1)
                break
        check_search(browser, sites["generated"][1], query, line["number"])
        print(f"search: {query!r} found {line['number']}", flush=True)
        results = search(browser, sites["hostile"][1], '"><img')
        if browser.evaluate("typeof window.__pwned") != "undefined":
            fail("hostile: searching ran text of the vocabulary as script")
        if not results or results[0].get("number") != "1.1":
            fail(f"hostile: search for a term made of markup found {results}")

        # What a reader sees.
        browser.open((bundled / "entries-1.html").as_uri() + "#entry-3.2")
        browser.screenshot(str(shots / "bundled-entries.png"), full_page=False)
        browser.open((bundled / "cycles.html").as_uri())
        browser.screenshot(str(shots / "bundled-cycles.png"))
        search(browser, bundled, "ledg")
        browser.screenshot(str(shots / "bundled-search.png"), full_page=False)
        check_phone_and_print(browser, bundled, "entries-1.html", shots)
        check_phone_and_print(browser, sites["generated"][1], "alphabetical-en-1.html", shots)
    finally:
        browser.close()

    print(f"screenshots in {shots}")
    if failures:
        print(f"{len(failures)} failures")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
