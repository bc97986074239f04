//! The first-answer module's side in the browser: reads the page's
//! settings as the widget's shell does and draws the answer.

use crate::browser::{load_built_in, startup, Host};

/// The first answer for the page's own settings (the widget's page,
/// standalone or in an iframe), or `None` when the widget must give it.
pub fn answer() -> Option<String> {
    let start = startup(&Host::Page, load_built_in);
    super::first_answer(&super::Start {
        settings: &start.settings,
        lang: start.lang,
        today: start.today,
        catalogue: &start.built_in,
        trip_folded: start.trip_folded,
    })
}
