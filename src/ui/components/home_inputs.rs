//! Home country (roaming passes are sold for it) and the travellers' own plan
//! (for the EU/EEA "roam like at home" answer).

use super::country_select::CountrySelect;
use super::field_error::FieldError;
use crate::core::catalogue::PlanKind;
use crate::core::country::CountryCode;
use crate::core::money::Currency;
use crate::core::share::InputError;
use crate::i18n::input_error;
use crate::ui::context::use_ui;
use crate::ui::events::{input_value, select_value};
use crate::ui::state::{Action, Check, Field, Form};
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
    // Carriers that sell roaming passes to lines of the chosen home country.
    let home = CountryCode::parse(&props.form.home);
    let mut carriers: Vec<String> = ui
        .catalogue
        .plans
        .iter()
        .filter(|p| p.kind == PlanKind::Roaming && home.is_some() && p.home == home)
        .map(|p| p.provider.clone())
        .collect();
    carriers.sort_unstable();
    carriers.dedup();
    let oncarrier = props
        .onaction
        .reform(|e: Event| Action::SetCarrier(select_value(&e)));
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
            if !carriers.is_empty() {
                <div class="rp-field">
                    <label for="rp-carrier">{ t.carrier_label }</label>
                    <select id="rp-carrier" onchange={oncarrier}>
                        <option value="" selected={props.form.carrier.is_empty()}>{ t.carrier_any }</option>
                        { for carriers.iter().map(|c| html! {
                            <option value={c.clone()} selected={props.form.carrier == *c}>{ c.clone() }</option>
                        }) }
                    </select>
                </div>
            }
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
        </section>
    }
}
