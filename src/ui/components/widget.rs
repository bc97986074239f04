//! The widget's root: owns the state, computes the answer, lays out the
//! inputs beside the answers. Reads nothing from the browser itself (that is
//! the shell's job), so it renders natively in tests.

use super::answer_summary::AnswerSummary;
use super::best_bar::BestBar;
use super::catalogue_status::{CatalogueStatus, CustomCatalogue};
use super::cost_lines::CostLines;
use super::header::Header;
use super::home_inputs::HomeInputs;
use super::plan_browser::PlanBrowser;
use super::questions::Questions;
use super::results::Results;
use super::share_panel::SharePanel;
use super::travellers_input::TravellersInput;
use super::trip_editor::TripEditor;
use super::update_banner::UpdateBanner;
use crate::core::catalogue::Catalogue;
use crate::core::date::Date;
use crate::core::lang::Lang;
use crate::core::money::Currency;
use crate::core::share::{LinkSettings, SettingError};
use crate::core::trip::Trip;
use crate::i18n::{fill, texts, trip_line};
use crate::ui::calculation;
use crate::ui::context::Ui;
use crate::ui::hooks::{use_after_first_paint, use_calculation, Calculated, Inputs};
use crate::ui::state::{default_currency, theme_class, Action, State};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Widget`].
// Independent facts the shell learned (notices to show, the embed's shape):
// one flag each reads better than a state enum none of them share.
#[allow(clippy::struct_excessive_bools)]
#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    /// Settings from the link or embed.
    #[prop_or_default]
    pub settings: LinkSettings,
    /// Link settings that were refused.
    #[prop_or_default]
    pub setting_errors: Vec<SettingError>,
    /// Language when the link does not say.
    #[prop_or_default]
    pub lang: Lang,
    /// Today.
    pub today: Date,
    /// The catalogue to answer with.
    pub catalogue: Rc<Catalogue>,
    /// State of a blog owner's catalogue.
    #[prop_or(CustomCatalogue::None)]
    pub custom: CustomCatalogue,
    /// The state changed (the shell mirrors it into the link and storage).
    #[prop_or_default]
    pub onstate: Callback<Rc<State>>,
    /// Address of the widget page, for the share link and embed snippets
    /// (no share panel without it).
    #[prop_or_default]
    pub widget_url: Option<AttrValue>,
    /// The reader asked to copy a text (link or snippet).
    #[prop_or_default]
    pub oncopy: Callback<String>,
    /// A saved trip could not be read and was set aside.
    #[prop_or_default]
    pub saved_ignored: bool,
    /// The trip could not be saved in the browser's storage.
    #[prop_or_default]
    pub save_failed: bool,
    /// A new release is downloaded and waits.
    #[prop_or_default]
    pub update_ready: bool,
    /// The reader chose to reload into the new release.
    #[prop_or_default]
    pub onreload: Callback<()>,
    /// The trip is the blogger's (an embed that sets one): the answer leads
    /// and the form opens on demand behind a one-line description.
    #[prop_or_default]
    pub trip_folded: bool,
}

/// The average MB a day per traveller.
fn average_mb(trip: &Trip) -> u64 {
    trip.group_mb_per_day() / trip.travellers.len().max(1) as u64
}

/// The whole widget.
#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let catalogue = props.catalogue.clone();
    let state = {
        let (settings, today) = (props.settings.clone(), props.today);
        let lang = settings.lang.unwrap_or(props.lang);
        // Kept as asked even when this catalogue lacks it: a blog owner's
        // catalogue may still be loading, and what is shown meanwhile is
        // worked out below.
        let currency = settings.currency.unwrap_or_else(|| default_currency(lang));
        use_reducer(move || State::new(&settings, lang, currency, today))
    };
    {
        let onstate = props.onstate.clone();
        let current = Rc::new((*state).clone());
        use_effect_with(current, move |s| onstate.emit(s.clone()));
    }
    // One callback for the widget's life: children whose other props are
    // unchanged then skip re-rendering.
    let onaction = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |()| {
            Callback::from(move |action: Action| dispatcher.dispatch(action))
        }))
        .clone()
    };
    let check = state.check();
    // The display currency, when the catalogue has a rate for it; otherwise
    // the euro (or the catalogue's first currency), and the reader is told.
    let currency = calculation::display_currency(&catalogue, state.currency);
    let loading = matches!(props.custom, CustomCatalogue::Loading { .. });
    let currency_note = (currency != state.currency && !loading).then(|| {
        fill(
            texts(state.lang).currency_not_in_catalogue,
            &[
                ("currency", state.currency.as_str()),
                ("shown", currency.as_str()),
            ],
        )
    });
    let catalogue_key = match &props.custom {
        CustomCatalogue::InUse { url } => Some(AttrValue::from(url.clone())),
        _ => None,
    };
    // The usage chart is below the answer: drawn after the first paint.
    let chart_ready = use_after_first_paint();
    let Calculated {
        answer,
        series,
        pending,
    } = use_calculation(
        &Inputs {
            // Nothing to work out while a blog owner's catalogue loads: no
            // answer from the built-in plans is shown meanwhile anyway.
            trip: state.trip.clone().filter(|_| !loading),
            currency,
            catalogue: catalogue.clone(),
            catalogue_key,
            today: state.today,
        },
        chart_ready,
    );
    let ui = Rc::new(Ui {
        lang: state.lang,
        catalogue: catalogue.clone(),
        today: state.today,
    });
    let t = texts(state.lang);
    let currencies: Vec<Currency> = catalogue.rates.currencies().collect();
    let estimate = state.usage_estimate().ok();
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let outputs = match (&state.trip, answer.as_ref()) {
        // A blog owner's catalogue is on its way: no answer from the
        // built-in plans meanwhile (the contract's test hooks), only a busy
        // results section.
        // The engine worker is working out a large trip: no answer for
        // earlier inputs meanwhile, for the same reason.
        (Some(_), _) if loading || pending => html! {
            <section class="rp-results" aria-labelledby="rp-results-heading" aria-busy="true" data-testid="results-loading">
                <h2 id="rp-results-heading">{ t.results_heading }</h2>
                <p class="rp-notice rp-working" role="status">{ if loading { t.catalogue_loading } else { t.calculating } }</p>
            </section>
        },
        (Some(trip), Some(answer)) => html! {
            <>
                <Results answer={answer.clone()} trip={trip.clone()} form_invalid={check.trip.is_none()} />
                if answer.uncovered.is_empty() {
                    <Questions answer={answer.clone()} trip={trip.clone()} {currency} />
                    <CostLines series={(*series).clone()} current_mb={average_mb(trip)} currency={currency.to_string()} />
                }
            </>
        },
        _ => html! { <p class="rp-notice" role="status">{ t.fix_inputs }</p> },
    };
    let best = answer
        .as_ref()
        .as_ref()
        .filter(|_| !loading)
        .and_then(|a| a.options.first().cloned());
    let none_text = answer
        .as_ref()
        .as_ref()
        .filter(|a| !loading && !a.uncovered.is_empty())
        .map(|a| {
            let f = crate::i18n::Formatter::new(state.lang);
            let names: Vec<String> = a.uncovered.iter().map(|c| f.country(*c)).collect();
            AttrValue::from(fill(t.no_option, &[("countries", &f.list(&names))]))
        });
    let focus = props.settings.focus.clone().unwrap_or_default();
    let form = html! {
        <form class="rp-inputs" {onsubmit} novalidate=true aria-label={t.trip_heading}>
            <TripEditor form={state.form.clone()} check={check.clone()} focus={focus.clone()}
                total_days={state.trip.as_ref().map(Trip::total_days)} onaction={onaction.clone()} />
            <TravellersInput form={state.form.clone()} check={check.clone()} {estimate} onaction={onaction.clone()} />
            <HomeInputs form={state.form.clone()} check={check.clone()} currencies={currencies.clone()} onaction={onaction.clone()} />
        </form>
    };
    let travellers = state
        .trip
        .as_ref()
        .map_or(1, |t| u32::try_from(t.travellers.len()).unwrap_or(1));
    let theme = theme_class(props.settings.theme);
    let custom_url = match &props.custom {
        CustomCatalogue::None => None,
        CustomCatalogue::Loading { url }
        | CustomCatalogue::InUse { url }
        | CustomCatalogue::FetchFailed { url, .. }
        | CustomCatalogue::Invalid { url, .. } => Some(url.clone()),
    };
    // Optional parts are `if let`, never `{ for option }`: an iterator's
    // items join their parent's children, which yew matches from the last;
    // one that comes and goes (the best bar while the worker works) made
    // every part before it be built again, the form included (5,222 DOM
    // changes and ~60 ms per keystroke on the largest trip).
    html! {
        <ContextProvider<Rc<Ui>> context={ui}>
            <div class={classes!("rp", theme)} lang={state.lang.code()}>
                if props.update_ready {
                    <UpdateBanner onreload={props.onreload.clone()} />
                }
                <Header {currency} currencies={currencies.clone()} onaction={onaction.clone()} />
                if props.saved_ignored {
                    <p class="rp-notice" role="status" data-testid="saved-ignored">{ t.saved_ignored }</p>
                }
                if props.save_failed {
                    <p class="rp-notice" role="status" data-testid="save-failed">{ t.save_failed }</p>
                }
                if let Some(note) = currency_note {
                    <p class="rp-notice" role="status" data-testid="currency-note">{ note }</p>
                }
                <CatalogueStatus custom={props.custom.clone()} setting_errors={props.setting_errors.clone()}
                    debug={props.settings.debug.unwrap_or(false)} />
                <AnswerSummary best={best.clone()} none={none_text} card={!props.trip_folded}
                    people={travellers} pending={pending && !loading} />
                <div class="rp-layout">
                    if props.trip_folded {
                        <details class="rp-edit">
                            <summary class="rp-card">
                                <span>{ state.trip.as_ref().map(|trip| trip_line(trip, state.lang)).unwrap_or_default() }</span>
                                <span class="rp-summary-link">{ t.edit_trip }</span>
                            </summary>
                            { form }
                        </details>
                    } else {
                        { form }
                    }
                    <div class="rp-outputs">{ outputs }</div>
                </div>
                <PlanBrowser countries={state.trip.as_ref().map(Trip::countries).unwrap_or_default()} {currency}
                    trip={state.trip.clone()} />
                if let Some(url) = props.widget_url.clone() {
                    <SharePanel widget_url={url} pairs={state.link_pairs(custom_url.as_deref())} oncopy={props.oncopy.clone()} />
                }
                <footer class="rp-footer">
                    if let Some(d) = catalogue.as_of {
                        <p>{ fill(t.prices_as_of, &[("date", &ui_date(state.lang, d))]) }</p>
                    }
                </footer>
                if let Some(best) = answer.as_ref().as_ref().and_then(|a| a.options.first()) {
                    <BestBar best={best.clone()} people={travellers} />
                }
            </div>
        </ContextProvider<Rc<Ui>>>
    }
}

fn ui_date(lang: Lang, date: Date) -> String {
    crate::i18n::Formatter::new(lang).date(date)
}
