# Sourced before wasm builds: picks the compiler that can target wasm32.
# rustup's toolchain when its wasm32 target is installed; otherwise Debian's
# rustc-web, building std from its shipped sources (shared/toolchain.md).
libdir=$(rustc --print target-libdir --target wasm32-unknown-unknown 2>/dev/null || true)
if [ -z "$libdir" ] || [ ! -d "$libdir" ]; then
  export RUSTC=/usr/bin/rustc
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  # std is built from source here, so panics can compile to a bare trap:
  # no panic messages or formatting machinery in the wasm (about 13 KB
  # gzipped). The widget never panics by design; tests run natively.
  # Debug formatting is never shown to readers: compiled out (about 2.6 KB).
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none"
fi
