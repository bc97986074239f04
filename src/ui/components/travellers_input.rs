//! Who travels: one row per traveller with their data a day and whether
//! their phone takes an eSIM, a quick copy of a row ("2 adults × 2 GB,
//! 2 children × 300 MB" in a few taps), whether the group stays together,
//! and the usage estimator.

use super::field_error::FieldError;
use super::usage_estimator::UsageEstimator;
use crate::i18n::{fill, input_error};
use crate::ui::context::use_ui;
use crate::ui::events::{input_checked, input_value, select_value};
use crate::ui::state::{Action, Check, DataUnit, EsimAnswer, Field, Form, TravellerForm};
use yew::prelude::*;

/// Props of [`TravellersInput`].
#[derive(Properties, PartialEq)]
pub struct TravellersInputProps {
    /// What the reader typed.
    pub form: Form,
    /// The form's check.
    pub check: Check,
    /// The estimator's result, when valid.
    pub estimate: Option<u64>,
    /// The reader changed something.
    pub onaction: Callback<Action>,
}

/// The travellers list, together, and the estimator.
#[component]
pub fn TravellersInput(props: &TravellersInputProps) -> Html {
    let ui = use_ui();
    let t = ui.t();
    let ontogether = props
        .onaction
        .reform(|e: Event| Action::SetTogether(input_checked(&e)));
    let ontoggle = props
        .onaction
        .reform(|_: MouseEvent| Action::ToggleEstimator);
    let onadd = props.onaction.reform(|_: MouseEvent| Action::AddTraveller);
    let open = props.form.estimator_open;
    let several = props.form.travellers.len() > 1;
    let full = props.form.travellers.len() >= crate::core::trip::MAX_PEOPLE as usize;
    html! {
        <section class="rp-card" aria-labelledby="rp-group-heading">
            <h2 id="rp-group-heading">{ t.group_heading }</h2>
            <ol class="rp-travellers">
                { for props.form.travellers.iter().enumerate().map(|(i, traveller)| html! {
                    <TravellerRow key={traveller.key} position={i + 1} traveller={traveller.clone()}
                        removable={several} can_copy={!full}
                        error={props.check.error(Field::TravellerMb(traveller.key)).map(|e| input_error(e, ui.lang))}
                        onaction={props.onaction.clone()} />
                }) }
            </ol>
            if !full {
                <button type="button" class="rp-link-button" id="rp-add-traveller" onclick={onadd}>{ t.traveller_add }</button>
            }
            if several {
                <label class="rp-check">
                    <input id="rp-together" type="checkbox" checked={props.form.together} onchange={ontogether} />
                    <span>{ t.together_label }</span>
                </label>
            }
            <button type="button" class="rp-disclosure" aria-expanded={if open { "true" } else { "false" }}
                aria-controls="rp-estimator" onclick={ontoggle}>{ t.estimate_toggle }</button>
            if open {
                <UsageEstimator lines={props.form.usage.clone()} estimate={props.estimate} check={props.check.clone()}
                    onaction={props.onaction.clone()} />
            }
        </section>
    }
}

/// Props of [`TravellerRow`].
#[derive(Properties, PartialEq)]
pub struct TravellerRowProps {
    /// Position, 1-based.
    pub position: usize,
    /// The row as typed.
    pub traveller: TravellerForm,
    /// Whether it may be removed (not the last one).
    pub removable: bool,
    /// Whether another traveller may be added.
    pub can_copy: bool,
    /// The data input's problem.
    pub error: Option<String>,
    /// The reader changed something.
    pub onaction: Callback<Action>,
}

/// One traveller.
#[component]
pub fn TravellerRow(props: &TravellerRowProps) -> Html {
    let ui = use_ui();
    let t = ui.t();
    let key = props.traveller.key;
    let n = props.position.to_string();
    let id = |what: &str| format!("rp-traveller-{key}-{what}");
    let oninput = props
        .onaction
        .reform(move |e: InputEvent| Action::SetTravellerMb(key, input_value(&e)));
    let onunit = props.onaction.reform(move |e: Event| {
        let unit = if select_value(&e) == "gb" {
            DataUnit::Gb
        } else {
            DataUnit::Mb
        };
        Action::SetTravellerUnit(key, unit)
    });
    let onesim = props.onaction.reform(move |e: Event| {
        let answer = match select_value(&e).as_str() {
            "yes" => EsimAnswer::Yes,
            "no" => EsimAnswer::No,
            _ => EsimAnswer::NotSure,
        };
        Action::SetTravellerEsim(key, answer)
    });
    let oncopy = props
        .onaction
        .reform(move |_: MouseEvent| Action::CopyTraveller(key));
    let onremove = props
        .onaction
        .reform(move |_: MouseEvent| Action::RemoveTraveller(key));
    let unit = props.traveller.unit;
    let esim = props.traveller.esim;
    let error_id = id("mb-error");
    html! {
        <li class="rp-traveller">
            <span class="rp-traveller-name">{ fill(t.traveller_label, &[("n", &n)]) }</span>
            <div class="rp-field">
                <label for={id("mb")}>{ t.traveller_data_label }</label>
                <div class="rp-inline">
                    <input id={id("mb")} class="rp-traveller-mb" type="text" inputmode="decimal" autocomplete="off"
                        value={props.traveller.mb.clone()} {oninput}
                        aria-invalid={props.error.is_some().then_some("true")}
                        aria-describedby={props.error.is_some().then(|| error_id.clone())} />
                    <select id={id("unit")} class="rp-traveller-unit" aria-label={format!("{} / {}", t.data_unit_mb, t.data_unit_gb)} onchange={onunit}>
                        <option value="gb" selected={unit == DataUnit::Gb}>{ t.data_unit_gb }</option>
                        <option value="mb" selected={unit == DataUnit::Mb}>{ t.data_unit_mb }</option>
                    </select>
                </div>
                <FieldError id={error_id.clone()} message={props.error.clone()} />
            </div>
            <div class="rp-field">
                <label for={id("esim")}>{ t.traveller_esim_label }</label>
                <select id={id("esim")} class="rp-traveller-esim" onchange={onesim}>
                    <option value="yes" selected={esim == EsimAnswer::Yes}>{ t.esim_yes }</option>
                    <option value="no" selected={esim == EsimAnswer::No}>{ t.esim_no }</option>
                    <option value="unsure" selected={esim == EsimAnswer::NotSure}>{ t.esim_not_sure }</option>
                </select>
            </div>
            if esim == EsimAnswer::NotSure {
                <p class="rp-hint">{ t.esim_how_to_check }</p>
            }
            <div class="rp-traveller-tools">
                if props.can_copy {
                    <button type="button" class="rp-link-button rp-traveller-copy" onclick={oncopy}>{ fill(t.traveller_copy, &[("n", &n)]) }</button>
                }
                if props.removable {
                    <button type="button" class="rp-link-button rp-traveller-remove" onclick={onremove}>{ fill(t.traveller_remove, &[("n", &n)]) }</button>
                }
            </div>
        </li>
    }
}
