//! The browser shell: everything that talks to the page. It reads the
//! settings (link, embed attributes, saved trip) and the browser's language,
//! loads the catalogues, mounts the widget, and mirrors the reader's trip back
//! into the link and local storage.
//!
//! Kept apart from the components so that they render natively in tests.

use crate::core::catalogue::{self, Catalogue, Problems, BUILT_IN_CORE_JSON};
use crate::core::date::Date;
use crate::core::json::{self, Json, JsonError};
use crate::core::lang::Lang;
use crate::core::share::{self, LinkSettings, SettingError};
use crate::ui::components::catalogue_status::{CustomCatalogue, FetchFailure};
use crate::ui::state::State;
use crate::ui::Widget;
use gloo_timers::callback::Timeout;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// Local storage key of the last trip (format 1: `{"v":1,"query":"..."}`).
const SAVED_TRIP_KEY: &str = "roamplan.trip";
/// Version of the saved-trip entry; another version is set aside.
const SAVED_TRIP_VERSION: f64 = 1.0;
/// How long after the widget starts the built-in plans' notes are fetched.
const NOTES_AFTER_MS: u32 = 1_500;
/// Where a saved entry that cannot be read is kept, exactly as it was.
const UNREADABLE_TRIP_KEY: &str = "roamplan.trip.unreadable";

/// Parses JSON with the browser's own parser (no second parser in the wasm).
/// The tree is then read from the JavaScript value one level at a time, and
/// refused beyond `json::MAX_DEPTH` levels before the wasm stack runs out.
fn parse_json(text: &str) -> Result<Json, JsonError> {
    let value = js_sys::JSON::parse(text).map_err(|e| {
        JsonError::Invalid(
            e.dyn_ref::<js_sys::Error>()
                .map_or_else(|| "invalid JSON".to_owned(), |e| String::from(e.message())),
        )
    })?;
    json::from_deserializer(serde_wasm_bindgen::Deserializer::from(value))
}

/// Loads catalogue text in the browser; its advisories are for the
/// catalogue's author (`catalogue_report`), not the reader.
pub fn load_catalogue(text: &str) -> Result<Catalogue, Problems> {
    catalogue::load(text, Some(today()), parse_json).map(|loaded| loaded.catalogue)
}

