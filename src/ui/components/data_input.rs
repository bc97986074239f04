//! Data per person per day: a value in MB or GB, or the usage estimator.

use super::field_error::FieldError;
use super::usage_estimator::UsageEstimator;
use crate::i18n::input_error;
use crate::ui::context::use_ui;
use crate::ui::events::{input_value, select_value};
use crate::ui::state::{Action, Check, DataUnit, Field, Form};
use yew::prelude::*;

/// Props of [`DataInput`].
#[derive(Properties, PartialEq)]
pub struct DataInputProps {
    /// What the reader typed.
    pub form: Form,
    /// The form's check.
    pub check: Check,
    /// The estimator's result, when valid.
    pub estimate: Option<u64>,
    /// The reader changed something.
    pub onaction: Callback<Action>,
}

/// Data per day.
#[component]
pub fn DataInput(props: &DataInputProps) -> Html {
    let ui = use_ui();
    let t = ui.t();
    let error = props
        .check
        .error(Field::Mb)
        .map(|e| input_error(e, ui.lang));
    let oninput = props
        .onaction
        .reform(|e: InputEvent| Action::SetMb(input_value(&e)));
    let onunit = props.onaction.reform(|e: Event| {
        let value = select_value(&e);
        Action::SetUnit(if value == "gb" {
            DataUnit::Gb
        } else {
            DataUnit::Mb
        })
    });
    let ontoggle = props
        .onaction
        .reform(|_: MouseEvent| Action::ToggleEstimator);
    let open = props.form.estimator_open;
    html! {
        <section class="rp-card" aria-labelledby="rp-data-heading">
            <h2 id="rp-data-heading">{ t.data_heading }</h2>
            <div class="rp-field">
                <label for="rp-mb">{ t.data_label }</label>
                <div class="rp-inline">
                    <input id="rp-mb" type="text" inputmode="decimal" autocomplete="off" value={props.form.mb.clone()} {oninput}
                        aria-invalid={error.is_some().then_some("true")}
                        aria-describedby={error.is_some().then_some("rp-mb-error")} />
                    <select id="rp-mb-unit" aria-label={format!("{} / {}", t.data_unit_mb, t.data_unit_gb)} onchange={onunit}>
                        <option value="mb" selected={props.form.unit == DataUnit::Mb}>{ t.data_unit_mb }</option>
                        <option value="gb" selected={props.form.unit == DataUnit::Gb}>{ t.data_unit_gb }</option>
                    </select>
                </div>
                <FieldError id="rp-mb-error" message={error} />
            </div>
            <button type="button" class="rp-disclosure" aria-expanded={if open { "true" } else { "false" }}
                aria-controls="rp-estimator" onclick={ontoggle}>{ t.estimate_toggle }</button>
            if open {
                <UsageEstimator lines={props.form.usage.clone()} estimate={props.estimate} check={props.check.clone()}
                    onaction={props.onaction.clone()} />
            }
        </section>
    }
}
