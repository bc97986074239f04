#!/usr/bin/env bash
# Measures the widget (issue 7): the engine natively, the transfer size of the
# release build (the shipped opt-level and the other of "z"/"s"), the time to
# the first answer, the recalculation latency and the wasm memory in headless
# Chromium. Prints one table on stdout (build output goes to stderr) and
# writes bench/results/bench.json. Not part of scripts/test.sh: it asserts
# nothing, it reports OK/MISSED against the budgets.
#
# Usage: bash scripts/bench.sh
#   BENCH_LOADS=12 BENCH_CHANGES=100   cold loads / recalculations (defaults)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
started=$(date +%s)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
results=bench/results
mkdir -p "$results"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bash scripts/setup.sh >&2

echo "== engine, natively (cargo bench --bench engine)" >&2
cargo bench --bench engine >&2

# The opt-level that ships is the release profile's; the other of z/s is built
# for comparison into its own target dir and dist, leaving target/ and dist/
# as they are.
shipped_level=$(awk '/^\[profile\.release\]/{p=1;next} /^\[/{p=0} p && /^opt-level/{gsub(/[" ]/,"",$0); split($0,a,"="); print a[2]}' Cargo.toml)
shipped_level=${shipped_level:-3}
other_level=$([ "$shipped_level" = "s" ] && echo z || echo s)

echo "== release build, opt-level \"$shipped_level\" (scripts/build.sh -> dist/)" >&2
bash scripts/build.sh >&2
cp -a dist "$work/dist-$shipped_level"

echo "== comparison build, opt-level \"$other_level\" (target/bench-opt-$other_level)" >&2
(
  export CARGO_PROFILE_RELEASE_OPT_LEVEL="$other_level"
  export CARGO_TARGET_DIR="$root/target/bench-opt-$other_level"
  bash scripts/build.sh --dist "$work/dist-$other_level"
) >&2

echo "== headless Chromium (cold loads, recalculation, memory)" >&2
node bench/browser.mjs --dist "$work/dist-$shipped_level" --generated "$results/generated-1000.json" \
  --loads "${BENCH_LOADS:-12}" --changes "${BENCH_CHANGES:-100}" --out "$results/browser.json"

node bench/report.mjs --results "$results" \
  --shipped-dist "$work/dist-$shipped_level" --shipped-level "$shipped_level" \
  --other-dist "$work/dist-$other_level" --other-level "$other_level" \
  --seconds "$(($(date +%s) - started))" --load-before "$load_before"
