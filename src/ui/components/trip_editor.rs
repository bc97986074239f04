//! The trip's stops in order, with a shared country suggestion list, and the
//! first day.

use super::country_list::CountryList;
use super::field_error::FieldError;
use super::leg_row::LegRow;
use crate::core::country::CountryCode;
use crate::core::share::rules_span;
use crate::core::trip::MAX_LEGS;
use crate::i18n::{fill, input_error};
use crate::ui::context::use_ui;
use crate::ui::events::input_value;
use crate::ui::state::{Action, Check, Field, Form};
use yew::prelude::*;

/// Props of [`TripEditor`].
#[derive(Properties, PartialEq)]
pub struct TripEditorProps {
    /// What the reader typed.
    pub form: Form,
    /// The form's check.
    pub check: Check,
    /// Countries the blog is about: suggested first.
    #[prop_or_default]
    pub focus: Vec<CountryCode>,
    /// Days of the last valid trip (for the "n days in all" line).
    pub total_days: Option<u32>,
    /// The reader changed something.
    pub onaction: Callback<Action>,
}

/// The stops and the first day.
#[component]
pub fn TripEditor(props: &TripEditorProps) -> Html {
    let ui = use_ui();
    let t = ui.t();
    let list_id: AttrValue = "rp-country-list".into();
    let count = props.form.legs.len();
    let onadd = props.onaction.reform(|_: MouseEvent| Action::AddLeg);
    let onstart = props
        .onaction
        .reform(|e: InputEvent| Action::SetStart(input_value(&e)));
    let start_error = props
        .check
        .error(Field::Start)
        .map(|e| input_error(e, ui.lang));
    let (first_day, last_day) = rules_span();
    let trip_error = props
        .check
        .error(Field::Trip)
        .map(|e| input_error(e, ui.lang));
    let days_text = |n: u32| {
        if n == 1 {
            t.days_count_one.to_owned()
        } else {
            fill(t.days_count_other, &[("n", &n.to_string())])
        }
    };
    html! {
        <section class="rp-card rp-trip" aria-labelledby="rp-trip-heading">
            <h2 id="rp-trip-heading">{ t.trip_heading }</h2>
            <CountryList id={list_id.clone()} focus={props.focus.clone()} />
            <ol class="rp-legs">
                { for props.form.legs.iter().enumerate().map(|(i, leg)| html! {
                    <LegRow key={leg.key} leg={leg.clone()} number={i + 1} {count} check={props.check.clone()}
                        list_id={list_id.clone()} onaction={props.onaction.clone()} />
                }) }
            </ol>
            <div class="rp-row">
                <button type="button" class="rp-add" onclick={onadd} disabled={count >= MAX_LEGS}>{ "+ " }{ t.add_leg }</button>
                if let Some(n) = props.total_days {
                    <span class="rp-muted">{ fill(t.trip_length, &[("days", &days_text(n))]) }</span>
                }
            </div>
            <FieldError id="rp-trip-error" message={trip_error} />
            <div class="rp-field">
                <label for="rp-start">{ t.start_label }</label>
                <input id="rp-start" type="date" value={props.form.start.clone()} oninput={onstart}
                    min={first_day.to_string()} max={last_day.to_string()}
                    aria-invalid={start_error.is_some().then_some("true")}
                    aria-describedby={start_error.is_some().then_some("rp-start-error")} />
                <FieldError id="rp-start-error" message={start_error} />
            </div>
        </section>
    }
}
