//! Custom hooks.

mod after_first_paint;
mod use_calculation;

pub use after_first_paint::{after_paint, use_after_first_paint};
pub use use_calculation::{use_calculation, Calculated, Inputs};
