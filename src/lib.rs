//! roamplan: a travel-data calculator widget.
//!
//! `core` is the pure part (catalogue, trip, cost engine); `i18n` holds every
//! string the reader sees; `ui` is the Yew widget around them.

#![cfg_attr(test, allow(clippy::panic, clippy::unwrap_used, clippy::expect_used))]

pub mod core;
pub mod i18n;
pub mod ui;
