#!/usr/bin/env python3
"""Walks a running `briefing serve` in headless Chromium, as a reader would.

Loads the index, opens an article, follows a claim link (`a.claim` in the article body)
to its claim page and a source link from there, taking a screenshot of each. Then checks
live reload in the browser: a seed edit reloads the open page by itself, a broken sidecar
shows the error overlay, the fix removes it.

Standard library only: Chromium is driven over the DevTools protocol through a small
WebSocket client below. Run through scripts/browser-walk.sh, which starts the server.

    browser_walk.py --url http://127.0.0.1:PORT/ --project DIR [--out DIR] [--docs docs/screenshots]
"""

import argparse
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

TIMEOUT = 15.0


class WebSocket:
    """Just enough RFC 6455 for the DevTools protocol: masked text frames out,
    (possibly fragmented) text frames in, pings answered."""

    def __init__(self, url):
        parts = urllib.parse.urlsplit(url)
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=TIMEOUT)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (
            f"GET {parts.path} HTTP/1.1\r\nHost: {parts.hostname}:{parts.port}\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        self.sock.sendall(request.encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise RuntimeError("DevTools closed the WebSocket handshake")
            response += chunk
        head, self.buffer = response.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError(f"WebSocket handshake failed: {head[:200]!r}")

    def _read(self, count):
        while len(self.buffer) < count:
            chunk = self.sock.recv(1 << 16)
            if not chunk:
                raise RuntimeError("DevTools closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def _send_frame(self, opcode, payload):
        header = bytes([0x80 | opcode])
        length = len(payload)
        if length < 126:
            header += bytes([0x80 | length])
        elif length < 1 << 16:
            header += bytes([0x80 | 126]) + length.to_bytes(2, "big")
        else:
            header += bytes([0x80 | 127]) + length.to_bytes(8, "big")
        mask = os.urandom(4)
        masked = bytes(byte ^ mask[index % 4] for index, byte in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    def send(self, text):
        self._send_frame(0x1, text.encode())

    def receive(self):
        message = b""
        while True:
            first, second = self._read(2)
            opcode, length = first & 0x0F, second & 0x7F
            if length == 126:
                length = int.from_bytes(self._read(2), "big")
            elif length == 127:
                length = int.from_bytes(self._read(8), "big")
            mask = self._read(4) if second & 0x80 else None
            payload = self._read(length)
            if mask:
                payload = bytes(byte ^ mask[index % 4] for index, byte in enumerate(payload))
            if opcode == 0x9:  # ping
                self._send_frame(0xA, payload)
                continue
            if opcode == 0x8:
                raise RuntimeError("DevTools closed the WebSocket")
            message += payload
            if first & 0x80:
                return message.decode()


class Browser:
    """One Chromium page, driven over the DevTools protocol."""

    def __init__(self, chromium, width, height):
        self.profile = tempfile.mkdtemp(prefix="briefing-chromium-")
        arguments = [
            chromium, "--headless=new", "--remote-debugging-port=0", f"--user-data-dir={self.profile}",
            "--no-first-run", "--no-default-browser-check", "--disable-gpu", "--disable-extensions",
            "--hide-scrollbars", "--mute-audio", f"--window-size={width},{height}", "about:blank",
        ]
        if os.geteuid() == 0:
            arguments.insert(1, "--no-sandbox")  # Chromium refuses to run as root otherwise
        self.process = subprocess.Popen(arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.monotonic() + 30
        while not (os.path.exists(port_file) and open(port_file).read().strip()):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("Chromium did not start its DevTools server")
            time.sleep(0.05)
        port = int(open(port_file).read().split()[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=TIMEOUT) as response:
            pages = [target for target in json.load(response) if target["type"] == "page"]
        self.socket = WebSocket(pages[0]["webSocketDebuggerUrl"])
        self.next_id = 0
        self.events = []
        self.call("Page.enable")
        self.call("Runtime.enable")
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)

    def call(self, method, **params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.receive())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, what, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                value = self.evaluate(expression)
                if value:
                    return value
            except RuntimeError:
                pass  # the page is between two documents
            time.sleep(0.05)
        raise RuntimeError(f"timed out waiting for {what}; page is {self.evaluate('location.href')}")

    def open(self, url):
        self.call("Page.navigate", url=url)
        self.wait_for("document.readyState === 'complete' && location.href === " + json.dumps(url), f"{url} to load")

    def click(self, selector_script, what):
        """Clicks the element `selector_script` evaluates to, and waits for the next page."""
        href = self.wait_for(f"(() => {{ const a = {selector_script}; return a && a.href; }})()", what)
        self.evaluate(f"window.__briefingWalk = true; ({selector_script}).click()")
        target = href.split("#")[0]
        self.wait_for(
            f"!window.__briefingWalk && document.readyState === 'complete' && location.href.split('#')[0] === {json.dumps(target)}",
            f"{target} to load after clicking {what}")
        return href

    def screenshot(self, path):
        time.sleep(0.2)  # let fonts and layout settle
        data = self.call("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))
        print(f"  screenshot {path}")

    def close(self):
        try:
            self.call("Browser.close")
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


# The article, claim and source links, found the way a reader would see them.
FIRST_ARTICLE = """[...document.querySelectorAll('main a[href]')].find(a =>
    /\\/articles\\/[^/]+\\.html$/.test(a.pathname) && !a.pathname.endsWith('/index.html') && !a.hash)"""
FIRST_CLAIM = "document.querySelector('.article-body a.claim')"
FIRST_SOURCE = """[...document.querySelectorAll('main a[href]')].find(a =>
    /\\/sources\\/[^/]+\\.html$/.test(a.pathname) && !a.pathname.endsWith('/index.html'))"""


README_SCREENSHOTS = ("article.png", "error-overlay.png")


def check(condition, message):
    if not condition:
        raise RuntimeError(message)


def walk(browser, base, project, out):
    os.makedirs(out, exist_ok=True)
    print(f"walking {base}")
    browser.open(base)
    check(browser.evaluate("!!document.querySelector('script[src=\"/__briefing/live.js\"]')"), "no live reload script on the index")
    browser.wait_for("window.briefingLive && window.briefingLive.state === 'ready'", "the live reload script to connect")
    browser.screenshot(os.path.join(out, "index.png"))

    article = browser.click(FIRST_ARTICLE, "an article link on the index")
    print(f"  article {article}")
    check(browser.evaluate("document.querySelectorAll('.article-body a.claim').length") > 0, "the article has no claim links")
    browser.screenshot(os.path.join(out, "article.png"))

    claim = browser.click(FIRST_CLAIM, "the first claim link in the article body")
    print(f"  claim {claim}")
    check("/claims/" in claim, f"the claim link went to {claim}")
    browser.screenshot(os.path.join(out, "claim.png"))

    source = browser.click(FIRST_SOURCE, "a source link on the claim page")
    print(f"  source {source}")
    check("/sources/" in source, f"the source link went to {source}")
    browser.screenshot(os.path.join(out, "source.png"))

    # Live reload, seen from the page: an edit reloads it without us navigating.
    browser.open(article.split("#")[0])
    browser.wait_for("window.briefingLive && window.briefingLive.state === 'ready'", "the page to hear from the server")
    seeds = os.path.join(project, "seeds")
    seed = sorted(name for name in os.listdir(seeds) if name.endswith((".txt", ".md")))[0]
    seed_path = os.path.join(seeds, seed)
    original = open(seed_path, encoding="utf-8").read()
    marker = "Live reload check"
    edited = original.replace("\n", f" ({marker})\n", 1) if seed.endswith(".txt") else original.replace("title: ", f"title: {marker} ", 1)
    browser.evaluate("window.__notReloaded = true")
    started = time.monotonic()
    write_like_an_editor(seed_path, edited)
    browser.wait_for(f"!window.__notReloaded && document.readyState === 'complete' && document.querySelector('h1').textContent.includes({json.dumps(marker)})",
                     "the page to reload itself with the edited title")
    print(f"  live reload: the page showed the edit {time.monotonic() - started:.2f} s after the save")
    write_like_an_editor(seed_path, original)
    browser.wait_for(f"document.readyState === 'complete' && window.briefingLive && window.briefingLive.state === 'ready' && !document.querySelector('h1').textContent.includes({json.dumps(marker)})",
                     "the page to reload itself with the title restored")

    sidecar = os.path.join(seeds, seed.rsplit(".", 1)[0] + ".claims.yml")
    saved_sidecar = open(sidecar, encoding="utf-8").read() if os.path.exists(sidecar) else None
    write_like_an_editor(sidecar, "claims:\n  - id: [\n")
    overlay = browser.wait_for("(() => { const o = document.getElementById('briefing-error-overlay'); return o && getComputedStyle(o).display !== 'none' && o.textContent; })()",
                               "the error overlay")
    check(": error: " in overlay and ".claims.yml:" in overlay, f"the overlay does not show the path:line:column error: {overlay!r}")
    print("  error overlay: " + browser.evaluate("document.querySelector('#briefing-error-overlay pre').textContent"))
    browser.screenshot(os.path.join(out, "error-overlay.png"))

    browser.evaluate("window.__notReloaded = true")
    if saved_sidecar is None:
        os.remove(sidecar)
    else:
        write_like_an_editor(sidecar, saved_sidecar)
    browser.wait_for("!window.__notReloaded && document.readyState === 'complete' && window.briefingLive && window.briefingLive.state === 'ready' && !document.getElementById('briefing-error-overlay')",
                     "the fixed page to reload without the overlay")
    print("  fixed: the overlay is gone")


def write_like_an_editor(path, text):
    """Writes a temporary file and renames it over `path`, as most editors save."""
    temporary = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".swp")
    with open(temporary, "w", encoding="utf-8") as file:
        file.write(text)
    os.replace(temporary, path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="the server's base URL")
    parser.add_argument("--project", required=True, help="the project the server watches (a seed is edited)")
    parser.add_argument("--out", default=".build-browser/screenshots", help="folder for all the screenshots")
    parser.add_argument("--docs", help="also copy the two the README shows here (serve-article.png, serve-error-overlay.png)")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--size", default="1280x860", help="viewport WIDTHxHEIGHT")
    arguments = parser.parse_args()
    width, height = (int(value) for value in arguments.size.split("x"))
    browser = Browser(arguments.chromium, width, height)
    try:
        walk(browser, arguments.url, arguments.project, arguments.out)
    except RuntimeError as error:
        print(f"browser walk failed: {error}", file=sys.stderr)
        return 1
    finally:
        browser.close()
    if arguments.docs:
        os.makedirs(arguments.docs, exist_ok=True)
        for name in README_SCREENSHOTS:
            shutil.copy(os.path.join(arguments.out, name), os.path.join(arguments.docs, "serve-" + name))
            print(f"  copied {name} to {arguments.docs}/serve-{name}")
    print("browser walk passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
