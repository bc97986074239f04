//! Which plan list is in use: the built-in one, a blog owner's own, or the
//! built-in one because the blog owner's could not be used (and why).

use crate::core::catalogue::Problems;
use crate::core::share::{shorten, SettingError};
use crate::i18n::{fill, input_error, problem_text, problems_more};
use crate::ui::context::use_ui;
use yew::prelude::*;

/// Why a custom catalogue could not be fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchFailure {
    /// The server answered with this HTTP status.
    Http(u16),
    /// No answer (network, CORS, wrong host).
    Network,
    /// The browser is offline.
    Offline,
}

/// The state of a blog owner's catalogue.
#[derive(Clone, Debug, PartialEq)]
pub enum CustomCatalogue {
    /// None asked for.
    None,
    /// Being fetched.
    Loading {
        /// Its address.
        url: String,
    },
    /// In use.
    InUse {
        /// Its address.
        url: String,
    },
    /// Could not be fetched.
    FetchFailed {
        /// Its address.
        url: String,
        /// Why.
        failure: FetchFailure,
    },
    /// Fetched but invalid.
    Invalid {
        /// Its address.
        url: String,
        /// Its errors: the first ones, and how many more.
        problems: Problems,
    },
}

/// Props of [`CatalogueStatus`].
#[derive(Properties, PartialEq)]
pub struct CatalogueStatusProps {
    /// The custom catalogue's state.
    pub custom: CustomCatalogue,
    /// Link settings that were refused.
    pub setting_errors: Vec<SettingError>,
    /// `debug=1`: the blog owner wants the catalogue's problems in full.
    #[prop_or_default]
    pub debug: bool,
}

/// Notices about the plan list and refused link settings.
#[component]
pub fn CatalogueStatus(props: &CatalogueStatusProps) -> Html {
    let ui = use_ui();
    let (t, f) = (ui.t(), ui.f());
    // The address as echoed: a readable length, however long the link's.
    let short = |url: &str| shorten(url);
    let custom = match &props.custom {
        CustomCatalogue::None => html! {},
        CustomCatalogue::Loading { .. } => {
            html! { <p class="rp-notice" role="status">{ t.catalogue_loading }</p> }
        }
        CustomCatalogue::InUse { url } => html! {
            <p class="rp-notice" role="status">{ fill(t.catalogue_custom_in_use, &[("url", &short(url))]) }</p>
        },
        CustomCatalogue::FetchFailed { url, failure } => {
            let why = match failure {
                FetchFailure::Http(status) => {
                    fill(t.fetch_http, &[("status", &status.to_string())])
                }
                FetchFailure::Network => t.fetch_network.to_owned(),
                FetchFailure::Offline => t.fetch_offline.to_owned(),
            };
            html! {
                <div class="rp-alert" data-testid="catalogue-error" role="alert">
                    <p><strong>{ fill(t.catalogue_error_heading, &[("url", &short(url))]) }</strong></p>
                    <ul><li>{ why }</li></ul>
                </div>
            }
        }
        // Readers get one quiet line (the blog's plan list is not theirs to
        // fix); the list, for the blog owner, opens on demand, or at once
        // with `debug=1`.
        CustomCatalogue::Invalid { url, problems } => {
            let list = html! {
                <>
                    <ul>
                        { for problems.iter().map(|p| html! {
                            <li data-plan={p.plan.clone().unwrap_or_default()} data-field={p.field.clone()}>{ problem_text(p, f) }</li>
                        }) }
                    </ul>
                    if let Some(more) = problems_more(problems, ui.lang) {
                        <p data-testid="catalogue-error-more" data-more={problems.more.to_string()}>{ more }</p>
                    }
                </>
            };
            if props.debug {
                html! {
                    <div class="rp-alert" data-testid="catalogue-error" role="alert">
                        <p><strong>{ fill(t.catalogue_error_heading, &[("url", &short(url))]) }</strong></p>
                        { list }
                    </div>
                }
            } else {
                html! {
                    <div class="rp-notice rp-quiet" data-testid="catalogue-error" role="status">
                        <p>{ t.catalogue_quiet }</p>
                        <details>
                            <summary>{ t.catalogue_quiet_details }</summary>
                            <p><strong>{ fill(t.catalogue_error_heading, &[("url", &short(url))]) }</strong></p>
                            { list }
                        </details>
                    </div>
                }
            }
        }
    };
    html! {
        <>
            { custom }
            if !props.setting_errors.is_empty() {
                <div class="rp-alert" data-testid="settings-error" role="alert">
                    <p>{ t.settings_error_heading }</p>
                    <ul>
                        { for props.setting_errors.iter().map(|e| html! {
                            <li>{ fill(t.setting_ignored, &[("key", e.key), ("value", &e.value), ("error", &input_error(&e.error, ui.lang))]) }</li>
                        }) }
                    </ul>
                </div>
            }
        </>
    }
}
