#!/usr/bin/env python3
"""The reports of `termgraph check` other than JSON (docs/cli.md): SARIF,
GitHub annotations, GitLab Code Quality, and the text output's summary,
limits and colour.

Usage: check_reports.py sarif-schema TERMGRAPH TESTS SCHEMA WORK DATA TERMS CORPUS
       check_reports.py sarif-values TERMGRAPH DATA RULE_TABLE_HEADER
       check_reports.py github TERMGRAPH DATA
       check_reports.py gitlab TERMGRAPH DATA WORK
       check_reports.py text TERMGRAPH DATA

sarif-schema validates logs against the SARIF 2.1.0 JSON schema (OASIS):
those of the test data, of terms/ and of every corpus file, and the log
with fixes the unit test SarifWriter.* writes; it exits 77 (skipped) with a
message when the schema or the jsonschema module is absent.
"""

import glob
import json
import os
import pty
import re
import shutil
import subprocess
import sys

SKIP = 77


def fail(message):
    print("FAIL:", message)
    sys.exit(1)


def run(command, expect=None, env=None, cwd=None):
    p = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env, cwd=cwd)
    if expect is not None and p.returncode not in expect:
        fail(f"{' '.join(command)}: exit status {p.returncode}, expected {expect}\n{p.stderr}")
    if p.returncode < 0:
        fail(f"{' '.join(command)}: killed by signal {-p.returncode}")
    return p


# -- SARIF ----------------------------------------------------------------------

def sarif_schema(termgraph, tests, schema_path, work, data, terms, corpus):
    if not os.path.isfile(schema_path):
        print(f"SKIP: no SARIF schema at {schema_path}")
        sys.exit(SKIP)
    try:
        import jsonschema
    except ImportError:
        print(f"SKIP: the Python module jsonschema is missing for {sys.executable} "
              "(Debian: python3-jsonschema)")
        sys.exit(SKIP)
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft4Validator(schema)

    def validate(name, text):
        log = json.loads(text)
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
        if errors:
            e = errors[0]
            fail(f"{name}: not valid SARIF 2.1.0: {e.message} at "
                 f"{'/'.join(str(p) for p in e.path)} ({len(errors)} errors)")
        return log

    inputs = [("data", [os.path.join(data, "findings.xml"), os.path.join(data, "clean.xml"),
                        os.path.join(data, "malformed.xml"), os.path.join(data, "missing.xml")]),
              ("terms", [terms])]
    corpus_files = sorted(glob.glob(os.path.join(corpus, "sts", "*.xml")) +
                          glob.glob(os.path.join(corpus, "tbx", "*.tbx")))
    if not corpus_files:
        print(f"note: no corpus at {corpus}; validating the test data and terms/ only")
    inputs += [(os.path.basename(f), [f]) for f in corpus_files]
    results = 0
    for name, paths in inputs:
        p = run([termgraph, "check", "--format", "sarif", *paths], expect=(0, 1, 2), cwd=data)
        log = validate(name, p.stdout)
        results += len(log["runs"][0]["results"])

    # The unit test's log holds fixes, which no rule of this build may give.
    os.makedirs(work, exist_ok=True)
    sample = os.path.join(work, "fixes.sarif")
    if os.path.exists(sample):
        os.remove(sample)
    env = dict(os.environ, TERMGRAPH_SARIF_SAMPLE=sample)
    run([tests, "--gtest_filter=SarifWriter.RulesResultsRelatedLocationsAndFixes"], expect=(0,),
        env=env)
    with open(sample, encoding="utf-8") as f:
        log = validate("SarifWriter fixes", f.read())
    if not any("fixes" in r for r in log["runs"][0]["results"]):
        fail("the unit test's log has no fixes to validate")
    print(f"{len(inputs) + 1} SARIF logs valid ({results} results)")


def rule_ids(header):
    with open(header, encoding="utf-8") as f:
        text = f.read()
    table = text[text.index("#define TERMGRAPH_RULE_TABLE"):]
    table = table[:table.index("\n\n")]
    return re.findall(r'X\(\w+,\s*"([a-z0-9-]+)"', table)


