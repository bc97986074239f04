//! The message under an input whose value was refused.

use yew::prelude::*;

/// Props of [`FieldError`].
#[derive(Properties, PartialEq)]
pub struct FieldErrorProps {
    /// Element id, referenced by the input's `aria-describedby`.
    pub id: AttrValue,
    /// The message, if the value is refused.
    pub message: Option<String>,
}

/// A refused value's message, announced to screen readers.
#[component]
pub fn FieldError(props: &FieldErrorProps) -> Html {
    match &props.message {
        Some(message) => html! {
            <p class="rp-error" id={props.id.clone()} role="alert">{ message.clone() }</p>
        },
        None => html! {},
    }
}
