#!/usr/bin/env python3
"""Protocol tests of `termgraph lsp` against its behaviour contract.

    protocol.py TERMGRAPH WORKDIR [GROUP...]

GROUP: lifecycle, diagnostics, navigation, rename, robustness (default:
all). Each named check prints PASS or FAIL; the status is 1 when one fails.

The sample workspace (tests/lsp/workspace: a native file, an STS file, a
CSV file and a TBX file citing each other, with planted findings and a
.termgraph.toml) is copied under WORKDIR first; the server edits nothing,
but the tests change, add and delete files of the copy. Known answers come
from the data itself and from `termgraph check --format json|sarif` and
`termgraph lookup --format json` run on the same texts; LSP columns are
mapped from their code-point columns through the file text in the
negotiated encoding.
"""

import collections
import json
import os
import re
import shutil
import subprocess
import sys
import time
import traceback

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import (  # noqa: E402
    Client, Failure, ResponseError, apply_text_edits, apply_workspace_edit,
    codepoint_to_col, find, offset_of, path_to_uri, range_contains, read_text, same_file,
    split_lines, uri_to_path, write_text)

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "workspace")
TERM_FILES = ["cranes.tbx", "glossary.xml", "services.xml", "yard.csv"]
ALL_NUMBERS = ["5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.10", "5.11", "5.20", "5.21",
               "5.30", "5.31"]
PREFERRED = {"5.1": "berth", "5.2": "cargo", "5.3": "manifest", "5.4": "vessel",
             "5.5": "storage yard", "5.6": "customs clearance", "5.10": "stevedore",
             "5.11": "tariff", "5.20": "container", "5.21": "tariff sheet",
             "5.30": "gantry crane", "5.31": "straddle carrier"}
SEVERITY = {"error": 1, "warning": 2, "note": 3}
UTF8_OFFERED = ("utf-8", "utf-16")
# the French definition of 5.6: non-ASCII (and non-BMP) characters before a
# reference on the same line, so that code point, UTF-8 and UTF-16 columns
# of "(5.2)" all differ
FRENCH_REF = "cargaison (5.2)"

EXPECTED_CAPABILITIES = {
    "textDocumentSync": {"openClose": True, "change": 2, "save": {"includeText": False}},
    "definitionProvider": True,
    "hoverProvider": True,
    "referencesProvider": True,
    "documentSymbolProvider": True,
    "completionProvider": {"triggerCharacters": ["(", "."]},
    "renameProvider": {"prepareProvider": True},
    "codeActionProvider": {"codeActionKinds": ["quickfix"]},
    "workspace": {"workspaceFolders": {"supported": True}},
}


def fail(message):
    raise Failure(message)


def expect(condition, message):
    if not condition:
        raise Failure(message)


def show(value, limit=600):
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[:limit] + "..."


# -- running checks ------------------------------------------------------------

class Runner:
    def __init__(self):
        self.passed = 0
        self.failed = []

    def check(self, name, fn):
        start = time.monotonic()
        try:
            fn()
        except Failure as e:
            self._fail(name, str(e))
        except ResponseError as e:
            self._fail(name, f"unexpected error response: {e}")
        except Exception:  # a bug in the test or an unexpected shape of answer
            self._fail(name, "exception:\n" + traceback.format_exc())
        else:
            self.passed += 1
            print(f"PASS {name} ({time.monotonic() - start:.2f}s)", flush=True)

    def _fail(self, name, message):
        self.failed.append(name)
        indented = "\n    ".join(message.splitlines())
        print(f"FAIL {name}\n    {indented}", flush=True)


class Context:
    def __init__(self, termgraph, workdir):
        self.termgraph = os.path.abspath(termgraph)
        self.workdir = os.path.abspath(workdir)
        self.clients = []
        self._scratch = 0
        os.makedirs(self.workdir, exist_ok=True)

    # a fresh copy of the sample workspace
    def copy(self, name):
        target = os.path.join(self.workdir, name)
        if os.path.exists(target):
            shutil.rmtree(target)
        shutil.copytree(SAMPLE, target)
        return os.path.realpath(target)

    def start(self, root, encodings=UTF8_OFFERED, folders=None, options=None, args=(),
              wait=True, root_keys=("rootUri", "rootPath")):
        client = Client(self.termgraph, args, cwd=self.workdir)
        self.clients.append(client)
        client.initialize(root, encodings, folders, options, root_keys=root_keys)
        if wait:
            for folder in folders or [root]:
                for path in term_files(folder):
                    client.wait_diagnostics(path, what="(first publish after initialized)")
        return client

    def spawn(self, args=()):
        client = Client(self.termgraph, args, cwd=self.workdir)
        self.clients.append(client)
        return client

    def close_all(self):
        for client in self.clients:
            client.close()
        self.clients = []

    def run(self, *args, cwd=None):
        return subprocess.run([self.termgraph, *args], capture_output=True, cwd=cwd or self.workdir,
                              timeout=60)

    # `termgraph check` on paths: (json report, sarif log)
    def check_reports(self, paths, options=()):
        reports = []
        for fmt in ("json", "sarif"):
            p = self.run("check", "--format", fmt, *options, *paths)
            if p.returncode not in (0, 1):
                fail(f"termgraph check --format {fmt} {' '.join(paths)}: status {p.returncode}: "
                     + p.stderr.decode("utf-8", "replace"))
            reports.append(json.loads(p.stdout))
        return reports

    def expected(self, paths, encoding, options=(), rename=None):
        """{realpath: sorted normalised diagnostics} as check reports them
        for `paths`, columns in `encoding`; `rename` maps paths of the
        report to the paths the server knows."""
        report, sarif = self.check_reports(paths, options)
        return expected_from_reports(report, sarif, encoding, rename or (lambda p: p))

    def expected_for_texts(self, ws, encoding, texts=None, deleted=(), added=None, options=()):
        """What check reports for the workspace `ws` as on disk, except the
        files of `texts` ({path: text}), less `deleted`, plus `added`
        ({name: text}): computed on a scratch copy, mapped back to ws."""
        self._scratch += 1
        scratch = os.path.realpath(os.path.join(self.workdir, f"scratch-{self._scratch}"))
        if os.path.exists(scratch):
            shutil.rmtree(scratch)
        shutil.copytree(ws, scratch)
        for path, text in (texts or {}).items():
            write_text(os.path.join(scratch, os.path.relpath(path, ws)), text)
        for path in deleted:
            os.remove(os.path.join(scratch, os.path.relpath(path, ws)))
        for name, text in (added or {}).items():
            write_text(os.path.join(scratch, name), text)

        def back(p):
            rel = os.path.relpath(os.path.realpath(p), scratch)
            return os.path.join(ws, rel)
        result = self.expected([scratch], encoding, options, back)
        shutil.rmtree(scratch)
        return result

    def entry_positions(self, folder):
        """{number: (path, 0-based line, 0-based code point column)} of the
        sample's entries, from `termgraph lookup --format json`."""
        out = {}
        for number in ALL_NUMBERS:
            p = self.run("lookup", "--vocab", folder, "--format", "json", number)
            entries = json.loads(p.stdout)["entries"]
            match = [e for e in entries if e["number"] == number]
            expect(len(match) == 1, f"lookup {number}: {len(match)} entries")
            e = match[0]
            path = e["file"] if os.path.isabs(e["file"]) else os.path.join(self.workdir, e["file"])
            out[number] = (os.path.realpath(path), e["line"] - 1, e["column"] - 1)
        return out


def term_files(folder):
    found = []
    for base, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            if name.endswith((".xml", ".tbx", ".csv")):
                found.append(os.path.realpath(os.path.join(base, name)))
    return sorted(found)


# -- diagnostics as check reports them, and as the server publishes them --------

def lsp_position(path, line1, column1, encoding, texts):
    """0-based LSP (line, character) of a 1-based code point position."""
    if line1 <= 0:
        return (0, 0)
    if path not in texts:
        texts[path] = split_lines(read_text(path))
    lines = texts[path]
    return (line1 - 1, codepoint_to_col(lines[line1 - 1], max(column1 - 1, 0), encoding))


def expected_from_reports(report, sarif, encoding, rename):
    texts = {}
    results = sarif["runs"][0]["results"]
    diags = report["diagnostics"]
    expect(len(results) == len(diags), "check's json and sarif reports differ in length")
    out = {os.path.realpath(rename(f)): [] for f in report["files"]}
    for d, s in zip(diags, results):
        path = os.path.realpath(d["file"])
        region = (s.get("locations") or [{}])[0].get("physicalLocation", {}).get("region", {})
        expect(s["ruleId"] == d["rule"] and region.get("startLine", 0) == d["line"],
               f"check's json and sarif reports disagree: {d['rule']} {s['ruleId']}")
        start = lsp_position(path, d["line"], d["column"], encoding, texts)
        if "endLine" in region and "endColumn" in region:
            end = lsp_position(path, region["endLine"], region["endColumn"], encoding, texts)
        else:
            end = start
        related = tuple(sorted(
            (os.path.realpath(rename(r["file"])),)
            + lsp_position(os.path.realpath(r["file"]), r["line"], r["column"], encoding, texts)
            + (r["message"],) for r in d["related"]))
        key = os.path.realpath(rename(path))
        out.setdefault(key, []).append(
            (d["rule"], SEVERITY[d["severity"]], d["message"]) + start + end + (related,))
    return {k: sorted(v) for k, v in out.items()}


def normalise(diagnostics):
    out = []
    for d in diagnostics:
        r = d["range"]
        related = tuple(sorted(
            (uri_to_path(x["location"]["uri"]), x["location"]["range"]["start"]["line"],
             x["location"]["range"]["start"]["character"], x["message"])
            for x in d.get("relatedInformation") or []))
        out.append((d.get("code"), d.get("severity"), d.get("message"),
                    r["start"]["line"], r["start"]["character"], r["end"]["line"],
                    r["end"]["character"], related))
    return sorted(out)


