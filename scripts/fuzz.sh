#!/usr/bin/env bash
# Runs one libFuzzer target of Fuzz/ for a bounded time.
#
#   scripts/fuzz.sh TARGET [SECONDS] [-- extra libFuzzer flags]
#   TARGET: decode | frontmatter | sidecar | extract | markdown | all
#
# BriefingCore (with Yams and Mustache) is built with -sanitize=fuzzer,address into
# .build-fuzz/ (debug, so `@testable import` sees the internal parsers); the target is
# linked against those objects and libcmark. Inputs: Fuzz/corpus/TARGET (committed) and
# .build-fuzz/corpus/TARGET (what the runs found). A crash lands in .build-fuzz/crashes/
# and the script exits non-zero. The last lines of each run go to .build-fuzz/TARGET.log.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: scripts/fuzz.sh TARGET [SECONDS] [-- libFuzzer flags]}
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
[ "${1:-}" = "--" ] && shift
extra=("$@")

targets=(decode frontmatter sidecar extract markdown)
if [ "$target" = all ]; then
  status=0
  for t in "${targets[@]}"; do "$0" "$t" "$seconds" -- "${extra[@]}" || status=1; done
  exit $status
fi
[ -f "Fuzz/$target.swift" ] || { echo "no target Fuzz/$target.swift; one of: ${targets[*]}" >&2; exit 64; }

scratch=.build-fuzz
sanitize=(-Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address)
echo "== building BriefingCore with -sanitize=fuzzer,address into $scratch"
mkdir -p "$scratch"
swift build --scratch-path "$scratch" --target BriefingCore "${sanitize[@]}" > "$scratch/build.log" 2>&1 \
  || { grep -E "error" "$scratch/build.log" >&2; echo "build failed: $scratch/build.log" >&2; exit 1; }
tail -1 "$scratch/build.log"

debug="$scratch/debug"
objects=()
for module in BriefingCore Yams CYaml Mustache; do
  while IFS= read -r -d '' object; do objects+=("$object"); done < <(find "$debug/$module.build" -name '*.o' -print0)
done
binary="$scratch/fuzz-$target"
echo "== linking $binary"
swiftc -sanitize=fuzzer,address -parse-as-library -g -Onone \
  -module-name "Fuzz_$target" \
  -I "$debug/Modules" -I Sources/CCmark -I Sources/CSystemShims \
  -Xcc -fmodule-map-file="$(find "$debug/CYaml.build" "$scratch/checkouts/Yams" -name module.modulemap | head -1)" \
  Fuzz/FuzzSupport.swift "Fuzz/$target.swift" "${objects[@]}" -lcmark -o "$binary" > "$scratch/link-$target.log" 2>&1 \
  || { grep -v "Cannot export local symbol" "$scratch/link-$target.log" >&2; exit 1; }

mkdir -p "$scratch/corpus/$target" "$scratch/crashes"
echo "== fuzzing $target for $seconds s"
set +e
"$binary" "$scratch/corpus/$target" "Fuzz/corpus/$target" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=3072 -max_len=65536 \
  -artifact_prefix="$scratch/crashes/$target-" -print_final_stats=1 "${extra[@]}" \
  > "$scratch/$target.log" 2>&1
status=$?
set -e
grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)" "$scratch/$target.log" | tail -8
echo "== $target: exit $status, corpus $(ls "$scratch/corpus/$target" | wc -l) inputs"
exit $status
