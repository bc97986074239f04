//! One ranked way to stay online: total, per person, per GB, the plans per
//! block of days, and what to watch out for. Carries the test hooks.

use super::day_strip::{DayStrip, StripBlock};
use crate::core::catalogue::{Confidence, Plan};
use crate::core::engine::{Block, Service, TripOption};
use crate::i18n::{fill, kind_name, mode_phrase, reason_name, strategy_name, warning_text};
use crate::ui::context::use_ui;
use yew::prelude::*;

/// Props of [`OptionCard`].
#[derive(Properties, PartialEq)]
pub struct OptionCardProps {
    /// The option.
    pub option: TripOption,
    /// Whether it is the best one (shown prominently, details open).
    pub best: bool,
    /// Travellers.
    pub people: u32,
    /// Days of the trip.
    pub total_days: u32,
    /// Day index where each leg starts.
    pub leg_starts: Vec<u32>,
}

/// Only http(s) links are made clickable: a catalogue's text is untrusted.
fn safe_link(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| url.trim().to_owned())
}

/// A ranked option.
#[component]
pub fn OptionCard(props: &OptionCardProps) -> Html {
    let ui = use_ui();
    let (t, f) = (ui.t(), ui.f());
    let option = &props.option;
    let colour_of = |id: &str| option.plan_ids.iter().position(|p| p == id).unwrap_or(0);
    let strip: Vec<StripBlock> = option
        .blocks
        .iter()
        .map(|b| {
            let id = match &b.service {
                Service::Plan { id, .. } => id.as_str(),
                Service::OwnPlan => crate::core::engine::OWN_PLAN_ID,
            };
            StripBlock {
                first_day: b.first_day,
                days: b.days,
                colour: colour_of(id),
            }
        })
        .collect();
    let days_label = |b: &Block| {
        let (a, z) = (
            (b.first_day + 1).to_string(),
            (b.first_day + b.days).to_string(),
        );
        if b.days == 1 {
            fill(t.day_one, &[("a", &a)])
        } else {
            fill(t.day_range, &[("a", &a), ("b", &z)])
        }
    };
    let provenance = |plan: &Plan| {
        let p = &plan.provenance;
        let confidence = p.confidence.map(|c| match c {
            Confidence::Observed => t.confidence_observed,
            Confidence::Partial => t.confidence_partial,
            Confidence::Unverified => t.confidence_unverified,
        });
        html! {
            <span class="rp-provenance">
                { for p.source.as_deref().and_then(safe_link).map(|href| html! {
                    <a href={href} target="_blank" rel="noopener noreferrer nofollow">{ t.source_link }</a>
                }) }
                { for p.checked.map(|d| html! { <span>{ fill(t.checked_on, &[("date", &f.date(d))]) }</span> }) }
                { for confidence.map(|c| html! { <span>{ c }</span> }) }
            </span>
        }
    };
    let block_item = |b: &Block| {
        let (swatch, body) = match &b.service {
            Service::Plan {
                plan,
                id,
                mode,
                topups,
                cost,
            } => {
                let Some(plan) = ui.catalogue.plans.get(*plan) else {
                    return html! {};
                };
                (
                    colour_of(id),
                    html! {
                        <>
                            <span class="rp-plan-name">{ plan.name.get(ui.lang) }</span>
                            <span class="rp-muted">{ format!(" · {} · {}", plan.provider, kind_name(plan.kind, ui.lang)) }</span>
                            <span class="rp-block-meta">
                                if props.people > 1 { <span>{ mode_phrase(*mode, props.people, ui.lang) }</span> }
                                if *topups > 0 { <span>{ fill(t.topups, &[("n", &topups.to_string())]) }</span> }
                                <span>{ fill(t.block_cost, &[("amount", &f.money(*cost))]) }</span>
                            </span>
                            { provenance(plan) }
                        </>
                    },
                )
            }
            Service::OwnPlan => {
                let surcharge = option.own_plan.map(|o| o.surcharge);
                (
                    colour_of(crate::core::engine::OWN_PLAN_ID),
                    html! {
                        <>
                            <span class="rp-plan-name">{ t.own_plan_block }</span>
                            <span class="rp-block-meta">
                                { match surcharge {
                                    Some(s) if s.minor > 0 => fill(t.own_plan_surcharge, &[("amount", &f.money(s))]),
                                    _ => t.own_plan_free.to_owned(),
                                } }
                            </span>
                        </>
                    },
                )
            }
        };
        html! {
            <li class="rp-block">
                <span class={classes!("rp-swatch", format!("rp-fill-{}", swatch % 6))} aria-hidden="true"></span>
                <div>
                    <span class="rp-days">{ days_label(b) }</span>
                    { body }
                </div>
            </li>
        }
    };
    let plan_names: Vec<String> = option
        .plan_ids
        .iter()
        .map(|id| {
            ui.catalogue.plan(id).map_or_else(
                || t.own_plan_block.to_owned(),
                |p| p.name.get(ui.lang).to_owned(),
            )
        })
        .collect();
    let warnings: Vec<String> = option
        .warnings
        .iter()
        .map(|w| warning_text(w, &ui.catalogue, f))
        .collect();
    let details = html! {
        <>
            <ol class="rp-blocks">{ for option.blocks.iter().map(block_item) }</ol>
            if !warnings.is_empty() {
                <div class="rp-warnings">
                    // The best option sits right under the results' h2, the
                    // others under the "other options" h3: one level below.
                    if props.best {
                        <h3>{ t.warnings_heading }</h3>
                    } else {
                        <h4>{ t.warnings_heading }</h4>
                    }
                    <ul>{ for warnings.iter().map(|w| html! { <li>{ w.clone() }</li> }) }</ul>
                </div>
            }
        </>
    };
    html! {
        <article class={classes!("rp-option", props.best.then_some("rp-best"))}
            data-testid="option"
            data-total-minor={option.total.minor.to_string()}
            data-currency={option.total.currency.to_string()}
            data-strategy={option.strategy.code()}
            data-plans={option.plan_ids.join(",")}>
            <header class="rp-option-head">
                <div class="rp-badges">
                    if props.best { <span class="rp-badge rp-badge-best">{ t.best_badge }</span> }
                    { for option.reasons.iter().filter(|r| !props.best || **r != crate::core::engine::Reason::Cheapest).map(|r| html! {
                        <span class="rp-badge">{ reason_name(*r, ui.lang) }</span>
                    }) }
                    <span class="rp-badge rp-badge-plain">{ strategy_name(option.strategy, ui.lang) }</span>
                </div>
                <div class="rp-total">
                    <span class="rp-visually-hidden">{ t.total_label }{ " " }</span>
                    <span class="rp-amount">{ f.money(option.total) }</span>
                    <span class="rp-muted rp-figures">
                        if props.people > 1 { <span>{ fill(t.per_person, &[("amount", &f.money(option.per_person))]) }</span> }
                        { for option.per_gb.map(|g| html! { <span>{ fill(t.per_gb, &[("amount", &f.money(g))]) }</span> }) }
                    </span>
                </div>
            </header>
            if !props.best {
                // What the option is, without opening its details.
                <p class="rp-option-plans">{ plan_names.join(" → ") }</p>
            }
            <DayStrip blocks={strip} total_days={props.total_days} leg_starts={props.leg_starts.clone()} />
            if props.best {
                { details }
            } else {
                <details>
                    <summary>{ t.plan_details }</summary>
                    { details }
                </details>
            }
        </article>
    }
}
