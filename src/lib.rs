//! roamplan: a travel-data calculator widget.
//!
//! `core` is the pure part (catalogue, trip, cost engine); `i18n` holds every
//! string the reader sees; `ui` is the Yew widget around them; `first` is
//! the first answer drawn without Yew while the widget's module loads;
//! `browser` is what both read from the page as they start.

#![cfg_attr(test, allow(clippy::panic, clippy::unwrap_used, clippy::expect_used))]

#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod core;
pub mod first;
pub mod i18n;
pub mod ui;
