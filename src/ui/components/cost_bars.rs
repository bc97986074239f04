//! Total cost by option, as bars. Bars are SVG geometry (no inline styles);
//! labels and amounts are plain text beside them.

use crate::core::engine::TripOption;
use crate::i18n::{reason_name, strategy_name};
use crate::ui::context::use_ui;
use yew::prelude::*;

/// Props of [`CostBars`].
#[derive(Properties, PartialEq)]
pub struct CostBarsProps {
    /// Options, best first.
    pub options: Vec<TripOption>,
}

/// Bars of each option's total.
#[component]
pub fn CostBars(props: &CostBarsProps) -> Html {
    let ui = use_ui();
    let (t, f) = (ui.t(), ui.f());
    let max = props
        .options
        .iter()
        .map(|o| o.total.minor)
        .max()
        .unwrap_or(0)
        .max(1);
    let label = |o: &TripOption| {
        let reason = o.reasons.first().map_or_else(
            || strategy_name(o.strategy, ui.lang),
            |r| reason_name(*r, ui.lang),
        );
        let plans: Vec<String> = o
            .plan_ids
            .iter()
            .map(|id| {
                ui.catalogue.plan(id).map_or_else(
                    || t.strategy_home.to_owned(),
                    |p| p.name.get(ui.lang).to_owned(),
                )
            })
            .collect();
        (reason, plans.join(" + "))
    };
    html! {
        <figure class="rp-card rp-chart" aria-labelledby="rp-bars-title">
            <figcaption id="rp-bars-title"><h2>{ t.chart_bars_title }</h2></figcaption>
            <ol class="rp-bars">
                { for props.options.iter().enumerate().map(|(i, o)| {
                    let (reason, plans) = label(o);
                    // Width in thousandths of the largest total, at least a sliver.
                    let width = (o.total.minor.max(0) * 1000 / max).max(4);
                    html! {
                        <li class="rp-bar-row">
                            <span class="rp-bar-label"><strong>{ reason }</strong><span class="rp-muted">{ plans }</span></span>
                            <svg class="rp-bar" viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                                <rect class={if i == 0 { "rp-fill-best" } else { "rp-fill-other" }} x="0" y="0" width={width.to_string()} height="10" rx="2" />
                            </svg>
                            <span class="rp-bar-amount">{ f.money(o.total) }</span>
                        </li>
                    }
                }) }
            </ol>
        </figure>
    }
}
