//! The first-answer module's side in the browser: reads the settings as
//! the widget's shell does (`crate::browser::startup`) and draws the
//! answer.

use crate::browser::{load_built_in, startup, Host};
use crate::core::catalogue::BUILT_IN_FIRST_JSON;

/// The first answer where the widget runs, or `None` when the widget must
/// give it.
fn answer_on(host: &Host) -> Option<String> {
    // The built-in catalogue is tested; should it ever fail, answer with
    // nothing rather than crash (the widget then answers).
    let start = startup(host, || {
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

/// The first answer for the page's own settings (the widget's page,
/// standalone or in an iframe).
pub fn answer() -> Option<String> {
    answer_on(&Host::Page)
}

/// The first answer for a script embed (`embed.js`): `settings` is the
/// element's share-link keys as a query, `widget_url` the widget's page.
pub fn answer_embedded(settings: String, widget_url: String) -> Option<String> {
    answer_on(&Host::Embedded {
        query: settings,
        widget_url,
    })
}
