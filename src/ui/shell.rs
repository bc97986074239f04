//! The browser shell: everything that talks to the page. It reads the
//! settings (link, embed attributes, saved trip) and the browser's language,
//! loads the catalogues, mounts the widget, and mirrors the reader's trip back
//! into the link and local storage.
//!
//! Kept apart from the components so that they render natively in tests;
//! what it reads as it starts is in `crate::browser` (shared with the
//! first-answer module).

use crate::browser::{load_catalogue, save_query, startup, Host};
use crate::core::catalogue::{Catalogue, BUILT_IN_CORE_JSON};
use crate::core::share;
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

/// How long after the widget starts the built-in plans' notes are fetched.
const NOTES_AFTER_MS: u32 = 1_500;

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

/// Props of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Where the widget runs.
    pub host: Host,
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
        use_memo((), move |()| {
            startup(&host, || {
                load_catalogue(BUILT_IN_CORE_JSON).unwrap_or_default()
            })
        })
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
