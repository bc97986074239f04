#!/usr/bin/env bash
# Where the bytes and the milliseconds go (not part of scripts/bench.sh).
# Builds the widget's wasm with its function names kept (release profile,
# strip = false) in its own target dir, runs wasm-bindgen and wasm-opt -Oz -g
# as Trunk does, writes a page that loads it, and prints `twiggy top`.
# Then: node bench/profile.mjs "$out"   (CPU profile of a cold load and of
# recalculations, by Rust function name).
#
# Usage: bash bench/named-build.sh [out dir, default /tmp/roamplan-named]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-/tmp/roamplan-named}
cd "$root"
# shellcheck source=scripts/wasm-env.sh
source scripts/wasm-env.sh
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/tmp/bench-target}
CARGO_PROFILE_RELEASE_STRIP=false cargo build --release --target wasm32-unknown-unknown --bin roamplan >&2
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --keep-debug --out-dir "$out" "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/roamplan.wasm"
wasm-opt -Oz -g --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-reference-types --enable-multivalue \
  "$out/roamplan_bg.wasm" -o "$out/roamplan_bg.wasm"
cp assets/style.css "$out/style.css"
cat > "$out/index.html" <<'EOF'
<!doctype html><html lang=en><head><meta charset=utf-8><link rel=stylesheet href=style.css>
<script type=module>import init from './roamplan.js'; const wasm = await init({ module_or_path: './roamplan_bg.wasm' }); dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));</script>
</head><body><div id=roamplan></div></body></html>
EOF
twiggy=$(command -v twiggy || echo "$HOME/.cargo/bin/twiggy")
if [ -x "$twiggy" ]; then
  # The "function names" subsection is only here for twiggy: the shipped
  # build has none.
  "$twiggy" top -n 30 "$out/roamplan_bg.wasm" | cut -c1-220
else
  echo "twiggy not installed (cargo install twiggy): skipped" >&2
fi
# The same bytes added up by owner (our parts, yew, the engine...).
node bench/wasm-owners.mjs "$out/roamplan_bg.wasm" 40
echo "named build in $out; profile it with: node bench/profile.mjs $out" >&2
