#!/usr/bin/env bash
# Starts `briefing serve` on a copy of the sample project (seeds/, templates/,
# briefing.yml) on a free port and walks it in headless Chromium with
# scripts/browser_walk.py: index → article → claim → source, screenshots, then live
# reload and the error overlay. Exit status 0 when everything was seen.
#
# Environment: BRIEFING_BIN (default: build it), SCRATCH (a --scratch-path for that
# build), SCREENSHOTS (all of them; default .build-browser/screenshots, ignored by git),
# DOCS_SCREENSHOTS (also copy the two the README shows there, e.g. docs/screenshots),
# CHROMIUM (default: chromium).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
scratch=()
if [ -n "${SCRATCH:-}" ]; then scratch=(--scratch-path "$SCRATCH"); fi
if [ -z "${BRIEFING_BIN:-}" ]; then
    swift build --package-path "$repo" "${scratch[@]}" --product briefing >&2
    BRIEFING_BIN="$(swift build --package-path "$repo" "${scratch[@]}" --show-bin-path)/briefing"
fi
command -v "${CHROMIUM:-chromium}" >/dev/null || { echo "browser-walk: no chromium; apt-get install chromium" >&2; exit 1; }

work="$(mktemp -d)"
project="$work/project"
mkdir -p "$project"
for part in seeds templates briefing.yml; do
    if [ -e "$repo/$part" ]; then cp -R "$repo/$part" "$project/"; fi
done

"$BRIEFING_BIN" serve --project "$project" --port 0 >"$work/serve.out" 2>"$work/serve.err" &
server=$!
stop_server() {
    if kill -0 "$server" 2>/dev/null; then
        kill -INT "$server"
        wait "$server"
    fi
}
cleanup() {
    status=$?
    stop_server || true
    if [ "$status" -ne 0 ]; then
        echo "--- briefing serve stdout" >&2; cat "$work/serve.out" >&2
        echo "--- briefing serve stderr" >&2; cat "$work/serve.err" >&2
    fi
    rm -rf "$work"
}
trap cleanup EXIT

url=""
for _ in $(seq 1 300); do
    url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/serve.out" | head -n 1 || true)"
    [ -n "$url" ] && break
    kill -0 "$server" 2>/dev/null || { echo "browser-walk: briefing serve exited" >&2; exit 1; }
    sleep 0.1
done
[ -n "$url" ] || { echo "browser-walk: briefing serve did not start within 30 s" >&2; exit 1; }

docs=()
if [ -n "${DOCS_SCREENSHOTS:-}" ]; then docs=(--docs "$DOCS_SCREENSHOTS"); fi
python3 -u "$repo/scripts/browser_walk.py" --url "$url" --project "$project" \
    --out "${SCREENSHOTS:-$repo/.build-browser/screenshots}" "${docs[@]}" --chromium "${CHROMIUM:-chromium}"

kill -INT "$server"
status=0
wait "$server" || status=$?
[ "$status" -eq 0 ] || { echo "browser-walk: briefing serve exited with $status after Ctrl-C" >&2; exit 1; }
grep -q '^Stopped$' "$work/serve.out" || { echo "browser-walk: briefing serve did not report stopping" >&2; exit 1; }
echo "browser-walk: briefing serve stopped cleanly"