def describe_difference(expected, got):
    e, g = collections.Counter(expected), collections.Counter(got)
    lines = []
    for item in (e - g).elements():
        lines.append(f"  missing:    {item}")
    for item in (g - e).elements():
        lines.append(f"  unexpected: {item}")
    return "\n".join(lines)


def wait_equal(client, path, expected, what, version=None, after=0):
    """Wait until the diagnostics published for `path` (in one of the
    publishes after the first `after`) equal `expected`; returns the
    publish."""
    try:
        params = client.wait_diagnostics(path, lambda d: normalise(d) == expected,
                                         what=f"to equal check's ({what})", after=after)
    except Failure as e:
        latest = client.diagnostics_of(path)
        if latest is None:
            raise
        raise Failure(f"{os.path.basename(path)}: diagnostics differ from check's ({what}):\n"
                      + describe_difference(expected, normalise(latest))) from None
    for d in params["diagnostics"]:
        expect(d.get("source") == "termgraph", f"diagnostic without source termgraph: {show(d)}")
    if version is not None:
        expect(params.get("version") == version,
               f"publish for {os.path.basename(path)}: version {params.get('version')!r}, "
               f"expected {version}")
    return params


def wait_all_equal(client, expected, what):
    for path in sorted(expected):
        wait_equal(client, path, expected[path], what)


def rules_and_messages(report, renumber=None, skip=()):
    out = collections.Counter()
    for d in report["diagnostics"]:
        if d["rule"] in skip:
            continue
        message = d["message"]
        if renumber:
            message = renumber(message)
        out[(d["rule"], message)] += 1
    return out


# -- LSP answer helpers --------------------------------------------------------

def entry_location_matches(location, entries, number, encoding):
    """Failure unless `location` is the range of entry `number`."""
    path, line, column = entries[number]
    expect(isinstance(location, dict) and "uri" in location and "range" in location,
           f"not a Location: {show(location)}")
    expect(same_file(location["uri"], path),
           f"expected the entry {number} in {os.path.basename(path)}, got {location['uri']}")
    start = location["range"]["start"]
    text_line = split_lines(read_text(path))[line]
    character = codepoint_to_col(text_line, column, encoding)
    expect((start["line"], start["character"]) == (line, character),
           f"entry {number}: range starts at {start}, expected line {line} character "
           f"{character} (its start tag)")
    end = location["range"]["end"]
    expect((end["line"], end["character"]) > (start["line"], start["character"]),
           f"entry {number}: empty range {show(location['range'])}")


def anchors_covered(locations, anchors, what):
    """Each anchor ((path, position)) lies in exactly one location and
    each location holds exactly one anchor."""
    expect(isinstance(locations, list), f"{what}: not a list: {show(locations)}")
    used = [0] * len(locations)
    for path, pos in anchors:
        hits = [i for i, loc in enumerate(locations)
                if same_file(loc["uri"], path) and range_contains(loc["range"], pos)]
        expect(len(hits) == 1, f"{what}: {len(hits)} locations cover {os.path.basename(path)} "
               f"{pos}; got {show(locations, 1500)}")
        used[hits[0]] += 1
    for i, n in enumerate(used):
        expect(n == 1, f"{what}: location {show(locations[i])} covers {n} of the citations")


def hover_value(result, what):
    expect(isinstance(result, dict), f"{what}: no hover: {show(result)}")
    contents = result.get("contents")
    expect(isinstance(contents, dict) and contents.get("kind") == "markdown",
           f"{what}: contents is not MarkupContent markdown: {show(contents)}")
    return contents["value"]


def expect_entry_hover(result, number, needles, what, position=None):
    value = hover_value(result, what)
    first = value.split("\n", 1)[0]
    expect(first.strip() == f"**{number}**", f"{what}: first line {first!r}, expected **{number}**")
    for needle in needles:
        expect(needle in value, f"{what}: {needle!r} not in the hover:\n{value}")
    lines = value.split("\n")
    ref_lines = [i for i, l in enumerate(lines) if l.strip().startswith("References:")]
    expect(ref_lines, f"{what}: no 'References:' line in the hover:\n{value}")
    if position is not None:
        expect("range" in result and range_contains(result["range"], position, allow_end=True),
               f"{what}: hover range {show(result.get('range'))} does not hold {position}")
    return value, "\n".join(lines[ref_lines[0]:])


# -- groups --------------------------------------------------------------------

def group_lifecycle(ctx, r):
    ws = ctx.copy("lifecycle")
    files = term_files(ws)
    log = os.path.join(ctx.workdir, "lifecycle-transcript.log")
    if os.path.exists(log):
        os.remove(log)
    state = {}

    def help_works():
        p = ctx.run("lsp", "--help")
        expect(p.returncode == 0, f"termgraph lsp --help: status {p.returncode}: {p.stderr[:300]!r}")
        expect(b"lsp" in p.stdout, "lsp --help prints no usage")
    r.check("lifecycle.lsp_help", help_works)

    def initialize_utf8():
        c = ctx.start(ws, UTF8_OFFERED, args=("--log", log), wait=False)
        state["c"] = c
        result = c.initialize_result
        caps = result.get("capabilities", {})
        expect(caps.get("positionEncoding") == "utf-8",
               f"positionEncoding {caps.get('positionEncoding')!r} with utf-8 offered")
        for key, value in EXPECTED_CAPABILITIES.items():
            got = caps.get(key)
            if isinstance(value, dict) and isinstance(got, dict):
                for k, v in value.items():
                    g = got.get(k)
                    if isinstance(v, list) and isinstance(g, list):
                        ok = sorted(v) == sorted(g)
                    elif isinstance(v, dict) and isinstance(g, dict):
                        ok = all(g.get(kk) == vv for kk, vv in v.items())
                    else:
                        ok = g == v
                    expect(ok, f"capabilities.{key}.{k}: {show(g)}, expected {show(v)}")
            else:
                expect(got == value, f"capabilities.{key}: {show(got)}, expected {show(value)}")
    r.check("lifecycle.initialize_utf8_offered", initialize_utf8)

    def server_info():
        info = state["c"].initialize_result.get("serverInfo")
        expect(isinstance(info, dict) and info.get("name") == "termgraph",
               f"serverInfo {show(info)}")
        version = ctx.run("--version").stdout.decode().split()[-1]
        expect(info.get("version") == version,
               f"serverInfo.version {info.get('version')!r}, termgraph --version says {version!r}")
    r.check("lifecycle.server_info", server_info)

    def publishes_every_file():
        c = state["c"]
        for path in files:
            c.wait_diagnostics(path, what="(after initialized)")
        clean = os.path.join(ws, "cranes.tbx")
        expect(c.diagnostics_of(clean) == [], "cranes.tbx (no findings): expected an empty list, "
               f"got {show(c.diagnostics_of(clean))}")
        expect(all(os.path.realpath(p) in files for p, _ in c.publishes),
               "a publish for a file that is not part of the workspace: "
               + show(sorted({p for p, _ in c.publishes})))
    r.check("lifecycle.initialized_publishes_every_file", publishes_every_file)

    def shutdown_null():
        resp = state["c"].request("shutdown")
        expect("error" not in resp and "result" in resp and resp["result"] is None,
               f"shutdown: {show(resp)}")
    r.check("lifecycle.shutdown_returns_null", shutdown_null)

    def request_after_shutdown():
        state["c"].expect_error("textDocument/hover", state["c"].at(
            os.path.join(ws, "glossary.xml"), {"line": 13, "character": 10}), [-32600])
    r.check("lifecycle.request_after_shutdown_invalid_request", request_after_shutdown)

    def exit_after_shutdown():
        c = state["c"]
        c.notify("exit")
        status = c.wait_exit(10)
        expect(status == 0, f"exit after shutdown: status {status}, expected 0")
        expect(not c.protocol_errors, "stdout faults: " + "; ".join(c.protocol_errors))
    r.check("lifecycle.exit_after_shutdown_status_0", exit_after_shutdown)

    def transcript():
        expect(os.path.exists(log), f"--log {log}: no file written")
        text = read_text(log)
        # a request we sent, the server's answer to it, a notification it sent
        for needle in ("initialize", "positionEncoding", "publishDiagnostics", "shutdown"):
            expect(needle in text, f"--log transcript lacks {needle!r} (both directions are "
                   "to be written)")
    r.check("lifecycle.log_transcript_both_ways", transcript)

    def encoding(offer, wanted):
        def run():
            c = ctx.start(ws, offer, wait=False)
            got = c.initialize_result.get("capabilities", {}).get("positionEncoding")
            expect(got == wanted, f"offered {offer}: positionEncoding {got!r}, expected {wanted!r}")
            status = c.shutdown_and_exit()
            expect(status == 0, f"status {status} after shutdown and exit")
        return run
    r.check("lifecycle.initialize_no_encodings_offered_utf16", encoding(None, "utf-16"))
    r.check("lifecycle.initialize_only_utf16_offered", encoding(("utf-16",), "utf-16"))
    r.check("lifecycle.initialize_utf32_utf8_offered_utf8", encoding(("utf-32", "utf-8"), "utf-8"))
    r.check("lifecycle.initialize_utf16_first_utf8_offered_utf8",
            encoding(("utf-16", "utf-8"), "utf-8"))

    def before_initialize():
        c = ctx.spawn()
        glossary = os.path.join(ws, "glossary.xml")
        text = read_text(glossary).replace("(5.99)", "(5.3)")
        # a notification before initialize is dropped: this text never counts
        c.did_open(glossary, text)
        c.expect_error("textDocument/hover", c.at(glossary, {"line": 13, "character": 52}),
                       [-32002])
        c.initialize(ws, UTF8_OFFERED)
        expected = ctx.expected([ws], "utf-8")
        wait_equal(c, glossary, expected[glossary], "didOpen before initialize dropped")
        status = c.shutdown_and_exit()
        expect(status == 0, f"status {status}")
    r.check("lifecycle.before_initialize_request_-32002_notification_dropped", before_initialize)

    def exit_without_shutdown():
        c = ctx.start(ws, wait=False)
        c.notify("exit")
        status = c.wait_exit(10)
        expect(status == 1, f"exit without shutdown: status {status}, expected 1")
    r.check("lifecycle.exit_without_shutdown_status_1", exit_without_shutdown)

    def stdin_closed():
        c = ctx.start(ws, wait=False)
        c.proc.stdin.close()
        status = c.wait_exit(10)
        expect(status == 1, f"stdin closed without shutdown: status {status}, expected 1")
    r.check("lifecycle.stdin_closed_ends_process", stdin_closed)

    def root_only(keys):
        def run():
            c = ctx.start(ws, UTF8_OFFERED, folders=[], root_keys=keys)
            wait_all_equal(c, ctx.expected([ws], "utf-8"), f"{keys[0]} without workspaceFolders")
            expect(c.shutdown_and_exit() == 0, "status after shutdown/exit not 0")
        return run
    r.check("lifecycle.root_uri_only_loads_workspace", root_only(("rootUri",)))
    r.check("lifecycle.root_path_only_loads_workspace", root_only(("rootPath",)))

    def jobs_one():
        c = ctx.start(ws, UTF8_OFFERED, args=("--jobs", "1"))
        wait_all_equal(c, ctx.expected([ws], "utf-8"), "--jobs 1")
        expect(c.shutdown_and_exit() == 0, "status after shutdown/exit not 0")
    r.check("lifecycle.jobs_1_same_diagnostics", jobs_one)


