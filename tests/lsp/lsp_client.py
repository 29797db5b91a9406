"""A small scripted Language Server Protocol client for the termgraph tests.

Standard library only. It starts `TERMGRAPH lsp`, writes JSON-RPC messages
framed with Content-Length, and reads the server's messages on a thread:
responses are kept by id, notifications in order, and the diagnostics of
`textDocument/publishDiagnostics` per file (the latest and every publish).
Every wait has a timeout and fails with a message saying what it waited
for, never hangs.

Positions: LSP counts characters in the negotiated encoding (UTF-8 bytes
or UTF-16 code units); termgraph's reports count code points. The helpers
below convert between them from the file's text, and apply TextEdits and
WorkspaceEdits to texts.
"""

import json
import os
import pathlib
import subprocess
import threading
import time
import urllib.parse

DEFAULT_TIMEOUT = 20.0


class Failure(AssertionError):
    """A check failed: the message says what was expected and what came."""


class ResponseError(Exception):
    """A response carried an error instead of a result."""

    def __init__(self, error):
        self.error = error or {}
        self.code = self.error.get("code")
        self.message = self.error.get("message", "")
        super().__init__(f"error {self.code}: {self.message}")


# -- URIs --------------------------------------------------------------------

def path_to_uri(path):
    return pathlib.Path(os.path.abspath(path)).as_uri()


def uri_to_path(uri):
    """The local path a file: URI names, resolved (so two spellings of one
    file compare equal)."""
    parsed = urllib.parse.urlparse(uri)
    if parsed.scheme != "file":
        raise Failure(f"not a file URI: {uri!r}")
    return os.path.realpath(urllib.parse.unquote(parsed.path))


def same_file(uri, path):
    return uri_to_path(uri) == os.path.realpath(path)


# -- positions ---------------------------------------------------------------

def split_lines(text):
    """The lines of `text` without their terminators, as LSP counts them
    (LF, CRLF and CR end a line)."""
    lines, start, i, n = [], 0, 0, len(text)
    while i < n:
        c = text[i]
        if c == "\n" or c == "\r":
            lines.append(text[start:i])
            if c == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            start = i + 1
        i += 1
    lines.append(text[start:])
    return lines


def _units(s, encoding):
    if encoding == "utf-8":
        return len(s.encode("utf-8"))
    if encoding == "utf-16":
        return len(s.encode("utf-16-le")) // 2
    if encoding == "utf-32":
        return len(s)
    raise ValueError(f"unknown position encoding {encoding!r}")


def codepoint_to_col(line_text, cp, encoding):
    """Column in `encoding` of code point index `cp` (0-based) of a line."""
    return _units(line_text[:cp], encoding)


def col_to_codepoint(line_text, col, encoding):
    """Code point index of column `col` in `encoding`; a column inside a
    character (or past the end of the line) raises Failure."""
    units = 0
    for i, ch in enumerate(line_text):
        if units == col:
            return i
        if units > col:
            break
        units += _units(ch, encoding)
    if units == col:
        return len(line_text)
    raise Failure(f"column {col} ({encoding}) is not a character boundary of line {line_text!r}")


def offset_of(text, position, encoding):
    """Index in `text` (code points) of an LSP position."""
    line, character = position["line"], position["character"]
    lines = split_lines(text)
    if line >= len(lines):
        raise Failure(f"position {position} is past the last line ({len(lines)} lines)")
    start = 0
    i = 0
    # walk to the start of the line
    cur = 0
    while cur < line:
        c = text[i]
        i += 1
        if c == "\r" and i < len(text) and text[i] == "\n":
            i += 1
            cur += 1
        elif c in "\r\n":
            cur += 1
    start = i
    return start + col_to_codepoint(lines[line], character, encoding)


def position_at(text, index, encoding):
    """LSP position of code point index `index` of `text`."""
    before = text[:index]
    lines = split_lines(before)
    return {"line": len(lines) - 1, "character": _units(lines[-1], encoding)}


