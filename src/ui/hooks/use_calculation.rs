//! The widget's answer and chart for its current inputs: calculated on the
//! page's thread when the trip is small, in the engine worker when it is
//! large (so typing never waits), and on the page again if the worker fails.

use crate::core::catalogue::Catalogue;
use crate::core::date::Date;
use crate::core::engine::Answer;
use crate::core::money::Currency;
use crate::core::trip::Trip;
use crate::ui::calculation::{self, Job, Outcome};
use crate::ui::components::cost_lines::Series;
use crate::ui::engine_client::{self, Failure};
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

    fn job(&self, chart: bool) -> Option<Job> {
        Some(Job {
            trip: self.trip.clone()?,
            currency: self.currency,
            today: self.today,
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
                .job(false)
                .filter(|_| !heavy)
                .and_then(|job| calculation::run(&job, &inputs.catalogue).answer)
        })
    };
    let local_series = {
        let inputs = inputs.clone();
        use_memo(
            (identity.clone(), heavy, chart_ready),
            move |(_, heavy, ready)| {
                inputs
                    .job(true)
                    .filter(|_| !heavy && *ready)
                    .map(|job| calculation::run(&job, &inputs.catalogue).series)
                    .unwrap_or_default()
            },
        )
    };

    let received_answer = use_state(|| Received::<Option<Answer>>::None);
    let received_series = use_state(|| Received::<Vec<Series>>::None);
    // The answer's job, sent once per inputs (not again when the chart
    // becomes ready: that would replace, and restart, a job under way).
    {
        let inputs = inputs.clone();
        let (answer_to, offload) = (received_answer.clone(), offload.clone());
        use_effect_with((identity.clone(), heavy), move |(identity, heavy)| {
            if *heavy {
                let identity = identity.clone();
                let key = inputs.catalogue_key.as_ref().map(ToString::to_string);
                send(
                    channel,
                    inputs.job(false),
                    key,
                    offload,
                    move |outcome: Outcome| {
                        answer_to.set(Some((identity, Rc::new(outcome.answer))));
                    },
                );
            }
        });
    }
    // The chart's, on its own channel: it waits behind every answer.
    {
        let inputs = inputs.clone();
        let series_to = received_series.clone();
        use_effect_with(
            (identity.clone(), heavy, chart_ready),
            move |(identity, heavy, ready)| {
                if *heavy && *ready {
                    let identity = identity.clone();
                    let key = inputs.catalogue_key.as_ref().map(ToString::to_string);
                    send(
                        channel + 1,
                        inputs.job(true),
                        key,
                        offload,
                        move |outcome: Outcome| {
                            series_to.set(Some((identity, Rc::new(outcome.series))));
                        },
                    );
                }
            },
        );
    }

    if !heavy {
        return Calculated {
            answer: local_answer,
            series: local_series,
            pending: false,
        };
    }
    let answer = current(received_answer.as_ref(), &identity);
    Calculated {
        pending: answer.is_none(),
        answer: answer.unwrap_or_default(),
        series: current(received_series.as_ref(), &identity).unwrap_or_default(),
    }
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
