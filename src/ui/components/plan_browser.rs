//! Every plan for the trip's countries, filterable and sortable, with its
//! terms and where its figures come from.

use super::fold::Fold;
use crate::core::catalogue::{Billing, Hotspot, Plan, PlanKind, MB_PER_GB};
use crate::core::country::CountryCode;
use crate::core::engine::is_offered;
use crate::core::money::{Currency, Value};
use crate::core::trip::Trip;
use crate::i18n::{fill, kind_name};
use crate::ui::context::use_ui;
use crate::ui::events::{input_checked, select_value};
use yew::prelude::*;

/// Plans listed before "show all": enough to compare, short enough to
/// keep the answer in view in an embed.
const FIRST_PLANS: usize = 8;

/// How the list is sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SortBy {
    Price,
    PerGb,
    Validity,
}

/// Props of [`PlanBrowser`].
#[derive(Properties, PartialEq)]
pub struct PlanBrowserProps {
    /// The trip's countries, in order of visit.
    pub countries: Vec<CountryCode>,
    /// Display currency.
    pub currency: Currency,
    /// Who buys, when the trip is valid: plans they cannot buy (another
    /// country's roaming passes, eSIMs for phones without) are left out.
    #[prop_or_default]
    pub trip: Option<Trip>,
}

/// Price per GB on the common yardstick; `None` for plans without a cap.
fn value_per_gb(plan: &Plan, price: Value) -> Option<Value> {
    let mb = match plan.billing {
        Billing::Day => plan.daily_mb?,
        Billing::Pass { .. } => plan.data_mb?,
    };
    Some(Value(
        price.0 * i128::from(MB_PER_GB) / i128::from(mb.max(1)),
    ))
}

