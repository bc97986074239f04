//! What the widget reads from the browser as it starts, without Yew: the
//! settings (link, embed attributes, saved trip), the reader's language,
//! today, and the built-in catalogue parsed with the browser's own JSON
//! parser. The shell (the Yew app) and the first-answer module both start
//! from here, so both answer the same trip.

use crate::core::catalogue::{self, Catalogue, Problems};
use crate::core::date::Date;
use crate::core::json::{self, Json, JsonError};
use crate::core::lang::Lang;
use crate::core::share::{self, LinkSettings, SettingError};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

/// Local storage key of the last trip (format 1: `{"v":1,"query":"..."}`).
const SAVED_TRIP_KEY: &str = "roamplan.trip";
/// Version of the saved-trip entry; another version is set aside.
const SAVED_TRIP_VERSION: f64 = 1.0;
/// Where a saved entry that cannot be read is kept, exactly as it was.
const UNREADABLE_TRIP_KEY: &str = "roamplan.trip.unreadable";

/// Parses JSON with the browser's own parser, so a blog owner's
/// catalogue gets the browser's messages (a number too large for a
/// double reads as infinity and is reported as too large, not as a syntax
/// error). The tree is then read from the JavaScript value one level at a
/// time, and refused beyond `json::MAX_DEPTH` levels before the wasm stack
/// runs out.
fn parse_json(text: &str) -> Result<Json, JsonError> {
    let value = js_sys::JSON::parse(text).map_err(|e| {
        JsonError::Invalid(
            e.dyn_ref::<js_sys::Error>()
                .map_or_else(|| "invalid JSON".to_owned(), |e| String::from(e.message())),
        )
    })?;
    json::from_deserializer(serde_wasm_bindgen::Deserializer::from(value))
}

/// Loads catalogue text with the browser's parser (the widget: the
/// built-in figures and notes, and blog owners' catalogues); advisories
/// are for the catalogue's author (`catalogue_report`), not the reader.
pub fn load_catalogue(text: &str) -> Result<Catalogue, Problems> {
    catalogue::load(text, Some(today()), parse_json).map(|loaded| loaded.catalogue)
}

/// Loads built-in figures parsed inside the wasm (the first-answer
/// module): no crossing into JavaScript for every key and value (on an
/// emulated phone that took ~60 ms more) and no serde-wasm-bindgen in
/// that module. The numbers are the ones `JSON.parse` gives the widget
/// (a test checks each: both are the correctly rounded doubles).
pub fn load_built_in(text: &str) -> Result<Catalogue, Problems> {
    catalogue::load(text, Some(today()), json::from_str).map(|loaded| loaded.catalogue)
}

/// Today in the reader's time zone.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    let (y, m, d) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    i32::try_from(y)
        .ok()
        .and_then(|y| Date::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?))
        .unwrap_or(Date::EPOCH)
}

/// The reader's preferred language among ours, from the browser.
fn browser_lang() -> Lang {
    let Some(window) = web_sys::window() else {
        return Lang::En;
    };
    let navigator = window.navigator();
    navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(navigator.language())
        .find_map(|tag| Lang::from_browser_tag(&tag))
        .unwrap_or_default()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The saved entry as stored and its query; `Err` with the entry as stored
/// when it exists but cannot be used.
fn saved_query() -> Result<Option<(String, String)>, String> {
    let Some(text) = storage().and_then(|s| s.get_item(SAVED_TRIP_KEY).ok().flatten()) else {
        return Ok(None);
    };
    // Only `v` and `query` are read from the browser's own parse: however
    // deeply the rest is nested, it is never walked.
    let Ok(entry) = js_sys::JSON::parse(&text) else {
        return Err(text);
    };
    if !entry.is_object() {
        return Err(text);
    }
    let field = |name: &str| js_sys::Reflect::get(&entry, &JsValue::from_str(name)).ok();
    match (
        field("v").and_then(|v| v.as_f64()),
        field("query").and_then(|q| q.as_string()),
    ) {
        (Some(v), Some(query)) if (v - SAVED_TRIP_VERSION).abs() < f64::EPSILON => {
            Ok(Some((text, query)))
        }
        _ => Err(text),
    }
}

/// Keeps an unreadable saved entry under its own key, where the next save
/// does not overwrite it.
fn set_aside(text: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(UNREADABLE_TRIP_KEY, text);
    }
}

/// Saves the trip; `false` when the browser refused (storage full, turned
/// off or throwing).
pub fn save_query(query: &str) -> bool {
    let entry = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&entry, &"v".into(), &JsValue::from_f64(SAVED_TRIP_VERSION));
    let _ = js_sys::Reflect::set(&entry, &"query".into(), &JsValue::from_str(query));
    match (storage(), js_sys::JSON::stringify(&entry)) {
        (Some(storage), Ok(text)) => storage
            .set_item(SAVED_TRIP_KEY, &String::from(text))
            .is_ok(),
        _ => false,
    }
}

