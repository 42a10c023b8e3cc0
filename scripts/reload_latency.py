#!/usr/bin/env python3
"""Time from saving a seed to the reload event of `briefing serve`, on a copy of the
sample project (seeds/, templates/, briefing.yml of this repository).

    scripts/reload_latency.py --bin .build/release/briefing --runs 9

Each run saves the first seed the way editors do (a temporary file renamed over it),
alternating two versions, and waits for `event: reload` on /__briefing/events. Prints
every run and the median. Standard library only.
"""

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", default=os.path.join(REPO, ".build", "debug", "briefing"))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--poll", action="store_true", help="pass --poll to briefing serve")
    arguments = parser.parse_args()

    work = tempfile.mkdtemp(prefix="briefing-latency-")
    project = os.path.join(work, "project")
    os.makedirs(project)
    for part in ("seeds", "templates", "briefing.yml"):
        source = os.path.join(REPO, part)
        if os.path.isdir(source):
            shutil.copytree(source, os.path.join(project, part))
        elif os.path.exists(source):
            shutil.copy(source, project)
    command = [arguments.bin, "serve", "--project", project, "--port", "0"] + (["--poll"] if arguments.poll else [])
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        while line and "Serving" not in line:
            line = server.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            print("briefing serve did not start: " + server.stderr.read(), file=sys.stderr)
            return 1
        port = int(match.group(1))
        events = socket.create_connection(("127.0.0.1", port), timeout=10)
        events.sendall(b"GET /__briefing/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        buffer = b""

        def wait_for(name):
            nonlocal buffer
            marker = b"event: " + name.encode() + b"\n"
            while marker not in buffer:
                chunk = events.recv(65536)
                if not chunk:
                    raise RuntimeError("event stream closed")
                buffer += chunk
            buffer = buffer.split(marker, 1)[1]

        wait_for("hello")
        seeds = os.path.join(project, "seeds")
        seed = os.path.join(seeds, sorted(n for n in os.listdir(seeds) if n.endswith((".txt", ".md")))[0])
        original = open(seed, encoding="utf-8").read()
        times = []
        for run in range(arguments.runs):
            text = original if run % 2 else original + "\n"
            temporary = os.path.join(seeds, ".latency.swp")
            with open(temporary, "w", encoding="utf-8") as file:
                file.write(text)
            started = time.monotonic()
            os.replace(temporary, seed)
            wait_for("reload")
            times.append(time.monotonic() - started)
            print(f"run {run + 1}: {times[-1] * 1000:.0f} ms")
            time.sleep(0.3)
        print(f"median of {len(times)}: {statistics.median(times) * 1000:.0f} ms "
              f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})")
        return 0
    finally:
        server.send_signal(2)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