def sarif_values(termgraph, data, header):
    p = run([termgraph, "check", "--format", "sarif", "findings.xml", "clean.xml"], expect=(1,),
            cwd=data)
    log = json.loads(p.stdout)
    if log.get("version") != "2.1.0" or "$schema" not in log:
        fail("no version 2.1.0 or $schema")
    if len(log["runs"]) != 1:
        fail(f"{len(log['runs'])} runs, expected 1")
    run_ = log["runs"][0]
    if run_.get("columnKind") != "unicodeCodePoints":
        fail(f"columnKind {run_.get('columnKind')!r}")
    driver = run_["tool"]["driver"]
    for key in ("name", "version", "informationUri", "rules"):
        if key not in driver:
            fail(f"tool.driver has no {key}")
    ids = rule_ids(header)
    got = [r["id"] for r in driver["rules"]]
    if got != ids:
        fail(f"tool.driver.rules {got}, expected every rule of the catalogue {ids}")
    for r in driver["rules"]:
        if not re.match(r"^[a-z][a-z0-9+.-]*:", r["helpUri"]) or \
                not r["helpUri"].endswith("rules.md#" + r["id"]):
            fail(f"helpUri {r['helpUri']!r} of {r['id']}: not an absolute URI of its section")
        if not r["shortDescription"]["text"]:
            fail(f"{r['id']}: no shortDescription")
        if r["defaultConfiguration"]["level"] not in ("error", "warning", "note"):
            fail(f"{r['id']}: level {r['defaultConfiguration']['level']!r}")

    base = run_["originalUriBaseIds"]["SRCROOT"]["uri"]
    if not base.startswith("file:///") or not base.endswith("/"):
        fail(f"SRCROOT {base!r}")
    found = []
    for r in run_["results"]:
        if driver["rules"][r["ruleIndex"]]["id"] != r["ruleId"]:
            fail(f"ruleIndex {r['ruleIndex']} is not {r['ruleId']}")
        loc = r["locations"][0]["physicalLocation"]
        if loc["artifactLocation"].get("uriBaseId") != "SRCROOT":
            fail(f"{loc}: not relative to SRCROOT")
        region = loc["region"]
        related = [(x["physicalLocation"]["artifactLocation"]["uri"],
                    x["physicalLocation"]["region"]["startLine"],
                    x["physicalLocation"]["region"]["startColumn"])
                   for x in r.get("relatedLocations", [])]
        found.append((r["ruleId"], r["level"], loc["artifactLocation"]["uri"],
                      region["startLine"], region["startColumn"], region.get("endLine"),
                      region.get("endColumn"), related))
        if not r["partialFingerprints"].get("termgraphFinding/v1"):
            fail(f"{r['ruleId']}: no partial fingerprint")
    expected = [
        ("circular-definition", "warning", "findings.xml", 9, 49, 9, 56,
         [("findings.xml", 9, 49), ("findings.xml", 14, 44)]),
        ("dangling-reference", "error", "findings.xml", 18, 37, 18, 40, []),
        ("duplicate-number", "error", "findings.xml", 20, 3, None, None,
         [("findings.xml", 16, 3)]),
        ("missing-definition", "warning", "findings.xml", 24, 3, None, None, []),
        ("numbering-order", "warning", "findings.xml", 24, 3, None, None,
         [("findings.xml", 20, 3)]),
    ]
    strip = [f[:5] + f[7:] for f in found]
    if strip != [e[:5] + e[7:] for e in expected]:
        fail(f"results {found}\nexpected {expected}")
    dangling = found[1]
    if (dangling[5], dangling[6]) != (18, 40):
        fail(f"dangling-reference ends at {dangling[5:7]}, expected (18, 40): after '1.9'")
    fingerprints = [r["partialFingerprints"]["termgraphFinding/v1"] for r in run_["results"]]
    if len(set(fingerprints)) != len(fingerprints):
        fail(f"fingerprints not distinct: {fingerprints}")
    print(f"{len(found)} SARIF results as expected; {len(ids)} rules")


# -- GitHub ---------------------------------------------------------------------

