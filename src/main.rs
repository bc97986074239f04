//! Mounts the widget; everything else lives in the library.

fn main() {}
