//! On a phone the answer sits below the whole form: this bar keeps the best
//! total in view at the bottom of the screen while the reader edits, and
//! jumps to the answer. Hidden on wide screens, where both sit side by side.

use crate::core::engine::TripOption;
use crate::i18n::strategy_label;
use crate::ui::context::use_ui;
use yew::prelude::*;

/// Props of [`BestBar`].
#[derive(Properties, PartialEq)]
pub struct BestBarProps {
    /// The best option.
    pub best: TripOption,
    /// Travellers: "a line each" is not said to someone alone.
    #[prop_or(1)]
    pub people: u32,
}

/// The sticky best-total bar.
#[component]
pub fn BestBar(props: &BestBarProps) -> Html {
    let ui = use_ui();
    let (t, f) = (ui.t(), ui.f());
    html! {
        <a class="rp-bestbar" href="#rp-results-heading">
            <span class="rp-badge rp-badge-best">{ t.best_badge }</span>
            <strong>{ f.money(props.best.total) }</strong>
            <span class="rp-bestbar-way">{ strategy_label(props.best.strategy, props.people, ui.lang).unwrap_or_default() }</span>
            <span aria-hidden="true">{ "↓" }</span>
        </a>
    }
}
