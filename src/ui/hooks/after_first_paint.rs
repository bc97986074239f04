//! Defers work that the first answer does not need (long option lists, the
//! usage chart) until after the browser has painted the first answer.

use yew::prelude::*;

/// `false` during the first render, `true` from a render shortly after the
/// first paint. Never `true` when rendered to HTML natively (tests): effects
/// do not run there.
#[hook]
pub fn use_after_first_paint() -> bool {
    let ready = use_state(|| false);
    {
        let ready = ready.clone();
        use_effect_with((), move |()| after_paint(move || ready.set(true)));
    }
    *ready
}

/// Runs `task` in a later macrotask: after what the current one changed
/// in the page is painted.
#[cfg(target_arch = "wasm32")]
pub fn after_paint(task: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let callback = Closure::once_into_js(task);
    if let Some(window) = web_sys::window() {
        // A macrotask: the first answer is painted before this runs.
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
    }
}

/// Natively (tests) there is no page to paint: the task runs at once.
#[cfg(not(target_arch = "wasm32"))]
pub fn after_paint(task: impl FnOnce() + 'static) {
    task();
}
