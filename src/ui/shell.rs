//! The browser shell: everything that talks to the page. It reads the link's
//! settings and the browser's language, loads the catalogues, mounts the
//! widget, and mirrors the reader's trip back into the link.
//!
//! Kept apart from the components so that they render natively in tests.

use crate::core::catalogue::{self, Catalogue, Problem, BUILT_IN_JSON};
use crate::core::date::Date;
use crate::core::json::Json;
use crate::core::lang::Lang;
use crate::core::share::{self, LinkSettings, SettingError};
use crate::ui::components::catalogue_status::{CustomCatalogue, FetchFailure};
use crate::ui::state::State;
use crate::ui::Widget;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// Parses JSON with the browser's own parser (no second parser in the wasm).
fn parse_json(text: &str) -> Result<Json, String> {
    let value = js_sys::JSON::parse(text).map_err(|e| {
        e.dyn_ref::<js_sys::Error>()
            .map_or_else(|| "invalid JSON".to_owned(), |e| String::from(e.message()))
    })?;
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// Loads catalogue text in the browser.
pub fn load_catalogue(text: &str) -> Result<Catalogue, Vec<Problem>> {
    catalogue::load(text, parse_json)
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

/// The page's query parameters as key/value pairs.
fn query_pairs() -> Vec<(String, String)> {
    let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) else {
        return Vec::new();
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    let mut pairs = Vec::new();
    for entry in params.entries().into_iter().flatten() {
        let entry: js_sys::Array = entry.unchecked_into();
        if let (Some(k), Some(v)) = (entry.get(0).as_string(), entry.get(1).as_string()) {
            pairs.push((k, v));
        }
    }
    pairs
}

/// Fetches a blog owner's catalogue without credentials.
async fn fetch_catalogue(url: String) -> Result<String, FetchFailure> {
    let window = web_sys::window().ok_or(FetchFailure::Network)?;
    if !window.navigator().on_line() {
        return Err(FetchFailure::Offline);
    }
    let init = web_sys::RequestInit::new();
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_mode(web_sys::RequestMode::Cors);
    let request =
        web_sys::Request::new_with_str_and_init(&url, &init).map_err(|_| FetchFailure::Network)?;
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

/// Writes the reader's trip into the link (without a new history entry).
fn mirror_into_link(state: &State, catalogue_url: Option<&str>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(params) = web_sys::UrlSearchParams::new() else {
        return;
    };
    if let Some(trip) = &state.trip {
        params.append("trip", &share::write_trip(&trip.legs));
        params.append("people", &trip.people.to_string());
        params.append("together", if trip.together { "1" } else { "0" });
        params.append("mb", &trip.mb_per_day.to_string());
        if let Some(home) = trip.home {
            params.append("home", home.as_str());
        }
        params.append("esim", if trip.esim { "1" } else { "0" });
        params.append("start", &trip.start.to_string());
        if let Some(plan) = trip.home_plan {
            let minor = plan.monthly_price.minor;
            params.append("hp_price", &format!("{}.{:02}", minor / 100, minor % 100));
            params.append("hp_cur", plan.monthly_price.currency.as_str());
            if let Some(gb) = plan.domestic_gb {
                params.append("hp_gb", &gb.to_string());
            }
        }
    }
    params.append("cur", state.currency.as_str());
    params.append("lang", state.lang.code());
    if let Some(url) = catalogue_url {
        params.append("catalogue", url);
    }
    let query = String::from(params.to_string());
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

/// What the shell learned before the first render.
struct Startup {
    settings: LinkSettings,
    errors: Vec<SettingError>,
    lang: Lang,
    today: Date,
    built_in: Rc<Catalogue>,
}

fn startup() -> Startup {
    let built_in = match load_catalogue(BUILT_IN_JSON) {
        Ok(c) => c,
        // The built-in catalogue is tested; should it ever fail, answer
        // with nothing rather than crash.
        Err(_) => Catalogue {
            as_of: None,
            rates: crate::core::money::Rates::default(),
            zones: Vec::new(),
            plans: Vec::new(),
        },
    };
    let pairs = query_pairs();
    let (settings, errors) =
        share::parse_settings(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), |c| {
            built_in.rates.knows(c)
        });
    Startup {
        lang: settings.lang.unwrap_or_else(browser_lang),
        settings,
        errors,
        today: today(),
        built_in: Rc::new(built_in),
    }
}

/// The mounted application.
#[component]
pub fn App() -> Html {
    let startup = use_memo((), |()| startup());
    let custom = use_state(|| match &startup.settings.catalogue {
        Some(url) => CustomCatalogue::Loading { url: url.clone() },
        None => CustomCatalogue::None,
    });
    let custom_catalogue = use_state(|| None::<Rc<Catalogue>>);
    {
        let (custom, custom_catalogue) = (custom.clone(), custom_catalogue.clone());
        let url = startup.settings.catalogue.clone();
        use_effect_with(url, move |url| {
            if let Some(url) = url.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    match fetch_catalogue(url.clone()).await {
                        Err(failure) => custom.set(CustomCatalogue::FetchFailed { url, failure }),
                        Ok(text) => match load_catalogue(&text) {
                            Ok(catalogue) => {
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
    let catalogue = (*custom_catalogue)
        .clone()
        .unwrap_or_else(|| startup.built_in.clone());
    let catalogue_url = startup.settings.catalogue.clone();
    let onstate =
        Callback::from(move |state: Rc<State>| mirror_into_link(&state, catalogue_url.as_deref()));
    html! {
        <Widget settings={startup.settings.clone()} setting_errors={startup.errors.clone()} lang={startup.lang}
            today={startup.today} {catalogue} custom={(*custom).clone()} {onstate} />
    }
}

/// Mounts the widget into `#roamplan` (or the body).
pub fn start() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("roamplan"));
    match root {
        Some(element) => {
            yew::Renderer::<App>::with_root(element).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
