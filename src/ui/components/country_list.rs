//! The suggestion list behind every country input: all countries by name in
//! the reader's language (the focus countries first), the code beside each.
//! Its own component so that typing in a stop does not rebuild 250 options.

use crate::core::country::CountryCode;
use crate::ui::context::use_ui;
use crate::ui::hooks::use_after_first_paint;
use yew::prelude::*;

/// Props of [`CountryList`].
#[derive(Properties, PartialEq)]
pub struct CountryListProps {
    /// Element id, referenced by the inputs' `list` attribute.
    pub id: AttrValue,
    /// Countries offered first.
    #[prop_or_default]
    pub focus: Vec<CountryCode>,
}

/// The `<datalist>` of countries.
#[component]
pub fn CountryList(props: &CountryListProps) -> Html {
    let ui = use_ui();
    let f = ui.f();
    // Suggestions only help once the reader types: not needed for the first answer.
    let ready = use_after_first_paint();
    let names = use_memo((ui.lang, props.focus.clone()), move |(_, focus)| {
        let mut names: Vec<(String, CountryCode)> =
            CountryCode::all().map(|c| (f.country(c), c)).collect();
        // The blog's countries first, then the rest, each as the language sorts.
        let (mut first, mut rest): (Vec<_>, Vec<_>) =
            names.drain(..).partition(|(_, c)| focus.contains(c));
        f.sort_by_name(&mut first);
        f.sort_by_name(&mut rest);
        first.extend(rest);
        first
    });
    html! {
        <datalist id={props.id.clone()}>
            if ready {
                { for names.iter().map(|(name, code)| html! { <option value={name.clone()} label={code.to_string()} /> }) }
            }
        </datalist>
    }
}
