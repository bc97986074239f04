//! One way to stay online: total, per person, per GB, who uses what on
//! which days, where each figure comes from, and what to watch out for.
//! Carries the test hooks.

use super::day_strip::{DayStrip, StripBlock};
use crate::core::catalogue::{Confidence, Plan};
use crate::core::engine::{DayService, Mode, Purchase, TripOption, OWN_PLAN_ID};
use crate::core::money::Money;
use crate::i18n::{
    badge_is_best, colon, fill, kind_name, mode_phrase, plan_line, plans_label, reasons_label,
    warning_text, Formatter,
};
use crate::ui::context::use_ui;
use yew::prelude::*;

/// Props of [`OptionCard`].
#[derive(Properties, PartialEq)]
pub struct OptionCardProps {
    /// The option.
    pub option: TripOption,
    /// Whether it is the headline answer (shown prominently, details open).
    pub best: bool,
    /// Travellers.
    pub people: u32,
    /// Days of the trip.
    pub total_days: u32,
    /// Day index where each leg starts.
    pub leg_starts: Vec<u32>,
    /// Whether each trip day is in the home country.
    pub at_home: Vec<bool>,
}

/// Only http(s) links are made clickable: a catalogue's text is untrusted.
pub fn safe_link(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| url.trim().to_owned())
}

/// Days as short ranges, 1-based, listed in the reader's language:
/// "1–3, 5" ("1–3、5" in Chinese).
pub fn day_ranges(days: &[u32], f: Formatter) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < days.len() {
        let start = days[i];
        let mut end = start;
        while i + 1 < days.len() && days[i + 1] == end + 1 {
            i += 1;
            end = days[i];
        }
        parts.push(if start == end {
            (start + 1).to_string()
        } else {
            format!("{}–{}", start + 1, end + 1)
        });
        i += 1;
    }
    f.list(&parts)
}

/// "Day 3" or "Days 1–3, 5".
fn days_phrase(days: &[u32], f: Formatter) -> String {
    let t = crate::i18n::texts(f.lang);
    let list = day_ranges(days, f);
    if days.len() == 1 {
        fill(t.day_single, &[("days", &list)])
    } else {
        fill(t.days_list, &[("days", &list)])
    }
}

/// Say it once: travellers each buying the same plan for the same days are
/// one line ("Traveller 1, Traveller 2 · HK$10.00 per person"), with the
/// plan's notes and sources shown once.
fn merged_purchases(purchases: &[Purchase]) -> Vec<Purchase> {
    let mut out: Vec<Purchase> = Vec::new();
    for p in purchases {
        let same = out.iter_mut().find(|q| {
            q.mode == Mode::Separate
                && p.mode == Mode::Separate
                && q.id == p.id
                && q.served == p.served
                && q.topups == p.topups
                && q.cost.currency == p.cost.currency
                && q.cost.minor / i64::try_from(q.travellers.len()).unwrap_or(1) == p.cost.minor
        });
        match same.and_then(|q| q.cost.minor.checked_add(p.cost.minor).map(|sum| (q, sum))) {
            Some((q, sum)) => {
                q.travellers.extend(p.travellers.iter().copied());
                q.cost = Money::new(sum, q.cost.currency);
            }
            None => out.push(p.clone()),
        }
    }
    out
}

/// "Traveller 1, Traveller 2", or "everyone".
fn who(travellers: &[usize], people: u32, f: Formatter) -> String {
    let t = crate::i18n::texts(f.lang);
    if u32::try_from(travellers.len()) == Ok(people) && people > 1 {
        return t.who_everyone.to_owned();
    }
    // In the order the form lists them, whatever order the search found.
    let mut ordered = travellers.to_vec();
    ordered.sort_unstable();
    let names: Vec<String> = ordered
        .iter()
        .map(|i| fill(t.traveller_label, &[("n", &(i + 1).to_string())]))
        .collect();
    f.list(&names)
}

