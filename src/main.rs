//! Mounts the widget; everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    roamplan::ui::shell::start();
}

/// Natively there is nothing to mount: the library is used by tests.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
