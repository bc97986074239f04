#!/usr/bin/env bash
# Sets up (if needed), builds the release widget and serves dist/ as static
# files on 127.0.0.1, as a blog's web host would.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
port=${PORT:-8080}
bash scripts/setup.sh
bash scripts/build.sh
exec node tests/e2e/serve.js dist "$port"
