//! The pure core: catalogue, trip and engine. Nothing here knows of Yew or
//! the browser, so all of it is tested natively.

pub mod catalogue;
pub mod country;
pub mod date;
pub mod engine;
pub mod json;
pub mod lang;
pub mod money;
pub mod place_names;
pub mod share;
pub mod trip;
pub mod usage;
