//! The widget rendered to HTML natively (yew's server renderer), and what
//! tests read from that HTML: shared by the component tests and the first
//! answer's tests (which compare the two).

#![allow(dead_code, clippy::unwrap_used, clippy::panic, clippy::expect_used)]

use roamplan::core::catalogue::{load_native, Catalogue, BUILT_IN_JSON};
use roamplan::core::date::Date;
use roamplan::core::lang::Lang;
use roamplan::core::share::{parse_settings, LinkSettings, SettingError};
use roamplan::ui::components::catalogue_status::CustomCatalogue;
use roamplan::ui::{Widget, WidgetProps};
use std::rc::Rc;
use yew::LocalServerRenderer;

pub fn catalogue() -> Rc<Catalogue> {
    Rc::new(load_native(BUILT_IN_JSON).unwrap().catalogue)
}

pub fn today() -> Date {
    Date::parse("2026-11-23").unwrap()
}

pub fn settings(query: &[(&str, &str)]) -> (LinkSettings, Vec<SettingError>) {
    let catalogue = catalogue();
    parse_settings(query.iter().copied(), |c| catalogue.rates.knows(c))
}

/// Renders the widget to HTML (on a local task set: its props hold `Rc`s).
pub async fn render_props(props: WidgetProps) -> String {
    let local = tokio::task::LocalSet::new();
    local
        .run_until(
            LocalServerRenderer::<Widget>::with_props(props)
                .hydratable(false)
                .render(),
        )
        .await
}

/// Props as the shell would give them, with nothing from the browser.
pub fn props(
    settings: LinkSettings,
    setting_errors: Vec<SettingError>,
    custom: CustomCatalogue,
) -> WidgetProps {
    WidgetProps {
        settings,
        setting_errors,
        lang: Lang::En,
        today: today(),
        catalogue: catalogue(),
        custom,
        onstate: yew::Callback::default(),
        widget_url: None,
        oncopy: yew::Callback::default(),
        saved_ignored: false,
        save_failed: false,
        update_ready: false,
        onreload: yew::Callback::default(),
        trip_folded: false,
    }
}

pub async fn render(query: &[(&str, &str)], custom: CustomCatalogue) -> String {
    let (settings, setting_errors) = settings(query);
    render_props(props(settings, setting_errors, custom)).await
}

/// Values of `attribute` on elements carrying `data-testid="option"`.
pub fn option_attributes(html: &str, attribute: &str) -> Vec<String> {
    html.split("data-testid=\"option\"")
        .skip(1)
        .filter_map(|chunk| {
            let tag_end = chunk.find('>')?;
            let tag = &chunk[..tag_end];
            let start = tag.find(&format!("{attribute}=\""))? + attribute.len() + 2;
            let end = tag[start..].find('"')? + start;
            Some(tag[start..end].to_owned())
        })
        .collect()
}

/// The visible text of an HTML string: tags and attributes dropped.
pub fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}
