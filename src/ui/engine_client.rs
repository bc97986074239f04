//! The engine worker, seen from the widget. A large calculation is handed to
//! the page's `__roamplanEngine` (web/engine-client.js), which runs it in a
//! Web Worker on the same wasm module, so typing never waits for it; a newer
//! job from the same widget replaces an older one. Natively, and where the
//! page could not start a worker (a host's CSP, an old browser), there is
//! none: the widget calculates on the page's thread as before.

use super::calculation::{Job, Outcome};

/// Why a job sent to the worker gave no outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// A newer job from the same widget replaced it: nothing to show.
    Superseded,
    /// The worker could not run it (failed to start, crashed, refused):
    /// calculate on the page instead.
    Unavailable,
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::{Failure, Job, Outcome};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    #[wasm_bindgen]
    extern "C" {
        /// web/engine-client.js's `__roamplanEngine`.
        pub type EngineClient;
        #[wasm_bindgen(method, catch)]
        fn available(this: &EngineClient) -> Result<bool, JsValue>;
        #[wasm_bindgen(method, catch, js_name = setCatalogue)]
        fn set_catalogue(this: &EngineClient, key: &str, text: &str) -> Result<(), JsValue>;
        #[wasm_bindgen(method, catch)]
        fn compute(
            this: &EngineClient,
            channel: u32,
            job: JsValue,
            catalogue: Option<String>,
            low: bool,
        ) -> Result<js_sys::Promise, JsValue>;
    }

    fn client() -> Option<EngineClient> {
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("__roamplanEngine"))
            .ok()
            .filter(JsValue::is_object)
            .map(JsCast::unchecked_into)
    }

    pub fn available() -> bool {
        client().is_some_and(|c| c.available().unwrap_or(false))
    }

    pub fn set_catalogue(key: &str, text: &str) {
        if let Some(c) = client() {
            let _ = c.set_catalogue(key, text);
        }
    }

    /// Values cross as bytes (postcard): exact for 64- and 128-bit
    /// integers, and far less code in the wasm than JavaScript objects.
    pub fn to_js<T: serde::Serialize>(value: &T) -> Option<JsValue> {
        let bytes = super::encode(value)?;
        Some(js_sys::Uint8Array::from(bytes.as_slice()).into())
    }

    pub fn from_js<T: serde::de::DeserializeOwned>(value: JsValue) -> Option<T> {
        let bytes = value.dyn_into::<js_sys::Uint8Array>().ok()?.to_vec();
        super::decode(&bytes)
    }

    #[cfg_attr(not(target_arch = "wasm32"), allow(clippy::unused_async))]
    pub async fn run(channel: u32, job: &Job, catalogue: Option<&str>) -> Result<Outcome, Failure> {
        let client = client().ok_or(Failure::Unavailable)?;
        let value = to_js(job).ok_or(Failure::Unavailable)?;
        let promise = client
            .compute(channel, value, catalogue.map(str::to_owned), job.can_wait())
            .map_err(|_| Failure::Unavailable)?;
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(outcome) => from_js(outcome).ok_or(Failure::Unavailable),
            Err(reason) if reason.as_string().as_deref() == Some("superseded") => {
                Err(Failure::Superseded)
            }
            Err(_) => Err(Failure::Unavailable),
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{from_js, to_js};

/// A job or outcome as the bytes that cross to and from the worker.
pub fn encode<T: serde::Serialize>(value: &T) -> Option<Vec<u8>> {
    postcard::to_allocvec(value).ok()
}

/// Bytes from the worker back into a job or outcome (`None` when they do
/// not read as one).
pub fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    postcard::from_bytes(bytes).ok()
}

/// Whether large calculations can leave the page's thread.
pub fn available() -> bool {
    #[cfg(target_arch = "wasm32")]
    return browser::available();
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// Gives the worker a blog owner's catalogue (valid, as the widget read it)
/// under its address, for the jobs that name it.
pub fn set_catalogue(key: &str, text: &str) {
    #[cfg(target_arch = "wasm32")]
    browser::set_catalogue(key, text);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (key, text);
}

/// Runs a job in the worker: `channel` is the widget's own (a newer job on
/// it replaces this one), `catalogue` the address given to `set_catalogue`,
/// `None` for the built-in plans.
#[cfg_attr(not(target_arch = "wasm32"), allow(clippy::unused_async))]
pub async fn run(channel: u32, job: &Job, catalogue: Option<&str>) -> Result<Outcome, Failure> {
    #[cfg(target_arch = "wasm32")]
    return browser::run(channel, job, catalogue).await;
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (channel, job, catalogue);
        Err(Failure::Unavailable)
    }
}

/// A channel number for a widget, unique on the page.
pub fn new_channel() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(1);
    NEXT.fetch_add(2, Ordering::Relaxed)
}
