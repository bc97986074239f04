#!/usr/bin/env bash
# Runs every test: native (core, components rendered to HTML), lints, the
# release build, end-to-end tests in headless Chromium against that build
# served as static files, and a short seeded fuzz run (scripts/fuzz.sh).
# Installs what is missing first (scripts/setup.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT

bash scripts/setup.sh

echo "== native tests (cargo test)"
# Library, binary and integration tests (the bench target is not a test).
cargo test --lib --bins --tests 2>&1 | tee "$log/cargo.txt"

echo "== WordPress plugin (php)"
php integrations/wordpress/tests/render_test.php 2>&1 | tee "$log/wordpress.txt"

echo "== lints (clippy, rustfmt)"
cargo clippy --all-targets --quiet -- -D warnings
cargo fmt --all -- --check

echo "== release build (trunk)"
bash scripts/build.sh

echo "== end-to-end tests (headless Chromium)"
(cd tests/e2e && node --test --test-concurrency=1 --test-reporter=spec specs/) 2>&1 | tee "$log/e2e.txt"

echo "== fuzz (short run: links, saved entries, catalogues, reader actions)"
bash scripts/fuzz.sh 2>&1 | tee "$log/fuzz.txt" || true

native_pass=$(grep -oE 'test result: ok\. [0-9]+ passed' "$log/cargo.txt" | awk '{s+=$4} END {print s+0}')
native_fail=$(grep -oE '[0-9]+ failed' "$log/cargo.txt" | awk '{s+=$1} END {print s+0}')
e2e_pass=$(grep -oE '^ℹ pass [0-9]+' "$log/e2e.txt" | awk '{print $3}' | tail -n1)
e2e_fail=$(grep -oE '^ℹ fail [0-9]+' "$log/e2e.txt" | awk '{print $3}' | tail -n1)
# A fuzz suite passes with no trap, no freeze over 1 s and no dead widget.
fuzz_pass=$(grep -cE '^  [a-z]+ .*: 0 traps, 0 freezes over 1 s, 0 dead;' "$log/fuzz.txt" || true)
fuzz_all=$(grep -cE '^  [a-z]+ .*: [0-9]+ traps, [0-9]+ freezes over 1 s, [0-9]+ dead;' "$log/fuzz.txt" || true)
fuzz_fail=$((fuzz_all - fuzz_pass))
[ "$fuzz_all" -gt 0 ] || fuzz_fail=1
wp_pass=$(grep -oE '^wordpress: [0-9]+ passed' "$log/wordpress.txt" | awk '{print $2}' | tail -n1)
wp_fail=$(grep -oE '^wordpress: [0-9]+ passed, [0-9]+ failed' "$log/wordpress.txt" | awk '{print $4}' | tail -n1)
echo "native: ${native_pass} passed, ${native_fail} failed; wordpress: ${wp_pass:-0} passed, ${wp_fail:-0} failed; end-to-end: ${e2e_pass:-0} passed, ${e2e_fail:-0} failed; fuzz suites: ${fuzz_pass} passed, ${fuzz_fail} failed"
failed=$((native_fail + ${wp_fail:-0} + ${e2e_fail:-0} + fuzz_fail))
echo "roamplan: $((native_pass + ${wp_pass:-0} + ${e2e_pass:-0} + fuzz_pass)) passed, ${failed} failed"
[ "$failed" -eq 0 ]
