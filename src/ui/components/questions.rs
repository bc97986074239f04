//! The three questions behind the widget, answered in words for this trip:
//! does it work across these borders, can we share as a family, should I use
//! my own plan.

use crate::core::country::CountryCode;
use crate::core::engine::{Answer, Reason, Service, TripOption};
use crate::core::money::{div_round, Currency, Money};
use crate::core::trip::Trip;
use crate::i18n::fill;
use crate::ui::context::use_ui;
use yew::prelude::*;

/// European countries outside EU roaming that travellers often combine with
/// EU countries; when a trip mixes both, the EU note is shown.
const EUROPE_OUTSIDE_EU_ROAMING: [&str; 7] = ["GB", "CH", "AD", "MC", "SM", "VA", "GI"];

/// Props of [`Questions`].
#[derive(Properties, PartialEq)]
pub struct QuestionsProps {
    /// The answer.
    pub answer: Answer,
    /// The trip answered.
    pub trip: Trip,
    /// Display currency.
    pub currency: Currency,
}

fn option_with(answer: &Answer, reason: Reason) -> Option<&TripOption> {
    answer.options.iter().find(|o| o.reasons.contains(&reason))
}

/// The three answers.
#[component]
pub fn Questions(props: &QuestionsProps) -> Html {
    let ui = use_ui();
    let (t, f) = (ui.t(), ui.f());
    let trip = &props.trip;
    let answer = &props.answer;
    let countries = trip.countries();
    let names =
        |list: &[CountryCode]| f.list(&list.iter().map(|c| f.country(*c)).collect::<Vec<_>>());
    let plan_name = |id: &str| {
        ui.catalogue
            .plan(id)
            .map_or_else(|| id.to_owned(), |p| p.name.get(ui.lang).to_owned())
    };

    // 1. Borders: the plans of the listed options, which legs each covers.
    let mut plan_indices: Vec<usize> = Vec::new();
    for option in &answer.options {
        for block in &option.blocks {
            if let Service::Plan { plan, .. } = block.service {
                if !plan_indices.contains(&plan) {
                    plan_indices.push(plan);
                }
            }
        }
    }
    let borders: Vec<String> = plan_indices
        .iter()
        .take(5)
        .filter_map(|&i| ui.catalogue.plans.get(i))
        .map(|plan| {
            let (covered, missing): (Vec<CountryCode>, Vec<CountryCode>) =
                countries.iter().partition(|c| plan.covers(**c));
            let name = plan.name.get(ui.lang);
            if missing.is_empty() {
                fill(
                    t.q_borders_all,
                    &[("plan", name), ("countries", &names(&covered))],
                )
            } else {
                fill(
                    t.q_borders_some,
                    &[
                        ("plan", name),
                        ("covered", &names(&covered)),
                        ("missing", &names(&missing)),
                    ],
                )
            }
        })
        .collect();
    let mixes_eu_and_outside = countries.iter().any(|c| c.in_eu_roaming_area())
        && countries
            .iter()
            .any(|c| EUROPE_OUTSIDE_EU_ROAMING.contains(&c.as_str()));

    // 2. Family.
    let money = |o: &TripOption| f.money(o.total);
    let first_plan = |o: &TripOption| {
        o.plan_ids
            .first()
            .map(|id| plan_name(id))
            .unwrap_or_default()
    };
    let mut family: Vec<String> = Vec::new();
    if trip.people <= 1 {
        family.push(t.q_family_single.to_owned());
    } else {
        if let Some(o) = option_with(answer, Reason::CheapestSeparate) {
            family.push(fill(t.q_family_separate, &[("amount", &money(o))]));
        }
        match option_with(answer, Reason::CheapestHotspot) {
            Some(o) => family.push(fill(
                t.q_family_hotspot,
                &[("amount", &money(o)), ("plan", &first_plan(o))],
            )),
            None if !trip.together => family.push(t.q_family_hotspot_apart.to_owned()),
            None => {
                let need = u64::from(trip.people - 1) * trip.mb_per_day;
                family.push(fill(t.q_family_hotspot_none, &[("mb", &f.data(need))]));
            }
        }
        match option_with(answer, Reason::CheapestPool) {
            Some(o) => family.push(fill(
                t.q_family_pool,
                &[("amount", &money(o)), ("plan", &first_plan(o))],
            )),
            None => family.push(fill(
                t.q_family_pool_none,
                &[("n", &trip.people.to_string())],
            )),
        }
        let bound = ui.catalogue.plans.iter().find(|p| {
            p.cards.is_some() && p.pool.is_none() && countries.iter().any(|c| p.covers(*c))
        });
        if let Some(plan) = bound {
            family.push(fill(t.q_family_bound, &[("plan", plan.name.get(ui.lang))]));
        }
    }

    // 3. Own plan.
    let mut own: Vec<String> = Vec::new();
    let eu_days = trip
        .legs
        .iter()
        .filter(|l| l.country.in_eu_roaming_area())
        .map(|l| l.days)
        .sum::<u32>();
    match (&answer.own_plan, trip.home_plan) {
        _ if trip.home.is_none() || trip.home_plan.is_none() => {
            own.push(t.q_own_not_given.to_owned());
        }
        (None, _) => own.push(t.q_own_not_eu.to_owned()),
        _ if eu_days == 0 => own.push(t.q_own_no_eu_days.to_owned()),
        (Some(roaming), Some(plan)) => {
            let ex_vat = i64::try_from(div_round(
                i128::from(plan.monthly_price.minor) * 10_000,
                10_000 + i128::from(roaming.vat_basis_points),
            ))
            .unwrap_or(0);
            own.push(fill(
                t.q_own_allowance,
                &[
                    ("gb", &f.data(roaming.monthly_allowance_mb())),
                    (
                        "price",
                        &f.money(Money::new(ex_vat, plan.monthly_price.currency)),
                    ),
                    ("year", &trip.start.year().to_string()),
                    (
                        "cap",
                        &f.money(Money::new(roaming.cap_cents_per_gb, Currency::EUR)),
                    ),
                ],
            ));
            // As if the own plan served every EU/EEA day of the trip.
            let used = trip.mb_per_day * u64::from(eu_days);
            if used <= roaming.allowance_mb {
                own.push(fill(t.q_own_within, &[("used", &f.data(used))]));
            } else {
                let rates = &ui.catalogue.rates;
                let group = roaming.surcharge(used).times(u64::from(trip.people));
                let amount = rates
                    .to_money(group, props.currency)
                    .map(|m| f.money(m))
                    .unwrap_or_default();
                let over = used - roaming.allowance_mb;
                own.push(fill(
                    t.q_own_over,
                    &[
                        ("used", &f.data(used)),
                        ("over", &f.data(over)),
                        ("amount", &amount),
                    ],
                ));
            }
            let outside: Vec<CountryCode> = countries
                .iter()
                .copied()
                .filter(|c| !c.in_eu_roaming_area())
                .collect();
            if !outside.is_empty() {
                own.push(fill(t.q_own_outside, &[("countries", &names(&outside))]));
            }
        }
        (Some(_), None) => own.push(t.q_own_not_given.to_owned()),
    }

    let item = |id: &'static str, question: &'static str, lines: Vec<String>| {
        html! {
            <div class="rp-question" id={id}>
                <h3>{ question }</h3>
                { for lines.into_iter().map(|l| html! { <p>{ l }</p> }) }
            </div>
        }
    };
    let mut border_lines = borders;
    if mixes_eu_and_outside {
        border_lines.push(t.q_borders_eu_note.to_owned());
    }
    html! {
        <section class="rp-card rp-questions" aria-labelledby="rp-questions-heading">
            <h2 id="rp-questions-heading">{ t.questions_heading }</h2>
            { item("rp-q-borders", t.q_borders, border_lines) }
            { item("rp-q-family", t.q_family, family) }
            { item("rp-q-own", t.q_own, own) }
        </section>
    }
}