def group_diagnostics(ctx, r):
    ws = ctx.copy("diagnostics")
    glossary = os.path.join(ws, "glossary.xml")
    services = os.path.join(ws, "services.xml")
    yard = os.path.join(ws, "yard.csv")
    toml = os.path.join(ws, ".termgraph.toml")
    state = {}
    original = read_text(glossary)

    def initial(encoding, offer):
        def run():
            c = ctx.start(ws, offer)
            state[encoding] = c
            expect(c.encoding == encoding, f"negotiated {c.encoding}, expected {encoding}")
            expected = ctx.expected([ws], encoding)
            expect(set(expected) == set(term_files(ws)), "check read other files than expected")
            # the sample has findings of each kind the tests rely on
            rules = {d[0] for ds in expected.values() for d in ds}
            expect({"dangling-reference", "circular-definition", "whitespace",
                    "definition-ends-with-full-stop"} <= rules, f"sample findings: {rules}")
            expect(any(d[1] == 3 for d in expected[glossary]),
                   ".termgraph.toml's severity (note) not in check's report")
            state["expected-" + encoding] = expected
            wait_all_equal(c, expected, f"after initialized, {encoding}")
        return run
    r.check("diagnostics.initial_equal_check_utf8", initial("utf-8", UTF8_OFFERED))
    r.check("diagnostics.initial_equal_check_utf16", initial("utf-16", None))

    def change_test(encoding, name, make_changes, expected_text, version):
        """Send didChange(s) for the open glossary and wait for the publish
        that equals check of `expected_text`."""
        def run():
            c = state[encoding]
            changes = make_changes(state["text-" + encoding], encoding)
            before = c.publish_count(glossary)
            c.did_change(glossary, version, changes)
            text = expected_text(state["text-" + encoding])
            expected = ctx.expected_for_texts(ws, encoding, {glossary: text})
            wait_equal(c, glossary, expected[glossary], name, version=version, after=before)
            state["text-" + encoding] = text
        return run

    def open_glossary(encoding):
        def run():
            c = state[encoding]
            before = c.publish_count(glossary)
            c.did_open(glossary, original, version=1)
            state["text-" + encoding] = original
            # the text is the disk's: a publish is not required, but one
            # that comes carries the version and the same diagnostics
            c.settle(0.3)
            if c.publish_count(glossary) > before:
                wait_equal(c, glossary, state["expected-" + encoding][glossary], "didOpen",
                           version=1, after=before)
        return run
    r.check("diagnostics.didOpen_same_text_utf8", open_glossary("utf-8"))
    r.check("diagnostics.didOpen_same_text_utf16", open_glossary("utf-16"))

    anchor = "moored for loading"
    inserted = " next to a tug (5.77)"

    def insert_incremental(text, encoding):
        pos = find(text, anchor, encoding, delta=len(anchor))
        return [{"range": {"start": pos, "end": pos}, "text": inserted}]

    def remove_incremental(text, encoding):
        start = find(text, inserted, encoding)
        end = find(text, inserted, encoding, delta=len(inserted))
        return [{"range": {"start": start, "end": end}, "text": ""}]

    def with_dangling(text):
        r_ = text.replace(anchor, anchor + inserted, 1)
        return r_

    def without_dangling(text):
        return text.replace(inserted, "", 1)

    def added_finding(encoding, target):
        def run():
            got = state[encoding].diagnostics_of(glossary)
            hits = [d for d in got if d.get("code") == "dangling-reference"
                    and f"reference to {target}," in d.get("message", "")]
            expect(len(hits) == 1, f"no dangling-reference to {target} published: {show(got)}")
        return run

    r.check("diagnostics.incremental_change_adds_dangling_utf8",
            change_test("utf-8", "incremental insert", insert_incremental, with_dangling, 2))
    r.check("diagnostics.incremental_change_dangling_is_new", added_finding("utf-8", "5.77"))
    r.check("diagnostics.incremental_change_fixed_back_utf8",
            change_test("utf-8", "incremental removal", remove_incremental, without_dangling, 3))

    def full(text_fn):
        return lambda text, encoding: [{"text": text_fn(text)}]
    full_dangling = lambda t: t.replace("(5.3)</definition>", "(5.3) and a tally (5.66)</definition>", 1)
    r.check("diagnostics.full_change_adds_dangling_utf8",
            change_test("utf-8", "full text", full(full_dangling), full_dangling, 4))
    r.check("diagnostics.full_change_dangling_is_new", added_finding("utf-8", "5.66"))
    r.check("diagnostics.full_change_fixed_back_utf8",
            change_test("utf-8", "full text back", full(lambda t: original), lambda t: original, 5))

    # UTF-16: an incremental change on the line with non-BMP characters
    french_insert = " et du navire (5.78)"

    def insert_french(text, encoding):
        pos = find(text, FRENCH_REF, encoding, delta=len(FRENCH_REF))
        return [{"range": {"start": pos, "end": pos}, "text": french_insert}]
    r.check("diagnostics.incremental_change_non_ascii_line_utf16",
            change_test("utf-16", "insert after non-BMP characters", insert_french,
                        lambda t: t.replace(FRENCH_REF, FRENCH_REF + french_insert, 1), 2))
    r.check("diagnostics.incremental_change_non_ascii_line_utf8",
            change_test("utf-8", "insert after non-ASCII characters", insert_french,
                        lambda t: t.replace(FRENCH_REF, FRENCH_REF + french_insert, 1), 6))

    def remove_french(text, encoding):
        start = find(text, french_insert, encoding)
        end = find(text, french_insert, encoding, delta=len(french_insert))
        return [{"range": {"start": start, "end": end}, "text": ""}]
    r.check("diagnostics.incremental_change_non_ascii_back_utf16",
            change_test("utf-16", "removal", remove_french, lambda t: original, 3))
    r.check("diagnostics.incremental_change_non_ascii_back_utf8",
            change_test("utf-8", "removal", remove_french, lambda t: original, 7))

    # malformed XML while typing, in the last entry: the entries before it stay
    broken_from = "<term>customs clearance</term>"
    broken_to = "<term>customs clearance</ter"

    def break_xml(text, encoding):
        start = find(text, broken_from, encoding)
        end = find(text, broken_from, encoding, delta=len(broken_from))
        return [{"range": {"start": start, "end": end}, "text": broken_to}]

    r.check("diagnostics.malformed_xml_equal_check",
            change_test("utf-8", "malformed XML", break_xml,
                        lambda t: t.replace(broken_from, broken_to, 1), 8))

    def malformed_reported():
        got = state["utf-8"].diagnostics_of(glossary) or []
        expect(any(d.get("code") == "xml-syntax" and d.get("severity") == 1 for d in got),
               f"no xml-syntax error published for the malformed text: {show(got)}")
    r.check("diagnostics.malformed_xml_syntax_diagnostic", malformed_reported)

    def entries_kept():
        c = state["utf-8"]
        broken = original.replace(broken_from, broken_to, 1)
        expected = ctx.expected_for_texts(ws, "utf-8", {glossary: broken})
        for path in (services, yard):
            wait_equal(c, path, expected[path], "malformed glossary: its earlier entries kept")
        # the server still answers, from what it read
        text = broken
        loc = c.call("textDocument/definition",
                     c.at(glossary, find(text, "a vessel (5.4)", "utf-8", delta=10)))
        expect(isinstance(loc, dict) and same_file(loc["uri"], glossary),
               f"definition while the file is malformed: {show(loc)}")
    r.check("diagnostics.malformed_xml_entries_kept_server_answers", entries_kept)

    def repaired():
        c = state["utf-8"]
        c.did_change(glossary, 9, [{"text": original}])
        wait_all_equal(c, state["expected-utf-8"], "malformed XML repaired")
        c.notify("textDocument/didSave", {"textDocument": {"uri": path_to_uri(glossary)}})
    r.check("diagnostics.malformed_xml_repaired", repaired)

    def open_differs():
        c = state["utf-8"]
        text = read_text(yard).replace("(5.98)", "(5.21)")
        c.did_open(yard, text, version=1, language="csv")
        expected = ctx.expected_for_texts(ws, "utf-8", {yard: text})
        params = wait_equal(c, yard, expected[yard], "didOpen text differs from disk", version=1)
        expect(not any(d.get("code") == "dangling-reference" for d in params["diagnostics"]),
               "the disk's dangling reference is still published")
    r.check("diagnostics.didOpen_text_differs_from_disk", open_differs)

    def close_rereads():
        c = state["utf-8"]
        c.did_close(yard)
        wait_equal(c, yard, state["expected-utf-8"][yard], "didClose: read from disk again")
    r.check("diagnostics.didClose_reads_disk_again", close_rereads)

    late = os.path.join(ws, "late.xml")
    late_text = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                 '<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">\n'
                 '  <entry number="5.60">\n    <term>bollard</term>\n'
                 '    <definition>short post near a berth (5.1) for the lines of a moored vessel, '
                 'see also the fender (5.97)</definition>\n  </entry>\n</vocabulary>\n')

    def created():
        c = state["utf-8"]
        write_text(late, late_text)
        c.notify("workspace/didChangeWatchedFiles",
                 {"changes": [{"uri": path_to_uri(late), "type": 1}]})
        expected = ctx.expected([ws], "utf-8")
        expect(any("5.97" in d[2] for d in expected[late]), "test data: late.xml has no finding")
        wait_equal(c, late, expected[late], "created file")
        wait_equal(c, glossary, expected[glossary], "created file: others")
    r.check("diagnostics.watched_file_created_joins", created)

    def deleted():
        c = state["utf-8"]
        os.remove(late)
        before = c.publish_count(late)
        c.notify("workspace/didChangeWatchedFiles",
                 {"changes": [{"uri": path_to_uri(late), "type": 3}]})
        c.wait_diagnostics(late, lambda d: d == [], what="cleared (empty publish)", after=before)
        c.settle(0.3)
        expect(c.diagnostics_of(late) == [], "late.xml diagnostics published again after clearing")
        for path, ds in state["expected-utf-8"].items():
            wait_equal(c, path, ds, "after a file was deleted: the others")
    r.check("diagnostics.watched_file_deleted_cleared_others_kept", deleted)

    def config_changed():
        c = state["utf-8"]
        saved = read_text(toml)
        write_text(toml, '[rules]\ndangling-reference = "warning"\ncircular-definition = "note"\n')
        try:
            c.notify("workspace/didChangeWatchedFiles",
                     {"changes": [{"uri": path_to_uri(toml), "type": 2}]})
            expected = ctx.expected([ws], "utf-8")
            expect(any(d[0] == "dangling-reference" and d[1] == 2 for d in expected[glossary]),
                   "test data: new configuration not seen by check")
            wait_all_equal(c, expected, ".termgraph.toml changed")
        finally:
            # back to the sample's configuration whatever happened, so that
            # the checks after this one start from it
            write_text(toml, saved)
            c.notify("workspace/didChangeWatchedFiles",
                     {"changes": [{"uri": path_to_uri(toml), "type": 2}]})
        wait_all_equal(c, state["expected-utf-8"], ".termgraph.toml changed back")
    r.check("diagnostics.watched_config_change_reloads", config_changed)

    def only_changed_reread():
        c = state["utf-8"]
        saved = read_text(services)
        # services.xml changes on disk without a notification: not read again
        write_text(services, saved.replace("(5.21)", "(5.96)"))
        try:
            c.did_change(glossary, 10, [{"text": with_dangling(original)}])
            expected = ctx.expected_for_texts(ws, "utf-8", {glossary: with_dangling(original),
                                                           services: saved})
            wait_equal(c, glossary, expected[glossary], "glossary changed", version=10)
            c.settle(0.3)
            got = c.diagnostics_of(services)
            expect(not any("5.96" in d.get("message", "") for d in got),
                   "services.xml was read again although only glossary.xml changed")
        except BaseException:
            write_text(services, saved)
            raise
        c.did_change(glossary, 11, [{"text": original}])
        wait_equal(c, glossary, state["expected-utf-8"][glossary], "back", version=11)
    r.check("diagnostics.only_changed_file_read_again", only_changed_reread)

    def several_changes_in_order():
        # one didChange with several incremental changes: each applies to
        # the text the ones before it left (positions move)
        c = state["utf-8"]
        steps = [("moored for loading", len("moored for loading"), 0, " beside a tug"),
                 ("beside a tug", len("beside a tug"), 0, " (5.7"),
                 ("(5.7", len("(5.7"), 0, "6)"),
                 ("place along", 0, len("place "), ""),
                 (FRENCH_REF, len(FRENCH_REF), 0, " ou (5.75)")]
        text, changes = original, []
        for needle, delta, length, new in steps:
            start = find(text, needle, "utf-8", delta=delta)
            end = find(text, needle, "utf-8", delta=delta + length)
            changes.append({"range": {"start": start, "end": end}, "text": new})
            text = apply_text_edits(text, [{"range": {"start": start, "end": end},
                                            "newText": new}], "utf-8")
        expect("along a quay where a vessel (5.4) is moored for loading beside a tug (5.76)"
               in text and "(5.2) ou (5.75)" in text, "test data")
        before = c.publish_count(glossary)
        c.did_change(glossary, 12, changes)
        expected = ctx.expected_for_texts(ws, "utf-8", {glossary: text})
        wait_equal(c, glossary, expected[glossary], "several changes", version=12, after=before)
        c.did_change(glossary, 13, [{"text": original}])
        wait_equal(c, glossary, state["expected-utf-8"][glossary], "back", version=13)
    r.check("diagnostics.several_incremental_changes_in_order", several_changes_in_order)

    def watched_changed():
        c = state["utf-8"]
        try:
            expect("(5.96)" in read_text(services), "the previous check did not run")
            c.notify("workspace/didChangeWatchedFiles",
                     {"changes": [{"uri": path_to_uri(services), "type": 2}]})
            expected = ctx.expected([ws], "utf-8")
            expect(any("5.96" in d[2] for d in expected[services]), "test data")
            wait_all_equal(c, expected, "services.xml changed on disk")
        finally:
            write_text(services, read_text(services).replace("(5.96)", "(5.21)"))
            c.notify("workspace/didChangeWatchedFiles",
                     {"changes": [{"uri": path_to_uri(services), "type": 2}]})
        wait_all_equal(c, state["expected-utf-8"], "services.xml changed back")
    r.check("diagnostics.watched_file_changed_reread", watched_changed)

    def unsaved_new_file():
        c = state["utf-8"]
        draft = os.path.join(ws, "draft.xml")
        text = late_text.replace("5.60", "5.61").replace("(5.97)", "(5.93)")
        c.did_open(draft, text, version=1)
        expected = ctx.expected_for_texts(ws, "utf-8", added={"draft.xml": text})
        wait_equal(c, draft, expected[draft], "a new file opened, not on disk", version=1)
        before = c.publish_count(draft)
        c.did_close(draft)
        c.wait_diagnostics(draft, lambda d: d == [], what="cleared: closed and not on disk",
                           after=before)
        wait_all_equal(c, state["expected-utf-8"], "the closed new file left the workspace")
    r.check("diagnostics.new_file_open_then_closed_leaves", unsaved_new_file)

    def csv_deleted():
        c = state["utf-8"]
        os.remove(yard)
        before = c.publish_count(yard)
        c.notify("workspace/didChangeWatchedFiles",
                 {"changes": [{"uri": path_to_uri(yard), "type": 3}]})
        c.wait_diagnostics(yard, lambda d: d == [], what="cleared after deletion", after=before)
        expected = ctx.expected([ws], "utf-8")
        expect(yard not in expected, "check still reads yard.csv")
        wait_all_equal(c, expected, "yard.csv deleted: the rest as check sees it")
    r.check("diagnostics.watched_csv_deleted_rest_equals_check", csv_deleted)

    def end_sessions():
        for enc in ("utf-8", "utf-16"):
            c = state[enc]
            expect(c.shutdown_and_exit() == 0, f"{enc} session: status after shutdown/exit")
            expect(not c.protocol_errors, "stdout faults: " + "; ".join(c.protocol_errors))
    r.check("diagnostics.sessions_end_cleanly", end_sessions)

    # configuration given in initializationOptions, and several folders
    ws2 = ctx.copy("diagnostics-folders")
    alt = os.path.join(ctx.workdir, "alt.termgraph.toml")
    write_text(alt, '[rules]\ncircular-definition = "error"\nwhitespace = "off"\n')

    def init_config():
        c = ctx.start(ws2, UTF8_OFFERED, options={"config": alt})
        expected = ctx.expected([ws2], "utf-8", options=("--config", alt))
        wait_all_equal(c, expected, "initializationOptions.config")
        expect(c.shutdown_and_exit() == 0, "status after shutdown/exit")
    r.check("diagnostics.initialization_options_config", init_config)

    extra = os.path.join(ctx.workdir, "diagnostics-extra-folder")
    outside = os.path.join(ctx.workdir, "diagnostics-outside")
    for d in (extra, outside):
        if os.path.exists(d):
            shutil.rmtree(d)
        os.makedirs(d)
    extra_file = os.path.realpath(os.path.join(extra, "pilots.xml"))
    write_text(extra_file, late_text.replace("5.60", "5.70").replace("bollard", "pilot boat")
               .replace("(5.97)", "(5.95)"))
    loose = os.path.realpath(os.path.join(outside, "loose.xml"))
    loose_text = late_text.replace("5.60", "5.80").replace("bollard", "mooring line") \
        .replace("(5.97)", "(5.94) or a pilot boat (5.70)")
    write_text(loose, loose_text)

    def two_folders():
        c = ctx.start(ws2, UTF8_OFFERED, folders=[ws2, os.path.realpath(extra)])
        state["folders"] = c
        expected = ctx.expected([ws2, os.path.realpath(extra)], "utf-8")
        expect(extra_file in expected and len(expected[extra_file]) == 1,
               f"test data: pilots.xml findings {expected.get(extra_file)}")
        wait_all_equal(c, expected, "two workspace folders")
    r.check("diagnostics.every_workspace_folder", two_folders)

    def outside_joins():
        c = state["folders"]
        c.did_open(loose, loose_text, version=1)
        expected = ctx.expected([ws2, os.path.realpath(extra), loose], "utf-8")
        wait_equal(c, loose, expected[loose], "file outside every folder", version=1)
        loc = c.call("textDocument/definition",
                     c.at(loose, find(loose_text, "(5.70)", "utf-8", delta=2)))
        expect(isinstance(loc, dict) and same_file(loc["uri"], extra_file),
               f"definition from the outside file to the second folder: {show(loc)}")
        expect(c.shutdown_and_exit() == 0, "status after shutdown/exit")
    r.check("diagnostics.file_outside_folders_joins", outside_joins)