def github(termgraph, data):
    p = run([termgraph, "check", "--format", "github", "findings.xml", "clean.xml"], expect=(1,),
            cwd=data)
    lines = p.stdout.splitlines()
    annotations = [l for l in lines if l.startswith("::")]
    if len(annotations) != 5:
        fail(f"{len(annotations)} annotations, expected 5:\n{p.stdout}")
    pattern = re.compile(r"^::(error|warning|notice) ((?:[a-zA-Z]+=[^,:]*)(?:,[a-zA-Z]+=[^,:]*)*)"
                         r"::(.*)$")
    parsed = []
    for a in annotations:
        m = pattern.match(a)
        if not m:
            fail(f"not a workflow command: {a!r}")
        props = dict(kv.split("=", 1) for kv in m.group(2).split(","))
        parsed.append((m.group(1), props, m.group(3)))
    kind, props, message = parsed[1]
    if (kind, props) != ("error", {"file": "findings.xml", "line": "18", "col": "37",
                                    "endLine": "18", "endColumn": "39",
                                    "title": "dangling-reference"}):
        fail(f"dangling-reference annotation {parsed[1]}")
    kind, props, message = parsed[0]
    if kind != "warning" or props["title"] != "circular-definition" or \
            "%0Afindings.xml:14:44: note: " not in message:
        fail(f"circular-definition annotation {parsed[0]}: its steps as notes expected")
    if "\n" in message or "\r" in message:
        fail("a line break in an annotation")
    if lines[-1] != "2 errors, 3 warnings generated":
        fail(f"last line {lines[-1]!r}")
    p = run([termgraph, "check", "--format", "github", "--max-findings", "1", "findings.xml"],
            expect=(1,), cwd=data)
    if p.stdout.count("::") != 2 or "4 more findings not shown" not in p.stdout:
        fail(f"--max-findings 1:\n{p.stdout}")
    print("GitHub annotations as expected")


# -- GitLab ---------------------------------------------------------------------

def gitlab(termgraph, data, work):
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    with open(os.path.join(data, "findings.xml"), encoding="utf-8") as f:
        original = f.read()
    with open(os.path.join(work, "findings.xml"), "w", encoding="utf-8") as f:
        f.write(original)
    first = json.loads(run([termgraph, "check", "--format", "gitlab", "findings.xml"],
                           expect=(1,), cwd=work).stdout)
    if not isinstance(first, list) or len(first) != 5:
        fail(f"expected an array of 5 issues: {first}")
    for issue in first:
        for key in ("description", "check_name", "fingerprint", "severity", "location"):
            if key not in issue:
                fail(f"issue without {key}: {issue}")
        if issue["location"]["path"] != "findings.xml":
            fail(f"path {issue['location']['path']!r}")
    got = [(i["check_name"], i["severity"], i["location"]["lines"]["begin"]) for i in first]
    expected = [("circular-definition", "minor", 9), ("dangling-reference", "major", 18),
                ("duplicate-number", "major", 20), ("missing-definition", "minor", 24),
                ("numbering-order", "minor", 24)]
    if got != expected:
        fail(f"issues {got}, expected {expected}")

    # Lines above every finding move: same fingerprints, other lines.
    edited = original.replace("<vocabulary ", "<!-- moved\n\ndown -->\n<vocabulary ", 1)
    with open(os.path.join(work, "findings.xml"), "w", encoding="utf-8") as f:
        f.write(edited)
    second = json.loads(run([termgraph, "check", "--format", "gitlab", "findings.xml"],
                            expect=(1,), cwd=work).stdout)
    if [i["location"]["lines"]["begin"] for i in second] != [g[2] + 3 for g in got]:
        fail(f"lines after the edit: {[i['location']['lines']['begin'] for i in second]}")
    if [i["fingerprint"] for i in second] != [i["fingerprint"] for i in first]:
        fail("fingerprints changed when lines above the findings moved")
    if len({i["fingerprint"] for i in first}) != 5:
        fail("fingerprints not distinct")
    print("GitLab Code Quality report as expected")


# -- text -----------------------------------------------------------------------

