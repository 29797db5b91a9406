"""A small client of the Chrome DevTools Protocol over a pipe, enough to open
pages in headless Chromium, run script in them, type, and take screenshots.

Chromium started with --remote-debugging-pipe reads commands on its file
descriptor 3 and writes replies and events on 4, each message JSON ended by
a NUL byte: no WebSocket, no package beyond Python's own.
"""
import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time


class BrowserError(Exception):
    pass


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    def __init__(self, executable, width=1200, height=900):
        self._profile = tempfile.mkdtemp(prefix="termgraph-chromium-")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        # Above 10, so that moving them to 3 and 4 cannot overwrite each other.
        high_r = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
        high_w = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)

        def in_child():
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        args = [executable, "--headless=new", "--remote-debugging-pipe", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking",
                "--user-data-dir=" + self._profile, f"--window-size={width},{height}",
                "about:blank"]
        self._process = subprocess.Popen(args, preexec_fn=in_child, close_fds=False,
                                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL)
        for fd in (to_browser_r, from_browser_w, high_r, high_w):
            os.close(fd)
        self._buffer = b""
        self._next_id = 0
        self._events = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget",
                                 {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(domain + ".enable", session=self.session)

    # -- messages ---------------------------------------------------------------

    def _read_message(self, deadline):
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("no answer from Chromium in time")
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if not ready:
                continue
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise BrowserError("Chromium closed its pipe (exit status %s)" %
                                   self._process.poll())
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=None, timeout=60):
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self._events.append(reply)

    def wait_event(self, method, timeout=60):
        deadline = time.monotonic() + timeout
        while True:
            for i, event in enumerate(self._events):
                if event["method"] == method:
                    return self._events.pop(i)
            self._events.append(self._read_message(deadline))

    # -- pages ------------------------------------------------------------------

    def open(self, url):
        """Loads `url` and waits for its load event; returns the errors the
        page reported (uncaught exceptions, console.error, failed loads)."""
        self._events = [e for e in self._events if not _is_error(e)]
        self._events = [e for e in self._events if e["method"] != "Page.loadEventFired"]
        reply = self.call("Page.navigate", {"url": url}, session=self.session)
        if reply.get("errorText"):
            raise BrowserError(f"{url}: {reply['errorText']}")
        self.wait_event("Page.loadEventFired")
        return self.errors()

    def errors(self):
        """The errors reported since the last call, as text, and forgets them."""
        # Drain what has arrived without waiting.
        while True:
            ready, _, _ = select.select([self._from_browser], [], [], 0.05)
            if not ready and b"\0" not in self._buffer:
                break
            self._events.append(self._read_message(time.monotonic() + 5))
        found = [_describe(e) for e in self._events if _is_error(e)]
        self._events = [e for e in self._events if not _is_error(e)]
        return found

    def evaluate(self, expression, timeout=60):
        reply = self.call("Runtime.evaluate",
                          {"expression": expression, "returnByValue": True,
                           "awaitPromise": True}, session=self.session, timeout=timeout)
        if "exceptionDetails" in reply:
            raise BrowserError(f"script failed: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def type_text(self, text):
        self.call("Input.insertText", {"text": text}, session=self.session)

    def screenshot(self, path, full_page=True):
        params = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
        data = self.call("Page.captureScreenshot", params, session=self.session)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        try:
            self.call("Browser.close", timeout=10)
        except BrowserError:
            pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for fd in (self._to_browser, self._from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self._profile, ignore_errors=True)


def _is_error(event):
    method = event.get("method")
    params = event.get("params", {})
    if method == "Runtime.exceptionThrown":
        return True
    if method == "Runtime.consoleAPICalled":
        return params.get("type") in ("error", "assert")
    if method == "Log.entryAdded":
        return params.get("entry", {}).get("level") == "error"
    return False


def _describe(event):
    params = event.get("params", {})
    if event["method"] == "Runtime.exceptionThrown":
        details = params.get("exceptionDetails", {})
        return "exception: " + details.get("exception", {}).get("description",
                                                                 details.get("text", ""))
    if event["method"] == "Runtime.consoleAPICalled":
        return "console.error: " + " ".join(str(a.get("value", a.get("description", "")))
                                            for a in params.get("args", []))
    entry = params.get("entry", {})
    return f"log: {entry.get('text')} {entry.get('url', '')}"