def group_navigation(ctx, r):
    ws = ctx.copy("navigation")
    glossary = os.path.join(ws, "glossary.xml")
    services = os.path.join(ws, "services.xml")
    yard = os.path.join(ws, "yard.csv")
    cranes = os.path.join(ws, "cranes.tbx")
    texts = {p: read_text(p) for p in (glossary, services, yard, cranes)}
    entries = ctx.entry_positions(ws)
    state = {}

    def start(encoding, offer):
        def run():
            state[encoding] = ctx.start(ws, offer)
            expect(state[encoding].encoding == encoding, f"negotiated {state[encoding].encoding}")
        return run
    r.check("navigation.start_utf8", start("utf-8", UTF8_OFFERED))
    r.check("navigation.start_utf16", start("utf-16", None))

    def definition(name, path, needle, delta, number, encoding="utf-8", occurrence=1):
        def run():
            c = state[encoding]
            pos = find(texts[path], needle, encoding, occurrence, delta)
            loc = c.call("textDocument/definition", c.at(path, pos))
            if number is None:
                expect(loc is None, f"{name}: expected null, got {show(loc)}")
            else:
                expect(loc is not None, f"definition at {pos} ({encoding}), on "
                       f"{needle[:delta] + '|' + needle[delta:]!r} in {os.path.basename(path)}: "
                       f"null, expected the entry {number}")
                entry_location_matches(loc, entries, number, encoding)
        r.check("navigation.definition_" + name, run)

    definition("plain_text_reference_number", glossary, "a vessel (5.4)", 10, "5.4")
    definition("plain_text_reference_term_words", glossary, "a vessel (5.4)", 3, "5.4")
    definition("native_markup_ref", glossary, '<ref to="5.4">vessel</ref>', 16, "5.4")
    definition("sts_entailed_term_number", services, "vessels (5.4)", 10, "5.4")
    definition("sts_entailed_term_text", services, "vessels (5.4)", 2, "5.4")
    definition("sts_entailed_term_to_id", services, "berth (5.1)", 8, "5.1")
    definition("native_to_sts_entry", glossary, "stevedore (5.10)", 12, "5.10")
    definition("native_to_tbx_entry", glossary, "gantry crane (5.30)", 15, "5.30")
    definition("csv_plain_text_reference", yard, "cargo (5.2)", 8, "5.2")
    definition("csv_to_sts_entry", yard, "tariffs (5.11)", 10, "5.11")
    definition("tbx_cross_reference", cranes, '>container</ref>', 3, "5.20")
    definition("tbx_term_level_cross_reference", cranes, '>berth</ref>', 2, "5.1")
    definition("tbx_plain_text_reference", cranes, "vessel (5.4)", 9, "5.4")
    # the last digit of "(5.2)" after non-BMP characters: a server reading
    # the column in another encoding lands outside the reference
    definition("non_ascii_line_utf8", glossary, FRENCH_REF, len(FRENCH_REF) - 2, "5.2", "utf-8")
    definition("non_ascii_line_utf16", glossary, FRENCH_REF, len(FRENCH_REF) - 2, "5.2", "utf-16")
    definition("plain_text_is_null", glossary, "Harbour logistics", 3, None)
    definition("dangling_reference_is_null", glossary, "(5.99)", 2, None)

    def hover(name, path, needle, delta, number, needles, refs=(), encoding="utf-8",
              unresolved=()):
        def run():
            c = state[encoding]
            pos = find(texts[path], needle, encoding, 1, delta)
            result = c.call("textDocument/hover", c.at(path, pos))
            if number is None:
                expect(result is None, f"hover: expected null, got {show(result)}")
                return
            value, references = expect_entry_hover(result, number, needles, name, pos)
            for ref in refs:
                expect(ref in references, f"{name}: {ref!r} not listed after References:\n{value}")
            for ref in unresolved:
                line = next((l for l in references.split("\n") if ref in l), "")
                expect("(unresolved)" in line,
                       f"{name}: {ref} not marked (unresolved) after References:\n{value}")
        r.check("navigation.hover_" + name, run)

    hover("plain_text_reference", glossary, "a vessel (5.4)", 10, "5.4",
          ["**vessel**", "ship that carries goods or passengers by sea", "Note 1 to entry:",
           "Note 2 to entry:"], ["5.1 berth", "5.10 stevedore", "5.30 gantry crane"],
          unresolved=["5.99"])
    hover("native_entry_number", glossary, 'number="5.2"', 9, "5.2",
          ["**cargo**", "goods carried by a vessel", "listed in a manifest (5.3)"],
          ["5.4 vessel", "5.3 manifest"])
    hover("sts_label", services, "<label>5.10</label>", 8, "5.10",
          ["**stevedore**", "dock worker who loads and unloads vessels (5.4)"],
          ["5.4 vessel", "5.1 berth"])
    hover("csv_reference", yard, "storage yard (5.5)", 15, "5.5",
          ["**storage yard**", "area of a port where containers (5.20)"], ["5.20 container"])
    hover("non_ascii_line_utf16", glossary, FRENCH_REF, len(FRENCH_REF) - 2, "5.2",
          ["**cargo**"], ["5.4 vessel"], "utf-16")
    hover("non_ascii_line_utf8", glossary, FRENCH_REF, len(FRENCH_REF) - 2, "5.2",
          ["**cargo**"], ["5.4 vessel"], "utf-8")
    hover("deprecated_example_source", yard, "berth (5.1)", 8, "5.1",
          ["**berth**", "DEPRECATED: moorage", "place along a quay where a vessel (5.4)",
           "EXAMPLE Berth 7 of the container terminal takes the largest ships.",
           "[SOURCE: harbour operations handbook, section 2, modified]"], ["5.4 vessel"])

    def admitted():
        c = state["utf-8"]
        pos = find(texts[glossary], "containers (5.20)", "utf-8", 1, 13)
        value, _ = expect_entry_hover(c.call("textDocument/hover", c.at(glossary, pos)), "5.20",
                                      ["**container**", "Note 1 to entry: Stacked in the storage "
                                       "yard (5.5)."], "admitted term", pos)
        lines = [l for l in value.split("\n") if "box" in l and "steel box" not in l]
        expect(len(lines) == 1 and "admitted" in lines[0] and "**box**" not in lines[0],
               f"the admitted term box is not marked admitted (nor in bold):\n{value}")
    r.check("navigation.hover_admitted_term_marked", admitted)
    hover("plain_text_is_null", glossary, "document that lists", 4, None, [])

    # completion in the open glossary, on text typed into the definition of 5.3
    base = texts[glossary]
    typing_at = "of one voyage"
    state["version"] = 1

    def typed(extra):
        return base.replace(typing_at, typing_at + extra, 1)

    def apply_item(text, pos, item, encoding):
        """The text after the client accepts `item` at `pos`: its textEdit
        (which must end at the cursor), else its insertText (else label) in
        place of the word before the cursor."""
        edit = item.get("textEdit")
        if edit is not None:
            rng = edit.get("range") or edit.get("replace")
            expect(rng and rng["end"] == pos and rng["start"]["line"] == pos["line"],
                   f"textEdit range {show(rng)} does not end at the cursor {pos}")
            return apply_text_edits(text, [{"range": rng, "newText": edit["newText"]}], encoding)
        index = offset_of(text, pos, encoding)
        start = index
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._-"):
            start -= 1
        return text[:start] + (item.get("insertText") or item["label"]) + text[index:]

    def completion(name, before, word, check_items, encoding="utf-8"):
        def run():
            c = state[encoding]
            key = "opened-" + encoding
            if key not in state:
                c.did_open(glossary, base, version=1)
                state[key] = 1
            state[key] += 1
            text = typed(before + word)
            c.did_change(glossary, state[key], [{"text": text}])
            pos = find(text, typing_at + before + word, encoding,
                       delta=len(typing_at + before + word))
            result = c.call("textDocument/completion", c.at(glossary, pos))
            expect(isinstance(result, dict) and result.get("isIncomplete") is False
                   and isinstance(result.get("items"), list),
                   f"not a CompletionList with isIncomplete false: {show(result)}")
            check_items(result["items"], lambda item: apply_item(text, pos, item, encoding),
                        lambda inserted: typed(before + inserted))
        r.check("navigation.completion_" + name, run)

    def numbers_are(expected):
        def check(items, accept, typed_as):
            labels = sorted(i.get("label") for i in items)
            expect(labels == sorted(expected), f"labels {labels}, expected {sorted(expected)}")
            for i in items:
                expect(i.get("kind") == 18, f"item kind {i.get('kind')}, expected 18: {show(i)}")
                expect(i.get("detail") == PREFERRED.get(i.get("label")),
                       f"item detail {i.get('detail')!r}, expected the preferred term: {show(i)}")
                expect(accept(i) == typed_as(i["label"]),
                       f"accepting {i['label']} does not complete the number: {show(i)}")
        return check

    def has_term(term, number):
        def check(items, accept, typed_as):
            hits = [i for i in items if i.get("label") == term]
            expect(hits, f"no item {term!r}: {show([i.get('label') for i in items])}")
            i = hits[0]
            expect(i.get("detail") == number, f"detail {i.get('detail')!r}, expected {number}")
            wanted = f"{term} ({number})"
            inserted = i.get("insertText", (i.get("textEdit") or {}).get("newText"))
            expect(inserted == wanted, f"insertText {inserted!r}, expected {wanted!r}: {show(i)}")
            expect(accept(i) == typed_as(wanted),
                   f"accepting the item does not replace the typed word with {wanted!r}: {show(i)}")
        return check

    completion("number_after_open_paren_dot", ", see (", "5.", numbers_are(ALL_NUMBERS))
    completion("number_prefix_5_1", ", see (", "5.1", numbers_are(["5.1", "5.10", "5.11"]))
    completion("number_prefix_5_3", ", see (", "5.3", numbers_are(["5.3", "5.30", "5.31"]))
    completion("word_prefix", ", see ", "steved", has_term("stevedore", "5.10"))
    completion("word_case_and_accent_folded", ", see ", "STÉVED", has_term("stevedore", "5.10"))
    completion("word_accents_dropped", ", see ", "dedouan", has_term("dédouanement", "5.6"))
    completion("number_utf16", ", see (", "5.2", numbers_are(["5.2", "5.20", "5.21"]), "utf-16")
    completion("word_accented_utf16", ", « 𝔇 » ", "STÉVED", has_term("stevedore", "5.10"),
               "utf-16")

    def restore_glossary():
        # closed, the document is the disk's again for the rest of the tests
        for enc in ("utf-8", "utf-16"):
            expect("opened-" + enc in state, f"no completion check ran in {enc}")
            c = state[enc]
            c.did_close(glossary)
            wait_equal(c, glossary, ctx.expected([ws], enc)[glossary], "closed after typing")
    r.check("navigation.completion_documents_closed", restore_glossary)

    # references
    def anchor(path, needle, delta, encoding, occurrence=1):
        return (path, find(texts[path], needle, encoding, occurrence, delta))

    def citations_of_5_4(encoding):
        return [anchor(glossary, "a vessel (5.4)", 10, encoding),
                anchor(glossary, '<ref to="5.4">vessel</ref>', 15, encoding),
                anchor(services, "vessels (5.4)", 9, encoding),
                anchor(yard, "vessel (5.4)", 8, encoding),
                anchor(cranes, "vessel (5.4)", 8, encoding)]

    def citations_of_5_2(encoding):
        return [anchor(glossary, "cargo (5.2)", 7, encoding),
                anchor(glossary, '<ref to="5.2">cargo</ref>', 15, encoding),
                anchor(glossary, FRENCH_REF, len(FRENCH_REF) - 4, encoding),
                anchor(services, "cargo (5.2)", 7, encoding),
                anchor(yard, "cargo (5.2)", 7, encoding)]

    def citations_of_5_1(encoding):
        return [anchor(glossary, "berth (5.1)", 7, encoding),
                anchor(services, "berth (5.1)", 7, encoding),
                anchor(yard, "berth (5.1)", 7, encoding),
                anchor(cranes, ">berth</ref>", 1, encoding)]

    def references(name, path, needle, delta, cites, number, declaration, encoding="utf-8"):
        def run():
            c = state[encoding]
            pos = find(texts[path], needle, encoding, 1, delta)
            result = c.call("textDocument/references", c.at(
                path, pos, context={"includeDeclaration": declaration}))
            anchors = cites(encoding)
            expect(isinstance(result, list), f"not a Location[]: {show(result)}")
            expect(len(result) == len(anchors) + (1 if declaration else 0),
                   f"{len(result)} locations, expected {len(anchors)} citations"
                   + (" and the declaration" if declaration else "") + f": {show(result, 2000)}")
            if declaration:
                epath, eline, ecol = entries[number]
                decl = [loc for loc in result if same_file(loc["uri"], epath)
                        and loc["range"]["start"]["line"] == eline]
                expect(len(decl) == 1, f"the declaration of {number} (line {eline}) is not "
                       f"among the locations: {show(result, 2000)}")
                result = [loc for loc in result if loc is not decl[0]]
            anchors_covered(result, anchors, name)
        r.check("navigation.references_" + name, run)

    references("from_entry_number", glossary, 'number="5.4"', 9, citations_of_5_4, "5.4", False)
    references("from_entry_number_with_declaration", glossary, 'number="5.4"', 9,
               citations_of_5_4, "5.4", True)
    references("from_reference_non_ascii_utf16", glossary, FRENCH_REF, len(FRENCH_REF) - 2,
               citations_of_5_2, "5.2", False, "utf-16")
    references("from_reference_non_ascii_utf8", glossary, FRENCH_REF, len(FRENCH_REF) - 2,
               citations_of_5_2, "5.2", True, "utf-8")
    references("from_sts_label", services, "<label>5.10</label>", 8,
               lambda e: [anchor(glossary, "stevedore (5.10)", 12, e)], "5.10", False)
    references("cross_references_counted", yard, "berth (5.1)", 8, citations_of_5_1, "5.1", False)

    # prepareRename
    def prepare(name, path, needle, delta, placeholder, number_at=None, encoding="utf-8"):
        def run():
            c = state[encoding]
            pos = find(texts[path], needle, encoding, 1, delta)
            result = c.call("textDocument/prepareRename", c.at(path, pos))
            if placeholder is None:
                expect(result is None, f"expected null, got {show(result)}")
                return
            expect(isinstance(result, dict) and result.get("placeholder") == placeholder,
                   f"expected placeholder {placeholder!r}: {show(result)}")
            start = find(texts[path], needle, encoding, 1, number_at)
            end = find(texts[path], needle, encoding, 1, number_at + len(placeholder))
            expect(result.get("range") == {"start": start, "end": end},
                   f"range {show(result.get('range'))}, expected the number {start}-{end}")
        r.check("navigation.prepare_rename_" + name, run)

    prepare("entry_number", glossary, 'number="5.4"', 9, "5.4", 8)
    prepare("reference_number", glossary, "a vessel (5.4)", 11, "5.4", 10)
    prepare("sts_label", services, "<label>5.10</label>", 9, "5.10", 7)
    prepare("non_ascii_line_utf16", glossary, FRENCH_REF, len(FRENCH_REF) - 2, "5.2",
            len(FRENCH_REF) - 4, "utf-16")
    prepare("plain_text_is_null", glossary, "document that lists", 3, None)

    # documentSymbol
    def symbols(name, path, numbers):
        def run():
            c = state["utf-8"]
            result = c.call("textDocument/documentSymbol",
                            {"textDocument": {"uri": path_to_uri(path)}})
            expect(isinstance(result, list), f"not a list: {show(result)}")
            names = [s.get("name") for s in result]
            wanted = [f"{n} {PREFERRED[n]}" for n in numbers]
            expect(names == wanted, f"symbols {names}, expected {wanted}")
            for s, n in zip(result, numbers):
                expect(s.get("kind") == 14, f"{s.get('name')}: kind {s.get('kind')}, expected 14")
                _, line, col = entries[n]
                start = s["range"]["start"]
                expect(start == {"line": line, "character": codepoint_to_col(
                    split_lines(texts[path])[line], col, "utf-8")},
                    f"{s['name']}: range starts at {start}, the entry at {line}:{col}")
                sel = s.get("selectionRange")
                expect(isinstance(sel, dict) and range_contains(s["range"], sel["start"])
                       and range_contains(s["range"], sel["end"], allow_end=True),
                       f"{s['name']}: selectionRange {show(sel)} not inside range {show(s['range'])}")
        r.check("navigation.document_symbol_" + name, run)

    symbols("native", glossary, ["5.1", "5.2", "5.3", "5.4", "5.5", "5.6"])
    symbols("sts", services, ["5.10", "5.11"])
    symbols("csv", yard, ["5.20", "5.21"])
    symbols("tbx", cranes, ["5.30", "5.31"])

    # codeAction
    def code_action(name, rule, fixed, encoding="utf-8"):
        def run():
            c = state[encoding]
            published = c.wait_diagnostics(glossary, lambda d: any(x.get("code") == rule for x in d),
                                           what=f"with a {rule} finding")["diagnostics"]
            diag = next(x for x in published if x.get("code") == rule)
            result = c.call("textDocument/codeAction", {
                "textDocument": {"uri": path_to_uri(glossary)}, "range": diag["range"],
                "context": {"diagnostics": [diag]}})
            actions = [a for a in (result or []) if isinstance(a, dict) and "edit" in a]
            if not fixed:
                expect(not actions, f"a fix offered for {rule}: {show(result)}")
                return
            expect(actions, f"no code action for the {rule} finding: {show(result)}")
            a = actions[0]
            expect(a.get("kind") == "quickfix", f"kind {a.get('kind')!r}")
            sarif = ctx.check_reports([ws])[1]["runs"][0]["results"]
            fix = next(x for x in sarif if x["ruleId"] == rule)["fixes"][0]
            expect(a.get("title") == fix["description"]["text"],
                   f"title {a.get('title')!r}, expected the fix's message "
                   f"{fix['description']['text']!r}")
            expect([x.get("code") for x in a.get("diagnostics", [])] == [rule],
                   f"diagnostics of the action: {show(a.get('diagnostics'))}")
            changed = apply_workspace_edit(texts, a["edit"], encoding)
            expect(set(p for p in changed if changed[p] != texts[p]) == {glossary},
                   "the fix edits other files than glossary.xml")
            before = ctx.expected_for_texts(ws, "utf-8")
            after = ctx.expected_for_texts(ws, "utf-8", {glossary: changed[glossary]})
            rules_before = collections.Counter(d[0] for d in before[glossary])
            rules_after = collections.Counter(d[0] for d in after[glossary])
            expected_rules = rules_before.copy()
            expected_rules[rule] -= 1
            expect(rules_after == +expected_rules,
                   f"findings after the fix: {dict(rules_after)}, expected {dict(+expected_rules)}")
            state["fixed-" + rule] = changed[glossary]
        r.check("navigation.code_action_" + name, run)

    code_action("whitespace_quickfix", "whitespace", True)
    code_action("full_stop_quickfix", "definition-ends-with-full-stop", True)
    code_action("whitespace_quickfix_utf16", "whitespace", True, "utf-16")
    code_action("dangling_reference_no_fix", "dangling-reference", False)

    def code_actions_whole_file():
        c = state["utf-8"]
        published = c.wait_diagnostics(glossary, lambda d: len(d) >= 4,
                                       what="with the sample's findings")["diagnostics"]
        lines = split_lines(texts[glossary])
        whole = {"start": {"line": 0, "character": 0},
                 "end": {"line": len(lines) - 1, "character": len(lines[-1].encode())}}
        result = c.call("textDocument/codeAction", {
            "textDocument": {"uri": path_to_uri(glossary)}, "range": whole,
            "context": {"diagnostics": published}})
        expect(isinstance(result, list), f"not a list: {show(result)}")
        sarif = ctx.check_reports([ws])[1]["runs"][0]["results"]
        wanted = sorted((x["ruleId"], x["fixes"][0]["description"]["text"]) for x in sarif
                        if x.get("fixes") and x["locations"][0]["physicalLocation"]
                        ["artifactLocation"]["uri"].endswith("glossary.xml"))
        got = sorted(((a.get("diagnostics") or [{}])[0].get("code"), a.get("title"))
                     for a in result if isinstance(a, dict))
        expect(got == wanted, f"actions over the whole file {got}, expected one per fix {wanted}")
        expect(all(a.get("kind") == "quickfix" and "edit" in a for a in result),
               f"an action that is not a quickfix with an edit: {show(result)}")
    r.check("navigation.code_action_whole_file_one_per_fix", code_actions_whole_file)

    def whitespace_fix_text():
        text = state.get("fixed-whitespace")
        expect(text is not None, "no fixed text (the quickfix check failed)")
        expect("<term>storage yard</term>" in text and text.count("\n") == base.count("\n"),
               "the whitespace fix did not leave <term>storage yard</term>")
        expect(text.replace("<term>storage yard</term>", "<term>storage  yard</term>") == base,
               "the whitespace fix changed more than the doubled space")
    r.check("navigation.code_action_whitespace_edit_exact", whitespace_fix_text)

    def end_sessions():
        for enc in ("utf-8", "utf-16"):
            c = state[enc]
            expect(c.shutdown_and_exit() == 0, f"{enc}: status after shutdown/exit")
            expect(not c.protocol_errors, "stdout faults: " + "; ".join(c.protocol_errors))
    r.check("navigation.sessions_end_cleanly", end_sessions)


