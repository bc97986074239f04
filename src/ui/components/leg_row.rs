//! One stop of the trip: country, days, and buttons to reorder or remove it.

use super::field_error::FieldError;
use super::stepper::Stepper;
use crate::i18n::{fill, input_error};
use crate::ui::context::use_ui;
use crate::ui::events::input_value;
use crate::ui::state::{Action, Check, Field, LegForm};
use yew::prelude::*;

/// Props of [`LegRow`].
#[derive(Properties, PartialEq)]
pub struct LegRowProps {
    /// The stop as typed.
    pub leg: LegForm,
    /// Position, 1-based.
    pub number: usize,
    /// How many stops there are.
    pub count: usize,
    /// The form's check (for this stop's messages).
    pub check: Check,
    /// Id of the shared country suggestion list.
    pub list_id: AttrValue,
    /// The reader changed something.
    pub onaction: Callback<Action>,
}

/// One stop of the trip.
#[component]
pub fn LegRow(props: &LegRowProps) -> Html {
    let ui = use_ui();
    let t = ui.t();
    let key = props.leg.key;
    let n = props.number.to_string();
    let country_id = format!("rp-leg-{key}-country");
    let country_error_id = format!("{country_id}-error");
    let country_error = props
        .check
        .error(Field::LegCountry(key))
        .map(|e| input_error(e, ui.lang));
    let days_error = props
        .check
        .error(Field::LegDays(key))
        .map(|e| input_error(e, ui.lang));
    let send = |make: fn(u32) -> Action| {
        let cb = props.onaction.clone();
        Callback::from(move |_: MouseEvent| cb.emit(make(key)))
    };
    let oncountry = {
        let cb = props.onaction.clone();
        Callback::from(move |e: InputEvent| {
            cb.emit(Action::SetLegCountry(key, input_value(&e)));
        })
    };
    let ondays = props
        .onaction
        .reform(move |text| Action::SetLegDays(key, text));
    let onstep = props
        .onaction
        .reform(move |delta| Action::StepLegDays(key, delta));
    let invalid = country_error.is_some();
    html! {
        <li class="rp-leg">
            <fieldset>
                <legend>{ fill(t.leg_label, &[("n", &n)]) }</legend>
                <div class="rp-leg-fields">
                    <div class="rp-field rp-country">
                        <label for={country_id.clone()}>{ t.country_label }</label>
                        <input id={country_id} type="text" list={props.list_id.clone()} autocomplete="off"
                            placeholder={t.country_placeholder} value={props.leg.country.clone()} oninput={oncountry}
                            aria-invalid={invalid.then_some("true")}
                            aria-describedby={invalid.then(|| country_error_id.clone())} />
                        <FieldError id={country_error_id} message={country_error} />
                    </div>
                    <Stepper id={format!("rp-leg-{key}-days")} label={t.days_label} value={props.leg.days.clone()}
                        error={days_error} decrease_label={t.decrease} increase_label={t.increase}
                        oninput={ondays} {onstep} />
                </div>
                <div class="rp-leg-tools">
                    <button type="button" class="rp-icon" disabled={props.number == 1}
                        aria-label={fill(t.move_up, &[("n", &n)])} title={fill(t.move_up, &[("n", &n)])}
                        onclick={send(|k| Action::MoveLeg(k, -1))}>{ "↑" }</button>
                    <button type="button" class="rp-icon" disabled={props.number == props.count}
                        aria-label={fill(t.move_down, &[("n", &n)])} title={fill(t.move_down, &[("n", &n)])}
                        onclick={send(|k| Action::MoveLeg(k, 1))}>{ "↓" }</button>
                    <button type="button" class="rp-icon" disabled={props.count == 1}
                        aria-label={fill(t.remove_leg, &[("n", &n)])} title={fill(t.remove_leg, &[("n", &n)])}
                        onclick={send(Action::RemoveLeg)}>{ "×" }</button>
                </div>
            </fieldset>
        </li>
    }
}
