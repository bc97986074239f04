//! A whole-number input with − and + buttons. The value is text so that
//! whatever the reader types stays visible, even when it is refused.

use super::field_error::FieldError;
use crate::ui::events::input_value;
use yew::prelude::*;

/// Props of [`Stepper`].
#[derive(Properties, PartialEq)]
pub struct StepperProps {
    /// Input id.
    pub id: AttrValue,
    /// Visible label.
    pub label: AttrValue,
    /// Current text.
    pub value: AttrValue,
    /// Message when the value is refused.
    #[prop_or_default]
    pub error: Option<String>,
    /// Label of the − button.
    pub decrease_label: AttrValue,
    /// Label of the + button.
    pub increase_label: AttrValue,
    /// The reader typed.
    pub oninput: Callback<String>,
    /// The reader pressed − (-1) or + (+1).
    pub onstep: Callback<i64>,
}

/// A labelled number input with − and + buttons.
#[component]
pub fn Stepper(props: &StepperProps) -> Html {
    let error_id = format!("{}-error", props.id);
    let oninput = {
        let cb = props.oninput.clone();
        Callback::from(move |e: InputEvent| {
            cb.emit(input_value(&e));
        })
    };
    let step = |delta: i64| {
        let cb = props.onstep.clone();
        Callback::from(move |_: MouseEvent| cb.emit(delta))
    };
    let invalid = props.error.is_some();
    html! {
        <div class="rp-field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <div class="rp-stepper">
                <button type="button" class="rp-step" aria-label={props.decrease_label.clone()} onclick={step(-1)}>{ "−" }</button>
                <input id={props.id.clone()} type="text" inputmode="numeric" autocomplete="off"
                    value={props.value.clone()} {oninput}
                    aria-invalid={invalid.then_some("true")}
                    aria-describedby={invalid.then(|| error_id.clone())} />
                <button type="button" class="rp-step" aria-label={props.increase_label.clone()} onclick={step(1)}>{ "+" }</button>
            </div>
            <FieldError id={error_id} message={props.error.clone()} />
        </div>
    }
}
