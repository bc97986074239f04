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

/// Runs `task` after what the current task changed in the page is painted:
/// a macrotask queued from the next animation frame. (A timeout queued now
/// may run before that frame and hold it back.) A page that gets no frames
/// (a hidden tab, an iframe scrolled out of view) runs it after
/// `NO_FRAME_MS` instead.
#[cfg(target_arch = "wasm32")]
pub fn after_paint(task: impl FnOnce() + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    const NO_FRAME_MS: i32 = 200;
    let Some(window) = web_sys::window() else {
        return;
    };
    // Whichever comes first takes the task; the other finds it gone.
    let task: Rc<RefCell<Option<Box<dyn FnOnce()>>>> = Rc::new(RefCell::new(Some(Box::new(task))));
    let run = {
        let task = Rc::clone(&task);
        move || {
            let next = task.borrow_mut().take();
            if let Some(next) = next {
                next();
            }
        }
    };
    let later = Closure::once_into_js(run.clone());
    let in_frame = Closure::once_into_js(move || {
        if let Some(window) = web_sys::window() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 0);
        }
    });
    let _ = window.request_animation_frame(in_frame.unchecked_ref());
    let fallback = Closure::once_into_js(run);
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        fallback.unchecked_ref(),
        NO_FRAME_MS,
    );
}

/// Natively (tests) there is no page to paint: the task runs at once.
#[cfg(not(target_arch = "wasm32"))]
pub fn after_paint(task: impl FnOnce() + 'static) {
    task();
}
