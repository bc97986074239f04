//! The first-answer module's side in the browser: reads the page's
//! settings as the widget's shell does and draws the answer.

use crate::browser::{load_built_in, startup, Host};
use crate::core::catalogue::BUILT_IN_FIRST_JSON;

/// The first answer for the page's own settings (the widget's page,
/// standalone or in an iframe), or `None` when the widget must give it.
pub fn answer() -> Option<String> {
    // The built-in catalogue is tested; should it ever fail, answer with
    // nothing rather than crash (the widget then answers).
    let start = startup(&Host::Page, || {
        load_built_in(BUILT_IN_FIRST_JSON).unwrap_or_default()
    });
    super::first_answer(&super::Start {
        settings: &start.settings,
        lang: start.lang,
        today: start.today,
        catalogue: &start.built_in,
        trip_folded: start.trip_folded,
    })
}