/// The plan browser.
#[component]
pub fn PlanBrowser(props: &PlanBrowserProps) -> Html {
    let ui = use_ui();
    let (t, f) = (ui.t(), ui.f());
    let country = use_state(|| None::<CountryCode>);
    let kind = use_state(|| None::<PlanKind>);
    let only_esim = use_state(|| false);
    let only_hotspot = use_state(|| false);
    let only_pool = use_state(|| false);
    let sort = use_state(|| SortBy::Price);
    let show_all = use_state(|| false);
    let rates = &ui.catalogue.rates;

    let mut plans: Vec<(&Plan, Value)> = ui
        .catalogue
        .plans
        .iter()
        .filter(|p| match *country {
            Some(c) => p.covers(c),
            None => props.countries.iter().any(|c| p.covers(*c)),
        })
        .filter(|p| props.trip.as_ref().is_none_or(|trip| is_offered(p, trip)))
        .filter(|p| kind.is_none_or(|k| p.kind == k))
        .filter(|p| !*only_esim || p.kind == PlanKind::Esim)
        .filter(|p| {
            !*only_hotspot || matches!(p.hotspot, Hotspot::Allowed | Hotspot::CappedPerDay(_))
        })
        .filter(|p| !*only_pool || p.pool.is_some())
        .filter_map(|p| Some((p, rates.value_of(p.price)?)))
        .collect();
    match *sort {
        SortBy::Price => plans.sort_unstable_by(|a, b| (a.1, &a.0.id).cmp(&(b.1, &b.0.id))),
        SortBy::PerGb => plans.sort_unstable_by(|a, b| {
            let key = |(p, v): &(&Plan, Value)| {
                (
                    value_per_gb(p, *v).is_none(),
                    value_per_gb(p, *v),
                    p.id.clone(),
                )
            };
            key(a).cmp(&key(b))
        }),
        SortBy::Validity => plans.sort_unstable_by(|a, b| {
            let key = |(p, v): &(&Plan, Value)| {
                (
                    std::cmp::Reverse(p.validity_days().unwrap_or(0)),
                    *v,
                    p.id.clone(),
                )
            };
            key(a).cmp(&key(b))
        }),
    }

    let select_country = {
        let country = country.clone();
        Callback::from(move |e: Event| {
            country.set(CountryCode::parse(&select_value(&e)));
        })
    };
    let select_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let value = select_value(&e);
            kind.set(
                [PlanKind::Esim, PlanKind::Sim, PlanKind::Roaming]
                    .into_iter()
                    .find(|k| k.code() == value),
            );
        })
    };
    let select_sort = {
        let sort = sort.clone();
        Callback::from(move |e: Event| {
            sort.set(match select_value(&e).as_str() {
                "per-gb" => SortBy::PerGb,
                "validity" => SortBy::Validity,
                _ => SortBy::Price,
            });
        })
    };
    let toggle = |state: &UseStateHandle<bool>| {
        let state = state.clone();
        Callback::from(move |e: Event| {
            state.set(input_checked(&e));
        })
    };
    let shown = |p: &Plan| {
        let price = rates.convert(p.price, props.currency).unwrap_or(p.price);
        let price_text = match p.billing {
            Billing::Day => fill(t.per_day_price, &[("amount", &f.money(price))]),
            Billing::Pass { .. } => f.money(price),
        };
        let data = match (p.data_mb, p.daily_mb) {
            (Some(total), _) => f.data(total),
            (None, Some(daily)) => fill(t.daily_then_slow, &[("mb", &f.data(daily))]),
            (None, None) => t.unlimited.to_owned(),
        };
        let validity = match p.billing {
            Billing::Day => t.billed_daily.to_owned(),
            Billing::Pass { validity_days } => {
                if validity_days == 1 {
                    t.days_count_one.to_owned()
                } else {
                    fill(t.days_count_other, &[("n", &validity_days.to_string())])
                }
            }
        };
        let hotspot = match p.hotspot {
            Hotspot::Allowed => t.hotspot_yes.to_owned(),
            Hotspot::Blocked => t.hotspot_no.to_owned(),
            Hotspot::CappedPerDay(mb) => fill(t.hotspot_capped, &[("mb", &f.data(mb))]),
            Hotspot::Unknown => t.hotspot_unknown.to_owned(),
        };
        let covers: Vec<String> = props
            .countries
            .iter()
            .filter(|c| p.covers(**c))
            .map(|c| f.country(*c))
            .collect();
        html! {
            <li class="rp-plan" key={p.id.clone()} data-plan-id={p.id.clone()}>
                <div class="rp-plan-head">
                    <span class="rp-plan-name">{ p.name.get(ui.lang) }</span>
                    <span class="rp-amount-small">{ price_text }</span>
                </div>
                <div class="rp-muted">{ format!("{} · {}", p.provider_name.get(ui.lang), kind_name(p.kind, ui.lang)) }</div>
                <dl class="rp-terms">
                    <dt>{ t.col_data }</dt><dd>{ data }</dd>
                    <dt>{ t.col_validity }</dt><dd>{ validity }</dd>
                    <dt>{ t.col_hotspot }</dt><dd>{ hotspot }</dd>
                    <dt>{ t.col_covers }</dt><dd>{ f.list(&covers) }</dd>
                </dl>
                if let Some(pool) = p.pool {
                    <p class="rp-note">{ fill(t.pool_lines, &[("n", &pool.max_lines.to_string()), ("amount", &f.money(rates.convert(pool.extra_line_price, props.currency).unwrap_or(pool.extra_line_price)))]) }</p>
                }
                if let Some(n) = p.cards.filter(|_| p.pool.is_none()) {
                    <p class="rp-note">{ fill(t.bound_lines, &[("n", &n.to_string())]) }</p>
                }
            </li>
        }
    };
    html! {
        <Fold class={classes!("rp-card", "rp-browser")} heading_id="rp-browser-heading" heading={t.browser_heading}>
            <div class="rp-filters">
                <div class="rp-field">
                    <label for="rp-filter-country">{ t.browser_filter_country }</label>
                    <select id="rp-filter-country" onchange={select_country}>
                        <option value="" selected={country.is_none()}>{ t.browser_all_countries }</option>
                        { for props.countries.iter().map(|c| html! {
                            <option value={c.to_string()} selected={*country == Some(*c)}>{ f.country(*c) }</option>
                        }) }
                    </select>
                </div>
                <div class="rp-field">
                    <label for="rp-filter-kind">{ t.browser_filter_kind }</label>
                    <select id="rp-filter-kind" onchange={select_kind}>
                        <option value="" selected={kind.is_none()}>{ t.browser_all_kinds }</option>
                        { for [PlanKind::Esim, PlanKind::Sim, PlanKind::Roaming].into_iter().map(|k| html! {
                            <option value={k.code()} selected={*kind == Some(k)}>{ kind_name(k, ui.lang) }</option>
                        }) }
                    </select>
                </div>
                <div class="rp-field">
                    <label for="rp-sort">{ t.browser_sort }</label>
                    <select id="rp-sort" onchange={select_sort}>
                        <option value="price" selected={*sort == SortBy::Price}>{ t.sort_price }</option>
                        <option value="per-gb" selected={*sort == SortBy::PerGb}>{ t.sort_per_gb }</option>
                        <option value="validity" selected={*sort == SortBy::Validity}>{ t.sort_validity }</option>
                    </select>
                </div>
                <div class="rp-checks">
                    <label class="rp-check"><input id="rp-only-esim" type="checkbox" checked={*only_esim} onchange={toggle(&only_esim)} /><span>{ t.browser_only_esim }</span></label>
                    <label class="rp-check"><input id="rp-only-hotspot" type="checkbox" checked={*only_hotspot} onchange={toggle(&only_hotspot)} /><span>{ t.browser_only_hotspot }</span></label>
                    <label class="rp-check"><input id="rp-only-pool" type="checkbox" checked={*only_pool} onchange={toggle(&only_pool)} /><span>{ t.browser_only_pool }</span></label>
                </div>
            </div>
            <p class="rp-muted" role="status">{ fill(t.browser_count, &[("n", &plans.len().to_string())]) }</p>
            if plans.is_empty() {
                <p>{ t.browser_empty }</p>
            } else {
                <ul class="rp-plans" id="rp-plan-list">
                    { for plans.iter().take(if *show_all { plans.len() } else { FIRST_PLANS }).map(|(p, _)| shown(p)) }
                </ul>
                if plans.len() > FIRST_PLANS {
                    <button type="button" class="rp-secondary rp-more" aria-controls="rp-plan-list"
                        aria-expanded={if *show_all { "true" } else { "false" }}
                        onclick={{ let show_all = show_all.clone(); Callback::from(move |_: MouseEvent| show_all.set(!*show_all)) }}>
                        { if *show_all { t.browser_show_fewer.to_owned() } else { fill(t.browser_show_all, &[("n", &plans.len().to_string())]) } }
                    </button>
                }
            }
        </Fold>
    }
}
