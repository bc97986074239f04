//! The first-answer module: `roamplan::first`, linked without the Yew
//! widget. Its one export is defined here, in the binary, so that the
//! linker keeps it.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::wasm_bindgen;

/// The first answer's markup for the page's settings, or nothing when the
/// widget must give it (see `roamplan::first::entry::answer`).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn first_answer() -> Option<String> {
    roamplan::first::entry::answer()
}

fn main() {}
