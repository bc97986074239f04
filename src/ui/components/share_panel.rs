//! "Copy link" for the current trip, and "embed this": the snippets that put
//! the calculator with these settings on another page.

use super::fold::Fold;
use crate::core::share::{encode_query, Theme};
use crate::i18n::endonym;
use crate::i18n::fill;
use crate::ui::context::use_ui;
use crate::ui::events::{input_checked, select_value};
use std::fmt::Write;
use yew::prelude::*;

/// What a blogger chooses for an embed; the defaults follow the reader.
// Four independent yes/no choices, each a checkbox or a two-way menu.
#[allow(clippy::struct_excessive_bools)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct EmbedChoices {
    /// Always in the language of this page (otherwise the reader's).
    pub fix_lang: bool,
    /// Always in the currency shown here (otherwise the reader's).
    pub fix_cur: bool,
    /// The trip's first day for every reader (otherwise each reader's today,
    /// so that an old post never computes with an old year's EU cap).
    pub fix_start: bool,
    /// Colours; an embed is light unless told otherwise.
    pub theme: Option<Theme>,
    /// Readers start with the trip's countries only, filling in their days.
    pub countries_only: bool,
}

/// The settings an embed snippet carries: the link's, less what follows the
/// reader, plus the blogger's choices.
pub fn embed_pairs(
    pairs: &[(&'static str, String)],
    choices: EmbedChoices,
) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    for (key, value) in pairs {
        match *key {
            "lang" if !choices.fix_lang => {}
            "cur" if !choices.fix_cur => {}
            "start" if !choices.fix_start => {}
            "trip" if choices.countries_only => {
                let mut codes: Vec<&str> = Vec::new();
                for code in value.split(',').filter_map(|leg| leg.split(':').next()) {
                    if !codes.contains(&code) {
                        codes.push(code);
                    }
                }
                out.push(("focus", codes.join(",")));
            }
            _ => out.push((key, value.clone())),
        }
    }
    if let Some(theme) = choices.theme.filter(|t| *t != Theme::Light) {
        out.push(("theme", theme.code().to_owned()));
    }
    out
}

/// Props of [`SharePanel`].
#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    /// Address of the widget page (without query), e.g. `https://host/roamplan/index.html`.
    pub widget_url: AttrValue,
    /// The current settings as share-link keys.
    pub pairs: Vec<(&'static str, String)>,
    /// The reader asked to copy this text.
    pub oncopy: Callback<String>,
}

/// The folder of the widget page, for `embed.js` beside it.
fn base_of(widget_url: &str) -> &str {
    widget_url
        .rfind('/')
        .map_or(widget_url, |i| &widget_url[..=i])
}

/// Escapes text for an HTML attribute or text in a snippet (shown as text,
/// never inserted as HTML).
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Share and embed.
#[component]
pub fn SharePanel(props: &SharePanelProps) -> Html {
    let ui = use_ui();
    let t = ui.t();
    let copied = use_state(|| None::<&'static str>);
    let choices = use_state(EmbedChoices::default);
    let link = format!("{}?{}", props.widget_url, encode_query(&props.pairs));
    let embedded = embed_pairs(&props.pairs, *choices);
    let embed_link = format!("{}?{}", props.widget_url, encode_query(&embedded));
    let value_of = |key: &str| {
        props
            .pairs
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
    };
    let toggle = |set: fn(&mut EmbedChoices, bool)| {
        let choices = choices.clone();
        Callback::from(move |e: Event| {
            let mut next = *choices;
            set(&mut next, input_checked(&e));
            choices.set(next);
        })
    };
    let ontheme = {
        let choices = choices.clone();
        Callback::from(move |e: Event| {
            let mut next = *choices;
            next.theme = match select_value(&e).as_str() {
                "dark" => Some(Theme::Dark),
                "auto" => Some(Theme::Auto),
                _ => None,
            };
            choices.set(next);
        })
    };
    let onstart = {
        let choices = choices.clone();
        Callback::from(move |e: Event| {
            let mut next = *choices;
            next.countries_only = select_value(&e) == "focus";
            choices.set(next);
        })
    };
    let base = base_of(&props.widget_url);
    // With JavaScript off (or embed.js blocked), readers still get a way to
    // the calculator.
    let noscript = format!(
        "<noscript>{} <a href=\"{}\">{}</a></noscript>",
        attribute(t.fallback_no_script),
        attribute(&embed_link),
        attribute(t.fallback_open),
    );
    let iframe = format!(
        "<iframe src=\"{}\" title=\"{}\" data-roamplan loading=\"lazy\"\n  sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\"\n  style=\"width:100%;border:0;height:900px\"></iframe>\n{noscript}\n<script src=\"{base}embed.js\" defer></script>",
        attribute(&embed_link),
        attribute(t.frame_title),
    );
    let data = embedded.iter().fold(String::new(), |mut out, (k, v)| {
        let _ = write!(out, " data-{k}=\"{}\"", attribute(v));
        out
    });
    let script = format!(
        "<div data-roamplan-mount{data}>{noscript}</div>\n<script src=\"{base}embed.js\" defer></script>"
    );
    let copy = |id: &'static str, text: String| {
        let (oncopy, copied) = (props.oncopy.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            oncopy.emit(text.clone());
            copied.set(Some(id));
        })
    };
    let label = |id: &'static str, normal: &'static str| {
        if *copied == Some(id) {
            t.link_copied
        } else {
            normal
        }
    };
    html! {
        <Fold class={classes!("rp-card", "rp-share")} heading_id="rp-share-heading" heading={t.share_heading}>
            <div class="rp-row">
                <input id="rp-link" type="text" readonly=true value={link.clone()} aria-label={t.copy_link} />
                <button type="button" id="rp-copy-link" class="rp-secondary" onclick={copy("link", link)}>
                    { label("link", t.copy_link) }
                </button>
            </div>
            <details class="rp-embed">
                <summary>{ t.embed_intro }</summary>
                <p class="rp-hint">{ t.embed_defaults }</p>
                <div class="rp-embed-choices">
                    <label class="rp-check">
                        <input type="checkbox" id="rp-embed-lang" checked={choices.fix_lang}
                            onchange={toggle(|c, on| c.fix_lang = on)} />
                        { fill(t.embed_fix_lang, &[("lang", endonym(ui.lang))]) }
                    </label>
                    if let Some(cur) = value_of("cur") {
                        <label class="rp-check">
                            <input type="checkbox" id="rp-embed-cur" checked={choices.fix_cur}
                                onchange={toggle(|c, on| c.fix_cur = on)} />
                            { fill(t.embed_fix_cur, &[("cur", &cur)]) }
                        </label>
                    }
                    if let Some(start) = value_of("start") {
                        <label class="rp-check">
                            <input type="checkbox" id="rp-embed-start-date" checked={choices.fix_start}
                                onchange={toggle(|c, on| c.fix_start = on)} />
                            { fill(t.embed_fix_start, &[("date", &start)]) }
                        </label>
                    }
                    <div class="rp-field">
                        <label for="rp-embed-theme">{ t.embed_theme_label }</label>
                        <select id="rp-embed-theme" onchange={ontheme}>
                            <option value="light" selected={choices.theme.is_none()}>{ t.theme_light }</option>
                            <option value="dark" selected={choices.theme == Some(Theme::Dark)}>{ t.theme_dark }</option>
                            <option value="auto" selected={choices.theme == Some(Theme::Auto)}>{ t.theme_auto }</option>
                        </select>
                    </div>
                    <div class="rp-field">
                        <label for="rp-embed-start">{ t.embed_start_label }</label>
                        <select id="rp-embed-start" onchange={onstart}>
                            <option value="trip" selected={!choices.countries_only}>{ t.embed_start_trip }</option>
                            <option value="focus" selected={choices.countries_only}>{ t.embed_start_focus }</option>
                        </select>
                    </div>
                </div>
                <label for="rp-embed-iframe">{ t.embed_iframe_label }</label>
                <textarea id="rp-embed-iframe" readonly=true rows="5" value={iframe.clone()} />
                <button type="button" class="rp-secondary" onclick={copy("iframe", iframe)}>{ label("iframe", t.copy_snippet) }</button>
                <label for="rp-embed-script">{ t.embed_script_label }</label>
                <textarea id="rp-embed-script" readonly=true rows="4" value={script.clone()} />
                <button type="button" class="rp-secondary" onclick={copy("script", script)}>{ label("script", t.copy_snippet) }</button>
            </details>
        </Fold>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_script_sits_beside_the_widget_page() {
        assert_eq!(
            base_of("https://blog.example/roamplan/index.html"),
            "https://blog.example/roamplan/"
        );
        assert_eq!(
            base_of("https://blog.example/roamplan/"),
            "https://blog.example/roamplan/"
        );
    }

    fn pairs() -> Vec<(&'static str, String)> {
        [
            ("trip", "HK:3,CN:2,HK:1"),
            ("people", "2"),
            ("start", "2026-11-30"),
            ("cur", "HKD"),
            ("lang", "zh-Hant"),
        ]
        .into_iter()
        .map(|(k, v)| (k, v.to_owned()))
        .collect()
    }

    #[test]
    fn an_embed_follows_the_reader_unless_told_otherwise() {
        let keys: Vec<&str> = embed_pairs(&pairs(), EmbedChoices::default())
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert_eq!(
            keys,
            ["trip", "people"],
            "no language, currency, start or theme"
        );
        let fixed = embed_pairs(
            &pairs(),
            EmbedChoices {
                fix_lang: true,
                fix_cur: true,
                fix_start: true,
                theme: Some(Theme::Dark),
                countries_only: false,
            },
        );
        for key in ["lang", "cur", "start"] {
            assert!(fixed.iter().any(|(k, _)| *k == key), "{key}");
        }
        assert!(fixed.contains(&("theme", "dark".to_owned())));
    }

    #[test]
    fn readers_can_start_from_the_trips_countries() {
        let out = embed_pairs(
            &pairs(),
            EmbedChoices {
                countries_only: true,
                ..EmbedChoices::default()
            },
        );
        assert!(out.contains(&("focus", "HK,CN".to_owned())));
        assert!(!out.iter().any(|(k, _)| *k == "trip"));
    }

    #[test]
    fn snippet_attributes_cannot_break_out() {
        assert_eq!(attribute("a\"><script>"), "a&quot;&gt;&lt;script&gt;");
    }
}
