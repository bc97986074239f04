//! Who the reader is, up front: home country, then carrier (that country's
//! carriers in the catalogue, "another carrier", "I don't know"), then their
//! plan (that carrier's home plans, or — for an EU/EEA home, where the
//! fair-use allowance depends on it — "another plan" by price and data).

use super::country_select::CountrySelect;
use super::field_error::FieldError;
use crate::core::catalogue::{Catalogue, PlanKind};
use crate::core::country::CountryCode;
use crate::core::lang::Lang;
use crate::core::money::Currency;
use crate::core::share::InputError;
use crate::i18n::input_error;
use crate::ui::context::use_ui;
use crate::ui::events::{input_value, select_value};
use crate::ui::state::{Action, Check, Field, Form, CUSTOM_PLAN, OTHER_CARRIER};
use yew::prelude::*;

/// Props of [`HomeInputs`].
#[derive(Properties, PartialEq)]
pub struct HomeInputsProps {
    /// What the reader typed.
    pub form: Form,
    /// The form's check.
    pub check: Check,
    /// Currencies with a rate.
    pub currencies: Vec<Currency>,
    /// The reader changed something.
    pub onaction: Callback<Action>,
}

/// Home country and own plan.
#[component]
pub fn HomeInputs(props: &HomeInputsProps) -> Html {
    let ui = use_ui();
    let t = ui.t();
    let home = CountryCode::parse(&props.form.home);
    let carriers = home
        .map(|h| carriers_of(&ui.catalogue, h, ui.lang))
        .unwrap_or_default();
    let carrier = props.form.carrier.as_str();
    // The carrier's own plans in the catalogue.
    let plans: Vec<(String, String)> = home
        .map(|h| {
            ui.catalogue
                .home_plans_of(h, carrier)
                .map(|p| (p.id.clone(), p.name.get(ui.lang).to_owned()))
                .collect()
        })
        .unwrap_or_default();
    let eu_home = home.is_some_and(|h| h.eu_vat_basis_points().is_some());
    let custom = props.form.own_plan == CUSTOM_PLAN && eu_home;
    let oncarrier = props
        .onaction
        .reform(|e: Event| Action::SetCarrier(select_value(&e)));
    let onplan = props
        .onaction
        .reform(|e: Event| Action::SetOwnPlan(select_value(&e)));
    let onprice = props
        .onaction
        .reform(|e: InputEvent| Action::SetOwnPrice(input_value(&e)));
    let ongb = props
        .onaction
        .reform(|e: InputEvent| Action::SetOwnGb(input_value(&e)));
    let oncurrency = props.onaction.reform(|e: Event| {
        let code = select_value(&e);
        Action::SetOwnCurrency(Currency::parse(&code).unwrap_or(Currency::EUR))
    });
    let price_error = props
        .check
        .error(Field::OwnPrice)
        .map(|e| input_error(e, ui.lang));
    // A currency from the link that this catalogue has no rate for: kept in
    // the menu as chosen, and said so.
    let own_currency_unknown = !props.currencies.contains(&props.form.own_currency);
    let currency_error = own_currency_unknown.then(|| {
        input_error(
            &InputError::UnknownCurrency {
                text: props.form.own_currency.to_string(),
            },
            ui.lang,
        )
    });
    let gb_error = props
        .check
        .error(Field::OwnGb)
        .map(|e| input_error(e, ui.lang));
    html! {
        <section class="rp-card" aria-labelledby="rp-home-heading">
            <h2 id="rp-home-heading">{ t.home_heading }</h2>
            <div class="rp-field">
                <label for="rp-home">{ t.home_label }</label>
                <CountrySelect value={props.form.home.clone()} onaction={props.onaction.clone()} />
            </div>
            if home.is_some() {
                <div class="rp-field">
                    <label for="rp-carrier">{ t.carrier_label }</label>
                    <select id="rp-carrier" onchange={oncarrier} aria-describedby="rp-carrier-hint">
                        <option value="" selected={carrier.is_empty()}>{ t.carrier_any }</option>
                        { for carriers.iter().map(|(key, name)| html! {
                            <option value={key.clone()} selected={carrier.eq_ignore_ascii_case(key)}>{ name.clone() }</option>
                        }) }
                        <option value={OTHER_CARRIER} selected={carrier == OTHER_CARRIER}>{ t.carrier_other }</option>
                    </select>
                    <span class="rp-hint" id="rp-carrier-hint">{ t.carrier_why }</span>
                </div>
            }
            if home.is_some() && (!plans.is_empty() || eu_home) {
                <div class="rp-field">
                    <label for="rp-own-plan">{ t.own_plan_label }</label>
                    <select id="rp-own-plan" onchange={onplan}>
                        <option value="" selected={props.form.own_plan.is_empty()}>{ t.own_plan_unknown }</option>
                        { for plans.iter().map(|(id, name)| html! {
                            <option value={id.clone()} selected={props.form.own_plan == *id}>{ name.clone() }</option>
                        }) }
                        if eu_home {
                            <option value={CUSTOM_PLAN} selected={props.form.own_plan == CUSTOM_PLAN}>{ t.own_plan_custom }</option>
                        }
                    </select>
                </div>
            }
            if custom {
            <p class="rp-muted">{ t.own_plan_intro }</p>
            <div class="rp-grid2">
                <div class="rp-field">
                    <label for="rp-own-price">{ t.own_plan_price }</label>
                    <input id="rp-own-price" type="text" inputmode="decimal" autocomplete="off" value={props.form.own_price.clone()}
                        oninput={onprice} aria-invalid={price_error.is_some().then_some("true")}
                        aria-describedby={price_error.is_some().then_some("rp-own-price-error")} />
                    <FieldError id="rp-own-price-error" message={price_error} />
                </div>
                <div class="rp-field">
                    <label for="rp-own-currency">{ t.own_plan_currency }</label>
                    <select id="rp-own-currency" onchange={oncurrency}
                        aria-invalid={currency_error.is_some().then_some("true")}
                        aria-describedby={currency_error.is_some().then_some("rp-own-currency-error")}>
                        if own_currency_unknown {
                            <option value={props.form.own_currency.to_string()} selected=true>{ props.form.own_currency.to_string() }</option>
                        }
                        { for props.currencies.iter().map(|c| html! {
                            <option value={c.to_string()} selected={*c == props.form.own_currency}>{ c.to_string() }</option>
                        }) }
                    </select>
                    <FieldError id="rp-own-currency-error" message={currency_error} />
                </div>
                <div class="rp-field">
                    <label for="rp-own-gb">{ t.own_plan_gb }</label>
                    <input id="rp-own-gb" type="text" inputmode="numeric" autocomplete="off"
                        value={props.form.own_gb.clone()} oninput={ongb}
                        aria-invalid={gb_error.is_some().then_some("true")}
                        aria-describedby={if gb_error.is_some() { "rp-own-gb-error" } else { "rp-own-gb-hint" }} />
                    <span class="rp-hint" id="rp-own-gb-hint">{ t.own_plan_gb_hint }</span>
                    <FieldError id="rp-own-gb-error" message={gb_error} />
                </div>
            </div>
            }
        </section>
    }
}

/// Carriers of a home country in the catalogue: providers of its home plans
/// and carriers whose lines take its roaming passes, as (key, name shown
/// in `lang`), in the catalogue's order.
pub fn carriers_of(catalogue: &Catalogue, home: CountryCode, lang: Lang) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut add = |key: &str| {
        if !out.iter().any(|(k, _)| k.eq_ignore_ascii_case(key)) {
            out.push((key.to_owned(), catalogue.carrier_name(key, lang)));
        }
    };
    for plan in &catalogue.plans {
        if plan.home != Some(home) {
            continue;
        }
        match plan.kind {
            PlanKind::HomePlan => add(&plan.provider),
            _ if plan.buyers == crate::core::catalogue::Buyers::Customers => {
                for c in &plan.carriers {
                    add(c);
                }
            }
            _ => {}
        }
    }
    out
}
