#!/usr/bin/env python3
"""How long an editor waits for diagnostics after a change (`termgraph lsp`).

    scripts/bench-lsp.py [--entries 1000] [--files 4] [--changes 40] TERMGRAPH

Generates a vocabulary (scripts/gen-sts.py, split into --files STS files),
starts `TERMGRAPH lsp` on it as a workspace folder, opens one file and sends
--changes incremental edits, each adding or taking away a reference to an
entry that does not exist. For each edit it times the wall clock from
writing didChange to reading the publishDiagnostics of that file, checks that
the dangling reference is reported exactly when it is in the text, and
prints the median and the slowest. Also times the first diagnostics of the
whole workspace after `initialized`, and `TERMGRAPH check` of the same files
(a whole process, for comparison). Issue 13 asks 100 ms at 1 000 entries.
"""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time


class Client:
    def __init__(self, command):
        self.p = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL)

    def send(self, message):
        body = json.dumps(message).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def receive(self):
        header = b""
        while not header.endswith(b"\r\n\r\n"):
            c = self.p.stdout.read(1)
            if not c:
                sys.exit("the server ended")
            header += c
        length = int(header.split(b"Content-Length:")[1].split(b"\r\n")[0])
        return json.loads(self.p.stdout.read(length))

    def wait_for(self, predicate):
        while True:
            m = self.receive()
            if predicate(m):
                return m


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("termgraph")
    ap.add_argument("--entries", type=int, default=1000)
    ap.add_argument("--files", type=int, default=4)
    ap.add_argument("--changes", type=int, default=40)
    args = ap.parse_args()
    scripts = pathlib.Path(__file__).resolve().parent
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        subprocess.run([sys.executable, str(scripts / "gen-sts.py"), "--entries",
                        str(args.entries), "--files", str(args.files), "--out",
                        str(work / "terms.xml"), "--expected", str(work / "expected.json")],
                       check=True, stdout=subprocess.DEVNULL)
        (work / "expected.json").unlink()
        files = sorted(work.glob("*.xml"))
        start = time.perf_counter()
        subprocess.run([args.termgraph, "check", "--format", "json", str(work)],
                       stdout=subprocess.DEVNULL)
        check_time = time.perf_counter() - start

        client = Client([args.termgraph, "lsp"])
        root = pathlib.Path(work).resolve().as_uri()
        start = time.perf_counter()
        client.send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                     "params": {"rootUri": root, "capabilities": {
                         "general": {"positionEncodings": ["utf-8"]}}}})
        client.wait_for(lambda m: m.get("id") == 1)
        client.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        published = set()
        while len(published) < len(files):
            m = client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
            published.add(m["params"]["uri"])
        first = time.perf_counter() - start

        target = files[len(files) // 2]
        uri = target.resolve().as_uri()
        text = target.read_text(encoding="utf-8")
        client.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": uri, "languageId": "xml", "version": 1, "text": text}}})
        client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                        and m["params"]["uri"] == uri)
        lines = text.split("\n")
        line = next(i for i, l in enumerate(lines) if "definition>" in l)
        column = lines[line].index("definition>") + len("definition>")
        insert = " (9.999)"
        times = []
        for k in range(args.changes):
            adding = k % 2 == 0
            change = {"range": {"start": {"line": line, "character": column},
                                "end": {"line": line, "character": column + (0 if adding else len(insert))}},
                      "text": insert if adding else ""}
            start = time.perf_counter()
            client.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri, "version": k + 2}, "contentChanges": [change]}})
            m = client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                and m["params"]["uri"] == uri)
            times.append(time.perf_counter() - start)
            dangling = any(d["code"] == "dangling-reference" and "9.999" in d["message"]
                           for d in m["params"]["diagnostics"])
            if dangling != adding:
                sys.exit(f"change {k}: the dangling reference is {'missing' if adding else 'still reported'}")
        client.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
        client.wait_for(lambda m: m.get("id") == 2)
        client.send({"jsonrpc": "2.0", "method": "exit"})
        client.p.wait(timeout=10)
        ms = [t * 1000 for t in times]
        print(f"{args.entries} entries in {len(files)} files, {args.changes} changes")
        print(f"change -> diagnostics: median {statistics.median(ms):.1f} ms, slowest {max(ms):.1f} ms")
        print(f"first diagnostics of the workspace: {first * 1000:.1f} ms; "
              f"`check --format json` of the folder (a whole process): {check_time * 1000:.1f} ms")
        print(f"median change / check: {statistics.median(ms) / (check_time * 1000):.2f}x")


if __name__ == "__main__":
    main()
