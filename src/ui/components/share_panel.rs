//! "Copy link" for the current trip, and "embed this": the snippets that put
//! the calculator with these settings on another page.

use super::fold::Fold;
use crate::core::share::encode_query;
use crate::ui::context::use_ui;
use std::fmt::Write;
use yew::prelude::*;

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
    let link = format!("{}?{}", props.widget_url, encode_query(&props.pairs));
    let base = base_of(&props.widget_url);
    // With JavaScript off (or embed.js blocked), readers still get a way to
    // the calculator.
    let noscript = format!(
        "<noscript>{} <a href=\"{}\">{}</a></noscript>",
        attribute(t.fallback_no_script),
        attribute(&link),
        attribute(t.fallback_open),
    );
    let iframe = format!(
        "<iframe src=\"{}\" title=\"{}\" data-roamplan loading=\"lazy\"\n  sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\"\n  style=\"width:100%;border:0;height:900px\"></iframe>\n{noscript}\n<script src=\"{base}embed.js\" defer></script>",
        attribute(&link),
        attribute(t.frame_title),
    );
    let data = props.pairs.iter().fold(String::new(), |mut out, (k, v)| {
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

    #[test]
    fn snippet_attributes_cannot_break_out() {
        assert_eq!(attribute("a\"><script>"), "a&quot;&gt;&lt;script&gt;");
    }
}