def find(text, needle, encoding, occurrence=1, delta=0):
    """Position of the `occurrence`-th `needle` in `text`, moved `delta`
    code points into it (e.g. onto the digits of "(5.4)")."""
    index = -1
    for _ in range(occurrence):
        index = text.find(needle, index + 1)
        if index < 0:
            raise Failure(f"test data: {needle!r} (occurrence {occurrence}) not in the text")
    return position_at(text, index + delta, encoding)


def find_line(text, needle, occurrence=1):
    """0-based line of the `occurrence`-th `needle`."""
    return find(text, needle, "utf-32", occurrence)["line"]


def position_le(a, b):
    return (a["line"], a["character"]) <= (b["line"], b["character"])


def range_contains(rng, pos, allow_end=False):
    """True when `pos` is in `rng` (end exclusive unless allow_end)."""
    start, end = rng["start"], rng["end"]
    if not position_le(start, pos):
        return False
    if allow_end:
        return position_le(pos, end)
    return (pos["line"], pos["character"]) < (end["line"], end["character"])


# -- edits -------------------------------------------------------------------

def apply_text_edits(text, edits, encoding):
    """`text` with the TextEdits applied (all positions refer to `text`, as
    LSP says); overlapping edits are a failure."""
    spans = []
    for edit in edits:
        if "range" not in edit or "newText" not in edit:
            raise Failure(f"not a TextEdit: {edit!r}")
        begin = offset_of(text, edit["range"]["start"], encoding)
        end = offset_of(text, edit["range"]["end"], encoding)
        if end < begin:
            raise Failure(f"TextEdit with its end before its start: {edit!r}")
        spans.append((begin, end, edit["newText"]))
    spans.sort(key=lambda s: (s[0], s[1]))
    for (b1, e1, _), (b2, e2, _) in zip(spans, spans[1:]):
        if b2 < e1:
            raise Failure(f"overlapping TextEdits at code points {b1}-{e1} and {b2}-{e2}")
    out = text
    for begin, end, new in reversed(spans):
        out = out[:begin] + new + out[end:]
    return out


def workspace_edit_changes(edit):
    """{path: [TextEdit]} of a WorkspaceEdit given as `changes` or as
    `documentChanges` of TextDocumentEdits."""
    if not isinstance(edit, dict):
        raise Failure(f"not a WorkspaceEdit: {edit!r}")
    result = {}
    for uri, edits in (edit.get("changes") or {}).items():
        result.setdefault(uri_to_path(uri), []).extend(edits)
    for change in edit.get("documentChanges") or []:
        if "textDocument" not in change:
            raise Failure(f"unsupported document change (file operation): {change!r}")
        result.setdefault(uri_to_path(change["textDocument"]["uri"]), []).extend(change["edits"])
    return result


def apply_workspace_edit(texts, edit, encoding):
    """A copy of `texts` ({path: text}) with the WorkspaceEdit applied; an
    edit of a file not in `texts` is a failure."""
    out = dict(texts)
    for path, edits in workspace_edit_changes(edit).items():
        if path not in out:
            raise Failure(f"the edit changes {path}, which is not a file of the workspace")
        out[path] = apply_text_edits(out[path], edits, encoding)
    return out


