//! The first-answer module: `roamplan::first`, linked without the Yew
//! widget. Its exports are defined here, in the binary, so that the
//! linker keeps them.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::wasm_bindgen;

/// The first answer's markup for the page's settings, or nothing when the
/// widget must give it (see `roamplan::first::entry::answer`).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn first_answer() -> Option<String> {
    roamplan::first::entry::answer()
}

/// The same for a script embed's settings (a query of share-link keys).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn first_answer_embedded(settings: String, widget_url: String) -> Option<String> {
    roamplan::first::entry::answer_embedded(settings, widget_url)
}

fn main() {}
