//! The widget's title, with the language and currency choices.

use crate::core::lang::Lang;
use crate::core::money::Currency;
use crate::i18n::endonym;
use crate::ui::context::use_ui;
use crate::ui::events::select_value;
use crate::ui::state::Action;
use yew::prelude::*;

/// Props of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// Display currency.
    pub currency: Currency,
    /// Currencies with a rate.
    pub currencies: Vec<Currency>,
    /// The reader changed language or currency.
    pub onaction: Callback<Action>,
}

/// Title, intro, language and currency.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let ui = use_ui();
    let t = ui.t();
    let onlang = props.onaction.reform(|e: Event| {
        let code = select_value(&e);
        Action::SetLang(Lang::from_code(&code).unwrap_or_default())
    });
    let oncurrency = props.onaction.reform(|e: Event| {
        let code = select_value(&e);
        Action::SetCurrency(Currency::parse(&code).unwrap_or(Currency::EUR))
    });
    html! {
        <header class="rp-header">
            <div>
                <h1>{ t.app_title }</h1>
                <p class="rp-intro">{ t.app_intro }</p>
            </div>
            <div class="rp-prefs">
                <div class="rp-field">
                    <label for="rp-lang">{ t.language_label }</label>
                    <select id="rp-lang" onchange={onlang}>
                        { for Lang::ALL.into_iter().map(|l| html! {
                            <option value={l.code()} lang={l.code()} selected={l == ui.lang}>{ endonym(l) }</option>
                        }) }
                    </select>
                </div>
                <div class="rp-field">
                    <label for="rp-currency">{ t.currency_label }</label>
                    <select id="rp-currency" onchange={oncurrency}>
                        { for props.currencies.iter().map(|c| html! {
                            <option value={c.to_string()} selected={*c == props.currency}>{ c.to_string() }</option>
                        }) }
                    </select>
                </div>
            </div>
        </header>
    }
}
