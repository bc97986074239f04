//! Custom hooks.

mod after_first_paint;

pub use after_first_paint::use_after_first_paint;
