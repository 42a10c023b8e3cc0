#!/usr/bin/env python3
"""Drive Debian's headless Chromium over the DevTools protocol (through a pipe, so no
WebSocket library is needed) to look at a built site as a reader would.

  browser.py search  SITE QUERY… [--page index.html]   serve SITE, type each QUERY into the search box,
                                                        print the results as JSON, one line per query
  browser.py eval    SITE PAGE EXPRESSION [--file]     serve SITE (or open it from file:// with --file),
                                                        print the value of a JavaScript expression
  browser.py shot    SITE PAGE OUT.png [--width 1200] [--height 2000] [--dark] [--print]
                                                        a screenshot (the top HEIGHT pixels of the page)

SITE is served on 127.0.0.1 (a free port) for the duration of the command. Exit codes:
0 done, 1 the page did not do what was asked, 2 Chromium is missing.
"""
import argparse
import fcntl
import functools
import http.server
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse


def chromium_path():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    """One headless Chromium, one page, spoken to over --remote-debugging-pipe (fd 3 in, fd 4 out)."""

    def __init__(self, width=1200, height=900):
        binary = chromium_path()
        if not binary:
            print("browser.py: Chromium is not installed (apt-get install chromium)", file=sys.stderr)
            sys.exit(2)
        self.profile = tempfile.mkdtemp(prefix="briefing-chromium-")
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def child():
            a = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)
            os.close(a)
            os.close(b)

        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--user-data-dir=" + self.profile, "--no-first-run", "--no-default-browser-check",
             "--hide-scrollbars", "--mute-audio", "--force-color-profile=srgb",
             "--window-size=%d,%d" % (width, height), "about:blank"],
            preexec_fn=child, close_fds=False, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", session=True)
        self.call("Runtime.enable", session=True)
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session=True)

    def close(self):
        try:
            self.call("Browser.close", timeout=2)
        except Exception:
            pass
        try:
            self.process.wait(timeout=3)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)

    def _read(self, timeout):
        deadline = time.time() + timeout
        while b"\0" not in self.buffer:
            remaining = deadline - time.time()
            if remaining <= 0:
                raise TimeoutError("Chromium did not answer")
            ready, _, _ = select.select([self.from_chrome], [], [], remaining)
            if ready:
                data = os.read(self.from_chrome, 1 << 16)
                if not data:
                    raise EOFError("Chromium closed the pipe")
                self.buffer += data
        message, _, self.buffer = self.buffer.partition(b"\0")
        return json.loads(message)

    def call(self, method, params=None, session=False, timeout=20):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read(timeout)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError("%s: %s" % (method, reply["error"]))
                return reply.get("result", {})
            self.events.append(reply)

    def wait_event(self, method, timeout=20):
        deadline = time.time() + timeout
        while True:
            for index, event in enumerate(self.events):
                if event.get("method") == method:
                    del self.events[index]
                    return event
            self.events.append(self._read(max(0.01, deadline - time.time())))

    def goto(self, url, dark=False, media=None):
        features = [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]
        self.call("Emulation.setEmulatedMedia", {"media": media or "", "features": features}, session=True)
        self.events = []
        self.call("Page.navigate", {"url": url}, session=True)
        self.wait_event("Page.loadEventFired")

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate",
                           {"expression": expression, "returnByValue": True, "awaitPromise": True}, session=True)
        if "exceptionDetails" in result:
            raise RuntimeError("page script failed: %s" % result["exceptionDetails"].get("text"))
        return result["result"].get("value")

    def wait_for(self, expression, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.1)
        return None

    def click(self, selector):
        box = self.evaluate(
            "(() => { const r = document.querySelector(%s).getBoundingClientRect();"
            " return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()" % json.dumps(selector))
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent",
                      {"type": kind, "x": box["x"], "y": box["y"], "button": "left", "clickCount": 1}, session=True)

    def type(self, text):
        for character in text:
            self.call("Input.dispatchKeyEvent",
                      {"type": "keyDown", "key": character, "text": character, "unmodifiedText": character}, session=True)
            self.call("Input.dispatchKeyEvent", {"type": "keyUp", "key": character}, session=True)

    def screenshot(self, path, height, selector=None, scale=1):
        metrics = self.call("Page.getLayoutMetrics", session=True)
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], height), "scale": scale}
        if selector:
            box = self.evaluate(
                "(() => { const r = document.querySelector(%s).getBoundingClientRect();"
                " return {x: r.x + scrollX - 8, y: r.y + scrollY - 8, width: r.width + 16, height: r.height + 16}; })()"
                % json.dumps(selector))
            clip = dict(box, scale=scale)
        data = self.call("Page.captureScreenshot",
                         {"format": "png", "clip": clip, "captureBeyondViewport": True}, session=True)["data"]
        import base64
        with open(path, "wb") as out:
            out.write(base64.b64decode(data))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site):
    """Serves `site` on 127.0.0.1 at a free port, in a daemon thread; returns (server, base URL)."""
    handler = functools.partial(QuietHandler, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, "http://127.0.0.1:%d/" % server.server_address[1]


def page_url(site, page, from_file):
    if from_file:
        return "file://" + urllib.parse.quote(os.path.join(os.path.abspath(site), page))
    return None


def command_search(args):
    """Types each query into the search box (cleared in between); prints one JSON object per query."""
    server, base = serve(args.site)
    browser = Browser()
    status = 0
    try:
        browser.goto(base + args.page)
        if not browser.wait_for("(() => { const b = document.getElementById('search');"
                                " return b && !b.hidden && !!b.querySelector('input'); })()"):
            print(json.dumps({"query": args.queries[0], "error": "the search box did not appear", "results": []}))
            return 1
        for query in args.queries:
            browser.evaluate("(() => { const i = document.querySelector('#search input'); i.value = '';"
                             " i.dispatchEvent(new Event('input', {bubbles: true})); })()")
            browser.wait_for("!document.querySelector('#search .pagefind-ui__result-link')", timeout=3)
            browser.click("#search input")
            browser.type(query)
            # Pagefind shows results as their data arrive: wait until the list stops changing.
            found, last, stable_since = None, None, time.time()
            deadline = time.time() + args.timeout
            while time.time() < deadline:
                now = browser.evaluate(
                    "[...document.querySelectorAll('#search .pagefind-ui__result-link')]"
                    ".map(a => ({href: a.getAttribute('href'), title: a.textContent.trim()}))")
                message = browser.evaluate(
                    "(document.querySelector('#search .pagefind-ui__message') || {}).textContent || ''")
                if now != last:
                    last, stable_since = now, time.time()
                elif now and query in message and time.time() - stable_since > 0.5:
                    found = now
                    break
                time.sleep(0.1)
            typed = browser.evaluate("document.querySelector('#search input').value")
            print(json.dumps({"query": query, "typed": typed, "results": found or []}, ensure_ascii=False))
            if not found:
                status = 1
        return status
    finally:
        browser.close()
        server.shutdown()


def command_eval(args):
    server = None
    if args.file:
        url = page_url(args.site, args.page, True)
    else:
        server, base = serve(args.site)
        url = base + args.page
    browser = Browser()
    try:
        browser.goto(url)
        time.sleep(args.settle)
        print(json.dumps(browser.evaluate(args.expression), ensure_ascii=False))
        return 0
    finally:
        browser.close()
        if server:
            server.shutdown()


def command_shot(args):
    server, base = serve(args.site)
    browser = Browser(width=args.width, height=900)
    try:
        browser.goto(base + args.page, dark=args.dark, media="print" if args.print else None)
        if args.type:
            if browser.wait_for("!!document.querySelector('#search input')"):
                browser.click("#search input")
                browser.type(args.type)
                browser.wait_for("document.querySelectorAll('#search .pagefind-ui__result-link').length > 0")
                time.sleep(1)
        time.sleep(0.3)
        browser.screenshot(args.out, args.height, selector=args.selector, scale=args.scale)
        return 0
    finally:
        browser.close()
        server.shutdown()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    search = commands.add_parser("search")
    search.add_argument("site")
    search.add_argument("queries", nargs="+", metavar="query")
    search.add_argument("--page", default="index.html")
    search.add_argument("--timeout", type=float, default=8)
    evaluate = commands.add_parser("eval")
    evaluate.add_argument("site")
    evaluate.add_argument("page")
    evaluate.add_argument("expression")
    evaluate.add_argument("--file", action="store_true", help="open the page from file:// instead of serving it")
    evaluate.add_argument("--settle", type=float, default=0.5, help="seconds to wait after load")
    shot = commands.add_parser("shot")
    shot.add_argument("site")
    shot.add_argument("page")
    shot.add_argument("out")
    shot.add_argument("--width", type=int, default=1200)
    shot.add_argument("--height", type=int, default=2000)
    shot.add_argument("--dark", action="store_true")
    shot.add_argument("--selector", help="only this element")
    shot.add_argument("--type", help="type this into the search box first")
    shot.add_argument("--scale", type=float, default=1)
    shot.add_argument("--print", action="store_true", help="emulate print media")
    args = parser.parse_args()
    return {"search": command_search, "eval": command_eval, "shot": command_shot}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
