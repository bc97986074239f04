//! The engine worker's side of the calculation: web/engine-worker.js loads
//! this same wasm module in a Web Worker and calls these two functions. The
//! worker keeps the catalogues it was given; each job names one (or none:
//! the built-in plans).

use super::calculation::{self, Job};
use super::engine_client::{from_js, to_js};
use crate::browser::load_catalogue;
use crate::core::catalogue::{Catalogue, BUILT_IN_CORE_JSON};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Blog owners' catalogues kept, newest last (a page rarely has more than
/// one; a few cover several widgets).
const KEPT_CATALOGUES: usize = 4;

thread_local! {
    static BUILT_IN: RefCell<Option<Rc<Catalogue>>> = const { RefCell::new(None) };
    static CUSTOM: RefCell<Vec<(String, Rc<Catalogue>)>> = const { RefCell::new(Vec::new()) };
}

/// Reads a blog owner's catalogue under its address. `false` when it does
/// not load (the page checked it already, so this is not expected).
#[wasm_bindgen]
pub fn engine_catalogue(key: String, text: &str) -> bool {
    let Ok(catalogue) = load_catalogue(text) else {
        return false;
    };
    CUSTOM.with_borrow_mut(|kept| {
        kept.retain(|(k, _)| *k != key);
        kept.push((key, Rc::new(catalogue)));
        if kept.len() > KEPT_CATALOGUES {
            kept.remove(0);
        }
    });
    true
}

/// Runs one job on the catalogue `key` names (the built-in plans for none).
///
/// # Errors
/// A job that cannot be read, or names a catalogue the worker was not given.
#[wasm_bindgen]
pub fn engine_job(job: JsValue, key: Option<String>) -> Result<JsValue, JsValue> {
    let job: Job = from_js(job).ok_or_else(|| JsValue::from_str("unreadable job"))?;
    let catalogue = match key {
        None => BUILT_IN.with_borrow_mut(|built_in| {
            built_in
                .get_or_insert_with(|| {
                    Rc::new(load_catalogue(BUILT_IN_CORE_JSON).unwrap_or_default())
                })
                .clone()
        }),
        Some(key) => CUSTOM
            .with_borrow(|kept| kept.iter().find(|(k, _)| *k == key).map(|(_, c)| c.clone()))
            .ok_or_else(|| JsValue::from_str("unknown catalogue"))?,
    };
    to_js(&calculation::run(&job, &catalogue))
        .ok_or_else(|| JsValue::from_str("unwritable outcome"))
}
