#!/usr/bin/env bash
# Load test of `briefing serve` on loopback, bounded in time, stopping by itself:
#  1. a project (the sample plus generated seeds) served on a free 127.0.0.1 port;
#  2. wrk (Debian package `wrk`) for LOAD_SECONDS over index, article, claim and source
#     pages while a loop edits seeds every EDIT_INTERVAL s (each edit a rebuild and swap);
#     a Lua check counts responses that are not 200 or not a whole page (no `</html>`);
#  3. scripts/malformed-requests.py: huge headers, bad methods, garbage, slowloris;
#  4. the server's RSS before, after the load, and after the malformed requests.
# Exits non-zero on a failed request, a partial page, a dead server or RSS growing past
# RSS_GROWTH_LIMIT_MB.
#
#   scripts/load-test.sh            # BRIEFING_BIN defaults to .build/release/briefing
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
bin=${BRIEFING_BIN:-$repo/.build/release/briefing}
seconds=${LOAD_SECONDS:-20}
connections=${LOAD_CONNECTIONS:-16}
threads=${LOAD_THREADS:-2}
edit_interval=${EDIT_INTERVAL:-0.5}
growth_limit=${RSS_GROWTH_LIMIT_MB:-64}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
[ -x "$bin" ] || { echo "no briefing binary at $bin: swift build -c release (or set BRIEFING_BIN)" >&2; exit 2; }

work=$(mktemp -d /tmp/briefing-load.XXXXXX)
server_pid=
editor_pid=
cleanup() {
  [ -n "$editor_pid" ] && kill "$editor_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The project: the sample, and 40 generated articles so that a rebuild takes a moment.
cp -r seeds templates "$work/"
[ -f briefing.yml ] && cp briefing.yml "$work/"
for i in $(seq 1 40); do
  cat > "$work/seeds/load-$i.md" <<EOF
---
title: Load article $i
date: 2025-10-$(( 10 + i % 19 ))
---
Minister $i said the bridge $i would open in May, officials said on Tuesday.

"We will not wait," the mayor of town $i said, according to a statement.

A senior official, who spoke on condition of anonymity, denied the report.
EOF
done

rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$1/status" 2>/dev/null || echo 0; }

echo "== starting briefing serve in $work"
"$bin" serve --project "$work" --port 0 > "$work/serve.log" 2>&1 &
server_pid=$!
port=
for _ in $(seq 1 300); do
  port=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$work/serve.log" | head -1 | sed 's/.*://') || true
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log"; echo "server died" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { cat "$work/serve.log"; echo "server did not listen" >&2; exit 1; }
base="http://127.0.0.1:$port"
article=$(cd "$work/site" && ls articles/*.html | grep -v index | head -1)
claim=$(cd "$work/site" && ls claims/*.html | grep -v -e index -e status | head -1)
source=$(cd "$work/site" && ls sources/*.html | grep -v index | head -1)
echo "   listening on $base; pages: /, /$article, /$claim, /$source"

# Warm up, then the baseline memory.
for _ in $(seq 1 200); do curl -fsS -o /dev/null "$base/" ; done
rss_before=$(rss "$server_pid")

cat > "$work/check.lua" <<EOF
local paths = {"/", "/$article", "/$claim", "/$source", "/claims/index.html", "/sources/index.html"}
local counter = 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) bad_status = 0; partial = 0; checked = 0 end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
function response(status, headers, body)
  checked = checked + 1
  if status ~= 200 then bad_status = bad_status + 1
  elseif not string.find(body, "</html>", 1, true) then partial = partial + 1 end
end
function done(summary, latency, requests)
  local b, p, c = 0, 0, 0
  for _, t in ipairs(threads) do b = b + t:get("bad_status"); p = p + t:get("partial"); c = c + t:get("checked") end
  io.write(string.format("CHECK responses=%d non200=%d partial=%d\n", c, b, p))
  io.write(string.format("LATENCY p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
EOF

# Edit seeds while the load runs: each write a rebuild, each rebuild an atomic swap.
(
  n=0
  end=$(( $(date +%s) + seconds ))
  while [ "$(date +%s)" -lt "$end" ]; do
    n=$((n + 1))
    i=$(( n % 40 + 1 ))
    printf '\nEdit %d: the minister said the bridge would open in June, officials said.\n' "$n" >> "$work/seeds/load-$i.md"
    sleep "$edit_interval"
  done
  echo "$n" > "$work/edits"
) &
editor_pid=$!

echo "== wrk: $threads threads, $connections connections, ${seconds} s, seeds edited every ${edit_interval} s"
wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 5s --latency -s "$work/check.lua" "$base" | tee "$work/wrk.txt"
wait "$editor_pid" || true
editor_pid=
sleep 2  # let the last rebuild finish
rss_after_load=$(rss "$server_pid")
rebuilds=$(grep -ciE 'rebuilt|built ' "$work/serve.log" || true)

echo "== malformed requests"
python3 scripts/malformed-requests.py 127.0.0.1 "$port" | tee "$work/malformed.txt"
malformed=${PIPESTATUS[0]}
rss_after_malformed=$(rss "$server_pid")

alive=yes
kill -0 "$server_pid" 2>/dev/null && curl -fsS -o /dev/null "$base/" || alive=no

requests=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
socket_errors=$(grep -oE 'Socket errors: .*' "$work/wrk.txt" || echo "Socket errors: none")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt")
check=$(grep '^CHECK' "$work/wrk.txt")
latency=$(grep '^LATENCY' "$work/wrk.txt")
rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
echo
echo "== summary"
echo "requests: ${requests:-0} in ${seconds} s (${rps:-0}/s), ${socket_errors}, non-2xx: ${non2xx:-0}"
echo "${check}"
echo "${latency}"
echo "seed edits: $(cat "$work/edits" 2>/dev/null || echo 0), build lines in the server log: ${rebuilds}"
echo "RSS: before ${rss_before} MB, after load ${rss_after_load} MB, after malformed ${rss_after_malformed} MB"
echo "server alive after everything: ${alive}; malformed-requests exit ${malformed}"

status=0
[[ "$check" =~ non200=0\ partial=0 ]] || { echo "FAIL: failed or partial responses" >&2; status=1; }
[ -z "${non2xx:-}" ] || { echo "FAIL: non-2xx responses" >&2; status=1; }
[ "$socket_errors" = "Socket errors: none" ] || { echo "FAIL: socket errors" >&2; status=1; }
[ "$alive" = yes ] || { echo "FAIL: the server is down" >&2; status=1; }
[ "$malformed" = 0 ] || { echo "FAIL: malformed requests" >&2; status=1; }
[ $(( rss_after_malformed - rss_before )) -le "$growth_limit" ] || { echo "FAIL: RSS grew by more than ${growth_limit} MB" >&2; status=1; }
exit $status
