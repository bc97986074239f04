//! The Yew widget around the pure core: state, components, and (in the
//! browser only) the shell that talks to the page.

pub mod calculation;
pub mod components;
pub mod context;
pub mod engine_client;
pub mod events;
pub mod hooks;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod shell;
#[cfg(target_arch = "wasm32")]
pub mod worker_entry;

pub use components::widget::{Widget, WidgetProps};