/// A catalogue address read with the browser's URL parser against the
/// page's base: the absolute address to fetch, or `None` when it is not
/// http(s), or is relative (`plans.json`, `/x/plans.json`) yet resolves to
/// another origin. `share::parse_catalogue_address` has already refused
/// anything but `http(s)://…` and scheme-less relative addresses.
fn resolve_catalogue(address: &str) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    let base = web_sys::Url::new(&base).ok()?;
    let absolute = web_sys::Url::new(address).ok();
    let is_absolute = absolute.is_some();
    let url = match absolute {
        Some(url) => url,
        None => web_sys::Url::new_with_base(address, &base.href()).ok()?,
    };
    let http = matches!(url.protocol().as_str(), "http:" | "https:");
    (http && (is_absolute || url.origin() == base.origin())).then(|| url.href())
}

/// Where the widget runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Host {
    /// Its own page (standalone or in an iframe): settings come from the
    /// link, and the link follows the reader's trip.
    Page,
    /// Mounted into another site's page by `embed.js`: settings come from
    /// the element's attributes; the host page's address is never touched.
    Embedded {
        /// The settings as a query string.
        query: String,
        /// The widget page's address, for share links.
        widget_url: String,
    },
}

/// What the shell learned before the first render.
pub struct Startup {
    pub settings: LinkSettings,
    /// The custom catalogue's address, resolved (what is fetched).
    pub catalogue_href: Option<String>,
    pub errors: Vec<SettingError>,
    pub saved_ignored: bool,
    pub lang: Lang,
    pub today: Date,
    pub built_in: Rc<Catalogue>,
    pub widget_url: String,
    /// Embedded (script mount or iframe) with the blogger's own trip: the
    /// answer leads and the form opens on demand.
    pub trip_folded: bool,
}

/// Borrowed key/value pairs, as `parse_settings` takes them.
pub fn as_refs(pairs: &[(String, String)]) -> Vec<(&str, &str)> {
    pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

/// Reads the settings, the saved trip and the browser's language, as the
/// widget starts (and, before it, the first-answer module, which must read
/// the very same trip). An unreadable saved trip is set aside either time:
/// the same entry under the same key.
pub fn startup(host: &Host, built_in: impl FnOnce() -> Catalogue) -> Startup {
    // The built-in catalogue is tested; should it ever fail, answer with
    // nothing rather than crash.
    let built_in = built_in();
    let location = web_sys::window().map(|w| w.location());
    let (query, widget_url) = match host {
        Host::Page => (
            location
                .as_ref()
                .and_then(|l| l.search().ok())
                .unwrap_or_default(),
            location
                .as_ref()
                .map(|l| {
                    format!(
                        "{}{}",
                        l.origin().unwrap_or_default(),
                        l.pathname().unwrap_or_default()
                    )
                })
                .unwrap_or_default(),
        ),
        Host::Embedded { query, widget_url } => (query.clone(), widget_url.clone()),
    };
    let given = share::decode_query(&query);
    let in_frame = web_sys::window()
        .and_then(|w| w.parent().ok().flatten().map(|p| p != w))
        .unwrap_or(false);
    let embedded = in_frame || matches!(host, Host::Embedded { .. });
    let trip_folded = embedded && given.iter().any(|(k, _)| k == "trip");
    // A blog owner's catalogue has its own currencies: until it is loaded,
    // any currency code is taken (the widget says so if it has no rate).
    let custom = given
        .iter()
        .any(|(k, v)| k == "catalogue" && share::parse_catalogue_address(v).is_ok());
    let known = |c| custom || built_in.rates.knows(c);
    let (mut settings, mut errors) = share::parse_settings(as_refs(&given), known);
    let mut saved_ignored = false;
    if !settings.describes_a_trip() {
        match saved_query() {
            Ok(Some((entry, saved))) => {
                // The saved trip, with what the link or embed says on top.
                // A catalogue is only ever the link's or embed's own.
                let mut pairs = share::decode_query(&saved);
                pairs.retain(|(k, _)| k != "catalogue");
                let (_, saved_errors) = share::parse_settings(as_refs(&pairs), known);
                if saved_errors.is_empty() {
                    pairs.extend(given);
                    (settings, errors) = share::parse_settings(as_refs(&pairs), known);
                } else {
                    set_aside(&entry);
                    saved_ignored = true;
                }
            }
            Ok(None) => {}
            Err(text) => {
                set_aside(&text);
                saved_ignored = true;
            }
        }
    }
    // Inside an article, "follow the system" would turn the widget dark in a
    // light post: an embed is light unless its settings say otherwise.
    if embedded && settings.theme.is_none() {
        settings.theme = Some(share::Theme::Light);
    }
    let catalogue_href = settings.catalogue.as_deref().and_then(resolve_catalogue);
    if catalogue_href.is_none() {
        if let Some(address) = settings.catalogue.take() {
            errors.push(SettingError {
                key: "catalogue",
                value: share::shorten(&address),
                error: share::InputError::BadAddress,
            });
        }
    }
    Startup {
        catalogue_href,
        lang: settings.lang.unwrap_or_else(browser_lang),
        settings,
        errors,
        saved_ignored,
        today: today(),
        built_in: Rc::new(built_in),
        widget_url,
        trip_folded,
    }
}
