//! The home-country menu: the readers the widget is written for first, then
//! every country, sorted as the reader's language sorts names (pinyin, strokes, A–Z). Its own component so
//! that typing elsewhere does not rebuild 250 options.

use crate::core::country::CountryCode;
use crate::ui::context::use_ui;
use crate::ui::events::select_value;
use crate::ui::hooks::use_after_first_paint;
use crate::ui::state::Action;
use yew::prelude::*;

/// Home countries offered first: the readers the widget is written for.
const COMMON_HOMES: [&str; 12] = [
    "HK", "CN", "MO", "TW", "FR", "BE", "CH", "DE", "GB", "US", "SG", "CA",
];

/// Props of [`CountrySelect`].
#[derive(Properties, PartialEq)]
pub struct CountrySelectProps {
    /// The chosen code, or empty.
    pub value: AttrValue,
    /// The reader chose.
    pub onaction: Callback<Action>,
}

/// The home-country `<select id="rp-home">`.
#[component]
pub fn CountrySelect(props: &CountrySelectProps) -> Html {
    let ui = use_ui();
    let (t, f) = (ui.t(), ui.f());
    // The full menu is only needed when opened: the first answer shows the
    // chosen country alone.
    let ready = use_after_first_paint();
    let homes = use_memo(ui.lang, move |_| {
        let common: Vec<CountryCode> = COMMON_HOMES
            .iter()
            .filter_map(|c| CountryCode::parse(c))
            .collect();
        let mut rest: Vec<(String, CountryCode)> = CountryCode::all()
            .filter(|c| !common.contains(c))
            .map(|c| (f.country(c), c))
            .collect();
        f.sort_by_name(&mut rest);
        let mut common: Vec<(String, CountryCode)> =
            common.into_iter().map(|c| (f.country(c), c)).collect();
        f.sort_by_name(&mut common);
        (common, rest)
    });
    let onchange = props
        .onaction
        .reform(|e: Event| Action::SetHome(select_value(&e)));
    let option = |(name, code): &(String, CountryCode)| {
        let value = code.to_string();
        html! { <option selected={props.value == value} value={value.clone()}>{ format!("{name} ({value})") }</option> }
    };
    html! {
        <select id="rp-home" {onchange}>
            <option value="" selected={props.value.is_empty()}>{ t.home_none }</option>
            if ready {
                <optgroup label={t.home_group_common}>{ for homes.0.iter().map(option) }</optgroup>
                <optgroup label={t.home_group_all}>{ for homes.1.iter().map(option) }</optgroup>
            } else {
                { for homes.0.iter().chain(homes.1.iter()).filter(|(_, c)| props.value == c.as_str()).map(option) }
            }
        </select>
    }
}
