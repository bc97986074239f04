//! The widget's answer and chart for its current inputs: calculated on the
//! page's thread when the trip is small, in the engine worker when it is
//! large (so typing never waits), and on the page again if the worker fails.

use crate::core::catalogue::Catalogue;
use crate::core::date::Date;
use crate::core::engine::{Answer, CarrierHint};
use crate::core::money::Currency;
use crate::core::trip::Trip;
use crate::ui::calculation::{self, Job, Outcome};
use crate::ui::components::cost_lines::Series;
use crate::ui::engine_client::{self, Failure};
use crate::ui::hooks::after_paint;
use std::rc::Rc;
use yew::prelude::*;

/// What the answer depends on.
#[derive(Clone)]
pub struct Inputs {
    /// The trip, when the form describes one.
    pub trip: Option<Trip>,
    /// Display currency.
    pub currency: Currency,
    /// The catalogue in use.
    pub catalogue: Rc<Catalogue>,
    /// A blog owner's catalogue's address (the worker's name for it);
    /// `None` for the built-in plans.
    pub catalogue_key: Option<AttrValue>,
    /// Today.
    pub today: Date,
}

/// The inputs' identity, cheap to compare. The catalogue is named by its
/// address, not compared plan by plan: the only other way it changes is the
/// built-in plans gaining their notes, which changes no figure, so nothing
/// is worked out again then.
type Identity = (Option<Trip>, Currency, Option<AttrValue>, Date);

impl Inputs {
    fn identity(&self) -> Identity {
        (
            self.trip.clone(),
            self.currency,
            self.catalogue_key.clone(),
            self.today,
        )
    }

    /// A job for these inputs: `answer` (with its carrier hints when
    /// `hints`), or alone the `hints` and the `chart`.
    fn job(&self, answer: bool, hints: bool, chart: bool) -> Option<Job> {
        Some(Job {
            trip: self.trip.clone()?,
            currency: self.currency,
            today: self.today,
            answer,
            hints,
            chart,
        })
    }
}

/// The calculation's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Calculated {
    /// The answer for the current inputs (`None`: no trip, or still being
    /// worked out).
    pub answer: Rc<Option<Answer>>,
    /// The usage chart's series (empty until worked out).
    pub series: Rc<Vec<Series>>,
    /// The worker is working out the answer for the current inputs.
    pub pending: bool,
}

/// A result from the worker, with the inputs it answers.
type Received<T> = Option<(Identity, Rc<T>)>;

