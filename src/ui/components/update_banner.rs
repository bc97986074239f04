//! "A new version is ready — Reload", shown when a newer release has been
//! downloaded in the background and waits for the reader's go-ahead.

use crate::ui::context::use_ui;
use yew::prelude::*;

/// Props of [`UpdateBanner`].
#[derive(Properties, PartialEq)]
pub struct UpdateBannerProps {
    /// The reader chose to reload into the new version.
    pub onreload: Callback<()>,
}

/// The update notice.
#[component]
pub fn UpdateBanner(props: &UpdateBannerProps) -> Html {
    let ui = use_ui();
    let t = ui.t();
    let onclick = props.onreload.reform(|_: MouseEvent| ());
    html! {
        <div class="rp-notice rp-update" role="status" data-testid="update-ready">
            <span>{ t.update_ready }</span>
            <button type="button" class="rp-secondary" {onclick}>{ t.update_reload }</button>
        </div>
    }
}
