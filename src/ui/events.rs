//! Reading values out of DOM events, in one place.

use yew::TargetCast;

/// The text of the `<input>` an event came from.
pub fn input_value(event: &impl TargetCast) -> String {
    event
        .target_unchecked_into::<web_sys::HtmlInputElement>()
        .value()
}

/// Whether the checkbox an event came from is ticked.
pub fn input_checked(event: &impl TargetCast) -> bool {
    event
        .target_unchecked_into::<web_sys::HtmlInputElement>()
        .checked()
}

/// The chosen value of the `<select>` an event came from.
pub fn select_value(event: &impl TargetCast) -> String {
    event
        .target_unchecked_into::<web_sys::HtmlSelectElement>()
        .value()
}