/// Where a plan's figures come from, in words and links.
fn provenance(plan: &Plan, f: Formatter) -> Html {
    let t = crate::i18n::texts(f.lang);
    let p = &plan.provenance;
    let confidence = p.confidence.map(|c| match c {
        Confidence::Observed => t.confidence_observed,
        Confidence::Partial => t.confidence_partial,
        Confidence::Unverified => t.confidence_unverified,
    });
    let page = p
        .evidence
        .first()
        .map(|e| e.url.as_str())
        .or(p.source.as_deref())
        .and_then(safe_link);
    let seen = p
        .evidence
        .iter()
        .filter_map(|e| e.seen)
        .chain(p.checked)
        .max();
    html! {
        <span class="rp-provenance">
            if let Some(href) = page {
                <a href={href} target="_blank" rel="noopener noreferrer nofollow">{ t.evidence_link }</a>
            }
            if let Some(d) = seen {
                <span>{ fill(t.seen_on, &[("date", &f.date(d))]) }</span>
            }
            if let Some(c) = confidence {
                <span>{ c }</span>
            }
            if let Some(href) = p.buy_url.as_deref().and_then(safe_link) {
                <a href={href} target="_blank" rel="noopener noreferrer nofollow sponsored">{ t.buy_link }</a>
            }
        </span>
    }
}

