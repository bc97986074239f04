//! Writes the built-in catalogue's figures without its reader notes and
//! evidence quotes (`OUT_DIR/catalogue-core.json`): that is what the wasm
//! carries for the first answer. The notes (about half the file) come from
//! `catalogue.json` beside the widget once the answer is on screen; the
//! quotes are for the catalogue's authors and checks, never shown.

// A build script that cannot read or write the catalogue must stop the
// build with the reason: that is what `expect` does here.
#![allow(clippy::expect_used)]

use std::path::Path;

const SOURCE: &str = "assets/catalogue.json";
/// Stands for a quote left out of the core file (`quote` must not be empty).
const QUOTE_LEFT_OUT: &str = "…";

fn main() {
    println!("cargo::rerun-if-changed={SOURCE}");
    let text = std::fs::read_to_string(SOURCE).expect("assets/catalogue.json is readable");
    let mut catalogue: serde_json::Value =
        serde_json::from_str(&text).expect("assets/catalogue.json is JSON");
    if let Some(plans) = catalogue.get_mut("plans").and_then(|p| p.as_array_mut()) {
        for plan in plans.iter_mut().filter_map(|p| p.as_object_mut()) {
            plan.remove("notes");
            let entries = plan.get_mut("evidence").and_then(|e| e.as_array_mut());
            for entry in entries
                .into_iter()
                .flatten()
                .filter_map(|e| e.as_object_mut())
            {
                if entry.contains_key("quote") {
                    entry.insert("quote".into(), QUOTE_LEFT_OUT.into());
                }
            }
        }
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let core = serde_json::to_string(&catalogue).expect("JSON writes");
    std::fs::write(Path::new(&out).join("catalogue-core.json"), core).expect("OUT_DIR is writable");
}