def group_rename(ctx, r):
    def renumbered(text, old, new):
        return re.sub(r"(?<![0-9.])" + re.escape(old) + r"(?![0-9])", new, text)

    def rename_case(name, old, new, file_name, needle, delta, encoding, offer):
        def run():
            ws = ctx.copy("rename-" + name)
            paths = term_files(ws)
            texts = {p: read_text(p) for p in paths}
            before = ctx.check_reports([ws])[0]
            c = ctx.start(ws, offer)
            expect(c.encoding == encoding, f"negotiated {c.encoding}")
            path = os.path.join(ws, file_name)
            pos = find(texts[path], needle, encoding, 1, delta)
            prep = c.call("textDocument/prepareRename", c.at(path, pos))
            expect(isinstance(prep, dict) and prep.get("placeholder") == old,
                   f"prepareRename: {show(prep)}")
            edit = c.call("textDocument/rename", c.at(path, pos, newName=new))
            changed = apply_workspace_edit(texts, edit, encoding)
            for p in paths:
                wanted = renumbered(texts[p], old, new)
                if changed[p] != wanted:
                    got_lines, want_lines = changed[p].split("\n"), wanted.split("\n")
                    diff = [f"    line {i + 1}: got  {g!r}\n             want {w!r}"
                            for i, (g, w) in enumerate(zip(got_lines, want_lines)) if g != w]
                    fail(f"{os.path.basename(p)} after the rename differs from every {old} "
                         f"renumbered {new}:\n" + "\n".join(diff[:8]))
            for p in paths:
                write_text(p, changed[p])
            after = ctx.check_reports([ws])[0]
            # the new numbers are one level down (5.4 -> 5.4.1), which keeps
            # every file's numbering in sequence: no finding may be new
            back = rules_and_messages(after, lambda m: renumbered(m, new, old))
            expected = rules_and_messages(before)
            expect(back == expected,
                   "findings after the rename differ (modulo the number): "
                   f"new {dict(back - expected)}, gone {dict(expected - back)}")
            expect(c.shutdown_and_exit() == 0, "status after shutdown/exit")
            expect(not c.protocol_errors, "stdout faults: " + "; ".join(c.protocol_errors))
        r.check("rename." + name, run)

    rename_case("entry_number_all_files_utf8", "5.4", "5.4.1", "glossary.xml", 'number="5.4"', 9,
                "utf-8", UTF8_OFFERED)
    rename_case("from_reference_non_ascii_line_utf16", "5.2", "5.2.1", "glossary.xml",
                FRENCH_REF, len(FRENCH_REF) - 2, "utf-16", None)
    rename_case("from_reference_non_ascii_line_utf8", "5.2", "5.2.1", "glossary.xml",
                FRENCH_REF, len(FRENCH_REF) - 3, "utf-8", UTF8_OFFERED)
    rename_case("sts_entry_ids_and_label", "5.10", "5.10.1", "glossary.xml", "stevedore (5.10)",
                12, "utf-8", UTF8_OFFERED)
    rename_case("csv_entry_from_tbx_cross_reference", "5.20", "5.20.1", "cranes.tbx",
                "containers (5.20)", 13, "utf-8", UTF8_OFFERED)

    ws = ctx.copy("rename-errors")
    glossary = os.path.join(ws, "glossary.xml")
    text = read_text(glossary)
    state = {}

    def taken():
        c = ctx.start(ws, UTF8_OFFERED)
        state["c"] = c
        pos = find(text, 'number="5.4"', "utf-8", 1, 9)
        error = c.expect_error("textDocument/rename", c.at(glossary, pos, newName="5.1"), [-32803])
        expect(re.search(r"(?<![0-9.])5\.1(?![0-9])", error.get("message", "")),
               f"the message does not name the entry holding 5.1: {error.get('message')!r}")
    r.check("rename.taken_number_request_failed", taken)

    def taken_other_file():
        c = state["c"]
        pos = find(text, 'number="5.4"', "utf-8", 1, 9)
        error = c.expect_error("textDocument/rename", c.at(glossary, pos, newName="5.30"), [-32803])
        expect("5.30" in error.get("message", ""), f"message {error.get('message')!r}")
    r.check("rename.taken_number_in_other_file_request_failed", taken_other_file)

    def not_number():
        c = state["c"]
        pos = find(text, 'number="5.4"', "utf-8", 1, 9)
        c.expect_error("textDocument/rename", c.at(glossary, pos, newName="harbour"), [-32602])
        c.expect_error("textDocument/rename", c.at(glossary, pos, newName=""), [-32602])
        c.expect_error("textDocument/rename", c.at(glossary, pos, newName="5.4 x"), [-32602])
    r.check("rename.not_a_number_invalid_params", not_number)

    def nothing_written():
        c = state["c"]
        expect(read_text(glossary) == text, "the server changed a file on disk")
        expect(c.shutdown_and_exit() == 0, "status after shutdown/exit")
        expect(not c.protocol_errors, "stdout faults: " + "; ".join(c.protocol_errors))
    r.check("rename.server_writes_no_file", nothing_written)


