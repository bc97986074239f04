//! The answer: the best option first and prominent, then the alternatives;
//! or which countries nothing covers.

use super::option_card::OptionCard;
use crate::core::engine::{Answer, Reason};
use crate::core::money::Money;
use crate::core::trip::Trip;
use crate::i18n::fill;
use crate::ui::context::use_ui;
use yew::prelude::*;

/// Props of [`Results`].
#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// The engine's answer for `trip`.
    pub answer: Answer,
    /// The trip answered (the last valid one).
    pub trip: Trip,
    /// Whether the form currently holds a refused value.
    pub form_invalid: bool,
}

/// The ranked answer.
#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let ui = use_ui();
    let (t, f) = (ui.t(), ui.f());
    let total_days = props.trip.total_days();
    let leg_starts: Vec<u32> = props.trip.leg_first_days();
    let at_home: Vec<bool> = props
        .trip
        .day_countries()
        .iter()
        .map(|c| Some(*c) == props.trip.home)
        .collect();
    let people = props.trip.people();
    // One line each: what a carrier's customers would pay, what the
    // simplest costs more, why a cheaper unverified answer is not first.
    let mut notes: Vec<String> = Vec::new();
    if let Some(hint) = props.answer.carrier_hints.first() {
        notes.push(fill(
            t.carrier_hint,
            &[
                (
                    "carrier",
                    &ui.catalogue.carrier_name(&hint.carrier, ui.lang),
                ),
                ("amount", &f.money(hint.total)),
            ],
        ));
    }
    if let Some(headline) = props.answer.options.first() {
        let with = |r: Reason| props.answer.options.iter().find(|o| o.reasons.contains(&r));
        if let Some(simplest) =
            with(Reason::Simplest).filter(|o| o.total.minor > headline.total.minor)
        {
            let diff = Money::new(
                simplest.total.minor - headline.total.minor,
                headline.total.currency,
            );
            notes.push(fill(t.simplest_diff, &[("amount", &f.money(diff))]));
        }
        if headline.reasons.contains(&Reason::Verified) {
            if let Some(cheaper) =
                with(Reason::Cheapest).filter(|o| o.total.minor < headline.total.minor)
            {
                notes.push(fill(
                    t.unverified_cheaper,
                    &[("amount", &f.money(cheaper.total))],
                ));
            }
        }
    }
    let body = if props.answer.too_much_work || props.answer.too_large {
        let mut kinds = props.trip.travellers.clone();
        kinds.sort_unstable();
        kinds.dedup();
        let text = if props.answer.too_much_work {
            fill(
                t.too_much_work,
                &[
                    ("plans", &ui.catalogue.plans.len().to_string()),
                    ("days", &total_days.to_string()),
                    ("kinds", &kinds.len().to_string()),
                ],
            )
        } else {
            t.answer_too_large.to_owned()
        };
        html! {
            <div class="rp-card rp-no-option" data-testid="no-answer" role="status">
                <p><strong>{ text }</strong></p>
            </div>
        }
    } else if props.answer.uncovered.is_empty() {
        let mut options = props.answer.options.iter();
        html! {
            <>
                if let Some(best) = options.next() {
                    <OptionCard option={best.clone()} best=true {people} {total_days} leg_starts={leg_starts.clone()} at_home={at_home.clone()} />
                }
                // One node however many notes: the cards around keep their
                // place (yew matches a parent's children from the last).
                <>{ for notes.iter().map(|n| html! { <p class="rp-answer-note" data-testid="answer-note">{ n.clone() }</p> }) }</>
                if props.answer.options.len() > 1 {
                    <h3 class="rp-subheading">{ t.alternatives_heading }</h3>
                    <div class="rp-options">
                        { for options.map(|o| html! {
                            <OptionCard option={o.clone()} best=false {people} {total_days} leg_starts={leg_starts.clone()} at_home={at_home.clone()} />
                        }) }
                    </div>
                }
            </>
        }
    } else {
        let codes: Vec<String> = props
            .answer
            .uncovered
            .iter()
            .map(ToString::to_string)
            .collect();
        let names: Vec<String> = props
            .answer
            .uncovered
            .iter()
            .map(|c| f.country(*c))
            .collect();
        html! {
            <div class="rp-card rp-no-option" data-testid="no-option" data-uncovered={codes.join(",")} role="status">
                <p><strong>{ fill(t.no_option, &[("countries", &f.list(&names))]) }</strong></p>
                <p class="rp-muted">{ t.no_option_hint }</p>
                { for notes.iter().map(|n| html! { <p class="rp-answer-note" data-testid="answer-note">{ n.clone() }</p> }) }
            </div>
        }
    };
    html! {
        <section class="rp-results" aria-labelledby="rp-results-heading">
            <h2 id="rp-results-heading">{ t.results_heading }</h2>
            if props.form_invalid {
                <p class="rp-notice" role="status">{ t.stale_answer }</p>
            }
            { body }
        </section>
    }
}