def read_text(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def write_text(path, text):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


# -- the client ----------------------------------------------------------------

class Client:
    """One server process and what it said."""

    def __init__(self, termgraph, args=(), cwd=None, timeout=DEFAULT_TIMEOUT):
        self.timeout = timeout
        self.proc = subprocess.Popen(
            [termgraph, "lsp", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, cwd=cwd)
        self._cond = threading.Condition()
        self._next_id = 1
        self.responses = []          # every response, in order of arrival
        self.notifications = []      # every notification, in order
        self.server_requests = []    # requests the server sent us
        self.diagnostics = {}        # path -> params of the latest publish
        self.publishes = []          # (path, params) of every publish
        self.protocol_errors = []    # framing or JSON faults on stdout
        self.stderr = bytearray()
        self.eof = False
        self.stuck_on = None         # the first wait that timed out
        self._sent_ids = []          # ids of the requests sent (as JSON values)
        self._answered = []          # ids of the responses received
        self._write_lock = threading.Lock()
        self._reader = threading.Thread(target=self._read_stdout, daemon=True)
        self._reader.start()
        self._err_reader = threading.Thread(target=self._read_stderr, daemon=True)
        self._err_reader.start()

    # -- writing --

    def send_raw(self, data):
        with self._write_lock:
            try:
                self.proc.stdin.write(data)
                self.proc.stdin.flush()
            except (BrokenPipeError, OSError) as e:
                raise Failure(f"cannot write to the server (it ended? status {self.proc.poll()}): {e}"
                              + self.stderr_tail())

    def send_body(self, body):
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def send(self, message):
        if isinstance(message, dict) and "id" in message and "result" not in message \
                and "error" not in message:
            with self._cond:
                self._sent_ids.append(message["id"])
        self.send_body(json.dumps(message, ensure_ascii=False))

    def expect_response_to(self, request_id):
        """Note the id of a request sent with send_raw or send_body."""
        with self._cond:
            self._sent_ids.append(request_id)

    def new_id(self):
        with self._cond:
            i = self._next_id
            self._next_id += 1
            return i

    def request_async(self, method, params=None):
        i = self.new_id()
        message = {"jsonrpc": "2.0", "id": i, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        return i

    def notify(self, method, params=None):
        message = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    def response(self, request_id, timeout=None, what=None):
        """The response to `request_id` (the whole message)."""
        return self.wait_for(
            lambda: next((r for r in self.responses if r.get("id") == request_id), None),
            timeout, what or f"the response to request {request_id!r}")

    def request(self, method, params=None, timeout=None):
        """The whole response message to a request."""
        i = self.request_async(method, params)
        return self.response(i, timeout, f"the response to {method} (id {i})")

    def call(self, method, params=None, timeout=None):
        """The result of a request; an error response raises ResponseError."""
        r = self.request(method, params, timeout)
        if "error" in r:
            raise ResponseError(r["error"])
        if "result" not in r:
            raise Failure(f"response to {method} has neither result nor error: {r!r}")
        return r["result"]

    def expect_error(self, method, params, codes):
        """The error of a request that must fail with one of `codes`."""
        r = self.request(method, params)
        if "error" not in r:
            raise Failure(f"{method}: expected error {codes}, got result {json.dumps(r.get('result'))[:300]}")
        code = r["error"].get("code")
        if code not in codes:
            raise Failure(f"{method}: expected error {codes}, got {r['error']!r}")
        return r["error"]

    # -- LSP conveniences --

    def initialize(self, root, encodings=("utf-8", "utf-16"), folders=None, options=None,
                   extra=None, root_keys=("rootUri", "rootPath")):
        """initialize, then initialized. `folders` None: the root as the one
        workspace folder; an empty list: no workspaceFolders at all."""
        capabilities = {
            "textDocument": {
                "synchronization": {"didSave": True},
                "hover": {"contentFormat": ["markdown", "plaintext"]},
                "publishDiagnostics": {"relatedInformation": True, "versionSupport": True},
                "definition": {"linkSupport": False},
                "completion": {"completionItem": {"snippetSupport": False}},
                "rename": {"prepareSupport": True},
                "documentSymbol": {"hierarchicalDocumentSymbolSupport": True},
                "codeAction": {"codeActionLiteralSupport": {
                    "codeActionKind": {"valueSet": ["quickfix"]}}},
            },
            "workspace": {"workspaceFolders": True, "workspaceEdit": {"documentChanges": False},
                          "didChangeWatchedFiles": {"dynamicRegistration": False}},
        }
        if encodings is not None:
            capabilities["general"] = {"positionEncodings": list(encodings)}
        params = {"processId": os.getpid(), "capabilities": capabilities}
        if root is not None and "rootUri" in root_keys:
            params["rootUri"] = path_to_uri(root)
        if root is not None and "rootPath" in root_keys:
            params["rootPath"] = os.path.abspath(root)
        if folders is None and root is not None:
            folders = [root]
        if folders:
            params["workspaceFolders"] = [
                {"uri": path_to_uri(f), "name": os.path.basename(f)} for f in folders]
        if options is not None:
            params["initializationOptions"] = options
        if extra:
            params.update(extra)
        result = self.call("initialize", params)
        self.initialize_result = result
        self.encoding = (result or {}).get("capabilities", {}).get("positionEncoding", "utf-16")
        self.notify("initialized", {})
        return result

    def did_open(self, path, text=None, version=1, language="xml"):
        if text is None:
            text = read_text(path)
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": path_to_uri(path), "languageId": language, "version": version, "text": text}})

    def did_change(self, path, version, changes):
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": path_to_uri(path), "version": version},
            "contentChanges": changes})

    def did_close(self, path):
        self.notify("textDocument/didClose", {"textDocument": {"uri": path_to_uri(path)}})

    def at(self, path, position, **more):
        params = {"textDocument": {"uri": path_to_uri(path)}, "position": position}
        params.update(more)
        return params

    def shutdown_and_exit(self, timeout=None):
        """Shut down politely; returns the exit status."""
        try:
            self.call("shutdown")
        except (Failure, ResponseError):
            pass  # the status tells: 1 when shutdown did not count
        try:
            self.notify("exit")
        except Failure:
            pass
        return self.wait_exit(timeout)

    def wait_exit(self, timeout=None):
        if timeout is None:
            timeout = self.timeout if self.stuck_on is None else 3.0
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            raise Failure(f"the server did not end within {timeout}s")

    def close(self):
        """End the process whatever its state (used after a failure)."""
        if self.proc.poll() is None:
            try:
                self.proc.stdin.close()
            except OSError:
                pass
            try:
                self.proc.wait(3)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        for stream in (self.proc.stdout, self.proc.stderr, self.proc.stdin):
            try:
                stream.close()
            except OSError:
                pass

    # -- diagnostics --

    def diagnostics_of(self, path):
        """Diagnostics of the latest publish for `path` (None: none yet)."""
        with self._cond:
            params = self.diagnostics.get(os.path.realpath(path))
            return None if params is None else params["diagnostics"]

    def publish_count(self, path=None):
        with self._cond:
            if path is None:
                return len(self.publishes)
            p = os.path.realpath(path)
            return sum(1 for q, _ in self.publishes if q == p)

    def wait_diagnostics(self, path, predicate=lambda d: True, timeout=None, what="",
                         after=0):
        """Wait until the latest publish for `path` (one of those after the
        first `after` publishes of it) satisfies `predicate`; returns its
        params. On timeout, the failure shows the latest diagnostics."""
        p = os.path.realpath(path)

        def ready():
            mine = [params for q, params in self.publishes if q == p]
            if len(mine) > after and predicate(mine[-1]["diagnostics"]):
                return mine[-1]
            return None
        try:
            return self.wait_for(ready, timeout, f"diagnostics of {os.path.basename(path)} {what}")
        except Failure as e:
            latest = self.diagnostics.get(p)
            shown = "none published" if latest is None else json.dumps(
                [(d.get("code"), d.get("message"), d.get("range")) for d in latest["diagnostics"]],
                ensure_ascii=False)[:1500]
            raise Failure(f"{e}\n  latest: {shown}") from None

    # -- waiting --

    def wait_for(self, probe, timeout=None, what="a message"):
        timeout = timeout if timeout is not None else self.timeout
        if self.stuck_on is not None:
            # the server already left a wait unanswered: do not spend the
            # whole timeout on every later wait (the failures stay failures)
            timeout = min(timeout, 1.0)
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                value = probe()
                if value is not None:
                    return value
                if self.eof:
                    raise Failure(f"the server closed its output while waiting for {what} "
                                  f"(status {self.proc.poll()})" + self.stderr_tail())
                left = deadline - time.monotonic()
                if left <= 0:
                    note = "" if self.stuck_on is None else \
                        f" (the server has not answered since it left {self.stuck_on} unanswered)"
                    if self.stuck_on is None:
                        self.stuck_on = what
                    raise Failure(f"timed out after {timeout}s waiting for {what}{note}"
                                  + self.stderr_tail())
                self._cond.wait(min(left, 0.2))

    def settle(self, seconds=0.3):
        """Give the server a moment (for checks that something does NOT come)."""
        time.sleep(seconds)

    def stderr_tail(self, n=800):
        tail = bytes(self.stderr[-n:]).decode("utf-8", "replace").strip()
        return f"\n  server stderr: ...{tail}" if tail else ""

    # -- reading --

    def _read_stderr(self):
        while True:
            chunk = self.proc.stderr.read1(4096) if hasattr(self.proc.stderr, "read1") \
                else self.proc.stderr.read(4096)
            if not chunk:
                return
            with self._cond:
                self.stderr += chunk

    def _read_stdout(self):
        """Frames from the server's standard output, parsed from a buffer of
        our own so that after a malformed frame (recorded as a fault) the
        reader finds the next Content-Length header and goes on."""
        fd = self.proc.stdout.fileno()
        buf = bytearray()
        try:
            while True:
                while self._take_frame(buf):
                    pass
                chunk = os.read(fd, 65536)
                if not chunk:
                    if buf.strip():
                        self._fault(f"output ends inside a message: {bytes(buf[:200])!r}")
                    return
                buf += chunk
        finally:
            with self._cond:
                self.eof = True
                self._cond.notify_all()

    def _take_frame(self, buf):
        """Parse one frame off the front of `buf`; False when more bytes are
        needed."""
        end = buf.find(b"\r\n\r\n")
        if end < 0:
            return False
        header = bytes(buf[:end])
        length = None
        for line in header.split(b"\r\n"):
            name, sep, value = line.partition(b":")
            if not sep:
                self._fault(f"header line without a colon: {line[:200]!r}")
            elif name.strip().lower() == b"content-length":
                try:
                    length = int(value.strip())
                except ValueError:
                    self._fault(f"a Content-Length that is not a number: {line[:200]!r}")
        if length is None:
            self._fault(f"header block without Content-Length: {header[:200]!r}")
            del buf[:end + 4]
            return True
        if len(buf) < end + 4 + length:
            return False
        body = bytes(buf[end + 4:end + 4 + length])
        del buf[:end + 4 + length]
        try:
            message = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            self._fault(f"a body that is not UTF-8 JSON ({e}): {body[:200]!r}")
            # resynchronise on a header inside the bad body, if any
            again = body.find(b"Content-Length:", 1)
            if again >= 0:
                buf[0:0] = body[again:]
            return True
        self._dispatch(message)
        return True

    def _fault(self, text):
        with self._cond:
            self.protocol_errors.append(text)
            self._cond.notify_all()

    def _dispatch(self, message):
        if not isinstance(message, dict):
            self._fault(f"a message that is not an object: {message!r}")
            return
        if message.get("jsonrpc") != "2.0":
            self._fault(f"a message without jsonrpc 2.0: {json.dumps(message)[:200]}")
        if "method" in message and "id" in message:
            with self._cond:
                self.server_requests.append(message)
            # answer what a plain client would (registrations, progress, ...)
            try:
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            except Failure:
                pass
        elif "method" in message:
            with self._cond:
                self.notifications.append(message)
                if message["method"] == "textDocument/publishDiagnostics":
                    params = message.get("params") or {}
                    try:
                        path = uri_to_path(params.get("uri", ""))
                    except Failure:
                        self.protocol_errors.append(f"publishDiagnostics for a bad uri: {params!r}")
                        path = params.get("uri")
                    self.diagnostics[path] = params
                    self.publishes.append((path, params))
                self._cond.notify_all()
        else:
            with self._cond:
                rid = message.get("id")
                if rid is not None:
                    if rid in self._answered:
                        self.protocol_errors.append(f"a second response to request {rid!r}: "
                                                    f"{json.dumps(message)[:200]}")
                    elif rid not in self._sent_ids:
                        self.protocol_errors.append(f"a response to no request of ours: "
                                                    f"{json.dumps(message)[:200]}")
                    self._answered.append(rid)
                self.responses.append(message)
                self._cond.notify_all()
