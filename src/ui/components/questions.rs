//! The three questions behind the widget, answered in words for this trip:
//! does it work across these borders, can we share as a family, should I use
//! my own plan.

use crate::core::country::CountryCode;
use crate::core::engine::{Answer, DayUse, GroupKind, Mode, Reason, TripOption, OWN_PLAN_ID};
use crate::core::money::{div_round, Currency, Money};
use crate::core::trip::{OwnPlan, Trip};
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

    // 1. Borders: the plans of the listed options; one sentence per
    // distinct answer (plans with the same coverage of this trip together).
    let mut plan_indices: Vec<usize> = Vec::new();
    for option in &answer.options {
        for purchase in &option.purchases {
            if !plan_indices.contains(&purchase.plan) {
                plan_indices.push(purchase.plan);
            }
        }
    }
    let abroad: Vec<CountryCode> = countries
        .iter()
        .copied()
        .filter(|c| Some(*c) != trip.home)
        .collect();
    let mut groups: Vec<(Vec<CountryCode>, Vec<String>)> = Vec::new();
    for plan in plan_indices
        .iter()
        .filter_map(|&i| ui.catalogue.plans.get(i))
    {
        let covered: Vec<CountryCode> =
            abroad.iter().copied().filter(|c| plan.covers(*c)).collect();
        let name = plan.name.get(ui.lang).to_owned();
        match groups.iter_mut().find(|(c, _)| *c == covered) {
            Some((_, names)) => names.push(name),
            None => groups.push((covered, vec![name])),
        }
    }
    let borders: Vec<String> = groups
        .iter()
        .take(4)
        .map(|(covered, plans)| {
            let missing: Vec<CountryCode> = abroad
                .iter()
                .copied()
                .filter(|c| !covered.contains(c))
                .collect();
            let name = f.list(plans);
            // Several plans take the plural verb ("… work in", "… couvrent").
            let (all, some) = if plans.len() > 1 {
                (t.q_borders_all_many, t.q_borders_some_many)
            } else {
                (t.q_borders_all, t.q_borders_some)
            };
            if missing.is_empty() {
                fill(all, &[("plan", &name), ("countries", &names(covered))])
            } else {
                fill(
                    some,
                    &[
                        ("plan", &name),
                        ("covered", &names(covered)),
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
            .iter()
            .find(|id| *id != OWN_PLAN_ID)
            .map(|id| plan_name(id))
            .unwrap_or_default()
    };
    let mut family: Vec<String> = Vec::new();
    let people = trip.people();
    if people <= 1 {
        family.push(t.q_family_single.to_owned());
    } else {
        if let Some(o) = option_with(answer, Reason::Separate) {
            family.push(fill(t.q_family_separate, &[("amount", &money(o))]));
        }
        let sharing = answer.options.iter().find(|o| {
            o.purchases
                .iter()
                .any(|p| matches!(p.mode, Mode::Hotspot(_)))
        });
        match sharing {
            Some(o) => family.push(fill(
                t.q_family_hotspot,
                &[("amount", &money(o)), ("plan", &first_plan(o))],
            )),
            None if !trip.together => family.push(t.q_family_hotspot_apart.to_owned()),
            None => {
                let need = trip.group_mb_per_day()
                    - trip
                        .travellers
                        .iter()
                        .map(|x| x.mb_per_day)
                        .min()
                        .unwrap_or(0);
                family.push(fill(t.q_family_hotspot_none, &[("mb", &f.data(need))]));
            }
        }
        match answer
            .options
            .iter()
            .find(|o| o.purchases.iter().any(|p| p.mode == Mode::Pool))
        {
            Some(o) => family.push(fill(
                t.q_family_pool,
                &[("amount", &money(o)), ("plan", &first_plan(o))],
            )),
            None => family.push(fill(t.q_family_pool_none, &[("n", &people.to_string())])),
        }
        let bound = ui.catalogue.plans.iter().find(|p| {
            p.cards.is_some() && p.pool.is_none() && countries.iter().any(|c| p.covers(*c))
        });
        if let Some(plan) = bound {
            family.push(fill(t.q_family_bound, &[("plan", plan.name.get(ui.lang))]));
        }
    }

    // 3. The own line.
    let mut own: Vec<String> = Vec::new();
    match &answer.own_line {
        None => own.push(t.q_own_no_home.to_owned()),
        Some(line) => {
            let home_days = trip.days_at_home();
            if home_days > 0 {
                let days = f.days(home_days);
                own.push(fill(t.q_own_home_days, &[("days", &days)]));
            }
            let mut not_included: Vec<CountryCode> = Vec::new();
            for country in &abroad {
                if line.day_use(*country) == DayUse::None {
                    not_included.push(*country);
                }
            }
            for group in &line.groups {
                let here: Vec<CountryCode> = abroad
                    .iter()
                    .copied()
                    .filter(|c| group.covers(*c))
                    .collect();
                if here.is_empty() {
                    continue;
                }
                let sentence = match (group.kind, group.allowance_mb) {
                    (GroupKind::EuPlanUnknown, _) => {
                        fill(t.q_own_eu_unknown, &[("countries", &names(&here))])
                    }
                    (_, Some(mb)) => fill(
                        t.q_own_group,
                        &[
                            ("countries", &names(&here)),
                            ("allowance", &f.data(mb / u64::from(line.periods.max(1)))),
                        ],
                    ),
                    (_, None) => fill(t.q_own_group_unlimited, &[("countries", &names(&here))]),
                };
                own.push(sentence);
            }
            if let Some(eu) = line.eu {
                let eu_here = abroad.iter().any(|c| c.in_eu_roaming_area());
                if eu_here {
                    let plan_price =
                        line.plan(&ui.catalogue)
                            .map(|p| p.price)
                            .or(match &trip.own_plan {
                                Some(OwnPlan::Custom(hp)) => Some(hp.monthly_price),
                                _ => None,
                            });
                    if let Some(price) = plan_price {
                        let ex_vat = i64::try_from(div_round(
                            i128::from(price.minor) * 10_000,
                            10_000 + i128::from(eu.vat_basis_points),
                        ))
                        .unwrap_or(0);
                        own.push(fill(
                            t.q_own_allowance,
                            &[
                                ("gb", &f.data(eu.monthly_allowance_mb())),
                                ("price", &f.money(Money::new(ex_vat, price.currency))),
                                ("year", &trip.start.year().to_string()),
                                (
                                    "cap",
                                    &f.money(Money::new(eu.cap_cents_per_gb, Currency::EUR)),
                                ),
                            ],
                        ));
                    }
                }
            }
            if !not_included.is_empty() {
                if line.plan.is_none()
                    && line.eu.is_none()
                    && !matches!(trip.own_plan, Some(OwnPlan::Custom(_)))
                {
                    // Nothing to choose when the catalogue lists none of the
                    // carrier's plans: say who can tell.
                    let listed = trip.carrier.as_deref().is_none_or(|carrier| {
                        ui.catalogue
                            .home_plans_of(line.home, carrier)
                            .next()
                            .is_some()
                    });
                    let sentence = match trip.carrier.as_deref() {
                        Some(crate::ui::state::OTHER_CARRIER) => {
                            fill(t.q_own_ask_carrier, &[("countries", &names(&not_included))])
                        }
                        Some(carrier) if !listed => fill(
                            t.q_own_plan_not_listed,
                            &[
                                ("carrier", &ui.catalogue.carrier_name(carrier, ui.lang)),
                                ("countries", &names(&not_included)),
                            ],
                        ),
                        _ => fill(
                            t.q_own_plan_unknown,
                            &[("countries", &names(&not_included))],
                        ),
                    };
                    own.push(sentence);
                } else {
                    own.push(fill(
                        t.q_own_not_included,
                        &[("countries", &names(&not_included))],
                    ));
                }
            }
            if let Some(best) = answer.options.first() {
                for w in &best.warnings {
                    if let crate::core::engine::Warning::OwnLineAllowanceExceeded { .. } = w {
                        own.push(crate::i18n::warning_text(w, &ui.catalogue, f));
                    }
                }
            }
        }
    }

    let item = |id: &'static str, question: &'static str, lines: Vec<String>| {
        html! {
            <div class="rp-question" id={id}>
                <h3>{ question }</h3>
                <>{ for lines.into_iter().map(|l| html! { <p>{ l }</p> }) }</>
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
            { item("rp-q-own", t.q_own_line, own) }
        </section>
    }
}
