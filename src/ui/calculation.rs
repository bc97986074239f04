//! One calculation the widget shows: the engine's answer for the trip and,
//! for the chart, the totals across the usage grid. The same code runs on
//! the page's thread (small trips) and in the engine worker (large ones):
//! a `Job` and its `Outcome` cross between them as plain data.

use crate::core::catalogue::{Catalogue, Megabytes};
use crate::core::date::Date;
use crate::core::engine::{self, Answer, CarrierHint, Reason, Request};
use crate::core::money::{Currency, Money};
use crate::core::trip::Trip;

/// Work above which a calculation leaves the page's thread (when a worker
/// can take it): `engine::work_estimate` units. Measured in Chromium on the
/// bench's family trip (Hong Kong 1-6, Japan 4, Hong Kong 2; two adults,
/// two children; 8,428-30,960 units, regrouping at every day boundary), a
/// unit costs about 0.45 µs with the answer drawn (p95 14 ms to the DOM):
/// this keeps an edit on the page near a frame, where the worker's round
/// trip alone costs more (its p95 was 33 ms).
pub const HEAVY_WORK: u64 = 35_000;

/// Data per day values the usage chart is drawn at.
pub const USAGE_GRID: [Megabytes; 8] = [100, 250, 500, 1024, 2048, 3072, 5120, 10240];

/// One line: a way of staying online and its total at each grid point.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Series {
    /// Which way.
    pub reason: Reason,
    /// Total in hundredths at each `USAGE_GRID` point (`None`: not possible).
    pub totals: Vec<Option<i64>>,
}

/// The currency an answer is shown in: the one asked for when the
/// catalogue has a rate for it; otherwise the euro, or the catalogue's
/// first currency (the widget tells the reader).
pub fn display_currency(catalogue: &Catalogue, asked: Currency) -> Currency {
    if catalogue.rates.knows(asked) {
        return asked;
    }
    Some(Currency::EUR)
        .filter(|c| catalogue.rates.knows(*c))
        .or_else(|| catalogue.rates.currencies().next())
        .unwrap_or(asked)
}

/// What to calculate.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Job {
    /// The trip.
    pub trip: Trip,
    /// Display currency (the catalogue has a rate for it).
    pub currency: Currency,
    /// Today, for the age of prices.
    pub today: Date,
    /// The answer's options.
    pub answer: bool,
    /// The carriers whose customers would pay less (with the answer, in
    /// it; alone, on their own: the worker sends them after the answer).
    pub hints: bool,
    /// The usage chart's series.
    pub chart: bool,
}

impl Job {
    /// Whether the job can wait behind answers (it gives none).
    pub fn can_wait(&self) -> bool {
        !self.answer
    }
}

/// What a job gives.
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Outcome {
    /// The answer (for a job asking for it).
    pub answer: Option<Answer>,
    /// The carrier hints, for a job asking for them without the answer.
    pub hints: Option<Vec<CarrierHint>>,
    /// The chart's series (for a job asking for it).
    pub series: Vec<Series>,
}

/// Runs a job on a catalogue.
pub fn run(job: &Job, catalogue: &Catalogue) -> Outcome {
    let request = Request {
        catalogue,
        trip: &job.trip,
        currency: job.currency,
        today: job.today,
    };
    let mut outcome = Outcome::default();
    if job.answer || job.hints {
        let mut answer = engine::compute_options(request);
        if job.hints {
            let hints = engine::carrier_hints_for(request, &answer);
            if job.answer {
                answer.carrier_hints = hints;
            } else {
                outcome.hints = Some(hints);
            }
        }
        outcome.answer = job.answer.then_some(answer);
    }
    if job.chart {
        outcome.series = usage_series(catalogue, &job.trip, job.currency, job.today);
    }
    outcome
}

/// Whether a trip is too much work for the page's thread.
pub fn is_heavy(catalogue: &Catalogue, trip: &Trip) -> bool {
    engine::work_estimate(catalogue, trip) > HEAVY_WORK
}

/// Totals of each way of staying online across the usage grid.
fn usage_series(
    catalogue: &Catalogue,
    trip: &Trip,
    currency: Currency,
    today: Date,
) -> Vec<Series> {
    let reasons = [Reason::Cheapest, Reason::Separate];
    let totals: Vec<Vec<(Reason, Money)>> = USAGE_GRID
        .iter()
        .map(|mb| {
            let trip = scaled_to(trip, *mb);
            engine::totals(Request {
                catalogue,
                trip: &trip,
                currency,
                today,
            })
        })
        .collect();
    reasons
        .into_iter()
        .map(|reason| Series {
            reason,
            totals: totals
                .iter()
                .map(|at| at.iter().find(|(r, _)| *r == reason).map(|(_, m)| m.minor))
                .collect(),
        })
        .filter(|s| s.totals.iter().any(Option::is_some))
        .collect()
}

