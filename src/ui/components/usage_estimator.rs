//! Data per day from what the reader does: hours of each activity times its
//! MB per hour, both editable, with the result offered as the day's data.

use super::field_error::FieldError;
use crate::i18n::{activity_name, fill, input_error};
use crate::ui::context::use_ui;
use crate::ui::events::input_value;
use crate::ui::state::{Action, Check, Field, UsageForm};
use yew::prelude::*;

/// Props of [`UsageEstimator`].
#[derive(Properties, PartialEq)]
pub struct UsageEstimatorProps {
    /// The activity lines as typed.
    pub lines: Vec<UsageForm>,
    /// The estimate, when every line is valid.
    pub estimate: Option<u64>,
    /// The form's check.
    pub check: Check,
    /// The reader changed something.
    pub onaction: Callback<Action>,
}

/// The usage estimator table.
#[component]
pub fn UsageEstimator(props: &UsageEstimatorProps) -> Html {
    let ui = use_ui();
    let (t, f) = (ui.t(), ui.f());
    let row = |line: &UsageForm| {
        let activity = line.activity;
        let hours_id = format!("rp-usage-{}-hours", activity.key());
        let rate_id = format!("rp-usage-{}-rate", activity.key());
        let hours_error = props
            .check
            .error(Field::UsageHours(activity))
            .map(|e| input_error(e, ui.lang));
        let rate_error = props
            .check
            .error(Field::UsageRate(activity))
            .map(|e| input_error(e, ui.lang));
        let onhours = props
            .onaction
            .reform(move |e: InputEvent| Action::SetUsageHours(activity, input_value(&e)));
        let onrate = props
            .onaction
            .reform(move |e: InputEvent| Action::SetUsageRate(activity, input_value(&e)));
        let name = activity_name(activity, ui.lang);
        html! {
            <tr key={activity.key()}>
                <th scope="row">{ name }</th>
                <td>
                    <input id={hours_id.clone()} type="text" inputmode="decimal" value={line.hours.clone()} oninput={onhours}
                        aria-label={format!("{name}: {}", t.estimator_hours)}
                        aria-invalid={hours_error.is_some().then_some("true")}
                        aria-describedby={hours_error.is_some().then(|| format!("{hours_id}-error"))} />
                    <FieldError id={format!("{hours_id}-error")} message={hours_error} />
                </td>
                <td>
                    <input id={rate_id.clone()} type="text" inputmode="numeric" value={line.rate.clone()} oninput={onrate}
                        aria-label={format!("{name}: {}", t.estimator_rate)}
                        aria-invalid={rate_error.is_some().then_some("true")}
                        aria-describedby={rate_error.is_some().then(|| format!("{rate_id}-error"))} />
                    <FieldError id={format!("{rate_id}-error")} message={rate_error} />
                </td>
            </tr>
        }
    };
    let onuse = props.estimate.map(|mb| {
        props
            .onaction
            .reform(move |_: MouseEvent| Action::UseEstimate(mb))
    });
    html! {
        <div class="rp-estimator" id="rp-estimator">
            <table>
                <thead><tr><td></td><th scope="col">{ t.estimator_hours }</th><th scope="col">{ t.estimator_rate }</th></tr></thead>
                <tbody>{ for props.lines.iter().map(row) }</tbody>
            </table>
            if let Some(mb) = props.estimate {
                <div class="rp-row">
                    <strong>{ fill(t.estimator_total, &[("mb", &f.data(mb))]) }</strong>
                    <button type="button" class="rp-secondary" onclick={onuse.clone()}>{ t.estimator_use }</button>
                </div>
            }
        </div>
    }
}