def on_terminal(command, env, cwd):
    """Runs `command` with standard output on a pseudo-terminal; its output."""
    master, slave = pty.openpty()
    p = subprocess.Popen(command, stdout=slave, stderr=subprocess.PIPE, env=env, cwd=cwd)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    p.wait(timeout=300)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def text(termgraph, data):
    # Only the summary: equal counts in the order of rules.md.
    p = run([termgraph, "check", "--quiet", "findings.xml"], expect=(1,), cwd=data)
    expected = ("  1 duplicate-number (error)\n  1 numbering-order (warning)\n"
                "  1 missing-definition (warning)\n"
                "  1 dangling-reference (error)\n  1 circular-definition (warning)\n"
                "2 errors, 3 warnings generated\n")
    if p.stdout != expected:
        fail(f"--quiet:\n{p.stdout}expected:\n{expected}")

    p = run([termgraph, "check", "--no-source", "--max-findings", "2", "findings.xml"],
            expect=(1,), cwd=data)
    if len(re.findall(r"^findings\.xml:\d+:\d+: (error|warning):", p.stdout, re.M)) != 2 or \
            "\n3 more findings not shown\n" not in p.stdout or \
            not p.stdout.endswith("2 errors, 3 warnings generated\n"):
        fail(f"--max-findings 2:\n{p.stdout}")

    # Colour: on a terminal unless NO_COLOR; never in a pipe unless asked.
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    command = [termgraph, "check", "findings.xml"]
    if "\x1b[1;31merror:" not in on_terminal(command, env, data):
        fail("no colour on a terminal")
    if "\x1b[" in on_terminal(command, dict(env, NO_COLOR="1"), data):
        fail("colour on a terminal with NO_COLOR=1")
    if "\x1b[1;31merror:" not in on_terminal(command, dict(env, NO_COLOR=""), data):
        fail("no colour with an empty NO_COLOR")
    if "\x1b[" in on_terminal(command + ["--color", "never"], env, data):
        fail("colour with --color never")
    if "\x1b[" in run(command, expect=(1,), env=env, cwd=data).stdout:
        fail("colour in a pipe")
    if "\x1b[1;32m^" not in run(command + ["--color", "always"], expect=(1,),
                                env=dict(env, NO_COLOR="1"), cwd=data).stdout:
        fail("no colour with --color always")

    # The text options are for text: usage errors with a machine format.
    for option in (["--quiet"], ["--no-source"], ["--color", "always"]):
        p = run([termgraph, "check", "--format", "sarif", *option, "findings.xml"], expect=(2,),
                cwd=data)
        if "text format" not in p.stderr:
            fail(f"--format sarif {option}: {p.stderr}")
    p = run([termgraph, "check", "--format", "json", "--max-findings", "1", "findings.xml"],
            expect=(2,), cwd=data)

    # convert prints the loading diagnostics with the same options.
    p = run([termgraph, "convert", "--to", "native", "--no-source", "--max-findings", "1",
             "findings.xml"], expect=(1,), cwd=data)
    if "<definition>holder" in p.stderr or "4 more findings not shown" not in p.stderr or \
            "<entry number=\"1.5\">" not in p.stdout:
        fail(f"convert --no-source --max-findings 1:\n{p.stderr}")
    p = run([termgraph, "convert", "--to", "native", "--quiet", "findings.xml"], expect=(1,),
            cwd=data)
    if re.search(r"^findings\.xml:", p.stderr, re.M) or \
            not p.stderr.endswith("2 errors, 3 warnings generated\n"):
        fail(f"convert --quiet:\n{p.stderr}")
    p = run([termgraph, "convert", "--to", "native", "--color", "always", "findings.xml"],
            expect=(1,), env=env, cwd=data)
    if "\x1b[1;31merror:" not in p.stderr or "\x1b[" in p.stdout:
        fail("convert --color always: colour expected in the diagnostics only")
    if "\x1b[" in run([termgraph, "convert", "--to", "native", "findings.xml"], expect=(1,),
                       env=env, cwd=data).stderr:
        fail("convert: colour on standard error that is not a terminal")
    print("text output as expected")


def main():
    mode, args = sys.argv[1], sys.argv[2:]
    {"sarif-schema": sarif_schema, "sarif-values": sarif_values, "github": github,
     "gitlab": gitlab, "text": text}[mode](*args)


if __name__ == "__main__":
    main()