/// The trip with every traveller's use scaled so that the average is `mb`
/// a day (the same for everyone when they all use the same).
fn scaled_to(trip: &Trip, mb: u64) -> Trip {
    let mut scaled = trip.clone();
    let people = trip.travellers.len().max(1) as u64;
    let total = trip.group_mb_per_day().max(1);
    for t in &mut scaled.travellers {
        t.mb_per_day = (t.mb_per_day * mb * people).div_ceil(total).max(1);
    }
    scaled
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalogue::{load_native, BUILT_IN_JSON};
    use crate::core::country::CountryCode;
    use crate::core::trip::{Leg, Traveller};
    use crate::ui::engine_client::{decode, encode};

    fn built_in() -> Catalogue {
        load_native(BUILT_IN_JSON)
            .expect("built-in catalogue")
            .catalogue
    }

    fn trip(days: u32, travellers: &[(u64, bool)]) -> Trip {
        let mut trip = Trip::uniform(
            vec![Leg {
                country: CountryCode::parse("HK").expect("code"),
                days,
            }],
            1,
            1024,
            Date::parse("2026-12-01").expect("date"),
        );
        trip.travellers = travellers
            .iter()
            .map(|&(mb_per_day, esim)| Traveller { mb_per_day, esim })
            .collect();
        trip
    }

    #[test]
    fn a_job_crosses_as_data_and_gives_the_same_answer() {
        let catalogue = built_in();
        let job = Job {
            trip: trip(4, &[(2048, true), (2048, true), (300, false)]),
            currency: Currency::parse("HKD").expect("currency"),
            today: Date::parse("2026-11-30").expect("date"),
            answer: true,
            hints: true,
            chart: false,
        };
        let bytes = encode(&job).expect("job to bytes");
        let back: Job = decode(&bytes).expect("job from bytes");
        assert_eq!(back, job);
        let outcome = run(&back, &catalogue);
        let answer = outcome.answer.clone().expect("an answer");
        assert!(
            !answer.options.is_empty(),
            "the built-in catalogue answers HK"
        );
        let bytes = encode(&outcome).expect("outcome to bytes");
        let back: Outcome = decode(&bytes).expect("outcome from bytes");
        assert_eq!(
            decode::<Outcome>(&bytes[..bytes.len() / 2]),
            None,
            "cut bytes are refused"
        );
        assert_eq!(back, outcome, "the answer survives the crossing whole");
        assert_eq!(
            back.answer.expect("answer").options[0].value(),
            answer.options[0].value()
        );
    }

    #[test]
    fn small_trips_stay_on_the_page_and_large_ones_do_not() {
        let catalogue = built_in();
        assert!(!is_heavy(&catalogue, &trip(4, &[(1024, true); 4])));
        assert!(!is_heavy(
            &catalogue,
            &trip(9, &[(2048, true), (2048, true), (300, false), (300, false)])
        ));
        let kinds = [(2048, true), (300, false), (1024, true), (500, false)];
        let twelve: Vec<(u64, bool)> = (0..12).map(|i| kinds[i % 4]).collect();
        assert!(is_heavy(&catalogue, &trip(120, &twelve)));
        // The bench's family trip, regrouping between its legs, stays on
        // the page; the end-to-end specs' large trip does not.
        let mut family = trip(3, &[(2048, true), (2048, true), (300, false), (300, false)]);
        for (country, days) in [("JP", 4), ("HK", 2)] {
            family.legs.push(crate::core::trip::Leg {
                country: CountryCode::parse(country).expect("code"),
                days,
            });
        }
        assert!(!is_heavy(&catalogue, &family));
        let six = [
            (2048, true),
            (2048, true),
            (1024, true),
            (1024, false),
            (300, false),
            (300, false),
        ];
        assert!(is_heavy(&catalogue, &trip(20, &six)));
    }

    #[test]
    fn the_worker_sends_the_answer_first_and_its_carrier_hints_after() {
        let catalogue = built_in();
        // Hong Kong readers who have not said their carrier, in Shenzhen
        // for a day: only their carriers' passes serve the mainland.
        let mut trip = trip(1, &[(500, true)]);
        trip.legs[0].country = CountryCode::parse("CN").expect("code");
        trip.home = Some(CountryCode::parse("HK").expect("code"));
        let job = |answer, hints, chart| Job {
            trip: trip.clone(),
            currency: Currency::parse("CNY").expect("currency"),
            today: Date::parse("2026-11-30").expect("date"),
            answer,
            hints,
            chart,
        };
        let whole = run(&job(true, true, false), &catalogue)
            .answer
            .expect("an answer");
        assert!(
            !whole.carrier_hints.is_empty(),
            "a carrier's customers pay less here"
        );
        let first = run(&job(true, false, false), &catalogue);
        let answer = first.answer.expect("an answer");
        assert!(answer.carrier_hints.is_empty(), "no hints with the answer");
        assert_eq!(answer.options, whole.options, "the same options");
        assert_eq!(first.hints, None);
        let later = run(&job(false, true, false), &catalogue);
        assert!(later.answer.is_none());
        assert!(later.series.is_empty(), "no chart asked for");
        assert_eq!(later.hints, Some(whole.carrier_hints.clone()));
        let with_chart = run(&job(false, true, true), &catalogue);
        assert_eq!(with_chart.hints, Some(whole.carrier_hints));
        assert_eq!(
            with_chart.series,
            run(&job(false, false, true), &catalogue).series
        );
    }

    #[test]
    fn a_chart_job_gives_series_and_no_answer() {
        let catalogue = built_in();
        let job = Job {
            trip: trip(4, &[(1024, true)]),
            currency: Currency::EUR,
            today: Date::parse("2026-11-30").expect("date"),
            answer: false,
            hints: false,
            chart: true,
        };
        let outcome = run(&job, &catalogue);
        assert!(outcome.answer.is_none());
        assert!(!outcome.series.is_empty());
        assert!(outcome
            .series
            .iter()
            .all(|s| s.totals.len() == USAGE_GRID.len()));
    }
}
