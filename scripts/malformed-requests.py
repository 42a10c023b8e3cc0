#!/usr/bin/env python3
"""Malformed and hostile HTTP requests against a `briefing serve` on loopback.

    scripts/malformed-requests.py HOST PORT

Each case sends raw bytes on its own connection and reads what comes back (bounded in
time and size); after each, a normal GET / must still answer 200. A slowloris phase
holds SLOW_CONNECTIONS half-sent requests open for SLOW_SECONDS while normal requests go
on, then checks they were still served in time. Only loopback addresses are accepted.
Prints one line per case and exits 1 if the server stopped answering, answered a
traversal with a file from outside the site, or a normal request failed.
"""
import ipaddress
import os
import socket
import sys
import time

HOST, PORT = sys.argv[1], int(sys.argv[2])
if not ipaddress.ip_address(HOST).is_loopback:
    sys.exit("only loopback addresses")
SLOW_CONNECTIONS = int(os.environ.get("SLOW_CONNECTIONS", "200"))
SLOW_SECONDS = float(os.environ.get("SLOW_SECONDS", "8"))


def exchange(payload: bytes, timeout: float = 5.0, limit: int = 1 << 20) -> bytes:
    """Sends `payload`, half-closes, returns what the server answered (maybe nothing)."""
    with socket.create_connection((HOST, PORT), timeout=timeout) as conn:
        try:
            conn.sendall(payload)
            conn.shutdown(socket.SHUT_WR)
        except OSError:
            pass  # the server may close while we still send: that is an answer too
        data = b""
        deadline = time.time() + timeout
        while len(data) < limit and time.time() < deadline:
            try:
                chunk = conn.recv(65536)
            except (socket.timeout, ConnectionResetError):
                break
            if not chunk:
                break
            data += chunk
        return data


def status(response: bytes) -> str:
    line = response.split(b"\r\n", 1)[0].decode("latin-1")
    return line if line else "(closed without an answer)"


def healthy() -> tuple[bool, float]:
    start = time.time()
    try:
        response = exchange(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", timeout=5)
        return response.startswith(b"HTTP/1.1 200"), time.time() - start
    except OSError:
        return False, time.time() - start


huge = b"a" * (1 << 20)
cases = [
    ("huge header value (1 MiB)", b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + huge + b"\r\n\r\n"),
    ("10,000 headers", b"GET / HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-%d: y\r\n" % i for i in range(10000)) + b"\r\n"),
    ("huge URI (1 MiB)", b"GET /" + huge + b" HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("huge header name", b"GET / HTTP/1.1\r\n" + huge[:100000] + b": y\r\n\r\n"),
    ("unknown method", b"BREW / HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("POST with a body", b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"),
    ("DELETE", b"DELETE /index.html HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("lowercase method", b"get / HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("no path", b"GET\r\n\r\n"),
    ("HTTP/0.9", b"GET /\r\n"),
    ("HTTP/9.9", b"GET / HTTP/9.9\r\nHost: x\r\n\r\n"),
    ("garbage bytes", os.urandom(4096)),
    ("NUL in the path", b"GET /index.html\x00.txt HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("bare LF line ends", b"GET / HTTP/1.1\nHost: x\n\n"),
    ("header without colon", b"GET / HTTP/1.1\r\nHost x\r\n\r\n"),
    ("negative content length", b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"),
    ("huge content length", b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n"),
    ("chunked garbage", b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzzzz\r\n"),
    ("request smuggling CL+TE", b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /x HTTP/1.1\r\n\r\n"),
    ("100 pipelined GETs", b"GET / HTTP/1.1\r\nHost: x\r\n\r\n" * 100),
    ("traversal ..", b"GET /../../../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("traversal %2e%2e", b"GET /%2e%2e/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("traversal %2f", b"GET /..%2f..%2f..%2fetc%2fpasswd HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("traversal backslash", b"GET /..\\..\\..\\etc\\passwd HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("traversal overlong UTF-8", b"GET /%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("absolute-form URI", b"GET http://evil.example/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("double-slash redirect", b"GET //evil.example/articles HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("hidden staging folder", b"GET /.site.building-1/index.html HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("invalid percent encoding", b"GET /%zz%2 HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("Range header", b"GET / HTTP/1.1\r\nHost: x\r\nRange: bytes=0-1,1-2,2-3,0-99999999999\r\n\r\n"),
    ("If-None-Match storm", b"GET / HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + b",".join([b'"x"'] * 20000) + b"\r\n\r\n"),
    ("event stream opened and dropped", b"GET /__briefing/events HTTP/1.1\r\nHost: x\r\n\r\n"),
]

failures = 0
for name, payload in cases:
    started = time.time()
    try:
        answer = exchange(payload, timeout=3 if "event stream" in name else 5)
        outcome = status(answer)
    except OSError as error:
        answer, outcome = b"", f"(connection error: {error.__class__.__name__})"
    took = time.time() - started
    leaked = b"root:x:0:0" in answer
    ok, _ = healthy()
    verdict = "ok" if ok and not leaked else "FAIL"
    if verdict == "FAIL":
        failures += 1
    print(f"{verdict:4} {name:34} -> {outcome[:60]:60} {took:5.2f} s{'  LEAKED /etc/passwd' if leaked else ''}")

# Slowloris: many connections each holding a request line and a header, never finished.
print(f"slowloris: opening {SLOW_CONNECTIONS} half-sent requests for {SLOW_SECONDS:.0f} s")
slow = []
for _ in range(SLOW_CONNECTIONS):
    try:
        conn = socket.create_connection((HOST, PORT), timeout=2)
        conn.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        slow.append(conn)
    except OSError:
        break
worst = 0.0
served = 0
deadline = time.time() + SLOW_SECONDS
while time.time() < deadline:
    for conn in slow[: len(slow) // 4]:
        try:
            conn.sendall(b"X-Slow: 1\r\n")  # a trickle, to defeat idle timeouts
        except OSError:
            pass
    ok, took = healthy()
    served += ok
    worst = max(worst, took)
    if not ok:
        failures += 1
        print(f"FAIL normal request during slowloris ({took:.2f} s)")
    time.sleep(0.5)
closed = 0
for conn in slow:
    try:
        conn.settimeout(0.01)
        if conn.recv(1) == b"":
            closed += 1
    except (socket.timeout, BlockingIOError):
        pass
    except OSError:
        closed += 1
    conn.close()
print(f"slowloris: {len(slow)} held, {closed} closed by the server; normal requests served {served}, worst {worst:.2f} s")

ok, took = healthy()
print(f"after all: GET / {'200' if ok else 'FAILED'} in {took:.2f} s")
if not ok:
    failures += 1
sys.exit(1 if failures else 0)
