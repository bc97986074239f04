//! Who travels: how many, whether they stay together, whether their phones
//! take an eSIM.

use super::stepper::Stepper;
use crate::i18n::input_error;
use crate::ui::context::use_ui;
use crate::ui::events::input_checked;
use crate::ui::state::{Action, Check, Field, Form};
use yew::prelude::*;

/// Props of [`GroupInputs`].
#[derive(Properties, PartialEq)]
pub struct GroupInputsProps {
    /// What the reader typed.
    pub form: Form,
    /// The form's check.
    pub check: Check,
    /// The reader changed something.
    pub onaction: Callback<Action>,
}

/// Travellers, together, eSIM.
#[component]
pub fn GroupInputs(props: &GroupInputsProps) -> Html {
    let ui = use_ui();
    let t = ui.t();
    let error = props
        .check
        .error(Field::People)
        .map(|e| input_error(e, ui.lang));
    let checkbox = |make: fn(bool) -> Action| {
        props
            .onaction
            .reform(move |e: Event| make(input_checked(&e)))
    };
    html! {
        <section class="rp-card" aria-labelledby="rp-group-heading">
            <h2 id="rp-group-heading">{ t.group_heading }</h2>
            <Stepper id="rp-people" label={t.travellers_label} value={props.form.people.clone()} {error}
                decrease_label={t.decrease} increase_label={t.increase}
                oninput={props.onaction.reform(Action::SetPeople)} onstep={props.onaction.reform(Action::StepPeople)} />
            <label class="rp-check">
                <input id="rp-together" type="checkbox" checked={props.form.together} onchange={checkbox(Action::SetTogether)} />
                <span>{ t.together_label }</span>
            </label>
            <label class="rp-check">
                <input id="rp-esim" type="checkbox" checked={props.form.esim} onchange={checkbox(Action::SetEsim)} />
                <span>{ t.esim_label }</span>
            </label>
        </section>
    }
}
