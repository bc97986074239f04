//! Writes the built-in catalogue's figures without its reader notes and
//! evidence quotes (`OUT_DIR/catalogue-core.json`): that is what the
//! widget's wasm carries; and without its sources either
//! (`OUT_DIR/catalogue-first.json`), for the first-answer module. The notes (about half the file) come from
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
    // The first-answer module shows no sources: without the evidence list,
    // where to buy and the source, but with the latest date seen as
    // `checked` (the engine's stale-price warning reads only that date).
    if let Some(plans) = catalogue.get_mut("plans").and_then(|p| p.as_array_mut()) {
        for plan in plans.iter_mut().filter_map(|p| p.as_object_mut()) {
            let latest = plan
                .get("evidence")
                .and_then(|e| e.as_array())
                .into_iter()
                .flatten()
                .filter_map(|e| e.get("seen").and_then(|s| s.as_str()))
                .chain(plan.get("checked").and_then(|c| c.as_str()))
                .max()
                .map(str::to_owned);
            for key in ["evidence", "buy_url", "sold_at", "source"] {
                plan.remove(key);
            }
            if let Some(date) = latest {
                plan.insert("checked".into(), date.into());
            }
        }
    }
    let first = serde_json::to_string(&catalogue).expect("JSON writes");
    std::fs::write(Path::new(&out).join("catalogue-first.json"), first)
        .expect("OUT_DIR is writable");
}
