//! The first answer, drawn without Yew.
//!
//! On a phone on a slow network the widget's own module (Yew, the form,
//! every panel) takes seconds to arrive. The page first loads a module of
//! this crate built without the `widget` feature: it reads the same
//! settings as the widget (`crate::browser`), works out the same trip
//! (`ui::state`) and the same answer (`ui::calculation`), and returns it as
//! markup: the summary card and the ranked options with the contract's
//! test hooks. The widget replaces it when it starts (Yew empties its root
//! as it mounts).
//!
//! It gives nothing, and the page waits for the widget, when the answer is
//! not one it can give exactly: a blog owner's catalogue (it must not show
//! the built-in plans meanwhile), a trip the form refuses, a trip heavy
//! enough for the engine worker, or one the engine declines.

mod markup;

#[cfg(target_arch = "wasm32")]
pub mod entry;

use crate::core::catalogue::Catalogue;
use crate::core::date::Date;
use crate::core::engine::{self, Request};
use crate::core::lang::Lang;
use crate::core::share::LinkSettings;
use crate::ui::calculation;
use crate::ui::state::{default_currency, theme_class, State};

/// What the first answer is drawn from: what the widget's shell reads as
/// it starts.
#[derive(Debug)]
pub struct Start<'a> {
    /// Settings from the link or embed (with the saved trip under them).
    pub settings: &'a LinkSettings,
    /// Language when the settings do not say (the browser's).
    pub lang: Lang,
    /// Today.
    pub today: Date,
    /// The built-in catalogue.
    pub catalogue: &'a Catalogue,
    /// An embed with the blogger's own trip: the answer leads, under the
    /// trip in one line (the form folded).
    pub trip_folded: bool,
}

/// The first answer's markup, or `None` when the widget must give it.
pub fn first_answer(start: &Start<'_>) -> Option<String> {
    let settings = start.settings;
    if settings.catalogue.is_some() {
        return None;
    }
    // As the widget: the state from the settings, its trip, the display
    // currency the catalogue has a rate for.
    let lang = settings.lang.unwrap_or(start.lang);
    let asked = settings.currency.unwrap_or_else(|| default_currency(lang));
    let state = State::without_names(settings, lang, asked, start.today);
    let trip = state.trip.as_ref()?;
    let catalogue = start.catalogue;
    if calculation::is_heavy(catalogue, trip) {
        return None;
    }
    let currency = calculation::display_currency(catalogue, asked);
    let answer = engine::compute_options(Request {
        catalogue,
        trip,
        currency,
        today: start.today,
    });
    if answer.too_much_work || answer.too_large {
        return None;
    }
    let theme = theme_class(settings.theme);
    Some(markup::page(&markup::Page {
        lang,
        theme,
        currency,
        catalogue,
        trip,
        answer: &answer,
        trip_folded: start.trip_folded,
    }))
}