/// Today in the reader's time zone.
fn today() -> Date {
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
fn save_query(query: &str) -> bool {
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

/// Fetches a blog owner's catalogue without credentials.
async fn fetch_catalogue(url: String) -> Result<String, FetchFailure> {
    let window = web_sys::window().ok_or(FetchFailure::Network)?;
    if !window.navigator().on_line() {
        return Err(FetchFailure::Offline);
    }
    fetch_text(&window, &url).await
}

/// A text file, fetched without credentials.
async fn fetch_text(window: &web_sys::Window, url: &str) -> Result<String, FetchFailure> {
    let init = web_sys::RequestInit::new();
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_mode(web_sys::RequestMode::Cors);
    let request =
        web_sys::Request::new_with_str_and_init(url, &init).map_err(|_| FetchFailure::Network)?;
    let response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| FetchFailure::Network)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| FetchFailure::Network)?;
    if !response.ok() {
        return Err(FetchFailure::Http(response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| FetchFailure::Network)?)
        .await
        .map_err(|_| FetchFailure::Network)?;
    text.as_string().ok_or(FetchFailure::Network)
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

/// Props of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Where the widget runs.
    pub host: Host,
}

/// What the shell learned before the first render.
struct Startup {
    settings: LinkSettings,
    /// The custom catalogue's address, resolved (what is fetched).
    catalogue_href: Option<String>,
    errors: Vec<SettingError>,
    saved_ignored: bool,
    lang: Lang,
    today: Date,
    built_in: Rc<Catalogue>,
    widget_url: String,
    /// Embedded (script mount or iframe) with the blogger's own trip: the
    /// answer leads and the form opens on demand.
    trip_folded: bool,
}

/// Borrowed key/value pairs, as `parse_settings` takes them.
fn as_refs(pairs: &[(String, String)]) -> Vec<(&str, &str)> {
    pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

fn startup(host: &Host) -> Startup {
    // The built-in catalogue is tested; should it ever fail, answer with
    // nothing rather than crash.
    let built_in = load_catalogue(BUILT_IN_CORE_JSON).unwrap_or_default();
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

/// Listens to a window event for the lifetime of the component.
#[hook]
fn use_window_event(name: &'static str, on_event: Callback<()>) {
    use_effect_with((), move |()| {
        let listener = Closure::<dyn Fn()>::new(move || on_event.emit(()));
        let window = web_sys::window();
        if let Some(w) = &window {
            let _ = w.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(w) = window {
                let _ =
                    w.remove_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
            }
        }
    });
}

/// The mounted application.
#[component]
pub fn App(props: &AppProps) -> Html {
    let startup = {
        let host = props.host.clone();
        use_memo((), move |()| startup(&host))
    };
    let custom = use_state(|| match &startup.settings.catalogue {
        Some(url) => CustomCatalogue::Loading { url: url.clone() },
        None => CustomCatalogue::None,
    });
    let save_failed = use_state_eq(|| false);
    let custom_catalogue = use_state(|| None::<Rc<Catalogue>>);
    {
        let (custom, custom_catalogue) = (custom.clone(), custom_catalogue.clone());
        let addresses = (
            startup.settings.catalogue.clone(),
            startup.catalogue_href.clone(),
        );
        use_effect_with(addresses, move |(url, href)| {
            if let (Some(url), Some(href)) = (url.clone(), href.clone()) {
                wasm_bindgen_futures::spawn_local(async move {
                    match fetch_catalogue(href).await {
                        Err(failure) => custom.set(CustomCatalogue::FetchFailed { url, failure }),
                        Ok(text) => match load_catalogue(&text) {
                            Ok(catalogue) => {
                                crate::ui::engine_client::set_catalogue(&url, &text);
                                custom_catalogue.set(Some(Rc::new(catalogue)));
                                custom.set(CustomCatalogue::InUse { url });
                            }
                            Err(problems) => custom.set(CustomCatalogue::Invalid { url, problems }),
                        },
                    }
                });
            }
        });
    }
    // The built-in plans' notes for readers follow the first answer (the
    // wasm carries only the figures): from catalogue.json beside the widget,
    // or from the service worker's copy offline.
    let built_in = use_state(|| startup.built_in.clone());
    {
        let built_in = built_in.clone();
        let wanted = startup.settings.catalogue.is_none();
        let texts_url = web_sys::Url::new_with_base("catalogue.json", &startup.widget_url)
            .ok()
            .map(|u| u.href());
        let figures = startup.built_in.clone();
        use_effect_with((), move |()| {
            if let (true, Some(url), Some(window)) = (wanted, texts_url, web_sys::window()) {
                // Not before the first answer is painted: the bytes before
                // it are the ones a reader on a slow network waits for.
                Timeout::new(NOTES_AFTER_MS, move || {
                    wasm_bindgen_futures::spawn_local(async move {
                        // Without them (a host that dropped the file) the
                        // answer stands; only the notes are missing.
                        let loaded = fetch_text(&window, &url).await.map(|t| load_catalogue(&t));
                        if let Ok(Ok(full)) = loaded {
                            built_in.set(Rc::new(figures.with_texts_from(&full)));
                        }
                    });
                })
                .forget();
            }
        });
    }
    let update_ready = use_state(|| false);
    {
        let update_ready = update_ready.clone();
        use_window_event(
            "roamplan:update-ready",
            Callback::from(move |()| update_ready.set(true)),
        );
    }
    let onreload = Callback::from(|()| {
        if let (Some(window), Ok(event)) = (
            web_sys::window(),
            web_sys::Event::new("roamplan:apply-update"),
        ) {
            let _ = window.dispatch_event(&event);
        }
    });
    let oncopy = Callback::from(|text: String| {
        if let Some(window) = web_sys::window() {
            // The text also stays selectable on screen should this be refused.
            let _ = window.navigator().clipboard().write_text(&text);
        }
    });
    let catalogue = (*custom_catalogue)
        .clone()
        .unwrap_or_else(|| (*built_in).clone());
    let catalogue_url = startup.settings.catalogue.clone();
    let mirrors_link = props.host == Host::Page;
    // A catalogue from a visited link is for that visit: the saved trip
    // carries one only when the embed itself sets it.
    let saved_catalogue = if mirrors_link {
        None
    } else {
        catalogue_url.clone()
    };
    let onstate = {
        let save_failed = save_failed.clone();
        Callback::from(move |state: Rc<State>| {
            let query = share::encode_query(&state.link_pairs(catalogue_url.as_deref()));
            let saved = share::encode_query(&state.link_pairs(saved_catalogue.as_deref()));
            let lang = state.lang;
            let save_failed = save_failed.clone();
            after_a_pause(move || {
                if !save_query(&saved) {
                    // Told once: the notice stays until the page is left.
                    save_failed.set(true);
                }
                if mirrors_link {
                    mirror_into_link(&query);
                    // The page is the widget's own: its language is the widget's.
                    if let Some(html) = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.document_element())
                    {
                        let _ = html.set_attribute("lang", lang.code());
                    }
                }
            });
        })
    };
    html! {
        <Widget settings={startup.settings.clone()} setting_errors={startup.errors.clone()} lang={startup.lang}
            today={startup.today} {catalogue} custom={(*custom).clone()} {onstate}
            widget_url={Some(AttrValue::from(startup.widget_url.clone()))} {oncopy}
            saved_ignored={startup.saved_ignored} save_failed={*save_failed} update_ready={*update_ready} {onreload}
            trip_folded={startup.trip_folded} />
    }
}

/// How long the reader must pause before the link and storage are written:
/// doing it on every keystroke costs about a third of a frame.
const MIRROR_DELAY_MS: u32 = 250;

thread_local! {
    static PENDING_MIRROR: std::cell::RefCell<Option<Timeout>> = const { std::cell::RefCell::new(None) };
}

/// Runs `task` once the reader has paused; a newer task replaces it. The
/// replaced timer is cancelled and its closure freed (a closure handed to
/// `setTimeout` and never called would stay in memory for good).
fn after_a_pause(task: impl FnOnce() + 'static) {
    let timeout = Timeout::new(MIRROR_DELAY_MS, task);
    let previous = PENDING_MIRROR.with(|p| p.replace(Some(timeout)));
    drop(previous);
}

/// Writes the trip into the page's link (without a new history entry).
fn mirror_into_link(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &JsValue::NULL,
            "",
            Some(&format!("{path}?{query}{hash}")),
        );
    }
}

/// Mounts the widget into `#roamplan` when the page has one (the widget's
/// own page); `embed.js` mounts into other pages through [`mount`].
pub fn start() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("roamplan"));
    if let Some(element) = root {
        yew::Renderer::<App>::with_root_and_props(element, AppProps { host: Host::Page }).render();
    }
}

/// Mounts a widget into `root` (used by `embed.js` for script-tag embeds):
/// `settings` is a query string of share-link keys, `widget_url` the address
/// of the widget page for share links.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, settings: String, widget_url: String) {
    let host = Host::Embedded {
        query: settings,
        widget_url,
    };
    yew::Renderer::<App>::with_root_and_props(root, AppProps { host }).render();
}
