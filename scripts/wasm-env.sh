# Sourced before wasm builds: picks the compiler that can target wasm32.
# rustup's toolchain when its wasm32 target is installed; otherwise Debian's
# rustc-web, building std from its shipped sources (shared/toolchain.md).
libdir=$(rustc --print target-libdir --target wasm32-unknown-unknown 2>/dev/null || true)
if [ -z "$libdir" ] || [ ! -d "$libdir" ]; then
  export RUSTC=/usr/bin/rustc
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
fi