/// The answer and, once `chart_ready`, the chart for `inputs`.
#[hook]
pub fn use_calculation(inputs: &Inputs, chart_ready: bool) -> Calculated {
    let channel = *use_memo((), |()| engine_client::new_channel());
    // Cleared for good when the worker fails: the page calculates again.
    let offload = use_state(|| true);
    let identity = inputs.identity();
    let heavy = *offload
        && inputs
            .trip
            .as_ref()
            .is_some_and(|trip| calculation::is_heavy(&inputs.catalogue, trip))
        && engine_client::available();

    let local_answer = {
        let inputs = inputs.clone();
        use_memo((identity.clone(), heavy), move |(_, heavy)| {
            inputs
                .job(true, true, false)
                .filter(|_| !heavy)
                .and_then(|job| calculation::run(&job, &inputs.catalogue).answer)
        })
    };
    // The chart's series on the page: after the answer is painted (eight
    // more searches; the answer does not wait for them), and only for the
    // inputs still current then (typing fast skips the ones overtaken).
    let local_series = use_state(|| Received::<Vec<Series>>::None);
    let latest = use_mut_ref(|| identity.clone());
    latest.replace(identity.clone());
    {
        let inputs = inputs.clone();
        let series_to = local_series.clone();
        use_effect_with(
            (identity.clone(), heavy, chart_ready),
            move |(identity, heavy, ready)| {
                if !*heavy && *ready {
                    let identity = identity.clone();
                    after_paint(move || {
                        if *latest.borrow() != identity {
                            return;
                        }
                        if let Some(job) = inputs.job(false, false, true) {
                            let series = calculation::run(&job, &inputs.catalogue).series;
                            series_to.set(Some((identity, Rc::new(series))));
                        }
                    });
                }
            },
        );
    }

    let received_answer = use_state(|| Received::<Option<Answer>>::None);
    let received_later = use_state(|| Received::<Later>::None);
    // The answer's job, sent once per inputs (not again when the chart
    // becomes ready: that would replace, and restart, a job under way).
    // It leaves out the carrier hints, which come after it.
    {
        let inputs = inputs.clone();
        let (answer_to, offload) = (received_answer.clone(), offload.clone());
        use_effect_with((identity.clone(), heavy), move |(identity, heavy)| {
            if *heavy {
                let identity = identity.clone();
                let key = inputs.catalogue_key.as_ref().map(ToString::to_string);
                send(
                    channel,
                    inputs.job(true, false, false),
                    key,
                    offload,
                    move |outcome: Outcome| {
                        answer_to.set(Some((identity, Rc::new(outcome.answer))));
                    },
                );
            }
        });
    }
    // The carrier hints and, once ready, the chart, on their own channel:
    // they wait behind every answer.
    {
        let inputs = inputs.clone();
        let later_to = received_later.clone();
        use_effect_with(
            (identity.clone(), heavy, chart_ready),
            move |(identity, heavy, ready)| {
                if *heavy {
                    let identity = identity.clone();
                    let key = inputs.catalogue_key.as_ref().map(ToString::to_string);
                    send(
                        channel + 1,
                        inputs.job(false, true, *ready),
                        key,
                        offload,
                        move |outcome: Outcome| {
                            let later = Later {
                                hints: outcome.hints.unwrap_or_default(),
                                series: Rc::new(outcome.series),
                            };
                            later_to.set(Some((identity, Rc::new(later))));
                        },
                    );
                }
            },
        );
    }

    let answer = current(received_answer.as_ref(), &identity);
    let later = current(received_later.as_ref(), &identity);
    // The worker's answer with its hints, once both are in.
    let with_hints = use_memo(
        (
            answer.as_ref().map(|a| Rc::as_ptr(a) as usize),
            later.as_ref().map(|l| Rc::as_ptr(l) as usize),
        ),
        {
            let (answer, later) = (answer.clone(), later.clone());
            move |_| match (answer, later) {
                (Some(answer), Some(later)) if !later.hints.is_empty() => {
                    Some(Rc::new(answer.as_ref().clone().map(|mut a| {
                        a.carrier_hints.clone_from(&later.hints);
                        a
                    })))
                }
                (answer, _) => answer,
            }
        },
    );

    if !heavy {
        // Until the chart for these inputs is worked out (the next task),
        // the last one stays: lines that vanish and return on every
        // keystroke would flicker.
        return Calculated {
            answer: local_answer,
            series: local_series
                .as_ref()
                .map(|(_, series)| Rc::clone(series))
                .unwrap_or_default(),
            pending: false,
        };
    }
    Calculated {
        pending: answer.is_none(),
        answer: (*with_hints).clone().unwrap_or_default(),
        series: later.map(|l| Rc::clone(&l.series)).unwrap_or_default(),
    }
}

/// What the worker sends after the answer.
#[derive(Debug)]
struct Later {
    hints: Vec<CarrierHint>,
    series: Rc<Vec<Series>>,
}

/// What the worker sent for these inputs, if it has.
fn current<T>(received: Option<&(Identity, Rc<T>)>, identity: &Identity) -> Option<Rc<T>> {
    received
        .filter(|(id, _)| id == identity)
        .map(|(_, value)| Rc::clone(value))
}

/// Sends a job to the worker and hands its outcome to `done`; a failed
/// worker sends the widget back to calculating on the page.
fn send(
    channel: u32,
    job: Option<Job>,
    catalogue: Option<String>,
    offload: UseStateHandle<bool>,
    done: impl FnOnce(Outcome) + 'static,
) {
    let Some(job) = job else {
        return;
    };
    spawn(async move {
        match engine_client::run(channel, &job, catalogue.as_deref()).await {
            Ok(outcome) => done(outcome),
            Err(Failure::Superseded) => {}
            Err(Failure::Unavailable) => offload.set(false),
        }
    });
}

#[cfg(target_arch = "wasm32")]
fn spawn(task: impl std::future::Future<Output = ()> + 'static) {
    wasm_bindgen_futures::spawn_local(task);
}

/// Natively no worker is ever available, so nothing is sent.
#[cfg(not(target_arch = "wasm32"))]
fn spawn(task: impl std::future::Future<Output = ()> + 'static) {
    drop(task);
}
