#!/usr/bin/env bash
# roamplan's fuzz suites (links, saved entries, catalogues, reader actions)
# against the release build in headless Chromium; reports traps, freezes over
# 1 s and a dead widget, with totals and the seed. tests/e2e/fuzz/run.mjs says more.
#   bash scripts/fuzz.sh                  short run, seed 1 (part of scripts/test.sh)
#   bash scripts/fuzz.sh --long           >= 500 links, 300 catalogues, 2,000 actions; new seed
#   bash scripts/fuzz.sh --seed N [--long] [--only url,storage,catalogue,ui] [--with-parser-limits]
# Builds the release first when dist/ has none.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -f dist/index.html ] || bash scripts/build.sh
cd tests/e2e
exec node fuzz/run.mjs "$@"
