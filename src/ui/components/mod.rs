//! One component per file; `widget` is the root.

pub mod answer_summary;
pub mod best_bar;
pub mod catalogue_status;
pub mod cost_lines;
pub mod country_list;
pub mod country_select;
pub mod day_strip;
pub mod field_error;
pub mod fold;
pub mod header;
pub mod home_inputs;
pub mod leg_row;
pub mod option_card;
pub mod plan_browser;
pub mod questions;
pub mod results;
pub mod share_panel;
pub mod stepper;
pub mod travellers_input;
pub mod trip_editor;
pub mod update_banner;
pub mod usage_estimator;
pub mod widget;