def group_robustness(ctx, r):
    ws = ctx.copy("robustness")
    glossary = os.path.join(ws, "glossary.xml")
    yard = os.path.join(ws, "yard.csv")
    text = read_text(glossary)
    state = {}
    ref_pos = find(text, "a vessel (5.4)", "utf-8", 1, 10)

    def alive(c):
        loc = c.call("textDocument/definition", c.at(glossary, ref_pos))
        expect(isinstance(loc, dict) and same_file(loc["uri"], glossary),
               f"the server no longer answers definition: {show(loc)}")

    def before_initialize():
        c = ctx.spawn()
        state["c"] = c
        c.expect_error("textDocument/definition", c.at(glossary, ref_pos), [-32002])
        c.expect_error("workspace/symbol", {"query": "x"}, [-32002])
        c.initialize(ws, UTF8_OFFERED)
        for path in term_files(ws):
            c.wait_diagnostics(path)
        state["initial"] = {p: normalise(c.diagnostics_of(p)) for p in term_files(ws)}
        alive(c)
    r.check("robustness.request_before_initialize_-32002", before_initialize)

    def unknown_method():
        c = state["c"]
        c.expect_error("termgraph/noSuchMethod", {}, [-32601])
        c.expect_error("textDocument/semanticTokens/full",
                       {"textDocument": {"uri": path_to_uri(glossary)}}, [-32601])
        alive(c)
    r.check("robustness.unknown_method_-32601", unknown_method)

    def null_id_error(body, code, what):
        def run():
            c = state["c"]
            n = len(c.responses)
            c.send_body(body)
            resp = c.wait_for(lambda: next((x for x in c.responses[n:] if "error" in x), None),
                              what=f"the error response to {what}")
            expect(resp["error"].get("code") == code, f"{what}: {show(resp)}, expected code {code}")
            expect("id" in resp and resp["id"] is None, f"{what}: id {resp.get('id', 'absent')!r}, "
                   "expected null")
            alive(c)
        return run
    r.check("robustness.body_not_json_-32700_id_null",
            null_id_error(b'{"jsonrpc": "2.0", "id": 5, "method": ', -32700, "a body that is not JSON"))
    r.check("robustness.body_not_utf8_json_-32700",
            null_id_error(b"\xff\xfe{}", -32700, "a body that is not UTF-8"))
    r.check("robustness.json_array_-32600_id_null",
            null_id_error(b'[1, 2]', -32600, "a JSON array"))
    r.check("robustness.json_scalar_-32600_id_null", null_id_error(b"42", -32600, "a JSON number"))

    def invalid_with_id(message, rid, codes, what):
        def run():
            c = state["c"]
            c.send(message)
            resp = c.response(rid, what=f"the response to {what}")
            expect("error" in resp and resp["error"].get("code") in codes,
                   f"{what}: {show(resp)}, expected error {codes}")
            alive(c)
        return run
    r.check("robustness.object_without_method_-32600_with_id",
            invalid_with_id({"jsonrpc": "2.0", "id": 9001, "params": {}}, 9001, [-32600],
                            "an object without method"))
    r.check("robustness.wrong_jsonrpc_version_-32600_with_id",
            invalid_with_id({"jsonrpc": "1.0", "id": 9002, "method": "textDocument/hover",
                             "params": {"textDocument": {"uri": path_to_uri(glossary)},
                                        "position": ref_pos}}, 9002, [-32600],
                            "jsonrpc 1.0"))
    r.check("robustness.method_not_a_string_-32600",
            invalid_with_id({"jsonrpc": "2.0", "id": 9003, "method": 17}, 9003, [-32600],
                            "a method that is a number"))
    r.check("robustness.params_wrong_type_number",
            invalid_with_id({"jsonrpc": "2.0", "id": 9004, "method": "textDocument/hover",
                             "params": 5}, 9004, [-32600, -32602], "params 5"))
    r.check("robustness.params_wrong_type_string",
            invalid_with_id({"jsonrpc": "2.0", "id": "s-9005", "method": "textDocument/definition",
                             "params": "glossary.xml"}, "s-9005", [-32600, -32602],
                            "params a string (string id)"))
    r.check("robustness.missing_text_document_-32602",
            invalid_with_id({"jsonrpc": "2.0", "id": 9006, "method": "textDocument/hover",
                             "params": {"position": ref_pos}}, 9006, [-32602],
                            "hover without textDocument"))
    r.check("robustness.position_fields_wrong_type_-32602",
            invalid_with_id({"jsonrpc": "2.0", "id": 9007, "method": "textDocument/definition",
                             "params": {"textDocument": {"uri": path_to_uri(glossary)},
                                        "position": {"line": "x", "character": 1}}}, 9007,
                            [-32602], "position with a string line"))
    r.check("robustness.position_outside_document_-32602",
            invalid_with_id({"jsonrpc": "2.0", "id": 9008, "method": "textDocument/hover",
                             "params": {"textDocument": {"uri": path_to_uri(glossary)},
                                        "position": {"line": 9999, "character": 0}}}, 9008,
                            [-32602], "a line past the end"))

    def header_without_length():
        c = state["c"]
        n = len(c.responses)
        err = len(c.stderr)
        c.send_raw(b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n")
        alive(c)
        stray = [x for x in c.responses[n:] if x.get("id") is None]
        expect(not stray, f"responses to the header block: {show(stray)}")
        c.wait_for(lambda: True if len(c.stderr) > err else None, 5,
                   "a report of the header block on stderr")
    r.check("robustness.header_without_content_length_skipped", header_without_length)

    def content_type_header():
        c = state["c"]
        body = json.dumps({"jsonrpc": "2.0", "id": 9010, "method": "textDocument/definition",
                           "params": c.at(glossary, ref_pos)}).encode()
        c.expect_response_to(9010)
        c.send_raw(b"Content-Length: %d\r\nContent-Type: application/vscode-jsonrpc; "
                   b"charset=utf-8\r\n\r\n" % len(body) + body)
        resp = c.response(9010)
        expect(isinstance(resp.get("result"), dict), f"with a Content-Type header: {show(resp)}")
    r.check("robustness.content_type_header_accepted", content_type_header)

    def ignored_notifications():
        c = state["c"]
        n = len(c.responses)
        c.notify("$/cancelRequest", {"id": 12345})
        c.notify("$/setTrace", {"value": "verbose"})
        c.notify("termgraph/unknownNotification", {"x": 1})
        c.settle(0.2)
        alive(c)
        got = {x.get("id") for x in c.responses[n:]}
        expect(got == {c._sent_ids[-1]}, f"responses to the notifications: {show(c.responses[n:])}")
    r.check("robustness.notifications_ignored_without_response", ignored_notifications)

    def never_opened():
        c = state["c"]
        pos = find(read_text(yard), "vessel (5.4)", "utf-8", 1, 8)
        loc = c.call("textDocument/definition", c.at(yard, pos))
        expect(isinstance(loc, dict) and same_file(loc["uri"], glossary),
               f"definition in a document never opened: {show(loc)}")
        hover = c.call("textDocument/hover", c.at(yard, pos))
        hover_value(hover, "hover in a document never opened")
    r.check("robustness.request_on_unopened_document_answered_from_disk", never_opened)

    def change_unopened():
        c = state["c"]
        c.did_change(glossary, 2, [{"text": "<vocabulary/>"}])
        c.did_change(glossary, 3, [{"range": {"start": {"line": 0, "character": 0},
                                              "end": {"line": 0, "character": 0}}, "text": "<<"}])
        c.settle(0.5)
        alive(c)
        for p, initial in state["initial"].items():
            expect(normalise(c.diagnostics_of(p)) == initial,
                   f"{os.path.basename(p)}: diagnostics changed after didChange of an unopened "
                   f"document")
    r.check("robustness.didChange_unopened_document_ignored", change_unopened)

    def close_unopened():
        c = state["c"]
        c.did_close(yard)
        c.notify("textDocument/didSave", {"textDocument": {"uri": path_to_uri(yard)}})
        alive(c)
    r.check("robustness.didClose_didSave_unopened_harmless", close_unopened)

    def unknown_uri():
        c = state["c"]
        missing = os.path.join(ws, "missing.xml")
        resp = c.request("textDocument/definition", c.at(missing, {"line": 0, "character": 0}))
        expect(("result" in resp and resp["result"] is None)
               or ("error" in resp and resp["error"].get("code") == -32602),
               f"definition in a file that does not exist: {show(resp)}")
        alive(c)
    r.check("robustness.request_on_missing_file_null_or_-32602", unknown_uri)

    def rapid_requests():
        # edits and requests back to back, as an editor sends them while
        # typing: every request answered exactly once, in a well-formed frame
        c = state["c"]
        faults = len(c.protocol_errors)
        c.did_open(yard, read_text(yard), version=1, language="csv")
        base = read_text(yard)
        ids = []
        for i in range(40):
            text = base.replace("of a port", f"of a port, see (5.{i % 4}")
            c.did_change(yard, i + 2, [{"text": text}])
            pos = find(text, f"see (5.{i % 4}", "utf-8", delta=len(f"see (5.{i % 4}"))
            ids.append(c.request_async("textDocument/completion", c.at(yard, pos)))
            ids.append(c.request_async("textDocument/hover", c.at(yard, pos)))
        for i in ids:
            c.response(i, what=f"the response to request {i} of a quick series")
        c.settle(0.3)
        new = c.protocol_errors[faults:]
        expect(not new, f"{len(new)} stdout faults: " + "; ".join(f[:160] for f in new[:4]))
        c.did_close(yard)
        alive(c)
    r.check("robustness.rapid_requests_each_answered_once", rapid_requests)

    def shutdown_then():
        c = state["c"]
        expect(c.call("shutdown") is None, "shutdown result not null")
        c.expect_error("textDocument/definition", c.at(glossary, ref_pos), [-32600])
        c.expect_error("shutdown", None, [-32600])
        c.notify("exit")
        status = c.wait_exit(10)
        expect(status == 0, f"exit after shutdown: status {status}")
        expect(not c.protocol_errors, "stdout faults: " + "; ".join(c.protocol_errors))
    r.check("robustness.after_shutdown_-32600_then_exit_0", shutdown_then)

    def exit_without_shutdown():
        c = ctx.start(ws, wait=False)
        c.notify("exit")
        expect(c.wait_exit(10) == 1, "exit without shutdown: status not 1")
    r.check("robustness.exit_without_shutdown_status_1", exit_without_shutdown)

    def exit_before_initialize():
        c = ctx.spawn()
        c.notify("exit")
        expect(c.wait_exit(10) == 1, "exit before initialize: status not 1")
    r.check("robustness.exit_before_initialize_status_1", exit_before_initialize)

    def stdin_closed_mid_message():
        c = ctx.start(ws, wait=False)
        c.send_raw(b"Content-Length: 100\r\n\r\n{\"jsonrpc\"")
        c.proc.stdin.close()
        status = c.wait_exit(10)
        expect(status == 1, f"stdin closed inside a message: status {status}, expected 1")
    r.check("robustness.stdin_closed_mid_message_ends", stdin_closed_mid_message)


GROUPS = {
    "lifecycle": group_lifecycle,
    "diagnostics": group_diagnostics,
    "navigation": group_navigation,
    "rename": group_rename,
    "robustness": group_robustness,
}


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    termgraph, workdir, groups = argv[1], argv[2], argv[3:] or list(GROUPS)
    unknown = [g for g in groups if g not in GROUPS]
    if unknown:
        print(f"unknown group(s) {unknown}; known: {list(GROUPS)}", file=sys.stderr)
        return 2
    runner = Runner()
    for group in groups:
        ctx = Context(termgraph, os.path.join(workdir, group))
        try:
            GROUPS[group](ctx, runner)
        except Exception:
            runner._fail(f"{group} (setup)", traceback.format_exc())
        finally:
            ctx.close_all()
    total = runner.passed + len(runner.failed)
    print(f"{runner.passed}/{total} checks passed")
    if runner.failed:
        print("failed: " + ", ".join(runner.failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
