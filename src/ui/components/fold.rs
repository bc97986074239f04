//! A section that opens on demand: its heading is the only line shown until
//! the reader asks for the rest, so the answer stays near the top of a phone
//! screen and an embed stays short (charts, the plan list, the share link).

use yew::prelude::*;

/// Props of [`Fold`].
#[derive(Properties, PartialEq)]
pub struct FoldProps {
    /// Classes of the section (`rp-card rp-browser`).
    pub class: Classes,
    /// The heading's id (other elements refer to it).
    pub heading_id: AttrValue,
    /// The heading.
    pub heading: AttrValue,
    /// What opens.
    pub children: Html,
}

/// A folded section: `<details>` with its heading as summary.
#[component]
pub fn Fold(props: &FoldProps) -> Html {
    html! {
        <details class={classes!(props.class.clone(), "rp-fold")}>
            <summary><h2 id={props.heading_id.clone()}>{ props.heading.clone() }</h2></summary>
            { props.children.clone() }
        </details>
    }
}
