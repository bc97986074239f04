//! The Yew widget around the pure core: state, components, and (in the
//! browser only) the shell that talks to the page.
//!
//! `state` and `calculation` know nothing of Yew: the first-answer module
//! (`crate::first`, built without the `widget` feature) reads the trip and
//! works out the answer exactly as the widget does.

pub mod calculation;
pub mod state;

#[cfg(feature = "widget")]
pub mod components;
#[cfg(feature = "widget")]
pub mod context;
#[cfg(feature = "widget")]
pub mod engine_client;
#[cfg(feature = "widget")]
pub mod events;
#[cfg(feature = "widget")]
pub mod hooks;

#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub mod shell;
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub mod worker_entry;

#[cfg(feature = "widget")]
pub use components::widget::{Widget, WidgetProps};
