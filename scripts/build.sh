#!/usr/bin/env bash
# Builds the release widget into dist/ (wasm-opt applied by Trunk), then the
# first-answer module (src/first: the same crate without the Yew widget,
# drawn while the widget's own module loads), then the page's loader.
# Usage: scripts/build.sh [extra trunk build args, e.g. --public-url /widget/
#        or --dist DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=scripts/wasm-env.sh
source scripts/wasm-env.sh
trunk build --release "$@"
dist=dist
while [ $# -gt 0 ]; do
  if [ "$1" = "--dist" ] && [ $# -gt 1 ]; then dist=$2; fi
  shift
done

target=${CARGO_TARGET_DIR:-target}
first="$target/first-answer"
cargo build --quiet --release --target wasm32-unknown-unknown \
  --no-default-features --features first-answer --bin roamplan-first
rm -rf "$first" && mkdir -p "$first"
wasm-bindgen --target web --no-typescript --out-dir "$first" \
  "$target/wasm32-unknown-unknown/release/roamplan-first.wasm"
# The same wasm-opt settings as Trunk applies to the widget (index.html).
params=$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)
read -r -a opt_params <<<"$params"
wasm-opt -Oz "${opt_params[@]}" "$first/roamplan-first_bg.wasm" -o "$first/roamplan-first_bg.wasm"

node scripts/postbuild.mjs "$dist" "$first"
