//! Mounts the widget; everything else lives in the library.

#[cfg(all(target_arch = "wasm32", feature = "widget"))]
fn main() {
    roamplan::ui::shell::start();
}

/// Natively there is nothing to mount: the library is used by tests.
#[cfg(not(all(target_arch = "wasm32", feature = "widget")))]
fn main() {}