/// A ranked option.
#[component]
pub fn OptionCard(props: &OptionCardProps) -> Html {
    let ui = use_ui();
    let (t, f) = (ui.t(), ui.f());
    let option = &props.option;
    let colour_of = |id: &str| option.plan_ids.iter().position(|p| p == id).unwrap_or(0);
    let purchase_item = |purchase: &Purchase| {
        let Some(plan) = ui.catalogue.plans.get(purchase.plan) else {
            return html! {};
        };
        let people = u32::try_from(purchase.travellers.len()).unwrap_or(u32::MAX);
        let usage = match purchase.mode {
            Mode::Hotspot(_) => {
                let host = purchase.host.unwrap_or(0);
                let guests: Vec<usize> = purchase
                    .travellers
                    .iter()
                    .copied()
                    .filter(|t| *t != host)
                    .collect();
                fill(
                    t.hotspot_for,
                    &[
                        ("host", &who(&[host], props.people, f)),
                        ("guests", &who(&guests, props.people, f)),
                    ],
                )
            }
            // Merged lines (several travellers buying the same): each one's price.
            Mode::Separate if purchase.travellers.len() > 1 => {
                let each = Money::new(
                    purchase.cost.minor / i64::try_from(purchase.travellers.len()).unwrap_or(1),
                    purchase.cost.currency,
                );
                format!(
                    "{} · {}",
                    who(&purchase.travellers, props.people, f),
                    fill(t.per_person, &[("amount", &f.money(each))])
                )
            }
            Mode::Separate => who(&purchase.travellers, props.people, f),
            mode => f.aside(
                &who(&purchase.travellers, props.people, f),
                &mode_phrase(mode, people, ui.lang),
            ),
        };
        html! {
            <li class="rp-block" data-plan={purchase.id.clone()}>
                <span class={classes!("rp-swatch", format!("rp-fill-{}", colour_of(&purchase.id) % 6))} aria-hidden="true"></span>
                <div>
                    <span class="rp-days">{ days_phrase(&purchase.served, f) }</span>
                    <span class="rp-plan-name">{ plan.name.get(ui.lang) }</span>
                    <span class="rp-muted">{ format!(" · {} · {}", plan.provider_name.get(ui.lang), kind_name(plan.kind, ui.lang)) }</span>
                    <span class="rp-block-meta">
                        if props.people > 1 { <span>{ usage }</span> }
                        if purchase.is_resumed() { <span>{ t.resumed_note }</span> }
                        if purchase.topups > 0 { <span>{ fill(t.topups, &[("n", &purchase.topups.to_string())]) }</span> }
                        <span>{ f.money(purchase.cost) }</span>
                    </span>
                    if let Some(w) = plan.provenance.sold_at.as_ref() {
                        <span class="rp-where" data-testid="where-to-buy">{ fill(t.where_to_buy, &[("where", w.get(ui.lang))]) }</span>
                    }
                    if let Some(n) = plan.provenance.notes.as_ref() {
                        <span class="rp-note">{ n.get(ui.lang).to_owned() }</span>
                    }
                    { provenance(plan, f) }
                </div>
            </li>
        }
    };
    // Own-line days away from home, per unit, in words.
    let own_line_lines: Vec<String> = option
        .units
        .iter()
        .filter_map(|unit| {
            let days: Vec<u32> = unit
                .days
                .iter()
                .enumerate()
                .filter(|(d, s)| {
                    s.is_own_line() && !props.at_home.get(*d).copied().unwrap_or(false)
                })
                .map(|(d, _)| u32::try_from(d).unwrap_or(0))
                .collect();
            (!days.is_empty() && option.plan_ids.iter().any(|p| p == OWN_PLAN_ID)).then(|| {
                fill(
                    t.own_line_covers,
                    &[
                        ("who", &who(&unit.travellers, props.people, f)),
                        ("days", &days_phrase(&days, f)),
                    ],
                )
            })
        })
        .collect();
    let strips: Vec<Vec<StripBlock>> = option
        .units
        .iter()
        .map(|unit| {
            let mut blocks: Vec<StripBlock> = Vec::new();
            for (d, service) in unit.days.iter().enumerate() {
                let colour = match service {
                    DayService::Purchase(n) => {
                        option.purchases.get(*n).map_or(0, |p| colour_of(&p.id))
                    }
                    // In another unit that day: a gap in this row.
                    DayService::Elsewhere => continue,
                    DayService::OwnLine | DayService::OwnLineAllowance(_) => colour_of(OWN_PLAN_ID),
                };
                let day = u32::try_from(d).unwrap_or(0);
                match blocks.last_mut() {
                    Some(last) if last.colour == colour && last.first_day + last.days == day => {
                        last.days += 1;
                    }
                    _ => blocks.push(StripBlock {
                        first_day: day,
                        days: 1,
                        colour,
                    }),
                }
            }
            blocks
        })
        .collect();
    let plans = plan_line(&ui.catalogue, option, ui.lang);
    let warnings: Vec<String> = option
        .warnings
        .iter()
        .map(|w| warning_text(w, &ui.catalogue, f))
        .collect();
    let details = html! {
        <>
            <ol class="rp-blocks">{ for merged_purchases(&option.purchases).iter().map(purchase_item) }</ol>
            if !warnings.is_empty() {
                <div class="rp-warnings">
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
    let reasons: Vec<&str> = option.reasons.iter().map(|r| r.code()).collect();
    html! {
        <article class={classes!("rp-option", props.best.then_some("rp-best"))}
            data-testid="option"
            data-total-minor={option.total.minor.to_string()}
            data-currency={option.total.currency.to_string()}
            data-strategy={option.strategy.code()}
            data-plans={option.plan_ids.join(",")}
            data-reasons={reasons.join(" ")}>
            <header class="rp-option-head">
                // One label saying why the option is listed (all its reasons).
                <div class="rp-badges">
                    <span class={classes!("rp-badge", badge_is_best(option, props.best).then_some("rp-badge-best"))}>
                        { reasons_label(option, ui.lang) }
                    </span>
                </div>
                <div class="rp-total">
                    <span class="rp-visually-hidden">{ t.total_label }{ " " }</span>
                    <span class="rp-amount">{ f.money(option.total) }</span>
                    <span class="rp-muted rp-figures">
                        if props.people > 1 { <span>{ fill(t.per_person, &[("amount", &f.money(option.per_person))]) }</span> }
                        if let Some(g) = option.per_gb {
                            <span>{ fill(t.per_gb, &[("amount", &f.money(g))]) }</span>
                        }
                    </span>
                </div>
            </header>
            <p class="rp-option-plans">
                if let Some(label) = plans_label(option, props.people, ui.lang) {
                    <span class="rp-muted">{ label }{ colon(ui.lang) }</span>
                }
                { plans }
            </p>
            <>{ for strips.into_iter().map(|blocks| html! {
                <DayStrip {blocks} total_days={props.total_days} leg_starts={props.leg_starts.clone()} />
            }) }</>
            // What the own line does is the answer itself; what to buy, with
            // notes, sources and cautions, opens on demand.
            <>{ for own_line_lines.iter().map(|l| html! { <p class="rp-own-line">{ l.clone() }</p> }) }</>
            <details class="rp-option-details">
                <summary>{ t.plan_details }</summary>
                { details }
            </details>
        </article>
    }
}
