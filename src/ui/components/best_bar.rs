//! On a phone the answer sits below the whole form: this bar keeps the best
//! total in view at the bottom of the screen while the reader edits, and
//! jumps to the answer. Hidden on wide screens, where both sit side by side.

use crate::core::engine::{Strategy, TripOption};
use crate::i18n::strategy_name;
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
            <span class="rp-bestbar-way">
                if props.people > 1 || props.best.strategy != Strategy::Separate {
                    { strategy_name(props.best.strategy, ui.lang) }
                }
            </span>
            <span aria-hidden="true">{ "↓" }</span>
        </a>
    }
}
