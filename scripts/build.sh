#!/usr/bin/env bash
# Builds the release widget into dist/ (wasm-opt applied by Trunk).
# Usage: scripts/build.sh [extra trunk build args, e.g. --public-url /widget/]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=scripts/wasm-env.sh
source scripts/wasm-env.sh
trunk build --release "$@"
node scripts/postbuild.mjs dist
