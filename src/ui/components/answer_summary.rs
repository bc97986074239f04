//! The answer first: on a phone, the best total and what it is, at the top
//! of the widget, before the form (on a wide screen the answer already sits
//! beside the form, so the card is hidden there). It also holds the one live
//! region: a short summary, announced once the answer has settled, instead
//! of the whole results section after every keystroke.

use crate::core::engine::TripOption;
use crate::i18n::{fill, plan_line, strategy_label};
use crate::ui::context::use_ui;
use yew::prelude::*;

/// How long the answer must stay unchanged before it is announced: typing
/// "12" must not announce the answer for "1".
const SETTLE_MS: u32 = 800;

/// Runs `f` after `ms` milliseconds; the returned clean-up cancels it.
#[cfg(target_arch = "wasm32")]
fn after(ms: u32, f: impl FnOnce() + 'static) -> impl FnOnce() {
    let timeout = gloo_timers::callback::Timeout::new(ms, f);
    move || drop(timeout)
}

/// Natively (components rendered to HTML) effects do not run: nothing to wait for.
#[cfg(not(target_arch = "wasm32"))]
fn after(_ms: u32, f: impl FnOnce() + 'static) -> impl FnOnce() {
    f();
    || ()
}

/// Props of [`AnswerSummary`].
#[derive(Properties, PartialEq)]
pub struct AnswerSummaryProps {
    /// The best option, if any.
    pub best: Option<TripOption>,
    /// The sentence shown instead when nothing covers the trip.
    #[prop_or_default]
    pub none: Option<AttrValue>,
    /// Whether the card is shown (not when the answer already follows the
    /// folded trip); the live region always is.
    #[prop_or(true)]
    pub card: bool,
    /// Travellers: "a line each" is not said to someone alone.
    #[prop_or(1)]
    pub people: u32,
    /// The answer is being worked out (a large trip, in the engine
    /// worker): the card keeps its place and says so.
    #[prop_or_default]
    pub pending: bool,
}

/// The top summary and the live region.
#[component]
pub fn AnswerSummary(props: &AnswerSummaryProps) -> Html {
    let ui = use_ui();
    let (t, f) = (ui.t(), ui.f());
    let plans = props
        .best
        .as_ref()
        .map(|best| plan_line(&ui.catalogue, best, ui.lang));
    let spoken = match (&props.best, &plans) {
        (Some(best), Some(plans)) => fill(
            t.summary_live,
            &[("amount", &f.money(best.total)), ("plans", plans)],
        ),
        _ => props.none.as_deref().unwrap_or_default().to_owned(),
    };
    let announced = use_state(String::new);
    {
        let announced = announced.clone();
        use_effect_with(spoken, move |spoken| {
            let spoken = spoken.clone();
            after(SETTLE_MS, move || announced.set(spoken))
        });
    }
    html! {
        <>
            <p class="rp-visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="live-summary">
                { (*announced).clone() }
            </p>
            if let Some((best, plans)) = props.best.as_ref().zip(plans).filter(|_| props.card) {
                <a class="rp-card rp-summary" href="#rp-results-heading" data-testid="summary">
                    <span class="rp-summary-line">
                        <span class="rp-badge rp-badge-best">{ t.best_badge }</span>
                        <strong class="rp-summary-total">{ f.money(best.total) }</strong>
                        if let Some(label) = strategy_label(best.strategy, props.people, ui.lang) {
                            <span class="rp-muted">{ label }</span>
                        }
                    </span>
                    <span class="rp-summary-plans">{ plans }</span>
                    <span class="rp-summary-link">{ t.summary_link }{ " ↓" }</span>
                </a>
            }
            if props.pending && props.card {
                <div class="rp-card rp-summary rp-working" aria-busy="true" data-testid="summary-pending">
                    <span class="rp-summary-plans">{ t.calculating }</span>
                </div>
            }
            if let Some(none) = props.none.as_ref().filter(|_| props.card && props.best.is_none()) {
                <a class="rp-card rp-summary" href="#rp-results-heading" data-testid="summary">
                    <span class="rp-summary-plans">{ none.clone() }</span>
                </a>
            }
        </>
    }
}
