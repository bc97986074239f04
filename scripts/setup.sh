#!/usr/bin/env bash
# Installs what roamplan needs to build and test on a fresh Debian 12 machine,
# and skips whatever is already there (a warm machine spends seconds).
#
# The recipe and its pinned versions come from shared/toolchain.md: there is no
# internet beyond the package registries, so the wasm target comes either from
# rustup (if it was added) or from Debian's rustc-web with std built from source.
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132

root=$(cd "$(dirname "$0")/.." && pwd)
log() { printf '[setup] %s\n' "$*"; }

apt_updated=0
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ $apt_updated -eq 0 ]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# 1. A compiler that can target wasm32-unknown-unknown.
rustup_wasm_libdir=$(rustc --print target-libdir --target wasm32-unknown-unknown 2>/dev/null || true)
if [ -n "$rustup_wasm_libdir" ] && [ -d "$rustup_wasm_libdir" ]; then
  log "wasm32 target: rustup's ($rustup_wasm_libdir)"
else
  apt_install rustc-web cargo-web rust-web-src rust-web-llvm lld-22
  log "wasm32 target: Debian rustc-web with std built from source"
  # Trunk builds offline: fetch std's own dependencies once, while the
  # registry can be asked.
  RUSTC_BOOTSTRAP=1 cargo fetch --quiet --manifest-path /usr/lib/rustlib/src/rust/library/Cargo.toml
fi
cargo fetch --quiet --manifest-path "$root/Cargo.toml"

# 2. Build tools, each pinned to the version the project is tested with.
has_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q "$2"; }

if ! has_version trunk "$TRUNK_VERSION"; then
  log "cargo install trunk $TRUNK_VERSION (about 6 minutes)"
  cargo install trunk --locked --version "$TRUNK_VERSION" --quiet
fi
if ! has_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  # Not --locked: its lock file pins a crate version the registry mirror lacks.
  log "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --quiet
fi
if ! has_version wasm-opt "version $BINARYEN_VERSION"; then
  log "npm install -g binaryen@$BINARYEN_VERSION"
  npm install -g --silent "binaryen@$BINARYEN_VERSION" >/dev/null
fi

# 3. A real browser and the driver library for end-to-end tests.
apt_install chromium fonts-noto-cjk
if [ ! -d "$root/tests/e2e/node_modules/playwright-core" ] || [ ! -d "$root/tests/e2e/node_modules/axe-core" ]; then
  log "npm ci in tests/e2e"
  (cd "$root/tests/e2e" && npm ci --silent --no-audit --no-fund >/dev/null)
fi

# 4. PHP for the WordPress plugin's test (integrations/wordpress/tests).
apt_install php-cli

log "ready"
